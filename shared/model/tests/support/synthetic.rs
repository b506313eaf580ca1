//! Frameworks made up for property tests and benchmarks: every required field filled with
//! fixed text, so that only what the caller varies (language, features, use cases, ratings)
//! can move a comparison or a recommendation; and catalogs of any size made of real entries.
//! Included by path from `tests/`, `benches/` and the `dynamo` crate's read-cost example.

use std::collections::BTreeMap;

use model::{
    Category, Deployment, Dimension, Feature, Framework, FrameworkSpec, Language, Limit, Profile,
    Ratings, Slug, Source, UseCase,
};

/// A valid framework with the given id, name and traits; category `micro`, released 2020.
/// `ratings` must rate every dimension 1..=5.
#[allow(dead_code)] // Not every includer makes frameworks up.
pub(crate) fn synthetic_framework(
    id: &str,
    name: String,
    language: Language,
    features: Vec<Feature>,
    use_cases: Vec<UseCase>,
    ratings: BTreeMap<Dimension, u8>,
) -> Framework {
    Framework {
        id: Slug::parse(id).unwrap(),
        spec: std::sync::Arc::new(FrameworkSpec {
            name,
            language,
            category: Category::Micro,
            description: "A generated framework.".into(),
            first_release: 2020,
            license: "MIT".into(),
            website: "https://example.org".into(),
            repository: "https://example.org/repo".into(),
            features,
            use_cases,
            ratings: Ratings::try_from(ratings).unwrap(),
            rating_notes: BTreeMap::new(),
            strengths: vec!["generated".into()],
            weaknesses: vec!["generated".into()],
            sources: vec![Source {
                title: "generator".into(),
                url: None,
            }],
            evidence: BTreeMap::new(),
        }),
        version: 1,
        updated_at: "2026-01-01T00:00:00Z".into(),
    }
}

/// `n` frameworks made of real ones, in id order as the stores hand them out: the first `n`
/// of `real` while they last, then copies under new ids (`<id>-copy-<k>`) and names, so that
/// item sizes and text stay those of real entries.
#[allow(dead_code)] // Not every includer grows catalogs.
pub(crate) fn grown_catalog(real: &[Framework], n: usize) -> Vec<Framework> {
    let mut catalog: Vec<Framework> = real
        .iter()
        .cycle()
        .take(n)
        .enumerate()
        .map(|(i, framework)| {
            let round = i / real.len();
            let mut copy = framework.clone();
            if round > 0 {
                copy.id = Slug::parse(&format!("{}-copy-{round}", framework.id)).unwrap();
                std::sync::Arc::make_mut(&mut copy.spec).name =
                    format!("{} {round}", framework.spec.name);
            }
            copy
        })
        .collect();
    catalog.sort_by(|a, b| a.id.cmp(&b.id));
    catalog
}

/// A profile that exercises every factor: priorities, deployment, a language filter.
#[allow(dead_code)] // Not every includer recommends.
pub(crate) fn full_profile() -> Profile {
    Profile::new(UseCase::Microservices)
        .with_priorities([
            Dimension::Performance,
            Dimension::TypeSafety,
            Dimension::ServerlessFit,
        ])
        .with_languages([
            Language::Go,
            Language::Rust,
            Language::Python,
            Language::Java,
        ])
        .with_deployment(Some(Deployment::Serverless))
        .with_limit(Limit::new(5).unwrap())
}
