//! Statements from plain text: files given to the CLI and text pasted in the widget.
//!
//! Plain text is never parsed as markup: `*`, `<b>` or `[^1]` stay literal. Blank
//! lines (empty, or only spaces, tabs or no-break spaces) separate paragraphs; lines starting with `- `, `* ` or `• ` are list items;
//! other line breaks within a paragraph become spaces. Nothing else is changed, so
//! every sentence shown is a verbatim stretch of what the user supplied.

use super::{Block, BlockKind, Body, DateInfo, Kind, Precision, Statement, YearMonthDay};

/// Builds a body from plain text.
pub fn body(text: &str) -> Body {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = Body { text: String::new(), blocks: Vec::new(), footnotes: Vec::new() };
    let mut push = |kind: BlockKind, content: &str| {
        if content.is_empty() {
            return;
        }
        if !out.text.is_empty() {
            out.text.push_str("\n\n");
        }
        let start = out.text.len();
        out.text.push_str(content);
        out.blocks.push(Block { kind, start, end: out.text.len(), marks: Vec::new() });
    };
    // A line of nothing but white space (spaces, tabs, U+00A0 from web pages and word
    // processors) ends a paragraph, like an empty one.
    let mut current = String::new();
    let mut current_kind = BlockKind::Paragraph;
    for line in text.split('\n').map(str::trim) {
        if line.is_empty() {
            push(current_kind, &current);
            current.clear();
            current_kind = BlockKind::Paragraph;
            continue;
        }
        match ["- ", "* ", "• "].iter().find_map(|m| line.strip_prefix(m)) {
            Some(rest) => {
                push(current_kind, &current);
                current = rest.trim().to_string();
                current_kind = BlockKind::ListItem { ordered: false, number: 0 };
            }
            None => {
                if !current.is_empty() {
                    current.push(' ');
                }
                current.push_str(line);
            }
        }
    }
    push(current_kind, &current);
    out
}

/// A user-supplied statement: not part of the curated corpus, and marked as such.
pub fn statement(id: &str, title: &str, date: Option<YearMonthDay>, text: &str) -> Statement {
    let day = date.unwrap_or(YearMonthDay { year: 9999, month: 12, day: 31 });
    let written = date.map_or_else(|| "no date given".to_string(), |d| d.to_string());
    Statement {
        id: id.to_string(),
        title: title.to_string(),
        short_title: title.to_string(),
        kind: Kind::UserSupplied,
        author: "Supplied by you".to_string(),
        author_role: "not part of the curated corpus".to_string(),
        recipient: None,
        date: DateInfo {
            written,
            earliest: day,
            latest: day,
            precision: if date.is_some() { Precision::Day } else { Precision::Undated },
            basis: "Given by the person who supplied the text.".to_string(),
        },
        publisher: "Supplied by you".to_string(),
        source_url: None,
        archive_url: None,
        source_note: Some("Analysed in your browser; not part of the curated corpus.".to_string()),
        reference: None,
        signatories: Vec::new(),
        asker: None,
        answered_by: None,
        redactions: Vec::new(),
        removed: Vec::new(),
        fields: Vec::new(),
        body: body(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lists_and_literal_markup() {
        let b = body("First line\r\nsame para.\r\n\r\n- one\n- two *literal*\n\n<b>not bold</b> [^1]");
        let texts: Vec<&str> = b.blocks.iter().map(|x| &b.text[x.start..x.end]).collect();
        assert_eq!(texts, ["First line same para.", "one", "two *literal*", "<b>not bold</b> [^1]"]);
        assert!(matches!(b.blocks[1].kind, BlockKind::ListItem { .. }));
    }

    #[test]
    fn lines_of_spaces_or_no_break_spaces_separate_paragraphs() {
        for gap in ["\n \n", "\n\t \n", "\n\u{00A0}\n", "\r\n \u{00A0} \r\n", "\n\u{3000}\n"] {
            let b = body(&format!("First paragraph.{gap}Second paragraph."));
            let texts: Vec<&str> = b.blocks.iter().map(|x| &b.text[x.start..x.end]).collect();
            assert_eq!(texts, ["First paragraph.", "Second paragraph."], "gap {gap:?}");
        }
    }

    #[test]
    fn empty_and_whitespace_only_texts_have_no_blocks() {
        assert!(body("").blocks.is_empty());
        assert!(body(" \n\n \t\n").blocks.is_empty());
    }
}
