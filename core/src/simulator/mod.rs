//! The virtual node (first slice): given an accepted Pod and a scenario, what a cluster does with
//! it, second by second — scheduling, the sandbox and its IP, image pulls, init containers in
//! order, native sidecars, app containers, restarts with the kubelet's CrashLoopBackOff delays —
//! recorded as full v1 Pod snapshots, Events and container logs.
//!
//! It also runs probes (startup, liveness, readiness) and ends a run that uses more memory than
//! its limit (OOMKilled). Not simulated yet: deletion and graceful termination, node loss and the
//! scenario's timed actions. `notes` says what was assumed.

mod probes;
mod program;

use std::collections::BTreeMap;

use crate::events::{EventLog, EventType};
use crate::images::Behaviour;
use crate::qos;
use crate::quantity::Quantity;
use crate::time::VirtualTime;
use crate::timestamp::Timestamp;
use crate::v1::{
    Container, ContainerState, ContainerStateRunning, ContainerStateTerminated,
    ContainerStateWaiting, ContainerStatus, Pod, PodCondition, PodIp, PodStatus,
};

pub use program::{RunPlan, plan};

/// The node the Pod may run on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// Its name.
    pub name: String,
    /// Its IP address.
    pub ip: String,
    /// Allocatable CPU, in millicores.
    pub cpu_millis: i128,
    /// Allocatable memory, in bytes.
    pub memory_bytes: i128,
}

impl Default for Node {
    fn default() -> Node {
        Node {
            name: "node-1".to_owned(),
            ip: "192.168.49.2".to_owned(),
            cpu_millis: 2_000,
            memory_bytes: 4 * 1024 * 1024 * 1024,
        }
    }
}

/// What surrounds the Pod.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    /// The node.
    pub node: Node,
    /// Services that exist (their names resolve in the Pod).
    pub services: Vec<String>,
    /// How long to simulate.
    pub horizon: VirtualTime,
    /// The wall-clock time of `kubectl apply`.
    pub start: Timestamp,
    /// The IP the Pod gets.
    pub pod_ip: String,
    /// `kubectl delete pod`, if the scenario deletes it.
    pub deletion: Option<Deletion>,
}

/// `kubectl delete pod [--grace-period=N]` at an instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deletion {
    /// When.
    pub at: VirtualTime,
    /// `--grace-period`; the Pod's `terminationGracePeriodSeconds` when `None`. Zero deletes the
    /// object at once (`--grace-period=0 --force`).
    pub grace_seconds: Option<i64>,
}

impl Default for Scenario {
    fn default() -> Scenario {
        Scenario {
            node: Node::default(),
            services: Vec::new(),
            horizon: VirtualTime::from_secs(600),
            start: Timestamp::from_millis(1_767_225_600_000),
            pod_ip: "10.244.0.5".to_owned(),
            deletion: None,
        }
    }
}

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
}

impl Simulation {
    /// The snapshot in force at `at` (the last one at or before it).
    pub fn at(&self, at: VirtualTime) -> Option<&Snapshot> {
        let index = self.snapshots.partition_point(|snapshot| snapshot.at <= at);
        self.snapshots.get(index.saturating_sub(1))
    }

    /// The wall-clock time of `at`.
    pub fn wall(&self, at: VirtualTime) -> Timestamp {
        self.start
            .plus_millis(i64::try_from(at.as_millis()).unwrap_or(i64::MAX))
    }
}

/// The kubelet notices a container's exit at its next relist, about a second later.
const PLEG_MILLIS: u64 = 1_000;
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
    exit: Option<(u64, i32)>,
    /// When the startup probe succeeded; `None` without a startup probe (started at once) or
    /// when it never did (see `has_startup_probe`).
    started_ok: Option<u64>,
    /// Readiness intervals, when the container has a readiness probe.
    ready: Option<Vec<(u64, u64)>>,
    /// True when the kernel's OOM killer ended the run (memory over the limit).
    oom_killed: bool,
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
    /// True when the container has a startup probe.
    has_startup_probe: bool,
    /// How its program reacts to SIGTERM: `Some` for an image's own program.
    behaviour: Option<Option<Behaviour>>,
}

/// The most containers a Pod may have to be simulated (the API server accepts more; a Pod with
/// hundreds of containers is no lesson, and would slow the page).
pub const MAX_CONTAINERS: usize = 64;

/// Simulates `pod` (accepted and defaulted) in `scenario`.
pub fn simulate(pod: &Pod, scenario: &Scenario) -> Simulation {
    let count = pod.spec.containers.len() + pod.spec.init_containers.len();
    if count > MAX_CONTAINERS {
        return Simulation {
            snapshots: Vec::new(),
            events: EventLog::default(),
            logs: BTreeMap::new(),
            notes: vec![format!(
                "the Pod has {count} containers; the playground simulates Pods of up to {MAX_CONTAINERS}"
            )],
            start: scenario.start,
            deleted_at: None,
        };
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
    if bound {
        for container in &pod.spec.init_containers {
            let sidecar = container.is_sidecar();
            let policy = if sidecar {
                "Always"
            } else {
                pod_policy.as_str()
            };
            let mut track = run_container(
                container,
                true,
                sidecar,
                turn,
                horizon,
                policy,
                grace_ms,
                &mut pulled,
                scenario,
                &name,
                &namespace,
                &mut events,
                &mut logs,
                &mut notes,
            );
            let done = if sidecar {
                track.runs.first().map(|run| run.started + PLEG_MILLIS)
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
                let track = run_container(
                    container,
                    false,
                    false,
                    turn,
                    horizon,
                    &pod_policy,
                    grace_ms,
                    &mut pulled,
                    scenario,
                    &name,
                    &namespace,
                    &mut events,
                    &mut logs,
                    &mut notes,
                );
                turn = track.runs.first().map_or(turn, |run| run.started);
                tracks.push(track);
            }
        }
    }

    // `kubectl delete pod`: stop what runs, then remove the object.
    let deletion = scenario
        .deletion
        .filter(|deletion| deletion.at.as_millis() < horizon)
        .map(|deletion| {
            let at = deletion.at.as_millis();
            let grace = deletion
                .grace_seconds
                .unwrap_or_else(|| pod.spec.termination_grace_period_seconds.unwrap_or(30))
                .max(0);
            let removed = delete(&mut tracks, at, grace, &mut events, &mut logs, &wall);
            (at, grace, removed)
        });
    let horizon = deletion.map_or(horizon, |(_, _, removed)| removed.min(horizon));

    // Snapshots at every instant something changes.
    let mut instants: Vec<u64> = vec![0];
    if let Some((at, _, _)) = deletion {
        instants.push(at);
    }
    if bound {
        instants.push(sandbox_at);
        for track in &tracks {
            instants.extend(track.first_turn);
            for run in &track.runs {
                instants.push(run.started);
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
        }
    }
    instants.retain(|at| *at <= horizon);
    instants.sort_unstable();
    instants.dedup();
    let mut snapshots: Vec<Snapshot> = Vec::with_capacity(instants.len());
    for at in instants {
        let status = status_at(
            pod,
            scenario,
            &tracks,
            at,
            bound,
            gated,
            unschedulable.as_deref(),
            initialized_at,
            failed_at,
        );
        let mut snapshot = pod.clone();
        snapshot.metadata.creation_timestamp = Some(scenario.start.to_string());
        if snapshot.metadata.uid.is_none() {
            snapshot.metadata.uid = Some(pod_uid(&name));
        }
        if bound && pod.spec.node_name.is_none() {
            snapshot.spec.node_name = Some(scenario.node.name.clone());
        }
        snapshot.status = Some(Box::new(status));
        if let Some((deleted, grace, _)) = deletion.filter(|(deleted, _, _)| *deleted <= at) {
            let deadline = deleted.saturating_add(seconds_to_ms(grace));
            snapshot.metadata.deletion_timestamp = Some(wall(deadline).to_string());
            snapshot.metadata.deletion_grace_period_seconds = Some(grace);
        }
        if snapshots
            .last()
            .is_none_or(|last: &Snapshot| last.pod != snapshot)
        {
            snapshots.push(Snapshot {
                at: VirtualTime::from_millis(at),
                pod: snapshot,
            });
        }
    }
    notes.sort();
    notes.dedup();
    Simulation {
        snapshots,
        events,
        logs,
        notes,
        start: scenario.start,
        deleted_at: deletion.map(|(_, _, removed)| VirtualTime::from_millis(removed)),
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
        track.runs.retain(|run| run.started < at);
        track.backoffs.retain(|(from, _)| *from < at);
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
        let (after, code) = match track.behaviour {
            Some(Some(Behaviour::Server)) => (100, 0),
            Some(Some(_)) => (100, 143),
            _ => (kill_after, 137),
        };
        let ended = stop_from.saturating_add(after.min(kill_after));
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

/// Works out the runs of one container from `turn`, recording its Events and logs.
#[allow(clippy::too_many_arguments)]
fn run_container(
    container: &Container,
    init: bool,
    sidecar: bool,
    turn: u64,
    horizon: u64,
    policy: &str,
    grace_ms: u64,
    pulled: &mut Vec<String>,
    scenario: &Scenario,
    pod_name: &str,
    namespace: &str,
    events: &mut EventLog,
    logs: &mut BTreeMap<String, Vec<LogLine>>,
    notes: &mut Vec<String>,
) -> Track {
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
    let mut track = Track {
        name: container.name.clone(),
        init,
        sidecar,
        image: image.clone(),
        first_turn: Some(turn),
        runs: Vec::new(),
        backoffs: Vec::new(),
        has_startup_probe: container.startup_probe.is_some(),
        behaviour: None,
    };
    let plan = plan(container, pod_name, &scenario.services, horizon);
    notes.extend(plan.notes.iter().cloned());
    track.behaviour = match plan.program {
        program::Program::Image(profile) => Some(profile.map(|p| p.behaviour)),
        program::Program::Script { .. } => None,
    };
    let always_pull = container.image_pull_policy.as_deref() == Some("Always");
    let mut start_at = turn;
    let mut exits = 0u32;
    while track.runs.len() < MAX_RUNS && start_at < horizon {
        // Pull, create, start.
        let present = pulled.contains(&image);
        let pull = if always_pull || !present {
            events.record(
                wall(start_at),
                EventType::Normal,
                "Pulling",
                &format!("Pulling image \"{image}\""),
                "kubelet",
                Some(&field),
            );
            let took = if present { 400 } else { PULL_MILLIS };
            let seconds = format_duration(took);
            events.record(
                wall(start_at + took),
                EventType::Normal,
                "Pulled",
                &format!("Successfully pulled image \"{image}\" in {seconds} ({seconds} including waiting)"),
                "kubelet",
                Some(&field),
            );
            took
        } else {
            events.record(
                wall(start_at),
                EventType::Normal,
                "Pulled",
                &format!("Container image \"{image}\" already present on machine"),
                "kubelet",
                Some(&field),
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
        events.record(
            wall(started),
            EventType::Normal,
            "Created",
            &format!("Created container {}", container.name),
            "kubelet",
            Some(&field),
        );
        events.record(
            wall(started),
            EventType::Normal,
            "Started",
            &format!("Started container {}", container.name),
            "kubelet",
            Some(&field),
        );
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
        let program_exit = plan.exit.map(|(after, code)| (started + after, code));
        // The probes of this run: a failed liveness or startup probe kills the container.
        let target = probes::Target {
            container,
            plan: &plan,
            pod_name,
            pod_ip: &scenario.pod_ip,
            services: &scenario.services,
        };
        let probed = probes::run(
            &target,
            started,
            program_exit.map_or(horizon, |(at, _)| at).min(horizon),
        );
        for (at, kind, message) in &probed.failures {
            events.record(
                wall(*at),
                EventType::Warning,
                "Unhealthy",
                &format!("{kind} probe failed: {message}"),
                "kubelet",
                Some(&field),
            );
        }
        let mut exit = program_exit;
        if let Some((killed_at, probe_kind)) = probed.kill {
            events.record(
                wall(killed_at),
                EventType::Normal,
                "Killing",
                &format!(
                    "Container {} failed {probe_kind} probe, will be restarted",
                    container.name
                ),
                "kubelet",
                Some(&field),
            );
            // SIGTERM, then SIGKILL after the grace period: a shell as PID 1 ignores SIGTERM.
            let probe_grace = match probe_kind {
                "liveness" => container.liveness_probe.as_ref(),
                _ => container.startup_probe.as_ref(),
            }
            .and_then(|probe| probe.termination_grace_period_seconds);
            let grace = probe_grace.map_or(grace_ms, kill_delay_ms);
            let (after, code) = match plan.behaviour() {
                Some(Behaviour::Server) => (100, 0),
                Some(_) => (100, 143),
                None => (grace, 137),
            };
            let ended = killed_at.saturating_add(after);
            if exit.is_none_or(|(at, _)| at > ended) {
                exit = Some((ended, code));
            }
        }
        // Memory over the limit: the kernel's OOM killer ends the run as soon as it allocates.
        let limit = container
            .resources
            .as_ref()
            .and_then(|r| r.limits.get("memory"))
            .map(crate::quantity::Quantity::value);
        let oom_killed = matches!((plan.memory_bytes, limit), (Some(used), Some(limit)) if i128::from(used) > limit);
        if oom_killed {
            let ended = started + OOM_MILLIS;
            if exit.is_none_or(|(at, _)| at > ended) {
                exit = Some((ended, 137));
            }
        }
        let exit = exit.filter(|(at, _)| *at <= horizon);
        if let Some((ended, _)) = exit
            && let Some(lines) = logs.get_mut(&container.name)
        {
            lines.retain(|line| line.run != run_index || line.at.as_millis() <= ended);
        }
        track.runs.push(Run {
            started,
            exit,
            started_ok: probed.started_ok,
            ready: probed.ready,
            oom_killed,
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
                "Back-off restarting failed container {} in pod {pod_name}_{namespace}({})",
                container.name,
                pod_uid(pod_name)
            );
            events.record(
                wall(ended + PLEG_MILLIS),
                EventType::Warning,
                "BackOff",
                &message,
                "kubelet",
                Some(&field),
            );
            track.backoffs.push((ended + PLEG_MILLIS, ended + delay));
            start_at = ended + delay;
        }
    }
    track
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
fn container_status(
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
    let started_runs: Vec<&Run> = track.runs.iter().filter(|run| run.started <= at).collect();
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
    status.image_id = format!(
        "{}@sha256:{}",
        track.image.split(':').next().unwrap_or_default(),
        "0".repeat(64)
    );
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
            status.ready = started && ready;
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
                .any(|(from, until)| {
                    *from <= at
                        && (at < *until
                            || next_start.is_some_and(|next| at < next && *until <= next))
                });
            if backing_off {
                status.state = Some(ContainerState {
                    waiting: Some(ContainerStateWaiting {
                        reason: Some("CrashLoopBackOff".to_owned()),
                        message: Some(format!(
                            "back-off restarting failed container={}",
                            track.name
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
    status.pod_ip = Some(scenario.pod_ip.clone());
    status.pod_ips = vec![PodIp {
        ip: scenario.pod_ip.clone(),
    }];
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
    let unready: Vec<String> = status
        .init_container_statuses
        .iter()
        .filter(|s| find(&s.name, true).is_some_and(|t| t.sidecar))
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
        .push(condition("PodReadyToStartContainers", true, None, None));
    status.conditions.push(if initialized || terminal {
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
    status
        .conditions
        .push(condition("Ready", ready, reason.clone(), message.clone()));
    status
        .conditions
        .push(condition("ContainersReady", ready, reason, message));
    status
        .conditions
        .push(condition("PodScheduled", true, None, None));
    status
}

#[cfg(test)]
mod tests;

/// A Pod as `kubectl` would see it at one instant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Observed {
    /// The Pod object, status included.
    pub pod: Pod,
    /// The Events about it, as of `now`.
    pub events: Vec<crate::events::Event>,
    /// The wall-clock instant.
    pub now: Timestamp,
    /// The simulation, when the Pod was simulated rather than pasted with a status.
    pub simulation: Option<Simulation>,
    /// True when the Pod was deleted and removed by then: `get` no longer finds it.
    pub gone: bool,
}

/// What `kubectl get` and `describe` see for each Pod of the text: a Pod pasted with a status
/// as it is, at `pasted_now`; the text's Pod that the API server accepts, simulated in
/// `scenario` and seen `at` after `kubectl apply`. Refused Pods are left out.
pub fn observe(
    parsed: &crate::manifest::Parsed,
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
            let pod = crate::defaults::apply(&pod).pod;
            out.push(Observed {
                pod,
                events: Vec::new(),
                now: pasted_now,
                simulation: None,
                gone: false,
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
        let simulation = simulate(accepted, &scenario);
        let gone = simulation.deleted_at.is_some_and(|deleted| deleted <= at);
        let now = simulation.wall(at);
        let Some(snapshot) = simulation.at(at) else {
            continue;
        };
        out.push(Observed {
            pod: snapshot.pod.clone(),
            events: simulation.events.at(now),
            now,
            simulation: Some(simulation),
            gone,
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
