//! Real API Gateway HTTP API (payload 2.0) events, parsed by `lambda_http` as in Lambda and
//! driven through the same router the Lambda runs.

#![allow(clippy::unwrap_used)]

use runtime::Context;
use testkit::advice::assert_shortlist_among;
use testkit::send_event;

fn app() -> axum::Router {
    recommend::app(Context::embedded().unwrap())
}

#[tokio::test]
async fn a_serverless_profile_event() {
    let reply = send_event(&app(), include_str!("data/recommend_serverless.json")).await;
    assert_eq!(reply.status, 200);
    let items = reply.body["recommendations"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["id"], "axum");
    assert!(items[0]["breakdown"]["deployment_fit"].as_f64().unwrap() > 0.0);
}

#[tokio::test]
async fn a_base64_encoded_body_event() {
    let reply = send_event(&app(), include_str!("data/recommend_base64_body.json")).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body["recommendations"][0]["id"], "django");
    assert_eq!(reply.body["considered"], 1);
}

#[tokio::test]
async fn an_unknown_use_case_event_gets_422_listing_valid_values() {
    let reply = send_event(&app(), include_str!("data/recommend_unknown_use_case.json")).await;
    let message = reply.problem(422)["errors"][0]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(message.contains("high_throughput"), "{message}");
}

#[tokio::test]
async fn a_malformed_json_event_gets_400() {
    let reply = send_event(&app(), include_str!("data/recommend_malformed.json")).await;
    reply.problem(400);
}

#[tokio::test]
async fn a_form_encoded_event_gets_415() {
    let reply = send_event(&app(), include_str!("data/recommend_form_body.json")).await;
    reply.problem(415);
}

#[tokio::test]
async fn a_description_event_gets_the_profile_read_and_a_typescript_shortlist() {
    let reply = send_event(&app(), include_str!("data/recommend_description.json")).await;
    assert_eq!(reply.status, 200);
    let profile = &reply.body["profile"];
    assert_eq!(profile["use_case"], "realtime");
    assert_eq!(profile["languages"], serde_json::json!(["typescript"]));
    assert_eq!(profile["deployment"], "serverless");
    assert_eq!(profile["priorities"], serde_json::json!(["scalability"]));
    // Every TypeScript framework of the catalog may be on it; nothing in another language.
    assert_shortlist_among(
        &reply.body,
        &[
            "adonisjs", "elysia", "feathers", "hono", "loopback", "nestjs",
        ],
    );
    let readings = reply.body["interpretation"]["readings"].as_array().unwrap();
    assert!(
        readings
            .iter()
            .any(|r| r["field"] == "deployment" && r["words"] == serde_json::json!(["lambda"]))
    );
}

#[tokio::test]
async fn a_description_with_nothing_usable_event_gets_422_with_examples() {
    let reply = send_event(
        &app(),
        include_str!("data/recommend_description_unusable.json"),
    )
    .await;
    let problem = reply.problem(422);
    let message = problem["errors"][0]["message"].as_str().unwrap();
    assert_eq!(problem["errors"][0]["field"], "description");
    assert!(message.contains("For example"), "{message}");
}
