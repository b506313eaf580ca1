//! The refresh function: run daily by EventBridge Scheduler, it reads each framework's
//! package registry through one adapter per registry and stores the facts they publish.
//! Unlike the other functions it serves no HTTP: its event is the schedule's.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod file_store;
pub mod http;
pub mod metrics;
pub mod registries;
pub mod run;
pub mod settings;

use std::sync::Arc;

use model::facts::FactsStore;

pub use run::{Refresh, Report, Verdict};
pub use settings::Settings;

/// The refresh `settings` describe, with its store: DynamoDB when a table is named, else a
/// JSON file, else memory (the run's facts are then only in its report).
pub fn from_settings(settings: &Settings) -> anyhow::Result<Refresh> {
    let store: Arc<dyn FactsStore> = match (&settings.facts_table, &settings.facts_file) {
        (Some(table), _) => {
            let tuning = dynamo::Tuning::for_env(dynamo::Tuning::default());
            let client = dynamo::client::from_process_env(tuning)?;
            Arc::new(dynamo::DynamoFacts::new(client, table))
        }
        (None, Some(file)) => Arc::new(file_store::FileFacts::open(file.into())?),
        (None, None) => Arc::new(model::facts::MemoryFacts::default()),
    };
    Ok(Refresh {
        http: http::Http::new(settings.timeout)?,
        bases: settings.bases.clone(),
        concurrency: settings.concurrency,
        store,
    })
}

/// One run over the catalog's packages, its figures logged as metrics.
pub async fn refresh_once(refresh: &Refresh) -> anyhow::Result<Report> {
    let publications = model::facts::publications()?;
    let report = refresh.run_catalog(&publications).await?;
    println!("{}", metrics::emf(&report));
    tracing::info!(
        fetched = report.count(Verdict::Fetched),
        unchanged = report.count(Verdict::Unchanged),
        failed = report.count(Verdict::Failed),
        no_registry = report.count(Verdict::NoRegistry),
        "refresh done"
    );
    Ok(report)
}
