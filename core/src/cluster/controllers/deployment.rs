//! The Deployment controller (pkg/controller/deployment): a ReplicaSet per template, named
//! `<deployment>-<pod-template-hash>`, scaled up and the older ones down as the strategy allows
//! (`RollingUpdate`: at most `maxSurge` Pods above `replicas` and `maxUnavailable` below it,
//! counting only available Pods; `Recreate`: the old ones to zero first), with upstream's
//! annotations, `ScalingReplicaSet` Events, status and conditions.

use crate::api::v1::IntOrString;
use crate::api::workloads::Workload;
use crate::api::workloads::types::{
    Deployment, DeploymentStatus, PodTemplateSpec, ReplicaSet, ReplicaSetSpec, WorkloadCondition,
};
use crate::cluster::World;
use crate::cluster::controllers::names::pod_template_hash;
use crate::cluster::controllers::{controller_reference, controlling_workload, record, scaled};
use crate::cluster::event::Event;
use crate::cluster::stored_workload::WorkloadId;
use crate::cluster::trigger::{Change, Timer, Trigger};

/// The label and selector key that tells a Deployment's ReplicaSets apart
/// (`DefaultDeploymentUniqueLabelKey`).
pub const POD_TEMPLATE_HASH: &str = "pod-template-hash";
/// The revision annotation of a Deployment and its ReplicaSets.
pub const REVISION: &str = "deployment.kubernetes.io/revision";
/// The annotation of a ReplicaSet with its Deployment's `replicas`.
pub const DESIRED_REPLICAS: &str = "deployment.kubernetes.io/desired-replicas";
/// The annotation of a ReplicaSet with its Deployment's `replicas` plus `maxSurge`.
pub const MAX_REPLICAS: &str = "deployment.kubernetes.io/max-replicas";

/// The Events' source component.
const SOURCE: &str = "deployment-controller";

/// What the controller does about `trigger`.
pub fn decide(world: &World, trigger: &Trigger, out: &mut Vec<Event>) {
    let id = match trigger {
        Trigger::Watch(Change::WorkloadChanged(id) | Change::WorkloadRemoved(id))
        | Trigger::Timer(Timer::WorkloadSync { workload: id }) => *id,
        _ => return,
    };
    let target = match &world.store.workload(id).object {
        Workload::Deployment(_) => Some(id),
        Workload::ReplicaSet(rs) => controlling_workload(world, &rs.metadata.owner_references),
        _ => None,
    };
    if let Some(target) = target
        && matches!(world.store.workload(target).object, Workload::Deployment(_))
    {
        sync(world, target, out);
    }
}

/// The template of the Deployment `reference`'s ReplicaSet of `revision`, or by default of the
/// revision before its newest (`rollout undo`), without the `pod-template-hash` label; none
/// when there is no such revision.
pub fn revision_template(
    world: &World,
    reference: &str,
    revision: Option<i64>,
) -> Option<PodTemplateSpec> {
    let id = world.store.live_workload_named(reference)?;
    let uid = world.store.workload(id).uid();
    let mut sets: Vec<(i64, &ReplicaSet)> = world
        .store
        .live_workloads()
        .filter_map(|(_, stored)| match &stored.object {
            Workload::ReplicaSet(rs)
                if crate::api::workloads::is_controlled_by(&rs.metadata, uid) =>
            {
                let revision = rs
                    .metadata
                    .annotations
                    .get(REVISION)
                    .and_then(|r| r.parse().ok())
                    .unwrap_or(0);
                Some((revision, rs))
            }
            _ => None,
        })
        .collect();
    sets.sort_by_key(|(revision, _)| std::cmp::Reverse(*revision));
    let (_, rs) = match revision.filter(|r| *r > 0) {
        Some(wanted) => sets.into_iter().find(|(r, _)| *r == wanted)?,
        None => sets.into_iter().nth(1)?,
    };
    let mut template = rs.spec.template.clone();
    template.metadata.labels.remove(POD_TEMPLATE_HASH);
    Some(template)
}

/// A ReplicaSet of the Deployment, as this sync sees it.
struct Owned<'a> {
    id: WorkloadId,
    rs: &'a ReplicaSet,
}

impl Owned<'_> {
    fn replicas(&self) -> i32 {
        self.rs.spec.replicas.unwrap_or(1)
    }

    fn available(&self) -> i32 {
        self.rs
            .status
            .as_ref()
            .and_then(|s| s.available_replicas)
            .unwrap_or(0)
    }

    fn revision(&self) -> i64 {
        self.rs
            .metadata
            .annotations
            .get(REVISION)
            .and_then(|r| r.parse().ok())
            .unwrap_or(0)
    }
}

/// `maxSurge` and `maxUnavailable` as numbers of Pods for `replicas`
/// (`deploymentutil.ResolveFenceposts`): a percentage of surge rounds up, of unavailability
/// down, and when both are 0 one Pod may be unavailable. `Recreate` has neither.
pub fn fenceposts(deployment: &Deployment) -> (i32, i32) {
    let replicas = deployment.spec.replicas.unwrap_or(1);
    if deployment.spec.strategy.kind.as_deref() == Some("Recreate") {
        return (0, 0);
    }
    let rolling = deployment.spec.strategy.rolling_update.as_ref();
    let quarter = IntOrString::String("25%".to_owned());
    let surge = scaled(
        rolling
            .and_then(|r| r.max_surge.as_ref())
            .unwrap_or(&quarter),
        replicas,
        true,
    );
    let unavailable = scaled(
        rolling
            .and_then(|r| r.max_unavailable.as_ref())
            .unwrap_or(&quarter),
        replicas,
        false,
    );
    if surge == 0 && unavailable == 0 {
        (0, 1)
    } else {
        (surge, unavailable)
    }
}

/// One sync of the Deployment `id` (`syncDeployment`).
fn sync(world: &World, id: WorkloadId, out: &mut Vec<Event>) {
    let stored = world.store.workload(id);
    let Workload::Deployment(deployment) = &stored.object else {
        return;
    };
    if stored.removed.is_some() {
        return;
    }
    let uid = stored.uid();
    let owned: Vec<Owned<'_>> = world
        .store
        .live_workloads()
        .filter_map(|(rs_id, rs_stored)| match &rs_stored.object {
            Workload::ReplicaSet(rs)
                if crate::api::workloads::is_controlled_by(&rs.metadata, uid) =>
            {
                Some(Owned { id: rs_id, rs })
            }
            _ => None,
        })
        .collect();
    let collision_count = deployment.status.as_ref().and_then(|s| s.collision_count);
    let hash = pod_template_hash(&deployment.spec.template, collision_count);
    let new = owned
        .iter()
        .find(|o| o.rs.metadata.labels.get(POD_TEMPLATE_HASH) == Some(&hash));
    let old: Vec<&Owned<'_>> = owned
        .iter()
        .filter(|o| o.rs.metadata.labels.get(POD_TEMPLATE_HASH) != Some(&hash))
        .collect();
    // An old ReplicaSet that is new again (`rollout undo`) takes the next revision
    // (`SetNewReplicaSetAnnotations`); the change wakes this controller again.
    if let Some(new) = new {
        let newest_old = old.iter().map(|o| o.revision()).max().unwrap_or(0);
        if new.revision() <= newest_old && !deployment.spec.paused {
            let mut rs = new.rs.clone();
            rs.metadata
                .annotations
                .insert(REVISION.to_owned(), (newest_old + 1).to_string());
            out.push(Event::WorkloadWritten {
                workload: new.id,
                object: Box::new(Workload::ReplicaSet(rs)),
            });
            return;
        }
    }
    let mut created = None;
    if !deployment.spec.paused {
        let recreate = deployment.spec.strategy.kind.as_deref() == Some("Recreate");
        created = if recreate {
            rollout_recreate(world, id, deployment, &hash, new, &old, out)
        } else {
            rollout_rolling(world, id, deployment, &hash, new, &old, out)
        };
    }
    write_status(world, id, deployment, new, &owned, created.as_deref(), out);
}

/// A `RollingUpdate` step (`rolloutRolling`); the name of the ReplicaSet it created, if it did.
fn rollout_rolling(
    world: &World,
    id: WorkloadId,
    deployment: &Deployment,
    hash: &str,
    new: Option<&Owned<'_>>,
    old: &[&Owned<'_>],
    out: &mut Vec<Event>,
) -> Option<String> {
    let replicas = deployment.spec.replicas.unwrap_or(1);
    let (surge, max_unavailable) = fenceposts(deployment);
    let old_total: i32 = old.iter().map(|o| o.replicas()).sum();
    let Some(new) = new else {
        // A new template: its ReplicaSet starts with what the surge allows
        // (`NewRSNewReplicas`), all of `replicas` for a first rollout.
        let room = (replicas + surge - old_total).max(0);
        return Some(create_replica_set(
            world,
            id,
            deployment,
            hash,
            room.min(replicas),
            old,
            out,
        ));
    };
    // reconcileNewReplicaSet.
    let new_replicas = new.replicas();
    if new_replicas > replicas {
        scale(world, id, deployment, new, replicas, out);
        return None;
    }
    if new_replicas < replicas {
        let room = replicas + surge - (old_total + new_replicas);
        let target = new_replicas + room.max(0).min(replicas - new_replicas);
        if target != new_replicas {
            scale(world, id, deployment, new, target, out);
            return None;
        }
    }
    // reconcileOldReplicaSets: only available Pods count towards what must stay up.
    if old_total == 0 {
        return None;
    }
    let all_total = old_total + new_replicas;
    let min_available = replicas - max_unavailable;
    let new_unavailable = new_replicas - new.available();
    let mut budget = all_total - min_available - new_unavailable;
    if budget <= 0 {
        return None;
    }
    let mut targets: Vec<(usize, i32)> = old
        .iter()
        .enumerate()
        .map(|(index, o)| (index, o.replicas()))
        .collect();
    // cleanupUnhealthyReplicas: the old ReplicaSets' unavailable Pods go first.
    for (index, target) in &mut targets {
        if budget <= 0 {
            break;
        }
        let unhealthy = (*target - old[*index].available()).max(0);
        let down = unhealthy.min(budget);
        *target -= down;
        budget -= down;
    }
    // scaleDownOldReplicaSetsForRollingUpdate: then as many available ones as
    // minAvailable allows, oldest ReplicaSet first.
    let available_total: i32 = old.iter().map(|o| o.available()).sum::<i32>() + new.available();
    let mut room = available_total - min_available;
    for (_, target) in &mut targets {
        if room <= 0 {
            break;
        }
        let down = (*target).min(room);
        *target -= down;
        room -= down;
    }
    for (index, target) in targets {
        if target != old[index].replicas() {
            scale(world, id, deployment, old[index], target, out);
        }
    }
    None
}

/// A `Recreate` step (`rolloutRecreate`): the old ReplicaSets to zero, and once their Pods are
/// gone, the new one at `replicas`.
fn rollout_recreate(
    world: &World,
    id: WorkloadId,
    deployment: &Deployment,
    hash: &str,
    new: Option<&Owned<'_>>,
    old: &[&Owned<'_>],
    out: &mut Vec<Event>,
) -> Option<String> {
    let mut scaled_down = false;
    for o in old.iter().filter(|o| o.replicas() > 0) {
        scale(world, id, deployment, o, 0, out);
        scaled_down = true;
    }
    let old_pods_running = old.iter().any(|o| {
        !crate::cluster::controllers::owned_pods(world, o.rs.metadata.uid.as_deref().unwrap_or(""))
            .into_iter()
            .all(|pod| {
                let phase = world
                    .store
                    .pod(pod)
                    .object()
                    .status
                    .as_deref()
                    .and_then(|s| s.phase.as_deref());
                matches!(phase, Some("Succeeded" | "Failed"))
            })
    });
    if scaled_down || old_pods_running {
        return None;
    }
    let replicas = deployment.spec.replicas.unwrap_or(1);
    match new {
        None => Some(create_replica_set(
            world, id, deployment, hash, replicas, old, out,
        )),
        Some(new) => {
            if new.replicas() != replicas {
                scale(world, id, deployment, new, replicas, out);
            }
            None
        }
    }
}

/// Creates the ReplicaSet of the Deployment's template with `replicas` (`getNewReplicaSet`),
/// and returns its name.
fn create_replica_set(
    world: &World,
    id: WorkloadId,
    deployment: &Deployment,
    hash: &str,
    replicas: i32,
    old: &[&Owned<'_>],
    out: &mut Vec<Event>,
) -> String {
    let name = format!(
        "{}-{hash}",
        deployment.metadata.name.as_deref().unwrap_or("")
    );
    let revision = old.iter().map(|o| o.revision()).max().unwrap_or(0) + 1;
    let (surge, _) = fenceposts(deployment);
    let desired = deployment.spec.replicas.unwrap_or(1);
    let mut template = deployment.spec.template.clone();
    template
        .metadata
        .labels
        .insert(POD_TEMPLATE_HASH.to_owned(), hash.to_owned());
    let mut selector = deployment.spec.selector.clone().unwrap_or_default();
    selector
        .match_labels
        .insert(POD_TEMPLATE_HASH.to_owned(), hash.to_owned());
    let mut rs = ReplicaSet {
        api_version: "apps/v1".to_owned(),
        kind: "ReplicaSet".to_owned(),
        metadata: crate::api::v1::ObjectMeta {
            name: Some(name.clone()),
            namespace: deployment.metadata.namespace.clone(),
            labels: template.metadata.labels.clone(),
            owner_references: vec![controller_reference(&world.store.workload(id).object)],
            ..Default::default()
        },
        spec: ReplicaSetSpec {
            replicas: Some(replicas),
            min_ready_seconds: deployment.spec.min_ready_seconds,
            selector: Some(selector),
            template,
        },
        status: None,
    };
    let annotations = &mut rs.metadata.annotations;
    annotations.insert(REVISION.to_owned(), revision.to_string());
    annotations.insert(DESIRED_REPLICAS.to_owned(), desired.to_string());
    annotations.insert(MAX_REPLICAS.to_owned(), (desired + surge).to_string());
    let object = crate::cluster::api_server::created_workload(world, Workload::ReplicaSet(rs));
    out.push(Event::WorkloadCreated(Box::new(object)));
    if replicas > 0 {
        record(
            world,
            id,
            "ScalingReplicaSet",
            format!("Scaled up replica set {name} from 0 to {replicas}"),
            SOURCE,
            out,
        );
    }
    name
}

/// Sets the ReplicaSet's `replicas` (and its annotations of the Deployment's size), with the
/// Deployment's `ScalingReplicaSet` Event.
fn scale(
    world: &World,
    id: WorkloadId,
    deployment: &Deployment,
    owned: &Owned<'_>,
    replicas: i32,
    out: &mut Vec<Event>,
) {
    let from = owned.replicas();
    let (surge, _) = fenceposts(deployment);
    let desired = deployment.spec.replicas.unwrap_or(1);
    let mut rs = owned.rs.clone();
    rs.spec.replicas = Some(replicas);
    rs.metadata
        .annotations
        .insert(DESIRED_REPLICAS.to_owned(), desired.to_string());
    rs.metadata
        .annotations
        .insert(MAX_REPLICAS.to_owned(), (desired + surge).to_string());
    out.push(Event::WorkloadWritten {
        workload: owned.id,
        object: Box::new(Workload::ReplicaSet(rs)),
    });
    let direction = if replicas > from { "up" } else { "down" };
    let name = owned.rs.metadata.name.as_deref().unwrap_or("");
    record(
        world,
        id,
        "ScalingReplicaSet",
        format!("Scaled {direction} replica set {name} from {from} to {replicas}"),
        SOURCE,
        out,
    );
}

/// Writes the Deployment's status from its ReplicaSets (`calculateStatus`, `syncRolloutStatus`)
/// and its revision annotation.
fn write_status(
    world: &World,
    id: WorkloadId,
    deployment: &Deployment,
    new: Option<&Owned<'_>>,
    owned: &[Owned<'_>],
    created: Option<&str>,
    out: &mut Vec<Event>,
) {
    let now = world.wall(world.now).to_string();
    let status_of = |o: &Owned<'_>| o.rs.status.clone().unwrap_or_default();
    let sum = |f: &dyn Fn(&Owned<'_>) -> i32| -> i32 { owned.iter().map(f).sum() };
    let replicas = deployment.spec.replicas.unwrap_or(1);
    let available = sum(&|o| o.available());
    let total_spec = sum(&|o| o.replicas());
    let (_, max_unavailable) = fenceposts(deployment);
    let previous = deployment.status.clone().unwrap_or_default();
    let nonzero = |n: i32| (n != 0).then_some(n);
    let mut status = DeploymentStatus {
        observed_generation: deployment.metadata.generation,
        replicas: nonzero(sum(&|o| status_of(o).replicas)),
        updated_replicas: nonzero(new.map_or(0, |o| status_of(o).replicas)),
        ready_replicas: nonzero(sum(&|o| status_of(o).ready_replicas.unwrap_or(0))),
        available_replicas: nonzero(available),
        unavailable_replicas: nonzero((total_spec - available).max(0)),
        terminating_replicas: None,
        conditions: previous.conditions.clone(),
        collision_count: previous.collision_count,
    };
    let ok = available >= replicas - max_unavailable;
    set_condition(
        &mut status.conditions,
        condition(
            "Available",
            ok,
            if ok {
                "MinimumReplicasAvailable"
            } else {
                "MinimumReplicasUnavailable"
            },
            if ok {
                "Deployment has minimum availability."
            } else {
                "Deployment does not have minimum availability."
            }
            .to_owned(),
            &now,
        ),
    );
    let new_name = created
        .map(str::to_owned)
        .or_else(|| new.and_then(|o| o.rs.metadata.name.clone()));
    if let Some(created) = created {
        set_condition(
            &mut status.conditions,
            condition(
                "Progressing",
                true,
                "NewReplicaSetCreated",
                format!("Created new replica set \"{created}\""),
                &now,
            ),
        );
    } else if let Some(name) = &new_name {
        let complete = status.updated_replicas.unwrap_or(0) == replicas
            && status.replicas.unwrap_or(0) == replicas
            && available == replicas;
        let progressed = status.updated_replicas != previous.updated_replicas
            || status.replicas != previous.replicas
            || status.ready_replicas != previous.ready_replicas
            || status.available_replicas != previous.available_replicas;
        if complete {
            set_condition(
                &mut status.conditions,
                condition(
                    "Progressing",
                    true,
                    "NewReplicaSetAvailable",
                    format!("ReplicaSet \"{name}\" has successfully progressed."),
                    &now,
                ),
            );
        } else if progressed {
            // Progress moves lastUpdateTime on, even with the same reason.
            let mut updated = condition(
                "Progressing",
                true,
                "ReplicaSetUpdated",
                format!("ReplicaSet \"{name}\" is progressing."),
                &now,
            );
            if let Some(current) = status.conditions.iter().find(|c| c.kind == "Progressing")
                && current.status == "True"
            {
                updated
                    .last_transition_time
                    .clone_from(&current.last_transition_time);
            }
            status.conditions.retain(|c| c.kind != "Progressing");
            status.conditions.push(updated);
        }
    }
    let mut object = deployment.clone();
    if let Some(revision) = new
        .map(|o| o.revision())
        .or(created.map(|_| owned.iter().map(|o| o.revision()).max().unwrap_or(0) + 1))
    {
        object
            .metadata
            .annotations
            .insert(REVISION.to_owned(), revision.to_string());
    }
    object.status = Some(status);
    if object != *deployment {
        out.push(Event::WorkloadWritten {
            workload: id,
            object: Box::new(Workload::Deployment(object)),
        });
    }
}

/// A condition of `kind` set now.
fn condition(kind: &str, ok: bool, reason: &str, message: String, now: &str) -> WorkloadCondition {
    WorkloadCondition {
        kind: kind.to_owned(),
        status: if ok { "True" } else { "False" }.to_owned(),
        last_update_time: Some(now.to_owned()),
        last_transition_time: Some(now.to_owned()),
        reason: Some(reason.to_owned()),
        message: Some(message),
    }
}

/// Sets `condition` among `conditions` as `SetDeploymentCondition` does: one of the same status
/// and reason stays as it is; otherwise the new one goes last, keeping the old transition time
/// when the status is the same.
fn set_condition(conditions: &mut Vec<WorkloadCondition>, mut condition: WorkloadCondition) {
    if let Some(current) = conditions.iter().find(|c| c.kind == condition.kind) {
        if current.status == condition.status && current.reason == condition.reason {
            return;
        }
        if current.status == condition.status {
            condition
                .last_transition_time
                .clone_from(&current.last_transition_time);
        }
    }
    conditions.retain(|c| c.kind != condition.kind);
    conditions.push(condition);
}
