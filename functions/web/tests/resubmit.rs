//! Properties of every page over generated queries, aliases, odd case, repeats, empty values
//! and unknown keys included:
//! - a query the page accepts renders a form that, sent again as it stands, gives the very
//!   same page: the form shows everything the page read, as the page reads it;
//! - no query of up to 4 KB makes a page heavier than [`PAGE_BOUND`].

#![allow(clippy::unwrap_used)]

mod support;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use support::*;

/// The most a page may weigh, whatever its query (the heaviest found is in docs/pages.md).
/// The heaviest is the catalog at 100 cards a page, which grows with the catalog by about
/// 1.1 KB a framework (74,086 bytes at 61, issue 27; 64 KB held it up to about 50): the
/// bound leaves room for about 80 frameworks before the page needs fewer cards per page.
const PAGE_BOUND: usize = 96 * 1024;

/// A page, the class of its form, and (key, values) its query may be drawn from: good values,
/// aliases, other spellings, wrong ones, empty ones and keys the page does not read.
struct Page {
    path: &'static str,
    form: &'static str,
    pool: &'static [(&'static str, &'static [&'static str])],
}

const UNREAD: (&str, &[&str]) = ("utm_source", &["newsletter", ""]);

const PAGES: [Page; 4] = [
    Page {
        path: "/",
        form: "class=\"profile\"",
        pool: &[
            (
                "description",
                &[
                    "realtime chat in typescript on lambda, must scale",
                    "admin-heavy data app, Python team, security matters most",
                    "a fast REST API in Go or Rust, not java",
                    "实时聊天 realtime 应用 in golang",
                    "",
                ],
            ),
            (
                "use_case",
                &["rest_api", "REST_API", "cms", " realtime ", "telepathy", ""],
            ),
            (
                "deployment",
                &["serverless", "containers", "Serverless", ""],
            ),
            (
                "priorities",
                &[
                    "performance",
                    "Security",
                    "type_safety,productivity",
                    "ecosystem",
                    "speed",
                    "",
                ],
            ),
            (
                "languages",
                &["python", "golang", "node", "TS,rust", "py", "cobol", ""],
            ),
            ("required_features", &["orm", "ORM,auth", "websockets", ""]),
            ("limit", &["3", "5", "07", "10", "99", ""]),
            (
                "ignore",
                &[
                    "languages:typescript",
                    "priorities:scalability",
                    "nonsense",
                    "",
                ],
            ),
            UNREAD,
        ],
    },
    Page {
        path: "/catalog",
        form: "class=\"filters\"",
        // No cursor: the filter form starts again from the first page, by design; the pager
        // links carry the cursor.
        pool: &[
            (
                "language",
                &["go", "golang", "PYTHON", "js,ts", "cobol", ""],
            ),
            ("q", &["orm", "admin panel", "tokio, or not", ""]),
            ("category", &["micro", "full-stack", "fullstack", ""]),
            ("feature", &["orm", "auth,ORM", ""]),
            ("use_case", &["rest_api", "CMS", ""]),
            ("sort", &["name", "performance", "PERFORMANCE", "speed", ""]),
            ("limit", &["7", "10", "020", "100", "0", ""]),
            UNREAD,
        ],
    },
    Page {
        path: "/versus",
        form: "class=\"picker\"",
        pool: &[
            (
                "ids",
                &["django", "Django", "fastapi,gin", "echo", "djnago", ""],
            ),
            (
                "priorities",
                &[
                    "performance",
                    "Security",
                    "type_safety,productivity",
                    "ecosystem",
                    "bogus",
                    "",
                ],
            ),
            UNREAD,
        ],
    },
    Page {
        path: "/questions",
        form: "class=\"search\"",
        pool: &[
            (
                "q",
                &["fastest python framework", "django, or flask?", "语言", ""],
            ),
            ("topic", &["basics", "PYTHON", "trends", "gossip", ""]),
            UNREAD,
        ],
    },
];

/// A query drawn from the page's pool: up to eight pairs, keys repeated at will.
fn query(
    pool: &'static [(&'static str, &'static [&'static str])],
) -> impl Strategy<Value = String> {
    let pair = (0..pool.len()).prop_flat_map(move |key| {
        let (name, values) = pool[key];
        (Just(name), proptest::sample::select(values))
    });
    proptest::collection::vec(pair, 0..8).prop_map(|pairs| {
        form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish()
    })
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn an_accepted_query_renders_a_form_whose_resubmission_gives_the_same_page() {
    let runtime = runtime();
    let app = app();
    for page_under_test in PAGES {
        let mut runner = TestRunner::new(Config {
            cases: 96,
            ..Config::default()
        });
        let accepted = std::cell::Cell::new(0);
        runner
            .run(&query(page_under_test.pool), |raw| {
                let uri = format!("{}?{raw}", page_under_test.path);
                let reply = runtime.block_on(visit(&app, &uri));
                if reply.status != 200 {
                    return Ok(());
                }
                accepted.set(accepted.get() + 1);
                let html = page(&reply, 200);
                let again = submission(form(&html, page_under_test.form), None);
                let resent = runtime.block_on(visit(&app, &again));
                prop_assert_eq!(resent.status.as_u16(), 200, "{} resent as {}", uri, again);
                prop_assert!(
                    page(&resent, 200) == html,
                    "{} resent as {} gives another page",
                    uri,
                    again
                );
                Ok(())
            })
            .unwrap();
        let accepted = accepted.get();
        assert!(
            accepted >= 10,
            "{}: only {accepted} accepted",
            page_under_test.path
        );
    }
}

#[test]
fn no_query_of_4_kb_makes_a_page_heavier_than_the_bound() {
    let runtime = runtime();
    let app = app();
    for page_under_test in PAGES {
        let padded = (query(page_under_test.pool), 0..4000usize);
        let mut runner = TestRunner::new(Config {
            cases: 64,
            ..Config::default()
        });
        runner
            .run(&padded, |(raw, padding)| {
                let mut uri = format!("{}?{raw}&x={}", page_under_test.path, "y".repeat(padding));
                uri.truncate(page_under_test.path.len() + 1 + 4096);
                let reply = runtime.block_on(visit(&app, &uri));
                let weight = reply.body.as_str().map_or(0, str::len);
                prop_assert!(weight <= PAGE_BOUND, "{}: {} bytes", uri, weight);
                Ok(())
            })
            .unwrap();
    }
}

/// The heaviest pages we could make with 4 KB of query: every vocabulary word the reader
/// knows in the description (most chips, most words not used), the longest lists, the most
/// results. `cargo test -p web --test resubmit -- --nocapture heaviest` prints the weights.
#[test]
fn the_heaviest_pages_a_4_kb_query_can_make_stay_under_the_bound() {
    let words = "realtime chat rest api cms ecommerce shop admin dashboard data microservices \
        serverless lambda containers kubernetes python javascript typescript node golang java \
        kotlin csharp php ruby rust elixir fast performance scalable security productivity \
        ecosystem typesafe easy orm migrations auth websockets templating validation caching \
        background jobs openapi cli dependency injection not java without php enterprise \
        prototype ml serving high throughput ";
    let description: String = words.repeat(8).chars().take(600).collect();
    let all = |names: &[&str]| names.join(",");
    let advice = form_urlencoded::Serializer::new(String::from("/?"))
        .append_pair("description", &description)
        .append_pair("priorities", &all(model::Dimension::NAMES))
        .append_pair("limit", "10")
        .append_pair("ignore", "languages:python,priorities:security,not:java")
        .finish();
    // Text in a script of three-byte characters: the most page bytes per query byte.
    let wide = format!(
        "realtime chat in typescript, must scale {}",
        "语".repeat(390)
    );
    let wide = form_urlencoded::Serializer::new(String::from("/?"))
        .append_pair("description", &wide)
        .append_pair("limit", "10")
        .finish();
    let catalog = format!(
        "/catalog?limit=100&sort=performance&feature=&language={}",
        all(model::Language::NAMES)
    );
    let runtime = runtime();
    let app = app();
    let mut heaviest = (0, String::new());
    for uri in [
        advice,
        wide,
        catalog,
        "/versus?ids=aspnet-core,spring-boot,django,laravel&priorities=performance,security,productivity,ecosystem,scalability,type_safety,serverless_fit,ease_of_learning".to_owned(),
        "/questions".to_owned(),
        "/questions?q=which+framework+is+fastest+for+a+python+rest+api+on+lambda".to_owned(),
    ] {
        assert!(uri.len() <= 4096, "{uri}");
        let reply = runtime.block_on(visit(&app, &uri));
        let weight = page(&reply, 200).len();
        eprintln!("{weight:>7} bytes  {} bytes of query  {}", uri.len(), &uri[..uri.len().min(60)]);
        if weight > heaviest.0 {
            heaviest = (weight, uri);
        }
    }
    assert!(heaviest.0 <= PAGE_BOUND, "{heaviest:?}");
}
