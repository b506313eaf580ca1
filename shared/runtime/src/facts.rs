//! The facts the read paths show: the facts store read whole at most once per cache period
//! (the warm-container [`Cached`] of the catalog and the FAQ), rendered then
//! ([`ShownFacts`]), so a warm request neither reads DynamoDB nor serialises a history.

use std::sync::Arc;
use std::time::Duration;

use model::StoreError;
use model::facts::FactsStore;
use model::shown_facts::ShownFacts;

use crate::cache::Cached;

#[derive(Debug)]
pub struct CachedFacts {
    store: Arc<dyn FactsStore>,
    shown: Cached<ShownFacts>,
}

impl CachedFacts {
    pub fn new(store: Arc<dyn FactsStore>, ttl: Duration) -> Self {
        Self {
            store,
            shown: Cached::of_store("facts", ttl),
        }
    }

    /// Every framework's facts as shown, from the copy while it is fresh; the last good copy
    /// while the store is down.
    pub async fn shown(&self) -> Result<Arc<ShownFacts>, StoreError> {
        self.shown
            .get(async || {
                let all = self.store.all().await?;
                ShownFacts::new(all)
                    .map(Arc::new)
                    .map_err(|error| StoreError::Corrupt(format!("facts did not render: {error}")))
            })
            .await
    }
}

#[cfg(test)]
mod tests {
    use model::facts::{MemoryFacts, recorded};

    use super::*;

    #[tokio::test(start_paused = true)]
    async fn one_rendering_serves_every_read_of_a_period_and_a_write_shows_after_it() {
        let memory = Arc::new(MemoryFacts::new(recorded().unwrap()));
        let facts = CachedFacts::new(memory.clone(), Duration::from_secs(60));
        let first = facts.shown().await.unwrap();
        assert!(Arc::ptr_eq(&first, &facts.shown().await.unwrap()));

        let mut django = recorded().unwrap().remove("django").unwrap();
        django.as_of = "2099-01-01T00:00:00Z".into();
        memory.put("django", &django).await.unwrap();
        assert!(Arc::ptr_eq(&first, &facts.shown().await.unwrap()));

        tokio::time::advance(Duration::from_secs(61)).await;
        let later = facts.shown().await.unwrap();
        assert_eq!(later.get("django").unwrap().as_of, "2099-01-01T00:00:00Z");
    }
}
