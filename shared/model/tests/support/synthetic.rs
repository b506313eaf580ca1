//! Frameworks made up for property tests and benchmarks: every required field filled with
//! fixed text, so that only what the caller varies (language, features, use cases, ratings)
//! can move a comparison or a recommendation. Included by path from `tests/` and `benches/`.

use std::collections::BTreeMap;

use model::{
    Category, Dimension, Feature, Framework, FrameworkSpec, Language, Ratings, Slug, Source,
    UseCase,
};

/// A valid framework with the given id, name and traits; category `micro`, released 2020.
/// `ratings` must rate every dimension 1..=5.
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
