//! The cluster around the Pod at the step on screen: each node with the Pods on it, the Pods
//! not placed yet, and the ownership chain of the workloads (Deployment → ReplicaSets → Pods),
//! as `pod_model::playground::cluster_view` computes them. A Pod is a button: choosing it (by a
//! click, or by Enter or Space) draws it and has the stepper tell its story; choosing it again
//! goes back to the first Pod. Each node can be lost or recovered, nodes can be added, the
//! chosen Pod deleted, and a workload scaled or rolled back: each is a scenario action at the
//! step on screen. A new image is typed in the console, where "Set image…" writes the command.
//!
//! The panel is built with the DOM's own calls rather than a view per element, and its buttons
//! share one click handler that reads which act a button stands for: the page's first load is
//! counted in bytes, and this keeps the panel to a small part of it. Every text goes into text
//! nodes and attribute values, never into markup.

use leptos::html;
use leptos::prelude::*;
use pod_model::cluster::scenario::{Node, RolloutCommand, What};
use pod_model::playground::cluster_view::{ClusterView, ObjectActs, PodChip};
use wasm_bindgen::JsCast;
use web_sys::Element;

/// What a button of the panel does.
#[derive(Clone)]
enum Act {
    /// Chooses a Pod, or with none goes back to the first Pod.
    Select(Option<String>),
    /// Adds a scenario action (about the Pod named, if any).
    Do(Option<String>, What),
    /// Writes a command in the console.
    Command(String),
}

/// The panel's elements as they are built, and the acts of its buttons by number.
struct Builder {
    document: web_sys::Document,
    acts: Vec<Act>,
}

/// A button's text, name for assistive technology, and state.
struct ButtonSpec<'a> {
    class: &'a str,
    testid: &'a str,
    label: &'a str,
    aria: Option<&'a str>,
    /// What keeps focus on it when the panel is built again: `pod/NAME`, `scale-up/deployment/web`.
    key: &'a str,
    disabled: bool,
    pressed: Option<bool>,
}

impl Builder {
    /// A new element `tag` under `parent`, with `class` and, when given, a test id and text.
    fn child(&self, parent: &Element, tag: &str, class: &str, testid: &str, text: &str) -> Element {
        let Ok(element) = self.document.create_element(tag) else {
            return parent.clone();
        };
        if !class.is_empty() {
            element.set_class_name(class);
        }
        if !testid.is_empty() {
            let _ = element.set_attribute("data-testid", testid);
        }
        if !text.is_empty() {
            element.set_text_content(Some(text));
        }
        let _ = parent.append_child(&element);
        element
    }

    /// A button under `parent` that does `act`.
    fn button(&mut self, parent: &Element, spec: &ButtonSpec<'_>, act: Act) {
        let button = self.child(parent, "button", spec.class, spec.testid, spec.label);
        let _ = button.set_attribute("type", "button");
        let _ = button.set_attribute("data-act", &self.acts.len().to_string());
        let _ = button.set_attribute("data-key", spec.key);
        if let Some(aria) = spec.aria {
            let _ = button.set_attribute("aria-label", aria);
        }
        if spec.disabled {
            let _ = button.set_attribute("disabled", "");
        }
        if let Some(pressed) = spec.pressed {
            let _ = button.set_attribute("aria-pressed", if pressed { "true" } else { "false" });
        }
        self.acts.push(act);
    }

    /// A list of Pods, each a button that chooses it.
    fn pods(&mut self, parent: &Element, pods: &[PodChip], testid: &str, selected: Option<&str>) {
        let list = self.child(parent, "ul", "", "", "");
        for pod in pods {
            let item = self.child(&list, "li", "", "", "");
            let chosen = selected == Some(pod.name.as_str());
            let class = format!("pod-chip tone-{}", pod.tone());
            let label = format!("{} {} {}", pod.name, pod.ready, pod.status);
            let key = format!("pod/{}", pod.name);
            self.button(
                &item,
                &ButtonSpec {
                    class: &class,
                    testid,
                    label: &label,
                    aria: None,
                    key: &key,
                    disabled: false,
                    pressed: Some(chosen),
                },
                Act::Select((!chosen).then(|| pod.name.clone())),
            );
        }
    }

    /// A workload row's buttons: scale down and up, a new image, roll back.
    fn object_acts(&mut self, parent: &Element, acts: &ObjectActs) {
        let workload = acts.workload.as_str();
        let row = self.child(parent, "span", "object-acts", "", "");
        if let Some(replicas) = acts.replicas {
            for (testid, label, to) in [
                ("scale-down", "−", (replicas - 1).max(0)),
                ("scale-up", "+", replicas + 1),
            ] {
                let aria = format!("Scale {workload} to {to}");
                let key = format!("{testid}/{workload}");
                self.button(
                    &row,
                    &ButtonSpec {
                        class: "small",
                        testid,
                        label,
                        aria: Some(&aria),
                        key: &key,
                        disabled: to == replicas,
                        pressed: None,
                    },
                    Act::Do(
                        None,
                        What::Scale {
                            workload: workload.to_owned(),
                            replicas: to,
                        },
                    ),
                );
            }
        }
        if let Some((container, image)) = &acts.image {
            let aria = format!("Write the command for a new image of {workload} in the console");
            let key = format!("set-image/{workload}");
            self.button(
                &row,
                &ButtonSpec {
                    class: "small",
                    testid: "set-image",
                    label: "Set image…",
                    aria: Some(&aria),
                    key: &key,
                    disabled: false,
                    pressed: None,
                },
                Act::Command(format!("kubectl set image {workload} {container}={image}")),
            );
        }
        if acts.roll_back {
            let aria = format!("Roll {workload} back to its previous revision");
            let key = format!("roll-back/{workload}");
            self.button(
                &row,
                &ButtonSpec {
                    class: "small",
                    testid: "roll-back",
                    label: "Roll back",
                    aria: Some(&aria),
                    key: &key,
                    disabled: false,
                    pressed: None,
                },
                Act::Do(
                    None,
                    What::Rollout {
                        workload: workload.to_owned(),
                        command: RolloutCommand::Undo { to_revision: None },
                    },
                ),
            );
        }
    }

    /// The whole panel under `holder`.
    fn panel(
        &mut self,
        holder: &Element,
        view: &ClusterView,
        selected: Option<&str>,
        acting: bool,
    ) {
        let nodes = self.child(holder, "div", "nodes", "", "");
        for node in &view.nodes {
            let ready = node.status == "Ready";
            let class = if ready {
                "node-box"
            } else {
                "node-box node-down"
            };
            let area = self.child(&nodes, "div", class, "cluster-node", "");
            let title = format!("{} {}", node.name, node.status);
            self.child(&area, "b", "", "", &title);
            if acting {
                let (label, what) = if ready {
                    (
                        "Lose",
                        What::LoseNode {
                            node: Some(node.name.clone()),
                        },
                    )
                } else {
                    (
                        "Recover",
                        What::RestoreNode {
                            node: Some(node.name.clone()),
                        },
                    )
                };
                let aria = format!("{label} {}", node.name);
                let key = format!("node/{}", node.name);
                self.button(
                    &area,
                    &ButtonSpec {
                        class: "small",
                        testid: "node-fault",
                        label,
                        aria: Some(&aria),
                        key: &key,
                        disabled: false,
                        pressed: None,
                    },
                    Act::Do(None, what),
                );
            }
            self.pods(&area, &node.pods, "cluster-pod", selected);
        }
        if !view.unplaced.is_empty() {
            let area = self.child(&nodes, "div", "node-box node-unplaced", "", "");
            self.child(&area, "b", "", "", "Not on a node yet");
            self.pods(&area, &view.unplaced, "cluster-unplaced", selected);
        }
        if acting {
            let tools = self.child(holder, "div", "fault-row", "", "");
            let node = Node {
                name: view.next_node_name(),
                ..Node::default()
            };
            self.button(
                &tools,
                &ButtonSpec {
                    class: "small",
                    testid: "add-node",
                    label: "Add a node",
                    aria: None,
                    key: "add-node",
                    disabled: false,
                    pressed: None,
                },
                Act::Do(None, What::AddNode { node }),
            );
            self.button(
                &tools,
                &ButtonSpec {
                    class: "small",
                    testid: "delete-chosen",
                    label: "Delete the chosen Pod",
                    aria: None,
                    key: "delete-chosen",
                    disabled: selected.is_none(),
                    pressed: None,
                },
                Act::Do(
                    selected.map(str::to_owned),
                    What::DeletePod {
                        grace_period_seconds: None,
                    },
                ),
            );
        }
        let owners = self.child(holder, "ul", "owners", "", "");
        let _ = owners.set_attribute("aria-label", "Owners");
        for row in &view.owners {
            let class = format!("depth-{}", row.depth.min(4));
            let item = self.child(&owners, "li", &class, "cluster-owner", "");
            self.child(
                &item,
                "span",
                "",
                "",
                &format!("{} {} ", row.object, row.state),
            );
            if acting && !row.acts.workload.is_empty() {
                self.object_acts(&item, &row.acts);
            }
        }
    }
}

/// The key of the element of `holder` that has focus, if one has.
fn focused_key(holder: &Element) -> Option<String> {
    let active = holder.owner_document()?.active_element()?;
    holder
        .contains(Some(&active))
        .then(|| active.get_attribute("data-key"))
        .flatten()
}

/// Gives focus back to the element of `holder` whose key is `key`.
fn refocus(holder: &Element, key: &str) {
    let Ok(keyed) = holder.query_selector_all("[data-key]") else {
        return;
    };
    for index in 0..keyed.length() {
        let element = keyed
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element
            && element.get_attribute("data-key").as_deref() == Some(key)
        {
            let _ = element.focus();
            return;
        }
    }
}

/// The nodes with their Pods, and the owners.
#[component]
pub fn ClusterPanel(
    /// The view at the step on screen, none before the first answer.
    #[prop(into)]
    view: Signal<Option<ClusterView>>,
    /// The Pod chosen, by name.
    #[prop(into)]
    selected: Signal<Option<String>>,
    /// Called with the Pod chosen, or none to go back to the first Pod.
    on_select: Callback<Option<String>>,
    /// Called with an action (and the Pod it is about) to add at the step on screen; none when
    /// the playground is read-only.
    on_act: Option<Callback<(Option<String>, What)>>,
    /// Called with a kubectl command to write in the console, for the reader to finish.
    on_command: Callback<String>,
) -> impl IntoView {
    let holder = NodeRef::<html::Div>::new();
    let acts = StoredValue::new_local(Vec::<Act>::new());
    Effect::new(move |_| {
        let selected = selected.get();
        view.with(|view| {
            let Some(holder) = holder.get() else {
                return;
            };
            let Some(document) = holder.owner_document() else {
                return;
            };
            let holder: &Element = &holder;
            let focus = focused_key(holder);
            holder.set_text_content(None);
            let mut builder = Builder {
                document,
                acts: Vec::new(),
            };
            if let Some(view) = view {
                builder.panel(holder, view, selected.as_deref(), on_act.is_some());
            }
            acts.set_value(builder.acts);
            if let Some(key) = focus {
                refocus(holder, &key);
            }
        });
    });
    let click = move |event: web_sys::MouseEvent| {
        let button = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .and_then(|target| target.closest("[data-act]").ok().flatten());
        let act = button
            .and_then(|button| button.get_attribute("data-act"))
            .and_then(|index| index.parse::<usize>().ok())
            .and_then(|index| acts.with_value(|acts| acts.get(index).cloned()));
        match act {
            Some(Act::Select(pod)) => on_select.run(pod),
            Some(Act::Do(pod, what)) => {
                if let Some(on_act) = on_act {
                    on_act.run((pod, what));
                }
            }
            Some(Act::Command(command)) => on_command.run(command),
            None => {}
        }
    };
    view! {
        <section class="cluster" data-testid="cluster" aria-label="Cluster">
            <h3 class="cluster-heading">"Cluster"</h3>
            <p class="cluster-hint">"Choose a Pod to draw it and follow its story; choose it again to go back."</p>
            <div node_ref=holder on:click=click></div>
        </section>
    }
}
