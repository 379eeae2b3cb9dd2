//! The development set of whole statements (`../shared/eval-dev`: `gold.json` and
//! `statements/<id>.txt`), scored as its own `score.py` does: each gold sentence
//! is matched to the analysed sentence of its statement with the highest token
//! overlap (at least 0.6, penalised when the analysis merged it with much more text).
//!
//! Leave-one-statement-out: each statement is scored with the codebook minus what
//! its `motivated-by:` lines credit to that statement alone, so a rule written
//! because of a statement does not count when that statement is scored, and is
//! scored with the rules the other statements motivated. Only a class line may name
//! several statements, and then every member is in each of them (`tests/eval_dev.rs`
//! checks it), so it would have been written from any one of them; the strict
//! figure drops it from all.

use super::{score, Annotation, Counts, Report};
use crate::analysis::codebook::{CodebookError, Leave};
use crate::analysis::{analyze, Codebook, Theme};
use crate::corpus::plain;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// One annotated statement.
#[derive(Debug, Clone)]
pub struct DevStatement {
    /// The file stem: `uk-nca-meta-e2ee-2023`.
    pub id: String,
    pub text: String,
    /// Every sentence, in order, with its gold labels.
    pub gold: Vec<Annotation>,
}

/// Reads `dir/gold.json` and the statement files it names.
pub fn load(dir: &Path) -> Result<Vec<DevStatement>, String> {
    let gold_path = dir.join("gold.json");
    let src = std::fs::read_to_string(&gold_path).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let v: serde_json::Value = serde_json::from_str(&src).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let docs = v["documents"].as_array().ok_or(format!("{}: no `documents`", gold_path.display()))?;
    let strings = |x: &serde_json::Value| -> Vec<String> {
        x.as_array().into_iter().flatten().filter_map(|s| s.as_str().map(String::from)).collect()
    };
    docs.iter()
        .map(|d| {
            let file = d["file"].as_str().ok_or("a document without `file`")?;
            let path = dir.join(file);
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let id = Path::new(file).file_stem().and_then(|s| s.to_str()).unwrap_or(file).to_string();
            let gold = d["sentences"]
                .as_array()
                .into_iter()
                .flatten()
                .enumerate()
                .map(|(i, s)| Annotation {
                    doc: id.clone(),
                    sentence: s["text"].as_str().unwrap_or_default().to_string(),
                    themes: strings(&s["themes"]),
                    codes: strings(&s["codes"]),
                    line: i + 1,
                })
                .collect();
            Ok(DevStatement { id, text, gold })
        })
        .collect()
}

fn words(s: &str) -> HashSet<String> {
    s.to_lowercase()
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// The index of the analysed sentence best covering `gold`, as `score.py` matches.
fn best_match(gold: &str, sentences: &[HashSet<String>]) -> Option<usize> {
    let g = words(gold);
    if g.is_empty() {
        return None;
    }
    let mut best = None;
    let mut best_score = 0.0;
    for (i, st) in sentences.iter().enumerate().filter(|(_, s)| !s.is_empty()) {
        let inter = g.intersection(st).count() as f64;
        let sc = inter / g.len() as f64 * (1.5 * g.len() as f64 / st.len() as f64).min(1.0);
        if sc > best_score {
            (best, best_score) = (Some(i), sc);
        }
    }
    best.filter(|_| best_score >= 0.6)
}

fn empty_report(book: &Codebook) -> Report {
    Report {
        themes: Theme::ALL.iter().map(|t| (t.id().to_string(), Counts::default())).collect(),
        codes: book.codes.iter().map(|c| (c.id.clone(), Counts::default())).collect::<BTreeMap<_, _>>(),
        ..Report::default()
    }
}

/// Scores one statement with `book`.
pub fn evaluate_statement(s: &DevStatement, book: &Codebook) -> Report {
    let statement = plain::statement(&s.id, &s.id, None, &s.text);
    let analysis = analyze(&statement.body, book);
    let text = &statement.body.text;
    let sets: Vec<HashSet<String>> = analysis.sentences.iter().map(|x| words(&text[x.start..x.end])).collect();
    let mut report = empty_report(book);
    for a in &s.gold {
        let (themes, codes) = match best_match(&a.sentence, &sets) {
            Some(i) => {
                let x = &analysis.sentences[i];
                super::rules::tally(&mut report.rules, x, a, book);
                let themes = x.themes.iter().map(|t| t.id().to_string()).collect();
                (themes, x.codes.iter().map(|&c| book[c].id.clone()).collect())
            }
            None => {
                report.unaligned.push((a.line, a.sentence.clone()));
                (Vec::new(), Vec::new())
            }
        };
        report.sentences += 1;
        score(&mut report.themes, &a.themes, &themes, a, &mut report.misses);
        score(&mut report.codes, &a.codes, &codes, a, &mut report.misses);
    }
    report
}

/// Scores every statement with the whole codebook.
pub fn evaluate(set: &[DevStatement], book: &Codebook) -> Report {
    let mut report = empty_report(book);
    for s in set {
        report.merge(evaluate_statement(s, book));
    }
    report
}

/// Scores each statement with the codebook `source` minus what was motivated by it:
/// with `strict`, minus everything that names it ([`Leave::Named`]); otherwise minus
/// what it alone motivated ([`Leave::Sole`]), so each statement is scored with the
/// rules the others motivated.
pub fn leave_one_out(set: &[DevStatement], source: &str, strict: bool) -> Result<Report, CodebookError> {
    let mut report = empty_report(&Codebook::parse(source)?);
    for s in set {
        let leave = if strict { Leave::Named(&s.id) } else { Leave::Sole(&s.id) };
        report.merge(evaluate_statement(s, &Codebook::parse_without(source, leave)?));
    }
    Ok(report)
}

/// Per code, the recall on statements whose rules were not tuned on them (from a
/// leave-one-out report), as `code<TAB>recall<TAB>tp/annotated` lines.
pub fn per_code_recall(loo: &Report) -> String {
    let mut out = String::from("recall on unseen text, per code (leave one statement out):\n");
    for (code, c) in &loo.codes {
        out.push_str(&format!("  {code:<20} {}  ({}/{})\n", super::figure(c.recall()), c.tp, c.tp + c.fn_));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_follows_the_scorer() {
        let sets: Vec<HashSet<String>> =
            ["We support strong encryption.", "It protects everyone, every day, in every country on earth."]
                .iter()
                .map(|s| words(s))
                .collect();
        assert_eq!(best_match("We support strong encryption", &sets), Some(0));
        assert_eq!(best_match("It protects everyone", &sets), None, "merged with much more text");
        assert_eq!(best_match("", &sets), None);
    }
}
