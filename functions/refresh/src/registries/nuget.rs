//! NuGet: the registration index (`GET /v3/registration5-semver1/{id}/index.json`), whose
//! pages list each version's catalog entry with its publication time and licence. Unlisted
//! versions are left out.

use model::facts::Published;
use serde::Deserialize;

use super::{Adapter, json, release};

#[derive(Debug)]
pub(super) struct Nuget;

#[derive(Deserialize)]
struct Index {
    items: Vec<Page>,
}

#[derive(Deserialize)]
struct Page {
    /// Absent when the page is too large to be inlined; it then lives at its own URL.
    #[serde(default)]
    items: Option<Vec<Leaf>>,
}

#[derive(Deserialize)]
struct Leaf {
    #[serde(rename = "catalogEntry")]
    entry: Entry,
}

#[derive(Deserialize)]
struct Entry {
    version: String,
    published: String,
    #[serde(default, rename = "licenseExpression")]
    license: Option<String>,
    #[serde(default = "listed_by_default")]
    listed: bool,
}

fn listed_by_default() -> bool {
    true
}

impl Adapter for Nuget {
    fn document(&self, base: &str, package: &str) -> String {
        format!(
            "{base}/v3/registration5-semver1/{}/index.json",
            package.to_ascii_lowercase()
        )
    }

    fn read(&self, body: &[u8]) -> Result<Published, String> {
        let index: Index = json(body)?;
        let mut releases = Vec::new();
        let mut license = None;
        for page in index.items {
            // Pages of a package with hundreds of versions are not inlined; following them
            // is left for when a framework here needs it, and said plainly meanwhile.
            let leaves = page.items.ok_or(
                "a registration page is not inlined; reading it separately is not supported",
            )?;
            for leaf in leaves.into_iter().filter(|leaf| leaf.entry.listed) {
                releases.push(release(&leaf.entry.version, &leaf.entry.published)?);
                license = leaf.entry.license.or(license);
            }
        }
        Ok(Published { license, releases })
    }
}
