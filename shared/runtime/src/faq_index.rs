//! The FAQ search index, built once per container and reused across requests by the faq
//! API and the questions page.
//!
//! It sits in the same warm-container cache as the catalog ([`Cached`]): within `cache_ttl`
//! of the last check it answers without asking the store. After that the store's entries are
//! read again, and the index is rebuilt only if they changed, so a warm container follows
//! `make seed` within one TTL at the cost of one read.

use std::sync::Arc;
use std::time::Duration;

use crate::cache::Cached;
use model::{FaqEntry, FaqIndex, FaqStore, StoreError};

/// The entries and the index built over them; positions in hits index `entries`.
#[derive(Debug)]
pub struct Searchable {
    pub entries: Arc<Vec<FaqEntry>>,
    pub index: FaqIndex,
}

#[derive(Debug)]
pub struct IndexCache(Cached<Searchable>);

impl IndexCache {
    pub fn new(ttl: Duration) -> Self {
        Self(Cached::new(ttl))
    }

    pub async fn get(&self, store: &dyn FaqStore) -> Result<Arc<Searchable>, StoreError> {
        self.0
            .get(async || {
                let entries = store.entries().await?;
                let unchanged = self.0.stale().filter(|searchable| {
                    Arc::ptr_eq(&searchable.entries, &entries)
                        || searchable.entries.as_slice() == entries.as_slice()
                });
                if let Some(searchable) = unchanged {
                    return Ok(searchable);
                }
                let index = FaqIndex::build(&entries);
                tracing::info!(entries = entries.len(), "faq search index built");
                Ok(Arc::new(Searchable { entries, index }))
            })
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::MemoryStore;
    use model::dataset::load_faq;

    #[tokio::test]
    async fn the_index_is_reused_while_the_entries_are_unchanged() {
        let store = MemoryStore::seeded().unwrap();
        let cache = IndexCache::new(Duration::ZERO);
        let first = cache.get(&store).await.unwrap();
        let second = cache.get(&store).await.unwrap();
        assert!(Arc::ptr_eq(&first, &second));
        assert_eq!(first.index.len(), first.entries.len());
    }

    #[tokio::test]
    async fn changed_entries_are_reindexed_after_the_ttl() {
        let cache = IndexCache::new(Duration::ZERO);
        let full = MemoryStore::new(Vec::new(), load_faq().unwrap());
        let first = cache.get(&full).await.unwrap();
        let fewer = MemoryStore::new(Vec::new(), load_faq().unwrap()[..3].to_vec());
        let second = cache.get(&fewer).await.unwrap();
        assert_eq!(second.index.len(), 3);
        assert!(!Arc::ptr_eq(&first, &second));
    }

    #[tokio::test]
    async fn within_the_ttl_the_store_is_not_read() {
        let cache = IndexCache::new(Duration::from_secs(3600));
        let full = MemoryStore::new(Vec::new(), load_faq().unwrap());
        let first = cache.get(&full).await.unwrap();
        let empty = MemoryStore::new(Vec::new(), Vec::new());
        let second = cache.get(&empty).await.unwrap();
        assert!(Arc::ptr_eq(&first, &second));
    }
}
