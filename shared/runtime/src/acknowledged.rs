//! The writes a container has acknowledged, laid over its cached catalog until a catalog read
//! that started after them has replaced the copy.
//!
//! The copy is what a container falls back on when the store is down. Without this, a copy
//! read before a write would, in an outage, serve the pre-write data again: the old `ETag`
//! after a `PUT` answered with the new one, a deleted framework back in `GET`, listings and
//! compare. With it, nothing a container answers is older than what it has itself
//! acknowledged (write-through into the fallback copy).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use model::{Framework, Slug};

/// What a write left at its id.
#[derive(Debug, Clone, PartialEq)]
enum Write {
    Stored(Box<Framework>),
    Deleted { version: u64 },
}

impl Write {
    /// Orders two writes to one id: the higher version is the later one, and a delete of a
    /// version comes after the write that made it.
    fn order(&self) -> (u64, bool) {
        match self {
            Write::Stored(framework) => (framework.version, false),
            Write::Deleted { version } => (*version, true),
        }
    }
}

/// How one acknowledged write changes a copy that predates it.
enum Patch<'a> {
    Replace(usize, &'a Framework),
    Insert(usize, &'a Framework),
    Remove(usize),
}

#[derive(Debug, Default)]
pub(crate) struct Acknowledged {
    /// The latest acknowledged write per id, with the cache generation it was made in: a
    /// catalog read that started at that generation or later was sent after the write.
    writes: Mutex<BTreeMap<Slug, (Write, u64)>>,
}

impl Acknowledged {
    fn writes(&self) -> MutexGuard<'_, BTreeMap<Slug, (Write, u64)>> {
        // Every critical section replaces whole entries; a poisoned lock still holds a whole map.
        self.writes.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A `PUT` stored `framework`.
    pub(crate) fn stored(&self, framework: Framework, generation: u64) {
        self.record(
            framework.id.clone(),
            Write::Stored(Box::new(framework)),
            generation,
        );
    }

    /// A `DELETE` removed `id` at `version`.
    pub(crate) fn deleted(&self, id: Slug, version: u64, generation: u64) {
        self.record(id, Write::Deleted { version }, generation);
    }

    /// Two writes to one id can finish out of order (concurrent requests); the later one wins.
    fn record(&self, id: Slug, write: Write, generation: u64) {
        let mut writes = self.writes();
        let later = writes
            .get(&id)
            .is_none_or(|(known, _)| write.order() > known.order());
        if later {
            writes.insert(id, (write, generation));
        }
    }

    /// Forgets the writes a copy read from `generation` on already holds.
    pub(crate) fn forget_up_to(&self, generation: u64) {
        self.writes()
            .retain(|_, (_, made_in)| *made_in > generation);
    }

    /// `copy` (sorted by id) with every acknowledged write it predates applied; the same
    /// `Arc` when it holds them all already.
    pub(crate) fn over(&self, copy: Arc<Vec<Framework>>) -> Arc<Vec<Framework>> {
        let writes = self.writes();
        if writes.is_empty() {
            return copy;
        }
        let mut patched: Option<Vec<Framework>> = None;
        for (id, (write, _)) in writes.iter() {
            let current = patched.as_deref().unwrap_or(&copy);
            let found = current.binary_search_by(|framework| framework.id.cmp(id));
            let patch = match (write, found) {
                (Write::Stored(framework), Ok(index))
                    if current[index].version < framework.version =>
                {
                    Patch::Replace(index, framework.as_ref())
                }
                (Write::Stored(framework), Err(index)) => Patch::Insert(index, framework.as_ref()),
                (Write::Deleted { version }, Ok(index)) if current[index].version <= *version => {
                    Patch::Remove(index)
                }
                _ => continue,
            };
            let next = patched.get_or_insert_with(|| (*copy).clone());
            match patch {
                Patch::Replace(index, framework) => next[index] = framework.clone(),
                Patch::Insert(index, framework) => next.insert(index, framework.clone()),
                Patch::Remove(index) => {
                    next.remove(index);
                }
            }
        }
        patched.map_or(copy, Arc::new)
    }
}

#[cfg(test)]
mod tests {
    use model::MemoryStore;
    use model::store::FrameworkStore;

    use super::*;

    async fn catalog() -> Arc<Vec<Framework>> {
        MemoryStore::seeded().unwrap().catalog().await.unwrap()
    }

    fn at(catalog: &[Framework], id: &str, version: u64) -> Framework {
        let mut framework = catalog
            .iter()
            .find(|f| f.id.as_str() == id)
            .unwrap()
            .clone();
        framework.version = version;
        framework
    }

    #[tokio::test]
    async fn writes_finishing_out_of_order_leave_the_later_one() {
        let copy = catalog().await;
        let acknowledged = Acknowledged::default();
        acknowledged.stored(at(&copy, "django", 3), 2);
        acknowledged.stored(at(&copy, "django", 2), 1);
        let django = Slug::parse("django").unwrap();
        acknowledged.deleted(django.clone(), 3, 3);
        acknowledged.stored(at(&copy, "django", 3), 2);
        let size = copy.len();

        let served = acknowledged.over(copy);
        assert!(
            served.iter().all(|f| f.id != django),
            "the delete came last"
        );
        assert_eq!(served.len(), size - 1);
    }

    #[tokio::test]
    async fn a_copy_newer_than_a_write_is_left_alone() {
        let copy = catalog().await;
        let acknowledged = Acknowledged::default();
        acknowledged.stored(at(&copy, "django", 0), 1);
        acknowledged.deleted(Slug::parse("flask").unwrap(), 0, 1);
        assert!(Arc::ptr_eq(&acknowledged.over(copy.clone()), &copy));
    }

    #[tokio::test]
    async fn a_new_id_is_inserted_in_order_and_forgotten_once_a_later_read_holds_it() {
        let copy = catalog().await;
        let mut newcomer = at(&copy, "django", 1);
        newcomer.id = Slug::parse("eve").unwrap();
        let acknowledged = Acknowledged::default();
        acknowledged.stored(newcomer.clone(), 4);

        let served = acknowledged.over(copy.clone());
        assert_eq!(served.len(), copy.len() + 1);
        assert!(served.is_sorted_by(|a, b| a.id < b.id));
        assert!(served.contains(&newcomer));

        acknowledged.forget_up_to(3);
        assert_eq!(
            acknowledged.over(copy.clone()).len(),
            copy.len() + 1,
            "read before the write"
        );
        acknowledged.forget_up_to(4);
        assert!(Arc::ptr_eq(&acknowledged.over(copy.clone()), &copy));
    }
}
