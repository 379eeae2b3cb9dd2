//! The Yew UI: renders core state and turns events into hash changes.
//!
//! Navigation is plain links to `#/...` hashes: the browser keeps history, and a
//! single `hashchange` listener feeds [`crate::view::parse`]. Nothing from the URL
//! is rendered as markup; notices are text.

mod body;
mod reader;
mod statement_list;

pub use body::BodyView;
pub use reader::{Reader, ReaderProps};
pub use statement_list::StatementList;

use crate::corpus;
use crate::view::{self, Parsed, View};
use gloo::events::EventListener;
use yew::prelude::*;

fn current_hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

fn parse_current() -> Parsed {
    let corpus = corpus::bundled();
    view::parse(&current_hash(), |id| corpus.get(id).is_some())
}

/// The whole widget.
#[function_component(App)]
pub fn app() -> Html {
    let parsed = use_state(parse_current);
    {
        let parsed = parsed.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                parsed.set(parse_current());
            });
            move || drop(listener)
        });
    }
    // Move focus to the new view's heading so keyboard and screen-reader users land on it.
    {
        let view = parsed.view.clone();
        use_effect_with(view, |_| {
            if let Some(el) = gloo::utils::document().query_selector("[data-focus-target]").ok().flatten() {
                if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    let _ = el.focus();
                }
            }
        });
    }
    let corpus = corpus::bundled();
    let notice = parsed.notice.as_ref().map(|n| {
        html! {
            <div class="ef-notice" role="status">
                <p>{ n.message() }</p>
                <p><a href="#/">{ "Show all statements" }</a></p>
            </div>
        }
    });
    let main = match &parsed.view {
        View::Home => html! { <StatementList /> },
        View::Read { id } => match corpus.get(id) {
            Some(statement) => html! { <Reader statement={statement.id.clone()} /> },
            None => html! { <StatementList /> },
        },
    };
    html! {
        <div class="ef-app">
            <header class="ef-header">
                <p class="ef-brand"><a href="#/">{ "Encryption framing" }</a></p>
                <p class="ef-tagline">{ "How UK and Five Eyes statements framed encryption, access and privacy, 2017–2020" }</p>
            </header>
            <main class="ef-main" id="ef-main">
                { for notice }
                { main }
            </main>
            <footer class="ef-footer">
                <p>{ "Texts: UK Home Office, U.S. Department of Justice, TheyWorkForYou. Runs entirely in your browser: no tracking, no requests elsewhere." }</p>
            </footer>
        </div>
    }
}
