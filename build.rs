//! Writes the codebook the wasm build compiles in: `corpus/codebook.txt` without its
//! comments, blank lines and the `e.g.:`, `not:` and `motivated-by:` lines, which only
//! the native tests and `make eval` read. The widget parses the same rules either way
//! (`codebook::parse` tests it).
//!
//! Also writes its outline, which the hosted build parses at start-up: the same lines
//! with the patterns of rules, cues and anaphors and the stance and context word lists
//! left empty, and without the word classes (the Method view lists them from the whole
//! codebook, in a part loaded later). The widget shows patterns only in views loaded later, and
//! matches text with the statement engine, which both read the whole lean codebook.

use std::{env, fs, path::Path};

fn main() {
    let source = "corpus/codebook.txt";
    println!("cargo:rerun-if-changed={source}");
    let text = fs::read_to_string(source).expect("corpus/codebook.txt");
    let lean: String = text
        .lines()
        .filter(|line| {
            let line = line.trim();
            let key = line.split_once(':').map_or("", |(key, _)| key.trim());
            !(line.is_empty() || line.starts_with('#') || matches!(key, "e.g." | "not" | "motivated-by"))
        })
        .flat_map(|line| [line, "\n"])
        .collect();
    let outline: String = lean
        .lines()
        // The word classes only the Method view shows, from the whole codebook.
        .filter(|line| !line.starts_with("class "))
        .map(|line| match line.split_once(':') {
            Some((key, _)) if is_pattern_key(key.trim()) => format!("{}:\n", key.trim()),
            _ => format!("{line}\n"),
        })
        .collect();
    let dir = env::var("OUT_DIR").expect("OUT_DIR");
    fs::write(Path::new(&dir).join("fingerprint.txt"), format!("{:#x}", fingerprint(&lean))).expect("fingerprint");
    fs::write(Path::new(&dir).join("codebook.txt"), lean).expect("the lean codebook is written");
    fs::write(Path::new(&dir).join("codebook-outline.txt"), outline).expect("the codebook's outline is written");
}

/// The corpus files, in the order of `corpus::FILES` (a native test checks the result).
const CORPUS: [&str; 5] = [
    "corpus/rudd-2017.md",
    "corpus/wallace-2017.md",
    "corpus/international-2020.md",
    "corpus/lords-answer-2020.md",
    "corpus/factsheet-2019.md",
];

/// The build's fingerprint (`analysis::wire::fingerprint`): FNV-1a over the lean
/// codebook, the crate's version and the corpus files, each followed by 0xff.
/// Computed here so the widget's start-up needs none of those texts to know it.
fn fingerprint(lean: &str) -> u64 {
    let version = env::var("CARGO_PKG_VERSION").expect("CARGO_PKG_VERSION");
    let files: Vec<String> = CORPUS
        .iter()
        .map(|f| {
            println!("cargo:rerun-if-changed={f}");
            fs::read_to_string(f).expect("a corpus file")
        })
        .collect();
    let parts = [lean, version.as_str()].into_iter().chain(files.iter().map(String::as_str));
    parts
        .flat_map(|p| p.bytes().chain([0xff]))
        .fold(0xcbf29ce484222325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100000001b3))
}

/// The keys whose values are patterns or word lists (the codebook's own format).
fn is_pattern_key(key: &str) -> bool {
    let kind = key.split_once(' ').map_or(key, |(kind, _)| kind);
    matches!(kind, "rule" | "cue" | "class" | "anaphor")
        || matches!(
            key,
            "negation"
                | "clause-break"
                | "negator-after"
                | "negation-cancel"
                | "negator-phrase"
                | "gap-free"
                | "connective"
        )
}
