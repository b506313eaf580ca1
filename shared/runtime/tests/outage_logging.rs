//! An outage is logged once when it starts and once when it ends, however many requests it
//! lasts, and every answer served from the copy meanwhile carries its age.
//!
//! Alone in its own test binary: tracing caches per call site whether anyone listens, and a
//! test thread that first reaches a call site while this test installs its subscriber can
//! leave that cache at "nobody" — with no other test running, there is no such thread.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use model::testing::SwitchableStore;
use model::{FrameworkStore, ListQuery, Slug};
use runtime::cache::CachedFrameworks;
use tracing::Level;
use tracing_subscriber::layer::SubscriberExt;

/// The levels of the events `runtime::cache` logs, in order.
#[derive(Debug, Clone, Default)]
struct CacheLogs(Arc<Mutex<Vec<Level>>>);

impl CacheLogs {
    fn levels(&self) -> Vec<Level> {
        self.0.lock().unwrap().clone()
    }
}

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for CacheLogs {
    fn on_event(&self, event: &tracing::Event<'_>, _: tracing_subscriber::layer::Context<'_, S>) {
        if event.metadata().target() == "runtime::cache" {
            self.0.lock().unwrap().push(*event.metadata().level());
        }
    }
}

#[tokio::test(start_paused = true)]
async fn an_outage_is_logged_once_and_each_answer_from_the_copy_carries_its_age() {
    let logs = CacheLogs::default();
    let _logging =
        tracing::subscriber::set_default(tracing_subscriber::registry().with(logs.clone()));
    let switchable = SwitchableStore::seeded().unwrap();
    let size = model::dataset::load_frameworks().unwrap().len();
    let whole_catalog = ListQuery {
        size: model::PageSize::new(model::PageSize::MAX).unwrap(),
        ..ListQuery::default()
    };
    let down = switchable.down.clone();
    let store = CachedFrameworks::new(switchable, Duration::from_secs(2));
    store.catalog().await.unwrap();
    down.store(true, Ordering::SeqCst);
    tokio::time::advance(Duration::from_secs(3)).await;

    let django = Slug::parse("django").unwrap();
    // Across several back-off windows, each ending in another failed try.
    for second in 0..12 {
        let copy_age = Some(Duration::from_secs(3 + second));
        let (found, age) = edge::age::measured(store.get(&django)).await;
        assert!(found.unwrap().is_some());
        assert_eq!(age, copy_age, "get");
        let (page, age) = edge::age::measured(store.list(&whole_catalog)).await;
        assert_eq!(page.unwrap().items.len(), size);
        assert_eq!(age, copy_age, "list");
        let (all, age) = edge::age::measured(store.catalog()).await;
        assert_eq!(all.unwrap().len(), size);
        assert_eq!(age, copy_age, "catalog");
        tokio::time::advance(Duration::from_secs(1)).await;
    }
    assert_eq!(
        logs.levels(),
        [Level::WARN],
        "one line when the outage starts, none per request"
    );

    down.store(false, Ordering::SeqCst);
    tokio::time::advance(Duration::from_secs(3)).await;
    let (all, age) = edge::age::measured(store.catalog()).await;
    assert_eq!(all.unwrap().len(), size);
    assert_eq!(age, None, "a fresh answer has no Age");
    let (_, age) = edge::age::measured(store.get(&django)).await;
    assert_eq!(age, None);
    assert_eq!(
        logs.levels(),
        [Level::WARN, Level::INFO],
        "and one when it ends"
    );
}
