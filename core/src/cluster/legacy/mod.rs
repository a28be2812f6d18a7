//! The virtual node (first slice): given an accepted Pod and a scenario, what a cluster does with
//! it, second by second — scheduling, the sandbox and its IP, image pulls, init containers in
//! order, native sidecars, app containers, restarts with the kubelet's CrashLoopBackOff delays —
//! recorded as full v1 Pod snapshots, Events and container logs.
//!
//! It also runs probes (startup, liveness, readiness) and ends a run that uses more memory than
//! its limit (OOMKilled). Not simulated yet: deletion and graceful termination, node loss and the
//! scenario's timed actions. `notes` says what was assumed.

mod actions;
mod config;
mod hooks;
mod node_loss;
mod probes;
mod program;
pub mod static_pod;

use std::collections::BTreeMap;

use crate::api::qos;
use crate::api::quantity::Quantity;
use crate::api::v1::{
    Container, ContainerState, ContainerStateRunning, ContainerStateTerminated,
    ContainerStateWaiting, ContainerStatus, Pod, PodCondition, PodIp, PodStatus,
};
use crate::base::time::VirtualTime;
use crate::base::timestamp::Timestamp;
use crate::cluster::events::{EventLog, EventType};
use crate::runtime::images::Behaviour;
use crate::runtime::shell::SharedWrite;

use actions::ContainerActions;
use node_loss::NodeLoss;
pub use program::{RunPlan, Surroundings, plan};

use crate::cluster::scenario::What;
pub use crate::cluster::scenario::{Deletion, Node, Scenario};

/// The Pod at one instant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// When.
    pub at: VirtualTime,
    /// The Pod object, status included, as the API server holds it then.
    pub pod: Pod,
}

/// A log line of a container.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogLine {
    /// When it was written.
    pub at: VirtualTime,
    /// Which run of the container wrote it (0 for the first).
    pub run: usize,
    /// The text.
    pub text: String,
}

/// What a running container uses, as metrics-server would report it (`kubectl top`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    /// CPU in use, in millicores: what it wants, held to its limit.
    pub cpu_millis: u64,
    /// CPU it would use without its limit; more than `cpu_millis` when CFS throttles it.
    pub wanted_cpu_millis: u64,
    /// Memory in use, in bytes.
    pub memory_bytes: u64,
}

impl Usage {
    /// True when the CPU limit holds the container back.
    pub fn throttled(&self) -> bool {
        self.wanted_cpu_millis > self.cpu_millis
    }
}

/// One container's runs and what they ran, to look inside it at any instant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContainerRuns {
    /// The container.
    pub container: Container,
    /// Each run's start and, if it ended, its end.
    pub runs: Vec<(VirtualTime, Option<VirtualTime>)>,
    /// The program of the runs from an index on, with what they found around them.
    plans: Vec<(usize, RunPlan, Surroundings)>,
}

impl ContainerRuns {
    /// The container's files at `at` (paths to contents), as its current run (or its last one)
    /// left them: its own writes, its volumes, others' writes to shared volumes. `None` before it
    /// first started.
    pub fn files_at(&self, pod_name: &str, at: VirtualTime) -> Option<BTreeMap<String, String>> {
        let index = self.runs.iter().rposition(|(started, _)| *started <= at)?;
        let (started, ended) = self.runs[index];
        let (_, plan, surroundings) = self
            .plans
            .iter()
            .rev()
            .find(|(from, _, _)| *from <= index)?;
        let until = ended.map_or(at, |ended| ended.min(at));
        let offset = until.as_millis().saturating_sub(started.as_millis());
        let host = plan.host_at(&self.container, pod_name, surroundings, offset);
        Some(host.files)
    }

    /// The paths in shared volumes that any run of the container wrote, as it sees them.
    pub fn shared_writes(&self) -> impl Iterator<Item = &str> {
        self.plans
            .iter()
            .flat_map(|(_, plan, _)| plan.writes.iter().map(|write| write.path.as_str()))
    }
}

/// The result of a simulation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Simulation {
    /// A snapshot at every change, in time order (the first at 0).
    pub snapshots: Vec<Snapshot>,
    /// The Events.
    pub events: EventLog,
    /// Each container's log lines, by container name.
    pub logs: BTreeMap<String, Vec<LogLine>>,
    /// What the simulator assumed.
    pub notes: Vec<String>,
    /// The wall-clock time of instant 0.
    pub start: Timestamp,
    /// When the API server removed the Pod object, if the scenario deleted it.
    pub deleted_at: Option<VirtualTime>,
    /// What each container uses while it runs, by container name.
    pub usage: BTreeMap<String, Usage>,
    /// Each container's runs, by container name (`files_at` looks inside).
    pub containers: BTreeMap<String, ContainerRuns>,
}

impl Simulation {
    /// The snapshot in force at `at` (the last one at or before it).
    pub fn at(&self, at: VirtualTime) -> Option<&Snapshot> {
        let index = self.snapshots.partition_point(|snapshot| snapshot.at <= at);
        self.snapshots.get(index.saturating_sub(1))
    }

    /// What the simulation showed of the Pod's inside, for the topology: its last Pod IP and
    /// what each container wrote in its volumes.
    pub fn observed(&self) -> crate::topology::Observed {
        crate::topology::Observed {
            pod_ip: self
                .snapshots
                .last()
                .and_then(|snapshot| snapshot.pod.status.as_deref())
                .and_then(|status| status.pod_ip.clone()),
            writes: self
                .containers
                .iter()
                .map(|(name, runs)| {
                    (
                        name.clone(),
                        runs.shared_writes().map(str::to_owned).collect(),
                    )
                })
                .collect(),
        }
    }

    /// The wall-clock time of `at`.
    pub fn wall(&self, at: VirtualTime) -> Timestamp {
        self.start
            .plus_millis(i64::try_from(at.as_millis()).unwrap_or(i64::MAX))
    }
}

/// The kubelet notices a container's exit at its next relist, about a second later.
const PLEG_MILLIS: u64 = 1_000;
/// How long the kubelet waits before trying again to make a container whose configuration
/// failed (its pod worker's back-off period).
const CONFIG_RETRY_MILLIS: u64 = 10_000;
/// How long pulling an image the node does not have takes.
const PULL_MILLIS: u64 = 1_000;
/// How long a program over its memory limit lives before the OOM killer ends it.
const OOM_MILLIS: u64 = 1_000;
/// The most runs of one container simulated.
const MAX_RUNS: usize = 1_000;

/// One run of a container.
#[derive(Clone, Debug)]
struct Run {
    started: u64,
    /// When the kubelet reports it running: once its postStart hook is done.
    shown: u64,
    exit: Option<(u64, i32)>,
    /// When the startup probe succeeded; `None` without a startup probe (started at once) or
    /// when it never did (see `has_startup_probe`).
    started_ok: Option<u64>,
    /// Readiness intervals, when the container has a readiness probe.
    ready: Option<Vec<(u64, u64)>>,
    /// True when the kernel's OOM killer ended the run (memory over the limit).
    oom_killed: bool,
}

/// A failed image pull (the container waits with `ErrImagePull`, then `ImagePullBackOff`) or a
/// failed container configuration (`CreateContainerConfigError`).
#[derive(Clone, Debug)]
struct PullFailure {
    /// When the pull failed.
    failed: u64,
    /// When the kubelet's next sync finds the pull in back-off.
    backoff_from: u64,
    /// When the next pull failed, or the container started (`u64::MAX` while neither).
    until: u64,
    /// containerd's error, or the kubelet's.
    message: String,
    /// The waiting reason for a failure that is not a pull (`CreateContainerConfigError` for a
    /// missing ConfigMap or Secret, `InvalidImageName`); `None` for a failed pull.
    fixed_reason: Option<&'static str>,
}

/// Everything that happens to one container.
#[derive(Clone, Debug)]
struct Track {
    name: String,
    init: bool,
    sidecar: bool,
    image: String,
    /// When the kubelet first turns to it (pull start).
    first_turn: Option<u64>,
    runs: Vec<Run>,
    /// For each exit after which a restart waits: (from, until) in CrashLoopBackOff.
    backoffs: Vec<(u64, u64)>,
    /// Failed image pulls, in time order.
    pull_failures: Vec<PullFailure>,
    /// What its runs wrote to its volumes, on the Pod's clock.
    writes: Vec<SharedWrite>,
    /// The Pod as the kubelet names it in messages: `name_namespace(uid)`.
    pod_label: String,
    /// What it uses while it runs.
    usage: Usage,
    /// The program of its runs from an index on (a new entry only when it changes).
    plans: Vec<(usize, RunPlan, Surroundings)>,
    /// The image as the runtime reports it, and its ID (`None` for a reference that does not
    /// parse).
    image_ids: Option<(String, String)>,
    /// Its preStop hook, ready to run in its last run.
    pre_stop: Option<hooks::HookContext>,
    /// True when the container has a startup probe.
    has_startup_probe: bool,
    /// How its program reacts to SIGTERM: `Some` for an image's own program.
    behaviour: Option<Option<Behaviour>>,
}

/// The most containers a Pod may have to be simulated (the API server accepts more; a Pod with
/// hundreds of containers is no lesson, and would slow the page).
pub const MAX_CONTAINERS: usize = crate::topology::MAX_CONTAINERS;

/// Simulates `pod` (accepted and defaulted) in `scenario`.
///
/// Containers that share a volume see each other's files: a first pass finds what each writes
/// and when, and the next runs every container with the others' writes arriving on time (an
/// init container's file is there for the app; a sidecar's `tail -f` follows the app's log).
/// Passes repeat, at most [`MAX_PASSES`], until the shared writes settle.
///
/// A static Pod ([`Scenario::static_pod`]) runs as the kubelet's copy of the file, and its
/// snapshots are its mirror Pod (see [`static_pod`]).
pub fn simulate(pod: &Pod, scenario: &Scenario) -> Simulation {
    let kubelet_copy;
    let pod = if scenario.static_pod {
        kubelet_copy = static_pod::from_file(pod, &scenario.node, scenario.start);
        &kubelet_copy
    } else {
        pod
    };
    let mut shared: SharedByContainer = BTreeMap::new();
    let (mut simulation, mut tracks) = simulate_pass(pod, scenario, &shared);
    for _ in 1..MAX_PASSES {
        let next = shared_writes(pod, &tracks);
        if next == shared {
            break;
        }
        shared = next;
        (simulation, tracks) = simulate_pass(pod, scenario, &shared);
    }
    simulation
}

/// The most Pod objects one scenario creates (the first and its replacements).
pub const MAX_GENERATIONS: usize = 10;

/// Simulates every Pod object the scenario creates: the first, and after each deletion, the
/// one a later `applyPod` creates (a new UID and the next IP). Each simulation's instant 0 is
/// its own creation; `Simulation::start` places it on the wall clock.
pub fn simulate_all(pod: &Pod, scenario: &Scenario) -> Vec<Simulation> {
    let mut generations = vec![simulate(pod, scenario)];
    let base = scenario.start;
    let mut pod_ip = scenario.pod_ip.clone();
    while generations.len() < MAX_GENERATIONS {
        let last = generations.last().map_or(0, |g| offset_of(g, base));
        let removed = generations
            .last()
            .and_then(|g| g.deleted_at)
            .map(|at| last + at.as_millis());
        // `kubectl apply` while the object exists changes nothing.
        let applies: Vec<u64> = scenario
            .actions_in_order()
            .filter(|action| action.what == What::ApplyPod)
            .map(|action| action.at.as_millis())
            .filter(|at| *at > last)
            .collect();
        let unchanged: Vec<u64> = applies
            .iter()
            .copied()
            .filter(|at| removed.is_none_or(|removed| *at < removed))
            .collect();
        if let Some(generation) = generations.last_mut() {
            for at in unchanged {
                generation.notes.push(format!(
                    "kubectl apply at {}: pod/{} unchanged (the Pod still exists)",
                    VirtualTime::from_millis(at).duration_string(),
                    pod.name()
                ));
            }
        }
        let Some(removed) = removed else { break };
        let Some(created) = applies.into_iter().find(|at| *at >= removed) else {
            break;
        };
        if created >= scenario.horizon.as_millis() {
            break;
        }
        pod_ip = next_ip(&pod_ip);
        let mut replacement = pod.clone();
        replacement.metadata.uid = Some(pod_uid(&format!("{}#{}", pod.name(), generations.len())));
        let shifted = Scenario {
            start: base.plus_millis(i64::try_from(created).unwrap_or(i64::MAX)),
            horizon: VirtualTime::from_millis(scenario.horizon.as_millis() - created),
            pod_ip: pod_ip.clone(),
            actions: scenario
                .actions_in_order()
                .filter(|action| action.at.as_millis() > created)
                .map(|action| crate::cluster::scenario::Action {
                    at: VirtualTime::from_millis(action.at.as_millis() - created),
                    pod: None,
                    what: action.what.clone(),
                })
                .collect(),
            ..scenario.clone()
        };
        generations.push(simulate(&replacement, &shifted));
    }
    generations
}

/// Milliseconds from `base` to the simulation's instant 0.
fn offset_of(simulation: &Simulation, base: Timestamp) -> u64 {
    u64::try_from(simulation.start.millis_since(base)).unwrap_or(0)
}

/// The next Pod IP in the node's range: `10.244.0.5` → `10.244.0.6`.
fn next_ip(ip: &str) -> String {
    match ip.rsplit_once('.') {
        Some((network, last)) => {
            let next = last
                .parse::<u8>()
                .map_or(2, |n| if n >= 254 { 2 } else { n + 1 });
            format!("{network}.{next}")
        }
        None => ip.to_owned(),
    }
}

/// The most simulation passes for shared volumes to settle.
const MAX_PASSES: usize = 3;

/// For each container, the changes to the volumes it mounts, on the Pod's clock and at its own
/// paths, each with true when the container made the change itself.
type SharedByContainer = BTreeMap<String, Vec<(SharedWrite, bool)>>;

/// What every container wrote to shared volumes, as each reader sees it.
fn shared_writes(pod: &Pod, tracks: &[Track]) -> SharedByContainer {
    let containers: Vec<&Container> = pod
        .spec
        .init_containers
        .iter()
        .chain(&pod.spec.containers)
        .collect();
    let find = |name: &str| containers.iter().find(|c| c.name == name).copied();
    let mut shared = SharedByContainer::new();
    for track in tracks {
        let Some(writer) = find(&track.name) else {
            continue;
        };
        for write in &track.writes {
            let Some((volume, inside)) = volume_path(writer, &write.path) else {
                continue;
            };
            for reader in &containers {
                if let Some(path) = mounted_path(reader, volume, &inside) {
                    shared.entry(reader.name.clone()).or_default().push((
                        SharedWrite {
                            path,
                            ..write.clone()
                        },
                        reader.name == writer.name,
                    ));
                }
            }
        }
    }
    for writes in shared.values_mut() {
        crate::base::sorting::sort_by_key(writes, |(write, _)| write.at);
    }
    shared
}

/// The volume a container path lies in and the path inside the volume (`/` for its root).
fn volume_path<'c>(container: &'c Container, path: &str) -> Option<(&'c str, String)> {
    container
        .volume_mounts
        .iter()
        .filter_map(|mount| {
            let rest = path.strip_prefix(mount.mount_path.trim_end_matches('/'))?;
            if !(rest.is_empty() || rest.starts_with('/')) {
                return None;
            }
            let sub = mount.sub_path.as_deref().unwrap_or_default();
            let inside = if sub.is_empty() {
                format!("/{}", rest.trim_start_matches('/'))
            } else {
                format!("/{sub}{rest}")
            };
            Some((mount.mount_path.len(), mount.name.as_str(), inside))
        })
        .max_by_key(|(length, _, _)| *length)
        .map(|(_, volume, inside)| (volume, inside))
}

/// Where `inside` of `volume` appears in `container`, if it mounts that part of the volume.
fn mounted_path(container: &Container, volume: &str, inside: &str) -> Option<String> {
    container
        .volume_mounts
        .iter()
        .filter(|mount| mount.name == volume)
        .find_map(|mount| {
            let sub = mount.sub_path.as_deref().unwrap_or_default();
            let rest = if sub.is_empty() {
                inside.to_owned()
            } else {
                let rest = inside.strip_prefix(&format!("/{sub}"))?;
                if !(rest.is_empty() || rest.starts_with('/')) {
                    return None;
                }
                rest.to_owned()
            };
            let base = mount.mount_path.trim_end_matches('/');
            Some(if rest == "/" || rest.is_empty() {
                base.to_owned()
            } else {
                format!("{base}{rest}")
            })
        })
}

/// One pass of the simulation, with `shared` arriving in each container's volumes.
fn simulate_pass(
    pod: &Pod,
    scenario: &Scenario,
    shared: &SharedByContainer,
) -> (Simulation, Vec<Track>) {
    let count = pod.spec.containers.len() + pod.spec.init_containers.len();
    if count > MAX_CONTAINERS {
        return (
            Simulation {
                snapshots: Vec::new(),
                events: EventLog::default(),
                logs: BTreeMap::new(),
                notes: vec![format!(
                    "the Pod has {count} containers; the playground simulates Pods of up to {MAX_CONTAINERS}"
                )],
                start: scenario.start,
                deleted_at: None,
                usage: BTreeMap::new(),
                containers: BTreeMap::new(),
            },
            Vec::new(),
        );
    }
    let horizon = scenario.horizon.as_millis();
    let mut events = EventLog::default();
    let mut logs: BTreeMap<String, Vec<LogLine>> = BTreeMap::new();
    let mut notes: Vec<String> = Vec::new();
    let wall = |at: u64| {
        scenario
            .start
            .plus_millis(i64::try_from(at).unwrap_or(i64::MAX))
    };
    let name = pod.name().to_owned();
    let namespace = pod
        .metadata
        .namespace
        .clone()
        .unwrap_or_else(|| "default".to_owned());
    let uid = uid_of(pod);
    let budget = probes::ReplayBudget::default();
    // The Pod as the kubelet names it in messages (`format.Pod`).
    let pod_label = format!("{name}_{namespace}({uid})");

    // The scheduler.
    let gated = !pod.spec.scheduling_gates.is_empty();
    let unschedulable = if gated {
        None
    } else {
        insufficient(pod, &scenario.node)
    };
    let bound = !gated && unschedulable.is_none();
    if let Some(reason) = &unschedulable {
        events.record(
            wall(0),
            EventType::Warning,
            "FailedScheduling",
            &format!(
                "0/1 nodes are available: 1 {reason}. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod."
            ),
            "default-scheduler",
            None,
        );
    } else if bound && pod.spec.node_name.is_none() {
        events.record(
            wall(0),
            EventType::Normal,
            "Scheduled",
            &format!(
                "Successfully assigned {namespace}/{name} to {}",
                scenario.node.name
            ),
            "default-scheduler",
            None,
        );
    }
    let sandbox_at = PLEG_MILLIS;

    // The kubelet: init containers one after the other, then the app containers.
    let mut tracks: Vec<Track> = Vec::new();
    let mut pulled: Vec<String> = Vec::new();
    let mut turn = sandbox_at;
    let mut initialized_at: Option<u64> = Some(sandbox_at);
    let pod_policy = pod
        .spec
        .restart_policy
        .clone()
        .unwrap_or_else(|| "Always".to_owned());
    let mut failed_at: Option<u64> = None;
    let grace_ms = kill_delay_ms(pod.spec.termination_grace_period_seconds.unwrap_or(30));
    // A configMap or secret volume whose object is missing: nothing starts until it exists.
    let unmountable = if bound {
        config::unmountable_volume(pod, scenario)
    } else {
        None
    };
    if let Some((volume, error)) = &unmountable {
        initialized_at = None;
        record_failed_mounts(pod, volume, error, horizon, &mut events, &wall);
    }
    if bound && unmountable.is_none() {
        let kubelet = Kubelet {
            pod,
            scenario,
            shared,
            budget: &budget,
            pod_name: &name,
            pod_label: &pod_label,
            horizon,
            grace_ms,
        };
        let mut out = Records {
            pulled: &mut pulled,
            events: &mut events,
            logs: &mut logs,
            notes: &mut notes,
        };
        for container in &pod.spec.init_containers {
            let sidecar = container.is_sidecar();
            let policy = if sidecar {
                "Always"
            } else {
                pod_policy.as_str()
            };
            let mut track = run_container(&kubelet, &mut out, container, true, turn, policy);
            let done = if sidecar {
                // A sidecar counts as started once its postStart hook is done and, with a
                // startup probe, once that probe succeeds.
                track.runs.first().and_then(|run| {
                    let started = if track.has_startup_probe {
                        run.started_ok?.max(run.shown)
                    } else {
                        run.shown
                    };
                    Some(started + PLEG_MILLIS)
                })
            } else {
                track.runs.iter().find_map(|run| {
                    run.exit
                        .filter(|(_, code)| *code == 0)
                        .map(|(at, _)| at + PLEG_MILLIS)
                })
            };
            let gave_up = !sidecar
                && policy == "Never"
                && track
                    .runs
                    .first()
                    .and_then(|run| run.exit)
                    .is_some_and(|(_, code)| code != 0);
            track.sidecar = sidecar;
            tracks.push(track);
            match done {
                Some(at) if at < horizon => turn = at,
                _ => {
                    initialized_at = None;
                    if gave_up {
                        failed_at = tracks
                            .last()
                            .and_then(|t| t.runs.first())
                            .and_then(|r| r.exit)
                            .map(|(at, _)| at);
                    }
                    break;
                }
            }
        }
        if initialized_at.is_some() {
            initialized_at = Some(turn);
            for container in &pod.spec.containers {
                let track = run_container(&kubelet, &mut out, container, false, turn, &pod_policy);
                turn = track.runs.first().map_or(turn, |run| run.shown);
                tracks.push(track);
            }
        }
    }

    // `kubectl delete pod`: stop what runs, then remove the object.
    // Once every app container of a Pod that does not restart them is done, the kubelet stops
    // the sidecars (KEP-753).
    if pod_policy != "Always" {
        let finals: Vec<Option<u64>> = tracks
            .iter()
            .filter(|track| !track.init)
            .map(|track| {
                let (at, code) = track.runs.last()?.exit?;
                (pod_policy == "Never" || code == 0).then_some(at)
            })
            .collect();
        let all_done = !finals.is_empty() && finals.iter().all(Option::is_some);
        if let Some(done) = finals.into_iter().flatten().max().filter(|_| all_done) {
            stop_sidecars(
                &mut tracks,
                done + PLEG_MILLIS,
                grace_ms,
                &mut events,
                &mut logs,
                &wall,
            );
        }
    }
    // A lost node: what the kubelet does while cut off never reaches the API server.
    let node_loss = if bound {
        NodeLoss::of(pod, scenario)
    } else {
        None
    };
    if let Some(loss) = node_loss {
        events.retain(|event| {
            event.source != "kubelet"
                || !loss.cut_off(
                    u64::try_from(event.first_seen.millis_since(scenario.start)).unwrap_or(0),
                )
        });
        if let Some(at) = loss.not_ready {
            events.record(
                wall(at),
                EventType::Warning,
                "NodeNotReady",
                "Node is not ready",
                "node-controller",
                None,
            );
        }
        if let Some(at) = loss.evicted {
            events.record(
                wall(at),
                EventType::Normal,
                "TaintManagerEviction",
                &format!("Marking for deletion Pod {namespace}/{name}"),
                "taint-eviction-controller",
                None,
            );
        }
    }
    // `kubectl delete pod`, or the taint-eviction controller's deletion, whichever comes first.
    let pod_grace = pod.spec.termination_grace_period_seconds.unwrap_or(30);
    let user_deletion = scenario.deletion().map(|deletion| {
        let grace = deletion.grace_seconds.unwrap_or(pod_grace).max(0);
        (deletion.at.as_millis(), grace)
    });
    let eviction = node_loss
        .and_then(|loss| loss.evicted)
        .map(|at| (at, pod_grace.max(0)));
    let deletion = [user_deletion, eviction]
        .into_iter()
        .flatten()
        .min_by_key(|(at, _)| *at)
        .filter(|(at, _)| *at < horizon)
        .map(|(at, grace)| {
            // The kubelet stops the containers when it learns of the deletion; until then the
            // object stays, Terminating (or Unknown on a lost node).
            let seen = node_loss.map_or(Some(at), |loss| loss.kubelet_sees(at));
            let removed = match seen {
                Some(seen) if seen < horizon => {
                    delete(&mut tracks, seen, grace, &mut events, &mut logs, &wall)
                }
                _ => u64::MAX,
            };
            (at, grace, removed)
        });
    let horizon = deletion.map_or(horizon, |(_, _, removed)| removed.min(horizon));
    // A static Pod's `kubectl delete` replaces its mirror; removing its file marks nothing.
    let mirrors = scenario.static_pod.then(|| {
        static_pod::Mirrors::of(
            scenario,
            pod.spec.termination_grace_period_seconds.unwrap_or(30),
            horizon,
        )
    });
    let marked_deletion = deletion.filter(|_| mirrors.is_none());

    // Snapshots at every instant something changes.
    let mut instants: Vec<u64> = vec![0];
    if let Some(loss) = node_loss {
        instants.push(loss.lost);
        instants.extend(loss.restored);
        instants.extend(loss.not_ready);
        instants.extend(loss.evicted);
    }
    if let Some((at, _, _)) = deletion {
        instants.push(at);
    }
    if let Some(mirrors) = &mirrors {
        instants.extend(mirrors.instants());
    }
    if bound {
        instants.push(sandbox_at);
        for track in &tracks {
            instants.extend(track.first_turn);
            for run in &track.runs {
                instants.push(run.started);
                instants.push(run.shown);
                if let Some((at, _)) = run.exit {
                    instants.push(at);
                }
                instants.extend(run.started_ok);
                for (from, to) in run.ready.iter().flatten() {
                    instants.push(*from);
                    instants.push(*to);
                }
            }
            for (from, until) in &track.backoffs {
                instants.push(*from);
                instants.push(*until);
            }
            for failure in &track.pull_failures {
                instants.push(failure.failed);
                instants.push(failure.backoff_from);
            }
        }
    }
    instants.retain(|at| *at <= horizon);
    instants.sort_unstable();
    instants.dedup();
    let mut snapshots: Vec<Snapshot> = Vec::with_capacity(instants.len());
    for at in instants {
        // While the node is cut off, the API server keeps the last status the kubelet sent.
        let seen_at = node_loss
            .filter(|loss| loss.cut_off(at))
            .map_or(at, |loss| loss.lost);
        let mut status = status_at(
            pod,
            scenario,
            &tracks,
            seen_at,
            bound,
            gated,
            unschedulable.as_deref(),
            initialized_at,
            failed_at,
            unmountable.is_none(),
        );
        let mut snapshot = pod.clone();
        snapshot.metadata.creation_timestamp = Some(scenario.start.to_string());
        if snapshot.metadata.uid.is_none() {
            snapshot.metadata.uid = Some(uid.clone());
        }
        if bound && pod.spec.node_name.is_none() {
            snapshot.spec.node_name = Some(scenario.node.name.clone());
        }
        if let Some(loss) = node_loss.filter(|loss| loss.cut_off(at)) {
            if let Some(not_ready) = loss.not_ready.filter(|t| *t <= at) {
                for condition in &mut status.conditions {
                    if condition.kind == "Ready" && condition.status == "True" {
                        condition.status = "False".to_owned();
                        condition.last_transition_time = Some(wall(not_ready).to_string());
                    }
                }
            }
            if loss.evicted.is_some_and(|t| t <= at) {
                status.reason = Some(node_loss::NODE_LOST_REASON.to_owned());
                status.message = Some(format!(
                    "Node {} which was running pod {name} is unresponsive",
                    scenario.node.name
                ));
            }
        }
        snapshot.status = Some(Box::new(status));
        if let Some(mirrors) = &mirrors {
            mirrors.dress(&mut snapshot, at, wall);
        }
        if let Some((deleted, grace, _)) = marked_deletion.filter(|(deleted, _, _)| *deleted <= at)
        {
            let deadline = deleted.saturating_add(seconds_to_ms(grace));
            snapshot.metadata.deletion_timestamp = Some(wall(deadline).to_string());
            snapshot.metadata.deletion_grace_period_seconds = Some(grace);
        }
        let previous = snapshots.last().map(|last: &Snapshot| &last.pod);
        if let Some(previous) = previous {
            carry_transition_times(previous, &mut snapshot, &wall(at).to_string());
            snapshot
                .metadata
                .resource_version
                .clone_from(&previous.metadata.resource_version);
        }
        if previous.is_none_or(|previous| *previous != snapshot) {
            // Every write to the object gives it a new resourceVersion.
            snapshot.metadata.resource_version =
                Some((RESOURCE_VERSION_BASE + snapshots.len()).to_string());
            snapshots.push(Snapshot {
                at: VirtualTime::from_millis(at),
                pod: snapshot,
            });
        }
    }
    if budget.ran_out.get() {
        notes.push(format!(
            "exec probes were checked more than {} times: later checks repeat each probe's last result (each check replays the container's script from its start)",
            probes::MAX_EXEC_REPLAYS
        ));
    }
    notes.sort();
    notes.dedup();
    let usage = tracks
        .iter()
        .map(|track| (track.name.clone(), track.usage))
        .collect();
    let containers = tracks
        .iter()
        .filter_map(|track| {
            let container = pod
                .spec
                .init_containers
                .iter()
                .chain(&pod.spec.containers)
                .find(|c| c.name == track.name)?;
            let runs = track
                .runs
                .iter()
                .map(|run| {
                    (
                        VirtualTime::from_millis(run.started),
                        run.exit.map(|(at, _)| VirtualTime::from_millis(at)),
                    )
                })
                .collect();
            Some((
                track.name.clone(),
                ContainerRuns {
                    container: container.clone(),
                    runs,
                    plans: track.plans.clone(),
                },
            ))
        })
        .collect();
    let simulation = Simulation {
        containers,
        usage,
        snapshots,
        events,
        logs,
        notes,
        start: scenario.start,
        deleted_at: deletion
            .map(|(_, _, removed)| removed)
            .filter(|removed| *removed != u64::MAX)
            .map(VirtualTime::from_millis),
    };
    (simulation, tracks)
}

/// The volume manager's retries of a volume it cannot set up: `FailedMount` after 0.5 s doubling
/// to 2m2s, and every 2 minutes the pod worker's time-out.
fn record_failed_mounts(
    pod: &Pod,
    volume: &str,
    error: &str,
    horizon: u64,
    events: &mut EventLog,
    wall: &impl Fn(u64) -> Timestamp,
) {
    let mut at = PLEG_MILLIS;
    let mut delay = 500;
    while at < horizon {
        events.record(
            wall(at),
            EventType::Warning,
            "FailedMount",
            &format!("MountVolume.SetUp failed for volume \"{volume}\" : {error}"),
            "kubelet",
            None,
        );
        at += delay;
        delay = (delay * 2).min(122_000);
    }
    let volumes: Vec<&str> = pod.spec.volumes.iter().map(|v| v.name.as_str()).collect();
    let mut timeout = PLEG_MILLIS + 120_000;
    while timeout < horizon {
        events.record(
            wall(timeout),
            EventType::Warning,
            "FailedMount",
            &format!(
                "Unable to attach or mount volumes: unmounted volumes=[{volume}], unattached volumes=[{}]: timed out waiting for the condition",
                volumes.join(" ")
            ),
            "kubelet",
            None,
        );
        timeout += 120_000;
    }
}

/// A duration as Go's `time.Duration` prints whole seconds: `10s`, `1m20s`, `5m0s`.
fn go_duration(millis: u64) -> String {
    let seconds = millis / 1000;
    if seconds < 60 {
        format!("{seconds}s")
    } else {
        format!("{}m{}s", seconds / 60, seconds % 60)
    }
}

/// The resourceVersion of the object as created; each later write adds one.
const RESOURCE_VERSION_BASE: usize = 1_024;

/// A condition keeps its `lastTransitionTime` while its status stays the same, and gets `now`
/// when it changes.
fn carry_transition_times(previous: &Pod, pod: &mut Pod, now: &str) {
    let (Some(before), Some(status)) = (previous.status.as_deref(), pod.status.as_deref_mut())
    else {
        return;
    };
    for condition in &mut status.conditions {
        let same = before
            .conditions
            .iter()
            .find(|old| old.kind == condition.kind);
        condition.last_transition_time = match same {
            Some(old) if old.status == condition.status => old.last_transition_time.clone(),
            _ => Some(now.to_owned()),
        };
    }
}

/// Stops the sidecars from `at`, the last one first, each after the one before has exited: a
/// server stops on SIGTERM, a shell as PID 1 ignores it and is killed after the grace period.
fn stop_sidecars(
    tracks: &mut [Track],
    at: u64,
    grace_ms: u64,
    events: &mut EventLog,
    logs: &mut BTreeMap<String, Vec<LogLine>>,
    wall: &impl Fn(u64) -> Timestamp,
) {
    let mut from = at;
    for track in tracks.iter_mut().rev().filter(|track| track.sidecar) {
        track.runs.retain(|run| run.started <= from);
        track.backoffs.retain(|(start, _)| *start < from);
        track.pull_failures.retain(|failure| failure.failed < from);
        // The restarts planned after the stop never happen, and neither do their Events: a run
        // that starts at the stop stays, a back-off or a failed pull from then on goes.
        let field_path = format!("spec.initContainers{{{}}}", track.name);
        let stop = wall(from);
        events.retain(|event| {
            event.source != "kubelet"
                || event.field_path.as_deref() != Some(field_path.as_str())
                || event.first_seen < stop
                || (event.first_seen == stop
                    && !matches!(event.reason.as_str(), "BackOff" | "Failed"))
        });
        let Some(run) = track
            .runs
            .last_mut()
            .filter(|run| run.exit.is_none_or(|(ended, _)| ended > from))
        else {
            // Nothing runs to stop; the output of the runs taken back goes too.
            if let Some(lines) = logs.get_mut(&track.name) {
                lines.retain(|line| line.at.as_millis() <= from);
            }
            continue;
        };
        events.record(
            stop,
            EventType::Normal,
            "Killing",
            &format!("Stopping container {}", track.name),
            "kubelet",
            Some(&field_path),
        );
        let (after, code) = match track.behaviour {
            Some(Some(Behaviour::Server)) => (100, 0),
            Some(Some(_)) => (100, 143),
            _ => (grace_ms, 137),
        };
        let ended = from.saturating_add(after);
        run.exit = Some((ended, code));
        run.ready = run.ready.take().map(|intervals| {
            intervals
                .into_iter()
                .map(|(start, to)| (start, to.min(from)))
                .collect()
        });
        if let Some(lines) = logs.get_mut(&track.name) {
            lines.retain(|line| line.at.as_millis() <= ended);
        }
        from = ended;
    }
}

/// Deletes the Pod at `at` with `grace` seconds: each running container gets `Killing` and
/// SIGTERM — a server stops at once, a shell as PID 1 ignores it and is killed when the grace
/// period ends — app containers first, then sidecars in reverse order. Nothing restarts. Returns
/// when the object is removed.
fn delete(
    tracks: &mut [Track],
    at: u64,
    grace: i64,
    events: &mut EventLog,
    logs: &mut BTreeMap<String, Vec<LogLine>>,
    wall: &impl Fn(u64) -> Timestamp,
) -> u64 {
    // The kubelet gives at least 2 seconds before SIGKILL.
    let kill_after = kill_delay_ms(grace);
    events.retain(|event| event.first_seen <= wall(at));
    let mut order: Vec<usize> = (0..tracks.len()).filter(|&i| !tracks[i].sidecar).collect();
    order.extend((0..tracks.len()).filter(|&i| tracks[i].sidecar).rev());
    let mut removed = at;
    let mut mains_done = at;
    for index in order {
        let track = &mut tracks[index];
        track.runs.retain(|run| run.started <= at);
        track.backoffs.retain(|(from, _)| *from < at);
        // Nothing is pulled or configured again once the Pod is being deleted.
        track.pull_failures.retain(|failure| failure.failed < at);
        for backoff in &mut track.backoffs {
            backoff.1 = backoff.1.min(at);
        }
        let stop_from = if track.sidecar {
            mains_done.max(at)
        } else {
            at
        };
        let Some(run) = track
            .runs
            .last_mut()
            .filter(|run| run.exit.is_none_or(|(ended, _)| ended > at))
        else {
            continue;
        };
        let field = format!(
            "spec.{}{{{}}}",
            if track.init {
                "initContainers"
            } else {
                "containers"
            },
            track.name
        );
        events.record(
            wall(stop_from),
            EventType::Normal,
            "Killing",
            &format!("Stopping container {}", track.name),
            "kubelet",
            Some(&field),
        );
        // The preStop hook first, within the grace period; the stop signal after it, with what
        // is left of the grace period (at least 2 seconds).
        let (signal_at, kill_after) = match &track.pre_stop {
            Some(context) => {
                let hook = context.run(run.started, stop_from, seconds_to_ms(grace.max(0)));
                if hook.failure.is_some() {
                    events.record(
                        wall(stop_from + hook.took),
                        EventType::Warning,
                        "FailedPreStopHook",
                        "PreStopHook failed",
                        "kubelet",
                        Some(&field),
                    );
                }
                let left =
                    grace.saturating_sub(i64::try_from(hook.took / 1000).unwrap_or(i64::MAX));
                (stop_from + hook.took, kill_delay_ms(left))
            }
            None => (stop_from, kill_after),
        };
        let (after, code) = match track.behaviour {
            Some(Some(Behaviour::Server)) => (100, 0),
            Some(Some(_)) => (100, 143),
            _ => (kill_after, 137),
        };
        let ended = signal_at.saturating_add(after.min(kill_after));
        run.exit = Some((ended, code));
        run.ready = run.ready.take().map(|intervals| {
            intervals
                .into_iter()
                .map(|(from, to)| (from, to.min(at)))
                .collect()
        });
        if let Some(lines) = logs.get_mut(&track.name) {
            lines.retain(|line| line.at.as_millis() <= ended);
        }
        removed = removed.max(ended);
        if !track.sidecar {
            mains_done = mains_done.max(ended);
        }
    }
    if grace == 0 { at } else { removed }
}

/// `Insufficient cpu` or `Insufficient memory` when the Pod's requests do not fit the node.
fn insufficient(pod: &Pod, node: &Node) -> Option<String> {
    let sum = |resource: &str, containers: &[Container]| -> Quantity {
        containers
            .iter()
            .filter_map(|c| c.resources.as_ref().and_then(|r| r.requests.get(resource)))
            .fold(Quantity::default(), |total, q| total.add(q))
    };
    let mut lacking = Vec::new();
    for (resource, capacity) in [("cpu", node.cpu_millis), ("memory", node.memory_bytes)] {
        // The effective request: the larger of the app containers' sum and any init container's.
        let app = sum(resource, &pod.spec.containers);
        let init = pod
            .spec
            .init_containers
            .iter()
            .filter_map(|c| c.resources.as_ref().and_then(|r| r.requests.get(resource)))
            .fold(Quantity::default(), |max, q| {
                if q.cmp_value(&max).is_gt() { *q } else { max }
            });
        let need = if init.cmp_value(&app).is_gt() {
            init
        } else {
            app
        };
        let need = if resource == "cpu" {
            need.milli_value()
        } else {
            need.value()
        };
        if need > capacity {
            lacking.push(format!("Insufficient {resource}"));
        }
    }
    (!lacking.is_empty()).then(|| lacking.join(", 1 "))
}

/// What the kubelet knows while it runs the Pod's containers.
struct Kubelet<'a> {
    pod: &'a Pod,
    scenario: &'a Scenario,
    /// Each container's view of the other containers' writes to shared volumes.
    shared: &'a SharedByContainer,
    budget: &'a probes::ReplayBudget,
    pod_name: &'a str,
    /// The Pod as the kubelet names it in messages: `name_namespace(uid)`.
    pod_label: &'a str,
    horizon: u64,
    /// The Pod's grace period (at least 2 s), in milliseconds.
    grace_ms: u64,
}

/// What running containers records: the images on the node, Events, logs and notes.
struct Records<'r> {
    pulled: &'r mut Vec<String>,
    events: &'r mut EventLog,
    logs: &'r mut BTreeMap<String, Vec<LogLine>>,
    notes: &'r mut Vec<String>,
}

/// Works out the runs of one container from `turn`, recording its Events and logs.
fn run_container(
    kubelet: &Kubelet<'_>,
    out: &mut Records<'_>,
    container: &Container,
    init: bool,
    turn: u64,
    policy: &str,
) -> Track {
    let Kubelet {
        pod,
        scenario,
        budget,
        pod_name,
        pod_label,
        horizon,
        grace_ms,
        ..
    } = *kubelet;
    let Records {
        pulled,
        events,
        logs,
        notes,
    } = out;
    let sidecar = init && container.is_sidecar();
    let shared = kubelet
        .shared
        .get(&container.name)
        .map_or(&[][..], Vec::as_slice);
    let config = &config::for_container(pod, container, scenario);
    let wall = |at: u64| {
        scenario
            .start
            .plus_millis(i64::try_from(at).unwrap_or(i64::MAX))
    };
    let image = container.image.clone().unwrap_or_default();
    let field = format!(
        "spec.{}{{{}}}",
        if init { "initContainers" } else { "containers" },
        container.name
    );
    let mut record = |at: u64, kind: EventType, reason: &str, message: &str| {
        events.record(wall(at), kind, reason, message, "kubelet", Some(&field));
    };
    let mut track = Track {
        name: container.name.clone(),
        init,
        sidecar,
        image: image.clone(),
        first_turn: Some(turn),
        runs: Vec::new(),
        backoffs: Vec::new(),
        pull_failures: Vec::new(),
        writes: Vec::new(),
        pod_label: pod_label.to_owned(),
        usage: Usage::default(),
        plans: Vec::new(),
        image_ids: crate::api::image_ref::ImageRef::parse(&image)
            .map(|reference| (reference.fully_qualified(), reference.image_id())),
        pre_stop: None,
        has_startup_probe: container.startup_probe.is_some(),
        behaviour: None,
    };
    let actions = ContainerActions::of(scenario, &container.name);
    let memory_limit = container
        .resources
        .as_ref()
        .and_then(|r| r.limits.get("memory"))
        .map(crate::api::quantity::Quantity::value);
    if memory_limit.is_none() && actions.kills.iter().any(|(_, oom)| *oom) {
        notes.push(format!(
            "container {} has no memory limit: growing past it is not possible, so exceedMemory does nothing (on a real node the Pod could be evicted under memory pressure instead)",
            container.name
        ));
    }
    // What a run starting at an instant finds: Services, shared files, env and config files.
    let prints_date = container
        .command
        .iter()
        .chain(&container.args)
        .any(|arg| arg.contains("date"));
    let inputs = |at: u64| {
        let mut surroundings = Surroundings::for_run(scenario, at, shared);
        if prints_date {
            surroundings.wall_start = wall(at);
        }
        if let Ok(config) = config {
            surroundings.env = Some(config.env.clone());
            surroundings.config_files.clone_from(&config.files);
        }
        surroundings
    };
    if let Ok(config) = config {
        notes.extend(config.notes.iter().cloned());
    }
    let mut dns = inputs(turn);
    let mut plan = plan(container, pod_name, &dns, horizon);
    if crate::api::image_ref::ImageRef::parse(&image).is_some() {
        notes.extend(plan.notes.iter().cloned());
    }
    track.behaviour = match plan.program {
        program::Program::Image(profile) => Some(profile.map(|p| p.behaviour)),
        program::Program::Script { .. } => None,
    };
    track.usage = usage(container, &plan, scenario);
    if track.usage.throttled() {
        notes.push(format!(
            "container {} wants {} CPU but its limit is {}: the kernel throttles it (CFS quota) to its limit",
            container.name,
            cpu_text(track.usage.wanted_cpu_millis),
            cpu_text(track.usage.cpu_millis)
        ));
    }
    let pod_label = track.pod_label.clone();
    let always_pull = container.image_pull_policy.as_deref() == Some("Always");
    let mut start_at = turn;
    let mut exits = 0u32;
    let mut failed_pulls = 0u32;
    while track.runs.len() + track.pull_failures.len() < MAX_RUNS && start_at < horizon {
        // An image reference that does not parse cannot be pulled: the kubelet says so at every
        // sync.
        if crate::api::image_ref::ImageRef::parse(&image).is_none() {
            let message = invalid_image_message(&image);
            record(start_at, EventType::Warning, "InspectFailed", &message);
            record(
                start_at,
                EventType::Warning,
                "Failed",
                "Error: InvalidImageName",
            );
            if let Some(last) = track.pull_failures.last_mut()
                && last.until == u64::MAX
            {
                last.until = start_at;
            }
            track.pull_failures.push(PullFailure {
                failed: start_at,
                backoff_from: u64::MAX,
                until: u64::MAX,
                message,
                fixed_reason: Some("InvalidImageName"),
            });
            start_at += CONFIG_RETRY_MILLIS;
            continue;
        }
        // Pull, create, start.
        let present = pulled.contains(&image);
        let pull = if always_pull || !present {
            record(
                start_at,
                EventType::Normal,
                "Pulling",
                &format!("Pulling image \"{image}\""),
            );
            if actions.pull_fails(start_at) {
                // ErrImagePull, then ImagePullBackOff until the next try: 10 s doubling to 300 s.
                let failed = start_at + PULL_MILLIS;
                if failed >= horizon {
                    break;
                }
                let message = pull_error(&image);
                record(
                    failed,
                    EventType::Warning,
                    "Failed",
                    &format!("Failed to pull image \"{image}\": {message}"),
                );
                record(failed, EventType::Warning, "Failed", "Error: ErrImagePull");
                failed_pulls += 1;
                let retry = failed + (10_000u64 << (failed_pulls - 1).min(5)).min(300_000);
                let backoff_from = failed + PLEG_MILLIS;
                // Each sync in the back-off (every 10 s) says so again.
                let mut sync = backoff_from;
                while sync < retry.min(horizon) {
                    record(
                        sync,
                        EventType::Normal,
                        "BackOff",
                        &format!("Back-off pulling image \"{image}\""),
                    );
                    record(
                        sync,
                        EventType::Warning,
                        "Failed",
                        "Error: ImagePullBackOff",
                    );
                    sync += 10_000;
                }
                if let Some(last) = track.pull_failures.last_mut()
                    && last.until == u64::MAX
                {
                    last.until = failed;
                }
                track.pull_failures.push(PullFailure {
                    failed,
                    backoff_from,
                    until: u64::MAX,
                    message,
                    fixed_reason: None,
                });
                start_at = retry;
                continue;
            }
            failed_pulls = 0;
            let took = if present { 400 } else { PULL_MILLIS };
            let seconds = format_duration(took);
            record(
                start_at + took,
                EventType::Normal,
                "Pulled",
                &format!(
                    "Successfully pulled image \"{image}\" in {seconds} ({seconds} including waiting)"
                ),
            );
            took
        } else {
            record(
                start_at,
                EventType::Normal,
                "Pulled",
                &format!("Container image \"{image}\" already present on machine"),
            );
            0
        };
        if !present {
            pulled.push(image.clone());
        }
        let started = start_at + pull;
        if started >= horizon {
            break;
        }
        if let Some(last) = track.pull_failures.last_mut()
            && last.until == u64::MAX
        {
            last.until = started;
        }
        // A ConfigMap or Secret it needs is missing: the kubelet cannot make the container, and
        // tries again at its next sync.
        if let Err(message) = config {
            record(
                started,
                EventType::Warning,
                "Failed",
                &format!("Error: {message}"),
            );
            track.pull_failures.push(PullFailure {
                failed: started,
                backoff_from: u64::MAX,
                until: u64::MAX,
                message: message.clone(),
                fixed_reason: Some("CreateContainerConfigError"),
            });
            start_at = started + CONFIG_RETRY_MILLIS;
            continue;
        }
        // Services created or deleted since the last run change what its script finds.
        let run_dns = inputs(started);
        if run_dns != dns {
            dns = run_dns;
            plan = program::plan(container, pod_name, &dns, horizon - started);
            notes.extend(plan.notes.iter().cloned());
        }
        record(
            started,
            EventType::Normal,
            "Created",
            &format!("Created container {}", container.name),
        );
        record(
            started,
            EventType::Normal,
            "Started",
            &format!("Started container {}", container.name),
        );
        // The postStart hook: the container shows as running once it is done; if it fails,
        // the kubelet kills the container.
        let hook_target = probes::Target {
            container,
            plan: &plan,
            pod_name,
            pod_ip: &scenario.pod_ip,
            dns: &dns,
            forced: &[],
            budget,
            last: Default::default(),
        };
        let mut shown = started;
        let mut hook_failed = None;
        if let Some(handler) = container
            .lifecycle
            .as_ref()
            .and_then(|l| l.post_start.as_ref())
        {
            let hook = hooks::run(&hook_target, handler, 0, horizon - started, &pod_label);
            shown = started + hook.took;
            if hook.failure.is_some() {
                record(
                    shown,
                    EventType::Warning,
                    "FailedPostStartHook",
                    "PostStartHook failed",
                );
                record(shown, EventType::Normal, "Killing", "FailedPostStartHook");
                hook_failed = Some(shown);
            }
        }
        track.pre_stop = container
            .lifecycle
            .as_ref()
            .and_then(|l| l.pre_stop.clone())
            .map(|handler| hooks::HookContext {
                handler,
                container: container.clone(),
                plan: plan.clone(),
                dns: dns.clone(),
                pod_ip: scenario.pod_ip.clone(),
                pod_name: pod_name.to_owned(),
                pod_label: pod_label.clone(),
            });
        let run_index = track.runs.len();
        let lines = logs.entry(container.name.clone()).or_default();
        for (offset, text) in &plan.logs {
            let at = started + offset;
            if at <= horizon {
                lines.push(LogLine {
                    at: VirtualTime::from_millis(at),
                    run: run_index,
                    text: text.clone(),
                });
            }
        }
        // How the run ends by itself: its program exits, the OOM killer ends it when it
        // allocates more than its limit, or the scenario kills it.
        let mut exit = plan.exit.map(|(after, code)| (started + after, code));
        let mut oom_killed = false;
        let mut end_with = |at: u64, code: i32, oom: bool, exit: &mut Option<(u64, i32)>| {
            if exit.is_none_or(|(ended, _)| ended > at) {
                *exit = Some((at, code));
                oom_killed = oom;
            }
        };
        if matches!((plan.memory_bytes, memory_limit), (Some(used), Some(limit)) if i128::from(used) > limit)
        {
            end_with(started + OOM_MILLIS, 137, true, &mut exit);
        }
        if let Some(at) = hook_failed {
            let (after, code) = match plan.behaviour() {
                Some(Behaviour::Server) => (100, 0),
                Some(_) => (100, 143),
                None => (grace_ms, 137),
            };
            end_with(at.saturating_add(after), code, false, &mut exit);
        }
        let alive_until = exit.map_or(horizon, |(at, _)| at).min(horizon);
        if let Some((at, oom)) = actions.first_kill(started, alive_until)
            && (!oom || memory_limit.is_some())
        {
            end_with(at, 137, oom, &mut exit);
        }
        // The probes of this run: a failed liveness or startup probe kills the container.
        let target = probes::Target {
            container,
            plan: &plan,
            pod_name,
            pod_ip: &scenario.pod_ip,
            dns: &dns,
            forced: &actions.probes,
            budget,
            last: Default::default(),
        };
        let probed = probes::run(
            &target,
            started,
            exit.map_or(horizon, |(at, _)| at).min(horizon),
        );
        for (at, kind, message) in &probed.failures {
            record(
                *at,
                EventType::Warning,
                "Unhealthy",
                &format!("{kind} probe failed: {message}"),
            );
        }
        if let Some((killed_at, probe_kind)) = probed.kill {
            record(
                killed_at,
                EventType::Normal,
                "Killing",
                &format!(
                    "Container {} failed {probe_kind} probe, will be restarted",
                    container.name
                ),
            );
            // SIGTERM, then SIGKILL after the grace period: a shell as PID 1 ignores SIGTERM.
            let probe_grace = match probe_kind {
                "liveness" => container.liveness_probe.as_ref(),
                _ => container.startup_probe.as_ref(),
            }
            .and_then(|probe| probe.termination_grace_period_seconds);
            let grace = probe_grace.map_or(grace_ms, kill_delay_ms);
            // The preStop hook runs first, within the grace period.
            let (signal_at, grace) = match &track.pre_stop {
                Some(context) => {
                    let hook = context.run(started, killed_at, grace);
                    if hook.failure.is_some() {
                        record(
                            killed_at + hook.took,
                            EventType::Warning,
                            "FailedPreStopHook",
                            "PreStopHook failed",
                        );
                    }
                    let left = grace.saturating_sub(hook.took / 1000 * 1000).max(2000);
                    (killed_at + hook.took, left)
                }
                None => (killed_at, grace),
            };
            let (after, code) = match plan.behaviour() {
                Some(Behaviour::Server) => (100, 0),
                Some(_) => (100, 143),
                None => (grace, 137),
            };
            end_with(signal_at.saturating_add(after), code, false, &mut exit);
        }
        let exit = exit.filter(|(at, _)| *at <= horizon);
        // What this run writes to shared volumes before it ends.
        let end = exit.map_or(horizon, |(at, _)| at);
        track.writes.extend(
            plan.writes
                .iter()
                .filter(|write| started + write.at.as_millis() < end)
                .map(|write| SharedWrite {
                    at: VirtualTime::from_millis(started + write.at.as_millis()),
                    ..write.clone()
                }),
        );
        if let Some((ended, _)) = exit
            && let Some(lines) = logs.get_mut(&container.name)
        {
            lines.retain(|line| line.run != run_index || line.at.as_millis() <= ended);
        }
        if track
            .plans
            .last()
            .is_none_or(|(_, last_plan, last_inputs)| *last_plan != plan || *last_inputs != dns)
        {
            track
                .plans
                .push((track.runs.len(), plan.clone(), dns.clone()));
        }
        track.runs.push(Run {
            started,
            shown: shown.min(exit.map_or(u64::MAX, |(at, _)| at)),
            exit,
            started_ok: probed.started_ok,
            // Readiness that lasts to the horizon lasts on: the horizon is not an event.
            ready: probed.ready.map(|intervals| {
                intervals
                    .into_iter()
                    .map(|(from, to)| (from, if to >= horizon { u64::MAX } else { to }))
                    .collect()
            }),
            oom_killed: oom_killed && exit.is_some(),
        });
        let Some((ended, code)) = exit else { break };
        let restart = match policy {
            "Always" => true,
            "OnFailure" => code != 0,
            _ => false,
        } && !(init && !sidecar && code == 0);
        if !restart {
            break;
        }
        // The kubelet's back-off: the first restart at its next relist, then after 10 s
        // doubling to 300 s; a run of more than 10 minutes resets it.
        if ended - started > 600_000 {
            exits = 0;
        }
        exits += 1;
        if exits == 1 {
            start_at = ended + PLEG_MILLIS;
        } else {
            let delay = (10_000u64 << (exits - 2).min(5)).min(300_000);
            let message = format!(
                "Back-off restarting failed container {} in pod {pod_label}",
                container.name
            );
            record(ended + PLEG_MILLIS, EventType::Warning, "BackOff", &message);
            track.backoffs.push((ended + PLEG_MILLIS, ended + delay));
            start_at = ended + delay;
        }
    }
    track
}

/// What a container running `plan` uses: the CPU it keeps busy (1m when mostly idle), held to
/// its CPU limit, and its program's memory (a shell's 1 MiB for a script).
fn usage(container: &Container, plan: &RunPlan, scenario: &Scenario) -> Usage {
    let limits = container.resources.as_ref().map(|r| &r.limits);
    let cpu_limit = limits
        .and_then(|limits| limits.get("cpu"))
        .map_or(scenario.node.cpu_millis, Quantity::milli_value);
    let wanted = plan.cpu_millis.unwrap_or(1);
    let memory = plan.memory_bytes.unwrap_or(match plan.program {
        program::Program::Script { .. } => 1024 * 1024,
        program::Program::Image(_) => 8 * 1024 * 1024,
    });
    Usage {
        cpu_millis: wanted.min(u64::try_from(cpu_limit.max(0)).unwrap_or(u64::MAX)),
        wanted_cpu_millis: wanted,
        memory_bytes: memory,
    }
}

/// CPU as a quantity: `2` cores or `500m`.
fn cpu_text(millis: u64) -> String {
    if millis.is_multiple_of(1000) {
        format!("{}", millis / 1000)
    } else {
        format!("{millis}m")
    }
}

/// The kubelet's words for an image reference that does not parse (`applyDefaultImageTag`).
fn invalid_image_message(image: &str) -> String {
    let name = image.split(['@', ':']).next().unwrap_or(image);
    let detail = if name.chars().any(|c| c.is_ascii_uppercase()) {
        let repository = if name.contains('/') {
            name.to_owned()
        } else {
            format!("library/{name}")
        };
        format!("invalid reference format: repository name ({repository}) must be lowercase")
    } else {
        "invalid reference format".to_owned()
    };
    format!(
        "Failed to apply default image tag \"{image}\": couldn't parse image name \"{image}\": {detail}"
    )
}

/// What containerd says when an image cannot be pulled: its tag or repository does not exist.
fn pull_error(image: &str) -> String {
    let reference = crate::api::image_ref::ImageRef::parse(image)
        .map_or_else(|| image.to_owned(), |parsed| parsed.fully_qualified());
    format!(
        "rpc error: code = NotFound desc = failed to pull and unpack image \"{reference}\": failed to resolve reference \"{reference}\": {reference}: not found"
    )
}

/// The Pod's UID: its own, or a stable made-up one.
pub fn uid_of(pod: &Pod) -> String {
    pod.metadata
        .uid
        .clone()
        .filter(|uid| !uid.is_empty())
        .unwrap_or_else(|| pod_uid(pod.name()))
}

/// A stable, made-up UID for the Pod (a real one is random).
pub fn pod_uid(pod_name: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in pod_name.bytes() {
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

/// Go's duration format for the pull times used here: `1s`, `400ms`.
fn format_duration(millis: u64) -> String {
    if millis.is_multiple_of(1000) {
        format!("{}s", millis / 1000)
    } else if millis < 1000 {
        format!("{millis}ms")
    } else {
        format!("{}.{:03}s", millis / 1000, millis % 1000)
            .trim_end_matches('0')
            .to_owned()
    }
}

/// The state of a container at `at`, its last termination, restart count, readiness and
/// whether it has started.
fn run_status(
    track: &Track,
    at: u64,
    default_reason: &str,
    scenario: &Scenario,
) -> ContainerStatus {
    let wall = |t: u64| {
        scenario
            .start
            .plus_millis(i64::try_from(t).unwrap_or(i64::MAX))
            .to_string()
    };
    let started_runs: Vec<&Run> = track.runs.iter().filter(|run| run.shown <= at).collect();
    let restart_count = i32::try_from(started_runs.len().saturating_sub(1)).unwrap_or(i32::MAX);
    let terminated = |run: &Run, (ended, code): (u64, i32)| ContainerStateTerminated {
        exit_code: code,
        reason: Some(
            if run.oom_killed {
                "OOMKilled"
            } else if code == 0 {
                "Completed"
            } else {
                "Error"
            }
            .to_owned(),
        ),
        started_at: Some(wall(run.started)),
        finished_at: Some(wall(ended)),
        container_id: Some(container_id(track, run.started)),
        ..ContainerStateTerminated::default()
    };
    let mut status = ContainerStatus {
        name: track.name.clone(),
        image: track.image.clone(),
        restart_count,
        started: Some(false),
        ..ContainerStatus::default()
    };
    let Some(current) = started_runs.last() else {
        status.state = Some(ContainerState {
            waiting: Some(ContainerStateWaiting {
                reason: Some(default_reason.to_owned()),
                message: None,
            }),
            ..ContainerState::default()
        });
        return status;
    };
    // The runtime reports the image by its full reference and digest.
    if let Some((image, image_id)) = &track.image_ids {
        status.image.clone_from(image);
        status.image_id.clone_from(image_id);
    }
    status.container_id = Some(container_id(track, current.started));
    if let Some(previous) = started_runs.iter().rev().nth(1)
        && let Some(exit) = previous.exit
    {
        status.last_state = Some(ContainerState {
            terminated: Some(terminated(previous, exit)),
            ..ContainerState::default()
        });
    }
    match current.exit.filter(|(ended, _)| *ended <= at) {
        None => {
            status.state = Some(ContainerState {
                running: Some(ContainerStateRunning {
                    started_at: Some(wall(current.started)),
                }),
                ..ContainerState::default()
            });
            let started = !track.has_startup_probe || current.started_ok.is_some_and(|t| t <= at);
            let ready = match &current.ready {
                Some(intervals) => intervals.iter().any(|(from, to)| *from <= at && at < *to),
                None => true,
            };
            // A regular init container is ready only once it has exited 0.
            let regular_init = track.init && !track.sidecar;
            status.ready = started && ready && !regular_init;
            status.started = Some(started);
        }
        Some(exit) => {
            // The back-off lasts until the next run starts (its image pull included): the kubelet
            // writes the status after a sync, not during the pull.
            let next_start = track
                .runs
                .iter()
                .map(|run| run.started)
                .find(|started| *started > at);
            // Only the back-off after this run's exit counts.
            let backing_off = track
                .backoffs
                .iter()
                .filter(|(from, _)| *from >= current.started)
                .find(|(from, until)| {
                    *from <= at
                        && (at < *until
                            || next_start.is_some_and(|next| at < next && *until <= next))
                });
            if let Some((from, until)) = backing_off {
                // The kubelet's words: "back-off 20s restarting failed container=app
                // pod=app_default(uid)".
                let delay = (until + PLEG_MILLIS).saturating_sub(*from);
                status.state = Some(ContainerState {
                    waiting: Some(ContainerStateWaiting {
                        reason: Some("CrashLoopBackOff".to_owned()),
                        message: Some(format!(
                            "back-off {} restarting failed container={} pod={}",
                            go_duration(delay),
                            track.name,
                            track.pod_label
                        )),
                    }),
                    ..ContainerState::default()
                });
                status.last_state = Some(ContainerState {
                    terminated: Some(terminated(current, exit)),
                    ..ContainerState::default()
                });
            } else {
                status.state = Some(ContainerState {
                    terminated: Some(terminated(current, exit)),
                    ..ContainerState::default()
                });
                // A completed init container counts as ready.
                status.ready = track.init && !track.sidecar && exit.1 == 0;
            }
        }
    }
    status
}

/// The status of `track` at `at`, as [`run_status`] says, but waiting for its image while a
/// failed pull is in force.
fn container_status(
    track: &Track,
    at: u64,
    default_reason: &str,
    scenario: &Scenario,
) -> ContainerStatus {
    let mut status = run_status(track, at, default_reason, scenario);
    let running = status
        .state
        .as_ref()
        .is_some_and(|state| state.running.is_some());
    if !running
        && let Some(failure) = track
            .pull_failures
            .iter()
            .find(|failure| failure.failed <= at && at < failure.until)
    {
        // Waiting for its image: after a failed pull, and in the back-off until the next one.
        let (reason, message) = if let Some(reason) = failure.fixed_reason {
            (reason, failure.message.clone())
        } else if at < failure.backoff_from {
            ("ErrImagePull", failure.message.clone())
        } else {
            (
                "ImagePullBackOff",
                format!(
                    "Back-off pulling image \"{}\": ErrImagePull: {}",
                    track.image, failure.message
                ),
            )
        };
        if let Some(terminated) = status.state.take().and_then(|state| state.terminated) {
            status.last_state = Some(ContainerState {
                terminated: Some(terminated),
                ..ContainerState::default()
            });
        }
        status.state = Some(ContainerState {
            waiting: Some(ContainerStateWaiting {
                reason: Some(reason.to_owned()),
                message: Some(message),
            }),
            ..ContainerState::default()
        });
        status.ready = false;
        status.started = Some(false);
    }
    status
}

fn container_id(track: &Track, started: u64) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in track.name.bytes().chain(started.to_le_bytes()) {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("containerd://{hash:016x}{hash:016x}{hash:016x}{hash:016x}")
}

/// The Pod's status at `at`, per the kubelet's phase and condition rules.
#[allow(clippy::too_many_arguments)]
fn status_at(
    pod: &Pod,
    scenario: &Scenario,
    tracks: &[Track],
    at: u64,
    bound: bool,
    gated: bool,
    unschedulable: Option<&str>,
    initialized_at: Option<u64>,
    failed_at: Option<u64>,
    sandbox: bool,
) -> PodStatus {
    let wall = |t: u64| {
        scenario
            .start
            .plus_millis(i64::try_from(t).unwrap_or(i64::MAX))
            .to_string()
    };
    let condition =
        |kind: &str, ok: bool, reason: Option<String>, message: Option<String>| PodCondition {
            kind: kind.to_owned(),
            status: if ok { "True" } else { "False" }.to_owned(),
            last_transition_time: Some(wall(0)),
            reason,
            message,
            ..PodCondition::default()
        };
    let mut status = PodStatus {
        phase: Some("Pending".to_owned()),
        qos_class: Some(qos::qos_class(pod).as_str().to_owned()),
        ..PodStatus::default()
    };
    if gated {
        status.conditions.push(condition(
            "PodScheduled",
            false,
            Some("SchedulingGated".to_owned()),
            Some("Scheduling is blocked due to non-empty scheduling gates".to_owned()),
        ));
        return status;
    }
    if let Some(reason) = unschedulable {
        status.conditions.push(condition(
            "PodScheduled",
            false,
            Some("Unschedulable".to_owned()),
            Some(format!("0/1 nodes are available: 1 {reason}. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.")),
        ));
        return status;
    }
    if !bound || at < PLEG_MILLIS {
        status
            .conditions
            .push(condition("PodScheduled", true, None, None));
        return status;
    }
    status.host_ip = Some(scenario.node.ip.clone());
    status.host_ips = vec![PodIp {
        ip: scenario.node.ip.clone(),
    }];
    // The Pod gets its IP with its sandbox, which waits for the volumes.
    if sandbox {
        status.pod_ip = Some(scenario.pod_ip.clone());
        status.pod_ips = vec![PodIp {
            ip: scenario.pod_ip.clone(),
        }];
    }
    status.start_time = Some(wall(PLEG_MILLIS));
    let has_init = !pod.spec.init_containers.is_empty();
    let default_reason = if has_init {
        "PodInitializing"
    } else {
        "ContainerCreating"
    };
    let find = |name: &str, init: bool| tracks.iter().find(|t| t.name == name && t.init == init);
    let pending = |name: &str, init: bool| ContainerStatus {
        name: name.to_owned(),
        state: Some(ContainerState {
            waiting: Some(ContainerStateWaiting {
                reason: Some(default_reason.to_owned()),
                message: None,
            }),
            ..ContainerState::default()
        }),
        started: Some(false),
        image: pod
            .spec
            .init_containers
            .iter()
            .chain(&pod.spec.containers)
            .find(|c| {
                c.name == name && init == pod.spec.init_containers.iter().any(|i| i.name == name)
            })
            .and_then(|c| c.image.clone())
            .unwrap_or_default(),
        ..ContainerStatus::default()
    };
    status.init_container_statuses = pod
        .spec
        .init_containers
        .iter()
        .map(|c| {
            find(&c.name, true).map_or_else(
                || pending(&c.name, true),
                |t| container_status(t, at, default_reason, scenario),
            )
        })
        .collect();
    status.container_statuses = pod
        .spec
        .containers
        .iter()
        .map(|c| {
            find(&c.name, false).map_or_else(
                || pending(&c.name, false),
                |t| container_status(t, at, default_reason, scenario),
            )
        })
        .collect();
    let initialized = initialized_at.is_some_and(|t| t <= at);
    // Phase (kubelet getPhase).
    let regular = &status.container_statuses;
    let running = regular
        .iter()
        .filter(|s| s.state.as_ref().is_some_and(|st| st.running.is_some()))
        .count();
    let waiting_fresh = regular
        .iter()
        .filter(|s| {
            s.state.as_ref().is_some_and(|st| st.waiting.is_some()) && s.last_state.is_none()
        })
        .count();
    let stopped: Vec<&ContainerStatus> = regular
        .iter()
        .filter(|s| {
            s.state.as_ref().is_some_and(|st| st.terminated.is_some())
                || s.last_state.is_some() && s.state.as_ref().is_some_and(|st| st.waiting.is_some())
        })
        .collect();
    let succeeded = stopped
        .iter()
        .filter(|s| {
            s.state
                .as_ref()
                .and_then(|st| st.terminated.as_ref())
                .is_some_and(|t| t.exit_code == 0)
        })
        .count();
    let policy = pod.spec.restart_policy.as_deref().unwrap_or("Always");
    let phase = if failed_at.is_some_and(|t| t <= at) {
        "Failed"
    } else if !initialized || waiting_fresh > 0 {
        "Pending"
    } else if running > 0 {
        "Running"
    } else if !stopped.is_empty() {
        match policy {
            "Always" | "OnFailure" if succeeded < stopped.len() || policy == "Always" => "Running",
            _ if succeeded == stopped.len() => "Succeeded",
            _ => "Failed",
        }
    } else {
        "Pending"
    };
    status.phase = Some(phase.to_owned());
    // Conditions, in the kubelet's order.
    let is_sidecar = |name: &str| {
        pod.spec
            .init_containers
            .iter()
            .any(|c| c.name == name && c.is_sidecar())
    };
    let unready: Vec<String> = status
        .init_container_statuses
        .iter()
        .filter(|s| is_sidecar(&s.name))
        .chain(regular.iter())
        .filter(|s| !s.ready)
        .map(|s| s.name.clone())
        .collect();
    let incomplete: Vec<String> = status
        .init_container_statuses
        .iter()
        .filter(|s| {
            !(s.ready || s.started == Some(true) && find(&s.name, true).is_some_and(|t| t.sidecar))
        })
        .map(|s| s.name.clone())
        .collect();
    let terminal = matches!(phase, "Succeeded" | "Failed");
    let completed = if phase == "Succeeded" {
        "PodCompleted"
    } else {
        "PodFailed"
    };
    status
        .conditions
        .push(condition("PodReadyToStartContainers", sandbox, None, None));
    status
        .conditions
        .push(if initialized || phase == "Succeeded" {
            condition(
                "Initialized",
                true,
                (phase == "Succeeded").then(|| "PodCompleted".to_owned()),
                None,
            )
        } else {
            condition(
                "Initialized",
                false,
                Some("ContainersNotInitialized".to_owned()),
                Some(format!(
                    "containers with incomplete status: [{}]",
                    incomplete.join(" ")
                )),
            )
        });
    let ready = unready.is_empty() && !terminal && initialized;
    let (reason, message) = if terminal {
        (Some(completed.to_owned()), None)
    } else if ready {
        (None, None)
    } else {
        (
            Some("ContainersNotReady".to_owned()),
            Some(format!(
                "containers with unready status: [{}]",
                unready.join(" ")
            )),
        )
    };
    // Readiness gates: the Pod is ready only once some controller sets each gate's condition
    // True, and nothing in the playground does.
    let gates: Vec<String> = pod
        .spec
        .readiness_gates
        .iter()
        .map(|gate| {
            format!(
                "corresponding condition of pod readiness gate \"{}\" does not exist.",
                gate.condition_type
            )
        })
        .collect();
    let (pod_ready, pod_reason, pod_message) = if ready && !gates.is_empty() {
        (
            false,
            Some("ReadinessGatesNotReady".to_owned()),
            Some(gates.join(", ")),
        )
    } else {
        (ready, reason.clone(), message.clone())
    };
    status
        .conditions
        .push(condition("Ready", pod_ready, pod_reason, pod_message));
    status
        .conditions
        .push(condition("ContainersReady", ready, reason, message));
    status
        .conditions
        .push(condition("PodScheduled", true, None, None));
    status
}

/// A Pod as `kubectl` would see it at one instant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Observed {
    /// The Pod object, status included.
    pub pod: Pod,
    /// The Events about it, as of `now`.
    pub events: Vec<crate::cluster::events::Event>,
    /// The wall-clock instant.
    pub now: Timestamp,
    /// The simulation, when the Pod was simulated rather than pasted with a status.
    pub simulation: Option<Simulation>,
    /// True when the Pod was deleted and removed by then: `get` no longer finds it.
    pub gone: bool,
    /// The Pod objects of the same name that came before it (deleted, then re-applied), oldest
    /// first: `get -w` shows them too.
    pub earlier: Vec<Simulation>,
}

/// What `kubectl get` and `describe` see for each Pod of the text: a Pod pasted with a status
/// as it is, at `pasted_now`; the text's Pod that the API server accepts, simulated in
/// `scenario` and seen `at` after `kubectl apply`. Refused Pods are left out.
pub fn observe(
    parsed: &crate::api::manifest::Parsed,
    scenario: &Scenario,
    at: VirtualTime,
    pasted_now: Timestamp,
) -> Vec<Observed> {
    let mut out = Vec::new();
    let mut simulated = false;
    for object in parsed
        .objects
        .iter()
        .filter(|o| o.kind == "Pod" && o.api_version == "v1")
    {
        let Some(root) = parsed.object_root(object) else {
            continue;
        };
        let pod = Pod::decode_document(root, &mut Vec::new());
        if pod.status.is_some() {
            // Pasted from a cluster: shown as it is, defaults filled in.
            let pod = crate::api::defaults::apply(&pod).pod;
            out.push(Observed {
                pod,
                events: Vec::new(),
                now: pasted_now,
                simulation: None,
                gone: false,
                earlier: Vec::new(),
            });
            continue;
        }
        // Only the text's first Pod is simulated, and only if the API server accepts it.
        let Some(accepted) = parsed
            .accepted_pod()
            .filter(|a| a.name() == pod.name() && !simulated)
        else {
            continue;
        };
        simulated = true;
        let scenario = Scenario {
            horizon: scenario.horizon.max(at),
            ..scenario.clone()
        };
        // The object in force at `at`: the last one created by then.
        let mut generations = simulate_all(accepted, &scenario);
        let base = scenario.start;
        let current = generations
            .iter()
            .rposition(|g| offset_of(g, base) <= at.as_millis())
            .unwrap_or(0);
        generations.truncate(current + 1);
        let Some(simulation) = generations.pop() else {
            continue;
        };
        let local = VirtualTime::from_millis(at.as_millis() - offset_of(&simulation, base));
        let gone = simulation
            .deleted_at
            .is_some_and(|deleted| deleted <= local);
        let now = simulation.wall(local);
        let Some(snapshot) = simulation.at(local) else {
            continue;
        };
        out.push(Observed {
            pod: snapshot.pod.clone(),
            events: simulation.events.at(now),
            now,
            simulation: Some(simulation),
            gone,
            earlier: generations,
        });
    }
    out
}

/// Whole seconds as milliseconds; negative counts as zero and huge values saturate, so a
/// pasted `terminationGracePeriodSeconds: 9223372036854775807` cannot overflow the clock.
fn seconds_to_ms(seconds: i64) -> u64 {
    u64::try_from(seconds).unwrap_or(0).saturating_mul(1000)
}

/// How long the kubelet waits between SIGTERM and SIGKILL: the grace period, at least 2 seconds.
fn kill_delay_ms(grace_seconds: i64) -> u64 {
    seconds_to_ms(grace_seconds.max(2))
}
