//! The ReplicaSet controller (pkg/controller/replicaset), which also runs ReplicationControllers
//! (pkg/controller/replication wraps it). It keeps `spec.replicas` active Pods from the
//! template: a Pod deleted, evicted or failed no longer counts and is replaced at once; extra
//! Pods are deleted in upstream's order of preference (`controller.ActivePodsWithRanks`). Its
//! status counts the Pods that are ready, and available (ready for `minReadySeconds`).

use std::cmp::Reverse;

use crate::api::v1::Pod;
use crate::api::workloads::Workload;
use crate::api::workloads::types::{PodTemplateSpec, ReplicaSetStatus};
use crate::cluster::World;
use crate::cluster::api_server::deletion_grace_seconds;
use crate::cluster::controllers::{
    available_at, controlling_workload, create_pods, is_active, is_available, owned_pods,
    ready_since, record,
};
use crate::cluster::event::Event;
use crate::cluster::store::PodId;
use crate::cluster::stored_workload::WorkloadId;
use crate::cluster::trigger::{Change, Timer, Trigger};

use crate::cluster::controllers::BURST_REPLICAS;

/// What the controller reads of a ReplicaSet or a ReplicationController.
struct Spec<'a> {
    replicas: i32,
    min_ready_seconds: i32,
    template: Option<&'a PodTemplateSpec>,
    status: Option<&'a ReplicaSetStatus>,
    /// The Events' source component.
    source: &'static str,
}

fn spec_of(object: &Workload) -> Option<Spec<'_>> {
    match object {
        Workload::ReplicaSet(rs) => Some(Spec {
            replicas: rs.spec.replicas.unwrap_or(1),
            min_ready_seconds: rs.spec.min_ready_seconds,
            template: Some(&rs.spec.template),
            status: rs.status.as_ref(),
            source: "replicaset-controller",
        }),
        Workload::ReplicationController(rc) => Some(Spec {
            replicas: rc.spec.replicas.unwrap_or(1),
            min_ready_seconds: rc.spec.min_ready_seconds,
            template: rc.spec.template.as_ref(),
            status: rc.status.as_ref(),
            source: "replication-controller",
        }),
        _ => None,
    }
}

/// The object with `status`.
fn with_status(object: &Workload, status: ReplicaSetStatus) -> Workload {
    let mut object = object.clone();
    match &mut object {
        Workload::ReplicaSet(rs) => rs.status = Some(status),
        Workload::ReplicationController(rc) => rc.status = Some(status),
        _ => {}
    }
    object
}

/// What the controller does about `trigger`.
pub fn decide(world: &World, trigger: &Trigger, out: &mut Vec<Event>) {
    let target = match trigger {
        Trigger::Watch(Change::WorkloadChanged(id))
        | Trigger::Timer(Timer::WorkloadSync { workload: id }) => Some(*id),
        Trigger::Watch(
            Change::PodCreated(pod)
            | Change::PodDeleting(pod)
            | Change::PodRemoved(pod)
            | Change::PodStatus(pod),
        ) => controlling_workload(
            world,
            &world.store.pod(*pod).object().metadata.owner_references,
        ),
        _ => None,
    };
    if let Some(id) = target {
        sync(world, id, out);
    }
}

/// One sync of the ReplicaSet or ReplicationController `id` (`syncReplicaSet`).
fn sync(world: &World, id: WorkloadId, out: &mut Vec<Event>) {
    let stored = world.store.workload(id);
    let Some(spec) = spec_of(&stored.object) else {
        return;
    };
    if stored.removed.is_some() {
        return;
    }
    let now = world.wall(world.now);
    let pods = owned_pods(world, stored.uid());
    let active: Vec<PodId> = pods
        .iter()
        .copied()
        .filter(|pod| is_active(world.store.pod(*pod).object()))
        .collect();
    let wanted = usize::try_from(spec.replicas).unwrap_or(0);
    if active.len() < wanted {
        if let Some(template) = spec.template {
            create_pods(world, id, template, wanted - active.len(), spec.source, out);
        }
    } else if active.len() > wanted {
        delete(world, id, &active, active.len() - wanted, spec.source, out);
    }
    // The status as of this sync's look at the Pods; the next sync counts what it created.
    let objects: Vec<&Pod> = active
        .iter()
        .map(|pod| world.store.pod(*pod).object())
        .collect();
    let template_labels = spec.template.map(|t| &t.metadata.labels);
    let count = |keep: &dyn Fn(&Pod) -> bool| -> Option<i32> {
        let n = objects.iter().filter(|pod| keep(pod)).count();
        (n > 0).then(|| i32::try_from(n).unwrap_or(i32::MAX))
    };
    let status = ReplicaSetStatus {
        replicas: i32::try_from(objects.len()).unwrap_or(i32::MAX),
        fully_labeled_replicas: count(&|pod| {
            template_labels.is_none_or(|labels| {
                labels
                    .iter()
                    .all(|(key, value)| pod.metadata.labels.get(key) == Some(value))
            })
        }),
        ready_replicas: count(&|pod| ready_since(pod).is_some()),
        available_replicas: count(&|pod| is_available(pod, spec.min_ready_seconds, now)),
        terminating_replicas: None,
        observed_generation: stored.object.metadata().generation,
        conditions: spec
            .status
            .map(|s| s.conditions.clone())
            .unwrap_or_default(),
    };
    if spec.status != Some(&status) {
        out.push(Event::WorkloadWritten {
            workload: id,
            object: Box::new(with_status(&stored.object, status)),
        });
    }
    // A Pod ready now becomes available after minReadySeconds: look again then.
    if spec.min_ready_seconds > 0 {
        let start = world.wall(0);
        for pod in &objects {
            if ready_since(pod) == Some(now)
                && let Some(at) = available_at(pod, spec.min_ready_seconds)
            {
                let at = u64::try_from(at.millis_since(start)).unwrap_or(0);
                out.push(Event::TimerSet(at, Timer::WorkloadSync { workload: id }));
            }
        }
    }
}

/// Deletes `count` of the `active` Pods, those upstream prefers to lose first: not yet
/// scheduled, then Pending before Unknown before Running, not ready before ready, ready for a
/// shorter time, more restarts, newer (`controller.ActivePodsWithRanks`).
fn delete(
    world: &World,
    id: WorkloadId,
    active: &[PodId],
    count: usize,
    source: &str,
    out: &mut Vec<Event>,
) {
    let mut ranked: Vec<PodId> = active.to_vec();
    ranked.sort_by_key(|pod| {
        let object = world.store.pod(*pod).object();
        let phase = match object.status.as_deref().and_then(|s| s.phase.as_deref()) {
            Some("Pending") | None => 0,
            Some("Unknown") => 1,
            _ => 2,
        };
        let restarts: i32 = object
            .status
            .as_deref()
            .map(|s| s.container_statuses.iter().map(|c| c.restart_count).sum())
            .unwrap_or(0);
        (
            object.spec.node_name.is_some(),
            phase,
            ready_since(object).is_some(),
            Reverse(ready_since(object)),
            Reverse(restarts),
            Reverse(*pod),
        )
    });
    for pod in ranked.into_iter().take(count.min(BURST_REPLICAS)) {
        let object = world.store.pod(pod).object();
        out.push(Event::PodDeleting {
            pod,
            grace_seconds: deletion_grace_seconds(object, None),
        });
        let name = object.name().to_owned();
        record(
            world,
            id,
            "SuccessfulDelete",
            format!("Deleted pod: {name}"),
            source,
            out,
        );
    }
}
