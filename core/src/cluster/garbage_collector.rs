//! The garbage collectors: the Pod garbage collector (pkg/controller/podgc) removes Pods bound
//! to a node that no longer exists — on its pass every 20 s it queues the node, and 40 s later
//! it marks the Pod failed (`DisruptionTarget`, `DeletionByPodGC`) and deletes it at once —
//! and the garbage collector of owner references deletes the dependents of an owner that is
//! gone (a static Pod's mirror, owned by its Node).

use crate::cluster::World;
use crate::cluster::event::Event;
use crate::cluster::store::{NodeId, PodId};
use crate::cluster::trigger::{Change, Timer, Trigger};

/// How often the Pod garbage collector runs (`gcCheckPeriod`).
pub const GC_PERIOD_MS: u64 = 20_000;
/// How long it waits before it trusts that a node is gone (`quarantineTime`).
pub const QUARANTINE_MS: u64 = 40_000;

/// When the Pod garbage collector removes a Pod whose node was gone at `at`: its next pass
/// queues the node, and the pass 40 s later finds it still gone.
pub fn orphan_removal(at: u64) -> u64 {
    at.next_multiple_of(GC_PERIOD_MS) + QUARANTINE_MS
}

/// What the collectors do about `trigger`.
pub fn decide(world: &World, trigger: &Trigger, out: &mut Vec<Event>) {
    match trigger {
        Trigger::Watch(Change::NodeRemoved(node)) => node_removed(world, *node, out),
        Trigger::Watch(Change::PodCreated(pod)) => {
            // A Pod created for a node that does not exist is an orphan from the start.
            let object = &world.store.pod(*pod).object();
            if let Some(node) = &object.spec.node_name
                && world.store.node_named(node).is_none()
            {
                out.push(Event::TimerSet(
                    orphan_removal(world.now),
                    Timer::PodGc { pod: *pod },
                ));
            }
        }
        Trigger::Timer(Timer::PodGc { pod }) => remove_orphan(world, *pod, out),
        _ => {}
    }
}

/// A node's object was deleted: its Pods are orphans, and the objects it owns go.
fn node_removed(world: &World, node: NodeId, out: &mut Vec<Event>) {
    let stored = world.store.node(node);
    for pod in world.store.pods_on(&stored.spec.name) {
        let owned = world
            .store
            .pod(pod)
            .object()
            .metadata
            .owner_references
            .iter()
            .any(|owner| owner.kind == "Node" && owner.uid == stored.uid);
        if owned {
            out.push(Event::PodRemoved(pod));
        } else {
            out.push(Event::TimerSet(
                orphan_removal(world.now),
                Timer::PodGc { pod },
            ));
        }
    }
}

/// The Pod's node is still gone: the Pod fails and is deleted at once.
fn remove_orphan(world: &World, pod: PodId, out: &mut Vec<Event>) {
    let stored = world.store.pod(pod);
    if stored.removed.is_some() {
        return;
    }
    let bound_to_live_node = stored
        .object()
        .spec
        .node_name
        .as_deref()
        .is_some_and(|node| world.store.node_named(node).is_some());
    if bound_to_live_node {
        return;
    }
    out.push(Event::PodDisrupted {
        pod,
        fails: true,
        reason: "DeletionByPodGC",
        message: "PodGC: node no longer exists".to_owned(),
    });
    out.push(Event::PodDeleting {
        pod,
        grace_seconds: 0,
    });
}
