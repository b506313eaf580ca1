use e2e::{ApiClient, Reply, spawn_api};
use reqwest::Method;
use serde_json::{Value, json};
use testkit::advice::assert_shortlist_among;
use testkit::ids;

#[tokio::test]
async fn a_profile_gets_a_ranked_shortlist_with_explanations() {
    let api = spawn_api().await;

    let profile = json!({
        "use_case": "rest_api",
        "priorities": ["performance", "type_safety"],
        "languages": ["go", "rust", "python"],
        "deployment": "serverless",
        "limit": 5
    });
    let reply = api.client.recommend(&profile).await;

    assert_eq!(reply.status, 200, "{}", reply.body);
    let items = reply.body["recommendations"].as_array().unwrap();
    assert_eq!(items.len(), 5);
    let mut previous = f64::MAX;
    for (index, item) in items.iter().enumerate() {
        assert_eq!(item["rank"], index + 1);
        let score = item["score"].as_f64().unwrap();
        assert!((0.0..=100.0).contains(&score) && score <= previous);
        previous = score;
        assert!(!item["reasons"].as_array().unwrap().is_empty());
        assert!(item["breakdown"]["deployment_fit"].is_number());
        for (texts, details) in [("reasons", "reason_details"), ("caveats", "caveat_details")] {
            let details = item[details].as_array().unwrap();
            let texts = item[texts].as_array().unwrap();
            assert_eq!(texts.len(), details.len());
            for (text, detail) in texts.iter().zip(details) {
                let text = text.as_str().unwrap();
                assert_eq!(detail["text"], text);
                assert!(detail["kind"].is_string());
                assert!(!text.contains('_'), "an identifier in {text:?}");
            }
        }
    }
    let first = &items[0]["reason_details"];
    let deployment = first
        .as_array()
        .unwrap()
        .iter()
        .find(|reason| reason["kind"] == "deployment")
        .unwrap();
    assert_eq!(deployment["deployment"], "serverless");
    assert_eq!(deployment["ratings"][0]["dimension"], "serverless_fit");
    assert!(
        deployment["text"]
            .as_str()
            .unwrap()
            .starts_with("Suits running serverless: serverless fit ")
    );
    for excluded in reply.body["excluded"].as_array().unwrap() {
        assert!(
            excluded["reason"]
                .as_str()
                .unwrap()
                .starts_with("Written in")
        );
        assert!(excluded["language"].is_string());
    }
}

#[tokio::test]
async fn the_same_profile_gets_the_same_ranking() {
    let api = spawn_api().await;
    let profile = json!({"use_case": "microservices", "limit": 10});

    let first = api.client.recommend(&profile).await;
    let second = api.client.recommend(&profile).await;

    assert_eq!(first.status, 200);
    assert_eq!(first.body, second.body);
}

#[tokio::test]
async fn a_required_feature_is_a_hard_filter() {
    let api = spawn_api().await;

    let profile =
        json!({"use_case": "data_driven", "required_features": ["admin_panel"], "limit": 10});
    let reply = api.client.recommend(&profile).await;

    assert_eq!(reply.status, 200);
    let items = reply.body["recommendations"].as_array().unwrap();
    assert!(items.iter().any(|item| item["id"] == "django"));
    let flask = reply.body["excluded"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "flask")
        .unwrap();
    assert_eq!(flask["missing_features"], json!(["admin_panel"]));
    assert_eq!(flask["reason"], "Lacks an admin panel, which you required.");
}

#[tokio::test]
async fn missing_or_unknown_values_are_a_422_that_lists_the_valid_ones() {
    let api = spawn_api().await;

    for (profile, field, valid) in [
        (json!({}), "use_case", "rest_api"),
        (json!({"use_case": "blockchain"}), "use_case", "realtime"),
        (
            json!({"use_case": "cms", "languages": ["cobol"]}),
            "languages[0]",
            "python",
        ),
        (json!({"use_case": "cms", "limit": 11}), "limit", "10"),
    ] {
        api.client
            .recommend(&profile)
            .await
            .field_error(field, valid);
    }
}

#[tokio::test]
async fn bodies_that_are_not_json_or_too_large_are_refused() {
    let api = spawn_api().await;
    let json = [("content-type", "application/json")];

    let malformed = api
        .client
        .send(
            Method::POST,
            "/recommendations",
            &json,
            Some(b"{\"use_case\":".to_vec()),
        )
        .await;
    let plain = api
        .client
        .send(
            Method::POST,
            "/recommendations",
            &[("content-type", "text/plain")],
            Some(b"use_case=cms".to_vec()),
        )
        .await;
    let huge = format!(
        "{{\"use_case\":\"cms\",\"pad\":\"{}\"}}",
        "x".repeat(70 * 1024)
    );
    let too_large = api
        .client
        .send(
            Method::POST,
            "/recommendations",
            &json,
            Some(huge.into_bytes()),
        )
        .await;

    malformed.problem(400);
    plain.problem(415);
    too_large.problem(413);
}

#[tokio::test]
async fn a_description_in_plain_words_gets_the_profile_read_and_a_shortlist() {
    let api = spawn_api().await;

    let described = json!({"description": "realtime chat in typescript on lambda, must scale"});
    let reply = api.client.recommend(&described).await;

    assert_eq!(reply.status, 200, "{}", reply.body);
    let profile = &reply.body["profile"];
    assert_eq!(profile["use_case"], "realtime");
    assert_eq!(profile["languages"], json!(["typescript"]));
    assert_eq!(profile["deployment"], "serverless");
    assert!(
        profile["priorities"]
            .as_array()
            .unwrap()
            .contains(&json!("scalability"))
    );
    // Every TypeScript framework of the catalog may be on it; nothing in another language.
    assert_shortlist_among(
        &reply.body,
        &[
            "adonisjs", "elysia", "feathers", "hono", "loopback", "nestjs",
        ],
    );
    let readings = reply.body["interpretation"]["readings"].as_array().unwrap();
    let use_case = readings.iter().find(|r| r["field"] == "use_case").unwrap();
    assert_eq!(use_case["words"], json!(["realtime", "chat"]));
}

#[tokio::test]
async fn an_explicit_field_wins_over_the_description_and_is_reported() {
    let api = spawn_api().await;

    let profile = json!({
        "description": "fast python api, not java",
        "languages": ["go"],
        "limit": 2
    });
    let reply = api.client.recommend(&profile).await;

    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body["profile"]["languages"], json!(["go"]));
    assert_eq!(reply.body["profile"]["excluded_languages"], json!(["java"]));
    assert_eq!(
        reply.body["interpretation"]["overridden"],
        json!(["languages"])
    );
    assert_eq!(reply.body["recommendations"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn a_description_with_nothing_usable_says_what_to_write() {
    let api = spawn_api().await;

    let reply = api.client.recommend(&json!({"description": "hello"})).await;

    assert_eq!(reply.status, 422);
    let message = reply.body["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("looks for"), "{message}");
    assert!(message.contains("For example"), "{message}");
}

#[tokio::test]
async fn frameworks_named_in_the_words_or_the_request_are_ruled_out_or_put_first() {
    let api = spawn_api().await;

    let from_words = json!({
        "description": "small team of python devs building an internal dashboard, not django please",
        "preferred_frameworks": ["fastapi", "django"],
        "limit": 10
    });
    let reply = recommend_naming(&api.client, &from_words, "django", "fastapi").await;
    let django = reply.body["excluded"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "django")
        .unwrap();
    assert!(django["reason"].as_str().unwrap().contains("by name"));

    let explicit = json!({
        "use_case": "rest_api",
        "languages": ["python"],
        "excluded_frameworks": ["fastapi"],
        "preferred_frameworks": ["fastapi", "flask"],
        "limit": 10
    });
    recommend_naming(&api.client, &explicit, "fastapi", "flask").await;
}

/// Asks for `profile`; asserts a shortlist whose profile rules `excluded` out and keeps only
/// `preferred` of the preferred frameworks, which comes first, and returns the reply.
async fn recommend_naming(
    client: &ApiClient,
    profile: &Value,
    excluded: &str,
    preferred: &str,
) -> Reply {
    let reply = client.recommend(profile).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(
        reply.body["profile"]["excluded_frameworks"],
        json!([excluded])
    );
    assert_eq!(
        reply.body["profile"]["preferred_frameworks"],
        json!([preferred])
    );
    let ids = ids(&reply.body, "recommendations");
    assert_eq!(ids.first().map(String::as_str), Some(preferred), "{ids:?}");
    assert!(!ids.iter().any(|id| id == excluded), "{ids:?}");
    reply
}

#[tokio::test]
async fn an_off_topic_description_is_a_422_that_says_what_was_not_found() {
    let api = spawn_api().await;

    let profile =
        json!({"description": "what's a decent laptop for a CS student under 1000 bucks"});
    let reply = api.client.recommend(&profile).await;

    assert_eq!(reply.status, 422, "{}", reply.body);
    let message = reply.body["errors"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("not read as a backend project"),
        "{message}"
    );
    assert!(message.contains("laptop"), "{message}");
}
