//! The reader: one statement, or two side by side, with sentences marked by theme,
//! a theme filter, each tagged sentence opening its codes, evidence and rules, and
//! recurring passages linked across the pair.

use super::actions::CopyButton;
use super::body::{BodyView, Deco};
use super::ctx::use_ctx;
use super::lazy::Part;
use super::theme_choice::theme_choice;
use super::Link;
use crate::analysis::{Codebook, Document, Sentence, Source, Target, Theme};
use crate::cite::{citation, source_link};
use crate::corpus::{Kind, Statement};
use crate::numbering::number;
use crate::view::{Passage, View};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// One or two known statement ids.
    pub ids: Vec<String>,
    #[prop_or_default]
    pub theme: Option<Theme>,
    #[prop_or_default]
    pub at: Option<Passage>,
}

/// The reading view.
#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let ctx = use_ctx();
    // Bring an opened passage into view and give it focus.
    {
        let (at, ctx) = (props.at.clone(), ctx.clone());
        use_effect_with(at, move |at| {
            if at.is_some() {
                ctx.focus(".ef-panel");
                if let Some(el) = ctx.find(".ef-s-open") {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Center);
                    el.scroll_into_view_with_scroll_into_view_options(&options);
                }
            }
        });
    }
    let data = &ctx.data;
    let docs: Vec<&Document> = props.ids.iter().filter_map(|id| data.document(id)).collect();
    if docs.is_empty() {
        return html! { <p role="alert">{ "This statement is not available." }</p> };
    }
    let pair = docs.len() == 2;
    let title = if pair {
        html! { <h1 class="ef-sr" tabindex="-1" data-focus-target="">{ format!("{} and {} side by side", docs[0].statement.short_title, docs[1].statement.short_title) }</h1> }
    } else {
        html! {}
    };
    html! {
        <section class="ef-reading">
            { title }
            <ReaderControls ids={props.ids.clone()} theme={props.theme} />
            <div class={classes!("ef-panes", pair.then_some("ef-panes-2"))}>
                { for docs.iter().map(|d| {
                    let other = docs.iter().find(|o| o.statement.id != d.statement.id).map(|o| o.statement.id.clone());
                    html! { <Pane id={d.statement.id.clone()} ids={props.ids.clone()} theme={props.theme} at={props.at.clone()} {other} /> }
                }) }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ControlsProps {
    ids: Vec<String>,
    theme: Option<Theme>,
}

/// Theme filter and the choice of a statement to read alongside.
#[function_component(ReaderControls)]
fn reader_controls(props: &ControlsProps) -> Html {
    let ctx = use_ctx();
    let data = &ctx.data;
    let ids = props.ids.clone();
    let theme = props.theme;
    let on_theme = {
        let (ids, ctx) = (ids.clone(), ctx.clone());
        Callback::from(move |value: Option<Theme>| ctx.go(&View::Read { ids: ids.clone(), theme: value, at: None }))
    };
    let first = ids[0].clone();
    let beside = ids.get(1).cloned().unwrap_or_default();
    let onchange = {
        let (first, ctx) = (first.clone(), ctx.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            let ids = if value.is_empty() { vec![first.clone()] } else { vec![first.clone(), value] };
            ctx.go(&View::Read { ids, theme, at: None });
        })
    };
    let onchange_first = {
        let (beside, ctx) = (beside.clone(), ctx.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            let mut ids = vec![value.clone()];
            if !beside.is_empty() && beside != value {
                ids.push(beside.clone());
            }
            ctx.go(&View::Read { ids, theme, at: None });
        })
    };
    html! {
        <div class="ef-controls ef-reader-controls">
            <div class="ef-field">
                <label for="ef-read-first">{ "Statement" }</label>
                <select id="ef-read-first" onchange={onchange_first}>
                    { for data.documents.iter().map(|d| html! {
                        <option value={d.statement.id.clone()} selected={d.statement.id == first}>{ format!("{} ({})", d.statement.short_title, d.statement.date.short_label()) }</option>
                    }) }
                </select>
            </div>
            <div class="ef-field">
                <label for="ef-read-beside">{ "Side by side with" }</label>
                <select id="ef-read-beside" {onchange}>
                    <option value="" selected={beside.is_empty()}>{ "None" }</option>
                    { for data.documents.iter().filter(|d| d.statement.id != first).map(|d| html! {
                        <option value={d.statement.id.clone()} selected={d.statement.id == beside}>{ format!("{} ({})", d.statement.short_title, d.statement.date.short_label()) }</option>
                    }) }
                </select>
            </div>
            { theme_choice("ef-filter", "Mark sentences about", theme, &on_theme, true) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct PaneProps {
    id: String,
    /// All ids in the view (to build links that keep the pair).
    ids: Vec<String>,
    theme: Option<Theme>,
    at: Option<Passage>,
    /// The statement shown beside this one, if any.
    other: Option<String>,
}

/// One statement as its author wrote it, with coding marks and provenance.
#[function_component(Pane)]
fn pane(props: &PaneProps) -> Html {
    let ctx = use_ctx();
    let data = &ctx.data;
    let Some(d) = data.document(&props.id) else { return html! {} };
    let s = &*d.statement;
    let pair = props.ids.len() == 2;
    let open = props.at.as_ref().filter(|p| p.id == s.id).map(|p| p.sentence);
    let link = |sentence: Option<usize>, id: &str| View::Read {
        ids: props.ids.clone(),
        theme: props.theme,
        at: sentence.map(|n| Passage { id: id.to_string(), sentence: n }),
    };
    let shared = shared_with(data, d, props.other.as_deref());
    let decos: Vec<Deco> = d
        .analysis
        .sentences
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let themes: Vec<Theme> = x.themes.iter().copied().filter(|t| props.theme.is_none_or(|f| f == *t)).collect();
            let is_open = open == Some(i);
            Deco {
                index: i,
                number: number(&d.analysis.sentences, i),
                start: x.start,
                end: x.end,
                themes,
                to: link(if is_open { None } else { Some(i) }, &s.id),
                open: is_open,
                shared: shared
                    .iter()
                    .filter(|(mine, _, _)| *mine == i)
                    .map(|(_, other_id, n)| {
                        let label = data.document(other_id).map_or("", |o| o.statement.short_title.as_str());
                        (format!("also in the {label}"), link(Some(*n), other_id))
                    })
                    .collect(),
            }
        })
        .collect();
    let panel = open.and_then(|i| d.analysis.sentences.get(i)).map(|x| {
        let index = open.unwrap_or_default();
        html! { <PassagePanel id={s.id.clone()} {index} close={link(None, &s.id)} sentence={x.clone()} /> }
    });
    let heading_id = format!("ef-title-{}", s.id);
    let title_tag = if pair { "h2" } else { "h1" };
    html! {
        <article class="ef-reader" aria-labelledby={heading_id.clone()}>
            <header class="ef-reader-head">
                <p class="ef-kind">{ s.kind.label() }</p>
                <@{title_tag} id={heading_id} tabindex="-1" data-focus-target={(!pair).then_some("")}>{ &s.title }</@>
                <p class="ef-meta">{ &s.author }{ ", " }{ &s.author_role }</p>
                <p class="ef-meta"><time datetime={s.date.earliest.iso()}>{ s.date.long_label() }</time></p>
                { for s.recipient.as_ref().map(|r| html! { <p class="ef-meta">{ "To: " }{ r }</p> }) }
            </header>
            { letter_opening(s) }
            { question(s) }
            <BodyView id={s.id.clone()} data={data.clone()} heading_level={if pair { 3 } else { 2 }} sentences={decos} {panel} />
            { letter_closing(s) }
            { signatories(s, pair) }
            { provenance(&s.id, if pair { 3 } else { 2 }) }
        </article>
    }
}

/// (my sentence, other statement id, its sentence) for passages recurring in both.
fn shared_with(data: &super::Data, d: &Document, other: Option<&str>) -> Vec<(usize, String, usize)> {
    let Some(other) = other else { return Vec::new() };
    let mut out = Vec::new();
    for tp in &data.recurring.passages {
        let mine: Vec<usize> =
            tp.occurrences.iter().filter(|o| o.doc == d.statement.id).flat_map(|o| o.sentences.clone()).collect();
        let theirs: Vec<usize> =
            tp.occurrences.iter().filter(|o| o.doc == other).flat_map(|o| o.sentences.clone()).collect();
        if let Some(&t) = theirs.first() {
            for m in mine {
                if !out.iter().any(|(x, _, _): &(usize, String, usize)| *x == m) {
                    out.push((m, other.to_string(), t));
                }
            }
        }
    }
    out
}

#[derive(Properties, PartialEq)]
struct PanelProps {
    id: String,
    index: usize,
    sentence: Sentence,
    /// The view that closes the panel.
    close: View,
}

/// A sentence's coding: every theme and code, the words that triggered it, the rule.
#[function_component(PassagePanel)]
fn passage_panel(props: &PanelProps) -> Html {
    let ctx = use_ctx();
    // The rules' patterns come with their own chunk, fetched when a passage first opens.
    let (patterns, retry) = super::lazy::use_part(super::lazy::patterns_now, super::lazy::load_patterns, true);
    let data = &ctx.data;
    let Some(d) = data.document(&props.id) else { return html! {} };
    let s = &*d.statement;
    let book = Codebook::bundled();
    let x = &props.sentence;
    let text = &s.body.text[x.start..x.end];
    let target = View::Read {
        ids: vec![s.id.clone()],
        theme: None,
        at: Some(Passage { id: s.id.clone(), sentence: props.index }),
    };
    let link = ctx.full_url(&target);
    let evidence_for = |target: Target| {
        x.evidence
            .iter()
            .filter(|e| e.target == target)
            .map(|e| {
                let words = &s.body.text[e.start..e.end];
                // The patterns come from the codebook as written (the start-up one is an
                // outline, which names only the rules that label the corpus: a reader's own
                // statement's rules are named once the written codebook is there).
                let outlined = |r: &crate::analysis::codebook::Rule| {
                    if r.id.is_empty() {
                        format!("{}/…", book.target_id(e.target))
                    } else {
                        r.id.clone()
                    }
                };
                let (rule, pattern) = match (e.rule(book), patterns) {
                    (None, _) => (e.rule_id(book), "carried over from the sentence introducing this list".to_string()),
                    (Some(_), Part::Ready(written)) => {
                        (e.rule_id(written()), e.rule(written()).map(|r| r.pattern.clone()).unwrap_or_default())
                    }
                    (Some(r), Part::Opening) => (outlined(r), "(opening the pattern…)".to_string()),
                    (Some(r), Part::Failed) => (outlined(r), "(the pattern could not be loaded)".to_string()),
                };
                html! {
                    <li>
                        <q>{ words }</q>{ if e.quoted { " (inside a quotation)" } else { "" } }
                        { " — rule " }<code>{ rule }</code>{ ": " }<code class="ef-pattern">{ pattern }</code>
                        if let Source::Context { sentence, .. } = e.source {
                            { format!(" (continuing sentence {}: an anaphor read as its topic)", sentence + 1) }
                        }
                    </li>
                }
            })
            .collect::<Html>()
    };
    let codes = x.codes.iter().map(|&id| (id, &book[id])).map(|(id, c)| {
        html! {
            <li class="ef-panel-code">
                <p><strong>{ &c.label }</strong>{ " " }<code>{ &c.id }</code>{ c.theme.map(|t| format!(" · {}", t.label())).unwrap_or_else(|| " · device".into()) }</p>
                <p class="ef-small">{ &c.definition }{ " Policy frame: " }{ c.policy_frames.join("; ") }{ "." }</p>
                <ul class="ef-evidence">{ evidence_for(Target::Code(id)) }</ul>
            </li>
        }
    });
    let themes = x.themes.iter().map(|t| {
        html! {
            <li><strong>{ t.label() }</strong><ul class="ef-evidence">{ evidence_for(Target::Theme(*t)) }</ul></li>
        }
    });
    let cue_only: Vec<Theme> =
        x.themes.iter().copied().filter(|&t| !x.codes.iter().any(|&c| book[c].theme == Some(t))).collect();
    let numbered = number(&d.analysis.sentences, props.index);
    let name = numbered.map_or_else(|| format!("sentence {}", props.index + 1), |n| n.name());
    // Escape or Close closes the panel and gives focus back to the tag that opened it.
    let tag = AttrValue::from(format!("#ef-s-{}-{} + .ef-tag", s.id, props.index));
    let onkeydown = {
        let (ctx, close, tag) = (ctx.clone(), props.close.clone(), tag.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Escape" {
                return;
            }
            e.prevent_default();
            e.stop_propagation();
            ctx.go_and_focus(&close, &tag);
        })
    };
    let original = source_link(s, text);
    html! {
        <aside class="ef-panel" tabindex="-1" aria-label={format!("Coding of {name}")} {onkeydown}>
            <p class="ef-panel-head">
                { numbered.map_or_else(|| format!("Sentence {}", props.index + 1), |n| n.label()) }
                <Link to={props.close.clone()} class="ef-panel-close" focus_after={tag}>{ "Close" }<span class="ef-sr">{ " coding" }</span></Link>
            </p>
            <blockquote class="ef-panel-quote">{ text }</blockquote>
            if let Some(href) = original {
                <p class="ef-small ef-in-source">{ in_source(href) }</p>
            }
            <p class="ef-small">
                { if x.themes.is_empty() { "No theme detected. ".to_string() } else { format!("Themes: {}. ", x.themes.iter().map(|t| t.label()).collect::<Vec<_>>().join(", ")) } }
                { if cue_only.is_empty() { String::new() } else { format!("{} is addressed without a specific frame. ", cue_only.iter().map(|t| t.label()).collect::<Vec<_>>().join(" and ")) } }
            </p>
            if !x.codes.is_empty() {
                <p class="ef-panel-title">{ "Frames and devices" }</p>
                <ul class="ef-panel-codes">{ for codes }</ul>
            }
            if !x.themes.is_empty() {
                <details>
                    <summary>{ "Why these themes" }</summary>
                    <ul>{ for themes }</ul>
                </details>
            }
            if matches!(patterns, Part::Failed) {
                { super::lazy::placeholder(patterns, "rules' patterns", retry) }
            }
            <CopyButton label="Copy citation" text={citation(s, text, &link)} />
        </aside>
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

fn signatories(s: &Statement, pair: bool) -> Html {
    if s.signatories.is_empty() {
        return html! {};
    }
    let tag = if pair { "h3" } else { "h2" };
    html! {
        <section class="ef-signatories" aria-label={format!("Signatories of the {}", s.short_title)}>
            <@{tag}>{ "Signatories" }</@>
            <ul>{ for s.signatories.iter().map(|x| html! { <li>{ x }</li> }) }</ul>
        </section>
    }
}

/// Where the text comes from, how its date was established, and what cleaning removed,
/// under a heading of `heading_level`. A function: no state of its own.
pub fn provenance(statement: &str, heading_level: u8) -> Html {
    let tag = format!("h{}", heading_level.clamp(1, 6));
    if statement == crate::supplied::ID {
        return html! {
            <section class="ef-provenance" aria-label="Provenance of your statement">
                <@{tag}>{ "Provenance" }</@>
                <p>{ "Supplied by you and analysed in this browser with the published codebook. It is not part of the curated corpus: nobody has checked its source, date or wording. Line breaks inside paragraphs became spaces; invisible formatting characters are shown as codes such as ⟦U+200B⟧; nothing else was changed." }</p>
            </section>
        };
    }
    let Some(s) = crate::corpus::bundled().get(statement) else { return html! {} };
    let dropped = s.removed.iter().filter(|r| r.is_dropped()).count();
    let moved = s.removed.len() - dropped;
    html! {
        <section class="ef-provenance" aria-label={format!("Provenance of the {}", s.short_title)}>
            <@{tag}>{ "Provenance" }</@>
            <dl>
                <dt>{ "Publisher" }</dt><dd>{ &s.publisher }</dd>
                { for s.reference.as_ref().map(|r| html! { <><dt>{ "Reference" }</dt><dd>{ r }</dd></> }) }
                <dt>{ "Original" }</dt>
                <dd>
                    if let Some(url) = &s.source_url {
                        <a href={url.clone()} rel="noopener noreferrer" target="_blank" class="ef-url">{ display_address(url) }<span class="ef-sr">{ " (opens in a new tab)" }</span></a>
                        if let Some(archive) = &s.archive_url {
                            { " · " }<a href={archive.clone()} rel="noopener noreferrer" target="_blank">{ "archived copy" }<span class="ef-sr">{ " (opens in a new tab)" }</span></a>
                        }
                    } else {
                        { "No verified address." }
                    }
                </dd>
                { for s.source_note.as_ref().map(|note| html! { <><dt>{ "Source of the text" }</dt><dd>{ note }</dd></> }) }
                <dt>{ "Date" }</dt><dd>{ s.date.long_label() }{ ". " }{ &s.date.basis }</dd>
                <dt>{ "Cleaning" }</dt>
                <dd>
                    { format!("{moved} lines of letterhead, address, date or signature moved to metadata; {dropped} lines of page furniture dropped. The text itself is unchanged.") }
                    <details>
                        <summary>{ "What was removed" }</summary>
                        <ul class="ef-removed">
                            { for s.removed.iter().map(|r| html! { <li><q>{ r.display_text() }</q>{ " — " }{ r.reason() }</li> }) }
                        </ul>
                    </details>
                </dd>
                { for s.redactions.iter().map(|r| html! { <><dt>{ "Redaction" }</dt><dd>{ r }</dd></> }) }
            </dl>
        </section>
    }
}

/// An address as a reader recognises it: no scheme, no `www.`, no trailing slash.
fn display_address(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.strip_prefix("www.").unwrap_or(rest).trim_end_matches('/').to_string()
}

/// "In the source": the passage in the original publication, in a new tab. `href` is
/// the original's address with a text fragment for the passage ([`crate::cite::source_link`]).
/// A function, not a component: it has no state, and each component costs the wasm its own lifecycle code.
pub fn in_source(href: String) -> Html {
    html! {
        <a {href} target="_blank" rel="noopener noreferrer" class="ef-source-link">
            { "In the source" }<span class="ef-sr">{ " (opens in a new tab)" }</span>
        </a>
    }
}
