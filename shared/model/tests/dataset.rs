//! The embedded catalog is complete, consistent and inside the vocabulary.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;

use model::dataset::load_frameworks;
use model::{Dimension, Language};

#[path = "support/catalog.rs"]
mod catalog;
use catalog::catalog_ids;

#[test]
fn the_catalog_loads_through_the_same_checks_as_an_admin_write() {
    // load_frameworks runs every item through FrameworkSpec::from_json: vocabulary, rating
    // ranges, https URLs, non-empty texts and lists, unique ids.
    let frameworks = load_frameworks().unwrap();
    // Issue 27: at least 60 frameworks across at least 13 languages.
    assert!(frameworks.len() >= 60, "{} frameworks", frameworks.len());
    let languages: BTreeSet<Language> = frameworks.iter().map(|f| f.spec.language).collect();
    assert!(languages.len() >= 13, "{languages:?}");
}

#[test]
fn every_framework_the_article_names_is_in_the_catalog() {
    let ids = catalog_ids();
    for id in [
        "koa",
        "django",
        "laravel",
        "spring-boot",
        "rails",
        "aspnet-core",
        "express",
        "flask",
        "fiber",
        "nestjs",
        "fastapi",
        "gin",
    ] {
        assert!(ids.contains(id), "{id} is missing");
    }
}

#[test]
fn every_language_of_the_vocabulary_has_a_framework() {
    let languages: BTreeSet<Language> = load_frameworks()
        .unwrap()
        .iter()
        .map(|f| f.spec.language)
        .collect();
    for language in Language::ALL {
        assert!(languages.contains(language), "no {language} framework");
    }
}

#[test]
fn every_rating_has_a_one_line_rationale() {
    for framework in load_frameworks().unwrap() {
        for dimension in Dimension::ALL {
            let note = framework.spec.rating_notes.get(dimension);
            assert!(
                note.is_some_and(|n| !n.trim().is_empty() && !n.contains('\n')),
                "{} has no rationale for {dimension}",
                framework.id
            );
        }
    }
}

#[test]
fn every_framework_has_complete_metadata() {
    for framework in load_frameworks().unwrap() {
        let spec = &framework.spec;
        assert!(
            (1990..=2025).contains(&spec.first_release),
            "{}",
            framework.id
        );
        assert!(spec.repository.starts_with("https://"), "{}", framework.id);
        assert!(
            !spec.strengths.is_empty() && !spec.weaknesses.is_empty(),
            "{}",
            framework.id
        );
        assert!(!spec.sources.is_empty(), "{}", framework.id);
        assert!(
            framework.version >= 1 && !framework.updated_at.is_empty(),
            "{}",
            framework.id
        );
    }
}

#[test]
fn ratings_are_differentiated_not_flat() {
    for dimension in Dimension::ALL {
        let distinct: BTreeSet<u8> = load_frameworks()
            .unwrap()
            .iter()
            .map(|f| f.spec.ratings.score(*dimension))
            .collect();
        assert!(distinct.len() >= 3, "{dimension} uses only {distinct:?}");
    }
}
