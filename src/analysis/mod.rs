//! Framing analysis: which sentences of a statement address encryption, access and
//! privacy, with which frames (codes), on what evidence, and what recurs across
//! statements. Pure Rust: the CLI, the tests, the benchmarks and the widget all
//! call [`analyze`] / [`analyze_corpus`].

pub mod codebook;
pub mod eval;
pub mod export;
pub mod matcher;
pub mod recurring;
pub mod segment;
pub mod summary;
pub mod tokens;

use crate::corpus::{Body, Statement};
pub use codebook::{Code, Codebook, Theme};
use matcher::{Matcher, Target};
pub use recurring::{Occurrence, Recurring, TalkingPoint};
pub use summary::{Comparison, StatementSummary, ThemeSummary};

/// Why a sentence carries a theme or code: the rule and the words it matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// A theme id (`encryption`) for a theme cue, or a code id (`acc.lawful`).
    pub target: String,
    /// The rule id, `<code or theme>/<name>`, as in the codebook.
    pub rule: String,
    /// Byte offsets of the matched words in the body text.
    pub start: usize,
    pub end: usize,
    /// The words were inside a quotation (someone else's words, quoted).
    pub quoted: bool,
}

/// One sentence and its labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offsets into the body text: `text[start..end]` is the sentence, verbatim.
    pub start: usize,
    pub end: usize,
    /// Index of the body block (paragraph, list item, heading) it belongs to.
    pub block: usize,
    pub heading: bool,
    /// Themes in `Theme::ALL` order.
    pub themes: Vec<Theme>,
    /// Code ids in codebook order.
    pub codes: Vec<String>,
    pub evidence: Vec<Evidence>,
    /// Number of words, for shares and ranking.
    pub words: usize,
}

impl Sentence {
    /// Whether the sentence carries `code`.
    pub fn has_code(&self, code: &str) -> bool {
        self.codes.iter().any(|c| c == code)
    }
}

/// The analysis of one body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    pub sentences: Vec<Sentence>,
    /// Word and stem hashes, recorded during tokenizing, for the talking-point search.
    pub words: recurring::Words,
}

/// Segments and codes `body` with `book`.
pub fn analyze(body: &Body, book: &Codebook) -> Analysis {
    let matcher = Matcher::new(book);
    analyze_with(body, book, &matcher)
}

fn analyze_with(body: &Body, book: &Codebook, matcher: &Matcher) -> Analysis {
    let mut words = recurring::Words::default();
    let sentences = segment::sentences(body)
        .into_iter()
        .enumerate()
        .map(|(index, span)| {
            let text = &body.text[span.start..span.end];
            let tokens = tokens::tokenize(text);
            words.record(index, span.start, span.heading, &tokens);
            let mut hits = matcher.hits(&tokens);
            hits.sort_by_key(|h| (h.target, h.first));
            let mut themes: Vec<Theme> = Vec::new();
            let mut codes: Vec<String> = Vec::new();
            let mut evidence = Vec::new();
            for h in &hits {
                let (target, theme) = match h.target {
                    Target::Theme(t) => (t.id().to_string(), Some(t)),
                    Target::Code(i) => {
                        let code = &book.codes[i];
                        if !codes.contains(&code.id) {
                            codes.push(code.id.clone());
                        }
                        (code.id.clone(), code.theme)
                    }
                };
                if let Some(t) = theme.filter(|t| !themes.contains(t)) {
                    themes.push(t);
                }
                evidence.push(Evidence {
                    target,
                    rule: h.rule.id.clone(),
                    start: span.start + tokens[h.first].start,
                    end: span.start + tokens[h.last].end,
                    quoted: tokens[h.first].quoted,
                });
            }
            themes.sort();
            codes.sort_by_key(|c| book.codes.iter().position(|x| &x.id == c));
            Sentence {
                start: span.start,
                end: span.end,
                block: span.block,
                heading: span.heading,
                themes,
                codes,
                evidence,
                words: tokens.len(),
            }
        })
        .collect();
    let mut analysis = Analysis { sentences, words };
    inherit_from_lead_ins(&mut analysis, body, book);
    analysis
}

/// A list item continues the sentence that introduces its list ("We call on
/// companies to:"): it takes that sentence's themes, and its codes marked
/// `inherit: lead-in`, with the lead-in's words as evidence.
fn inherit_from_lead_ins(analysis: &mut Analysis, body: &Body, book: &Codebook) {
    let is_item = |block: usize| matches!(body.blocks[block].kind, crate::corpus::BlockKind::ListItem { .. });
    let mut lead: Option<usize> = None;
    for i in 0..analysis.sentences.len() {
        let s = &analysis.sentences[i];
        if !is_item(s.block) {
            let ends_with_colon = body.text[s.start..s.end].ends_with(':');
            let last_of_block = analysis.sentences.get(i + 1).is_none_or(|n| n.block != s.block);
            if last_of_block {
                lead = ends_with_colon.then_some(i);
            }
            continue;
        }
        let Some(l) = lead else { continue };
        let lead_sentence = analysis.sentences[l].clone();
        let item = &mut analysis.sentences[i];
        for theme in &lead_sentence.themes {
            if !item.themes.contains(theme) {
                item.themes.push(*theme);
                item.evidence.push(Evidence {
                    target: theme.id().to_string(),
                    rule: format!("{}/lead-in", theme.id()),
                    start: lead_sentence.start,
                    end: lead_sentence.end,
                    quoted: false,
                });
            }
        }
        for code in book.codes.iter().filter(|c| c.inherit_lead_in && lead_sentence.has_code(&c.id)) {
            if !item.has_code(&code.id) {
                item.codes.push(code.id.clone());
                let from = lead_sentence.evidence.iter().find(|e| e.target == code.id).expect("a code has evidence");
                item.evidence.push(Evidence { rule: format!("{}/lead-in", code.id), ..from.clone() });
                if let Some(t) = code.theme.filter(|t| !item.themes.contains(t)) {
                    item.themes.push(t);
                }
            }
        }
        item.themes.sort();
        item.codes.sort_by_key(|c| book.codes.iter().position(|x| &x.id == c));
    }
}

/// A statement with its analysis and summary.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// Borrowed for the bundled corpus, owned for a reader's own statement.
    pub statement: std::borrow::Cow<'a, Statement>,
    pub analysis: Analysis,
    pub summary: StatementSummary,
}

/// The analysis of a set of statements: per document, the comparison, and what recurs.
#[derive(Debug, Clone)]
pub struct CorpusAnalysis<'a> {
    pub documents: Vec<Document<'a>>,
    pub comparison: Comparison,
    pub recurring: Recurring,
}

impl<'a> CorpusAnalysis<'a> {
    /// The document for a statement id.
    pub fn document(&self, id: &str) -> Option<&Document<'a>> {
        self.documents.iter().find(|d| d.statement.id == id)
    }
}

/// Analyses every statement, compares them and finds recurring talking points.
pub fn analyze_corpus<'a>(statements: &'a [Statement], book: &Codebook) -> CorpusAnalysis<'a> {
    let matcher = Matcher::new(book);
    let documents: Vec<Document<'a>> = statements
        .iter()
        .map(|statement| {
            let analysis = analyze_with(&statement.body, book, &matcher);
            let summary = summary::summarize(statement, &analysis, book);
            Document { statement: std::borrow::Cow::Borrowed(statement), analysis, summary }
        })
        .collect();
    let comparison = summary::compare(&documents, book);
    let recurring = recurring::find(&documents, book);
    CorpusAnalysis { documents, comparison, recurring }
}

impl CorpusAnalysis<'_> {
    /// This analysis plus one more statement, appended last: only the new statement
    /// is analysed; the comparison and the talking points are recomputed over all.
    pub fn with_statement(&self, statement: Statement, book: &Codebook) -> Self {
        let analysis = analyze(&statement.body, book);
        let summary = summary::summarize(&statement, &analysis, book);
        let mut documents = self.documents.clone();
        documents.retain(|d| d.statement.id != statement.id);
        documents.push(Document { statement: std::borrow::Cow::Owned(statement), analysis, summary });
        let comparison = summary::compare(&documents, book);
        let recurring = recurring::find(&documents, book);
        CorpusAnalysis { documents, comparison, recurring }
    }
}

/// The bundled corpus, analysed once.
pub fn bundled() -> &'static CorpusAnalysis<'static> {
    static ANALYSIS: std::sync::OnceLock<CorpusAnalysis<'static>> = std::sync::OnceLock::new();
    ANALYSIS.get_or_init(|| analyze_corpus(&crate::corpus::bundled().statements, Codebook::bundled()))
}
