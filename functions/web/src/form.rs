//! How every page reads its query string, and the one place links and forms are built from
//! what it read.
//!
//! Each page declares the keys it reads ([`Key`]); [`FormQuery::read`] applies the same rules
//! to all of them:
//! - a key the page does not read is dropped (a tracking tag in a shared link), so that no
//!   link or form of the page carries it on;
//! - an empty value is absent (what an unselected "any" option sends);
//! - a one-value key given more than once is refused, in the API's words;
//! - a list joins repeated keys and comma lists; vocabulary values are spelled canonically
//!   (`golang` → `go`, `REST_API` → `rest_api`) and repeats dropped, so that the form shows
//!   what the page understood and sending it again gives the same answer;
//! - free text counts characters, not bytes, against the limit its form promises;
//! - the query as a whole may be [`QUERY_BUDGET`] bytes.
//!
//! A refused query still yields every value it could read, so that the page can show its
//! form filled in (the user's text kept) beside what was wrong.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use maud::{Markup, html};
use std::fmt::Display;
use std::str::FromStr;

/// The most bytes of query string a page reads. API Gateway refuses a request whose request
/// line and headers pass 10,240 bytes together, so a page address stays well under it; the
/// longest text a form offers fits in any script (see [`Key::text`]).
pub(crate) const QUERY_BUDGET: usize = 8192;

/// Spells a raw value canonically, or `None` when it is not one (the page's parser then
/// refuses it, in its own words).
pub(crate) type Canonical = fn(&str) -> Option<String>;

/// How a page reads one key.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    /// One value.
    One(Canonical),
    /// Any number of values, distinct, in the order first given: a ranking.
    List(Canonical),
    /// Any number of values, distinct, in the order of the vocabulary's names: a set, as a
    /// group of checkboxes sends it.
    Set(Canonical, &'static [&'static str]),
    /// Framework ids, kept as given: the selection's own rules judge a repeat.
    Ids,
    /// One value of free text, commas kept, at most this many characters.
    Text(usize),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Key {
    pub name: &'static str,
    pub kind: Kind,
    /// The value absence stands for: given, it reads as absent, so that the blank form
    /// (which sends its defaults) and the bare address are one state with one link.
    pub default: Option<&'static str>,
}

impl Key {
    pub(crate) const fn one(name: &'static str, canonical: Canonical) -> Self {
        Self {
            name,
            kind: Kind::One(canonical),
            default: None,
        }
    }

    pub(crate) const fn list(name: &'static str, canonical: Canonical) -> Self {
        Self {
            name,
            kind: Kind::List(canonical),
            default: None,
        }
    }

    pub(crate) const fn set(
        name: &'static str,
        canonical: Canonical,
        names: &'static [&'static str],
    ) -> Self {
        Self {
            name,
            kind: Kind::Set(canonical, names),
            default: None,
        }
    }

    pub(crate) const fn ids(name: &'static str) -> Self {
        Self {
            name,
            kind: Kind::Ids,
            default: None,
        }
    }

    pub(crate) const fn text(name: &'static str, max_chars: usize) -> Self {
        Self {
            name,
            kind: Kind::Text(max_chars),
            default: None,
        }
    }

    /// This key with `value` as the one its absence means.
    pub(crate) const fn or(self, value: &'static str) -> Self {
        Self {
            default: Some(value),
            ..self
        }
    }
}

/// The canonical spelling of a vocabulary value (aliases and case folded).
pub(crate) fn vocabulary<T: FromStr + Display>(raw: &str) -> Option<String> {
    raw.parse::<T>().ok().map(|value| value.to_string())
}

/// A whole number without sign or leading zeros.
pub(crate) fn number(raw: &str) -> Option<String> {
    raw.parse::<u64>().ok().map(|n| n.to_string())
}

/// Any text, as given.
pub(crate) fn verbatim(raw: &str) -> Option<String> {
    Some(raw.to_owned())
}

/// Something in the query the page will not use, and the status it answers with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub status: StatusCode,
    pub message: String,
}

/// What a page read from its query: values of its own keys only, canonically spelled.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct FormQuery {
    values: BTreeMap<&'static str, Vec<String>>,
    refusals: Vec<Refusal>,
}

impl FormQuery {
    /// Reads `raw` by the page's `keys` (see the module's rules).
    pub(crate) fn read(raw: &str, keys: &[Key]) -> Self {
        let mut given: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
        for (name, value) in form_urlencoded::parse(raw.as_bytes()) {
            let Some(key) = keys.iter().find(|key| key.name == name) else {
                continue;
            };
            let value = value.trim();
            if !value.is_empty() {
                given.entry(key.name).or_default().push(value.to_owned());
            }
        }
        let mut read = Self::default();
        if raw.len() > QUERY_BUDGET {
            read.refuse(
                StatusCode::URI_TOO_LONG,
                format!(
                    "This address is {} bytes long; pages read at most {QUERY_BUDGET}. Shorten your text and send the form again.",
                    raw.len()
                ),
            );
        }
        for key in keys {
            let Some(values) = given.remove(key.name) else {
                continue;
            };
            let items = read.items(key, values);
            if !items.is_empty() && key.default.is_none_or(|default| items != [default]) {
                read.values.insert(key.name, items);
            }
        }
        read
    }

    fn items(&mut self, key: &Key, values: Vec<String>) -> Vec<String> {
        let once = |read: &mut Self| {
            if values.len() > 1 {
                read.refuse(
                    StatusCode::BAD_REQUEST,
                    format!("“{}” is given more than once; give it once", key.name),
                );
            }
        };
        match key.kind {
            Kind::One(canonical) => {
                once(self);
                values
                    .into_iter()
                    .take(1)
                    .map(|value| canonical(&value).unwrap_or(value))
                    .collect()
            }
            Kind::Text(max_chars) => {
                once(self);
                let Some(text) = values.into_iter().next() else {
                    return Vec::new();
                };
                let chars = text.chars().count();
                if chars > max_chars {
                    self.refuse(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        format!(
                            "“{}” is {chars} characters; the form takes at most {max_chars}.",
                            key.name
                        ),
                    );
                    // Kept as far as the form holds it: the page's weight stays bounded.
                    return vec![text.chars().take(max_chars).collect()];
                }
                vec![text]
            }
            Kind::List(canonical) => distinct(&values, canonical),
            Kind::Set(canonical, names) => {
                let mut items = distinct(&values, canonical);
                // Values the vocabulary lacks keep their place after the rest, for the
                // page's parser to name.
                items.sort_by_key(|item| {
                    names
                        .iter()
                        .position(|name| name == item)
                        .unwrap_or(usize::MAX)
                });
                items
            }
            Kind::Ids => values
                .iter()
                .flat_map(|value| value.split(','))
                .map(str::trim)
                .filter(|item| !item.is_empty())
                .map(str::to_ascii_lowercase)
                .collect(),
        }
    }

    fn refuse(&mut self, status: StatusCode, message: String) {
        self.refusals.push(Refusal { status, message });
    }

    /// What was wrong with the query as a whole, if anything: the status of the first
    /// problem and every message.
    pub(crate) fn refused(&self) -> Option<(StatusCode, Vec<String>)> {
        let first = self.refusals.first()?;
        let messages = self.refusals.iter().map(|r| r.message.clone()).collect();
        Some((first.status, messages))
    }

    pub(crate) fn contains(&self, key: &str) -> bool {
        self.values.contains_key(key)
    }

    pub(crate) fn keys(&self) -> impl Iterator<Item = &str> {
        self.values.keys().copied()
    }

    /// Every item of `key`.
    pub(crate) fn all(&self, key: &str) -> &[String] {
        self.values.get(key).map(Vec::as_slice).unwrap_or_default()
    }

    /// The item of a one-value `key`.
    pub(crate) fn first(&self, key: &str) -> Option<&str> {
        self.all(key).first().map(String::as_str)
    }

    /// A copy with `key` set to `items` (or removed when there are none).
    pub(crate) fn with(&self, key: &'static str, items: &[&str]) -> Self {
        let mut copy = self.clone();
        copy.values.remove(key);
        if !items.is_empty() {
            copy.values
                .insert(key, items.iter().map(|item| (*item).to_owned()).collect());
        }
        copy
    }

    /// `path` with the canonical query: keys sorted, lists comma-joined, nothing the page
    /// does not read.
    pub(crate) fn link(&self, path: &str) -> String {
        href(
            path,
            self.values
                .iter()
                .map(|(key, items)| (*key, items.join(","))),
        )
    }

    /// The query as hidden inputs, less `except`: a form that resubmits this state once,
    /// however many buttons it has.
    pub(crate) fn hidden_inputs(&self, except: &str) -> Markup {
        html! {
            @for (key, items) in self.values.iter().filter(|(key, _)| **key != except) {
                input type="hidden" name=(key) value=(items.join(","));
            }
        }
    }
}

/// The items of repeated and comma-separated `values`, canonically spelled, each once.
fn distinct(values: &[String], canonical: Canonical) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for item in values.iter().flat_map(|value| value.split(',')) {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        let item = canonical(item).unwrap_or_else(|| item.to_owned());
        if !items.contains(&item) {
            items.push(item);
        }
    }
    items
}

/// `path?key=value&…` from pairs, each value form-encoded; just `path` without pairs.
pub(crate) fn href<K: AsRef<str>, V: AsRef<str>>(
    path: &str,
    pairs: impl IntoIterator<Item = (K, V)>,
) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (key, value) in pairs {
        query.append_pair(key.as_ref(), value.as_ref());
    }
    let query = query.finish();
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    }
}

#[cfg(test)]
mod tests {
    use model::Language;

    use super::*;

    const KEYS: [Key; 4] = [
        Key::set("language", vocabulary::<Language>, Language::NAMES),
        Key::one("sort", verbatim),
        Key::one("limit", number).or("50"),
        Key::text("q", 10),
    ];

    #[test]
    fn lists_join_repeats_and_commas_canonically_without_duplicates() {
        let form = FormQuery::read(
            "language=rust&language=golang,python&language=&language=GO,cobol&sort=name&utm_source=x",
            &KEYS,
        );
        assert_eq!(form.all("language"), ["python", "go", "rust", "cobol"]);
        assert_eq!(form.refused(), None);
        assert_eq!(
            form.link("/catalog"),
            "/catalog?language=python%2Cgo%2Crust%2Ccobol&sort=name"
        );
    }

    #[test]
    fn a_one_value_key_given_twice_is_refused_whatever_the_values() {
        for raw in ["sort=name&sort=name", "limit=5&limit=10"] {
            let (status, messages) = FormQuery::read(raw, &KEYS).refused().unwrap();
            assert_eq!(status, StatusCode::BAD_REQUEST);
            assert!(messages[0].contains("given more than once"), "{raw}");
        }
        assert_eq!(FormQuery::read("limit=05", &KEYS).first("limit"), Some("5"));
        assert!(
            !FormQuery::read("limit=050", &KEYS).contains("limit"),
            "the default"
        );
    }

    #[test]
    fn text_counts_characters_and_keeps_commas() {
        let form = FormQuery::read("q=%E8%AA%9E%2C+or+x", &KEYS);
        assert_eq!(form.first("q"), Some("語, or x"));
        assert_eq!(form.refused(), None);
        let over = FormQuery::read(&format!("q={}", "語".repeat(11)), &KEYS);
        assert_eq!(over.refused().unwrap().0, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(over.first("q").unwrap().chars().count(), 10);
    }

    #[test]
    fn an_address_over_the_budget_is_refused_with_what_it_said_kept() {
        let raw = format!("q=kept&sort={}", "a".repeat(QUERY_BUDGET));
        let form = FormQuery::read(&raw, &KEYS);
        assert_eq!(form.refused().unwrap().0, StatusCode::URI_TOO_LONG);
        assert_eq!(form.first("q"), Some("kept"));
    }
}
