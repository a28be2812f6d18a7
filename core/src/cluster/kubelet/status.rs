//! The kubelet's status manager (pkg/kubelet/kubelet_pods.go `generateAPIPodStatus`, and
//! pkg/kubelet/status): each Pod's status as its records say at an instant (container states,
//! restart counts, readiness, the phase by `getPhase`, the conditions in the kubelet's order),
//! written to the API server at the end of every instant it changed. A node cut off from the
//! control plane writes nothing; the status it writes when it is back is its current one.

use crate::api::qos;
use crate::api::v1::{
    ContainerState, ContainerStateRunning, ContainerStateTerminated, ContainerStateWaiting,
    ContainerStatus, PodIp, PodStatus,
};
use crate::cluster::World;
use crate::cluster::event::Event;
use crate::cluster::kubelet::{ContainerRecord, PLEG_RELIST_MS, PodWorker, Run};
use crate::cluster::store::{NodeId, carry_transition_times, condition};

/// Writes the status of each Pod of the node whose records changed this instant, when it
/// differs from the stored one; removes the Pods whose deletion is done. A node cut off from the
/// control plane writes nothing after the instant it was lost.
pub fn sync(world: &World, node: NodeId, out: &mut Vec<Event>) {
    let Some(kubelet) = world.kubelets.get(node.0) else {
        return;
    };
    if kubelet.cut_off_since.is_some_and(|since| since < world.now) {
        return;
    }
    let now = world.wall(world.now).to_string();
    for id in kubelet.dirty.keys() {
        let Some(worker) = kubelet.workers.get(id) else {
            continue;
        };
        let (target, synced) = match &worker.mirror {
            Some(mirror) => match mirror.current {
                Some(current) => (current, world.now >= mirror.synced),
                None => continue,
            },
            None => (*id, true),
        };
        let stored = world.store.pod(target);
        if stored.removed.is_some() {
            continue;
        }
        if synced {
            let before = stored.object().status.as_deref();
            // Once every container stopped after the deletion, the status is the Pod's last:
            // `syncTerminatingPod` generates it as terminal, and `TerminatePod` makes sure of
            // it. A static Pod's mirror keeps its phase (upstream's TODO #116484).
            let is_static = worker.mirror.is_some();
            let pod_is_terminal = worker.finished && !is_static;
            let mut status = generate(world, node, worker, world.now, pod_is_terminal);
            if let Some(before) = before {
                keep_what_others_wrote(before, &mut status);
            }
            if worker.finished {
                terminate_pod(&mut status, worker.init_count > 0, !is_static);
            }
            carry_transition_times(before, &mut status, &now);
            if before != Some(&status) {
                out.push(Event::PodStatus {
                    pod: target,
                    status: Box::new(status),
                });
            }
        }
        if worker.finished {
            out.push(Event::PodRemoved(target));
        }
    }
}

/// The Pod's status at `at`, per the kubelet's phase and condition rules; `pod_is_terminal`
/// when the Pod's termination is done (deleted or evicted, every container stopped).
pub fn generate(
    world: &World,
    node: NodeId,
    worker: &PodWorker,
    at: u64,
    pod_is_terminal: bool,
) -> PodStatus {
    let pod = &worker.pod;
    let wall = |t: u64| world.wall(t);
    let mut status = PodStatus {
        phase: Some("Pending".to_owned()),
        qos_class: Some(qos::qos_class(pod).as_str().to_owned()),
        ..PodStatus::default()
    };
    let sandbox_due = worker.bound_at.saturating_add(PLEG_RELIST_MS);
    if at < sandbox_due {
        status
            .conditions
            .push(condition("PodScheduled", true, None, None));
        return status;
    }
    let node_ip = world.store.node(node).spec.ip.clone();
    status.host_ip = Some(node_ip.clone());
    status.host_ips = vec![PodIp { ip: node_ip }];
    // The Pod gets its IP with its sandbox, which waits for the volumes.
    let sandbox = worker.unmountable.is_none();
    if let Some(ip) = worker.pod_ip.clone().filter(|_| sandbox) {
        status.pod_ip = Some(ip.clone());
        status.pod_ips = vec![PodIp { ip }];
    }
    status.start_time = Some(wall(sandbox_due).to_string());
    let has_init = worker.init_count > 0;
    let default_reason = if has_init {
        "PodInitializing"
    } else {
        "ContainerCreating"
    };
    let split = worker.init_count.min(worker.containers.len());
    let statuses = |records: &[ContainerRecord]| -> Vec<ContainerStatus> {
        records
            .iter()
            .map(|record| container_status(world, worker, record, at, default_reason))
            .collect()
    };
    status.init_container_statuses = statuses(&worker.containers[..split]);
    // Ephemeral containers come after the app containers, and have their own list.
    let apps = &worker.containers[split..];
    let ephemeral = apps.partition_point(|record| !record.ephemeral);
    status.container_statuses = statuses(&apps[..ephemeral]);
    status.ephemeral_container_statuses = statuses(&apps[ephemeral..]);
    let initialized = worker.initialized_at.is_some_and(|t| t <= at);
    // Phase (kubelet getPhase): the app containers, and the sidecars (restartable init
    // containers) that run or wait for their first start; a stopped sidecar does not count.
    let regular = &status.container_statuses;
    let sidecars = status.init_container_statuses[..]
        .iter()
        .zip(&worker.containers[..split])
        .filter(|(_, record)| record.sidecar)
        .map(|(status, _)| status);
    let counted = || regular.iter().chain(sidecars.clone());
    let running = counted()
        .filter(|s| s.state.as_ref().is_some_and(|st| st.running.is_some()))
        .count();
    let waiting_fresh = counted()
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
    let phase = if worker.failed_at.is_some_and(|t| t <= at) {
        "Failed"
    } else if !initialized || waiting_fresh > 0 {
        "Pending"
    } else if running > 0 {
        "Running"
    } else if !stopped.is_empty() && pod_is_terminal {
        // A Pod that will not run again ends Succeeded only when every container did.
        if succeeded == stopped.len() {
            "Succeeded"
        } else {
            "Failed"
        }
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
    let sidecar = |name: &str| {
        worker
            .containers
            .iter()
            .any(|c| c.init && c.sidecar && c.spec.name == name)
    };
    let unready: Vec<&str> = status
        .init_container_statuses
        .iter()
        .filter(|s| sidecar(&s.name))
        .chain(regular.iter())
        .filter(|s| !s.ready)
        .map(|s| s.name.as_str())
        .collect();
    let incomplete: Vec<&str> = status
        .init_container_statuses
        .iter()
        .filter(|s| !(s.ready || s.started == Some(true) && sidecar(&s.name)))
        .map(|s| s.name.as_str())
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

/// The conditions the kubelet owns (`kubetypes.PodConditionByKubelet`); the others are written
/// by controllers (`DisruptionTarget`, a readiness gate's).
const KUBELET_CONDITIONS: &[&str] = &[
    "PodScheduled",
    "Ready",
    "Initialized",
    "ContainersReady",
    "PodReadyToStartContainers",
];

/// What `generateAPIPodStatus` keeps of the stored status: a terminal phase (a Pod never leaves
/// `Succeeded` or `Failed`); the conditions the kubelet does not own, first and as they are;
/// and while the phase stays the same, the status reason and message (a node lifecycle
/// controller's `NodeLost`).
pub fn keep_what_others_wrote(before: &PodStatus, status: &mut PodStatus) {
    let terminal =
        |phase: &Option<String>| matches!(phase.as_deref(), Some("Succeeded" | "Failed"));
    if terminal(&before.phase) && !terminal(&status.phase) {
        status.phase.clone_from(&before.phase);
    }
    let others = before
        .conditions
        .iter()
        .filter(|condition| !KUBELET_CONDITIONS.contains(&condition.kind.as_str()))
        .cloned();
    let mut conditions: Vec<_> = others.collect();
    if !conditions.is_empty() {
        conditions.append(&mut status.conditions);
        status.conditions = conditions;
    }
    if status.phase == before.phase {
        status.reason.clone_from(&before.reason);
        status.message.clone_from(&before.message);
    }
}

/// The status manager's `TerminatePod` (pkg/kubelet/status/status_manager.go): the last status of
/// a Pod whose termination is done. Once the Pod has initialized, a regular container that is not
/// terminated is reported as lost (`ContainerStatusUnknown`, exit code 137); so is every init
/// container up to the last one that shows a start (the first one when none does); and, unless
/// `fail_phase` is false (a static Pod), a phase that is not terminal becomes `Failed`.
pub fn terminate_pod(status: &mut PodStatus, has_init_containers: bool, fail_phase: bool) {
    let lost = || ContainerState {
        terminated: Some(ContainerStateTerminated {
            exit_code: 137,
            reason: Some("ContainerStatusUnknown".to_owned()),
            message: Some(
                "The container could not be located when the pod was terminated".to_owned(),
            ),
            ..ContainerStateTerminated::default()
        }),
        ..ContainerState::default()
    };
    let terminated =
        |s: &ContainerStatus| s.state.as_ref().is_some_and(|st| st.terminated.is_some());
    let waiting = |s: &ContainerStatus| s.state.as_ref().is_some_and(|st| st.waiting.is_some());
    let ran_before = |s: &ContainerStatus| {
        s.last_state
            .as_ref()
            .is_some_and(|last| last.terminated.is_some())
    };
    if has_pod_initialized(status, has_init_containers) {
        for container in &mut status.container_statuses {
            if !terminated(container) {
                container.state = Some(lost());
            }
        }
    }
    // All but the trailing init containers that never started (the first one always counts).
    let started = status
        .init_container_statuses
        .iter()
        .rposition(|s| !waiting(s) || ran_before(s))
        .map_or(1, |last| last + 1)
        .min(status.init_container_statuses.len());
    for container in &mut status.init_container_statuses[..started] {
        if !terminated(container) {
            container.state = Some(lost());
        }
    }
    if fail_phase && !matches!(status.phase.as_deref(), Some("Succeeded" | "Failed")) {
        status.phase = Some("Failed".to_owned());
    }
}

/// `hasPodInitialized`: a Pod without init containers always has; otherwise one whose regular
/// containers left their first waiting, or whose last init container completed.
fn has_pod_initialized(status: &PodStatus, has_init_containers: bool) -> bool {
    if !has_init_containers {
        return true;
    }
    let left_waiting = status.container_statuses.iter().any(|s| {
        s.last_state
            .as_ref()
            .is_some_and(|last| last.terminated.is_some())
            || s.state.as_ref().is_none_or(|st| st.waiting.is_none())
    });
    let completed = |state: Option<&ContainerState>| {
        state
            .and_then(|st| st.terminated.as_ref())
            .is_some_and(|t| t.exit_code == 0)
    };
    left_waiting
        || status.init_container_statuses.last().is_some_and(|last| {
            completed(last.last_state.as_ref()) || completed(last.state.as_ref())
        })
}

/// The status of a container at `at`: its runs' states, and, while a failed pull or
/// configuration is in force, waiting for its image.
fn container_status(
    world: &World,
    worker: &PodWorker,
    record: &ContainerRecord,
    at: u64,
    default_reason: &str,
) -> ContainerStatus {
    let mut status = run_status(world, worker, record, at, default_reason);
    let running = status
        .state
        .as_ref()
        .is_some_and(|state| state.running.is_some());
    if !running
        && let Some(failure) = record
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
                    record.image, failure.message
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
    // The prober manager marks only app and init containers ready and started.
    if record.ephemeral {
        status.ready = false;
        status.started = None;
    }
    status
}

/// The state of a container at `at` from its runs: its last termination, restart count,
/// readiness and whether it has started.
fn run_status(
    world: &World,
    worker: &PodWorker,
    record: &ContainerRecord,
    at: u64,
    default_reason: &str,
) -> ContainerStatus {
    let started_runs: Vec<&Run> = record.runs.iter().filter(|run| run.shown <= at).collect();
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
        started_at: Some(run.texts.started_at.clone()),
        finished_at: Some(
            run.texts
                .finished_at
                .clone()
                .unwrap_or_else(|| world.wall(ended).to_string()),
        ),
        container_id: Some(run.texts.container_id.clone()),
        ..ContainerStateTerminated::default()
    };
    let mut status = ContainerStatus {
        name: record.spec.name.clone(),
        image: record.image.clone(),
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
    if let Some((image, image_id)) = &record.image_ids {
        status.image.clone_from(image);
        status.image_id.clone_from(image_id);
    }
    status.container_id = Some(current.texts.container_id.clone());
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
                    started_at: Some(current.texts.started_at.clone()),
                }),
                ..ContainerState::default()
            });
            let has_startup_probe = record.spec.startup_probe.is_some();
            let started = !has_startup_probe || current.started_ok.is_some_and(|t| t <= at);
            let ready = match &current.ready {
                Some(intervals) => intervals.iter().any(|(from, to)| *from <= at && at < *to),
                None => true,
            };
            // A regular init container is ready only once it has exited 0.
            let regular_init = record.init && !record.sidecar;
            status.ready = started && ready && !regular_init;
            status.started = Some(started);
        }
        Some(exit) => {
            // The back-off lasts until the next run starts (its image pull included): the kubelet
            // writes the status after a sync, not during the pull. Only the back-off after this
            // run's exit counts.
            let backing_off = record
                .backoffs
                .iter()
                .filter(|backoff| backoff.from >= current.started)
                .find(|backoff| backoff.from <= at && (at < backoff.until || backoff.open));
            if let Some(backoff) = backing_off {
                // The kubelet's words: "back-off 20s restarting failed container=app
                // pod=app_default(uid)".
                let delay = (backoff.until + PLEG_RELIST_MS).saturating_sub(backoff.from);
                status.state = Some(ContainerState {
                    waiting: Some(ContainerStateWaiting {
                        reason: Some("CrashLoopBackOff".to_owned()),
                        message: Some(format!(
                            "back-off {} restarting failed container={} pod={}",
                            go_duration(delay),
                            record.spec.name,
                            worker.label
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
                status.ready = record.init && !record.sidecar && exit.1 == 0;
            }
        }
    }
    status
}

/// A duration as Go's `time.Duration` prints whole seconds: `10s`, `1m20s`, `5m0s`.
pub fn go_duration(millis: u64) -> String {
    let seconds = millis / 1000;
    if seconds < 60 {
        format!("{seconds}s")
    } else {
        format!("{}m{}s", seconds / 60, seconds % 60)
    }
}
