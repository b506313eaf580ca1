//! Compare and recommend over the real catalog and over a generated catalog of 10,000
//! frameworks. `make bench`, or:
//! `cargo bench -p model --bench advice -- --warm-up-time 1 --measurement-time 3`

#![allow(clippy::unwrap_used, missing_docs)]

use std::collections::BTreeMap;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
#[path = "../tests/support/synthetic.rs"]
mod synthetic;
use model::dataset::load_frameworks;
use model::{
    Advice, Category, Dimension, Feature, Framework, Language, Priorities, Profile, Selection,
    UseCase, compare, recommend,
};
use synthetic::{full_profile, synthetic_framework};

/// A deterministic catalog of `n` frameworks with varied languages, features, use cases and
/// ratings (a linear congruential generator, so every run measures the same data).
fn generated_catalog(n: usize) -> Vec<Framework> {
    let mut state: u64 = 0x5eed;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        state >> 33
    };
    let mut catalog: Vec<Framework> = (0..n)
        .map(|i| {
            let ratings: BTreeMap<Dimension, u8> = Dimension::ALL
                .iter()
                .map(|d| (*d, 1 + (next() % 5) as u8))
                .collect();
            let features: Vec<Feature> = Feature::ALL
                .iter()
                .copied()
                .filter(|_| next() % 2 == 0)
                .collect();
            let mut use_cases: Vec<UseCase> = UseCase::ALL
                .iter()
                .copied()
                .filter(|_| next() % 4 == 0)
                .collect();
            if use_cases.is_empty() {
                use_cases.push(UseCase::RestApi);
            }
            let mut framework = synthetic_framework(
                &format!("generated-{i:05}"),
                format!("Generated {i}"),
                Language::ALL[next() as usize % Language::ALL.len()],
                features,
                use_cases,
                ratings,
            );
            let spec = std::sync::Arc::make_mut(&mut framework.spec);
            spec.category = Category::ALL[next() as usize % Category::ALL.len()];
            spec.first_release = 2000 + (next() % 25) as u16;
            framework
        })
        .collect();
    catalog.sort_by(|a, b| a.id.cmp(&b.id));
    catalog
}

fn advice(c: &mut Criterion) {
    let real = load_frameworks().unwrap();
    let large = generated_catalog(10_000);
    let priorities = Priorities::new([Dimension::Performance, Dimension::Security]);

    let mut group = c.benchmark_group("compare");
    let four = Selection::parse("django,fastapi,fiber,spring-boot").unwrap();
    group.bench_function("real catalog, 4 frameworks", |b| {
        b.iter(|| {
            let picked = four.resolve(black_box(&real)).unwrap();
            compare(&picked, black_box(&priorities))
        })
    });
    let four_generated =
        Selection::parse("generated-00007,generated-02500,generated-05000,generated-09999")
            .unwrap();
    group.bench_function("10,000 frameworks, 4 frameworks", |b| {
        b.iter(|| {
            let picked = four_generated.resolve(black_box(&large)).unwrap();
            compare(&picked, black_box(&priorities))
        })
    });
    group.finish();

    let mut group = c.benchmark_group("recommend");
    let minimal = Profile::new(UseCase::RestApi);
    let full = full_profile();
    group.bench_function("real catalog, use case only", |b| {
        b.iter(|| recommend(black_box(&real), black_box(&minimal)))
    });
    group.bench_function("real catalog, full profile", |b| {
        b.iter(|| recommend(black_box(&real), black_box(&full)))
    });
    group.bench_function("10,000 frameworks, use case only", |b| {
        b.iter(|| recommend(black_box(&large), black_box(&minimal)))
    });
    group.bench_function("10,000 frameworks, full profile", |b| {
        b.iter(|| recommend(black_box(&large), black_box(&full)))
    });
    // What POST /recommendations does with the body ../shared/bench/run-peers.sh sends.
    let body = br#"{"use_case":"rest_api","priorities":["performance","type_safety"],"deployment":"serverless","limit":5}"#;
    group.bench_function(
        "real catalog, the peers bench's body: parse, read, score, serialise",
        |b| {
            b.iter(|| {
                let value: serde_json::Value = serde_json::from_slice(black_box(body)).unwrap();
                let read = Profile::read_json(&value).unwrap();
                serde_json::to_vec(&Advice::for_read(&real, &read)).unwrap()
            })
        },
    );
    group.finish();
}

criterion_group!(benches, advice);
criterion_main!(benches);
