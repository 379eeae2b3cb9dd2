//! Search across statements, the way people type: results are sentences in context,
//! with the matched words' offsets into the original text.
//!
//! A query is a list of phrases, all of which a sentence must contain. Quoted text
//! (`"lawful access"`, `“lawful access”`) is one phrase, matched word for word; the
//! words between quotes form a phrase too, matched by stem (`backdoor` finds
//! "backdoors", `encrypting` finds "encrypted"). A word ending in `*` is a prefix
//! (`encrypt*`). Case, apostrophes and quote marks (`'` `’`), and the separators
//! between words (spaces, hyphens, dashes) do not matter: `end to end` finds
//! "end-to-end" and "end–to–end".

use crate::analysis::tokens::stem;
use crate::analysis::CorpusAnalysis;

/// One matching sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub id: String,
    pub sentence: usize,
    /// Byte ranges of the matches within the statement's body text.
    pub matches: Vec<(usize, usize)>,
}

/// Most results returned; the UI says when there were more.
pub const MAX_HITS: usize = 200;

/// A word of a text: its byte range and folded form (lowercase, one apostrophe).
#[derive(Debug)]
struct Word {
    start: usize,
    end: usize,
    folded: String,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '′' | '`')
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '″' | '«' | '»')
}

/// The words of `text`: runs of letters and digits, joined across an apostrophe
/// between letters ("Facebook’s", "don't"). Everything else separates words.
fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut current: Option<Word> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        if c.is_alphanumeric() {
            let w = current.get_or_insert_with(|| Word { start: i, end, folded: String::new() });
            w.folded.extend(c.to_lowercase());
            w.end = end;
        } else if is_apostrophe(c) && current.is_some() && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric()) {
            let w = current.as_mut().expect("checked");
            w.folded.push('\'');
            w.end = end;
        } else if let Some(w) = current.take() {
            out.push(w);
        }
    }
    out.extend(current);
    out
}

/// One query word.
#[derive(Debug, PartialEq)]
enum Term {
    /// Matches a text word with the same folded form, or (unquoted) the same stem.
    Word { folded: String, stem: Option<String> },
    /// `word*`: matches text words beginning with it.
    Prefix(String),
}

impl Term {
    fn matches(&self, w: &Word) -> bool {
        match self {
            Term::Word { folded, stem: s } => &w.folded == folded || s.as_ref().is_some_and(|s| *s == stem(&w.folded)),
            Term::Prefix(p) => w.folded.starts_with(p.as_str()),
        }
    }
}

/// The phrases of a query; a sentence must contain each.
fn phrases(query: &str) -> Vec<Vec<Term>> {
    let mut out = Vec::new();
    for (n, segment) in query.split(is_quote).enumerate() {
        let quoted = n % 2 == 1;
        let phrase: Vec<Term> = words(segment)
            .into_iter()
            .map(|w| {
                if segment[w.end..].starts_with('*') {
                    Term::Prefix(w.folded)
                } else {
                    let stem = (!quoted).then(|| stem(&w.folded));
                    Term::Word { folded: w.folded, stem }
                }
            })
            .collect();
        if !phrase.is_empty() {
            out.push(phrase);
        }
    }
    out
}

/// What may stand between two words of a phrase: spaces, hyphens and dashes (not
/// punctuation that ends a clause).
fn joins(gap: &str) -> bool {
    gap.chars().all(|c| c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '/'))
}

/// Byte ranges of every occurrence of `phrase` in `words` (consecutive words of `hay`).
fn occurrences(phrase: &[Term], hay: &str, words: &[Word]) -> Vec<(usize, usize)> {
    let n = phrase.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i + n <= words.len() {
        let run = &words[i..i + n];
        if phrase.iter().zip(run).all(|(t, w)| t.matches(w))
            && run.windows(2).all(|p| joins(&hay[p[0].end..p[1].start]))
        {
            out.push((words[i].start, words[i + n - 1].end));
            i += n;
        } else {
            i += 1;
        }
    }
    out
}

/// Byte ranges in `hay` matching `query`, or nothing unless every phrase occurs.
pub fn find_all(hay: &str, query: &str) -> Vec<(usize, usize)> {
    let phrases = phrases(query);
    if phrases.is_empty() {
        return Vec::new();
    }
    let words = words(hay);
    let mut spans = Vec::new();
    for p in &phrases {
        let found = occurrences(p, hay, &words);
        if found.is_empty() {
            return Vec::new();
        }
        spans.extend(found);
    }
    crate::order::sort(&mut spans);
    // Phrases may overlap ("end to end" and "end*"): keep disjoint, merged ranges.
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (a, b) in spans {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// Sentences matching `query`, in corpus order; `(hits, total)`.
pub fn search(analysis: &CorpusAnalysis, query: &str) -> (Vec<Hit>, usize) {
    let mut hits = Vec::new();
    let mut total = 0;
    for d in &analysis.documents {
        let text = &d.statement.body.text;
        for (i, s) in d.analysis.sentences.iter().enumerate() {
            let matches: Vec<(usize, usize)> =
                find_all(&text[s.start..s.end], query).into_iter().map(|(a, b)| (s.start + a, s.start + b)).collect();
            if !matches.is_empty() {
                total += 1;
                if hits.len() < MAX_HITS {
                    hits.push(Hit { id: d.statement.id.clone(), sentence: i, matches });
                }
            }
        }
    }
    (hits, total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(hay: &'a str, query: &str) -> Vec<&'a str> {
        find_all(hay, query).into_iter().map(|(a, b)| &hay[a..b]).collect()
    }

    #[test]
    fn case_and_typography_insensitive_with_original_offsets() {
        let hay = "Facebook’s plan. FACEBOOK's other plan.";
        assert_eq!(found(hay, "facebook's"), ["Facebook’s", "FACEBOOK's"]);
        assert_eq!(found(hay, "facebook’s"), ["Facebook’s", "FACEBOOK's"]);
        assert!(find_all(hay, "").is_empty());
        assert!(find_all(hay, "  \"\" * ").is_empty());
        assert!(find_all("ab", "abc").is_empty());
    }

    #[test]
    fn separators_hyphens_and_dashes_are_equivalent() {
        let hay = "Use end-to-end encryption; end–to–end again, and end to end.";
        let expected = ["end-to-end", "end–to–end", "end to end"];
        for q in ["end to end", "end-to-end", "end–to–end", "End—To—End", "\"end to end\""] {
            assert_eq!(found(hay, q), expected, "{q}");
        }
    }

    #[test]
    fn stems_prefixes_phrases_and_every_phrase_must_occur() {
        let hay = "Backdoors were built; encrypted services encrypt everything.";
        assert_eq!(found(hay, "backdoor"), ["Backdoors"]);
        assert_eq!(found(hay, "encrypting"), ["encrypted", "encrypt"]);
        assert_eq!(found(hay, "encrypt*"), ["encrypted", "encrypt"]);
        assert_eq!(found(hay, "serv*"), ["services"]);
        // A quoted phrase is matched word for word, not by stem.
        assert!(find_all(hay, "\"backdoor were\"").is_empty());
        assert_eq!(found(hay, "“backdoors were”"), ["Backdoors were"]);
        // Words outside quotes form a phrase too, and every phrase must occur.
        assert!(find_all(hay, "built encrypted").is_empty());
        assert_eq!(found(hay, "\"were built\" everything"), ["were built", "everything"]);
        assert!(find_all(hay, "\"were built\" nowhere").is_empty());
        // Word boundaries: a word is not found inside another.
        assert!(find_all("cryptography", "graph").is_empty());
    }

    #[test]
    fn searches_the_corpus() {
        let (hits, total) = search(crate::analysis::bundled(), "backdoor");
        assert_eq!(total, hits.len());
        let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["rudd-2017", "wallace-2017"]);
        let hyphen = search(crate::analysis::bundled(), "end-to-end").0;
        assert!(!hyphen.is_empty());
        assert_eq!(search(crate::analysis::bundled(), "end to end").0, hyphen);
    }
}
