//! `PodSpec`: what the Pod runs and how.

use std::collections::BTreeMap;

use crate::api::decode::Raw;
use crate::api::quantity::Quantity;
use crate::api::v1::{
    Affinity, Container, EphemeralContainer, LocalObjectReference, PodSecurityContext,
    ResourceRequirements, Toleration, TopologySpreadConstraint, Volume,
};
use crate::object;

object! {
    /// A Pod's `spec`.
    pub struct PodSpec = "PodSpec" {
        /// `volumes`: storage the containers can mount.
        volumes @ "volumes": Vec<Volume>,
        /// `initContainers`: run in order before the app containers; with
        /// `restartPolicy: Always`, native sidecars.
        init_containers @ "initContainers": Vec<Container>,
        /// `containers`: the app containers.
        containers @ "containers": Vec<Container>,
        /// `ephemeralContainers`: debugging containers.
        ephemeral_containers @ "ephemeralContainers": Vec<EphemeralContainer>,
        /// `restartPolicy`: `Always`, `OnFailure` or `Never`.
        restart_policy @ "restartPolicy": Option<String>,
        /// `terminationGracePeriodSeconds`, defaulted to 30.
        termination_grace_period_seconds @ "terminationGracePeriodSeconds": Option<i64>,
        /// `activeDeadlineSeconds`.
        active_deadline_seconds @ "activeDeadlineSeconds": Option<i64>,
        /// `dnsPolicy`.
        dns_policy @ "dnsPolicy": Option<String>,
        /// `nodeSelector`.
        node_selector @ "nodeSelector": BTreeMap<String, String>,
        /// `serviceAccountName`.
        service_account_name @ "serviceAccountName": Option<String>,
        /// `serviceAccount` (deprecated alias of `serviceAccountName`).
        service_account @ "serviceAccount": Option<String>,
        /// `automountServiceAccountToken`.
        automount_service_account_token @ "automountServiceAccountToken": Option<bool>,
        /// `nodeName`: the node the Pod is bound to.
        node_name @ "nodeName": Option<String>,
        /// `hostNetwork`.
        host_network @ "hostNetwork": bool,
        /// `hostPID`.
        host_pid @ "hostPID": bool,
        /// `hostIPC`.
        host_ipc @ "hostIPC": bool,
        /// `shareProcessNamespace`.
        share_process_namespace @ "shareProcessNamespace": Option<bool>,
        /// `securityContext`.
        security_context @ "securityContext": Option<Box<PodSecurityContext>>,
        /// `imagePullSecrets`.
        image_pull_secrets @ "imagePullSecrets": Vec<LocalObjectReference>,
        /// `hostname`.
        hostname @ "hostname": Option<String>,
        /// `subdomain`.
        subdomain @ "subdomain": Option<String>,
        /// `affinity`.
        affinity @ "affinity": Option<Box<Affinity>>,
        /// `schedulerName`.
        scheduler_name @ "schedulerName": Option<String>,
        /// `tolerations`.
        tolerations @ "tolerations": Vec<Toleration>,
        /// `hostAliases`.
        host_aliases @ "hostAliases": Vec<HostAlias>,
        /// `priorityClassName`.
        priority_class_name @ "priorityClassName": Option<String>,
        /// `priority`.
        priority @ "priority": Option<i32>,
        /// `dnsConfig`.
        dns_config @ "dnsConfig": Option<PodDnsConfig>,
        /// `readinessGates`.
        readiness_gates @ "readinessGates": Vec<PodReadinessGate>,
        /// `runtimeClassName`.
        runtime_class_name @ "runtimeClassName": Option<String>,
        /// `enableServiceLinks`.
        enable_service_links @ "enableServiceLinks": Option<bool>,
        /// `preemptionPolicy`.
        preemption_policy @ "preemptionPolicy": Option<String>,
        /// `overhead`.
        overhead @ "overhead": BTreeMap<String, Quantity>,
        /// `topologySpreadConstraints`.
        topology_spread_constraints @ "topologySpreadConstraints": Vec<TopologySpreadConstraint>,
        /// `setHostnameAsFQDN`.
        set_hostname_as_fqdn @ "setHostnameAsFQDN": Option<bool>,
        /// `os`.
        os @ "os": Option<PodOs>,
        /// `hostUsers`.
        host_users @ "hostUsers": Option<bool>,
        /// `schedulingGates`: while any is present, the Pod is not scheduled.
        scheduling_gates @ "schedulingGates": Vec<PodSchedulingGate>,
        /// `resourceClaims`, kept as written.
        resource_claims @ "resourceClaims": Raw,
        /// `resources`: Pod-level requests and limits.
        resources @ "resources": Option<ResourceRequirements>,
        /// `hostnameOverride`.
        hostname_override @ "hostnameOverride": Option<String>,
    }
}

object! {
    /// An entry of `spec.hostAliases`: extra lines for `/etc/hosts`.
    pub struct HostAlias = "HostAlias" {
        /// `ip`.
        ip @ "ip": String,
        /// `hostnames`.
        hostnames @ "hostnames": Vec<String>,
    }
}

object! {
    /// `spec.dnsConfig`.
    pub struct PodDnsConfig = "PodDNSConfig" {
        /// `nameservers`.
        nameservers @ "nameservers": Vec<String>,
        /// `searches`.
        searches @ "searches": Vec<String>,
        /// `options`.
        options @ "options": Vec<PodDnsConfigOption>,
    }
}

object! {
    /// A resolver option.
    pub struct PodDnsConfigOption = "PodDNSConfigOption" {
        /// `name`.
        name @ "name": String,
        /// `value`.
        value @ "value": Option<String>,
    }
}

object! {
    /// An entry of `spec.readinessGates`.
    pub struct PodReadinessGate = "PodReadinessGate" {
        /// `conditionType`.
        condition_type @ "conditionType": String,
    }
}

object! {
    /// An entry of `spec.schedulingGates`.
    pub struct PodSchedulingGate = "PodSchedulingGate" {
        /// `name`.
        name @ "name": String,
    }
}

object! {
    /// `spec.os`.
    pub struct PodOs = "PodOS" {
        /// `name`: `linux` or `windows`.
        name @ "name": String,
    }
}
