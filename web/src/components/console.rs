//! The kubectl console: a command line whose answers come from `pod_model::kubectl::console` at
//! the stepper's instant (worked out on the model thread, so they arrive a moment later), with
//! history on ↑ and ↓. The output follows its newest answer unless the reader scrolled up, and
//! `clear` empties it, as in a terminal. `logs -f` and `get -w` follow the stepper: their
//! answer is asked again at each step, until the next command. After `kubectl exec -it POD --
//! sh` the lines go to that shell, after its prompt, until `exit` (static/shell.js types it for
//! Ctrl-D on an empty line).

use leptos::html;
use leptos::prelude::*;
use pod_model::kubectl::console::Reply;
use pod_model::kubectl::exec::ShellHandle;

/// The most commands kept on screen.
const MAX_ENTRIES: usize = 50;

/// The prompt of kubectl's own command line.
const KUBECTL_PROMPT: &str = "$ ";

/// One command typed, and kubectl's (or the shell's) answer once it has come.
#[derive(Clone)]
struct Entry {
    /// Its number, to match a late answer.
    number: u64,
    /// What was typed.
    command: String,
    /// The prompt it was typed after.
    prompt: String,
    /// The answer.
    reply: Option<Reply>,
}

/// A command line to run, with the shell it goes to (none: kubectl), and what to call with the
/// answer.
pub type ConsoleRun = (String, Option<String>, Callback<Reply>);

/// The command line of entry `number`.
fn command_for(number: u64, entries: &RwSignal<Vec<Entry>>) -> String {
    entries.with_untracked(|entries| {
        entries
            .iter()
            .find(|entry| entry.number == number)
            .map(|entry| entry.command.clone())
            .unwrap_or_default()
    })
}

/// A command line and what kubectl printed for each command.
#[component]
pub fn Console(
    /// Runs a command line (in the open shell, if one is), and calls back with the answer (and
    /// makes its action happen).
    run: Callback<ConsoleRun>,
    /// The stepper's instant, in milliseconds: a following command is asked again when it moves.
    #[prop(into)]
    instant: Signal<u64>,
    /// The command line being typed; others may write a command there for the reader to
    /// finish.
    line: RwSignal<String>,
) -> impl IntoView {
    // Each command, with kubectl's answer once it has come, by a number of its own.
    let entries = RwSignal::new(Vec::<Entry>::new());
    // The interactive shell open, if one is.
    let shell = RwSignal::new(None::<ShellHandle>);
    let numbered = StoredValue::new(0_u64);
    let output = NodeRef::<html::Pre>::new();
    // True while the reader is at the end of the output: new answers then scroll into view.
    let following = StoredValue::new(true);
    // Where the console itself last scrolled the output to, so that its own scrolling is not
    // taken for the reader's.
    let scrolled_to = StoredValue::new(None::<i32>);
    Effect::new(move |_| {
        entries.track();
        if !following.get_value() {
            return;
        }
        // After the answer is laid out.
        request_animation_frame(move || {
            if let Some(output) = output.get_untracked()
                && following.get_value()
            {
                let end = output.scroll_height() - output.client_height();
                output.set_scroll_top(end);
                scrolled_to.set_value(Some(output.scroll_top()));
            }
        });
    });
    let on_scroll = move |_| {
        if let Some(output) = output.get_untracked() {
            if scrolled_to.get_value() == Some(output.scroll_top()) {
                return;
            }
            let end = output.scroll_top() + output.client_height();
            following.set_value(end >= output.scroll_height() - 4);
        }
    };
    // Every command typed, for ↑ and ↓ (`clear` empties the output, not this).
    let history = StoredValue::new(Vec::<String>::new());
    // The position in the history while ↑ and ↓ walk it; `None` when editing a new line.
    let recalled = RwSignal::new(None::<usize>);
    // The command that follows the stepper (`logs -f`, `get -w`), by its entry's number.
    let followed = StoredValue::new(None::<u64>);
    // Asks for entry `number`'s answer (again), from the shell whose state is `in_shell` if
    // it went to one; a following answer keeps it followed.
    let ask = move |number: u64, in_shell: Option<String>| {
        let answered = Callback::new(move |reply: Reply| {
            if reply.follow && numbered.get_value() == number {
                followed.set_value(Some(number));
            }
            // The newest answer says whether a shell is open after it.
            if numbered.get_value() == number {
                shell.set(reply.shell.clone());
            }
            entries.update(|entries| {
                if let Some(entry) = entries.iter_mut().find(|entry| entry.number == number) {
                    entry.reply = Some(reply);
                }
            });
        });
        run.run((command_for(number, &entries), in_shell, answered));
    };
    Effect::new(move |previous: Option<u64>| {
        let now = instant.get();
        if previous.is_some_and(|previous| previous != now)
            && let Some(number) = followed.get_value()
        {
            ask(number, None);
        }
        now
    });
    let submit_command = move |command: String| {
        let open = shell.get_untracked();
        if command.trim().is_empty() && open.is_none() {
            return;
        }
        // A new command ends the one that followed, as Ctrl-C would.
        followed.set_value(None);
        history.update_value(|history| {
            if command.trim().is_empty() {
                return;
            }
            history.push(command.clone());
            if history.len() > MAX_ENTRIES {
                history.remove(0);
            }
        });
        // The terminal's own command: the output goes, the history stays for ↑.
        if command.trim() == "clear" && open.is_none() {
            // A late answer to a cleared command must not follow the stepper again.
            numbered.set_value(numbered.get_value() + 1);
            entries.set(Vec::new());
            following.set_value(true);
            line.set(String::new());
            recalled.set(None);
            return;
        }
        let number = numbered.get_value() + 1;
        numbered.set_value(number);
        let (prompt, in_shell) = match open {
            Some(open) => (open.prompt, Some(open.state)),
            None => (KUBECTL_PROMPT.to_owned(), None),
        };
        entries.update(|entries| {
            entries.push(Entry {
                number,
                command: command.clone(),
                prompt,
                reply: None,
            });
            if entries.len() > MAX_ENTRIES {
                entries.remove(0);
            }
        });
        ask(number, in_shell);
        line.set(String::new());
        recalled.set(None);
    };
    let submit = move || submit_command(line.get_untracked());
    let prompt = move || {
        shell.with(|open| {
            open.as_ref()
                .map_or_else(|| KUBECTL_PROMPT.to_owned(), |open| open.prompt.clone())
        })
    };
    let recall = move |older: bool| {
        let count = history.with_value(Vec::len);
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
            .and_then(|at| history.with_value(|history| history.get(at).cloned()))
            .unwrap_or_default();
        line.set(text);
    };
    view! {
        <div class="console">
            <pre class="console-output" data-testid="console-output" aria-live="polite" node_ref=output on:scroll=on_scroll>
                {move || {
                    entries
                        .get()
                        .into_iter()
                        .map(|Entry { command, prompt, reply, .. }| {
                            let reply = reply.map(|reply| {
                                let class = if reply.error { "console-reply error" } else { "console-reply" };
                                let end = (!reply.text.is_empty() && !reply.text.ends_with('\n')).then_some("\n");
                                let follows = reply.follow.then_some(view! {
                                    <span class="console-follow">"(following the stepper; the next command stops it)\n"</span>
                                });
                                view! { <span class=class>{reply.text}{end}</span>{follows} }
                            });
                            view! {
                                <span class="console-command">{format!("{prompt}{command}\n")}</span>
                                {reply}
                            }
                        })
                        .collect_view()
                }}
            </pre>
            <label class="console-prompt">
                <span aria-hidden="true" data-testid="console-prompt">{prompt}</span>
                <input
                    data-testid="console-input"
                    aria-label="command line"
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
