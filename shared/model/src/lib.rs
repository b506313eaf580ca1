//! The Stack Advisor domain. Pure: serde and std only. Functions parse requests into these
//! types, call the logic here, and read through the [`store`] traits.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

mod bounded;
pub mod clock;
pub mod compare;
pub mod cursor;
pub mod dataset;
pub mod describe;
pub mod echo;
pub mod evidence;
pub mod facts;
pub mod faq;
pub mod fields;
pub mod framework;
pub mod hash;
pub mod labels;
pub mod listing;
pub mod lists;
pub mod memory;
pub mod order;
pub mod priorities;
pub mod recommend;
pub mod rendered;
pub mod search;
pub mod shown_facts;
pub mod slug;
pub mod source;
pub mod store;
pub mod suggest;
#[cfg(feature = "testing")]
pub mod testing;
pub mod trends;
pub mod vocab;

pub use compare::{Comparison, Selection, SelectionError, compare};
pub use cursor::{Cursor, CursorError};
pub use describe::{Description, DescriptionError, Interpretation, interpret};
pub use echo::echo;
pub use evidence::{Evidence, EvidenceByDimension};
pub use faq::FaqEntry;
pub use fields::FieldError;
pub use framework::{Framework, FrameworkSpec, Ratings};
pub use listing::{Filter, ListQuery, Page, PageSize, Position, Sort};
pub use memory::MemoryStore;
pub use priorities::Priorities;
pub use recommend::{Advice, Limit, Profile, ProfileRead, Recommendations, recommend};
pub use rendered::RenderedFrameworks;
pub use search::{FaqIndex, Hit, SearchText, SearchTextError};
pub use slug::{InvalidSlug, Slug};
pub use source::Source;
pub use store::{FaqStore, FrameworkStore, FrameworkWrite, Precondition, StoreError};
pub use vocab::{Category, Deployment, Dimension, Feature, Language, Topic, UnknownValue, UseCase};
