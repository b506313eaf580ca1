//! Real API Gateway HTTP API (payload 2.0) events, parsed by `lambda_http` as in Lambda and
//! driven through the same router the Lambda runs.

testkit::event_tests! {
    compare::app;

    fn a_prioritised_comparison_event(reply = "data/compare_prioritised.json") {
        assert_eq!(reply.status, 200);
        let verdict = &reply.body["verdict"];
        assert_eq!(verdict["winner"], "fiber");
        assert_eq!(
            verdict["priorities"],
            serde_json::json!(["performance", "security"])
        );
        assert_eq!(reply.body["frameworks"].as_array().unwrap().len(), 3);
        assert!(reply.header("etag").is_some());
    }

    fn a_typo_event_gets_404_with_suggestions(reply = "data/compare_typo.json") {
        assert_eq!(reply.problem(404)["suggestions"][0], "fastapi");
    }

    fn a_duplicate_id_event_gets_422(reply = "data/compare_duplicate_ids.json") {
        assert_eq!(reply.problem(422)["errors"][0]["field"], "ids");
    }

    fn an_unknown_priority_event_gets_422_listing_valid_values(
        reply = "data/compare_bad_priority.json"
    ) {
        reply.field_error("priorities", "ease_of_learning");
    }
}
