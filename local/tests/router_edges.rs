//! Router edges, the same in every function and in the local server: an unknown path is a
//! 404 problem, a known path with another method a 405 problem whose `Allow` lists exactly
//! the methods `shared/routes.json` gives it, and HEAD answers like GET without a body.
//! Every answer, JSON or page, says `nosniff`.

#![allow(clippy::unwrap_used)]

mod support;

use std::collections::{BTreeMap, BTreeSet};

use axum::Router;
use axum::http::Method;
use runtime::Context;
use support::*;

const PROBES: [Method; 7] = [
    Method::GET,
    Method::HEAD,
    Method::POST,
    Method::PUT,
    Method::DELETE,
    Method::PATCH,
    Method::OPTIONS,
];

const UNKNOWN_PATHS: [&str; 7] = [
    "/index.html",
    "/nope",
    "/frameworks/django/extra",
    "/framework",
    "/FRAMEWORKS",
    "/openapi.yaml",
    "/faq/x/y",
];

/// The methods routed at each path, for the given functions.
fn methods_by_path(functions: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
    let mut paths: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for route in served_routes()
        .into_iter()
        .filter(|r| functions.contains(&r.function.as_str()))
    {
        let methods = paths.entry(route.path).or_default();
        if route.method == Method::GET {
            methods.insert("HEAD".into());
        }
        methods.insert(route.method.to_string());
    }
    paths
}

fn concrete(path: &str) -> String {
    let route = routes().into_iter().find(|r| r.path == path).unwrap();
    example_request(&route).uri().to_string()
}

async fn check_edges(name: &str, app: &Router, functions: &[&str]) {
    for (path, allowed) in methods_by_path(functions) {
        let uri = concrete(&path);
        for method in PROBES {
            let reply = send(app, request(method.clone(), &uri, None)).await;
            assert_eq!(
                reply.header("x-content-type-options"),
                Some("nosniff"),
                "{name}: {method} {uri}"
            );
            if allowed.contains(method.as_str()) {
                assert!(
                    reply.status != 404 && reply.status != 405,
                    "{name}: {method} {uri} is routed but answered {}",
                    reply.status
                );
                continue;
            }
            if method == Method::HEAD {
                // A HEAD answer has no body, by definition; status and headers still tell.
                assert_eq!(reply.status, 405, "{name}: HEAD {uri}");
                assert!(reply.body.is_null(), "{name}: HEAD {uri} has a body");
            } else {
                reply.problem(405);
            }
            let allow: BTreeSet<String> = reply
                .header("allow")
                .unwrap_or_else(|| panic!("{name}: {method} {uri}: 405 without Allow"))
                .split(',')
                .map(|m| m.trim().to_owned())
                .collect();
            assert_eq!(allow, allowed, "{name}: Allow for {method} {path}");
        }
        if allowed.contains("GET") {
            let head = send(app, request(Method::HEAD, &uri, None)).await;
            let get = send(app, request(Method::GET, &uri, None)).await;
            assert_eq!(head.status, get.status, "{name}: HEAD {uri}");
            assert!(head.body.is_null(), "{name}: HEAD {uri} has a body");
            assert_eq!(
                head.header("etag"),
                get.header("etag"),
                "{name}: HEAD {uri}"
            );
        }
    }
    for uri in UNKNOWN_PATHS {
        for method in [Method::GET, Method::POST, Method::DELETE] {
            let reply = send(app, request(method.clone(), uri, None)).await;
            let problem = reply.problem(404);
            assert!(
                problem["type"].as_str().unwrap().ends_with("/not-found"),
                "{name}: {method} {uri}"
            );
        }
    }
}

#[tokio::test]
async fn every_function_answers_unknown_paths_and_wrong_methods_with_problems() {
    for (name, app) in function_apps() {
        check_edges(name, &app, &[name]).await;
        // A route of another function is an unknown path to this one: each Lambda only
        // receives its own routes from API Gateway, and says so if one reaches it anyway.
        for (path, _) in methods_by_path(&function_names())
            .into_iter()
            .filter(|(path, _)| !methods_by_path(&[name]).contains_key(path))
        {
            let reply = send(&app, request(Method::GET, &concrete(&path), None)).await;
            reply.problem(404);
        }
    }
}

#[tokio::test]
async fn the_local_server_answers_the_edges_like_the_functions() {
    let api = local_server::api(Context::embedded().unwrap());
    check_edges("local", &api, &function_names()).await;
}

#[tokio::test]
async fn edge_problems_are_identical_in_every_function_and_the_local_server() {
    let api = local_server::api(Context::embedded().unwrap());
    for (name, app) in function_apps() {
        for (method, uri) in [(Method::GET, "/nope"), (Method::PATCH, "/openapi.json")] {
            let (mine, local) = (
                send(&app, request(method.clone(), uri, None)).await,
                send(&api, request(method.clone(), uri, None)).await,
            );
            if mine.status == 404 && local.status == 405 {
                continue;
            }
            assert_eq!(mine.status, local.status, "{name}: {method} {uri}");
            assert_eq!(mine.body, local.body, "{name}: {method} {uri}");
            assert_eq!(mine.header("allow"), local.header("allow"));
        }
    }
}

#[tokio::test]
async fn an_encoded_dot_dot_id_is_an_unknown_framework_not_another_page() {
    let api = local_server::api(Context::embedded().unwrap());
    for uri in ["/frameworks/%2E%2E", "/frameworks/.%2e", "/frameworks/%2e."] {
        let reply = send(&api, request(Method::GET, uri, None)).await;
        reply.problem(404);
    }
}
