//! The cluster around the Pod at the step on screen: each node with the Pods on it, the Pods
//! not placed yet, and the ownership chain of the workloads (Deployment → ReplicaSets → Pods),
//! as `pod_model::playground::cluster_view` computes them. A Pod is a button: choosing it (by a
//! click, or by Enter or Space) draws it and has the stepper tell its story; choosing it again
//! goes back to the first Pod.

use leptos::prelude::*;
use pod_model::playground::cluster_view::{ClusterView, PodChip};

/// A Pod's button, toned by its STATUS.
fn pod_button(
    pod: PodChip,
    testid: &'static str,
    selected: Signal<Option<String>>,
    on_select: Callback<Option<String>>,
) -> impl IntoView {
    let class = format!("pod-chip tone-{}", pod.tone());
    let name = pod.name.clone();
    let is_selected = {
        let name = name.clone();
        move || selected.with(|selected| selected.as_deref() == Some(name.as_str()))
    };
    let pressed = is_selected.clone();
    let choose = move |_| {
        on_select.run((!is_selected()).then(|| name.clone()));
    };
    view! {
        <li>
            <button class=class data-testid=testid aria-pressed=move || pressed().to_string() on:click=choose>
                {format!("{} {} {}", pod.name, pod.ready, pod.status)}
            </button>
        </li>
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
) -> impl IntoView {
    let body = move || {
        view.get().map(|view| {
            let pods = |pods: Vec<PodChip>, testid: &'static str| -> Vec<AnyView> {
                pods.into_iter()
                    .map(|pod| pod_button(pod, testid, selected, on_select).into_any())
                    .collect()
            };
            let mut boxes: Vec<AnyView> = Vec::new();
            for node in view.nodes {
                let class = if node.status == "Ready" {
                    "node-box"
                } else {
                    "node-box node-down"
                };
                let title = format!("{} {}", node.name, node.status);
                let list = pods(node.pods, "cluster-pod");
                boxes.push(
                    view! { <div class=class data-testid="cluster-node"><b>{title}</b><ul>{list}</ul></div> }
                        .into_any(),
                );
            }
            if !view.unplaced.is_empty() {
                let list = pods(view.unplaced, "cluster-unplaced");
                boxes.push(
                    view! { <div class="node-box node-unplaced"><b>"Not on a node yet"</b><ul>{list}</ul></div> }
                        .into_any(),
                );
            }
            let owners: Vec<AnyView> = view
                .owners
                .into_iter()
                .map(|row| {
                    let class = format!("depth-{}", row.depth.min(4));
                    view! { <li class=class data-testid="cluster-owner">{format!("{} {}", row.object, row.state)}</li> }
                        .into_any()
                })
                .collect();
            view! { <div class="nodes">{boxes}</div><ul class="owners" aria-label="Owners">{owners}</ul> }
        })
    };
    view! {
        <section class="cluster" data-testid="cluster" aria-label="Cluster">
            <h3 class="cluster-heading">"Cluster"</h3>
            <p class="cluster-hint">"Choose a Pod to draw it and follow its story; choose it again to go back."</p>
            {body}
        </section>
    }
}
