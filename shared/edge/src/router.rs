//! What every router gets last, in every function and in the local server alike: problem
//! documents for unknown paths (404) and wrong methods (405 with `Allow`), a panic guard that
//! answers a generic 500, `Age` on answers served from a fallback copy, and request tracing.

use axum::Router;
use axum::http::{Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;

use crate::problem::ApiError;

/// Adds the shared fallbacks and layers to a router made of one or more functions' routes.
pub fn finish(routes: Router) -> Router {
    routes
        .fallback(unknown_path)
        .method_not_allowed_fallback(wrong_method)
        .layer(axum::middleware::from_fn(crate::age::mark))
        .layer(CatchPanicLayer::custom(|_panic| {
            ApiError::Internal.into_response()
        }))
        .layer(TraceLayer::new_for_http())
}

async fn unknown_path(uri: Uri) -> ApiError {
    ApiError::not_found(format!(
        "no endpoint at '{}'; see GET /openapi.json",
        model::echo(uri.path())
    ))
}

/// axum calls this for a known path with an unsupported method, then adds the `Allow`
/// header listing the supported ones to whatever it returns.
async fn wrong_method(method: Method) -> Response {
    let mut response = ApiError::MethodNotAllowed {
        allow: String::new(),
    }
    .into_response();
    response.headers_mut().remove(header::ALLOW);
    *response.status_mut() = StatusCode::METHOD_NOT_ALLOWED;
    tracing::debug!(%method, "method not allowed");
    response
}
