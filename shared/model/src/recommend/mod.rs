//! An explained shortlist of frameworks for a project profile.
//!
//! # Filters
//! `languages` and `required_features` are hard filters, applied first: a framework in
//! another language, or lacking a required feature, is excluded and the exclusion says which.
//!
//! `excluded_frameworks` removes frameworks by id, whatever else matches; an exclusion wins
//! over a preference. `preferred_frameworks` that pass the filters are ranked ahead of the
//! rest (among themselves, by score), and say so in their reasons.
//!
//! # Score (0..100)
//! Every framework that passes is scored from three factors, each a fraction in 0..1 turned
//! into points:
//!
//! | factor | what it measures | points (with / without `deployment`) |
//! |---|---|---|
//! | `use_case_fit` | half: the framework lists the use case; a quarter: the share of the use case's key features it ships; a quarter: its mean rating on the use case's key dimensions | 40 / 45 |
//! | `priorities` | weighted mean rating with the weights of [`crate::Priorities::weights`] (first of `k` weighs `k`, …, last 1; none → all dimensions equally) | 45 / 55 |
//! | `deployment_fit` | `serverless`: `serverless_fit` (cold start, footprint); `containers`: mean of `serverless_fit` and `scalability`; `servers`: mean of `performance` and `scalability` | 15 / — |
//!
//! A rating `r` counts as `(r - 1) / 4`, so 1 is worth nothing and 5 everything.
//! The ranking is preferred frameworks first, then by score rounded to one decimal, best
//! first, then by id: the same profile over the same catalog always gives the same list.
//!
//! # Explanations
//! Reasons and caveats are derived from the same numbers: the factor that most separates a
//! framework from the next one down, its ratings on the user's priorities, the use case's key
//! features it ships or lacks, and its deployment fit. Each is a sentence a person reads, in
//! the labels of the pages, with the facts it states beside it ([`Explanation`]).

mod described;
mod explain;
mod explanation;
mod output;
mod profile;
mod scoring;

pub use described::{Account, DEFAULT_USE_CASE, FieldReading};
pub use explanation::{Explanation, Kind, Rating, TieBreak};
pub use output::{Advice, Exclusion, Recommendation, Recommendations};
pub use profile::{Limit, Profile, ProfileRead};

use crate::framework::Framework;
use explain::Standing;
use scoring::{Points, Scorer, Traits, feature_bit};

/// Ranks `catalog` for `profile`. `catalog` may be in any order; the result does not depend
/// on it.
pub fn recommend<'a>(catalog: &'a [Framework], profile: &Profile) -> Recommendations<'a> {
    let scorer = Scorer::new(profile);
    let wanted_features = profile
        .required_features()
        .iter()
        .fold(0u16, |bits, f| bits | feature_bit(*f));

    let mut excluded = Vec::new();
    // Only (score, position) per candidate: 8 bytes each keeps 10,000 of them in cache, and
    // the handful that make the shortlist are scored again for their explanations.
    let mut scored: Vec<(u32, u32)> = Vec::with_capacity(catalog.len());
    for (position, framework) in catalog.iter().enumerate() {
        let named_out = profile.excluded_frameworks().contains(&framework.id);
        let language = framework.spec.language;
        let ruled_out = profile.excluded_languages().contains(&language);
        let wrong_language = (ruled_out
            || (!profile.languages().is_empty() && !profile.languages().contains(&language)))
        .then_some(language);
        // The language sits in the framework itself; ratings and features are behind
        // pointers, so a framework the language filter removes is never read further.
        let traits = (wrong_language.is_none() && !named_out).then(|| Traits::of(framework));
        match traits {
            Some(traits) if traits.features & wanted_features == wanted_features => {
                // A preference ranks above any score: scores are at most 1,000 tenths, so
                // one bit above them sorts every preferred framework first.
                let preferred = profile.preferred_frameworks().contains(&framework.id);
                let key = scorer.score(framework, &traits).total.0 | (u32::from(preferred) << 16);
                scored.push((key, position as u32));
            }
            _ => excluded.push(Exclusion {
                framework,
                named_out,
                wrong_language,
                ruled_out,
                missing_features: profile
                    .required_features()
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
    let keep = (profile.limit().get() + 1).min(scored.len());
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

    let shortlist = profile.limit().get().min(finalists.len());
    let recommendations = (0..shortlist)
        .map(|index| {
            let (framework, traits, points) = &finalists[index];
            let standing = Standing {
                profile,
                scorer: &scorer,
                framework,
                traits,
                points,
                next: finalists.get(index + 1).map(|(f, _, p)| (*f, *p)),
            };
            Recommendation {
                rank: index + 1,
                id: framework.id.clone(),
                name: framework.spec.name.clone(),
                score: points.total.as_f64(),
                reasons: standing.reasons(),
                caveats: standing.caveats(),
                breakdown: points.breakdown(&scorer),
            }
        })
        .collect();

    Recommendations {
        recommendations,
        excluded,
        considered,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::load_frameworks;
    use crate::vocab::{Deployment, Dimension, Feature, Language, UseCase};

    /// The exclusion of framework `id`, which the test expects to be excluded.
    fn exclusion<'r, 'a>(result: &'r Recommendations<'a>, id: &str) -> &'r Exclusion<'a> {
        result
            .excluded
            .iter()
            .find(|e| e.framework.id.as_str() == id)
            .unwrap_or_else(|| panic!("{id} is not excluded"))
    }

    /// The ids recommended, best first.
    fn ranked<'r>(result: &'r Recommendations<'_>) -> Vec<&'r str> {
        result
            .recommendations
            .iter()
            .map(|r| r.id.as_str())
            .collect()
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
        let django = exclusion(&result, "django");
        assert_eq!(django.reason(), "Lacks WebSockets, which you required.");
        let rails = exclusion(&result, "rails");
        assert_eq!(
            rails.reason(),
            "Written in Ruby, not one of the languages you asked for. \
             Lacks an admin panel, which you required."
        );
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
        let texts: Vec<&str> = first.reasons.iter().map(|r| r.text.as_str()).collect();
        assert!(
            texts
                .iter()
                .any(|r| r.contains("performance 5/5 (your first priority)")),
            "{texts:?}"
        );
        assert!(
            texts
                .iter()
                .any(|r| r.starts_with("Suits running serverless: serverless fit")),
            "{texts:?}"
        );
        let deployment = first
            .reasons
            .iter()
            .find(|r| r.kind == Kind::Deployment)
            .unwrap();
        assert_eq!(deployment.deployment, Some(Deployment::Serverless));
        assert_eq!(deployment.ratings[0].dimension, Dimension::ServerlessFit);
    }

    #[test]
    fn serialised_exclusions_carry_id_and_reason() {
        let catalog = load_frameworks().unwrap();
        let profile = Profile::new(UseCase::Cms).with_languages([Language::Php]);
        let php = catalog
            .iter()
            .filter(|f| f.spec.language == Language::Php)
            .count();
        let json = serde_json::to_value(recommend(&catalog, &profile)).unwrap();
        let excluded = json["excluded"].as_array().unwrap();
        assert_eq!(excluded.len(), catalog.len() - php);
        assert!(excluded[0]["id"].is_string());
        assert!(
            excluded[0]["reason"]
                .as_str()
                .unwrap()
                .contains("Written in")
        );
        assert_eq!(excluded[0]["named_out"], false);
        assert!(excluded[0]["language"].is_string());
        assert_eq!(excluded[0]["missing_features"], serde_json::json!([]));
        assert_eq!(json["considered"], php);
    }

    #[test]
    fn an_excluded_language_is_never_recommended_and_says_why() {
        let catalog = load_frameworks().unwrap();
        let profile = Profile::new(UseCase::Enterprise)
            .with_excluded_languages([Language::Java, Language::Kotlin])
            .with_limit(Limit::new(10).unwrap());
        let result = recommend(&catalog, &profile);
        let java = ["spring-boot", "quarkus", "micronaut", "ktor"];
        assert!(
            result
                .recommendations
                .iter()
                .all(|r| !java.contains(&r.id.as_str()))
        );
        let spring = exclusion(&result, "spring-boot");
        assert_eq!(spring.reason(), "Written in Java, which you ruled out.");
        assert_eq!(result.considered + result.excluded.len(), catalog.len());
    }

    #[test]
    fn frameworks_named_out_are_never_recommended_and_preferred_ones_come_first() {
        let catalog = load_frameworks().unwrap();
        let id = |raw: &str| crate::Slug::parse(raw).unwrap();
        let profile = Profile::new(UseCase::DataDriven)
            .with_languages([Language::Python])
            .with_preferred_frameworks([id("flask"), id("django")])
            .with_excluded_frameworks([id("django")]);
        assert_eq!(
            profile.preferred_frameworks(),
            [id("flask")],
            "exclusion wins"
        );
        let result = recommend(&catalog, &profile);
        assert_eq!(ranked(&result), ["flask", "fastapi", "litestar"]);
        assert_eq!(result.recommendations[0].reasons[0].kind, Kind::Preferred);
        let django = exclusion(&result, "django");
        assert_eq!(django.reason(), "Ruled out by name.");
    }

    /// Every sentence over every use case, deployment and a spread of priorities: no
    /// identifier (a lowercase word joined to another by `_`), a capital first and a full
    /// stop last, and the strings served as `reasons` are the texts of `reason_details`.
    #[test]
    fn explanations_read_as_sentences_without_identifiers() {
        let catalog = load_frameworks().unwrap();
        let identifier = |text: &str| {
            text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .any(|word| word.contains('_'))
        };
        let mut seen = 0;
        for use_case in UseCase::ALL {
            for deployment in [
                None,
                Some(Deployment::Serverless),
                Some(Deployment::Servers),
            ] {
                for priorities in [
                    &[][..],
                    &[Dimension::TypeSafety, Dimension::ServerlessFit][..],
                    Dimension::ALL,
                ] {
                    let profile = Profile::new(*use_case)
                        .with_priorities(priorities.iter().copied())
                        .with_deployment(deployment)
                        .with_limit(Limit::new(10).unwrap());
                    let result = recommend(&catalog, &profile);
                    let json = serde_json::to_value(&result).unwrap();
                    for (item, served) in result
                        .recommendations
                        .iter()
                        .zip(json["recommendations"].as_array().unwrap())
                    {
                        for (list, details) in
                            [("reasons", "reason_details"), ("caveats", "caveat_details")]
                        {
                            let texts: Vec<&serde_json::Value> = served[details]
                                .as_array()
                                .unwrap()
                                .iter()
                                .map(|d| &d["text"])
                                .collect();
                            let strings: Vec<&serde_json::Value> =
                                served[list].as_array().unwrap().iter().collect();
                            assert_eq!(texts, strings);
                        }
                        for text in item.reasons.iter().chain(&item.caveats).map(|e| &e.text) {
                            seen += 1;
                            assert!(!identifier(text), "{text}");
                            assert!(
                                text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()),
                                "{text}"
                            );
                            assert!(text.ends_with('.'), "{text}");
                        }
                    }
                }
            }
        }
        assert!(seen > 1000, "{seen}");
    }

    #[test]
    fn a_tie_says_what_orders_the_two_in_words() {
        let catalog = load_frameworks().unwrap();
        let mut ties = 0;
        for use_case in UseCase::ALL {
            let profile = Profile::new(*use_case).with_limit(Limit::new(10).unwrap());
            let result = recommend(&catalog, &profile);
            for pair in result.recommendations.windows(2) {
                if pair[0].score != pair[1].score {
                    continue;
                }
                ties += 1;
                let tie = pair[0]
                    .reasons
                    .iter()
                    .find(|r| r.kind == Kind::Tie)
                    .unwrap_or_else(|| panic!("{pair:#?}"));
                assert_eq!(tie.tie_break, Some(TieBreak::Alphabetical));
                assert_eq!(tie.framework.as_ref(), Some(&pair[1].id));
                assert!(tie.text.contains(&pair[1].name), "{}", tie.text);
                assert!(
                    tie.text
                        .ends_with("equal scores are listed alphabetically.")
                );
                assert!(pair[0].id < pair[1].id);
            }
        }
        assert!(ties > 0, "the catalog has no tie to explain");
    }
}
