//! "Add your own statement": paste, drop or choose a text; it is analysed in the
//! browser with the same codebook and joins the comparison as a marked extra column.
//! The checks and the link form are in [`crate::supplied`]; this is only the form.

use super::analyst::Slot;
use super::ctx::{use_ctx, Ctx};
use super::storage;
use crate::analysis::wire::Analysed;
use crate::state::Held;
use crate::supplied::{self, InputError};
use crate::view::View;
use std::rc::Rc;
use yew::prelude::*;

/// Shows a state with a statement: the comparison with its column, focus on its summary.
/// `None` (the statement engine is not here; the form loads with it) is a message.
fn show(ctx: &Ctx, keep: bool, state: Option<crate::state::State>) -> Option<String> {
    let Some(state) = state else {
        return Some("Your statement could not be analysed: the part of the widget that reads statements could not be loaded. Try again once this page is online.".into());
    };
    let problem = match (&state.held, keep) {
        (Some(held), true) => storage::keep(&held.encoded).err(),
        _ => None,
    };
    ctx.commit(state);
    let ctx = ctx.clone();
    gloo::timers::callback::Timeout::new(0, move || ctx.focus("#ef-yours-title")).forget();
    problem
}

/// The form's fields, each a reference into this widget's own form.
#[derive(Clone, PartialEq, Default)]
struct Fields {
    text: NodeRef,
    title: NodeRef,
    date: NodeRef,
    keep: NodeRef,
    message: NodeRef,
    details: NodeRef,
    file: NodeRef,
}

impl Fields {
    fn text(&self) -> String {
        self.text.cast::<web_sys::HtmlTextAreaElement>().map(|t| t.value()).unwrap_or_default()
    }
    fn input(r: &NodeRef) -> Option<web_sys::HtmlInputElement> {
        r.cast::<web_sys::HtmlInputElement>()
    }
    fn value(r: &NodeRef) -> String {
        Self::input(r).map(|i| i.value()).unwrap_or_default()
    }
    fn keep(&self) -> bool {
        Self::input(&self.keep).is_some_and(|i| i.checked())
    }
    /// Empties the form and folds it away: its statement is in the comparison now. The
    /// elements stay (re-creating a form that holds 50,000 characters costs a frame).
    fn clear(&self) {
        if let Some(t) = self.text.cast::<web_sys::HtmlTextAreaElement>() {
            t.set_value("");
        }
        for r in [&self.title, &self.date, &self.file] {
            if let Some(i) = Self::input(r) {
                i.set_value("");
            }
        }
        if let Some(i) = Self::input(&self.keep) {
            i.set_checked(false);
        }
        if let Some(d) = self.details.cast::<web_sys::Element>() {
            let _ = d.remove_attribute("open");
        }
    }
}

/// What the form is telling the reader.
#[derive(Clone, PartialEq)]
enum Message {
    None,
    Error(String),
    Info(String),
}

#[derive(Properties, PartialEq)]
pub struct AddProps {
    /// Starts unfolded (the reader unfolded the stand-in while the form was loading).
    pub open: bool,
}

/// The form's heading: adding a statement, or replacing the one shown.
pub fn summary_label(held: bool) -> &'static str {
    if held {
        "Replace your statement"
    } else {
        "Add your own statement"
    }
}

/// The form and, when a statement is shown, its summary and controls.
#[function_component(AddStatement)]
pub fn add_statement(props: &AddProps) -> Html {
    let ctx = use_ctx();
    let held = ctx.held.clone();
    let fields = use_memo((), |_| Fields::default());
    let message = use_state(|| Message::None);
    let count = use_state(|| 0usize);
    let dragging = use_state(|| false);
    let kept = use_state(storage::kept);
    // Only the first render sets `open`: after it the element's own state rules.
    let first_open = *use_state(|| props.open);
    let storage_ok = storage::available();
    let analyst = ctx.analyst.clone();
    let onfocusin = {
        let (analyst, page) = (analyst.clone(), ctx.page.clone());
        Callback::from(move |_: FocusEvent| analyst.borrow_mut().start(&page))
    };

    let load_file = {
        let message = message.clone();
        let count = count.clone();
        let fields = fields.clone();
        Callback::from(move |file: web_sys::File| {
            let (message, count, fields) = (message.clone(), count.clone(), fields.clone());
            // A file four times the character limit cannot be under it, whatever its encoding.
            if file.size() > (4 * supplied::MAX_CHARS) as f64 {
                let bytes = file.size() as usize;
                message.set(Message::Error(InputError::FileTooLarge { bytes }.message()));
                return;
            }
            let name = file.name();
            wasm_bindgen_futures::spawn_local(async move {
                let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                    Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                    Err(_) => {
                        message.set(Message::Error("The file could not be read.".into()));
                        return;
                    }
                };
                match supplied::text_from_bytes(&bytes) {
                    Ok(text) => {
                        if let Some(t) = fields.text.cast::<web_sys::HtmlTextAreaElement>() {
                            t.set_value(&text);
                        }
                        if let Some(title) = Fields::input(&fields.title).filter(|t| t.value().is_empty()) {
                            let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
                            title.set_value(stem);
                        }
                        let n = text.chars().count();
                        count.set(n);
                        message.set(Message::Info(format!(
                            "Read “{}” ({} characters). Add a title or date if you like, then press “Analyse and compare”.",
                            name,
                            supplied::thousands(n)
                        )));
                    }
                    Err(e) => message.set(Message::Error(e.message())),
                }
            });
        })
    };
    // Analyses a statement (and keeps it, when asked) and shows it: off the main thread
    // in this form's worker, or here where there is none or it fails.
    let compare = {
        let (message, ctx, analyst, count, kept, fields) =
            (message.clone(), ctx.clone(), analyst.clone(), count.clone(), kept.clone(), fields.clone());
        Callback::from(move |(s, keep, from_form): (supplied::Supplied, bool, bool)| {
            let done = {
                let (message, count, kept, fields) = (message.clone(), count.clone(), kept.clone(), fields.clone());
                move |problem: Option<String>| {
                    if from_form {
                        fields.clear();
                        count.set(0);
                    }
                    kept.set(storage::kept());
                    message.set(problem.map_or(Message::None, Message::Error));
                }
            };
            let mut slot = analyst.borrow_mut();
            slot.start(&ctx.page);
            if let Slot::Running(worker) = &mut *slot {
                message.set(Message::Info("Analysing your statement…".into()));
                let ctx = ctx.clone();
                let supplied = s.clone();
                worker.analyse(&s, move |bytes| {
                    let state = bytes
                        .and_then(|b| Analysed::decode(&b).ok())
                        .and_then(|a| ctx.with_analysed(supplied.clone(), a))
                        .or_else(|| ctx.with_statement(supplied));
                    done(show(&ctx, keep, state));
                });
            } else {
                done(show(&ctx, keep, ctx.with_statement(s)));
            }
        })
    };
    let onsubmit = {
        let (message, fields, compare) = (message.clone(), fields.clone(), compare.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match supplied::check(&Fields::value(&fields.title), &Fields::value(&fields.date), &fields.text()) {
                Ok(s) => compare.emit((s, fields.keep(), true)),
                Err(err) => {
                    message.set(Message::Error(err.message()));
                    if let Some(m) = fields.message.cast::<web_sys::HtmlElement>() {
                        let _ = m.focus();
                    }
                }
            }
        })
    };
    let oninput = {
        let (count, fields) = (count.clone(), fields.clone());
        Callback::from(move |_: InputEvent| count.set(fields.text().chars().count()))
    };
    let onchange_file = {
        let load_file = load_file.clone();
        Callback::from(move |e: Event| {
            let input: Option<web_sys::HtmlInputElement> = e.target_dyn_into();
            if let Some(file) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) {
                load_file.emit(file);
            }
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                load_file.emit(file);
            }
        })
    };
    let over = *count > supplied::MAX_CHARS;
    let message_view = match &*message {
        Message::None => html! {},
        Message::Error(m) => html! { <p class="ef-add-error">{ "Cannot add this text. " }{ m }</p> },
        Message::Info(m) => html! { <p class="ef-add-info">{ m }</p> },
    };
    let form = html! {
        <form class={classes!("ef-add-form", dragging.then_some("ef-dragging"))} {onsubmit} {onfocusin} {ondragover} {ondragleave} {ondrop} novalidate=true>
            <p class="ef-privacy">
                { "Nothing leaves your browser: the text is analysed here and sent nowhere. It is stored only if you tick “Keep”. A link to the comparison carries the text inside the link, after the #, which browsers never send to a server." }
            </p>
            <div class="ef-field">
                <label for="ef-add-text">{ "Text of the statement (paste it, or drop a .txt or .md file here)" }</label>
                <textarea id="ef-add-text" ref={fields.text.clone()} rows="8" spellcheck="false" aria-describedby="ef-add-count" {oninput} />
                <p id="ef-add-count" class={classes!("ef-small", over.then_some("ef-over"))}>
                    { format!("{} of {} characters", supplied::thousands(*count), supplied::thousands(supplied::MAX_CHARS)) }
                    if over { { " — too long" } }
                </p>
            </div>
            <div class="ef-field">
                <label for="ef-add-file">{ "Or choose a .txt or .md file" }</label>
                <input id="ef-add-file" ref={fields.file.clone()} type="file" accept=".txt,.md,.markdown,text/plain,text/markdown" onchange={onchange_file} />
            </div>
            <div class="ef-field-row">
                <div class="ef-field">
                    <label for="ef-add-title">{ "Title (optional)" }</label>
                    <input id="ef-add-title" ref={fields.title.clone()} type="text" maxlength={supplied::MAX_TITLE.to_string()} autocomplete="off" />
                </div>
                <div class="ef-field">
                    <label for="ef-add-date">{ "Date (optional)" }</label>
                    <input id="ef-add-date" ref={fields.date.clone()} type="date" />
                </div>
            </div>
            <div class="ef-field ef-check">
                <input id="ef-add-keep" ref={fields.keep.clone()} type="checkbox" disabled={!storage_ok} />
                <label for="ef-add-keep">
                    { "Keep it on this device (in this browser’s local storage, until you remove it)" }
                    if !storage_ok { { " — not available here: this browser does not let the page store anything" } }
                </label>
            </div>
            <div id="ef-add-message" ref={fields.message.clone()} class="ef-add-message" role="alert" tabindex="-1">{ message_view }</div>
            <button type="submit" class="ef-button">{ "Analyse and compare" }</button>
        </form>
    };
    html! {
        <section class="ef-add" aria-label="Your own statement">
            if let Some(h) = held.clone() {
                <HeldSummary held={h} kept={kept.clone()} />
            } else if let Some(k) = (*kept).clone() {
                <KeptOffer supplied={k} kept={kept.clone()} compare={compare.clone()} />
            }
            <details class="ef-add-details" ref={fields.details.clone()} open={first_open}>
                <summary>{ summary_label(held.is_some()) }</summary>
                { form }
            </details>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct HeldProps {
    held: Rc<Held>,
    kept: UseStateHandle<Option<supplied::Supplied>>,
}

/// What the widget did with the reader's statement, and what they can do with it.
#[function_component(HeldSummary)]
fn held_summary(props: &HeldProps) -> Html {
    let ctx = use_ctx();
    let h = &props.held;
    let is_kept = props.kept.as_ref() == Some(&h.supplied);
    let remove = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.commit(ctx.without_statement()))
    };
    let toggle_keep = {
        let kept = props.kept.clone();
        let h = h.clone();
        Callback::from(move |_| {
            if is_kept {
                storage::forget();
                kept.set(None);
            } else if storage::keep(&h.encoded).is_ok() {
                kept.set(Some(h.supplied.clone()));
            }
        })
    };
    let read = View::Read { ids: vec![supplied::ID.to_string()], theme: None, at: None };
    html! {
        <div class="ef-yours" data-analysis-ms={format!("{:.2}", h.analysis_ms)}>
            <h2 id="ef-yours-title" tabindex="-1">
                // Given without a title, it is called "Your statement" once, not twice.
                if h.supplied.title == supplied::DEFAULT_TITLE {
                    { "Your statement" }<span class="ef-muted">{ " (untitled)" }</span>
                } else {
                    { "Your statement: " }{ supplied::make_visible(&h.supplied.title).0 }
                }
            </h2>
            <p>
                { format!("{} words, analysed in your browser in {:.1} ms with the same codebook. It is the last column, marked “Your text”: it is not part of the curated corpus.", supplied::thousands(h.words), h.analysis_ms) }
            </p>
            if h.invisible > 0 {
                <p>{ format!("It contains {} invisible formatting character{} (text-direction controls or zero-width characters); each is shown as a code such as ⟦U+202E⟧ instead of changing how the text reads.", h.invisible, if h.invisible == 1 { "" } else { "s" }) }</p>
            }
            if h.fits_link {
                <p>{ "Links to this view carry your text, compressed, after the # of the link: whoever opens one sees this comparison, and no server ever receives the text." }</p>
            } else {
                <p class="ef-warning">
                    { format!("Too long for a reliable link: with your text the link would be about {} characters, and mail programs, chat apps and social sites reliably keep links only up to {}. It is shown here; links from this page leave it out and say so. Shorten the text to under about {} characters to share it in a link.", supplied::thousands(h.encoded.len() + 80), supplied::thousands(supplied::RELIABLE_LINK), supplied::thousands(h.supplied.text.chars().count() * supplied::RELIABLE_LINK / (h.encoded.len() + 80).max(1))) }
                </p>
            }
            <p class="ef-yours-actions">
                <super::Link to={read} class="ef-button ef-button-small">{ "Read it with its coding" }</super::Link>
                <button type="button" class="ef-button ef-button-small" onclick={remove}>{ "Remove it" }</button>
                if storage::available() {
                    <button type="button" class="ef-button ef-button-small" onclick={toggle_keep} aria-pressed={is_kept.to_string()}>
                        { if is_kept { "Kept on this device: forget it" } else { "Keep it on this device" } }
                    </button>
                }
            </p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct KeptProps {
    supplied: supplied::Supplied,
    kept: UseStateHandle<Option<supplied::Supplied>>,
    /// The form's way to analyse and show a statement (whether to keep it, whether it
    /// came from the form's fields).
    compare: Callback<(supplied::Supplied, bool, bool)>,
}

/// A statement kept on this device earlier, offered (never added without asking).
#[function_component(KeptOffer)]
fn kept_offer(props: &KeptProps) -> Html {
    let show_it = {
        let (s, compare) = (props.supplied.clone(), props.compare.clone());
        Callback::from(move |_| compare.emit((s.clone(), false, false)))
    };
    let forget = {
        let kept = props.kept.clone();
        Callback::from(move |_| {
            storage::forget();
            kept.set(None);
        })
    };
    html! {
        <div class="ef-yours ef-kept">
            <p>{ "You kept a statement on this device: " }<q>{ supplied::make_visible(&props.supplied.title).0 }</q>{ "." }</p>
            <p class="ef-yours-actions">
                <button type="button" class="ef-button ef-button-small" onclick={show_it}>{ "Compare it again" }</button>
                <button type="button" class="ef-button ef-button-small" onclick={forget}>{ "Forget it" }</button>
            </p>
        </div>
    }
}
