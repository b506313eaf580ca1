//! Cue matches → profile fields. Markers (negation, stress, comparison) are applied to the
//! signals they point at; then each field is decided from the signals left, and every
//! decision keeps the words that made it.

use std::collections::BTreeMap;

use super::lexicon::{FILLER, Meaning, Stress, Toward};
use super::reader::{Cue, Reading};
use super::{Interpretation, Reading as FieldReading};
use crate::echo::echo;
use crate::lists::distinct;
use crate::vocab::{Deployment, Dimension, Feature, Language, UseCase};

/// How far (in words) a marker reaches for the signal it qualifies.
const NEGATION_REACH: usize = 6;
const STRESS_REACH: usize = 4;
/// How close the signal before an either-way marker must be to take it.
const EITHER_BEHIND_REACH: usize = 3;
/// Words that join a list of signals, so that a marker covers the whole list ("not java or
/// kotlin", "must be fast and secure").
const CONNECTORS: &[&str] = &[
    "and", "or", "nor", "a", "an", "the", "either", "neither", "even", "both",
];

/// What the markers did to one cue.
#[derive(Debug, Clone, Default)]
struct Marks {
    /// Negated, by this marker; `true` when a negated language is ruled out.
    negated: Option<(usize, bool)>,
    /// The strongest stress a marker gave it, and by which marker.
    stress: Option<(Stress, usize)>,
    /// Named only for comparison.
    reference: bool,
}

fn is_signal(meaning: &Meaning) -> bool {
    matches!(
        meaning,
        Meaning::Languages(_)
            | Meaning::Framework(_)
            | Meaning::Project(..)
            | Meaning::Priority(_)
            | Meaning::Pain(_)
            | Meaning::Needs(_)
            | Meaning::RunsOn(_)
            | Meaning::ServerChores
            | Meaning::Speed
    )
}

fn is_stressable(meaning: &Meaning) -> bool {
    matches!(
        meaning,
        Meaning::Priority(_) | Meaning::Pain(_) | Meaning::Needs(_) | Meaning::Speed
    )
}

pub(super) fn resolve(text: &str, reading: &Reading) -> Interpretation {
    let cues = &reading.cues;
    let tokens = &reading.tokens;
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
        .map(|cue| {
            cue.meanings
                .iter()
                .any(|m| matches!(m, Meaning::Framework(_) | Meaning::Languages(_)))
        })
        .collect();
    let mut marks = vec![Marks::default(); cues.len()];

    let same_clause = |a: &Cue, b: &Cue| tokens[a.first].clause == tokens[b.first].clause;
    let same_sentence = |a: &Cue, b: &Cue| tokens[a.first].sentence == tokens[b.first].sentence;
    // Words a comparison cue covers ("pydantic style validation") join like connectors.
    let mut comparison = vec![false; tokens.len()];
    for cue in cues {
        if cue
            .meanings
            .iter()
            .all(|m| matches!(m, Meaning::Reference { .. }))
        {
            comparison[cue.first..=cue.last].fill(true);
        }
    }
    let joined = |left: &Cue, right: &Cue, across_commas: bool| {
        (across_commas || same_clause(left, right))
            && same_sentence(left, right)
            && (left.last + 1..right.first)
                .all(|i| comparison[i] || CONNECTORS.contains(&tokens[i].lower.as_str()))
    };
    // The run of signals (of the wanted sort) joined to the one at `start`, walking one way.
    let run = |start: usize, ahead: bool, wanted: &[bool], across_commas: bool| -> Vec<usize> {
        let mut members = vec![start];
        let mut current = start;
        loop {
            let next = if ahead {
                (current + 1..cues.len()).find(|i| signals[*i])
            } else {
                (0..current).rev().find(|i| signals[*i])
            };
            let Some(next) = next.filter(|i| wanted[*i]) else {
                break;
            };
            let (left, right) = if ahead {
                (&cues[current], &cues[next])
            } else {
                (&cues[next], &cues[current])
            };
            if !joined(left, right, across_commas) {
                break;
            }
            members.push(next);
            current = next;
        }
        members
    };
    let ahead_of = |marker: usize, reach: usize, wanted: &[bool], within_clause: bool| {
        (marker + 1..cues.len()).filter(|i| wanted[*i]).find(|i| {
            let (m, s) = (&cues[marker], &cues[*i]);
            s.first - m.last <= reach
                && same_sentence(m, s)
                && (!within_clause || same_clause(m, s))
        })
    };
    let behind_of = |marker: usize, reach: usize, wanted: &[bool]| {
        (0..marker).rev().filter(|i| wanted[*i]).find(|i| {
            let (m, s) = (&cues[marker], &cues[*i]);
            m.first - s.last <= reach && same_clause(m, s)
        })
    };

    for (index, cue) in cues.iter().enumerate() {
        for meaning in cue.meanings {
            match *meaning {
                Meaning::Negation { toward, excludes } => {
                    let target = match toward {
                        Toward::Behind => behind_of(index, NEGATION_REACH, &signals)
                            .map(|s| run(s, false, &signals, false)),
                        _ => ahead_of(index, NEGATION_REACH, &signals, true)
                            .map(|s| run(s, true, &signals, false)),
                    };
                    for member in target.into_iter().flatten() {
                        marks[member].negated.get_or_insert((index, excludes));
                    }
                }
                Meaning::Stressed { level, toward } => {
                    // A list stressed from behind stops at a comma: in "websockets and auth,
                    // and openapi docs would be nice" only the docs are nice to have.
                    let behind = |reach| {
                        behind_of(index, reach, &stressable)
                            .map(|s| run(s, false, &stressable, false))
                    };
                    let ahead = || {
                        ahead_of(index, STRESS_REACH, &stressable, false)
                            .map(|s| run(s, true, &stressable, true))
                    };
                    let target = match toward {
                        Toward::Ahead => ahead(),
                        Toward::Behind => behind(STRESS_REACH),
                        Toward::Either => behind(EITHER_BEHIND_REACH).or_else(ahead),
                    };
                    for member in target.into_iter().flatten() {
                        let slot = &mut marks[member].stress;
                        if slot.is_none_or(|(current, _)| level > current) {
                            *slot = Some((level, index));
                        }
                    }
                }
                Meaning::Reference { toward } => {
                    let target = match toward {
                        Toward::Behind => behind_of(index, 1, &named),
                        _ => ahead_of(index, 3, &named, true),
                    };
                    if let Some(target) = target {
                        marks[target].reference = true;
                    }
                }
                _ => {}
            }
        }
    }

    let mut collector = Collector {
        text,
        reading,
        marks: &marks,
        use_cases: BTreeMap::new(),
        languages: Vec::new(),
        excluded: Vec::new(),
        priorities: Vec::new(),
        features: Vec::new(),
        deployments: Vec::new(),
        ignored: Vec::new(),
    };
    for (index, cue) in cues.iter().enumerate() {
        for meaning in cue.meanings {
            collector.take(index, cue, *meaning);
        }
    }
    collector.finish()
}

/// One value of a field with the cues (and markers) that decided it.
struct Evidence<T> {
    value: T,
    cues: Vec<usize>,
    stress: Stress,
    first: usize,
}

fn add<T: PartialEq>(list: &mut Vec<Evidence<T>>, value: T, cues: &[usize], stress: Stress) {
    match list.iter_mut().find(|e| e.value == value) {
        Some(existing) => {
            existing.cues.extend_from_slice(cues);
            existing.stress = existing.stress.max(stress);
        }
        None => list.push(Evidence {
            value,
            cues: cues.to_vec(),
            stress,
            first: cues.first().copied().unwrap_or_default(),
        }),
    }
}

struct Collector<'a> {
    text: &'a str,
    reading: &'a Reading,
    marks: &'a [Marks],
    /// Use case → (weight, first cue, cues).
    use_cases: BTreeMap<UseCase, (u32, usize, Vec<usize>)>,
    languages: Vec<Evidence<Language>>,
    excluded: Vec<Evidence<Language>>,
    priorities: Vec<Evidence<Dimension>>,
    features: Vec<Evidence<Feature>>,
    deployments: Vec<Evidence<Deployment>>,
    /// Cues understood but not used: a negated framework, a nice-to-have feature.
    ignored: Vec<usize>,
}

impl Collector<'_> {
    fn take(&mut self, index: usize, cue: &Cue, meaning: Meaning) {
        let marks = &self.marks[index];
        let stress = marks.stress.map_or(Stress::Normal, |(level, _)| level);
        let mut with_markers = vec![index];
        if let Some((marker, _)) = marks.negated {
            with_markers.push(marker);
        }
        if let Some((_, marker)) = marks.stress {
            with_markers.push(marker);
        }
        with_markers.sort_unstable();
        with_markers.dedup();
        let negated = marks.negated.is_some();
        match meaning {
            Meaning::Languages(_) if marks.reference && !negated => self.ignored.push(index),
            Meaning::Languages(languages) => match marks.negated {
                Some((_, true)) => {
                    for language in languages {
                        add(&mut self.excluded, *language, &with_markers, stress);
                    }
                }
                Some((_, false)) => self.ignored.push(index),
                None => {
                    for language in languages {
                        add(&mut self.languages, *language, &[index], stress);
                    }
                }
            },
            Meaning::Framework(_) if negated || marks.reference => self.ignored.push(index),
            Meaning::Framework(language) => add(&mut self.languages, language, &[index], stress),
            Meaning::Pain(dimension) => {
                add(&mut self.priorities, dimension, &with_markers, stress);
            }
            Meaning::ServerChores => {
                let deployment = if negated {
                    Deployment::Serverless
                } else {
                    Deployment::Servers
                };
                add(&mut self.deployments, deployment, &with_markers, stress);
            }
            // Everything below means nothing once negated.
            _ if negated => {}
            Meaning::Project(use_case, weight) => {
                let entry = self
                    .use_cases
                    .entry(use_case)
                    .or_insert((0, index, Vec::new()));
                entry.0 += u32::from(weight);
                entry.2.push(index);
            }
            Meaning::Priority(dimension) => {
                add(&mut self.priorities, dimension, &with_markers, stress);
            }
            Meaning::Speed => {
                let dimension = if self.qualifies_productivity(cue) {
                    Dimension::Productivity
                } else {
                    Dimension::Performance
                };
                add(&mut self.priorities, dimension, &with_markers, stress);
            }
            Meaning::Needs(_) if stress == Stress::Optional => self.ignored.push(index),
            Meaning::Needs(feature) => add(&mut self.features, feature, &with_markers, stress),
            Meaning::RunsOn(deployment) => add(&mut self.deployments, deployment, &[index], stress),
            _ => {}
        }
    }

    /// "crank out CRUD fast": a speed word right after a productivity cue in the same clause
    /// is about building, not running.
    fn qualifies_productivity(&self, speed: &Cue) -> bool {
        let tokens = &self.reading.tokens;
        self.priorities
            .iter()
            .filter(|e| e.value == Dimension::Productivity)
            .flat_map(|e| e.cues.iter())
            .any(|i| {
                let cue = &self.reading.cues[*i];
                cue.last < speed.first
                    && speed.first - cue.last <= 3
                    && tokens[cue.first].clause == tokens[speed.first].clause
            })
    }

    fn words(&self, cues: &[usize]) -> Vec<String> {
        let mut cues = cues.to_vec();
        cues.sort_unstable();
        cues.dedup();
        distinct(
            cues.into_iter()
                .map(|i| {
                    let cue = &self.reading.cues[i];
                    let tokens = &self.reading.tokens;
                    echo(&self.text[tokens[cue.first].span.start..tokens[cue.last].span.end])
                })
                .filter(|word| !word.is_empty()),
        )
    }

    fn readings<T: Copy>(&self, list: &[Evidence<T>]) -> Vec<FieldReading<T>> {
        list.iter()
            .map(|e| FieldReading {
                value: e.value,
                words: self.words(&e.cues),
            })
            .collect()
    }

    fn finish(mut self) -> Interpretation {
        self.languages
            .retain(|l| !self.excluded.iter().any(|e| e.value == l.value));
        // Stressed first; equally stressed in the order the text names them.
        self.priorities
            .sort_by(|a, b| b.stress.cmp(&a.stress).then(a.first.cmp(&b.first)));
        // Most weight wins, the first named on a tie; weight 0 only when nothing else weighs.
        let use_case = self
            .use_cases
            .iter()
            .max_by(|a, b| (a.1.0).cmp(&b.1.0).then((b.1.1).cmp(&a.1.1)))
            .map(|(use_case, (_, _, cues))| FieldReading {
                value: *use_case,
                words: self.words(cues),
            });
        let deployment = {
            let mut counted: Vec<(&Evidence<Deployment>, usize)> =
                self.deployments.iter().map(|e| (e, e.cues.len())).collect();
            counted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.first.cmp(&b.0.first)));
            counted.first().map(|(e, _)| FieldReading {
                value: e.value,
                words: self.words(&e.cues),
            })
        };

        let tokens = &self.reading.tokens;
        let mut covered = vec![false; tokens.len()];
        for cue in &self.reading.cues {
            for slot in &mut covered[cue.first..=cue.last] {
                *slot = true;
            }
        }
        // Two letters say nothing on their own ("re" of "we're").
        let uncovered = tokens
            .iter()
            .zip(covered)
            .filter(|(token, covered)| {
                token.content
                    && !covered
                    && token.lower.chars().count() > 2
                    && !FILLER.contains(&token.lower.as_str())
            })
            .map(|(token, _)| echo(&self.text[token.span.clone()]))
            .filter(|word| !word.is_empty());
        let mut unused = distinct(self.words(&self.ignored).into_iter().chain(uncovered));
        unused.truncate(super::MAX_UNUSED_WORDS);

        Interpretation {
            use_case,
            languages: self.readings(&self.languages),
            excluded_languages: self.readings(&self.excluded),
            priorities: self.readings(&self.priorities),
            required_features: self.readings(&self.features),
            deployment,
            unused,
        }
    }
}
