//! What the contract tests share: the route table, the OpenAPI document, a validator for
//! the document's schemas, and a way to drive a router without a server.

#![allow(
    dead_code,
    unused_imports,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request};
use serde_json::{Value, json};
#[allow(unused_imports)]
pub(crate) use testkit::contract::{Observed, component_errors, resolve, schema_errors};
pub(crate) use testkit::{Reply, send};

/// Every function's Lambda router, as its `main` builds it: its routes with the shared
/// fallbacks. The functions come from the local server's table, the one place they join.
pub(crate) fn function_apps() -> Vec<(&'static str, Router)> {
    local_server::FUNCTIONS
        .iter()
        .map(|(name, routes)| {
            let context = runtime::Context::embedded().unwrap();
            (*name, edge::router::finish(routes(context)))
        })
        .collect()
}

pub(crate) fn function_names() -> Vec<&'static str> {
    local_server::FUNCTIONS
        .iter()
        .map(|(name, _)| *name)
        .collect()
}

/// The routes of the functions the local server has.
pub(crate) fn served_routes() -> Vec<Route> {
    routes()
        .into_iter()
        .filter(|route| function_names().contains(&route.function.as_str()))
        .collect()
}

/// One line of `shared/routes.json`.
#[derive(Debug, Clone)]
pub(crate) struct Route {
    pub method: Method,
    pub path: String,
    pub function: String,
    pub kind: Kind,
    /// Whether the route reads its query string (the CDN keys its copies on it).
    pub query: bool,
}

/// What a route serves: the JSON API that `shared/openapi.json` documents, or a page
/// (HTML for a browser, or one of its assets) that the document leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Api,
    Page,
}

impl Route {
    pub(crate) fn is_api(&self) -> bool {
        self.kind == Kind::Api
    }
}

pub(crate) fn routes() -> Vec<Route> {
    let table: Value = serde_json::from_str(include_str!("../../../shared/routes.json")).unwrap();
    table["routes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|route| Route {
            method: route["method"].as_str().unwrap().parse().unwrap(),
            path: route["path"].as_str().unwrap().to_owned(),
            function: route["function"].as_str().unwrap().to_owned(),
            kind: match route.get("kind").map(|kind| kind.as_str().unwrap()) {
                None | Some("api") => Kind::Api,
                Some("page") => Kind::Page,
                Some(other) => panic!("routes.json: unknown kind '{other}' (api or page)"),
            },
            query: route
                .get("query")
                .is_some_and(|query| query.as_bool().unwrap()),
        })
        .collect()
}

/// The routes of the JSON API, which the OpenAPI document must describe one for one.
pub(crate) fn api_routes() -> Vec<Route> {
    routes().into_iter().filter(Route::is_api).collect()
}

pub(crate) fn document() -> Value {
    serde_json::from_str(catalog::OPENAPI).unwrap()
}

/// The methods OpenAPI allows as keys of a path item.
pub(crate) const OPERATION_KEYS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// The parameters of an operation, path-level ones included, resolved.
pub(crate) fn parameters<'a>(document: &'a Value, path: &str, method: &str) -> Vec<&'a Value> {
    let item = &document["paths"][path];
    let shared = item["parameters"].as_array().into_iter().flatten();
    let own = item[method]["parameters"].as_array().into_iter().flatten();
    shared
        .chain(own)
        .map(|parameter| resolve(document, parameter))
        .collect()
}

/// Checks a reply against what the document promises for this operation and status.
pub(crate) fn conformance_errors(
    document: &Value,
    method: &Method,
    path: &str,
    reply: &Reply,
) -> Vec<String> {
    let observed = Observed {
        status: reply.status.as_u16(),
        content_type: reply.header("content-type"),
        headers: reply.headers.keys().map(|name| name.to_string()).collect(),
        body: &reply.body,
    };
    testkit::contract::conformance_errors(document, method.as_str(), path, &observed)
}

pub(crate) fn request(method: Method, uri: &str, body: Option<&Value>) -> Request<Body> {
    let builder = Request::builder().method(method).uri(uri);
    match body {
        Some(body) => builder
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .unwrap(),
        None => builder.body(Body::empty()).unwrap(),
    }
}

/// A request that exercises a route's success path, built from its template.
pub(crate) fn example_request(route: &Route) -> Request<Body> {
    let faq_id = model::dataset::load_faq().unwrap()[0].id.to_string();
    let uri = match route.path.as_str() {
        "/frameworks/{id}" => "/frameworks/django".to_owned(),
        "/faq/{id}" => format!("/faq/{faq_id}"),
        "/compare" => "/compare?ids=django,fastapi&priorities=performance".to_owned(),
        "/faq" => "/faq?q=fastest+python+framework&limit=3".to_owned(),
        "/frameworks" => "/frameworks?language=python&sort=performance&limit=2".to_owned(),
        "/catalog/{id}" => "/catalog/django".to_owned(),
        "/versus" => "/versus?ids=django,fastapi&priorities=performance".to_owned(),
        "/questions" => "/questions?q=fastest+python+framework".to_owned(),
        "/assets/{file}" => web::ASSETS[0].href(),
        other => other.to_owned(),
    };
    let body = match (route.method.as_str(), route.path.as_str()) {
        ("POST", "/recommendations") => Some(json!({"use_case": "rest_api", "priorities": ["performance"]})),
        ("PUT", _) => Some(document()["paths"]["/frameworks/{id}"]["put"]["requestBody"]["content"]["application/json"]["example"].clone()),
        _ => None,
    };
    let mut request = request(route.method.clone(), &uri, body.as_ref());
    if matches!(route.method, Method::PUT | Method::DELETE) {
        request
            .headers_mut()
            .insert("if-match", "\"1\"".parse().unwrap());
    }
    request
}
