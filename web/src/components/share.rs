//! The "Copy link" control: the link to the playground's state, with its length.

use leptos::prelude::*;

/// A button that makes the link, and the link with its length once made.
#[component]
pub fn ShareLink(
    /// Called to make the link; it calls back with the whole URL, or with an error message.
    make_link: Callback<Callback<Result<String, String>>>,
) -> impl IntoView {
    let link = RwSignal::new(None::<String>);
    let copied = RwSignal::new(None::<bool>);
    let failure = RwSignal::new(None::<String>);
    view! {
        <div class="share">
            <button data-testid="copy-link" on:click=move |_| {
                copied.set(None);
                make_link.run(Callback::new(move |made: Result<String, String>| match made {
                    Ok(made) => {
                        failure.set(None);
                        crate::share::copy(&made, move |ok| copied.set(Some(ok)));
                        link.set(Some(made));
                    }
                    Err(error) => failure.set(Some(error)),
                }));
            }>
                "Copy link"
            </button>
            {move || {
                link.get()
                    .map(|link| {
                        let length = link.chars().count();
                        view! {
                            <input class="share-link" data-testid="share-link" readonly prop:value=link.clone() aria-label="Link to this playground" />
                            <span class="share-length" data-testid="share-length">{format!("{length} characters")}</span>
                            <CopyStatus copied=copied />
                        }
                    })
            }}
            {move || failure.get().map(|error| view! {
                <span class="copy-status" role="alert" data-testid="share-error">{format!("The link could not be made: {error}.")}</span>
            })}
        </div>
    }
}

/// Says whether a copy to the clipboard worked, for a screen reader too.
#[component]
pub fn CopyStatus(
    /// Whether the last copy worked; `None` before one is done.
    #[prop(into)]
    copied: Signal<Option<bool>>,
) -> impl IntoView {
    view! {
        <span class="copy-status" role="status" data-testid="copy-status">
            {move || match copied.get() {
                Some(true) => "Copied to the clipboard.",
                Some(false) => "The browser did not allow copying: select the text and copy it.",
                None => "",
            }}
        </span>
    }
}
