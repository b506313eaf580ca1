//! What the reader knows: plain-word cues and what each one means. Cues are written the way
//! people write and pass through the search analyser like any text, so `scalable`,
//! `scaling` and `scale` meet on one stem and `k8s` on `kubernetes`.
//!
//! A cue is a phrase (alternatives separated by `|`); a phrase beginning with `=` matches
//! the word as written rather than its stem (`migrations` the feature, not `migrating`).
//! Where two cues overlap, the longer wins: `fast to develop` is productivity, `fast` alone
//! performance.

use crate::vocab::{Deployment, Dimension, Feature, Language, UseCase};

/// What a cue says about the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Meaning {
    /// The project is written in one of these languages.
    Languages(&'static [Language]),
    /// A framework of the catalog, by id, naming its language: preferred (and its language
    /// wanted) when chosen, excluded when negated or left, ignored when only a comparison.
    Framework(&'static str, Language),
    /// Evidence for a use case, with a weight: 3 says what the project is (chat, shop),
    /// 2 says it strongly (dashboard, REST), 1 hints (an API, a few lambdas).
    Project(UseCase, u8),
    Priority(Dimension),
    Needs(Feature),
    RunsOn(Deployment),
    /// Running servers by hand: a server deployment, or serverless when it is negated
    /// ("no servers to manage").
    ServerChores,
    /// A problem that asks for a quality, negated or not: "no boilerplate", "hates
    /// boilerplate" and "boilerplate" all ask for productivity.
    Pain(Dimension),
    /// Start-up time and memory: serverless fit on serverless, performance anywhere else
    /// (pods that scale up and down start fast too).
    Footprint,
    /// "fast": performance, unless it qualifies a productivity cue just before it
    /// ("crank out CRUD fast").
    Speed,
    /// Negates the signals it points at; `excludes` says a negated language is ruled out
    /// (not) rather than merely not required (not necessarily).
    Negation {
        toward: Toward,
        excludes: bool,
    },
    /// How much the text stresses the priority or feature it points at.
    Stressed {
        level: Stress,
        toward: Toward,
    },
    /// A framework or language next to it is a point of comparison ("laravel-like",
    /// "something like django") or what is being left ("our Java monolith", "legacy PHP"),
    /// not a choice.
    Reference {
        toward: Toward,
    },
    /// Leaving the framework or language ahead ("moving off Rails", "migrating from our PHP
    /// app"): a framework left is excluded; a language left is excluded when `excludes`
    /// ("getting rid of Java"), else only not wanted ("coming from Java").
    Leaving {
        excludes: bool,
    },
    /// Something lighter than a framework: the one after "than" ("lighter than laravel"), or
    /// else the one named last before it ("everyone says django, but I need something
    /// lighter"), judged too heavy and so ruled out. A language is never what is lighter.
    Lighter,
    /// A move elsewhere ("should we move to Go?"): what the writer has ("our Express app",
    /// named before it) is being left.
    MovingTo,
    /// What the writer knows or has used ("I know Java", "a Java dev"): context, not a
    /// choice, when the post asks for another language ("...but want to try Kotlin").
    Known {
        toward: Toward,
    },
    /// Another part of the system ("the frontend", "our mobile app"): a language named
    /// with it is that part's, not the backend's.
    Elsewhere,
    /// A handler of events ("webhooks", "a function per event"): a serverless project when
    /// it runs serverless ("webhooks on Lambda"), nothing of a kind anywhere else.
    Handler,
    /// What a backend project never is (a laptop, centring a div): text made only of these
    /// is off topic.
    OffTopic,
    /// Starts a new clause: negation and stress do not reach across it.
    ClauseBreak,
    /// Looks like a cue and is not ("not only", "no idea", "nosql").
    Neutral,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Toward {
    Ahead,
    Behind,
    /// The signal just before, if there is one close by, else the next one.
    Either,
}

/// Stress levels, weakest first; an unmarked mention is `Normal`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Stress {
    /// Nice to have: a weak priority, and a feature that is not required.
    Optional,
    /// Also, too, then: a weak priority; a feature still counts as required.
    Also,
    Normal,
    Strong,
}

use Meaning::{
    ClauseBreak, Elsewhere, Footprint, Framework, Handler, Known, Languages, Leaving, Lighter,
    MovingTo, Needs, Negation, Neutral, OffTopic, Pain, Priority, Project, Reference, RunsOn,
    ServerChores, Speed, Stressed,
};

const fn lang(languages: &'static [Language]) -> Meaning {
    Languages(languages)
}

pub(super) const NODE: &[Language] = &[Language::Javascript, Language::Typescript];
const JVM: &[Language] = &[Language::Java, Language::Kotlin];

const fn negation(toward: Toward) -> Meaning {
    Negation {
        toward,
        excludes: true,
    }
}

const fn stress(level: Stress, toward: Toward) -> Meaning {
    Stressed { level, toward }
}

/// The cue table, one cue a line: `"phrase|phrase" => meaning, meaning;`.
macro_rules! cues {
    ($($phrases:literal => $($meaning:expr),+;)*) => {
        &[$(($phrases, &[$($meaning),+])),*]
    };
}

/// Every cue, with what it means. A cue may mean several things at once (websockets are a
/// feature and a hint of real-time work).
pub(super) const CUES: &[(&str, &[Meaning])] = cues! {
    // Languages. Node.js is a runtime: both of its languages run on it; so is the JVM.
    "python|py|python3|pythonic|pythonista|pythonistas" => lang(&[Language::Python]);
    "javascript|vanilla js" => lang(&[Language::Javascript]);
    "node|deno|bun" => lang(NODE);
    "typescript|type script" => lang(&[Language::Typescript]);
    "go" => lang(&[Language::Go]);
    "java|j2ee|jakarta ee" => lang(&[Language::Java]);
    "jvm" => lang(JVM);
    "kotlin" => lang(&[Language::Kotlin]);
    "csharp|c sharp|dotnet|dot net" => lang(&[Language::Csharp]);
    "php" => lang(&[Language::Php]);
    "ruby|rubyist|rubyists" => lang(&[Language::Ruby]);
    "rust|rustlang|rustacean|rustaceans" => lang(&[Language::Rust]);
    "elixir|erlang" => lang(&[Language::Elixir]);
    "swift|server side swift|swift on the server" => lang(&[Language::Swift]);
    "scala" => lang(&[Language::Scala]);
    // `c++` reaches the reader as `cpp`.
    "cpp|c plus plus|cplusplus" => lang(&[Language::Cpp]);
    // The catalog's frameworks by name (ids as the catalog spells them).
    "django|django rest framework|drf" => Framework("django", Language::Python);
    "flask" => Framework("flask", Language::Python);
    "fastapi" => Framework("fastapi", Language::Python);
    "django admin" => Framework("django", Language::Python), Needs(Feature::AdminPanel);
    "express|expressjs" => Framework("express", Language::Javascript);
    "koa" => Framework("koa", Language::Javascript);
    "fastify" => Framework("fastify", Language::Javascript);
    "hapi|hapijs|hapi js" => Framework("hapi", Language::Javascript);
    "nestjs|nest js|=nest" => Framework("nestjs", Language::Typescript);
    "adonis|adonisjs" => Framework("adonisjs", Language::Typescript);
    "hono" => Framework("hono", Language::Typescript);
    "gin" => Framework("gin", Language::Go);
    "echo" => Framework("echo", Language::Go);
    "fiber" => Framework("fiber", Language::Go);
    "spring|spring boot|springboot" => Framework("spring-boot", Language::Java);
    "micronaut" => Framework("micronaut", Language::Java);
    "quarkus" => Framework("quarkus", Language::Java);
    "ktor" => Framework("ktor", Language::Kotlin);
    "aspnet|asp net|aspnet core|asp net core|aspnet core minimal api|aspnet core minimal apis|asp net core minimal api|asp net core minimal apis|dotnet minimal api|dotnet minimal apis|minimal apis in dotnet" => Framework("aspnet-core", Language::Csharp);
    "laravel" => Framework("laravel", Language::Php);
    "symfony" => Framework("symfony", Language::Php);
    "rails|ruby on rails|ror" => Framework("rails", Language::Ruby);
    "sinatra" => Framework("sinatra", Language::Ruby);
    "actix|actix web" => Framework("actix-web", Language::Rust);
    "axum" => Framework("axum", Language::Rust);
    "rocket" => Framework("rocket", Language::Rust);
    "phoenix" => Framework("phoenix", Language::Elixir);
    "litestar|starlite" => Framework("litestar", Language::Python);
    "sanic" => Framework("sanic", Language::Python);
    "starlette" => Framework("starlette", Language::Python);
    "aiohttp" => Framework("aiohttp", Language::Python);
    "tornado" => Framework("tornado", Language::Python);
    "falcon" => Framework("falcon", Language::Python);
    "pyramid" => Framework("pyramid", Language::Python);
    "testing pyramid|test pyramid" => Neutral;
    "slim framework|slim php|slimphp|slim 4|=slim" => Framework("slim", Language::Php);
    // Slim the adjective.
    "slim binary|slim binaries|slim image|slim images|slim docker|slim container|slim down|slim footprint" => Neutral;
    "codeigniter|code igniter|ci4" => Framework("codeigniter", Language::Php);
    "cakephp|cake php" => Framework("cakephp", Language::Php);
    "yii|yii2" => Framework("yii", Language::Php);
    "elysia|elysiajs" => Framework("elysia", Language::Typescript);
    "feathers|feathersjs" => Framework("feathers", Language::Typescript);
    "loopback framework|loopback 4|loopback4|loopbackjs|lb4|strongloop|=loopback" => Framework("loopback", Language::Typescript);
    "sails|sailsjs" => Framework("sails", Language::Javascript);
    "chi|go chi|chi router" => Framework("chi", Language::Go);
    "beego" => Framework("beego", Language::Go);
    "go zero|gozero" => Framework("go-zero", Language::Go);
    "loco|loco rs|locors" => Framework("loco", Language::Rust);
    "poem" => Framework("poem", Language::Rust);
    "warp" => Framework("warp", Language::Rust);
    "vertx|vert x" => Framework("vertx", Language::Java);
    "javalin" => Framework("javalin", Language::Java);
    "helidon" => Framework("helidon", Language::Java);
    "dropwizard" => Framework("dropwizard", Language::Java);
    "http4k" => Framework("http4k", Language::Kotlin);
    "hanami" => Framework("hanami", Language::Ruby);
    "roda" => Framework("roda", Language::Ruby);
    "grape" => Framework("grape", Language::Ruby);
    "vapor" => Framework("vapor", Language::Swift);
    "hummingbird" => Framework("hummingbird", Language::Swift);
    "play framework|playframework|play scala|scala play|=play" => Framework("play", Language::Scala);
    "http4s" => Framework("http4s", Language::Scala);
    "drogon" => Framework("drogon", Language::Cpp);
    "crow|crowcpp" => Framework("crow", Language::Cpp);
    // Use cases.
    "realtime|messaging|messenger|multiplayer|game server|presence|typing indicators|collaborative|collaboration tool|live dashboard|live scores|pub sub|updates live|update live|updated live|update instantly|updates instantly|update in real time|updates in real time|live auction|auction|auctions|live bidding" => Project(UseCase::Realtime, 3);
    // Chat runs over websockets (docs/labelling.md: "chat, socket.io, channels").
    "chat|chats|live chat|in app chat|group chat" => Project(UseCase::Realtime, 3), Needs(Feature::Websockets);
    "streaming|streams|push|pushes|pushed|pushing" => Project(UseCase::Realtime, 2);
    "live" => Project(UseCase::Realtime, 1);
    "rest api|restful|rest|json api|web api|crud api|mobile backend|mobile app backend|app backend|backend for a mobile app|backend for our mobile app|backend for my mobile app|backend for our android app|backend for our ios app|backend for our app|backend for my app|backend for a react native app|backend for an ios app|backend for an android app|backend for a flutter app|api for a mobile app|api for our mobile app|api for our app|graphql" => Project(UseCase::RestApi, 2);
    "api|apis|endpoint|endpoints" => Project(UseCase::RestApi, 1);
    // "a backend for a habit tracker app": the backend of an app, when an app follows (read
    // in `surroundings.rs`); "what backend for a beginner" names no project.
    "backend for|backends for" => Project(UseCase::RestApi, 1);
    "microservice|service mesh|into services|=small services|=independent services|a few services|few services|handful of services|several services|multiple services" => Project(UseCase::Microservices, 3);
    "grpc" => Project(UseCase::Microservices, 2);
    // "into a dozen services", "~12 services": services counted are several (read in
    // `surroundings.rs`); "our services" alone are not.
    "=services" => Project(UseCase::Microservices, 3);
    // A system for the public sector's large organisations (docs/labelling.md: enterprise).
    "government agency|government agencies|public sector|ministry|municipality|case management" => Project(UseCase::Enterprise, 3);
    // Events processed by the stream, sized by their rate.
    "stream processor|stream processing|event processing|clickstream|per minute" => Project(UseCase::HighThroughput, 2);
    "full stack|fullstack" => Project(UseCase::FullstackWeb, 3);
    "web app|webapp|web application|website|saas" => Project(UseCase::FullstackWeb, 2);
    // "a booking site", "a pet adoption site": a website, when nothing says more.
    "=site|=sites" => Project(UseCase::FullstackWeb, 1);
    "enterprise|corporate|large company|big company|erp|many teams|several teams|multiple teams|dozen teams|lots of teams|long term support|long support|hr|human resources|payroll|hr system|intranet|employee portal|internal portal|fortune 500|procurement|approval workflow|approval workflows|multi step approvals" => Project(UseCase::Enterprise, 3);
    "bank|banking|insurance|fintech|large codebase|large team|big team|many developers|hundreds of developers" => Project(UseCase::Enterprise, 2);
    "data driven|data heavy|data centric|internal tool|data entry|data management|complex data" => Project(UseCase::DataDriven, 3);
    "admin heavy" => Project(UseCase::DataDriven, 3), Needs(Feature::AdminPanel);
    // An admin tool is the admin panel itself, as the product's staff use it; so is staff
    // editing records through the product (docs/labelling.md: features said as behaviour).
    "admin tool|admin tools|admin tooling" => Project(UseCase::DataDriven, 3), Needs(Feature::AdminPanel);
    "edit records|edit the records|editing records|edits records" => Needs(Feature::AdminPanel);
    "reporting|analytics|dashboard|inventory" => Project(UseCase::DataDriven, 2);
    // CRUD is what most backends do; over records kept for staff it is data-driven.
    "crud" => Project(UseCase::DataDriven, 1);
    "records|=forms|exports" => Project(UseCase::DataDriven, 1);
    "ecommerce|e commerce|online store|online shop|webshop|web shop|storefront|storefronts|shopify|=shopping|cart|checkout|marketplace|online ordering|order online|orders online|online payments" => Project(UseCase::Ecommerce, 3);
    // "a shop" alone: a store, unless a team is meant ("a .NET shop"), which resolve tells.
    "=shop|=shops" => Project(UseCase::Ecommerce, 2);
    "product catalog|product pages|=products" => Project(UseCase::Ecommerce, 1);
    "cms|content management|blog|news site|publishing|editorial|content heavy|content site|magazine" => Project(UseCase::Cms, 3);
    "marketing site|wiki|documentation site" => Project(UseCase::Cms, 2);
    "prototype|prototyping|rapid prototyping|mvp|proof of concept|poc|hackathon|quick and dirty|throwaway" => Project(UseCase::Prototyping, 3);
    "demo" => Project(UseCase::Prototyping, 1);
    "realtime bidding|real time bidding|rtb|firehose|bid requests|ad bidding|ad server|ad serving|ad tech|stock ticks|tick data|market data|order book|high frequency trading|hft" => Project(UseCase::HighThroughput, 3);
    "high throughput" => Project(UseCase::HighThroughput, 3);
    "high volume|high traffic|heavy traffic|heavy load|under load|under heavy load" => Priority(Dimension::Performance);
    // A rate says how much load, a hint of the kind of project at most.
    "requests per second|events per second|messages per second|per second|per sec|rps|qps" => Project(UseCase::HighThroughput, 1);
    // A crowd of requests a second ("20k rps", "200k req/s") says both what the project is and
    // that speed at run time matters.
    "many rps|many qps|many req s|many reqs|many req sec|many events s|many events sec|many msg s|many msgs s|many msg sec|many msgs sec|many messages s|many messages sec|many ops s|many ops sec|many tps|many requests per second|many requests a second|many requests per sec|many requests|many events per second|many messages per second|many predictions s|many predictions sec|many predictions per second|many inferences s|many inferences per second|many updates per second|many updates s" => Project(UseCase::HighThroughput, 2), Priority(Dimension::Performance);
    // A lot of records is data, not traffic (docs/labelling.md: data_driven).
    "millions of rows|millions of records|millions of documents|millions of entries|many rows|many records" => Project(UseCase::DataDriven, 1);
    // "millions of msgs a second": a load, said in words.
    "millions of msgs|millions of messages|millions of requests|millions of events|millions of req|millions of reqs" => Project(UseCase::HighThroughput, 2), Priority(Dimension::Performance);
    // Functions behind AWS's API Gateway: no gateway is being built.
    "behind api gateway|behind an api gateway|behind aws api gateway|behind the api gateway" => RunsOn(Deployment::Serverless);
    "ingestion|telemetry|proxy|gateway" => Project(UseCase::HighThroughput, 2);
    "throughput" => Project(UseCase::HighThroughput, 1), Priority(Dimension::Performance);
    "ml|machine learning|model serving|serve a model|serving models|inference|ai|llm|recommendation engine|computer vision|nlp" => Project(UseCase::MlServing, 3);
    // Libraries that exist only for Python name it.
    "scikit|scikit learn|sklearn|keras|pandas" => Project(UseCase::MlServing, 3), lang(&[Language::Python]);
    "pytorch|tensorflow" => Project(UseCase::MlServing, 3);
    "chatbot|=embeddings|=embedding|data science" => Project(UseCase::MlServing, 2);
    "model|serving" => Project(UseCase::MlServing, 1);
    // The shapes of the data, not a learned model.
    "share models|shared models|data models|models and controllers" => Neutral;
    // Deployment. Where it runs is not what it is ("a game backend, serverless preferred"):
    // only functions named as what is built make a serverless project ("a few lambdas",
    // "a webhook on cloud functions").
    "serverless|lambda|aws lambda|cloudflare workers|vercel|netlify|no servers|without servers" => RunsOn(Deployment::Serverless);
    "=lambdas|cloud functions|cloud function|azure functions|azure function|faas|serverless functions|serverless function|lambda functions|lambda function|aws lambda functions|aws lambda function|vercel functions|a tiny lambda|a small lambda|one lambda" => RunsOn(Deployment::Serverless), Project(UseCase::Serverless, 1);
    "workers runtime|worker runtime|the workers runtime|edge runtime|edge functions" => RunsOn(Deployment::Serverless);
    "di container|ioc container|dependency injection container" => Needs(Feature::DependencyInjection);
    "webhook|webhooks|webhook receiver|webhook handler|webhook handling|webhook processor|event handler|event handlers|per event|http triggers" => Handler;
    "docker|container|containers|containerized|containerised|kubernetes|ecs|fargate|eks|gke|aks|openshift|helm|cloud run|nomad|podman" => RunsOn(Deployment::Containers);
    "vm|vms|virtual machine|virtual machines|bare metal|ec2|vps|on prem|on premise|on premises|onprem|dedicated server|shared hosting|cpanel|droplet|hetzner|linode|our own servers|own servers|racked servers|=racks|our racks|own racks|server racks|our own hardware|own hardware|colocation|colo|in house servers" => RunsOn(Deployment::Servers);
    // Machines the writer owns or rents, by any name ("our own gpu boxes", "two VPSes",
    // "windows servers"; "self-hosted" alone says no more than "not a managed service").
    "gpu box|gpu boxes|gpu server|gpu servers|dedicated box|dedicated boxes|rented box|rented boxes|own box|own boxes|linux box|linux boxes|colo box|colo boxes|vpses|vpss|windows server|windows servers|physical server|physical servers|rented server|rented servers|own metal|own iron|ovh|vultr|scaleway|lightsail|compute engine|gce|datacenter|data center|datacentre|our machines|own machines|physical machines" => RunsOn(Deployment::Servers);
    // Hosts that run a container image the writer builds.
    // Servers and boxes as people name where a thing runs ("on cheap arm servers we own",
    // "the uni's servers", "two rented gpu boxes"); but servers that do a job of the system
    // ("web servers", "model servers") or that the writer keeps running are not a host.
    "=servers|=boxes" => RunsOn(Deployment::Servers);
    "=web servers|=model servers|=mcp servers|=inference servers|=mail servers|=dns servers|=run servers|=running servers|=manage servers|=managing servers|=maintain servers|=patch servers|=babysit servers" => Neutral;
    "app runner|fly io|flyio|container apps|azure container apps" => RunsOn(Deployment::Containers);
    "=pods|=pod" => RunsOn(Deployment::Containers);
    "php hosting|shared php hosting" => RunsOn(Deployment::Servers), lang(&[Language::Php]);
    "manage servers|maintain servers|babysit servers|patch servers|server management|provision servers" => ServerChores;
    // Priorities.
    "fast|quick|quickly|speedy|speed" => Speed;
    "performance|performant|perf|latency|low latency|raw speed|raw performance|blazing|high performance|high perf|snappy|sub millisecond|millisecond|p99|p95|p999|tail latency|1ms|sub ms|every ms|every millisecond|milliseconds|microsecond|microseconds|nanosecond|nanoseconds|low overhead|minimal overhead|little overhead|fast at runtime|fast responses|fast response times" => Priority(Dimension::Performance);
    "scale|scalable|scalability|scaling|scale horizontally|millions of users|millions of|lots of traffic|traffic|traffic spikes|flash sale|flash sales|many users|many clients|many connections|many visits|many visitors|many pageviews|many page views|many concurrent users|many devices|many customers|spikes|high load|high concurrency|concurrency|thousands of clients|thousands of users|handle load|elastic|spiky|bursty|black friday|falls over|fall over|falling over|peak traffic" => Priority(Dimension::Scalability);
    "easy to learn|easy to pick up|learning curve|beginner|beginners|beginner friendly|newcomer|newcomers|junior|juniors|newbie|noob|new to|first time|never built|never done|never did|never written|never coded|quick to learn|fast to learn|quick to pick up|fast to pick up|learn|learning|=intern|=interns|bootcamp|=easy|=easier|=easiest|easy to use" => Priority(Dimension::EaseOfLearning);
    "up and running|get it running|get something running|get going fast|in a month|within a month|in a few weeks|within weeks|in weeks|in six weeks|in 6 weeks|in three weeks|in 3 weeks|by end of month|by the end of the month|out the door|first version out|get it out fast|=productivity|=productive|=ship|speed of development|development speed|dev speed|speed of iteration|iteration speed|ship fast|move fast|build fast|develop fast|fast to develop|fast to build|fast development|develop quickly|build quickly|ship quickly|rapid development|batteries included|get things done|get it done|getting it done|get stuff done|deadline|deadlines|time to market|speed of delivery|delivery speed|fast turnaround|quick turnaround|turnaround|asap|tight deadline|iterate quickly|iterate fast|velocity|crank out|convention over configuration|in an hour|in like an hour|up in an hour|within an hour|in a few hours|in a weekend|over a weekend|in a day|in two days|48h|48 hours|24 hours|dx|developer experience|dev experience|ergonomics|ergonomic|=compile times|=build times|two weeks|2 weeks|done by|by next week" => Priority(Dimension::Productivity);
    "ecosystem|=libraries|lots of libraries|many libraries|packages|plugins|community support|large community|big community|biggest community|active community|strong community|good community|huge community|popular|mature|easy to hire|=hire|hire developers|hire devs|good docs|=documentation|=integrations|stack overflow" => Priority(Dimension::Ecosystem);
    "security|secure|safe|compliance|compliant|hipaa|pci|gdpr|soc2|soc 2|iso 27001|regulator|regulators|regulated|regulatory|audit|audits|auditors|sensitive data|customer data|medical data|patient data|personal data|pii|vulnerabilities|owasp|hardened" => Priority(Dimension::Security);
    "type safety|type safe|typesafe|typed|strongly typed|statically typed|static typing|static types|strong typing|compile time|type checking" => Priority(Dimension::TypeSafety);
    "cold start|cold starts|coldstart|coldstarts" => Pain(Dimension::ServerlessFit);
    "small bundles|small bundle|tiny bundles|bundle size|startup time|fast startup|start fast|starts fast|quick startup|boot time|fast to boot|quick to boot|boots fast|boots quickly|boot fast|boot quickly|fast boot|quick boot|fast to start|quick to start|starts quickly|memory footprint|footprint|small binary|binary size|low memory|lower memory|less memory|memory usage|memory hungry|memory hog" => Footprint;
    "raw throughput" => Priority(Dimension::Performance), Project(UseCase::HighThroughput, 2);
    "boilerplate|callback hell" => Pain(Dimension::Productivity);
    // What is slow to build costs time.
    "slow to build|slower to build|slow to develop|slower to develop|slow to ship|slower to ship|slow to write|slower to write|slow to iterate" => Priority(Dimension::Productivity);
    // "hiring Ruby devs here is impossible": the labour market, not the backend's language.
    "=hiring|=recruiting" => Priority(Dimension::Ecosystem), Elsewhere;
    // People nobody can hire for ask for a language many people know.
    "not hire|cannot hire|hard to hire|struggle to hire|talent pool|bigger talent pool|hiring pool" => Pain(Dimension::Ecosystem);
    // "we can't hire for it anymore": what it is, is being left.
    "not hire for|cannot hire for|hard to hire for|struggle to hire for" => Pain(Dimension::Ecosystem), Leaving { excludes: false };
    // The pain and where it is felt: "drowning in boilerplate with Express" is leaving it.
    "boilerplate with|boilerplate in|callback hell with|callback hell in" => Pain(Dimension::Productivity), Leaving { excludes: false };
    "runtime errors|type errors" => Pain(Dimension::TypeSafety);
    // Knowing nothing of the backend yet is being new to it (docs/labelling.md: "new to
    // backend").
    "know zero|zero backend|zero experience|no backend experience|not know anything about|know nothing about|know nothing of|not know much about" => Priority(Dimension::EaseOfLearning);
    // Mistakes caught before running, said of the compiler or the types (docs/labelling.md:
    // "compile-time checks").
    "compiler catches|compiler to catch|compiler catch|caught by the compiler|catch mistakes before|catch bugs before|caught before runtime|compiler checks|checked by the compiler|compiler checked|types catch|types to catch" => Priority(Dimension::TypeSafety);
    // Finding people to hire is the ecosystem (docs/labelling.md: "hiring").
    "finding developers|find developers|finding devs|find devs|find engineers|finding engineers|hire for|developers are easy to find|devs are easy to find|people who know it" => Priority(Dimension::Ecosystem);
    "complicated|too complicated|overcomplicated|over complicated|too hard|hard to learn|too difficult|steep learning curve|how to code|idk much|not know much|little experience|no experience|not much experience|not want to learn|not wanna learn|no time to learn|without learning|inexperienced|kinda new|pretty new|fairly new|new at this|my first|first backend" => Pain(Dimension::EaseOfLearning);
    "slow|too slow|sluggish|laggy|bottleneck" => Pain(Dimension::Performance);
    // "python's too slow for us": the language or framework before it is ruled out.
    "too slow for us|too slow for our needs|too slow for this|got too slow|got way too slow|way too slow|far too slow" => Pain(Dimension::Performance), negation(Toward::Behind);
    // Features.
    "websocket server|websockets server|socket server|long polling" => Needs(Feature::Websockets), Project(UseCase::Realtime, 3);
    // Connections held open by the many are async work too (docs/labelling.md).
    "websocket connections|websocket clients" => Needs(Feature::Websockets), Needs(Feature::AsyncNative), Project(UseCase::Realtime, 3);
    "websocket|websockets|web sockets|web socket|socket io|socketio|sockets|live updates|push updates|server push" => Needs(Feature::Websockets);
    // Notifications pushed as they happen are websockets' work (docs/labelling.md).
    "realtime notifications|real time notifications|live notifications|realtime updates|real time updates" => Needs(Feature::Websockets), Project(UseCase::Realtime, 3);
    "admin|admin panel|admin ui|admin interface|admin dashboard|admin site|admin area|back office|backoffice" => Needs(Feature::AdminPanel);
    "orm|object relational|entity framework|hibernate|sqlalchemy|active record|database models|prisma|typeorm|ecto|eloquent|ef core|efcore|entity framework core" => Needs(Feature::Orm);
    "=migrations|schema migrations|database migrations|db migrations" => Needs(Feature::Migrations);
    "auth|authentication|authorization|login|log in|sign in|signin|sign up|signup|user accounts|oauth|sso|jwt|active directory|role based access|rbac|permissions|oauth2|oauth 2|roles and permissions|user roles|=roles|player accounts|employer accounts|member accounts|student accounts|with accounts" => Needs(Feature::Auth);
    "templating|templates|template|jinja|htmx|server side pages|server side html|no spa|without a spa|not a spa|no single page app" => Needs(Feature::Templating);
    // Pages rendered on the server are a web application's.
    "server rendered|server side rendered|server side rendering|server rendering|ssr|html pages|multi page" => Needs(Feature::Templating), Project(UseCase::FullstackWeb, 2);
    "validation|validate|request validation|input validation|pydantic" => Needs(Feature::Validation);
    "openapi|openapi docs|api docs|api documentation|automatic docs|auto docs|interactive docs|generated docs|docs for the|docs for our|docs for other teams" => Needs(Feature::OpenapiDocs);
    "dependency injection|di|ioc|inversion of control" => Needs(Feature::DependencyInjection);
    "async|asynchronous|async io|async await|non blocking|nonblocking|event loop|asyncio|asgi|coroutine|coroutines|goroutines|green threads|async support" => Needs(Feature::AsyncNative);
    "background jobs|background job|background workers|background tasks|job queue|job queues|task queue|queues|workers|scheduled tasks|cron|cron jobs|celery|sidekiq|reminder|reminders|nightly jobs|nightly reports|nightly batch|runs nightly|batch jobs|background processing|async processing|async jobs|job processing|on a schedule|every few minutes|every minute|every hour|every night|periodically|periodic jobs|scheduled jobs" => Needs(Feature::BackgroundJobs);
    "caching|cache|memcached" => Needs(Feature::Caching);
    // Work done off the request, in other words (docs/labelling.md: "jobs, queues, workers").
    "in the background|done in the background|run in the background|sent in the background|out in the background|cleanup jobs|nightly cleanup|cleanup tasks|sqs" => Needs(Feature::BackgroundJobs);
    // Pages the server renders, in other words (docs/labelling.md: templating).
    "rendered server side|rendered on the server|rendered by the server|server generated html|server generated pages|server rendered html" => Needs(Feature::Templating);
    // What the browser shows changes with no reload: pushed live (docs/labelling.md).
    "without refresh|without refreshing|without a refresh|without reloading|without a reload|no refresh|no reloading|no page reload|no page reloads" => Needs(Feature::Websockets);
    "concurrent requests|simultaneous requests|simultaneous connections|parallel requests" => Needs(Feature::AsyncNative);
    "api keys|api key|access tokens|access token" => Needs(Feature::Auth);
    // Work done after the answer (docs/labelling.md: "emails sent later, long tasks off the
    // request").
    "emails sent later|send emails later|sent later|long tasks|long running tasks|long running jobs|off the request|email jobs" => Needs(Feature::BackgroundJobs);
    // A database layer asked for as a feature (docs/labelling.md), not a learned model.
    "models mapped to tables|mapped to tables|database layer|data access layer" => Needs(Feature::Orm);
    // Many connections held open, or responses streamed, are async work (docs/labelling.md:
    // "many concurrent connections or streams").
    "concurrent connections" => Needs(Feature::AsyncNative), Priority(Dimension::Scalability);
    "concurrent clients|open connections|long lived connections" => Needs(Feature::AsyncNative);
    "many connected clients" => Needs(Feature::AsyncNative), Priority(Dimension::Scalability);
    "streams responses|streaming responses|stream responses|streams tokens|streaming tokens|stream tokens" => Needs(Feature::AsyncNative);
    "scaffolding|scaffold|=generators|=generator|code generation|code generators|cli generators|generates the code|generate the code|generates code|creates the code|cli that generates|cli that creates" => Needs(Feature::CliScaffolding);
    // Negation.
    "not|no|without|never|avoid|anything but|anything except|except|other than|rather not|instead of|rather than|no more|steer clear of|away from|sick of|tired of|done with|nothing in|allergic to|had enough|had enough of|enough of|had it with|fed up with|stay away from|keep away from|excluding|except for|anything other than|please no|definitely not|absolutely not|nobody wants|no one wants|nobody likes|no one likes|not stand|not a fan of|burned out on|burnt out on|stop recommending|stop suggesting|refuses to|refuse to|refused to" => negation(Toward::Ahead);
    "no go|nogo|too big|too heavy|too bloated|bloated|too much|way too much|too barebones|too magic|too much magic|not an option|not option|is out|out of the question|off the table|not allowed|not welcome|not needed|not required|not necessary|unnecessary|overkill|not important|not a priority|not a concern|not an issue|not a big deal|not critical|not matter|banned|forbidden|no thanks|not a must|not cutting it|not cut it|unmaintainable|is a mess|feels like magic|feel like magic|too magical" => negation(Toward::Behind);
    // Verdicts told after the name ("django is a hard no", "express burned us", "rails was a
    // mistake", "PHP is dead to us", "keep php out of it"), and failures or misfits told of
    // it ("the node service is hitting its limits", "our flask app turned into a mess",
    // "vapor is more than we need"): each rules out what it follows.
    "hitting its limits|hit its limits|hitting the limits|at its limits|reached its limits|reaching its limits|become a mess|became a mess|turned into a mess|too bare|too minimal|more than we need|more than i need|more than we needed|hard no|big no|firm no|nope|burned us|burnt us|burned me|burnt me|bit us|bitten us|let us down|failed us|a mistake|was a mistake|big mistake|dead to us|dead to me|out of it|out of this|out of the picture|out of the stack|nightmare|a nightmare|was a nightmare|was hell|a disaster|was a disaster|nothing but pain|nothing but trouble|nothing but problems|a dealbreaker|dealbreaker|deal breaker" => negation(Toward::Behind);
    // A verdict on what someone else proposed, said of "that" ("the CTO wants Rust. I think
    // that's insane"): on the name "that" stands for.
    "that s insane|that is insane|that s crazy|that is crazy|that s nuts|that s a bad idea|that is a bad idea|that s a terrible idea|that s overkill|that is overkill|that s a mistake|that would be a mistake" => negation(Toward::Behind);
    // Refusals told after the name ("laravel has to go", "java is a non-starter").
    "has to go|have to go|needs to go|need to go|must go|gotta go|got to go|non starter|nonstarter|a non starter" => negation(Toward::Behind);
    // Ruled out, or never again: on what follows ("ruled out django"), else on what was just
    // named or asked ("django was ruled out", "rails? never again.").
    "ruled out|rule out|ruling out|rules out|never again" => negation(Toward::Either);
    // A verdict after trying: on what follows ("hate boilerplate"), else on what was just
    // named ("tried spring, hated the annotation soup").
    "hate|hated|hates|dislike|disliked|dislikes" => negation(Toward::Either);
    // Judged too heavy: "lighter than laravel", "django is the default, but anything lighter?".
    "lighter|something lighter|anything lighter|lighter than|something lighter than|anything lighter than|leaner|leaner than" => Lighter;
    // A rewrite as a noun: of what the writer has, named before ("inherited a yii app …
    // approved a full rewrite"), or after "of".
    "full rewrite|complete rewrite|total rewrite|approved a rewrite|planning a rewrite|plan a rewrite|considering a rewrite|needs a rewrite|need a rewrite|time for a rewrite" => MovingTo;
    "move on to|moving on to|move to|moving to|switch to|switching to|migrate to|migrating to|jump to|port to|porting to|rewrite in|rewrite it in" => MovingTo;
    // A move of "it", "the thing", "the whole app": of what the writer has, named before.
    "rewriting it in|rebuild it in|rebuilding it in|redo it in|port it to|porting it to|move it to|moving it to|migrate it to|migrating it to|rewrite the thing in|rewrite the whole thing in|rewriting the whole thing in|rebuild the whole thing in|rewrite everything in|rewrite the app in|rewrite the whole app in|rewrite this in|rewrite that in" => MovingTo;
    // What the writer has used is context unless nothing else is asked for ("I'm best at Java
    // but want to try Kotlin": Kotlin).
    "best at|=used|ve used|have used|background in|been writing|been using|been coding in|been working in|been working with|years of|years in|years with|decade of|came from" => Known { toward: Toward::Ahead };
    "=dev|=developer|=background" => Known { toward: Toward::Behind };
    // Doubts rather than refusals: what "feels heavy" is set aside, not ruled out.
    "feels heavy|feel heavy|seems heavy|heavyweight" => Negation { toward: Toward::Behind, excludes: false };
    "not necessarily|not have to be|not need to be|meh at|meh with|meh on" => Negation { toward: Toward::Ahead, excludes: false };
    // Taking up a language is not asking for an easy one ("open to learning elixir").
    "open to learning|willing to learn|happy to learn|open to learn|ready to learn|learn something new|something new|something new to us|something new to me|excuse to learn|chance to learn|want to try|wants to try|low traffic|little traffic|not much traffic|low load|not want to learn a new language|not want to learn a whole new language|not want to learn another language|without learning a new language|without learning another language|learning project|learning exercise|as a learning|node clustering|node cluster|validate an idea|validate the idea|validate my idea|validate demand|learning a new language|learn a new language|worth learning|worth it to learn" => Neutral;
    // Easy to run somewhere is not easy to learn.
    "easy to deploy|easy to host|easy on the" => Neutral;
    // Failing to do something is not refusing what it is done with ("can't get CORS working
    // with my gin server").
    "not get|not make|not figure|not seem|not find|not work|not working" => Neutral;
    // A record the product keeps, not a quality asked of it (audits and regulators are).
    "audit log|audit logs|audit trail|audit trails|audit logging|audit history" => Neutral;
    // A gain, not a departure ("spring's learning curve pays off").
    "pays off|pay off|paid off|paying off" => Neutral;
    // Having no experience of a thing is not refusing it ("never used either").
    "never used|never tried|never touched|never worked with" => Neutral;
    // Staying is choosing: "not abandoning the JVM" and "sticking with Java" want it.
    "not abandoning|not abandon|not dropping|not giving up|sticking with|stick with|staying with|stay with|staying in|stay in" => Neutral;
    "not only|not just|embedding a|embedding an|embedding the|embedding it|no matter|no idea|no preference|not sure|no problem|no worries|nosql|no brainer|not too|no more than|dynamic languages|dev shop|development shop|software shop|consulting shop|agency|reason not to|reasons not to|why not|not married to|not tied to|not set on|not wedded to|not religious about|quick q|quick question|quick poll|bank grade|production grade|push notifications|push notification|live on|lives on|live in|lives in|will live|go live|goes live|went live|military grade|per node|each node|every node|=nodes|=authors|play nice|play nicely|play well|play around|play with|plays nice|plays well|play it safe" => Neutral;
    "but|however|though|although|whereas|otherwise" => ClauseBreak;
    // Stress.
    "critical|crucial|essential|vital|number one|number 1|the 1 thing|priority 1|1 priority|top priority|top concern|main concern|main thing|main priority|biggest concern|primary concern|key|paramount|non negotiable|a must|is a must|must have|above all|above everything|above all else|first and foremost|most of all|most importantly|most important|more than anything|is everything|everything|the whole point|whole point|really important|very important|super important|extremely important" => stress(Stress::Strong, Toward::Either);
    // "latency matters way more than dev speed": the second is not asked for.
    "matters more than|matter more than|matters way more than|matter way more than|matters much more than|matters far more than|more important than|way more important than|much more important than" => stress(Stress::Strong, Toward::Behind), Negation { toward: Toward::Ahead, excludes: false };
    "matters most|matter most|matters more|matter more|more important|matter a lot|matters a lot|first" => stress(Stress::Strong, Toward::Behind);
    "must|must be|has to|have to|has to be|have to be|need to be|needs to be|mainly|mostly|especially|primarily|focus on|obsessed with|care most about|care a lot about" => stress(Stress::Strong, Toward::Ahead);
    "also|then|secondary|second" => stress(Stress::Also, Toward::Either);
    "matters a bit|matter a bit|matters a little|matter a little|matters somewhat|matter somewhat|somewhat important|a little important" => stress(Stress::Also, Toward::Behind);
    "too|as well" => stress(Stress::Also, Toward::Behind);
    "nice to have|would be nice|would be great|be nice|a bonus|bonus|a plus|ideally|if possible|=optional|maybe|might need|may need|later|eventually|down the road|in the future|someday|at some point|later on" => stress(Stress::Optional, Toward::Either);
    // Comparisons.
    "ex|something like|anything like|similar to|keep suggesting|keeps suggesting|keep recommending|keeps recommending|keep pushing|keeps pushing|inspired by|equivalent of|old|existing|current|currently|today|main app|main product|main application|not leaving|not moving off|not migrating|not replacing|not switching|not touching|not ditching|not getting rid of|coming from" => Reference { toward: Toward::Ahead };
    // Leaving.
    "legacy|migrating from|migrate from|moving from|porting from|rewrite our|rewriting our|replace our|replacing our|alternative to|alternatives to|switch from|switching from" => Leaving { excludes: false };
    "re over|m over|are over|am over|so over|had its day|has had its day|past its prime|past its best|showing its age|shows its age|want out|wants out|we want out|dated|outdated|getting dated|rewrite of|rewriting of|want out of|get out of|getting out of|move out of|moving out of|replacement for|replacement of|drop in replacement|drop in replacement for|dropping|retiring|retire|sunsetting|sunset|being replaced|is going away|moving on from|move on from|moved on from" => Leaving { excludes: true };
    "moving off|move off|moved off|and off|off of|migrating off|migrate off|migrating away from|migrate away from|moving away from|move away from|get off|getting off|outgrew|outgrown|outgrowing|get rid of|getting rid of|ditch|ditching|replace|replacing|phase out|phasing out|leaving|abandon|abandoning|killing us with|struggling with|problems with|issues with|frustrated with|unhappy with|brutal with|terrible with|awful with|painful with|a pain with|a nightmare with|nightmare with|burned by|burnt by|regret|regretting|=regretted|no longer want|off|is pegged|pegged|is melting|melting|maxed out|is maxed out" => Leaving { excludes: true };
    // Other parts of the system, and other teams: what the data team writes is context
    // (docs/labelling.md), not the backend's language.
    "frontend|front end|frontends|the front|on the front|nextjs|next js|nuxt|client side|mobile app|mobile apps|ios app|android app|react|reactjs|react native|vue|vuejs|angular|svelte|our ui|the ui|spa|web client|desktop app|android|ios|swiftui|flutter|dart|game client|mobile devs|mobile developers|mobile team|mobile clients|mobile client|analysts|data team|ml team|platform team|=data scientists|unity client|unreal client|scrapers|on the client|python notebooks|jupyter notebooks|jupyter notebook|jupyter" => Elsewhere;
    // Not a backend at all.
    // Questions about using a tool rather than choosing one: learning it, its syntax, what
    // hosting it costs.
    "course|courses|tutorial|tutorials|resources|syntax|explain|cheaper|cheapest|hosting provider|hosting providers" => OffTopic;
    // Tuning a database one has, and a career, are not a backend to choose for (docs/labelling.md:
    // off topic unless a choice is asked).
    "add an index|an index|index this|indexes|indexing|query plan|explain analyze|vacuum|deadlock|deadlocks|slow query|slow queries|becoming a backend developer|become a backend developer|becoming a developer|become a developer|career switch|switch careers|change careers|career change|taking the jobs|take our jobs|replace developers|replace programmers" => OffTopic;
    // The backend settled ("our api is already in go"): what is asked is elsewhere.
    "api is already in|backend is already in|api is done in|backend is done in|backend is already built|api is already built|backend is already built in|api is already built in" => OffTopic;
    // Telling apart two things that are not frameworks or languages ("let and const").
    "difference between|differences between" => OffTopic;
    "div|divs|css|flexbox|flex box|flexbox container|grid layout|center a div|centre a div|tailwind|laptop|laptops|macbook|thinkpad|8gb|16gb|32gb|64gb|notebook|gpu|graphics card|keyboard|headphones|smartphone|iphone|bucks|dollars|under 1000|resume|salary|homework|excel|spreadsheet|photoshop|figma|game engine|unity|unreal|recipe|recipes|weather|wifi|printer|gaming pc|windows 11|windows 10|install windows|font|fonts|animation|animations|docker desktop|my mac|macos|dev job|first job|job hunt|job hunting|job search|applying for jobs|applications|interview|interviews|portfolio|career|callbacks|get hired|landing page|landing pages|page builder|designer|web designer|logo|branding|seo|monitor|monitors|mouse|ssd|ram upgrade|battery|headset|webcam|router|android phone|tablet|playstation|xbox|nintendo|steam deck|minecraft|salary|salaries|earn|earns|earning|earnings|negotiate|negotiating|promotion|internship|cs degree|masters|masters degree|grad school|phd|college|university|layoffs|job offer|navbar|dropdown|modal|button|buttons|scss|sass|bootstrap|jquery|=styling|media query|media queries|dark mode|responsive design|usestate|useeffect|redux|jsx|vscode|vs code|intellij|vim|emacs|ide|keyboard shortcut|git|merge conflict|rebase|homework|leetcode|sql joins|sql query|sql queries|joins|regex|regular expression|excel formula|powerpoint|outlook|better job|get a job|a new job|job market|backend is already done|backend is done|api is already written|backend is already written|already written|not changing|ui side|ui library|component library|css framework|frontend framework|db question|database question|purely a db|postgres or mysql|mysql or postgres|varchar|data type|data types|column type|open source contribution|contribution|contributions|pull request|pull requests|prs|svelte or react|react or svelte|vue or react|react or vue|angular or react|react or angular|vue or svelte|svelte or vue|certification|certifications|ubuntu|linux|shell script|bash script" => OffTopic;
    "like|style|ish|esque|level|monolith|for our main app|for the main app|for our main product|in our main app|for our existing app|for our current app|alternative|alternatives|=replacement|sized|lite|equivalent" => Reference { toward: Toward::Behind };
};

/// Words that say nothing about the project beyond that there is one; never reported as
/// unused.
pub(super) const FILLER: &[&str] = &[
    "framework",
    "frameworks",
    "backend",
    "build",
    "building",
    "need",
    "needs",
    "want",
    "wants",
    "looking",
    "thinking",
    "recommend",
    "recommendation",
    "recommendations",
    "suggestion",
    "suggestions",
    "app",
    "application",
    "project",
    "stack",
    "team",
    "please",
    "thanks",
    "something",
    "anything",
    "good",
    "great",
    "new",
    "lot",
    "lots",
    "question",
    "help",
    "advice",
    "pick",
    "choose",
    "prefer",
    "preferred",
    "ok",
    "okay",
    "fine",
    "works",
    "know",
    "knows",
    "think",
    "hey",
    "hi",
    "guys",
    "folks",
    "honestly",
    "probably",
    "just",
    // "type safety matters": what matters is read from the thing named, not from the verb.
    "matter",
    "matters",
    "important",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::words;

    /// Every framework of the catalog has a cue that names it with its catalog language.
    #[test]
    fn every_framework_of_the_catalog_is_named_by_a_cue() {
        for framework in crate::dataset::load_frameworks().unwrap() {
            let named = CUES.iter().flat_map(|(_, meanings)| meanings.iter()).any(
                |meaning| matches!(meaning, Framework(id, language) if *id == framework.id.as_str() && *language == framework.spec.language),
            );
            assert!(named, "{}", framework.id);
        }
    }

    /// Two phrases that analyse to the same words would make the first one listed win
    /// silently (`products` and `productivity` share a stem): each must mean one thing.
    #[test]
    fn no_two_phrases_read_alike_with_different_meanings() {
        let mut seen: Vec<(Vec<String>, &[Meaning], &str)> = Vec::new();
        for (alternatives, meanings) in CUES {
            for phrase in alternatives.split('|') {
                let exact = phrase.starts_with('=');
                let keys: Vec<String> = words(phrase.trim_start_matches('='))
                    .into_iter()
                    .map(|w| {
                        if exact {
                            w.lower
                        } else {
                            w.term.unwrap_or(w.lower)
                        }
                    })
                    .collect();
                if let Some((_, other, first)) = seen.iter().find(|(k, _, _)| *k == keys) {
                    assert_eq!(*other, *meanings, "'{phrase}' reads like '{first}'");
                }
                seen.push((keys, meanings, phrase));
            }
        }
    }
}
