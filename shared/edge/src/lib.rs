//! The edge code every Stack Advisor function shares, written once.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod auth;
pub mod cache;
pub mod config;
pub mod etag;
pub mod extract;
pub mod problem;
pub mod router;
pub mod telemetry;

pub use auth::Admin;
pub use config::{ConfigError, Settings, Stores};
pub use etag::{ETag, Freshness, conditional_json, if_match_version, write_precondition};
pub use extract::{JsonBody, PathId, QueryParams};
pub use problem::ApiError;
pub mod context;
pub mod lambda;

pub use context::Context;
#[cfg(feature = "testing")]
pub mod contract;
#[cfg(feature = "testing")]
pub mod testing;
