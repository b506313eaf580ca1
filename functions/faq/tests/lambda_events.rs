//! Real API Gateway HTTP API (payload 2.0) events, parsed by `lambda_http` as in Lambda and
//! driven through the same router the Lambda runs.

testkit::event_tests! {
    faq::app;

    fn a_search_event_with_a_typo_ranks_the_right_entry_first(
        reply = "data/get_faq_search.json"
    ) {
        let items = reply.list("items");
        assert!(!items.is_empty() && items.len() <= 3);
        assert_eq!(items[0]["id"], "node-or-django");
        assert!(items[0]["score"].as_f64().unwrap() > 0.0);
        assert_eq!(reply.body["count"], items.len());
    }

    fn an_entry_event_gets_the_entry_with_cache_headers(reply = "data/get_faq_entry.json") {
        assert_eq!(reply.status, 200);
        assert_eq!(reply.body["topic"], "trends");
        assert!(reply.body.get("score").is_none());
        assert!(reply.header("etag").is_some());
        assert_eq!(
            reply.header("cache-control"),
            Some("public, max-age=300, stale-while-revalidate=60")
        );
    }

    fn a_typo_id_event_gets_suggestions(reply = "data/get_faq_entry_typo.json") {
        assert_eq!(reply.problem(404)["suggestions"][0], "node-or-django");
    }

    fn an_unknown_topic_event_gets_422_listing_the_topics(
        reply = "data/get_faq_search_bad_topic.json"
    ) {
        reply.field_error("topic", "trends");
    }
}
