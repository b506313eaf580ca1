//! Cue matches → profile fields, in two passes: markers (negation, stress, comparison,
//! leaving, elsewhere) are applied to the signals they point at ([`super::markers`]); then
//! each field is decided from the signals left, and every decision keeps the words that made
//! it ([`super::fields`]).

use super::reader::Reading;
use super::{Interpretation, fields, markers};

pub(super) fn resolve(text: &str, reading: &Reading) -> Interpretation {
    let marks = markers::mark(text, reading);
    fields::decide(text, reading, &marks)
}
