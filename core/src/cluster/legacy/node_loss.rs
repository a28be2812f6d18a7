//! A node cut off from the control plane (pkg/controller/nodelifecycle and tainteviction): the
//! kubelet's status updates and Events stop reaching the API server; after the node monitor's
//! grace period the node controller marks the Pod not ready (`NodeNotReady`), and once the Pod's
//! toleration of `node.kubernetes.io/unreachable` runs out the taint-eviction controller deletes
//! it. A naked Pod is not replaced, and its deletion cannot finish until the kubelet is back:
//! `kubectl get` shows it `Unknown` (status reason `NodeLost`).

use crate::api::v1::Pod;
use crate::cluster::scenario::{Scenario, What};

/// How long the node controller waits for a silent node before marking it not ready
/// (`--node-monitor-grace-period`, 50 s since v1.32).
pub const NODE_MONITOR_GRACE_MS: u64 = 50_000;

/// The status reason of a Pod on an unreachable node (`NodeUnreachablePodReason`).
pub const NODE_LOST_REASON: &str = "NodeLost";

/// When the node was lost and what followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NodeLoss {
    /// When the node stopped answering.
    pub lost: u64,
    /// When it answered again, if it did.
    pub restored: Option<u64>,
    /// When the node controller marked the Pod not ready, if it did before the node came back.
    pub not_ready: Option<u64>,
    /// When the taint-eviction controller deleted the Pod, if it did before the node came back.
    pub evicted: Option<u64>,
}

impl NodeLoss {
    /// The scenario's first `loseNode` and the `restoreNode` after it, if any.
    pub fn of(pod: &Pod, scenario: &Scenario) -> Option<NodeLoss> {
        let mut lost = None;
        let mut restored = None;
        for action in scenario.actions_in_order() {
            match action.what {
                What::LoseNode { .. } if lost.is_none() => lost = Some(action.at.as_millis()),
                What::RestoreNode { .. } if lost.is_some() && restored.is_none() => {
                    restored = Some(action.at.as_millis());
                }
                _ => {}
            }
        }
        let lost = lost?;
        let before_restore = |at: &u64| restored.is_none_or(|restored| *at < restored);
        let not_ready = Some(lost + NODE_MONITOR_GRACE_MS).filter(before_restore);
        let evicted = not_ready
            .and_then(|at| {
                unreachable_toleration_ms(pod).map(|tolerated| at.saturating_add(tolerated))
            })
            .filter(before_restore);
        Some(NodeLoss {
            lost,
            restored,
            not_ready,
            evicted,
        })
    }

    /// Whether the kubelet cannot reach the API server at `at`.
    pub fn cut_off(&self, at: u64) -> bool {
        self.lost <= at && self.restored.is_none_or(|restored| at < restored)
    }

    /// When the kubelet can act on something the API server did at `at`: at once, or when the
    /// node is back (`None`: never).
    pub fn kubelet_sees(&self, at: u64) -> Option<u64> {
        if self.cut_off(at) {
            self.restored
        } else {
            Some(at)
        }
    }
}

/// How long the Pod tolerates an unreachable node, in milliseconds: the `tolerationSeconds` of
/// its matching `NoExecute` toleration; `None` when it tolerates it for ever, zero without one.
fn unreachable_toleration_ms(pod: &Pod) -> Option<u64> {
    let matching = pod.spec.tolerations.iter().find(|toleration| {
        let key_matches = match toleration.key.as_deref() {
            None | Some("") => toleration.operator.as_deref() == Some("Exists"),
            Some(key) => key == "node.kubernetes.io/unreachable",
        };
        let effect_matches = matches!(toleration.effect.as_deref(), None | Some("" | "NoExecute"));
        key_matches && effect_matches
    });
    match matching {
        None => Some(0),
        Some(toleration) => toleration
            .toleration_seconds
            .map(|seconds| u64::try_from(seconds).unwrap_or(0).saturating_mul(1000)),
    }
}
