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
/// Back leaves the article's reader where they were) the current one. `false` when
/// the browser refused (a sandboxed frame); the hash is then written instead, which
/// fires `hashchange`.
pub fn push(href: &str, replace: bool) -> bool {
    if !super::in_browser() {
        return false;
    }
    let window = gloo::utils::window();
    remember_scroll(&window);
    let Ok(history) = window.history() else { return false };
    let none = wasm_bindgen::JsValue::NULL;
    let done = if replace {
        history.replace_state_with_url(&none, "", Some(href))
    } else {
        history.push_state_with_url(&none, "", Some(href))
    };
    if done.is_err() {
        let location = window.location();
        let _ = if replace { location.replace(href) } else { location.set_hash(href) };
    }
    done.is_ok()
}

/// Names the page's view in its title.
pub fn set_title(title: &str) {
    if super::in_browser() {
        gloo::utils::document().set_title(title);
    }
}

/// The key of the scroll position kept in a history entry's state.
const SCROLL_KEY: &str = "efScrollY";

/// Keeps the page's scroll position in the current history entry before a new one is
/// pushed. The browser's own restoration on Back comes too early: it runs before the
/// widget has rendered the earlier view, on a page still holding the later one, and
/// clamps to its height. [`use_restored_scroll`] scrolls once the view is back.
fn remember_scroll(window: &web_sys::Window) {
    let Ok(history) = window.history() else { return };
    let state = js_sys::Object::new();
    let y = window.scroll_y().unwrap_or(0.0);
    if js_sys::Reflect::set(&state, &SCROLL_KEY.into(), &y.into()).is_ok() {
        // A sandboxed frame may refuse; the position is then simply not restored.
        let _ = history.replace_state(&state, "");
    }
}

/// The scroll position kept in the current history entry (on Back or Forward to it).
fn remembered_scroll() -> Option<f64> {
    let state = gloo::utils::window().history().ok()?.state().ok()?;
    js_sys::Reflect::get(&state, &SCROLL_KEY.into()).ok()?.as_f64()
}

/// For a view of the page's own widget: when it is shown again from history, scrolls
/// back to where the reader left it. After the current task, so that the focus moved
/// to the view's heading (see `App`) does not undo it. A mounted widget leaves the
/// page's scroll to the page.
#[yew::hook]
pub fn use_restored_scroll(page: bool) {
    yew::use_effect_with((), move |_| {
        if page && super::in_browser() {
            if let Some(y) = remembered_scroll() {
                gloo::timers::callback::Timeout::new(0, move || gloo::utils::window().scroll_to_with_x_and_y(0.0, y))
                    .forget();
            }
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
    Env { now: &now, page_len, kept: &super::storage::kept }
}

/// The height of the content of a same-origin frame (the bottom of its first element
/// matching `selector`); `None` across origins or before it has laid out.
pub fn frame_content_height(frame: &web_sys::HtmlIFrameElement, selector: &str) -> Option<u32> {
    let el = frame.content_document()?.query_selector(selector).ok().flatten()?;
    let h = el.get_bounding_client_rect().bottom().ceil();
    (h > 0.0).then_some(h as u32)
}
