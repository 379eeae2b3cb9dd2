//! Writes the codebook the wasm build compiles in: `corpus/codebook.txt` without its
//! comments, blank lines and the `e.g.:`, `not:` and `motivated-by:` lines, which only
//! the native tests and `make eval` read. The widget parses the same rules either way
//! (`codebook::parse` tests it).

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
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("codebook.txt");
    fs::write(out, lean).expect("the lean codebook is written");
}
