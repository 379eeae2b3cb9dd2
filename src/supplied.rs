//! A statement the reader supplies (pasted, dropped or chosen as a file): checks,
//! the visible form of invisible characters, and the compact form that travels in
//! the URL fragment.
//!
//! Link form (the `u` parameter, see [`crate::location::TEXT_PARAM`]): URL-safe base64
//! without padding of `[format version = 1]` followed by a zlib stream (deflate plus
//! an Adler-32 checksum) of `title \n date \n text`. The checksum makes damage
//! detectable; the zlib end marker makes a cut-off link detectable. Decompression
//! is bounded, so a crafted link cannot inflate to more than the text limit.

use crate::corpus::{plain, Statement, YearMonthDay};
use miniz_oxide::inflate::TINFLStatus;

/// The id of the supplied statement in links and in the analysis.
pub const ID: &str = "yours";

/// Longest text accepted, in characters (about 8,000 words, 16 pages): analysis and
/// rendering stay responsive at this size (see `bench/latency.mjs`, "paste at limit").
pub const MAX_CHARS: usize = 50_000;

/// Longest title kept, in characters.
pub const MAX_TITLE: usize = 120;

/// Longest link we call reliable, in characters of the whole URL. Some mail
/// programs, chat apps and social sites cut or refuse longer links.
pub const RELIABLE_LINK: usize = 8_000;

const VERSION: u8 = 1;

/// A supplied text with its title and optional date, as the reader gave them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Supplied {
    pub title: String,
    pub date: Option<YearMonthDay>,
    pub text: String,
}

/// Why a text cannot be analysed. Every variant has a specific message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// Nothing but white space (or nothing at all).
    Empty,
    /// Over [`MAX_CHARS`].
    TooLong { chars: usize },
    /// A file so large it cannot be under [`MAX_CHARS`] (checked before reading it).
    FileTooLarge { bytes: usize },
    /// A file that is not UTF-8 text (a binary, a word-processor file, UTF-16…).
    NotText { reason: &'static str },
    /// A date that is not `YYYY-MM-DD`.
    BadDate,
}

impl InputError {
    pub fn message(&self) -> String {
        match self {
            InputError::Empty => "There is no text to analyse: paste a statement or choose a file first.".into(),
            InputError::TooLong { chars } => format!(
                "This text has {} characters; the limit is {} (about 8,000 words), which keeps the widget responsive. Shorten it and try again.",
                thousands(*chars),
                thousands(MAX_CHARS)
            ),
            InputError::FileTooLarge { bytes } => format!(
                "This file is {} KB; texts are limited to {} characters (about 8,000 words, under 200 KB), which keeps the widget responsive.",
                thousands(bytes.div_ceil(1024)),
                thousands(MAX_CHARS)
            ),
            InputError::NotText { reason } => {
                format!("This file cannot be read as text ({reason}). Choose a plain-text .txt or .md file saved as UTF-8.")
            }
            InputError::BadDate => "The date must be a day in the form YYYY-MM-DD, or left empty.".into(),
        }
    }
}

/// Why the text in a link cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// The link ends before the text does: it was cut off when copied.
    Truncated,
    /// Characters or checksum do not match: the link was altered.
    Corrupt,
    /// A newer link format than this widget knows.
    UnknownFormat,
    /// It inflates past the text limit: its length is unknown, only that it is too long
    /// (decompression stops at the limit, so a crafted link costs nothing more).
    TooLong,
    /// It decodes, but to something this widget would not accept if pasted.
    Invalid(InputError),
}

impl LinkError {
    pub fn message(&self) -> String {
        match self {
            LinkError::Truncated => "The statement in this link is incomplete: the link was probably cut off when it was copied. The rest of the comparison is shown without it.".into(),
            LinkError::Corrupt => "The statement in this link is damaged (its checksum does not match), so it was left out. The rest of the comparison is shown.".into(),
            LinkError::UnknownFormat => "The statement in this link uses a newer format than this widget knows, so it was left out.".into(),
            LinkError::TooLong => format!("The statement in this link is longer than the limit of {} characters (about 8,000 words), so it was left out. The rest of the comparison is shown.", thousands(MAX_CHARS)),
            LinkError::Invalid(e) => format!("The statement in this link could not be used: {}", e.message()),
        }
    }
}

/// `12345` → `12,345`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Reads a file's bytes as text: UTF-8 (a byte-order mark is dropped), no NUL
/// bytes, and almost no control characters (which mark binary formats).
pub fn text_from_bytes(bytes: &[u8]) -> Result<String, InputError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(InputError::NotText { reason: "it is saved as UTF-16" });
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(InputError::NotText { reason: "it contains binary data" });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| InputError::NotText { reason: "it is not UTF-8 text" })?;
    let controls = text.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0C')).count();
    if controls * 100 > text.chars().count().max(1) {
        return Err(InputError::NotText { reason: "it contains binary data" });
    }
    Ok(text.to_string())
}

/// The title of a statement given without one.
pub const DEFAULT_TITLE: &str = "Your statement";

/// Checks a text and returns the supplied statement, title tidied (one line, at
/// most [`MAX_TITLE`] characters, [`DEFAULT_TITLE`] when empty).
pub fn check(title: &str, date: &str, text: &str) -> Result<Supplied, InputError> {
    if !text.chars().any(char::is_alphanumeric) {
        return Err(InputError::Empty);
    }
    let chars = text.chars().count();
    if chars > MAX_CHARS {
        return Err(InputError::TooLong { chars });
    }
    if text.contains('\0') {
        return Err(InputError::NotText { reason: "it contains binary data" });
    }
    let date = match date.trim() {
        "" => None,
        d => Some(YearMonthDay::parse(d).ok_or(InputError::BadDate)?),
    };
    let title: String = title.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(MAX_TITLE).collect();
    let title = if title.is_empty() { DEFAULT_TITLE.to_string() } else { title };
    Ok(Supplied { title, date, text: text.to_string() })
}

/// Characters that change how text displays without being visible: bidirectional
/// controls, zero-width characters, invisible tags and other control characters.
/// The widget shows each as a visible code (`⟦U+202E⟧`) instead of obeying it.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{E0000}'..='\u{E007F}')
        || (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

/// The text with every [`is_invisible`] character replaced by its visible code, and
/// how many were replaced.
pub fn make_visible(text: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut count = 0;
    for c in text.chars() {
        if is_invisible(c) {
            out.push_str(&format!("⟦U+{:04X}⟧", c as u32));
            count += 1;
        } else {
            out.push(c);
        }
    }
    (out, count)
}

impl Supplied {
    /// The statement the analysis sees: the text with invisible characters made
    /// visible (so quotes are verbatim substrings of what is shown), marked as
    /// supplied by the reader.
    pub fn statement(&self) -> Statement {
        let (text, _) = make_visible(&self.text);
        let (title, _) = make_visible(&self.title);
        plain::statement(ID, &title, self.date, &text)
    }

    /// How many invisible characters the text and title contain.
    pub fn invisible_count(&self) -> usize {
        make_visible(&self.text).1 + make_visible(&self.title).1
    }

    /// The link form: URL-safe base64 of the version byte and the zlib stream.
    pub fn encode(&self) -> String {
        let date = self.date.map(|d| d.iso()).unwrap_or_default();
        let payload = format!("{}\n{}\n{}", self.title, date, self.text);
        let mut bytes = vec![VERSION];
        bytes.extend(miniz_oxide::deflate::compress_to_vec_zlib(payload.as_bytes(), 9));
        base64url::encode(&bytes)
    }

    /// Reads the link form back, detecting cut-off and altered links.
    pub fn decode(encoded: &str) -> Result<Supplied, LinkError> {
        let bytes = base64url::decode(encoded).ok_or(LinkError::Corrupt)?;
        let (&version, stream) = bytes.split_first().ok_or(LinkError::Truncated)?;
        if version != VERSION {
            return Err(LinkError::UnknownFormat);
        }
        // Titles, dates and separators add at most a few hundred bytes; four bytes per character.
        let limit = 4 * (MAX_CHARS + MAX_TITLE) + 64;
        let payload =
            miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(stream, limit).map_err(|e| match e.status {
                TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => LinkError::Truncated,
                TINFLStatus::HasMoreOutput => LinkError::TooLong,
                _ => LinkError::Corrupt,
            })?;
        let payload = String::from_utf8(payload).map_err(|_| LinkError::Corrupt)?;
        let mut parts = payload.splitn(3, '\n');
        let (title, date, text) = match (parts.next(), parts.next(), parts.next()) {
            (Some(t), Some(d), Some(x)) => (t, d, x),
            _ => return Err(LinkError::Corrupt),
        };
        check(title, date, text).map_err(LinkError::Invalid)
    }
}

/// `u=local`: the statement is held by this page only (too long for a reliable link).
pub const TEXT_LOCAL: &str = "local";

/// Why the statement a link refers to is not shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatementProblem {
    /// The link's text could not be read.
    Link(LinkError),
    /// `u=local` in a page that does not hold the text (a reload, another browser).
    NotHere,
    /// The part of the widget that reads statements could not be loaded.
    Unavailable,
}

impl StatementProblem {
    pub fn message(&self) -> String {
        match self {
            StatementProblem::Link(e) => e.message(),
            StatementProblem::NotHere => "This link refers to a statement that was too long to travel in a link; it was held only in the page where it was added, so it is not shown here.".into(),
            StatementProblem::Unavailable => "This link carries a statement, but the part of the widget that reads it could not be loaded: this copy is offline and had not opened one before, or the site did not send it. The bundled statements are shown.".into(),
        }
    }
}

/// URL-safe base64 (RFC 4648 §5) without padding: 40 lines, so no crate for it.
pub mod base64url {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
            for i in 0..=chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            }
        }
        out
    }

    /// `None` for a character outside the alphabet or an impossible length. A
    /// missing tail is not an error here: the zlib stream detects it.
    pub fn decode(text: &str) -> Option<Vec<u8>> {
        let values: Vec<u32> =
            text.bytes().map(|c| ALPHABET.iter().position(|&a| a == c).map(|v| v as u32)).collect::<Option<_>>()?;
        let mut out = Vec::with_capacity(values.len() * 3 / 4);
        for chunk in values.chunks(4) {
            if chunk.len() == 1 {
                // A single leftover character carries no whole byte: a cut, not damage.
                break;
            }
            let n = chunk.iter().enumerate().fold(0u32, |n, (i, &v)| n | v << (18 - 6 * i));
            for i in 0..chunk.len() - 1 {
                out.push((n >> (16 - 8 * i)) as u8);
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64url::encode(plain.as_bytes()), encoded);
            assert_eq!(base64url::decode(encoded).unwrap(), plain.as_bytes());
        }
        assert_eq!(base64url::encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url::decode("a+b"), None);
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(50_000), "50,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
