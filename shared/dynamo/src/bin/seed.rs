//! `make seed`: loads the embedded dataset into the DynamoDB tables named by
//! `FRAMEWORKS_TABLE` and `FAQ_TABLE` (or `--frameworks-table`, `--faq-table`). Idempotent.
//! `--create-tables` first creates missing tables, for local servers (`AWS_ENDPOINT_URL`).

use anyhow::{Context as _, bail};
use dynamo::{Tables, Tuning, tables};

const USAGE: &str = "usage: seed [--create-tables] [--frameworks-table NAME] [--faq-table NAME]";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut create_tables = false;
    let mut frameworks = std::env::var("FRAMEWORKS_TABLE").ok();
    let mut faq = std::env::var("FAQ_TABLE").ok();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--create-tables" => create_tables = true,
            "--frameworks-table" => frameworks = Some(args.next().context(USAGE)?),
            "--faq-table" => faq = Some(args.next().context(USAGE)?),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => bail!("unknown argument '{other}'\n{USAGE}"),
        }
    }
    let tables = Tables {
        frameworks: frameworks
            .filter(|name| !name.is_empty())
            .context("set FRAMEWORKS_TABLE or pass --frameworks-table")?,
        faq: faq
            .filter(|name| !name.is_empty())
            .context("set FAQ_TABLE or pass --faq-table")?,
    };
    // Seeding runs from a deployer's shell, often far from the region: allow it more time.
    let client = dynamo::client::from_env(Tuning {
        attempt: std::time::Duration::from_secs(5),
        operation: std::time::Duration::from_secs(20),
        max_attempts: 5,
        ..Tuning::default()
    })
    .await;
    if create_tables {
        let created = tables::create(&client, &tables)
            .await
            .context("creating the tables")?;
        println!(
            "tables: {} {:?}, {} {:?}",
            tables.frameworks, created[0], tables.faq, created[1]
        );
    }
    let frameworks = model::dataset::load_frameworks()?;
    let faq = model::dataset::load_faq()?;
    let report = dynamo::seed(&client, &tables, &frameworks, &faq)
        .await
        .context("seeding")?;
    println!(
        "frameworks: {} written, {} already present; faq: {} written, {} already present",
        report.frameworks_written,
        report.frameworks_present,
        report.faq_written,
        report.faq_present
    );
    Ok(())
}
