//! `/catalog/{id}` — one framework: ratings with their notes and the evidence behind them,
//! features, use cases, strengths, weaknesses, its package registry's dated facts, sources, and
//! a way to put it beside another.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use maud::{Markup, html};
use model::evidence::{Evidence, FigureValue};
use model::facts::Facts;
use model::{Dimension, Framework};

use crate::Web;
use crate::chart;
use crate::error::PageError;
use crate::form;
use crate::layout::{Page, Section};
use crate::pages::{self, select};
use crate::respond;
use model::labels;

pub(crate) async fn page(
    State(web): State<Web>,
    headers: HeaderMap,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, PageError> {
    // An id that does not decode (`/catalog/%FF`) names nothing: the same 404 page.
    let raw_id = id.map(|Path(id)| id).unwrap_or_default();
    // The whole catalog, not a single read: the warm cache answers it, the near misses of
    // an unknown id come from it, and the comparison picker lists it.
    let catalog = web.context.stores.frameworks.catalog().await?;
    let wanted = raw_id.to_ascii_lowercase();
    let Some(framework) = catalog.iter().find(|f| f.id.as_str() == wanted) else {
        return Err(PageError::unknown_framework(
            &raw_id,
            catalog.iter().map(|f| f.id.as_str()),
        ));
    };
    // The facts are shown when they can be read; the page does not fail without them.
    let shown = web.context.stores.facts.shown().await.ok();
    let facts = shown
        .as_ref()
        .and_then(|shown| shown.get(framework.id.as_str()));
    let as_of = shown
        .as_ref()
        .and_then(|shown| shown.as_of())
        .map(pages::day);
    let markup = render(framework, &catalog, facts, as_of);
    Ok(respond::html(&headers, StatusCode::OK, markup))
}

fn render(
    framework: &Framework,
    catalog: &[Framework],
    facts: Option<&Facts>,
    as_of: Option<&str>,
) -> Markup {
    let spec = &framework.spec;
    let others: Vec<(&str, &str)> = catalog
        .iter()
        .filter(|f| f.id != framework.id)
        .map(|f| (f.id.as_str(), f.spec.name.as_str()))
        .collect();
    let alike: Vec<&Framework> = catalog
        .iter()
        .filter(|f| {
            f.id != framework.id
                && (f.spec.language == spec.language || f.spec.category == spec.category)
        })
        .take(3)
        .collect();
    let body = html! {
        nav.breadcrumbs aria-label="Breadcrumb" {
            ol { li { a href="/catalog" { "Catalog" } } li { span aria-current="page" { (spec.name) } } }
        }
        h1 { (spec.name) }
        p.meta {
            (labels::language(spec.language)) " · " (labels::category(spec.category))
            " · first released " (spec.first_release) " · " (spec.license)
        }
        p.lede { (spec.description) }
        p.links {
            a href=(spec.website) rel="external" { "Website" } " · "
            a href=(spec.repository) rel="external" { "Source code" }
        }
        div.framework {
            section aria-labelledby="ratings-heading" {
                h2 #ratings-heading { "Ratings" }
                table.ratings {
                    caption.visually-hidden { "Ratings from 1 (weak) to 5 (strong), with the reason for each and the evidence behind it" }
                    thead { tr { th scope="col" { "Dimension" } th scope="col" { "Rating" } th scope="col" { "Why" } } }
                    tbody {
                        @for dimension in Dimension::ALL {
                            @let score = spec.ratings.score(*dimension);
                            tr {
                                th scope="row" { (labels::dimension(*dimension)) }
                                td.rating {
                                    (chart::dots(score))
                                    span.number aria-hidden="true" { " " (score) }
                                }
                                td {
                                    (spec.rating_notes.get(dimension).map(String::as_str).unwrap_or(""))
                                    @if let Some(items) = spec.evidence.get(dimension) {
                                        (evidence(items))
                                    }
                                }
                            }
                        }
                    }
                }
            }
            div.facts {
                section aria-labelledby="strengths-heading" {
                    h2 #strengths-heading { "Strengths" }
                    ul { @for item in &spec.strengths { li { (item) } } }
                }
                section aria-labelledby="weaknesses-heading" {
                    h2 #weaknesses-heading { "Weaknesses" }
                    ul { @for item in &spec.weaknesses { li { (item) } } }
                }
                section aria-labelledby="features-heading" {
                    h2 #features-heading { "Features" }
                    @if spec.features.is_empty() {
                        p { "None of the features we track ship with it; it leaves them to libraries." }
                    } @else {
                        ul.tags { @for feature in &spec.features { li { (labels::feature(*feature)) } } }
                    }
                }
                section aria-labelledby="use-cases-heading" {
                    h2 #use-cases-heading { "Good for" }
                    ul.tags {
                        @for use_case in &spec.use_cases {
                            li { a href=(form::href("/", [("use_case", use_case.as_str())])) { (labels::use_case(*use_case)) } }
                        }
                    }
                }
            }
        }
        (releases(framework, facts))
        section.compare-with aria-labelledby="compare-heading" {
            h2 #compare-heading { "Compare with…" }
            form method="get" action="/versus" {
                input type="hidden" name="ids" value=(framework.id);
                (select("ids", "compare-other", "Another framework", &others, None, None))
                button type="submit" { "Compare" }
            }
            @if !alike.is_empty() {
                p {
                    "Or side by side with similar ones: "
                    @for (i, other) in alike.iter().enumerate() {
                        @if i > 0 { ", " }
                        a href=(form::href("/versus", [("ids", format!("{},{}", framework.id, other.id))])) { (spec.name) " vs " (other.spec.name) }
                    }
                }
            }
        }
        section aria-labelledby="sources-heading" {
            h2 #sources-heading { "Sources" }
            ul.sources {
                @for source in &spec.sources {
                    li {
                        @match &source.url {
                            Some(url) => { a href=(url) rel="external" { (source.title) } }
                            None => { (source.title) }
                        }
                    }
                }
            }
        }
    };
    Page {
        as_of: as_of.map(str::to_owned),
        title: format!("{} — ratings, strengths and weaknesses", spec.name),
        description: format!(
            "{}: a {} {} framework. Ratings on eight dimensions with reasons, features, strengths, weaknesses and sources.",
            spec.name,
            labels::language(spec.language),
            labels::category(spec.category).to_lowercase()
        ),
        section: Section::Catalog,
        body,
    }
    .render()
}

/// The figures and documented facts behind one rating, each with its source and day.
fn evidence(items: &[Evidence]) -> Markup {
    html! {
        ul.evidence aria-label="Evidence" {
            @for item in items {
                li {
                    @if let Some(figure) = &item.figure {
                        strong.figure { (number(figure.value)) " " (figure.unit) } ": "
                    }
                    (item.note)
                    @if let Some(reason) = &item.reason {
                        " " span.reason { "Why the rating differs: " (reason) }
                    }
                    " "
                    span.cited {
                        "Source: "
                        @match &item.source.url {
                            Some(url) => { a href=(url) rel="external" { (item.source.title) } }
                            None => { (item.source.title) }
                        }
                        ", " time datetime=(item.date) { (item.date) } "."
                    }
                }
            }
        }
    }
}

/// A figure as people write it: thousands grouped, at most two decimals (`42591` → `42,591`).
fn number(value: FigureValue) -> String {
    let text = format!("{:.2}", value.get());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let fraction = fraction.trim_end_matches('0');
    let mut grouped = String::new();
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if fraction.is_empty() {
        grouped
    } else {
        format!("{grouped}.{fraction}")
    }
}

/// Why the refresh reads no registry for this framework, if `data/packages.json` says it has
/// none (the dataset's own frameworks; one an admin added has no entry).
fn without_registry(framework: &Framework) -> Option<String> {
    model::facts::without_registry()
        .ok()?
        .remove(framework.id.as_str())
}

/// What the package registry publishes, each figure with its day and the document it was
/// read from.
fn releases(framework: &Framework, facts: Option<&Facts>) -> Markup {
    html! {
        section.releases aria-labelledby="releases-heading" {
            h2 #releases-heading { "Releases" }
            @match facts {
                None => @match without_registry(framework) {
                    Some(why) => p { "No package registry facts: " (why) }
                    None => p { "No package registry facts are stored for " (framework.spec.name) " yet." }
                }
                Some(facts) => {
                    @let stable = facts.releases.iter().filter(|r| model::facts::is_stable(&r.version)).count();
                    dl.registry-facts {
                        dt { "Latest stable version" }
                        dd {
                            @match &facts.latest {
                                Some(latest) => { (latest.version) ", released " time datetime=(latest.date) { (latest.date) } }
                                None => { "none listed" }
                            }
                        }
                        dt { "First published" }
                        dd {
                            @match facts.releases.first() {
                                Some(first) => { (first.version) " on " time datetime=(first.date) { (first.date) } }
                                None => { "unknown" }
                            }
                        }
                        dt { "Releases listed" }
                        dd { (facts.releases.len()) ", of which " (stable) " stable" }
                        dt { "Licence as published" }
                        dd { (facts.license.as_deref().unwrap_or("not published by this registry")) }
                        dt { "Package" }
                        dd { code { (facts.package) } " on " (labels::registry(facts.registry)) }
                    }
                    p.source {
                        "Source: " a href=(facts.source) rel="external" { "the registry’s document" }
                        ", as of " time datetime=(facts.as_of) { (pages::day(&facts.as_of)) } ". "
                        a href=(form::href("/activity", [("group", "framework"), ("key", framework.id.as_str())])) { "Releases per year" }
                    }
                    @if let Some(failure) = &facts.last_error {
                        p.warning {
                            "The last refresh, on " time datetime=(failure.at) { (pages::day(&failure.at)) }
                            ", failed (" (failure.message) "): these are the last good facts."
                        }
                    }
                    @if let Some(note) = &facts.note { p.note { (note) } }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_written_with_grouped_thousands() {
        for (value, written) in [
            (0.0, "0"),
            (999.0, "999"),
            (1_820.0, "1,820"),
            (7_034_502.0, "7,034,502"),
            (14.8, "14.8"),
            (1_234.567, "1,234.57"),
        ] {
            assert_eq!(number(FigureValue::try_from(value).unwrap()), written);
        }
    }
}
