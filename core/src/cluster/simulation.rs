//! What a run of the cluster leaves for the views: a [`Simulation`] per Pod object — its
//! versions as a watch saw them, its Events, its containers' logs and runs, what they use, and
//! what the simulator assumed — on the object's own clock (instant 0 is its creation).
//! [`observe`] is what `kubectl get` and `describe` see of each Pod of a manifest at an instant.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::api::v1::{Container, Pod};
use crate::api::workloads::Workload;
use crate::base::time::VirtualTime;
use crate::base::timestamp::Timestamp;
use crate::cluster::events::{Event, EventLog};
use crate::cluster::kubelet::static_pod::CONFIG_MIRROR;
use crate::cluster::kubelet::{ContainerRecord, PodWorker, RunPlan, Surroundings, probes};

use crate::cluster::scenario::Scenario;
use crate::cluster::store::{Involved, PodId, Snapshot};
use crate::cluster::stored_workload::StoredWorkload;
use crate::cluster::{MAX_CONTAINERS, Run, World, run_manifest};
pub use crate::runtime::exec::{ExecEnd, ExecRun};
use crate::runtime::{exec, images};

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

pub use crate::cluster::kubelet::exec::Around;

/// One container's runs and what they ran, to look inside it at any instant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContainerRuns {
    /// The container.
    pub container: Container,
    /// Each run's start and, if it ended, its end.
    pub runs: Vec<(VirtualTime, Option<VirtualTime>)>,
    /// The program of the runs from an index on, with what they found around them.
    plans: Vec<(usize, Arc<RunPlan>, Arc<Surroundings>)>,
    /// What its runs wrote to shared volumes (paths as it sees them).
    writes: Vec<String>,
}

impl ContainerRuns {
    /// The container's files at `at` (paths to contents), as its current run (or its last one)
    /// left them: its own writes, its volumes, others' writes to shared volumes. `None` before it
    /// first started.
    pub fn files_at(&self, pod_name: &str, at: VirtualTime) -> Option<BTreeMap<String, String>> {
        let (started, ended, plan, surroundings) = self.run_at(at)?;
        let until = ended.map_or(at, |ended| ended.min(at));
        let offset = until.as_millis().saturating_sub(started.as_millis());
        let host = plan.host_at(&self.container, pod_name, surroundings, offset);
        Some(host.files)
    }

    /// Runs `command` in the run going at `at` of this container of `pod` (`kubectl exec`):
    /// against its files, volumes and clock then, the kubelet's `/etc/hosts`,
    /// `/etc/resolv.conf` and `/etc/hostname`, with the environment it was started with and the
    /// runtime's; `id` names the exec. What the command changes is not kept. `None` when the
    /// container is not running at `at`.
    pub fn exec_at(
        &self,
        pod: &Pod,
        at: VirtualTime,
        command: &[String],
        id: &str,
        around: &Around,
    ) -> Option<ExecRun> {
        let (started, ended, plan, surroundings) = self.run_at(at)?;
        if ended.is_some_and(|ended| ended <= at) {
            return None;
        }
        let offset = at.as_millis().saturating_sub(started.as_millis());
        let (run, _) = crate::cluster::kubelet::exec::run_exec(
            &self.container,
            pod,
            plan,
            surroundings,
            offset,
            command,
            id,
            around,
        );
        Some(run)
    }

    /// True when a run of the container is going at `at`.
    pub fn is_running(&self, at: VirtualTime) -> bool {
        self.run_at(at)
            .is_some_and(|(_, ended, _, _)| ended.is_none_or(|ended| ended > at))
    }

    /// What the container serves on its ports at `at`, when it is running a server whose
    /// page the playground knows (nginx: its html directory as the container sees it then).
    pub fn served_at(&self, pod_name: &str, at: VirtualTime) -> Vec<(u16, String)> {
        let Some((_, ended, plan, _)) = self.run_at(at) else {
            return Vec::new();
        };
        if ended.is_some_and(|ended| ended <= at) || plan.listening().is_empty() {
            return Vec::new();
        }
        let image = self.container.image.as_deref().unwrap_or_default();
        let files = self.files_at(pod_name, at).unwrap_or_default();
        let Some(page) = images::served_page(image, &files) else {
            return Vec::new();
        };
        plan.listening()
            .iter()
            .map(|port| (*port, page.clone()))
            .collect()
    }

    /// The last run started by `at`: its start, its end if it ended, its program and what it
    /// found around it.
    fn run_at(
        &self,
        at: VirtualTime,
    ) -> Option<(VirtualTime, Option<VirtualTime>, &RunPlan, &Surroundings)> {
        let index = self.runs.iter().rposition(|(started, _)| *started <= at)?;
        let (started, ended) = self.runs[index];
        let (_, plan, surroundings) = self
            .plans
            .iter()
            .rev()
            .find(|(from, _, _)| *from <= index)?;
        Some((started, ended, plan, surroundings))
    }

    /// The paths in shared volumes that any run of the container wrote, as it sees them.
    pub fn shared_writes(&self) -> impl Iterator<Item = &str> {
        self.writes.iter().map(String::as_str)
    }
}

/// One Pod object's life in the cluster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Simulation {
    /// A version at every change, in time order (the first at 0).
    pub snapshots: Vec<Snapshot>,
    /// The Events about it.
    pub events: EventLog,
    /// Each container's log lines, by container name.
    pub logs: BTreeMap<String, Vec<LogLine>>,
    /// What the simulator assumed.
    pub notes: Vec<String>,
    /// The wall-clock time of instant 0 (its creation).
    pub start: Timestamp,
    /// When the API server removed the object, if it did.
    pub deleted_at: Option<VirtualTime>,
    /// What each container uses while it runs, by container name.
    pub usage: BTreeMap<String, Usage>,
    /// Each container's runs, by container name (`files_at` looks inside).
    pub containers: BTreeMap<String, ContainerRuns>,
    /// The scenario's execs that ran in it, in time order: (instant, container, command).
    pub execs: Vec<(VirtualTime, String, Vec<String>)>,
}

impl Simulation {
    /// The version in force at `at` (the last one at or before it).
    pub fn at(&self, at: VirtualTime) -> Option<&Snapshot> {
        let index = self.snapshots.partition_point(|snapshot| snapshot.at <= at);
        self.snapshots.get(index.saturating_sub(1))
    }

    /// What the Pod's running containers serve at `at`, by port.
    pub fn served_at(&self, pod_name: &str, at: VirtualTime) -> BTreeMap<u16, String> {
        self.containers
            .values()
            .flat_map(|runs| runs.served_at(pod_name, at))
            .collect()
    }

    /// Runs `command` in the container `container` of `pod` at `at` (`kubectl exec`; see
    /// [`ContainerRuns::exec_at`]), with what each of the Pod's running containers serves on
    /// localhost then, and `peers`, the cluster's other Pods by IP with what they serve.
    /// `None` when that container is not running at `at`. `shown` are the exec's own
    /// processes as `ps` lists them.
    #[allow(clippy::too_many_arguments)]
    pub fn exec_at(
        &self,
        pod: &Pod,
        container: &str,
        at: VirtualTime,
        command: &[String],
        shown: &[String],
        id: &str,
        peers: &BTreeMap<String, BTreeMap<u16, String>>,
    ) -> Option<ExecRun> {
        let around = Around {
            servers: self.served_at(pod.name(), at),
            processes: self.processes_for_exec(pod, container, at, shown),
            peers: peers.clone(),
        };
        self.containers
            .get(container)?
            .exec_at(pod, at, command, id, &around)
    }

    /// The processes an exec in `container` sees ([`exec::pod_processes`]).
    fn processes_for_exec(
        &self,
        pod: &Pod,
        container: &str,
        at: VirtualTime,
        shown: &[String],
    ) -> Vec<exec::Process> {
        let ephemeral: Vec<(crate::api::v1::Container, Option<&str>)> = pod
            .spec
            .ephemeral_containers
            .iter()
            .map(|each| (each.as_container(), each.target_container_name.as_deref()))
            .collect();
        let containers: Vec<exec::ContainerProcess<'_>> = pod
            .spec
            .containers
            .iter()
            .map(|spec| (spec, None))
            .chain(ephemeral.iter().map(|(spec, target)| (spec, *target)))
            .map(|(spec, target)| exec::ContainerProcess {
                name: &spec.name,
                image: spec.image.as_deref().unwrap_or_default(),
                argv: [spec.command.clone(), spec.args.clone()].concat(),
                running: self
                    .containers
                    .get(&spec.name)
                    .is_some_and(|runs| runs.is_running(at)),
                target,
            })
            .collect();
        let shared = pod.spec.share_process_namespace == Some(true);
        exec::pod_processes(&containers, container, shared, shown)
    }

    /// The wall-clock time of `at`.
    pub fn wall(&self, at: VirtualTime) -> Timestamp {
        self.start
            .plus_millis(i64::try_from(at.as_millis()).unwrap_or(i64::MAX))
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
}

/// Simulates `pod` (accepted and defaulted) in `scenario`, on the scenario's cluster: the
/// first object of that name. A static Pod ([`Scenario::static_pod`]) runs as the kubelet's copy
/// of the file, and its versions are its mirror Pods'.
pub fn simulate(pod: &Pod, scenario: &Scenario) -> Simulation {
    simulate_all(pod, scenario)
        .into_iter()
        .next()
        .unwrap_or_else(|| empty(scenario, Vec::new()))
}

/// Simulates every Pod object of `pod`'s name the scenario creates: the first, and after each
/// deletion, the one a later `applyPod` creates (a new UID and the next IP). Each simulation's
/// instant 0 is its own creation; `Simulation::start` places it on the wall clock.
pub fn simulate_all(pod: &Pod, scenario: &Scenario) -> Vec<Simulation> {
    simulate_pods(std::slice::from_ref(pod), scenario)
        .into_iter()
        .next()
        .map(|(_, simulations)| simulations)
        .unwrap_or_default()
}

/// Simulates the Pods of a manifest together on the scenario's cluster: for each, by name and in
/// the manifest's order, every object of that name.
pub fn simulate_pods(pods: &[Pod], scenario: &Scenario) -> Vec<(String, Vec<Simulation>)> {
    simulate_manifest(pods, &[], scenario).pods
}

/// What a manifest's run on the cluster leaves for the views.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManifestRun {
    /// For each Pod of the manifest, by name and in the manifest's order, every object of that
    /// name.
    pub pods: Vec<(String, Vec<Simulation>)>,
    /// Every Pod object a controller created, in creation order.
    pub controlled: Vec<Simulation>,
    /// Every workload object (the manifest's, and those the controllers created), with its
    /// versions.
    pub workloads: Vec<StoredWorkload>,
    /// The Events about each workload object, by its place in `workloads`.
    pub workload_events: Vec<EventLog>,
    /// The Node objects, with the history of their health.
    pub nodes: Vec<crate::cluster::store::StoredNode>,
    /// The Events about each Node, by its place in `nodes`.
    pub node_events: Vec<EventLog>,
    /// The Services, ConfigMaps, Secrets and PersistentVolumeClaims.
    pub objects: Vec<crate::cluster::store::StoredObject>,
    /// kubectl's answer to each `kubectl apply` of an edited manifest, at its instant.
    pub applied: Vec<(VirtualTime, String)>,
}

/// Simulates the Pods and the workloads of a manifest together on the scenario's cluster.
pub fn simulate_manifest(pods: &[Pod], workloads: &[Workload], scenario: &Scenario) -> ManifestRun {
    let mut run = run_manifest(pods, workloads, scenario);
    // Each object's versions move into its simulation.
    let keys: Vec<ObjectKey> = run
        .world
        .store
        .pods
        .iter()
        .map(|stored| ObjectKey {
            name: stored.object().name().to_owned(),
            mirror_of: stored
                .object()
                .metadata
                .annotations
                .get(CONFIG_MIRROR)
                .cloned(),
            controlled: crate::cluster::controllers::controller_of(stored.object()).is_some(),
        })
        .collect();
    let mut outputs = Outputs::take(&mut run.world);
    let mut manifest_pods: Vec<(String, Vec<Simulation>)> = pods
        .iter()
        .enumerate()
        .map(|(index, pod)| {
            let objects = objects_of(&run, &keys, &mut outputs, index, pod);
            (pod.name().to_owned(), objects)
        })
        .collect();
    // The Pods an edited manifest's `kubectl apply` created under new names follow, in the
    // order they were created.
    for key in &keys {
        if key.controlled
            || key.mirror_of.is_some()
            || manifest_pods.iter().any(|(name, _)| *name == key.name)
        {
            continue;
        }
        // Its objects were created with at most the containers the playground runs.
        let mut pod = Pod::default();
        pod.metadata.name = Some(key.name.clone());
        let objects = objects_of(&run, &keys, &mut outputs, usize::MAX, &pod);
        manifest_pods.push((key.name.clone(), objects));
    }
    let controlled = keys
        .iter()
        .enumerate()
        .filter(|(_, key)| key.controlled)
        .map(|(id, _)| simulation(&run.world, &mut outputs, &[PodId(id)], PodId(id)))
        .collect();
    ManifestRun {
        pods: manifest_pods,
        controlled,
        workloads: std::mem::take(&mut run.world.store.workloads),
        workload_events: outputs.workload_events,
        node_events: outputs.node_events,
        nodes: std::mem::take(&mut run.world.store.nodes),
        objects: std::mem::take(&mut run.world.store.objects),
        applied: std::mem::take(&mut run.world.applied)
            .into_iter()
            .map(|(at, said)| (VirtualTime::from_millis(at), said))
            .collect(),
    }
}

/// What moves out of the store into the simulations, by Pod object: its versions, and the
/// Events about it with their place in the order recorded.
struct Outputs {
    /// Each object's versions.
    versions: Vec<Vec<Snapshot>>,
    /// The Events about each object.
    events: Vec<Vec<(usize, Event)>>,
    /// The Events about each workload object.
    workload_events: Vec<EventLog>,
    /// The Events about each Node.
    node_events: Vec<EventLog>,
}

impl Outputs {
    /// Moves the versions and Events out of `world`'s store.
    fn take(world: &mut World) -> Outputs {
        let versions = world.store.take_histories();
        let mut events: Vec<Vec<(usize, Event)>> = vec![Vec::new(); versions.len()];
        let mut workload_events = vec![EventLog::default(); world.store.workloads.len()];
        let mut node_events = vec![EventLog::default(); world.store.nodes.len()];
        for (order, stored) in std::mem::take(&mut world.store.events)
            .into_iter()
            .enumerate()
        {
            match stored.involved {
                Involved::Pod(id) => {
                    if let Some(about) = events.get_mut(id.0) {
                        about.push((order, stored.event));
                    }
                }
                Involved::Workload(id) => {
                    if let Some(about) = workload_events.get_mut(id.0) {
                        about.push(stored.event);
                    }
                }
                Involved::Node(id) => {
                    if let Some(about) = node_events.get_mut(id.0) {
                        about.push(stored.event);
                    }
                }
            }
        }
        Outputs {
            versions,
            events,
            workload_events,
            node_events,
        }
    }
}

/// What the simulations read of a Pod object once its versions moved out of the store.
struct ObjectKey {
    /// Its name.
    name: String,
    /// For a static Pod's objects, the hash of its file (its `kubernetes.io/config.mirror`).
    mirror_of: Option<String>,
    /// True for an object a controller created.
    controlled: bool,
}

/// The simulations of the objects of manifest Pod `index`, with their versions from
/// `histories` (by object).
fn objects_of(
    run: &Run,
    keys: &[ObjectKey],
    outputs: &mut Outputs,
    index: usize,
    pod: &Pod,
) -> Vec<Simulation> {
    let world = &run.world;
    let count = pod.spec.containers.len() + pod.spec.init_containers.len();
    if count > MAX_CONTAINERS {
        return vec![empty(
            &world.scenario,
            vec![format!(
                "the Pod has {count} containers; the playground simulates Pods of up to {MAX_CONTAINERS}"
            )],
        )];
    }
    if index == 0 && world.scenario.static_pod {
        return static_simulation(world, keys, outputs)
            .into_iter()
            .collect();
    }
    keys.iter()
        .enumerate()
        .filter(|(_, key)| key.name == pod.name() && key.mirror_of.is_none() && !key.controlled)
        .map(|(id, _)| simulation(world, outputs, &[PodId(id)], PodId(id)))
        .collect()
}

/// A simulation with nothing in it but notes.
fn empty(scenario: &Scenario, notes: Vec<String>) -> Simulation {
    Simulation {
        snapshots: Vec::new(),
        events: EventLog::default(),
        logs: BTreeMap::new(),
        notes,
        start: scenario.start,
        deleted_at: None,
        usage: BTreeMap::new(),
        containers: BTreeMap::new(),
        execs: Vec::new(),
    }
}

/// A static Pod's simulation: its mirrors, one after the other.
fn static_simulation(
    world: &World,
    keys: &[ObjectKey],
    outputs: &mut Outputs,
) -> Option<Simulation> {
    let (worker_id, _) = world
        .kubelets
        .iter()
        .flat_map(|kubelet| kubelet.workers.iter())
        .find(|(_, worker)| worker.mirror.is_some())?;
    let hash = keys.get(worker_id.0)?.mirror_of.as_ref()?;
    let mirrors: Vec<PodId> = keys
        .iter()
        .enumerate()
        .filter(|(_, key)| key.mirror_of.as_ref() == Some(hash))
        .map(|(index, _)| PodId(index))
        .collect();
    Some(simulation(world, outputs, &mirrors, *worker_id))
}

/// The simulation of the objects `ids` (one, or a static Pod's mirrors in turn), whose kubelet
/// worker is `worker_id`'s.
fn simulation(world: &World, outputs: &mut Outputs, ids: &[PodId], worker_id: PodId) -> Simulation {
    let first = world.store.pod(ids[0]);
    let created = first.created;
    let shift = |at: u64| VirtualTime::from_millis(at.saturating_sub(created));
    let mut versions: Vec<Snapshot> = Vec::new();
    for id in ids {
        versions.append(&mut std::mem::take(&mut outputs.versions[id.0]));
    }
    if ids.len() > 1 {
        crate::base::sorting::sort_by_key(&mut versions, |snapshot| snapshot.at);
    }
    let mut snapshots: Vec<Snapshot> = Vec::with_capacity(versions.len());
    for mut version in versions {
        version.at = shift(version.at.as_millis());
        // At one instant, the newest object is the one the API server shows.
        if snapshots.last().is_some_and(|last| last.at == version.at) {
            snapshots.pop();
        }
        snapshots.push(version);
    }
    let mut occurrences: Vec<(usize, Event)> = Vec::new();
    for id in ids
        .iter()
        .chain((!ids.contains(&worker_id)).then_some(&worker_id))
    {
        occurrences.append(&mut std::mem::take(&mut outputs.events[id.0]));
    }
    occurrences.sort_unstable_by_key(|(order, _)| *order);
    let mut events = EventLog::default();
    for (_, event) in occurrences {
        events.push(event);
    }
    let last = ids.last().map(|id| world.store.pod(*id));
    let deleted_at = last
        .and_then(|stored| stored.removed)
        .filter(|_| ids.len() == 1 || worker(world, worker_id).is_some_and(|w| w.finished))
        .map(shift);
    let mut notes: Vec<String> = world
        .notes
        .iter()
        .filter(|(pod, _)| pod.is_some_and(|pod| ids.contains(&pod)))
        .map(|(_, note)| note.clone())
        .collect();
    let mut simulation = Simulation {
        snapshots,
        events,
        logs: BTreeMap::new(),
        notes: Vec::new(),
        start: world.wall(created),
        deleted_at,
        usage: BTreeMap::new(),
        containers: BTreeMap::new(),
        execs: Vec::new(),
    };
    if let Some(worker) = worker(world, worker_id) {
        notes.extend(worker.notes.iter().cloned());
        if worker.replays_ran_out {
            notes.push(format!(
                "exec probes were checked more than {} times: later checks repeat each probe's last result (each check replays the container's script from its start)",
                probes::MAX_EXEC_REPLAYS
            ));
        }
        for record in &worker.containers {
            if record.first_turn.is_none() {
                continue;
            }
            let name = record.spec.name.clone();
            simulation.usage.insert(name.clone(), record.usage);
            let lines = logs(record, world.horizon, created);
            if !lines.is_empty() || !record.runs.is_empty() {
                simulation.logs.insert(name.clone(), lines);
            }
            for (at, command) in &record.execs {
                simulation.execs.push((
                    VirtualTime::from_millis(at.saturating_sub(created)),
                    record.spec.name.clone(),
                    command.clone(),
                ));
            }
            simulation
                .containers
                .insert(name, container_runs(worker, record, created));
        }
        crate::base::sorting::sort_by_key(&mut simulation.execs, |(at, _, _)| *at);
    }
    notes.sort();
    notes.dedup();
    simulation.notes = notes;
    simulation
}

/// The kubelet worker of the Pod object `id`, on whichever node it ran.
fn worker(world: &World, id: PodId) -> Option<&PodWorker> {
    world
        .kubelets
        .iter()
        .find_map(|kubelet| kubelet.workers.get(&id))
}

/// The plan of run `index` of `record`.
fn plan_of(
    record: &ContainerRecord,
    index: usize,
) -> Option<&(usize, Arc<RunPlan>, Arc<Surroundings>)> {
    record
        .plans
        .iter()
        .rev()
        .find(|(from, _, _)| *from <= index)
}

/// The container's log: each run's lines up to its end (and the horizon), on the object's clock.
fn logs(record: &ContainerRecord, horizon: u64, created: u64) -> Vec<LogLine> {
    let mut lines = Vec::new();
    for (index, run) in record.runs.iter().enumerate() {
        let Some((_, plan, _)) = plan_of(record, index) else {
            continue;
        };
        let end = run.exit.map_or(horizon, |(at, _)| at.min(horizon));
        for (offset, text) in &plan.logs {
            let at = run.started.saturating_add(*offset);
            if at <= end {
                lines.push(LogLine {
                    at: VirtualTime::from_millis(at.saturating_sub(created)),
                    run: index,
                    text: text.clone(),
                });
            }
        }
    }
    lines
}

/// The container's runs on the object's clock, with their plans and writes.
fn container_runs(worker: &PodWorker, record: &ContainerRecord, created: u64) -> ContainerRuns {
    let shift = |at: u64| VirtualTime::from_millis(at.saturating_sub(created));
    let _ = worker;
    let mut writes: Vec<String> = Vec::new();
    for write in record
        .writes
        .iter()
        .chain(record.exec_writes.iter().map(|(_, write)| write))
    {
        if !writes.contains(&write.path) {
            writes.push(write.path.clone());
        }
    }
    ContainerRuns {
        container: (*record.spec).clone(),
        runs: record
            .runs
            .iter()
            .map(|run| (shift(run.started), run.exit.map(|(at, _)| shift(at))))
            .collect(),
        plans: record.plans.clone(),
        writes,
    }
}

/// A Pod as `kubectl` would see it at one instant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Observed {
    /// The Pod object, status included.
    pub pod: Pod,
    /// The Events about it, as of `now`.
    pub events: Vec<Event>,
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

/// A workload object as `kubectl get` sees it at one instant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObservedWorkload {
    /// The object, status included.
    pub object: Workload,
    /// The Events about it, as of `now`.
    pub events: Vec<Event>,
    /// The wall-clock instant.
    pub now: Timestamp,
}

/// A Service, ConfigMap, Secret or PersistentVolumeClaim as `kubectl get` sees it at one
/// instant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObservedObject {
    /// Its kind.
    pub kind: crate::cluster::store::ObjectKind,
    /// Its name.
    pub name: String,
    /// Its UID.
    pub uid: String,
    /// Its data.
    pub data: std::collections::BTreeMap<String, String>,
    /// When it was created.
    pub created: Timestamp,
    /// The wall-clock instant.
    pub now: Timestamp,
}

/// When a Node's conditions last changed, and its kubelet's last status report and lease
/// renewal, as of `at` (ms on the scenario's clock).
struct NodeTimes {
    changed: u64,
    heartbeat: u64,
    renewed: u64,
}

/// How often a kubelet reports its status when nothing changes (`nodeStatusReportFrequency`).
const NODE_STATUS_REPORT_MS: u64 = 5 * 60_000;
/// How often a kubelet renews its Lease (a quarter of its 40 s duration).
const LEASE_RENEW_MS: u64 = 10_000;

/// [`NodeTimes`] of `node` from the history of its health: the kubelet posts at each start of a
/// healthy period and then on its own schedule; once silent, the node lifecycle controller marks
/// it `Unknown` after the grace period and its last report stays as it was.
fn node_times(node: &crate::cluster::store::StoredNode, at: u64) -> NodeTimes {
    let mut changed = node.registered;
    let mut healthy_since = node.registered;
    let mut previous: Option<&str> = None;
    let mut silent_since = None;
    for (when, ready, _) in node.history.iter().filter(|(when, _, _)| *when <= at) {
        if previous != Some(*ready) {
            changed = *when;
            if *ready == "True" {
                healthy_since = *when;
                silent_since = None;
            } else {
                silent_since = Some(
                    when.saturating_sub(crate::cluster::node_lifecycle::NODE_MONITOR_GRACE_MS),
                );
            }
        }
        previous = Some(ready);
    }
    let answering_until = silent_since.unwrap_or(at).max(healthy_since);
    let last = |period: u64| healthy_since + (answering_until - healthy_since) / period * period;
    NodeTimes {
        changed,
        heartbeat: last(NODE_STATUS_REPORT_MS),
        renewed: last(LEASE_RENEW_MS),
    }
}

/// A Node as `kubectl get nodes` sees it at one instant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObservedNode {
    /// Its name.
    pub name: String,
    /// Its labels, the kubelet's included.
    pub labels: std::collections::BTreeMap<String, String>,
    /// Its address.
    pub ip: String,
    /// When it registered.
    pub created: Timestamp,
    /// Its `Ready` condition: `True`, `False` or `Unknown`.
    pub ready: &'static str,
    /// When its conditions last changed (their `lastTransitionTime`).
    pub ready_since: Timestamp,
    /// The kubelet's last status report (the conditions' `lastHeartbeatTime`): at registration
    /// and every `nodeStatusReportFrequency` (5 min) while it answers.
    pub heartbeat: Timestamp,
    /// The kubelet's last renewal of its Lease (every 10 s while it answers).
    pub renewed: Timestamp,
    /// Allocatable CPU, in millicores.
    pub cpu_millis: i128,
    /// Allocatable memory, in bytes.
    pub memory_bytes: i128,
    /// The Pod address range it was given (`spec.podCIDR`).
    pub pod_cidr: String,
    /// The Events about it, as of `now`.
    pub events: Vec<Event>,
    /// Its taints, its own and the node lifecycle controller's.
    pub taints: Vec<crate::cluster::scenario::Taint>,
    /// The wall-clock instant.
    pub now: Timestamp,
}

/// What `kubectl` sees of a manifest at one instant: its Pods (the text's and those its
/// controllers made) and its workload objects (the text's and those its controllers made).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Observation {
    /// The Pods.
    pub pods: Vec<Observed>,
    /// The workload objects that exist then, in creation order.
    pub workloads: Vec<ObservedWorkload>,
    /// The Nodes that exist then.
    pub nodes: Vec<ObservedNode>,
    /// The Services, ConfigMaps, Secrets and PersistentVolumeClaims that exist then.
    pub objects: Vec<ObservedObject>,
    /// Each workload object's versions until then, with their instants, in creation order (the
    /// ones deleted by then too): what a watch of its kind has seen (`kubectl get KIND -w`).
    pub workload_versions: Vec<Vec<(Timestamp, Workload)>>,
}

/// What `kubectl get` and `describe` see for each Pod of the text: a Pod pasted with a status
/// as it is, at `pasted_now`; the text's Pods that the API server accepts, simulated together in
/// `scenario` and seen `at` after `kubectl apply`. Refused Pods are left out.
pub fn observe(
    parsed: &crate::api::manifest::Parsed,
    scenario: &Scenario,
    at: VirtualTime,
    pasted_now: Timestamp,
) -> Vec<Observed> {
    observe_all(parsed, scenario, at, pasted_now).pods
}

/// [`observe`], with the workloads: those pasted with a status as they are; the others run with
/// the text's Pods, their controllers making their objects and Pods, seen `at`.
pub fn observe_all(
    parsed: &crate::api::manifest::Parsed,
    scenario: &Scenario,
    at: VirtualTime,
    pasted_now: Timestamp,
) -> Observation {
    let scenario = Scenario {
        horizon: scenario.horizon.max(at),
        ..scenario.clone()
    };
    let accepted: Vec<Pod> = parsed.accepted_pods().into_iter().cloned().collect();
    let (pasted_workloads, workloads): (Vec<Workload>, Vec<Workload>) = parsed
        .accepted_workloads()
        .into_iter()
        .cloned()
        .partition(Workload::has_status);
    let run = simulate_manifest(&accepted, &workloads, &scenario);
    let mut simulated = run.pods;
    let mut out = Vec::new();
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
        if !accepted.iter().any(|a| a.name() == pod.name()) {
            continue;
        }
        let Some(index) = simulated.iter().position(|(name, _)| name == pod.name()) else {
            continue;
        };
        let (_, generations) = simulated.remove(index);
        out.extend(observed_at(generations, &scenario, at, false));
    }
    // The Pods an edited manifest's `kubectl apply` created.
    for (name, generations) in simulated {
        if !accepted.iter().any(|pod| pod.name() == name) {
            out.extend(observed_at(generations, &scenario, at, true));
        }
    }
    // The controllers' Pods that exist by then.
    for simulation in run.controlled {
        let offset = u64::try_from(simulation.start.millis_since(scenario.start)).unwrap_or(0);
        if offset > at.as_millis() {
            continue;
        }
        let local = VirtualTime::from_millis(at.as_millis() - offset);
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
            earlier: Vec::new(),
        });
    }
    // The API server lists objects by name.
    crate::base::sorting::sort_by_key(&mut out, |seen| seen.pod.name().to_owned());
    let now = scenario
        .start
        .plus_millis(i64::try_from(at.as_millis()).unwrap_or(i64::MAX));
    let mut observed_workloads: Vec<ObservedWorkload> = pasted_workloads
        .into_iter()
        .map(|object| ObservedWorkload {
            object,
            events: Vec::new(),
            now: pasted_now,
        })
        .collect();
    let pasted = observed_workloads.len();
    for (stored, events) in run.workloads.iter().zip(&run.workload_events) {
        if let Some(object) = stored.at(at) {
            observed_workloads.push(ObservedWorkload {
                object: object.clone(),
                events: events.at(now),
                now,
            });
        }
    }
    let nodes = run
        .nodes
        .iter()
        .zip(&run.node_events)
        .filter(|(node, _)| node.exists_at(at.as_millis()))
        .map(|(node, events)| {
            let (ready, taints) = node.health_at(at.as_millis());
            let wall = |ms: u64| {
                scenario
                    .start
                    .plus_millis(i64::try_from(ms).unwrap_or(i64::MAX))
            };
            let times = node_times(node, at.as_millis());
            ObservedNode {
                name: node.spec.name.clone(),
                labels: node.labels(),
                ip: node.spec.ip.clone(),
                created: wall(node.registered),
                ready,
                ready_since: wall(times.changed),
                heartbeat: wall(times.heartbeat),
                renewed: wall(times.renewed),
                cpu_millis: node.spec.cpu_millis,
                memory_bytes: node.spec.memory_bytes,
                pod_cidr: format!("10.244.{}.0/24", node.index),
                taints: node.spec.taints.iter().chain(taints).cloned().collect(),
                events: events.at(now),
                now,
            }
        })
        .collect();
    let objects = run
        .objects
        .iter()
        .filter(|object| {
            object.created <= at.as_millis()
                && object
                    .deleted
                    .is_none_or(|deleted| deleted > at.as_millis())
        })
        .map(|object| ObservedObject {
            kind: object.kind,
            name: object.name.clone(),
            uid: object.uid.clone(),
            data: object.data.clone(),
            created: scenario
                .start
                .plus_millis(i64::try_from(object.created).unwrap_or(i64::MAX)),
            now,
        })
        .collect();
    let start = scenario.start;
    // A workload pasted from a cluster has one version: itself.
    let workload_versions = observed_workloads[..pasted]
        .iter()
        .map(|seen| vec![(seen.now, seen.object.clone())])
        .chain(run.workloads.into_iter().map(|stored| {
            stored
                .history
                .into_iter()
                .filter(|(when, _)| *when <= at)
                .map(|(when, object)| {
                    let millis = i64::try_from(when.as_millis()).unwrap_or(i64::MAX);
                    (start.plus_millis(millis), object)
                })
                .collect::<Vec<_>>()
        }))
        .filter(|versions| !versions.is_empty())
        .collect();
    Observation {
        pods: out,
        workloads: observed_workloads,
        nodes,
        objects,
        workload_versions,
    }
}

/// The object of a Pod's name in force at `at` (the last one created by then), as `kubectl`
/// sees it, with the earlier ones; `created_later` says the first may be created after the
/// start (by an edited manifest's apply), so before it there is none.
fn observed_at(
    mut generations: Vec<Simulation>,
    scenario: &Scenario,
    at: VirtualTime,
    created_later: bool,
) -> Option<Observed> {
    let base = scenario.start;
    let offset = |g: &Simulation| u64::try_from(g.start.millis_since(base)).unwrap_or(0);
    if created_later
        && generations
            .first()
            .is_none_or(|g| offset(g) > at.as_millis())
    {
        return None;
    }
    let current = generations
        .iter()
        .rposition(|g| offset(g) <= at.as_millis())
        .unwrap_or(0);
    generations.truncate(current + 1);
    let simulation = generations.pop()?;
    let local = VirtualTime::from_millis(at.as_millis().saturating_sub(offset(&simulation)));
    let gone = simulation
        .deleted_at
        .is_some_and(|deleted| deleted <= local);
    let now = simulation.wall(local);
    let pod = simulation.at(local)?.pod.clone();
    Some(Observed {
        pod,
        events: simulation.events.at(now),
        now,
        simulation: Some(simulation),
        gone,
        earlier: generations,
    })
}
