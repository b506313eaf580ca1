//! Properties of compare and recommend over arbitrary catalogs and profiles.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use model::{
    Deployment, Dimension, Feature, Framework, Language, Limit, Priorities, Profile, Selection,
    Slug, UseCase, compare, recommend,
};
#[path = "support/synthetic.rs"]
mod synthetic;

use proptest::collection::{btree_set, vec};
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use synthetic::synthetic_framework;

fn framework(
    index: usize,
    language: Language,
    features: Vec<Feature>,
    use_cases: Vec<UseCase>,
    scores: Vec<u8>,
) -> Framework {
    let ratings: BTreeMap<Dimension, u8> = Dimension::ALL.iter().copied().zip(scores).collect();
    synthetic_framework(
        &format!("fw-{index:03}"),
        format!("Framework {index}"),
        language,
        features,
        use_cases,
        ratings,
    )
}

fn arb_framework_parts() -> impl Strategy<Value = (Language, Vec<Feature>, Vec<UseCase>, Vec<u8>)> {
    (
        select(Language::ALL),
        subsequence(Feature::ALL, 0..=Feature::ALL.len()),
        subsequence(UseCase::ALL, 1..=4),
        vec(1u8..=5, Dimension::ALL.len()),
    )
}

/// A catalog of 1..40 frameworks, sorted by id like every store's `catalog()`.
fn arb_catalog() -> impl Strategy<Value = Vec<Framework>> {
    vec(arb_framework_parts(), 1..40).prop_map(|parts| {
        parts
            .into_iter()
            .enumerate()
            .map(|(i, (language, features, use_cases, scores))| {
                framework(i, language, features, use_cases, scores)
            })
            .collect()
    })
}

fn arb_profile() -> impl Strategy<Value = Profile> {
    (
        select(UseCase::ALL),
        vec(select(Dimension::ALL), 0..10),
        btree_set(select(Language::ALL), 0..4),
        btree_set(select(Feature::ALL), 0..3),
        proptest::option::of(select(Deployment::ALL)),
        1usize..=10,
    )
        .prop_map(
            |(use_case, priorities, languages, features, deployment, limit)| {
                Profile::new(use_case)
                    .with_priorities(priorities)
                    .with_languages(languages)
                    .with_required_features(features)
                    .with_deployment(deployment)
                    .with_limit(Limit::new(limit).unwrap())
            },
        )
}

proptest! {
    #[test]
    fn scores_stay_in_range_and_add_up(catalog in arb_catalog(), profile in arb_profile()) {
        let result = recommend(&catalog, &profile);
        prop_assert!(result.recommendations.len() <= profile.limit().get());
        prop_assert_eq!(result.considered + result.excluded.len(), catalog.len());
        for (index, item) in result.recommendations.iter().enumerate() {
            prop_assert!(item.score.is_finite() && (0.0..=100.0).contains(&item.score), "{}", item.score);
            prop_assert_eq!(item.rank, index + 1);
            let sum: f64 = item.breakdown.values().sum();
            prop_assert!(item.breakdown.values().all(|p| p.is_finite() && *p >= 0.0));
            prop_assert!((sum - item.score).abs() < 0.051);
        }
        for pair in result.recommendations.windows(2) {
            prop_assert!(pair[0].score > pair[1].score
                || (pair[0].score == pair[1].score && pair[0].id < pair[1].id));
        }
    }

    #[test]
    fn hard_filters_are_never_violated(catalog in arb_catalog(), profile in arb_profile()) {
        let result = recommend(&catalog, &profile);
        let by_id: BTreeMap<&Slug, &Framework> = catalog.iter().map(|f| (&f.id, f)).collect();
        for item in &result.recommendations {
            let spec = &by_id[&item.id].spec;
            prop_assert!(profile.languages().is_empty() || profile.languages().contains(&spec.language));
            prop_assert!(profile.required_features().iter().all(|f| spec.has_feature(*f)));
        }
        for exclusion in &result.excluded {
            let spec = &exclusion.framework.spec;
            let wrong_language = !profile.languages().is_empty() && !profile.languages().contains(&spec.language);
            let missing = profile.required_features().iter().any(|f| !spec.has_feature(*f));
            prop_assert!(wrong_language || missing);
            prop_assert!(!exclusion.reason().is_empty());
        }
    }

    #[test]
    fn ranking_is_deterministic_whatever_the_catalog_order(catalog in arb_catalog(), profile in arb_profile()) {
        let first = recommend(&catalog, &profile);
        let mut reversed = catalog.clone();
        reversed.reverse();
        let second = recommend(&reversed, &profile);
        prop_assert_eq!(&first.recommendations, &second.recommendations);
        prop_assert_eq!(first.considered, second.considered);
        let ids = |r: &model::Recommendations<'_>| r.excluded.iter().map(|e| e.framework.id.clone()).collect::<Vec<_>>();
        prop_assert_eq!(ids(&first), ids(&second));
    }

    #[test]
    fn an_unmet_required_feature_never_adds_a_result(catalog in arb_catalog(), profile in arb_profile(), extra in select(Feature::ALL)) {
        let before = recommend(&catalog, &profile.clone().with_limit(Limit::new(10).unwrap()));
        let mut features = profile.required_features().to_vec();
        features.push(extra);
        let stricter = profile.clone().with_required_features(features).with_limit(Limit::new(10).unwrap());
        let after = recommend(&catalog, &stricter);
        prop_assert!(after.considered <= before.considered);
        prop_assert!(after.excluded.len() >= before.excluded.len());
        let kept: Vec<&Slug> = after.recommendations.iter().map(|r| &r.id).collect();
        for id in &kept {
            let spec = &catalog.iter().find(|f| &f.id == *id).unwrap().spec;
            prop_assert!(spec.has_feature(extra));
        }
    }

    #[test]
    fn comparing_b_a_mirrors_a_b(catalog in vec(arb_framework_parts(), 2..=4)
        .prop_map(|parts| parts.into_iter().enumerate()
            .map(|(i, (l, f, u, s))| framework(i, l, f, u, s)).collect::<Vec<_>>()),
        priorities in vec(select(Dimension::ALL), 0..10)) {
        let priorities = Priorities::new(priorities);
        let forward: Vec<&Framework> = catalog.iter().collect();
        let backward: Vec<&Framework> = catalog.iter().rev().collect();
        let ab = compare(&forward, &priorities);
        let ba = compare(&backward, &priorities);
        prop_assert_eq!(&ab.dimensions, &ba.dimensions);
        prop_assert_eq!(&ab.features, &ba.features);
        prop_assert_eq!(&ab.verdict, &ba.verdict);
        let mut mirrored = ba.frameworks.clone();
        mirrored.reverse();
        prop_assert_eq!(&ab.frameworks, &mirrored);
        for total in ab.verdict.totals.values() {
            prop_assert!(total.is_finite() && (1.0..=5.0).contains(total));
        }
        if let Some(winner) = &ab.verdict.winner {
            let best = ab.verdict.totals.values().copied().fold(f64::MIN, f64::max);
            prop_assert_eq!(ab.verdict.totals[winner], best);
        }
    }

    #[test]
    fn selections_accept_exactly_two_to_four_distinct_ids(ids in vec("[a-z]{1,6}", 0..7)) {
        let raw = ids.join(",");
        let distinct = ids.iter().collect::<std::collections::BTreeSet<_>>().len() == ids.len();
        let ok = !ids.is_empty() && distinct && (2..=4).contains(&ids.len());
        prop_assert_eq!(Selection::parse(&raw).is_ok(), ok, "{}", raw);
    }
}
