//! Real API Gateway HTTP API (payload 2.0) events, parsed by `lambda_http` as in Lambda and
//! driven through the same router the Lambda runs.

#![allow(clippy::unwrap_used)]

use testkit::{embedded, get, send, send_event};

testkit::event_tests! {
    catalog::app;

    fn a_filtered_sorted_listing_event(reply = "data/get_frameworks_filtered.json") {
        let items = reply.list("items");
        assert_eq!(items.len(), 2);
        assert!(items.iter().all(|item| item["language"] == "python"));
        // Fastest first: both carry the best performance rating of any Python framework, the
        // one FastAPI shares with the ASGI frameworks; level ones are listed by name.
        let catalog = model::dataset::load_frameworks().unwrap();
        let fastest = catalog
            .iter()
            .filter(|f| f.spec.language == model::Language::Python)
            .map(|f| f.spec.ratings.score(model::Dimension::Performance))
            .max()
            .unwrap();
        let fastapi = catalog.iter().find(|f| f.id.as_str() == "fastapi").unwrap();
        assert_eq!(
            fastapi.spec.ratings.score(model::Dimension::Performance),
            fastest
        );
        for item in items {
            assert_eq!(item["ratings"]["performance"], fastest, "{}", item["id"]);
        }
        assert!(reply.body["next_cursor"].is_string());
    }

    fn a_typo_event_gets_suggestions(reply = "data/get_framework_typo.json") {
        assert_eq!(reply.problem(404)["suggestions"][0], "django");
    }

    fn a_bad_vocabulary_event_gets_422_listing_valid_values(
        reply = "data/get_frameworks_bad_language.json"
    ) {
        reply.field_error("language", "python");
    }
}

/// The fixture names django's version and the tag of its recorded facts, as a client that
/// read it holds them; `make test-artifacts` sends the same event to the release zips. A
/// change to the recorded facts changes the tag: this test then says which one to write.
#[tokio::test]
async fn a_conditional_event_gets_304_for_the_tag_of_the_framework_and_its_facts() {
    let app = embedded(catalog::app);
    let current = send(&app, get("/frameworks/django")).await;
    let etag = current.header("etag").unwrap().to_owned();
    let event = include_str!("data/get_framework_not_modified.json");
    let sent = serde_json::to_string(&etag).unwrap();
    assert!(
        event.contains(&sent),
        "the fixture's If-None-Match must be {sent}"
    );

    let reply = send_event(&app, event).await;
    assert_eq!(reply.status, 304);
    assert_eq!(reply.header("etag"), Some(etag.as_str()));

    // The version alone does not name the body: it carries the facts as well.
    let version_alone = event.replace(&sent, &serde_json::to_string("\"1\"").unwrap());
    assert_eq!(send_event(&app, &version_alone).await.status, 200);
}
