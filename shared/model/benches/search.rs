//! FAQ search: index build time and query latency over the real knowledge base and over a
//! generated one of 10,000 entries whose words are drawn from the real one, so term
//! frequencies look like production text rather than noise.
//!
//! `cargo bench -p model --bench search -- --warm-up-time 1 --measurement-time 3`

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use model::dataset::load_faq;
use model::{FaqEntry, FaqIndex, SearchText, Slug, Topic};

const QUERIES: &[(&str, &str)] = &[
    ("plain", "fastest python api framework"),
    ("synonyms", "is c# quicker than java"),
    ("typo", "djnago vs node"),
    (
        "long",
        "which backend framework should a small team choose for a realtime chat app on aws lambda with websockets and an orm",
    ),
    // 32 random words: none is indexed, so each one asks for typo correction.
    (
        "junk",
        "emubcr lsbqg cnnch rnbsd uusbs mbhbrej erdsjr fdssugl rwcsb gpvrnyk soljhz wyhcs qpkxoj cdqnfyk pnbvc szkkwlt szocci wvcbxw usvojw vlaolf dpbgyje hmmpcfo rienri nlvmhec ehvha sfijae rltske qtuvxbo zrmmmmd umbgcg fdktbd serdl",
    ),
];

/// A deterministic generator (64-bit LCG), so every run indexes the same corpus.
struct Words {
    pool: Vec<String>,
    state: u64,
}

impl Words {
    fn next(&mut self) -> u64 {
        self.state = self
            .state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.state >> 33
    }

    fn sentence(&mut self, min: u64, spread: u64) -> String {
        let n = min + self.next() % spread;
        (0..n)
            .map(|_| {
                let i = (self.next() as usize) % self.pool.len();
                self.pool[i].clone()
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn generated(count: usize) -> Vec<FaqEntry> {
    let real = load_faq().unwrap();
    let pool: Vec<String> = real
        .iter()
        .flat_map(|e| {
            format!("{} {} {}", e.question, e.answer, e.tags.join(" "))
                .split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    let mut words = Words { pool, state: 42 };
    (0..count)
        .map(|i| {
            let template = &real[i % real.len()];
            FaqEntry {
                id: Slug::parse(&format!("generated-{i:05}")).unwrap(),
                question: format!("{}?", words.sentence(6, 8)),
                answer: words.sentence(60, 60),
                topic: Topic::ALL[i % Topic::COUNT],
                tags: words.sentence(3, 3).split(' ').map(str::to_owned).collect(),
                related_frameworks: template.related_frameworks.clone(),
                sources: template.sources.clone(),
            }
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let corpora = [
        ("real-43", load_faq().unwrap()),
        ("generated-10k", generated(10_000)),
    ];
    let mut build = c.benchmark_group("faq_index_build");
    build.sample_size(10);
    for (name, entries) in &corpora {
        build.bench_with_input(BenchmarkId::from_parameter(name), entries, |b, entries| {
            b.iter(|| FaqIndex::build(black_box(entries)))
        });
    }
    build.finish();

    let mut search = c.benchmark_group("faq_search");
    for (name, entries) in &corpora {
        let index = FaqIndex::build(entries);
        for (label, query) in QUERIES {
            let query = SearchText::parse(query).unwrap();
            search.bench_with_input(BenchmarkId::new(*name, label), &query, |b, query| {
                b.iter(|| index.search(black_box(query), None, 10))
            });
        }
    }
    search.finish();
}

criterion_group!(search, benches);
criterion_main!(search);
