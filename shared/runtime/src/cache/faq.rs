//! The FAQ store behind the warm-container cache.

use std::sync::Arc;
use std::time::Duration;

use model::store::BoxFuture;
use model::{FaqEntry, FaqStore, Slug, StoreError};

use super::{Cached, is_outage};

/// A FAQ store whose `entries()` are cached; `entry` falls back to them when the store is down.
#[derive(Debug)]
pub struct CachedFaq<S> {
    inner: S,
    entries: Cached<Vec<FaqEntry>>,
}

impl<S: FaqStore> CachedFaq<S> {
    pub fn new(inner: S, ttl: Duration) -> Self {
        Self {
            inner,
            entries: Cached::of_store("faq", ttl),
        }
    }
}

impl<S: FaqStore> FaqStore for CachedFaq<S> {
    fn entries(&self) -> BoxFuture<'_, Result<Arc<Vec<FaqEntry>>, StoreError>> {
        Box::pin(self.entries.get(async || self.inner.entries().await))
    }

    fn entry<'a>(&'a self, id: &'a Slug) -> BoxFuture<'a, Result<Option<FaqEntry>, StoreError>> {
        Box::pin(async move {
            match self.entries.ask(self.inner.entry(id)).await {
                Err(error) if is_outage(&error) => match self.entries.fallback() {
                    Some(all) => Ok(all.iter().find(|e| &e.id == id).cloned()),
                    None => Err(error),
                },
                other => other,
            }
        })
    }
}
