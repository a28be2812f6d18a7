//! The Job controller (pkg/controller/job): Pods from the template until `completions` of them
//! succeed, `parallelism` at a time. With `restartPolicy: Never` a failed Pod is replaced by a
//! new one after the controller's back-off (10 s doubling, from the last failure), and the
//! `backoffLimit + 1`-th failure fails the Job; with `OnFailure` the kubelet restarts the
//! container in place and the restarts count towards the limit. `activeDeadlineSeconds` ends a
//! Job that runs too long; `ttlSecondsAfterFinished` deletes a finished one with its Pods.

use std::collections::BTreeSet;

use crate::api::v1::{EnvVar, EnvVarSource, ObjectFieldSelector, Pod};
use crate::api::workloads::Workload;
use crate::api::workloads::types::{Job, JobCondition, JobStatus, PodTemplateSpec};
use crate::base::timestamp::Timestamp;
use crate::cluster::World;
use crate::cluster::api_server::deletion_grace_seconds;
use crate::cluster::controllers::{
    controller_of, controlling_workload, create_pods, create_pods_named, delete_cascading,
    ready_since, record, record_warning,
};
use crate::cluster::event::Event;
use crate::cluster::store::PodId;
use crate::cluster::stored_workload::WorkloadId;
use crate::cluster::trigger::{Change, Timer, Trigger};

/// The Events' source component.
const SOURCE: &str = "job-controller";
/// The first back-off before a failed Pod is replaced (`DefaultJobPodFailureBackOff`).
const BACKOFF_MS: u64 = 10_000;
/// The longest back-off (`MaxJobPodFailureBackOff`).
const MAX_BACKOFF_MS: u64 = 600_000;

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
        && matches!(world.store.workload(id).object, Workload::Job(_))
    {
        sync(world, id, out);
    }
}

/// The phase of a Pod.
fn phase(pod: &Pod) -> Option<&str> {
    pod.status.as_deref().and_then(|s| s.phase.as_deref())
}

/// When a terminal Pod finished: its last container's end, else its last condition's change.
fn finished_at(pod: &Pod) -> Option<Timestamp> {
    let status = pod.status.as_deref()?;
    status
        .container_statuses
        .iter()
        .filter_map(|c| {
            c.state
                .as_ref()?
                .terminated
                .as_ref()?
                .finished_at
                .as_deref()
        })
        .filter_map(Timestamp::parse)
        .max()
        .or_else(|| {
            status
                .conditions
                .iter()
                .filter_map(|c| c.last_transition_time.as_deref())
                .filter_map(Timestamp::parse)
                .max()
        })
}

/// What the controller counted of a Job's Pods.
struct Counts {
    /// The Pods not yet terminal nor being deleted.
    active: Vec<PodId>,
    succeeded: usize,
    /// Failed Pods, and Pods removed before they succeeded (`isPodFailed`).
    failed: usize,
    /// Active Pods that are ready.
    ready: usize,
    /// Live Pods being deleted.
    terminating: usize,
    /// Restarts of the active Pods' containers (`pastBackoffLimitOnFailure`).
    restarts: usize,
    /// When each failed Pod finished, since the last success (the back-off's record).
    failures_since_success: Vec<Timestamp>,
    /// An Indexed Job's indexes that succeeded, and those an active Pod runs.
    succeeded_indexes: BTreeSet<usize>,
    active_indexes: BTreeSet<usize>,
}

/// The annotation and label with an Indexed Job's Pod's completion index.
const COMPLETION_INDEX: &str = "batch.kubernetes.io/job-completion-index";

/// The completion index of an Indexed Job's Pod.
fn index_of(pod: &Pod) -> Option<usize> {
    pod.metadata.annotations.get(COMPLETION_INDEX)?.parse().ok()
}

/// Counts every Pod the Job `uid` ever made, removed ones included: the controller counted
/// them when they finished (it holds them with a finalizer until it has).
fn count(world: &World, uid: &str) -> Counts {
    let mut counts = Counts {
        active: Vec::new(),
        succeeded: 0,
        failed: 0,
        ready: 0,
        terminating: 0,
        restarts: 0,
        failures_since_success: Vec::new(),
        succeeded_indexes: BTreeSet::new(),
        active_indexes: BTreeSet::new(),
    };
    let mut last_success = None;
    let mut failures = Vec::new();
    for (index, stored) in world.store.pods.iter().enumerate() {
        let pod = stored.object();
        if controller_of(pod).is_none_or(|owner| owner.uid != uid) {
            continue;
        }
        let removed = stored.removed.is_some();
        match phase(pod) {
            Some("Succeeded") => {
                counts.succeeded += 1;
                counts.succeeded_indexes.extend(index_of(pod));
                last_success = last_success.max(finished_at(pod));
            }
            Some("Failed") => {
                counts.failed += 1;
                failures.extend(finished_at(pod));
            }
            _ if removed => counts.failed += 1,
            _ if pod.metadata.deletion_timestamp.is_some() => counts.terminating += 1,
            _ => {
                counts.active.push(PodId(index));
                counts.active_indexes.extend(index_of(pod));
                counts.ready += usize::from(ready_since(pod).is_some());
                counts.restarts += restarts(pod);
            }
        }
    }
    counts.failures_since_success = failures
        .into_iter()
        .filter(|finished| last_success.is_none_or(|success| *finished > success))
        .collect();
    counts
}

/// The restarts of a Pod's containers and init containers.
fn restarts(pod: &Pod) -> usize {
    pod.status
        .as_deref()
        .map(|status| {
            status
                .container_statuses
                .iter()
                .chain(&status.init_container_statuses)
                .map(|c| usize::try_from(c.restart_count).unwrap_or(0))
                .sum()
        })
        .unwrap_or(0)
}

/// Why the Job fails now, if it does: the back-off limit (`exceedsBackoffLimit`,
/// `pastBackoffLimitOnFailure`), else its active deadline.
fn failure(
    job: &Job,
    counts: &Counts,
    deadline: Option<Timestamp>,
    now: Timestamp,
) -> Option<(&'static str, &'static str)> {
    let backoff_limit = usize::try_from(job.spec.backoff_limit.unwrap_or(6)).unwrap_or(0);
    let past_backoff_limit =
        if job.spec.template.spec.restart_policy.as_deref() == Some("OnFailure") {
            counts.restarts > 0 && counts.restarts >= backoff_limit
        } else {
            counts.failed > backoff_limit
        };
    if past_backoff_limit {
        Some((
            "BackoffLimitExceeded",
            "Job has reached the specified backoff limit",
        ))
    } else if deadline.is_some_and(|deadline| now >= deadline) {
        Some((
            "DeadlineExceeded",
            "Job was active longer than specified deadline",
        ))
    } else {
        None
    }
}

/// When the controller may create Pods again after failures: 10 s after the last failure,
/// doubling with each failure since the last success, at most 10 minutes
/// (`getRemainingTime` of the back-off record).
fn backoff_until(failures: &[Timestamp]) -> Option<Timestamp> {
    let last = failures.iter().max()?;
    let exponent = u32::try_from(failures.len().saturating_sub(1))
        .unwrap_or(u32::MAX)
        .min(16);
    let delay = BACKOFF_MS.saturating_mul(1 << exponent).min(MAX_BACKOFF_MS);
    Some(last.plus_millis(i64::try_from(delay).unwrap_or(i64::MAX)))
}

/// One sync of the Job `id` (`syncJob`).
fn sync(world: &World, id: WorkloadId, out: &mut Vec<Event>) {
    let stored = world.store.workload(id);
    let Workload::Job(job) = &stored.object else {
        return;
    };
    if stored.removed.is_some() {
        return;
    }
    let now = world.wall(world.now);
    let now_text = now.to_string();
    let start = world.wall(0);
    let at = |when: Timestamp| u64::try_from(when.millis_since(start)).unwrap_or(0);
    let previous = job.status.clone().unwrap_or_default();
    if finished(&previous).is_some() {
        expire(world, id, job, &previous, out);
        return;
    }
    let counts = count(world, stored.uid());
    let mut status = previous.clone();
    if job.spec.suspend == Some(true) {
        // A suspended Job's Pods go, and its clock stops.
        if set_condition(
            &mut status.conditions,
            "Suspended",
            "JobSuspended",
            "Job suspended",
            &now_text,
        ) {
            record(
                world,
                id,
                "Suspended",
                "Job suspended".to_owned(),
                SOURCE,
                out,
            );
        }
        delete_pods(world, id, &counts.active, out);
        status.start_time = None;
    } else {
        status.conditions.retain(|c| c.kind != "Suspended");
        let started = status.start_time.get_or_insert_with(|| now_text.clone());
        let deadline = job.spec.active_deadline_seconds.and_then(|seconds| {
            Timestamp::parse(started).map(|from| from.plus_millis(seconds.saturating_mul(1000)))
        });
        let completions = job
            .spec
            .completions
            .map(|c| usize::try_from(c).unwrap_or(0));
        let parallelism = usize::try_from(job.spec.parallelism.unwrap_or(1)).unwrap_or(0);
        // Without `completions` (a work queue), the first success ends the Job once the
        // other Pods have finished.
        let indexed = job.spec.completion_mode.as_deref() == Some("Indexed");
        let succeeded = if indexed {
            counts.succeeded_indexes.len()
        } else {
            counts.succeeded
        };
        let complete = match completions {
            Some(completions) => succeeded >= completions,
            None => succeeded > 0 && counts.active.is_empty(),
        };
        if complete {
            delete_pods(world, id, &counts.active, out);
            for kind in ["SuccessCriteriaMet", "Complete"] {
                set_condition(
                    &mut status.conditions,
                    kind,
                    "CompletionsReached",
                    "Reached expected number of succeeded pods",
                    &now_text,
                );
            }
            status.completion_time = Some(now_text.clone());
            record(
                world,
                id,
                "Completed",
                "Job completed".to_owned(),
                SOURCE,
                out,
            );
        } else if let Some((reason, message)) = failure(job, &counts, deadline, now) {
            delete_pods(world, id, &counts.active, out);
            for kind in ["FailureTarget", "Failed"] {
                set_condition(&mut status.conditions, kind, reason, message, &now_text);
            }
            record_warning(world, id, reason, message.to_owned(), SOURCE, out);
        } else {
            let wanted = match completions {
                Some(completions) => parallelism.min(completions.saturating_sub(succeeded)),
                None if counts.succeeded > 0 => 0,
                None => parallelism,
            };
            if counts.active.len() < wanted {
                match backoff_until(&counts.failures_since_success) {
                    Some(until) if until > now => {
                        out.push(Event::TimerSet(
                            at(until),
                            Timer::WorkloadSync { workload: id },
                        ));
                    }
                    _ if indexed => {
                        // The lowest indexes that neither succeeded nor run.
                        let missing: Vec<(PodTemplateSpec, String)> =
                            (0..completions.unwrap_or(0).min(MAX_INDEXES))
                                .filter(|i| {
                                    !counts.succeeded_indexes.contains(i)
                                        && !counts.active_indexes.contains(i)
                                })
                                .take(wanted - counts.active.len())
                                .map(|i| indexed_template(job, i))
                                .collect();
                        create_pods_named(world, id, &missing, SOURCE, out);
                    }
                    _ => create_pods(
                        world,
                        id,
                        &job.spec.template,
                        wanted - counts.active.len(),
                        SOURCE,
                        out,
                    ),
                }
            }
            if let Some(deadline) = deadline {
                out.push(Event::TimerSet(
                    at(deadline),
                    Timer::WorkloadSync { workload: id },
                ));
            }
        }
    }
    let count_of = |n: usize| (n > 0).then(|| i32::try_from(n).unwrap_or(i32::MAX));
    let done = finished(&status).is_some() || job.spec.suspend == Some(true);
    status.active = count_of(if done { 0 } else { counts.active.len() });
    let indexed = job.spec.completion_mode.as_deref() == Some("Indexed");
    status.succeeded = count_of(if indexed {
        counts.succeeded_indexes.len()
    } else {
        counts.succeeded
    });
    if indexed && !counts.succeeded_indexes.is_empty() {
        status.completed_indexes = Some(index_ranges(&counts.succeeded_indexes));
    }
    status.failed = count_of(counts.failed);
    status.ready = Some(i32::try_from(if done { 0 } else { counts.ready }).unwrap_or(i32::MAX));
    status.terminating = Some(i32::try_from(counts.terminating).unwrap_or(i32::MAX));
    if status != previous {
        let mut written = job.clone();
        written.status = Some(status.clone());
        out.push(Event::WorkloadWritten {
            workload: id,
            object: Box::new(Workload::Job(written)),
        });
    }
    if let (Some(finish), Some(ttl)) = (finished(&status), job.spec.ttl_seconds_after_finished) {
        let when = finish.plus_millis(i64::from(ttl) * 1000);
        out.push(Event::TimerSet(
            at(when),
            Timer::WorkloadSync { workload: id },
        ));
    }
}

/// The most indexes an Indexed Job runs here.
const MAX_INDEXES: usize = 10_000;

/// The template of an Indexed Job's Pod for `index` (`getPodTemplateWithIndex`): the index as
/// annotation and label, the hostname `<job>-<index>`, `JOB_COMPLETION_INDEX` in every
/// container's environment; named `<job>-<index>-<5 chars>`.
fn indexed_template(job: &Job, index: usize) -> (PodTemplateSpec, String) {
    let name = job.metadata.name.as_deref().unwrap_or_default();
    let mut template = job.spec.template.clone();
    let metadata = &mut template.metadata;
    metadata
        .annotations
        .insert(COMPLETION_INDEX.to_owned(), index.to_string());
    metadata
        .labels
        .insert(COMPLETION_INDEX.to_owned(), index.to_string());
    template.spec.hostname = Some(format!("{name}-{index}"));
    let variable = EnvVar {
        name: "JOB_COMPLETION_INDEX".to_owned(),
        value: None,
        value_from: Some(EnvVarSource {
            field_ref: Some(ObjectFieldSelector {
                api_version: Some("v1".to_owned()),
                field_path: format!("metadata.annotations['{COMPLETION_INDEX}']"),
            }),
            ..EnvVarSource::default()
        }),
    };
    for container in template
        .spec
        .containers
        .iter_mut()
        .chain(template.spec.init_containers.iter_mut())
    {
        if !container.env.iter().any(|v| v.name == variable.name) {
            container.env.push(variable.clone());
        }
    }
    (template, format!("{name}-{index}-"))
}

/// Indexes as `status.completedIndexes` writes them: runs as ranges, `0-2,4`.
fn index_ranges(indexes: &BTreeSet<usize>) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut run: Option<(usize, usize)> = None;
    for &index in indexes {
        run = match run {
            Some((first, last)) if index == last + 1 => Some((first, index)),
            Some(done) => {
                parts.push(range_text(done));
                Some((index, index))
            }
            None => Some((index, index)),
        };
    }
    parts.extend(run.map(range_text));
    parts.join(",")
}

/// `3` or `0-2`.
fn range_text((first, last): (usize, usize)) -> String {
    if first == last {
        first.to_string()
    } else {
        format!("{first}-{last}")
    }
}

/// When the Job finished (its `Complete` or `Failed` condition), if it did.
fn finished(status: &JobStatus) -> Option<Timestamp> {
    status
        .conditions
        .iter()
        .find(|c| matches!(c.kind.as_str(), "Complete" | "Failed") && c.status == "True")
        .and_then(|c| c.last_transition_time.as_deref())
        .and_then(Timestamp::parse)
}

/// A finished Job whose `ttlSecondsAfterFinished` ran out is deleted, its Pods with it (the
/// TTL-after-finished controller, and the garbage collector's background cascade).
fn expire(world: &World, id: WorkloadId, job: &Job, status: &JobStatus, out: &mut Vec<Event>) {
    let (Some(finish), Some(ttl)) = (finished(status), job.spec.ttl_seconds_after_finished) else {
        return;
    };
    if world.wall(world.now) < finish.plus_millis(i64::from(ttl) * 1000) {
        return;
    }
    delete_cascading(world, id, out);
}

/// Deletes the Job's `active` Pods, with `SuccessfulDelete` Events.
fn delete_pods(world: &World, id: WorkloadId, active: &[PodId], out: &mut Vec<Event>) {
    for pod in active {
        let object = world.store.pod(*pod).object();
        out.push(Event::PodDeleting {
            pod: *pod,
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
}

/// Sets a condition of `kind` to `True` now, unless it already is; true when it was not.
fn set_condition(
    conditions: &mut Vec<JobCondition>,
    kind: &str,
    reason: &str,
    message: &str,
    now: &str,
) -> bool {
    if conditions
        .iter()
        .any(|c| c.kind == kind && c.status == "True")
    {
        return false;
    }
    conditions.retain(|c| c.kind != kind);
    conditions.push(JobCondition {
        kind: kind.to_owned(),
        status: "True".to_owned(),
        last_probe_time: Some(now.to_owned()),
        last_transition_time: Some(now.to_owned()),
        reason: Some(reason.to_owned()),
        message: Some(message.to_owned()),
    });
    true
}
