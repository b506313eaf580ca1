//! The catalog listing's query string → [`ListQuery`]: one reader for `GET /frameworks` and
//! the catalog page, so the page refuses exactly what the API refuses.

use crate::{ApiError, QueryParams};
use model::{Cursor, Filter, ListQuery, PageSize, Sort};

pub const PARAMETERS: &[&str] = &[
    "language",
    "category",
    "feature",
    "use_case",
    "released_within_months",
    "sort",
    "limit",
    "cursor",
];

/// The longest look-back `released_within_months` accepts: twenty years, older than any
/// release history the registries keep for the catalog.
pub const MAX_RELEASED_WITHIN_MONTHS: usize = 240;

/// The query of a request made on `today` (`YYYY-MM-DD`, UTC): `released_within_months`
/// counts back from it.
pub fn list_query(params: QueryParams, today: &str) -> Result<ListQuery, ApiError> {
    let params = params.only(PARAMETERS)?;
    let filter = Filter {
        languages: params.list("language")?,
        categories: params.list("category")?,
        features: params.list("feature")?,
        use_cases: params.list("use_case")?,
    };
    let sort: Sort = params.one("sort")?.unwrap_or_default();
    let size = params
        .number("limit", 1..=PageSize::MAX)?
        .and_then(PageSize::new)
        .unwrap_or_default();
    let after = match params.text("cursor")? {
        None => None,
        Some(raw) => Some(Cursor::decode(raw, sort)?.position),
    };
    let released_since = params
        .number("released_within_months", 1..=MAX_RELEASED_WITHIN_MONTHS)?
        .map(|months| {
            let months = u32::try_from(months).unwrap_or(u32::MAX);
            model::clock::months_before(today, months)
                .ok_or_else(|| ApiError::internal(format!("the clock's day '{today}' is no date")))
        })
        .transpose()?;
    Ok(ListQuery {
        filter,
        sort,
        size,
        after,
        released_since,
    })
}
