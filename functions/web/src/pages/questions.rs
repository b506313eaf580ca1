//! `/questions?q=…&topic=…` — the FAQ: ranked answers to a search (the API's index and
//! ranking), the 2025 trends, and every question by topic.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use maud::{Markup, html};
use model::{FaqEntry, Framework, SearchText, Slug, Topic};

use crate::Web;
use crate::error::PageError;
use crate::form::{FormQuery, Key, vocabulary};
use crate::layout::{Page, Section, form_errors};
use crate::pages::{Visit, choices, select};
use model::labels;

const KEYS: [Key; 2] = [
    Key::text("q", model::search::MAX_QUERY_CHARS),
    Key::one("topic", vocabulary::<Topic>),
];
/// How many answers a search shows.
const RESULTS: usize = 8;

pub(crate) async fn page(State(web): State<Web>, visit: Visit) -> Result<Response, PageError> {
    let form = visit.form(&KEYS);
    let searchable = web.faq_index.get(web.context.stores.faq.as_ref()).await?;
    let entries = searchable.entries.as_slice();
    let catalog = web.context.stores.frameworks.catalog().await?;
    let names = Names(&catalog);

    let (mut status, mut errors) = form.refused().unwrap_or((StatusCode::OK, Vec::new()));
    let topic = match form.first("topic").map(str::parse::<Topic>) {
        None => None,
        Some(Ok(topic)) => Some(topic),
        Some(Err(error)) => {
            errors.push(format!("Topic: {error}"));
            None
        }
    };
    let text = match form.first("q").map(SearchText::parse) {
        None => None,
        Some(Ok(text)) => Some(text),
        Some(Err(error)) => {
            errors.push(format!("Question: {error}"));
            None
        }
    };
    let refused = form.refused().is_some();
    let hits: Option<Vec<&FaqEntry>> = text.as_ref().filter(|_| !refused).map(|text| {
        searchable
            .index
            .search(text, topic, RESULTS)
            .into_iter()
            .filter_map(|hit| entries.get(hit.position))
            .collect()
    });
    if status == StatusCode::OK && !errors.is_empty() {
        status = StatusCode::UNPROCESSABLE_ENTITY;
    }
    let markup = render(
        &form,
        &names,
        topic,
        hits.as_deref(),
        entries,
        &errors,
        visit.as_of(),
    );
    Ok(visit.html(status, markup))
}

fn render(
    form: &FormQuery,
    names: &Names<'_>,
    topic: Option<Topic>,
    hits: Option<&[&FaqEntry]>,
    entries: &[FaqEntry],
    errors: &[String],
    as_of: Option<&str>,
) -> Markup {
    let topics = choices(Topic::ALL, Topic::as_str, labels::topic);
    let trends: Vec<&FaqEntry> = entries
        .iter()
        .filter(|e| e.topic == Topic::Trends)
        .collect();
    let body = html! {
        h1 { "Questions people ask when choosing" }
        form.search method="get" action="/questions" role="search" data-live="results" {
            (form_errors(errors))
            div.field.grow {
                label for="q" { "Your question" }
                input #q type="search" name="q" value=[form.first("q")] placeholder="e.g. fastest python framework" autocomplete="off" maxlength="256";
            }
            (select("topic", "topic", "Topic", &topics, topic.map(Topic::as_str), Some("Any topic")))
            button type="submit" { "Search" }
        }
        div.questions {
            section #results.results aria-labelledby="results-heading" data-live-region {
                @match hits {
                    Some(hits) => {
                        h2 #results-heading { "Answers" }
                        p.summary data-live-summary {
                            @if hits.is_empty() { "No answer matches; try other words, or browse the topics below." }
                            @else { (hits.len()) " best-matching answers, most relevant first." }
                        }
                        ol.answers {
                            @for entry in hits { li { (answer(entry, names)) } }
                        }
                    }
                    None => {
                        h2 #results-heading { "All questions by topic" }
                        p.summary data-live-summary { (entries.len()) " questions; open one to read its answer." }
                        @for shown in Topic::ALL.iter().filter(|t| **t != Topic::Trends && topic.is_none_or(|chosen| chosen == **t)) {
                            @let in_topic: Vec<&FaqEntry> = entries.iter().filter(|e| e.topic == *shown).collect();
                            @if !in_topic.is_empty() {
                                h3 { (labels::topic(*shown)) }
                                @for entry in in_topic {
                                    details.question id=(entry.id) {
                                        summary { (entry.question) }
                                        (answer_body(entry, names))
                                    }
                                }
                            }
                        }
                    }
                }
            }
            aside.trends aria-labelledby="trends-heading" {
                h2 #trends-heading { "Backend trends for 2025" }
                @for (i, entry) in trends.iter().enumerate() {
                    details.question id=(format!("trend-{}", entry.id)) open[i == 0] {
                        summary { (entry.question) }
                        (answer_body(entry, names))
                    }
                }
            }
        }
    };
    let title = match form.first("q") {
        Some(q) if hits.is_some() => {
            format!("“{}” — questions and answers", model::echo(q))
        }
        _ => "Questions and answers about backend frameworks".to_owned(),
    };
    Page {
        as_of: as_of.map(str::to_owned),
        title,
        description: "Search the questions developers ask when choosing a backend framework, with ranked answers, and read the backend trends for 2025.".into(),
        section: Section::Questions,
        body,
    }
    .render()
}

/// A search result: the question as a heading, then the answer.
fn answer(entry: &FaqEntry, names: &Names<'_>) -> Markup {
    let id = format!("answer-{}", entry.id);
    html! {
        article.answer aria-labelledby=(id) {
            h3 id=(id) { (entry.question) }
            (answer_body(entry, names))
        }
    }
}

/// An answer's text with its `backticked` spans (API calls, JSON) set as code: a reader sees
/// what to type apart from the sentence around it.
fn prose(text: &str) -> Markup {
    html! {
        @for (index, part) in text.split('`').enumerate() {
            @if index % 2 == 1 { code { (part) } } @else { (part) }
        }
    }
}

/// The catalog's names by id (it is sorted by id), for the frameworks an answer names.
struct Names<'a>(&'a [Framework]);

impl Names<'_> {
    /// The name of `id`, if the catalog still holds it (an admin may have deleted it).
    fn of(&self, id: &Slug) -> Option<&str> {
        let at = self
            .0
            .binary_search_by(|framework| framework.id.cmp(id))
            .ok()?;
        self.0.get(at).map(|framework| framework.spec.name.as_str())
    }
}

fn answer_body(entry: &FaqEntry, names: &Names<'_>) -> Markup {
    let related: Vec<(&Slug, &str)> = entry
        .related_frameworks
        .iter()
        .filter_map(|id| Some((id, names.of(id)?)))
        .collect();
    html! {
        p { (prose(&entry.answer)) }
        @if !related.is_empty() {
            p.related {
                "Frameworks: "
                @for (i, (id, name)) in related.iter().enumerate() {
                    @if i > 0 { ", " }
                    a href=(format!("/catalog/{id}")) { (name) }
                }
            }
        }
    }
}
