//! The container runtime as the kubelet drives it (pkg/kubelet/kuberuntime): image pulls with
//! their back-off, creating and starting a container and its postStart hook, its program's exit
//! or the OOM killer, the restart policy with the CrashLoopBackOff delays, probes acting on a
//! run, a container stopped (preStop, SIGTERM, SIGKILL), and the scenario's faults.

use std::sync::Arc;

use crate::api::image_ref::ImageRef;
use crate::api::v1::Container;
use crate::cluster::events::EventType;
use crate::cluster::kubelet::backoff::{
    crash_loop_delay_ms, crash_loop_resets, image_pull_delay_ms,
};
use crate::cluster::kubelet::config::{self, ContainerConfig};
use crate::cluster::kubelet::pod_worker::{
    Cx, init_done, resolved, stop_next_sidecar, terminating_exit, turn,
};
use crate::cluster::kubelet::probes::{self, ProbeState, Target};
use crate::cluster::kubelet::program::{self, Program, RunPlan, Surroundings};
use crate::cluster::kubelet::termination::{kill_delay_ms, pod_grace_seconds, stop_outcome};
use crate::cluster::kubelet::{
    BackOff, ContainerChange, KubeletChange, KubeletTimer, MAX_RUNS, OOM_MS, PLEG_RELIST_MS,
    POD_WORKER_RETRY_MS, PULL_MS, PULL_PRESENT_MS, PodChange, PodWorker, PullFailure, Run,
    RunTexts, Stage, hooks, volumes,
};
use crate::cluster::scenario::{ProbeKind, What};
use crate::cluster::simulation::Usage;
use crate::cluster::store::PodId;

/// The kubelet turns to container `index`: it pulls its image if it must, then creates and
/// starts it.
pub fn start_attempt(cx: &mut Cx<'_>, id: PodId, index: usize) {
    let now = cx.now;
    let Some(worker) = cx.worker(id) else {
        return;
    };
    let Some(record) = worker.containers.get(index) else {
        return;
    };
    if worker.termination.is_some()
        || record.done
        || worker.failed_at.is_some()
        || now >= cx.world.horizon
        || record.runs.len() + record.pull_failures.len() >= MAX_RUNS
    {
        return;
    }
    let first_plan = record
        .first_turn
        .is_none()
        .then(|| first_turn(cx, id, index))
        .flatten();
    let Some(worker) = cx.worker(id) else {
        return;
    };
    let record = &worker.containers[index];
    let image = record.image.clone();
    let field = record.field_path.clone();
    // An image reference that does not parse cannot be pulled: the kubelet says so at every
    // sync.
    if record.image_ids.is_none() {
        let message = invalid_image_message(&image);
        cx.record(
            id,
            now,
            EventType::Warning,
            "InspectFailed",
            message.clone(),
            Some(&field),
        );
        cx.record(
            id,
            now,
            EventType::Warning,
            "Failed",
            "Error: InvalidImageName".to_owned(),
            Some(&field),
        );
        cx.container(
            id,
            index,
            ContainerChange::PullFailed(PullFailure {
                failed: now,
                backoff_from: u64::MAX,
                until: u64::MAX,
                message,
                fixed_reason: Some("InvalidImageName"),
            }),
        );
        turn(cx, id, index, now + POD_WORKER_RETRY_MS);
        resolved(cx, id, index);
        return;
    }
    let present = cx.kubelet.images.contains(&image);
    let always = record.spec.image_pull_policy.as_deref() == Some("Always");
    if always || !present {
        cx.record(
            id,
            now,
            EventType::Normal,
            "Pulling",
            format!("Pulling image \"{image}\""),
            Some(&field),
        );
        let ok = !cx.faults(worker, index).pulls_fail;
        let took_ms = if ok && present {
            PULL_PRESENT_MS
        } else {
            PULL_MS
        };
        let generation = record.generation;
        cx.timer(
            now + took_ms,
            KubeletTimer::PullDone {
                pod: id,
                container: index,
                generation,
                ok,
                took_ms,
            },
        );
    } else {
        cx.record(
            id,
            now,
            EventType::Normal,
            "Pulled",
            format!("Container image \"{image}\" already present on machine"),
            Some(&field),
        );
        create(cx, id, index, first_plan);
    }
}

/// What the first turn to a container found: its configuration and the plan of its runs.
type FirstFound = (
    Arc<Result<ContainerConfig, String>>,
    (Arc<RunPlan>, Arc<Surroundings>),
);

/// The first time the kubelet turns to a container: its configuration, the plan of its runs as
/// they would go now, what it uses, and what the simulator assumes about it.
fn first_turn(cx: &mut Cx<'_>, id: PodId, index: usize) -> Option<FirstFound> {
    let now = cx.now;
    let worker = cx.worker(id)?;
    let record = worker.containers.get(index)?;
    let container = Arc::clone(&record.spec);
    let config = Arc::new(config::for_container(
        &worker.pod,
        &container,
        &cx.place(worker),
    ));
    let surroundings = inputs(cx, worker, index, now, config.as_ref().as_ref().ok());
    let plan = program::plan(
        &container,
        worker.pod.name(),
        &surroundings,
        cx.world.horizon.saturating_sub(now),
    );
    let mut notes: Vec<String> = Vec::new();
    if let Ok(config) = config.as_ref() {
        notes.extend(config.notes.iter().cloned());
    }
    if record.image_ids.is_some() {
        notes.extend(plan.notes.iter().cloned());
    }
    let behaviour = match plan.program {
        Program::Image(profile) => Some(profile.map(|p| p.behaviour)),
        Program::Script { .. } => None,
    };
    let usage = usage(
        &container,
        &plan,
        cx.world.store.node(cx.node).spec.cpu_millis,
    );
    if usage.throttled() {
        notes.push(format!(
            "container {} wants {} CPU but its limit is {}: the kernel throttles it (CFS quota) to its limit",
            container.name,
            cpu_text(usage.wanted_cpu_millis),
            cpu_text(usage.cpu_millis)
        ));
    }
    for note in notes {
        cx.note(id, note);
    }
    let plan = (Arc::new(plan), Arc::new(surroundings));
    cx.container(
        id,
        index,
        ContainerChange::FirstTurn {
            at: now,
            config: Arc::clone(&config),
            plan: (Arc::clone(&plan.0), Arc::clone(&plan.1)),
            usage,
            behaviour,
        },
    );
    Some((config, plan))
}

/// What a run of container `index` starting at `at` finds: the Services, the others' writes
/// to its volumes, its environment and its configuration files.
fn inputs(
    cx: &Cx<'_>,
    worker: &PodWorker,
    index: usize,
    at: u64,
    config: Option<&ContainerConfig>,
) -> Surroundings {
    let shared = volumes::shared_for(worker, index);
    let mut surroundings = Surroundings::for_run(&cx.world.store.services, at, &shared);
    let container = &worker.containers[index].spec;
    let prints_date = container
        .command
        .iter()
        .chain(&container.args)
        .any(|arg| arg.contains("date"));
    if prints_date {
        surroundings.wall_start = cx.world.wall(at);
    }
    if let Some(config) = config {
        surroundings.env = Some(config.env.clone());
        surroundings.config_files.clone_from(&config.files);
    }
    surroundings
}

/// An image pull ends: the container is created, or the pull failed and backs off.
pub fn pull_done(
    cx: &mut Cx<'_>,
    id: PodId,
    index: usize,
    generation: u32,
    ok: bool,
    took_ms: u64,
) {
    let now = cx.now;
    let Some(worker) = cx.worker(id) else {
        return;
    };
    let Some(record) = worker.containers.get(index) else {
        return;
    };
    if record.generation != generation || worker.termination.is_some() {
        return;
    }
    let image = record.image.clone();
    let field = record.field_path.clone();
    if ok {
        let seconds = format_duration(took_ms);
        cx.record(
            id,
            now,
            EventType::Normal,
            "Pulled",
            format!(
                "Successfully pulled image \"{image}\" in {seconds} ({seconds} including waiting)"
            ),
            Some(&field),
        );
        cx.container(id, index, ContainerChange::FailedPulls(0));
        if !cx.kubelet.images.contains(&image) {
            cx.change(KubeletChange::ImagePresent(image));
        }
        create(cx, id, index, None);
        return;
    }
    if now >= cx.world.horizon {
        return;
    }
    // ErrImagePull, then ImagePullBackOff until the next try: 10 s doubling to 300 s.
    let message = pull_error(&image);
    cx.record(
        id,
        now,
        EventType::Warning,
        "Failed",
        format!("Failed to pull image \"{image}\": {message}"),
        Some(&field),
    );
    cx.record(
        id,
        now,
        EventType::Warning,
        "Failed",
        "Error: ErrImagePull".to_owned(),
        Some(&field),
    );
    let failures = record.failed_pulls + 1;
    let retry = now + image_pull_delay_ms(failures);
    cx.container(id, index, ContainerChange::FailedPulls(failures));
    cx.container(
        id,
        index,
        ContainerChange::PullFailed(PullFailure {
            failed: now,
            backoff_from: now + PLEG_RELIST_MS,
            until: u64::MAX,
            message,
            fixed_reason: None,
        }),
    );
    if now + PLEG_RELIST_MS < retry.min(cx.world.horizon) {
        cx.timer(
            now + PLEG_RELIST_MS,
            KubeletTimer::PullBackOff {
                pod: id,
                container: index,
                generation,
                retry,
            },
        );
    }
    turn(cx, id, index, retry);
    resolved(cx, id, index);
}

/// A sync during the image pull back-off: the kubelet says so again, every 10 seconds.
pub fn pull_back_off(cx: &mut Cx<'_>, id: PodId, index: usize, generation: u32, retry: u64) {
    let now = cx.now;
    let Some(worker) = cx.worker(id) else {
        return;
    };
    let Some(record) = worker.containers.get(index) else {
        return;
    };
    if record.generation != generation || worker.termination.is_some() {
        return;
    }
    let image = record.image.clone();
    let field = record.field_path.clone();
    cx.pod(id, PodChange::Resync);
    cx.record(
        id,
        now,
        EventType::Normal,
        "BackOff",
        format!("Back-off pulling image \"{image}\""),
        Some(&field),
    );
    cx.record(
        id,
        now,
        EventType::Warning,
        "Failed",
        "Error: ImagePullBackOff".to_owned(),
        Some(&field),
    );
    let next = now + POD_WORKER_RETRY_MS;
    if next < retry.min(cx.world.horizon) {
        cx.timer(
            next,
            KubeletTimer::PullBackOff {
                pod: id,
                container: index,
                generation,
                retry,
            },
        );
    }
}

/// Creates and starts container `index` now: its configuration, its plan for this run, the
/// `Created` and `Started` Events, its postStart hook, and the timers of how the run may end
/// and of its probes. `first` is the plan its first turn just made.
fn create(cx: &mut Cx<'_>, id: PodId, index: usize, first: Option<FirstFound>) {
    let now = cx.now;
    if now >= cx.world.horizon {
        return;
    }
    let Some(worker) = cx.worker(id) else {
        return;
    };
    let record = &worker.containers[index];
    let container = Arc::clone(&record.spec);
    let field = record.field_path.clone();
    let pod = Arc::clone(&worker.pod);
    let label = worker.label.clone();
    let pod_ip = worker.pod_ip.clone().unwrap_or_default();
    let run_index = record.runs.len();
    // A ConfigMap or Secret it needs is missing: the kubelet cannot make the container, and
    // tries again at its next sync.
    let (config, first_plan) = match first {
        Some((config, plan)) => (config, Some(plan)),
        None => (
            record.config.clone().unwrap_or_else(|| {
                Arc::new(config::for_container(&pod, &container, &cx.place(worker)))
            }),
            None,
        ),
    };
    if let Err(message) = config.as_ref() {
        cx.record(
            id,
            now,
            EventType::Warning,
            "Failed",
            format!("Error: {message}"),
            Some(&field),
        );
        cx.container(
            id,
            index,
            ContainerChange::PullFailed(PullFailure {
                failed: now,
                backoff_from: u64::MAX,
                until: u64::MAX,
                message: message.clone(),
                fixed_reason: Some("CreateContainerConfigError"),
            }),
        );
        turn(cx, id, index, now + POD_WORKER_RETRY_MS);
        resolved(cx, id, index);
        return;
    }
    // Services created or deleted since, or others' writes, change what its script finds.
    let found = inputs(cx, worker, index, now, config.as_ref().as_ref().ok());
    let current = first_plan.or_else(|| record.plan.clone());
    let (plan, surroundings) = match current {
        Some((plan, known)) if *known == found => (plan, known),
        _ => {
            let plan = program::plan(
                &container,
                pod.name(),
                &found,
                cx.world.horizon.saturating_sub(now),
            );
            for note in plan.notes.clone() {
                cx.note(id, note);
            }
            let plan = (Arc::new(plan), Arc::new(found));
            cx.container(
                id,
                index,
                ContainerChange::Plan(Arc::clone(&plan.0), Arc::clone(&plan.1)),
            );
            plan
        }
    };
    cx.record(
        id,
        now,
        EventType::Normal,
        "Created",
        format!("Created container {}", container.name),
        Some(&field),
    );
    cx.record(
        id,
        now,
        EventType::Normal,
        "Started",
        format!("Started container {}", container.name),
        Some(&field),
    );
    // The postStart hook: the container shows as running once it is done; if it fails, the
    // kubelet kills the container.
    let mut hook = None;
    if let Some(handler) = container
        .lifecycle
        .as_ref()
        .and_then(|l| l.post_start.as_ref())
    {
        let target = Target {
            container: &container,
            plan: &plan,
            pod_name: pod.name(),
            pod_ip: &pod_ip,
            dns: &surroundings,
        };
        let run = hooks::run(
            &target,
            handler,
            0,
            cx.world.horizon.saturating_sub(now),
            &label,
        );
        hook = Some((now + run.took, run.failure.is_some()));
    }
    let shown_now = match hook {
        None => true,
        Some((at, failed)) => at == now && !failed,
    };
    cx.container(
        id,
        index,
        ContainerChange::Started(Box::new(Run {
            started: now,
            shown: if shown_now { now } else { u64::MAX },
            exit: None,
            started_ok: None,
            ready: container.readiness_probe.as_ref().map(|_| Vec::new()),
            oom_killed: false,
            stopping: None,
            plan_generation: 0,
            texts: RunTexts {
                container_id: container_id(&container.name, now),
                started_at: cx.world.wall(now).to_string(),
                finished_at: None,
            },
        })),
    );
    if shown_now {
        cx.container(id, index, ContainerChange::Shown(now));
    }
    // How the run ends by itself: its program exits, or the OOM killer ends it when it
    // allocates more than its limit.
    if let Some((after, code)) = plan.exit {
        cx.timer(
            now.saturating_add(after),
            KubeletTimer::Exit {
                pod: id,
                container: index,
                run: run_index,
                plan_generation: 0,
                code,
                oom: false,
            },
        );
    }
    let memory_limit = memory_limit(&container);
    if matches!((plan.memory_bytes, memory_limit), (Some(used), Some(limit)) if i128::from(used) > limit)
    {
        cx.timer(
            now + OOM_MS,
            KubeletTimer::Exit {
                pod: id,
                container: index,
                run: run_index,
                plan_generation: u32::MAX,
                code: 137,
                oom: true,
            },
        );
    }
    match hook {
        Some((at, failed)) if !shown_now => cx.timer(
            at,
            KubeletTimer::Shown {
                pod: id,
                container: index,
                run: run_index,
                failed,
            },
        ),
        _ => after_shown(cx, id, index, now, None),
    }
    for kind in [
        ProbeKind::Startup,
        ProbeKind::Liveness,
        ProbeKind::Readiness,
    ] {
        if let Some(probe) = probes::probe_of(&container, kind) {
            probe_timer(
                cx,
                probes::first_check(probe, now),
                KubeletTimer::Probe {
                    pod: id,
                    container: index,
                    run: run_index,
                    kind,
                },
            );
        }
    }
    volumes::register(cx, id, index, now, &plan);
}

/// A run's postStart hook is done at `now`: it shows as running, and a failed hook has the
/// kubelet kill it.
pub fn shown(cx: &mut Cx<'_>, id: PodId, index: usize, run: usize, failed: bool) {
    let now = cx.now;
    let Some(worker) = cx.worker(id) else {
        return;
    };
    let Some(record) = worker.containers.get(index) else {
        return;
    };
    let Some(current) = record
        .runs
        .get(run)
        .filter(|_| run + 1 == record.runs.len())
    else {
        return;
    };
    if current.exit.is_some() {
        return;
    }
    cx.container(id, index, ContainerChange::Shown(now));
    if failed && worker.termination.is_none() {
        let field = record.field_path.clone();
        cx.record(
            id,
            now,
            EventType::Warning,
            "FailedPostStartHook",
            "PostStartHook failed".to_owned(),
            Some(&field),
        );
        cx.record(
            id,
            now,
            EventType::Normal,
            "Killing",
            "FailedPostStartHook".to_owned(),
            Some(&field),
        );
        let grace = kill_delay_ms(pod_grace_seconds(&worker.pod));
        let behaviour = record.plan.as_ref().and_then(|(plan, _)| plan.behaviour());
        let (after, code) = stop_outcome(behaviour, grace);
        cx.timer(
            now.saturating_add(after),
            KubeletTimer::Exit {
                pod: id,
                container: index,
                run,
                plan_generation: u32::MAX,
                code,
                oom: false,
            },
        );
    }
    after_shown(cx, id, index, now, Some(current));
}

/// What follows a run showing as running: the app containers' sequence goes on, and a sidecar
/// without a startup probe (or whose probe already succeeded) counts as started.
fn after_shown(cx: &mut Cx<'_>, id: PodId, index: usize, now: u64, run: Option<&Run>) {
    resolved(cx, id, index);
    let Some(record) = cx.worker(id).and_then(|w| w.containers.get(index)) else {
        return;
    };
    if !record.sidecar {
        return;
    }
    let started = record.spec.startup_probe.is_none()
        || run.is_some_and(|run| run.started_ok.is_some_and(|ok| ok <= now));
    if started {
        init_done(cx, id, index, now + PLEG_RELIST_MS);
    }
}

/// A timer says a run ends: it does, unless it already ended or its plan changed since.
pub fn exit_timer(
    cx: &mut Cx<'_>,
    id: PodId,
    index: usize,
    run: usize,
    plan_generation: u32,
    code: i32,
    oom: bool,
) {
    let Some(record) = cx.worker(id).and_then(|w| w.containers.get(index)) else {
        return;
    };
    let Some(current) = record
        .runs
        .get(run)
        .filter(|_| run + 1 == record.runs.len())
    else {
        return;
    };
    if current.exit.is_some()
        || (plan_generation != u32::MAX && plan_generation != current.plan_generation)
    {
        return;
    }
    exited(cx, id, index, code, oom);
}

/// Container `index`'s current run exits now with `code`: what follows by the restart policy.
pub fn exited(cx: &mut Cx<'_>, id: PodId, index: usize, code: i32, oom: bool) {
    let now = cx.now;
    let Some(worker) = cx.worker(id) else {
        return;
    };
    let Some(record) = worker.containers.get(index) else {
        return;
    };
    let Some(run) = record.runs.last().filter(|run| run.exit.is_none()) else {
        return;
    };
    let started = run.started;
    let hook_pending = run.shown > now;
    let finished_at = cx.world.wall(now).to_string();
    cx.container(
        id,
        index,
        ContainerChange::Exited {
            at: now,
            finished_at,
            code,
            oom,
        },
    );
    if hook_pending {
        cx.container(id, index, ContainerChange::Shown(now));
    }
    volumes::truncate(cx, id, index, now);
    if worker.termination.is_some() {
        terminating_exit(cx, id, index);
        return;
    }
    if hook_pending {
        after_shown(cx, id, index, now, None);
    }
    // An ephemeral container is never restarted.
    if record.ephemeral {
        cx.container(id, index, ContainerChange::Done);
        return;
    }
    if record.sidecar && worker.sidecars_stop.is_some() {
        let containers = worker.containers.clone();
        stop_next_sidecar(cx, id, index, &containers);
        return;
    }
    // Killed for a new definition: started again with it at once, in the same sync.
    if record.redefined {
        turn(cx, id, index, now);
        return;
    }
    let pod_policy = worker
        .pod
        .spec
        .restart_policy
        .as_deref()
        .unwrap_or("Always");
    let policy = if record.sidecar { "Always" } else { pod_policy };
    let regular_init = record.init && !record.sidecar;
    if regular_init && code == 0 {
        cx.container(id, index, ContainerChange::Done);
        init_done(cx, id, index, now + PLEG_RELIST_MS);
        return;
    }
    if regular_init && policy == "Never" {
        cx.container(id, index, ContainerChange::Done);
        cx.pod(id, PodChange::Failed(now));
        cx.pod(id, PodChange::Stage(Stage::Stuck));
        return;
    }
    let restart = match policy {
        "Always" => true,
        "OnFailure" => code != 0,
        _ => false,
    };
    if !restart {
        cx.container(id, index, ContainerChange::Done);
        if !record.init {
            sidecars_after_apps(cx, id, index);
        }
        return;
    }
    // The kubelet's back-off: the first restart at its next relist, then after 10 s doubling
    // to 300 s; a run of more than 10 minutes resets it.
    let exits = if crash_loop_resets(now - started) {
        1
    } else {
        record.exits + 1
    };
    cx.container(id, index, ContainerChange::Exits(exits));
    let run_index = record.runs.len() - 1;
    match crash_loop_delay_ms(exits) {
        None => turn(cx, id, index, now + PLEG_RELIST_MS),
        Some(delay) => {
            cx.timer(
                now + PLEG_RELIST_MS,
                KubeletTimer::CrashLoop {
                    pod: id,
                    container: index,
                    run: run_index,
                },
            );
            turn(cx, id, index, now + delay);
        }
    }
}

/// Once every app container of a Pod that does not restart them is done, the sidecars stop at
/// the kubelet's next sync.
fn sidecars_after_apps(cx: &mut Cx<'_>, id: PodId, exiting: usize) {
    let now = cx.now;
    let Some(worker) = cx.worker(id) else {
        return;
    };
    let mut last = now;
    for (index, record) in worker.containers.iter().enumerate() {
        if record.init || record.ephemeral || index == exiting {
            continue;
        }
        match record.runs.last().and_then(|run| run.exit) {
            Some((at, _)) if record.done => last = last.max(at),
            _ => return,
        }
    }
    if worker.containers.iter().any(|record| record.sidecar) {
        cx.timer(last + PLEG_RELIST_MS, KubeletTimer::StopSidecars(id));
    }
}

/// The sync after an exit finds the container in CrashLoopBackOff.
pub fn crash_loop(cx: &mut Cx<'_>, id: PodId, index: usize, run: usize) {
    let now = cx.now;
    let Some(worker) = cx.worker(id) else {
        return;
    };
    let Some(record) = worker.containers.get(index) else {
        return;
    };
    if worker.termination.is_some()
        || record.done
        || run + 1 != record.runs.len()
        || (record.sidecar && worker.sidecars_stop.is_some())
    {
        return;
    }
    let Some((ended, _)) = record.runs[run].exit else {
        return;
    };
    let delay = crash_loop_delay_ms(record.exits).unwrap_or(0);
    let message = format!(
        "Back-off restarting failed container {} in pod {}",
        record.spec.name, worker.label
    );
    let field = record.field_path.clone();
    cx.record(
        id,
        now,
        EventType::Warning,
        "BackOff",
        message,
        Some(&field),
    );
    cx.container(
        id,
        index,
        ContainerChange::BackOff(BackOff {
            from: now,
            until: ended + delay,
            open: true,
        }),
    );
}

/// A probe check of run `run` of container `index`.
pub fn probe(cx: &mut Cx<'_>, id: PodId, index: usize, run: usize, kind: ProbeKind) {
    let now = cx.now;
    let Some(worker) = cx.worker(id) else {
        return;
    };
    let Some(record) = worker.containers.get(index) else {
        return;
    };
    let Some(current) = record
        .runs
        .get(run)
        .filter(|_| run + 1 == record.runs.len())
    else {
        return;
    };
    if current.exit.is_some()
        || current.stopping.is_some()
        || worker.termination.is_some()
        || (record.sidecar && worker.sidecars_stop.is_some())
    {
        return;
    }
    let container = Arc::clone(&record.spec);
    let Some(probe) = probes::probe_of(&container, kind) else {
        return;
    };
    let mut state: ProbeState = record.probes[kind as usize].clone();
    if state.checks >= probes::MAX_CHECKS {
        return;
    }
    state.checks += 1;
    let next = now.saturating_add(probes::period_ms(probe));
    let next_check = KubeletTimer::Probe {
        pod: id,
        container: index,
        run,
        kind,
    };
    let set_next = |cx: &mut Cx<'_>| probe_timer(cx, next, next_check.clone());
    // The startup probe holds the others back until it succeeds.
    let gated = kind != ProbeKind::Startup
        && container.startup_probe.is_some()
        && current.started_ok.is_none_or(|ok| ok > now);
    if gated {
        cx.container(id, index, ContainerChange::Probe(kind, state));
        set_next(cx);
        return;
    }
    let Some((plan, surroundings)) = record.plan.clone() else {
        return;
    };
    let target = Target {
        container: &container,
        plan: &plan,
        pod_name: worker.pod.name(),
        pod_ip: worker.pod_ip.as_deref().unwrap_or_default(),
        dns: &surroundings,
    };
    let verdict = match cx.faults(worker, index).probes[kind as usize] {
        Some(true) => Ok(()),
        Some(false) => Err(probes::forced_failure(&target, probe)),
        None if probe.exec.is_some() => {
            if worker.replays_left[kind as usize] == 0 {
                cx.pod(id, PodChange::Replay(kind, false));
                state.last_exec.clone().unwrap_or(Ok(()))
            } else {
                cx.pod(id, PodChange::Replay(kind, true));
                let result = probes::check(&target, probe, now - current.started);
                state.last_exec = Some(result.clone());
                result
            }
        }
        None => probes::check(&target, probe, now - current.started),
    };
    let field = record.field_path.clone();
    if let Err(message) = &verdict {
        cx.record(
            id,
            now,
            EventType::Warning,
            "Unhealthy",
            format!("{} probe failed: {message}", kind.as_str()),
            Some(&field),
        );
    }
    let ready_now = current
        .ready
        .as_ref()
        .and_then(|intervals| intervals.last())
        .is_some_and(|(_, to)| *to == u64::MAX);
    match (kind, verdict) {
        (ProbeKind::Startup, Ok(())) => {
            state.failures = 0;
            cx.container(id, index, ContainerChange::Probe(kind, state));
            cx.container(id, index, ContainerChange::StartupOk(now));
            if record.sidecar && current.shown <= now {
                init_done(cx, id, index, now + PLEG_RELIST_MS);
            }
            return;
        }
        (ProbeKind::Startup | ProbeKind::Liveness, Err(_)) => {
            state.failures += 1;
            let gave_up = state.failures >= probes::failure_threshold(probe);
            cx.container(id, index, ContainerChange::Probe(kind, state));
            if gave_up {
                kill_for_probe(cx, id, index, kind);
                return;
            }
        }
        (ProbeKind::Liveness, Ok(())) => {
            state.failures = 0;
            cx.container(id, index, ContainerChange::Probe(kind, state));
        }
        (ProbeKind::Readiness, Ok(())) => {
            state.failures = 0;
            state.successes += 1;
            let becomes_ready = !ready_now && state.successes >= probes::success_threshold(probe);
            cx.container(id, index, ContainerChange::Probe(kind, state));
            if becomes_ready {
                cx.container(id, index, ContainerChange::Ready(now));
            }
        }
        (ProbeKind::Readiness, Err(_)) => {
            state.successes = 0;
            state.failures += 1;
            let unready = ready_now && state.failures >= probes::failure_threshold(probe);
            cx.container(id, index, ContainerChange::Probe(kind, state));
            if unready {
                cx.container(id, index, ContainerChange::Unready(now));
            }
        }
    }
    set_next(cx);
}

/// A probe check at `at`; none at the horizon or after (a check there would see nothing more).
fn probe_timer(cx: &mut Cx<'_>, at: u64, timer: KubeletTimer) {
    if at < cx.world.horizon {
        cx.timer(at, timer);
    }
}

/// A liveness or startup probe gave up: the kubelet kills the container (preStop first, then
/// SIGTERM, SIGKILL after the grace period) and restarts it as its policy says.
fn kill_for_probe(cx: &mut Cx<'_>, id: PodId, index: usize, kind: ProbeKind) {
    let Some(record) = cx
        .worker(id)
        .and_then(|worker| worker.containers.get(index))
    else {
        return;
    };
    let which = match kind {
        ProbeKind::Startup => "startup",
        _ => "liveness",
    };
    let message = format!(
        "Container {} failed {which} probe, will be restarted",
        record.spec.name
    );
    // The probe's own grace period, else the Pod's.
    let probe_grace = probes::probe_of(&record.spec, kind)
        .and_then(|probe| probe.termination_grace_period_seconds);
    kill_to_restart(cx, id, index, message, probe_grace);
}

/// Kills running container `index` for the kubelet to start it again: `Killing` with
/// `message`, its preStop hook, SIGTERM, and SIGKILL once the grace period (`grace_seconds`,
/// else the Pod's) runs out.
pub fn kill_to_restart(
    cx: &mut Cx<'_>,
    id: PodId,
    index: usize,
    message: String,
    grace_seconds: Option<i64>,
) {
    let now = cx.now;
    let Some(worker) = cx.worker(id) else {
        return;
    };
    let record = &worker.containers[index];
    let Some(run) = record.runs.last() else {
        return;
    };
    let run_index = record.runs.len() - 1;
    let container = Arc::clone(&record.spec);
    let field = record.field_path.clone();
    cx.record(id, now, EventType::Normal, "Killing", message, Some(&field));
    cx.container(id, index, ContainerChange::Stopping(now));
    cx.container(id, index, ContainerChange::Unready(now));
    // SIGTERM, then SIGKILL after the grace period.
    let grace = kill_delay_ms(grace_seconds.unwrap_or_else(|| pod_grace_seconds(&worker.pod)));
    let Some((plan, surroundings)) = record.plan.clone() else {
        return;
    };
    // The preStop hook runs first, within the grace period.
    let (signal_at, grace) = match container
        .lifecycle
        .as_ref()
        .and_then(|l| l.pre_stop.as_ref())
    {
        Some(handler) => {
            let pod_ip = worker.pod_ip.clone().unwrap_or_default();
            let target = Target {
                container: &container,
                plan: &plan,
                pod_name: worker.pod.name(),
                pod_ip: &pod_ip,
                dns: &surroundings,
            };
            let hook = hooks::run(&target, handler, now - run.started, grace, &worker.label);
            if hook.failure.is_some() {
                cx.timer(
                    now + hook.took,
                    KubeletTimer::PreStopDone {
                        pod: id,
                        container: index,
                        failed: true,
                    },
                );
            }
            let left = grace.saturating_sub(hook.took / 1000 * 1000).max(2000);
            (now + hook.took, left)
        }
        None => (now, grace),
    };
    let (after, code) = stop_outcome(plan.behaviour(), grace);
    cx.timer(
        signal_at.saturating_add(after),
        KubeletTimer::Exit {
            pod: id,
            container: index,
            run: run_index,
            plan_generation: u32::MAX,
            code,
            oom: false,
        },
    );
}

/// Stops container `index` now: `Killing`, then (with `pre_stop`) its preStop hook within the
/// `grace_seconds`, then the stop signal; SIGKILL once what is left of the grace period (at
/// least 2 seconds) runs out.
pub fn stop(cx: &mut Cx<'_>, id: PodId, index: usize, grace_seconds: i64, pre_stop: bool) {
    let now = cx.now;
    let Some(worker) = cx.worker(id) else {
        return;
    };
    let record = &worker.containers[index];
    let Some(run) = record.runs.last() else {
        return;
    };
    let run_index = record.runs.len() - 1;
    let field = record.field_path.clone();
    let container = Arc::clone(&record.spec);
    cx.record(
        id,
        now,
        EventType::Normal,
        "Killing",
        format!("Stopping container {}", container.name),
        Some(&field),
    );
    cx.container(id, index, ContainerChange::Stopping(now));
    cx.container(id, index, ContainerChange::Unready(now));
    let kill_after = kill_delay_ms(grace_seconds);
    let handler = container
        .lifecycle
        .as_ref()
        .and_then(|l| l.pre_stop.as_ref())
        .filter(|_| pre_stop);
    let (signal_at, kill_after) = match (handler, record.plan.clone()) {
        (Some(handler), Some((plan, surroundings))) => {
            let pod_ip = worker.pod_ip.clone().unwrap_or_default();
            let target = Target {
                container: &container,
                plan: &plan,
                pod_name: worker.pod.name(),
                pod_ip: &pod_ip,
                dns: &surroundings,
            };
            let hook = hooks::run(
                &target,
                handler,
                now - run.started,
                crate::cluster::event::seconds_to_ms(grace_seconds.max(0)),
                &worker.label,
            );
            if hook.failure.is_some() {
                cx.timer(
                    now + hook.took,
                    KubeletTimer::PreStopDone {
                        pod: id,
                        container: index,
                        failed: true,
                    },
                );
            }
            let left =
                grace_seconds.saturating_sub(i64::try_from(hook.took / 1000).unwrap_or(i64::MAX));
            (now + hook.took, kill_delay_ms(left))
        }
        _ => (now, kill_after),
    };
    let behaviour = record.behaviour.flatten();
    let (after, code) = stop_outcome(behaviour, kill_after);
    cx.timer(
        signal_at.saturating_add(after.min(kill_after)),
        KubeletTimer::Exit {
            pod: id,
            container: index,
            run: run_index,
            plan_generation: u32::MAX,
            code,
            oom: false,
        },
    );
}

/// The scenario's faults in a container of the Pod `pod` (the manifest's first by default).
pub fn fault(cx: &mut Cx<'_>, pod: Option<&str>, what: &What) {
    let Some(id) = worker_for(cx, pod) else {
        return;
    };
    let Some(worker) = cx.worker(id) else {
        return;
    };
    let find = |name: &str| {
        worker
            .containers
            .iter()
            .position(|record| record.spec.name == name)
    };
    match what {
        What::KillContainer { container } => {
            if let Some(index) = find(container)
                && worker.containers[index].live_run(cx.now).is_some()
            {
                exited(cx, id, index, 137, false);
            }
        }
        What::Exec { container, command } => {
            if let Some(index) = find(container) {
                super::exec::act(cx, id, index, command);
            }
        }
        What::EndSession {
            container, code, ..
        } => {
            if let Some(index) = find(container)
                && worker.containers[index].live_run(cx.now).is_some()
            {
                exited(cx, id, index, *code, false);
            }
        }
        What::CrashContainer { container } => {
            if let Some(index) = find(container)
                && worker.containers[index].live_run(cx.now).is_some()
            {
                exited(cx, id, index, 1, false);
            }
        }
        What::ExceedMemory { container } => {
            if let Some(index) = find(container)
                && memory_limit(&worker.containers[index].spec).is_some()
                && worker.containers[index].live_run(cx.now).is_some()
            {
                exited(cx, id, index, 137, true);
            }
        }
        _ => {}
    }
}

/// The worker of the Pod an action names, if this kubelet runs it.
fn worker_for(cx: &Cx<'_>, pod: Option<&str>) -> Option<PodId> {
    let name = cx.world.action_pod_name(pod)?;
    if cx.world.scenario.static_pod
        && cx
            .world
            .manifest
            .first()
            .is_some_and(|first| first.name() == name)
    {
        return cx
            .kubelet
            .workers
            .iter()
            .find(|(_, worker)| worker.mirror.is_some())
            .map(|(id, _)| *id);
    }
    let id = cx.world.store.live_pod_named(name)?;
    cx.kubelet.workers.contains_key(&id).then_some(id)
}

/// The container's memory limit, in bytes.
fn memory_limit(container: &Container) -> Option<i128> {
    container
        .resources
        .as_ref()
        .and_then(|r| r.limits.get("memory"))
        .map(crate::api::quantity::Quantity::value)
}

/// What a container running `plan` uses: the CPU it keeps busy (1m when mostly idle), held to
/// its CPU limit (the node's allocatable without one), and its program's memory (a shell's
/// 1 MiB for a script).
fn usage(container: &Container, plan: &RunPlan, node_cpu_millis: i128) -> Usage {
    let limits = container.resources.as_ref().map(|r| &r.limits);
    let cpu_limit = limits
        .and_then(|limits| limits.get("cpu"))
        .map_or(node_cpu_millis, crate::api::quantity::Quantity::milli_value);
    let wanted = plan.cpu_millis.unwrap_or(1);
    let memory = plan.memory_bytes.unwrap_or(match plan.program {
        Program::Script { .. } => 1024 * 1024,
        Program::Image(_) => 8 * 1024 * 1024,
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
    let reference =
        ImageRef::parse(image).map_or_else(|| image.to_owned(), |parsed| parsed.fully_qualified());
    format!(
        "rpc error: code = NotFound desc = failed to pull and unpack image \"{reference}\": failed to resolve reference \"{reference}\": {reference}: not found"
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

/// A made-up, stable container ID for the run of `name` that started at `started`.
fn container_id(name: &str, started: u64) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in name.bytes().chain(started.to_le_bytes()) {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    let hex = format!("{hash:016x}");
    let mut id = String::with_capacity("containerd://".len() + 4 * hex.len());
    id.push_str("containerd://");
    for _ in 0..4 {
        id.push_str(&hex);
    }
    id
}
