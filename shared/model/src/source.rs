//! Where a claim comes from: the citation a framework's sources, its rating evidence and an
//! FAQ answer all carry.

use serde::{Deserialize, Serialize};

/// A citation: where a claim comes from. `url` is absent for sources without a public address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub title: String,
    pub url: Option<String>,
}
