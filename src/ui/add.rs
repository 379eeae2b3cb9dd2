//! "Add your own statement": paste, drop or choose a text; it is analysed in the
//! browser with the same codebook and joins the comparison as a marked extra column.
//! The checks and the link form are in [`crate::supplied`]; this is only the form.

use super::session::{self, Held};
use super::{actions, navigate, storage};
use crate::supplied::{self, InputError};
use crate::view::View;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

const TEXT: &str = "ef-add-text";
const TITLE: &str = "ef-add-title";
const DATE: &str = "ef-add-date";
const KEEP: &str = "ef-add-keep";

fn textarea() -> Option<web_sys::HtmlTextAreaElement> {
    super::dom::by_id(TEXT)?.dyn_into().ok()
}

fn checked(id: &str) -> bool {
    super::dom::by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some_and(|i| i.checked())
}

/// Shows a statement after adding it: the comparison with its column, focus on its summary.
fn show(keep: bool, held: &Held) -> Option<String> {
    let problem = if keep { storage::keep(&held.encoded).err() } else { None };
    navigate(&View::default());
    gloo::timers::callback::Timeout::new(0, || actions::focus_selector("#ef-yours-title")).forget();
    problem
}

/// What the form is telling the reader.
#[derive(Clone, PartialEq)]
enum Message {
    None,
    Error(String),
    Info(String),
}

/// The form and, when a statement is shown, its summary and controls.
#[function_component(AddStatement)]
pub fn add_statement() -> Html {
    let held = session::held();
    let message = use_state(|| Message::None);
    let count = use_state(|| 0usize);
    let dragging = use_state(|| false);
    let kept = use_state(storage::kept);
    let storage_ok = storage::available();

    let load_file = {
        let message = message.clone();
        let count = count.clone();
        Callback::from(move |file: web_sys::File| {
            let (message, count) = (message.clone(), count.clone());
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
                        if let Some(t) = textarea() {
                            t.set_value(&text);
                        }
                        if actions::input_value(TITLE).is_empty() {
                            let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
                            actions::set_input_value(TITLE, stem);
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
    let onsubmit = {
        let message = message.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = textarea().map(|t| t.value()).unwrap_or_default();
            match supplied::check(&actions::input_value(TITLE), &actions::input_value(DATE), &text) {
                Ok(s) => {
                    let held = session::hold(s);
                    match show(checked(KEEP), &held) {
                        Some(problem) => message.set(Message::Error(problem)),
                        None => message.set(Message::None),
                    }
                }
                Err(err) => {
                    message.set(Message::Error(err.message()));
                    actions::focus_selector("#ef-add-message");
                }
            }
        })
    };
    let oninput = {
        let count = count.clone();
        Callback::from(move |_: InputEvent| count.set(textarea().map_or(0, |t| t.value().chars().count())))
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
        <form class={classes!("ef-add-form", dragging.then_some("ef-dragging"))} {onsubmit} {ondragover} {ondragleave} {ondrop} novalidate=true>
            <p class="ef-privacy">
                { "Nothing leaves your browser: the text is analysed here and sent nowhere. It is stored only if you tick “Keep”. A link to the comparison carries the text inside the link, after the #, which browsers never send to a server." }
            </p>
            <div class="ef-field">
                <label for={TEXT}>{ "Text of the statement (paste it, or drop a .txt or .md file here)" }</label>
                <textarea id={TEXT} rows="8" spellcheck="false" aria-describedby="ef-add-count" {oninput} />
                <p id="ef-add-count" class={classes!("ef-small", over.then_some("ef-over"))}>
                    { format!("{} of {} characters", supplied::thousands(*count), supplied::thousands(supplied::MAX_CHARS)) }
                    if over { { " — too long" } }
                </p>
            </div>
            <div class="ef-field">
                <label for="ef-add-file">{ "Or choose a .txt or .md file" }</label>
                <input id="ef-add-file" type="file" accept=".txt,.md,.markdown,text/plain,text/markdown" onchange={onchange_file} />
            </div>
            <div class="ef-field-row">
                <div class="ef-field">
                    <label for={TITLE}>{ "Title (optional)" }</label>
                    <input id={TITLE} type="text" maxlength={supplied::MAX_TITLE.to_string()} autocomplete="off" />
                </div>
                <div class="ef-field">
                    <label for={DATE}>{ "Date (optional)" }</label>
                    <input id={DATE} type="date" />
                </div>
            </div>
            <div class="ef-field ef-check">
                <input id={KEEP} type="checkbox" disabled={!storage_ok} />
                <label for={KEEP}>
                    { "Keep it on this device (in this browser’s local storage, until you remove it)" }
                    if !storage_ok { { " — not available here: this browser does not let the page store anything" } }
                </label>
            </div>
            <div id="ef-add-message" class="ef-add-message" role="alert" tabindex="-1">{ message_view }</div>
            <button type="submit" class="ef-button">{ "Analyse and compare" }</button>
        </form>
    };
    let summary_label = if held.is_some() { "Replace your statement" } else { "Add your own statement" };
    html! {
        <section class="ef-add" aria-label="Your own statement">
            if let Some(h) = held.clone() {
                <HeldSummary held={h} kept={kept.clone()} />
            } else if let Some(k) = (*kept).clone() {
                <KeptOffer supplied={k} kept={kept.clone()} />
            }
            <details class="ef-add-details">
                <summary>{ summary_label }</summary>
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
    let h = &props.held;
    let is_kept = props.kept.as_ref() == Some(&h.supplied);
    let remove = Callback::from(|_| {
        session::release();
        navigate(&View::default());
    });
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
    let read = super::href(&View::Read { ids: vec![supplied::ID.to_string()], theme: None, at: None });
    html! {
        <div class="ef-yours" data-analysis-ms={format!("{:.2}", h.analysis_ms)}>
            <h2 id="ef-yours-title" tabindex="-1">{ "Your statement: " }{ supplied::make_visible(&h.supplied.title).0 }</h2>
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
                <a class="ef-button ef-button-small" href={read}>{ "Read it with its coding" }</a>
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
}

/// A statement kept on this device earlier, offered (never added without asking).
#[function_component(KeptOffer)]
fn kept_offer(props: &KeptProps) -> Html {
    let show_it = {
        let s = props.supplied.clone();
        Callback::from(move |_| {
            let held = session::hold(s.clone());
            show(false, &held);
        })
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
