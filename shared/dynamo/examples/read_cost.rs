//! What a cold container reads from DynamoDB to load the catalog (a `Query` of the `by_name`
//! index) and the recorded facts (a `Scan` of the facts table), at 26 frameworks, the real
//! catalog and 1,000: the items exactly as the stores write them, priced by DynamoDB's size
//! rules (`dynamo::read_cost`). The table it prints is in docs/performance.md.
//!
//! `cargo run -p dynamo --example read_cost`

#![allow(clippy::unwrap_used, clippy::print_stdout)]

use dynamo::item::{facts_to_item, framework_to_item};
use dynamo::read_cost::{WholeRead, item_size, whole_read};
use model::Framework;
use model::dataset::load_frameworks;
use model::facts::recorded;
#[path = "../../model/tests/support/synthetic.rs"]
mod synthetic;
use synthetic::grown_catalog;

fn main() {
    let real = load_frameworks().unwrap();
    let facts = recorded().unwrap();
    println!(
        "| frameworks | catalog Query: KB, pages, RCU | facts Scan: KB, pages, RCU | largest item, KB |"
    );
    println!("|---:|---|---|---:|");
    for n in [26, real.len(), 1_000] {
        let catalog = grown_catalog(&real, n);
        let catalog_sizes: Vec<usize> = catalog
            .iter()
            .map(|framework| item_size(&framework_to_item(framework).unwrap()))
            .collect();
        // A copy's facts are its original's: the copies stand for frameworks like the real ones.
        let facts_sizes: Vec<usize> = catalog
            .iter()
            .filter_map(|framework| {
                let id = framework.id.as_str();
                let recorded = facts.get(original_id(framework))?;
                Some(item_size(&facts_to_item(id, recorded).unwrap()))
            })
            .collect();
        let largest = *catalog_sizes.iter().chain(&facts_sizes).max().unwrap();
        println!(
            "| {n} | {} | {} | {:.1} |",
            described(whole_read(catalog_sizes)),
            described(whole_read(facts_sizes)),
            largest as f64 / 1024.0
        );
    }
}

/// `django-copy-3` → `django`.
fn original_id(framework: &Framework) -> &str {
    let id = framework.id.as_str();
    id.split_once("-copy-").map_or(id, |(original, _)| original)
}

/// KB read, round trips, and eventually consistent read units (what the stores ask for).
fn described(read: WholeRead) -> String {
    format!(
        "{:.0} KB, {} page{}, {} RCU",
        read.bytes as f64 / 1024.0,
        read.pages,
        if read.pages == 1 { "" } else { "s" },
        read.consistent_units.div_ceil(2)
    )
}
