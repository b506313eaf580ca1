//! A warm-container cache in front of a store's whole-collection reads.
//!
//! compare and recommend score over the whole catalog on every request; reading it once per
//! TTL keeps a warm request free of DynamoDB calls. When the store fails, the last good copy
//! keeps serving (stale beats a 503 for reference data that changes rarely). After any call to
//! the store fails (a read or a write), reads answer from that copy without asking the store
//! for a short back-off, then try it again, so the container recovers by itself.
//!
//! Single flight: one request refreshes while the others wait for its result, so a cold or
//! expired container sends one `Query` burst, not one per concurrent request.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use model::listing::list_in_memory;
use model::store::BoxFuture;
use model::{
    FaqEntry, FaqStore, Framework, FrameworkSpec, FrameworkStore, ListQuery, Page, Precondition,
    Slug, StoreError,
};
use tokio::time::Instant;

use crate::acknowledged::Acknowledged;

/// The longest a container waits before asking a failing store again. Bounded by the TTL,
/// so that a short TTL (tests) also recovers quickly.
const MAX_FAILURE_BACKOFF: Duration = Duration::from_secs(5);

/// One cached value, refreshed at most once per TTL.
#[derive(Debug)]
pub struct Cached<T> {
    ttl: Duration,
    /// The store its outages are logged under; `None` for a cache over another cache,
    /// whose store logs its own.
    store: Option<&'static str>,
    state: Mutex<State<T>>,
    refresh: tokio::sync::Mutex<()>,
}

#[derive(Debug)]
struct State<T> {
    value: Option<Arc<T>>,
    /// When the read that returned `value` was sent: the `Age` of an answer from the copy.
    read_at: Option<Instant>,
    fresh_until: Option<Instant>,
    /// After a failed call, until when callers get the stale copy (or the failure)
    /// without another call to the store.
    failing_until: Option<Instant>,
    /// Bumped by [`Cached::invalidate`]; a refresh that started before a write does not
    /// mark its (older) result fresh.
    generation: u64,
    /// The store has failed since `since` and not answered yet.
    outage: Option<Outage>,
}

#[derive(Debug, Clone, Copy)]
struct Outage {
    since: Instant,
    answered_from_copy: u64,
}

impl<T> Cached<T> {
    /// A cache over another cache: outages are logged by the one below.
    pub fn new(ttl: Duration) -> Self {
        Self::build(None, ttl)
    }

    /// A cache in front of the store called `store`. Each outage is logged twice, however
    /// many requests it lasts: a WARN when it starts, an INFO with its length and the
    /// number of answers served from the copy when the store answers again.
    pub fn of_store(store: &'static str, ttl: Duration) -> Self {
        Self::build(Some(store), ttl)
    }

    fn build(store: Option<&'static str>, ttl: Duration) -> Self {
        Self {
            ttl,
            store,
            state: Mutex::new(State {
                value: None,
                read_at: None,
                fresh_until: None,
                failing_until: None,
                generation: 0,
                outage: None,
            }),
            refresh: tokio::sync::Mutex::new(()),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State<T>> {
        // Every critical section only assigns fields; a poisoned lock still holds a whole state.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The last value read, however old.
    pub fn stale(&self) -> Option<Arc<T>> {
        self.state().value.clone()
    }

    /// The last value read, as the answer to a request the store could not serve: the
    /// response says how old it is (`Age`, [`edge::age`]), and the outage counts it.
    pub fn fallback(&self) -> Option<Arc<T>> {
        answer_from_copy(&mut self.state())
    }

    /// Forgets freshness (not the value, which stays as a fallback); the next read refreshes.
    /// The failure back-off stays: only the store answering ends it ([`Cached::observe`]).
    /// Returns the new generation: a load that starts from it on was sent after this call.
    pub fn invalidate(&self) -> u64 {
        let mut state = self.state();
        state.fresh_until = None;
        state.generation = state.generation.wrapping_add(1);
        state.generation
    }

    /// How many times the value has been invalidated.
    pub fn generation(&self) -> u64 {
        self.state().generation
    }

    /// Makes a call to the store behind this cache, unless it failed moments ago and there is
    /// a copy to answer from: then the call is not made and the answer is
    /// [`StoreError::Unavailable`] at once, for the caller to answer from [`Cached::fallback`].
    /// Without a copy the call is made anyway: it is the only way to an answer.
    pub async fn ask<V>(
        &self,
        call: impl Future<Output = Result<V, StoreError>>,
    ) -> Result<V, StoreError> {
        let now = Instant::now();
        let backing_off = {
            let state = self.state();
            state
                .failing_until
                .filter(|until| now < *until && state.value.is_some())
        };
        if let Some(until) = backing_off {
            return Err(recently_failed(until - now));
        }
        let result = call.await;
        self.observe(&result);
        result
    }

    /// Learns from any other call to the same store: an outage starts (or extends) the
    /// back-off, so the next read does not wait on a store that has just timed out; an
    /// answer, even a refusal, ends it.
    pub fn observe<V>(&self, result: &Result<V, StoreError>) {
        let mut state = self.state();
        let now = Instant::now();
        match result {
            Err(error) if is_outage(error) => self.failed(&mut state, error, now),
            _ => self.answered(&mut state, now),
        }
    }

    fn failed(&self, state: &mut State<T>, error: &StoreError, now: Instant) {
        state.failing_until = Some(now + self.ttl.min(MAX_FAILURE_BACKOFF));
        if state.outage.is_some() {
            return;
        }
        state.outage = Some(Outage {
            since: now,
            answered_from_copy: 0,
        });
        if let Some(store) = self.store {
            tracing::warn!(
                store,
                %error,
                has_copy = state.value.is_some(),
                "store unreachable: reads answer from the cached copy (with Age) or 503 until it answers again"
            );
        }
    }

    fn answered(&self, state: &mut State<T>, now: Instant) {
        state.failing_until = None;
        if let (Some(outage), Some(store)) = (state.outage.take(), self.store) {
            tracing::info!(
                store,
                outage_secs = now.saturating_duration_since(outage.since).as_secs(),
                answered_from_copy = outage.answered_from_copy,
                "store reachable again"
            );
        }
    }

    /// The cached value while fresh; otherwise `load`s it, falling back to the stale copy
    /// when the load fails.
    pub async fn get<F>(&self, load: F) -> Result<Arc<T>, StoreError>
    where
        F: AsyncFnOnce() -> Result<Arc<T>, StoreError>,
    {
        if let Some(value) = self.fresh(Instant::now()) {
            return Ok(value);
        }
        let _refreshing = self.refresh.lock().await;
        let started = Instant::now();
        if let Some(value) = self.fresh(started) {
            return Ok(value);
        }
        let generation = {
            let mut state = self.state();
            if let Some(until) = state.failing_until.filter(|until| started < *until) {
                return answer_from_copy(&mut state)
                    .ok_or_else(|| recently_failed(until - started));
            }
            state.generation
        };
        let loaded = load().await;
        let now = Instant::now();
        let mut state = self.state();
        match loaded {
            Ok(value) => {
                state.value = Some(value.clone());
                state.read_at = Some(started);
                self.answered(&mut state, now);
                if state.generation == generation {
                    state.fresh_until = Some(now + self.ttl);
                }
                Ok(value)
            }
            Err(error) => {
                self.failed(&mut state, &error, now);
                answer_from_copy(&mut state).ok_or(error)
            }
        }
    }

    fn fresh(&self, now: Instant) -> Option<Arc<T>> {
        let state = self.state();
        match (state.fresh_until, &state.value) {
            (Some(until), Some(value)) if now < until => Some(value.clone()),
            _ => None,
        }
    }
}

/// The copy, marked as an answer from it: its age for the response, one more for the outage.
fn answer_from_copy<T>(state: &mut State<T>) -> Option<Arc<T>> {
    let value = state.value.clone()?;
    if let Some(read_at) = state.read_at {
        edge::age::answered_from_copy(Instant::now().saturating_duration_since(read_at));
    }
    if let Some(outage) = &mut state.outage {
        outage.answered_from_copy += 1;
    }
    Some(value)
}

fn recently_failed(remaining: Duration) -> StoreError {
    StoreError::Unavailable {
        retry_after_secs: u32::try_from(remaining.as_secs().max(1)).unwrap_or(u32::MAX),
        source: "the store failed moments ago; not asking again yet".into(),
    }
}

/// Whether a failed read may be answered from the stale copy instead.
fn is_outage(error: &StoreError) -> bool {
    matches!(
        error,
        StoreError::Unavailable { .. } | StoreError::Failed(_)
    )
}

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

    fn put(
        &self,
        id: Slug,
        spec: FrameworkSpec,
        precondition: Precondition,
    ) -> BoxFuture<'_, Result<Framework, StoreError>> {
        Box::pin(async move {
            let result = self.inner.put(id, spec, precondition).await;
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

#[cfg(test)]
mod tests {
    use std::sync::atomic::Ordering;

    use model::testing::SwitchableStore;

    use super::*;

    fn catalog_size() -> usize {
        model::dataset::load_frameworks().unwrap().len()
    }

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

    #[tokio::test(start_paused = true)]
    async fn the_catalog_is_read_once_per_ttl() {
        let store =
            CachedFrameworks::new(SwitchableStore::seeded().unwrap(), Duration::from_secs(60));
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
        let store = Arc::new(CachedFrameworks::new(
            SwitchableStore::seeded().unwrap(),
            Duration::from_secs(60),
        ));
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
        let store =
            CachedFrameworks::new(SwitchableStore::seeded().unwrap(), Duration::from_secs(2));
        store.catalog().await.unwrap();
        store.inner.down.store(true, Ordering::SeqCst);
        tokio::time::advance(Duration::from_secs(3)).await;

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
        let store =
            CachedFrameworks::new(SwitchableStore::seeded().unwrap(), Duration::from_secs(2));
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
        let store =
            CachedFrameworks::new(SwitchableStore::seeded().unwrap(), Duration::from_secs(60));
        store.catalog().await.unwrap();
        store.inner.down.store(true, Ordering::SeqCst);
        tokio::time::advance(Duration::from_secs(61)).await;
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
            .put(django, (*spec).clone(), Precondition::Version(1))
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
        let store =
            CachedFrameworks::new(SwitchableStore::seeded().unwrap(), Duration::from_secs(60));
        store.catalog().await.unwrap();
        let django = Slug::parse("django").unwrap();
        let flask = Slug::parse("flask").unwrap();
        let mut spec = (*store.get(&django).await.unwrap().unwrap().spec).clone();
        spec.description = "Edited by an admin.".into();
        let edited = store
            .put(django.clone(), spec, Precondition::Version(1))
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
        let store =
            CachedFrameworks::new(SwitchableStore::seeded().unwrap(), Duration::from_secs(60));
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
