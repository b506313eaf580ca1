//! Settings from the environment, read once per process (once per Lambda container), and
//! the stores they select.
//!
//! | variable             | meaning                                                     |
//! |----------------------|-------------------------------------------------------------|
//! | `FRAMEWORKS_TABLE`   | DynamoDB table of frameworks; unset → the embedded store     |
//! | `FAQ_TABLE`          | DynamoDB table of FAQ entries; unset → the embedded store    |
//! | `FACTS_TABLE`        | DynamoDB table of registry facts; unset → the recorded facts |
//! | `CACHE_TTL_SECS`     | how long a warm container reuses the catalog (default 60)    |
//! | `ALLOW_LOCAL_WRITES` | `true` lets unauthenticated admin writes through, locally only |
//!
//! In Lambda each function is given only the table names its IAM role may read.

use std::sync::Arc;
use std::time::Duration;

use model::facts::MemoryFacts;
use model::{FaqStore, FrameworkStore, MemoryStore};

use crate::cache::{CachedFaq, CachedFrameworks};
use crate::embedded::{EmbeddedOnFirstUse, RecordedFactsOnFirstUse};
use crate::facts::CachedFacts;

#[derive(Debug, Clone)]
pub struct Settings {
    pub frameworks_table: Option<String>,
    pub faq_table: Option<String>,
    pub facts_table: Option<String>,
    pub cache_ttl: Duration,
    pub allow_local_writes: bool,
}

/// A setting that is present but unusable. Start-up fails loudly rather than guessing.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{name} must be {expected}, not '{value}'")]
    Invalid {
        name: &'static str,
        expected: &'static str,
        value: String,
    },
    #[error(transparent)]
    Dataset(#[from] model::dataset::DatasetError),
    #[error(transparent)]
    Region(#[from] dynamo::client::MissingRegion),
}

impl Settings {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let non_empty = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());
        let cache_ttl = match non_empty("CACHE_TTL_SECS") {
            None => Duration::from_secs(60),
            Some(raw) => raw
                .trim()
                .parse::<u64>()
                .map(Duration::from_secs)
                .map_err(|_| ConfigError::Invalid {
                    name: "CACHE_TTL_SECS",
                    expected: "a whole number of seconds",
                    value: raw,
                })?,
        };
        let allow_local_writes = match non_empty("ALLOW_LOCAL_WRITES").as_deref().map(str::trim) {
            None | Some("false" | "0" | "no") => false,
            Some("true" | "1" | "yes") => true,
            Some(other) => {
                return Err(ConfigError::Invalid {
                    name: "ALLOW_LOCAL_WRITES",
                    expected: "true or false",
                    value: other.to_owned(),
                });
            }
        };
        Ok(Self {
            frameworks_table: non_empty("FRAMEWORKS_TABLE"),
            faq_table: non_empty("FAQ_TABLE"),
            facts_table: non_empty("FACTS_TABLE"),
            cache_ttl,
            allow_local_writes,
        })
    }
}

/// The stores a function reads through, chosen by [`Settings`].
#[derive(Debug, Clone)]
pub struct Stores {
    pub frameworks: Arc<dyn FrameworkStore>,
    pub faq: Arc<dyn FaqStore>,
    pub facts: Arc<CachedFacts>,
}

impl Stores {
    /// The embedded dataset in memory, parsed now: for tests and tools, which want a broken
    /// dataset to fail at once.
    pub fn embedded() -> Result<Self, ConfigError> {
        let memory = Arc::new(MemoryStore::seeded()?);
        let facts = Arc::new(MemoryFacts::new(model::facts::recorded()?));
        Ok(Self {
            frameworks: memory.clone(),
            faq: memory,
            facts: Arc::new(CachedFacts::new(facts, Duration::from_secs(60))),
        })
    }

    /// Each table that is named is read from DynamoDB (through the warm-container cache);
    /// a store without a table is the embedded dataset, parsed by the first call that reads
    /// it, not at start-up. Terraform names to each function exactly the tables its role may
    /// read (`local.function_access` in `infra/main.tf`, held equal by `infra/tests`), so in
    /// Lambda a store without a table is one the function's handlers never call. The
    /// DynamoDB client is built here, once, and only when a table is named.
    pub async fn from_settings(settings: &Settings) -> Result<Self, ConfigError> {
        let embedded = Arc::new(EmbeddedOnFirstUse::default());
        let recorded = Arc::new(RecordedFactsOnFirstUse::default());
        let mut stores = Self {
            frameworks: embedded.clone(),
            faq: embedded,
            facts: Arc::new(CachedFacts::new(recorded, settings.cache_ttl)),
        };
        let tables = [
            &settings.frameworks_table,
            &settings.faq_table,
            &settings.facts_table,
        ];
        if tables.iter().all(|table| table.is_none()) {
            return Ok(stores);
        }
        let tuning = dynamo::Tuning::for_env(dynamo::Tuning::default());
        let client = dynamo::client::from_process_env(tuning)?;
        if let Some(table) = &settings.frameworks_table {
            stores.frameworks = Self::dynamodb_frameworks(&client, table, settings.cache_ttl);
        }
        if let Some(table) = &settings.faq_table {
            stores.faq = Self::dynamodb_faq(&client, table, settings.cache_ttl);
        }
        if let Some(table) = &settings.facts_table {
            let store = Arc::new(dynamo::DynamoFacts::new(client.clone(), table));
            stores.facts = Arc::new(CachedFacts::new(store, settings.cache_ttl));
        }
        Ok(stores)
    }

    /// The frameworks and the FAQ on DynamoDB through `client`, cached for `cache_ttl`;
    /// the recorded facts beside them.
    pub fn dynamodb(client: &dynamo::Client, tables: &dynamo::Tables, cache_ttl: Duration) -> Self {
        let recorded = Arc::new(RecordedFactsOnFirstUse::default());
        Self {
            frameworks: Self::dynamodb_frameworks(client, &tables.frameworks, cache_ttl),
            faq: Self::dynamodb_faq(client, &tables.faq, cache_ttl),
            facts: Arc::new(CachedFacts::new(recorded, cache_ttl)),
        }
    }

    fn dynamodb_frameworks(
        client: &dynamo::Client,
        table: &str,
        cache_ttl: Duration,
    ) -> Arc<dyn FrameworkStore> {
        let store = dynamo::DynamoFrameworks::new(client.clone(), table);
        Arc::new(CachedFrameworks::new(store, cache_ttl))
    }

    fn dynamodb_faq(
        client: &dynamo::Client,
        table: &str,
        cache_ttl: Duration,
    ) -> Arc<dyn FaqStore> {
        Arc::new(CachedFaq::new(
            dynamo::DynamoFaq::new(client.clone(), table),
            cache_ttl,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(pairs: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        let owned: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Settings::from_lookup(move |name| {
            owned
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        })
    }

    #[test]
    fn defaults_select_the_embedded_store_and_refuse_writes() {
        let settings = settings(&[]).unwrap();
        assert!(settings.frameworks_table.is_none());
        assert_eq!(settings.cache_ttl, Duration::from_secs(60));
        assert!(!settings.allow_local_writes);
    }

    #[test]
    fn bad_values_fail_start_up() {
        assert!(settings(&[("CACHE_TTL_SECS", "soon")]).is_err());
        assert!(settings(&[("ALLOW_LOCAL_WRITES", "maybe")]).is_err());
    }
}
