//! The evidence behind the catalog's ratings: joined to frameworks that exist, dated, sourced,
//! and never contradicting a performance rating without saying why.

#![allow(clippy::unwrap_used)]

use model::dataset::{EVIDENCE_JSON, FRAMEWORKS_JSON, load_frameworks, parse_frameworks};
use model::evidence::Day;
use model::framework::performance_inversions;
use serde_json::Value;

/// Our own measurements have no public address; every other source has an https one.
const OWN_BENCH: &str = "Stack Advisor shared bench";

/// The catalog's frameworks that the team's shared bench (`../shared/bench/run-peers.sh`)
/// runs beside this project, and the benchmark key of the one endpoint all of them serve
/// alike (`GET /frameworks/django`, a stored document as JSON).
const SHARED_BENCH_PEERS: [&str; 3] = ["express", "fastapi", "flask"];
const SHARED_BENCH_KEY: &str = "stack-advisor-bench-get-framework";

#[test]
fn every_evidence_key_names_a_framework_and_a_dimension_of_the_catalog() {
    // load_frameworks refuses an unknown framework id, and the reader an unknown dimension.
    let frameworks = load_frameworks().unwrap();
    let evidence: serde_json::Map<String, Value> = serde_json::from_str(EVIDENCE_JSON).unwrap();
    for (id, by_dimension) in &evidence {
        let framework = frameworks.iter().find(|f| f.id.as_str() == id).unwrap();
        assert_eq!(
            framework.spec.evidence.len(),
            by_dimension.as_object().unwrap().len(),
            "{id}"
        );
    }
    let stray = r#"{"no-such-framework": {}}"#;
    let error = parse_frameworks(FRAMEWORKS_JSON, stray).unwrap_err();
    assert!(error.to_string().contains("no-such-framework"), "{error}");
    let typo = r#"{"django": {"perf": []}}"#;
    let error = parse_frameworks(FRAMEWORKS_JSON, typo).unwrap_err();
    assert!(error.to_string().contains("evidence.perf"), "{error}");
}

#[test]
fn every_evidence_item_is_dated_and_its_source_is_https_or_our_own_bench() {
    let frameworks = load_frameworks().unwrap();
    let mut items = 0;
    for framework in &frameworks {
        for (dimension, evidence) in &framework.spec.evidence {
            for item in evidence {
                items += 1;
                let at = format!("{} {dimension}", framework.id);
                assert!(Day::parse(item.date.as_str()).is_ok(), "{at}");
                match &item.source.url {
                    Some(url) => assert!(url.starts_with("https://"), "{at}: {url}"),
                    None => assert!(item.source.title.starts_with(OWN_BENCH), "{at}"),
                }
                if item.benchmark.is_some() {
                    assert!(
                        item.figure.is_some(),
                        "{at}: a benchmark key without a figure"
                    );
                }
            }
        }
    }
    assert!(items > 0, "no evidence at all");
}

#[test]
fn a_higher_benchmark_figure_never_carries_a_lower_performance_rating_without_a_reason() {
    let inversions = performance_inversions(&load_frameworks().unwrap());
    let listed: Vec<String> = inversions.iter().map(ToString::to_string).collect();
    assert!(inversions.is_empty(), "{}", listed.join("\n"));
}

#[test]
fn every_framework_the_shared_bench_measures_shows_the_figure_behind_its_performance_rating() {
    let frameworks = load_frameworks().unwrap();
    let mut days = Vec::new();
    for peer in SHARED_BENCH_PEERS {
        let framework = frameworks.iter().find(|f| f.id.as_str() == peer).unwrap();
        let measured: Vec<_> = framework
            .spec
            .evidence
            .get(&model::Dimension::Performance)
            .into_iter()
            .flatten()
            .filter(|item| {
                item.benchmark.as_ref().map(|key| key.as_str()) == Some(SHARED_BENCH_KEY)
            })
            .collect();
        assert_eq!(
            measured.len(),
            1,
            "{peer}: one figure from the shared bench"
        );
        let item = measured[0];
        assert!(item.figure.is_some(), "{peer}: a figure");
        assert!(item.source.title.starts_with(OWN_BENCH), "{peer}");
        days.push(item.date.as_str().to_owned());
    }
    // Figures are compared with each other: they must come from one run, not three.
    days.dedup();
    assert_eq!(
        days.len(),
        1,
        "the peers' figures come from runs on {days:?}"
    );
}
