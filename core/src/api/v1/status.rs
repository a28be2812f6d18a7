//! `PodStatus`: what a cluster observed. Real Pods pasted from a cluster carry one.

use std::collections::BTreeMap;

use crate::api::decode::Raw;
use crate::api::quantity::Quantity;
use crate::api::v1::ResourceRequirements;
use crate::object;

object! {
    /// A Pod's `status`.
    pub struct PodStatus = "PodStatus" {
        /// `observedGeneration`.
        observed_generation @ "observedGeneration": Option<i64>,
        /// `phase`: `Pending`, `Running`, `Succeeded`, `Failed` or `Unknown`.
        phase @ "phase": Option<String>,
        /// `conditions`.
        conditions @ "conditions": Vec<PodCondition>,
        /// `message`.
        message @ "message": Option<String>,
        /// `reason`, such as `Evicted`.
        reason @ "reason": Option<String>,
        /// `nominatedNodeName`.
        nominated_node_name @ "nominatedNodeName": Option<String>,
        /// `hostIP`.
        host_ip @ "hostIP": Option<String>,
        /// `hostIPs`.
        host_ips @ "hostIPs": Vec<PodIp>,
        /// `podIP`.
        pod_ip @ "podIP": Option<String>,
        /// `podIPs`.
        pod_ips @ "podIPs": Vec<PodIp>,
        /// `startTime`.
        start_time @ "startTime": Option<String>,
        /// `initContainerStatuses`.
        init_container_statuses @ "initContainerStatuses": Vec<ContainerStatus>,
        /// `containerStatuses`.
        container_statuses @ "containerStatuses": Vec<ContainerStatus>,
        /// `ephemeralContainerStatuses`.
        ephemeral_container_statuses @ "ephemeralContainerStatuses": Vec<ContainerStatus>,
        /// `qosClass`.
        qos_class @ "qosClass": Option<String>,
        /// `resize`.
        resize @ "resize": Option<String>,
        /// `resourceClaimStatuses`, kept as written.
        resource_claim_statuses @ "resourceClaimStatuses": Raw,
        /// `extendedResourceClaimStatus`, kept as written.
        extended_resource_claim_status @ "extendedResourceClaimStatus": Raw,
    }
}

object! {
    /// An entry of `status.conditions`.
    pub struct PodCondition = "PodCondition" {
        /// `type`, such as `Ready`.
        kind @ "type": String,
        /// `observedGeneration`.
        observed_generation @ "observedGeneration": Option<i64>,
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
    /// An IP address of the Pod or its host.
    pub struct PodIp = "PodIP" {
        /// `ip`.
        ip @ "ip": String,
    }
}

object! {
    /// The status of one container.
    pub struct ContainerStatus = "ContainerStatus" {
        /// `name`.
        name @ "name": String,
        /// `state`.
        state @ "state": Option<ContainerState>,
        /// `lastState`: how the previous run ended.
        last_state @ "lastState": Option<ContainerState>,
        /// `ready`.
        ready @ "ready": bool,
        /// `restartCount`.
        restart_count @ "restartCount": i32,
        /// `image`.
        image @ "image": String,
        /// `imageID`.
        image_id @ "imageID": String,
        /// `containerID`.
        container_id @ "containerID": Option<String>,
        /// `started`.
        started @ "started": Option<bool>,
        /// `allocatedResources`.
        allocated_resources @ "allocatedResources": BTreeMap<String, Quantity>,
        /// `resources`.
        resources @ "resources": Option<ResourceRequirements>,
        /// `volumeMounts`, kept as written.
        volume_mounts @ "volumeMounts": Raw,
        /// `user`, kept as written.
        user @ "user": Raw,
        /// `allocatedResourcesStatus`, kept as written.
        allocated_resources_status @ "allocatedResourcesStatus": Raw,
        /// `stopSignal`.
        stop_signal @ "stopSignal": Option<String>,
    }
}

object! {
    /// A container's state: exactly one of waiting, running or terminated.
    pub struct ContainerState = "ContainerState" {
        /// `waiting`.
        waiting @ "waiting": Option<ContainerStateWaiting>,
        /// `running`.
        running @ "running": Option<ContainerStateRunning>,
        /// `terminated`.
        terminated @ "terminated": Option<ContainerStateTerminated>,
    }
}

object! {
    /// A waiting container.
    pub struct ContainerStateWaiting = "ContainerStateWaiting" {
        /// `reason`, such as `CrashLoopBackOff`.
        reason @ "reason": Option<String>,
        /// `message`.
        message @ "message": Option<String>,
    }
}

object! {
    /// A running container.
    pub struct ContainerStateRunning = "ContainerStateRunning" {
        /// `startedAt`.
        started_at @ "startedAt": Option<String>,
    }
}

object! {
    /// A terminated container.
    pub struct ContainerStateTerminated = "ContainerStateTerminated" {
        /// `exitCode`.
        exit_code @ "exitCode": i32,
        /// `signal`.
        signal @ "signal": Option<i32>,
        /// `reason`, such as `Completed` or `OOMKilled`.
        reason @ "reason": Option<String>,
        /// `message`.
        message @ "message": Option<String>,
        /// `startedAt`.
        started_at @ "startedAt": Option<String>,
        /// `finishedAt`.
        finished_at @ "finishedAt": Option<String>,
        /// `containerID`.
        container_id @ "containerID": Option<String>,
    }
}
