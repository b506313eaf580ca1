//! Admin writes as API Gateway delivers them: with the IAM authorizer's caller in the
//! request context they go through; without one they are refused (401), even where the
//! local opt-in is set — in Lambda only a verified caller may write.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use runtime::{Context, Settings, Stores};
use serde_json::Value;
use testkit::send_event;

fn app(allow_local_writes: bool) -> axum::Router {
    let settings = Settings {
        allow_local_writes,
        ..Settings::from_lookup(|_| None).unwrap()
    };
    catalog::app(Context {
        settings: Arc::new(settings),
        stores: Stores::embedded().unwrap(),
    })
}

async fn call(app: axum::Router, event: &str) -> (u16, Option<String>, Value) {
    let reply = send_event(&app, event).await;
    let etag = reply.header("etag").map(str::to_owned);
    (reply.status.as_u16(), etag, reply.body)
}

#[tokio::test]
async fn an_iam_caller_creates_a_framework() {
    let (status, etag, body) = call(app(false), include_str!("data/put_framework_iam.json")).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(etag.as_deref(), Some("\"1\""));
    assert_eq!(body["id"], "fastapi-next");
    assert_eq!(body["version"], 1);
}

#[tokio::test]
async fn an_iam_caller_deletes_a_framework() {
    let (status, _, _) = call(app(false), include_str!("data/delete_framework_iam.json")).await;
    assert_eq!(status, 204);
}

#[tokio::test]
async fn an_anonymous_write_is_unauthorized_even_with_the_local_opt_in() {
    for allow_local_writes in [false, true] {
        for event in [
            include_str!("data/put_framework_anonymous.json"),
            include_str!("data/delete_framework_anonymous.json"),
        ] {
            let (status, _, body) = call(app(allow_local_writes), event).await;
            assert_eq!(status, 401, "{body}");
            assert_eq!(
                body["type"],
                "https://stack-advisor.dev/problems/unauthorized"
            );
        }
    }
}
