//! Reasons and caveats, derived from the same numbers as the score: the factor that most
//! separates a framework from the next one down, its ratings on the user's priorities, the
//! use case's key features it ships or lacks, and its deployment fit.

use crate::framework::Framework;
use crate::lists::join_names;
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

pub(super) fn feature_names(bits: u16) -> Vec<&'static str> {
    Feature::ALL
        .iter()
        .filter(|f| bits & feature_bit(**f) != 0)
        .map(|f| f.as_str())
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

/// Appends the user's priorities whose rating passes `keep` to `sentence`, as "performance
/// 5/5 (first priority), type_safety 4/5 (second priority)"; says whether there was any.
fn push_priority_ratings(
    sentence: &mut String,
    profile: &Profile,
    traits: &Traits,
    keep: impl Fn(u8) -> bool,
) -> bool {
    let mut any = false;
    for (position, dimension) in profile.priorities().as_slice().iter().enumerate() {
        let rating = traits.rating(*dimension);
        if !keep(rating) {
            continue;
        }
        if any {
            sentence.push_str(", ");
        }
        any = true;
        let number = Number::whole(position as u32 + 1);
        let (mark, place) = match ordinal(position) {
            Some(word) => ("", word),
            None => ("#", number.as_str()),
        };
        sentence.push_str(dimension.as_str());
        for piece in [" ", rating_text(rating), "/5 (", mark, place, " priority)"] {
            sentence.push_str(piece);
        }
    }
    any
}

/// Appends "serverless_fit 5/5" or "performance 4/5, scalability 5/5" to `sentence`.
fn push_rating_list(sentence: &mut String, traits: &Traits, dimensions: &[Dimension]) {
    for (index, dimension) in dimensions.iter().enumerate() {
        if index > 0 {
            sentence.push_str(", ");
        }
        let rating = rating_text(traits.rating(*dimension));
        for piece in [dimension.as_str(), " ", rating, "/5"] {
            sentence.push_str(piece);
        }
    }
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
    pub(super) fn reasons(&self) -> Vec<String> {
        let mut reasons = Vec::new();
        let use_case = self.profile.use_case();

        // What sets it apart from the next framework down: the factor with the largest lead.
        if let Some((follower, theirs)) = self.next {
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
            let decisive = leads
                .iter()
                .filter(|(_, lead)| *lead > Tenths(0))
                .max_by_key(|(_, lead)| *lead);
            // The shortlist is sorted by total, so the follower is never ahead.
            let margin = self.points.total.lead_over(theirs.total);
            match decisive {
                Some((name, lead)) if margin > Tenths(0) => reasons.push(
                    [
                        Number::points(margin).as_str(),
                        " points ahead of ",
                        &follower.spec.name,
                        ", most of all on ",
                        name,
                        " (+",
                        Number::points(*lead).as_str(),
                        ")",
                    ]
                    .concat(),
                ),
                _ if margin == Tenths(0) => reasons.push(
                    [
                        "level with ",
                        &follower.spec.name,
                        " at ",
                        Number::points(self.points.total).as_str(),
                        "; ranked first by id",
                    ]
                    .concat(),
                ),
                _ => {}
            }
        }

        if self.framework.spec.fits(use_case) {
            reasons.push(["lists ", use_case.as_str(), " among its use cases"].concat());
        }
        let shipped = self.traits.features & self.scorer.key_feature_bits;
        if shipped != 0 {
            reasons.push(
                [
                    "ships ",
                    &join_names(&feature_names(shipped)),
                    ", which ",
                    use_case.as_str(),
                    " work leans on (",
                    Number::whole(shipped.count_ones()).as_str(),
                    " of ",
                    Number::whole(self.scorer.key_feature_count).as_str(),
                    ")",
                ]
                .concat(),
            );
        }
        let mut rated = String::with_capacity(96);
        rated.push_str("rated ");
        if push_priority_ratings(&mut rated, self.profile, self.traits, |rating| rating >= 4) {
            reasons.push(rated);
        } else if self.profile.priorities().is_empty() {
            let share = self.points.priorities.as_f64() / self.scorer.priorities_max;
            if share >= 0.6 {
                let best = Dimension::ALL
                    .iter()
                    .filter(|d| self.traits.rating(**d) == 5)
                    .map(|d| d.as_str())
                    .collect::<Vec<_>>();
                if best.is_empty() {
                    reasons.push(format!(
                        "solid across the board: {:.0}% of the rating points",
                        share * 100.0
                    ));
                } else {
                    reasons.push(format!(
                        "{:.0}% of the rating points overall, with 5/5 on {}",
                        share * 100.0,
                        best.join(", ")
                    ));
                }
            }
        }
        if let (Some(deployment), Some(dims)) = (self.profile.deployment(), self.scorer.deployment)
            && self.traits.strength(dims) >= 0.75
        {
            let mut suits = ["suits ", deployment.as_str(), " deployment: "].concat();
            push_rating_list(&mut suits, self.traits, dims);
            reasons.push(suits);
        }
        reasons
    }

    pub(super) fn caveats(&self) -> Vec<String> {
        let mut caveats = Vec::new();
        let use_case = self.profile.use_case();
        if !self.framework.spec.fits(use_case) {
            caveats.push(format!(
                "does not list {use_case} among its use cases ({} of {:.0} use-case points)",
                Number::points(self.points.use_case).as_str(),
                self.scorer.use_case_max
            ));
        }
        let missing = self.scorer.key_feature_bits & !self.traits.features;
        if missing != 0 {
            caveats.push(
                [
                    "does not ship ",
                    &feature_names(missing).join(" or "),
                    ", which ",
                    use_case.as_str(),
                    " work often needs",
                ]
                .concat(),
            );
        }
        let mut rated = String::with_capacity(96);
        rated.push_str("rated only ");
        if push_priority_ratings(&mut rated, self.profile, self.traits, |rating| rating <= 2) {
            caveats.push(rated);
        }
        if let (Some(deployment), Some(dims)) = (self.profile.deployment(), self.scorer.deployment)
            && self.traits.strength(dims) <= 0.25
        {
            let mut weak = ["a weak fit for ", deployment.as_str(), " deployment: "].concat();
            push_rating_list(&mut weak, self.traits, dims);
            caveats.push(weak);
        }
        if let Some((follower, theirs)) = self.next {
            let margin = self.points.total.lead_over(theirs.total);
            if margin > Tenths(0) && margin < Tenths(20) {
                caveats.push(
                    [
                        "a close call: ",
                        &follower.spec.name,
                        " trails by only ",
                        Number::points(margin).as_str(),
                        " points",
                    ]
                    .concat(),
                );
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
