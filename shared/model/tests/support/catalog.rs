//! The embedded catalog as the data tests look it up. Included by path from `tests/`.

use std::collections::BTreeSet;

use model::dataset::load_frameworks;

/// The id of every framework in the embedded catalog.
pub(crate) fn catalog_ids() -> BTreeSet<String> {
    load_frameworks()
        .unwrap()
        .into_iter()
        .map(|f| f.id.to_string())
        .collect()
}
