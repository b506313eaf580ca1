//! What `POST /recommendations` answers: the shortlist, the exclusions and their reasons.

use std::collections::BTreeMap;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use super::described::Account;
use super::profile::Profile;
use crate::framework::Framework;
use crate::slug::Slug;
use crate::vocab::{Feature, Language};

/// Why a framework was left out. Rendered as one sentence in `reason`.
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
    pub fn reason(&self) -> String {
        let mut parts = Vec::new();
        if self.named_out {
            parts.push("it is ruled out by name".to_owned());
        }
        match self.wrong_language {
            Some(language) if self.ruled_out => {
                parts.push(format!("it is written in {language}, which is ruled out"));
            }
            Some(language) => parts.push(format!(
                "it is written in {language}, not a requested language"
            )),
            None => {}
        }
        if !self.missing_features.is_empty() {
            let names: Vec<&str> = self.missing_features.iter().map(|f| f.as_str()).collect();
            parts.push(format!("it lacks the required {}", names.join(", ")));
        }
        parts.join(" and ")
    }
}

impl Serialize for Exclusion<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut state = serializer.serialize_struct("Exclusion", 2)?;
        state.serialize_field("id", &self.framework.id)?;
        state.serialize_field("reason", &self.reason())?;
        state.end()
    }
}

/// One entry of the shortlist.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    pub rank: usize,
    pub id: Slug,
    pub name: String,
    /// 0..100, one decimal.
    pub score: f64,
    pub reasons: Vec<String>,
    pub caveats: Vec<String>,
    /// Points per factor; they add up to `score`.
    pub breakdown: BTreeMap<&'static str, f64>,
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
