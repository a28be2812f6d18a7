//! The cluster around the Pod at the step on screen: each node with the Pods on it, the Pods
//! not placed yet, and the ownership chain of the workloads (Deployment → ReplicaSets → Pods),
//! as `pod_model::playground::cluster_view` computes them.

use leptos::prelude::*;
use pod_model::playground::cluster_view::{ClusterView, PodChip};

/// A Pod's line, classed by its STATUS: running, waiting or failed.
fn pod_line(pod: PodChip, testid: &'static str) -> impl IntoView {
    let class = match pod.status.as_str() {
        "Running" | "Completed" => "pod-chip chip-ok",
        "Pending" | "ContainerCreating" | "PodInitializing" | "Terminating" => "pod-chip",
        status
            if status.starts_with("Init:")
                && !status.contains("Err")
                && !status.contains("Crash") =>
        {
            "pod-chip"
        }
        _ => "pod-chip chip-bad",
    };
    view! { <li class=class data-testid=testid>{format!("{} {} {}", pod.name, pod.ready, pod.status)}</li> }
}

/// The nodes with their Pods, and the owners.
#[component]
pub fn ClusterPanel(
    /// The view at the step on screen, none before the first answer.
    #[prop(into)]
    view: Signal<Option<ClusterView>>,
) -> impl IntoView {
    let body = move || {
        view.get().map(|view| {
            let mut boxes: Vec<AnyView> = Vec::new();
            for node in view.nodes {
                let class = if node.status == "Ready" { "node-box" } else { "node-box node-down" };
                let pods: Vec<AnyView> = node.pods.into_iter().map(|pod| pod_line(pod, "cluster-pod").into_any()).collect();
                boxes.push(view! {
                    <div class=class data-testid="cluster-node"><b>{format!("{} {}", node.name, node.status)}</b><ul>{pods}</ul></div>
                }.into_any());
            }
            if !view.unplaced.is_empty() {
                let pods: Vec<AnyView> = view.unplaced.into_iter().map(|pod| pod_line(pod, "cluster-unplaced").into_any()).collect();
                boxes.push(view! { <div class="node-box node-unplaced"><b>"Not on a node yet"</b><ul>{pods}</ul></div> }.into_any());
            }
            let owners: Vec<AnyView> = view.owners.into_iter().map(|row| {
                let class = format!("depth-{}", row.depth.min(4));
                view! { <li class=class data-testid="cluster-owner">{format!("{} {}", row.object, row.state)}</li> }.into_any()
            }).collect();
            view! { <div class="nodes">{boxes}</div><ul class="owners">{owners}</ul> }
        })
    };
    view! {
        <section class="cluster" data-testid="cluster" aria-label="Cluster">
            <h3 class="cluster-heading">"Cluster"</h3>
            {body}
        </section>
    }
}
