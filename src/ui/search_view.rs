//! Search results: every matching sentence in context, linking into the reader.

use super::ctx::use_ctx;
use super::Link;
use crate::search::{search, MAX_HITS};
use crate::view::{Passage, View};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SearchProps {
    pub query: String,
}

/// Results for a query, as a list of links (Tab or arrow keys move between them).
#[function_component(SearchResults)]
pub fn search_results(props: &SearchProps) -> Html {
    let ctx = use_ctx();
    let data = &ctx.data;
    let (hits, total) = search(data, &props.query);
    let within = ctx.clone();
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        let step = match e.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            _ => return,
        };
        e.prevent_default();
        // The focused link is the event's target (also inside a shadow root).
        let links = within.find_all(".ef-results a");
        let target: Option<web_sys::Element> = e.target_dyn_into();
        let n = links.len() as i32;
        let current = links.iter().position(|l| Some(l) == target.as_ref()).map(|i| i as i32);
        let next = current.map_or(0, |c| (c + step).clamp(0, n - 1));
        if let Some(el) = links.get(next as usize).cloned() {
            let _ = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).map(|el| el.focus());
        }
    });
    let summary = match total {
        0 => "No sentence contains it.".to_string(),
        1 => "1 sentence contains it.".to_string(),
        n if n > MAX_HITS => format!("{n} sentences contain it; the first {MAX_HITS} are shown."),
        n => format!("{n} sentences contain it."),
    };
    html! {
        <section class="ef-search-results" aria-labelledby="ef-search-title">
            // Bidi controls and invisible characters typed into the query show as codes,
            // as in a pasted statement, so they cannot reorder the heading.
            <h1 id="ef-search-title" tabindex="-1" data-focus-target="">{ "Search: " }<q>{ crate::supplied::make_visible(&props.query).0 }</q></h1>
            <p role="status">{ summary }</p>
            <ol class="ef-results" {onkeydown}>
                { for hits.iter().filter_map(|h| {
                    let d = data.document(&h.id)?;
                    let s = &d.analysis.sentences[h.sentence];
                    let text = &d.statement.body.text;
                    let mut parts = Vec::new();
                    let mut at = s.start;
                    for &(a, b) in &h.matches {
                        parts.push(html! { { &text[at..a] } });
                        parts.push(html! { <mark>{ &text[a..b] }</mark> });
                        at = b;
                    }
                    parts.push(html! { { &text[at..s.end] } });
                    let target = View::Read { ids: vec![h.id.clone()], theme: None, at: Some(Passage { id: h.id.clone(), sentence: h.sentence }) };
                    Some(html! {
                        <li>
                            <Link to={target}>
                                <span class="ef-result-source">{ format!("{}, {} — {}", d.statement.short_title, d.statement.date.short_label(), crate::numbering::number(&d.analysis.sentences, h.sentence).map_or_else(|| format!("sentence {}", h.sentence + 1), |n| n.name())) }</span>
                                <span class="ef-result-text">{ for parts }</span>
                            </Link>
                        </li>
                    })
                }) }
            </ol>
        </section>
    }
}
