//! The refresh against a fake registry on this machine serving the recorded documents:
//! every framework gets facts, a second run is answered `304`, and a registry that fails,
//! answers garbage, a truncated document or too slowly loses nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use model::facts::{Facts, FactsStore, MemoryFacts, Package, Publication, Registry, publications};
use refresh::http::Http;
use refresh::registries::Bases;
use refresh::{Refresh, Verdict};
use support::{FakeRegistry, Fault, recorded_packages};

fn refresh_against(fake: &FakeRegistry, store: Arc<dyn FactsStore>, timeout: Duration) -> Refresh {
    Refresh {
        http: Http::new(timeout).unwrap(),
        bases: Bases::fake(&fake.url),
        concurrency: 8,
        store,
    }
}

/// A fake registry, a store and a refresh between them that has run once over every recorded
/// package (`all`); `facts` is what that run stored.
struct AfterOneRun {
    fake: FakeRegistry,
    store: Arc<MemoryFacts>,
    refresh: Refresh,
    all: BTreeMap<String, Package>,
    facts: BTreeMap<String, Facts>,
}

async fn after_one_run(timeout: Duration) -> AfterOneRun {
    let fake = FakeRegistry::start().await;
    let store = Arc::new(MemoryFacts::default());
    let refresh = refresh_against(&fake, store.clone(), timeout);
    let all = recorded_packages();
    refresh.run(&all).await.unwrap();
    let facts = store.all().await.unwrap();
    AfterOneRun {
        fake,
        store,
        refresh,
        all,
        facts,
    }
}

fn without_dates(mut facts: Facts) -> Facts {
    facts.as_of.clear();
    facts.last_error = None;
    facts
}

#[tokio::test]
async fn every_framework_gets_the_facts_its_registry_published() {
    let fake = FakeRegistry::start().await;
    let store = Arc::new(MemoryFacts::default());
    let all = recorded_packages();
    let report = refresh_against(&fake, store.clone(), Duration::from_secs(5))
        .run(&all)
        .await
        .unwrap();

    assert_eq!(report.errors, BTreeMap::new());
    assert_eq!(report.count(Verdict::Fetched), all.len());
    let stored = store.all().await.unwrap();
    assert_eq!(stored.len(), all.len());
    for (id, facts) in &stored {
        assert!(facts.latest.is_some(), "{id} has no latest stable release");
        assert!(!facts.releases.is_empty(), "{id}");
        assert!(
            facts.source.starts_with(&fake.url),
            "{id}: {}",
            facts.source
        );
    }
    // The latest stable version picked by version order agrees with what the registries
    // themselves call latest in the recorded documents (npm's dist-tag, PyPI's info).
    let latest = |id: &str| stored[id].latest.clone().unwrap();
    assert_eq!(latest("express").version, "5.3.0");
    assert_eq!(latest("nestjs").version, "12.6.3");
    assert_eq!(latest("django").version, "6.1.3");
    assert_eq!(latest("flask").version, "3.1.3");
    assert_eq!(latest("axum").version, "0.8.9");
    assert_eq!(latest("axum").date, "2026-04-14");
    assert_eq!(stored["express"].license.as_deref(), Some("MIT"));
    assert_eq!(stored["django"].license.as_deref(), Some("BSD-3-Clause"));
    assert_eq!(stored["laravel"].latest.clone().unwrap().version, "v12.0.0");
    assert_eq!(stored["gin"].releases.len(), 3);
}

#[tokio::test]
async fn a_second_run_is_answered_not_modified_and_only_dates_the_facts() {
    let AfterOneRun {
        fake,
        store,
        refresh,
        all,
        facts: first,
    } = after_one_run(Duration::from_secs(5)).await;

    let report = refresh.run(&all).await.unwrap();

    assert_eq!(report.count(Verdict::Unchanged), all.len(), "{report:?}");
    assert_eq!(fake.not_modified_answers(), all.len());
    let second = store.all().await.unwrap();
    for (id, facts) in first {
        assert_eq!(without_dates(facts), without_dates(second[&id].clone()));
    }
}

#[tokio::test]
async fn a_failing_registry_loses_nothing_and_never_fails_the_others() {
    let AfterOneRun {
        fake,
        all,
        facts: before,
        ..
    } = after_one_run(Duration::from_secs(1)).await;

    fake.fault("npm", Fault::Status(503));
    fake.fault("pypi", Fault::Garbage);
    fake.fault("hex", Fault::Truncated);
    fake.fault("crates", Fault::Slow(Duration::from_secs(3)));
    // A second store holding the same facts but no validators, so that the healthy
    // registries answer in full rather than 304 and every framework is read again.
    let fresh_validators: BTreeMap<_, _> = before
        .iter()
        .map(|(id, facts)| {
            let mut facts = facts.clone();
            facts.validators = Default::default();
            (id.clone(), facts)
        })
        .collect();
    let store = Arc::new(MemoryFacts::new(fresh_validators));
    let refresh = refresh_against(&fake, store.clone(), Duration::from_secs(1));
    let report = refresh.run(&all).await.unwrap();

    let failing_registries = ["npm", "pypi", "hex", "crates"];
    let after = store.all().await.unwrap();
    assert_eq!(after.len(), all.len());
    for (id, package) in &all {
        let facts = &after[id];
        if failing_registries.contains(&package.registry.to_string().as_str()) {
            assert_eq!(report.outcomes[id], Verdict::Failed, "{id}");
            let error = facts.last_error.as_ref().expect("the failure is marked");
            assert!(!error.message.is_empty() && !error.at.is_empty(), "{id}");
            assert_eq!(
                facts.as_of, before[id].as_of,
                "{id}: as_of stays the last success"
            );
            assert_eq!(facts.releases, before[id].releases, "{id}");
            assert_eq!(facts.latest, before[id].latest, "{id}");
            assert_eq!(facts.license, before[id].license, "{id}");
        } else {
            assert_eq!(report.outcomes[id], Verdict::Fetched, "{id}");
            assert!(facts.last_error.is_none(), "{id}");
        }
    }
    assert!(
        report.errors["express"].contains("503"),
        "{}",
        report.errors["express"]
    );
    assert!(
        report.errors["django"].contains("cannot read"),
        "{}",
        report.errors["django"]
    );
    assert!(
        report.errors["axum"].contains("within"),
        "{}",
        report.errors["axum"]
    );

    // Healed, the next run clears the marks.
    fake.heal();
    let report = refresh.run(&all).await.unwrap();
    assert_eq!(report.count(Verdict::Failed), 0, "{:?}", report.errors);
    assert!(
        store
            .all()
            .await
            .unwrap()
            .values()
            .all(|facts| facts.last_error.is_none())
    );
}

#[tokio::test]
async fn a_registry_failing_before_any_success_stores_nothing_for_it() {
    let fake = FakeRegistry::start().await;
    fake.fault("maven", Fault::Status(500));
    let store = Arc::new(MemoryFacts::default());
    let all = recorded_packages();
    let on_maven = all
        .values()
        .filter(|package| package.registry == Registry::Maven)
        .count();
    let report = refresh_against(&fake, store.clone(), Duration::from_secs(5))
        .run(&all)
        .await
        .unwrap();

    assert!(on_maven > 0);
    assert_eq!(report.count(Verdict::Failed), on_maven);
    let stored = store.all().await.unwrap();
    assert_eq!(stored.len(), all.len() - on_maven);
    assert!(!stored.contains_key("spring-boot"));
}

/// The budget: the whole catalog in under 60 s of Lambda time against registries
/// 200 ms away. Measured, and printed for the README.
#[tokio::test]
async fn the_whole_catalog_refreshes_well_within_a_minute_at_200_ms_a_call() {
    let fake = FakeRegistry::start().await;
    fake.latency(Duration::from_millis(200));
    let store = Arc::new(MemoryFacts::default());
    let started = Instant::now();
    let all = recorded_packages();
    let report = refresh_against(&fake, store, Duration::from_secs(10))
        .run(&all)
        .await
        .unwrap();
    let elapsed = started.elapsed();

    eprintln!(
        "refresh of {} frameworks, {} requests at 200 ms each: {:.2} s",
        report.outcomes.len(),
        fake.requests(),
        elapsed.as_secs_f64()
    );
    assert_eq!(report.count(Verdict::Fetched), all.len());
    assert!(elapsed < Duration::from_secs(60), "{elapsed:?}");
}

#[tokio::test]
async fn a_framework_on_no_registry_is_reported_as_such_and_never_requested() {
    let fake = FakeRegistry::start().await;
    let store = Arc::new(MemoryFacts::default());
    let recorded = recorded_packages();
    let catalog: BTreeMap<String, Publication> = publications()
        .unwrap()
        .into_iter()
        .filter(|(id, publication)| {
            recorded.contains_key(id) || matches!(publication, Publication::NoRegistry(_))
        })
        .collect();
    let without: Vec<&String> = catalog
        .iter()
        .filter(|(_, publication)| matches!(publication, Publication::NoRegistry(_)))
        .map(|(id, _)| id)
        .collect();
    let refresh = refresh_against(&fake, store.clone(), Duration::from_secs(5));

    let report = refresh.run_catalog(&catalog).await.unwrap();

    assert!(without.iter().any(|id| *id == "drogon"), "{without:?}");
    assert_eq!(report.outcomes.len(), catalog.len());
    assert_eq!(report.count(Verdict::NoRegistry), without.len());
    assert_eq!(report.count(Verdict::Fetched), recorded.len());
    assert_eq!(report.errors, BTreeMap::new());
    let stored = store.all().await.unwrap();
    for id in &without {
        assert_eq!(report.outcomes[*id], Verdict::NoRegistry, "{id}");
        assert!(!stored.contains_key(*id), "{id}");
    }
    // Only the recorded packages were asked for: one run over them alone asks as often.
    let asked = fake.requests();
    refresh_against(
        &fake,
        Arc::new(MemoryFacts::default()),
        Duration::from_secs(5),
    )
    .run(&recorded)
    .await
    .unwrap();
    assert_eq!(fake.requests(), 2 * asked);
    let metrics = refresh::metrics::emf(&report);
    assert_eq!(metrics["RegistryFailures"], 0);
}
