//! Evaluation against hand annotations: precision, recall and F1 per theme and per
//! code. `dev` scores the development set of whole statements (`../shared/eval-dev`),
//! also leave-one-statement-out; `rules` reports what each rule does.
//!
//! Annotations are a TSV file (`doc`, `sentence_start`, `themes`, `codes`, `note`;
//! `-` for none). A `doc` naming a corpus statement refers to the sentence of that
//! statement starting with `sentence_start`; the doc `unseen` means the column holds
//! a whole sentence written outside the corpus, analysed on its own.

pub mod dev;
mod published;
pub mod rules;

pub use published::{absence_note, published_recall, Published, PUBLISHED, PUBLISHED_DEV, UNSEEN_RECALL};

use super::{analyze, Codebook, CorpusAnalysis, Theme};
use crate::corpus::plain;
use std::collections::BTreeMap;

/// One annotated sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    pub doc: String,
    pub sentence: String,
    pub themes: Vec<String>,
    pub codes: Vec<String>,
    pub line: usize,
}

/// Parses annotation TSV; errors name the line.
pub fn parse_tsv(source: &str) -> Result<Vec<Annotation>, String> {
    let list = |s: &str| -> Vec<String> {
        if s.trim() == "-" {
            Vec::new()
        } else {
            s.split(',').map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).collect()
        }
    };
    source
        .lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let f: Vec<&str> = l.split('\t').collect();
            if f.len() < 4 {
                return Err(format!("line {}: expected at least 4 tab-separated fields", i + 1));
            }
            Ok(Annotation {
                doc: f[0].into(),
                sentence: f[1].into(),
                themes: list(f[2]),
                codes: list(f[3]),
                line: i + 1,
            })
        })
        .collect()
}

/// Counts for one label.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    /// `None` when nothing was predicted: a code never given has no precision.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fp)
    }
    /// `None` when nothing was annotated.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// 0 when precision or recall is undefined or both are 0.
    pub fn f1(&self) -> f64 {
        match (self.precision(), self.recall()) {
            (Some(p), Some(r)) if p + r > 0.0 => 2.0 * p * r / (p + r),
            _ => 0.0,
        }
    }
    pub fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// A disagreement, for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Miss {
    pub doc: String,
    /// The annotation's line (TSV) or the sentence's number in its statement (dev set).
    pub line: usize,
    pub label: String,
    /// `true`: predicted but not annotated; `false`: annotated but missed.
    pub spurious: bool,
    pub sentence: String,
}

/// The outcome of an evaluation.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub sentences: usize,
    pub unaligned: Vec<(usize, String)>,
    pub themes: BTreeMap<String, Counts>,
    pub codes: BTreeMap<String, Counts>,
    pub misses: Vec<Miss>,
    /// Per rule id: hits and false positives.
    pub rules: BTreeMap<String, rules::RuleCounts>,
}

impl Report {
    /// Adds another report's counts and misses (per statement reports into one).
    pub fn merge(&mut self, other: Report) {
        self.sentences += other.sentences;
        self.unaligned.extend(other.unaligned);
        for (mine, theirs) in [(&mut self.themes, other.themes), (&mut self.codes, other.codes)] {
            for (k, c) in theirs {
                mine.entry(k).or_default().add(c);
            }
        }
        self.misses.extend(other.misses);
        for (k, c) in other.rules {
            let e = self.rules.entry(k).or_default();
            e.hits += c.hits;
            e.false_positives += c.false_positives;
        }
    }

    /// Micro-averaged counts over all themes (or all codes).
    pub fn micro(map: &BTreeMap<String, Counts>) -> Counts {
        let mut c = Counts::default();
        for v in map.values() {
            c.add(*v);
        }
        c
    }
}

/// Compares the analysis with the annotations.
pub fn evaluate(annotations: &[Annotation], corpus: &CorpusAnalysis, book: &Codebook) -> Report {
    let mut report = Report::default();
    for t in Theme::ALL {
        report.themes.insert(t.id().to_string(), Counts::default());
    }
    for c in &book.codes {
        report.codes.insert(c.id.clone(), Counts::default());
    }
    for a in annotations {
        let predicted = if a.doc == "unseen" {
            let body = plain::body(&a.sentence);
            let analysis = analyze(&body, book);
            let mut themes: Vec<String> = Vec::new();
            let mut codes: Vec<String> = Vec::new();
            for s in &analysis.sentences {
                themes.extend(s.themes.iter().map(|t| t.id().to_string()));
                codes.extend(s.codes.iter().map(|&c| book[c].id.clone()));
                rules::tally(&mut report.rules, s, a, book);
            }
            Some((themes, codes))
        } else {
            corpus.document(&a.doc).and_then(|d| {
                let text = &d.statement.body.text;
                let hits: Vec<_> =
                    d.analysis.sentences.iter().filter(|s| text[s.start..s.end].starts_with(&a.sentence)).collect();
                (hits.len() == 1).then(|| {
                    rules::tally(&mut report.rules, hits[0], a, book);
                    let themes = hits[0].themes.iter().map(|t| t.id().to_string()).collect();
                    (themes, hits[0].codes.iter().map(|&c| book[c].id.clone()).collect())
                })
            })
        };
        let Some((themes, codes)) = predicted else {
            report.unaligned.push((a.line, a.sentence.clone()));
            continue;
        };
        report.sentences += 1;
        score(&mut report.themes, &a.themes, &themes, a, &mut report.misses);
        score(&mut report.codes, &a.codes, &codes, a, &mut report.misses);
    }
    report
}

pub(crate) fn score(
    map: &mut BTreeMap<String, Counts>,
    gold: &[String],
    predicted: &[String],
    a: &Annotation,
    misses: &mut Vec<Miss>,
) {
    for (label, counts) in map.iter_mut() {
        let g = gold.contains(label);
        let p = predicted.contains(label);
        match (g, p) {
            (true, true) => counts.tp += 1,
            (false, true) => counts.fp += 1,
            (true, false) => counts.fn_ += 1,
            (false, false) => continue,
        }
        if g != p {
            misses.push(Miss {
                doc: a.doc.clone(),
                line: a.line,
                label: label.clone(),
                spurious: p,
                sentence: a.sentence.clone(),
            });
        }
    }
}

/// The report as a plain-text table.
pub fn render(title: &str, r: &Report) -> String {
    let mut out = format!("{title}: {} sentences", r.sentences);
    if !r.unaligned.is_empty() {
        out.push_str(&format!(" ({} annotations did not align with a sentence)", r.unaligned.len()));
    }
    out.push_str("\n\n  label                 prec   recall  F1     (tp fp fn)\n");
    let row = |name: &str, c: &Counts| {
        format!(
            "  {name:<20}  {}   {}    {:.2}   ({} {} {})\n",
            figure(c.precision()),
            figure(c.recall()),
            c.f1(),
            c.tp,
            c.fp,
            c.fn_
        )
    };
    for (k, c) in &r.themes {
        out.push_str(&row(k, c));
    }
    out.push_str(&row("THEMES (micro)", &Report::micro(&r.themes)));
    out.push('\n');
    for (k, c) in &r.codes {
        out.push_str(&row(k, c));
    }
    out.push_str(&row("CODES (micro)", &Report::micro(&r.codes)));
    out
}

/// A ratio with two decimals, or "n/a" (0/0).
pub fn figure(x: Option<f64>) -> String {
    x.map_or_else(|| "n/a ".to_string(), |x| format!("{x:.2}"))
}
