//! What the API server allows an update (`kubectl apply` of an edited manifest) of a workload
//! to change: the `ValidateXUpdate` functions of pkg/apis/apps/validation and
//! pkg/apis/batch/validation, with the selector immutability the registries' `ValidateUpdate`
//! adds for `apps/v1` (`apivalidation.ValidateImmutableField`).

use crate::api::validation::{FieldError, FieldPath};
use crate::api::workloads::Workload;
use crate::api::workloads::validation::json;

/// `apimachineryvalidation.FieldImmutableErrorMsg`.
pub const FIELD_IMMUTABLE: &str = "field is immutable";

/// `ValidateStatefulSetUpdate`'s detail for a change of a field it does not allow.
pub const STATEFUL_SET_FORBIDDEN: &str = "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

/// The errors of updating the stored `old` to `new` (defaulted, and for a Job with the selector
/// the API server generated for `old`), in upstream's order. Both are of the same kind.
pub fn validate_update(new: &Workload, old: &Workload) -> Vec<FieldError> {
    let spec = FieldPath::new("spec");
    let mut errors = Vec::new();
    let immutable =
        |errors: &mut Vec<FieldError>, path: FieldPath, changed: bool, value: String| {
            if changed {
                errors.push(FieldError::invalid_json(path, value, FIELD_IMMUTABLE));
            }
        };
    match (new, old) {
        (Workload::Deployment(_), Workload::Deployment(_))
        | (Workload::ReplicaSet(_), Workload::ReplicaSet(_))
        | (Workload::DaemonSet(_), Workload::DaemonSet(_)) => {
            let (selector, before) = (apps_selector(new), apps_selector(old));
            immutable(
                &mut errors,
                spec.child("selector"),
                selector != before,
                json(&selector.cloned()),
            );
        }
        (Workload::StatefulSet(new), Workload::StatefulSet(old)) => {
            let mut clone = new.spec.clone();
            clone.replicas = old.spec.replicas;
            clone.template.clone_from(&old.spec.template);
            clone.update_strategy.clone_from(&old.spec.update_strategy);
            clone.min_ready_seconds = old.spec.min_ready_seconds;
            clone.ordinals.clone_from(&old.spec.ordinals);
            clone.revision_history_limit = old.spec.revision_history_limit;
            clone
                .persistent_volume_claim_retention_policy
                .clone_from(&old.spec.persistent_volume_claim_retention_policy);
            if clone != old.spec {
                errors.push(FieldError::forbidden(spec, STATEFUL_SET_FORBIDDEN));
            }
        }
        (Workload::Job(new), Workload::Job(old)) => {
            let (new, old) = (&new.spec, &old.spec);
            // An Indexed Job may scale: completions and parallelism changed together.
            let elastic = new.completion_mode.as_deref() == Some("Indexed")
                && new.completions == new.parallelism
                && old.completions == old.parallelism;
            if new.completions != old.completions && !elastic {
                errors.push(match new.completions {
                    Some(completions) => FieldError::invalid_int(
                        spec.child("completions"),
                        i64::from(completions),
                        FIELD_IMMUTABLE,
                    ),
                    None => FieldError::invalid_json(
                        spec.child("completions"),
                        "null".to_owned(),
                        FIELD_IMMUTABLE,
                    ),
                });
            }
            immutable(
                &mut errors,
                spec.child("selector"),
                new.selector != old.selector,
                json(&new.selector),
            );
            immutable(
                &mut errors,
                spec.child("template"),
                new.template != old.template,
                json(&new.template),
            );
            immutable(
                &mut errors,
                spec.child("completionMode"),
                new.completion_mode != old.completion_mode,
                json(&new.completion_mode),
            );
        }
        // A ReplicationController's selector and everything of a CronJob may change.
        _ => {}
    }
    errors
}

/// The selector of a Deployment, ReplicaSet or DaemonSet (immutable in `apps/v1`).
fn apps_selector(object: &Workload) -> Option<&crate::api::v1::LabelSelector> {
    match object {
        Workload::Deployment(o) => o.spec.selector.as_ref(),
        Workload::ReplicaSet(o) => o.spec.selector.as_ref(),
        Workload::DaemonSet(o) => o.spec.selector.as_ref(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::api::validation::invalid_message;

    fn workload(yaml: &str) -> Workload {
        let parsed = crate::api::manifest::read(yaml);
        parsed
            .accepted_workloads()
            .first()
            .map(|w| (*w).clone())
            .expect("a valid workload")
    }

    /// Updates `old` to `new` and renders the verdict as kubectl prints it.
    fn check(old: &str, new: &str, expected: Expect) {
        let (old, new) = (workload(old), workload(new));
        let errors = validate_update(&new, &old);
        let out = if errors.is_empty() {
            "allowed".to_owned()
        } else {
            invalid_message(new.kind().as_str(), new.name(), &errors)
        };
        expected.assert_eq(&out);
    }

    const DEPLOYMENT: &str = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: app, image: nginx:1.25}]}\n";

    // After upstream's TestValidateDeploymentUpdate and the registry's selector immutability
    // (pkg/registry/apps/deployment/strategy_test.go TestSelectorImmutability).
    #[test]
    fn a_deployment_may_change_its_template_and_replicas_but_not_its_selector() {
        check(
            DEPLOYMENT,
            &DEPLOYMENT
                .replace("nginx:1.25", "nginx:1.27")
                .replace("replicas: 2", "replicas: 5"),
            expect!["allowed"],
        );
        check(
            DEPLOYMENT,
            &DEPLOYMENT.replace("app: web}", "app: web2}"),
            expect![[
                r#"The Deployment "web" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"web2"}}: field is immutable"#
            ]],
        );
    }

    const STATEFUL_SET: &str = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  replicas: 2\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec: {containers: [{name: db, image: postgres:16}]}\n";

    // After upstream's TestValidateStatefulSetUpdate.
    #[test]
    fn a_stateful_set_may_change_only_the_listed_fields() {
        check(
            STATEFUL_SET,
            &STATEFUL_SET
                .replace("postgres:16", "postgres:17")
                .replace("replicas: 2", "replicas: 3"),
            expect!["allowed"],
        );
        check(
            STATEFUL_SET,
            &STATEFUL_SET.replace("serviceName: db", "serviceName: other"),
            expect![[
                r#"The StatefulSet "db" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"#
            ]],
        );
    }

    const JOB: &str = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: pi}\nspec:\n  completions: 2\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: pi, image: perl}]\n";

    // After upstream's TestValidateJobUpdate: "immutable completions for non-indexed jobs",
    // "immutable pod template".
    #[test]
    fn a_job_keeps_its_completions_and_its_template() {
        check(
            JOB,
            &JOB.replace("completions: 2", "completions: 2\n  backoffLimit: 2"),
            expect!["allowed"],
        );
        check(
            JOB,
            &JOB.replace("completions: 2", "completions: 3"),
            expect![[
                r#"The Job "pi" is invalid: spec.completions: Invalid value: 3: field is immutable"#
            ]],
        );
        let out = {
            let (old, new) = (workload(JOB), workload(&JOB.replace("perl", "perl:5.40")));
            invalid_message("Job", "pi", &validate_update(&new, &old))
        };
        assert!(
            out.starts_with("The Job \"pi\" is invalid: spec.template: Invalid value: {\"")
                && out.ends_with("}: field is immutable"),
            "{out}"
        );
    }
}
