//! The recommend router, driven without a server.

#![allow(clippy::unwrap_used)]

use axum::body::Body;
use axum::extract::Request;
use serde_json::{Value, json};
use testkit::{Reply, embedded, send};

/// The reply to `POST /recommendations` of `body`, sent as `content_type` when given.
async fn post(content_type: Option<&str>, body: impl Into<Body>) -> Reply {
    let mut request = Request::post("/recommendations");
    if let Some(content_type) = content_type {
        request = request.header("content-type", content_type);
    }
    send(
        &embedded(recommend::app),
        request.body(body.into()).unwrap(),
    )
    .await
}

async fn ask(body: Value) -> Reply {
    post(Some("application/json"), body.to_string()).await
}

#[tokio::test]
async fn a_profile_gets_a_ranked_explained_shortlist() {
    let reply = ask(json!({
        "use_case": "microservices",
        "priorities": ["performance", "serverless_fit"],
        "languages": ["python", "golang"],
        "deployment": "containers",
        "limit": 4
    }))
    .await;
    let items = reply.list("recommendations");
    assert_eq!(items.len(), 4);
    for (index, item) in items.iter().enumerate() {
        assert_eq!(item["rank"], index + 1);
        let score = item["score"].as_f64().unwrap();
        assert!((0.0..=100.0).contains(&score));
        let breakdown = item["breakdown"].as_object().unwrap();
        let sum: f64 = breakdown.values().map(|v| v.as_f64().unwrap()).sum();
        assert!((sum - score).abs() < 0.051);
        assert!(breakdown.contains_key("deployment_fit"));
        assert!(!item["reasons"].as_array().unwrap().is_empty());
    }
    let excluded = reply.body["excluded"].as_array().unwrap();
    assert!(
        excluded
            .iter()
            .all(|e| e["reason"].as_str().unwrap().starts_with("Written in")
                && e["language"].is_string())
    );
    let considered = reply.body["considered"].as_u64().unwrap() as usize;
    let catalog = model::dataset::load_frameworks().unwrap();
    assert_eq!(considered + excluded.len(), catalog.len());
}

#[tokio::test]
async fn the_same_profile_always_gets_the_same_answer() {
    let profile = json!({"use_case": "rest_api", "priorities": ["productivity"], "limit": 10});
    let first = ask(profile.clone()).await;
    let second = ask(profile).await;
    assert_eq!(first.body, second.body);
    // The same answer, yet derived from a body a client sent: no cache may keep it.
    assert_eq!(first.header("cache-control"), Some("no-store"));
}

#[tokio::test]
async fn a_missing_use_case_lists_the_use_cases() {
    let reply = ask(json!({"priorities": ["performance"]})).await;
    reply.field_error("use_case", "ml_serving");
}

#[tokio::test]
async fn unknown_vocabulary_is_422_listing_valid_values() {
    for (body, field, valid) in [
        (json!({"use_case": "blockchain"}), "use_case", "realtime"),
        (
            json!({"use_case": "cms", "priorities": ["speed"]}),
            "priorities[0]",
            "type_safety",
        ),
        (
            json!({"use_case": "cms", "languages": ["go", "cobol"]}),
            "languages[1]",
            "elixir",
        ),
        (
            json!({"use_case": "cms", "required_features": ["teleport"]}),
            "required_features[0]",
            "admin_panel",
        ),
        (
            json!({"use_case": "cms", "deployment": "mainframe"}),
            "deployment",
            "containers",
        ),
    ] {
        ask(body).await.field_error(field, valid);
    }
}

#[tokio::test]
async fn a_limit_out_of_range_is_422() {
    for limit in [json!(0), json!(11), json!(1.5), json!("3")] {
        let reply = ask(json!({"use_case": "cms", "limit": limit})).await;
        assert_eq!(reply.problem(422)["errors"][0]["field"], "limit");
    }
}

#[tokio::test]
async fn repeated_values_count_once() {
    let repeated = json!({
        "use_case": "realtime",
        "priorities": ["scalability", "scalability"],
        "languages": ["node", "javascript"],
        "limit": 10
    });
    let reply = ask(repeated).await;
    assert!(!reply.list("recommendations").is_empty());
}

#[tokio::test]
async fn unknown_fields_and_wrong_shapes_are_422() {
    let reply = ask(json!({"use_case": "cms", "budget": 10})).await;
    assert_eq!(reply.problem(422)["errors"][0]["field"], "budget");
    let reply = ask(json!(["cms"])).await;
    reply.problem(422);
    let reply = ask(json!({"use_case": "cms", "languages": "python"})).await;
    assert_eq!(reply.problem(422)["errors"][0]["field"], "languages");
}

#[tokio::test]
async fn malformed_json_is_400() {
    post(Some("application/json"), "{\"use_case\": ")
        .await
        .problem(400);
}

#[tokio::test]
async fn a_body_that_is_not_json_is_415() {
    post(Some("text/plain"), "use_case=cms").await.problem(415);
    post(None, "{\"use_case\": \"cms\"}").await.problem(415);
}

#[tokio::test]
async fn a_body_over_64_kib_is_413() {
    let padding = "x".repeat(64 * 1024);
    let body = format!("{{\"use_case\": \"cms\", \"pad\": \"{padding}\"}}");
    post(Some("application/json"), body).await.problem(413);
}

#[tokio::test]
async fn get_is_not_allowed() {
    let request = Request::get("/recommendations")
        .body(Body::empty())
        .unwrap();
    let reply = send(&embedded(recommend::app), request).await;
    reply.problem(405);
    assert_eq!(reply.header("allow"), Some("POST"));
}

#[tokio::test]
async fn a_description_is_read_into_the_profile_it_answers_for() {
    let reply = ask(json!({
        "description": "admin-heavy data app, Python team, security matters most, not Java"
    }))
    .await;
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.body["profile"],
        json!({
            "use_case": "data_driven",
            "priorities": ["security"],
            "languages": ["python"],
            "excluded_languages": ["java"],
            "required_features": ["admin_panel"],
            "deployment": null,
            "preferred_frameworks": [],
            "excluded_frameworks": [],
            "limit": 3
        })
    );
    assert_eq!(reply.body["recommendations"][0]["id"], "django");
    let interpretation = &reply.body["interpretation"];
    assert_eq!(interpretation["overridden"], json!([]));
    assert_eq!(interpretation["defaulted"], json!([]));
    let excluded = reply.body["excluded"].as_array().unwrap();
    let spring = excluded.iter().find(|e| e["id"] == "spring-boot").unwrap();
    assert!(
        spring["reason"]
            .as_str()
            .unwrap()
            .starts_with("Written in Java, which you ruled out."),
        "{spring}"
    );
    assert_eq!(spring["language"], "java");
}

#[tokio::test]
async fn the_profile_sent_back_gets_the_same_shortlist() {
    let first =
        ask(json!({"description": "fastest go framework for a high throughput service"})).await;
    assert_eq!(first.status, 200);
    let again = ask(first.body["profile"].clone()).await;
    assert_eq!(again.status, 200);
    assert_eq!(again.body["recommendations"], first.body["recommendations"]);
    assert!(again.body.get("interpretation").is_none());
}

#[tokio::test]
async fn bad_descriptions_are_422_problems_naming_the_field() {
    for description in [
        json!(""),
        json!("   "),
        json!(7),
        json!("x".repeat(2001)),
        json!("hello"),
    ] {
        let reply = ask(json!({"description": description})).await;
        let problem = reply.problem(422);
        assert_eq!(
            problem["errors"][0]["field"], "description",
            "{description}"
        );
    }
}
