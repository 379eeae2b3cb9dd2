//! The view state and its URL-hash form: one pure pair of functions.
//!
//! `parse(hash)` never fails: anything it cannot read becomes the nearest sensible
//! view plus a [`Notice`] the UI shows as plain text. `format(view)` is its inverse
//! for every view `parse` can produce (round-trip tested).

/// Which screen is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    /// The list of statements.
    Home,
    /// One statement's full text.
    Read { id: String },
}

/// A short, plain-text message about a link that could not be followed exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The link names a statement this widget does not have.
    UnknownStatement { id: String },
    /// The link is not in a form this widget understands.
    Unreadable,
}

impl Notice {
    /// The sentence shown to the reader. Ids are truncated so a hostile link cannot
    /// flood the page.
    pub fn message(&self) -> String {
        match self {
            Notice::UnknownStatement { id } => {
                format!("There is no statement with the id “{}” here.", truncate(id, 60))
            }
            Notice::Unreadable => "This link could not be read, so the list of statements is shown instead.".into(),
        }
    }
}

fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// The outcome of reading a hash: the view to show and, if the link was off, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub view: View,
    pub notice: Option<Notice>,
}

/// Reads a URL hash (with or without the leading `#`). `known` says whether a
/// statement id exists.
pub fn parse(hash: &str, known: impl Fn(&str) -> bool) -> Parsed {
    let path = hash.strip_prefix('#').unwrap_or(hash);
    let path = path.strip_prefix('/').unwrap_or(path);
    let ok = |view| Parsed { view, notice: None };
    if path.is_empty() {
        return ok(View::Home);
    }
    let mut parts = path.split('/');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("read"), Some(id), None) if known(id) => ok(View::Read { id: id.to_string() }),
        (Some("read"), Some(id), None) => {
            Parsed { view: View::Home, notice: Some(Notice::UnknownStatement { id: decode_lossy(id) }) }
        }
        _ => Parsed { view: View::Home, notice: Some(Notice::Unreadable) },
    }
}

/// Writes the hash for a view, including the leading `#`. The home view is the
/// default and writes an empty hash.
pub fn format(view: &View) -> String {
    match view {
        View::Home => String::new(),
        View::Read { id } => format!("#/read/{id}"),
    }
}

/// Percent-decodes for display only; invalid sequences are kept as written.
fn decode_lossy(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            // Work on bytes: slicing the str here could split a multi-byte character.
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(id: &str) -> bool {
        crate::corpus::IDS.contains(&id)
    }

    #[test]
    fn reads_each_form() {
        let cases: &[(&str, View, Option<Notice>)] = &[
            ("", View::Home, None),
            ("#", View::Home, None),
            ("#/", View::Home, None),
            ("#/read/rudd-2017", View::Read { id: "rudd-2017".into() }, None),
            ("#/read/nope", View::Home, Some(Notice::UnknownStatement { id: "nope".into() })),
            ("#/read/%3Cb%3E", View::Home, Some(Notice::UnknownStatement { id: "<b>".into() })),
            ("#/read/rudd-2017/extra", View::Home, Some(Notice::Unreadable)),
            ("#/zzz", View::Home, Some(Notice::Unreadable)),
            ("#/read/%", View::Home, Some(Notice::UnknownStatement { id: "%".into() })),
        ];
        for (hash, view, notice) in cases {
            let got = parse(hash, known);
            assert_eq!((&got.view, &got.notice), (view, notice), "{hash}");
        }
    }

    #[test]
    fn format_round_trips() {
        for id in crate::corpus::IDS {
            let view = View::Read { id: id.to_string() };
            assert_eq!(parse(&format(&view), known).view, view);
        }
        assert_eq!(format(&View::Home), "");
    }

    #[test]
    fn notices_are_bounded() {
        let long = "x".repeat(10_000);
        let msg = Notice::UnknownStatement { id: long }.message();
        assert!(msg.chars().count() < 120, "{msg}");
    }
}
