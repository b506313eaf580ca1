//! Hex: the package API (`GET /api/packages/{name}`): every release with its insertion time,
//! and the licences in the package's metadata.

use model::facts::Published;
use serde::Deserialize;

use super::{Adapter, json, licenses, release};

#[derive(Debug)]
pub(super) struct Hex;

#[derive(Deserialize)]
struct Package {
    #[serde(default)]
    meta: Meta,
    releases: Vec<Version>,
}

#[derive(Default, Deserialize)]
struct Meta {
    #[serde(default)]
    licenses: Vec<String>,
}

#[derive(Deserialize)]
struct Version {
    version: String,
    inserted_at: String,
}

impl Adapter for Hex {
    fn document(&self, base: &str, package: &str) -> String {
        format!("{base}/api/packages/{package}")
    }

    fn read(&self, body: &[u8]) -> Result<Published, String> {
        let package: Package = json(body)?;
        let releases = package
            .releases
            .iter()
            .map(|version| release(&version.version, &version.inserted_at))
            .collect::<Result<_, _>>()?;
        Ok(Published {
            license: licenses(&package.meta.licenses),
            releases,
        })
    }
}
