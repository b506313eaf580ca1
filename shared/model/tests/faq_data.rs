//! The FAQ knowledge base is complete and consistent with the catalog.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;

use model::Topic;
use model::dataset::load_faq;

#[path = "support/catalog.rs"]
mod catalog;
use catalog::catalog_ids;

#[test]
fn every_related_framework_is_in_the_catalog() {
    let catalog = catalog_ids();
    let mut missing = Vec::new();
    for entry in load_faq().unwrap() {
        for id in &entry.related_frameworks {
            if !catalog.contains(id.as_str()) {
                missing.push(format!("{} → {id}", entry.id));
            }
        }
    }
    assert!(missing.is_empty(), "unknown catalog ids: {missing:?}");
}

#[test]
fn the_knowledge_base_covers_the_required_questions() {
    let entries = load_faq().unwrap();
    assert!(entries.len() >= 30, "only {} entries", entries.len());
    let ids: BTreeSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    // The article's FAQ, the basics, the Python trio and the high-performance trio.
    for required in [
        "node-or-django",
        "fastest-growing-backend-language",
        "django-or-spring-boot",
        "django-for-microservices",
        "fastest-backend-frameworks",
        "fastapi-vs-django",
        "fastest-api-framework",
        "csharp-vs-java-performance",
        "what-is-backend-framework",
        "frontend-vs-backend-frameworks",
        "how-to-choose-backend-framework",
        "django-overview",
        "flask-overview",
        "fastapi-overview",
        "high-performance-frameworks",
        "go-fiber-overview",
        "express-overview",
    ] {
        assert!(ids.contains(required), "missing entry '{required}'");
    }
    for topic in ["basics", "choosing", "performance", "languages", "trends"] {
        assert!(
            entries.iter().any(|e| e.topic.as_str() == topic),
            "no entry in topic '{topic}'"
        );
    }
    assert!(
        entries
            .iter()
            .all(|e| Topic::NAMES.contains(&e.topic.as_str()))
    );
}

#[test]
fn each_trend_answer_says_how_this_system_embodies_it() {
    let entries = load_faq().unwrap();
    for (id, evidence) in [
        ("trend-serverless", "Lambda"),
        ("trend-microservices", "four independently deployable"),
        ("trend-ai-integration", "rule-based"),
        ("trend-cloud-native", "Terraform"),
    ] {
        let entry = entries.iter().find(|e| e.id.as_str() == id).unwrap();
        assert_eq!(entry.topic, Topic::Trends);
        assert!(
            entry.answer.contains("Stack Advisor"),
            "{id} does not speak about this system"
        );
        assert!(entry.answer.contains(evidence), "{id} lacks '{evidence}'");
    }
}
