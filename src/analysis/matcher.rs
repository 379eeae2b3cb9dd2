//! Applies codebook rules to the tokens of one sentence.
//!
//! Rules are indexed by the stems and prefixes of their first slot, so each token
//! looks up only the rules that could start there: the cost is linear in the
//! number of tokens, whatever the size of the codebook.

use super::codebook::{Alt, CodeId, Codebook, Rule, Stance, Target};
use super::quantity::is_quantity;
use super::tokens::Token;
use std::collections::HashMap;

/// One rule match: the rule, and the first and last matched token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit<'a> {
    pub target: Target,
    /// The rule's index in its target's rules ([`Codebook::rules_of`]).
    pub index: u16,
    pub rule: &'a Rule,
    pub first: usize,
    pub last: usize,
    /// A matched word matched only as the word an anaphor stands for.
    pub via_alias: bool,
}

/// Rules indexed by what their first slot can start with.
pub struct RuleIndex<'a, T> {
    by_stem: HashMap<&'a str, Vec<(T, &'a Rule)>>,
    /// Keyed by the prefix itself: a token probes each of its own prefixes.
    by_prefix: HashMap<&'a str, Vec<(T, &'a Rule)>>,
    /// Numbers and suffixes: few, checked at every token.
    others: Vec<(T, &'a Rule)>,
}

impl<'a, T: Copy> RuleIndex<'a, T> {
    pub fn new(rules: impl IntoIterator<Item = (T, &'a Rule)>) -> Self {
        let mut m = RuleIndex { by_stem: HashMap::new(), by_prefix: HashMap::new(), others: Vec::new() };
        for (t, rule) in rules {
            for alt in &rule.slots[0].alts {
                let mut first = alt;
                while let Alt::Seq(v) = first {
                    first = &v[0];
                }
                match first {
                    Alt::Stem(s) => m.by_stem.entry(s.as_str()).or_default().push((t, rule)),
                    Alt::Prefix(p) => m.by_prefix.entry(p.as_str()).or_default().push((t, rule)),
                    _ => m.others.push((t, rule)),
                }
            }
        }
        m
    }

    /// Rules that could start at `token` (a superset; duplicates possible).
    fn candidates<'t>(&'t self, token: &'t Token) -> impl Iterator<Item = (T, &'a Rule)> + 't {
        let forms = std::iter::once((token.lower.as_str(), token.stem.as_str()))
            .chain(token.alias.as_ref().map(|(l, s)| (l.as_str(), s.as_str())));
        forms
            .flat_map(move |(lower, stem)| {
                let stems = self.by_stem.get(stem).into_iter().flatten();
                let prefixes = lower
                    .char_indices()
                    .skip(1)
                    .map(move |(i, _)| &lower[..i])
                    .chain(std::iter::once(lower))
                    .filter_map(|p| self.by_prefix.get(p))
                    .flatten();
                stems.chain(prefixes)
            })
            .chain(&self.others)
            .copied()
    }

    /// Every rule matching `tokens`, at most once per rule (its leftmost match).
    pub fn hits(&self, tokens: &[Token], stance: &Stance) -> Vec<(T, &'a Rule, usize, usize, bool)> {
        let mut out: Vec<(T, &'a Rule, usize, usize, bool)> = Vec::new();
        let free: Vec<bool> = (0..tokens.len()).map(|j| is_any(&stance.free, tokens, j)).collect();
        for i in 0..tokens.len() {
            for (t, rule) in self.candidates(&tokens[i]) {
                if out.iter().any(|h| std::ptr::eq(h.1, rule)) {
                    continue;
                }
                if let Some((last, alias)) =
                    match_rule(rule, tokens, &free, i).filter(|&(l, _)| flags_hold(rule, tokens, i, l, stance))
                {
                    out.push((t, rule, i, last, alias));
                }
            }
        }
        out
    }
}

type Entry = (Target, u16);

/// A compiled index over a codebook's cues and rules, and its anaphors.
pub struct Matcher<'a> {
    index: RuleIndex<'a, Entry>,
    anaphors: RuleIndex<'a, ()>,
    connectives: &'a [Alt],
    stance: &'a Stance,
}

impl<'a> Matcher<'a> {
    /// Indexes every cue and rule of `book`.
    ///
    /// # Panics
    /// If `book` is a codebook only to be shown ([`Codebook::parse_shown`]): its words
    /// are not stemmed, so it would silently miss. The widget matches with
    /// [`Codebook::matching`].
    pub fn new(book: &'a Codebook) -> Matcher<'a> {
        assert!(book.matchable, "a codebook parsed to be shown cannot match text: use Codebook::matching");
        let targets = book
            .themes
            .iter()
            .map(|t| Target::Theme(t.theme))
            .chain((0..book.codes.len()).map(|i| Target::Code(CodeId(i as u16))));
        let rules = targets
            .flat_map(|target| book.rules_of(target).iter().enumerate().map(move |(i, r)| ((target, i as u16), r)));
        Matcher {
            index: RuleIndex::new(rules),
            anaphors: RuleIndex::new(book.context.anaphors.iter().map(|r| ((), r))),
            connectives: &book.context.connectives,
            stance: &book.stance,
        }
    }

    /// The tokens that stand for the previous sentence's topic: the last word of
    /// each anaphor match ("it", "these technologies").
    pub fn anaphors(&self, tokens: &[Token]) -> Vec<(usize, usize)> {
        self.anaphors.hits(tokens, self.stance).into_iter().map(|h| (h.2, h.3)).collect()
    }

    /// Whether the sentence opens with a connective ("However, …").
    pub fn opens_with_connective(&self, tokens: &[Token]) -> bool {
        !tokens.is_empty() && is_any(self.connectives, tokens, 0)
    }

    /// Every rule that matches `tokens`, at most once per rule (its leftmost match).
    pub fn hits(&self, tokens: &[Token]) -> Vec<Hit<'a>> {
        let terms = self.title_case_terms(tokens);
        let tokens = terms.as_deref().unwrap_or(tokens);
        self.index
            .hits(tokens, self.stance)
            .into_iter()
            .map(|((target, index), rule, first, last, via_alias)| Hit { target, index, rule, first, last, via_alias })
            .collect()
    }

    /// A run of capitalised words that the theme cues read from end to end ("End-to-End
    /// Encryption", "Lawful Access") is a term written in title case, not a name (a name
    /// has a word of its own: "the Global Encryption Coalition", "Advanced Data
    /// Protection"): `tokens` with such runs no longer marked as names, or `None` when
    /// nothing changes.
    fn title_case_terms(&self, tokens: &[Token]) -> Option<Vec<Token>> {
        if !tokens.iter().any(|t| t.name) {
            return None;
        }
        // The words a theme cue reads, wherever it matches (not only its leftmost match):
        // names are checked after a match ([noname]), so a cue matches inside one here.
        let free: Vec<bool> = (0..tokens.len()).map(|j| is_any(&self.stance.free, tokens, j)).collect();
        let mut read = vec![false; tokens.len()];
        for i in (0..tokens.len()).filter(|&i| tokens[i].name) {
            for ((target, _), rule) in self.index.candidates(&tokens[i]) {
                if let (Target::Theme(_), Some((last, _))) = (target, match_rule(rule, tokens, &free, i)) {
                    read[i..=last].fill(true);
                }
            }
        }
        let mut terms: Option<Vec<Token>> = None;
        let mut i = 0;
        while i < tokens.len() {
            if !tokens[i].name {
                i += 1;
                continue;
            }
            let end = (i..tokens.len()).find(|&j| !tokens[j].name).unwrap_or(tokens.len());
            // Connecting words ("of", "and") need not be read; every capitalised one must.
            if (i..end).all(|k| read[k] || !tokens[k].capital) {
                for t in &mut terms.get_or_insert_with(|| tokens.to_vec())[i..end] {
                    t.name = false;
                }
            }
            i = end;
        }
        terms
    }
}

/// Whether token `i` opens the sentence: the first word, or the first after a
/// short opening clause ("However, it…", "In turn, these…").
pub fn opens_sentence(tokens: &[Token], i: usize) -> bool {
    i == 0 || (tokens[i].clause_start && i <= 3)
}

fn flags_hold(rule: &Rule, tokens: &[Token], first: usize, last: usize, stance: &Stance) -> bool {
    let f = rule.flags;
    if (f.unquoted && tokens[first].quoted) || (f.start && !opens_sentence(tokens, first)) {
        return false;
    }
    if (f.noname && tokens[first..=last].iter().any(|t| t.name)) || (f.name && !tokens[first].name) {
        return false;
    }
    if f.neg || f.noneg {
        let n = negated(tokens, first, last, stance);
        if (f.neg && !n) || (f.noneg && n) {
            return false;
        }
    }
    true
}

fn is_any(alts: &[Alt], tokens: &[Token], i: usize) -> bool {
    alts.iter().any(|a| alt_len(a, tokens, i).is_some_and(|(_, alias)| !alias))
}

/// Whether token `j` is a negator that is not cancelled by one of the next two words
/// ("Nobody disputes that…", "no one doubts", "cannot deny": an affirmation).
fn negates(stance: &Stance, tokens: &[Token], j: usize) -> bool {
    is_any(&stance.negators, tokens, j)
        && !(j + 1..(j + 3).min(tokens.len())).any(|k| is_any(&stance.cancels, tokens, k))
}

/// Whether the negator at `j` reaches token `k` after it: every negator reaches the
/// end of its clause, a `negator-phrase:` one ("without") only its own phrase.
fn reaches(stance: &Stance, tokens: &[Token], j: usize, k: usize) -> bool {
    k - j <= stance.phrase_window || !is_any(&stance.phrase_negators, tokens, j)
}

/// Whether the words `first..=last` are negated or opposed in their clause: a
/// negator up to `stance.before` words before them, between them in the clause they
/// end in ("privacy cannot outweigh safety"), or up to `stance.after` words after
/// them ("A backdoor is not what we want"), with no clause break between. A
/// `negator-phrase:` word negates only the words that begin within its phrase.
pub fn negated(tokens: &[Token], first: usize, last: usize, stance: &Stance) -> bool {
    if !tokens[first].clause_start {
        for j in (first.saturating_sub(stance.before)..first).rev() {
            if negates(stance, tokens, j) && reaches(stance, tokens, j, first) {
                return true;
            }
            if tokens[j].clause_start || is_any(&stance.breaks, tokens, j) {
                break;
            }
        }
    }
    // Inside the matched words: a negator between the head and the predicate ("privacy
    // cannot outweigh safety"), in the clause the matched words end in.
    for j in (first + 1..last).rev() {
        if tokens[j + 1].clause_start || is_any(&stance.breaks, tokens, j + 1) {
            break;
        }
        if negates(stance, tokens, j) && reaches(stance, tokens, j, last) {
            return true;
        }
    }
    for j in last + 1..(last + 1 + stance.after).min(tokens.len()) {
        if tokens[j].clause_start || is_any(&stance.breaks, tokens, j) {
            break;
        }
        if is_any(&stance.after_negators, tokens, j) {
            return true;
        }
    }
    false
}

/// Matches a whole rule starting at token `i`: the last matched token, and
/// whether an anaphor's alias was needed. `free[j]`: token `j` is a `gap-free:` word.
fn match_rule(rule: &Rule, tokens: &[Token], free: &[bool], i: usize) -> Option<(usize, bool)> {
    rule.slots[0].alts.iter().find_map(|a| {
        let (n, alias) = alt_len(a, tokens, i)?;
        let (last, more) = match_from(rule, tokens, free, i + n - 1, 1)?;
        Some((last, alias || more))
    })
}

/// Tries to match slots `slot..` after token `prev`; returns the last matched token.
fn match_from(rule: &Rule, tokens: &[Token], free: &[bool], prev: usize, slot: usize) -> Option<(usize, bool)> {
    let Some(s) = rule.slots.get(slot) else { return Some((prev, false)) };
    let end = reach(free, prev, s.within);
    (prev + 1..=end).find_map(|j| {
        s.alts.iter().find_map(|a| {
            let (n, alias) = alt_len(a, tokens, j)?;
            let (last, more) = match_from(rule, tokens, free, j + n - 1, slot + 1)?;
            Some((last, alias || more))
        })
    })
}

/// The last token a slot `~within` words after token `prev` may stand at. A gap
/// counts the words that carry meaning: up to two `gap-free:` words in between
/// are not counted. The very next word (`within` 1) stays the very next word.
fn reach(free: &[bool], prev: usize, within: usize) -> usize {
    let last = free.len().saturating_sub(1);
    let plain = (prev + within).min(last);
    if within <= 1 {
        return plain;
    }
    let mut counted = 0;
    let mut j = prev;
    while j < last && j - prev < within + 2 {
        j += 1;
        if !free[j] {
            counted += 1;
            if counted == within {
                break;
            }
        }
    }
    j.max(plain)
}

/// How many tokens `alt` matches at `i`, and whether only through an alias.
fn alt_len(alt: &Alt, tokens: &[Token], i: usize) -> Option<(usize, bool)> {
    let t = tokens.get(i)?;
    let own = |f: &dyn Fn(&str, &str) -> bool| {
        if f(&t.lower, &t.stem) {
            Some((1, false))
        } else {
            t.alias.as_ref().filter(|(l, s)| f(l, s)).map(|_| (1, true))
        }
    };
    match alt {
        Alt::Stem(s) => own(&|_, stem| stem == s),
        Alt::Prefix(p) => own(&|lower, _| lower.starts_with(p.as_str())),
        Alt::Suffix(p) => (t.lower.len() > p.len() && t.lower.ends_with(p.as_str())).then_some((1, false)),
        Alt::Number => is_quantity(tokens, i).then_some((1, false)),
        Alt::Proper => (t.name || (i > 0 && t.capital)).then_some((1, false)),
        Alt::Seq(v) => {
            let mut n = 0;
            let mut alias = false;
            for a in v {
                let (k, al) = alt_len(a, tokens, i + n)?;
                n += k;
                alias |= al;
            }
            Some((n, alias))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::codebook::Codebook;
    use super::super::tokens::tokenize;
    use super::*;

    fn fired(book: &Codebook, text: &str) -> Vec<String> {
        let m = Matcher::new(book);
        let mut ids: Vec<String> = m.hits(&tokenize(text)).iter().map(|h| h.rule.id.clone()).collect();
        crate::order::sort(&mut ids);
        ids
    }

    fn book(rules: &str) -> Codebook {
        let head = "negation: not|no|never|*n't\nclause-break: but|and\nnegation-window: 12\nnegation-after: 3\nnegator-after: not|never|*n't\nclass bd: backdoor*|back door*\ntheme encryption\nlabel: E\ncue x: encrypt*\ntheme access\nlabel: A\ncue x: access\ntheme privacy\nlabel: P\ncue x: privacy\n";
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
    fn gap_free_words_are_not_counted_in_a_gap() {
        let rules = "rule a: protect* ~4 information\nrule b: secure ~1 data\n";
        let plain = book(rules);
        let text = "It protects personal, commercial and the government information";
        assert_eq!(fired(&plain, text), Vec::<String>::new(), "six words on: out of reach of ~4");
        let free = book(&format!("gap-free: the|and|of\n{rules}"));
        assert_eq!(fired(&free, text), ["dev.t/a"], "`and` and `the` are not counted");
        // At most two free words stretch a gap: three more are out of reach.
        assert_eq!(fired(&free, "It protects personal and the commercial and the information"), Vec::<String>::new());
        // `~1` is still the very next word.
        assert_eq!(fired(&free, "We secure the data"), Vec::<String>::new());
        assert_eq!(fired(&free, "We secure data"), ["dev.t/b"]);
    }

    #[test]
    fn negation_and_quotation_flags() {
        let b = book("rule n: @bd [neg]\nrule p: @bd [noneg unquoted]\n");
        assert_eq!(fired(&b, "This is not about creating so-called backdoors"), ["dev.t/n"]);
        assert_eq!(fired(&b, "A back door is not what we want"), ["dev.t/n"]);
        assert_eq!(fired(&b, "They want a backdoor"), ["dev.t/p"]);
        assert_eq!(fired(&b, "We don't want a back door, but we need access"), ["access/x", "dev.t/n"]);
        assert_eq!(fired(&b, "A backdoor, they say, is not needed"), ["dev.t/p"]);
        assert_eq!(fired(&b, "Critics call it a “backdoor”"), Vec::<String>::new());
    }

    #[test]
    fn a_cancelled_negator_affirms() {
        let rules = "rule n: @bd [neg]\nrule p: @bd [noneg]\n";
        let plain = book(rules);
        assert_eq!(fired(&plain, "No one doubts that a backdoor helps"), ["dev.t/n"]);
        let cancelling = book(&format!("negation-cancel: doubt*|disput*\n{rules}"));
        // Within two words after the negator, a cancelling word makes it an affirmation.
        assert_eq!(fired(&cancelling, "No one doubts that a backdoor helps"), ["dev.t/p"]);
        assert_eq!(fired(&plain, "We don't dispute that they want a backdoor"), ["dev.t/n"]);
        assert_eq!(fired(&cancelling, "We don't dispute that they want a backdoor"), ["dev.t/p"]);
        // Further on, it cancels nothing: the negator still negates.
        assert_eq!(fired(&cancelling, "No party in this long debate disputes the need for backdoors"), ["dev.t/n"]);
    }

    #[test]
    fn a_phrase_negator_negates_only_its_phrase() {
        let rules = "rule n: @bd [neg]\nrule p: @bd [noneg]\n";
        let plain = book(&format!("negation: without\n{rules}"));
        let text = "Without the keys in hand the backdoor stays shut";
        assert_eq!(fired(&plain, text), ["dev.t/n"], "a clause negator reaches the end of its clause");
        let phrase = book(&format!("negation: without\nnegator-phrase: without\nnegation-phrase-window: 3\n{rules}"));
        // "without" governs "the keys in hand"; the backdoor begins six words on.
        assert_eq!(fired(&phrase, text), ["dev.t/p"]);
        // Within its phrase it still negates.
        assert_eq!(fired(&phrase, "They can do it without a backdoor"), ["dev.t/n"]);
        assert_eq!(fired(&phrase, "They can do it without any real backdoor"), ["dev.t/n"]);
        // Other negators are not limited.
        assert_eq!(fired(&phrase, "We do not in any case want a backdoor"), ["dev.t/n"]);
    }

    #[test]
    fn a_term_in_title_case_is_not_a_name() {
        let b = Codebook::parse(
            "class encryption: encrypt*|end to end\ntheme encryption\nlabel: E\ncue e: @encryption\ntheme access\nlabel: A\ncue x: access\ntheme privacy\nlabel: P\ncue x: privacy\ncode dev.t\ntheme: none\nlabel: L\ndefinition: D\nframe: Other\nrule harm: impact ~3 @encryption [noname]\n",
        )
        .unwrap();
        for (text, expect) in [
            ("The devastating impact End-to-End Encryption may have", true),
            ("The devastating impact of Encryption on investigations", true),
            ("The impact the Global Encryption Coalition may have", false),
            ("The impact End-to-End Encryption Guidelines may have", false),
        ] {
            let ids = fired(&b, text);
            assert_eq!(ids.contains(&"dev.t/harm".to_string()), expect, "{text}: {ids:?}");
            assert_eq!(ids.contains(&"encryption/e".to_string()), expect, "{text}: {ids:?}");
        }
    }

    #[test]
    fn proper_names_are_capitalised_words_after_the_first() {
        let b = book("rule s: according ~1 to ~3 #name\n");
        for (text, expect) in [
            ("According to Ofcom, it rose", true),
            ("Reports rose, according to the National Crime Agency", true),
            ("according to ASIO", true),
            ("It happens according to its usual schedule", false),
            ("Ofcom acts according to plan", false),
        ] {
            assert_eq!(fired(&b, text).contains(&"dev.t/s".to_string()), expect, "{text}");
        }
    }
}
