//! The DynamoDB store: [`DynamoFrameworks`] and [`DynamoFaq`] implement the model's store
//! traits over the tables described in `docs/dynamodb.md`; [`seed`] loads the dataset and
//! [`tables::create`] makes the tables on a local server.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod client;
mod error;
mod facts;
mod faq;
mod frameworks;
pub mod item;
#[cfg(feature = "testing")]
pub mod moto;
pub mod read_cost;
pub mod seed;
pub mod tables;

pub use aws_sdk_dynamodb::Client;
pub use client::Tuning;
pub use error::RETRY_AFTER_SECS;
pub use facts::DynamoFacts;
pub use faq::DynamoFaq;
pub use frameworks::DynamoFrameworks;
pub use seed::{SeedReport, seed};
pub use tables::Tables;
