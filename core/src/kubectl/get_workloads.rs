//! `kubectl get` of workloads: the columns of upstream's table printers
//! (pkg/printers/internalversion/printers.go `printDeployment`, `printReplicaSet`,
//! `printReplicationController`, `printStatefulSet`, `printDaemonSet`, `printJob`, `printCronJob`), from the objects alone, so a Deployment pasted from a cluster
//! prints as the simulator's do.

use crate::api::labels;
use crate::api::v1::PodSpec;
use crate::api::workloads::types::{
    CronJob, DaemonSet, Deployment, Job, ReplicaSet, ReplicationController, StatefulSet,
};
use crate::api::workloads::{Workload, WorkloadKind};
use crate::base::timestamp::Timestamp;
use crate::kubectl::get::{human_duration_millis, table};

/// The header of `kind`'s table, with `-o wide`'s columns when `wide`.
pub fn header(kind: WorkloadKind, wide: bool) -> Vec<String> {
    let columns: &[&str] = match kind {
        WorkloadKind::Deployment => &["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"],
        WorkloadKind::Job => &["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"],
        WorkloadKind::StatefulSet => &["NAME", "READY", "AGE"],
        WorkloadKind::DaemonSet => &[
            "NAME",
            "DESIRED",
            "CURRENT",
            "READY",
            "UP-TO-DATE",
            "AVAILABLE",
            "NODE SELECTOR",
            "AGE",
        ],
        WorkloadKind::CronJob => &[
            "NAME",
            "SCHEDULE",
            "TIMEZONE",
            "SUSPEND",
            "ACTIVE",
            "LAST SCHEDULE",
            "AGE",
        ],
        _ => &["NAME", "DESIRED", "CURRENT", "READY", "AGE"],
    };
    let mut header: Vec<String> = columns.iter().map(|c| (*c).to_owned()).collect();
    if wide {
        // printStatefulSet's wide columns have no SELECTOR.
        let extra: &[&str] = match kind {
            WorkloadKind::StatefulSet => &["CONTAINERS", "IMAGES"],
            _ => &["CONTAINERS", "IMAGES", "SELECTOR"],
        };
        header.extend(extra.iter().map(|c| (*c).to_owned()));
    }
    header
}

/// `kubectl get` of `objects` (all of one kind) at `now`.
pub fn get_workloads(
    kind: WorkloadKind,
    objects: &[&Workload],
    now: Timestamp,
    wide: bool,
) -> String {
    table(&get_workloads_rows(kind, objects, now, wide))
}

/// The rows of [`get_workloads`], header first, before they are laid out.
pub fn get_workloads_rows(
    kind: WorkloadKind,
    objects: &[&Workload],
    now: Timestamp,
    wide: bool,
) -> Vec<Vec<String>> {
    std::iter::once(header(kind, wide))
        .chain(objects.iter().map(|object| row(object, now, wide)))
        .collect()
}

/// `kubectl get KIND -w` as the playground answers it at one instant: the table a watch kept
/// from the objects' creation would have printed by then. Each object's row when it was
/// created, and again each time a later version changes what its row shows (AGE aside), in time
/// order; `objects` holds each object's versions in time order, with their instants.
pub fn watch_workloads(
    kind: WorkloadKind,
    objects: &[&[(Timestamp, Workload)]],
    wide: bool,
) -> String {
    let header = header(kind, wide);
    let age = header.iter().position(|column| column == "AGE");
    let shown = |row: &[String]| -> Vec<String> {
        row.iter()
            .enumerate()
            .filter(|(index, _)| Some(*index) != age)
            .map(|(_, cell)| cell.clone())
            .collect()
    };
    let mut rows: Vec<(Timestamp, usize, Vec<String>)> = Vec::new();
    for (order, versions) in objects.iter().enumerate() {
        let mut last: Option<Vec<String>> = None;
        for (at, object) in versions.iter() {
            let cells = row(object, *at, wide);
            if last
                .as_deref()
                .is_some_and(|last| shown(last) == shown(&cells))
            {
                continue;
            }
            last = Some(cells.clone());
            rows.push((*at, order, cells));
        }
    }
    crate::base::sorting::sort_by_key(&mut rows, |(at, order, _)| (*at, *order));
    table(
        &std::iter::once(header)
            .chain(rows.into_iter().map(|(_, _, cells)| cells))
            .collect::<Vec<_>>(),
    )
}

/// The objects of `kind` (the one named `name`, if given) among `versions` (each object's
/// versions, as `Observation::workload_versions` holds them), in name order: what
/// [`watch_workloads`] prints.
pub fn watched<'a>(
    versions: &'a [Vec<(Timestamp, Workload)>],
    kind: WorkloadKind,
    name: Option<&str>,
) -> Vec<&'a [(Timestamp, Workload)]> {
    let mut watched: Vec<&[(Timestamp, Workload)]> = versions
        .iter()
        .filter(|versions| {
            versions.last().is_some_and(|(_, object)| {
                object.kind() == kind && name.is_none_or(|name| object.name() == name)
            })
        })
        .map(Vec::as_slice)
        .collect();
    crate::base::sorting::sort_by_key(&mut watched, |versions| {
        versions
            .last()
            .map(|(_, object)| object.name().to_owned())
            .unwrap_or_default()
    });
    watched
}

/// One object's row.
pub fn row(object: &Workload, now: Timestamp, wide: bool) -> Vec<String> {
    match object {
        Workload::Deployment(d) => deployment_row(d, now, wide),
        Workload::ReplicaSet(rs) => replica_set_row(rs, now, wide),
        Workload::ReplicationController(rc) => replication_controller_row(rc, now, wide),
        Workload::Job(job) => job_row(job, now, wide),
        Workload::StatefulSet(set) => stateful_set_row(set, now, wide),
        Workload::DaemonSet(daemon_set) => daemon_set_row(daemon_set, now, wide),
        Workload::CronJob(cron_job) => cron_job_row(cron_job, now, wide),
    }
}

/// `printDeployment`: READY is `readyReplicas/replicas`.
pub fn deployment_row(d: &Deployment, now: Timestamp, wide: bool) -> Vec<String> {
    let status = d.status.clone().unwrap_or_default();
    let mut cells = vec![
        d.metadata.name.clone().unwrap_or_default(),
        format!(
            "{}/{}",
            status.ready_replicas.unwrap_or(0),
            d.spec.replicas.unwrap_or(0)
        ),
        status.updated_replicas.unwrap_or(0).to_string(),
        status.available_replicas.unwrap_or(0).to_string(),
        age(d.metadata.creation_timestamp.as_deref(), now),
    ];
    if wide {
        let selector = d.spec.selector.as_ref().map(labels::format);
        cells.extend(wide_cells(&d.spec.template.spec, selector));
    }
    cells
}

/// `printReplicaSet`: DESIRED, CURRENT (`status.replicas`) and READY.
pub fn replica_set_row(rs: &ReplicaSet, now: Timestamp, wide: bool) -> Vec<String> {
    let status = rs.status.clone().unwrap_or_default();
    let mut cells = vec![
        rs.metadata.name.clone().unwrap_or_default(),
        rs.spec.replicas.unwrap_or(0).to_string(),
        status.replicas.to_string(),
        status.ready_replicas.unwrap_or(0).to_string(),
        age(rs.metadata.creation_timestamp.as_deref(), now),
    ];
    if wide {
        let selector = rs.spec.selector.as_ref().map(labels::format);
        cells.extend(wide_cells(&rs.spec.template.spec, selector));
    }
    cells
}

/// `printReplicationController`: as a ReplicaSet, its selector written as labels.
pub fn replication_controller_row(
    rc: &ReplicationController,
    now: Timestamp,
    wide: bool,
) -> Vec<String> {
    let status = rc.status.clone().unwrap_or_default();
    let mut cells = vec![
        rc.metadata.name.clone().unwrap_or_default(),
        rc.spec.replicas.unwrap_or(0).to_string(),
        status.replicas.to_string(),
        status.ready_replicas.unwrap_or(0).to_string(),
        age(rc.metadata.creation_timestamp.as_deref(), now),
    ];
    if wide {
        let spec = rc
            .spec
            .template
            .as_ref()
            .map(|t| t.spec.clone())
            .unwrap_or_default();
        cells.extend(wide_cells(
            &spec,
            Some(labels::format_labels(&rc.spec.selector)),
        ));
    }
    cells
}

/// `printStatefulSet`: READY is `readyReplicas/spec.replicas`; `-o wide` adds CONTAINERS and
/// IMAGES only.
pub fn stateful_set_row(set: &StatefulSet, now: Timestamp, wide: bool) -> Vec<String> {
    let status = set.status.clone().unwrap_or_default();
    let mut cells = vec![
        set.metadata.name.clone().unwrap_or_default(),
        format!(
            "{}/{}",
            status.ready_replicas.unwrap_or(0),
            set.spec.replicas.unwrap_or(0)
        ),
        age(set.metadata.creation_timestamp.as_deref(), now),
    ];
    if wide {
        let [names, images, _] = wide_cells(&set.spec.template.spec, None);
        cells.extend([names, images]);
    }
    cells
}

/// `printDaemonSet`: the status's counts, and NODE SELECTOR the template's `nodeSelector`.
pub fn daemon_set_row(daemon_set: &DaemonSet, now: Timestamp, wide: bool) -> Vec<String> {
    let status = daemon_set.status.clone().unwrap_or_default();
    let node_selector = &daemon_set.spec.template.spec.node_selector;
    let mut cells = vec![
        daemon_set.metadata.name.clone().unwrap_or_default(),
        status.desired_number_scheduled.to_string(),
        status.current_number_scheduled.to_string(),
        status.number_ready.to_string(),
        status.updated_number_scheduled.unwrap_or(0).to_string(),
        status.number_available.unwrap_or(0).to_string(),
        if node_selector.is_empty() {
            "<none>".to_owned()
        } else {
            labels::format_labels(node_selector)
        },
        age(daemon_set.metadata.creation_timestamp.as_deref(), now),
    ];
    if wide {
        let selector = daemon_set.spec.selector.as_ref().map(labels::format);
        cells.extend(wide_cells(&daemon_set.spec.template.spec, selector));
    }
    cells
}

/// `printJob`: STATUS from the conditions, COMPLETIONS as `succeeded/completions` (a work
/// queue's `succeeded/1 of parallelism`), DURATION from the start to the completion or now.
pub fn job_row(job: &Job, now: Timestamp, wide: bool) -> Vec<String> {
    let status = job.status.clone().unwrap_or_default();
    let succeeded = status.succeeded.unwrap_or(0);
    let completions = match (job.spec.completions, job.spec.parallelism.unwrap_or(0)) {
        (Some(completions), _) => format!("{succeeded}/{completions}"),
        (None, parallelism) if parallelism > 1 => format!("{succeeded}/1 of {parallelism}"),
        (None, _) => format!("{succeeded}/1"),
    };
    let start = status.start_time.as_deref().and_then(Timestamp::parse);
    let end = status.completion_time.as_deref().and_then(Timestamp::parse);
    let duration = match (start, end) {
        (None, _) => String::new(),
        (Some(start), None) => human_duration_millis(now.millis_since(start)),
        (Some(start), Some(end)) => human_duration_millis(end.millis_since(start)),
    };
    let holds = |kind: &str| {
        status
            .conditions
            .iter()
            .any(|c| c.kind == kind && c.status == "True")
    };
    let phase = if holds("Complete") {
        "Complete"
    } else if holds("Failed") {
        "Failed"
    } else if job.metadata.deletion_timestamp.is_some() {
        "Terminating"
    } else if holds("Suspended") {
        "Suspended"
    } else if holds("FailureTarget") {
        "FailureTarget"
    } else {
        "Running"
    };
    let mut cells = vec![
        job.metadata.name.clone().unwrap_or_default(),
        phase.to_owned(),
        completions,
        duration,
        age(job.metadata.creation_timestamp.as_deref(), now),
    ];
    if wide {
        let selector = job.spec.selector.as_ref().map(labels::format);
        cells.extend(wide_cells(&job.spec.template.spec, selector));
    }
    cells
}

/// `printCronJob`: TIMEZONE and LAST SCHEDULE `<none>` when unset, SUSPEND as `printBoolPtr`
/// (`<unset>`, `True`, `False`), ACTIVE the number of active Jobs.
pub fn cron_job_row(cron_job: &CronJob, now: Timestamp, wide: bool) -> Vec<String> {
    let status = cron_job.status.clone().unwrap_or_default();
    let suspend = match cron_job.spec.suspend {
        None => "<unset>",
        Some(true) => "True",
        Some(false) => "False",
    };
    let last_schedule = status
        .last_schedule_time
        .as_deref()
        .map_or_else(|| "<none>".to_owned(), |time| age(Some(time), now));
    let mut cells = vec![
        cron_job.metadata.name.clone().unwrap_or_default(),
        cron_job.spec.schedule.clone(),
        cron_job
            .spec
            .time_zone
            .clone()
            .unwrap_or_else(|| "<none>".to_owned()),
        suspend.to_owned(),
        status.active.len().to_string(),
        last_schedule,
        age(cron_job.metadata.creation_timestamp.as_deref(), now),
    ];
    if wide {
        let job = &cron_job.spec.job_template.spec;
        let selector = job.selector.as_ref().map(labels::format);
        cells.extend(wide_cells(&job.template.spec, selector));
    }
    cells
}

/// CONTAINERS, IMAGES (each joined with `,`) and SELECTOR (`layoutContainerCells`).
fn wide_cells(spec: &PodSpec, selector: Option<String>) -> [String; 3] {
    let names: Vec<&str> = spec.containers.iter().map(|c| c.name.as_str()).collect();
    let images: Vec<&str> = spec
        .containers
        .iter()
        .map(|c| c.image.as_deref().unwrap_or(""))
        .collect();
    [
        names.join(","),
        images.join(","),
        selector.unwrap_or_else(|| "<none>".to_owned()),
    ]
}

/// The AGE column (`translateTimestampSince`): `<unknown>` without a creation time.
fn age(created: Option<&str>, now: Timestamp) -> String {
    match created.and_then(Timestamp::parse) {
        Some(created) => human_duration_millis(now.millis_since(created)),
        None => "<unknown>".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::api::v1::{Container, LabelSelector};
    use crate::api::workloads::types::{
        CronJobStatus, DaemonSetStatus, DeploymentSpec, DeploymentStatus, JobCondition, JobSpec,
        JobStatus, ObjectReference, PodTemplateSpec, ReplicaSetSpec, ReplicaSetStatus,
    };

    const NOW: &str = "2026-01-01T00:00:00Z";
    const MINUTE_MS: i64 = 60_000;

    fn now() -> Timestamp {
        Timestamp::parse(NOW).expect("valid")
    }

    fn template(containers: &[(&str, &str)]) -> PodTemplateSpec {
        PodTemplateSpec {
            spec: PodSpec {
                containers: containers
                    .iter()
                    .map(|(name, image)| Container {
                        name: (*name).to_owned(),
                        image: Some((*image).to_owned()),
                        ..Container::default()
                    })
                    .collect(),
                ..PodSpec::default()
            },
            ..PodTemplateSpec::default()
        }
    }

    fn selector() -> Option<LabelSelector> {
        Some(LabelSelector {
            match_labels: [("foo".to_owned(), "bar".to_owned())].into(),
            ..LabelSelector::default()
        })
    }

    /// Renders the rows of `object`, plain then wide.
    fn check(object: Workload, expected: Expect) {
        let kind = object.kind();
        let out = format!(
            "{}{}",
            get_workloads(kind, &[&object], now(), false),
            get_workloads(kind, &[&object], now(), true)
        );
        expected.assert_eq(&out);
    }

    /// pkg/printers/internalversion/printers_test.go `TestPrintDeployment`: created 1.9 s in the
    /// future reads `0s`; READY is readyReplicas over spec.replicas.
    #[test]
    fn test_print_deployment() {
        let mut metadata = crate::api::v1::ObjectMeta {
            name: Some("test1".to_owned()),
            ..Default::default()
        };
        metadata.creation_timestamp = Some(now().plus_millis(1_900).to_string());
        check(
            Workload::Deployment(Deployment {
                metadata,
                spec: DeploymentSpec {
                    replicas: Some(5),
                    template: template(&[
                        ("fake-container1", "fake-image1"),
                        ("fake-container2", "fake-image2"),
                    ]),
                    selector: selector(),
                    ..DeploymentSpec::default()
                },
                status: Some(DeploymentStatus {
                    replicas: Some(10),
                    updated_replicas: Some(2),
                    available_replicas: Some(1),
                    unavailable_replicas: Some(4),
                    ..DeploymentStatus::default()
                }),
                ..Deployment::default()
            }),
            expect![[r#"
                NAME    READY   UP-TO-DATE   AVAILABLE   AGE
                test1   0/5     2            1           0s
                NAME    READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS                        IMAGES                    SELECTOR
                test1   0/5     2            1           0s    fake-container1,fake-container2   fake-image1,fake-image2   foo=bar
            "#]],
        );
    }

    /// `TestPrintReplicaSet`: DESIRED 5, CURRENT 5, READY 2.
    #[test]
    fn test_print_replica_set() {
        let mut metadata = crate::api::v1::ObjectMeta {
            name: Some("test1".to_owned()),
            ..Default::default()
        };
        metadata.creation_timestamp = Some(now().plus_millis(1_900).to_string());
        check(
            Workload::ReplicaSet(ReplicaSet {
                metadata,
                spec: ReplicaSetSpec {
                    replicas: Some(5),
                    template: template(&[("test", "test_image")]),
                    selector: selector(),
                    ..ReplicaSetSpec::default()
                },
                status: Some(ReplicaSetStatus {
                    replicas: 5,
                    ready_replicas: Some(2),
                    ..ReplicaSetStatus::default()
                }),
                ..ReplicaSet::default()
            }),
            expect![[r#"
                NAME    DESIRED   CURRENT   READY   AGE
                test1   5         5         2       0s
                NAME    DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR
                test1   5         5         2       0s    test         test_image   foo=bar
            "#]],
        );
    }

    /// A Job named `name`, created `created_ms` from now, for `TestPrintJob`.
    fn job(name: &str, created_ms: i64, completions: Option<i32>, status: JobStatus) -> Job {
        Job {
            metadata: crate::api::v1::ObjectMeta {
                name: Some(name.to_owned()),
                creation_timestamp: Some(now().plus_millis(created_ms).to_string()),
                ..Default::default()
            },
            spec: JobSpec {
                completions,
                ..JobSpec::default()
            },
            status: Some(status),
            ..Job::default()
        }
    }

    /// A status holding only the condition `kind`.
    fn only(kind: &str) -> JobStatus {
        JobStatus {
            conditions: vec![JobCondition {
                kind: kind.to_owned(),
                status: "True".to_owned(),
                ..JobCondition::default()
            }],
            ..JobStatus::default()
        }
    }

    /// pkg/printers/internalversion/printers_test.go `TestPrintJob`: its ten cases (the first
    /// two, plain and wide, are one row here), each Job's row under the header.
    #[test]
    fn test_print_job() {
        const TEN_YEARS: i64 = -10 * 365 * 24 * 60 * MINUTE_MS;
        let mut job1 = job(
            "job1",
            1_900,
            Some(2),
            JobStatus {
                succeeded: Some(1),
                ..JobStatus::default()
            },
        );
        job1.spec.template = template(&[
            ("fake-job-container1", "fake-job-image1"),
            ("fake-job-container2", "fake-job-image2"),
        ]);
        job1.spec.selector = Some(LabelSelector {
            match_labels: [("job-label".to_owned(), "job-label-value".to_owned())].into(),
            ..LabelSelector::default()
        });
        let at = |minutes: i64| Some(now().plus_millis(minutes * MINUTE_MS).to_string());
        let mut job9 = job("job9", 1_900, None, JobStatus::default());
        job9.metadata.deletion_timestamp = at(0);
        let jobs = [
            job("job2", TEN_YEARS, None, JobStatus::default()),
            job(
                "job3",
                TEN_YEARS,
                None,
                JobStatus {
                    start_time: at(1),
                    completion_time: at(31),
                    ..JobStatus::default()
                },
            ),
            job(
                "job4",
                TEN_YEARS,
                None,
                JobStatus {
                    start_time: at(-20),
                    ..JobStatus::default()
                },
            ),
            job("job5", 1_900, None, only("Complete")),
            job("job6", 1_900, None, only("Failed")),
            job("job7", 1_900, None, only("Suspended")),
            job("job8", 1_900, None, only("FailureTarget")),
            job9,
        ];
        check(
            Workload::Job(job1),
            expect![[r#"
                NAME   STATUS    COMPLETIONS   DURATION   AGE
                job1   Running   1/2                      0s
                NAME   STATUS    COMPLETIONS   DURATION   AGE   CONTAINERS                                IMAGES                            SELECTOR
                job1   Running   1/2                      0s    fake-job-container1,fake-job-container2   fake-job-image1,fake-job-image2   job-label=job-label-value
            "#]],
        );
        let objects: Vec<Workload> = jobs.into_iter().map(Workload::Job).collect();
        let refs: Vec<&Workload> = objects.iter().collect();
        expect![[r#"
            NAME   STATUS          COMPLETIONS   DURATION   AGE
            job2   Running         0/1                      10y
            job3   Running         0/1           30m        10y
            job4   Running         0/1           20m        10y
            job5   Complete        0/1                      0s
            job6   Failed          0/1                      0s
            job7   Suspended       0/1                      0s
            job8   FailureTarget   0/1                      0s
            job9   Terminating     0/1                      0s
        "#]]
        .assert_eq(&get_workloads(WorkloadKind::Job, &refs, now(), false));
    }

    /// A work queue of parallelism 3 reads `0/1 of 3`: printJob's branch that `TestPrintJob`
    /// leaves out.
    #[test]
    fn test_print_job_list_work_queue() {
        let mut queue = job("queue", -MINUTE_MS, None, JobStatus::default());
        queue.spec.parallelism = Some(3);
        expect![[r#"
            NAME    STATUS    COMPLETIONS   DURATION   AGE
            queue   Running   0/1 of 3                 60s
        "#]]
        .assert_eq(&get_workloads(
            WorkloadKind::Job,
            &[&Workload::Job(queue)],
            now(),
            false,
        ));
    }

    /// `printCronJob`'s cells: a CronJob never scheduled, and one with an active Job scheduled
    /// five minutes ago, suspended, in a time zone.
    #[test]
    fn print_cron_job() {
        let mut never = CronJob {
            metadata: crate::api::v1::ObjectMeta {
                name: Some("hello".to_owned()),
                creation_timestamp: Some(now().plus_millis(-MINUTE_MS).to_string()),
                ..Default::default()
            },
            ..CronJob::default()
        };
        never.spec.schedule = "*/1 * * * *".to_owned();
        let mut busy = never.clone();
        busy.metadata.name = Some("report".to_owned());
        busy.spec.suspend = Some(true);
        busy.spec.time_zone = Some("Europe/Paris".to_owned());
        busy.spec.job_template.spec.template = template(&[("report", "busybox:1.36")]);
        busy.status = Some(CronJobStatus {
            active: vec![ObjectReference::default()],
            last_schedule_time: Some(now().plus_millis(-5 * MINUTE_MS).to_string()),
            ..CronJobStatus::default()
        });
        let objects = [Workload::CronJob(never), Workload::CronJob(busy)];
        let refs: Vec<&Workload> = objects.iter().collect();
        expect![[r#"
            NAME     SCHEDULE      TIMEZONE       SUSPEND   ACTIVE   LAST SCHEDULE   AGE
            hello    */1 * * * *   <none>         <unset>   0        <none>          60s
            report   */1 * * * *   Europe/Paris   True      1        5m              60s
            NAME     SCHEDULE      TIMEZONE       SUSPEND   ACTIVE   LAST SCHEDULE   AGE   CONTAINERS   IMAGES         SELECTOR
            hello    */1 * * * *   <none>         <unset>   0        <none>          60s                               <none>
            report   */1 * * * *   Europe/Paris   True      1        5m              60s   report       busybox:1.36   <none>
        "#]].assert_eq(&format!(
            "{}{}",
            get_workloads(WorkloadKind::CronJob, &refs, now(), false),
            get_workloads(WorkloadKind::CronJob, &refs, now(), true)
        ));
    }

    /// `TestPrintDaemonSet` and `TestPrintDaemonSetList`: the status's counts, NODE SELECTOR
    /// `<none>`.
    #[test]
    fn test_print_daemon_set() {
        let daemon_set = |name: &str, counts: [i32; 5]| {
            let mut daemon_set = DaemonSet {
                metadata: crate::api::v1::ObjectMeta {
                    name: Some(name.to_owned()),
                    creation_timestamp: Some(now().plus_millis(1_900).to_string()),
                    ..Default::default()
                },
                status: Some(DaemonSetStatus {
                    current_number_scheduled: counts[0],
                    desired_number_scheduled: counts[1],
                    number_ready: counts[2],
                    updated_number_scheduled: Some(counts[3]),
                    number_available: Some(counts[4]),
                    ..DaemonSetStatus::default()
                }),
                ..DaemonSet::default()
            };
            daemon_set.spec.selector = selector();
            daemon_set
        };
        let mut test1 = daemon_set("test1", [2, 3, 1, 2, 0]);
        test1.spec.template = template(&[
            ("fake-container1", "fake-image1"),
            ("fake-container2", "fake-image2"),
        ]);
        check(
            Workload::DaemonSet(test1),
            expect![[r#"
            NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            test1   3         2         1       2            0           <none>          0s
            NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE   CONTAINERS                        IMAGES                    SELECTOR
            test1   3         2         1       2            0           <none>          0s    fake-container1,fake-container2   fake-image1,fake-image2   foo=bar
        "#]],
        );
        let objects = [
            Workload::DaemonSet(daemon_set("daemonset1", [2, 3, 1, 2, 0])),
            Workload::DaemonSet(daemon_set("daemonset2", [4, 2, 9, 3, 3])),
        ];
        let refs: Vec<&Workload> = objects.iter().collect();
        expect![[r#"
            NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            daemonset1   3         2         1       2            0           <none>          0s
            daemonset2   2         4         9       3            3           <none>          0s
        "#]]
        .assert_eq(&get_workloads(WorkloadKind::DaemonSet, &refs, now(), false));
    }
}
