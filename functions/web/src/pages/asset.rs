//! `GET /assets/{file}`: the static assets by their hashed names.

use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use edge::Freshness;

use crate::assets;
use crate::error::PageError;
use crate::respond;

/// `GET /assets/{file}`: the asset of that exact hashed name, cacheable for a year (a
/// revalidation with its ETag is a 304); any other name, an undecodable one included, is a
/// 404 page (an old name after a deploy too).
pub(crate) async fn serve(
    headers: HeaderMap,
    file: Result<Path<String>, PathRejection>,
) -> Response {
    let file = file.map(|Path(file)| file).unwrap_or_default();
    let Some(asset) = assets::ALL.iter().find(|asset| asset.name() == file) else {
        return PageError {
            status: StatusCode::NOT_FOUND,
            heading: "No such file",
            detail: "There is no file of that name here.".into(),
            links: Vec::new(),
        }
        .render(&headers);
    };
    respond::cached(
        &headers,
        (asset.content_type, Freshness::Immutable),
        asset.bytes,
    )
}
