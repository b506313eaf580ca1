//! The HTTP edge every Stack Advisor function shares, written once: problem+json errors,
//! extractors, ETags, the admin guard and the routers' shared fallbacks.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod age;
pub mod auth;
pub mod etag;
pub mod extract;
pub mod freshness;
pub mod headers;
pub mod list_query;
pub mod negotiate;
pub mod problem;
pub mod router;

pub use auth::{Admin, LocalWrites};
pub use etag::{
    ETag, PreparedJson, cache_headers, conditional_bytes, conditional_json, if_match_version,
    json_bytes, write_precondition,
};
pub use extract::{JsonBody, PathId, QueryParams};
pub use freshness::{Freshness, NO_STORE};
pub use problem::ApiError;
