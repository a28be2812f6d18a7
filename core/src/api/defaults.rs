//! The API server's defaults for a Pod (pkg/apis/core/v1/defaults.go, plus the admission
//! plugins every cluster runs), applied to a copy and listed, so that a view can show what the
//! server would store and why.

use std::collections::BTreeMap;

use crate::api::image_ref::ImageRef;
use crate::api::quantity::Quantity;
use crate::api::v1::{
    Container, EmptyDirVolumeSource, HttpGetAction, Lifecycle, Pod, PodStatus, Probe, Toleration,
};

/// Who sets a default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DefaultSource {
    /// The API server's defaulting (`SetDefaults_*`).
    Defaulting,
    /// An admission plugin (ServiceAccount, Priority, DefaultTolerationSeconds) or the request's
    /// namespace.
    Admission,
}

/// One default the server filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppliedDefault {
    /// The field path, such as `spec.containers[0].imagePullPolicy`.
    pub path: String,
    /// The value set, as YAML would print it.
    pub value: String,
    /// Who set it.
    pub source: DefaultSource,
}

/// A Pod with the server's defaults applied, and the list of what was filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Defaulted {
    /// The Pod as the server would store it.
    pub pod: Pod,
    /// Every default applied, in field order.
    pub applied: Vec<AppliedDefault>,
}

/// The grace period the API server gives a Pod that names none.
pub const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS: i64 = 30;
/// A probe's `timeoutSeconds` when unset (`SetDefaults_Probe`).
pub const PROBE_TIMEOUT_SECONDS: i32 = 1;
/// A probe's `periodSeconds` when unset.
pub const PROBE_PERIOD_SECONDS: i32 = 10;
/// A probe's `successThreshold` when unset.
pub const PROBE_SUCCESS_THRESHOLD: i32 = 1;
/// A probe's `failureThreshold` when unset.
pub const PROBE_FAILURE_THRESHOLD: i32 = 3;

/// The `imagePullPolicy` the server picks for `image`: `Always` for `:latest` or no tag (and no
/// digest), `IfNotPresent` otherwise, and for references it cannot parse.
pub fn image_pull_policy_for(image: &str) -> &'static str {
    match ImageRef::parse(image).and_then(|image| image.effective_tag()) {
        Some("latest") => "Always",
        _ => "IfNotPresent",
    }
}

/// The Pod as the API server stores it on create: defaults applied, and the status reset to
/// what the registry writes (`phase: Pending` and the QoS class), whatever the manifest held.
pub fn as_created(pod: &Pod) -> Pod {
    let mut created = apply(pod).pod;
    let qos = crate::api::qos::qos_class(&created);
    created.status = Some(Box::new(PodStatus {
        phase: Some("Pending".to_owned()),
        qos_class: Some(qos.as_str().to_owned()),
        ..PodStatus::default()
    }));
    created
}

/// Applies the defaults to a copy of `pod`.
pub fn apply(pod: &Pod) -> Defaulted {
    let mut recorder = Recorder {
        applied: Vec::new(),
        admission: true,
    };
    let mut pod = pod.clone();
    recorder.pod(&mut pod);
    Defaulted {
        pod,
        applied: recorder.applied,
    }
}

/// Applies the defaults a Pod template gets to a copy of `pod` (a template as a Pod): the
/// API server's defaulting, without the admission plugins, which run when each Pod is created.
/// The paths are the Pod's; the caller puts the template's path in front.
pub fn apply_to_template(pod: &Pod) -> Defaulted {
    let mut recorder = Recorder {
        applied: Vec::new(),
        admission: false,
    };
    let mut pod = pod.clone();
    recorder.pod(&mut pod);
    Defaulted {
        pod,
        applied: recorder.applied,
    }
}

struct Recorder {
    applied: Vec<AppliedDefault>,
    /// False for a Pod template: admission plugins act on Pods, not templates.
    admission: bool,
}

impl Recorder {
    /// Sets `field` to `value` if it is unset, and records it.
    fn set<T: Clone + ToString>(
        &mut self,
        field: &mut Option<T>,
        value: T,
        path: impl FnOnce() -> String,
    ) {
        self.set_from(field, value, path, DefaultSource::Defaulting);
    }

    fn set_from<T: Clone + ToString>(
        &mut self,
        field: &mut Option<T>,
        value: T,
        path: impl FnOnce() -> String,
        source: DefaultSource,
    ) {
        if source == DefaultSource::Admission && !self.admission {
            return;
        }
        if field.is_none() {
            self.applied.push(AppliedDefault {
                path: path(),
                value: value.to_string(),
                source,
            });
            *field = Some(value);
        }
    }

    fn set_str(&mut self, field: &mut Option<String>, value: &str, path: impl FnOnce() -> String) {
        self.set_str_from(field, value, path, DefaultSource::Defaulting);
    }

    /// Sets an unset or empty string field, and records who set it.
    fn set_str_from(
        &mut self,
        field: &mut Option<String>,
        value: &str,
        path: impl FnOnce() -> String,
        source: DefaultSource,
    ) {
        if source == DefaultSource::Admission && !self.admission {
            return;
        }
        if field.as_deref().is_none_or(str::is_empty) {
            *field = None;
            self.set_from(field, value.to_owned(), path, source);
        }
    }

    fn pod(&mut self, pod: &mut Pod) {
        self.set_str_from(
            &mut pod.metadata.namespace,
            "default",
            || "metadata.namespace".into(),
            DefaultSource::Admission,
        );
        let spec = &mut pod.spec;
        for (index, volume) in spec.volumes.iter_mut().enumerate() {
            let path = format!("spec.volumes[{index}]");
            if volume.sources().is_empty() {
                self.applied.push(AppliedDefault {
                    path: format!("{path}.emptyDir"),
                    value: "{}".to_owned(),
                    source: DefaultSource::Defaulting,
                });
                volume.empty_dir = Some(EmptyDirVolumeSource::default());
            }
            let mode_path = |source: &'static str| {
                let path = path.clone();
                move || format!("{path}.{source}.defaultMode")
            };
            if let Some(source) = &mut volume.secret {
                self.set(&mut source.default_mode, 0o644, mode_path("secret"));
            }
            if let Some(source) = &mut volume.config_map {
                self.set(&mut source.default_mode, 0o644, mode_path("configMap"));
            }
            if let Some(source) = &mut volume.downward_api {
                self.set(&mut source.default_mode, 0o644, mode_path("downwardAPI"));
                for (item_index, item) in source.items.iter_mut().enumerate() {
                    if let Some(field_ref) = &mut item.field_ref {
                        self.set_str(&mut field_ref.api_version, "v1", || {
                            format!("{path}.downwardAPI.items[{item_index}].fieldRef.apiVersion")
                        });
                    }
                }
            }
            if let Some(source) = &mut volume.projected {
                self.set(&mut source.default_mode, 0o644, mode_path("projected"));
                for (source_index, projection) in source.sources.iter_mut().enumerate() {
                    if let Some(token) = &mut projection.service_account_token {
                        self.set(
                            &mut token.expiration_seconds,
                            3600,
                            || format!("{path}.projected.sources[{source_index}].serviceAccountToken.expirationSeconds"),
                        );
                    }
                }
            }
        }
        let host_network = spec.host_network;
        for (field, containers) in [
            ("initContainers", &mut spec.init_containers),
            ("containers", &mut spec.containers),
        ] {
            for (index, container) in containers.iter_mut().enumerate() {
                self.container(container, &format!("spec.{field}[{index}]"), host_network);
            }
        }
        for (index, ephemeral) in spec.ephemeral_containers.iter_mut().enumerate() {
            let path = format!("spec.ephemeralContainers[{index}]");
            let image = ephemeral.image.clone().unwrap_or_default();
            self.set_str(
                &mut ephemeral.image_pull_policy,
                image_pull_policy_for(&image),
                || format!("{path}.imagePullPolicy"),
            );
            self.set_str(
                &mut ephemeral.termination_message_path,
                "/dev/termination-log",
                || format!("{path}.terminationMessagePath"),
            );
            self.set_str(&mut ephemeral.termination_message_policy, "File", || {
                format!("{path}.terminationMessagePolicy")
            });
        }
        self.set_str(&mut spec.restart_policy, "Always", || {
            "spec.restartPolicy".into()
        });
        self.set(
            &mut spec.termination_grace_period_seconds,
            DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS,
            || "spec.terminationGracePeriodSeconds".into(),
        );
        self.set_str(&mut spec.dns_policy, "ClusterFirst", || {
            "spec.dnsPolicy".into()
        });
        if spec
            .service_account_name
            .as_deref()
            .is_none_or(str::is_empty)
        {
            let account = spec
                .service_account
                .clone()
                .filter(|account| !account.is_empty())
                .unwrap_or_else(|| "default".to_owned());
            spec.service_account_name = None;
            self.set_from(
                &mut spec.service_account_name,
                account,
                || "spec.serviceAccountName".into(),
                DefaultSource::Admission,
            );
        }
        // The v1 conversion writes the deprecated `serviceAccount` from `serviceAccountName`.
        if spec.service_account != spec.service_account_name
            && let Some(account) = spec.service_account_name.clone()
        {
            self.applied.push(AppliedDefault {
                path: "spec.serviceAccount".to_owned(),
                value: account.clone(),
                source: DefaultSource::Defaulting,
            });
            spec.service_account = Some(account);
        }
        if spec.security_context.is_none() {
            self.applied.push(AppliedDefault {
                path: "spec.securityContext".to_owned(),
                value: "{}".to_owned(),
                source: DefaultSource::Defaulting,
            });
            spec.security_context = Some(Box::default());
        }
        self.set_str(&mut spec.scheduler_name, "default-scheduler", || {
            "spec.schedulerName".into()
        });
        self.set(&mut spec.enable_service_links, true, || {
            "spec.enableServiceLinks".into()
        });
        self.set_from(
            &mut spec.priority,
            0,
            || "spec.priority".into(),
            DefaultSource::Admission,
        );
        self.set_str_from(
            &mut spec.preemption_policy,
            "PreemptLowerPriority",
            || "spec.preemptionPolicy".into(),
            DefaultSource::Admission,
        );
        self.default_tolerations(&mut spec.tolerations);
    }

    /// The DefaultTolerationSeconds admission plugin: tolerate a not-ready or unreachable node
    /// for 300 seconds, unless the Pod says otherwise.
    fn default_tolerations(&mut self, tolerations: &mut Vec<Toleration>) {
        if !self.admission {
            return;
        }
        for key in [
            "node.kubernetes.io/not-ready",
            "node.kubernetes.io/unreachable",
        ] {
            // As the plugin does: a toleration with this key, or an empty key with `Exists`
            // (which tolerates every taint), and an empty or NoExecute effect.
            let present = tolerations.iter().any(|toleration| {
                let key_matches = toleration.key.as_deref() == Some(key)
                    || (toleration.key.as_deref().is_none_or(str::is_empty)
                        && toleration.operator.as_deref() == Some("Exists"));
                key_matches
                    && toleration
                        .effect
                        .as_deref()
                        .is_none_or(|effect| effect.is_empty() || effect == "NoExecute")
            });
            if !present {
                self.applied.push(AppliedDefault {
                    path: format!("spec.tolerations[{}]", tolerations.len()),
                    value: format!("{{key: {key}, operator: Exists, effect: NoExecute, tolerationSeconds: 300}}"),
                    source: DefaultSource::Admission,
                });
                tolerations.push(Toleration {
                    key: Some(key.to_owned()),
                    operator: Some("Exists".to_owned()),
                    value: None,
                    effect: Some("NoExecute".to_owned()),
                    toleration_seconds: Some(300),
                });
            }
        }
    }

    fn container(&mut self, container: &mut Container, path: &str, host_network: bool) {
        let image = container.image.clone().unwrap_or_default();
        self.set_str(
            &mut container.image_pull_policy,
            image_pull_policy_for(&image),
            || format!("{path}.imagePullPolicy"),
        );
        self.set_str(
            &mut container.termination_message_path,
            "/dev/termination-log",
            || format!("{path}.terminationMessagePath"),
        );
        self.set_str(&mut container.termination_message_policy, "File", || {
            format!("{path}.terminationMessagePolicy")
        });
        for (index, port) in container.ports.iter_mut().enumerate() {
            let port_path = format!("{path}.ports[{index}]");
            self.set_str(&mut port.protocol, "TCP", || {
                format!("{port_path}.protocol")
            });
            if host_network && port.host_port.unwrap_or_default() == 0 {
                port.host_port = None;
                self.set(&mut port.host_port, port.container_port, || {
                    format!("{port_path}.hostPort")
                });
            }
        }
        for (index, var) in container.env.iter_mut().enumerate() {
            if let Some(field_ref) = var
                .value_from
                .as_mut()
                .and_then(|from| from.field_ref.as_mut())
            {
                self.set_str(&mut field_ref.api_version, "v1", || {
                    format!("{path}.env[{index}].valueFrom.fieldRef.apiVersion")
                });
            }
        }
        if let Some(resources) = &mut container.resources {
            self.requests_from_limits(&resources.limits, &mut resources.requests, path);
        }
        for (field, probe) in [
            ("livenessProbe", &mut container.liveness_probe),
            ("readinessProbe", &mut container.readiness_probe),
            ("startupProbe", &mut container.startup_probe),
        ] {
            if let Some(probe) = probe {
                self.probe(probe, &format!("{path}.{field}"));
            }
        }
        if let Some(lifecycle) = &mut container.lifecycle {
            self.lifecycle(lifecycle, &format!("{path}.lifecycle"));
        }
    }

    /// `SetDefaults_Pod`: a resource with a limit and no request requests its limit.
    fn requests_from_limits(
        &mut self,
        limits: &BTreeMap<String, Quantity>,
        requests: &mut BTreeMap<String, Quantity>,
        path: &str,
    ) {
        for (name, limit) in limits {
            if !requests.contains_key(name) {
                self.applied.push(AppliedDefault {
                    path: format!("{path}.resources.requests[{name}]"),
                    value: limit.to_string(),
                    source: DefaultSource::Defaulting,
                });
                requests.insert(name.clone(), *limit);
            }
        }
    }

    fn probe(&mut self, probe: &mut Probe, path: &str) {
        self.set(&mut probe.timeout_seconds, PROBE_TIMEOUT_SECONDS, || {
            format!("{path}.timeoutSeconds")
        });
        self.set(&mut probe.period_seconds, PROBE_PERIOD_SECONDS, || {
            format!("{path}.periodSeconds")
        });
        self.set(
            &mut probe.success_threshold,
            PROBE_SUCCESS_THRESHOLD,
            || format!("{path}.successThreshold"),
        );
        self.set(
            &mut probe.failure_threshold,
            PROBE_FAILURE_THRESHOLD,
            || format!("{path}.failureThreshold"),
        );
        if let Some(get) = &mut probe.http_get {
            self.http_get(get, &format!("{path}.httpGet"));
        }
    }

    fn lifecycle(&mut self, lifecycle: &mut Lifecycle, path: &str) {
        for (field, handler) in [
            ("postStart", &mut lifecycle.post_start),
            ("preStop", &mut lifecycle.pre_stop),
        ] {
            if let Some(get) = handler
                .as_mut()
                .and_then(|handler| handler.http_get.as_mut())
            {
                self.http_get(get, &format!("{path}.{field}.httpGet"));
            }
        }
    }

    fn http_get(&mut self, get: &mut HttpGetAction, path: &str) {
        self.set_str(&mut get.path, "/", || format!("{path}.path"));
        self.set_str(&mut get.scheme, "HTTP", || format!("{path}.scheme"));
    }
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    fn check_policy(images: &[&str], expected: Expect) {
        let out: String = images
            .iter()
            .map(|image| format!("{image} → {}\n", image_pull_policy_for(image)))
            .collect();
        expected.assert_eq(&out);
    }

    /// Upstream: TestSetDefaultContainerImagePullPolicy... cases in pkg/apis/core/v1/defaults_test.go.
    #[test]
    fn image_pull_policy_follows_the_tag() {
        check_policy(
            &[
                "nginx",
                "nginx:latest",
                "nginx:1.27",
                "nginx@sha256:0123456789abcdef",
                "nginx:latest@sha256:0123456789abcdef",
                "registry.example.com:5000/team/app",
                "registry.example.com:5000/team/app:v2",
            ],
            expect![[r#"
                nginx → Always
                nginx:latest → Always
                nginx:1.27 → IfNotPresent
                nginx@sha256:0123456789abcdef → IfNotPresent
                nginx:latest@sha256:0123456789abcdef → IfNotPresent
                registry.example.com:5000/team/app → Always
                registry.example.com:5000/team/app:v2 → IfNotPresent
            "#]],
        );
    }

    /// Every default the server applies to a small Pod, with who applies it.
    #[test]
    fn defaults_are_listed_with_their_source() {
        let text = "apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  volumes: [{name: data}, {name: cfg, configMap: {name: app}}]
  containers:
  - name: web
    image: nginx
    ports: [{containerPort: 80}]
    readinessProbe: {httpGet: {port: 80}}
    resources: {limits: {cpu: 500m, memory: 128Mi}}
";
        let pod = crate::parse(text).pod.expect("a Pod");
        let out: String = apply(&pod)
            .applied
            .iter()
            .map(|default| {
                format!(
                    "{:?} {} = {}\n",
                    default.source, default.path, default.value
                )
            })
            .collect();
        expect![[r#"
            Admission metadata.namespace = default
            Defaulting spec.volumes[0].emptyDir = {}
            Defaulting spec.volumes[1].configMap.defaultMode = 420
            Defaulting spec.containers[0].imagePullPolicy = Always
            Defaulting spec.containers[0].terminationMessagePath = /dev/termination-log
            Defaulting spec.containers[0].terminationMessagePolicy = File
            Defaulting spec.containers[0].ports[0].protocol = TCP
            Defaulting spec.containers[0].resources.requests[cpu] = 500m
            Defaulting spec.containers[0].resources.requests[memory] = 128Mi
            Defaulting spec.containers[0].readinessProbe.timeoutSeconds = 1
            Defaulting spec.containers[0].readinessProbe.periodSeconds = 10
            Defaulting spec.containers[0].readinessProbe.successThreshold = 1
            Defaulting spec.containers[0].readinessProbe.failureThreshold = 3
            Defaulting spec.containers[0].readinessProbe.httpGet.path = /
            Defaulting spec.containers[0].readinessProbe.httpGet.scheme = HTTP
            Defaulting spec.restartPolicy = Always
            Defaulting spec.terminationGracePeriodSeconds = 30
            Defaulting spec.dnsPolicy = ClusterFirst
            Admission spec.serviceAccountName = default
            Defaulting spec.serviceAccount = default
            Defaulting spec.securityContext = {}
            Defaulting spec.schedulerName = default-scheduler
            Defaulting spec.enableServiceLinks = true
            Admission spec.priority = 0
            Admission spec.preemptionPolicy = PreemptLowerPriority
            Admission spec.tolerations[0] = {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 300}
            Admission spec.tolerations[1] = {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 300}
        "#]].assert_eq(&out);
    }
}
