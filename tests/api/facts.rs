//! The registries' facts as the API shows them: dated and sourced on each framework, the list
//! ordered and filtered by release, and the trends counted from the same histories. Every
//! expectation is read from the API's own answers, so the suite holds against any deployment.

use std::collections::BTreeMap;

use e2e::{ApiClient, spawn_api};
use serde_json::Value;

/// The facts of every framework, by id, as `GET /frameworks/{id}` shows them.
async fn facts_by_id(client: &ApiClient) -> BTreeMap<String, Value> {
    let list = client.list_frameworks("limit=100").await.ok().clone();
    let mut facts = BTreeMap::new();
    for item in list["items"].as_array().unwrap() {
        let id = item["id"].as_str().unwrap();
        let framework = client.get_framework(id).await.ok().clone();
        facts.insert(id.to_owned(), framework["facts"].clone());
    }
    facts
}

fn latest_day(facts: &Value) -> Option<&str> {
    facts["latest"]["date"].as_str()
}

fn ids(body: &Value) -> Vec<String> {
    body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_framework_shows_its_registry_facts_with_their_date_and_source() {
    let api = spawn_api().await;

    let reply = api.client.get_framework("django").await;

    let body = reply.ok().clone();
    let facts = &body["facts"];
    assert_eq!(facts["registry"], "pypi");
    assert!(
        facts["source_url"]
            .as_str()
            .unwrap()
            .starts_with("https://")
    );
    let as_of = facts["as_of"].as_str().unwrap();
    let latest = latest_day(facts).unwrap();
    assert!(latest <= &as_of[..10], "released {latest} after {as_of}");
    assert!(facts["stable_releases"].as_u64() <= facts["releases"].as_u64());
    let etag = reply.header("etag").unwrap();
    let version = body["version"].as_u64().unwrap();
    assert!(etag.starts_with(&format!("\"{version}.")), "{etag}");
}

#[tokio::test]
async fn sorting_by_latest_release_puts_the_newest_first_and_the_unknown_last() {
    let api = spawn_api().await;
    let facts = facts_by_id(&api.client).await;

    let listed = api
        .client
        .list_frameworks("sort=latest_release&limit=100")
        .await;

    let order = ids(listed.ok());
    assert_eq!(order.len(), facts.len());
    let days: Vec<Option<&str>> = order.iter().map(|id| latest_day(&facts[id])).collect();
    // `None` orders before `Some`, so newest-first with unknowns last is descending order.
    assert!(days.windows(2).all(|pair| pair[0] >= pair[1]), "{days:?}");
}

#[tokio::test]
async fn released_within_months_keeps_exactly_the_frameworks_released_since_then() {
    let api = spawn_api().await;
    let facts = facts_by_id(&api.client).await;
    let since = model::clock::months_before(&model::clock::today(), 24).unwrap();

    let listed = api
        .client
        .list_frameworks("released_within_months=24&limit=100")
        .await;

    let kept = ids(listed.ok());
    let expected: Vec<String> = facts
        .iter()
        .filter(|(_, facts)| latest_day(facts).is_some_and(|day| day >= since.as_str()))
        .map(|(id, _)| id.clone())
        .collect();
    let mut kept_sorted = kept.clone();
    kept_sorted.sort();
    assert_eq!(kept_sorted, expected);
    assert!(!kept.is_empty() && kept.len() < facts.len(), "{kept:?}");
}

#[tokio::test]
async fn the_trends_count_each_framework_s_stable_releases_and_add_them_up() {
    let api = spawn_api().await;
    let facts = facts_by_id(&api.client).await;

    let reply = api.client.trends().await;

    let trends = reply.ok();
    let total = |series: &Value, period: &str| -> u64 {
        series[period]
            .as_object()
            .unwrap()
            .values()
            .map(|count| count.as_u64().unwrap())
            .sum()
    };
    let frameworks = trends["by_framework"].as_array().unwrap();
    assert!(!frameworks.is_empty());
    let mut all = 0;
    for series in frameworks {
        let id = series["key"].as_str().unwrap();
        let stable = facts[id]["stable_releases"].as_u64().unwrap();
        assert_eq!(total(series, "per_year"), stable, "{id}");
        assert_eq!(total(series, "per_quarter"), stable, "{id}");
        all += stable;
    }
    for grouping in ["by_language", "by_category"] {
        let sum: u64 = trends[grouping]
            .as_array()
            .unwrap()
            .iter()
            .map(|series| total(series, "per_year"))
            .sum();
        assert_eq!(sum, all, "{grouping}");
    }
    let oldest = facts.values().filter_map(|f| f["as_of"].as_str()).min();
    assert_eq!(trends["as_of"].as_str(), oldest);
}
