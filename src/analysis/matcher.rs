//! Applies codebook rules to the tokens of one sentence.
//!
//! Rules are indexed by the stems and prefixes of their first slot, so each token
//! looks up only the rules that could start there: the cost is linear in the
//! number of tokens, whatever the size of the codebook.

use super::codebook::{Alt, CodeId, Codebook, Rule, Target};
use super::tokens::{negated, Token};
use std::collections::HashMap;

/// How far back a negation word may stand from the word it negates.
const NEGATION_WINDOW: usize = 12;

/// One rule match: the rule, and the first and last matched token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit<'a> {
    pub target: Target,
    /// The rule's index in its target's rules ([`Codebook::rules_of`]).
    pub index: u16,
    pub rule: &'a Rule,
    pub first: usize,
    pub last: usize,
}

type Entry<'a> = (Target, u16, &'a Rule);

/// A compiled index over a codebook's rules.
pub struct Matcher<'a> {
    by_stem: HashMap<&'a str, Vec<Entry<'a>>>,
    /// Keyed by the prefix itself: a token probes each of its own prefixes.
    by_prefix: HashMap<&'a str, Vec<Entry<'a>>>,
    by_number: Vec<Entry<'a>>,
}

impl<'a> Matcher<'a> {
    /// Indexes every cue and rule of `book`.
    pub fn new(book: &'a Codebook) -> Matcher<'a> {
        let mut m = Matcher { by_stem: HashMap::new(), by_prefix: HashMap::new(), by_number: Vec::new() };
        let targets = book
            .themes
            .iter()
            .map(|t| Target::Theme(t.theme))
            .chain((0..book.codes.len()).map(|i| Target::Code(CodeId(i as u16))));
        for target in targets {
            for (index, rule) in book.rules_of(target).iter().enumerate() {
                let entry = (target, index as u16, rule);
                for alt in &rule.slots[0].alts {
                    match alt {
                        Alt::Stem(s) => m.by_stem.entry(s.as_str()).or_default().push(entry),
                        Alt::Prefix(p) => m.by_prefix.entry(p.as_str()).or_default().push(entry),
                        Alt::Number => m.by_number.push(entry),
                    }
                }
            }
        }
        m
    }

    /// Every rule that matches `tokens`, at most once per rule (its leftmost match).
    pub fn hits(&self, tokens: &[Token]) -> Vec<Hit<'a>> {
        let mut out: Vec<Hit<'a>> = Vec::new();
        for i in 0..tokens.len() {
            let t = &tokens[i];
            let stems = self.by_stem.get(t.stem.as_str()).into_iter().flatten().copied();
            let prefixes = t
                .lower
                .char_indices()
                .skip(1)
                .map(|(i, _)| &t.lower[..i])
                .chain(std::iter::once(t.lower.as_str()))
                .filter_map(|p| self.by_prefix.get(p))
                .flatten()
                .copied();
            let numbers = self.by_number.iter().copied().filter(|_| is_quantity(tokens, i));
            for (target, index, rule) in stems.chain(prefixes).chain(numbers) {
                if out.iter().any(|h| std::ptr::eq(h.rule, rule)) || !flags_hold(rule, tokens, i) {
                    continue;
                }
                if let Some(last) = match_from(rule, tokens, i, 1) {
                    out.push(Hit { target, index, rule, first: i, last });
                }
            }
        }
        out
    }
}

fn flags_hold(rule: &Rule, tokens: &[Token], at: usize) -> bool {
    let f = rule.flags;
    if f.unquoted && tokens[at].quoted {
        return false;
    }
    if f.neg || f.noneg {
        let n = negated(tokens, at, NEGATION_WINDOW);
        if (f.neg && !n) || (f.noneg && n) {
            return false;
        }
    }
    true
}

/// Tries to match slots `slot..` after token `prev`; returns the last matched token.
fn match_from(rule: &Rule, tokens: &[Token], prev: usize, slot: usize) -> Option<usize> {
    let Some(s) = rule.slots.get(slot) else { return Some(prev) };
    let end = (prev + s.within).min(tokens.len() - 1);
    (prev + 1..=end).find_map(|j| {
        if s.alts.iter().any(|a| alt_matches(a, tokens, j)) {
            match_from(rule, tokens, j, slot + 1)
        } else {
            None
        }
    })
}

fn alt_matches(alt: &Alt, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    match alt {
        Alt::Stem(s) => &t.stem == s,
        Alt::Prefix(p) => t.lower.starts_with(p.as_str()),
        Alt::Number => is_quantity(tokens, i),
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A number that states a quantity: digits, not a year, not a day of a month.
fn is_quantity(tokens: &[Token], i: usize) -> bool {
    let w = tokens[i].lower.as_str();
    if w.is_empty() || !w.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let year = w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
    let near_month =
        |j: Option<usize>| j.and_then(|j| tokens.get(j)).is_some_and(|t| MONTHS.contains(&t.lower.as_str()));
    let day = w.len() <= 2 && (near_month(Some(i + 1)) || near_month(i.checked_sub(1)));
    // "2,500" and "16.8" tokenize as two numbers; only the first states the quantity.
    let continuation =
        i > 0 && tokens[i - 1].end + 1 == tokens[i].start && tokens[i - 1].lower.bytes().all(|b| b.is_ascii_digit());
    !year && !day && !continuation
}

#[cfg(test)]
mod tests {
    use super::super::codebook::Codebook;
    use super::super::tokens::tokenize;
    use super::*;

    fn fired(book: &Codebook, text: &str) -> Vec<String> {
        let m = Matcher::new(book);
        let mut ids: Vec<String> = m.hits(&tokenize(text)).iter().map(|h| h.rule.id.clone()).collect();
        ids.sort();
        ids
    }

    fn book(rules: &str) -> Codebook {
        let head = "theme encryption\nlabel: E\ncue x: encrypt*\ntheme access\nlabel: A\ncue x: access\ntheme privacy\nlabel: P\ncue x: privacy\n";
        Codebook::parse(&format!("{head}code dev.t\ntheme: none\nlabel: L\ndefinition: D\nframe: Other\n{rules}"))
            .unwrap()
    }

    #[test]
    fn gaps_stems_and_prefixes() {
        let b = book("rule a: support ~3 strong encrypt*\n");
        assert_eq!(fired(&b, "We supported really strong encryption"), ["dev.t/a", "encryption/x"]);
        assert_eq!(fired(&b, "We support things that are really strong encryption"), ["encryption/x"]);
    }

    #[test]
    fn negation_and_quotation_flags() {
        let b = book("rule n: backdoor* [neg]\nrule p: backdoor* [noneg unquoted]\n");
        assert_eq!(fired(&b, "This is not about creating so-called backdoors"), ["dev.t/n"]);
        assert_eq!(fired(&b, "They want a backdoor"), ["dev.t/p"]);
        assert_eq!(fired(&b, "Critics call it a “backdoor”"), Vec::<String>::new());
    }

    #[test]
    fn quantities_exclude_years_and_dates() {
        let b = book("rule q: #num\n");
        for (text, expect) in [
            ("In 2018 there were 12 million reports", true),
            ("On 4 October 2019 it was published", false),
            ("more than 2,500 arrests", true),
            ("In 2018 and 2019", false),
        ] {
            assert_eq!(fired(&b, text).contains(&"dev.t/q".to_string()), expect, "{text}");
        }
    }
}
