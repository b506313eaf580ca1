//! Items ↔ domain types, through the types' own serde form: each JSON field becomes a
//! native DynamoDB attribute (strings `S`, numbers `N`, lists `L`, objects `M`), so items
//! stay readable in the console and the mapping cannot drift from the API's JSON.

use std::collections::HashMap;

use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::types::AttributeValue;
use model::facts::Facts;
use model::{FaqEntry, Framework, Slug, StoreError};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};

use crate::error::store_error;

pub type Item = HashMap<String, AttributeValue>;

/// GetItem by `id`, the partition key of both tables. `consistent`: read what was just
/// written (an admin reading back their PUT) rather than what a replica has caught up to.
pub(crate) async fn get_by_id(
    client: &Client,
    table: &str,
    id: &Slug,
    consistent: bool,
) -> Result<Option<Item>, StoreError> {
    let output = client
        .get_item()
        .table_name(table)
        .key("id", AttributeValue::S(id.as_str().into()))
        .consistent_read(consistent)
        .send()
        .await
        .map_err(|error| store_error("GetItem", error))?;
    Ok(output.item)
}

/// Every item of `table`, page by page: for the small tables read whole (FAQ, facts).
pub(crate) async fn scan_all(client: &Client, table: &str) -> Result<Vec<Item>, StoreError> {
    let mut all = Vec::new();
    let mut start = None;
    loop {
        let output = client
            .scan()
            .table_name(table)
            .set_exclusive_start_key(start)
            .send()
            .await
            .map_err(|error| store_error("Scan", error))?;
        start = output.last_evaluated_key().cloned();
        all.extend(output.items.unwrap_or_default());
        if start.is_none() {
            return Ok(all);
        }
    }
}

/// The `entity` attribute of every framework: the one hash key of the `by_name` index, so
/// that a Query over it returns the whole catalog in name order.
pub const FRAMEWORK_ENTITY: &str = "framework";

/// Attributes the tables add for their indexes; not part of the domain type.
const INDEX_ATTRIBUTES: [&str; 2] = ["entity", "name_key"];

pub fn framework_to_item(framework: &Framework) -> Result<Item, StoreError> {
    let mut item = to_item(framework)?;
    item.insert("entity".into(), AttributeValue::S(FRAMEWORK_ENTITY.into()));
    item.insert("name_key".into(), AttributeValue::S(framework.name_key()));
    Ok(item)
}

pub fn framework_from_item(mut item: Item) -> Result<Framework, StoreError> {
    for attribute in INDEX_ATTRIBUTES {
        item.remove(attribute);
    }
    from_item(item)
}

/// A framework's facts under its id (the `facts` table's partition key).
pub fn facts_to_item(id: &str, facts: &Facts) -> Result<Item, StoreError> {
    let mut item = to_item(facts)?;
    item.insert("id".into(), AttributeValue::S(id.to_owned()));
    Ok(item)
}

/// The id and facts of a `facts` item.
pub fn facts_from_item(mut item: Item) -> Result<(String, Facts), StoreError> {
    let id = match item.remove("id") {
        Some(AttributeValue::S(id)) => id,
        _ => {
            return Err(StoreError::Corrupt(
                "a facts item without a string id".into(),
            ));
        }
    };
    Ok((id, from_item(item)?))
}

pub fn faq_to_item(entry: &FaqEntry) -> Result<Item, StoreError> {
    to_item(entry)
}

pub fn faq_from_item(item: Item) -> Result<FaqEntry, StoreError> {
    from_item(item)
}

/// The attribute that marks a deleted framework's tombstone.
pub const DELETED: &str = "deleted";

/// What a deleted framework leaves behind: its id and last version, nothing else. Without
/// `entity` and `name_key` it is absent from the sparse `by_name` index, so listings never
/// see it; a re-create continues from its version, so no `ETag` repeats for the id.
pub fn tombstone(id: &str, version: u64) -> Item {
    Item::from([
        ("id".into(), AttributeValue::S(id.into())),
        ("version".into(), AttributeValue::N(version.to_string())),
        (DELETED.into(), AttributeValue::Bool(true)),
    ])
}

pub fn is_tombstone(item: &Item) -> bool {
    item.contains_key(DELETED)
}

/// The version of a live framework's item; `None` for a tombstone or an unreadable version.
pub fn version_of(item: &Item) -> Option<u64> {
    if is_tombstone(item) {
        return None;
    }
    raw_version(item)
}

/// The last version of a deleted framework, if `item` is its tombstone.
pub fn retired_version_of(item: &Item) -> Option<u64> {
    if is_tombstone(item) {
        raw_version(item)
    } else {
        None
    }
}

fn raw_version(item: &Item) -> Option<u64> {
    match item.get("version") {
        Some(AttributeValue::N(number)) => number.parse().ok(),
        _ => None,
    }
}

fn to_item<T: Serialize>(value: &T) -> Result<Item, StoreError> {
    match serde_json::to_value(value) {
        Ok(Value::Object(fields)) => Ok(fields
            .into_iter()
            .filter(|(_, value)| !value.is_null())
            .map(|(name, value)| (name, to_attribute(value)))
            .collect()),
        Ok(_) => Err(StoreError::Corrupt(
            "an item must serialise to an object".into(),
        )),
        Err(error) => Err(StoreError::Corrupt(format!("serialising an item: {error}"))),
    }
}

fn from_item<T: DeserializeOwned>(item: Item) -> Result<T, StoreError> {
    let id = match item.get("id") {
        Some(AttributeValue::S(id)) => id.clone(),
        _ => "?".into(),
    };
    let fields = item
        .into_iter()
        .map(|(name, value)| Ok((name, from_attribute(value)?)))
        .collect::<Result<Map<String, Value>, String>>()
        .map_err(|error| StoreError::Corrupt(format!("item '{id}': {error}")))?;
    serde_json::from_value(Value::Object(fields))
        .map_err(|error| StoreError::Corrupt(format!("item '{id}': {error}")))
}

fn to_attribute(value: Value) -> AttributeValue {
    match value {
        Value::Null => AttributeValue::Null(true),
        Value::Bool(flag) => AttributeValue::Bool(flag),
        Value::Number(number) => AttributeValue::N(number.to_string()),
        Value::String(text) => AttributeValue::S(text),
        Value::Array(values) => AttributeValue::L(values.into_iter().map(to_attribute).collect()),
        Value::Object(fields) => AttributeValue::M(
            fields
                .into_iter()
                .map(|(name, value)| (name, to_attribute(value)))
                .collect(),
        ),
    }
}

fn from_attribute(value: AttributeValue) -> Result<Value, String> {
    Ok(match value {
        AttributeValue::Null(_) => Value::Null,
        AttributeValue::Bool(flag) => Value::Bool(flag),
        AttributeValue::S(text) => Value::String(text),
        AttributeValue::N(number) => Value::Number(parse_number(&number)?),
        AttributeValue::L(values) => Value::Array(
            values
                .into_iter()
                .map(from_attribute)
                .collect::<Result<_, _>>()?,
        ),
        AttributeValue::M(fields) => Value::Object(
            fields
                .into_iter()
                .map(|(name, value)| Ok((name, from_attribute(value)?)))
                .collect::<Result<_, String>>()?,
        ),
        other => return Err(format!("unexpected attribute type {other:?}")),
    })
}

fn parse_number(text: &str) -> Result<Number, String> {
    if let Ok(whole) = text.parse::<u64>() {
        return Ok(whole.into());
    }
    if let Ok(whole) = text.parse::<i64>() {
        return Ok(whole.into());
    }
    text.parse::<f64>()
        .ok()
        .and_then(Number::from_f64)
        .ok_or_else(|| format!("'{text}' is not a number"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_framework_and_entry_survives_the_round_trip() {
        for framework in model::dataset::load_frameworks().unwrap() {
            let item = framework_to_item(&framework).unwrap();
            assert_eq!(item["entity"], AttributeValue::S("framework".into()));
            assert_eq!(version_of(&item), Some(framework.version));
            assert_eq!(framework_from_item(item).unwrap(), framework);
        }
        for entry in model::dataset::load_faq().unwrap() {
            assert_eq!(faq_from_item(faq_to_item(&entry).unwrap()).unwrap(), entry);
        }
    }

    #[test]
    fn a_tombstone_has_no_live_version_and_stays_out_of_the_index() {
        let item = tombstone("django", 3);
        assert_eq!(version_of(&item), None);
        assert_eq!(retired_version_of(&item), Some(3));
        assert!(!item.contains_key("entity") && !item.contains_key("name_key"));
    }

    #[test]
    fn an_unreadable_item_is_corrupt_not_a_panic() {
        let mut item = framework_to_item(&model::dataset::load_frameworks().unwrap()[0]).unwrap();
        item.insert("ratings".into(), AttributeValue::S("five".into()));
        assert!(matches!(
            framework_from_item(item),
            Err(StoreError::Corrupt(_))
        ));
        let mut item = Item::new();
        item.insert("version".into(), AttributeValue::N("x".into()));
        assert!(matches!(
            framework_from_item(item),
            Err(StoreError::Corrupt(_))
        ));
    }
}
