//! Every place an error repeats client input — query keys, vocabulary values, ids, JSON
//! keys, `ratings.<key>` — repeats it sanitised and clipped (`model::echo`), through the
//! whole API as the local server serves it, writes allowed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use runtime::{Context, Settings, Stores};
use serde_json::{Map, Value, json};
use testkit::call;
use testkit::catalog::framework_body;

/// A right-to-left override, a zero-width space, an escape sequence and a bidi isolate,
/// then `length` more characters.
fn hostile(length: usize) -> String {
    format!(
        "\u{202e}evil\u{200b}\u{1b}[31m\u{2066}{}",
        "k".repeat(length)
    )
}

/// Percent-encodes every byte that is not an ASCII letter or digit.
fn encoded(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn api() -> axum::Router {
    let settings = Settings {
        allow_local_writes: true,
        ..Settings::from_lookup(|_| None).unwrap()
    };
    local_server::api(Context {
        settings: Arc::new(settings),
        stores: Stores::embedded().unwrap(),
    })
}

/// The reply's whole body, as sent, must be small and free of the disguising characters.
fn assert_safe(case: &str, status: u16, body: &Value) {
    assert!(
        (400..500).contains(&status),
        "{case}: answered {status}: {body}"
    );
    let text = body.to_string();
    assert!(
        text.len() < 4_096,
        "{case}: a {}-byte answer echoes too much",
        text.len()
    );
    for hidden in ['\u{202e}', '\u{200b}', '\u{1b}', '\u{2066}'] {
        assert!(
            !text.contains(hidden),
            "{case}: echoes {hidden:?} raw: {text}"
        );
    }
    assert!(
        !text.contains(&"k".repeat(65)),
        "{case}: echoes more than 64 characters of one value"
    );
}

#[tokio::test]
async fn query_keys_vocabulary_values_and_ids_are_echoed_sanitised_and_clipped() {
    let api = api();
    let raw = encoded(&hostile(20_000));
    let cases = [
        ("unknown query key", format!("/frameworks?{raw}=1")),
        ("repeated query key", format!("/frameworks?{raw}=1&{raw}=2")),
        ("vocabulary value", format!("/frameworks?language={raw}")),
        (
            "listed vocabulary value",
            format!("/frameworks?feature=orm,{raw}"),
        ),
        ("number", format!("/frameworks?limit={raw}")),
        ("framework id", format!("/frameworks/{raw}")),
        ("compared id", format!("/compare?ids=django,{raw}")),
        (
            "priority",
            format!("/compare?ids=django,flask&priorities={raw}"),
        ),
        ("faq topic", format!("/faq?q=orm&topic={raw}")),
        ("faq id", format!("/faq/{raw}")),
        ("unknown path", format!("/{raw}")),
    ];
    for (case, uri) in cases {
        let reply = call(&api, "GET", &uri, &[], None).await;
        assert_safe(case, reply.status.as_u16(), &reply.body);
    }
}

#[tokio::test]
async fn json_keys_and_values_are_echoed_sanitised_and_clipped() {
    let api = api();
    let key = hostile(60_000);
    let mut profile = Map::new();
    profile.insert("use_case".into(), json!("rest_api"));
    profile.insert(key.clone(), json!(1));
    let reply = call(
        &api,
        "POST",
        "/recommendations",
        &[],
        Some(&Value::Object(profile)),
    )
    .await;
    assert_safe("recommendation key", reply.status.as_u16(), &reply.body);

    let value = hostile(30_000);
    let profile = json!({"use_case": value, "priorities": [value], "deployment": value});
    let reply = call(&api, "POST", "/recommendations", &[], Some(&profile)).await;
    assert_safe("recommendation values", reply.status.as_u16(), &reply.body);

    let mut body = framework_body("newcomer");
    body[key.as_str()] = json!(1);
    assert_create_is_safe(&api, "framework key", &body).await;

    for nested in ["ratings", "rating_notes"] {
        let mut body = framework_body("newcomer");
        body[nested][hostile(20_000).as_str()] = json!(3);
        assert_create_is_safe(&api, nested, &body).await;
    }

    let mut body = framework_body("newcomer");
    body["language"] = json!(hostile(20_000));
    body["features"] = json!([hostile(20_000)]);
    assert_create_is_safe(&api, "framework vocabulary", &body).await;

    let reply = call(
        &api,
        "PUT",
        &format!("/frameworks/{}", encoded(&hostile(1_000))),
        &[("if-none-match", "*")],
        Some(&framework_body("newcomer")),
    )
    .await;
    assert_safe(
        "framework id in a write",
        reply.status.as_u16(),
        &reply.body,
    );
}

/// Sends `body` to create `/frameworks/newcomer` and checks what its refusal echoes.
async fn assert_create_is_safe(api: &axum::Router, case: &str, body: &Value) {
    let reply = call(
        api,
        "PUT",
        "/frameworks/newcomer",
        &[("if-none-match", "*")],
        Some(body),
    )
    .await;
    assert_safe(case, reply.status.as_u16(), &reply.body);
}
