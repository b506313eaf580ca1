//! Typo correction against a closed set of known words: the FAQ index corrects query terms it
//! has never seen against its own terms, the description reader corrects words against its
//! lexicon. Each caller sets its own edit budget; the nearest-spelling rule is shared.

use crate::suggest::{edit_distance, letter_set, shared_letters};

/// A set of known words, grouped by length, each with its characters and letter set ready:
/// a lookup measures only words of a length within budget whose letter sets are close.
#[derive(Debug, Clone, Default)]
pub struct Spellings {
    /// `by_length[n]`: the known words of `n` characters, alphabetically.
    by_length: Vec<Vec<Known>>,
}

#[derive(Debug, Clone)]
struct Known {
    word: String,
    chars: Vec<char>,
    letters: u64,
}

impl Spellings {
    pub fn new(words: impl IntoIterator<Item = String>) -> Self {
        let mut words: Vec<String> = words.into_iter().collect();
        words.sort();
        words.dedup();
        let mut by_length: Vec<Vec<Known>> = Vec::new();
        for word in words {
            let chars: Vec<char> = word.chars().collect();
            if by_length.len() <= chars.len() {
                by_length.resize_with(chars.len() + 1, Vec::new);
            }
            let letters = letter_set(chars.iter().copied());
            by_length[chars.len()].push(Known {
                word,
                chars,
                letters,
            });
        }
        Self { by_length }
    }

    /// The known words nearest to `word`, at most `budget` edits away (adjacent letters
    /// swapped count as one): only those at the smallest distance found, alphabetically, at
    /// most three. `keep` can rule a candidate out before its distance is measured.
    pub fn nearest(
        &self,
        word: &str,
        budget: usize,
        keep: impl Fn(&[char]) -> bool,
    ) -> Vec<(&str, usize)> {
        let wanted: Vec<char> = word.chars().collect();
        let letters = letter_set(wanted.iter().copied());
        let lengths = wanted.len().saturating_sub(budget)..=wanted.len() + budget;
        let mut found: Vec<(usize, &str)> = lengths
            .filter_map(|length| self.by_length.get(length))
            .flatten()
            .filter(|known| {
                // One edit adds or removes at most one letter from each word's set.
                (known.letters ^ letters).count_ones() as usize <= 2 * budget
                    && shared_letters(&wanted, &known.chars) + budget
                        >= wanted.len().max(known.chars.len())
                    && keep(&known.chars)
            })
            .filter_map(|known| {
                let distance = edit_distance(&wanted, &known.chars);
                (distance <= budget).then_some((distance, known.word.as_str()))
            })
            .collect();
        let Some(nearest) = found.iter().map(|(distance, _)| *distance).min() else {
            return Vec::new();
        };
        found.retain(|(distance, _)| *distance == nearest);
        found.sort();
        found
            .into_iter()
            .take(3)
            .map(|(distance, candidate)| (candidate, distance))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_spellings_within_budget_win() {
        let known = Spellings::new(["django", "flask", "fastapi", "falcon"].map(String::from));
        assert_eq!(known.nearest("djnago", 2, |_| true), [("django", 1)]);
        assert_eq!(known.nearest("flsk", 1, |_| true), [("flask", 1)]);
        assert!(known.nearest("zzzzzz", 2, |_| true).is_empty());
        assert!(known.nearest("flsk", 1, |chars| chars[0] != 'f').is_empty());
    }

    #[test]
    fn the_shared_letter_and_letter_set_bounds_never_rule_out_a_true_match() {
        let pairs = [
            ("djnago", "django"),
            ("pyhton", "python"),
            ("kubernets", "kubernetes"),
            ("scalabilty", "scalability"),
            ("größe", "grösse"),
        ];
        for (a, b) in pairs {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let distance = edit_distance(&a, &b);
            assert!(shared_letters(&a, &b) + distance >= a.len().max(b.len()));
            let changed = (letter_set(a.iter().copied()) ^ letter_set(b.iter().copied()))
                .count_ones() as usize;
            assert!(changed <= 2 * distance, "{a:?} {b:?}");
        }
    }
}
