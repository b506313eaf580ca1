//! A profile from a description: what [`crate::describe`] read, merged with the fields the
//! request gave explicitly (an explicit field wins), and the account of it a client shows as
//! "we read this as …".

use std::fmt;

use serde::Serialize;

use crate::describe::{EXAMPLES, Interpretation, LOOKS_FOR, Reading};
use crate::lists::drop_shared;
use crate::slug::Slug;
use crate::vocab::{Deployment, Dimension, Feature, Language, UseCase};

/// The use case of a description that names everything but the kind of project: an API is
/// what most backends are.
pub const DEFAULT_USE_CASE: UseCase = UseCase::RestApi;

/// The message for a description that names nothing usable.
pub(super) fn nothing_usable() -> String {
    format!(
        "names nothing the advisor can use; it looks for {LOOKS_FOR}. For example: \"{}\"",
        EXAMPLES.join("\", \"")
    )
}

/// One value read from the description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldReading {
    /// The request field it fills.
    pub field: &'static str,
    pub value: String,
    /// The words of the description that decided it.
    pub words: Vec<String>,
}

/// How a description became the profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Account {
    /// What was read and used, field by field.
    pub readings: Vec<FieldReading>,
    /// Words that said nothing usable, and cues set aside (a nice-to-have feature).
    pub unused_words: Vec<String>,
    /// Fields the request gave explicitly: what the description implied for them was not used.
    pub overridden: Vec<&'static str>,
    /// Fields neither the request nor the description gave, set to their default.
    pub defaulted: Vec<&'static str>,
}

/// The explicit fields of a request, `None` where the request did not give one.
#[derive(Debug, Default)]
pub(super) struct Explicit {
    pub use_case: Option<UseCase>,
    pub priorities: Option<Vec<Dimension>>,
    pub languages: Option<Vec<Language>>,
    pub excluded_languages: Option<Vec<Language>>,
    pub required_features: Option<Vec<Feature>>,
    pub deployment: Option<Deployment>,
    pub preferred_frameworks: Option<Vec<Slug>>,
    pub excluded_frameworks: Option<Vec<Slug>>,
}

impl Explicit {
    /// The fields as the request gave them, for a request without a description (which
    /// always names its use case).
    pub(super) fn decided_as_given(self) -> Decided {
        Decided {
            use_case: self.use_case.unwrap_or(DEFAULT_USE_CASE),
            priorities: self.priorities.unwrap_or_default(),
            languages: self.languages.unwrap_or_default(),
            excluded_languages: self.excluded_languages.unwrap_or_default(),
            required_features: self.required_features.unwrap_or_default(),
            deployment: self.deployment,
            preferred_frameworks: self.preferred_frameworks.unwrap_or_default(),
            excluded_frameworks: self.excluded_frameworks.unwrap_or_default(),
        }
    }
}

/// The fields of a profile, decided.
pub(super) struct Decided {
    pub use_case: UseCase,
    pub priorities: Vec<Dimension>,
    pub languages: Vec<Language>,
    pub excluded_languages: Vec<Language>,
    pub required_features: Vec<Feature>,
    pub deployment: Option<Deployment>,
    pub preferred_frameworks: Vec<Slug>,
    pub excluded_frameworks: Vec<Slug>,
}

/// Merges `read` under `explicit`, field by field, and accounts for every choice.
pub(super) fn merge(read: &Interpretation, explicit: Explicit) -> (Decided, Account) {
    let mut account = Account {
        readings: Vec::new(),
        unused_words: read.unused.clone(),
        overridden: Vec::new(),
        defaulted: Vec::new(),
    };

    let use_case = match (explicit.use_case, &read.use_case) {
        (Some(use_case), read) => {
            if read.is_some() {
                account.overridden.push("use_case");
            }
            use_case
        }
        (None, Some(reading)) => {
            account.note("use_case", std::slice::from_ref(reading));
            reading.value
        }
        (None, None) => {
            account.defaulted.push("use_case");
            DEFAULT_USE_CASE
        }
    };
    let priorities = account.pick("priorities", explicit.priorities, &read.priorities, Some);
    let languages = account.pick("languages", explicit.languages, &read.languages, Some);
    let mut excluded_languages = account.pick(
        "excluded_languages",
        explicit.excluded_languages,
        &read.excluded_languages,
        Some,
    );
    // A language asked for explicitly is not also ruled out by the description.
    account.give_way(
        "excluded_languages",
        &mut excluded_languages,
        &languages,
        |l| l.as_str(),
    );
    let required_features = account.pick(
        "required_features",
        explicit.required_features,
        &read.required_features,
        Some,
    );
    let deployment = match (explicit.deployment, &read.deployment) {
        (Some(deployment), read) => {
            if read.is_some() {
                account.overridden.push("deployment");
            }
            Some(deployment)
        }
        (None, Some(reading)) => {
            account.note("deployment", std::slice::from_ref(reading));
            Some(reading.value)
        }
        (None, None) => None,
    };
    let slug = |id: &str| Slug::parse(id).ok();
    let excluded_frameworks = account.pick(
        "excluded_frameworks",
        explicit.excluded_frameworks,
        &read.excluded_frameworks,
        slug,
    );
    // An exclusion always wins: a framework the description rules out is not preferred
    // because the request named it, and the reverse.
    let mut preferred_frameworks = account.pick(
        "preferred_frameworks",
        explicit.preferred_frameworks,
        &read.preferred_frameworks,
        slug,
    );
    account.give_way(
        "preferred_frameworks",
        &mut preferred_frameworks,
        &excluded_frameworks,
        Slug::as_str,
    );
    let decided = Decided {
        use_case,
        priorities,
        languages,
        excluded_languages,
        required_features,
        deployment,
        preferred_frameworks,
        excluded_frameworks,
    };
    (decided, account)
}

impl Account {
    fn note<T: Copy + fmt::Display>(&mut self, field: &'static str, readings: &[Reading<T>]) {
        self.readings.extend(readings.iter().map(|r| FieldReading {
            field,
            value: r.value.to_string(),
            words: r.words.clone(),
        }));
    }

    /// Drops from `values`, and from the readings of `field`, every value `winners` holds:
    /// where two fields may not share a value, the other field keeps it.
    fn give_way<T: PartialEq>(
        &mut self,
        field: &'static str,
        values: &mut Vec<T>,
        winners: &[T],
        name: impl Fn(&T) -> &str,
    ) {
        drop_shared(values, winners);
        self.readings
            .retain(|r| r.field != field || !winners.iter().any(|w| name(w) == r.value));
    }

    /// The explicit list if the request gave one, else the description's reading, each
    /// value converted to the field's type (`Some` for a vocabulary; a framework id read is
    /// the catalog's, so a slug).
    fn pick<T: Copy + fmt::Display, U>(
        &mut self,
        field: &'static str,
        explicit: Option<Vec<U>>,
        read: &[Reading<T>],
        convert: impl Fn(T) -> Option<U>,
    ) -> Vec<U> {
        match explicit {
            Some(values) => {
                if !read.is_empty() {
                    self.overridden.push(field);
                }
                values
            }
            None => {
                self.note(field, read);
                read.iter().filter_map(|r| convert(r.value)).collect()
            }
        }
    }
}
