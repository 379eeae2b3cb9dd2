//! The bundled corpus and the codebook's outline as bytes (`corpus/bundle.bin`), so
//! that the hosted build (feature `precomputed`) starts from data instead of parsing
//! markdown and the codebook: its start-up then carries neither parser. `make
//! precompute` writes the file; a native test fails while it is not today's, and the
//! build's fingerprint ([`wire::fingerprint`]) ties it to the texts it was made from.
//!
//! The layout is [`wire`]'s: LEB128 numbers and length-prefixed strings, every count
//! checked against the bytes left, so damaged bytes are an error, never a panic.

use crate::analysis::codebook::{ClassLine, Code, Codebook, Context, Flags, Rule, Stance, Theme, ThemeEntry, CONTEXT};
use crate::analysis::wire::{self, Reader, WireError, Writer};
use crate::analysis::{CorpusAnalysis, Source};
use crate::corpus::date::{DateInfo, Precision, YearMonthDay};
use crate::corpus::markup::{Block, BlockKind, Body, Footnote, Mark, MarkKind};
use crate::corpus::{Corpus, Kind, Removal, Statement};
use std::collections::BTreeSet;

/// The first byte of a bundle.
const BUNDLE: u8 = 0xb1;

/// The corpus and the codebook's outline as bytes.
///
/// # Panics
/// If `outline` carries compiled patterns or word lists: a bundle holds an outline
/// ([`Codebook::parse_outline`]), which has none.
pub fn encode(corpus: &Corpus, outline: &Codebook) -> Vec<u8> {
    let mut w = Writer(vec![BUNDLE]);
    w.u64(wire::fingerprint());
    w.num(corpus.statements.len());
    for s in &corpus.statements {
        w.statement(s);
    }
    w.outline(outline);
    w.0
}

/// The outline a bundle carries beside `analysis` (the bundled corpus's): `outline`
/// with the ids of the cues and rules that label no sentence of the corpus left empty.
/// The first load shows a rule's id only beside a sentence of the corpus it labels;
/// for a reader's own statement the widget reads ids from the whole codebook (the part
/// that shows the patterns), so most rules' ids stay out of the first load.
pub fn outline_for(outline: &Codebook, analysis: &CorpusAnalysis<'_>) -> Codebook {
    use crate::analysis::codebook::{CodeId, Target};
    let used: BTreeSet<(Target, u16)> = analysis
        .documents
        .iter()
        .flat_map(|d| &d.analysis.sentences)
        .flat_map(|s| &s.evidence)
        .filter_map(|e| match e.source {
            Source::Rule(i) | Source::Context { rule: i, .. } => Some((e.target, i)),
            Source::LeadIn { .. } => None,
        })
        .collect();
    let mut book = outline.clone();
    let blank = |target: Target, rules: &mut [Rule]| {
        for (i, r) in rules.iter_mut().enumerate() {
            if !u16::try_from(i).is_ok_and(|i| used.contains(&(target, i))) {
                r.id.clear();
            }
        }
    };
    for t in &mut book.themes {
        blank(Target::Theme(t.theme), &mut t.cues);
    }
    for (i, c) in book.codes.iter_mut().enumerate() {
        blank(Target::Code(CodeId(i as u16)), &mut c.rules);
    }
    book
}

/// The corpus and the outline from [`encode`]'s bytes; an error unless they come from
/// this build's texts.
pub fn decode(bytes: &[u8]) -> Result<(Corpus, Codebook), WireError> {
    match bytes.first() {
        Some(&BUNDLE) => {}
        other => return Err(WireError::Version(other.copied())),
    }
    let mut r = Reader { bytes, at: 1 };
    if r.u64()? != wire::fingerprint() {
        return Err(WireError::Build);
    }
    let mut statements = Vec::new();
    for _ in 0..r.len()? {
        statements.push(r.statement()?);
    }
    let outline = r.outline()?;
    if r.at != bytes.len() {
        return Err(WireError::Invalid);
    }
    Ok((Corpus { statements }, outline))
}

/// The bundle the hosted build carries, read once.
#[cfg(feature = "precomputed")]
pub fn bundled() -> &'static (Corpus, Codebook) {
    static BYTES: &[u8] = include_bytes!("../corpus/bundle.bin");
    static BUNDLE: std::sync::OnceLock<(Corpus, Codebook)> = std::sync::OnceLock::new();
    BUNDLE
        .get_or_init(|| decode(BYTES).expect("corpus/bundle.bin is this build's corpus and codebook (make precompute)"))
}

const KINDS: [Kind; 5] =
    [Kind::Letter, Kind::JointStatement, Kind::WrittenParliamentaryAnswer, Kind::Factsheet, Kind::UserSupplied];
const PRECISIONS: [Precision; 4] = [Precision::Day, Precision::Month, Precision::Inferred, Precision::Undated];

fn index_of<T: PartialEq>(all: &[T], x: &T) -> usize {
    all.iter().position(|k| k == x).expect("every variant is listed")
}

impl Writer {
    fn flag(&mut self, b: bool) {
        self.num(usize::from(b));
    }

    fn opt(&mut self, s: &Option<String>) {
        match s {
            None => self.num(0),
            Some(s) => {
                self.num(1);
                self.str(s);
            }
        }
    }

    fn strs<S: AsRef<str>>(&mut self, v: &[S]) {
        self.num(v.len());
        for s in v {
            self.str(s.as_ref());
        }
    }

    fn day(&mut self, d: &YearMonthDay) {
        self.num(usize::from(d.year));
        self.num(usize::from(d.month));
        self.num(usize::from(d.day));
    }

    fn marks(&mut self, marks: &[Mark]) {
        self.num(marks.len());
        for m in marks {
            match &m.kind {
                MarkKind::Emphasis => self.num(0),
                MarkKind::Strong => self.num(1),
                MarkKind::FootnoteRef { label } => {
                    self.num(2);
                    self.str(label);
                }
            }
            self.num(m.start);
            self.num(m.end);
        }
    }

    fn statement(&mut self, s: &Statement) {
        for text in [&s.id, &s.title, &s.short_title] {
            self.str(text);
        }
        self.num(index_of(&KINDS, &s.kind));
        self.str(&s.author);
        self.str(&s.author_role);
        self.opt(&s.recipient);
        self.str(&s.date.written);
        self.day(&s.date.earliest);
        self.day(&s.date.latest);
        self.num(index_of(&PRECISIONS, &s.date.precision));
        self.str(&s.date.basis);
        self.str(&s.publisher);
        for o in [&s.source_url, &s.archive_url, &s.source_note, &s.reference] {
            self.opt(o);
        }
        self.strs(&s.signatories);
        self.opt(&s.asker);
        self.opt(&s.answered_by);
        self.strs(&s.redactions);
        self.num(s.removed.len());
        for r in &s.removed {
            self.str(&r.category);
            self.str(&r.text);
        }
        self.num(s.fields.len());
        for (k, v) in &s.fields {
            self.str(k);
            self.str(v);
        }
        let body = &s.body;
        self.str(&body.text);
        self.num(body.blocks.len());
        for b in &body.blocks {
            match b.kind {
                BlockKind::Heading { level } => {
                    self.num(0);
                    self.num(usize::from(level));
                }
                BlockKind::Paragraph => self.num(1),
                BlockKind::ListItem { ordered, number } => {
                    self.num(2);
                    self.flag(ordered);
                    self.u64(u64::from(number));
                }
                BlockKind::Quote => self.num(3),
            }
            self.num(b.start);
            self.num(b.end);
            self.marks(&b.marks);
        }
        self.num(body.footnotes.len());
        for f in &body.footnotes {
            self.str(&f.label);
            self.str(&f.text);
            self.marks(&f.marks);
        }
    }

    /// The rules of one target (`owner`: a theme's, a code's or the context's id), as an
    /// outline has them: each id without the `owner/` every one of them starts with, which
    /// the reader puts back, and the flags; no pattern, examples or log (the lean codebook
    /// has none).
    fn rules(&mut self, owner: &str, rules: &[Rule]) {
        self.num(rules.len());
        for r in rules {
            assert!(
                r.slots.is_empty()
                    && r.pattern.is_empty()
                    && r.examples.is_empty()
                    && r.counter_examples.is_empty()
                    && r.motivated_by.is_empty(),
                "a bundle holds the codebook's outline: `{}` has a pattern, examples or a log",
                r.id
            );
            // An empty id stays empty ([`outline_for`]).
            let name = r.id.strip_prefix(owner).and_then(|rest| rest.strip_prefix('/'));
            self.str(
                name.or(r.id.is_empty().then_some(""))
                    .unwrap_or_else(|| panic!("rule `{}` is not named under `{owner}/`", r.id)),
            );
            let f = r.flags;
            let bits = [f.neg, f.noneg, f.unquoted, f.start, f.noname, f.name];
            self.num(bits.iter().rev().fold(0, |n, &b| n << 1 | usize::from(b)));
        }
    }

    fn outline(&mut self, book: &Codebook) {
        let st = &book.stance;
        assert!(
            [
                &st.negators,
                &st.breaks,
                &st.after_negators,
                &st.cancels,
                &st.phrase_negators,
                &st.free,
                &book.context.connectives
            ]
            .iter()
            .all(|v| v.is_empty()),
            "a bundle holds the codebook's outline, without word lists"
        );
        self.num(book.themes.len());
        for t in &book.themes {
            self.num(index_of(&Theme::ALL, &t.theme));
            self.str(&t.label);
            self.str(&t.description);
            self.rules(t.theme.id(), &t.cues);
        }
        self.num(book.codes.len());
        for c in &book.codes {
            self.str(&c.id);
            self.num(c.theme.map_or(0, |t| index_of(&Theme::ALL, &t) + 1));
            self.str(&c.label);
            self.str(&c.definition);
            self.strs(&c.policy_frames);
            self.rules(&c.id, &c.rules);
            self.flag(c.inherit_lead_in);
        }
        self.num(book.classes.len());
        for c in &book.classes {
            self.str(&c.name);
            self.str(&c.members);
            self.strs(&c.motivated_by);
        }
        self.num(st.before);
        self.num(st.after);
        self.num(st.phrase_window);
        self.rules(CONTEXT, &book.context.anaphors);
        self.flag(book.matchable);
    }
}

impl Reader<'_> {
    fn opt(&mut self) -> Result<Option<String>, WireError> {
        Ok(if self.flag()? { Some(self.str()?) } else { None })
    }

    fn strs(&mut self) -> Result<Vec<String>, WireError> {
        (0..self.len()?).map(|_| self.str()).collect()
    }

    fn pick<T: Copy>(&mut self, all: &[T]) -> Result<T, WireError> {
        let i = self.num()?;
        all.get(i).copied().ok_or(WireError::Invalid)
    }

    fn small<T: TryFrom<usize>>(&mut self) -> Result<T, WireError> {
        T::try_from(self.num()?).map_err(|_| WireError::Invalid)
    }

    fn day(&mut self) -> Result<YearMonthDay, WireError> {
        Ok(YearMonthDay { year: self.small()?, month: self.small()?, day: self.small()? })
    }

    fn marks(&mut self) -> Result<Vec<Mark>, WireError> {
        let mut marks = Vec::new();
        for _ in 0..self.len()? {
            let kind = match self.num()? {
                0 => MarkKind::Emphasis,
                1 => MarkKind::Strong,
                2 => MarkKind::FootnoteRef { label: self.str()? },
                _ => return Err(WireError::Invalid),
            };
            marks.push(Mark { kind, start: self.num()?, end: self.num()? });
        }
        Ok(marks)
    }

    fn statement(&mut self) -> Result<Statement, WireError> {
        let (id, title, short_title) = (self.str()?, self.str()?, self.str()?);
        let kind = self.pick(&KINDS)?;
        let (author, author_role, recipient) = (self.str()?, self.str()?, self.opt()?);
        let date = DateInfo {
            written: self.str()?,
            earliest: self.day()?,
            latest: self.day()?,
            precision: self.pick(&PRECISIONS)?,
            basis: self.str()?,
        };
        let publisher = self.str()?;
        let (source_url, archive_url, source_note, reference) = (self.opt()?, self.opt()?, self.opt()?, self.opt()?);
        let signatories = self.strs()?;
        let (asker, answered_by) = (self.opt()?, self.opt()?);
        let redactions = self.strs()?;
        let removed = (0..self.len()?)
            .map(|_| Ok(Removal { category: self.str()?, text: self.str()? }))
            .collect::<Result<_, WireError>>()?;
        let fields = (0..self.len()?).map(|_| Ok((self.str()?, self.str()?))).collect::<Result<_, WireError>>()?;
        let text = self.str()?;
        let mut blocks = Vec::new();
        for _ in 0..self.len()? {
            let kind = match self.num()? {
                0 => BlockKind::Heading { level: self.small()? },
                1 => BlockKind::Paragraph,
                2 => BlockKind::ListItem {
                    ordered: self.flag()?,
                    number: u32::try_from(self.u64()?).map_err(|_| WireError::Invalid)?,
                },
                3 => BlockKind::Quote,
                _ => return Err(WireError::Invalid),
            };
            blocks.push(Block { kind, start: self.num()?, end: self.num()?, marks: self.marks()? });
        }
        let footnotes: Vec<Footnote> = (0..self.len()?)
            .map(|_| Ok(Footnote { label: self.str()?, text: self.str()?, marks: self.marks()? }))
            .collect::<Result<_, WireError>>()?;
        // Every offset must fall on a character boundary of the text it points into.
        let fits = |t: &str, a: usize, b: usize| a <= b && t.is_char_boundary(a) && t.is_char_boundary(b);
        let marks_fit = |t: &str, m: &[Mark]| m.iter().all(|m| fits(t, m.start, m.end));
        if !blocks.iter().all(|b: &Block| fits(&text, b.start, b.end) && marks_fit(&text, &b.marks))
            || !footnotes.iter().all(|f: &Footnote| marks_fit(&f.text, &f.marks))
        {
            return Err(WireError::Invalid);
        }
        Ok(Statement {
            id,
            title,
            short_title,
            kind,
            author,
            author_role,
            recipient,
            date,
            publisher,
            source_url,
            archive_url,
            source_note,
            reference,
            signatories,
            asker,
            answered_by,
            redactions,
            removed,
            fields,
            body: Body { text, blocks, footnotes },
        })
    }

    fn rules(&mut self, owner: &str) -> Result<Vec<Rule>, WireError> {
        let mut rules = Vec::new();
        for _ in 0..self.len()? {
            let name = self.str()?;
            let id = if name.is_empty() { name } else { format!("{owner}/{name}") };
            let bits = self.num()?;
            let bit = |i: u32| bits >> i & 1 == 1;
            let flags =
                Flags { neg: bit(0), noneg: bit(1), unquoted: bit(2), start: bit(3), noname: bit(4), name: bit(5) };
            rules.push(Rule {
                id,
                pattern: String::new(),
                slots: Vec::new(),
                flags,
                examples: Vec::new(),
                counter_examples: Vec::new(),
                motivated_by: Vec::new(),
            });
        }
        Ok(rules)
    }

    fn outline(&mut self) -> Result<Codebook, WireError> {
        let mut themes = Vec::new();
        for _ in 0..self.len()? {
            let theme = self.pick(&Theme::ALL)?;
            themes.push(ThemeEntry {
                theme,
                label: self.str()?,
                description: self.str()?,
                cues: self.rules(theme.id())?,
            });
        }
        let mut codes = Vec::new();
        for _ in 0..self.len()? {
            let id = self.str()?;
            let theme = match self.num()? {
                0 => None,
                i => Some(*Theme::ALL.get(i - 1).ok_or(WireError::Invalid)?),
            };
            let (label, definition, policy_frames) = (self.str()?, self.str()?, self.strs()?);
            let rules = self.rules(&id)?;
            codes.push(Code { id, theme, label, definition, policy_frames, rules, inherit_lead_in: self.flag()? });
        }
        let classes = (0..self.len()?)
            .map(|_| Ok(ClassLine { name: self.str()?, members: self.str()?, motivated_by: self.strs()? }))
            .collect::<Result<_, WireError>>()?;
        let stance =
            Stance { before: self.num()?, after: self.num()?, phrase_window: self.num()?, ..Stance::default() };
        let context = Context { anaphors: self.rules(CONTEXT)?, connectives: Vec::new() };
        Ok(Codebook { themes, codes, classes, stance, context, matchable: self.flag()? })
    }
}
