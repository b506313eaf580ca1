//! crates.io: the sparse index (`GET /{prefix}/{name}`), one JSON line per version with its
//! publication time (`pubtime`). The index publishes no licence; yanked versions are left out.

use model::facts::Published;
use serde::Deserialize;

use super::{Adapter, lines, release};

#[derive(Debug)]
pub(super) struct Crates;

#[derive(Deserialize)]
struct Line {
    vers: String,
    #[serde(default)]
    yanked: bool,
    #[serde(default)]
    pubtime: Option<String>,
}

/// The index's directory layout: by name length, then the name's first four letters.
fn index_path(name: &str) -> String {
    let name = name.to_ascii_lowercase();
    match name.len() {
        1 => format!("1/{name}"),
        2 => format!("2/{name}"),
        3 => format!("3/{}/{name}", &name[..1]),
        _ => format!("{}/{}/{name}", &name[..2], &name[2..4]),
    }
}

impl Adapter for Crates {
    fn document(&self, base: &str, package: &str) -> String {
        format!("{base}/{}", index_path(package))
    }

    fn read(&self, body: &[u8]) -> Result<Published, String> {
        let mut releases = Vec::new();
        for (number, line) in lines(body)?.enumerate() {
            let line: Line = serde_json::from_str(line)
                .map_err(|error| format!("index line {}: {error}", number + 1))?;
            if line.yanked {
                continue;
            }
            // Versions published before crates.io recorded `pubtime` have none: undated,
            // so they are not part of the history rather than a reason to refuse the rest.
            if let Some(at) = &line.pubtime {
                releases.push(release(&line.vers, at)?);
            }
        }
        Ok(Published {
            license: None,
            releases,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::index_path;

    #[test]
    fn index_paths_follow_the_documented_layout() {
        assert_eq!(index_path("a"), "1/a");
        assert_eq!(index_path("ab"), "2/ab");
        assert_eq!(index_path("abc"), "3/a/abc");
        assert_eq!(index_path("Actix-Web"), "ac/ti/actix-web");
    }
}
