//! Whether the post is on topic at all, as the fields read it: a question of how to do or fix
//! something is refused ([`shape`]); so is one with no sign that advice is wanted (a choice
//! asked, a framework weighed, a project to build, or a project told without a question).

use super::super::lexicon::Meaning;
use super::super::reader::ends_asking;
use super::super::shape;
use super::super::wording::{ASKED_FOR, FIT_VERDICTS, TRADES};
use super::Collector;
use crate::echo::echo;

/// How many of its opening words a post refused for want of any sign of advice asked echoes,
/// and what it says when those words echo as nothing.
const OPENING_WORDS: usize = 6;
const NO_ADVICE_ASKED: &str = "no project or choice asked about";
/// How many words besides a name a question may hold and still ask only about the name.
const NAME_QUESTION_WORDS: usize = 1;
/// Words that ask of a name told in the sentence before ("anyone running it in prod?").
const PRONOUNS: &[&str] = &["it", "them", "this", "that"];
/// Words before a name that make it the topic of another thing ("a book on django").
const TOPIC_OF: &[&str] = &["on", "about", "for", "with"];

impl Collector<'_> {
    /// Off topic: a question of how to do or fix something that asks for no choice
    /// ([`shape`]); or what no backend has, and no more said about a backend than that (no
    /// kind of project, no feature), or more of it than anything about a backend.
    /// The word "backend" on its own says the text is about one, and "language" or
    /// "framework" that a choice is asked; not in a cue ("the backend is already done") nor
    /// as a trade ("a backend dev").
    pub(super) fn off_topic_words(&self) -> Vec<String> {
        let cues = &self.reading.cues;
        let tokens = &self.reading.tokens;
        if !self.names_alternatives()
            && let Some(asked) = shape::asks_how_to_without_choosing(tokens, self.names_a_project())
            && let (Some(first), Some(last)) = (asked.first(), asked.last())
        {
            return vec![echo(
                &self.text[tokens[*first].span.start..tokens[*last].span.end],
            )];
        }
        if self.asks_for_a_language_or_framework() {
            return Vec::new();
        }
        if self.asks_only_for_a_front_end() {
            return self.words(&self.off_topic);
        }
        let on_topic = self.on_topic
            + (0..tokens.len())
                .filter(|i| {
                    tokens[*i].lower == "backend"
                        && !cues.iter().any(|c| (c.first..=c.last).contains(i))
                        && !tokens
                            .get(i + 1)
                            .is_some_and(|t| TRADES.contains(&t.lower.as_str()))
                })
                .count();
        if !self.off_topic.is_empty()
            && ((self.use_cases.values().all(|(weight, _, _)| *weight < 2)
                && self.features.is_empty()
                && self.off_topic.len() >= on_topic)
                || self.off_topic.len() > on_topic)
        {
            self.words(&self.off_topic)
        } else if (self.reads_something() || self.shows_a_project())
            && !self.names_alternatives()
            && !self.weighs_a_named_fit()
            && !self.weighs_places_for_a_stack()
            && !shape::wants_advice(
                self.text,
                tokens,
                self.shows_a_project(),
                self.names_a_stack(),
                self.reads_something(),
                &|i| self.stack_named_at(i),
            )
        {
            // No cue shows it off topic, so the opening words say what the post is about.
            let opening = tokens
                .first()
                .zip(tokens.get(tokens.len().min(OPENING_WORDS).saturating_sub(1)));
            let words = opening
                .map(|(first, last)| echo(&self.text[first.span.start..last.span.end]))
                .filter(|words| !words.is_empty());
            vec![words.unwrap_or_else(|| NO_ADVICE_ASKED.to_owned())]
        } else {
            Vec::new()
        }
    }

    /// A cue that names something a backend is made of (a language, a framework, a kind of
    /// project, a feature, where it runs) covers the token at `i`.
    fn stack_named_at(&self, i: usize) -> bool {
        self.reading.cues.iter().any(|cue| {
            (cue.first..=cue.last).contains(&i)
                && cue.meanings.iter().any(|m| {
                    matches!(
                        m,
                        Meaning::Languages(_)
                            | Meaning::Framework(..)
                            | Meaning::Project(..)
                            | Meaning::Needs(_)
                            | Meaning::RunsOn(_)
                    )
                })
        })
    }

    /// "lambda or containers for our api?": two places to run weighed for something a backend
    /// is made of ("ECS or EKS?" alone weighs tools, not a stack).
    fn weighs_places_for_a_stack(&self) -> bool {
        self.deployments.len() >= 2 && self.names_a_stack()
    }

    /// Anything read at all: a kind of project, a language, a framework, a feature, where it
    /// runs.
    fn reads_something(&self) -> bool {
        self.names_a_stack() || !self.deployments.is_empty()
    }

    /// Something a backend is made of, not only where it runs: a kind of project, a language
    /// or a framework chosen or ruled out, a feature, or the words "language", "framework", "stack" or
    /// "backend".
    fn names_a_stack(&self) -> bool {
        let asked = self.reading.tokens.iter().any(|t| {
            ASKED_FOR.contains(&t.lower.as_str()) || matches!(t.lower.as_str(), "stack" | "backend")
        });
        asked
            || !self.excluded.is_empty()
            || !self.excluded_frameworks.is_empty()
            || !self.use_cases.is_empty()
            || !self.languages.is_empty()
            || !self.preferred_frameworks.is_empty()
            || !self.features.is_empty()
    }

    /// A question weighing a framework or a language named in it: for the kind of project the
    /// post names ("a chatbot that streams, fastapi or node?"), what it is for ("django
    /// for a 3-page site?"), a verdict on it ("cakephp in 2024, is it dead?", "nestjs
    /// overkill?"), or what it would be ("what's the laravel of python?").
    fn weighs_a_named_fit(&self) -> bool {
        let tokens = &self.reading.tokens;
        let asked = |sentence: usize| {
            tokens
                .iter()
                .position(|t| t.sentence == sentence)
                .is_some_and(|first| ends_asking(self.text, tokens, first))
        };
        let troubled = shape::tells_of_trouble(tokens) || self.tells_of_pain();
        self.reading.cues.iter().any(|cue| {
            let named = cue.names_framework() || cue.names_language();
            let sentence = tokens[cue.first].sentence;
            let in_sentence = |j: &usize| tokens[*j].sentence == sentence;
            // The kind of project of a post telling of trouble or pain is what the writer has.
            let for_a_project = !self.use_cases.is_empty() && !troubled;
            // "a book on django", "podcasts about rust": the name is the topic of another
            // thing.
            let a_topic = cue
                .first
                .checked_sub(1)
                .is_some_and(|i| TOPIC_OF.contains(&tokens[i].lower.as_str()));
            // "Quarkus experiences?", "NestJS, yes or no?": the name and a word at most,
            // asked, ask what others make of it.
            let only_the_name = (0..tokens.len())
                .filter(in_sentence)
                .filter(|j| tokens[*j].content && !(cue.first..=cue.last).contains(j))
                .count()
                <= NAME_QUESTION_WORDS;
            let weighed_in = |sentence: usize, after: usize| {
                (0..tokens.len())
                    .filter(|j| tokens[*j].sentence == sentence)
                    .any(|j| {
                        (j > after && tokens[j].lower == "for")
                            || FIT_VERDICTS.contains(&tokens[j].lower.as_str())
                            || (j < cue.first
                                && matches!(tokens[j].lower.as_str(), "what" | "which"))
                    })
            };
            // "Fiber looks fast. anyone running it in prod for a high throughput API?": the
            // question right after the name asks of it by a pronoun.
            let next = sentence + 1;
            let asked_of_it = asked(next)
                && (0..tokens.len())
                    .filter(|j| tokens[*j].sentence == next)
                    .any(|j| PRONOUNS.contains(&tokens[j].lower.as_str()))
                && (for_a_project || weighed_in(next, cue.last));
            named
                && !a_topic
                && ((asked(sentence)
                    && (for_a_project || only_the_name || weighed_in(sentence, cue.last)))
                    || asked_of_it)
        })
    }

    /// The cue at `cue` only tells of a pain of what the writer has ("slow", "boilerplate").
    fn is_a_pain(&self, cue: usize) -> bool {
        self.reading.cues[cue]
            .meanings
            .iter()
            .all(|m| matches!(m, Meaning::Pain(_)))
    }

    /// A quality read only from a pain of what the writer has.
    fn tells_of_pain(&self) -> bool {
        self.priorities
            .iter()
            .flat_map(|p| &p.cues)
            .any(|cue| self.is_a_pain(*cue))
    }

    /// What the fields read of a project: a quality it needs (not only a pain of what the
    /// writer has), a ruling out.
    fn shows_a_project(&self) -> bool {
        // A pain ("the admin is slow") tells of what the writer has; a fix may be all it asks.
        self.priorities
            .iter()
            .any(|p| p.cues.iter().any(|cue| !self.is_a_pain(*cue)))
            || !self.excluded.is_empty()
            || !self.excluded_frameworks.is_empty()
    }

    /// "which language should I use for my first api?": a question asking for a language or
    /// a framework (the word not read in a cue, as "a css framework" is) asks for a choice,
    /// whatever else the writer says they do.
    fn asks_for_a_language_or_framework(&self) -> bool {
        let tokens = &self.reading.tokens;
        let in_a_cue = |i: usize| {
            self.reading
                .cues
                .iter()
                .any(|c| (c.first..=c.last).contains(&i))
        };
        (0..tokens.len())
            .filter(|i| ASKED_FOR.contains(&tokens[*i].lower.as_str()) && !in_a_cue(*i))
            .any(|i| {
                let sentence = tokens[i].sentence;
                let opening = tokens
                    .iter()
                    .find(|t| t.sentence == sentence)
                    .map(|t| t.lower.as_str());
                ends_asking(self.text, tokens, i) || matches!(opening, Some("what" | "which"))
            })
    }

    /// "svelte or vue for the dashboard? our api is already in go": a choice between front
    /// ends (an off-topic pair joined by "or") with the backend said to be settled, and no
    /// backend framework weighed outside that saying (docs/labelling.md: front-end questions
    /// are off topic).
    fn asks_only_for_a_front_end(&self) -> bool {
        let tokens = &self.reading.tokens;
        let cue_words = |i: &usize| {
            let cue = &self.reading.cues[*i];
            tokens[cue.first..=cue.last]
                .iter()
                .map(|t| t.lower.as_str())
                .collect::<Vec<_>>()
        };
        let front_pair = self.off_topic.iter().any(|i| cue_words(i).contains(&"or"));
        let settled = self.off_topic.iter().find(|i| {
            let words = cue_words(i);
            words.iter().any(|w| matches!(*w, "backend" | "api"))
                && words.iter().any(|w| matches!(*w, "already" | "done"))
        });
        // What the settled backend is written in ("done in django") is no choice.
        let clause_of = |cue: usize| tokens[self.reading.cues[cue].first].clause;
        let weighed_elsewhere = |settled: usize| {
            self.preferred_frameworks
                .iter()
                .flat_map(|e| &e.cues)
                .any(|cue| clause_of(*cue) != clause_of(settled))
        };
        front_pair && settled.is_some_and(|s| !weighed_elsewhere(*s))
    }

    /// A kind of project said outright, or a feature it needs.
    fn names_a_project(&self) -> bool {
        self.use_cases.values().any(|(weight, _, _)| *weight >= 2) || !self.features.is_empty()
    }

    /// Two frameworks, or two languages named apart, are alternatives however the post is
    /// worded ("why is everyone recommending fastapi over flask?"); a framework and its
    /// language are one ("my django app").
    fn names_alternatives(&self) -> bool {
        let cues = &self.reading.cues;
        let mut language_cues: Vec<usize> = self
            .languages
            .iter()
            .flat_map(|e| &e.cues)
            .copied()
            .filter(|i| cues[*i].names_language())
            .collect();
        language_cues.sort_unstable();
        language_cues.dedup();
        self.preferred_frameworks.len() >= 2 || language_cues.len() >= 2
    }
}
