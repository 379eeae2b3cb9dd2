//! Per statement and theme: how much addresses it, its dominant frames, its key
//! quotes; across statements: which frames each uses and which it never uses.

use super::{Analysis, CodeId, Codebook, Document, Sentence, Target, Theme};
use crate::corpus::Statement;

/// How one statement treats one theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeSummary {
    pub theme: Theme,
    /// Sentences (headings excluded) that address the theme.
    pub sentences: usize,
    /// Their words, out of [`StatementSummary::words`].
    pub words: usize,
    /// The theme's codes this statement uses, most frequent first: (code, sentences).
    pub frames: Vec<(CodeId, usize)>,
    /// Indices into `Analysis::sentences` of the strongest quotes, best first (at most 3).
    pub quotes: Vec<usize>,
}

impl ThemeSummary {
    /// Share of the statement's words in sentences that address the theme, 0–100.
    pub fn percent(&self, total_words: usize) -> u32 {
        if total_words == 0 {
            return 0;
        }
        ((self.words * 100 + total_words / 2) / total_words) as u32
    }
}

/// How one statement treats each theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementSummary {
    /// Non-heading sentences and their words.
    pub sentences: usize,
    pub words: usize,
    /// One entry per theme, in `Theme::ALL` order.
    pub themes: Vec<ThemeSummary>,
}

impl StatementSummary {
    /// The summary of one theme.
    pub fn theme(&self, theme: Theme) -> &ThemeSummary {
        self.themes.iter().find(|t| t.theme == theme).expect("every theme is summarized")
    }
}

/// Ranks a sentence as a quote for `theme`: more distinct frames of the theme first,
/// then the statement's own words over quoted ones, then concision.
fn quote_score(s: &Sentence, theme: Theme, book: &Codebook) -> i64 {
    let frames = s.codes.iter().filter(|&&c| book[c].theme == Some(theme)).count() as i64;
    let own_words =
        s.evidence.iter().any(|e| !e.quoted && matches!(e.target, Target::Code(c) if book[c].theme == Some(theme)));
    let long = s.words > 55;
    frames * 4 + i64::from(own_words) * 2 - i64::from(long) * 3
}

/// Summarizes one analysed statement.
pub fn summarize(statement: &Statement, analysis: &Analysis, book: &Codebook) -> StatementSummary {
    // Key quotes are the statement's own words: a quoted block (the question a written
    // answer replies to) counts towards coverage but is never offered as its quote.
    let own_voice = |s: &Sentence| {
        !matches!(statement.body.blocks.get(s.block).map(|b| b.kind), Some(crate::corpus::BlockKind::Quote))
    };
    let body: Vec<(usize, &Sentence)> = analysis.sentences.iter().enumerate().filter(|(_, s)| !s.heading).collect();
    let themes = Theme::ALL
        .into_iter()
        .map(|theme| {
            let with: Vec<(usize, &Sentence)> =
                body.iter().copied().filter(|(_, s)| s.themes.contains(&theme)).collect();
            let mut frames: Vec<(CodeId, usize)> = book
                .code_ids()
                .filter(|(_, c)| c.theme == Some(theme))
                .map(|(id, _)| (id, with.iter().filter(|(_, s)| s.has_code(id)).count()))
                .filter(|(_, n)| *n > 0)
                .collect();
            crate::order::sort_by_key(&mut frames, |f| std::cmp::Reverse(f.1));
            let mut ranked: Vec<(i64, usize)> =
                with.iter().filter(|(_, s)| own_voice(s)).map(|&(i, s)| (quote_score(s, theme, book), i)).collect();
            crate::order::sort_by(&mut ranked, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            ThemeSummary {
                theme,
                sentences: with.len(),
                words: with.iter().map(|(_, s)| s.words).sum(),
                frames,
                quotes: ranked.into_iter().take(3).map(|(_, i)| i).collect(),
            }
        })
        .collect();
    StatementSummary { sentences: body.len(), words: body.iter().map(|(_, s)| s.words).sum(), themes }
}

/// Which statements use a code, and which never do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeUse {
    pub code: CodeId,
    /// (statement id, sentences using the code), in corpus order.
    pub used_by: Vec<(String, usize)>,
    /// Statements that never use the code: an absence is a finding.
    pub absent_from: Vec<String>,
}

/// Per theme, every code's use across statements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub themes: Vec<(Theme, Vec<CodeUse>)>,
    /// The cross-cutting devices (`dev.*`).
    pub devices: Vec<CodeUse>,
}

/// Compares analysed statements code by code.
pub fn compare(documents: &[Document], book: &Codebook) -> Comparison {
    let code_use = |code: CodeId| {
        let mut used_by = Vec::new();
        let mut absent_from = Vec::new();
        for d in documents {
            let n = d.analysis.sentences.iter().filter(|s| s.has_code(code)).count();
            if n > 0 {
                used_by.push((d.statement.id.clone(), n));
            } else {
                absent_from.push(d.statement.id.clone());
            }
        }
        CodeUse { code, used_by, absent_from }
    };
    Comparison {
        themes: Theme::ALL
            .into_iter()
            .map(|t| (t, book.code_ids().filter(|(_, c)| c.theme == Some(t)).map(|(id, _)| code_use(id)).collect()))
            .collect(),
        devices: book.code_ids().filter(|(_, c)| c.theme.is_none()).map(|(id, _)| code_use(id)).collect(),
    }
}
