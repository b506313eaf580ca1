//! The frameworks table behind [`FrameworkStore`]. Every read is a `GetItem` or a `Query`
//! on the `by_name` index — compare and recommend may only `Query` (least privilege), so
//! nothing here scans.

use std::sync::Arc;

use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::operation::delete_item::DeleteItemError;
use aws_sdk_dynamodb::operation::put_item::PutItemError;
use aws_sdk_dynamodb::types::{AttributeValue, ReturnValuesOnConditionCheckFailure};
use model::clock::now_rfc3339;
use model::listing::list_in_memory;
use model::store::{BoxFuture, stored_framework};
use model::{
    Cursor, Framework, FrameworkSpec, FrameworkStore, ListQuery, Page, Position, Precondition,
    Slug, Sort, StoreError,
};

use crate::error::store_error;
use crate::item::{FRAMEWORK_ENTITY, Item, framework_from_item, framework_to_item, version_of};
use crate::tables::BY_NAME_INDEX;

/// Items one `Query` page asks for when a filter may drop some of them: enough that a
/// filtered page of the 26-item catalog needs one round trip, small enough to stay far
/// below the 1 MB page limit.
const FILTERED_PAGE: usize = 100;

#[derive(Debug, Clone)]
pub struct DynamoFrameworks {
    client: Client,
    table: String,
}

impl DynamoFrameworks {
    pub fn new(client: Client, table: impl Into<String>) -> Self {
        Self {
            client,
            table: table.into(),
        }
    }

    /// One page of the `by_name` index, in name order, and where the next one starts.
    async fn query_page(
        &self,
        start: Option<Item>,
        limit: Option<usize>,
    ) -> Result<(Vec<Framework>, Option<Item>), StoreError> {
        let output = self
            .client
            .query()
            .table_name(&self.table)
            .index_name(BY_NAME_INDEX)
            .key_condition_expression("entity = :entity")
            .expression_attribute_values(":entity", AttributeValue::S(FRAMEWORK_ENTITY.into()))
            .set_exclusive_start_key(start)
            .set_limit(limit.map(|n| i32::try_from(n).unwrap_or(i32::MAX)))
            .send()
            .await
            .map_err(|error| store_error("Query", error))?;
        let next = output.last_evaluated_key().cloned();
        let frameworks = output
            .items
            .unwrap_or_default()
            .into_iter()
            .map(framework_from_item)
            .collect::<Result<_, _>>()?;
        Ok((frameworks, next))
    }

    /// The whole catalog in name order, page after page.
    async fn query_all(&self) -> Result<Vec<Framework>, StoreError> {
        let mut all = Vec::new();
        let mut start = None;
        loop {
            let (page, next) = self.query_page(start, None).await?;
            all.extend(page);
            match next {
                Some(key) => start = Some(key),
                None => return Ok(all),
            }
        }
    }

    /// `sort=name`: the cursor's position is the index's own key, so each page starts
    /// exactly where the last one ended and reads only what it serves (plus one item, to
    /// know whether there is a next page).
    async fn list_by_name(&self, query: &ListQuery) -> Result<Page, StoreError> {
        let size = query.size.get();
        let unfiltered = query.filter == model::Filter::default();
        let batch = if unfiltered { size + 1 } else { FILTERED_PAGE };
        let mut start = query.after.as_ref().and_then(start_key);
        let mut served: Vec<Framework> = Vec::with_capacity(size + 1);
        'pages: loop {
            let (page, next) = self.query_page(start, Some(batch)).await?;
            for framework in page {
                if query.filter.matches(&framework) {
                    served.push(framework);
                    if served.len() > size {
                        break 'pages;
                    }
                }
            }
            match next {
                Some(key) => start = Some(key),
                None => break,
            }
        }
        let has_more = served.len() > size;
        served.truncate(size);
        let next = has_more
            .then(|| served.last())
            .flatten()
            .map(|last| Cursor {
                sort: Sort::Name,
                position: Sort::Name.position_of(last),
            });
        Ok(Page {
            items: served,
            next,
        })
    }
}

/// The `by_name` key at a cursor position: `ExclusiveStartKey` needs the index key
/// (`entity`, `name_key`) and the table key (`id`, the part of `name_key` after its last
/// `#`). Names are unique per key, so a position whose id part is unusable still orders
/// correctly with any non-empty stand-in; an empty key starts at the beginning, which is
/// where every item sorts after it anyway.
fn start_key(position: &Position) -> Option<Item> {
    let name_key = position.name_key.as_str();
    if name_key.is_empty() {
        return None;
    }
    let id = match name_key.rsplit_once('#') {
        Some((_, id)) if !id.is_empty() => id,
        _ => "-",
    };
    Some(Item::from([
        ("entity".into(), AttributeValue::S(FRAMEWORK_ENTITY.into())),
        ("name_key".into(), AttributeValue::S(name_key.into())),
        ("id".into(), AttributeValue::S(id.into())),
    ]))
}

fn version_condition(version: u64) -> (&'static str, &'static str, AttributeValue) {
    (
        "version = :expected",
        ":expected",
        AttributeValue::N(version.to_string()),
    )
}

impl FrameworkStore for DynamoFrameworks {
    fn list<'a>(&'a self, query: &'a ListQuery) -> BoxFuture<'a, Result<Page, StoreError>> {
        Box::pin(async move {
            match query.sort {
                Sort::Name => self.list_by_name(query).await,
                // No index per dimension: the catalog is small, so rank it in memory.
                Sort::Best(_) => Ok(list_in_memory(&self.query_all().await?, query)),
            }
        })
    }

    fn get<'a>(&'a self, id: &'a Slug) -> BoxFuture<'a, Result<Option<Framework>, StoreError>> {
        Box::pin(async move {
            let output = self
                .client
                .get_item()
                .table_name(&self.table)
                .key("id", AttributeValue::S(id.as_str().into()))
                // An admin who has just written expects to read the new version back.
                .consistent_read(true)
                .send()
                .await
                .map_err(|error| store_error("GetItem", error))?;
            output.item.map(framework_from_item).transpose()
        })
    }

    fn catalog(&self) -> BoxFuture<'_, Result<Arc<Vec<Framework>>, StoreError>> {
        Box::pin(async move {
            let mut all = self.query_all().await?;
            all.sort_by(|a, b| a.id.cmp(&b.id));
            Ok(Arc::new(all))
        })
    }

    fn put(
        &self,
        id: Slug,
        spec: FrameworkSpec,
        precondition: Precondition,
    ) -> BoxFuture<'_, Result<Framework, StoreError>> {
        Box::pin(async move {
            let stored = stored_framework(id, spec, precondition, now_rfc3339());
            let request = self
                .client
                .put_item()
                .table_name(&self.table)
                .set_item(Some(framework_to_item(&stored)?))
                .return_values_on_condition_check_failure(
                    ReturnValuesOnConditionCheckFailure::AllOld,
                );
            let request = match precondition {
                Precondition::Absent => request.condition_expression("attribute_not_exists(id)"),
                Precondition::Version(expected) => {
                    let (condition, name, value) = version_condition(expected);
                    request
                        .condition_expression(condition)
                        .expression_attribute_values(name, value)
                }
            };
            match request.send().await {
                Ok(_) => Ok(stored),
                Err(error) => match error.as_service_error() {
                    Some(PutItemError::ConditionalCheckFailedException(failed)) => {
                        Err(StoreError::PreconditionFailed {
                            current: failed.item.as_ref().and_then(version_of),
                        })
                    }
                    _ => Err(store_error("PutItem", error)),
                },
            }
        })
    }

    fn delete(&self, id: Slug, version: u64) -> BoxFuture<'_, Result<(), StoreError>> {
        Box::pin(async move {
            let (condition, name, value) = version_condition(version);
            let result = self
                .client
                .delete_item()
                .table_name(&self.table)
                .key("id", AttributeValue::S(id.as_str().into()))
                .condition_expression(condition)
                .expression_attribute_values(name, value)
                .return_values_on_condition_check_failure(
                    ReturnValuesOnConditionCheckFailure::AllOld,
                )
                .send()
                .await;
            match result {
                Ok(_) => Ok(()),
                Err(error) => match error.as_service_error() {
                    Some(DeleteItemError::ConditionalCheckFailedException(failed)) => {
                        Err(StoreError::PreconditionFailed {
                            current: failed.item.as_ref().and_then(version_of),
                        })
                    }
                    _ => Err(store_error("DeleteItem", error)),
                },
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_position_maps_onto_the_index_key() {
        let key = start_key(&Position {
            score: None,
            name_key: "ruby on rails#rails".into(),
        })
        .unwrap();
        assert_eq!(key["id"], AttributeValue::S("rails".into()));
        assert_eq!(
            key["name_key"],
            AttributeValue::S("ruby on rails#rails".into())
        );
        assert_eq!(key["entity"], AttributeValue::S("framework".into()));
    }

    #[test]
    fn odd_positions_still_make_valid_keys() {
        for odd in ["no-hash", "trailing#", "#"] {
            let key = start_key(&Position {
                score: None,
                name_key: odd.into(),
            })
            .unwrap();
            assert!(matches!(&key["id"], AttributeValue::S(id) if !id.is_empty()));
        }
        assert!(
            start_key(&Position {
                score: None,
                name_key: String::new()
            })
            .is_none()
        );
    }
}
