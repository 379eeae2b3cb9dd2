//! Browser side effects: clipboard, downloads, focus. Kept here so components stay
//! declarative.

use super::data;
use crate::analysis::{export, Codebook};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Focuses the first element matching `selector`, if any.
pub fn focus_selector(selector: &str) {
    if let Some(el) = super::dom::query(selector) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// The value of an `<input>` by id (empty if absent).
pub fn input_value(id: &str) -> String {
    super::dom::by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

/// Sets the value of an `<input>` by id.
pub fn set_input_value(id: &str, value: &str) {
    if let Some(i) = super::dom::by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        i.set_value(value);
    }
}

/// The page URL without its hash, for absolute deep links.
pub fn base_url() -> String {
    let href = super::location_part(|l| l.href());
    href.split('#').next().unwrap_or_default().to_string()
}

/// Copies `text`; calls `done(true)` on success, `done(false)` where the clipboard
/// is unavailable (the caller then shows the text to copy by hand).
pub fn copy_text(text: String, done: Callback<bool>) {
    let clipboard = gloo::utils::window().navigator().clipboard();
    let promise = clipboard.write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        done.emit(ok);
    });
}

/// Offers `content` as a file download, without any network request.
pub fn download(name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let document = gloo::utils::document();
    if let Ok(a) =
        document.create_element("a").and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().map_err(Into::into))
    {
        a.set_href(&url);
        a.set_download(name);
        let _ = document.body().map(|b| b.append_child(&a));
        a.click();
        a.remove();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// The button's visible label, e.g. "Copy citation".
    pub label: AttrValue,
    /// What the button copies.
    pub text: AttrValue,
    /// Accessible name when the visible label is ambiguous on the page.
    #[prop_or_default]
    pub aria_label: Option<AttrValue>,
}

/// A button that copies text, confirms politely, and falls back to showing the
/// text selected for manual copying.
#[function_component(CopyButton)]
pub fn copy_button(props: &CopyButtonProps) -> Html {
    let state = use_state(|| None::<bool>);
    let onclick = {
        let state = state.clone();
        let text = props.text.to_string();
        Callback::from(move |_| {
            let state = state.clone();
            copy_text(text.clone(), Callback::from(move |ok| state.set(Some(ok))));
        })
    };
    let feedback = match *state {
        Some(true) => html! { <span class="ef-copied" role="status">{ "Copied" }</span> },
        Some(false) => html! {
            <span class="ef-copy-fallback" role="status">
                { "Copy this text:" }
                <textarea readonly=true rows="3" aria-label="Text to copy" value={props.text.clone()} />
            </span>
        },
        None => html! {},
    };
    html! {
        <span class="ef-copy">
            <button type="button" class="ef-button ef-button-small" {onclick} aria-label={props.aria_label.clone()}>{ props.label.clone() }</button>
            { feedback }
        </span>
    }
}

/// The link that reopens the current view: inside a pym.js embed, the article's own
/// URL carrying the view; otherwise the widget's URL.
pub fn share_url(view: &crate::view::View, page: Option<&str>) -> String {
    // A mounted widget: its own page, with the view.
    if let Some(page) = page {
        return format!("{page}{}", super::href(view));
    }
    let window = gloo::utils::window();
    let hash = window.location().hash().unwrap_or_default();
    match super::embed::config().pym.as_ref().and_then(|p| p.parent_url.as_deref()) {
        Some(article) => crate::embed::article_link(article, &hash),
        None => {
            let full = window.location().href().unwrap_or_default();
            // Drop embed parameters: a shared link opens the full view.
            if super::embed::config().embed {
                super::full_view_url(&crate::view::parse(&hash, &*super::data()).view)
            } else {
                full
            }
        }
    }
}

/// The one-file edition sits beside a hosted widget; the one-file edition itself
/// (opened from `file://`) is already the offline copy.
fn offline_copy_available() -> bool {
    // Pre-rendered for the hosted page, where the link is shown.
    !super::in_browser() || super::location_part(|l| l.protocol()).starts_with("http")
}

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub view: crate::view::View,
    /// The widget's own page URL, for a widget mounted by the script API.
    #[prop_or_default]
    pub page: Option<AttrValue>,
}

/// Share the current view, download the coding.
#[function_component(ShareBar)]
pub fn share_bar(props: &ShareProps) -> Html {
    let generation = super::use_generation();
    let url = use_state(String::new);
    let snippet = use_state(String::new);
    let show = {
        let (url, view, page) = (url.clone(), props.view.clone(), props.page.clone());
        Callback::from(move |_| url.set(share_url(&view, page.as_deref())))
    };
    let show_snippet = {
        let (snippet, view, page) = (snippet.clone(), props.view.clone(), props.page.clone());
        Callback::from(move |_| {
            let (base, hash) = match &page {
                Some(page) => (page.to_string(), super::href(&view)),
                None => (
                    super::full_view_url(&crate::view::View::default()),
                    gloo::utils::window().location().hash().unwrap_or_default(),
                ),
            };
            let title = "How UK and Five Eyes statements framed encryption, access and privacy";
            snippet.set(crate::embed::iframe_snippet(&base, &hash, title));
        })
    };
    // Refresh the link shown whenever the view or the data change while it is open.
    {
        let (url, page) = (url.clone(), props.page.clone());
        use_effect_with((props.view.clone(), generation), move |(view, _)| {
            if !url.is_empty() {
                url.set(share_url(view, page.as_deref()));
            }
        });
    }
    let csv = Callback::from(|_| {
        download("encryption-framing-coding.csv", "text/csv", &export::to_csv(&data(), Codebook::bundled()))
    });
    let json = Callback::from(|_| {
        let v = export::to_json(&data(), Codebook::bundled());
        download(
            "encryption-framing-coding.json",
            "application/json",
            &serde_json::to_string_pretty(&v).unwrap_or_default(),
        )
    });
    html! {
        <details class="ef-share">
            <summary>{ "Share and download" }</summary>
            <div class="ef-share-body">
                <button type="button" class="ef-button ef-button-small" onclick={show}>{ "Link to this view" }</button>
                <button type="button" class="ef-button ef-button-small" onclick={csv}>{ "Download coding (CSV)" }</button>
                <button type="button" class="ef-button ef-button-small" onclick={json}>{ "Download coding (JSON)" }</button>
                <button type="button" class="ef-button ef-button-small" onclick={show_snippet}>{ "Embed this view" }</button>
                if offline_copy_available() {
                    <a class="ef-button ef-button-small" href="./encryption-framing-offline.html" download="encryption-framing.html">{ "Download for offline reading" }</a>
                }
                if !url.is_empty() {
                    <div class="ef-share-link">
                        <label for="ef-share-url">{ "Link to exactly this view" }</label>
                        <input id="ef-share-url" type="url" readonly=true value={(*url).clone()} />
                        <CopyButton label="Copy link" text={(*url).clone()} />
                    </div>
                }
                if !snippet.is_empty() {
                    <div class="ef-share-link">
                        <label for="ef-embed-code">{ "Embed code (an iframe that sizes itself with pym.js or the snippet in the README)" }</label>
                        <textarea id="ef-embed-code" readonly=true rows="4" value={(*snippet).clone()} />
                        <CopyButton label="Copy embed code" text={(*snippet).clone()} />
                    </div>
                }
            </div>
        </details>
    }
}
