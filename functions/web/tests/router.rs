//! The web router, driven without a server: every page is HTML with the security headers,
//! revalidates with its ETag, and answers bad input with a page and the API's status.

#![allow(clippy::unwrap_used)]

mod support;

use axum::http::{Method, StatusCode};
use support::{app, assert_security_headers, page};
use testkit::{get, send};

fn title(html: &str) -> &str {
    let start = html.find("<title>").unwrap() + "<title>".len();
    &html[start..html[start..].find("</title>").unwrap() + start]
}

const PAGES: [&str; 9] = [
    "/",
    "/?use_case=rest_api&priorities=performance&languages=python",
    "/catalog",
    "/catalog/django",
    "/versus?ids=django,fastapi",
    "/questions",
    "/questions?q=fastest+python+framework",
    "/activity",
    "/activity?group=framework&key=django",
];

#[tokio::test]
async fn every_page_is_html_with_its_own_title_and_the_security_headers() {
    let app = app();
    let mut titles = Vec::new();
    for uri in PAGES {
        let reply = send(&app, get(uri)).await;
        let html = page(&reply, 200);
        assert_eq!(
            reply.header("cache-control"),
            Some("public, max-age=0, s-maxage=60, stale-while-revalidate=30"),
            "{uri}"
        );
        assert_eq!(reply.header("vary"), Some("origin"), "{uri}");
        assert!(
            !html.contains(" style=") && !html.contains("<style"),
            "{uri}: inline style"
        );
        assert!(
            !html.contains("<script>"),
            "{uri}: inline script (the CSP would block it)"
        );
        titles.push(title(&html).to_owned());
    }
    titles.sort();
    titles.dedup();
    assert!(titles.len() >= 6, "titles repeat: {titles:?}");
}

#[tokio::test]
async fn a_page_revalidates_with_its_etag() {
    let app = app();
    let first = send(&app, get("/catalog/django")).await;
    let etag = first.header("etag").unwrap().to_owned();
    let mut again = get("/catalog/django");
    again
        .headers_mut()
        .insert("if-none-match", etag.parse().unwrap());
    let second = send(&app, again).await;
    assert_eq!(second.status, StatusCode::NOT_MODIFIED);
    assert!(second.body.is_null());
    assert_eq!(second.header("etag"), Some(etag.as_str()));
}

#[tokio::test]
async fn the_advice_form_returns_the_api_s_shortlist() {
    let app = app();
    let html = page(
        &send(
            &app,
            get("/?use_case=rest_api&priorities=performance&languages=python&limit=5"),
        )
        .await,
        200,
    );
    let profile = model::Profile::new(model::UseCase::RestApi)
        .with_priorities([model::Dimension::Performance])
        .with_languages([model::Language::Python])
        .with_limit(model::Limit::new(5).unwrap());
    let catalog = model::dataset::load_frameworks().unwrap();
    let expected = model::recommend(&catalog, &profile);
    let mut last = 0;
    for recommendation in &expected.recommendations {
        let at = html
            .find(&format!("href=\"/catalog/{}\"", recommendation.id))
            .unwrap_or_else(|| panic!("{} is not listed", recommendation.id));
        assert!(at > last, "{} is out of order", recommendation.id);
        last = at;
        assert!(html.contains(&format!("{:.1}", recommendation.score)));
    }
    assert!(html.contains("Ruled out ("), "the excluded list is offered");
}

#[tokio::test]
async fn a_description_is_read_back_as_chips_that_can_be_set_aside() {
    let app = app();
    let uri = "/?description=realtime+chat+in+typescript+on+lambda%2C+must+scale";
    let html = page(&send(&app, get(uri)).await, 200);
    assert!(html.contains("We read your text as"));
    for label in ["Real-time", "TypeScript", "Scalability", "Serverless"] {
        assert!(
            html.contains(&format!("<strong>{label}")),
            "no chip for {label}"
        );
    }
    assert!(html.contains("name=\"ignore\" value=\"languages:typescript\""));
    let ignored = page(
        &send(&app, get(&format!("{uri}&ignore=languages:typescript"))).await,
        200,
    );
    assert!(ignored.contains("class=\"chip ignored\""));
    assert!(ignored.contains("use it again"));
    assert_ne!(
        ignored, html,
        "setting a reading aside changes the shortlist's inputs"
    );
}

#[tokio::test]
async fn bad_form_input_is_a_page_with_the_api_s_status_not_a_problem_document() {
    let app = app();
    let cases = [
        ("/?use_case=telepathy", 422, "telepathy"),
        ("/?languages=python", 422, "is required"),
        ("/?use_case=rest_api&limit=99", 422, "1 to 10"),
        ("/?description=hello+there", 422, "kind of project"),
        (
            "/?description=how+do+i+center+a+div+inside+a+flexbox+container",
            422,
            "does not read as a backend project",
        ),
        ("/catalog?language=cobol", 422, "cobol"),
        ("/catalog?limit=abc", 400, "whole number"),
        ("/catalog?cursor=forged", 400, "cursor"),
        ("/versus?ids=django", 422, "2 to 4"),
        ("/versus?ids=django,django", 422, "twice"),
        ("/versus?ids=django,fastapi&priorities=speed", 422, "speed"),
        ("/questions?topic=gossip", 422, "gossip"),
        (
            "/catalog?released_within_months=0",
            422,
            "released_within_months",
        ),
        ("/activity?group=framework&key=nope", 404, "nope"),
        ("/activity?group=planet", 422, "group"),
    ];
    for (uri, status, words) in cases {
        let html = page(&send(&app, get(uri)).await, status);
        assert!(html.contains("role=\"alert\""), "{uri}: no alert");
        assert!(html.contains(words), "{uri}: does not say '{words}'");
        assert!(
            html.contains("<form"),
            "{uri}: the form is not offered again"
        );
    }
}

#[tokio::test]
async fn a_framework_page_dates_its_registry_facts_and_links_their_source() {
    let app = app();
    let facts = model::facts::recorded().unwrap().remove("django").unwrap();
    let latest = facts.latest.unwrap();

    let html = page(&send(&app, get("/catalog/django")).await, 200);

    assert!(html.contains(&latest.version), "no latest version");
    assert!(
        html.contains(&format!("datetime=\"{}\"", latest.date)),
        "no release day"
    );
    assert!(
        html.contains(&format!("href=\"{}\"", facts.source)),
        "no source link"
    );
    assert!(
        html.contains("class=\"data-age\""),
        "no data age in the footer"
    );
}

#[tokio::test]
async fn a_framework_page_shows_each_rating_s_evidence_with_its_source_and_day() {
    let app = app();
    let escaped = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut shown = 0;
    for framework in model::dataset::load_frameworks().unwrap() {
        if framework.spec.evidence.is_empty() {
            continue;
        }
        let html = page(
            &send(&app, get(&format!("/catalog/{}", framework.id))).await,
            200,
        );
        for (dimension, items) in &framework.spec.evidence {
            for item in items {
                let at = format!("{} {dimension}", framework.id);
                assert!(html.contains(&escaped(&item.note)), "{at}: no note");
                assert!(
                    html.contains(&format!("datetime=\"{}\"", item.date)),
                    "{at}: no day"
                );
                if let Some(url) = &item.source.url {
                    assert!(
                        html.contains(&format!("href=\"{}\"", escaped(url))),
                        "{at}: no link"
                    );
                }
                if let Some(figure) = &item.figure {
                    assert!(html.contains(&escaped(&figure.unit)), "{at}: no unit");
                }
                shown += 1;
            }
        }
    }
    assert!(shown > 0, "no framework has evidence to show");
    let fastapi = page(&send(&app, get("/catalog/fastapi")).await, 200);
    assert!(
        fastapi.contains("3,328 requests/s"),
        "figures are written for people"
    );
}

#[tokio::test]
async fn a_framework_on_no_registry_says_why_it_has_no_release_facts() {
    let app = app();
    let why = model::facts::without_registry()
        .unwrap()
        .remove("drogon")
        .unwrap();

    let drogon = page(&send(&app, get("/catalog/drogon")).await, 200);
    let sanic = page(&send(&app, get("/catalog/sanic")).await, 200);

    assert!(drogon.contains(&format!("No package registry facts: {why}")));
    assert!(
        sanic.contains("No package registry facts are stored for Sanic yet."),
        "a package not yet refreshed is told apart"
    );
}

#[tokio::test]
async fn the_releases_page_charts_the_same_numbers_as_its_table() {
    let app = app();

    let html = page(
        &send(&app, get("/activity?group=framework&key=django")).await,
        200,
    );

    let bars = html.matches("class=\"bar\"").count();
    let table = html
        .split("<tbody>")
        .nth(1)
        .unwrap()
        .split("</tbody>")
        .next()
        .unwrap();
    assert!(bars > 5, "{bars} bars");
    assert_eq!(table.matches("<tr>").count(), bars);
    assert!(html.contains("role=\"img\""));
}

#[tokio::test]
async fn unknown_frameworks_are_404_pages_that_suggest_the_near_miss() {
    let app = app();
    let html = page(&send(&app, get("/catalog/djnago")).await, 404);
    assert!(html.contains("href=\"/catalog/django\""));
    let html = page(&send(&app, get("/versus?ids=djnago,fastapi")).await, 404);
    assert!(html.contains("did you mean django"));
}

#[tokio::test]
async fn an_overlong_address_is_a_414_page() {
    let uri = format!("/questions?q=kept&x={}", "a".repeat(9000));
    let html = page(&send(&app(), get(&uri)).await, 414);
    assert!(
        html.contains("value=\"kept\""),
        "the form keeps what it read"
    );
}

#[tokio::test]
async fn pages_ignore_parameters_they_do_not_read() {
    let app = app();
    let plain = send(&app, get("/catalog?language=go")).await;
    let tagged = send(&app, get("/catalog?language=go&utm_source=newsletter")).await;
    assert_eq!(page(&tagged, 200), page(&plain, 200));
}

#[tokio::test]
async fn the_catalog_pages_through_every_framework_with_next_links() {
    let app = app();
    let total = testkit::dataset::catalog_size();
    let mut seen = Vec::new();
    let mut uri = "/catalog?limit=10&sort=performance".to_owned();
    for _ in 0..total {
        let html = page(&send(&app, get(&uri)).await, 200);
        seen.extend(
            html.match_indices("<li class=\"card\"><h3><a href=\"/catalog/")
                .map(|(at, prefix)| {
                    let rest = &html[at + prefix.len()..];
                    rest[..rest.find('"').unwrap()].to_owned()
                }),
        );
        match html.find("rel=\"next\" href=\"") {
            Some(at) => {
                let rest = &html[at + "rel=\"next\" href=\"".len()..];
                uri = rest[..rest.find('"').unwrap()].replace("&amp;", "&");
            }
            None => break,
        }
    }
    let mut distinct = seen.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(seen.len(), total, "{seen:?}");
    assert_eq!(distinct.len(), total);
}

#[tokio::test]
async fn the_compare_page_draws_a_radar_and_tables_with_the_api_s_numbers() {
    let html = page(
        &send(
            &app(),
            get("/versus?ids=django,fastapi,gin&priorities=performance"),
        )
        .await,
        200,
    );
    assert!(html.contains("<svg class=\"radar\""));
    assert_eq!(
        html.matches("class=\"area\"").count(),
        3 + 3,
        "polygons and legend lines"
    );
    let catalog = model::dataset::load_frameworks().unwrap();
    let selection = model::Selection::parse("django,fastapi,gin").unwrap();
    let frameworks = selection.resolve(&catalog).unwrap();
    let comparison = model::compare(
        &frameworks,
        &model::Priorities::new([model::Dimension::Performance]),
    );
    assert!(html.contains(&comparison.verdict.summary));
    for total in comparison.verdict.totals.values() {
        assert!(html.contains(&format!("{total:.2}")));
    }
}

#[tokio::test]
async fn assets_are_immutable_under_hashed_names_and_others_are_404_pages() {
    let app = app();
    for asset in web::ASSETS {
        let reply = send(&app, get(&asset.href())).await;
        assert_eq!(reply.status, 200);
        assert_eq!(
            reply.header("cache-control"),
            Some("public, max-age=31536000, immutable")
        );
        assert_eq!(reply.header("content-type"), Some(asset.content_type));
        assert_security_headers(&reply);
    }
    page(
        &send(&app, get("/assets/site.0000000000000000.css")).await,
        404,
    );
}

#[tokio::test]
async fn the_first_load_of_every_page_weighs_under_100_kb() {
    let app = app();
    let assets: usize = web::ASSETS.iter().map(|asset| asset.bytes.len()).sum();
    for uri in PAGES {
        let html = page(&send(&app, get(uri)).await, 200);
        let total = html.len() + assets;
        assert!(total <= 100 * 1024, "{uri}: {total} bytes");
    }
}

#[tokio::test]
async fn head_answers_like_get_without_a_body() {
    let app = app();
    let request = axum::http::Request::builder()
        .method(Method::HEAD)
        .uri("/catalog")
        .body(axum::body::Body::empty())
        .unwrap();
    let head = send(&app, request).await;
    let get = send(&app, get("/catalog")).await;
    assert_eq!(head.status, 200);
    assert!(head.body.is_null());
    assert_eq!(head.header("etag"), get.header("etag"));
}
