//! The store traits every function reads through. Implementations: the embedded
//! [`crate::memory::MemoryStore`] here, and DynamoDB in the edge crates.
//!
//! The methods return boxed futures so that a handler can hold `Arc<dyn FrameworkStore>`
//! and the choice of store stays a run-time setting.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use crate::faq::FaqEntry;
use crate::framework::{Framework, FrameworkSpec};
use crate::listing::{ListQuery, Page};
use crate::slug::Slug;

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// What a write requires of the item's current state (from `If-None-Match: *` or `If-Match`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precondition {
    /// Create only: the id must be free.
    Absent,
    /// Replace or delete only the version the client has seen.
    Version(u64),
}

impl Precondition {
    /// The version the item will have after a successful write. `retired` is the last
    /// version a deleted item had under this id: a re-created item continues from it, so
    /// that no version (and no `ETag`) ever names two different contents of one id.
    pub fn next_version(self, retired: Option<u64>) -> u64 {
        match self {
            Precondition::Absent => retired.unwrap_or(0).saturating_add(1),
            Precondition::Version(current) => current.saturating_add(1),
        }
    }
}

/// One conditional write: `spec` stored under `id` if `precondition` holds.
#[derive(Debug, Clone)]
pub struct FrameworkWrite {
    pub id: Slug,
    pub spec: FrameworkSpec,
    pub precondition: Precondition,
}

/// Why a store call failed.
#[derive(Debug)]
pub enum StoreError {
    /// The store is unreachable, throttling or timed out. 503 with `Retry-After`.
    Unavailable {
        retry_after_secs: u32,
        source: BoxError,
    },
    /// A write's precondition did not hold. 412; `current` is the version now stored, if any.
    PreconditionFailed { current: Option<u64> },
    /// The store answered with data this code cannot read. 500, logged with the cause.
    Corrupt(String),
    /// The store refused the call for a reason a retry will not fix (a missing table,
    /// denied access, a request it calls invalid). 500, logged with the cause.
    Failed(BoxError),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable { source, .. } => write!(f, "store unavailable: {source}"),
            StoreError::PreconditionFailed {
                current: Some(version),
            } => {
                write!(f, "precondition failed; the current version is {version}")
            }
            StoreError::PreconditionFailed { current: None } => {
                f.write_str("precondition failed; the item does not exist")
            }
            StoreError::Corrupt(detail) => write!(f, "stored data is unreadable: {detail}"),
            StoreError::Failed(source) => write!(f, "store call failed: {source}"),
        }
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Unavailable { source, .. } | StoreError::Failed(source) => {
                Some(source.as_ref())
            }
            _ => None,
        }
    }
}

/// The catalog's frameworks. catalog reads and writes; compare and recommend only read.
pub trait FrameworkStore: Send + Sync + fmt::Debug {
    /// One page of a filtered, sorted listing.
    fn list<'a>(&'a self, query: &'a ListQuery) -> BoxFuture<'a, Result<Page, StoreError>>;

    fn get<'a>(&'a self, id: &'a Slug) -> BoxFuture<'a, Result<Option<Framework>, StoreError>>;

    /// Every framework, sorted by id. Compare and recommend score over the whole catalog.
    fn catalog(&self) -> BoxFuture<'_, Result<Arc<Vec<Framework>>, StoreError>>;

    /// Creates or replaces the write's framework if its precondition holds; returns what was
    /// stored.
    fn put(&self, write: FrameworkWrite) -> BoxFuture<'_, Result<Framework, StoreError>>;

    /// Deletes `id` if it is at `version`.
    fn delete(&self, id: Slug, version: u64) -> BoxFuture<'_, Result<(), StoreError>>;
}

/// The FAQ knowledge base. Read-only at run time; `make seed` loads it.
pub trait FaqStore: Send + Sync + fmt::Debug {
    /// Every entry, sorted by id; the search index is built over this.
    fn entries(&self) -> BoxFuture<'_, Result<Arc<Vec<FaqEntry>>, StoreError>>;

    fn entry<'a>(&'a self, id: &'a Slug) -> BoxFuture<'a, Result<Option<FaqEntry>, StoreError>>;
}

/// The framework a successful write stores at `version`.
pub fn stored_framework(
    id: Slug,
    spec: FrameworkSpec,
    version: u64,
    updated_at: String,
) -> Framework {
    Framework {
        id,
        spec: Arc::new(spec),
        version,
        updated_at,
    }
}
