//! What a move leaves: the framework a writer has and moves away from ("our Express app …
//! rewrite it in Go", "from flask to fastapi", "Laravel is getting old, switching to Go").

use super::super::lexicon::Meaning;
use super::super::reader::Cue;
use super::{OWNING, Scope};

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
                cues[*i]
                    .meanings
                    .iter()
                    .any(|m| matches!(m, Meaning::Framework(..)))
                    && tokens[first.saturating_sub(2)..first]
                        .iter()
                        .any(|t| OWNING.contains(&t.lower.as_str()))
            })
    }

    /// "...a little flask thing. Want to rewrite it in rust": a move of "it" or "the whole
    /// thing" is of the framework named last before it, however far back, unless that one
    /// was offered as a choice ("flask or django?").
    pub(super) fn moved_thing(&self, marker: usize) -> Option<usize> {
        let (cues, tokens) = (self.cues, self.tokens);
        let cue = &cues[marker];
        let of_a_thing = tokens[cue.first..=cue.last].iter().any(|t| {
            matches!(
                t.lower.as_str(),
                "it" | "thing" | "everything" | "app" | "this" | "that"
            )
        });
        let offered = |i: usize| {
            let sentence = tokens[cues[i].first].sentence;
            tokens
                .iter()
                .any(|t| t.sentence == sentence && matches!(t.lower.as_str(), "or" | "vs"))
        };
        let framework = |i: usize| {
            cues[i]
                .meanings
                .iter()
                .any(|m| matches!(m, Meaning::Framework(..)))
        };
        (0..marker)
            .rev()
            .find(|i| framework(*i))
            .filter(|i| of_a_thing && !offered(*i))
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
            .find(|i| {
                cues[*i]
                    .meanings
                    .iter()
                    .any(|m| matches!(m, Meaning::Framework(..)))
            })
            .filter(|_| !offered)
    }

    /// "from flask to fastapi": the framework at `index` stands between "from" and "to", and
    /// another framework or language follows; what a move starts from is left.
    pub(super) fn moved_from(&self, index: usize) -> bool {
        let (cue, tokens) = (&self.cues[index], self.tokens);
        let framework = |c: &Cue| {
            c.meanings
                .iter()
                .any(|m| matches!(m, Meaning::Framework(..)))
        };
        let from = cue
            .first
            .checked_sub(1)
            .is_some_and(|i| tokens[i].lower == "from");
        let to = tokens.get(cue.last + 1).is_some_and(|t| t.lower == "to");
        let onward = self
            .cues
            .get(index + 1)
            .is_some_and(|next| self.named[index + 1] && next.first == cue.last + 2);
        framework(cue) && from && to && onward
    }
}
