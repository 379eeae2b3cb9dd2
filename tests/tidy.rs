//! The architecture's invariants, checked mechanically on the source (in the spirit
//! of rust-analyzer's tidy tests): a rule that only lives in ARCHITECTURE.md drifts.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The code lines of a file (comments dropped), numbered from 1.
fn code_lines(path: &Path) -> Vec<(usize, String)> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.split("//").next().unwrap_or("").to_string()))
        .filter(|(_, l)| !l.trim().is_empty())
        .collect()
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn offences(files: &[PathBuf], needles: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for f in files {
        for (n, line) in code_lines(f) {
            for needle in needles {
                if line.contains(needle) {
                    out.push(format!("{}:{n}: {}", f.display(), line.trim()));
                }
            }
        }
    }
    out
}

#[test]
fn the_core_knows_nothing_about_the_web() {
    let core: Vec<PathBuf> = rust_files(&src())
        .into_iter()
        .filter(|p| !p.starts_with(src().join("ui")) && !p.starts_with(src().join("bin")))
        .collect();
    assert!(core.len() > 10, "the core files are found");
    let found = offences(&core, &["yew", "web_sys", "gloo", "wasm_bindgen", "js_sys"]);
    assert!(found.is_empty(), "web dependencies in the core:\n{}", found.join("\n"));
}

#[test]
fn view_links_are_written_only_by_the_link_component() {
    let ui: Vec<PathBuf> = rust_files(&src().join("ui")).into_iter().filter(|p| !p.ends_with("link.rs")).collect();
    // A literal view address bypasses the context: it would drop the reader's statement
    // and, in a mounted widget, leave the click to nobody.
    let found = offences(&ui, &["\"#/", "href={format!(\"#", "href={ctx.href", "href={href("]);
    assert!(found.is_empty(), "view links outside ui/link.rs:\n{}", found.join("\n"));
}

#[test]
fn render_code_never_reaches_the_browser_directly() {
    // These modules hold the browser calls, made at start-up, in effects and in event
    // handlers; components reach the browser only through them.
    let allowed = ["browser.rs", "embed.rs", "failure.rs", "mount.rs", "storage.rs", "actions.rs", "analyst.rs"];
    let ui: Vec<PathBuf> =
        rust_files(&src().join("ui")).into_iter().filter(|p| !allowed.iter().any(|a| p.ends_with(a))).collect();
    let found = offences(&ui, &["gloo::utils", "web_sys::window", "window()", "document()", ".location()"]);
    assert!(found.is_empty(), "browser calls or page-global state in components:\n{}", found.join("\n"));
}

#[test]
fn no_page_global_widget_state() {
    // One widget's data, navigation or DOM look-ups never live in page-global state:
    // the only thread-locals of the UI are the page's embed configuration (read once from
    // the page's own address), the panic hook's list of mounted roots, and the lazily
    // loaded parts (functions from a wasm chunk, code that every widget shares as it
    // shares the rest of the wasm; a part holds no widget's data).
    let mut found = Vec::new();
    for f in rust_files(&src().join("ui")) {
        if f.ends_with("embed.rs") || f.ends_with("failure.rs") || f.ends_with("lazy.rs") {
            continue;
        }
        for (n, line) in code_lines(&f) {
            let l = line.trim_start();
            if l.contains("thread_local!")
                || l.starts_with("static ")
                || l.contains("OnceLock")
                || l.contains("static mut")
            {
                found.push(format!("{}:{n}: {l}", f.display()));
            }
        }
    }
    assert!(found.is_empty(), "page-global state in the UI:\n{}", found.join("\n"));
}

#[test]
fn the_widget_compiles_one_sort() {
    // Every generic sort call emits another copy of the standard library's sort into
    // the wasm; `crate::order` sorts through one (the command line's eval and the
    // build's binaries are not in the wasm).
    let files: Vec<PathBuf> = rust_files(&src())
        .into_iter()
        .filter(|p| {
            !p.starts_with(src().join("bin"))
                && !p.starts_with(src().join("analysis").join("eval"))
                && p != &src().join("order.rs")
        })
        .collect();
    let found = offences(&files, &[".sort(", ".sort_by(", ".sort_by_key(", ".sort_unstable", ".sort_by_cached_key("]);
    assert!(found.is_empty(), "sorts outside crate::order:\n{}", found.join("\n"));
}
