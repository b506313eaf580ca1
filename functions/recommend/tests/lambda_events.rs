//! Real API Gateway HTTP API (payload 2.0) events, parsed by `lambda_http` as in Lambda and
//! driven through the same router the Lambda runs.

use testkit::advice::assert_shortlist_among;

testkit::event_tests! {
    recommend::app;

    fn a_serverless_profile_event(reply = "data/recommend_serverless.json") {
        let items = reply.list("recommendations");
        assert_eq!(items.len(), 2);
        assert_eq!(items[0]["id"], "axum");
        assert!(items[0]["breakdown"]["deployment_fit"].as_f64().unwrap() > 0.0);
    }

    fn a_base64_encoded_body_event(reply = "data/recommend_base64_body.json") {
        assert_eq!(reply.status, 200);
        assert_eq!(reply.body["recommendations"][0]["id"], "django");
        assert_eq!(reply.body["considered"], 1);
    }

    fn an_unknown_use_case_event_gets_422_listing_valid_values(
        reply = "data/recommend_unknown_use_case.json"
    ) {
        reply.field_error("use_case", "high_throughput");
    }

    fn a_malformed_json_event_gets_400(reply = "data/recommend_malformed.json") {
        reply.problem(400);
    }

    fn a_form_encoded_event_gets_415(reply = "data/recommend_form_body.json") {
        reply.problem(415);
    }

    fn a_description_event_gets_the_profile_read_and_a_typescript_shortlist(
        reply = "data/recommend_description.json"
    ) {
        assert_eq!(reply.status, 200);
        let profile = &reply.body["profile"];
        assert_eq!(profile["use_case"], "realtime");
        assert_eq!(profile["languages"], serde_json::json!(["typescript"]));
        assert_eq!(profile["deployment"], "serverless");
        assert_eq!(profile["priorities"], serde_json::json!(["scalability"]));
        // Every TypeScript framework of the catalog may be on it; nothing in another language.
        assert_shortlist_among(
            &reply.body,
            &[
                "adonisjs", "elysia", "feathers", "hono", "loopback", "nestjs",
            ],
        );
        let readings = reply.body["interpretation"]["readings"].as_array().unwrap();
        assert!(
            readings
                .iter()
                .any(|r| r["field"] == "deployment" && r["words"] == serde_json::json!(["lambda"]))
        );
    }

    fn a_description_with_nothing_usable_event_gets_422_with_examples(
        reply = "data/recommend_description_unusable.json"
    ) {
        let problem = reply.problem(422);
        let message = problem["errors"][0]["message"].as_str().unwrap();
        assert_eq!(problem["errors"][0]["field"], "description");
        assert!(message.contains("For example"), "{message}");
    }
}
