//! A placeholder timeline: the steps a healthy Pod goes through, from creation to Running.
//!
//! It stands in for the simulator, which will replace it with a timeline of real Pod objects.
//! Its steps and their STATUS words are nonetheless what `kubectl get pods` prints for a healthy
//! Pod: `Pending`, then `Init:<i>/<n>` and `PodInitializing` if the Pod has init containers, then
//! `ContainerCreating`, then `Running`.

use std::fmt;

use crate::api::v1::{ContainerKind, Pod};
use crate::base::time::VirtualTime;
use crate::cluster::Simulation;
use crate::diagram::flow::FlowStage;
use crate::diagram::look::{Look, Visual};
use crate::kubectl::get as kubectl_get;
use crate::playground::narration;

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
    /// The Pod's phase.
    pub phase: Phase,
    /// The STATUS column of `kubectl get pods`.
    pub status: String,
    /// The READY column of `kubectl get pods`, such as `1/2`.
    pub ready: String,
    /// One sentence on what just happened.
    pub narration: String,
    /// Each container's state, in the order of [`Pod::all_containers`].
    pub containers: Vec<ContainerState>,
    /// How the diagram draws the Pod at this step: each container's state and the Pod IP.
    pub look: Look,
    /// Where the Pod is in the control-plane flow.
    pub flow: FlowStage,
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
    pub fn at_time(time: VirtualTime, timeline: &Timeline) -> Cursor {
        let after = timeline.steps.partition_point(|step| step.at <= time);
        Cursor {
            index: after.saturating_sub(1),
        }
    }

    /// The last step of `timeline`.
    pub fn last(timeline: &Timeline) -> Cursor {
        Cursor {
            index: timeline.steps.len() - 1,
        }
    }

    /// The cursor at `index`, clamped to the timeline.
    pub fn at(index: usize, timeline: &Timeline) -> Cursor {
        Cursor {
            index: index.min(timeline.steps.len() - 1),
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

    /// True unless this is the last step of `timeline`.
    pub fn can_forward(self, timeline: &Timeline) -> bool {
        self.index + 1 < timeline.steps.len()
    }

    /// The previous step, or this one if it is the first.
    pub fn back(self) -> Cursor {
        Cursor {
            index: self.index.saturating_sub(1),
        }
    }

    /// The next step, or this one if it is the last.
    pub fn forward(self, timeline: &Timeline) -> Cursor {
        Cursor::at(self.index + 1, timeline)
    }
}

/// The timeline of a simulation: a step wherever `kubectl get pods` would print a new line (or a
/// container changes state), each narrated by the Events of that instant.
pub fn from_simulation(pod: &Pod, simulation: &Simulation) -> Timeline {
    let mut steps: Vec<Step> = Vec::new();
    let events = simulation.events.occurrences();
    let mut previous: Option<&Pod> = None;
    for snapshot in &simulation.snapshots {
        let before = previous.replace(&snapshot.pod);
        let wall = simulation.wall(snapshot.at);
        let row = kubectl_get::pod_row(&snapshot.pod, wall);
        let status = snapshot.pod.status.as_deref();
        let phase = match status.and_then(|s| s.phase.as_deref()) {
            Some("Running") => Phase::Running,
            Some("Succeeded") => Phase::Succeeded,
            Some("Failed") => Phase::Failed,
            Some("Unknown") => Phase::Unknown,
            _ => Phase::Pending,
        };
        let containers: Vec<ContainerState> = pod
            .all_containers()
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
            .collect();
        let now: Vec<&crate::cluster::events::Event> = events
            .iter()
            .filter(|event| event.first_seen == wall)
            .collect();
        // Events at instants that changed nothing on the object are told with the next step.
        let since = steps.last().map(|step| simulation.wall(step.at));
        let earlier: Vec<&crate::cluster::events::Event> = events
            .iter()
            .filter(|event| {
                event.first_seen < wall && since.is_some_and(|since| event.first_seen > since)
            })
            .collect();
        // Containers that ended since the last step: an exit records no Event.
        let ended: Vec<&str> = match steps.last() {
            Some(last) => pod
                .all_containers()
                .zip(last.containers.iter().zip(&containers))
                .filter(|(_, (before, after))| {
                    **before == ContainerState::Running
                        && matches!(after, ContainerState::Completed | ContainerState::Failed)
                })
                .map(|((_, container), _)| container.name.as_str())
                .collect(),
            None => Vec::new(),
        };
        let narration = match narration::narrate(&snapshot.pod, before, &ended, &earlier, &now) {
            Some(sentence) => sentence,
            None if steps.is_empty() => format!(
                "kubectl apply: the API server validates pod/{} and stores it in etcd.",
                pod.name()
            ),
            None => format!(
                "STATUS {}, READY {}, RESTARTS {}.",
                row.status, row.ready, row.restarts
            ),
        };
        let status_text = row.status.clone();
        let mut look = Look::of(pod, &snapshot.pod);
        look.status = Some(status_text.clone());
        let flow = FlowStage::of(&snapshot.pod, steps.last().map(|step| step.flow));
        if let Some(last) = steps.last_mut()
            && last.status == status_text
            && last.ready == row.ready
            && last.phase == phase
            && last.containers == containers
            && last.look == look
            && last.flow == flow
            && now.is_empty()
        {
            continue;
        }
        steps.push(Step {
            at: snapshot.at,
            phase,
            status: status_text,
            ready: row.ready.clone(),
            narration,
            containers,
            look,
            flow,
        });
    }
    if steps.is_empty() {
        return placeholder(pod);
    }
    Timeline {
        steps,
        notes: simulation.notes.clone(),
    }
}

/// The timeline of every Pod object a scenario creates (`cluster::simulate_all`): after a
/// deletion, the steps of the object a later `kubectl apply` creates follow, at their instants
/// on the scenario's clock, so the stepper, the diagram and the console tell the same story.
pub fn from_simulations(pod: &Pod, simulations: &[Simulation]) -> Timeline {
    let Some((first, later)) = simulations.split_first() else {
        return placeholder(pod);
    };
    let mut timeline = from_simulation(pod, first);
    for simulation in later {
        if let Some(last) = timeline.steps.last_mut() {
            last.narration.push_str(&format!(
                " The API server removes pod/{}: kubectl get pods finds nothing until it is applied again.",
                pod.name()
            ));
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
            step.narration = format!(
                "kubectl apply creates pod/{} again: a new object, with a new UID. {}",
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

/// The placeholder timeline of `pod`: created, scheduled, initialised, running.
pub fn placeholder(pod: &Pod) -> Timeline {
    let kinds: Vec<ContainerKind> = pod.all_containers().map(|(kind, _)| kind).collect();
    let init_count = pod.spec.init_containers.len();
    let all_waiting = vec![ContainerState::Waiting; kinds.len()];
    let mut steps = vec![Step {
        at: VirtualTime::ZERO,
        phase: Phase::Pending,
        status: "Pending".to_owned(),
        narration: format!(
            "kubectl apply: the API server validates pod/{} and stores it in etcd; the scheduler has not placed it yet.",
            pod.name()
        ),
        containers: all_waiting.clone(),
        ready: String::new(),
        look: Look::default(),
        flow: FlowStage::Stored,
    }];
    let mut at = VirtualTime::from_secs(1);
    for (index, init) in pod.spec.init_containers.iter().enumerate() {
        let mut containers = all_waiting.clone();
        containers[..index].fill(ContainerState::Completed);
        containers[index] = ContainerState::Running;
        steps.push(Step {
            at,
            phase: Phase::Pending,
            status: format!("Init:{index}/{init_count}"),
            narration: format!(
                "The kubelet runs init container '{}' ({} of {init_count}); the next one waits until it exits with code 0.",
                init.name,
                index + 1
            ),
            containers,
            ready: String::new(),
            look: Look::default(),
            flow: FlowStage::Stored,
        });
        at = at.plus_millis(2_000);
    }
    let mut initialised = all_waiting;
    initialised[..init_count].fill(ContainerState::Completed);
    let (status, narration) = if init_count == 0 {
        (
            "ContainerCreating",
            "The scheduler binds the Pod to the node; the kubelet starts the pause container, which holds the Pod IP, and pulls the images.",
        )
    } else {
        (
            "PodInitializing",
            "Every init container has completed; the kubelet now creates the app containers.",
        )
    };
    steps.push(Step {
        at,
        phase: Phase::Pending,
        status: status.to_owned(),
        narration: narration.to_owned(),
        containers: initialised.clone(),
        ready: String::new(),
        look: Look::default(),
        flow: FlowStage::Stored,
    });
    at = at.plus_millis(2_000);
    let running: Vec<ContainerState> = kinds
        .iter()
        .zip(&initialised)
        .map(|(kind, state)| match kind {
            ContainerKind::Init | ContainerKind::Sidecar => *state,
            ContainerKind::App => ContainerState::Running,
        })
        .collect();
    steps.push(Step {
        at,
        phase: Phase::Running,
        status: "Running".to_owned(),
        narration: match pod.spec.containers.len() {
            1 => "The app container has started; the phase is Running.".to_owned(),
            count => format!(
                "All {count} app containers have started and share the Pod's IP; the phase is Running."
            ),
        },
        containers: running,
        ready: String::new(),
        look: Look::default(),
        flow: FlowStage::Stored,
    });
    let app_count = pod.spec.containers.len();
    for step in &mut steps {
        let running = kinds
            .iter()
            .zip(&step.containers)
            .filter(|(kind, state)| {
                **kind == ContainerKind::App && **state == ContainerState::Running
            })
            .count();
        step.ready = format!("{running}/{app_count}");
        step.look = placeholder_look(&step.containers, &step.status);
        step.flow = match step.status.as_str() {
            "Pending" => FlowStage::Stored,
            "ContainerCreating" => FlowStage::Starting,
            _ => FlowStage::Reported,
        };
    }
    Timeline {
        steps,
        notes: Vec::new(),
    }
}

/// The look of a placeholder step, from its container states.
fn placeholder_look(states: &[ContainerState], status: &str) -> Look {
    Look {
        containers: states
            .iter()
            .map(|state| match state {
                ContainerState::Waiting => Visual::NotStarted,
                ContainerState::Running => Visual::Running { ready: true },
                ContainerState::Completed => Visual::Succeeded,
                ContainerState::Failed => Visual::Failed {
                    code: 1,
                    reason: "Error".to_owned(),
                },
            })
            .collect(),
        pod_ip: None,
        status: Some(status.to_owned()),
    }
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
        let mut out = String::new();
        for step in timeline.steps() {
            let states: Vec<&str> = step.containers.iter().map(|s| s.as_str()).collect();
            out.push_str(&format!(
                "{:<7} {:<9} {:<17} [{}]\n",
                step.at.to_string(),
                step.phase.to_string(),
                step.status,
                states.join(" ")
            ));
        }
        expected.assert_eq(&out);
    }

    /// Renders the simulated timeline of the accepted Pod in `text`, one step per line.
    fn check_simulated(text: &str, expected: Expect) {
        let parsed = parse(text);
        let pod = parsed.accepted_pod().expect("test manifests are valid");
        let simulation = crate::cluster::simulate(pod, &crate::cluster::Scenario::default());
        let timeline = from_simulation(pod, &simulation);
        let mut out = String::new();
        for step in timeline.steps() {
            let states: Vec<&str> = step.containers.iter().map(|s| s.as_str()).collect();
            out.push_str(&format!(
                "{:<7} {:<9} {:<17} [{}] {}\n",
                step.at.to_string(),
                step.phase.to_string(),
                step.status,
                states.join(" "),
                step.narration
            ));
        }
        expected.assert_eq(&out);
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
        check_simulated(
            crate::playground::gallery::SIDECAR_LOGGING.manifest,
            expect![[r#"
                0s      Pending   Pending           [waiting waiting] The scheduler assigns the Pod to node-1.
                1s      Pending   ContainerCreating [waiting waiting] The kubelet pulls the image of 'app'.
                2s      Pending   ContainerCreating [running waiting] The image of 'app' is on the node; the runtime creates container 'app'; container 'app' starts; the kubelet pulls the image of 'log-forwarder'.
                3s      Running   Running           [running running] The image of 'log-forwarder' is on the node; the runtime creates container 'log-forwarder'; container 'log-forwarder' starts.
            "#]],
        );
    }

    /// `kubectl delete` at 30 s and `kubectl apply -f -` at 70 s: the new object's steps
    /// follow the old one's, on the scenario's clock, with its own AGE and the next Pod IP.
    #[test]
    fn a_pod_applied_again_after_its_deletion_follows_on_the_same_clock() {
        let parsed = parse(crate::playground::gallery::SIDECAR_LOGGING.manifest);
        let pod = parsed.accepted_pod().expect("valid");
        let scenario = crate::cluster::Scenario::from_yaml(
            "horizon: 2m\nactions:\n- {at: 30s, do: deletePod}\n- {at: 70s, do: applyPod}\n",
        )
        .expect("a valid scenario");
        let simulations = crate::cluster::simulate_all(pod, &scenario);
        let timeline = from_simulations(pod, &simulations);
        let out: String = timeline
            .steps()
            .iter()
            .map(|step| {
                format!(
                    "{:<4} {:<17} {} {}\n",
                    step.at.to_string(),
                    step.status,
                    step.look.pod_ip.as_deref().unwrap_or("-"),
                    step.narration
                )
            })
            .collect();
        expect![[r#"
            0s   Pending           - The scheduler assigns the Pod to node-1.
            1s   ContainerCreating 10.244.0.5 The kubelet pulls the image of 'app'.
            2s   ContainerCreating 10.244.0.5 The image of 'app' is on the node; the runtime creates container 'app'; container 'app' starts; the kubelet pulls the image of 'log-forwarder'.
            3s   Running           10.244.0.5 The image of 'log-forwarder' is on the node; the runtime creates container 'log-forwarder'; container 'log-forwarder' starts.
            30s  Terminating       10.244.0.5 The kubelet stops container 'app': the preStop hook if it has one, then SIGTERM, and SIGKILL once the grace period ends; the kubelet stops container 'log-forwarder': the preStop hook if it has one, then SIGTERM, and SIGKILL once the grace period ends.
            30.1s Terminating       10.244.0.5 Container 'log-forwarder' exits with code 0 (Completed).
            60s  Terminating       10.244.0.5 Container 'app' exits with code 137 (Error). The API server removes pod/sidecar-logging: kubectl get pods finds nothing until it is applied again.
            70s  Pending           - kubectl apply creates pod/sidecar-logging again: a new object, with a new UID. The scheduler assigns the Pod to node-1.
            71s  ContainerCreating 10.244.0.6 The kubelet pulls the image of 'app'.
            71.4s ContainerCreating 10.244.0.6 The image of 'app' is on the node; the runtime creates container 'app'; container 'app' starts; the kubelet pulls the image of 'log-forwarder'.
            71.8s Running           10.244.0.6 The image of 'log-forwarder' is on the node; the runtime creates container 'log-forwarder'; container 'log-forwarder' starts.
        "#]].assert_eq(&out);
    }

    #[test]
    fn two_app_containers() {
        check(
            crate::playground::gallery::SIDECAR_LOGGING.manifest,
            expect![[r#"
                0s      Pending   Pending           [waiting waiting]
                1s      Pending   ContainerCreating [waiting waiting]
                3s      Running   Running           [running running]
            "#]],
        );
    }

    #[test]
    fn init_containers_run_one_after_the_other() {
        check(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers: [{name: a}, {name: b}]\n  containers: [{name: c}]\n",
            expect![[r#"
                0s      Pending   Pending           [waiting waiting waiting]
                1s      Pending   Init:0/2          [running waiting waiting]
                3s      Pending   Init:1/2          [completed running waiting]
                5s      Pending   PodInitializing   [completed completed waiting]
                7s      Running   Running           [completed completed running]
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
