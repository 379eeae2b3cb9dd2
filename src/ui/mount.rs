//! The script mount API, called by the loader `encryption-framing.js` (written by
//! tools/postbuild.mjs, documented in README.md): mounts a widget into a page element,
//! inside a shadow root so the page's CSS and the widget's never meet, with options
//! checked by [`crate::mount`].

use super::{browser, App, AppProps, Nav, Start};
use crate::mount::{self, Raw};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn console_error(message: &str) {
    web_sys::console::error_1(&message.into());
}

/// Decodes one option with serde-wasm-bindgen; a wrong type is reported and dropped.
fn field<T: serde::de::DeserializeOwned>(options: &JsValue, name: &str) -> Option<T> {
    let value = js_sys::Reflect::get(options, &name.into()).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    serde_wasm_bindgen::from_value(value).map_err(|_| console_error(&mount::wrong_type(name))).ok()
}

/// Reads the options object: unknown names and wrong types are console errors.
fn read_options(options: &JsValue) -> Raw {
    if options.is_undefined() || options.is_null() {
        return Raw::default();
    }
    if !options.is_object() {
        console_error("encryption-framing: options must be an object; using the defaults.");
        return Raw::default();
    }
    for key in js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !mount::NAMES.contains(&key.as_str()) {
            console_error(&mount::unknown(&key));
        }
    }
    Raw {
        statements: field(options, "statements"),
        theme: field(options, "theme"),
        view: field(options, "view"),
        embed: field(options, "embed"),
        color_scheme: field(options, "colorScheme"),
    }
}

/// `mountEncryptionFraming(element, options, stylesheetUrl, pageUrl)`: renders a widget
/// into `element`'s shadow root (replacing one mounted there before). Its code is a
/// lazily loaded part (src/ui/lazy.rs): a page that only shows the widget's own view
/// never fetches it.
#[wasm_bindgen(js_name = mountEncryptionFraming)]
pub fn mount_encryption_framing(host: web_sys::Element, options: JsValue, stylesheet: String, page: String) {
    wasm_bindgen_futures::spawn_local(async move {
        match super::lazy::load_mount().await {
            Ok(mount) => mount(host, options, stylesheet, page),
            Err(_) => console_error("encryption-framing: the widget's mount code could not be loaded from its site."),
        }
    });
}

/// What `mountEncryptionFraming` does once its part is here.
pub(super) fn mount_into(host: web_sys::Element, options: JsValue, stylesheet: String, page: String) {
    let raw = read_options(&options);
    // A `view` link carrying a statement waits for the engine that reads it.
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(view) = &raw.view {
            super::lazy::engine_for(view).await;
        }
        mount_resolved(host, &raw, stylesheet, page);
    });
}

fn mount_resolved(host: web_sys::Element, raw: &mount::Raw, stylesheet: String, page: String) {
    let (start, problems) = mount::resolve(raw, &browser::env(page.len()));
    for p in &problems {
        console_error(p);
    }
    let document = gloo::utils::document();
    let shadow = match host.shadow_root() {
        Some(s) => s,
        None => match host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)) {
            Ok(s) => s,
            Err(_) => return console_error("encryption-framing: this element cannot hold a widget (no shadow root)."),
        },
    };
    shadow.set_inner_html("");
    let (Ok(link), Ok(container)) = (document.create_element("link"), document.create_element("div")) else { return };
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", &stylesheet);
    container.set_class_name("ef-root ef-mounted");
    if let Some(scheme) = start.color_scheme.attribute() {
        let _ = container.set_attribute("data-color-scheme", scheme);
    }
    // Shown once its stylesheet has loaded (or failed), so it never flashes unstyled.
    let _ = container.set_attribute("hidden", "");
    let reveal = {
        let container = container.clone();
        Closure::<dyn Fn()>::new(move || {
            let _ = container.remove_attribute("hidden");
        })
    };
    let _ = link.add_event_listener_with_callback("load", reveal.as_ref().unchecked_ref());
    let _ = link.add_event_listener_with_callback("error", reveal.as_ref().unchecked_ref());
    reveal.forget();
    let _ = shadow.append_child(&link);
    let _ = shadow.append_child(&container);
    super::failure::watch(&container);
    let start = Start { state: start.state, nav: Nav::Memory, page: page.into(), embedded: start.embed, article: None };
    // The parts its first view shows first (src/ui/lazy.rs), so it opens whole.
    wasm_bindgen_futures::spawn_local(async move {
        super::lazy::preload(&start.state).await;
        yew::Renderer::<App>::with_root_and_props(container, AppProps { start }).render();
    });
}
