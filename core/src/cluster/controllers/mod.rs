//! The workload controllers of kube-controller-manager: each watches its objects and the Pods
//! they own, and creates, deletes or scales what the spec asks for, writing the status and
//! Events upstream writes.
//!
//! - [`replica_set`]: ReplicaSets, and ReplicationControllers (upstream's replication manager
//!   is the ReplicaSet controller over the older type).
//! - [`deployment`]: Deployments, through their ReplicaSets.
//! - [`job`]: Jobs, and the TTL-after-finished controller's deletion of finished ones.
//! - [`cron_job`]: CronJobs, through their Jobs.
//! - [`daemon_set`]: DaemonSets, a Pod on each node that should run one.
//! - [`stateful_set`]: StatefulSets, Pods with a stable identity, in order.

pub mod cron_job;
pub mod daemon_set;
pub mod deployment;
pub mod job;
pub mod names;
pub mod replica_set;
pub mod stateful_set;

use crate::api::v1::{IntOrString, OwnerReference, Pod};
use crate::api::workloads::Workload;
use crate::api::workloads::types::PodTemplateSpec;
use crate::base::timestamp::Timestamp;
use crate::cluster::api_server::{created_object, deletion_grace_seconds};
use crate::cluster::controllers::names::generate_name;
use crate::cluster::event::Event;
use crate::cluster::events::EventType;
use crate::cluster::store::{Involved, PodId, occurrence};
use crate::cluster::stored_workload::WorkloadId;
use crate::cluster::trigger::Trigger;
use crate::cluster::{World, pod_uid};

/// The most Pods one sync creates or deletes (`BurstReplicas`).
pub const BURST_REPLICAS: usize = 500;

/// What every controller does about `trigger`, in a fixed order.
pub fn decide(world: &World, trigger: &Trigger, out: &mut Vec<Event>) {
    replica_set::decide(world, trigger, out);
    deployment::decide(world, trigger, out);
    job::decide(world, trigger, out);
    cron_job::decide(world, trigger, out);
    daemon_set::decide(world, trigger, out);
    stateful_set::decide(world, trigger, out);
}

/// The owner reference that makes `owner` the controller of an object
/// (`metav1.NewControllerRef`).
pub fn controller_reference(owner: &Workload) -> OwnerReference {
    OwnerReference {
        api_version: owner.kind().api_version().to_owned(),
        kind: owner.kind().as_str().to_owned(),
        name: owner.name().to_owned(),
        uid: owner.metadata().uid.clone().unwrap_or_default(),
        controller: Some(true),
        block_owner_deletion: Some(true),
    }
}

/// The owner reference of `pod` that names its controller, if one does.
pub fn controller_of(pod: &Pod) -> Option<&OwnerReference> {
    pod.metadata
        .owner_references
        .iter()
        .find(|owner| owner.controller == Some(true))
}

/// The live workload object that controls `object` (by its owner reference's UID).
fn controlling_workload(world: &World, owners: &[OwnerReference]) -> Option<WorkloadId> {
    let owner = owners.iter().find(|owner| owner.controller == Some(true))?;
    world.store.live_workload_with_uid(&owner.uid)
}

/// Deletes the workload `id` and, as the garbage collector's background cascade does, what it
/// controls: its Pods (each with its grace period) and its workload objects, and theirs.
pub fn delete_cascading(world: &World, id: WorkloadId, out: &mut Vec<Event>) {
    let mut pending = vec![id];
    let mut seen: Vec<WorkloadId> = Vec::new();
    while let Some(id) = pending.pop() {
        let stored = world.store.workload(id);
        if stored.removed.is_some() || seen.contains(&id) {
            continue;
        }
        seen.push(id);
        out.push(Event::WorkloadRemoved(id));
        let uid = stored.uid();
        for pod in owned_pods(world, uid) {
            let object = world.store.pod(pod).object();
            if object.metadata.deletion_timestamp.is_none() {
                out.push(Event::PodDeleting {
                    pod,
                    grace_seconds: deletion_grace_seconds(object, None),
                });
            }
        }
        for (index, other) in world.store.workloads.iter().enumerate() {
            let owned = crate::api::workloads::is_controlled_by(other.object.metadata(), uid);
            if owned && other.removed.is_none() {
                pending.push(WorkloadId(index));
            }
        }
    }
}

/// The Pods in the store (not yet removed) whose controller has the UID `uid`, in creation
/// order.
pub fn owned_pods(world: &World, uid: &str) -> Vec<PodId> {
    world
        .store
        .pods
        .iter()
        .enumerate()
        .filter(|(_, stored)| {
            stored.removed.is_none()
                && controller_of(stored.object()).is_some_and(|owner| owner.uid == uid)
        })
        .map(|(index, _)| PodId(index))
        .collect()
}

/// True for a Pod a controller counts (`controller.IsPodActive`): not Succeeded, not Failed,
/// and not being deleted.
pub fn is_active(pod: &Pod) -> bool {
    let phase = pod.status.as_deref().and_then(|s| s.phase.as_deref());
    !matches!(phase, Some("Succeeded" | "Failed")) && pod.metadata.deletion_timestamp.is_none()
}

/// When the Pod became ready, if it is (its `Ready` condition is `True`).
pub fn ready_since(pod: &Pod) -> Option<Timestamp> {
    let ready = pod
        .status
        .as_deref()?
        .conditions
        .iter()
        .find(|condition| condition.kind == "Ready" && condition.status == "True")?;
    Some(
        ready
            .last_transition_time
            .as_deref()
            .and_then(Timestamp::parse)
            .unwrap_or_default(),
    )
}

/// True when the Pod has been ready for at least `min_ready_seconds` at `now`
/// (`podutil.IsPodAvailable`).
pub fn is_available(pod: &Pod, min_ready_seconds: i32, now: Timestamp) -> bool {
    ready_since(pod).is_some_and(|since| {
        min_ready_seconds <= 0 || now.millis_since(since) >= i64::from(min_ready_seconds) * 1000
    })
}

/// When a Pod ready but not yet available becomes available.
pub fn available_at(pod: &Pod, min_ready_seconds: i32) -> Option<Timestamp> {
    ready_since(pod).map(|since| since.plus_millis(i64::from(min_ready_seconds.max(0)) * 1000))
}

/// A Normal Event about the workload `workload`, reported by `source` now.
pub fn record(
    world: &World,
    workload: WorkloadId,
    reason: &str,
    message: String,
    source: &str,
    out: &mut Vec<Event>,
) {
    record_typed(
        world,
        workload,
        EventType::Normal,
        reason,
        message,
        source,
        out,
    );
}

/// A Warning Event about the workload `workload`, reported by `source` now.
pub fn record_warning(
    world: &World,
    workload: WorkloadId,
    reason: &str,
    message: String,
    source: &str,
    out: &mut Vec<Event>,
) {
    record_typed(
        world,
        workload,
        EventType::Warning,
        reason,
        message,
        source,
        out,
    );
}

/// An Event of `kind` about the workload `workload`.
fn record_typed(
    world: &World,
    workload: WorkloadId,
    kind: EventType,
    reason: &str,
    message: String,
    source: &str,
    out: &mut Vec<Event>,
) {
    out.push(Event::Recorded(
        Involved::Workload(workload),
        occurrence(world.wall(world.now), kind, reason, message, source, None),
    ));
}

/// Creates `count` Pods from `template` for the workload `id` (`manageReplicas`,
/// `manageJob`), each named after its owner with five random characters, with an Event each.
pub fn create_pods(
    world: &World,
    id: WorkloadId,
    template: &PodTemplateSpec,
    count: usize,
    source: &str,
    out: &mut Vec<Event>,
) {
    let templates = vec![template.clone(); count.min(BURST_REPLICAS)];
    create_pods_from(world, id, &templates, source, out);
}

/// Creates a Pod from each of `templates` for the workload `id`, as [`create_pods`] does.
pub fn create_pods_from(
    world: &World,
    id: WorkloadId,
    templates: &[PodTemplateSpec],
    source: &str,
    out: &mut Vec<Event>,
) {
    let prefix = format!("{}-", world.store.workload(id).object.name());
    let named: Vec<(PodTemplateSpec, String)> = templates
        .iter()
        .map(|template| (template.clone(), prefix.clone()))
        .collect();
    create_pods_named(world, id, &named, source, out);
}

/// Creates a Pod from each template for the workload `id`, named by its prefix and five random
/// characters (an Indexed Job's `<job>-<index>-`).
pub fn create_pods_named(
    world: &World,
    id: WorkloadId,
    templates: &[(PodTemplateSpec, String)],
    source: &str,
    out: &mut Vec<Event>,
) {
    let owner = &world.store.workload(id).object;
    let uid = world.store.workload(id).uid();
    let made_before = world
        .store
        .pods
        .iter()
        .filter(|stored| {
            stored
                .object()
                .metadata
                .owner_references
                .iter()
                .any(|o| o.uid == uid)
        })
        .count();
    let mut taken: Vec<String> = Vec::new();
    let mut attempt = made_before;
    for (template, prefix) in templates.iter().take(BURST_REPLICAS) {
        let name = loop {
            let name = generate_name(prefix, &format!("{uid}/{attempt}"));
            attempt += 1;
            if world.store.live_pod_named(&name).is_none() && !taken.contains(&name) {
                break name;
            }
        };
        taken.push(name.clone());
        let mut metadata = template.metadata.clone();
        metadata.name = Some(name.clone());
        metadata.generate_name = Some(prefix.clone());
        metadata.namespace.clone_from(&owner.metadata().namespace);
        metadata.owner_references = vec![controller_reference(owner)];
        let pod = Pod {
            api_version: "v1".to_owned(),
            kind: "Pod".to_owned(),
            metadata,
            spec: template.spec.clone(),
            status: None,
        };
        let Some(object) = created_object(world, &pod, pod_uid(&format!("{uid}/{name}"))) else {
            return;
        };
        out.push(Event::PodCreated(Box::new(object)));
        record(
            world,
            id,
            "SuccessfulCreate",
            format!("Created pod: {name}"),
            source,
            out,
        );
    }
}

/// An int-or-percent of `total` (`intstr.GetScaledValueFromIntOrPercent`).
pub fn scaled(value: &IntOrString, total: i32, round_up: bool) -> i32 {
    match value {
        IntOrString::Int(n) => *n,
        IntOrString::String(text) => {
            let percent: i64 = text
                .strip_suffix('%')
                .and_then(|p| p.parse().ok())
                .unwrap_or(0);
            let product = percent * i64::from(total);
            let value = if round_up {
                (product + 99).div_euclid(100)
            } else {
                product.div_euclid(100)
            };
            i32::try_from(value).unwrap_or(0)
        }
    }
}
