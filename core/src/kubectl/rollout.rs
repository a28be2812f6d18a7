//! `kubectl rollout status` of a Deployment (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/
//! rollout_status.go `DeploymentStatusViewer`): what it prints for the object as it is, and
//! whether the rollout is done.

use crate::api::workloads::types::Deployment;

/// The line `kubectl rollout status` prints for `deployment` now, and true once the rollout is
/// done (or failed: then the line is kubectl's error).
pub fn deployment_status(deployment: &Deployment) -> (String, bool) {
    let name = deployment.metadata.name.as_deref().unwrap_or("");
    let status = deployment.status.clone().unwrap_or_default();
    let generation = deployment.metadata.generation.unwrap_or(0);
    if generation > status.observed_generation.unwrap_or(0) {
        return (
            "Waiting for deployment spec update to be observed...".to_owned(),
            false,
        );
    }
    let deadline_exceeded = status.conditions.iter().any(|condition| {
        condition.kind == "Progressing"
            && condition.reason.as_deref() == Some("ProgressDeadlineExceeded")
    });
    if deadline_exceeded {
        return (
            format!("error: deployment \"{name}\" exceeded its progress deadline"),
            true,
        );
    }
    let replicas = deployment.spec.replicas.unwrap_or(1);
    let updated = status.updated_replicas.unwrap_or(0);
    let total = status.replicas.unwrap_or(0);
    let available = status.available_replicas.unwrap_or(0);
    if updated < replicas {
        return (
            format!(
                "Waiting for deployment \"{name}\" rollout to finish: {updated} out of {replicas} new replicas have been updated..."
            ),
            false,
        );
    }
    if total > updated {
        return (
            format!(
                "Waiting for deployment \"{name}\" rollout to finish: {} old replicas are pending termination...",
                total - updated
            ),
            false,
        );
    }
    if available < updated {
        return (
            format!(
                "Waiting for deployment \"{name}\" rollout to finish: {available} of {updated} updated replicas are available..."
            ),
            false,
        );
    }
    (
        format!("deployment \"{name}\" successfully rolled out"),
        true,
    )
}
