//! One way to drive a router (a request, or an API Gateway event as Lambda parses it) and one
//! way to read what came back, from a router or over HTTP alike.

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
            Some(edge::problem::PROBLEM_JSON),
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

    /// Asserts this answers a revalidation of `uri` with `etag`: a 304 without a body that
    /// carries the same `ETag`.
    pub fn assert_not_modified(&self, uri: &str, etag: &str) {
        assert_eq!(self.status, 304, "{uri} revalidated: {}", self.body);
        assert!(self.body.is_null(), "{uri}: a 304 with a body");
        assert_eq!(self.header("etag"), Some(etag), "{uri}: the 304's ETag");
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

    /// Asserts a 200 whose body holds the array `name`, and returns its items.
    pub fn list(&self, name: &str) -> &[Value] {
        assert_eq!(self.status, 200, "body: {}", self.body);
        self.body[name]
            .as_array()
            .unwrap_or_else(|| panic!("no array {name}: {}", self.body))
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

/// A function's router (its `app`) on the embedded stores, as it runs without tables:
/// `embedded(catalog::app)`.
pub fn embedded(app: impl FnOnce(runtime::Context) -> Router) -> Router {
    app(runtime::Context::embedded().expect("the embedded dataset loads"))
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

/// The `id` of every item in the array `list` of `body`, in order.
pub fn ids(body: &Value, list: &str) -> Vec<String> {
    body[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Asserts that `POST path` is a 405 problem document whose `Allow` names GET.
pub async fn assert_get_only(app: &Router, path: &str) {
    let request = Request::post(path).body(Body::empty()).unwrap();
    let reply = send(app, request).await;
    reply.problem(405);
    assert!(reply.header("allow").unwrap().contains("GET"));
}

/// Asserts that `GET uri` carries an `ETag` which, sent back in `If-None-Match`, is answered
/// 304 without a body and with the same `ETag`; returns the first reply.
pub async fn assert_revalidates(app: &Router, uri: &str) -> Reply {
    let first = send(app, get(uri)).await;
    let etag = first
        .header("etag")
        .unwrap_or_else(|| panic!("{uri}: no ETag"))
        .to_owned();
    let second = call(app, "GET", uri, &[("if-none-match", &etag)], None).await;
    second.assert_not_modified(uri, &etag);
    first
}

/// Asserts that `GET uri` is a problem document with `status`, for each `(uri, status)`.
pub async fn assert_problems(app: &Router, cases: &[(&str, u16)]) {
    for (uri, status) in cases {
        let reply = send(app, get(uri)).await;
        assert_eq!(reply.status, *status, "{uri}: {}", reply.body);
        reply.problem(*status);
    }
}

/// Asserts that each of `unknown` is a 404 problem document and that `get_only` takes GET
/// alone (see [`assert_get_only`]): what a router answers outside its routes.
pub async fn assert_unrouted(app: &Router, unknown: &[&str], get_only: &str) {
    let cases: Vec<(&str, u16)> = unknown.iter().map(|uri| (*uri, 404)).collect();
    assert_problems(app, &cases).await;
    assert_get_only(app, get_only).await;
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

/// Sends one API Gateway HTTP API event (its JSON, as Lambda delivers it) through the router.
pub async fn send_event(app: &Router, event_json: &str) -> Reply {
    send(app, lambda_event(event_json)).await
}

/// Declares tests that each send one recorded API Gateway HTTP API event through a function's
/// router on the embedded stores (see [`embedded`] and [`send_event`]) and check the reply.
/// The event's path is relative to the test file, as for `include_str!`; the caller needs
/// `tokio` (its test macro), and the tests may `unwrap`, as test files do:
///
/// ```ignore
/// testkit::event_tests! {
///     catalog::app;
///
///     fn a_typo_event_gets_suggestions(reply = "data/get_framework_typo.json") {
///         assert_eq!(reply.problem(404)["suggestions"][0], "django");
///     }
/// }
/// ```
#[macro_export]
macro_rules! event_tests {
    ($app:path; $($(#[$attribute:meta])* fn $name:ident($reply:ident = $event:literal) $body:block)+) => {
        $(
            $(#[$attribute])*
            #[::tokio::test]
            #[allow(clippy::unwrap_used)]
            async fn $name() {
                let $reply =
                    $crate::send_event(&$crate::embedded($app), include_str!($event)).await;
                $body
            }
        )+
    };
}
