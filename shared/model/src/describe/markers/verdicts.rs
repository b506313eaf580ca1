//! How a verdict is meant: a "not" or "never" that denies a departure, a "no-" made one word,
//! "has to go" that goes somewhere, a verdict on a thing built in a language, "not touching X
//! again".

use super::Scope;

/// Things built in a language: a verdict on one is not on the language.
const THINGS: &[&str] = &[
    "codebase", "code", "app", "monolith", "scripts", "service", "services", "backend", "api",
];
/// How far after a language its thing may stand ("php 5 codebase").
const THING_REACH: usize = 2;
/// How far after what "not touching" names an "again" makes it a refusal.
const AGAIN_REACH: usize = 2;
/// How far before a leaving word a "not" or "never" denies it ("not ever regret").
const DENIAL_REACH: usize = 2;

impl Scope<'_> {
    /// "not touching the JVM again": staying away, not staying put ("not touching our java
    /// services" keeps them): a "not" marker whose target is followed by "again".
    pub(super) fn not_again(&self, marker: usize, target: usize) -> bool {
        let tokens = self.tokens;
        let after = self.cues[target].last + 1;
        tokens[self.cues[marker].first].key == "not"
            && tokens[after..tokens.len().min(after + AGAIN_REACH)]
                .iter()
                .any(|t| t.lower == "again")
    }

    /// The language at `member` is followed by a thing built in it ("php codebase", "java
    /// services", "python scripts").
    pub(super) fn names_a_thing(&self, member: usize) -> bool {
        let cue = &self.cues[member];
        let language = cue.names_language();
        let tokens = self.tokens;
        language
            && tokens[cue.last + 1..tokens.len().min(cue.last + 1 + THING_REACH)]
                .iter()
                .any(|t| THINGS.contains(&t.lower.as_str()))
    }

    /// The marker ends in the verb "go" and its clause goes on ("has to go fast", "must go
    /// with java").
    pub(super) fn goes_somewhere(&self, marker: usize) -> bool {
        let last = self.cues[marker].last;
        let tokens = self.tokens;
        tokens[last].key == "go (verb)"
            && tokens.get(last + 1).is_some_and(|next| {
                next.clause == tokens[last].clause && next.sentence == tokens[last].sentence
            })
    }

    /// The one-word marker at `marker` is joined by a hyphen to the word after it
    /// ("no-nonsense", "no-config").
    pub(super) fn joined_into_a_word(&self, marker: usize) -> bool {
        let cue = &self.cues[marker];
        let tokens = self.tokens;
        cue.first == cue.last
            && tokens
                .get(cue.last + 1)
                .is_some_and(|next| &self.text[tokens[cue.last].span.end..next.span.start] == "-")
    }

    /// A word of denial ("not", "never") right before the marker at `marker`.
    pub(super) fn denied(&self, marker: usize) -> bool {
        let first = self.cues[marker].first;
        self.tokens[first.saturating_sub(DENIAL_REACH)..first]
            .iter()
            .any(|t| matches!(t.key.as_str(), "not" | "never"))
    }
}
