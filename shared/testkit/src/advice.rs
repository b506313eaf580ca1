//! What every recommendation reply must be, whichever suite obtained it.

use serde_json::Value;

/// Asserts that a recommendation `body` has a shortlist, every entry one of `ids` and
/// explained by at least one reason.
pub fn assert_shortlist_among(body: &Value, ids: &[&str]) {
    let items = body["recommendations"].as_array().unwrap();
    assert!(!items.is_empty());
    for item in items {
        assert!(ids.contains(&item["id"].as_str().unwrap()));
        assert!(!item["reasons"].as_array().unwrap().is_empty());
    }
}
