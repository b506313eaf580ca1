//! The embedded dataset: `data/frameworks.json` and `data/faq.json`, compiled into every
//! binary. Frameworks pass through the same [`FrameworkSpec::from_json`] check as an admin `PUT`, so
//! the shipped data can never be something the API would refuse.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;

use serde_json::Value;

use crate::faq::FaqEntry;
use crate::framework::{Framework, FrameworkSpec};
use crate::slug::Slug;

pub const FRAMEWORKS_JSON: &str = include_str!("../data/frameworks.json");
pub const FAQ_JSON: &str = include_str!("../data/faq.json");

/// The embedded data is inconsistent. Only a bad edit to `data/` causes it; tests catch it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatasetError(pub String);

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "embedded dataset is invalid: {}", self.0)
    }
}

impl std::error::Error for DatasetError {}

pub fn load_frameworks() -> Result<Vec<Framework>, DatasetError> {
    parse_frameworks(FRAMEWORKS_JSON)
}

pub fn parse_frameworks(json: &str) -> Result<Vec<Framework>, DatasetError> {
    let items: Vec<Value> =
        serde_json::from_str(json).map_err(|e| DatasetError(format!("frameworks.json: {e}")))?;
    let mut frameworks = Vec::with_capacity(items.len());
    let mut ids = BTreeSet::new();
    for (index, item) in items.iter().enumerate() {
        let raw_id = item.get("id").and_then(Value::as_str).unwrap_or_default();
        let id =
            Slug::parse(raw_id).map_err(|e| DatasetError(format!("frameworks[{index}]: {e}")))?;
        if !ids.insert(id.clone()) {
            return Err(DatasetError(format!("framework id '{id}' appears twice")));
        }
        let spec = FrameworkSpec::from_json(&id, item).map_err(|errors| {
            let list: Vec<String> = errors
                .iter()
                .map(|e| format!("{}: {}", e.field, e.message))
                .collect();
            DatasetError(format!("framework '{id}': {}", list.join("; ")))
        })?;
        let version = item.get("version").and_then(Value::as_u64).unwrap_or(1);
        let updated_at = item
            .get("updated_at")
            .and_then(Value::as_str)
            .ok_or_else(|| DatasetError(format!("framework '{id}': updated_at is missing")))?
            .to_owned();
        frameworks.push(Framework {
            id,
            spec: Arc::new(spec),
            version,
            updated_at,
        });
    }
    frameworks.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(frameworks)
}

pub fn load_faq() -> Result<Vec<FaqEntry>, DatasetError> {
    let mut entries: Vec<FaqEntry> =
        serde_json::from_str(FAQ_JSON).map_err(|e| DatasetError(format!("faq.json: {e}")))?;
    let mut ids = BTreeSet::new();
    for entry in &entries {
        if !ids.insert(entry.id.clone()) {
            return Err(DatasetError(format!("faq id '{}' appears twice", entry.id)));
        }
        if entry.question.trim().is_empty()
            || entry.answer.trim().is_empty()
            || entry.sources.is_empty()
        {
            return Err(DatasetError(format!(
                "faq '{}': question, answer and sources are required",
                entry.id
            )));
        }
    }
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(entries)
}
