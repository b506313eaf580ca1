//! Search relevance over the real knowledge base: every paraphrase in
//! `data/faq_relevance.json` should rank its expected entry first, and at worst in the top 3.
//! Run with `--nocapture` to see the figures and the misses.

#![allow(clippy::unwrap_used)]

use model::dataset::load_faq;
use model::{FaqIndex, SearchText};
use serde::Deserialize;

/// Floors set from the measured figures (docs/search.md); a drop below them is a regression.
const TOP1_FLOOR: f64 = 0.90;
const TOP3_FLOOR: f64 = 1.0;

#[derive(Deserialize)]
struct Case {
    query: String,
    expected: String,
}

#[test]
fn paraphrases_find_their_entry() {
    let entries = load_faq().unwrap();
    let cases: Vec<Case> =
        serde_json::from_str(include_str!("../data/faq_relevance.json")).unwrap();
    assert!(
        cases.len() >= 40,
        "the relevance set needs at least 40 queries"
    );
    for case in &cases {
        assert!(
            entries.iter().any(|e| e.id.as_str() == case.expected),
            "'{}' expects unknown entry '{}'",
            case.query,
            case.expected
        );
    }

    let index = FaqIndex::build(&entries);
    let (mut top1, mut top3) = (0usize, 0usize);
    for case in &cases {
        let hits = index.search(&SearchText::parse(&case.query).unwrap(), None, 3);
        let ranked: Vec<&str> = hits
            .iter()
            .map(|hit| entries[hit.position].id.as_str())
            .collect();
        match ranked.iter().position(|id| *id == case.expected) {
            Some(0) => {
                top1 += 1;
                top3 += 1;
            }
            Some(_) => {
                top3 += 1;
                println!(
                    "top-3 only: {:?} → {ranked:?}, expected {}",
                    case.query, case.expected
                );
            }
            None => println!(
                "MISS: {:?} → {ranked:?}, expected {}",
                case.query, case.expected
            ),
        }
    }
    let n = cases.len() as f64;
    let (p1, p3) = (top1 as f64 / n, top3 as f64 / n);
    println!(
        "faq relevance: top-1 {top1}/{} ({:.1}%), top-3 {top3}/{} ({:.1}%)",
        cases.len(),
        p1 * 100.0,
        cases.len(),
        p3 * 100.0
    );
    assert!(
        p1 >= TOP1_FLOOR,
        "top-1 accuracy {p1:.3} is below {TOP1_FLOOR}"
    );
    assert!(
        p3 >= TOP3_FLOOR,
        "top-3 accuracy {p3:.3} is below {TOP3_FLOOR}"
    );
}
