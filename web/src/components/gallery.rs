//! The examples gallery: load a seed example into the editor without losing the user's draft.
//! The examples come from the model thread a moment after the page shows (they are not in the
//! page's own code).

use leptos::prelude::*;
use pod_model::playground::gallery;

/// A picker of the gallery's examples, the lesson of the example in the editor, and a button
/// that brings back the draft an example replaced.
#[component]
pub fn Gallery(
    /// The examples, once the model thread has sent them.
    #[prop(into)]
    examples: Signal<Option<Vec<gallery::Entry>>>,
    /// The editor's text.
    #[prop(into)]
    text: Signal<String>,
    /// The draft kept aside when an example replaced it ("" for none).
    #[prop(into)]
    kept: Signal<String>,
    /// Called with the example's id to load it.
    on_load: Callback<String>,
    /// Called to bring the kept draft back.
    on_restore: Callback<()>,
) -> impl IntoView {
    let options = move || {
        examples.with(|examples| {
            let Some(examples) = examples else {
                return view! { <option value="" disabled=true>"Loading the examples…"</option> }
                    .into_any();
            };
            gallery::Group::ALL
                .iter()
                .map(|group| {
                    let entries = examples
                        .iter()
                        .filter(|example| example.group == *group)
                        .map(|example| {
                            view! { <option value=example.id.clone()>{example.title.clone()}</option> }
                        })
                        .collect_view();
                    view! { <optgroup label=group.title()>{entries}</optgroup> }
                })
                .collect_view()
                .into_any()
        })
    };
    // The example the text is, if it is one: looked up once per edit, and only among texts of an
    // example's fingerprint.
    let current = Memo::new(move |_| {
        text.with(|text| {
            if gallery::is_own_draft(text) {
                return None;
            }
            examples.with(|examples| {
                examples.as_ref().and_then(|examples| {
                    examples
                        .iter()
                        .find(|example| example.manifest == *text)
                        .cloned()
                })
            })
        })
    });
    let lesson = move || {
        current.get().map(|example| {
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
                        if !id.is_empty() {
                            on_load.run(id);
                        }
                    }
                    prop:value=move || current.with(|example| example.as_ref().map(|e| e.id.clone()).unwrap_or_default())
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
