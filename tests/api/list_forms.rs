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

    let comma = api
        .client
        .compare("ids=django,fiber,gin&priorities=security,performance")
        .await;
    let repeated = api
        .client
        .compare("ids=django&ids=fiber&ids=gin&priorities=security&priorities=performance")
        .await;
    let mixed = api
        .client
        .compare("ids=django,fiber&ids=gin&priorities=security&priorities=performance")
        .await;

    let expected = comma.ok();
    assert_eq!(ids(expected, "frameworks"), ["django", "fiber", "gin"]);
    for reply in [&repeated, &mixed] {
        assert_eq!(reply.ok()["verdict"], expected["verdict"]);
        assert_eq!(ids(&reply.body, "frameworks"), ids(expected, "frameworks"));
    }
}

#[tokio::test]
async fn a_repeated_list_is_validated_like_a_comma_separated_one() {
    let api = spawn_api().await;

    let unknown = api
        .client
        .list_frameworks("language=python&language=cobol")
        .await;
    let message = unknown.problem(422)["errors"][0]["message"]
        .as_str()
        .unwrap();
    assert!(message.contains("python"), "{message}");

    let too_many = api
        .client
        .compare("ids=django&ids=fiber&ids=gin&ids=flask&ids=fastapi")
        .await;
    assert_eq!(too_many.problem(422)["errors"][0]["field"], "ids");

    let duplicated = api.client.compare("ids=django&ids=django").await;
    assert_eq!(duplicated.problem(422)["errors"][0]["field"], "ids");

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
