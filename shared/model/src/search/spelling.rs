//! Typo correction against a closed set of known words: the FAQ index corrects query terms it
//! has never seen against its own terms, the description reader corrects words against its
//! lexicon. Each caller sets its own edit budget; the nearest-spelling rule is shared.

use crate::suggest::edit_distance;

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
            let letters = letter_set(&chars);
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
        let letters = letter_set(&wanted);
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

/// The set of letters a word has, one bit per ASCII letter or digit and one for everything
/// else: a substitution removes at most one member and adds at most one, an insertion or a
/// deletion changes at most one, a swap none.
fn letter_set(chars: &[char]) -> u64 {
    chars.iter().fold(0, |set, c| {
        set | 1
            << match c {
                'a'..='z' => *c as u32 - 'a' as u32,
                '0'..='9' => 26 + *c as u32 - '0' as u32,
                _ => 36,
            }
    })
}

/// How many letters two words have in common, counted with multiplicity (ASCII letters and
/// digits; anything else counts as shared). One edit changes at most one letter of each
/// word, so words `d` edits apart share at least `max(len) - d` letters: a cheap bound that
/// spares most edit distances.
fn shared_letters(a: &[char], b: &[char]) -> usize {
    let mut counts = [0i16; 37];
    let slot = |c: char| match c {
        'a'..='z' => Some(c as usize - 'a' as usize),
        '0'..='9' => Some(26 + c as usize - '0' as usize),
        _ => None,
    };
    let mut other = 0;
    for c in a {
        match slot(*c) {
            Some(i) => counts[i] += 1,
            None => other += 1,
        }
    }
    let mut shared = 0;
    for c in b {
        match slot(*c) {
            Some(i) if counts[i] > 0 => {
                counts[i] -= 1;
                shared += 1;
            }
            Some(_) => {}
            None if other > 0 => {
                other -= 1;
                shared += 1;
            }
            None => {}
        }
    }
    shared
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
            let changed = (letter_set(&a) ^ letter_set(&b)).count_ones() as usize;
            assert!(changed <= 2 * distance, "{a:?} {b:?}");
        }
    }
}
