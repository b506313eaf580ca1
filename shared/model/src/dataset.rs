//! The embedded dataset: `data/frameworks.json`, `data/evidence.json` and `data/faq.json`,
//! compiled into every binary. Each framework's evidence is joined into it, and the whole
//! passes through the same [`FrameworkSpec::from_json`] check as an admin `PUT`, so the
//! shipped data can never be something the API would refuse.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;

use serde_json::{Map, Value};

use crate::faq::FaqEntry;
use crate::framework::{Framework, FrameworkSpec};
use crate::slug::Slug;

pub const FRAMEWORKS_JSON: &str = include_str!("../data/frameworks.json");
/// Evidence by framework id, then by dimension: kept apart from the frameworks so that the
/// figures and their sources can be edited without touching the catalog's entries.
pub const EVIDENCE_JSON: &str = include_str!("../data/evidence.json");
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
    parse_frameworks(FRAMEWORKS_JSON, EVIDENCE_JSON)
}

/// The frameworks of `json` with the evidence of `evidence_json` joined in; evidence for an
/// id the frameworks lack is an error, as is an entry that carries its own.
pub fn parse_frameworks(json: &str, evidence_json: &str) -> Result<Vec<Framework>, DatasetError> {
    let mut items: Vec<Value> =
        serde_json::from_str(json).map_err(|e| DatasetError(format!("frameworks.json: {e}")))?;
    let mut evidence: Map<String, Value> = serde_json::from_str(evidence_json)
        .map_err(|e| DatasetError(format!("evidence.json: {e}")))?;
    for item in &mut items {
        let Some(entry) = item.as_object_mut() else {
            continue;
        };
        let id = entry.get("id").and_then(Value::as_str).unwrap_or_default();
        if let Some(found) = evidence.remove(id) {
            if entry.contains_key("evidence") {
                return Err(DatasetError(format!(
                    "framework '{id}': its evidence belongs in evidence.json"
                )));
            }
            entry.insert("evidence".into(), found);
        }
    }
    if !evidence.is_empty() {
        let unknown: Vec<&str> = evidence.keys().map(String::as_str).collect();
        return Err(DatasetError(format!(
            "evidence.json names frameworks that frameworks.json lacks: {}",
            unknown.join(", ")
        )));
    }
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
