//! One widget's state: the view it shows, the notices about the link that opened it,
//! the reader's own statement if one was added, and the analysis in use. Pure: each
//! widget owns one value (the UI keeps it in a reducer), and every change is a
//! function from the old value to a new one, so two widgets on a page never share
//! data, links or forms.
//!
//! The reader's statement travels in the URL (`u=`), so [`State::open`] resolves it
//! from a hash: it reuses the analysis when the statement is the one already held,
//! and analyses it otherwise. The code that reads a statement (its link form, its
//! analysis) comes in through [`Env`] as an [`Engine`], so a widget that never meets a
//! statement never needs it (the hosted build loads it as a chunk, src/ui/lazy.rs).

use crate::analysis::wire::Analysed;
use crate::analysis::{self, Codebook, CorpusAnalysis};
use crate::corpus::Statement;
use crate::location::{self, Location};
use crate::supplied::{self, LinkError, StatementProblem, Supplied, TEXT_LOCAL};
use crate::view::{self, Notice, View};
use std::ops::Deref;
use std::rc::Rc;

/// The analysis the views render: the bundled one, or one with the reader's statement.
#[derive(Clone)]
pub enum Data {
    Bundled(&'static CorpusAnalysis<'static>),
    WithSupplied(Rc<CorpusAnalysis<'static>>),
}

impl Deref for Data {
    type Target = CorpusAnalysis<'static>;
    fn deref(&self) -> &Self::Target {
        match self {
            Data::Bundled(a) => a,
            Data::WithSupplied(a) => a,
        }
    }
}

/// Two data are equal when they are the same analysis (a pointer comparison).
impl PartialEq for Data {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq::<CorpusAnalysis>(&**self, &**other)
    }
}

impl std::fmt::Debug for Data {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = if matches!(self, Data::Bundled(_)) { "bundled" } else { "with supplied" };
        write!(f, "Data({kind}, {} documents)", self.documents.len())
    }
}

/// The reader's statement and what the widget knows about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    pub supplied: Supplied,
    /// The link form ([`Supplied::encode`]).
    pub encoded: String,
    /// Whether the link form is short enough for a reliable link; if not, links carry
    /// `u=local` and the text stays in this widget.
    pub fits_link: bool,
    /// Time the analysis took, in milliseconds.
    pub analysis_ms: f64,
    pub words: usize,
    pub invisible: usize,
}

impl Held {
    /// The `u=` value links carry.
    pub fn link_value(&self) -> &str {
        if self.fits_link {
            &self.encoded
        } else {
            TEXT_LOCAL
        }
    }
}

/// The code that reads a reader's statement: its link form both ways, its analysis
/// beside the bundled corpus, and the worker's message for it. Plain functions, so the
/// hosted widget can hand over the ones a lazily loaded chunk brought.
#[derive(Clone, Copy)]
pub struct Engine {
    pub decode: fn(&str) -> Result<Supplied, LinkError>,
    pub encode: fn(&Supplied) -> String,
    /// The bundled corpus with the statement beside it ([`analysis::with_bundled`]).
    pub analyse: fn(Statement) -> CorpusAnalysis<'static>,
    /// What the analysis worker posts back ([`analysis::wire::analyse_supplied`]).
    pub message: fn(&Supplied, &dyn Fn() -> f64) -> Vec<u8>,
}

impl Engine {
    /// The engine of this crate.
    pub const BUILT_IN: Engine = Engine {
        decode: Supplied::decode,
        encode: Supplied::encode,
        analyse: analysis::with_bundled,
        message: analysis::wire::analyse_supplied,
    };
}

/// What the state needs from its surroundings, passed in so that it stays pure.
pub struct Env<'a> {
    /// A clock in milliseconds (the browser's `performance.now()`).
    pub now: &'a dyn Fn() -> f64,
    /// Length of the widget's page address without its hash (for the link length).
    pub page_len: usize,
    /// The link form of the statement kept on this device, which answers a `u=local` link.
    pub kept: &'a dyn Fn() -> Option<String>,
    /// The statement engine, if it is here: without it a link's statement is not read
    /// (a notice says so) and no statement can be held.
    pub engine: Option<Engine>,
}

impl Env<'_> {
    /// No clock, no storage, the built-in engine: for the pre-render and the tests.
    pub fn none() -> Env<'static> {
        Env { now: &|| 0.0, page_len: 60, kept: &|| None, engine: Some(Engine::BUILT_IN) }
    }
}

/// A widget's whole state.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub view: View,
    pub notices: Vec<Notice>,
    pub data: Data,
    pub held: Option<Rc<Held>>,
    /// Changes whenever the reader's statement is added or removed (the form starts afresh).
    pub revision: u32,
}

impl Default for State {
    fn default() -> Self {
        State::new()
    }
}

impl State {
    /// The default view of the bundled corpus.
    pub fn new() -> State {
        State {
            view: View::default(),
            notices: Vec::new(),
            data: Data::Bundled(analysis::bundled()),
            held: None,
            revision: 0,
        }
    }

    /// The state a hash describes: its statement resolved first (it decides which
    /// ids exist), then its view, with notices for whatever could not be followed.
    pub fn open(&self, hash: &str, env: &Env) -> State {
        let split = location::split(hash);
        let (data, held, problem) = self.resolve(split.text(), env);
        let mut parsed = location::parse_split(split, &*data);
        if let Some(p) = problem {
            // One message about the statement, not a second one about its unknown id.
            parsed.notices.retain(|n| !matches!(n, Notice::UnknownStatement { id } if id == supplied::ID));
            parsed.notices.insert(0, Notice::Statement(p));
        }
        let revision = if held == self.held { self.revision } else { self.revision + 1 };
        State { view: parsed.location.view, notices: parsed.notices, data, held, revision }
    }

    fn resolve(&self, value: Option<&str>, env: &Env) -> (Data, Option<Rc<Held>>, Option<StatementProblem>) {
        let bundled = || Data::Bundled(analysis::bundled());
        let Some(value) = value else { return (bundled(), None, None) };
        if let Some(h) = &self.held {
            if value == TEXT_LOCAL || value == h.encoded {
                return (self.data.clone(), self.held.clone(), None);
            }
        }
        let Some(engine) = env.engine else { return (bundled(), None, Some(StatementProblem::Unavailable)) };
        let supplied = if value == TEXT_LOCAL {
            // A statement kept on this device answers a `local` link opened in this browser
            // (a damaged entry is none).
            (env.kept)().and_then(|k| (engine.decode)(&k).ok()).ok_or(StatementProblem::NotHere)
        } else {
            (engine.decode)(value).map_err(StatementProblem::Link)
        };
        match supplied {
            Ok(s) => {
                let (data, held) = analyse(s, &engine, env);
                (data, Some(held), None)
            }
            Err(p) => (bundled(), None, Some(p)),
        }
    }

    /// This state with the reader's statement added (or replaced), on the comparison;
    /// `None` without the engine.
    pub fn hold(&self, supplied: Supplied, env: &Env) -> Option<State> {
        let (data, held) = analyse(supplied, &env.engine?, env);
        Some(State { view: View::default(), notices: Vec::new(), data, held: Some(held), revision: self.revision + 1 })
    }

    /// [`State::hold`] with the analysis computed elsewhere (the widget's worker,
    /// [`analysis::wire::analyse_supplied`]); `None` when the message does not fit the
    /// statement (or without the engine), and the caller then analyses it itself.
    pub fn hold_analysed(&self, supplied: Supplied, analysed: Analysed, env: &Env) -> Option<State> {
        let (analysis_ms, encoded) = (analysed.analysis_ms, analysed.encoded.clone());
        // The link form must be this statement's: it is what links carry and "Keep" stores.
        if (env.engine?.decode)(&encoded).as_ref() != Ok(&supplied) {
            return None;
        }
        let combined = analysis::bundled().with_analysed(supplied.statement(), analysed, Codebook::bundled())?;
        let (data, held) = held(supplied, combined, encoded, analysis_ms, env);
        Some(State { view: View::default(), notices: Vec::new(), data, held: Some(held), revision: self.revision + 1 })
    }

    /// This state without the reader's statement, on the comparison.
    pub fn release(&self) -> State {
        State {
            view: View::default(),
            notices: Vec::new(),
            data: Data::Bundled(analysis::bundled()),
            held: None,
            revision: self.revision + 1,
        }
    }

    /// The location of `view` in this state: normalized, carrying the statement.
    pub fn location(&self, view: &View) -> Location {
        let view = view::normalize(view.clone(), &*self.data);
        Location { view, text: self.held.as_ref().map(|h| h.link_value().to_string()) }
    }

    /// The `href` for a view: its hash (`#/` for the default view), with the statement.
    pub fn href(&self, view: &View) -> String {
        let hash = location::format(&self.location(view));
        if hash.is_empty() {
            "#/".into()
        } else {
            hash
        }
    }
}

/// Analyses a supplied statement beside the bundled corpus.
fn analyse(supplied: Supplied, engine: &Engine, env: &Env) -> (Data, Rc<Held>) {
    let started = (env.now)();
    let combined = (engine.analyse)(supplied.statement());
    let analysis_ms = (env.now)() - started;
    let encoded = (engine.encode)(&supplied);
    held(supplied, combined, encoded, analysis_ms, env)
}

/// The data and the held statement once its analysis is `combined`.
fn held(
    supplied: Supplied,
    combined: CorpusAnalysis<'static>,
    encoded: String,
    analysis_ms: f64,
    env: &Env,
) -> (Data, Rc<Held>) {
    let words = combined.document(supplied::ID).map_or(0, |d| d.summary.words);
    let longest = env.page_len + "#/read/yours+international-2020?u=".len() + encoded.len();
    let fits_link = longest <= supplied::RELIABLE_LINK;
    let invisible = supplied.invisible_count();
    let held = Held { supplied, encoded, fits_link, analysis_ms, words, invisible };
    (Data::WithSupplied(Rc::new(combined)), Rc::new(held))
}
