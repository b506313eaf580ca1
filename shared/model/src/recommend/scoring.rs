//! The score: what each use case and deployment leans on, a framework reduced to the
//! numbers scoring reads, and the points of each factor (see the module documentation of
//! [`crate::recommend`]).

use std::collections::BTreeMap;

use crate::framework::Framework;
use crate::recommend::Profile;
use crate::vocab::{Deployment, Dimension, Feature, UseCase};

/// The factors' names in `breakdown` and in the explanations.
pub(super) const USE_CASE_FIT: &str = "use_case_fit";
pub(super) const PRIORITIES: &str = "priorities";
pub(super) const DEPLOYMENT_FIT: &str = "deployment_fit";

/// What the use case leans on: features worth having and dimensions worth being good at.
fn key_features(use_case: UseCase) -> &'static [Feature] {
    use Feature::{
        AdminPanel, AsyncNative, Auth, Caching, CliScaffolding, DependencyInjection, Migrations,
        OpenapiDocs, Orm, Templating, Validation, Websockets,
    };
    match use_case {
        UseCase::RestApi => &[Validation, OpenapiDocs],
        UseCase::Microservices => &[Validation, AsyncNative],
        UseCase::Realtime => &[Websockets, AsyncNative],
        UseCase::FullstackWeb => &[Orm, Migrations, Templating, Auth],
        UseCase::Enterprise => &[DependencyInjection, Auth, Validation, Orm],
        UseCase::DataDriven => &[Orm, Migrations, AdminPanel],
        UseCase::Ecommerce => &[Orm, Auth, Migrations, Caching],
        UseCase::Cms => &[AdminPanel, Orm, Templating, Auth],
        UseCase::Prototyping => &[CliScaffolding, Orm, Templating],
        UseCase::Serverless => &[AsyncNative],
        UseCase::HighThroughput => &[AsyncNative, Caching],
        UseCase::MlServing => &[AsyncNative, Validation, OpenapiDocs],
    }
}

fn key_dimensions(use_case: UseCase) -> &'static [Dimension] {
    use Dimension::{
        EaseOfLearning, Ecosystem, Performance, Productivity, Scalability, Security, ServerlessFit,
        TypeSafety,
    };
    match use_case {
        UseCase::RestApi => &[Productivity, Performance],
        UseCase::Microservices => &[ServerlessFit, Scalability],
        UseCase::Realtime => &[Performance, Scalability],
        UseCase::FullstackWeb => &[Productivity, Ecosystem],
        UseCase::Enterprise => &[TypeSafety, Security, Scalability],
        UseCase::DataDriven => &[Security, Productivity],
        UseCase::Ecommerce => &[Security, Ecosystem],
        UseCase::Cms => &[Productivity, Ecosystem],
        UseCase::Prototyping => &[EaseOfLearning, Productivity],
        UseCase::Serverless => &[ServerlessFit, Performance],
        UseCase::HighThroughput => &[Performance, Scalability],
        UseCase::MlServing => &[Performance, Productivity],
    }
}

fn deployment_dimensions(deployment: Deployment) -> &'static [Dimension] {
    use Dimension::{Performance, Scalability, ServerlessFit};
    match deployment {
        Deployment::Serverless => &[ServerlessFit],
        Deployment::Containers => &[ServerlessFit, Scalability],
        Deployment::Servers => &[Performance, Scalability],
    }
}

/// A framework reduced to what scoring reads, so that ranking 10,000 frameworks touches no
/// maps: ratings by [`Dimension::index`] and features as a bit set.
#[derive(Debug, Clone, Copy)]
pub(super) struct Traits {
    ratings: [u8; Dimension::COUNT],
    pub(super) features: u16,
}

/// One bit per feature, at its [`Feature::index`]; 13 features fit in 16 bits.
pub(super) fn feature_bit(feature: Feature) -> u16 {
    1 << feature.index()
}

impl Traits {
    pub(super) fn of(framework: &Framework) -> Self {
        let mut ratings = [1; Dimension::COUNT];
        for (dimension, score) in framework.spec.ratings.iter() {
            ratings[dimension.index()] = score;
        }
        let features = framework
            .spec
            .features
            .iter()
            .fold(0, |bits, f| bits | feature_bit(*f));
        Self { ratings, features }
    }

    pub(super) fn rating(&self, dimension: Dimension) -> u8 {
        self.ratings[dimension.index()]
    }

    /// Mean of `(r - 1) / 4` over `dimensions`: 0 for all 1s, 1 for all 5s.
    pub(super) fn strength(&self, dimensions: &[Dimension]) -> f64 {
        if dimensions.is_empty() {
            return 0.0;
        }
        let sum: u32 = dimensions
            .iter()
            .map(|d| u32::from(self.rating(*d) - 1))
            .sum();
        f64::from(sum) / (4.0 * dimensions.len() as f64)
    }
}

/// The parts of the profile that scoring needs, resolved once per request.
#[derive(Debug)]
pub(super) struct Scorer {
    use_case: UseCase,
    pub(super) key_feature_bits: u16,
    pub(super) key_feature_count: u32,
    key_dimensions: &'static [Dimension],
    weights: [u32; Dimension::COUNT],
    weight_sum: u32,
    pub(super) deployment: Option<&'static [Dimension]>,
    pub(super) use_case_max: f64,
    pub(super) priorities_max: f64,
    deployment_max: f64,
}

impl Scorer {
    pub(super) fn new(profile: &Profile) -> Self {
        let features = key_features(profile.use_case());
        let weights = profile.priorities().weights();
        let (use_case_max, priorities_max, deployment_max) = match profile.deployment() {
            Some(_) => (40.0, 45.0, 15.0),
            None => (45.0, 55.0, 0.0),
        };
        Self {
            use_case: profile.use_case(),
            key_feature_bits: features.iter().fold(0, |bits, f| bits | feature_bit(*f)),
            key_feature_count: features.len() as u32,
            key_dimensions: key_dimensions(profile.use_case()),
            weights,
            weight_sum: weights.iter().sum(),
            deployment: profile.deployment().map(deployment_dimensions),
            use_case_max,
            priorities_max,
            deployment_max,
        }
    }

    pub(super) fn score(&self, framework: &Framework, traits: &Traits) -> Points {
        let listed = if framework.spec.fits(self.use_case) {
            1.0
        } else {
            0.0
        };
        let shipped = (traits.features & self.key_feature_bits).count_ones();
        let feature_share = if self.key_feature_count == 0 {
            1.0
        } else {
            f64::from(shipped) / f64::from(self.key_feature_count)
        };
        let use_case = self.use_case_max
            * (0.5 * listed + 0.25 * feature_share + 0.25 * traits.strength(self.key_dimensions));

        let weighted: u32 = traits
            .ratings
            .iter()
            .zip(self.weights)
            .map(|(r, w)| u32::from(r - 1) * w)
            .sum();
        let priorities =
            self.priorities_max * f64::from(weighted) / (4.0 * f64::from(self.weight_sum));

        let deployment = self
            .deployment
            .map_or(0.0, |dims| self.deployment_max * traits.strength(dims));

        Points::new(tenths(use_case), tenths(priorities), tenths(deployment))
    }
}

/// `value` (never negative) in tenths, rounded half up. A cast, where `f64::round` is a
/// library call that costs more than the rest of the score over a large catalog.
fn tenths(value: f64) -> Tenths {
    Tenths((value * 10.0 + 0.5) as u32)
}

/// A number of points in tenths, the exact unit of every score: the ranking and the
/// explanations compare and print these integers, never the floats `breakdown` serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Tenths(pub(super) u32);

impl Tenths {
    pub(super) fn as_f64(self) -> f64 {
        f64::from(self.0) / 10.0
    }

    /// How far `self` is above `other`; nothing when it is not above.
    pub(super) fn lead_over(self, other: Tenths) -> Tenths {
        Tenths(self.0.saturating_sub(other.0))
    }
}

/// Points per factor, each in tenths; the score is their exact sum.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Points {
    pub(super) use_case: Tenths,
    pub(super) priorities: Tenths,
    pub(super) deployment: Tenths,
    /// The score: the exact key of the ranking.
    pub(super) total: Tenths,
}

impl Points {
    fn new(use_case: Tenths, priorities: Tenths, deployment: Tenths) -> Self {
        Self {
            use_case,
            priorities,
            deployment,
            total: Tenths(use_case.0 + priorities.0 + deployment.0),
        }
    }

    /// Points by factor name, as `breakdown` serves them; deployment only when asked about.
    pub(super) fn breakdown(&self, scorer: &Scorer) -> BTreeMap<&'static str, f64> {
        let mut breakdown = BTreeMap::from([
            (USE_CASE_FIT, self.use_case.as_f64()),
            (PRIORITIES, self.priorities.as_f64()),
        ]);
        if scorer.deployment.is_some() {
            breakdown.insert(DEPLOYMENT_FIT, self.deployment.as_f64());
        }
        breakdown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_feature_has_its_own_bit() {
        let bits: Vec<u16> = Feature::ALL.iter().map(|f| feature_bit(*f)).collect();
        let all = bits.iter().fold(0u16, |acc, bit| acc | bit);
        assert_eq!(all.count_ones() as usize, Feature::ALL.len());
    }

    #[test]
    fn a_lead_is_never_negative() {
        assert_eq!(Tenths(25).lead_over(Tenths(30)), Tenths(0));
        assert_eq!(Tenths(913).lead_over(Tenths(888)), Tenths(25));
    }
}
