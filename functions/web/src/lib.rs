//! The web function: the advisor's pages for people, rendered on the server from the same
//! model and stores as the API, so that every page works with JavaScript off. A small
//! script (`assets/site.js`) only makes forms update their results as you type.
//!
//! | path | page |
//! |---|---|
//! | `/` | advice: describe the project, get an explained shortlist |
//! | `/catalog` | the catalog, filtered and sorted as `GET /frameworks` is |
//! | `/catalog/{id}` | one framework |
//! | `/versus?ids=a,b` | two to four frameworks side by side, with a radar chart |
//! | `/questions` | FAQ search and the trends |
//! | `/activity` | stable releases per year from the registries, as a chart and a table |
//! | `/assets/{file}` | CSS, script and icon under content-hashed names |
//!
//! Every page's state is in its query string, so any view can be shared as a link.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

mod assets;
mod bars;
mod chart;
mod error;
mod find;
mod form;
mod layout;
mod pages;
mod respond;

use std::sync::Arc;

use axum::Router;
use axum::routing::get;
use runtime::Context;
use runtime::faq_index::IndexCache;

pub use assets::ALL as ASSETS;
pub use error::miss_page;

/// What the pages share: the stores, and the FAQ index built once per container.
#[derive(Debug, Clone)]
struct Web {
    context: Context,
    faq_index: Arc<IndexCache>,
}

/// The web routes, without fallbacks: the local server merges them with the others.
pub fn routes(context: Context) -> Router {
    let faq_index = Arc::new(IndexCache::new(context.settings.cache_ttl));
    Router::new()
        .route("/", get(pages::advice::page))
        .route("/catalog", get(pages::catalog::page))
        .route("/catalog/{id}", get(pages::framework::page))
        .route("/versus", get(pages::versus::page))
        .route("/questions", get(pages::questions::page))
        .route("/activity", get(pages::activity::page))
        .route("/assets/{file}", get(pages::asset::serve))
        .with_state(Web { context, faq_index })
}

/// The web function as its Lambda serves it.
pub fn app(context: Context) -> Router {
    edge::router::finish_with_pages(routes(context), miss_page)
}
