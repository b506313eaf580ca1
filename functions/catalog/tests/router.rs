//! The catalog router, driven without a server.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;

use testkit::{assert_problems, assert_revalidates, assert_unrouted, embedded, get, send};

#[tokio::test]
async fn a_typo_answers_404_suggesting_the_framework() {
    let app = embedded(catalog::app);
    let reply = send(&app, get("/frameworks/djnago")).await;
    let problem = reply.problem(404);
    assert_eq!(problem["suggestions"], serde_json::json!(["django"]));
    // A shared cache that kept the 404 would hide the framework once an admin creates it.
    assert_eq!(reply.header("cache-control"), Some("no-store"));
}

#[tokio::test]
async fn cursor_pages_cover_every_framework_exactly_once() {
    let app = embedded(catalog::app);
    let all = send(&app, get("/frameworks?limit=100")).await;
    let total = all.body["count"].as_u64().unwrap();
    assert!(total >= 25);
    assert!(all.body["next_cursor"].is_null());

    let mut seen = Vec::new();
    let mut uri = "/frameworks?limit=7&sort=serverless_fit".to_owned();
    loop {
        let page = send(&app, get(&uri)).await;
        assert_eq!(page.status, 200);
        let items = page.body["items"].as_array().unwrap();
        assert_eq!(page.body["count"].as_u64().unwrap() as usize, items.len());
        seen.extend(
            items
                .iter()
                .map(|item| item["id"].as_str().unwrap().to_owned()),
        );
        match page.body["next_cursor"].as_str() {
            Some(cursor) => {
                uri = format!("/frameworks?limit=7&sort=serverless_fit&cursor={cursor}")
            }
            None => break,
        }
    }
    let unique: BTreeSet<_> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len(), "no framework twice");
    assert_eq!(seen.len() as u64, total, "every framework once");
}

#[tokio::test]
async fn a_second_get_with_the_etag_answers_304_without_a_body() {
    let app = embedded(catalog::app);
    for uri in ["/frameworks/django", "/frameworks?language=go"] {
        let first = assert_revalidates(&app, uri).await;
        assert!(first.header("cache-control").is_some(), "{uri}");
    }
}

#[tokio::test]
async fn filters_keep_only_matching_frameworks() {
    let app = embedded(catalog::app);
    let uri = "/frameworks?language=node,ts&feature=websockets&use_case=realtime";
    let reply = send(&app, get(uri)).await;
    let items = reply.list("items");
    assert!(!items.is_empty());
    for item in items {
        assert!(["javascript", "typescript"].contains(&item["language"].as_str().unwrap()));
        assert!(
            item["features"]
                .as_array()
                .unwrap()
                .contains(&"websockets".into())
        );
        assert!(
            item["use_cases"]
                .as_array()
                .unwrap()
                .contains(&"realtime".into())
        );
    }
}

#[tokio::test]
async fn a_dimension_sort_puts_the_best_first() {
    let app = embedded(catalog::app);
    let reply = send(&app, get("/frameworks?sort=performance")).await;
    let scores: Vec<u64> = reply.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["ratings"]["performance"].as_u64().unwrap())
        .collect();
    assert!(
        scores.windows(2).all(|pair| pair[0] >= pair[1]),
        "{scores:?}"
    );
}

#[tokio::test]
async fn every_bad_query_value_is_a_4xx_problem_document() {
    let app = embedded(catalog::app);
    let cases = [
        ("/frameworks?language=cobol", 422),
        ("/frameworks?category=huge", 422),
        ("/frameworks?feature=telepathy", 422),
        ("/frameworks?use_case=mining", 422),
        ("/frameworks?sort=popularity", 422),
        ("/frameworks?limit=0", 422),
        ("/frameworks?limit=101", 422),
        ("/frameworks?limit=ten", 400),
        ("/frameworks?limit=-1", 400),
        ("/frameworks?limit=99999999999999999999999", 422),
        ("/frameworks?sort=name&sort=name", 400),
        ("/frameworks?language=go&language=cobol", 422),
        ("/frameworks?language=go&language=", 400),
        ("/frameworks?language=", 400),
        ("/frameworks?language=go,,rust", 400),
        ("/frameworks?colour=red", 400),
        ("/frameworks?cursor=not-a-cursor", 400),
        ("/frameworks?cursor=%00%FF", 400),
    ];
    assert_problems(&app, &cases).await;
}

#[tokio::test]
async fn a_cursor_from_another_sort_is_refused() {
    let app = embedded(catalog::app);
    let first = send(&app, get("/frameworks?limit=2&sort=security")).await;
    let cursor = first.body["next_cursor"].as_str().unwrap();
    let reply = send(&app, get(&format!("/frameworks?limit=2&cursor={cursor}"))).await;
    assert!(
        reply.problem(400)["detail"]
            .as_str()
            .unwrap()
            .contains("sort=security")
    );
}

#[tokio::test]
async fn unknown_paths_and_methods_are_problem_documents() {
    let app = embedded(catalog::app);
    let unknown = ["/frameworks/django/extra", "/frameworks/..%2F..%2Fetc"];
    assert_unrouted(&app, &unknown, "/frameworks").await;
}

/// A 503 on a write is ambiguous: the store may have applied it before the answer was lost.
/// The served document says so where a client generator and a reader look: the response's
/// description for `PUT` and `DELETE`.
#[tokio::test]
async fn the_served_document_says_a_503_on_a_write_may_have_landed_and_how_to_retry() {
    let app = embedded(catalog::app);
    let reply = send(&app, get("/openapi.json")).await;
    let document = reply.body;
    for method in ["put", "delete"] {
        let mut response = &document["paths"]["/frameworks/{id}"][method]["responses"]["503"];
        if let Some(reference) = response["$ref"].as_str() {
            let name = reference.rsplit('/').next().unwrap();
            response = &document["components"]["responses"][name];
        }
        let description = response["description"].as_str().unwrap();
        for needed in ["may have", "If-Match", "412", "GET"] {
            assert!(
                description.contains(needed),
                "{method} 503 lacks '{needed}': {description}"
            );
        }
        assert!(response["headers"]["Retry-After"].is_object(), "{method}");
    }
    let read = &document["paths"]["/frameworks/{id}"]["get"]["responses"]["503"]["$ref"];
    assert_eq!(
        read, "#/components/responses/Unavailable",
        "a read's 503 is not ambiguous"
    );
}
