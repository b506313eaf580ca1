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

use model::StoreError;
use tokio::time::Instant;

mod faq;
mod frameworks;

pub use faq::CachedFaq;
pub use frameworks::CachedFrameworks;

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

/// Two things a cache can hold, each there or not: a copy of the value, and an outage of
/// the store behind it. A copy without an outage is the normal case; an outage without a
/// copy makes every read wait on the store, the only way to an answer.
#[derive(Debug)]
struct State<T> {
    copy: Option<CachedCopy<T>>,
    /// Bumped by [`Cached::invalidate`]; a refresh that started before a write does not
    /// mark its (older) result fresh.
    generation: u64,
    outage: Option<Outage>,
}

/// The last value read.
#[derive(Debug)]
struct CachedCopy<T> {
    value: Arc<T>,
    /// When the read that returned `value` was sent: the `Age` of an answer from the copy.
    read_at: Instant,
    /// Until when reads take the copy without asking the store; `None` once a write (or a
    /// refresh of an older generation) leaves it a fallback only.
    fresh_until: Option<Instant>,
}

/// The store has failed since `since` and not answered yet.
#[derive(Debug, Clone, Copy)]
struct Outage {
    since: Instant,
    /// Until when callers get the copy (or the failure) without another call to the store.
    back_off_until: Instant,
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
                copy: None,
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
        self.state().copy.as_ref().map(|copy| copy.value.clone())
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
        if let Some(copy) = &mut state.copy {
            copy.fresh_until = None;
        }
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
            state.backing_off(now).filter(|_| state.copy.is_some())
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
        let back_off_until = now + self.ttl.min(MAX_FAILURE_BACKOFF);
        if let Some(outage) = &mut state.outage {
            outage.back_off_until = back_off_until;
            return;
        }
        state.outage = Some(Outage {
            since: now,
            back_off_until,
            answered_from_copy: 0,
        });
        if let Some(store) = self.store {
            tracing::warn!(
                store,
                %error,
                has_copy = state.copy.is_some(),
                "store unreachable: reads answer from the cached copy (with Age) or 503 until it answers again"
            );
        }
    }

    fn answered(&self, state: &mut State<T>, now: Instant) {
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
            if let Some(until) = state.backing_off(started) {
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
                let fresh_until = (state.generation == generation).then_some(now + self.ttl);
                state.copy = Some(CachedCopy {
                    value: value.clone(),
                    read_at: started,
                    fresh_until,
                });
                self.answered(&mut state, now);
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
        let copy = state.copy.as_ref()?;
        copy.fresh_until
            .filter(|until| now < *until)
            .map(|_| copy.value.clone())
    }
}

impl<T> State<T> {
    /// Until when the store is not asked again, if a call failed moments ago.
    fn backing_off(&self, now: Instant) -> Option<Instant> {
        self.outage
            .map(|outage| outage.back_off_until)
            .filter(|until| now < *until)
    }
}

/// The copy, marked as an answer from it: its age for the response, one more for the outage.
fn answer_from_copy<T>(state: &mut State<T>) -> Option<Arc<T>> {
    let copy = state.copy.as_ref()?;
    let value = copy.value.clone();
    edge::age::answered_from_copy(Instant::now().saturating_duration_since(copy.read_at));
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
pub(crate) fn is_outage(error: &StoreError) -> bool {
    matches!(
        error,
        StoreError::Unavailable { .. } | StoreError::Failed(_)
    )
}
