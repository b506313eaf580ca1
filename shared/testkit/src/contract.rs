//! Checks a response against the OpenAPI document: the status is documented for the
//! operation, and a body has the documented media type and schema. Shared by the contract
//! tests and the black-box suite.

use serde_json::{Map, Value, json};

/// What is checked of a response, however the test obtained it.
#[derive(Debug)]
pub struct Observed<'a> {
    pub status: u16,
    pub content_type: Option<&'a str>,
    /// Header names present on the response, lower-case.
    pub headers: Vec<String>,
    /// `Null` for an empty body.
    pub body: &'a Value,
}

/// Follows a local `$ref` (`#/components/...`) once, if `value` is one.
pub fn resolve<'a>(document: &'a Value, value: &'a Value) -> &'a Value {
    match value.get("$ref").and_then(Value::as_str) {
        Some(pointer) => document
            .pointer(pointer.trim_start_matches('#'))
            .unwrap_or_else(|| panic!("dangling $ref {pointer}")),
        None => value,
    }
}

/// Validates `instance` against `schema`, which may `$ref` the document's components.
pub fn schema_errors(document: &Value, schema: &Value, instance: &Value) -> Vec<String> {
    let mut root: Map<String, Value> = match schema {
        Value::Object(map) => map.clone(),
        other => panic!("schema is not an object: {other}"),
    };
    root.insert("components".into(), document["components"].clone());
    let validator = jsonschema::draft202012::new(&Value::Object(root))
        .unwrap_or_else(|error| panic!("the schema does not compile: {error}"));
    validator
        .iter_errors(instance)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect()
}

/// Validates `instance` against `#/components/schemas/{name}`.
pub fn component_errors(document: &Value, name: &str, instance: &Value) -> Vec<String> {
    schema_errors(
        document,
        &json!({ "$ref": format!("#/components/schemas/{name}") }),
        instance,
    )
}

/// The path template of the document that `path` (no query) falls under, if any.
pub fn template_for(document: &Value, path: &str) -> Option<String> {
    let segments: Vec<&str> = path.split('/').collect();
    document["paths"].as_object()?.keys().find_map(|template| {
        let pattern: Vec<&str> = template.split('/').collect();
        let matches = pattern.len() == segments.len()
            && pattern
                .iter()
                .zip(&segments)
                .all(|(p, s)| (p.starts_with('{') && p.ends_with('}') && !s.is_empty()) || p == s);
        matches.then(|| template.clone())
    })
}

/// Everything about `observed` that breaks what the document promises for `method` on
/// the path template `path`. A method the path does not have is answered by the shared 405.
pub fn conformance_errors(
    document: &Value,
    method: &str,
    path: &str,
    observed: &Observed<'_>,
) -> Vec<String> {
    let operation = &document["paths"][path][method.to_ascii_lowercase()];
    let status = observed.status.to_string();
    let fallback = (operation.is_null() && observed.status == 405)
        .then(|| &document["components"]["responses"]["MethodNotAllowed"]);
    let Some(response) = operation["responses"].get(&status).or(fallback) else {
        return vec![format!(
            "{method} {path}: status {status} is not documented"
        )];
    };
    let response = resolve(document, response);
    let mut errors = Vec::new();
    for (name, header) in response["headers"].as_object().into_iter().flatten() {
        let header = resolve(document, header);
        if header["required"] == json!(true)
            && !observed.headers.contains(&name.to_ascii_lowercase())
        {
            errors.push(format!("{method} {path} {status}: header {name} missing"));
        }
    }
    if observed.body.is_null() {
        return errors;
    }
    let media = observed
        .content_type
        .unwrap_or_default()
        .split(';')
        .next()
        .unwrap_or_default()
        .trim();
    let Some(content) = response["content"].get(media) else {
        errors.push(format!(
            "{method} {path} {status}: media type {media:?} is not documented"
        ));
        return errors;
    };
    errors.extend(
        schema_errors(document, &content["schema"], observed.body)
            .into_iter()
            .map(|error| format!("{method} {path} {status}: {error}")),
    );
    errors
}
