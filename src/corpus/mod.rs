//! The five statements, bundled into the binary and parsed into a typed model.
//!
//! Each `corpus/<id>.md` file is front matter (`key: value` lines between `---`
//! fences) followed by body markup (see [`markup`]). The files are compiled in with
//! `include_str!`; a malformed file is a test failure naming the file and line
//! (`tests/corpus_integrity.rs` parses every file), never a runtime surprise.

pub mod date;
pub mod markup;
pub mod plain;

use std::fmt;

pub use date::{DateInfo, Precision, YearMonthDay};
pub use markup::{Block, BlockKind, Body, Footnote, Mark, MarkKind};
use serde::Serialize;

/// The bundled files: (path for error messages, contents). Order is irrelevant:
/// [`Corpus`] sorts statements by date.
pub const FILES: [(&str, &str); 5] = [
    ("corpus/rudd-2017.md", include_str!("../../corpus/rudd-2017.md")),
    ("corpus/wallace-2017.md", include_str!("../../corpus/wallace-2017.md")),
    ("corpus/international-2020.md", include_str!("../../corpus/international-2020.md")),
    ("corpus/lords-answer-2020.md", include_str!("../../corpus/lords-answer-2020.md")),
    ("corpus/factsheet-2019.md", include_str!("../../corpus/factsheet-2019.md")),
];

/// The stable ids of the bundled statements. They appear in every deep link.
pub const IDS: [&str; 5] = ["rudd-2017", "wallace-2017", "factsheet-2019", "lords-answer-2020", "international-2020"];

/// What kind of document a statement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Letter,
    JointStatement,
    WrittenParliamentaryAnswer,
    Factsheet,
    /// Text a reader supplied in the browser; not part of the curated corpus.
    UserSupplied,
}

impl Kind {
    fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "letter" => Kind::Letter,
            "joint statement" => Kind::JointStatement,
            "written parliamentary answer" => Kind::WrittenParliamentaryAnswer,
            "factsheet" => Kind::Factsheet,
            _ => return None,
        })
    }

    /// The label shown to readers.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Letter => "Letter",
            Kind::JointStatement => "Joint statement",
            Kind::WrittenParliamentaryAnswer => "Written parliamentary answer",
            Kind::Factsheet => "Factsheet",
            Kind::UserSupplied => "Your text",
        }
    }
}

/// Something removed from the raw capture during cleaning, and where it went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removal {
    /// The front-matter field the text moved to, or `chrome` (page furniture,
    /// dropped) or `heading` (the heading of a section that moved to metadata).
    pub category: String,
    /// The line as it appears in the raw capture.
    pub text: String,
}

impl Removal {
    /// Whether the text was dropped rather than moved to a metadata field.
    pub fn is_dropped(&self) -> bool {
        matches!(self.category.as_str(), "chrome" | "heading")
    }

    /// The line as a reader saw it on the page or the scan: the capture's Markdown
    /// (`[text](url)` links, `**strong**`, `*emphasis*`, `## ` headings) reduced to its text.
    /// `text` itself stays as captured: the integrity tests match it against the capture.
    pub fn display_text(&self) -> String {
        as_read(&self.text)
    }

    /// A reader-facing reason.
    pub fn reason(&self) -> String {
        match self.category.as_str() {
            "chrome" => "page furniture of the website or scan, not part of the statement".into(),
            "heading" => "heading of a section that moved to metadata".into(),
            field => format!("moved to metadata ({})", field.replace('_', " ")),
        }
    }
}

/// Markdown as rendered: link targets, emphasis markers and heading marks dropped.
fn as_read(line: &str) -> String {
    let line = line.trim_start_matches('#').trim_start();
    let mut out = String::new();
    let mut rest = line;
    // `[text](target)` becomes `text`; a bracket that opens no link stays.
    while let Some(open) = rest.find('[') {
        let link = rest[open..].find("](").map(|m| open + m).and_then(|mid| {
            let close = rest[mid..].find(')').map(|c| mid + c)?;
            (!rest[open + 1..mid].contains('[')).then_some((mid, close))
        });
        match link {
            Some((mid, close)) => {
                out.push_str(&rest[..open]);
                out.push_str(&rest[open + 1..mid]);
                rest = &rest[close + 1..];
            }
            None => {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    out.replace("**", "").replace("<sup>", "").replace("</sup>", "").trim().to_string()
}

/// One statement: metadata, provenance and its cleaned, structured body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statement {
    pub id: String,
    pub title: String,
    /// A few words for column heads ("Rudd letter"); the title when not given.
    pub short_title: String,
    pub kind: Kind,
    pub author: String,
    pub author_role: String,
    pub recipient: Option<String>,
    pub date: DateInfo,
    pub publisher: String,
    /// The original publication's address, only when it was verified against the capture.
    pub source_url: Option<String>,
    /// An archived copy of the original (e.g. web.archive.org), only when one is known to exist.
    pub archive_url: Option<String>,
    /// Where the text comes from; for a statement without `source_url`, why there is none.
    pub source_note: Option<String>,
    pub reference: Option<String>,
    pub signatories: Vec<String>,
    pub asker: Option<String>,
    pub answered_by: Option<String>,
    pub redactions: Vec<String>,
    pub removed: Vec<Removal>,
    /// Every front-matter field in file order, for the provenance panel.
    pub fields: Vec<(String, String)>,
    pub body: Body,
}

impl Statement {
    /// A field from the front matter that has no typed accessor (letterhead, salutation…).
    pub fn field(&self, key: &str) -> Option<&str> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

/// A corpus parsing error with the file and line it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for CorpusError {}

/// Front-matter keys a statement file may use. Repeatable ones are marked.
const KEYS: &[(&str, bool)] = &[
    ("id", false),
    ("title", false),
    ("short_title", false),
    ("kind", false),
    ("author", false),
    ("author_role", false),
    ("recipient", false),
    ("date_written", false),
    ("date_earliest", false),
    ("date_latest", false),
    ("date_precision", false),
    ("date_basis", false),
    ("date_as_captured", false),
    ("received_stamp", false),
    ("release_header", false),
    ("publisher", false),
    ("reference", false),
    ("source_url", false),
    ("archive_url", false),
    ("source_note", false),
    ("letterhead", false),
    ("addressee_block", false),
    ("salutation", false),
    ("valediction", false),
    ("signature", false),
    ("signature_note", false),
    ("signatory", true),
    ("asker", false),
    ("answered_by", false),
    ("department", false),
    ("question_heading", false),
    ("category", false),
    ("redaction", true),
    ("removed", true),
];

const REQUIRED: &[&str] = &[
    "id",
    "title",
    "kind",
    "author",
    "author_role",
    "date_written",
    "date_earliest",
    "date_latest",
    "date_precision",
    "date_basis",
    "publisher",
];

/// Parses one statement file. `file` is only used in error messages.
pub fn parse_statement(file: &str, source: &str) -> Result<Statement, CorpusError> {
    let err = |line: usize, message: String| CorpusError { file: file.to_string(), line, message };
    let mut lines = source.lines().enumerate();
    match lines.next() {
        Some((_, "---")) => {}
        _ => return Err(err(1, "a statement file must start with a `---` front-matter fence".into())),
    }
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut body_start = None;
    for (i, line) in lines.by_ref() {
        let line_no = i + 1;
        if line == "---" {
            body_start = Some(line_no + 1);
            break;
        }
        let (key, value) =
            line.split_once(':').ok_or_else(|| err(line_no, format!("expected `key: value`, found `{line}`")))?;
        let key = key.trim();
        let Some(&(_, repeatable)) = KEYS.iter().find(|(k, _)| *k == key) else {
            return Err(err(line_no, format!("unknown front-matter key `{key}`")));
        };
        if !repeatable && fields.iter().any(|(k, _)| k == key) {
            return Err(err(line_no, format!("`{key}` is given twice")));
        }
        fields.push((key.to_string(), value.trim().to_string()));
    }
    let body_start = body_start.ok_or_else(|| err(1, "the front matter is never closed with `---`".into()))?;
    let line_of = |key: &str| source.lines().position(|l| l.starts_with(&format!("{key}:"))).map_or(1, |p| p + 1);
    for key in REQUIRED {
        if fields.iter().all(|(k, v)| k != key || v.is_empty()) {
            return Err(err(1, format!("required front-matter key `{key}` is missing or empty")));
        }
    }
    let get = |key: &str| fields.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).filter(|v| !v.is_empty());
    let all = |key: &str| fields.iter().filter(|(k, _)| k == key).map(|(_, v)| v.clone()).collect::<Vec<_>>();
    let required = |key: &str| get(key).unwrap_or_default();

    let kind = Kind::parse(&required("kind"))
        .ok_or_else(|| err(line_of("kind"), format!("unknown kind `{}`", required("kind"))))?;
    let date = DateInfo::from_fields(
        required("date_written"),
        &required("date_earliest"),
        &required("date_latest"),
        &required("date_precision"),
        required("date_basis"),
    )
    .map_err(|m| err(line_of("date_earliest"), m))?;
    let mut removed = Vec::new();
    for value in all("removed") {
        let (category, text) = value
            .split_once(" | ")
            .ok_or_else(|| err(line_of("removed"), format!("`removed` needs `category | text`, found `{value}`")))?;
        let removal = Removal { category: category.trim().to_string(), text: text.to_string() };
        if !removal.is_dropped() && fields.iter().all(|(k, v)| k != &removal.category || v.is_empty()) {
            let message = format!("`removed` moves text to `{}`, which this file does not fill", removal.category);
            return Err(err(line_of("removed"), message));
        }
        removed.push(removal);
    }
    let rest: String = source.lines().skip(body_start - 1).collect::<Vec<_>>().join("\n");
    let body = markup::parse(&rest, body_start).map_err(|e| err(e.line, e.message))?;
    if body.blocks.is_empty() {
        return Err(err(body_start, "the body is empty".into()));
    }

    Ok(Statement {
        id: required("id"),
        title: required("title"),
        short_title: get("short_title").unwrap_or_else(|| required("title")),
        kind,
        author: required("author"),
        author_role: required("author_role"),
        recipient: get("recipient"),
        date,
        publisher: required("publisher"),
        source_url: get("source_url"),
        archive_url: get("archive_url"),
        source_note: get("source_note"),
        reference: get("reference"),
        signatories: all("signatory"),
        asker: get("asker"),
        answered_by: get("answered_by"),
        redactions: all("redaction"),
        removed,
        fields,
        body,
    })
}

/// The statements of the corpus in date order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corpus {
    pub statements: Vec<Statement>,
}

impl Corpus {
    /// Parses files given as (path, contents) and orders statements by date.
    pub fn parse(files: &[(&str, &str)]) -> Result<Corpus, CorpusError> {
        let mut statements = files.iter().map(|(f, s)| parse_statement(f, s)).collect::<Result<Vec<_>, _>>()?;
        for (i, s) in statements.iter().enumerate() {
            if statements[..i].iter().any(|o| o.id == s.id) {
                return Err(CorpusError {
                    file: files[i].0.to_string(),
                    line: 1,
                    message: format!("duplicate id `{}`", s.id),
                });
            }
        }
        crate::order::sort_by(&mut statements, |a, b| {
            a.date.earliest.cmp(&b.date.earliest).then_with(|| a.id.cmp(&b.id))
        });
        Ok(Corpus { statements })
    }

    /// Looks a statement up by id.
    pub fn get(&self, id: &str) -> Option<&Statement> {
        self.statements.iter().find(|s| s.id == id)
    }
}

/// The corpus compiled into this binary, parsed once (in the hosted build, feature
/// `precomputed`, read from `corpus/bundle.bin` instead: the same statements).
///
/// # Panics
/// Only if a bundled file is malformed, which `tests/corpus_integrity.rs` rules out.
pub fn bundled() -> &'static Corpus {
    // The hosted build reads it from the bytes `make precompute` wrote, without the parser.
    #[cfg(feature = "precomputed")]
    {
        &crate::bundle::bundled().0
    }
    #[cfg(not(feature = "precomputed"))]
    {
        static CORPUS: std::sync::OnceLock<Corpus> = std::sync::OnceLock::new();
        CORPUS.get_or_init(|| Corpus::parse(&FILES).unwrap_or_else(|e| panic!("bundled corpus is malformed: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = "---\nid: x\ntitle: T\nkind: letter\nauthor: A\nauthor_role: R\ndate_written: 1 May 2020\ndate_earliest: 2020-05-01\ndate_latest: 2020-05-01\ndate_precision: day\ndate_basis: dated\npublisher: P\n---\nBody text.\n";

    #[test]
    fn a_minimal_file_parses() {
        let s = parse_statement("x.md", MINIMAL).unwrap();
        assert_eq!(s.body.text, "Body text.");
        assert_eq!(s.kind, Kind::Letter);
    }

    #[test]
    fn removed_lines_read_as_the_page_showed_them() {
        let read = |text: &str| Removal { category: "chrome".into(), text: text.into() }.display_text();
        assert_eq!(read("[www.gov.uk/home-office](http://www.gov.uk/home-office)"), "www.gov.uk/home-office");
        assert_eq!(read("[arnie@accessnow.org](mailto:arnie@accessnow.org)"), "arnie@accessnow.org");
        assert_eq!(read("**The Rt Hon Amber Rudd MP**"), "The Rt Hon Amber Rudd MP");
        assert_eq!(read("## **SIGNATORIES**"), "SIGNATORIES");
        assert_eq!(read("[Office of the Attorney General](#)"), "Office of the Attorney General");
        assert_eq!(read("**Component(s):**"), "Component(s):");
        assert_eq!(read("2[✓] November 2017"), "2[✓] November 2017");
        assert_eq!(read("Yes1 person thinks so"), "Yes1 person thinks so");
    }

    #[test]
    fn errors_name_file_and_line() {
        let bad = MINIMAL.replace("publisher: P", "publisher: P\nflavour: odd");
        assert_eq!(
            parse_statement("x.md", &bad).unwrap_err().to_string(),
            "x.md:13: unknown front-matter key `flavour`"
        );
        let bad = MINIMAL.replace("Body text.", "Body\n\n*unclosed");
        assert_eq!(parse_statement("x.md", &bad).unwrap_err().line, 16);
        let bad = MINIMAL.replace("kind: letter", "kind: poem");
        assert!(parse_statement("x.md", &bad).unwrap_err().to_string().starts_with("x.md:4: unknown kind"));
        let bad = MINIMAL.replace("title: T\n", "");
        assert!(parse_statement("x.md", &bad).unwrap_err().message.contains("`title`"));
    }
}
