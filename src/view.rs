//! The view state and its URL-hash form: one pure pair of functions.
//!
//! Schema version 1 (documented in README.md, "Deep links"):
//!
//! ```text
//! #/                                   compare, all statements in date order, all themes
//! #/?s=rudd-2017,wallace-2017&t=access compare these statements in this order, focus one theme
//! #/read/<id>[?t=<theme>][&at=<n>]     one statement; `at` opens sentence n (0-based)
//! #/read/<id>+<id2>[?…][&at=<id>:<n>]  two statements side by side
//! #/talking-points[?tp=<id>]           recurring passages and claims; `tp` opens one
//! #/method                             codebook, cleaning, provenance, limits
//! #/search?q=<text>                    search all statements
//! ```
//! A `#/v1/` prefix is accepted; another version number opens the nearest view
//! with a notice. Defaults never appear in a formatted hash. [`parse`] never fails:
//! anything it cannot read becomes the nearest sensible view plus [`Notice`]s the
//! UI shows as plain text. [`format`] is its inverse for every normalized view.

use crate::analysis::Theme;

/// Longest search query kept from a link.
pub const MAX_QUERY: usize = 200;

/// Which screen is shown, with its selections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    /// The side-by-side comparison. `statements` empty means all, in date order.
    Compare { statements: Vec<String>, theme: Option<Theme> },
    /// One statement, or two side by side, with an optional open sentence.
    Read { ids: Vec<String>, theme: Option<Theme>, at: Option<Passage> },
    /// Recurring passages and claims, with an optional open one.
    TalkingPoints { selected: Option<String> },
    /// The method: codebook, cleaning, provenance, limits.
    Method,
    /// Search results for a query.
    Search { query: String },
}

impl Default for View {
    fn default() -> Self {
        View::Compare { statements: Vec::new(), theme: None }
    }
}

/// A sentence of a statement: its id and 0-based sentence index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub id: String,
    pub sentence: usize,
}

/// A short, plain-text message about a link that could not be followed exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    UnknownStatement {
        id: String,
    },
    UnknownTheme {
        theme: String,
    },
    UnknownPassage,
    UnknownTalkingPoint,
    UnsupportedVersion {
        version: String,
    },
    Unreadable,
    QueryTruncated,
    /// About the reader's own statement in the link (see [`crate::supplied`]), already a sentence.
    Statement(String),
}

impl Notice {
    /// The sentence shown to the reader. Values from the link are truncated so a
    /// hostile link cannot flood the page; the UI renders this as text only.
    pub fn message(&self) -> String {
        match self {
            Notice::UnknownStatement { id } => {
                format!("There is no statement with the id “{}” here, so it was left out.", truncate(id, 60))
            }
            Notice::UnknownTheme { theme } => {
                format!(
                    "“{}” is not a theme (encryption, access or privacy), so all themes are shown.",
                    truncate(theme, 40)
                )
            }
            Notice::UnknownPassage => {
                "The passage in this link does not exist, so the statement opens at its start.".into()
            }
            Notice::UnknownTalkingPoint => "The talking point in this link does not exist, so all are listed.".into(),
            Notice::UnsupportedVersion { version } => {
                format!(
                    "This link uses format version {}, which this widget does not know; the closest view is shown.",
                    truncate(version, 10)
                )
            }
            Notice::Unreadable => "This link could not be read, so the comparison is shown instead.".into(),
            Notice::QueryTruncated => format!("The search in this link was cut to {MAX_QUERY} characters."),
            Notice::Statement(message) => message.clone(),
        }
    }
}

fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// What the parser needs to know about the data: which ids exist and how many
/// sentences each statement has.
pub trait Catalog {
    /// Statement ids in date order.
    fn statement_ids(&self) -> Vec<String>;
    /// Number of sentences of a statement, `None` if it does not exist.
    fn sentences(&self, id: &str) -> Option<usize>;
    /// Whether a talking point id exists.
    fn has_talking_point(&self, id: &str) -> bool;
}

impl Catalog for crate::analysis::CorpusAnalysis<'_> {
    fn statement_ids(&self) -> Vec<String> {
        self.documents.iter().map(|d| d.statement.id.clone()).collect()
    }
    fn sentences(&self, id: &str) -> Option<usize> {
        self.document(id).map(|d| d.analysis.sentences.len())
    }
    fn has_talking_point(&self, id: &str) -> bool {
        self.recurring.get(id).is_some()
    }
}

/// The outcome of reading a hash: the view to show and what was off about the link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub view: View,
    pub notices: Vec<Notice>,
}

/// Reads a URL hash (with or without the leading `#`).
pub fn parse(hash: &str, catalog: &dyn Catalog) -> Parsed {
    let mut notices = Vec::new();
    let raw = hash.strip_prefix('#').unwrap_or(hash);
    let (path, query) = raw.split_once('?').unwrap_or((raw, ""));
    let mut segments: Vec<String> = path.split('/').filter(|s| !s.is_empty()).map(decode).collect();
    if let Some(first) = segments.first() {
        if let Some(v) = first.strip_prefix('v').filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit())) {
            if v != "1" {
                notices.push(Notice::UnsupportedVersion { version: v.to_string() });
            }
            segments.remove(0);
        }
    }
    let params: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect();
    let param = |k: &str| params.iter().rev().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
    let theme = |notices: &mut Vec<Notice>| {
        let t = param("t")?;
        let theme = Theme::from_id(t);
        if theme.is_none() {
            notices.push(Notice::UnknownTheme { theme: t.to_string() });
        }
        theme
    };
    let known = |id: &str, notices: &mut Vec<Notice>| {
        let ok = catalog.sentences(id).is_some();
        if !ok {
            notices.push(Notice::UnknownStatement { id: id.to_string() });
        }
        ok
    };

    let view = match segments.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        [] | ["compare"] => {
            let mut statements: Vec<String> = Vec::new();
            for id in param("s").unwrap_or("").split(',').filter(|s| !s.is_empty()) {
                if known(id, &mut notices) && !statements.iter().any(|s| s == id) {
                    statements.push(id.to_string());
                }
            }
            let theme = theme(&mut notices);
            normalize_compare(statements, theme, catalog)
        }
        ["read", ids] => {
            let ids: Vec<String> =
                ids.split('+').filter(|s| !s.is_empty()).filter(|id| known(id, &mut notices)).map(String::from).fold(
                    Vec::new(),
                    |mut acc, id| {
                        if !acc.contains(&id) && acc.len() < 2 {
                            acc.push(id);
                        }
                        acc
                    },
                );
            if ids.is_empty() {
                View::default()
            } else {
                let theme = theme(&mut notices);
                let at = param("at").and_then(|a| {
                    let passage = parse_passage(a, &ids, catalog);
                    if passage.is_none() {
                        notices.push(Notice::UnknownPassage);
                    }
                    passage
                });
                View::Read { ids, theme, at }
            }
        }
        ["talking-points"] => {
            let selected = param("tp").and_then(|tp| {
                let ok = catalog.has_talking_point(tp);
                if !ok {
                    notices.push(Notice::UnknownTalkingPoint);
                }
                ok.then(|| tp.to_string())
            });
            View::TalkingPoints { selected }
        }
        ["method"] => View::Method,
        ["search"] => {
            let q = param("q").unwrap_or("").trim();
            if q.chars().count() > MAX_QUERY {
                notices.push(Notice::QueryTruncated);
            }
            let query: String = q.chars().take(MAX_QUERY).collect();
            if query.is_empty() {
                View::default()
            } else {
                View::Search { query }
            }
        }
        _ => {
            notices.push(Notice::Unreadable);
            View::default()
        }
    };
    Parsed { view, notices }
}

/// `n` (a sentence of the first statement) or `<id>:<n>`.
fn parse_passage(a: &str, ids: &[String], catalog: &dyn Catalog) -> Option<Passage> {
    let (id, n) = match a.rsplit_once(':') {
        Some((id, n)) => (id.to_string(), n),
        None => (ids[0].clone(), a),
    };
    let sentence: usize = n.parse().ok()?;
    (ids.contains(&id) && sentence < catalog.sentences(&id)?).then_some(Passage { id, sentence })
}

/// The default statement selection (all, date order) is stored as empty.
fn normalize_compare(statements: Vec<String>, theme: Option<Theme>, catalog: &dyn Catalog) -> View {
    let statements =
        if statements.is_empty() || statements == catalog.statement_ids() { Vec::new() } else { statements };
    View::Compare { statements, theme }
}

/// A short description of a view, announced politely to screen readers on change.
pub fn describe(view: &View, catalog: &dyn Catalog) -> String {
    let theme = |t: &Option<Theme>| t.map_or_else(|| "all themes".to_string(), |t| format!("theme {}", t.label()));
    match view {
        View::Compare { statements, theme: t } => {
            let n = if statements.is_empty() { catalog.statement_ids().len() } else { statements.len() };
            format!("Comparison of {n} statements, {}.", theme(t))
        }
        View::Read { ids, at, .. } => {
            let what = if ids.len() == 2 { "Two statements side by side" } else { "Reading one statement" };
            match at {
                Some(p) => format!("{what}; sentence {} opened.", p.sentence + 1),
                None => format!("{what}."),
            }
        }
        View::TalkingPoints { selected } => {
            if selected.is_some() {
                "Talking points; one opened.".into()
            } else {
                "Talking points.".into()
            }
        }
        View::Method => "Method.".into(),
        View::Search { query } => format!("Search results for {}.", truncate(query, 40)),
    }
}

/// Normalizes a view built by the UI so that it formats canonically.
pub fn normalize(view: View, catalog: &dyn Catalog) -> View {
    match view {
        View::Compare { statements, theme } => normalize_compare(statements, theme, catalog),
        View::Search { query } if query.trim().is_empty() => View::default(),
        View::Search { query } => View::Search { query: query.trim().chars().take(MAX_QUERY).collect() },
        other => other,
    }
}

/// Writes the hash for a view, including the leading `#` (empty for the default view).
pub fn format(view: &View) -> String {
    let mut params: Vec<(&str, String)> = Vec::new();
    let path = match view {
        View::Compare { statements, theme } => {
            if !statements.is_empty() {
                params.push(("s", statements.iter().map(|s| encode(s)).collect::<Vec<_>>().join(",")));
            }
            if let Some(t) = theme {
                params.push(("t", t.id().to_string()));
            }
            String::new()
        }
        View::Read { ids, theme, at } => {
            if let Some(t) = theme {
                params.push(("t", t.id().to_string()));
            }
            if let Some(p) = at {
                let value = if ids.first() == Some(&p.id) {
                    p.sentence.to_string()
                } else {
                    format!("{}:{}", encode(&p.id), p.sentence)
                };
                params.push(("at", value));
            }
            format!("read/{}", ids.iter().map(|s| encode(s)).collect::<Vec<_>>().join("+"))
        }
        View::TalkingPoints { selected } => {
            if let Some(tp) = selected {
                params.push(("tp", encode(tp)));
            }
            "talking-points".into()
        }
        View::Method => "method".into(),
        View::Search { query } => {
            params.push(("q", encode(query)));
            "search".into()
        }
    };
    if path.is_empty() && params.is_empty() {
        return String::new();
    }
    let query = params.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&");
    match (path.is_empty(), query.is_empty()) {
        (_, true) => format!("#/{path}"),
        (_, false) => format!("#/{path}?{query}"),
    }
}

/// Percent-encodes everything but unreserved characters.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Percent-decodes; invalid sequences are kept as written, invalid UTF-8 replaced.
pub fn decode(s: &str) -> String {
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

    /// The bundled ids with fixed sentence counts.
    struct Fixture;
    impl Catalog for Fixture {
        fn statement_ids(&self) -> Vec<String> {
            crate::corpus::IDS.iter().map(|s| s.to_string()).collect()
        }
        fn sentences(&self, id: &str) -> Option<usize> {
            crate::corpus::IDS.contains(&id).then_some(20)
        }
        fn has_talking_point(&self, id: &str) -> bool {
            id == "p-1234abcd" || id == "c-acc.lawful"
        }
    }

    fn check(hash: &str, view: View, notices: &[Notice]) {
        let got = parse(hash, &Fixture);
        assert_eq!(got.view, view, "view of {hash}");
        assert_eq!(got.notices, notices, "notices of {hash}");
    }

    fn read(ids: &[&str]) -> View {
        View::Read { ids: ids.iter().map(|s| s.to_string()).collect(), theme: None, at: None }
    }

    #[test]
    fn every_view_reads() {
        check("", View::default(), &[]);
        check("#/", View::default(), &[]);
        check("#/v1/", View::default(), &[]);
        check(
            "#/?s=wallace-2017,rudd-2017&t=access",
            View::Compare { statements: vec!["wallace-2017".into(), "rudd-2017".into()], theme: Some(Theme::Access) },
            &[],
        );
        check("#/read/rudd-2017", read(&["rudd-2017"]), &[]);
        check("#/read/rudd-2017+wallace-2017", read(&["rudd-2017", "wallace-2017"]), &[]);
        check(
            "#/read/rudd-2017+wallace-2017?t=privacy&at=wallace-2017:3",
            View::Read {
                ids: vec!["rudd-2017".into(), "wallace-2017".into()],
                theme: Some(Theme::Privacy),
                at: Some(Passage { id: "wallace-2017".into(), sentence: 3 }),
            },
            &[],
        );
        check("#/talking-points?tp=p-1234abcd", View::TalkingPoints { selected: Some("p-1234abcd".into()) }, &[]);
        check("#/method", View::Method, &[]);
        check("#/search?q=lawful%20access", View::Search { query: "lawful access".into() }, &[]);
    }

    #[test]
    fn bad_links_open_the_nearest_view_with_a_notice() {
        check("#/read/nope", View::default(), &[Notice::UnknownStatement { id: "nope".into() }]);
        check("#/read/rudd-2017+nope", read(&["rudd-2017"]), &[Notice::UnknownStatement { id: "nope".into() }]);
        check("#/?t=weather", View::default(), &[Notice::UnknownTheme { theme: "weather".into() }]);
        check("#/read/rudd-2017?at=999", read(&["rudd-2017"]), &[Notice::UnknownPassage]);
        check("#/read/rudd-2017?at=wallace-2017:1", read(&["rudd-2017"]), &[Notice::UnknownPassage]);
        check("#/talking-points?tp=zzz", View::TalkingPoints { selected: None }, &[Notice::UnknownTalkingPoint]);
        check("#/v7/method", View::Method, &[Notice::UnsupportedVersion { version: "7".into() }]);
        check("#/zzz", View::default(), &[Notice::Unreadable]);
        check("#/read/%3Cimg%20src%3Dx%3E", View::default(), &[Notice::UnknownStatement { id: "<img src=x>".into() }]);
        check("#/read/%E2%82", View::default(), &[Notice::UnknownStatement { id: "\u{FFFD}".into() }]);
        check("#/search?q=", View::default(), &[]);
        let long = format!("#/search?q={}", "a".repeat(500));
        check(&long, View::Search { query: "a".repeat(MAX_QUERY) }, &[Notice::QueryTruncated]);
        // The default selection, spelled out, is the default.
        let all = crate::corpus::IDS.join(",");
        check(&format!("#/?s={all}"), View::default(), &[]);
    }

    #[test]
    fn defaults_stay_out_of_the_url() {
        assert_eq!(format(&View::default()), "");
        assert_eq!(format(&read(&["rudd-2017"])), "#/read/rudd-2017");
        let v = View::Read {
            ids: vec!["rudd-2017".into()],
            theme: None,
            at: Some(Passage { id: "rudd-2017".into(), sentence: 4 }),
        };
        assert_eq!(format(&v), "#/read/rudd-2017?at=4");
        assert_eq!(format(&View::TalkingPoints { selected: None }), "#/talking-points");
    }

    #[test]
    fn notices_are_bounded_text() {
        let msg = Notice::UnknownStatement { id: "x".repeat(10_000) }.message();
        assert!(msg.chars().count() < 140, "{msg}");
    }

    #[test]
    fn encoding_round_trips() {
        for s in ["lawful access", "a&b=c?d#e/f+g", "“quotes” ’", "%", "<script>", "end-to-end_~."] {
            assert_eq!(decode(&encode(s)), s);
        }
    }
}
