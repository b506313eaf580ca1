//! `GET /trends`: stable releases per year and per quarter, by framework, language and
//! category, counted from the stored release histories (`model::trends`). The answer depends
//! only on the catalog and the facts, which are both read as shared snapshots: it is counted
//! and serialised once per pair of snapshots, and every other request copies the bytes.

use std::sync::{Arc, Mutex, PoisonError};

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use edge::{ApiError, Freshness, PreparedJson};
use model::Framework;
use model::shown_facts::ShownFacts;

use crate::Catalog;

/// The last answer, with the snapshots it was counted from. Holding them keeps their
/// addresses from being reused, so pointer equality means the same data.
#[derive(Debug, Default)]
pub(crate) struct RenderedTrends(Mutex<Option<Memo>>);

#[derive(Debug)]
struct Memo {
    catalog: Arc<Vec<Framework>>,
    facts: Arc<ShownFacts>,
    answer: PreparedJson,
}

impl RenderedTrends {
    fn answer(
        &self,
        catalog: Arc<Vec<Framework>>,
        facts: Arc<ShownFacts>,
    ) -> Result<PreparedJson, ApiError> {
        // A poisoned lock only means a writer panicked between whole-memo stores.
        let mut memo = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(memo) = memo.as_ref()
            && Arc::ptr_eq(&memo.catalog, &catalog)
            && Arc::ptr_eq(&memo.facts, &facts)
        {
            return Ok(memo.answer.clone());
        }
        let trends = model::trends::trends(&catalog, facts.all());
        let answer = PreparedJson::new(&trends).map_err(|error| {
            ApiError::internal(format!("the trends did not serialise: {error}"))
        })?;
        *memo = Some(Memo {
            catalog,
            facts,
            answer: answer.clone(),
        });
        Ok(answer)
    }
}

pub(crate) async fn trends(
    State(catalog): State<Catalog>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let stores = &catalog.context.stores;
    let frameworks = stores.frameworks.catalog().await?;
    let facts = stores.facts.shown().await?;
    let answer = catalog.trends.answer(frameworks, facts)?;
    Ok(answer.respond(&headers, Freshness::Derived))
}
