//! When something goes wrong anyway: a panic hook that keeps the frame readable.

use wasm_bindgen::JsCast;

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
    for root in page.chain(super::dom::mounted_roots()) {
        root.set_text_content(None);
        if let Ok(p) = document.create_element("p") {
            p.set_class_name("ef-notice ef-failure");
            let _ = p.set_attribute("role", "alert");
            p.set_text_content(Some(message));
            let _ = root.append_child(&p);
        }
    }
}
