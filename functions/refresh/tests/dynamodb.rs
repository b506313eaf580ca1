//! The refresh storing its facts in DynamoDB (moto on 127.0.0.1): what one run writes the
//! next reads back, validators included, and a failing registry's facts survive in the table.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::sync::Arc;
use std::time::Duration;

use dynamo::DynamoFacts;
use dynamo::moto::{Moto, client};
use model::facts::{FactsStore, Registry};
use refresh::http::Http;
use refresh::registries::Bases;
use refresh::{Refresh, Verdict};
use support::{FakeRegistry, Fault, recorded_packages};

#[tokio::test]
async fn facts_round_trip_through_the_table_and_survive_a_failing_registry() {
    let moto = Moto::start();
    let client = client(&moto).await;
    dynamo::tables::create_facts(&client, "test-facts")
        .await
        .unwrap();
    let store: Arc<dyn FactsStore> = Arc::new(DynamoFacts::new(client, "test-facts"));
    let fake = FakeRegistry::start().await;
    let refresh = Refresh {
        http: Http::new(Duration::from_secs(5)).unwrap(),
        bases: Bases::fake(&fake.url),
        concurrency: 8,
        store: store.clone(),
    };
    let all = recorded_packages();

    let first = refresh.run(&all).await.unwrap();
    let written = store.all().await.unwrap();
    fake.fault("rubygems", Fault::Garbage);
    let second = refresh.run(&all).await.unwrap();
    let kept = store.all().await.unwrap();

    assert_eq!(
        first.count(Verdict::Fetched),
        all.len(),
        "{:?}",
        first.errors
    );
    assert_eq!(written.len(), all.len());
    // Validators were stored and sent back: every healthy registry answered 304.
    let on_rubygems = all
        .values()
        .filter(|package| package.registry == Registry::Rubygems)
        .count();
    assert_eq!(
        second.count(Verdict::Unchanged),
        all.len() - on_rubygems,
        "{:?}",
        second.errors
    );
    assert_eq!(second.count(Verdict::Failed), on_rubygems);
    for id in ["rails", "sinatra"] {
        assert_eq!(kept[id].releases, written[id].releases);
        assert_eq!(kept[id].latest, written[id].latest);
        assert!(kept[id].last_error.is_some());
    }
    assert_eq!(kept["axum"].releases, written["axum"].releases);
}
