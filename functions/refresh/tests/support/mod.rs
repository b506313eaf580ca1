//! A fake package registry on 127.0.0.1 serving the recorded documents in `fixtures/`, one
//! registry per path prefix (`/npm/express`), with faults switched on per prefix: a status,
//! garbage, a truncated document, or a slow answer. Every answer can be delayed to stand in
//! for a registry across the internet. Answers carry an `ETag` and honour `If-None-Match`.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

#[derive(Debug, Clone)]
pub(crate) enum Fault {
    Status(u16),
    Garbage,
    Truncated,
    Slow(Duration),
}

#[derive(Debug, Default)]
struct State {
    latency: Mutex<Duration>,
    faults: Mutex<BTreeMap<String, Fault>>,
    requests: AtomicUsize,
    conditional_hits: AtomicUsize,
}

#[derive(Debug)]
pub(crate) struct FakeRegistry {
    pub(crate) url: String,
    state: Arc<State>,
    server: JoinHandle<()>,
}

/// The packages whose registry documents are recorded in `fixtures/` (those with facts in
/// `model::facts::recorded`): the others have none for the fake registry to serve, and
/// `model`'s facts tests name them.
pub(crate) fn recorded_packages() -> BTreeMap<String, model::facts::Package> {
    let recorded = model::facts::recorded().unwrap();
    let packages: BTreeMap<_, _> = model::facts::packages()
        .unwrap()
        .into_iter()
        .filter(|(id, _)| recorded.contains_key(id))
        .collect();
    assert_eq!(
        packages.len(),
        recorded.len(),
        "a recorded fact has no package"
    );
    packages
}

pub(crate) fn fixtures() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures"))
}

impl FakeRegistry {
    pub(crate) async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let state = Arc::new(State::default());
        let shared = state.clone();
        let server = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let state = shared.clone();
                tokio::spawn(async move {
                    let service = service_fn(move |request| answer(state.clone(), request));
                    let _ = http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        Self { url, state, server }
    }

    pub(crate) fn latency(&self, latency: Duration) {
        *self.state.latency.lock().unwrap() = latency;
    }

    /// Faults every request under `/{registry}/`.
    pub(crate) fn fault(&self, registry: &str, fault: Fault) {
        self.state
            .faults
            .lock()
            .unwrap()
            .insert(registry.to_owned(), fault);
    }

    pub(crate) fn heal(&self) {
        self.state.faults.lock().unwrap().clear();
    }

    pub(crate) fn requests(&self) -> usize {
        self.state.requests.load(Ordering::SeqCst)
    }

    pub(crate) fn not_modified_answers(&self) -> usize {
        self.state.conditional_hits.load(Ordering::SeqCst)
    }
}

impl Drop for FakeRegistry {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// The fixture file of a request: the decoded path, and a query folded into the file name.
pub(crate) fn fixture_path(path: &str, query: Option<&str>) -> PathBuf {
    let decoded = path
        .replace("%2f", "/")
        .replace("%2F", "/")
        .replace("%40", "@");
    let mut relative = decoded.trim_start_matches('/').to_owned();
    if let Some(query) = query {
        relative.push_str("__");
        relative.extend(query.chars().map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-') {
                c
            } else {
                '_'
            }
        }));
    }
    fixtures().join(relative)
}

async fn answer(
    state: Arc<State>,
    request: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    state.requests.fetch_add(1, Ordering::SeqCst);
    let latency = *state.latency.lock().unwrap();
    tokio::time::sleep(latency).await;
    let registry = request
        .uri()
        .path()
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    let fault = state.faults.lock().unwrap().get(&registry).cloned();
    let respond = |status: u16, body: Bytes| {
        Response::builder()
            .status(status)
            .body(Full::new(body))
            .unwrap()
    };
    if let Some(Fault::Slow(delay)) = &fault {
        tokio::time::sleep(*delay).await;
    }
    let path = fixture_path(request.uri().path(), request.uri().query());
    let Ok(body) = std::fs::read(&path) else {
        return Ok(respond(404, Bytes::from_static(b"not found")));
    };
    match fault {
        Some(Fault::Status(status)) => {
            return Ok(respond(
                status,
                Bytes::from_static(b"<html>upstream error</html>"),
            ));
        }
        Some(Fault::Garbage) => {
            return Ok(respond(
                200,
                Bytes::from_static(b"<html><body>Service Temporarily Unavailable</body></html>"),
            ));
        }
        Some(Fault::Truncated) => {
            return Ok(respond(
                200,
                Bytes::copy_from_slice(&body[..body.len() / 2]),
            ));
        }
        Some(Fault::Slow(_)) | None => {}
    }
    let mut hasher = DefaultHasher::new();
    body.hash(&mut hasher);
    let etag = format!("\"{:016x}\"", hasher.finish());
    let matches = request
        .headers()
        .get(hyper::header::IF_NONE_MATCH)
        .is_some_and(|sent| sent.as_bytes() == etag.as_bytes());
    if matches {
        state.conditional_hits.fetch_add(1, Ordering::SeqCst);
        let mut response = respond(304, Bytes::new());
        *response.status_mut() = StatusCode::NOT_MODIFIED;
        return Ok(response);
    }
    Ok(Response::builder()
        .status(200)
        .header(hyper::header::ETAG, etag)
        .body(Full::new(Bytes::from(body)))
        .unwrap())
}
