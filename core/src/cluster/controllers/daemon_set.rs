//! The DaemonSet controller (pkg/controller/daemon): one Pod from the template on each node that
//! should run it (`NodeShouldRunDaemonPod`: the template's node selector and required node
//! affinity, and the node's NoSchedule and NoExecute taints tolerated), a new node getting its
//! Pod as it joins. Each Pod is pinned to its node by a required node affinity on
//! `metadata.name` (`ReplaceDaemonSetPodNodeNameNodeAffinity`) and placed by the scheduler, and
//! carries the tolerations the controller adds (`AddOrUpdateDaemonPodTolerations`), so a lost
//! node's daemon Pod is not evicted. A failed daemon Pod is deleted and made again; a Pod on a
//! node that should not run one goes. A new template rolls out under the `RollingUpdate`
//! strategy: old Pods are deleted, and made again from the new template, while no more than
//! `maxUnavailable` of the nodes' daemons are unavailable; under `OnDelete` a Pod gets the new
//! template only when it is deleted.

use crate::api::v1::IntOrString;
use crate::api::v1::{
    Affinity, NodeAffinity, NodeSelector, NodeSelectorTerm, Pod, SelectorRequirement, Toleration,
};
use crate::api::workloads::Workload;
use crate::api::workloads::types::{DaemonSet, DaemonSetStatus, PodTemplateSpec};
use crate::cluster::World;
use crate::cluster::api_server::deletion_grace_seconds;
use crate::cluster::controllers::names::pod_template_hash;
use crate::cluster::controllers::{
    controlling_workload, create_pods_from, is_active, is_available, owned_pods, ready_since,
    record, record_warning, scaled,
};
use crate::cluster::event::Event;
use crate::cluster::node_affinity::node_matches;
use crate::cluster::scheduler::tolerated;
use crate::cluster::store::{PodId, StoredNode};
use crate::cluster::stored_workload::WorkloadId;
use crate::cluster::trigger::{Change, Timer, Trigger};

/// The Events' source component.
const SOURCE: &str = "daemonset-controller";
/// The label with the hash of the template a Pod was made from.
const REVISION_HASH: &str = "controller-revision-hash";
/// The label with the DaemonSet's generation when the Pod was made.
const TEMPLATE_GENERATION: &str = "pod-template-generation";

/// What the controller does about `trigger`: a DaemonSet's change, its Pods' changes, and any
/// node's.
pub fn decide(world: &World, trigger: &Trigger, out: &mut Vec<Event>) {
    let targets: Vec<WorkloadId> = match trigger {
        Trigger::Watch(Change::WorkloadChanged(id))
        | Trigger::Timer(Timer::WorkloadSync { workload: id }) => vec![*id],
        Trigger::Watch(
            Change::PodCreated(pod)
            | Change::PodDeleting(pod)
            | Change::PodRemoved(pod)
            | Change::PodStatus(pod),
        ) => controlling_workload(
            world,
            &world.store.pod(*pod).object().metadata.owner_references,
        )
        .into_iter()
        .collect(),
        Trigger::Watch(Change::NodeChanged(_) | Change::NodeRemoved(_)) => {
            (0..world.store.workloads.len()).map(WorkloadId).collect()
        }
        _ => Vec::new(),
    };
    for id in targets {
        if matches!(world.store.workload(id).object, Workload::DaemonSet(_)) {
            sync(world, id, out);
        }
    }
}

/// The tolerations the controller adds to its Pods (`AddOrUpdateDaemonPodTolerations`): a
/// not-ready or unreachable node is tolerated for good, and the node conditions that keep
/// other Pods away do not keep daemons away.
pub fn daemon_tolerations(template: &PodTemplateSpec) -> Vec<Toleration> {
    let mut tolerations = template.spec.tolerations.clone();
    let mut added = vec![
        ("node.kubernetes.io/not-ready", "NoExecute"),
        ("node.kubernetes.io/unreachable", "NoExecute"),
        ("node.kubernetes.io/disk-pressure", "NoSchedule"),
        ("node.kubernetes.io/memory-pressure", "NoSchedule"),
        ("node.kubernetes.io/pid-pressure", "NoSchedule"),
        ("node.kubernetes.io/unschedulable", "NoSchedule"),
    ];
    if template.spec.host_network {
        added.push(("node.kubernetes.io/network-unavailable", "NoSchedule"));
    }
    for (key, effect) in added {
        // `AddOrUpdateTolerationInPodSpec`: one of the same key and effect is replaced.
        let toleration = Toleration {
            key: Some(key.to_owned()),
            operator: Some("Exists".to_owned()),
            value: None,
            effect: Some(effect.to_owned()),
            toleration_seconds: None,
        };
        match tolerations
            .iter_mut()
            .find(|t| t.key.as_deref() == Some(key) && t.effect.as_deref() == Some(effect))
        {
            Some(existing) => *existing = toleration,
            None => tolerations.push(toleration),
        }
    }
    tolerations
}

/// The template with the controller's tolerations: the Pod it would run, to test nodes with.
fn daemon_pod(template: &PodTemplateSpec) -> Pod {
    let mut pod = Pod {
        metadata: template.metadata.clone(),
        spec: template.spec.clone(),
        ..Pod::default()
    };
    pod.spec.tolerations = daemon_tolerations(template);
    pod
}

/// Whether `node` should run the DaemonSet's Pod, and whether a Pod already there should keep
/// running (`NodeShouldRunDaemonPod`): a taint the Pod does not tolerate keeps a new Pod away,
/// but only an untolerated NoExecute taint sends one that runs there away.
fn should_run(pod: &Pod, node: &StoredNode) -> (bool, bool) {
    if !node.exists() || !node_matches(pod, &node.spec.name, &node.labels()) {
        return (false, false);
    }
    let untolerated = |effects: &[&str]| {
        node.taints().any(|taint| {
            effects.contains(&taint.effect.as_str()) && !tolerated(&pod.spec.tolerations, taint)
        })
    };
    if untolerated(&["NoSchedule", "NoExecute"]) {
        return (false, !untolerated(&["NoExecute"]));
    }
    (true, true)
}

/// The node a daemon Pod is for: the one it is bound to, else the one its affinity names.
fn node_of(pod: &Pod) -> Option<&str> {
    pod.spec.node_name.as_deref().or_else(|| {
        pod.spec
            .affinity
            .as_ref()?
            .node_affinity
            .as_ref()?
            .required
            .as_ref()?
            .node_selector_terms
            .iter()
            .flat_map(|term| &term.match_fields)
            .find(|field| field.key == "metadata.name" && field.operator == "In")?
            .values
            .first()
            .map(String::as_str)
    })
}

/// The template for the Pod of `node`: pinned to it, with the controller's labels and
/// tolerations.
fn template_for(daemon_set: &DaemonSet, node: &str, hash: &str) -> PodTemplateSpec {
    let mut template = daemon_set.spec.template.clone();
    let labels = &mut template.metadata.labels;
    labels.insert(REVISION_HASH.to_owned(), hash.to_owned());
    labels.insert(
        TEMPLATE_GENERATION.to_owned(),
        daemon_set.metadata.generation.unwrap_or(1).to_string(),
    );
    template.spec.tolerations = daemon_tolerations(&daemon_set.spec.template);
    let pinned = NodeSelector {
        node_selector_terms: vec![NodeSelectorTerm {
            match_expressions: Vec::new(),
            match_fields: vec![SelectorRequirement {
                key: "metadata.name".to_owned(),
                operator: "In".to_owned(),
                values: vec![node.to_owned()],
            }],
        }],
    };
    let affinity = template
        .spec
        .affinity
        .get_or_insert_with(|| Box::new(Affinity::default()));
    affinity
        .node_affinity
        .get_or_insert_with(NodeAffinity::default)
        .required = Some(pinned);
    template
}

/// One sync of the DaemonSet `id` (`syncDaemonSet`, `manage`, `updateDaemonSetStatus`).
fn sync(world: &World, id: WorkloadId, out: &mut Vec<Event>) {
    let stored = world.store.workload(id);
    let Workload::DaemonSet(daemon_set) = &stored.object else {
        return;
    };
    if stored.removed.is_some() {
        return;
    }
    let now = world.wall(world.now);
    let hash = pod_template_hash(&daemon_set.spec.template, None);
    let wanted = daemon_pod(&daemon_set.spec.template);
    let pods = owned_pods(world, stored.uid());
    let mut status = DaemonSetStatus {
        observed_generation: daemon_set.metadata.generation,
        conditions: daemon_set
            .status
            .as_ref()
            .map(|s| s.conditions.clone())
            .unwrap_or_default(),
        ..DaemonSetStatus::default()
    };
    let mut updated = 0;
    let mut available = 0;
    let mut wanted_nodes: Vec<&str> = Vec::new();
    let mut daemons: Vec<NodeDaemons> = Vec::new();
    for node in world.store.nodes.iter().filter(|node| node.exists()) {
        let name = node.spec.name.as_str();
        let on_node: Vec<PodId> = pods
            .iter()
            .copied()
            .filter(|pod| node_of(world.store.pod(*pod).object()) == Some(name))
            .collect();
        let (runs, keeps_running) = should_run(&wanted, node);
        let mut active: Vec<PodId> = Vec::new();
        for pod in &on_node {
            let object = world.store.pod(*pod).object();
            let phase = object.status.as_deref().and_then(|s| s.phase.as_deref());
            if keeps_running
                && phase == Some("Failed")
                && object.metadata.deletion_timestamp.is_none()
            {
                record_warning(
                    world,
                    id,
                    "FailedDaemonPod",
                    format!(
                        "Found failed daemon pod default/{} on node {name}, will try to kill it",
                        object.name()
                    ),
                    SOURCE,
                    out,
                );
                delete(world, id, *pod, out);
            } else if is_active(object) {
                active.push(*pod);
            }
        }
        if runs {
            status.desired_number_scheduled += 1;
        }
        if runs && !on_node.is_empty() {
            daemons.push(node_daemons(world, &active, &hash));
        }
        match active.split_first() {
            None if runs => wanted_nodes.push(name),
            None => {}
            Some((kept, extra)) if keeps_running => {
                if runs {
                    status.current_number_scheduled += 1;
                    let object = world.store.pod(*kept).object();
                    if ready_since(object).is_some() {
                        status.number_ready += 1;
                    }
                    if is_available(object, daemon_set.spec.min_ready_seconds, now) {
                        available += 1;
                    }
                    if object.metadata.labels.get(REVISION_HASH) == Some(&hash) {
                        updated += 1;
                    }
                } else {
                    status.number_misscheduled += 1;
                }
                for pod in extra {
                    delete(world, id, *pod, out);
                }
            }
            Some(_) => {
                status.number_misscheduled += 1;
                for pod in &active {
                    delete(world, id, *pod, out);
                }
            }
        }
    }
    if daemon_set.spec.update_strategy.kind.as_deref() != Some("OnDelete") {
        let desired = status.desired_number_scheduled;
        for pod in to_replace(world, daemon_set, &daemons, desired, now) {
            delete(world, id, pod, out);
        }
    }
    // The new Pods in one batch, so that each gets its own name.
    let templates: Vec<PodTemplateSpec> = wanted_nodes
        .iter()
        .map(|node| template_for(daemon_set, node, &hash))
        .collect();
    create_pods_from(world, id, &templates, SOURCE, out);
    let count = |n: i32| (n > 0).then_some(n);
    status.updated_number_scheduled = count(updated);
    status.number_available = count(available);
    status.number_unavailable = count(status.desired_number_scheduled - available);
    if daemon_set.status.as_ref() != Some(&status) {
        let mut written = daemon_set.clone();
        written.status = Some(status);
        out.push(Event::WorkloadWritten {
            workload: id,
            object: Box::new(Workload::DaemonSet(written)),
        });
    }
}

/// A node's daemon Pods, for the rolling update (`findUpdatedPodsOnNode`): its one Pod of the
/// template's hash and its one older Pod, or `None` when it has two of either.
type NodeDaemons = Option<(Option<PodId>, Option<PodId>)>;

/// The Pods of a node that are not going (`active`), sorted by whether they are of `hash`.
fn node_daemons(world: &World, active: &[PodId], hash: &str) -> NodeDaemons {
    let (mut new, mut old) = (None, None);
    for pod in active {
        let object = world.store.pod(*pod).object();
        let slot = if object
            .metadata
            .labels
            .get(REVISION_HASH)
            .map(String::as_str)
            == Some(hash)
        {
            &mut new
        } else {
            &mut old
        };
        if slot.replace(*pod).is_some() {
            return None;
        }
    }
    Some((new, old))
}

/// The old Pods the rolling update deletes now (`rollingUpdate` without surge): every old Pod
/// that is not available, and as many available ones as `maxUnavailable` (of the `desired`
/// daemons, rounded up; 1 when it is 0) allows beside the daemons already unavailable. A node
/// with no Pod but going ones, with two of a kind, or with an old and a new Pod counts as
/// unavailable. (A `maxSurge` above 0 is not modelled: the update runs as without it.)
fn to_replace(
    world: &World,
    daemon_set: &DaemonSet,
    daemons: &[NodeDaemons],
    desired: i32,
    now: crate::base::timestamp::Timestamp,
) -> Vec<PodId> {
    let one = IntOrString::Int(1);
    let max_unavailable = daemon_set
        .spec
        .update_strategy
        .rolling_update
        .as_ref()
        .and_then(|rolling| rolling.max_unavailable.as_ref())
        .unwrap_or(&one);
    let max_unavailable = match scaled(max_unavailable, desired, true) {
        0 => 1,
        n => n,
    };
    let available = |pod: PodId| {
        is_available(
            world.store.pod(pod).object(),
            daemon_set.spec.min_ready_seconds,
            now,
        )
    };
    let mut unavailable = 0;
    let mut replace = Vec::new();
    let mut candidates = Vec::new();
    for node in daemons {
        match node {
            None | Some((None, None) | (Some(_), Some(_))) => unavailable += 1,
            Some((Some(new), None)) => {
                if !available(*new) {
                    unavailable += 1;
                }
            }
            Some((None, Some(old))) => {
                if !available(*old) {
                    replace.push(*old);
                } else if unavailable < max_unavailable {
                    candidates.push(*old);
                }
            }
        }
    }
    let room = usize::try_from((max_unavailable - unavailable).max(0)).unwrap_or(0);
    replace.extend(candidates.into_iter().take(room));
    replace
}

/// Deletes a daemon Pod, with the `SuccessfulDelete` Event.
fn delete(world: &World, id: WorkloadId, pod: PodId, out: &mut Vec<Event>) {
    let object = world.store.pod(pod).object();
    out.push(Event::PodDeleting {
        pod,
        grace_seconds: deletion_grace_seconds(object, None),
    });
    record(
        world,
        id,
        "SuccessfulDelete",
        format!("Deleted pod: {}", object.name()),
        SOURCE,
        out,
    );
}
