//! One reason or caveat of a recommendation: the sentence a person reads and, beside it, the
//! facts the sentence states, so that a client acts on them without parsing words.

use serde::Serialize;

use crate::slug::Slug;
use crate::vocab::{Deployment, Dimension, Feature, UseCase};

/// What a reason or caveat is about; the facts it carries follow from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Asked for by name (`preferred_frameworks`), so ranked ahead of the rest.
    Preferred,
    /// Ahead of `framework`, the next one down, by `points`; most of all on `factor`
    /// (`factor_points`).
    Lead,
    /// Level with `framework`, the next one down, at `points`; `tie_break` says what orders them.
    Tie,
    /// The use case is among its listed use cases (a reason), or is not, earning `points` of
    /// `out_of` use-case points (a caveat).
    UseCase,
    /// The use case's key `features` it ships (`key_features` of them in all), or lacks.
    Features,
    /// Its `ratings` on the user's priorities: high ones as a reason, low ones as a caveat.
    Priorities,
    /// With no priorities given: its `share` of all rating points, and its 5/5 `ratings`.
    Overall,
    /// How well it suits the `deployment`, from the `ratings` that decide it.
    Deployment,
    /// `framework`, the next one down, trails by only `points`.
    CloseCall,
}

/// What decides the order of two frameworks level on score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TieBreak {
    /// Equal scores are listed alphabetically (by id, which follows the name).
    Alphabetical,
    /// The one asked for by name comes first.
    Preferred,
}

/// A rating an explanation quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rating {
    pub dimension: Dimension,
    /// 1..=5.
    pub rating: u8,
    /// Its place among the user's priorities, from 1, when it is one of them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<usize>,
}

/// One reason or caveat. Facts that do not apply to its kind are absent from the JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// The sentence, in the words of the pages: labels, never identifiers.
    pub text: String,
    pub kind: Kind,
    /// The other framework a comparison names: the next one down.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub framework: Option<Slug>,
    /// A score factor, as `breakdown` names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub factor: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub factor_points: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub out_of: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub use_case: Option<UseCase>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deployment: Option<Deployment>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub features: Vec<Feature>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_features: Option<u32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ratings: Vec<Rating>,
    /// 0..1, two decimals.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tie_break: Option<TieBreak>,
}

impl Explanation {
    /// A sentence of `kind` with no facts yet; the caller sets those its kind carries.
    pub fn new(kind: Kind, text: String) -> Self {
        Self {
            text,
            kind,
            framework: None,
            factor: None,
            factor_points: None,
            points: None,
            out_of: None,
            use_case: None,
            deployment: None,
            features: Vec::new(),
            key_features: None,
            ratings: Vec::new(),
            share: None,
            tie_break: None,
        }
    }
}
