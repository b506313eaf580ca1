//! The Lambda entry point every function's `main` calls: tracing, settings and stores once
//! per container (outside the handler), then the router under `lambda_http`.

use axum::Router;

use crate::context::Context;

pub async fn serve(app: fn(Context) -> Router) -> Result<(), lambda_http::Error> {
    crate::telemetry::init();
    let context = Context::from_env().await?;
    lambda_http::run(app(context)).await
}
