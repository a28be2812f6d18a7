//! `kubectl apply -f -` of an edited manifest while the scenario runs: the API server reads
//! the new text, and for each object updates the one that exists as its update rules allow
//! (`ValidatePodUpdate`, the workloads' `ValidateXUpdate`) or creates the one that does not.
//! kubectl's answer for each object (`pod/web configured`, `deployment.apps/web unchanged`,
//! `The Pod "web" is invalid: …`) is told as the action's outcome.

use crate::api::manifest::Parsed;
use crate::api::v1::{ObjectMeta, Pod};
use crate::api::validation::{invalid_message, updated_spec, validate_pod_update};
use crate::api::workloads::Workload;
use crate::api::workloads::update_validation::validate_update;
use crate::cluster::event::Event;
use crate::cluster::{World, api_server};

/// What the API server does with the edited manifest `text` applied now: the events, and
/// kubectl's lines in `said`.
pub fn apply_edited(world: &World, text: &str, out: &mut Vec<Event>) {
    let parsed = crate::api::manifest::read(text);
    let said = if parsed.has_errors() {
        refusal(&parsed)
    } else {
        let mut results: Vec<Result<String, String>> = Vec::new();
        for pod in parsed.accepted_pods() {
            results.push(apply_pod(world, pod, out));
        }
        for workload in parsed.accepted_workloads() {
            results.push(apply_workload(world, workload, out));
        }
        // kubectl prints each object's result as it goes, and the errors at the end.
        let (done, refused): (Vec<_>, Vec<_>) = results.into_iter().partition(Result::is_ok);
        let lines: Vec<String> = done
            .into_iter()
            .chain(refused)
            .map(|result| result.unwrap_or_else(|error| error))
            .collect();
        if lines.is_empty() {
            "error: no objects passed to apply".to_owned()
        } else {
            lines.join("\n")
        }
    };
    out.push(Event::Applied(said));
}

/// What kubectl prints when the API server refuses the text: the validation errors of its
/// first refused object as the server words them, or the first problem of reading it.
/// `kubectl create -f -` (or `kubectl run`) of `text`: each of its Pods that does not exist is
/// created; one that exists stays (kubectl's `AlreadyExists` is the console's to say).
pub fn create(world: &World, text: &str, out: &mut Vec<Event>) {
    let parsed = crate::api::manifest::read(text);
    if parsed.has_errors() {
        return;
    }
    for pod in parsed.accepted_pods() {
        if world.store.live_pod_named(pod.name()).is_none()
            && let api_server::Recreated::Object(object) = api_server::created_again(world, pod)
        {
            out.push(Event::PodCreated(object));
        }
    }
}

fn refusal(parsed: &Parsed) -> String {
    if let Some(message) = parsed.invalid_message() {
        return message;
    }
    for checked in &parsed.workloads {
        if !checked.errors.is_empty() {
            let workload = &checked.defaulted.workload;
            return invalid_message(workload.kind().as_str(), workload.name(), &checked.errors);
        }
    }
    parsed
        .diagnostics
        .iter()
        .find(|diagnostic| diagnostic.is_error())
        .map_or_else(
            || "error: the manifest could not be applied".to_owned(),
            |diagnostic| {
                format!(
                    "error: error parsing STDIN: line {}: {}",
                    diagnostic.span.start.line,
                    diagnostic.message()
                )
            },
        )
}

/// Applies one Pod of the edited text: updated when one of its name exists (only what a Pod's
/// update may change), created otherwise.
fn apply_pod(world: &World, pod: &Pod, out: &mut Vec<Event>) -> Result<String, String> {
    let name = pod.name();
    let Some(id) = world.store.live_pod_named(name) else {
        return match api_server::created_again(world, pod) {
            api_server::Recreated::Object(object) => {
                out.push(Event::PodCreated(object));
                Ok(format!("pod/{name} created"))
            }
            api_server::Recreated::NotRun => Err(format!(
                "pod/{name} not created: it has more containers than the playground runs"
            )),
            api_server::Recreated::TooMany => Err(format!(
                "pod/{name} not created: the playground's cap on objects of one name"
            )),
        };
    };
    let old = world.store.pod(id).object();
    let new = crate::api::defaults::as_created(pod);
    let errors = validate_pod_update(&new, old);
    if !errors.is_empty() {
        return Err(invalid_message("Pod", name, &errors));
    }
    let mut object = old.clone();
    object.spec = updated_spec(&new, old);
    object.metadata.labels.clone_from(&new.metadata.labels);
    merge_annotations(&mut object.metadata, &new.metadata);
    if object == *old {
        return Ok(format!("pod/{name} unchanged"));
    }
    out.push(Event::PodUpdated {
        pod: id,
        object: Box::new(object),
    });
    Ok(format!("pod/{name} configured"))
}

/// Applies one workload of the edited text: its spec, labels and annotations replace the
/// stored ones when the update rules allow it; one that does not exist is created.
fn apply_workload(
    world: &World,
    workload: &Workload,
    out: &mut Vec<Event>,
) -> Result<String, String> {
    let kind = workload.kind();
    let shown = format!("{}/{}", kind.kind_group(), workload.name());
    let reference = format!("{}/{}", kind.resource(), workload.name());
    let Some(id) = world.store.live_workload_named(&reference) else {
        let object = api_server::created_workload(world, workload.clone());
        out.push(Event::WorkloadCreated(Box::new(object)));
        return Ok(format!("{shown} created"));
    };
    let old = &world.store.workload(id).object;
    let new = updated_workload(workload, old);
    let errors = validate_update(&new, old);
    if !errors.is_empty() {
        return Err(invalid_message(kind.as_str(), workload.name(), &errors));
    }
    if new == *old {
        return Ok(format!("{shown} unchanged"));
    }
    out.push(Event::WorkloadWritten {
        workload: id,
        object: Box::new(new),
    });
    Ok(format!("{shown} configured"))
}

/// The stored `old` with the edited object's spec, labels and annotations, as the API server
/// keeps it after the update: its identity, status and generated fields stay (a Job's
/// generated selector and template labels, which the manifest does not hold).
fn updated_workload(edited: &Workload, old: &Workload) -> Workload {
    let mut new = edited.clone();
    let metadata = new.metadata_mut();
    let mut kept = old.metadata().clone();
    kept.labels.clone_from(&metadata.labels);
    merge_annotations(&mut kept, metadata);
    *metadata = kept;
    if let Workload::Job(job) = &mut new {
        api_server::generate_job_selector(job);
    }
    restore_status(&mut new, old);
    new
}

/// Puts `old`'s status into `new` (an update of the main resource leaves the status as it is).
fn restore_status(new: &mut Workload, old: &Workload) {
    match (new, old) {
        (Workload::Deployment(n), Workload::Deployment(o)) => n.status.clone_from(&o.status),
        (Workload::ReplicaSet(n), Workload::ReplicaSet(o)) => n.status.clone_from(&o.status),
        (Workload::StatefulSet(n), Workload::StatefulSet(o)) => n.status.clone_from(&o.status),
        (Workload::DaemonSet(n), Workload::DaemonSet(o)) => n.status.clone_from(&o.status),
        (Workload::ReplicationController(n), Workload::ReplicationController(o)) => {
            n.status.clone_from(&o.status);
        }
        (Workload::Job(n), Workload::Job(o)) => n.status.clone_from(&o.status),
        (Workload::CronJob(n), Workload::CronJob(o)) => n.status.clone_from(&o.status),
        _ => {}
    }
}

/// The annotations after an apply: the edited ones, and the stored ones the cluster's
/// components wrote (`deployment.kubernetes.io/revision`), which the manifest never held.
fn merge_annotations(stored: &mut ObjectMeta, edited: &ObjectMeta) {
    stored
        .annotations
        .retain(|key, _| key.contains("kubernetes.io/") && !edited.annotations.contains_key(key));
    stored.annotations.extend(
        edited
            .annotations
            .iter()
            .map(|(key, value)| (key.clone(), value.clone())),
    );
}
