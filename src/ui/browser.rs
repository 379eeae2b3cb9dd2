//! The browser calls the widget makes outside of effects and event handlers' own
//! code: reading the page's address at start-up, writing history, the clock. Each
//! checks [`super::in_browser`], so the pre-render (native) can reach none of them.

use crate::state::Env;

/// The page's hash (empty when pre-rendering).
pub fn hash() -> String {
    if !super::in_browser() {
        return String::new();
    }
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// The page's address without its hash: where the page's own widget lives.
pub fn page_address() -> String {
    if !super::in_browser() {
        return String::new();
    }
    let href = gloo::utils::window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// The page's origin and path, without query or hash.
pub fn page_address_without_query() -> String {
    if !super::in_browser() {
        return String::new();
    }
    let l = gloo::utils::window().location();
    format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default())
}

/// Records this hash in history: a new entry, or (`replace`, inside an embed, so that
/// Back leaves the article's reader where they were) the current one. The widget has
/// already rendered the view: the entry is written once that frame is on screen
/// ([`after_paint`]), because writing history costs the browser several milliseconds
/// that would otherwise delay the frame. Where the browser refuses (a sandboxed frame)
/// the hash is written instead; the `hashchange` that follows opens the same state,
/// which changes nothing.
pub fn record(href: String, replace: bool) {
    if !super::in_browser() {
        return;
    }
    let window = gloo::utils::window();
    // The position the reader is leaving, read now: by the time the entry is written
    // the new view has rendered.
    let y = window.scroll_y().unwrap_or(0.0);
    after_paint(move || {
        let window = gloo::utils::window();
        // Replacing the entry (an embed) drops its state anyway.
        if !replace {
            remember_scroll(&window, y);
        }
        let Ok(history) = window.history() else { return };
        let none = wasm_bindgen::JsValue::NULL;
        let done = if replace {
            history.replace_state_with_url(&none, "", Some(&href))
        } else {
            history.push_state_with_url(&none, "", Some(&href))
        };
        if done.is_err() {
            let location = window.location();
            let _ = if replace { location.replace(&href) } else { location.set_hash(&href) };
        }
    });
}

/// Runs `f` once, after the browser has presented the next frame (a task queued from
/// the next animation frame), or after 100 ms when no frame comes (a hidden page).
/// Calls made in one task run in the order they were made.
pub fn after_paint(f: impl FnOnce() + 'static) {
    use std::{cell::RefCell, rc::Rc};
    use wasm_bindgen::JsCast;
    let once = Rc::new(RefCell::new(Some(f)));
    let run = move || {
        let f = once.borrow_mut().take();
        if let Some(f) = f {
            f();
        }
    };
    let late = run.clone();
    gloo::timers::callback::Timeout::new(100, late).forget();
    let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
        gloo::timers::callback::Timeout::new(0, run).forget();
    });
    let _ = gloo::utils::window().request_animation_frame(frame.unchecked_ref());
}

/// Names the page's view in its title, once the view's history entry is written (see
/// [`record`]): a title set before would name the entry being left.
pub fn set_title(title: &str) {
    if super::in_browser() {
        let title = title.to_string();
        after_paint(move || gloo::utils::document().set_title(&title));
    }
}

/// The key of the scroll position kept in a history entry's state.
const SCROLL_KEY: &str = "efScrollY";

/// Keeps the page's scroll position in the current history entry before a new one is
/// pushed. The browser's own restoration on Back comes too early: it runs before the
/// widget has rendered the earlier view, on a page still holding the later one, and
/// clamps to its height. [`use_restored_scroll`] scrolls once the view is back.
///
/// A history write costs the browser 0.3–20 ms (measured), so a position the entry
/// already holds (kept when scrolling stopped, [`keep_scroll`]; or the top, where a
/// Back lands anyway) is not written again.
fn remember_scroll(window: &web_sys::Window, y: f64) {
    if remembered_scroll().unwrap_or(0.0) == y {
        return;
    }
    let Ok(history) = window.history() else { return };
    let state = js_sys::Object::new();
    if js_sys::Reflect::set(&state, &SCROLL_KEY.into(), &y.into()).is_ok() {
        // A sandboxed frame may refuse; the position is then simply not restored.
        let _ = history.replace_state(&state, "");
    }
}

/// Keeps the page's scroll position in the current history entry a quarter of a second
/// after the reader stops scrolling, for as long as the returned guard lives: the
/// history write happens while the reader is idle rather than when they next follow a
/// link ([`record`] then finds the position already kept). For the page's own widget
/// only: a mounted widget leaves the page's history to the page.
pub fn keep_scroll() -> Option<ScrollKeeper> {
    use std::{cell::RefCell, rc::Rc};
    if !super::in_browser() {
        return None;
    }
    let pending: Rc<RefCell<Option<gloo::timers::callback::Timeout>>> = Rc::default();
    let timer = pending.clone();
    let listener = on_window("scroll", move || {
        // The entry scrolled in: a reader who goes Back within the quarter second must
        // not have this position written into the entry they reach, whose own position
        // the widget is about to restore from it (a race the e2e test of Back met).
        let address = gloo::utils::window().location().href().unwrap_or_default();
        // A new timeout replaces (and so cancels) the one still waiting.
        *timer.borrow_mut() = Some(gloo::timers::callback::Timeout::new(250, move || {
            let window = gloo::utils::window();
            if window.location().href().unwrap_or_default() == address {
                remember_scroll(&window, window.scroll_y().unwrap_or(0.0));
            }
        }));
    });
    // Going Back or Forward cancels a write still waiting: the scroll it was for may have
    // been the page changing height under the view being left (the href check alone lets
    // it through when the reader comes back to that entry within the quarter second, and
    // it would then write the top of a view not yet restored).
    let travelled = ["popstate", "hashchange"].map(|name| {
        let pending = pending.clone();
        on_window(name, move || drop(pending.borrow_mut().take()))
    });
    Some(ScrollKeeper { _listeners: (listener, travelled), _pending: pending })
}

/// See [`keep_scroll`]: dropping it stops listening and cancels a write still waiting.
pub struct ScrollKeeper {
    _listeners: (gloo::events::EventListener, [gloo::events::EventListener; 2]),
    _pending: std::rc::Rc<std::cell::RefCell<Option<gloo::timers::callback::Timeout>>>,
}

/// The scroll position kept in the current history entry (on Back or Forward to it).
fn remembered_scroll() -> Option<f64> {
    let state = gloo::utils::window().history().ok()?.state().ok()?;
    js_sys::Reflect::get(&state, &SCROLL_KEY.into()).ok()?.as_f64()
}

/// For a view of the page's own widget: when it is shown again from history, scrolls
/// back to where the reader left it. After the frame, so that the focus moved to the
/// view's heading (see `App`) does not undo it, and after the entry of a view opened
/// by a link is written ([`record`], queued before this render): a new entry has no
/// position, so a view opened by a link does not scroll. A mounted widget leaves the
/// page's scroll to the page.
#[yew::hook]
pub fn use_restored_scroll(page: bool) {
    yew::use_effect_with((), move |_| {
        if page && super::in_browser() {
            after_paint(|| {
                if let Some(y) = remembered_scroll() {
                    gloo::utils::window().scroll_to_with_x_and_y(0.0, y);
                }
            });
        }
    });
}

/// Listens to a window event for as long as the returned guard lives.
pub fn on_window(name: &'static str, f: impl Fn() + 'static) -> gloo::events::EventListener {
    gloo::events::EventListener::new(&gloo::utils::window(), name, move |_| f())
}

/// Milliseconds since the page started.
pub fn now() -> f64 {
    if !super::in_browser() {
        return 0.0;
    }
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

/// The surroundings a widget's state is computed with.
pub fn env(page_len: usize) -> Env<'static> {
    Env { now: &now, page_len, kept: &super::storage::kept_link, engine: super::lazy::engine_now() }
}

/// The height of the content of a same-origin frame (the bottom of its first element
/// matching `selector`); `None` across origins or before it has laid out.
pub fn frame_content_height(frame: &web_sys::HtmlIFrameElement, selector: &str) -> Option<u32> {
    let el = frame.content_document()?.query_selector(selector).ok().flatten()?;
    let h = el.get_bounding_client_rect().bottom().ceil();
    (h > 0.0).then_some(h as u32)
}
