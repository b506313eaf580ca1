//! Cue matches → profile fields. Markers (negation, stress, comparison) are applied to the
//! signals they point at; then each field is decided from the signals left, and every
//! decision keeps the words that made it.

use std::collections::BTreeMap;

use super::lexicon::{FILLER, Meaning, NODE, Stress, Toward};
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
/// How far a leaving or other-part marker reaches for the language or framework it is about.
const LEAVING_REACH: usize = 4;
const PLACE_LEFT_REACH: usize = 2;
const ELSEWHERE_AHEAD_REACH: usize = 4;
const ELSEWHERE_BEHIND_REACH: usize = 3;
/// How far a comparison or a word of what exists ("our current", "today") reaches ahead.
const REFERENCE_AHEAD_REACH: usize = 4;
/// Words after a name that make "like X" a point of comparison: "generators like Rails
/// has" ("as quick as Rails" and "better than Express" need none).
const COMPARED_AFTER: &[&str] = &["has", "have", "does", "do", "did", "had", "offers", "gives"];
/// How far back an "as" makes "as X" the second half of "as quick as X".
const COMPARISON_REACH: usize = 6;
/// Words between a framework and a language that make the language the one it is written
/// in ("Spring Boot with Kotlin").
const WRITTEN_IN: &[&str] = &["with", "in", "using", "on"];
/// The longest question a "no thanks" opening the next sentence answers ("Java?").
const ANSWERED_QUESTION_WORDS: usize = 3;
/// Words that stand for something named before, and how far back (in words) it may be.
const PRONOUNS: &[&str] = &["it", "them", "that", "this"];
const REFERENT_REACH: usize = 20;
/// Words that place a project somewhere (analysed), and how far back they reach.
const PLACING: &[&str] = &["on", "to", "onto", "run", "deploi", "host", "via"];
const PLACE_REACH: usize = 2;
/// How far after "shop" a language makes it a team ("our shop is mostly Java").
const TEAM_AFTER_SHOP_REACH: usize = 4;
/// How far back a word of delivery makes "fast" about building ("get an MVP out fast").
const DELIVERY_REACH: usize = 6;
/// Words of delivering software: "fast" after one of them is speed of delivery.
const DELIVERY: &[&str] = &[
    "ship",
    "shipped",
    "shipping",
    "launch",
    "launched",
    "launching",
    "deliver",
    "delivered",
    "build",
    "built",
    "put",
    "together",
    "get",
    "out",
    "release",
    "iterate",
    "prototype",
    "hack",
    "done",
    "running",
    "market",
    "mvp",
    "poc",
    "demo",
    "hackathon",
    "develop",
    "developed",
    "move",
    "moving",
    "spin",
    "whip",
    "feature",
    "features",
    "throw",
    "stand",
    "set",
    "setup",
    "scaffold",
    "write",
    "create",
];
/// Things that run: "fast" right before one of them is speed at run time ("a fast API").
const RUNNING_THINGS: &[&str] = &[
    "api",
    "apis",
    "service",
    "services",
    "backend",
    "server",
    "servers",
    "framework",
    "frameworks",
    "response",
    "responses",
    "runtime",
    "queries",
    "query",
    "endpoint",
    "endpoints",
    "language",
    "languages",
    "io",
    "json",
    "serialization",
    "requests",
    "app",
];
/// What runs, said as a verb: "fast" right after one is speed at run time ("responds
/// quickly"). Stems, as the analyser gives them.
const RUNNING_VERBS: &[&str] = &["respond", "run", "load", "serv", "execut", "start", "handl"];
/// Who builds: "fast" right after one of them is how fast they deliver ("I'm fastest in PHP").
const PERSONS: &[&str] = &["i", "m", "we", "re", "team", "dev", "devs", "developer"];
/// Words that make "backend" a trade rather than a project ("a backend dev", "backend jobs").
const TRADES: &[&str] = &[
    "dev",
    "devs",
    "developer",
    "developers",
    "engineer",
    "engineers",
    "engineering",
    "role",
    "roles",
    "job",
    "jobs",
    "position",
    "positions",
    "career",
    "interview",
    "interviews",
    "course",
    "courses",
    "bootcamp",
];
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
    /// Being left, by this marker; `true` when a language left is ruled out.
    leaving: Option<(usize, bool)>,
    /// Named for another part of the system (the frontend, a mobile app).
    elsewhere: bool,
}

fn is_signal(meaning: &Meaning) -> bool {
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

fn is_stressable(meaning: &Meaning) -> bool {
    matches!(
        meaning,
        Meaning::Priority(_)
            | Meaning::Pain(_)
            | Meaning::Needs(_)
            | Meaning::Speed
            | Meaning::Footprint
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
                .any(|m| matches!(m, Meaning::Framework(..) | Meaning::Languages(_)))
        })
        .collect();
    // What goes with a framework being left ("a Django + Celery setup") is left with it.
    let left_with: Vec<bool> = cues
        .iter()
        .zip(&named)
        .map(|(cue, named)| *named || cue.meanings.iter().any(|m| matches!(m, Meaning::Needs(_))))
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

    // "the JVM (too much shared code)": what a bracket opens on qualifies what it follows; a
    // marker inside does not reach back out of it.
    let bracketed_apart = |signal: usize, marker: usize| {
        let from = tokens[cues[signal].last].span.end;
        text[from..tokens[cues[marker].first].span.start].contains('(')
    };
    // "Java? no thanks.": a marker opening its sentence answers a question of a few words
    // just before it, about the signal it named.
    let answered = |marker: usize| {
        let first = cues[marker].first;
        let sentence = tokens[first].sentence;
        let opens = first == 0 || tokens[first - 1].sentence != sentence;
        let asked = tokens.iter().filter(|t| t.sentence + 1 == sentence).count();
        (opens && (1..=ANSWERED_QUESTION_WORDS).contains(&asked))
            .then(|| {
                (0..marker)
                    .rev()
                    .find(|i| signals[*i] && tokens[cues[*i].first].sentence + 1 == sentence)
            })
            .flatten()
    };
    // "I'm done with it", "sick of them": a marker right before a pronoun is about the
    // framework (else the language) named last before it.
    // A sentence ending in a question mark asks ("anyone regret it?"); it does not tell.
    let asks = |token: usize| {
        let sentence = tokens[token].sentence;
        let last = (token..tokens.len())
            .take_while(|i| tokens[*i].sentence == sentence)
            .last()
            .unwrap_or(token);
        let end = tokens.get(last + 1).map_or(text.len(), |t| t.span.start);
        text[tokens[last].span.end..end].contains('?')
    };
    let referent = |marker: usize| {
        let after = cues[marker].last + 1;
        let first = cues[marker].first;
        // "we're dropping it", and "it's being replaced" ("that" before is "which").
        let pronoun = !asks(first)
            && (tokens[after..tokens.len().min(after + 2)]
                .iter()
                .any(|t| PRONOUNS.contains(&t.lower.as_str()))
                || tokens[first.saturating_sub(2)..first]
                    .iter()
                    .any(|t| t.lower == "it"));
        let start = cues[marker].first.saturating_sub(REFERENT_REACH);
        // What is left or ruled out is a framework more often than a language ("Express
        // for our node api, we outgrew it").
        let framework = |i: &usize| {
            cues[*i]
                .meanings
                .iter()
                .any(|m| matches!(m, Meaning::Framework(..)))
        };
        let candidates = || {
            (0..marker)
                .rev()
                .filter(|i| named[*i] && cues[*i].first >= start)
        };
        pronoun
            .then(|| candidates().find(framework).or_else(|| candidates().next()))
            .flatten()
    };

    for (index, cue) in cues.iter().enumerate() {
        for meaning in cue.meanings {
            match *meaning {
                Meaning::Negation { toward, excludes } => {
                    let target = match toward {
                        // "X not needed", and with nothing before it "don't need X".
                        Toward::Behind => behind_of(index, NEGATION_REACH, &signals)
                            .filter(|s| !bracketed_apart(*s, index))
                            .or_else(|| answered(index))
                            .map(|s| run(s, false, &signals, false))
                            .or_else(|| {
                                (tokens[cue.first].key == "not")
                                    .then(|| ahead_of(index, NEGATION_REACH, &signals, true))
                                    .flatten()
                                    .map(|s| run(s, true, &signals, false))
                            }),
                        _ => ahead_of(index, NEGATION_REACH, &signals, true)
                            .map(|s| run(s, true, &signals, false))
                            .or_else(|| referent(index).map(|s| vec![s])),
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
                Meaning::Leaving { excludes } => {
                    // "Leaving Lambda + python for containers": what is left is the place
                    // named right after.
                    let place = ahead_of(index, PLACE_LEFT_REACH, &signals, true).filter(|s| {
                        cues[*s]
                            .meanings
                            .iter()
                            .any(|m| matches!(m, Meaning::RunsOn(_)))
                    });
                    let target = place
                        .map(|s| vec![s])
                        .or_else(|| {
                            ahead_of(index, LEAVING_REACH, &named, true)
                                .map(|s| run(s, true, &left_with, false))
                        })
                        .or_else(|| referent(index).map(|s| vec![s]))
                        // "a spring boot monstrosity we're retiring".
                        .or_else(|| behind_of(index, LEAVING_REACH, &named).map(|s| vec![s]));
                    for member in target.into_iter().flatten() {
                        marks[member].leaving.get_or_insert((index, excludes));
                    }
                }
                Meaning::Elsewhere => {
                    // "an API for our React frontend": a project cue between them says the
                    // language is the backend's.
                    let apart = |a: usize, b: usize| {
                        (a.min(b) + 1..a.max(b)).any(|i| {
                            cues[i]
                                .meanings
                                .iter()
                                .any(|m| matches!(m, Meaning::Project(..)))
                        })
                    };
                    let target = ahead_of(index, ELSEWHERE_AHEAD_REACH, &named, true)
                        .filter(|s| !apart(index, *s))
                        .map(|s| run(s, true, &named, false))
                        .or_else(|| {
                            behind_of(index, ELSEWHERE_BEHIND_REACH, &named)
                                .filter(|s| !apart(index, *s))
                                .map(|s| run(s, false, &named, false))
                        });
                    for member in target.into_iter().flatten() {
                        marks[member].elsewhere = true;
                    }
                }
                Meaning::Reference { toward } => {
                    let target = match toward {
                        Toward::Behind => behind_of(index, 1, &named),
                        _ => ahead_of(index, REFERENCE_AHEAD_REACH, &named, true),
                    };
                    if let Some(target) = target {
                        marks[target].reference = true;
                    }
                }
                _ => {}
            }
        }
    }

    for (index, cue) in cues.iter().enumerate() {
        if !named[index] {
            continue;
        }
        let before = cue.first.checked_sub(1).map(|i| tokens[i].lower.as_str());
        let after = tokens.get(cue.last + 1).map(|t| t.lower.as_str());
        let as_before = (cue.first.saturating_sub(COMPARISON_REACH)..cue.first.saturating_sub(1))
            .any(|i| tokens[i].lower == "as");
        let compared_after = after.is_some_and(|a| COMPARED_AFTER.contains(&a));
        let compared = match before {
            Some("than") => true,
            Some("as") => as_before || compared_after,
            Some("like") => compared_after,
            // "the laravel of python": the framework stands for a kind.
            Some("the") => after == Some("of"),
            _ => false,
        };
        if compared {
            marks[index].reference = true;
        }
    }
    // A framework "with Kotlin" is written in Kotlin, whatever its usual language; so is a
    // Java framework of a text that wants Kotlin ("kotlin backend, ktor or spring boot?"):
    // the JVM's frameworks take either language.
    let wants_kotlin = cues.iter().zip(&marks).any(|(cue, marks)| {
        cue.meanings
            .contains(&Meaning::Languages(&[Language::Kotlin]))
            && marks.negated.is_none()
            && marks.leaving.is_none()
            && !marks.elsewhere
    });
    let mut written_in_other = vec![false; cues.len()];
    for (index, cue) in cues.iter().enumerate() {
        let is_framework = cue
            .meanings
            .iter()
            .any(|m| matches!(m, Meaning::Framework(..)));
        let java_framework = cue
            .meanings
            .iter()
            .any(|m| matches!(m, Meaning::Framework(_, Language::Java)));
        let next = cues.get(index + 1).filter(|n| {
            n.first == cue.last + 2
                && WRITTEN_IN.contains(&tokens[cue.last + 1].lower.as_str())
                && n.meanings
                    .iter()
                    .any(|m| matches!(m, Meaning::Languages(_)))
        });
        written_in_other[index] = is_framework && next.is_some() || java_framework && wants_kotlin;
    }

    let mut collector = Collector {
        text,
        reading,
        marks: &marks,
        written_in_other: &written_in_other,
        use_cases: BTreeMap::new(),
        languages: Vec::new(),
        excluded: Vec::new(),
        preferred_frameworks: Vec::new(),
        excluded_frameworks: Vec::new(),
        framework_languages: Vec::new(),
        off_topic: Vec::new(),
        on_topic: 0,
        priorities: Vec::new(),
        footprint: Vec::new(),
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
    /// Frameworks named with the language they are written in ("Spring Boot with Kotlin").
    written_in_other: &'a [bool],
    /// Use case → (weight, first cue, cues).
    use_cases: BTreeMap<UseCase, (u32, usize, Vec<usize>)>,
    languages: Vec<Evidence<Language>>,
    excluded: Vec<Evidence<Language>>,
    preferred_frameworks: Vec<Evidence<&'static str>>,
    excluded_frameworks: Vec<Evidence<&'static str>>,
    /// The language of each framework named.
    framework_languages: Vec<(&'static str, Language)>,
    /// Cues that no backend project has, and how many cues said something about one.
    off_topic: Vec<usize>,
    on_topic: usize,
    priorities: Vec<Evidence<Dimension>>,
    /// Start-up time and memory, whose dimension depends on where the project runs.
    footprint: Vec<Evidence<Dimension>>,
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
        if let Some((marker, _)) = marks.leaving {
            with_markers.push(marker);
        }
        with_markers.sort_unstable();
        with_markers.dedup();
        let negated = marks.negated.is_some();
        // What matters (speed, a first project) says nothing of a backend on its own: a
        // question about varchar performance or a first pull request is still off topic.
        if is_signal(&meaning) && !is_stressable(&meaning) && !negated {
            self.on_topic += 1;
        }
        let elsewhere = marks.elsewhere && !negated;
        // "no JS framework on the front": what another part must not use is its own affair.
        let negated_elsewhere = marks.elsewhere && negated;
        if let Meaning::Framework(id, language) = meaning {
            self.framework_languages.push((id, language));
        }
        match meaning {
            Meaning::Languages(_) if (marks.reference || elsewhere) && !negated => {
                self.ignored.push(index);
            }
            Meaning::Languages(languages) if !negated && marks.leaving.is_some() => {
                if marks.leaving.is_some_and(|(_, excludes)| excludes) {
                    for language in languages {
                        add(&mut self.excluded, *language, &with_markers, stress);
                    }
                } else {
                    self.ignored.push(index);
                }
            }
            Meaning::Languages(_) if negated_elsewhere => self.ignored.push(index),
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
            Meaning::Framework(id, _)
                if marks.negated.is_some_and(|(_, excludes)| excludes)
                    || (!negated && marks.leaving.is_some()) =>
            {
                add(&mut self.excluded_frameworks, id, &with_markers, stress);
            }
            Meaning::Framework(..) if negated || marks.reference || elsewhere => {
                self.ignored.push(index);
            }
            Meaning::Framework(id, language) => {
                if !self.written_in_other[index] {
                    add(&mut self.languages, language, &[index], stress);
                }
                add(&mut self.preferred_frameworks, id, &[index], stress);
            }
            Meaning::OffTopic if !negated => self.off_topic.push(index),
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
            // Everything below means nothing once negated, nor where it runs once left.
            _ if negated => {}
            Meaning::RunsOn(_) | Meaning::Project(..) | Meaning::Needs(_)
                if marks.leaving.is_some() =>
            {
                self.ignored.push(index);
            }
            Meaning::Project(..) if self.names_a_team(cue) => self.ignored.push(index),
            // "deployed to Cloudflare Workers" says where it runs, not what it is ("a few
            // lambdas", "a serverless backend").
            Meaning::Project(_, 0) if self.names_a_place(cue) => {}
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
            Meaning::Footprint => {
                add(
                    &mut self.footprint,
                    Dimension::ServerlessFit,
                    &with_markers,
                    stress,
                );
            }
            Meaning::Speed => {
                let dimension = if self.is_speed_of_delivery(cue) {
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

    /// The cue follows a word of placing ("on", "to", "deployed", "run").
    fn names_a_place(&self, cue: &Cue) -> bool {
        let tokens = &self.reading.tokens;
        let start = cue.first.saturating_sub(PLACE_REACH);
        tokens[start..cue.first]
            .iter()
            .any(|t| t.clause == tokens[cue.first].clause && PLACING.contains(&t.key.as_str()))
    }

    /// "a .NET shop", "a small python shop", "our shop is mostly Java": a shop next to a
    /// language or framework (just before it, or a few words after in its clause) is the
    /// team that writes it, not a store.
    fn names_a_team(&self, cue: &Cue) -> bool {
        let tokens = &self.reading.tokens;
        let shop = cue.first == cue.last && tokens[cue.first].lower.starts_with("shop");
        shop && self.reading.cues.iter().any(|other| {
            let near = if other.last < cue.first {
                cue.first - other.last <= 2
            } else {
                other.first > cue.last && other.first - cue.last <= TEAM_AFTER_SHOP_REACH
            };
            near && tokens[other.first].clause == tokens[cue.first].clause
                && other
                    .meanings
                    .iter()
                    .any(|m| matches!(m, Meaning::Languages(_) | Meaning::Framework(..)))
        })
    }

    /// "fast" is speed of delivery after a word of delivering ("an MVP fast", "ship it
    /// fast") or a productivity cue ("crank out CRUD fast") in the same clause, and speed at
    /// run time when it qualifies a thing that runs ("a fast API") or stands alone.
    fn is_speed_of_delivery(&self, speed: &Cue) -> bool {
        let tokens = &self.reading.tokens;
        let clause = tokens[speed.first].clause;
        let same_clause = |t: &&super::reader::Token| t.clause == clause;
        let before = speed
            .first
            .checked_sub(1)
            .map(|i| &tokens[i])
            .filter(same_clause);
        let delivering = |t: &super::reader::Token| {
            DELIVERY.contains(&t.lower.as_str()) || DELIVERY.contains(&t.key.as_str())
        };
        if tokens
            .get(speed.last + 1)
            .filter(same_clause)
            .is_some_and(|t| RUNNING_THINGS.contains(&t.lower.as_str()))
            || before.is_some_and(|t| RUNNING_VERBS.contains(&t.key.as_str()))
        {
            return false;
        }
        // "a quick prototype", "a fast MVP": the speed of making the thing named.
        if tokens
            .get(speed.last + 1)
            .filter(same_clause)
            .is_some_and(delivering)
        {
            return true;
        }
        // "fastest to get running", "quickest way to build": the speed of doing it; "I'm
        // fastest in PHP": a person's speed is speed of delivery.
        let after = &tokens[speed.last + 1..tokens.len().min(speed.last + 1 + DELIVERY_REACH)];
        let to_deliver = after
            .first()
            .is_some_and(|t| matches!(t.lower.as_str(), "to" | "way"))
            && after.iter().filter(same_clause).any(delivering);
        let start = speed.first.saturating_sub(DELIVERY_REACH);
        if to_deliver
            || before.is_some_and(|t| PERSONS.contains(&t.lower.as_str()))
            || tokens[start..speed.first]
                .iter()
                .filter(same_clause)
                .any(delivering)
        {
            return true;
        }
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
        // "node 20, plain js": one of Node's two languages named on its own says which is
        // meant, unless the other is named so too; a JavaScript framework runs TypeScript as
        // well ("TS end to end, nestjs or fastify?").
        let cues = &self.reading.cues;
        let named_alone = |language: Language, evidence: &Evidence<Language>| {
            evidence.cues.iter().any(|i| {
                cues[*i]
                    .meanings
                    .iter()
                    .any(|m| matches!(m, Meaning::Languages([only]) if *only == language))
            })
        };
        let alone = |language: Language| {
            self.languages
                .iter()
                .any(|e| e.value == language && named_alone(language, e))
        };
        let (javascript, typescript) = (alone(Language::Javascript), alone(Language::Typescript));
        self.languages.retain(|e| {
            let other_alone = match e.value {
                Language::Javascript => typescript,
                Language::Typescript => javascript,
                _ => return true,
            };
            !(other_alone
                && !named_alone(e.value, e)
                && e.cues.iter().all(|i| {
                    cues[*i].meanings.iter().any(|m| {
                        *m == Meaning::Languages(NODE)
                            || matches!(m, Meaning::Framework(_, written) if *written == e.value)
                    })
                }))
        });
        // Leaving a language leaves its frameworks: "our PHP monolith on Symfony ... we're
        // leaving PHP behind" is leaving Symfony.
        let (left, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut self.preferred_frameworks)
            .into_iter()
            .partition(|f| {
                self.framework_languages.iter().any(|(id, language)| {
                    *id == f.value && self.excluded.iter().any(|e| e.value == *language)
                })
            });
        self.preferred_frameworks = kept;
        for framework in left {
            add(
                &mut self.excluded_frameworks,
                framework.value,
                &framework.cues,
                framework.stress,
            );
        }
        self.preferred_frameworks
            .retain(|f| !self.excluded_frameworks.iter().any(|e| e.value == f.value));
        // Off topic: what no backend has, and no more said about a backend than that (no
        // kind of project, no feature), or more of it than anything about a backend.
        // The word "backend" on its own says the text is about one; not in a cue ("the
        // backend is already done") nor as a trade ("a backend dev").
        let cues = &self.reading.cues;
        let tokens = &self.reading.tokens;
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
        let off_topic = if !self.off_topic.is_empty()
            && ((self.use_cases.values().all(|(weight, _, _)| *weight < 2)
                && self.features.is_empty()
                && self.off_topic.len() >= on_topic)
                || self.off_topic.len() > on_topic)
        {
            self.words(&self.off_topic)
        } else {
            Vec::new()
        };
        // Start-up time and memory are serverless fit unless the project runs in containers
        // or on servers, where they are performance.
        let runs_elsewhere = self
            .deployments
            .iter()
            .any(|e| e.value != Deployment::Serverless)
            && !self
                .deployments
                .iter()
                .any(|e| e.value == Deployment::Serverless);
        for footprint in std::mem::take(&mut self.footprint) {
            let value = if runs_elsewhere {
                Dimension::Performance
            } else {
                footprint.value
            };
            match self.priorities.iter_mut().find(|e| e.value == value) {
                Some(existing) => {
                    existing.cues.extend(footprint.cues);
                    existing.stress = existing.stress.max(footprint.stress);
                    existing.first = existing.first.min(footprint.first);
                }
                None => self.priorities.push(Evidence { value, ..footprint }),
            }
        }
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
            preferred_frameworks: self.readings(&self.preferred_frameworks),
            excluded_frameworks: self.readings(&self.excluded_frameworks),
            off_topic,
            priorities: self.readings(&self.priorities),
            required_features: self.readings(&self.features),
            deployment,
            unused,
        }
    }
}
