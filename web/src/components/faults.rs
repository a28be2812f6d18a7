//! Fault injection: buttons that add scenario actions at the step on screen (crash a container,
//! push it over its memory limit, fail a probe or an image pull and make it work again, delete
//! the Pod and apply it again, create or delete a Service; the cluster view has the nodes'), the choice
//! to run the Pod as a static Pod (and remove its file), and the list of actions, each
//! removable.

use leptos::prelude::*;

use super::button::action_button;
use pod_model::cluster::scenario::{Action, ProbeKind, What};

/// A button that adds an action on the chosen container: its test id, its label, and the action.
type ContainerButton = (&'static str, &'static str, fn(String) -> What);

/// What can go wrong with a container.
const FAULTS: &[ContainerButton] = &[
    ("fault-kill", "Crash", |container| What::CrashContainer {
        container,
    }),
    ("fault-oom", "OOM", |container| What::ExceedMemory {
        container,
    }),
    ("fault-liveness", "Fail liveness", |container| {
        What::FailProbe {
            container,
            probe: ProbeKind::Liveness,
        }
    }),
    ("fault-readiness", "Fail readiness", |container| {
        What::FailProbe {
            container,
            probe: ProbeKind::Readiness,
        }
    }),
    ("fault-pull", "Fail image pull", |container| {
        What::FailImagePull { container }
    }),
];

/// What makes a container work again.
const REMEDIES: &[ContainerButton] = &[
    ("fault-pass-liveness", "Pass liveness", |container| {
        What::PassProbe {
            container,
            probe: ProbeKind::Liveness,
        }
    }),
    ("fault-pass-readiness", "Pass readiness", |container| {
        What::PassProbe {
            container,
            probe: ProbeKind::Readiness,
        }
    }),
    ("fault-fix-pull", "Fix image pull", |container| {
        What::FixImagePull { container }
    }),
];

/// The fault buttons and the scenario's actions.
#[component]
pub fn Faults(
    /// The Pod's container names, init containers first.
    #[prop(into)]
    containers: Signal<Vec<String>>,
    /// The scenario's actions, in the order they were added.
    #[prop(into)]
    actions: Signal<Vec<Action>>,
    /// Called with a new action's kind; it happens at the step on screen.
    on_add: Callback<What>,
    /// Called with the index of the action to remove.
    on_remove: Callback<usize>,
    /// True when the Pod runs as a static Pod, from a file on the node.
    #[prop(into)]
    static_pod: Signal<bool>,
    /// Called with the new choice of static Pod or not.
    on_static_pod: Callback<bool>,
) -> impl IntoView {
    let chosen = RwSignal::new(String::new());
    // The chosen container, or the first one when the choice is no longer in the Pod.
    let container = move || {
        containers.with(|names| {
            let chosen = chosen.get();
            if names.contains(&chosen) {
                chosen
            } else {
                names.first().cloned().unwrap_or_default()
            }
        })
    };
    let service = RwSignal::new("myservice".to_owned());
    let for_container = move |make: fn(String) -> What| {
        move |_| {
            let name = container();
            if !name.is_empty() {
                on_add.run(make(name));
            }
        }
    };
    let no_container = move || containers.with(Vec::is_empty);
    // One button per action on the chosen container, disabled while the Pod has none.
    let container_buttons = move |buttons: &'static [ContainerButton]| {
        buttons
            .iter()
            .map(|&(test_id, label, make)| {
                view! {
                    <button data-testid=test_id prop:disabled=no_container on:click=for_container(make)>
                        {label}
                    </button>
                }
            })
            .collect_view()
    };
    view! {
        <div class="faults" data-testid="faults">
            <div class="fault-row">
                <label>
                    "Container "
                    <select
                        data-testid="fault-container"
                        prop:value=container
                        on:change=move |event| chosen.set(event_target_value(&event))
                    >
                        {move || {
                            containers
                                .get()
                                .into_iter()
                                .map(|name| view! { <option value=name.clone()>{name.clone()}</option> })
                                .collect_view()
                        }}
                    </select>
                </label>
                {container_buttons(FAULTS)}
            </div>
            <div class="fault-row" role="group" aria-label="Make the chosen container work again">
                {container_buttons(REMEDIES)}
            </div>
            <div class="fault-row">
                {action_button("fault-delete", "Delete Pod", "", None, Signal::stored(false),
                    Callback::new(move |()| on_add.run(What::DeletePod { grace_period_seconds: None })))}
                {action_button("fault-apply", "Apply Pod", "", Some("kubectl apply -f -: once the Pod is gone, a new one is created".to_owned()),
                    Signal::stored(false), Callback::new(move |()| on_add.run(What::ApplyPod)))}
            </div>
            <div class="fault-row">
                <label title="The kubelet runs the manifest from /etc/kubernetes/manifests itself; the API server shows a mirror Pod">
                    <input
                        type="checkbox"
                        data-testid="static-pod"
                        prop:checked=move || static_pod.get()
                        on:change=move |event| on_static_pod.run(event_target_checked(&event))
                    />
                    " Static Pod (a file on the node)"
                </label>
                {action_button("fault-remove-manifest", "Remove manifest file", "", None,
                    Signal::derive(move || !static_pod.get()), Callback::new(move |()| on_add.run(What::RemoveStaticManifest)))}
            </div>
            <div class="fault-row">
                <label>
                    "Service "
                    <input
                        data-testid="service-name"
                        size="12"
                        prop:value=move || service.get()
                        on:input=move |event| service.set(event_target_value(&event))
                    />
                </label>
                {action_button("fault-create-service", "Create", "", None, Signal::stored(false),
                    Callback::new(move |()| on_add.run(What::CreateService { name: service.get_untracked() })))}
                {action_button("fault-delete-service", "Delete", "", None, Signal::stored(false),
                    Callback::new(move |()| on_add.run(What::DeleteService { name: service.get_untracked() })))}
            </div>
            <ActionList actions=actions on_remove=Some(on_remove) />
        </div>
    }
}

/// The scenario's actions, each with its instant; removable when `on_remove` is given (a
/// read-only embed lists them without).
#[component]
pub fn ActionList(
    /// The actions, in the order they were added.
    #[prop(into)]
    actions: Signal<Vec<Action>>,
    /// Called with the index of the action to remove.
    on_remove: Option<Callback<usize>>,
) -> impl IntoView {
    view! {
        <ol class="actions" data-testid="actions">
            {move || {
                actions
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(index, action)| {
                        let text = format!("t = {}: {}", action.at, action.what.describe());
                        let remove = on_remove.map(|on_remove| view! {
                            <button
                                class="remove"
                                data-testid="remove-action"
                                aria-label=format!("Remove: {text}")
                                on:click=move |_| on_remove.run(index)
                            >
                                "×"
                            </button>
                        });
                        view! {
                            <li data-testid="action">
                                <span>{text.clone()}</span>
                                {remove}
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ol>
    }
}
