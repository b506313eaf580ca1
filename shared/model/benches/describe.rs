//! Reading a project description: a 300-character forum-style description (target: at most
//! 50 µs), a one-liner, and a 2,000-character one; and the whole recommendation from the
//! 300-character description on the real catalog (body → profile → shortlist → JSON), as
//! `POST /recommendations` does it.
//! `cargo bench -p model --bench describe -- --warm-up-time 1 --measurement-time 3`

#![allow(clippy::unwrap_used, missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use model::dataset::load_frameworks;
use model::describe::{self, Description, interpret};
use model::{Advice, Profile};
use serde_json::json;

/// 304 characters, with everything the reader looks for: a use case, languages and a
/// negated one, stressed and weak priorities, a required and a nice-to-have feature, a
/// deployment.
const TYPICAL: &str = "We're a small team building a real-time chat backend for our mobile app. \
     TypeScript or Node preferred, no Java please. It has to scale to thousands of concurrent \
     users, and security matters too. We need websockets and auth; OpenAPI docs would be nice. \
     We plan to deploy it on AWS Lambda, with no servers.";

const SHORT: &str = "realtime chat in typescript on lambda, must scale";

fn bench(c: &mut Criterion) {
    describe::prepare();
    let typical = Description::parse(TYPICAL).unwrap();
    let short = Description::parse(SHORT).unwrap();
    let longest = Description::parse(&TYPICAL.repeat(7)[..2000]).unwrap();
    assert!(!interpret(&typical).is_empty());

    let mut group = c.benchmark_group("describe");
    group.bench_function("interpret 300 characters", |b| {
        b.iter(|| interpret(black_box(&typical)))
    });
    group.bench_function("interpret a one-liner", |b| {
        b.iter(|| interpret(black_box(&short)))
    });
    group.bench_function("interpret 2,000 characters", |b| {
        b.iter(|| interpret(black_box(&longest)))
    });
    let catalog = load_frameworks().unwrap();
    let body = json!({ "description": TYPICAL });
    group.bench_function("recommend from 300 characters", |b| {
        b.iter(|| {
            let read = Profile::read_json(black_box(&body)).unwrap();
            serde_json::to_value(Advice::for_read(&catalog, &read)).unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
