//! `/catalog` — the frameworks, filtered, sorted and paged exactly as `GET /frameworks` is:
//! the same parameters, read by the same parser, listed by the same store call.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use edge::{ApiError, QueryParams};
use maud::{Markup, html};
use model::{Category, Dimension, Feature, Framework, Language, Sort, UseCase};

use crate::Web;
use crate::error::{PageError, client_message};
use crate::form::FormQuery;
use crate::labels;
use crate::layout::{Page, Section, form_errors};
use crate::pages::{checkboxes, choices, select};
use crate::respond;

pub(crate) async fn page(
    State(web): State<Web>,
    headers: HeaderMap,
    form: FormQuery,
) -> Result<Response, PageError> {
    let form = form.only(catalog::LIST_PARAMETERS);
    let canonical = form.to_query();
    let parsed =
        QueryParams::parse(canonical.trim_start_matches('?')).and_then(catalog::list_query);
    match parsed {
        Ok(list) => {
            let page = web.context.stores.frameworks.list(&list).await?;
            let next = page.next.map(|cursor| cursor.encode());
            let markup = render(&form, &page.items, list.sort, next.as_deref(), &[]);
            Ok(respond::html(&headers, StatusCode::OK, markup))
        }
        Err(error @ ApiError::Unavailable { .. }) => Err(error.into()),
        Err(error) => {
            let status = error.status();
            let message = client_message(&error);
            let markup = render(&form, &[], Sort::Name, None, &[message]);
            Ok(respond::html(&headers, status, markup))
        }
    }
}

fn render(
    form: &FormQuery,
    items: &[Framework],
    sort: Sort,
    next: Option<&str>,
    errors: &[String],
) -> Markup {
    let filtered = form
        .keys()
        .any(|key| key != "sort" && key != "limit" && key != "cursor");
    let body = html! {
        h1 { "The catalog" }
        p.lede { "Every framework we rate, with the same filters as the API. Tick two to four to compare them." }
        div.catalog {
            (filter_form(form, errors))
            section #results.results aria-labelledby="results-heading" data-live-region {
                h2 #results-heading { "Frameworks" }
                p.summary data-live-summary {
                    (items.len()) @if items.len() == 1 { " framework" } @else { " frameworks" }
                    @if filtered { " match these filters" }
                    @if form.contains("cursor") { " on this page" }
                    "."
                }
                form #compare-form method="get" action="/versus" {
                    button type="submit" { "Compare selected" }
                    span.hint { " (two to four)" }
                }
                ul.cards {
                    @for framework in items {
                        li.card { (card(framework, sort)) }
                    }
                }
                nav.pager aria-label="Pages" {
                    @if form.contains("cursor") {
                        a href=(format!("/catalog{}", form.with("cursor", None).to_query())) { "First page" }
                    }
                    @if let Some(next) = next {
                        a rel="next" href=(format!("/catalog{}", form.with("cursor", Some(next)).to_query())) { "Next page" }
                    }
                }
            }
        }
    };
    Page {
        title: "Catalog of backend frameworks".into(),
        description: "Browse 26 backend frameworks across 11 languages: filter by language, category, feature and use case, sort by any rated dimension.".into(),
        section: Section::Catalog,
        body,
    }
    .render()
}

fn card(framework: &Framework, sort: Sort) -> Markup {
    let spec = &framework.spec;
    let checkbox = format!("pick-{}", framework.id);
    html! {
        h3 { a href=(format!("/catalog/{}", framework.id)) { (spec.name) } }
        p.meta {
            (labels::language(spec.language)) " · " (labels::category(spec.category)) " · since " (spec.first_release)
            @if let Sort::Best(dimension) = sort {
                " · " (labels::dimension(dimension)) " " strong { (spec.ratings.score(dimension)) "/5" }
            }
        }
        p { (first_sentence(&spec.description)) }
        label.pick for=(checkbox) {
            input type="checkbox" id=(checkbox) name="ids" value=(framework.id) form="compare-form";
            " Compare " span.visually-hidden { (spec.name) }
        }
    }
}

/// The description up to its first full stop, so that a card stays short.
fn first_sentence(text: &str) -> &str {
    match text.find(". ") {
        Some(end) => &text[..=end],
        None => text,
    }
}

fn filter_form(form: &FormQuery, errors: &[String]) -> Markup {
    let sorts: Vec<(&str, String)> = std::iter::once(("name", "Name (A–Z)".to_owned()))
        .chain(Dimension::ALL.iter().map(|d| {
            (
                d.as_str(),
                format!("Best {} first", labels::dimension(*d).to_lowercase()),
            )
        }))
        .collect();
    let sorts: Vec<(&str, &str)> = sorts.iter().map(|(v, l)| (*v, l.as_str())).collect();
    let sizes = [("10", "10"), ("20", "20"), ("50", "50"), ("100", "100")];
    let groups = [
        (
            "language",
            "Language",
            choices(Language::ALL, Language::as_str, labels::language),
        ),
        (
            "category",
            "Category",
            choices(Category::ALL, Category::as_str, labels::category),
        ),
        (
            "feature",
            "Has every feature",
            choices(Feature::ALL, Feature::as_str, labels::feature),
        ),
        (
            "use_case",
            "Good for",
            choices(UseCase::ALL, UseCase::as_str, labels::use_case),
        ),
    ];
    html! {
        form.filters method="get" action="/catalog" data-live="results" aria-labelledby="filters-heading" {
            h2 #filters-heading { "Filters" }
            (form_errors(errors))
            @for (name, legend, options) in &groups {
                details open[!form.all(name).is_empty()] {
                    summary { (legend) }
                    (checkboxes(name, legend, options, form.all(name)))
                }
            }
            (select("sort", "sort", "Sort by", &sorts, Some(form.first("sort").unwrap_or("name")), None))
            (select("limit", "limit", "Per page", &sizes, Some(form.first("limit").unwrap_or("50")), None))
            button type="submit" { "Apply" }
            " "
            a href="/catalog" { "Clear" }
        }
    }
}
