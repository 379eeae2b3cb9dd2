//! The rule compiler: a written pattern ("support|favour ~3 strong @encryption
//! [noneg]") becomes slots of alternatives, with named word classes expanded.
//!
//! A slot lists alternatives separated by `|`: `word` matches by stem, `word*` by
//! lowercase prefix, `*ending` by lowercase suffix ("*n't"), `#num` a quantity,
//! `@class` every member of a named class. A class member may be several words
//! ("back door*", "master key*"): it matches that run of tokens. `~N` between
//! slots lets the next slot occur up to N tokens later (default: the next token).

use serde::Serialize;
use std::collections::HashMap;

/// One alternative within a slot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Alt {
    /// Matches a token whose stem equals this stem.
    Stem(String),
    /// Matches a token whose lowercase form starts with this.
    Prefix(String),
    /// Matches a token whose lowercase form ends with this.
    Suffix(String),
    /// Matches a number that states a quantity (not a year, not a day of a month).
    Number,
    /// Matches a word written with a capital (not the sentence's first word) or part of
    /// a name: "according to Ofcom", "according to the National Crime Agency".
    Proper,
    /// Matches consecutive tokens, one alternative each (a multi-word class member).
    Seq(Vec<Alt>),
}

/// One position of a rule pattern.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Slot {
    pub alts: Vec<Alt>,
    /// How many tokens after the previous slot's last token this one may start (1 = next).
    pub within: usize,
}

/// Conditions on the matched words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Flags {
    /// The words must be negated or opposed in their clause.
    pub neg: bool,
    /// They must not be.
    pub noneg: bool,
    /// The first word must not sit in a quotation.
    pub unquoted: bool,
    /// The first word must open the sentence (after at most a short connective clause).
    pub start: bool,
    /// No matched word may be part of a name ("Global Encryption Coalition"). Every theme cue has it.
    pub noname: bool,
    /// The first word must be part of a name ("the National Crime Agency has warned").
    pub name: bool,
}

/// Named word classes: name → alternatives (each member compiled).
pub type Classes = HashMap<String, Vec<Alt>>;

/// What a plain word of a pattern becomes: its stem ([`stem`](super::tokens::stem), to match text), or
/// the word as written, for a codebook that is only shown, never matched (the hosted
/// build's `Codebook::bundled`, so that start-up carries and runs no stemmer).
pub trait Stemmer: Fn(&str) -> String + Copy {}
impl<F: Fn(&str) -> String + Copy> Stemmer for F {}

/// Compiles one alternative as written (`word`, `word*`, `*ending`, `#num`, `#name`, or a
/// multi-word member separated by spaces).
pub fn compile_alt(written: &str, stem: impl Stemmer) -> Result<Alt, String> {
    let words: Vec<&str> = written.split_whitespace().collect();
    if words.len() > 1 {
        return words.iter().map(|w| compile_alt(w, stem)).collect::<Result<Vec<_>, _>>().map(Alt::Seq);
    }
    // Patterns are folded to lowercase as ASCII: a non-ASCII capital would need the
    // Unicode tables that only the text's own tokens need, so it must be written lowercase.
    if written.chars().any(|c| !c.is_ascii() && c.is_uppercase()) {
        return Err(format!("write `{}` in lowercase", written.trim()));
    }
    Ok(match written.trim() {
        "" => return Err("empty alternative".into()),
        "#num" => Alt::Number,
        "#name" => Alt::Proper,
        a if a.len() > 1 && a.starts_with('*') => Alt::Suffix(a[1..].to_ascii_lowercase()),
        a if a.ends_with('*') => Alt::Prefix(a.trim_end_matches('*').to_ascii_lowercase()),
        a => Alt::Stem(stem(&a.to_ascii_lowercase())),
    })
}

/// Compiles a `|`-separated list of alternatives, expanding `@class` references.
pub fn compile_alts(written: &str, classes: &Classes, stem: impl Stemmer) -> Result<Vec<Alt>, String> {
    let mut out = Vec::new();
    for a in written.split('|') {
        match a.trim().strip_prefix('@') {
            Some(name) => out.extend(classes.get(name).ok_or(format!("unknown class `@{name}`"))?.iter().cloned()),
            None => out.push(compile_alt(a, stem)?),
        }
    }
    Ok(out)
}

/// Compiles a pattern and its bracketed flags.
pub fn compile(written: &str, classes: &Classes, stem: impl Stemmer) -> Result<(Vec<Slot>, Flags), String> {
    let (pattern, flags_src) = match written.find('[') {
        Some(i) => (written[..i].trim(), written[i..].trim()),
        None => (written.trim(), ""),
    };
    let mut flags = Flags::default();
    for f in flags_src.split(['[', ']', ' ']).filter(|f| !f.is_empty()) {
        match f {
            "neg" => flags.neg = true,
            "noneg" => flags.noneg = true,
            "unquoted" => flags.unquoted = true,
            "start" => flags.start = true,
            "noname" => flags.noname = true,
            "name" => flags.name = true,
            other => return Err(format!("unknown flag `{other}`")),
        }
    }
    let mut slots = Vec::new();
    let mut within = 1;
    for part in pattern.split_whitespace() {
        if let Some(n) = part.strip_prefix('~') {
            within = n.parse().ok().filter(|n| (1..=20).contains(n)).ok_or(format!("bad gap `{part}`"))?;
            continue;
        }
        slots.push(Slot { alts: compile_alts(part, classes, stem).map_err(|e| format!("{e} in `{part}`"))?, within });
        within = 1;
    }
    if slots.is_empty() {
        return Err("empty pattern".into());
    }
    Ok((slots, flags))
}

#[cfg(test)]
mod tests {
    use super::super::tokens::stem;
    use super::*;

    #[test]
    fn classes_expand_with_multi_word_members() {
        let mut classes = Classes::new();
        classes.insert("backdoor".into(), compile_alts("backdoor*|master key*", &Classes::new(), stem).unwrap());
        let (slots, flags) = compile("@backdoor|*n't ~2 it [neg start]", &classes, stem).unwrap();
        assert_eq!(slots[0].alts.len(), 3);
        assert_eq!(slots[0].alts[1], Alt::Seq(vec![Alt::Stem("master".into()), Alt::Prefix("key".into())]));
        assert_eq!(slots[0].alts[2], Alt::Suffix("n't".into()));
        assert_eq!(slots[1].within, 2);
        assert!(flags.neg && flags.start);
        assert!(compile("@nothing", &classes, stem).is_err());
        assert_eq!(compile_alt("Encrypt*", stem), Ok(Alt::Prefix("encrypt".into())));
        assert_eq!(compile_alt("déchiffr*", stem), Ok(Alt::Prefix("déchiffr".into())));
        assert!(compile_alt("École*", stem).is_err());
    }
}
