//! The recommend function: `POST /recommendations` with a project profile, a description in
//! plain words, or both.
//!
//! Filters, scoring and explanations are documented on [`model::recommend`]; how a
//! description is read, on [`model::describe`].

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use edge::{ApiError, JsonBody};
use model::{Advice, Profile};
use runtime::Context;
use serde_json::Value;

/// The recommend routes, without fallbacks: the local server merges them with the others.
pub fn routes(context: Context) -> Router {
    // The description reader's lexicon is built by the first description, not at start: a
    // container that is only sent profiles never needs it, and start-up is every cold
    // request's latency.
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
) -> Result<Response, ApiError> {
    let read = Profile::read_json(&body).map_err(ApiError::invalid_fields)?;
    let catalog = context.stores.frameworks.catalog().await?;
    let advice = Advice::for_read(&catalog, &read);
    // Straight to bytes, while the borrowed catalog is still alive (no `Value` in between).
    let bytes = edge::json_bytes(&advice).map_err(|error| {
        ApiError::internal(format!("the recommendations did not serialise: {error}"))
    })?;
    // Derived from the body the client sent, which may describe a private project: no cache keeps it.
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (header::CACHE_CONTROL, edge::NO_STORE),
        ],
        bytes,
    )
        .into_response())
}
