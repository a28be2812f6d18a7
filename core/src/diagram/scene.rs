//! The diagram as shapes to draw: groups of rectangles, text, paths and circles, each group with
//! semantic CSS classes and a title. Both renderers (the `svg` writer and the web app's
//! components) draw a `Scene` shape by shape, so they draw the same thing.

use crate::diagram::look::{Look, Visual};
use crate::diagram::{Diagram, EdgeKind, Point, Rect};

/// One shape.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    /// A rectangle with rounded corners.
    Rect {
        /// Where.
        rect: Rect,
        /// The corner radius.
        rx: u32,
        /// CSS classes.
        class: String,
    },
    /// A line of text; `x` is its start, or its end when `end` is true.
    Text {
        /// Across.
        x: u32,
        /// The baseline.
        y: u32,
        /// CSS classes.
        class: String,
        /// The text, drawn as text (never as markup).
        text: String,
        /// True to anchor the text at its end.
        end: bool,
    },
    /// A path; `arrow` puts an arrowhead at its end.
    Path {
        /// SVG path data, integers only.
        d: String,
        /// CSS classes.
        class: String,
        /// True for an arrowhead.
        arrow: bool,
    },
}

/// Shapes that belong together, with a title for hover and screen readers.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ShapeGroup {
    /// CSS classes: `container sidecar running`, `volume`, `edge localhost`.
    pub class: String,
    /// The title: what it is, in words.
    pub title: String,
    /// A stable name for tests (`container-box`, `port`, `volume`).
    pub test_id: &'static str,
    /// The state, for containers (`ready`, `crashloop`).
    pub state: Option<String>,
    /// The shapes.
    pub shapes: Vec<Shape>,
}

/// A whole drawing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scene {
    /// Its width.
    pub width: u32,
    /// Its height.
    pub height: u32,
    /// What it shows, in one sentence, for screen readers.
    pub label: String,
    /// The groups, drawn in order.
    pub groups: Vec<ShapeGroup>,
}

fn rect(rect: Rect, rx: u32, class: &str) -> Shape {
    Shape::Rect {
        rect,
        rx,
        class: class.to_owned(),
    }
}

fn text(x: u32, y: u32, class: &str, text: impl Into<String>) -> Shape {
    Shape::Text {
        x,
        y,
        class: class.to_owned(),
        text: text.into(),
        end: false,
    }
}

/// Path data through `points`.
fn polyline(points: &[Point]) -> String {
    let mut d = String::new();
    for (index, point) in points.iter().enumerate() {
        let command = if index == 0 { 'M' } else { 'L' };
        d.push_str(&format!("{command}{} {} ", point.x, point.y));
    }
    d.trim_end().to_owned()
}

/// The shapes of `diagram`, with each container drawn in its state of `look` (or as not started).
pub fn scene(diagram: &Diagram, look: Option<&Look>) -> Scene {
    let topology = &diagram.topology;
    let mut groups = Vec::new();
    let pod = diagram.pod;
    let status = look.and_then(|l| l.status.clone());
    groups.push(ShapeGroup {
        class: "pod".to_owned(),
        title: match &status {
            Some(status) => format!("{}: {status}", diagram.pod_label),
            None => diagram.pod_label.clone(),
        },
        test_id: "pod",
        state: None,
        shapes: vec![
            rect(pod, 12, "pod-box"),
            text(
                pod.x + 14,
                pod.y + 22,
                "pod-label",
                diagram.pod_label.clone(),
            ),
        ],
    });
    // At a step, the IP the Pod has then (none while it is Pending); without one, the IP the
    // Pod's status reports.
    let pod_ip = match look {
        Some(look) => look.pod_ip.clone(),
        None => topology.pod_ip.clone(),
    };
    let band = diagram.network;
    let ip_text = match &pod_ip {
        Some(ip) => format!("Pod IP {ip} · one shared localhost"),
        None => "Pod IP not assigned yet · one shared localhost".to_owned(),
    };
    groups.push(ShapeGroup {
        class: "network".to_owned(),
        title: format!(
            "The Pod's network namespace: every container shares its IP ({}) and its localhost, so they reach each other on localhost:<port> and two of them cannot listen on one port",
            pod_ip.as_deref().unwrap_or("not assigned yet")
        ),
        test_id: "network",
        state: None,
        shapes: vec![
            rect(band, 8, "network-band"),
            text(diagram.pause.right() + 12, band.y + 18, "network-label", "network namespace"),
            text(diagram.pause.right() + 12, band.y + 34, "network-ip", ip_text),
        ],
    });
    groups.push(ShapeGroup {
        class: "pause".to_owned(),
        title: "The pause container: the kubelet starts it first; it holds the network namespace, so the Pod keeps its IP while app containers restart".to_owned(),
        test_id: "pause",
        state: None,
        shapes: vec![
            rect(diagram.pause, 6, "pause-box"),
            text(diagram.pause.x + 10, diagram.pause.y + 18, "pause-label", "pause"),
        ],
    });
    for volume in &diagram.volumes {
        let info = &topology.volumes[volume.volume];
        let r = volume.rect;
        let users: Vec<String> = info
            .mounts
            .iter()
            .map(|m| {
                let access = m.access.as_str();
                let name = &topology.containers[m.container].name;
                if access.is_empty() {
                    format!("'{name}' at {}", m.mount_path)
                } else {
                    format!("'{name}' at {} ({access})", m.mount_path)
                }
            })
            .collect();
        groups.push(ShapeGroup {
            class: "volume".to_owned(),
            title: format!(
                "volume '{}' ({}): {}",
                info.name,
                info.kind,
                if users.is_empty() {
                    "not mounted".to_owned()
                } else {
                    format!("mounted by {}", users.join(", "))
                }
            ),
            test_id: "volume",
            state: None,
            shapes: vec![
                rect(r, 6, "volume-box"),
                text(r.x + 12, r.y + 20, "volume-name", volume.label.clone()),
                text(r.x + 12, r.y + 37, "volume-kind", volume.kind_label.clone()),
            ],
        });
    }
    for external in &diagram.externals {
        let info = &topology.externals[external.external];
        let r = external.rect;
        groups.push(ShapeGroup {
            class: format!("external {}", info.kind.as_str()),
            title: format!("{} (outside the Pod): {}", info.label, info.reason),
            test_id: "external",
            state: None,
            shapes: vec![
                rect(r, 20, "external-box"),
                text(r.x + 14, r.y + 25, "external-label", external.label.clone()),
            ],
        });
    }
    for edge in &diagram.edges {
        let kind = match edge.kind {
            EdgeKind::Mount => "mount",
            EdgeKind::Link(kind) => kind.as_str(),
        };
        let class = if edge.class.is_empty() {
            format!("edge {kind}")
        } else {
            format!("edge {kind} {}", edge.class)
        };
        groups.push(ShapeGroup {
            class,
            title: edge.title.clone(),
            test_id: "edge",
            state: None,
            shapes: vec![Shape::Path {
                d: polyline(&edge.points),
                class: "edge-line".to_owned(),
                arrow: edge.kind != EdgeKind::Mount,
            }],
        });
    }
    for (index, container) in diagram.containers.iter().enumerate() {
        let info = &topology.containers[index];
        // Without a look, only the structure is drawn: no state.
        let visual = look.map(|l| {
            l.containers
                .get(index)
                .cloned()
                .unwrap_or(Visual::NotStarted)
        });
        let r = container.rect;
        let role = container.role.as_str();
        let kind = match container.kind {
            crate::api::v1::ContainerKind::Init => "init-container",
            crate::api::v1::ContainerKind::Sidecar => "native",
            crate::api::v1::ContainerKind::App => "app-container",
        };
        let mut shapes = vec![
            rect(r, 8, "container-box"),
            rect(
                Rect {
                    x: r.x,
                    y: r.y,
                    width: 6,
                    height: r.height,
                },
                3,
                "role-stripe",
            ),
            text(
                r.x + 14,
                r.y + 22,
                "container-role",
                container.role_label.clone(),
            ),
            text(
                r.x + 14,
                r.y + 40,
                "container-name",
                container.label.clone(),
            ),
            text(
                r.x + 14,
                r.y + 56,
                "container-image",
                container.image_label.clone(),
            ),
        ];
        if let Some(visual) = &visual {
            shapes.push(text(
                r.x + 34,
                r.y + 74,
                "container-state",
                visual.box_words(),
            ));
            shapes.push(Shape::Path {
                d: visual.icon().path(r.x + 14, r.y + 62),
                class: "state-icon".to_owned(),
                arrow: false,
            });
        }
        for (line, mount) in container.mount_lines.iter().enumerate() {
            let y = r.y + 92 + u32::try_from(line).unwrap_or(0) * 14;
            shapes.push(text(r.x + 14, y, "container-mount", mount.clone()));
        }
        let state_words = visual
            .as_ref()
            .map(|v| format!(": {}", v.words()))
            .unwrap_or_default();
        let state_class = visual.as_ref().map_or("none", Visual::class);
        let mut title = format!(
            "{} container '{}' ({}), image {}{}. Role: {}: {}.",
            match container.kind {
                crate::api::v1::ContainerKind::Init => "init",
                crate::api::v1::ContainerKind::Sidecar => "sidecar",
                crate::api::v1::ContainerKind::App => "app",
            },
            info.name,
            info.path,
            if info.image.is_empty() {
                "(none)"
            } else {
                &info.image
            },
            state_words,
            info.role.label(),
            info.role.reasons.join("; ")
        );
        if container.conflict {
            title.push_str(" It clashes with another container over a port.");
        }
        groups.push(ShapeGroup {
            class: format!(
                "container {role} {kind} state {}{}",
                state_class,
                if container.conflict { " conflict" } else { "" }
            ),
            title,
            test_id: "container-box",
            state: Some(state_class.to_owned()),
            shapes,
        });
    }
    for chip in &diagram.ports {
        let r = chip.rect;
        let owner = &topology.containers[chip.container].name;
        let title = match chip.port {
            Some(index) => {
                let port = &topology.ports[index];
                let mut title = format!(
                    "port {}/{}{} of '{owner}': {}",
                    port.number,
                    port.protocol,
                    port.name
                        .as_deref()
                        .map(|n| format!(" ({n})"))
                        .unwrap_or_default(),
                    port.source.describe()
                );
                if !port.probes.is_empty() {
                    title.push_str(&format!(
                        "; probed by the kubelet ({})",
                        port.probes.join(", ")
                    ));
                }
                for conflict in topology.conflicts.iter().filter(|c| {
                    c.port == port.number
                        && (c.first == chip.container || c.second == chip.container)
                }) {
                    title.push_str(&format!(
                        "; CONFLICT: '{}' and '{}' both listen on {}, but they share one network namespace, so '{}' fails with \"address already in use\" (see {})",
                        topology.containers[conflict.first].name,
                        topology.containers[conflict.second].name,
                        conflict.port,
                        topology.containers[conflict.second].name,
                        conflict.path
                    ));
                }
                title
            }
            None => format!("more ports of '{owner}'"),
        };
        let mut shapes = vec![
            rect(r, 4, "port-chip"),
            text(r.x + 6, r.y + 13, "port-label", chip.label.clone()),
        ];
        if chip.conflict {
            shapes.push(text(r.right() - 6, r.y + 13, "port-conflict-mark", "!"));
            if let Some(Shape::Text { end, .. }) = shapes.last_mut() {
                *end = true;
            }
        }
        groups.push(ShapeGroup {
            class: if chip.conflict {
                "port conflict".to_owned()
            } else {
                "port".to_owned()
            },
            title,
            test_id: "port",
            state: None,
            shapes,
        });
    }
    for item in &diagram.legend {
        let sample = if let Some(state) = item.class.strip_prefix("state ") {
            let visual = Visual::LEGEND
                .iter()
                .find(|v| v.class() == state)
                .cloned()
                .unwrap_or(Visual::NotStarted);
            Shape::Path {
                d: visual.icon().path(item.rect.x, item.rect.y),
                class: "state-icon".to_owned(),
                arrow: false,
            }
        } else if item.class.starts_with("edge") {
            Shape::Path {
                d: format!(
                    "M{} {} L{} {}",
                    item.rect.x,
                    item.rect.y + 7,
                    item.rect.right(),
                    item.rect.y + 7
                ),
                class: "edge-line".to_owned(),
                arrow: false,
            }
        } else {
            rect(item.rect, 3, "legend-swatch")
        };
        groups.push(ShapeGroup {
            class: format!("legend {}", item.class),
            title: format!("legend: {}", item.label),
            test_id: "legend",
            state: None,
            shapes: vec![
                sample,
                text(
                    item.rect.right() + 6,
                    item.rect.y + 12,
                    "legend-label",
                    item.label.clone(),
                ),
            ],
        });
    }
    let roles: Vec<String> = topology
        .containers
        .iter()
        .map(|c| format!("{} ({})", c.name, c.role.label()))
        .collect();
    Scene {
        width: diagram.width,
        height: diagram.height,
        label: format!(
            "Diagram of {}: {} container{}{}, {} volume{}, {} port{}",
            diagram.pod_label,
            topology.containers.len(),
            if topology.containers.len() == 1 {
                ""
            } else {
                "s"
            },
            if roles.is_empty() {
                String::new()
            } else {
                format!(" ({})", roles.join(", "))
            },
            topology.volumes.len(),
            if topology.volumes.len() == 1 { "" } else { "s" },
            topology.ports.len(),
            if topology.ports.len() == 1 { "" } else { "s" },
        ),
        groups,
    }
}
