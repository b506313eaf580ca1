//! Loading the dataset into the tables. Idempotent: each item is written with
//! `attribute_not_exists(id)`, so an item already present — seeded before, or edited by an
//! admin since — is left exactly as it is, version included.

use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::operation::put_item::PutItemError;
use model::{FaqEntry, Framework, StoreError};

use crate::error::store_error;
use crate::item::{Item, faq_to_item, framework_to_item};
use crate::tables::Tables;

/// What one seeding run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SeedReport {
    pub frameworks_written: usize,
    pub frameworks_present: usize,
    pub faq_written: usize,
    pub faq_present: usize,
}

pub async fn seed(
    client: &Client,
    tables: &Tables,
    frameworks: &[Framework],
    faq: &[FaqEntry],
) -> Result<SeedReport, StoreError> {
    let mut report = SeedReport::default();
    for framework in frameworks {
        match put_if_absent(client, &tables.frameworks, framework_to_item(framework)?).await? {
            true => report.frameworks_written += 1,
            false => report.frameworks_present += 1,
        }
    }
    for entry in faq {
        match put_if_absent(client, &tables.faq, faq_to_item(entry)?).await? {
            true => report.faq_written += 1,
            false => report.faq_present += 1,
        }
    }
    Ok(report)
}

/// Writes `item` unless its id is taken; says whether it wrote.
async fn put_if_absent(client: &Client, table: &str, item: Item) -> Result<bool, StoreError> {
    let result = client
        .put_item()
        .table_name(table)
        .set_item(Some(item))
        .condition_expression("attribute_not_exists(id)")
        .send()
        .await;
    match result {
        Ok(_) => Ok(true),
        Err(error)
            if matches!(
                error.as_service_error(),
                Some(PutItemError::ConditionalCheckFailedException(_))
            ) =>
        {
            Ok(false)
        }
        Err(error) => Err(store_error("PutItem", error)),
    }
}
