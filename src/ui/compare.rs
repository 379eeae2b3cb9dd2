//! The comparison: statements as columns, themes as rows; in each cell the frames,
//! how much of the statement addresses the theme, and its strongest quotes.

use super::actions::CopyButton;
use super::ctx::{use_ctx, Ctx};
use super::theme_choice::theme_choice;
use super::Link;
use crate::analysis::{Codebook, Document, Theme};
use crate::cite::citation;
use crate::corpus::{Kind, Statement};
use crate::view::{Passage, View};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// Statement ids in column order (at least one).
    pub statements: Vec<String>,
    pub theme: Option<Theme>,
}

fn go(ctx: &Ctx, statements: Vec<String>, theme: Option<Theme>) {
    ctx.go(&View::Compare { statements, theme });
}

/// The comparison view.
#[function_component(Compare)]
pub fn compare(props: &CompareProps) -> Html {
    let ctx = use_ctx();
    let data = &ctx.data;
    let docs: Vec<&Document> = props.statements.iter().filter_map(|id| data.document(id)).collect();
    // Every row stays in the document; focusing a theme hides the others, so switching
    // themes changes attributes instead of re-creating hundreds of elements.
    let shown = |t: Theme| props.theme.is_none_or(|f| f == t);
    let book = Codebook::bundled();
    let cols = format!("ef-cols-{}", docs.len().clamp(1, 6));
    html! {
        <section class="ef-compare" aria-labelledby="ef-compare-title">
            <h1 id="ef-compare-title" tabindex="-1" data-focus-target="">{ "How each statement frames encryption, access and privacy" }</h1>
            <p class="ef-lede">
                { "Each column is a statement, each row a theme: the frames it uses, how much of the text addresses the theme, and its strongest quotes, verbatim. Open a frame for its definition, or a quote for its context." }
            </p>
            <Controls statements={props.statements.clone()} theme={props.theme} />
            // The form stays while statements come and go (a draft survives removing a
            // statement); it empties itself once its text is in the comparison.
            <div class="ef-add-host"><super::lazy::AddView /></div>
            <div class={classes!("ef-colheads", cols.clone())} aria-hidden="true">
                { for docs.iter().map(|d| html! {
                    <div class={classes!("ef-colhead", supplied_class(&d.statement))} key={d.statement.id.as_str()}>
                        <Link to={View::Read { ids: vec![d.statement.id.clone()], theme: props.theme, at: None }} tabindex="-1">{ &d.statement.short_title }</Link>
                        <span class="ef-date">{ d.statement.date.short_label() }</span>
                    </div>
                }) }
            </div>
            // Variable-length lists sit in their own element: yew reconciles unkeyed
            // siblings by position, so a changing count would re-create the controls
            // above and drop the keyboard focus. Per-statement items are keyed by id, so
            // adding, removing or moving a statement moves the other columns' elements
            // instead of re-rendering them.
            <div class="ef-rows">
            { for Theme::ALL.iter().map(|&theme| html! {
                <section class="ef-row" key={theme.id()} hidden={!shown(theme)} aria-labelledby={format!("ef-row-{}", theme.id())}>
                    <h2 id={format!("ef-row-{}", theme.id())} class={classes!("ef-row-title", format!("ef-theme-{}", theme.id()))}>
                        <span class="ef-theme-mark" aria-hidden="true"></span>{ theme.label() }
                    </h2>
                    <p class="ef-row-desc">{ &book.theme(theme).description }</p>
                    <ul class={classes!("ef-cells", cols.clone())}>
                        { for docs.iter().map(|d| html! {
                            <li key={d.statement.id.as_str()}><Cell id={d.statement.id.clone()} {theme} focused={props.theme == Some(theme)} /></li>
                        }) }
                    </ul>
                </section>
            }) }
            </div>
            <section class="ef-print-sources" aria-label="Sources of the compared statements">
                <h2>{ "Sources" }</h2>
                <ul>
                    { for docs.iter().map(|d| {
                        let s = &*d.statement;
                        html! {
                            <li key={s.id.as_str()}>
                                { format!("{}: {}, {}. {}. {}.", s.short_title, s.author, s.title, s.date.long_label(), s.publisher) }
                                { for s.source_url.as_ref().map(|u| html! { <>{ " " }{ u }</> }) }
                            </li>
                        }
                    }) }
                </ul>
            </section>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ControlsProps {
    statements: Vec<String>,
    theme: Option<Theme>,
}

/// Which statements, in which order, and which theme to focus.
#[function_component(Controls)]
fn controls(props: &ControlsProps) -> Html {
    let ctx = use_ctx();
    let data = &ctx.data;
    let chosen = props.statements.clone();
    let mut listed: Vec<String> = chosen.clone();
    for d in &data.documents {
        if !listed.contains(&d.statement.id) {
            listed.push(d.statement.id.clone());
        }
    }
    let theme = props.theme;
    let items = listed.iter().map(|id| {
        let s = data.document(id).expect("listed ids exist").statement.as_ref();
        let checked = chosen.contains(id);
        let pos = chosen.iter().position(|x| x == id);
        let toggle = {
            let (chosen, id, ctx) = (chosen.clone(), id.clone(), ctx.clone());
            Callback::from(move |_| {
                let mut next = chosen.clone();
                if next.contains(&id) {
                    if next.len() > 1 {
                        next.retain(|x| x != &id);
                    }
                } else {
                    next.push(id.clone());
                    let order = |x: &String| ctx.data.documents.iter().position(|d| &d.statement.id == x);
                    if chosen.windows(2).all(|w| order(&w[0]) < order(&w[1])) {
                        crate::order::sort_by_key(&mut next, order);
                    }
                }
                go(&ctx, next, theme);
            })
        };
        let mover = |delta: isize, label: &str, glyph: &str| {
            let Some(p) = pos else { return html! {} };
            let target = p as isize + delta;
            let disabled = target < 0 || target >= chosen.len() as isize;
            let onclick = {
                let (chosen, ctx) = (chosen.clone(), ctx.clone());
                Callback::from(move |_| {
                    let mut next = chosen.clone();
                    next.swap(p, target as usize);
                    go(&ctx, next, theme);
                })
            };
            html! {
                <button type="button" class="ef-button ef-button-icon" {onclick} {disabled} aria-label={format!("{label}: {}", s.short_title)}>{ glyph }</button>
            }
        };
        let input_id = format!("ef-pick-{id}");
        html! {
            <li class="ef-pick" key={id.as_str()}>
                <input type="checkbox" id={input_id.clone()} {checked} onchange={toggle} disabled={checked && chosen.len() == 1} />
                <label for={input_id}>{ &s.short_title }<span class="ef-date">{ s.date.short_label() }</span></label>
                { mover(-1, "Move earlier", "↑") }
                { mover(1, "Move later", "↓") }
            </li>
        }
    });
    let statements = chosen.clone();
    let on_theme = {
        let ctx = ctx.clone();
        Callback::from(move |value: Option<Theme>| go(&ctx, statements.clone(), value))
    };
    html! {
        <div class="ef-controls">
            <details class="ef-picker">
                <summary>{ format!("Statements: {} of {} shown · choose and reorder", chosen.len(), data.documents.len()) }</summary>
                <fieldset class="ef-fieldset">
                    <legend class="ef-sr">{ "Statements to compare" }</legend>
                    <ul class="ef-picks">{ for items }</ul>
                </fieldset>
            </details>
            { theme_choice("ef-focus", "Focus on a theme", theme, &on_theme, false) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CellProps {
    pub id: AttrValue,
    pub theme: Theme,
    /// A focused row also lists the frames the rules did not detect in this statement.
    #[prop_or_default]
    pub focused: bool,
}

/// How one statement frames one theme.
#[function_component(Cell)]
pub fn cell(props: &CellProps) -> Html {
    let ctx = use_ctx();
    let data = &ctx.data;
    let Some(d) = data.document(&props.id) else { return html! {} };
    let book = Codebook::bundled();
    let s = &*d.statement;
    let t = d.summary.theme(props.theme);
    let yours = s.kind == Kind::UserSupplied;
    let title = html! {
        <>
            <h3 class="ef-cell-title">{ &s.short_title }<span class="ef-date">{ s.date.short_label() }</span></h3>
            if yours { <p class="ef-yours-tag">{ "Your text · not in the curated corpus" }</p> }
        </>
    };
    if t.sentences == 0 {
        return html! {
            <article class={classes!("ef-cell", "ef-cell-empty", supplied_class(s))}>
                { title }
                <p class="ef-empty">{ "Not addressed" }</p>
                { absences(d, props.theme, props.focused) }
            </article>
        };
    }
    let pct = t.percent(d.summary.words);
    let chips = t.frames.iter().map(|&(code, n)| {
        let c = &book[code];
        html! {
            <li>
                <details class={classes!("ef-chip", format!("ef-theme-{}", props.theme.id()))}>
                    <summary>{ &c.label }<span class="ef-count">{ format!(" · {n}") }<span class="ef-sr">{ if n == 1 { " sentence" } else { " sentences" } }</span></span></summary>
                    <p>{ &c.definition }</p>
                    <p class="ef-small">{ "Policy frame: " }{ c.policy_frames.join("; ") }{ ". Code " }<code>{ &c.id }</code>{ "." }</p>
                </details>
            </li>
        }
    });
    let quotes = t.quotes.iter().take(2).map(|&i| {
        let sentence = &d.analysis.sentences[i];
        let text = &s.body.text[sentence.start..sentence.end];
        let target = View::Read { ids: vec![s.id.clone()], theme: Some(props.theme), at: Some(Passage { id: s.id.clone(), sentence: i }) };
        let link = ctx.full_url(&target);
        html! {
            <figure class="ef-quote">
                <blockquote>{ text }</blockquote>
                <figcaption>
                    <Link to={target}>{ "In context" }<span class="ef-sr">{ format!(": {} of the {}", crate::numbering::number(&d.analysis.sentences, i).map_or_else(|| format!("sentence {}", i + 1), |n| n.name()), s.short_title) }</span></Link>
                    if let Some(href) = crate::cite::source_link(s, text) {
                        { super::reader::in_source(href) }
                    }
                    <CopyButton label="Copy citation" text={citation(s, text, &link)} aria_label={format!("Copy citation of this quote from the {}", s.short_title)} />
                </figcaption>
            </figure>
        }
    });
    html! {
        <article class={classes!("ef-cell", supplied_class(s))}>
            { title }
            <p class="ef-coverage">
                <meter min="0" max="100" value={pct.to_string()} aria-hidden="true"></meter>
                { format!("{pct}% of the text") }<span class="ef-muted">{ format!("{} of {} sentences", t.sentences, d.summary.sentences) }</span>
            </p>
            if t.frames.is_empty() {
                <p class="ef-small">{ "Addressed, but none of this theme’s frames is used." }</p>
            } else {
                <ul class="ef-chips" aria-label="Frames used">{ for chips }</ul>
            }
            <div class="ef-quotes">{ for quotes }</div>
            { absences(d, props.theme, props.focused) }
        </article>
    }
}

/// The class marking a reader's own statement (drawn with a dashed border).
pub fn supplied_class(s: &Statement) -> Option<&'static str> {
    (s.kind == Kind::UserSupplied).then_some("ef-supplied")
}

/// The frames the rules did not detect, for a focused row: an absence is a finding,
/// said as what it is (not detected), with how often the rules miss each frame in
/// new text one click away.
fn absences(d: &Document, theme: Theme, focused: bool) -> Html {
    if !focused {
        return html! {};
    }
    let book = Codebook::bundled();
    let t = d.summary.theme(theme);
    let missing: Vec<(crate::analysis::CodeId, &str)> = book
        .code_ids()
        .filter(|(id, c)| c.theme == Some(theme) && !t.frames.iter().any(|(f, _)| f == id))
        .map(|(id, c)| (id, c.label.as_str()))
        .collect();
    if missing.is_empty() {
        return html! { <p class="ef-absent">{ "The rules detect every frame of this theme here." }</p> };
    }
    html! {
        <div class="ef-absent">
            <p class="ef-absent-title">{ "Not detected by the rules" }</p>
            <ul>
                { for missing.iter().map(|(id, label)| html! {
                    <li>
                        <details class="ef-absent-why">
                            <summary>{ *label }</summary>
                            <p class="ef-small">{ crate::analysis::eval::absence_note(*id) }{ " " }<Link to={View::Method}>{ "Method" }</Link></p>
                        </details>
                    </li>
                }) }
            </ul>
        </div>
    }
}
