//! Reading `corpus/codebook.txt`.
//!
//! Line kinds (blank lines and `#` comments are skipped):
//! - `theme <id>` / `code <id>` open a section; `key: value` lines fill it
//!   (`label`, `description`, `definition`, `theme`, `frame`, `inherit: lead-in`),
//!   `cue <name>: <pattern>` and `rule <name>: <pattern>` add rules.
//! - Anywhere: `class <name>: a|b|two words` adds members to a word class that
//!   patterns use as `@name`; `negation:`, `clause-break:`, `negation-window:`,
//!   `negation-after:`, `negator-after:`, `negation-cancel:`, `negator-phrase:`, `negation-phrase-window:` set what negates a word and how far; `gap-free:`
//!   the words a gap does not count; `anaphor <name>:` and
//!   `connective:` set context carry-over.
//! - Under a rule, cue, class or anaphor line: `e.g.: <wording>` (must fire),
//!   `not: <wording>` (must not), `motivated-by: <statement id>[, <id>]` (the
//!   development statements that led to it, each on its own: a rule names one, a
//!   class line several only when each has every member; leave-one-out scoring drops it where only that statement
//!   motivated it, [`Leave::Sole`], or, strictly, wherever it is named,
//!   [`Leave::Named`]; [`FROM_DEFINITION`] instead says no development statement
//!   did: it was written from the code's definition, so it counts when every
//!   statement is scored).

use super::super::pattern::{self, Classes, Stemmer};
use super::super::tokens::stem;
use super::*;
use std::collections::{BTreeSet, HashSet};

const HEADERS: [&str; 4] = ["rule ", "cue ", "class ", "anaphor "];
const META: [&str; 3] = ["e.g.", "not", "motivated-by"];

/// The error for an item with two `motivated-by:` lines (a rule inserted between a
/// rule and its log would otherwise take the log over).
const TWO_LOGS: &str = "a second `motivated-by:` for one item: name every statement on one line";

/// The `motivated-by:` value of an item written from the codebook's definitions and
/// the concept's general vocabulary, not because of any development statement: it is
/// never left out, and it names no statement.
pub const FROM_DEFINITION: &str = "definition";

/// The item a meta line belongs to.
#[derive(Clone, Copy)]
enum Last {
    None,
    Cue(usize, usize),
    Rule(usize, usize),
    Class(usize),
    Anaphor(usize),
}

/// What a leave-one-out codebook leaves out for the statement being scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leave<'a> {
    /// Nothing: the whole codebook.
    Nothing,
    /// What this statement alone motivated. An item that names other statements too
    /// stays: only a class line may, and then each named statement has every member
    /// (`tests/eval_dev.rs` checks it), so it would have been written from the others.
    Sole(&'a str),
    /// Everything that names this statement, even beside others.
    Named(&'a str),
}

/// Lines (1-based) left out for `leave`.
fn skipped(lines: &[(usize, &str)], leave: Leave) -> HashSet<usize> {
    let mut out = HashSet::new();
    let (statement, strict) = match leave {
        Leave::Nothing => return out,
        Leave::Sole(s) => (s, false),
        Leave::Named(s) => (s, true),
    };
    let mut item: Vec<usize> = Vec::new();
    let mut drop = false;
    let mut flush = |item: &mut Vec<usize>, drop: &mut bool| {
        if *drop {
            out.extend(item.iter().copied());
        }
        item.clear();
        *drop = false;
    };
    for &(no, line) in lines {
        let key = line.split_once(':').map_or(line, |(k, _)| k.trim());
        if META.contains(&key) && !item.is_empty() {
            item.push(no);
            if key == "motivated-by" {
                let ids = line.split_once(':').map_or("", |(_, v)| v);
                let ids: Vec<&str> = ids.split(',').map(str::trim).filter(|id| !id.is_empty()).collect();
                let named = ids.contains(&statement) && statement != FROM_DEFINITION;
                drop |= named && (strict || ids.iter().all(|id| *id == statement));
            }
            continue;
        }
        flush(&mut item, &mut drop);
        if HEADERS.iter().any(|h| key.starts_with(h)) {
            item.push(no);
        }
    }
    flush(&mut item, &mut drop);
    out
}

/// Compiles one rule from its written pattern.
pub fn parse_rule(id: &str, written: &str, classes: &Classes) -> Result<Rule, String> {
    parse_rule_with(id, written, classes, stem)
}

fn parse_rule_with(id: &str, written: &str, classes: &Classes, stem: impl Stemmer) -> Result<Rule, String> {
    if id.rsplit('/').next().is_some_and(|name| RESERVED_RULE_NAMES.contains(&name)) {
        return Err(format!("rule `{id}`: the name is reserved for labels no rule produced"));
    }
    let (slots, flags) = pattern::compile(written, classes, stem).map_err(|e| format!("rule `{id}`: {e}"))?;
    Ok(Rule {
        id: id.to_string(),
        pattern: written.trim().to_string(),
        slots,
        flags,
        examples: vec![],
        counter_examples: vec![],
        motivated_by: vec![],
    })
}

impl Codebook {
    /// Parses the codebook format (see the module docs and the file's own header).
    pub fn parse(source: &str) -> Result<Codebook, CodebookError> {
        Codebook::parse_without(source, Leave::Nothing)
    }

    /// Parses the codebook without the rules, cues, class lines and anaphors that
    /// `leave` says were motivated by the statement being scored: what the codebook
    /// would know had that statement never been read.
    pub fn parse_without(source: &str, leave: Leave) -> Result<Codebook, CodebookError> {
        Codebook::parse_with(source, leave, stem, false)
    }

    /// Parses the codebook to be shown, never matched: its plain words stay as
    /// written instead of stemmed, and [`Matcher::new`](super::super::matcher::Matcher::new)
    /// refuses it. Everything a reader sees (labels, definitions, patterns as written,
    /// classes) is the same as [`Codebook::parse`]'s.
    pub fn parse_shown(source: &str) -> Result<Codebook, CodebookError> {
        let mut book = Codebook::parse_with(source, Leave::Nothing, |w: &str| w.to_string(), false)?;
        book.matchable = false;
        Ok(book)
    }

    /// Parses a codebook outline (`build.rs` writes the bundled one): every line of the
    /// codebook, with the values of pattern and word-list lines (rules, cues, classes,
    /// anaphors, negation and context words) left empty. Its themes, codes, labels,
    /// definitions and rule names are [`Codebook::parse`]'s, in the same order; its
    /// patterns are empty and it matches nothing ([`Matcher::new`](super::super::matcher::Matcher::new)
    /// refuses it). A pattern line that does carry a pattern is read as usual.
    pub fn parse_outline(source: &str) -> Result<Codebook, CodebookError> {
        let mut book = Codebook::parse_with(source, Leave::Nothing, |w: &str| w.to_string(), true)?;
        book.matchable = false;
        Ok(book)
    }

    fn parse_with(source: &str, leave: Leave, stem: impl Stemmer, outline: bool) -> Result<Codebook, CodebookError> {
        // In an outline an empty pattern stands for one left out: a rule with no slots.
        let read_rule = |id: &str, value: &str, classes: &Classes| {
            if outline && value.is_empty() {
                Ok(Rule {
                    id: id.to_string(),
                    pattern: String::new(),
                    slots: vec![],
                    flags: Default::default(),
                    examples: vec![],
                    counter_examples: vec![],
                    motivated_by: vec![],
                })
            } else {
                parse_rule_with(id, value, classes, stem)
            }
        };
        let read_words = |value: &str, classes: &Classes| {
            if outline && value.is_empty() {
                Ok(vec![])
            } else {
                pattern::compile_alts(value, classes, stem)
            }
        };
        let lines: Vec<(usize, &str)> = source
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim()))
            .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let skip = skipped(&lines, leave);
        let lines: Vec<(usize, &str)> = lines.into_iter().filter(|(n, _)| !skip.contains(n)).collect();
        let mut classes = Classes::new();
        for &(no, line) in &lines {
            if let Some((name, members)) = line.strip_prefix("class ").and_then(|l| l.split_once(':')) {
                let alts = read_words(members.trim(), &classes)
                    .map_err(|message| CodebookError { line: no, message: format!("class `{name}`: {message}") })?;
                classes.entry(name.trim().to_string()).or_default().extend(alts);
            }
        }
        let mut book = Codebook {
            themes: Vec::new(),
            codes: Vec::new(),
            classes: Vec::new(),
            stance: Stance::default(),
            context: Context::default(),
            matchable: true,
        };
        let mut in_code = None::<bool>;
        let mut last = Last::None;
        for &(line_no, line) in &lines {
            let err = |message: String| CodebookError { line: line_no, message };
            if let Some(id) = line.strip_prefix("theme ").filter(|_| !line.contains(':')) {
                let theme = Theme::from_id(id.trim()).ok_or_else(|| err(format!("unknown theme `{id}`")))?;
                book.themes.push(ThemeEntry { theme, label: String::new(), description: String::new(), cues: vec![] });
                (in_code, last) = (Some(false), Last::None);
                continue;
            }
            if let Some(id) = line.strip_prefix("code ").filter(|_| !line.contains(':')) {
                let id = id.trim().to_string();
                if book.codes.iter().any(|c| c.id == id) {
                    return Err(err(format!("code `{id}` is defined twice")));
                }
                book.codes.push(Code {
                    id,
                    theme: None,
                    label: String::new(),
                    definition: String::new(),
                    policy_frames: vec![],
                    rules: vec![],
                    inherit_lead_in: false,
                });
                (in_code, last) = (Some(true), Last::None);
                continue;
            }
            let (key, value) = line.split_once(':').ok_or_else(|| err(format!("expected `key: value`: `{line}`")))?;
            let (key, value) = (key.trim(), value.trim());
            if META.contains(&key) {
                let list = |v: &str| v.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
                let rule = match last {
                    Last::Cue(t, r) => &mut book.themes[t].cues[r],
                    Last::Rule(c, r) => &mut book.codes[c].rules[r],
                    Last::Anaphor(a) => &mut book.context.anaphors[a],
                    Last::Class(c) if key == "motivated-by" => {
                        if !book.classes[c].motivated_by.is_empty() {
                            return Err(err(TWO_LOGS.into()));
                        }
                        book.classes[c].motivated_by = list(value);
                        continue;
                    }
                    _ => return Err(err(format!("`{key}:` must follow a rule, cue or anaphor"))),
                };
                match key {
                    "e.g." => rule.examples.push(value.to_string()),
                    "not" => rule.counter_examples.push(value.to_string()),
                    _ if !rule.motivated_by.is_empty() => return Err(err(TWO_LOGS.into())),
                    _ => rule.motivated_by = list(value),
                }
                continue;
            }
            last = Last::None;
            let alts = |v: &str| read_words(v, &classes).map_err(err);
            let number = |v: &str| v.parse::<usize>().map_err(|_| err(format!("`{key}` takes a number")));
            match (key, key.split_once(' ')) {
                (_, Some(("class", name))) => {
                    let name = name.trim().to_string();
                    book.classes.push(ClassLine { name, members: value.to_string(), motivated_by: vec![] });
                    last = Last::Class(book.classes.len() - 1);
                }
                (_, Some(("anaphor", name))) => {
                    let rule =
                        read_rule(&format!("{}/{}", super::CONTEXT, name.trim()), value, &classes).map_err(err)?;
                    book.context.anaphors.push(rule);
                    last = Last::Anaphor(book.context.anaphors.len() - 1);
                }
                ("negation", _) => book.stance.negators.extend(alts(value)?),
                ("clause-break", _) => book.stance.breaks.extend(alts(value)?),
                ("negation-window", _) => book.stance.before = number(value)?,
                ("negation-after", _) => book.stance.after = number(value)?,
                ("negator-after", _) => book.stance.after_negators.extend(alts(value)?),
                ("negation-cancel", _) => book.stance.cancels.extend(alts(value)?),
                ("negator-phrase", _) => book.stance.phrase_negators.extend(alts(value)?),
                ("negation-phrase-window", _) => book.stance.phrase_window = number(value)?,
                ("gap-free", _) => book.stance.free.extend(alts(value)?),
                ("connective", _) => book.context.connectives.extend(alts(value)?),
                (_, Some(("cue", name))) if in_code == Some(false) => {
                    let t = book.themes.len() - 1;
                    let id = format!("{}/{}", book.themes[t].theme.id(), name.trim());
                    let mut cue = read_rule(&id, value, &classes).map_err(err)?;
                    // A name is not a topic: "the Global Encryption Coalition" is not about encryption.
                    cue.flags.noname = true;
                    book.themes[t].cues.push(cue);
                    last = Last::Cue(t, book.themes[t].cues.len() - 1);
                }
                (_, Some(("rule", name))) if in_code == Some(true) => {
                    let c = book.codes.len() - 1;
                    let rule =
                        read_rule(&format!("{}/{}", book.codes[c].id, name.trim()), value, &classes).map_err(err)?;
                    if book.codes[c].rules.iter().any(|r| r.id == rule.id) {
                        return Err(err(format!("rule `{}` is defined twice", rule.id)));
                    }
                    book.codes[c].rules.push(rule);
                    last = Last::Rule(c, book.codes[c].rules.len() - 1);
                }
                (_, None) if in_code == Some(false) => {
                    let t = book.themes.last_mut().expect("current theme");
                    match key {
                        "label" => t.label = value.to_string(),
                        "description" => t.description = value.to_string(),
                        _ => return Err(err(format!("unknown theme key `{key}`"))),
                    }
                }
                (_, None) if in_code == Some(true) => {
                    let c = book.codes.last_mut().expect("current code");
                    match key {
                        "theme" if value == "none" => c.theme = None,
                        "theme" => {
                            c.theme =
                                Some(Theme::from_id(value).ok_or_else(|| err(format!("unknown theme `{value}`")))?)
                        }
                        "label" => c.label = value.to_string(),
                        "definition" => c.definition = value.to_string(),
                        "inherit" if value == "lead-in" => c.inherit_lead_in = true,
                        "frame" => {
                            for f in value.split(';').map(str::trim) {
                                if !POLICY_FRAMES.contains(&f) {
                                    return Err(err(format!("`{f}` is not a Policy Frames Codebook dimension")));
                                }
                                c.policy_frames.push(f.to_string());
                            }
                        }
                        _ => return Err(err(format!("unknown code key `{key}`"))),
                    }
                }
                _ => return Err(err(format!("`{key}` is not expected here"))),
            }
        }
        book.check()?;
        Ok(book)
    }

    /// Every statement a `motivated-by:` line names ([`FROM_DEFINITION`] is none).
    pub fn motivating_statements(&self) -> BTreeSet<&str> {
        let rules = self.themes.iter().flat_map(|t| &t.cues).chain(self.codes.iter().flat_map(|c| &c.rules));
        rules
            .chain(&self.context.anaphors)
            .flat_map(|r| &r.motivated_by)
            .chain(self.classes.iter().flat_map(|c| &c.motivated_by))
            .map(String::as_str)
            .filter(|&id| id != FROM_DEFINITION)
            .collect()
    }

    fn check(&self) -> Result<(), CodebookError> {
        if self.codes.len() > usize::from(u16::MAX) {
            return Err(CodebookError { line: 1, message: "too many codes".into() });
        }
        for theme in Theme::ALL {
            if !self.themes.iter().any(|t| t.theme == theme) {
                return Err(CodebookError { line: 1, message: format!("theme `{}` has no entry", theme.id()) });
            }
        }
        for c in &self.codes {
            let prefix_ok = match c.theme {
                Some(t) => c.id.starts_with(t.code_prefix()),
                None => c.id.starts_with("dev."),
            };
            if c.label.is_empty()
                || c.definition.is_empty()
                || c.policy_frames.is_empty()
                || c.rules.is_empty()
                || !prefix_ok
            {
                return Err(CodebookError {
                    line: 1,
                    message: format!("code `{}` needs a matching theme, label, definition, frame and rules", c.id),
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "theme encryption\nlabel: E\ncue x: encrypt*\ntheme access\nlabel: A\ncue x: access\ntheme privacy\nlabel: P\ncue x: privacy\n";

    #[test]
    fn classes_examples_and_leave_one_out() {
        let src = format!(
            "{HEAD}class weak: weaken*\nclass weak: break*\nmotivated-by: doc-a\ncode dev.t\ntheme: none\nlabel: L\ndefinition: D\nframe: Other\nrule w: @weak ~3 encrypt*\ne.g.: they break encryption\nnot: they use encryption\nrule z: zebra\nmotivated-by: doc-b, doc-a\n"
        );
        let full = Codebook::parse(&src).unwrap();
        let w = &full.codes[0].rules[0];
        assert_eq!(w.slots[0].alts.len(), 2);
        assert_eq!((w.examples.len(), w.counter_examples.len()), (1, 1));
        assert_eq!(full.motivating_statements().into_iter().collect::<Vec<_>>(), ["doc-a", "doc-b"]);
        let strictly_without_a = Codebook::parse_without(&src, Leave::Named("doc-a")).unwrap();
        assert_eq!(strictly_without_a.codes[0].rules.len(), 1, "rule z names doc-a");
        assert_eq!(strictly_without_a.codes[0].rules[0].slots[0].alts.len(), 1, "the class line from doc-a is dropped");
        assert_eq!(Codebook::parse_without(&src, Leave::Named("doc-b")).unwrap().codes[0].rules.len(), 1);
        let without_a = Codebook::parse_without(&src, Leave::Sole("doc-a")).unwrap();
        assert_eq!(without_a.codes[0].rules.len(), 2, "rule z is motivated by doc-b as well");
        assert_eq!(without_a.codes[0].rules[0].slots[0].alts.len(), 1, "doc-a alone motivated the class line");
        let without_b = Codebook::parse_without(&src, Leave::Sole("doc-b")).unwrap();
        assert_eq!((without_b.codes[0].rules.len(), without_b.codes[0].rules[0].slots[0].alts.len()), (2, 2));
    }

    #[test]
    fn the_widget_s_lean_codebook_has_the_same_rules() {
        let mut full = Codebook::parse(SOURCE).unwrap();
        let lean = Codebook::parse(LEAN_SOURCE).unwrap();
        let rules =
            full.themes.iter_mut().flat_map(|t| &mut t.cues).chain(full.codes.iter_mut().flat_map(|c| &mut c.rules));
        for rule in rules.chain(&mut full.context.anaphors) {
            (rule.examples, rule.counter_examples, rule.motivated_by) = (vec![], vec![], vec![]);
        }
        full.classes.iter_mut().for_each(|c| c.motivated_by.clear());
        assert_eq!(format!("{lean:?}"), format!("{full:?}"));
        assert!(LEAN_SOURCE.len() < SOURCE.len() * 3 / 4);
    }

    #[test]
    fn the_outline_has_the_codebook_s_structure_without_its_patterns() {
        let (lean, outline) = (Codebook::parse(LEAN_SOURCE).unwrap(), Codebook::parse_outline(OUTLINE_SOURCE).unwrap());
        let names = |b: &Codebook| {
            let cues = b.themes.iter().flat_map(|t| t.cues.iter().map(move |r| (t.label.clone(), r.id.clone())));
            let rules = b.codes.iter().flat_map(|c| c.rules.iter().map(move |r| (c.label.clone(), r.id.clone())));
            cues.chain(rules)
                .chain(b.context.anaphors.iter().map(|r| (String::new(), r.id.clone())))
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&outline), names(&lean));
        assert!(names(&lean).len() > 300);
        let fields = |b: &Codebook| {
            b.codes
                .iter()
                .map(|c| (c.theme, c.definition.clone(), c.policy_frames.clone(), c.inherit_lead_in))
                .collect::<Vec<_>>()
        };
        assert_eq!(fields(&outline), fields(&lean));
        let descriptions = |b: &Codebook| b.themes.iter().map(|t| t.description.clone()).collect::<Vec<_>>();
        assert_eq!(descriptions(&outline), descriptions(&lean));
        // The word classes are left out: only the Method view lists them, from the whole codebook.
        assert!(outline.classes.is_empty() && !lean.classes.is_empty());
        let every = outline.themes.iter().flat_map(|t| &t.cues).chain(outline.codes.iter().flat_map(|c| &c.rules));
        assert!(every.chain(&outline.context.anaphors).all(|r| r.pattern.is_empty() && r.slots.is_empty()));
        assert!(outline.stance.negators.is_empty() && !lean.stance.negators.is_empty());
        assert!(!outline.matchable && lean.matchable);
        // Under half the lean codebook's bytes, and no alternative, gap or class of a pattern.
        assert!(OUTLINE_SOURCE.len() * 2 < LEAN_SOURCE.len());
        assert!(!OUTLINE_SOURCE.contains('|') && !OUTLINE_SOURCE.contains('~') && !OUTLINE_SOURCE.contains('@'));
    }

    #[test]
    #[should_panic(expected = "cannot match text")]
    fn a_codebook_to_be_shown_keeps_its_patterns_and_matches_nothing() {
        let (shown, lean) = (Codebook::parse_shown(LEAN_SOURCE).unwrap(), Codebook::parse(LEAN_SOURCE).unwrap());
        let patterns =
            |b: &Codebook| b.codes.iter().flat_map(|c| c.rules.iter().map(|r| r.pattern.clone())).collect::<Vec<_>>();
        assert_eq!(patterns(&shown), patterns(&lean));
        assert_eq!(shown.classes, lean.classes);
        let _ = crate::analysis::matcher::Matcher::new(&shown);
    }

    #[test]
    fn items_from_the_definition_count_for_every_statement() {
        let src = format!(
            "{HEAD}code dev.t\ntheme: none\nlabel: L\ndefinition: D\nframe: Other\nrule d: zebra\nmotivated-by: definition\nrule x: yak\nmotivated-by: doc-a\n"
        );
        let full = Codebook::parse(&src).unwrap();
        assert_eq!(full.motivating_statements().into_iter().collect::<Vec<_>>(), ["doc-a"]);
        for leave in [Leave::Sole("doc-a"), Leave::Named("doc-a")] {
            assert_eq!(Codebook::parse_without(&src, leave).unwrap().codes[0].rules.len(), 1);
        }
        for leave in [Leave::Sole(FROM_DEFINITION), Leave::Named(FROM_DEFINITION)] {
            assert_eq!(Codebook::parse_without(&src, leave).unwrap().codes[0].rules.len(), 2);
        }
    }

    #[test]
    fn reserved_names_and_misplaced_meta_lines_are_errors() {
        assert!(parse_rule("x/lead-in", "a", &Classes::new()).is_err());
        assert_eq!(Codebook::parse(&format!("{HEAD}code dev.t\ne.g.: something\n")).unwrap_err().line, 11);
        // A rule slipped in between a rule and its log would take the log over: two logs are an error.
        let code = "code dev.t\ntheme: none\nlabel: L\ndefinition: D\nframe: Other\nrule a: yak\n";
        let twice = format!("{HEAD}{code}motivated-by: doc-a\nmotivated-by: doc-b\n");
        assert_eq!(Codebook::parse(&twice).unwrap_err().line, 17);
        let class = format!("{HEAD}class c: yak\nmotivated-by: doc-a\nmotivated-by: doc-b\n{code}");
        assert_eq!(Codebook::parse(&class).unwrap_err().line, 12);
    }
}
