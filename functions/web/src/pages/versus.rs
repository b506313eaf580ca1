//! `/versus?ids=a,b[,c[,d]][&priorities=…]` — two to four frameworks side by side: a radar
//! of the eight ratings with the same numbers in a table, the winner of each dimension, the
//! feature matrix and the weighted verdict. The comparison is the API's own (`model::compare`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use maud::{Markup, html};
use model::compare::{DimensionRow, FeatureRow};
use model::{Comparison, Dimension, Framework, Priorities, Selection, SelectionError, compare};

use crate::Web;
use crate::chart;
use crate::error::PageError;
use crate::form::{FormQuery, Key, vocabulary};
use crate::layout::{Page, Section, form_heading};
use crate::pages::{Visit, choices, ordinal, select, slots};
use model::labels;

const KEYS: [Key; 2] = [
    Key::ids("ids"),
    Key::list("priorities", vocabulary::<Dimension>),
];
const PRIORITY_SLOTS: usize = 3;

pub(crate) async fn page(State(web): State<Web>, visit: Visit) -> Result<Response, PageError> {
    let form = visit.form(&KEYS);
    let catalog = web.context.stores.frameworks.catalog().await?;
    if let Some((status, messages)) = form.refused() {
        let markup = render(&form, &catalog, None, &messages, visit.as_of());
        return Ok(visit.html(status, markup));
    }
    let (status, markup) = match chosen(&form, &catalog) {
        Ok(None) => (
            StatusCode::OK,
            render(&form, &catalog, None, &[], visit.as_of()),
        ),
        Ok(Some((frameworks, priorities))) => {
            let comparison = compare(&frameworks, &priorities);
            let markup = render(
                &form,
                &catalog,
                Some((&frameworks, &comparison)),
                &[],
                visit.as_of(),
            );
            (StatusCode::OK, markup)
        }
        Err((status, message)) => (
            status,
            render(&form, &catalog, None, &[message], visit.as_of()),
        ),
    };
    Ok(visit.html(status, markup))
}

type Chosen<'a> = Option<(Vec<&'a Framework>, Priorities)>;

/// The frameworks and priorities the query names, `None` before any are chosen, or the
/// status and message of what is wrong, as the API would answer it.
fn chosen<'a>(
    form: &FormQuery,
    catalog: &'a [Framework],
) -> Result<Chosen<'a>, (StatusCode, String)> {
    // Priorities are judged whether or not frameworks are chosen yet, as the API does.
    let mut dimensions = Vec::new();
    for raw in form.all("priorities") {
        let dimension: Dimension = raw.parse().map_err(|error: model::UnknownValue| {
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("priorities: {error}"),
            )
        })?;
        dimensions.push(dimension);
    }
    let ids = form.all("ids");
    if ids.is_empty() {
        return Ok(None);
    }
    let selection = Selection::parse(&ids.join(",")).map_err(|error| match error {
        SelectionError::Malformed(message) => (StatusCode::BAD_REQUEST, message),
        SelectionError::Invalid(field) => (StatusCode::UNPROCESSABLE_ENTITY, field.message),
    })?;
    let frameworks = selection.resolve(catalog).map_err(|unknown| {
        let known = || catalog.iter().map(|f| f.id.as_str());
        let parts: Vec<String> = unknown
            .iter()
            .map(|id| {
                let near = model::suggest::near_misses(id, known());
                let shown = model::echo(id);
                if near.is_empty() {
                    format!("no framework has the id “{shown}”")
                } else {
                    format!(
                        "no framework has the id “{shown}” (did you mean {}?)",
                        near.join(" or ")
                    )
                }
            })
            .collect();
        (StatusCode::NOT_FOUND, capitalise(&parts.join("; ")))
    })?;
    Ok(Some((frameworks, Priorities::new(dimensions))))
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn render(
    form: &FormQuery,
    catalog: &[Framework],
    result: Option<(&[&Framework], &Comparison<'_>)>,
    errors: &[String],
    as_of: Option<&str>,
) -> Markup {
    let title = match result {
        Some((frameworks, _)) => frameworks
            .iter()
            .map(|f| f.spec.name.as_str())
            .collect::<Vec<_>>()
            .join(" vs "),
        None => "Compare frameworks".to_owned(),
    };
    let body = html! {
        h1 { (title) }
        @if result.is_none() {
            p.lede { "Pick two to four frameworks to see their ratings on one chart, who wins each dimension, which features each ships, and a verdict weighted by your priorities." }
        }
        div.versus {
            section #results.results aria-label="Comparison" data-live-region {
                @if let Some((frameworks, comparison)) = result {
                    (comparison_view(frameworks, comparison))
                }
            }
            (picker(form, catalog, errors))
        }
    };
    let description = match result {
        Some(_) => format!("{title}: ratings on eight dimensions in one radar chart, per-dimension winners, the feature matrix and a weighted verdict."),
        None => "Compare two to four backend frameworks: a radar chart of eight rated dimensions, per-dimension winners, features and a weighted verdict.".to_owned(),
    };
    Page {
        as_of: as_of.map(str::to_owned),
        title: if result.is_some() {
            format!("{title} — side by side")
        } else {
            title
        },
        description,
        section: Section::Compare,
        body,
    }
    .render()
}

fn picker(form: &FormQuery, catalog: &[Framework], errors: &[String]) -> Markup {
    let names: Vec<(&str, &str)> = catalog
        .iter()
        .map(|f| (f.id.as_str(), f.spec.name.as_str()))
        .collect();
    let dimensions = choices(Dimension::ALL, Dimension::as_str, labels::dimension);
    let ids = form.all("ids");
    let priorities = form.all("priorities");
    let frameworks = [
        "First framework",
        "Second framework",
        "Third (optional)",
        "Fourth (optional)",
    ];
    html! {
        form.picker method="get" action="/versus" aria-labelledby="picker-heading" {
            (form_heading("picker-heading", "Choose what to compare", errors))
            fieldset {
                legend { "Frameworks" }
                @for (slot, label) in frameworks.iter().enumerate() {
                    (select("ids", &format!("framework-{slot}"), label, &names, ids.get(slot).map(String::as_str), Some("—")))
                }
            }
            fieldset {
                legend { "Weigh the verdict by (optional)" }
                @for slot in 0..slots(PRIORITY_SLOTS, priorities) {
                    (select("priorities", &format!("priority-{slot}"), &ordinal(slot, "priority"), &dimensions, priorities.get(slot).map(String::as_str), Some("(none)")))
                }
            }
            button type="submit" { "Compare" }
        }
    }
}

fn comparison_view(frameworks: &[&Framework], comparison: &Comparison<'_>) -> Markup {
    let name_of = |id: &model::Slug| -> String {
        frameworks
            .iter()
            .find(|f| f.id == *id)
            .map_or_else(|| id.to_string(), |f| f.spec.name.clone())
    };
    let verdict = &comparison.verdict;
    html! {
        section.verdict aria-labelledby="verdict-heading" {
            h2 #verdict-heading { "Verdict" }
            p.winner {
                @match &verdict.winner {
                    Some(id) => { strong { (name_of(id)) } " comes out ahead." }
                    None => { strong { "A tie" } " at the top." }
                }
            }
            p data-live-summary { (verdict.summary) }
            @if verdict.priorities.is_empty() {
                p.hint { "Every dimension weighs the same. Choose priorities below to weigh what matters to you." }
            } @else {
                p.hint {
                    "Weighted by "
                    @for (i, dimension) in verdict.priorities.iter().enumerate() {
                        @if i > 0 { ", then " }
                        (labels::dimension(*dimension).to_lowercase())
                    }
                    "."
                }
            }
            table.totals {
                caption { "Weighted mean rating, 1 to 5" }
                thead { tr { th scope="col" { "Framework" } th scope="col" { "Score" } } }
                tbody {
                    @for framework in frameworks {
                        tr {
                            th scope="row" { a href=(format!("/catalog/{}", framework.id)) { (framework.spec.name) } }
                            td { (format!("{:.2}", verdict.totals.get(&framework.id).copied().unwrap_or_default())) }
                        }
                    }
                }
            }
        }
        section.chart aria-labelledby="chart-heading" {
            h2 #chart-heading { "Ratings at a glance" }
            div.chart-and-table {
                figure {
                    (chart::radar(frameworks, "chart-heading"))
                    figcaption { (chart::legend(frameworks)) }
                }
                (per_framework_table(&SCORES, frameworks, &comparison.dimensions, |row| labels::dimension(row.dimension), score))
            }
            h3 { "Who wins each dimension" }
            ul.winners {
                @for row in &comparison.dimensions {
                    li {
                        (labels::dimension(row.dimension)) ": "
                        @match &row.winner {
                            Some(id) => { strong { (name_of(id)) } }
                            None => { "shared top score" }
                        }
                    }
                }
            }
        }
        section aria-labelledby="features-heading" {
            h2 #features-heading { "Features" }
            (per_framework_table(&MATRIX, frameworks, &comparison.features, |row| labels::feature(row.feature), support))
        }
    }
}

/// How a table with a column per framework is named: `class` and `label` for styles and for
/// assistive technology, its caption, and `first`, the heading of the row labels.
struct Table {
    class: &'static str,
    label: &'static str,
    caption: &'static str,
    first: &'static str,
}

const SCORES: Table = Table {
    class: "scores",
    label: "Ratings table",
    caption: "Ratings from 1 to 5; ★ marks the single best on a dimension",
    first: "Dimension",
};

const MATRIX: Table = Table {
    class: "matrix",
    label: "Feature matrix",
    caption: "Which features each framework ships itself or through first-party packages",
    first: "Feature",
};

/// A framework's rating on a dimension, starred when it is the single best.
fn score(row: &DimensionRow<'_>, framework: &Framework) -> Markup {
    let best = row.winner == Some(&framework.id);
    html! {
        td class=[best.then_some("best")] {
            (row.scores.get(&framework.id).copied().unwrap_or_default())
            @if best { " ★" span.visually-hidden { " (best)" } }
        }
    }
}

/// Whether a framework ships a feature.
fn support(row: &FeatureRow<'_>, framework: &Framework) -> Markup {
    let has = row.support.get(&framework.id).copied().unwrap_or(false);
    html! {
        td class=(if has { "yes" } else { "no" }) {
            @if has { span aria-hidden="true" { "✓" } span.visually-hidden { "yes" } }
            @else { span aria-hidden="true" { "–" } span.visually-hidden { "no" } }
        }
    }
}

/// A table with a column per framework and a row per item of `rows`, scrolling sideways on
/// a narrow screen: each row headed by `head`, and a cell per framework from `cell`.
fn per_framework_table<R>(
    table: &Table,
    frameworks: &[&Framework],
    rows: &[R],
    head: fn(&R) -> &'static str,
    cell: fn(&R, &Framework) -> Markup,
) -> Markup {
    html! {
        div.scroll role="region" aria-label=(table.label) tabindex="0" {
            table class=(table.class) {
                caption { (table.caption) }
                thead {
                    tr {
                        th scope="col" { (table.first) }
                        @for framework in frameworks { th scope="col" { (framework.spec.name) } }
                    }
                }
                tbody {
                    @for row in rows {
                        tr {
                            th scope="row" { (head(row)) }
                            @for framework in frameworks { (cell(row, framework)) }
                        }
                    }
                }
            }
        }
    }
}
