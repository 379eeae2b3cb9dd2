//! Sentence segmentation of a body, with byte offsets into its plain text.
//!
//! Each block (paragraph, list item, heading, quotation) is split on its own, so a
//! heading or a bullet is never merged with its neighbour. Within a block a
//! sentence ends at `.`, `?`, `!` or `…` (plus any closing quotes and brackets) when
//! whitespace and then a capital, digit or opening quote follow, unless the period
//! ends a known abbreviation ("Mr", "Rt Hon", "U.S.") or an initial. No split
//! happens inside a double-quoted passage embedded in a sentence, so a sentence
//! that quotes three sentences stays one sentence of the statement. Two kinds of
//! quotation do not hold sentences together: one that opens its paragraph (quoted
//! speech, as press releases print it: its sentences are the speaker's sentences)
//! and one never closed in its paragraph (press releases open a quotation in every
//! paragraph and close it in the last); a quote left open for more than
//! [`MAX_QUOTE`] bytes is also treated as a stray mark so that it cannot swallow a text.

use crate::corpus::{BlockKind, Body};

/// How far an unclosed quotation suppresses sentence breaks.
pub const MAX_QUOTE: usize = 1500;

/// A sentence: `text[start..end]` of the body it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    /// Index of the block (paragraph) the sentence belongs to.
    pub block: usize,
    /// Whether the block is a heading (headings are sentences but rarely claims).
    pub heading: bool,
}

const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Rt", "Hon", "St", "Prof", "Sr", "Jr", "No", "Nos", "vs", "etc", "e.g", "i.e", "cf",
    "Gen", "Co", "Inc", "Ltd", "Gov", "Sen", "Rep", "Col", "Lt", "approx", "Art", "Sec", "para", "Fig", "U.S", "U.K",
    "U.N", "E.U", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«')
}

/// Splits every block of `body` into sentences.
pub fn sentences(body: &Body) -> Vec<Span> {
    let mut out = Vec::new();
    for (i, block) in body.blocks.iter().enumerate() {
        let heading = matches!(block.kind, BlockKind::Heading { .. });
        for (s, e) in split(&body.text[block.start..block.end]) {
            out.push(Span { start: block.start + s, end: block.start + e, block: i, heading });
        }
    }
    out
}

/// Splits one block of text into trimmed sentence ranges (byte offsets into `text`).
pub fn split(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let holds = holding_quotes(&chars);
    let mut out = Vec::new();
    let mut start = 0;
    let mut quote_open: Option<usize> = None;
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let was_open = quote_open.is_some();
        match c {
            '“' if holds[i] => quote_open = Some(pos),
            '”' => quote_open = None,
            '"' => {
                // A straight quote opens at a word start and closes otherwise.
                let prev = i.checked_sub(1).map(|j| chars[j].1);
                if quote_open.is_none() && prev.is_none_or(|p| p.is_whitespace() || is_opener(p)) {
                    quote_open = Some(pos);
                } else {
                    quote_open = None;
                }
            }
            _ => {}
        }
        if quote_open.is_some_and(|q| pos - q > MAX_QUOTE) {
            quote_open = None;
        }
        // A sentence can end at a terminator outside quotes, or at a closing quote
        // whose quotation itself ended with a terminator (`He wrote “Stop.” We…`).
        let closes_quoted_sentence =
            was_open && quote_open.is_none() && i > 0 && matches!(chars[i - 1].1, '.' | '?' | '!' | '…');
        let terminator = matches!(c, '.' | '?' | '!' | '…') && quote_open.is_none();
        if terminator || closes_quoted_sentence {
            // Extend over repeated terminators and closing quotes/brackets.
            let mut j = i + 1;
            while j < chars.len() && (matches!(chars[j].1, '.' | '?' | '!' | '…') || is_closer(chars[j].1)) {
                j += 1;
            }
            // A note marker glued to the end ("…in the digital age”.1 The group…") ends with it.
            let digits = chars[j..].iter().take_while(|(_, c)| c.is_ascii_digit()).count();
            if (1..=3).contains(&digits) && chars.get(j + digits).is_some_and(|(_, c)| c.is_whitespace()) {
                j += digits;
            }
            let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let next = chars.get(k).map(|&(_, ch)| ch);
            let stop = if terminator { c } else { chars[i - 1].1 };
            let stop_pos = if terminator { pos } else { chars[i - 1].0 };
            let breaks = k > j
                && next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || is_opener(n))
                && !(stop == '.' && ends_with_abbreviation(&text[start..stop_pos]));
            if breaks {
                push_trimmed(text, start, end, &mut out);
                start = chars[k].0;
                i = k;
                continue;
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// For each character: whether a `“` there opens a quotation that holds its
/// sentences together: closed later in the block, and not opening the block.
/// One backward pass, so linear.
fn holding_quotes(chars: &[(usize, char)]) -> Vec<bool> {
    let first = chars.iter().position(|&(_, c)| !c.is_whitespace());
    let mut closed_later = false;
    let mut out = vec![false; chars.len()];
    for i in (0..chars.len()).rev() {
        match chars[i].1 {
            '”' => closed_later = true,
            '“' => {
                out[i] = closed_later && Some(i) != first;
                closed_later = false;
            }
            _ => {}
        }
    }
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if start + lead < end - trail {
        out.push((start + lead, end - trail));
    }
}

/// Whether the text before a period ends in an abbreviation or a single-letter initial.
fn ends_with_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"').next().unwrap_or("");
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    ABBREVIATIONS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = split(text).into_iter().map(|(s, e)| &text[s..e]).collect();
        assert_eq!(got, expected, "splitting {text:?}");
    }

    #[test]
    fn abbreviations_initials_and_numbers_do_not_end_sentences() {
        check("Mr. Smith met Rt. Hon. Jones. They talked.", &["Mr. Smith met Rt. Hon. Jones.", "They talked."]);
        check(
            "The U.S. Department agreed. So did the U.K. Government.",
            &["The U.S. Department agreed.", "So did the U.K. Government."],
        );
        check("William P. Barr signed. Japan signed.", &["William P. Barr signed.", "Japan signed."]);
        check(
            "Facebook made 16.8 million reports. NCMEC estimates 12 million.",
            &["Facebook made 16.8 million reports.", "NCMEC estimates 12 million."],
        );
        check("It rose by 3. 5 more came.", &["It rose by 3.", "5 more came."]);
        check("It met in the digital age”.1 The group spoke.", &["It met in the digital age”.1", "The group spoke."]);
        check("Version 2.1 is out. Fine.", &["Version 2.1 is out.", "Fine."]);
    }

    #[test]
    fn quotations_stay_inside_their_sentence() {
        check(
            "It said: “One. Two? Three.” Then it stopped. Next.",
            &["It said: “One. Two? Three.”", "Then it stopped.", "Next."],
        );
        check(
            "He called it “lawful access. Really” and left. Next.",
            &["He called it “lawful access. Really” and left.", "Next."],
        );
        check("He wrote “Stop.” We agreed.", &["He wrote “Stop.”", "We agreed."]);
        check("Not about \"backdoors\" or bans. Fine.", &["Not about \"backdoors\" or bans.", "Fine."]);
        check("Nested “outer ‘inner. x’ still. y” end. Z.", &["Nested “outer ‘inner. x’ still. y” end.", "Z."]);
    }

    #[test]
    fn lowercase_continuations_and_trailing_text() {
        check("See e.g. the annex. Done", &["See e.g. the annex.", "Done"]);
        check("Wait... what? Yes!", &["Wait... what?", "Yes!"]);
        check("  padded  ", &["padded"]);
        check("", &[]);
    }

    #[test]
    fn quoted_speech_and_unclosed_quotes_are_split_into_sentences() {
        check("“We act. We report.” said the agency.", &["“We act.", "We report.” said the agency."]);
        check("“It is sad. They must act.", &["“It is sad.", "They must act."]);
        check("She said “One. Two.” Then. “Open. Shut.", &["She said “One. Two.”", "Then.", "“Open.", "Shut."]);
    }

    #[test]
    fn a_stray_quote_cannot_swallow_a_long_text() {
        let text = format!("“{}", "A sentence. ".repeat(400));
        assert!(split(&text).len() > 100);
    }
}
