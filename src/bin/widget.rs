//! The browser entry point: mounts the widget on the page's `#app.ef-root`, replacing
//! the pre-rendered comparison (tools/postbuild.mjs) with the same markup before the
//! next paint (once the lazily loaded parts that view shows are here, src/ui/lazy.rs).
//! On a page that only loads the script mount API there is no such element, and
//! nothing happens until the page calls `mount`.

fn main() {
    // The same wasm runs in the widget's analysis worker (src/ui/analyst.rs), where there
    // is no page to mount on.
    if web_sys::window().is_none() {
        return;
    }
    encryption_framing::ui::failure::install_panic_hook();
    if let Some(root) = gloo::utils::document().query_selector("#app.ef-root").ok().flatten() {
        // The pre-rendered copy stays until the parts the first view shows are here too.
        wasm_bindgen_futures::spawn_local(async move {
            let props = encryption_framing::ui::AppProps { start: encryption_framing::ui::page_start().await };
            encryption_framing::ui::lazy::preload(&props.start.state).await;
            root.set_inner_html("");
            if let Some(scheme) = encryption_framing::ui::page_color_scheme() {
                let _ = root.set_attribute("data-color-scheme", scheme);
            }
            yew::Renderer::<encryption_framing::ui::App>::with_root_and_props(root, props).render();
        });
    }
}
