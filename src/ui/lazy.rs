//! Code only some readers need, loaded when a reader first needs it.
//!
//! In the hosted build (feature `split`), each part below is a split point: the
//! build (tools/split.mjs, running wasm-split-cli) moves the code that only the part
//! reaches into its own wasm chunk, fetched the first time the part is asked for.
//! A part hands back a plain function (a renderer, an exporter), kept once loaded,
//! so after the first load it is called synchronously like any other code. Without
//! `split` (tests, the pre-render, the lint builds) a part is there at once.
//!
//! A chunk that cannot be fetched (a revisit offline that never opened it, a host
//! missing the file) is [`Unavailable`]: the view says so and offers to try again.

use crate::analysis::{export, Codebook};
use crate::state::Data;
use crate::view::View;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use yew::prelude::*;

/// A part's chunk could not be loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unavailable;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for Unavailable {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        Unavailable
    }
}

/// What a part's future resolves to.
pub type Loading<T> = Pin<Box<dyn Future<Output = Result<T, Unavailable>>>>;

/// Declares a part: the split point `$split` in chunk `$chunk` returning `$value`,
/// kept in `$key` once loaded; `$now` is the part if it is here, `$load` fetches it.
macro_rules! part {
    ($(#[$doc:meta])* $chunk:ident, $split:ident, $key:ident, $now:ident, $load:ident: $ty:ty = $value:expr) => {
        #[cfg_attr(feature = "split", wasm_split_helpers::wasm_split($chunk, fallible))]
        fn $split() -> Result<$ty, Unavailable> {
            Ok($value)
        }

        thread_local! { static $key: Cell<Option<$ty>> = const { Cell::new(None) }; }

        $(#[$doc])*
        pub fn $now() -> Option<$ty> {
            #[cfg(not(feature = "split"))]
            if $key.with(Cell::get).is_none() {
                $key.with(|k| k.set($split().ok()));
            }
            $key.with(Cell::get)
        }

        /// Fetches the part's chunk once and keeps the part; a failure is retried on the next call.
        pub fn $load() -> Loading<$ty> {
            Box::pin(async move {
                if let Some(part) = $now() {
                    return Ok(part);
                }
                #[cfg(feature = "split")]
                let part = $split().await?;
                #[cfg(not(feature = "split"))]
                let part = $split()?;
                $key.with(|k| k.set(Some(part)));
                Ok(part)
            })
        }
    };
}

part! {
    /// Renders the method view.
    method, method_split, METHOD, method_now, load_method: fn() -> Html = || html! { <super::method::Method /> }
}

part! {
    /// Renders the embed-code builder for a view.
    tools, builder_split, BUILDER, builder_now, load_builder: fn(View) -> Html = |view| html! { <super::builder::Builder {view} /> }
}

part! {
    /// Renders the reader, the talking points or the search results (other views: nothing).
    views, views_split, VIEWS, views_now, load_views: fn(&View) -> Html = |view| match view {
        View::Read { ids, theme, at } => html! { <super::Reader ids={ids.clone()} theme={*theme} at={at.clone()} /> },
        View::TalkingPoints { selected } => html! { <super::talking_points::TalkingPoints selected={selected.clone()} /> },
        View::Compare { .. } | View::Method | View::Search { .. } => html! {},
    }
}

part! {
    /// Renders the search results: a part of their own, so that a link to a search
    /// fetches only them (and what they share) beside the main module.
    search, search_split, SEARCH, search_now, load_search: fn(&View) -> Html = |view| match view {
        View::Search { query } => html! { <super::search_view::SearchResults query={query.clone()} /> },
        _ => html! {},
    }
}

/// The part a lazily loaded view is in (the key its [`LazyView`] is rendered with).
pub fn part_of(view: &View) -> &'static str {
    if matches!(view, View::Search { .. }) {
        "search"
    } else {
        "views"
    }
}

part! {
    /// Mounts a widget into a page element (the script mount API, `super::mount`).
    mount, mount_split, MOUNT, mount_now, load_mount: fn(web_sys::Element, wasm_bindgen::JsValue, String, String) =
        super::mount::mount_into
}

/// The two download formats of the coding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

part! {
    /// Writes the coding of every statement shown as CSV or JSON.
    tools, export_split, EXPORT, export_now, load_export: fn(&Data, Format) -> String = |data, format| match format {
        Format::Csv => export::to_csv(data, Codebook::written()),
        Format::Json => serde_json::to_string_pretty(&export::to_json(data, Codebook::written())).unwrap_or_default(),
    }
}

part! {
    /// The codebook as written: the patterns a passage's explanations show (the
    /// start-up codebook is an outline, [`Codebook::bundled`]).
    patterns, patterns_split, PATTERNS, patterns_now, load_patterns: fn() -> &'static Codebook = Codebook::written
}

part! {
    /// Renders the form for a reader's own statement; `true` shows it unfolded.
    form, form_split, FORM, form_now, load_form_alone: fn(bool) -> Html = |open| html! { <super::add::AddStatement {open} /> }
}

part! {
    /// Reads a reader's statement: its link form and its analysis beside the corpus
    /// (the widget's state gets it through [`crate::state::Env`]; the worker runs it too).
    engine, engine_split, ENGINE, engine_now, load_engine: crate::state::Engine = crate::state::Engine::BUILT_IN
}

/// Fetches the statement engine when `hash` carries a statement (`u=`), so that the
/// state it opens reads it; without the engine (it could not be fetched) the state
/// says so in a notice.
pub async fn engine_for(hash: &str) {
    if crate::location::split(hash).text().is_some() {
        let _ = load_engine().await;
    }
}

/// The form, once the engine its statement goes through is here too.
fn form_ready() -> Option<fn(bool) -> Html> {
    engine_now().and(form_now())
}

/// Fetches the form and the statement engine.
fn load_form() -> Loading<fn(bool) -> Html> {
    Box::pin(async {
        load_engine().await?;
        load_form_alone().await
    })
}

/// Where a part stands for the component that shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part<T> {
    Ready(T),
    Opening,
    Failed,
}

/// The part `now`/`load` name, fetched once `wanted` (at the latest when the calling
/// component renders with it); the callback tries again after a failure.
#[hook]
pub fn use_part<T: Copy + 'static>(
    now: fn() -> Option<T>,
    load: fn() -> Loading<T>,
    wanted: bool,
) -> (Part<T>, Callback<()>) {
    let failed = use_state(|| false);
    // Bumped when a load finishes, so the component renders the part it now has.
    let attempt = use_state(|| 0u32);
    {
        let (failed, attempt_handle) = (failed.clone(), attempt.clone());
        use_effect_with((*attempt, wanted), move |&(n, wanted)| {
            if wanted && now().is_none() {
                wasm_bindgen_futures::spawn_local(async move {
                    let ok = load().await.is_ok();
                    failed.set(!ok);
                    if ok {
                        attempt_handle.set(n + 1);
                    }
                });
            }
        });
    }
    let retry = {
        let (failed, attempt) = (failed.clone(), attempt.clone());
        Callback::from(move |()| {
            failed.set(false);
            attempt.set(*attempt + 1);
        })
    };
    let part = match now() {
        Some(p) => Part::Ready(p),
        None if *failed => Part::Failed,
        None => Part::Opening,
    };
    (part, retry)
}

/// What a reader sees while a part loads, or when it cannot.
pub fn placeholder<T>(part: Part<T>, what: &str, retry: Callback<()>) -> Html {
    match part {
        Part::Failed => html! {
            <div class="ef-part-failed" role="alert">
                <p>{ format!("The {what} could not be loaded: this copy is offline and had not opened it before, or the site did not send it.") }</p>
                <button type="button" class="ef-button ef-button-small" onclick={retry.reform(|_| ())}>{ "Try again" }</button>
            </div>
        },
        _ => html! { <p class="ef-part-opening" role="status">{ format!("Opening the {what}…") }</p> },
    }
}

/// Focus inside a stand-in moves to `selector` in the part that replaces it (the
/// stand-in's elements go, and focus would fall back to the page). Returns the
/// stand-in's focus handlers.
#[hook]
fn use_focus_handover(ready: bool, selector: &'static str) -> (Callback<FocusEvent>, Callback<FocusEvent>) {
    let ctx = super::use_ctx();
    let inside = use_mut_ref(|| false);
    {
        let inside = inside.clone();
        use_effect_with(ready, move |&ready| {
            if ready && std::mem::take(&mut *inside.borrow_mut()) {
                ctx.focus(selector);
            }
        });
    }
    let onfocusin = {
        let inside = inside.clone();
        Callback::from(move |_: FocusEvent| *inside.borrow_mut() = true)
    };
    // Focus that moves elsewhere leaves; focus lost with a removed element (no new target) stays.
    let onfocusout = Callback::from(move |e: FocusEvent| {
        if e.related_target().is_some() {
            *inside.borrow_mut() = false;
        }
    });
    (onfocusin, onfocusout)
}

/// The method view, once its chunk is here.
#[function_component(MethodView)]
pub fn method_view() -> Html {
    let (part, retry) = use_part(method_now, load_method, true);
    let focus = use_focus_handover(matches!(part, Part::Ready(_)), "[data-focus-target]");
    match part {
        Part::Ready(render) => render(),
        _ => view_stand_in("ef-method", "ef-method-title", "Method", placeholder(part, "method", retry), focus),
    }
}

#[derive(Properties, PartialEq)]
pub struct ViewProps {
    pub view: View,
}

/// The reader and the talking points, or the search results, once their chunk is here.
/// Its parent keys it by [`part_of`], so that its hooks stay with one part.
#[function_component(LazyView)]
pub fn lazy_view(props: &ViewProps) -> Html {
    let search = part_of(&props.view) == "search";
    type Now = fn() -> Option<fn(&View) -> Html>;
    type Load = fn() -> Loading<fn(&View) -> Html>;
    let (now, load): (Now, Load) = if search { (search_now, load_search) } else { (views_now, load_views) };
    let (part, retry) = use_part(now, load, true);
    let focus = use_focus_handover(matches!(part, Part::Ready(_)), "[data-focus-target]");
    if let Part::Ready(render) = part {
        return render(&props.view);
    }
    let (heading, what) = match &props.view {
        View::Read { .. } => ("Read", "reader"),
        View::TalkingPoints { .. } => ("Talking points", "talking points"),
        _ => ("Search", "search results"),
    };
    view_stand_in("ef-standin", "ef-standin-title", heading, placeholder(part, what, retry), focus)
}

/// A view's stand-in: its heading (which takes focus as the view's own would) and `body`.
fn view_stand_in(
    class: &'static str,
    id: &'static str,
    heading: &'static str,
    body: Html,
    (onfocusin, onfocusout): (Callback<FocusEvent>, Callback<FocusEvent>),
) -> Html {
    html! {
        <section {class} aria-labelledby={id} {onfocusin} {onfocusout}>
            <h1 {id} tabindex="-1" data-focus-target="">{ heading }</h1>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct BuilderViewProps {
    pub view: View,
}

/// The embed-code builder, once its chunk is here.
#[function_component(BuilderView)]
pub fn builder_view(props: &BuilderViewProps) -> Html {
    let (part, retry) = use_part(builder_now, load_builder, true);
    match part {
        Part::Ready(render) => render(props.view.clone()),
        _ => placeholder(part, "embed code builder", retry),
    }
}

/// The form for a reader's own statement, fetched when the reader unfolds it (or at
/// once when the view holds their statement, whose summary it shows, or this device
/// keeps one, which it offers). Until then the
/// same folded heading stands in its place, so nothing moves when the form arrives,
/// and a reader who unfolded it finds it unfolded.
#[function_component(AddView)]
pub fn add_view() -> Html {
    let held = super::use_ctx().held.is_some();
    let at_once = *use_memo(held, |&held| form_at_once(held));
    let opened = use_state(|| false);
    let (part, retry) = use_part(form_ready, load_form, at_once || *opened);
    let (onfocusin, onfocusout) = use_focus_handover(matches!(part, Part::Ready(_)), ".ef-add-details > summary");
    if let Part::Ready(render) = part {
        return render(*opened);
    }
    let ontoggle = {
        let opened = opened.clone();
        Callback::from(move |e: Event| {
            let open = e.target_dyn_into::<web_sys::HtmlDetailsElement>().is_some_and(|d| d.open());
            opened.set(open);
        })
    };
    html! {
        <section class="ef-add" aria-label="Your own statement" {onfocusin} {onfocusout}>
            <details class="ef-add-details" {ontoggle}>
                <summary>{ super::add::summary_label(held) }</summary>
                if *opened { { placeholder(part, "form", retry) } }
            </details>
        </section>
    }
}

/// Whether the form is needed before the reader asks for it: it shows the summary of a
/// held statement, or offers the one this device keeps.
fn form_at_once(held: bool) -> bool {
    held || super::storage::holds()
}

/// Fetches, before the widget first renders, the parts its first view shows, so that
/// it replaces the pre-rendered copy with the whole view at once.
pub async fn preload(state: &crate::state::State) {
    match state.view {
        View::Method => {
            let _ = load_method().await;
        }
        View::Read { ref at, .. } => {
            let _ = load_views().await;
            // A link to a passage opens its explanations, patterns included, at once.
            if at.is_some() {
                let _ = load_patterns().await;
            }
        }
        View::TalkingPoints { .. } => {
            let _ = load_views().await;
        }
        View::Search { .. } => {
            let _ = load_search().await;
        }
        View::Compare { .. } => {}
    }
    if form_at_once(state.held.is_some()) {
        let _ = load_form().await;
    }
}
