//! What the Stack Advisor tests share and production never links: every crate takes it as a
//! dev-dependency (the black-box suite, itself a test crate, as a dependency).
//!
//! - [`reply`]: a function's router on the embedded stores, one way to drive it with a request
//!   or a Lambda event ([`event_tests!`] for tests that each send one), one way to read what
//!   came back;
//! - [`contract`]: a response held against the OpenAPI document;
//! - [`catalog`]: the catalog's scenarios (a valid framework body, the admin write lifecycle)
//!   that the router, Lambda, DynamoDB and black-box suites each run on their own store;
//! - [`advice`]: what every recommendation reply must be;
//! - [`dataset`]: the sizes tests compare with, read from the embedded dataset, not written down.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod advice;
pub mod catalog;
pub mod contract;
pub mod dataset;
pub mod reply;

pub use reply::{
    Reply, assert_get_only, assert_problems, assert_revalidates, assert_unrouted, call, embedded,
    get, ids, lambda_event, send, send_event,
};
