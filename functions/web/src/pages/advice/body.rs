//! The form → the `POST /recommendations` body, which the API's own parser then reads.

use serde_json::{Map, Value};

use super::{Chips, LISTS, SINGLE};
use crate::form::FormQuery;

/// The `POST /recommendations` body the form describes: one value as a string (several as
/// an array, which the parser refuses), lists as arrays, the limit as a number when it is
/// one. A field the form leaves empty takes what the description said, less what was ignored.
pub(crate) fn request_body(form: &FormQuery, chips: Option<&Chips>) -> Value {
    let mut body = Map::new();
    for key in SINGLE.iter().chain(LISTS.iter()) {
        if form.contains(key) {
            continue;
        }
        let read: Vec<&str> = chips
            .map(|chips| chips.kept(key).map(|chip| chip.value).collect())
            .unwrap_or_default();
        match (SINGLE.contains(key), read.as_slice()) {
            (_, []) => {}
            (true, [first, ..]) => {
                body.insert((*key).into(), Value::from(*first));
            }
            (false, values) => {
                body.insert((*key).into(), Value::from(values.to_vec()));
            }
        }
    }
    for key in SINGLE {
        match form.all(key) {
            [] => {}
            [one] => {
                body.insert(key.into(), Value::from(one.as_str()));
            }
            many => {
                body.insert(key.into(), Value::from(many.to_vec()));
            }
        }
    }
    for key in LISTS {
        let items = form.all(key);
        if !items.is_empty() {
            body.insert(key.into(), Value::from(items.to_vec()));
        }
    }
    if let Some(limit) = form.first("limit") {
        let value = limit
            .parse::<u64>()
            .map(Value::from)
            .unwrap_or_else(|_| Value::from(limit));
        body.insert("limit".into(), value);
    }
    Value::Object(body)
}
