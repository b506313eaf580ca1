//! Ranked full-text search over the FAQ: BM25 over three weighted fields (question, tags
//! and topic, answer),
//! with the analyser in [`text`] (normalisation, stop words, synonyms, Porter stemming),
//! related-term expansion and typo tolerance.
//!
//! Build the index once per corpus with [`FaqIndex::build`] and query it as often as needed;
//! a query costs a handful of posting-list walks, never a scan of the entries' text.

mod spelling;
mod stem;
mod text;

use std::collections::HashMap;

use crate::faq::FaqEntry;
use crate::slug::Slug;
use crate::vocab::Topic;

pub use spelling::Spellings;
pub use stem::stem;
pub use text::{Word, terms, words};

/// The longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 256;

crate::bounded::bounded_text! {
    /// A search query of 1 to [`MAX_QUERY_CHARS`] characters (surrounding whitespace ignored).
    SearchText,
    /// Why a query was refused.
    SearchTextError,
    MAX_QUERY_CHARS
}

/// One ranked result: the entry's position in the slice the index was built from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub position: usize,
    /// BM25 relevance summed over the fields (each saturating on its own), rounded to three decimals; higher is better, always finite and > 0.
    pub score: f64,
}

const QUESTION: usize = 0;
const TAGS: usize = 1;
const ANSWER: usize = 2;
const FIELDS: usize = 3;

/// A term in the question says most about what an entry is for; tags are curated
/// keywords; the answer is long and mentions many things in passing.
const FIELD_WEIGHTS: [f64; FIELDS] = [4.0, 2.0, 1.0];
/// Length normalisation per field: questions and tag lists vary little in length, so they
/// are normalised less than answers.
const FIELD_B: [f64; FIELDS] = [0.5, 0.3, 0.75];
const K1: f64 = 1.2;

/// How much a typo-corrected term counts, by edit distance.
const FUZZY_WEIGHTS: [f64; 3] = [1.0, 0.8, 0.6];

/// How many unknown terms of one query get typo correction, in query order. Correction is
/// the one costly step of a search (a scan of the index's spellings), so this bounds any
/// query's cost to a few times a normal one's; a real question has a typo or two, and 32
/// random words would otherwise cost 50 normal queries.
const MAX_CORRECTED_TERMS: usize = 4;

#[derive(Debug, Clone, Copy)]
struct Posting {
    doc: u32,
    tf: [u16; FIELDS],
}

/// An inverted index over a set of FAQ entries.
#[derive(Debug)]
pub struct FaqIndex {
    ids: Vec<Slug>,
    topics: Vec<Topic>,
    lengths: Vec<[u32; FIELDS]>,
    average_lengths: [f64; FIELDS],
    postings: HashMap<String, Vec<Posting>>,
    /// Every indexed term, for typo correction.
    spellings: Spellings,
}

impl FaqIndex {
    pub fn build(entries: &[FaqEntry]) -> Self {
        let mut postings: HashMap<String, Vec<Posting>> = HashMap::new();
        let mut lengths = Vec::with_capacity(entries.len());
        let mut totals = [0u64; FIELDS];
        for (doc, entry) in entries.iter().enumerate() {
            let doc = u32::try_from(doc).unwrap_or(u32::MAX);
            let mut fields: [Vec<String>; FIELDS] = Default::default();
            fields[QUESTION] = terms(&entry.question);
            // The topic is a curated keyword too ("trends", "python").
            fields[TAGS] = terms(&format!("{} {}", entry.topic, entry.tags.join(" ")));
            fields[ANSWER] = terms(&entry.answer);
            let mut counts: HashMap<&str, [u16; FIELDS]> = HashMap::new();
            let mut field_lengths = [0u32; FIELDS];
            for (field, field_terms) in fields.iter().enumerate() {
                field_lengths[field] = u32::try_from(field_terms.len()).unwrap_or(u32::MAX);
                totals[field] += field_terms.len() as u64;
                for term in field_terms {
                    let tf = &mut counts.entry(term.as_str()).or_default()[field];
                    *tf = tf.saturating_add(1);
                }
            }
            lengths.push(field_lengths);
            for (term, tf) in counts {
                postings
                    .entry(term.to_owned())
                    .or_default()
                    .push(Posting { doc, tf });
            }
        }
        let count = entries.len().max(1) as f64;
        let average_lengths = totals.map(|total| (total as f64 / count).max(1.0));
        let spellings = Spellings::new(postings.keys().cloned());
        Self {
            ids: entries.iter().map(|e| e.id.clone()).collect(),
            topics: entries.iter().map(|e| e.topic).collect(),
            lengths,
            average_lengths,
            postings,
            spellings,
        }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Entries matching `query`, best first (ties by id), in `topic` if given, at most `limit`.
    pub fn search(&self, query: &SearchText, topic: Option<Topic>, limit: usize) -> Vec<Hit> {
        let query_terms = crate::lists::distinct(terms(query.as_str()));

        let mut scores = vec![0.0f64; self.ids.len()];
        let mut best = Best::new(self.ids.len());
        let mut corrections_left = MAX_CORRECTED_TERMS;
        for term in &query_terms {
            for (candidate, weight) in self.expansions(term, &mut corrections_left) {
                self.score_term(&candidate, weight, &mut best);
            }
            best.drain_into(&mut scores);
        }

        let mut hits: Vec<Hit> = scores
            .iter()
            .enumerate()
            .filter(|(position, score)| {
                **score > 0.0
                    && score.is_finite()
                    && topic.is_none_or(|topic| self.topics[*position] == topic)
            })
            .map(|(position, score)| Hit {
                position,
                score: *score,
            })
            .collect();
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| self.ids[a.position].cmp(&self.ids[b.position]))
        });
        hits.truncate(limit);
        for hit in &mut hits {
            // Three decimals tell results apart without exposing float noise; a tiny score
            // still reads as positive.
            hit.score = ((hit.score * 1000.0).round() / 1000.0).max(0.001);
        }
        hits
    }

    /// The index terms a query term stands for: itself (or, if the index has never seen it
    /// and `corrections_left` allows, its nearest spellings) and its related terms.
    fn expansions(&self, term: &str, corrections_left: &mut usize) -> Vec<(String, f64)> {
        let mut out = if self.postings.contains_key(term) {
            vec![(term.to_owned(), 1.0)]
        } else if *corrections_left > 0 {
            *corrections_left -= 1;
            self.corrections(term)
        } else {
            Vec::new()
        };
        for (other, weight) in text::related(term) {
            if !out.iter().any(|(t, _)| t == other) {
                out.push((other.clone(), *weight));
            }
        }
        out
    }

    /// Indexed terms within a small edit distance of an unknown `term` (`djnago` → `django`).
    fn corrections(&self, term: &str) -> Vec<(String, f64)> {
        let length = term.chars().count();
        if length < 4 || term.chars().all(|c| c.is_ascii_digit()) {
            return Vec::new();
        }
        let budget = if length <= 5 { 1 } else { 2 };
        self.spellings
            .nearest(term, budget, |_| true)
            .into_iter()
            .map(|(candidate, distance)| (candidate.to_owned(), FUZZY_WEIGHTS[distance]))
            .collect()
    }

    /// Adds `term`'s BM25 score summed over the fields (each field saturating on its own,
    /// so a match in the question is not drowned by repeats in the answer), scaled by
    /// `weight`. Keeps each document's best over the expansions of one query term, so that
    /// synonyms do not double-count.
    fn score_term(&self, term: &str, weight: f64, best: &mut Best) {
        let Some(postings) = self.postings.get(term) else {
            return;
        };
        let n = self.ids.len() as f64;
        let df = postings.len() as f64;
        let idf = weight * (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        for posting in postings {
            let lengths = &self.lengths[posting.doc as usize];
            let mut score = 0.0;
            for field in 0..FIELDS {
                if posting.tf[field] == 0 {
                    continue;
                }
                let relative = f64::from(lengths[field]) / self.average_lengths[field];
                let norm = 1.0 - FIELD_B[field] + FIELD_B[field] * relative;
                let tf = f64::from(posting.tf[field]) / norm;
                score += FIELD_WEIGHTS[field] * idf * tf / (K1 + tf);
            }
            best.offer(posting.doc, score);
        }
    }
}

/// Each document's best score for the current query term: a dense array plus the list of
/// documents touched, so clearing costs what was touched, not the corpus size.
struct Best {
    scores: Vec<f64>,
    touched: Vec<u32>,
}

impl Best {
    fn new(documents: usize) -> Self {
        Self {
            scores: vec![0.0; documents],
            touched: Vec::new(),
        }
    }

    fn offer(&mut self, doc: u32, score: f64) {
        let slot = &mut self.scores[doc as usize];
        if *slot == 0.0 {
            self.touched.push(doc);
        }
        if score > *slot {
            *slot = score;
        }
    }

    fn drain_into(&mut self, totals: &mut [f64]) {
        for doc in self.touched.drain(..) {
            let slot = &mut self.scores[doc as usize];
            totals[doc as usize] += *slot;
            *slot = 0.0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::load_faq;

    fn search(index: &FaqIndex, entries: &[FaqEntry], q: &str) -> Vec<String> {
        index
            .search(&SearchText::parse(q).unwrap(), None, 3)
            .iter()
            .map(|hit| entries[hit.position].id.to_string())
            .collect()
    }

    #[test]
    fn typos_synonyms_and_spellings_find_the_entry() {
        let entries = load_faq().unwrap();
        let index = FaqIndex::build(&entries);
        assert_eq!(
            search(&index, &entries, "djnago vs node")[0],
            "node-or-django"
        );
        assert_eq!(
            search(&index, &entries, "is C# quicker than java")[0],
            "csharp-vs-java-performance"
        );
        assert_eq!(
            search(&index, &entries, "golang gin or echo")[0],
            "best-go-framework"
        );
    }

    #[test]
    fn results_are_ranked_finite_filtered_and_limited() {
        let entries = load_faq().unwrap();
        let index = FaqIndex::build(&entries);
        let query = SearchText::parse("fastest python framework").unwrap();
        let hits = index.search(&query, None, 50);
        assert!(hits.len() > 3);
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
        assert!(hits.iter().all(|h| h.score.is_finite() && h.score > 0.0));
        let python = index.search(&query, Some(Topic::Python), 2);
        assert_eq!(python.len(), 2);
        assert!(
            python
                .iter()
                .all(|h| entries[h.position].topic == Topic::Python)
        );
        assert!(
            index
                .search(&SearchText::parse("the of and").unwrap(), None, 10)
                .is_empty()
        );
        assert!(
            index
                .search(&SearchText::parse("zzzzqqq").unwrap(), None, 10)
                .is_empty()
        );
    }

    #[test]
    fn an_empty_corpus_finds_nothing() {
        let index = FaqIndex::build(&[]);
        assert!(index.is_empty());
        assert!(
            index
                .search(&SearchText::parse("django").unwrap(), None, 10)
                .is_empty()
        );
    }
}
