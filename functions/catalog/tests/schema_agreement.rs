//! The server and the served OpenAPI document agree on what a framework is, in both
//! directions: bodies generated from the `FrameworkInput` schema — its example, then for
//! every property values at and just past each constraint the schema states, plus the
//! shapes a schema forbids — are accepted by `FrameworkSpec::from_json` exactly when the schema
//! calls them valid, and every framework the server would store validates against the
//! `Framework` schema it serves.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jsonschema::Validator;
use model::{Framework, FrameworkSpec, Slug};
use serde_json::{Map, Value, json};
use testkit::contract::{component_errors, resolve};

fn document() -> Value {
    serde_json::from_str(catalog::OPENAPI).unwrap()
}

/// The documented `PUT` example, under the id the path names.
fn example(document: &Value) -> (Slug, Value) {
    let body =
        document["paths"]["/frameworks/{id}"]["put"]["requestBody"]["content"]["application/json"]
            ["example"]
            .clone();
    let id = body["id"].as_str().unwrap_or("example").to_owned();
    (Slug::parse(&id).unwrap(), body)
}

/// The schema at `node` with its `$ref` followed and an `allOf` merged, so that the
/// constraints on one value are in one object.
fn flatten(document: &Value, node: &Value) -> Map<String, Value> {
    let mut merged = Map::new();
    if let Some(Value::String(_)) = node.get("$ref") {
        merged.extend(flatten(document, resolve(document, node)));
    }
    for part in node
        .get("allOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        merged.extend(flatten(document, part));
    }
    if let Some(object) = node.as_object() {
        for (key, value) in object {
            if key != "$ref" && key != "allOf" {
                merged.insert(key.clone(), value.clone());
            }
        }
    }
    merged
}

/// Values for one place in a body, derived from its schema and its valid value there:
/// each bound met and overstepped, each listed value and near misses of it, and the types
/// the schema does not allow.
fn candidates(document: &Value, node: &Value, valid: &Value) -> Vec<Value> {
    let schema = flatten(document, node);
    let mut out = vec![
        Value::Null,
        json!(true),
        json!(7),
        json!("text"),
        json!([]),
        json!({}),
    ];
    if let Some(choices) = schema
        .get("oneOf")
        .or(schema.get("anyOf"))
        .and_then(Value::as_array)
    {
        for choice in choices {
            out.extend(candidates(document, choice, valid));
        }
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        for value in values {
            let name = value.as_str().unwrap_or_default();
            out.push(value.clone());
            out.push(json!(name.to_uppercase()));
            out.push(json!(format!(" {name}")));
            out.push(json!(format!("{name}x")));
        }
        // Aliases the query parameters accept, which a stored document may not use.
        out.extend(["golang", "node", "ts", "perf", "rest"].map(|alias| json!(alias)));
    }
    match schema.get("type").and_then(Value::as_str) {
        Some("string") => {
            let max = schema
                .get("maxLength")
                .and_then(Value::as_u64)
                .unwrap_or(300) as usize;
            let min = schema.get("minLength").and_then(Value::as_u64).unwrap_or(0) as usize;
            let seed = valid.as_str().unwrap_or("text");
            let prefix = if seed.starts_with("https://") {
                "https://"
            } else {
                ""
            };
            let filled = |n: usize| {
                let body: String = "x".repeat(n.saturating_sub(prefix.len()));
                json!(format!("{prefix}{body}"))
            };
            out.extend([filled(max), filled(max + 1), filled(min.max(1))]);
            for odd in [
                "", " ", "\u{3000}", "\t", "\n", "\u{7}", "\u{85}", "\u{7f}", "\u{200b}", "é",
            ] {
                out.push(json!(format!("{seed}{odd}")));
                out.push(json!(format!("{odd}{seed}")));
                out.push(json!(odd));
            }
            out.push(json!(format!(" {seed} ")));
            out.push(json!(format!("{seed} x")));
            out.push(json!("http://example.org"));
            out.push(json!("https://"));
            out.push(json!("https://a\u{1}b"));
            out.push(json!(format!("{}{}", " ".repeat(max), seed)));
        }
        Some("integer") => {
            for bound in ["minimum", "maximum"] {
                if let Some(n) = schema.get(bound).and_then(Value::as_i64) {
                    out.extend([json!(n), json!(n - 1), json!(n + 1), json!(n as f64)]);
                    out.push(json!(n as f64 + 0.5));
                    out.push(json!(n.to_string()));
                }
            }
            out.extend([json!(-1), json!(0), json!(1e300), json!(-0.0), json!(2.5)]);
        }
        Some("array") => {
            let items = valid.as_array().cloned().unwrap_or_default();
            let first = items.first().cloned().unwrap_or(Value::Null);
            let max = schema.get("maxItems").and_then(Value::as_u64).unwrap_or(32) as usize;
            out.push(json!([first.clone(), first.clone()]));
            out.push(Value::Array(vec![first.clone(); max + 1]));
            out.push(json!([]));
            if let Some(item_schema) = schema.get("items") {
                for item in candidates(document, item_schema, &first) {
                    let mut changed = items.clone();
                    match changed.first_mut() {
                        Some(slot) => *slot = item,
                        None => changed.push(item),
                    }
                    out.push(Value::Array(changed));
                }
            }
        }
        Some("object") => out.extend(object_candidates(document, &schema, valid)),
        _ => {}
    }
    out
}

/// An object with each property replaced by each of its candidates, each required one
/// left out, and keys the schema does not list added.
fn object_candidates(document: &Value, schema: &Map<String, Value>, valid: &Value) -> Vec<Value> {
    let Some(object) = valid.as_object() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let properties = schema.get("properties").and_then(Value::as_object);
    for (key, property) in properties.into_iter().flatten() {
        let present = object.get(key).cloned().unwrap_or(Value::Null);
        for candidate in candidates(document, property, &present) {
            let mut changed = object.clone();
            changed.insert(key.clone(), candidate);
            out.push(Value::Object(changed));
        }
        let mut without = object.clone();
        without.remove(key);
        out.push(Value::Object(without));
    }
    if let Some(extra) = schema.get("additionalProperties").filter(|s| s.is_object()) {
        let sample = object.values().next().cloned().unwrap_or(Value::Null);
        for key in [
            "performance",
            "security",
            "Performance",
            "perf",
            "colour",
            " security",
        ] {
            for candidate in candidates(document, extra, &sample) {
                let mut changed = object.clone();
                changed.insert(key.into(), candidate);
                out.push(Value::Object(changed));
            }
        }
    }
    for key in ["colour", "Name", "title ", ""] {
        let mut changed = object.clone();
        changed.insert(key.into(), json!("x"));
        out.push(Value::Object(changed));
    }
    out
}

/// The body with the value at `path` (a JSON pointer) replaced by each of its candidates.
fn bodies(document: &Value) -> (Slug, Vec<Value>) {
    let (id, example) = example(document);
    let input = json!({"$ref": "#/components/schemas/FrameworkInput"});
    let mut all = vec![example.clone()];
    all.extend(candidates(document, &input, &example));
    (id, all)
}

/// The validator of one component, compiled once for the thousands of bodies.
fn validator(document: &Value, name: &str) -> Validator {
    let root = json!({
        "$ref": format!("#/components/schemas/{name}"),
        "components": document["components"],
    });
    jsonschema::draft202012::new(&root).unwrap()
}

fn errors(validator: &Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect()
}

/// The id rule the schema cannot state: a body's `id`, if present, is the path's.
fn names_another_id(body: &Value, id: &Slug) -> bool {
    body.get("id")
        .is_some_and(|given| given.as_str() != Some(id.as_str()))
        && component_errors(&document(), "Slug", &body["id"]).is_empty()
}

#[test]
fn the_server_accepts_exactly_the_framework_bodies_the_schema_calls_valid() {
    let document = document();
    let (id, bodies) = bodies(&document);
    assert!(
        bodies.len() > 1_000,
        "only {} bodies generated",
        bodies.len()
    );
    eprintln!("{} bodies generated from the schema", bodies.len());
    let input = validator(&document, "FrameworkInput");
    let mut disagreements = Vec::new();
    let mut accepted = 0;
    for body in &bodies {
        let schema_errors = errors(&input, body);
        let schema_valid = schema_errors.is_empty() && !names_another_id(body, &id);
        let server = FrameworkSpec::from_json(&id, body);
        if schema_valid != server.is_ok() {
            disagreements.push(format!(
                "schema {} / server {}: {:?} {:?}\n  body: {}",
                if schema_valid { "accepts" } else { "refuses" },
                if server.is_ok() { "accepts" } else { "refuses" },
                schema_errors.first(),
                server.as_ref().err().map(|errors| &errors[0]),
                model::echo(&body.to_string())
            ));
        }
        if server.is_ok() {
            accepted += 1;
        }
    }
    assert!(
        accepted > 50,
        "only {accepted} bodies were valid: the generator is too wild"
    );
    assert!(
        disagreements.is_empty(),
        "{} of {} bodies disagree:\n{}",
        disagreements.len(),
        bodies.len(),
        disagreements.join("\n")
    );
}

#[test]
fn every_framework_the_server_would_store_validates_against_the_served_schema() {
    let document = document();
    let (id, bodies) = bodies(&document);
    let served_schema = validator(&document, "Framework");
    let mut stored = 0;
    for body in &bodies {
        let Ok(spec) = FrameworkSpec::from_json(&id, body) else {
            continue;
        };
        let framework = Framework {
            id: id.clone(),
            spec: spec.into(),
            version: 3,
            updated_at: "2026-11-30T00:00:00Z".into(),
        };
        let served = serde_json::to_value(&framework).unwrap();
        let errors = errors(&served_schema, &served);
        assert!(errors.is_empty(), "{errors:?}\n  from body: {body}");
        stored += 1;
    }
    assert!(stored > 50);
}
