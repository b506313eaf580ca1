//! `Age` on answers served from a container's fallback copy while the store is down.
//!
//! RFC 9111 §5.1: `Age` is what a cache adds to a response it serves from storage instead of
//! the origin, and its value is how many seconds old that stored answer is. A client, a CDN or
//! a browser already reads it: with `Cache-Control: max-age=60`, `Age: 90` says the answer is
//! 30 s past its freshness. `Warning: 110` said "stale" before RFC 9111 deprecated it, and
//! `stale-if-error` (RFC 5861) is a permission given to caches, not a statement about this
//! response. A fresh answer carries no `Age`, so its presence alone tells "served from the
//! copy". The caches (`runtime::cache`) call [`answered_from_copy`]; [`mark`] turns it into
//! the header, for every route of every function (`router::finish`).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

tokio::task_local! {
    /// 1 + the age in seconds of the oldest copy the current request was answered from; 0: none.
    static COPY_AGE: Arc<AtomicU64>;
}

/// Says that the request being answered used a stored copy `age` old instead of the store.
/// Outside a request (a tool, a test without [`measured`]) it does nothing.
pub fn answered_from_copy(age: Duration) {
    let encoded = age.as_secs().saturating_add(1);
    // Not inside a request: there is no response to mark.
    let _ = COPY_AGE.try_with(|oldest| oldest.fetch_max(encoded, Ordering::Relaxed));
}

/// Runs `work`, and returns with its output the age of the oldest copy it was answered from.
pub async fn measured<F: Future>(work: F) -> (F::Output, Option<Duration>) {
    let oldest = Arc::new(AtomicU64::new(0));
    let output = COPY_AGE.scope(oldest.clone(), work).await;
    let age = oldest
        .load(Ordering::Relaxed)
        .checked_sub(1)
        .map(Duration::from_secs);
    (output, age)
}

/// Middleware: `Age: <seconds>` on a response answered from a copy.
pub async fn mark(request: Request, next: Next) -> Response {
    let (mut response, age) = measured(next.run(request)).await;
    if let Some(age) = age {
        response
            .headers_mut()
            .insert(header::AGE, HeaderValue::from(age.as_secs()));
    }
    response
}

#[cfg(test)]
mod tests {
    use axum::Router;
    use axum::body::Body;
    use axum::routing::get;
    use tower::ServiceExt;

    use super::*;

    fn app() -> Router {
        Router::new()
            .route("/fresh", get(|| async { "from the store" }))
            .route(
                "/copy",
                get(|| async {
                    answered_from_copy(Duration::from_secs(3));
                    answered_from_copy(Duration::from_millis(90_500));
                    "from the copy"
                }),
            )
            .layer(axum::middleware::from_fn(mark))
    }

    async fn age_of(uri: &str) -> Option<String> {
        let request = Request::get(uri).body(Body::empty()).unwrap();
        let response = app().oneshot(request).await.unwrap();
        response
            .headers()
            .get(header::AGE)
            .map(|value| value.to_str().unwrap().to_owned())
    }

    #[tokio::test]
    async fn an_answer_from_a_copy_says_how_old_its_oldest_part_is() {
        assert_eq!(age_of("/copy").await.as_deref(), Some("90"));
        assert_eq!(age_of("/fresh").await, None, "a fresh answer has no Age");
    }

    #[test]
    fn outside_a_request_nothing_happens() {
        answered_from_copy(Duration::from_secs(1));
    }
}
