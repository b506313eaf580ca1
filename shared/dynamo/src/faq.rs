//! The FAQ table behind [`FaqStore`]: a few dozen entries, read whole (`Scan`) to build the
//! search index, or one at a time (`GetItem`).

use std::sync::Arc;

use aws_sdk_dynamodb::Client;
use model::store::BoxFuture;
use model::{FaqEntry, FaqStore, Slug, StoreError};

use crate::item::{faq_from_item, get_by_id, scan_all};

#[derive(Debug, Clone)]
pub struct DynamoFaq {
    client: Client,
    table: String,
}

impl DynamoFaq {
    pub fn new(client: Client, table: impl Into<String>) -> Self {
        Self {
            client,
            table: table.into(),
        }
    }
}

impl FaqStore for DynamoFaq {
    fn entries(&self) -> BoxFuture<'_, Result<Arc<Vec<FaqEntry>>, StoreError>> {
        Box::pin(async move {
            let mut all = scan_all(&self.client, &self.table)
                .await?
                .into_iter()
                .map(faq_from_item)
                .collect::<Result<Vec<_>, _>>()?;
            all.sort_by(|a: &FaqEntry, b: &FaqEntry| a.id.cmp(&b.id));
            Ok(Arc::new(all))
        })
    }

    fn entry<'a>(&'a self, id: &'a Slug) -> BoxFuture<'a, Result<Option<FaqEntry>, StoreError>> {
        Box::pin(async move {
            let item = get_by_id(&self.client, &self.table, id, false).await?;
            item.map(faq_from_item).transpose()
        })
    }
}
