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

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use model::{
    Deployment, Description, Dimension, Feature, Language, Profile, UseCase, interpret, recommend,
};

use crate::Web;
use crate::error::PageError;
use crate::form::{Key, number, verbatim, vocabulary};
use crate::pages::{self, Visit};

mod body;
mod chips;
mod view;

use body::request_body;
use chips::{Chip, Chips};
use view::render;

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

pub(crate) async fn page(State(web): State<Web>, visit: Visit) -> Result<Response, PageError> {
    let form = visit.form(&KEYS);
    let catalog = web.context.stores.frameworks.catalog().await?;
    let scope = pages::scope(&catalog);
    if let Some((status, messages)) = form.refused() {
        let page = render(&form, &scope, None, None, &messages, visit.as_of());
        return Ok(visit.html(status, page));
    }
    let asked = SINGLE
        .iter()
        .chain(LISTS.iter())
        // How many to list is no question by itself: the blank form sends its default.
        .chain(["description"].iter())
        .any(|key| form.contains(key));
    if !asked {
        let page = render(&form, &scope, None, None, &[], visit.as_of());
        return Ok(visit.html(StatusCode::OK, page));
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
                visit.as_of(),
            );
            return Ok(visit.html(StatusCode::UNPROCESSABLE_ENTITY, page));
        }
    };
    if let Some(reading) = reading.as_ref().filter(|r| r.is_off_topic()) {
        let message = format!("Description: {}.", reading.off_topic_message());
        let page = render(&form, &scope, None, None, &[message], visit.as_of());
        return Ok(visit.html(StatusCode::UNPROCESSABLE_ENTITY, page));
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
                visit.as_of(),
            );
            Ok(visit.html(StatusCode::OK, page))
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
                visit.as_of(),
            );
            Ok(visit.html(StatusCode::UNPROCESSABLE_ENTITY, page))
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::FormQuery;

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
