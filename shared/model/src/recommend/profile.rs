//! The request: a project profile, parsed from the JSON body of `POST /recommendations`.

use serde_json::Value;

use crate::fields::{FieldError, Fields, whole_number};
use crate::lists::distinct;
use crate::priorities::Priorities;
use crate::vocab::{Deployment, Dimension, Feature, Language, UseCase};

/// How many recommendations to return: 1..=10, 3 unless asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit(usize);

impl Limit {
    pub const MAX: usize = 10;
    pub const DEFAULT: Limit = Limit(3);

    pub fn new(n: usize) -> Option<Self> {
        (1..=Self::MAX).contains(&n).then_some(Self(n))
    }

    pub fn get(self) -> usize {
        self.0
    }
}

impl Default for Limit {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// A complete recommendation request. Lists hold each value once, in the order first given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    use_case: UseCase,
    priorities: Priorities,
    languages: Vec<Language>,
    required_features: Vec<Feature>,
    deployment: Option<Deployment>,
    limit: Limit,
}

impl Profile {
    const FIELDS: [&'static str; 6] = [
        "use_case",
        "priorities",
        "languages",
        "required_features",
        "deployment",
        "limit",
    ];

    pub fn new(use_case: UseCase) -> Self {
        Self {
            use_case,
            priorities: Priorities::default(),
            languages: Vec::new(),
            required_features: Vec::new(),
            deployment: None,
            limit: Limit::DEFAULT,
        }
    }

    pub fn with_priorities(mut self, priorities: impl IntoIterator<Item = Dimension>) -> Self {
        self.priorities = Priorities::new(priorities);
        self
    }

    pub fn with_languages(mut self, languages: impl IntoIterator<Item = Language>) -> Self {
        self.languages = distinct(languages);
        self
    }

    pub fn with_required_features(mut self, features: impl IntoIterator<Item = Feature>) -> Self {
        self.required_features = distinct(features);
        self
    }

    pub fn with_deployment(mut self, deployment: Option<Deployment>) -> Self {
        self.deployment = deployment;
        self
    }

    pub fn with_limit(mut self, limit: Limit) -> Self {
        self.limit = limit;
        self
    }

    pub fn use_case(&self) -> UseCase {
        self.use_case
    }

    pub fn priorities(&self) -> &Priorities {
        &self.priorities
    }

    pub fn languages(&self) -> &[Language] {
        &self.languages
    }

    pub fn required_features(&self) -> &[Feature] {
        &self.required_features
    }

    pub fn deployment(&self) -> Option<Deployment> {
        self.deployment
    }

    pub fn limit(&self) -> Limit {
        self.limit
    }

    /// Reads a `POST /recommendations` body, reporting every field error at once. Unknown
    /// vocabulary values are refused with the list of valid ones; a repeated value is kept once
    /// (for `priorities`, at its first, most important, position); `null` means absent.
    pub fn from_json(body: &Value) -> Result<Self, Vec<FieldError>> {
        let mut fields = Fields::of(body, &Self::FIELDS, &[])?;
        let use_case = fields.one_of::<UseCase>("use_case");
        let priorities = fields.optional_list::<Dimension>("priorities");
        let languages = fields.optional_list::<Language>("languages");
        let required_features = fields.optional_list::<Feature>("required_features");
        let deployment = fields
            .get("deployment")
            .and_then(|value| fields.parse::<Deployment>("deployment", value));
        let limit = match fields.get("limit") {
            None => Some(Limit::DEFAULT),
            Some(value) => whole_number(value)
                .and_then(|n| usize::try_from(n).ok())
                .and_then(Limit::new)
                .or_else(|| {
                    fields.fail(
                        "limit",
                        format!("must be a whole number from 1 to {}", Limit::MAX),
                    )
                }),
        };
        let profile = use_case.zip(limit).map(|(use_case, limit)| {
            Self::new(use_case)
                .with_priorities(priorities)
                .with_languages(languages)
                .with_required_features(required_features)
                .with_deployment(deployment)
                .with_limit(limit)
        });
        fields.finish(profile)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_minimal_body_gets_the_defaults() {
        let profile = Profile::from_json(&json!({"use_case": "rest_api"})).unwrap();
        assert_eq!(profile.use_case(), UseCase::RestApi);
        assert_eq!(profile.limit(), Limit::DEFAULT);
        assert!(profile.priorities().is_empty());
        assert_eq!(profile.deployment(), None);
    }

    #[test]
    fn every_field_error_is_reported_and_lists_valid_values() {
        let errors = Profile::from_json(&json!({
            "priorities": ["speed"],
            "languages": ["cobol", "go"],
            "required_features": "orm",
            "deployment": "mainframe",
            "limit": 11,
            "colour": "blue"
        }))
        .unwrap_err();
        let field = |name: &str| errors.iter().find(|e| e.field == name);
        assert!(field("use_case").unwrap().message.contains("rest_api"));
        assert!(
            field("priorities[0]")
                .unwrap()
                .message
                .contains("performance")
        );
        assert!(field("languages[0]").unwrap().message.contains("python"));
        assert!(field("required_features").is_some());
        assert!(field("deployment").unwrap().message.contains("serverless"));
        assert!(field("limit").unwrap().message.contains("1 to 10"));
        assert!(field("colour").unwrap().message.contains("use_case"));
        assert_eq!(errors.len(), 7);
    }

    #[test]
    fn repeated_values_are_kept_once_in_first_order() {
        let profile = Profile::from_json(&json!({
            "use_case": "realtime",
            "priorities": ["security", "performance", "security"],
            "languages": ["node", "javascript", "golang"],
            "limit": 10
        }))
        .unwrap();
        assert_eq!(
            profile.priorities().as_slice(),
            [Dimension::Security, Dimension::Performance]
        );
        assert_eq!(profile.languages(), [Language::Javascript, Language::Go]);
        assert_eq!(profile.limit().get(), 10);
    }

    #[test]
    fn null_means_absent_and_a_null_use_case_is_missing() {
        let profile = Profile::from_json(&json!({
            "use_case": "cms",
            "priorities": null,
            "required_features": null,
            "deployment": null,
            "limit": null
        }))
        .unwrap();
        assert_eq!(profile, Profile::new(UseCase::Cms));
        let errors = Profile::from_json(&json!({"use_case": null})).unwrap_err();
        assert_eq!(errors[0].field, "use_case");
    }

    #[test]
    fn a_whole_number_written_with_a_fraction_is_a_limit() {
        let profile = Profile::from_json(&json!({"use_case": "cms", "limit": 4.0})).unwrap();
        assert_eq!(profile.limit().get(), 4);
    }

    #[test]
    fn limits_outside_one_to_ten_are_refused() {
        for limit in [
            json!(0),
            json!(11),
            json!(2.5),
            json!(11.0),
            json!("3"),
            json!(-1),
            json!(1e300),
        ] {
            let body = json!({"use_case": "cms", "limit": limit});
            assert!(Profile::from_json(&body).is_err(), "{body}");
        }
    }
}
