//! `/activity?group=…&key=…` — release activity over the years: the stable releases each
//! framework's package registry lists, counted per year (`model::trends`, as `GET /trends`
//! counts them) for the whole catalog or one language, category or framework, drawn as a bar
//! chart beside a table of the same numbers, and every series of the group in a table below.

use std::collections::BTreeMap;

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use maud::{Markup, html};
use model::trends::Series;

use crate::Web;
use crate::bars;
use crate::error::PageError;
use crate::form::{self, FormQuery, Key, verbatim};
use crate::layout::{Page, Section, form_errors};
use crate::pages::{self, select};
use crate::respond;

const GROUPS: [(&str, &str); 3] = [
    ("language", "Language"),
    ("category", "Category"),
    ("framework", "Framework"),
];

const KEYS: [Key; 2] = [
    Key::one("group", group).or("language"),
    Key::one("key", verbatim),
];

/// How many recent years the table of a group shows.
const RECENT_YEARS: usize = 6;

fn group(raw: &str) -> Option<String> {
    let raw = raw.trim().to_ascii_lowercase();
    GROUPS.iter().any(|(name, _)| *name == raw).then_some(raw)
}

pub(crate) async fn page(
    State(web): State<Web>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let form = FormQuery::read(raw.as_deref().unwrap_or_default(), &KEYS);
    let catalog = web.context.stores.frameworks.catalog().await?;
    let shown = web.context.stores.facts.shown().await?;
    let trends = model::trends::trends(&catalog, shown.all());
    let as_of = shown.as_of().map(pages::day);

    let (mut status, mut errors) = form.refused().unwrap_or((StatusCode::OK, Vec::new()));
    let group = match form.first("group") {
        None => "language",
        Some(name) if GROUPS.iter().any(|(known, _)| *known == name) => name,
        Some(other) => {
            errors.push(format!(
                "Group by: “{}” is not one of language, category, framework.",
                model::echo(other)
            ));
            status = StatusCode::UNPROCESSABLE_ENTITY;
            "language"
        }
    };
    let series = match group {
        "category" => &trends.by_category,
        "framework" => &trends.by_framework,
        _ => &trends.by_language,
    };
    let key = form.first("key").map(str::to_ascii_lowercase);
    let chosen = match key.as_deref() {
        None => None,
        Some(key) => match series.iter().find(|s| s.key == key) {
            Some(found) => Some(found),
            None => {
                errors.push(format!(
                    "Show: no {group} called “{}” has dated releases; pick one from the list.",
                    model::echo(key)
                ));
                None
            }
        },
    };
    if status == StatusCode::OK && !errors.is_empty() {
        status = StatusCode::NOT_FOUND;
    }
    let markup = render(&form, group, series, chosen, &errors, as_of);
    Ok(respond::html(&headers, status, markup))
}

/// Releases per year of every series added up: the whole catalog.
fn total(series: &[Series]) -> BTreeMap<u16, u32> {
    let mut total = BTreeMap::new();
    for one in series {
        for (year, count) in &one.per_year {
            *total.entry(*year).or_default() += count;
        }
    }
    total
}

fn render(
    form: &FormQuery,
    group: &str,
    series: &[Series],
    chosen: Option<&Series>,
    errors: &[String],
    as_of: Option<&str>,
) -> Markup {
    let (what, counts): (String, BTreeMap<u16, u32>) = match chosen {
        Some(one) => (label(group, &one.key), one.per_year.clone()),
        None => ("the whole catalog".to_owned(), total(series)),
    };
    let counts = bars::every_year(&counts.into_iter().collect::<Vec<_>>());
    let keys: Vec<(&str, String)> = series
        .iter()
        .map(|s| (s.key.as_str(), label(group, &s.key)))
        .collect();
    let keys: Vec<(&str, &str)> = keys.iter().map(|(k, l)| (*k, l.as_str())).collect();
    let mut years: Vec<u16> = series
        .iter()
        .flat_map(|s| s.per_year.keys().copied())
        .collect();
    years.sort_unstable();
    years.dedup();
    let recent: Vec<u16> = years
        .iter()
        .rev()
        .take(RECENT_YEARS)
        .rev()
        .copied()
        .collect();
    let group_label = GROUPS
        .iter()
        .find(|(name, _)| *name == group)
        .map_or("Language", |(_, label)| label);
    let body = html! {
        h1 { "Release activity" }
        p.lede {
            "Stable releases per year, counted from the release history each framework’s package registry publishes (pre-releases left out)"
            @if let Some(day) = as_of { ", as of " time datetime=(day) { (day) } }
            "."
        }
        form.filters method="get" action="/activity" {
            (form_errors(errors))
            (select("group", "activity-group", "Group by", &GROUPS, Some(group), None))
            (select("key", "activity-key", "Show", &keys, form.first("key"), Some("the whole catalog")))
            button type="submit" { "Show" }
        }
        div.chart-and-table {
            figure {
                h2 #activity-heading { "Stable releases per year: " (what) }
                (bars::per_year(&counts, "activity-heading", &what))
            }
            div.scroll {
                table {
                    caption { "Stable releases per year: " (what) }
                    thead { tr { th scope="col" { "Year" } th scope="col" { "Releases" } } }
                    tbody {
                        @for (year, count) in counts.iter().rev() {
                            tr { th scope="row" { (year) } td { (count) } }
                        }
                    }
                }
            }
        }
        section aria-labelledby="by-group-heading" {
            h2 #by-group-heading { "By " (group_label.to_lowercase()) ", the last " (recent.len()) " years" }
            div.scroll {
                table {
                    caption.visually-hidden { "Stable releases per year by " (group_label.to_lowercase()) }
                    thead {
                        tr {
                            th scope="col" { (group_label) }
                            @for year in &recent { th scope="col" { (year) } }
                            th scope="col" { "All years" }
                        }
                    }
                    tbody {
                        @for one in series {
                            tr {
                                th scope="row" {
                                    a href=(form::href("/activity", [("group", group), ("key", one.key.as_str())])) { (label(group, &one.key)) }
                                }
                                @for year in &recent { td { (one.per_year.get(year).copied().unwrap_or(0)) } }
                                td { (one.per_year.values().sum::<u32>()) }
                            }
                        }
                    }
                }
            }
        }
    };
    Page {
        title: format!("Release activity: {what}"),
        description: "Stable releases per year of the catalog's backend frameworks, from their package registries, as a chart and a table, by language, category or framework.".into(),
        section: Section::Releases,
        body,
        as_of: as_of.map(str::to_owned),
    }
    .render()
}

/// The words for a series key: a language or category label, or the framework id as is.
fn label(group: &str, key: &str) -> String {
    let label = match group {
        "language" => key.parse().ok().map(model::labels::language),
        "category" => key.parse().ok().map(model::labels::category),
        _ => None,
    };
    label.map_or_else(|| key.to_owned(), str::to_owned)
}
