//! The one way to make a [`FrameworkSpec`] from untrusted JSON: [`FrameworkSpec::from_json`]
//! collects every field error at once, so an admin fixing a rejected `PUT` sees the whole list
//! rather than one complaint per round trip.

use std::collections::BTreeMap;

use serde_json::Value;

use super::{FrameworkSpec, Ratings};
use crate::fields::{FieldError, Fields, MAX_LINE, plain_text, whole_number};
use crate::slug::Slug;
use crate::source::Source;
use crate::vocab::{Category, Dimension, Feature, Language, UseCase};

/// The earliest and latest plausible first-release years.
const FIRST_RELEASE_RANGE: std::ops::RangeInclusive<u16> = 1990..=2100;
const MAX_TEXT: usize = 4_000;
const MAX_URL: usize = 2_048;

impl FrameworkSpec {
    /// Fields the server manages (the facts are the refresh's); a client may echo them back
    /// from a GET and they are ignored.
    const SERVER_FIELDS: [&'static str; 3] = ["version", "updated_at", "facts"];
    const FIELDS: [&'static str; 17] = [
        "id",
        "name",
        "language",
        "category",
        "description",
        "first_release",
        "license",
        "website",
        "repository",
        "features",
        "use_cases",
        "ratings",
        "rating_notes",
        "strengths",
        "weaknesses",
        "sources",
        "evidence",
    ];

    /// Checks a JSON body against the framework schema, for the framework `id` named by the
    /// path. Returns every problem found, not just the first.
    pub fn from_json(id: &Slug, body: &Value) -> Result<FrameworkSpec, Vec<FieldError>> {
        let mut fields = Fields::of(body, &Self::FIELDS, &Self::SERVER_FIELDS)?.canonical_names();
        // Ignored, but typed as the schema types them, so that what the server accepts is
        // exactly what the published schema calls valid.
        if body.get("version").is_some_and(|v| !is_integer(v)) {
            fields.fail::<()>("version", "must be an integer (it is ignored)");
        }
        if body.get("updated_at").is_some_and(|v| !v.is_string()) {
            fields.fail::<()>("updated_at", "must be a string (it is ignored)");
        }
        if body
            .get("facts")
            .is_some_and(|v| !v.is_object() && !v.is_null())
        {
            fields.fail::<()>("facts", "must be an object or null (it is ignored)");
        }
        // A stored document has no nulls, so here (unlike a profile) null is not "absent".
        if body
            .get("id")
            .is_some_and(|body_id| body_id.as_str() != Some(id.as_str()))
        {
            fields.fail::<()>(
                "id",
                format!("must be absent or equal to the id in the path, '{id}'"),
            );
        }
        let name = fields.text("name", 100);
        let language = fields.one_of::<Language>("language");
        let category = fields.one_of::<Category>("category");
        let description = fields.text("description", MAX_TEXT);
        let first_release = fields.year("first_release");
        let license = fields.text("license", 100);
        let website = fields.url("website");
        let repository = fields.url("repository");
        let features = fields.strict_list::<Feature>("features", false);
        let use_cases = fields.strict_list::<UseCase>("use_cases", true);
        let ratings = fields.ratings("ratings");
        let rating_notes = fields.rating_notes("rating_notes");
        let strengths = fields.text_list("strengths");
        let weaknesses = fields.text_list("weaknesses");
        let sources = fields.sources("sources");
        let evidence = fields.evidence("evidence");

        // Every field was read (and every error recorded) above; the spec exists only if all parsed.
        let spec = (|| {
            Some(FrameworkSpec {
                name: name?,
                language: language?,
                category: category?,
                description: description?,
                first_release: first_release?,
                license: license?,
                website: website?,
                repository: repository?,
                features: features?,
                use_cases: use_cases?,
                ratings: ratings?,
                rating_notes: rating_notes?,
                strengths: strengths?,
                weaknesses: weaknesses?,
                sources: sources?,
                evidence: evidence?,
            })
        })();
        fields.finish(spec)
    }
}

/// The readers only a framework body needs.
impl Fields<'_> {
    fn url(&mut self, field: &str) -> Option<String> {
        let value = self.required(field)?;
        match https_url(value) {
            Ok(url) => Some(url),
            Err(message) => self.fail(field, message),
        }
    }

    fn year(&mut self, field: &str) -> Option<u16> {
        let value = self.required(field)?;
        match whole_number(value).and_then(|n| u16::try_from(n).ok()) {
            Some(year) if FIRST_RELEASE_RANGE.contains(&year) => Some(year),
            _ => self.fail(
                field,
                format!(
                    "must be a year from {} to {}",
                    FIRST_RELEASE_RANGE.start(),
                    FIRST_RELEASE_RANGE.end()
                ),
            ),
        }
    }

    fn text_list(&mut self, field: &str) -> Option<Vec<String>> {
        let items = self.non_empty_array(field, "must have at least one item")?;
        let mut texts = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            match plain_text(item, MAX_LINE) {
                Ok(text) => texts.push(text),
                Err(message) => {
                    self.fail::<()>(&format!("{field}[{index}]"), message);
                }
            }
        }
        (texts.len() == items.len()).then_some(texts)
    }

    fn ratings(&mut self, field: &str) -> Option<Ratings> {
        let scores = self.by_dimension(field, "must be an object of dimension: 1..5", |score| {
            match whole_number(score) {
                Some(n @ 1..=5) => Ok(n as u8),
                _ => Err("must be an integer from 1 to 5".to_owned()),
            }
        })?;
        match Ratings::try_from(scores) {
            Ok(ratings) => Some(ratings),
            Err(message) => self.fail(field, message),
        }
    }

    fn rating_notes(&mut self, field: &str) -> Option<BTreeMap<Dimension, String>> {
        self.by_dimension(
            field,
            "must be an object of dimension: one-line rationale",
            |note| plain_text(note, MAX_LINE),
        )
    }

    /// A required object of dimension: value (`shape` says what else it must be), each value
    /// read by `read`; a key that is no dimension, or a value `read` refuses, is reported at
    /// `field.key`, and then the whole field is `None`.
    fn by_dimension<T>(
        &mut self,
        field: &str,
        shape: &str,
        read: impl Fn(&Value) -> Result<T, String>,
    ) -> Option<BTreeMap<Dimension, T>> {
        let value = self.required(field)?;
        let object = self.object(field, value, shape)?;
        let mut values = BTreeMap::new();
        let mut ok = true;
        for (key, item) in object {
            match self
                .name::<Dimension>(key)
                .and_then(|dimension| read(item).map(|value| (dimension, value)))
            {
                Ok((dimension, value)) => {
                    values.insert(dimension, value);
                }
                Err(message) => {
                    ok &= self
                        .fail::<()>(&format!("{field}.{key}"), message)
                        .is_some()
                }
            }
        }
        ok.then_some(values)
    }

    /// One `{title, url}` at `at`; `url` is an https URL or null.
    pub(crate) fn source(&mut self, at: &str, item: &Value) -> Option<Source> {
        let source = self.object(
            at,
            item,
            "must be {\"title\": text, \"url\": https URL or null}",
        )?;
        let ok = self.only_known(
            at,
            source,
            &["title", "url"],
            "unknown field; a source has title and url",
        );
        let title = match source.get("title").map(|title| plain_text(title, MAX_LINE)) {
            Some(Ok(title)) => Some(title),
            Some(Err(message)) => self.fail(&format!("{at}.title"), message),
            None => self.fail(&format!("{at}.title"), "is required"),
        };
        let url = match source.get("url") {
            Some(Value::Null) => Some(None),
            Some(url) => match https_url(url) {
                Ok(url) => Some(Some(url)),
                Err(message) => self.fail(&format!("{at}.url"), message),
            },
            None => self.fail(&format!("{at}.url"), "is required: an https URL, or null"),
        };
        match (ok, title, url) {
            (true, Some(title), Some(url)) => Some(Source { title, url }),
            _ => None,
        }
    }

    fn sources(&mut self, field: &str) -> Option<Vec<Source>> {
        let items = self.non_empty_array(field, "must cite at least one source")?;
        let mut sources = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            if let Some(source) = self.source(&format!("{field}[{index}]"), item) {
                sources.push(source);
            }
        }
        (sources.len() == items.len()).then_some(sources)
    }
}

/// An `https://` URL of at most [`MAX_URL`] characters, without whitespace or control
/// characters, taken exactly as sent.
fn https_url(value: &Value) -> Result<String, String> {
    let is_url = |text: &str| {
        text.chars().count() <= MAX_URL
            && text.strip_prefix("https://").is_some_and(|rest| {
                !rest.is_empty() && !rest.chars().any(|c| c.is_whitespace() || c.is_control())
            })
    };
    match value.as_str() {
        Some(text) if is_url(text) => Ok(text.to_owned()),
        _ => Err(format!(
            "must be an https:// URL of at most {MAX_URL} characters, without spaces"
        )),
    }
}

/// Any JSON integer, `7.0` included, as JSON Schema's `integer` has it.
fn is_integer(value: &Value) -> bool {
    value.is_i64()
        || value.is_u64()
        || value
            .as_f64()
            .is_some_and(|n| n.is_finite() && n.fract() == 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn valid_body() -> Value {
        json!({
            "name": "Example",
            "language": "go",
            "category": "micro",
            "description": "An example framework.",
            "first_release": 2020,
            "license": "MIT",
            "website": "https://example.org",
            "repository": "https://github.com/example/example",
            "features": ["validation"],
            "use_cases": ["rest_api"],
            "ratings": {"performance": 5, "scalability": 4, "ease_of_learning": 4, "productivity": 3,
                        "ecosystem": 2, "security": 3, "type_safety": 4, "serverless_fit": 5},
            "rating_notes": {"performance": "Compiled and lean."},
            "strengths": ["fast"],
            "weaknesses": ["young"],
            "sources": [{"title": "Docs", "url": "https://example.org/docs"}],
            "evidence": {"performance": [{
                "note": "Near the top of the JSON test.",
                "figure": {"value": 1_250_000.5, "unit": "requests/s"},
                "benchmark": "example-json",
                "source": {"title": "Results", "url": "https://example.org/results"},
                "date": "2025-03-17"
            }]}
        })
    }

    fn id() -> Slug {
        Slug::parse("example").unwrap()
    }

    /// The errors reading `body` gives, after asserting that each of `expected` names a
    /// field among them.
    fn refused_at(body: &Value, expected: &[&str]) -> Vec<FieldError> {
        let errors = FrameworkSpec::from_json(&id(), body).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        for expected in expected {
            assert!(
                fields.contains(expected),
                "{expected} missing from {fields:?}"
            );
        }
        errors
    }

    #[test]
    fn a_complete_body_becomes_a_spec() {
        let spec = FrameworkSpec::from_json(&id(), &valid_body()).unwrap();
        assert_eq!(spec.language, Language::Go);
        assert_eq!(spec.ratings.score(Dimension::Performance), 5);
    }

    #[test]
    fn server_fields_are_ignored_and_a_matching_id_is_accepted() {
        let mut body = valid_body();
        body["id"] = json!("example");
        body["version"] = json!(7);
        body["updated_at"] = json!("2020-01-01T00:00:00Z");
        assert!(FrameworkSpec::from_json(&id(), &body).is_ok());
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut body = valid_body();
        body["language"] = json!("cobol");
        body["first_release"] = json!("last year");
        body["ratings"]["performance"] = json!(9);
        body["features"] = json!(["orm", "orm"]);
        body["colour"] = json!("blue");
        body["id"] = json!("other");
        let errors = refused_at(
            &body,
            &[
                "language",
                "first_release",
                "ratings.performance",
                "features[1]",
                "colour",
                "id",
            ],
        );
        let language = errors.iter().find(|e| e.field == "language").unwrap();
        assert!(language.message.contains("python"), "lists valid values");
    }

    #[test]
    fn evidence_is_optional_and_read_whole() {
        let spec = FrameworkSpec::from_json(&id(), &valid_body()).unwrap();
        let item = &spec.evidence[&Dimension::Performance][0];
        assert_eq!(item.figure.as_ref().unwrap().value.get(), 1_250_000.5);
        assert_eq!(item.date.as_str(), "2025-03-17");
        assert_eq!(item.reason, None);
        for absent in [json!(null), json!({})] {
            let mut body = valid_body();
            body["evidence"] = absent;
            assert!(
                FrameworkSpec::from_json(&id(), &body)
                    .unwrap()
                    .evidence
                    .is_empty()
            );
        }
        let mut body = valid_body();
        body.as_object_mut().unwrap().remove("evidence");
        assert!(
            FrameworkSpec::from_json(&id(), &body)
                .unwrap()
                .evidence
                .is_empty()
        );
    }

    #[test]
    fn every_problem_in_the_evidence_is_reported_at_once() {
        let mut body = valid_body();
        body["evidence"]["perf"] = json!([]);
        body["evidence"]["security"] = json!([]);
        let item = &mut body["evidence"]["performance"][0];
        item["figure"]["value"] = json!(-3);
        item["source"]["url"] = json!("http://example.org");
        item["date"] = json!("2025-02-30");
        item["benchmark"] = json!("Round 23");
        item["note"] = json!(" ");
        item["colour"] = json!("blue");
        refused_at(
            &body,
            &[
                "evidence.perf",
                "evidence.security",
                "evidence.performance[0].figure.value",
                "evidence.performance[0].source.url",
                "evidence.performance[0].date",
                "evidence.performance[0].benchmark",
                "evidence.performance[0].note",
                "evidence.performance[0].colour",
            ],
        );
    }

    #[test]
    fn missing_ratings_are_named() {
        let mut body = valid_body();
        body["ratings"].as_object_mut().unwrap().remove("security");
        let errors = FrameworkSpec::from_json(&id(), &body).unwrap_err();
        assert!(
            errors
                .iter()
                .any(|e| e.field == "ratings" && e.message.contains("security"))
        );
    }

    #[test]
    fn non_objects_are_rejected() {
        assert!(FrameworkSpec::from_json(&id(), &json!([1, 2])).is_err());
        assert!(FrameworkSpec::from_json(&id(), &json!(null)).is_err());
    }
}
