//! The API server as the scenario's kubectl talks to it: `kubectl apply` creates the manifest's
//! Pods (again, once deleted), `kubectl delete pod` marks one for deletion, Services are created
//! and deleted, and nodes join or are deleted. It also keeps the scenario's faults: what goes
//! wrong for a container from now on (a probe forced to fail, image pulls that fail). What the server writes on create is the
//! registry's: defaults, `phase: Pending` and the QoS class, a UID and the creation time.

use std::collections::BTreeMap;

use crate::api::v1::{LabelSelector, Pod};
use crate::api::workloads::Workload;
use crate::api::workloads::types::Job;
use crate::cluster::event::Event;
use crate::cluster::kubelet::KubeletTimer;
use crate::cluster::kubelet::static_pod;
use crate::cluster::kubelet::termination::pod_grace_seconds;
use crate::cluster::scenario::{RolloutCommand, What};
use crate::cluster::store::{ObjectKind, PodId};
use crate::cluster::stored_workload::WorkloadId;
use crate::cluster::trigger::{Timer, Trigger};
use crate::cluster::{MAX_CONTAINERS, MAX_GENERATIONS, World, pod_uid, uid_of};

/// `kubectl apply` of the manifest at instant 0: every Pod is created, in order (a static Pod
/// is the kubelet's to read from its directory instead).
pub fn create_manifest(world: &World, out: &mut Vec<Event>) {
    for (index, pod) in world.manifest.iter().enumerate() {
        if index == 0 && world.scenario.static_pod {
            if !world.store.nodes.is_empty() {
                out.push(Event::TimerSet(
                    0,
                    Timer::Kubelet {
                        node: crate::cluster::store::NodeId(0),
                        timer: KubeletTimer::StaticFile,
                    },
                ));
            }
            continue;
        }
        if let Some(created) = created(world, pod, 0) {
            out.push(Event::PodCreated(Box::new(created)));
        }
    }
    for workload in &world.workloads {
        let object = created_workload(world, (**workload).clone());
        out.push(Event::WorkloadCreated(Box::new(object)));
    }
}

/// The workload object the API server stores for `object` created now: a UID (its own, or a
/// stable made-up one), the creation time, generation 1, and no status (the registry's
/// `PrepareForCreate`).
pub fn created_workload(world: &World, mut object: Workload) -> Workload {
    let seed = format!(
        "{}/{}/{}",
        object.kind().as_str(),
        object.name(),
        world.store.workloads.len()
    );
    let metadata = object.metadata_mut();
    if metadata.uid.as_deref().is_none_or(str::is_empty) {
        metadata.uid = Some(pod_uid(&seed));
    }
    metadata.creation_timestamp = Some(world.wall(world.now).to_string());
    metadata.generation = Some(1);
    metadata.resource_version = None;
    if let Workload::Job(job) = &mut object {
        generate_job_selector(job);
    }
    object.without_status()
}

/// The selector the API server gives a Job created without `manualSelector: true`, and the
/// labels it adds to the Job's template so its Pods match (pkg/registry/batch/job/strategy.go
/// `generateSelector`): the Job's UID and name, under `batch.kubernetes.io/` and under the
/// legacy unprefixed keys.
pub fn generate_job_selector(job: &mut Job) {
    if job.spec.manual_selector == Some(true) {
        return;
    }
    let uid = job.metadata.uid.clone().unwrap_or_default();
    let name = job.metadata.name.clone().unwrap_or_default();
    let labels = &mut job.spec.template.metadata.labels;
    for (key, value) in [
        ("batch.kubernetes.io/controller-uid", &uid),
        ("batch.kubernetes.io/job-name", &name),
        ("controller-uid", &uid),
        ("job-name", &name),
    ] {
        labels.insert(key.to_owned(), value.clone());
    }
    job.spec.selector = Some(LabelSelector {
        match_labels: [("batch.kubernetes.io/controller-uid".to_owned(), uid)].into(),
        match_expressions: Vec::new(),
    });
}

/// The grace period the API server gives a Pod's deletion (pkg/registry/core/pod/strategy.go
/// `CheckGracefulDelete`): the one the request asks for (`kubectl delete --grace-period`), else
/// the Pod's own; never below 0.
pub fn deletion_grace_seconds(pod: &Pod, requested: Option<i64>) -> i64 {
    requested.map_or_else(|| pod_grace_seconds(pod), |seconds| seconds.max(0))
}

/// Why the API server keeps a Pod whose deletion is otherwise done: its finalizers
/// (`metadata.finalizers`; the registry's `deletionFinalizersForGarbageCollection` path). No
/// controller in the playground removes them, so the object stays, Terminating, as it does on a
/// cluster where nothing owns the finalizer.
pub fn held_by_finalizers(pod: &Pod) -> Option<String> {
    (!pod.metadata.finalizers.is_empty()).then(|| {
        format!(
            "the API server keeps the Pod object after its containers stopped: its finalizers [{}] must be removed first (kubectl patch pod {} --type=merge -p '{{\"metadata\":{{\"finalizers\":null}}}}'), and nothing in the playground removes them",
            pod.metadata.finalizers.join(" "),
            pod.name()
        )
    })
}

/// What [`created_again`] makes of a Pod.
pub enum Recreated {
    /// The object to store.
    Object(Box<Pod>),
    /// A Pod the playground does not run (too many containers).
    NotRun,
    /// Past the playground's cap on objects of one name.
    TooMany,
}

/// The object the API server stores for `pod` created now when no object of its name exists:
/// the next of its name (the first keeps its own UID, later ones get a new one).
pub fn created_again(world: &World, pod: &Pod) -> Recreated {
    let generation = world
        .store
        .pods
        .iter()
        .filter(|stored| stored.object().name() == pod.name())
        .count();
    if generation >= MAX_GENERATIONS {
        return Recreated::TooMany;
    }
    created(world, pod, generation).map_or(Recreated::NotRun, |object| {
        Recreated::Object(Box::new(object))
    })
}

/// The object the API server stores for `pod`, the `generation`-th of its name (0 for the
/// first: its own UID or a stable made-up one; later ones a new UID each); `None` for a Pod the
/// playground does not run.
fn created(world: &World, pod: &Pod, generation: usize) -> Option<Pod> {
    let uid = if generation == 0 {
        uid_of(pod)
    } else {
        pod_uid(&format!("{}#{generation}", pod.name()))
    };
    created_object(world, pod, uid)
}

/// The object the API server stores for `pod` created now with the UID `uid` (the registry's
/// defaults and status, the creation time); `None` for a Pod the playground does not run.
pub fn created_object(world: &World, pod: &Pod, uid: String) -> Option<Pod> {
    let count = pod.spec.containers.len() + pod.spec.init_containers.len();
    if count > MAX_CONTAINERS {
        return None;
    }
    let mut object = crate::api::defaults::as_created(pod);
    object.metadata.uid = Some(uid);
    object.metadata.creation_timestamp = Some(world.wall(world.now).to_string());
    Some(object)
}

/// The Pod `pod` once `kubectl debug` (`what`, a [`What::Debug`]) added its ephemeral
/// container through the `ephemeralcontainers` subresource: the container kubectl makes
/// (`stdin` and `tty` as asked, `terminationMessagePolicy: File`, the command after `--`),
/// defaulted and validated as the API server does; or the refusal as kubectl prints it.
pub fn with_ephemeral_container(pod: &Pod, what: &What) -> Result<Pod, String> {
    let What::Debug { container, command } = what else {
        return Err(String::new());
    };
    let words: Vec<&str> = command
        .iter()
        .map(String::as_str)
        .skip_while(|word| *word != "debug")
        .skip(1)
        .collect();
    let options = crate::cluster::scenario::debug_command::parse(&words)?
        .ok_or_else(|| format!("error: unknown flag in {}", command.join(" ")))?;
    let count = pod.spec.containers.len()
        + pod.spec.init_containers.len()
        + pod.spec.ephemeral_containers.len();
    if count >= MAX_CONTAINERS {
        return Err(format!(
            "podplay: the Pod has {count} containers; the playground simulates Pods of up to {MAX_CONTAINERS}"
        ));
    }
    let mut object = pod.clone();
    object
        .spec
        .ephemeral_containers
        .push(crate::api::v1::EphemeralContainer {
            name: container.clone(),
            image: options.image,
            command: options.command,
            stdin: options.stdin,
            tty: options.tty,
            termination_message_policy: Some("File".to_owned()),
            target_container_name: options.target,
            // The general profile lets the debugger trace processes (`allowProcessTracing`).
            security_context: (options.profile.as_deref() == Some("general")).then(|| {
                Box::new(crate::api::v1::SecurityContext {
                    capabilities: Some(crate::api::v1::Capabilities {
                        add: vec!["SYS_PTRACE".to_owned()],
                        ..Default::default()
                    }),
                    ..Default::default()
                })
            }),
            ..Default::default()
        });
    let object = crate::api::defaults::apply(&object).pod;
    let errors = crate::api::validation::validate_ephemeral_containers_update(&object, pod);
    if errors.is_empty() {
        Ok(object)
    } else {
        Err(crate::api::validation::invalid_message(
            "Pod",
            pod.name(),
            &errors,
        ))
    }
}

/// True when the Pod `pod` names is one `kubectl run --rm` created: once its attached session
/// ends, kubectl deletes it.
fn removed_after_session(world: &World, pod: Option<&str>) -> bool {
    let Some(name) = world.action_pod_name(pod) else {
        return false;
    };
    world.scenario.actions.iter().any(|action| {
        let What::Create { command, .. } = &action.what else {
            return false;
        };
        let words: Vec<&str> = command.split_whitespace().collect();
        words.contains(&"--rm") && words.contains(&name)
    })
}

/// What the API server does about `trigger`.
pub fn decide(world: &World, trigger: &Trigger, out: &mut Vec<Event>) {
    let Trigger::Action(action) = trigger else {
        return;
    };
    match &action.what {
        What::DeletePod { .. } | What::EndSession { .. } => {
            let grace_period_seconds = match &action.what {
                What::DeletePod {
                    grace_period_seconds,
                } => *grace_period_seconds,
                _ if removed_after_session(world, action.pod.as_deref()) => None,
                _ => return,
            };
            let Some(name) = world.action_pod_name(action.pod.as_deref()) else {
                return;
            };
            let Some(id) = live_object(world, name) else {
                return;
            };
            let object = &world.store.pod(id).object();
            if object.metadata.deletion_timestamp.is_some() {
                return;
            }
            let grace = deletion_grace_seconds(object, grace_period_seconds);
            out.push(Event::PodDeleting {
                pod: id,
                grace_seconds: grace,
            });
        }
        What::ApplyPod => apply(world, out),
        What::Apply { manifest } if world.now < world.horizon => {
            crate::cluster::apply_edit::apply_edited(world, manifest, out);
        }
        What::DeleteManifest => delete_manifest(world, out),
        What::Create { manifest, .. } if world.now < world.horizon => {
            crate::cluster::apply_edit::create(world, manifest, out);
        }
        What::Debug { .. } => {
            let Some(id) = world
                .action_pod_name(action.pod.as_deref())
                .and_then(|name| live_object(world, name))
            else {
                return;
            };
            if let Ok(object) = with_ephemeral_container(world.store.pod(id).object(), &action.what)
            {
                out.push(Event::PodUpdated {
                    pod: id,
                    object: Box::new(object),
                });
            }
        }
        What::FailProbe { container, probe } | What::PassProbe { container, probe } => {
            if let Some(pod) = world.action_pod_name(action.pod.as_deref()) {
                out.push(Event::Fault {
                    pod: pod.to_owned(),
                    container: container.clone(),
                    probe: Some((*probe, matches!(action.what, What::PassProbe { .. }))),
                    pulls_fail: false,
                });
            }
        }
        What::FailImagePull { container } | What::FixImagePull { container } => {
            if let Some(pod) = world.action_pod_name(action.pod.as_deref()) {
                out.push(Event::Fault {
                    pod: pod.to_owned(),
                    container: container.clone(),
                    probe: None,
                    pulls_fail: matches!(action.what, What::FailImagePull { .. }),
                });
            }
        }
        What::CreateService { name } => out.push(Event::ObjectCreated {
            kind: ObjectKind::Service,
            name: name.clone(),
            data: BTreeMap::new(),
        }),
        What::DeleteService { name } => {
            out.push(Event::ObjectDeleted(ObjectKind::Service, name.clone()));
        }
        What::AddNode { node } if world.store.node_named(&node.name).is_none() => {
            let numbered = node.numbered(world.store.nodes.len());
            out.push(Event::NodeRegistered(Box::new(numbered)));
        }
        What::RemoveNode { node } => {
            if let Some(id) = world.store.node_named(node) {
                out.push(Event::NodeRemoved(id));
            }
        }
        What::Scale { workload, replicas } => {
            change_workload(world, workload, out, |object| {
                if let Some(wanted) = object.replicas_mut() {
                    *wanted = Some((*replicas).max(0));
                }
            });
        }
        What::Rollout { workload, command } => {
            let now = world.wall(world.now).to_string();
            let target = match command {
                RolloutCommand::Undo { to_revision } => {
                    match crate::cluster::controllers::deployment::revision_template(
                        world,
                        workload,
                        *to_revision,
                    ) {
                        Some(template) => Some(template),
                        None => return,
                    }
                }
                _ => None,
            };
            change_workload(world, workload, out, |object| match command {
                RolloutCommand::Undo { .. } => {
                    if let (Some(template), Some(wanted)) = (target, object.template_mut()) {
                        *wanted = template;
                    }
                }
                RolloutCommand::Restart => {
                    if let Some(template) = object.template_mut() {
                        template
                            .metadata
                            .annotations
                            .insert("kubectl.kubernetes.io/restartedAt".to_owned(), now);
                    }
                }
                RolloutCommand::Pause | RolloutCommand::Resume => {
                    if let Workload::Deployment(deployment) = object {
                        deployment.spec.paused = *command == RolloutCommand::Pause;
                    }
                }
            });
        }
        What::DeleteWorkload { workload, orphan } => {
            let Some(id) = world.store.live_workload_named(workload) else {
                return;
            };
            if *orphan {
                orphan_dependents(world, id, out);
                out.push(Event::WorkloadRemoved(id));
            } else {
                crate::cluster::controllers::delete_cascading(world, id, out);
            }
        }
        What::SetImage {
            workload,
            container,
            image,
        } => {
            change_workload(world, workload, out, |object| {
                let containers = object.template_mut().map(|t| {
                    t.spec
                        .containers
                        .iter_mut()
                        .chain(t.spec.init_containers.iter_mut())
                });
                if let Some(found) =
                    containers.and_then(|mut all| all.find(|c| c.name == *container))
                {
                    found.image = Some(image.clone());
                }
            });
        }
        _ => {}
    }
}

/// The garbage collector's orphan policy: the objects the workload `id` controls lose their
/// reference to it, and stay.
fn orphan_dependents(world: &World, id: WorkloadId, out: &mut Vec<Event>) {
    let uid = world.store.workload(id).uid().to_owned();
    for (index, stored) in world.store.pods.iter().enumerate() {
        let owned = stored
            .object()
            .metadata
            .owner_references
            .iter()
            .any(|reference| reference.uid == uid);
        if owned && stored.removed.is_none() {
            out.push(Event::PodOrphaned {
                pod: PodId(index),
                owner: uid.clone(),
            });
        }
    }
    for (index, stored) in world.store.workloads.iter().enumerate() {
        let mut object = stored.object.clone();
        let references = &mut object.metadata_mut().owner_references;
        let before = references.len();
        references.retain(|reference| reference.uid != uid);
        if references.len() != before && stored.removed.is_none() {
            out.push(Event::WorkloadWritten {
                workload: WorkloadId(index),
                object: Box::new(object),
            });
        }
    }
}

/// A kubectl request that changes the live workload `reference` (`deployment/web`) with
/// `change`; nothing when there is no such workload.
fn change_workload(
    world: &World,
    reference: &str,
    out: &mut Vec<Event>,
    change: impl FnOnce(&mut Workload),
) {
    let Some(id) = world.store.live_workload_named(reference) else {
        return;
    };
    let mut object = world.store.workload(id).object.clone();
    change(&mut object);
    out.push(Event::WorkloadWritten {
        workload: id,
        object: Box::new(object),
    });
}

/// `kubectl apply -f -` again: each Pod of the manifest that no longer exists is created anew
/// (a new UID; the kubelet gives it the next IP), and one that exists is left unchanged.
fn apply(world: &World, out: &mut Vec<Event>) {
    if world.now >= world.horizon {
        return;
    }
    for (index, pod) in world.manifest.iter().enumerate() {
        if index == 0 && world.scenario.static_pod {
            continue;
        }
        let name = pod.name();
        if world.store.live_pod_named(name).is_some() {
            out.push(Event::Note(
                world.store.live_pod_named(name),
                format!(
                    "kubectl apply at {}: pod/{name} unchanged (the Pod still exists)",
                    crate::base::time::VirtualTime::from_millis(world.now).duration_string()
                ),
            ));
            continue;
        }
        if let Recreated::Object(object) = created_again(world, pod) {
            out.push(Event::PodCreated(object));
        }
    }
}

/// `kubectl delete -f -`: the manifest's Pods that exist are marked for deletion, and its
/// workload objects deleted with what they own.
fn delete_manifest(world: &World, out: &mut Vec<Event>) {
    for pod in &world.manifest {
        let Some(id) = live_object(world, pod.name()) else {
            continue;
        };
        let object = &world.store.pod(id).object();
        if object.metadata.deletion_timestamp.is_none() {
            out.push(Event::PodDeleting {
                pod: id,
                grace_seconds: deletion_grace_seconds(object, None),
            });
        }
    }
    for workload in &world.workloads {
        let reference = format!(
            "{}/{}",
            workload.kind().as_str().to_lowercase(),
            workload.name()
        );
        if let Some(id) = world.store.live_workload_named(&reference) {
            crate::cluster::controllers::delete_cascading(world, id, out);
        }
    }
}

/// The live object a kubectl command names: the Pod of that name, or for a static Pod named as
/// in its file, its mirror.
pub fn live_object(world: &World, name: &str) -> Option<PodId> {
    if let Some(id) = world.store.live_pod_named(name) {
        return Some(id);
    }
    let first = world.manifest.first()?;
    if !world.scenario.static_pod || first.name() != name {
        return None;
    }
    let node = world.store.nodes.first()?;
    world
        .store
        .live_pod_named(&static_pod::mirror_name(name, &node.spec.name))
}
