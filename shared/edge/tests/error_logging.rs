//! A failed request's cause reaches the log once: a 500 as one ERROR event, an expected 503
//! as one WARN event, and nothing else above INFO (not the store conversion, not the
//! problem rendering, not the trace layer).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::routing::get;
use edge::ApiError;
use model::StoreError;
use tower::ServiceExt;
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

/// The level of every event logged while it is the thread's subscriber.
#[derive(Clone, Default)]
struct Levels(Arc<Mutex<Vec<Level>>>);

impl<S: Subscriber> Layer<S> for Levels {
    fn on_event(&self, event: &Event<'_>, _context: Context<'_, S>) {
        self.0.lock().unwrap().push(*event.metadata().level());
    }
}

impl Levels {
    /// The events above INFO, most severe first, and forgets them all.
    fn take_above_info(&self) -> Vec<Level> {
        let mut levels: Vec<Level> = std::mem::take(&mut *self.0.lock().unwrap())
            .into_iter()
            .filter(|level| *level < Level::INFO)
            .collect();
        levels.sort();
        levels
    }
}

fn app() -> Router {
    edge::router::finish(
        Router::new()
            .route(
                "/failed",
                get(|| async {
                    Err::<(), ApiError>(
                        StoreError::Failed("access denied to the table".into()).into(),
                    )
                }),
            )
            .route(
                "/corrupt",
                get(|| async {
                    Err::<(), ApiError>(
                        StoreError::Corrupt("rating 'fast' is not a number".into()).into(),
                    )
                }),
            )
            .route(
                "/throttled",
                get(|| async {
                    Err::<(), ApiError>(
                        StoreError::Unavailable {
                            retry_after_secs: 2,
                            source: "throttled".into(),
                        }
                        .into(),
                    )
                }),
            )
            .route(
                "/panics",
                get(|| async {
                    if true {
                        panic!("an invariant broke");
                    }
                }),
            ),
    )
}

async fn status_of(path: &str) -> u16 {
    let request = Request::get(path).body(Body::empty()).unwrap();
    app().oneshot(request).await.unwrap().status().as_u16()
}

#[tokio::test]
async fn each_failed_request_logs_its_cause_once_at_the_level_it_deserves() {
    let levels = Levels::default();
    let _guard =
        tracing::subscriber::set_default(tracing_subscriber::registry().with(levels.clone()));

    for path in ["/failed", "/corrupt", "/panics"] {
        assert_eq!(status_of(path).await, 500, "{path}");
        assert_eq!(levels.take_above_info(), [Level::ERROR], "{path}");
    }

    assert_eq!(status_of("/throttled").await, 503);
    assert_eq!(levels.take_above_info(), [Level::WARN]);

    assert_eq!(status_of("/nowhere").await, 404);
    let request = Request::post("/failed").body(Body::empty()).unwrap();
    assert_eq!(app().oneshot(request).await.unwrap().status(), 405);
    assert_eq!(
        levels.take_above_info(),
        [] as [Level; 0],
        "a client's mistake is not the service's to log"
    );
}
