//! A question people ask when choosing a framework, with our answer.

use serde::{Deserialize, Serialize};

use crate::slug::Slug;
use crate::source::Source;
use crate::vocab::Topic;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaqEntry {
    pub id: Slug,
    pub question: String,
    pub answer: String,
    pub topic: Topic,
    /// Search keywords beyond the question and answer text.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Catalog ids; a dataset test fails if one does not exist.
    pub related_frameworks: Vec<Slug>,
    pub sources: Vec<Source>,
}
