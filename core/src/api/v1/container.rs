//! Containers: `Container`, `EphemeralContainer` and what they hold (ports, env, mounts,
//! resources, lifecycle hooks).

use std::collections::BTreeMap;

use crate::api::decode::Raw;
use crate::api::quantity::Quantity;
use crate::api::v1::{IntOrString, Probe, SecurityContext};
use crate::object;

/// Declares a container type with the fields every container has, plus `$extra`.
macro_rules! container_type {
    (
        $(#[$meta:meta])*
        $name:ident = $go:literal { $($extra:tt)* }
    ) => {
        object! {
            $(#[$meta])*
            pub struct $name = $go {
                /// `name`: a DNS-1123 label, unique within the Pod.
                name @ "name": String,
                /// `image`.
                image @ "image": Option<String>,
                /// `command`: the entrypoint, replacing the image's.
                command @ "command": Vec<String>,
                /// `args`: arguments to the entrypoint.
                args @ "args": Vec<String>,
                /// `workingDir`.
                working_dir @ "workingDir": Option<String>,
                /// `ports`: the ports the container declares.
                ports @ "ports": Vec<ContainerPort>,
                /// `envFrom`: whole ConfigMaps or Secrets as environment variables.
                env_from @ "envFrom": Vec<EnvFromSource>,
                /// `env`: environment variables.
                env @ "env": Vec<EnvVar>,
                /// `resources`: requests and limits.
                resources @ "resources": Option<ResourceRequirements>,
                /// `resizePolicy`.
                resize_policy @ "resizePolicy": Vec<ContainerResizePolicy>,
                /// `restartPolicy`: only `Always`, on init containers (a native sidecar).
                restart_policy @ "restartPolicy": Option<String>,
                /// `restartPolicyRules`, kept as written.
                restart_policy_rules @ "restartPolicyRules": Raw,
                /// `volumeMounts`.
                volume_mounts @ "volumeMounts": Vec<VolumeMount>,
                /// `volumeDevices`.
                volume_devices @ "volumeDevices": Vec<VolumeDevice>,
                /// `livenessProbe`.
                liveness_probe @ "livenessProbe": Option<Box<Probe>>,
                /// `readinessProbe`.
                readiness_probe @ "readinessProbe": Option<Box<Probe>>,
                /// `startupProbe`.
                startup_probe @ "startupProbe": Option<Box<Probe>>,
                /// `lifecycle`: postStart and preStop hooks.
                lifecycle @ "lifecycle": Option<Box<Lifecycle>>,
                /// `terminationMessagePath`.
                termination_message_path @ "terminationMessagePath": Option<String>,
                /// `terminationMessagePolicy`: `File` or `FallbackToLogsOnError`.
                termination_message_policy @ "terminationMessagePolicy": Option<String>,
                /// `imagePullPolicy`: `Always`, `IfNotPresent` or `Never`.
                image_pull_policy @ "imagePullPolicy": Option<String>,
                /// `securityContext`.
                security_context @ "securityContext": Option<Box<SecurityContext>>,
                /// `stdin`.
                stdin @ "stdin": bool,
                /// `stdinOnce`.
                stdin_once @ "stdinOnce": bool,
                /// `tty`.
                tty @ "tty": bool,
                $($extra)*
            }
        }
    };
}

container_type! {
    /// A container of `spec.containers` or `spec.initContainers`.
    Container = "Container" {}
}

container_type! {
    /// A container of `spec.ephemeralContainers`, added for debugging (`kubectl debug`).
    EphemeralContainer = "EphemeralContainer" {
        /// `targetContainerName`: the container whose namespaces it joins.
        target_container_name @ "targetContainerName": Option<String>,
    }
}

impl Container {
    /// True for an init container with `restartPolicy: Always`: a native sidecar.
    pub fn is_sidecar(&self) -> bool {
        self.restart_policy.as_deref() == Some("Always")
    }

    /// The number of the port named `name` in `ports`, as a probe or hook that names its port
    /// finds it.
    pub fn port_named(&self, name: &str) -> Option<i32> {
        self.ports
            .iter()
            .find(|port| port.name.as_deref() == Some(name))
            .map(|port| port.container_port)
    }

    /// The port a probe or hook names, as a number: its own number, or the number of the
    /// container's port of that name (`None` when there is no such port, or it is out of range).
    pub fn port_number(&self, port: &IntOrString) -> Option<u16> {
        match port {
            IntOrString::Int(number) => u16::try_from(*number).ok(),
            IntOrString::String(name) => self
                .port_named(name)
                .and_then(|number| u16::try_from(number).ok()),
        }
    }
}

object! {
    /// An entry of a container's `ports`.
    pub struct ContainerPort = "ContainerPort" {
        /// `name`: an IANA service name, referable from probes and Services.
        name @ "name": Option<String>,
        /// `hostPort`.
        host_port @ "hostPort": Option<i32>,
        /// `containerPort`.
        container_port @ "containerPort": i32,
        /// `protocol`: `TCP`, `UDP` or `SCTP`.
        protocol @ "protocol": Option<String>,
        /// `hostIP`.
        host_ip @ "hostIP": Option<String>,
    }
}

object! {
    /// An entry of a container's `env`.
    pub struct EnvVar = "EnvVar" {
        /// `name`.
        name @ "name": String,
        /// `value`.
        value @ "value": Option<String>,
        /// `valueFrom`: a field, resource, ConfigMap key or Secret key.
        value_from @ "valueFrom": Option<EnvVarSource>,
    }
}

object! {
    /// Where an environment variable's value comes from.
    pub struct EnvVarSource = "EnvVarSource" {
        /// `fieldRef`: a field of the Pod (downward API).
        field_ref @ "fieldRef": Option<ObjectFieldSelector>,
        /// `resourceFieldRef`: a container's resource request or limit.
        resource_field_ref @ "resourceFieldRef": Option<ResourceFieldSelector>,
        /// `configMapKeyRef`.
        config_map_key_ref @ "configMapKeyRef": Option<KeySelector>,
        /// `secretKeyRef`.
        secret_key_ref @ "secretKeyRef": Option<KeySelector>,
        /// `fileKeyRef`, kept as written.
        file_key_ref @ "fileKeyRef": Raw,
    }
}

object! {
    /// A field of the Pod, such as `metadata.name` or `status.podIP`.
    pub struct ObjectFieldSelector = "ObjectFieldSelector" {
        /// `apiVersion`, defaulted to `v1`.
        api_version @ "apiVersion": Option<String>,
        /// `fieldPath`.
        field_path @ "fieldPath": String,
    }
}

object! {
    /// A container's resource, such as `limits.memory`.
    pub struct ResourceFieldSelector = "ResourceFieldSelector" {
        /// `containerName`.
        container_name @ "containerName": Option<String>,
        /// `resource`.
        resource @ "resource": String,
        /// `divisor`.
        divisor @ "divisor": Option<Quantity>,
    }
}

object! {
    /// A key of a ConfigMap or Secret.
    pub struct KeySelector = "KeySelector" {
        /// `name` of the ConfigMap or Secret.
        name @ "name": Option<String>,
        /// `key`.
        key @ "key": String,
        /// `optional`.
        optional @ "optional": Option<bool>,
    }
}

object! {
    /// An entry of a container's `envFrom`.
    pub struct EnvFromSource = "EnvFromSource" {
        /// `prefix` added to every variable name.
        prefix @ "prefix": Option<String>,
        /// `configMapRef`.
        config_map_ref @ "configMapRef": Option<NamedSource>,
        /// `secretRef`.
        secret_ref @ "secretRef": Option<NamedSource>,
    }
}

object! {
    /// A whole ConfigMap or Secret, by name.
    pub struct NamedSource = "ConfigMapEnvSource" {
        /// `name`.
        name @ "name": Option<String>,
        /// `optional`.
        optional @ "optional": Option<bool>,
    }
}

object! {
    /// A container's `resources`.
    pub struct ResourceRequirements = "ResourceRequirements" {
        /// `limits`: the most the container may use.
        limits @ "limits": BTreeMap<String, Quantity>,
        /// `requests`: what the scheduler reserves.
        requests @ "requests": BTreeMap<String, Quantity>,
        /// `claims`, kept as written.
        claims @ "claims": Raw,
    }
}

object! {
    /// An entry of a container's `resizePolicy`.
    pub struct ContainerResizePolicy = "ContainerResizePolicy" {
        /// `resourceName`.
        resource_name @ "resourceName": String,
        /// `restartPolicy`.
        restart_policy @ "restartPolicy": String,
    }
}

object! {
    /// An entry of a container's `volumeMounts`.
    pub struct VolumeMount = "VolumeMount" {
        /// `name`: the volume to mount.
        name @ "name": String,
        /// `readOnly`.
        read_only @ "readOnly": bool,
        /// `recursiveReadOnly`.
        recursive_read_only @ "recursiveReadOnly": Option<String>,
        /// `mountPath`.
        mount_path @ "mountPath": String,
        /// `subPath`.
        sub_path @ "subPath": Option<String>,
        /// `mountPropagation`.
        mount_propagation @ "mountPropagation": Option<String>,
        /// `subPathExpr`.
        sub_path_expr @ "subPathExpr": Option<String>,
    }
}

object! {
    /// An entry of a container's `volumeDevices`.
    pub struct VolumeDevice = "VolumeDevice" {
        /// `name`.
        name @ "name": String,
        /// `devicePath`.
        device_path @ "devicePath": String,
    }
}

object! {
    /// A container's `lifecycle` hooks.
    pub struct Lifecycle = "Lifecycle" {
        /// `postStart`: runs right after the container starts.
        post_start @ "postStart": Option<LifecycleHandler>,
        /// `preStop`: runs before the container is stopped.
        pre_stop @ "preStop": Option<LifecycleHandler>,
        /// `stopSignal`.
        stop_signal @ "stopSignal": Option<String>,
    }
}

object! {
    /// What a lifecycle hook does.
    pub struct LifecycleHandler = "LifecycleHandler" {
        /// `exec`.
        exec @ "exec": Option<ExecAction>,
        /// `httpGet`.
        http_get @ "httpGet": Option<HttpGetAction>,
        /// `tcpSocket` (deprecated for hooks).
        tcp_socket @ "tcpSocket": Option<TcpSocketAction>,
        /// `sleep`.
        sleep @ "sleep": Option<SleepAction>,
    }
}

object! {
    /// Runs a command in the container.
    pub struct ExecAction = "ExecAction" {
        /// `command`.
        command @ "command": Vec<String>,
    }
}

object! {
    /// An HTTP GET request.
    pub struct HttpGetAction = "HTTPGetAction" {
        /// `path`.
        path @ "path": Option<String>,
        /// `port`: a number or a port name.
        port @ "port": IntOrString,
        /// `host`.
        host @ "host": Option<String>,
        /// `scheme`: `HTTP` or `HTTPS`.
        scheme @ "scheme": Option<String>,
        /// `httpHeaders`.
        http_headers @ "httpHeaders": Vec<HttpHeader>,
    }
}

object! {
    /// A header of an HTTP GET.
    pub struct HttpHeader = "HTTPHeader" {
        /// `name`.
        name @ "name": String,
        /// `value`.
        value @ "value": String,
    }
}

object! {
    /// A TCP connection attempt.
    pub struct TcpSocketAction = "TCPSocketAction" {
        /// `port`: a number or a port name.
        port @ "port": IntOrString,
        /// `host`.
        host @ "host": Option<String>,
    }
}

object! {
    /// A pause.
    pub struct SleepAction = "SleepAction" {
        /// `seconds`.
        seconds @ "seconds": i64,
    }
}

impl EphemeralContainer {
    /// The fields an ephemeral container shares with other containers, as a [`Container`], so
    /// that the rules common to all containers apply to it.
    pub fn as_container(&self) -> Container {
        Container {
            name: self.name.clone(),
            image: self.image.clone(),
            command: self.command.clone(),
            args: self.args.clone(),
            working_dir: self.working_dir.clone(),
            ports: self.ports.clone(),
            env_from: self.env_from.clone(),
            env: self.env.clone(),
            resources: self.resources.clone(),
            resize_policy: self.resize_policy.clone(),
            restart_policy: self.restart_policy.clone(),
            restart_policy_rules: self.restart_policy_rules.clone(),
            volume_mounts: self.volume_mounts.clone(),
            volume_devices: self.volume_devices.clone(),
            liveness_probe: self.liveness_probe.clone(),
            readiness_probe: self.readiness_probe.clone(),
            startup_probe: self.startup_probe.clone(),
            lifecycle: self.lifecycle.clone(),
            termination_message_path: self.termination_message_path.clone(),
            termination_message_policy: self.termination_message_policy.clone(),
            image_pull_policy: self.image_pull_policy.clone(),
            security_context: self.security_context.clone(),
            stdin: self.stdin,
            stdin_once: self.stdin_once,
            tty: self.tty,
        }
    }
}
