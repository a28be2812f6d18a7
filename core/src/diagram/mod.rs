//! The Pod's diagram as plain geometry: the Pod's box with its network namespace and pause
//! container, container boxes with their port chips, volume boxes, endpoints outside the Pod,
//! the edges between them and a legend. Renderers (`svg`, the web app) draw this data and never
//! compute positions themselves.
//!
//! `layout` places things; `verify` checks that no two boxes overlap and that no edge runs
//! through a box; `look` reads each container's state from a Pod's status; `scene` turns the
//! geometry and a look into shapes; `svg` writes them; `flow` is the control-plane flow diagram.

pub mod flow;
mod layout;
pub mod look;
pub mod scene;
pub mod svg;

pub use layout::{layout, layout_topology};
pub use look::{Look, Visual};
pub use scene::{Scene, Shape, ShapeGroup, scene};
pub use svg::{Theme, render};

use crate::api::v1::ContainerKind;
use crate::topology::{ExternalKind, LinkKind, Role, Topology};

/// An axis-aligned rectangle in diagram units (SVG user units).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Rect {
    /// The left edge.
    pub x: u32,
    /// The top edge.
    pub y: u32,
    /// The width.
    pub width: u32,
    /// The height.
    pub height: u32,
}

impl Rect {
    /// True if the two rectangles share any area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.x + other.width
            && other.x < self.x + self.width
            && self.y < other.y + other.height
            && other.y < self.y + self.height
    }

    /// True if `other` lies entirely inside this rectangle.
    pub fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.x + other.width <= self.x + self.width
            && other.y + other.height <= self.y + self.height
    }

    /// The right edge.
    pub fn right(&self) -> u32 {
        self.x + self.width
    }

    /// The bottom edge.
    pub fn bottom(&self) -> u32 {
        self.y + self.height
    }

    /// True if the segment from `a` to `b` (horizontal or vertical) passes through the inside of
    /// this rectangle; running along its border does not count.
    pub fn crossed_by(&self, a: Point, b: Point) -> bool {
        let (x0, x1) = (a.x.min(b.x), a.x.max(b.x));
        let (y0, y1) = (a.y.min(b.y), a.y.max(b.y));
        x0 < self.right() && x1 > self.x && y0 < self.bottom() && y1 > self.y
    }
}

/// A point in diagram units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Point {
    /// Across.
    pub x: u32,
    /// Down.
    pub y: u32,
}

/// The whole drawing. Every box refers to the [`Topology`] by index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagram {
    /// The drawing's width.
    pub width: u32,
    /// The drawing's height.
    pub height: u32,
    /// The Pod's box, which holds everything but the endpoints outside it and the legend.
    pub pod: Rect,
    /// The Pod's label, drawn in the top of its box.
    pub pod_label: String,
    /// The shared network namespace, a band across the top of the Pod.
    pub network: Rect,
    /// The pause container, which holds the namespace, inside the band.
    pub pause: Rect,
    /// One box per container, in [`crate::Pod::all_containers`] order.
    pub containers: Vec<ContainerBox>,
    /// One chip per drawn port, on the top edge of its container's box.
    pub ports: Vec<PortChip>,
    /// One box per volume, in spec order.
    pub volumes: Vec<VolumeBox>,
    /// One box per endpoint outside the Pod.
    pub externals: Vec<ExternalBox>,
    /// Mounts and connections.
    pub edges: Vec<Edge>,
    /// The legend, under the Pod.
    pub legend: Vec<LegendItem>,
    /// What was analysed.
    pub topology: Topology,
}

/// A container's box.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContainerBox {
    /// Init, native sidecar or app container.
    pub kind: ContainerKind,
    /// Its role.
    pub role: Role,
    /// The role as drawn: `init 1`, `native sidecar`, `ambassador`.
    pub role_label: String,
    /// The container's full name, for titles.
    pub name: String,
    /// The name as drawn, shortened with an ellipsis when it does not fit.
    pub label: String,
    /// The image as drawn, shortened the same way.
    pub image_label: String,
    /// One line per mount: `/var/log ← logs (ro)`.
    pub mount_lines: Vec<String>,
    /// Where the box is.
    pub rect: Rect,
    /// True when one of its ports clashes with another container's.
    pub conflict: bool,
}

/// A port chip.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortChip {
    /// The port, by index in [`Topology::ports`]; `None` for the "+n more" chip.
    pub port: Option<usize>,
    /// The container, by index.
    pub container: usize,
    /// `:80`, or `+2` for ports not drawn one by one.
    pub label: String,
    /// Where the chip is.
    pub rect: Rect,
    /// True when another container wants the same port.
    pub conflict: bool,
}

/// A volume's box.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VolumeBox {
    /// The volume, by index in [`Topology::volumes`].
    pub volume: usize,
    /// Its name, shortened.
    pub label: String,
    /// Its type, shortened.
    pub kind_label: String,
    /// Where the box is.
    pub rect: Rect,
}

/// An endpoint outside the Pod.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExternalBox {
    /// The endpoint, by index in [`Topology::externals`].
    pub external: usize,
    /// What it is.
    pub kind: ExternalKind,
    /// Its label, shortened.
    pub label: String,
    /// Where the box is.
    pub rect: Rect,
}

/// What an edge shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EdgeKind {
    /// A container's mount of a volume.
    Mount,
    /// A connection (localhost, out of the Pod, into it).
    Link(LinkKind),
}

/// A line made of horizontal and vertical segments, with an arrow at its last point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    /// What it shows.
    pub kind: EdgeKind,
    /// The container it belongs to (the mounting or connecting one), by index.
    pub container: Option<usize>,
    /// Its points, from where it starts to where it points.
    pub points: Vec<Point>,
    /// What it is, for its title: `'app' mounts 'logs' at /var/log (writes)`.
    pub title: String,
    /// Extra CSS classes: the access of a mount (`writes`, `reads`), `conflict`.
    pub class: String,
}

/// One entry of the legend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegendItem {
    /// The sample's CSS classes (`container main`, `state crashloop`, `edge localhost`).
    pub class: String,
    /// What it means.
    pub label: String,
    /// The sample's box; the label follows it.
    pub rect: Rect,
    /// The whole entry, sample and label.
    pub cell: Rect,
}

/// Every pair of boxes that overlap, every box outside the Pod that should be inside it, and
/// every edge that runs through a box it does not start or end at. A correct layout has none.
pub fn verify(diagram: &Diagram) -> Vec<String> {
    let mut problems = Vec::new();
    let mut boxes: Vec<(String, Rect, Option<usize>)> =
        vec![("the network namespace".to_owned(), diagram.network, None)];
    for (index, container) in diagram.containers.iter().enumerate() {
        boxes.push((
            format!("container '{}'", container.name),
            container.rect,
            Some(index),
        ));
    }
    for volume in &diagram.volumes {
        boxes.push((format!("volume '{}'", volume.label), volume.rect, None));
    }
    for external in &diagram.externals {
        boxes.push((
            format!("endpoint '{}'", external.label),
            external.rect,
            None,
        ));
    }
    for item in &diagram.legend {
        boxes.push((format!("legend '{}'", item.label), item.cell, None));
    }
    if !diagram.network.contains(&diagram.pause) {
        problems.push("the pause container sticks out of the network namespace".to_owned());
    }
    for (name, rect, _) in &boxes[..1 + diagram.containers.len() + diagram.volumes.len()] {
        if !diagram.pod.contains(rect) {
            problems.push(format!("{name} sticks out of the Pod"));
        }
    }
    for (name, rect, _) in &boxes[1 + diagram.containers.len() + diagram.volumes.len()..] {
        if diagram.pod.overlaps(rect) {
            problems.push(format!("{name} overlaps the Pod"));
        }
    }
    for (index, (first, a, _)) in boxes.iter().enumerate() {
        for (second, b, _) in &boxes[index + 1..] {
            if a.overlaps(b) {
                problems.push(format!("{first} and {second} overlap"));
            }
        }
        if a.right() > diagram.width || a.bottom() > diagram.height {
            problems.push(format!("{first} sticks out of the drawing"));
        }
    }
    for (index, chip) in diagram.ports.iter().enumerate() {
        for (name, rect, owner) in &boxes {
            if *owner != Some(chip.container) && chip.rect.overlaps(rect) {
                problems.push(format!("port chip {} overlaps {name}", chip.label));
            }
        }
        for other in &diagram.ports[index + 1..] {
            if chip.rect.overlaps(&other.rect) {
                problems.push(format!(
                    "port chips {} and {} overlap",
                    chip.label, other.label
                ));
            }
        }
    }
    for edge in &diagram.edges {
        let ends = [edge.points.first(), edge.points.last()];
        for pair in edge.points.windows(2) {
            for (name, rect, _) in &boxes {
                let is_end = ends.iter().flatten().any(|end| touches(rect, **end));
                if !is_end && rect.crossed_by(pair[0], pair[1]) {
                    problems.push(format!("edge '{}' runs through {name}", edge.title));
                }
            }
        }
    }
    problems
}

/// True when `point` lies on or in `rect`.
fn touches(rect: &Rect, point: Point) -> bool {
    point.x >= rect.x && point.x <= rect.right() && point.y >= rect.y && point.y <= rect.bottom()
}

/// Shortens `text` to `chars` characters, ending with an ellipsis when cut.
pub fn shorten(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(chars.saturating_sub(1)).collect();
    short.push('…');
    short
}

/// The geometry as text, one item per line, for snapshot tests.
pub fn geometry_text(diagram: &Diagram) -> String {
    let r = |rect: &Rect| format!("{},{} {}x{}", rect.x, rect.y, rect.width, rect.height);
    let mut out = format!(
        "{}x{} {} pod {} network {} pause {}\n",
        diagram.width,
        diagram.height,
        diagram.pod_label,
        r(&diagram.pod),
        r(&diagram.network),
        r(&diagram.pause)
    );
    for container in &diagram.containers {
        out.push_str(&format!(
            "container {} [{}] {}{}\n",
            container.label,
            container.role_label,
            r(&container.rect),
            if container.conflict { " conflict" } else { "" }
        ));
        for line in &container.mount_lines {
            out.push_str(&format!("  mount {line}\n"));
        }
    }
    for chip in &diagram.ports {
        out.push_str(&format!(
            "port {} of {} {}{}\n",
            chip.label,
            diagram.containers[chip.container].label,
            r(&chip.rect),
            if chip.conflict { " conflict" } else { "" }
        ));
    }
    for volume in &diagram.volumes {
        out.push_str(&format!(
            "volume {} ({}) {}\n",
            volume.label,
            volume.kind_label,
            r(&volume.rect)
        ));
    }
    for external in &diagram.externals {
        out.push_str(&format!(
            "external {} [{}] {}\n",
            external.label,
            external.kind.as_str(),
            r(&external.rect)
        ));
    }
    for edge in &diagram.edges {
        let points: Vec<String> = edge
            .points
            .iter()
            .map(|p| format!("{},{}", p.x, p.y))
            .collect();
        out.push_str(&format!("edge {} {}\n", edge.title, points.join(" ")));
    }
    out
}
