//! A test double other crates' tests share (feature `testing`): the store the cache tests
//! switch off to play an outage.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::dataset::DatasetError;
use crate::store::BoxFuture;
use crate::{
    Framework, FrameworkStore, FrameworkWrite, ListQuery, MemoryStore, Page, Slug, StoreError,
};

/// The embedded store with a switch: while `down` is set, every call fails as a DynamoDB
/// outage does (`Unavailable`). Counts the calls that reach it, and the catalog reads among
/// them, so a test can tell what the layer above it asked for.
#[derive(Debug)]
pub struct SwitchableStore {
    inner: MemoryStore,
    pub down: Arc<AtomicBool>,
    pub calls: AtomicUsize,
    pub catalog_reads: AtomicUsize,
}

impl SwitchableStore {
    /// Up, over the embedded dataset.
    pub fn seeded() -> Result<Self, DatasetError> {
        Ok(Self {
            inner: MemoryStore::seeded()?,
            down: Arc::new(AtomicBool::new(false)),
            calls: AtomicUsize::new(0),
            catalog_reads: AtomicUsize::new(0),
        })
    }

    /// The store behind the switch, readable while the switch is off.
    pub fn behind_the_switch(&self) -> &MemoryStore {
        &self.inner
    }

    fn check(&self) -> Result<(), StoreError> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        if self.down.load(Ordering::SeqCst) {
            return Err(StoreError::Unavailable {
                retry_after_secs: 1,
                source: "switched off".into(),
            });
        }
        Ok(())
    }
}

impl FrameworkStore for SwitchableStore {
    fn list<'a>(&'a self, query: &'a ListQuery) -> BoxFuture<'a, Result<Page, StoreError>> {
        Box::pin(async move {
            self.check()?;
            self.inner.list(query).await
        })
    }

    fn get<'a>(&'a self, id: &'a Slug) -> BoxFuture<'a, Result<Option<Framework>, StoreError>> {
        Box::pin(async move {
            self.check()?;
            self.inner.get(id).await
        })
    }

    fn catalog(&self) -> BoxFuture<'_, Result<Arc<Vec<Framework>>, StoreError>> {
        Box::pin(async move {
            self.catalog_reads.fetch_add(1, Ordering::SeqCst);
            self.check()?;
            self.inner.catalog().await
        })
    }

    fn put(&self, write: FrameworkWrite) -> BoxFuture<'_, Result<Framework, StoreError>> {
        Box::pin(async move {
            self.check()?;
            self.inner.put(write).await
        })
    }

    fn delete(&self, id: Slug, version: u64) -> BoxFuture<'_, Result<(), StoreError>> {
        Box::pin(async move {
            self.check()?;
            self.inner.delete(id, version).await
        })
    }
}
