//! When something goes wrong anyway: a panic hook that keeps the frame readable.

use std::cell::RefCell;
use wasm_bindgen::JsCast;

thread_local! {
    /// The roots of widgets mounted in shadow roots, which a document query cannot
    /// reach. Only the panic hook reads it: it holds no widget's data or navigation.
    static MOUNTED: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
}

/// Lets the panic hook reach a mounted widget's root (inside its shadow root).
pub fn watch(root: &web_sys::Element) {
    MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        m.retain(|r| r.is_connected());
        m.push(root.clone());
    });
}

/// What the reader sees instead of a blank frame.
pub const MESSAGE: &str = "Sorry, the widget stopped because of an error. Reload the page to try again; the details are in the browser console.";

/// Logs the panic to the console and replaces the widget with a readable message.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("encryption-framing: {info}").into());
        show_error(MESSAGE);
    }));
}

/// Replaces the contents of every widget root with `message`, as text.
pub fn show_error(message: &str) {
    let document = gloo::utils::document();
    let Ok(list) = document.query_selector_all(".ef-root") else { return };
    let page = (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok());
    let mounted = MOUNTED.with(|m| m.borrow().clone());
    for root in page.chain(mounted) {
        root.set_text_content(None);
        if let Ok(p) = document.create_element("p") {
            p.set_class_name("ef-notice ef-failure");
            let _ = p.set_attribute("role", "alert");
            p.set_text_content(Some(message));
            let _ = root.append_child(&p);
        }
    }
}
