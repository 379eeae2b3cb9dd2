//! `framing`: the framing analysis for data desks.
//!
//! ```text
//! framing analyze [--format json|csv] [FILE...]
//! ```
//! With no FILE it analyses the bundled corpus; with FILEs it analyses those
//! plain-text files as statements (id from the file stem). Output goes to stdout;
//! errors name the file and exit non-zero. With `--leave STATEMENT` it uses the
//! codebook without what that development statement alone motivated (its
//! `motivated-by:` lines), as the leave-one-statement-out evaluation scores it.
//!
//! ```text
//! framing precompute [DIR]
//! ```
//! writes what the hosted build carries instead of parsing and analysing at start-up
//! (default DIR `corpus`, `make precompute`): the bundled corpus's analysis
//! (`analysis.bin`) and the corpus with the codebook's outline (`bundle.bin`).

use encryption_framing::analysis::{self, eval, export, Codebook};
use encryption_framing::corpus::{self, plain, Statement};
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: framing analyze [--format json|csv] [--leave STATEMENT] [FILE...]\n       framing eval [--misses] [--rules] [--dev DIR]... [ANNOTATIONS.tsv...]\n       framing precompute [DIR]";

#[derive(Clone, Copy)]
enum Format {
    Json,
    Csv,
}

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("framing: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<String, String> {
    let mut args = args.into_iter();
    match args.next().as_deref() {
        Some("analyze") => {}
        Some("eval") => return eval(args.collect()),
        Some("precompute") => {
            let dir = args.next().unwrap_or_else(|| "corpus".into());
            let outline = Codebook::parse_outline(analysis::codebook::OUTLINE_SOURCE).map_err(|e| e.to_string())?;
            let files = [
                ("analysis.bin", analysis::wire::encode_corpus(analysis::computed())),
                ("bundle.bin", {
                    let outline = encryption_framing::bundle::outline_for(&outline, analysis::computed());
                    encryption_framing::bundle::encode(corpus::bundled(), &outline)
                }),
            ];
            let mut out = String::new();
            for (name, bytes) in files {
                let path = Path::new(&dir).join(name);
                std::fs::write(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
                out.push_str(&format!("wrote {} ({} bytes)\n", path.display(), bytes.len()));
            }
            return Ok(out);
        }
        Some("-h" | "--help") | None => return Err(USAGE.into()),
        Some(other) => return Err(format!("unknown command `{other}`\n{USAGE}")),
    }
    let mut format = Format::Json;
    let mut leave: Option<String> = None;
    let mut files = Vec::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" => {
                format = match args.next().as_deref() {
                    Some("json") => Format::Json,
                    Some("csv") => Format::Csv,
                    other => return Err(format!("--format takes json or csv, not {other:?}")),
                }
            }
            "--leave" => leave = Some(args.next().ok_or("--leave takes a statement id")?),
            a if a.starts_with("--format=") => {
                if let Some(id) = leave {
                    files.splice(0..0, ["--leave".to_string(), id]);
                }
                return run_with_eq(a, files, args.collect());
            }
            a if a.starts_with('-') && a != "-" => return Err(format!("unknown option `{a}`\n{USAGE}")),
            _ => files.push(arg),
        }
    }
    let statements = if files.is_empty() { corpus::bundled().statements.clone() } else { load(&files)? };
    let without;
    let book = match &leave {
        Some(id) => {
            without = Codebook::parse_without(analysis::codebook::SOURCE, analysis::codebook::Leave::Sole(id))
                .map_err(|e| e.to_string())?;
            &without
        }
        None => Codebook::bundled(),
    };
    let result = analysis::analyze_corpus(&statements, book);
    Ok(match format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&export::to_json(&result, book)).map_err(|e| e.to_string())?;
            s.push('\n');
            s
        }
        Format::Csv => export::to_csv(&result, book),
    })
}

/// Accepts `--format=csv` by rewriting it as `--format csv`.
fn run_with_eq(flag: &str, mut before: Vec<String>, rest: Vec<String>) -> Result<String, String> {
    let mut args = vec!["analyze".to_string()];
    args.append(&mut before);
    args.push("--format".into());
    args.push(flag.trim_start_matches("--format=").into());
    args.extend(rest);
    run(args)
}

fn load(files: &[String]) -> Result<Vec<Statement>, String> {
    let mut out: Vec<Statement> = Vec::new();
    for f in files {
        let path = Path::new(f);
        if path.is_dir() {
            return Err(format!("{f}: is a directory, not a text file"));
        }
        let bytes = std::fs::read(path).map_err(|e| format!("{f}: {e}"))?;
        let text = String::from_utf8(bytes)
            .map_err(|e| format!("{f}: not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        if text.trim().is_empty() {
            return Err(format!("{f}: the file is empty"));
        }
        let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or("statement").to_string();
        if out.iter().any(|s| s.id == id) {
            return Err(format!("{f}: two files have the id `{id}` (ids come from file names)"));
        }
        out.push(plain::statement(&id, &id, None, text));
    }
    Ok(out)
}

/// Prints precision, recall and F1 against hand annotations (default: the bundled
/// `tests/data/*.tsv`, when run from the repository); with `--dev DIR` (once per
/// set), also a development set of whole statements, with the whole codebook and
/// leave one statement out; with `--rules`, what each rule does on all of them.
fn eval(args: Vec<String>) -> Result<String, String> {
    let mut misses = false;
    let mut rules = false;
    let mut devs: Vec<String> = Vec::new();
    let mut files: Vec<String> = Vec::new();
    let mut args = args.into_iter();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--misses" => misses = true,
            "--rules" => rules = true,
            "--dev" => devs.push(args.next().ok_or("--dev takes a directory")?),
            _ => files.push(a),
        }
    }
    if files.is_empty() && devs.is_empty() {
        files = vec!["tests/data/annotations.tsv".into(), "tests/data/unseen.tsv".into()];
    }
    let book = Codebook::bundled();
    let corpus = analysis::bundled();
    let mut out = String::new();
    let mut reports = Vec::new();
    let section = |out: &mut String, title: &str, report: &eval::Report| {
        out.push_str(&eval::render(title, report));
        for (line, s) in &report.unaligned {
            out.push_str(&format!("  unaligned line {line}: {s}\n"));
        }
        if misses {
            for m in &report.misses {
                let kind = if m.spurious { "extra " } else { "missed" };
                out.push_str(&format!("  {kind} {:<18} {} {:>3}: {}\n", m.label, m.doc, m.line, m.sentence));
            }
        }
        out.push('\n');
    };
    for f in &files {
        let src = std::fs::read_to_string(f).map_err(|e| format!("{f}: {e}"))?;
        let annotations = eval::parse_tsv(&src).map_err(|e| format!("{f}: {e}"))?;
        let report = eval::evaluate(&annotations, corpus, book);
        section(&mut out, f, &report);
        reports.push(report);
    }
    // Each development set's statements with what each rule did there: a rule logged
    // as motivated by one statement is then found wherever else it is right.
    let mut own = std::collections::BTreeMap::new();
    let sets = reports.len();
    for dir in devs {
        match eval::dev::load(Path::new(&dir)) {
            Ok(set) => {
                let report = eval::dev::evaluate(&set, book);
                section(&mut out, &format!("{dir} (whole codebook)"), &report);
                let loo =
                    eval::dev::leave_one_out(&set, analysis::codebook::SOURCE, false).map_err(|e| e.to_string())?;
                section(&mut out, &format!("{dir} (leave one statement out)"), &loo);
                let strict =
                    eval::dev::leave_one_out(&set, analysis::codebook::SOURCE, true).map_err(|e| e.to_string())?;
                section(&mut out, &format!("{dir} (leave one statement out, strict: no rule that names it)"), &strict);
                out.push_str(&eval::dev::per_code_recall(&loo));
                out.push('\n');
                if rules {
                    own.extend(set.iter().map(|s| (s.id.clone(), eval::dev::evaluate_statement(s, book).rules)));
                }
                reports.push(report);
            }
            Err(e) => out.push_str(&format!("development set {dir} not scored: {e}\n(eval-dev is the folder `shared/eval-dev` beside the repository; without it only the other figures are given)\n\n")),
        }
    }
    if rules {
        out.push_str(&eval::rules::render(&reports.iter().collect::<Vec<_>>(), book));
        if !own.is_empty() {
            let logged = Codebook::parse(analysis::codebook::SOURCE).map_err(|e| e.to_string())?;
            out.push_str(&eval::rules::transfer(&logged, &own, &reports[..sets].iter().collect::<Vec<_>>()));
        }
    }
    Ok(out)
}
