//! The refresh function's settings, read once per process.
//!
//! | variable               | meaning                                                       |
//! |------------------------|---------------------------------------------------------------|
//! | `FACTS_TABLE`          | DynamoDB table of facts (in Lambda, always set)                |
//! | `FACTS_FILE`           | without a table: a JSON file of facts (`make refresh`)         |
//! | `REGISTRY_URL`         | one server standing in for every registry (tests, `make refresh`) |
//! | `REGISTRY_TIMEOUT_SECS`| how long one registry request may take (default 10)            |
//! | `REFRESH_CONCURRENCY`  | frameworks fetched at once (default 8)                         |

use std::time::Duration;

use crate::registries::Bases;

#[derive(Debug, Clone)]
pub struct Settings {
    pub facts_table: Option<String>,
    pub facts_file: Option<String>,
    pub bases: Bases,
    pub timeout: Duration,
    pub concurrency: usize,
}

#[derive(Debug, thiserror::Error)]
#[error("{name} must be {expected}, not '{value}'")]
pub struct Invalid {
    name: &'static str,
    expected: &'static str,
    value: String,
}

impl Settings {
    pub fn from_env() -> Result<Self, Invalid> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, Invalid> {
        let set = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());
        let whole = |name: &'static str, default: u64, range: std::ops::RangeInclusive<u64>| {
            match set(name) {
                None => Ok(default),
                Some(raw) => raw
                    .trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|value| range.contains(value))
                    .ok_or(Invalid {
                        name,
                        expected: "a whole number in range",
                        value: raw,
                    }),
            }
        };
        Ok(Self {
            facts_table: set("FACTS_TABLE"),
            facts_file: set("FACTS_FILE"),
            bases: set("REGISTRY_URL").map_or_else(Bases::real, |url| Bases::fake(&url)),
            timeout: Duration::from_secs(whole("REGISTRY_TIMEOUT_SECS", 10, 1..=60)?),
            concurrency: usize::try_from(whole("REFRESH_CONCURRENCY", 8, 1..=64)?).unwrap_or(8),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_refusals() {
        let settings = Settings::from_lookup(|_| None).unwrap();
        assert_eq!(settings.timeout, Duration::from_secs(10));
        assert_eq!(settings.concurrency, 8);
        assert!(
            Settings::from_lookup(|name| (name == "REFRESH_CONCURRENCY").then(|| "0".into()))
                .is_err()
        );
        assert!(
            Settings::from_lookup(|name| (name == "REGISTRY_TIMEOUT_SECS").then(|| "soon".into()))
                .is_err()
        );
    }
}
