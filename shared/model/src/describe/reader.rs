//! Text → tokens → cue matches. Tokens come from the FAQ search's analyser
//! ([`crate::search::words`]): the same lowercasing, compounds, synonyms and stems. On top of
//! it the reader keeps what search drops (the function words that carry negation and
//! stress), folds contractions (`don't` → `not`), tells the verb "go" from the language,
//! corrects typos against the lexicon with the search's [`Spellings`], and marks where
//! clauses and sentences end.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

use super::lexicon::{CUES, Meaning};
use crate::dataset::{load_faq, load_frameworks};
use crate::search::{Spellings, terms, words};

/// One word of the description.
#[derive(Debug, Clone)]
pub(super) struct Token {
    pub span: Range<usize>,
    /// The word as written, lowercased.
    pub lower: String,
    /// What cues are matched against: the analysed term, or the word itself for a stop word.
    pub key: String,
    /// A word search would index (not a stop word).
    pub content: bool,
    /// Which clause and sentence it is in; a clause ends at a comma, a colon, a dash or a
    /// word like "but", a sentence at a full stop, a question mark, a semicolon or a newline.
    /// Brackets do not end one, nor does a comma inside them: what they hold qualifies the
    /// words before ("angular (TS)", "a frontend dev (Angular, TypeScript)").
    pub clause: usize,
    pub sentence: usize,
}

/// Whether the sentence holding token `at` ends in a question mark: the text between its last
/// word and the next sentence's first word holds one ("anyone regret it?").
pub(super) fn ends_asking(text: &str, tokens: &[Token], at: usize) -> bool {
    let sentence = tokens[at].sentence;
    let last = (at..tokens.len())
        .take_while(|i| tokens[*i].sentence == sentence)
        .last()
        .unwrap_or(at);
    let end = tokens.get(last + 1).map_or(text.len(), |t| t.span.start);
    text[tokens[last].span.end.min(end)..end].contains('?')
}

/// A cue found in the text: tokens `first..=last`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cue {
    pub meanings: &'static [Meaning],
    pub first: usize,
    pub last: usize,
}

impl Cue {
    /// Whether one of the cue's meanings is a framework.
    pub(super) fn names_framework(&self) -> bool {
        self.meanings
            .iter()
            .any(|m| matches!(m, Meaning::Framework(..)))
    }

    /// Whether one of the cue's meanings is a language.
    pub(super) fn names_language(&self) -> bool {
        self.meanings
            .iter()
            .any(|m| matches!(m, Meaning::Languages(_)))
    }
}

pub(super) struct Reading {
    pub tokens: Vec<Token>,
    pub cues: Vec<Cue>,
}

/// A cue phrase, analysed.
struct Phrase {
    keys: Vec<String>,
    /// Match the words as written (`=migrations`), not their stems.
    exact: bool,
    meanings: &'static [Meaning],
}

struct Lexicon {
    /// Phrases by their first key.
    by_first: HashMap<String, Vec<Phrase>>,
    /// Every key any phrase uses, so a word that is one is never "corrected".
    keys: HashSet<String>,
    /// The lexicon's own words of five letters or more, the targets of typo correction, by
    /// first letter (a correction keeps it), each with the key it analyses to.
    spellings: HashMap<char, Spellings>,
    spelt_keys: HashMap<String, String>,
    /// Words the knowledge base (FAQ answers, framework descriptions) uses: real words,
    /// never corrected to a cue.
    known: HashSet<String>,
    /// What "many" analyses to: the key of a number that counts a crowd.
    many: String,
}

impl Lexicon {
    fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let mut by_first: HashMap<String, Vec<Phrase>> = HashMap::new();
            let mut keys = HashSet::new();
            let mut spelt_keys = HashMap::new();
            for (alternatives, meanings) in CUES {
                for phrase in alternatives.split('|') {
                    let (exact, text) = match phrase.strip_prefix('=') {
                        Some(text) => (true, text),
                        None => (false, phrase),
                    };
                    let read = words(text);
                    let phrase_keys: Vec<String> = read
                        .iter()
                        .enumerate()
                        .map(|(i, w)| {
                            // "has to go", "must go": the verb, as the text's is keyed.
                            let after_a_verb =
                                i > 0 && VERB_BEFORE_GO.contains(&read[i - 1].lower.as_str());
                            if w.lower == "go" && after_a_verb {
                                VERB_GO_KEY.to_owned()
                            } else if exact {
                                w.lower.clone()
                            } else {
                                w.term.clone().unwrap_or_else(|| w.lower.clone())
                            }
                        })
                        .collect();
                    let Some(first) = phrase_keys.first().cloned() else {
                        continue;
                    };
                    for word in &read {
                        if let Some(term) = &word.term
                            && word.lower.chars().count() >= 5
                        {
                            spelt_keys.insert(word.lower.clone(), term.clone());
                        }
                    }
                    keys.extend(phrase_keys.iter().cloned());
                    by_first.entry(first).or_default().push(Phrase {
                        keys: phrase_keys,
                        exact,
                        meanings,
                    });
                }
            }
            let faq = load_faq().unwrap_or_default();
            let catalog = load_frameworks().unwrap_or_default();
            let texts = faq
                .iter()
                .flat_map(|entry| [&entry.question, &entry.answer])
                .chain(catalog.iter().flat_map(|framework| {
                    let spec = &framework.spec;
                    std::iter::once(&spec.description)
                        .chain(&spec.strengths)
                        .chain(&spec.weaknesses)
                }));
            let known = texts.flat_map(|text| terms(text)).collect();
            let mut by_letter: HashMap<char, Vec<String>> = HashMap::new();
            for word in spelt_keys.keys() {
                if let Some(first) = word.chars().next() {
                    by_letter.entry(first).or_default().push(word.clone());
                }
            }
            Lexicon {
                by_first,
                keys,
                spellings: by_letter
                    .into_iter()
                    .map(|(letter, words)| (letter, Spellings::new(words)))
                    .collect(),
                spelt_keys,
                known,
                many: terms("many").pop().unwrap_or_else(|| "many".to_owned()),
            }
        })
    }

    /// The lexicon word `lower` is a misspelling of, if it is one: five letters or more, not
    /// a word the knowledge base uses, the same first letter (typos rarely hit it), and made
    /// from a word of six letters or more by the slips typing makes: a letter left out or
    /// two letters swapped (two slips from nine letters on). A letter changed or added is
    /// left alone: it makes another real word too often (`charts`, `stock`, `driver` are not
    /// `chats`, `stack`, `driven`), and so does a short word (`tried` is not `tired`).
    fn correct(&self, lower: &str, key: &str) -> Option<String> {
        let first = lower.chars().next()?;
        let length = lower.chars().count();
        if length < 5 || self.keys.contains(key) || self.known.contains(key) {
            return None;
        }
        let budget = if length >= 9 { 2 } else { 1 };
        let written: Vec<char> = lower.chars().collect();
        let nearest = self
            .spellings
            .get(&first)?
            .nearest(lower, budget, |target| {
                target.len() >= 6 && is_a_slip_of(&written, target)
            });
        let (candidate, _) = nearest.first()?;
        self.spelt_keys.get(*candidate).cloned()
    }
}

/// A number of a thousand or more ("20k", "100k+", "5000", "1m"): read as "many", so
/// that "100k clients" is said like "many clients".
fn is_a_crowd(lower: &str) -> bool {
    let digits: String = lower.chars().take_while(char::is_ascii_digit).collect();
    let rest = lower[digits.len()..].trim_end_matches('+');
    !digits.is_empty()
        && match rest {
            "k" | "m" | "mil" | "million" => true,
            "" => digits.parse::<u64>().is_ok_and(|n| n >= 1000),
            _ => false,
        }
}

/// `written` is `target` with letters left out or adjacent letters swapped (the distance
/// itself is the spelling index's to measure): never longer, and every letter of it in
/// `target`, in order once a swap is undone.
fn is_a_slip_of(written: &[char], target: &[char]) -> bool {
    if written.len() > target.len() {
        return false;
    }
    if written.len() == target.len() {
        let differ: Vec<usize> = (0..written.len())
            .filter(|i| written[*i] != target[*i])
            .collect();
        return match differ.as_slice() {
            [a, b] => *b == a + 1 && written[*a] == target[*b] && written[*b] == target[*a],
            _ => differ.is_empty(),
        };
    }
    let mut remaining = target.iter();
    written
        .iter()
        .all(|letter| remaining.any(|candidate| candidate == letter))
}

/// Warms the lexicon, so that the first description does not pay for building it.
pub(super) fn prepare() {
    Lexicon::get();
}

/// Auxiliaries whose `n't` (split off by the analyser as `t`) makes them a negation.
const NEGATED_AUXILIARIES: &[&str] = &[
    "don", "doesn", "didn", "isn", "aren", "wasn", "weren", "won", "can", "couldn", "shouldn",
    "wouldn", "haven", "hasn", "mustn", "ain",
];
const CONTRACTED_NEGATIONS: &[&str] = &[
    "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "couldnt", "shouldnt",
    "wouldnt", "havent", "hasnt", "mustnt", "aint",
];

/// Words before "go" that make it the language ("written in go", "rust or go").
const LANGUAGE_BEFORE_GO: &[&str] = &[
    "in",
    "using",
    "use",
    "or",
    "and",
    "vs",
    "versus",
    "like",
    "prefer",
    "know",
    "knows",
    "learn",
    "love",
    "plain",
    "with",
    "thinking",
    "considering",
    // "want to try go", "picked go": one tries or picks a language ("try to go" has its "to").
    "try",
    "trying",
    "tried",
    "pick",
    "picked",
    "picking",
];
/// How far before "to go" the verb of a move may stand ("switching the whole api to go").
const MOVED_TO_GO_REACH: usize = 5;
/// Words before "to go" that make it the language ("switch to go", "open to go").
const CHOSEN_BEFORE_TO_GO: &[&str] = &[
    "open",
    "switch",
    "switching",
    "switched",
    "move",
    "moving",
    "moved",
    "migrate",
    "migrating",
    "port",
    "porting",
    "jump",
    "straight",
];
/// Words around "go" that make it the verb ("we'll go with", "go live", "good to go").
/// The key of "go" the verb, never a cue's unless a cue spells the verb ("has to go").
const VERB_GO_KEY: &str = "go (verb)";
const VERB_BEFORE_GO: &[&str] = &[
    "to", "will", "would", "could", "should", "must", "can", "might", "may", "let", "lets", "s",
    "we", "i", "you", "they", "ll", "d", "gonna", "wanna", "just", "ready", "then",
];
const VERB_AFTER_GO: &[&str] = &[
    "with", "for", "to", "live", "ahead", "big", "the", "a", "an", "through", "into", "over",
    "back", "beyond", "further", "on", "out", "down", "up", "away", "wrong", "far", "from",
];

pub(super) fn read(text: &str) -> Reading {
    let lexicon = Lexicon::get();
    let mut tokens: Vec<Token> = Vec::new();
    let mut clause = 0;
    let mut sentence = 0;
    let mut previous_end = 0;
    let mut bracketed = 0_usize;
    let mut analysed = words(text).into_iter().peekable();
    while let Some(word) = analysed.next() {
        if !tokens.is_empty() && word.span.start >= previous_end {
            let gap = &text[previous_end..word.span.start];
            if gap.contains(['.', '!', '?', ';', '\n']) {
                sentence += 1;
                clause += 1;
                bracketed = 0;
            } else if breaks_clause(gap, &mut bracketed) {
                clause += 1;
            }
        }
        let mut span = word.span;
        let mut lower = word.lower;
        let content = word.term.is_some();
        let mut key = word.term.unwrap_or_else(|| lower.clone());
        let contracted = NEGATED_AUXILIARIES.contains(&lower.as_str())
            && analysed
                .peek()
                .is_some_and(|n| n.lower == "t" && n.span.start <= span.end + 3);
        let negation = if contracted {
            if let Some(next) = analysed.next() {
                span = span.start..next.span.end;
                lower = text[span.clone()].to_lowercase();
            }
            true
        } else {
            CONTRACTED_NEGATIONS.contains(&lower.as_str())
        };
        // "w/" is "with" and "w/o" "without", as forums abbreviate them.
        let slashed = text[span.end..].starts_with('/');
        if lower == "w" && slashed && text[span.end..].starts_with("/o") {
            if let Some(o) = analysed.next_if(|n| n.lower == "o") {
                span = span.start..o.span.end;
            }
            key = "without".to_owned();
        } else if lower == "w" && slashed {
            key = "with".to_owned();
        } else if negation {
            key = "not".to_owned();
        } else if is_a_crowd(&lower) {
            key = lexicon.many.clone();
        } else if key == "go" && lower != "go" && lower != "golang" {
            // "going", "goes": the verb; the language is written "go" (or "golang").
            key = "go (verb)".to_owned();
        } else if content && let Some(corrected) = lexicon.correct(&lower, &key) {
            key = corrected;
        }
        previous_end = span.end;
        tokens.push(Token {
            span,
            lower,
            key,
            content: content && !negation,
            clause,
            sentence,
        });
    }
    for at in 0..tokens.len() {
        if tokens[at].lower == "go" && is_the_verb_go(text, &tokens, at) {
            tokens[at].key = VERB_GO_KEY.to_owned();
            tokens[at].content = false;
        }
    }

    let mut cues = Vec::new();
    let mut at = 0;
    while at < tokens.len() {
        match longest_phrase(lexicon, &tokens, at) {
            Some((phrase, length)) => {
                cues.push(Cue {
                    meanings: phrase.meanings,
                    first: at,
                    last: at + length - 1,
                });
                at += length;
            }
            None => at += 1,
        }
    }
    // A word like "but" starts a new clause for everything after it.
    let breaks: Vec<usize> = cues
        .iter()
        .filter(|cue| cue.meanings.contains(&Meaning::ClauseBreak))
        .map(|cue| cue.first)
        .collect();
    for first in breaks.into_iter().rev() {
        for token in &mut tokens[first..] {
            token.clause += 1;
        }
    }
    Reading { tokens, cues }
}

/// A comma, colon or dash between two words ends a clause, unless it stands inside
/// brackets ("a frontend dev (Angular, TypeScript)"): what they hold is one aside.
/// `bracketed` is how many brackets are open, kept across gaps.
fn breaks_clause(gap: &str, bracketed: &mut usize) -> bool {
    let mut breaks = gap.contains(" - ") && *bracketed == 0;
    for c in gap.chars() {
        match c {
            '(' => *bracketed += 1,
            ')' => *bracketed = bracketed.saturating_sub(1),
            ',' | ':' | '—' | '–' if *bracketed == 0 => breaks = true,
            _ => {}
        }
    }
    breaks
}

/// The longest phrase matching at `at`; between equally long ones, one that matches the
/// word as written (`=products`) beats one that matches its stem (`productivity`).
fn longest_phrase<'a>(
    lexicon: &'a Lexicon,
    tokens: &[Token],
    at: usize,
) -> Option<(&'a Phrase, usize)> {
    let by_key = lexicon.by_first.get(&tokens[at].key).into_iter().flatten();
    let by_word = lexicon
        .by_first
        .get(&tokens[at].lower)
        .into_iter()
        .flatten();
    by_key
        .chain(by_word)
        .filter(|phrase| {
            let end = at + phrase.keys.len();
            end <= tokens.len()
                && tokens[at..end]
                    .iter()
                    .all(|token| token.sentence == tokens[at].sentence)
                && phrase
                    .keys
                    .iter()
                    .zip(&tokens[at..end])
                    .all(|(key, token)| {
                        if phrase.exact {
                            *key == token.lower
                        } else {
                            *key == token.key
                        }
                    })
        })
        .max_by_key(|phrase| (phrase.keys.len(), phrase.exact))
        .map(|phrase| (phrase, phrase.keys.len()))
}

fn is_the_verb_go(text: &str, tokens: &[Token], at: usize) -> bool {
    let before = at
        .checked_sub(1)
        .map(|i| &tokens[i])
        .filter(|t| t.sentence == tokens[at].sentence);
    let after = tokens
        .get(at + 1)
        .filter(|t| t.sentence == tokens[at].sentence);
    // "a no-go" is read by its own cue.
    if before.is_some_and(|t| LANGUAGE_BEFORE_GO.contains(&t.lower.as_str()) || t.lower == "no") {
        return false;
    }
    // "open to go, python or ruby", "time to switch to go": what one is open to, or moves
    // to, is a language.
    // "moving from php to go": from one language to another.
    let chosen = at >= 2
        && tokens[at - 1].lower == "to"
        && (CHOSEN_BEFORE_TO_GO.contains(&tokens[at - 2].lower.as_str())
            || at >= 3 && tokens[at - 3].lower == "from"
            // "moving it to go", "switching the api to go": a move's verb a few words before,
            // in its clause, unless "go" is then the verb's ("move fast, want to go live").
            || at >= 3
                && (at.saturating_sub(MOVED_TO_GO_REACH)..at - 1).any(|i| {
                    tokens[i].clause == tokens[at].clause
                        && CHOSEN_BEFORE_TO_GO.contains(&tokens[i].lower.as_str())
                })
                && !after.is_some_and(|t| matches!(t.lower.as_str(), "live" | "ahead" | "with")));
    if chosen {
        return false;
    }
    // "Go" capitalised inside a sentence is the language's name.
    let capitalised = text[tokens[at].span.clone()].starts_with('G');
    if capitalised && before.is_some() {
        return false;
    }
    before.is_some_and(|t| VERB_BEFORE_GO.contains(&t.lower.as_str()))
        || after.is_some_and(|t| VERB_AFTER_GO.contains(&t.lower.as_str()))
}
