//! Admin writes through the router, on the embedded store: the conditional-write contract
//! (201/200/204, 412, 428, 422) and the local opt-in (403 without it).

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use axum::http::StatusCode;
use runtime::{Context, Settings, Stores};
use serde_json::json;
use testkit::call;
use testkit::catalog::{
    admin_write_lifecycle, delete, framework_body as draft, put, recreation_never_reuses_an_etag,
};

fn context(allow_local_writes: bool) -> Context {
    let settings = Settings {
        allow_local_writes,
        ..Settings::from_lookup(|_| None).unwrap()
    };
    Context {
        settings: Arc::new(settings),
        stores: Stores::embedded().unwrap(),
    }
}

#[tokio::test]
async fn a_framework_is_created_replaced_and_deleted_with_its_etags() {
    let app = catalog::app(context(true));
    let size = testkit::dataset::catalog_size();
    admin_write_lifecycle(&app, size as u64).await;
}

#[tokio::test]
async fn a_deleted_and_recreated_framework_never_reuses_an_etag() {
    let app = catalog::app(context(true));
    recreation_never_reuses_an_etag(&app, "django", "\"1\"").await;
}

#[tokio::test]
async fn a_stale_or_missing_condition_is_refused() {
    let app = catalog::app(context(true));
    // Each `PUT` sends a valid body for its id: only the condition is wrong.
    let refused = [
        ("PUT", "django", Some(("if-match", "\"7\"")), 412),
        ("PUT", "django", Some(("if-none-match", "*")), 412),
        ("PUT", "django", None, 428),
        ("PUT", "nobody", Some(("if-match", "\"1\"")), 412),
        ("DELETE", "django", None, 428),
        ("DELETE", "django", Some(("if-match", "\"9\"")), 412),
        ("DELETE", "djnago", Some(("if-match", "\"1\"")), 404),
    ];
    let mut replies = Vec::new();
    for (method, id, condition, status) in refused {
        let body = (method == "PUT").then(|| draft(id));
        let uri = format!("/frameworks/{id}");
        let reply = call(&app, method, &uri, condition.as_slice(), body.as_ref()).await;
        assert_eq!(
            reply.status, status,
            "{method} {id} {condition:?}: {}",
            reply.body
        );
        replies.push(reply);
    }
    // The first (a stale If-Match) and the last (a delete of a near miss) say more.
    let (stale, unknown_delete) = (replies.first().unwrap(), replies.last().unwrap());
    assert!(
        stale.body["detail"].as_str().unwrap().contains("\"1\""),
        "names the current ETag"
    );
    assert_eq!(unknown_delete.body["suggestions"][0], "django");

    let still = call(&app, "GET", "/frameworks/django", &[], None).await;
    let still = still.header("etag").and_then(testkit::catalog::version_of);
    assert_eq!(still, Some(1), "nothing was written");
}

#[tokio::test]
async fn an_invalid_body_is_a_422_with_field_errors() {
    let app = catalog::app(context(true));
    let mut body = draft("newcomer");
    body["language"] = json!("cobol");
    body["ratings"] = json!({"performance": 9});
    let reply = put(&app, "newcomer", ("if-none-match", "*"), &body).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = reply.error_fields();
    assert!(fields.contains(&"language"), "{fields:?}");
    assert!(
        fields.iter().any(|f| f.starts_with("ratings")),
        "{fields:?}"
    );

    let bad_id = put(&app, "Not_A_Slug", ("if-none-match", "*"), &body).await;
    assert_eq!(bad_id.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad_id.body["errors"][0]["field"], "id");
}

#[tokio::test]
async fn evidence_is_written_and_read_back_and_a_bad_item_is_named() {
    let app = catalog::app(context(true));
    let mut body = draft("newcomer");
    body["evidence"] = json!({"security": [{
        "note": "Its documentation has a chapter on OAuth2 scopes.",
        "source": {"title": "Security", "url": "https://example.org/security"},
        "date": "2025-06-01"
    }]});
    let created = put(&app, "newcomer", ("if-none-match", "*"), &body).await;
    assert_eq!(created.status, StatusCode::CREATED);
    let read = call(&app, "GET", "/frameworks/newcomer", &[], None).await;
    assert_eq!(read.body["evidence"], body["evidence"]);

    body["evidence"]["security"][0]["date"] = json!("2025-06-31");
    body["evidence"]["security"][0]["source"]["url"] = json!("http://example.org");
    let refused = put(&app, "newcomer", ("if-match", "\"1\""), &body).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = refused.error_fields();
    assert_eq!(
        fields,
        [
            "evidence.security[0].source.url",
            "evidence.security[0].date"
        ]
    );
}

#[tokio::test]
async fn writes_are_refused_without_the_local_opt_in() {
    let app = catalog::app(context(false));
    let refused_put = put(&app, "newcomer", ("if-none-match", "*"), &draft("newcomer")).await;
    assert_eq!(refused_put.status, StatusCode::FORBIDDEN);
    assert_eq!(refused_put.body["status"], 403);
    let refused_delete = delete(&app, "django", ("if-match", "\"1\"")).await;
    assert_eq!(refused_delete.status, StatusCode::FORBIDDEN);
    let read = call(&app, "GET", "/frameworks/django", &[], None).await;
    assert_eq!(read.status, StatusCode::OK, "reads need no opt-in");
}

/// Found by schemathesis's stateful phase: a body the schema refuses is a 422 whatever the
/// `If-Match` says, as it is for a well-formed stale tag; the conditional write (412) is the
/// last check, after the body (the order `put_framework` documents).
#[tokio::test]
async fn an_invalid_body_is_422_before_an_if_match_that_names_no_version_is_412() {
    let app = catalog::app(context(true));
    let mut body = draft("hono");
    body["use_cases"] = json!(["rest_api", "serverless", "serverless"]);
    for if_match in ["", "garbage", "\"7\""] {
        let reply = put(&app, "hono", ("if-match", if_match), &body).await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "If-Match {if_match:?}: {}",
            reply.body
        );
    }
    let valid = put(&app, "hono", ("if-match", "garbage"), &draft("hono")).await;
    assert_eq!(valid.status, StatusCode::PRECONDITION_FAILED);
}

/// Found by schemathesis with writes allowed: an id that cannot exist is a 404 before an
/// `If-Match` that names no version is a 412.
#[tokio::test]
async fn a_delete_of_an_impossible_id_is_404_whatever_the_if_match() {
    let app = catalog::app(context(true));
    for if_match in ["", "garbage", "\"1\""] {
        let reply = delete(&app, "%C2%A0%16Z", ("if-match", if_match)).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "If-Match {if_match:?}");
    }
}
