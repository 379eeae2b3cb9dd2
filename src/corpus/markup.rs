//! The body markup of corpus files, parsed into plain text plus structure.
//!
//! The markup is a deliberately small subset of Markdown (see `corpus/README.md`):
//! `## `/`### ` headings, paragraphs, `- ` and `1. ` list items, `> ` quotations,
//! `*emphasis*`, `**strong**`, footnote references `[^1]` and footnote definitions
//! `[^1]: text`. Anything else is literal text.
//!
//! The result keeps **one plain string** for the whole body (`Body::text`): every
//! block's text, in order, separated by a blank line. Markup characters never reach
//! it, so a quote cut from it is exactly what a reader sees, and analysis offsets
//! index the same string the reader renders. Offsets are byte offsets into
//! `Body::text`; exports convert them to Unicode character counts.

use serde::Serialize;
use std::fmt;

/// A parsed body: plain text, the blocks that tile it, and its footnotes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Body {
    /// The plain text the reader shows and the analysis indexes.
    pub text: String,
    /// Blocks in reading order; `text[block.start..block.end]` is the block's text.
    pub blocks: Vec<Block>,
    /// Footnote definitions, in the order they appear in the source.
    pub footnotes: Vec<Footnote>,
}

/// One structural block of a body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
    /// Inline marks within the block, offsets into `Body::text`, sorted by start.
    pub marks: Vec<Mark>,
}

/// What kind of block a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum BlockKind {
    Heading { level: u8 },
    Paragraph,
    ListItem { ordered: bool, number: u32 },
    Quote,
}

/// An inline mark: emphasis, strong emphasis, or a footnote reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mark {
    pub kind: MarkKind,
    pub start: usize,
    /// Equal to `start` for footnote references, which occupy no text.
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum MarkKind {
    Emphasis,
    Strong,
    FootnoteRef { label: String },
}

/// A footnote definition. Its text has its own marks (offsets into `text`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Footnote {
    pub label: String,
    pub text: String,
    pub marks: Vec<Mark>,
}

/// A markup error, located by 1-based line number within the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for MarkupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// A block being assembled from source lines.
struct Pending {
    kind: PendingKind,
    first_line: usize,
    text: String,
}

enum PendingKind {
    Block(BlockKind),
    Footnote(String),
}

/// Parses body markup. `first_line` is the line number of the body's first line in
/// its file, so errors point at the file's own lines.
pub fn parse(source: &str, first_line: usize) -> Result<Body, MarkupError> {
    let mut body = Body { text: String::new(), blocks: Vec::new(), footnotes: Vec::new() };
    let mut pending: Option<Pending> = None;
    let mut refs: Vec<(String, usize)> = Vec::new();

    for (i, raw) in source.lines().enumerate() {
        let line_no = first_line + i;
        let line = raw.trim_end();
        if line.trim().is_empty() {
            flush(&mut body, pending.take(), &mut refs)?;
            continue;
        }
        let starts = classify(line);
        match starts {
            Some((kind, rest)) => {
                flush(&mut body, pending.take(), &mut refs)?;
                pending = Some(Pending { kind, first_line: line_no, text: rest.trim().to_string() });
            }
            None => match pending.as_mut() {
                // A continuation line joins its block with a single space.
                Some(p) => {
                    p.text.push(' ');
                    p.text.push_str(line.trim());
                }
                None => {
                    pending = Some(Pending {
                        kind: PendingKind::Block(BlockKind::Paragraph),
                        first_line: line_no,
                        text: line.trim().to_string(),
                    })
                }
            },
        }
    }
    flush(&mut body, pending.take(), &mut refs)?;

    for (label, line) in &refs {
        if !body.footnotes.iter().any(|f| &f.label == label) {
            return Err(MarkupError {
                line: *line,
                message: format!("footnote [^{label}] is referenced but never defined"),
            });
        }
    }
    Ok(body)
}

/// Recognises a line that starts a new block; returns its kind and the rest of the line.
fn classify(line: &str) -> Option<(PendingKind, &str)> {
    if let Some(rest) = line.strip_prefix("### ") {
        return Some((PendingKind::Block(BlockKind::Heading { level: 3 }), rest));
    }
    if let Some(rest) = line.strip_prefix("## ") {
        return Some((PendingKind::Block(BlockKind::Heading { level: 2 }), rest));
    }
    if let Some(rest) = line.strip_prefix("- ") {
        return Some((PendingKind::Block(BlockKind::ListItem { ordered: false, number: 0 }), rest));
    }
    if let Some(rest) = line.strip_prefix("> ") {
        return Some((PendingKind::Block(BlockKind::Quote), rest));
    }
    if let Some(rest) = line.strip_prefix("[^") {
        if let Some(close) = rest.find("]: ") {
            let label = &rest[..close];
            if !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Some((PendingKind::Footnote(label.to_string()), &rest[close + 3..]));
            }
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < 4 && line[digits..].starts_with(". ") {
        let number = line[..digits].parse().unwrap_or(0);
        return Some((PendingKind::Block(BlockKind::ListItem { ordered: true, number }), &line[digits + 2..]));
    }
    None
}

fn flush(body: &mut Body, pending: Option<Pending>, refs: &mut Vec<(String, usize)>) -> Result<(), MarkupError> {
    let Some(p) = pending else { return Ok(()) };
    let (text, marks) = parse_inline(&p.text).map_err(|message| MarkupError { line: p.first_line, message })?;
    for m in &marks {
        if let MarkKind::FootnoteRef { label } = &m.kind {
            refs.push((label.clone(), p.first_line));
        }
    }
    match p.kind {
        PendingKind::Block(kind) => {
            if !body.text.is_empty() {
                body.text.push_str("\n\n");
            }
            let start = body.text.len();
            body.text.push_str(&text);
            let shifted = marks.into_iter().map(|m| Mark { start: m.start + start, end: m.end + start, ..m }).collect();
            body.blocks.push(Block { kind, start, end: body.text.len(), marks: shifted });
        }
        PendingKind::Footnote(label) => {
            if body.footnotes.iter().any(|f| f.label == label) {
                return Err(MarkupError {
                    line: p.first_line,
                    message: format!("footnote [^{label}] is defined twice"),
                });
            }
            body.footnotes.push(Footnote { label, text, marks });
        }
    }
    Ok(())
}

/// Strips inline markup from one block, returning its plain text and marks (offsets
/// into that plain text).
fn parse_inline(src: &str) -> Result<(String, Vec<Mark>), String> {
    let mut out = String::with_capacity(src.len());
    let mut marks = Vec::new();
    let mut open_strong: Option<usize> = None;
    let mut open_em: Option<usize> = None;
    let mut rest = src;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("**") {
            match open_strong.take() {
                Some(start) => marks.push(Mark { kind: MarkKind::Strong, start, end: out.len() }),
                None => open_strong = Some(out.len()),
            }
            rest = after;
        } else if c == '*' {
            match open_em.take() {
                Some(start) => marks.push(Mark { kind: MarkKind::Emphasis, start, end: out.len() }),
                None => open_em = Some(out.len()),
            }
            rest = &rest[1..];
        } else if let Some(after) = rest.strip_prefix("[^") {
            let close = after.find(']').ok_or("footnote reference `[^` is not closed")?;
            let label = &after[..close];
            if label.is_empty() || !label.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Err(format!("bad footnote label `{label}`"));
            }
            marks.push(Mark {
                kind: MarkKind::FootnoteRef { label: label.to_string() },
                start: out.len(),
                end: out.len(),
            });
            rest = &after[close + 1..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    if open_strong.is_some() {
        return Err("`**` is opened but never closed".into());
    }
    if open_em.is_some() {
        return Err("`*` is opened but never closed".into());
    }
    crate::order::sort_by_key(&mut marks, |m| (m.start, m.end));
    Ok((out, marks))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block_texts(body: &Body) -> Vec<&str> {
        body.blocks.iter().map(|b| &body.text[b.start..b.end]).collect()
    }

    #[test]
    fn blocks_tile_the_text_with_blank_lines_between() {
        let body = parse("## Head\n\nOne line\ncontinued.\n\n- a\n- b\n\n1. first\n2. second\n\n> quoted", 1).unwrap();
        assert_eq!(block_texts(&body), ["Head", "One line continued.", "a", "b", "first", "second", "quoted"]);
        assert_eq!(body.text, "Head\n\nOne line continued.\n\na\n\nb\n\nfirst\n\nsecond\n\nquoted");
        assert_eq!(body.blocks[0].kind, BlockKind::Heading { level: 2 });
        assert_eq!(body.blocks[5].kind, BlockKind::ListItem { ordered: true, number: 2 });
        assert_eq!(body.blocks[6].kind, BlockKind::Quote);
    }

    #[test]
    fn inline_marks_are_removed_from_text_and_kept_as_offsets() {
        let body = parse("A *soft* and **hard** claim[^1].\n\n[^1]: https://example.org/x", 1).unwrap();
        assert_eq!(body.text, "A soft and hard claim.");
        let kinds: Vec<_> = body.blocks[0].marks.iter().map(|m| (&m.kind, &body.text[m.start..m.end])).collect();
        assert_eq!(kinds[0], (&MarkKind::Emphasis, "soft"));
        assert_eq!(kinds[1], (&MarkKind::Strong, "hard"));
        assert_eq!(kinds[2], (&MarkKind::FootnoteRef { label: "1".into() }, ""));
        assert_eq!(body.footnotes[0].text, "https://example.org/x");
    }

    #[test]
    fn errors_name_the_line() {
        let err = parse("fine\n\nbroken *emphasis", 10).unwrap_err();
        assert_eq!(err.line, 12);
        let err = parse("ref[^9]", 3).unwrap_err();
        assert!(err.message.contains("never defined"), "{err}");
    }
}
