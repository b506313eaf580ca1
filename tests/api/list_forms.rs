//! Array query parameters read the same comma-separated, with the key repeated, or mixed:
//! generated clients often repeat the key whatever the document's `explode` says. A scalar
//! given twice stays a 400, and a repeated list is held to the same validation.

use e2e::spawn_api;
use testkit::ids;

#[tokio::test]
async fn every_list_filter_reads_the_same_in_each_form() {
    let api = spawn_api().await;
    let forms = [
        "language=python,go&category=micro,full-stack&feature=validation,async_native&use_case=rest_api,microservices",
        "language=python&language=go&category=micro&category=full-stack&feature=validation&feature=async_native&use_case=rest_api&use_case=microservices",
        "language=python,go&category=micro&category=full-stack&feature=validation,async_native&use_case=rest_api&use_case=microservices",
    ];

    let mut listings = Vec::new();
    for query in forms {
        let reply = api
            .client
            .list_frameworks(&format!("{query}&limit=100"))
            .await;
        listings.push(ids(reply.ok(), "items"));
    }

    assert!(!listings[0].is_empty());
    assert_eq!(listings[1], listings[0]);
    assert_eq!(listings[2], listings[0]);
}

#[tokio::test]
async fn compare_reads_ids_and_priorities_in_each_form() {
    let api = spawn_api().await;

    let mut replies = Vec::new();
    for query in [
        "ids=django,fiber,gin&priorities=security,performance",
        "ids=django&ids=fiber&ids=gin&priorities=security&priorities=performance",
        "ids=django,fiber&ids=gin&priorities=security&priorities=performance",
    ] {
        replies.push((query, api.client.compare(query).await));
    }

    let expected = replies[0].1.ok();
    assert_eq!(ids(expected, "frameworks"), ["django", "fiber", "gin"]);
    for (query, reply) in &replies[1..] {
        assert_eq!(reply.ok()["verdict"], expected["verdict"], "{query}");
        assert_eq!(ids(&reply.body, "frameworks"), ids(expected, "frameworks"));
    }
}

#[tokio::test]
async fn a_repeated_list_is_validated_like_a_comma_separated_one() {
    let api = spawn_api().await;

    for (path, field, hint) in [
        (
            "/frameworks?language=python&language=cobol",
            "language",
            "python",
        ),
        (
            "/compare?ids=django&ids=fiber&ids=gin&ids=flask&ids=fastapi",
            "ids",
            "2 to 4",
        ),
        ("/compare?ids=django&ids=django", "ids", "twice"),
    ] {
        let reply = api.client.get(path).await;
        assert_eq!(reply.error_fields(), [field], "{path}: {}", reply.body);
        reply.field_error(field, hint);
    }

    let empty = api
        .client
        .list_frameworks("language=python&language=")
        .await;
    empty.problem(400);
}

#[tokio::test]
async fn a_scalar_given_twice_is_a_400() {
    let api = spawn_api().await;

    for (path, query) in [
        ("/frameworks", "sort=name&sort=performance"),
        ("/frameworks", "limit=5&limit=5"),
        ("/faq", "q=django&q=flask"),
        ("/faq", "q=django&topic=trends&topic=trends"),
    ] {
        let reply = api.client.get(&format!("{path}?{query}")).await;
        let detail = reply.problem(400)["detail"].as_str().unwrap().to_owned();
        assert!(
            detail.contains("more than once"),
            "{path}?{query}: {detail}"
        );
    }
}
