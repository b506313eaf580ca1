//! The pages in a real browser: headless Chromium driven through WebDriver (chromedriver),
//! against the local server (`make run`'s router) on a free loopback port.
//!
//! With JavaScript on and off, each page loads, the advice form returns a shortlist, the
//! compare page draws its chart and the question search finds answers. With JavaScript on,
//! axe-core is injected into every page and may report no serious or critical violation,
//! and every page is photographed at desktop and phone width into `SCREENSHOT_DIR`.
//!
//! Needs Debian's `chromium` and `chromium-driver`, and axe-core from `tools/package.json`:
//! `make test-browser` installs them and runs this test (it is `#[ignore]`d so that a plain
//! `cargo test --workspace` does not need a browser).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::elements::Element;
use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// Every page, by the name its screenshots get.
const PAGES: [(&str, &str); 7] = [
    (
        "advice",
        "/?description=a+fast+REST+API+in+Go+or+Rust+on+Lambda%2C+type+safety+matters+too&limit=3",
    ),
    ("catalog", "/catalog?sort=performance&limit=10"),
    ("framework", "/catalog/fastapi"),
    (
        "compare",
        "/versus?ids=django,fastapi,gin,spring-boot&priorities=performance,productivity",
    ),
    ("questions", "/questions?q=fastest+python+framework"),
    ("releases", "/activity?group=language"),
    ("not-found", "/catalog/djnago"),
];

const DESKTOP: (u32, u32) = (1280, 900);
const PHONE: (u32, u32) = (390, 844);

/// chromedriver on a free port, stopped when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    fn start() -> Self {
        let binary = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let port = free_port();
        let child = Command::new(&binary)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| {
                panic!(
                    "cannot start {binary} ({error}): install Debian's chromium and chromium-driver \
                     (`make tools-browser` does, with apt-get)"
                )
            });
        Self {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A fresh headless Chromium, with or without JavaScript.
async fn browser(driver: &Driver, javascript: bool) -> Client {
    session(driver, javascript, false).await
}

/// A fresh headless Chromium with JavaScript that emulates a phone: headless Chromium opens
/// no window narrower than 500 pixels, so a phone's width takes ChromeDriver's emulation.
async fn phone(driver: &Driver) -> Client {
    session(driver, true, true).await
}

async fn session(driver: &Driver, javascript: bool, phone: bool) -> Client {
    let profile = std::env::temp_dir().join(format!(
        "stack-advisor-chromium-{}-{javascript}-{phone}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&profile);
    let binary = std::env::var("CHROME_PATH").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let mut options = json!({
        "binary": binary,
        "args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", "--force-device-scale-factor=1",
            format!("--window-size={},{}", DESKTOP.0, DESKTOP.1),
            format!("--user-data-dir={}", profile.display()),
        ],
    });
    if !javascript {
        options["prefs"] = json!({ "profile.managed_default_content_settings.javascript": 2 });
    }
    if phone {
        options["mobileEmulation"] = json!({
            "deviceMetrics": { "width": PHONE.0, "height": PHONE.1, "pixelRatio": 1.0, "touch": true },
        });
    }
    let mut capabilities = Capabilities::new();
    capabilities.insert("goog:chromeOptions".into(), options);
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    // chromedriver takes a moment to listen.
    for _ in 0..100 {
        let mut builder = ClientBuilder::new(connector.clone());
        builder.capabilities(capabilities.clone());
        if let Ok(client) = builder.connect(&driver.url).await {
            return client;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("chromedriver at {} did not accept a session", driver.url)
}

/// The local server (every function's routes) on a free loopback port.
async fn serve() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let context = runtime::Context::embedded().unwrap();
    tokio::spawn(local_server::serve(
        listener,
        context,
        std::future::pending(),
    ));
    base
}

/// Probes (up to 100 times, 100 ms apart) until `done` holds for what `probe` returns, and
/// returns that; panics saying `what` and the last value otherwise.
async fn poll<T: std::fmt::Debug>(
    what: &str,
    probe: impl AsyncFn() -> T,
    done: impl Fn(&T) -> bool,
) -> T {
    let mut last = probe().await;
    for _ in 0..100 {
        if done(&last) {
            return last;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        last = probe().await;
    }
    panic!("{what}: still {last:?}")
}

/// Waits until `css` matches at least `count` elements, and returns how many it matches.
async fn wait_for(client: &Client, css: &str, count: usize) -> usize {
    let what = format!("'{css}' wanted {count} elements");
    poll(&what, async || how_many(client, css).await, |n| *n >= count).await
}

/// Waits until the address holds `needle`: after a submit or a live update the old page
/// stays readable until the new one commits, so its elements prove nothing.
async fn wait_for_url(client: &Client, needle: &str) {
    let what = format!("the address never held '{needle}'");
    let url = async || client.current_url().await.unwrap().to_string();
    poll(&what, url, |url| url.contains(needle)).await;
}

/// How many elements `css` matches now.
async fn how_many(client: &Client, css: &str) -> usize {
    client.find_all(Locator::Css(css)).await.unwrap().len()
}

/// The first element `css` matches, which must be on the page.
async fn element(client: &Client, css: &str) -> Element {
    client.find(Locator::Css(css)).await.unwrap()
}

async fn click(client: &Client, css: &str) {
    element(client, css).await.click().await.unwrap();
}

async fn type_into(client: &Client, css: &str, text: &str) {
    element(client, css).await.send_keys(text).await.unwrap();
}

/// Opens `path` of the site at `base`.
async fn visit(client: &Client, base: &str, path: &str) {
    client.goto(&format!("{base}{path}")).await.unwrap();
}

async fn choose(client: &Client, select_css: &str, value: &str) {
    let select = element(client, select_css).await;
    select.select_by_value(value).await.unwrap();
}

async fn submit(client: &Client, form_css: &str) {
    click(client, &format!("{form_css} button[type=submit]")).await;
}

fn axe_source() -> String {
    let path = std::env::var("AXE_CORE_JS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
            PathBuf::from(home).join(".cache/stack-advisor/node/node_modules/axe-core/axe.min.js")
        });
    std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "cannot read axe-core at {} ({error}): `make tools-node` installs it from tools/package.json",
            path.display()
        )
    })
}

/// axe-core's serious and critical violations on the current page, as "rule: n nodes".
async fn accessibility_violations(client: &Client, axe: &str) -> Vec<String> {
    client.execute(axe, vec![]).await.unwrap();
    let script = r#"
        const done = arguments[arguments.length - 1];
        axe.run(document, { resultTypes: ["violations"] }).then(result => done(
            result.violations
                .filter(v => v.impact === "serious" || v.impact === "critical")
                .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(" ")).join(", ")}`)
        ), error => done([`axe failed: ${error}`]));
    "#;
    strings(&client.execute_async(script, vec![]).await.unwrap())
}

/// A script's answer, an array of strings.
fn strings(found: &Value) -> Vec<String> {
    found
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_owned())
        .collect()
}

/// Every token of the page's visible text shaped like an identifier (`word_word`: lowercase,
/// joined by underscores), with every disclosure opened so that what it hides is read too.
/// A person reads labels ("Serverless fit"); the names of the JSON belong to the API, and
/// appear only as code to type (an FAQ answer's `GET /frameworks?use_case=ml_serving`), which
/// is left out. It changes the page, so it runs after the page's screenshots.
async fn identifiers_in_view(client: &Client) -> Vec<String> {
    let script = r#"
        document.querySelectorAll("details").forEach(details => { details.open = true; });
        document.querySelectorAll("code").forEach(code => { code.hidden = true; });
        const found = document.body.innerText.match(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g) || [];
        return [...new Set(found)];
    "#;
    strings(&client.execute(script, vec![]).await.unwrap())
}

/// A screenshot of the whole page at `width`: the window grows to the page's height.
async fn screenshot(
    client: &Client,
    dir: &std::path::Path,
    name: &str,
    (width, height): (u32, u32),
) {
    client.set_window_size(width, height).await.unwrap();
    let full: Value = client
        .execute("return document.documentElement.scrollHeight;", vec![])
        .await
        .unwrap();
    let full = full
        .as_u64()
        .unwrap_or(u64::from(height))
        .clamp(u64::from(height), 6000);
    client.set_window_size(width, full as u32).await.unwrap();
    let png = client.screenshot().await.unwrap();
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    client.set_window_size(DESKTOP.0, DESKTOP.1).await.unwrap();
}

fn screenshot_dir() -> PathBuf {
    let dir = std::env::var("SCREENSHOT_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/screenshots"));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// What must work whether or not the browser runs scripts: pages, forms, chart, search.
async fn the_pages_work(client: &Client, base: &str, javascript: bool) {
    let label = if javascript {
        "JavaScript on"
    } else {
        "JavaScript off"
    };
    for (name, path) in PAGES {
        visit(client, base, path).await;
        let title = client.title().await.unwrap();
        assert!(
            title.ends_with("· Stack Advisor"),
            "{label}: {name}: title '{title}'"
        );
        wait_for(client, "main h1", 1).await;
    }

    // Releases: the chart of the whole catalog's histories beside its table, then one
    // framework's, chosen with the form; every page but the error page dates its facts.
    visit(client, base, "/activity").await;
    let bars = wait_for(client, "svg.bars[role=img] rect.bar", 10).await;
    let rows = wait_for(client, ".chart-and-table table tbody tr", 10).await;
    assert_eq!(bars, rows, "{label}: a table row per bar");
    choose(client, "#activity-group", "framework").await;
    submit(client, "main form.filters").await;
    wait_for(client, "#activity-key option[value=django]", 1).await;
    choose(client, "#activity-key", "django").await;
    submit(client, "main form.filters").await;
    wait_for_url(client, "key=django").await;
    wait_for(client, "svg.bars rect.bar", 5).await;
    visit(client, base, "/catalog/django").await;
    wait_for(client, "section.releases dl.registry-facts time", 1).await;
    wait_for(client, "footer .data-age time", 1).await;

    // Evidence: each rating's figures sit under its reason, with a dated source.
    visit(client, base, "/catalog/fastapi").await;
    wait_for(client, "table.ratings ul.evidence li time", 1).await;
    let shown = element(client, "table.ratings ul.evidence")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        shown.contains("3,328 requests/s") && shown.contains("Source: Stack Advisor shared bench"),
        "{label}: evidence reads '{shown}'"
    );

    // Advice: the structured form, submitted, gives a shortlist in the URL's terms.
    visit(client, base, "/").await;
    choose(client, "#use_case", "realtime").await;
    choose(client, "#priority-0", "performance").await;
    // The languages sit in a collapsed disclosure, as a visitor finds them.
    click(client, "details:has(#languages-javascript) > summary").await;
    click(client, "#languages-javascript").await;
    submit(client, "form.profile").await;
    wait_for_url(client, "use_case=realtime").await;
    let shortlist = wait_for(client, "ol.shortlist > li", 1).await;
    assert!(shortlist <= 3, "{label}: {shortlist} recommendations");

    // Advice from plain words: the description is read back as chips, one can be dropped.
    visit(client, base, "/").await;
    type_into(
        client,
        "#description",
        "admin-heavy data app, Python team, security matters most",
    )
    .await;
    submit(client, "form.profile").await;
    wait_for(client, "ul.chips > li", 3).await;
    wait_for(client, "ol.shortlist > li", 1).await;
    click(client, "ul.chips button").await;
    wait_for(client, "ul.chips > li.ignored", 1).await;

    // A description in a script of wide characters is read to the length the box promises,
    // and stays in the box.
    visit(client, base, "/").await;
    let wide = format!("realtime chat in typescript {}", "语".repeat(478));
    type_into(client, "#description", &wide).await;
    submit(client, "form.profile").await;
    wait_for(client, "ol.shortlist > li", 1).await;
    let kept = element(client, "#description")
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert_eq!(kept, wide, "{label}: the description is kept");

    // Compare: picked in the catalog, drawn as a radar with one series per framework.
    visit(client, base, "/catalog").await;
    for id in ["django", "fastapi", "gin"] {
        click(client, &format!("#pick-{id}")).await;
    }
    submit(client, "#compare-form").await;
    assert_eq!(
        wait_for(client, "svg.radar g.series", 3).await,
        3,
        "{label}"
    );
    assert_eq!(
        how_many(client, "table.scores tbody tr").await,
        8,
        "{label}: one table row per dimension"
    );

    // Questions: a typed question finds ranked answers.
    visit(client, base, "/questions").await;
    type_into(client, "#q", "is django good for microservices").await;
    submit(client, "form.search").await;
    wait_for(client, "ol.answers > li", 1).await;
}

#[tokio::test]
#[ignore = "needs chromium, chromium-driver and axe-core: run through `make test-browser`"]
async fn the_pages_work_in_a_real_browser_with_and_without_javascript() {
    let base = serve().await;
    let driver = Driver::start();
    let axe = axe_source();
    let screenshots = screenshot_dir();

    let client = browser(&driver, true).await;
    the_pages_work(&client, &base, true).await;

    // Live results: changing a field updates the shortlist and the address, without a submit.
    visit(&client, &base, "/").await;
    choose(&client, "#use_case", "cms").await;
    wait_for_url(&client, "use_case=cms").await;
    wait_for(&client, "ol.shortlist > li", 1).await;

    // A refused form, with a result on screen: the result goes, the error shows beside the
    // kept text, as without the script.
    let overlong = "a".repeat(700);
    client
        .execute(
            "const box = document.getElementById('description'); box.value = arguments[0]; \
             box.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![json!(overlong)],
        )
        .await
        .unwrap();
    wait_for(&client, "form.profile .alert", 1).await;
    let shortlists = async || how_many(&client, "ol.shortlist").await;
    poll("the old result stayed on screen", shortlists, |n| *n == 0).await;

    let mut violations = Vec::new();
    let mut identifiers = Vec::new();
    for (name, path) in PAGES {
        visit(&client, &base, path).await;
        for found in accessibility_violations(&client, &axe).await {
            violations.push(format!("{name}: {found}"));
        }
        screenshot(&client, &screenshots, &format!("{name}-desktop"), DESKTOP).await;
        screenshot(&client, &screenshots, &format!("{name}-phone"), PHONE).await;
        // Last: it opens the disclosures the screenshots show closed.
        for token in identifiers_in_view(&client).await {
            identifiers.push(format!("{name}: {token}"));
        }
    }
    client.close().await.unwrap();
    assert!(violations.is_empty(), "axe-core: {violations:#?}");
    assert!(
        identifiers.is_empty(),
        "identifiers in the visible text: {identifiers:#?}"
    );

    // On a phone, after "Get advice", the answer is on screen first, the way the words were
    // read beside it, the form below, in plain words. (The order without scripts is the
    // page's HTML, held by functions/web/tests/people.rs.)
    let client = phone(&driver).await;
    visit(&client, &base, "/").await;
    type_into(
        &client,
        "#description",
        "a fast REST API in Go, on Lambda, type safety matters",
    )
    .await;
    submit(&client, "form.profile").await;
    wait_for(&client, "ol.shortlist > li", 1).await;
    let layout = client
        .execute(
            "const top = css => document.querySelector(css).getBoundingClientRect().top; \
             return [window.innerWidth, window.innerHeight, \
               top('#results'), top('ul.chips'), top('ol.shortlist > li'), \
               top('form.profile')];",
            vec![],
        )
        .await
        .unwrap();
    let numbers: Vec<f64> = layout
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_f64().unwrap())
        .collect();
    let [width, height, results, chips, first, form] = numbers[..] else {
        panic!("layout {numbers:?}");
    };
    assert_eq!(width, f64::from(PHONE.0), "not a phone-wide window");
    assert!(
        results < form && chips < form && first < form,
        "on a phone the form comes before the answer: {numbers:?}"
    );
    // On the screen as the page opens after the answer (at `#results`).
    assert!(
        (0.0..height).contains(&first),
        "the first recommendation starts below the first screen: {numbers:?}"
    );
    let png = client.screenshot().await.unwrap();
    std::fs::write(screenshots.join("advice-answered-phone.png"), png).unwrap();
    let identifiers = identifiers_in_view(&client).await;
    assert!(
        identifiers.is_empty(),
        "identifiers in the answer on a phone: {identifiers:?}"
    );
    client.close().await.unwrap();

    let client = browser(&driver, false).await;
    the_pages_work(&client, &base, false).await;
    // Without scripts, choosing does nothing until the form is submitted.
    visit(&client, &base, "/questions").await;
    assert_eq!(
        how_many(&client, "p[role=status]").await,
        0,
        "site.js ran with JavaScript off"
    );
    client.close().await.unwrap();
}
