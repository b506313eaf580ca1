//! One refresh of the whole catalog: every framework's registry fetched at most
//! `concurrency` at a time, each result written on its own. A registry that fails or answers
//! garbage leaves that framework's last good facts in place, marked with the error and its
//! time; it never stops the others.

use std::collections::BTreeMap;
use std::sync::Arc;

use model::StoreError;
use model::clock::now_rfc3339;
use model::facts::{Facts, FactsStore, FetchFailure, Package, Publication};
use serde::Serialize;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use crate::http::{FetchError, Http};
use crate::registries::{Bases, Outcome, Request, adapter};

/// What became of one framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// New facts read and stored.
    Fetched,
    /// The registry answered `304`: the stored facts are confirmed as of now.
    Unchanged,
    /// The fetch failed; the last good facts (if any) are kept, marked with the error.
    Failed,
    /// The framework is published on no registry the refresh reads (`data/packages.json`
    /// says why): nothing is asked for, nothing is stored, and it is not a failure.
    NoRegistry,
}

/// What one run did, per framework id; logged and returned to the scheduler.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    pub outcomes: BTreeMap<String, Verdict>,
    /// Each failure's message, by framework id.
    pub errors: BTreeMap<String, String>,
    /// The oldest `as_of` among the stored facts after the run, if any are stored.
    pub oldest_as_of: Option<String>,
}

impl Report {
    pub fn count(&self, wanted: Verdict) -> usize {
        self.outcomes
            .values()
            .filter(|outcome| **outcome == wanted)
            .count()
    }
}

#[derive(Debug, Clone)]
pub struct Refresh {
    pub http: Http,
    pub bases: Bases,
    pub concurrency: usize,
    pub store: Arc<dyn FactsStore>,
}

impl Refresh {
    /// Refreshes every framework of the catalog's `publications`: those on a registry are
    /// fetched as [`Self::run`] does; the others are reported as [`Verdict::NoRegistry`].
    pub async fn run_catalog(
        &self,
        publications: &BTreeMap<String, Publication>,
    ) -> Result<Report, StoreError> {
        let packages: BTreeMap<String, Package> = publications
            .iter()
            .filter_map(|(id, publication)| match publication {
                Publication::Package(package) => Some((id.clone(), package.clone())),
                Publication::NoRegistry(_) => None,
            })
            .collect();
        let mut report = self.run(&packages).await?;
        for id in publications.keys().filter(|id| !packages.contains_key(*id)) {
            report.outcomes.insert(id.clone(), Verdict::NoRegistry);
        }
        Ok(report)
    }

    /// Refreshes every framework in `packages`. Only reading the stored facts can fail the
    /// run as a whole: without them a failure could not keep the last good facts.
    pub async fn run(&self, packages: &BTreeMap<String, Package>) -> Result<Report, StoreError> {
        let previous = self.store.all().await?;
        let permits = Arc::new(Semaphore::new(self.concurrency.max(1)));
        let mut tasks = JoinSet::new();
        for (id, package) in packages {
            let (refresh, permits) = (self.clone(), permits.clone());
            let (id, package) = (id.clone(), package.clone());
            let before = previous.get(&id).cloned();
            tasks.spawn(async move {
                let _permit = permits.acquire_owned().await;
                let outcome = refresh.one(&id, &package, before).await;
                (id, outcome)
            });
        }
        let mut report = Report::default();
        while let Some(joined) = tasks.join_next().await {
            let (id, (outcome, error)) = match joined {
                Ok(done) => done,
                // A task only ends without an answer if it panicked: a bug, logged, and the
                // other frameworks carry on. Its id is lost with it, so it is counted apart.
                Err(error) => {
                    tracing::error!(%error, "a refresh task ended without an answer");
                    continue;
                }
            };
            if let Some(error) = error {
                report.errors.insert(id.clone(), error);
            }
            report.outcomes.insert(id, outcome);
        }
        report.oldest_as_of = self
            .store
            .all()
            .await
            .ok()
            .and_then(|stored| stored.values().map(|facts| facts.as_of.clone()).min());
        Ok(report)
    }

    /// Fetches one framework and stores what it learnt; never fails, reports instead.
    async fn one(
        &self,
        id: &str,
        package: &Package,
        before: Option<Facts>,
    ) -> (Verdict, Option<String>) {
        let base = self.bases.base(package.registry);
        // Validators are only worth sending for the same package: a changed mapping must
        // not be answered `304` about the old one.
        let validators = before
            .as_ref()
            .filter(|facts| facts.package == package.package && facts.registry == package.registry)
            .map(|facts| &facts.validators);
        let fetched = adapter(package.registry)
            .fetch(Request {
                http: &self.http,
                base: &base,
                package: &package.package,
                previous: validators,
            })
            .await;
        let now = now_rfc3339();
        let (facts, outcome, error) = match (fetched, before) {
            (
                Ok(Outcome::Fresh {
                    source,
                    published,
                    validators,
                }),
                _,
            ) => {
                let mut facts = Facts::new(package, source, published, now);
                facts.validators = validators;
                (Some(facts), Verdict::Fetched, None)
            }
            (Ok(Outcome::Unchanged), Some(mut kept)) => {
                kept.as_of = now;
                kept.last_error = None;
                (Some(kept), Verdict::Unchanged, None)
            }
            (Ok(Outcome::Unchanged), None) => {
                let error = FetchError::Garbage {
                    url: base,
                    detail: "304 Not Modified to a request that named no validator".into(),
                };
                (None, Verdict::Failed, Some(error.to_string()))
            }
            (Err(error), before) => {
                let message = error.to_string();
                tracing::warn!(framework = id, registry = %package.registry, error = %message, "registry fetch failed; keeping the last good facts");
                let kept = before.map(|mut kept| {
                    kept.last_error = Some(FetchFailure {
                        message: message.clone(),
                        at: now,
                    });
                    kept
                });
                (kept, Verdict::Failed, Some(message))
            }
        };
        let Some(facts) = facts else {
            return (outcome, error);
        };
        match self.store.put(id, &facts).await {
            Ok(()) => (outcome, error),
            Err(stored) => {
                tracing::error!(framework = id, error = %stored, "storing facts failed");
                (Verdict::Failed, Some(format!("storing facts: {stored}")))
            }
        }
    }
}
