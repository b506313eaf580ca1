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
    let frameworks = selection.resolve(&catalog).map_err(|unknown| {
        let known = catalog.iter().map(|f| f.id.as_str());
        ApiError::unknown_ids(("framework", "frameworks"), &unknown, Some(known))
    })?;
    let comparison = compare(&frameworks, &priorities);
    conditional_json(&headers, &comparison, None, Freshness::Derived)
}
