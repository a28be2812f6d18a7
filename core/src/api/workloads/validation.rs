//! The API server's validation of workloads (pkg/apis/apps/validation, pkg/apis/batch/validation
//! and core's `ValidateReplicationController`, v1.34), on a defaulted object, with upstream's
//! paths, types and messages. The Pod template gets the whole Pod validation at its own path
//! (`ValidatePodTemplateSpec`), except a StatefulSet's: upstream still leaves its template's
//! spec unchecked (a TODO in `ValidatePodTemplateSpecForStatefulSet`), so those problems surface
//! only when the controller creates a Pod ([`template_pod_errors`]).

use std::collections::BTreeMap;

use crate::api::encode::{Encode, Tree, go_json};
use crate::api::labels;
use crate::api::v1::{IntOrString, LabelSelector, PodSpec};
use crate::api::validation::{
    FieldError, FieldPath, is_dns1123_label, is_dns1123_subdomain, validate_annotations,
    validate_labels, validate_object_meta_named, validate_pod_spec,
};
use crate::api::workloads::cron::Schedule;
use crate::api::workloads::time_zones::TIME_ZONES;
use crate::api::workloads::{
    CronJob, DaemonSet, Deployment, DeploymentStrategy, Job, JobSpec, PodTemplateSpec, ReplicaSet,
    ReplicationController, StatefulSet, Workload,
};

/// `IsNegativeErrorMsg`.
const NEGATIVE: &str = "must be greater than or equal to 0";
/// The most parallelism an Indexed Job may have.
const MAX_PARALLELISM_FOR_INDEXED_JOB: i32 = 100_000;

/// Every error the API server reports when asked to create `workload` (already defaulted), in
/// upstream's order.
pub fn validate(workload: &Workload) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let metadata = FieldPath::new("metadata");
    let spec = FieldPath::new("spec");
    // A StatefulSet's Pods are named `<set>-<ordinal>`: its name must be a DNS label.
    let name_rule = match workload {
        Workload::StatefulSet(_) => is_dns1123_label,
        _ => is_dns1123_subdomain,
    };
    validate_object_meta_named(workload.metadata(), &metadata, name_rule, &mut errors);
    match workload {
        Workload::Deployment(object) => validate_deployment_spec(object, &spec, &mut errors),
        Workload::ReplicaSet(object) => validate_replica_set_spec(object, &spec, &mut errors),
        Workload::StatefulSet(object) => validate_stateful_set_spec(object, &spec, &mut errors),
        Workload::DaemonSet(object) => validate_daemon_set_spec(object, &spec, &mut errors),
        Workload::ReplicationController(object) => {
            validate_replication_controller_spec(object, &spec, &mut errors);
        }
        Workload::Job(object) => validate_job(object, &mut errors),
        Workload::CronJob(object) => validate_cron_job(object, &spec, &mut errors),
    }
    errors
}

/// The errors a Pod made from a StatefulSet's template would get, which the API server does not
/// check on the StatefulSet itself: the controller's create of each Pod fails with them.
pub fn template_pod_errors(workload: &Workload) -> Vec<FieldError> {
    let Workload::StatefulSet(object) = workload else {
        return Vec::new();
    };
    // The controller's Pods carry a volume for each claim template (`updateStorage`), which
    // the template's mounts may name.
    let mut template = object.spec.template.clone();
    for claim in &object.spec.volume_claim_templates {
        let name = claim.metadata.name.clone().unwrap_or_default();
        template.spec.volumes.retain(|volume| volume.name != name);
        template.spec.volumes.push(crate::api::v1::Volume {
            name: name.clone(),
            persistent_volume_claim: Some(crate::api::v1::PersistentVolumeClaimVolumeSource {
                claim_name: format!(
                    "{name}-{}-0",
                    object.metadata.name.as_deref().unwrap_or_default()
                ),
                read_only: false,
            }),
            ..Default::default()
        });
    }
    let mut errors = Vec::new();
    validate_pod_template_spec(
        &template,
        &FieldPath::new("spec").child("template"),
        &mut errors,
    );
    errors
}

/// `ValidatePodTemplateSpec`: labels and annotations (at the template's own `labels` and
/// `annotations`, as upstream writes the paths), and the whole Pod spec.
fn validate_pod_template_spec(
    template: &PodTemplateSpec,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    validate_labels(&template.metadata.labels, &path.child("labels"), errors);
    validate_annotations(
        &template.metadata.annotations,
        &path.child("annotations"),
        errors,
    );
    validate_pod_spec(&template.spec, &path.child("spec"), errors);
    if !template.spec.ephemeral_containers.is_empty() {
        errors.push(FieldError::forbidden(
            path.child("spec").child("ephemeralContainers"),
            "ephemeral containers not allowed in pod template",
        ));
    }
}

fn validate_deployment_spec(object: &Deployment, path: &FieldPath, errors: &mut Vec<FieldError>) {
    let spec = &object.spec;
    let replicas = spec.replicas.unwrap_or(1);
    non_negative(i64::from(replicas), path.child("replicas"), errors);
    let selector = validate_required_selector(spec.selector.as_ref(), "deployment", path, errors);
    match selector {
        SelectorState::Malformed => errors.push(FieldError::invalid_json(
            path.child("selector"),
            json(&spec.selector),
            "invalid label selector",
        )),
        state => validate_template_for_replica_set(
            &spec.template,
            state,
            "ReplicaSet",
            &path.child("template"),
            errors,
        ),
    }
    validate_deployment_strategy(&spec.strategy, &path.child("strategy"), errors);
    non_negative(
        i64::from(spec.min_ready_seconds),
        path.child("minReadySeconds"),
        errors,
    );
    if let Some(limit) = spec.revision_history_limit {
        non_negative(i64::from(limit), path.child("revisionHistoryLimit"), errors);
    }
    if let Some(deadline) = spec.progress_deadline_seconds {
        non_negative(
            i64::from(deadline),
            path.child("progressDeadlineSeconds"),
            errors,
        );
        if deadline <= spec.min_ready_seconds {
            errors.push(FieldError::invalid_int(
                path.child("progressDeadlineSeconds"),
                i64::from(deadline),
                "must be greater than minReadySeconds",
            ));
        }
    }
}

fn validate_replica_set_spec(object: &ReplicaSet, path: &FieldPath, errors: &mut Vec<FieldError>) {
    let spec = &object.spec;
    non_negative(
        i64::from(spec.replicas.unwrap_or(1)),
        path.child("replicas"),
        errors,
    );
    non_negative(
        i64::from(spec.min_ready_seconds),
        path.child("minReadySeconds"),
        errors,
    );
    // Upstream's ReplicaSet says "deployment" here too.
    match validate_required_selector(spec.selector.as_ref(), "deployment", path, errors) {
        SelectorState::Malformed => errors.push(FieldError::invalid_json(
            path.child("selector"),
            json(&spec.selector),
            "invalid label selector",
        )),
        state => validate_template_for_replica_set(
            &spec.template,
            state,
            "ReplicaSet",
            &path.child("template"),
            errors,
        ),
    }
}

fn validate_stateful_set_spec(
    object: &StatefulSet,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    let spec = &object.spec;
    match spec.pod_management_policy.as_deref().unwrap_or_default() {
        "" => errors.push(FieldError::required(path.child("podManagementPolicy"), "")),
        "OrderedReady" | "Parallel" => {}
        other => errors.push(FieldError::invalid(
            path.child("podManagementPolicy"),
            other,
            "must be 'OrderedReady' or 'Parallel'",
        )),
    }
    let strategy = &spec.update_strategy;
    let strategy_path = path.child("updateStrategy");
    match strategy.kind.as_deref().unwrap_or_default() {
        "" => errors.push(FieldError::required(strategy_path.clone(), "")),
        "OnDelete" => {
            if let Some(rolling) = &strategy.rolling_update {
                errors.push(FieldError::invalid_json(
                    strategy_path.child("rollingUpdate"),
                    go_struct_json(&[
                        (
                            "Partition",
                            Tree::Int(i128::from(rolling.partition.unwrap_or(0))),
                        ),
                        (
                            "MaxUnavailable",
                            int_or_string_tree(rolling.max_unavailable.as_ref()),
                        ),
                    ]),
                    "only allowed for updateStrategy 'RollingUpdate'",
                ));
            }
        }
        "RollingUpdate" => {
            if let Some(rolling) = &strategy.rolling_update {
                let rolling_path = strategy_path.child("rollingUpdate");
                non_negative(
                    i64::from(rolling.partition.unwrap_or(0)),
                    rolling_path.child("partition"),
                    errors,
                );
                if let Some(max) = &rolling.max_unavailable {
                    let max_path = rolling_path.child("maxUnavailable");
                    validate_positive_int_or_percent(max, &max_path, errors);
                    if int_or_percent_value(max) == 0 {
                        errors.push(int_or_string_invalid(max_path.clone(), max, "cannot be 0"));
                    }
                    not_more_than_100_percent(max, &max_path, errors);
                }
            }
        }
        other => errors.push(FieldError::invalid_json(
            strategy_path,
            go_struct_json(&[
                ("Type", Tree::Str(other.to_owned())),
                ("RollingUpdate", Tree::Null),
            ]),
            "must be 'RollingUpdate' or 'OnDelete'",
        )),
    }
    if let Some(policy) = &spec.persistent_volume_claim_retention_policy {
        let policy_path = path.child("persistentVolumeClaimRetentionPolicy");
        for (field, value) in [
            ("whenDeleted", &policy.when_deleted),
            ("whenScaled", &policy.when_scaled),
        ] {
            let value = value.as_deref().unwrap_or_default();
            if !matches!(value, "Retain" | "Delete") {
                errors.push(FieldError::not_supported(
                    policy_path.child(field),
                    value,
                    &["Retain", "Delete"],
                ));
            }
        }
    }
    non_negative(
        i64::from(spec.replicas.unwrap_or(1)),
        path.child("replicas"),
        errors,
    );
    non_negative(
        i64::from(spec.min_ready_seconds),
        path.child("minReadySeconds"),
        errors,
    );
    if let Some(ordinals) = &spec.ordinals {
        non_negative(
            i64::from(ordinals.start),
            path.child("ordinals.start"),
            errors,
        );
    }
    let state = validate_required_selector(spec.selector.as_ref(), "statefulset", path, errors);
    let template_path = path.child("template");
    match state {
        SelectorState::Malformed => errors.push(FieldError::invalid_json(
            path.child("selector"),
            json(&spec.selector),
            "",
        )),
        state => {
            check_selector_matches(&spec.template, state, &template_path, errors);
            validate_labels(
                &spec.template.metadata.labels,
                &template_path.child("labels"),
                errors,
            );
            validate_annotations(
                &spec.template.metadata.annotations,
                &template_path.child("annotations"),
                errors,
            );
        }
    }
    restart_always_and_no_deadline(&spec.template.spec, &template_path, "StatefulSet", errors);
    for (index, claim) in spec.volume_claim_templates.iter().enumerate() {
        let claim_path = path.child("volumeClaimTemplates").index(index);
        if claim.metadata.name.as_deref().is_none_or(str::is_empty) {
            errors.push(FieldError::required(
                claim_path.child("metadata").child("name"),
                "name or generateName is required",
            ));
        }
        if claim.spec.access_modes.is_empty() {
            errors.push(FieldError::required(
                claim_path.child("spec").child("accessModes"),
                "",
            ));
        }
        for (mode_index, mode) in claim.spec.access_modes.iter().enumerate() {
            const MODES: [&str; 4] = [
                "ReadOnlyMany",
                "ReadWriteMany",
                "ReadWriteOnce",
                "ReadWriteOncePod",
            ];
            if !MODES.contains(&mode.as_str()) {
                errors.push(FieldError::not_supported(
                    claim_path
                        .child("spec")
                        .child("accessModes")
                        .index(mode_index),
                    mode,
                    &MODES,
                ));
            }
        }
        if !claim.spec.resources.requests.contains_key("storage") {
            errors.push(FieldError::required(
                claim_path.child("spec").child("resources").key("storage"),
                "",
            ));
        }
    }
}

fn validate_daemon_set_spec(object: &DaemonSet, path: &FieldPath, errors: &mut Vec<FieldError>) {
    let spec = &object.spec;
    if let Some(selector) = &spec.selector {
        labels::validate(selector, &path.child("selector"), errors);
    }
    let well_formed = spec.selector.as_ref().is_none_or(labels::is_well_formed);
    let matches = spec
        .selector
        .as_ref()
        .is_some_and(|selector| labels::matches(selector, &spec.template.metadata.labels));
    let template_path = path.child("template");
    if well_formed && !matches {
        errors.push(mismatch(&template_path, &spec.template.metadata.labels));
    }
    if let Some(selector) = spec.selector.as_ref().filter(|s| labels::is_empty(s)) {
        errors.push(FieldError::invalid_json(
            path.child("selector"),
            json(selector),
            "empty selector is invalid for daemonset",
        ));
    }
    validate_pod_template_spec(&spec.template, &template_path, errors);
    restart_always_and_no_deadline(&spec.template.spec, &template_path, "DaemonSet", errors);
    non_negative(
        i64::from(spec.min_ready_seconds),
        path.child("minReadySeconds"),
        errors,
    );
    let strategy_path = path.child("updateStrategy");
    match spec.update_strategy.kind.as_deref().unwrap_or_default() {
        "OnDelete" => {}
        "RollingUpdate" => match &spec.update_strategy.rolling_update {
            None => errors.push(FieldError::required(
                strategy_path.child("rollingUpdate"),
                "",
            )),
            Some(rolling) => {
                let rolling_path = strategy_path.child("rollingUpdate");
                let unavailable = rolling.max_unavailable.clone().unwrap_or_default();
                let surge = rolling.max_surge.clone().unwrap_or_default();
                validate_positive_int_or_percent(
                    &unavailable,
                    &rolling_path.child("maxUnavailable"),
                    errors,
                );
                validate_positive_int_or_percent(&surge, &rolling_path.child("maxSurge"), errors);
                not_more_than_100_percent(
                    &unavailable,
                    &rolling_path.child("maxUnavailable"),
                    errors,
                );
                not_more_than_100_percent(&surge, &rolling_path.child("maxSurge"), errors);
                let has_unavailable = int_or_percent_value(&unavailable) != 0;
                let has_surge = int_or_percent_value(&surge) != 0;
                if has_unavailable && has_surge {
                    errors.push(int_or_string_invalid(
                        rolling_path.child("maxSurge"),
                        &surge,
                        "may not be set when maxUnavailable is non-zero",
                    ));
                } else if !has_unavailable && !has_surge {
                    errors.push(FieldError::required(
                        rolling_path.child("maxUnavailable"),
                        "cannot be 0 when maxSurge is 0",
                    ));
                }
            }
        },
        other => errors.push(FieldError::not_supported_json(
            strategy_path,
            go_struct_json(&[
                ("Type", Tree::Str(other.to_owned())),
                ("RollingUpdate", Tree::Null),
            ]),
            &["RollingUpdate", "OnDelete"],
        )),
    }
    if let Some(limit) = spec.revision_history_limit {
        non_negative(i64::from(limit), path.child("revisionHistoryLimit"), errors);
    }
}

fn validate_replication_controller_spec(
    object: &ReplicationController,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    let spec = &object.spec;
    non_negative(
        i64::from(spec.min_ready_seconds),
        path.child("minReadySeconds"),
        errors,
    );
    if spec.selector.is_empty() {
        errors.push(FieldError::required(path.child("selector"), ""));
    }
    non_negative(
        i64::from(spec.replicas.unwrap_or(1)),
        path.child("replicas"),
        errors,
    );
    let template_path = path.child("template");
    match &spec.template {
        None => errors.push(FieldError::required(template_path, "")),
        Some(template) => {
            if !spec.selector.is_empty()
                && !spec
                    .selector
                    .iter()
                    .all(|(key, value)| template.metadata.labels.get(key) == Some(value))
            {
                errors.push(mismatch(&template_path, &template.metadata.labels));
            }
            validate_pod_template_spec(template, &template_path, errors);
            restart_always_and_no_deadline(
                &template.spec,
                &template_path,
                "ReplicationController",
                errors,
            );
        }
    }
}

fn validate_job(object: &Job, errors: &mut Vec<FieldError>) {
    let spec = &object.spec;
    let path = FieldPath::new("spec");
    validate_job_spec(spec, &path, errors);
    let manual = spec.manual_selector == Some(true);
    match &spec.selector {
        None if manual => errors.push(FieldError::required(path.child("selector"), "")),
        None => {}
        Some(selector) => labels::validate(selector, &path.child("selector"), errors),
    }
    // The API server generates the selector (the Job's UID) and puts its labels on the
    // template, so only the labels the manifest's own selector asks for can be missing.
    if let Some(selector) = spec.selector.as_ref().filter(|s| labels::is_well_formed(s))
        && !labels::matches(selector, &spec.template.metadata.labels)
    {
        errors.push(mismatch(
            &path.child("template"),
            &spec.template.metadata.labels,
        ));
    }
    if spec.completion_mode.as_deref() == Some("Indexed")
        && let Some(completions) = spec.completions.filter(|c| *c > 0)
    {
        let name = object.metadata.name.as_deref().unwrap_or_default();
        let hostname = format!("{name}-{}", completions - 1);
        if !is_dns1123_label(&hostname).is_empty() {
            errors.push(FieldError::invalid(
                FieldPath::new("metadata").child("name"),
                name,
                format!("will not able to create pod with invalid DNS label: {hostname}"),
            ));
        }
    }
}

/// `validateJobSpec`: the checks a Job's spec and a CronJob's job template share.
fn validate_job_spec(spec: &JobSpec, path: &FieldPath, errors: &mut Vec<FieldError>) {
    for (field, value) in [
        ("parallelism", spec.parallelism.map(i64::from)),
        ("completions", spec.completions.map(i64::from)),
        ("activeDeadlineSeconds", spec.active_deadline_seconds),
        ("backoffLimit", spec.backoff_limit.map(i64::from)),
        (
            "ttlSecondsAfterFinished",
            spec.ttl_seconds_after_finished.map(i64::from),
        ),
    ] {
        if let Some(value) = value {
            non_negative(value, path.child(field), errors);
        }
    }
    if let Some(per_index) = spec.backoff_limit_per_index {
        non_negative(
            i64::from(per_index),
            path.child("backoffLimitPerIndex"),
            errors,
        );
        if spec.completion_mode.as_deref() != Some("Indexed") {
            errors.push(FieldError::forbidden(
                path.child("backoffLimitPerIndex"),
                "requires indexed completion mode",
            ));
        }
    }
    if let Some(max_failed) = spec.max_failed_indexes {
        non_negative(
            i64::from(max_failed),
            path.child("maxFailedIndexes"),
            errors,
        );
        if spec.backoff_limit_per_index.is_none() {
            errors.push(FieldError::required(
                path.child("backoffLimitPerIndex"),
                "when maxFailedIndexes is specified",
            ));
        }
    }
    if let Some(mode) = spec.completion_mode.as_deref() {
        if !matches!(mode, "NonIndexed" | "Indexed") {
            errors.push(FieldError::not_supported(
                path.child("completionMode"),
                mode,
                &["NonIndexed", "Indexed"],
            ));
        }
        if mode == "Indexed" {
            if spec.completions.is_none() {
                errors.push(FieldError::required(
                    path.child("completions"),
                    "when completion mode is Indexed",
                ));
            }
            if let Some(parallelism) = spec
                .parallelism
                .filter(|p| *p > MAX_PARALLELISM_FOR_INDEXED_JOB)
            {
                errors.push(FieldError::invalid_int(
                    path.child("parallelism"),
                    i64::from(parallelism),
                    format!("must be less than or equal to {MAX_PARALLELISM_FOR_INDEXED_JOB} when completion mode is Indexed"),
                ));
            }
        }
    }
    if let Some(policy) = spec.pod_replacement_policy.as_deref() {
        if spec.pod_failure_policy.is_some() {
            if policy != "Failed" {
                errors.push(FieldError::not_supported(
                    path.child("podReplacementPolicy"),
                    policy,
                    &["Failed"],
                ));
            }
        } else if !matches!(policy, "Failed" | "TerminatingOrFailed") {
            errors.push(FieldError::not_supported(
                path.child("podReplacementPolicy"),
                policy,
                &["Failed", "TerminatingOrFailed"],
            ));
        }
    }
    let template_path = path.child("template");
    validate_pod_template_spec(&spec.template, &template_path, errors);
    let restart_path = template_path.child("spec").child("restartPolicy");
    match spec
        .template
        .spec
        .restart_policy
        .as_deref()
        .unwrap_or_default()
    {
        "Always" | "" => errors.push(FieldError::required(
            restart_path,
            "valid values: \"OnFailure\", \"Never\"",
        )),
        "OnFailure" if spec.pod_failure_policy.is_some() => errors.push(FieldError::invalid(
            restart_path,
            "OnFailure",
            "only \"Never\" is supported when podFailurePolicy is specified",
        )),
        "OnFailure" | "Never" => {}
        other => errors.push(FieldError::not_supported(
            restart_path,
            other,
            &["OnFailure", "Never"],
        )),
    }
}

fn validate_cron_job(object: &CronJob, path: &FieldPath, errors: &mut Vec<FieldError>) {
    let spec = &object.spec;
    if spec.schedule.is_empty() {
        errors.push(FieldError::required(path.child("schedule"), ""));
    } else {
        if let Err(reason) = Schedule::parse(&spec.schedule) {
            errors.push(FieldError::invalid(
                path.child("schedule"),
                &spec.schedule,
                reason,
            ));
        }
        if spec.schedule.contains("TZ") {
            errors.push(FieldError::invalid(
                path.child("schedule"),
                &spec.schedule,
                "cannot use TZ or CRON_TZ in schedule, use timeZone field instead",
            ));
        }
    }
    if let Some(deadline) = spec.starting_deadline_seconds {
        non_negative(deadline, path.child("startingDeadlineSeconds"), errors);
    }
    if let Some(zone) = spec.time_zone.as_deref() {
        validate_time_zone(zone, &path.child("timeZone"), errors);
    }
    let policy_path = path.child("concurrencyPolicy");
    match spec.concurrency_policy.as_deref().unwrap_or_default() {
        "Allow" | "Forbid" | "Replace" => {}
        "" => errors.push(FieldError::required(policy_path, "")),
        other => errors.push(FieldError::not_supported(
            policy_path,
            other,
            &["Allow", "Forbid", "Replace"],
        )),
    }
    let template_path = path.child("jobTemplate");
    let job_spec = &spec.job_template.spec;
    validate_job_spec(job_spec, &template_path.child("spec"), errors);
    if let Some(selector) = &job_spec.selector {
        errors.push(FieldError::invalid_json(
            template_path.child("spec").child("selector"),
            json(selector),
            "`selector` will be auto-generated",
        ));
    }
    if job_spec.manual_selector == Some(true) {
        let mut error = FieldError::not_supported(
            template_path.child("spec").child("manualSelector"),
            "",
            &["nil", "false"],
        );
        error.value = crate::api::validation::BadValue::Json("true".to_owned());
        errors.push(error);
    }
    for (field, value) in [
        (
            "successfulJobsHistoryLimit",
            spec.successful_jobs_history_limit,
        ),
        ("failedJobsHistoryLimit", spec.failed_jobs_history_limit),
    ] {
        if let Some(value) = value {
            non_negative(i64::from(value), path.child(field), errors);
        }
    }
    let name = object.metadata.name.as_deref().unwrap_or_default();
    if name.len() > 52 {
        errors.push(FieldError::invalid(
            FieldPath::new("metadata").child("name"),
            name,
            "must be no more than 52 characters",
        ));
    }
}

/// `validateTimeZone`: an explicit IANA zone Go's `time.LoadLocation` knows.
fn validate_time_zone(zone: &str, path: &FieldPath, errors: &mut Vec<FieldError>) {
    if zone.is_empty() {
        errors.push(FieldError::invalid(
            path.clone(),
            zone,
            "timeZone must be nil or non-empty string",
        ));
        return;
    }
    let valid_part = |part: &str| {
        part != "."
            && part != ".."
            && !part.starts_with('-')
            && !part.is_empty()
            && part.len() <= 14
            && part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'+' | b'-'))
    };
    if !zone.split('/').all(valid_part) {
        errors.push(FieldError::invalid(
            path.clone(),
            zone,
            format!("unknown time zone {zone}"),
        ));
        return;
    }
    if zone.eq_ignore_ascii_case("Local") {
        errors.push(FieldError::invalid(
            path.clone(),
            zone,
            "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones",
        ));
    }
    if zone != "UTC" && zone != "Local" && TIME_ZONES.binary_search(&zone).is_err() {
        errors.push(FieldError::invalid(
            path.clone(),
            zone,
            format!("unknown time zone {zone}"),
        ));
    }
}

/// What a required `spec.selector` allows the template check to do.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SelectorState<'s> {
    /// No selector: it matches nothing.
    Missing,
    /// `LabelSelectorAsSelector` fails on it.
    Malformed,
    /// A selector that can be matched.
    Usable(&'s LabelSelector),
}

/// The selector checks of Deployments, ReplicaSets and StatefulSets: required, valid, not empty.
fn validate_required_selector<'s>(
    selector: Option<&'s LabelSelector>,
    kind: &str,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) -> SelectorState<'s> {
    let Some(selector) = selector else {
        errors.push(FieldError::required(path.child("selector"), ""));
        return SelectorState::Missing;
    };
    labels::validate(selector, &path.child("selector"), errors);
    if labels::is_empty(selector) {
        errors.push(FieldError::invalid_json(
            path.child("selector"),
            json(selector),
            format!("empty selector is invalid for {kind}"),
        ));
    }
    if labels::is_well_formed(selector) {
        SelectorState::Usable(selector)
    } else {
        SelectorState::Malformed
    }
}

/// `ValidatePodTemplateSpecForReplicaSet`.
fn validate_template_for_replica_set(
    template: &PodTemplateSpec,
    selector: SelectorState<'_>,
    kind: &str,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    check_selector_matches(template, selector, path, errors);
    validate_pod_template_spec(template, path, errors);
    restart_always_and_no_deadline(&template.spec, path, kind, errors);
}

/// A selector that is not empty must match the template's labels (a missing one matches
/// nothing).
fn check_selector_matches(
    template: &PodTemplateSpec,
    selector: SelectorState<'_>,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    let matches = match selector {
        SelectorState::Missing => false,
        SelectorState::Malformed => true,
        SelectorState::Usable(selector) => {
            labels::is_empty(selector) || labels::matches(selector, &template.metadata.labels)
        }
    };
    if !matches {
        errors.push(mismatch(path, &template.metadata.labels));
    }
}

fn mismatch(template_path: &FieldPath, labels: &BTreeMap<String, String>) -> FieldError {
    FieldError::invalid_json(
        template_path.child("metadata").child("labels"),
        json(labels),
        "`selector` does not match template `labels`",
    )
}

/// The template rules of the kinds whose Pods always run: `restartPolicy: Always`, and no
/// `activeDeadlineSeconds`.
fn restart_always_and_no_deadline(
    spec: &PodSpec,
    template_path: &FieldPath,
    kind: &str,
    errors: &mut Vec<FieldError>,
) {
    let restart = spec.restart_policy.as_deref().unwrap_or_default();
    if restart != "Always" {
        errors.push(FieldError::not_supported(
            template_path.child("spec").child("restartPolicy"),
            restart,
            &["Always"],
        ));
    }
    if spec.active_deadline_seconds.is_some() {
        errors.push(FieldError::forbidden(
            template_path.child("spec").child("activeDeadlineSeconds"),
            &format!("activeDeadlineSeconds in {kind} is not Supported"),
        ));
    }
}

/// `ValidateDeploymentStrategy`.
fn validate_deployment_strategy(
    strategy: &DeploymentStrategy,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    match strategy.kind.as_deref().unwrap_or_default() {
        "Recreate" => {
            if strategy.rolling_update.is_some() {
                errors.push(FieldError::forbidden(
                    path.child("rollingUpdate"),
                    "may not be specified when strategy `type` is 'Recreate'",
                ));
            }
        }
        "RollingUpdate" => match &strategy.rolling_update {
            None => errors.push(FieldError::required(
                path.child("rollingUpdate"),
                "this should be defaulted and never be nil",
            )),
            Some(rolling) => {
                let rolling_path = path.child("rollingUpdate");
                let unavailable = rolling.max_unavailable.clone().unwrap_or_default();
                let surge = rolling.max_surge.clone().unwrap_or_default();
                validate_positive_int_or_percent(
                    &unavailable,
                    &rolling_path.child("maxUnavailable"),
                    errors,
                );
                validate_positive_int_or_percent(&surge, &rolling_path.child("maxSurge"), errors);
                if int_or_percent_value(&unavailable) == 0 && int_or_percent_value(&surge) == 0 {
                    errors.push(int_or_string_invalid(
                        rolling_path.child("maxUnavailable"),
                        &unavailable,
                        "may not be 0 when `maxSurge` is 0",
                    ));
                }
                not_more_than_100_percent(
                    &unavailable,
                    &rolling_path.child("maxUnavailable"),
                    errors,
                );
            }
        },
        other => {
            let rolling = strategy
                .rolling_update
                .as_ref()
                .map_or(Tree::Null, |rolling| {
                    Tree::Map(vec![
                        (
                            "MaxUnavailable".to_owned(),
                            int_or_string_tree(rolling.max_unavailable.as_ref()),
                        ),
                        (
                            "MaxSurge".to_owned(),
                            int_or_string_tree(rolling.max_surge.as_ref()),
                        ),
                    ])
                });
            errors.push(FieldError::not_supported_json(
                path.clone(),
                go_struct_json(&[
                    ("Type", Tree::Str(other.to_owned())),
                    ("RollingUpdate", rolling),
                ]),
                &["Recreate", "RollingUpdate"],
            ));
        }
    }
}

/// `ValidatePositiveIntOrPercent`.
fn validate_positive_int_or_percent(
    value: &IntOrString,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    match value {
        IntOrString::String(text) => {
            if !is_valid_percent(text) {
                errors.push(FieldError::invalid(
                    path.clone(),
                    text,
                    "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
                ));
            }
        }
        IntOrString::Int(number) => non_negative(i64::from(*number), path.clone(), errors),
    }
}

/// `IsNotMoreThan100Percent`.
fn not_more_than_100_percent(value: &IntOrString, path: &FieldPath, errors: &mut Vec<FieldError>) {
    if let IntOrString::String(text) = value
        && is_valid_percent(text)
        && text
            .trim_end_matches('%')
            .parse::<u64>()
            .is_ok_and(|percent| percent > 100)
    {
        errors.push(FieldError::invalid(
            path.clone(),
            text,
            "must not be greater than 100%",
        ));
    }
}

/// `IsValidPercent`: `^[0-9]+%$`.
fn is_valid_percent(text: &str) -> bool {
    text.strip_suffix('%')
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
}

/// `getIntOrPercentValue`: the number, a percent's number, or 0 for a string that is neither.
fn int_or_percent_value(value: &IntOrString) -> i64 {
    match value {
        IntOrString::Int(number) => i64::from(*number),
        IntOrString::String(text) if is_valid_percent(text) => text
            .trim_end_matches('%')
            .parse::<i64>()
            .unwrap_or(i64::MAX),
        IntOrString::String(_) => 0,
    }
}

/// `Invalid value` of an `IntOrString`, shown as its JSON: `0` or `"150%"`.
fn int_or_string_invalid(path: FieldPath, value: &IntOrString, detail: &str) -> FieldError {
    match value {
        IntOrString::Int(number) => FieldError::invalid_int(path, i64::from(*number), detail),
        IntOrString::String(text) => FieldError::invalid(path, text, detail),
    }
}

fn int_or_string_tree(value: Option<&IntOrString>) -> Tree {
    match value {
        None => Tree::Null,
        Some(IntOrString::Int(number)) => Tree::Int(i128::from(*number)),
        Some(IntOrString::String(text)) => Tree::Str(text.clone()),
    }
}

/// An internal Go struct as `json.Marshal` writes it: field names as Go spells them.
fn go_struct_json(fields: &[(&str, Tree)]) -> String {
    go_json::to_compact_json(&Tree::Map(
        fields
            .iter()
            .map(|(name, value)| ((*name).to_owned(), value.clone()))
            .collect(),
    ))
}

/// A value's JSON as an API error shows it.
pub(crate) fn json<T: Encode>(value: &T) -> String {
    go_json::to_compact_json(&value.encode().unwrap_or(Tree::Null))
}

fn non_negative(value: i64, path: FieldPath, errors: &mut Vec<FieldError>) {
    if value < 0 {
        errors.push(FieldError::invalid_int(path, value, NEGATIVE));
    }
}
