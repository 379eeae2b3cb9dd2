//! Build step (Trunk post-build hook, via tools/postbuild.mjs): renders the default
//! comparison to static HTML with yew's `ssr`, so the statements and their framing
//! are readable before the wasm arrives, with JavaScript off, and by reader modes and
//! search engines. The widget then replaces it with the same markup (src/bin/widget.rs).

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a current-thread runtime");
    let local = tokio::task::LocalSet::new();
    let renderer = yew::LocalServerRenderer::<encryption_framing::ui::App>::new().hydratable(false);
    print!("{}", local.block_on(&runtime, renderer.render()));
}
