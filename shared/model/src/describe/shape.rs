//! The shape of a post as a whole: a question about fixing or doing something with what the
//! writer already has ("why does my migration fail", "how do I kill the old process",
//! "getting a 502 from my django app, what am I missing?") asks for no choice of framework
//! or language, however it names them, so the API refuses it as off topic; the same trouble
//! ending in a choice ("should we move to Go?", "express or fastify?", "need something
//! faster") is on topic, and so is a how-to about a new project ("how do I build a realtime
//! chat backend in go?"). The other way round, a post needs a sign that advice is wanted
//! (`wants_advice`): with none, a question about a thing it names is refused too.

use super::reader::Token;

/// Words that open a question of how to do or fix something, as the analyser lowercases
/// them ("won't" and the like reach the reader as one token, so they are left out).
const HOW_TO: &[&[&str]] = &[
    &["how", "do", "i"],
    &["how", "do", "we"],
    &["how", "do", "you"],
    &["how", "can", "i"],
    &["how", "can", "we"],
    &["how", "would", "i"],
    &["how", "to"],
    &["why", "does"],
    &["why", "do"],
    &["why", "is"],
    &["why", "are"],
    &["anyone", "know", "why"],
    &["where", "do", "the"],
    &["where", "does"],
    &["what", "causes"],
    &["head", "around"],
    &["what", "am", "i", "missing"],
    &["best", "way", "to"],
    // What a thing one uses does, and how to get on with it.
    &["what", "does"],
    &["any", "tips"],
    &["any", "gotchas"],
    &["any", "pitfalls"],
    // Asking for help with what one runs, in other words.
    &["what", "gives"],
    &["ideas"],
    &["how", "should"],
    &["figure", "out"],
    &["any", "idea"],
    &["proper", "way", "to"],
    &["right", "way", "to"],
];

/// Words of trouble with something that runs: with what the writer has ("my app", "our
/// server") or a can't, they make a post a fix to ask for, like a how-to opening.
const TROUBLE: &[&str] = &[
    "error",
    "errors",
    "exception",
    "crash",
    "crashes",
    "crashing",
    "fails",
    "failing",
    "failed",
    "throwing",
    "throws",
    "timeout",
    "timeouts",
    "timing",
    "broken",
    "hangs",
    "hanging",
    "502",
    "500",
    "404",
    "502s",
    "500s",
    "404s",
    "cors",
    "traceback",
    // What goes wrong with what runs, in other words.
    "refused",
    "leak",
    "leaks",
    "leaking",
    "freezes",
    "stuck",
    "eats",
];
/// Words that say the writer has the thing asked about already ("my app", "our existing
/// api"): a how-to about it is about using it, not about a project to advise on.
const OWNED: &[&str] = &["my", "our", "existing", "current", "already"];
/// Words that say the writer has the thing in trouble, cannot get it to work, or it keeps
/// failing ("Django app keeps timing out"). Contractions reach the reader whole ("can't",
/// with either apostrophe).
const HAVING: &[&str] = &[
    "my",
    "our",
    "cannot",
    "cant",
    "can't",
    "can’t",
    "won't",
    "won’t",
    "wont",
    "doesn't",
    "doesn’t",
    "doesnt",
    "keeps",
    "keep",
    // "I have app.use(cors()) at the top", "using pgx", "it still comes back 404".
    "have",
    "using",
    "still",
    // Asking about the trouble: "getting connection refused", "hangs forever, help", "any
    // idea why?".
    "getting",
    "help",
    "why",
];

/// Who is asked what they use: "what does everyone use", "how do people pick".
const PEOPLE: &[&str] = &["everyone", "everybody", "people", "folks", "anyone", "you"];
/// Words that ask for a choice: alternatives, a pick, a move elsewhere, a judgement of
/// what is better, a framework being weighed ("looking at Grape... any gotchas?").
const CHOOSING: &[&str] = &[
    "something",
    "anything",
    "or",
    "vs",
    "versus",
    "which",
    "recommend",
    "recommendation",
    "recommendations",
    "suggest",
    "suggestions",
    "pick",
    "choose",
    "choosing",
    "picking",
    "considering",
    "leaning",
    "evaluating",
    "choice",
    "alternative",
    "alternatives",
    "switch",
    "switching",
    "suggesting",
    "sticking",
    // Staying is the other side of a move: "stay or move?".
    "stay",
    "staying",
    "stick",
    "prefer",
    "preferred",
    "migrate",
    "migrating",
    "rewrite",
    "worth",
    "best",
    "better",
    "framework",
    "frameworks",
    "stack",
    "language",
    "languages",
    "should",
    "option",
    "options",
    // Asking what others make of a stack: "rust for a web api. thoughts?".
    "thoughts",
    "opinions",
    "advice",
];
/// Words after which "which" or "should" ask how, not for a pick: "figure out which beans are
/// slow", "how should the middleware look".
const ASKING_HOW: &[&str] = &["out", "how", "know", "see", "tell"];
/// Words after "migrate" that make it a move ("migrate to", "migrate our api", "migrating
/// away").
const MIGRATED: &[&str] = &[
    "to",
    "from",
    "off",
    "away",
    "our",
    "my",
    "the",
    "it",
    "everything",
];
/// "move to", "moving to": a move elsewhere is a choice ("how do I move that into a
/// background task" is not).
const MOVING: &[&str] = &["move", "moving", "go", "going", "jump"];

/// The tokens of the how-to opening (or of the trouble), when the post asks how to do or
/// fix something and asks for no choice anywhere; `None` otherwise. A how-to about a new
/// project (`names_a_project`: "how do I build a realtime chat backend in go?") is a
/// project to advise on, unless the writer has the thing already.
pub(super) fn asks_how_to_without_choosing(
    tokens: &[Token],
    names_a_project: bool,
) -> Option<Vec<usize>> {
    let lower = |i: usize| tokens[i].lower.as_str();
    if asks_for_a_choice(tokens, true) {
        return None;
    }
    let opening = (0..tokens.len()).find_map(|start| {
        HOW_TO.iter().find_map(|words| {
            let end = start + words.len();
            // "what does everyone use for X?" asks for picks, not how a thing works.
            let asks_people = end < tokens.len() && PEOPLE.contains(&lower(end));
            (end <= tokens.len()
                && !asks_people
                && (start..end).zip(words.iter()).all(|(i, w)| lower(i) == *w))
            .then(|| (start..end).collect())
        })
    });
    let had = (0..tokens.len()).any(|i| HAVING.contains(&lower(i)));
    // An HTTP error status ("returns 422", "a 503"), whatever its number.
    let status = |i: usize| {
        let word = lower(i);
        word.len() == 3
            && word.chars().all(|c| c.is_ascii_digit())
            && matches!(word.as_bytes()[0], b'4' | b'5')
    };
    let trouble = || {
        (0..tokens.len())
            .find(|i| TROUBLE.contains(&lower(*i)) || status(*i))
            .filter(|_| had)
            .map(|i| vec![i])
    };
    let owned = (0..tokens.len()).any(|i| OWNED.contains(&lower(i)));
    trouble().or(opening.filter(|_| owned || !names_a_project))
}

/// Whether a word of the post asks for a choice: an alternative, a pick, a move elsewhere, a
/// judgement of what is better. With `or_counts` false, a bare "or" is not one: "is it the
/// heap or kubernetes?" weighs causes, not stacks (two names joined by it are alternatives
/// the fields see).
fn asks_for_a_choice(tokens: &[Token], or_counts: bool) -> bool {
    asks_for_a_choice_of(tokens, or_counts, &|_| true)
}

/// As [`asks_for_a_choice`], a word that asks for a pick counting only when `chooses_at`
/// accepts the place of what it picks.
fn asks_for_a_choice_of(
    tokens: &[Token],
    or_counts: bool,
    chooses_at: &dyn Fn(usize) -> bool,
) -> bool {
    let lower = |i: usize| tokens[i].lower.as_str();
    (0..tokens.len()).filter(|i| chooses_at(*i)).any(|i| {
        let next = tokens.get(i + 1).map(|t| t.lower.as_str());
        let asks_how =
            i > 0 && ASKING_HOW.contains(&lower(i - 1)) && matches!(lower(i), "which" | "should");
        // "rails db:migrate hangs": the command, not a move ("migrate to", "migrating our").
        let a_command = matches!(lower(i), "migrate" | "migrating")
            && !next.is_some_and(|n| MIGRATED.contains(&n));
        // "the best way to structure it" asks how, not which.
        let best_way = lower(i) == "best" && next == Some("way");
        let asks_how_not_which = best_way || asks_how || a_command;
        let bare_or = !or_counts && lower(i) == "or";
        (CHOOSING.contains(&lower(i)) && !asks_how_not_which && !bare_or)
            || (MOVING.contains(&lower(i)) && next == Some("to"))
            || (lower(i) == "looking" && next == Some("at"))
    })
}

/// Words that say a project is to be built, planned or rebuilt, or what it needs.
const BUILDING: &[&str] = &[
    "build",
    "building",
    "builds",
    "create",
    "creating",
    "start",
    "starting",
    "new",
    "planning",
    "plan",
    "develop",
    "developing",
    "rebuild",
    "rebuilding",
    "rewrite",
    "rewriting",
    "project",
    "mvp",
    "prototype",
    "startup",
    "saas",
    "idea",
    "product",
    "platform",
    "need",
    "needs",
    "want",
    "wants",
    "looking",
    "require",
    "requires",
    "must",
    "requirements",
];

/// Positive evidence that the post wants advice: it asks for a choice, says a project is to
/// be built, or the fields read what a project needs (`names_a_project`), of something a
/// backend is made of (`names_a_stack`: not only where it runs or how easy it is to learn,
/// "should I learn docker before kubernetes?"); or it only tells what it has and needs
/// (`reads_something`), asking no question.
pub(super) fn wants_advice(
    text: &str,
    tokens: &[Token],
    names_a_project: bool,
    names_a_stack: bool,
    reads_something: bool,
    stack_at: &dyn Fn(usize) -> bool,
) -> bool {
    let lower = |i: usize| tokens[i].lower.as_str();
    let asks_what_to_use = (0..tokens.len()).any(|i| {
        lower(i) == "what"
            && (i + 1..tokens.len().min(i + 5))
                .take_while(|j| tokens[*j].sentence == tokens[i].sentence)
                .any(|j| lower(j) == "use")
    });
    let reason_not_to = (2..tokens.len())
        .any(|i| lower(i - 2) == "reason" && lower(i - 1) == "not" && lower(i) == "to");
    let picks_a_stack = |i: usize| picks_a_stack(tokens, i, stack_at);
    let asks = asks_for_a_choice_of(tokens, false, &picks_a_stack)
        || asks_what_to_use
        || reason_not_to
        || (0..tokens.len()).any(|i| {
            // "any idea?" asks for help, not about an idea for a project.
            BUILDING.contains(&lower(i)) && !(i > 0 && lower(i - 1) == "any")
        });
    ((names_a_project || asks) && names_a_stack) || (reads_something && !text.contains('?'))
}

/// Words that ask for a pick of what follows them ("the best book", "recommend a tutorial").
const PICKING: &[&str] = &[
    "best",
    "which",
    "recommend",
    "recommendation",
    "recommendations",
    "suggest",
    "suggestions",
    "favourite",
    "favorite",
    "worth",
    "good",
];
/// Words that may stand between a word of picking and what it picks ("the best lightweight
/// framework", "which modern one").
const QUALIFYING: &[&str] = &[
    "lightweight",
    "light",
    "simple",
    "modern",
    "small",
    "minimal",
    "fast",
    "easy",
    "mature",
    "solid",
    "stable",
    "popular",
    "typed",
    "async",
    "web",
    "backend",
    "server",
];
/// Nouns of what a backend is made of, picked by a word of picking.
const STACK_NOUNS: &[&str] = &[
    "framework",
    "frameworks",
    "language",
    "languages",
    "lang",
    "stack",
    "stacks",
    "backend",
    "tech",
    "technology",
    "option",
    "options",
    "choice",
    "choices",
    "one",
    "ones",
    "runtime",
    "approach",
    "alternative",
    "alternatives",
    "fit",
    "bet",
    "pick",
    // Rust's word for its libraries and frameworks: "which crate?".
    "crate",
    "crates",
];
/// How far after a word of picking what it picks may stand.
const PICKED_REACH: usize = 4;

/// Whether the word at `i`, if it asks for a pick, picks something a backend is made of:
/// the first content word after it that is not a quality is a name or a kind of project
/// (`stack_at`) or a noun of the stack. "the best book on django" picks a book; "best go
/// framework", "which is better" and "worth it?" pick a stack, or nothing named apart.
fn picks_a_stack(tokens: &[Token], i: usize, stack_at: &dyn Fn(usize) -> bool) -> bool {
    if !PICKING.contains(&tokens[i].lower.as_str()) {
        return true;
    }
    let clause = tokens[i].clause;
    let end = (i + 1 + PICKED_REACH).min(tokens.len());
    let picked = (i + 1..end)
        .take_while(|j| tokens[*j].clause == clause)
        .find(|j| tokens[*j].content && !QUALIFYING.contains(&tokens[*j].lower.as_str()));
    picked.is_none_or(|j| stack_at(j) || STACK_NOUNS.contains(&tokens[j].lower.as_str()))
}

/// Whether the post tells of trouble with something that runs: a word of trouble or an HTTP
/// error status, whoever has it.
pub(super) fn tells_of_trouble(tokens: &[Token]) -> bool {
    tokens.iter().any(|t| {
        let word = t.lower.as_str();
        let status = word.len() == 3
            && word.chars().all(|c| c.is_ascii_digit())
            && matches!(word.as_bytes()[0], b'4' | b'5');
        TROUBLE.contains(&word) || status
    })
}
