//! The whole API in one router. This is the one place a new function joins the local
//! server (and through it the black-box suite): add its `routes` below.

use axum::Router;
use edge::Context;

/// Every function's routes at their production paths, with the shared fallbacks.
pub fn api(context: Context) -> Router {
    let routes = Router::new().merge(catalog::routes(context.clone()));
    edge::router::finish(routes)
}

/// Serves the API on `listener` until `shutdown` resolves.
pub async fn serve(
    listener: tokio::net::TcpListener,
    context: Context,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, api(context))
        .with_graceful_shutdown(shutdown)
        .await
}
