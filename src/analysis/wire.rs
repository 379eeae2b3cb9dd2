//! The analysis of a reader's statement as bytes, so that it can be computed off the
//! main thread (the widget's Web Worker runs [`analyse_supplied`] and posts the bytes back)
//! and rebuilt where it is shown ([`Analysed::decode`]). A compact, versioned format of
//! LEB128 numbers and length-prefixed strings: no serde, so the widget's wasm carries no
//! deserializer. Decoding never panics; anything malformed is an error, and the widget
//! then analyses on its own thread instead.

use super::recurring::{Occurrence, Recurring, TalkingPoint, Words};
use super::{Analysis, CodeId, Codebook, CorpusAnalysis, Evidence, Sentence, Source, Target, Theme};
use crate::supplied::{self, Supplied};

/// The first byte of every message; bump it when the layout changes.
const VERSION: u8 = 1;

/// The build a message comes from: the codebook, the corpus and the crate's version. A
/// worker script left in a cache by an earlier build answers with another fingerprint,
/// and its message is refused. `build.rs` computes it, so that reading the precomputed
/// analysis at start-up needs none of those texts; [`sources_fingerprint`] is its check.
pub fn fingerprint() -> u64 {
    include!(concat!(env!("OUT_DIR"), "/fingerprint.txt"))
}

/// The fingerprint computed from the texts the build carries, as `build.rs` computes it
/// (a test checks that they agree).
#[cfg(not(target_arch = "wasm32"))]
pub fn sources_fingerprint() -> u64 {
    let sources = crate::corpus::FILES.iter().map(|(_, text)| *text);
    // The lean codebook: the native build parses the full one, with the same rules.
    let parts = [super::codebook::LEAN_SOURCE, env!("CARGO_PKG_VERSION")].into_iter().chain(sources);
    super::recurring::mix(super::recurring::FNV_OFFSET, parts.flat_map(|p| p.bytes().chain([0xff])).map(u64::from))
}

/// What the worker computes for a reader's statement: everything the widget needs beside
/// the bundled analysis, except the cheap summaries, which [`CorpusAnalysis::with_analysed`]
/// recomputes.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysed {
    /// The statement's own analysis.
    pub analysis: Analysis,
    /// The talking points of the bundled statements and this one together.
    pub recurring: Recurring,
    /// The link form of the statement ([`Supplied::encode`]).
    pub encoded: String,
    /// How long the analysis took where it ran, in milliseconds.
    pub analysis_ms: f64,
}

/// Analyses `supplied` beside the bundled corpus and returns the message for the widget:
/// what the worker runs. `now` is a clock in milliseconds.
pub fn analyse_supplied(supplied: &Supplied, now: &dyn Fn() -> f64) -> Vec<u8> {
    // The bundled corpus is analysed once per worker, before the clock starts: the time
    // reported is this statement's, as on the main thread.
    let _ = super::computed();
    let started = now();
    let combined = super::with_bundled(supplied.statement());
    let analysis_ms = now() - started;
    let analysis = combined
        .document(supplied::ID)
        .map_or_else(|| Analysis { sentences: Vec::new(), words: Words::default() }, |d| d.analysis.clone());
    Analysed { analysis, recurring: combined.recurring, encoded: supplied.encode(), analysis_ms }.encode()
}

/// Why a message could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WireError {
    Version(Option<u8>),
    /// From another build of the widget.
    Build,
    Truncated,
    Invalid,
}

impl Analysed {
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer(vec![VERSION]);
        w.u64(fingerprint());
        w.analysis(&self.analysis.sentences, &self.analysis.words);
        w.recurring(&self.recurring);
        w.str(&self.encoded);
        w.u64(self.analysis_ms.to_bits());
        w.0
    }

    pub fn decode(bytes: &[u8]) -> Result<Analysed, WireError> {
        match bytes.first() {
            Some(&VERSION) => {}
            other => return Err(WireError::Version(other.copied())),
        }
        let mut r = Reader { bytes, at: 1 };
        if r.u64()? != fingerprint() {
            return Err(WireError::Build);
        }
        let analysis = r.analysis()?;
        let recurring = r.recurring()?;
        let encoded = r.str()?;
        let analysis_ms = f64::from_bits(r.u64()?);
        if r.at != bytes.len() {
            return Err(WireError::Invalid);
        }
        Ok(Analysed { analysis, recurring, encoded, analysis_ms })
    }
}

/// The first byte of the bundled corpus's analysis ([`encode_corpus`]).
const CORPUS: u8 = 0xc1;

/// The analysis of the bundled corpus as bytes: each statement's sentences and labels,
/// and the talking points, as `make precompute` writes them for the hosted build (the
/// word hashes the talking-point search needs are left out: only the statement engine
/// finds talking points, and it analyses the corpus itself).
pub fn encode_corpus(analysis: &CorpusAnalysis) -> Vec<u8> {
    let mut w = Writer(vec![CORPUS]);
    w.u64(fingerprint());
    w.num(analysis.documents.len());
    for d in &analysis.documents {
        w.str(&d.statement.id);
        w.analysis(&d.analysis.sentences, &Words::default());
    }
    w.recurring(&analysis.recurring);
    w.0
}

/// The bundled corpus's analysis from [`encode_corpus`]'s bytes, with the summaries and
/// the comparison computed here. An error unless the bytes come from this build's
/// corpus and codebook, in the corpus's order, and every offset fits its statement.
pub fn decode_corpus(
    bytes: &[u8],
    statements: &'static [crate::corpus::Statement],
    book: &Codebook,
) -> Result<CorpusAnalysis<'static>, WireError> {
    match bytes.first() {
        Some(&CORPUS) => {}
        other => return Err(WireError::Version(other.copied())),
    }
    let mut r = Reader { bytes, at: 1 };
    if r.u64()? != fingerprint() || r.len()? != statements.len() {
        return Err(WireError::Build);
    }
    let mut documents = Vec::with_capacity(statements.len());
    for statement in statements {
        if r.str()? != statement.id {
            return Err(WireError::Build);
        }
        let analysis = r.analysis()?;
        if !fits(&analysis, statement, book) {
            return Err(WireError::Invalid);
        }
        let summary = super::summary::summarize(statement, &analysis, book);
        documents.push(super::Document { statement: std::borrow::Cow::Borrowed(statement), analysis, summary });
    }
    let recurring = r.recurring()?;
    if r.at != bytes.len() || !placed(&recurring, &documents, book) {
        return Err(WireError::Invalid);
    }
    let comparison = super::summary::compare(&documents, book);
    Ok(CorpusAnalysis { documents, comparison, recurring })
}

impl<'a> CorpusAnalysis<'a> {
    /// This analysis plus a reader's statement analysed elsewhere ([`analyse_supplied`]):
    /// the same result as [`CorpusAnalysis::with_statement`], with only the summaries and
    /// the comparison computed here. `None` unless everything the views slice or index
    /// fits: every sentence, evidence and word offset and block in the statement's text,
    /// every code and rule in the codebook, every talking point's occurrence in its
    /// document (the caller also checks that the link form is this statement's).
    pub fn with_analysed(
        &self,
        statement: crate::corpus::Statement,
        analysed: Analysed,
        book: &Codebook,
    ) -> Option<Self> {
        if !fits(&analysed.analysis, &statement, book) {
            return None;
        }
        let documents = self.joined(statement, analysed.analysis, book);
        if !placed(&analysed.recurring, &documents, book) {
            return None;
        }
        let comparison = super::summary::compare(&documents, book);
        Some(CorpusAnalysis { documents, comparison, recurring: analysed.recurring })
    }
}

/// Whether everything the views slice or index fits the statement: every sentence,
/// evidence and word offset and block in its text, every code and rule in the codebook.
fn fits(analysis: &Analysis, statement: &crate::corpus::Statement, book: &Codebook) -> bool {
    let text = &statement.body.text;
    let fits = |start: usize, end: usize| start <= end && text.get(start..end).is_some();
    let sentences = &analysis.sentences;
    let known = |t: Target| match t {
        Target::Theme(_) => true,
        Target::Code(c) => c.index() < book.codes.len(),
    };
    let blocks = statement.body.blocks.len();
    sentences.iter().all(|s| {
        fits(s.start, s.end)
            && s.block < blocks
            && s.codes.iter().all(|&c| known(Target::Code(c)))
            && s.evidence.iter().all(|e| {
                fits(e.start, e.end)
                    && known(e.target)
                    && e.rule(book).is_some() == !matches!(e.source, Source::LeadIn { .. })
                    && match e.source {
                        Source::LeadIn { sentence } | Source::Context { sentence, .. } => sentence < sentences.len(),
                        Source::Rule(_) => true,
                    }
            })
    }) && analysis.words.words.iter().all(|&(s, e, _, i)| fits(s, e) && i < sentences.len())
}

/// Whether every talking point's occurrence lies in its document and its code is in the codebook.
fn placed(recurring: &Recurring, documents: &[super::Document], book: &Codebook) -> bool {
    let points = || recurring.passages.iter().chain(&recurring.claims);
    points().flat_map(|t| &t.occurrences).all(|o| {
        documents.iter().find(|d| d.statement.id == o.doc).is_some_and(|d| {
            o.start <= o.end
                && d.statement.body.text.get(o.start..o.end).is_some()
                && o.sentences.iter().all(|&s| s < d.analysis.sentences.len())
        })
    }) && points().all(|t| t.code.is_none_or(|c| c.index() < book.codes.len()))
}

/// LEB128 numbers and length-prefixed strings, written.
pub(crate) struct Writer(pub(crate) Vec<u8>);

impl Writer {
    pub(crate) fn u64(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }

    fn analysis(&mut self, sentences: &[Sentence], words: &Words) {
        self.num(sentences.len());
        for s in sentences {
            self.num(s.start);
            self.num(s.end);
            self.num(s.block);
            self.num(usize::from(s.heading));
            self.num(s.words);
            self.num(s.themes.len());
            for t in &s.themes {
                self.num(Theme::ALL.iter().position(|x| x == t).unwrap_or(0));
            }
            self.num(s.codes.len());
            for c in &s.codes {
                self.num(usize::from(c.0));
            }
            self.num(s.evidence.len());
            for e in &s.evidence {
                match e.target {
                    Target::Theme(t) => self.num(Theme::ALL.iter().position(|x| *x == t).unwrap_or(0) << 1),
                    Target::Code(c) => self.num((usize::from(c.0) << 1) | 1),
                }
                match e.source {
                    Source::Rule(r) => {
                        self.num(0);
                        self.num(usize::from(r));
                    }
                    Source::LeadIn { sentence } => {
                        self.num(1);
                        self.num(sentence);
                    }
                    Source::Context { sentence, rule } => {
                        self.num(2);
                        self.num(sentence);
                        self.num(usize::from(rule));
                    }
                }
                self.num(e.start);
                self.num(e.end);
                self.num(usize::from(e.quoted));
            }
        }
        self.num(words.words.len());
        for &(start, end, hash, sentence) in &words.words {
            self.num(start);
            self.num(end);
            self.u64(hash);
            self.num(sentence);
        }
        self.num(words.stems.len());
        for stems in &words.stems {
            self.num(stems.len());
            for &h in stems {
                self.u64(h);
            }
        }
    }

    fn recurring(&mut self, recurring: &Recurring) {
        for list in [&recurring.passages, &recurring.claims] {
            self.num(list.len());
            for t in list {
                self.str(&t.id);
                self.str(&t.label);
                self.num(t.code.map_or(0, |c| usize::from(c.0) + 1));
                self.num(t.occurrences.len());
                for o in &t.occurrences {
                    self.str(&o.doc);
                    self.num(o.start);
                    self.num(o.end);
                    self.num(o.sentences.len());
                    for &s in &o.sentences {
                        self.num(s);
                    }
                    self.num(usize::from(o.similarity));
                }
            }
        }
    }

    pub(crate) fn num(&mut self, n: usize) {
        self.u64(n as u64);
    }

    pub(crate) fn str(&mut self, s: &str) {
        self.num(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
}

/// Reads what [`Writer`] wrote; every method is an error, never a panic, on damaged bytes.
pub(crate) struct Reader<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) at: usize,
}

impl Reader<'_> {
    pub(crate) fn u64(&mut self) -> Result<u64, WireError> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.at).ok_or(WireError::Truncated)?;
            self.at += 1;
            n |= u64::from(byte & 0x7f).checked_shl(shift).ok_or(WireError::Invalid)?;
            if byte & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(WireError::Invalid)
    }

    fn analysis(&mut self) -> Result<Analysis, WireError> {
        let mut sentences = Vec::new();
        for _ in 0..self.len()? {
            let (start, end, block) = (self.num()?, self.num()?, self.num()?);
            let heading = self.flag()?;
            let words = self.num()?;
            let mut themes = Vec::new();
            for _ in 0..self.len()? {
                let i = self.num()?;
                themes.push(self.theme(i)?);
            }
            let mut codes = Vec::new();
            for _ in 0..self.len()? {
                codes.push(self.code()?);
            }
            let mut evidence = Vec::new();
            for _ in 0..self.len()? {
                let tag = self.num()?;
                let target = if tag & 1 == 0 {
                    Target::Theme(self.theme(tag >> 1)?)
                } else {
                    Target::Code(CodeId(u16::try_from(tag >> 1).map_err(|_| WireError::Invalid)?))
                };
                let source = match self.num()? {
                    0 => Source::Rule(self.u16()?),
                    1 => Source::LeadIn { sentence: self.num()? },
                    2 => Source::Context { sentence: self.num()?, rule: self.u16()? },
                    _ => return Err(WireError::Invalid),
                };
                let (start, end) = (self.num()?, self.num()?);
                evidence.push(Evidence { target, source, start, end, quoted: self.flag()? });
            }
            sentences.push(Sentence { start, end, block, heading, themes, codes, evidence, words });
        }
        let mut words = Words::default();
        for _ in 0..self.len()? {
            words.words.push((self.num()?, self.num()?, self.u64()?, self.num()?));
        }
        for _ in 0..self.len()? {
            let mut stems = Vec::new();
            for _ in 0..self.len()? {
                stems.push(self.u64()?);
            }
            words.stems.push(stems);
        }
        Ok(Analysis { sentences, words })
    }

    fn recurring(&mut self) -> Result<Recurring, WireError> {
        let mut recurring = Recurring::default();
        for list in [&mut recurring.passages, &mut recurring.claims] {
            for _ in 0..self.len()? {
                let (id, label) = (self.str()?, self.str()?);
                let code = match self.num()? {
                    0 => None,
                    n => Some(CodeId(u16::try_from(n - 1).map_err(|_| WireError::Invalid)?)),
                };
                let mut occurrences = Vec::new();
                for _ in 0..self.len()? {
                    let doc = self.str()?;
                    let (start, end) = (self.num()?, self.num()?);
                    let mut sentences = Vec::new();
                    for _ in 0..self.len()? {
                        sentences.push(self.num()?);
                    }
                    let similarity = u8::try_from(self.num()?).map_err(|_| WireError::Invalid)?;
                    occurrences.push(Occurrence { doc, start, end, sentences, similarity });
                }
                list.push(TalkingPoint { id, label, code, occurrences });
            }
        }
        Ok(recurring)
    }

    pub(crate) fn num(&mut self) -> Result<usize, WireError> {
        usize::try_from(self.u64()?).map_err(|_| WireError::Invalid)
    }

    /// A count of items that follow: never more than the bytes left, so a damaged
    /// message cannot make the reader allocate or loop without end.
    pub(crate) fn len(&mut self) -> Result<usize, WireError> {
        let n = self.num()?;
        if n > self.bytes.len() - self.at {
            return Err(WireError::Truncated);
        }
        Ok(n)
    }

    pub(crate) fn u16(&mut self) -> Result<u16, WireError> {
        u16::try_from(self.num()?).map_err(|_| WireError::Invalid)
    }

    pub(crate) fn flag(&mut self) -> Result<bool, WireError> {
        match self.num()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(WireError::Invalid),
        }
    }

    pub(crate) fn theme(&self, i: usize) -> Result<Theme, WireError> {
        Theme::ALL.get(i).copied().ok_or(WireError::Invalid)
    }

    fn code(&mut self) -> Result<CodeId, WireError> {
        Ok(CodeId(self.u16()?))
    }

    pub(crate) fn str(&mut self) -> Result<String, WireError> {
        let n = self.len()?;
        let s = std::str::from_utf8(&self.bytes[self.at..self.at + n]).map_err(|_| WireError::Invalid)?;
        self.at += n;
        Ok(s.to_string())
    }
}
