//! The orders a listing can take and the places in them: what a cursor encodes and what the
//! listing sorts by.

use std::cmp::{Ordering, Reverse};

use serde::{Deserialize, Serialize};

use crate::framework::Framework;
use crate::vocab::Dimension;

/// The order of a listing: by name, best first on one dimension, or the most recent latest
/// stable release first (frameworks without known releases last); ties by name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    Name,
    Best(Dimension),
    LatestRelease,
}

impl Sort {
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Name => "name",
            Sort::Best(dimension) => dimension.as_str(),
            Sort::LatestRelease => "latest_release",
        }
    }

    /// Where `framework` stands in this order, for sorts that need no facts.
    pub fn position_of(self, framework: &Framework) -> Position {
        self.position_with(framework, None)
    }

    /// Where `framework` stands in this order, `released` being the day of its latest
    /// stable release (read only by [`Sort::LatestRelease`]).
    pub fn position_with(self, framework: &Framework, released: Option<&str>) -> Position {
        let (score, released) = match self {
            Sort::Name => (None, None),
            Sort::Best(dimension) => (Some(framework.spec.ratings.score(dimension)), None),
            Sort::LatestRelease => (None, released.map(str::to_owned)),
        };
        Position {
            score,
            released,
            name_key: framework.name_key(),
        }
    }

    /// Whether this order reads the facts (the registries' releases).
    pub fn needs_facts(self) -> bool {
        self == Sort::LatestRelease
    }

    /// Orders two positions under this sort. `Reverse` of an `Option` puts `None` after
    /// every `Some`: unknown releases last.
    pub fn compare(self, a: &Position, b: &Position) -> Ordering {
        (Reverse(a.score), Reverse(&a.released), &a.name_key).cmp(&(
            Reverse(b.score),
            Reverse(&b.released),
            &b.name_key,
        ))
    }
}

impl std::str::FromStr for Sort {
    type Err = crate::vocab::UnknownValue;

    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        if raw.trim().eq_ignore_ascii_case("name") {
            return Ok(Sort::Name);
        }
        if raw.trim().eq_ignore_ascii_case("latest_release") {
            return Ok(Sort::LatestRelease);
        }
        raw.parse::<Dimension>()
            .map(Sort::Best)
            .map_err(|error| crate::vocab::UnknownValue {
                vocabulary: "sort",
                valid: SORT_NAMES,
                ..error
            })
    }
}

const SORT_NAMES: &[&str] = &[
    "name",
    "performance",
    "scalability",
    "ease_of_learning",
    "productivity",
    "ecosystem",
    "security",
    "type_safety",
    "serverless_fit",
    "latest_release",
];

/// A place in a sorted listing: the sort score (for dimension sorts), the day of the latest
/// release (for `latest_release`) and the name key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    #[serde(rename = "s", skip_serializing_if = "Option::is_none", default)]
    pub score: Option<u8>,
    #[serde(rename = "r", skip_serializing_if = "Option::is_none", default)]
    pub released: Option<String>,
    #[serde(rename = "k")]
    pub name_key: String,
}
