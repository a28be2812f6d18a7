//! The kubectl console: a command line whose answers come from `pod_model::kubectl::console` at
//! the stepper's instant, with history on ↑ and ↓.

use leptos::prelude::*;
use pod_model::kubectl::console::Reply;

/// The most commands kept on screen.
const MAX_ENTRIES: usize = 50;

/// A command line and what kubectl printed for each command.
#[component]
pub fn Console(
    /// Runs a command line and returns kubectl's answer (and makes its action happen).
    run: Callback<String, Reply>,
) -> impl IntoView {
    let entries = RwSignal::new(Vec::<(String, Reply)>::new());
    let line = RwSignal::new(String::new());
    // The position in the history while ↑ and ↓ walk it; `None` when editing a new line.
    let recalled = RwSignal::new(None::<usize>);
    let submit = move || {
        let command = line.get_untracked();
        if command.trim().is_empty() {
            return;
        }
        let reply = run.run(command.clone());
        entries.update(|entries| {
            entries.push((command, reply));
            if entries.len() > MAX_ENTRIES {
                entries.remove(0);
            }
        });
        line.set(String::new());
        recalled.set(None);
    };
    let recall = move |older: bool| {
        let count = entries.with_untracked(Vec::len);
        if count == 0 {
            return;
        }
        let next = match (recalled.get_untracked(), older) {
            (None, true) => Some(count - 1),
            (None, false) => None,
            (Some(at), true) => Some(at.saturating_sub(1)),
            (Some(at), false) if at + 1 < count => Some(at + 1),
            (Some(_), false) => None,
        };
        recalled.set(next);
        let text = next
            .and_then(|at| entries.with_untracked(|entries| entries.get(at).map(|e| e.0.clone())))
            .unwrap_or_default();
        line.set(text);
    };
    view! {
        <div class="console">
            <pre class="console-output" data-testid="console-output" aria-live="polite">
                {move || {
                    entries
                        .get()
                        .into_iter()
                        .map(|(command, reply)| {
                            let class = if reply.error { "console-reply error" } else { "console-reply" };
                            view! {
                                <span class="console-command">{format!("$ {command}\n")}</span>
                                <span class=class>{reply.text.clone()}{(!reply.text.ends_with('\n')).then_some("\n")}</span>
                            }
                        })
                        .collect_view()
                }}
            </pre>
            <label class="console-prompt">
                <span aria-hidden="true">"$ "</span>
                <input
                    data-testid="console-input"
                    aria-label="kubectl command"
                    placeholder="kubectl get pods"
                    spellcheck="false"
                    autocomplete="off"
                    autocapitalize="off"
                    prop:value=move || line.get()
                    on:input=move |event| line.set(event_target_value(&event))
                    on:keydown=move |event| match event.key().as_str() {
                        "Enter" => {
                            event.prevent_default();
                            submit();
                        }
                        "ArrowUp" => {
                            event.prevent_default();
                            recall(true);
                        }
                        "ArrowDown" => {
                            event.prevent_default();
                            recall(false);
                        }
                        _ => {}
                    }
                />
            </label>
        </div>
    }
}
