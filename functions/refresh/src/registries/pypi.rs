//! PyPI: the JSON API (`GET /pypi/{name}/json`): `releases` maps each version to its files,
//! dated by the first file's upload; a release whose every file was yanked is left out.

use std::collections::BTreeMap;

use model::facts::Published;
use serde::Deserialize;

use super::{Adapter, json, release};

#[derive(Debug)]
pub(super) struct Pypi;

#[derive(Deserialize)]
struct Document {
    info: Info,
    releases: BTreeMap<String, Vec<File>>,
}

#[derive(Deserialize)]
struct Info {
    #[serde(default)]
    license: Option<String>,
    #[serde(default)]
    license_expression: Option<String>,
}

#[derive(Deserialize)]
struct File {
    upload_time_iso_8601: String,
    #[serde(default)]
    yanked: bool,
}

impl Adapter for Pypi {
    fn document(&self, base: &str, package: &str) -> String {
        format!("{base}/pypi/{package}/json")
    }

    fn read(&self, body: &[u8]) -> Result<Published, String> {
        let document: Document = json(body)?;
        let mut releases = Vec::new();
        for (version, files) in &document.releases {
            // A version with no files was registered but never shipped.
            if let Some(first) = files
                .iter()
                .filter(|file| !file.yanked)
                .min_by(|a, b| a.upload_time_iso_8601.cmp(&b.upload_time_iso_8601))
            {
                releases.push(release(version, &first.upload_time_iso_8601)?);
            }
        }
        // The newer metadata field first; the free-text `license` only when it is short
        // enough to be a name rather than the licence's whole text.
        let license = document
            .info
            .license_expression
            .filter(|text| !text.trim().is_empty())
            .or(document.info.license.filter(|text| {
                let text = text.trim();
                !text.is_empty() && text.len() <= 64 && !text.contains('\n')
            }));
        Ok(Published { license, releases })
    }
}
