//! The embedded store: a real implementation of the store traits over memory, seeded from
//! the dataset. It is the default for `make run` and the reference the DynamoDB store is
//! tested against.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use crate::clock::now_rfc3339;
use crate::dataset::{self, DatasetError};
use crate::faq::FaqEntry;
use crate::framework::Framework;
use crate::listing::{ListQuery, Page, list_in_memory};
use crate::slug::Slug;
use crate::store::{
    BoxFuture, FaqStore, FrameworkStore, FrameworkWrite, Precondition, StoreError, stored_framework,
};

#[derive(Debug)]
pub struct MemoryStore {
    /// Copy-on-write, sorted by id: a reader takes the snapshot (one reference count) and
    /// `catalog()` hands it out as is, so compare, recommend and every 404 read the
    /// frameworks without copying them; a write swaps in a new vector.
    frameworks: RwLock<Arc<Vec<Framework>>>,
    /// The last version of each deleted id (a tombstone, as in the DynamoDB table), changed
    /// only under the `frameworks` write lock: a re-created framework continues from it, so
    /// an old `ETag` never matches new content.
    retired: Mutex<BTreeMap<Slug, u64>>,
    faq: Arc<Vec<FaqEntry>>,
}

impl MemoryStore {
    pub fn new(frameworks: Vec<Framework>, faq: Vec<FaqEntry>) -> Self {
        let mut faq = faq;
        faq.sort_by(|a, b| a.id.cmp(&b.id));
        // Through a map: sorted by id, and a later duplicate replaces an earlier one.
        let frameworks: Vec<Framework> = frameworks
            .into_iter()
            .map(|f| (f.id.clone(), f))
            .collect::<BTreeMap<_, _>>()
            .into_values()
            .collect();
        Self {
            frameworks: RwLock::new(Arc::new(frameworks)),
            retired: Mutex::default(),
            faq: Arc::new(faq),
        }
    }

    /// The store holding the embedded dataset.
    pub fn seeded() -> Result<Self, DatasetError> {
        Ok(Self::new(dataset::load_frameworks()?, dataset::load_faq()?))
    }

    fn snapshot(&self) -> Arc<Vec<Framework>> {
        // A poisoned lock only means a writer panicked between whole-map swaps; the map is intact.
        self.frameworks
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl FrameworkStore for MemoryStore {
    fn list<'a>(&'a self, query: &'a ListQuery) -> BoxFuture<'a, Result<Page, StoreError>> {
        let snapshot = self.snapshot();
        Box::pin(async move { Ok(list_in_memory(snapshot.iter(), query)) })
    }

    fn get<'a>(&'a self, id: &'a Slug) -> BoxFuture<'a, Result<Option<Framework>, StoreError>> {
        let snapshot = self.snapshot();
        let found = position(&snapshot, id)
            .ok()
            .map(|index| snapshot[index].clone());
        Box::pin(async move { Ok(found) })
    }

    fn catalog(&self) -> BoxFuture<'_, Result<Arc<Vec<Framework>>, StoreError>> {
        let all = self.snapshot();
        Box::pin(async move { Ok(all) })
    }

    fn put(&self, write: FrameworkWrite) -> BoxFuture<'_, Result<Framework, StoreError>> {
        let FrameworkWrite {
            id,
            spec,
            precondition,
        } = write;
        let result = self.write(&id, |current| {
            let holds = match precondition {
                Precondition::Absent => current.is_none(),
                Precondition::Version(expected) => current == Some(expected),
            };
            if !holds {
                return Err(StoreError::PreconditionFailed { current });
            }
            let mut retired = self.retired.lock().unwrap_or_else(PoisonError::into_inner);
            let version = precondition.next_version(retired.remove(&id));
            let stored = stored_framework(id.clone(), spec, version, now_rfc3339());
            Ok((Edit::Store(Box::new(stored.clone())), stored))
        });
        Box::pin(async move { result })
    }

    fn delete(&self, id: Slug, version: u64) -> BoxFuture<'_, Result<(), StoreError>> {
        let result = self.write(&id, |current| {
            if current != Some(version) {
                return Err(StoreError::PreconditionFailed { current });
            }
            self.retired
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .insert(id.clone(), version);
            Ok((Edit::Remove, ()))
        });
        Box::pin(async move { result })
    }
}

/// What a conditional write does to the catalog once its condition holds.
enum Edit {
    Store(Box<Framework>),
    Remove,
}

impl MemoryStore {
    /// One conditional write under the write lock: `decide` sees the id's current version
    /// (`None`: absent) and either refuses or names the edit, which is applied to a copy that
    /// then replaces the snapshot (readers keep theirs), so a refusal copies nothing.
    fn write<T>(
        &self,
        id: &Slug,
        decide: impl FnOnce(Option<u64>) -> Result<(Edit, T), StoreError>,
    ) -> Result<T, StoreError> {
        let mut guard = self
            .frameworks
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        let found = position(&guard, id);
        let (edit, outcome) = decide(found.ok().map(|index| guard[index].version))?;
        let mut next = (**guard).clone();
        match (edit, found) {
            (Edit::Store(framework), Ok(index)) => next[index] = *framework,
            (Edit::Store(framework), Err(index)) => next.insert(index, *framework),
            (Edit::Remove, Ok(index)) => {
                next.remove(index);
            }
            (Edit::Remove, Err(_)) => {}
        }
        *guard = Arc::new(next);
        Ok(outcome)
    }
}

/// Where `id` is in a snapshot (`Ok`), or where it would go (`Err`).
fn position(snapshot: &[Framework], id: &Slug) -> Result<usize, usize> {
    snapshot.binary_search_by(|framework| framework.id.cmp(id))
}

impl FaqStore for MemoryStore {
    fn entries(&self) -> BoxFuture<'_, Result<Arc<Vec<FaqEntry>>, StoreError>> {
        let all = self.faq.clone();
        Box::pin(async move { Ok(all) })
    }

    fn entry<'a>(&'a self, id: &'a Slug) -> BoxFuture<'a, Result<Option<FaqEntry>, StoreError>> {
        let found = self.faq.iter().find(|entry| &entry.id == id).cloned();
        Box::pin(async move { Ok(found) })
    }
}
