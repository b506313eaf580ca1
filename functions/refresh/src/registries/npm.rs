//! npm: the package document (`GET /{name}`, scoped names as `@scope%2fname`): its `time`
//! map (version → publication time), and the `license` of the version tagged `latest`
//! (the package's own `license` when that version names none).

use std::collections::BTreeMap;

use model::facts::Published;
use serde::Deserialize;

use super::{Adapter, json, release};

#[derive(Debug)]
pub(super) struct Npm;

#[derive(Deserialize)]
struct Document {
    #[serde(default)]
    license: Option<License>,
    #[serde(default, rename = "dist-tags")]
    tags: BTreeMap<String, String>,
    #[serde(default)]
    versions: BTreeMap<String, Version>,
    time: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct Version {
    #[serde(default)]
    license: Option<License>,
}

/// Old packages publish `{ "type": "MIT", "url": … }` instead of an SPDX string.
#[derive(Clone, Deserialize)]
#[serde(untagged)]
enum License {
    Spdx(String),
    Object {
        #[serde(rename = "type")]
        kind: String,
    },
}

impl Adapter for Npm {
    fn document(&self, base: &str, package: &str) -> String {
        format!("{base}/{}", package.replace('/', "%2f"))
    }

    fn read(&self, body: &[u8]) -> Result<Published, String> {
        let document: Document = json(body)?;
        // `time` also holds `created` and `modified`; a version counts only if it is still
        // listed (unpublished versions keep their time entry).
        let releases = document
            .time
            .iter()
            .filter(|(version, _)| document.versions.contains_key(*version))
            .map(|(version, at)| release(version, at))
            .collect::<Result<_, _>>()?;
        let tagged = document
            .tags
            .get("latest")
            .and_then(|latest| document.versions.get(latest))
            .and_then(|version| version.license.clone());
        let license = tagged.or(document.license).map(|license| match license {
            License::Spdx(spdx) => spdx,
            License::Object { kind } => kind,
        });
        Ok(Published { license, releases })
    }
}
