//! Text → index terms. Documents and queries pass through the same analyser, so every
//! spelling the synonym table folds together (`node.js`, `nodejs`, `node`) lands on one term.
//!
//! Steps: lowercase (Unicode), split on anything that is not a letter or digit while
//! keeping the punctuation that names technologies (`c#`, `c++`, `.net`, `node.js`),
//! join compounds written as two words (`real time`, `machine learning`), drop stop words,
//! fold synonyms onto a canonical term, and stem what is left.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

use super::stem::stem;

/// Function words that carry no topic; the query "which framework should I use" says no more
/// than "framework".
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
    "best", "because", "been", "before", "being", "between", "both", "but", "by", "can", "could",
    "did", "do", "does", "doing", "during", "each", "either", "etc", "even", "for", "from", "had",
    "has", "have", "having", "he", "her", "here", "how", "i", "if", "in", "into", "is", "it",
    "its", "just", "me", "more", "most", "my", "no", "nor", "not", "of", "off", "on", "one",
    "only", "or", "other", "our", "out", "over", "own", "really", "same", "she", "should", "so",
    "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "through", "to", "too", "under", "until", "up", "us", "use", "used", "uses",
    "using", "versus", "very", "vs", "was", "we", "were", "what", "when", "where", "whether",
    "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
    // Every entry is about web backends, so "web" tells entries apart no better than "the".
    "web",
];

/// A year says when, not what: the knowledge base is a snapshot of one year, so "in 2025"
/// would only favour the entries that happen to name it.
fn is_year(token: &str) -> bool {
    token.len() == 4
        && (token.starts_with("19") || token.starts_with("20"))
        && token.bytes().all(|b| b.is_ascii_digit())
}

/// Spellings folded onto one canonical term, which is used as is (not stemmed).
const EQUIVALENT: &[(&str, &[&str])] = &[
    ("node", &["node", "nodejs"]),
    ("go", &["go", "golang"]),
    ("csharp", &["csharp", "dotnet"]),
    ("aspnet", &["aspnet"]),
    ("javascript", &["javascript", "js", "ecmascript"]),
    ("typescript", &["typescript", "ts"]),
    (
        "ai",
        &["ai", "artificialintelligence", "llm", "llms", "genai"],
    ),
    ("ml", &["ml", "machinelearning"]),
    ("kubernetes", &["kubernetes", "k8s"]),
    ("express", &["express", "expressjs"]),
    ("koa", &["koa", "koajs"]),
    ("nestjs", &["nestjs", "nest"]),
    ("fiber", &["fiber", "gofiber"]),
    ("rails", &["rails", "ror"]),
    ("spring", &["spring", "springboot"]),
    (
        "fast",
        &[
            "fast",
            "faster",
            "fastest",
            "quick",
            "quicker",
            "quickest",
            "speed",
            "speeds",
            "speedy",
            "speedier",
            "speediest",
        ],
    ),
    (
        "easy",
        &["easy", "easier", "easiest", "simple", "simpler", "simplest"],
    ),
    ("realtime", &["realtime"]),
    ("backend", &["backend", "backends", "serverside"]),
    ("frontend", &["frontend", "frontends", "clientside"]),
    ("microservice", &["microservice", "microservices"]),
    ("microframework", &["microframework", "microframeworks"]),
    ("db", &["db", "database", "databases"]),
    ("openapi", &["openapi", "swagger"]),
];

/// Two-word spellings of one concept, joined before stop words are dropped.
const COMPOUNDS: &[(&str, &str, &str)] = &[
    ("real", "time", "realtime"),
    ("back", "end", "backend"),
    ("front", "end", "frontend"),
    ("server", "side", "serverside"),
    ("client", "side", "clientside"),
    ("machine", "learning", "machinelearning"),
    ("artificial", "intelligence", "artificialintelligence"),
    ("micro", "service", "microservice"),
    ("micro", "services", "microservices"),
    ("micro", "framework", "microframework"),
    ("micro", "frameworks", "microframeworks"),
    ("spring", "boot", "springboot"),
    // In this FAQ, "this app" and friends can only mean the system answering.
    ("stack", "advisor", "stackadvisor"),
    ("this", "app", "stackadvisor"),
    ("this", "api", "stackadvisor"),
    ("this", "system", "stackadvisor"),
    ("this", "service", "stackadvisor"),
    ("this", "project", "stackadvisor"),
    ("this", "site", "stackadvisor"),
];

/// Related but not equivalent terms. A query term also matches these, at the given weight,
/// so "performance" finds answers about speed and "lambda" finds answers about serverless.
const RELATED: &[(&str, &[&str], f64)] = &[
    (
        "fast",
        &["performance", "throughput", "latency", "benchmark"],
        0.6,
    ),
    ("performance", &["fast", "throughput", "benchmark"], 0.6),
    ("node", &["express", "javascript"], 0.5),
    ("express", &["node"], 0.5),
    ("javascript", &["node", "typescript"], 0.4),
    ("typescript", &["javascript", "nestjs"], 0.4),
    ("csharp", &["aspnet"], 0.7),
    ("aspnet", &["csharp"], 0.7),
    ("java", &["jvm", "spring"], 0.5),
    ("jvm", &["java"], 0.5),
    ("lambda", &["serverless"], 0.7),
    ("serverless", &["lambda", "function"], 0.5),
    ("ai", &["ml"], 0.7),
    ("ml", &["ai"], 0.7),
    ("kubernetes", &["container", "docker", "cloud"], 0.5),
    ("docker", &["container", "kubernetes"], 0.5),
    ("realtime", &["websocket", "chat"], 0.6),
    ("websocket", &["realtime"], 0.6),
    ("chat", &["realtime", "websocket"], 0.6),
    ("easy", &["beginner", "learn"], 0.6),
    ("beginner", &["easy", "learn"], 0.6),
    ("learn", &["beginner", "easy"], 0.5),
    ("popular", &["growth", "adoption"], 0.5),
    ("trending", &["growth", "trend", "popular"], 0.5),
    ("grow", &["growth", "adoption"], 0.6),
    ("growth", &["grow"], 0.6),
    ("pick", &["choose", "choice", "select"], 0.6),
    ("choose", &["pick", "choice", "select"], 0.6),
    ("select", &["choose", "pick", "criteria"], 0.6),
    ("rust", &["axum", "actix"], 0.4),
    ("python", &["django", "flask", "fastapi"], 0.3),
    ("php", &["laravel", "symfony"], 0.4),
    ("ruby", &["rails"], 0.5),
    ("dashboard", &["admin", "panel"], 0.6),
    ("admin", &["dashboard", "backoffice"], 0.6),
    ("big", &["large", "enterprise"], 0.5),
    ("large", &["big", "enterprise"], 0.5),
    ("corporate", &["enterprise"], 0.7),
    ("company", &["enterprise"], 0.5),
    ("typed", &["type", "static"], 0.6),
    ("static", &["type", "typed"], 0.5),
    ("infrastructure", &["terraform", "cloud"], 0.5),
    ("terraform", &["infrastructure"], 0.5),
    ("split", &["microservice", "independent"], 0.5),
    ("difference", &["compare", "comparison"], 0.5),
    ("comparison", &["compare", "difference"], 0.5),
    ("dead", &["still", "worth"], 0.5),
    ("worth", &["still", "good"], 0.5),
    ("relevant", &["still", "worth"], 0.5),
];

/// One word of a text as the analyser reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Where it sits in the text, in bytes; a joined compound (`real time`) spans both words.
    pub span: Range<usize>,
    /// The word lowercased, a compound joined (`realtime`), punctuated names spelt out
    /// (`c#` → `csharp`).
    pub lower: String,
    /// Its index term; `None` for a stop word or a year, which search ignores.
    pub term: Option<String>,
}

/// The analysed form of a text: index terms, in order, repeats kept.
pub fn terms(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .filter_map(|word| word.term)
        .collect()
}

/// Every word of a text in order, stop words included (with no term), each with its span:
/// for readers that need the function words search drops ("not", "most") or must point back
/// at what the text said.
pub fn words(text: &str) -> Vec<Word> {
    let tables = Tables::get();
    let mut raw = raw_tokens(text).into_iter().peekable();
    let mut words = Vec::new();
    while let Some((mut span, mut lower)) = raw.next() {
        let compound = raw.peek().and_then(|(_, next)| {
            COMPOUNDS
                .iter()
                .find(|(first, second, _)| lower == *first && next == second)
        });
        if let Some((_, _, whole)) = compound {
            if let Some((next_span, _)) = raw.next() {
                span = span.start..next_span.end;
            }
            lower = (*whole).to_owned();
        }
        let term = if tables.stop_words.contains(lower.as_str()) || is_year(&lower) {
            None
        } else {
            Some(match tables.equivalent.get(lower.as_str()) {
                Some(canonical) => (*canonical).to_owned(),
                None => stem(&lower),
            })
        };
        words.push(Word { span, lower, term });
    }
    words
}

/// Terms a query term should also match, with their weights (the term itself excluded).
pub(super) fn related(term: &str) -> &'static [(String, f64)] {
    Tables::get()
        .related
        .get(term)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

struct Tables {
    stop_words: HashSet<&'static str>,
    equivalent: HashMap<&'static str, &'static str>,
    related: HashMap<String, Vec<(String, f64)>>,
}

impl Tables {
    fn get() -> &'static Tables {
        static TABLES: OnceLock<Tables> = OnceLock::new();
        TABLES.get_or_init(|| {
            let equivalent = EQUIVALENT
                .iter()
                .flat_map(|(canonical, spellings)| spellings.iter().map(move |s| (*s, *canonical)))
                .collect();
            let mut tables = Tables {
                stop_words: STOP_WORDS.iter().copied().collect(),
                equivalent,
                related: HashMap::new(),
            };
            // The table is written in plain words; analyse it like any text so that its
            // entries meet the index's terms (stemmed, folded).
            let analyse = |tables: &Tables, word: &str| -> Option<String> {
                let word = word.to_owned();
                match tables.equivalent.get(word.as_str()) {
                    Some(canonical) => Some((*canonical).to_owned()),
                    None if STOP_WORDS.contains(&word.as_str()) => None,
                    None => Some(stem(&word)),
                }
            };
            let mut related: HashMap<String, Vec<(String, f64)>> = HashMap::new();
            for (term, others, weight) in RELATED {
                let Some(term) = analyse(&tables, term) else {
                    continue;
                };
                let list = related.entry(term.clone()).or_default();
                for other in *others {
                    if let Some(other) = analyse(&tables, other)
                        && other != term
                        && !list.iter().any(|(t, _)| *t == other)
                    {
                        list.push((other, *weight));
                    }
                }
            }
            tables.related = related;
            tables
        })
    }
}

/// Lowercased words with their spans, technology names that contain punctuation rewritten
/// as words. Chunks are cut from the original text, so spans point into it even where
/// lowercasing changes a word's length.
fn raw_tokens(text: &str) -> Vec<(Range<usize>, String)> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let inside = c.is_alphanumeric() || matches!(c, '#' | '+' | '.');
        match (inside, start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                push_chunk(text, from..at, &mut tokens);
                start = None;
            }
            _ => {}
        }
    }
    tokens
}

fn push_chunk(text: &str, span: Range<usize>, tokens: &mut Vec<(Range<usize>, String)>) {
    let original = text[span.clone()].trim_end_matches('.');
    if original.is_empty() {
        return;
    }
    let span = span.start..span.start + original.len();
    let chunk = original.to_lowercase();
    let special = match chunk.as_str() {
        "c#" => Some("csharp"),
        "f#" => Some("fsharp"),
        "c++" => Some("cpp"),
        ".net" => Some("dotnet"),
        "asp.net" => Some("aspnet"),
        _ => None,
    };
    if let Some(word) = special {
        tokens.push((span, word.to_owned()));
        return;
    }
    // `node.js`, `express.js`: the suffix is part of the name.
    if let Some(name) = chunk.strip_suffix(".js")
        && !name.is_empty()
        && !name.contains('.')
    {
        tokens.push((span, format!("{}js", clean(name))));
        return;
    }
    // Most chunks are a plain word: keep the lowercased string rather than copy it again.
    if chunk.chars().all(char::is_alphanumeric) {
        tokens.push((span, chunk));
        return;
    }
    // `fastapi+mangum`, `django.orm`: two names joined.
    for part in chunk.split(['.', '+']) {
        let word = clean(part);
        if !word.is_empty() {
            tokens.push((span.clone(), word));
        }
    }
}

fn clean(word: &str) -> String {
    word.chars().filter(|c| c.is_alphanumeric()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn technology_spellings_fold_together() {
        assert_eq!(terms("Node.js"), terms("nodejs"));
        assert_eq!(terms("NODE"), vec!["node"]);
        assert_eq!(terms("C#"), terms(".NET"));
        assert_eq!(terms("golang"), vec!["go"]);
        assert_eq!(terms("ASP.NET Core")[0], "aspnet");
        assert_eq!(terms("Express.js"), vec!["express"]);
        assert_eq!(terms("k8s"), terms("Kubernetes"));
        assert_eq!(terms("fastapi+react"), vec!["fastapi", "react"]);
    }

    #[test]
    fn compounds_and_stop_words() {
        assert_eq!(terms("real-time chat"), terms("realtime chats"));
        assert_eq!(terms("machine learning"), vec!["ml"]);
        assert_eq!(terms("What is the best ORM for 2025?"), vec!["orm"]);
        assert_eq!(terms("quickest"), terms("fastest"));
        assert_eq!(terms("micro-services"), terms("microservices"));
    }

    #[test]
    fn punctuation_and_unicode_are_safe() {
        assert_eq!(
            terms("Django!!! (ORM), e.g."),
            vec!["django", "orm", "e", "g"]
        );
        assert_eq!(terms("Größe café"), vec!["größe", "café"]);
        assert!(terms("... ??? ---").is_empty());
        assert!(terms("").is_empty());
    }

    #[test]
    fn words_keep_stop_words_and_point_back_into_the_text() {
        let text = "Not İJava, real-time!";
        let read = words(text);
        let lower: Vec<&str> = read.iter().map(|w| w.lower.as_str()).collect();
        assert_eq!(lower, ["not", "ijava", "realtime"]);
        assert_eq!(read[0].term, None);
        assert_eq!(&text[read[1].span.clone()], "İJava");
        assert_eq!(&text[read[2].span.clone()], "real-time");
        assert_eq!(read[2].term.as_deref(), Some("realtime"));
    }

    #[test]
    fn related_terms_are_analysed_like_text() {
        assert!(related("lambda").iter().any(|(t, _)| t == "serverless"));
        assert!(
            related("fast")
                .iter()
                .any(|(t, _)| t == &stem("performance"))
        );
        assert!(related("zzz").is_empty());
    }
}
