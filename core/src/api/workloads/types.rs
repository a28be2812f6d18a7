//! The typed workload objects of `apps/v1` and `batch/v1` (and `v1.ReplicationController`), as
//! strict decoding reads them. Field names follow upstream's Go types
//! (`k8s.io/api/apps/v1`, `k8s.io/api/batch/v1`); an absent field holds its type's default.

use std::collections::BTreeMap;

use crate::api::decode::Raw;
use crate::api::quantity::Quantity;
use crate::api::v1::{IntOrString, LabelSelector, ObjectMeta, PodSpec};
use crate::object;

object! {
    /// `PodTemplateSpec`: the Pod a controller creates, without a name.
    pub struct PodTemplateSpec = "PodTemplateSpec" {
        /// `metadata`: the Pods' labels and annotations.
        metadata @ "metadata": ObjectMeta,
        /// `spec`: the Pods' spec.
        spec @ "spec": PodSpec,
    }
}

object! {
    /// A Deployment: ReplicaSets rolled from one template to the next.
    pub struct Deployment = "Deployment" {
        /// `apiVersion`, `apps/v1`.
        api_version @ "apiVersion": String,
        /// `kind`.
        kind @ "kind": String,
        /// `metadata`.
        metadata @ "metadata": ObjectMeta,
        /// `spec`.
        spec @ "spec": DeploymentSpec,
        /// `status`: as the Deployment controller writes it, or as pasted from a cluster.
        status @ "status": Option<DeploymentStatus>,
    }
}

object! {
    /// A Deployment's `status`.
    pub struct DeploymentStatus = "DeploymentStatus" {
        /// `observedGeneration`.
        observed_generation @ "observedGeneration": Option<i64>,
        /// `replicas`: the non-terminating Pods of all its ReplicaSets.
        replicas @ "replicas": Option<i32>,
        /// `updatedReplicas`: those of the newest ReplicaSet.
        updated_replicas @ "updatedReplicas": Option<i32>,
        /// `readyReplicas`.
        ready_replicas @ "readyReplicas": Option<i32>,
        /// `availableReplicas`: ready for at least `minReadySeconds`.
        available_replicas @ "availableReplicas": Option<i32>,
        /// `unavailableReplicas`.
        unavailable_replicas @ "unavailableReplicas": Option<i32>,
        /// `terminatingReplicas`.
        terminating_replicas @ "terminatingReplicas": Option<i32>,
        /// `conditions`.
        conditions @ "conditions": Vec<WorkloadCondition>,
        /// `collisionCount`.
        collision_count @ "collisionCount": Option<i32>,
    }
}

object! {
    /// An entry of a workload's `status.conditions` (`DeploymentCondition`, and without
    /// `lastUpdateTime`, `ReplicaSetCondition` and `ReplicationControllerCondition`).
    pub struct WorkloadCondition = "DeploymentCondition" {
        /// `type`, such as `Available`.
        kind @ "type": String,
        /// `status`: `True`, `False` or `Unknown`.
        status @ "status": String,
        /// `lastUpdateTime`.
        last_update_time @ "lastUpdateTime": Option<String>,
        /// `lastTransitionTime`.
        last_transition_time @ "lastTransitionTime": Option<String>,
        /// `reason`.
        reason @ "reason": Option<String>,
        /// `message`.
        message @ "message": Option<String>,
    }
}

object! {
    /// A Deployment's `spec`.
    pub struct DeploymentSpec = "DeploymentSpec" {
        /// `replicas`, defaulted to 1.
        replicas @ "replicas": Option<i32>,
        /// `selector`: required, and must match the template's labels.
        selector @ "selector": Option<LabelSelector>,
        /// `template`.
        template @ "template": PodTemplateSpec,
        /// `strategy`.
        strategy @ "strategy": DeploymentStrategy,
        /// `minReadySeconds`.
        min_ready_seconds @ "minReadySeconds": i32,
        /// `revisionHistoryLimit`, defaulted to 10.
        revision_history_limit @ "revisionHistoryLimit": Option<i32>,
        /// `paused`.
        paused @ "paused": bool,
        /// `progressDeadlineSeconds`, defaulted to 600.
        progress_deadline_seconds @ "progressDeadlineSeconds": Option<i32>,
    }
}

object! {
    /// A Deployment's `strategy`.
    pub struct DeploymentStrategy = "DeploymentStrategy" {
        /// `type`: `RollingUpdate` (the default) or `Recreate`.
        kind @ "type": Option<String>,
        /// `rollingUpdate`.
        rolling_update @ "rollingUpdate": Option<RollingUpdateDeployment>,
    }
}

object! {
    /// A Deployment's `strategy.rollingUpdate`.
    pub struct RollingUpdateDeployment = "RollingUpdateDeployment" {
        /// `maxUnavailable`, defaulted to 25%.
        max_unavailable @ "maxUnavailable": Option<IntOrString>,
        /// `maxSurge`, defaulted to 25%.
        max_surge @ "maxSurge": Option<IntOrString>,
    }
}

object! {
    /// A ReplicaSet: a number of Pods from one template.
    pub struct ReplicaSet = "ReplicaSet" {
        /// `apiVersion`, `apps/v1`.
        api_version @ "apiVersion": String,
        /// `kind`.
        kind @ "kind": String,
        /// `metadata`.
        metadata @ "metadata": ObjectMeta,
        /// `spec`.
        spec @ "spec": ReplicaSetSpec,
        /// `status`: as the ReplicaSet controller writes it, or as pasted.
        status @ "status": Option<ReplicaSetStatus>,
    }
}

object! {
    /// A ReplicaSet's or a ReplicationController's `status`.
    pub struct ReplicaSetStatus = "ReplicaSetStatus" {
        /// `replicas`: its non-terminating Pods.
        replicas @ "replicas": i32,
        /// `fullyLabeledReplicas`: those whose labels match the template's.
        fully_labeled_replicas @ "fullyLabeledReplicas": Option<i32>,
        /// `readyReplicas`.
        ready_replicas @ "readyReplicas": Option<i32>,
        /// `availableReplicas`.
        available_replicas @ "availableReplicas": Option<i32>,
        /// `terminatingReplicas`.
        terminating_replicas @ "terminatingReplicas": Option<i32>,
        /// `observedGeneration`.
        observed_generation @ "observedGeneration": Option<i64>,
        /// `conditions`.
        conditions @ "conditions": Vec<WorkloadCondition>,
    }
}

object! {
    /// A ReplicaSet's `spec`.
    pub struct ReplicaSetSpec = "ReplicaSetSpec" {
        /// `replicas`, defaulted to 1.
        replicas @ "replicas": Option<i32>,
        /// `minReadySeconds`.
        min_ready_seconds @ "minReadySeconds": i32,
        /// `selector`.
        selector @ "selector": Option<LabelSelector>,
        /// `template`.
        template @ "template": PodTemplateSpec,
    }
}

object! {
    /// A ReplicationController: the ReplicaSet's predecessor, with an equality selector.
    pub struct ReplicationController = "ReplicationController" {
        /// `apiVersion`, `v1`.
        api_version @ "apiVersion": String,
        /// `kind`.
        kind @ "kind": String,
        /// `metadata`.
        metadata @ "metadata": ObjectMeta,
        /// `spec`.
        spec @ "spec": ReplicationControllerSpec,
        /// `status`: as the replication manager writes it, or as pasted.
        status @ "status": Option<ReplicaSetStatus>,
    }
}

object! {
    /// A ReplicationController's `spec`.
    pub struct ReplicationControllerSpec = "ReplicationControllerSpec" {
        /// `replicas`, defaulted to 1.
        replicas @ "replicas": Option<i32>,
        /// `minReadySeconds`.
        min_ready_seconds @ "minReadySeconds": i32,
        /// `selector`: labels, defaulted to the template's.
        selector @ "selector": BTreeMap<String, String>,
        /// `template`.
        template @ "template": Option<PodTemplateSpec>,
    }
}

object! {
    /// A StatefulSet: Pods with stable names, ordinals and storage.
    pub struct StatefulSet = "StatefulSet" {
        /// `apiVersion`, `apps/v1`.
        api_version @ "apiVersion": String,
        /// `kind`.
        kind @ "kind": String,
        /// `metadata`.
        metadata @ "metadata": ObjectMeta,
        /// `spec`.
        spec @ "spec": StatefulSetSpec,
        /// `status`: as the StatefulSet controller writes it, or as pasted from a cluster.
        status @ "status": Option<StatefulSetStatus>,
    }
}

object! {
    /// A StatefulSet's `status`.
    pub struct StatefulSetStatus = "StatefulSetStatus" {
        /// `observedGeneration`.
        observed_generation @ "observedGeneration": Option<i64>,
        /// `replicas`: its Pods.
        replicas @ "replicas": i32,
        /// `readyReplicas`.
        ready_replicas @ "readyReplicas": Option<i32>,
        /// `currentReplicas`: its Pods of `currentRevision`.
        current_replicas @ "currentReplicas": Option<i32>,
        /// `updatedReplicas`: its Pods of `updateRevision`.
        updated_replicas @ "updatedReplicas": Option<i32>,
        /// `currentRevision`.
        current_revision @ "currentRevision": Option<String>,
        /// `updateRevision`.
        update_revision @ "updateRevision": Option<String>,
        /// `collisionCount`.
        collision_count @ "collisionCount": Option<i32>,
        /// `availableReplicas`.
        available_replicas @ "availableReplicas": Option<i32>,
        /// `conditions`.
        conditions @ "conditions": Vec<WorkloadCondition>,
    }
}

object! {
    /// A StatefulSet's `spec`.
    pub struct StatefulSetSpec = "StatefulSetSpec" {
        /// `replicas`, defaulted to 1.
        replicas @ "replicas": Option<i32>,
        /// `selector`.
        selector @ "selector": Option<LabelSelector>,
        /// `template`.
        template @ "template": PodTemplateSpec,
        /// `volumeClaimTemplates`: one claim per Pod, named `<claim>-<set>-<ordinal>`.
        volume_claim_templates @ "volumeClaimTemplates": Vec<PersistentVolumeClaim>,
        /// `serviceName`: the headless Service that gives the Pods their DNS names.
        service_name @ "serviceName": String,
        /// `podManagementPolicy`: `OrderedReady` (the default) or `Parallel`.
        pod_management_policy @ "podManagementPolicy": Option<String>,
        /// `updateStrategy`.
        update_strategy @ "updateStrategy": StatefulSetUpdateStrategy,
        /// `revisionHistoryLimit`, defaulted to 10.
        revision_history_limit @ "revisionHistoryLimit": Option<i32>,
        /// `minReadySeconds`.
        min_ready_seconds @ "minReadySeconds": i32,
        /// `persistentVolumeClaimRetentionPolicy`.
        persistent_volume_claim_retention_policy @ "persistentVolumeClaimRetentionPolicy": Option<StatefulSetRetentionPolicy>,
        /// `ordinals`.
        ordinals @ "ordinals": Option<StatefulSetOrdinals>,
    }
}

object! {
    /// A StatefulSet's `updateStrategy`.
    pub struct StatefulSetUpdateStrategy = "StatefulSetUpdateStrategy" {
        /// `type`: `RollingUpdate` (the default) or `OnDelete`.
        kind @ "type": Option<String>,
        /// `rollingUpdate`.
        rolling_update @ "rollingUpdate": Option<RollingUpdateStatefulSet>,
    }
}

object! {
    /// A StatefulSet's `updateStrategy.rollingUpdate`.
    pub struct RollingUpdateStatefulSet = "RollingUpdateStatefulSetStrategy" {
        /// `partition`: ordinals below it keep the old template.
        partition @ "partition": Option<i32>,
        /// `maxUnavailable`.
        max_unavailable @ "maxUnavailable": Option<IntOrString>,
    }
}

object! {
    /// A StatefulSet's `persistentVolumeClaimRetentionPolicy`.
    pub struct StatefulSetRetentionPolicy = "StatefulSetPersistentVolumeClaimRetentionPolicy" {
        /// `whenDeleted`: `Retain` (the default) or `Delete`.
        when_deleted @ "whenDeleted": Option<String>,
        /// `whenScaled`: `Retain` (the default) or `Delete`.
        when_scaled @ "whenScaled": Option<String>,
    }
}

object! {
    /// A StatefulSet's `ordinals`.
    pub struct StatefulSetOrdinals = "StatefulSetOrdinals" {
        /// `start`: the first ordinal.
        start @ "start": i32,
    }
}

object! {
    /// A PersistentVolumeClaim, as a StatefulSet's claim template holds it.
    pub struct PersistentVolumeClaim = "PersistentVolumeClaim" {
        /// `apiVersion`.
        api_version @ "apiVersion": String,
        /// `kind`.
        kind @ "kind": String,
        /// `metadata`.
        metadata @ "metadata": ObjectMeta,
        /// `spec`.
        spec @ "spec": PersistentVolumeClaimSpec,
        /// `status`, kept as written.
        status @ "status": Option<Raw>,
    }
}

object! {
    /// A PersistentVolumeClaim's `spec`.
    pub struct PersistentVolumeClaimSpec = "PersistentVolumeClaimSpec" {
        /// `accessModes`, such as `ReadWriteOnce`.
        access_modes @ "accessModes": Vec<String>,
        /// `selector`.
        selector @ "selector": Option<LabelSelector>,
        /// `resources`: the storage requested.
        resources @ "resources": VolumeResourceRequirements,
        /// `volumeName`.
        volume_name @ "volumeName": Option<String>,
        /// `storageClassName`; unset, the default StorageClass.
        storage_class_name @ "storageClassName": Option<String>,
        /// `volumeMode`, defaulted to `Filesystem`.
        volume_mode @ "volumeMode": Option<String>,
        /// `dataSource`, kept as written.
        data_source @ "dataSource": Option<Raw>,
        /// `dataSourceRef`, kept as written.
        data_source_ref @ "dataSourceRef": Option<Raw>,
        /// `volumeAttributesClassName`.
        volume_attributes_class_name @ "volumeAttributesClassName": Option<String>,
    }
}

object! {
    /// A claim's `resources`.
    pub struct VolumeResourceRequirements = "VolumeResourceRequirements" {
        /// `requests`, such as `storage: 1Gi`.
        requests @ "requests": BTreeMap<String, Quantity>,
        /// `limits`.
        limits @ "limits": BTreeMap<String, Quantity>,
    }
}

object! {
    /// A DaemonSet: one Pod on each eligible node.
    pub struct DaemonSet = "DaemonSet" {
        /// `apiVersion`, `apps/v1`.
        api_version @ "apiVersion": String,
        /// `kind`.
        kind @ "kind": String,
        /// `metadata`.
        metadata @ "metadata": ObjectMeta,
        /// `spec`.
        spec @ "spec": DaemonSetSpec,
        /// `status`: as the DaemonSet controller writes it, or as pasted from a cluster.
        status @ "status": Option<DaemonSetStatus>,
    }
}

object! {
    /// A DaemonSet's `status`.
    pub struct DaemonSetStatus = "DaemonSetStatus" {
        /// `currentNumberScheduled`: nodes that should run its Pod and run one.
        current_number_scheduled @ "currentNumberScheduled": i32,
        /// `numberMisscheduled`: nodes that run its Pod but should not.
        number_misscheduled @ "numberMisscheduled": i32,
        /// `desiredNumberScheduled`: nodes that should run its Pod.
        desired_number_scheduled @ "desiredNumberScheduled": i32,
        /// `numberReady`: nodes whose Pod is ready.
        number_ready @ "numberReady": i32,
        /// `observedGeneration`.
        observed_generation @ "observedGeneration": Option<i64>,
        /// `updatedNumberScheduled`: nodes running the current template's Pod.
        updated_number_scheduled @ "updatedNumberScheduled": Option<i32>,
        /// `numberAvailable`: nodes whose Pod has been ready for `minReadySeconds`.
        number_available @ "numberAvailable": Option<i32>,
        /// `numberUnavailable`: nodes that should run an available Pod and do not.
        number_unavailable @ "numberUnavailable": Option<i32>,
        /// `collisionCount`.
        collision_count @ "collisionCount": Option<i32>,
        /// `conditions`.
        conditions @ "conditions": Vec<WorkloadCondition>,
    }
}

object! {
    /// A DaemonSet's `spec`.
    pub struct DaemonSetSpec = "DaemonSetSpec" {
        /// `selector`.
        selector @ "selector": Option<LabelSelector>,
        /// `template`.
        template @ "template": PodTemplateSpec,
        /// `updateStrategy`.
        update_strategy @ "updateStrategy": DaemonSetUpdateStrategy,
        /// `minReadySeconds`.
        min_ready_seconds @ "minReadySeconds": i32,
        /// `revisionHistoryLimit`, defaulted to 10.
        revision_history_limit @ "revisionHistoryLimit": Option<i32>,
    }
}

object! {
    /// A DaemonSet's `updateStrategy`.
    pub struct DaemonSetUpdateStrategy = "DaemonSetUpdateStrategy" {
        /// `type`: `RollingUpdate` (the default) or `OnDelete`.
        kind @ "type": Option<String>,
        /// `rollingUpdate`.
        rolling_update @ "rollingUpdate": Option<RollingUpdateDaemonSet>,
    }
}

object! {
    /// A DaemonSet's `updateStrategy.rollingUpdate`.
    pub struct RollingUpdateDaemonSet = "RollingUpdateDaemonSet" {
        /// `maxUnavailable`, defaulted to 1.
        max_unavailable @ "maxUnavailable": Option<IntOrString>,
        /// `maxSurge`, defaulted to 0.
        max_surge @ "maxSurge": Option<IntOrString>,
    }
}

object! {
    /// A Job: Pods that run to completion.
    pub struct Job = "Job" {
        /// `apiVersion`, `batch/v1`.
        api_version @ "apiVersion": String,
        /// `kind`.
        kind @ "kind": String,
        /// `metadata`.
        metadata @ "metadata": ObjectMeta,
        /// `spec`.
        spec @ "spec": JobSpec,
        /// `status`: as the Job controller writes it, or as pasted from a cluster.
        status @ "status": Option<JobStatus>,
    }
}

object! {
    /// A Job's `status`.
    pub struct JobStatus = "JobStatus" {
        /// `conditions`: `Complete`, `Failed`, `FailureTarget`, `SuccessCriteriaMet`,
        /// `Suspended`.
        conditions @ "conditions": Vec<JobCondition>,
        /// `startTime`: when the controller first saw the Job unsuspended.
        start_time @ "startTime": Option<String>,
        /// `completionTime`: when it completed.
        completion_time @ "completionTime": Option<String>,
        /// `active`: its Pods that are pending or running.
        active @ "active": Option<i32>,
        /// `succeeded`: its Pods that succeeded.
        succeeded @ "succeeded": Option<i32>,
        /// `failed`: its Pods that failed.
        failed @ "failed": Option<i32>,
        /// `terminating`: its Pods being deleted.
        terminating @ "terminating": Option<i32>,
        /// `completedIndexes` of an Indexed Job, such as `1,3-5`.
        completed_indexes @ "completedIndexes": Option<String>,
        /// `failedIndexes` of an Indexed Job.
        failed_indexes @ "failedIndexes": Option<String>,
        /// `uncountedTerminatedPods`, kept as written.
        uncounted_terminated_pods @ "uncountedTerminatedPods": Option<Raw>,
        /// `ready`: its active Pods that are ready.
        ready @ "ready": Option<i32>,
    }
}

object! {
    /// An entry of a Job's `status.conditions`.
    pub struct JobCondition = "JobCondition" {
        /// `type`, such as `Complete`.
        kind @ "type": String,
        /// `status`: `True`, `False` or `Unknown`.
        status @ "status": String,
        /// `lastProbeTime`.
        last_probe_time @ "lastProbeTime": Option<String>,
        /// `lastTransitionTime`.
        last_transition_time @ "lastTransitionTime": Option<String>,
        /// `reason`.
        reason @ "reason": Option<String>,
        /// `message`.
        message @ "message": Option<String>,
    }
}

object! {
    /// A Job's `spec`.
    pub struct JobSpec = "JobSpec" {
        /// `parallelism`.
        parallelism @ "parallelism": Option<i32>,
        /// `completions`.
        completions @ "completions": Option<i32>,
        /// `activeDeadlineSeconds`.
        active_deadline_seconds @ "activeDeadlineSeconds": Option<i64>,
        /// `podFailurePolicy`, kept as written.
        pod_failure_policy @ "podFailurePolicy": Option<Raw>,
        /// `successPolicy`, kept as written.
        success_policy @ "successPolicy": Option<Raw>,
        /// `backoffLimit`, defaulted to 6.
        backoff_limit @ "backoffLimit": Option<i32>,
        /// `backoffLimitPerIndex`.
        backoff_limit_per_index @ "backoffLimitPerIndex": Option<i32>,
        /// `maxFailedIndexes`.
        max_failed_indexes @ "maxFailedIndexes": Option<i32>,
        /// `selector`: generated by the API server unless `manualSelector`.
        selector @ "selector": Option<LabelSelector>,
        /// `manualSelector`.
        manual_selector @ "manualSelector": Option<bool>,
        /// `template`.
        template @ "template": PodTemplateSpec,
        /// `ttlSecondsAfterFinished`.
        ttl_seconds_after_finished @ "ttlSecondsAfterFinished": Option<i32>,
        /// `completionMode`: `NonIndexed` (the default) or `Indexed`.
        completion_mode @ "completionMode": Option<String>,
        /// `suspend`.
        suspend @ "suspend": Option<bool>,
        /// `podReplacementPolicy`.
        pod_replacement_policy @ "podReplacementPolicy": Option<String>,
        /// `managedBy`.
        managed_by @ "managedBy": Option<String>,
    }
}

object! {
    /// A CronJob: Jobs on a schedule.
    pub struct CronJob = "CronJob" {
        /// `apiVersion`, `batch/v1`.
        api_version @ "apiVersion": String,
        /// `kind`.
        kind @ "kind": String,
        /// `metadata`.
        metadata @ "metadata": ObjectMeta,
        /// `spec`.
        spec @ "spec": CronJobSpec,
        /// `status`: as the CronJob controller writes it, or as pasted from a cluster.
        status @ "status": Option<CronJobStatus>,
    }
}

object! {
    /// A CronJob's `status`.
    pub struct CronJobStatus = "CronJobStatus" {
        /// `active`: references to its Jobs that are running.
        active @ "active": Vec<ObjectReference>,
        /// `lastScheduleTime`: the last time a Job was scheduled.
        last_schedule_time @ "lastScheduleTime": Option<String>,
        /// `lastSuccessfulTime`: when its last successful Job completed.
        last_successful_time @ "lastSuccessfulTime": Option<String>,
    }
}

object! {
    /// `ObjectReference` (core/v1): another object, by kind, name and UID.
    pub struct ObjectReference = "ObjectReference" {
        /// `apiVersion`.
        api_version @ "apiVersion": Option<String>,
        /// `kind`.
        kind @ "kind": Option<String>,
        /// `name`.
        name @ "name": Option<String>,
        /// `namespace`.
        namespace @ "namespace": Option<String>,
        /// `uid`.
        uid @ "uid": Option<String>,
        /// `resourceVersion`.
        resource_version @ "resourceVersion": Option<String>,
        /// `fieldPath`.
        field_path @ "fieldPath": Option<String>,
    }
}

object! {
    /// A CronJob's `spec`.
    pub struct CronJobSpec = "CronJobSpec" {
        /// `schedule`, in cron's five fields.
        schedule @ "schedule": String,
        /// `timeZone`.
        time_zone @ "timeZone": Option<String>,
        /// `startingDeadlineSeconds`.
        starting_deadline_seconds @ "startingDeadlineSeconds": Option<i64>,
        /// `concurrencyPolicy`: `Allow` (the default), `Forbid` or `Replace`.
        concurrency_policy @ "concurrencyPolicy": Option<String>,
        /// `suspend`.
        suspend @ "suspend": Option<bool>,
        /// `jobTemplate`.
        job_template @ "jobTemplate": JobTemplateSpec,
        /// `successfulJobsHistoryLimit`, defaulted to 3.
        successful_jobs_history_limit @ "successfulJobsHistoryLimit": Option<i32>,
        /// `failedJobsHistoryLimit`, defaulted to 1.
        failed_jobs_history_limit @ "failedJobsHistoryLimit": Option<i32>,
    }
}

object! {
    /// A CronJob's `jobTemplate`.
    pub struct JobTemplateSpec = "JobTemplateSpec" {
        /// `metadata`: the Jobs' labels and annotations.
        metadata @ "metadata": ObjectMeta,
        /// `spec`: the Jobs' spec.
        spec @ "spec": JobSpec,
    }
}
