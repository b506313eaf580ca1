//! What every router gets last, in every function and in the local server alike: problem
//! documents for unknown paths (404), wrong methods (405 with `Allow`) and bodies over the
//! limit (413), a panic guard that answers a generic 500, `Age` on answers served from a
//! fallback copy, and request tracing.

use std::any::Any;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{Method, Uri};
use axum::response::{IntoResponse, Response};
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;

use crate::extract::BODY_LIMIT;
use crate::problem::ApiError;

/// Adds the shared fallbacks and layers to a router made of one or more functions' routes.
pub fn finish(routes: Router) -> Router {
    let routes = routes
        .fallback(unknown_path)
        .method_not_allowed_fallback(wrong_method);
    // The layers wrap the finished router once, outermost first. `Router::layer` would wrap
    // every route in a box per layer, and each request would clone that chain of boxes, an
    // allocation per layer, before its handler ran.
    let layered = ServiceBuilder::new()
        // A failed request's cause is logged once, by `ApiError::report`; the trace layer
        // would log every 5xx again at ERROR without it, and a 503 is not an error of ours.
        .layer(TraceLayer::new_for_http().on_failure(()))
        .layer(CatchPanicLayer::custom(panicked))
        .layer(crate::age::MarkAgeLayer)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .service(routes);
    Router::new().fallback_service(layered)
}

async fn unknown_path(uri: Uri) -> ApiError {
    ApiError::not_found(format!(
        "no endpoint at '{}'; see GET /openapi.json",
        model::echo(uri.path())
    ))
}

/// axum calls this for a known path with an unsupported method, then adds the `Allow`
/// header listing the supported ones to whatever it returns.
async fn wrong_method(method: Method) -> ApiError {
    tracing::debug!(%method, "method not allowed");
    ApiError::MethodNotAllowed
}

fn panicked(panic: Box<dyn Any + Send + 'static>) -> Response {
    let message = panic
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a handler panicked".to_owned());
    ApiError::internal(format!("panic: {message}")).into_response()
}
