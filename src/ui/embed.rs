//! Life inside an iframe: report the widget's height to the parent page (pym.js,
//! AMP and our own protocol) whenever it changes, and answer validated requests.

use crate::embed::{self, EmbedConfig, Incoming};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How the hosting page set the widget up (read once from the query string).
pub fn config() -> &'static EmbedConfig {
    thread_local! {
        static CONFIG: &'static EmbedConfig = Box::leak(Box::new(
            embed::parse_query(&search()),
        ));
    }
    CONFIG.with(|c| *c)
}

/// The page's query string (empty when pre-rendering).
fn search() -> String {
    if !super::in_browser() {
        return String::new();
    }
    gloo::utils::window().location().search().unwrap_or_default()
}

/// Whether the widget runs inside a frame.
pub fn in_frame() -> bool {
    let window = gloo::utils::window();
    window.parent().ok().flatten().is_some_and(|p| !js_sys::Object::is(&p, &window))
}

/// The content height, rounded up: the root element's box, not the viewport, so a
/// frame taller than its content still learns when the content shrinks.
fn content_height() -> u32 {
    gloo::utils::document()
        .query_selector(".ef-root")
        .ok()
        .flatten()
        .map_or(0, |el| el.get_bounding_client_rect().height().ceil().max(0.0) as u32)
}

fn post_height(height: u32) {
    let Some(parent) = gloo::utils::window().parent().ok().flatten() else { return };
    let c = config();
    if let Some(pym) = &c.pym {
        let _ = parent.post_message(&JsValue::from_str(&embed::pym_height(&pym.child_id, height)), "*");
    }
    for json in [embed::amp_height(height), embed::own_height(c.id.as_deref(), height)] {
        if let Ok(object) = js_sys::JSON::parse(&json) {
            let _ = parent.post_message(&object, "*");
        }
    }
}

/// Starts height reporting; the returned guard stops it when dropped.
pub struct HeightReporter {
    _observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut()>,
    _messages: EventListener,
}

/// Observes the widget's size and posts its height (debounced) when it changes.
pub fn report_height() -> Option<HeightReporter> {
    if !in_frame() {
        return None;
    }
    let last = Rc::new(Cell::new(0u32));
    let pending: Rc<RefCell<Option<Timeout>>> = Rc::default();
    let schedule = {
        let last = last.clone();
        move |force: bool| {
            let last = last.clone();
            // Debounce: one message per burst of layout changes.
            *pending.borrow_mut() = Some(Timeout::new(40, move || {
                let h = content_height();
                if force || h != last.get() {
                    last.set(h);
                    post_height(h);
                }
            }));
        }
    };
    let schedule = Rc::new(schedule);
    let callback = {
        let schedule = schedule.clone();
        Closure::<dyn FnMut()>::new(move || schedule(false))
    };
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    if let Some(root) = gloo::utils::document().query_selector(".ef-root").ok().flatten() {
        observer.observe(&root);
    }
    let messages = EventListener::new(&gloo::utils::window(), "message", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else { return };
        let data = event.data();
        let text = data.as_string().or_else(|| js_sys::JSON::stringify(&data).ok().and_then(|s| s.as_string()));
        if text.is_some_and(|t| embed::incoming(&t, config()) == Incoming::SendHeight) {
            schedule(true);
        }
    });
    Some(HeightReporter { _observer: observer, _callback: callback, _messages: messages })
}
