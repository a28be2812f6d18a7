//! `kubectl rollout status` of a Deployment, a StatefulSet and a DaemonSet (staging/src/k8s.io/
//! kubectl/pkg/polymorphichelpers/rollout_status.go `DeploymentStatusViewer`,
//! `StatefulSetStatusViewer`, `DaemonSetStatusViewer`): what it prints for the object as it is,
//! and whether the rollout is done; `rollout history` (history.go `DeploymentHistoryViewer`) and
//! the errors of `rollout undo` (rollback.go `deploymentRevision`).

use crate::api::workloads::Workload;
use crate::api::workloads::types::{DaemonSet, Deployment, ReplicaSet, StatefulSet};

/// The line `kubectl rollout status` prints for `object` now (kubectl's error, with `error: `,
/// for a strategy it cannot follow), or `None` for a kind it has no status viewer for.
pub fn status(object: &Workload) -> Option<String> {
    match object {
        Workload::Deployment(deployment) => Some(deployment_status(deployment).0),
        Workload::StatefulSet(set) => Some(stateful_set_status(set).0),
        Workload::DaemonSet(daemon_set) => Some(daemon_set_status(daemon_set).0),
        _ => None,
    }
}

/// kubectl's error for a StatefulSet or a DaemonSet updated `OnDelete` (it names the
/// StatefulSet's strategy type for both, as upstream does).
const ONLY_ROLLING_UPDATE: &str =
    "error: rollout status is only available for RollingUpdate strategy type";

/// The line `kubectl rollout status` prints for a StatefulSet, and true once it is done.
pub fn stateful_set_status(set: &StatefulSet) -> (String, bool) {
    if set.spec.update_strategy.kind.as_deref() == Some("OnDelete") {
        return (ONLY_ROLLING_UPDATE.to_owned(), true);
    }
    let status = set.status.clone().unwrap_or_default();
    let observed = status.observed_generation.unwrap_or(0);
    if observed == 0 || set.metadata.generation.unwrap_or(0) > observed {
        return (
            "Waiting for statefulset spec update to be observed...".to_owned(),
            false,
        );
    }
    let replicas = set.spec.replicas;
    let ready = status.ready_replicas.unwrap_or(0);
    let updated = status.updated_replicas.unwrap_or(0);
    if let Some(replicas) = replicas
        && ready < replicas
    {
        return (
            format!("Waiting for {} pods to be ready...", replicas - ready),
            false,
        );
    }
    if let Some(rolling) = &set.spec.update_strategy.rolling_update {
        if let (Some(replicas), Some(partition)) = (replicas, rolling.partition)
            && updated < replicas - partition
        {
            return (
                format!(
                    "Waiting for partitioned roll out to finish: {updated} out of {} new pods have been updated...",
                    replicas - partition
                ),
                false,
            );
        }
        return (
            format!("partitioned roll out complete: {updated} new pods have been updated..."),
            true,
        );
    }
    let current = status.current_revision.unwrap_or_default();
    let update = status.update_revision.unwrap_or_default();
    if update != current {
        return (
            format!(
                "waiting for statefulset rolling update to complete {updated} pods at revision {update}..."
            ),
            false,
        );
    }
    (
        format!(
            "statefulset rolling update complete {} pods at revision {current}...",
            status.current_replicas.unwrap_or(0)
        ),
        true,
    )
}

/// The line `kubectl rollout status` prints for a DaemonSet, and true once it is done.
pub fn daemon_set_status(daemon_set: &DaemonSet) -> (String, bool) {
    if daemon_set.spec.update_strategy.kind.as_deref() == Some("OnDelete") {
        return (ONLY_ROLLING_UPDATE.to_owned(), true);
    }
    let name = daemon_set.metadata.name.as_deref().unwrap_or("");
    let status = daemon_set.status.clone().unwrap_or_default();
    if daemon_set.metadata.generation.unwrap_or(0) > status.observed_generation.unwrap_or(0) {
        return (
            "Waiting for daemon set spec update to be observed...".to_owned(),
            false,
        );
    }
    let desired = status.desired_number_scheduled;
    let updated = status.updated_number_scheduled.unwrap_or(0);
    let available = status.number_available.unwrap_or(0);
    if updated < desired {
        return (
            format!(
                "Waiting for daemon set \"{name}\" rollout to finish: {updated} out of {desired} new pods have been updated..."
            ),
            false,
        );
    }
    if available < desired {
        return (
            format!(
                "Waiting for daemon set \"{name}\" rollout to finish: {available} of {desired} updated pods are available..."
            ),
            false,
        );
    }
    (
        format!("daemon set \"{name}\" successfully rolled out"),
        true,
    )
}

/// The line `kubectl rollout status` prints for `deployment` now, and true once the rollout is
/// done (or failed: then the line is kubectl's error).
pub fn deployment_status(deployment: &Deployment) -> (String, bool) {
    let name = deployment.metadata.name.as_deref().unwrap_or("");
    let status = deployment.status.clone().unwrap_or_default();
    let generation = deployment.metadata.generation.unwrap_or(0);
    if generation > status.observed_generation.unwrap_or(0) {
        return (
            "Waiting for deployment spec update to be observed...".to_owned(),
            false,
        );
    }
    let deadline_exceeded = status.conditions.iter().any(|condition| {
        condition.kind == "Progressing"
            && condition.reason.as_deref() == Some("ProgressDeadlineExceeded")
    });
    if deadline_exceeded {
        return (
            format!("error: deployment \"{name}\" exceeded its progress deadline"),
            true,
        );
    }
    let replicas = deployment.spec.replicas.unwrap_or(1);
    let updated = status.updated_replicas.unwrap_or(0);
    let total = status.replicas.unwrap_or(0);
    let available = status.available_replicas.unwrap_or(0);
    if updated < replicas {
        return (
            format!(
                "Waiting for deployment \"{name}\" rollout to finish: {updated} out of {replicas} new replicas have been updated..."
            ),
            false,
        );
    }
    if total > updated {
        return (
            format!(
                "Waiting for deployment \"{name}\" rollout to finish: {} old replicas are pending termination...",
                total - updated
            ),
            false,
        );
    }
    if available < updated {
        return (
            format!(
                "Waiting for deployment \"{name}\" rollout to finish: {available} of {updated} updated replicas are available..."
            ),
            false,
        );
    }
    (
        format!("deployment \"{name}\" successfully rolled out"),
        true,
    )
}

/// The ReplicaSets of a Deployment by revision (`deployment.kubernetes.io/revision`), oldest
/// first.
fn by_revision<'a>(replica_sets: &[&'a ReplicaSet]) -> Vec<(i64, &'a ReplicaSet)> {
    let mut revisions: Vec<(i64, &ReplicaSet)> = replica_sets
        .iter()
        .filter_map(|rs| {
            let revision = rs
                .metadata
                .annotations
                .get("deployment.kubernetes.io/revision")?
                .parse()
                .ok()?;
            Some((revision, *rs))
        })
        .collect();
    revisions.sort_by_key(|(revision, _)| *revision);
    revisions
}

/// `kubectl rollout history deployment/NAME` (`DeploymentHistoryViewer.ViewHistory`): each
/// revision with its `kubernetes.io/change-cause`, under the object's name.
pub fn deployment_history(name: &str, replica_sets: &[&ReplicaSet]) -> String {
    let revisions = by_revision(replica_sets);
    if revisions.is_empty() {
        return format!("deployment.apps/{name} No rollout history found.\n");
    }
    // history.go's `tabbedString`: Go's tabwriter with a padding of 2, as describe's.
    let mut text = String::from("REVISION\tCHANGE-CAUSE\n");
    for (revision, rs) in revisions {
        let cause = rs
            .metadata
            .annotations
            .get("kubernetes.io/change-cause")
            .filter(|cause| !cause.is_empty())
            .map_or("<none>", String::as_str);
        text.push_str(&format!("{revision}\t{cause}\n"));
    }
    // The name printer's line ends with the operation, here empty: a trailing space.
    format!(
        "deployment.apps/{name} \n{}\n",
        crate::kubectl::tabwriter::TabWriter::DESCRIBE.format(&text)
    )
}

/// The ReplicaSets `deployment` controls, among `objects`.
pub fn owned_replica_sets<'a>(
    objects: &[&'a Workload],
    deployment: &Workload,
) -> Vec<&'a ReplicaSet> {
    let uid = deployment.metadata().uid.clone().unwrap_or_default();
    objects
        .iter()
        .filter_map(|object| match object {
            Workload::ReplicaSet(rs)
                if crate::api::workloads::is_controlled_by(&rs.metadata, &uid) =>
            {
                Some(rs)
            }
            _ => None,
        })
        .collect()
}

/// Why `kubectl rollout undo` cannot go back (`deploymentRevision`), if it cannot: the
/// revision asked for is not there, or there is none before the newest.
pub fn undo_error(
    name: &str,
    replica_sets: &[&ReplicaSet],
    to_revision: Option<i64>,
) -> Option<String> {
    let revisions = by_revision(replica_sets);
    match to_revision.filter(|r| *r > 0) {
        Some(wanted) if !revisions.iter().any(|(r, _)| *r == wanted) => Some(format!(
            "error: unable to find specified revision {wanted} in history"
        )),
        Some(_) => None,
        None if revisions.len() < 2 => Some(format!(
            "error: no rollout history found for deployment \"{name}\""
        )),
        None => None,
    }
}
