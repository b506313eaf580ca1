//! The DynamoDB store against a real DynamoDB-compatible server (moto), through the same
//! catalog router the Lambda runs: CRUD, pagination, seeding, conditional writes under
//! contention, and an outage in the middle of a test.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use aws_sdk_dynamodb::types::AttributeValue;
use axum::http::StatusCode;
use dynamo::Client;
use dynamo::moto::{Moto, client, seeded, tables};
use model::{Dimension, FrameworkStore, ListQuery, MemoryStore, Sort};
use runtime::{Context, Settings, Stores};
use serde_json::{Value, json};
use testkit::catalog::{
    admin_write_lifecycle, delete, framework_body as draft, put, recreation_never_reuses_an_etag,
    version_of,
};
use testkit::dataset::{catalog_size, faq_size};
use testkit::{Reply, get, ids, send};

const TTL: Duration = Duration::from_secs(60);

/// A function context on DynamoDB, as `Stores::from_settings` builds it in Lambda.
fn context(client: &Client, cache_ttl: Duration) -> Context {
    let settings = Settings {
        allow_local_writes: true,
        cache_ttl,
        frameworks_table: Some(tables().frameworks),
        faq_table: Some(tables().faq),
        facts_table: None,
    };
    Context {
        stores: Stores::dynamodb(client, &tables(), cache_ttl),
        settings: Arc::new(settings),
    }
}

/// A fresh moto with the tables created and seeded, and a client for it.
async fn seeded_moto() -> (Moto, Client) {
    let moto = Moto::start();
    let client = client(&moto).await;
    seeded(&client).await;
    (moto, client)
}

/// How old a copy of the store may get in the outage tests before it is stale.
const STALE: Duration = Duration::from_secs(1);

/// [`seeded_moto`], and a context on it whose copies go stale after [`STALE`].
async fn seeded_moto_and_short_copies() -> (Moto, Client, Context) {
    let (moto, client) = seeded_moto().await;
    let context = context(&client, STALE);
    (moto, client, context)
}

/// Edits version 1 of django: its draft with `field` set to `value`.
async fn edit_django(app: &axum::Router, field: &str, value: &str) -> Reply {
    let mut edited = draft("django");
    edited[field] = json!(value);
    put(app, "django", ("if-match", "\"1\""), &edited).await
}

#[tokio::test]
async fn seeding_twice_changes_nothing_not_even_an_edited_version() {
    let moto = Moto::start();
    let client = client(&moto).await;
    let first = seeded(&client).await;
    assert_eq!(
        (first.frameworks_written, first.faq_written),
        (catalog_size(), faq_size())
    );

    let app = catalog::app(context(&client, TTL));
    let put = edit_django(&app, "name", "Django").await;
    assert_eq!(put.status, StatusCode::OK);
    let stored = async || {
        context(&client, TTL)
            .stores
            .frameworks
            .catalog()
            .await
            .unwrap()
    };
    let before = stored().await;

    let second = seeded(&client).await;
    assert_eq!((second.frameworks_written, second.faq_written), (0, 0));
    assert_eq!(
        (second.frameworks_present, second.faq_present),
        (catalog_size(), faq_size())
    );
    let after = stored().await;
    assert_eq!(before, after, "the second run wrote nothing");
    let django = after.iter().find(|f| f.id.as_str() == "django").unwrap();
    assert_eq!(django.version, 2, "the admin's edit survived the re-seed");

    let faq = context(&client, TTL).stores.faq.entries().await.unwrap();
    assert_eq!(*faq, model::dataset::load_faq().unwrap());
}

#[tokio::test]
async fn a_framework_goes_through_its_whole_life_over_http() {
    let (_moto, client) = seeded_moto().await;
    let app = catalog::app(context(&client, TTL));

    let read = send(&app, get("/frameworks/django")).await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(read.header("etag").and_then(version_of), Some(1));
    let typo = send(&app, get("/frameworks/djnago")).await;
    assert_eq!(typo.body["suggestions"][0], "django");

    admin_write_lifecycle(&app, catalog_size() as u64).await;
}

#[tokio::test]
async fn a_deleted_and_recreated_framework_never_reuses_an_etag() {
    let (_moto, client) = seeded_moto().await;
    let app = catalog::app(context(&client, TTL));

    recreation_never_reuses_an_etag(&app, "django", "\"1\"").await;

    let listed = send(&app, get("/frameworks?limit=100")).await;
    assert_eq!(
        listed.body["count"],
        catalog_size(),
        "a tombstone is not listed"
    );
    let again = seeded(&client).await;
    assert_eq!(
        (again.frameworks_written, again.frameworks_present),
        (0, catalog_size()),
        "seeding stays idempotent"
    );
}

/// Follows `next_cursor` to the end; returns the ids in the order served.
async fn walk(app: &axum::Router, query: &str) -> Vec<String> {
    let mut served = Vec::new();
    let mut uri = format!("/frameworks?{query}");
    for _ in 0..100 {
        let page = send(app, get(&uri)).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}: {}", page.body);
        served.extend(ids(&page.body, "items"));
        match page.body["next_cursor"].as_str() {
            Some(cursor) => uri = format!("/frameworks?{query}&cursor={cursor}"),
            None => return served,
        }
    }
    panic!("more than 100 pages for {query}");
}

#[tokio::test]
async fn pages_cover_every_framework_exactly_once_as_the_embedded_store_does() {
    let (_moto, client) = seeded_moto().await;
    let dynamodb = catalog::app(context(&client, TTL));
    let embedded = testkit::embedded(catalog::app);

    for query in [
        "limit=4",
        "limit=1",
        "limit=100",
        "limit=3&sort=performance",
        "limit=5&sort=serverless_fit",
        "limit=1&language=python",
        "limit=2&feature=orm&use_case=rest_api",
        "limit=2&language=elixir",
    ] {
        let ids = walk(&dynamodb, query).await;
        let unique: BTreeSet<&String> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "no repeats for {query}");
        assert_eq!(ids, walk(&embedded, query).await, "same pages for {query}");
    }
    assert_eq!(walk(&dynamodb, "limit=7").await.len(), catalog_size());

    let store = dynamo::DynamoFrameworks::new(client.clone(), tables().frameworks);
    let by_performance = ListQuery {
        sort: Sort::Best(Dimension::Performance),
        ..ListQuery::default()
    };
    let memory = MemoryStore::seeded().unwrap();
    assert_eq!(
        store.list(&by_performance).await.unwrap(),
        memory.list(&by_performance).await.unwrap()
    );

    let page = send(&dynamodb, get("/frameworks?limit=2")).await;
    let cursor = page.body["next_cursor"].as_str().unwrap().to_owned();
    let mut forged = cursor.clone().into_bytes();
    forged[4] = if forged[4] == b'0' { b'1' } else { b'0' };
    let forged = String::from_utf8(forged).unwrap();
    let refused = send(&dynamodb, get(&format!("/frameworks?cursor={forged}"))).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_writers_racing_with_if_match_lose_no_update() {
    const WRITERS: usize = 50;
    let (_moto, client) = seeded_moto().await;
    let app = catalog::app(context(&client, TTL));
    let started = Instant::now();

    // Each writer reads, appends its mark to the description and writes back with If-Match,
    // re-reading after every 412 until its write lands.
    let tasks: Vec<_> = (0..WRITERS)
        .map(|writer| {
            let app = app.clone();
            tokio::spawn(async move {
                let mark = format!(" [w{writer:02}]");
                let mut conflicts = 0_u32;
                loop {
                    let read = send(&app, get("/frameworks/django")).await;
                    assert_eq!(read.status, StatusCode::OK);
                    let etag = read.header("etag").unwrap().to_owned();
                    let mut body = read.body;
                    let description = format!("{}{mark}", body["description"].as_str().unwrap());
                    body["description"] = Value::from(description);
                    let write = put(&app, "django", ("if-match", &etag), &body).await;
                    match write.status {
                        StatusCode::OK => {
                            let won: u64 = write
                                .header("etag")
                                .unwrap()
                                .trim_matches('"')
                                .parse()
                                .unwrap();
                            return (won, conflicts);
                        }
                        StatusCode::PRECONDITION_FAILED => conflicts += 1,
                        other => panic!("writer {writer}: unexpected {other}: {}", write.body),
                    }
                }
            })
        })
        .collect();
    let mut won = Vec::new();
    let mut conflicts = Vec::new();
    for task in tasks {
        let (version, lost) = task.await.unwrap();
        won.push(version);
        conflicts.push(lost);
    }
    let elapsed = started.elapsed();

    won.sort_unstable();
    let expected: Vec<u64> = (2..=WRITERS as u64 + 1).collect();
    assert_eq!(won, expected, "exactly one winner per version");
    let store = dynamo::DynamoFrameworks::new(client.clone(), tables().frameworks);
    let django = store
        .get(&model::Slug::parse("django").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        django.version,
        WRITERS as u64 + 1,
        "one version per successful write"
    );
    for writer in 0..WRITERS {
        let mark = format!("[w{writer:02}]");
        assert_eq!(
            django.spec.description.matches(&mark).count(),
            1,
            "{mark} kept once"
        );
    }
    let total: u32 = conflicts.iter().sum();
    println!(
        "race: {WRITERS} writers, {WRITERS} successful writes (versions 2..={}), {total} × 412, \
         {} attempts, most conflicts for one writer {}, {:.2?} wall time",
        WRITERS + 1,
        total as usize + WRITERS,
        conflicts.iter().max().unwrap(),
        elapsed
    );
}

#[tokio::test]
async fn an_outage_serves_cached_reads_or_503_then_recovers() {
    let (mut moto, client, warm) = seeded_moto_and_short_copies().await;
    let warm_app = catalog::app(warm.clone());
    let cold_app = catalog::app(context(&client, STALE));
    assert_eq!(
        warm.stores.frameworks.catalog().await.unwrap().len(),
        catalog_size()
    );
    assert_eq!(warm.stores.faq.entries().await.unwrap().len(), faq_size());
    let fresh = send(&warm_app, get("/frameworks/django")).await;
    assert_eq!(
        fresh.header("age"),
        None,
        "an answer from the store has no Age"
    );

    moto.kill();
    tokio::time::sleep(STALE).await;

    let outage = Instant::now();
    assert_eq!(
        warm.stores.frameworks.catalog().await.unwrap().len(),
        catalog_size(),
        "stale catalog"
    );
    assert_eq!(
        warm.stores.faq.entries().await.unwrap().len(),
        faq_size(),
        "stale FAQ"
    );
    let read = send(&warm_app, get("/frameworks/django")).await;
    assert_eq!(read.status, StatusCode::OK, "{}", read.body);
    let age: u64 = read
        .header("age")
        .expect("Age on an answer from the copy")
        .parse()
        .unwrap();
    assert!(
        age >= STALE.as_secs(),
        "the copy is at least {STALE:?} old, not {age} s"
    );
    let listed = send(&warm_app, get("/frameworks?sort=performance&limit=100")).await;
    assert_eq!(listed.body["count"], catalog_size());
    assert!(listed.header("age").is_some());

    let cold = send(&cold_app, get("/frameworks/django")).await;
    assert_eq!(cold.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(cold.header("retry-after"), Some("1"));
    assert_eq!(
        cold.header("content-type"),
        Some("application/problem+json")
    );
    assert_eq!(cold.body["status"], 503);
    assert_eq!(
        cold.header("age"),
        None,
        "a 503 was not answered from a copy"
    );
    let write = put(
        &warm_app,
        "newcomer",
        ("if-none-match", "*"),
        &draft("newcomer"),
    )
    .await;
    assert_eq!(
        write.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "writes are never faked"
    );
    let outage_calls = outage.elapsed();

    moto.restart();
    seeded(&client).await;
    let back = Instant::now();
    loop {
        let reply = send(&cold_app, get("/frameworks/django")).await;
        if reply.status == StatusCode::OK {
            break;
        }
        assert!(
            back.elapsed() < Duration::from_secs(15),
            "no recovery: {}",
            reply.body
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    tokio::time::sleep(STALE).await;
    let fresh = warm.stores.frameworks.catalog().await.unwrap();
    assert_eq!(fresh.len(), catalog_size());
    println!(
        "outage: 6 calls answered in {outage_calls:.2?} while down; recovered {:.2?} after restart",
        back.elapsed()
    );
}

#[tokio::test]
async fn an_outage_after_acknowledged_writes_serves_them_not_the_older_copy() {
    let (mut moto, _client, warm) = seeded_moto_and_short_copies().await;
    let catalog_app = catalog::app(warm.clone());
    let compare_app = compare::app(warm.clone());
    let compared = send(&compare_app, get("/compare?ids=django,flask")).await;
    assert_eq!(
        compared.status,
        StatusCode::OK,
        "the copy is read before the writes"
    );

    let put = edit_django(
        &catalog_app,
        "description",
        "Edited just before the outage.",
    )
    .await;
    assert_eq!(put.header("etag"), Some("\"2\""), "{}", put.body);
    let deleted = delete(&catalog_app, "flask", ("if-match", "\"1\"")).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);

    moto.kill();
    tokio::time::sleep(STALE).await;

    let django = send(&catalog_app, get("/frameworks/django")).await;
    assert_eq!(django.status, StatusCode::OK, "{}", django.body);
    assert_eq!(
        django.header("etag").and_then(version_of),
        Some(2),
        "not the pre-write ETag"
    );
    assert_eq!(django.body["description"], "Edited just before the outage.");
    let flask = send(&catalog_app, get("/frameworks/flask")).await;
    assert_eq!(
        flask.status,
        StatusCode::NOT_FOUND,
        "a deleted framework stays deleted"
    );
    let listed = send(&catalog_app, get("/frameworks?limit=100")).await;
    assert_eq!(listed.status, StatusCode::OK);
    assert_eq!(listed.body["count"], catalog_size() - 1);
    let listed = ids(&listed.body, "items");
    assert!(!listed.iter().any(|id| id == "flask"), "{listed:?}");
    let by_rating = send(&catalog_app, get("/frameworks?sort=performance&limit=100")).await;
    assert_eq!(by_rating.body["count"], catalog_size() - 1);
    let compared = send(&compare_app, get("/compare?ids=django,flask")).await;
    assert_eq!(compared.status, StatusCode::NOT_FOUND, "{}", compared.body);
    let compared = send(&compare_app, get("/compare?ids=django,fastapi")).await;
    assert_eq!(compared.status, StatusCode::OK, "{}", compared.body);
}

#[tokio::test]
async fn an_unreadable_item_is_skipped_and_the_listing_keeps_serving() {
    let (_moto, client) = seeded_moto().await;
    // An item written by hand, in the index but without most of a framework's attributes.
    client
        .put_item()
        .table_name(tables().frameworks)
        .item("id", AttributeValue::S("hand-written".into()))
        .item("entity", AttributeValue::S("framework".into()))
        .item("name_key", AttributeValue::S("hand#hand-written".into()))
        .item("name", AttributeValue::S("Hand".into()))
        .item("version", AttributeValue::N("1".into()))
        .send()
        .await
        .unwrap();
    let app = catalog::app(context(&client, TTL));

    for query in [
        "/frameworks?limit=100",
        "/frameworks?sort=performance&limit=100",
    ] {
        let listed = send(&app, get(query)).await;
        assert_eq!(listed.status, StatusCode::OK, "{query}: {}", listed.body);
        assert_eq!(listed.body["count"], catalog_size(), "{query}");
    }
    let store = dynamo::DynamoFrameworks::new(client.clone(), tables().frameworks);
    assert_eq!(store.catalog().await.unwrap().len(), catalog_size());
    store.list(&ListQuery::default()).await.unwrap();
    assert_eq!(
        store.unreadable_items(),
        vec!["hand-written".to_owned()],
        "counted once, by its key"
    );
}
