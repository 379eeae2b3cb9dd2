//! Where a widget is: the view and the reader's own statement (the `u` parameter),
//! and their URL-hash form. One pure pair, [`parse`] and [`format`], over one query
//! codec ([`Query`]), so every part of the widget reads and writes addresses alike.
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
//! …&u=<statement>                      on any view: the reader's own statement
//! ```
//! A `#/v1/` prefix is accepted; another version number opens the nearest view
//! with a notice. Defaults never appear in a formatted hash. Query values are
//! `application/x-www-form-urlencoded` (`+` and `%20` are both a space); when a key
//! repeats, the first value counts, as in the browser's `URLSearchParams.get`.
//! [`parse`] never fails: anything it cannot read becomes the nearest sensible view
//! plus [`Notice`]s the UI shows as plain text. [`format`] is its inverse for every
//! normalized location.

use crate::analysis::Theme;
use crate::view::{normalize_compare, Catalog, Notice, Passage, View, MAX_QUERY};
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// The query parameter that carries a reader's own statement on every view.
pub const TEXT_PARAM: &str = "u";

/// Everything but the unreserved characters of RFC 3986 is percent-encoded.
const RESERVED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

/// Longest hash read: longer input is cut before parsing (a statement link is at most
/// a few hundred KB; this keeps a hostile link from costing more than that).
pub const MAX_HASH: usize = 1 << 20;

/// A view and, when the reader added a statement, its link form (or `local`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    pub view: View,
    /// The `u` value: [`crate::supplied::Supplied::encode`] or [`crate::supplied::TEXT_LOCAL`].
    pub text: Option<String>,
}

/// The outcome of reading a hash: where to go and what was off about the link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub location: Location,
    pub notices: Vec<Notice>,
}

/// A decoded query string: its pairs in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    /// Reads `a=b&c=d` (a leading `?` is allowed).
    pub fn parse(query: &str) -> Query {
        let query = query.strip_prefix('?').unwrap_or(query);
        Query {
            pairs: form_urlencoded::parse(query.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect(),
        }
    }

    /// The first value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

/// Percent-encodes everything but unreserved characters.
pub fn encode(s: &str) -> String {
    utf8_percent_encode(s, RESERVED).to_string()
}

/// Percent-decodes a path segment (`+` stays a `+`); invalid sequences are kept as
/// written, invalid UTF-8 replaced.
pub fn decode(s: &str) -> String {
    percent_decode_str(s).decode_utf8_lossy().into_owned()
}

/// A hash split into its decoded path segments and query, once: [`State::open`]
/// reads its statement parameter first, then its view ([`parse_split`]).
///
/// [`State::open`]: crate::state::State::open
pub struct Split {
    segments: Vec<String>,
    query: Query,
}

impl Split {
    /// The reader's statement parameter, read the way [`parse`] reads it.
    pub fn text(&self) -> Option<&str> {
        self.query.get(TEXT_PARAM)
    }
}

/// Splits and decodes a hash (with or without the leading `#`).
pub fn split(hash: &str) -> Split {
    let mut end = hash.len().min(MAX_HASH);
    while !hash.is_char_boundary(end) {
        end -= 1;
    }
    let raw = &hash[..end];
    let raw = raw.strip_prefix('#').unwrap_or(raw);
    let (path, query) = raw.split_once('?').unwrap_or((raw, ""));
    Split { segments: path.split('/').filter(|s| !s.is_empty()).map(decode).collect(), query: Query::parse(query) }
}

/// The reader's statement parameter of a hash, read the way [`parse`] reads it. The
/// statement must be resolved before the view: whether it exists decides which ids do.
pub fn text_param(hash: &str) -> Option<String> {
    split(hash).text().map(str::to_string)
}

/// Reads a URL hash (with or without the leading `#`).
pub fn parse(hash: &str, catalog: &dyn Catalog) -> Parsed {
    parse_split(split(hash), catalog)
}

/// Reads a split hash.
pub fn parse_split(split: Split, catalog: &dyn Catalog) -> Parsed {
    let Split { mut segments, query } = split;
    let mut notices = Vec::new();
    if let Some(first) = segments.first() {
        if let Some(v) = first.strip_prefix('v').filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit())) {
            if v != "1" {
                notices.push(Notice::UnsupportedVersion { version: v.to_string() });
            }
            segments.remove(0);
        }
    }
    let param = |k: &str| query.get(k);
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
            let mut chosen: Vec<String> = Vec::new();
            for id in ids.split('+').filter(|s| !s.is_empty()) {
                if known(id, &mut notices) && !chosen.iter().any(|c| c == id) && chosen.len() < 2 {
                    chosen.push(id.to_string());
                }
            }
            if chosen.is_empty() {
                View::default()
            } else {
                let theme = theme(&mut notices);
                let at = param("at").and_then(|a| {
                    let passage = parse_passage(a, &chosen, catalog);
                    if passage.is_none() {
                        notices.push(Notice::UnknownPassage);
                    }
                    passage
                });
                View::Read { ids: chosen, theme, at }
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
            if query.trim().is_empty() {
                View::default()
            } else {
                View::Search { query: query.trim().to_string() }
            }
        }
        _ => {
            notices.push(Notice::Unreadable);
            View::default()
        }
    };
    let text = param(TEXT_PARAM).filter(|t| !t.is_empty()).map(str::to_string);
    Parsed { location: Location { view, text }, notices }
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

/// Writes the hash for a location, including the leading `#` (empty for the default
/// view without a statement).
pub fn format(location: &Location) -> String {
    let mut params: Vec<(&str, String)> = Vec::new();
    let path = match &location.view {
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
    if let Some(text) = &location.text {
        params.push((TEXT_PARAM, encode(text)));
    }
    if path.is_empty() && params.is_empty() {
        return String::new();
    }
    let query = params.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&");
    if query.is_empty() {
        format!("#/{path}")
    } else {
        format!("#/{path}?{query}")
    }
}

/// The link form of a view without a statement: its hash, `#/` for the default view.
pub fn view_href(view: &View) -> String {
    let hash = format_view(view);
    if hash.is_empty() {
        "#/".into()
    } else {
        hash
    }
}

/// The hash of a view without a statement (shorthand for tests and the CLI).
pub fn format_view(view: &View) -> String {
    format(&Location { view: view.clone(), text: None })
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
        assert_eq!(got.location.view, view, "view of {hash}");
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
    fn one_codec_for_every_parameter() {
        // `+` is a space in a query value, as a browser's search form writes it.
        check("#/search?q=lawful+access", View::Search { query: "lawful access".into() }, &[]);
        // The first of repeated keys counts, as in URLSearchParams.get.
        check("#/?t=access&t=privacy", View::Compare { statements: vec![], theme: Some(Theme::Access) }, &[]);
        let p = parse("#/method?u=abc-_&u=zzz", &Fixture);
        assert_eq!(p.location.text.as_deref(), Some("abc-_"));
        assert_eq!(text_param("#/method?u=abc-_&u=zzz").as_deref(), Some("abc-_"));
        assert_eq!(Query::parse("?a=1&b=x%20y+z").get("b"), Some("x y z"));
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
        assert_eq!(format_view(&View::default()), "");
        assert_eq!(format_view(&read(&["rudd-2017"])), "#/read/rudd-2017");
        let v = View::Read {
            ids: vec!["rudd-2017".into()],
            theme: None,
            at: Some(Passage { id: "rudd-2017".into(), sentence: 4 }),
        };
        assert_eq!(format_view(&v), "#/read/rudd-2017?at=4");
        assert_eq!(format_view(&View::TalkingPoints { selected: None }), "#/talking-points");
        assert_eq!(format(&Location { view: View::default(), text: Some("x".into()) }), "#/?u=x");
        assert_eq!(format(&Location { view: View::Method, text: Some("x".into()) }), "#/method?u=x");
    }

    #[test]
    fn encoding_round_trips() {
        for s in ["lawful access", "a&b=c?d#e/f+g", "“quotes” ’", "%", "<script>", "end-to-end_~."] {
            assert_eq!(decode(&encode(s)), s);
            assert_eq!(Query::parse(&format!("k={}", encode(s))).get("k"), Some(s));
        }
    }
}
