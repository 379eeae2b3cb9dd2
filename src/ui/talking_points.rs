//! Talking points: recurring passages and claims, where and when each appears.

use super::ctx::use_ctx;
use super::reader::in_source;
use super::{Data, Link};
use crate::analysis::{Codebook, Document, Occurrence, TalkingPoint};
use crate::cite;
use crate::view::{Passage, View};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TalkingPointsProps {
    pub selected: Option<String>,
}

/// A statement-by-talking-point matrix; each row opens its occurrences.
#[function_component(TalkingPoints)]
pub fn talking_points(props: &TalkingPointsProps) -> Html {
    let ctx = use_ctx();
    super::browser::use_restored_scroll(ctx.nav == super::ctx::Nav::Page);
    let data = &ctx.data;
    let r = &data.recurring;
    let docs = &data.documents;
    let row = |tp: &TalkingPoint, kind: &str| {
        let selected = props.selected.as_deref() == Some(tp.id.as_str());
        let toggle = View::TalkingPoints { selected: (!selected).then(|| tp.id.clone()) };
        let cells = docs.iter().map(|d| {
            let n = tp.occurrences.iter().filter(|o| o.doc == d.statement.id).count();
            if n > 0 {
                html! { <td class="ef-yes"><span aria-hidden="true">{ "●" }</span><span class="ef-sr">{ "yes" }</span></td> }
            } else {
                html! { <td class="ef-no"><span aria-hidden="true">{ "–" }</span><span class="ef-sr">{ "no" }</span></td> }
            }
        });
        let label = match tp.code {
            Some(code) => format!("{} (claim in different words)", Codebook::bundled()[code].label),
            // A passage is usually part of a sentence: the ellipses say so, so that it is
            // not read as the whole of what was said.
            None => format!("“{}”", cite::with_cuts(&tp.label, first_cuts(data, tp))),
        };
        html! {
            <>
                <tr class={classes!("ef-tp-row", selected.then_some("ef-tp-selected"))}>
                    <th scope="row">
                        <Link to={toggle} aria_expanded={selected.to_string()} class={classes!(format!("ef-tp-{kind}"))}>{ label }</Link>
                        // On narrow screens the matrix columns give way to a plain list.
                        <span class="ef-tp-where" aria-hidden="true">{ "In: " }{ tp.statements().iter().filter_map(|id| data.document(id)).map(|d| d.statement.short_title.as_str()).collect::<Vec<_>>().join(" · ") }</span>
                    </th>
                    { for cells }
                </tr>
                if selected {
                    <tr class="ef-tp-detail"><td colspan={(docs.len() + 1).to_string()}>{ occurrences(data, tp) }</td></tr>
                }
            </>
        }
    };
    html! {
        <section class="ef-talking" aria-labelledby="ef-tp-title">
            <h1 id="ef-tp-title" tabindex="-1" data-focus-target="">{ "Talking points that recur" }</h1>
            <p class="ef-lede">
                { "Passages repeated word for word (or nearly) from one statement to another, and claims made again in different words (the same frame). Statements are in date order; open a row to see each occurrence in context." }
            </p>
            <div class="ef-table-wrap" tabindex="0" role="region" aria-label="Talking points by statement">
                <table class="ef-matrix">
                    <caption class="ef-sr">{ "Which statement repeats which talking point" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Talking point" }</th>
                            { for docs.iter().map(|d| html! {
                                <th scope="col"><span class="ef-th-title">{ &d.statement.short_title }</span><span class="ef-date">{ d.statement.date.short_label() }</span></th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        <tr class="ef-tp-group"><th scope="rowgroup" colspan={(docs.len() + 1).to_string()}>{ format!("Repeated passages ({})", r.passages.len()) }</th></tr>
                        { for r.passages.iter().map(|tp| row(tp, "passage")) }
                        <tr class="ef-tp-group"><th scope="rowgroup" colspan={(docs.len() + 1).to_string()}>{ format!("Recurring claims ({})", r.claims.len()) }</th></tr>
                        { for r.claims.iter().map(|tp| row(tp, "claim")) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// Whether the first occurrence of a passage (the wording its label shows) leaves
/// words of its sentences out before it and after it.
fn first_cuts(data: &Data, tp: &TalkingPoint) -> (bool, bool) {
    let Some(o) = tp.occurrences.first() else { return (false, false) };
    let Some(d) = data.document(&o.doc) else { return (false, false) };
    match sentence_span(d, o) {
        Some(span) => cite::cut(&d.statement.body.text, span, (o.start, o.end)),
        None => (false, false),
    }
}

/// From the start of the first sentence an occurrence overlaps to the end of the last.
fn sentence_span(d: &Document, o: &Occurrence) -> Option<(usize, usize)> {
    let first = d.analysis.sentences.get(*o.sentences.first()?)?;
    let last = d.analysis.sentences.get(*o.sentences.last()?)?;
    Some((first.start, last.end))
}

fn occurrences(data: &Data, tp: &TalkingPoint) -> Html {
    html! {
        <ol class="ef-occurrences">
            { for tp.occurrences.iter().filter_map(|o| {
                let d = data.document(&o.doc)?;
                let s = *o.sentences.first()?;
                // Whole sentences, so that the passage is never shown cut mid-phrase; a
                // passage running on into the next sentence shows that one too.
                let (from, to) = sentence_span(d, o)?;
                let text = &d.statement.body.text;
                let (a, b) = (o.start.max(from), o.end.min(to));
                let target = View::Read { ids: vec![o.doc.clone()], theme: None, at: Some(Passage { id: o.doc.clone(), sentence: s }) };
                let original = cite::source_link(&d.statement, &text[a..b]);
                Some(html! {
                    <li>
                        <p class="ef-occ-head"><strong>{ &d.statement.short_title }</strong>{ ", " }{ d.statement.date.short_label() }</p>
                        <blockquote>
                            { &text[from..a] }<mark>{ &text[a..b] }</mark>{ &text[b..to] }
                        </blockquote>
                        <p class="ef-occ-links">
                            <Link to={target}>{ "Read in context" }<span class="ef-sr">{ format!(" in the {}", d.statement.short_title) }</span></Link>
                            if let Some(href) = original {
                                { " · " }{ in_source(href) }
                            }
                        </p>
                    </li>
                })
            }) }
        </ol>
    }
}
