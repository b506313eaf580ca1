//! One module per page, and the form controls they share.

pub(crate) mod activity;
pub(crate) mod advice;
pub(crate) mod asset;
pub(crate) mod catalog;
pub(crate) mod framework;
pub(crate) mod questions;
pub(crate) mod versus;

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use maud::{Markup, html};
use model::{Framework, Language};

use crate::Web;
use crate::form::{FormQuery, Key};
use crate::respond;

/// What a form page takes from every request before its own work: the query its form is
/// read from, the headers a repeat visit's `If-None-Match` comes in, and the day of the
/// facts for the footer.
pub(crate) struct Visit {
    headers: HeaderMap,
    query: Option<String>,
    as_of: Option<String>,
}

impl FromRequestParts<Web> for Visit {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, web: &Web) -> Result<Self, Self::Rejection> {
        Ok(Self {
            headers: parts.headers.clone(),
            query: parts.uri.query().map(str::to_owned),
            as_of: facts_as_of(web).await,
        })
    }
}

impl Visit {
    /// The query as the page's `keys` read it.
    pub(crate) fn form(&self, keys: &[Key]) -> FormQuery {
        FormQuery::read(self.query.as_deref().unwrap_or_default(), keys)
    }

    pub(crate) fn as_of(&self) -> Option<&str> {
        self.as_of.as_deref()
    }

    /// The page as it leaves the function ([`respond::html`]).
    pub(crate) fn html(&self, status: StatusCode, markup: Markup) -> Response {
        respond::html(&self.headers, status, markup)
    }
}

/// The day of the oldest registry facts, for the footer; `None` when they cannot be read
/// now (the page renders without the line rather than fail).
async fn facts_as_of(web: &Web) -> Option<String> {
    let shown = web.context.stores.facts.shown().await.ok()?;
    shown.as_of().map(|as_of| day(as_of).to_owned())
}

/// The day of an RFC 3339 time (`2026-12-05T20:29:18Z` → `2026-12-05`).
pub(crate) fn day(time: &str) -> &str {
    time.get(..10).unwrap_or(time)
}

/// A value of a form control and the words shown for it.
pub(crate) type Choice<'a> = (&'a str, &'a str);

/// Every value of a vocabulary with its label.
pub(crate) fn choices<T: Copy>(
    all: &'static [T],
    name: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<Choice<'static>> {
    all.iter()
        .map(|value| (name(*value), label(*value)))
        .collect()
}

/// A group of checkboxes sharing `name`; the form sends one `name=value` per ticked box.
pub(crate) fn checkboxes(
    name: &str,
    legend: &str,
    options: &[Choice<'_>],
    checked: &[String],
) -> Markup {
    html! {
        fieldset.checks {
            legend { (legend) }
            div.options {
                @for (value, label) in options {
                    @let id = format!("{name}-{value}");
                    label for=(id) {
                        input type="checkbox" id=(id) name=(name) value=(value) checked[checked.iter().any(|c| c == value)];
                        " " (label)
                    }
                }
            }
        }
    }
}

/// A labelled select; `blank` is the label of an empty first option ("any"), if wanted.
/// A selected value the options do not list (a limit of 7 where the form offers 5 and 10)
/// is added as an option of its own: the form shows what the page read, so sending it again
/// gives the same answer.
pub(crate) fn select(
    name: &str,
    id: &str,
    label: &str,
    options: &[Choice<'_>],
    selected: Option<&str>,
    blank: Option<&str>,
) -> Markup {
    html! {
        div.field {
            label for=(id) { (label) }
            select id=(id) name=(name) {
                @if let Some(blank) = blank {
                    option value="" selected[selected.is_none()] { (blank) }
                }
                @if let Some(other) = selected.filter(|s| !options.iter().any(|(v, _)| v == s)) {
                    option value=(other) selected { (other) }
                }
                @for (value, text) in options {
                    option value=(value) selected[selected == Some(*value)] { (text) }
                }
            }
        }
    }
}

/// How many selects a ranked list gets: the form's usual number, or as many as the query
/// gave, so that none of what the page read is dropped when the form is sent again.
pub(crate) fn slots(usual: usize, given: &[String]) -> usize {
    usual.max(given.len())
}

/// "First priority", "Second priority", … for slot `index`.
pub(crate) fn ordinal(index: usize, noun: &str) -> String {
    const WORDS: [&str; 8] = [
        "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth",
    ];
    match WORDS.get(index) {
        Some(word) => format!("{word} {noun}"),
        None => format!("{noun} {}", index + 1),
    }
}

/// What the catalog holds, counted from the data: "61 frameworks across 14 languages".
pub(crate) fn scope(catalog: &[Framework]) -> String {
    let languages = Language::ALL
        .iter()
        .filter(|language| catalog.iter().any(|f| f.spec.language == **language))
        .count();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{} across {}",
        plural(catalog.len(), "framework", "frameworks"),
        plural(languages, "language", "languages")
    )
}
