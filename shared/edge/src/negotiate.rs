//! Which representation of an error a client asked for: a page for a browser, a problem
//! document for everyone else (RFC 9110 §12.5.1, `Accept`).

use axum::http::{HeaderMap, header};

/// Whether `Accept` ranks HTML above JSON: a browser's navigation (`text/html,…,*/*;q=0.8`)
/// or `fetch` with `Accept: text/html`. HTML must be named; a wildcard counts for JSON only,
/// so `*/*` (curl), no header (most clients) and a tie all get the API's problem document.
pub fn wants_html(headers: &HeaderMap) -> bool {
    let mut html = 0.0_f32;
    let mut json = 0.0_f32;
    for accept in headers.get_all(header::ACCEPT) {
        let Ok(accept) = accept.to_str() else {
            continue;
        };
        for range in accept.split(',') {
            let mut parts = range.split(';');
            let media = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
            let quality = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            match media.as_str() {
                "text/html" | "application/xhtml+xml" => html = html.max(quality),
                "application/json" | "application/problem+json" | "application/*" | "*/*" => {
                    json = json.max(quality);
                }
                _ => {}
            }
        }
    }
    html > 0.0 && html > json
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT, value.parse().unwrap());
        headers
    }

    #[test]
    fn browsers_get_pages_and_api_clients_get_problem_documents() {
        let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";
        assert!(wants_html(&accept(browser)));
        assert!(wants_html(&accept("text/html")));
        for other in [
            "*/*",
            "application/json",
            "application/problem+json, text/html;q=0.5",
            "text/html, application/json",
            "text/html;q=0",
        ] {
            assert!(!wants_html(&accept(other)), "{other}");
        }
        assert!(!wants_html(&HeaderMap::new()));
    }
}
