//! The diagrams drawn as SVG elements from the shapes `pod-model` computes: the same `Scene`
//! the CLI writes to a file, so the page and an exported SVG show the same thing. User text
//! only ever reaches text nodes and attribute values.

use leptos::prelude::*;
use pod_model::diagram::svg::{ARROW_ID, Theme};
use pod_model::diagram::{Scene, Shape, ShapeGroup};

use super::keys::distinct_keys;

/// One shape as an SVG element.
fn shape_view(shape: &Shape) -> AnyView {
    match shape.clone() {
        Shape::Rect { rect, rx, class } => view! {
            <rect class=class x=rect.x y=rect.y width=rect.width height=rect.height rx=rx></rect>
        }
        .into_any(),
        Shape::Text {
            x,
            y,
            class,
            text,
            end,
        } => view! {
            <text class=class x=x y=y text-anchor=end.then_some("end")>{text}</text>
        }
        .into_any(),
        Shape::Path { d, class, arrow } => view! {
            <path class=class d=d marker-end=arrow.then(|| format!("url(#{ARROW_ID})"))></path>
        }
        .into_any(),
    }
}

/// The scene's groups, each with a key of its own: a change redraws only the groups it changes.
fn keyed_groups(scene: &Scene) -> Vec<(u64, ShapeGroup)> {
    distinct_keys(&scene.groups)
        .into_iter()
        .zip(scene.groups.iter().cloned())
        .collect()
}

/// One group of shapes, with its title.
fn group_view(group: &ShapeGroup) -> impl IntoView + use<> {
    let shapes = group.shapes.iter().map(shape_view).collect_view();
    view! {
        <g class=group.class.clone() data-testid=group.test_id data-state=group.state.clone()>
            <title>{group.title.clone()}</title>
            {shapes}
        </g>
    }
}

/// A scene as an inline SVG, in the theme that follows the viewer's colour scheme.
#[component]
pub fn SceneView(
    /// The shapes to draw; nothing is drawn without them.
    #[prop(into)]
    scene: Signal<Option<Scene>>,
    /// The SVG's class and test id: `pod-diagram` or `flow-diagram`.
    kind: &'static str,
    /// The colour theme; `Auto` follows the viewer's system.
    #[prop(into)]
    theme: Signal<Theme>,
) -> impl IntoView {
    let size = Memo::new(move |_| {
        scene.with(|scene| {
            scene
                .as_ref()
                .map(|scene| (scene.width, scene.height, scene.label.clone()))
        })
    });
    let width = move || size.with(|size| size.as_ref().map_or(0, |size| size.0));
    let height = move || size.with(|size| size.as_ref().map_or(0, |size| size.1));
    let label =
        move || size.with(|size| size.as_ref().map(|size| size.2.clone()).unwrap_or_default());
    let frame_label = match kind {
        "flow-diagram" => "The control plane's flow: arrow keys scroll, + and − zoom, 0 fits",
        _ => "The Pod's diagram: arrow keys scroll, + and − zoom, 0 fits",
    };
    view! {
        <Show when=move || size.with(Option::is_some)>
            // The frame fits the diagram to the panel until the reader zooms: the gestures are
            // `static/zoom.js`'s, a few hundred bytes of script instead of kilobytes of event
            // code in the page's first load.
            <div class="zoom-controls" role="group" aria-label="Zoom">
                <button data-zoom="out" aria-label="Zoom out" title="Zoom out (−)">"−"</button>
                <button data-zoom="fit" aria-pressed="true" title="Fit to the panel (0)">"Fit"</button>
                <button data-zoom="in" aria-label="Zoom in" title="Zoom in (+)">"+"</button>
                <span class="zoom-readout" aria-live="polite"></span>
            </div>
            <div class="diagram-frame" tabindex="0" role="region" aria-label=frame_label>
            <svg
                class=move || format!("podplay-diagram {} {kind}", theme.get().class())
                data-testid=kind
                role="img"
                aria-label=label
                viewBox=move || format!("0 0 {} {}", width(), height())
                width=width
                height=height
            >
                <title>{label}</title>
                <defs>
                    <marker id=ARROW_ID viewBox="0 0 8 8" refX="7" refY="4" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
                        <path class="arrowhead" d="M0 0 L8 4 L0 8 Z"></path>
                    </marker>
                </defs>
                <For
                    each=move || scene.with(|scene| scene.as_ref().map(keyed_groups).unwrap_or_default())
                    key=|(key, _)| *key
                    children=|(_, group)| group_view(&group)
                />
            </svg>
            </div>
        </Show>
    }
}
