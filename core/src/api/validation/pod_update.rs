//! `ValidatePodUpdate` (pkg/apis/core/validation/validation.go): what the API server allows a
//! `kubectl apply` (an update) of an existing Pod to change. A Pod's spec is nearly immutable:
//! only the containers' images, `activeDeadlineSeconds`, additions to `tolerations`, and a
//! negative `terminationGracePeriodSeconds` set to 1 may change; labels and annotations may.

use crate::api::v1::{Pod, PodSpec};
use crate::api::validation::{FieldError, FieldPath};

/// The detail of the error for a forbidden change of a Pod's spec, as upstream words it
/// (`updatablePodSpecFieldsStringArray` joined by commas, since 1.22).
pub const FORBIDDEN_POD_UPDATE: &str = "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

/// The errors of updating `old` (as stored) to `new` (defaulted as on create): a change of the
/// spec other than the updatable fields is `spec: Forbidden: …`. Upstream follows the message
/// with a Go diff of the two specs, which the playground leaves out. Fields the manifest does
/// not set keep their stored values, as `kubectl apply`'s merge patch keeps them: the node the
/// scheduler chose.
pub fn validate_pod_update(new: &Pod, old: &Pod) -> Vec<FieldError> {
    if munged_spec(new, old) == old.spec {
        Vec::new()
    } else {
        vec![FieldError::forbidden(
            FieldPath::new("spec"),
            FORBIDDEN_POD_UPDATE,
        )]
    }
}

/// The Pod's spec once the update has been applied to the stored one: `new`'s spec with the
/// stored node, as the API server's update leaves it.
pub fn updated_spec(new: &Pod, old: &Pod) -> PodSpec {
    let mut spec = new.spec.clone();
    if spec.node_name.is_none() {
        spec.node_name.clone_from(&old.spec.node_name);
    }
    // Ephemeral containers change only through their own subresource: an update keeps them
    // (kubectl's patch of the manifest never names them).
    spec.ephemeral_containers
        .clone_from(&old.spec.ephemeral_containers);
    spec
}

/// The errors of the update of `old` to `new` through the `ephemeralcontainers` subresource
/// (`ValidatePodEphemeralContainersUpdate`): a static Pod's mirror takes none; every ephemeral
/// container is checked as such (a name unique among all the Pod's containers, a target that
/// is one of them, none of the fields an ephemeral container may not set); one that existed may
/// not change.
pub fn validate_ephemeral_containers_update(new: &Pod, old: &Pod) -> Vec<FieldError> {
    if old
        .metadata
        .annotations
        .contains_key("kubernetes.io/config.mirror")
    {
        return vec![FieldError::forbidden(
            FieldPath::new(""),
            "static pods do not support ephemeral containers",
        )];
    }
    let spec = FieldPath::new("spec");
    let mut errors = Vec::new();
    let volumes = new.spec.volumes.iter().map(|v| v.name.clone()).collect();
    crate::api::validation::containers::validate_ephemeral_containers(
        &new.spec,
        &volumes,
        &spec.child("ephemeralContainers"),
        &mut errors,
    );
    for (index, existing) in old.spec.ephemeral_containers.iter().enumerate() {
        let kept = new
            .spec
            .ephemeral_containers
            .iter()
            .find(|container| container.name == existing.name);
        if kept != Some(existing) {
            errors.push(FieldError::forbidden(
                spec.child("ephemeralContainers").index(index),
                &format!(
                    "existing ephemeral containers \"{}\" may not be changed",
                    existing.name
                ),
            ));
        }
    }
    errors
}

/// `new`'s spec with the fields an update may change set back to `old`'s: equal to `old`'s
/// spec exactly when the update changes nothing else (upstream's `mungedPodSpec`).
fn munged_spec(new: &Pod, old: &Pod) -> PodSpec {
    let mut spec = updated_spec(new, old);
    for (containers, old_containers) in [
        (&mut spec.containers, &old.spec.containers),
        (&mut spec.init_containers, &old.spec.init_containers),
    ] {
        if containers.len() == old_containers.len() {
            for (container, old_container) in containers.iter_mut().zip(old_containers) {
                container.image.clone_from(&old_container.image);
            }
        }
    }
    spec.active_deadline_seconds = old.spec.active_deadline_seconds;
    // Tolerations may only be added to: each stored one is still there
    // (`validateOnlyAddedTolerations`).
    if old
        .spec
        .tolerations
        .iter()
        .all(|toleration| spec.tolerations.contains(toleration))
    {
        spec.tolerations.clone_from(&old.spec.tolerations);
    }
    if old
        .spec
        .termination_grace_period_seconds
        .is_some_and(|seconds| seconds < 0)
        && spec.termination_grace_period_seconds == Some(1)
    {
        spec.termination_grace_period_seconds = old.spec.termination_grace_period_seconds;
    }
    spec
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::api::validation::invalid_message;

    fn pod(yaml: &str) -> Pod {
        let parsed = crate::api::manifest::read(yaml);
        parsed.accepted_pod().cloned().expect("a valid Pod")
    }

    const OLD: &str = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - {name: app, image: nginx:1.25, ports: [{containerPort: 80}]}\n  tolerations:\n  - {key: a, operator: Exists}\n";

    /// Updates the stored `OLD` (bound to node-1) to `new`, and renders the verdict.
    fn check(new: &str, expected: Expect) {
        let mut old = crate::api::defaults::as_created(&pod(OLD));
        old.spec.node_name = Some("node-1".to_owned());
        let errors = validate_pod_update(&pod(new), &old);
        let out = if errors.is_empty() {
            "allowed".to_owned()
        } else {
            invalid_message("Pod", "web", &errors)
        };
        expected.assert_eq(&out);
    }

    // Cases after upstream's TestValidatePodUpdate (pkg/apis/core/validation/validation_test.go).
    #[test]
    fn the_same_pod_is_allowed() {
        check(OLD, expect!["allowed"]);
    }

    #[test]
    fn an_image_change_is_allowed() {
        // TestValidatePodUpdate: "image change".
        check(&OLD.replace("nginx:1.25", "nginx:1.27"), expect!["allowed"]);
    }

    #[test]
    fn labels_and_active_deadline_are_allowed() {
        // TestValidatePodUpdate: "activeDeadlineSeconds change to positive from nil", "labels".
        check(
            &OLD.replace("{name: web}", "{name: web, labels: {tier: front}}")
                .replace(
                    "  tolerations:",
                    "  activeDeadlineSeconds: 30\n  tolerations:",
                ),
            expect!["allowed"],
        );
    }

    #[test]
    fn an_added_toleration_is_allowed_and_a_removed_one_is_not() {
        // TestValidatePodUpdate: "toleration addition", "toleration removal".
        check(
            &format!("{OLD}  - {{key: b, operator: Exists}}\n"),
            expect!["allowed"],
        );
        check(
            &OLD.replace("  tolerations:\n  - {key: a, operator: Exists}\n", ""),
            expect![
                "The Pod \"web\" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)"
            ],
        );
    }

    #[test]
    fn a_port_or_a_new_container_is_forbidden() {
        // TestValidatePodUpdate: "port change", "more containers".
        check(
            &OLD.replace("containerPort: 80", "containerPort: 8080"),
            expect![
                "The Pod \"web\" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)"
            ],
        );
        check(
            &OLD.replace(
                "  tolerations:",
                "  - {name: side, image: busybox}\n  tolerations:",
            ),
            expect![
                "The Pod \"web\" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)"
            ],
        );
    }

    #[test]
    fn the_node_the_scheduler_chose_is_kept() {
        // The manifest sets no nodeName; the stored Pod's stays (a merge patch).
        let mut old = crate::api::defaults::as_created(&pod(OLD));
        old.spec.node_name = Some("node-1".to_owned());
        assert_eq!(
            updated_spec(&pod(OLD), &old).node_name.as_deref(),
            Some("node-1")
        );
    }
}
