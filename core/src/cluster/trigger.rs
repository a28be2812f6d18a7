//! The closed set of things that make actors act: the scenario's actions at their instants,
//! timers the actors set, and the store's watch notifications (an object changed).

use crate::cluster::kubelet::KubeletTimer;
use crate::cluster::queue::Class;
use crate::cluster::scenario::Action;
use crate::cluster::store::{NodeId, PodId};
use crate::cluster::stored_workload::WorkloadId;

/// Something that makes the actors look at the world again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// A scenario action, at its instant.
    Action(Action),
    /// A timer an actor set.
    Timer(Timer),
    /// An object in the store changed.
    Watch(Change),
}

/// A change to an object in the store, as a watch delivers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// A Pod was created.
    PodCreated(PodId),
    /// A Pod was bound to a node.
    PodBound(PodId),
    /// A Pod's labels, annotations or updatable spec fields were changed.
    PodUpdated(PodId),
    /// A Pod was marked for deletion.
    PodDeleting(PodId),
    /// A Pod object was removed.
    PodRemoved(PodId),
    /// A node registered, or its labels or taints changed.
    NodeChanged(NodeId),
    /// A node's object was deleted.
    NodeRemoved(NodeId),
    /// A Service was created or deleted.
    ServicesChanged,
    /// The status of a Pod that a controller owns was written.
    PodStatus(PodId),
    /// A workload object was created or written.
    WorkloadChanged(WorkloadId),
    /// A workload object was removed.
    WorkloadRemoved(WorkloadId),
}

impl Timer {
    /// When the timer runs within its instant: a probe check after everything else.
    pub fn class(&self) -> Class {
        match self {
            Timer::Kubelet {
                timer: KubeletTimer::Probe { .. },
                ..
            } => Class::Observation,
            _ => Class::Actor,
        }
    }
}

/// A timer, and the actor it is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Timer {
    /// A kubelet's timer.
    Kubelet {
        /// The kubelet's node.
        node: NodeId,
        /// What for.
        timer: KubeletTimer,
    },
    /// The node lifecycle controller's monitor: the node's grace period ran out (if it is
    /// still silent, it is marked unreachable). `loss` counts the node's losses, so a timer of an
    /// earlier loss does nothing.
    NodeMonitor {
        /// The node.
        node: NodeId,
        /// Which loss of the node.
        loss: u32,
    },
    /// The taint-eviction controller: the Pod's toleration of its node's `NoExecute` taint ran
    /// out.
    TaintEviction {
        /// The Pod.
        pod: PodId,
        /// Which loss of its node.
        loss: u32,
    },
    /// The scheduler flushes a Pod that has waited too long among the unschedulable ones back to
    /// its queue.
    SchedulerRetry {
        /// The Pod.
        pod: PodId,
        /// Which attempt it follows.
        attempt: u32,
    },
    /// The Pod garbage collector removes a Pod bound to a node that no longer exists.
    PodGc {
        /// The Pod.
        pod: PodId,
    },
    /// A workload's controller looks at it again: one of its Pods has been ready for
    /// `minReadySeconds` and is now available.
    WorkloadSync {
        /// The workload.
        workload: WorkloadId,
    },
}
