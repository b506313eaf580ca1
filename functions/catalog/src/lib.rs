//! The catalog function: the frameworks, filterable and paginated.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

mod openapi;
mod trends;

pub use openapi::DOCUMENT as OPENAPI;

use std::sync::Arc;

use axum::Router;
use axum::extract::{FromRef, FromRequest, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use edge::list_query::list_query;
use edge::{
    Admin, ApiError, ETag, Freshness, JsonBody, LocalWrites, PathId, QueryParams,
    conditional_bytes, conditional_json, if_match_version, write_precondition,
};
use model::{
    Framework, FrameworkSpec, FrameworkWrite, Precondition, RenderedFrameworks, Slug, StoreError,
};
use runtime::Context;
use serde::Serialize;
use serde_json::value::RawValue;

/// What the catalog's handlers share: the stores, each framework's JSON rendered once per
/// version for the reads, and the trends rendered once per catalog and facts.
#[derive(Debug, Clone)]
struct Catalog {
    context: Context,
    rendered: Arc<RenderedFrameworks>,
    trends: Arc<trends::RenderedTrends>,
}

impl FromRef<Catalog> for LocalWrites {
    fn from_ref(catalog: &Catalog) -> Self {
        LocalWrites::from_ref(&catalog.context)
    }
}

impl Catalog {
    fn json(&self, framework: &Framework) -> Result<Arc<RawValue>, ApiError> {
        self.rendered.json(framework).map_err(|error| {
            ApiError::internal(format!("the framework did not serialise: {error}"))
        })
    }
}

/// The catalog's routes, without fallbacks: the local server merges them with the others.
pub fn routes(context: Context) -> Router {
    let catalog = Catalog {
        context,
        rendered: Arc::default(),
        trends: Arc::default(),
    };
    Router::new()
        .route("/frameworks", get(list_frameworks))
        .route(
            "/frameworks/{id}",
            get(get_framework)
                .put(put_framework)
                .delete(delete_framework),
        )
        .route("/trends", get(trends::trends))
        .route("/openapi.json", get(openapi::document))
        .with_state(catalog)
}

/// The catalog as its Lambda serves it.
pub fn app(context: Context) -> Router {
    edge::router::finish(routes(context))
}

/// A page of `GET /frameworks`; each item is a framework's JSON as rendered once.
#[derive(Debug, Serialize)]
struct FrameworkList {
    items: Vec<Arc<RawValue>>,
    count: usize,
    next_cursor: Option<String>,
}

async fn list_frameworks(
    State(catalog): State<Catalog>,
    headers: HeaderMap,
    params: QueryParams,
) -> Result<Response, ApiError> {
    let query = list_query(params, &model::clock::today())?;
    let page = catalog.context.stores.list_page(&query).await?;
    let items = page
        .items
        .iter()
        .map(|framework| catalog.json(framework))
        .collect::<Result<Vec<_>, _>>()?;
    let body = FrameworkList {
        count: items.len(),
        items,
        next_cursor: page.next.map(|cursor| cursor.encode()),
    };
    conditional_json(&headers, &body, None, Freshness::Catalog)
}

async fn get_framework(
    State(catalog): State<Catalog>,
    headers: HeaderMap,
    PathId(raw_id): PathId,
) -> Result<Response, ApiError> {
    let Some(framework) = catalog.context.stores.framework(&raw_id).await? else {
        return Err(unknown_framework(&catalog.context, &raw_id).await);
    };
    let shown = catalog.context.stores.facts.shown().await?;
    let facts = shown.rendered(framework.id.as_str());
    let etag = match facts {
        Some(facts) => ETag::version_with(framework.version, facts.tag),
        None => ETag::version(framework.version),
    };
    let json = catalog.json(&framework)?;
    // The framework's rendering with the facts' joined in: a copy of two renderings, no
    // serialising. A rendering is a JSON object, so it ends with its closing brace.
    Ok(conditional_bytes(
        &headers,
        &etag,
        Freshness::Catalog,
        || {
            let object = json.get();
            let open = object.strip_suffix('}').unwrap_or(object);
            let facts = facts.map_or("null", |facts| facts.json.get());
            let mut body = Vec::with_capacity(object.len() + facts.len() + 16);
            body.extend_from_slice(open.as_bytes());
            body.extend_from_slice(b",\"facts\":");
            body.extend_from_slice(facts.as_bytes());
            body.push(b'}');
            body
        },
    ))
}

/// `PUT /frameworks/{id}` (admin): create with `If-None-Match: *` (201) or replace with
/// `If-Match` (200). Checked in the order a client can act on: who (401/403), which
/// version (428), what (415/400/422), then the conditional write (412).
async fn put_framework(
    admin: Admin,
    State(Catalog { context, .. }): State<Catalog>,
    headers: HeaderMap,
    PathId(raw_id): PathId,
    request: Request,
) -> Result<Response, ApiError> {
    // An If-Match that names no version fails the conditional write, which is checked last.
    let precondition = match write_precondition(&headers) {
        Err(error) if !matches!(error, ApiError::PreconditionFailed(_)) => return Err(error),
        checked => checked,
    };
    let id = Slug::parse(&raw_id).map_err(|error| ApiError::invalid("id", error.to_string()))?;
    let JsonBody(body) = JsonBody::<serde_json::Value>::from_request(request, &()).await?;
    let spec = FrameworkSpec::from_json(&id, &body).map_err(ApiError::invalid_fields)?;
    let precondition = precondition?;
    let stored = match context
        .stores
        .frameworks
        .put(FrameworkWrite {
            id: id.clone(),
            spec,
            precondition,
        })
        .await
    {
        Ok(stored) => stored,
        Err(StoreError::PreconditionFailed {
            current: Some(version),
        }) if precondition == Precondition::Absent => {
            return Err(ApiError::PreconditionFailed(format!(
                "the framework '{id}' already exists (ETag \"{version}\"); replace it with If-Match"
            )));
        }
        Err(error) => return Err(error.into()),
    };
    tracing::info!(caller = %admin.caller, %id, version = stored.version, "framework written");
    let created = precondition == Precondition::Absent;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    let mut response = (status, axum::Json(&stored)).into_response();
    let response_headers = response.headers_mut();
    if let Ok(etag) = HeaderValue::from_str(ETag::version(stored.version).as_str()) {
        response_headers.insert(header::ETAG, etag);
    }
    response_headers.insert(header::CACHE_CONTROL, edge::NO_STORE);
    if created && let Ok(location) = HeaderValue::from_str(&format!("/frameworks/{id}")) {
        response_headers.insert(header::LOCATION, location);
    }
    Ok(response)
}

/// `DELETE /frameworks/{id}` (admin, `If-Match` required): 204, 404 for an unknown id,
/// 412 when it has moved on from the version named.
async fn delete_framework(
    admin: Admin,
    State(Catalog { context, .. }): State<Catalog>,
    headers: HeaderMap,
    PathId(raw_id): PathId,
) -> Result<StatusCode, ApiError> {
    // A tag that names no version fails the condition, which is checked after the id: an id
    // that cannot exist is a 404 first.
    let version = match if_match_version(&headers) {
        Ok(Some(version)) => Ok(version),
        Ok(None) => {
            return Err(ApiError::PreconditionRequired(
                "send If-Match with the ETag you read, so that a newer version is not deleted unseen"
                    .into(),
            ));
        }
        Err(error @ ApiError::PreconditionFailed(_)) => Err(error),
        Err(error) => return Err(error),
    };
    let Ok(id) = Slug::parse(&raw_id) else {
        return Err(unknown_framework(&context, &raw_id).await);
    };
    let version = version?;
    match context.stores.frameworks.delete(id.clone(), version).await {
        Ok(()) => {
            tracing::info!(caller = %admin.caller, %id, version, "framework deleted");
            Ok(StatusCode::NO_CONTENT)
        }
        Err(StoreError::PreconditionFailed { current: None }) => {
            Err(unknown_framework(&context, &raw_id).await)
        }
        Err(error) => Err(error.into()),
    }
}

/// A 404 naming the near misses, so `djnago` leads to `django`.
async fn unknown_framework(context: &Context, raw_id: &str) -> ApiError {
    let catalog = context.stores.frameworks.catalog().await;
    ApiError::unknown_id(("framework", "frameworks"), raw_id, catalog, |f| {
        f.id.as_str()
    })
}
