//! The framework store behind the warm-container cache: the catalog read once per TTL, the
//! last good copy (with this container's acknowledged writes laid over it) while the store
//! is down.

use std::sync::Arc;
use std::time::Duration;

use model::listing::list_in_memory;
use model::store::BoxFuture;
use model::{Framework, FrameworkStore, FrameworkWrite, ListQuery, Page, Slug, StoreError};

use super::{Cached, is_outage};
use crate::acknowledged::Acknowledged;

/// A framework store whose `catalog()` is cached; `list` and `get` go to the store (an
/// admin reads what they wrote) and fall back to the cached catalog when it is down. The
/// writes this container acknowledged are laid over that copy until a later read holds them.
#[derive(Debug)]
pub struct CachedFrameworks<S> {
    inner: S,
    catalog: Cached<Vec<Framework>>,
    acknowledged: Acknowledged,
}

impl<S: FrameworkStore> CachedFrameworks<S> {
    pub fn new(inner: S, ttl: Duration) -> Self {
        Self {
            inner,
            catalog: Cached::of_store("frameworks", ttl),
            acknowledged: Acknowledged::default(),
        }
    }

    /// The copy to answer from when the store is down, never older than this container's writes.
    fn fallback(&self) -> Option<Arc<Vec<Framework>>> {
        self.catalog
            .fallback()
            .map(|copy| self.acknowledged.over(copy))
    }
}

impl<S: FrameworkStore> FrameworkStore for CachedFrameworks<S> {
    fn list<'a>(&'a self, query: &'a ListQuery) -> BoxFuture<'a, Result<Page, StoreError>> {
        Box::pin(async move {
            match self.catalog.ask(self.inner.list(query)).await {
                Err(error) if is_outage(&error) => match self.fallback() {
                    Some(all) => Ok(list_in_memory(all.iter(), query)),
                    None => Err(error),
                },
                other => other,
            }
        })
    }

    fn get<'a>(&'a self, id: &'a Slug) -> BoxFuture<'a, Result<Option<Framework>, StoreError>> {
        Box::pin(async move {
            match self.catalog.ask(self.inner.get(id)).await {
                Err(error) if is_outage(&error) => match self.fallback() {
                    Some(all) => Ok(all.iter().find(|f| &f.id == id).cloned()),
                    None => Err(error),
                },
                other => other,
            }
        })
    }

    fn catalog(&self) -> BoxFuture<'_, Result<Arc<Vec<Framework>>, StoreError>> {
        Box::pin(async move {
            let mut read_from = None;
            let copy = self
                .catalog
                .get(async || {
                    let generation = self.catalog.generation();
                    let all = self.inner.catalog().await?;
                    read_from = Some(generation);
                    Ok(all)
                })
                .await?;
            // Only once the new copy is in place: a fallback read in between still needs them.
            if let Some(generation) = read_from {
                self.acknowledged.forget_up_to(generation);
            }
            Ok(self.acknowledged.over(copy))
        })
    }

    fn put(&self, write: FrameworkWrite) -> BoxFuture<'_, Result<Framework, StoreError>> {
        Box::pin(async move {
            let result = self.inner.put(write).await;
            let generation = self.catalog.invalidate();
            self.catalog.observe(&result);
            if let Ok(stored) = &result {
                self.acknowledged.stored(stored.clone(), generation);
            }
            result
        })
    }

    fn delete(&self, id: Slug, version: u64) -> BoxFuture<'_, Result<(), StoreError>> {
        Box::pin(async move {
            let result = self.inner.delete(id.clone(), version).await;
            let generation = self.catalog.invalidate();
            self.catalog.observe(&result);
            if result.is_ok() {
                self.acknowledged.deleted(id, version, generation);
            }
            result
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::Ordering;

    use model::Precondition;
    use model::testing::SwitchableStore;
    use testkit::dataset::catalog_size;

    use super::*;

    /// One page that holds the whole catalog.
    fn whole_catalog() -> ListQuery {
        ListQuery {
            size: model::PageSize::new(model::PageSize::MAX).unwrap(),
            ..ListQuery::default()
        }
    }

    fn reads(store: &CachedFrameworks<SwitchableStore>) -> usize {
        store.inner.catalog_reads.load(Ordering::SeqCst)
    }

    /// The seeded store behind a cache that keeps the catalog for `ttl_secs`.
    fn cached(ttl_secs: u64) -> CachedFrameworks<SwitchableStore> {
        CachedFrameworks::new(
            SwitchableStore::seeded().unwrap(),
            Duration::from_secs(ttl_secs),
        )
    }

    /// A cache that read the catalog once, its store then down for longer than the TTL:
    /// all it holds is a stale copy.
    async fn stale_in_an_outage(ttl_secs: u64) -> CachedFrameworks<SwitchableStore> {
        let store = cached(ttl_secs);
        store.catalog().await.unwrap();
        store.inner.down.store(true, Ordering::SeqCst);
        tokio::time::advance(Duration::from_secs(ttl_secs + 1)).await;
        store
    }

    #[tokio::test(start_paused = true)]
    async fn the_catalog_is_read_once_per_ttl() {
        let store = cached(60);
        for _ in 0..10 {
            assert_eq!(store.catalog().await.unwrap().len(), catalog_size());
        }
        assert_eq!(reads(&store), 1);
        tokio::time::advance(Duration::from_secs(61)).await;
        store.catalog().await.unwrap();
        assert_eq!(reads(&store), 2);
    }

    #[tokio::test(start_paused = true)]
    async fn concurrent_cold_reads_share_one_load() {
        let store = Arc::new(cached(60));
        let tasks: Vec<_> = (0..20)
            .map(|_| {
                let store = store.clone();
                tokio::spawn(async move { store.catalog().await.map(|all| all.len()) })
            })
            .collect();
        for task in tasks {
            assert_eq!(task.await.unwrap().unwrap(), catalog_size());
        }
        assert_eq!(reads(&store), 1);
    }

    #[tokio::test(start_paused = true)]
    async fn an_outage_serves_the_stale_copy_then_recovers() {
        let store = stale_in_an_outage(2).await;

        assert_eq!(
            store.catalog().await.unwrap().len(),
            catalog_size(),
            "stale copy"
        );
        let django = Slug::parse("django").unwrap();
        assert!(
            store.get(&django).await.unwrap().is_some(),
            "get falls back"
        );
        let page = store.list(&whole_catalog()).await.unwrap();
        assert_eq!(page.items.len(), catalog_size(), "list falls back");
        let failed_reads = reads(&store);
        store.catalog().await.unwrap();
        assert_eq!(reads(&store), failed_reads, "no retry within the back-off");

        store.inner.down.store(false, Ordering::SeqCst);
        tokio::time::advance(Duration::from_secs(3)).await;
        store.catalog().await.unwrap();
        assert_eq!(
            reads(&store),
            failed_reads + 1,
            "asks again after the back-off"
        );
        store.catalog().await.unwrap();
        assert_eq!(reads(&store), failed_reads + 1, "fresh again");
    }

    #[tokio::test(start_paused = true)]
    async fn an_outage_without_a_copy_is_unavailable() {
        let store = cached(2);
        store.inner.down.store(true, Ordering::SeqCst);
        assert!(matches!(
            store.catalog().await,
            Err(StoreError::Unavailable { .. })
        ));
        assert!(matches!(
            store.catalog().await,
            Err(StoreError::Unavailable { retry_after_secs, .. }) if retry_after_secs >= 1
        ));
        assert_eq!(
            reads(&store),
            1,
            "the second caller is answered from the back-off"
        );
        store.inner.down.store(false, Ordering::SeqCst);
        tokio::time::advance(Duration::from_secs(3)).await;
        assert_eq!(store.catalog().await.unwrap().len(), catalog_size());
    }

    #[tokio::test(start_paused = true)]
    async fn a_failed_write_keeps_the_failure_back_off() {
        let store = stale_in_an_outage(60).await;
        store.catalog().await.unwrap();
        let failed_reads = reads(&store);

        let django = Slug::parse("django").unwrap();
        let spec = store
            .inner
            .behind_the_switch()
            .get(&django)
            .await
            .unwrap()
            .unwrap()
            .spec;
        let write = store
            .put(FrameworkWrite {
                id: django,
                spec: (*spec).clone(),
                precondition: Precondition::Version(1),
            })
            .await;
        assert!(matches!(write, Err(StoreError::Unavailable { .. })));

        let calls = store.inner.calls.load(Ordering::SeqCst);
        store.catalog().await.unwrap();
        assert_eq!(
            reads(&store),
            failed_reads,
            "the read after a failed write is answered within the back-off, without waiting on the store"
        );
        let django = Slug::parse("django").unwrap();
        assert!(store.get(&django).await.unwrap().is_some());
        assert_eq!(
            store.list(&whole_catalog()).await.unwrap().items.len(),
            catalog_size()
        );
        assert_eq!(
            store.inner.calls.load(Ordering::SeqCst),
            calls,
            "get and list within the back-off answer from the copy too"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn an_outage_never_serves_data_older_than_a_write_this_container_acknowledged() {
        let store = cached(60);
        store.catalog().await.unwrap();
        let django = Slug::parse("django").unwrap();
        let flask = Slug::parse("flask").unwrap();
        let mut spec = (*store.get(&django).await.unwrap().unwrap().spec).clone();
        spec.description = "Edited by an admin.".into();
        let edited = store
            .put(FrameworkWrite {
                id: django.clone(),
                spec,
                precondition: Precondition::Version(1),
            })
            .await
            .unwrap();
        store.delete(flask.clone(), 1).await.unwrap();
        store.inner.down.store(true, Ordering::SeqCst);
        tokio::time::advance(Duration::from_secs(61)).await;

        assert_eq!(
            store.get(&django).await.unwrap().as_ref(),
            Some(&edited),
            "get serves the acknowledged version"
        );
        assert_eq!(
            store.get(&flask).await.unwrap(),
            None,
            "a deleted id stays deleted"
        );
        let catalog = store.catalog().await.unwrap();
        assert_eq!(catalog.len(), catalog_size() - 1);
        assert!(catalog.iter().any(|f| f == &edited));
        assert!(catalog.iter().all(|f| f.id != flask));
        assert!(
            catalog.is_sorted_by(|a, b| a.id < b.id),
            "still sorted by id"
        );
        let listed = store.list(&whole_catalog()).await.unwrap().items;
        assert_eq!(listed.len(), catalog_size() - 1);
        assert!(listed.iter().any(|f| f == &edited));
        assert!(listed.iter().all(|f| f.id != flask));
    }

    #[tokio::test(start_paused = true)]
    async fn a_write_makes_the_next_catalog_read_fresh() {
        let store = cached(60);
        let before = store.catalog().await.unwrap();
        let django = before.iter().find(|f| f.id.as_str() == "django").unwrap();
        store
            .delete(django.id.clone(), django.version)
            .await
            .unwrap();
        assert_eq!(store.catalog().await.unwrap().len(), catalog_size() - 1);
        assert_eq!(reads(&store), 2);
    }
}
