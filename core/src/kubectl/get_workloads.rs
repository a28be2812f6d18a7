//! `kubectl get` of workloads: the columns of upstream's table printers
//! (pkg/printers/internalversion/printers.go `printDeployment`, `printReplicaSet`,
//! `printReplicationController`), from the objects alone, so a Deployment pasted from a cluster
//! prints as the simulator's do.

use crate::api::labels;
use crate::api::v1::PodSpec;
use crate::api::workloads::types::{Deployment, ReplicaSet, ReplicationController};
use crate::api::workloads::{Workload, WorkloadKind};
use crate::base::timestamp::Timestamp;
use crate::kubectl::get::{human_duration_millis, table};

/// The header of `kind`'s table, with `-o wide`'s columns when `wide`.
pub fn header(kind: WorkloadKind, wide: bool) -> Vec<String> {
    let columns: &[&str] = match kind {
        WorkloadKind::Deployment => &["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"],
        _ => &["NAME", "DESIRED", "CURRENT", "READY", "AGE"],
    };
    let mut header: Vec<String> = columns.iter().map(|c| (*c).to_owned()).collect();
    if wide {
        header.extend(["CONTAINERS", "IMAGES", "SELECTOR"].map(str::to_owned));
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
    let rows: Vec<Vec<String>> = std::iter::once(header(kind, wide))
        .chain(objects.iter().filter_map(|object| row(object, now, wide)))
        .collect();
    table(&rows)
}

/// One object's row, for the kinds these printers know.
pub fn row(object: &Workload, now: Timestamp, wide: bool) -> Option<Vec<String>> {
    match object {
        Workload::Deployment(d) => Some(deployment_row(d, now, wide)),
        Workload::ReplicaSet(rs) => Some(replica_set_row(rs, now, wide)),
        Workload::ReplicationController(rc) => Some(replication_controller_row(rc, now, wide)),
        _ => None,
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
        DeploymentSpec, DeploymentStatus, PodTemplateSpec, ReplicaSetSpec, ReplicaSetStatus,
    };

    const NOW: &str = "2026-01-01T00:00:00Z";

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
}
