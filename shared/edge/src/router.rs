//! What every router gets last, in every function and in the local server alike: answers for
//! unknown paths (404), wrong methods (405 with `Allow`) and bodies over the limit (413), a
//! panic guard that answers a generic 500, the security headers on every response, `Age` on
//! answers served from a fallback copy, and request tracing.
//!
//! The fallbacks answer a problem document, or, where the router serves pages and the client
//! asked for HTML ([`crate::negotiate::wants_html`]), the page its [`MissPage`] renders.

use std::any::Any;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderMap, Method, Uri};
use axum::response::{IntoResponse, Response};
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;

use crate::extract::BODY_LIMIT;
use crate::negotiate::wants_html;
use crate::problem::ApiError;

/// A request the routes had no handler for, as a page-serving function shows it to a browser.
#[derive(Debug, Clone, Copy)]
pub enum Miss<'a> {
    /// 404: nothing at this path.
    UnknownPath { path: &'a str },
    /// 405: the path exists, not with this method.
    WrongMethod { method: &'a Method },
}

/// Renders a [`Miss`] as an HTML page with the miss's status.
pub type MissPage = fn(Miss<'_>) -> Response;

/// Adds the shared fallbacks and layers to a router of JSON routes only.
pub fn finish(routes: Router) -> Router {
    finish_with(routes, None)
}

/// [`finish`] for a router that serves pages: a browser that misses gets `page`'s HTML.
pub fn finish_with_pages(routes: Router, page: MissPage) -> Router {
    finish_with(routes, Some(page))
}

fn finish_with(routes: Router, page: Option<MissPage>) -> Router {
    let routes = routes
        .fallback(move |headers: HeaderMap, uri: Uri| async move {
            let path = uri.path();
            answer(page, &headers, Miss::UnknownPath { path }, || {
                ApiError::not_found(format!(
                    "no endpoint at '{}'; see GET /openapi.json",
                    model::echo(path)
                ))
            })
        })
        // axum adds the `Allow` header, listing the methods the path has, to this answer.
        .method_not_allowed_fallback(move |headers: HeaderMap, method: Method| async move {
            tracing::debug!(%method, "method not allowed");
            answer(
                page,
                &headers,
                Miss::WrongMethod { method: &method },
                || ApiError::MethodNotAllowed,
            )
        });
    // The layers wrap the finished router once, outermost first. `Router::layer` would wrap
    // every route in a box per layer, and each request would clone that chain of boxes, an
    // allocation per layer, before its handler ran.
    let layered = ServiceBuilder::new()
        // A failed request's cause is logged once, by `ApiError::report`; the trace layer
        // would log every 5xx again at ERROR without it, and a 503 is not an error of ours.
        .layer(TraceLayer::new_for_http().on_failure(()))
        // Outside the panic guard, so that its 500 is covered too.
        .map_response(crate::headers::secure)
        .layer(CatchPanicLayer::custom(panicked))
        .layer(crate::age::MarkAgeLayer)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .service(routes);
    Router::new().fallback_service(layered)
}

fn answer(
    page: Option<MissPage>,
    headers: &HeaderMap,
    miss: Miss<'_>,
    problem: impl FnOnce() -> ApiError,
) -> Response {
    match page {
        Some(page) if wants_html(headers) => page(miss),
        _ => problem().into_response(),
    }
}

fn panicked(panic: Box<dyn Any + Send + 'static>) -> Response {
    let message = panic
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a handler panicked".to_owned());
    ApiError::internal(format!("panic: {message}")).into_response()
}
