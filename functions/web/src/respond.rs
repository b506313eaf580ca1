//! How every page leaves the function: HTML with an ETag (a repeat visit with
//! `If-None-Match` is a bodiless 304), and the security headers on every response.

use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use edge::ETag;
use maud::Markup;

pub(crate) const HTML: &str = "text/html; charset=utf-8";

/// Scripts, styles, images and fetches from this origin only; no inline code of any kind,
/// no plugins, no framing, forms that post only here.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; \
     base-uri 'none'; frame-ancestors 'none'";

/// A page: 200 with an ETag over its bytes and `no-cache` (reuse after revalidating, so an
/// admin's write shows on the next visit), or 304 when the browser holds these bytes.
/// Any other status is not cached at all.
pub(crate) fn html(request_headers: &HeaderMap, status: StatusCode, markup: Markup) -> Response {
    let body = markup.into_string();
    if status != StatusCode::OK {
        let mut response = (status, [(header::CONTENT_TYPE, HTML)], body).into_response();
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        return response;
    }
    let etag = ETag::of_bytes(body.as_bytes());
    let mut response = if etag.matches_if_none_match(request_headers) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        (status, [(header::CONTENT_TYPE, HTML)], body).into_response()
    };
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(etag.as_str()) {
        headers.insert(header::ETAG, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// Added to every response of this function, pages, assets and errors alike.
pub(crate) async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    let fixed: [(HeaderName, &'static str); 5] = [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}
