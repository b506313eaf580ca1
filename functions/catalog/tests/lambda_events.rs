//! Real API Gateway HTTP API (payload 2.0) events, parsed by `lambda_http` as in Lambda and
//! driven through the same router the Lambda runs.

#![allow(clippy::unwrap_used)]

use edge::testing::{lambda_event, send};
use runtime::Context;

fn app() -> axum::Router {
    catalog::app(Context::embedded().unwrap())
}

#[tokio::test]
async fn a_filtered_sorted_listing_event() {
    let reply = send(
        &app(),
        lambda_event(include_str!("data/get_frameworks_filtered.json")),
    )
    .await;
    assert_eq!(reply.status, 200);
    let items = reply.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert!(items.iter().all(|item| item["language"] == "python"));
    assert_eq!(
        items[0]["id"], "fastapi",
        "the fastest Python framework leads"
    );
    assert!(reply.body["next_cursor"].is_string());
}

#[tokio::test]
async fn a_typo_event_gets_suggestions() {
    let reply = send(
        &app(),
        lambda_event(include_str!("data/get_framework_typo.json")),
    )
    .await;
    assert_eq!(reply.problem(404)["suggestions"][0], "django");
}

#[tokio::test]
async fn a_conditional_event_gets_304() {
    let reply = send(
        &app(),
        lambda_event(include_str!("data/get_framework_not_modified.json")),
    )
    .await;
    assert_eq!(reply.status, 304);
    assert_eq!(reply.header("etag"), Some("\"1\""));
}

#[tokio::test]
async fn a_bad_vocabulary_event_gets_422_listing_valid_values() {
    let reply = send(
        &app(),
        lambda_event(include_str!("data/get_frameworks_bad_language.json")),
    )
    .await;
    let problem = reply.problem(422);
    assert!(
        problem["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("python")
    );
}
