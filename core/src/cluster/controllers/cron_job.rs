//! The CronJob controller (pkg/controller/cronjob, `ControllerV2`): at each time its schedule
//! names, a Job from the `jobTemplate`, named `<cronjob>-<minutes since the epoch>`, as
//! `concurrencyPolicy` allows (`Allow`, `Forbid` skips a run while one is active, `Replace`
//! deletes the active ones first), at most `startingDeadlineSeconds` late; it follows its Jobs
//! to their end (`status.active`, `lastSuccessfulTime`) and keeps only the newest
//! `successfulJobsHistoryLimit` and `failedJobsHistoryLimit` finished ones. It wakes at each
//! scheduled time plus 100 ms (`nextScheduleTimeDuration`'s padding).
//!
//! Schedules are read in UTC: the playground has no time zone database, so a `timeZone` other
//! than UTC is validated but not applied.

use crate::api::workloads::Workload;
use crate::api::workloads::cron::Schedule;
use crate::api::workloads::types::{CronJob, CronJobStatus, Job, ObjectReference};
use crate::base::timestamp::Timestamp;
use crate::cluster::World;
use crate::cluster::api_server::created_workload;
use crate::cluster::controllers::{
    controller_reference, controlling_workload, delete_cascading, record, record_warning,
};
use crate::cluster::event::Event;
use crate::cluster::stored_workload::WorkloadId;
use crate::cluster::trigger::{Change, Timer, Trigger};

/// The Events' source component.
const SOURCE: &str = "cronjob-controller";
/// The annotation of a Job with the time it was scheduled for.
const SCHEDULED_TIMESTAMP: &str = "batch.kubernetes.io/cronjob-scheduled-timestamp";
/// The padding after a scheduled time before the controller looks (`nextScheduleTimeDuration`).
const PADDING_MS: i64 = 100;
/// More missed times than this are reported (`TooManyMissedTimes`) before the latest runs.
const MANY_MISSED: usize = 100;

/// What the controller does about `trigger`: a CronJob's change or timer, or a change of one
/// of its Jobs.
pub fn decide(world: &World, trigger: &Trigger, out: &mut Vec<Event>) {
    let id = match trigger {
        Trigger::Watch(Change::WorkloadChanged(id) | Change::WorkloadRemoved(id))
        | Trigger::Timer(Timer::WorkloadSync { workload: id }) => *id,
        _ => return,
    };
    let target = match &world.store.workload(id).object {
        Workload::CronJob(_) => Some(id),
        Workload::Job(job) => controlling_workload(world, &job.metadata.owner_references),
        _ => None,
    };
    if let Some(target) = target
        && matches!(world.store.workload(target).object, Workload::CronJob(_))
    {
        sync(world, target, out);
    }
}

/// A Job of the CronJob, as this sync sees it.
struct Owned<'a> {
    id: WorkloadId,
    job: &'a Job,
}

impl Owned<'_> {
    /// The Job's finishing condition (`Complete` or `Failed`), if it finished.
    fn finished(&self) -> Option<&str> {
        let status = self.job.status.as_ref()?;
        status
            .conditions
            .iter()
            .find(|c| matches!(c.kind.as_str(), "Complete" | "Failed") && c.status == "True")
            .map(|c| c.kind.as_str())
    }

    fn name(&self) -> &str {
        self.job.metadata.name.as_deref().unwrap_or_default()
    }

    /// When the Job started (its creation), for the history's order.
    fn created(&self) -> Option<Timestamp> {
        self.job
            .metadata
            .creation_timestamp
            .as_deref()
            .and_then(Timestamp::parse)
    }
}

/// One sync of the CronJob `id` (`syncCronJob`).
fn sync(world: &World, id: WorkloadId, out: &mut Vec<Event>) {
    let stored = world.store.workload(id);
    let Workload::CronJob(cron_job) = &stored.object else {
        return;
    };
    if stored.removed.is_some() {
        return;
    }
    let now = world.wall(world.now);
    let previous = cron_job.status.clone().unwrap_or_default();
    let mut status = previous.clone();
    let jobs = owned_jobs(world, stored.uid());
    // The Jobs that finished leave `active`; one not listed yet joins it.
    for owned in &jobs {
        let listed = status
            .active
            .iter()
            .any(|r| r.name.as_deref() == Some(owned.name()));
        match owned.finished() {
            Some(condition) if listed => {
                status
                    .active
                    .retain(|r| r.name.as_deref() != Some(owned.name()));
                record(
                    world,
                    id,
                    "SawCompletedJob",
                    format!(
                        "Saw completed job: {}, condition: {condition}",
                        owned.name()
                    ),
                    SOURCE,
                    out,
                );
                if condition == "Complete"
                    && let Some(done) = owned
                        .job
                        .status
                        .as_ref()
                        .and_then(|s| s.completion_time.clone())
                {
                    status.last_successful_time = Some(done);
                }
            }
            None if !listed => status.active.push(reference(owned.job)),
            _ => {}
        }
    }
    // A reference to a Job that is gone leaves `active` too.
    status.active.retain(|r| {
        jobs.iter()
            .any(|owned| r.name.as_deref() == Some(owned.name()))
    });
    if cron_job.spec.suspend != Some(true)
        && let Ok(schedule) = Schedule::parse(&cron_job.spec.schedule)
    {
        run_schedule(world, id, cron_job, &schedule, &jobs, &mut status, now, out);
        clean_up_history(world, id, cron_job, &jobs, out);
    }
    if status != previous {
        let mut written = cron_job.clone();
        written.status = Some(status);
        out.push(Event::WorkloadWritten {
            workload: id,
            object: Box::new(Workload::CronJob(written)),
        });
    }
}

/// The live Jobs whose controller is the CronJob `uid`, in creation order.
fn owned_jobs<'a>(world: &'a World, uid: &str) -> Vec<Owned<'a>> {
    world
        .store
        .workloads
        .iter()
        .enumerate()
        .filter(|(_, stored)| stored.removed.is_none())
        .filter_map(|(index, stored)| match &stored.object {
            Workload::Job(job) if crate::api::workloads::is_controlled_by(&job.metadata, uid) => {
                Some(Owned {
                    id: WorkloadId(index),
                    job,
                })
            }
            _ => None,
        })
        .collect()
}

/// A reference to `job`, as `status.active` lists it.
fn reference(job: &Job) -> ObjectReference {
    ObjectReference {
        api_version: Some("batch/v1".to_owned()),
        kind: Some("Job".to_owned()),
        name: job.metadata.name.clone(),
        namespace: job
            .metadata
            .namespace
            .clone()
            .or_else(|| Some("default".to_owned())),
        uid: job.metadata.uid.clone(),
        resource_version: job.metadata.resource_version.clone(),
        field_path: None,
    }
}

/// The latest time the schedule names after the last one run (or the CronJob's creation, or
/// `startingDeadlineSeconds` ago) and not after `now`, with how many such times there were
/// (`mostRecentScheduleTime`).
fn most_recent_unmet(
    cron_job: &CronJob,
    schedule: &Schedule,
    status: &CronJobStatus,
    now: Timestamp,
) -> Option<(Timestamp, usize)> {
    let created = cron_job
        .metadata
        .creation_timestamp
        .as_deref()
        .and_then(Timestamp::parse)?;
    let mut earliest = status
        .last_schedule_time
        .as_deref()
        .and_then(Timestamp::parse)
        .unwrap_or(created);
    if let Some(deadline) = cron_job.spec.starting_deadline_seconds {
        earliest = earliest.max(now.plus_millis(-deadline.saturating_mul(1000)));
    }
    let mut latest = None;
    let mut missed = 0;
    let mut after = earliest.millis().div_euclid(1000);
    while let Some(next) = schedule.next_after(after) {
        if next.saturating_mul(1000) > now.millis() {
            break;
        }
        latest = Some(Timestamp::from_millis(next.saturating_mul(1000)));
        missed += 1;
        after = next;
        if missed > MANY_MISSED {
            // Upstream jumps to the latest time; counting on is enough to know there were many.
            while let Some(next) = schedule.next_after(after) {
                if next.saturating_mul(1000) > now.millis() {
                    break;
                }
                latest = Some(Timestamp::from_millis(next.saturating_mul(1000)));
                after = next;
            }
            break;
        }
    }
    latest.map(|at| (at, missed))
}

/// Starts the Job of the latest scheduled time not yet run, if the policy allows, and wakes at
/// the next one.
#[allow(clippy::too_many_arguments)]
fn run_schedule(
    world: &World,
    id: WorkloadId,
    cron_job: &CronJob,
    schedule: &Schedule,
    jobs: &[Owned<'_>],
    status: &mut CronJobStatus,
    now: Timestamp,
    out: &mut Vec<Event>,
) {
    let start = world.wall(0);
    let at = |when: Timestamp| u64::try_from(when.millis_since(start)).unwrap_or(0);
    if let Some(next) = schedule.next_after(now.millis().div_euclid(1000)) {
        let wake = Timestamp::from_millis(next.saturating_mul(1000)).plus_millis(PADDING_MS);
        out.push(Event::TimerSet(
            at(wake),
            Timer::WorkloadSync { workload: id },
        ));
    }
    let Some((scheduled, missed)) = most_recent_unmet(cron_job, schedule, status, now) else {
        return;
    };
    if missed > MANY_MISSED {
        record_warning(
            world,
            id,
            "TooManyMissedTimes",
            format!(
                "too many missed start times: {missed}. Set or decrease .spec.startingDeadlineSeconds or check clock skew"
            ),
            SOURCE,
            out,
        );
    }
    if let Some(deadline) = cron_job.spec.starting_deadline_seconds
        && scheduled.plus_millis(deadline.saturating_mul(1000)) < now
    {
        record_warning(
            world,
            id,
            "MissSchedule",
            format!(
                "Missed scheduled time to start a job: {}",
                scheduled.rfc1123z()
            ),
            SOURCE,
            out,
        );
        return;
    }
    let name = job_name(cron_job, scheduled);
    if jobs.iter().any(|owned| owned.name() == name) {
        return;
    }
    let active: Vec<&Owned<'_>> = jobs.iter().filter(|o| o.finished().is_none()).collect();
    match cron_job.spec.concurrency_policy.as_deref() {
        Some("Forbid") if !active.is_empty() => {
            record(
                world,
                id,
                "JobAlreadyActive",
                "Not starting job because prior execution is running and concurrency policy is Forbid".to_owned(),
                SOURCE,
                out,
            );
            return;
        }
        Some("Replace") => {
            for owned in &active {
                delete_cascading(world, owned.id, out);
                record(
                    world,
                    id,
                    "SuccessfulDelete",
                    format!("Deleted job {}", owned.name()),
                    SOURCE,
                    out,
                );
                status
                    .active
                    .retain(|r| r.name.as_deref() != Some(owned.name()));
            }
        }
        _ => {}
    }
    let job = job_from_template(world, id, cron_job, &name, scheduled);
    let object = created_workload(world, Workload::Job(job));
    if let Workload::Job(created) = &object {
        status.active.push(reference(created));
    }
    out.push(Event::WorkloadCreated(Box::new(object)));
    record(
        world,
        id,
        "SuccessfulCreate",
        format!("Created job {name}"),
        SOURCE,
        out,
    );
    status.last_schedule_time = Some(scheduled.to_string());
}

/// The name of the Job for `scheduled` (`getJobName`): the CronJob's, then the minutes since
/// the epoch.
pub fn job_name(cron_job: &CronJob, scheduled: Timestamp) -> String {
    format!(
        "{}-{}",
        cron_job.metadata.name.as_deref().unwrap_or_default(),
        scheduled.millis().div_euclid(60_000)
    )
}

/// The Job the CronJob makes for `scheduled` (`getJobFromTemplate2`): the template's labels,
/// annotations and spec, the scheduled time's annotation, and the CronJob as its controller.
fn job_from_template(
    world: &World,
    id: WorkloadId,
    cron_job: &CronJob,
    name: &str,
    scheduled: Timestamp,
) -> Job {
    let template = &cron_job.spec.job_template;
    let mut metadata = template.metadata.clone();
    metadata.name = Some(name.to_owned());
    metadata.namespace.clone_from(&cron_job.metadata.namespace);
    metadata
        .annotations
        .insert(SCHEDULED_TIMESTAMP.to_owned(), scheduled.to_string());
    metadata.owner_references = vec![controller_reference(&world.store.workload(id).object)];
    Job {
        api_version: "batch/v1".to_owned(),
        kind: "Job".to_owned(),
        metadata,
        spec: template.spec.clone(),
        status: None,
    }
}

/// Deletes the oldest finished Jobs beyond the history limits (`cleanupFinishedJobs`), with
/// their Pods.
fn clean_up_history(
    world: &World,
    id: WorkloadId,
    cron_job: &CronJob,
    jobs: &[Owned<'_>],
    out: &mut Vec<Event>,
) {
    for (condition, limit) in [
        ("Complete", cron_job.spec.successful_jobs_history_limit),
        ("Failed", cron_job.spec.failed_jobs_history_limit),
    ] {
        let Some(limit) = limit else {
            continue;
        };
        let mut finished: Vec<&Owned<'_>> = jobs
            .iter()
            .filter(|owned| owned.finished() == Some(condition))
            .collect();
        finished.sort_by_key(|owned| owned.created());
        let extra = finished
            .len()
            .saturating_sub(usize::try_from(limit).unwrap_or(0));
        for owned in finished.into_iter().take(extra) {
            delete_cascading(world, owned.id, out);
            record(
                world,
                id,
                "SuccessfulDelete",
                format!("Deleted job {}", owned.name()),
                SOURCE,
                out,
            );
        }
    }
}
