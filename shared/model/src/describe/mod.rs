//! A project described in plain words → the fields of a recommendation profile, each with
//! the words that decided it. Deterministic and offline: a lexicon of cues read through the
//! FAQ search's analyser, negation and stress understood, nothing learned, nothing fetched.
//!
//! "realtime chat in typescript on lambda, must scale" reads as use case `realtime`
//! (realtime, chat), language `typescript`, priority `scalability` (must, scale),
//! deployment `serverless` (lambda) and, as docs/labelling.md has chat, the feature
//! `websockets` (chat).
//!
//! # How a description is read
//! 1. Words come from [`crate::search::words`]: lowercased, compounds joined (`real time`),
//!    spellings folded (`golang`, `k8s`, `c#`), stems (`scaling` → `scale`). Contractions
//!    become `not`; "go" is the language unless it reads as the verb ("go with", "good to
//!    go"); a word neither the lexicon nor the knowledge base knows is corrected to a lexicon
//!    word one edit away (two from nine letters), keeping its first letter (`pyhton`).
//! 2. Cues are matched longest first (`fast to develop` before `fast`).
//! 3. Markers act on the signals near them, within their clause: negation ahead ("not java
//!    or kotlin", "anything but ruby") or behind ("java is a no-go", "speed doesn't
//!    matter"); stress ("above all", "must", "matters most" strong; "also", "too" weak;
//!    "nice to have", "would be nice" optional); comparison ("laravel-like").
//! 4. Fields: the use case with the most cue weight (ties: named first); languages named
//!    and not negated, a framework standing for its language (Node.js and the JVM stand for
//!    both of their languages); negated languages excluded; priorities strongest first, then
//!    in the order named; features required unless only nice to have; the deployment named
//!    most. What the words around a cue say about it (a shop next to a language is a team,
//!    "fast" after a word of delivering is delivery) is asked of `surroundings.rs`.
//! 5. The post's shape: a question of how to do or fix something with what the writer has,
//!    asking for no choice, is off topic whatever it names (`shape.rs`); and a post is on
//!    topic only with a sign that advice is wanted (a choice asked, a framework weighed in a
//!    question, a project to build, or a project told without a question), else refused
//!    whatever it names.
//!
//! `docs/labelling.md` says what each field means; where a reading here and the guide part,
//! the guide is right.

mod fields;
#[cfg(test)]
mod gate_probes;
mod lexicon;
mod markers;
#[cfg(test)]
mod probes;
mod reader;
mod resolve;
mod shape;
mod surroundings;
#[cfg(test)]
mod test_support;
#[cfg(test)]
mod word_probes;
mod wording;

use serde::Serialize;

use crate::vocab::{Deployment, Dimension, Feature, Language, UseCase};

/// The longest description accepted, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 2000;
/// How many unused words an interpretation reports at most.
pub const MAX_UNUSED_WORDS: usize = 20;

/// What the reader looks for, for a client whose description yielded nothing.
pub const LOOKS_FOR: &str = "the kind of project (an API, real-time chat, a shop, a CMS, \
     microservices, ML serving...), its languages (or ones it must not use), what matters most \
     (speed, scaling, security, type safety, learning curve...), features it needs \
     (websockets, an admin panel, an ORM, OpenAPI docs...) and where it runs (Lambda, \
     containers, VMs)";

/// Descriptions the reader understands, to show a client how to write one.
pub const EXAMPLES: &[&str] = &[
    "realtime chat in typescript on lambda, must scale",
    "admin-heavy data app, Python team, security matters most, not Java",
    "a fast REST API in Go on Kubernetes, type safety matters too",
];

crate::bounded::bounded_text! {
    /// A project description of 1 to [`MAX_DESCRIPTION_CHARS`] characters (surrounding
    /// whitespace ignored).
    Description,
    /// Why a description was refused.
    DescriptionError,
    MAX_DESCRIPTION_CHARS
}

/// One value read from the description, with the words that decided it (as written,
/// cleaned of anything but letters, digits and plain punctuation, and clipped).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reading<T> {
    pub value: T,
    pub words: Vec<String>,
}

/// What a description says, field by field, in the vocabulary of the profile.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Interpretation {
    pub use_case: Option<Reading<UseCase>>,
    /// In the order named.
    pub languages: Vec<Reading<Language>>,
    /// Languages the description rules out ("not java", "no PHP").
    pub excluded_languages: Vec<Reading<Language>>,
    /// Frameworks of the catalog, by id, named as a choice ("laravel or symfony").
    pub preferred_frameworks: Vec<Reading<&'static str>>,
    /// Frameworks ruled out or being left ("not django", "moving off Rails"); never also
    /// preferred.
    pub excluded_frameworks: Vec<Reading<&'static str>>,
    /// When the text is about something no backend is (a laptop, centring a div) and says
    /// nothing of a backend project: the words that showed it. Empty otherwise.
    pub off_topic: Vec<String>,
    /// Most stressed first, then in the order named.
    pub priorities: Vec<Reading<Dimension>>,
    pub required_features: Vec<Reading<Feature>>,
    pub deployment: Option<Reading<Deployment>>,
    /// Words that said nothing the reader could use (and cues it understood but set aside:
    /// a nice-to-have feature, a framework named only for comparison).
    pub unused: Vec<String>,
}

impl Interpretation {
    /// Nothing usable was found.
    pub fn is_empty(&self) -> bool {
        self.use_case.is_none()
            && self.languages.is_empty()
            && self.excluded_languages.is_empty()
            && self.preferred_frameworks.is_empty()
            && self.excluded_frameworks.is_empty()
            && self.priorities.is_empty()
            && self.required_features.is_empty()
            && self.deployment.is_none()
    }

    /// The text is not about a backend project (see [`Interpretation::off_topic`]).
    pub fn is_off_topic(&self) -> bool {
        !self.off_topic.is_empty()
    }

    /// What to tell a client whose text is off topic: the words that showed it, what was not
    /// found, and what the reader looks for.
    pub fn off_topic_message(&self) -> String {
        format!(
            "does not read as a backend project (\"{}\"): we found no kind of project to build \
             and no choice of framework or language asked about. The advisor looks for \
             {LOOKS_FOR}",
            self.off_topic.join("\", \"")
        )
    }
}

/// Reads `description` into profile fields.
pub fn interpret(description: &Description) -> Interpretation {
    let text = description.as_str();
    resolve::resolve(text, &reader::read(text))
}

/// Builds the lexicon now rather than on the first description (benchmarks measure reading
/// apart from building).
pub fn prepare() {
    reader::prepare();
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;

    #[test]
    fn the_done_when_sentence_reads_as_expected() {
        let read = read("realtime chat in typescript on lambda, must scale");
        let use_case = read.use_case.unwrap();
        assert_eq!(use_case.value, UseCase::Realtime);
        assert_eq!(use_case.words, ["realtime", "chat"]);
        assert_eq!(values(&read.languages), [Language::Typescript]);
        assert_eq!(values(&read.priorities), [Dimension::Scalability]);
        assert_eq!(read.priorities[0].words, ["must", "scale"]);
        assert_eq!(read.deployment.unwrap().value, Deployment::Serverless);
        assert_eq!(values(&read.required_features), [Feature::Websockets]);
        assert!(read.unused.is_empty(), "{:?}", read.unused);
    }

    /// "matters" asserts that the thing named matters; it is not a word we failed to read.
    #[test]
    fn saying_a_priority_matters_leaves_no_word_unused() {
        for text in [
            "a fast REST API in Go, on Lambda, type safety matters",
            "security is important to us, python team",
        ] {
            let read = read(text);
            assert!(!read.priorities.is_empty(), "{text}");
            assert!(read.unused.is_empty(), "{text}: {:?}", read.unused);
        }
    }

    #[test]
    fn negated_languages_are_excluded_and_never_required() {
        let read = read("no JVM, not php or ruby; python is fine. anything but Go");
        assert_eq!(values(&read.languages), [Language::Python]);
        assert_eq!(
            values(&read.excluded_languages),
            [
                Language::Java,
                Language::Kotlin,
                Language::Php,
                Language::Ruby,
                Language::Go
            ]
        );
        assert_eq!(read.excluded_languages[2].words, ["not", "php"]);
        let behind = self::read("Java is a no-go for us, kotlin is ok");
        assert_eq!(values(&behind.excluded_languages), [Language::Java]);
        assert_eq!(values(&behind.languages), [Language::Kotlin]);
    }

    #[test]
    fn priorities_follow_the_stress_of_the_text() {
        assert_reads(
            priorities,
            &[
                (
                    "performance is nice to have, also good docs, but security is the top priority",
                    &[
                        Dimension::Security,
                        Dimension::Ecosystem,
                        Dimension::Performance,
                    ],
                ),
                (
                    "fast, secure and typed",
                    &[
                        Dimension::Performance,
                        Dimension::Security,
                        Dimension::TypeSafety,
                    ],
                ),
            ],
        );
    }

    #[test]
    fn nice_to_have_features_are_not_required() {
        let read = read("must have websockets and auth; openapi docs would be nice");
        assert_eq!(
            values(&read.required_features),
            [Feature::Websockets, Feature::Auth]
        );
        assert!(read.unused.iter().any(|w| w == "openapi docs"));
    }

    #[test]
    fn typos_aliases_and_the_verb_go() {
        let read = read("pyhton or golang? we'll go with whatever scales on kubernets");
        assert_eq!(values(&read.languages), [Language::Python, Language::Go]);
        assert_eq!(read.languages[0].words, ["pyhton"]);
        assert_eq!(read.deployment.unwrap().value, Deployment::Containers);
        let short = self::read("deploy to aws lamda, we use kotlin on android, server in go");
        assert_eq!(short.deployment.unwrap().value, Deployment::Serverless);
        assert_eq!(values(&short.languages), [Language::Go]);
        // A letter changed or added makes another real word, not a typo.
        let real = self::read("charts of stock levels posted to slack");
        assert!(real.use_case.is_none() && real.unused.iter().any(|w| w == "charts"));
        let verb = self::read("good to go with node");
        assert_eq!(
            values(&verb.languages),
            [Language::Javascript, Language::Typescript]
        );
    }

    #[test]
    fn how_people_write_it_is_read_as_a_person_reads_it() {
        let first_priority = |text: &str| values(&read(text).priorities).first().copied();
        // "don't need X" negates what follows, "X not needed" what precedes; start-up time is
        // performance on Kubernetes; "#1" stresses.
        let ship = first_priority("don't need to scale, I just need to ship");
        assert_eq!(ship, Some(Dimension::Productivity));
        let pods = first_priority("startup time matters, we scale pods on kubernetes");
        assert_eq!(pods, Some(Dimension::Performance));
        let stressed = first_priority("security is priority #1, also good docs");
        assert_eq!(stressed, Some(Dimension::Security));
        assert_reads(
            priorities,
            &[
                // Start-up time is serverless fit on Lambda.
                (
                    "startup time matters, it runs on lambda",
                    &[Dimension::ServerlessFit],
                ),
                // A crowd in figures is a crowd in words; a person's speed is delivery, and
                // so is speed of development.
                (
                    "push odds to 100k+ clients, I'm fastest in go",
                    &[Dimension::Scalability, Dimension::Productivity],
                ),
                (
                    "mainly need speed of development",
                    &[Dimension::Productivity],
                ),
                (
                    "saas in go, speed of shipping above all",
                    &[Dimension::Productivity],
                ),
                // Asking how well it sits on serverless is asking for serverless fit.
                (
                    "which python framework works well on lambda?",
                    &[Dimension::ServerlessFit],
                ),
                // New to the language is a learner's need (docs/labelling.md).
                (
                    "elixir newbie, phoenix for a chat app",
                    &[Dimension::EaseOfLearning],
                ),
                (
                    "realtime app in elixir, we're all new to it",
                    &[Dimension::EaseOfLearning],
                ),
                ("something new to us, a go api", &[]),
                // Where it runs is no quality asked for.
                ("a python api on lambda", &[]),
            ],
        );
        // Not needed, or hedged, is not required.
        assert_each_reads(
            required_features,
            &[
                "we don't need websockets",
                "we might need websockets later. REST api in kotlin",
            ],
            &[],
        );
        // A shop with its language after it is a team; "going" is not Go.
        let team = read("our shop is mostly Java, going forward we want kotlin");
        assert!(team.use_case.is_none());
        assert!(!languages(&team).contains(&Language::Go));
        // Where it runs is not what it is; embedding a server is not ML.
        assert_reads(
            use_case,
            &[
                (
                    "we deploy everything to Cloudflare Workers, typescript",
                    &[],
                ),
                (
                    "embedding an http server in our c++ tool for a tiny api",
                    &[UseCase::RestApi],
                ),
            ],
        );
        assert!(
            read("a few lambdas to glue S3 events together")
                .use_case
                .is_some()
        );
        // What a backend never is, and using a tool rather than choosing one, is off topic;
        // what a site is about is not.
        assert_refused(&[
            "how do i resolve a git merge conflict in vscode",
            "any good courses to learn docker?",
            "hosting a django app: which provider is cheaper?",
            "the difference between let and const in js?",
        ]);
        assert_on_topic(&[
            "a recipe sharing site with user accounts",
            "the difference between django and flask for an api?",
        ]);
        assert_reads(
            languages,
            &[
                // Compared, not chosen; a framework written in another language names that one.
                (
                    "a C# framework as quick as Rails, with generators like Rails has",
                    &[Language::Csharp],
                ),
                ("Ktor or Spring Boot with Kotlin?", &[Language::Kotlin]),
                // Open, not ruled out.
                (
                    "we're not married to python, could do go too",
                    &[Language::Python, Language::Go],
                ),
            ],
        );
        assert_reads(
            excluded_languages,
            &[
                // "it" is what was named last.
                (
                    "looking for a php alternative, I'm done with it. open to go",
                    &[Language::Php],
                ),
                // A short question answered by the next sentence.
                (
                    "java? no thanks. python for an inventory system",
                    &[Language::Java],
                ),
            ],
        );
        assert_reads(
            preferred_frameworks,
            &[
                // Two names joined by "+"; the frontend's framework does not take the backend's.
                (
                    "django vs fastapi+react for a saas?",
                    &["django", "fastapi"],
                ),
                // "like rails for rust": a framework standing for a kind in another language.
                ("loco looks like rails for rust", &["loco"]),
            ],
        );
        assert_reads(
            excluded_frameworks,
            &[
                // Leaving a language leaves its frameworks.
                (
                    "we run a monolith on Symfony. we're leaving PHP behind",
                    &["symfony"],
                ),
                // Forum shorthand: "w/o" is without, "w/" with.
                (
                    "python api w/o django, cold starts are brutal w/ spring",
                    &["django", "spring-boot"],
                ),
                // Kept, not left: no framework is excluded.
                ("we're not leaving Django for the main product", &[]),
            ],
        );
    }

    #[test]
    fn leaving_staying_and_weighing_are_read_as_a_person_reads_them() {
        // Leaving a place leaves the place, not the language that ran there.
        let place = read("leaving lambda + python for containers, fastapi?");
        assert_eq!(languages(&place), [Language::Python]);
        assert_eq!(place.deployment.unwrap().value, Deployment::Containers);
        assert!(place.use_case.is_none() && place.excluded_frameworks.is_empty());
        // Wanting out, being replaced, moving on: what is named is left.
        assert_reads(
            excluded_frameworks,
            &[
                (
                    "our Express app is a mess and it's being replaced",
                    &["express"],
                ),
                (
                    "the billing system is a Rails monolith we're retiring",
                    &["rails"],
                ),
            ],
        );
        assert_reads(
            excluded_languages,
            &[
                ("we want out of PHP, something typed", &[Language::Php]),
                // The frontend's languages are not the backend's.
                (
                    "no JS framework on the front, server-side templates in python",
                    &[],
                ),
            ],
        );
        // "the X of Y" and "X-level" compare.
        let kind = read("what's the rails of go?");
        assert_eq!(languages(&kind), [Language::Go]);
        assert!(kind.preferred_frameworks.is_empty());
        assert_reads(
            languages,
            &[
                // Staying is choosing.
                (
                    "we're not abandoning the JVM, just Spring",
                    &[Language::Java, Language::Kotlin],
                ),
                // The labour market is not the backend's languages.
                (
                    "hiring Ruby devs here is hopeless, go or elixir?",
                    &[Language::Go, Language::Elixir],
                ),
                // TypeScript named narrows Node's frameworks to it.
                (
                    "typescript only, express or fastify?",
                    &[Language::Typescript],
                ),
            ],
        );
        // What matters more than something else leaves the other out.
        assert_reads(
            priorities,
            &[(
                "throughput matters way more than dev speed",
                &[Dimension::Performance],
            )],
        );
        // Qualities alone do not make a backend: a column type question is off topic.
        assert_refused(&["is varchar slower than text in postgres performance-wise?"]);
    }

    /// docs/labelling.md: fixing or using what one has is not choosing; a verdict asked about
    /// weighs the framework, one stated rules it out.
    #[test]
    fn fixing_what_one_has_and_weighing_a_framework_are_read_as_the_guide_says() {
        assert_refused(&[
            "why does my rails migration fail after a rebase of the schema?",
            "how do I stop my spring app leaking connections under load",
            // Trouble with what one has, asked about without a choice, is a fix to ask for.
            "getting a 502 from my gunicorn django app, what am I missing?",
            "can't get CORS working with my go gin server",
            "what's the best way to structure a large express project?",
            "Django keeps throwing 'CSRF verification failed' on my login form",
            "upgrading from django 3 to 5, any gotchas?",
            "what does the @Transactional annotation actually do in spring?",
            "is it normal for a junior backend dev to earn 50k in berlin?",
        ]);
        assert_on_topic(&[
            "why is everyone recommending fastapi over flask these days?",
            "our express api crashes under load, need something faster",
            "looking at grape for a ruby api, any gotchas?",
            "how do I build a realtime chat backend in go?",
            "what does everyone use for backend these days?",
            "any tips for picking a backend framework?",
            "what does django offer for an internal admin tool?",
        ]);
        // A choice keeps a trouble on topic, and what the writer leaves is ruled out.
        let choice = read("our express app leaks memory under load, should we move to go?");
        assert!(!choice.is_off_topic());
        assert_eq!(excluded_frameworks(&choice), ["express"]);
        let switching =
            read("Laravel is getting long in the tooth, thinking about switching to Go");
        assert_eq!(excluded_frameworks(&switching), ["laravel"]);
        assert_eq!(languages(&switching), [Language::Go]);
        assert_reads(
            preferred_frameworks,
            &[
                ("should we stay on laravel or switch to go?", &["laravel"]),
                ("is laravel overkill for a tiny webhook api?", &["laravel"]),
                (
                    "php api, symfony? slim? and a slim docker image",
                    &["symfony", "slim"],
                ),
                // docs/labelling.md's own example.
                ("like express but typed", &[]),
            ],
        );
        assert_reads(
            excluded_frameworks,
            &[
                (
                    "Spring Boot is way overkill for our lambdas, what else in java?",
                    &["spring-boot"],
                ),
                ("laravel is overkill here, php still", &["laravel"]),
                (
                    "everyone says spring boot. I want something lighter, java",
                    &["spring-boot"],
                ),
                ("tried django, hated the magic. python api", &["django"]),
                // A verdict already given is not taken back by asking for something lighter.
                (
                    "symfony is way too much config for this. something lighter in php?",
                    &["symfony"],
                ),
            ],
        );
        assert_reads(
            languages,
            &[
                (
                    "our flask api leaks memory, is it time to switch to go?",
                    &[Language::Go],
                ),
                (
                    "the current system is too slow, moving from php to go",
                    &[Language::Go],
                ),
                // What the writer has used is context when they ask for another language.
                (
                    "I'm best at Java but want to try Kotlin for a REST api",
                    &[Language::Kotlin],
                ),
                (
                    "php dev here, laravel or symfony for a small shop?",
                    &[Language::Php],
                ),
            ],
        );
        // docs/labelling.md's own examples and its rows, as it words them.
        assert_reads(
            deployment,
            &[(
                "Not serverless, we have racks. go api",
                &[Deployment::Servers],
            )],
        );
        assert_reads(
            required_features,
            &[
                (
                    "stock prices pushed live to the browser, go or rust",
                    &[Feature::Websockets],
                ),
                (
                    "a booking system for a gym with accounts and payments, php",
                    &[Feature::Auth],
                ),
                // Chat runs over websockets.
                (
                    "a discord-like chat for my friends, go",
                    &[Feature::Websockets],
                ),
                (
                    "server side pages with htmx, no SPA, python",
                    &[Feature::Templating],
                ),
                (
                    "we need docs for the mobile team, go api",
                    &[Feature::OpenapiDocs],
                ),
                (
                    "a CLI that generates the code for us, ruby",
                    &[Feature::CliScaffolding],
                ),
                (
                    "emails sent later, long tasks off the request, django",
                    &[Feature::BackgroundJobs],
                ),
                (
                    "a database layer with models mapped to tables, go",
                    &[Feature::Orm],
                ),
            ],
        );
        assert_reads(
            use_case,
            &[
                (
                    "splitting our monolith into a few services on k8s, go?",
                    &[UseCase::Microservices],
                ),
                (
                    "webhooks on lambda for stripe events, typescript",
                    &[UseCase::Serverless],
                ),
                (
                    "a tiny webhook receiver in python, three endpoints",
                    &[UseCase::RestApi],
                ),
                (
                    "a system used by many teams with long support, java",
                    &[UseCase::Enterprise],
                ),
                ("a storefront for our brand, node", &[UseCase::Ecommerce]),
            ],
        );
        assert_reads(
            priorities,
            &[
                ("millions of msgs a second, java", &[Dimension::Performance]),
                (
                    "small bundles for our functions, typescript on lambda",
                    &[Dimension::ServerlessFit],
                ),
                ("collaborative editing for documents, elixir", &[]),
                // A lot of records is data, not traffic.
                (
                    "a dashboard over millions of rows of sales data, internal, C#",
                    &[],
                ),
            ],
        );
        // Many connections held open, or streamed responses, are async work.
        assert_each_includes(
            required_features,
            &[
                "holding lots of websocket connections, python",
                "an llm endpoint that streams responses, python",
            ],
            Feature::AsyncNative,
        );
        // "the whole point" stresses.
        let point = read("typed and fast, but the whole point is shipping quickly. go api");
        assert_eq!(priorities(&point)[0], Dimension::Productivity);
        // A quality given as the reason for a feature is the feature's, not a priority.
        let reason = read("a blog for a newspaper, caching because traffic spikes, python");
        assert!(reason.priorities.is_empty());
        assert_eq!(required_features(&reason), [Feature::Caching]);
    }

    #[test]
    fn swift_scala_and_cpp_and_their_frameworks_are_read_by_name() {
        assert_reads(
            languages,
            &[
                ("a backend in swift for our app", &[Language::Swift]),
                ("scala team, want something typed", &[Language::Scala]),
                ("must be C++, latency is everything", &[Language::Cpp]),
                // The iOS app's Swift is the app's, not the backend's.
                ("ios app in swift, backend in kotlin", &[Language::Kotlin]),
            ],
        );
        let vapor = read("vapor or hummingbird for a REST api?");
        assert_eq!(preferred_frameworks(&vapor), ["vapor", "hummingbird"]);
        assert_eq!(languages(&vapor), [Language::Swift]);
        let play = read("Play Framework or http4s for a typed API");
        assert_eq!(preferred_frameworks(&play), ["play", "http4s"]);
        assert_eq!(languages(&play), [Language::Scala]);
        // A verb and a testing idea are not frameworks.
        assert_reads(
            preferred_frameworks,
            &[(
                "we want to play with a testing pyramid for our go rest api",
                &[],
            )],
        );
    }

    /// "not X" rules X out for every framework of the catalog, by the name people write, and
    /// the advice then never names it.
    #[test]
    fn a_framework_written_off_by_name_is_never_recommended() {
        let catalog = crate::dataset::load_frameworks().unwrap();
        fn spelled(id: &str) -> &str {
            match id {
                "play" => "Play Framework",
                "slim" => "Slim PHP",
                "loopback" => "LoopBack 4",
                other => other,
            }
        }
        for framework in &catalog {
            let id = framework.id.as_str();
            let text = format!("a REST API for our shop, not {} please", spelled(id));
            let read = read(&text);
            assert_eq!(values(&read.excluded_frameworks), [id], "{text}");
            assert!(read.preferred_frameworks.is_empty(), "{text}");
            let body = serde_json::json!({ "description": text, "limit": 10 });
            let profile = crate::Profile::from_json(&body).unwrap();
            let advice = crate::recommend(&catalog, &profile);
            assert!(
                advice.recommendations.iter().all(|r| r.id.as_str() != id),
                "{text}"
            );
        }
        let sanic = read("python async api, not sanic please");
        assert_eq!(values(&sanic.excluded_frameworks), ["sanic"]);
        assert_eq!(values(&sanic.languages), [Language::Python]);
    }

    #[test]
    fn every_example_shown_to_clients_reads_as_something() {
        for example in EXAMPLES {
            let read = read(example);
            assert!(
                read.use_case.is_some() && !read.languages.is_empty(),
                "{example}"
            );
        }
    }

    #[test]
    fn words_it_cannot_use_are_reported_and_nothing_usable_is_empty() {
        let hello = read("hello");
        assert!(hello.is_empty());
        assert_eq!(hello.unused, ["hello"]);
        assert!(read("what should I use?").is_empty());
    }

    #[test]
    fn echoed_words_are_clean_and_short() {
        let read = read(&format!("{} api real\u{202e}time", "x".repeat(1000)));
        assert!(
            read.unused
                .iter()
                .all(|w| w.chars().count() <= crate::echo::MAX_ECHO + 1 && !w.contains('\u{202e}'))
        );
    }
}
