//! How every page and asset leaves the function: with an ETag over its bytes, so that a
//! repeat visit with `If-None-Match` is a bodiless 304. The security headers are the edge's,
//! set on every response of every function (`edge::headers`).

use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use edge::ETag;
use maud::Markup;

pub(crate) const HTML: &str = "text/html; charset=utf-8";

/// A page: 200 with an ETag and `no-cache` (reuse after revalidating, so an admin's write
/// shows on the next visit), or 304 when the browser holds these bytes. Any other status
/// is not cached at all.
pub(crate) fn html(request_headers: &HeaderMap, status: StatusCode, markup: Markup) -> Response {
    let body = markup.into_string();
    if status != StatusCode::OK {
        return (
            status,
            [
                (header::CONTENT_TYPE, HTML),
                (header::CACHE_CONTROL, "no-store"),
            ],
            body,
        )
            .into_response();
    }
    cached(request_headers, (HTML, "no-cache"), body)
}

/// `bytes` as `(content type, cache control)` with an ETag over them: 200, or 304 when
/// `If-None-Match` names these bytes.
pub(crate) fn cached(
    request_headers: &HeaderMap,
    (content_type, cache_control): (&'static str, &'static str),
    bytes: impl AsRef<[u8]> + Into<Body>,
) -> Response {
    let etag = ETag::of_bytes(bytes.as_ref());
    let mut response = if etag.matches_if_none_match(request_headers) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, content_type)], bytes.into()).into_response()
    };
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(etag.as_str()) {
        headers.insert(header::ETAG, value);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache_control),
    );
    response
}
