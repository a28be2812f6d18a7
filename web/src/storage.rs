//! Browser storage glue: the editor's draft survives a reload.

use gloo_timers::callback::Timeout;
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

/// How long after the last keystroke the draft is written: typing writes once per pause, not
/// once per key (a write of the whole text takes longer than the rest of a keystroke).
const SAVE_DELAY_MS: u32 = 250;

/// Keeps the text in `localStorage`, starting from the stored draft or the default. The draft
/// is written a moment after each edit, and at once when the page is hidden or left (a reload,
/// a closed tab), so nothing typed is lost.
pub fn use_local_storage_draft(options: DraftOptions) -> Draft {
    let DraftOptions { key, default } = options;
    let stored = local_storage().and_then(|storage| storage.get_item(key).ok().flatten());
    let text = RwSignal::new(stored.unwrap_or_else(|| default.to_owned()));
    let (saved, set_saved) = signal(local_storage().is_some());
    let pending = StoredValue::new_local(None::<Timeout>);
    let save = move || {
        pending.set_value(None);
        let ok = text.with_untracked(|text| {
            local_storage().is_some_and(|storage| storage.set_item(key, text).is_ok())
        });
        set_saved.set(ok);
    };
    Effect::new(move |previous: Option<()>| {
        text.track();
        // The first run only reads the draft; saving starts with the first edit.
        if previous.is_some() {
            pending.set_value(Some(Timeout::new(SAVE_DELAY_MS, save)));
        }
    });
    let flush = move || {
        if pending.with_value(Option::is_some) {
            save();
        }
    };
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| flush());
    let on_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| flush());
    on_cleanup(move || {
        on_hide.remove();
        on_hidden.remove();
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
