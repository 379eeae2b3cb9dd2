//! The codebook: themes, codes, definitions, Policy Frames mapping, word
//! classes, negation and context settings, and the rules that detect each code,
//! parsed from `corpus/codebook.txt` (the format is in [`parse`] and the file's
//! own header; patterns compile in [`super::pattern`]).
//!
//! Rules are written in words and compiled to stems, so "support strong
//! encryption" also matches "supports strong encryption". No rule names a
//! document or a sentence.

pub mod parse;
pub use parse::Leave;

pub use super::pattern::{Alt, Flags, Slot};
use serde::Serialize;
use std::fmt;

/// The bundled codebook source.
#[cfg(not(target_arch = "wasm32"))]
pub const SOURCE: &str = include_str!("../../../corpus/codebook.txt");
/// The bundled codebook source as the widget carries it: the same rules without the
/// comments and the `e.g.:`, `not:` and `motivated-by:` lines (written by `build.rs`).
#[cfg(target_arch = "wasm32")]
pub const SOURCE: &str = LEAN_SOURCE;
/// The codebook without comments, examples and its development log (`build.rs`).
pub const LEAN_SOURCE: &str = include_str!(concat!(env!("OUT_DIR"), "/codebook.txt"));
/// The lean codebook with its patterns and word lists left empty (`build.rs`): what
/// the hosted build's start-up reads ([`Codebook::bundled`]).
pub const OUTLINE_SOURCE: &str = include_str!(concat!(env!("OUT_DIR"), "/codebook-outline.txt"));

/// What the ids of anaphors start with: `context/<name>`.
pub const CONTEXT: &str = "context";

/// The three themes, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    Encryption,
    Access,
    Privacy,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Encryption, Theme::Access, Theme::Privacy];

    /// The id used in data files, URLs and exports.
    pub fn id(self) -> &'static str {
        match self {
            Theme::Encryption => "encryption",
            Theme::Access => "access",
            Theme::Privacy => "privacy",
        }
    }

    /// Reads a theme id.
    pub fn from_id(id: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.id() == id)
    }

    /// The prefix every code of this theme starts with.
    pub fn code_prefix(self) -> &'static str {
        match self {
            Theme::Encryption => "enc.",
            Theme::Access => "acc.",
            Theme::Privacy => "priv.",
        }
    }

    /// The label shown to readers.
    pub fn label(self) -> &'static str {
        match self {
            Theme::Encryption => "Encryption",
            Theme::Access => "Access",
            Theme::Privacy => "Privacy",
        }
    }
}

/// A code's position in [`Codebook::codes`]: analysis results carry this, and
/// the id (`acc.lawful`) is looked up only where text is written (exports, the
/// CLI, the URL). Ordering by it is codebook order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CodeId(pub u16);

impl CodeId {
    /// The index into [`Codebook::codes`].
    pub fn index(self) -> usize {
        usize::from(self.0)
    }
}

/// What a label or a rule is about: a theme, or a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    Theme(Theme),
    Code(CodeId),
}

/// A detection rule: what it is called, how it reads, and its compiled slots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rule {
    pub id: String,
    /// The pattern as written in the codebook, shown to readers.
    pub pattern: String,
    pub slots: Vec<Slot>,
    pub flags: Flags,
    /// `e.g.:` lines: wordings the rule must fire on (a test checks them).
    pub examples: Vec<String>,
    /// `not:` lines: wordings it must not fire on.
    pub counter_examples: Vec<String>,
    /// `motivated-by:` lines: the development statements that led to the rule.
    /// Leave-one-statement-out scoring drops it when scoring those statements.
    pub motivated_by: Vec<String>,
}

/// A theme entry: label, description and cue rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThemeEntry {
    pub theme: Theme,
    pub label: String,
    pub description: String,
    /// A sentence addresses the theme when a cue matches (or one of its codes fires).
    pub cues: Vec<Rule>,
}

/// A code: a frame within a theme (or a cross-cutting device, `theme: None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Code {
    pub id: String,
    pub theme: Option<Theme>,
    pub label: String,
    pub definition: String,
    /// Policy Frames Codebook dimensions (Boydstun et al.) the code expresses.
    pub policy_frames: Vec<String>,
    pub rules: Vec<Rule>,
    /// List items carry the code when the sentence introducing the list (ending in
    /// `:`) does: "We call on companies to: - Embed… - Enable…".
    pub inherit_lead_in: bool,
}

/// The whole codebook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Codebook {
    pub themes: Vec<ThemeEntry>,
    pub codes: Vec<Code>,
    /// Named word classes as written (`class weaken: weaken*|undermin*`), for readers.
    pub classes: Vec<ClassLine>,
    pub stance: Stance,
    pub context: Context,
    /// Whether its patterns are compiled to match text ([`Codebook::parse_shown`] is not).
    #[serde(skip)]
    pub matchable: bool,
}

/// One `class` line: a class is the union of its lines, so a researcher extends
/// it with a line of its own (and that line's `motivated-by:`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClassLine {
    pub name: String,
    pub members: String,
    pub motivated_by: Vec<String>,
}

/// What negates or opposes a word, and how far: the `[neg]`/`[noneg]` flags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Stance {
    /// `negation:` words ("not", "never", "*n't") and opposition ("oppose", "refuse", "nobody").
    pub negators: Vec<Alt>,
    /// `clause-break:` words that end a negation's scope ("but", "however").
    pub breaks: Vec<Alt>,
    /// `negation-window:` how many words before the matched words a negator may stand.
    pub before: usize,
    /// `negation-after:` how many words after them ("A backdoor is not what we want").
    pub after: usize,
    /// `negator-after:` the negators that count there: a predicate's negation
    /// ("is not", "never"), not "without", which negates what follows it.
    pub after_negators: Vec<Alt>,
    /// `negator-phrase:` the negators that negate only the phrase they open
    /// ("without the ability to see"): matched words count as negated by one only
    /// when they begin within `negation-phrase-window:` words after it, so "without the
    /// passcode its contents remain unreadable" does not deny the unreadable contents.
    pub phrase_negators: Vec<Alt>,
    /// `negation-phrase-window:` how far a `negator-phrase:` word reaches.
    pub phrase_window: usize,
    /// `negation-cancel:` words that turn a negator just before them into an affirmation
    /// ("Nobody disputes that…", "There is no doubt that…", "cannot deny").
    pub cancels: Vec<Alt>,
    /// `gap-free:` words that a gap `~N` does not count ("the", "of", "their"):
    /// "protects personal, commercial and government information" is
    /// `protect* ~4 information` as much as "protects their information" is.
    pub free: Vec<Alt>,
}

/// Context carry-over: a sentence that continues the previous one through a
/// pronoun or a general noun ("It is a tool…", "these technologies") reads that
/// word as the previous sentence's topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Context {
    /// `anaphor NAME:` patterns; the last matched word stands for the topic.
    pub anaphors: Vec<Rule>,
    /// `connective:` words that let a sentence opening a paragraph continue the
    /// previous paragraph ("However, …").
    pub connectives: Vec<Alt>,
}

/// A codebook error located by line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodebookError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for CodebookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "corpus/codebook.txt:{}: {}", self.line, self.message)
    }
}

impl std::error::Error for CodebookError {}

/// One of the bundled codebook's forms, parsed the first time it is asked for.
///
/// # Panics
/// Only if `corpus/codebook.txt` is malformed, which the unit tests rule out.
fn once(
    cell: &'static std::sync::OnceLock<Codebook>,
    parse: impl FnOnce() -> Result<Codebook, CodebookError>,
) -> &'static Codebook {
    cell.get_or_init(|| parse().unwrap_or_else(|e| panic!("{e}")))
}

/// The policy-frame dimensions a code may name (Boydstun et al. 2014).
pub const POLICY_FRAMES: [&str; 15] = [
    "Economic",
    "Capacity and resources",
    "Morality",
    "Fairness and equality",
    "Legality, constitutionality and jurisprudence",
    "Policy prescription and evaluation",
    "Crime and punishment",
    "Security and defense",
    "Health and safety",
    "Quality of life",
    "Cultural identity",
    "Public opinion",
    "Political",
    "External regulation and reputation",
    "Other",
];

impl Codebook {
    /// The bundled codebook.
    ///
    /// In the hosted build (feature `precomputed`), where the bundled corpus's analysis
    /// comes precomputed, this is its outline ([`Codebook::parse_outline`]): themes,
    /// codes, labels, definitions and rule names, in the same order, without the
    /// patterns, so that start-up neither carries them nor runs the stemmer. Patterns
    /// are shown from [`Codebook::written`] and text is matched with
    /// [`Codebook::matching`], both in parts of the widget loaded when first needed.
    /// It is read from bytes (`corpus/bundle.bin`), so start-up has no codebook parser.
    ///
    /// # Panics
    /// Only if `corpus/codebook.txt` is malformed, which the unit tests rule out, or
    /// `corpus/bundle.bin` is stale, which a native test rules out.
    pub fn bundled() -> &'static Codebook {
        #[cfg(feature = "precomputed")]
        {
            // Read from `corpus/bundle.bin`, which `make precompute` writes from the outline.
            &crate::bundle::bundled().1
        }
        #[cfg(not(feature = "precomputed"))]
        Codebook::matching()
    }

    /// The bundled codebook as written, to show its patterns and classes: the
    /// same codes, rules and order as [`Codebook::bundled`].
    pub fn written() -> &'static Codebook {
        #[cfg(feature = "precomputed")]
        {
            static WRITTEN: std::sync::OnceLock<Codebook> = std::sync::OnceLock::new();
            once(&WRITTEN, || Codebook::parse_shown(SOURCE))
        }
        #[cfg(not(feature = "precomputed"))]
        Codebook::matching()
    }

    /// The bundled codebook compiled to match text: the same codes, rules and
    /// order as [`Codebook::bundled`], so the labels it gives index both.
    pub fn matching() -> &'static Codebook {
        static BOOK: std::sync::OnceLock<Codebook> = std::sync::OnceLock::new();
        once(&BOOK, || Codebook::parse(SOURCE))
    }

    /// Looks a code up by id.
    pub fn code(&self, id: &str) -> Option<&Code> {
        self.code_id(id).map(|c| &self[c])
    }

    /// The index of the code with this id.
    pub fn code_id(&self, id: &str) -> Option<CodeId> {
        let i = self.codes.iter().position(|c| c.id == id)?;
        Some(CodeId(i as u16))
    }

    /// Every code with its index, in codebook order.
    pub fn code_ids(&self) -> impl Iterator<Item = (CodeId, &Code)> {
        self.codes.iter().enumerate().map(|(i, c)| (CodeId(i as u16), c))
    }

    /// The id of a target, as data files, URLs and exports write it.
    pub fn target_id(&self, target: Target) -> &str {
        match target {
            Target::Theme(t) => t.id(),
            Target::Code(c) => &self[c].id,
        }
    }

    /// The theme a target belongs to (`None` for a cross-cutting device).
    pub fn target_theme(&self, target: Target) -> Option<Theme> {
        match target {
            Target::Theme(t) => Some(t),
            Target::Code(c) => self[c].theme,
        }
    }

    /// The rules of a target: a theme's cues or a code's rules.
    pub fn rules_of(&self, target: Target) -> &[Rule] {
        match target {
            Target::Theme(t) => &self.theme(t).cues,
            Target::Code(c) => &self[c].rules,
        }
    }

    /// The entry for a theme.
    pub fn theme(&self, theme: Theme) -> &ThemeEntry {
        self.themes.iter().find(|t| t.theme == theme).expect("every theme has an entry")
    }

    /// The codes of one theme, in codebook order.
    pub fn codes_of(&self, theme: Theme) -> impl Iterator<Item = &Code> {
        self.codes.iter().filter(move |c| c.theme == Some(theme))
    }
}

impl std::ops::Index<CodeId> for Codebook {
    type Output = Code;
    fn index(&self, id: CodeId) -> &Code {
        &self.codes[id.index()]
    }
}

/// Names a rule may not take: evidence that no rule produced is written
/// `<target>/<one of these>` in exports.
pub const RESERVED_RULE_NAMES: [&str; 2] = ["lead-in", "context"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_codebook_parses_with_every_required_code() {
        let book = Codebook::bundled();
        let ids: Vec<&str> = book.codes.iter().map(|c| c.id.as_str()).collect();
        let required = [
            "enc.endorse",
            "enc.abuse",
            "enc.design",
            "enc.no_weaken",
            "acc.lawful",
            "acc.safeguards",
            "acc.not_backdoor",
            "acc.capability_gap",
            "acc.industry_duty",
            "acc.readable",
            "priv.right",
            "priv.no_tradeoff",
            "priv.qualified",
            "dev.threat",
            "dev.evidence",
            "dev.authority",
        ];
        assert_eq!(ids, required);
        for theme in Theme::ALL {
            assert!(!book.theme(theme).cues.is_empty());
        }
    }

    #[test]
    fn rules_compile_to_stems_gaps_and_flags() {
        let none = super::super::pattern::Classes::new();
        let r = parse::parse_rule("x/y", "supports|favour ~4 encrypt* [noneg unquoted]", &none).unwrap();
        assert_eq!(r.slots[0].alts, [Alt::Stem("support".into()), Alt::Stem("favour".into())]);
        assert_eq!(r.slots[1], Slot { alts: vec![Alt::Prefix("encrypt".into())], within: 4 });
        assert!(r.flags.noneg && r.flags.unquoted && !r.flags.neg);
        assert!(parse::parse_rule("x", "a [maybe]", &none).is_err());
        assert!(parse::parse_rule("x", "a ~99 b", &none).is_err());
        assert!(parse::parse_rule("x", "[neg]", &none).is_err());
    }

    #[test]
    fn codebook_errors_name_the_line() {
        let err = Codebook::parse("theme encryption\nlabel: E\ncode enc.x\nframe: Astrology\n").unwrap_err();
        assert_eq!(err.line, 4);
        assert!(err.to_string().contains("Astrology"));
    }
}
