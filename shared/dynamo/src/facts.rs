//! The facts table behind [`FactsStore`]: one item per framework, keyed by its id. The
//! table holds one small item per framework, so the refresh reads it whole with a `Scan`.

use std::collections::BTreeMap;

use aws_sdk_dynamodb::Client;
use model::StoreError;
use model::facts::{Facts, FactsStore};
use model::store::BoxFuture;

use crate::error::store_error;
use crate::item::{facts_from_item, facts_to_item, scan_all};

#[derive(Debug, Clone)]
pub struct DynamoFacts {
    client: Client,
    table: String,
}

impl DynamoFacts {
    pub fn new(client: Client, table: impl Into<String>) -> Self {
        Self {
            client,
            table: table.into(),
        }
    }
}

impl FactsStore for DynamoFacts {
    fn all(&self) -> BoxFuture<'_, Result<BTreeMap<String, Facts>, StoreError>> {
        Box::pin(async move {
            scan_all(&self.client, &self.table)
                .await?
                .into_iter()
                .map(facts_from_item)
                .collect()
        })
    }

    fn put<'a>(&'a self, id: &'a str, facts: &'a Facts) -> BoxFuture<'a, Result<(), StoreError>> {
        Box::pin(async move {
            self.client
                .put_item()
                .table_name(&self.table)
                .set_item(Some(facts_to_item(id, facts)?))
                .send()
                .await
                .map_err(|error| store_error("PutItem", error))?;
            Ok(())
        })
    }
}
