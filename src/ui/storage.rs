//! Keeping the reader's statement on this device, only when they ask for it.
//! Local storage may be missing or refuse access (a sandboxed frame, a private
//! window, a full quota): every function then reports it and the widget works on.

use crate::supplied::Supplied;

const KEY: &str = "encryption-framing:kept-statement";

fn storage() -> Option<web_sys::Storage> {
    // `localStorage` throws in a sandboxed frame without allow-same-origin.
    super::in_browser().then(|| gloo::utils::window().local_storage().ok().flatten()).flatten()
}

/// Whether the browser lets this page keep anything.
pub fn available() -> bool {
    storage().is_some()
}

/// The kept statement, if any (a damaged entry is ignored).
pub fn kept() -> Option<Supplied> {
    Supplied::decode(&kept_link()?).ok()
}

/// The kept statement's link form, unread (the state reads it with the statement engine).
pub fn kept_link() -> Option<String> {
    storage()?.get_item(KEY).ok().flatten()
}

/// Whether a statement is kept (without reading it).
pub fn holds() -> bool {
    storage().is_some_and(|s| s.get_item(KEY).ok().flatten().is_some())
}

/// Keeps a statement; the error is a sentence for the reader.
pub fn keep(encoded: &str) -> Result<(), String> {
    let storage = storage().ok_or("This browser does not let the page keep anything, so it was not kept.")?;
    storage.set_item(KEY, encoded).map_err(|_| "The browser refused to keep it (storage full or blocked).".to_string())
}

/// Deletes the kept statement.
pub fn forget() {
    if let Some(s) = storage() {
        let _ = s.remove_item(KEY);
    }
}
