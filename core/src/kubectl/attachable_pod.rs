//! The Pod kubectl picks for `kubectl logs KIND/NAME` (and `exec`, `attach`, `port-forward`):
//! staging/src/k8s.io/kubectl/pkg/polymorphichelpers/attachablepodforobject.go lists the Pods
//! the workload's selector matches, and `GetFirstPod` takes the first in the order of
//! `podutils.ByLogging`; with more than one, `kubectl logs` says which it used.

use std::cmp::{Ordering, Reverse};

use crate::api::labels;
use crate::api::v1::{LabelSelector, Pod};
use crate::api::workloads::Workload;
use crate::base::timestamp::Timestamp;

/// The Pods the workload's selector picks (a ReplicationController's label map as a
/// selector); none for an object without one.
pub fn selected<'a>(workload: &Workload, pods: &[&'a Pod]) -> Vec<&'a Pod> {
    let selector = match workload {
        Workload::Deployment(o) => o.spec.selector.clone(),
        Workload::ReplicaSet(o) => o.spec.selector.clone(),
        Workload::StatefulSet(o) => o.spec.selector.clone(),
        Workload::DaemonSet(o) => o.spec.selector.clone(),
        Workload::Job(o) => o.spec.selector.clone(),
        Workload::ReplicationController(o) => Some(LabelSelector {
            match_labels: o.spec.selector.clone(),
            match_expressions: Vec::new(),
        }),
        Workload::CronJob(_) => None,
    };
    let Some(selector) = selector.filter(|s| !labels::is_empty(s)) else {
        return Vec::new();
    };
    pods.iter()
        .copied()
        .filter(|pod| labels::matches(&selector, &pod.metadata.labels))
        .collect()
}

/// The first of `pods` for logging (`GetFirstPod` with `podutils.ByLogging`), and kubectl's
/// note when there was a choice: `Found 3 pods, using pod/web-7d4b9c6f5-abcde`.
pub fn first_for_logging<'a>(pods: &[&'a Pod]) -> Option<(&'a Pod, Option<String>)> {
    let mut sorted = pods.to_vec();
    sorted.sort_by(|a, b| by_logging(a, b));
    let first = *sorted.first()?;
    let note =
        (pods.len() > 1).then(|| format!("Found {} pods, using pod/{}", pods.len(), first.name()));
    Some((first, note))
}

/// `podutils.ByLogging`: assigned before unassigned; Running before Unknown before Pending
/// (other phases rank with Running); ready before not ready; ready longer before ready for
/// less; more restarts before fewer; older before newer.
fn by_logging(a: &Pod, b: &Pod) -> Ordering {
    let assigned = |pod: &Pod| pod.spec.node_name.as_deref().is_some_and(|n| !n.is_empty());
    let phase_rank = |pod: &Pod| match phase(pod) {
        Some("Unknown") => 1,
        Some("Pending") => 2,
        _ => 0,
    };
    let ready = |pod: &Pod| ready_since(pod);
    Reverse(assigned(a))
        .cmp(&Reverse(assigned(b)))
        .then(phase_rank(a).cmp(&phase_rank(b)))
        .then(Reverse(ready(a).is_some()).cmp(&Reverse(ready(b).is_some())))
        .then(earlier_first(ready(a), ready(b)))
        .then(Reverse(max_restarts(a)).cmp(&Reverse(max_restarts(b))))
        .then(earlier_first(created(a), created(b)))
}

/// The Pod `kubectl exec KIND/NAME` (and `attach`, `port-forward`) uses: the first of
/// `sort.Reverse(podutils.ActivePods)` (attachablePodForObject): assigned before unassigned;
/// Running before Unknown before Pending; ready before not ready; ready longer before ready for
/// less; fewer restarts before more; older before newer. No notice says which.
pub fn first_for_attach<'a>(pods: &[&'a Pod]) -> Option<&'a Pod> {
    let assigned = |pod: &Pod| pod.spec.node_name.as_deref().is_some_and(|n| !n.is_empty());
    let phase_rank = |pod: &Pod| match phase(pod) {
        Some("Pending") => 2,
        Some("Unknown") => 1,
        Some("Running") => 0,
        _ => 3,
    };
    let mut sorted = pods.to_vec();
    sorted.sort_by(|a, b| {
        Reverse(assigned(a))
            .cmp(&Reverse(assigned(b)))
            .then(phase_rank(a).cmp(&phase_rank(b)))
            .then(Reverse(ready_since(a).is_some()).cmp(&Reverse(ready_since(b).is_some())))
            .then(earlier_first(ready_since(a), ready_since(b)))
            .then(max_restarts(a).cmp(&max_restarts(b)))
            .then(earlier_first(created(a), created(b)))
    });
    sorted.first().copied()
}

/// Earlier instants first, absent ones last.
fn earlier_first(a: Option<Timestamp>, b: Option<Timestamp>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn phase(pod: &Pod) -> Option<&str> {
    pod.status.as_deref().and_then(|s| s.phase.as_deref())
}

/// When the Pod's `Ready` condition last turned `True`, if it is.
fn ready_since(pod: &Pod) -> Option<Timestamp> {
    let condition = pod
        .status
        .as_deref()?
        .conditions
        .iter()
        .find(|c| c.kind == "Ready" && c.status == "True")?;
    Some(
        condition
            .last_transition_time
            .as_deref()
            .and_then(Timestamp::parse)
            .unwrap_or_default(),
    )
}

fn created(pod: &Pod) -> Option<Timestamp> {
    pod.metadata
        .creation_timestamp
        .as_deref()
        .and_then(Timestamp::parse)
}

/// The most restarts of any one container (`maxContainerRestarts`).
fn max_restarts(pod: &Pod) -> i32 {
    pod.status
        .as_deref()
        .and_then(|s| s.container_statuses.iter().map(|c| c.restart_count).max())
        .unwrap_or(0)
}
