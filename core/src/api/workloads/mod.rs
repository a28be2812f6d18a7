//! Workloads: the objects whose controllers create Pods from a template. Deployments,
//! ReplicaSets, StatefulSets and DaemonSets of `apps/v1`, ReplicationControllers of `v1`, Jobs and
//! CronJobs of `batch/v1`: their types ([`types`]), the API server's defaults ([`defaults`]),
//! its validation ([`validation`], the Pod template with the whole Pod validation at its own
//! path) and cron schedules ([`cron`]).

pub mod cron;
pub mod defaults;
mod time_zones;
pub mod types;
pub mod update_validation;
pub mod validation;

pub use types::*;

use crate::api::decode::{Decode, Decoder};
use crate::api::diagnostic::Diagnostic;
use crate::api::v1::{ObjectMeta, Pod};
use crate::api::yaml::Node;

/// The kinds of workload, each with its API version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WorkloadKind {
    /// `apps/v1` Deployment.
    Deployment,
    /// `apps/v1` ReplicaSet.
    ReplicaSet,
    /// `apps/v1` StatefulSet.
    StatefulSet,
    /// `apps/v1` DaemonSet.
    DaemonSet,
    /// `v1` ReplicationController.
    ReplicationController,
    /// `batch/v1` Job.
    Job,
    /// `batch/v1` CronJob.
    CronJob,
}

impl WorkloadKind {
    /// Every workload kind.
    pub const ALL: [WorkloadKind; 7] = [
        WorkloadKind::Deployment,
        WorkloadKind::ReplicaSet,
        WorkloadKind::StatefulSet,
        WorkloadKind::DaemonSet,
        WorkloadKind::ReplicationController,
        WorkloadKind::Job,
        WorkloadKind::CronJob,
    ];

    /// The kind named `kind`, if it is a workload's.
    pub fn named(kind: &str) -> Option<WorkloadKind> {
        WorkloadKind::ALL.into_iter().find(|k| k.as_str() == kind)
    }

    /// The kind's name, such as `Deployment`.
    pub fn as_str(self) -> &'static str {
        match self {
            WorkloadKind::Deployment => "Deployment",
            WorkloadKind::ReplicaSet => "ReplicaSet",
            WorkloadKind::StatefulSet => "StatefulSet",
            WorkloadKind::DaemonSet => "DaemonSet",
            WorkloadKind::ReplicationController => "ReplicationController",
            WorkloadKind::Job => "Job",
            WorkloadKind::CronJob => "CronJob",
        }
    }

    /// The one API version a 1.34 API server serves the kind at.
    pub fn api_version(self) -> &'static str {
        match self {
            WorkloadKind::ReplicationController => "v1",
            WorkloadKind::Job | WorkloadKind::CronJob => "batch/v1",
            _ => "apps/v1",
        }
    }

    /// The versions the API server served the kind at once and no longer does (the deprecation
    /// guide's table: apps and extensions betas gone in 1.16, `batch/v1beta1` in 1.25).
    pub fn removed_api_versions(self) -> &'static [&'static str] {
        match self {
            WorkloadKind::Deployment | WorkloadKind::ReplicaSet => {
                &["extensions/v1beta1", "apps/v1beta1", "apps/v1beta2"]
            }
            WorkloadKind::DaemonSet => &["extensions/v1beta1", "apps/v1beta2"],
            WorkloadKind::StatefulSet => &["apps/v1beta1", "apps/v1beta2"],
            WorkloadKind::CronJob => &["batch/v1beta1", "batch/v2alpha1"],
            WorkloadKind::ReplicationController | WorkloadKind::Job => &[],
        }
    }

    /// True for the kinds whose controller runs on the virtual cluster.
    pub fn has_controller(self) -> bool {
        matches!(
            self,
            WorkloadKind::Deployment
                | WorkloadKind::ReplicaSet
                | WorkloadKind::ReplicationController
                | WorkloadKind::Job
                | WorkloadKind::CronJob
                | WorkloadKind::DaemonSet
                | WorkloadKind::StatefulSet
        )
    }

    /// The kubectl resource name, such as `deployments`.
    pub fn resource(self) -> &'static str {
        match self {
            WorkloadKind::Deployment => "deployments",
            WorkloadKind::ReplicaSet => "replicasets",
            WorkloadKind::StatefulSet => "statefulsets",
            WorkloadKind::DaemonSet => "daemonsets",
            WorkloadKind::ReplicationController => "replicationcontrollers",
            WorkloadKind::Job => "jobs",
            WorkloadKind::CronJob => "cronjobs",
        }
    }

    /// The kind a kubectl resource argument names: the plural, the singular, the short name or
    /// the name with its group (`deployments`, `deployment`, `deploy`, `deployments.apps`).
    pub fn from_resource(word: &str) -> Option<WorkloadKind> {
        let word = word.to_ascii_lowercase();
        let word = word
            .strip_suffix(".apps")
            .or_else(|| word.strip_suffix(".batch"))
            .unwrap_or(&word);
        Some(match word {
            "deployments" | "deployment" | "deploy" => WorkloadKind::Deployment,
            "replicasets" | "replicaset" | "rs" => WorkloadKind::ReplicaSet,
            "statefulsets" | "statefulset" | "sts" => WorkloadKind::StatefulSet,
            "daemonsets" | "daemonset" | "ds" => WorkloadKind::DaemonSet,
            "replicationcontrollers" | "replicationcontroller" | "rc" => {
                WorkloadKind::ReplicationController
            }
            "jobs" | "job" => WorkloadKind::Job,
            "cronjobs" | "cronjob" | "cj" => WorkloadKind::CronJob,
            _ => return None,
        })
    }

    /// The kind and group as kubectl's name printer writes them: `deployment.apps`,
    /// `replicationcontroller`, `job.batch`.
    pub fn kind_group(self) -> String {
        let kind = self.as_str().to_ascii_lowercase();
        match self.api_version().split_once('/') {
            Some((group, _)) => format!("{kind}.{group}"),
            None => kind,
        }
    }

    /// The path of the Pod template within the object.
    pub fn template_path(self) -> &'static str {
        match self {
            WorkloadKind::CronJob => "spec.jobTemplate.spec.template",
            _ => "spec.template",
        }
    }
}

/// The Pod a workload document's template describes, read leniently (problems are the full
/// check's to report), with the defaults a Pod created from it gets: what the page draws on its
/// own thread before the model thread has checked the workload.
pub fn template_pod_of(kind: WorkloadKind, root: &Node) -> Option<Pod> {
    let mut node = root;
    for key in kind.template_path().split('.') {
        node = node.get(key)?;
    }
    let mut ignored = Vec::new();
    let template = PodTemplateSpec::decode(node, &mut Decoder::new(&mut ignored));
    let name = root
        .get("metadata")
        .and_then(|metadata| metadata.get("name"))
        .and_then(Node::as_scalar)
        .unwrap_or_default();
    let mut metadata = template.metadata;
    if metadata.name.as_deref().is_none_or(str::is_empty) {
        metadata.name = Some(name.to_owned());
    }
    let pod = Pod {
        api_version: "v1".to_owned(),
        kind: "Pod".to_owned(),
        metadata,
        spec: template.spec,
        status: None,
    };
    // Drawn as the controller's Pods will be created: the Pod defaults, admission's included.
    Some(crate::api::defaults::apply(&pod).pod)
}

/// One workload object.
// A text holds a few workloads at most; boxing each variant would only add indirection.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Workload {
    /// A Deployment.
    Deployment(Deployment),
    /// A ReplicaSet.
    ReplicaSet(ReplicaSet),
    /// A StatefulSet.
    StatefulSet(StatefulSet),
    /// A DaemonSet.
    DaemonSet(DaemonSet),
    /// A ReplicationController.
    ReplicationController(ReplicationController),
    /// A Job.
    Job(Job),
    /// A CronJob.
    CronJob(CronJob),
}

impl Workload {
    /// Decodes a document of kind `kind` strictly, reporting unknown fields, duplicates and
    /// wrong types.
    pub fn decode_document(
        kind: WorkloadKind,
        root: &Node,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Workload {
        let mut cx = Decoder::new(diagnostics);
        match kind {
            WorkloadKind::Deployment => Workload::Deployment(Deployment::decode(root, &mut cx)),
            WorkloadKind::ReplicaSet => Workload::ReplicaSet(ReplicaSet::decode(root, &mut cx)),
            WorkloadKind::StatefulSet => Workload::StatefulSet(StatefulSet::decode(root, &mut cx)),
            WorkloadKind::DaemonSet => Workload::DaemonSet(DaemonSet::decode(root, &mut cx)),
            WorkloadKind::ReplicationController => {
                Workload::ReplicationController(ReplicationController::decode(root, &mut cx))
            }
            WorkloadKind::Job => Workload::Job(Job::decode(root, &mut cx)),
            WorkloadKind::CronJob => Workload::CronJob(CronJob::decode(root, &mut cx)),
        }
    }

    /// The object's kind.
    pub fn kind(&self) -> WorkloadKind {
        match self {
            Workload::Deployment(_) => WorkloadKind::Deployment,
            Workload::ReplicaSet(_) => WorkloadKind::ReplicaSet,
            Workload::StatefulSet(_) => WorkloadKind::StatefulSet,
            Workload::DaemonSet(_) => WorkloadKind::DaemonSet,
            Workload::ReplicationController(_) => WorkloadKind::ReplicationController,
            Workload::Job(_) => WorkloadKind::Job,
            Workload::CronJob(_) => WorkloadKind::CronJob,
        }
    }

    /// `metadata`.
    pub fn metadata(&self) -> &ObjectMeta {
        match self {
            Workload::Deployment(o) => &o.metadata,
            Workload::ReplicaSet(o) => &o.metadata,
            Workload::StatefulSet(o) => &o.metadata,
            Workload::DaemonSet(o) => &o.metadata,
            Workload::ReplicationController(o) => &o.metadata,
            Workload::Job(o) => &o.metadata,
            Workload::CronJob(o) => &o.metadata,
        }
    }

    /// `metadata`, to change.
    pub fn metadata_mut(&mut self) -> &mut ObjectMeta {
        match self {
            Workload::Deployment(o) => &mut o.metadata,
            Workload::ReplicaSet(o) => &mut o.metadata,
            Workload::StatefulSet(o) => &mut o.metadata,
            Workload::DaemonSet(o) => &mut o.metadata,
            Workload::ReplicationController(o) => &mut o.metadata,
            Workload::Job(o) => &mut o.metadata,
            Workload::CronJob(o) => &mut o.metadata,
        }
    }

    /// True when the object carries a status (pasted from a cluster).
    pub fn has_status(&self) -> bool {
        match self {
            Workload::Deployment(o) => o.status.is_some(),
            Workload::ReplicaSet(o) => o.status.is_some(),
            Workload::StatefulSet(o) => o.status.is_some(),
            Workload::DaemonSet(o) => o.status.is_some(),
            Workload::ReplicationController(o) => o.status.is_some(),
            Workload::Job(o) => o.status.is_some(),
            Workload::CronJob(o) => o.status.is_some(),
        }
    }

    /// The object without its status.
    pub fn without_status(mut self) -> Workload {
        self.set_status_none();
        self
    }

    fn set_status_none(&mut self) {
        match self {
            Workload::Deployment(o) => o.status = None,
            Workload::ReplicaSet(o) => o.status = None,
            Workload::StatefulSet(o) => o.status = None,
            Workload::DaemonSet(o) => o.status = None,
            Workload::ReplicationController(o) => o.status = None,
            Workload::Job(o) => o.status = None,
            Workload::CronJob(o) => o.status = None,
        }
    }

    /// `spec.replicas`, for the kinds that have it (1 when unset, as the defaults make it).
    pub fn replicas(&self) -> Option<i32> {
        let replicas = match self {
            Workload::Deployment(o) => o.spec.replicas,
            Workload::ReplicaSet(o) => o.spec.replicas,
            Workload::StatefulSet(o) => o.spec.replicas,
            Workload::ReplicationController(o) => o.spec.replicas,
            Workload::DaemonSet(_) | Workload::Job(_) | Workload::CronJob(_) => return None,
        };
        Some(replicas.unwrap_or(1))
    }

    /// `spec.replicas`, to change, for the kinds that have it.
    pub fn replicas_mut(&mut self) -> Option<&mut Option<i32>> {
        match self {
            Workload::Deployment(o) => Some(&mut o.spec.replicas),
            Workload::ReplicaSet(o) => Some(&mut o.spec.replicas),
            Workload::StatefulSet(o) => Some(&mut o.spec.replicas),
            Workload::ReplicationController(o) => Some(&mut o.spec.replicas),
            Workload::DaemonSet(_) | Workload::Job(_) | Workload::CronJob(_) => None,
        }
    }

    /// The Pod template, to change.
    pub fn template_mut(&mut self) -> Option<&mut PodTemplateSpec> {
        match self {
            Workload::Deployment(o) => Some(&mut o.spec.template),
            Workload::ReplicaSet(o) => Some(&mut o.spec.template),
            Workload::StatefulSet(o) => Some(&mut o.spec.template),
            Workload::DaemonSet(o) => Some(&mut o.spec.template),
            Workload::ReplicationController(o) => o.spec.template.as_mut(),
            Workload::Job(o) => Some(&mut o.spec.template),
            Workload::CronJob(o) => Some(&mut o.spec.job_template.spec.template),
        }
    }

    /// The object with neither its status nor its metadata: what a change of spec changes
    /// (and what moves `metadata.generation` on).
    pub fn spec_only(&self) -> Workload {
        let mut object = self.clone();
        object.set_status_none();
        *object.metadata_mut() = ObjectMeta::default();
        object
    }

    /// `metadata.name`.
    pub fn name(&self) -> &str {
        self.metadata().name.as_deref().unwrap_or_default()
    }

    /// The Pod template, if the object has one (a ReplicationController may not).
    pub fn template(&self) -> Option<&PodTemplateSpec> {
        match self {
            Workload::Deployment(o) => Some(&o.spec.template),
            Workload::ReplicaSet(o) => Some(&o.spec.template),
            Workload::StatefulSet(o) => Some(&o.spec.template),
            Workload::DaemonSet(o) => Some(&o.spec.template),
            Workload::ReplicationController(o) => o.spec.template.as_ref(),
            Workload::Job(o) => Some(&o.spec.template),
            Workload::CronJob(o) => Some(&o.spec.job_template.spec.template),
        }
    }

    /// The Pod the template describes, named after the object, as the page draws it before any
    /// controller has made one.
    pub fn template_pod(&self) -> Option<Pod> {
        let template = self.template()?;
        let mut metadata = template.metadata.clone();
        if metadata.name.as_deref().is_none_or(str::is_empty) {
            metadata.name = Some(self.name().to_owned());
        }
        if metadata.namespace.is_none() {
            metadata.namespace = self.metadata().namespace.clone();
        }
        Some(Pod {
            api_version: "v1".to_owned(),
            kind: "Pod".to_owned(),
            metadata,
            spec: template.spec.clone(),
            status: None,
        })
    }
}

/// True when `meta` names the object `uid` as its controller (`metav1.IsControlledBy`).
pub fn is_controlled_by(meta: &ObjectMeta, uid: &str) -> bool {
    meta.owner_references
        .iter()
        .any(|owner| owner.controller == Some(true) && owner.uid == uid)
}
