//! The second pass over the cues: each field of the profile decided from the signals the
//! markers left, keeping the words that decided it.

use std::collections::BTreeMap;

use super::lexicon::{FILLER, Meaning, NODE, Stress};
use super::markers::{Marks, is_signal, is_stressable};
use super::reader::{Cue, Reading};
use super::surroundings::Surroundings;
use super::{Interpretation, Reading as FieldReading};
use crate::echo::echo;
use crate::lists::distinct;
use crate::vocab::{Deployment, Dimension, Feature, Language, UseCase};

mod topic;

/// What each handler of events adds to a serverless project: as much as a cue that says
/// what the project is strongly.
const HANDLER_WEIGHT: u32 = 2;

/// The profile's fields, decided cue by cue from what the markers left.
pub(super) fn decide(text: &str, reading: &Reading, marks: &[Marks]) -> Interpretation {
    let mut collector = Collector::new(text, reading, marks);
    for (index, cue) in reading.cues.iter().enumerate() {
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

/// The fields as the cues decide them, with the cues that did.
struct Collector<'a> {
    text: &'a str,
    reading: &'a Reading,
    /// The words around each cue, asked about as cues are taken.
    around: Surroundings<'a>,
    marks: &'a [Marks],
    /// Use case → (weight, first cue, cues).
    use_cases: BTreeMap<UseCase, (u32, usize, Vec<usize>)>,
    languages: Vec<Evidence<Language>>,
    excluded: Vec<Evidence<Language>>,
    /// Excluded languages the writer leaves ("moving away from Java"), not only refuses.
    left_languages: Vec<Language>,
    /// Languages named only as what the writer knows or has used, and their frameworks.
    known: Vec<Evidence<Language>>,
    known_frameworks: Vec<Evidence<&'static str>>,
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
    /// Handlers of events, a serverless project if it runs serverless.
    handlers: Vec<usize>,
    /// Cues understood but not used: a negated framework, a nice-to-have feature.
    ignored: Vec<usize>,
}

impl<'a> Collector<'a> {
    fn new(text: &'a str, reading: &'a Reading, marks: &'a [Marks]) -> Self {
        Collector {
            text,
            reading,
            around: Surroundings::new(reading),
            marks,
            use_cases: BTreeMap::new(),
            languages: Vec::new(),
            excluded: Vec::new(),
            left_languages: Vec::new(),
            known: Vec::new(),
            known_frameworks: Vec::new(),
            preferred_frameworks: Vec::new(),
            excluded_frameworks: Vec::new(),
            framework_languages: Vec::new(),
            off_topic: Vec::new(),
            on_topic: 0,
            priorities: Vec::new(),
            footprint: Vec::new(),
            features: Vec::new(),
            deployments: Vec::new(),
            handlers: Vec::new(),
            ignored: Vec::new(),
        }
    }

    /// What one meaning of cue `index` adds to the fields, given its marks.
    fn take(&mut self, index: usize, cue: &Cue, meaning: Meaning) {
        let marks = &self.marks[index];
        let stress = marks.stress.map_or(Stress::Normal, |(level, _)| level);
        let with_markers = marks.with_markers(index);
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
                        self.left_languages.push(*language);
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
                    let wanted = if marks.known {
                        &mut self.known
                    } else {
                        &mut self.languages
                    };
                    for language in languages {
                        add(wanted, *language, &[index], stress);
                    }
                }
            },
            Meaning::Framework(id, _)
                if marks.negated.is_some_and(|(_, excludes)| excludes)
                    || (!negated && marks.leaving.is_some()) =>
            {
                add(&mut self.excluded_frameworks, id, &with_markers, stress);
            }
            Meaning::Framework(..) if negated || marks.reference => {
                self.ignored.push(index);
            }
            Meaning::Framework(id, language) => {
                let (languages, frameworks) = if marks.known {
                    (&mut self.known, &mut self.known_frameworks)
                } else {
                    (&mut self.languages, &mut self.preferred_frameworks)
                };
                if !marks.written_in_other {
                    add(languages, language, &[index], stress);
                }
                add(frameworks, id, &[index], stress);
            }
            Meaning::OffTopic
                if !negated
                    && !self.around.is_a_products_subject(cue)
                    && !self.around.compares_named(cue) =>
            {
                self.off_topic.push(index);
            }
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
            Meaning::Handler => self.handlers.push(index),
            Meaning::RunsOn(_) | Meaning::Project(..) | Meaning::Needs(_)
                if marks.leaving.is_some() =>
            {
                self.ignored.push(index);
            }
            Meaning::Project(..) if self.around.names_a_team(cue) || marks.known => {
                self.ignored.push(index);
            }
            Meaning::Project(UseCase::Microservices, _)
                if self.reading.tokens[cue.first].lower == "services"
                    && !self.around.counts_services(cue) =>
            {
                self.ignored.push(index);
            }
            Meaning::Project(UseCase::RestApi, _) if self.around.is_a_backend_for_no_app(cue) => {
                self.ignored.push(index);
            }
            Meaning::Project(use_case, weight) => {
                // "prices pushed live to the browser": what is pushed to browsers rides
                // websockets (docs/labelling.md).
                if use_case == UseCase::Realtime && self.around.pushes_to_browsers(cue) {
                    add(&mut self.features, Feature::Websockets, &[index], stress);
                }
                let entry = self
                    .use_cases
                    .entry(use_case)
                    .or_insert((0, index, Vec::new()));
                entry.0 += u32::from(weight);
                entry.2.push(index);
            }
            Meaning::Priority(Dimension::EaseOfLearning) if self.around.learns_a_named(cue) => {
                self.ignored.push(index);
            }
            // "caching because traffic spikes": the reason for a feature, not a quality asked;
            // "people say Go is fast": someone's claim.
            Meaning::Priority(_) | Meaning::Speed
                if self.around.gives_a_reason_for_a_feature(cue)
                    || self.around.is_a_claim_reported(cue) =>
            {
                self.ignored.push(index);
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
            // "fast cold starts", "starts fast": the speed of starting, not of running.
            Meaning::Speed if self.around.qualifies_start_up(cue) => {}
            Meaning::Speed => {
                let dimension = if self
                    .around
                    .is_speed_of_delivery(cue, &self.productivity_cues())
                {
                    Dimension::Productivity
                } else {
                    Dimension::Performance
                };
                add(&mut self.priorities, dimension, &with_markers, stress);
            }
            Meaning::Needs(_) if stress == Stress::Optional => self.ignored.push(index),
            Meaning::Needs(feature) => add(&mut self.features, feature, &with_markers, stress),
            Meaning::RunsOn(deployment) => {
                // "works well on lambda", "plays nice with serverless": how well it fits there.
                if deployment == Deployment::Serverless && self.around.asks_how_well_it_fits(cue) {
                    add(
                        &mut self.priorities,
                        Dimension::ServerlessFit,
                        &with_markers,
                        stress,
                    );
                }
                add(&mut self.deployments, deployment, &[index], stress);
            }
            _ => {}
        }
    }

    /// The cues of the productivity read so far ("crank out CRUD fast" makes "fast" its).
    fn productivity_cues(&self) -> Vec<usize> {
        self.priorities
            .iter()
            .filter(|e| e.value == Dimension::Productivity)
            .flat_map(|e| e.cues.iter().copied())
            .collect()
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
        self.settle_known();
        self.settle_languages();
        self.settle_frameworks();
        let off_topic = self.off_topic_words();
        self.settle_priorities();
        self.settle_handlers();
        Interpretation {
            use_case: self.use_case(),
            languages: self.readings(&self.languages),
            excluded_languages: self.readings(&self.excluded),
            preferred_frameworks: self.readings(&self.preferred_frameworks),
            excluded_frameworks: self.readings(&self.excluded_frameworks),
            off_topic,
            priorities: self.readings(&self.priorities),
            required_features: self.readings(&self.features),
            deployment: self.deployment(),
            unused: self.unused(),
        }
    }

    /// What the writer knows is what they want, unless the post asks for a language they
    /// do not know: "I'm best at Java but want to try Kotlin" wants Kotlin alone, "team knows
    /// node. express or fastify?" wants Node.
    fn settle_known(&mut self) {
        let asks_another = self
            .languages
            .iter()
            .any(|l| !self.known.iter().any(|k| k.value == l.value));
        let known = std::mem::take(&mut self.known);
        let known_frameworks = std::mem::take(&mut self.known_frameworks);
        if asks_another {
            let set_aside = known.iter().flat_map(|k| &k.cues);
            let set_aside = set_aside.chain(known_frameworks.iter().flat_map(|f| &f.cues));
            self.ignored.extend(set_aside);
            return;
        }
        for language in known {
            add(
                &mut self.languages,
                language.value,
                &language.cues,
                language.stress,
            );
        }
        for framework in known_frameworks {
            add(
                &mut self.preferred_frameworks,
                framework.value,
                &framework.cues,
                framework.stress,
            );
        }
        // In the order named, as if they had been taken with the rest.
        self.languages.sort_by_key(|e| e.first);
        self.preferred_frameworks.sort_by_key(|e| e.first);
    }

    /// No language both wanted and excluded; of Node's two, the one named on its own.
    fn settle_languages(&mut self) {
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
    }

    /// Leaving a language leaves its frameworks: "our PHP monolith on Symfony ... we're
    /// leaving PHP behind" is leaving Symfony. An exclusion always wins.
    fn settle_frameworks(&mut self) {
        let language_of = |framework: &Evidence<&'static str>, excluded: &[Language]| {
            self.framework_languages
                .iter()
                .any(|(id, language)| *id == framework.value && excluded.contains(language))
        };
        let excluded: Vec<Language> = self.excluded.iter().map(|e| e.value).collect();
        let (out, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut self.preferred_frameworks)
            .into_iter()
            .partition(|f| language_of(f, &excluded));
        self.preferred_frameworks = kept;
        // A language left takes the writer's frameworks in it along ("moving away from Java
        // after years of Spring"); one only refused rules out the language, and its
        // frameworks named are what the writer knows or others offer ("ten years of symfony,
        // but PHP is off the table"): neither chosen nor ruled out.
        let left = out
            .into_iter()
            .filter(|f| language_of(f, &self.left_languages));
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
    }

    /// Start-up time and memory are serverless fit when the project runs serverless, and
    /// performance anywhere else, named or not ("~200k clients, memory footprint matters").
    /// Then stressed first; equally stressed in the order the text names them.
    fn settle_priorities(&mut self) {
        let serverless = self
            .deployments
            .iter()
            .any(|e| e.value == Deployment::Serverless);
        for footprint in std::mem::take(&mut self.footprint) {
            let value = if serverless {
                footprint.value
            } else {
                Dimension::Performance
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
        self.priorities
            .sort_by(|a, b| b.stress.cmp(&a.stress).then(a.first.cmp(&b.first)));
    }

    /// "webhooks on Lambda", "a Cloud Function per event": handlers of events that run
    /// serverless are what a serverless project is (docs/labelling.md).
    fn settle_handlers(&mut self) {
        let serverless = self
            .deployments
            .iter()
            .any(|e| e.value == Deployment::Serverless);
        if !serverless || self.handlers.is_empty() {
            return;
        }
        let first = self.handlers[0];
        let entry = self
            .use_cases
            .entry(UseCase::Serverless)
            .or_insert((0, first, Vec::new()));
        entry.0 += HANDLER_WEIGHT * self.handlers.len() as u32;
        entry.2.extend(&self.handlers);
    }

    /// Most weight wins, the first named on a tie.
    fn use_case(&self) -> Option<FieldReading<UseCase>> {
        self.use_cases
            .iter()
            .max_by(|a, b| (a.1.0).cmp(&b.1.0).then((b.1.1).cmp(&a.1.1)))
            .map(|(use_case, (_, _, cues))| FieldReading {
                value: *use_case,
                words: self.words(cues),
            })
    }

    /// The deployment named most, the first named on a tie.
    fn deployment(&self) -> Option<FieldReading<Deployment>> {
        let mut counted: Vec<(&Evidence<Deployment>, usize)> =
            self.deployments.iter().map(|e| (e, e.cues.len())).collect();
        counted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.first.cmp(&b.0.first)));
        counted.first().map(|(e, _)| FieldReading {
            value: e.value,
            words: self.words(&e.cues),
        })
    }

    /// Cues set aside, then the words no cue covers. Two letters say nothing on their own
    /// ("re" of "we're").
    fn unused(&self) -> Vec<String> {
        let tokens = &self.reading.tokens;
        let mut covered = vec![false; tokens.len()];
        for cue in &self.reading.cues {
            for slot in &mut covered[cue.first..=cue.last] {
                *slot = true;
            }
        }
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
        unused
    }
}
