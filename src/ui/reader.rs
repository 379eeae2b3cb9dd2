//! The reader: one statement's metadata, full text and provenance.

use super::body::BodyView;
use super::statement_list::source_line;
use crate::corpus::{self, Kind, Statement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// A bundled statement id (the caller has checked it exists).
    pub statement: AttrValue,
}

/// Shows one statement as its author wrote it, with where it comes from.
#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let Some(s) = corpus::bundled().get(&props.statement) else {
        return html! { <p role="alert">{ "This statement is not available." }</p> };
    };
    let heading_id = format!("ef-title-{}", s.id);
    html! {
        <article class="ef-reader" aria-labelledby={heading_id.clone()}>
            <p class="ef-back"><a href="#/">{ "← All statements" }</a></p>
            <header class="ef-reader-head">
                <p class="ef-kind">{ s.kind.label() }</p>
                <h1 id={heading_id} tabindex="-1" data-focus-target="">{ &s.title }</h1>
                <p class="ef-meta">{ &s.author }{ ", " }{ &s.author_role }</p>
                <p class="ef-meta"><time datetime={s.date.earliest.iso()}>{ s.date.long_label() }</time></p>
                { for s.recipient.as_ref().map(|r| html! { <p class="ef-meta">{ "To: " }{ r }</p> }) }
            </header>
            { letter_opening(s) }
            { question(s) }
            <BodyView id={s.id.clone()} body={&s.body} />
            { letter_closing(s) }
            { signatories(s) }
            <Provenance statement={s.id.clone()} />
        </article>
    }
}

fn letter_opening(s: &Statement) -> Html {
    match s.field("salutation") {
        Some(salutation) if s.kind == Kind::Letter => html! { <p class="ef-salutation">{ salutation }</p> },
        _ => html! {},
    }
}

fn letter_closing(s: &Statement) -> Html {
    if s.kind != Kind::Letter {
        return html! {};
    }
    html! {
        <p class="ef-signoff">
            { for s.field("valediction").map(|v| html! { <>{ v }<br /></> }) }
            { for s.field("signature") }
        </p>
    }
}

fn question(s: &Statement) -> Html {
    match (&s.asker, &s.answered_by) {
        (Some(asker), Some(answerer)) => html! {
            <p class="ef-qa-note">
                { "The first paragraph is the question, asked by " }{ asker }
                { "; the rest is the answer by " }{ answerer }{ "." }
            </p>
        },
        _ => html! {},
    }
}

fn signatories(s: &Statement) -> Html {
    if s.signatories.is_empty() {
        return html! {};
    }
    html! {
        <section class="ef-signatories" aria-labelledby={format!("ef-sig-{}", s.id)}>
            <h2 id={format!("ef-sig-{}", s.id)}>{ "Signatories" }</h2>
            <ul>{ for s.signatories.iter().map(|x| html! { <li>{ x }</li> }) }</ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ProvenanceProps {
    pub statement: AttrValue,
}

/// Where the text comes from, how its date was established, and what cleaning removed.
#[function_component(Provenance)]
pub fn provenance(props: &ProvenanceProps) -> Html {
    let Some(s) = corpus::bundled().get(&props.statement) else { return html! {} };
    let dropped = s.removed.iter().filter(|r| r.is_dropped()).count();
    let moved = s.removed.len() - dropped;
    html! {
        <section class="ef-provenance" aria-labelledby={format!("ef-prov-{}", s.id)}>
            <h2 id={format!("ef-prov-{}", s.id)}>{ "Provenance" }</h2>
            <dl>
                <dt>{ "Publisher" }</dt><dd>{ &s.publisher }</dd>
                { for s.reference.as_ref().map(|r| html! { <><dt>{ "Reference" }</dt><dd>{ r }</dd></> }) }
                <dt>{ "Source" }</dt><dd>{ source_line(s) }{ for s.source_note.as_ref() }</dd>
                <dt>{ "Date" }</dt><dd>{ s.date.long_label() }{ ". " }{ &s.date.basis }</dd>
                <dt>{ "Cleaning" }</dt>
                <dd>
                    { format!("{moved} lines of letterhead, address, date or signature moved to metadata; {dropped} lines of page furniture dropped. The text itself is unchanged.") }
                    <details>
                        <summary>{ "What was removed" }</summary>
                        <ul class="ef-removed">
                            { for s.removed.iter().map(|r| html! { <li><q>{ &r.text }</q>{ " — " }{ r.reason() }</li> }) }
                        </ul>
                    </details>
                </dd>
                { for s.redactions.iter().map(|r| html! { <><dt>{ "Redaction" }</dt><dd>{ r }</dd></> }) }
            </dl>
        </section>
    }
}
