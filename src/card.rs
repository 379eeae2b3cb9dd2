//! Finding cards: compact embeds that each show one finding of the analysis, for a
//! journalist to place in a paragraph. A card has a factual headline computed from
//! the analysis (counts, never adjectives), one row per statement or theme with
//! verbatim quotes, a source line, and the same view in the full widget.
//!
//! Cards are pure data here; `src/bin/prerender.rs` renders the canonical ones to
//! static pages at build time (readable without JavaScript, no WebAssembly), and the
//! widget's embed builder names them by [`Finding::slug`].

use crate::analysis::{Codebook, CorpusAnalysis, Document, Theme};
use crate::view::{Passage, View};

/// What a card shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// One theme across these statements (date order): each one's frames and a quote.
    Theme { theme: Theme, statements: Vec<String> },
    /// One talking point across the statements that use it, in date order.
    Point { id: String },
    /// One statement's frame profile: each theme's share, frames and a quote.
    Profile { id: String },
}

/// One line of a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// What the row is about: a statement's short title, or a theme's label.
    pub label: String,
    /// A statement's date, or a theme's share of the text.
    pub detail: String,
    /// Frames with their sentence counts ("Lawful access (3)").
    pub items: Vec<String>,
    /// A verbatim quote: its statement, and byte range in that statement's text.
    pub quote: Option<Quote>,
    /// What the rules did not find here, said as such ("not detected by the rules").
    pub note: Option<String>,
}

/// A verbatim stretch of a statement, possibly cut (the cut marked by the renderer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub statement: String,
    pub sentence: usize,
    pub text: String,
    /// The stretch starts after the sentence's start, or ends before its end.
    pub cut_start: bool,
    pub cut_end: bool,
}

/// A card, ready to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub finding: Finding,
    /// A short line above the headline ("Access · 5 statements, 2017–2020").
    pub kicker: String,
    pub headline: String,
    pub rows: Vec<Row>,
    /// Where the texts come from and how they were coded.
    pub source: String,
    /// The same finding in the full widget.
    pub explore: View,
}

/// Longest quote on a card, in characters; longer ones are cut at a word. The card
/// shows as many lines of it as a row has room for (two, clamped by the stylesheet),
/// so a wide column shows more of the same words.
pub const MAX_QUOTE: usize = 180;

impl Finding {
    /// The card's file name without extension: `theme-access`,
    /// `theme-access--rudd-2017+wallace-2017`, `point-c-acc.lawful`, `profile-rudd-2017`.
    pub fn slug(&self, all: &[String]) -> String {
        match self {
            Finding::Theme { theme, statements } if statements.as_slice() == all || statements.is_empty() => {
                format!("theme-{}", theme.id())
            }
            Finding::Theme { theme, statements } => format!("theme-{}--{}", theme.id(), statements.join("+")),
            Finding::Point { id } => format!("point-{id}"),
            Finding::Profile { id } => format!("profile-{id}"),
        }
    }
}

/// The cards built at release time: every theme across every selection of the
/// bundled statements (in date order), every talking point, every statement.
pub fn canonical(data: &CorpusAnalysis) -> Vec<Finding> {
    let ids: Vec<String> = data.documents.iter().map(|d| d.statement.id.clone()).collect();
    let mut out = Vec::new();
    for theme in Theme::ALL {
        for mask in 1u32..(1 << ids.len()) {
            let statements = ids.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, s)| s.clone());
            out.push(Finding::Theme { theme, statements: statements.collect() });
        }
    }
    for tp in data.recurring.passages.iter().chain(&data.recurring.claims) {
        out.push(Finding::Point { id: tp.id.clone() });
    }
    out.extend(ids.into_iter().map(|id| Finding::Profile { id }));
    out
}

/// `a`, `a and b`, `a, b and c`.
fn list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// "Both statements use", "All 5 statements use", "1 of 5 statements uses".
fn share(k: usize, n: usize, verb: &str) -> String {
    let verb = if k == 1 { format!("{verb}s") } else { verb.to_string() };
    match (k, n) {
        (2, 2) => format!("Both statements {verb}"),
        (k, n) if k == n => format!("All {n} statements {verb}"),
        (k, n) => format!("{k} of {n} statements {verb}"),
    }
}

/// `the Rudd letter and the Wallace letter`.
fn the(names: &[&str]) -> String {
    list(&names.iter().map(|n| format!("the {n}")).collect::<Vec<_>>().iter().map(String::as_str).collect::<Vec<_>>())
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn years(docs: &[&Document]) -> String {
    let first = docs.iter().map(|d| d.statement.date.earliest.year).min().unwrap_or_default();
    let last = docs.iter().map(|d| d.statement.date.earliest.year).max().unwrap_or_default();
    if first == last {
        first.to_string()
    } else {
        format!("{first}–{last}")
    }
}

/// A verbatim quote of `text[start..end]` (one sentence), cut at a word when long.
fn quote(d: &Document, sentence: usize, start: usize, end: usize) -> Quote {
    let text = &d.statement.body.text;
    let s = &d.analysis.sentences[sentence];
    let mut stop = end;
    if text[start..end].chars().count() > MAX_QUOTE {
        let limit = text[start..].char_indices().nth(MAX_QUOTE).map_or(end, |(i, _)| start + i);
        stop = text[start..limit].rfind(' ').map_or(limit, |i| start + i);
    }
    let piece = text[start..stop].trim_end_matches([',', ';', ':', ' ']);
    Quote {
        statement: d.statement.id.clone(),
        sentence,
        text: piece.to_string(),
        cut_start: start > s.start,
        cut_end: start + piece.len() < s.end,
    }
}

/// Most frames listed in a row of a card with `rows` rows; the rest are counted
/// ("+2") and shown in full in the comparison.
fn max_items(rows: usize) -> usize {
    if rows > 3 {
        2
    } else {
        3
    }
}

fn frames_of(frames: &[(crate::analysis::CodeId, usize)], book: &Codebook, max: usize) -> Vec<String> {
    let mut items: Vec<String> =
        frames.iter().take(max).map(|(code, k)| format!("{} ({k})", book.codes[code.index()].label)).collect();
    if frames.len() > max {
        items.push(format!("+{}", frames.len() - max));
    }
    items
}

/// The strongest of a theme's quotes that fits whole in [`MAX_QUOTE`] characters, or the
/// strongest, cut.
fn best_quote(d: &Document, ranked: &[usize]) -> Option<Quote> {
    let len = |i: usize| {
        let s = &d.analysis.sentences[i];
        d.statement.body.text[s.start..s.end].chars().count()
    };
    let i = ranked.iter().copied().find(|&i| len(i) <= MAX_QUOTE).or_else(|| ranked.first().copied())?;
    let s = &d.analysis.sentences[i];
    Some(quote(d, i, s.start, s.end))
}

fn source_line(docs: &[&Document]) -> String {
    let whose = if docs.iter().all(|d| d.statement.kind != crate::corpus::Kind::UserSupplied) {
        "UK Home Office and Five Eyes statements"
    } else {
        "Statements"
    };
    format!("{whose}, quoted verbatim. Frames (sentences) found by published rules; an absence means “not detected”.")
}

/// Builds the card for a finding; `None` when it names nothing that exists.
pub fn build(finding: &Finding, data: &CorpusAnalysis, book: &Codebook) -> Option<Card> {
    match finding {
        Finding::Theme { theme, statements } => theme_card(finding, *theme, statements, data, book),
        Finding::Point { id } => point_card(finding, id, data),
        Finding::Profile { id } => profile_card(finding, id, data, book),
    }
}

fn theme_card(finding: &Finding, theme: Theme, ids: &[String], data: &CorpusAnalysis, book: &Codebook) -> Option<Card> {
    let docs: Vec<&Document> = if ids.is_empty() {
        data.documents.iter().collect()
    } else {
        ids.iter().map(|id| data.document(id)).collect::<Option<_>>()?
    };
    if docs.is_empty() {
        return None;
    }
    let n = docs.len();
    // Which of the chosen statements use each frame of the theme (codebook order).
    let uses: Vec<(&str, Vec<&str>)> = book
        .code_ids()
        .filter(|(_, c)| c.theme == Some(theme))
        .map(|(id, c)| {
            let users = docs
                .iter()
                .filter(|d| d.summary.theme(theme).frames.iter().any(|(f, _)| *f == id))
                .map(|d| d.statement.short_title.as_str())
                .collect();
            (c.label.as_str(), users)
        })
        .collect();
    let most = uses.iter().max_by_key(|(_, u)| u.len()).filter(|(_, u)| !u.is_empty());
    let headline = match most {
        None => format!(
            "The rules detect none of the {} frames in these {}",
            theme.label().to_ascii_lowercase(),
            plural(n, "statement", "statements")
        ),
        Some((label, users)) => {
            let mut h = if n == 1 {
                format!("The {} uses the frame “{label}”", users[0])
            } else {
                format!("{} the frame “{label}”", share(users.len(), n, "use"))
            };
            // The least shared frame that some statements use, named when only one or two do.
            let rare = uses
                .iter()
                .filter(|(l, u)| !u.is_empty() && u.len() < users.len() && l != label)
                .min_by_key(|(_, u)| u.len());
            if let Some((l, u)) = rare.filter(|(_, u)| u.len() <= 2) {
                h.push_str(&format!("; only {} {} “{l}”", the(u), if u.len() == 1 { "uses" } else { "use" }));
            }
            h
        }
    };
    let rows = docs
        .iter()
        .map(|d| {
            let t = d.summary.theme(theme);
            let items = frames_of(&t.frames, book, max_items(docs.len()));
            let quote = best_quote(d, &t.quotes);
            let note = if t.sentences == 0 {
                Some(format!("Not detected by the rules: no sentence about {}.", theme.label().to_ascii_lowercase()))
            } else if t.frames.is_empty() {
                Some("Addresses it; no frame detected by the rules.".to_string())
            } else {
                None
            };
            Row { label: d.statement.short_title.clone(), detail: d.statement.date.short_label(), items, quote, note }
        })
        .collect();
    let statements = if docs.len() == data.documents.len() { Vec::new() } else { ids.to_vec() };
    Some(Card {
        finding: finding.clone(),
        kicker: format!("{} · {}, {}", theme.label(), plural(n, "statement", "statements"), years(&docs)),
        headline,
        rows,
        source: source_line(&docs),
        explore: View::Compare { statements, theme: Some(theme) },
    })
}

fn point_card(finding: &Finding, id: &str, data: &CorpusAnalysis) -> Option<Card> {
    let tp = data.recurring.get(id)?;
    let mut rows = Vec::new();
    let mut docs: Vec<&Document> = Vec::new();
    // One row per statement, in date order: its first occurrence in its own words (a
    // quoted question it answers is someone else's), else its first.
    let own = |o: &&crate::analysis::Occurrence| {
        let d = data.document(&o.doc);
        let block =
            d.and_then(|d| o.sentences.first().map(|&i| &d.statement.body.blocks[d.analysis.sentences[i].block]));
        !block.is_some_and(|b| matches!(b.kind, crate::corpus::BlockKind::Quote))
    };
    for o in &tp.occurrences {
        let d = data.document(&o.doc)?;
        if docs.iter().any(|x| x.statement.id == d.statement.id) {
            continue;
        }
        let same: Vec<&crate::analysis::Occurrence> = tp.occurrences.iter().filter(|x| x.doc == o.doc).collect();
        let o = same.iter().copied().find(own).unwrap_or(o);
        docs.push(d);
        let first = *o.sentences.first()?;
        let s = &d.analysis.sentences[first];
        // A passage is quoted as the words that recur; a claim as its whole sentence.
        let (mut a, b) = if tp.code.is_some() { (s.start, s.end) } else { (o.start.max(s.start), o.end.min(s.end)) };
        // A claim's words may come late in a long sentence: start the quote a little
        // before them, at a word, so the cut keeps what makes the claim.
        if let Some(code) = tp.code {
            let at =
                s.evidence.iter().filter(|e| e.target == crate::analysis::Target::Code(code)).map(|e| e.start).min();
            if let Some(at) = at.filter(|&at| d.statement.body.text[a..at].chars().count() > 60) {
                let text = &d.statement.body.text;
                let back = text[a..at].char_indices().rev().nth(40).map_or(a, |(i, _)| a + i);
                a = text[back..at].find(' ').map_or(back, |i| back + i + 1);
            }
        }
        let quoted = !own(&o);
        rows.push(Row {
            label: d.statement.short_title.clone(),
            detail: d.statement.date.short_label(),
            items: Vec::new(),
            quote: Some(quote(d, first, a, b)),
            note: quoted.then(|| "Quoted from the question it answers, not its own words.".to_string()),
        });
    }
    let k = docs.len();
    let n = data.documents.len();
    let names: Vec<&str> = docs.iter().map(|d| d.statement.short_title.as_str()).collect();
    let headline = match &tp.code {
        Some(_) => format!("{} the claim “{}”, {}", share(k, n, "make"), tp.label, years(&docs)),
        None => format!("The same words appear in {}, {}", the(&names), years(&docs)),
    };
    Some(Card {
        finding: finding.clone(),
        kicker: format!("Talking point · {}", plural(k, "statement", "statements")),
        headline,
        rows,
        source: source_line(&docs),
        explore: View::TalkingPoints { selected: Some(tp.id.clone()) },
    })
}

fn profile_card(finding: &Finding, id: &str, data: &CorpusAnalysis, book: &Codebook) -> Option<Card> {
    let d = data.document(id)?;
    let shares: Vec<String> = Theme::ALL
        .iter()
        .enumerate()
        .map(|(i, &t)| {
            let p = d.summary.theme(t).percent(d.summary.words);
            let verb = if i == 0 { " addresses " } else { " " };
            format!("{p}%{verb}{}", t.label().to_ascii_lowercase())
        })
        .collect();
    let frames: usize = Theme::ALL.iter().map(|&t| d.summary.theme(t).frames.len()).sum();
    let all_frames = book.codes.iter().filter(|c| c.theme.is_some()).count();
    let headline = format!(
        "Of the {}’s text, {}; the rules detect {} of the {all_frames} frames",
        d.statement.short_title,
        list(&shares.iter().map(String::as_str).collect::<Vec<_>>()),
        frames
    );
    let rows = Theme::ALL
        .iter()
        .map(|&t| {
            let s = d.summary.theme(t);
            let items = frames_of(&s.frames, book, max_items(3));
            let quote = best_quote(d, &s.quotes);
            let note = (s.sentences == 0).then(|| "Not detected by the rules.".to_string());
            Row {
                label: t.label().to_string(),
                detail: format!("{}% of the text", s.percent(d.summary.words)),
                items,
                quote,
                note,
            }
        })
        .collect();
    Some(Card {
        finding: finding.clone(),
        kicker: format!("{} · {}", d.statement.short_title, d.statement.date.short_label()),
        headline,
        rows,
        source: source_line(&[d]),
        explore: View::Read { ids: vec![d.statement.id.clone()], theme: None, at: None },
    })
}

/// The full-widget view of a quote (its sentence opened in the reader).
pub fn quote_view(q: &Quote) -> View {
    View::Read {
        ids: vec![q.statement.clone()],
        theme: None,
        at: Some(Passage { id: q.statement.clone(), sentence: q.sentence }),
    }
}
