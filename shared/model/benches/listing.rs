//! The list endpoint's response path over the real catalog, step by step: choosing the page
//! (`list_in_memory`: filter, sort, copy out), copying frameworks, and turning the page into
//! the JSON body, serialised field by field or joined from each framework's JSON rendered once
//! per version. The query is the one `../shared/bench/run-peers.sh` sends.
//!
//! `cargo bench -p model --bench listing -- --warm-up-time 1 --measurement-time 3`

#![allow(clippy::unwrap_used, missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use model::dataset::load_frameworks;
use model::listing::list_in_memory;
use model::{Filter, Language, ListQuery, PageSize, RenderedFrameworks, Sort};

fn bench_list(c: &mut Criterion) {
    let catalog = load_frameworks().unwrap();
    let query = ListQuery {
        filter: Filter {
            languages: vec![Language::Python, Language::Go],
            ..Filter::default()
        },
        sort: Sort::Best(model::Dimension::Performance),
        size: PageSize::new(5).unwrap(),
        after: None,
        released_since: None,
    };
    let page = list_in_memory(&catalog, &query);
    assert_eq!(page.items.len(), 5);

    let mut group = c.benchmark_group("list");
    group.bench_function("choose the page", |b| {
        b.iter(|| list_in_memory(black_box(&catalog), black_box(&query)))
    });
    group.bench_function("copy 5 frameworks", |b| {
        b.iter(|| black_box(&page.items).clone())
    });
    group.bench_function("serialise 5 frameworks", |b| {
        b.iter(|| serde_json::to_vec(black_box(&page.items)).unwrap())
    });
    let rendered = RenderedFrameworks::default();
    group.bench_function("join 5 rendered frameworks", |b| {
        b.iter(|| {
            let items = black_box(&page.items)
                .iter()
                .map(|framework| rendered.json(framework).unwrap())
                .collect::<Vec<_>>();
            serde_json::to_vec(&items).unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_list);
criterion_main!(benches);
