//! A page's query string as an HTML form sends it: checkboxes and repeated selects give the
//! same key several times, and the canonical, shareable form joins them with commas (the
//! API's spelling). Empty values are what an unselected "any" option sends: absent.

use std::collections::BTreeMap;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::error::PageError;

/// Longest query string a page reads; a form of this site never comes near it.
pub(crate) const MAX_QUERY: usize = 4096;

/// A query string over [`MAX_QUERY`] bytes: a 414 page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct QueryTooLong;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct FormQuery(BTreeMap<String, Vec<String>>);

/// Every page reads its query string this way: a query over [`MAX_QUERY`] is a 414 page.
impl<S: Send + Sync> FromRequestParts<S> for FormQuery {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Self::parse(parts.uri.query().unwrap_or_default())?)
    }
}

impl FormQuery {
    /// Every non-empty value per key, in the order sent; comma lists split into items.
    /// Items are trimmed and empty ones dropped; repeats stay, for the API's parser to judge.
    pub(crate) fn parse(raw: &str) -> Result<Self, QueryTooLong> {
        if raw.len() > MAX_QUERY {
            return Err(QueryTooLong);
        }
        let mut values: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (key, value) in form_urlencoded::parse(raw.as_bytes()) {
            let parsed = split_list(&key, &value);
            values.entry(key.into_owned()).or_default().extend(parsed);
        }
        values.retain(|_, items| !items.is_empty());
        Ok(Self(values))
    }

    pub(crate) fn contains(&self, key: &str) -> bool {
        self.0.contains_key(key)
    }

    pub(crate) fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    /// Every item of `key`.
    pub(crate) fn all(&self, key: &str) -> &[String] {
        self.0.get(key).map(Vec::as_slice).unwrap_or_default()
    }

    /// The first item of `key`.
    pub(crate) fn first(&self, key: &str) -> Option<&str> {
        self.all(key).first().map(String::as_str)
    }

    /// A copy with only the `keys` given: pages ignore what they do not read (a tracking tag
    /// in a shared link), where the API refuses it.
    pub(crate) fn only(&self, keys: &[&str]) -> Self {
        let mut copy = self.clone();
        copy.0.retain(|key, _| keys.contains(&key.as_str()));
        copy
    }

    /// A copy with `key` set to `value` (or removed when `None`).
    pub(crate) fn with(&self, key: &str, value: Option<&str>) -> Self {
        let mut copy = self.clone();
        match value {
            Some(value) => {
                copy.0.insert(key.to_owned(), vec![value.to_owned()]);
            }
            None => {
                copy.0.remove(key);
            }
        }
        copy
    }

    /// The canonical query string: keys sorted, lists comma-joined, `?` included when not empty.
    pub(crate) fn to_query(&self) -> String {
        if self.0.is_empty() {
            return String::new();
        }
        let mut query = form_urlencoded::Serializer::for_suffix(String::from("?"), 1);
        for (key, items) in &self.0 {
            query.append_pair(key, &items.join(","));
        }
        query.finish()
    }
}

/// Free text (`q`, `description`) is one value and keeps its commas; everything else is a
/// vocabulary list.
fn split_list(key: &str, value: &str) -> Vec<String> {
    let trimmed = value.trim();
    if FREE_TEXT.contains(&key) {
        return if trimmed.is_empty() {
            Vec::new()
        } else {
            vec![trimmed.to_owned()]
        };
    }
    trimmed
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Keys whose value is text a person typed, not a list.
const FREE_TEXT: &[&str] = &["q", "description", "cursor"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_and_comma_lists_are_one_list() {
        let form =
            FormQuery::parse("language=python&language=go,rust&language=&sort=name").unwrap();
        assert_eq!(form.all("language"), ["python", "go", "rust"]);
        assert_eq!(
            form.to_query(),
            "?language=python%2Cgo%2Crust&sort=name".to_owned()
        );
    }

    #[test]
    fn empty_values_are_absent_and_free_text_keeps_its_commas() {
        let form = FormQuery::parse("deployment=&q=django%2C+or+flask%3F").unwrap();
        assert!(!form.contains("deployment"));
        assert_eq!(form.first("q"), Some("django, or flask?"));
    }

    #[test]
    fn an_overlong_query_is_refused() {
        let raw = format!("q={}", "a".repeat(MAX_QUERY));
        assert_eq!(FormQuery::parse(&raw), Err(QueryTooLong));
    }
}
