//! The codebook: themes, codes, definitions, Policy Frames mapping, and the rules
//! that detect each code, parsed from `corpus/codebook.txt`.
//!
//! Rules are written in words and compiled to stems, so "support strong
//! encryption" also matches "supports strong encryption". A rule is a sequence of
//! slots; each slot lists alternatives separated by `|` (`word` matches by stem,
//! `word*` by lowercase prefix, `#num` a quantity); `~N` between slots lets the next
//! slot occur up to N tokens later (default: the very next token). Flags in brackets
//! after the pattern: `[neg]` the first word must be negated in its clause, `[noneg]`
//! it must not be, `[unquoted]` it must not sit in a quotation. No rule names a
//! document or a sentence.

use super::tokens::stem;
use serde::Serialize;
use std::fmt;

/// The bundled codebook source.
pub const SOURCE: &str = include_str!("../../corpus/codebook.txt");

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

/// One alternative within a slot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Alt {
    /// Matches a token whose stem equals this stem.
    Stem(String),
    /// Matches a token whose lowercase form starts with this.
    Prefix(String),
    /// Matches a number that states a quantity (not a year, not a day of a month).
    Number,
}

/// One position of a rule pattern.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Slot {
    pub alts: Vec<Alt>,
    /// How many tokens after the previous slot's token this one may come (1 = next).
    pub within: usize,
}

/// Conditions on the first matched word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Flags {
    pub neg: bool,
    pub noneg: bool,
    pub unquoted: bool,
}

/// A detection rule: what it is called, how it reads, and its compiled slots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rule {
    pub id: String,
    /// The pattern as written in the codebook, shown to readers.
    pub pattern: String,
    pub slots: Vec<Slot>,
    pub flags: Flags,
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
    /// # Panics
    /// Only if `corpus/codebook.txt` is malformed, which the unit tests rule out.
    pub fn bundled() -> &'static Codebook {
        static BOOK: std::sync::OnceLock<Codebook> = std::sync::OnceLock::new();
        BOOK.get_or_init(|| Codebook::parse(SOURCE).unwrap_or_else(|e| panic!("{e}")))
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

    /// Parses the codebook format (see the module docs and the file's own header).
    pub fn parse(source: &str) -> Result<Codebook, CodebookError> {
        let mut book = Codebook { themes: Vec::new(), codes: Vec::new() };
        enum Current {
            None,
            Theme,
            Code,
        }
        let mut current = Current::None;
        for (i, raw) in source.lines().enumerate() {
            let line_no = i + 1;
            let line = raw.trim();
            let err = |message: String| CodebookError { line: line_no, message };
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(id) = line.strip_prefix("theme ") {
                let theme = Theme::from_id(id.trim()).ok_or_else(|| err(format!("unknown theme `{id}`")))?;
                book.themes.push(ThemeEntry { theme, label: String::new(), description: String::new(), cues: vec![] });
                current = Current::Theme;
                continue;
            }
            if let Some(id) = line.strip_prefix("code ") {
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
                current = Current::Code;
                continue;
            }
            let (key, value) = line.split_once(':').ok_or_else(|| err(format!("expected `key: value`: `{line}`")))?;
            let (key, value) = (key.trim(), value.trim());
            match (&current, key.split_once(' ')) {
                (Current::Theme, None) => {
                    let t = book.themes.last_mut().expect("current theme");
                    match key {
                        "label" => t.label = value.to_string(),
                        "description" => t.description = value.to_string(),
                        _ => return Err(err(format!("unknown theme key `{key}`"))),
                    }
                }
                (Current::Theme, Some(("cue", id))) => {
                    let t = book.themes.last_mut().expect("current theme");
                    let rule = parse_rule(&format!("{}/{}", t.theme.id(), id.trim()), value).map_err(err)?;
                    t.cues.push(rule);
                }
                (Current::Code, None) => {
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
                (Current::Code, Some(("rule", id))) => {
                    let c = book.codes.last_mut().expect("current code");
                    let rule = parse_rule(&format!("{}/{}", c.id, id.trim()), value).map_err(err)?;
                    if c.rules.iter().any(|r| r.id == rule.id) {
                        return Err(err(format!("rule `{}` is defined twice", rule.id)));
                    }
                    c.rules.push(rule);
                }
                _ => return Err(err(format!("`{key}` is not expected here"))),
            }
        }
        if book.codes.len() > usize::from(u16::MAX) {
            return Err(CodebookError { line: 1, message: "too many codes".into() });
        }
        for theme in Theme::ALL {
            if !book.themes.iter().any(|t| t.theme == theme) {
                return Err(CodebookError { line: 1, message: format!("theme `{}` has no entry", theme.id()) });
            }
        }
        for c in &book.codes {
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
        Ok(book)
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

/// Compiles one rule from its written pattern.
pub fn parse_rule(id: &str, written: &str) -> Result<Rule, String> {
    if id.rsplit('/').next().is_some_and(|name| RESERVED_RULE_NAMES.contains(&name)) {
        return Err(format!("rule `{id}`: the name is reserved for labels no rule produced"));
    }
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
            other => return Err(format!("rule `{id}`: unknown flag `{other}`")),
        }
    }
    let mut slots = Vec::new();
    let mut within = 1;
    for part in pattern.split_whitespace() {
        if let Some(n) = part.strip_prefix('~') {
            within = n.parse().ok().filter(|n| (1..=20).contains(n)).ok_or(format!("rule `{id}`: bad gap `{part}`"))?;
            continue;
        }
        let alts = part
            .split('|')
            .map(|a| match a {
                "#num" => Ok(Alt::Number),
                "" => Err(format!("rule `{id}`: empty alternative in `{part}`")),
                a if a.ends_with('*') => Ok(Alt::Prefix(a.trim_end_matches('*').to_lowercase())),
                a => Ok(Alt::Stem(stem(&a.to_lowercase()))),
            })
            .collect::<Result<Vec<_>, _>>()?;
        slots.push(Slot { alts, within });
        within = 1;
    }
    if slots.is_empty() {
        return Err(format!("rule `{id}` has an empty pattern"));
    }
    Ok(Rule { id: id.to_string(), pattern: written.trim().to_string(), slots, flags })
}

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
        let r = parse_rule("x/y", "supports|favour ~4 encrypt* [noneg unquoted]").unwrap();
        assert_eq!(r.slots[0].alts, [Alt::Stem("support".into()), Alt::Stem("favour".into())]);
        assert_eq!(r.slots[1], Slot { alts: vec![Alt::Prefix("encrypt".into())], within: 4 });
        assert!(r.flags.noneg && r.flags.unquoted && !r.flags.neg);
        assert!(parse_rule("x", "a [maybe]").is_err());
        assert!(parse_rule("x", "a ~99 b").is_err());
        assert!(parse_rule("x", "[neg]").is_err());
    }

    #[test]
    fn codebook_errors_name_the_line() {
        let err = Codebook::parse("theme encryption\nlabel: E\ncode enc.x\nframe: Astrology\n").unwrap_err();
        assert_eq!(err.line, 4);
        assert!(err.to_string().contains("Astrology"));
    }
}
