//! The one reader of untrusted JSON bodies: typed fields out of an object, every error
//! recorded rather than the first returned, so a client fixing a rejected body sees the whole
//! list in one round trip. Framework bodies and recommendation profiles both read through it.

use std::collections::BTreeSet;
use std::str::FromStr;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::vocab::{UnknownValue, Vocabulary};

/// One reason a body was rejected. Serialised into the problem document's `errors`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// The most items a list field may hold: more than any vocabulary has values, so a longer
/// list is a client bug.
pub(crate) const MAX_LIST: usize = 32;

/// The fields of one JSON object and the errors found reading them.
pub(crate) struct Fields<'a> {
    object: &'a Map<String, Value>,
    errors: Vec<FieldError>,
}

impl<'a> Fields<'a> {
    /// `body` must be an object; a key outside `known` and `ignored` is an error naming the
    /// known ones, so that a typo is not silently dropped.
    pub(crate) fn of(
        body: &'a Value,
        known: &[&str],
        ignored: &[&str],
    ) -> Result<Self, Vec<FieldError>> {
        let Some(object) = body.as_object() else {
            return Err(vec![FieldError::new("", "the body must be a JSON object")]);
        };
        let errors = object
            .keys()
            .filter(|key| !known.contains(&key.as_str()) && !ignored.contains(&key.as_str()))
            .map(|key| {
                FieldError::new(
                    key.chars().take(64).collect::<String>(),
                    format!("unknown field; known fields are: {}", known.join(", ")),
                )
            })
            .collect();
        Ok(Self { object, errors })
    }

    /// `value` when every field read cleanly, else every error found.
    pub(crate) fn finish<T>(self, value: Option<T>) -> Result<T, Vec<FieldError>> {
        match value {
            Some(value) if self.errors.is_empty() => Ok(value),
            _ => Err(self.errors),
        }
    }

    pub(crate) fn fail<T>(&mut self, field: &str, message: impl Into<String>) -> Option<T> {
        self.errors.push(FieldError::new(field, message));
        None
    }

    /// A field that is there and not `null`: an optional field given as null counts as
    /// absent, and a required one as missing.
    pub(crate) fn get(&self, field: &str) -> Option<&'a Value> {
        self.object.get(field).filter(|value| !value.is_null())
    }

    pub(crate) fn required(&mut self, field: &str) -> Option<&'a Value> {
        self.get(field).or_else(|| self.fail(field, "is required"))
    }

    /// Trimmed text of 1 to `max` characters, without control characters.
    pub(crate) fn text(&mut self, field: &str, max: usize) -> Option<String> {
        let value = self.required(field)?;
        match value.as_str().map(str::trim) {
            None => self.fail(field, "must be a string"),
            Some("") => self.fail(field, "must not be empty"),
            Some(text) if text.chars().count() > max => {
                self.fail(field, format!("must be at most {max} characters"))
            }
            Some(text) if text.chars().any(char::is_control) => {
                self.fail(field, "must not contain control characters")
            }
            Some(text) => Some(text.to_owned()),
        }
    }

    /// One value of `T` at `field`; an unknown one is refused with the valid values.
    pub(crate) fn parse<T: FromStr<Err = UnknownValue>>(
        &mut self,
        field: &str,
        value: &Value,
    ) -> Option<T> {
        match value.as_str().map(str::parse::<T>) {
            Some(Ok(parsed)) => Some(parsed),
            Some(Err(unknown)) => self.fail(field, clipped(unknown).to_string()),
            None => self.fail(field, "must be a string"),
        }
    }

    /// A required vocabulary value; missing, it lists the valid ones.
    pub(crate) fn one_of<T: Vocabulary>(&mut self, field: &str) -> Option<T> {
        match self.get(field) {
            Some(value) => self.parse(field, value),
            None => self.fail(
                field,
                format!("is required; one of: {}", T::NAMES.join(", ")),
            ),
        }
    }

    /// An array of at most [`MAX_LIST`] items.
    pub(crate) fn array(&mut self, field: &str, value: &'a Value) -> Option<&'a [Value]> {
        match value.as_array() {
            None => self.fail(field, "must be an array"),
            Some(items) if items.len() > MAX_LIST => {
                self.fail(field, format!("must have at most {MAX_LIST} items"))
            }
            Some(items) => Some(items),
        }
    }

    /// A required array of at most [`MAX_LIST`] items.
    pub(crate) fn required_array(&mut self, field: &str) -> Option<&'a [Value]> {
        let value = self.required(field)?;
        self.array(field, value)
    }

    /// Every item of a vocabulary list, `None` where it failed (reported at `field[index]`).
    pub(crate) fn items<T: Vocabulary>(&mut self, field: &str, items: &[Value]) -> Vec<Option<T>> {
        items
            .iter()
            .enumerate()
            .map(|(index, item)| self.parse(&format!("{field}[{index}]"), item))
            .collect()
    }

    /// An optional vocabulary list, absent meaning empty, each value kept once in first order.
    pub(crate) fn optional_list<T: Vocabulary>(&mut self, field: &str) -> Vec<T> {
        let Some(items) = self.get(field).and_then(|value| self.array(field, value)) else {
            return Vec::new();
        };
        crate::lists::distinct(self.items(field, items).into_iter().flatten())
    }

    /// A required vocabulary list that names each value at most once (`non_empty`: at least
    /// one); a repeat is an error, not something to tidy up.
    pub(crate) fn strict_list<T: Vocabulary>(
        &mut self,
        field: &str,
        non_empty: bool,
    ) -> Option<Vec<T>> {
        let items = self.required_array(field)?;
        if non_empty && items.is_empty() {
            return self.fail(field, "must name at least one value");
        }
        let parsed = self.items::<T>(field, items);
        let mut seen = BTreeSet::new();
        let mut ok = true;
        for (index, value) in parsed.iter().enumerate() {
            if let Some(value) = value
                && !seen.insert(*value)
            {
                ok = self
                    .fail::<()>(&format!("{field}[{index}]"), "is listed twice")
                    .is_some();
            }
        }
        let parsed: Option<Vec<T>> = parsed.into_iter().collect();
        parsed.filter(|_| ok)
    }
}

/// A JSON number that is a whole number, as JSON Schema counts them: `3.0` is one.
pub(crate) fn whole_number(value: &Value) -> Option<u64> {
    value.as_u64().or_else(|| {
        value
            .as_f64()
            .filter(|n| n.fract() == 0.0 && (0.0..=u32::MAX.into()).contains(n))
            .map(|n| n as u64)
    })
}

/// Keeps an echoed client value short.
fn clipped(mut unknown: UnknownValue) -> UnknownValue {
    if unknown.value.chars().count() > 64 {
        unknown.value = format!("{}…", unknown.value.chars().take(64).collect::<String>());
    }
    unknown
}
