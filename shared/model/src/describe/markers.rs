//! The first pass over the cues: each marker (negation, stress, comparison, leaving,
//! elsewhere) finds the signals it points at, and leaves its mark on them.

use super::lexicon::{Meaning, Stress, Toward};
use super::reader::{Cue, Reading, Token, ends_asking};
use crate::vocab::Language;

mod comparisons;
mod moves;
mod verdicts;

/// How far (in words) a marker reaches for the signal it qualifies.
const NEGATION_REACH: usize = 6;
const STRESS_REACH: usize = 4;
/// How close the signal before an either-way marker must be to take it.
const EITHER_BEHIND_REACH: usize = 3;
/// How far a leaving or other-part marker reaches for the language or framework it is about.
const LEAVING_REACH: usize = 4;
/// Prepositions that end a departure pointing at what follows ("a replacement for",
/// "moving away from", "burned by").
const POINTING_AHEAD: &[&str] = &["for", "of", "from", "with", "by", "to"];
const PLACE_LEFT_REACH: usize = 2;
const ELSEWHERE_AHEAD_REACH: usize = 4;
const ELSEWHERE_BEHIND_REACH: usize = 3;
/// How far a comparison or a word of what exists ("our current", "today") reaches ahead.
const REFERENCE_AHEAD_REACH: usize = 4;
/// Words between a framework and a language that make the language the one it is written
/// in ("Spring Boot with Kotlin").
const WRITTEN_IN: &[&str] = &["with", "in", "using", "on"];
/// The longest question a "no thanks" opening the next sentence answers ("Java?").
const ANSWERED_QUESTION_WORDS: usize = 3;
/// How far ahead "I know", "used" reach for the language or framework known.
const KNOWN_REACH: usize = 3;
/// How far after "switching to" the framework or language moved to may stand.
const MOVED_TO_REACH: usize = 2;
/// Words that say the writer has what follows ("our Express app").
const OWNING: &[&str] = &["our", "my"];
/// Words that open a sentence only when it asks ("is X overkill…", "would X be too heavy…").
const QUESTION_OPENINGS: &[&str] = &[
    "is", "are", "would", "should", "could", "can", "does", "will", "isn't", "wouldn't",
];
/// Words that stand for something named before, and how far back (in words) it may be.
const PRONOUNS: &[&str] = &["it", "them", "that", "this"];
const REFERENT_REACH: usize = 20;
/// Words that join a list of signals, so that a marker covers the whole list ("not java or
/// kotlin", "must be fast and secure").
const CONNECTORS: &[&str] = &[
    "and", "or", "nor", "a", "an", "the", "either", "neither", "even", "both",
];

/// What the markers did to one cue.
#[derive(Debug, Clone, Default)]
pub(super) struct Marks {
    /// Negated, by this marker; `true` when a negated language is ruled out.
    pub negated: Option<(usize, bool)>,
    /// The strongest stress a marker gave it, and by which marker.
    pub stress: Option<(Stress, usize)>,
    /// Named only for comparison.
    pub reference: bool,
    /// Being left, by this marker; `true` when a language left is ruled out.
    pub leaving: Option<(usize, bool)>,
    /// Named for another part of the system (the frontend, a mobile app).
    pub elsewhere: bool,
    /// A framework named with the language it is written in ("Spring Boot with Kotlin").
    pub written_in_other: bool,
    /// Named as what the writer knows or has used ("I know Java", "a Java dev").
    pub known: bool,
}

impl Marks {
    /// Cue `index` and the markers that marked it, whose words go with its reading
    /// ("not php").
    pub(super) fn with_markers(&self, index: usize) -> Vec<usize> {
        let mut cues = vec![index];
        if let Some((marker, _)) = self.negated {
            cues.push(marker);
        }
        if let Some((_, marker)) = self.stress {
            cues.push(marker);
        }
        if let Some((marker, _)) = self.leaving {
            cues.push(marker);
        }
        cues.sort_unstable();
        cues.dedup();
        cues
    }
}

/// Says something about the project: what negation and the other markers point at.
pub(super) fn is_signal(meaning: &Meaning) -> bool {
    matches!(
        meaning,
        Meaning::Languages(_)
            | Meaning::Framework(..)
            | Meaning::Project(..)
            | Meaning::Priority(_)
            | Meaning::Pain(_)
            | Meaning::Needs(_)
            | Meaning::RunsOn(_)
            | Meaning::ServerChores
            | Meaning::Speed
            | Meaning::Footprint
    )
}

/// Says what matters, which stress can strengthen or weaken.
pub(super) fn is_stressable(meaning: &Meaning) -> bool {
    matches!(
        meaning,
        Meaning::Priority(_)
            | Meaning::Pain(_)
            | Meaning::Needs(_)
            | Meaning::Speed
            | Meaning::Footprint
    )
}

/// The marks of every cue of `reading`, in the cues' order.
pub(super) fn mark(text: &str, reading: &Reading) -> Vec<Marks> {
    let scope = Scope::new(text, reading);
    let mut marks = vec![Marks::default(); reading.cues.len()];
    for (index, cue) in reading.cues.iter().enumerate() {
        for meaning in cue.meanings {
            scope.apply(index, *meaning, &mut marks);
        }
    }
    for (index, marks) in marks.iter_mut().enumerate() {
        if scope.named[index] && scope.compared(index) {
            marks.reference = true;
        }
        if scope.moved_from(index) {
            marks.leaving.get_or_insert((index, false));
        }
    }
    for onto in 0..reading.cues.len() {
        if let Some(left) = scope.named[onto].then(|| scope.moved_apart(onto)).flatten() {
            marks[left].leaving.get_or_insert((onto, false));
        }
    }
    for (language, framework) in scope.languages_of_left(&marks) {
        marks[language].leaving.get_or_insert((framework, false));
    }
    for language in scope.languages_naming_a_thing_left(&marks) {
        if let Some((marker, _)) = marks[language].leaving {
            marks[language].leaving = Some((marker, false));
        }
    }
    let written_in_other = scope.written_in_other(&marks);
    for (marks, written_in_other) in marks.iter_mut().zip(written_in_other) {
        marks.written_in_other = written_in_other;
    }
    marks
}

/// The cues of one reading, sorted by what a marker may point at, and where it may reach.
struct Scope<'a> {
    text: &'a str,
    tokens: &'a [Token],
    cues: &'a [Cue],
    signals: Vec<bool>,
    stressable: Vec<bool>,
    /// Cues that name a framework or a language.
    named: Vec<bool>,
    /// What goes with a framework being left ("a Django + Celery setup") is left with it.
    left_with: Vec<bool>,
    /// Words a comparison cue covers ("pydantic style validation") join like connectors.
    comparison: Vec<bool>,
}

impl<'a> Scope<'a> {
    fn new(text: &'a str, reading: &'a Reading) -> Self {
        let cues = &reading.cues;
        let signals: Vec<bool> = cues
            .iter()
            .map(|cue| cue.meanings.iter().any(is_signal))
            .collect();
        let stressable: Vec<bool> = cues
            .iter()
            .map(|cue| cue.meanings.iter().any(is_stressable))
            .collect();
        let named: Vec<bool> = cues
            .iter()
            .map(|cue| cue.names_framework() || cue.names_language())
            .collect();
        let left_with: Vec<bool> = cues
            .iter()
            .zip(&named)
            .map(|(cue, named)| {
                *named || cue.meanings.iter().any(|m| matches!(m, Meaning::Needs(_)))
            })
            .collect();
        let mut comparison = vec![false; reading.tokens.len()];
        for cue in cues {
            if cue
                .meanings
                .iter()
                .all(|m| matches!(m, Meaning::Reference { .. }))
            {
                comparison[cue.first..=cue.last].fill(true);
            }
        }
        Scope {
            text,
            tokens: &reading.tokens,
            cues,
            signals,
            stressable,
            named,
            left_with,
            comparison,
        }
    }

    /// Leaves the marks of the marker `meaning` of cue `index` on the signals it points at.
    fn apply(&self, index: usize, meaning: Meaning, marks: &mut [Marks]) {
        match meaning {
            // "is Django overkill for a blog?", "flask too heavy for lambda?": a verdict asked
            // about weighs the framework, it does not rule it out; one told before the
            // question ("Spring is overkill for us, what else?") does.
            Meaning::Negation {
                toward: Toward::Behind,
                ..
            } if self.asks_in_its_clause(self.cues[index].first) => {}
            // "a no-frills go router": a "no" made one word with the next praises.
            Meaning::Negation { .. } if self.joined_into_a_word(index) => {}
            // "laravel has to go." refuses; "the api has to go fast" does not.
            Meaning::Negation { .. } if self.goes_somewhere(index) => {}
            Meaning::Negation { toward, excludes } => {
                for member in self.negated(index, toward).into_iter().flatten() {
                    // "our php codebase is unmaintainable": a verdict on the thing, which
                    // leaves the language as context rather than ruling it out.
                    let on_a_thing = toward == Toward::Behind && self.names_a_thing(member);
                    marks[member]
                        .negated
                        .get_or_insert((index, excludes && !on_a_thing));
                }
            }
            Meaning::Stressed { level, toward } => {
                for member in self.stressed(index, toward).into_iter().flatten() {
                    let slot = &mut marks[member].stress;
                    if slot.is_none_or(|(current, _)| level > current) {
                        *slot = Some((level, index));
                    }
                }
            }
            // "so we don't regret it", "never regretted it": a departure denied leaves nothing.
            Meaning::Leaving { .. } if self.denied(index) => {}
            Meaning::Leaving { excludes } => {
                for member in self.left(index).into_iter().flatten() {
                    marks[member].leaving.get_or_insert((index, excludes));
                }
            }
            // "X ok, or is there something lighter?" weighs X, as the verdict asked about
            // does; "X is way too much config. something lighter?" has judged it already.
            Meaning::Lighter => {
                let weighed = |member: usize| self.asks(self.cues[member].first);
                if let Some(member) = self.heavier(index).filter(|m| !weighed(*m)) {
                    marks[member].leaving.get_or_insert((index, false));
                }
            }
            Meaning::MovingTo => {
                let to_another = self
                    .ahead_of(index, MOVED_TO_REACH, &self.named, true)
                    .is_some();
                let left = self
                    .owned_before(index)
                    .or_else(|| {
                        to_another
                            .then(|| self.named_before_in_sentence(index))
                            .flatten()
                    })
                    .or_else(|| self.moved_thing(index));
                if let Some(member) = left {
                    marks[member].leaving.get_or_insert((index, false));
                }
            }
            Meaning::Known { toward } => {
                let target = match toward {
                    Toward::Behind => self
                        .behind_of(index, 1, &self.named)
                        .map(|s| self.run(s, false, &self.named, false)),
                    _ => self
                        .ahead_of(index, KNOWN_REACH, &self.named, true)
                        .map(|s| self.run(s, true, &self.named, false)),
                };
                for member in target.into_iter().flatten() {
                    marks[member].known = true;
                }
                // "a data science background", "years of ecommerce sites": the kind of project
                // the writer comes from is context too.
                let projects: Vec<bool> = self
                    .cues
                    .iter()
                    .map(|c| c.meanings.iter().any(|m| matches!(m, Meaning::Project(..))))
                    .collect();
                let project = match toward {
                    Toward::Behind => self.behind_of(index, 1, &projects),
                    _ => self.ahead_of(index, KNOWN_REACH, &projects, true),
                };
                if let Some(member) = project {
                    marks[member].known = true;
                }
            }
            Meaning::Elsewhere => {
                for member in self.elsewhere(index).into_iter().flatten() {
                    marks[member].elsewhere = true;
                }
            }
            Meaning::Reference { toward } => {
                let target = match toward {
                    Toward::Behind => self.behind_of(index, 1, &self.named),
                    _ => self.ahead_of(index, REFERENCE_AHEAD_REACH, &self.named, true),
                };
                if let Some(target) = target {
                    if self.not_again(index, target) {
                        marks[target].negated.get_or_insert((index, true));
                    } else {
                        marks[target].reference = true;
                    }
                }
            }
            _ => {}
        }
    }

    /// What the negation at `marker` negates.
    fn negated(&self, marker: usize, toward: Toward) -> Option<Vec<usize>> {
        let signals = &self.signals;
        match toward {
            // "X not needed", and with nothing before it "don't need X".
            Toward::Behind => self
                .behind_of(marker, NEGATION_REACH, signals)
                .filter(|s| !self.bracketed_apart(*s, marker))
                .or_else(|| self.answered(marker))
                .map(|s| self.run(s, false, signals, false))
                .or_else(|| self.referent(marker).map(|s| vec![s]))
                .or_else(|| {
                    (self.tokens[self.cues[marker].first].key == "not")
                        .then(|| self.ahead_of(marker, NEGATION_REACH, signals, true))
                        .flatten()
                        .map(|s| self.run(s, true, signals, false))
                }),
            Toward::Ahead => self
                .ahead_of(marker, NEGATION_REACH, signals, true)
                .map(|s| self.run(s, true, signals, false))
                .or_else(|| self.referent(marker).map(|s| vec![s])),
            // "hated the annotation soup" after "tried spring": a verdict with nothing ahead
            // is on what was named just before, across the comma.
            Toward::Either => self
                .negated(marker, Toward::Ahead)
                .or_else(|| self.named_just_before(marker).map(|s| vec![s]))
                .or_else(|| self.answered(marker).map(|s| vec![s])),
        }
    }

    /// The framework or language named at most a few words before `marker`, in its sentence.
    fn named_just_before(&self, marker: usize) -> Option<usize> {
        (0..marker).rev().find(|i| {
            let (m, s) = (&self.cues[marker], &self.cues[*i]);
            self.named[*i] && m.first - s.last <= EITHER_BEHIND_REACH && self.same_sentence(m, s)
        })
    }

    /// What "lighter" at `marker` is lighter than: the framework after "than", else the
    /// framework named last before it, in its sentence or the one before ("symfony is too
    /// much config. something lighter?"). A language is never it: "not leaving Ruby, but
    /// something lighter" keeps Ruby.
    fn heavier(&self, marker: usize) -> Option<usize> {
        let (cues, tokens) = (self.cues, self.tokens);
        let framework = |i: usize| cues[i].names_framework();
        let than = tokens[cues[marker].first..=cues[marker].last]
            .last()
            .is_some_and(|t| t.lower == "than");
        if than {
            return cues
                .get(marker + 1)
                .filter(|next| next.first - cues[marker].last <= 2)
                .map(|_| marker + 1)
                .filter(|i| framework(*i));
        }
        let sentence = tokens[cues[marker].first].sentence;
        (0..marker)
            .rev()
            .find(|i| framework(*i) && tokens[cues[*i].first].sentence + 1 >= sentence)
    }

    /// What the stress at `marker` stresses. A list stressed from behind stops at a comma:
    /// in "websockets and auth, and openapi docs would be nice" only the docs are nice to
    /// have.
    fn stressed(&self, marker: usize, toward: Toward) -> Option<Vec<usize>> {
        let stressable = &self.stressable;
        let behind = |reach| {
            self.behind_of(marker, reach, stressable)
                .map(|s| self.run(s, false, stressable, false))
        };
        let ahead = || {
            self.ahead_of(marker, STRESS_REACH, stressable, false)
                .map(|s| self.run(s, true, stressable, true))
        };
        match toward {
            Toward::Ahead => ahead(),
            Toward::Behind => behind(STRESS_REACH),
            Toward::Either => behind(EITHER_BEHIND_REACH).or_else(ahead),
        }
    }

    /// What the leaving at `marker` leaves. "Leaving Lambda + python for containers": what
    /// is left is the place named right after.
    fn left(&self, marker: usize) -> Option<Vec<usize>> {
        let place = self
            .ahead_of(marker, PLACE_LEFT_REACH, &self.signals, true)
            .filter(|s| {
                self.cues[*s]
                    .meanings
                    .iter()
                    .any(|m| matches!(m, Meaning::RunsOn(_)))
            });
        place
            .map(|s| vec![s])
            .or_else(|| {
                self.ahead_of(marker, LEAVING_REACH, &self.named, true)
                    .map(|s| self.run(s, true, &self.left_with, false))
            })
            .or_else(|| self.referent(marker).map(|s| vec![s]))
            // "a spring boot monstrosity we're retiring"; but a departure that ends in its
            // preposition ("a replacement for", "frustrated with") points ahead only: "the
            // scala replacement for our api" leaves no Scala.
            .or_else(|| {
                self.behind_of(marker, LEAVING_REACH, &self.named)
                    .filter(|_| !self.points_ahead(marker))
                    .map(|s| vec![s])
            })
    }

    /// The marker at `index` ends in a preposition, so what it is about follows it.
    fn points_ahead(&self, index: usize) -> bool {
        let last = self.tokens[self.cues[index].last].lower.as_str();
        POINTING_AHEAD.contains(&last)
    }

    /// What the other part at `marker` ("the frontend") is written in. "an API for our React
    /// frontend": a project cue between them says the language is the backend's.
    fn elsewhere(&self, marker: usize) -> Option<Vec<usize>> {
        let apart = |a: usize, b: usize| {
            (a.min(b) + 1..a.max(b)).any(|i| {
                self.cues[i]
                    .meanings
                    .iter()
                    .any(|m| matches!(m, Meaning::Project(..)))
            })
        };
        self.ahead_of(marker, ELSEWHERE_AHEAD_REACH, &self.named, true)
            .filter(|s| !apart(marker, *s))
            .map(|s| self.run(s, true, &self.named, false))
            .or_else(|| {
                self.behind_of(marker, ELSEWHERE_BEHIND_REACH, &self.named)
                    .filter(|s| !apart(marker, *s))
                    .map(|s| self.run(s, false, &self.named, false))
            })
    }

    /// Frameworks written in another language than their usual one. A framework "with
    /// Kotlin" is written in Kotlin; so is a Java framework of a text that wants Kotlin
    /// ("kotlin backend, ktor or spring boot?"): the JVM's frameworks take either language.
    fn written_in_other(&self, marks: &[Marks]) -> Vec<bool> {
        let (cues, tokens) = (self.cues, self.tokens);
        let wants_kotlin = cues.iter().zip(marks).any(|(cue, marks)| {
            cue.meanings
                .contains(&Meaning::Languages(&[Language::Kotlin]))
                && marks.negated.is_none()
                && marks.leaving.is_none()
                && !marks.elsewhere
        });
        cues.iter()
            .enumerate()
            .map(|(index, cue)| {
                let java_framework = cue
                    .meanings
                    .iter()
                    .any(|m| matches!(m, Meaning::Framework(_, Language::Java)));
                let next = cues.get(index + 1).filter(|n| {
                    n.first == cue.last + 2
                        && WRITTEN_IN.contains(&tokens[cue.last + 1].lower.as_str())
                        && n.names_language()
                });
                cue.names_framework() && next.is_some() || java_framework && wants_kotlin
            })
            .collect()
    }

    fn same_clause(&self, a: &Cue, b: &Cue) -> bool {
        self.tokens[a.first].clause == self.tokens[b.first].clause
    }

    fn same_sentence(&self, a: &Cue, b: &Cue) -> bool {
        self.tokens[a.first].sentence == self.tokens[b.first].sentence
    }

    /// Nothing but connectors (or words of a comparison) between two cues of a sentence.
    fn joined(&self, left: &Cue, right: &Cue, across_commas: bool) -> bool {
        (across_commas || self.same_clause(left, right))
            && self.same_sentence(left, right)
            && (left.last + 1..right.first)
                .all(|i| self.comparison[i] || CONNECTORS.contains(&self.tokens[i].lower.as_str()))
    }

    /// The run of signals (of the wanted sort) joined to the one at `start`, walking one way.
    fn run(&self, start: usize, ahead: bool, wanted: &[bool], across_commas: bool) -> Vec<usize> {
        let mut members = vec![start];
        let mut current = start;
        loop {
            let next = if ahead {
                (current + 1..self.cues.len()).find(|i| self.signals[*i])
            } else {
                (0..current).rev().find(|i| self.signals[*i])
            };
            let Some(next) = next.filter(|i| wanted[*i]) else {
                break;
            };
            let (left, right) = if ahead {
                (&self.cues[current], &self.cues[next])
            } else {
                (&self.cues[next], &self.cues[current])
            };
            if !self.joined(left, right, across_commas) {
                break;
            }
            members.push(next);
            current = next;
        }
        members
    }

    /// The first wanted cue after `marker` within `reach` words, in its sentence (and its
    /// clause, `within_clause`).
    fn ahead_of(
        &self,
        marker: usize,
        reach: usize,
        wanted: &[bool],
        within_clause: bool,
    ) -> Option<usize> {
        (marker + 1..self.cues.len())
            .filter(|i| wanted[*i])
            .find(|i| {
                let (m, s) = (&self.cues[marker], &self.cues[*i]);
                s.first - m.last <= reach
                    && self.same_sentence(m, s)
                    && (!within_clause || self.same_clause(m, s))
            })
    }

    /// The last wanted cue before `marker` within `reach` words, in its clause.
    fn behind_of(&self, marker: usize, reach: usize, wanted: &[bool]) -> Option<usize> {
        (0..marker).rev().filter(|i| wanted[*i]).find(|i| {
            let (m, s) = (&self.cues[marker], &self.cues[*i]);
            m.first - s.last <= reach && self.same_clause(m, s)
        })
    }

    /// "the JVM (too much shared code)": what a bracket opens on qualifies what it follows;
    /// a marker inside does not reach back out of it.
    fn bracketed_apart(&self, signal: usize, marker: usize) -> bool {
        let from = self.tokens[self.cues[signal].last].span.end;
        self.text[from..self.tokens[self.cues[marker].first].span.start].contains('(')
    }

    /// "Java? no thanks.": a marker opening its sentence answers a question of a few words
    /// just before it, about the signal it named.
    fn answered(&self, marker: usize) -> Option<usize> {
        let tokens = self.tokens;
        let first = self.cues[marker].first;
        let sentence = tokens[first].sentence;
        let opens = first == 0 || tokens[first - 1].sentence != sentence;
        let asked = tokens.iter().filter(|t| t.sentence + 1 == sentence).count();
        (opens && (1..=ANSWERED_QUESTION_WORDS).contains(&asked))
            .then(|| {
                (0..marker).rev().find(|i| {
                    self.signals[*i] && tokens[self.cues[*i].first].sentence + 1 == sentence
                })
            })
            .flatten()
    }

    /// A sentence ending in a question mark asks ("anyone regret it?"); it does not tell. So
    /// does one opening as a question does ("is django overkill for 3 endpoints lol"): people
    /// leave the mark off.
    fn asks(&self, token: usize) -> bool {
        let tokens = self.tokens;
        let sentence = tokens[token].sentence;
        let opening = (0..=token)
            .rev()
            .take_while(|i| tokens[*i].sentence == sentence)
            .last()
            .unwrap_or(token);
        QUESTION_OPENINGS.contains(&tokens[opening].lower.as_str())
            || ends_asking(self.text, tokens, token)
    }

    /// The token stands in the last clause of a question: "is X overkill?" asks about X,
    /// "X is overkill for us, what else?" tells, then asks something else.
    fn asks_in_its_clause(&self, token: usize) -> bool {
        let tokens = self.tokens;
        let (sentence, clause) = (tokens[token].sentence, tokens[token].clause);
        self.asks(token)
            && tokens[token..]
                .iter()
                .take_while(|t| t.sentence == sentence)
                .all(|t| t.clause == clause)
    }

    /// "I'm done with it", "sick of them": a marker right before a pronoun is about the
    /// framework (else the language) named last before it.
    fn referent(&self, marker: usize) -> Option<usize> {
        let (cues, tokens) = (self.cues, self.tokens);
        let after = cues[marker].last + 1;
        let first = cues[marker].first;
        // "we're dropping it", and "it's being replaced" ("that" before is "which").
        // "not regret it": another cue between the marker and the pronoun has it.
        let cue_between = |at: usize| self.cues.iter().any(|c| (after..at).contains(&c.first));
        // "anyone regret it?" asks; "that's a bad idea for us, python or go?" tells first.
        let pronoun = !self.asks_in_its_clause(first)
            && (PRONOUNS.contains(&tokens[first].lower.as_str())
                || (after..tokens.len().min(after + 2))
                    .any(|i| PRONOUNS.contains(&tokens[i].lower.as_str()) && !cue_between(i))
                || tokens[first.saturating_sub(2)..first]
                    .iter()
                    .any(|t| t.lower == "it"));
        let start = cues[marker].first.saturating_sub(REFERENT_REACH);
        // What is left or ruled out is a framework more often than a language ("Express
        // for our node api, we outgrew it").
        let framework = |i: &usize| cues[*i].names_framework();
        let candidates = || {
            (0..marker)
                .rev()
                .filter(|i| self.named[*i] && cues[*i].first >= start)
        };
        pronoun
            .then(|| candidates().find(framework).or_else(|| candidates().next()))
            .flatten()
    }
}
