//! A page of the catalog listing from the stores, as `GET /frameworks` and the catalog page
//! both list it.

use model::listing::list_in_memory_by;
use model::{ListQuery, Page, StoreError};

use crate::Stores;

impl Stores {
    /// The page `query` asks for: from the frameworks store, or, when it orders or filters by
    /// release, from the whole catalog and the facts in memory (the stores know no releases).
    pub async fn list_page(&self, query: &ListQuery) -> Result<Page, StoreError> {
        if !query.needs_facts() {
            return self.frameworks.list(query).await;
        }
        let catalog = self.frameworks.catalog().await?;
        let shown = self.facts.shown().await?;
        Ok(list_in_memory_by(catalog.iter(), query, |framework| {
            shown.latest_day(framework.id.as_str())
        }))
    }
}
