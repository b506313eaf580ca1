//! `/` — the advice page: a project profile in the form, the explained shortlist beside it.
//!
//! The form's fields have the names of `POST /recommendations`, and the page builds that
//! very JSON body from them and reads it with the API's parser ([`Profile::from_json`]), so
//! the page and the API accept and refuse exactly the same profiles.
//!
//! A description in plain words (`description`) is read by [`model::interpret`]; what it
//! says fills every field the form leaves empty, and is shown as chips ("we read your text
//! as …"). A chip's "not this" button adds it to `ignore` (`languages:java`), so a misreading
//! is corrected in the address itself and the corrected view can be shared. The chips are
//! one small form that carries the rest of the query once, not a link per chip that would
//! copy the whole description into the page again and again.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use maud::{Markup, html};
use model::describe::Reading;
use model::{
    Deployment, Description, Dimension, Feature, Interpretation, Language, Profile,
    Recommendations, UseCase, interpret, recommend,
};
use serde_json::{Map, Value};

use crate::Web;
use crate::chart;
use crate::error::PageError;
use crate::form::{self, FormQuery, Key, number, verbatim, vocabulary};
use crate::layout::{Page, Section, form_errors};
use crate::pages::{self, checkboxes, choices, ordinal, select, slots};
use crate::respond;
use model::labels;

/// Fields of the request body that hold one value.
const SINGLE: [&str; 2] = ["use_case", "deployment"];
/// Fields of the request body that hold a list.
const LISTS: [&str; 5] = [
    "priorities",
    "languages",
    "required_features",
    "preferred_frameworks",
    "excluded_frameworks",
];
/// How many priorities the form offers, most important first.
const PRIORITY_SLOTS: usize = 3;

/// The characters the description box takes: as many as fit in a page address in any
/// script, with every other field of the form at its longest (a test proves it). The API
/// itself takes up to `model::describe::MAX_DESCRIPTION_CHARS` in a request body.
pub(crate) const DESCRIPTION_CHARS: usize = 600;

/// How many suggestions absence means: the API's default, `model::Limit::DEFAULT`.
const DEFAULT_LIMIT: &str = "3";

/// What the page reads from its query: the request body's fields, the description, and the
/// readings set aside.
pub(crate) const KEYS: [Key; 10] = [
    Key::text("description", DESCRIPTION_CHARS),
    Key::one("use_case", vocabulary::<UseCase>),
    Key::one("deployment", vocabulary::<Deployment>),
    Key::list("priorities", vocabulary::<Dimension>),
    Key::set("languages", vocabulary::<Language>, Language::NAMES),
    Key::set("required_features", vocabulary::<Feature>, Feature::NAMES),
    Key::ids("preferred_frameworks"),
    Key::ids("excluded_frameworks"),
    Key::one("limit", number).or(DEFAULT_LIMIT),
    // `field:value` of each reading set aside; one that names no reading does nothing.
    Key::list("ignore", verbatim),
];

pub(crate) async fn page(
    State(web): State<Web>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let as_of = pages::facts_as_of(&web).await;
    let form = FormQuery::read(raw.as_deref().unwrap_or_default(), &KEYS);
    let catalog = web.context.stores.frameworks.catalog().await?;
    let scope = pages::scope(&catalog);
    if let Some((status, messages)) = form.refused() {
        let page = render(&form, &scope, None, None, &messages, as_of.as_deref());
        return Ok(respond::html(&headers, status, page));
    }
    let asked = SINGLE
        .iter()
        .chain(LISTS.iter())
        // How many to list is no question by itself: the blank form sends its default.
        .chain(["description"].iter())
        .any(|key| form.contains(key));
    if !asked {
        let page = render(&form, &scope, None, None, &[], as_of.as_deref());
        return Ok(respond::html(&headers, StatusCode::OK, page));
    }
    let reading = match form.first("description").map(Description::parse) {
        None => None,
        Some(Ok(description)) => Some(interpret(&description)),
        Some(Err(error)) => {
            let page = render(
                &form,
                &scope,
                None,
                None,
                &[format!("Description: {error}")],
                as_of.as_deref(),
            );
            return Ok(respond::html(
                &headers,
                StatusCode::UNPROCESSABLE_ENTITY,
                page,
            ));
        }
    };
    if let Some(reading) = reading.as_ref().filter(|r| r.is_off_topic()) {
        let message = format!("Description: {}.", reading.off_topic_message());
        let page = render(&form, &scope, None, None, &[message], as_of.as_deref());
        return Ok(respond::html(
            &headers,
            StatusCode::UNPROCESSABLE_ENTITY,
            page,
        ));
    }
    let chips = reading.as_ref().map(|reading| Chips::of(reading, &form));
    match Profile::from_json(&request_body(&form, chips.as_ref())) {
        Ok(profile) => {
            let result = recommend(&catalog, &profile);
            let page = render(
                &form,
                &scope,
                chips.as_ref(),
                Some((&profile, &result)),
                &[],
                as_of.as_deref(),
            );
            Ok(respond::html(&headers, StatusCode::OK, page))
        }
        Err(errors) => {
            let mut messages: Vec<String> = errors
                .iter()
                .map(|error| format!("{}: {}", field_label(&error.field), error.message))
                .collect();
            if chips
                .as_ref()
                .is_some_and(|chips| chips.use_case().is_none())
                && !form.contains("use_case")
            {
                messages.push(format!(
                    "We could not tell the kind of project from your description; choose it above, or mention {}.",
                    model::describe::LOOKS_FOR
                ));
            }
            let page = render(
                &form,
                &scope,
                chips.as_ref(),
                None,
                &messages,
                as_of.as_deref(),
            );
            Ok(respond::html(
                &headers,
                StatusCode::UNPROCESSABLE_ENTITY,
                page,
            ))
        }
    }
}

/// The `POST /recommendations` body the form describes: one value as a string (several as
/// an array, which the parser refuses), lists as arrays, the limit as a number when it is
/// one. A field the form leaves empty takes what the description said, less what was ignored.
pub(crate) fn request_body(form: &FormQuery, chips: Option<&Chips>) -> Value {
    let mut body = Map::new();
    for key in SINGLE.iter().chain(LISTS.iter()) {
        if form.contains(key) {
            continue;
        }
        let read: Vec<&str> = chips
            .map(|chips| chips.kept(key).map(|chip| chip.value).collect())
            .unwrap_or_default();
        match (SINGLE.contains(key), read.as_slice()) {
            (_, []) => {}
            (true, [first, ..]) => {
                body.insert((*key).into(), Value::from(*first));
            }
            (false, values) => {
                body.insert((*key).into(), Value::from(values.to_vec()));
            }
        }
    }
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

/// One value read from the description, as shown and as sent.
#[derive(Debug)]
pub(crate) struct Chip {
    /// The request field it fills (`languages`), or `not` for a ruled-out language.
    field: &'static str,
    value: &'static str,
    label: &'static str,
    words: Vec<String>,
    ignored: bool,
}

impl Chip {
    fn key(&self) -> String {
        format!("{}:{}", self.field, self.value)
    }
}

/// What a description was read as, with the `ignore` corrections applied.
#[derive(Debug)]
pub(crate) struct Chips {
    chips: Vec<Chip>,
    unused: Vec<String>,
}

impl Chips {
    fn of(reading: &Interpretation, form: &FormQuery) -> Self {
        let ignore = form.all("ignore");
        let mut chips = Vec::new();
        let mut push =
            |field: &'static str, value: &'static str, label: &'static str, words: &[String]| {
                let key = format!("{field}:{value}");
                chips.push(Chip {
                    field,
                    value,
                    label,
                    words: words.to_vec(),
                    ignored: ignore.contains(&key),
                });
            };
        if let Some(Reading { value, words }) = &reading.use_case {
            push("use_case", value.as_str(), labels::use_case(*value), words);
        }
        for Reading { value, words } in &reading.languages {
            push("languages", value.as_str(), labels::language(*value), words);
        }
        for Reading { value, words } in &reading.excluded_languages {
            push("not", value.as_str(), labels::language(*value), words);
        }
        // A framework by its id: the catalog, which has the names, is read after the chips.
        for Reading { value, words } in &reading.preferred_frameworks {
            push("preferred_frameworks", value, value, words);
        }
        for Reading { value, words } in &reading.excluded_frameworks {
            push("excluded_frameworks", value, value, words);
        }
        for Reading { value, words } in &reading.priorities {
            push(
                "priorities",
                value.as_str(),
                labels::dimension(*value),
                words,
            );
        }
        for Reading { value, words } in &reading.required_features {
            push(
                "required_features",
                value.as_str(),
                labels::feature(*value),
                words,
            );
        }
        if let Some(Reading { value, words }) = &reading.deployment {
            push(
                "deployment",
                value.as_str(),
                labels::deployment(*value),
                words,
            );
        }
        let mut chips = Self {
            chips,
            unused: reading.unused.clone(),
        };
        // A language ruled out, with none named, leaves every other language in.
        if !chips.kept("languages").any(|_| true) && chips.kept("not").any(|_| true) {
            let ruled_out: Vec<&str> = chips.kept("not").map(|chip| chip.value).collect();
            for language in Language::ALL
                .iter()
                .filter(|l| !ruled_out.contains(&l.as_str()))
            {
                chips.chips.push(Chip {
                    field: "languages",
                    value: language.as_str(),
                    label: labels::language(*language),
                    words: Vec::new(),
                    ignored: false,
                });
            }
        }
        chips
    }

    /// The values read for `field` that were not ignored.
    fn kept<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a Chip> + 'a {
        self.chips
            .iter()
            .filter(move |chip| chip.field == field && !chip.ignored)
    }

    fn use_case(&self) -> Option<&Chip> {
        self.kept("use_case").next()
    }

    /// The chips a person reads: the implied languages of a ruled-out one are not shown.
    fn shown(&self) -> impl Iterator<Item = &Chip> {
        self.chips
            .iter()
            .filter(|chip| !(chip.field == "languages" && chip.words.is_empty()))
    }
}

fn field_label(field: &str) -> String {
    let base = field.split('[').next().unwrap_or(field);
    match base {
        "use_case" => "Project type".into(),
        "priorities" => "Priorities".into(),
        "languages" => "Languages".into(),
        "required_features" => "Must-have features".into(),
        "preferred_frameworks" => "Frameworks you prefer".into(),
        "excluded_frameworks" => "Frameworks to leave out".into(),
        "deployment" => "Deployment".into(),
        "limit" => "How many".into(),
        other => other.to_owned(),
    }
}

fn render(
    form: &FormQuery,
    scope: &str,
    chips: Option<&Chips>,
    answer: Option<(&Profile, &Recommendations<'_>)>,
    errors: &[String],
    as_of: Option<&str>,
) -> Markup {
    let title = match answer {
        Some((profile, _)) => format!("Advice for {}", labels::use_case(profile.use_case())),
        None => "Which backend framework fits your project?".to_owned(),
    };
    let results = html! {
        section #results.results aria-labelledby="results-heading" data-live-region {
            @if answer.is_some() {
                p.to-form { a href="#form-heading" { "Change your answers" } }
            }
            @if let Some(chips) = chips { (chips_view(form, chips)) }
            @match answer {
                Some((profile, result)) => { (shortlist(profile, result)) }
                None => {
                    h2 #results-heading { "Your shortlist" }
                    p.empty { "Choose at least the kind of project, then “Get advice”." }
                }
            }
        }
    };
    let body = html! {
        h1 { "Which backend framework fits your project?" }
        p.lede { "Tell us what you are building and what matters most; we rank " (scope) " and explain every score." }
        // With an answer, the answer comes first: on a phone, where the two stack, the
        // reader sees it, not the form just filled in; on a wide screen the grid still
        // puts the form on the left.
        @if answer.is_some() {
            div.advice.answered { (results) (profile_form(form, errors)) }
        } @else {
            div.advice { (profile_form(form, errors)) (results) }
        }
    };
    Page {
        as_of: as_of.map(str::to_owned),
        title,
        description: "Describe your backend project and get a ranked, explained shortlist of frameworks: scores, reasons, caveats and what was ruled out.".into(),
        section: Section::Advice,
        body,
    }
    .render()
}

fn chips_view(form: &FormQuery, chips: &Chips) -> Markup {
    let field_name = |field: &str| match field {
        "use_case" => "Project",
        "languages" => "Language",
        "not" => "Not in",
        "priorities" => "Priority",
        "required_features" => "Must have",
        "preferred_frameworks" => "Framework",
        "excluded_frameworks" => "Not",
        _ => "Runs on",
    };
    // The state the chips' buttons resend, written once: each button only adds the new
    // list of readings set aside, so the page does not repeat the query per chip.
    let toggled = |chip: &Chip| {
        let key = chip.key();
        let mut ignore: Vec<&str> = form
            .all("ignore")
            .iter()
            .map(String::as_str)
            .filter(|k| *k != key)
            .collect();
        if !chip.ignored {
            ignore.push(&key);
        }
        ignore.join(",")
    };
    html! {
        form.reading method="get" action="/#results" aria-labelledby="reading-heading" {
            h2 #reading-heading { "We read your text as…" }
            (form.hidden_inputs("ignore"))
            @if chips.shown().next().is_none() {
                p.empty { "Nothing we could use. Mention " (model::describe::LOOKS_FOR) "." }
            }
            ul.chips {
                @for chip in chips.shown() {
                    li class=(if chip.ignored { "chip ignored" } else { "chip" }) {
                        span.what { (field_name(chip.field)) ": " strong { (chip.label) } }
                        @if !chip.words.is_empty() {
                            " " span.words { "(“" (chip.words.join(" ")) "”)" }
                        }
                        " "
                        @if chip.field == "use_case" && !chip.ignored {
                            // Advice needs a kind of project: setting this one aside would
                            // leave none, so the chip points at the choice instead.
                            a href="#use_case" { "choose another" span.visually-hidden { " instead of " (chip.label) } }
                        } @else if chip.ignored {
                            button.link type="submit" name="ignore" value=(toggled(chip)) { "use it again" span.visually-hidden { ": " (chip.label) } }
                        } @else {
                            button.link type="submit" name="ignore" value=(toggled(chip)) { "not this" span.visually-hidden { ": " (chip.label) } }
                        }
                    }
                }
            }
            @if !chips.unused.is_empty() {
                p.hint { "Not used: " (chips.unused.join(", ")) ". Fields you set in the form take precedence over the text." }
            } @else {
                p.hint { "Fields you set in the form take precedence over the text." }
            }
        }
    }
}

fn profile_form(form: &FormQuery, errors: &[String]) -> Markup {
    let use_cases = choices(UseCase::ALL, UseCase::as_str, labels::use_case);
    let dimensions = choices(Dimension::ALL, Dimension::as_str, labels::dimension);
    let languages = choices(Language::ALL, Language::as_str, labels::language);
    let features = choices(Feature::ALL, Feature::as_str, labels::feature);
    let deployments = choices(Deployment::ALL, Deployment::as_str, labels::deployment);
    let priorities = form.all("priorities");
    html! {
        form.profile method="get" action="/#results" data-live="results" aria-labelledby="form-heading" {
            h2 #form-heading { "Your project" }
            (form_errors(errors))
            div.field {
                label for="description" { "Describe your project" }
                textarea #description name="description" maxlength=(DESCRIPTION_CHARS) rows="3" placeholder=(model::describe::EXAMPLES[0]) {
                    (form.first("description").unwrap_or_default())
                }
            }
            @if !form.all("ignore").is_empty() {
                input type="hidden" name="ignore" value=(form.all("ignore").join(","));
            }
            p.hint { "…or set the details (they take precedence):" }
            (select("use_case", "use_case", "What are you building?", &use_cases, form.first("use_case"), Some("From the description / choose…")))
            fieldset.priorities {
                legend { "What matters most, in order" }
                @for slot in 0..slots(PRIORITY_SLOTS, priorities) {
                    (select("priorities", &format!("priority-{slot}"), &ordinal(slot, "priority"), &dimensions, priorities.get(slot).map(String::as_str), Some("(none)")))
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
            div.field {
                label for="preferred_frameworks" { "Frameworks you prefer (as the catalog spells them, comma-separated)" }
                input #preferred_frameworks type="text" name="preferred_frameworks" placeholder="flask, fastapi" value=(form.all("preferred_frameworks").join(", "));
            }
            div.field {
                label for="excluded_frameworks" { "Frameworks to leave out (leaving one out always wins)" }
                input #excluded_frameworks type="text" name="excluded_frameworks" placeholder="django" value=(form.all("excluded_frameworks").join(", "));
            }
            (select("deployment", "deployment", "Where will it run?", &deployments, form.first("deployment"), Some("No preference")))
            (select("limit", "limit", "How many suggestions", &[("3", "3"), ("5", "5"), ("10", "10")], Some(form.first("limit").unwrap_or(DEFAULT_LIMIT)), None))
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
    let priorities: Vec<&str> = profile
        .priorities()
        .as_slice()
        .iter()
        .map(|d| d.as_str())
        .collect();
    let compare_href = form::href(
        "/versus",
        [
            ("ids", compare_ids.join(",")),
            ("priorities", priorities.join(",")),
        ]
        .into_iter()
        .filter(|(_, value)| !value.is_empty()),
    );
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
                            ul.reasons { @for reason in &recommendation.reasons { li { (reason.text) } } }
                        }
                        @if !recommendation.caveats.is_empty() {
                            h4 { "Watch out" }
                            ul.caveats { @for caveat in &recommendation.caveats { li { (caveat.text) } } }
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
        let form = FormQuery::read(
            "use_case=rest_api&priorities=performance&priorities=&priorities=security&languages=python&languages=go&limit=5",
            &KEYS,
        );
        assert_eq!(
            request_body(&form, None),
            serde_json::json!({
                "use_case": "rest_api",
                "priorities": ["performance", "security"],
                "languages": ["python", "go"],
                "limit": 5
            })
        );
        assert!(Profile::from_json(&request_body(&form, None)).is_ok());
    }

    #[test]
    fn what_the_api_refuses_the_page_refuses() {
        let form = FormQuery::read("use_case=telepathy&limit=eleven", &KEYS);
        let errors = Profile::from_json(&request_body(&form, None)).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["use_case", "limit"]);
    }

    #[test]
    fn the_default_limit_is_the_api_s() {
        assert_eq!(DEFAULT_LIMIT, model::Limit::default().get().to_string());
    }

    #[test]
    fn the_longest_form_fits_a_page_address_in_any_script() {
        let all = |names: &[&str]| names.join(",");
        let readings: Vec<String> = ["use_case", "languages", "not", "priorities"]
            .iter()
            .flat_map(|field| Language::NAMES.iter().map(move |v| format!("{field}:{v}")))
            .chain(
                Feature::NAMES
                    .iter()
                    .map(|v| format!("required_features:{v}")),
            )
            .chain(UseCase::NAMES.iter().map(|v| format!("use_case:{v}")))
            .chain(Dimension::NAMES.iter().map(|v| format!("priorities:{v}")))
            .chain(Deployment::NAMES.iter().map(|v| format!("deployment:{v}")))
            .collect();
        let longest = |names: &[&str]| names.iter().map(|n| n.len()).max().unwrap_or(0);
        // The worst character: three bytes of UTF-8, each percent-encoded.
        let description = "語".repeat(DESCRIPTION_CHARS);
        let query = crate::form::href(
            "",
            [
                ("description", description.as_str()),
                ("use_case", &"u".repeat(longest(UseCase::NAMES))),
                ("deployment", &"d".repeat(longest(Deployment::NAMES))),
                ("priorities", &all(Dimension::NAMES)),
                ("languages", &all(Language::NAMES)),
                ("required_features", &all(Feature::NAMES)),
                ("limit", "10"),
                ("ignore", &readings.join(",")),
            ],
        );
        assert!(
            query.len() <= crate::form::QUERY_BUDGET,
            "{} bytes",
            query.len()
        );
        // `maxlength` counts UTF-16 units: none takes more than three bytes of UTF-8.
        assert_eq!(description.len(), DESCRIPTION_CHARS * 3);
    }

    #[test]
    fn the_description_fills_what_the_form_leaves_empty_less_what_is_ignored() {
        let form = FormQuery::read(
            "description=realtime+chat+in+typescript+on+lambda%2C+must+scale&deployment=containers&ignore=priorities:scalability",
            &KEYS,
        );
        let reading = interpret(&Description::parse(form.first("description").unwrap()).unwrap());
        let chips = Chips::of(&reading, &form);
        let body = request_body(&form, Some(&chips));
        assert_eq!(body["use_case"], "realtime");
        assert_eq!(body["languages"], serde_json::json!(["typescript"]));
        assert_eq!(body["deployment"], "containers", "the form wins");
        assert!(body.get("priorities").is_none(), "ignored: {body}");
        assert!(Profile::from_json(&body).is_ok());
    }

    #[test]
    fn frameworks_read_by_name_are_sent_and_not_this_sets_one_aside() {
        let text = "internal dashboard in python with user accounts, not django please";
        let form = FormQuery::read(
            &format!(
                "description={}&preferred_frameworks=flask",
                form_urlencoded::byte_serialize(text.as_bytes()).collect::<String>()
            ),
            &KEYS,
        );
        let reading = interpret(&Description::parse(text).unwrap());
        let chips = Chips::of(&reading, &form);
        let body = request_body(&form, Some(&chips));
        assert_eq!(body["excluded_frameworks"], serde_json::json!(["django"]));
        assert_eq!(body["preferred_frameworks"], serde_json::json!(["flask"]));
        let aside = FormQuery::read(
            &format!(
                "description={}&ignore=excluded_frameworks:django",
                form_urlencoded::byte_serialize(text.as_bytes()).collect::<String>()
            ),
            &KEYS,
        );
        let chips = Chips::of(&reading, &aside);
        assert!(
            request_body(&aside, Some(&chips))
                .get("excluded_frameworks")
                .is_none()
        );
    }
}
