//! When a framework or language is named only as a point of comparison: "better than
//! Express", "as quick as Rails", "like express but typed", "an admin panel like django's".

use super::Scope;

/// Words after a name that make "like X" a point of comparison: "generators like Rails
/// has" ("as quick as Rails" and "better than Express" need none).
const COMPARED_AFTER: &[&str] = &["has", "have", "does", "do", "did", "had", "offers", "gives"];
/// Words before "like" that make it liking or seeming, not an example ("we like", "feels
/// like", "would like").
const LIKING_OR_SEEMING: &[&str] = &[
    "i",
    "we",
    "you",
    "they",
    "them",
    "us",
    "who",
    "some",
    "most",
    "many",
    "all",
    "he",
    "she",
    "people",
    "everyone",
    "devs",
    "team",
    "d",
    "would",
    "really",
    "also",
    "still",
    "just",
    "do",
    "does",
    "did",
    "t",
    "s",
    "m",
    "re",
    "feel",
    "feels",
    "felt",
    "look",
    "looks",
    "looked",
    "seem",
    "seems",
    "seemed",
    "sound",
    "sounds",
    "more",
    "much",
    "kinda",
    "kind",
    "sort",
    "something",
    "anything",
    "not",
    "to",
    "is",
    "are",
    "be",
];
/// How far back an "as" makes "as X" the second half of "as quick as X".
const COMPARISON_REACH: usize = 6;

impl Scope<'_> {
    /// The framework or language named at `index` is a point of comparison by the words
    /// around it: "better than Express", "as quick as Rails", "like Rails has".
    pub(super) fn compared(&self, index: usize) -> bool {
        let (cue, tokens) = (&self.cues[index], self.tokens);
        let before = cue.first.checked_sub(1).map(|i| tokens[i].lower.as_str());
        let after = tokens.get(cue.last + 1).map(|t| t.lower.as_str());
        let as_before = (cue.first.saturating_sub(COMPARISON_REACH)..cue.first.saturating_sub(1))
            .any(|i| tokens[i].lower == "as");
        let compared_after = after.is_some_and(|a| COMPARED_AFTER.contains(&a));
        match before {
            Some("than") => true,
            Some("as") => as_before || compared_after,
            // "like rails for rust": the framework stands for a kind in another language;
            // "like express but typed": for what it is, with something else.
            // "an admin panel like django's", "code generators, like phoenix has?": after a
            // thing or a pause, "like X" is an example of it, not X liked.
            Some("like") => {
                compared_after
                    || after == Some("but")
                    || self.for_a_language(index)
                    || self.like_after_a_thing(cue.first - 1)
            }
            // "the laravel of python": the framework stands for a kind.
            Some("the") => after == Some("of"),
            _ => false,
        }
    }

    /// The "like" at token `like` follows neither a word of liking or seeming ("we like",
    /// "would like", "feels like"), nor a comparative that offers what follows as the kind
    /// wanted ("something simpler like bottle"), nor a name: it gives an example of the thing
    /// named before it.
    fn like_after_a_thing(&self, like: usize) -> bool {
        let tokens = self.tokens;
        let before = like.checked_sub(1).map(|i| tokens[i].lower.as_str());
        let after_a_name =
            (0..self.cues.len()).any(|i| self.named[i] && self.cues[i].last + 1 == like);
        // "something lighter like slim?" offers slim as the kind of thing wanted.
        let offered = |b: &str| b.ends_with("er");
        before.is_some_and(|b| !LIKING_OR_SEEMING.contains(&b) && !offered(b)) && !after_a_name
    }

    /// The cue at `index` is followed by "for", "of", "in" or "but" and a language: "rails
    /// for rust", "like rails but rust".
    fn for_a_language(&self, index: usize) -> bool {
        let (cue, tokens) = (&self.cues[index], self.tokens);
        let joined = tokens
            .get(cue.last + 1)
            .is_some_and(|t| matches!(t.lower.as_str(), "for" | "of" | "in" | "but"));
        joined
            && self
                .cues
                .iter()
                .any(|other| other.first == cue.last + 2 && other.names_language())
    }
}
