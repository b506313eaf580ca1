//! `shared/model/data/facts.json`, the facts the embedded store serves offline, is exactly
//! what the refresh reads from the recorded registry documents, with each fact's source
//! named by its registry's real URL and its date the day the documents were taken. The
//! hand-written documents' facts say so (`note`). `UPDATE_RECORDED_FACTS=1` rewrites the
//! file after a change to the fixtures or the adapters.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use model::facts::{Facts, FactsStore, MemoryFacts, Registry, Validators};
use refresh::http::Http;
use refresh::registries::Bases;
use refresh::{Refresh, Verdict};
use support::{FakeRegistry, recorded_packages};

/// When the live documents were taken (functions/refresh/fixtures/README.md).
const RECORDED_AT: &str = "2026-12-05T20:29:18Z";

const HAND_WRITTEN: &str = "Written by hand in the registry's documented format, not a registry's answer: \
     a few major releases, dates approximate (functions/refresh/fixtures/README.md).";

fn live(registry: Registry) -> bool {
    matches!(registry, Registry::Npm | Registry::Pypi | Registry::Crates)
}

#[tokio::test]
async fn the_embedded_facts_are_what_the_refresh_reads_from_the_recorded_documents() {
    let fake = FakeRegistry::start().await;
    let store = Arc::new(MemoryFacts::default());
    let refresh = Refresh {
        http: Http::new(Duration::from_secs(5)).unwrap(),
        bases: Bases::fake(&fake.url),
        concurrency: 8,
        store: store.clone(),
    };
    let report = refresh.run(&recorded_packages()).await.unwrap();
    assert_eq!(
        report.count(Verdict::Fetched),
        recorded_packages().len(),
        "{:?}",
        report.errors
    );

    let read: BTreeMap<String, Facts> = store
        .all()
        .await
        .unwrap()
        .into_iter()
        .map(|(id, mut facts)| {
            let fake_base = Bases::fake(&fake.url).base(facts.registry);
            facts.source = facts
                .source
                .replacen(&fake_base, facts.registry.origin(), 1);
            facts.as_of = RECORDED_AT.to_owned();
            facts.validators = Validators::default();
            if !live(facts.registry) {
                facts.note = Some(HAND_WRITTEN.to_owned());
            }
            (id, facts)
        })
        .collect();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/model/data/facts.json"
    );
    if std::env::var_os("UPDATE_RECORDED_FACTS").is_some() {
        let mut text = serde_json::to_string_pretty(&read).unwrap();
        text.push('\n');
        std::fs::write(path, text).unwrap();
    }
    assert_eq!(
        model::facts::recorded().unwrap(),
        read,
        "shared/model/data/facts.json is stale: run with UPDATE_RECORDED_FACTS=1"
    );
}
