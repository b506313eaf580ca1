//! How every page and asset leaves the function: with an ETag over its bytes, so that a
//! repeat visit with `If-None-Match` is a bodiless 304. The security headers are the edge's,
//! set on every response of every function (`edge::headers`).

use axum::body::Body;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use edge::{ETag, Freshness};
use maud::Markup;

pub(crate) const HTML: &str = "text/html; charset=utf-8";

/// A page: 200 with an ETag over its bytes, revalidated by the browser on every visit and
/// kept by a shared cache for a minute ([`Freshness::Page`]), or 304 when the browser holds
/// these bytes. Any other status is not cached at all.
pub(crate) fn html(request_headers: &HeaderMap, status: StatusCode, markup: Markup) -> Response {
    let body = markup.into_string();
    if status != StatusCode::OK {
        let mut response = (status, [(header::CONTENT_TYPE, HTML)], body).into_response();
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, edge::NO_STORE);
        return response;
    }
    cached(request_headers, (HTML, Freshness::Page), body)
}

/// `bytes` as `(content type, freshness)` with an ETag over them: 200, or 304 when
/// `If-None-Match` names these bytes.
pub(crate) fn cached(
    request_headers: &HeaderMap,
    (content_type, freshness): (&'static str, Freshness),
    bytes: impl AsRef<[u8]> + Into<Body>,
) -> Response {
    let etag = ETag::of_bytes(bytes.as_ref());
    let mut response = if etag.matches_if_none_match(request_headers) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, content_type)], bytes.into()).into_response()
    };
    edge::cache_headers(response.headers_mut(), &etag, freshness);
    response
}
