//! RubyGems: the versions API (`GET /api/v1/versions/{gem}.json`), newest first, each with
//! its creation time and licences.

use model::facts::Published;
use serde::Deserialize;

use super::{Adapter, json, licenses, release};

#[derive(Debug)]
pub(super) struct Rubygems;

#[derive(Deserialize)]
struct Version {
    number: String,
    created_at: String,
    #[serde(default)]
    licenses: Option<Vec<String>>,
}

impl Adapter for Rubygems {
    fn document(&self, base: &str, package: &str) -> String {
        format!("{base}/api/v1/versions/{package}.json")
    }

    fn read(&self, body: &[u8]) -> Result<Published, String> {
        let versions: Vec<Version> = json(body)?;
        let license = versions
            .first()
            .and_then(|newest| newest.licenses.as_deref())
            .and_then(licenses);
        let releases = versions
            .iter()
            .map(|version| release(&version.number, &version.created_at))
            .collect::<Result<_, _>>()?;
        Ok(Published { license, releases })
    }
}
