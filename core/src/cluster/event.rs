//! What happens in the cluster, as facts the actors decide: writes to the API server's store,
//! Events, timers, and changes to the actors' own records. [`apply`] records one in the world;
//! it cannot fail, and it checks the invariants as it goes (debug builds): a restart count
//! never falls, a phase moves only along legal edges, a Pod object keeps its one IP, a
//! container runs at most once at a time.

use std::collections::BTreeMap;

use crate::api::v1::{Pod, PodStatus};
use crate::api::workloads::Workload;
use crate::cluster::events::Event as ApiEvent;
use crate::cluster::kubelet::{self, KubeletChange};
use crate::cluster::node_lifecycle::{self, LifecycleChange};
use crate::cluster::queue::Class;
use crate::cluster::scenario::{Node, Taint};
use crate::cluster::scheduler::{self, SchedulerChange};
use crate::cluster::store::{Involved, NodeId, ObjectKind, PodId, carry_transition_times};
use crate::cluster::stored_workload::WorkloadId;
use crate::cluster::trigger::{Change, Timer, Trigger};
use crate::cluster::{Faults, World, api_server};

/// A fact decided by an actor.
#[derive(Clone, Debug)]
pub enum Event {
    /// The API server stores a new Pod object.
    PodCreated(Box<Pod>),
    /// The scheduler binds a Pod to a node (`spec.nodeName` and `PodScheduled` True).
    PodBound {
        /// The Pod.
        pod: PodId,
        /// The node.
        node: NodeId,
    },
    /// The scheduler found no node for a Pod (`PodScheduled` False).
    PodUnschedulable {
        /// The Pod.
        pod: PodId,
        /// The condition's reason: `Unschedulable` or `SchedulingGated`.
        reason: &'static str,
        /// The condition's message.
        message: String,
    },
    /// A status written by the Pod's kubelet (or, for a new Pod, by the API server).
    PodStatus {
        /// The Pod.
        pod: PodId,
        /// The status.
        status: Box<PodStatus>,
    },
    /// The node lifecycle controller marks a Pod of a silent node not ready.
    PodNotReady(PodId),
    /// The Pod's status reason and message as a lost node's Pod shows them.
    PodNodeLost {
        /// The Pod.
        pod: PodId,
        /// The message.
        message: String,
    },
    /// A deletion is requested: `deletionTimestamp` is set (or, with a zero grace period, the
    /// object goes at once).
    PodDeleting {
        /// The Pod.
        pod: PodId,
        /// The grace period, in seconds.
        grace_seconds: i64,
    },
    /// The Pod object is removed.
    PodRemoved(PodId),
    /// The garbage collector's orphaning: the Pod's owner reference to the object with the UID
    /// `owner` is removed (`kubectl delete --cascade=orphan` of its owner).
    PodOrphaned {
        /// The Pod.
        pod: PodId,
        /// The deleted owner's UID.
        owner: String,
    },
    /// A controller is about to delete a Pod: the `DisruptionTarget` condition, and for the Pod
    /// garbage collector, the phase `Failed`.
    PodDisrupted {
        /// The Pod.
        pod: PodId,
        /// True when the controller also marks the Pod failed.
        fails: bool,
        /// The condition's reason.
        reason: &'static str,
        /// The condition's message.
        message: String,
    },
    /// Something the simulator assumed or noticed, about a Pod object or the run.
    Note(Option<PodId>, String),
    /// kubectl's answer to a `kubectl apply` of an edited manifest, a line per object.
    Applied(String),
    /// An update of a Pod object (`kubectl apply` of an edited manifest): the labels,
    /// annotations and the few spec fields an update may change.
    PodUpdated {
        /// The Pod.
        pod: PodId,
        /// The object as updated.
        object: Box<Pod>,
    },
    /// From now on, a container's probe is forced to pass or fail, or its image pulls fail or
    /// work: the scenario's say, for the Pod of that name whichever object it is.
    Fault {
        /// The Pod's name.
        pod: String,
        /// The container's name.
        container: String,
        /// The probe whose verdict is forced, and the verdict; `None` for the image pulls.
        probe: Option<(crate::cluster::scenario::ProbeKind, bool)>,
        /// Whether image pulls fail (when `probe` is `None`).
        pulls_fail: bool,
    },
    /// An Event is recorded.
    Recorded(Involved, ApiEvent),
    /// A node registers.
    NodeRegistered(Box<Node>),
    /// A node's object is deleted.
    NodeRemoved(NodeId),
    /// The node lifecycle controller changes a node's `Ready` condition and its taints.
    NodeHealth {
        /// The node.
        node: NodeId,
        /// `True` or `Unknown`.
        ready: &'static str,
        /// The controller's taints.
        taints: Vec<Taint>,
    },
    /// A Service, ConfigMap or Secret is created (or its data replaced).
    ObjectCreated {
        /// Its kind.
        kind: ObjectKind,
        /// Its name.
        name: String,
        /// Its data.
        data: BTreeMap<String, String>,
    },
    /// A Service, ConfigMap or Secret is deleted.
    ObjectDeleted(ObjectKind, String),
    /// An actor sets a timer.
    TimerSet(u64, Timer),
    /// The node's kubelet changes its records.
    Kubelet(NodeId, KubeletChange),
    /// The scheduler changes its records.
    Scheduler(SchedulerChange),
    /// The node lifecycle controller changes its records.
    Lifecycle(LifecycleChange),
    /// The API server stores a new workload object (a Deployment, a ReplicaSet…).
    WorkloadCreated(Box<Workload>),
    /// A controller writes a workload object: its spec (a ReplicaSet's replicas), its
    /// annotations or its status.
    WorkloadWritten {
        /// The object.
        workload: WorkloadId,
        /// What it is now.
        object: Box<Workload>,
    },
    /// A workload object is removed.
    WorkloadRemoved(WorkloadId),
}

/// Records `event` in `world`.
pub fn apply(world: &mut World, event: Event) {
    let now = world.now;
    match event {
        Event::PodCreated(pod) => {
            let id = world.store.create_pod(*pod, now);
            watch(world, Change::PodCreated(id));
        }
        Event::PodBound { pod, node } => {
            let name = world.store.node(node).spec.name.clone();
            let wall = world.wall(now).to_string();
            world.store.update_pod(pod, |object| {
                object.spec.node_name = Some(name);
                let status = object.status.get_or_insert_with(Default::default);
                status.conditions.retain(|c| c.kind != "PodScheduled");
                status.conditions.push(crate::api::v1::PodCondition {
                    kind: "PodScheduled".to_owned(),
                    status: "True".to_owned(),
                    last_transition_time: Some(wall),
                    ..Default::default()
                });
            });
            watch(world, Change::PodBound(pod));
        }
        Event::PodUnschedulable {
            pod,
            reason,
            message,
        } => {
            let wall = world.wall(now).to_string();
            world.store.update_pod(pod, |object| {
                let status = object.status.get_or_insert_with(Default::default);
                let before = status.clone();
                status.conditions.retain(|c| c.kind != "PodScheduled");
                status.conditions.push(crate::api::v1::PodCondition {
                    kind: "PodScheduled".to_owned(),
                    status: "False".to_owned(),
                    reason: Some(reason.to_owned()),
                    message: Some(message),
                    ..Default::default()
                });
                carry_transition_times(Some(&before), status, &wall);
            });
        }
        Event::PodStatus { pod, status } => {
            let wall = world.wall(now).to_string();
            world.store.update_pod_status(pod, |before| {
                let mut status = *status;
                check_status_invariants(before, &status);
                carry_transition_times(before, &mut status, &wall);
                status
            });
            watch_status(world, pod);
        }
        Event::WorkloadCreated(object) => {
            let id = world.store.create_workload(*object, now);
            watch(world, Change::WorkloadChanged(id));
        }
        Event::WorkloadWritten { workload, object } => {
            if world.store.update_workload(workload, *object) {
                watch(world, Change::WorkloadChanged(workload));
            }
        }
        Event::WorkloadRemoved(workload) => {
            world.store.remove_workload(workload, now);
            watch(world, Change::WorkloadRemoved(workload));
        }
        Event::PodNotReady(pod) => {
            let wall = world.wall(now).to_string();
            world.store.update_pod(pod, |object| {
                if let Some(status) = object.status.as_deref_mut() {
                    for condition in &mut status.conditions {
                        if condition.kind == "Ready" && condition.status == "True" {
                            condition.status = "False".to_owned();
                            condition.last_transition_time = Some(wall.clone());
                        }
                    }
                }
            });
            watch_status(world, pod);
        }
        Event::PodNodeLost { pod, message } => {
            world.store.update_pod(pod, |object| {
                if let Some(status) = object.status.as_deref_mut() {
                    status.reason = Some(node_lifecycle::NODE_LOST_REASON.to_owned());
                    status.message = Some(message);
                }
            });
        }
        Event::PodDeleting { pod, grace_seconds } => {
            let deadline = world.wall(now.saturating_add(seconds_to_ms(grace_seconds)));
            world.store.update_pod(pod, |object| {
                if object.metadata.deletion_timestamp.is_none() {
                    object.metadata.deletion_timestamp = Some(deadline.to_string());
                    object.metadata.deletion_grace_period_seconds = Some(grace_seconds);
                }
            });
            watch(world, Change::PodDeleting(pod));
            if grace_seconds == 0 {
                remove_pod(world, pod);
            }
        }
        Event::PodOrphaned { pod, owner } => {
            world.store.update_pod(pod, |object| {
                object
                    .metadata
                    .owner_references
                    .retain(|reference| reference.uid != owner);
            });
        }
        Event::PodRemoved(pod) => {
            if world.store.pod(pod).removed.is_none() {
                remove_pod(world, pod);
            }
        }
        Event::PodDisrupted {
            pod,
            fails,
            reason,
            message,
        } => {
            let wall = world.wall(now).to_string();
            world.store.update_pod(pod, |object| {
                let status = object.status.get_or_insert_with(Default::default);
                let terminal = matches!(status.phase.as_deref(), Some("Succeeded" | "Failed"));
                if fails && !terminal {
                    status.phase = Some("Failed".to_owned());
                }
                status.conditions.retain(|c| c.kind != "DisruptionTarget");
                status.conditions.push(crate::api::v1::PodCondition {
                    kind: "DisruptionTarget".to_owned(),
                    status: "True".to_owned(),
                    last_transition_time: Some(wall),
                    reason: Some(reason.to_owned()),
                    message: Some(message),
                    ..Default::default()
                });
            });
            watch_status(world, pod);
        }
        Event::Note(pod, note) => world.notes.push((pod, note)),
        Event::Applied(said) => world.applied.push((now, said)),
        Event::PodUpdated { pod, object } => {
            world.store.update_pod(pod, |stored| {
                stored.metadata = object.metadata;
                stored.spec = object.spec;
            });
            watch(world, Change::PodUpdated(pod));
        }
        Event::Fault {
            pod,
            container,
            probe,
            pulls_fail,
        } => {
            let at = match world
                .faults
                .iter()
                .position(|(p, c, _)| *p == pod && *c == container)
            {
                Some(at) => at,
                None => {
                    world.faults.push((pod, container, Faults::default()));
                    world.faults.len() - 1
                }
            };
            let faults = &mut world.faults[at].2;
            match probe {
                Some((kind, passes)) => faults.probes[kind as usize] = Some(passes),
                None => faults.pulls_fail = pulls_fail,
            }
        }
        Event::Recorded(involved, event) => world.store.record(involved, event),
        Event::NodeRegistered(node) => {
            let uid = crate::cluster::pod_uid(&format!("node/{}", node.name));
            let id = world.store.add_node(*node, uid, now);
            world.kubelets.push(kubelet::Kubelet::default());
            world
                .lifecycle
                .nodes
                .push(node_lifecycle::NodeRecord::default());
            watch(world, Change::NodeChanged(id));
        }
        Event::NodeRemoved(node) => {
            world
                .store
                .update_node(node, now, |stored| stored.removed = Some(now));
            watch(world, Change::NodeRemoved(node));
        }
        Event::NodeHealth {
            node,
            ready,
            taints,
        } => {
            world.store.update_node(node, now, |stored| {
                stored.ready = ready;
                stored.controller_taints = taints;
            });
            watch(world, Change::NodeChanged(node));
        }
        Event::ObjectCreated { kind, name, data } => {
            world.store.create_object(kind, name, data, now);
            if kind == ObjectKind::Service {
                watch(world, Change::ServicesChanged);
            }
        }
        Event::ObjectDeleted(kind, name) => {
            world.store.delete_object(kind, &name, now);
            if kind == ObjectKind::Service {
                watch(world, Change::ServicesChanged);
            }
        }
        Event::TimerSet(at, timer) => {
            world.queue.push(at, timer.class(), Trigger::Timer(timer));
        }
        Event::Kubelet(node, change) => {
            if let Some(kubelet) = world.kubelets.get_mut(node.0) {
                kubelet::apply(kubelet, change);
            }
        }
        Event::Scheduler(change) => scheduler::apply(&mut world.scheduler, &change),
        Event::Lifecycle(change) => node_lifecycle::apply(&mut world.lifecycle, change),
    }
}

/// The final deletion of the Pod `pod`: the API server removes the object, unless finalizers
/// hold it; then it stays, with a deletion grace period of 0, until something removes them.
fn remove_pod(world: &mut World, pod: PodId) {
    let now = world.now;
    if let Some(note) = api_server::held_by_finalizers(world.store.pod(pod).object()) {
        world.store.update_pod(pod, |object| {
            object.metadata.deletion_grace_period_seconds = Some(0);
        });
        if !world
            .notes
            .iter()
            .any(|(about, known)| *about == Some(pod) && *known == note)
        {
            world.notes.push((Some(pod), note));
        }
        return;
    }
    world.store.remove_pod(pod, now);
    watch(world, Change::PodRemoved(pod));
}

/// Queues a watch notification of `change` for the actors, at this instant.
/// A controller counts its Pods' phases and readiness: a status write of a Pod that has one is
/// watched.
fn watch_status(world: &mut World, pod: PodId) {
    if crate::cluster::controllers::controller_of(world.store.pod(pod).object()).is_some() {
        watch(world, Change::PodStatus(pod));
    }
}

fn watch(world: &mut World, change: Change) {
    let now = world.now;
    world.queue.push(now, Class::Actor, Trigger::Watch(change));
}

/// The status invariants: a restart count never falls, and a phase moves only along legal
/// edges (Pending → Running → Succeeded or Failed; a terminal phase is never left).
fn check_status_invariants(before: Option<&PodStatus>, after: &PodStatus) {
    let Some(before) = before else {
        return;
    };
    let from = before.phase.as_deref().unwrap_or("Pending");
    let to = after.phase.as_deref().unwrap_or("Pending");
    debug_assert!(
        legal_phase_transition(from, to),
        "illegal phase transition {from} → {to}"
    );
    for status in after
        .init_container_statuses
        .iter()
        .chain(&after.container_statuses)
    {
        let old = before
            .init_container_statuses
            .iter()
            .chain(&before.container_statuses)
            .find(|old| old.name == status.name);
        debug_assert!(
            old.is_none_or(|old| old.restart_count <= status.restart_count),
            "the restart count of {} fell",
            status.name
        );
    }
    debug_assert!(
        before.pod_ip.is_none() || after.pod_ip.is_none() || before.pod_ip == after.pod_ip,
        "one Pod IP per Pod object"
    );
}

/// Whether a Pod's phase may move from `from` to `to` (pkg/kubelet: a Pod may finish without
/// being seen Running; a terminal phase is never left).
pub fn legal_phase_transition(from: &str, to: &str) -> bool {
    from == to
        || matches!(
            (from, to),
            ("Pending", "Running" | "Succeeded" | "Failed") | ("Running", "Succeeded" | "Failed")
        )
}

/// Whole seconds as milliseconds; negative counts as zero and huge values saturate, so a
/// pasted `terminationGracePeriodSeconds: 9223372036854775807` cannot overflow the clock.
pub fn seconds_to_ms(seconds: i64) -> u64 {
    u64::try_from(seconds).unwrap_or(0).saturating_mul(1000)
}
