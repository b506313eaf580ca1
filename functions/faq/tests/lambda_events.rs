//! Real API Gateway HTTP API (payload 2.0) events, parsed by `lambda_http` as in Lambda and
//! driven through the same router the Lambda runs.

#![allow(clippy::unwrap_used)]

use runtime::Context;
use testkit::send_event;

fn app() -> axum::Router {
    faq::app(Context::embedded().unwrap())
}

#[tokio::test]
async fn a_search_event_with_a_typo_ranks_the_right_entry_first() {
    let reply = send_event(&app(), include_str!("data/get_faq_search.json")).await;
    assert_eq!(reply.status, 200);
    let items = reply.body["items"].as_array().unwrap();
    assert!(!items.is_empty() && items.len() <= 3);
    assert_eq!(items[0]["id"], "node-or-django");
    assert!(items[0]["score"].as_f64().unwrap() > 0.0);
    assert_eq!(reply.body["count"], items.len());
}

#[tokio::test]
async fn an_entry_event_gets_the_entry_with_cache_headers() {
    let reply = send_event(&app(), include_str!("data/get_faq_entry.json")).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body["topic"], "trends");
    assert!(reply.body.get("score").is_none());
    assert!(reply.header("etag").is_some());
    assert_eq!(
        reply.header("cache-control"),
        Some("public, max-age=300, stale-while-revalidate=60")
    );
}

#[tokio::test]
async fn a_typo_id_event_gets_suggestions() {
    let reply = send_event(&app(), include_str!("data/get_faq_entry_typo.json")).await;
    assert_eq!(reply.problem(404)["suggestions"][0], "node-or-django");
}

#[tokio::test]
async fn an_unknown_topic_event_gets_422_listing_the_topics() {
    let reply = send_event(&app(), include_str!("data/get_faq_search_bad_topic.json")).await;
    let problem = reply.problem(422);
    assert_eq!(problem["errors"][0]["field"], "topic");
    assert!(
        problem["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("trends")
    );
}
