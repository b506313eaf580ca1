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
    use super::*;

    fn read(text: &str) -> Interpretation {
        interpret(&Description::parse(text).unwrap())
    }

    fn values<T: Copy>(readings: &[Reading<T>]) -> Vec<T> {
        readings.iter().map(|r| r.value).collect()
    }

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
        let read =
            read("performance is nice to have, also good docs, but security is the top priority");
        assert_eq!(
            values(&read.priorities),
            [
                Dimension::Security,
                Dimension::Ecosystem,
                Dimension::Performance
            ]
        );
        let plain = self::read("fast, secure and typed");
        assert_eq!(
            values(&plain.priorities),
            [
                Dimension::Performance,
                Dimension::Security,
                Dimension::TypeSafety
            ]
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
        let no_features = |text: &str| read(text).required_features.is_empty();
        let no_use_case = |text: &str| read(text).use_case.is_none();
        // "don't need X" negates what follows, "X not needed" what precedes.
        let ship = first_priority("don't need to scale, I just need to ship");
        assert_eq!(ship, Some(Dimension::Productivity));
        assert!(no_features("we don't need websockets"));
        // Start-up time is serverless fit on Lambda, performance on Kubernetes.
        let pods = first_priority("startup time matters, we scale pods on kubernetes");
        assert_eq!(pods, Some(Dimension::Performance));
        let lambda = read("startup time matters, it runs on lambda");
        assert_eq!(values(&lambda.priorities), [Dimension::ServerlessFit]);
        // A shop with its language after it is a team; "going" is not Go.
        let team = read("our shop is mostly Java, going forward we want kotlin");
        assert!(team.use_case.is_none());
        assert!(!values(&team.languages).contains(&Language::Go));
        // A crowd in figures is a crowd in words; a person's speed is delivery.
        let crowd = read("push odds to 100k+ clients, I'm fastest in go");
        let expected = [Dimension::Scalability, Dimension::Productivity];
        assert_eq!(values(&crowd.priorities), expected);
        // "it" is what was named last; leaving a language leaves its frameworks.
        let done = read("looking for a php alternative, I'm done with it. open to go");
        assert_eq!(values(&done.excluded_languages), [Language::Php]);
        let left = read("we run a monolith on Symfony. we're leaving PHP behind");
        assert_eq!(values(&left.excluded_frameworks), ["symfony"]);
        // Compared, not chosen; a framework written in another language names that one.
        let compared = read("a C# framework as quick as Rails, with generators like Rails has");
        assert_eq!(values(&compared.languages), [Language::Csharp]);
        let kotlin = read("Ktor or Spring Boot with Kotlin?");
        assert_eq!(values(&kotlin.languages), [Language::Kotlin]);
        // Where it runs is not what it is; what a backend never is, is off topic.
        assert!(no_use_case(
            "we deploy everything to Cloudflare Workers, typescript"
        ));
        assert!(!no_use_case("a few lambdas to glue S3 events together"));
        assert!(read("how do i resolve a git merge conflict in vscode").is_off_topic());
        // Using a tool is not choosing one; what a site is about is not off topic.
        assert!(read("any good courses to learn docker?").is_off_topic());
        assert!(read("hosting a django app: which provider is cheaper?").is_off_topic());
        assert!(!read("a recipe sharing site with user accounts").is_off_topic());
        assert!(read("the difference between let and const in js?").is_off_topic());
        assert!(!read("the difference between django and flask for an api?").is_off_topic());
        // Hedged is not required; "#1" stresses; speed of development is delivery.
        assert!(no_features(
            "we might need websockets later. REST api in kotlin"
        ));
        let stressed = first_priority("security is priority #1, also good docs");
        assert_eq!(stressed, Some(Dimension::Security));
        let delivery = read("mainly need speed of development");
        assert_eq!(values(&delivery.priorities), [Dimension::Productivity]);
        let shipping = read("saas in go, speed of shipping above all");
        assert_eq!(values(&shipping.priorities), [Dimension::Productivity]);
        // Asking how well it sits on serverless is asking for serverless fit.
        let fit = read("which python framework works well on lambda?");
        assert_eq!(values(&fit.priorities), [Dimension::ServerlessFit]);
        // New to the language is a learner's need (docs/labelling.md); embedding a server
        // is not ML.
        let newbie = read("elixir newbie, phoenix for a chat app");
        assert_eq!(values(&newbie.priorities), [Dimension::EaseOfLearning]);
        let new_to_it = read("realtime app in elixir, we're all new to it");
        assert_eq!(values(&new_to_it.priorities), [Dimension::EaseOfLearning]);
        assert!(read("something new to us, a go api").priorities.is_empty());
        let embedded = read("embedding an http server in our c++ tool for a tiny api");
        assert_eq!(embedded.use_case.map(|u| u.value), Some(UseCase::RestApi));
        // Two names joined by "+"; the frontend's framework does not take the backend's.
        let joined = read("django vs fastapi+react for a saas?");
        assert_eq!(values(&joined.preferred_frameworks), ["django", "fastapi"]);
        // "like rails for rust": a framework standing for a kind in another language.
        let kind = read("loco looks like rails for rust");
        assert_eq!(values(&kind.preferred_frameworks), ["loco"]);
        let placed = read("a python api on lambda");
        assert!(placed.priorities.is_empty());
        // A short question answered by the next sentence; open, not ruled out.
        let answered = read("java? no thanks. python for an inventory system");
        assert_eq!(values(&answered.excluded_languages), [Language::Java]);
        let open = read("we're not married to python, could do go too");
        assert_eq!(values(&open.languages), [Language::Python, Language::Go]);
        // Forum shorthand: "w/o" is without, "w/" with.
        let shorthand = read("python api w/o django, cold starts are brutal w/ spring");
        assert_eq!(
            values(&shorthand.excluded_frameworks),
            ["django", "spring-boot"]
        );
        // Kept, not left: no framework is excluded.
        assert!(
            read("we're not leaving Django for the main product")
                .excluded_frameworks
                .is_empty()
        );
    }

    #[test]
    fn leaving_staying_and_weighing_are_read_as_a_person_reads_them() {
        // Leaving a place leaves the place, not the language that ran there.
        let place = read("leaving lambda + python for containers, fastapi?");
        assert_eq!(values(&place.languages), [Language::Python]);
        assert_eq!(place.deployment.unwrap().value, Deployment::Containers);
        assert!(place.use_case.is_none() && place.excluded_frameworks.is_empty());
        // Wanting out, being replaced, moving on: what is named is left.
        let out = read("we want out of PHP, something typed");
        assert_eq!(values(&out.excluded_languages), [Language::Php]);
        let replaced = read("our Express app is a mess and it's being replaced");
        assert_eq!(values(&replaced.excluded_frameworks), ["express"]);
        let before = read("the billing system is a Rails monolith we're retiring");
        assert_eq!(values(&before.excluded_frameworks), ["rails"]);
        // Staying is choosing; "the X of Y" and "X-level" compare.
        let staying = read("we're not abandoning the JVM, just Spring");
        assert_eq!(
            values(&staying.languages),
            [Language::Java, Language::Kotlin]
        );
        let kind = read("what's the rails of go?");
        assert_eq!(values(&kind.languages), [Language::Go]);
        assert!(kind.preferred_frameworks.is_empty());
        // What matters more than something else leaves the other out.
        let more = read("throughput matters way more than dev speed");
        assert_eq!(values(&more.priorities), [Dimension::Performance]);
        // The labour market and the frontend are not the backend's languages.
        let hiring = read("hiring Ruby devs here is hopeless, go or elixir?");
        assert_eq!(values(&hiring.languages), [Language::Go, Language::Elixir]);
        let front = read("no JS framework on the front, server-side templates in python");
        assert!(front.excluded_languages.is_empty());
        // TypeScript named narrows Node's frameworks to it.
        let typed = read("typescript only, express or fastify?");
        assert_eq!(values(&typed.languages), [Language::Typescript]);
        // Qualities alone do not make a backend: a column type question is off topic.
        assert!(read("is varchar slower than text in postgres performance-wise?").is_off_topic());
    }

    /// docs/labelling.md: fixing or using what one has is not choosing; a verdict asked about
    /// weighs the framework, one stated rules it out.
    #[test]
    fn fixing_what_one_has_and_weighing_a_framework_are_read_as_the_guide_says() {
        assert!(
            read("why does my rails migration fail after a rebase of the schema?").is_off_topic()
        );
        assert!(read("how do I stop my spring app leaking connections under load").is_off_topic());
        assert!(
            !read("why is everyone recommending fastapi over flask these days?").is_off_topic()
        );
        // Trouble with what one has, asked about without a choice, is a fix to ask for.
        assert!(
            read("getting a 502 from my gunicorn django app, what am I missing?").is_off_topic()
        );
        assert!(read("can't get CORS working with my go gin server").is_off_topic());
        assert!(read("what's the best way to structure a large express project?").is_off_topic());
        assert!(!read("our express api crashes under load, need something faster").is_off_topic());
        assert!(read("upgrading from django 3 to 5, any gotchas?").is_off_topic());
        assert!(
            read("what does the @Transactional annotation actually do in spring?").is_off_topic()
        );
        assert!(!read("looking at grape for a ruby api, any gotchas?").is_off_topic());
        assert!(
            read("is it normal for a junior backend dev to earn 50k in berlin?").is_off_topic()
        );
        assert!(!read("how do I build a realtime chat backend in go?").is_off_topic());
        assert!(!read("what does everyone use for backend these days?").is_off_topic());
        assert!(!read("any tips for picking a backend framework?").is_off_topic());
        assert!(!read("what does django offer for an internal admin tool?").is_off_topic());
        let switching =
            read("Laravel is getting long in the tooth, thinking about switching to Go");
        assert_eq!(values(&switching.excluded_frameworks), ["laravel"]);
        assert_eq!(values(&switching.languages), [Language::Go]);
        let offered = read("should we stay on laravel or switch to go?");
        assert_eq!(values(&offered.preferred_frameworks), ["laravel"]);
        let told = read("Spring Boot is way overkill for our lambdas, what else in java?");
        assert_eq!(values(&told.excluded_frameworks), ["spring-boot"]);
        let to_go = read("our flask api leaks memory, is it time to switch to go?");
        assert_eq!(values(&to_go.languages), [Language::Go]);
        assert!(
            read("Django keeps throwing 'CSRF verification failed' on my login form")
                .is_off_topic()
        );
        let choice = read("our express app leaks memory under load, should we move to go?");
        assert!(!choice.is_off_topic());
        assert_eq!(values(&choice.excluded_frameworks), ["express"]);
        let asked = read("is laravel overkill for a tiny webhook api?");
        assert_eq!(values(&asked.preferred_frameworks), ["laravel"]);
        let stated = read("laravel is overkill here, php still");
        assert_eq!(values(&stated.excluded_frameworks), ["laravel"]);
        let lighter = read("everyone says spring boot. I want something lighter, java");
        assert_eq!(values(&lighter.excluded_frameworks), ["spring-boot"]);
        let tried = read("tried django, hated the magic. python api");
        assert_eq!(values(&tried.excluded_frameworks), ["django"]);
        // What the writer has used is context when they ask for another language.
        let other = read("I'm best at Java but want to try Kotlin for a REST api");
        assert_eq!(values(&other.languages), [Language::Kotlin]);
        let same = read("php dev here, laravel or symfony for a small shop?");
        assert_eq!(values(&same.languages), [Language::Php]);
        // A verdict already given is not taken back by asking for something lighter.
        let judged = read("symfony is way too much config for this. something lighter in php?");
        assert_eq!(values(&judged.excluded_frameworks), ["symfony"]);
        let slim = read("php api, symfony? slim? and a slim docker image");
        assert_eq!(values(&slim.preferred_frameworks), ["symfony", "slim"]);
        // docs/labelling.md's own examples.
        let racks = read("Not serverless, we have racks. go api");
        assert_eq!(racks.deployment.map(|d| d.value), Some(Deployment::Servers));
        assert!(
            read("like express but typed")
                .preferred_frameworks
                .is_empty()
        );
        let load = read("millions of msgs a second, java");
        assert_eq!(values(&load.priorities), [Dimension::Performance]);
        let pushed = read("stock prices pushed live to the browser, go or rust");
        assert_eq!(values(&pushed.required_features), [Feature::Websockets]);
        let split = read("splitting our monolith into a few services on k8s, go?");
        assert_eq!(
            split.use_case.map(|u| u.value),
            Some(UseCase::Microservices)
        );
        let gym = read("a booking system for a gym with accounts and payments, php");
        assert_eq!(values(&gym.required_features), [Feature::Auth]);
        // Chat runs over websockets (docs/labelling.md).
        let chat = read("a discord-like chat for my friends, go");
        assert_eq!(values(&chat.required_features), [Feature::Websockets]);
        // docs/labelling.md's feature rows, as it words them.
        let features = |text: &str| values(&read(text).required_features);
        assert_eq!(
            features("server side pages with htmx, no SPA, python"),
            [Feature::Templating]
        );
        assert_eq!(
            features("we need docs for the mobile team, go api"),
            [Feature::OpenapiDocs]
        );
        assert_eq!(
            features("a CLI that generates the code for us, ruby"),
            [Feature::CliScaffolding]
        );
        assert_eq!(
            features("emails sent later, long tasks off the request, django"),
            [Feature::BackgroundJobs]
        );
        assert_eq!(
            features("a database layer with models mapped to tables, go"),
            [Feature::Orm]
        );
        let bundles = read("small bundles for our functions, typescript on lambda");
        assert_eq!(values(&bundles.priorities), [Dimension::ServerlessFit]);
        let moving = read("the current system is too slow, moving from php to go");
        assert_eq!(values(&moving.languages), [Language::Go]);
        // docs/labelling.md's use-case rows, as it words them.
        let kind = |text: &str| read(text).use_case.map(|u| u.value);
        assert_eq!(
            kind("webhooks on lambda for stripe events, typescript"),
            Some(UseCase::Serverless)
        );
        assert_eq!(
            kind("a tiny webhook receiver in python, three endpoints"),
            Some(UseCase::RestApi)
        );
        assert_eq!(
            kind("a system used by many teams with long support, java"),
            Some(UseCase::Enterprise)
        );
        assert_eq!(
            kind("a storefront for our brand, node"),
            Some(UseCase::Ecommerce)
        );
        let documents = read("collaborative editing for documents, elixir");
        assert!(documents.priorities.is_empty());
        // Many connections held open, or streamed responses, are async work.
        let held = read("holding lots of websocket connections, python");
        assert!(values(&held.required_features).contains(&Feature::AsyncNative));
        let streamed = read("an llm endpoint that streams responses, python");
        assert!(values(&streamed.required_features).contains(&Feature::AsyncNative));
        // "the whole point" stresses; a lot of records is data, not traffic.
        let point = read("typed and fast, but the whole point is shipping quickly. go api");
        assert_eq!(values(&point.priorities)[0], Dimension::Productivity);
        let rows = read("a dashboard over millions of rows of sales data, internal, C#");
        assert!(rows.priorities.is_empty());
        // A quality given as the reason for a feature is the feature's, not a priority.
        let reason = read("a blog for a newspaper, caching because traffic spikes, python");
        assert!(reason.priorities.is_empty());
        assert_eq!(values(&reason.required_features), [Feature::Caching]);
    }

    #[test]
    fn swift_scala_and_cpp_and_their_frameworks_are_read_by_name() {
        let languages = |text: &str| values(&read(text).languages);
        assert_eq!(
            languages("a backend in swift for our app"),
            [Language::Swift]
        );
        assert_eq!(
            languages("scala team, want something typed"),
            [Language::Scala]
        );
        assert_eq!(
            languages("must be C++, latency is everything"),
            [Language::Cpp]
        );
        let vapor = read("vapor or hummingbird for a REST api?");
        assert_eq!(
            values(&vapor.preferred_frameworks),
            ["vapor", "hummingbird"]
        );
        assert_eq!(values(&vapor.languages), [Language::Swift]);
        let play = read("Play Framework or http4s for a typed API");
        assert_eq!(values(&play.preferred_frameworks), ["play", "http4s"]);
        assert_eq!(values(&play.languages), [Language::Scala]);
        // The iOS app's Swift is the app's, not the backend's.
        assert_eq!(
            languages("ios app in swift, backend in kotlin"),
            [Language::Kotlin]
        );
        // A verb and a testing idea are not frameworks.
        let words = read("we want to play with a testing pyramid for our go rest api");
        assert!(words.preferred_frameworks.is_empty());
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
