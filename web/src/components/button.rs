//! A button that runs a callback. The page's buttons are built here, their handlers behind a
//! `Callback`, so its code holds one kind of button however many there are: the first load is
//! counted in bytes, and each differently typed button adds to it.

use leptos::prelude::*;

/// A button with test id `testid`, text `label`, the CSS class `class`, a tooltip when `title`
/// is given, disabled while `disabled` holds, running `run` when pressed.
pub fn action_button(
    testid: &'static str,
    label: &'static str,
    class: &'static str,
    title: Option<String>,
    disabled: Signal<bool>,
    run: Callback<()>,
) -> AnyView {
    view! {
        <button class=class data-testid=testid title=title prop:disabled=move || disabled.get()
            on:click=move |_| run.run(())>{label}</button>
    }
    .into_any()
}
