//! The timeline the stepper walks: the versions of a Pod object (and of the objects of its name
//! that `kubectl apply` creates after a deletion), one step wherever what its status says
//! changes or Events are recorded, each narrated in one sentence. A layer of its own between the
//! cluster and the views: it knows Pod objects and Events, and nothing of how kubectl prints
//! them or of how the diagram draws them (`playground::stepper` does that for each step).
//!
//! When there is no simulation (a Pod the playground does not run), [`placeholder`] stands in:
//! the steps a healthy Pod goes through, from creation to Running.

pub mod narration;

use std::fmt;

use crate::api::v1::{
    ContainerKind, ContainerState as ApiContainerState, ContainerStateRunning,
    ContainerStateTerminated, ContainerStateWaiting, ContainerStatus, Pod, PodStatus,
};
use crate::base::time::VirtualTime;
use crate::base::timestamp::Timestamp;
use crate::cluster::Simulation;

/// The Pod's `status.phase`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    /// Accepted, but not all containers run yet.
    Pending,
    /// Bound to a node, with at least one container running.
    Running,
    /// Every container ended with exit code 0 and none will restart.
    Succeeded,
    /// Every container ended and at least one failed.
    Failed,
    /// The node stopped reporting the Pod's state.
    Unknown,
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Phase::Pending => "Pending",
            Phase::Running => "Running",
            Phase::Succeeded => "Succeeded",
            Phase::Failed => "Failed",
            Phase::Unknown => "Unknown",
        })
    }
}

/// What one container is doing at a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ContainerState {
    /// Not started yet.
    Waiting,
    /// Started and running.
    Running,
    /// Ended with exit code 0.
    Completed,
    /// Ended with another exit code, or waiting to be restarted after one.
    Failed,
}

impl ContainerState {
    /// The state's name in lower case, usable as a CSS class.
    pub fn as_str(self) -> &'static str {
        match self {
            ContainerState::Waiting => "waiting",
            ContainerState::Running => "running",
            ContainerState::Completed => "completed",
            ContainerState::Failed => "failed",
        }
    }
}

/// The Pod at one instant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// When the step happens.
    pub at: VirtualTime,
    /// The wall-clock time of the step, on the clock of the Pod object it shows.
    pub now: Timestamp,
    /// The Pod's phase.
    pub phase: Phase,
    /// One sentence on what just happened.
    pub narration: String,
    /// Each container's state, in the order of [`Pod::all_containers`].
    pub containers: Vec<ContainerState>,
    /// The Pod object as the API server holds it then, status included; once `removed`, as it
    /// was last.
    pub pod: Pod,
    /// True once the API server has removed the object: `kubectl get pods` no longer lists it.
    pub removed: bool,
}

/// A sequence of steps; never empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    steps: Vec<Step>,
    notes: Vec<String>,
}

impl Timeline {
    /// The steps, in time order.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// What the simulator had to assume (an unknown image or command, an assumed ConfigMap, a
    /// throttled CPU), to be shown beside the steps.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// The step at `cursor`.
    pub fn step(&self, cursor: Cursor) -> &Step {
        &self.steps[cursor.index.min(self.steps.len() - 1)]
    }
}

/// A position in a [`Timeline`]. Whether it can move is derived from it, never stored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cursor {
    index: usize,
}

impl Cursor {
    /// The first step.
    pub const START: Cursor = Cursor { index: 0 };

    /// A requested position, not yet clamped to any timeline (from a share link); `Cursor::at`
    /// clamps it once the timeline is known.
    pub fn from_index(index: usize) -> Cursor {
        Cursor { index }
    }

    /// The last step at or before `time` (the first step when `time` is before it): where a
    /// playhead at `time` stands.
    pub fn at_time(time: VirtualTime, steps: &impl Steps) -> Cursor {
        let after = (0..steps.count())
            .take_while(|&index| steps.instant(index) <= time)
            .count();
        Cursor {
            index: after.saturating_sub(1),
        }
    }

    /// The last step of `steps`.
    pub fn last(steps: &impl Steps) -> Cursor {
        Cursor {
            index: steps.count().saturating_sub(1),
        }
    }

    /// The cursor at `index`, clamped to `steps`.
    pub fn at(index: usize, steps: &impl Steps) -> Cursor {
        Cursor {
            index: index.min(steps.count().saturating_sub(1)),
        }
    }

    /// The index of the step, from 0.
    pub fn index(self) -> usize {
        self.index
    }

    /// True unless this is the first step.
    pub fn can_back(self) -> bool {
        self.index > 0
    }

    /// True unless this is the last step of `steps`.
    pub fn can_forward(self, steps: &impl Steps) -> bool {
        self.index + 1 < steps.count()
    }

    /// The previous step, or this one if it is the first.
    pub fn back(self) -> Cursor {
        Cursor {
            index: self.index.saturating_sub(1),
        }
    }

    /// The next step, or this one if it is the last.
    pub fn forward(self, steps: &impl Steps) -> Cursor {
        Cursor::at(self.index + 1, steps)
    }
}

/// Steps at instants, in time order, that a [`Cursor`] walks: a [`Timeline`], or what the page
/// holds of one (`playground::lifecycle_view`).
pub trait Steps {
    /// How many steps there are; at least one.
    fn count(&self) -> usize;
    /// When the step at `index` happens.
    fn instant(&self, index: usize) -> VirtualTime;
}

impl Steps for Timeline {
    fn count(&self) -> usize {
        self.steps.len()
    }

    fn instant(&self, index: usize) -> VirtualTime {
        self.steps[index].at
    }
}

/// The timeline of a simulation: a step wherever the Pod's status shows a change (its phase,
/// a container's state, readiness or restarts, its IP, a condition, its deletion) or Events are
/// recorded, each narrated by the Events of that instant.
pub fn from_simulation(pod: &Pod, simulation: &Simulation) -> Timeline {
    let mut steps: Vec<Step> = Vec::new();
    let events = simulation.events.occurrences();
    let mut previous: Option<&Pod> = None;
    let mut shown: Option<Signature<'_>> = None;
    for snapshot in &simulation.snapshots {
        let before = previous.replace(&snapshot.pod);
        let wall = simulation.wall(snapshot.at);
        let phase = phase_of(&snapshot.pod);
        let containers = container_states(pod, &snapshot.pod);
        let now: Vec<&crate::cluster::events::Event> = events
            .iter()
            .filter(|event| event.first_seen == wall)
            .collect();
        // Events at instants that changed nothing on the object are told with the next step,
        // unless they only repeat an Event the last step told (a back-off's Events recur at
        // every sync of the Pod while the state they told holds).
        let since = steps.last().map(|step| simulation.wall(step.at));
        let told_since = steps
            .len()
            .checked_sub(2)
            .map(|index| simulation.wall(steps[index].at));
        let told_last = |told: &crate::cluster::events::Event| {
            since.is_some_and(|since| told.first_seen <= since)
                && told_since.is_none_or(|after| told.first_seen > after)
        };
        let earlier: Vec<&crate::cluster::events::Event> = events
            .iter()
            .filter(|event| {
                event.first_seen < wall && since.is_some_and(|since| event.first_seen > since)
            })
            .filter(|event| {
                !events
                    .iter()
                    .any(|told| told_last(told) && event.repeats(told))
            })
            .collect();
        // Containers that ended since the last step (an exit records no Event): those that
        // ran before it, and those that started and ended at this very instant (a crash at
        // once), told after their start.
        let mut ended = narration::Ended::default();
        if let Some(last) = steps.last() {
            for ((_, container), (before, after)) in pod
                .all_containers()
                .zip(last.containers.iter().zip(&containers))
            {
                let name = container.name.as_str();
                let ran_again = restarts(&snapshot.pod, name) > restarts(&last.pod, name);
                match (before, after) {
                    (_, ContainerState::Waiting | ContainerState::Running) => {}
                    (ContainerState::Running, _) => ended.before.push(name),
                    (ContainerState::Waiting, _) => ended.at_once.push(name),
                    _ if ran_again => ended.at_once.push(name),
                    _ => {}
                }
            }
            // An ephemeral container whose session ended.
            let running = |pod: &Pod, name: &str| {
                pod.status.as_ref().is_some_and(|status| {
                    status.ephemeral_container_statuses.iter().any(|s| {
                        s.name == name && s.state.as_ref().is_some_and(|st| st.running.is_some())
                    })
                })
            };
            for ephemeral in &snapshot.pod.spec.ephemeral_containers {
                let name = ephemeral.name.as_str();
                if running(&last.pod, name) && !running(&snapshot.pod, name) {
                    ended.before.push(name);
                }
            }
        }
        let signature = Signature::of(&snapshot.pod);
        if !steps.is_empty() && shown.as_ref() == Some(&signature) && now.is_empty() {
            continue;
        }
        let narration = match narration::narrate(&snapshot.pod, before, &ended, &earlier, &now) {
            Some(sentence) => sentence,
            None if steps.is_empty() => format!(
                "kubectl apply: the API server validates pod/{} and stores it in etcd.",
                pod.name()
            ),
            None => format!("The Pod's status changes; its phase is {phase}."),
        };
        shown = Some(signature);
        steps.push(Step {
            at: snapshot.at,
            now: wall,
            phase,
            narration,
            containers,
            pod: snapshot.pod.clone(),
            removed: false,
        });
    }
    if steps.is_empty() {
        return placeholder(pod);
    }
    add_exec_steps(pod, simulation, &mut steps);
    if let Some(deleted) = simulation.deleted_at {
        mark_removed(&mut steps, deleted, simulation.wall(deleted));
    }
    Timeline {
        steps,
        notes: simulation.notes.clone(),
    }
}

/// The restart count of container `name` in `pod`'s status (0 without one).
fn restarts(pod: &Pod, name: &str) -> i32 {
    pod.status.as_ref().map_or(0, |status| {
        status
            .init_container_statuses
            .iter()
            .chain(&status.container_statuses)
            .find(|s| s.name == name)
            .map_or(0, |s| s.restart_count)
    })
}

/// Tells that the API server removed the object at `at`: in the last step when it is that
/// instant, in a step of its own after it otherwise, which shows the object as it was last.
fn mark_removed(steps: &mut Vec<Step>, at: VirtualTime, now: Timestamp) {
    let Some(last) = steps.last_mut() else {
        return;
    };
    // The object's own name: a static Pod's mirror has the node's name in it.
    let clause = format!(
        "the API server removes pod/{}: kubectl get pods no longer lists it",
        last.pod.name()
    );
    if last.at >= at {
        last.narration = format!("{}; {clause}.", last.narration.trim_end_matches('.'));
        last.removed = true;
        return;
    }
    let mut narration = clause;
    if let Some(first) = narration.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    let removed = Step {
        at,
        now,
        narration: format!("{narration}."),
        removed: true,
        ..last.clone()
    };
    steps.push(removed);
}

/// What a person can see change in a Pod object's status: a new step when it differs.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Signature<'p> {
    phase: Option<&'p str>,
    reason: Option<&'p str>,
    deleting: bool,
    node: Option<&'p str>,
    pod_ip: Option<&'p str>,
    conditions: Vec<(&'p str, &'p str)>,
    containers: Vec<ContainerSignature<'p>>,
}

/// What a person can see of one container's status.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ContainerSignature<'p> {
    name: &'p str,
    running: bool,
    waiting: Option<&'p str>,
    terminated: Option<(i32, Option<&'p str>)>,
    last_terminated: Option<Option<&'p str>>,
    ready: bool,
    restarts: i32,
}

impl<'p> Signature<'p> {
    fn of(pod: &'p Pod) -> Signature<'p> {
        let status = pod.status.as_deref();
        let container = |s: &'p ContainerStatus| {
            let state = s.state.as_ref();
            ContainerSignature {
                name: &s.name,
                running: state.is_some_and(|state| state.running.is_some()),
                waiting: state
                    .and_then(|state| state.waiting.as_ref())
                    .map(|waiting| waiting.reason.as_deref().unwrap_or_default()),
                terminated: state
                    .and_then(|state| state.terminated.as_ref())
                    .map(|t| (t.exit_code, t.reason.as_deref())),
                last_terminated: s
                    .last_state
                    .as_ref()
                    .and_then(|state| state.terminated.as_ref())
                    .map(|t| t.reason.as_deref()),
                ready: s.ready,
                restarts: s.restart_count,
            }
        };
        Signature {
            phase: status.and_then(|s| s.phase.as_deref()),
            reason: status.and_then(|s| s.reason.as_deref()),
            deleting: pod.metadata.deletion_timestamp.is_some(),
            node: pod.spec.node_name.as_deref(),
            pod_ip: status.and_then(|s| s.pod_ip.as_deref()),
            conditions: status
                .map(|s| {
                    s.conditions
                        .iter()
                        .map(|c| (c.kind.as_str(), c.status.as_str()))
                        .collect()
                })
                .unwrap_or_default(),
            containers: status
                .map(|s| {
                    s.init_container_statuses
                        .iter()
                        .chain(&s.container_statuses)
                        .chain(&s.ephemeral_container_statuses)
                        .map(container)
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

/// The phase a Pod object's status says.
/// A step at each instant a scenario's `kubectl exec` ran in the Pod, so that the reader can stop
/// there and look inside: an exec changes files and processes, not the Pod object. At an instant
/// that already has a step, that step tells it too.
fn add_exec_steps(pod: &Pod, simulation: &Simulation, steps: &mut Vec<Step>) {
    for (at, container, command) in &simulation.execs {
        let sentence = format!(
            "kubectl exec runs `{}` in container '{container}'.",
            crate::cluster::scenario::What::Exec {
                container: container.clone(),
                command: command.clone(),
            }
            .describe()
            .split_once(" -- ")
            .map_or("", |(_, words)| words)
        );
        let index = steps.partition_point(|step| step.at < *at);
        if let Some(step) = steps.get_mut(index).filter(|step| step.at == *at) {
            step.narration.push(' ');
            step.narration.push_str(&sentence);
            continue;
        }
        let Some(snapshot) = simulation.at(*at) else {
            continue;
        };
        steps.insert(
            index,
            Step {
                at: *at,
                now: simulation.wall(*at),
                phase: phase_of(&snapshot.pod),
                narration: sentence,
                containers: container_states(pod, &snapshot.pod),
                pod: snapshot.pod.clone(),
                removed: false,
            },
        );
    }
}

fn phase_of(observed: &Pod) -> Phase {
    match observed.status.as_deref().and_then(|s| s.phase.as_deref()) {
        Some("Running") => Phase::Running,
        Some("Succeeded") => Phase::Succeeded,
        Some("Failed") => Phase::Failed,
        Some("Unknown") => Phase::Unknown,
        _ => Phase::Pending,
    }
}

/// Each container of `pod`'s state in `observed`, in the order of [`Pod::all_containers`].
fn container_states(pod: &Pod, observed: &Pod) -> Vec<ContainerState> {
    let status = observed.status.as_deref();
    pod.all_containers()
        .map(|(kind, container)| {
            let list = match (kind.is_init(), status) {
                (true, Some(status)) => status.init_container_statuses.as_slice(),
                (false, Some(status)) => status.container_statuses.as_slice(),
                (_, None) => &[],
            };
            let state = list
                .iter()
                .find(|s| s.name == container.name)
                .and_then(|s| s.state.as_ref());
            match state {
                Some(state) if state.running.is_some() => ContainerState::Running,
                Some(state) => match &state.terminated {
                    Some(terminated) if terminated.exit_code == 0 => ContainerState::Completed,
                    Some(_) => ContainerState::Failed,
                    None if state.waiting.as_ref().and_then(|w| w.reason.as_deref())
                        == Some("CrashLoopBackOff") =>
                    {
                        ContainerState::Failed
                    }
                    None => ContainerState::Waiting,
                },
                None => ContainerState::Waiting,
            }
        })
        .collect()
}

/// The timeline of every Pod object a scenario creates (`cluster::simulate_all`): after a
/// deletion, the steps of the object a later `kubectl apply` creates follow, at their instants
/// on the scenario's clock, so the stepper, the diagram and the console tell the same story.
pub fn from_simulations(pod: &Pod, simulations: &[Simulation]) -> Timeline {
    let Some((first, later)) = simulations.split_first() else {
        return placeholder(pod);
    };
    let mut timeline = from_simulation(pod, first);
    // Who makes an object of the name again: its controller (a StatefulSet), else kubectl apply.
    let controller = pod
        .metadata
        .owner_references
        .iter()
        .find(|owner| owner.controller == Some(true))
        .map(|owner| format!("its {} controller", owner.kind));
    let maker = controller.as_deref().unwrap_or("kubectl apply");
    for simulation in later {
        if let Some(last) = timeline.steps.last_mut() {
            last.narration
                .push_str(&format!(" It is gone until {maker} creates it again."));
        }
        let offset = u64::try_from(simulation.start.millis_since(first.start)).unwrap_or(0);
        let next = from_simulation(pod, simulation);
        let created = timeline.steps.len();
        timeline
            .steps
            .extend(next.steps.into_iter().map(|step| Step {
                at: step.at.plus_millis(offset),
                ..step
            }));
        if let Some(step) = timeline.steps.get_mut(created) {
            let maker = match &controller {
                Some(controller) => format!("I{}", &controller[1..]),
                None => "kubectl apply".to_owned(),
            };
            step.narration = format!(
                "{maker} creates pod/{} again: a new object, with a new UID. {}",
                pod.name(),
                step.narration
            );
        }
        for note in next.notes {
            if !timeline.notes.contains(&note) {
                timeline.notes.push(note);
            }
        }
    }
    timeline
}

/// `timeline` with every step `millis` later: the story of a Pod created `millis` after the
/// scenario began, on the scenario's clock.
pub fn delayed(mut timeline: Timeline, millis: u64) -> Timeline {
    for step in &mut timeline.steps {
        step.at = step.at.plus_millis(millis);
    }
    timeline
}

/// Something the cluster did around the Pod a timeline follows: a controller's Event about a
/// workload object, such as a ReplicaSet creating a Pod.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Happening {
    /// When, on the scenario's clock.
    pub at: VirtualTime,
    /// One sentence on what happened.
    pub narration: String,
}

/// `timeline` with a step at each of `happenings` (in time order): the Pod as it is then (its
/// previous step's state, since a step is a change of the Pod), told by the happening. A
/// happening at the instant of a step opens that step's narration. So the stepper walks a
/// controller's work (a rollout, a Job's new Pods) and the console answers at each of them.
pub fn with_happenings(mut timeline: Timeline, happenings: &[Happening]) -> Timeline {
    // Those of one instant are told together, in the order they happened.
    let mut groups: Vec<Happening> = Vec::new();
    for happening in happenings {
        match groups.last_mut() {
            Some(last) if last.at == happening.at => {
                last.narration.push(' ');
                last.narration.push_str(&happening.narration);
            }
            _ => groups.push(happening.clone()),
        }
    }
    for happening in &groups {
        let steps = &mut timeline.steps;
        // At an instant with two steps (an object removed and the next of its name created),
        // the controller's act belongs to the later one.
        if let Some(step) = steps.iter_mut().rev().find(|step| step.at == happening.at) {
            // The controller acts first: it creates the Pod the step then shows scheduled.
            step.narration = format!("{} {}", happening.narration, step.narration);
            continue;
        }
        // The Pod as its last step before the happening shows it; none before the Pod exists.
        let Some(index) = steps.iter().rposition(|step| step.at < happening.at) else {
            continue;
        };
        let before = &steps[index];
        let elapsed = happening
            .at
            .as_millis()
            .saturating_sub(before.at.as_millis());
        let step = Step {
            at: happening.at,
            now: before
                .now
                .plus_millis(i64::try_from(elapsed).unwrap_or(i64::MAX)),
            narration: happening.narration.clone(),
            ..before.clone()
        };
        steps.insert(index + 1, step);
    }
    timeline
}

/// The placeholder timeline of `pod`: created, scheduled, initialised, running, each step a
/// Pod object with the status a healthy Pod would have then.
pub fn placeholder(pod: &Pod) -> Timeline {
    let kinds: Vec<ContainerKind> = pod.all_containers().map(|(kind, _)| kind).collect();
    let init_count = pod.spec.init_containers.len();
    let all_waiting = vec![ContainerState::Waiting; kinds.len()];
    let start = Timestamp::from_millis(0);
    let step =
        |at: VirtualTime, phase: Phase, narration: String, containers: Vec<ContainerState>| {
            let observed = placeholder_pod(pod, phase, &containers, at == VirtualTime::ZERO);
            Step {
                at,
                now: start.plus_millis(i64::try_from(at.as_millis()).unwrap_or(0)),
                phase,
                narration,
                containers,
                pod: observed,
                removed: false,
            }
        };
    let mut steps = vec![step(
        VirtualTime::ZERO,
        Phase::Pending,
        format!(
            "kubectl apply: the API server validates pod/{} and stores it in etcd; the scheduler has not placed it yet.",
            pod.name()
        ),
        all_waiting.clone(),
    )];
    let mut at = VirtualTime::from_secs(1);
    for (index, init) in pod.spec.init_containers.iter().enumerate() {
        let mut containers = all_waiting.clone();
        containers[..index].fill(ContainerState::Completed);
        containers[index] = ContainerState::Running;
        steps.push(step(
            at,
            Phase::Pending,
            format!(
                "The kubelet runs init container '{}' ({} of {init_count}); the next one waits until it exits with code 0.",
                init.name,
                index + 1
            ),
            containers,
        ));
        at = at.plus_millis(2_000);
    }
    let mut initialised = all_waiting;
    initialised[..init_count].fill(ContainerState::Completed);
    let narration = if init_count == 0 {
        "The scheduler binds the Pod to the node; the kubelet starts the pause container, which holds the Pod IP, and pulls the images."
    } else {
        "Every init container has completed; the kubelet now creates the app containers."
    };
    steps.push(step(
        at,
        Phase::Pending,
        narration.to_owned(),
        initialised.clone(),
    ));
    at = at.plus_millis(2_000);
    let running: Vec<ContainerState> = kinds
        .iter()
        .zip(&initialised)
        .map(|(kind, state)| match kind {
            ContainerKind::Init | ContainerKind::Sidecar => *state,
            ContainerKind::App => ContainerState::Running,
        })
        .collect();
    let narration = match pod.spec.containers.len() {
        1 => "The app container has started; the phase is Running.".to_owned(),
        count => format!(
            "All {count} app containers have started and share the Pod's IP; the phase is Running."
        ),
    };
    steps.push(step(at, Phase::Running, narration, running));
    Timeline {
        steps,
        notes: Vec::new(),
    }
}

/// A Pod object with the status a healthy `pod` has when its containers are in `states`:
/// waiting ones `PodInitializing` (with init containers) or `ContainerCreating`, running ones
/// ready, completed ones exited 0; none at all before it is scheduled (`unscheduled`).
fn placeholder_pod(pod: &Pod, phase: Phase, states: &[ContainerState], unscheduled: bool) -> Pod {
    let mut observed = pod.clone();
    let waiting_reason = if pod.spec.init_containers.is_empty() {
        "ContainerCreating"
    } else {
        "PodInitializing"
    };
    let status = |(name, state): (&str, &ContainerState)| ContainerStatus {
        name: name.to_owned(),
        ready: *state == ContainerState::Running,
        started: Some(*state == ContainerState::Running),
        state: Some(match state {
            ContainerState::Running => ApiContainerState {
                running: Some(ContainerStateRunning::default()),
                ..ApiContainerState::default()
            },
            ContainerState::Completed | ContainerState::Failed => ApiContainerState {
                terminated: Some(ContainerStateTerminated {
                    exit_code: i32::from(*state == ContainerState::Failed),
                    reason: Some(
                        if *state == ContainerState::Completed {
                            "Completed"
                        } else {
                            "Error"
                        }
                        .to_owned(),
                    ),
                    ..ContainerStateTerminated::default()
                }),
                ..ApiContainerState::default()
            },
            ContainerState::Waiting => ApiContainerState {
                waiting: Some(ContainerStateWaiting {
                    reason: Some(waiting_reason.to_owned()),
                    message: None,
                }),
                ..ApiContainerState::default()
            },
        }),
        ..ContainerStatus::default()
    };
    if !unscheduled && observed.spec.node_name.is_none() {
        observed.spec.node_name = Some(crate::cluster::Node::default().name);
    }
    let names: Vec<&str> = pod.all_containers().map(|(_, c)| c.name.as_str()).collect();
    let init_count = pod.spec.init_containers.len();
    let (init, app) = names.split_at(init_count.min(names.len()));
    let (init_states, app_states) = states.split_at(init_count.min(states.len()));
    observed.status = Some(Box::new(PodStatus {
        phase: Some(phase.to_string()),
        init_container_statuses: if unscheduled {
            Vec::new()
        } else {
            init.iter().copied().zip(init_states).map(status).collect()
        },
        container_statuses: if unscheduled {
            Vec::new()
        } else {
            app.iter().copied().zip(app_states).map(status).collect()
        },
        ..PodStatus::default()
    }));
    observed
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::lint::parse;

    /// Renders the placeholder timeline of the Pod in `text`, one step per line.
    fn check(text: &str, expected: Expect) {
        let pod = parse(text).pod.expect("test manifests hold a Pod");
        let timeline = placeholder(&pod);
        expected.assert_eq(&render(&timeline));
    }

    /// One line per step: its instant, phase, containers' states, Pod IP and narration.
    fn render(timeline: &Timeline) -> String {
        let mut out = String::new();
        for step in timeline.steps() {
            let states: Vec<&str> = step.containers.iter().map(|s| s.as_str()).collect();
            let ip = step
                .pod
                .status
                .as_deref()
                .and_then(|s| s.pod_ip.as_deref())
                .unwrap_or("-");
            out.push_str(&format!(
                "{:<6} {:<8} [{}] {ip} {}\n",
                step.at.to_string(),
                step.phase.to_string(),
                states.join(" "),
                step.narration
            ));
        }
        out
    }

    #[test]
    fn a_playhead_stands_on_the_last_step_it_passed() {
        let parsed = parse(crate::playground::gallery::SIDECAR_LOGGING.manifest);
        let pod = parsed.accepted_pod().expect("valid");
        let simulation = crate::cluster::simulate(pod, &crate::cluster::Scenario::default());
        let timeline = from_simulation(pod, &simulation);
        let index = |ms| Cursor::at_time(VirtualTime::ZERO.plus_millis(ms), &timeline).index();
        // Steps at 0 s, 1 s, 2 s and 3 s.
        assert_eq!(
            [
                index(0),
                index(999),
                index(1_000),
                index(2_500),
                index(60_000)
            ],
            [0, 0, 1, 2, 3]
        );
        assert_eq!(Cursor::last(&timeline).index(), 3);
    }

    #[test]
    fn the_sidecar_example_simulated() {
        let parsed = parse(crate::playground::gallery::SIDECAR_LOGGING.manifest);
        let pod = parsed.accepted_pod().expect("valid");
        let simulation = crate::cluster::simulate(pod, &crate::cluster::Scenario::default());
        expect![[r#"
            0s     Pending  [waiting waiting] - The scheduler assigns the Pod to node-1.
            1s     Pending  [waiting waiting] 10.244.0.5 The kubelet pulls the image of 'app'.
            2s     Pending  [running waiting] 10.244.0.5 The image of 'app' is on the node; the runtime creates container 'app'; container 'app' starts; the kubelet pulls the image of 'log-forwarder'.
            3s     Running  [running running] 10.244.0.5 The image of 'log-forwarder' is on the node; the runtime creates container 'log-forwarder'; container 'log-forwarder' starts.
        "#]].assert_eq(&render(&from_simulation(pod, &simulation)));
    }

    /// `kubectl delete` at 30 s and `kubectl apply -f -` at 70 s: the new object's steps
    /// follow the old one's, on the scenario's clock, with the next Pod IP.
    #[test]
    fn a_pod_applied_again_after_its_deletion_follows_on_the_same_clock() {
        let parsed = parse(crate::playground::gallery::SIDECAR_LOGGING.manifest);
        let pod = parsed.accepted_pod().expect("valid");
        let scenario = crate::cluster::Scenario::from_yaml(
            "horizon: 2m\nactions:\n- {at: 30s, do: deletePod}\n- {at: 70s, do: applyPod}\n",
        )
        .expect("a valid scenario");
        let simulations = crate::cluster::simulate_all(pod, &scenario);
        expect![[r#"
            0s     Pending  [waiting waiting] - The scheduler assigns the Pod to node-1.
            1s     Pending  [waiting waiting] 10.244.0.5 The kubelet pulls the image of 'app'.
            2s     Pending  [running waiting] 10.244.0.5 The image of 'app' is on the node; the runtime creates container 'app'; container 'app' starts; the kubelet pulls the image of 'log-forwarder'.
            3s     Running  [running running] 10.244.0.5 The image of 'log-forwarder' is on the node; the runtime creates container 'log-forwarder'; container 'log-forwarder' starts.
            30s    Running  [running running] 10.244.0.5 The kubelet stops container 'app': the preStop hook if it has one, then SIGTERM, and SIGKILL once the grace period ends; the kubelet stops container 'log-forwarder': the preStop hook if it has one, then SIGTERM, and SIGKILL once the grace period ends.
            30.1s  Running  [running completed] 10.244.0.5 Container 'log-forwarder' exits with code 0 (Completed).
            60s    Failed   [failed completed] 10.244.0.5 Container 'app' exits with code 137 (Error); the API server removes pod/sidecar-logging: kubectl get pods no longer lists it. It is gone until kubectl apply creates it again.
            70s    Pending  [waiting waiting] - kubectl apply creates pod/sidecar-logging again: a new object, with a new UID. The scheduler assigns the Pod to node-1.
            71s    Pending  [waiting waiting] 10.244.0.6 The kubelet pulls the image of 'app'.
            71.4s  Pending  [running waiting] 10.244.0.6 The image of 'app' is on the node; the runtime creates container 'app'; container 'app' starts; the kubelet pulls the image of 'log-forwarder'.
            71.8s  Running  [running running] 10.244.0.6 The image of 'log-forwarder' is on the node; the runtime creates container 'log-forwarder'; container 'log-forwarder' starts.
        "#]].assert_eq(&render(&from_simulations(pod, &simulations)));
    }

    #[test]
    fn two_app_containers() {
        check(
            crate::playground::gallery::SIDECAR_LOGGING.manifest,
            expect![[r#"
                0s     Pending  [waiting waiting] - kubectl apply: the API server validates pod/sidecar-logging and stores it in etcd; the scheduler has not placed it yet.
                1s     Pending  [waiting waiting] - The scheduler binds the Pod to the node; the kubelet starts the pause container, which holds the Pod IP, and pulls the images.
                3s     Running  [running running] - All 2 app containers have started and share the Pod's IP; the phase is Running.
            "#]],
        );
    }

    #[test]
    fn init_containers_run_one_after_the_other() {
        check(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers: [{name: a}, {name: b}]\n  containers: [{name: c}]\n",
            expect![[r#"
                0s     Pending  [waiting waiting waiting] - kubectl apply: the API server validates pod/p and stores it in etcd; the scheduler has not placed it yet.
                1s     Pending  [running waiting waiting] - The kubelet runs init container 'a' (1 of 2); the next one waits until it exits with code 0.
                3s     Pending  [completed running waiting] - The kubelet runs init container 'b' (2 of 2); the next one waits until it exits with code 0.
                5s     Pending  [completed completed waiting] - Every init container has completed; the kubelet now creates the app containers.
                7s     Running  [completed completed running] - The app container has started; the phase is Running.
            "#]],
        );
    }

    #[test]
    fn cursor_moves_within_bounds() {
        let pod = parse(crate::playground::gallery::SIDECAR_LOGGING.manifest)
            .pod
            .expect("the gallery example holds a Pod");
        let timeline = placeholder(&pod);
        let start = Cursor::START;
        assert!(!start.can_back());
        assert_eq!(start.back(), start);
        let end = Cursor::at(usize::MAX, &timeline);
        assert_eq!(end.index(), timeline.steps().len() - 1);
        assert!(!end.can_forward(&timeline));
        assert_eq!(end.forward(&timeline), end);
        assert_eq!(start.forward(&timeline).back(), start);
        assert_eq!(timeline.step(end).phase, Phase::Running);
    }
}
