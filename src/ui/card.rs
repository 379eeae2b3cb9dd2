//! A finding card as markup (see [`crate::card`]). Rendered only at build time, by
//! the pre-render, into static pages that need no WebAssembly: the widget's bundle
//! does not carry it.

use crate::card::{Card, Row};
use crate::location;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub card: Card,
    /// The full widget's address relative to the card page (`../`).
    pub widget: AttrValue,
}

fn row(r: &Row, widget: &str) -> Html {
    let context = r.quote.as_ref().map(|q| {
        let href = format!("{widget}{}", location::format_view(&crate::card::quote_view(q)));
        html! {
            <a class="ef-card-context" href={href} target="_blank" rel="noopener">{ "In context" }<span class="ef-sr">{ format!(": the quote from the {} (opens in a new tab)", r.label) }</span></a>
        }
    });
    let quote = r.quote.as_ref().map(|q| {
        html! {
            <div class="ef-card-qrow">
                <blockquote class="ef-card-quote">
                    <p>
                        if q.cut_start { <span class="ef-card-cut" title="The sentence starts earlier">{ "…" }</span> }
                        { &q.text }
                        if q.cut_end { <span class="ef-card-cut" title="The sentence goes on">{ "…" }</span> }
                    </p>
                </blockquote>
                { for context.clone() }
            </div>
        }
    });
    html! {
        <li class="ef-card-row">
            <p class="ef-card-label"><strong>{ &r.label }</strong>{ " " }<span class="ef-card-detail">{ &r.detail }</span></p>
            if !r.items.is_empty() {
                <p class="ef-card-items">
                    { for r.items.iter().enumerate().map(|(i, item)| html! { <>{ if i > 0 { " · " } else { "" } }<span class="ef-card-item">{ item }</span></> }) }
                </p>
            }
            { for quote }
            { for r.note.as_ref().map(|n| html! { <p class="ef-card-note">{ n }</p> }) }
        </li>
    }
}

/// One card.
#[function_component(CardView)]
pub fn card_view(props: &CardProps) -> Html {
    let c = &props.card;
    let explore = format!("{}{}", props.widget, location::format_view(&c.explore));
    html! {
        <article class="ef-card" aria-labelledby="ef-card-headline">
            <p class="ef-card-kicker">{ &c.kicker }</p>
            <h1 id="ef-card-headline" class="ef-card-headline">{ &c.headline }</h1>
            <ol class="ef-card-rows">{ for c.rows.iter().map(|r| row(r, &props.widget)) }</ol>
            <p class="ef-card-source">{ &c.source }</p>
            <p class="ef-card-explore">
                <a href={explore} target="_blank" rel="noopener">{ "Explore the full comparison" }<span class="ef-sr">{ " (opens in a new tab)" }</span></a>
            </p>
        </article>
    }
}
