//! The kubelet of one node (pkg/kubelet): it runs the Pods bound to its node, one pod worker
//! each: the sandbox and its IP, image pulls, init containers in order, native sidecars, app
//! containers, restarts with back-off, probes, lifecycle hooks, the OOM killer, and the stop of
//! a Pod being deleted. Its status manager writes each Pod's status at the end of every instant
//! it changed; while the node is cut off, neither its statuses nor its Events reach the API
//! server.
//!
//! `decide` reads the world and a trigger and says what happens; `apply` records it. The
//! kubelet's own records ([`PodWorker`], [`ContainerRecord`]) only grow: a run, a back-off or a
//! failed pull is never taken back, and a deletion or a stop only changes what is decided next.

pub mod backoff;
pub mod config;
pub mod envvars;
pub mod etc_files;
pub mod exec;
pub mod hooks;
mod pod_worker;
pub mod probes;
pub mod program;
mod runtime;
pub mod static_pod;
pub mod status;
pub mod termination;
mod volumes;

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::api::v1::{Container, Pod};
use crate::cluster::World;
use crate::cluster::event::Event;
use crate::cluster::scenario::ProbeKind;
use crate::cluster::store::{NodeId, PodId, PodMap};
use crate::cluster::trigger::Trigger;
use crate::runtime::images::Behaviour;
use crate::runtime::shell::SharedWrite;

pub use program::{RunPlan, Surroundings};

/// The kubelet notices a container's exit at its next relist of the runtime (PLEG), about a
/// second later; the sandbox is up about a second after the Pod is bound.
pub const PLEG_RELIST_MS: u64 = 1_000;
/// How long the pod worker waits before trying again to start a container whose configuration
/// or image reference failed (its back-off period, `backOffPeriod` in kubelet.go).
pub const POD_WORKER_RETRY_MS: u64 = 10_000;
/// How long pulling an image the node does not have takes.
pub const PULL_MS: u64 = 1_000;
/// How long pulling an image the node has takes (`imagePullPolicy: Always`).
pub const PULL_PRESENT_MS: u64 = 400;
/// How long a program over its memory limit lives before the OOM killer ends it.
pub const OOM_MS: u64 = 1_000;
/// The most runs (and failed pulls) of one container simulated.
pub const MAX_RUNS: usize = 1_000;

/// One node's kubelet.
#[derive(Clone, Debug, Default)]
pub struct Kubelet {
    /// The images on the node.
    pub images: BTreeSet<String>,
    /// A pod worker per Pod the kubelet runs, by the Pod object it was bound as (a static Pod
    /// by its first mirror).
    pub workers: PodMap<PodWorker>,
    /// When the node was cut off from the control plane, while it is.
    pub cut_off_since: Option<u64>,
    /// The Pod IPs given so far on the node.
    pub ips_given: u32,
    /// Pods whose status may have changed this instant.
    pub dirty: PodMap<()>,
}

impl Kubelet {
    /// True when the kubelet cannot reach the API server at `at` (Events it records are lost).
    pub fn cut_off(&self, at: u64) -> bool {
        self.cut_off_since.is_some_and(|since| since <= at)
    }
}

/// One Pod as its worker runs it.
#[derive(Clone, Debug)]
pub struct PodWorker {
    /// The Pod as the kubelet runs it (for a static Pod, its copy of the file).
    pub pod: Arc<Pod>,
    /// The Pod's UID as the kubelet knows it.
    pub uid: String,
    /// The Pod as the kubelet names it in messages: `name_namespace(uid)`.
    pub label: String,
    /// When it was bound to the node.
    pub bound_at: u64,
    /// When the sandbox came up, with the Pod IP.
    pub sandbox: Option<u64>,
    /// The Pod's IP.
    pub pod_ip: Option<String>,
    /// A volume the kubelet cannot set up, and why: nothing starts.
    pub unmountable: Option<(String, String)>,
    /// Init containers then app containers, in the spec's order.
    pub containers: Vec<ContainerRecord>,
    /// How many of `containers` are init containers.
    pub init_count: usize,
    /// Where the worker is in starting the Pod.
    pub stage: Stage,
    /// When every init container was done (with none, when the sandbox came up).
    pub initialized_at: Option<u64>,
    /// When a failed init container of a never-restarting Pod failed the Pod.
    pub failed_at: Option<u64>,
    /// The Pod's deletion, once the kubelet saw it.
    pub termination: Option<termination::Termination>,
    /// When the kubelet began stopping the sidecars after the app containers completed.
    pub sidecars_stop: Option<u64>,
    /// True once every container stopped after a deletion: the Pod object can go.
    pub finished: bool,
    /// Exec-probe replays left, by probe kind.
    pub replays_left: [u32; 3],
    /// True once an exec probe had to repeat its last verdict.
    pub replays_ran_out: bool,
    /// What the simulator assumed for this Pod.
    pub notes: Vec<String>,
    /// For a static Pod: its mirror Pods.
    pub mirror: Option<static_pod::MirrorState>,
}

/// Where a pod worker is in starting its Pod's containers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Waiting for the sandbox.
    Sandbox,
    /// Running init container `index` (of all containers).
    Init(usize),
    /// Starting the app containers one after the other; the next to start.
    Apps(usize),
    /// Init container `index` is done; the next starts at the kubelet's next sync.
    InitDone(usize),
    /// Every container has had its first start attempt.
    Started,
    /// Nothing more starts: the Pod failed, or it cannot be set up.
    Stuck,
}

/// One container as the kubelet runs it.
#[derive(Clone, Debug)]
pub struct ContainerRecord {
    /// The container's spec.
    pub spec: Arc<Container>,
    /// True for an init container (a native sidecar too).
    pub init: bool,
    /// True for a native sidecar (an init container with `restartPolicy: Always`).
    pub sidecar: bool,
    /// True for an ephemeral container (`kubectl debug`): started once the Pod has it, never
    /// restarted, and no part of the Pod's phase or readiness.
    pub ephemeral: bool,
    /// Its field path in Events: `spec.containers{app}`.
    pub field_path: String,
    /// Its image as written.
    pub image: String,
    /// The image as the runtime reports it, and its ID (`None` for a reference that does not
    /// parse).
    pub image_ids: Option<(String, String)>,
    /// When the kubelet first turned to it.
    pub first_turn: Option<u64>,
    /// Its runs.
    pub runs: Vec<Run>,
    /// CrashLoopBackOff periods.
    pub backoffs: Vec<BackOff>,
    /// Failed pulls and failed configurations, in time order.
    pub pull_failures: Vec<PullFailure>,
    /// Exits counted by the crash-loop back-off.
    pub exits: u32,
    /// Failed pulls in a row, counted by the image pull back-off.
    pub failed_pulls: u32,
    /// What its runs do, from an index on: (first run, plan, what it found).
    pub plans: Vec<(usize, Arc<RunPlan>, Arc<Surroundings>)>,
    /// The plan of its current (or next) run.
    pub plan: Option<(Arc<RunPlan>, Arc<Surroundings>)>,
    /// Its environment and configuration files, or the kubelet's error when a ConfigMap or
    /// Secret it needs is missing: read when the kubelet first turns to it.
    pub config: Option<Arc<Result<config::ContainerConfig, String>>>,
    /// What it uses while it runs.
    pub usage: crate::cluster::simulation::Usage,
    /// How its program reacts to SIGTERM: `Some` for an image's own program.
    pub behaviour: Option<Option<Behaviour>>,
    /// Each probe's consecutive results and last exec verdict, by kind.
    pub probes: [probes::ProbeState; 3],
    /// Bumped when a start attempt in flight is called off: its timers then do nothing.
    pub generation: u32,
    /// True once it will not be started again.
    pub done: bool,
    /// What its runs wrote to shared volumes, on the Pod's clock.
    pub writes: Vec<SharedWrite>,
    /// What execs in it wrote to its volumes, on the Pod's clock.
    /// Each with its rank among the Pod's execs' writes (the order the execs ran in).
    pub exec_writes: Vec<(usize, SharedWrite)>,
    /// The scenario's execs that ran in it: (instant, command).
    pub execs: Vec<(u64, Vec<String>)>,
    /// True while it is being killed because its definition changed (a new image): it starts
    /// again at once, whatever the restart policy, with no back-off.
    pub redefined: bool,
}

impl ContainerRecord {
    /// The run in progress at `at`, if any: started and not exited by then.
    pub fn live_run(&self, at: u64) -> Option<usize> {
        let index = self.runs.len().checked_sub(1)?;
        let run = &self.runs[index];
        (run.started <= at && run.exit.is_none_or(|(ended, _)| ended > at)).then_some(index)
    }
}

/// One run of a container.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// When it started.
    pub started: u64,
    /// When the kubelet reports it running: once its postStart hook is done (`u64::MAX` until
    /// then).
    pub shown: u64,
    /// When it exited, and its code.
    pub exit: Option<(u64, i32)>,
    /// When its startup probe succeeded.
    pub started_ok: Option<u64>,
    /// When its readiness probe said ready: (from, to), `to` `u64::MAX` while it lasts; `None`
    /// without a readiness probe.
    pub ready: Option<Vec<(u64, u64)>>,
    /// True when the kernel's OOM killer ended it.
    pub oom_killed: bool,
    /// When a probe gave up on it or the kubelet began stopping it: no probe checks it after.
    pub stopping: Option<u64>,
    /// Bumped when the run's plan changes: an exit timer of an older plan does nothing.
    pub plan_generation: u32,
    /// Its container ID and times as the status shows them, written once.
    pub texts: RunTexts,
}

/// A run's container ID and times as the Pod status shows them: made once, when the run starts
/// and when it exits, not at every status the kubelet writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunTexts {
    /// `containerID`, `containerd://…`.
    pub container_id: String,
    /// `startedAt`.
    pub started_at: String,
    /// `finishedAt`, once it exited.
    pub finished_at: Option<String>,
}

/// A CrashLoopBackOff period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BackOff {
    /// When the kubelet's sync found the container in back-off.
    pub from: u64,
    /// When the back-off ends.
    pub until: u64,
    /// True until the next run shows as running or the restart was called off: the back-off
    /// shows until then, the next pull and postStart hook included.
    pub open: bool,
}

/// A failed image pull (the container waits with `ErrImagePull`, then `ImagePullBackOff`) or a
/// failed container configuration (`CreateContainerConfigError`, `InvalidImageName`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PullFailure {
    /// When it failed.
    pub failed: u64,
    /// When the kubelet's next sync finds the pull in back-off (`u64::MAX` for a failure that
    /// is not a pull).
    pub backoff_from: u64,
    /// When the next attempt failed, or the container started (`u64::MAX` while neither).
    pub until: u64,
    /// containerd's error, or the kubelet's.
    pub message: String,
    /// The waiting reason for a failure that is not a pull.
    pub fixed_reason: Option<&'static str>,
}

/// A kubelet timer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KubeletTimer {
    /// The Pod's sandbox is up (or its volumes cannot be set up).
    Sandbox(PodId),
    /// The volume manager tries again to mount a volume it cannot set up.
    MountRetry {
        /// The Pod.
        pod: PodId,
        /// The delay before the try after this one.
        delay_ms: u64,
    },
    /// The pod worker gives up waiting for the volumes for now (every two minutes).
    MountTimeout(PodId),
    /// A start attempt of a container: the next init container's turn, a restart, a retry.
    Turn {
        /// The Pod.
        pod: PodId,
        /// The container's index in [`PodWorker::containers`].
        container: usize,
        /// The container's generation when set.
        generation: u32,
    },
    /// The pod worker goes on starting its app containers.
    NextApp(PodId),
    /// The pod worker turns to the next init container, or to the app containers.
    NextInit(PodId),
    /// The kubelet reads its static Pod directory (when it starts).
    StaticFile,
    /// Back in touch with the API server, the kubelet catches up with what it missed (the
    /// deletions of its Pods).
    Resync,
    /// A lifecycle hook that was running ends: `failed` says whether it failed.
    PreStopDone {
        /// The Pod.
        pod: PodId,
        /// The container.
        container: usize,
        /// True when the hook failed.
        failed: bool,
    },
    /// The shared volumes of a Pod changed: its containers that read them see it (`round`
    /// bounds the readers' and writers' back and forth at one instant).
    Volumes {
        /// The Pod.
        pod: PodId,
        /// How many times the volumes changed at this instant already.
        round: u32,
    },
    /// An image pull ends.
    PullDone {
        /// The Pod.
        pod: PodId,
        /// The container.
        container: usize,
        /// The container's generation when the pull began.
        generation: u32,
        /// False when it fails.
        ok: bool,
        /// How long it took.
        took_ms: u64,
    },
    /// A sync during the image pull back-off, which says so again.
    PullBackOff {
        /// The Pod.
        pod: PodId,
        /// The container.
        container: usize,
        /// The container's generation when set.
        generation: u32,
        /// When the back-off ends.
        retry: u64,
    },
    /// A run's postStart hook is done: the kubelet reports it running (and kills it when the
    /// hook failed).
    Shown {
        /// The Pod.
        pod: PodId,
        /// The container.
        container: usize,
        /// The run.
        run: usize,
        /// True when the hook failed.
        failed: bool,
    },
    /// A run ends, unless it already did or its plan changed.
    Exit {
        /// The Pod.
        pod: PodId,
        /// The container.
        container: usize,
        /// The run.
        run: usize,
        /// The run's plan generation when set (`u32::MAX`: whatever the plan).
        plan_generation: u32,
        /// The exit code.
        code: i32,
        /// True for the OOM killer.
        oom: bool,
    },
    /// A probe check.
    Probe {
        /// The Pod.
        pod: PodId,
        /// The container.
        container: usize,
        /// The run.
        run: usize,
        /// Which probe.
        kind: ProbeKind,
    },
    /// The sync after an exit that finds the container in CrashLoopBackOff.
    CrashLoop {
        /// The Pod.
        pod: PodId,
        /// The container.
        container: usize,
        /// The run that exited.
        run: usize,
    },
    /// The app containers of a Pod that does not restart them are done: the sidecars stop.
    StopSidecars(PodId),
    /// A static Pod's mirror: the kubelet deletes a mirror marked for deletion and creates the
    /// next, or its status manager's periodic sync reaches a new mirror.
    Mirror(PodId),
    /// The pod worker is done terminating a deleted Pod that had nothing running: its sandbox
    /// is stopped and its last status is due.
    Terminated(PodId),
}

impl KubeletTimer {
    /// The Pod the timer is about, if it is about one.
    pub fn pod(&self) -> Option<PodId> {
        match self {
            KubeletTimer::Sandbox(pod)
            | KubeletTimer::MountTimeout(pod)
            | KubeletTimer::NextApp(pod)
            | KubeletTimer::NextInit(pod)
            | KubeletTimer::StopSidecars(pod)
            | KubeletTimer::Mirror(pod)
            | KubeletTimer::Terminated(pod)
            | KubeletTimer::MountRetry { pod, .. }
            | KubeletTimer::Turn { pod, .. }
            | KubeletTimer::PullDone { pod, .. }
            | KubeletTimer::PullBackOff { pod, .. }
            | KubeletTimer::Shown { pod, .. }
            | KubeletTimer::Exit { pod, .. }
            | KubeletTimer::Probe { pod, .. }
            | KubeletTimer::CrashLoop { pod, .. }
            | KubeletTimer::PreStopDone { pod, .. }
            | KubeletTimer::Volumes { pod, .. } => Some(*pod),
            KubeletTimer::StaticFile | KubeletTimer::Resync => None,
        }
    }
}

/// A change to a kubelet's records.
#[derive(Clone, Debug)]
pub enum KubeletChange {
    /// A pod worker starts for a Pod bound to the node (or a static Pod read from its file).
    Admitted(PodId, Box<PodWorker>),
    /// A change to a pod worker.
    Pod(PodId, PodChange),
    /// An image is now on the node.
    ImagePresent(String),
    /// The node is cut off from the control plane (`Some`) or reachable again (`None`).
    CutOff(Option<u64>),
    /// A Pod IP was given.
    IpGiven,
}

/// A change to a pod worker.
#[derive(Clone, Debug)]
pub enum PodChange {
    /// The sandbox is up, with the Pod IP.
    Sandbox {
        /// When.
        at: u64,
        /// The Pod IP.
        ip: String,
    },
    /// A volume cannot be set up.
    Unmountable(String, String),
    /// The worker moves on.
    Stage(Stage),
    /// Every init container is done.
    Initialized(u64),
    /// The Pod failed.
    Failed(u64),
    /// The kubelet saw the Pod's deletion.
    Terminating(termination::Termination),
    /// The sidecars begin to stop after the app containers completed.
    SidecarsStop(u64),
    /// Every container stopped after the deletion.
    Finished,
    /// An exec probe replay was used (`false`: none was left, the last verdict repeats).
    Replay(ProbeKind, bool),
    /// Something the simulator assumed.
    Note(String),
    /// A static Pod's mirror changed.
    Mirror(static_pod::MirrorState),
    /// A change to one container.
    Container(usize, ContainerChange),
    /// The kubelet's sync looks at the Pod again: what its status says may have changed with
    /// time alone (a failed pull's back-off began, a new mirror's first status sync is due).
    Resync,
    /// The Pod object was updated (a new image, labels): the worker's copy follows.
    Updated(Arc<Pod>),
    /// An ephemeral container the Pod now has: its record comes after the others.
    Added(Box<ContainerRecord>),
}

impl PodChange {
    /// True when the change may change the Pod's status: the status manager looks at the Pod
    /// again at the end of the instant. A probe's counters, a plan, notes and the worker's
    /// bookkeeping do not show.
    pub fn shows_in_status(&self) -> bool {
        match self {
            PodChange::Note(_)
            | PodChange::Replay(..)
            | PodChange::Stage(_)
            | PodChange::Terminating(_)
            | PodChange::SidecarsStop(_) => false,
            PodChange::Container(_, change) => !matches!(
                change,
                ContainerChange::Probe(..)
                    | ContainerChange::Plan(..)
                    | ContainerChange::Writes { .. }
                    | ContainerChange::ExecWrites(_)
                    | ContainerChange::Exec(..)
                    | ContainerChange::Exits(_)
                    | ContainerChange::FailedPulls(_)
                    | ContainerChange::CallOff
                    | ContainerChange::Done
                    | ContainerChange::FirstTurn { .. }
                    | ContainerChange::Stopping(_)
            ),
            _ => true,
        }
    }
}

/// A change to one container's record.
#[derive(Clone, Debug)]
pub enum ContainerChange {
    /// The kubelet turned to it for the first time, with the plan of its runs and what it uses.
    FirstTurn {
        /// When.
        at: u64,
        /// Its environment and configuration files, or the kubelet's error.
        config: Arc<Result<config::ContainerConfig, String>>,
        /// How its program's runs go, and what they find.
        plan: (Arc<RunPlan>, Arc<Surroundings>),
        /// What it uses.
        usage: crate::cluster::simulation::Usage,
        /// How its program reacts to SIGTERM.
        behaviour: Option<Option<Behaviour>>,
    },
    /// A new plan for its next run, or its current one (what it finds changed).
    Plan(Arc<RunPlan>, Arc<Surroundings>),
    /// A pull or configuration failed.
    PullFailed(PullFailure),
    /// The count of failed pulls in a row.
    FailedPulls(u32),
    /// A run started.
    Started(Box<Run>),
    /// The current run shows as running.
    Shown(u64),
    /// The current run's startup probe succeeded.
    StartupOk(u64),
    /// A probe's counters.
    Probe(ProbeKind, probes::ProbeState),
    /// The current run became ready.
    Ready(u64),
    /// The current run stopped being ready.
    Unready(u64),
    /// The kubelet began stopping the current run (a probe gave up, a stop, a deletion).
    Stopping(u64),
    /// The current run exited.
    Exited {
        /// When.
        at: u64,
        /// When, as the status shows it.
        finished_at: String,
        /// The exit code.
        code: i32,
        /// True for the OOM killer.
        oom: bool,
    },
    /// The crash-loop counter.
    Exits(u32),
    /// A CrashLoopBackOff period began.
    BackOff(BackOff),
    /// The open back-off ends at this instant (the restart was called off).
    BackOffEnded(u64),
    /// Start attempts in flight are called off.
    CallOff,
    /// Its definition changed (an update of the Pod gave it a new image): the next start uses
    /// the new one, with its own back-off; `restart` when the running container is killed for
    /// it.
    Redefined {
        /// When.
        at: u64,
        /// The container as the Pod now has it.
        spec: Arc<Container>,
        /// True when the running container is killed to start again with the new definition.
        restart: bool,
    },
    /// It will not be started again.
    Done,
    /// What an exec in it wrote to its volumes (kept until the Pod goes).
    ExecWrites(Vec<(usize, SharedWrite)>),
    /// A scenario's exec ran in it: when, and its command.
    Exec(u64, Vec<String>),
    /// What its runs write to shared volumes, from an instant on (writes before it stay).
    Writes {
        /// From when the writes are replaced.
        from: u64,
        /// The new writes, on the Pod's clock.
        writes: Vec<SharedWrite>,
    },
}

/// Records `change` in `kubelet`. Cannot fail; checks the records' invariants.
pub fn apply(kubelet: &mut Kubelet, change: KubeletChange) {
    match change {
        KubeletChange::Admitted(pod, worker) => {
            kubelet.workers.insert(pod, *worker);
            kubelet.dirty.insert(pod, ());
        }
        KubeletChange::ImagePresent(image) => {
            kubelet.images.insert(image);
        }
        KubeletChange::CutOff(since) => {
            kubelet.cut_off_since = since;
            // Back in touch, its status manager writes every Pod's status again.
            let all: Vec<PodId> = kubelet.workers.keys().copied().collect();
            for pod in all {
                kubelet.dirty.insert(pod, ());
            }
        }
        KubeletChange::IpGiven => kubelet.ips_given += 1,
        KubeletChange::Pod(pod, change) => {
            if change.shows_in_status() {
                kubelet.dirty.insert(pod, ());
            }
            if let Some(worker) = kubelet.workers.get_mut(&pod) {
                apply_pod(worker, change);
            }
        }
    }
}

fn apply_pod(worker: &mut PodWorker, change: PodChange) {
    match change {
        PodChange::Sandbox { at, ip } => {
            debug_assert!(worker.pod_ip.is_none(), "one Pod IP per Pod object");
            worker.sandbox = Some(at);
            worker.pod_ip = Some(ip);
        }
        PodChange::Unmountable(volume, error) => worker.unmountable = Some((volume, error)),
        PodChange::Stage(stage) => worker.stage = stage,
        PodChange::Initialized(at) => worker.initialized_at = Some(at),
        PodChange::Failed(at) => worker.failed_at = Some(at),
        PodChange::Terminating(termination) => worker.termination = Some(termination),
        PodChange::SidecarsStop(at) => worker.sidecars_stop = Some(at),
        PodChange::Finished => worker.finished = true,
        PodChange::Replay(kind, used) => {
            let left = &mut worker.replays_left[kind as usize];
            if used {
                *left = left.saturating_sub(1);
            } else {
                worker.replays_ran_out = true;
            }
        }
        PodChange::Note(note) => worker.notes.push(note),
        PodChange::Mirror(state) => worker.mirror = Some(state),
        PodChange::Resync => {}
        PodChange::Updated(pod) => worker.pod = pod,
        PodChange::Added(record) => worker.containers.push(*record),
        PodChange::Container(index, change) => {
            if let Some(record) = worker.containers.get_mut(index) {
                apply_container(record, change);
            }
        }
    }
}

fn apply_container(record: &mut ContainerRecord, change: ContainerChange) {
    match change {
        ContainerChange::FirstTurn {
            at,
            config,
            plan,
            usage,
            behaviour,
        } => {
            record.first_turn = Some(at);
            record.config = Some(config);
            record.plan = Some(plan);
            record.usage = usage;
            record.behaviour = behaviour;
        }
        ContainerChange::Plan(plan, surroundings) => {
            record.plan = Some((Arc::clone(&plan), Arc::clone(&surroundings)));
            // A run in progress goes on with the new plan (it is the same up to now).
            let current = record.runs.len().checked_sub(1);
            if let Some(index) = current
                && let Some(run) = record.runs.last_mut()
                && run.exit.is_none()
            {
                run.plan_generation += 1;
                match record.plans.last_mut() {
                    Some(last) if last.0 == index => *last = (index, plan, surroundings),
                    _ => record.plans.push((index, plan, surroundings)),
                }
            }
        }
        ContainerChange::PullFailed(failure) => {
            if let Some(last) = record.pull_failures.last_mut()
                && last.until == u64::MAX
            {
                last.until = failure.failed;
            }
            record.pull_failures.push(failure);
        }
        ContainerChange::FailedPulls(count) => record.failed_pulls = count,
        ContainerChange::Started(run) => {
            debug_assert!(
                record.runs.last().is_none_or(|last| last.exit.is_some()),
                "a container runs at most once at a time"
            );
            if let Some(last) = record.pull_failures.last_mut()
                && last.until == u64::MAX
            {
                last.until = run.started;
            }
            record.probes = Default::default();
            record.redefined = false;
            let index = record.runs.len();
            if let Some((plan, surroundings)) = &record.plan
                && record
                    .plans
                    .last()
                    .is_none_or(|(_, last, found)| last != plan || found != surroundings)
            {
                record
                    .plans
                    .push((index, Arc::clone(plan), Arc::clone(surroundings)));
            }
            record.runs.push(*run);
        }
        ContainerChange::Shown(at) => {
            if let Some(run) = record.runs.last_mut() {
                run.shown = at;
            }
            // The back-off shows until the next run shows as running.
            for backoff in &mut record.backoffs {
                backoff.open = false;
            }
        }
        ContainerChange::StartupOk(at) => {
            if let Some(run) = record.runs.last_mut() {
                run.started_ok = Some(at);
            }
        }
        ContainerChange::Probe(kind, state) => record.probes[kind as usize] = state,
        ContainerChange::Ready(at) => {
            if let Some(intervals) = record.runs.last_mut().and_then(|run| run.ready.as_mut()) {
                intervals.push((at, u64::MAX));
            }
        }
        ContainerChange::Unready(at) => {
            if let Some(intervals) = record.runs.last_mut().and_then(|run| run.ready.as_mut())
                && let Some(last) = intervals.last_mut()
                && last.1 > at
            {
                last.1 = at;
            }
        }
        ContainerChange::Stopping(at) => {
            if let Some(run) = record.runs.last_mut()
                && run.stopping.is_none()
            {
                run.stopping = Some(at);
            }
        }
        ContainerChange::Exited {
            at,
            finished_at,
            code,
            oom,
        } => {
            if let Some(run) = record.runs.last_mut() {
                debug_assert!(run.exit.is_none(), "a run exits once");
                run.exit = Some((at, code));
                run.texts.finished_at = Some(finished_at);
                run.oom_killed = oom;
                if let Some(intervals) = run.ready.as_mut()
                    && let Some(last) = intervals.last_mut()
                    && last.1 > at
                {
                    last.1 = at;
                }
            }
        }
        ContainerChange::Exits(count) => record.exits = count,
        ContainerChange::BackOff(backoff) => record.backoffs.push(backoff),
        ContainerChange::BackOffEnded(at) => {
            if let Some(backoff) = record.backoffs.last_mut()
                && backoff.open
            {
                backoff.until = backoff.until.min(at);
                backoff.open = false;
            }
        }
        ContainerChange::CallOff => record.generation += 1,
        ContainerChange::Redefined { at, spec, restart } => {
            let image = spec.image.clone().unwrap_or_default();
            record.image_ids = crate::api::image_ref::ImageRef::parse(&image)
                .map(|reference| (reference.fully_qualified(), reference.image_id()));
            record.image = image;
            record.spec = spec;
            record.first_turn = None;
            record.generation += 1;
            record.exits = 0;
            record.failed_pulls = 0;
            record.redefined = restart;
            if let Some(last) = record.pull_failures.last_mut()
                && last.until == u64::MAX
            {
                last.until = at;
            }
            if let Some(backoff) = record.backoffs.last_mut()
                && backoff.open
            {
                backoff.until = backoff.until.min(at);
                backoff.open = false;
            }
        }
        ContainerChange::Done => record.done = true,
        ContainerChange::ExecWrites(writes) => record.exec_writes.extend(writes),
        ContainerChange::Exec(at, command) => record.execs.push((at, command)),
        ContainerChange::Writes { from, writes } => {
            record.writes.retain(|write| write.at.as_millis() < from);
            record.writes.extend(writes);
        }
    }
}

/// What the kubelet of `node` does about `trigger`.
pub fn decide(world: &World, node: NodeId, trigger: &Trigger, out: &mut Vec<Event>) {
    pod_worker::decide(world, node, trigger, out);
}

/// The status manager's pass at the end of an instant: the status of each Pod whose records
/// changed, written when it differs; and the removal of Pods whose deletion is done.
pub fn end_of_instant(world: &World, node: NodeId, out: &mut Vec<Event>) {
    status::sync(world, node, out);
}
