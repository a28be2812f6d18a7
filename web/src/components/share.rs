//! The "Copy link" control: the link to the playground's state, with its length.

use leptos::prelude::*;

/// A button that makes the link, and the link with its length once made.
#[component]
pub fn ShareLink(
    /// Called to make the link; returns the whole URL.
    make_link: Callback<(), String>,
) -> impl IntoView {
    let link = RwSignal::new(None::<String>);
    view! {
        <div class="share">
            <button data-testid="copy-link" on:click=move |_| link.set(Some(make_link.run(())))>
                "Copy link"
            </button>
            {move || {
                link.get()
                    .map(|link| {
                        let length = link.chars().count();
                        view! {
                            <input class="share-link" data-testid="share-link" readonly prop:value=link.clone() aria-label="Link to this playground" />
                            <span class="share-length" data-testid="share-length">{format!("{length} characters")}</span>
                        }
                    })
            }}
        </div>
    }
}
