//! How a function runs, composed once per process (once per Lambda container): settings
//! from the environment → the stores they select → the [`Context`] every handler shares →
//! the Lambda entry point. The HTTP edge (`edge`) and the domain (`model`) know nothing of it.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

mod acknowledged;
pub mod cache;
pub mod config;
pub mod context;
mod embedded;
pub mod facts;
pub mod faq_index;
pub mod lambda;
mod listing;
mod lookup;
pub mod telemetry;

pub use config::{ConfigError, Settings, Stores};
pub use context::Context;
