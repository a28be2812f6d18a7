//! The manifest editor.

use leptos::prelude::*;

/// A plain-text editor for the manifest.
#[component]
pub fn Editor(
    /// The text to show.
    #[prop(into)]
    text: Signal<String>,
    /// Called with the whole new text after every edit.
    on_input: Callback<String>,
) -> impl IntoView {
    view! {
        <textarea
            class="editor"
            data-testid="editor"
            aria-label="Pod manifest (YAML or JSON)"
            spellcheck="false"
            autocomplete="off"
            autocapitalize="off"
            wrap="off"
            prop:value=move || text.get()
            on:input=move |event| on_input.run(event_target_value(&event))
        ></textarea>
    }
}
