//! Security contexts of Pods and containers.

use crate::api::decode::Raw;
use crate::object;

object! {
    /// A container's `securityContext`.
    pub struct SecurityContext = "SecurityContext" {
        /// `capabilities`.
        capabilities @ "capabilities": Option<Capabilities>,
        /// `privileged`.
        privileged @ "privileged": Option<bool>,
        /// `seLinuxOptions`, kept as written.
        se_linux_options @ "seLinuxOptions": Raw,
        /// `windowsOptions`, kept as written.
        windows_options @ "windowsOptions": Raw,
        /// `runAsUser`.
        run_as_user @ "runAsUser": Option<i64>,
        /// `runAsGroup`.
        run_as_group @ "runAsGroup": Option<i64>,
        /// `runAsNonRoot`.
        run_as_non_root @ "runAsNonRoot": Option<bool>,
        /// `readOnlyRootFilesystem`.
        read_only_root_filesystem @ "readOnlyRootFilesystem": Option<bool>,
        /// `allowPrivilegeEscalation`.
        allow_privilege_escalation @ "allowPrivilegeEscalation": Option<bool>,
        /// `procMount`.
        proc_mount @ "procMount": Option<String>,
        /// `seccompProfile`.
        seccomp_profile @ "seccompProfile": Option<SeccompProfile>,
        /// `appArmorProfile`, kept as written.
        app_armor_profile @ "appArmorProfile": Raw,
    }
}

object! {
    /// The Pod's `securityContext`.
    pub struct PodSecurityContext = "PodSecurityContext" {
        /// `seLinuxOptions`, kept as written.
        se_linux_options @ "seLinuxOptions": Raw,
        /// `windowsOptions`, kept as written.
        windows_options @ "windowsOptions": Raw,
        /// `runAsUser`.
        run_as_user @ "runAsUser": Option<i64>,
        /// `runAsGroup`.
        run_as_group @ "runAsGroup": Option<i64>,
        /// `runAsNonRoot`.
        run_as_non_root @ "runAsNonRoot": Option<bool>,
        /// `supplementalGroups`.
        supplemental_groups @ "supplementalGroups": Vec<i64>,
        /// `supplementalGroupsPolicy`.
        supplemental_groups_policy @ "supplementalGroupsPolicy": Option<String>,
        /// `fsGroup`.
        fs_group @ "fsGroup": Option<i64>,
        /// `sysctls`.
        sysctls @ "sysctls": Vec<Sysctl>,
        /// `fsGroupChangePolicy`.
        fs_group_change_policy @ "fsGroupChangePolicy": Option<String>,
        /// `seccompProfile`.
        seccomp_profile @ "seccompProfile": Option<SeccompProfile>,
        /// `appArmorProfile`, kept as written.
        app_armor_profile @ "appArmorProfile": Raw,
        /// `seLinuxChangePolicy`.
        se_linux_change_policy @ "seLinuxChangePolicy": Option<String>,
    }
}

object! {
    /// Linux capabilities to add and drop.
    pub struct Capabilities = "Capabilities" {
        /// `add`.
        add @ "add": Vec<String>,
        /// `drop`.
        drop @ "drop": Vec<String>,
    }
}

object! {
    /// A seccomp profile.
    pub struct SeccompProfile = "SeccompProfile" {
        /// `type`: `RuntimeDefault`, `Localhost` or `Unconfined`.
        kind @ "type": String,
        /// `localhostProfile`.
        localhost_profile @ "localhostProfile": Option<String>,
    }
}

object! {
    /// A namespaced kernel parameter.
    pub struct Sysctl = "Sysctl" {
        /// `name`.
        name @ "name": String,
        /// `value`.
        value @ "value": String,
    }
}
