//! `GET /openapi.json`: the contract of the whole API, served by the catalog because
//! `shared/routes.json` routes it here. The document lives beside the route table in
//! `shared/openapi.json`; tests across the workspace fail when it drifts from the code.

use std::sync::LazyLock;

use axum::http::HeaderMap;
use axum::response::Response;
use edge::{ApiError, Freshness, PreparedJson};
use serde_json::Value;

/// The OpenAPI 3.1 document, as committed.
pub const DOCUMENT: &str = include_str!("../../../shared/openapi.json");

/// The document compacted, and its ETag, computed once per process: the document only
/// changes with a release, so no request pays for serialising or hashing its 35 KB.
static PREPARED: LazyLock<Result<PreparedJson, String>> = LazyLock::new(|| {
    serde_json::from_str::<Value>(DOCUMENT)
        .and_then(|document| PreparedJson::new(&document))
        .map_err(|error| format!("shared/openapi.json is not JSON: {error}"))
});

pub(crate) async fn document(headers: HeaderMap) -> Result<Response, ApiError> {
    let prepared = PREPARED
        .as_ref()
        .map_err(|error| ApiError::internal(error.clone()))?;
    Ok(prepared.respond(&headers, Freshness::Reference))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_is_openapi_3_1() {
        let document: Value = serde_json::from_slice(PREPARED.as_ref().unwrap().bytes()).unwrap();
        assert_eq!(document["openapi"], "3.1.0");
        assert!(document["paths"].as_object().is_some_and(|p| !p.is_empty()));
    }
}
