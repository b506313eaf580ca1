//! The words around a cue that change what it says, as the field decisions consult them:
//! "fast" before a thing that runs or after a word of delivering, "shop" next to a language,
//! "backend" before a trade, a newcomer after a language.

/// How far after "shop" a language makes it a team ("our shop is mostly Java").
pub(super) const TEAM_AFTER_SHOP_REACH: usize = 4;
/// Words that give a reason after what it is for ("caching because traffic spikes"), and
/// before it ("spiky, so caching is a must"); how far apart the two may stand.
pub(super) const BECAUSE: &[&str] = &["because", "since", "cause", "bc", "due"];
pub(super) const THEREFORE: &[&str] = &["so", "therefore", "hence"];
pub(super) const REASON_REACH: usize = 8;
/// How far before "shop" the writers' "we're a" may stand ("we're an ex-perl shop").
pub(super) const WE_ARE_REACH: usize = 4;
/// How far back a word of delivery makes "fast" about building ("get an MVP out fast").
pub(super) const DELIVERY_REACH: usize = 6;
/// Words of delivering software: "fast" after one of them is speed of delivery.
pub(super) const DELIVERY: &[&str] = &[
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
pub(super) const RUNNING_THINGS: &[&str] = &[
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
/// What a project is, said as a thing: a word that is never a backend's, right before one,
/// is what the product is about ("a recipe sharing site", "a weather app").
pub(super) const PRODUCTS: &[&str] = &[
    "site", "sites", "website", "app", "apps", "platform", "backend", "api", "service", "tool",
];
/// Words of how hard a thing is to learn ("less painful to learn", "quicker to learn").
pub(super) const HOW_HARD: &[&str] = &[
    "easier", "easiest", "painful", "quicker", "faster", "simpler", "hard", "harder", "hardest",
];
/// How far before "learn" a word of how hard may stand.
pub(super) const HOW_HARD_REACH: usize = 3;
/// Words that count services as several, or split into them ("a dozen services", "into
/// services").
pub(super) const COUNTING: &[&str] = &[
    "dozen", "dozens", "several", "multiple", "many", "few", "handful", "bunch", "into", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty",
];
/// How far before "services" the count may stand ("into ~12 small services").
pub(super) const COUNT_REACH: usize = 3;
/// How far after "a backend for" the app it is for may stand ("a backend for a small habit
/// tracker app").
pub(super) const APP_REACH: usize = 6;
/// How far before a product its subject may stand ("recipe sharing site").
pub(super) const SUBJECT_REACH: usize = 2;
/// How well something sits where it runs: "works well on lambda", "plays nice with serverless".
pub(super) const FITTING: &[&str] = &["well", "nice", "nicely", "suited", "fit", "fits"];
/// How far before the place a word of fitting may stand.
pub(super) const FIT_REACH: usize = 3;
/// What runs, said as a verb: "fast" right after one is speed at run time ("responds
/// quickly"). Stems, as the analyser gives them.
pub(super) const RUNNING_VERBS: &[&str] =
    &["respond", "run", "load", "serv", "execut", "start", "handl"];
/// Who builds: "fast" right after one of them is how fast they deliver ("I'm fastest in PHP").
pub(super) const PERSONS: &[&str] = &["i", "m", "we", "re", "team", "dev", "devs", "developer"];
/// What live updates are pushed to: a browser, or the screen or phone of whoever watches
/// ("pushed live to the rider's phone").
pub(super) const RECEIVERS: &[&str] = &["browser", "screen", "phone"];
/// Words that ask for a choice of language or framework ("what backend lang for a beginner
/// who knows html/css?"), unless read in a cue ("a css framework").
pub(super) const ASKED_FOR: &[&str] = &["language", "languages", "lang", "framework", "frameworks"];
/// Words that make "backend" a trade rather than a project ("a backend dev", "backend jobs").
pub(super) const TRADES: &[&str] = &[
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
/// Verdicts a question asks of a framework or language named in it ("is spring boot too heavy
/// for this?", "is cakephp dead?"): it weighs the thing as a choice.
pub(super) const FIT_VERDICTS: &[&str] = &[
    "overkill",
    "heavy",
    "dead",
    "light",
    "lightweight",
    "anyone",
    "thinking",
    "good",
    "fit",
    "suited",
    "viable",
    "enough",
    "still",
];
/// Words that report what someone else says of a thing ("a friend keeps saying Rust is fast").
pub(super) const REPORTING: &[&str] = &[
    "say", "says", "saying", "said", "claim", "claims", "claiming", "swear", "swears", "heard",
    "hear", "hype", "hyped",
];
