//! `make run`: the pages and the whole API on 127.0.0.1 (port from `PORT`, default 3000).

use anyhow::Context as _;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    runtime::telemetry::init();
    let port: u16 = std::env::var("PORT")
        .ok()
        .map(|p| p.parse())
        .transpose()
        .context("PORT must be a port number")?
        .unwrap_or(3000);
    let limits = local_server::Limits::from_env().context("reading connection limits")?;
    let context = runtime::Context::from_env()
        .await
        .context("reading settings")?;
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .with_context(|| format!("binding 127.0.0.1:{port}"))?;
    let base = format!("http://{}", listener.local_addr()?);
    println!("Stack Advisor: open {base}/ in a browser (advice, catalog, compare, questions)");
    println!(
        "The API on {base} ({} store):",
        if context.settings.frameworks_table.is_some() {
            "DynamoDB"
        } else {
            "embedded"
        }
    );
    println!("  curl {base}/frameworks?language=python&sort=performance");
    println!("  curl {base}/frameworks/djnago");
    println!("  curl '{base}/compare?ids=django,fastapi'");
    println!(
        "  curl -X POST {base}/recommendations -H 'content-type: application/json' -d '{{\"use_case\":\"rest_api\",\"priorities\":[\"performance\"]}}'"
    );
    println!(
        "  curl -X POST {base}/recommendations -H 'content-type: application/json' -d '{{\"description\":\"realtime chat in typescript on lambda, must scale\"}}'"
    );
    println!("  curl '{base}/faq?q=fastest+python+framework'");
    local_server::serve_within(listener, context, limits, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
    .context("serving")
}
