//! The faq router, driven without a server.

#![allow(clippy::unwrap_used)]

use testkit::{assert_problems, assert_revalidates, assert_unrouted, embedded, get, ids, send};

#[tokio::test]
async fn without_a_query_entries_come_in_id_order_up_to_the_limit() {
    let app = embedded(faq::app);
    let reply = send(&app, get("/faq")).await;
    assert_eq!(reply.status, 200);
    let first = ids(&reply.body, "items");
    assert_eq!(first.len(), 10, "the default limit");
    assert_eq!(reply.body["count"], 10);
    let mut sorted = first.clone();
    sorted.sort();
    assert_eq!(first, sorted);
    assert!(reply.body["items"][0].get("score").is_none());

    let all = send(&app, get("/faq?limit=50")).await;
    assert!(ids(&all.body, "items").len() >= 30);
    assert_eq!(ids(&all.body, "items")[..10], first[..]);
}

#[tokio::test]
async fn a_search_ranks_best_first_with_scores() {
    let app = embedded(faq::app);
    let reply = send(&app, get("/faq?q=is%20C%23%20quicker%20than%20Java")).await;
    assert_eq!(reply.status, 200);
    let items = reply.body["items"].as_array().unwrap();
    assert_eq!(items[0]["id"], "csharp-vs-java-performance");
    let scores: Vec<f64> = items
        .iter()
        .map(|item| item["score"].as_f64().unwrap())
        .collect();
    assert!(
        scores.windows(2).all(|pair| pair[0] >= pair[1]),
        "{scores:?}"
    );
    assert!(scores.iter().all(|score| score.is_finite() && *score > 0.0));
    assert!(items[0]["related_frameworks"].is_array() && items[0]["sources"].is_array());
}

#[tokio::test]
async fn topic_and_limit_narrow_both_listing_and_search() {
    let app = embedded(faq::app);
    let trends = send(&app, get("/faq?topic=trends&limit=50")).await;
    let items = trends.body["items"].as_array().unwrap();
    assert!(items.len() >= 5);
    assert!(items.iter().all(|item| item["topic"] == "trends"));

    let search = send(&app, get("/faq?q=fastest%20framework&topic=python&limit=2")).await;
    let items = search.body["items"].as_array().unwrap();
    assert!(!items.is_empty() && items.len() <= 2);
    assert!(items.iter().all(|item| item["topic"] == "python"));
}

#[tokio::test]
async fn a_query_that_matches_nothing_is_an_empty_list() {
    let app = embedded(faq::app);
    let reply = send(&app, get("/faq?q=the%20of%20and")).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body["count"], 0);
    assert_eq!(reply.body["items"], serde_json::json!([]));
}

#[tokio::test]
async fn an_entry_by_id_and_a_typo_with_suggestions() {
    let app = embedded(faq::app);
    let reply = send(&app, get("/faq/node-or-django")).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body["id"], "node-or-django");
    for field in [
        "question",
        "answer",
        "topic",
        "related_frameworks",
        "sources",
    ] {
        assert!(reply.body.get(field).is_some(), "{field}");
    }
    let typo = send(&app, get("/faq/node-or-djnago")).await;
    assert_eq!(typo.problem(404)["suggestions"][0], "node-or-django");
    send(&app, get("/faq/Not%20A%20Slug")).await.problem(404);
    send(&app, get("/faq/%C0%AF")).await.problem(400);
}

#[tokio::test]
async fn a_second_get_with_the_etag_answers_304_without_a_body() {
    let app = embedded(faq::app);
    for uri in [
        "/faq/trend-serverless",
        "/faq?q=serverless",
        "/faq?topic=basics",
    ] {
        let first = assert_revalidates(&app, uri).await;
        assert_eq!(
            first.header("cache-control"),
            Some("public, max-age=300, stale-while-revalidate=60"),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn every_bad_query_value_is_a_4xx_problem_document() {
    let app = embedded(faq::app);
    let long = format!("/faq?q={}", "a".repeat(257));
    let just_right = format!("/faq?q={}", "django%20".repeat(28));
    let cases = [
        ("/faq?topic=gossip", 422),
        ("/faq?limit=0", 422),
        ("/faq?limit=51", 422),
        ("/faq?limit=ten", 400),
        ("/faq?limit=-1", 400),
        (long.as_str(), 422),
        ("/faq?q=", 400),
        ("/faq?q=%20%20", 400),
        ("/faq?q=go&q=rust", 400),
        ("/faq?topic=trends&topic=basics", 400),
        ("/faq?search=django", 400),
    ];
    assert_problems(&app, &cases).await;
    for uri in ["/faq?q=%FF%FE", just_right.as_str()] {
        assert_eq!(send(&app, get(uri)).await.status, 200, "{uri}");
    }
    let topic = send(&app, get("/faq?topic=gossip")).await;
    let message = topic.body["errors"][0]["message"].as_str().unwrap();
    for valid in ["basics", "choosing", "performance", "languages", "trends"] {
        assert!(message.contains(valid), "{message}");
    }
}

#[tokio::test]
async fn unknown_paths_and_methods_are_problem_documents() {
    let app = embedded(faq::app);
    assert_unrouted(&app, &["/faq/node-or-django/extra"], "/faq").await;
}

#[tokio::test]
async fn an_echoed_tag_is_never_markup_and_every_answer_says_nosniff() {
    let app = embedded(faq::app);
    let markup = "/faq?topic=%3Cimg%20src%3Dx%3E";
    for uri in [markup, "/faq", "/faq/no-such-entry"] {
        let reply = send(&app, get(uri)).await;
        assert_eq!(
            reply.header("x-content-type-options"),
            Some("nosniff"),
            "{uri}"
        );
    }
    let reply = send(&app, get(markup)).await;
    let problem = reply.problem(422);
    assert!(problem["detail"].as_str().unwrap().contains("<img src=x>"));
    let raw = String::from_utf8(reply.raw.clone()).unwrap();
    assert!(!raw.contains('<') && !raw.contains('>'), "{raw}");
}
