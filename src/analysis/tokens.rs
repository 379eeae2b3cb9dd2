//! Word tokens of a sentence: offsets, lowercase form, stem, whether each sits
//! inside a quotation or opens a clause.
//!
//! Words are runs of alphanumeric characters, with inner apostrophes kept
//! ("don't", "Facebook's") and hyphens splitting ("end-to-end" is three tokens, so
//! a rule for "end to end" matches both spellings the corpus uses).

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

/// One word of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offsets into the text that was tokenized.
    pub start: usize,
    pub end: usize,
    /// Lowercase, with typographic apostrophes made plain and a possessive `'s` removed.
    pub lower: String,
    /// The Snowball English stem of `lower`.
    pub stem: String,
    /// Inside a quotation (double quotes, or single quotes that open at a word start).
    pub quoted: bool,
    /// A clause break (`,` `;` `:` `–` `(` or a sentence start) precedes this token.
    pub clause_start: bool,
    /// For an anaphor ("it", "these technologies"): the word it stands for, as
    /// (lowercase, stem), taken from the sentence it continues.
    pub alias: Option<(String, String)>,
    /// Part of a name: a run of two or more capitalised words, with "of", "for",
    /// "and", "the", "on", "&" between them ("Global Encryption Coalition",
    /// "European Data Protection Board"). A name is not a topic.
    pub name: bool,
    /// Directly preceded by punctuation, with no space: a footnote marker ("age”.1")
    /// or the tail of "16.8" or "2,500".
    pub glued: bool,
    /// A number that marks a list item or a numbered section, not a quantity: opening
    /// the sentence before a full stop or bracket ("1. Definitions", "2.1. Grants",
    /// "3) Scope"), or alone in brackets ("(1) assert copyright").
    pub enumerator: bool,
    /// Written with a capital initial ("Ofcom", "ASIO", "Europol").
    pub capital: bool,
}

impl Token {
    /// Written in digits only ("2017", "999"): the tokenizer splits "2,500" and "16.8" at
    /// the punctuation, so each part is such a number.
    pub fn is_number(&self) -> bool {
        is_digits(&self.lower)
    }
}

/// A non-empty run of ASCII digits.
pub fn is_digits(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit())
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Stems one lowercase word. A small per-thread cache skips the Snowball
/// algorithm for words already seen (statements reuse their vocabulary heavily);
/// it is cleared when full so that a huge pasted text cannot grow it without bound.
pub fn stem(word: &str) -> String {
    const MAX_CACHED: usize = 20_000;
    thread_local! {
        static CACHE: std::cell::RefCell<std::collections::HashMap<String, String>> = Default::default();
    }
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(s) = cache.get(word) {
            return s.clone();
        }
        let s = stemmer().stem(word).into_owned();
        if cache.len() >= MAX_CACHED {
            cache.clear();
        }
        cache.insert(word.to_string(), s.clone());
        s
    })
}

/// Tokenizes `text`.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut double_quote = false;
    let mut single_quote = false;
    let mut clause_break = true;
    let mut word_start: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((pos, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        let inner_apostrophe = matches!(c, '\'' | '’')
            && word_start.is_some()
            && next.is_some_and(char::is_alphanumeric)
            && prev.is_some_and(char::is_alphanumeric);
        if c.is_alphanumeric() || inner_apostrophe {
            word_start.get_or_insert(pos);
        } else {
            if let Some(s) = word_start.take() {
                out.push(token(text, s, pos, double_quote || single_quote, clause_break));
                clause_break = false;
            }
            match c {
                '“' => double_quote = true,
                '”' => double_quote = false,
                '"' => double_quote = !double_quote,
                '‘' => single_quote = true,
                '\'' | '’' if prev.is_none_or(|p| p.is_whitespace()) => single_quote = true,
                '\'' | '’' if single_quote && next.is_none_or(|n| !n.is_alphanumeric()) => single_quote = false,
                ',' | ';' | ':' | '–' | '—' | '(' | ')' | '.' | '?' | '!' => clause_break = true,
                _ => {}
            }
        }
        prev = Some(c);
    }
    if let Some(s) = word_start {
        out.push(token(text, s, text.len(), double_quote || single_quote, clause_break));
    }
    mark_names(text, &mut out);
    for (i, t) in out.iter_mut().enumerate() {
        let before = text[..t.start].chars().next_back();
        t.glued =
            before.is_some_and(|c| !c.is_whitespace() && !matches!(c, '(' | '[' | '“' | '"' | '‘' | '$' | '£' | '€'));
        t.enumerator = enumerator(text, t, i == 0, before);
    }
    out
}

/// Whether the number `t` marks a list item or section (see [`Token::enumerator`]).
fn enumerator(text: &str, t: &Token, first: bool, before: Option<char>) -> bool {
    if !t.is_number() {
        return false;
    }
    let after = &text[t.end..];
    if before == Some('(') {
        return after.starts_with(')');
    }
    if !first {
        return false;
    }
    // "2.1.3." and then a space or the end: a section number, unlike "3.5 million".
    let mut rest = after;
    while let Some(tail) = rest.strip_prefix('.') {
        let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            break;
        }
        rest = &tail[digits..];
    }
    (rest.starts_with('.') || rest.starts_with(')')) && rest[1..].chars().next().is_none_or(char::is_whitespace)
}

/// Marks runs of capitalised words (Title Case, not all capitals) as names.
fn mark_names(text: &str, tokens: &mut [Token]) {
    let capitalised = |t: &Token| {
        let w = &text[t.start..t.end];
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
    };
    let connector = |t: &Token| matches!(t.lower.as_str(), "of" | "for" | "and" | "the" | "on" | "to");
    let mut i = 0;
    while i < tokens.len() {
        if !capitalised(&tokens[i]) {
            i += 1;
            continue;
        }
        // Extend over capitalised words and connectors followed by one, without crossing a clause break.
        let (mut j, mut count) = (i + 1, 1);
        while j < tokens.len() && !tokens[j].clause_start {
            if capitalised(&tokens[j]) {
                count += 1;
                j += 1;
            } else if connector(&tokens[j]) && tokens.get(j + 1).is_some_and(|n| capitalised(n) && !n.clause_start) {
                j += 1;
            } else {
                break;
            }
        }
        if count >= 2 {
            for t in &mut tokens[i..j] {
                t.name = true;
            }
        }
        i = j;
    }
}

fn token(text: &str, start: usize, end: usize, quoted: bool, clause_start: bool) -> Token {
    let mut lower = String::with_capacity(end - start);
    for c in text[start..end].chars() {
        match c {
            '’' => lower.push('\''),
            c if c.is_ascii() => lower.push(c.to_ascii_lowercase()),
            c => lower.extend(c.to_lowercase()),
        }
    }
    if lower.ends_with("'s") {
        lower.truncate(lower.len() - 2);
    }
    let stem = stem(&lower);
    let capital = text[start..end].chars().next().is_some_and(char::is_uppercase);
    Token {
        start,
        end,
        lower,
        stem,
        quoted,
        clause_start,
        alias: None,
        name: false,
        glued: false,
        enumerator: false,
        capital,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lowers(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.lower).collect()
    }

    #[test]
    fn words_hyphens_apostrophes() {
        assert_eq!(lowers("End-to-end encryption; don't!"), ["end", "to", "end", "encryption", "don't"]);
        assert_eq!(lowers("Facebook’s plans, agencies' ability"), ["facebook", "plans", "agencies", "ability"]);
        assert_eq!(lowers("16.8 million, 99%"), ["16", "8", "million", "99"]);
    }

    #[test]
    fn stems_unify_inflections() {
        let t = tokenize("designed designs designing encrypted encryption");
        assert_eq!(t[0].stem, t[1].stem);
        assert_eq!(t[1].stem, t[2].stem);
        assert_eq!(t[3].stem, "encrypt");
    }

    #[test]
    fn names_are_runs_of_capitalised_words() {
        let t = tokenize(
            "Encryption matters, says the Global Encryption Coalition and the European Data Protection Board.",
        );
        let names: Vec<&str> = t.iter().filter(|t| t.name).map(|t| t.lower.as_str()).collect();
        assert_eq!(names, ["global", "encryption", "coalition", "european", "data", "protection", "board"]);
        assert!(tokenize("IMPACT ON PUBLIC SAFETY").iter().all(|t| !t.name));
    }

    #[test]
    fn quotation_flags() {
        let t = tokenize("We said “lawful access” and 'exceptional access' but citizens' rights.");
        let quoted: Vec<&str> = t.iter().filter(|t| t.quoted).map(|t| t.lower.as_str()).collect();
        assert_eq!(quoted, ["lawful", "access", "exceptional", "access"]);
    }
}
