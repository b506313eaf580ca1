//! One adapter per registry behind [`Adapter`]: where a package's document lives and how to
//! read the facts out of it, in the registry's documented format. Most registries serve one
//! document per package; the Go module proxy serves a version list and one file per version.

mod crates;
mod go;
mod hex;
mod maven;
mod npm;
mod nuget;
mod packagist;
mod pypi;
mod rubygems;

use bytes::Bytes;
use model::facts::{Published, Registry, Release, Validators, day_of};
use model::store::BoxFuture;
use serde::de::DeserializeOwned;

use crate::http::{FetchError, Fetched, Http};

/// What a fetch learnt.
#[derive(Debug)]
pub enum Outcome {
    /// The registry says nothing changed since `previous`.
    Unchanged,
    Fresh {
        source: String,
        published: Published,
        validators: Validators,
    },
}

pub trait Adapter: Send + Sync + std::fmt::Debug {
    /// The URL of `package`'s document under the registry's `base`.
    fn document(&self, base: &str, package: &str) -> String;

    /// The facts in a document, or why it is not one this adapter can read.
    fn read(&self, body: &[u8]) -> Result<Published, String>;

    /// Fetches and reads the package: one conditional GET of [`Adapter::document`].
    fn fetch<'a>(&'a self, request: Request<'a>) -> BoxFuture<'a, Result<Outcome, FetchError>> {
        Box::pin(async move {
            let url = self.document(request.base, request.package);
            let Some((bytes, validators)) = request.conditional(&url).await? else {
                return Ok(Outcome::Unchanged);
            };
            let published =
                self.read(&bytes)
                    .and_then(nonempty)
                    .map_err(|detail| FetchError::Garbage {
                        url: url.clone(),
                        detail,
                    })?;
            Ok(Outcome::Fresh {
                source: url,
                published,
                validators,
            })
        })
    }
}

/// One package to fetch: through which client, from which registry base, and what the
/// registry said about its document last time.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub http: &'a Http,
    pub base: &'a str,
    pub package: &'a str,
    pub previous: Option<&'a Validators>,
}

impl Request<'_> {
    /// GET `url` conditionally: `None` when the registry answers `304 Not Modified`.
    async fn conditional(&self, url: &str) -> Result<Option<(Bytes, Validators)>, FetchError> {
        Ok(match self.http.get(url, self.previous).await? {
            Fetched::NotModified => None,
            Fetched::Body { bytes, validators } => Some((bytes, validators)),
        })
    }
}

/// The adapter of `registry`.
pub fn adapter(registry: Registry) -> &'static dyn Adapter {
    match registry {
        Registry::Npm => &npm::Npm,
        Registry::Pypi => &pypi::Pypi,
        Registry::Crates => &crates::Crates,
        Registry::Maven => &maven::Maven,
        Registry::Nuget => &nuget::Nuget,
        Registry::Packagist => &packagist::Packagist,
        Registry::Rubygems => &rubygems::Rubygems,
        Registry::Hex => &hex::Hex,
        Registry::Go => &go::Go,
    }
}

/// Where each registry is reached: its public origin, or, with `REGISTRY_URL` set, one
/// server standing in for all of them with each registry under its own path
/// (`{REGISTRY_URL}/npm/express`).
#[derive(Debug, Clone, Default)]
pub struct Bases {
    fake: Option<String>,
}

impl Bases {
    pub fn real() -> Self {
        Self { fake: None }
    }

    pub fn fake(url: &str) -> Self {
        Self {
            fake: Some(url.trim_end_matches('/').to_owned()),
        }
    }

    pub fn base(&self, registry: Registry) -> String {
        match &self.fake {
            Some(url) => format!("{url}/{registry}"),
            None => registry.origin().to_owned(),
        }
    }
}

/// A document that parsed but named no release is as useless as garbage, and must not
/// replace facts that had some.
fn nonempty(published: Published) -> Result<Published, String> {
    if published.releases.is_empty() {
        Err("the document lists no dated release".into())
    } else {
        Ok(published)
    }
}

fn json<T: DeserializeOwned>(body: &[u8]) -> Result<T, String> {
    serde_json::from_slice(body).map_err(|error| error.to_string())
}

/// The lines of a document of one record per line that hold anything, as they stand.
fn lines(body: &[u8]) -> Result<impl Iterator<Item = &str>, String> {
    let text = std::str::from_utf8(body).map_err(|error| error.to_string())?;
    Ok(text.lines().filter(|line| !line.trim().is_empty()))
}

/// A release dated by an ISO 8601 timestamp; an undated or oddly dated one is an error, so
/// a garbled document cannot slip through with its dates missing.
fn release(version: &str, timestamp: &str) -> Result<Release, String> {
    let date = day_of(timestamp)
        .ok_or_else(|| format!("version {version} has no date in ISO 8601 form: '{timestamp}'"))?;
    Ok(Release {
        version: version.to_owned(),
        date,
    })
}

/// Licences listed as several SPDX identifiers, joined as the registry's own page shows them.
fn licenses(list: &[String]) -> Option<String> {
    (!list.is_empty()).then(|| list.join(" OR "))
}
