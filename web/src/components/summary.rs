//! The Pod's name and its containers, as text.

use leptos::prelude::*;
use pod_model::{ContainerKind, Parsed};

/// The Pod's name and a list of its containers, init containers first.
#[component]
pub fn PodSummary(
    /// The parse result to summarise.
    #[prop(into)]
    parsed: Signal<Parsed>,
) -> impl IntoView {
    move || {
        parsed.with(|parsed| match &parsed.pod {
            None => view! {
                <p class="empty" data-testid="no-pod">"Fix the manifest to see its Pod."</p>
            }
            .into_any(),
            Some(pod) => {
                let containers = pod
                    .all_containers()
                    .map(|(kind, container)| {
                        let kind = match kind {
                            ContainerKind::Init => "init",
                            ContainerKind::Sidecar => "sidecar",
                            ContainerKind::App => "app",
                        };
                        view! {
                            <li data-testid="container-item">
                                <span class=format!("badge {kind}")>{kind}</span>
                                " "
                                <span class="name">{container.name.clone()}</span>
                                " "
                                <span class="image">{container.image.clone().unwrap_or_default()}</span>
                            </li>
                        }
                    })
                    .collect_view();
                let qos = parsed.qos.map(|qos| {
                    view! { <p class="qos" data-testid="qos">{format!("QoS class: {qos}")}</p> }
                });
                view! {
                    <div class="summary">
                        <p class="pod-name" data-testid="pod-name">{format!("pod/{}", pod.name())}</p>
                        {qos}
                        <ul class="containers" data-testid="containers">{containers}</ul>
                    </div>
                }
                .into_any()
            }
        })
    }
}
