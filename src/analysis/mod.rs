//! Framing analysis: which sentences of a statement address encryption, access and
//! privacy, with which frames (codes), on what evidence, and what recurs across
//! statements. Pure Rust: the CLI, the tests, the benchmarks and the widget all
//! call [`analyze`] / [`analyze_corpus`].

pub mod codebook;
pub mod context;
pub mod eval;
pub mod export;
pub mod matcher;
pub mod pattern;
pub mod quantity;
pub mod recurring;
pub mod segment;
pub mod summary;
pub mod tokens;
pub mod wire;

use crate::corpus::{Body, Statement};
pub use codebook::{Code, CodeId, Codebook, Target, Theme};
use matcher::Matcher;
pub use recurring::{Occurrence, Recurring, TalkingPoint};
pub use summary::{Comparison, StatementSummary, ThemeSummary};

/// Where a label came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// A rule of the codebook matched the words: index into the target's rules
    /// ([`Codebook::rules_of`]: a theme's cues, or a code's rules).
    Rule(u16),
    /// A list item continues the sentence introducing its list (index into
    /// `Analysis::sentences`), whose words are the evidence.
    LeadIn { sentence: usize },
    /// A rule matched once an anaphor ("it", "these technologies") was read as
    /// the topic of the sentence it continues (index into `Analysis::sentences`);
    /// the evidence is this sentence's words, the anaphor among them.
    Context { sentence: usize, rule: u16 },
}

/// Why a sentence carries a theme or code: where the label came from and the words behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The theme (a cue matched) or code the evidence is for.
    pub target: Target,
    pub source: Source,
    /// Byte offsets of the matched words in the body text.
    pub start: usize,
    pub end: usize,
    /// The words were inside a quotation (someone else's words, quoted).
    pub quoted: bool,
}

impl Evidence {
    /// The rule that matched, if a rule did.
    pub fn rule<'b>(&self, book: &'b Codebook) -> Option<&'b codebook::Rule> {
        match self.source {
            Source::Rule(i) | Source::Context { rule: i, .. } => book.rules_of(self.target).get(usize::from(i)),
            Source::LeadIn { .. } => None,
        }
    }

    /// The rule id as exports write it: `<code or theme>/<name>`, or
    /// `<code or theme>/lead-in` for a label carried over from a list's lead-in.
    pub fn rule_id(&self, book: &Codebook) -> String {
        let name = match self.source {
            Source::Rule(_) | Source::Context { .. } => {
                return self.rule(book).map(|r| r.id.clone()).unwrap_or_default()
            }
            Source::LeadIn { .. } => "lead-in",
        };
        format!("{}/{name}", book.target_id(self.target))
    }
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
    /// Codes in codebook order.
    pub codes: Vec<CodeId>,
    pub evidence: Vec<Evidence>,
    /// Number of words, for shares and ranking.
    pub words: usize,
}

impl Sentence {
    /// Whether the sentence carries `code`.
    pub fn has_code(&self, code: CodeId) -> bool {
        self.codes.contains(&code)
    }

    /// Adds a label (and the theme it implies) unless the sentence has it;
    /// returns whether it was new.
    fn add(&mut self, book: &Codebook, target: Target) -> bool {
        let new = match target {
            Target::Theme(t) => !self.themes.contains(&t),
            Target::Code(c) => !self.codes.contains(&c),
        };
        if let (Target::Code(c), true) = (target, new) {
            let at = self.codes.partition_point(|&x| x < c);
            self.codes.insert(at, c);
        }
        if let Some(t) = book.target_theme(target).filter(|t| !self.themes.contains(t)) {
            let at = self.themes.partition_point(|&x| x < t);
            self.themes.insert(at, t);
        }
        new
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
    let mut sentences: Vec<Sentence> = Vec::new();
    // The previous sentence's topic word, for context carry-over.
    let mut topic: Option<(usize, context::Topic)> = None;
    for (index, span) in segment::sentences(body).into_iter().enumerate() {
        let text = &body.text[span.start..span.end];
        let mut tokens = tokens::tokenize(text);
        words.record(index, span.start, span.heading, &tokens);
        let mut hits: Vec<(matcher::Hit, Source)> =
            matcher.hits(&tokens).into_iter().map(|h| (h, Source::Rule(h.index))).collect();
        // A sentence continues the previous one in its paragraph; opening a paragraph, it
        // continues the previous paragraph after a connective ("However, …") or through a
        // noun anaphor ("this technology", "these powers"), which names what it refers
        // back to more plainly than a bare "it".
        let continues = topic.take().and_then(|(prev, topic)| {
            let anaphors = matcher.anaphors(&tokens);
            let continues = sentences[prev].block == span.block
                || matcher.opens_with_connective(&tokens)
                || anaphors.iter().any(|&(first, last)| last > first);
            continues.then_some((prev, topic, anaphors))
        });
        if let Some((prev, topic, anaphors)) = continues {
            context::resolve(&mut tokens, &anaphors, &topic);
            if let Some(&(first, last)) = anaphors.first() {
                let mut more: Vec<matcher::Hit> = matcher
                    .hits(&tokens)
                    .into_iter()
                    .filter(|h| h.via_alias && !hits.iter().any(|(o, _)| std::ptr::eq(o.rule, h.rule)))
                    .collect();
                // The anaphor carries the topic's theme even when the cue that found it
                // there spans words the anaphor does not ("scanning content" → "this power").
                let target = Target::Theme(topic.theme);
                let has_theme = hits.iter().map(|(h, _)| h).chain(&more).any(|h| h.target == target);
                if !has_theme {
                    let rule = &book.rules_of(target)[usize::from(topic.cue)];
                    more.push(matcher::Hit { target, index: topic.cue, rule, first, last, via_alias: true });
                }
                hits.extend(more.into_iter().map(|h| (h, Source::Context { sentence: prev, rule: h.index })));
            }
        }
        crate::order::sort_by_key(&mut hits, |(h, _)| (h.target, h.first));
        topic = context::topic(&tokens, hits.iter().map(|(h, _)| h)).map(|w| (index, w));
        let mut sentence = Sentence {
            start: span.start,
            end: span.end,
            block: span.block,
            heading: span.heading,
            themes: Vec::new(),
            codes: Vec::new(),
            evidence: Vec::with_capacity(hits.len()),
            words: tokens.len(),
        };
        for (h, source) in &hits {
            sentence.add(book, h.target);
            sentence.evidence.push(Evidence {
                target: h.target,
                source: *source,
                start: span.start + tokens[h.first].start,
                end: span.start + tokens[h.last].end,
                quoted: tokens[h.first].quoted,
            });
        }
        sentences.push(sentence);
    }
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
        let source = Source::LeadIn { sentence: l };
        for &theme in &lead_sentence.themes {
            if item.add(book, Target::Theme(theme)) {
                let (start, end) = (lead_sentence.start, lead_sentence.end);
                item.evidence.push(Evidence { target: Target::Theme(theme), source, start, end, quoted: false });
            }
        }
        for &code in lead_sentence.codes.iter().filter(|&&c| book[c].inherit_lead_in) {
            let target = Target::Code(code);
            if item.add(book, target) {
                let from = lead_sentence.evidence.iter().find(|e| e.target == target).expect("a code has evidence");
                item.evidence.push(Evidence { source, ..from.clone() });
            }
        }
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

impl<'a> CorpusAnalysis<'a> {
    /// This analysis plus one more statement, appended last: only the new statement
    /// is analysed; the comparison and the talking points are recomputed over all.
    pub fn with_statement(&self, statement: Statement, book: &Codebook) -> Self {
        let analysis = analyze(&statement.body, book);
        let documents = self.joined(statement, analysis, book);
        let comparison = summary::compare(&documents, book);
        let recurring = recurring::find(&documents, book);
        CorpusAnalysis { documents, comparison, recurring }
    }

    /// The documents with `statement` (and its analysis) appended last, replacing one
    /// with the same id.
    pub(crate) fn joined(&self, statement: Statement, analysis: Analysis, book: &Codebook) -> Vec<Document<'a>> {
        let summary = summary::summarize(&statement, &analysis, book);
        let mut documents = self.documents.clone();
        documents.retain(|d| d.statement.id != statement.id);
        documents.push(Document { statement: std::borrow::Cow::Owned(statement), analysis, summary });
        documents
    }
}

/// The bundled corpus's analysis as the hosted build carries it (`make precompute`
/// writes it; a native test checks that it is today's).
#[cfg(feature = "precomputed")]
const PRECOMPUTED: &[u8] = include_bytes!("../../corpus/analysis.bin");

/// The bundled corpus, analysed once: in the hosted build (feature `precomputed`) read
/// from the analysis the build carries, so the engine that analyses text is needed only
/// for a reader's own statement; elsewhere analysed here ([`computed`]). The two are the
/// same but for the word hashes, which only [`with_bundled`] needs.
pub fn bundled() -> &'static CorpusAnalysis<'static> {
    #[cfg(feature = "precomputed")]
    {
        static ANALYSIS: std::sync::OnceLock<CorpusAnalysis<'static>> = std::sync::OnceLock::new();
        ANALYSIS.get_or_init(|| {
            wire::decode_corpus(PRECOMPUTED, &crate::corpus::bundled().statements, Codebook::bundled())
                .expect("corpus/analysis.bin is this build's analysis (make precompute)")
        })
    }
    #[cfg(not(feature = "precomputed"))]
    computed()
}

/// The bundled corpus analysed here, once, with the word hashes the talking points are found from.
pub fn computed() -> &'static CorpusAnalysis<'static> {
    static ANALYSIS: std::sync::OnceLock<CorpusAnalysis<'static>> = std::sync::OnceLock::new();
    ANALYSIS.get_or_init(|| analyze_corpus(&crate::corpus::bundled().statements, Codebook::matching()))
}

/// The bundled corpus with `statement` analysed beside it (the statement engine).
pub fn with_bundled(statement: Statement) -> CorpusAnalysis<'static> {
    computed().with_statement(statement, Codebook::matching())
}
