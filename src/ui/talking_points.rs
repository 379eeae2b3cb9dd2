//! Talking points: recurring passages and claims, where and when each appears.

use super::ctx::use_ctx;
use super::{Data, Link};
use crate::analysis::{Codebook, TalkingPoint};
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
            None => format!("“{}”", tp.label),
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

fn occurrences(data: &Data, tp: &TalkingPoint) -> Html {
    html! {
        <ol class="ef-occurrences">
            { for tp.occurrences.iter().filter_map(|o| {
                let d = data.document(&o.doc)?;
                let s = *o.sentences.first()?;
                let sentence = &d.analysis.sentences[s];
                let text = &d.statement.body.text;
                let (a, b) = (o.start.max(sentence.start), o.end.min(sentence.end));
                let target = View::Read { ids: vec![o.doc.clone()], theme: None, at: Some(Passage { id: o.doc.clone(), sentence: s }) };
                Some(html! {
                    <li>
                        <p class="ef-occ-head"><strong>{ &d.statement.short_title }</strong>{ ", " }{ d.statement.date.short_label() }</p>
                        <blockquote>
                            { &text[sentence.start..a] }<mark>{ &text[a..b] }</mark>{ &text[b..sentence.end] }
                        </blockquote>
                        <Link to={target}>{ "Read in context" }<span class="ef-sr">{ format!(" in the {}", d.statement.short_title) }</span></Link>
                    </li>
                })
            }) }
        </ol>
    }
}
