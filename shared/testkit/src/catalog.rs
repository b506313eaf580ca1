//! The catalog's scenarios: a valid framework body, and the admin write lifecycle every store
//! (embedded, DynamoDB, through Lambda or the local server) must pass the same way.

use axum::Router;
use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::reply::{Reply, call};

/// `PUT /frameworks/{id}` of `body` under the one `condition` header.
pub async fn put(app: &Router, id: &str, condition: (&str, &str), body: &Value) -> Reply {
    let uri = format!("/frameworks/{id}");
    call(app, "PUT", &uri, &[condition], Some(body)).await
}

/// `DELETE /frameworks/{id}` under the one `condition` header.
pub async fn delete(app: &Router, id: &str, condition: (&str, &str)) -> Reply {
    let uri = format!("/frameworks/{id}");
    call(app, "DELETE", &uri, &[condition], None).await
}

/// A valid framework body for a `PUT`: an existing framework under a new id and name.
pub fn framework_body(id: &str) -> Value {
    let fastapi = model::dataset::load_frameworks()
        .unwrap()
        .into_iter()
        .find(|f| f.id.as_str() == "fastapi")
        .unwrap();
    let mut body = serde_json::to_value(fastapi).unwrap();
    body["id"] = Value::from(id);
    body["name"] = Value::from(format!("Framework {id}"));
    body
}

/// The whole life of a framework through the admin routes of `app` (writes allowed), on
/// whichever store it runs: create (201), create again (412), replace (200, new ETag), a stale
/// replace (412 naming the current ETag), an unconditional one (428), a listing that counts it,
/// then delete's 428, 412, 204 and 404. `catalog_size` is the number of frameworks before.
pub async fn admin_write_lifecycle(app: &Router, catalog_size: u64) {
    let put = async |condition: &[(&str, &str)], body: &Value| {
        call(app, "PUT", "/frameworks/newcomer", condition, Some(body)).await
    };
    let created = put(&[("if-none-match", "*")], &framework_body("newcomer")).await;
    assert_eq!(
        (created.status, created.header("etag")),
        (StatusCode::CREATED, Some("\"1\""))
    );
    assert_eq!(created.header("location"), Some("/frameworks/newcomer"));
    let again = put(&[("if-none-match", "*")], &framework_body("newcomer")).await;
    assert_eq!(again.status, StatusCode::PRECONDITION_FAILED);

    let mut edited = framework_body("newcomer");
    edited["description"] = json!("Edited by an admin.");
    let replaced = put(&[("if-match", "\"1\"")], &edited).await;
    assert_eq!(
        (replaced.status, replaced.header("etag")),
        (StatusCode::OK, Some("\"2\""))
    );
    let stale = put(&[("if-match", "\"1\"")], &edited).await;
    assert_eq!(stale.status, StatusCode::PRECONDITION_FAILED);
    assert!(
        stale.body["detail"].as_str().unwrap().contains("\"2\""),
        "{}",
        stale.body
    );
    let blind = put(&[], &edited).await;
    assert_eq!(blind.status, StatusCode::PRECONDITION_REQUIRED);

    let fetched = call(app, "GET", "/frameworks/newcomer", &[], None).await;
    assert_eq!(fetched.body["description"], "Edited by an admin.");
    assert_eq!(fetched.body["version"], 2);
    let listed = call(app, "GET", "/frameworks?limit=100", &[], None).await;
    assert_eq!(listed.body["count"], catalog_size + 1);

    let delete = async |if_match: &[(&str, &str)]| {
        call(app, "DELETE", "/frameworks/newcomer", if_match, None).await
    };
    let blind_delete = delete(&[]).await;
    assert_eq!(blind_delete.status, StatusCode::PRECONDITION_REQUIRED);
    let stale_delete = delete(&[("if-match", "\"1\"")]).await;
    assert_eq!(stale_delete.status, StatusCode::PRECONDITION_FAILED);
    let deleted = delete(&[("if-match", "\"2\"")]).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    let twice = delete(&[("if-match", "\"2\"")]).await;
    assert_eq!(twice.status, StatusCode::NOT_FOUND);
    let gone = call(app, "GET", "/frameworks/newcomer", &[], None).await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
}

/// Deletes `id` (at `etag`) and creates it again through `app` (writes allowed), then holds
/// every `ETag` the id had before to the rule that a version never repeats: each is a 200
/// (not a 304) for `If-None-Match` and a 412 for `If-Match` on `PUT` and `DELETE`, so a client
/// that never saw the new framework cannot overwrite or delete it by accident.
pub async fn recreation_never_reuses_an_etag(app: &Router, id: &str, etag: &str) {
    let uri = format!("/frameworks/{id}");
    let mut seen = vec![etag.to_owned()];
    let mut edited = framework_body(id);
    edited["description"] = Value::from("Before the delete.");
    let replaced = put(app, id, ("if-match", etag), &edited).await;
    assert_eq!(replaced.status, StatusCode::OK, "{}", replaced.body);
    let current = replaced.header("etag").unwrap().to_owned();
    seen.push(current.clone());
    let deleted = delete(app, id, ("if-match", &current)).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);

    let mut reborn_body = framework_body(id);
    reborn_body["description"] = Value::from("Created again after a delete.");
    let reborn = put(app, id, ("if-none-match", "*"), &reborn_body).await;
    assert_eq!(reborn.status, StatusCode::CREATED, "{}", reborn.body);
    let new_etag = reborn.header("etag").unwrap().to_owned();
    assert!(
        !seen.contains(&new_etag),
        "the new {new_etag} repeats one of {seen:?}"
    );
    for old in &seen {
        let fetched = call(app, "GET", &uri, &[("if-none-match", old)], None).await;
        assert_eq!(fetched.status, StatusCode::OK, "If-None-Match: {old}");
        assert_eq!(fetched.body["description"], "Created again after a delete.");
        let overwrite = put(app, id, ("if-match", old), &edited).await;
        assert_eq!(
            overwrite.status,
            StatusCode::PRECONDITION_FAILED,
            "PUT If-Match: {old}"
        );
        let refused_delete = delete(app, id, ("if-match", old)).await;
        assert_eq!(
            refused_delete.status,
            StatusCode::PRECONDITION_FAILED,
            "DELETE If-Match: {old}"
        );
    }
    // A read shows the facts too: its tag is the new version's, joined by the facts' tag.
    let read = call(app, "GET", &uri, &[], None).await;
    let read_etag = read.header("etag").unwrap().to_owned();
    assert_eq!(version_of(&read_etag), version_of(&new_etag), "{read_etag}");
    let unchanged = call(app, "GET", &uri, &[("if-none-match", &read_etag)], None).await;
    assert_eq!(unchanged.status, StatusCode::NOT_MODIFIED);
}

/// The version a framework's `ETag` names (`"3"` or `"3.<facts tag>"`).
pub fn version_of(etag: &str) -> Option<u64> {
    let tag = etag.strip_prefix('"')?.strip_suffix('"')?;
    let version = tag.split_once('.').map_or(tag, |(version, _)| version);
    version.parse().ok()
}
