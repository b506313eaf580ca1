//! The two tables' key schemas (see docs/dynamodb.md) and their creation for local servers.
//! Deployed tables are created by Terraform with the same schema.

use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, GlobalSecondaryIndex, KeySchemaElement, KeyType, Projection,
    ProjectionType, ScalarAttributeType,
};
use model::StoreError;

use crate::error::store_error;

/// The index that serves name-ordered listing and whole-catalog reads with `Query`.
pub const BY_NAME_INDEX: &str = "by_name";

/// The table names the stores use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tables {
    pub frameworks: String,
    pub faq: String,
}

/// What [`create`] did for one table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Created {
    New,
    AlreadyThere,
}

/// Creates both tables if missing (on-demand billing), and waits until they are usable.
pub async fn create(client: &Client, tables: &Tables) -> Result<[Created; 2], StoreError> {
    let key = |name: &str, kind| {
        KeySchemaElement::builder()
            .attribute_name(name)
            .key_type(kind)
            .build()
    };
    let string = |name: &str| {
        AttributeDefinition::builder()
            .attribute_name(name)
            .attribute_type(ScalarAttributeType::S)
            .build()
    };
    let invalid = |error: aws_sdk_dynamodb::error::BuildError| StoreError::Failed(Box::new(error));

    let by_name = GlobalSecondaryIndex::builder()
        .index_name(BY_NAME_INDEX)
        .key_schema(key("entity", KeyType::Hash).map_err(invalid)?)
        .key_schema(key("name_key", KeyType::Range).map_err(invalid)?)
        .projection(
            Projection::builder()
                .projection_type(ProjectionType::All)
                .build(),
        )
        .build()
        .map_err(invalid)?;
    let frameworks = client
        .create_table()
        .table_name(&tables.frameworks)
        .billing_mode(BillingMode::PayPerRequest)
        .attribute_definitions(string("id").map_err(invalid)?)
        .attribute_definitions(string("entity").map_err(invalid)?)
        .attribute_definitions(string("name_key").map_err(invalid)?)
        .key_schema(key("id", KeyType::Hash).map_err(invalid)?)
        .global_secondary_indexes(by_name)
        .send()
        .await;
    let faq = client
        .create_table()
        .table_name(&tables.faq)
        .billing_mode(BillingMode::PayPerRequest)
        .attribute_definitions(string("id").map_err(invalid)?)
        .key_schema(key("id", KeyType::Hash).map_err(invalid)?)
        .send()
        .await;
    let outcome = |result: Result<_, aws_sdk_dynamodb::error::SdkError<_, _>>| match result {
        Ok(_) => Ok(Created::New),
        Err(error)
            if error.as_service_error().is_some_and(
                |e: &aws_sdk_dynamodb::operation::create_table::CreateTableError| {
                    e.is_resource_in_use_exception()
                },
            ) =>
        {
            Ok(Created::AlreadyThere)
        }
        Err(error) => Err(store_error("CreateTable", error)),
    };
    let created = [outcome(frameworks)?, outcome(faq)?];
    for table in [&tables.frameworks, &tables.faq] {
        wait_until_active(client, table).await?;
    }
    Ok(created)
}

/// Creates the facts table (key `id`, on-demand billing) if missing, and waits until it is
/// usable. Separate from [`create`]: only the refresh function and its tests need it.
pub async fn create_facts(client: &Client, table: &str) -> Result<Created, StoreError> {
    let invalid = |error: aws_sdk_dynamodb::error::BuildError| StoreError::Failed(Box::new(error));
    let created = client
        .create_table()
        .table_name(table)
        .billing_mode(BillingMode::PayPerRequest)
        .attribute_definitions(
            AttributeDefinition::builder()
                .attribute_name("id")
                .attribute_type(ScalarAttributeType::S)
                .build()
                .map_err(invalid)?,
        )
        .key_schema(
            KeySchemaElement::builder()
                .attribute_name("id")
                .key_type(KeyType::Hash)
                .build()
                .map_err(invalid)?,
        )
        .send()
        .await;
    let created = match created {
        Ok(_) => Created::New,
        Err(error)
            if error
                .as_service_error()
                .is_some_and(|e| e.is_resource_in_use_exception()) =>
        {
            Created::AlreadyThere
        }
        Err(error) => return Err(store_error("CreateTable", error)),
    };
    wait_until_active(client, table).await?;
    Ok(created)
}

async fn wait_until_active(client: &Client, table: &str) -> Result<(), StoreError> {
    use aws_sdk_dynamodb::types::TableStatus;
    for _ in 0..120 {
        let described = client
            .describe_table()
            .table_name(table)
            .send()
            .await
            .map_err(|error| store_error("DescribeTable", error))?;
        if described.table().and_then(|t| t.table_status()) == Some(&TableStatus::Active) {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    Err(StoreError::Failed(
        format!("table {table} did not become active within a minute").into(),
    ))
}
