//! Whole requests through the local server's router (every function, writes allowed):
//! the first line is `METHOD /path?query`, the rest the body. Whatever arrives, the answer
//! is never a 5xx, and every 4xx is a problem document.

#![no_main]

use std::sync::LazyLock;

use axum::Router;
use axum::body::Body;
use axum::http::Request;
use libfuzzer_sys::fuzz_target;
use tower::ServiceExt;

static RUNTIME: LazyLock<tokio::runtime::Runtime> = LazyLock::new(|| {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap_or_else(|error| panic!("a runtime: {error}"))
});

static API: LazyLock<Router> = LazyLock::new(|| {
    let settings = runtime::Settings::from_lookup(|name| {
        (name == "ALLOW_LOCAL_WRITES").then(|| "true".to_owned())
    })
    .unwrap_or_else(|error| panic!("settings: {error}"));
    let context = runtime::Context {
        settings: std::sync::Arc::new(settings),
        stores: runtime::Stores::embedded().unwrap_or_else(|error| panic!("stores: {error}")),
    };
    local_server::api(context)
});

const METHODS: [&str; 5] = ["GET", "POST", "PUT", "DELETE", "HEAD"];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let (target, body) = match rest.iter().position(|b| *b == b'\n') {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, &[][..]),
    };
    let Ok(target) = std::str::from_utf8(target) else {
        return;
    };
    let method = METHODS[usize::from(selector) % METHODS.len()];
    let mut builder = Request::builder().method(method).uri(format!("/{target}"));
    if selector & 0x80 == 0 {
        builder = builder.header("content-type", "application/json");
    }
    if selector & 0x40 == 0 {
        builder = builder.header("if-match", "\"1\"");
    } else if selector & 0x20 == 0 {
        builder = builder.header("if-none-match", "*");
    }
    let Ok(request) = builder.body(Body::from(body.to_vec())) else {
        return; // not a request http can even represent
    };
    RUNTIME.block_on(async {
        let response = API
            .clone()
            .oneshot(request)
            .await
            .unwrap_or_else(|never| match never {});
        let status = response.status();
        assert!(!status.is_server_error(), "{method} /{target}: {status}");
        if status.is_client_error() && method != "HEAD" {
            let content_type = response.headers().get("content-type").cloned();
            assert_eq!(
                content_type.as_ref().and_then(|v| v.to_str().ok()),
                Some("application/problem+json"),
                "{method} /{target}: {status}"
            );
        }
    });
});
