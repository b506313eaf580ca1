//! Reasons and caveats, derived from the same numbers as the score: the factor that most
//! separates a framework from the next one down (or, level with it, what orders the two), its
//! ratings on the user's priorities, the use case's key features it ships or lacks, and its
//! deployment fit. Each is a sentence in the pages' words (`crate::labels`) with its facts
//! beside it.

use super::explanation::{Explanation, Kind, Rating, TieBreak};
use crate::framework::Framework;
use crate::labels;
use crate::lists::{join_alternatives, join_names};
use crate::recommend::Profile;
use crate::recommend::scoring::{
    DEPLOYMENT_FIT, PRIORITIES, Points, Scorer, Tenths, Traits, USE_CASE_FIT, feature_bit,
};
use crate::vocab::{Dimension, Feature};

// How the sentences are written: each is the concatenation of its pieces (`[..].concat()`,
// one allocation of the final length), numbers included as text made on the stack
// ([`Number`]), and lists appended to the sentence they belong to. A shortlist of five has
// about twenty sentences; with `format!` each parsed a template, went through `dyn Display`
// for every argument, formatted its decimals as floats and regrew its string, which made the
// explanations the largest part of a recommendation's time after the network.

/// The features of `bits`, in the vocabulary's order.
pub(super) fn features_of(bits: u16) -> Vec<Feature> {
    Feature::ALL
        .iter()
        .copied()
        .filter(|f| bits & feature_bit(*f) != 0)
        .collect()
}

/// A number as text, kept on the stack: a whole number, or points with their one decimal.
struct Number {
    digits: [u8; 16],
    len: usize,
}

impl Number {
    fn whole(mut value: u32) -> Self {
        let mut reversed = [0u8; 10];
        let mut count = 0;
        loop {
            reversed[count] = b'0' + (value % 10) as u8;
            count += 1;
            value /= 10;
            if value == 0 {
                break;
            }
        }
        let mut digits = [0u8; 16];
        for (slot, digit) in digits.iter_mut().zip(reversed[..count].iter().rev()) {
            *slot = *digit;
        }
        Self { digits, len: count }
    }

    /// "2.5" for 25 tenths, as `{:.1}` printed the float.
    fn points(value: Tenths) -> Self {
        let mut number = Self::whole(value.0 / 10);
        number.digits[number.len] = b'.';
        number.digits[number.len + 1] = b'0' + (value.0 % 10) as u8;
        number.len += 2;
        number
    }

    fn as_str(&self) -> &str {
        // Only ASCII digits and a point were written.
        std::str::from_utf8(&self.digits[..self.len]).unwrap_or_default()
    }
}

/// A rating (1..=5) as text.
fn rating_text(rating: u8) -> &'static str {
    ["0", "1", "2", "3", "4", "5"]
        .get(usize::from(rating))
        .copied()
        .unwrap_or("?")
}

fn ordinal(position: usize) -> Option<&'static str> {
    ["first", "second", "third"].get(position).copied()
}

/// The user's priorities whose rating passes `keep`, with their places.
fn priority_ratings(profile: &Profile, traits: &Traits, keep: impl Fn(u8) -> bool) -> Vec<Rating> {
    profile
        .priorities()
        .as_slice()
        .iter()
        .enumerate()
        .map(|(position, dimension)| Rating {
            dimension: *dimension,
            rating: traits.rating(*dimension),
            priority: Some(position + 1),
        })
        .filter(|rated| keep(rated.rating))
        .collect()
}

/// "performance 5/5 (your first priority) and type safety 4/5 (your second priority)", or
/// "serverless fit 5/5" for a rating that is no priority.
fn ratings_text(ratings: &[Rating]) -> String {
    let parts: Vec<String> = ratings
        .iter()
        .map(|rated| {
            let mut part = [
                labels::dimension_in_text(rated.dimension),
                " ",
                rating_text(rated.rating),
                "/5",
            ]
            .concat();
            if let Some(place) = rated.priority {
                let number = Number::whole(place as u32);
                let words = match ordinal(place - 1) {
                    Some(word) => [" (your ", word, " priority)"].concat(),
                    None => [" (your priority number ", number.as_str(), ")"].concat(),
                };
                part.push_str(&words);
            }
            part
        })
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    join_names(&parts)
}

fn deployment_ratings(traits: &Traits, dimensions: &[Dimension]) -> Vec<Rating> {
    dimensions
        .iter()
        .map(|dimension| Rating {
            dimension: *dimension,
            rating: traits.rating(*dimension),
            priority: None,
        })
        .collect()
}

fn feature_phrases(features: &[Feature]) -> Vec<&'static str> {
    features
        .iter()
        .map(|f| labels::feature_in_text(*f))
        .collect()
}

/// What a shortlisted framework is explained from: the profile, the scorer built for it,
/// the framework's traits and points, and the next framework down with its points.
#[derive(Debug, Clone, Copy)]
pub(super) struct Standing<'a> {
    pub(super) profile: &'a Profile,
    pub(super) scorer: &'a Scorer,
    pub(super) framework: &'a Framework,
    pub(super) traits: &'a Traits,
    pub(super) points: &'a Points,
    pub(super) next: Option<(&'a Framework, Points)>,
}

impl Standing<'_> {
    fn preferred(&self, framework: &Framework) -> bool {
        self.profile.preferred_frameworks().contains(&framework.id)
    }

    pub(super) fn reasons(&self) -> Vec<Explanation> {
        let mut reasons = Vec::new();
        let use_case = self.profile.use_case();
        let use_case_words = labels::use_case_in_text(use_case);

        if self.preferred(self.framework) {
            reasons.push(Explanation::new(
                Kind::Preferred,
                "You asked for it by name, so it is ranked ahead of the others.".to_owned(),
            ));
        }
        if let Some(standing) = self.against_next() {
            reasons.push(standing);
        }
        if self.framework.spec.fits(use_case) {
            reasons.push(Explanation {
                use_case: Some(use_case),
                ..Explanation::new(
                    Kind::UseCase,
                    [
                        "Made for ",
                        use_case_words,
                        ", one of the use cases it lists.",
                    ]
                    .concat(),
                )
            });
        }
        let shipped = self.traits.features & self.scorer.key_feature_bits;
        if shipped != 0 {
            let features = features_of(shipped);
            let count = self.scorer.key_feature_count;
            let share = if shipped.count_ones() == count {
                match count {
                    1 => "the key feature".to_owned(),
                    2 => "both key features".to_owned(),
                    _ => ["all ", Number::whole(count).as_str(), " key features"].concat(),
                }
            } else {
                [
                    Number::whole(shipped.count_ones()).as_str(),
                    " of the ",
                    Number::whole(count).as_str(),
                    " key features",
                ]
                .concat()
            };
            let text = [
                "Ships ",
                &join_names(&feature_phrases(&features)),
                ", ",
                &share,
                " for ",
                use_case_words,
                ".",
            ]
            .concat();
            reasons.push(Explanation {
                use_case: Some(use_case),
                features,
                key_features: Some(count),
                ..Explanation::new(Kind::Features, text)
            });
        }
        let high = priority_ratings(self.profile, self.traits, |rating| rating >= 4);
        if !high.is_empty() {
            let text = ["Rated ", &ratings_text(&high), "."].concat();
            reasons.push(Explanation {
                ratings: high,
                ..Explanation::new(Kind::Priorities, text)
            });
        } else if self.profile.priorities().is_empty() {
            let share = self.points.priorities.as_f64() / self.scorer.priorities_max;
            if share >= 0.6 {
                let best: Vec<Rating> = Dimension::ALL
                    .iter()
                    .filter(|d| self.traits.rating(**d) == 5)
                    .map(|d| Rating {
                        dimension: *d,
                        rating: 5,
                        priority: None,
                    })
                    .collect();
                let percent = Number::whole((share * 100.0).round() as u32);
                let text = if best.is_empty() {
                    [
                        "Solid across the board: ",
                        percent.as_str(),
                        "% of the rating points.",
                    ]
                    .concat()
                } else {
                    let names: Vec<&str> = best
                        .iter()
                        .map(|rated| labels::dimension_in_text(rated.dimension))
                        .collect();
                    [
                        "Strong overall: ",
                        percent.as_str(),
                        "% of the rating points, with 5/5 on ",
                        &join_names(&names),
                        ".",
                    ]
                    .concat()
                };
                reasons.push(Explanation {
                    share: Some((share * 100.0).round() / 100.0),
                    ratings: best,
                    ..Explanation::new(Kind::Overall, text)
                });
            }
        }
        reasons.extend(self.deployment_fit("Suits ", |strength| strength >= 0.75));
        reasons
    }

    /// How well it suits the deployment asked about, when its strength there passes `keep`:
    /// "Suits running serverless: serverless fit 5/5."
    fn deployment_fit(&self, opening: &str, keep: impl Fn(f64) -> bool) -> Option<Explanation> {
        let deployment = self.profile.deployment()?;
        let dims = self.scorer.deployment?;
        if !keep(self.traits.strength(dims)) {
            return None;
        }
        let ratings = deployment_ratings(self.traits, dims);
        let text = [
            opening,
            labels::deployment_in_text(deployment),
            ": ",
            &ratings_text(&ratings),
            ".",
        ]
        .concat();
        Some(Explanation {
            deployment: Some(deployment),
            ratings,
            ..Explanation::new(Kind::Deployment, text)
        })
    }

    /// What sets it apart from the next framework down: the factor with the largest lead, or,
    /// level on score, what puts it first.
    fn against_next(&self) -> Option<Explanation> {
        let (follower, theirs) = self.next?;
        let name = &follower.spec.name;
        if self.points.total == theirs.total {
            let tie_break = if self.preferred(self.framework) && !self.preferred(follower) {
                TieBreak::Preferred
            } else {
                TieBreak::Alphabetical
            };
            let order = match tie_break {
                TieBreak::Preferred => "it comes first because you asked for it by name",
                TieBreak::Alphabetical => "equal scores are listed alphabetically",
            };
            let text = [
                "Level with ",
                name,
                " at ",
                Number::points(self.points.total).as_str(),
                " points; ",
                order,
                ".",
            ]
            .concat();
            return Some(Explanation {
                framework: Some(follower.id.clone()),
                points: Some(self.points.total.as_f64()),
                tie_break: Some(tie_break),
                ..Explanation::new(Kind::Tie, text)
            });
        }
        let leads = [
            (
                USE_CASE_FIT,
                self.points.use_case.lead_over(theirs.use_case),
            ),
            (
                PRIORITIES,
                self.points.priorities.lead_over(theirs.priorities),
            ),
            (
                DEPLOYMENT_FIT,
                self.points.deployment.lead_over(theirs.deployment),
            ),
        ];
        let (factor, lead) = leads
            .into_iter()
            .filter(|(_, lead)| *lead > Tenths(0))
            .max_by_key(|(_, lead)| *lead)?;
        // With no priorities every dimension counts alike: the factor is the ratings as a whole.
        let factor_words = if factor == PRIORITIES && self.profile.priorities().is_empty() {
            "its ratings"
        } else {
            labels::factor_in_text(factor)
        };
        // A preferred framework may rank above a better score; then it leads on nothing.
        let margin = self.points.total.lead_over(theirs.total);
        if margin == Tenths(0) {
            return None;
        }
        let text = [
            Number::points(margin).as_str(),
            " points ahead of ",
            name,
            ", most of all on ",
            factor_words,
            " (+",
            Number::points(lead).as_str(),
            ").",
        ]
        .concat();
        Some(Explanation {
            framework: Some(follower.id.clone()),
            points: Some(margin.as_f64()),
            factor: Some(factor),
            factor_points: Some(lead.as_f64()),
            ..Explanation::new(Kind::Lead, text)
        })
    }

    pub(super) fn caveats(&self) -> Vec<Explanation> {
        let mut caveats = Vec::new();
        let use_case = self.profile.use_case();
        let use_case_words = labels::use_case_in_text(use_case);
        if !self.framework.spec.fits(use_case) {
            let out_of = Number::whole(self.scorer.use_case_max.round() as u32);
            let text = [
                "Does not list ",
                use_case_words,
                " among its use cases, so it earns ",
                Number::points(self.points.use_case).as_str(),
                " of the ",
                out_of.as_str(),
                " use-case fit points.",
            ]
            .concat();
            caveats.push(Explanation {
                use_case: Some(use_case),
                points: Some(self.points.use_case.as_f64()),
                out_of: Some(self.scorer.use_case_max),
                ..Explanation::new(Kind::UseCase, text)
            });
        }
        let missing = self.scorer.key_feature_bits & !self.traits.features;
        if missing != 0 {
            let features = features_of(missing);
            let text = [
                "Does not ship ",
                &join_alternatives(&feature_phrases(&features)),
                ", often needed for ",
                use_case_words,
                ".",
            ]
            .concat();
            caveats.push(Explanation {
                use_case: Some(use_case),
                features,
                key_features: Some(self.scorer.key_feature_count),
                ..Explanation::new(Kind::Features, text)
            });
        }
        let low = priority_ratings(self.profile, self.traits, |rating| rating <= 2);
        if !low.is_empty() {
            let text = ["Rated only ", &ratings_text(&low), "."].concat();
            caveats.push(Explanation {
                ratings: low,
                ..Explanation::new(Kind::Priorities, text)
            });
        }
        caveats.extend(self.deployment_fit("A weak fit for ", |strength| strength <= 0.25));
        if let Some((follower, theirs)) = self.next {
            let margin = self.points.total.lead_over(theirs.total);
            if margin > Tenths(0) && margin < Tenths(20) {
                let text = [
                    "A close call: ",
                    &follower.spec.name,
                    " trails by only ",
                    Number::points(margin).as_str(),
                    " points.",
                ]
                .concat();
                caveats.push(Explanation {
                    framework: Some(follower.id.clone()),
                    points: Some(margin.as_f64()),
                    ..Explanation::new(Kind::CloseCall, text)
                });
            }
        }
        caveats
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_the_formatting_machinery_writes_them() {
        for value in (0..=1000).chain([u32::MAX / 10, 4_294_967_295]) {
            assert_eq!(Number::whole(value).as_str(), value.to_string());
        }
        for value in (0..=1000).chain([u32::MAX]) {
            let points = Tenths(value);
            assert_eq!(
                Number::points(points).as_str(),
                format!("{:.1}", points.as_f64())
            );
        }
    }

    #[test]
    fn ratings_and_places_read_as_words_and_digits() {
        assert_eq!(rating_text(5), "5");
        assert_eq!(ordinal(1), Some("second"));
        assert_eq!(ordinal(3), None);
    }
}
