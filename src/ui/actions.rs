//! Browser side effects: clipboard, downloads, focus. Kept here so components stay
//! declarative.

use super::ctx::{use_ctx, Ctx};
use super::lazy::{self, Format};
use crate::view::View;
use wasm_bindgen::JsCast;
use yew::prelude::*;

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

/// The link that reopens a view: inside a pym.js embed, the article's own URL
/// carrying the view; otherwise the widget's own page (without embed parameters).
pub fn share_url(ctx: &Ctx, view: &View) -> String {
    match &ctx.article {
        Some(article) => crate::embed::article_link(article, &ctx.href(view)),
        None => ctx.full_url(view),
    }
}

/// The one-file edition sits beside a hosted widget; the one-file edition itself
/// (opened from `file://`) is already the offline copy.
fn offline_copy_available(ctx: &Ctx) -> bool {
    // The pre-render (no address) is for the hosted page, where the link is shown.
    ctx.page.is_empty() || ctx.page.starts_with("http")
}

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub view: View,
}

/// Share the current view, download the coding.
#[function_component(ShareBar)]
pub fn share_bar(props: &ShareProps) -> Html {
    let ctx = use_ctx();
    // What is shown is derived from the view and the data on every render; only
    // whether the reader asked for it is state.
    let show_link = use_state(|| false);
    let show_snippet = use_state(|| false);
    let url = share_url(&ctx, &props.view);
    // The exporters arrive with the builder's chunk, fetched on the first download.
    let export_failed = use_state(|| false);
    let export = |name: &'static str, mime: &'static str, format: Format| {
        let (data, failed) = (ctx.data.clone(), export_failed.clone());
        Callback::from(move |_| {
            let (data, failed) = (data.clone(), failed.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match lazy::load_export().await {
                    Ok(write) => {
                        failed.set(false);
                        download(name, mime, &write(&data, format));
                    }
                    Err(_) => failed.set(true),
                }
            });
        })
    };
    let csv = export("encryption-framing-coding.csv", "text/csv", Format::Csv);
    let json = export("encryption-framing-coding.json", "application/json", Format::Json);
    let reveal = |flag: &UseStateHandle<bool>| {
        let flag = flag.clone();
        Callback::from(move |_| flag.set(true))
    };
    html! {
        <details class="ef-share">
            <summary>{ "Share and download" }</summary>
            <div class="ef-share-body">
                <button type="button" class="ef-button ef-button-small" onclick={reveal(&show_link)}>{ "Link to this view" }</button>
                <button type="button" class="ef-button ef-button-small" onclick={csv}>{ "Download coding (CSV)" }</button>
                <button type="button" class="ef-button ef-button-small" onclick={json}>{ "Download coding (JSON)" }</button>
                <button type="button" class="ef-button ef-button-small" onclick={reveal(&show_snippet)}>{ "Embed in an article" }</button>
                if offline_copy_available(&ctx) {
                    <a class="ef-button ef-button-small" href="./encryption-framing-offline.html" download="encryption-framing.html">{ "Download for offline reading" }</a>
                }
                if *export_failed {
                    <p class="ef-share-link" role="alert">{ "The download could not be prepared: this copy is offline and had not made one before. Try again when online." }</p>
                }
                if *show_link && !offline_copy_available(&ctx) {
                    <p class="ef-share-link" role="status">{ "This copy was opened from a file, so its links work only on this device. To share this view, open the widget on its website and copy the link there." }</p>
                } else if *show_link {
                    <div class="ef-share-link">
                        <label for="ef-share-url">{ "Link to exactly this view" }</label>
                        <input id="ef-share-url" type="url" readonly=true value={url.clone()} />
                        <CopyButton label="Copy link" text={url} />
                    </div>
                }
                if *show_snippet {
                    <super::lazy::BuilderView view={props.view.clone()} />
                }
            </div>
        </details>
    }
}
