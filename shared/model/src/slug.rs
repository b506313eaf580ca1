//! Ids are slugs: `^[a-z0-9][a-z0-9-]{0,63}$`. A `Slug` exists only if it is valid.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

/// Why a string is not a slug. Maps to 404 on a path (no such resource can exist) and to
/// 422 inside a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidSlug(pub String);

impl fmt::Display for InvalidSlug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "'{}' is not an id: ids are 1 to 64 characters of a-z, 0-9 and '-', starting with a letter or digit",
            crate::echo::echo(&self.0)
        )
    }
}

impl std::error::Error for InvalidSlug {}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    pub const MAX_LEN: usize = 64;

    pub fn parse(raw: &str) -> Result<Self, InvalidSlug> {
        let bytes = raw.as_bytes();
        let valid = !bytes.is_empty()
            && bytes.len() <= Self::MAX_LEN
            && bytes[0].is_ascii_lowercase() | bytes[0].is_ascii_digit()
            && bytes
                .iter()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-');
        if valid {
            Ok(Self(raw.to_owned()))
        } else {
            Err(InvalidSlug(raw.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Slug {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Slug {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Slug::parse(&raw).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_contract_slugs() {
        for ok in ["django", "spring-boot", "a", "0x", &"a".repeat(64)] {
            assert!(Slug::parse(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn rejects_everything_else() {
        for bad in [
            "",
            "-django",
            "Django",
            "dj ango",
            "../etc",
            "djängo",
            "a_b",
            &"a".repeat(65),
            "x\n",
        ] {
            assert!(Slug::parse(bad).is_err(), "{bad:?}");
        }
    }
}
