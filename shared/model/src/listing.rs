//! Listing the catalog: filters, sort orders, page sizes and the opaque cursor.
//!
//! Pagination is keyset-based: a cursor names the position of the last item served under
//! one sort order, so a page never repeats or skips an item even while admins write. The
//! DynamoDB store maps a `sort=name` position straight onto `ExclusiveStartKey`.

use std::cmp::{Ordering, Reverse};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::framework::Framework;
use crate::vocab::{Category, Dimension, Feature, Language, UseCase};

/// Which frameworks a listing keeps. Values within one list are alternatives, except
/// `features`, where every listed feature must be present.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub languages: Vec<Language>,
    pub categories: Vec<Category>,
    pub features: Vec<Feature>,
    pub use_cases: Vec<UseCase>,
}

impl Filter {
    pub fn matches(&self, framework: &Framework) -> bool {
        let spec = &framework.spec;
        (self.languages.is_empty() || self.languages.contains(&spec.language))
            && (self.categories.is_empty() || self.categories.contains(&spec.category))
            && self.features.iter().all(|f| spec.has_feature(*f))
            && (self.use_cases.is_empty() || self.use_cases.iter().any(|u| spec.fits(*u)))
    }
}

/// The order of a listing: by name, or best first on one dimension (ties by name).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    Name,
    Best(Dimension),
}

impl Sort {
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Name => "name",
            Sort::Best(dimension) => dimension.as_str(),
        }
    }

    /// Where `framework` stands in this order.
    pub fn position_of(self, framework: &Framework) -> Position {
        Position {
            score: match self {
                Sort::Name => None,
                Sort::Best(dimension) => Some(framework.spec.ratings.score(dimension)),
            },
            name_key: framework.name_key(),
        }
    }

    /// Orders two positions under this sort.
    pub fn compare(self, a: &Position, b: &Position) -> Ordering {
        (Reverse(a.score), &a.name_key).cmp(&(Reverse(b.score), &b.name_key))
    }
}

impl std::str::FromStr for Sort {
    type Err = crate::vocab::UnknownValue;

    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        if raw.trim().eq_ignore_ascii_case("name") {
            return Ok(Sort::Name);
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
];

/// A place in a sorted listing: the sort score (for dimension sorts) and the name key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    #[serde(rename = "s", skip_serializing_if = "Option::is_none", default)]
    pub score: Option<u8>,
    #[serde(rename = "k")]
    pub name_key: String,
}

/// How many items a page holds: 1..=100, 50 unless asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageSize(usize);

impl PageSize {
    pub const DEFAULT: PageSize = PageSize(50);
    pub const MAX: usize = 100;

    pub fn new(size: usize) -> Option<Self> {
        (1..=Self::MAX).contains(&size).then_some(Self(size))
    }

    pub fn get(self) -> usize {
        self.0
    }
}

impl Default for PageSize {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// A complete, validated `GET /frameworks` request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListQuery {
    pub filter: Filter,
    pub sort: Sort,
    pub size: PageSize,
    /// Serve items strictly after this position; `None` starts at the beginning.
    pub after: Option<Position>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub items: Vec<Framework>,
    /// The cursor for the next page; `None` on the last page.
    pub next: Option<Cursor>,
}

/// Lists frameworks held in memory: the embedded store uses it, and so does any store
/// that must sort on a rating it has no index for.
pub fn list_in_memory<'a>(
    frameworks: impl IntoIterator<Item = &'a Framework>,
    query: &ListQuery,
) -> Page {
    let sort = query.sort;
    let mut ranked: Vec<(Position, &Framework)> = frameworks
        .into_iter()
        .filter(|framework| query.filter.matches(framework))
        .map(|framework| (sort.position_of(framework), framework))
        .filter(|(position, _)| {
            query
                .after
                .as_ref()
                .is_none_or(|after| sort.compare(position, after) == Ordering::Greater)
        })
        .collect();
    ranked.sort_by(|a, b| sort.compare(&a.0, &b.0));
    let has_more = ranked.len() > query.size.get();
    ranked.truncate(query.size.get());
    let next = has_more
        .then(|| ranked.last())
        .flatten()
        .map(|(position, _)| Cursor {
            sort,
            position: position.clone(),
        });
    Page {
        items: ranked
            .into_iter()
            .map(|(_, framework)| framework.clone())
            .collect(),
        next,
    }
}

/// The opaque `next_cursor` of the contract: a position under one sort order, encoded and
/// check-summed so that an edited or invented cursor is refused (400) rather than trusted.
/// The checksum guards against accidents and casual tampering; a cursor grants no access,
/// so it needs no secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub sort: Sort,
    pub position: Position,
}

/// Why a cursor was refused. Maps to 400.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CursorError {
    /// Not something this API issued.
    Malformed,
    /// Issued for another sort order than the request asks for.
    WrongSort { issued_for: String },
}

impl fmt::Display for CursorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CursorError::Malformed => {
                f.write_str("the cursor is not one this API issued; start again without it")
            }
            CursorError::WrongSort { issued_for } => write!(
                f,
                "the cursor was issued for sort={issued_for}; repeat that sort or start again without a cursor"
            ),
        }
    }
}

impl std::error::Error for CursorError {}

#[derive(Serialize, Deserialize)]
struct CursorWire {
    o: String,
    #[serde(flatten)]
    position: Position,
}

const CURSOR_MAX_LEN: usize = 1_024;

impl Cursor {
    pub fn encode(&self) -> String {
        let wire = CursorWire {
            o: self.sort.as_str().to_owned(),
            position: self.position.clone(),
        };
        // Serialising a struct of strings and integers cannot fail.
        let payload = serde_json::to_vec(&wire).unwrap_or_default();
        format!("{}{:016x}", hex(&payload), checksum(&payload))
    }

    /// Decodes a cursor and checks that it belongs to `sort`.
    pub fn decode(raw: &str, sort: Sort) -> Result<Self, CursorError> {
        if raw.len() > CURSOR_MAX_LEN || raw.len() < 18 || !raw.is_ascii() {
            return Err(CursorError::Malformed);
        }
        let (body, sum) = raw.split_at(raw.len() - 16);
        let payload = unhex(body).ok_or(CursorError::Malformed)?;
        let expected = u64::from_str_radix(sum, 16).map_err(|_| CursorError::Malformed)?;
        if checksum(&payload) != expected {
            return Err(CursorError::Malformed);
        }
        let wire: CursorWire =
            serde_json::from_slice(&payload).map_err(|_| CursorError::Malformed)?;
        let issued: Sort = wire.o.parse().map_err(|_| CursorError::Malformed)?;
        if issued != sort {
            return Err(CursorError::WrongSort { issued_for: wire.o });
        }
        if matches!(sort, Sort::Name) != wire.position.score.is_none() {
            return Err(CursorError::Malformed);
        }
        Ok(Cursor {
            sort,
            position: wire.position,
        })
    }
}

/// FNV-1a over a domain-separated payload.
fn checksum(payload: &[u8]) -> u64 {
    const DOMAIN: &[u8] = b"stack-advisor/cursor/v1";
    DOMAIN
        .iter()
        .chain(payload)
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
        })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if text.len() % 2 != 0 {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset;

    #[test]
    fn cursors_round_trip_and_refuse_tampering() {
        let cursor = Cursor {
            sort: Sort::Best(Dimension::Performance),
            position: Position {
                score: Some(4),
                name_key: "fastapi#fastapi".into(),
            },
        };
        let encoded = cursor.encode();
        assert_eq!(Cursor::decode(&encoded, cursor.sort), Ok(cursor.clone()));
        assert!(matches!(
            Cursor::decode(&encoded, Sort::Name),
            Err(CursorError::WrongSort { .. })
        ));
        let mut forged = encoded.into_bytes();
        forged[3] = if forged[3] == b'0' { b'1' } else { b'0' };
        let forged = String::from_utf8(forged).unwrap();
        assert_eq!(
            Cursor::decode(&forged, cursor.sort),
            Err(CursorError::Malformed)
        );
        for junk in ["", "abc", "zz", "😀😀😀😀😀😀😀😀😀😀", &"0".repeat(5000)]
        {
            assert_eq!(
                Cursor::decode(junk, Sort::Name),
                Err(CursorError::Malformed)
            );
        }
    }

    #[test]
    fn pages_cover_every_framework_exactly_once_in_every_order() {
        let all = dataset::load_frameworks().unwrap();
        for sort in std::iter::once(Sort::Name).chain(Dimension::ALL.iter().map(|d| Sort::Best(*d)))
        {
            let mut seen = Vec::new();
            let mut query = ListQuery {
                sort,
                size: PageSize::new(4).unwrap(),
                ..ListQuery::default()
            };
            loop {
                let page = list_in_memory(&all, &query);
                assert!(page.items.len() <= 4);
                seen.extend(page.items.iter().map(|f| f.id.clone()));
                match page.next {
                    Some(cursor) => {
                        query.after = Some(Cursor::decode(&cursor.encode(), sort).unwrap().position)
                    }
                    None => break,
                }
            }
            let mut unique = seen.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), seen.len(), "no repeats under {sort:?}");
            assert_eq!(seen.len(), all.len(), "every framework under {sort:?}");
        }
    }

    #[test]
    fn best_first_sorts_descending_with_name_ties() {
        let all = dataset::load_frameworks().unwrap();
        let query = ListQuery {
            sort: Sort::Best(Dimension::Performance),
            ..ListQuery::default()
        };
        let page = list_in_memory(&all, &query);
        let scores: Vec<u8> = page
            .items
            .iter()
            .map(|f| f.spec.ratings.score(Dimension::Performance))
            .collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    }

    #[test]
    fn filters_combine_as_documented() {
        let all = dataset::load_frameworks().unwrap();
        let query = ListQuery {
            filter: Filter {
                languages: vec![Language::Python, Language::Go],
                features: vec![Feature::Validation],
                ..Filter::default()
            },
            ..ListQuery::default()
        };
        let page = list_in_memory(&all, &query);
        assert!(!page.items.is_empty());
        for framework in &page.items {
            assert!(matches!(
                framework.spec.language,
                Language::Python | Language::Go
            ));
            assert!(framework.spec.has_feature(Feature::Validation));
        }
    }
}
