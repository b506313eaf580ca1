//! The orders a listing can take and the places in them: what a cursor encodes and what the
//! listing sorts by.

use std::cmp::{Ordering, Reverse};

use serde::{Deserialize, Serialize};

use crate::framework::{Framework, name_key_chars};
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
        self.place(framework, released).to_position()
    }

    /// Where `framework` stands in this order, borrowed from it (see [`Place`]).
    pub fn place<'a>(self, framework: &'a Framework, released: Option<&'a str>) -> Place<'a> {
        let (score, released) = match self {
            Sort::Name => (None, None),
            Sort::Best(dimension) => (Some(framework.spec.ratings.score(dimension)), None),
            Sort::LatestRelease => (None, released),
        };
        Place {
            score,
            released,
            name: &framework.spec.name,
            id: framework.id.as_str(),
        }
    }

    /// Whether this order reads the facts (the registries' releases).
    pub fn needs_facts(self) -> bool {
        self == Sort::LatestRelease
    }

    /// Orders two places under this sort. `Reverse` of an `Option` puts `None` after
    /// every `Some`: unknown releases last.
    pub fn compare(self, a: &Place<'_>, b: &Place<'_>) -> Ordering {
        (Reverse(a.score), Reverse(a.released))
            .cmp(&(Reverse(b.score), Reverse(b.released)))
            .then_with(|| a.compare_name_keys(b))
    }
}

/// A framework's place in an order, borrowed from it: a listing takes the place of every
/// framework its filter keeps, so taking one allocates nothing; only the last of a page
/// becomes an owned [`Position`], for its cursor.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    score: Option<u8>,
    released: Option<&'a str>,
    name: &'a str,
    id: &'a str,
}

impl Place<'_> {
    /// The characters of [`Framework::name_key`], made on the fly.
    fn name_key(&self) -> impl Iterator<Item = char> + '_ {
        name_key_chars(self.name, self.id)
    }

    /// Orders two name keys without building either. Most names are ASCII, where folding
    /// a byte at a time gives the same order as folding characters (UTF-8 bytes sort as
    /// their code points do) at a fraction of the cost of `char::to_lowercase`.
    fn compare_name_keys(&self, other: &Place<'_>) -> Ordering {
        if self.name.is_ascii() && other.name.is_ascii() {
            ascii_name_key(self.name, self.id).cmp(ascii_name_key(other.name, other.id))
        } else {
            self.name_key().cmp(other.name_key())
        }
    }

    /// Whether this place comes after `cursor` in the order both were taken under.
    pub fn is_after(&self, cursor: &Position) -> bool {
        (Reverse(self.score), Reverse(self.released))
            .cmp(&(Reverse(cursor.score), Reverse(cursor.released.as_deref())))
            .then_with(|| self.name_key().cmp(cursor.name_key.chars()))
            == Ordering::Greater
    }

    pub fn to_position(&self) -> Position {
        Position {
            score: self.score,
            released: self.released.map(str::to_owned),
            name_key: self.name_key().collect(),
        }
    }
}

/// The bytes of [`name_key_chars`] for an ASCII name.
fn ascii_name_key<'a>(name: &'a str, id: &'a str) -> impl Iterator<Item = u8> + 'a {
    name.bytes()
        .map(|byte| byte.to_ascii_lowercase())
        .chain(std::iter::once(b'#'))
        .chain(id.bytes())
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
