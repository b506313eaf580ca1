//! The recommend function: `POST /recommendations` with a project profile.
//!
//! Filters, scoring and explanations are documented on [`model::recommend`].

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use edge::{ApiError, JsonBody};
use model::{Profile, Recommendations, recommend};
use runtime::Context;
use serde_json::Value;

/// The recommend routes, without fallbacks: the local server merges them with the others.
pub fn routes(context: Context) -> Router {
    Router::new()
        .route("/recommendations", post(recommendations))
        .with_state(context)
}

/// The recommend function as its Lambda serves it.
pub fn app(context: Context) -> Router {
    edge::router::finish(routes(context))
}

async fn recommendations(
    State(context): State<Context>,
    JsonBody(body): JsonBody<Value>,
) -> Result<Json<Value>, ApiError> {
    let profile = Profile::from_json(&body).map_err(ApiError::invalid_fields)?;
    let catalog = context.stores.frameworks.catalog().await?;
    let result: Recommendations<'_> = recommend(&catalog, &profile);
    // Serialised here, while the borrowed catalog is still alive.
    let body = serde_json::to_value(&result).map_err(|error| {
        tracing::error!(%error, "recommendations did not serialise");
        ApiError::Internal
    })?;
    Ok(Json(body))
}
