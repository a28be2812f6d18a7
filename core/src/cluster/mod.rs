//! The virtual cluster: a deterministic discrete-event simulation of a small Kubernetes
//! cluster, built the way the real control plane is. An API-server object [`store`] holds
//! Pods, Nodes, Services and Events; actors watch it and act: the [`api_server`] (the
//! scenario's kubectl requests), the [`scheduler`], one [`kubelet`] per node, the
//! [`node_lifecycle`] controller (with taint eviction) and the [`garbage_collector`].
//!
//! The loop ([`run`]) keeps a virtual clock and a [`queue`] of [`trigger::Trigger`]s: the
//! scenario's actions, the actors' timers, and watch notifications. For each trigger every actor
//! decides, from the world as it is, what happens ([`event::Event`]s); applying an event cannot
//! fail. Within an instant, the scenario's settings and the actors act first; the kubelets'
//! status managers write the statuses that changed; then the scenario's disruptions and the
//! probes act, and the status managers write again. At the end of the instant the store commits
//! one version per changed Pod. Nothing decided is ever taken
//! back: a deletion, a stop or an apply only changes what is decided next.
//!
//! [`simulation`] turns the run into what the views read: a [`Simulation`] per Pod object.

pub mod api_server;
pub mod apply_edit;
pub mod controllers;
pub mod event;
pub mod events;
pub mod garbage_collector;
pub mod kubelet;
pub mod node_affinity;
pub mod node_lifecycle;
pub mod queue;
pub mod scenario;
pub mod scheduler;
pub mod simulation;
pub mod store;
pub mod stored_workload;
pub mod trigger;

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::api::v1::Pod;
use crate::api::workloads::Workload;
use crate::base::timestamp::Timestamp;
use crate::cluster::event::{Event, apply};
use crate::cluster::queue::{Class, Queue};
use crate::cluster::scenario::What;
use crate::cluster::store::{NodeId, ObjectKind, PodId, Store};
use crate::cluster::trigger::Trigger;

pub use scenario::{Deletion, Node, Scenario};
pub use simulation::{
    ContainerRuns, LogLine, ManifestRun, Observation, Observed, ObservedNode, ObservedObject,
    ObservedWorkload, Simulation, Usage, observe, observe_all, simulate, simulate_all,
    simulate_manifest, simulate_pods,
};
pub use store::Snapshot;

/// The most containers a Pod may have to be simulated.
pub const MAX_CONTAINERS: usize = crate::topology::MAX_CONTAINERS;

/// The most Pod objects of one name a scenario creates (the first and its replacements).
pub const MAX_GENERATIONS: usize = 10;

/// The most rounds of triggers one instant runs (the status manager's writes may wake actors
/// at the same instant).
const MAX_ROUNDS_PER_INSTANT: usize = 16;

/// Everything the cluster is at one instant: the store, each actor's records, the clock and
/// what is queued.
#[derive(Clone, Debug)]
pub struct World {
    /// The scenario.
    pub scenario: Arc<Scenario>,
    /// The manifest's Pods, accepted and defaulted, in order: what `kubectl apply` sends.
    pub manifest: Vec<Arc<Pod>>,
    /// The manifest's workloads (Deployments, ReplicaSets…), accepted and defaulted, in order.
    pub workloads: Vec<Arc<Workload>>,
    /// The last instant simulated, in milliseconds.
    pub horizon: u64,
    /// The current instant, in milliseconds.
    pub now: u64,
    /// The API server's objects.
    pub store: Store,
    /// Each node's kubelet, by node index.
    pub kubelets: Vec<kubelet::Kubelet>,
    /// The scheduler's records.
    pub scheduler: scheduler::Scheduler,
    /// The node lifecycle controller's records.
    pub lifecycle: node_lifecycle::NodeLifecycle,
    /// What is queued.
    pub queue: Queue,
    /// Notes about the run as a whole (kubectl apply found the Pod unchanged, a cap was hit).
    pub notes: Vec<(Option<PodId>, String)>,
    /// What kubectl answered to each `kubectl apply` of an edited manifest, with its instant.
    pub applied: Vec<(u64, String)>,
    /// What the scenario makes go wrong from now on, by Pod name and container name: forced
    /// probe verdicts and failing image pulls.
    pub faults: Vec<(String, String, Faults)>,
}

/// What goes wrong for one container from now on, by the scenario's say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Faults {
    /// Probe verdicts forced from now on, by probe kind (`Some(true)`: it passes).
    pub probes: [Option<bool>; 3],
    /// True while pulls of its image fail.
    pub pulls_fail: bool,
}

impl World {
    /// The wall-clock time of `at`.
    pub fn wall(&self, at: u64) -> Timestamp {
        self.scenario
            .start
            .plus_millis(i64::try_from(at).unwrap_or(i64::MAX))
    }

    /// The name of the Pod an action is about: its own, or the manifest's first, or without
    /// one, the first Pod a controller made (the one the page's lifecycle follows).
    pub fn action_pod_name<'a>(&'a self, pod: Option<&'a str>) -> Option<&'a str> {
        pod.or_else(|| self.manifest.first().map(|pod| pod.name()))
            .or_else(|| {
                self.store
                    .pods
                    .iter()
                    .map(store::StoredPod::object)
                    .find(|object| controllers::controller_of(object).is_some())
                    .map(Pod::name)
            })
    }

    /// What the scenario makes go wrong for container `container` of the Pod named `pod`.
    pub fn faults_of(&self, pod: &str, container: &str) -> Faults {
        self.faults
            .iter()
            .find(|(p, c, _)| p == pod && c == container)
            .map(|(_, _, faults)| *faults)
            .unwrap_or_default()
    }

    /// The node an action about a node names: its own, or the first node.
    pub fn action_node(&self, node: Option<&str>) -> Option<NodeId> {
        match node {
            Some(name) => self.store.node_named(name),
            None => (!self.store.nodes.is_empty()).then_some(NodeId(0)),
        }
    }
}

/// What a run of the cluster leaves: the final world, and (when kept) every event applied,
/// with its instant, in order (replaying them rebuilds the world).
#[derive(Clone, Debug)]
pub struct Run {
    /// The world at the horizon.
    pub world: World,
    /// Every event applied, in order, with its instant; empty unless kept ([`run_logged`]).
    pub log: Vec<(u64, Event)>,
}

/// Runs `pods` (each accepted and defaulted) on the cluster of `scenario`: the nodes register
/// and the Pods are created at instant 0, in order; the scenario's actions follow at their
/// instants, until its horizon.
pub fn run(pods: &[Pod], scenario: &Scenario) -> Run {
    run_keeping(pods, &[], scenario, false)
}

/// Runs `pods` and `workloads` (each accepted and defaulted) on the cluster of `scenario`, as
/// [`run`] does: the workloads are created after the Pods, and their controllers make theirs.
pub fn run_manifest(pods: &[Pod], workloads: &[Workload], scenario: &Scenario) -> Run {
    run_keeping(pods, workloads, scenario, false)
}

/// Runs `pods` as [`run`] does, and keeps the log of every event applied, for [`replay`].
pub fn run_logged(pods: &[Pod], scenario: &Scenario) -> Run {
    run_keeping(pods, &[], scenario, true)
}

fn run_keeping(pods: &[Pod], workloads: &[Workload], scenario: &Scenario, keep_log: bool) -> Run {
    let mut log = keep_log.then(Vec::new);
    let mut world = start(pods, workloads, scenario, &mut log);
    while let Some(now) = world.queue.next_instant() {
        if now > world.horizon || world.queue.exhausted() {
            break;
        }
        world.now = now;
        for _ in 0..MAX_ROUNDS_PER_INSTANT {
            // The scenario's settings and the actors act first, and the status managers write
            // what they changed (a Pod whose containers all stopped is removed), before the
            // scenario's disruptions and the probes see the instant.
            for before in [Some(Class::Disruption), None] {
                while let Some(trigger) = world.queue.pop_at(now, before) {
                    let events = decide(&world, &trigger);
                    record(&mut world, &mut log, events);
                }
                write_statuses(&mut world, &mut log);
            }
            if world.queue.next_instant() != Some(now) {
                break;
            }
        }
        drop_the_rest_of(&mut world, &mut log, now);
        world.store.commit(now);
    }
    Run {
        world,
        log: log.unwrap_or_default(),
    }
}

/// Drops what is still queued at `now` once the instant ran its rounds, with a note, so that each
/// instant commits once.
fn drop_the_rest_of(world: &mut World, log: &mut Option<Vec<(u64, Event)>>, now: u64) {
    let mut dropped = 0usize;
    while world.queue.pop_at(now, None).is_some() {
        dropped += 1;
    }
    if dropped > 0 {
        let note = format!(
            "more than {MAX_ROUNDS_PER_INSTANT} rounds of changes at {}: the playground dropped the {dropped} left at that instant",
            crate::base::time::VirtualTime::from_millis(now).duration_string()
        );
        record(world, log, vec![Event::Note(None, note)]);
    }
}

/// Each kubelet's status manager writes the statuses its Pods' changes touched.
fn write_statuses(world: &mut World, log: &mut Option<Vec<(u64, Event)>>) {
    let mut events = Vec::new();
    for node in 0..world.kubelets.len() {
        kubelet::end_of_instant(world, NodeId(node), &mut events);
    }
    for kubelet in &mut world.kubelets {
        kubelet.dirty.clear();
    }
    record(world, log, events);
}

/// Replays `log` on the empty world `pods` and `scenario` start from: nothing is decided
/// again, and the store commits at each instant as the run did. The result holds the same
/// objects, histories, Events and records as the run's world.
pub fn replay(pods: &[Pod], scenario: &Scenario, log: &[(u64, Event)]) -> World {
    let mut world = empty_world(pods, &[], scenario);
    let mut last: Option<u64> = None;
    for (at, event) in log {
        if let Some(last) = last
            && last != *at
        {
            world.store.commit(last);
        }
        world.now = *at;
        apply(&mut world, event.clone());
        last = Some(*at);
    }
    if let Some(last) = last {
        world.store.commit(last);
    }
    world
}

/// The world before anything happened: no node, no object, nothing queued.
fn empty_world(pods: &[Pod], workloads: &[Workload], scenario: &Scenario) -> World {
    World {
        scenario: Arc::new(scenario.clone()),
        manifest: pods.iter().cloned().map(Arc::new).collect(),
        workloads: workloads.iter().cloned().map(Arc::new).collect(),
        horizon: scenario.horizon.as_millis(),
        now: 0,
        store: Store::default(),
        kubelets: Vec::new(),
        scheduler: scheduler::Scheduler::default(),
        lifecycle: node_lifecycle::NodeLifecycle::default(),
        queue: Queue::default(),
        notes: Vec::new(),
        applied: Vec::new(),
        faults: Vec::new(),
    }
}

/// The world at instant 0, before any trigger: the nodes registered, the scenario's actions
/// queued, and the Pods created (or, for a static Pod, read from the kubelet's directory).
fn start(
    pods: &[Pod],
    workloads: &[Workload],
    scenario: &Scenario,
    log: &mut Option<Vec<(u64, Event)>>,
) -> World {
    let mut world = empty_world(pods, workloads, scenario);
    for action in scenario.actions_in_order() {
        if action.at.as_millis() <= world.horizon {
            let class = match action.what {
                What::CreateService { .. }
                | What::DeleteService { .. }
                | What::FailProbe { .. }
                | What::PassProbe { .. }
                | What::FailImagePull { .. }
                | What::FixImagePull { .. }
                | What::LoseNode { .. }
                | What::RestoreNode { .. }
                | What::AddNode { .. } => Class::Setting,
                _ => Class::Disruption,
            };
            world.queue.push(
                action.at.as_millis(),
                class,
                Trigger::Action(action.clone()),
            );
        }
    }
    let mut events: Vec<Event> = scenario
        .cluster_nodes()
        .into_iter()
        .map(|node| Event::NodeRegistered(Box::new(node)))
        .collect();
    events.extend(initial_objects(scenario));
    record(&mut world, log, events);
    let mut events = Vec::new();
    api_server::create_manifest(&world, &mut events);
    record(&mut world, log, events);
    world
}

/// The Services, ConfigMaps and Secrets the scenario starts with, created before the Pods.
fn initial_objects(scenario: &Scenario) -> Vec<Event> {
    let services = scenario.services.iter().map(|name| Event::ObjectCreated {
        kind: ObjectKind::Service,
        name: name.clone(),
        data: BTreeMap::new(),
    });
    let configuration = [
        (ObjectKind::ConfigMap, &scenario.config_maps),
        (ObjectKind::Secret, &scenario.secrets),
    ]
    .into_iter()
    .flat_map(|(kind, listed)| {
        listed
            .iter()
            .flatten()
            .map(move |(name, data)| Event::ObjectCreated {
                kind,
                name: name.clone(),
                data: data.clone(),
            })
    });
    services.chain(configuration).collect()
}

/// Every actor's decision about `trigger`, in a fixed order.
fn decide(world: &World, trigger: &Trigger) -> Vec<Event> {
    let mut out = Vec::new();
    api_server::decide(world, trigger, &mut out);
    scheduler::decide(world, trigger, &mut out);
    node_lifecycle::decide(world, trigger, &mut out);
    controllers::decide(world, trigger, &mut out);
    for node in 0..world.kubelets.len() {
        kubelet::decide(world, NodeId(node), trigger, &mut out);
    }
    garbage_collector::decide(world, trigger, &mut out);
    out
}

/// Applies `events`, and logs them when `log` is kept.
fn record(world: &mut World, log: &mut Option<Vec<(u64, Event)>>, events: Vec<Event>) {
    for event in events {
        if let Some(log) = log.as_mut() {
            log.push((world.now, event.clone()));
        }
        apply(world, event);
    }
}

/// The Pod's UID: its own, or a stable made-up one.
pub fn uid_of(pod: &Pod) -> String {
    pod.metadata
        .uid
        .clone()
        .filter(|uid| !uid.is_empty())
        .unwrap_or_else(|| pod_uid(pod.name()))
}

/// A stable, made-up UID for `seed` (a real one is random).
pub fn pod_uid(seed: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in seed.bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    let hex = format!("{hash:016x}{:016x}", hash.rotate_left(17));
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}
