//! Renders a parsed [`Body`] faithfully: headings, paragraphs, lists, quotations,
//! emphasis and footnotes. All text goes through Yew text nodes, never as markup.

use crate::corpus::{Block, BlockKind, Body, Footnote, Mark, MarkKind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BodyProps {
    /// The statement whose body this is; footnote ids are prefixed with it so two
    /// bodies on one page never share an id.
    pub id: AttrValue,
    pub body: &'static Body,
    /// The HTML level body headings render at. The captures' `##`/`###` levels are
    /// inconsistent artefacts of the capture tool (sibling sections at two levels),
    /// so all body headings render at one level under the page title.
    #[prop_or(2)]
    pub heading_level: u8,
}

/// A statement body, structured as the original.
#[function_component(BodyView)]
pub fn body_view(props: &BodyProps) -> Html {
    let body = props.body;
    let mut out: Vec<Html> = Vec::new();
    let mut i = 0;
    while i < body.blocks.len() {
        let block = &body.blocks[i];
        if let BlockKind::ListItem { ordered, number } = block.kind {
            let run: Vec<&Block> = body.blocks[i..]
                .iter()
                .take_while(|b| matches!(b.kind, BlockKind::ListItem { ordered: o, .. } if o == ordered))
                .collect();
            i += run.len();
            let items = run.iter().map(|b| html! { <li>{ inline(&props.id, body, b) }</li> });
            out.push(if ordered {
                html! { <ol start={number.to_string()}>{ for items }</ol> }
            } else {
                html! { <ul>{ for items }</ul> }
            });
            continue;
        }
        i += 1;
        let content = inline(&props.id, body, block);
        out.push(match block.kind {
            BlockKind::Heading { .. } => {
                let tag = format!("h{}", props.heading_level.clamp(1, 6));
                html! { <@{tag} class="ef-body-heading">{ content }</@> }
            }
            BlockKind::Quote => html! { <blockquote><p>{ content }</p></blockquote> },
            _ => html! { <p>{ content }</p> },
        });
    }
    let notes = (!body.footnotes.is_empty()).then(|| {
        html! {
            <section class="ef-footnotes" aria-label="Footnotes">
                <ol>
                    { for body.footnotes.iter().map(|f| footnote(&props.id, f)) }
                </ol>
            </section>
        }
    });
    html! { <div class="ef-body">{ for out }{ for notes }</div> }
}

fn footnote(id: &str, f: &Footnote) -> Html {
    let parts = f.text.split(' ').map(|word| {
        let url = word.trim_end_matches(',');
        if url.starts_with("http://") || url.starts_with("https://") {
            let tail = &word[url.len()..];
            html! { <><a href={url.to_string()} rel="noopener noreferrer" class="ef-url">{ url }</a>{ tail }{ " " }</> }
        } else {
            html! { <>{ word }{ " " }</> }
        }
    });
    html! {
        <li id={format!("ef-fn-{id}-{}", f.label)} value={f.label.clone()}>{ for parts }</li>
    }
}

/// A block's text split at every mark boundary, each piece wrapped in the marks
/// active over it; footnote references become superscript links.
fn inline(id: &str, body: &Body, block: &Block) -> Html {
    render_marked(id, &body.text, block.start, block.end, &block.marks)
}

fn render_marked(id: &str, text: &str, start: usize, end: usize, marks: &[Mark]) -> Html {
    let mut cuts: Vec<usize> = vec![start, end];
    for m in marks {
        cuts.push(m.start);
        cuts.push(m.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Html> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        for m in marks.iter().filter(|m| m.start == a && m.end == a) {
            if let MarkKind::FootnoteRef { label } = &m.kind {
                out.push(footnote_ref(id, label));
            }
        }
        if a == b {
            continue;
        }
        let mut piece = html! { { &text[a..b] } };
        for m in marks.iter().filter(|m| m.start <= a && m.end >= b && m.start < m.end) {
            piece = match m.kind {
                MarkKind::Emphasis => html! { <em>{ piece }</em> },
                MarkKind::Strong => html! { <strong>{ piece }</strong> },
                MarkKind::FootnoteRef { .. } => piece,
            };
        }
        out.push(piece);
    }
    for m in marks.iter().filter(|m| m.start == end && m.end == end && end > start) {
        if let MarkKind::FootnoteRef { label } = &m.kind {
            out.push(footnote_ref(id, label));
        }
    }
    html! { <>{ for out }</> }
}

fn footnote_ref(id: &str, label: &str) -> Html {
    let target = format!("ef-fn-{id}-{label}");
    // A plain `#fragment` link would replace the route, so scroll instead.
    let onclick = {
        let target = target.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            if let Some(el) = gloo::utils::document().get_element_by_id(&target) {
                el.scroll_into_view();
            }
        })
    };
    html! {
        <sup class="ef-fnref"><a href={format!("#/read/{id}")} {onclick} aria-label={format!("Footnote {label}")}>{ format!("[{label}]") }</a></sup>
    }
}
