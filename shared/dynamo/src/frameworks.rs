//! The frameworks table behind [`FrameworkStore`]. Every read is a `GetItem` or a `Query`
//! on the `by_name` index — compare and recommend may only `Query` (least privilege), so
//! nothing here scans.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex, PoisonError};

use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::operation::put_item::PutItemError;
use aws_sdk_dynamodb::types::{AttributeValue, ReturnValuesOnConditionCheckFailure};
use model::clock::now_rfc3339;
use model::listing::list_in_memory;
use model::store::{BoxFuture, stored_framework};
use model::{
    Cursor, Framework, FrameworkStore, FrameworkWrite, ListQuery, Page, Position, Precondition,
    Slug, Sort, StoreError,
};

use crate::error::store_error;
use crate::item::{
    FRAMEWORK_ENTITY, Item, framework_from_item, framework_to_item, get_by_id, is_tombstone,
    retired_version_of, tombstone, version_of,
};
use crate::tables::BY_NAME_INDEX;

/// Items one `Query` page asks for when a filter may drop some of them: enough that a
/// filtered page of a catalog under 100 items (61 today) needs one round trip, small enough to stay far
/// below the 1 MB page limit.
const FILTERED_PAGE: usize = 100;

#[derive(Debug, Clone)]
pub struct DynamoFrameworks {
    client: Client,
    table: String,
    /// Ids of items a listing could not read and skipped, each logged once per container.
    unreadable: Arc<Mutex<BTreeSet<String>>>,
}

impl DynamoFrameworks {
    pub fn new(client: Client, table: impl Into<String>) -> Self {
        Self {
            client,
            table: table.into(),
            unreadable: Arc::default(),
        }
    }

    /// The ids listings have skipped as unreadable so far, in id order.
    pub fn unreadable_items(&self) -> Vec<String> {
        self.unreadable_ids().iter().cloned().collect()
    }

    fn unreadable_ids(&self) -> std::sync::MutexGuard<'_, BTreeSet<String>> {
        // The set is only ever inserted into; a poisoned lock still holds a whole set.
        self.unreadable
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// One item a listing cannot read (written by hand, or by an older schema) must not
    /// take the listing down for everyone: it is left out and reported once, with its key
    /// and a field an alarm's metric filter counts (`unreadable_item`).
    fn read_listed(&self, item: Item) -> Option<Framework> {
        let id = match item.get("id") {
            Some(AttributeValue::S(id)) => id.clone(),
            _ => "?".to_owned(),
        };
        match framework_from_item(item) {
            Ok(framework) => Some(framework),
            Err(error) => {
                if self.unreadable_ids().insert(id.clone()) {
                    tracing::error!(
                        table = %self.table,
                        id = %id,
                        unreadable_item = 1,
                        %error,
                        "skipping an unreadable framework item in listings; fix or delete it"
                    );
                }
                None
            }
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
            .filter_map(|item| self.read_listed(item))
            .collect();
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

/// How many times a create retries when the id's tombstone changes under it (another
/// writer deleting or creating it at the same moment); beyond that it reports the conflict.
const CREATE_ATTEMPTS: usize = 3;

/// The condition a write puts on the item it replaces.
enum Expect {
    /// Nothing at the id: create.
    Nothing,
    /// A tombstone at `version`: create again after a delete.
    Tombstone(u64),
    /// A live framework at `version`: replace or delete.
    Live(u64),
}

impl Expect {
    fn condition(&self) -> (&'static str, Option<AttributeValue>) {
        match self {
            Expect::Nothing => ("attribute_not_exists(id)", None),
            Expect::Tombstone(version) => (
                "attribute_exists(deleted) AND version = :expected",
                Some(AttributeValue::N(version.to_string())),
            ),
            Expect::Live(version) => (
                "attribute_not_exists(deleted) AND version = :expected",
                Some(AttributeValue::N(version.to_string())),
            ),
        }
    }
}

/// A conditional write's outcome: done, or refused with the item found instead (if any).
enum Written {
    Done,
    Refused(Option<Item>),
}

impl FrameworkStore for DynamoFrameworks {
    fn list<'a>(&'a self, query: &'a ListQuery) -> BoxFuture<'a, Result<Page, StoreError>> {
        Box::pin(async move {
            match query.sort {
                Sort::Name => self.list_by_name(query).await,
                // No index per dimension, and no facts here: the catalog is small, so rank
                // it in memory (the catalog function lists a release order with the facts).
                Sort::Best(_) | Sort::LatestRelease => {
                    Ok(list_in_memory(&self.query_all().await?, query))
                }
            }
        })
    }

    fn get<'a>(&'a self, id: &'a Slug) -> BoxFuture<'a, Result<Option<Framework>, StoreError>> {
        Box::pin(async move {
            // An admin who has just written expects to read the new version back.
            get_by_id(&self.client, &self.table, id, true)
                .await?
                .filter(|item| !is_tombstone(item))
                .map(framework_from_item)
                .transpose()
        })
    }

    fn catalog(&self) -> BoxFuture<'_, Result<Arc<Vec<Framework>>, StoreError>> {
        Box::pin(async move {
            let mut all = self.query_all().await?;
            all.sort_by(|a, b| a.id.cmp(&b.id));
            Ok(Arc::new(all))
        })
    }

    fn put(&self, write: FrameworkWrite) -> BoxFuture<'_, Result<Framework, StoreError>> {
        let FrameworkWrite {
            id,
            spec,
            precondition,
        } = write;
        Box::pin(async move {
            let mut expect = match precondition {
                Precondition::Absent => Expect::Nothing,
                Precondition::Version(version) => Expect::Live(version),
            };
            for _ in 0..CREATE_ATTEMPTS {
                let retired = match expect {
                    Expect::Tombstone(version) => Some(version),
                    _ => None,
                };
                let version = precondition.next_version(retired);
                let stored = stored_framework(id.clone(), spec.clone(), version, now_rfc3339());
                match self.write(framework_to_item(&stored)?, &expect).await? {
                    Written::Done => return Ok(stored),
                    // Creating over a tombstone: try again from its version.
                    Written::Refused(Some(found))
                        if precondition == Precondition::Absent && is_tombstone(&found) =>
                    {
                        match retired_version_of(&found) {
                            Some(version) => expect = Expect::Tombstone(version),
                            None => return Err(unreadable_tombstone(&id)),
                        }
                    }
                    Written::Refused(found) => {
                        return Err(StoreError::PreconditionFailed {
                            current: found.as_ref().and_then(version_of),
                        });
                    }
                }
            }
            Err(StoreError::PreconditionFailed { current: None })
        })
    }

    fn delete(&self, id: Slug, version: u64) -> BoxFuture<'_, Result<(), StoreError>> {
        Box::pin(async move {
            match self
                .write(tombstone(id.as_str(), version), &Expect::Live(version))
                .await?
            {
                Written::Done => Ok(()),
                Written::Refused(found) => Err(StoreError::PreconditionFailed {
                    current: found.as_ref().and_then(version_of),
                }),
            }
        })
    }
}

impl DynamoFrameworks {
    /// `PutItem` of `item` if the item now stored is what `expect` says. A refusal returns
    /// the current item in the same round trip (`ALL_OLD`), so a 412 can name its `ETag`.
    async fn write(&self, item: Item, expect: &Expect) -> Result<Written, StoreError> {
        let (condition, expected) = expect.condition();
        let result = self
            .client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(item))
            .condition_expression(condition)
            .set_expression_attribute_values(
                expected.map(|value| [(":expected".to_owned(), value)].into()),
            )
            .return_values_on_condition_check_failure(ReturnValuesOnConditionCheckFailure::AllOld)
            .send()
            .await;
        match result {
            Ok(_) => Ok(Written::Done),
            Err(error) => match error.as_service_error() {
                Some(PutItemError::ConditionalCheckFailedException(failed)) => {
                    Ok(Written::Refused(failed.item.clone()))
                }
                _ => Err(store_error("PutItem", error)),
            },
        }
    }
}

fn unreadable_tombstone(id: &Slug) -> StoreError {
    StoreError::Corrupt(format!(
        "item '{id}': a tombstone without a readable version"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_position_maps_onto_the_index_key() {
        let key = start_key(&Position {
            score: None,
            released: None,
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
                released: None,
                name_key: odd.into(),
            })
            .unwrap();
            assert!(matches!(&key["id"], AttributeValue::S(id) if !id.is_empty()));
        }
        assert!(
            start_key(&Position {
                score: None,
                released: None,
                name_key: String::new()
            })
            .is_none()
        );
    }
}
