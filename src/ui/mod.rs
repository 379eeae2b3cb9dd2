//! The Yew UI: renders a widget's [`State`] and turns events into new states.
//!
//! Each [`App`] owns its state in a reducer and provides it, with its navigator and
//! its root element, through one context ([`Ctx`]). Links are [`Link`] components:
//! their `href` is built through the context and their click is theirs. The page's
//! own widget writes history; a mounted widget keeps its view in memory; the
//! pre-render's navigator does nothing. Nothing page-global holds a widget's data
//! or navigation. Nothing from the URL is rendered as markup; notices are text.

mod actions;
mod add;
pub mod analyst;
mod body;
mod browser;
mod builder;
#[cfg(feature = "ssr")]
pub mod card;
mod compare;
mod ctx;
mod embed;
pub mod failure;
pub mod lazy;
mod link;
mod method;
pub mod mount;
mod reader;
mod search_view;
mod statement_list;
mod storage;
mod talking_points;
mod theme_choice;

pub use body::BodyView;
pub use compare::{Cell, CellProps, Compare, CompareProps};
pub use ctx::{use_ctx, Ctx, Nav};
pub use link::{JumpLink, Link};
pub use reader::{Reader, ReaderProps};
pub use statement_list::statement_list;

pub use crate::state::Data;

use crate::state::State;
use crate::view::{self, Catalog, View};
use std::rc::Rc;
use yew::prelude::*;

/// Whether this is a browser. Pre-rendering (`src/bin/prerender.rs`) runs the same
/// components natively, where every browser API panics.
pub(crate) fn in_browser() -> bool {
    cfg!(target_arch = "wasm32")
}

/// How a widget starts: its state and its surroundings, read before the first render
/// (by the entry point, the mount API or the pre-render), so render code never
/// reads the browser.
#[derive(Clone)]
pub struct Start {
    pub state: State,
    pub nav: Nav,
    /// The widget's own page address without its hash (for shared and cited links).
    pub page: AttrValue,
    pub embedded: bool,
    /// The article's URL when a pym.js parent embeds the widget (for share links).
    pub article: Option<AttrValue>,
}

impl PartialEq for Start {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state && self.nav == other.nav && self.page == other.page && self.embedded == other.embedded
    }
}

impl Default for Start {
    /// The pre-render's start: the default view, nothing to navigate.
    fn default() -> Self {
        Start { state: State::new(), nav: Nav::Inert, page: AttrValue::default(), embedded: false, article: None }
    }
}

/// The start of the page's own widget: the address's view (or, inside an article,
/// the view its `#ef=` link carries), with the statement engine fetched first when
/// that view carries a statement.
pub async fn page_start() -> Start {
    let config = embed::config();
    let hash = browser::hash();
    let article = config.pym.as_ref().and_then(|p| p.parent_url.clone());
    let hash = if hash.is_empty() || hash == "#" {
        article.as_deref().and_then(crate::embed::view_from_article).unwrap_or(hash)
    } else {
        hash
    };
    // An embedded widget's links open the full view: no embed parameters.
    let page = if config.embed { browser::page_address_without_query() } else { browser::page_address() };
    lazy::engine_for(&hash).await;
    let state = State::new().open(&hash, &browser::env(page.len()));
    Start { state, nav: Nav::Page, page: page.into(), embedded: config.embed, article: article.map(Into::into) }
}

/// The colour scheme an embed code chose for the page's own widget (`?scheme=`).
pub fn page_color_scheme() -> Option<&'static str> {
    embed::config().scheme.attribute()
}

/// A change to a widget's state.
pub enum Action {
    /// Show what a hash describes (a link followed, back/forward).
    Open(String),
    /// Replace the state (a statement added or removed, already analysed).
    Replace(State),
}

/// The reducer's value: the state, and the page length its links are measured with.
#[derive(PartialEq)]
struct Model {
    state: State,
    page_len: usize,
}

impl Reducible for Model {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let state = match action {
            Action::Open(hash) => self.state.open(&hash, &browser::env(self.page_len)),
            Action::Replace(state) => state,
        };
        if state == self.state {
            return self;
        }
        Rc::new(Model { state, page_len: self.page_len })
    }
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub start: Start,
}

/// The whole widget.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let model = {
        let start = props.start.clone();
        use_reducer(move || Model { page_len: start.page.len(), state: start.state })
    };
    let root = use_node_ref();
    let analyst = use_mut_ref(|| analyst::Slot::NotStarted);
    let s = &model.state;
    let ctx = Ctx::new(s, &props.start, model.dispatcher(), root.clone(), analyst);
    {
        // Back and forward in the page's own widget; a mounted widget leaves the
        // page's address alone.
        let dispatcher = model.dispatcher();
        let page = props.start.nav == Nav::Page;
        // Inside an embed's frame history entries are replaced, never returned to.
        let keeps_scroll = page && !props.start.embedded;
        use_effect_with((), move |_| {
            let keeper = if keeps_scroll { browser::keep_scroll() } else { None };
            let names: &[&str] = if page { &["hashchange", "popstate"] } else { &[] };
            let listeners: Vec<gloo::events::EventListener> = names
                .iter()
                .map(|&name| {
                    let dispatcher = dispatcher.clone();
                    browser::on_window(name, move || {
                        // A link carrying a statement waits for the engine that reads it.
                        let (dispatcher, hash) = (dispatcher.clone(), browser::hash());
                        wasm_bindgen_futures::spawn_local(async move {
                            lazy::engine_for(&hash).await;
                            dispatcher.dispatch(Action::Open(hash));
                        });
                    })
                })
                .collect();
            move || drop((listeners, keeper))
        });
    }
    // Report the widget's height to an embedding page for as long as it is mounted.
    let framed = props.start.nav == Nav::Page;
    use_effect_with((), move |_| {
        let reporter = if framed { embed::report_height() } else { None };
        move || drop(reporter)
    });
    // The polite announcement is written straight into its live region: as state it
    // would render the whole widget a second time after every navigation.
    let announcer = use_node_ref();
    let previous_kind = use_mut_ref(|| None::<std::mem::Discriminant<View>>);
    {
        // Announce every change. Move focus to the heading only when the kind of view
        // changes (not when a control refines the current one, which would throw a
        // keyboard user out of the control), and not when a passage opens (the
        // passage panel takes focus, see reader.rs). The first render keeps focus
        // where the host page put it.
        // The page's own widget also names its view in the tab and in shared links'
        // titles; a mounted widget leaves the host page's title alone.
        let (announcer, ctx, page) = (announcer.clone(), ctx.clone(), props.start.nav == Nav::Page);
        use_effect_with(s.view.clone(), move |v| {
            if page {
                browser::set_title(&view::title(v, &*ctx.data));
            }
            if let Some(region) = announcer.cast::<web_sys::Element>() {
                region.set_text_content(Some(&view::describe(v, &*ctx.data)));
            }
            let kind = std::mem::discriminant(v);
            let previous = previous_kind.borrow_mut().replace(kind);
            let opens_passage = matches!(v, View::Read { at: Some(_), .. });
            if previous.is_some_and(|p| p != kind) && !opens_passage {
                ctx.focus("[data-focus-target]");
            }
        });
    }
    // Always present (possibly empty) so that the views after it keep their place.
    let notices = html! {
        <div class="ef-notices" role="status">
            if !s.notices.is_empty() {
                <div class="ef-notice">
                    { for s.notices.iter().map(|n| html! { <p>{ n.message() }</p> }) }
                </div>
            }
        </div>
    };
    let main = match &s.view {
        View::Compare { statements, theme } => {
            let chosen = if statements.is_empty() { ctx.data.statement_ids() } else { statements.clone() };
            html! { <Compare statements={chosen} theme={*theme} /> }
        }
        View::Method => html! { <lazy::MethodView /> },
        v @ (View::Read { .. } | View::TalkingPoints { .. } | View::Search { .. }) => {
            html! { <lazy::LazyView key={lazy::part_of(v)} view={v.clone()} /> }
        }
    };
    let embedded = props.start.embedded;
    let full_view = ctx.full_url(&s.view);
    let skip = {
        let ctx = ctx.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            ctx.focus("#ef-main");
        })
    };
    html! {
        // The context changes only when the data do (a statement added or removed):
        // components that read data or build links use it and re-render in place.
        <ContextProvider<Ctx> context={ctx.clone()}>
        <div class={classes!("ef-app", embedded.then_some("ef-embedded"))} ref={root}>
            <a class="ef-skip" href="#ef-main" onclick={skip}>{ "Skip to content" }</a>
            <Header view={s.view.clone()} {embedded} full_view={full_view.clone()} />
            <main class="ef-main" id="ef-main" tabindex="-1">
                { notices }
                <div class="ef-view">{ main }</div>
            </main>
            <footer class="ef-footer">
                if embedded {
                    <p><a href={full_view} target="_blank" rel="noopener">{ "Open full view" }<span class="ef-sr">{ " (opens in a new tab)" }</span></a>{ " · Runs in your browser: no tracking, no cookies." }</p>
                }
                <p class="ef-footer-full">
                    { "Texts: UK Home Office, U.S. Department of Justice, TheyWorkForYou. Framing is coded automatically by published rules: see " }
                    <Link to={View::Method}>{ "Method" }</Link>
                    { ". Runs entirely in your browser: no tracking, no cookies, no requests elsewhere." }
                </p>
            </footer>
            <p class="ef-sr" aria-live="polite" aria-atomic="true" ref={announcer}></p>
        </div>
        </ContextProvider<Ctx>>
    }
}

#[derive(Properties, PartialEq)]
struct HeaderProps {
    view: View,
    embedded: bool,
    /// This view in the widget's own page.
    full_view: AttrValue,
}

/// Title, view tabs, search and sharing.
#[function_component(Header)]
fn header(props: &HeaderProps) -> Html {
    let ctx = use_ctx();
    let input = use_node_ref();
    let tab = |label: &str, target: View, active: bool| {
        html! {
            <li>
                <Link to={target} aria_current={active.then_some("page")} class={classes!("ef-tab", active.then_some("ef-tab-active"))}>{ label }</Link>
            </li>
        }
    };
    let v = &props.view;
    let query = match v {
        View::Search { query } => query.clone(),
        _ => String::new(),
    };
    let onsubmit = {
        let (ctx, input) = (ctx.clone(), input.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let q = input.cast::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            ctx.go(&View::Search { query: q });
        })
    };
    let first_id = ctx.data.documents[0].statement.id.clone();
    html! {
        <header class="ef-header">
            <div class="ef-header-top">
                <p class="ef-brand"><Link to={View::default()}>{ "Encryption framing" }</Link></p>
                <p class="ef-tagline">{ "How UK and Five Eyes statements framed encryption, access and privacy, 2017–2020" }</p>
                if props.embedded {
                    <p class="ef-fullview"><a href={props.full_view.clone()} target="_blank" rel="noopener">{ "Open full view" }<span class="ef-sr">{ " (opens in a new tab)" }</span></a></p>
                }
            </div>
            <nav class="ef-nav" aria-label="Views">
                <ul class="ef-tabs">
                    { tab("Compare", View::default(), matches!(v, View::Compare { .. })) }
                    { tab("Read", View::Read { ids: vec![first_id], theme: None, at: None }, matches!(v, View::Read { .. })) }
                    { tab("Talking points", View::TalkingPoints { selected: None }, matches!(v, View::TalkingPoints { .. })) }
                    { tab("Method", View::Method, matches!(v, View::Method)) }
                </ul>
                <form class="ef-search" role="search" {onsubmit}>
                    <label for="ef-search-input" class="ef-sr">{ "Search all statements" }</label>
                    <input id="ef-search-input" ref={input} type="search" placeholder="Search the statements" value={query} maxlength="200" autocomplete="off" />
                    <button type="submit">{ "Search" }</button>
                </form>
            </nav>
            <actions::ShareBar view={v.clone()} />
        </header>
    }
}
