//! The embed builder (in *Share and download*): a card or the full view, which
//! statements, theme, talking point or statement, which colour scheme; a live
//! preview of exactly what will be embedded; one snippet that works as pasted
//! (iframe, the resizing script, a `<noscript>` link), and the `<encryption-framing>`
//! form. Every value is derived from the choices on each render.

use super::actions::CopyButton;
use super::ctx::use_ctx;
use crate::analysis::Theme;
use crate::card::Finding;
use crate::embed::{element_snippet, iframe_snippet, widget_base, ColorScheme};
use crate::location;
use crate::view::View;
use yew::prelude::*;

/// What is embedded.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    ThemeCard,
    PointCard,
    ProfileCard,
    Full,
}

#[derive(Clone, PartialEq)]
struct Choice {
    kind: Kind,
    /// `None` (all themes) only for the full view; a card shows one theme.
    theme: Option<Theme>,
    statements: Vec<String>,
    point: String,
    profile: String,
    scheme: ColorScheme,
}

#[derive(Properties, PartialEq)]
pub struct BuilderProps {
    /// The view being shared: the builder starts from it.
    pub view: View,
}

/// Where the current view points the builder first.
fn initial(view: &View, ids: &[String], first_point: &str) -> Choice {
    let mut c = Choice {
        kind: Kind::ThemeCard,
        theme: Some(Theme::Access),
        statements: ids.to_vec(),
        point: first_point.to_string(),
        profile: ids.first().cloned().unwrap_or_default(),
        scheme: ColorScheme::Auto,
    };
    match view {
        View::Compare { statements, theme } => {
            if !statements.is_empty() {
                c.statements = ids.iter().filter(|i| statements.contains(i)).cloned().collect();
            }
            c.theme = *theme;
            if theme.is_none() {
                c.kind = Kind::Full;
            }
        }
        View::Read { ids: read, .. } => {
            c.kind = Kind::ProfileCard;
            c.profile = read.first().filter(|r| ids.contains(r)).cloned().unwrap_or(c.profile);
        }
        View::TalkingPoints { selected: Some(tp) } => {
            c.kind = Kind::PointCard;
            c.point = tp.clone();
        }
        _ => c.kind = Kind::Full,
    }
    c
}

/// A first guess at a card's height (the preview measures the real one).
fn estimate(kind: Kind, rows: usize) -> u32 {
    match kind {
        Kind::Full => 900,
        _ => 170 + 100 * rows as u32,
    }
}

/// The embed builder.
#[function_component(Builder)]
pub fn builder(props: &BuilderProps) -> Html {
    let ctx = use_ctx();
    // The curated statements only: a reader's own statement has no card page.
    let ids: Vec<String> = ctx
        .data
        .documents
        .iter()
        .filter(|d| d.statement.kind != crate::corpus::Kind::UserSupplied)
        .map(|d| d.statement.id.clone())
        .collect();
    let points: Vec<(String, String)> = ctx
        .data
        .recurring
        .claims
        .iter()
        .chain(&ctx.data.recurring.passages)
        .map(|tp| {
            let label: String = tp.label.chars().take(70).collect();
            let label = if label.len() < tp.label.len() { format!("{label}…") } else { label };
            (tp.id.clone(), format!("{} ({} statements)", label, tp.statements().len()))
        })
        .collect();
    let first_point = points.first().map(|p| p.0.clone()).unwrap_or_default();
    let choice = use_state(|| initial(&props.view, &ids, &first_point));
    let measured = use_state(|| None::<(String, u32)>);
    let preview = use_node_ref();
    let c = (*choice).clone();

    let base = widget_base(&ctx.page);
    let hosted = base.starts_with("http");
    let scheme_query = c.scheme.attribute().map(|s| format!("scheme={s}"));
    let card_theme = c.theme.unwrap_or(Theme::Access);
    let (finding, view) = match c.kind {
        // The full view of a reader, talking point, method or search embeds that view.
        Kind::Full if !matches!(props.view, View::Compare { .. }) => {
            (Finding::Theme { theme: card_theme, statements: c.statements.clone() }, props.view.clone())
        }
        Kind::ThemeCard | Kind::Full => {
            let statements = if c.statements.len() == ids.len() { Vec::new() } else { c.statements.clone() };
            let theme = if c.kind == Kind::Full { c.theme } else { Some(card_theme) };
            (
                Finding::Theme { theme: card_theme, statements: c.statements.clone() },
                View::Compare { statements, theme },
            )
        }
        Kind::PointCard => {
            (Finding::Point { id: c.point.clone() }, View::TalkingPoints { selected: Some(c.point.clone()) })
        }
        Kind::ProfileCard => (
            Finding::Profile { id: c.profile.clone() },
            View::Read { ids: vec![c.profile.clone()], theme: None, at: None },
        ),
    };
    // A reader's own statement does not travel into an embed: the article's readers
    // see the curated statements.
    let view = match view {
        View::Read { ids: read, theme, at } if read.iter().all(|r| ids.contains(r)) => {
            View::Read { ids: read, theme, at }
        }
        View::Read { .. } => View::default(),
        View::Compare { statements, theme } => {
            View::Compare { statements: statements.into_iter().filter(|s| ids.contains(s)).collect(), theme }
        }
        other => other,
    };
    let hash = location::format_view(&view);
    let full = format!("{base}{}", location::view_href(&view));
    let (src, rows) = match c.kind {
        Kind::Full => {
            let q = scheme_query.as_ref().map_or_else(String::new, |s| format!("&{s}"));
            (format!("{base}?embed=1{q}{hash}"), 0)
        }
        _ => {
            let q = scheme_query.as_ref().map_or_else(String::new, |s| format!("?{s}"));
            let rows = match &finding {
                Finding::Theme { statements, .. } => statements.len(),
                Finding::Profile { .. } => 3,
                Finding::Point { id } => ctx.data.recurring.get(id).map_or(2, |tp| tp.statements().len()),
            };
            (format!("{base}cards/{}.html{q}", finding.slug(&ids)), rows)
        }
    };
    let height = match &*measured {
        Some((s, h)) if *s == src => *h,
        _ => estimate(c.kind, rows),
    };
    let title = match &finding {
        _ if c.kind == Kind::Full => {
            "How UK and Five Eyes statements framed encryption, access and privacy".to_string()
        }
        Finding::Theme { theme, statements } => {
            format!(
                "{} across {} statements: how UK and Five Eyes statements framed it",
                theme.label(),
                statements.len()
            )
        }
        Finding::Point { id } => {
            let label = ctx.data.recurring.get(id).map_or("", |tp| tp.label.as_str());
            format!("Talking point: {}", label.chars().take(80).collect::<String>())
        }
        Finding::Profile { id } => {
            let t = ctx.data.document(id).map_or("", |d| d.statement.short_title.as_str());
            format!("How the {t} frames encryption, access and privacy")
        }
    };
    let snippet = iframe_snippet(&base, &src, &full, &title, height);
    let element = element_snippet(&base, &location::view_href(&view), c.scheme);

    // The preview is on the widget's own origin: its real height is read when it loads.
    let onload = {
        let (preview, measured, src) = (preview.clone(), measured.clone(), src.clone());
        Callback::from(move |_: Event| {
            let frame = preview.cast::<web_sys::HtmlIFrameElement>();
            if let Some(h) = frame.and_then(|f| super::browser::frame_content_height(&f, ".ef-card, .ef-root")) {
                measured.set(Some((src.clone(), h)));
            }
        })
    };
    let set = |f: fn(&mut Choice, String)| {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            let mut next = (*choice).clone();
            f(&mut next, value);
            choice.set(next);
        })
    };
    // One radio of a group: `pick` sets its value into the choice.
    let radio = |group: &str, id: &str, label: &str, checked: bool, pick: Box<dyn Fn(&mut Choice)>| {
        let choice = choice.clone();
        let onchange = Callback::from(move |_: Event| {
            let mut next = (*choice).clone();
            pick(&mut next);
            choice.set(next);
        });
        html! {
            <label class="ef-radio" for={id.to_string()}>
                <input type="radio" name={group.to_string()} id={id.to_string()} {checked} {onchange} />{ label }
            </label>
        }
    };
    let kind_radio = |kind: Kind, label: &str, id: &str| {
        radio("ef-build-kind", id, label, c.kind == kind, Box::new(move |c: &mut Choice| c.kind = kind))
    };
    let scheme_radio = |scheme: ColorScheme, label: &str, id: &str| {
        radio("ef-build-scheme", id, label, c.scheme == scheme, Box::new(move |c: &mut Choice| c.scheme = scheme))
    };
    let statement_boxes = ids.iter().map(|id| {
        let d = ctx.data.document(id).expect("listed ids exist");
        let checked = c.statements.contains(id);
        let onchange = {
            let (choice, id, ids) = (choice.clone(), id.clone(), ids.clone());
            Callback::from(move |_: Event| {
                let mut next = (*choice).clone();
                if next.statements.contains(&id) {
                    if next.statements.len() > 1 {
                        next.statements.retain(|s| s != &id);
                    }
                } else {
                    next.statements.push(id.clone());
                    crate::order::sort_by_key(&mut next.statements, |s| ids.iter().position(|i| i == s));
                }
                choice.set(next);
            })
        };
        let input_id = format!("ef-build-s-{id}");
        html! {
            <li key={id.as_str()}>
                <input type="checkbox" id={input_id.clone()} {checked} {onchange} disabled={checked && c.statements.len() == 1} />
                <label for={input_id}>{ &d.statement.short_title }</label>
            </li>
        }
    });
    if !hosted {
        return html! {
            <div class="ef-builder">
                <p>{ "Embed codes come from the hosted widget: this copy was opened from a file, whose address works for nobody else. Open the widget on its website to embed it." }</p>
            </div>
        };
    }
    html! {
        <div class="ef-builder">
            <fieldset class="ef-fieldset">
                <legend>{ "What to embed" }</legend>
                { kind_radio(Kind::ThemeCard, "Card: one theme across statements", "ef-build-theme-card") }
                { kind_radio(Kind::PointCard, "Card: one talking point", "ef-build-point-card") }
                { kind_radio(Kind::ProfileCard, "Card: one statement’s frames", "ef-build-profile-card") }
                { kind_radio(Kind::Full, "The full comparison", "ef-build-full") }
            </fieldset>
            if c.kind == Kind::ThemeCard || (c.kind == Kind::Full && matches!(props.view, View::Compare { .. })) {
                <div class="ef-field">
                    <label for="ef-build-theme">{ "Theme" }</label>
                    <select id="ef-build-theme" onchange={set(|c, v| c.theme = Theme::from_id(&v))}>
                        if c.kind == Kind::Full {
                            <option value="" selected={c.theme.is_none()}>{ "All themes" }</option>
                        }
                        { for Theme::ALL.iter().map(|t| html! { <option value={t.id()} selected={if c.kind == Kind::Full { c.theme == Some(*t) } else { card_theme == *t }}>{ t.label() }</option> }) }
                    </select>
                </div>
                <fieldset class="ef-fieldset">
                    <legend>{ "Statements" }</legend>
                    <ul class="ef-picks">{ for statement_boxes }</ul>
                </fieldset>
            }
            if c.kind == Kind::PointCard {
                <div class="ef-field">
                    <label for="ef-build-point">{ "Talking point" }</label>
                    <select id="ef-build-point" onchange={set(|c, v| c.point = v)}>
                        { for points.iter().map(|(id, label)| html! { <option value={id.clone()} selected={c.point == *id}>{ label }</option> }) }
                    </select>
                </div>
            }
            if c.kind == Kind::ProfileCard {
                <div class="ef-field">
                    <label for="ef-build-profile">{ "Statement" }</label>
                    <select id="ef-build-profile" onchange={set(|c, v| c.profile = v)}>
                        { for ids.iter().filter_map(|id| ctx.data.document(id)).map(|d| html! {
                            <option value={d.statement.id.clone()} selected={c.profile == d.statement.id}>{ &d.statement.short_title }</option>
                        }) }
                    </select>
                </div>
            }
            <fieldset class="ef-fieldset">
                <legend>{ "Colours" }</legend>
                { scheme_radio(ColorScheme::Auto, "Follow the reader", "ef-build-auto") }
                { scheme_radio(ColorScheme::Light, "Light", "ef-build-light") }
                { scheme_radio(ColorScheme::Dark, "Dark", "ef-build-dark") }
            </fieldset>
            <p class="ef-builder-title">{ "Preview" }</p>
            <iframe class="ef-builder-preview" ref={preview} src={src.clone()} title={format!("Preview: {title}")} height={height.to_string()} {onload}></iframe>
            <div class="ef-share-link">
                <label for="ef-embed-code">{ "Embed code: paste it into the article’s HTML where the finding belongs (the frame sizes itself)" }</label>
                <textarea id="ef-embed-code" readonly=true rows="5" value={snippet.clone()} />
                <CopyButton label="Copy embed code" text={snippet} />
            </div>
            <div class="ef-share-link">
                <label for="ef-embed-element">{ "Or, where the page allows scripts, the widget as an element (the full comparison, in the page itself)" }</label>
                <textarea id="ef-embed-element" readonly=true rows="3" value={element.clone()} />
                <CopyButton label="Copy element code" text={element} aria_label="Copy the element embed code" />
            </div>
        </div>
    }
}
