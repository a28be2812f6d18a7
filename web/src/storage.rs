//! Browser storage glue: the editor's draft survives a reload.

use leptos::prelude::*;

/// The editor's text, kept in `localStorage` when the browser allows it.
#[derive(Clone, Copy)]
pub struct Draft {
    /// The current text. Writing it saves it.
    pub text: RwSignal<String>,
    /// False when the browser refuses storage (private mode, a blocked third-party iframe, a full
    /// quota); the page then says that drafts are not kept.
    pub saved: Signal<bool>,
}

/// Where the draft is kept and what it starts as.
pub struct DraftOptions {
    /// The `localStorage` key.
    pub key: &'static str,
    /// The text when no draft is stored.
    pub default: &'static str,
}

/// Keeps the text in `localStorage`, starting from the stored draft or the default.
pub fn use_local_storage_draft(options: DraftOptions) -> Draft {
    let DraftOptions { key, default } = options;
    let stored = local_storage().and_then(|storage| storage.get_item(key).ok().flatten());
    let text = RwSignal::new(stored.unwrap_or_else(|| default.to_owned()));
    let (saved, set_saved) = signal(local_storage().is_some());
    Effect::new(move |previous: Option<()>| {
        text.with(|text| {
            // The first run only reads the draft; saving starts with the first edit.
            if previous.is_some() {
                let ok = local_storage().is_some_and(|storage| storage.set_item(key, text).is_ok());
                set_saved.set(ok);
            }
        });
    });
    Draft {
        text,
        saved: saved.into(),
    }
}

/// A draft kept in memory only: an embedded page never writes over the visitor's own draft.
pub fn memory_draft(text: String) -> Draft {
    Draft {
        text: RwSignal::new(text),
        saved: Signal::derive(|| true),
    }
}

/// A small setting kept in `localStorage`, or `None`.
pub fn setting(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Keeps a small setting; a refusal only means it is not remembered.
pub fn keep_setting(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, value);
    }
}

/// The page's `localStorage`, or `None` when the browser refuses it.
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
