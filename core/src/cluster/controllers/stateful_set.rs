//! The StatefulSet controller (pkg/controller/statefulset): Pods with a stable identity,
//! `<set>-<ordinal>`, each with its hostname, its subdomain (`serviceName`) and its own claims
//! (`<claim>-<set>-<ordinal>`, from `volumeClaimTemplates`). Under `OrderedReady` (the
//! default) a Pod is created only once every lower ordinal is Running and Ready, and scaling
//! down deletes the highest ordinal first, one at a time; under `Parallel` all at once. A Pod
//! that is gone is made again with the same name; one still there, even Terminating on a lost
//! node, is waited for: two Pods never hold one identity. A new template rolls out under the
//! `RollingUpdate` strategy: the highest ordinal first, one Pod at a time, each made again from
//! the new template and Running and Ready before the next goes, down to the partition; under
//! `OnDelete` a Pod gets the new template only when it is deleted.

use crate::api::v1::{PersistentVolumeClaimVolumeSource, Pod, Volume};
use crate::api::workloads::Workload;
use crate::api::workloads::types::{PersistentVolumeClaim, StatefulSet, StatefulSetStatus};
use crate::base::timestamp::Timestamp;
use crate::cluster::api_server::{created_object, deletion_grace_seconds};
use crate::cluster::controllers::names::pod_template_hash;
use crate::cluster::controllers::{
    controller_reference, controlling_workload, is_available, owned_pods, ready_since, record,
};
use crate::cluster::event::Event;
use crate::cluster::store::{ObjectKind, PodId};
use crate::cluster::stored_workload::WorkloadId;
use crate::cluster::trigger::{Change, Timer, Trigger};
use crate::cluster::{World, pod_uid};

/// The Events' source component.
const SOURCE: &str = "statefulset-controller";
/// The most ordinals one StatefulSet runs here.
const MAX_REPLICAS: i32 = 500;

/// What the controller does about `trigger`.
pub fn decide(world: &World, trigger: &Trigger, out: &mut Vec<Event>) {
    let target = match trigger {
        Trigger::Watch(Change::WorkloadChanged(id))
        | Trigger::Timer(Timer::WorkloadSync { workload: id }) => Some(*id),
        Trigger::Watch(
            Change::PodCreated(pod)
            | Change::PodDeleting(pod)
            | Change::PodRemoved(pod)
            | Change::PodStatus(pod),
        ) => controlling_workload(
            world,
            &world.store.pod(*pod).object().metadata.owner_references,
        ),
        _ => None,
    };
    if let Some(id) = target
        && matches!(world.store.workload(id).object, Workload::StatefulSet(_))
    {
        sync(world, id, out);
    }
}

/// The Pod of `ordinal` is Running and Ready (and available, with `minReadySeconds`), so the
/// next may start (`isRunningAndReady`, `isRunningAndAvailable`).
fn running_and_ready(pod: &Pod, min_ready_seconds: i32, now: Timestamp) -> bool {
    pod.status.as_deref().and_then(|s| s.phase.as_deref()) == Some("Running")
        && is_available(pod, min_ready_seconds, now)
}

/// The ordinal of a Pod of the set named `set`, from its name.
fn ordinal_of(set: &str, pod: &Pod) -> Option<i32> {
    pod.name()
        .strip_prefix(set)?
        .strip_prefix('-')?
        .parse()
        .ok()
}

/// One sync of the StatefulSet `id` (`UpdateStatefulSet` of the default control).
fn sync(world: &World, id: WorkloadId, out: &mut Vec<Event>) {
    let stored = world.store.workload(id);
    let Workload::StatefulSet(set) = &stored.object else {
        return;
    };
    if stored.removed.is_some() {
        return;
    }
    let name = set.metadata.name.as_deref().unwrap_or_default();
    let now = world.wall(world.now);
    // The controller always hashes with the collision count, 0 until a collision (`newRevision`
    // with `&collisionCount`).
    let collisions = set.status.as_ref().and_then(|s| s.collision_count);
    let revision = format!(
        "{name}-{}",
        pod_template_hash(&set.spec.template, Some(collisions.unwrap_or(0)))
    );
    let start = set.spec.ordinals.as_ref().map_or(0, |o| o.start.max(0));
    let replicas = set.spec.replicas.unwrap_or(1).clamp(0, MAX_REPLICAS);
    let parallel = set.spec.pod_management_policy.as_deref() == Some("Parallel");
    let pods: Vec<(i32, PodId)> = owned_pods(world, stored.uid())
        .into_iter()
        .filter_map(|pod| Some((ordinal_of(name, world.store.pod(pod).object())?, pod)))
        .collect();
    let pod_at = |ordinal: i32| {
        pods.iter()
            .find(|(o, _)| *o == ordinal)
            .map(|(_, pod)| (*pod, world.store.pod(*pod).object()))
    };
    // The wanted ordinals, lowest first.
    let mut waiting = false;
    for ordinal in start..start + replicas {
        match pod_at(ordinal) {
            None => {
                if !waiting || parallel {
                    create(world, id, set, ordinal, &revision, out);
                }
                waiting = true;
            }
            Some((pod_id, pod)) => {
                let phase = pod.status.as_deref().and_then(|s| s.phase.as_deref());
                if phase == Some("Failed") && pod.metadata.deletion_timestamp.is_none() {
                    // A failed Pod is deleted, and made again once it is gone.
                    delete(world, id, set, pod, pod_id, out);
                    waiting = true;
                } else if pod.metadata.deletion_timestamp.is_some()
                    || !running_and_ready(pod, set.spec.min_ready_seconds, now)
                {
                    waiting = true;
                }
            }
        }
        if waiting && !parallel {
            break;
        }
    }
    // Ordinals beyond the wanted ones go, the highest first: one at a time, once the lower ones
    // are Running and Ready, unless Parallel.
    let mut condemned: Vec<&(i32, PodId)> = pods
        .iter()
        .filter(|(ordinal, _)| *ordinal < start || *ordinal >= start + replicas)
        .collect();
    condemned.sort_by_key(|(ordinal, _)| std::cmp::Reverse(*ordinal));
    let scaling_down = !condemned.is_empty();
    for (_, pod) in condemned {
        let object = world.store.pod(*pod).object();
        if object.metadata.deletion_timestamp.is_some() {
            if !parallel {
                break;
            }
            continue;
        }
        if waiting && !parallel {
            break;
        }
        delete(world, id, set, object, *pod, out);
        if !parallel {
            break;
        }
    }
    let rolling_update = set.spec.update_strategy.kind.as_deref() != Some("OnDelete");
    if rolling_update && (parallel || !waiting) && !scaling_down {
        roll_out(
            world,
            id,
            set,
            &revision,
            start..start + replicas,
            &pod_at,
            out,
        );
    }
    write_status(world, id, set, &pods, &revision, now, out);
}

/// The rolling update's step (`updateStatefulSet`, after the replicas are made): from the
/// highest wanted ordinal down to the partition, the first Pod not of the update `revision` is
/// deleted (the sync after it is gone makes it again from the new template); a Pod of the
/// revision that is not yet Running and Ready, or is going, is waited for.
fn roll_out<'a>(
    world: &World,
    id: WorkloadId,
    set: &StatefulSet,
    revision: &str,
    wanted: std::ops::Range<i32>,
    pod_at: &dyn Fn(i32) -> Option<(PodId, &'a Pod)>,
    out: &mut Vec<Event>,
) {
    let now = world.wall(world.now);
    let partition = set
        .spec
        .update_strategy
        .rolling_update
        .as_ref()
        .and_then(|rolling| rolling.partition)
        .unwrap_or(0)
        .max(0);
    let lowest = wanted.start.saturating_add(partition);
    for ordinal in (lowest..wanted.end).rev() {
        let Some((pod_id, pod)) = pod_at(ordinal) else {
            return;
        };
        let going = pod.metadata.deletion_timestamp.is_some();
        if revision_of(pod) != Some(revision) && !going {
            delete(world, id, set, pod, pod_id, out);
            return;
        }
        if going || !running_and_ready(pod, set.spec.min_ready_seconds, now) {
            return;
        }
    }
}

/// The revision a Pod of the set was made from (its `controller-revision-hash` label).
fn revision_of(pod: &Pod) -> Option<&str> {
    pod.metadata
        .labels
        .get("controller-revision-hash")
        .map(String::as_str)
}

/// Creates the Pod of `ordinal` (`newVersionedStatefulSetPod`): its name, hostname and
/// subdomain, the controller's labels, and its claims' volumes.
fn create(
    world: &World,
    id: WorkloadId,
    set: &StatefulSet,
    ordinal: i32,
    revision: &str,
    out: &mut Vec<Event>,
) {
    let set_name = set.metadata.name.as_deref().unwrap_or_default();
    let name = format!("{set_name}-{ordinal}");
    let owner = &world.store.workload(id).object;
    let template = &set.spec.template;
    let mut metadata = template.metadata.clone();
    metadata.name = Some(name.clone());
    metadata.namespace.clone_from(&set.metadata.namespace);
    metadata.owner_references = vec![controller_reference(owner)];
    for (key, value) in [
        ("controller-revision-hash", revision.to_owned()),
        ("statefulset.kubernetes.io/pod-name", name.clone()),
        ("apps.kubernetes.io/pod-index", ordinal.to_string()),
    ] {
        metadata.labels.insert(key.to_owned(), value);
    }
    let mut spec = template.spec.clone();
    spec.hostname = Some(name.clone());
    if !set.spec.service_name.is_empty() {
        spec.subdomain = Some(set.spec.service_name.clone());
    }
    for claim in &set.spec.volume_claim_templates {
        let claim_name = claim.metadata.name.clone().unwrap_or_default();
        let volume = Volume {
            name: claim_name.clone(),
            persistent_volume_claim: Some(PersistentVolumeClaimVolumeSource {
                claim_name: format!("{claim_name}-{name}"),
                ..PersistentVolumeClaimVolumeSource::default()
            }),
            ..Volume::default()
        };
        match spec.volumes.iter_mut().find(|v| v.name == claim_name) {
            Some(existing) => *existing = volume,
            None => spec.volumes.push(volume),
        }
    }
    // Each incarnation of a name is a new object with its own UID.
    let incarnation = world
        .store
        .pods
        .iter()
        .filter(|stored| stored.object().name() == name)
        .count();
    let pod = Pod {
        api_version: "v1".to_owned(),
        kind: "Pod".to_owned(),
        metadata,
        spec,
        status: None,
    };
    let uid = pod_uid(&format!(
        "{}/{name}/{incarnation}",
        world.store.workload(id).uid()
    ));
    let Some(object) = created_object(world, &pod, uid) else {
        return;
    };
    for claim in &set.spec.volume_claim_templates {
        let claim_name = claim.metadata.name.as_deref().unwrap_or_default();
        let full_name = format!("{claim_name}-{name}");
        if world
            .store
            .object(ObjectKind::PersistentVolumeClaim, &full_name)
            .is_none()
        {
            out.push(Event::ObjectCreated {
                kind: ObjectKind::PersistentVolumeClaim,
                name: full_name,
                data: claim_data(claim, set, world.store.workload(id).uid(), &name),
            });
        }
        if incarnation == 0 {
            record(
                world,
                id,
                "SuccessfulCreate",
                format!(
                    "create Claim {claim_name}-{name} Pod {name} in StatefulSet {set_name} success"
                ),
                SOURCE,
                out,
            );
        }
    }
    out.push(Event::PodCreated(Box::new(object)));
    record(
        world,
        id,
        "SuccessfulCreate",
        format!("create Pod {name} in StatefulSet {set_name} successful"),
        SOURCE,
        out,
    );
}

/// The default StorageClass's name (kind's and minikube's `standard`).
pub const DEFAULT_STORAGE_CLASS: &str = "standard";

/// What `kubectl get pvc` and `describe pvc` show of the claim made from `template` for the Pod
/// `pod`: its requested capacity, access modes, class, the volume provisioned for it
/// (`pvc-<uid>`), and its labels (`getPersistentVolumeClaims`: the template's, with the set's
/// selector's `matchLabels` over them), as `key=value,…`.
fn claim_data(
    template: &PersistentVolumeClaim,
    set: &StatefulSet,
    owner_uid: &str,
    pod: &str,
) -> std::collections::BTreeMap<String, String> {
    let capacity = template
        .spec
        .resources
        .requests
        .get("storage")
        .map(ToString::to_string)
        .unwrap_or_default();
    let modes: Vec<&str> = template
        .spec
        .access_modes
        .iter()
        .map(|mode| match mode.as_str() {
            "ReadWriteOnce" => "RWO",
            "ReadOnlyMany" => "ROX",
            "ReadWriteMany" => "RWX",
            "ReadWriteOncePod" => "RWOP",
            other => other,
        })
        .collect();
    let class = template
        .spec
        .storage_class_name
        .clone()
        .unwrap_or_else(|| DEFAULT_STORAGE_CLASS.to_owned());
    let claim = template.metadata.name.as_deref().unwrap_or_default();
    let mut labels = template.metadata.labels.clone();
    if let Some(selector) = &set.spec.selector {
        labels.extend(selector.match_labels.clone());
    }
    let labels: Vec<String> = labels
        .iter()
        .map(|(key, value)| format!("{key}={value}"))
        .collect();
    [
        ("capacity", capacity),
        ("accessModes", modes.join(",")),
        ("storageClass", class),
        ("labels", labels.join(",")),
        (
            "volume",
            format!("pvc-{}", pod_uid(&format!("{owner_uid}/{claim}-{pod}"))),
        ),
    ]
    .into_iter()
    .map(|(key, value)| (key.to_owned(), value))
    .collect()
}

/// Deletes a Pod of the set, with the `SuccessfulDelete` Event.
fn delete(
    world: &World,
    id: WorkloadId,
    set: &StatefulSet,
    pod: &Pod,
    pod_id: PodId,
    out: &mut Vec<Event>,
) {
    out.push(Event::PodDeleting {
        pod: pod_id,
        grace_seconds: deletion_grace_seconds(pod, None),
    });
    record(
        world,
        id,
        "SuccessfulDelete",
        format!(
            "delete Pod {} in StatefulSet {} successful",
            pod.name(),
            set.metadata.name.as_deref().unwrap_or_default()
        ),
        SOURCE,
        out,
    );
}

/// Writes the status as this sync saw the Pods.
fn write_status(
    world: &World,
    id: WorkloadId,
    set: &StatefulSet,
    pods: &[(i32, PodId)],
    revision: &str,
    now: Timestamp,
    out: &mut Vec<Event>,
) {
    let objects: Vec<&Pod> = pods
        .iter()
        .map(|(_, pod)| world.store.pod(*pod).object())
        .filter(|pod| pod.metadata.deletion_timestamp.is_none())
        .collect();
    let count = |keep: &dyn Fn(&Pod) -> bool| {
        let n = objects.iter().filter(|pod| keep(pod)).count();
        (n > 0).then(|| i32::try_from(n).unwrap_or(i32::MAX))
    };
    let previous = set.status.clone().unwrap_or_default();
    // The revision the Pods had before the template changed, until the rollout is complete
    // (`completeRollingUpdate`: every Pod of the update revision and ready).
    let mut current = previous
        .current_revision
        .clone()
        .unwrap_or_else(|| revision.to_owned());
    let updated = count(&|pod| revision_of(pod) == Some(revision));
    let ready = count(&|pod| ready_since(pod).is_some());
    let replicas = i32::try_from(objects.len()).unwrap_or(i32::MAX);
    let rolling_update = set.spec.update_strategy.kind.as_deref() != Some("OnDelete");
    if rolling_update && updated.unwrap_or(0) == replicas && ready.unwrap_or(0) == replicas {
        revision.clone_into(&mut current);
    }
    let status = StatefulSetStatus {
        observed_generation: set.metadata.generation,
        replicas,
        ready_replicas: ready,
        current_replicas: count(&|pod| revision_of(pod) == Some(current.as_str())),
        updated_replicas: updated,
        current_revision: Some(current.clone()),
        update_revision: Some(revision.to_owned()),
        collision_count: Some(previous.collision_count.unwrap_or(0)),
        available_replicas: Some(
            count(&|pod| is_available(pod, set.spec.min_ready_seconds, now)).unwrap_or(0),
        ),
        conditions: previous.conditions.clone(),
    };
    if set.status.as_ref() != Some(&status) {
        let mut written = set.clone();
        written.status = Some(status);
        out.push(Event::WorkloadWritten {
            workload: id,
            object: Box::new(Workload::StatefulSet(written)),
        });
    }
}
