//! The home view: the five statements in date order.

use crate::corpus;
use crate::view::{self, View};
use yew::prelude::*;

/// Lists every bundled statement with its kind, author, date and source.
#[function_component(StatementList)]
pub fn statement_list() -> Html {
    let corpus = corpus::bundled();
    html! {
        <section class="ef-list" aria-labelledby="ef-list-title">
            <h1 id="ef-list-title" tabindex="-1" data-focus-target="">{ "Five statements on encryption, 2017–2020" }</h1>
            <ol class="ef-statements">
                { for corpus.statements.iter().map(|s| html! {
                    <li class="ef-statement" key={s.id.clone()}>
                        <h2 class="ef-statement-title">
                            <a href={view::format(&View::Read { id: s.id.clone() })}>{ &s.title }</a>
                        </h2>
                        <p class="ef-meta">
                            <span class="ef-kind">{ s.kind.label() }</span>
                            { " · " }{ &s.author }{ ", " }{ &s.author_role }
                        </p>
                        <p class="ef-meta">
                            <time datetime={s.date.earliest.iso()}>{ s.date.long_label() }</time>
                        </p>
                        { source_line(s) }
                    </li>
                }) }
            </ol>
        </section>
    }
}

/// "Source: <link>" or the provenance note when the capture has no address.
pub fn source_line(s: &corpus::Statement) -> Html {
    match &s.source_url {
        Some(url) => html! {
            <p class="ef-meta">{ "Source: " }{ &s.publisher }{ " — " }
                <a href={url.clone()} rel="noopener noreferrer" target="_blank">{ "original" }<span class="ef-sr">{ " (opens in a new tab)" }</span></a>
            </p>
        },
        None => html! { <p class="ef-meta">{ "Source: " }{ &s.publisher }</p> },
    }
}
