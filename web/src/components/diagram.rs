//! The Pod drawn as SVG, from the geometry that `pod-model` computes.

use leptos::prelude::*;
use pod_model::ContainerKind;
use pod_model::diagram::Diagram;
use pod_model::timeline::Step;

/// The Pod's box with one box per container, coloured by each container's state at `step`.
#[component]
pub fn PodDiagram(
    /// The geometry to draw; nothing is drawn without it.
    #[prop(into)]
    layout: Signal<Option<Diagram>>,
    /// The current step of the timeline, which gives each container's state.
    #[prop(into)]
    step: Signal<Option<Step>>,
) -> impl IntoView {
    move || {
        layout.with(|layout| {
            let diagram = layout.as_ref()?;
            let states = step.with(|step| {
                step.as_ref()
                    .map(|step| step.containers.clone())
                    .unwrap_or_default()
            });
            let boxes = diagram
                .containers
                .iter()
                .enumerate()
                .map(|(index, container)| {
                    let kind = match container.kind {
                        ContainerKind::Init => "init",
                        ContainerKind::Sidecar => "sidecar",
                        ContainerKind::App => "app",
                    };
                    let state = states.get(index).map_or("waiting", |state| state.as_str());
                    let rect = container.rect;
                    let title = format!("{kind} container '{}': {state}", container.name);
                    view! {
                        <g class=format!("container {kind} {state}") data-testid="container-box" data-state=state>
                            <title>{title}</title>
                            <rect x=rect.x y=rect.y width=rect.width height=rect.height rx="6"></rect>
                            <text class="container-name" x=rect.x + 12 y=rect.y + 26>{container.label.clone()}</text>
                            <text class="container-image" x=rect.x + 12 y=rect.y + 46>{container.image_label.clone()}</text>
                        </g>
                    }
                })
                .collect_view();
            let pod = diagram.pod;
            Some(view! {
                <svg
                    class="pod-diagram"
                    data-testid="diagram"
                    role="img"
                    aria-label=format!("Diagram of {} with {} containers", diagram.pod_label, diagram.containers.len())
                    viewBox=format!("0 0 {} {}", diagram.width, diagram.height)
                    width=diagram.width
                    height=diagram.height
                >
                    <rect class="pod" x=pod.x y=pod.y width=pod.width height=pod.height rx="12"></rect>
                    <text class="pod-label" x=pod.x + 14 y=pod.y + 24>{diagram.pod_label.clone()}</text>
                    {boxes}
                </svg>
            })
        })
    }
}
