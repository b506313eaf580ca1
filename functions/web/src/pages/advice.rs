//! `/` — the advice page: a project profile in the form, the explained shortlist beside it.
//!
//! The form's fields have the names of `POST /recommendations`, and the page builds that
//! very JSON body from them and reads it with the API's parser ([`Profile::from_json`]), so
//! the page and the API accept and refuse exactly the same profiles.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use maud::{Markup, html};
use model::{
    Deployment, Dimension, Feature, Language, Profile, Recommendations, UseCase, recommend,
};
use serde_json::{Map, Value};

use crate::Web;
use crate::chart;
use crate::error::PageError;
use crate::form::FormQuery;
use crate::labels;
use crate::layout::{Page, Section, form_errors};
use crate::pages::{checkboxes, choices, select};
use crate::respond;

/// Fields of the request body that hold one value.
const SINGLE: [&str; 2] = ["use_case", "deployment"];
/// Fields of the request body that hold a list.
const LISTS: [&str; 3] = ["priorities", "languages", "required_features"];
/// How many priorities the form offers, most important first.
const PRIORITY_SLOTS: usize = 3;

pub async fn page(
    State(web): State<Web>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, PageError> {
    let form = FormQuery::parse(query.as_deref().unwrap_or_default())?;
    let asked = SINGLE
        .iter()
        .chain(LISTS.iter())
        .chain(["limit"].iter())
        .any(|key| form.contains(key));
    if !asked {
        let page = render(&form, None, &[]);
        return Ok(respond::html(&headers, StatusCode::OK, page));
    }
    match Profile::from_json(&request_body(&form)) {
        Ok(profile) => {
            let catalog = web.context.stores.frameworks.catalog().await?;
            let result = recommend(&catalog, &profile);
            let page = render(&form, Some((&profile, &result)), &[]);
            Ok(respond::html(&headers, StatusCode::OK, page))
        }
        Err(errors) => {
            let messages: Vec<String> = errors
                .iter()
                .map(|error| format!("{}: {}", field_label(&error.field), error.message))
                .collect();
            let page = render(&form, None, &messages);
            Ok(respond::html(
                &headers,
                StatusCode::UNPROCESSABLE_ENTITY,
                page,
            ))
        }
    }
}

/// The `POST /recommendations` body the form describes: one value as a string (several as
/// an array, which the parser refuses), lists as arrays, the limit as a number when it is one.
pub fn request_body(form: &FormQuery) -> Value {
    let mut body = Map::new();
    for key in SINGLE {
        match form.all(key) {
            [] => {}
            [one] => {
                body.insert(key.into(), Value::from(one.as_str()));
            }
            many => {
                body.insert(key.into(), Value::from(many.to_vec()));
            }
        }
    }
    for key in LISTS {
        let items = form.all(key);
        if !items.is_empty() {
            body.insert(key.into(), Value::from(items.to_vec()));
        }
    }
    if let Some(limit) = form.first("limit") {
        let value = limit
            .parse::<u64>()
            .map(Value::from)
            .unwrap_or_else(|_| Value::from(limit));
        body.insert("limit".into(), value);
    }
    Value::Object(body)
}

fn field_label(field: &str) -> String {
    let base = field.split('[').next().unwrap_or(field);
    match base {
        "use_case" => "Project type".into(),
        "priorities" => "Priorities".into(),
        "languages" => "Languages".into(),
        "required_features" => "Must-have features".into(),
        "deployment" => "Deployment".into(),
        "limit" => "How many".into(),
        other => other.to_owned(),
    }
}

fn render(
    form: &FormQuery,
    answer: Option<(&Profile, &Recommendations<'_>)>,
    errors: &[String],
) -> Markup {
    let title = match answer {
        Some((profile, _)) => format!("Advice for {}", labels::use_case(profile.use_case())),
        None => "Which backend framework fits your project?".to_owned(),
    };
    let body = html! {
        h1 { "Which backend framework fits your project?" }
        p.lede { "Tell us what you are building and what matters most; we rank 26 frameworks across 11 languages and explain every score." }
        div.advice {
            (profile_form(form, errors))
            section #results.results aria-labelledby="results-heading" data-live-region {
                @match answer {
                    Some((profile, result)) => { (shortlist(profile, result)) }
                    None => {
                        h2 #results-heading { "Your shortlist" }
                        p.empty { "Choose at least the kind of project, then “Get advice”." }
                    }
                }
            }
        }
    };
    Page {
        title,
        description: "Describe your backend project and get a ranked, explained shortlist of frameworks: scores, reasons, caveats and what was ruled out.".into(),
        section: Section::Advice,
        body,
    }
    .render()
}

fn profile_form(form: &FormQuery, errors: &[String]) -> Markup {
    let use_cases = choices(UseCase::ALL, UseCase::as_str, labels::use_case);
    let dimensions = choices(Dimension::ALL, Dimension::as_str, labels::dimension);
    let languages = choices(Language::ALL, Language::as_str, labels::language);
    let features = choices(Feature::ALL, Feature::as_str, labels::feature);
    let deployments = choices(Deployment::ALL, Deployment::as_str, labels::deployment);
    let priorities = form.all("priorities");
    let ordinals = ["First priority", "Second priority", "Third priority"];
    html! {
        form.profile method="get" action="/#results" data-live="results" aria-labelledby="form-heading" {
            h2 #form-heading { "Your project" }
            (form_errors(errors))
            (select("use_case", "use_case", "What are you building?", &use_cases, form.first("use_case"), Some("Choose…")))
            fieldset.priorities {
                legend { "What matters most, in order" }
                @for slot in 0..PRIORITY_SLOTS {
                    (select("priorities", &format!("priority-{slot}"), ordinals[slot], &dimensions, priorities.get(slot).map(String::as_str), Some("(none)")))
                }
            }
            details open[!form.all("languages").is_empty()] {
                summary { "Languages your team uses" }
                (checkboxes("languages", "Only frameworks in", &languages, form.all("languages")))
            }
            details open[!form.all("required_features").is_empty()] {
                summary { "Must-have features" }
                (checkboxes("required_features", "Leave out frameworks without", &features, form.all("required_features")))
            }
            (select("deployment", "deployment", "Where will it run?", &deployments, form.first("deployment"), Some("No preference")))
            (select("limit", "limit", "How many suggestions", &[("3", "3"), ("5", "5"), ("10", "10")], form.first("limit"), None))
            button type="submit" { "Get advice" }
        }
    }
}

fn shortlist(profile: &Profile, result: &Recommendations<'_>) -> Markup {
    let compare_ids: Vec<&str> = result
        .recommendations
        .iter()
        .take(4)
        .map(|r| r.id.as_str())
        .collect();
    let mut compare_href = format!("/versus?ids={}", compare_ids.join(","));
    if !profile.priorities().is_empty() {
        let names: Vec<&str> = profile
            .priorities()
            .as_slice()
            .iter()
            .map(|d| d.as_str())
            .collect();
        compare_href.push_str(&format!("&priorities={}", names.join(",")));
    }
    html! {
        h2 #results-heading { "Your shortlist" }
        p.summary data-live-summary {
            (result.recommendations.len()) " of " (result.considered) " frameworks that fit your filters"
            @if !result.excluded.is_empty() { ", " (result.excluded.len()) " ruled out" }
            "."
        }
        @if result.recommendations.is_empty() {
            p.empty { "No framework passes these filters. Try fewer languages or must-have features." }
        }
        ol.shortlist {
            @for recommendation in &result.recommendations {
                @let parts = breakdown(&recommendation.breakdown);
                li.recommendation {
                    article aria-labelledby=(format!("rec-{}", recommendation.id)) {
                        header {
                            h3 id=(format!("rec-{}", recommendation.id)) {
                                span.rank { (recommendation.rank) ". " }
                                a href=(format!("/catalog/{}", recommendation.id)) { (recommendation.name) }
                            }
                            p.score { strong { (format!("{:.1}", recommendation.score)) } " / 100" }
                        }
                        (chart::score_bar(&parts))
                        ul.breakdown aria-label="Score breakdown" {
                            @for (i, (name, points)) in parts.iter().enumerate() {
                                li { span class=(format!("key part-{i}")) aria-hidden="true" {} (labels::factor(name)) " " strong { (format!("{points:.1}")) } }
                            }
                        }
                        @if !recommendation.reasons.is_empty() {
                            h4 { "Why" }
                            ul.reasons { @for reason in &recommendation.reasons { li { (reason) } } }
                        }
                        @if !recommendation.caveats.is_empty() {
                            h4 { "Watch out" }
                            ul.caveats { @for caveat in &recommendation.caveats { li { (caveat) } } }
                        }
                    }
                }
            }
        }
        @if compare_ids.len() >= 2 {
            p { a.button href=(compare_href) { "Compare the top " (compare_ids.len()) " side by side" } }
        }
        @if !result.excluded.is_empty() {
            details.excluded {
                summary { "Ruled out (" (result.excluded.len()) ")" }
                ul {
                    @for exclusion in &result.excluded {
                        li { a href=(format!("/catalog/{}", exclusion.framework.id)) { (exclusion.framework.spec.name) } ": " (exclusion.reason()) }
                    }
                }
            }
        }
    }
}

/// The factors in the order they are explained, as (name, points).
fn breakdown(
    breakdown: &std::collections::BTreeMap<&'static str, f64>,
) -> Vec<(&'static str, f64)> {
    ["use_case_fit", "priorities", "deployment_fit"]
        .into_iter()
        .filter_map(|name| breakdown.get(name).map(|points| (name, *points)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_becomes_the_api_request_body() {
        let form = FormQuery::parse(
            "use_case=rest_api&priorities=performance&priorities=&priorities=security&languages=python&languages=go&limit=5",
        )
        .unwrap();
        assert_eq!(
            request_body(&form),
            serde_json::json!({
                "use_case": "rest_api",
                "priorities": ["performance", "security"],
                "languages": ["python", "go"],
                "limit": 5
            })
        );
        assert!(Profile::from_json(&request_body(&form)).is_ok());
    }

    #[test]
    fn what_the_api_refuses_the_page_refuses() {
        let form = FormQuery::parse("use_case=telepathy&limit=eleven").unwrap();
        let errors = Profile::from_json(&request_body(&form)).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["use_case", "limit"]);
    }
}
