//! `kubectl describe` of workloads: kubectl's describers (staging/src/k8s.io/kubectl/pkg/describe
//! `describeDeployment`, `describeReplicaSet`, `describeReplicationController`,
//! `describeStatefulSet`, `describeDaemonSet`, `describeJob`, `describeCronJob`, and
//! `DescribePodTemplate` for their templates), pure functions of the object, the Pods and
//! workloads around it, its Events and "now", so an object pasted from a cluster describes as a
//! simulated one does.

use crate::api::labels;
use crate::api::v1::{LabelSelector, Pod};
use crate::api::workloads::Workload;
use crate::api::workloads::types::{
    CronJob, DaemonSet, Deployment, Job, JobTemplateSpec, PersistentVolumeClaim, PodTemplateSpec,
    ReplicaSet, ReplicationController, StatefulSet, WorkloadCondition,
};
use crate::cluster::events::Event;
use crate::kubectl::describe::{DescribeOptions, LEVEL_0, LEVEL_1, Writer};
use crate::kubectl::get::human_duration_millis;
use crate::kubectl::tabwriter::TabWriter;

/// What a describer reads around the object: the Pods and the workload objects that exist.
#[derive(Clone, Copy, Debug)]
pub struct Around<'a> {
    /// The Pods.
    pub pods: &'a [&'a Pod],
    /// The workload objects.
    pub workloads: &'a [&'a Workload],
}

/// The text of `kubectl describe KIND NAME` for `object`, with `events` (those involving it).
pub fn describe_workload(
    object: &Workload,
    around: Around<'_>,
    events: &[Event],
    options: DescribeOptions,
) -> String {
    let mut w = Writer {
        out: String::new(),
        options,
    };
    match object {
        Workload::Deployment(d) => deployment(&mut w, d, around),
        Workload::ReplicaSet(rs) => replica_set(&mut w, rs, around),
        Workload::ReplicationController(rc) => replication_controller(&mut w, rc, around),
        Workload::StatefulSet(set) => stateful_set(&mut w, set, around),
        Workload::DaemonSet(ds) => daemon_set(&mut w, ds, around),
        Workload::Job(job) => job_describe(&mut w, job),
        Workload::CronJob(cron_job) => cron_job_describe(&mut w, cron_job),
    }
    w.events(events);
    TabWriter::DESCRIBE.format(&w.out)
}

/// A selector as `labels.Selector` prints it: empty when it selects everything.
fn selector_text(selector: Option<&LabelSelector>) -> String {
    match selector {
        Some(selector) if !labels::is_empty(selector) => labels::format(selector),
        _ => String::new(),
    }
}

/// `getPodStatusForController`: the Pods the selector picks whose controller is the object
/// with `uid`, by phase: Running, Pending ("Waiting"), Succeeded, Failed.
fn pod_counts(around: Around<'_>, selector: &LabelSelector, uid: &str) -> String {
    let mut counts = [0usize; 4];
    for pod in around.pods {
        let controlled = crate::api::workloads::is_controlled_by(&pod.metadata, uid);
        if !controlled || !labels::matches(selector, &pod.metadata.labels) {
            continue;
        }
        match pod.status.as_deref().and_then(|s| s.phase.as_deref()) {
            Some("Running") => counts[0] += 1,
            Some("Pending") => counts[1] += 1,
            Some("Succeeded") => counts[2] += 1,
            Some("Failed") => counts[3] += 1,
            _ => {}
        }
    }
    format!(
        "{} Running / {} Waiting / {} Succeeded / {} Failed",
        counts[0], counts[1], counts[2], counts[3]
    )
}

/// `Name`, `Namespace` and, for the kinds that print it, `CreationTimestamp`.
fn head(w: &mut Writer, meta: &crate::api::v1::ObjectMeta, created: bool) {
    w.write(
        LEVEL_0,
        &format!("Name:\t{}\n", meta.name.as_deref().unwrap_or_default()),
    );
    w.write(
        LEVEL_0,
        &format!(
            "Namespace:\t{}\n",
            meta.namespace.as_deref().unwrap_or("default")
        ),
    );
    if created {
        let time = w.time(meta.creation_timestamp.as_deref());
        w.write(LEVEL_0, &format!("CreationTimestamp:\t{time}\n"));
    }
}

/// `Labels` and `Annotations`.
fn labels_and_annotations(w: &mut Writer, meta: &crate::api::v1::ObjectMeta) {
    w.labels("Labels", meta.labels.iter().collect());
    w.annotations("Annotations", &meta.annotations);
}

/// `Controlled By: Kind/name`, when an owner is the controller.
fn controlled_by(w: &mut Writer, meta: &crate::api::v1::ObjectMeta) {
    if let Some(owner) = meta
        .owner_references
        .iter()
        .find(|owner| owner.controller == Some(true))
    {
        w.write(
            LEVEL_0,
            &format!("Controlled By:\t{}/{}\n", owner.kind, owner.name),
        );
    }
}

/// The conditions table of Deployments, ReplicaSets and ReplicationControllers.
fn conditions(w: &mut Writer, conditions: &[WorkloadCondition]) {
    if conditions.is_empty() {
        return;
    }
    w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tReason\n");
    w.write(LEVEL_1, "----\t------\t------\n");
    for condition in conditions {
        w.write(
            LEVEL_1,
            &format!(
                "{} \t{}\t{}\n",
                condition.kind,
                condition.status,
                condition.reason.as_deref().unwrap_or_default()
            ),
        );
    }
}

/// `DescribePodTemplate`.
fn pod_template(w: &mut Writer, template: Option<&PodTemplateSpec>) {
    w.write(LEVEL_0, "Pod Template:\n");
    let Some(template) = template else {
        w.write(LEVEL_1, "<unset>");
        return;
    };
    let spec = &template.spec;
    w.labels("  Labels", template.metadata.labels.iter().collect());
    if !template.metadata.annotations.is_empty() {
        w.annotations("  Annotations", &template.metadata.annotations);
    }
    if let Some(account) = spec
        .service_account_name
        .as_deref()
        .filter(|a| !a.is_empty())
    {
        w.write(LEVEL_1, &format!("Service Account:\t{account}\n"));
    }
    if !spec.init_containers.is_empty() {
        w.containers("Init Containers", &spec.init_containers, &[], None, "  ");
    }
    w.containers("Containers", &spec.containers, &[], None, "  ");
    w.volumes(&spec.volumes, "  ");
    if let Some(class) = spec
        .priority_class_name
        .as_deref()
        .filter(|c| !c.is_empty())
    {
        w.write(LEVEL_1, &format!("Priority Class Name:\t{class}\n"));
    }
    w.labels("  Node-Selectors", spec.node_selector.iter().collect());
    w.tolerations("  Tolerations", &spec.tolerations);
}

/// `describeDeployment`, with its ReplicaSets: the newest revision is the new one.
fn deployment(w: &mut Writer, d: &Deployment, around: Around<'_>) {
    let status = d.status.clone().unwrap_or_default();
    head(w, &d.metadata, true);
    labels_and_annotations(w, &d.metadata);
    w.write(
        LEVEL_0,
        &format!("Selector:\t{}\n", selector_text(d.spec.selector.as_ref())),
    );
    w.write(
        LEVEL_0,
        &format!(
            "Replicas:\t{} desired | {} updated | {} total | {} available | {} unavailable\n",
            d.spec.replicas.unwrap_or(1),
            status.updated_replicas.unwrap_or(0),
            status.replicas.unwrap_or(0),
            status.available_replicas.unwrap_or(0),
            status.unavailable_replicas.unwrap_or(0)
        ),
    );
    let strategy = d.spec.strategy.kind.as_deref().unwrap_or("RollingUpdate");
    w.write(LEVEL_0, &format!("StrategyType:\t{strategy}\n"));
    w.write(
        LEVEL_0,
        &format!("MinReadySeconds:\t{}\n", d.spec.min_ready_seconds),
    );
    if let Some(rolling) = &d.spec.strategy.rolling_update {
        let text = |value: &Option<crate::api::v1::IntOrString>| {
            value.as_ref().map(ToString::to_string).unwrap_or_default()
        };
        w.write(
            LEVEL_0,
            &format!(
                "RollingUpdateStrategy:\t{} max unavailable, {} max surge\n",
                text(&rolling.max_unavailable),
                text(&rolling.max_surge)
            ),
        );
    }
    pod_template(w, Some(&d.spec.template));
    conditions(w, &status.conditions);
    let uid = d.metadata.uid.as_deref().unwrap_or_default();
    let mut owned: Vec<&ReplicaSet> = around
        .workloads
        .iter()
        .filter_map(|object| match object {
            Workload::ReplicaSet(rs)
                if crate::api::workloads::is_controlled_by(&rs.metadata, uid) =>
            {
                Some(rs)
            }
            _ => None,
        })
        .collect();
    if owned.is_empty() {
        return;
    }
    let revision = |rs: &ReplicaSet| {
        rs.metadata
            .annotations
            .get("deployment.kubernetes.io/revision")
            .and_then(|r| r.parse::<i64>().ok())
            .unwrap_or(0)
    };
    crate::base::sorting::sort_by_key(&mut owned, |rs| revision(rs));
    let new = owned.pop();
    let list = |sets: &[&ReplicaSet]| {
        let text: Vec<String> = sets
            .iter()
            .map(|rs| {
                format!(
                    "{} ({}/{} replicas created)",
                    rs.metadata.name.as_deref().unwrap_or_default(),
                    rs.status.as_ref().map_or(0, |s| s.replicas),
                    rs.spec.replicas.unwrap_or(1)
                )
            })
            .collect();
        if text.is_empty() {
            "<none>".to_owned()
        } else {
            text.join(", ")
        }
    };
    w.write(LEVEL_0, &format!("OldReplicaSets:\t{}\n", list(&owned)));
    let new: Vec<&ReplicaSet> = new.into_iter().collect();
    w.write(LEVEL_0, &format!("NewReplicaSet:\t{}\n", list(&new)));
}

/// `describeReplicaSet`.
fn replica_set(w: &mut Writer, rs: &ReplicaSet, around: Around<'_>) {
    let status = rs.status.clone().unwrap_or_default();
    head(w, &rs.metadata, false);
    let selector = rs.spec.selector.clone().unwrap_or_default();
    w.write(
        LEVEL_0,
        &format!("Selector:\t{}\n", labels::format(&selector)),
    );
    labels_and_annotations(w, &rs.metadata);
    controlled_by(w, &rs.metadata);
    w.write(
        LEVEL_0,
        &format!(
            "Replicas:\t{} current / {} desired\n",
            status.replicas,
            rs.spec.replicas.unwrap_or(1)
        ),
    );
    let uid = rs.metadata.uid.as_deref().unwrap_or_default();
    w.write(LEVEL_0, "Pods Status:\t");
    w.write(
        LEVEL_0,
        &format!("{}\n", pod_counts(around, &selector, uid)),
    );
    pod_template(w, Some(&rs.spec.template));
    conditions(w, &status.conditions);
}

/// `describeReplicationController`.
fn replication_controller(w: &mut Writer, rc: &ReplicationController, around: Around<'_>) {
    let status = rc.status.clone().unwrap_or_default();
    head(w, &rc.metadata, false);
    w.write(
        LEVEL_0,
        &format!("Selector:\t{}\n", labels::format_labels(&rc.spec.selector)),
    );
    labels_and_annotations(w, &rc.metadata);
    w.write(
        LEVEL_0,
        &format!(
            "Replicas:\t{} current / {} desired\n",
            status.replicas,
            rc.spec.replicas.unwrap_or(1)
        ),
    );
    let selector = LabelSelector {
        match_labels: rc.spec.selector.clone(),
        match_expressions: Vec::new(),
    };
    let uid = rc.metadata.uid.as_deref().unwrap_or_default();
    w.write(
        LEVEL_0,
        &format!("Pods Status:\t{}\n", pod_counts(around, &selector, uid)),
    );
    pod_template(w, rc.spec.template.as_ref());
    conditions(w, &status.conditions);
}

/// `describeStatefulSet`, with `describeVolumeClaimTemplates`.
fn stateful_set(w: &mut Writer, set: &StatefulSet, around: Around<'_>) {
    let status = set.status.clone().unwrap_or_default();
    head(w, &set.metadata, true);
    w.write(
        LEVEL_0,
        &format!("Selector:\t{}\n", selector_text(set.spec.selector.as_ref())),
    );
    labels_and_annotations(w, &set.metadata);
    w.write(
        LEVEL_0,
        &format!(
            "Replicas:\t{} desired | {} total\n",
            set.spec.replicas.unwrap_or(1),
            status.replicas
        ),
    );
    let strategy = &set.spec.update_strategy;
    w.write(
        LEVEL_0,
        &format!(
            "Update Strategy:\t{}\n",
            strategy.kind.as_deref().unwrap_or("RollingUpdate")
        ),
    );
    if let Some(rolling) = &strategy.rolling_update
        && let Some(partition) = rolling.partition
    {
        w.write(LEVEL_1, &format!("Partition:\t{partition}\n"));
        if let Some(max) = &rolling.max_unavailable {
            w.write(LEVEL_1, &format!("MaxUnavailable:\t{max}\n"));
        }
    }
    let selector = set.spec.selector.clone().unwrap_or_default();
    let uid = set.metadata.uid.as_deref().unwrap_or_default();
    w.write(
        LEVEL_0,
        &format!("Pods Status:\t{}\n", pod_counts(around, &selector, uid)),
    );
    pod_template(w, Some(&set.spec.template));
    volume_claim_templates(w, &set.spec.volume_claim_templates);
}

/// `describeVolumeClaimTemplates`.
fn volume_claim_templates(w: &mut Writer, claims: &[PersistentVolumeClaim]) {
    if claims.is_empty() {
        w.write(LEVEL_0, "Volume Claims:\t<none>\n");
        return;
    }
    w.write(LEVEL_0, "Volume Claims:\n");
    for claim in claims {
        w.write(
            LEVEL_1,
            &format!(
                "Name:\t{}\n",
                claim.metadata.name.as_deref().unwrap_or_default()
            ),
        );
        // `GetPersistentVolumeClaimClass`: the field, else the beta annotation, else empty.
        let class = claim
            .spec
            .storage_class_name
            .clone()
            .or_else(|| {
                claim
                    .metadata
                    .annotations
                    .get("volume.beta.kubernetes.io/storage-class")
                    .cloned()
            })
            .unwrap_or_default();
        w.write(LEVEL_1, &format!("StorageClass:\t{class}\n"));
        w.labels("  Labels", claim.metadata.labels.iter().collect());
        w.labels("  Annotations", claim.metadata.annotations.iter().collect());
        let capacity = claim
            .spec
            .resources
            .requests
            .get("storage")
            .map_or_else(|| "<default>".to_owned(), ToString::to_string);
        w.write(LEVEL_1, &format!("Capacity:\t{capacity}\n"));
        w.write(
            LEVEL_1,
            &format!("Access Modes:\t[{}]\n", claim.spec.access_modes.join(" ")),
        );
    }
}

/// `describeDaemonSet`.
fn daemon_set(w: &mut Writer, ds: &DaemonSet, around: Around<'_>) {
    let status = ds.status.clone().unwrap_or_default();
    head(w, &ds.metadata, false);
    w.write(
        LEVEL_0,
        &format!("Selector:\t{}\n", selector_text(ds.spec.selector.as_ref())),
    );
    w.write(
        LEVEL_0,
        &format!(
            "Node-Selector:\t{}\n",
            labels::format_labels(&ds.spec.template.spec.node_selector)
        ),
    );
    labels_and_annotations(w, &ds.metadata);
    for (title, value) in [
        (
            "Desired Number of Nodes Scheduled",
            status.desired_number_scheduled,
        ),
        (
            "Current Number of Nodes Scheduled",
            status.current_number_scheduled,
        ),
        (
            "Number of Nodes Scheduled with Up-to-date Pods",
            status.updated_number_scheduled.unwrap_or(0),
        ),
        (
            "Number of Nodes Scheduled with Available Pods",
            status.number_available.unwrap_or(0),
        ),
        ("Number of Nodes Misscheduled", status.number_misscheduled),
    ] {
        w.write(LEVEL_0, &format!("{title}: {value}\n"));
    }
    let selector = ds.spec.selector.clone().unwrap_or_default();
    let uid = ds.metadata.uid.as_deref().unwrap_or_default();
    w.write(
        LEVEL_0,
        &format!("Pods Status:\t{}\n", pod_counts(around, &selector, uid)),
    );
    pod_template(w, Some(&ds.spec.template));
}

/// `describeJob`.
fn job_describe(w: &mut Writer, job: &Job) {
    let status = job.status.clone().unwrap_or_default();
    let spec = &job.spec;
    head(w, &job.metadata, false);
    w.write(
        LEVEL_0,
        &format!("Selector:\t{}\n", selector_text(spec.selector.as_ref())),
    );
    labels_and_annotations(w, &job.metadata);
    controlled_by(w, &job.metadata);
    if let Some(parallelism) = spec.parallelism {
        w.write(LEVEL_0, &format!("Parallelism:\t{parallelism}\n"));
    }
    match spec.completions {
        Some(completions) => w.write(LEVEL_0, &format!("Completions:\t{completions}\n")),
        None => w.write(LEVEL_0, "Completions:\t<unset>\n"),
    }
    if let Some(mode) = &spec.completion_mode {
        w.write(LEVEL_0, &format!("Completion Mode:\t{mode}\n"));
    }
    if let Some(suspend) = spec.suspend {
        w.write(LEVEL_0, &format!("Suspend:\t{suspend}\n"));
    }
    if let Some(limit) = spec.backoff_limit {
        w.write(LEVEL_0, &format!("Backoff Limit:\t{limit}\n"));
    }
    if let Some(ttl) = spec.ttl_seconds_after_finished {
        w.write(LEVEL_0, &format!("TTL Seconds After Finished:\t{ttl}\n"));
    }
    if status.start_time.is_some() {
        let time = w.time(status.start_time.as_deref());
        w.write(LEVEL_0, &format!("Start Time:\t{time}\n"));
    }
    if status.completion_time.is_some() {
        let time = w.time(status.completion_time.as_deref());
        w.write(LEVEL_0, &format!("Completed At:\t{time}\n"));
    }
    let instant = |text: &Option<String>| {
        text.as_deref()
            .and_then(crate::base::timestamp::Timestamp::parse)
    };
    if let (Some(start), Some(end)) = (
        instant(&status.start_time),
        instant(&status.completion_time),
    ) {
        w.write(
            LEVEL_0,
            &format!(
                "Duration:\t{}\n",
                human_duration_millis(end.millis_since(start))
            ),
        );
    }
    if let Some(deadline) = spec.active_deadline_seconds {
        w.write(LEVEL_0, &format!("Active Deadline Seconds:\t{deadline}s\n"));
    }
    let (active, succeeded, failed) = (
        status.active.unwrap_or(0),
        status.succeeded.unwrap_or(0),
        status.failed.unwrap_or(0),
    );
    match status.ready {
        None => w.write(
            LEVEL_0,
            &format!("Pods Statuses:\t{active} Active / {succeeded} Succeeded / {failed} Failed\n"),
        ),
        Some(ready) => w.write(
            LEVEL_0,
            &format!(
                "Pods Statuses:\t{active} Active ({ready} Ready) / {succeeded} Succeeded / {failed} Failed\n"
            ),
        ),
    }
    if spec.completion_mode.as_deref() == Some("Indexed") {
        let indexes = status.completed_indexes.clone().unwrap_or_default();
        w.write(
            LEVEL_0,
            &format!("Completed Indexes:\t{}\n", capped_indexes(&indexes, 50)),
        );
    }
    pod_template(w, Some(&spec.template));
}

/// `capIndexesListOrNone`: `<none>`, or the list cut after the first comma past `limit`.
fn capped_indexes(indexes: &str, limit: usize) -> String {
    if indexes.is_empty() {
        return "<none>".to_owned();
    }
    match indexes
        .char_indices()
        .skip_while(|(at, _)| *at < limit)
        .find(|(_, c)| *c == ',')
    {
        Some((at, _)) => format!("{}...", &indexes[..=at]),
        None => indexes.to_owned(),
    }
}

/// `describeCronJob`, with `describeJobTemplate` and `printActiveJobs`.
fn cron_job_describe(w: &mut Writer, cron_job: &CronJob) {
    let spec = &cron_job.spec;
    let status = cron_job.status.clone().unwrap_or_default();
    head(w, &cron_job.metadata, false);
    labels_and_annotations(w, &cron_job.metadata);
    w.write(LEVEL_0, &format!("Schedule:\t{}\n", spec.schedule));
    w.write(
        LEVEL_0,
        &format!(
            "Concurrency Policy:\t{}\n",
            spec.concurrency_policy.as_deref().unwrap_or_default()
        ),
    );
    let suspend = match spec.suspend {
        None => "<unset>",
        Some(true) => "True",
        Some(false) => "False",
    };
    w.write(LEVEL_0, &format!("Suspend:\t{suspend}\n"));
    let or_unset = |value: Option<String>| value.unwrap_or_else(|| "<unset>".to_owned());
    w.write(
        LEVEL_0,
        &format!("Time Zone:\t{}\n", or_unset(spec.time_zone.clone())),
    );
    w.write(
        LEVEL_0,
        &format!(
            "Successful Job History Limit:\t{}\n",
            or_unset(spec.successful_jobs_history_limit.map(|l| l.to_string()))
        ),
    );
    w.write(
        LEVEL_0,
        &format!(
            "Failed Job History Limit:\t{}\n",
            or_unset(spec.failed_jobs_history_limit.map(|l| l.to_string()))
        ),
    );
    w.write(
        LEVEL_0,
        &format!(
            "Starting Deadline Seconds:\t{}\n",
            or_unset(spec.starting_deadline_seconds.map(|s| format!("{s}s")))
        ),
    );
    job_template(w, &spec.job_template);
    match status.last_schedule_time.as_deref() {
        Some(time) => {
            let time = w.time(Some(time));
            w.write(LEVEL_0, &format!("Last Schedule Time:\t{time}\n"));
        }
        None => w.write(LEVEL_0, "Last Schedule Time:\t<unset>\n"),
    }
    let active: Vec<&str> = status
        .active
        .iter()
        .map(|job| job.name.as_deref().unwrap_or_default())
        .collect();
    let active = if active.is_empty() {
        "<none>".to_owned()
    } else {
        active.join(", ")
    };
    w.write(LEVEL_0, &format!("Active Jobs:\t{active}\n"));
}

/// `describeJobTemplate`.
fn job_template(w: &mut Writer, template: &JobTemplateSpec) {
    let spec = &template.spec;
    match &spec.selector {
        Some(selector) => w.write(
            LEVEL_0,
            &format!("Selector:\t{}\n", selector_text(Some(selector))),
        ),
        None => w.write(LEVEL_0, "Selector:\t<unset>\n"),
    }
    let or_unset =
        |value: Option<i32>| value.map_or_else(|| "<unset>".to_owned(), |v| v.to_string());
    w.write(
        LEVEL_0,
        &format!("Parallelism:\t{}\n", or_unset(spec.parallelism)),
    );
    w.write(
        LEVEL_0,
        &format!("Completions:\t{}\n", or_unset(spec.completions)),
    );
    if let Some(deadline) = spec.active_deadline_seconds {
        w.write(LEVEL_0, &format!("Active Deadline Seconds:\t{deadline}s\n"));
    }
    pod_template(w, Some(&spec.template));
}
