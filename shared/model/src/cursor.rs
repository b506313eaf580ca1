//! The opaque `next_cursor` of the contract, encoded and check-summed.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::hash::fnv1a;
use crate::order::{Position, Sort};

/// The opaque `next_cursor` of the contract: a position under one sort order, encoded and
/// check-summed so that an edited or invented cursor is refused (400) rather than trusted.
/// The checksum guards against accidents and casual tampering; a cursor grants no access,
/// so it needs no secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub sort: Sort,
    pub position: Position,
}

/// Why a cursor was refused. Maps to 400.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CursorError {
    /// Not something this API issued.
    Malformed,
    /// Issued for another sort order than the request asks for.
    WrongSort { issued_for: String },
}

impl fmt::Display for CursorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CursorError::Malformed => {
                f.write_str("the cursor is not one this API issued; start again without it")
            }
            CursorError::WrongSort { issued_for } => write!(
                f,
                "the cursor was issued for sort={issued_for}; repeat that sort or start again without a cursor"
            ),
        }
    }
}

impl std::error::Error for CursorError {}

#[derive(Serialize, Deserialize)]
struct CursorWire {
    o: String,
    #[serde(flatten)]
    position: Position,
}

const CURSOR_MAX_LEN: usize = 1_024;

impl Cursor {
    pub fn encode(&self) -> String {
        let wire = CursorWire {
            o: self.sort.as_str().to_owned(),
            position: self.position.clone(),
        };
        // Serialising a struct of strings and integers cannot fail.
        let payload = serde_json::to_vec(&wire).unwrap_or_default();
        let mut cursor = String::with_capacity(2 * payload.len() + 16);
        push_hex(&mut cursor, &payload);
        push_hex(&mut cursor, &checksum(&payload).to_be_bytes());
        cursor
    }

    /// Decodes a cursor and checks that it belongs to `sort`.
    pub fn decode(raw: &str, sort: Sort) -> Result<Self, CursorError> {
        if raw.len() > CURSOR_MAX_LEN || raw.len() < 18 || !raw.is_ascii() {
            return Err(CursorError::Malformed);
        }
        let (body, sum) = raw.split_at(raw.len() - 16);
        let payload = unhex(body).ok_or(CursorError::Malformed)?;
        let expected = u64::from_str_radix(sum, 16).map_err(|_| CursorError::Malformed)?;
        if checksum(&payload) != expected {
            return Err(CursorError::Malformed);
        }
        let wire: CursorWire =
            serde_json::from_slice(&payload).map_err(|_| CursorError::Malformed)?;
        let issued: Sort = wire.o.parse().map_err(|_| CursorError::Malformed)?;
        if issued != sort {
            return Err(CursorError::WrongSort { issued_for: wire.o });
        }
        let scored = matches!(sort, Sort::Best(_));
        let dated = wire.position.released.is_some();
        if scored != wire.position.score.is_some() || (dated && sort != Sort::LatestRelease) {
            return Err(CursorError::Malformed);
        }
        Ok(Cursor {
            sort,
            position: wire.position,
        })
    }
}

/// FNV-1a over a domain-separated payload.
fn checksum(payload: &[u8]) -> u64 {
    const DOMAIN: &[u8] = b"stack-advisor/cursor/v1";
    fnv1a([DOMAIN, payload])
}

/// Appends `bytes` in lowercase hex, two digits a byte. By table, not `format!` per byte: a
/// page's cursor was a tenth of a list request's time.
fn push_hex(text: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for byte in bytes {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Dimension;

    #[test]
    fn hex_reads_as_the_formatting_machinery_writes_it() {
        let bytes: Vec<u8> = (0..=255).collect();
        let hex = |bytes: &[u8]| {
            let mut text = String::new();
            push_hex(&mut text, bytes);
            text
        };
        let formatted: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex(&bytes), formatted);
        let sum = 0x0123_4567_89ab_cdef_u64;
        assert_eq!(hex(&sum.to_be_bytes()), format!("{sum:016x}"));
        assert_eq!(unhex(&hex(&bytes)), Some(bytes));
    }

    #[test]
    fn cursors_round_trip_and_refuse_tampering() {
        let cursor = Cursor {
            sort: Sort::Best(Dimension::Performance),
            position: Position {
                score: Some(4),
                released: None,
                name_key: "fastapi#fastapi".into(),
            },
        };
        let encoded = cursor.encode();
        assert_eq!(Cursor::decode(&encoded, cursor.sort), Ok(cursor.clone()));
        assert!(matches!(
            Cursor::decode(&encoded, Sort::Name),
            Err(CursorError::WrongSort { .. })
        ));
        let mut forged = encoded.into_bytes();
        forged[3] = if forged[3] == b'0' { b'1' } else { b'0' };
        let forged = String::from_utf8(forged).unwrap();
        assert_eq!(
            Cursor::decode(&forged, cursor.sort),
            Err(CursorError::Malformed)
        );
        for junk in ["", "abc", "zz", "😀😀😀😀😀😀😀😀😀😀", &"0".repeat(5000)]
        {
            assert_eq!(
                Cursor::decode(junk, Sort::Name),
                Err(CursorError::Malformed)
            );
        }
    }
}
