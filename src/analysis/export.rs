//! The coding as JSON and CSV, identical from the CLI and the widget's download.
//!
//! Offsets in exports count Unicode characters (code points), as the W3C Web
//! Annotation `TextPositionSelector` does, into each document's `text`; internally
//! the analysis works in byte offsets. The format is documented in README.md.

use super::{CodeId, Codebook, CorpusAnalysis, Document, Source, Target};
use serde_json::{json, Value};

/// Converts byte offsets of one text into character offsets in O(log n) each.
pub struct CharOffsets {
    starts: Vec<usize>,
    len: usize,
}

impl CharOffsets {
    pub fn new(text: &str) -> CharOffsets {
        CharOffsets { starts: text.char_indices().map(|(b, _)| b).collect(), len: text.len() }
    }

    /// The character offset of byte offset `byte` (a char boundary or the end).
    pub fn of(&self, byte: usize) -> usize {
        if byte >= self.len {
            return self.starts.len();
        }
        self.starts.partition_point(|&b| b < byte)
    }
}

/// The codebook as readers and tools see it.
pub fn codebook_json(book: &Codebook) -> Value {
    let rule = |r: &super::codebook::Rule| json!({ "id": r.id, "pattern": r.pattern });
    json!({
        "themes": book.themes.iter().map(|t| json!({
            "id": t.theme.id(), "label": t.label, "description": t.description,
            "cues": t.cues.iter().map(rule).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "classes": book.classes.iter().map(|c| json!({ "name": c.name, "members": c.members })).collect::<Vec<_>>(),
        "codes": book.codes.iter().map(|c| json!({
            "id": c.id, "theme": c.theme.map(|t| t.id()), "label": c.label, "definition": c.definition,
            "policy_frames": c.policy_frames, "rules": c.rules.iter().map(rule).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

fn document_json(doc: &Document, book: &Codebook) -> Value {
    let s = &*doc.statement;
    let text = &s.body.text;
    let off = CharOffsets::new(text);
    let sentences: Vec<Value> = doc
        .analysis
        .sentences
        .iter()
        .map(|x| {
            json!({
                "start": off.of(x.start), "end": off.of(x.end), "text": &text[x.start..x.end],
                "heading": x.heading,
                "themes": x.themes.iter().map(|t| t.id()).collect::<Vec<_>>(),
                "codes": x.codes.iter().map(|&c| &book[c].id).collect::<Vec<_>>(),
                "evidence": x.evidence.iter().map(|e| {
                    let mut v = json!({
                        "label": book.target_id(e.target), "rule": e.rule_id(book), "start": off.of(e.start), "end": off.of(e.end),
                        "text": &text[e.start..e.end], "quoted": e.quoted,
                    });
                    // A label read through an anaphor names the sentence it continues.
                    if let Source::Context { sentence, .. } = e.source {
                        v["continues"] = json!(sentence);
                    }
                    v
                }).collect::<Vec<_>>(),
            })
        })
        .collect();
    let summary = &doc.summary;
    let themes: serde_json::Map<String, Value> = summary
        .themes
        .iter()
        .map(|t| {
            let quotes: Vec<Value> = t
                .quotes
                .iter()
                .map(|&i| {
                    let q = &doc.analysis.sentences[i];
                    json!({ "sentence": i, "start": off.of(q.start), "end": off.of(q.end), "text": &text[q.start..q.end] })
                })
                .collect();
            let frames: Vec<Value> = t.frames.iter().map(|(c, n)| json!({ "code": book[*c].id, "sentences": n })).collect();
            let v = json!({ "sentences": t.sentences, "percent_of_words": t.percent(summary.words), "frames": frames, "quotes": quotes });
            (t.theme.id().to_string(), v)
        })
        .collect();
    json!({
        "id": s.id, "title": s.title, "kind": s.kind, "author": s.author,
        "date": { "written": s.date.written, "earliest": s.date.earliest.iso(), "latest": s.date.latest.iso(), "precision": s.date.precision },
        "source_url": s.source_url,
        "text": text,
        "sentences": sentences,
        "summary": { "sentences": summary.sentences, "words": summary.words, "themes": themes },
    })
}

/// The whole analysis as one JSON value (the CLI's `--format json`).
pub fn to_json(analysis: &CorpusAnalysis, book: &Codebook) -> Value {
    let date_of = |id: &str| analysis.document(id).map(|d| d.statement.date.earliest.iso());
    let text_of = |id: &str, a: usize, b: usize| analysis.document(id).map(|d| d.statement.body.text[a..b].to_string());
    let chars_of = |id: &str, b: usize| analysis.document(id).map(|d| CharOffsets::new(&d.statement.body.text).of(b));
    let recurring: Vec<Value> = analysis
        .recurring
        .passages
        .iter()
        .map(|t| (t, "passage"))
        .chain(analysis.recurring.claims.iter().map(|t| (t, "claim")))
        .map(|(t, kind)| {
            json!({
                "id": t.id, "kind": kind, "label": t.label, "code": t.code.map(|c| &book[c].id), "statements": t.statements(),
                "occurrences": t.occurrences.iter().map(|o| json!({
                    "doc": o.doc, "date": date_of(&o.doc), "start": chars_of(&o.doc, o.start), "end": chars_of(&o.doc, o.end),
                    "text": text_of(&o.doc, o.start, o.end), "similarity": o.similarity,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let uses =
        |u: &[super::summary::CodeUse]| {
            u.iter()
            .map(|c| json!({
                "code": book[c.code].id,
                "used_by": c.used_by.iter().map(|(id, n)| json!({ "id": id, "sentences": n })).collect::<Vec<_>>(),
                "absent_from": c.absent_from,
            }))
            .collect::<Vec<_>>()
        };
    let mut comparison: serde_json::Map<String, Value> =
        analysis.comparison.themes.iter().map(|(t, u)| (t.id().to_string(), Value::from(uses(u)))).collect();
    comparison.insert("devices".into(), Value::from(uses(&analysis.comparison.devices)));
    json!({
        "format": "encryption-framing/coding@1",
        "codebook": codebook_json(book),
        "documents": analysis.documents.iter().map(|d| document_json(d, book)).collect::<Vec<_>>(),
        "comparison": comparison,
        "recurring": recurring,
    })
}

fn csv_field(s: &str) -> String {
    // Guard against spreadsheet formula injection as well as quoting.
    let s = if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// One row per sentence and code; a sentence with no code gets one row with an
/// empty code, so every sentence appears (the CLI's `--format csv`).
pub fn to_csv(analysis: &CorpusAnalysis, book: &Codebook) -> String {
    let mut out = String::from("doc,sentence,start,end,themes,code,rules,evidence,quoted,text\n");
    for doc in &analysis.documents {
        let text = &doc.statement.body.text;
        let off = CharOffsets::new(text);
        for (i, s) in doc.analysis.sentences.iter().enumerate() {
            let themes: Vec<&str> = s.themes.iter().map(|t| t.id()).collect();
            let codes: Vec<Option<CodeId>> =
                if s.codes.is_empty() { vec![None] } else { s.codes.iter().copied().map(Some).collect() };
            for code in codes {
                let ev: Vec<_> = s.evidence.iter().filter(|e| code.map(Target::Code) == Some(e.target)).collect();
                let rules: Vec<String> = ev.iter().map(|e| e.rule_id(book)).collect();
                let spans: Vec<&str> = ev.iter().map(|e| &text[e.start..e.end]).collect();
                let quoted = !ev.is_empty() && ev.iter().all(|e| e.quoted);
                let row = [
                    csv_field(&doc.statement.id),
                    i.to_string(),
                    off.of(s.start).to_string(),
                    off.of(s.end).to_string(),
                    csv_field(&themes.join(";")),
                    csv_field(code.map_or("", |c| book[c].id.as_str())),
                    csv_field(&rules.join(";")),
                    csv_field(&spans.join(" | ")),
                    quoted.to_string(),
                    csv_field(&text[s.start..s.end]),
                ];
                out.push_str(&row.join(","));
                out.push('\n');
            }
        }
    }
    out
}
