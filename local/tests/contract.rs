//! `shared/openapi.json` against the code: the route table, the routers, the vocabularies,
//! the query parameters each handler accepts and the JSON the model serialises. Any drift
//! between the served document and what the API does fails here.

#![allow(clippy::unwrap_used)]

mod support;

use std::collections::BTreeSet;

use axum::http::Method;
use model::facts::Registry;
use model::{Category, Deployment, Dimension, Feature, Language, UseCase};
use runtime::Context;
use serde_json::{Value, json};
use support::*;

fn api() -> axum::Router {
    local_server::api(Context::embedded().unwrap())
}

#[test]
fn every_route_has_an_operation_and_every_operation_a_route() {
    let document = document();
    let routed: BTreeSet<(String, String)> = api_routes()
        .into_iter()
        .map(|route| (route.method.to_string(), route.path))
        .collect();
    let documented: BTreeSet<(String, String)> = document["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| {
            OPERATION_KEYS
                .iter()
                .filter(|method| item.get(**method).is_some())
                .map(|method| (method.to_ascii_uppercase(), path.clone()))
        })
        .collect();
    assert_eq!(documented, routed);
}

#[test]
fn the_document_is_openapi_3_1_with_unique_operation_ids_and_no_dangling_refs() {
    let document = document();
    assert_eq!(document["openapi"], "3.1.0");
    let mut ids = BTreeSet::new();
    for item in document["paths"].as_object().unwrap().values() {
        for method in OPERATION_KEYS {
            if let Some(operation) = item.get(method) {
                let id = operation["operationId"].as_str().unwrap();
                assert!(ids.insert(id.to_owned()), "operationId {id} twice");
                assert!(
                    operation["responses"]
                        .as_object()
                        .is_some_and(|r| !r.is_empty())
                );
            }
        }
    }
    let text = document.to_string();
    for reference in text.split("\"$ref\":\"").skip(1) {
        let pointer = &reference[..reference.find('"').unwrap()];
        assert!(
            document.pointer(pointer.trim_start_matches('#')).is_some(),
            "dangling {pointer}"
        );
    }
}

fn enum_of(document: &Value, schema: &str) -> Vec<String> {
    document["components"]["schemas"][schema]["enum"]
        .as_array()
        .unwrap_or_else(|| panic!("{schema} has no enum"))
        .iter()
        .map(|value| value.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn vocabularies_are_the_model_s() {
    let document = document();
    let names = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    assert_eq!(enum_of(&document, "Language"), names(Language::NAMES));
    assert_eq!(enum_of(&document, "Category"), names(Category::NAMES));
    assert_eq!(enum_of(&document, "Dimension"), names(Dimension::NAMES));
    assert_eq!(enum_of(&document, "Feature"), names(Feature::NAMES));
    assert_eq!(enum_of(&document, "UseCase"), names(UseCase::NAMES));
    assert_eq!(enum_of(&document, "Deployment"), names(Deployment::NAMES));
    assert_eq!(enum_of(&document, "Registry"), names(Registry::NAMES));
    let mut sorts = vec!["name".to_owned()];
    sorts.extend(names(Dimension::NAMES));
    sorts.push(model::Sort::LatestRelease.as_str().to_owned());
    assert_eq!(enum_of(&document, "Sort"), sorts);
    for sort in &sorts {
        assert!(sort.parse::<model::Sort>().is_ok(), "{sort}");
    }
}

fn documented_query(document: &Value, path: &str, method: &str) -> BTreeSet<String> {
    parameters(document, path, method)
        .into_iter()
        .filter(|parameter| parameter["in"] == "query")
        .map(|parameter| parameter["name"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_catalog_documents_exactly_the_parameters_it_accepts() {
    let documented = documented_query(&document(), "/frameworks", "get");
    let accepted: BTreeSet<String> = edge::list_query::PARAMETERS
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(documented, accepted);
}

#[test]
fn the_faq_documents_exactly_its_parameters_and_topics() {
    let document = document();
    let documented = documented_query(&document, "/faq", "get");
    let accepted: BTreeSet<String> = faq::PARAMETERS.iter().map(|p| p.to_string()).collect();
    assert_eq!(documented, accepted);
    let topic = parameters(&document, "/faq", "get")
        .into_iter()
        .find(|parameter| parameter["name"] == "topic")
        .unwrap();
    let topics: Vec<&str> = topic["schema"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert_eq!(topics, model::Topic::NAMES);
}

/// Every handler refuses an unknown query parameter with a 400 naming the ones it accepts;
/// those must be exactly the documented ones.
#[tokio::test]
async fn every_endpoint_accepts_exactly_its_documented_query_parameters() {
    let document = document();
    let api = api();
    for route in served_routes()
        .iter()
        .filter(|r| r.method == Method::GET && r.is_api())
    {
        let documented = documented_query(&document, &route.path, "get");
        let base = example_request(route).uri().to_string();
        let separator = if base.contains('?') { '&' } else { '?' };
        let reply = send(
            &api,
            request(Method::GET, &format!("{base}{separator}zz_unknown=1"), None),
        )
        .await;
        if documented.is_empty() && reply.status == 200 {
            continue;
        }
        let detail = reply.problem(400)["detail"].as_str().unwrap().to_owned();
        let accepted: BTreeSet<String> = detail
            .split_once("accepts: ")
            .map(|(_, list)| list.split(", ").map(str::to_owned).collect())
            .unwrap_or_default();
        assert_eq!(accepted, documented, "GET {}: {detail}", route.path);
    }
}

#[test]
fn every_dataset_framework_and_faq_entry_matches_its_schema() {
    let document = document();
    for framework in model::dataset::load_frameworks().unwrap() {
        let value = serde_json::to_value(&framework).unwrap();
        let errors = component_errors(&document, "Framework", &value);
        assert!(errors.is_empty(), "{}: {errors:#?}", framework.id);
    }
    for entry in model::dataset::load_faq().unwrap() {
        let value = serde_json::to_value(&entry).unwrap();
        let errors = component_errors(&document, "FaqEntry", &value);
        assert!(errors.is_empty(), "{}: {errors:#?}", entry.id);
    }
}

#[test]
fn the_document_s_examples_match_their_schemas() {
    let document = document();
    for (name, schema) in document["components"]["schemas"].as_object().unwrap() {
        if let Some(example) = schema.get("example") {
            let errors = component_errors(&document, name, example);
            assert!(errors.is_empty(), "{name} example: {errors:#?}");
        }
    }
    let put =
        &document["paths"]["/frameworks/{id}"]["put"]["requestBody"]["content"]["application/json"];
    let errors = schema_errors(&document, &put["schema"], &put["example"]);
    assert!(errors.is_empty(), "PUT example: {errors:#?}");
    let spec =
        model::FrameworkSpec::from_json(&model::Slug::parse("fastapi").unwrap(), &put["example"]);
    assert!(
        spec.is_ok(),
        "the PUT example is a valid framework: {spec:?}"
    );
}

#[test]
fn a_field_the_schema_does_not_know_is_caught() {
    let document = document();
    let mut value = serde_json::to_value(&model::dataset::load_frameworks().unwrap()[0]).unwrap();
    value["colour"] = json!("blue");
    assert!(!component_errors(&document, "Framework", &value).is_empty());
    value.as_object_mut().unwrap().remove("colour");
    value.as_object_mut().unwrap().remove("ratings");
    assert!(!component_errors(&document, "Framework", &value).is_empty());
}

/// Each route's success path and a few failure paths, through the local server, answer as
/// the document says: a documented status, media type, headers and schema.
#[tokio::test]
async fn responses_conform_to_the_document() {
    let document = document();
    let api = api();
    let mut checked = 0;
    for route in served_routes().into_iter().filter(Route::is_api) {
        let reply = send(&api, example_request(&route)).await;
        let errors = conformance_errors(&document, &route.method, &route.path, &reply);
        assert!(errors.is_empty(), "{errors:#?}\nbody: {}", reply.body);
        checked += 1;
    }
    let failures = [
        (Method::GET, "/frameworks/{id}", "/frameworks/djnago"),
        (Method::GET, "/frameworks", "/frameworks?language=cobol"),
        (Method::GET, "/frameworks", "/frameworks?limit=0"),
        (Method::GET, "/frameworks", "/frameworks?cursor=forged"),
        (
            Method::GET,
            "/frameworks",
            "/frameworks?sort=name&sort=name",
        ),
        (Method::DELETE, "/openapi.json", "/openapi.json"),
    ];
    for (method, path, uri) in failures.clone() {
        let reply = send(&api, request(method.clone(), uri, None)).await;
        assert!(reply.status.is_client_error(), "{uri}: {}", reply.status);
        let errors = conformance_errors(&document, &method, path, &reply);
        assert!(errors.is_empty(), "{errors:#?}");
        checked += 1;
    }
    assert!(checked > failures.len(), "no route was checked");
}

#[tokio::test]
async fn the_document_is_served_with_caching_headers() {
    let api = api();
    let reply = send(&api, request(Method::GET, "/openapi.json", None)).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body, document());
    assert_eq!(
        reply.header("cache-control"),
        Some("public, max-age=300, stale-while-revalidate=60")
    );
    let etag = reply.header("etag").unwrap().to_owned();
    let mut conditional = request(Method::GET, "/openapi.json", None);
    conditional
        .headers_mut()
        .insert("if-none-match", etag.parse().unwrap());
    let reply = send(&api, conditional).await;
    assert_eq!(reply.status, 304);
    assert!(reply.body.is_null());
}

/// The CDN keys a route's copies on the query string only where `shared/routes.json` says
/// the route reads one (infra/cdn.tf). An API route reads one exactly when the document lists
/// query parameters for it; a page said to read none answers the same bytes whatever query
/// it is sent, so a copy keyed without the query is the right answer for every query.
#[tokio::test]
async fn routes_read_a_query_string_exactly_where_the_table_says() {
    let document = document();
    let api = api();
    let mut pages_without_query = 0;
    for route in routes() {
        let method = route.method.as_str().to_ascii_lowercase();
        if route.is_api() {
            let documented = parameters(&document, &route.path, &method)
                .iter()
                .any(|parameter| parameter["in"] == "query");
            assert_eq!(
                route.query, documented,
                "{} {}: routes.json query vs the document's query parameters",
                route.method, route.path
            );
        } else if !route.query {
            pages_without_query += 1;
            let plain = send(&api, example_request(&route)).await;
            let uri = format!(
                "{}?ids=django,fastapi&q=python&cursor=x&limit=2",
                example_request(&route).uri()
            );
            let queried = send(&api, request(Method::GET, &uri, None)).await;
            assert_eq!(plain.status, 200, "{}", route.path);
            assert_eq!(
                (queried.status, &queried.body),
                (plain.status, &plain.body),
                "{} reads its query string; mark it \"query\": true in routes.json",
                route.path
            );
        }
    }
    assert!(pages_without_query > 0, "no page left to check");
}

/// The pages are outside the API contract: the document does not describe them, and each
/// answers its example request with HTML (or, for an asset, its own type), never JSON.
#[tokio::test]
async fn page_routes_serve_html_and_stay_out_of_the_document() {
    let document = document();
    let api = api();
    let pages: Vec<Route> = routes().into_iter().filter(|r| !r.is_api()).collect();
    assert!(!pages.is_empty(), "routes.json has no page routes");
    for route in pages {
        assert!(
            document["paths"].get(&route.path).is_none(),
            "{} is a page route but the OpenAPI document describes it",
            route.path
        );
        let reply = send(&api, example_request(&route)).await;
        assert_eq!(reply.status, 200, "{} {}", route.method, route.path);
        let content_type = reply.header("content-type").unwrap_or_default();
        assert!(
            !content_type.contains("json"),
            "{}: a page answered {content_type}",
            route.path
        );
        if !route.path.starts_with("/assets/") {
            assert_eq!(content_type, "text/html; charset=utf-8", "{}", route.path);
        }
    }
}
