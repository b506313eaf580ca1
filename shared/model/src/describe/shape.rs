//! The shape of a post as a whole: a question about fixing or doing something with what the
//! writer already has ("why does my migration fail", "how do I kill the old process") asks
//! for no choice of framework or language, however many of them it names, so the API
//! refuses it as off topic; the same trouble ending in a choice ("should we move to Go?",
//! "express or fastify?") is on topic.

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
];

/// Words that ask for a choice: alternatives, a pick, a move elsewhere, a judgement of
/// what is better.
const CHOOSING: &[&str] = &[
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
    "choice",
    "alternative",
    "alternatives",
    "switch",
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
];
/// "move to", "moving to": a move elsewhere is a choice ("how do I move that into a
/// background task" is not).
const MOVING: &[&str] = &["move", "moving", "go", "going", "jump"];

/// The tokens of the how-to opening, when the post asks how to do or fix something and
/// asks for no choice anywhere; `None` otherwise.
pub(super) fn asks_how_to_without_choosing(tokens: &[Token]) -> Option<Vec<usize>> {
    let lower = |i: usize| tokens[i].lower.as_str();
    let chooses = (0..tokens.len()).any(|i| {
        CHOOSING.contains(&lower(i))
            || (MOVING.contains(&lower(i)) && i + 1 < tokens.len() && lower(i + 1) == "to")
    });
    if chooses {
        return None;
    }
    (0..tokens.len()).find_map(|start| {
        HOW_TO.iter().find_map(|words| {
            let end = start + words.len();
            (end <= tokens.len() && (start..end).zip(words.iter()).all(|(i, w)| lower(i) == *w))
                .then(|| (start..end).collect())
        })
    })
}
