//! Real API Gateway HTTP API (payload 2.0) events, parsed by `lambda_http` as in Lambda and
//! driven through the same router the Lambda runs.

#![allow(clippy::unwrap_used)]

use runtime::Context;
use testkit::send_event;

fn app() -> axum::Router {
    compare::app(Context::embedded().unwrap())
}

#[tokio::test]
async fn a_prioritised_comparison_event() {
    let reply = send_event(&app(), include_str!("data/compare_prioritised.json")).await;
    assert_eq!(reply.status, 200);
    let verdict = &reply.body["verdict"];
    assert_eq!(verdict["winner"], "fiber");
    assert_eq!(
        verdict["priorities"],
        serde_json::json!(["performance", "security"])
    );
    assert_eq!(reply.body["frameworks"].as_array().unwrap().len(), 3);
    assert!(reply.header("etag").is_some());
}

#[tokio::test]
async fn a_typo_event_gets_404_with_suggestions() {
    let reply = send_event(&app(), include_str!("data/compare_typo.json")).await;
    assert_eq!(reply.problem(404)["suggestions"][0], "fastapi");
}

#[tokio::test]
async fn a_duplicate_id_event_gets_422() {
    let reply = send_event(&app(), include_str!("data/compare_duplicate_ids.json")).await;
    assert_eq!(reply.problem(422)["errors"][0]["field"], "ids");
}

#[tokio::test]
async fn an_unknown_priority_event_gets_422_listing_valid_values() {
    let reply = send_event(&app(), include_str!("data/compare_bad_priority.json")).await;
    let message = reply.problem(422)["errors"][0]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(message.contains("ease_of_learning"), "{message}");
}
