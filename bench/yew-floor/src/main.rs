//! The smallest Yew app: what the framework costs before any of the widget.
use yew::prelude::*;

#[function_component(App)]
fn app() -> Html {
    let clicks = use_state(|| 0u32);
    let onclick = {
        let clicks = clicks.clone();
        Callback::from(move |_| clicks.set(*clicks + 1))
    };
    html! { <main><h1>{ "Hello" }</h1><button {onclick}>{ format!("Clicked {}", *clicks) }</button></main> }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
