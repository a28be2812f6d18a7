//! Documentation of the Pod's fields, for the editor's hover: which field a position of the
//! manifest is on, and what the Kubernetes API reference says about it (abridged from the
//! field comments of `k8s.io/api/core/v1/types.go`).

use crate::api::yaml::{self, Node, Value};
use crate::base::span::Position;

/// The field at a position, and its documentation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldDoc {
    /// The field's path, such as `spec.containers[0].image`.
    pub path: String,
    /// What the field is for; empty for a key the API does not know.
    pub doc: &'static str,
}

/// The largest text looked into (the editor's own limit is larger; hovering is best effort).
const MAX_BYTES: usize = 256 * 1024;

/// The field whose key is at `line` and `column` (both from 1, in characters) of `text`, with
/// its documentation; `None` when the position is not on a key, or the text does not parse.
pub fn at(text: &str, line: u32, column: u32) -> Option<FieldDoc> {
    if text.len() > MAX_BYTES {
        return None;
    }
    let documents = yaml::parse_stream(text).ok()?;
    let at = Position {
        line,
        column,
        offset_chars: 0,
    };
    documents.iter().find_map(|document| {
        let path = key_path(&document.root, at, String::new())?;
        let doc = doc_of(&path).unwrap_or("");
        Some(FieldDoc { path, doc })
    })
}

/// The field at the caret, at `line` and `column`: the caret just after a key's last letter is
/// still on the key.
pub fn at_caret(text: &str, line: u32, column: u32) -> Option<FieldDoc> {
    at(text, line, column).or_else(|| at(text, line, column.saturating_sub(1).max(1)))
}

/// True when `span` holds `at`, by line and column.
fn holds(node: &Node, at: Position) -> bool {
    let (start, end) = (node.span.start, node.span.end);
    (start.line, start.column) <= (at.line, at.column)
        && (at.line, at.column) < (end.line, end.column)
}

/// The path of the key at `at` within `node`, whose own path is `path`.
fn key_path(node: &Node, at: Position, path: String) -> Option<String> {
    match &node.value {
        Value::Mapping(entries) => entries.iter().find_map(|entry| {
            let key = entry.key.as_scalar()?;
            let child = if path.is_empty() {
                key.to_owned()
            } else {
                format!("{path}.{key}")
            };
            if holds(&entry.key, at) {
                return Some(child);
            }
            key_path(&entry.value, at, child)
        }),
        Value::Sequence(items) => items
            .iter()
            .enumerate()
            .find_map(|(index, item)| key_path(item, at, format!("{path}[{index}]"))),
        _ => None,
    }
}

/// The documentation of a path: list indexes do not matter, and init and ephemeral containers
/// share the containers' fields.
fn doc_of(path: &str) -> Option<&'static str> {
    let mut general = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => in_index = true,
            ']' => in_index = false,
            _ if !in_index => general.push(c),
            _ => {}
        }
    }
    let lookup = |path: &str| DOCS.iter().find(|(p, _)| *p == path).map(|(_, d)| *d);
    lookup(&general).or_else(|| {
        for prefix in ["spec.initContainers.", "spec.ephemeralContainers."] {
            if let Some(rest) = general.strip_prefix(prefix) {
                return lookup(&format!("spec.containers.{rest}"));
            }
        }
        None
    })
}

/// The documented fields, by path without list indexes.
const DOCS: &[(&str, &str)] = &[
    (
        "apiVersion",
        "Versioned schema of this object: v1 for a Pod.",
    ),
    ("kind", "The REST resource this object represents: Pod."),
    (
        "metadata",
        "Standard object metadata: name, namespace, labels, annotations.",
    ),
    (
        "metadata.name",
        "Unique name within the namespace, a DNS subdomain (lower case, at most 253 characters). Cannot be updated.",
    ),
    (
        "metadata.generateName",
        "A prefix the API server completes with random characters to make a unique name, when name is not set.",
    ),
    (
        "metadata.namespace",
        "The namespace the Pod lives in; default when empty.",
    ),
    (
        "metadata.labels",
        "Key/value pairs to organise and select objects: Services and controllers find Pods by their labels.",
    ),
    (
        "metadata.annotations",
        "Unstructured key/value data for tools; not used to select objects.",
    ),
    ("spec", "The desired behaviour of the Pod."),
    (
        "spec.containers",
        "The containers of the Pod: at least one. They share the Pod's network namespace (one IP, localhost) and its volumes. Cannot be updated.",
    ),
    (
        "spec.initContainers",
        "Containers that run to completion one by one, in order, before the app containers start. One with restartPolicy: Always is a sidecar that keeps running.",
    ),
    (
        "spec.ephemeralContainers",
        "Containers added to a running Pod by kubectl debug; they cannot be set on create.",
    ),
    (
        "spec.containers.name",
        "The container's name, a DNS label unique within the Pod. Cannot be updated.",
    ),
    (
        "spec.containers.image",
        "The container image, such as nginx:1.27 or registry.example.com/app@sha256:…; without a tag, :latest is used.",
    ),
    (
        "spec.containers.imagePullPolicy",
        "Always, Never or IfNotPresent. Defaults to Always for the :latest tag (or none), else IfNotPresent.",
    ),
    (
        "spec.containers.command",
        "The entrypoint array, run without a shell; replaces the image's ENTRYPOINT. $(VAR) references are expanded from the container's environment.",
    ),
    (
        "spec.containers.args",
        "Arguments to the entrypoint; replace the image's CMD. $(VAR) references are expanded.",
    ),
    (
        "spec.containers.workingDir",
        "The container's working directory; the image's default when empty.",
    ),
    (
        "spec.containers.ports",
        "Ports the container exposes. Informational: a port the process listens on is reachable whether it is listed or not.",
    ),
    (
        "spec.containers.ports.containerPort",
        "The port number on the Pod's IP address, 1–65535.",
    ),
    (
        "spec.containers.ports.name",
        "An IANA_SVC_NAME unique within the Pod, which Services can refer to.",
    ),
    (
        "spec.containers.ports.protocol",
        "TCP, UDP or SCTP. Defaults to TCP.",
    ),
    (
        "spec.containers.ports.hostPort",
        "A port on the node forwarded to this container. Rarely needed: it limits where the Pod can be scheduled.",
    ),
    (
        "spec.containers.env",
        "Environment variables to set in the container.",
    ),
    ("spec.containers.env.name", "The variable's name."),
    (
        "spec.containers.env.value",
        "The value; $(VAR) references to earlier variables are expanded, $$(VAR) escapes.",
    ),
    (
        "spec.containers.env.valueFrom",
        "Takes the value from a ConfigMap, a Secret, a field of the Pod or a resource of the container.",
    ),
    (
        "spec.containers.envFrom",
        "Sets a variable for every key of a ConfigMap or Secret.",
    ),
    (
        "spec.containers.resources",
        "Compute resources: requests reserve capacity for scheduling, limits cap use.",
    ),
    (
        "spec.containers.resources.requests",
        "The minimum resources the container needs; the scheduler places the Pod only on a node with that much unreserved.",
    ),
    (
        "spec.containers.resources.limits",
        "The most the container may use: CPU over the limit is throttled, memory over it is OOMKilled.",
    ),
    (
        "spec.containers.volumeMounts",
        "Volumes of the Pod to mount into the container's filesystem.",
    ),
    (
        "spec.containers.volumeMounts.name",
        "The name of a volume in spec.volumes.",
    ),
    (
        "spec.containers.volumeMounts.mountPath",
        "Where the volume appears in the container; must not contain ':'.",
    ),
    (
        "spec.containers.volumeMounts.readOnly",
        "Mounted read-only when true. Defaults to false.",
    ),
    (
        "spec.containers.volumeMounts.subPath",
        "A path within the volume to mount instead of its root.",
    ),
    (
        "spec.containers.livenessProbe",
        "Checks that the container is alive; the kubelet restarts it after failureThreshold failures in a row.",
    ),
    (
        "spec.containers.readinessProbe",
        "Checks that the container can serve; while it fails the Pod is not Ready and Services send it no traffic.",
    ),
    (
        "spec.containers.startupProbe",
        "Checks that the application has started; liveness and readiness probes wait until it succeeds.",
    ),
    (
        "spec.containers.livenessProbe.initialDelaySeconds",
        "Seconds after the container starts before the first probe. Defaults to 0.",
    ),
    (
        "spec.containers.livenessProbe.periodSeconds",
        "How often to probe, in seconds. Defaults to 10.",
    ),
    (
        "spec.containers.livenessProbe.timeoutSeconds",
        "Seconds after which the probe times out. Defaults to 1.",
    ),
    (
        "spec.containers.livenessProbe.failureThreshold",
        "Failures in a row before the probe counts as failed. Defaults to 3.",
    ),
    (
        "spec.containers.livenessProbe.successThreshold",
        "Successes in a row before a failed probe counts as passing again; must be 1 for liveness and startup probes.",
    ),
    (
        "spec.containers.livenessProbe.httpGet",
        "An HTTP GET request; a status from 200 to 399 is a success.",
    ),
    (
        "spec.containers.livenessProbe.exec",
        "A command run in the container; exit code 0 is a success.",
    ),
    (
        "spec.containers.livenessProbe.tcpSocket",
        "A TCP connection; the probe succeeds when the port accepts it.",
    ),
    (
        "spec.containers.readinessProbe.httpGet",
        "An HTTP GET request; a status from 200 to 399 is a success.",
    ),
    (
        "spec.containers.readinessProbe.periodSeconds",
        "How often to probe, in seconds. Defaults to 10.",
    ),
    (
        "spec.containers.readinessProbe.initialDelaySeconds",
        "Seconds after the container starts before the first probe. Defaults to 0.",
    ),
    (
        "spec.containers.lifecycle",
        "Hooks the kubelet runs right after the container starts (postStart) and before it is stopped (preStop).",
    ),
    (
        "spec.containers.lifecycle.postStart",
        "Runs right after the container is created; the container is not Running until it completes, and is killed if it fails.",
    ),
    (
        "spec.containers.lifecycle.preStop",
        "Runs before the container is sent SIGTERM; it counts against the Pod's termination grace period.",
    ),
    (
        "spec.containers.securityContext",
        "Security options of the container; they override the Pod's securityContext.",
    ),
    (
        "spec.containers.securityContext.runAsUser",
        "The UID the container's process runs as.",
    ),
    (
        "spec.containers.securityContext.runAsNonRoot",
        "When true, the kubelet refuses to start a container that would run as UID 0.",
    ),
    (
        "spec.containers.securityContext.allowPrivilegeEscalation",
        "Whether a process can gain more privileges than its parent (no_new_privs).",
    ),
    (
        "spec.containers.securityContext.privileged",
        "Runs the container with the host's full privileges. Defaults to false.",
    ),
    (
        "spec.containers.securityContext.capabilities",
        "Linux capabilities to add and drop.",
    ),
    (
        "spec.containers.securityContext.readOnlyRootFilesystem",
        "Mounts the container's root filesystem read-only.",
    ),
    (
        "spec.containers.restartPolicy",
        "Only for init containers: Always makes it a sidecar that starts before and runs beside the app containers.",
    ),
    (
        "spec.containers.stdin",
        "Allocates a buffer for stdin; without it, reads from stdin get EOF.",
    ),
    ("spec.containers.tty", "Allocates a TTY; needs stdin."),
    (
        "spec.containers.terminationMessagePath",
        "The file whose content becomes the termination message. Defaults to /dev/termination-log.",
    ),
    (
        "spec.containers.terminationMessagePolicy",
        "File, or FallbackToLogsOnError to use the log's tail when the file is empty.",
    ),
    (
        "spec.volumes",
        "Volumes the Pod's containers can mount; they live as long as the Pod (emptyDir) or longer (persistent volumes).",
    ),
    (
        "spec.volumes.name",
        "The volume's name, a DNS label unique within the Pod; volumeMounts refer to it.",
    ),
    (
        "spec.volumes.emptyDir",
        "An empty directory created when the Pod starts on a node, shared by its containers and deleted with the Pod.",
    ),
    ("spec.volumes.configMap", "Files from a ConfigMap's keys."),
    (
        "spec.volumes.secret",
        "Files from a Secret's keys, kept in memory (tmpfs).",
    ),
    (
        "spec.volumes.persistentVolumeClaim",
        "A PersistentVolumeClaim in the Pod's namespace: storage that outlives the Pod.",
    ),
    (
        "spec.volumes.hostPath",
        "A file or directory of the node. Ties the Pod to the node and is a security risk.",
    ),
    (
        "spec.volumes.projected",
        "Several sources (Secrets, ConfigMaps, the downward API, service account tokens) in one directory.",
    ),
    (
        "spec.volumes.downwardAPI",
        "Files holding the Pod's own fields, such as its labels and annotations.",
    ),
    (
        "spec.restartPolicy",
        "Always, OnFailure or Never: what the kubelet does when a container exits. Defaults to Always.",
    ),
    (
        "spec.terminationGracePeriodSeconds",
        "Seconds the Pod has to stop gracefully after SIGTERM before SIGKILL. Defaults to 30.",
    ),
    (
        "spec.activeDeadlineSeconds",
        "Seconds the Pod may be active before the kubelet fails it (DeadlineExceeded).",
    ),
    (
        "spec.nodeName",
        "The node the Pod is bound to; set by the scheduler, or by hand to skip it.",
    ),
    (
        "spec.nodeSelector",
        "Labels a node must have for the Pod to be scheduled on it.",
    ),
    (
        "spec.affinity",
        "Node affinity and Pod (anti-)affinity rules for scheduling.",
    ),
    (
        "spec.tolerations",
        "Taints the Pod tolerates: it may run on nodes with them.",
    ),
    (
        "spec.schedulingGates",
        "While any gate remains, the scheduler does not consider the Pod (STATUS SchedulingGated).",
    ),
    (
        "spec.serviceAccountName",
        "The ServiceAccount whose identity the Pod's processes use. Defaults to default.",
    ),
    (
        "spec.automountServiceAccountToken",
        "Whether the service account's API token is mounted automatically.",
    ),
    (
        "spec.securityContext",
        "Pod-level security options: runAsUser, fsGroup, seccomp profile…",
    ),
    (
        "spec.securityContext.runAsUser",
        "The UID of every container's process, unless the container sets its own.",
    ),
    (
        "spec.securityContext.fsGroup",
        "A group that owns the Pod's volumes and is added to every process.",
    ),
    (
        "spec.hostNetwork",
        "Uses the node's network namespace instead of the Pod's own. Defaults to false.",
    ),
    (
        "spec.dnsPolicy",
        "ClusterFirst (the default), Default (the node's resolver), ClusterFirstWithHostNet or None.",
    ),
    (
        "spec.shareProcessNamespace",
        "One process namespace for all containers: they see each other's processes, and pause is PID 1.",
    ),
    (
        "spec.imagePullSecrets",
        "Secrets holding credentials for pulling the images from private registries.",
    ),
    (
        "spec.priorityClassName",
        "The PriorityClass that sets the Pod's priority for scheduling and preemption.",
    ),
    (
        "spec.hostname",
        "The Pod's hostname; the Pod's name when empty.",
    ),
    (
        "status",
        "The Pod's most recently observed state, written by the kubelet; ignored on create.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    const POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  initContainers:\n  - name: init\n    image: busybox\n  containers:\n  - name: app\n    image: nginx\n    readinessProbe:\n      periodSeconds: 5\n    bogus: 1\n";

    /// The path and the start of the doc at a line and column of [`POD`].
    fn check(line: u32, column: u32) -> Option<String> {
        at(POD, line, column).map(|found| {
            format!(
                "{}: {}",
                found.path,
                found.doc.chars().take(30).collect::<String>()
            )
        })
    }

    #[test]
    fn keys_have_paths_and_docs() {
        assert_eq!(
            check(1, 1).as_deref(),
            Some("apiVersion: Versioned schema of this objec")
        );
        assert_eq!(
            check(4, 4).as_deref(),
            Some("metadata.name: Unique name within the namespa")
        );
        assert_eq!(
            check(8, 6).as_deref(),
            Some("spec.initContainers[0].image: The container image, such as n")
        );
        assert_eq!(
            check(13, 8).as_deref(),
            Some("spec.containers[0].readinessProbe.periodSeconds: How often to probe, in seconds")
        );
        assert_eq!(check(14, 5).as_deref(), Some("spec.containers[0].bogus: "));
    }

    #[test]
    fn values_and_broken_text_have_none() {
        assert_eq!(check(11, 12), None);
        assert_eq!(at("a: [", 1, 1), None);
        assert_eq!(at("", 1, 1), None);
    }
}
