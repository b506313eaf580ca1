//! The faq function: the knowledge base of questions and trends, listed or searched.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use edge::{ApiError, Freshness, PathId, QueryParams, conditional_json};
use model::{FaqEntry, SearchText, Topic};
use runtime::Context;
use runtime::faq_index::IndexCache;
use serde::Serialize;

pub const PARAMETERS: &[&str] = &["q", "topic", "limit"];
pub const DEFAULT_LIMIT: usize = 10;
pub const MAX_LIMIT: usize = 50;

#[derive(Debug, Clone)]
struct Faq {
    context: Context,
    index: Arc<IndexCache>,
}

/// The faq routes, without fallbacks: the local server merges them with the others.
pub fn routes(context: Context) -> Router {
    let index = Arc::new(IndexCache::new(context.settings.cache_ttl));
    Router::new()
        .route("/faq", get(list_faq))
        .route("/faq/{id}", get(get_faq))
        .with_state(Faq { context, index })
}

/// The faq function as its Lambda serves it.
pub fn app(context: Context) -> Router {
    edge::router::finish(routes(context))
}

#[derive(Debug, Serialize)]
pub struct FaqList<'a> {
    pub items: Vec<FaqItem<'a>>,
    pub count: usize,
}

/// An entry, with its relevance when it answers a search.
#[derive(Debug, Serialize)]
pub struct FaqItem<'a> {
    #[serde(flatten)]
    pub entry: &'a FaqEntry,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

async fn list_faq(
    State(faq): State<Faq>,
    headers: HeaderMap,
    params: QueryParams,
) -> Result<Response, ApiError> {
    let params = params.only(PARAMETERS)?;
    let topic: Option<Topic> = params.one("topic")?;
    let limit = params
        .number("limit", 1..=MAX_LIMIT)?
        .unwrap_or(DEFAULT_LIMIT);
    let query = params
        .text("q")?
        .map(SearchText::parse)
        .transpose()
        .map_err(|error| ApiError::invalid("q", error.to_string()))?;

    let store = faq.context.stores.faq.as_ref();
    match query {
        Some(query) => {
            let searchable = faq.index.get(store).await?;
            let items: Vec<FaqItem<'_>> = searchable
                .index
                .search(&query, topic, limit)
                .into_iter()
                .filter_map(|hit| {
                    searchable.entries.get(hit.position).map(|entry| FaqItem {
                        entry,
                        score: Some(hit.score),
                    })
                })
                .collect();
            respond(&headers, items)
        }
        None => {
            let entries = store.entries().await?;
            let items: Vec<FaqItem<'_>> = entries
                .iter()
                .filter(|entry| topic.is_none_or(|topic| entry.topic == topic))
                .take(limit)
                .map(|entry| FaqItem { entry, score: None })
                .collect();
            respond(&headers, items)
        }
    }
}

fn respond(headers: &HeaderMap, items: Vec<FaqItem<'_>>) -> Result<Response, ApiError> {
    let body = FaqList {
        count: items.len(),
        items,
    };
    conditional_json(headers, &body, None, Freshness::Reference)
}

async fn get_faq(
    State(faq): State<Faq>,
    headers: HeaderMap,
    PathId(raw_id): PathId,
) -> Result<Response, ApiError> {
    match faq.context.stores.faq_entry(&raw_id).await? {
        Some(entry) => conditional_json(&headers, &entry, None, Freshness::Reference),
        // A 404 naming near-miss ids, so a mistyped link still leads somewhere.
        None => {
            let entries = faq.context.stores.faq.entries().await;
            Err(ApiError::unknown_id(
                ("FAQ entry", "FAQ entries"),
                &raw_id,
                entries,
                |e| e.id.as_str(),
            ))
        }
    }
}
