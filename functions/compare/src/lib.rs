//! The compare function: `GET /compare?ids=a,b[,c[,d]][&priorities=dim,dim]`.
//!
//! The weighting of the verdict is documented on [`model::compare`].

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

use axum::Router;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use edge::{ApiError, Freshness, QueryParams, conditional_json};
use model::{Priorities, Selection, compare};
use runtime::Context;

pub const PARAMETERS: &[&str] = &["ids", "priorities"];

/// The compare routes, without fallbacks: the local server merges them with the others.
pub fn routes(context: Context) -> Router {
    Router::new()
        .route("/compare", get(compare_frameworks))
        .with_state(context)
}

/// The compare function as its Lambda serves it.
pub fn app(context: Context) -> Router {
    edge::router::finish(routes(context))
}

async fn compare_frameworks(
    State(context): State<Context>,
    headers: HeaderMap,
    params: QueryParams,
) -> Result<Response, ApiError> {
    let params = params.only(PARAMETERS)?;
    let Some(raw_ids) = params.joined("ids")? else {
        return Err(ApiError::invalid(
            "ids",
            "is required: 2 to 4 framework ids, comma-separated",
        ));
    };
    let selection = Selection::parse(&raw_ids)?;
    let priorities = Priorities::new(params.list("priorities")?);

    let catalog = context.stores.frameworks.catalog().await?;
    let frameworks = selection
        .resolve(&catalog)
        .map_err(|unknown| unknown_ids(&unknown, catalog.iter().map(|f| f.id.as_str())))?;
    let comparison = compare(&frameworks, &priorities);
    conditional_json(&headers, &comparison, None, Freshness::Derived)
}

/// A 404 naming every unknown id, with near misses for each as `suggestions`.
fn unknown_ids<'a>(unknown: &[String], known: impl Iterator<Item = &'a str> + Clone) -> ApiError {
    let mut suggestions: Vec<String> = Vec::new();
    for id in unknown {
        for suggestion in model::suggest::near_misses(id, known.clone()) {
            if !suggestions.contains(&suggestion) {
                suggestions.push(suggestion);
            }
        }
    }
    let names: Vec<String> = unknown
        .iter()
        .map(|id| format!("'{}'", model::echo(id)))
        .collect();
    let mut detail = match names.as_slice() {
        [one] => format!("no framework has the id {one}"),
        many => format!("no frameworks have the ids {}", many.join(", ")),
    };
    if !suggestions.is_empty() {
        detail.push_str(&format!("; did you mean {}?", suggestions.join(" or ")));
    }
    ApiError::NotFound {
        detail,
        suggestions,
    }
}
