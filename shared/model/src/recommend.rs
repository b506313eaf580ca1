//! An explained shortlist of frameworks for a project profile.
//!
//! # Filters
//! `languages` and `required_features` are hard filters, applied first: a framework in
//! another language, or lacking a required feature, is excluded and the exclusion says which.
//!
//! # Score (0..100)
//! Every framework that passes is scored from three factors, each a fraction in 0..1 turned
//! into points:
//!
//! | factor | what it measures | points (with / without `deployment`) |
//! |---|---|---|
//! | `use_case_fit` | half: the framework lists the use case; a quarter: the share of the use case's key features it ships; a quarter: its mean rating on the use case's key dimensions | 40 / 45 |
//! | `priorities` | weighted mean rating with the weights of [`Priorities::weights`] (first of `k` weighs `k`, …, last 1; none → all dimensions equally) | 45 / 55 |
//! | `deployment_fit` | `serverless`: `serverless_fit` (cold start, footprint); `containers`: mean of `serverless_fit` and `scalability`; `servers`: mean of `performance` and `scalability` | 15 / — |
//!
//! A rating `r` counts as `(r - 1) / 4`, so 1 is worth nothing and 5 everything.
//! The ranking is by score rounded to one decimal, best first, then by id: the same profile
//! over the same catalog always gives the same list.
//!
//! # Explanations
//! Reasons and caveats are derived from the same numbers: the factor that most separates a
//! framework from the next one down, its ratings on the user's priorities, the use case's key
//! features it ships or lacks, and its deployment fit.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

use crate::compare::{DIMENSIONS, Priorities, dimension_index, join_names};
use crate::framework::{FieldError, Framework};
use crate::slug::Slug;
use crate::vocab::{Deployment, Dimension, Feature, Language, UnknownValue, UseCase};

/// How many recommendations to return: 1..=10, 3 unless asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit(usize);

impl Limit {
    pub const MAX: usize = 10;
    pub const DEFAULT: Limit = Limit(3);

    pub fn new(n: usize) -> Option<Self> {
        (1..=Self::MAX).contains(&n).then_some(Self(n))
    }

    pub fn get(self) -> usize {
        self.0
    }
}

impl Default for Limit {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// A complete recommendation request. Lists hold each value once, in the order first given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    use_case: UseCase,
    priorities: Priorities,
    languages: Vec<Language>,
    required_features: Vec<Feature>,
    deployment: Option<Deployment>,
    limit: Limit,
}

impl Profile {
    const FIELDS: [&'static str; 6] = [
        "use_case",
        "priorities",
        "languages",
        "required_features",
        "deployment",
        "limit",
    ];
    /// More items than any vocabulary has values: a longer list is a client bug.
    const MAX_LIST: usize = 32;

    pub fn new(use_case: UseCase) -> Self {
        Self {
            use_case,
            priorities: Priorities::default(),
            languages: Vec::new(),
            required_features: Vec::new(),
            deployment: None,
            limit: Limit::DEFAULT,
        }
    }

    pub fn with_priorities(mut self, priorities: impl IntoIterator<Item = Dimension>) -> Self {
        self.priorities = Priorities::new(priorities);
        self
    }

    pub fn with_languages(mut self, languages: impl IntoIterator<Item = Language>) -> Self {
        self.languages = distinct(languages);
        self
    }

    pub fn with_required_features(mut self, features: impl IntoIterator<Item = Feature>) -> Self {
        self.required_features = distinct(features);
        self
    }

    pub fn with_deployment(mut self, deployment: Option<Deployment>) -> Self {
        self.deployment = deployment;
        self
    }

    pub fn with_limit(mut self, limit: Limit) -> Self {
        self.limit = limit;
        self
    }

    pub fn use_case(&self) -> UseCase {
        self.use_case
    }

    pub fn priorities(&self) -> &Priorities {
        &self.priorities
    }

    pub fn languages(&self) -> &[Language] {
        &self.languages
    }

    pub fn required_features(&self) -> &[Feature] {
        &self.required_features
    }

    pub fn deployment(&self) -> Option<Deployment> {
        self.deployment
    }

    pub fn limit(&self) -> Limit {
        self.limit
    }

    /// Reads a `POST /recommendations` body, reporting every field error at once. Unknown
    /// vocabulary values are refused with the list of valid ones; a repeated value is kept once
    /// (for `priorities`, at its first, most important, position); `null` means absent.
    pub fn from_json(body: &Value) -> Result<Self, Vec<FieldError>> {
        let Some(object) = body.as_object() else {
            return Err(vec![FieldError::new("", "the body must be a JSON object")]);
        };
        let mut errors = Vec::new();
        for key in object.keys() {
            if !Self::FIELDS.contains(&key.as_str()) {
                errors.push(FieldError::new(
                    key.chars().take(64).collect::<String>(),
                    format!(
                        "unknown field; known fields are: {}",
                        Self::FIELDS.join(", ")
                    ),
                ));
            }
        }
        let use_case = match present(object, "use_case") {
            None => {
                errors.push(FieldError::new(
                    "use_case",
                    format!("is required; one of: {}", UseCase::NAMES.join(", ")),
                ));
                None
            }
            Some(value) => vocab_value::<UseCase>(value, "use_case", &mut errors),
        };
        let priorities = vocab_list::<Dimension>(object, "priorities", &mut errors);
        let languages = vocab_list::<Language>(object, "languages", &mut errors);
        let required_features = vocab_list::<Feature>(object, "required_features", &mut errors);
        let deployment = present(object, "deployment")
            .and_then(|value| vocab_value::<Deployment>(value, "deployment", &mut errors));
        let limit = match present(object, "limit") {
            None => Some(Limit::DEFAULT),
            Some(value) => {
                // JSON Schema counts `3.0` as an integer, so it is one here too.
                let whole = value.as_u64().or_else(|| {
                    value
                        .as_f64()
                        .filter(|n| n.fract() == 0.0 && (0.0..=u32::MAX.into()).contains(n))
                        .map(|n| n as u64)
                });
                let parsed = whole
                    .and_then(|n| usize::try_from(n).ok())
                    .and_then(Limit::new);
                if parsed.is_none() {
                    errors.push(FieldError::new(
                        "limit",
                        format!("must be a whole number from 1 to {}", Limit::MAX),
                    ));
                }
                parsed
            }
        };
        match (use_case, limit) {
            (Some(use_case), Some(limit)) if errors.is_empty() => Ok(Self::new(use_case)
                .with_priorities(priorities)
                .with_languages(languages)
                .with_required_features(required_features)
                .with_deployment(deployment)
                .with_limit(limit)),
            _ => Err(errors),
        }
    }
}

fn distinct<T: PartialEq>(values: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut kept = Vec::new();
    for value in values {
        if !kept.contains(&value) {
            kept.push(value);
        }
    }
    kept
}

/// A field that is there and not `null`: an optional field given as null counts as absent,
/// and a required one as missing.
fn present<'a>(object: &'a Map<String, Value>, field: &str) -> Option<&'a Value> {
    object.get(field).filter(|value| !value.is_null())
}

fn vocab_value<T: std::str::FromStr<Err = UnknownValue>>(
    value: &Value,
    field: &str,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    match value.as_str().map(str::parse::<T>) {
        Some(Ok(parsed)) => Some(parsed),
        Some(Err(unknown)) => {
            errors.push(FieldError::new(field, clipped(unknown).to_string()));
            None
        }
        None => {
            errors.push(FieldError::new(field, "must be a string"));
            None
        }
    }
}

fn vocab_list<T: std::str::FromStr<Err = UnknownValue>>(
    object: &Map<String, Value>,
    field: &str,
    errors: &mut Vec<FieldError>,
) -> Vec<T> {
    let Some(value) = present(object, field) else {
        return Vec::new();
    };
    let Some(items) = value.as_array() else {
        errors.push(FieldError::new(field, "must be an array of strings"));
        return Vec::new();
    };
    if items.len() > Profile::MAX_LIST {
        errors.push(FieldError::new(
            field,
            format!("must have at most {} items", Profile::MAX_LIST),
        ));
        return Vec::new();
    }
    items
        .iter()
        .enumerate()
        .filter_map(|(index, item)| vocab_value(item, &format!("{field}[{index}]"), errors))
        .collect()
}

/// Keeps an echoed client value short.
fn clipped(mut unknown: UnknownValue) -> UnknownValue {
    if unknown.value.chars().count() > 64 {
        unknown.value = format!("{}…", unknown.value.chars().take(64).collect::<String>());
    }
    unknown
}

/// What the use case leans on: features worth having and dimensions worth being good at.
fn key_features(use_case: UseCase) -> &'static [Feature] {
    use Feature::*;
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
    use Dimension::*;
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
    use Dimension::*;
    match deployment {
        Deployment::Serverless => &[ServerlessFit],
        Deployment::Containers => &[ServerlessFit, Scalability],
        Deployment::Servers => &[Performance, Scalability],
    }
}

/// One scored factor: its name in `breakdown`, points awarded and points possible.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Factor {
    pub name: &'static str,
    pub points: f64,
    pub max: f64,
}

/// A framework reduced to what scoring reads, so that ranking 10,000 frameworks touches no
/// maps: ratings by [`dimension_index`] and features as a bit set.
#[derive(Debug, Clone, Copy)]
struct Traits {
    ratings: [u8; DIMENSIONS],
    features: u16,
}

/// The discriminant is the feature's position in [`Feature::ALL`]; 13 features fit in 16 bits.
fn feature_bit(feature: Feature) -> u16 {
    1 << (feature as u16)
}

impl Traits {
    fn of(framework: &Framework) -> Self {
        let mut ratings = [1; DIMENSIONS];
        for (dimension, score) in framework.spec.ratings.iter() {
            ratings[dimension_index(dimension)] = score;
        }
        let features = framework
            .spec
            .features
            .iter()
            .fold(0, |bits, f| bits | feature_bit(*f));
        Self { ratings, features }
    }

    fn rating(&self, dimension: Dimension) -> u8 {
        self.ratings[dimension_index(dimension)]
    }

    /// Mean of `(r - 1) / 4` over `dimensions`: 0 for all 1s, 1 for all 5s.
    fn strength(&self, dimensions: &[Dimension]) -> f64 {
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
struct Scorer {
    use_case: UseCase,
    key_feature_bits: u16,
    key_feature_count: u32,
    key_dimensions: &'static [Dimension],
    weights: [u32; DIMENSIONS],
    weight_sum: u32,
    deployment: Option<&'static [Dimension]>,
    use_case_max: f64,
    priorities_max: f64,
    deployment_max: f64,
}

impl Scorer {
    fn new(profile: &Profile) -> Self {
        let features = key_features(profile.use_case);
        let weights = profile.priorities.weights();
        let (use_case_max, priorities_max, deployment_max) = match profile.deployment {
            Some(_) => (40.0, 45.0, 15.0),
            None => (45.0, 55.0, 0.0),
        };
        Self {
            use_case: profile.use_case,
            key_feature_bits: features.iter().fold(0, |bits, f| bits | feature_bit(*f)),
            key_feature_count: features.len() as u32,
            key_dimensions: key_dimensions(profile.use_case),
            weights,
            weight_sum: weights.iter().sum(),
            deployment: profile.deployment.map(deployment_dimensions),
            use_case_max,
            priorities_max,
            deployment_max,
        }
    }

    fn score(&self, framework: &Framework, traits: &Traits) -> Points {
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
fn tenths(value: f64) -> u32 {
    (value * 10.0 + 0.5) as u32
}

/// Points per factor, each to one decimal; the score is their exact sum.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Points {
    use_case: f64,
    priorities: f64,
    deployment: f64,
    /// The score in tenths of a point: the exact key of the ranking.
    key: u32,
}

impl Points {
    fn new(use_case: u32, priorities: u32, deployment: u32) -> Self {
        Self {
            use_case: f64::from(use_case) / 10.0,
            priorities: f64::from(priorities) / 10.0,
            deployment: f64::from(deployment) / 10.0,
            key: use_case + priorities + deployment,
        }
    }

    fn total(&self) -> f64 {
        f64::from(self.key) / 10.0
    }
}

/// Why a framework was left out. Rendered as one sentence in `reason`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exclusion<'a> {
    pub framework: &'a Framework,
    /// Set when the framework's language is not among those asked for.
    pub wrong_language: Option<Language>,
    /// Required features it lacks, in the order they were asked for.
    pub missing_features: Vec<Feature>,
}

impl Exclusion<'_> {
    pub fn reason(&self) -> String {
        let mut parts = Vec::new();
        if let Some(language) = self.wrong_language {
            parts.push(format!(
                "it is written in {language}, not a requested language"
            ));
        }
        if !self.missing_features.is_empty() {
            let names: Vec<&str> = self.missing_features.iter().map(|f| f.as_str()).collect();
            parts.push(format!("it lacks the required {}", names.join(", ")));
        }
        parts.join(" and ")
    }
}

impl Serialize for Exclusion<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut state = serializer.serialize_struct("Exclusion", 2)?;
        state.serialize_field("id", &self.framework.id)?;
        state.serialize_field("reason", &self.reason())?;
        state.end()
    }
}

/// One entry of the shortlist.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    pub rank: usize,
    pub id: Slug,
    pub name: String,
    /// 0..100, one decimal.
    pub score: f64,
    pub reasons: Vec<String>,
    pub caveats: Vec<String>,
    /// Points per factor; they add up to `score`.
    pub breakdown: BTreeMap<&'static str, f64>,
}

/// The answer of `POST /recommendations`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendations<'a> {
    pub recommendations: Vec<Recommendation>,
    /// Every framework a hard filter removed, by id.
    pub excluded: Vec<Exclusion<'a>>,
    /// How many frameworks passed the filters and were scored.
    pub considered: usize,
}

const USE_CASE_FIT: &str = "use_case_fit";
const PRIORITIES: &str = "priorities";
const DEPLOYMENT_FIT: &str = "deployment_fit";

/// Ranks `catalog` for `profile`. `catalog` may be in any order; the result does not depend
/// on it.
pub fn recommend<'a>(catalog: &'a [Framework], profile: &Profile) -> Recommendations<'a> {
    let scorer = Scorer::new(profile);
    let wanted_features = profile
        .required_features
        .iter()
        .fold(0u16, |bits, f| bits | feature_bit(*f));

    let mut excluded = Vec::new();
    // Only (score, position) per candidate: 8 bytes each keeps 10,000 of them in cache, and
    // the handful that make the shortlist are scored again for their explanations.
    let mut scored: Vec<(u32, u32)> = Vec::with_capacity(catalog.len());
    for (position, framework) in catalog.iter().enumerate() {
        let wrong_language = (!profile.languages.is_empty()
            && !profile.languages.contains(&framework.spec.language))
        .then_some(framework.spec.language);
        // The language sits in the framework itself; ratings and features are behind
        // pointers, so a framework the language filter removes is never read further.
        let traits = (wrong_language.is_none()).then(|| Traits::of(framework));
        match traits {
            Some(traits) if traits.features & wanted_features == wanted_features => {
                let key = scorer.score(framework, &traits).key;
                scored.push((key, position as u32));
            }
            _ => excluded.push(Exclusion {
                framework,
                wrong_language,
                missing_features: profile
                    .required_features
                    .iter()
                    .copied()
                    .filter(|f| !framework.spec.has_feature(*f))
                    .collect(),
            }),
        }
    }
    excluded.sort_by(|a, b| a.framework.id.cmp(&b.framework.id));

    let considered = scored.len();
    let order = |a: &(u32, u32), b: &(u32, u32)| {
        b.0.cmp(&a.0)
            .then_with(|| catalog[a.1 as usize].id.cmp(&catalog[b.1 as usize].id))
    };
    // One more than the shortlist, so that the last entry can be explained against its follower.
    let keep = (profile.limit.get() + 1).min(scored.len());
    if keep < scored.len() {
        scored.select_nth_unstable_by(keep, order);
        scored.truncate(keep);
    }
    scored.sort_by(order);
    let finalists: Vec<(&Framework, Traits, Points)> = scored
        .iter()
        .map(|(_, position)| {
            let framework = &catalog[*position as usize];
            let traits = Traits::of(framework);
            (framework, traits, scorer.score(framework, &traits))
        })
        .collect();

    let shortlist = profile.limit.get().min(finalists.len());
    let recommendations = (0..shortlist)
        .map(|index| {
            let (framework, traits, points) = &finalists[index];
            let next = finalists.get(index + 1).map(|(f, _, p)| (*f, *p));
            let factors = factors(&scorer, points);
            Recommendation {
                rank: index + 1,
                id: framework.id.clone(),
                name: framework.spec.name.clone(),
                score: points.total(),
                reasons: reasons(profile, &scorer, framework, traits, points, next),
                caveats: caveats(profile, &scorer, framework, traits, points, next),
                breakdown: factors.iter().map(|f| (f.name, f.points)).collect(),
            }
        })
        .collect();

    Recommendations {
        recommendations,
        excluded,
        considered,
    }
}

fn factors(scorer: &Scorer, points: &Points) -> Vec<Factor> {
    let mut factors = vec![
        Factor {
            name: USE_CASE_FIT,
            points: points.use_case,
            max: scorer.use_case_max,
        },
        Factor {
            name: PRIORITIES,
            points: points.priorities,
            max: scorer.priorities_max,
        },
    ];
    if scorer.deployment.is_some() {
        factors.push(Factor {
            name: DEPLOYMENT_FIT,
            points: points.deployment,
            max: scorer.deployment_max,
        });
    }
    factors
}

fn feature_names(bits: u16) -> Vec<&'static str> {
    Feature::ALL
        .iter()
        .filter(|f| bits & feature_bit(**f) != 0)
        .map(|f| f.as_str())
        .collect()
}

/// The user's priorities whose rating passes `keep`, as "performance 5/5 (first priority)".
fn priority_ratings(profile: &Profile, traits: &Traits, keep: impl Fn(u8) -> bool) -> Vec<String> {
    profile
        .priorities
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

fn reasons(
    profile: &Profile,
    scorer: &Scorer,
    framework: &Framework,
    traits: &Traits,
    points: &Points,
    next: Option<(&Framework, Points)>,
) -> Vec<String> {
    let mut reasons = Vec::new();
    let use_case = profile.use_case;

    // What sets it apart from the next framework down: the factor with the largest lead.
    if let Some((follower, theirs)) = next {
        let gaps = [
            (USE_CASE_FIT, points.use_case - theirs.use_case),
            (PRIORITIES, points.priorities - theirs.priorities),
            (DEPLOYMENT_FIT, points.deployment - theirs.deployment),
        ];
        let decisive = gaps
            .iter()
            .filter(|(_, gap)| *gap > 0.05)
            .max_by(|a, b| a.1.partial_cmp(&b.1).unwrap_or(Ordering::Equal));
        let margin = points.total() - theirs.total();
        match decisive {
            Some((name, gap)) if margin > 0.05 => reasons.push(format!(
                "{:.1} points ahead of {}, most of all on {name} (+{gap:.1})",
                margin, follower.spec.name
            )),
            _ if margin <= 0.05 => reasons.push(format!(
                "level with {} at {:.1}; ranked first by id",
                follower.spec.name,
                points.total()
            )),
            _ => {}
        }
    }

    if framework.spec.fits(use_case) {
        reasons.push(format!("lists {use_case} among its use cases"));
    }
    let shipped = traits.features & scorer.key_feature_bits;
    if shipped != 0 {
        reasons.push(format!(
            "ships {}, which {use_case} work leans on ({} of {})",
            join_names(&feature_names(shipped)),
            shipped.count_ones(),
            scorer.key_feature_count
        ));
    }
    let strong = priority_ratings(profile, traits, |rating| rating >= 4);
    if !strong.is_empty() {
        reasons.push(format!("rated {}", strong.join(", ")));
    } else if profile.priorities.is_empty() {
        let share = points.priorities / scorer.priorities_max;
        if share >= 0.6 {
            let best = Dimension::ALL
                .iter()
                .filter(|d| traits.rating(**d) == 5)
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
    if let (Some(deployment), Some(dims)) = (profile.deployment, scorer.deployment) {
        if traits.strength(dims) >= 0.75 {
            reasons.push(format!(
                "suits {deployment} deployment: {}",
                rating_list(traits, dims)
            ));
        }
    }
    reasons
}

fn caveats(
    profile: &Profile,
    scorer: &Scorer,
    framework: &Framework,
    traits: &Traits,
    points: &Points,
    next: Option<(&Framework, Points)>,
) -> Vec<String> {
    let mut caveats = Vec::new();
    let use_case = profile.use_case;
    if !framework.spec.fits(use_case) {
        caveats.push(format!(
            "does not list {use_case} among its use cases ({:.1} of {:.0} use-case points)",
            points.use_case, scorer.use_case_max
        ));
    }
    let missing = scorer.key_feature_bits & !traits.features;
    if missing != 0 {
        caveats.push(format!(
            "does not ship {}, which {use_case} work often needs",
            feature_names(missing).join(" or ")
        ));
    }
    let weak = priority_ratings(profile, traits, |rating| rating <= 2);
    if !weak.is_empty() {
        caveats.push(format!("rated only {}", weak.join(", ")));
    }
    if let (Some(deployment), Some(dims)) = (profile.deployment, scorer.deployment) {
        if traits.strength(dims) <= 0.25 {
            caveats.push(format!(
                "a weak fit for {deployment} deployment: {}",
                rating_list(traits, dims)
            ));
        }
    }
    if let Some((follower, theirs)) = next {
        let margin = points.total() - theirs.total();
        if margin > 0.05 && margin < 2.0 {
            caveats.push(format!(
                "a close call: {} trails by only {margin:.1} points",
                follower.spec.name
            ));
        }
    }
    caveats
}

fn rating_list(traits: &Traits, dimensions: &[Dimension]) -> String {
    dimensions
        .iter()
        .map(|d| format!("{d} {}/5", traits.rating(*d)))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::load_frameworks;
    use serde_json::json;

    #[test]
    fn every_feature_has_its_own_bit() {
        let bits: Vec<u16> = Feature::ALL.iter().map(|f| feature_bit(*f)).collect();
        let all = bits.iter().fold(0u16, |acc, bit| acc | bit);
        assert_eq!(all.count_ones() as usize, Feature::ALL.len());
    }

    #[test]
    fn a_minimal_body_gets_the_defaults() {
        let profile = Profile::from_json(&json!({"use_case": "rest_api"})).unwrap();
        assert_eq!(profile.use_case(), UseCase::RestApi);
        assert_eq!(profile.limit(), Limit::DEFAULT);
        assert!(profile.priorities().is_empty());
        assert_eq!(profile.deployment(), None);
    }

    #[test]
    fn every_field_error_is_reported_and_lists_valid_values() {
        let errors = Profile::from_json(&json!({
            "priorities": ["speed"],
            "languages": ["cobol", "go"],
            "required_features": "orm",
            "deployment": "mainframe",
            "limit": 11,
            "colour": "blue"
        }))
        .unwrap_err();
        let field = |name: &str| errors.iter().find(|e| e.field == name);
        assert!(field("use_case").unwrap().message.contains("rest_api"));
        assert!(
            field("priorities[0]")
                .unwrap()
                .message
                .contains("performance")
        );
        assert!(field("languages[0]").unwrap().message.contains("python"));
        assert!(field("required_features").is_some());
        assert!(field("deployment").unwrap().message.contains("serverless"));
        assert!(field("limit").unwrap().message.contains("1 to 10"));
        assert!(field("colour").unwrap().message.contains("use_case"));
        assert_eq!(errors.len(), 7);
    }

    #[test]
    fn repeated_values_are_kept_once_in_first_order() {
        let profile = Profile::from_json(&json!({
            "use_case": "realtime",
            "priorities": ["security", "performance", "security"],
            "languages": ["node", "javascript", "golang"],
            "limit": 10
        }))
        .unwrap();
        assert_eq!(
            profile.priorities().as_slice(),
            [Dimension::Security, Dimension::Performance]
        );
        assert_eq!(profile.languages(), [Language::Javascript, Language::Go]);
        assert_eq!(profile.limit().get(), 10);
    }

    #[test]
    fn null_means_absent_and_a_null_use_case_is_missing() {
        let profile = Profile::from_json(&json!({
            "use_case": "cms",
            "priorities": null,
            "required_features": null,
            "deployment": null,
            "limit": null
        }))
        .unwrap();
        assert_eq!(profile, Profile::new(UseCase::Cms));
        let errors = Profile::from_json(&json!({"use_case": null})).unwrap_err();
        assert_eq!(errors[0].field, "use_case");
    }

    #[test]
    fn a_whole_number_written_with_a_fraction_is_a_limit() {
        let profile = Profile::from_json(&json!({"use_case": "cms", "limit": 4.0})).unwrap();
        assert_eq!(profile.limit().get(), 4);
    }

    #[test]
    fn limits_outside_one_to_ten_are_refused() {
        for limit in [
            json!(0),
            json!(11),
            json!(2.5),
            json!(11.0),
            json!("3"),
            json!(-1),
            json!(1e300),
        ] {
            let body = json!({"use_case": "cms", "limit": limit});
            assert!(Profile::from_json(&body).is_err(), "{body}");
        }
    }

    #[test]
    fn filters_exclude_with_reasons() {
        let catalog = load_frameworks().unwrap();
        let profile = Profile::new(UseCase::DataDriven)
            .with_languages([Language::Python])
            .with_required_features([Feature::AdminPanel, Feature::Websockets]);
        let result = recommend(&catalog, &profile);
        assert!(result.recommendations.is_empty());
        assert_eq!(result.considered, 0);
        assert_eq!(result.excluded.len(), catalog.len());
        let django = result
            .excluded
            .iter()
            .find(|e| e.framework.id.as_str() == "django")
            .unwrap();
        assert_eq!(django.reason(), "it lacks the required websockets");
        let rails = result
            .excluded
            .iter()
            .find(|e| e.framework.id.as_str() == "rails")
            .unwrap();
        assert!(rails.reason().contains("ruby"));
        assert!(rails.reason().contains("admin_panel"));
    }

    #[test]
    fn breakdown_adds_up_to_the_score_and_reasons_name_the_lead() {
        let catalog = load_frameworks().unwrap();
        let profile = Profile::new(UseCase::Serverless)
            .with_priorities([Dimension::Performance])
            .with_deployment(Some(Deployment::Serverless))
            .with_limit(Limit::new(5).unwrap());
        let result = recommend(&catalog, &profile);
        assert_eq!(result.recommendations.len(), 5);
        for item in &result.recommendations {
            let sum: f64 = item.breakdown.values().sum();
            assert!((sum - item.score).abs() < 0.051, "{item:?}");
            assert_eq!(item.breakdown.len(), 3);
        }
        let first = &result.recommendations[0];
        assert!(first.reasons.iter().any(|r| r.contains("performance 5/5")));
        assert!(first.reasons.iter().any(|r| r.contains("serverless_fit")));
    }

    #[test]
    fn serialised_exclusions_carry_id_and_reason() {
        let catalog = load_frameworks().unwrap();
        let profile = Profile::new(UseCase::Cms).with_languages([Language::Php]);
        let json = serde_json::to_value(recommend(&catalog, &profile)).unwrap();
        let excluded = json["excluded"].as_array().unwrap();
        assert_eq!(excluded.len(), catalog.len() - 2);
        assert!(excluded[0]["id"].is_string());
        assert!(
            excluded[0]["reason"]
                .as_str()
                .unwrap()
                .contains("written in")
        );
        assert_eq!(json["considered"], 2);
    }
}
