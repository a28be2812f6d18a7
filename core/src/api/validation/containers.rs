//! The rules for containers: common to all kinds (`validateContainerCommon`), then those of
//! regular, init and ephemeral containers, probes, lifecycle hooks, env, mounts, resources.

use std::collections::BTreeSet;

use crate::api::defaults::DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
use crate::api::quantity::Quantity;
use crate::api::v1::{
    Container, EnvFromSource, EnvVar, HttpGetAction, IntOrString, KeySelector, Lifecycle,
    LifecycleHandler, PodSpec, Probe, ResourceRequirements, SecurityContext, VolumeMount,
};
use crate::api::validation::names::{
    is_config_map_key, is_dns1123_label, is_dns1123_subdomain, is_env_var_name, is_qualified_name,
    is_valid_id, is_valid_port_name, is_valid_port_num,
};
use crate::api::validation::spec::validate_enum;
use crate::api::validation::{FieldError, FieldPath};

/// Checks `spec.containers` (`validateContainers`).
pub fn validate_containers(
    spec: &PodSpec,
    volumes: &BTreeSet<String>,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    if spec.containers.is_empty() {
        errors.push(FieldError::required(path.clone(), ""));
        return;
    }
    let grace = spec
        .termination_grace_period_seconds
        .unwrap_or(DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS);
    let mut names = BTreeSet::new();
    for (index, container) in spec.containers.iter().enumerate() {
        let item = path.index(index);
        validate_common(container, volumes, &item, errors);
        if !names.insert(container.name.as_str()) {
            errors.push(FieldError::duplicate(item.child("name"), &container.name));
        }
        validate_lifecycle(
            container.lifecycle.as_deref(),
            grace,
            &item.child("lifecycle"),
            errors,
        );
        validate_probes(container, &item, errors);
        if container.restart_policy.is_some() {
            errors.push(FieldError::forbidden(
                item.child("restartPolicy"),
                "may not be set for non-init containers",
            ));
        }
    }
    accumulate_unique_host_ports(spec.containers.iter().enumerate(), path, errors);
}

/// Checks `spec.initContainers` (`validateInitContainers`).
pub fn validate_init_containers(
    spec: &PodSpec,
    volumes: &BTreeSet<String>,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    let grace = spec
        .termination_grace_period_seconds
        .unwrap_or(DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS);
    let mut names: BTreeSet<&str> = spec.containers.iter().map(|c| c.name.as_str()).collect();
    for (index, container) in spec.init_containers.iter().enumerate() {
        let item = path.index(index);
        validate_common(container, volumes, &item, errors);
        if let Some(policy) = container.restart_policy.as_deref()
            && policy != "Always"
        {
            errors.push(FieldError::not_supported(
                item.child("restartPolicy"),
                policy,
                &["Always"],
            ));
        }
        if names.contains(container.name.as_str()) {
            errors.push(FieldError::duplicate(item.child("name"), &container.name));
        } else if !container.name.is_empty() {
            names.insert(container.name.as_str());
        }
        // Init containers run one by one, so each is checked alone; upstream reports index 0.
        let before = errors.len();
        accumulate_unique_host_ports([(0, container)].into_iter(), path, errors);
        for error in &mut errors[before..] {
            let real = error
                .path
                .replacen(&format!("{}[0]", path.as_str()), item.as_str(), 1);
            error.located_at = Some(real);
        }
        if container.is_sidecar() {
            validate_lifecycle(
                container.lifecycle.as_deref(),
                grace,
                &item.child("lifecycle"),
                errors,
            );
            validate_probes(container, &item, errors);
        } else {
            let forbidden = "may not be set for init containers without restartPolicy=Always";
            let set = [
                ("lifecycle", container.lifecycle.is_some()),
                ("livenessProbe", container.liveness_probe.is_some()),
                ("readinessProbe", container.readiness_probe.is_some()),
                ("startupProbe", container.startup_probe.is_some()),
            ];
            for (field, present) in set {
                if present {
                    errors.push(FieldError::forbidden(item.child(field), forbidden));
                }
            }
        }
        if !container.resize_policy.is_empty() && !container.is_sidecar() {
            errors.push(FieldError::invalid(
                item.child("resizePolicy"),
                "",
                "must not be set for init containers",
            ));
        }
    }
}

/// Checks `spec.ephemeralContainers` (`validateEphemeralContainers`).
pub fn validate_ephemeral_containers(
    spec: &PodSpec,
    volumes: &BTreeSet<String>,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    let others: BTreeSet<&str> = spec
        .containers
        .iter()
        .chain(&spec.init_containers)
        .map(|c| c.name.as_str())
        .collect();
    let mut names = others.clone();
    for (index, ephemeral) in spec.ephemeral_containers.iter().enumerate() {
        let item = path.index(index);
        let container = ephemeral.as_container();
        validate_common(&container, volumes, &item, errors);
        image_whitespace(&container, &item, errors);
        // Names are unique across all kinds of containers.
        if !names.insert(ephemeral.name.as_str()) {
            errors.push(FieldError::duplicate(item.child("name"), &container.name));
        }
        if let Some(target) = ephemeral.target_container_name.as_deref()
            && !target.is_empty()
            && !others.contains(target)
        {
            errors.push(FieldError::not_found(
                item.child("targetContainerName"),
                target,
            ));
        }
        let set = [
            ("ports", !container.ports.is_empty()),
            (
                "resources",
                container
                    .resources
                    .as_ref()
                    .is_some_and(|r| !r.limits.is_empty() || !r.requests.is_empty()),
            ),
            ("resizePolicy", !container.resize_policy.is_empty()),
            ("restartPolicy", container.restart_policy.is_some()),
            ("livenessProbe", container.liveness_probe.is_some()),
            ("readinessProbe", container.readiness_probe.is_some()),
            ("startupProbe", container.startup_probe.is_some()),
            ("lifecycle", container.lifecycle.is_some()),
        ];
        for (field, present) in set {
            if present {
                errors.push(FieldError::forbidden(
                    item.child(field),
                    "cannot be set for an Ephemeral Container",
                ));
            }
        }
        for (mount_index, mount) in container.volume_mounts.iter().enumerate() {
            let mount_path = item.child("volumeMounts").index(mount_index);
            if mount.sub_path.as_deref().is_some_and(|p| !p.is_empty()) {
                errors.push(FieldError::forbidden(
                    mount_path.child("subPath"),
                    "cannot be set for an Ephemeral Container",
                ));
            }
        }
    }
}

/// The image checks upstream runs only for Pods, after everything else
/// (`validateContainersOnlyForPod`).
pub fn validate_image_whitespace(spec: &PodSpec, path: &FieldPath, errors: &mut Vec<FieldError>) {
    for (field, containers) in [
        ("containers", &spec.containers),
        ("initContainers", &spec.init_containers),
    ] {
        for (index, container) in containers.iter().enumerate() {
            image_whitespace(container, &path.child(field).index(index), errors);
        }
    }
}

fn image_whitespace(container: &Container, path: &FieldPath, errors: &mut Vec<FieldError>) {
    let image = container.image.as_deref().unwrap_or_default();
    if image.len() != image.trim().len() {
        errors.push(FieldError::invalid(
            path.child("image"),
            image,
            "must not have leading or trailing whitespace",
        ));
    }
}

/// `validateContainerCommon`: what every kind of container must satisfy.
fn validate_common(
    container: &Container,
    volumes: &BTreeSet<String>,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    let name_path = path.child("name");
    if container.name.is_empty() {
        errors.push(FieldError::required(name_path, ""));
    } else {
        for message in is_dns1123_label(&container.name) {
            errors.push(FieldError::invalid(
                name_path.clone(),
                &container.name,
                message,
            ));
        }
    }
    if container.image.as_deref().unwrap_or_default().is_empty() {
        errors.push(FieldError::required(path.child("image"), ""));
    }
    validate_enum(
        container.termination_message_policy.as_deref(),
        &path.child("terminationMessagePolicy"),
        &["File", "FallbackToLogsOnError"],
        errors,
    );
    validate_ports(container, &path.child("ports"), errors);
    validate_resize_policy(container, &path.child("resizePolicy"), errors);
    validate_env(&container.env, &path.child("env"), errors);
    validate_env_from(&container.env_from, &path.child("envFrom"), errors);
    validate_volume_mounts(
        &container.volume_mounts,
        volumes,
        &path.child("volumeMounts"),
        errors,
    );
    validate_enum(
        container.image_pull_policy.as_deref(),
        &path.child("imagePullPolicy"),
        &["Always", "IfNotPresent", "Never"],
        errors,
    );
    if let Some(resources) = &container.resources {
        validate_resources(resources, &path.child("resources"), errors);
    }
    if let Some(context) = &container.security_context {
        validate_security_context(context, &path.child("securityContext"), errors);
    }
}

/// `validateContainerPorts`.
/// `validateResizePolicy`: each resource once, `cpu` or `memory`, `NotRequired` or
/// `RestartContainer`. (The Pod's `restartPolicy: Never` rule needs the Pod and is checked with
/// it.)
fn validate_resize_policy(container: &Container, path: &FieldPath, errors: &mut Vec<FieldError>) {
    let mut seen = BTreeSet::new();
    for (index, policy) in container.resize_policy.iter().enumerate() {
        if !seen.insert(policy.resource_name.as_str()) {
            errors.push(FieldError::duplicate(
                path.index(index),
                &policy.resource_name,
            ));
        }
        match policy.resource_name.as_str() {
            "cpu" | "memory" => {}
            "" => errors.push(FieldError::required(path.clone(), "")),
            other => errors.push(FieldError::not_supported(
                path.clone(),
                other,
                &["cpu", "memory"],
            )),
        }
        match policy.restart_policy.as_str() {
            "NotRequired" | "RestartContainer" => {}
            "" => errors.push(FieldError::required(path.clone(), "")),
            other => errors.push(FieldError::not_supported(
                path.clone(),
                other,
                &["NotRequired", "RestartContainer"],
            )),
        }
    }
}

fn validate_ports(container: &Container, path: &FieldPath, errors: &mut Vec<FieldError>) {
    let mut names = BTreeSet::new();
    for (index, port) in container.ports.iter().enumerate() {
        let item = path.index(index);
        if let Some(name) = port.name.as_deref().filter(|name| !name.is_empty()) {
            let messages = is_valid_port_name(name);
            if !messages.is_empty() {
                for message in messages {
                    errors.push(FieldError::invalid(item.child("name"), name, message));
                }
            } else if !names.insert(name) {
                errors.push(FieldError::duplicate(item.child("name"), name));
            }
        }
        if port.container_port == 0 {
            errors.push(FieldError::required(item.child("containerPort"), ""));
        } else {
            for message in is_valid_port_num(i64::from(port.container_port)) {
                errors.push(FieldError::invalid_int(
                    item.child("containerPort"),
                    i64::from(port.container_port),
                    message,
                ));
            }
        }
        let host_port = port.host_port.unwrap_or_default();
        if host_port != 0 {
            for message in is_valid_port_num(i64::from(host_port)) {
                errors.push(FieldError::invalid_int(
                    item.child("hostPort"),
                    i64::from(host_port),
                    message,
                ));
            }
        }
        validate_enum(
            port.protocol.as_deref(),
            &item.child("protocol"),
            &["SCTP", "TCP", "UDP"],
            errors,
        );
    }
}

/// `AccumulateUniqueHostPorts`: a host port (with protocol and host IP) is taken once.
fn accumulate_unique_host_ports<'c>(
    containers: impl Iterator<Item = (usize, &'c Container)>,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    let mut taken = BTreeSet::new();
    for (index, container) in containers {
        for (port_index, port) in container.ports.iter().enumerate() {
            let host_port = port.host_port.unwrap_or_default();
            if host_port == 0 {
                continue;
            }
            let key = format!(
                "{}/{}/{host_port}",
                port.protocol.as_deref().unwrap_or_default(),
                port.host_ip.as_deref().unwrap_or_default()
            );
            if taken.contains(&key) {
                let port_path = path.index(index).child("ports").index(port_index);
                errors.push(FieldError::duplicate(port_path.child("hostPort"), &key));
            } else {
                taken.insert(key);
            }
        }
    }
}

/// The downward API fields an environment variable may read.
const ENV_FIELD_PATHS: &[&str] = &[
    "metadata.name",
    "metadata.namespace",
    "metadata.uid",
    "spec.nodeName",
    "spec.serviceAccountName",
    "status.hostIP",
    "status.hostIPs",
    "status.podIP",
    "status.podIPs",
];

/// The container resources an environment variable may read.
const ENV_RESOURCES: &[&str] = &[
    "limits.cpu",
    "limits.ephemeral-storage",
    "limits.memory",
    "requests.cpu",
    "requests.ephemeral-storage",
    "requests.memory",
];

/// `ValidateEnv`.
fn validate_env(env: &[EnvVar], path: &FieldPath, errors: &mut Vec<FieldError>) {
    for (index, var) in env.iter().enumerate() {
        let item = path.index(index);
        if var.name.is_empty() {
            errors.push(FieldError::required(item.child("name"), ""));
        } else {
            for message in is_env_var_name(&var.name) {
                errors.push(FieldError::invalid(item.child("name"), &var.name, message));
            }
        }
        let Some(from) = &var.value_from else {
            continue;
        };
        let from_path = item.child("valueFrom");
        let mut sources = 0;
        if let Some(field_ref) = &from.field_ref {
            sources += 1;
            let field_path = field_ref.field_path.as_str();
            let subscripted = ["metadata.labels['", "metadata.annotations['"]
                .iter()
                .any(|prefix| field_path.starts_with(prefix) && field_path.ends_with("']"));
            if field_path.is_empty() {
                errors.push(FieldError::required(
                    from_path.child("fieldRef").child("fieldPath"),
                    "",
                ));
            } else if !subscripted && !ENV_FIELD_PATHS.contains(&field_path) {
                errors.push(FieldError::not_supported(
                    from_path.child("fieldRef").child("fieldPath"),
                    field_path,
                    ENV_FIELD_PATHS,
                ));
            }
        }
        if let Some(resource_ref) = &from.resource_field_ref {
            sources += 1;
            let resource = resource_ref.resource.as_str();
            let resource_path = from_path.child("resourceFieldRef").child("resource");
            if resource.is_empty() {
                errors.push(FieldError::required(resource_path, ""));
            } else if !ENV_RESOURCES.contains(&resource) && !resource.contains("hugepages-") {
                errors.push(FieldError::not_supported(
                    resource_path,
                    resource,
                    ENV_RESOURCES,
                ));
            }
        }
        for (field, selector) in [
            ("configMapKeyRef", &from.config_map_key_ref),
            ("secretKeyRef", &from.secret_key_ref),
        ] {
            if let Some(selector) = selector {
                sources += 1;
                validate_key_selector(selector, &from_path.child(field), errors);
            }
        }
        if sources == 0 {
            errors.push(FieldError::invalid(
                from_path,
                "",
                "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`",
            ));
        } else if var.value.as_deref().is_some_and(|value| !value.is_empty()) {
            errors.push(FieldError::invalid(
                from_path,
                "",
                "may not be specified when `value` is not empty",
            ));
        } else if sources > 1 {
            errors.push(FieldError::invalid(
                from_path,
                "",
                "may not have more than one field specified at a time",
            ));
        }
    }
}

fn validate_key_selector(selector: &KeySelector, path: &FieldPath, errors: &mut Vec<FieldError>) {
    let name = selector.name.as_deref().unwrap_or_default();
    if name.is_empty() {
        errors.push(FieldError::required(path.child("name"), ""));
    } else {
        for message in is_dns1123_subdomain(name) {
            errors.push(FieldError::invalid(path.child("name"), name, message));
        }
    }
    if selector.key.is_empty() {
        errors.push(FieldError::required(path.child("key"), ""));
    } else {
        for message in is_config_map_key(&selector.key) {
            errors.push(FieldError::invalid(
                path.child("key"),
                &selector.key,
                message,
            ));
        }
    }
}

/// `ValidateEnvFrom`.
fn validate_env_from(sources: &[EnvFromSource], path: &FieldPath, errors: &mut Vec<FieldError>) {
    for (index, source) in sources.iter().enumerate() {
        let item = path.index(index);
        if let Some(prefix) = source.prefix.as_deref().filter(|p| !p.is_empty()) {
            for message in is_env_var_name(prefix) {
                errors.push(FieldError::invalid(item.child("prefix"), prefix, message));
            }
        }
        let mut count = 0;
        for (field, reference) in [
            ("configMapRef", &source.config_map_ref),
            ("secretRef", &source.secret_ref),
        ] {
            if let Some(reference) = reference {
                count += 1;
                let name = reference.name.as_deref().unwrap_or_default();
                let name_path = item.child(field).child("name");
                if name.is_empty() {
                    errors.push(FieldError::required(name_path, ""));
                } else {
                    for message in is_dns1123_subdomain(name) {
                        errors.push(FieldError::invalid(name_path.clone(), name, message));
                    }
                }
            }
        }
        if count == 0 {
            errors.push(FieldError::invalid(
                item,
                "",
                "must specify one of: `configMapRef` or `secretRef`",
            ));
        } else if count > 1 {
            errors.push(FieldError::invalid(
                item,
                "",
                "may not have more than one field specified at a time",
            ));
        }
    }
}

/// `ValidateVolumeMounts`.
fn validate_volume_mounts(
    mounts: &[VolumeMount],
    volumes: &BTreeSet<String>,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    let mut mount_paths = BTreeSet::new();
    for (index, mount) in mounts.iter().enumerate() {
        let item = path.index(index);
        if mount.name.is_empty() {
            errors.push(FieldError::required(item.child("name"), ""));
        }
        if !volumes.contains(&mount.name) {
            errors.push(FieldError::not_found(item.child("name"), &mount.name));
        }
        if mount.mount_path.is_empty() {
            errors.push(FieldError::required(item.child("mountPath"), ""));
        }
        if !mount_paths.insert(mount.mount_path.as_str()) {
            errors.push(FieldError::invalid(
                item.child("mountPath"),
                &mount.mount_path,
                "must be unique",
            ));
        }
        if let Some(sub_path) = mount.sub_path.as_deref().filter(|p| !p.is_empty()) {
            // Upstream reports sub-path problems without the mount's index.
            let sub_path_field = path.child("subPath");
            if sub_path.starts_with('/') {
                errors.push(FieldError::invalid(
                    sub_path_field.clone(),
                    sub_path,
                    "must be a relative path",
                ));
            }
            if sub_path.split('/').any(|part| part == "..") {
                errors.push(FieldError::invalid(
                    sub_path_field,
                    sub_path,
                    "must not contain '..'",
                ));
            }
        }
    }
}

/// Resource names a container may request without a domain prefix.
fn is_standard_container_resource(name: &str) -> bool {
    matches!(name, "cpu" | "memory" | "ephemeral-storage") || name.starts_with("hugepages-")
}

/// True for resources in Kubernetes' own namespace: no prefix, or `kubernetes.io/`.
fn is_native_resource(name: &str) -> bool {
    !name.contains('/') || name.contains("kubernetes.io/")
}

/// `validateResourceRequirements` for a container.
fn validate_resources(
    resources: &ResourceRequirements,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    let limits_path = path.child("limits");
    let requests_path = path.child("requests");
    for (name, quantity) in &resources.limits {
        let item = limits_path.key(name);
        validate_resource_name(name, &item, errors);
        validate_quantity_value(name, quantity, &item, errors);
    }
    for (name, quantity) in &resources.requests {
        let item = requests_path.key(name);
        validate_resource_name(name, &item, errors);
        validate_quantity_value(name, quantity, &item, errors);
        let overcommit = is_native_resource(name) && !name.starts_with("hugepages-");
        match resources.limits.get(name) {
            Some(limit) => {
                if quantity.cmp_value(limit).is_ne() && !overcommit {
                    errors.push(FieldError::invalid(
                        requests_path.clone(),
                        &quantity.to_string(),
                        format!("must be equal to {name} limit of {limit}"),
                    ));
                } else if quantity.cmp_value(limit).is_gt() {
                    errors.push(FieldError::invalid(
                        requests_path.clone(),
                        &quantity.to_string(),
                        format!("must be less than or equal to {name} limit of {limit}"),
                    ));
                }
            }
            None if !overcommit => errors.push(FieldError::required(
                limits_path.clone(),
                "Limit must be set for non overcommitable resources",
            )),
            None => {}
        }
    }
}

/// Resource names upstream accepts without a domain (`standardResources`, abbreviated to those a
/// Pod could name).
fn is_standard_resource(name: &str) -> bool {
    const STANDARD: &[&str] = &[
        "cpu",
        "memory",
        "ephemeral-storage",
        "requests.cpu",
        "requests.memory",
        "requests.ephemeral-storage",
        "limits.cpu",
        "limits.memory",
        "limits.ephemeral-storage",
        "pods",
        "services",
        "replicationcontrollers",
        "resourcequotas",
        "secrets",
        "configmaps",
        "persistentvolumeclaims",
        "storage",
        "requests.storage",
        "services.nodeports",
        "services.loadbalancers",
    ];
    STANDARD.contains(&name)
        || name.starts_with("hugepages-")
        || name.starts_with("requests.hugepages-")
}

/// `validateContainerResourceName` (with `validateResourceName`): a qualified name, then a
/// standard resource, then one a container may use.
fn validate_resource_name(name: &str, path: &FieldPath, errors: &mut Vec<FieldError>) {
    let qualified = is_qualified_name(name);
    let named_badly = !qualified.is_empty();
    for message in qualified {
        errors.push(FieldError::invalid(path.clone(), name, message));
    }
    if !name.contains('/') {
        if !named_badly && !is_standard_resource(name) {
            errors.push(FieldError::invalid(
                path.clone(),
                name,
                "must be a standard resource type or fully qualified",
            ));
        }
        if !is_standard_container_resource(name) {
            errors.push(FieldError::invalid(
                path.clone(),
                name,
                "must be a standard resource for containers",
            ));
        }
    } else if !is_native_resource(name)
        && !is_qualified_name(&format!("requests.{name}")).is_empty()
    {
        errors.push(FieldError::invalid(
            path.clone(),
            name,
            "doesn't follow extended resource name standard",
        ));
    }
}

fn validate_quantity_value(
    name: &str,
    quantity: &Quantity,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    if quantity.is_negative() {
        errors.push(FieldError::invalid(
            path.clone(),
            &quantity.to_string(),
            "must be greater than or equal to 0",
        ));
    }
    if !is_native_resource(name) && quantity.milli_value() % 1000 != 0 {
        errors.push(FieldError::invalid(
            path.clone(),
            &quantity.to_string(),
            "must be an integer",
        ));
    }
}

/// `ValidateSecurityContext` for a container.
fn validate_security_context(
    context: &SecurityContext,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    for (field, id) in [
        ("runAsUser", context.run_as_user),
        ("runAsGroup", context.run_as_group),
    ] {
        if let Some(id) = id {
            for message in is_valid_id(id) {
                errors.push(FieldError::invalid_int(path.child(field), id, message));
            }
        }
    }
    if let Some(proc_mount) = context.proc_mount.as_deref()
        && !matches!(proc_mount, "Default" | "Unmasked")
    {
        errors.push(FieldError::not_supported(
            path.child("procMount"),
            proc_mount,
            &["Default", "Unmasked"],
        ));
    }
    if context.allow_privilege_escalation == Some(false) {
        if context.privileged == Some(true) {
            errors.push(FieldError {
                kind: crate::api::validation::ErrorType::Invalid,
                ..FieldError::forbidden(
                    path.clone(),
                    "cannot set `allowPrivilegeEscalation` to false and `privileged` to true",
                )
            });
        }
        let adds_sys_admin = context
            .capabilities
            .as_ref()
            .is_some_and(|caps| caps.add.iter().any(|cap| cap == "CAP_SYS_ADMIN"));
        if adds_sys_admin {
            errors.push(FieldError {
                kind: crate::api::validation::ErrorType::Invalid,
                ..FieldError::forbidden(
                    path.clone(),
                    "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN",
                )
            });
        }
    }
}

/// Liveness, readiness and startup probes of a container that may have them.
fn validate_probes(container: &Container, path: &FieldPath, errors: &mut Vec<FieldError>) {
    for (field, probe) in [
        ("livenessProbe", &container.liveness_probe),
        ("readinessProbe", &container.readiness_probe),
        ("startupProbe", &container.startup_probe),
    ] {
        let Some(probe) = probe else {
            continue;
        };
        let probe_path = path.child(field);
        validate_probe(probe, &probe_path, errors);
        if field == "readinessProbe" {
            if let Some(grace) = probe.termination_grace_period_seconds {
                errors.push(FieldError::invalid_int(
                    probe_path.child("terminationGracePeriodSeconds"),
                    grace,
                    "must not be set for readinessProbes",
                ));
            }
        } else if let Some(threshold) = probe.success_threshold.filter(|t| *t != 1) {
            errors.push(FieldError::invalid_int(
                probe_path.child("successThreshold"),
                i64::from(threshold),
                "must be 1",
            ));
        }
    }
}

/// `validateProbe`: one handler, non-negative numbers.
fn validate_probe(probe: &Probe, path: &FieldPath, errors: &mut Vec<FieldError>) {
    let handlers = [
        ("exec", probe.exec.is_some()),
        ("httpGet", probe.http_get.is_some()),
        ("tcpSocket", probe.tcp_socket.is_some()),
        ("grpc", probe.grpc.is_some()),
    ];
    if let Some(first) = validate_handler_count(&handlers, path, errors) {
        match first {
            "exec" => {
                if probe
                    .exec
                    .as_ref()
                    .is_some_and(|exec| exec.command.is_empty())
                {
                    errors.push(FieldError::required(
                        path.child("exec").child("command"),
                        "",
                    ));
                }
            }
            "httpGet" => {
                if let Some(get) = &probe.http_get {
                    validate_http_get(get, &path.child("httpGet"), errors);
                }
            }
            "tcpSocket" => {
                if let Some(tcp) = &probe.tcp_socket {
                    validate_port_num_or_name(
                        &tcp.port,
                        &path.child("tcpSocket").child("port"),
                        errors,
                    );
                }
            }
            _ => {
                if let Some(grpc) = &probe.grpc {
                    for message in is_valid_port_num(i64::from(grpc.port)) {
                        errors.push(FieldError::invalid_int(
                            path.child("grpc").child("port"),
                            i64::from(grpc.port),
                            message,
                        ));
                    }
                }
            }
        }
    }
    let numbers = [
        ("initialDelaySeconds", probe.initial_delay_seconds),
        ("timeoutSeconds", probe.timeout_seconds),
        ("periodSeconds", probe.period_seconds),
        ("successThreshold", probe.success_threshold),
        ("failureThreshold", probe.failure_threshold),
    ];
    for (field, value) in numbers {
        if let Some(value) = value.filter(|value| *value < 0) {
            errors.push(FieldError::invalid_int(
                path.child(field),
                i64::from(value),
                "must be greater than or equal to 0",
            ));
        }
    }
    if let Some(grace) = probe
        .termination_grace_period_seconds
        .filter(|grace| *grace <= 0)
    {
        errors.push(FieldError::invalid_int(
            path.child("terminationGracePeriodSeconds"),
            grace,
            "must be greater than 0",
        ));
    }
}

/// Exactly one handler: `Required` for none, `Forbidden` for each one after the first. Returns
/// the first handler set.
fn validate_handler_count(
    handlers: &[(&'static str, bool)],
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) -> Option<&'static str> {
    let mut set = handlers
        .iter()
        .filter(|(_, present)| *present)
        .map(|(name, _)| *name);
    let Some(first) = set.next() else {
        errors.push(FieldError::required(
            path.clone(),
            "must specify a handler type",
        ));
        return None;
    };
    for extra in set {
        errors.push(FieldError::forbidden(
            path.child(extra),
            "may not specify more than 1 handler type",
        ));
    }
    Some(first)
}

fn validate_http_get(get: &HttpGetAction, path: &FieldPath, errors: &mut Vec<FieldError>) {
    if get.path.as_deref().unwrap_or_default().is_empty() {
        errors.push(FieldError::required(path.child("path"), ""));
    }
    validate_port_num_or_name(&get.port, &path.child("port"), errors);
    let scheme = get.scheme.as_deref().unwrap_or_default();
    if !matches!(scheme, "HTTP" | "HTTPS") {
        errors.push(FieldError::not_supported(
            path.child("scheme"),
            scheme,
            &["HTTP", "HTTPS"],
        ));
    }
    for header in &get.http_headers {
        let valid = !header.name.is_empty()
            && header
                .name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !valid {
            errors.push(FieldError::invalid(
                path.child("httpHeaders"),
                &header.name,
                "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')",
            ));
        }
    }
}

/// `ValidatePortNumOrName`.
fn validate_port_num_or_name(port: &IntOrString, path: &FieldPath, errors: &mut Vec<FieldError>) {
    match port {
        IntOrString::Int(number) => {
            for message in is_valid_port_num(i64::from(*number)) {
                errors.push(FieldError::invalid_int(
                    path.clone(),
                    i64::from(*number),
                    message,
                ));
            }
        }
        IntOrString::String(name) => {
            for message in is_valid_port_name(name) {
                errors.push(FieldError::invalid(path.clone(), name, message));
            }
        }
    }
}

/// `validateLifecycle`: the postStart and preStop hooks.
fn validate_lifecycle(
    lifecycle: Option<&Lifecycle>,
    grace: i64,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    let Some(lifecycle) = lifecycle else {
        return;
    };
    for (field, handler) in [
        ("postStart", &lifecycle.post_start),
        ("preStop", &lifecycle.pre_stop),
    ] {
        if let Some(handler) = handler {
            validate_lifecycle_handler(handler, grace, &path.child(field), errors);
        }
    }
}

fn validate_lifecycle_handler(
    handler: &LifecycleHandler,
    grace: i64,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    let handlers = [
        ("exec", handler.exec.is_some()),
        ("httpGet", handler.http_get.is_some()),
        ("tcpSocket", handler.tcp_socket.is_some()),
        ("sleep", handler.sleep.is_some()),
    ];
    match validate_handler_count(&handlers, path, errors) {
        Some("exec")
            if handler
                .exec
                .as_ref()
                .is_some_and(|exec| exec.command.is_empty()) =>
        {
            errors.push(FieldError::required(
                path.child("exec").child("command"),
                "",
            ));
        }
        Some("httpGet") => {
            if let Some(get) = &handler.http_get {
                validate_http_get(get, &path.child("httpGet"), errors);
            }
        }
        Some("tcpSocket") => {
            if let Some(tcp) = &handler.tcp_socket {
                validate_port_num_or_name(
                    &tcp.port,
                    &path.child("tcpSocket").child("port"),
                    errors,
                );
            }
        }
        Some(_) => {
            if let Some(sleep) = &handler.sleep
                && (sleep.seconds < 0 || sleep.seconds > grace)
            {
                errors.push(FieldError::invalid_int(
                    path.child("sleep").child("seconds"),
                    sleep.seconds,
                    format!(
                        "must be non-negative and less than terminationGracePeriodSeconds ({grace})"
                    ),
                ));
            }
        }
        None => {}
    }
}
