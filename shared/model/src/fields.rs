//! The one reader of untrusted JSON bodies: typed fields out of an object, every error
//! recorded rather than the first returned, so a client fixing a rejected body sees the whole
//! list in one round trip. Framework bodies and recommendation profiles both read through it.

use std::collections::BTreeSet;
use std::str::FromStr;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::echo::echo;
use crate::slug::Slug;
use crate::vocab::{UnknownValue, Vocabulary};

/// The longest one-line text a field takes (a note, a reason, a title): a sentence or two.
pub(crate) const MAX_LINE: usize = 300;

/// One reason a body was rejected. Serialised into the problem document's `errors`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    /// `field` may hold client text (an unknown key, `ratings.<key>`), so it is repeated
    /// through [`echo`]; a `message` that quotes client text must do the same.
    pub fn new(field: impl AsRef<str>, message: impl Into<String>) -> Self {
        Self {
            field: echo(field.as_ref()),
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
    /// Vocabulary values only by their canonical names (a stored document, whose schema
    /// lists exactly those), not the aliases a profile may use.
    canonical: bool,
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
                    key,
                    format!("unknown field; known fields are: {}", known.join(", ")),
                )
            })
            .collect();
        Ok(Self {
            object,
            errors,
            canonical: false,
        })
    }

    /// Refuses aliases: every vocabulary value must be its canonical name.
    pub(crate) fn canonical_names(mut self) -> Self {
        self.canonical = true;
        self
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

    /// `value` (at `field`) as an object; anything else is refused with the object's `shape`.
    pub(crate) fn object<'v>(
        &mut self,
        field: &str,
        value: &'v Value,
        shape: &str,
    ) -> Option<&'v Map<String, Value>> {
        value.as_object().or_else(|| self.fail(field, shape))
    }

    /// Refuses, with `message`, every key of the object at `at` that is not `known`; whether
    /// there was none.
    pub(crate) fn only_known(
        &mut self,
        at: &str,
        object: &Map<String, Value>,
        known: &[&str],
        message: &str,
    ) -> bool {
        let mut ok = true;
        for key in object.keys().filter(|key| !known.contains(&key.as_str())) {
            ok &= self.fail::<()>(&format!("{at}.{key}"), message).is_some();
        }
        ok
    }

    /// A field that is there and not `null`: an optional field given as null counts as
    /// absent, and a required one as missing.
    pub(crate) fn get(&self, field: &str) -> Option<&'a Value> {
        self.object.get(field).filter(|value| !value.is_null())
    }

    pub(crate) fn required(&mut self, field: &str) -> Option<&'a Value> {
        self.get(field).or_else(|| self.fail(field, "is required"))
    }

    /// Required text as the schema's `PlainText` has it (see [`plain_text`]).
    pub(crate) fn text(&mut self, field: &str, max: usize) -> Option<String> {
        let value = self.required(field)?;
        match plain_text(value, max) {
            Ok(text) => Some(text),
            Err(message) => self.fail(field, message),
        }
    }

    /// One value of `T` at `field`; an unknown one is refused with the valid values.
    pub(crate) fn parse<T: FromStr<Err = UnknownValue> + std::fmt::Display>(
        &mut self,
        field: &str,
        value: &Value,
    ) -> Option<T> {
        match value.as_str() {
            Some(raw) => match self.name::<T>(raw) {
                Ok(parsed) => Some(parsed),
                Err(message) => self.fail(field, message),
            },
            None => self.fail(field, "must be a string"),
        }
    }

    /// A vocabulary value named by `raw` (a string value or an object key); with
    /// [`Fields::canonical_names`], an alias is refused with the name to use instead.
    pub(crate) fn name<T: FromStr<Err = UnknownValue> + std::fmt::Display>(
        &self,
        raw: &str,
    ) -> Result<T, String> {
        let parsed: T = raw
            .parse()
            .map_err(|unknown: UnknownValue| unknown.to_string())?;
        if self.canonical && parsed.to_string() != raw {
            return Err(format!("write '{parsed}', not '{}'", echo(raw)));
        }
        Ok(parsed)
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

    /// A required array of at least one item; an empty one is refused with `empty`.
    pub(crate) fn non_empty_array(&mut self, field: &str, empty: &str) -> Option<&'a [Value]> {
        let items = self.required_array(field)?;
        if items.is_empty() {
            return self.fail(field, empty);
        }
        Some(items)
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

    /// An optional list of framework ids, absent meaning empty, each kept once in first
    /// order; an item that is not a slug is reported at `field[index]`. Ids the catalog
    /// lacks are accepted: the catalog changes, and an unknown id matches nothing.
    pub(crate) fn slug_list(&mut self, field: &str) -> Vec<Slug> {
        let Some(items) = self.get(field).and_then(|value| self.array(field, value)) else {
            return Vec::new();
        };
        let mut ids = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let at = format!("{field}[{index}]");
            match item.as_str().map(Slug::parse) {
                Some(Ok(id)) => ids.push(id),
                Some(Err(error)) => {
                    self.fail::<()>(&at, error.to_string());
                }
                None => {
                    self.fail::<()>(&at, "must be a string");
                }
            }
        }
        crate::lists::distinct(ids)
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

/// Free text as the schema's `PlainText` has it: a string of at most `max` characters as
/// sent (JSON Schema's `maxLength` counts them so), not blank, without control characters.
/// Stored without surrounding whitespace.
pub(crate) fn plain_text(value: &Value, max: usize) -> Result<String, String> {
    let Some(text) = value.as_str() else {
        return Err("must be a string".into());
    };
    if text.trim().is_empty() {
        Err("must not be empty or blank".into())
    } else if text.chars().count() > max {
        Err(format!("must be at most {max} characters"))
    } else if text.chars().any(char::is_control) {
        Err("must not contain control characters".into())
    } else {
        Ok(text.trim().to_owned())
    }
}
