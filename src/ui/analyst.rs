//! The analysis of a reader's statement off the main thread: a Web Worker
//! (`analysis-worker.js`, written by the build beside the widget) runs the same wasm,
//! calls [`ef_analyse`] and posts back the bytes of [`crate::analysis::wire`]. Each form
//! owns its analyst (created when the reader starts on the form, ended with it), so
//! several widgets on a page never share one. Where no worker can run (the one-file
//! edition on `file://`, a sandboxed frame, a page whose policy refuses workers) or it
//! fails, the caller analyses on the main thread as before: the answer is `None`.

use crate::supplied;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's entry point: the message for a statement, or no bytes when its fields
/// do not pass the form's checks (the form checked them already) or the statement
/// engine cannot be fetched (the widget then analyses on its own thread, or says so).
#[wasm_bindgen(js_name = efAnalyse)]
pub async fn ef_analyse(title: String, date: String, text: String) -> Vec<u8> {
    let Ok(statement) = supplied::check(&title, &date, &text) else { return Vec::new() };
    let Ok(engine) = super::lazy::load_engine().await else { return Vec::new() };
    let performance = js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok());
    let now = move || performance.as_ref().map_or(0.0, |p| p.now());
    (engine.message)(&statement, &now)
}

type Reply = Box<dyn FnOnce(Option<Vec<u8>>)>;

/// How long a statement may take in the worker before the widget gives up on it and
/// analyses here (a worker that was killed or never started answers nothing at all).
const PATIENCE_MS: u32 = 10_000;

/// A widget's analyst: started when the reader first works on its form, so the worker
/// is ready when the text is; it lives as long as the widget (adding a statement
/// re-creates the form, not the worker).
pub enum Slot {
    NotStarted,
    Running(Analyst),
    Unavailable,
}

impl Slot {
    /// Starts the analyst of the widget whose files are at `base`, once.
    pub fn start(&mut self, base: &str) {
        if matches!(self, Slot::NotStarted) {
            *self = Analyst::start(base).map_or(Slot::Unavailable, Slot::Running);
        }
    }
}

/// One form's worker and the answer it is waiting for.
pub struct Analyst {
    worker: web_sys::Worker,
    waiting: Rc<RefCell<Option<(u32, Reply)>>>,
    /// The worker failed to start or stopped: every later request is answered `None`.
    failed: Rc<std::cell::Cell<bool>>,
    next: u32,
    /// Gives up on the request waiting when the worker stays silent.
    patience: Option<gloo::timers::callback::Timeout>,
    _onmessage: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _onerror: Closure<dyn FnMut(web_sys::Event)>,
}

impl Analyst {
    /// Starts the worker of the widget whose files are at `base` (the widget's page or,
    /// for a mounted widget, its loader's directory); `None` where workers cannot run.
    pub fn start(base: &str) -> Option<Analyst> {
        let url = web_sys::Url::new_with_base("analysis-worker.js", base).ok()?.href();
        if !url.starts_with("http") {
            return None;
        }
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        let worker = web_sys::Worker::new_with_options(&url, &options).ok().or_else(|| {
            // A worker must come from the page's origin: a widget mounted on an article
            // elsewhere starts one from a small same-origin script that imports its own.
            let source = js_sys::Array::of1(&format!("import {:?};", url).into());
            let blob = web_sys::Blob::new_with_str_sequence_and_options(&source, &{
                let b = web_sys::BlobPropertyBag::new();
                b.set_type("text/javascript");
                b
            })
            .ok()?;
            let blob_url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
            web_sys::Worker::new_with_options(&blob_url, &options).ok()
        })?;
        let waiting: Rc<RefCell<Option<(u32, Reply)>>> = Rc::new(RefCell::new(None));
        let onmessage = {
            let waiting = waiting.clone();
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                let data = event.data();
                let id = js_sys::Reflect::get(&data, &"id".into()).ok().and_then(|v| v.as_f64()).map(|v| v as u32);
                let bytes = js_sys::Reflect::get(&data, &"bytes".into())
                    .ok()
                    .and_then(|b| b.dyn_into::<js_sys::Uint8Array>().ok())
                    .map(|b| b.to_vec())
                    .filter(|b| !b.is_empty());
                let pending = waiting.borrow_mut().take();
                match pending {
                    Some((want, reply)) if Some(want) == id => later(reply, bytes),
                    // An answer to an earlier request: keep waiting for the latest.
                    other => *waiting.borrow_mut() = other,
                }
            })
        };
        let failed = Rc::new(std::cell::Cell::new(false));
        let onerror = {
            let (waiting, failed) = (waiting.clone(), failed.clone());
            Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
                event.prevent_default();
                failed.set(true);
                let pending = waiting.borrow_mut().take();
                if let Some((_, reply)) = pending {
                    later(reply, None);
                }
            })
        };
        worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        Some(Analyst { worker, waiting, failed, next: 0, patience: None, _onmessage: onmessage, _onerror: onerror })
    }

    /// Sends a statement; `reply` gets the message's bytes, or `None` when the worker
    /// failed. A newer request replaces one still waiting (its reply is never called).
    pub fn analyse(&mut self, statement: &supplied::Supplied, reply: impl FnOnce(Option<Vec<u8>>) + 'static) {
        self.next = self.next.wrapping_add(1);
        let message = js_sys::Object::new();
        let date = statement.date.map(|d| d.iso()).unwrap_or_default();
        for (key, value) in [
            ("id", JsValue::from(self.next)),
            ("title", statement.title.as_str().into()),
            ("date", date.into()),
            ("text", statement.text.as_str().into()),
        ] {
            let _ = js_sys::Reflect::set(&message, &key.into(), &value);
        }
        *self.waiting.borrow_mut() = Some((self.next, Box::new(reply)));
        if self.failed.get() || self.worker.post_message(&message).is_err() {
            let pending = self.waiting.borrow_mut().take();
            if let Some((_, reply)) = pending {
                later(reply, None);
            }
            return;
        }
        let (waiting, failed, id) = (self.waiting.clone(), self.failed.clone(), self.next);
        self.patience = Some(gloo::timers::callback::Timeout::new(PATIENCE_MS, move || {
            let pending = waiting.borrow_mut().take();
            match pending {
                Some((want, reply)) if want == id => {
                    // Silent for too long: it will not be asked again.
                    failed.set(true);
                    reply(None);
                }
                other => *waiting.borrow_mut() = other,
            }
        }));
    }
}

/// Answers after the current event: the answer re-renders the widget, which may end the
/// form and its analyst, never while the analyst's own handler runs.
fn later(reply: Reply, bytes: Option<Vec<u8>>) {
    wasm_bindgen_futures::spawn_local(async move { reply(bytes) });
}

impl Drop for Analyst {
    fn drop(&mut self) {
        // No event may reach the handlers once they are gone.
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}
