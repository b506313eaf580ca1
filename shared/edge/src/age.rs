//! `Age` on answers served from a container's fallback copy while the store is down.
//!
//! RFC 9111 §5.1: `Age` is what a cache adds to a response it serves from storage instead of
//! the origin, and its value is how many seconds old that stored answer is. A client, a CDN or
//! a browser already reads it: with `Cache-Control: max-age=60`, `Age: 90` says the answer is
//! 30 s past its freshness. `Warning: 110` said "stale" before RFC 9111 deprecated it, and
//! `stale-if-error` (RFC 5861) is a permission given to caches, not a statement about this
//! response. A fresh answer carries no `Age`, so its presence alone tells "served from the
//! copy". The caches (`runtime::cache`) call [`answered_from_copy`]; [`MarkAgeLayer`] turns it
//! into the header, for every route of every function (`router::finish`).

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::http::{self, HeaderValue, header};
use axum::response::Response;
use tower::{Layer, Service};

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

/// The layer that puts `Age: <seconds>` on a response answered from a copy.
///
/// A hand-written service, not `axum::middleware::from_fn`, which on every request clones
/// the service it wraps into a new box (`Next`) and boxes its future too.
#[derive(Debug, Clone, Copy, Default)]
pub struct MarkAgeLayer;

impl<S> Layer<S> for MarkAgeLayer {
    type Service = MarkAge<S>;

    fn layer(&self, inner: S) -> Self::Service {
        MarkAge { inner }
    }
}

/// See [`MarkAgeLayer`].
#[derive(Debug, Clone)]
pub struct MarkAge<S> {
    inner: S,
}

impl<S, B> Service<http::Request<B>> for MarkAge<S>
where
    S: Service<http::Request<B>, Response = Response>,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        let answer = self.inner.call(request);
        Box::pin(async move {
            let (answer, age) = measured(answer).await;
            let mut response = answer?;
            if let Some(age) = age {
                response
                    .headers_mut()
                    .insert(header::AGE, HeaderValue::from(age.as_secs()));
            }
            Ok(response)
        })
    }
}

#[cfg(test)]
mod tests {
    use axum::Router;
    use axum::body::Body;
    use axum::extract::Request;
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
            .layer(MarkAgeLayer)
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
