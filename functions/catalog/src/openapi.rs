//! `GET /openapi.json`: the contract of the whole API, served by the catalog because
//! `shared/routes.json` routes it here. The document lives beside the route table in
//! `shared/openapi.json`; tests across the workspace fail when it drifts from the code.

use std::sync::LazyLock;

use axum::http::HeaderMap;
use axum::response::Response;
use edge::{ApiError, Freshness, conditional_json};
use serde_json::Value;

/// The OpenAPI 3.1 document, as committed.
pub const DOCUMENT: &str = include_str!("../../../shared/openapi.json");

static PARSED: LazyLock<Option<Value>> = LazyLock::new(|| match serde_json::from_str(DOCUMENT) {
    Ok(document) => Some(document),
    Err(error) => {
        tracing::error!(%error, "shared/openapi.json is not JSON");
        None
    }
});

pub async fn document(headers: HeaderMap) -> Result<Response, ApiError> {
    let document = PARSED.as_ref().ok_or(ApiError::Internal)?;
    conditional_json(&headers, document, None, Freshness::Reference)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_is_openapi_3_1() {
        let document = PARSED.as_ref().unwrap();
        assert_eq!(document["openapi"], "3.1.0");
        assert!(document["paths"].as_object().is_some_and(|p| !p.is_empty()));
    }
}
