//! The cluster around the Pod at the step on screen: each node with the Pods on it, the Pods
//! not placed yet, and the ownership chain of the workloads (Deployment → ReplicaSets → Pods),
//! as `pod_model::playground::cluster_view` computes them.

use leptos::prelude::*;
use pod_model::playground::cluster_view::ClusterView;

/// The CSS class of a STATUS: running, waiting or failed.
fn status_class(status: &str) -> &'static str {
    match status {
        "Running" | "Completed" => "chip-ok",
        "Pending" | "ContainerCreating" | "PodInitializing" | "Terminating" => "chip-wait",
        _ if status.starts_with("Init:")
            && !status.contains("Error")
            && !status.contains("Crash") =>
        {
            "chip-wait"
        }
        _ => "chip-bad",
    }
}

/// The nodes with their Pods, and the owners.
#[component]
pub fn ClusterPanel(
    /// The view at the step on screen, none before the first answer.
    #[prop(into)]
    view: Signal<Option<ClusterView>>,
) -> impl IntoView {
    view! {
        <section class="cluster" data-testid="cluster" aria-label="Cluster">
            <h3 class="cluster-heading">"Cluster"</h3>
            {move || view.get().map(|view| {
                let nodes = view.nodes.into_iter().map(|node| {
                    let ready = node.status == "Ready";
                    let pods = node.pods.into_iter().map(|pod| {
                        let class = format!("pod-chip {}", status_class(&pod.status));
                        view! {
                            <li class=class data-testid="cluster-pod">
                                <span class="pod-chip-name">{pod.name}</span>
                                " "
                                <span class="pod-chip-state">{format!("{} {}", pod.ready, pod.status)}</span>
                            </li>
                        }
                    }).collect_view();
                    view! {
                        <div class="node-box" class:node-down=!ready data-testid="cluster-node">
                            <div class="node-title">
                                <span class="node-name">{node.name}</span>
                                " "
                                <span class="node-status">{node.status}</span>
                            </div>
                            <ul class="node-pods">{pods}</ul>
                        </div>
                    }
                }).collect_view();
                let unplaced = (!view.unplaced.is_empty()).then(|| {
                    let pods = view.unplaced.into_iter().map(|pod| view! {
                        <li class="pod-chip chip-wait" data-testid="cluster-unplaced">
                            <span class="pod-chip-name">{pod.name}</span>
                            " "
                            <span class="pod-chip-state">{format!("{} {}", pod.ready, pod.status)}</span>
                        </li>
                    }).collect_view();
                    view! {
                        <div class="node-box node-unplaced">
                            <div class="node-title">"Not on a node yet"</div>
                            <ul class="node-pods">{pods}</ul>
                        </div>
                    }
                });
                let owners = (!view.owners.is_empty()).then(|| {
                    let rows = view.owners.into_iter().map(|row| {
                        let indent = format!("padding-left: {}em", row.depth * 2);
                        view! {
                            <li style=indent data-testid="cluster-owner">
                                <code>{row.object}</code>
                                " "
                                <span class="owner-state">{row.state}</span>
                            </li>
                        }
                    }).collect_view();
                    view! {
                        <h4 class="owners-heading">"Owners"</h4>
                        <ul class="owners">{rows}</ul>
                    }
                });
                view! {
                    <div class="nodes">{nodes}{unplaced}</div>
                    {owners}
                }
            })}
        </section>
    }
}
