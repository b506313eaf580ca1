//! `GET /frameworks` query string → [`ListQuery`].

use edge::{ApiError, QueryParams};
use model::{Cursor, Filter, ListQuery, PageSize, Sort};

pub const PARAMETERS: &[&str] = &[
    "language", "category", "feature", "use_case", "sort", "limit", "cursor",
];

pub fn list_query(params: QueryParams) -> Result<ListQuery, ApiError> {
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
    Ok(ListQuery {
        filter,
        sort,
        size,
        after,
    })
}
