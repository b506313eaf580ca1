//! The embedded dataset behind a store whose table is not named, parsed on first use.
//!
//! In Lambda every function is told the tables it reads and no other (`infra/main.tf`), so
//! this store stands behind what a function never reads (compare's FAQ, faq's frameworks)
//! and must not cost it a parse of the whole dataset at every cold start. With no table named
//! (`make run`, a function deployed without tables) it is the whole store, and the parse is
//! paid by the first request that reads, not by start-up. Locally, with one table named, it
//! serves the other from the embedded data as the README says.

use std::sync::{Arc, OnceLock};

use std::collections::BTreeMap;

use model::dataset::DatasetError;
use model::facts::{Facts, FactsStore, MemoryFacts};
use model::store::BoxFuture;
use model::{
    FaqEntry, FaqStore, Framework, FrameworkStore, FrameworkWrite, ListQuery, MemoryStore, Page,
    Slug, StoreError,
};

#[derive(Debug, Default)]
pub(crate) struct EmbeddedOnFirstUse(OnceLock<Result<MemoryStore, DatasetError>>);

impl EmbeddedOnFirstUse {
    fn store(&self) -> Result<&MemoryStore, StoreError> {
        self.0
            .get_or_init(MemoryStore::seeded)
            .as_ref()
            .map_err(|error| StoreError::Corrupt(error.to_string()))
    }

    /// Whether the dataset has been parsed yet.
    #[cfg(test)]
    fn parsed(&self) -> bool {
        self.0.get().is_some()
    }
}

impl FrameworkStore for EmbeddedOnFirstUse {
    fn list<'a>(&'a self, query: &'a ListQuery) -> BoxFuture<'a, Result<Page, StoreError>> {
        Box::pin(async move { self.store()?.list(query).await })
    }

    fn get<'a>(&'a self, id: &'a Slug) -> BoxFuture<'a, Result<Option<Framework>, StoreError>> {
        Box::pin(async move { self.store()?.get(id).await })
    }

    fn catalog(&self) -> BoxFuture<'_, Result<Arc<Vec<Framework>>, StoreError>> {
        Box::pin(async move { self.store()?.catalog().await })
    }

    fn put(&self, write: FrameworkWrite) -> BoxFuture<'_, Result<Framework, StoreError>> {
        Box::pin(async move { self.store()?.put(write).await })
    }

    fn delete(&self, id: Slug, version: u64) -> BoxFuture<'_, Result<(), StoreError>> {
        Box::pin(async move { self.store()?.delete(id, version).await })
    }
}

impl FaqStore for EmbeddedOnFirstUse {
    fn entries(&self) -> BoxFuture<'_, Result<Arc<Vec<FaqEntry>>, StoreError>> {
        Box::pin(async move { self.store()?.entries().await })
    }

    fn entry<'a>(&'a self, id: &'a Slug) -> BoxFuture<'a, Result<Option<FaqEntry>, StoreError>> {
        Box::pin(async move { self.store()?.entry(id).await })
    }
}

/// The recorded facts (`model::facts::recorded`), parsed by the first read: the facts of a
/// function that is named no facts table.
#[derive(Debug, Default)]
pub(crate) struct RecordedFactsOnFirstUse(OnceLock<Result<MemoryFacts, DatasetError>>);

impl RecordedFactsOnFirstUse {
    fn store(&self) -> Result<&MemoryFacts, StoreError> {
        self.0
            .get_or_init(|| model::facts::recorded().map(MemoryFacts::new))
            .as_ref()
            .map_err(|error| StoreError::Corrupt(error.to_string()))
    }
}

impl FactsStore for RecordedFactsOnFirstUse {
    fn all(&self) -> BoxFuture<'_, Result<BTreeMap<String, Facts>, StoreError>> {
        Box::pin(async move { self.store()?.all().await })
    }

    fn put<'a>(&'a self, id: &'a str, facts: &'a Facts) -> BoxFuture<'a, Result<(), StoreError>> {
        Box::pin(async move { self.store()?.put(id, facts).await })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn nothing_is_parsed_until_a_store_call_then_it_answers_as_the_embedded_store() {
        let lazy = EmbeddedOnFirstUse::default();
        assert!(!lazy.parsed());
        let eager = MemoryStore::seeded().unwrap();
        assert_eq!(
            lazy.entries().await.unwrap(),
            eager.entries().await.unwrap()
        );
        assert!(lazy.parsed());
        assert_eq!(
            FrameworkStore::catalog(&lazy).await.unwrap(),
            FrameworkStore::catalog(&eager).await.unwrap()
        );
    }
}
