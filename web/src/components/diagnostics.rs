//! The list of problems found in the manifest: errors (what the API server refuses) first, then
//! best-practice warnings and notes under "8 suggestions", each with its line, column and
//! suggested fix. On a gallery example or in an embed the suggestions start folded: there they
//! are not the reader's to fix, and a newcomer would read them as "the example is wrong".

use leptos::prelude::*;
use pod_model::{Diagnostic, Severity, Span};

/// Where the model thread's checks of the text on screen are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Checks {
    /// They are in the list.
    Done,
    /// They are being made.
    Pending,
    /// They cannot be made: the model thread is not running.
    Unavailable,
}

/// The verdict, then every diagnostic with its position and fix.
#[component]
pub fn DiagnosticList(
    /// The diagnostics to list.
    #[prop(into)]
    diagnostics: Signal<Vec<Diagnostic>>,
    /// True when the text holds a Pod (with or without errors).
    #[prop(into)]
    has_pod: Signal<bool>,
    /// Called with a diagnostic's range when the user picks it, to show it in the editor.
    on_jump: Callback<Span>,
    /// True when the suggestions (warnings and notes) start folded.
    #[prop(into)]
    fold_suggestions: Signal<bool>,
    /// Where the model thread's checks of the text are (the API server's validation and the
    /// best-practice warnings): until they come, no list of the text says it has no errors.
    #[prop(into)]
    checks: Signal<Checks>,
) -> impl IntoView {
    let list = move |wanted: Severity| {
        diagnostics.with(|diagnostics| {
            diagnostics
                .iter()
                .filter(|diagnostic| diagnostic.severity == wanted)
                .map(|diagnostic| item(diagnostic, on_jump))
                .collect_view()
        })
    };
    let suggestions = move || {
        diagnostics.with(|diagnostics| diagnostics.iter().filter(|d| !d.is_error()).count())
    };
    let verdict = move || {
        diagnostics.with(|diagnostics| {
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            let warnings = diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Warning)
                .count();
            match (errors, has_pod.get()) {
                (0, _) if checks.get() == Checks::Pending => view! {
                    <p class="checking" data-testid="checking">
                        "Checking the manifest as the API server would…"
                    </p>
                }
                .into_any(),
                (0, _) if checks.get() == Checks::Unavailable => view! {
                    <p class="unchecked" data-testid="unchecked">
                        "Not checked yet: the API server's checks run on the page's model thread, which is not running (see Retry)."
                    </p>
                }
                .into_any(),
                (0, true) => view! {
                    <p class="ok" data-testid="no-problems">
                        {format!(
                            "No errors: the API server would accept this Pod.{}",
                            match warnings {
                                0 => String::new(),
                                1 => " One suggestion below.".to_owned(),
                                n => format!(" {n} suggestions below."),
                            }
                        )}
                    </p>
                }
                .into_any(),
                (0, false) => view! {
                    <p class="ok" data-testid="no-problems">"No errors."</p>
                }
                .into_any(),
                (n, _) => view! {
                    <p class="refused" data-testid="verdict">
                        {if n == 1 {
                            "The API server would refuse this manifest: 1 error.".to_owned()
                        } else {
                            format!("The API server would refuse this manifest: {n} errors.")
                        }}
                    </p>
                }
                .into_any(),
            }
        })
    };
    view! {
        <div class="diagnostics" data-testid="diagnostics" aria-live="polite">
            {verdict}
            <ul class="errors">{move || list(Severity::Error)}</ul>
            <details
                class="suggestions"
                data-testid="suggestions"
                class:hidden=move || suggestions() == 0
                prop:open=move || !fold_suggestions.get()
            >
                <summary>
                    {move || match suggestions() {
                        1 => "1 suggestion".to_owned(),
                        count => format!("{count} suggestions"),
                    }}
                </summary>
                <ul class="warnings">{move || list(Severity::Warning)}</ul>
                <ul class="notes">{move || list(Severity::Note)}</ul>
            </details>
        </div>
    }
}

/// One diagnostic. Errors carry the test id `diagnostic`, warnings `warning`, notes `note`.
fn item(diagnostic: &Diagnostic, on_jump: Callback<Span>) -> impl IntoView + use<> {
    let (class, test_id) = match diagnostic.severity {
        Severity::Error => ("error", "diagnostic"),
        Severity::Warning => ("warning", "warning"),
        Severity::Note => ("info", "note"),
    };
    let hint = diagnostic
        .hint
        .clone()
        .map(|hint| view! { <span class="hint" data-testid="hint"><b>"Fix: "</b>{hint}</span> });
    let span = diagnostic.span;
    let at = span.start;
    view! {
        <li class=format!("diagnostic {class}") data-testid=test_id>
            <button
                class="location"
                data-testid="jump"
                title="Show this place in the editor"
                on:click=move |_| on_jump.run(span)
            >
                {format!("Line {}, column {}", at.line, at.column)}
            </button>
            ": "
            <span class="message">{diagnostic.message()}</span>
            {hint}
        </li>
    }
}
