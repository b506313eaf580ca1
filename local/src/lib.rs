//! The whole API in one router. [`FUNCTIONS`] is the one place a new function joins the
//! local server, and through it the black-box suite and the route-table tests.

pub mod connections;

pub use connections::Limits;

use axum::Router;
use runtime::Context;

/// Builds one function's routes from the shared context.
pub type Routes = fn(Context) -> Router;

/// Every function by the name the route table, Terraform and the Makefile use, with the
/// constructor of its routes (without fallbacks, so that they merge).
pub const FUNCTIONS: &[(&str, Routes)] = &[
    ("catalog", catalog::routes),
    ("compare", compare::routes),
    ("faq", faq::routes),
    ("recommend", recommend::routes),
    ("web", web::routes),
];

/// Every function's routes at their production paths, with the shared fallbacks: a browser
/// that misses gets the web function's page.
pub fn api(context: Context) -> Router {
    let routes = FUNCTIONS.iter().fold(Router::new(), |api, (_, routes)| {
        api.merge(routes(context.clone()))
    });
    edge::router::finish_with_pages(routes, web::miss_page)
}

/// Serves the API on `listener` with the default [`Limits`] until `shutdown` resolves.
pub async fn serve(
    listener: tokio::net::TcpListener,
    context: Context,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_within(listener, context, Limits::default(), shutdown).await
}

/// Serves the API on `listener` within `limits` until `shutdown` resolves.
pub async fn serve_within(
    listener: tokio::net::TcpListener,
    context: Context,
    limits: Limits,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    connections::serve(listener, api(context), limits, shutdown).await
}
