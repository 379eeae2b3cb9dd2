//! The Yew UI: renders core state and turns events into hash changes.
//!
//! [`App`] is the single owner of the view state: it reads the URL hash with
//! [`crate::view::parse`] on load and on every `hashchange`, and every control
//! navigates by writing a new hash (so back/forward and shared links just work).
//! Nothing from the URL is rendered as markup; notices are text.

mod actions;
mod add;
mod body;
mod compare;
mod dom;
mod embed;
pub mod failure;
mod method;
pub mod mount;
mod reader;
mod search_view;
mod session;
mod statement_list;
mod storage;
mod talking_points;
mod theme_choice;

pub use body::BodyView;
pub use compare::{Cell, CellProps, Compare, CompareProps};
pub use reader::{Reader, ReaderProps};
pub use statement_list::StatementList;

pub use session::Data;

use crate::view::{self, Catalog, Notice, Parsed, View};
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The analysis the views render: the bundled corpus, plus the reader's own
/// statement when one is shown (see [`session`]).
pub fn data() -> Data {
    session::data()
}

/// The `href` for a view: its hash (`#/` for the default view), carrying the
/// reader's own statement when one is shown.
pub fn href(view: &View) -> String {
    let h = crate::supplied::with_text(&view::format(view), session::held().as_ref().map(|h| h.link_value()));
    if h.is_empty() {
        "#/".into()
    } else {
        h
    }
}

/// The event [`navigate`] dispatches so that [`App`] re-renders in the same task.
pub(crate) const NAVIGATE_EVENT: &str = "ef-navigate";

/// Navigates to a view: a new history entry with its hash. `pushState` plus a
/// synchronous event re-renders at once, where writing `location.hash` would wait
/// for the queued `hashchange` task; the hash write remains the fallback (a sandboxed
/// frame may refuse `pushState`).
pub fn navigate(view: &View) {
    let view = view::normalize(view.clone(), &*data());
    // A widget mounted by the script API navigates in memory.
    if dom::go(&href(&view)) {
        return;
    }
    let window = gloo::utils::window();
    let pushed = window
        .history()
        .and_then(|h| h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href(&view))))
        .is_ok();
    if pushed {
        if let Ok(event) = web_sys::Event::new(NAVIGATE_EVENT) {
            let _ = window.dispatch_event(&event);
        }
    } else {
        let _ = window.location().set_hash(&href(&view));
    }
}

/// The generation of the session's data (see [`session::generation`]), provided
/// around the whole widget.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Generation(pub u32);

/// Subscribes a component to the data generation: it re-renders when the reader's
/// statement is added or removed, even if its props are unchanged. Every component
/// that reads [`data`] or builds links ([`href`] carries the statement) calls it.
#[hook]
pub fn use_generation() -> u32 {
    use_context::<Generation>().map_or_else(session::generation, |g| g.0)
}

/// Whether this is a browser. Pre-rendering (`src/bin/prerender.rs`) runs the same
/// components natively, where every browser API panics: render code reaches the
/// location, storage and the like only through functions that check this.
pub(crate) fn in_browser() -> bool {
    cfg!(target_arch = "wasm32")
}

/// A part of the page's address (empty when pre-rendering).
pub(crate) fn location_part(part: impl Fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>) -> String {
    if !in_browser() {
        return String::new();
    }
    part(&gloo::utils::window().location()).unwrap_or_default()
}

fn current_hash() -> String {
    location_part(|l| l.hash())
}

fn parse_current() -> Parsed {
    let hash = current_hash();
    // Inside an article, a shared article link carries the view as `#ef=…`, which the
    // pym.js parent hands over as `parentUrl`.
    let from_article = || {
        let url = embed::config().pym.as_ref()?.parent_url.as_deref()?;
        crate::embed::view_from_article(url)
    };
    let hash = if hash.is_empty() || hash == "#" { from_article().unwrap_or(hash) } else { hash };
    parse_hash(&hash)
}

fn parse_hash(hash: &str) -> Parsed {
    // The reader's own statement first: whether it exists decides which ids do.
    let (hash, text) = crate::supplied::split_text(hash);
    let problem = session::resolve(text.as_deref()).err();
    let mut parsed = view::parse(&hash, &*data());
    if let Some(p) = problem {
        // One message about the statement, not a second one about its unknown id.
        parsed.notices.retain(|n| !matches!(n, Notice::UnknownStatement { id } if id == crate::supplied::ID));
        parsed.notices.insert(0, Notice::Statement(p.message()));
    }
    parsed
}

/// The widget's own address for a view, without embed parameters.
pub fn full_view_url(view: &View) -> String {
    format!("{}{}{}", location_part(|l| l.origin()), location_part(|l| l.pathname()), href(view))
}

/// How a widget mounted by the script API starts ([`mount`]); the page's own widget has none.
#[derive(Clone, PartialEq)]
pub struct Mounted {
    pub view: View,
    pub embed: bool,
    /// The widget's own page URL (for "open full view" and share links).
    pub page: AttrValue,
    pub root: web_sys::ShadowRoot,
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub mounted: Option<Mounted>,
}

/// The whole widget.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let parsed = use_state(|| match &props.mounted {
        Some(m) => Parsed { view: m.view.clone(), notices: Vec::new() },
        None => parse_current(),
    });
    let root = use_node_ref();
    {
        // Which instance a reader's event belongs to (see dom.rs); a mounted instance
        // registers itself and turns its own `#/…` links into in-memory navigation.
        let (parsed, root, mounted) = (parsed.clone(), root.clone(), props.mounted.clone());
        use_effect_with((), move |_| {
            let id = mounted.as_ref().map(|m| {
                let parsed = parsed.clone();
                dom::register(m.root.clone(), Callback::from(move |h: String| parsed.set(parse_hash(&h))))
            });
            let mut listeners = Vec::new();
            if let Some(el) = root.cast::<web_sys::Element>() {
                let capture = gloo::events::EventListenerOptions::run_in_capture_phase();
                for name in ["pointerdown", "keydown", "focusin"] {
                    listeners.push(EventListener::new_with_options(&el, name, capture, move |_| dom::activate(id)));
                }
                if let Some(id) = id {
                    listeners.push(EventListener::new_with_options(
                        &el,
                        "click",
                        gloo::events::EventListenerOptions::enable_prevent_default(),
                        move |e| {
                            let link = e
                                .target()
                                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                                .and_then(|t| t.closest("a[href^='#/']").ok().flatten());
                            if let Some(href) = link.and_then(|a| a.get_attribute("href")) {
                                e.prevent_default();
                                dom::activate(Some(id));
                                dom::go(&href);
                            }
                        },
                    ));
                }
            }
            move || {
                drop(listeners);
                if let Some(id) = id {
                    dom::unregister(id);
                }
            }
        });
    }
    {
        let parsed = parsed.clone();
        let hash_mode = props.mounted.is_none();
        use_effect_with((), move |_| {
            // Links change the hash; back/forward fire popstate (and hashchange); our own
            // navigation fires NAVIGATE_EVENT. Parsing is idempotent, so duplicates are harmless.
            // A mounted widget leaves the page's address alone.
            let names: &[&str] = if hash_mode { &["hashchange", "popstate", NAVIGATE_EVENT] } else { &[] };
            let listeners: Vec<EventListener> = names
                .iter()
                .copied()
                .map(|name| {
                    let parsed = parsed.clone();
                    EventListener::new(&gloo::utils::window(), name, move |_| parsed.set(parse_current()))
                })
                .collect();
            move || drop(listeners)
        });
    }
    // Report the widget's height to an embedding page for as long as it is mounted.
    let framed = props.mounted.is_none();
    use_effect_with((), move |_| {
        let reporter = framed.then(embed::report_height);
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
        let announcer = announcer.clone();
        use_effect_with(parsed.view.clone(), move |v| {
            if let Some(region) = announcer.cast::<web_sys::Element>() {
                region.set_text_content(Some(&view::describe(v, &*data())));
            }
            let kind = std::mem::discriminant(v);
            let previous = previous_kind.borrow_mut().replace(kind);
            let opens_passage = matches!(v, View::Read { at: Some(_), .. });
            if previous.is_some_and(|p| p != kind) && !opens_passage {
                actions::focus_selector("[data-focus-target]");
            }
        });
    }
    // Always present (possibly empty) so that the views after it keep their place.
    let notices = html! {
        <div class="ef-notices" role="status">
            if !parsed.notices.is_empty() {
                <div class="ef-notice">
                    { for parsed.notices.iter().map(|n| html! { <p>{ n.message() }</p> }) }
                </div>
            }
        </div>
    };
    let main = match &parsed.view {
        View::Compare { statements, theme } => {
            let chosen = if statements.is_empty() { data().statement_ids() } else { statements.clone() };
            html! { <Compare statements={chosen} theme={*theme} /> }
        }
        View::Read { ids, theme, at } => {
            html! { <Reader ids={ids.clone()} theme={*theme} at={at.clone()} /> }
        }
        View::TalkingPoints { selected } => html! { <talking_points::TalkingPoints selected={selected.clone()} /> },
        View::Method => html! { <method::Method /> },
        View::Search { query } => html! { <search_view::SearchResults query={query.clone()} /> },
    };
    let embedded = props.mounted.as_ref().map_or_else(|| embed::config().embed, |m| m.embed);
    let page = props.mounted.as_ref().map(|m| m.page.clone());
    let full_view = match &page {
        Some(page) => format!("{page}{}", href(&parsed.view)),
        None => full_view_url(&parsed.view),
    };
    html! {
        // Adding or removing the reader's own statement changes the data and every link
        // (links carry the statement): components that read either subscribe to the
        // generation (`use_generation`) and re-render, so the views are updated in place
        // instead of re-created.
        <ContextProvider<Generation> context={Generation(session::generation())}>
        <div class={classes!("ef-app", embedded.then_some("ef-embedded"))} ref={root}>
            <a class="ef-skip" href="#ef-main" onclick={Callback::from(|e: MouseEvent| { e.prevent_default(); actions::focus_selector("#ef-main"); })}>{ "Skip to content" }</a>
            <Header view={parsed.view.clone()} {embedded} full_view={full_view.clone()} {page} />
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
                    <a href={href(&View::Method)}>{ "Method" }</a>
                    { ". Runs entirely in your browser: no tracking, no cookies, no requests elsewhere." }
                </p>
            </footer>
            <p class="ef-sr" aria-live="polite" aria-atomic="true" ref={announcer}></p>
        </div>
        </ContextProvider<Generation>>
    }
}

#[derive(Properties, PartialEq)]
struct HeaderProps {
    view: View,
    embedded: bool,
    /// This view in the widget's own page.
    full_view: AttrValue,
    /// The widget's own page URL, for a widget mounted by the script API.
    page: Option<AttrValue>,
}

/// Title, view tabs, search and sharing.
#[function_component(Header)]
fn header(props: &HeaderProps) -> Html {
    use_generation();
    let tab = |label: &str, target: View, active: bool| {
        html! {
            <li>
                <a href={href(&target)} aria-current={active.then_some("page")} class={classes!("ef-tab", active.then_some("ef-tab-active"))}>{ label }</a>
            </li>
        }
    };
    let v = &props.view;
    let query = match v {
        View::Search { query } => query.clone(),
        _ => String::new(),
    };
    let onsubmit = Callback::from(|e: SubmitEvent| {
        e.prevent_default();
        let q = actions::input_value("ef-search-input");
        navigate(&View::Search { query: q });
    });
    let first_id = data().documents[0].statement.id.clone();
    html! {
        <header class="ef-header">
            <div class="ef-header-top">
                <p class="ef-brand"><a href={href(&View::default())}>{ "Encryption framing" }</a></p>
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
                    <input id="ef-search-input" type="search" placeholder="Search the statements" value={query} maxlength="200" autocomplete="off" />
                    <button type="submit">{ "Search" }</button>
                </form>
            </nav>
            <actions::ShareBar view={v.clone()} page={props.page.clone()} />
        </header>
    }
}
