//! Podplay in the browser. This crate only wires signals to `pod-model` functions: the text
//! signal feeds `parse`, whose result feeds the summary, the diagram layout and the timeline.
//! It holds no Kubernetes rule of its own.

pub mod components;
mod share;
mod storage;

use leptos::prelude::*;
use pod_model::diagram::flow;
use pod_model::kubectl_console;
use pod_model::scenario::{self as scenarios, Action, Scenario, What};
use pod_model::share_link::{self, SharedState};
use pod_model::timeline::{self, Cursor};
use pod_model::{diagram, gallery, simulator, topology};

use crate::components::{
    Console, DiagnosticList, Editor, Faults, Gallery, PodSummary, SceneView, ShareLink, Stepper,
};

/// The `localStorage` key of the editor's draft; the suffix is the draft format's version.
pub const DRAFT_KEY: &str = "podplay.draft.v1";

/// The `localStorage` key of the draft an example replaced.
pub const KEPT_KEY: &str = "podplay.kept-draft.v1";

/// The whole playground: editor, Pod summary and diagram, and the lifecycle stepper.
#[component]
pub fn App() -> impl IntoView {
    let draft = storage::use_local_storage_draft(storage::DraftOptions {
        key: DRAFT_KEY,
        default: gallery::SIDECAR_LOGGING.manifest,
    });
    let text = draft.text;
    // Loading an example never loses the user's own text: it is kept aside, and can come back.
    let kept = storage::use_local_storage_draft(storage::DraftOptions {
        key: KEPT_KEY,
        default: "",
    })
    .text;
    // A share link in the URL replaces the text (keeping the user's own draft aside), the
    // scenario and the step.
    let scenario = RwSignal::new(Scenario::default());
    let requested = RwSignal::new(Cursor::START);
    let link_error = RwSignal::new(None::<String>);
    let opened = share::fragment();
    if !opened.is_empty() {
        match share_link::decode(&opened) {
            Ok(state) => {
                let current = text.get_untracked();
                if gallery::is_own_draft(&current) && current != state.scenario.manifest {
                    kept.set(current);
                }
                text.set(state.scenario.manifest.clone());
                scenario.set(Scenario {
                    manifest: String::new(),
                    ..state.scenario
                });
                requested.set(Cursor::from_index(state.step));
            }
            Err(error) => link_error.set(Some(error)),
        }
    }
    let make_link = Callback::new(move |()| {
        let state = SharedState {
            scenario: Scenario {
                manifest: text.get_untracked(),
                ..scenario.get_untracked()
            },
            step: requested.get_untracked().index(),
            panels: Vec::new(),
        };
        let link = share::set_fragment(&share_link::encode(&state));
        share::copy(&link);
        link
    });
    let on_load = Callback::new(move |id: &'static str| {
        let Some(example) = gallery::by_id(id) else {
            return;
        };
        let current = text.get_untracked();
        if gallery::is_own_draft(&current) {
            kept.set(current);
        }
        text.set(example.manifest.to_owned());
    });
    let on_restore = Callback::new(move |()| {
        let draft = kept.get_untracked();
        let current = text.get_untracked();
        // The example (or an edit of it) takes the kept place, so nothing is lost either way.
        kept.set(if gallery::is_own_draft(&current) {
            current
        } else {
            String::new()
        });
        text.set(draft);
    });
    let parsed = Memo::new(move |_| text.with(|text| pod_model::parse(text)));
    // Only a Pod the API server would accept has a lifecycle; any Pod can be drawn.
    let simulation = Memo::new(move |_| {
        parsed.with(|parsed| {
            parsed
                .accepted_pod()
                .map(|pod| scenario.with(|scenario| simulator::simulate(pod, scenario)))
        })
    });
    let timeline = Memo::new(move |_| {
        parsed.with(|parsed| {
            let pod = parsed.accepted_pod()?;
            simulation.with(|simulation| {
                simulation
                    .as_ref()
                    .map(|simulation| timeline::from_simulation(pod, simulation))
            })
        })
    });
    // Any Pod can be drawn; an accepted one is drawn with what its simulation knows.
    let layout = Memo::new(move |_| {
        parsed.with(|parsed| {
            let pod = parsed.accepted_pod().or(parsed.pod.as_ref())?;
            let topology =
                simulation.with(|simulation| topology::analyze(pod, simulation.as_ref()));
            Some(diagram::layout_topology(topology))
        })
    });
    // The requested position, and the position within the current timeline, which may be shorter.
    let cursor = Memo::new(move |_| {
        timeline.with(|timeline| match timeline {
            Some(timeline) => Cursor::at(requested.get().index(), timeline),
            None => Cursor::START,
        })
    });
    let step = Signal::derive(move || {
        timeline.with(|timeline| {
            timeline
                .as_ref()
                .map(|timeline| timeline.step(cursor.get()).clone())
        })
    });
    // The diagrams follow the stepper: each container in its state at the current step.
    let pod_scene = Signal::derive(move || {
        layout.with(|layout| {
            let layout = layout.as_ref()?;
            step.with(|step| Some(diagram::scene(layout, step.as_ref().map(|step| &step.look))))
        })
    });
    let flow_scene = Signal::derive(move || {
        step.with(|step| step.as_ref().map(|step| flow::flow_scene(Some(step.flow))))
    });
    // A console command runs at the step on screen; a change it makes is a scenario action
    // there, and the timeline follows.
    let run_command = Callback::new(move |line: String| {
        let at = step.with_untracked(|step| step.as_ref().map(|step| step.at).unwrap_or_default());
        let reply = parsed.with_untracked(|parsed| {
            scenario.with_untracked(|scenario| kubectl_console::run(&line, parsed, scenario, at))
        });
        if let Some(action) = reply.action.clone() {
            scenario.update(|scenario| scenario.actions.push(action));
        }
        reply
    });
    // Fault injection: an action at the step on screen, listed and removable.
    let container_names = Memo::new(move |_| {
        parsed.with(|parsed| {
            parsed
                .pod
                .as_ref()
                .map(|pod| pod.all_containers().map(|(_, c)| c.name.clone()).collect())
                .unwrap_or_default()
        })
    });
    let actions = Signal::derive(move || scenario.with(|scenario| scenario.actions.clone()));
    let on_add_fault = Callback::new(move |what: What| {
        let at = step.with_untracked(|step| step.as_ref().map(|step| step.at).unwrap_or_default());
        scenario.update(|scenario| {
            if scenario.actions.len() < scenarios::MAX_ACTIONS {
                scenario.actions.push(Action { at, what });
            }
        });
    });
    let on_remove_fault = Callback::new(move |index: usize| {
        scenario.update(|scenario| {
            if index < scenario.actions.len() {
                scenario.actions.remove(index);
            }
        });
    });
    let on_input = Callback::new(move |new_text: String| text.set(new_text));
    let on_move = Callback::new(move |to: Cursor| requested.set(to));

    view! {
        <header class="app-header">
            <h1>"Podplay"</h1>
            <p class="tagline">"A Kubernetes Pod playground: paste a manifest, step through its life."</p>
        </header>
        <main class="panels">
            <section class="panel editor-panel" aria-labelledby="editor-heading">
                <h2 id="editor-heading">"Manifest"</h2>
                <Gallery text=text kept=kept on_load=on_load on_restore=on_restore />
                <Editor text=text on_input=on_input />
                <Show when=move || !draft.saved.get()>
                    <p class="note" data-testid="storage-note">
                        "This browser does not let the page store data, so your draft is not kept after a reload."
                    </p>
                </Show>
                <DiagnosticList parsed=parsed />
            </section>
            <section class="panel pod-panel" aria-labelledby="pod-heading">
                <h2 id="pod-heading">"Pod"</h2>
                <PodSummary parsed=parsed />
                <SceneView scene=pod_scene kind="pod-diagram" />
            </section>
            <section class="panel lifecycle-panel" aria-labelledby="lifecycle-heading">
                <h2 id="lifecycle-heading">"Lifecycle"</h2>
                <Stepper timeline=timeline cursor=cursor on_move=on_move />
                <h3 class="faults-heading">"Faults and actions"</h3>
                <Faults containers=container_names actions=actions on_add=on_add_fault on_remove=on_remove_fault />
                <h3 class="console-heading">"kubectl"</h3>
                <Console run=run_command />
                <ShareLink make_link=make_link error=link_error />
                <h3 class="flow-heading-title">"Control plane"</h3>
                <SceneView scene=flow_scene kind="flow-diagram" />
            </section>
        </main>
    }
}
