//! The answer of `POST /recommendations` as the benches build it, the way the `recommend`
//! function does. Included by path from `benches/`.

use model::{Advice, Framework, ProfileRead, recommend};

/// The answer for a body already read: the shortlist, the profile it was made for and, for
/// a description, how it was read.
pub(crate) fn advice<'a>(catalog: &'a [Framework], read: &'a ProfileRead) -> Advice<'a> {
    Advice {
        recommendations: recommend(catalog, &read.profile),
        profile: &read.profile,
        interpretation: read.account.as_ref(),
    }
}
