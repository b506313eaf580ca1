//! What a framework's package registry publishes about it: the package, its latest stable
//! version and date, its licence as published, and the date of every release. The `refresh`
//! function fetches them; the store keeps the last good facts of each framework, with the
//! last error beside them when a later fetch failed.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Mutex, PoisonError};

use serde::{Deserialize, Serialize};

use crate::dataset::DatasetError;
use crate::store::{BoxFuture, StoreError};
pub use crate::vocab::Registry;

pub const PACKAGES_JSON: &str = include_str!("../data/packages.json");
/// The facts the refresh read from the recorded registry documents
/// (`functions/refresh/fixtures`): what the embedded store serves offline.
pub const RECORDED_FACTS_JSON: &str = include_str!("../data/facts.json");

impl Registry {
    /// The registry's public HTTPS origin: the base of every document an adapter reads.
    pub fn origin(self) -> &'static str {
        match self {
            Registry::Npm => "https://registry.npmjs.org",
            Registry::Pypi => "https://pypi.org",
            Registry::Crates => "https://index.crates.io",
            Registry::Maven => "https://search.maven.org",
            Registry::Nuget => "https://api.nuget.org",
            Registry::Packagist => "https://repo.packagist.org",
            Registry::Rubygems => "https://rubygems.org",
            Registry::Hex => "https://hex.pm",
            Registry::Go => "https://proxy.golang.org",
        }
    }
}

/// A framework's package: which registry, under which name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Package {
    pub registry: Registry,
    pub package: String,
}

/// Where a framework is published, as `data/packages.json` says: a package on a registry the
/// refresh reads, or, in so many words, none (`{"no_registry": "why"}`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Publication {
    Package(Package),
    NoRegistry(NoRegistry),
}

/// Why a framework has no registry facts: the refresh never asks for them, and the pages say so.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoRegistry {
    pub no_registry: String,
}

/// Every framework's entry in `data/packages.json`, by framework id.
pub fn publications() -> Result<BTreeMap<String, Publication>, DatasetError> {
    serde_json::from_str(PACKAGES_JSON).map_err(|e| DatasetError(format!("packages.json: {e}")))
}

/// The package of every framework published on a registry the refresh reads, by framework id.
pub fn packages() -> Result<BTreeMap<String, Package>, DatasetError> {
    Ok(publications()?
        .into_iter()
        .filter_map(|(id, publication)| match publication {
            Publication::Package(package) => Some((id, package)),
            Publication::NoRegistry(_) => None,
        })
        .collect())
}

/// Why each framework without a registry the refresh reads has none, by framework id.
pub fn without_registry() -> Result<BTreeMap<String, String>, DatasetError> {
    Ok(publications()?
        .into_iter()
        .filter_map(|(id, publication)| match publication {
            Publication::Package(_) => None,
            Publication::NoRegistry(none) => Some((id, none.no_registry)),
        })
        .collect())
}

/// One published version and the day it was published (`YYYY-MM-DD`, UTC).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Release {
    pub version: String,
    pub date: String,
}

/// Why the last fetch failed, and when: shown beside the last good facts it did not replace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FetchFailure {
    pub message: String,
    pub at: String,
}

/// What the registry said about the document last time, for a conditional request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validators {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

/// A framework's facts as its registry published them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    pub registry: Registry,
    pub package: String,
    /// The document the facts were read from.
    pub source: String,
    /// The highest stable version; `None` when the registry lists no stable release.
    pub latest: Option<Release>,
    /// As the registry publishes it; `None` when it publishes none (the Go proxy, the
    /// crates.io index).
    pub license: Option<String>,
    /// Every release with a date, oldest first, pre-releases included.
    pub releases: Vec<Release>,
    /// When the registry last confirmed these facts (a fetch or a `304 Not Modified`).
    pub as_of: String,
    /// The last fetch that failed after `as_of`, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_error: Option<FetchFailure>,
    #[serde(default)]
    pub validators: Validators,
    /// Said of facts that did not come from a registry's answer: the recorded documents
    /// written by hand where the registry could not be reached. A refresh never sets it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The facts an adapter reads from a registry document, before they are dated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub license: Option<String>,
    pub releases: Vec<Release>,
}

impl Facts {
    /// Dated facts from what a registry published: releases sorted oldest first (ties by
    /// version), the latest stable one picked by version order, not by date, so that a
    /// patch to an older line published last does not pass for the latest.
    pub fn new(package: &Package, source: String, published: Published, as_of: String) -> Self {
        let mut releases = published.releases;
        releases.sort_by(|a, b| {
            a.date
                .cmp(&b.date)
                .then_with(|| compare_versions(&a.version, &b.version))
        });
        let latest = releases
            .iter()
            .filter(|release| is_stable(&release.version))
            .max_by(|a, b| compare_versions(&a.version, &b.version))
            .cloned();
        Self {
            registry: package.registry,
            package: package.package.clone(),
            source,
            latest,
            license: published.license,
            releases,
            as_of,
            last_error: None,
            validators: Validators::default(),
            note: None,
        }
    }
}

/// The recorded facts of every framework, by id (`data/facts.json`).
pub fn recorded() -> Result<BTreeMap<String, Facts>, DatasetError> {
    serde_json::from_str(RECORDED_FACTS_JSON).map_err(|e| DatasetError(format!("facts.json: {e}")))
}

/// A stable release: numbers and dots only (after a leading `v`), or the `.RELEASE` and
/// `.Final` suffixes some Java projects put on their final builds. Every pre-release
/// spelling the registries use (`-rc.1`, `b2`, `.dev0`, `-M1`, `.CR1`, `-beta`) has letters.
pub fn is_stable(version: &str) -> bool {
    let bare = version.strip_prefix('v').unwrap_or(version);
    let numeric = bare
        .strip_suffix(".RELEASE")
        .or_else(|| bare.strip_suffix(".Final"))
        .unwrap_or(bare);
    !numeric.is_empty()
        && numeric
            .split('.')
            .all(|part| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit()))
}

/// Orders versions by their numeric components (`1.10` after `1.9`); where those tie, a
/// stable version after a pre-release of it, then by text so the order is total.
pub fn compare_versions(a: &str, b: &str) -> Ordering {
    let numbers = |version: &str| -> Vec<u64> {
        version
            .trim_start_matches('v')
            .split(['.', '-', '+'])
            .map_while(|part| {
                let digits: String = part.chars().take_while(char::is_ascii_digit).collect();
                digits.parse().ok()
            })
            .collect()
    };
    numbers(a)
        .cmp(&numbers(b))
        .then_with(|| is_stable(a).cmp(&is_stable(b)))
        .then_with(|| a.cmp(b))
}

/// The day of an ISO 8601 timestamp (`2024-03-12T10:00:00+00:00` → `2024-03-12`), or
/// `None` when it does not start with a calendar date.
pub fn day_of(timestamp: &str) -> Option<String> {
    let day = timestamp.get(..10)?;
    let bytes = day.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    let shaped =
        digits(0..4) && bytes[4] == b'-' && digits(5..7) && bytes[7] == b'-' && digits(8..10);
    shaped.then(|| day.to_owned())
}

/// Every framework's last good facts, by framework id. `refresh` writes; readers read all.
pub trait FactsStore: Send + Sync + fmt::Debug {
    fn all(&self) -> BoxFuture<'_, Result<BTreeMap<String, Facts>, StoreError>>;

    fn put<'a>(&'a self, id: &'a str, facts: &'a Facts) -> BoxFuture<'a, Result<(), StoreError>>;
}

/// Facts held in memory: the embedded store, and the fake behind tests.
#[derive(Debug, Default)]
pub struct MemoryFacts {
    facts: Mutex<BTreeMap<String, Facts>>,
}

impl MemoryFacts {
    pub fn new(facts: BTreeMap<String, Facts>) -> Self {
        Self {
            facts: Mutex::new(facts),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, Facts>> {
        // Every write replaces one whole entry; a poisoned lock still holds whole entries.
        self.facts.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl FactsStore for MemoryFacts {
    fn all(&self) -> BoxFuture<'_, Result<BTreeMap<String, Facts>, StoreError>> {
        let all = self.lock().clone();
        Box::pin(async move { Ok(all) })
    }

    fn put<'a>(&'a self, id: &'a str, facts: &'a Facts) -> BoxFuture<'a, Result<(), StoreError>> {
        self.lock().insert(id.to_owned(), facts.clone());
        Box::pin(async { Ok(()) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The frameworks whose registry documents are not among the recorded ones
    /// (`functions/refresh/fixtures`): their facts come from the first live refresh.
    const NOT_YET_RECORDED: [&str; 31] = [
        "aiohttp",
        "beego",
        "cakephp",
        "chi",
        "codeigniter",
        "dropwizard",
        "elysia",
        "falcon",
        "feathers",
        "go-zero",
        "grape",
        "hanami",
        "helidon",
        "http4k",
        "http4s",
        "javalin",
        "litestar",
        "loco",
        "loopback",
        "play",
        "poem",
        "pyramid",
        "roda",
        "sails",
        "sanic",
        "slim",
        "starlette",
        "tornado",
        "vertx",
        "warp",
        "yii",
    ];

    #[test]
    fn every_framework_of_the_dataset_says_where_it_is_published() {
        let publications = publications().unwrap();
        let frameworks = crate::dataset::load_frameworks().unwrap();
        let ids: Vec<&str> = frameworks.iter().map(|f| f.id.as_str()).collect();
        let named: Vec<&str> = publications.keys().map(String::as_str).collect();
        assert_eq!(ids, named);
        let (packages, none) = (packages().unwrap(), without_registry().unwrap());
        assert_eq!(packages.len() + none.len(), frameworks.len());
        for (id, why) in &none {
            assert!(!packages.contains_key(id) && why.len() > 20, "{id}: {why}");
        }
    }

    #[test]
    fn a_framework_without_a_registry_says_why_and_a_package_needs_both_fields() {
        let none = without_registry().unwrap();
        for id in ["crow", "drogon", "hummingbird", "vapor"] {
            assert!(none.contains_key(id), "{id}");
        }
        let read = |json: &str| serde_json::from_str::<Publication>(json);
        assert!(matches!(
            read(r#"{"no_registry": "built from source"}"#),
            Ok(Publication::NoRegistry(_))
        ));
        assert!(read(r#"{"registry": "npm"}"#).is_err());
        assert!(read(r#"{"registry": "conan", "package": "drogon"}"#).is_err());
        assert!(read(r#"{"registry": "npm", "package": "x", "no_registry": "y"}"#).is_err());
    }

    #[test]
    fn every_recorded_fact_matches_its_package_and_the_rest_are_named() {
        let packages = packages().unwrap();
        let recorded = recorded().unwrap();
        for (id, facts) in &recorded {
            let package = &packages[id];
            assert_eq!(
                (facts.registry, &facts.package),
                (package.registry, &package.package)
            );
            assert!(facts.latest.is_some() && !facts.releases.is_empty(), "{id}");
        }
        let unrecorded: Vec<&str> = packages
            .keys()
            .filter(|id| !recorded.contains_key(*id))
            .map(String::as_str)
            .collect();
        assert_eq!(unrecorded, NOT_YET_RECORDED);
    }

    #[test]
    fn stable_versions_are_numbers_and_the_java_final_suffixes() {
        for stable in ["1.2.3", "v4.11.0", "3.0.0.Final", "2.0.0.RELEASE", "5"] {
            assert!(is_stable(stable), "{stable}");
        }
        for pre in [
            "5.0.0-rc.1",
            "4.2b1",
            "2.0.dev0",
            "3.0.0-M1",
            "3.0.0.CR1",
            "1.0.0-beta",
            "",
            "1..2",
        ] {
            assert!(!is_stable(pre), "{pre}");
        }
    }

    #[test]
    fn versions_order_by_number_then_stability() {
        assert_eq!(compare_versions("1.10.0", "1.9.9"), Ordering::Greater);
        assert_eq!(compare_versions("v2.0.0", "1.99.0"), Ordering::Greater);
        assert_eq!(compare_versions("5.0.0", "5.0.0-rc.1"), Ordering::Greater);
        assert_eq!(
            compare_versions("3.0.0.Final", "3.0.0.CR1"),
            Ordering::Greater
        );
    }

    #[test]
    fn the_latest_is_the_highest_stable_version_not_the_last_published() {
        let package = Package {
            registry: Registry::Pypi,
            package: "django".into(),
        };
        let release = |version: &str, date: &str| Release {
            version: version.into(),
            date: date.into(),
        };
        let published = Published {
            license: Some("BSD-3-Clause".into()),
            releases: vec![
                release("4.2.9", "2024-02-06"),
                release("5.0.2", "2024-02-06"),
                release("5.1a1", "2024-05-22"),
                release("4.2.13", "2024-05-07"),
            ],
        };
        let facts = Facts::new(&package, "https://x".into(), published, "now".into());
        assert_eq!(facts.latest.unwrap().version, "5.0.2");
        let order: Vec<&str> = facts.releases.iter().map(|r| r.version.as_str()).collect();
        assert_eq!(order, ["4.2.9", "5.0.2", "4.2.13", "5.1a1"]);
    }

    #[test]
    fn days_are_read_from_iso_timestamps_only() {
        assert_eq!(
            day_of("2024-03-12T10:00:00+00:00").as_deref(),
            Some("2024-03-12")
        );
        assert_eq!(day_of("2024-03-12").as_deref(), Some("2024-03-12"));
        assert_eq!(day_of("12/03/2024"), None);
        assert_eq!(day_of("2024"), None);
    }
}
