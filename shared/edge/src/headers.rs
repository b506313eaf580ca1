//! The security headers of every response of every function: pages, assets, JSON answers,
//! problem documents and the fallbacks alike, set once at the edge ([`crate::router::finish`])
//! so that no response path can leave them out.
//!
//! One set for everything rather than one per content type: a JSON document opened in a tab
//! is a document too, `nosniff` stops a browser from reading a JSON echo of `<img …>` as
//! HTML, and a policy of `default-src 'none'` costs a JSON client nothing.

use axum::http::{HeaderName, HeaderValue, Response, header};

/// Scripts, styles, images and fetches from this origin only; no inline code of any kind,
/// no plugins, no framing, forms that post only here.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; \
     base-uri 'none'; frame-ancestors 'none'";

const FIXED: [(HeaderName, &str); 5] = [
    (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
    (header::X_FRAME_OPTIONS, "DENY"),
    (
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    ),
];

/// Adds the security headers to `response`, replacing any a handler set.
pub fn secure<B>(mut response: Response<B>) -> Response<B> {
    let headers = response.headers_mut();
    for (name, value) in FIXED {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}
