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
