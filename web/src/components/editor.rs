//! The manifest editor.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// A plain-text editor for the manifest. Tab inserts two spaces (YAML has no tabs), through the
/// browser's own editing so that undo and redo keep working; after Escape, Tab moves the focus
/// on, so the keyboard never traps it.
#[component]
pub fn Editor(
    /// The text to show.
    #[prop(into)]
    text: Signal<String>,
    /// Called with the whole new text after every edit.
    on_input: Callback<String>,
) -> impl IntoView {
    let escaped = RwSignal::new(false);
    let on_keydown = move |event: leptos::ev::KeyboardEvent| match event.key().as_str() {
        "Escape" => escaped.set(true),
        "Tab" if !escaped.get_untracked() && !event.shift_key() => {
            if insert_text("  ") {
                event.prevent_default();
            }
        }
        _ => escaped.set(false),
    };
    view! {
        <textarea
            class="editor"
            data-testid="editor"
            aria-label="Pod manifest (YAML or JSON). Tab inserts two spaces; press Escape, then Tab, to leave."
            spellcheck="false"
            autocomplete="off"
            autocapitalize="off"
            wrap="off"
            prop:value=move || text.get()
            on:input=move |event| on_input.run(event_target_value(&event))
            on:keydown=on_keydown
            on:blur=move |_| escaped.set(false)
        ></textarea>
    }
}

/// Types `text` at the caret of the focused field as the browser's own edit (undoable), and
/// tells whether the browser did it.
fn insert_text(text: &str) -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.dyn_into::<web_sys::HtmlDocument>().ok())
        .and_then(|document| {
            document
                .exec_command_with_show_ui_and_value("insertText", false, text)
                .ok()
        })
        .unwrap_or(false)
}
