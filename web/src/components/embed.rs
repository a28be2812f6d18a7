//! The "Embed" dialog: choose the panels, the starting step, read-only or editable and the
//! theme, and copy the iframe snippet for course material.

use leptos::prelude::*;
use pod_model::diagram::svg::Theme;
use pod_model::playground::embed::{self, Panel, ViewOptions};

use crate::browser;

/// A button that opens the dialog, and the dialog.
#[component]
pub fn EmbedDialog(
    /// Makes the share-link fragment of the current state, and calls back with it (or with an
    /// error message).
    fragment: Callback<Callback<Result<String, String>>>,
    /// A title for the iframe, for screen readers.
    #[prop(into)]
    title: Signal<String>,
    /// The panels shown now, the dialog's first choice.
    visible: RwSignal<Vec<Panel>>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let copied = RwSignal::new(None::<bool>);
    let panels = RwSignal::new(Vec::<Panel>::new());
    let read_only = RwSignal::new(true);
    let theme = RwSignal::new(Theme::Auto);
    let height = RwSignal::new(560_u32);
    // The fragment, once the model thread has made it.
    let state = RwSignal::new(None::<Result<String, String>>);
    let show = move |_| {
        panels.set(visible.get_untracked());
        state.set(None);
        fragment.run(Callback::new(move |made| state.set(Some(made))));
        open.set(true);
    };
    let snippet = move || -> Option<String> {
        let fragment = state.with(|state| state.clone().and_then(Result::ok))?;
        let options = ViewOptions {
            embed: true,
            panels: panels.get(),
            step: None,
            read_only: read_only.get(),
            theme: theme.get(),
        };
        embed::iframe_snippet(
            &browser::page_address(),
            &options,
            &fragment,
            &title.get(),
            height.get(),
        )
        .into()
    };
    view! {
        <button data-testid="embed" aria-haspopup="dialog" on:click=show>"Embed"</button>
        <Show when=move || open.get()>
            <div class="dialog-backdrop" on:click=move |_| open.set(false)></div>
            <div
                class="dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby="embed-title"
                data-testid="embed-dialog"
                on:keydown=move |event| {
                    if event.key() == "Escape" {
                        open.set(false);
                    }
                }
            >
                <h2 id="embed-title">"Embed this playground"</h2>
                <p>"Paste this into your course page. The iframe shows the manifest, its scenario and the step on screen now."</p>
                <fieldset>
                    <legend>"Panels"</legend>
                    {Panel::ALL
                        .into_iter()
                        .map(|panel| view! {
                            <label>
                                <input
                                    type="checkbox"
                                    data-testid=format!("embed-panel-{}", panel.as_str())
                                    prop:checked=move || panels.with(|p| p.contains(&panel))
                                    on:change=move |_| panels.update(|p| {
                                        if p.contains(&panel) {
                                            p.retain(|x| *x != panel);
                                        } else {
                                            p.push(panel);
                                            p.sort();
                                        }
                                    })
                                />
                                {panel.title()}
                            </label>
                        })
                        .collect_view()}
                </fieldset>
                <label>
                    <input type="checkbox" data-testid="embed-readonly" prop:checked=move || read_only.get() on:change=move |_| read_only.update(|r| *r = !*r) />
                    "Read-only"
                </label>
                <label>
                    "Theme "
                    <select on:change=move |event| {
                        if let Some(chosen) = Theme::from_name(&event_target_value(&event)) {
                            theme.set(chosen);
                        }
                    }>
                        <option value="auto">"Follow the reader's system"</option>
                        <option value="light">"Light"</option>
                        <option value="dark">"Dark"</option>
                    </select>
                </label>
                <label>
                    "Height "
                    <input type="number" min="240" max="2000" step="20" prop:value=move || height.get().to_string()
                        on:change=move |event| {
                            if let Ok(value) = event_target_value(&event).parse::<u32>() {
                                height.set(value.clamp(240, 2000));
                            }
                        } />
                    " px"
                </label>
                {move || match state.get() {
                    Some(Ok(_)) => view! {
                        <textarea class="snippet" data-testid="embed-snippet" readonly aria-label="Iframe snippet" prop:value=move || snippet().unwrap_or_default()></textarea>
                    }.into_any(),
                    Some(Err(error)) => view! {
                        <p class="snippet-pending" role="alert" data-testid="embed-error">{format!("The snippet could not be made: {error}.")}</p>
                    }.into_any(),
                    None => view! { <p class="snippet-pending">"Making the snippet…"</p> }.into_any(),
                }}
                <div class="dialog-actions">
                    <button data-testid="copy-snippet" disabled=move || snippet().is_none() on:click=move |_| {
                        copied.set(None);
                        if let Some(snippet) = snippet() {
                            crate::share::copy(&snippet, move |ok| copied.set(Some(ok)));
                        }
                    }>"Copy snippet"</button>
                    <super::share::CopyStatus copied=copied />
                    <button data-testid="close-embed" on:click=move |_| open.set(false)>"Close"</button>
                </div>
            </div>
        </Show>
    }
}
