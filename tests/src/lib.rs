//! A typed client for the Stack Advisor HTTP API, and the harness that gives a test a base
//! URL: `API_URL` when set (any deployment), otherwise a local server started in-process on
//! 127.0.0.1 with the store the environment selects (embedded unless table names are set).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use reqwest::Method;
use serde_json::Value;
pub use testkit::Reply;

/// Every answer the client receives is checked against the OpenAPI document the API serves,
/// fetched once per client: a black-box test cannot pass on a response the contract forbids.
#[derive(Debug, Clone)]
pub struct ApiClient {
    base: String,
    http: reqwest::Client,
    document: std::sync::Arc<tokio::sync::OnceCell<Value>>,
}

impl ApiClient {
    pub fn new(base: impl Into<String>) -> Self {
        let http = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(30))
            .build()
            .expect("an HTTP client");
        Self {
            base: base.into().trim_end_matches('/').to_owned(),
            http,
            document: Default::default(),
        }
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    /// `GET /frameworks?{query}`; `query` is sent as written (already encoded).
    pub async fn list_frameworks(&self, query: &str) -> Reply {
        self.get(&format!("/frameworks?{query}")).await
    }

    pub async fn get_framework(&self, id: &str) -> Reply {
        self.get(&format!("/frameworks/{id}")).await
    }

    /// `GET /trends`.
    pub async fn trends(&self) -> Reply {
        self.get("/trends").await
    }

    /// `GET /faq?{query}`; `query` is sent as written (already encoded).
    pub async fn list_faq(&self, query: &str) -> Reply {
        self.get(&format!("/faq?{query}")).await
    }

    pub async fn get_faq(&self, id: &str) -> Reply {
        self.get(&format!("/faq/{id}")).await
    }

    /// `GET /compare?{query}`; `query` is sent as written (already encoded).
    pub async fn compare(&self, query: &str) -> Reply {
        self.get(&format!("/compare?{query}")).await
    }

    /// `POST /recommendations` with `profile` as a JSON body.
    pub async fn recommend(&self, profile: &Value) -> Reply {
        self.send(
            Method::POST,
            "/recommendations",
            &[("content-type", "application/json")],
            Some(profile.to_string().into_bytes()),
        )
        .await
    }

    /// `GET path`, then revalidates it: again with `If-None-Match` and the `ETag` the first
    /// answer carried. Asserts the second is a 304 without a body and with the same `ETag`
    /// ([`Reply::assert_not_modified`]), and returns the first.
    pub async fn revalidate(&self, path: &str) -> Reply {
        let first = self.get(path).await;
        let etag = first.header("etag").expect("an ETag to revalidate with");
        let second = self
            .send(Method::GET, path, &[("if-none-match", etag)], None)
            .await;
        second.assert_not_modified(path, etag);
        first
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.send(Method::GET, path, &[], None).await
    }

    /// Any request, for the cases the typed methods do not cover. The reply has been checked
    /// against the served OpenAPI document.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<Vec<u8>>,
    ) -> Reply {
        let mut request = self.http.request(method.clone(), self.url(path));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        if let Some(body) = body {
            request = request.body(body);
        }
        let reply = receive(request).await;
        if !path.starts_with("/openapi.json") {
            let document = self
                .document
                .get_or_init(|| async {
                    receive(self.http.get(self.url("/openapi.json")))
                        .await
                        .ok()
                        .clone()
                })
                .await;
            assert_conforms(document, method.as_str(), path, &reply);
        }
        reply
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// Sends `request` and reads the whole answer, unchecked.
async fn receive(request: reqwest::RequestBuilder) -> Reply {
    let response = request.send().await.expect("the API answers");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.expect("a body");
    Reply::new(status, headers, &bytes)
}

/// The API under test, and whether writes may be exercised against it.
#[derive(Debug)]
pub struct TestApi {
    pub client: ApiClient,
    /// False with `E2E_READ_ONLY=1` (how `make deploy` checks a live deployment): tests that
    /// send PUT or DELETE, even ones meant to be refused, return before sending anything.
    pub writable: bool,
    _shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

/// Gives a test its API: `API_URL` if set, else a fresh local server in this process.
pub async fn spawn_api() -> TestApi {
    let read_only = std::env::var("E2E_READ_ONLY").is_ok_and(|v| v == "1" || v == "true");
    if let Ok(url) = std::env::var("API_URL")
        && !url.trim().is_empty()
    {
        return TestApi {
            client: ApiClient::new(url),
            writable: !read_only,
            _shutdown: None,
        };
    }
    let context = runtime::Context::from_env()
        .await
        .expect("settings from the environment");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let base = format!("http://{}", listener.local_addr().expect("an address"));
    let (shutdown, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(local_server::serve(listener, context, async {
        let _ = stopped.await;
    }));
    TestApi {
        client: ApiClient::new(base),
        writable: !read_only,
        _shutdown: Some(shutdown),
    }
}

impl ApiClient {
    /// `GET /openapi.json`: the contract as the API serves it.
    pub async fn openapi(&self) -> Value {
        self.get("/openapi.json").await.ok().clone()
    }
}

/// Asserts that `reply`, the answer to `method path_and_query`, is what the served OpenAPI
/// `document` promises: a documented status, media type and body schema.
pub fn assert_conforms(document: &Value, method: &str, path_and_query: &str, reply: &Reply) {
    let path = path_and_query.split('?').next().unwrap_or_default();
    let Some(template) = testkit::contract::template_for(document, path) else {
        // No such path: the answer must be the shared 404 problem.
        let problem = reply.problem(404);
        let errors = testkit::contract::component_errors(document, "Problem", problem);
        assert!(errors.is_empty(), "{method} {path_and_query}: {errors:#?}");
        return;
    };
    let observed = testkit::contract::Observed {
        status: reply.status.as_u16(),
        content_type: reply.header("content-type"),
        headers: reply.headers.keys().map(|name| name.to_string()).collect(),
        body: &reply.body,
    };
    let errors = testkit::contract::conformance_errors(document, method, &template, &observed);
    assert!(
        errors.is_empty(),
        "{method} {path_and_query}: {errors:#?}\nbody: {}",
        reply.body
    );
}
