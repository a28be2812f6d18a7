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
/// read-only embed lists them without). The list is built with the DOM's own calls, its remove
/// buttons sharing one click handler, as the cluster panel is: the page's first load is counted
/// in bytes. Every text goes into text nodes and attribute values.
#[component]
pub fn ActionList(
    /// The actions, in the order they were added.
    #[prop(into)]
    actions: Signal<Vec<Action>>,
    /// Called with the index of the action to remove.
    on_remove: Option<Callback<usize>>,
) -> impl IntoView {
    let holder = NodeRef::<leptos::html::Ol>::new();
    Effect::new(move |_| {
        actions.with(|actions| {
            let Some(list) = holder.get() else {
                return;
            };
            let Some(document) = list.owner_document() else {
                return;
            };
            list.set_text_content(None);
            for (index, action) in actions.iter().enumerate() {
                let text = format!("t = {}: {}", action.at, action.what.describe());
                let (Ok(item), Ok(span)) = (
                    document.create_element("li"),
                    document.create_element("span"),
                ) else {
                    return;
                };
                let _ = item.set_attribute("data-testid", "action");
                span.set_text_content(Some(&text));
                let _ = item.append_child(&span);
                if on_remove.is_some()
                    && let Ok(button) = document.create_element("button")
                {
                    button.set_class_name("remove");
                    let _ = button.set_attribute("data-testid", "remove-action");
                    let _ = button.set_attribute("data-index", &index.to_string());
                    let _ = button.set_attribute("aria-label", &format!("Remove: {text}"));
                    button.set_text_content(Some("×"));
                    let _ = item.append_child(&button);
                }
                let _ = list.append_child(&item);
            }
        });
    });
    let click = move |event: web_sys::MouseEvent| {
        use wasm_bindgen::JsCast;
        let index = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|target| target.closest("[data-index]").ok().flatten())
            .and_then(|button| button.get_attribute("data-index"))
            .and_then(|index| index.parse::<usize>().ok());
        if let (Some(index), Some(on_remove)) = (index, on_remove) {
            on_remove.run(index);
        }
    };
    view! { <ol class="actions" data-testid="actions" node_ref=holder on:click=click></ol> }
}
