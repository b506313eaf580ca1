//! Each framework's JSON, rendered once per version and reused by every response that
//! carries it (`GET /frameworks/{id}` and every page of `GET /frameworks`).
//!
//! A framework's representation is fixed by its id and version: every write bumps the
//! version, and a re-created id continues from its tombstone's, so one `(id, version)` names
//! one body for good, whichever store or copy it came from. Serialising a framework field by
//! field costs microseconds of escaping per request; copying its rendered bytes does not.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

use serde_json::value::RawValue;

use crate::framework::Framework;
use crate::slug::Slug;

/// The most ids remembered. A catalog holds tens of frameworks; should admins add thousands,
/// the memo starts over rather than grow without bound.
const CAPACITY: usize = 4_096;

/// The latest rendering seen of each framework, by id.
#[derive(Debug, Default)]
pub struct RenderedFrameworks {
    by_id: RwLock<HashMap<Slug, (u64, Arc<RawValue>)>>,
}

impl RenderedFrameworks {
    /// `framework` as JSON, byte for byte what `serde_json::to_vec(framework)` writes.
    pub fn json(&self, framework: &Framework) -> Result<Arc<RawValue>, serde_json::Error> {
        // A poisoned lock only means a writer panicked between whole-entry inserts.
        if let Some((version, json)) = self
            .by_id
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&framework.id)
            && *version == framework.version
        {
            return Ok(Arc::clone(json));
        }
        let json: Arc<RawValue> = Arc::from(serde_json::value::to_raw_value(framework)?);
        let mut by_id = self.by_id.write().unwrap_or_else(PoisonError::into_inner);
        if by_id.len() >= CAPACITY {
            by_id.clear();
        }
        by_id.insert(framework.id.clone(), (framework.version, Arc::clone(&json)));
        Ok(json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset;

    #[test]
    fn a_rendering_is_the_serialised_framework_and_follows_its_version() {
        let rendered = RenderedFrameworks::default();
        let mut framework = dataset::load_frameworks().unwrap().remove(0);
        let first = rendered.json(&framework).unwrap();
        assert_eq!(
            first.get().as_bytes(),
            serde_json::to_vec(&framework).unwrap()
        );
        assert!(Arc::ptr_eq(&first, &rendered.json(&framework).unwrap()));

        framework.version += 1;
        Arc::make_mut(&mut framework.spec).description = "A new description".into();
        let second = rendered.json(&framework).unwrap();
        assert_eq!(
            second.get().as_bytes(),
            serde_json::to_vec(&framework).unwrap()
        );
        assert_ne!(first.get(), second.get());
    }

    #[test]
    fn the_memo_starts_over_when_full() {
        let rendered = RenderedFrameworks::default();
        let template = dataset::load_frameworks().unwrap().remove(0);
        for i in 0..=CAPACITY {
            let mut framework = template.clone();
            framework.id = Slug::parse(&format!("f{i}")).unwrap();
            rendered.json(&framework).unwrap();
        }
        let remembered = rendered.by_id.read().unwrap().len();
        assert!(remembered <= CAPACITY, "{remembered} ids remembered");
    }
}
