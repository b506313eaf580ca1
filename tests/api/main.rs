//! The black-box suite: one binary, one module per function. Runs against `API_URL` when set
//! (`make test-e2e API_URL=https://...`), otherwise against a local server it starts itself.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod bad_input;
mod catalog;
mod compare;
mod facts;
mod faq;
mod list_forms;
mod recommend;
