//! Where a widget instance lives. The page's own widget (`#app`) navigates with the
//! URL hash; widgets mounted by the script API live in shadow roots and navigate in
//! memory, so several on one page never share ids, styles or state.
//!
//! Every action starts with a reader's event inside one instance: each instance's
//! root marks itself active on `pointerdown`, `keydown` and `focusin` (capture), and
//! [`super::navigate`] and the lookups below go to the active instance.

use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRoot};
use yew::Callback;

/// A mounted instance: its shadow root and how to show a hash in it.
struct Instance {
    id: u32,
    root: ShadowRoot,
    go: Callback<String>,
}

thread_local! {
    static INSTANCES: RefCell<Vec<Instance>> = const { RefCell::new(Vec::new()) };
    /// The instance the last reader event happened in; `None` for the page's widget.
    static ACTIVE: Cell<Option<u32>> = const { Cell::new(None) };
    static NEXT: Cell<u32> = const { Cell::new(1) };
}

/// Registers a mounted instance; returns its id.
pub fn register(root: ShadowRoot, go: Callback<String>) -> u32 {
    let id = NEXT.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    });
    INSTANCES.with(|i| i.borrow_mut().push(Instance { id, root, go }));
    id
}

pub fn unregister(id: u32) {
    INSTANCES.with(|i| i.borrow_mut().retain(|x| x.id != id));
    ACTIVE.with(|a| {
        if a.get() == Some(id) {
            a.set(None);
        }
    });
}

/// Marks an instance (or the page's widget, `None`) as the one being used.
pub fn activate(id: Option<u32>) {
    ACTIVE.with(|a| a.set(id));
}

fn with_active<T>(f: impl FnOnce(&Instance) -> T) -> Option<T> {
    let id = ACTIVE.with(Cell::get)?;
    INSTANCES.with(|i| i.borrow().iter().find(|x| x.id == id).map(f))
}

/// Shows a hash in the active mounted instance; `false` when the page's widget is active.
pub fn go(hash: &str) -> bool {
    match with_active(|x| x.go.clone()) {
        Some(go) => {
            go.emit(hash.to_string());
            true
        }
        None => false,
    }
}

/// An element by id in the active instance.
pub fn by_id(id: &str) -> Option<Element> {
    match with_active(|x| x.root.clone()) {
        Some(root) => root.get_element_by_id(id),
        None => gloo::utils::document().get_element_by_id(id),
    }
}

/// The first element matching `selector` in the active instance.
pub fn query(selector: &str) -> Option<Element> {
    match with_active(|x| x.root.clone()) {
        Some(root) => root.query_selector(selector).ok().flatten(),
        None => gloo::utils::document().query_selector(selector).ok().flatten(),
    }
}

/// Every element matching `selector` in the active instance.
pub fn query_all(selector: &str) -> Vec<Element> {
    let list = match with_active(|x| x.root.clone()) {
        Some(root) => root.query_selector_all(selector),
        None => gloo::utils::document().query_selector_all(selector),
    };
    let Ok(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
}

/// The widget roots of every mounted instance (for the panic hook).
pub fn mounted_roots() -> Vec<Element> {
    INSTANCES.with(|i| i.borrow().iter().filter_map(|x| x.root.query_selector(".ef-root").ok().flatten()).collect())
}
