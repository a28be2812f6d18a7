//! The scheduler (pkg/scheduler): it binds each new Pod without a node to one that passes its
//! filters — taints the Pod does not tolerate (`TaintToleration`), its `nodeSelector`
//! (`NodeAffinity`), room for its requests (`NodeResourcesFit`) — preferring the node with the
//! most room. A Pod no node fits waits with a `FailedScheduling` Event and the condition
//! `PodScheduled=False`, in the v1.33 wording; it is tried again when a node joins or changes,
//! when a Pod goes, and every five minutes or so (the unschedulable queue's flush).

use std::collections::BTreeMap;

use crate::api::quantity::Quantity;
use crate::api::v1::{Pod, Toleration};
use crate::cluster::World;
use crate::cluster::event::Event;
use crate::cluster::events::EventType;
use crate::cluster::node_affinity::node_matches;
use crate::cluster::scenario::Taint;
use crate::cluster::store::{Involved, NodeId, PodId, PodMap, StoredNode, occurrence};
use crate::cluster::trigger::{Change, Timer, Trigger};

/// How long a Pod stays among the unschedulable ones before the queue's flush tries it again
/// (`DefaultPodMaxInUnschedulablePodsDuration`).
pub const MAX_UNSCHEDULABLE_MS: u64 = 300_000;
/// How often the queue flushes the unschedulable Pods (`flushUnschedulablePodsLeftover`).
pub const FLUSH_PERIOD_MS: u64 = 30_000;
/// Pods a node takes at most (the kubelet's default `maxPods`).
pub const MAX_PODS_PER_NODE: usize = 110;

/// The scheduler's records: the Pods waiting for a node, with their attempts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scheduler {
    /// Each waiting Pod's last attempt: when, and how many so far.
    pub waiting: PodMap<(u64, u32)>,
}

/// A change to the scheduler's records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SchedulerChange {
    /// The Pod waits for a node after an attempt at this instant (the attempt's number).
    Waiting(PodId, u64, u32),
    /// The Pod was bound, or went.
    Done(PodId),
}

/// Records `change`.
pub fn apply(scheduler: &mut Scheduler, change: &SchedulerChange) {
    match change {
        SchedulerChange::Waiting(pod, at, attempt) => {
            scheduler.waiting.insert(*pod, (*at, *attempt));
        }
        SchedulerChange::Done(pod) => {
            scheduler.waiting.remove(pod);
        }
    }
}

/// What the scheduler does about `trigger`.
pub fn decide(world: &World, trigger: &Trigger, out: &mut Vec<Event>) {
    match trigger {
        Trigger::Watch(Change::PodCreated(pod)) => {
            let object = &world.store.pod(*pod).object();
            if object.spec.node_name.is_some() {
                return;
            }
            if !object.spec.scheduling_gates.is_empty() {
                out.push(Event::PodUnschedulable {
                    pod: *pod,
                    reason: "SchedulingGated",
                    message: "Scheduling is blocked due to non-empty scheduling gates".to_owned(),
                });
                return;
            }
            attempt(world, *pod, 1, true, out);
        }
        Trigger::Watch(Change::NodeChanged(_) | Change::PodRemoved(_) | Change::NodeRemoved(_)) => {
            // Cluster events move the waiting Pods back to the queue; only a Pod that now fits
            // somewhere is tried (the plugins' queueing hints skip the others).
            for (pod, (_, attempts)) in world.scheduler.waiting.iter() {
                if world.store.pod(*pod).removed.is_none() && placement(world, *pod).is_ok() {
                    attempt(world, *pod, attempts + 1, false, out);
                }
            }
        }
        Trigger::Watch(Change::PodDeleting(pod)) if world.scheduler.waiting.contains_key(pod) => {
            out.push(Event::Scheduler(SchedulerChange::Done(*pod)));
        }
        Trigger::Timer(Timer::SchedulerRetry {
            pod,
            attempt: after,
        }) => {
            let current = world.scheduler.waiting.get(pod).map(|(_, n)| *n);
            let object = &world.store.pod(*pod);
            if current == Some(*after)
                && object.removed.is_none()
                && object.object().metadata.deletion_timestamp.is_none()
            {
                attempt(world, *pod, after + 1, true, out);
            }
        }
        _ => {}
    }
}

/// One scheduling attempt of `pod`: bound to the best node, or left waiting with the reasons
/// (recorded as an Event when `record` is set).
fn attempt(world: &World, pod: PodId, number: u32, record: bool, out: &mut Vec<Event>) {
    let now = world.now;
    let object = &world.store.pod(pod).object();
    let name = object.name();
    let namespace = object.metadata.namespace.as_deref().unwrap_or("default");
    match placement(world, pod) {
        Ok(node) => {
            let node_name = &world.store.node(node).spec.name;
            let event = occurrence(
                world.wall(now),
                EventType::Normal,
                "Scheduled",
                format!("Successfully assigned {namespace}/{name} to {node_name}"),
                "default-scheduler",
                None,
            );
            out.push(Event::Recorded(Involved::Pod(pod), event));
            out.push(Event::PodBound { pod, node });
            out.push(Event::Scheduler(SchedulerChange::Done(pod)));
        }
        Err(message) => {
            if !record {
                return;
            }
            let event = occurrence(
                world.wall(now),
                EventType::Warning,
                "FailedScheduling",
                message.clone(),
                "default-scheduler",
                None,
            );
            out.push(Event::Recorded(Involved::Pod(pod), event));
            out.push(Event::PodUnschedulable {
                pod,
                reason: "Unschedulable",
                message,
            });
            out.push(Event::Scheduler(SchedulerChange::Waiting(pod, now, number)));
            out.push(Event::TimerSet(
                next_flush(now),
                Timer::SchedulerRetry {
                    pod,
                    attempt: number,
                },
            ));
        }
    }
}

/// When the unschedulable queue's flush, every 30 s, first finds a Pod that failed at `failed`
/// there for longer than five minutes.
pub fn next_flush(failed: u64) -> u64 {
    ((failed + MAX_UNSCHEDULABLE_MS) / FLUSH_PERIOD_MS + 1) * FLUSH_PERIOD_MS
}

/// Why a node does not fit a Pod: a filter plugin's reasons, and whether preemption could help
/// (`Unschedulable`) or not (`UnschedulableAndUnresolvable`).
struct Unfit {
    reasons: Vec<String>,
    resolvable: bool,
}

/// The node `pod` goes to, or the scheduler's message saying why none fits.
fn placement(world: &World, pod: PodId) -> Result<NodeId, String> {
    let object = &world.store.pod(pod).object();
    let nodes: Vec<(NodeId, &StoredNode)> = world
        .store
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, node)| node.exists())
        .map(|(index, node)| (NodeId(index), node))
        .collect();
    if nodes.is_empty() {
        return Err("no nodes available to schedule pods".to_owned());
    }
    let mut best: Option<(NodeId, i128)> = None;
    let mut unfit: Vec<Unfit> = Vec::new();
    for (id, node) in &nodes {
        match filter(world, object, pod, node) {
            Ok(room) => {
                if best.is_none_or(|(_, most)| room > most) {
                    best = Some((*id, room));
                }
            }
            Err(why) => unfit.push(why),
        }
    }
    if let Some((node, _)) = best {
        return Ok(node);
    }
    Err(fit_error(nodes.len(), &unfit))
}

/// The scheduler's message when no node fits (`FitError.Error()`): each reason counted over the
/// nodes, sorted; then what preemption found.
fn fit_error(node_count: usize, unfit: &[Unfit]) -> String {
    let histogram = |reasons: Vec<&str>| -> String {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for reason in reasons {
            *counts.entry(reason).or_default() += 1;
        }
        let mut lines: Vec<String> = counts
            .into_iter()
            .map(|(reason, count)| format!("{count} {reason}"))
            .collect();
        lines.sort();
        lines.join(", ")
    };
    let reasons = histogram(
        unfit
            .iter()
            .flat_map(|why| why.reasons.iter().map(String::as_str))
            .collect(),
    );
    // Every Pod has the same priority here, so preemption finds no victim where room is what
    // lacks, and cannot help elsewhere.
    let preemption = histogram(
        unfit
            .iter()
            .map(|why| {
                if why.resolvable {
                    "No preemption victims found for incoming pod"
                } else {
                    "Preemption is not helpful for scheduling"
                }
            })
            .collect(),
    );
    format!(
        "0/{node_count} nodes are available: {reasons}. preemption: 0/{node_count} nodes are available: {preemption}."
    )
}

/// Whether `node` passes the filters for `pod`, in the default plugins' order; the room left
/// (for the score) when it does.
fn filter(world: &World, pod: &Pod, id: PodId, node: &StoredNode) -> Result<i128, Unfit> {
    let unresolvable = |reason: String| Unfit {
        reasons: vec![reason],
        resolvable: false,
    };
    if let Some(taint) = node.taints().find(|taint| {
        taint.effect != "PreferNoSchedule" && !tolerated(&pod.spec.tolerations, taint)
    }) {
        return Err(unresolvable(format!(
            "node(s) had untolerated taint {{{}: {}}}",
            taint.key, taint.value
        )));
    }
    if !node_matches(pod, &node.spec.name, &node.labels()) {
        return Err(unresolvable(
            "node(s) didn't match Pod's node affinity/selector".to_owned(),
        ));
    }
    let others: Vec<&Pod> = world
        .store
        .pods_on(&node.spec.name)
        .filter(|other| *other != id)
        .map(|other| world.store.pod(other).object())
        .filter(|other| {
            !matches!(
                other.status.as_deref().and_then(|s| s.phase.as_deref()),
                Some("Succeeded" | "Failed")
            )
        })
        .collect();
    let mut reasons = Vec::new();
    if others.len() >= MAX_PODS_PER_NODE {
        reasons.push("Too many pods".to_owned());
    }
    let mut room = 0;
    for (resource, capacity) in [
        ("cpu", node.spec.cpu_millis),
        ("memory", node.spec.memory_bytes),
    ] {
        let used: i128 = others.iter().map(|other| request(other, resource)).sum();
        let need = request(pod, resource);
        if used + need > capacity {
            reasons.push(format!("Insufficient {resource}"));
        } else if capacity > 0 {
            // Least allocated: the share of the node left, in thousandths, counting what a
            // container without a request is taken to use.
            let used: i128 = others
                .iter()
                .map(|other| scoring_request(other, resource))
                .sum();
            let need = scoring_request(pod, resource);
            room += (capacity - used - need) * 1000 / capacity;
        }
    }
    if !reasons.is_empty() {
        return Err(Unfit {
            reasons,
            resolvable: true,
        });
    }
    // Nodes with a taint the Pod prefers to avoid score less.
    if node
        .taints()
        .any(|taint| taint.effect == "PreferNoSchedule" && !tolerated(&pod.spec.tolerations, taint))
    {
        room -= 1000;
    }
    Ok(room)
}

/// Whether `tolerations` tolerate `taint` (`ToleratesTaint`): the same key (or `Exists` with no
/// key), the same value (or `Exists`), and the same effect (or none).
pub fn tolerated(tolerations: &[Toleration], taint: &Taint) -> bool {
    tolerations.iter().any(|toleration| {
        let effect = toleration.effect.as_deref().unwrap_or_default();
        if !effect.is_empty() && effect != taint.effect {
            return false;
        }
        let key = toleration.key.as_deref().unwrap_or_default();
        if !key.is_empty() && key != taint.key {
            return false;
        }
        match toleration.operator.as_deref().unwrap_or("Equal") {
            "Exists" => true,
            _ => key == taint.key && toleration.value.as_deref().unwrap_or_default() == taint.value,
        }
    })
}

/// What a container without a CPU request is taken to use when nodes are scored, in millicores
/// (pkg/scheduler/util `DefaultMilliCPURequest`).
pub const DEFAULT_MILLI_CPU_REQUEST: i128 = 100;
/// The same for memory, in bytes (`DefaultMemoryRequest`, 200 MiB).
pub const DEFAULT_MEMORY_REQUEST: i128 = 200 * 1024 * 1024;

/// What `pod` counts for when nodes are scored (`schedutil.GetNonzeroRequests`): its requests,
/// each container without one taken at the defaults, so that Pods without requests spread.
pub fn scoring_request(pod: &Pod, resource: &str) -> i128 {
    let default = if resource == "cpu" {
        DEFAULT_MILLI_CPU_REQUEST
    } else {
        DEFAULT_MEMORY_REQUEST
    };
    requested(pod, resource, default)
}

/// What `pod` asks of a node for `resource` (`cpu` in millicores, `memory` in bytes): the
/// larger of its app containers' (and sidecars') sum and any init container's request.
pub fn request(pod: &Pod, resource: &str) -> i128 {
    requested(pod, resource, 0)
}

/// [`request`], with `unset` for each container that requests nothing of `resource`.
fn requested(pod: &Pod, resource: &str, unset: i128) -> i128 {
    let value = |quantity: &Quantity| {
        if resource == "cpu" {
            quantity.milli_value()
        } else {
            quantity.value()
        }
    };
    let of = |container: &crate::api::v1::Container| {
        container
            .resources
            .as_ref()
            .and_then(|r| r.requests.get(resource))
            .map_or(unset, value)
    };
    let app: i128 = pod.spec.containers.iter().map(of).sum();
    let init = pod.spec.init_containers.iter().map(of).max().unwrap_or(0);
    app.max(init)
}
