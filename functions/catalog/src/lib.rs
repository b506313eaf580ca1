//! The catalog function: the frameworks, filterable and paginated.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

mod openapi;
mod query;

pub use openapi::DOCUMENT as OPENAPI;
pub use query::PARAMETERS as LIST_PARAMETERS;

use axum::Router;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use edge::{ApiError, Context, ETag, Freshness, PathId, QueryParams, conditional_json};
use model::{Framework, Slug};
use serde::Serialize;

/// The catalog's routes, without fallbacks: the local server merges them with the others.
pub fn routes(context: Context) -> Router {
    Router::new()
        .route("/frameworks", get(list_frameworks))
        .route("/frameworks/{id}", get(get_framework))
        .route("/openapi.json", get(openapi::document))
        .with_state(context)
}

/// The catalog as its Lambda serves it.
pub fn app(context: Context) -> Router {
    edge::router::finish(routes(context))
}

#[derive(Debug, Serialize)]
pub struct FrameworkList {
    pub items: Vec<Framework>,
    pub count: usize,
    pub next_cursor: Option<String>,
}

async fn list_frameworks(
    State(context): State<Context>,
    headers: HeaderMap,
    params: QueryParams,
) -> Result<Response, ApiError> {
    let query = query::list_query(params)?;
    let page = context.stores.frameworks.list(&query).await?;
    let body = FrameworkList {
        count: page.items.len(),
        next_cursor: page.next.map(|cursor| cursor.encode()),
        items: page.items,
    };
    conditional_json(&headers, &body, None, Freshness::Catalog)
}

async fn get_framework(
    State(context): State<Context>,
    headers: HeaderMap,
    PathId(raw_id): PathId,
) -> Result<Response, ApiError> {
    let found = match Slug::parse(&raw_id) {
        Ok(id) => context.stores.frameworks.get(&id).await?,
        Err(_) => None,
    };
    match found {
        Some(framework) => {
            let etag = ETag::version(framework.version);
            conditional_json(&headers, &framework, Some(etag), Freshness::Catalog)
        }
        None => Err(unknown_framework(&context, &raw_id).await),
    }
}

/// A 404 naming the near misses, so `djnago` leads to `django`.
async fn unknown_framework(context: &Context, raw_id: &str) -> ApiError {
    let suggestions = match context.stores.frameworks.catalog().await {
        Ok(all) => {
            model::suggest::near_misses(&raw_id.to_lowercase(), all.iter().map(|f| f.id.as_str()))
        }
        Err(error) => {
            tracing::warn!(%error, "no suggestions: catalog unavailable");
            Vec::new()
        }
    };
    let mut detail = format!(
        "no framework has the id '{}'",
        edge::extract::truncate(raw_id)
    );
    if !suggestions.is_empty() {
        detail.push_str(&format!("; did you mean {}?", suggestions.join(" or ")));
    }
    ApiError::NotFound {
        detail,
        suggestions,
    }
}
