//! The Go module proxy: `GET /{module}/@v/list` names the tagged versions, and
//! `GET /{module}/@v/{version}.info` dates each one. The proxy publishes no licence. The
//! list is fetched conditionally; the version files never change once published.

use std::sync::Arc;

use model::facts::{Published, Release};
use model::store::BoxFuture;
use serde::Deserialize;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use super::{Adapter, Outcome, Request, json, lines, nonempty, release};
use crate::http::{FetchError, Fetched, Http};

#[derive(Debug)]
pub(super) struct Go;

/// Version files fetched at once for one module: enough that a module with fifty versions
/// costs a few round trips, few enough to stay a polite client.
const INFO_AT_ONCE: usize = 8;

#[derive(Deserialize)]
struct Info {
    #[serde(rename = "Version")]
    version: String,
    #[serde(rename = "Time")]
    time: String,
}

/// Module paths are case-encoded: each upper-case letter becomes `!` and its lower case.
fn escape(module: &str) -> String {
    let mut escaped = String::with_capacity(module.len() + 4);
    for character in module.chars() {
        if character.is_ascii_uppercase() {
            escaped.push('!');
            escaped.push(character.to_ascii_lowercase());
        } else {
            escaped.push(character);
        }
    }
    escaped
}

impl Go {
    async fn dated(http: Http, url: String) -> Result<Release, FetchError> {
        match http.get(&url, None).await? {
            Fetched::Body { bytes, .. } => json::<Info>(&bytes)
                .and_then(|info| release(&info.version, &info.time))
                .map_err(|detail| FetchError::Garbage { url, detail }),
            Fetched::NotModified => Err(FetchError::Garbage {
                url,
                detail: "304 to an unconditional request".into(),
            }),
        }
    }
}

impl Adapter for Go {
    fn document(&self, base: &str, package: &str) -> String {
        format!("{base}/{}/@v/list", escape(package))
    }

    /// The list alone: versions without dates, which [`Adapter::fetch`] completes.
    fn read(&self, body: &[u8]) -> Result<Published, String> {
        let mut releases = Vec::new();
        for line in lines(body)?.map(str::trim) {
            if !line.starts_with('v') || line.contains(char::is_whitespace) {
                return Err(format!("'{line}' is not a module version"));
            }
            releases.push(Release {
                version: line.to_owned(),
                date: String::new(),
            });
        }
        Ok(Published {
            license: None,
            releases,
        })
    }

    fn fetch<'a>(&'a self, request: Request<'a>) -> BoxFuture<'a, Result<Outcome, FetchError>> {
        Box::pin(async move {
            let (base, package) = (request.base, request.package);
            let list = self.document(base, package);
            let Some((bytes, validators)) = request.conditional(&list).await? else {
                return Ok(Outcome::Unchanged);
            };
            let versions = self.read(&bytes).map_err(|detail| FetchError::Garbage {
                url: list.clone(),
                detail,
            })?;
            let permits = Arc::new(Semaphore::new(INFO_AT_ONCE));
            let mut infos = JoinSet::new();
            for version in versions.releases {
                let url = format!("{base}/{}/@v/{}.info", escape(package), version.version);
                let (http, permits) = (request.http.clone(), permits.clone());
                infos.spawn(async move {
                    let _permit = permits.acquire_owned().await;
                    Self::dated(http, url).await
                });
            }
            let mut releases = Vec::new();
            while let Some(joined) = infos.join_next().await {
                let dated = joined.map_err(|error| FetchError::Transport {
                    url: list.clone(),
                    detail: error.to_string(),
                })?;
                releases.push(dated?);
            }
            let published = nonempty(Published {
                license: None,
                releases,
            })
            .map_err(|detail| FetchError::Garbage {
                url: list.clone(),
                detail,
            })?;
            Ok(Outcome::Fresh {
                source: list,
                published,
                validators,
            })
        })
    }
}
