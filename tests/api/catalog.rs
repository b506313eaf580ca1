use std::collections::BTreeSet;

use e2e::spawn_api;

#[tokio::test]
async fn listing_frameworks_returns_the_catalog_with_an_etag() {
    let api = spawn_api().await;

    let reply = api.client.list_frameworks("limit=100").await;

    let body = reply.ok();
    assert!(body["count"].as_u64().unwrap() >= 25);
    assert_eq!(
        body["count"].as_u64().unwrap() as usize,
        body["items"].as_array().unwrap().len()
    );
    assert!(reply.header("cache-control").unwrap().contains("max-age"));
}

#[tokio::test]
async fn a_misspelt_id_is_a_404_that_suggests_the_right_one() {
    let api = spawn_api().await;

    let reply = api.client.get_framework("djnago").await;

    assert_eq!(
        reply.problem(404)["suggestions"],
        serde_json::json!(["django"])
    );
}

#[tokio::test]
async fn cursor_pages_cover_every_framework_exactly_once() {
    let api = spawn_api().await;
    let total = api.client.list_frameworks("limit=100").await.ok()["count"]
        .as_u64()
        .unwrap();

    let mut seen = Vec::new();
    let mut query = "limit=5".to_owned();
    loop {
        let reply = api.client.list_frameworks(&query).await;
        let body = reply.ok();
        seen.extend(
            body["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["id"].as_str().unwrap().to_owned()),
        );
        match body["next_cursor"].as_str() {
            Some(cursor) => query = format!("limit=5&cursor={cursor}"),
            None => break,
        }
    }

    let unique: BTreeSet<&String> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len(), "a framework appeared twice");
    assert_eq!(seen.len() as u64, total);
}

#[tokio::test]
async fn a_second_get_with_the_etag_answers_304() {
    let api = spawn_api().await;

    api.client.revalidate("/frameworks/django").await;
}

#[tokio::test]
async fn filters_and_sorts_answer_what_was_asked() {
    let api = spawn_api().await;

    for (asked, served_as) in [("golang", "go"), ("python", "python")] {
        let query = format!("language={asked}&sort=performance");
        let reply = api.client.list_frameworks(&query).await;

        let items = reply.ok()["items"].as_array().unwrap().clone();
        assert!(items.len() >= 3, "{query}");
        assert!(items.iter().all(|f| f["language"] == served_as), "{query}");
        let scores: Vec<u64> = items
            .iter()
            .map(|f| f["ratings"]["performance"].as_u64().unwrap())
            .collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{query}");
    }
}

#[tokio::test]
async fn every_bad_query_value_answers_a_4xx_problem_document() {
    let api = spawn_api().await;
    for (query, status) in [
        ("language=cobol", 422),
        ("sort=hype", 422),
        ("limit=0", 422),
        ("limit=many", 400),
        ("cursor=forged", 400),
        ("sort=name&sort=name", 400),
        ("released_within_months=0", 422),
        ("released_within_months=241", 422),
        ("released_within_months=soon", 400),
        ("language=go&language=cobol", 422),
        ("unknown=1", 400),
    ] {
        api.client.list_frameworks(query).await.problem(status);
    }
}

#[tokio::test]
async fn an_unknown_path_is_a_404_problem_document() {
    let api = spawn_api().await;

    api.client.get("/no-such-endpoint").await.problem(404);
}
