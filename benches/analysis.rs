//! Analysis speed and scaling. Run with `cargo bench --bench analysis` (or
//! `make bench`). Figures, not pass/fail.
//!
//! `analyze_corpus/bundled` is the real corpus. Scaling is measured on synthetic
//! corpora of 1, 10 and 100 copies of the five statements, each copy's words
//! shuffled within paragraphs: every scale has the same kind of text, so the
//! growth ratio isolates the algorithm (shuffling keeps verbatim talking points
//! rare, as in a real larger corpus).

use criterion::{criterion_group, BenchmarkId, Criterion};
use encryption_framing::analysis::{self, Codebook};
use encryption_framing::corpus::{self, Statement};
use encryption_framing::search::search;
use std::hint::black_box;
use std::time::Duration;

const SCALES: [usize; 3] = [1, 10, 100];

/// A deterministic word shuffle (xorshift) within each paragraph.
fn perturb(s: &Statement, copy: usize) -> Statement {
    let mut seed = 0x9E37_79B9_7F4A_7C15u64 ^ (copy as u64 + 1);
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let text: Vec<String> = s
        .body
        .text
        .split("\n\n")
        .map(|p| {
            let mut words: Vec<&str> = p.split(' ').collect();
            for i in (1..words.len()).rev() {
                words.swap(i, (next() % (i as u64 + 1)) as usize);
            }
            words.join(" ")
        })
        .collect();
    let id = format!("{}-{copy}", s.id);
    corpus::plain::statement(&id, &s.title, Some(s.date.earliest), &text.join("\n\n"))
}

fn synthetic(scale: usize) -> Vec<Statement> {
    let base = &corpus::bundled().statements;
    (0..scale).flat_map(|c| base.iter().map(move |s| perturb(s, c))).collect()
}

fn bench(c: &mut Criterion) {
    let book = Codebook::bundled();
    let mut group = c.benchmark_group("analyze_corpus");
    group.sample_size(10).measurement_time(Duration::from_secs(6)).warm_up_time(Duration::from_secs(1));
    let bundled = &corpus::bundled().statements;
    group.bench_function("bundled", |b| b.iter(|| black_box(analysis::analyze_corpus(black_box(bundled), book))));
    for scale in SCALES {
        let statements = synthetic(scale);
        group.bench_with_input(BenchmarkId::from_parameter(format!("{scale}x")), &statements, |b, s| {
            b.iter(|| black_box(analysis::analyze_corpus(black_box(s), book)))
        });
    }
    group.finish();
    // The search view's work for a query over the bundled corpus (a deep link to a search
    // runs it before its first render).
    let computed = analysis::computed();
    let mut group = c.benchmark_group("search");
    group.sample_size(20).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    for query in ["backdoor", "lawful access", "\"end-to-end encryption\""] {
        group.bench_function(query, |b| b.iter(|| black_box(search(black_box(computed), black_box(query)))));
    }
    group.finish();
}

/// Reads criterion's point estimate (ns) of the mean for one benchmark.
fn mean_ns(name: &str) -> Option<f64> {
    let dir = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
    let path = format!("{dir}/criterion/analyze_corpus/{name}/new/estimates.json");
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    v["mean"]["point_estimate"].as_f64()
}

criterion_group!(benches, bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    let words: Vec<usize> =
        SCALES.iter().map(|&s| synthetic(s).iter().map(|st| st.body.text.split_whitespace().count()).sum()).collect();
    if let Some(ns) = mean_ns("bundled") {
        println!("\nbundled corpus (5 statements, whole pipeline incl. talking points): {:.3} ms", ns / 1e6);
    }
    println!("\nanalysis scaling on synthetic corpora (mean of criterion samples)");
    println!("  scale   words      time        per 1k words   vs 1x time");
    let base = mean_ns("1x");
    for (i, scale) in SCALES.iter().enumerate() {
        let Some(ns) = mean_ns(&format!("{scale}x")) else { continue };
        let ratio = base.map_or(String::from("-"), |b| format!("{:.1}x", ns / b));
        println!(
            "  {:>4}x  {:>7}  {:>9.3} ms  {:>9.3} ms  {:>9}",
            scale,
            words[i],
            ns / 1e6,
            ns / 1e6 / (words[i] as f64 / 1000.0),
            ratio
        );
    }
    if let (Some(a), Some(b)) = (mean_ns("1x"), mean_ns("100x")) {
        println!("  growth 1x -> 100x: {:.1}x the time for 100x the text (linear would be 100x)", b / a);
    }
}
