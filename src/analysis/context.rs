//! Context carry-over: a sentence that continues the previous one through an
//! anaphor ("It is a tool that protects…", "…exploiting these technologies")
//! reads the anaphor as the previous sentence's topic word, so the rules that
//! need the topic ("encryption … protects … information") can match. The labels
//! this adds record which sentence they continue ([`super::Source::Context`]).
//!
//! Which words are anaphors and which connectives let a paragraph's first
//! sentence continue the previous paragraph is codebook data (`anaphor`,
//! `connective`). Only the immediately preceding sentence is consulted: linear.

use super::codebook::Target;
use super::matcher::{Hit, Matcher};
use super::tokens::Token;

/// A sentence's topic word: the first word a theme cue matched (or, for an
/// anaphor, the word it stood for), as (lowercase, stem).
pub fn topic<'a>(tokens: &[Token], hits: impl Iterator<Item = &'a Hit<'a>>) -> Option<(String, String)> {
    let first = hits.filter(|h| matches!(h.target, Target::Theme(_))).min_by_key(|h| h.first)?;
    let t = &tokens[first.first];
    match (&t.alias, first.via_alias) {
        (Some(alias), true) => Some(alias.clone()),
        _ => Some((t.lower.clone(), t.stem.clone())),
    }
}

/// Gives every anaphor in `tokens` the topic `word` as its alias; whether there was one.
pub fn resolve(tokens: &mut [Token], matcher: &Matcher, word: &(String, String)) -> bool {
    let at = matcher.anaphors(tokens);
    for &i in &at {
        tokens[i].alias = Some(word.clone());
    }
    !at.is_empty()
}
