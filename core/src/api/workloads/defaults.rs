//! The API server's defaults for workloads (pkg/apis/apps/v1/defaults.go,
//! pkg/apis/batch/v1/defaults.go, and `SetDefaults_ReplicationController` of core/v1), with
//! the Pod template's own defaults at its path.

use crate::api::defaults::{AppliedDefault, DefaultSource, apply_to_template};
use crate::api::v1::IntOrString;
use crate::api::workloads::{
    DeploymentStrategy, PodTemplateSpec, RollingUpdateDaemonSet, RollingUpdateDeployment,
    RollingUpdateStatefulSet, StatefulSetRetentionPolicy, Workload,
};

/// A workload with the server's defaults applied, and the list of what was filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DefaultedWorkload {
    /// The object as the server would store it.
    pub workload: Workload,
    /// Every default applied.
    pub applied: Vec<AppliedDefault>,
}

/// Applies the defaults to a copy of `workload`.
pub fn apply(workload: &Workload) -> DefaultedWorkload {
    let mut workload = workload.clone();
    let mut applied = Vec::new();
    let mut set = |path: &str, value: String| {
        applied.push(AppliedDefault {
            path: path.to_owned(),
            value,
            source: DefaultSource::Defaulting,
        });
    };
    match &mut workload {
        Workload::Deployment(object) => {
            let spec = &mut object.spec;
            default_i32(&mut spec.replicas, 1, "spec.replicas", &mut set);
            default_strategy(&mut spec.strategy, &mut set);
            default_i32(
                &mut spec.revision_history_limit,
                10,
                "spec.revisionHistoryLimit",
                &mut set,
            );
            default_i32(
                &mut spec.progress_deadline_seconds,
                600,
                "spec.progressDeadlineSeconds",
                &mut set,
            );
        }
        Workload::ReplicaSet(object) => {
            default_i32(&mut object.spec.replicas, 1, "spec.replicas", &mut set);
        }
        Workload::ReplicationController(object) => {
            let spec = &mut object.spec;
            // SetDefaults_ReplicationController: the selector and the labels come from the
            // template's labels when unset.
            if let Some(template) = &spec.template {
                let labels = &template.metadata.labels;
                if spec.selector.is_empty() && !labels.is_empty() {
                    spec.selector = labels.clone();
                    set("spec.selector", map_text(labels));
                }
                if object.metadata.labels.is_empty() && !labels.is_empty() {
                    object.metadata.labels = labels.clone();
                    set("metadata.labels", map_text(labels));
                }
            }
            default_i32(&mut spec.replicas, 1, "spec.replicas", &mut set);
        }
        Workload::StatefulSet(object) => {
            let spec = &mut object.spec;
            default_i32(&mut spec.replicas, 1, "spec.replicas", &mut set);
            default_str(
                &mut spec.pod_management_policy,
                "OrderedReady",
                "spec.podManagementPolicy",
                &mut set,
            );
            let strategy = &mut spec.update_strategy;
            default_str(
                &mut strategy.kind,
                "RollingUpdate",
                "spec.updateStrategy.type",
                &mut set,
            );
            if strategy.kind.as_deref() == Some("RollingUpdate") {
                let rolling = strategy
                    .rolling_update
                    .get_or_insert_with(RollingUpdateStatefulSet::default);
                default_i32(
                    &mut rolling.partition,
                    0,
                    "spec.updateStrategy.rollingUpdate.partition",
                    &mut set,
                );
            }
            default_i32(
                &mut spec.revision_history_limit,
                10,
                "spec.revisionHistoryLimit",
                &mut set,
            );
            let policy = spec
                .persistent_volume_claim_retention_policy
                .get_or_insert_with(StatefulSetRetentionPolicy::default);
            for (field, value) in [
                ("whenDeleted", &mut policy.when_deleted),
                ("whenScaled", &mut policy.when_scaled),
            ] {
                default_str(
                    value,
                    "Retain",
                    &format!("spec.persistentVolumeClaimRetentionPolicy.{field}"),
                    &mut set,
                );
            }
            for (index, claim) in spec.volume_claim_templates.iter_mut().enumerate() {
                default_str(
                    &mut claim.spec.volume_mode,
                    "Filesystem",
                    &format!("spec.volumeClaimTemplates[{index}].spec.volumeMode"),
                    &mut set,
                );
            }
        }
        Workload::DaemonSet(object) => {
            let spec = &mut object.spec;
            let strategy = &mut spec.update_strategy;
            default_str(
                &mut strategy.kind,
                "RollingUpdate",
                "spec.updateStrategy.type",
                &mut set,
            );
            if strategy.kind.as_deref() == Some("RollingUpdate") {
                let rolling = strategy
                    .rolling_update
                    .get_or_insert_with(RollingUpdateDaemonSet::default);
                default_int_or_string(
                    &mut rolling.max_unavailable,
                    IntOrString::Int(1),
                    "spec.updateStrategy.rollingUpdate.maxUnavailable",
                    &mut set,
                );
                default_int_or_string(
                    &mut rolling.max_surge,
                    IntOrString::Int(0),
                    "spec.updateStrategy.rollingUpdate.maxSurge",
                    &mut set,
                );
            }
            default_i32(
                &mut spec.revision_history_limit,
                10,
                "spec.revisionHistoryLimit",
                &mut set,
            );
        }
        Workload::Job(object) => {
            if object.metadata.labels.is_empty() && !object.spec.template.metadata.labels.is_empty()
            {
                object.metadata.labels = object.spec.template.metadata.labels.clone();
                set("metadata.labels", map_text(&object.metadata.labels));
            }
            default_job_spec(&mut object.spec, "spec", &mut set);
        }
        Workload::CronJob(object) => {
            let spec = &mut object.spec;
            default_str(
                &mut spec.concurrency_policy,
                "Allow",
                "spec.concurrencyPolicy",
                &mut set,
            );
            default_bool(&mut spec.suspend, false, "spec.suspend", &mut set);
            default_i32(
                &mut spec.successful_jobs_history_limit,
                3,
                "spec.successfulJobsHistoryLimit",
                &mut set,
            );
            default_i32(
                &mut spec.failed_jobs_history_limit,
                1,
                "spec.failedJobsHistoryLimit",
                &mut set,
            );
            default_job_spec(
                &mut spec.job_template.spec,
                "spec.jobTemplate.spec",
                &mut set,
            );
        }
    }
    let kind = workload.kind();
    if let Some(template) = template_mut(&mut workload) {
        default_template(template, kind.template_path(), &mut applied);
    }
    DefaultedWorkload { workload, applied }
}

/// The object's Pod template, to be defaulted.
fn template_mut(workload: &mut Workload) -> Option<&mut PodTemplateSpec> {
    match workload {
        Workload::Deployment(o) => Some(&mut o.spec.template),
        Workload::ReplicaSet(o) => Some(&mut o.spec.template),
        Workload::StatefulSet(o) => Some(&mut o.spec.template),
        Workload::DaemonSet(o) => Some(&mut o.spec.template),
        Workload::ReplicationController(o) => o.spec.template.as_mut(),
        Workload::Job(o) => Some(&mut o.spec.template),
        Workload::CronJob(o) => Some(&mut o.spec.job_template.spec.template),
    }
}

/// The Pod defaults of a template (without the admission plugins'), at `path`.
fn default_template(template: &mut PodTemplateSpec, path: &str, applied: &mut Vec<AppliedDefault>) {
    let pod = crate::api::v1::Pod {
        metadata: template.metadata.clone(),
        spec: template.spec.clone(),
        ..Default::default()
    };
    let defaulted = apply_to_template(&pod);
    template.metadata = defaulted.pod.metadata;
    template.spec = defaulted.pod.spec;
    applied.extend(defaulted.applied.into_iter().map(|mut default| {
        default.path = format!("{path}.{}", default.path);
        default
    }));
}

/// `SetDefaults_Job`, for a Job's spec or a CronJob's job template at `path`.
fn default_job_spec(
    spec: &mut crate::api::workloads::JobSpec,
    path: &str,
    set: &mut impl FnMut(&str, String),
) {
    if spec.completions.is_none() && spec.parallelism.is_none() {
        spec.completions = Some(1);
        set(&format!("{path}.completions"), "1".to_owned());
    }
    default_i32(
        &mut spec.parallelism,
        1,
        &format!("{path}.parallelism"),
        set,
    );
    let backoff = if spec.backoff_limit_per_index.is_some() {
        i32::MAX
    } else {
        6
    };
    default_i32(
        &mut spec.backoff_limit,
        backoff,
        &format!("{path}.backoffLimit"),
        set,
    );
    default_str(
        &mut spec.completion_mode,
        "NonIndexed",
        &format!("{path}.completionMode"),
        set,
    );
    default_bool(&mut spec.suspend, false, &format!("{path}.suspend"), set);
    let replacement = if spec.pod_failure_policy.is_some() {
        "Failed"
    } else {
        "TerminatingOrFailed"
    };
    default_str(
        &mut spec.pod_replacement_policy,
        replacement,
        &format!("{path}.podReplacementPolicy"),
        set,
    );
    default_bool(
        &mut spec.manual_selector,
        false,
        &format!("{path}.manualSelector"),
        set,
    );
}

/// A Deployment's strategy: `RollingUpdate` with 25% and 25%.
fn default_strategy(strategy: &mut DeploymentStrategy, set: &mut impl FnMut(&str, String)) {
    default_str(
        &mut strategy.kind,
        "RollingUpdate",
        "spec.strategy.type",
        set,
    );
    if strategy.kind.as_deref() == Some("RollingUpdate") {
        let rolling = strategy
            .rolling_update
            .get_or_insert_with(RollingUpdateDeployment::default);
        for (field, value) in [
            ("maxUnavailable", &mut rolling.max_unavailable),
            ("maxSurge", &mut rolling.max_surge),
        ] {
            default_int_or_string(
                value,
                IntOrString::String("25%".to_owned()),
                &format!("spec.strategy.rollingUpdate.{field}"),
                set,
            );
        }
    }
}

fn default_i32(
    field: &mut Option<i32>,
    value: i32,
    path: &str,
    set: &mut impl FnMut(&str, String),
) {
    if field.is_none() {
        *field = Some(value);
        set(path, value.to_string());
    }
}

fn default_bool(
    field: &mut Option<bool>,
    value: bool,
    path: &str,
    set: &mut impl FnMut(&str, String),
) {
    if field.is_none() {
        *field = Some(value);
        set(path, value.to_string());
    }
}

fn default_str(
    field: &mut Option<String>,
    value: &str,
    path: &str,
    set: &mut impl FnMut(&str, String),
) {
    if field.as_deref().is_none_or(str::is_empty) {
        *field = Some(value.to_owned());
        set(path, value.to_owned());
    }
}

fn default_int_or_string(
    field: &mut Option<IntOrString>,
    value: IntOrString,
    path: &str,
    set: &mut impl FnMut(&str, String),
) {
    if field.is_none() {
        set(path, value.to_string());
        *field = Some(value);
    }
}

/// A label map as YAML's flow style writes it: `{app: web}`.
fn map_text(labels: &std::collections::BTreeMap<String, String>) -> String {
    let pairs: Vec<String> = labels.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    format!("{{{}}}", pairs.join(", "))
}
