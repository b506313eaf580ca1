//! How long caches may keep an answer: the `Cache-Control` of each kind of response.

use axum::http::HeaderValue;

/// How long browsers and shared caches (the CDN in front of the API, docs/deploy.md) may
/// reuse a response. Every kind is `public`: no answer here depends on who asks (no cookies,
/// and the signed admin writes answer [`NO_STORE`]). `stale-while-revalidate` lets a cache
/// answer from its copy a little longer while it fetches the next one, so the moment a
/// popular URL expires does not make its readers wait on a Lambda.
#[derive(Debug, Clone, Copy)]
pub enum Freshness {
    /// Catalog data an admin may change: one minute.
    Catalog,
    /// Derived answers over the catalog (compare): one minute.
    Derived,
    /// Reference text that changes with a release: five minutes.
    Reference,
    /// An HTML page: a browser revalidates it on every visit (a bodiless 304 when
    /// unchanged), a shared cache reuses it for the minute the catalog data it shows lives.
    Page,
    /// A file whose name carries a hash of its bytes: new bytes get a new name.
    Immutable,
}

impl Freshness {
    pub(crate) fn header(self) -> &'static str {
        match self {
            Freshness::Catalog | Freshness::Derived => {
                "public, max-age=60, stale-while-revalidate=30"
            }
            Freshness::Reference => "public, max-age=300, stale-while-revalidate=60",
            Freshness::Page => "public, max-age=0, s-maxage=60, stale-while-revalidate=30",
            Freshness::Immutable => "public, max-age=31536000, immutable",
        }
    }
}

/// `Cache-Control` of what no cache may keep: writes, problems, answers to a POSTed body.
pub const NO_STORE: HeaderValue = HeaderValue::from_static("no-store");
