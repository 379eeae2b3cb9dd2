//! Search across statements: case-insensitive, results as sentences in context.

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

fn fold(c: char) -> char {
    match c {
        '’' | '‘' => '\'',
        '“' | '”' => '"',
        '–' | '—' => '-',
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Byte ranges in `hay` where `needle` occurs, ignoring case and quote/dash style.
pub fn find_all(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    let needle: Vec<char> = needle.chars().map(fold).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = hay.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= chars.len() {
        if chars[i..i + needle.len()].iter().zip(&needle).all(|(&(_, c), &n)| fold(c) == n) {
            let end = chars.get(i + needle.len()).map_or(hay.len(), |&(b, _)| b);
            out.push((chars[i].0, end));
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

/// Sentences containing `query`, in corpus order; `(hits, total)`.
pub fn search(analysis: &CorpusAnalysis, query: &str) -> (Vec<Hit>, usize) {
    let query = query.trim();
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

    #[test]
    fn case_and_typography_insensitive_with_original_offsets() {
        let hay = "Facebook’s plan. FACEBOOK's other plan.";
        let found = find_all(hay, "facebook's");
        assert_eq!(found.len(), 2);
        assert_eq!(&hay[found[0].0..found[0].1], "Facebook’s");
        assert!(find_all(hay, "").is_empty());
        assert!(find_all("ab", "abc").is_empty());
    }

    #[test]
    fn searches_the_corpus() {
        let (hits, total) = search(crate::analysis::bundled(), "backdoor");
        assert_eq!(total, hits.len());
        let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["rudd-2017", "wallace-2017"]);
    }
}
