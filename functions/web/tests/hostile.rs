//! The pages under hostile and unusual input (issue 29): each test is one finding of the probe,
//! driven through the router as a browser or an API client would send it.

#![allow(clippy::unwrap_used)]

mod support;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use support::*;
use testkit::{get, send};

fn request(method: Method, uri: &str, accept: Option<&str>) -> Request<Body> {
    let mut builder = Request::builder().method(method).uri(uri);
    if let Some(accept) = accept {
        builder = builder.header("accept", accept);
    }
    builder.body(Body::empty()).unwrap()
}

const BROWSER: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

fn encoded(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// The textarea's text, unescaped enough to compare with plain text without markup.
fn textarea(html: &str) -> &str {
    let start = html.find("<textarea").unwrap();
    let start = html[start..].find('>').unwrap() + start + 1;
    let end = html[start..].find("</textarea>").unwrap() + start;
    &html[start..end]
}

#[tokio::test]
async fn a_description_in_any_script_is_read_up_to_the_characters_the_form_promises() {
    let app = app();
    // 506 CJK characters: a 4.6 KB query, refused with a 414 before.
    let text = format!("realtime chat in typescript {}", "语".repeat(478));
    assert_eq!(text.chars().count(), 506);
    let html = page(
        &visit(&app, &format!("/?description={}", encoded(&text))).await,
        200,
    );
    assert_eq!(textarea(&html), text, "the text is kept in the form");
    assert!(html.contains("<strong>TypeScript"), "the text was read");
    let maxlength: usize = {
        let at = html.find("maxlength=\"").unwrap() + "maxlength=\"".len();
        html[at..html[at..].find('"').unwrap() + at]
            .parse()
            .unwrap()
    };
    // The promise holds in the worst script: three UTF-8 bytes per unit, percent-encoded.
    let longest = "语".repeat(maxlength);
    page(
        &visit(
            &app,
            &format!("/?use_case=rest_api&description={}", encoded(&longest)),
        )
        .await,
        200,
    );
}

#[tokio::test]
async fn an_address_over_the_budget_keeps_the_text_and_shows_the_error_beside_it() {
    let app = app();
    let text = "语".repeat(500);
    let uri = format!(
        "/?use_case=rest_api&description={}&utm_content={}",
        encoded(&text),
        "x".repeat(4000)
    );
    let html = page(&visit(&app, &uri).await, 414);
    assert!(html.contains("role=\"alert\""));
    assert_eq!(textarea(&html), text, "the text is kept");
    assert!(
        html.contains("<form class=\"profile\""),
        "the form is offered"
    );
    assert!(
        html.contains("id=\"results\""),
        "site.js can swap the results region"
    );
    let over = format!("/?use_case=rest_api&description={}", "a".repeat(700));
    let html = page(&visit(&app, &over).await, 422);
    assert!(html.contains("at most 600"), "the limit is named");
    assert_eq!(textarea(&html), "a".repeat(600));
}

#[tokio::test]
async fn every_chip_leads_to_a_working_page() {
    let app = app();
    for description in [
        "realtime chat in typescript on lambda, must scale",
        "admin-heavy data app, Python team, security matters most",
        "a REST API, not in java",
    ] {
        let html = page(
            &visit(&app, &format!("/?description={}", encoded(description))).await,
            200,
        );
        let chips = form(&html, "class=\"reading\"");
        assert!(
            chips.contains("href=\"#use_case\"") && html.contains("id=\"use_case\""),
            "{description}: the project chip points at the choice"
        );
        let buttons = buttons(chips);
        assert!(
            !buttons.is_empty(),
            "{description}: no chip can be set aside"
        );
        for (name, value) in buttons {
            let uri = submission(chips, Some((&name, &value)));
            let reply = visit(&app, &uri).await;
            let after = page(&reply, 200);
            assert!(
                after.contains("class=\"chip ignored\""),
                "{uri}: nothing set aside"
            );
        }
    }
}

#[tokio::test]
async fn a_browser_that_misses_gets_a_page_and_an_api_client_a_problem_document() {
    let app = app();
    for (method, uri, status) in [
        (Method::POST, "/", 405),
        (Method::PUT, "/catalog", 405),
        (Method::DELETE, "/versus", 405),
        (Method::OPTIONS, "/questions", 405),
        (Method::GET, "/catalog/django/", 404),
        (Method::GET, "/no-such-page", 404),
    ] {
        let reply = send(&app, request(method.clone(), uri, Some(BROWSER))).await;
        let html = page(&reply, status);
        assert!(html.contains("href=\"/\""), "{method} {uri}: no way back");
        if status == 405 {
            assert!(reply.header("allow").unwrap().contains("GET"));
        }
        for accept in [None, Some("*/*"), Some("application/json")] {
            let reply = send(&app, request(method.clone(), uri, accept)).await;
            assert_eq!(reply.status.as_u16(), status);
            assert_eq!(
                reply.header("content-type"),
                Some("application/problem+json")
            );
            assert_security_headers(&reply);
        }
    }
}

#[tokio::test]
async fn undecodable_paths_are_our_own_404_pages() {
    let app = app();
    for uri in ["/catalog/%FF", "/assets/%FF", "/catalog/%C0%AF"] {
        let html = page(&visit(&app, uri).await, 404);
        assert!(
            !html.contains("Invalid URL") && !html.contains("UTF-8"),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn links_carry_only_the_keys_the_page_reads_and_no_copy_per_chip() {
    let app = app();
    let description = "realtime chat in typescript on lambda, must scale, security, admin, orm";
    let padding = "p".repeat(3000);
    let uri = format!(
        "/?description={}&utm_source={padding}",
        encoded(description)
    );
    assert!(uri.len() <= 4096);
    let html = page(&visit(&app, &uri).await, 200);
    assert!(!html.contains(&padding) && !html.contains("utm_source"));
    // The description is in the page a bounded number of times, not once per chip.
    let copies = html.matches(&description.replace(',', "")[..20]).count()
        + html.matches(&encoded(description)[..20]).count();
    assert!(copies <= 3, "{copies} copies of the description");
    for uri in [
        format!("/catalog?language=go&utm_source={padding}"),
        format!("/versus?ids=django,fastapi&utm_source={padding}"),
        format!("/questions?q=django&utm_source={padding}"),
    ] {
        let html = page(&visit(&app, &uri).await, 200);
        assert!(!html.contains("utm_source"), "{uri}");
    }
}

#[tokio::test]
async fn forms_show_the_canonical_value_the_page_read() {
    let app = app();
    let cases = [
        (
            "/catalog?language=golang",
            "id=\"language-go\" name=\"language\" value=\"go\" checked",
        ),
        ("/catalog?language=GO,py", "value=\"python\" checked"),
        (
            "/?use_case=REST_API",
            "<option value=\"rest_api\" selected>",
        ),
        ("/catalog?limit=7", "<option value=\"7\" selected>"),
        (
            "/catalog?sort=PERFORMANCE",
            "<option value=\"performance\" selected>",
        ),
        ("/?use_case=cms&limit=07", "<option value=\"7\" selected>"),
        (
            "/?use_case=cms&priorities=security,performance,productivity,ecosystem",
            "id=\"priority-3\" name=\"priorities\"><option value=\"\">(none)</option><option value=\"performance\">Performance</option><option value=\"scalability\">Scalability</option><option value=\"ease_of_learning\">Ease of learning</option><option value=\"productivity\">Productivity</option><option value=\"ecosystem\" selected>",
        ),
        (
            "/versus?ids=Django,fastapi&priorities=security,performance,productivity,ecosystem",
            "<option value=\"ecosystem\" selected>",
        ),
    ];
    for (uri, shown) in cases {
        let html = page(&visit(&app, uri).await, 200);
        assert!(
            html.contains(shown),
            "{uri}: the form does not show {shown}"
        );
    }
}

/// Addresses that give a parameter the page reads once a second time.
const GIVEN_TWICE: [&str; 6] = [
    "/catalog?sort=name&sort=name",
    "/catalog?limit=5&limit=10",
    "/?limit=5&limit=10&use_case=cms",
    "/?use_case=cms&use_case=cms",
    "/questions?topic=basics&topic=trends",
    "/questions?q=a&q=b",
];

#[tokio::test]
async fn a_one_value_parameter_given_twice_is_refused_in_the_api_s_words() {
    let app = app();
    for uri in GIVEN_TWICE {
        let html = page(&visit(&app, uri).await, 400);
        assert!(html.contains("is given more than once"), "{uri}");
        assert!(html.contains("<form"), "{uri}: the form is offered again");
    }
}

#[tokio::test]
async fn priorities_are_judged_before_any_framework_is_chosen() {
    let html = page(&visit(&app(), "/versus?priorities=bogus").await, 422);
    assert!(html.contains("bogus"));
}

#[tokio::test]
async fn an_asset_revalidates_with_its_etag() {
    let app = app();
    for asset in web::ASSETS {
        let first = send(&app, get(&asset.href())).await;
        let etag = first.header("etag").unwrap().to_owned();
        let mut again = get(&asset.href());
        again
            .headers_mut()
            .insert("if-none-match", etag.parse().unwrap());
        let second = send(&app, again).await;
        assert_eq!(second.status, StatusCode::NOT_MODIFIED, "{}", asset.href());
        assert!(second.body.is_null());
        assert_security_headers(&second);
    }
}
