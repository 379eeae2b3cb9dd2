//! The browser entry point: mounts the widget on `#app`.

fn main() {
    let root = gloo::utils::document().get_element_by_id("app").expect("index.html has #app");
    yew::Renderer::<encryption_framing::ui::App>::with_root(root).render();
}
