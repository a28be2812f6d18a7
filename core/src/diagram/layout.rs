//! Where everything goes. Boxes sit on one grid of columns: init containers in the first rows,
//! then sidecars and app containers, then volumes. Between rows run horizontal channels, between
//! columns vertical gaps; every edge runs in them, on its own lane, so no edge crosses a box.
//! Positions depend only on indexes and counts, never on names, so renaming a container or
//! adding an env var moves nothing.

use crate::api::v1::{ContainerKind, Pod};
use crate::diagram::{
    ContainerBox, Diagram, Edge, EdgeKind, ExternalBox, LegendItem, Point, PortChip, Rect,
    VolumeBox, shorten,
};
use crate::topology::{self, Access, End, Link, Topology};

/// Boxes per row, at most.
const COLUMNS: usize = 4;
const BOX_WIDTH: u32 = 184;
/// The container box's height without mount lines.
const BOX_BASE: u32 = 84;
const MOUNT_LINE: u32 = 14;
/// The most mount lines drawn in a box; the rest are summed up in one more line.
const MAX_MOUNT_LINES: usize = 4;
const COLUMN_GAP: u32 = 40;
const CHANNEL: u32 = 40;
const PADDING: u32 = 40;
const POD_HEADER: u32 = 34;
const BAND_HEIGHT: u32 = 44;
const VOLUME_HEIGHT: u32 = 48;
const MARGIN: u32 = 8;
const CHIP_WIDTH: u32 = 56;
const CHIP_HEIGHT: u32 = 18;
/// Chips drawn one by one per box; more ports share a "+n" chip.
const MAX_CHIPS: usize = 2;
const EXTERNAL_GAP: u32 = 64;
const EXTERNAL_WIDTH: u32 = 232;
const EXTERNAL_HEIGHT: u32 = 40;
const EXTERNAL_SPACING: u32 = 16;
const LEGEND_CELL: u32 = 168;
const LEGEND_ROW: u32 = 22;
/// Lanes per channel or gap, 4 units apart.
const LANES: u32 = 7;
/// Characters that fit in a box's label.
const LABEL_CHARS: usize = 22;

/// Lays out `pod` from its structure alone.
pub fn layout(pod: &Pod) -> Diagram {
    layout_topology(topology::analyze(pod, None))
}

/// A row of the grid: its top.
struct Row {
    y: u32,
}

/// Lays out an analysed Pod.
pub fn layout_topology(topology: Topology) -> Diagram {
    let init: Vec<usize> = (0..topology.containers.len())
        .filter(|i| topology.containers[*i].kind == ContainerKind::Init)
        .collect();
    let running: Vec<usize> = (0..topology.containers.len())
        .filter(|i| topology.containers[*i].kind != ContainerKind::Init)
        .collect();
    let volume_indexes: Vec<usize> = (0..topology.volumes.len()).collect();
    let groups = [&init, &running, &volume_indexes];
    let columns = groups
        .iter()
        .map(|group| group.len().min(COLUMNS))
        .max()
        .unwrap_or(1)
        .max(1);
    let columns_u32 = u32::try_from(columns).unwrap_or(1);
    let mounts_per_container: Vec<usize> = (0..topology.containers.len())
        .map(|index| {
            topology
                .volumes
                .iter()
                .flat_map(|v| &v.mounts)
                .filter(|m| m.container == index)
                .count()
        })
        .collect();
    let mount_lines = mounts_per_container
        .iter()
        .map(|count| {
            if *count > MAX_MOUNT_LINES {
                MAX_MOUNT_LINES + 1
            } else {
                *count
            }
        })
        .max()
        .unwrap_or(0);
    let box_height = BOX_BASE + MOUNT_LINE * u32::try_from(mount_lines).unwrap_or(0);
    let pod_x = MARGIN;
    let column_x = |column: usize| {
        pod_x + PADDING + u32::try_from(column).unwrap_or(0) * (BOX_WIDTH + COLUMN_GAP)
    };
    // The band needs room for the pause container and the Pod IP: two columns at least.
    let width_columns = columns_u32.max(2);
    let inner_width = width_columns * BOX_WIDTH + (width_columns - 1) * COLUMN_GAP;
    let pod_width = inner_width + 2 * PADDING;
    let network = Rect {
        x: pod_x + PADDING,
        y: MARGIN + POD_HEADER,
        width: inner_width,
        height: BAND_HEIGHT,
    };
    let pause = Rect {
        x: network.x + 8,
        y: network.y + 8,
        width: 96,
        height: BAND_HEIGHT - 16,
    };
    // Rows: each group starts a new row.
    let mut rows: Vec<Row> = Vec::new();
    let mut cells: Vec<(usize, usize)> = Vec::new(); // (row, column) per placed item, by group order
    let mut y = network.bottom() + CHANNEL;
    for (group_index, group) in groups.iter().enumerate() {
        let height = if group_index == 2 {
            VOLUME_HEIGHT
        } else {
            box_height
        };
        for chunk in group.chunks(COLUMNS) {
            rows.push(Row { y });
            for column in 0..chunk.len() {
                cells.push((rows.len() - 1, column));
            }
            y += height + CHANNEL;
        }
    }
    let grid_bottom = if rows.is_empty() { y } else { y - CHANNEL };
    let pod = Rect {
        x: pod_x,
        y: MARGIN,
        width: pod_width,
        height: grid_bottom + PADDING / 2 - MARGIN,
    };
    let names: Vec<&str> = topology
        .containers
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    // Container boxes, init first, each at its cell.
    let container_cell = |index: usize| -> (usize, usize) {
        let position = init
            .iter()
            .chain(&running)
            .position(|i| *i == index)
            .unwrap_or(0);
        cells[position]
    };
    let conflicted: Vec<usize> = topology
        .conflicts
        .iter()
        .flat_map(|c| [c.first, c.second])
        .collect();
    let mut containers = Vec::new();
    for (index, info) in topology.containers.iter().enumerate() {
        let (row, column) = container_cell(index);
        let rect = Rect {
            x: column_x(column),
            y: rows[row].y,
            width: BOX_WIDTH,
            height: box_height,
        };
        let mut lines: Vec<String> = Vec::new();
        for volume in &topology.volumes {
            for mount in volume.mounts.iter().filter(|m| m.container == index) {
                let mode = if mount.read_only { " (ro)" } else { "" };
                lines.push(shorten(
                    &format!("{} ← {}{mode}", mount.mount_path, volume.name),
                    LABEL_CHARS + 4,
                ));
            }
        }
        if lines.len() > MAX_MOUNT_LINES {
            let more = lines.len() - (MAX_MOUNT_LINES - 1);
            lines.truncate(MAX_MOUNT_LINES - 1);
            lines.push(format!("+{more} more mounts"));
        }
        containers.push(ContainerBox {
            kind: info.kind,
            role: info.role.role,
            role_label: info.role.label(),
            name: info.name.clone(),
            label: shorten(&info.name, LABEL_CHARS),
            image_label: shorten(&info.image, LABEL_CHARS + 4),
            mount_lines: lines,
            rect,
            conflict: conflicted.contains(&index),
        });
    }
    // Port chips on each box's top edge; a port beyond the chips is drawn by the "+n" chip.
    let mut ports = Vec::new();
    let mut chip_of_port: Vec<usize> = vec![0; topology.ports.len()];
    for (index, container) in containers.iter().enumerate() {
        let mine: Vec<usize> = (0..topology.ports.len())
            .filter(|p| topology.ports[*p].container == index)
            .collect();
        let shown = if mine.len() > MAX_CHIPS {
            MAX_CHIPS - 1
        } else {
            mine.len()
        };
        for (slot, port) in mine.iter().enumerate() {
            // Ports past the shown ones share one "+n" chip, made for the first of them.
            if slot <= shown {
                let (port_index, label) = if slot < shown {
                    (Some(*port), format!(":{}", topology.ports[*port].number))
                } else {
                    (None, format!("+{}", mine.len() - shown))
                };
                let conflict = port_index.is_some_and(|p| {
                    let number = topology.ports[p].number;
                    topology
                        .conflicts
                        .iter()
                        .any(|c| c.port == number && (c.first == index || c.second == index))
                });
                ports.push(PortChip {
                    port: port_index,
                    container: index,
                    label,
                    rect: Rect {
                        x: container.rect.x
                            + 8
                            + u32::try_from(slot).unwrap_or(0) * (CHIP_WIDTH + 4),
                        y: container.rect.y - CHIP_HEIGHT / 2,
                        width: CHIP_WIDTH,
                        height: CHIP_HEIGHT,
                    },
                    conflict,
                });
            }
            chip_of_port[*port] = ports.len() - 1;
        }
    }
    // Volumes in the last rows.
    let first_volume_cell = init.len() + running.len();
    let volumes: Vec<VolumeBox> = topology
        .volumes
        .iter()
        .enumerate()
        .map(|(index, volume)| {
            let (row, column) = cells[first_volume_cell + index];
            VolumeBox {
                volume: index,
                label: shorten(&volume.name, LABEL_CHARS),
                kind_label: shorten(&volume.kind, LABEL_CHARS + 2),
                rect: Rect {
                    x: column_x(column),
                    y: rows[row].y,
                    width: BOX_WIDTH,
                    height: VOLUME_HEIGHT,
                },
            }
        })
        .collect();
    let volume_row = |index: usize| cells[first_volume_cell + index].0;
    // Endpoints outside the Pod, stacked on its right.
    let external_x = pod.right() + EXTERNAL_GAP;
    let externals: Vec<ExternalBox> = topology
        .externals
        .iter()
        .enumerate()
        .map(|(index, external)| ExternalBox {
            external: index,
            kind: external.kind,
            label: shorten(&external.label, LABEL_CHARS + 8),
            rect: Rect {
                x: external_x,
                y: network.y
                    + u32::try_from(index).unwrap_or(0) * (EXTERNAL_HEIGHT + EXTERNAL_SPACING),
                width: EXTERNAL_WIDTH,
                height: EXTERNAL_HEIGHT,
            },
        })
        .collect();
    let router = Router {
        rows: &rows,
        column_x: &column_x,
        pod,
    };
    let mut edges = Vec::new();
    // Mounts: from the container's bottom to the volume's top.
    let mut lane = 0u32;
    for (volume_index, volume) in topology.volumes.iter().enumerate() {
        for mount in &volume.mounts {
            let (row, column) = container_cell(mount.container);
            let from = &containers[mount.container].rect;
            let to = &volumes[volume_index].rect;
            let exit = Point {
                x: from.x + 12 + (lane % 10) * 8,
                y: from.bottom(),
            };
            let entry = Point {
                x: to.x + 12 + (u32::try_from(mount.container).unwrap_or(0) % 10) * 8,
                y: to.y,
            };
            let points = router.route(exit, row + 1, column, volume_row(volume_index), entry, lane);
            let access = mount.access.as_str();
            let title = format!(
                "'{}' mounts the volume '{}' at {}{}{}{}",
                names[mount.container],
                volume.name,
                mount.mount_path,
                mount
                    .sub_path
                    .as_deref()
                    .map(|s| format!(" (subPath {s})"))
                    .unwrap_or_default(),
                if mount.read_only { ", read-only" } else { "" },
                if mount.access == Access::Unknown {
                    String::new()
                } else {
                    format!(
                        ": {}",
                        if mount.evidence.is_empty() {
                            access.to_owned()
                        } else {
                            mount.evidence.join(", ")
                        }
                    )
                }
            );
            edges.push(Edge {
                kind: EdgeKind::Mount,
                container: Some(mount.container),
                points,
                title,
                class: match mount.access {
                    Access::Writes | Access::ReadsAndWrites => "writes".to_owned(),
                    Access::Reads => "reads".to_owned(),
                    Access::Unknown => String::new(),
                },
            });
            lane += 1;
        }
    }
    // Links: every one enters its target from above, or from the left for endpoints outside.
    for (link_index, link) in topology.links.iter().enumerate() {
        let lane = u32::try_from(link_index).unwrap_or(0) + 3;
        if let Some(edge) = route_link(
            &router,
            link,
            lane,
            &containers,
            &ports,
            &chip_of_port,
            &externals,
            &topology,
            &container_cell,
        ) {
            edges.push(edge);
        }
    }
    // The legend, under the Pod.
    let legend_entries: Vec<(String, String)> = legend_entries();
    let right_edge = if externals.is_empty() {
        pod.right()
    } else {
        external_x + EXTERNAL_WIDTH
    };
    let legend_columns = ((right_edge - MARGIN) / LEGEND_CELL).max(1);
    // Below the Pod and below the endpoints outside it, whichever reaches lower.
    let externals_bottom = externals.last().map_or(0, |e| e.rect.bottom());
    let legend_top = pod.bottom().max(externals_bottom) + 16;
    let legend: Vec<LegendItem> = legend_entries
        .into_iter()
        .enumerate()
        .map(|(index, (class, label))| {
            let index = u32::try_from(index).unwrap_or(0);
            let cell = Rect {
                x: MARGIN + (index % legend_columns) * LEGEND_CELL,
                y: legend_top + (index / legend_columns) * LEGEND_ROW,
                width: LEGEND_CELL - 8,
                height: LEGEND_ROW - 4,
            };
            LegendItem {
                class,
                label,
                rect: Rect {
                    x: cell.x,
                    y: cell.y + 2,
                    width: 14,
                    height: 14,
                },
                cell,
            }
        })
        .collect();
    let bottom = legend
        .last()
        .map_or(pod.bottom(), |item| item.cell.bottom());
    Diagram {
        width: right_edge.max(legend_columns * LEGEND_CELL) + MARGIN,
        height: bottom.max(externals_bottom) + MARGIN,
        pod,
        pod_label: topology.pod_label.clone(),
        network,
        pause,
        containers,
        ports,
        volumes,
        externals,
        edges,
        legend,
        topology,
    }
}

/// The legend's entries: roles, states, edges.
fn legend_entries() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = [
        ("container main", "main container"),
        ("container sidecar", "sidecar"),
        ("container ambassador", "ambassador"),
        ("container adapter", "adapter"),
        ("container init", "init container"),
    ]
    .iter()
    .map(|(class, label)| ((*class).to_owned(), (*label).to_owned()))
    .collect();
    for visual in crate::diagram::look::Visual::LEGEND {
        out.push((
            format!("state {}", visual.class()),
            visual.legend().to_owned(),
        ));
    }
    for (class, label) in [
        ("edge mount", "volume mount"),
        ("edge localhost", "localhost connection"),
        ("edge outbound", "leaves the Pod"),
        ("edge inbound", "comes into the Pod"),
    ] {
        out.push((class.to_owned(), label.to_owned()));
    }
    out
}

/// Routes edges through the channels between rows and the gaps between columns.
struct Router<'a> {
    rows: &'a [Row],
    column_x: &'a dyn Fn(usize) -> u32,
    pod: Rect,
}

impl Router<'_> {
    /// The lane's height in the channel above `row`.
    fn channel_y(&self, row: usize, lane: u32) -> u32 {
        self.rows[row].y - CHANNEL + 4 + (lane % LANES) * 4
    }

    /// The lane's x in the gap right of `column`.
    fn gap_x(&self, column: usize, lane: u32) -> u32 {
        (self.column_x)(column) + BOX_WIDTH + 6 + (lane % LANES) * 4
    }

    /// From `exit` on a box edge in `column` into the channel above `channel_row` (the one just
    /// below the box when it leaves downwards, just above it otherwise), then along the gap right
    /// of the column to the channel above `to_row` if that is another one, and into `entry`
    /// from above.
    fn route(
        &self,
        exit: Point,
        channel_row: usize,
        column: usize,
        to_row: usize,
        entry: Point,
        lane: u32,
    ) -> Vec<Point> {
        let y1 = self.channel_y(channel_row, lane);
        let mut points = vec![exit, Point { x: exit.x, y: y1 }];
        if to_row != channel_row {
            let gx = self.gap_x(column, lane);
            let y2 = self.channel_y(to_row, lane);
            points.push(Point { x: gx, y: y1 });
            points.push(Point { x: gx, y: y2 });
            points.push(Point { x: entry.x, y: y2 });
        } else {
            points.push(Point { x: entry.x, y: y1 });
        }
        points.push(entry);
        dedup(points)
    }

    /// From the top of a box in `row` out of the Pod's right side to the left of `target`.
    fn out(&self, row: usize, exit_x: u32, exit_y: u32, target: &Rect, lane: u32) -> Vec<Point> {
        let y1 = self.channel_y(row, lane);
        let xr = self.pod.right() + 8 + (lane % 12) * 4;
        let ty = target.y + target.height / 2;
        dedup(vec![
            Point {
                x: exit_x,
                y: exit_y,
            },
            Point { x: exit_x, y: y1 },
            Point { x: xr, y: y1 },
            Point { x: xr, y: ty },
            Point { x: target.x, y: ty },
        ])
    }
}

/// Drops repeated points.
fn dedup(mut points: Vec<Point>) -> Vec<Point> {
    points.dedup();
    points
}

/// The edge of one link.
#[allow(clippy::too_many_arguments)]
fn route_link(
    router: &Router,
    link: &Link,
    lane: u32,
    containers: &[ContainerBox],
    chips: &[PortChip],
    chip_of_port: &[usize],
    externals: &[ExternalBox],
    topology: &Topology,
    cell: &dyn Fn(usize) -> (usize, usize),
) -> Option<Edge> {
    let names: Vec<&str> = topology
        .containers
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    // Exits leave a box's top edge right of its chips.
    let exit = |container: usize| {
        let rect = containers[container].rect;
        Point {
            x: rect.right() - 8 - (lane % 5) * 6,
            y: rect.y,
        }
    };
    let chip_entry = |port: usize| {
        let chip = &chips[*chip_of_port.get(port)?];
        Some((
            chip.container,
            Point {
                x: chip.rect.x + 6 + (lane % 6) * 6,
                y: chip.rect.y,
            },
        ))
    };
    let (points, container, title) = match (link.from, link.to) {
        (End::Container(from), End::Port(port)) => {
            let (owner, entry) = chip_entry(port)?;
            let (row, column) = cell(from);
            let (to_row, _) = cell(owner);
            let start = exit(from);
            // Downwards it leaves the box's bottom; otherwise its top.
            let points = if to_row > row {
                let bottom = Point {
                    x: start.x,
                    y: containers[from].rect.bottom(),
                };
                router.route(bottom, row + 1, column, to_row, entry, lane)
            } else {
                router.route(start, row, column, to_row, entry, lane)
            };
            (
                points,
                Some(from),
                format!(
                    "'{}' connects to {}, where '{}' listens",
                    names[from], link.label, names[owner]
                ),
            )
        }
        (End::Container(from), End::External(target)) => {
            let (row, _) = cell(from);
            let start = exit(from);
            let target_box = externals.iter().find(|e| e.external == target)?;
            let points = router.out(row, start.x, start.y, &target_box.rect, lane);
            (
                points,
                Some(from),
                format!(
                    "'{}' → {} ({})",
                    names[from], topology.externals[target].label, link.label
                ),
            )
        }
        (End::External(source), End::Port(port)) => {
            let (owner, entry) = chip_entry(port)?;
            let (row, _) = cell(owner);
            let source_box = externals.iter().find(|e| e.external == source)?;
            let mut points = router.out(row, entry.x, entry.y, &source_box.rect, lane);
            points.reverse();
            (
                points,
                Some(owner),
                format!(
                    "{} → '{}' {}",
                    topology.externals[source].label, names[owner], link.label
                ),
            )
        }
        _ => return None,
    };
    Some(Edge {
        kind: EdgeKind::Link(link.kind),
        container,
        points,
        title,
        class: String::new(),
    })
}

#[cfg(test)]
mod tests;
