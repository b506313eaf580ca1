//! A question people ask when choosing a framework, with our answer.

use serde::{Deserialize, Serialize};

use crate::dataset::FAQ_TOPICS;
use crate::framework::Source;
use crate::slug::Slug;
use crate::vocab::UnknownValue;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaqEntry {
    pub id: Slug,
    pub question: String,
    pub answer: String,
    pub topic: String,
    /// Search keywords beyond the question and answer text.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Catalog ids; a dataset test fails if one does not exist.
    pub related_frameworks: Vec<Slug>,
    pub sources: Vec<Source>,
}

/// One of [`crate::dataset::FAQ_TOPICS`]. Parsing refuses anything else, listing the topics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Topic(&'static str);

impl Topic {
    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl std::str::FromStr for Topic {
    type Err = UnknownValue;

    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        let normalised = raw.trim().to_ascii_lowercase();
        FAQ_TOPICS
            .iter()
            .find(|topic| **topic == normalised)
            .map(|topic| Topic(topic))
            .ok_or_else(|| UnknownValue {
                vocabulary: "topic",
                value: raw.to_owned(),
                valid: FAQ_TOPICS,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_parse_case_insensitively_and_list_the_valid_ones() {
        assert_eq!("Trends".parse::<Topic>().unwrap().as_str(), "trends");
        let error = "gossip".parse::<Topic>().unwrap_err();
        assert!(error.to_string().contains("basics"));
    }
}
