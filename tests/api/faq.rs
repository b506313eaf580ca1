use e2e::spawn_api;

#[tokio::test]
async fn searching_with_a_typo_finds_the_node_or_django_answer_first() {
    let api = spawn_api().await;

    let reply = api.client.list_faq("q=djnago%20or%20nodejs&limit=3").await;

    let body = reply.ok();
    let items = body["items"].as_array().unwrap();
    assert_eq!(items[0]["id"], "node-or-django");
    assert!(items.len() <= 3);
    assert!(
        items
            .iter()
            .all(|item| item["score"].as_f64().unwrap() > 0.0)
    );
    assert_eq!(
        reply.header("cache-control"),
        Some("public, max-age=300, stale-while-revalidate=60")
    );
}

#[tokio::test]
async fn the_trends_topic_lists_each_trend_with_how_this_system_embodies_it() {
    let api = spawn_api().await;

    let reply = api.client.list_faq("topic=trends&limit=50").await;

    let items = reply.ok()["items"].as_array().unwrap();
    for id in [
        "trend-serverless",
        "trend-microservices",
        "trend-ai-integration",
        "trend-cloud-native",
    ] {
        let entry = items.iter().find(|item| item["id"] == id).unwrap();
        assert!(entry["answer"].as_str().unwrap().contains("Stack Advisor"));
    }
    assert!(items.iter().all(|item| item["topic"] == "trends"));
}

#[tokio::test]
async fn an_entry_is_served_with_an_etag_that_revalidates() {
    let api = spawn_api().await;
    let entry = "/faq/csharp-vs-java-performance";

    let first = api.client.revalidate(entry).await;

    assert_eq!(first.ok()["topic"], "languages");
}

#[tokio::test]
async fn a_misspelt_entry_id_is_a_404_that_suggests_the_right_one() {
    let api = spawn_api().await;

    let reply = api.client.get_faq("fastest-api-framwork").await;

    assert_eq!(
        reply.problem(404)["suggestions"][0],
        "fastest-api-framework"
    );
}

#[tokio::test]
async fn bad_faq_queries_are_problem_documents() {
    let api = spawn_api().await;
    let too_long = format!("q={}", "x".repeat(257));

    for (query, status) in [
        ("topic=gossip", 422),
        ("limit=0", 422),
        ("limit=51", 422),
        (too_long.as_str(), 422),
        ("q=", 400),
        ("q=a&q=b", 400),
        ("query=django", 400),
    ] {
        api.client.list_faq(query).await.problem(status);
    }
}
