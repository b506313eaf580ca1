//! Maven Central: the search API's `gav` core (`GET /solrsearch/select?q=g:…+AND+a:…&core=gav`),
//! one document per version with its publication time in milliseconds since the epoch. The
//! API publishes no licence (it lives in each version's POM).

use model::clock::format_unix;
use model::facts::{Published, Release};
use serde::Deserialize;

use super::{Adapter, json};

#[derive(Debug)]
pub(super) struct Maven;

/// The most versions one answer holds; more than any framework here has published.
const ROWS: u32 = 200;

#[derive(Deserialize)]
struct Document {
    response: Response,
}

#[derive(Deserialize)]
struct Response {
    docs: Vec<Version>,
}

#[derive(Deserialize)]
struct Version {
    v: String,
    timestamp: u64,
}

impl Adapter for Maven {
    /// `package` is `group:artifact`.
    fn document(&self, base: &str, package: &str) -> String {
        let (group, artifact) = package.split_once(':').unwrap_or((package, package));
        format!(
            "{base}/solrsearch/select?q=g:{group}+AND+a:{artifact}&core=gav&rows={ROWS}&wt=json"
        )
    }

    fn read(&self, body: &[u8]) -> Result<Published, String> {
        let document: Document = json(body)?;
        let releases = document
            .response
            .docs
            .into_iter()
            .map(|version| {
                let day = format_unix(version.timestamp / 1000);
                Release {
                    version: version.v,
                    date: day[..10].to_owned(),
                }
            })
            .collect();
        Ok(Published {
            license: None,
            releases,
        })
    }
}
