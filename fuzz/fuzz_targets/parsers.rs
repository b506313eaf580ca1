//! The parsers a request reaches first, called directly: query strings, vocabulary lists,
//! numbers, cursors under every sort, and framework bodies. None may panic.

#![no_main]

use edge::QueryParams;
use libfuzzer_sys::fuzz_target;
use model::{
    Category, Cursor, Deployment, Dimension, Feature, FrameworkSpec, Language, Slug, Sort,
    UseCase,
};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(params) = QueryParams::parse(&text) {
        let _ = params.list::<Language>("language");
        let _ = params.list::<Category>("category");
        let _ = params.list::<Feature>("feature");
        let _ = params.list::<UseCase>("use_case");
        let _ = params.list::<Dimension>("priorities");
        let _ = params.list::<Deployment>("deployment");
        let _ = params.one::<Sort>("sort");
        let _ = params.number("limit", 1..=100);
        let _ = params.text("q");
        let _ = params.only(&["language", "limit"]);
    }
    for sort in std::iter::once(Sort::Name).chain(Dimension::ALL.iter().map(|d| Sort::Best(*d))) {
        if let Ok(cursor) = Cursor::decode(&text, sort) {
            assert_eq!(Cursor::decode(&cursor.encode(), sort), Ok(cursor));
        }
    }
    let _ = Slug::parse(&text);
    if let Ok(body) = serde_json::from_slice::<serde_json::Value>(data) {
        let id = Slug::parse("fuzz").unwrap_or_else(|_| unreachable!());
        let _ = FrameworkSpec::from_json(&id, &body);
    }
});
