//! The node lifecycle controller and the taint-eviction controller
//! (pkg/controller/nodelifecycle, pkg/controller/tainteviction): a node whose kubelet stops
//! posting its status is marked `Ready=Unknown` after the grace period and tainted
//! `node.kubernetes.io/unreachable`; its Pods are marked not ready (`NodeNotReady`), and each is
//! deleted once its toleration of the `NoExecute` taint runs out (`TaintManagerEviction`). A
//! naked Pod is not replaced, and its deletion cannot finish until the kubelet is back:
//! `kubectl get` shows it `Unknown` (status reason `NodeLost`). When the node answers again the
//! taints go.

use crate::api::v1::Pod;
use crate::cluster::event::Event;
use crate::cluster::events::EventType;
use crate::cluster::scenario::{Taint, What};
use crate::cluster::scheduler::tolerated;
use crate::cluster::store::{Involved, NodeId, PodId, occurrence};
use crate::cluster::trigger::{Timer, Trigger};
use crate::cluster::{World, api_server};

/// How long the controller waits for a silent node before marking it unreachable
/// (`--node-monitor-grace-period`, 50 s since v1.32).
pub const NODE_MONITOR_GRACE_MS: u64 = 50_000;

/// The status reason of a Pod on an unreachable node (`NodeUnreachablePodReason`).
pub const NODE_LOST_REASON: &str = "NodeLost";

/// The taint of an unreachable node.
pub const UNREACHABLE: &str = "node.kubernetes.io/unreachable";

/// The controller's records.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NodeLifecycle {
    /// Each node's record, by node index.
    pub nodes: Vec<NodeRecord>,
}

/// What the controller knows of one node.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NodeRecord {
    /// How many times the node fell silent.
    pub losses: u32,
    /// Since when it has been silent, while it is.
    pub silent_since: Option<u64>,
    /// True once the controller marked it unreachable (until it answers again).
    pub unreachable: bool,
}

/// A change to the controller's records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LifecycleChange {
    /// The node stopped answering at this instant.
    Silent(NodeId, u64),
    /// The node answers again.
    Answering(NodeId),
    /// The node was marked unreachable.
    Unreachable(NodeId),
}

/// Records `change`.
pub fn apply(lifecycle: &mut NodeLifecycle, change: LifecycleChange) {
    let record = |id: NodeId, lifecycle: &mut NodeLifecycle| {
        if lifecycle.nodes.len() <= id.0 {
            lifecycle.nodes.resize(id.0 + 1, NodeRecord::default());
        }
        id.0
    };
    match change {
        LifecycleChange::Silent(node, at) => {
            let index = record(node, lifecycle);
            let entry = &mut lifecycle.nodes[index];
            entry.losses += 1;
            entry.silent_since = Some(at);
        }
        LifecycleChange::Answering(node) => {
            let index = record(node, lifecycle);
            let entry = &mut lifecycle.nodes[index];
            entry.silent_since = None;
            entry.unreachable = false;
        }
        LifecycleChange::Unreachable(node) => {
            let index = record(node, lifecycle);
            lifecycle.nodes[index].unreachable = true;
        }
    }
}

/// What the controllers do about `trigger`.
pub fn decide(world: &World, trigger: &Trigger, out: &mut Vec<Event>) {
    match trigger {
        Trigger::Action(action) => match &action.what {
            What::LoseNode { node } => {
                let Some(id) = world.action_node(node.as_deref()) else {
                    return;
                };
                let record = world.lifecycle.nodes.get(id.0).copied().unwrap_or_default();
                if record.silent_since.is_some() {
                    return;
                }
                out.push(Event::Lifecycle(LifecycleChange::Silent(id, world.now)));
                out.push(Event::TimerSet(
                    world.now + NODE_MONITOR_GRACE_MS,
                    Timer::NodeMonitor {
                        node: id,
                        loss: record.losses + 1,
                    },
                ));
            }
            What::RestoreNode { node } => {
                let Some(id) = world.action_node(node.as_deref()) else {
                    return;
                };
                let record = world.lifecycle.nodes.get(id.0).copied().unwrap_or_default();
                if record.silent_since.is_none() {
                    return;
                }
                out.push(Event::Lifecycle(LifecycleChange::Answering(id)));
                if record.unreachable {
                    out.push(Event::NodeHealth {
                        node: id,
                        ready: "True",
                        taints: Vec::new(),
                    });
                }
            }
            _ => {}
        },
        Trigger::Timer(Timer::NodeMonitor { node, loss }) => unreachable(world, *node, *loss, out),
        Trigger::Timer(Timer::TaintEviction { pod, loss }) => evict(world, *pod, *loss, out),
        _ => {}
    }
}

/// The grace period ran out and the node is still silent: it is unreachable.
fn unreachable(world: &World, node: NodeId, loss: u32, out: &mut Vec<Event>) {
    let Some(record) = world.lifecycle.nodes.get(node.0) else {
        return;
    };
    if record.losses != loss || record.silent_since.is_none() || record.unreachable {
        return;
    }
    let stored = world.store.node(node);
    if !stored.exists() {
        return;
    }
    out.push(Event::Lifecycle(LifecycleChange::Unreachable(node)));
    let taint = |effect: &str| Taint {
        key: UNREACHABLE.to_owned(),
        value: String::new(),
        effect: effect.to_owned(),
    };
    out.push(Event::NodeHealth {
        node,
        ready: "Unknown",
        taints: vec![taint("NoSchedule"), taint("NoExecute")],
    });
    out.push(Event::Recorded(
        Involved::Node(node),
        occurrence(
            world.wall(world.now),
            EventType::Normal,
            "NodeNotReady",
            format!("Node {} status is now: NodeNotReady", stored.spec.name),
            "node-controller",
            None,
        ),
    ));
    let no_execute = taint("NoExecute");
    for pod in world.store.pods_on(&stored.spec.name) {
        out.push(Event::PodNotReady(pod));
        out.push(Event::Recorded(
            Involved::Pod(pod),
            occurrence(
                world.wall(world.now),
                EventType::Warning,
                "NodeNotReady",
                "Node is not ready".to_owned(),
                "node-controller",
                None,
            ),
        ));
        let object = &world.store.pod(pod).object();
        if let Some(tolerated_ms) = toleration_ms(object, &no_execute) {
            out.push(Event::TimerSet(
                world.now.saturating_add(tolerated_ms),
                Timer::TaintEviction { pod, loss },
            ));
        }
    }
}

/// The Pod's toleration of its unreachable node ran out: the taint-eviction controller deletes
/// it.
fn evict(world: &World, pod: PodId, loss: u32, out: &mut Vec<Event>) {
    let stored = world.store.pod(pod);
    if stored.removed.is_some() || stored.object().metadata.deletion_timestamp.is_some() {
        return;
    }
    let Some(node_name) = stored.object().spec.node_name.as_deref() else {
        return;
    };
    let Some(node) = world.store.node_named(node_name) else {
        return;
    };
    let record = world
        .lifecycle
        .nodes
        .get(node.0)
        .copied()
        .unwrap_or_default();
    if record.losses != loss || !record.unreachable {
        return;
    }
    let object = &stored.object();
    let namespace = object.metadata.namespace.as_deref().unwrap_or("default");
    out.push(Event::Recorded(
        Involved::Pod(pod),
        occurrence(
            world.wall(world.now),
            EventType::Normal,
            "TaintManagerEviction",
            format!("Marking for deletion Pod {namespace}/{}", object.name()),
            "taint-eviction-controller",
            None,
        ),
    ));
    // The taint-eviction controller's `addConditionAndDeletePod`: the condition, then the
    // deletion (the Pod's phase is the kubelet's to set, and its kubelet is unreachable).
    out.push(Event::PodDisrupted {
        pod,
        fails: false,
        reason: "DeletionByTaintManager",
        message: "Taint manager: deleting due to NoExecute taint".to_owned(),
    });
    out.push(Event::PodNodeLost {
        pod,
        message: format!(
            "Node {node_name} which was running pod {} is unresponsive",
            object.name()
        ),
    });
    out.push(Event::PodDeleting {
        pod,
        grace_seconds: api_server::deletion_grace_seconds(object, None),
    });
}

/// How long `pod` tolerates `taint`, in milliseconds: the `tolerationSeconds` of its first
/// toleration of it; `None` when it tolerates it for ever, zero without one.
fn toleration_ms(pod: &Pod, taint: &Taint) -> Option<u64> {
    let matching = pod
        .spec
        .tolerations
        .iter()
        .find(|toleration| tolerated(std::slice::from_ref(toleration), taint));
    match matching {
        None => Some(0),
        Some(toleration) => toleration
            .toleration_seconds
            .map(|seconds| u64::try_from(seconds).unwrap_or(0).saturating_mul(1000)),
    }
}
