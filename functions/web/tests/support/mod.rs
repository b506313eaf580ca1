//! What the web tests share: the app, a page's checks, and a browser's reading of a form
//! (which fields it would send), so that a test can submit a rendered form as a person would.

#![allow(dead_code, clippy::unwrap_used)]

use runtime::Context;
use testkit::{Reply, get, send};

pub(crate) fn app() -> axum::Router {
    web::app(Context::embedded().unwrap())
}

/// The reply to `GET uri`, with a browser's `Accept`.
pub(crate) async fn visit(app: &axum::Router, uri: &str) -> Reply {
    let mut request = get(uri);
    request.headers_mut().insert(
        "accept",
        "text/html,application/xhtml+xml,*/*;q=0.8".parse().unwrap(),
    );
    send(app, request).await
}

/// The HTML of a reply, after checking that it is a page with every security header.
pub(crate) fn page(reply: &Reply, status: u16) -> String {
    let html = reply.body.as_str().unwrap_or_default().to_owned();
    let start: String = html.chars().take(300).collect();
    assert_eq!(reply.status.as_u16(), status, "{start}");
    assert_eq!(
        reply.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_security_headers(reply);
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\">"));
    assert!(html.contains("<meta name=\"description\" content=\""));
    html
}

pub(crate) fn assert_security_headers(reply: &Reply) {
    let csp = reply.header("content-security-policy").unwrap();
    assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"));
    assert!(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"));
    assert_eq!(reply.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(reply.header("x-frame-options"), Some("DENY"));
    assert!(reply.header("referrer-policy").is_some());
}

/// The markup of the first `<form …>` whose opening tag contains `marker`, up to `</form>`.
pub(crate) fn form<'a>(html: &'a str, marker: &str) -> &'a str {
    let start = html
        .match_indices("<form")
        .map(|(at, _)| at)
        .find(|at| html[*at..html[*at..].find('>').unwrap() + at].contains(marker))
        .unwrap_or_else(|| panic!("no form with {marker}"));
    let end = html[start..].find("</form>").unwrap() + start;
    &html[start..end]
}

/// Where a form goes and what a browser sends when it is submitted without a button of
/// its own: hidden and text inputs, ticked boxes, each select's chosen (or first) option,
/// textareas; empty values included, as browsers send them.
pub(crate) fn submission(form: &str, button: Option<(&str, &str)>) -> String {
    let open = tag_at(form, 0);
    let action = attribute(open, "action").unwrap_or_default();
    let path = action.split('#').next().unwrap_or_default().to_owned();
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut select: Option<(String, Option<String>, Option<String>)> = None;
    let mut at = 0;
    while let Some(found) = form[at..].find('<') {
        let start = at + found;
        let tag = tag_at(form, start);
        at = start + tag.len() + 2;
        let kind = tag.split_whitespace().next().unwrap_or_default();
        match kind {
            "input" => {
                let (Some(name), kind) = (attribute(tag, "name"), attribute(tag, "type")) else {
                    continue;
                };
                let value = attribute(tag, "value").unwrap_or_default();
                match kind.as_deref() {
                    Some("checkbox" | "radio") if !flag(tag, "checked") => {}
                    Some("submit" | "button") => {}
                    _ => pairs.push((name, value)),
                }
            }
            "textarea" => {
                let end = form[at..].find("</textarea>").unwrap() + at;
                if let Some(name) = attribute(tag, "name") {
                    pairs.push((name, unescape(&form[at..end])));
                }
                at = end;
            }
            "select" => select = attribute(tag, "name").map(|name| (name, None, None)),
            "option" => {
                if let Some((_, first, chosen)) = select.as_mut() {
                    let value = attribute(tag, "value").unwrap_or_default();
                    if first.is_none() {
                        *first = Some(value.clone());
                    }
                    if flag(tag, "selected") {
                        *chosen = Some(value);
                    }
                }
            }
            "/select" => {
                if let Some((name, first, chosen)) = select.take() {
                    pairs.push((name, chosen.or(first).unwrap_or_default()));
                }
            }
            _ => {}
        }
    }
    if let Some((name, value)) = button {
        pairs.push((name.to_owned(), value.to_owned()));
    }
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    format!("{path}?{query}")
}

/// The submit buttons of a form with a name, as (name, value).
pub(crate) fn buttons(form: &str) -> Vec<(String, String)> {
    form.match_indices("<button")
        .map(|(at, _)| tag_at(form, at))
        .filter_map(|tag| Some((attribute(tag, "name")?, attribute(tag, "value")?)))
        .collect()
}

/// The inside of the tag that opens at `start` (`<` … `>`, both excluded). Attribute values
/// never hold a raw `>`: maud escapes it.
fn tag_at(html: &str, start: usize) -> &str {
    let end = html[start..].find('>').unwrap() + start;
    &html[start + 1..end]
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let marker = format!(" {name}=\"");
    let start = tag.find(&marker)? + marker.len();
    let end = tag[start..].find('"')? + start;
    Some(unescape(&tag[start..end]))
}

/// A bare attribute (`checked`), outside every quoted value.
fn flag(tag: &str, name: &str) -> bool {
    tag.split('"')
        .step_by(2)
        .flat_map(str::split_whitespace)
        .any(|word| word == name)
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}
