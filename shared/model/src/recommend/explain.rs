//! Reasons and caveats, derived from the same numbers as the score: the factor that most
//! separates a framework from the next one down, its ratings on the user's priorities, the
//! use case's key features it ships or lacks, and its deployment fit.

use std::cmp::Ordering;

use crate::framework::Framework;
use crate::lists::join_names;
use crate::recommend::Profile;
use crate::recommend::scoring::{
    DEPLOYMENT_FIT, PRIORITIES, Points, Scorer, Traits, USE_CASE_FIT, feature_bit,
};
use crate::vocab::{Dimension, Feature};

pub(super) fn feature_names(bits: u16) -> Vec<&'static str> {
    Feature::ALL
        .iter()
        .filter(|f| bits & feature_bit(**f) != 0)
        .map(|f| f.as_str())
        .collect()
}

/// The user's priorities whose rating passes `keep`, as "performance 5/5 (first priority)".
fn priority_ratings(profile: &Profile, traits: &Traits, keep: impl Fn(u8) -> bool) -> Vec<String> {
    profile
        .priorities()
        .as_slice()
        .iter()
        .enumerate()
        .filter(|(_, d)| keep(traits.rating(**d)))
        .map(|(position, d)| {
            format!(
                "{d} {}/5 ({} priority)",
                traits.rating(*d),
                ordinal(position)
            )
        })
        .collect()
}

fn ordinal(position: usize) -> String {
    match position {
        0 => "first".into(),
        1 => "second".into(),
        2 => "third".into(),
        n => format!("#{}", n + 1),
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
            let gaps = [
                (USE_CASE_FIT, self.points.use_case - theirs.use_case),
                (PRIORITIES, self.points.priorities - theirs.priorities),
                (DEPLOYMENT_FIT, self.points.deployment - theirs.deployment),
            ];
            let decisive = gaps
                .iter()
                .filter(|(_, gap)| *gap > 0.05)
                .max_by(|a, b| a.1.partial_cmp(&b.1).unwrap_or(Ordering::Equal));
            let margin = self.points.total() - theirs.total();
            match decisive {
                Some((name, gap)) if margin > 0.05 => reasons.push(format!(
                    "{:.1} points ahead of {}, most of all on {name} (+{gap:.1})",
                    margin, follower.spec.name
                )),
                _ if margin <= 0.05 => reasons.push(format!(
                    "level with {} at {:.1}; ranked first by id",
                    follower.spec.name,
                    self.points.total()
                )),
                _ => {}
            }
        }

        if self.framework.spec.fits(use_case) {
            reasons.push(format!("lists {use_case} among its use cases"));
        }
        let shipped = self.traits.features & self.scorer.key_feature_bits;
        if shipped != 0 {
            reasons.push(format!(
                "ships {}, which {use_case} work leans on ({} of {})",
                join_names(&feature_names(shipped)),
                shipped.count_ones(),
                self.scorer.key_feature_count
            ));
        }
        let strong = priority_ratings(self.profile, self.traits, |rating| rating >= 4);
        if !strong.is_empty() {
            reasons.push(format!("rated {}", strong.join(", ")));
        } else if self.profile.priorities().is_empty() {
            let share = self.points.priorities / self.scorer.priorities_max;
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
            reasons.push(format!(
                "suits {deployment} deployment: {}",
                rating_list(self.traits, dims)
            ));
        }
        reasons
    }

    pub(super) fn caveats(&self) -> Vec<String> {
        let mut caveats = Vec::new();
        let use_case = self.profile.use_case();
        if !self.framework.spec.fits(use_case) {
            caveats.push(format!(
                "does not list {use_case} among its use cases ({:.1} of {:.0} use-case points)",
                self.points.use_case, self.scorer.use_case_max
            ));
        }
        let missing = self.scorer.key_feature_bits & !self.traits.features;
        if missing != 0 {
            caveats.push(format!(
                "does not ship {}, which {use_case} work often needs",
                feature_names(missing).join(" or ")
            ));
        }
        let weak = priority_ratings(self.profile, self.traits, |rating| rating <= 2);
        if !weak.is_empty() {
            caveats.push(format!("rated only {}", weak.join(", ")));
        }
        if let (Some(deployment), Some(dims)) = (self.profile.deployment(), self.scorer.deployment)
            && self.traits.strength(dims) <= 0.25
        {
            caveats.push(format!(
                "a weak fit for {deployment} deployment: {}",
                rating_list(self.traits, dims)
            ));
        }
        if let Some((follower, theirs)) = self.next {
            let margin = self.points.total() - theirs.total();
            if margin > 0.05 && margin < 2.0 {
                caveats.push(format!(
                    "a close call: {} trails by only {margin:.1} points",
                    follower.spec.name
                ));
            }
        }
        caveats
    }
}

fn rating_list(traits: &Traits, dimensions: &[Dimension]) -> String {
    dimensions
        .iter()
        .map(|d| format!("{d} {}/5", traits.rating(*d)))
        .collect::<Vec<_>>()
        .join(", ")
}
