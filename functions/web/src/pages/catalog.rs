//! `/catalog` — the frameworks, filtered, sorted and paged exactly as `GET /frameworks` is:
//! the same parameters, read by the same parser, listed by the same store call.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use edge::list_query::list_query;
use edge::{ApiError, QueryParams};
use maud::{Markup, html};
use model::{Category, Dimension, Feature, Framework, Language, Sort, UseCase};

use crate::Web;
use crate::error::{PageError, client_message};
use crate::find;
use crate::form::{FormQuery, Key, number, verbatim, vocabulary};
use crate::layout::{Page, Section, form_heading};
use crate::pages::{self, Choice, Visit, checkboxes, choices, select};
use model::labels;

/// The parameters of `GET /frameworks` (the API's list of them, `edge::list_query::PARAMETERS`,
/// is checked against these in a test), and a text search of the page's own.
pub(crate) const KEYS: [Key; 9] = [
    Key::text("q", model::search::MAX_QUERY_CHARS),
    Key::set("language", vocabulary::<Language>, Language::NAMES),
    Key::set("category", vocabulary::<Category>, Category::NAMES),
    Key::set("feature", vocabulary::<Feature>, Feature::NAMES),
    Key::set("use_case", vocabulary::<UseCase>, UseCase::NAMES),
    Key::one("released_within_months", number),
    Key::one("sort", sort).or(DEFAULT_SORT),
    Key::one("limit", number).or(DEFAULT_SIZE),
    Key::one("cursor", verbatim),
];

/// What absence means, as `GET /frameworks` reads it (checked in a test).
const DEFAULT_SORT: &str = "name";
const DEFAULT_SIZE: &str = "50";

fn sort(raw: &str) -> Option<String> {
    raw.parse::<Sort>()
        .ok()
        .map(|sort| sort.as_str().to_owned())
}

pub(crate) async fn page(State(web): State<Web>, visit: Visit) -> Result<Response, PageError> {
    let form = visit.form(&KEYS);
    let catalog = web.context.stores.frameworks.catalog().await?;
    let scope = pages::scope(&catalog);
    // A page without results: the form again, with what was wrong.
    let refused = |messages: &[String]| {
        render(
            &form,
            &scope,
            &[],
            Sort::Name,
            None,
            messages,
            visit.as_of(),
        )
    };
    if let Some((status, messages)) = form.refused() {
        let markup = refused(&messages);
        return Ok(visit.html(status, markup));
    }
    // The API's own parser, given the canonical query: the page refuses what it refuses.
    let canonical = form.with("q", &[]).link("");
    let today = model::clock::today();
    let parsed = QueryParams::parse(canonical.trim_start_matches('?'))
        .and_then(|params| list_query(params, &today));
    match parsed {
        Ok(list) => {
            // A text search lists from the whole catalog, in memory, by the same filters,
            // sort and cursor: the API's store has no text index to ask.
            let page = match form.first("q") {
                Some(text) => {
                    let facts = match list.needs_facts() {
                        true => Some(web.context.stores.facts.shown().await?),
                        false => None,
                    };
                    model::listing::list_in_memory_by(
                        find::frameworks(&catalog, text),
                        &list,
                        |framework| facts.as_ref()?.latest_day(framework.id.as_str()),
                    )
                }
                None => web.context.stores.list_page(&list).await?,
            };
            let next = page.next.map(|cursor| cursor.encode());
            let markup = render(
                &form,
                &scope,
                &page.items,
                list.sort,
                next.as_deref(),
                &[],
                visit.as_of(),
            );
            Ok(visit.html(StatusCode::OK, markup))
        }
        Err(error @ ApiError::Unavailable { .. }) => Err(error.into()),
        Err(error) => {
            let status = error.status();
            let markup = refused(&[client_message(&error)]);
            Ok(visit.html(status, markup))
        }
    }
}

fn render(
    form: &FormQuery,
    scope: &str,
    items: &[Framework],
    sort: Sort,
    next: Option<&str>,
    errors: &[String],
    as_of: Option<&str>,
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
                        a href=(form.with("cursor", &[]).link("/catalog")) { "First page" }
                    }
                    @if let Some(next) = next {
                        a rel="next" href=(form.with("cursor", &[next]).link("/catalog")) { "Next page" }
                    }
                }
            }
        }
    };
    Page {
        as_of: as_of.map(str::to_owned),
        title: "Catalog of backend frameworks".into(),
        description: format!("Browse {scope}: filter by language, category, feature and use case, sort by any rated dimension."),
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
        }
        p { (first_sentence(&spec.description)) }
        // The ratings people choose by, at a glance, in the chart's order: words and a
        // number anyone can read, and a bar (the class) for the eye. Terse, as the page
        // repeats it per card (about 1.1 KB a card with the rest of it).
        ul.glance aria-label=(format!("Ratings of {}, out of 5", spec.name)) {
            @for dimension in Dimension::ALL {
                @let score = spec.ratings.score(*dimension);
                @let sorted = if sort == Sort::Best(*dimension) { " sorted" } else { "" };
                li class=(format!("s{score}{sorted}")) {
                    span { (labels::dimension(*dimension)) } " " span { b { (score) } "/5" }
                }
            }
        }
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
        .chain(std::iter::once((
            Sort::LatestRelease.as_str(),
            "Latest release first".to_owned(),
        )))
        .collect();
    let windows = [
        ("6", "the last 6 months"),
        ("12", "the last 12 months"),
        ("24", "the last 2 years"),
    ];
    let sorts: Vec<(&str, &str)> = sorts.iter().map(|(v, l)| (*v, l.as_str())).collect();
    let sizes = [("10", "10"), ("20", "20"), ("50", "50"), ("100", "100")];
    html! {
        form.filters method="get" action="/catalog" data-live="results" aria-labelledby="filters-heading" {
            (form_heading("filters-heading", "Filters", errors))
            div.field {
                label for="catalog-q" { "Find words" }
                input #catalog-q type="search" name="q" value=[form.first("q")] placeholder="e.g. admin panel, tokio" maxlength=(model::search::MAX_QUERY_CHARS);
            }
            (group(form, "language", "Language", &choices(Language::ALL, Language::as_str, labels::language)))
            (group(form, "category", "Category", &choices(Category::ALL, Category::as_str, labels::category)))
            (group(form, "feature", "Has every feature", &choices(Feature::ALL, Feature::as_str, labels::feature)))
            (group(form, "use_case", "Good for", &choices(UseCase::ALL, UseCase::as_str, labels::use_case)))
            (select("released_within_months", "released-within", "Released in", &windows, form.first("released_within_months"), Some("any time")))
            (select("sort", "sort", "Sort by", &sorts, Some(form.first("sort").unwrap_or(DEFAULT_SORT)), None))
            (select("limit", "limit", "Per page", &sizes, Some(form.first("limit").unwrap_or(DEFAULT_SIZE)), None))
            button type="submit" { "Apply" }
            " "
            a href="/catalog" { "Clear" }
        }
    }
}

/// A group of checkboxes that folds away, open while any of its boxes is ticked.
fn group(form: &FormQuery, name: &str, legend: &str, options: &[Choice<'_>]) -> Markup {
    html! {
        details open[!form.all(name).is_empty()] {
            summary { (legend) }
            (checkboxes(name, legend, options, form.all(name)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_reads_exactly_the_api_s_list_parameters() {
        let mut ours: Vec<&str> = KEYS
            .iter()
            .map(|key| key.name)
            .filter(|name| *name != "q")
            .collect();
        let mut theirs = edge::list_query::PARAMETERS.to_vec();
        ours.sort_unstable();
        theirs.sort_unstable();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn the_defaults_are_the_api_s() {
        assert_eq!(DEFAULT_SORT, Sort::default().as_str());
        assert_eq!(DEFAULT_SIZE, model::PageSize::default().get().to_string());
    }
}
