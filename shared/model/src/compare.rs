//! Side-by-side comparison of two to four frameworks.
//!
//! # Weighting
//! The verdict ranks frameworks by a weighted mean of their ratings, on the same 1..5 scale as
//! the ratings themselves, with the weights of [`Priorities::weights`].
//!
//! The winner is decided on integer weighted sums, so a tie is exact and yields no winner
//! rather than one chosen by rounding. Everything in a [`Comparison`] is keyed by id, and the
//! summary names frameworks best first, so comparing `A,B` and `B,A` gives the same answer
//! apart from the order of `frameworks`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::fields::FieldError;
use crate::framework::Framework;
use crate::labels;
use crate::lists::join_names;
use crate::priorities::Priorities;
use crate::slug::Slug;
use crate::vocab::{Category, Dimension, Feature, Language};

/// The ids of a comparison: 2 to 4 distinct ids, in the order asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection(Vec<String>);

/// Why an `ids` list was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SelectionError {
    /// The list is not shaped like a list of ids (an empty item). 400.
    Malformed(String),
    /// Well-formed but not a valid selection: too few, too many or repeated ids. 422.
    Invalid(FieldError),
}

impl Selection {
    pub const MIN: usize = 2;
    pub const MAX: usize = 4;
    const FIELD: &'static str = "ids";

    /// Parses a comma-separated `ids` value. Ids are matched case-insensitively; an id that
    /// could never exist is kept so that resolving it reports it as unknown, with suggestions.
    pub fn parse(raw: &str) -> Result<Self, SelectionError> {
        let mut ids: Vec<String> = Vec::new();
        for item in raw.split(',') {
            let id = item.trim().to_ascii_lowercase();
            if id.is_empty() {
                return Err(SelectionError::Malformed(
                    "'ids' has an empty item; separate ids with single commas".into(),
                ));
            }
            if ids.contains(&id) {
                return Err(SelectionError::Invalid(FieldError::new(
                    Self::FIELD,
                    format!(
                        "'{}' is listed twice; compare distinct frameworks",
                        crate::echo::echo(&id)
                    ),
                )));
            }
            ids.push(id);
            if ids.len() > Self::MAX {
                break;
            }
        }
        if !(Self::MIN..=Self::MAX).contains(&ids.len()) {
            return Err(SelectionError::Invalid(FieldError::new(
                Self::FIELD,
                format!(
                    "name {} to {} framework ids, comma-separated",
                    Self::MIN,
                    Self::MAX
                ),
            )));
        }
        Ok(Self(ids))
    }

    pub fn ids(&self) -> &[String] {
        &self.0
    }

    /// Looks the ids up in a catalog sorted by id. `Err` lists the ids it does not hold.
    pub fn resolve<'a>(&self, catalog: &'a [Framework]) -> Result<Vec<&'a Framework>, Vec<String>> {
        let mut found = Vec::with_capacity(self.0.len());
        let mut unknown = Vec::new();
        for id in &self.0 {
            match catalog.binary_search_by(|f| f.id.as_str().cmp(id)) {
                Ok(index) => found.push(&catalog[index]),
                Err(_) => unknown.push(id.clone()),
            }
        }
        if unknown.is_empty() {
            Ok(found)
        } else {
            Err(unknown)
        }
    }
}

/// The answer of `GET /compare`. It borrows ids, names and descriptions from the frameworks
/// compared instead of copying them: a comparison of four frameworks names each id in about
/// twenty rows and maps, ninety places in all.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison<'a> {
    pub frameworks: Vec<Summary<'a>>,
    pub dimensions: Vec<DimensionRow<'a>>,
    pub features: Vec<FeatureRow<'a>>,
    pub verdict: Verdict<'a>,
}

/// The essentials of one compared framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary<'a> {
    pub id: &'a Slug,
    pub name: &'a str,
    pub language: Language,
    pub category: Category,
    pub description: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DimensionRow<'a> {
    pub dimension: Dimension,
    pub scores: BTreeMap<&'a Slug, u8>,
    /// The single best-rated framework; `None` when two or more share the top score.
    pub winner: Option<&'a Slug>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeatureRow<'a> {
    pub feature: Feature,
    pub support: BTreeMap<&'a Slug, bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict<'a> {
    /// The single framework with the highest weighted total; `None` on a tie.
    pub winner: Option<&'a Slug>,
    /// Weighted mean rating per framework, 1..5, rounded to two decimals.
    pub totals: BTreeMap<&'a Slug, f64>,
    /// The priorities applied, most important first; empty means equal weights.
    pub priorities: Vec<Dimension>,
    pub summary: String,
}

/// Compares `frameworks` (the caller guarantees 2 to 4 distinct ones, see [`Selection`]).
pub fn compare<'a>(frameworks: &[&'a Framework], priorities: &Priorities) -> Comparison<'a> {
    let weights = priorities.weights();
    let weight_sum: u32 = weights.iter().sum();

    let dimensions: Vec<DimensionRow<'a>> = Dimension::ALL
        .iter()
        .map(|&dimension| {
            let scores: BTreeMap<&Slug, u8> = frameworks
                .iter()
                .map(|f| (&f.id, f.spec.ratings.score(dimension)))
                .collect();
            let winner = sole_best(frameworks, |f| u32::from(f.spec.ratings.score(dimension)));
            DimensionRow {
                dimension,
                scores,
                winner,
            }
        })
        .collect();

    let features = Feature::ALL
        .iter()
        .map(|&feature| FeatureRow {
            feature,
            support: frameworks
                .iter()
                .map(|f| (&f.id, f.spec.has_feature(feature)))
                .collect(),
        })
        .collect();

    let weighted_sum = |framework: &Framework| -> u32 {
        Dimension::ALL
            .iter()
            .zip(weights)
            .map(|(d, w)| w * u32::from(framework.spec.ratings.score(*d)))
            .sum()
    };
    let winner = sole_best(frameworks, |f| weighted_sum(f));
    let mean = |framework: &Framework| f64::from(weighted_sum(framework)) / f64::from(weight_sum);
    let totals = frameworks
        .iter()
        .map(|f| (&f.id, round2(mean(f))))
        .collect();

    let summary = summarise(frameworks, priorities, &weights, &dimensions, |f| mean(f));

    Comparison {
        frameworks: frameworks
            .iter()
            .map(|f| Summary {
                id: &f.id,
                name: &f.spec.name,
                language: f.spec.language,
                category: f.spec.category,
                description: &f.spec.description,
            })
            .collect(),
        dimensions,
        features,
        verdict: Verdict {
            winner,
            totals,
            priorities: priorities.as_slice().to_vec(),
            summary,
        },
    }
}

/// The one framework strictly ahead of all others on `key`, if there is one.
fn sole_best<'a>(
    frameworks: &[&'a Framework],
    key: impl Fn(&Framework) -> u32,
) -> Option<&'a Slug> {
    let best = frameworks.iter().map(|f| key(f)).max()?;
    let mut leaders = frameworks.iter().filter(|f| key(f) == best);
    match (leaders.next(), leaders.next()) {
        (Some(only), None) => Some(&only.id),
        _ => None,
    }
}

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// One sentence (two at most) built from the numbers: who leads, by how much, under which
/// weights, and how the dimension wins split.
fn summarise(
    frameworks: &[&Framework],
    priorities: &Priorities,
    weights: &[u32; Dimension::COUNT],
    dimensions: &[DimensionRow<'_>],
    mean: impl Fn(&Framework) -> f64,
) -> String {
    let mut ranked: Vec<(&Framework, f64)> = frameworks.iter().map(|f| (*f, mean(f))).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.id.cmp(&b.0.id)));

    let basis = if priorities.is_empty() {
        "with every dimension weighted equally".to_owned()
    } else {
        let parts: Vec<String> = priorities
            .as_slice()
            .iter()
            .map(|d| format!("{} ×{}", labels::dimension_in_text(*d), weights[d.index()]))
            .collect();
        format!("weighting {}", parts.join(", "))
    };

    // Rounded once, so that the sentence quotes exactly the `totals` a client sees.
    let ranked: Vec<(&Framework, f64)> = ranked.into_iter().map(|(f, m)| (f, round2(m))).collect();
    let mut text = String::new();
    let top = ranked[0].1;
    let leaders: Vec<&str> = ranked
        .iter()
        .filter(|(_, m)| *m >= top)
        .map(|(f, _)| f.spec.name.as_str())
        .collect();
    let rest: Vec<String> = ranked[leaders.len()..]
        .iter()
        .map(|(f, m)| format!("{} ({m:.2})", f.spec.name))
        .collect();
    let rest: Vec<&str> = rest.iter().map(String::as_str).collect();
    if leaders.len() > 1 {
        let _ = write!(
            text,
            "{} tie at {top:.2} of 5 {basis}",
            join_names(&leaders)
        );
        if !rest.is_empty() {
            let _ = write!(text, ", ahead of {}", join_names(&rest));
        }
    } else {
        let _ = write!(
            text,
            "{} leads at {top:.2} of 5 {basis}, {:.2} ahead of {}",
            leaders[0],
            round2(top - ranked[1].1),
            join_names(&rest)
        );
    }

    let mut wins: Vec<(&str, usize)> = ranked
        .iter()
        .map(|(f, _)| {
            let won = dimensions
                .iter()
                .filter(|row| row.winner == Some(&f.id))
                .count();
            (f.spec.name.as_str(), won)
        })
        .filter(|(_, won)| *won > 0)
        .collect();
    wins.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let shared = dimensions.iter().filter(|row| row.winner.is_none()).count();
    let mut split: Vec<String> = wins
        .iter()
        .map(|(name, won)| format!("{name} wins {won}"))
        .collect();
    if shared > 0 {
        split.push(format!("{shared} tied at the top"));
    }
    let split: Vec<&str> = split.iter().map(String::as_str).collect();
    let _ = write!(
        text,
        ". Of the {} dimensions, {}.",
        Dimension::COUNT,
        join_names(&split)
    );
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::load_frameworks;

    fn pick<'a>(catalog: &'a [Framework], ids: &str) -> Vec<&'a Framework> {
        Selection::parse(ids).unwrap().resolve(catalog).unwrap()
    }

    #[test]
    fn selections_need_two_to_four_distinct_ids() {
        assert!(Selection::parse("django,flask").is_ok());
        assert!(Selection::parse("a,b,c,d").is_ok());
        assert!(matches!(
            Selection::parse("django"),
            Err(SelectionError::Invalid(_))
        ));
        assert!(matches!(
            Selection::parse("a,b,c,d,e"),
            Err(SelectionError::Invalid(_))
        ));
        assert!(matches!(
            Selection::parse("django,Django"),
            Err(SelectionError::Invalid(e)) if e.message.contains("twice")
        ));
        assert!(matches!(
            Selection::parse("django,,flask"),
            Err(SelectionError::Malformed(_))
        ));
    }

    #[test]
    fn unknown_ids_are_all_named() {
        let catalog = load_frameworks().unwrap();
        let unknown = Selection::parse("django,djnago,NOPE")
            .unwrap()
            .resolve(&catalog)
            .unwrap_err();
        assert_eq!(unknown, vec!["djnago", "nope"]);
    }

    #[test]
    fn the_verdict_follows_the_priorities() {
        let catalog = load_frameworks().unwrap();
        let pair = pick(&catalog, "django,fiber");
        let speed = compare(&pair, &Priorities::new([Dimension::Performance]));
        assert_eq!(speed.verdict.winner.as_ref().unwrap().as_str(), "fiber");
        let security = compare(&pair, &Priorities::new([Dimension::Security]));
        assert_eq!(security.verdict.winner.as_ref().unwrap().as_str(), "django");
        assert!(security.verdict.summary.contains("security ×1"));
        assert!(security.verdict.summary.starts_with("Django leads"));
    }

    #[test]
    fn equal_ratings_give_no_winner() {
        let catalog = load_frameworks().unwrap();
        // Fastify and FastAPI carry identical ratings.
        let pair = pick(&catalog, "fastapi,fastify");
        let comparison = compare(&pair, &Priorities::default());
        assert_eq!(comparison.verdict.winner, None);
        assert!(comparison.dimensions.iter().all(|row| row.winner.is_none()));
        assert!(comparison.verdict.summary.contains(" tie at "));
        assert_eq!(comparison.features.len(), Feature::ALL.len());
    }

    #[test]
    fn totals_are_weighted_means() {
        let catalog = load_frameworks().unwrap();
        let pair = pick(&catalog, "django,spring-boot");
        let priorities = Priorities::new([Dimension::TypeSafety, Dimension::EaseOfLearning]);
        let comparison = compare(&pair, &priorities);
        let django = &pair[0].spec.ratings;
        let expected = (2.0 * f64::from(django.score(Dimension::TypeSafety))
            + f64::from(django.score(Dimension::EaseOfLearning)))
            / 3.0;
        let total = comparison.verdict.totals[&pair[0].id];
        assert!((total - expected).abs() < 0.01, "{total} vs {expected}");
    }
}
