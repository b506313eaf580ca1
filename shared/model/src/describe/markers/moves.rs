//! What a move leaves: the framework a writer has and moves away from ("our Express app …
//! rewrite it in Go", "from flask to fastapi", "Laravel is getting old, switching to Go").

use super::{Marks, OWNING, Scope};

/// Verbs of a move that may stand apart from their "in" or "to".
const MOVE_VERBS: &[&str] = &[
    "rewrite",
    "rewriting",
    "port",
    "porting",
    "rebuild",
    "rebuilding",
    "migrate",
    "migrating",
    "redo",
    "redoing",
    "switch",
    "switching",
    "move",
    "moving",
];
/// How far after "a rewrite of" what is rewritten may stand ("a rewrite of our old flask
/// api").
const REWRITE_OF_REACH: usize = 4;
/// How far from a framework being left the language it is written in may stand ("Python
/// service (a little flask thing)").
const LANGUAGE_BESIDE_REACH: usize = 5;
/// Words that set a language apart from the framework after it ("go or kotlin and … django").
const APART: &[&str] = &["or", "and", "vs", "to", "in", "for", "with", "from", "but"];
/// How far after a language the thing it built may stand ("php codeigniter 2 app").
const THING_AFTER_LANGUAGE_REACH: usize = 4;
/// Things a language builds, named by it: "our python ones", "a php app".
const BUILT_THINGS: &[&str] = &[
    "app",
    "apps",
    "application",
    "service",
    "services",
    "ones",
    "codebase",
    "monolith",
    "thing",
    "code",
    "scripts",
    "backend",
    "api",
    "apis",
];
/// How far before its "in" or "to" such a verb may stand.
const MOVE_VERB_REACH: usize = 5;

impl Scope<'_> {
    /// The framework the writer has ("our Express app", "my flask api"), named last before
    /// `marker` in its sentence or the one before.
    pub(super) fn owned_before(&self, marker: usize) -> Option<usize> {
        let (cues, tokens) = (self.cues, self.tokens);
        let sentence = tokens[cues[marker].first].sentence;
        (0..marker)
            .rev()
            .take_while(|i| tokens[cues[*i].first].sentence + 1 >= sentence)
            .find(|i| {
                let first = cues[*i].first;
                cues[*i].names_framework()
                    && tokens[first.saturating_sub(2)..first]
                        .iter()
                        .any(|t| OWNING.contains(&t.lower.as_str()))
            })
    }

    /// "...a little flask thing. Want to rewrite it in rust": a move of "it" or "the whole
    /// thing" is of what the writer has, named before (see `thing_before`).
    pub(super) fn moved_thing(&self, marker: usize) -> Option<usize> {
        let (cue, tokens) = (&self.cues[marker], self.tokens);
        let of_a_thing = tokens[cue.first..=cue.last].iter().any(|t| {
            matches!(
                t.lower.as_str(),
                "it" | "thing" | "everything" | "app" | "this" | "that" | "rewrite"
            )
        });
        // "planning a rewrite of our flask api": of what follows.
        let of_what_follows = tokens.get(cue.last + 1).is_some_and(|t| t.lower == "of");
        if of_what_follows {
            return self.ahead_of(marker, REWRITE_OF_REACH, &self.named, true);
        }
        of_a_thing.then(|| self.thing_before(marker)).flatten()
    }

    /// What a move whose verb stands apart from its "in" or "to" leaves ("rewriting the slow
    /// ones in rust", "porting a few of the services to kotlin"): the verb at token `verb`,
    /// then within a few words of its clause "in" or "to" right before the named cue
    /// `onto`.
    pub(super) fn moved_apart(&self, onto: usize) -> Option<usize> {
        let (cues, tokens) = (self.cues, self.tokens);
        let into = cues[onto].first.checked_sub(1)?;
        if !matches!(tokens[into].lower.as_str(), "in" | "to" | "into") {
            return None;
        }
        let clause = tokens[into].clause;
        let verb = (into.saturating_sub(MOVE_VERB_REACH)..into)
            .rev()
            .take_while(|i| tokens[*i].clause == clause)
            .find(|i| MOVE_VERBS.contains(&tokens[*i].lower.as_str()))?;
        // A verb read as part of a cue (a move or a leaving of its own) is read there.
        let in_a_cue = cues.iter().any(|c| (c.first..=c.last).contains(&verb));
        (!in_a_cue).then(|| self.thing_before(onto)).flatten()
    }

    /// What the writer has, named last before cue `marker` however far back: a framework,
    /// else a language; unless it was offered as a choice ("flask or django?").
    fn thing_before(&self, marker: usize) -> Option<usize> {
        let (cues, tokens) = (self.cues, self.tokens);
        let offered = |i: usize| {
            let sentence = tokens[cues[i].first].sentence;
            tokens
                .iter()
                .any(|t| t.sentence == sentence && matches!(t.lower.as_str(), "or" | "vs"))
        };
        let named = || (0..marker).rev().filter(|i| self.named[*i]);
        named()
            .find(|i| cues[*i].names_framework())
            .or_else(|| named().next())
            .filter(|i| !offered(*i))
    }

    /// "Laravel is getting old for us, thinking about switching to Go": the framework named
    /// before a move to another, in its sentence, unless offered with it ("stay on Laravel
    /// or switch to Go?").
    pub(super) fn named_before_in_sentence(&self, marker: usize) -> Option<usize> {
        let (cues, tokens) = (self.cues, self.tokens);
        let sentence = tokens[cues[marker].first].sentence;
        let offered = (0..cues[marker].first).any(|i| {
            tokens[i].sentence == sentence && matches!(tokens[i].lower.as_str(), "or" | "vs")
        });
        (0..marker)
            .rev()
            .take_while(|i| tokens[cues[*i].first].sentence == sentence)
            .find(|i| cues[*i].names_framework())
            .filter(|_| !offered)
    }

    /// "from flask to fastapi": the framework at `index` stands between "from" and "to", and
    /// another framework or language follows; what a move starts from is left.
    pub(super) fn moved_from(&self, index: usize) -> bool {
        let (cue, tokens) = (&self.cues[index], self.tokens);
        let from = cue
            .first
            .checked_sub(1)
            .is_some_and(|i| tokens[i].lower == "from");
        let to = tokens.get(cue.last + 1).is_some_and(|t| t.lower == "to");
        let onward = self
            .cues
            .get(index + 1)
            .is_some_and(|next| self.named[index + 1] && next.first == cue.last + 2);
        cue.names_framework() && from && to && onward
    }

    /// "our one Python service (a little flask thing) … rewrite it in rust", "a crusty
    /// node/express thing": a language named right beside a framework being left is what the
    /// thing is written in, so it is left too (context, not a choice). Pairs of the language's
    /// cue and the framework's.
    pub(super) fn languages_of_left(&self, marks: &[Marks]) -> Vec<(usize, usize)> {
        let (cues, tokens) = (self.cues, self.tokens);
        let mut pairs = Vec::new();
        for left in
            (0..cues.len()).filter(|i| cues[*i].names_framework() && marks[*i].leaving.is_some())
        {
            // Before it, and joined to it as one thing's words: "ruby sinatra app" or "Python
            // service (a little flask thing)", not "go or kotlin and leaving the django part".
            let beside = (0..left).filter(|i| {
                let (a, b) = (&cues[*i], &cues[left]);
                a.names_language()
                    && marks[*i].leaving.is_none()
                    && marks[*i].negated.is_none()
                    && b.first - a.last <= LANGUAGE_BESIDE_REACH
                    && tokens[a.first].sentence == tokens[b.first].sentence
                    && !tokens[a.last + 1..b.first]
                        .iter()
                        .any(|t| APART.contains(&t.lower.as_str()))
            });
            pairs.extend(beside.map(|i| (i, left)));
        }
        pairs
    }

    /// "a rewrite of a php codeigniter app", "our python ones eat too much RAM": a language
    /// left as the word before the thing it built (an app, a service, the ones) leaves the
    /// thing, and the language is context (docs/labelling.md: "moving off our Rails app
    /// keeps Ruby out of both lists"). The cues of such languages.
    pub(super) fn languages_naming_a_thing_left(&self, marks: &[Marks]) -> Vec<usize> {
        let (cues, tokens) = (self.cues, self.tokens);
        (0..cues.len())
            .filter(|i| {
                let cue = &cues[*i];
                let language = cue.names_language();
                let end = (cue.last + 1 + THING_AFTER_LANGUAGE_REACH).min(tokens.len());
                let thing = tokens[cue.last + 1..end]
                    .iter()
                    .take_while(|t| {
                        t.clause == tokens[cue.last].clause && !APART.contains(&t.lower.as_str())
                    })
                    .any(|t| BUILT_THINGS.contains(&t.lower.as_str()));
                language && thing && marks[*i].leaving.is_some_and(|(_, excludes)| excludes)
            })
            .collect()
    }
}
