//! Diagram geometry: where the Pod box and its container boxes go. This is plain data; the web
//! app and any other renderer draw it without computing positions themselves.

use crate::v1::{ContainerKind, Pod};

/// An axis-aligned rectangle in diagram units (SVG user units).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
}

/// The whole drawing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagram {
    /// The drawing's width.
    pub width: u32,
    /// The drawing's height.
    pub height: u32,
    /// The Pod's box, which holds every container box.
    pub pod: Rect,
    /// The Pod's label, drawn in the top of its box.
    pub pod_label: String,
    /// One box per container: init containers first, then app containers.
    pub containers: Vec<ContainerBox>,
}

/// A container's box.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContainerBox {
    /// Whether this is an init or an app container.
    pub kind: ContainerKind,
    /// The container's full name, for titles.
    pub name: String,
    /// The name as drawn, shortened with an ellipsis when it does not fit.
    pub label: String,
    /// The image as drawn, shortened the same way.
    pub image_label: String,
    /// Where the box is.
    pub rect: Rect,
}

/// Container boxes per row.
const COLUMNS: usize = 4;
const BOX_WIDTH: u32 = 168;
const BOX_HEIGHT: u32 = 64;
const GAP: u32 = 16;
const PADDING: u32 = 20;
const POD_HEADER: u32 = 36;
const MARGIN: u32 = 8;
/// The longest label, in characters, that fits in a container box.
const LABEL_CHARS: usize = 20;

/// Lays out `pod`: init containers in rows first, then app containers, inside the Pod's box.
pub fn layout(pod: &Pod) -> Diagram {
    let mut containers = Vec::new();
    let mut y = MARGIN + POD_HEADER;
    let mut widest_row = 0;
    for init_group in [true, false] {
        let group: Vec<_> = pod
            .all_containers()
            .filter(|(kind, _)| kind.is_init() == init_group)
            .collect();
        for row in group.chunks(COLUMNS) {
            widest_row = widest_row.max(row.len());
            for (column, (kind, container)) in row.iter().enumerate() {
                let kind = *kind;
                let column = u32::try_from(column).unwrap_or(0);
                containers.push(ContainerBox {
                    kind,
                    name: container.name.clone(),
                    label: shorten(&container.name),
                    image_label: shorten(container.image.as_deref().unwrap_or_default()),
                    rect: Rect {
                        x: MARGIN + PADDING + column * (BOX_WIDTH + GAP),
                        y,
                        width: BOX_WIDTH,
                        height: BOX_HEIGHT,
                    },
                });
            }
            y += BOX_HEIGHT + GAP;
        }
    }
    let columns = u32::try_from(widest_row.max(1)).unwrap_or(1);
    let inner_width = columns * BOX_WIDTH + (columns - 1) * GAP;
    let bottom = if containers.is_empty() {
        y + BOX_HEIGHT
    } else {
        y - GAP
    };
    let pod_rect = Rect {
        x: MARGIN,
        y: MARGIN,
        width: inner_width + 2 * PADDING,
        height: bottom + PADDING - MARGIN,
    };
    let diagram = Diagram {
        width: pod_rect.width + 2 * MARGIN,
        height: pod_rect.height + 2 * MARGIN,
        pod: pod_rect,
        pod_label: format!("pod/{}", pod.name()),
        containers,
    };
    debug_assert_eq!(verify(&diagram), Vec::<String>::new());
    diagram
}

/// Every pair of boxes that overlap, and every box that sticks out of the Pod's box. A correct
/// layout has none.
pub fn verify(diagram: &Diagram) -> Vec<String> {
    let mut problems = Vec::new();
    for (index, first) in diagram.containers.iter().enumerate() {
        if !diagram.pod.contains(&first.rect) {
            problems.push(format!("container '{}' sticks out of the Pod", first.name));
        }
        for second in &diagram.containers[index + 1..] {
            if first.rect.overlaps(&second.rect) {
                problems.push(format!(
                    "containers '{}' and '{}' overlap",
                    first.name, second.name
                ));
            }
        }
    }
    problems
}

/// Shortens `text` to [`LABEL_CHARS`] characters, ending with an ellipsis when cut.
fn shorten(text: &str) -> String {
    if text.chars().count() <= LABEL_CHARS {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(LABEL_CHARS - 1).collect();
    short.push('…');
    short
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::v1::Container;

    fn pod(init: usize, app: usize) -> Pod {
        let container = |prefix: &str, index: usize| Container {
            name: format!("{prefix}-{index}"),
            image: Some("busybox:1.36".to_owned()),
            ..Container::default()
        };
        let mut pod = Pod::default();
        pod.metadata.name = Some("p".to_owned());
        pod.spec.init_containers = (0..init).map(|index| container("init", index)).collect();
        pod.spec.containers = (0..app).map(|index| container("app", index)).collect();
        pod
    }

    /// Lays out a Pod and renders the boxes, one per line.
    fn check(pod: &Pod, expected: Expect) {
        let diagram = layout(pod);
        assert_eq!(verify(&diagram), Vec::<String>::new());
        let mut out = format!(
            "{}x{} pod {:?}\n",
            diagram.width, diagram.height, diagram.pod
        );
        for container in &diagram.containers {
            let r = container.rect;
            out.push_str(&format!(
                "{:?} {} {},{} {}x{}\n",
                container.kind, container.label, r.x, r.y, r.width, r.height
            ));
        }
        expected.assert_eq(&out);
    }

    #[test]
    fn one_container() {
        check(
            &pod(0, 1),
            expect![[r#"
            224x136 pod Rect { x: 8, y: 8, width: 208, height: 120 }
            App app-0 28,44 168x64
        "#]],
        );
    }

    #[test]
    fn init_row_then_app_rows() {
        check(
            &pod(2, 5),
            expect![[r#"
            776x296 pod Rect { x: 8, y: 8, width: 760, height: 280 }
            Init init-0 28,44 168x64
            Init init-1 212,44 168x64
            App app-0 28,124 168x64
            App app-1 212,124 168x64
            App app-2 396,124 168x64
            App app-3 580,124 168x64
            App app-4 28,204 168x64
        "#]],
        );
    }

    #[test]
    fn no_containers_still_draws_the_pod() {
        check(
            &pod(0, 0),
            expect![[r#"
            224x136 pod Rect { x: 8, y: 8, width: 208, height: 120 }
        "#]],
        );
    }

    #[test]
    fn never_overlaps_from_1_to_12_containers() {
        for init in 0..4 {
            for app in 1..=12 {
                let diagram = layout(&pod(init, app));
                assert_eq!(
                    verify(&diagram),
                    Vec::<String>::new(),
                    "{init} init, {app} app"
                );
                assert_eq!(diagram.containers.len(), init + app);
            }
        }
    }

    #[test]
    fn long_names_are_shortened() {
        assert_eq!(
            shorten("a-very-long-container-name"),
            "a-very-long-contain…"
        );
        assert_eq!(shorten("short"), "short");
    }
}
