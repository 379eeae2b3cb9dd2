//! The five statements in date order, with kind, author, date and source.

use super::ctx::Ctx;
use super::Link;
use crate::corpus;
use crate::view::View;
use yew::prelude::*;

/// Lists every bundled statement with its kind, author, date and source. A function
/// of the widget's context: no state of its own.
pub fn statement_list(ctx: &Ctx) -> Html {
    let data = &ctx.data;
    html! {
        <ol class="ef-statements">
            { for data.documents.iter().map(|d| {
                let s = &*d.statement;
                html! {
                    <li class="ef-statement" key={s.id.clone()}>
                        <h3 class="ef-statement-title">
                            <Link to={View::Read { ids: vec![s.id.clone()], theme: None, at: None }}>{ &s.title }</Link>
                        </h3>
                        <p class="ef-meta">
                            <span class="ef-kind">{ s.kind.label() }</span>
                            { " · " }{ &s.author }{ ", " }{ &s.author_role }
                        </p>
                        <p class="ef-meta"><time datetime={s.date.earliest.iso()}>{ s.date.long_label() }</time></p>
                        { source_line(s) }
                    </li>
                }
            }) }
        </ol>
    }
}

/// "Source: <link>" or the publisher when the capture has no address.
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
