//! The page's cluster view at one instant: the nodes with the Pods on them (and those not yet
//! placed), and the ownership chain of the workload objects (Deployment → ReplicaSets → Pods,
//! CronJob → Jobs → Pods), all as `kubectl get` would show them then.

use crate::api::workloads::Workload;
use crate::base::time::VirtualTime;
use crate::cluster::scenario::Scenario;
use crate::cluster::{Observation, observe_all};
use crate::kubectl::get::pod_row;

/// A Pod as the view shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PodChip {
    /// Its name.
    pub name: String,
    /// READY, such as `1/1`.
    pub ready: String,
    /// STATUS, such as `Running`.
    pub status: String,
}

impl PodChip {
    /// How its STATUS reads at a glance: `ok` for a Pod that runs or has completed, `waiting`
    /// for one on its way (Pending, ContainerCreating, an init container running, Terminating),
    /// `bad` for the rest (an error, a crash loop, a failure).
    pub fn tone(&self) -> &'static str {
        match self.status.as_str() {
            "Running" | "Completed" => "ok",
            "Pending" | "ContainerCreating" | "PodInitializing" | "Terminating" => "waiting",
            status
                if status.starts_with("Init:")
                    && !status.contains("Err")
                    && !status.contains("Crash") =>
            {
                "waiting"
            }
            _ => "bad",
        }
    }
}

/// A node with its Pods.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NodeBox {
    /// Its name.
    pub name: String,
    /// `Ready` or `NotReady`, as `kubectl get nodes` says.
    pub status: String,
    /// The Pods bound to it, by name.
    pub pods: Vec<PodChip>,
}

/// One line of the ownership chain: an object, indented under its owner.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OwnerRow {
    /// How deep under a top-level object (0 for one without an owner).
    pub depth: usize,
    /// The object as kubectl names it: `deployment.apps/web`, `pod/web-56c6c95f89-gswqp`.
    pub object: String,
    /// A word on its state: `3/3 ready`, `Running`.
    pub state: String,
    /// The page's actions on it: empty for an object it cannot act on.
    pub acts: ObjectActs,
}

/// What the page can do to a workload object from the cluster view, as a scenario action does
/// it (`kubectl scale`, `kubectl set image`, `kubectl rollout undo`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ObjectActs {
    /// The object as scenario actions name it: `deployment/web`.
    pub workload: String,
    /// Its desired replicas, when scaling it holds: a Deployment, a StatefulSet, or a
    /// ReplicaSet or ReplicationController that no live object controls.
    pub replicas: Option<i32>,
    /// A Deployment's first container and its image, for a new image.
    pub image: Option<(String, String)>,
    /// True for a Deployment with an earlier revision to roll back to.
    pub roll_back: bool,
}

/// The cluster at one instant.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClusterView {
    /// The nodes, by name.
    pub nodes: Vec<NodeBox>,
    /// The Pods no node runs yet (Pending, unschedulable).
    pub unplaced: Vec<PodChip>,
    /// The workload objects and their Pods, each under its owner.
    pub owners: Vec<OwnerRow>,
}

/// The cluster view of the scenario's manifest `at` after `kubectl apply`.
pub fn at(scenario: &Scenario, at: VirtualTime) -> ClusterView {
    let parsed = crate::playground::state::check(
        &scenario.manifest,
        crate::playground::state::Delivery::of(scenario),
    );
    let now = scenario
        .start
        .plus_millis(i64::try_from(at.as_millis()).unwrap_or(i64::MAX));
    of(&observe_all(&parsed, scenario, at, now))
}

/// The cluster view of what `kubectl` sees at one instant.
pub fn of(observation: &Observation) -> ClusterView {
    let pods: Vec<(&crate::Pod, PodChip)> = observation
        .pods
        .iter()
        .filter(|seen| !seen.gone)
        .map(|seen| {
            let row = pod_row(&seen.pod, seen.now);
            let chip = PodChip {
                name: seen.pod.name().to_owned(),
                ready: row.ready,
                status: row.status,
            };
            (&seen.pod, chip)
        })
        .collect();
    let mut nodes: Vec<NodeBox> = observation
        .nodes
        .iter()
        .map(|node| NodeBox {
            name: node.name.clone(),
            status: if node.ready == "True" {
                "Ready".to_owned()
            } else {
                "NotReady".to_owned()
            },
            pods: pods
                .iter()
                .filter(|(pod, _)| pod.spec.node_name.as_deref() == Some(node.name.as_str()))
                .map(|(_, chip)| chip.clone())
                .collect(),
        })
        .collect();
    crate::base::sorting::sort_by_key(&mut nodes, |node| node.name.clone());
    let unplaced = pods
        .iter()
        .filter(|(pod, _)| pod.spec.node_name.is_none())
        .map(|(_, chip)| chip.clone())
        .collect();
    ClusterView {
        nodes,
        unplaced,
        owners: owner_rows(observation, &pods),
    }
}

/// The ownership chain: each object without a live owner, then what it controls, depth first,
/// in name order.
fn owner_rows(observation: &Observation, pods: &[(&crate::Pod, PodChip)]) -> Vec<OwnerRow> {
    let workloads: Vec<&Workload> = observation
        .workloads
        .iter()
        .map(|seen| &seen.object)
        .collect();
    let uid_of = |object: &Workload| object.metadata().uid.clone().unwrap_or_default();
    let controller = |owners: &[crate::api::v1::OwnerReference]| {
        owners
            .iter()
            .find(|owner| owner.controller == Some(true))
            .map(|owner| owner.uid.clone())
    };
    let live_uids: Vec<String> = workloads.iter().map(|w| uid_of(w)).collect();
    let mut rows = Vec::new();
    let mut roots: Vec<&Workload> = workloads
        .iter()
        .copied()
        .filter(|w| {
            controller(&w.metadata().owner_references).is_none_or(|uid| !live_uids.contains(&uid))
        })
        .collect();
    crate::base::sorting::sort_by_key(&mut roots, |w| w.name().to_owned());
    // Depth first with an explicit stack: (object, depth).
    let mut stack: Vec<(&Workload, usize)> = roots.into_iter().rev().map(|w| (w, 0)).collect();
    let mut visited: Vec<String> = Vec::new();
    while let Some((object, depth)) = stack.pop() {
        let uid = uid_of(object);
        if visited.contains(&uid) || depth > 4 {
            continue;
        }
        visited.push(uid.clone());
        rows.push(OwnerRow {
            depth,
            object: format!("{}/{}", object.kind().kind_group(), object.name()),
            state: workload_state(object),
            acts: acts_on(object, depth == 0, &workloads),
        });
        for (pod, chip) in pods
            .iter()
            .filter(|(pod, _)| controller(&pod.metadata.owner_references).as_ref() == Some(&uid))
        {
            rows.push(OwnerRow {
                depth: depth + 1,
                object: format!("pod/{}", pod.name()),
                state: chip.status.clone(),
                acts: ObjectActs::default(),
            });
        }
        let mut children: Vec<&Workload> = workloads
            .iter()
            .copied()
            .filter(|w| controller(&w.metadata().owner_references).as_ref() == Some(&uid))
            .collect();
        crate::base::sorting::sort_by_key(&mut children, |w| w.name().to_owned());
        stack.extend(children.into_iter().rev().map(|w| (w, depth + 1)));
    }
    // Pods no live controller owns: nothing replaces them.
    for (pod, chip) in pods {
        let owned =
            controller(&pod.metadata.owner_references).is_some_and(|uid| live_uids.contains(&uid));
        if !owned {
            rows.push(OwnerRow {
                depth: 0,
                object: format!("pod/{}", pod.name()),
                state: chip.status.clone(),
                acts: ObjectActs::default(),
            });
        }
    }
    rows
}

/// What the page can do to `object` (`top`: no live object controls it).
fn acts_on(object: &Workload, top: bool, workloads: &[&Workload]) -> ObjectActs {
    let scalable = match object {
        Workload::Deployment(_) | Workload::StatefulSet(_) => true,
        Workload::ReplicaSet(_) | Workload::ReplicationController(_) => top,
        _ => false,
    };
    let deployment = matches!(object, Workload::Deployment(_));
    let first = object
        .template()
        .and_then(|template| template.spec.containers.first())
        .map(|container| {
            (
                container.name.clone(),
                container.image.clone().unwrap_or_default(),
            )
        });
    let roll_back = deployment && {
        let sets = crate::kubectl::rollout::owned_replica_sets(workloads, object);
        crate::kubectl::rollout::undo_error(object.name(), &sets, None).is_none()
    };
    ObjectActs {
        workload: format!(
            "{}/{}",
            object.kind().as_str().to_lowercase(),
            object.name()
        ),
        replicas: scalable.then(|| object.replicas()).flatten(),
        image: first.filter(|_| deployment),
        roll_back,
    }
}

impl ClusterView {
    /// The name a node added from the page gets: `node-N`, the first N from 1 that no node has.
    pub fn next_node_name(&self) -> String {
        (1..)
            .map(|n| format!("node-{n}"))
            .find(|name| self.nodes.iter().all(|node| node.name != *name))
            .unwrap_or_default()
    }
}

/// A word on a workload's state, from its status as `kubectl get` reads it.
fn workload_state(object: &Workload) -> String {
    let row = crate::kubectl::get_workloads::row(
        object,
        crate::base::timestamp::Timestamp::default(),
        false,
    );
    match object {
        Workload::Deployment(_) | Workload::StatefulSet(_) => format!("{} ready", row[1]),
        Workload::ReplicaSet(_) | Workload::ReplicationController(_) => {
            format!("{}/{} ready", row[3], row[1])
        }
        Workload::DaemonSet(_) => format!("{}/{} ready", row[3], row[1]),
        Workload::Job(_) => format!("{}, {}", row[1], row[2]),
        Workload::CronJob(_) => format!("{} active", row[4]),
    }
}

impl ClusterView {
    /// The view as lines of tab-separated fields, for the model thread's answer: `N` a node
    /// (name, status), `P` one of its Pods, `U` a Pod not placed (name, READY, STATUS), `O` an
    /// owner row (depth, object, state). Tabs and line breaks in a field become spaces.
    pub fn to_lines(&self) -> String {
        let clean = |text: &str| text.replace(['\t', '\n', '\r'], " ");
        let mut out = String::new();
        let mut line = |fields: &[&str]| {
            let cleaned: Vec<String> = fields.iter().map(|field| clean(field)).collect();
            out.push_str(&cleaned.join("\t"));
            out.push('\n');
        };
        for node in &self.nodes {
            line(&["N", &node.name, &node.status]);
            for pod in &node.pods {
                line(&["P", &pod.name, &pod.ready, &pod.status]);
            }
        }
        for pod in &self.unplaced {
            line(&["U", &pod.name, &pod.ready, &pod.status]);
        }
        for row in &self.owners {
            let (container, image) = row.acts.image.clone().unwrap_or_default();
            line(&[
                "O",
                &row.depth.to_string(),
                &row.object,
                &row.state,
                &row.acts.workload,
                &row.acts.replicas.map(|r| r.to_string()).unwrap_or_default(),
                &container,
                &image,
                if row.acts.roll_back { "1" } else { "" },
            ]);
        }
        out
    }

    /// Reads the lines [`ClusterView::to_lines`] writes; a line it does not know is left out.
    pub fn from_lines(text: &str) -> ClusterView {
        let mut view = ClusterView::default();
        for line in text.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            let chip = |fields: &[&str]| PodChip {
                name: fields.first().copied().unwrap_or_default().to_owned(),
                ready: fields.get(1).copied().unwrap_or_default().to_owned(),
                status: fields.get(2).copied().unwrap_or_default().to_owned(),
            };
            match fields.as_slice() {
                ["N", name, status] => view.nodes.push(NodeBox {
                    name: (*name).to_owned(),
                    status: (*status).to_owned(),
                    pods: Vec::new(),
                }),
                ["P", rest @ ..] => {
                    if let Some(node) = view.nodes.last_mut() {
                        node.pods.push(chip(rest));
                    }
                }
                ["U", rest @ ..] => view.unplaced.push(chip(rest)),
                [
                    "O",
                    depth,
                    object,
                    state,
                    workload,
                    replicas,
                    container,
                    image,
                    roll_back,
                ] => {
                    view.owners.push(OwnerRow {
                        depth: depth.parse().unwrap_or(0),
                        object: (*object).to_owned(),
                        state: (*state).to_owned(),
                        acts: ObjectActs {
                            workload: (*workload).to_owned(),
                            replicas: replicas.parse().ok(),
                            image: (!container.is_empty())
                                .then(|| ((*container).to_owned(), (*image).to_owned())),
                            roll_back: !roll_back.is_empty(),
                        },
                    });
                }
                _ => {}
            }
        }
        view
    }
}

#[cfg(test)]
mod tests {
    use super::PodChip;

    #[test]
    fn a_pods_tone_follows_its_status() {
        let check = |status: &str, tone: &str| {
            let chip = PodChip {
                status: status.to_owned(),
                ..PodChip::default()
            };
            assert_eq!(chip.tone(), tone, "{status}");
        };
        check("Running", "ok");
        check("Completed", "ok");
        check("Pending", "waiting");
        check("ContainerCreating", "waiting");
        check("Init:0/1", "waiting");
        check("Terminating", "waiting");
        check("Init:CrashLoopBackOff", "bad");
        check("Init:Error", "bad");
        check("CrashLoopBackOff", "bad");
        check("ImagePullBackOff", "bad");
        check("Error", "bad");
        check("Unknown", "bad");
    }
}
