//! What the widget is showing data-wise: the bundled corpus, or the corpus plus the
//! reader's own statement. The statement lives in the URL (`u=`), so this is a cache
//! keyed by that value: [`resolve`] makes the session match a hash before it is
//! parsed, and every link the UI writes carries the same value ([`super::href`]).

use crate::analysis::{self, Codebook, CorpusAnalysis};
use crate::supplied::TEXT_LOCAL;
use crate::supplied::{self, LinkError, Supplied};
use std::cell::RefCell;
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

impl PartialEq for Data {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq::<CorpusAnalysis>(&**self, &**other)
    }
}

/// The reader's statement and what the widget knows about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    pub supplied: Supplied,
    /// The link form ([`Supplied::encode`]).
    pub encoded: String,
    /// Whether the link form is short enough for a reliable link; if not, links carry
    /// `u=local` and the text stays in this page.
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

struct Session {
    data: Data,
    held: Option<Rc<Held>>,
    /// Changes whenever `data` does, so the views re-render from scratch.
    generation: u32,
}

thread_local! {
    static SESSION: RefCell<Session> =
        RefCell::new(Session { data: Data::Bundled(analysis::bundled()), held: None, generation: 0 });
}

/// The analysis to render.
pub fn data() -> Data {
    SESSION.with(|s| s.borrow().data.clone())
}

/// The reader's statement, if one is shown.
pub fn held() -> Option<Rc<Held>> {
    SESSION.with(|s| s.borrow().held.clone())
}

pub fn generation() -> u32 {
    SESSION.with(|s| s.borrow().generation)
}

/// Analyses a supplied statement and makes it part of the session.
pub fn hold(supplied: Supplied) -> Rc<Held> {
    let started = now();
    let statement = supplied.statement();
    let combined = analysis::bundled().with_statement(statement, Codebook::bundled());
    let analysis_ms = now() - started;
    let words = combined.document(supplied::ID).map_or(0, |d| d.summary.words);
    let encoded = supplied.encode();
    let fits_link = full_link_length(&encoded) <= supplied::RELIABLE_LINK;
    let invisible = supplied.invisible_count();
    let held = Rc::new(Held { supplied, encoded, fits_link, analysis_ms, words, invisible });
    SESSION.with(|s| {
        let mut s = s.borrow_mut();
        s.data = Data::WithSupplied(Rc::new(combined));
        s.held = Some(held.clone());
        s.generation += 1;
    });
    held
}

/// Drops the reader's statement from the session.
pub fn release() {
    SESSION.with(|s| {
        let mut s = s.borrow_mut();
        if s.held.take().is_some() {
            s.data = Data::Bundled(analysis::bundled());
            s.generation += 1;
        }
    });
}

/// Why a hash's statement could not be shown.
pub enum Problem {
    Link(LinkError),
    /// `u=local` in a page that does not hold the text (a reload, another browser).
    NotHere,
}

impl Problem {
    pub fn message(&self) -> String {
        match self {
            Problem::Link(e) => e.message(),
            Problem::NotHere => "This link refers to a statement that was too long to travel in a link; it was held only in the page where it was added, so it is not shown here.".into(),
        }
    }
}

/// Makes the session match the `u=` value of a hash. `None` clears it.
pub fn resolve(value: Option<&str>) -> Result<(), Problem> {
    let Some(value) = value else {
        release();
        return Ok(());
    };
    let current = held();
    if value == TEXT_LOCAL {
        if current.is_some() {
            return Ok(());
        }
        // A statement kept on this device answers a `local` link opened in this browser.
        if let Some(kept) = super::storage::kept() {
            hold(kept);
            return Ok(());
        }
        return Err(Problem::NotHere);
    }
    if current.is_some_and(|h| h.encoded == value) {
        return Ok(());
    }
    match Supplied::decode(value) {
        Ok(supplied) => {
            hold(supplied);
            Ok(())
        }
        Err(e) => {
            release();
            Err(Problem::Link(e))
        }
    }
}

/// The length of the widget's full address with this statement in it (the longest
/// form a shared link takes, give or take the view).
fn full_link_length(encoded: &str) -> usize {
    let base = gloo::utils::window().location().href().map(|h| h.split('#').next().unwrap_or("").len());
    base.unwrap_or(60) + "#/read/yours+international-2020?u=".len() + encoded.len()
}

fn now() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}
