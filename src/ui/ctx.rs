//! What one widget gives its components: the analysis in use, the reader's statement,
//! how to navigate, and its own root element for element look-ups. One value per
//! [`super::App`], provided through a Yew context, so two widgets on a page never
//! reach each other's data, links or DOM.

use super::{browser, Action, Start};
use crate::state::{Data, Held, State};
use crate::view::View;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How a widget navigates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nav {
    /// The page's own widget: each view is a history entry with its hash.
    Page,
    /// A widget mounted by the script API: the view lives in memory; the page's
    /// address is never touched.
    Memory,
    /// The pre-render and standalone components: links are written, not followed.
    Inert,
}

/// One widget's context.
#[derive(Clone)]
pub struct Ctx {
    pub data: Data,
    pub held: Option<Rc<Held>>,
    /// Changes whenever the statement is added or removed (the form starts afresh).
    pub revision: u32,
    pub nav: Nav,
    /// The widget's own page address without its hash.
    pub page: AttrValue,
    /// The article's address, when a pym.js parent embeds the widget.
    pub article: Option<AttrValue>,
    /// Inside an article's frame: navigation replaces the history entry.
    pub embedded: bool,
    dispatcher: Option<UseReducerDispatcher<super::Model>>,
    root: NodeRef,
    /// The widget's analysis worker ([`super::analyst`]), the same for the widget's life.
    pub analyst: Rc<RefCell<super::analyst::Slot>>,
}

/// Equal while the data, the statement and the navigator are: components then skip
/// re-rendering when only the view changes (it reaches them as props).
impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        self.data == other.data
            && self.held == other.held
            && self.revision == other.revision
            && self.nav == other.nav
            && self.page == other.page
            && self.root == other.root
    }
}

impl Ctx {
    pub(super) fn new(
        state: &State,
        start: &Start,
        dispatcher: UseReducerDispatcher<super::Model>,
        root: NodeRef,
        analyst: Rc<RefCell<super::analyst::Slot>>,
    ) -> Ctx {
        Ctx {
            data: state.data.clone(),
            held: state.held.clone(),
            revision: state.revision,
            nav: start.nav,
            page: start.page.clone(),
            article: start.article.clone(),
            embedded: start.embedded,
            dispatcher: Some(dispatcher),
            root,
            analyst,
        }
    }

    /// For a component rendered on its own (component tests): the bundled corpus.
    fn standalone() -> Ctx {
        let state = State::new();
        Ctx {
            data: state.data,
            held: None,
            revision: 0,
            nav: Nav::Inert,
            page: AttrValue::default(),
            article: None,
            embedded: false,
            dispatcher: None,
            root: NodeRef::default(),
            analyst: Rc::new(RefCell::new(super::analyst::Slot::NotStarted)),
        }
    }

    /// The state of these data on `view` (for links and changes).
    fn state(&self, view: &View) -> State {
        State {
            view: view.clone(),
            notices: Vec::new(),
            data: self.data.clone(),
            held: self.held.clone(),
            revision: self.revision,
        }
    }

    /// The `href` of a view in this widget (it carries the reader's statement).
    pub fn href(&self, view: &View) -> String {
        self.state(view).href(view)
    }

    /// The address of a view in the widget's own page (absolute when it is known).
    pub fn full_url(&self, view: &View) -> String {
        format!("{}{}", self.page, self.href(view))
    }

    /// Shows a view: in the page's widget, as a new history entry.
    pub fn go(&self, view: &View) {
        self.open(self.href(view));
    }

    fn open(&self, href: String) {
        let Some(dispatcher) = &self.dispatcher else { return };
        match self.nav {
            Nav::Page => {
                // The view renders at once; its history entry is written after that frame.
                dispatcher.dispatch(Action::Open(href.clone()));
                browser::record(href, self.embedded);
            }
            Nav::Memory => dispatcher.dispatch(Action::Open(href)),
            Nav::Inert => {}
        }
    }

    /// Replaces the widget's state (a statement added or removed), recording its address.
    pub fn commit(&self, state: State) {
        let Some(dispatcher) = &self.dispatcher else { return };
        let href = (self.nav == Nav::Page).then(|| state.href(&state.view));
        dispatcher.dispatch(Action::Replace(state));
        if let Some(href) = href {
            browser::record(href, self.embedded);
        }
    }

    /// The state with the reader's statement added, measured with this widget's page;
    /// `None` when the statement engine is not here.
    pub fn with_statement(&self, supplied: crate::supplied::Supplied) -> Option<State> {
        self.state(&View::default()).hold(supplied, &browser::env(self.page.len()))
    }

    /// [`Ctx::with_statement`] with the analysis made by the widget's worker; `None` when
    /// its message does not fit the statement.
    pub fn with_analysed(
        &self,
        supplied: crate::supplied::Supplied,
        analysed: crate::analysis::wire::Analysed,
    ) -> Option<State> {
        self.state(&View::default()).hold_analysed(supplied, analysed, &browser::env(self.page.len()))
    }

    /// The state without the reader's statement.
    pub fn without_statement(&self) -> State {
        self.state(&View::default()).release()
    }

    /// The first element matching `selector` inside this widget.
    pub fn find(&self, selector: &str) -> Option<web_sys::Element> {
        self.root.cast::<web_sys::Element>()?.query_selector(selector).ok().flatten()
    }

    /// Every element matching `selector` inside this widget.
    pub fn find_all(&self, selector: &str) -> Vec<web_sys::Element> {
        let Some(root) = self.root.cast::<web_sys::Element>() else { return Vec::new() };
        let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
    }

    /// Goes to `view`, then, once it has rendered, focuses the first element matching
    /// `selector` inside this widget (closing a panel gives focus back to what opened it).
    pub fn go_and_focus(&self, view: &View, selector: &str) {
        self.go(view);
        let (ctx, selector) = (self.clone(), selector.to_string());
        gloo::timers::callback::Timeout::new(0, move || ctx.focus(&selector)).forget();
    }

    /// Focuses the first element matching `selector` inside this widget.
    pub fn focus(&self, selector: &str) {
        if let Some(el) = self.find(selector).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    }

    /// Scrolls the element with this id, inside this widget, into view.
    pub fn scroll_to(&self, id: &str) {
        if let Some(el) = self.find(&format!("[id=\"{id}\"]")) {
            el.scroll_into_view();
        }
    }
}

/// This widget's context (or, for a component rendered alone, the bundled corpus).
#[hook]
pub fn use_ctx() -> Ctx {
    use_context::<Ctx>().unwrap_or_else(Ctx::standalone)
}
