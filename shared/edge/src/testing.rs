//! Helpers for the functions' router and Lambda-event tests and the black-box suite (feature
//! `testing`), so every suite shares one way to drive a router and one way to read a reply.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderMap, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

/// What a test looks at in a response, from a router or over HTTP alike.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    /// The body as JSON; `Value::Null` when empty, a JSON string when not JSON.
    pub body: Value,
    /// The body's bytes as sent, for what parsing hides (how a string was escaped).
    pub raw: Vec<u8>,
}

impl Reply {
    pub fn new(status: StatusCode, headers: HeaderMap, bytes: &[u8]) -> Self {
        let body = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(bytes)
                .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(bytes).into()))
        };
        Self {
            status,
            headers,
            body,
            raw: bytes.to_vec(),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }

    /// Asserts this is an RFC 9457 problem document with `status`, and returns it.
    pub fn problem(&self, status: u16) -> &Value {
        assert_eq!(self.status, status, "status; body: {}", self.body);
        assert_eq!(
            self.header("content-type"),
            Some(crate::problem::PROBLEM_JSON),
            "{}",
            self.body
        );
        assert_eq!(self.body["status"], status);
        for field in ["type", "title", "detail"] {
            assert!(
                self.body[field].is_string(),
                "problem without {field}: {}",
                self.body
            );
        }
        &self.body
    }

    /// The `field` of each error a problem lists, in order (empty when it lists none).
    pub fn error_fields(&self) -> Vec<&str> {
        self.body["errors"]
            .as_array()
            .map(|errors| errors.iter().filter_map(|e| e["field"].as_str()).collect())
            .unwrap_or_default()
    }

    /// Asserts a 422 whose first field error is about `field` and says `hint` (a valid value,
    /// a bound), and returns the problem.
    pub fn field_error(&self, field: &str, hint: &str) -> &Value {
        let problem = self.problem(422);
        assert_eq!(problem["errors"][0]["field"], field);
        assert!(
            problem["errors"][0]["message"]
                .as_str()
                .unwrap()
                .contains(hint),
            "{field}: {problem}"
        );
        problem
    }

    /// Asserts a 200 JSON body with an `ETag`, as every successful GET has, and returns it.
    pub fn ok(&self) -> &Value {
        assert_eq!(self.status, 200, "body: {}", self.body);
        assert!(
            self.header("etag").is_some(),
            "successful GETs carry an ETag"
        );
        &self.body
    }
}

/// Sends one request through the router, as `lambda_http` or the local server would.
pub async fn send(app: &Router, request: Request) -> Reply {
    let response = app
        .clone()
        .oneshot(request)
        .await
        .expect("routers are infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    Reply::new(status, headers, &bytes)
}

/// Sends `method uri` with `headers` and, when given, a JSON body.
pub async fn call(
    app: &Router,
    method: &str,
    uri: &str,
    headers: &[(&str, &str)],
    body: Option<&Value>,
) -> Reply {
    let mut request = Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let request = match body {
        Some(body) => request
            .header("content-type", "application/json")
            .body(Body::from(body.to_string())),
        None => request.body(Body::empty()),
    };
    send(app, request.unwrap()).await
}

/// A valid framework body for a `PUT`: an existing framework under a new id and name.
pub fn framework_body(id: &str) -> Value {
    let fastapi = model::dataset::load_frameworks()
        .unwrap()
        .into_iter()
        .find(|f| f.id.as_str() == "fastapi")
        .unwrap();
    let mut body = serde_json::to_value(fastapi).unwrap();
    body["id"] = Value::from(id);
    body["name"] = Value::from(format!("Framework {id}"));
    body
}

/// The whole life of a framework through the admin routes of `app` (writes allowed), on
/// whichever store it runs: create (201), create again (412), replace (200, new ETag), a stale
/// replace (412 naming the current ETag), an unconditional one (428), a listing that counts it,
/// then delete's 428, 412, 204 and 404. `catalog_size` is the number of frameworks before.
pub async fn admin_write_lifecycle(app: &Router, catalog_size: u64) {
    use axum::http::StatusCode;
    use serde_json::json;

    let put = async |condition: &[(&str, &str)], body: &Value| {
        call(app, "PUT", "/frameworks/newcomer", condition, Some(body)).await
    };
    let created = put(&[("if-none-match", "*")], &framework_body("newcomer")).await;
    assert_eq!(
        (created.status, created.header("etag")),
        (StatusCode::CREATED, Some("\"1\""))
    );
    assert_eq!(created.header("location"), Some("/frameworks/newcomer"));
    let again = put(&[("if-none-match", "*")], &framework_body("newcomer")).await;
    assert_eq!(again.status, StatusCode::PRECONDITION_FAILED);

    let mut edited = framework_body("newcomer");
    edited["description"] = json!("Edited by an admin.");
    let replaced = put(&[("if-match", "\"1\"")], &edited).await;
    assert_eq!(
        (replaced.status, replaced.header("etag")),
        (StatusCode::OK, Some("\"2\""))
    );
    let stale = put(&[("if-match", "\"1\"")], &edited).await;
    assert_eq!(stale.status, StatusCode::PRECONDITION_FAILED);
    assert!(
        stale.body["detail"].as_str().unwrap().contains("\"2\""),
        "{}",
        stale.body
    );
    let blind = put(&[], &edited).await;
    assert_eq!(blind.status, StatusCode::PRECONDITION_REQUIRED);

    let fetched = call(app, "GET", "/frameworks/newcomer", &[], None).await;
    assert_eq!(fetched.body["description"], "Edited by an admin.");
    assert_eq!(fetched.body["version"], 2);
    let listed = call(app, "GET", "/frameworks?limit=100", &[], None).await;
    assert_eq!(listed.body["count"], catalog_size + 1);

    let delete = async |if_match: &[(&str, &str)]| {
        call(app, "DELETE", "/frameworks/newcomer", if_match, None).await
    };
    let blind_delete = delete(&[]).await;
    assert_eq!(blind_delete.status, StatusCode::PRECONDITION_REQUIRED);
    let stale_delete = delete(&[("if-match", "\"1\"")]).await;
    assert_eq!(stale_delete.status, StatusCode::PRECONDITION_FAILED);
    let deleted = delete(&[("if-match", "\"2\"")]).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    let twice = delete(&[("if-match", "\"2\"")]).await;
    assert_eq!(twice.status, StatusCode::NOT_FOUND);
    let gone = call(app, "GET", "/frameworks/newcomer", &[], None).await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
}

/// Deletes `id` (at `etag`) and creates it again through `app` (writes allowed), then holds
/// every `ETag` the id had before to the rule that a version never repeats: each is a 200
/// (not a 304) for `If-None-Match` and a 412 for `If-Match` on `PUT` and `DELETE`, so a client
/// that never saw the new framework cannot overwrite or delete it by accident.
pub async fn recreation_never_reuses_an_etag(app: &Router, id: &str, etag: &str) {
    use axum::http::StatusCode;

    let uri = format!("/frameworks/{id}");
    let mut seen = vec![etag.to_owned()];
    let mut edited = framework_body(id);
    edited["description"] = Value::from("Before the delete.");
    let replaced = call(app, "PUT", &uri, &[("if-match", etag)], Some(&edited)).await;
    assert_eq!(replaced.status, StatusCode::OK, "{}", replaced.body);
    let current = replaced.header("etag").unwrap().to_owned();
    seen.push(current.clone());
    let deleted = call(app, "DELETE", &uri, &[("if-match", &current)], None).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);

    let mut reborn_body = framework_body(id);
    reborn_body["description"] = Value::from("Created again after a delete.");
    let reborn = call(
        app,
        "PUT",
        &uri,
        &[("if-none-match", "*")],
        Some(&reborn_body),
    )
    .await;
    assert_eq!(reborn.status, StatusCode::CREATED, "{}", reborn.body);
    let new_etag = reborn.header("etag").unwrap().to_owned();
    assert!(
        !seen.contains(&new_etag),
        "the new {new_etag} repeats one of {seen:?}"
    );
    for old in &seen {
        let fetched = call(app, "GET", &uri, &[("if-none-match", old)], None).await;
        assert_eq!(fetched.status, StatusCode::OK, "If-None-Match: {old}");
        assert_eq!(fetched.body["description"], "Created again after a delete.");
        let overwrite = call(app, "PUT", &uri, &[("if-match", old)], Some(&edited)).await;
        assert_eq!(
            overwrite.status,
            StatusCode::PRECONDITION_FAILED,
            "PUT If-Match: {old}"
        );
        let delete = call(app, "DELETE", &uri, &[("if-match", old)], None).await;
        assert_eq!(
            delete.status,
            StatusCode::PRECONDITION_FAILED,
            "DELETE If-Match: {old}"
        );
    }
    // A read shows the facts too: its tag is the new version's, joined by the facts' tag.
    let read = call(app, "GET", &uri, &[], None).await;
    let read_etag = read.header("etag").unwrap().to_owned();
    assert_eq!(version_of(&read_etag), version_of(&new_etag), "{read_etag}");
    let unchanged = call(app, "GET", &uri, &[("if-none-match", &read_etag)], None).await;
    assert_eq!(unchanged.status, StatusCode::NOT_MODIFIED);
}

/// The version a framework's `ETag` names (`"3"` or `"3.<facts tag>"`).
pub fn version_of(etag: &str) -> Option<u64> {
    let tag = etag.strip_prefix('"')?.strip_suffix('"')?;
    let version = tag.split_once('.').map_or(tag, |(version, _)| version);
    version.parse().ok()
}

/// The `id` of every item in the array `list` of `body`, in order.
pub fn ids(body: &Value, list: &str) -> Vec<String> {
    body[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Asserts that a recommendation `body` has a shortlist, every entry one of `ids` and
/// explained by at least one reason.
pub fn assert_shortlist_among(body: &Value, ids: &[&str]) {
    let items = body["recommendations"].as_array().unwrap();
    assert!(!items.is_empty());
    for item in items {
        assert!(ids.contains(&item["id"].as_str().unwrap()));
        assert!(!item["reasons"].as_array().unwrap().is_empty());
    }
}

/// Asserts that `POST path` is a 405 problem document whose `Allow` names GET.
pub async fn assert_get_only(app: &Router, path: &str) {
    let request = Request::post(path).body(Body::empty()).unwrap();
    let reply = send(app, request).await;
    reply.problem(405);
    assert!(reply.header("allow").unwrap().contains("GET"));
}

pub fn get(uri: &str) -> Request {
    Request::get(uri).body(Body::empty()).unwrap()
}

/// An API Gateway HTTP API (payload 2.0) event, parsed by `lambda_http` exactly as in Lambda
/// (request context, path and query included), as a request the router takes.
pub fn lambda_event(event_json: &str) -> Request {
    lambda_http::request::from_str(event_json)
        .expect("a valid API Gateway v2 event")
        .map(Body::new)
}
