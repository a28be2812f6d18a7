//! The pod workers (pkg/kubelet/pod_workers.go and `SyncPod`): what the kubelet does for each
//! Pod bound to its node, trigger by trigger — admit it, bring up its sandbox, run the init
//! containers one after the other and then the app containers, stop the sidecars once the app
//! containers of a Pod that does not restart them are done, and stop everything when the Pod
//! is deleted. Container starts, exits and probes are in `runtime` and `probes`.

use std::sync::Arc;

use crate::api::v1::{Container, Pod};
use crate::cluster::World;
use crate::cluster::event::Event;
use crate::cluster::events::EventType;
use crate::cluster::kubelet::config::{self, Place};
use crate::cluster::kubelet::static_pod::{self, MirrorState};
use crate::cluster::kubelet::termination::{
    STOPPED_POD_TERMINATION_MS, Termination, pod_grace_seconds,
};
use crate::cluster::kubelet::{
    ContainerChange, ContainerRecord, Kubelet, KubeletChange, KubeletTimer, PLEG_RELIST_MS,
    PodChange, PodWorker, Stage, runtime, volumes,
};
use crate::cluster::scenario::What;
use crate::cluster::store::{Involved, NodeId, PodId, occurrence};
use crate::cluster::trigger::{Change, Timer, Trigger};

/// The most containers' worth of Pods a node admits (the default `maxPods`).
pub const MAX_PODS: usize = 110;

/// What one kubelet decides about one trigger, with the world as it is.
pub struct Cx<'a> {
    /// The world.
    pub world: &'a World,
    /// The kubelet's node.
    pub node: NodeId,
    /// The kubelet.
    pub kubelet: &'a Kubelet,
    /// The instant.
    pub now: u64,
    /// The events decided.
    pub out: &'a mut Vec<Event>,
}

impl<'a> Cx<'a> {
    /// A change to the kubelet's records.
    pub fn change(&mut self, change: KubeletChange) {
        self.out.push(Event::Kubelet(self.node, change));
    }

    /// A change to the worker of `pod`.
    pub fn pod(&mut self, pod: PodId, change: PodChange) {
        self.change(KubeletChange::Pod(pod, change));
    }

    /// A change to container `index` of the worker of `pod`.
    pub fn container(&mut self, pod: PodId, index: usize, change: ContainerChange) {
        self.pod(pod, PodChange::Container(index, change));
    }

    /// A timer at `at` (none past the horizon: it would never fire).
    pub fn timer(&mut self, at: u64, timer: KubeletTimer) {
        if at <= self.world.horizon {
            self.out.push(Event::TimerSet(
                at,
                Timer::Kubelet {
                    node: self.node,
                    timer,
                },
            ));
        }
    }

    /// An Event about `pod` at `at`, from the kubelet; lost while the node is cut off.
    pub fn record(
        &mut self,
        pod: PodId,
        at: u64,
        kind: EventType,
        reason: &str,
        message: String,
        field_path: Option<&str>,
    ) {
        if self.kubelet.cut_off(at) {
            return;
        }
        let event = occurrence(
            self.world.wall(at),
            kind,
            reason,
            message,
            "kubelet",
            field_path.map(str::to_owned),
        );
        self.out.push(Event::Recorded(Involved::Pod(pod), event));
    }

    /// A note about `pod`.
    pub fn note(&mut self, pod: PodId, note: String) {
        self.pod(pod, PodChange::Note(note));
    }

    /// The worker of `pod`.
    pub fn worker(&self, pod: PodId) -> Option<&'a PodWorker> {
        self.kubelet.workers.get(&pod)
    }

    /// What the scenario makes go wrong for container `index` of `worker` from now on.
    pub fn faults(&self, worker: &PodWorker, index: usize) -> crate::cluster::Faults {
        let pod = if worker.mirror.is_some() {
            self.world.manifest.first().map_or("", |pod| pod.name())
        } else {
            worker.pod.name()
        };
        let container = worker
            .containers
            .get(index)
            .map_or("", |record| record.spec.name.as_str());
        self.world.faults_of(pod, container)
    }

    /// Where the containers of `worker` run.
    pub fn place(&self, worker: &'a PodWorker) -> Place<'a> {
        Place {
            scenario: &self.world.scenario,
            store: &self.world.store,
            node: &self.world.store.node(self.node).spec,
            pod_ip: worker.pod_ip.as_deref().unwrap_or_default(),
        }
    }
}

/// What the kubelet of `node` does about `trigger`.
pub fn decide(world: &World, node: NodeId, trigger: &Trigger, out: &mut Vec<Event>) {
    let Some(kubelet) = world.kubelets.get(node.0) else {
        return;
    };
    let mut cx = Cx {
        world,
        node,
        kubelet,
        now: world.now,
        out,
    };
    match trigger {
        Trigger::Watch(Change::PodBound(pod)) => bound(&mut cx, *pod),
        Trigger::Watch(Change::PodCreated(pod)) => created(&mut cx, *pod),
        Trigger::Watch(Change::PodDeleting(pod)) => deleting(&mut cx, *pod),
        Trigger::Watch(Change::PodUpdated(pod)) => updated(&mut cx, *pod),
        Trigger::Watch(Change::ServicesChanged) => volumes::services_changed(&mut cx),
        Trigger::Timer(Timer::Kubelet { node: of, timer }) if *of == node => {
            timer_fired(&mut cx, timer);
        }
        Trigger::Action(action) => {
            acted(&mut cx, action.pod.as_deref(), &action.what);
        }
        _ => {}
    }
}

/// A Pod of this kubelet was updated (`kubectl apply` of an edited manifest). A running
/// container whose image changed is killed and started again with the new one
/// (`computePodActions`: "Container app definition changed", whatever the restart policy); one
/// waiting to start (pulling, in a back-off) is started with the new one at once; one that is
/// done stays done.
fn updated(cx: &mut Cx<'_>, id: PodId) {
    let Some(worker) = cx.worker(id) else {
        return;
    };
    if worker.termination.is_some() || worker.mirror.is_some() {
        return;
    }
    let object = Arc::new(cx.world.store.pod(id).object().clone());
    cx.pod(id, PodChange::Updated(Arc::clone(&object)));
    add_ephemeral(cx, id, worker, &object);
    for (index, record) in worker.containers.iter().enumerate() {
        let list = if record.ephemeral {
            continue;
        } else if record.init {
            &object.spec.init_containers
        } else {
            &object.spec.containers
        };
        let Some(spec) = list.iter().find(|c| c.name == record.spec.name) else {
            continue;
        };
        if spec.image == record.spec.image {
            continue;
        }
        let running = record.live_run(cx.now).is_some();
        cx.container(
            id,
            index,
            ContainerChange::Redefined {
                at: cx.now,
                spec: Arc::new(spec.clone()),
                restart: running,
            },
        );
        if running {
            runtime::kill_to_restart(
                cx,
                id,
                index,
                format!(
                    "Container {} definition changed, will be restarted",
                    spec.name
                ),
                None,
            );
        } else if !record.done && record.first_turn.is_some() {
            turn(cx, id, index, cx.now);
        }
    }
}

/// The name of the node the kubelet runs on.
fn node_name<'a>(cx: &'a Cx<'_>) -> &'a str {
    &cx.world.store.node(cx.node).spec.name
}

/// A Pod the scheduler bound to this node.
fn bound(cx: &mut Cx<'_>, id: PodId) {
    let stored = cx.world.store.pod(id);
    if stored.object().spec.node_name.as_deref() != Some(node_name(cx))
        || cx.kubelet.workers.contains_key(&id)
    {
        return;
    }
    admit(cx, id, Arc::new(stored.object().clone()), None);
}

/// A Pod created with `spec.nodeName` already set: no scheduler places it, and the kubelet
/// admits it only if it fits (pkg/kubelet/lifecycle/predicate.go).
fn created(cx: &mut Cx<'_>, id: PodId) {
    let stored = cx.world.store.pod(id);
    if stored.object().spec.node_name.as_deref() != Some(node_name(cx))
        || static_pod::is_mirror(stored.object())
        || cx.kubelet.workers.contains_key(&id)
    {
        return;
    }
    if let Some((reason, message)) = rejection(cx, stored.object()) {
        cx.record(
            id,
            cx.now,
            EventType::Warning,
            reason,
            message.clone(),
            None,
        );
        let mut status = stored
            .object()
            .status
            .as_deref()
            .cloned()
            .unwrap_or_default();
        status.phase = Some("Failed".to_owned());
        status.reason = Some(reason.to_owned());
        status.message = Some(format!("Pod was rejected: {message}"));
        cx.out.push(Event::PodStatus {
            pod: id,
            status: Box::new(status),
        });
        return;
    }
    admit(cx, id, Arc::new(stored.object().clone()), None);
}

/// Why the kubelet refuses a Pod that names its node, if it does: the first resource the node
/// lacks (`OutOfcpu`, `OutOfmemory`, `OutOfpods`).
fn rejection(cx: &Cx<'_>, pod: &Pod) -> Option<(&'static str, String)> {
    let node = &cx.world.store.node(cx.node).spec;
    let others: Vec<&Pod> = cx
        .kubelet
        .workers
        .values()
        .filter(|worker| worker.termination.is_none() && worker.failed_at.is_none())
        .map(|worker| worker.pod.as_ref())
        .collect();
    if others.len() >= MAX_PODS {
        return Some((
            "OutOfpods",
            format!(
                "Node didn't have enough resource: pods, requested: 1, used: {}, capacity: {MAX_PODS}",
                others.len()
            ),
        ));
    }
    for (resource, reason, capacity) in [
        ("cpu", "OutOfcpu", node.cpu_millis),
        ("memory", "OutOfmemory", node.memory_bytes),
    ] {
        let requested = crate::cluster::scheduler::request(pod, resource);
        let used: i128 = others
            .iter()
            .map(|other| crate::cluster::scheduler::request(other, resource))
            .sum();
        if requested > 0 && used + requested > capacity {
            return Some((
                reason,
                format!(
                    "Node didn't have enough resource: {resource}, requested: {requested}, used: {used}, capacity: {capacity}"
                ),
            ));
        }
    }
    None
}

/// Starts a worker for the Pod `id`, as `pod` says: its sandbox comes up at the next relist.
fn admit(cx: &mut Cx<'_>, id: PodId, pod: Arc<Pod>, mirror: Option<MirrorState>) {
    let worker = new_worker(Arc::clone(&pod), cx.now, mirror);
    cx.change(KubeletChange::Admitted(id, Box::new(worker)));
    for note in scenario_notes(cx, &pod) {
        cx.note(id, note);
    }
    cx.timer(cx.now + PLEG_RELIST_MS, KubeletTimer::Sandbox(id));
}

/// What the scenario asks of the Pod that cannot happen: pushing a container past a memory
/// limit it does not have.
fn scenario_notes(cx: &Cx<'_>, pod: &Pod) -> Vec<String> {
    let name = if cx.world.scenario.static_pod {
        cx.world.manifest.first().map_or("", |first| first.name())
    } else {
        pod.name()
    };
    let mut notes = Vec::new();
    for action in cx.world.scenario.actions_in_order() {
        let What::ExceedMemory { container } = &action.what else {
            continue;
        };
        if cx.world.action_pod_name(action.pod.as_deref()) != Some(name) {
            continue;
        }
        let unlimited = pod
            .spec
            .init_containers
            .iter()
            .chain(&pod.spec.containers)
            .find(|c| &c.name == container)
            .is_some_and(|c| {
                c.resources
                    .as_ref()
                    .is_none_or(|r| !r.limits.contains_key("memory"))
            });
        if unlimited {
            notes.push(format!(
                "container {container} has no memory limit: growing past it is not possible, so exceedMemory does nothing (on a real node the Pod could be evicted under memory pressure instead)"
            ));
        }
    }
    notes
}

/// A worker for `pod`, bound at `now`.
fn new_worker(pod: Arc<Pod>, now: u64, mirror: Option<MirrorState>) -> PodWorker {
    let uid = crate::cluster::uid_of(&pod);
    let namespace = pod.metadata.namespace.as_deref().unwrap_or("default");
    let label = format!("{}_{namespace}({uid})", pod.name());
    let mut containers = Vec::new();
    for (init, list) in [
        (true, &pod.spec.init_containers),
        (false, &pod.spec.containers),
    ] {
        for container in list {
            let field = if init { "initContainers" } else { "containers" };
            let mut record = new_record(container.clone(), field);
            record.init = init;
            record.sidecar = init && container.is_sidecar();
            containers.push(record);
        }
    }
    PodWorker {
        init_count: pod.spec.init_containers.len(),
        uid,
        label,
        bound_at: now,
        sandbox: None,
        pod_ip: None,
        unmountable: None,
        containers,
        stage: Stage::Sandbox,
        initialized_at: None,
        failed_at: None,
        termination: None,
        sidecars_stop: None,
        finished: false,
        replays_left: [crate::cluster::kubelet::probes::MAX_EXEC_REPLAYS; 3],
        replays_ran_out: false,
        notes: Vec::new(),
        mirror,
        pod,
    }
}

/// A record for `container`, of the spec's list `field` (`containers`), not yet turned to.
fn new_record(container: Container, field: &str) -> ContainerRecord {
    let image = container.image.clone().unwrap_or_default();
    ContainerRecord {
        field_path: format!("spec.{field}{{{}}}", container.name),
        spec: Arc::new(container),
        init: false,
        sidecar: false,
        ephemeral: field == "ephemeralContainers",
        image_ids: crate::api::image_ref::ImageRef::parse(&image)
            .map(|reference| (reference.fully_qualified(), reference.image_id())),
        image,
        first_turn: None,
        runs: Vec::new(),
        backoffs: Vec::new(),
        pull_failures: Vec::new(),
        exits: 0,
        failed_pulls: 0,
        plans: Vec::new(),
        plan: None,
        config: None,
        usage: crate::cluster::simulation::Usage::default(),
        behaviour: None,
        probes: Default::default(),
        generation: 0,
        done: false,
        writes: Vec::new(),
        exec_writes: Vec::new(),
        execs: Vec::new(),
        redefined: false,
    }
}

/// The ephemeral containers `pod` has that `worker` has no record of: each gets one, and is
/// started at once when the sandbox is up (`computePodActions` starts an ephemeral container
/// even before the Pod is initialized) and the Pod still runs; one never starts again.
fn add_ephemeral(cx: &mut Cx<'_>, id: PodId, worker: &PodWorker, pod: &Pod) {
    let mut index = worker.containers.len();
    let runs = worker.sandbox.is_some()
        && worker.failed_at.is_none()
        && worker
            .containers
            .iter()
            .any(|record| !record.ephemeral && !record.done);
    for ephemeral in &pod.spec.ephemeral_containers {
        if worker
            .containers
            .iter()
            .any(|record| record.spec.name == ephemeral.name)
        {
            continue;
        }
        let record = new_record(ephemeral.as_container(), "ephemeralContainers");
        cx.pod(id, PodChange::Added(Box::new(record)));
        if runs {
            turn(cx, id, index, cx.now);
        }
        index += 1;
    }
}

/// The `index`-th Pod IP of the node: the scenario's `podIp` on the first node, and the same
/// host number in the next /24 on each other node; later Pods get the next addresses.
pub fn pod_ip(first: &str, node_index: usize, index: u32) -> String {
    let mut octets: Vec<u32> = first.split('.').filter_map(|o| o.parse().ok()).collect();
    if octets.len() != 4 {
        return first.to_owned();
    }
    octets[2] = (octets[2] + u32::try_from(node_index).unwrap_or(0)) % 256;
    let host = octets[3] + index;
    octets[3] = if host > 254 {
        2 + (host - 255) % 253
    } else {
        host
    };
    format!("{}.{}.{}.{}", octets[0], octets[1], octets[2], octets[3])
}

fn timer_fired(cx: &mut Cx<'_>, timer: &KubeletTimer) {
    match *timer {
        KubeletTimer::StaticFile => read_static_file(cx),
        KubeletTimer::Resync => resync(cx),
        KubeletTimer::Sandbox(pod) => sandbox(cx, pod),
        KubeletTimer::MountRetry { pod, delay_ms } => mount_retry(cx, pod, delay_ms),
        KubeletTimer::MountTimeout(pod) => mount_timeout(cx, pod),
        KubeletTimer::Turn {
            pod,
            container,
            generation,
        } => {
            let current = cx
                .worker(pod)
                .and_then(|w| w.containers.get(container))
                .is_some_and(|c| c.generation == generation);
            if current {
                runtime::start_attempt(cx, pod, container);
            }
        }
        KubeletTimer::NextApp(pod) => next_app(cx, pod),
        KubeletTimer::NextInit(pod) => next_init(cx, pod),
        KubeletTimer::Terminated(pod) => terminated(cx, pod),
        KubeletTimer::PullDone {
            pod,
            container,
            generation,
            ok,
            took_ms,
        } => runtime::pull_done(cx, pod, container, generation, ok, took_ms),
        KubeletTimer::PullBackOff {
            pod,
            container,
            generation,
            retry,
        } => runtime::pull_back_off(cx, pod, container, generation, retry),
        KubeletTimer::Shown {
            pod,
            container,
            run,
            failed,
        } => runtime::shown(cx, pod, container, run, failed),
        KubeletTimer::Exit {
            pod,
            container,
            run,
            plan_generation,
            code,
            oom,
        } => runtime::exit_timer(cx, pod, container, run, plan_generation, code, oom),
        KubeletTimer::Probe {
            pod,
            container,
            run,
            kind,
        } => runtime::probe(cx, pod, container, run, kind),
        KubeletTimer::CrashLoop {
            pod,
            container,
            run,
        } => runtime::crash_loop(cx, pod, container, run),
        KubeletTimer::StopSidecars(pod) => stop_sidecars(cx, pod),
        KubeletTimer::PreStopDone {
            pod,
            container,
            failed,
        } => {
            if failed && let Some(record) = cx.worker(pod).and_then(|w| w.containers.get(container))
            {
                let field = record.field_path.clone();
                cx.record(
                    pod,
                    cx.now,
                    EventType::Warning,
                    "FailedPreStopHook",
                    "PreStopHook failed".to_owned(),
                    Some(&field),
                );
            }
        }
        KubeletTimer::Volumes { pod, round } => volumes::changed(cx, pod, round),
        KubeletTimer::Mirror(pod) => mirror_timer(cx, pod),
    }
}

/// Back in touch: the kubelet stops the Pods whose deletion it missed while cut off.
fn resync(cx: &mut Cx<'_>) {
    let marked: Vec<(PodId, i64)> = cx
        .kubelet
        .workers
        .iter()
        .filter(|(_, worker)| worker.mirror.is_none() && worker.termination.is_none())
        .filter_map(|(id, _)| {
            let object = &cx.world.store.pod(*id).object();
            object.metadata.deletion_timestamp.as_ref()?;
            Some((
                *id,
                object.metadata.deletion_grace_period_seconds.unwrap_or(0),
            ))
        })
        .collect();
    for (id, grace) in marked {
        terminate(cx, id, grace, false);
    }
}

/// The kubelet reads the scenario's static Pod from its manifest directory: it runs its own
/// copy, without the scheduler, and creates the mirror Pod the API server shows.
fn read_static_file(cx: &mut Cx<'_>) {
    let Some(pod) = cx.world.manifest.first() else {
        return;
    };
    let node = &cx.world.store.node(cx.node);
    let copy = static_pod::from_file(pod, &node.spec, cx.world.wall(cx.now));
    let mirror = static_pod::mirror_pod(&copy, &node.spec, &node.uid, 0, cx.world.wall(cx.now));
    // The mirror is the next object the store creates.
    let id = PodId(cx.world.store.pods.len());
    cx.out.push(Event::PodCreated(Box::new(mirror)));
    admit(
        cx,
        id,
        Arc::new(copy),
        Some(MirrorState {
            current: Some(id),
            created: 1,
            synced: static_pod::first_sync(cx.now),
        }),
    );
}

/// The sandbox is due: it comes up with the Pod IP, unless a volume cannot be set up.
fn sandbox(cx: &mut Cx<'_>, id: PodId) {
    let Some(worker) = cx.worker(id) else {
        return;
    };
    if worker.termination.is_some() || worker.sandbox.is_some() {
        return;
    }
    if let Some((volume, error)) = config::unmountable_volume(&worker.pod, &cx.place(worker)) {
        let message = format!("MountVolume.SetUp failed for volume \"{volume}\" : {error}");
        cx.record(id, cx.now, EventType::Warning, "FailedMount", message, None);
        cx.pod(id, PodChange::Unmountable(volume, error));
        cx.pod(id, PodChange::Stage(Stage::Stuck));
        cx.timer(
            cx.now + 500,
            KubeletTimer::MountRetry {
                pod: id,
                delay_ms: 1_000,
            },
        );
        cx.timer(cx.now + MOUNT_TIMEOUT_MS, KubeletTimer::MountTimeout(id));
        return;
    }
    let ip = pod_ip(
        &cx.world.scenario.pod_ip,
        cx.world.store.node(cx.node).index,
        cx.kubelet.ips_given,
    );
    cx.change(KubeletChange::IpGiven);
    cx.pod(id, PodChange::Sandbox { at: cx.now, ip });
    for (index, record) in worker.containers.iter().enumerate() {
        if record.ephemeral {
            turn(cx, id, index, cx.now);
        }
    }
    if worker.init_count > 0 {
        cx.pod(id, PodChange::Stage(Stage::Init(0)));
        turn(cx, id, 0, cx.now);
    } else {
        cx.pod(id, PodChange::Initialized(cx.now));
        cx.pod(id, PodChange::Stage(Stage::Apps(0)));
        cx.timer(cx.now, KubeletTimer::NextApp(id));
    }
}

/// The pod worker gives up waiting for its volumes for now, every two minutes.
pub const MOUNT_TIMEOUT_MS: u64 = 120_000;
/// The volume manager's longest wait between two tries (`2m2s`).
const MOUNT_RETRY_MAX_MS: u64 = 122_000;

/// The volume manager tries the volume again: `FailedMount` after 0.5 s doubling to 2m2s.
fn mount_retry(cx: &mut Cx<'_>, id: PodId, delay_ms: u64) {
    let Some(worker) = cx.worker(id) else {
        return;
    };
    let Some((volume, error)) = worker.unmountable.clone() else {
        return;
    };
    if worker.termination.is_some() {
        return;
    }
    let message = format!("MountVolume.SetUp failed for volume \"{volume}\" : {error}");
    cx.record(id, cx.now, EventType::Warning, "FailedMount", message, None);
    cx.timer(
        cx.now + delay_ms,
        KubeletTimer::MountRetry {
            pod: id,
            delay_ms: (delay_ms * 2).min(MOUNT_RETRY_MAX_MS),
        },
    );
}

/// The pod worker's time-out waiting for the volumes.
fn mount_timeout(cx: &mut Cx<'_>, id: PodId) {
    let Some(worker) = cx.worker(id) else {
        return;
    };
    let Some((volume, _)) = worker.unmountable.clone() else {
        return;
    };
    if worker.termination.is_some() {
        return;
    }
    let volumes: Vec<&str> = worker
        .pod
        .spec
        .volumes
        .iter()
        .map(|v| v.name.as_str())
        .collect();
    let message = format!(
        "Unable to attach or mount volumes: unmounted volumes=[{volume}], unattached volumes=[{}]: timed out waiting for the condition",
        volumes.join(" ")
    );
    cx.record(id, cx.now, EventType::Warning, "FailedMount", message, None);
    cx.timer(cx.now + MOUNT_TIMEOUT_MS, KubeletTimer::MountTimeout(id));
}

/// A start attempt of container `index` at `at`, once what is decided now is recorded.
pub fn turn(cx: &mut Cx<'_>, id: PodId, index: usize, at: u64) {
    let generation = cx
        .worker(id)
        .and_then(|w| w.containers.get(index))
        .map_or(0, |c| c.generation);
    cx.timer(
        at,
        KubeletTimer::Turn {
            pod: id,
            container: index,
            generation,
        },
    );
}

/// The next init container's turn, or the app containers'.
fn next_init(cx: &mut Cx<'_>, id: PodId) {
    let Some(worker) = cx.worker(id) else {
        return;
    };
    let Stage::InitDone(index) = worker.stage else {
        return;
    };
    if worker.termination.is_some() {
        return;
    }
    if index + 1 < worker.init_count {
        cx.pod(id, PodChange::Stage(Stage::Init(index + 1)));
        turn(cx, id, index + 1, cx.now);
    } else {
        let first_app = worker.init_count;
        cx.pod(id, PodChange::Initialized(cx.now));
        cx.pod(id, PodChange::Stage(Stage::Apps(first_app)));
        cx.timer(cx.now, KubeletTimer::NextApp(id));
    }
}

/// Starts the next app container of the sequence: each waits until the one before it has
/// started (its postStart hook done) or failed to.
fn next_app(cx: &mut Cx<'_>, id: PodId) {
    let Some(worker) = cx.worker(id) else {
        return;
    };
    let Stage::Apps(index) = worker.stage else {
        return;
    };
    if worker.termination.is_some() {
        return;
    }
    match worker.containers.get(index) {
        None => cx.pod(id, PodChange::Stage(Stage::Started)),
        Some(record) if record.ephemeral => cx.pod(id, PodChange::Stage(Stage::Started)),
        Some(record) if record.first_turn.is_none() => runtime::start_attempt(cx, id, index),
        Some(_) => {}
    }
}

/// The start attempt of container `index` resolved (it started, or failed to): the app
/// containers' sequence goes on.
pub fn resolved(cx: &mut Cx<'_>, id: PodId, index: usize) {
    let Some(worker) = cx.worker(id) else {
        return;
    };
    if worker.stage == Stage::Apps(index) {
        cx.pod(id, PodChange::Stage(Stage::Apps(index + 1)));
        cx.timer(cx.now, KubeletTimer::NextApp(id));
    }
}

/// Init container `index` is done (a regular one exited 0, a sidecar started): the next one's
/// turn comes at the kubelet's next sync, `at`.
pub fn init_done(cx: &mut Cx<'_>, id: PodId, index: usize, at: u64) {
    let Some(worker) = cx.worker(id) else {
        return;
    };
    if worker.stage == Stage::Init(index) {
        cx.pod(id, PodChange::Stage(Stage::InitDone(index)));
        cx.timer(at, KubeletTimer::NextInit(id));
    }
}

/// The Pod was marked for deletion: its kubelet stops it (once it hears of it). A static Pod's
/// mirror is deleted for good and created again instead.
fn deleting(cx: &mut Cx<'_>, id: PodId) {
    if cx.kubelet.cut_off(cx.now) {
        return;
    }
    if let Some((worker_id, _)) = mirror_worker(cx, id) {
        cx.timer(
            cx.now + static_pod::MIRROR_RECREATE_MS,
            KubeletTimer::Mirror(worker_id),
        );
        return;
    }
    if cx.worker(id).is_none() {
        return;
    }
    let object = cx.world.store.pod(id).object();
    let grace = object
        .metadata
        .deletion_grace_period_seconds
        .unwrap_or_else(|| pod_grace_seconds(object));
    terminate(cx, id, grace, false);
}

/// The worker whose current mirror is `mirror`, if `mirror` is one.
fn mirror_worker<'a>(cx: &'a Cx<'_>, mirror: PodId) -> Option<(PodId, &'a PodWorker)> {
    cx.kubelet
        .workers
        .iter()
        .find(|(_, worker)| worker.mirror.is_some_and(|m| m.current == Some(mirror)))
        .map(|(id, worker)| (*id, worker))
}

/// A static Pod's mirror: one marked for deletion goes for good and the next is created; a new
/// mirror gets the kubelet's status at the status manager's next periodic sync.
fn mirror_timer(cx: &mut Cx<'_>, id: PodId) {
    let Some(worker) = cx.worker(id) else {
        return;
    };
    let Some(mirror) = worker.mirror else {
        return;
    };
    let Some(current) = mirror.current else {
        return;
    };
    // The status manager's periodic sync reaches the mirror.
    cx.pod(id, PodChange::Resync);
    let marked = cx
        .world
        .store
        .pod(current)
        .object()
        .metadata
        .deletion_timestamp
        .is_some();
    if !marked || worker.termination.is_some() {
        return;
    }
    cx.out.push(Event::PodRemoved(current));
    let node = cx.world.store.node(cx.node);
    let created = cx.world.wall(cx.now);
    let next = static_pod::mirror_pod(&worker.pod, &node.spec, &node.uid, mirror.created, created);
    let next_id = PodId(cx.world.store.pods.len());
    cx.out.push(Event::PodCreated(Box::new(next)));
    let synced = static_pod::first_sync(cx.now);
    cx.pod(
        id,
        PodChange::Mirror(MirrorState {
            current: Some(next_id),
            created: mirror.created + 1,
            synced,
        }),
    );
    cx.timer(synced, KubeletTimer::Mirror(id));
}

/// The kubelet stops the Pod `id` with `grace` seconds: the app containers (and a running
/// regular init container) first, then the sidecars in reverse order; nothing starts again.
pub fn terminate(cx: &mut Cx<'_>, id: PodId, grace_seconds: i64, file_removed: bool) {
    let Some(worker) = cx.worker(id) else {
        return;
    };
    if worker.termination.is_some() {
        return;
    }
    let now = cx.now;
    cx.pod(
        id,
        PodChange::Terminating(Termination {
            seen: now,
            grace_seconds: grace_seconds.max(0),
            file_removed,
        }),
    );
    let containers = worker.containers.clone();
    for (index, record) in containers.iter().enumerate() {
        cx.container(id, index, ContainerChange::CallOff);
        cx.container(id, index, ContainerChange::BackOffEnded(now));
        if record.live_run(now).is_some() {
            cx.container(id, index, ContainerChange::Unready(now));
        }
    }
    let mains_running = containers
        .iter()
        .enumerate()
        .filter(|(_, record)| !record.sidecar && record.live_run(now).is_some())
        .map(|(index, _)| index)
        .collect::<Vec<_>>();
    for index in &mains_running {
        runtime::stop(cx, id, *index, grace_seconds, true);
    }
    if mains_running.is_empty() {
        stop_sidecars_now(cx, id, grace_seconds, &containers);
        let any_sidecar_running = containers
            .iter()
            .any(|record| record.sidecar && record.live_run(now).is_some());
        if !any_sidecar_running {
            cx.timer(
                now.saturating_add(STOPPED_POD_TERMINATION_MS),
                KubeletTimer::Terminated(id),
            );
        }
    }
}

/// The termination of a Pod that had nothing running is done.
fn terminated(cx: &mut Cx<'_>, id: PodId) {
    if cx.worker(id).is_some_and(|worker| !worker.finished) {
        cx.pod(id, PodChange::Finished);
    }
}

/// Stops every sidecar with a live run at once, last first (once the app containers are done).
fn stop_sidecars_now(
    cx: &mut Cx<'_>,
    id: PodId,
    grace_seconds: i64,
    containers: &[ContainerRecord],
) {
    for (index, record) in containers.iter().enumerate().rev() {
        if record.sidecar && record.live_run(cx.now).is_some() {
            runtime::stop(cx, id, index, grace_seconds, true);
        }
    }
}

/// A container of a terminating Pod exited: once the app containers are all done the sidecars
/// stop, and once everything is done the Pod object can go.
pub fn terminating_exit(cx: &mut Cx<'_>, id: PodId, exited: usize) {
    let Some(worker) = cx.worker(id) else {
        return;
    };
    let Some(termination) = worker.termination else {
        return;
    };
    let now = cx.now;
    let live =
        |index: usize, record: &ContainerRecord| index != exited && record.live_run(now).is_some();
    let mains_live = worker
        .containers
        .iter()
        .enumerate()
        .any(|(index, record)| !record.sidecar && live(index, record));
    let sidecars_live = worker
        .containers
        .iter()
        .enumerate()
        .any(|(index, record)| record.sidecar && live(index, record));
    let exited_main = worker.containers.get(exited).is_some_and(|r| !r.sidecar);
    if exited_main && !mains_live && sidecars_live {
        let containers = worker.containers.clone();
        stop_sidecars_now(cx, id, termination.grace_seconds, &containers);
    }
    if !mains_live && !sidecars_live {
        cx.pod(id, PodChange::Finished);
    }
}

/// Once every app container of a Pod that does not restart them is done, the kubelet stops the
/// sidecars (KEP-753), the last one first, each once the one after it has exited.
fn stop_sidecars(cx: &mut Cx<'_>, id: PodId) {
    let Some(worker) = cx.worker(id) else {
        return;
    };
    if worker.termination.is_some() || worker.sidecars_stop.is_some() {
        return;
    }
    cx.pod(id, PodChange::SidecarsStop(cx.now));
    let containers = worker.containers.clone();
    for (index, record) in containers.iter().enumerate() {
        if record.sidecar {
            cx.container(id, index, ContainerChange::CallOff);
            cx.container(id, index, ContainerChange::Done);
        }
    }
    stop_next_sidecar(cx, id, containers.len(), &containers);
}

/// Stops the last sidecar before `before` that runs; the ones before it wait for it.
pub fn stop_next_sidecar(
    cx: &mut Cx<'_>,
    id: PodId,
    before: usize,
    containers: &[ContainerRecord],
) {
    let Some(grace) = cx.worker(id).map(|w| pod_grace_seconds(&w.pod)) else {
        return;
    };
    for index in (0..before.min(containers.len())).rev() {
        let record = &containers[index];
        if record.sidecar && record.live_run(cx.now).is_some() {
            runtime::stop(cx, id, index, grace, false);
            return;
        }
    }
}

/// The scenario's actions the kubelet carries out: faults in a container, the node's loss and
/// return, and a static Pod's file removed.
fn acted(cx: &mut Cx<'_>, pod: Option<&str>, what: &What) {
    match what {
        What::LoseNode { node } => {
            if cx.world.action_node(node.as_deref()) == Some(cx.node)
                && cx.kubelet.cut_off_since.is_none()
            {
                cx.change(KubeletChange::CutOff(Some(cx.now)));
            }
        }
        What::RestoreNode { node } => {
            if cx.world.action_node(node.as_deref()) == Some(cx.node)
                && cx.kubelet.cut_off_since.is_some()
            {
                cx.change(KubeletChange::CutOff(None));
                cx.timer(cx.now, KubeletTimer::Resync);
            }
        }
        What::RemoveStaticManifest => {
            let static_worker = cx
                .kubelet
                .workers
                .iter()
                .find(|(_, worker)| worker.mirror.is_some())
                .map(|(id, worker)| (*id, pod_grace_seconds(&worker.pod)));
            if let Some((id, grace)) = static_worker {
                terminate(cx, id, grace, true);
            }
        }
        _ => runtime::fault(cx, pod, what),
    }
}
