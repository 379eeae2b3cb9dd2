//! Renders a parsed [`Body`] faithfully: headings, paragraphs, lists, quotations,
//! emphasis and footnotes, with optional sentence decorations (theme marks, a tag
//! link that opens the sentence's coding, links to recurring passages). All text
//! goes through Yew text nodes, never as markup.

use super::{JumpLink, Link};
use crate::analysis::Theme;
use crate::corpus::{Block, BlockKind, Footnote, Mark, MarkKind};
use crate::view::View;
use yew::prelude::*;

/// How one sentence is shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Deco {
    pub index: usize,
    /// How readers number it ("sentence 7", headings apart); `None` falls back to the index.
    pub number: Option<crate::numbering::Number>,
    pub start: usize,
    pub end: usize,
    /// Themes to mark (already filtered by the reader's theme filter).
    pub themes: Vec<Theme>,
    /// Where the sentence's tag link goes (opens or closes its coding).
    pub to: View,
    pub open: bool,
    /// Recurring passages shared with the statement shown beside this one: (label, view).
    pub shared: Vec<(String, View)>,
}

#[derive(Properties, PartialEq)]
pub struct BodyProps {
    /// The statement whose body this is; element ids are prefixed with it so two
    /// bodies on one page never share an id.
    pub id: AttrValue,
    /// The analysis holding the statement (compared by identity).
    pub data: super::Data,
    /// The HTML level body headings render at. The captures' `##`/`###` levels are
    /// inconsistent artefacts of the capture tool (sibling sections at two levels),
    /// so all body headings render at one level under the statement title.
    #[prop_or(2)]
    pub heading_level: u8,
    /// Sentence decorations, in order; empty renders the plain text.
    #[prop_or_default]
    pub sentences: Vec<Deco>,
    /// A panel shown right after the block holding the open sentence.
    #[prop_or_default]
    pub panel: Option<Html>,
}

/// A statement body, structured as the original.
#[function_component(BodyView)]
pub fn body_view(props: &BodyProps) -> Html {
    let Some(doc) = props.data.document(&props.id) else { return html! {} };
    let body = &doc.statement.body;
    let open_block = props
        .sentences
        .iter()
        .find(|d| d.open)
        .and_then(|d| body.blocks.iter().position(|b| b.start <= d.start && d.end <= b.end));
    let mut out: Vec<Html> = Vec::new();
    let mut i = 0;
    while i < body.blocks.len() {
        let block = &body.blocks[i];
        if let BlockKind::ListItem { ordered, number } = block.kind {
            let run: Vec<(usize, &Block)> = body.blocks[i..]
                .iter()
                .enumerate()
                .take_while(|(_, b)| matches!(b.kind, BlockKind::ListItem { ordered: o, .. } if o == ordered))
                .map(|(k, b)| (i + k, b))
                .collect();
            i += run.len();
            let items = run.iter().map(|&(k, b)| {
                html! { <li>{ inline(props, &body.text, b) }{ panel_after(props, open_block, k) }</li> }
            });
            out.push(if ordered {
                html! { <ol start={number.to_string()}>{ for items }</ol> }
            } else {
                html! { <ul>{ for items }</ul> }
            });
            continue;
        }
        let content = inline(props, &body.text, block);
        out.push(match block.kind {
            BlockKind::Heading { .. } => {
                let tag = format!("h{}", props.heading_level.clamp(1, 6));
                html! { <@{tag} class="ef-body-heading">{ content }</@> }
            }
            BlockKind::Quote => html! { <blockquote><p>{ content }</p></blockquote> },
            _ => html! { <p>{ content }</p> },
        });
        out.push(panel_after(props, open_block, i));
        i += 1;
    }
    let notes = (!body.footnotes.is_empty()).then(|| {
        html! {
            <section class="ef-footnotes" aria-label={format!("Footnotes ({})", props.id)}>
                <ol>
                    { for body.footnotes.iter().map(|f| footnote(&props.id, f)) }
                </ol>
            </section>
        }
    });
    html! { <div class="ef-body">{ for out }{ for notes }</div> }
}

fn panel_after(props: &BodyProps, open_block: Option<usize>, block: usize) -> Html {
    match (&props.panel, open_block) {
        (Some(panel), Some(b)) if b == block => panel.clone(),
        _ => html! {},
    }
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

/// A block's text: sentences (decorated when asked) and the gaps between them.
fn inline(props: &BodyProps, text: &str, block: &Block) -> Html {
    let decos: Vec<&Deco> = props.sentences.iter().filter(|d| d.start >= block.start && d.end <= block.end).collect();
    if decos.is_empty() {
        return render_marked(&props.id, text, block.start, block.end, &block.marks);
    }
    let mut out = Vec::new();
    let mut at = block.start;
    for d in decos {
        if d.start > at {
            out.push(render_marked(&props.id, text, at, d.start, &block.marks));
        }
        out.push(sentence(props, d, render_marked(&props.id, text, d.start, d.end, &block.marks)));
        at = d.end;
    }
    if at < block.end {
        out.push(render_marked(&props.id, text, at, block.end, &block.marks));
    }
    html! { <>{ for out }</> }
}

fn sentence(props: &BodyProps, d: &Deco, content: Html) -> Html {
    let id = format!("ef-s-{}-{}", props.id, d.index);
    let classes = classes!(
        "ef-s",
        d.themes.iter().map(|t| format!("ef-s-{}", t.id())).collect::<Vec<_>>(),
        d.open.then_some("ef-s-open"),
        (!d.shared.is_empty()).then_some("ef-s-shared")
    );
    let tag = (!d.themes.is_empty()).then(|| {
        let short: Vec<&str> = d.themes.iter().map(|t| abbreviation(*t)).collect();
        let full: Vec<&str> = d.themes.iter().map(|t| t.label()).collect();
        let verb = if d.open { "close the coding of" } else { "open the coding of" };
        // The accessible name starts with the visible text (WCAG 2.5.3, label in name).
        html! {
            <Link class="ef-tag" to={d.to.clone()} aria_expanded={d.open.to_string()}
               aria_label={format!("{}: {verb} {} ({})", short.join("·"), d.number.map_or_else(|| format!("sentence {}", d.index + 1), |n| n.name()), full.join(", "))}>{ short.join("·") }</Link>
        }
    });
    let shared = d.shared.iter().map(|(label, to)| {
        html! { <Link class="ef-tag ef-tag-shared" to={to.clone()}>{ "↔ " }{ label }</Link> }
    });
    html! { <><span {id} class={classes}>{ content }</span>{ for tag }{ for shared }</> }
}

/// The text label of a theme mark (never colour alone).
pub fn abbreviation(t: Theme) -> &'static str {
    match t {
        Theme::Encryption => "ENC",
        Theme::Access => "ACC",
        Theme::Privacy => "PRIV",
    }
}

/// Text from `start` to `end` split at every mark boundary, each piece wrapped in
/// the marks active over it; footnote references become superscript links.
fn render_marked(id: &str, text: &str, start: usize, end: usize, marks: &[Mark]) -> Html {
    let mut cuts: Vec<usize> = vec![start, end];
    for m in marks {
        cuts.extend([m.start, m.end].into_iter().filter(|&c| c > start && c < end));
    }
    crate::order::sort(&mut cuts);
    cuts.dedup();
    let mut out: Vec<Html> = Vec::new();
    let refs_at = |pos: usize| {
        marks.iter().filter(move |m| m.start == pos && m.end == pos).filter_map(|m| match &m.kind {
            MarkKind::FootnoteRef { label } => Some(footnote_ref(id, label)),
            _ => None,
        })
    };
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a > start || start == 0 {
            out.extend(refs_at(a));
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
    // A reference right at the end belongs to this stretch (e.g. "Council[1]." is split
    // before the period only if the sentence ends there).
    out.extend(refs_at(end));
    html! { <>{ for out }</> }
}

fn footnote_ref(id: &str, label: &str) -> Html {
    // A plain `#fragment` link would replace the route, so it scrolls instead.
    let view = View::Read { ids: vec![id.to_string()], theme: None, at: None };
    html! {
        <sup class="ef-fnref">
            <JumpLink {view} target={format!("ef-fn-{id}-{label}")} aria_label={format!("Footnote {label}")}>{ format!("[{label}]") }</JumpLink>
        </sup>
    }
}
