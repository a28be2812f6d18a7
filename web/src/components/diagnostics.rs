//! The list of problems found in the manifest.

use leptos::prelude::*;
use pod_model::{Parsed, Severity};

/// Every diagnostic, each with its line and column, or a note that the manifest reads well.
#[component]
pub fn DiagnosticList(
    /// The parse result whose diagnostics are listed.
    #[prop(into)]
    parsed: Signal<Parsed>,
) -> impl IntoView {
    let items = move || {
        parsed.with(|parsed| {
            parsed
                .diagnostics
                .iter()
                .map(|diagnostic| {
                    let severity = match diagnostic.severity {
                        Severity::Error => "error",
                        Severity::Warning => "warning",
                        Severity::Note => "info",
                    };
                    let hint = diagnostic.hint.clone().map(|hint| {
                        view! { <span class="hint" data-testid="hint">{hint}</span> }
                    });
                    let at = diagnostic.span.start;
                    view! {
                        <li class=format!("diagnostic {severity}") data-testid="diagnostic">
                            <span class="location">{format!("Line {}, column {}", at.line, at.column)}</span>
                            ": "
                            <span class="message">{diagnostic.message()}</span>
                            {hint}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="diagnostics" data-testid="diagnostics" aria-live="polite">
            <Show
                when=move || parsed.with(|parsed| !parsed.diagnostics.is_empty())
                fallback=|| view! { <p class="ok" data-testid="no-problems">"No problems found."</p> }
            >
                <ul>{items}</ul>
            </Show>
        </div>
    }
}
