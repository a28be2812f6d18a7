//! The Pod's name and its containers, as text, each with the role the diagram draws it in; for a
//! workload, its name and its Pod template's containers.

use leptos::prelude::*;
use pod_model::cluster::kubelet::static_pod;
use pod_model::{ContainerKind, Parsed};

/// The Pod's name and a list of its containers, init containers first.
#[component]
pub fn PodSummary(
    /// The parse result to summarise.
    #[prop(into)]
    parsed: Signal<Parsed>,
    /// The node's name when the Pod runs as a static Pod, from a file on that node.
    #[prop(into)]
    static_on: Signal<Option<String>>,
    /// Each container's role as the diagram draws it (its CSS class and its label), in
    /// [`pod_model::Pod::all_containers`] order: the chips and the diagram say the same.
    #[prop(into)]
    roles: Signal<Vec<(&'static str, String)>>,
) -> impl IntoView {
    // What the summary shows, compared with the last, so that an edit elsewhere redraws nothing.
    let summary = Memo::new(move |_| {
        parsed.with(|parsed| {
            pod_model::playground::state::summarised(parsed).map(|(title, pod, template)| {
                let roles = roles.get();
                let containers: Vec<(&'static str, String, String, String)> = pod
                    .all_containers()
                    .enumerate()
                    .map(|(index, (kind, container))| {
                        // Until the diagram has the Pod's roles, the container's kind.
                        let (class, label) = roles.get(index).cloned().unwrap_or_else(|| {
                            let kind = match kind {
                                ContainerKind::Init => "init",
                                ContainerKind::Sidecar => "sidecar",
                                ContainerKind::App => "main",
                            };
                            (kind, kind.to_owned())
                        });
                        (
                            class,
                            label,
                            container.name.clone(),
                            container.image.clone().unwrap_or_default(),
                        )
                    })
                    .collect();
                let qos = if template {
                    Some(pod_model::api::qos::qos_class(pod))
                } else {
                    parsed.qos
                };
                (title, pod.name().to_owned(), template, containers, qos)
            })
        })
    });
    move || {
        summary.with(|summary| match summary {
            None => view! {
                <p class="empty" data-testid="no-pod">"Fix the manifest to see its Pod."</p>
            }
            .into_any(),
            Some((title, pod_name, template, containers, qos)) => {
                let containers = containers
                    .iter()
                    .map(|(class, label, name, image)| {
                        view! {
                            <li data-testid="container-item">
                                <span class=format!("badge {class}")>{label.clone()}</span>
                                " "
                                <span class="name">{name.clone()}</span>
                                " "
                                <span class="image">{image.clone()}</span>
                            </li>
                        }
                    })
                    .collect_view();
                let qos = qos.map(|qos| {
                    view! { <p class="qos" data-testid="qos">{format!("QoS class: {qos}")}</p> }
                });
                let (name, origin) = match static_on.get().filter(|_| !template) {
                    Some(node) => (
                        format!("pod/{}", static_pod::mirror_name(pod_name, &node)),
                        Some(view! {
                            <p class="static-origin" data-testid="static-origin">
                                {format!(
                                    "A static Pod: the kubelet on {node} runs {} itself; the API server shows its mirror Pod.",
                                    static_pod::manifest_path(pod_name)
                                )}
                            </p>
                        }),
                    ),
                    None => (title.clone(), None),
                };
                let made_from = template.then(|| {
                    view! {
                        <p class="static-origin" data-testid="template-origin">
                            "Its controller makes its Pods from this template; the diagram draws it."
                        </p>
                    }
                });
                view! {
                    <div class="summary">
                        <p class="pod-name" data-testid="pod-name">{name}</p>
                        {origin}
                        {made_from}
                        {qos}
                        <ul class="containers" data-testid="containers">{containers}</ul>
                    </div>
                }
                .into_any()
            }
        })
    }
}
