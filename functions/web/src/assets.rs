//! The static assets, compiled into the binary and served under content-hashed names: a
//! name changes whenever its bytes do, so a browser may keep each one forever.

use std::sync::LazyLock;

#[derive(Debug)]
pub struct Asset {
    pub content_type: &'static str,
    pub bytes: &'static [u8],
    name: LazyLock<String>,
}

impl Asset {
    /// `stem.<16 hex digits of FNV-1a>.extension`.
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn href(&self) -> String {
        format!("/assets/{}", self.name())
    }
}

macro_rules! asset {
    ($stem:literal, $extension:literal, $content_type:literal) => {
        Asset {
            content_type: $content_type,
            bytes: include_bytes!(concat!("../assets/", $stem, ".", $extension)),
            name: LazyLock::new(|| {
                hashed_name(
                    $stem,
                    $extension,
                    include_bytes!(concat!("../assets/", $stem, ".", $extension)),
                )
            }),
        }
    };
}

pub(crate) static STYLE: Asset = asset!("site", "css", "text/css; charset=utf-8");
pub(crate) static SCRIPT: Asset = asset!("site", "js", "text/javascript; charset=utf-8");
pub(crate) static ICON: Asset = asset!("icon", "svg", "image/svg+xml");

pub static ALL: [&Asset; 3] = [&STYLE, &SCRIPT, &ICON];

fn hashed_name(stem: &str, extension: &str, bytes: &[u8]) -> String {
    let hash = model::hash::fnv1a([bytes]);
    format!("{stem}.{hash:016x}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_a_hash_of_the_bytes() {
        assert!(STYLE.name().starts_with("site.") && STYLE.name().ends_with(".css"));
        assert_eq!(STYLE.name().len(), "site..css".len() + 16);
        assert_ne!(
            hashed_name("a", "css", b"one"),
            hashed_name("a", "css", b"two")
        );
    }
}
