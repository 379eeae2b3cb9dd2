//! The browser entry point: mounts the widget on `#app`.

fn main() {
    encryption_framing::ui::failure::install_panic_hook();
    let root = gloo::utils::document().get_element_by_id("app").expect("index.html has #app");
    yew::Renderer::<encryption_framing::ui::App>::with_root(root).render();
}
