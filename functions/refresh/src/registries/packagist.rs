//! Packagist: the Composer v2 metadata (`GET /p2/{vendor}/{name}.json`), tagged releases
//! only, newest first, in the minified form: each entry repeats only the fields that changed
//! since the entry before it, and `"__unset"` removes one.

use model::facts::Published;
use serde_json::{Map, Value};

use super::{Adapter, json, licenses, release};

#[derive(Debug)]
pub(super) struct Packagist;

impl Adapter for Packagist {
    fn document(&self, base: &str, package: &str) -> String {
        format!("{base}/p2/{package}.json")
    }

    fn read(&self, body: &[u8]) -> Result<Published, String> {
        let document: Value = json(body)?;
        let packages = document
            .get("packages")
            .and_then(Value::as_object)
            .ok_or("no packages object")?;
        let entries = packages
            .values()
            .next()
            .and_then(Value::as_array)
            .ok_or("no version list")?;
        let mut current = Map::new();
        let mut releases = Vec::new();
        let mut license = None;
        for (index, entry) in entries.iter().enumerate() {
            let fields = entry
                .as_object()
                .ok_or_else(|| format!("version entry {index} is not an object"))?;
            for (name, value) in fields {
                if value.as_str() == Some("__unset") {
                    current.remove(name);
                } else {
                    current.insert(name.clone(), value.clone());
                }
            }
            let text = |name: &str| current.get(name).and_then(Value::as_str);
            let version = text("version").ok_or_else(|| format!("entry {index} has no version"))?;
            let time = text("time").ok_or_else(|| format!("version {version} has no time"))?;
            releases.push(release(version, time)?);
            if index == 0 {
                let list: Vec<String> = current
                    .get("license")
                    .and_then(Value::as_array)
                    .map(|list| {
                        list.iter()
                            .filter_map(Value::as_str)
                            .map(str::to_owned)
                            .collect()
                    })
                    .unwrap_or_default();
                license = licenses(&list);
            }
        }
        Ok(Published { license, releases })
    }
}
