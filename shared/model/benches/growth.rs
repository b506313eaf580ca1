//! How the request paths grow with the catalog: list, compare, recommend (from a profile and
//! from a plain description), the near-miss suggestions of a 404 over 26 frameworks (the catalog's size before it grew), the real
//! catalog, and 1,000 frameworks made by copying the real ones under new ids, so item sizes
//! and text stay those of real entries. The figures and where the design must change
//! are in docs/performance.md ("Catalog growth").
//!
//! `cargo bench -p model --bench growth -- --warm-up-time 1 --measurement-time 3`

#![allow(clippy::unwrap_used, missing_docs)]

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use model::dataset::load_frameworks;
use model::describe::{self, Description};
use model::listing::list_in_memory;
use model::{
    Advice, Dimension, Filter, Framework, Language, ListQuery, PageSize, Priorities, Profile,
    RenderedFrameworks, Selection, Sort, compare, recommend,
};
use serde_json::json;
#[path = "../tests/support/synthetic.rs"]
mod synthetic;
use synthetic::{full_profile, grown_catalog};

/// The list endpoint's work for one page: choose it, then join each framework's rendered JSON.
fn list_page(catalog: &[Framework], query: &ListQuery, rendered: &RenderedFrameworks) -> Vec<u8> {
    let page = list_in_memory(catalog, query);
    let items = page
        .items
        .iter()
        .map(|framework| rendered.json(framework).unwrap())
        .collect::<Vec<_>>();
    serde_json::to_vec(&items).unwrap()
}

fn growth(c: &mut Criterion) {
    describe::prepare();
    let real = load_frameworks().unwrap();
    // Labelled apart: the real catalog may itself hold 26.
    let sizes = [
        ("26".to_owned(), grown_catalog(&real, 26)),
        (format!("{} (real)", real.len()), real.clone()),
        ("1000".to_owned(), grown_catalog(&real, 1_000)),
    ];

    let first_100 = ListQuery {
        filter: Filter::default(),
        sort: Sort::Name,
        size: PageSize::new(PageSize::MAX).unwrap(),
        after: None,
        released_since: None,
    };
    let filtered_best = ListQuery {
        filter: Filter {
            languages: vec![Language::Python, Language::Go],
            ..Filter::default()
        },
        sort: Sort::Best(Dimension::Performance),
        size: PageSize::new(5).unwrap(),
        after: None,
        released_since: None,
    };
    // Four that every size holds: the 26 are the first by id.
    let four = Selection::parse("django,express,fastapi,fiber").unwrap();
    let priorities = Priorities::new([Dimension::Performance, Dimension::Security]);
    let full = full_profile();
    let description = json!({
        "description": "A small team building a real-time chat backend in TypeScript, not Java \
                        please; it must scale and security matters. Deployed on AWS Lambda."
    });
    assert!(Description::parse(description["description"].as_str().unwrap()).is_ok());

    let mut group = c.benchmark_group("growth");
    for (n, catalog) in &sizes {
        let rendered = RenderedFrameworks::default();
        group.bench_with_input(BenchmarkId::new("list 100 by name", n), catalog, |b, c| {
            b.iter(|| list_page(black_box(c), &first_100, &rendered))
        });
        group.bench_with_input(
            BenchmarkId::new("list 5 best, two languages", n),
            catalog,
            |b, c| b.iter(|| list_page(black_box(c), &filtered_best, &rendered)),
        );
        group.bench_with_input(BenchmarkId::new("compare 4", n), catalog, |b, c| {
            b.iter(|| {
                let picked = four.resolve(black_box(c)).unwrap();
                serde_json::to_vec(&compare(&picked, &priorities)).unwrap()
            })
        });
        group.bench_with_input(
            BenchmarkId::new("recommend, full profile", n),
            catalog,
            |b, c| {
                b.iter(|| {
                    let advice = Advice {
                        recommendations: recommend(black_box(c), &full),
                        profile: &full,
                        interpretation: None,
                    };
                    serde_json::to_vec(&advice).unwrap()
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("recommend from a description", n),
            catalog,
            |b, c| {
                b.iter(|| {
                    let read = Profile::read_json(black_box(&description)).unwrap();
                    serde_json::to_vec(&Advice::for_read(c, &read)).unwrap()
                })
            },
        );
        group.bench_with_input(BenchmarkId::new("404 suggestions", n), catalog, |b, c| {
            b.iter(|| {
                model::suggest::near_misses(
                    black_box("djnago"),
                    c.iter().map(|framework| framework.id.as_str()),
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, growth);
criterion_main!(benches);
