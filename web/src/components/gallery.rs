//! The examples gallery: load a seed example into the editor without losing the user's draft.

use leptos::prelude::*;
use pod_model::playground::gallery;

/// A picker of the gallery's examples, the lesson of the example in the editor, and a button
/// that brings back the draft an example replaced.
#[component]
pub fn Gallery(
    /// The editor's text.
    #[prop(into)]
    text: Signal<String>,
    /// The draft kept aside when an example replaced it ("" for none).
    #[prop(into)]
    kept: Signal<String>,
    /// Called with the example's id to load it.
    on_load: Callback<&'static str>,
    /// Called to bring the kept draft back.
    on_restore: Callback<()>,
) -> impl IntoView {
    let options = gallery::Group::ALL
        .iter()
        .map(|group| {
            let examples = gallery::ALL
                .iter()
                .filter(|example| example.group == *group)
                .map(|example| view! { <option value=example.id>{example.title}</option> })
                .collect_view();
            view! { <optgroup label=group.title()>{examples}</optgroup> }
        })
        .collect_view();
    // The example the text is, if it is one: looked up once per edit.
    let current = Memo::new(move |_| text.with(|text| gallery::example_of(text).map(|e| e.id)));
    let lesson = move || {
        current.get().and_then(gallery::by_id).map(|example| {
            view! {
                <p class="lesson" data-testid="lesson">
                    <b>{example.title}": "</b>
                    {example.lesson}
                    " "
                    <span class="source">"("{example.source}")"</span>
                </p>
            }
        })
    };
    let can_restore = move || kept.with(|kept| !kept.is_empty() && text.with(|text| kept != text));
    view! {
        <div class="gallery">
            <label>
                "Examples "
                <select
                    data-testid="examples"
                    on:change=move |event| {
                        let id = event_target_value(&event);
                        if let Some(example) = gallery::by_id(&id) {
                            on_load.run(example.id);
                        }
                    }
                    prop:value=move || current.get().unwrap_or_default()
                >
                    <option value="">"Choose an example…"</option>
                    {options}
                </select>
            </label>
            <Show when=can_restore>
                <button data-testid="restore-draft" on:click=move |_| on_restore.run(())>
                    "Bring back your draft"
                </button>
            </Show>
            {lesson}
        </div>
    }
}
