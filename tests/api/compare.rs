use e2e::spawn_api;
use serde_json::json;

#[tokio::test]
async fn comparing_two_frameworks_gives_scores_features_and_a_verdict() {
    let api = spawn_api().await;

    let reply = api.client.compare("ids=django,fastapi").await;

    let body = reply.ok();
    assert_eq!(body["frameworks"].as_array().unwrap().len(), 2);
    assert_eq!(body["dimensions"].as_array().unwrap().len(), 8);
    assert_eq!(body["features"].as_array().unwrap().len(), 13);
    for row in body["dimensions"].as_array().unwrap() {
        assert!(row["scores"]["django"].is_u64() && row["scores"]["fastapi"].is_u64());
    }
    assert!(body["verdict"]["totals"]["django"].is_number());
    assert!(!body["verdict"]["summary"].as_str().unwrap().is_empty());
}

#[tokio::test]
async fn earlier_priorities_decide_the_verdict() {
    let api = spawn_api().await;

    for (priorities, winner) in [
        (["performance", "security"], "fiber"),
        (["security", "performance"], "django"),
    ] {
        let query = format!("ids=django,fiber&priorities={}", priorities.join(","));
        let reply = api.client.compare(&query).await;

        let verdict = &reply.ok()["verdict"];
        assert_eq!(verdict["winner"], winner, "{query}");
        assert_eq!(verdict["priorities"], json!(priorities), "{query}");
    }
}

#[tokio::test]
async fn a_repeated_comparison_revalidates_with_its_etag() {
    let api = spawn_api().await;

    let first = api.client.revalidate("/compare?ids=rails,laravel").await;

    first.ok();
    let etag = first.header("etag").unwrap();
    assert!(etag.len() > 2, "{etag:?}");
}

#[tokio::test]
async fn unknown_ids_are_a_404_naming_them() {
    let api = spawn_api().await;

    let reply = api.client.compare("ids=djnago,flask").await;

    let problem = reply.problem(404);
    assert!(problem["detail"].as_str().unwrap().contains("djnago"));
    assert_eq!(problem["suggestions"], json!(["django"]));
}

#[tokio::test]
async fn too_few_too_many_or_repeated_ids_are_a_422() {
    let api = spawn_api().await;

    for query in [
        "ids=django",
        "ids=django,flask,fastapi,rails,laravel",
        "ids=django,flask,django",
    ] {
        let reply = api.client.compare(query).await;
        assert_eq!(reply.problem(422)["errors"][0]["field"], "ids", "{query}");
    }
}

#[tokio::test]
async fn an_unknown_priority_is_a_422_listing_the_dimensions() {
    let api = spawn_api().await;

    let reply = api
        .client
        .compare("ids=django,flask&priorities=speed")
        .await;

    for dimension in ["performance", "type_safety"] {
        reply.field_error("priorities", dimension);
    }
}
