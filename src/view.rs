//! The view state: which screen a widget shows, with its selections, and the
//! notices about a link that could not be followed exactly. Its URL form, with the
//! reader's own statement, is [`crate::location`].

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
    /// About the reader's own statement in the link (see [`crate::supplied`]).
    Statement(crate::supplied::StatementProblem),
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
            Notice::Statement(problem) => problem.message(),
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
    /// A statement's short title, for page titles (its id where unknown).
    fn short_title(&self, id: &str) -> String {
        id.to_string()
    }
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
    fn short_title(&self, id: &str) -> String {
        self.document(id).map_or_else(|| id.to_string(), |d| d.statement.short_title.clone())
    }
}

/// The default statement selection (all, date order) is stored as empty.
pub(crate) fn normalize_compare(statements: Vec<String>, theme: Option<Theme>, catalog: &dyn Catalog) -> View {
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
        View::Search { query } => {
            format!("Search results for {}.", truncate(&crate::supplied::make_visible(query).0, 40))
        }
    }
}

/// The page title for a view (the browser tab, bookmarks, shared links' previews).
pub fn title(view: &View, catalog: &dyn Catalog) -> String {
    let what = match view {
        View::Compare { statements, theme } => {
            let n = if statements.is_empty() { catalog.statement_ids().len() } else { statements.len() };
            let theme = theme.map_or("Encryption, access and privacy", |t| t.label());
            format!("{theme} in {n} statements compared")
        }
        View::Read { ids, .. } => ids.iter().map(|id| catalog.short_title(id)).collect::<Vec<_>>().join(" and "),
        View::TalkingPoints { .. } => "Talking points".into(),
        View::Method => "Method".into(),
        View::Search { query } => format!("Search: {}", truncate(&crate::supplied::make_visible(query).0, 40)),
    };
    format!("{what} · Encryption framing, UK and Five Eyes statements 2017–2020")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_the_view() {
        let data = crate::analysis::bundled();
        let read = View::Read { ids: vec!["rudd-2017".into(), "wallace-2017".into()], theme: None, at: None };
        assert!(title(&read, data).starts_with("Rudd letter and Wallace letter · "));
        let compare = View::Compare { statements: vec![], theme: Some(crate::analysis::Theme::Access) };
        assert!(title(&compare, data).starts_with("Access in 5 statements compared · "));
        assert!(!title(&View::Search { query: "\u{202E}x".into() }, data).contains('\u{202E}'));
    }

    #[test]
    fn notices_are_bounded_text() {
        let msg = Notice::UnknownStatement { id: "x".repeat(10_000) }.message();
        assert!(msg.chars().count() < 140, "{msg}");
    }
}
