//! The browser entry point: mounts the widget on `#app`, replacing the pre-rendered
//! comparison (tools/postbuild.mjs) with the same markup before the next paint.

fn main() {
    encryption_framing::ui::failure::install_panic_hook();
    let root = gloo::utils::document().get_element_by_id("app").expect("index.html has #app");
    root.set_inner_html("");
    yew::Renderer::<encryption_framing::ui::App>::with_root(root).render();
}
