//! Static Pods: a manifest file in the kubelet's `staticPodPath` (`/etc/kubernetes/manifests`)
//! that the kubelet runs itself, without the API server or the scheduler.
//!
//! - The kubelet's copy (pkg/kubelet/config/common.go, `applyDefaults`): the name gets the
//!   node's name as a suffix, the UID is a hash of the manifest (also written as the
//!   `kubernetes.io/config.hash` annotation), `nodeName` is the node, and the Pod tolerates every
//!   `NoExecute` taint, so a lost node never evicts it.
//! - The mirror Pod (pkg/kubelet/pod/mirror_client.go, `CreateMirrorPod`): the object the API
//!   server shows, with the `kubernetes.io/config.mirror` annotation and the Node as its owner.
//!   It has a UID of its own; `kubectl describe` finds the kubelet's Events by the mirror
//!   annotation's hash.
//! - `kubectl delete` only deletes the mirror (pkg/kubelet/kubelet.go, `SyncPod`): the kubelet
//!   sees it marked for deletion, deletes it for good and creates it again, while the containers
//!   run on. The new object's status is the API server's `Pending` until the status manager's
//!   next periodic sync (every 10 s, pkg/kubelet/status/status_manager.go `syncPeriod`).
//! - Only removing the file stops the Pod.

use crate::api::v1::{OwnerReference, Pod, PodStatus, Toleration};
use crate::base::timestamp::Timestamp;
use crate::cluster::scenario::{Node, Scenario, What};

use super::pod_uid;

/// The annotation with the hash of the manifest (`ConfigHashAnnotationKey`).
pub const CONFIG_HASH: &str = "kubernetes.io/config.hash";
/// The annotation that marks a mirror Pod (`ConfigMirrorAnnotationKey`).
pub const CONFIG_MIRROR: &str = "kubernetes.io/config.mirror";
/// The annotation with when the kubelet first saw the manifest (`ConfigFirstSeenAnnotationKey`).
pub const CONFIG_SEEN: &str = "kubernetes.io/config.seen";
/// The annotation with where the manifest came from (`ConfigSourceAnnotationKey`).
pub const CONFIG_SOURCE: &str = "kubernetes.io/config.source";
/// Where kubeadm points the kubelet's `staticPodPath`.
pub const MANIFEST_DIR: &str = "/etc/kubernetes/manifests";

/// How long after a `kubectl delete` the kubelet has deleted the mirror and created the next.
/// The kubelet acts as soon as its watch delivers the change, well within this second; the
/// second keeps the `Terminating` moment visible as a step of its own.
pub const MIRROR_RECREATE_MS: u64 = 1_000;
/// The status manager's period: a new mirror Pod gets the kubelet's status at its next tick.
pub const STATUS_SYNC_PERIOD_MS: u64 = 10_000;

/// The kubelet's copy of `pod` read from its manifest directory on `node` at `seen`.
///
/// `pod` comes defaulted as the API server would; the parts an API server's admission adds, and
/// that a file read by the kubelet does not get, are taken off again: the default tolerations of
/// a not-ready or unreachable node, and the `default` service account (a mirror Pod may not
/// name one).
pub fn from_file(pod: &Pod, node: &Node, seen: Timestamp) -> Pod {
    let mut copy = pod.clone();
    copy.spec
        .tolerations
        .retain(|toleration| !admission_default(toleration));
    copy.spec.tolerations.push(Toleration {
        operator: Some("Exists".to_owned()),
        effect: Some("NoExecute".to_owned()),
        ..Toleration::default()
    });
    if copy.spec.service_account_name.as_deref() == Some("default") {
        copy.spec.service_account_name = None;
        copy.spec.service_account = None;
    }
    let hash = config_hash(pod, node);
    copy.metadata.name = Some(mirror_name(pod.name(), &node.name));
    copy.metadata.uid = Some(hash.clone());
    copy.spec.node_name = Some(node.name.clone());
    let annotations = &mut copy.metadata.annotations;
    annotations.insert(CONFIG_HASH.to_owned(), hash);
    annotations.insert(CONFIG_SEEN.to_owned(), seen.to_string());
    annotations.insert(CONFIG_SOURCE.to_owned(), "file".to_owned());
    copy
}

/// The name the kubelet gives the static Pod `name` on `node` (`generatePodName`): the node's
/// name, in lower case, is its suffix.
pub fn mirror_name(name: &str, node: &str) -> String {
    format!("{name}-{}", node.to_lowercase())
}

/// The file the static Pod `name` is read from, as this playground names it.
pub fn manifest_path(name: &str) -> String {
    format!("{MANIFEST_DIR}/{name}.yaml")
}

/// True for a toleration the DefaultTolerationSeconds admission plugin adds.
fn admission_default(toleration: &Toleration) -> bool {
    matches!(
        toleration.key.as_deref(),
        Some("node.kubernetes.io/not-ready" | "node.kubernetes.io/unreachable")
    ) && toleration.operator.as_deref() == Some("Exists")
        && toleration.effect.as_deref() == Some("NoExecute")
        && toleration.toleration_seconds == Some(300)
}

/// The manifest's hash: 32 hex digits, as the kubelet's MD5 of the object, its node and its
/// file. This one is a stable made-up hash of the same inputs.
fn config_hash(pod: &Pod, node: &Node) -> String {
    let source = format!(
        "{}host:{}file:{}",
        crate::api::encode::go_yaml::pod_yaml(pod),
        node.name,
        manifest_path(pod.name())
    );
    pod_uid(&source).replace('-', "")
}

/// One mirror Pod object: when the kubelet created it, and when `kubectl delete` marked it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Mirror {
    created: u64,
    /// The status manager's first sync of the kubelet's status to it.
    synced: u64,
    /// When it was marked for deletion, and the grace period asked for.
    deleting: Option<(u64, i64)>,
}

/// The mirror Pods of one static Pod over time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mirrors {
    mirrors: Vec<Mirror>,
    node: Node,
}

impl Mirrors {
    /// The mirrors of the scenario's static Pod up to `horizon`: one, and another after each
    /// `kubectl delete`. `grace` is the Pod's `terminationGracePeriodSeconds`.
    pub fn of(scenario: &Scenario, grace: i64, horizon: u64) -> Mirrors {
        let mut mirrors = vec![Mirror {
            created: 0,
            synced: 0,
            deleting: None,
        }];
        for action in scenario.actions_in_order() {
            let What::DeletePod {
                grace_period_seconds,
            } = action.what
            else {
                continue;
            };
            let at = action.at.as_millis();
            let Some(current) = mirrors.last_mut() else {
                break;
            };
            if at >= horizon || current.deleting.is_some() || at < current.created {
                continue;
            }
            current.deleting = Some((at, grace_period_seconds.unwrap_or(grace).max(0)));
            let created = at + MIRROR_RECREATE_MS;
            mirrors.push(Mirror {
                created,
                synced: created.next_multiple_of(STATUS_SYNC_PERIOD_MS),
                deleting: None,
            });
        }
        Mirrors {
            mirrors,
            node: scenario.node.clone(),
        }
    }

    /// The instants at which the mirror object changes.
    pub fn instants(&self) -> impl Iterator<Item = u64> + '_ {
        self.mirrors.iter().flat_map(|mirror| {
            [
                Some(mirror.created),
                Some(mirror.synced),
                mirror.deleting.map(|(at, _)| at),
            ]
            .into_iter()
            .flatten()
        })
    }

    /// Turns the kubelet's copy `pod`, with its status at `at`, into the mirror Pod object the
    /// API server holds at `at`; `wall` places an instant on the wall clock.
    pub fn dress(&self, pod: &mut Pod, at: u64, wall: impl Fn(u64) -> Timestamp) {
        let index = self
            .mirrors
            .iter()
            .rposition(|mirror| mirror.created <= at)
            .unwrap_or(0);
        let Some(mirror) = self.mirrors.get(index) else {
            return;
        };
        let hash = pod.metadata.uid.clone().unwrap_or_default();
        pod.metadata.uid = Some(pod_uid(&format!("mirror {index} of {hash}")));
        pod.metadata.creation_timestamp = Some(wall(mirror.created).to_string());
        pod.metadata
            .annotations
            .insert(CONFIG_MIRROR.to_owned(), hash);
        pod.metadata.owner_references = vec![OwnerReference {
            api_version: "v1".to_owned(),
            kind: "Node".to_owned(),
            name: self.node.name.clone(),
            uid: pod_uid(&format!("node/{}", self.node.name)),
            controller: Some(true),
            block_owner_deletion: None,
        }];
        if let Some((deleted, grace)) = mirror.deleting.filter(|(deleted, _)| *deleted <= at) {
            let deadline = deleted.saturating_add(u64::try_from(grace).unwrap_or(0) * 1000);
            pod.metadata.deletion_timestamp = Some(wall(deadline).to_string());
            pod.metadata.deletion_grace_period_seconds = Some(grace);
        }
        if at < mirror.synced {
            // What the API server wrote on create; the kubelet's status comes at the next sync.
            let qos_class = pod.status.as_ref().and_then(|s| s.qos_class.clone());
            pod.status = Some(Box::new(PodStatus {
                phase: Some("Pending".to_owned()),
                qos_class,
                ..PodStatus::default()
            }));
        }
    }
}

/// True when `pod` is a mirror Pod: a static Pod as the API server shows it.
pub fn is_mirror(pod: &Pod) -> bool {
    pod.metadata.annotations.contains_key(CONFIG_MIRROR)
}
