//! The compare router, driven without a server.

#![allow(clippy::unwrap_used)]

use testkit::{assert_revalidates, embedded, get, send};

#[tokio::test]
async fn two_frameworks_compare_on_every_dimension_and_feature() {
    let app = embedded(compare::app);
    let reply = send(&app, get("/compare?ids=django,fastapi")).await;
    let body = reply.ok();
    assert_eq!(body["frameworks"][0]["id"], "django");
    assert_eq!(body["frameworks"][1]["id"], "fastapi");
    assert_eq!(body["dimensions"].as_array().unwrap().len(), 8);
    assert_eq!(body["features"].as_array().unwrap().len(), 13);
    let admin = body["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["feature"] == "admin_panel")
        .unwrap();
    assert_eq!(admin["support"]["django"], true);
    assert_eq!(admin["support"]["fastapi"], false);
    assert_eq!(body["verdict"]["priorities"], serde_json::json!([]));
    assert!(
        body["verdict"]["summary"]
            .as_str()
            .unwrap()
            .contains("weighted equally")
    );
}

#[tokio::test]
async fn priorities_steer_the_verdict() {
    let app = embedded(compare::app);
    let speed = send(
        &app,
        get("/compare?ids=django,fiber&priorities=performance"),
    )
    .await;
    assert_eq!(speed.body["verdict"]["winner"], "fiber");
    let safety = send(
        &app,
        get("/compare?ids=django,fiber&priorities=security,ecosystem"),
    )
    .await;
    assert_eq!(safety.body["verdict"]["winner"], "django");
    assert_eq!(
        safety.body["verdict"]["priorities"],
        serde_json::json!(["security", "ecosystem"])
    );
}

#[tokio::test]
async fn a_tie_has_no_winner() {
    let app = embedded(compare::app);
    let reply = send(&app, get("/compare?ids=fastify,fastapi")).await;
    assert!(reply.body["verdict"]["winner"].is_null());
}

#[tokio::test]
async fn the_answer_carries_an_etag_that_revalidates() {
    let app = embedded(compare::app);
    let first = assert_revalidates(&app, "/compare?ids=rails,laravel,django,spring-boot").await;
    assert_eq!(first.status, 200);
    assert_eq!(
        first.header("cache-control"),
        Some("public, max-age=60, stale-while-revalidate=30")
    );
}

#[tokio::test]
async fn unknown_ids_answer_404_naming_them_with_suggestions() {
    let app = embedded(compare::app);
    let reply = send(&app, get("/compare?ids=djnago,flask,nosuch")).await;
    let problem = reply.problem(404);
    let detail = problem["detail"].as_str().unwrap();
    assert!(
        detail.contains("'djnago'") && detail.contains("'nosuch'"),
        "{detail}"
    );
    assert_eq!(problem["suggestions"], serde_json::json!(["django"]));
}

#[tokio::test]
async fn bad_id_lists_are_refused() {
    let app = embedded(compare::app);
    for (uri, status) in [
        ("/compare", 422),
        ("/compare?ids=django", 422),
        ("/compare?ids=django,flask,fastapi,rails,laravel", 422),
        ("/compare?ids=django,flask,django", 422),
        ("/compare?ids=django,,flask", 400),
        ("/compare?ids=", 400),
        ("/compare?ids=django&ids=django", 422),
        ("/compare?ids=django&ids=", 400),
        ("/compare?ids=django,flask&colour=red", 400),
    ] {
        let reply = send(&app, get(uri)).await;
        reply.problem(status);
        if status == 422 {
            assert_eq!(reply.body["errors"][0]["field"], "ids", "{uri}");
        }
    }
}

#[tokio::test]
async fn an_unknown_priority_lists_the_dimensions() {
    let app = embedded(compare::app);
    let reply = send(&app, get("/compare?ids=django,flask&priorities=speed")).await;
    let problem = reply.problem(422);
    let message = problem["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("performance") && message.contains("serverless_fit"));
}

#[tokio::test]
async fn other_methods_are_not_allowed() {
    let app = embedded(compare::app);
    let request = axum::http::Request::post("/compare?ids=django,flask")
        .body(axum::body::Body::empty())
        .unwrap();
    send(&app, request).await.problem(405);
}
