//! A framework of the catalog: what the API serves and what an admin writes. The one way to
//! make a spec from untrusted JSON is in `read.rs`.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::evidence::EvidenceByDimension;
use crate::slug::Slug;
use crate::source::Source;
use crate::vocab::{Category, Dimension, Feature, Language, UseCase};

mod inversions;
mod read;

pub use inversions::{Inversion, performance_inversions};

/// A rating from 1 (weak) to 5 (strong) for every [`Dimension`]; none is ever missing.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "BTreeMap<Dimension, u8>")]
pub struct Ratings(BTreeMap<Dimension, u8>);

/// The map as it is, borrowed: serde's `into` would clone it on every response.
impl Serialize for Ratings {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter())
    }
}

impl Ratings {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 5;

    pub fn score(&self, dimension: Dimension) -> u8 {
        // Construction guarantees every dimension is present; MIN is unreachable.
        self.0.get(&dimension).copied().unwrap_or(Self::MIN)
    }

    pub fn iter(&self) -> impl Iterator<Item = (Dimension, u8)> + '_ {
        self.0.iter().map(|(dimension, score)| (*dimension, *score))
    }
}

impl TryFrom<BTreeMap<Dimension, u8>> for Ratings {
    type Error = String;

    fn try_from(scores: BTreeMap<Dimension, u8>) -> Result<Self, Self::Error> {
        let missing: Vec<&str> = Dimension::ALL
            .iter()
            .filter(|d| !scores.contains_key(d))
            .map(|d| d.as_str())
            .collect();
        if !missing.is_empty() {
            return Err(format!("missing ratings for: {}", missing.join(", ")));
        }
        if let Some((dimension, score)) = scores
            .iter()
            .find(|(_, s)| !(Self::MIN..=Self::MAX).contains(*s))
        {
            return Err(format!(
                "{dimension} is rated {score}; ratings run from 1 to 5"
            ));
        }
        Ok(Self(scores))
    }
}

impl From<Ratings> for BTreeMap<Dimension, u8> {
    fn from(ratings: Ratings) -> Self {
        ratings.0
    }
}

/// One framework as the API serves it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Framework {
    pub id: Slug,
    /// Shared, not copied: every read path (pages, gets, compare, recommend) hands out
    /// copies of frameworks, and a spec only ever changes by being replaced on a write.
    #[serde(flatten)]
    pub spec: Arc<FrameworkSpec>,
    /// Bumped on every write; the `ETag` of the resource.
    pub version: u64,
    /// RFC 3339 UTC time of the last write.
    pub updated_at: String,
}

impl Framework {
    /// Sort key for `sort=name`: case-folded name, then id so that equal names stay distinct.
    pub fn name_key(&self) -> String {
        name_key_chars(&self.spec.name, self.id.as_str()).collect()
    }
}

/// Everything about a framework that an admin writes; the server owns id, version and time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameworkSpec {
    pub name: String,
    pub language: Language,
    pub category: Category,
    pub description: String,
    pub first_release: u16,
    pub license: String,
    pub website: String,
    pub repository: String,
    pub features: Vec<Feature>,
    pub use_cases: Vec<UseCase>,
    pub ratings: Ratings,
    /// One line per dimension saying why it has its score.
    pub rating_notes: BTreeMap<Dimension, String>,
    pub strengths: Vec<String>,
    pub weaknesses: Vec<String>,
    pub sources: Vec<Source>,
    /// The figures and documented facts behind the ratings, by dimension. Optional in a
    /// write, and absent from items stored before it existed: no evidence.
    #[serde(default)]
    pub evidence: EvidenceByDimension,
}

impl FrameworkSpec {
    pub fn has_feature(&self, feature: Feature) -> bool {
        self.features.contains(&feature)
    }

    pub fn fits(&self, use_case: UseCase) -> bool {
        self.use_cases.contains(&use_case)
    }
}

/// The name case-folded a character at a time, `#`, then the id: one definition for the
/// key a listing sorts by in memory and the one DynamoDB's name index stores.
pub(crate) fn name_key_chars<'a>(name: &'a str, id: &'a str) -> impl Iterator<Item = char> + 'a {
    name.chars()
        .flat_map(char::to_lowercase)
        .chain(std::iter::once('#'))
        .chain(id.chars())
}
