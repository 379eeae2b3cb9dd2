//! Context carry-over: a sentence that continues the previous one through an
//! anaphor ("It is a tool that protects…", "…exploiting these technologies")
//! reads the anaphor as the previous sentence's topic word, so the rules that
//! need the topic ("encryption … protects … information") can match. The labels
//! this adds record which sentence they continue ([`super::Source::Context`]).
//!
//! Which words are anaphors and which connectives let a paragraph's first
//! sentence continue the previous paragraph is codebook data (`anaphor`,
//! `connective`). Only the immediately preceding sentence is consulted: linear.

use super::codebook::{Target, Theme};
use super::matcher::Hit;
use super::tokens::Token;

/// What a sentence is about, for the next one: the first theme cue that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    /// The cue's first word (or, for an anaphor, the word it stood for), as (lowercase, stem).
    pub word: (String, String),
    pub theme: Theme,
    /// The cue's index in the theme's cues.
    pub cue: u16,
}

/// A sentence's topic, from its hits.
pub fn topic<'a>(tokens: &[Token], hits: impl Iterator<Item = &'a Hit<'a>>) -> Option<Topic> {
    let first = hits.filter(|h| matches!(h.target, Target::Theme(_))).min_by_key(|h| h.first)?;
    let Target::Theme(theme) = first.target else { return None };
    let t = &tokens[first.first];
    let word = match (&t.alias, first.via_alias) {
        (Some(alias), true) => alias.clone(),
        _ => (t.lower.clone(), t.stem.clone()),
    };
    Some(Topic { word, theme, cue: first.index })
}

/// Gives every anaphor in `tokens` (their (first, last) tokens, as
/// [`super::matcher::Matcher::anaphors`] finds them) the topic word as its alias.
pub fn resolve(tokens: &mut [Token], anaphors: &[(usize, usize)], topic: &Topic) {
    for &(_, last) in anaphors {
        tokens[last].alias = Some(topic.word.clone());
    }
}
