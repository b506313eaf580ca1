//! One framework or FAQ entry by the id a path names, as `GET /frameworks/{id}` and
//! `GET /faq/{id}` read it: an id that is no slug names nothing, and no store is asked.

use model::{FaqEntry, Framework, Slug, StoreError};

use crate::Stores;

impl Stores {
    /// The framework `raw_id` names, if it names one.
    pub async fn framework(&self, raw_id: &str) -> Result<Option<Framework>, StoreError> {
        match Slug::parse(raw_id) {
            Ok(id) => self.frameworks.get(&id).await,
            Err(_) => Ok(None),
        }
    }

    /// The FAQ entry `raw_id` names, if it names one.
    pub async fn faq_entry(&self, raw_id: &str) -> Result<Option<FaqEntry>, StoreError> {
        match Slug::parse(raw_id) {
            Ok(id) => self.faq.entry(&id).await,
            Err(_) => Ok(None),
        }
    }
}
