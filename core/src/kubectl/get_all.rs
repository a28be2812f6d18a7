//! `kubectl get` of several resources: `get deploy,rs,pods`, and `get all`, the category that
//! the API server's discovery expands into pods, replicationcontrollers, services, daemonsets,
//! deployments, replicasets, statefulsets, horizontalpodautoscalers, cronjobs and jobs, in that
//! order. kubectl prints one table per resource that has objects, names prefixed by
//! `kind.group/` (several resources were asked for), tables separated by a blank line. The
//! virtual cluster's Services are names only, so no Service table is printed (see NOTES.md).

use crate::api::workloads::{Workload, WorkloadKind};
use crate::base::timestamp::Timestamp;
use crate::kubectl::get::table;
use crate::kubectl::get_workloads;
use crate::kubectl::list_options::add_labels_column;

/// A resource listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resource {
    /// Pods.
    Pods,
    /// The objects of a workload kind.
    Workload(WorkloadKind),
}

/// The resources of the `all` category that the virtual cluster has, in discovery order.
pub const ALL: [Resource; 8] = [
    Resource::Pods,
    Resource::Workload(WorkloadKind::ReplicationController),
    Resource::Workload(WorkloadKind::DaemonSet),
    Resource::Workload(WorkloadKind::Deployment),
    Resource::Workload(WorkloadKind::ReplicaSet),
    Resource::Workload(WorkloadKind::StatefulSet),
    Resource::Workload(WorkloadKind::CronJob),
    Resource::Workload(WorkloadKind::Job),
];

/// `kubectl get RESOURCE,RESOURCE… [-o wide] [--show-labels]` (and `get all`, [`ALL`]):
/// `pod_rows` is the Pods' table (header first, LABELS included when asked), `workloads` every
/// workload object listed, by name, seen at `now`. None when nothing is listed.
pub fn get_many(
    resources: &[Resource],
    pod_rows: Vec<Vec<String>>,
    workloads: &[&Workload],
    now: Timestamp,
    wide: bool,
    show_labels: bool,
) -> Option<String> {
    let mut tables = Vec::new();
    let mut pod_rows = Some(pod_rows);
    for (index, resource) in resources.iter().enumerate() {
        // Each resource is listed once, however often it is named.
        if resources[..index].contains(resource) {
            continue;
        }
        let kind = match resource {
            Resource::Pods => {
                if let Some(rows) = pod_rows.take().filter(|rows| rows.len() > 1) {
                    tables.push(prefixed(rows, "pod"));
                }
                continue;
            }
            Resource::Workload(kind) => *kind,
        };
        let objects: Vec<&Workload> = workloads
            .iter()
            .copied()
            .filter(|object| object.kind() == kind)
            .collect();
        if objects.is_empty() {
            continue;
        }
        let mut rows: Vec<Vec<String>> = std::iter::once(get_workloads::header(kind, wide))
            .chain(
                objects
                    .iter()
                    .map(|object| get_workloads::row(object, now, wide)),
            )
            .collect();
        if show_labels {
            let labels: Vec<_> = objects
                .iter()
                .map(|object| &object.metadata().labels)
                .collect();
            add_labels_column(&mut rows, &labels);
        }
        tables.push(prefixed(rows, &kind.kind_group()));
    }
    (!tables.is_empty()).then(|| tables.join("\n"))
}

/// The table with each name prefixed by `prefix/`.
fn prefixed(mut rows: Vec<Vec<String>>, prefix: &str) -> String {
    for row in rows.iter_mut().skip(1) {
        if let Some(name) = row.first_mut() {
            *name = format!("{prefix}/{name}");
        }
    }
    table(&rows)
}
