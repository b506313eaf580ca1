//! The request: a project profile, parsed from the JSON body of `POST /recommendations`.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use serde_json::Value;

use super::described::{Account, Explicit, merge, nothing_usable};
use crate::describe::{Description, interpret};
use crate::fields::{FieldError, Fields, whole_number};
use crate::lists::{distinct, drop_shared};
use crate::priorities::Priorities;
use crate::slug::Slug;
use crate::vocab::{Deployment, Dimension, Feature, Language, UseCase};

crate::bounded::bounded_count! {
    /// How many recommendations to return: 1..=10, 3 unless asked.
    Limit, max 10, default 3
}

/// A complete recommendation request. Lists hold each value once, in the order first given.
/// Serialised with the request's field names, so a client can send it back corrected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    use_case: UseCase,
    priorities: Priorities,
    languages: Vec<Language>,
    /// Never recommended, whatever else matches; wins over nothing, as a language in
    /// `languages` is never also here.
    excluded_languages: Vec<Language>,
    required_features: Vec<Feature>,
    deployment: Option<Deployment>,
    /// Frameworks asked for by id: ranked ahead of the rest when they pass the filters.
    preferred_frameworks: Vec<Slug>,
    /// Frameworks never to recommend, by id; an exclusion wins over a preference.
    excluded_frameworks: Vec<Slug>,
    limit: Limit,
}

impl Profile {
    const FIELDS: [&'static str; 10] = [
        "description",
        "use_case",
        "priorities",
        "languages",
        "excluded_languages",
        "required_features",
        "deployment",
        "preferred_frameworks",
        "excluded_frameworks",
        "limit",
    ];

    pub fn new(use_case: UseCase) -> Self {
        Self {
            use_case,
            priorities: Priorities::default(),
            languages: Vec::new(),
            excluded_languages: Vec::new(),
            required_features: Vec::new(),
            deployment: None,
            preferred_frameworks: Vec::new(),
            excluded_frameworks: Vec::new(),
            limit: Limit::DEFAULT,
        }
    }

    pub fn with_priorities(mut self, priorities: impl IntoIterator<Item = Dimension>) -> Self {
        self.priorities = Priorities::new(priorities);
        self
    }

    pub fn with_languages(mut self, languages: impl IntoIterator<Item = Language>) -> Self {
        self.languages = distinct(languages);
        drop_shared(&mut self.excluded_languages, &self.languages);
        self
    }

    /// Languages never to recommend; one also in `languages` stays there and is not excluded.
    pub fn with_excluded_languages(
        mut self,
        languages: impl IntoIterator<Item = Language>,
    ) -> Self {
        self.excluded_languages = distinct(languages);
        drop_shared(&mut self.excluded_languages, &self.languages);
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

    /// Frameworks to rank first; one also excluded stays excluded.
    pub fn with_preferred_frameworks(mut self, ids: impl IntoIterator<Item = Slug>) -> Self {
        self.preferred_frameworks = distinct(ids);
        drop_shared(&mut self.preferred_frameworks, &self.excluded_frameworks);
        self
    }

    /// Frameworks never to recommend; they leave the preferred ones too.
    pub fn with_excluded_frameworks(mut self, ids: impl IntoIterator<Item = Slug>) -> Self {
        self.excluded_frameworks = distinct(ids);
        drop_shared(&mut self.preferred_frameworks, &self.excluded_frameworks);
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

    pub fn excluded_languages(&self) -> &[Language] {
        &self.excluded_languages
    }

    pub fn required_features(&self) -> &[Feature] {
        &self.required_features
    }

    pub fn deployment(&self) -> Option<Deployment> {
        self.deployment
    }

    pub fn preferred_frameworks(&self) -> &[Slug] {
        &self.preferred_frameworks
    }

    pub fn excluded_frameworks(&self) -> &[Slug] {
        &self.excluded_frameworks
    }

    pub fn limit(&self) -> Limit {
        self.limit
    }

    /// Reads a `POST /recommendations` body (see [`Profile::read_json`]), without the account
    /// of how a description was read.
    pub fn from_json(body: &Value) -> Result<Self, Vec<FieldError>> {
        Self::read_json(body).map(|read| read.profile)
    }

    /// Reads a `POST /recommendations` body, reporting every field error at once. Unknown
    /// vocabulary values are refused with the list of valid ones; a repeated value is kept once
    /// (for `priorities`, at its first, most important, position); `null` means absent.
    ///
    /// With a `description`, the fields it implies fill those the body leaves out (an
    /// explicit field wins), `use_case` is no longer required (an API when nothing says), and
    /// the result carries the [`Account`] of the reading. A description that names nothing
    /// usable is an error that says what it should name.
    pub fn read_json(body: &Value) -> Result<ProfileRead, Vec<FieldError>> {
        let mut fields = Fields::of(body, &Self::FIELDS, &[])?;
        let description = fields
            .get("description")
            .and_then(|value| match value.as_str() {
                None => fields.fail("description", "must be a string"),
                Some(raw) => Description::parse(raw)
                    .map_err(|error| fields.fail::<()>("description", error.to_string()))
                    .ok(),
            });
        let interpretation = description.as_ref().map(interpret);
        match &interpretation {
            Some(read) if read.is_off_topic() => {
                fields.fail::<()>("description", read.off_topic_message());
            }
            Some(read) if read.is_empty() => {
                fields.fail::<()>("description", nothing_usable());
            }
            _ => {}
        }
        // With a description, even a refused one, `use_case` is not required: the error
        // worth reading is the description's.
        let described = fields.get("description").is_some();
        let use_case = match fields.get("use_case") {
            Some(value) => fields.parse::<UseCase>("use_case", value).map(Some),
            None if described => Some(None),
            None => fields.one_of::<UseCase>("use_case").map(Some),
        };
        let list = |fields: &mut Fields<'_>, field: &str| fields.get(field).is_some();
        let explicit_priorities = list(&mut fields, "priorities");
        let priorities = fields.optional_list::<Dimension>("priorities");
        let explicit_languages = list(&mut fields, "languages");
        let languages = fields.optional_list::<Language>("languages");
        let explicit_excluded = list(&mut fields, "excluded_languages");
        let excluded_languages = fields.optional_list::<Language>("excluded_languages");
        let explicit_features = list(&mut fields, "required_features");
        let required_features = fields.optional_list::<Feature>("required_features");
        let explicit_preferred = list(&mut fields, "preferred_frameworks");
        let preferred_frameworks = fields.slug_list("preferred_frameworks");
        let explicit_excluded_frameworks = list(&mut fields, "excluded_frameworks");
        let excluded_frameworks = fields.slug_list("excluded_frameworks");
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
        let read = use_case.zip(limit).map(|(use_case, limit)| {
            let explicit = Explicit {
                use_case,
                priorities: explicit_priorities.then_some(priorities),
                languages: explicit_languages.then_some(languages),
                excluded_languages: explicit_excluded.then_some(excluded_languages),
                required_features: explicit_features.then_some(required_features),
                deployment,
                preferred_frameworks: explicit_preferred.then_some(preferred_frameworks),
                excluded_frameworks: explicit_excluded_frameworks.then_some(excluded_frameworks),
            };
            let (decided, account) = match &interpretation {
                Some(read) => {
                    let (decided, account) = merge(read, explicit);
                    (decided, Some(account))
                }
                None => (explicit.decided_as_given(), None),
            };
            ProfileRead {
                profile: Self::new(decided.use_case)
                    .with_priorities(decided.priorities)
                    .with_languages(decided.languages)
                    .with_excluded_languages(decided.excluded_languages)
                    .with_required_features(decided.required_features)
                    .with_deployment(decided.deployment)
                    .with_excluded_frameworks(decided.excluded_frameworks)
                    .with_preferred_frameworks(decided.preferred_frameworks)
                    .with_limit(limit),
                account,
            }
        });
        fields.finish(read)
    }
}

/// A profile read from a request body, with the account of its description if it had one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileRead {
    pub profile: Profile,
    pub account: Option<Account>,
}

impl Serialize for Profile {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut state = serializer.serialize_struct("Profile", 9)?;
        state.serialize_field("use_case", &self.use_case)?;
        state.serialize_field("priorities", self.priorities.as_slice())?;
        state.serialize_field("languages", &self.languages)?;
        state.serialize_field("excluded_languages", &self.excluded_languages)?;
        state.serialize_field("required_features", &self.required_features)?;
        state.serialize_field("deployment", &self.deployment)?;
        state.serialize_field("preferred_frameworks", &self.preferred_frameworks)?;
        state.serialize_field("excluded_frameworks", &self.excluded_frameworks)?;
        state.serialize_field("limit", &self.limit.get())?;
        state.end()
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

    #[test]
    fn a_description_alone_makes_the_profile_and_accounts_for_it() {
        let read = Profile::read_json(&json!({
            "description": "realtime chat in typescript on lambda, must scale"
        }))
        .unwrap();
        let profile = &read.profile;
        assert_eq!(profile.use_case(), UseCase::Realtime);
        assert_eq!(profile.languages(), [Language::Typescript]);
        assert_eq!(profile.priorities().as_slice(), [Dimension::Scalability]);
        assert_eq!(profile.deployment(), Some(Deployment::Serverless));
        let account = read.account.unwrap();
        let fields: Vec<&str> = account.readings.iter().map(|r| r.field).collect();
        // Chat needs websockets (docs/labelling.md), so the features are read too.
        assert_eq!(
            fields,
            [
                "use_case",
                "priorities",
                "languages",
                "required_features",
                "deployment"
            ]
        );
        assert_eq!(account.readings[1].words, ["must", "scale"]);
        assert!(account.overridden.is_empty() && account.defaulted.is_empty());
    }

    #[test]
    fn explicit_fields_win_over_the_description() {
        let read = Profile::read_json(&json!({
            "description": "an internal tool for a python shop that needs an admin panel, not java",
            "use_case": "cms",
            "languages": ["java", "kotlin"],
            "limit": 5
        }))
        .unwrap();
        let profile = &read.profile;
        assert_eq!(profile.use_case(), UseCase::Cms);
        assert_eq!(profile.languages(), [Language::Java, Language::Kotlin]);
        // The description ruled Java out, but the request asked for it by name.
        assert!(profile.excluded_languages().is_empty());
        assert_eq!(profile.required_features(), [Feature::AdminPanel]);
        assert_eq!(profile.limit().get(), 5);
        let account = read.account.unwrap();
        assert_eq!(account.overridden, ["use_case", "languages"]);
        assert!(
            account
                .readings
                .iter()
                .all(|r| r.field == "required_features")
        );
    }

    #[test]
    fn a_description_without_a_use_case_gets_the_default_and_says_so() {
        let read = Profile::read_json(&json!({"description": "go or rust, no php"})).unwrap();
        assert_eq!(read.profile.use_case(), super::super::DEFAULT_USE_CASE);
        assert_eq!(read.profile.excluded_languages(), [Language::Php]);
        assert_eq!(read.account.unwrap().defaulted, ["use_case"]);
    }

    #[test]
    fn descriptions_that_are_empty_too_long_not_text_or_unusable_are_refused() {
        let message = |body: Value| {
            let errors = Profile::read_json(&body).unwrap_err();
            assert_eq!(errors.len(), 1, "{errors:?}");
            assert_eq!(errors[0].field, "description");
            errors[0].message.clone()
        };
        assert!(message(json!({"description": "  "})).contains("empty"));
        assert!(message(json!({"description": "x".repeat(2001)})).contains("2000"));
        assert!(message(json!({"description": 42})).contains("string"));
        let hello = message(json!({"description": "hello"}));
        assert!(hello.contains("looks for"), "{hello}");
        assert!(hello.contains(crate::describe::EXAMPLES[0]), "{hello}");
    }

    #[test]
    fn the_profile_serialises_with_the_request_field_names() {
        let read =
            Profile::read_json(&json!({"description": "admin-heavy data app in django, not php"}))
                .unwrap();
        let json = serde_json::to_value(&read.profile).unwrap();
        assert_eq!(
            json,
            json!({
                "use_case": "data_driven",
                "priorities": [],
                "languages": ["python"],
                "excluded_languages": ["php"],
                "required_features": ["admin_panel"],
                "deployment": null,
                "preferred_frameworks": ["django"],
                "excluded_frameworks": [],
                "limit": 3
            })
        );
        let again = Profile::from_json(&json).unwrap();
        assert_eq!(again, read.profile);
    }

    #[test]
    fn frameworks_by_name_come_from_the_words_or_the_request_and_exclusion_wins() {
        let read = Profile::read_json(&json!({
            "description": "internal dashboard in python with user accounts, not django please"
        }))
        .unwrap();
        assert_eq!(read.profile.excluded_frameworks()[0].as_str(), "django");
        assert_eq!(read.profile.languages(), [Language::Python]);
        let both = Profile::read_json(&json!({
            "description": "we love Laravel, moving off Rails",
            "preferred_frameworks": ["rails", "symfony"]
        }))
        .unwrap();
        let ids = |list: &[Slug]| {
            list.iter()
                .map(|s| s.as_str().to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(both.profile.preferred_frameworks()), ["symfony"]);
        assert_eq!(ids(both.profile.excluded_frameworks()), ["rails"]);
        let errors = Profile::from_json(&json!({
            "use_case": "cms",
            "excluded_frameworks": ["Not An Id", 3]
        }))
        .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["excluded_frameworks[0]", "excluded_frameworks[1]"]);
    }

    #[test]
    fn an_off_topic_description_is_refused_saying_what_was_not_found() {
        let errors = Profile::read_json(
            &json!({"description": "how do i center a div inside a flexbox container"}),
        )
        .unwrap_err();
        assert_eq!(errors[0].field, "description");
        assert!(
            errors[0].message.contains("not read as a backend project"),
            "{}",
            errors[0].message
        );
        assert!(errors[0].message.contains("no kind of project"));
    }
}
