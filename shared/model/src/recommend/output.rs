//! What `POST /recommendations` answers: the shortlist, the exclusions and their reasons.

use std::collections::BTreeMap;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use super::described::Account;
use super::explanation::Explanation;
use super::profile::{Profile, ProfileRead};
use crate::framework::Framework;
use crate::labels;
use crate::lists::join_names;
use crate::slug::Slug;
use crate::vocab::{Feature, Language};

/// Why a framework was left out, as sentences in `reason` and as fields beside them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exclusion<'a> {
    pub framework: &'a Framework,
    /// The framework is among the profile's `excluded_frameworks`.
    pub named_out: bool,
    /// Set when the framework's language is not among those asked for, or ruled out.
    pub wrong_language: Option<Language>,
    /// The language is among the profile's `excluded_languages`.
    pub ruled_out: bool,
    /// Required features it lacks, in the order they were asked for.
    pub missing_features: Vec<Feature>,
}

impl Exclusion<'_> {
    /// Why, in sentences: "Written in Ruby, not one of the languages you asked for. Lacks an
    /// admin panel, which you required."
    pub fn reason(&self) -> String {
        let mut sentences = Vec::new();
        if self.named_out {
            sentences.push("Ruled out by name.".to_owned());
        }
        if let Some(language) = self.wrong_language {
            let why = if self.ruled_out {
                ", which you ruled out."
            } else {
                ", not one of the languages you asked for."
            };
            sentences.push(["Written in ", labels::language(language), why].concat());
        }
        if !self.missing_features.is_empty() {
            let names: Vec<&str> = self
                .missing_features
                .iter()
                .map(|f| labels::feature_in_text(*f))
                .collect();
            sentences.push(["Lacks ", &join_names(&names), ", which you required."].concat());
        }
        sentences.join(" ")
    }
}

// The sentence, and beside it what it says as fields, so that a client need not parse it.
impl Serialize for Exclusion<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut state = serializer.serialize_struct("Exclusion", 5)?;
        state.serialize_field("id", &self.framework.id)?;
        state.serialize_field("reason", &self.reason())?;
        state.serialize_field("named_out", &self.named_out)?;
        match self.wrong_language {
            Some(language) => state.serialize_field("language", &language)?,
            None => state.skip_field("language")?,
        }
        state.serialize_field("missing_features", &self.missing_features)?;
        state.end()
    }
}

/// One entry of the shortlist.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    pub rank: usize,
    pub id: Slug,
    pub name: String,
    /// 0..100, one decimal.
    pub score: f64,
    pub reasons: Vec<Explanation>,
    pub caveats: Vec<Explanation>,
    /// Points per factor; they add up to `score`.
    pub breakdown: BTreeMap<&'static str, f64>,
}

/// The sentences of `explanations`, as `reasons` and `caveats` served them before they had
/// facts beside them.
struct Texts<'a>(&'a [Explanation]);

impl Serialize for Texts<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|explanation| &explanation.text))
    }
}

// `reasons` and `caveats` stay arrays of strings, so clients written for API 1.0 keep working
// and show the plain words; `reason_details` and `caveat_details` hold the same items, in the
// same order, as objects with the text and its facts.
impl Serialize for Recommendation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut state = serializer.serialize_struct("Recommendation", 9)?;
        state.serialize_field("rank", &self.rank)?;
        state.serialize_field("id", &self.id)?;
        state.serialize_field("name", &self.name)?;
        state.serialize_field("score", &self.score)?;
        state.serialize_field("reasons", &Texts(&self.reasons))?;
        state.serialize_field("caveats", &Texts(&self.caveats))?;
        state.serialize_field("reason_details", &self.reasons)?;
        state.serialize_field("caveat_details", &self.caveats)?;
        state.serialize_field("breakdown", &self.breakdown)?;
        state.end()
    }
}

/// The answer of `POST /recommendations`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendations<'a> {
    pub recommendations: Vec<Recommendation>,
    /// Every framework a hard filter removed, by id.
    pub excluded: Vec<Exclusion<'a>>,
    /// How many frameworks passed the filters and were scored.
    pub considered: usize,
}

/// The whole answer: the shortlist, the profile it was made for (with the request's field
/// names, so a client can correct it and send it back) and, for a description, how it was
/// read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Advice<'a> {
    #[serde(flatten)]
    pub recommendations: Recommendations<'a>,
    pub profile: &'a Profile,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<&'a Account>,
}

impl<'a> Advice<'a> {
    /// The answer to a request body already read: the shortlist `catalog` gives for its
    /// profile, that profile and, for a description, how it was read.
    pub fn for_read(catalog: &'a [Framework], read: &'a ProfileRead) -> Self {
        Self {
            recommendations: super::recommend(catalog, &read.profile),
            profile: &read.profile,
            interpretation: read.account.as_ref(),
        }
    }
}
