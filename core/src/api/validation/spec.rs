//! `ValidatePodSpec`: volumes, the Pod-wide fields, and (through `containers`) every container.

use std::collections::BTreeSet;

use crate::api::v1::{DownwardApiVolumeFile, KeyToPath, PodSpec, Toleration, Volume};
use crate::api::validation::containers::{
    validate_containers, validate_ephemeral_containers, validate_init_containers,
};
use crate::api::validation::meta::validate_labels;
use crate::api::validation::names::{
    inclusive_range, is_dns1123_label, is_dns1123_subdomain, is_qualified_name, is_valid_id,
};
use crate::api::validation::{FieldError, FieldPath};

/// `fileModeErrorMsg`.
const FILE_MODE_MESSAGE: &str = "must be a number between 0 and 0777 (octal), both inclusive";

/// Checks a Pod's `spec` at `path`.
pub fn validate_pod_spec(spec: &PodSpec, path: &FieldPath, errors: &mut Vec<FieldError>) {
    if spec.termination_grace_period_seconds.is_none() {
        errors.push(FieldError::required(
            path.child("terminationGracePeriodSeconds"),
            "",
        ));
    }
    let volumes = validate_volumes(&spec.volumes, &path.child("volumes"), errors);
    validate_containers(spec, &volumes, &path.child("containers"), errors);
    validate_init_containers(spec, &volumes, &path.child("initContainers"), errors);
    validate_ephemeral_containers(spec, &volumes, &path.child("ephemeralContainers"), errors);
    validate_host_network(spec, path, errors);
    validate_enum(
        spec.restart_policy.as_deref(),
        &path.child("restartPolicy"),
        &["Always", "OnFailure", "Never"],
        errors,
    );
    validate_enum(
        spec.dns_policy.as_deref(),
        &path.child("dnsPolicy"),
        &["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"],
        errors,
    );
    validate_labels(&spec.node_selector, &path.child("nodeSelector"), errors);
    validate_pod_security_context(spec, &path.child("securityContext"), errors);
    if spec.host_pid && spec.share_process_namespace == Some(true) {
        // Upstream keeps both in the internal PodSecurityContext, hence the path.
        errors.push(FieldError::invalid_json(
            path.child("securityContext").child("shareProcessNamespace"),
            "true".to_owned(),
            "ShareProcessNamespace and HostPID cannot both be enabled",
        ));
    }
    validate_host_aliases(spec, &path.child("hostAliases"), errors);
    if spec.dns_policy.as_deref() == Some("None") && spec.dns_config.is_none() {
        errors.push(FieldError::required(
            path.child("dnsConfig"),
            "must provide `dnsConfig` when `dnsPolicy` is None",
        ));
    }
    for (index, gate) in spec.readiness_gates.iter().enumerate() {
        for message in is_qualified_name(&gate.condition_type) {
            errors.push(FieldError::invalid(
                path.child("readinessGates")
                    .index(index)
                    .child("conditionType"),
                &gate.condition_type,
                message,
            ));
        }
    }
    validate_scheduling_gates(spec, &path.child("schedulingGates"), errors);
    validate_subdomain_name(
        spec.service_account_name.as_deref(),
        &path.child("serviceAccountName"),
        errors,
    );
    validate_subdomain_name(spec.node_name.as_deref(), &path.child("nodeName"), errors);
    if let Some(deadline) = spec.active_deadline_seconds
        && !(1..=i64::from(i32::MAX)).contains(&deadline)
    {
        errors.push(FieldError::invalid_int(
            path.child("activeDeadlineSeconds"),
            deadline,
            inclusive_range(1, i64::from(i32::MAX)),
        ));
    }
    for (field, value) in [("hostname", &spec.hostname), ("subdomain", &spec.subdomain)] {
        if let Some(value) = value.as_deref().filter(|value| !value.is_empty()) {
            for message in is_dns1123_label(value) {
                errors.push(FieldError::invalid(path.child(field), value, message));
            }
        }
    }
    validate_tolerations(&spec.tolerations, &path.child("tolerations"), errors);
    validate_subdomain_name(
        spec.priority_class_name.as_deref(),
        &path.child("priorityClassName"),
        errors,
    );
    if let Some(policy) = spec.preemption_policy.as_deref()
        && !matches!(policy, "Never" | "PreemptLowerPriority")
    {
        errors.push(FieldError::not_supported(
            path.child("preemptionPolicy"),
            policy,
            &["Never", "PreemptLowerPriority"],
        ));
    }
    if let Some(os) = &spec.os
        && !matches!(os.name.as_str(), "linux" | "windows")
    {
        errors.push(FieldError::not_supported(
            path.child("os").child("name"),
            &os.name,
            &["linux", "windows"],
        ));
    }
}

/// A required value from a fixed list: `Required value` when empty, `Unsupported value` otherwise.
pub fn validate_enum(
    value: Option<&str>,
    path: &FieldPath,
    supported: &[&str],
    errors: &mut Vec<FieldError>,
) {
    match value.unwrap_or_default() {
        "" => errors.push(FieldError::required(path.clone(), "")),
        value if supported.contains(&value) => {}
        value => errors.push(FieldError::not_supported(path.clone(), value, supported)),
    }
}

fn validate_subdomain_name(value: Option<&str>, path: &FieldPath, errors: &mut Vec<FieldError>) {
    if let Some(value) = value.filter(|value| !value.is_empty()) {
        for message in is_dns1123_subdomain(value) {
            errors.push(FieldError::invalid(path.clone(), value, message));
        }
    }
}

/// `ValidateVolumes`: names, exactly one source, and each source's own rules. Returns the names of
/// the volumes that passed, which is what volume mounts may refer to.
fn validate_volumes(
    volumes: &[Volume],
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for (index, volume) in volumes.iter().enumerate() {
        let volume_path = path.index(index);
        let name_path = volume_path.child("name");
        let before = errors.len();
        validate_volume_source(volume, &volume_path, errors);
        if volume.name.is_empty() {
            errors.push(FieldError::required(name_path.clone(), ""));
        } else {
            for message in is_dns1123_label(&volume.name) {
                errors.push(FieldError::invalid(
                    name_path.clone(),
                    &volume.name,
                    message,
                ));
            }
        }
        if names.contains(&volume.name) {
            errors.push(FieldError::duplicate(name_path, &volume.name));
        } else if errors.len() == before {
            names.insert(volume.name.clone());
        }
    }
    names
}

fn validate_volume_source(volume: &Volume, path: &FieldPath, errors: &mut Vec<FieldError>) {
    let sources = volume.sources();
    let Some(first) = sources.first() else {
        errors.push(FieldError::required(
            path.clone(),
            "must specify a volume type",
        ));
        return;
    };
    for extra in &sources[1..] {
        // Upstream's paths for a second source: a typo for downwardAPI, and `cephFS`.
        let name = match *extra {
            "downwardAPI" => "downwarAPI",
            "cephfs" => "cephFS",
            other => other,
        };
        errors.push(FieldError::forbidden(
            path.child(name),
            "may not specify more than 1 volume type",
        ));
    }
    let source_path = path.child(first);
    let check_mode = |mode: Option<i32>, path: FieldPath, errors: &mut Vec<FieldError>| {
        if let Some(mode) = mode
            && !(0..=0o777).contains(&mode)
        {
            errors.push(FieldError::invalid_int(
                path,
                i64::from(mode),
                FILE_MODE_MESSAGE,
            ));
        }
    };
    match *first {
        "hostPath" => {
            if let Some(host_path) = &volume.host_path {
                if host_path.path.is_empty() {
                    errors.push(FieldError::required(source_path.child("path"), ""));
                    return;
                }
                if host_path.path.split('/').any(|part| part == "..") {
                    errors.push(FieldError::invalid(
                        source_path.child("path"),
                        &host_path.path,
                        "must not contain '..'",
                    ));
                }
                // Upstream lists these sorted (`sets.List`).
                let kinds = [
                    "",
                    "BlockDevice",
                    "CharDevice",
                    "Directory",
                    "DirectoryOrCreate",
                    "File",
                    "FileOrCreate",
                    "Socket",
                ];
                if let Some(kind) = host_path.kind.as_deref()
                    && !kinds.contains(&kind)
                {
                    errors.push(FieldError::not_supported(
                        source_path.child("type"),
                        kind,
                        &kinds,
                    ));
                }
            }
        }
        "configMap" => {
            if let Some(source) = &volume.config_map {
                if source.name.as_deref().unwrap_or_default().is_empty() {
                    errors.push(FieldError::required(source_path.child("name"), ""));
                }
                validate_items(&source.items, &source_path.child("items"), errors);
                check_mode(
                    source.default_mode,
                    source_path.child("defaultMode"),
                    errors,
                );
            }
        }
        "secret" => {
            if let Some(source) = &volume.secret {
                if source.secret_name.as_deref().unwrap_or_default().is_empty() {
                    errors.push(FieldError::required(source_path.child("secretName"), ""));
                }
                validate_items(&source.items, &source_path.child("items"), errors);
                check_mode(
                    source.default_mode,
                    source_path.child("defaultMode"),
                    errors,
                );
            }
        }
        "persistentVolumeClaim" => {
            if let Some(source) = &volume.persistent_volume_claim
                && source.claim_name.is_empty()
            {
                errors.push(FieldError::required(source_path.child("claimName"), ""));
            }
        }
        "emptyDir" => {
            if let Some(size) = volume
                .empty_dir
                .as_ref()
                .and_then(|e| e.size_limit.as_ref())
                && size.is_negative()
            {
                errors.push(FieldError::forbidden(
                    source_path.child("sizeLimit"),
                    "SizeLimit field must be a valid resource quantity",
                ));
            }
        }
        "projected" => {
            if let Some(source) = &volume.projected {
                for (index, projection) in source.sources.iter().enumerate() {
                    let at = source_path.child("sources").index(index);
                    for (field, keys) in [
                        ("secret", &projection.secret),
                        ("configMap", &projection.config_map),
                    ] {
                        if let Some(keys) = keys {
                            validate_items(&keys.items, &at.child(field).child("items"), errors);
                        }
                    }
                    if let Some(downward) = &projection.downward_api {
                        for file in &downward.items {
                            validate_downward_api_file(file, &at.child("downwardAPI"), errors);
                        }
                    }
                }
                check_mode(
                    source.default_mode,
                    source_path.child("defaultMode"),
                    errors,
                );
            }
        }
        "downwardAPI" => {
            if let Some(source) = &volume.downward_api {
                // Upstream checks each file at the source's path, without an index.
                for file in &source.items {
                    validate_downward_api_file(file, &source_path, errors);
                }
                check_mode(
                    source.default_mode,
                    source_path.child("defaultMode"),
                    errors,
                );
            }
        }
        _ => {}
    }
}

/// `validateKeyToPath` for each item of a ConfigMap or Secret volume (or projection).
fn validate_items(items: &[KeyToPath], path: &FieldPath, errors: &mut Vec<FieldError>) {
    for (index, item) in items.iter().enumerate() {
        let at = path.index(index);
        if item.key.is_empty() {
            errors.push(FieldError::required(at.child("key"), ""));
        }
        if item.path.is_empty() {
            errors.push(FieldError::required(at.child("path"), ""));
        }
        validate_local_non_reserved_path(&item.path, &at.child("path"), errors);
        if let Some(mode) = item.mode.filter(|mode| !(0..=0o777).contains(mode)) {
            errors.push(FieldError::invalid_int(
                at.child("mode"),
                i64::from(mode),
                FILE_MODE_MESSAGE,
            ));
        }
    }
}

/// `validateDownwardAPIVolumeFile`: a relative path, and exactly one of `fieldRef` and
/// `resourceFieldRef`.
fn validate_downward_api_file(
    file: &DownwardApiVolumeFile,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    if file.path.is_empty() {
        errors.push(FieldError::required(path.child("path"), ""));
    }
    validate_local_non_reserved_path(&file.path, &path.child("path"), errors);
    match (&file.field_ref, &file.resource_field_ref) {
        (Some(_), Some(_)) => errors.push(FieldError::invalid(
            path.clone(),
            "resource",
            "fieldRef and resourceFieldRef can not be specified simultaneously",
        )),
        (None, None) => errors.push(FieldError::required(
            path.clone(),
            "one of fieldRef and resourceFieldRef is required",
        )),
        _ => {}
    }
    if let Some(mode) = file.mode.filter(|mode| !(0..=0o777).contains(mode)) {
        errors.push(FieldError::invalid_int(
            path.child("mode"),
            i64::from(mode),
            FILE_MODE_MESSAGE,
        ));
    }
}

/// `ValidateLocalNonReservedPath`: relative, no `..` element, not starting with `..`.
fn validate_local_non_reserved_path(target: &str, path: &FieldPath, errors: &mut Vec<FieldError>) {
    if target.starts_with('/') {
        errors.push(FieldError::invalid(
            path.clone(),
            target,
            "must be a relative path",
        ));
    }
    if target.split('/').any(|part| part == "..") {
        errors.push(FieldError::invalid(
            path.clone(),
            target,
            "must not contain '..'",
        ));
    }
    if target.starts_with("..") && !target.starts_with("../") {
        errors.push(FieldError::invalid(
            path.clone(),
            target,
            "must not start with '..'",
        ));
    }
}

/// `ValidateHostAliases`: each IP an IP address, each hostname a DNS subdomain.
fn validate_host_aliases(spec: &PodSpec, path: &FieldPath, errors: &mut Vec<FieldError>) {
    for (index, alias) in spec.host_aliases.iter().enumerate() {
        let at = path.index(index);
        if !is_ip_address(&alias.ip) {
            errors.push(FieldError::invalid(
                at.child("ip"),
                &alias.ip,
                "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
            ));
        }
        for (host_index, hostname) in alias.hostnames.iter().enumerate() {
            for message in is_dns1123_subdomain(hostname) {
                errors.push(FieldError::invalid(
                    at.child("hostnames").index(host_index),
                    hostname,
                    message,
                ));
            }
        }
    }
}

/// Go's `netip.ParseAddr` without zones: a dotted IPv4 address (no leading zeros) or an IPv6
/// address, `::` and an IPv4 tail allowed. Written out, as the standard library's parser is
/// large for the page.
pub fn is_ip_address(text: &str) -> bool {
    fn is_ipv4(text: &str) -> bool {
        let parts: Vec<&str> = text.split('.').collect();
        parts.len() == 4
            && parts.iter().all(|part| {
                !part.is_empty()
                    && part.len() <= 3
                    && part.bytes().all(|b| b.is_ascii_digit())
                    && (part.len() == 1 || !part.starts_with('0'))
                    && part.parse::<u16>().is_ok_and(|n| n <= 255)
            })
    }
    if !text.contains(':') {
        return is_ipv4(text);
    }
    let (head, tail) = match text.find("::") {
        Some(at) => (&text[..at], Some(&text[at + 2..])),
        None => (text, None),
    };
    if tail.is_some_and(|tail| tail.contains("::")) {
        return false;
    }
    let mut groups = 0;
    for (index, part) in [Some(head), tail].into_iter().flatten().enumerate() {
        if part.is_empty() {
            continue;
        }
        let pieces: Vec<&str> = part.split(':').collect();
        for (at, piece) in pieces.iter().enumerate() {
            let last = at + 1 == pieces.len() && (index == 1 || tail.is_none());
            if last && piece.contains('.') {
                if !is_ipv4(piece) {
                    return false;
                }
                groups += 2;
            } else if piece.is_empty()
                || piece.len() > 4
                || !piece.bytes().all(|b| b.is_ascii_hexdigit())
            {
                return false;
            } else {
                groups += 1;
            }
        }
    }
    if tail.is_some() {
        groups < 8
    } else {
        groups == 8
    }
}

/// With `hostNetwork: true`, each port's hostPort must equal its containerPort.
fn validate_host_network(spec: &PodSpec, path: &FieldPath, errors: &mut Vec<FieldError>) {
    if !spec.host_network {
        return;
    }
    // Upstream checks the regular containers only.
    for (field, containers) in [("containers", &spec.containers)] {
        for (index, container) in containers.iter().enumerate() {
            for (port_index, port) in container.ports.iter().enumerate() {
                let host_port = port.host_port.unwrap_or_default();
                if host_port != port.container_port {
                    errors.push(FieldError::invalid_int(
                        path.child(field)
                            .index(index)
                            .child("ports")
                            .index(port_index)
                            .child("hostPort"),
                        i64::from(host_port),
                        "must match `containerPort` when `hostNetwork` is true",
                    ));
                }
            }
        }
    }
}

fn validate_pod_security_context(spec: &PodSpec, path: &FieldPath, errors: &mut Vec<FieldError>) {
    let Some(context) = &spec.security_context else {
        return;
    };
    let ids = [
        ("runAsUser", context.run_as_user),
        ("runAsGroup", context.run_as_group),
        ("fsGroup", context.fs_group),
    ];
    for (field, id) in ids {
        if let Some(id) = id {
            for message in is_valid_id(id) {
                errors.push(FieldError::invalid_int(path.child(field), id, message));
            }
        }
    }
    for (index, group) in context.supplemental_groups.iter().enumerate() {
        for message in is_valid_id(*group) {
            errors.push(FieldError::invalid_int(
                path.child("supplementalGroups").index(index),
                *group,
                message,
            ));
        }
    }
}

fn validate_scheduling_gates(spec: &PodSpec, path: &FieldPath, errors: &mut Vec<FieldError>) {
    let mut seen = BTreeSet::new();
    for (index, gate) in spec.scheduling_gates.iter().enumerate() {
        let gate_path = path.index(index).child("name");
        for message in is_qualified_name(&gate.name) {
            errors.push(FieldError::invalid(gate_path.clone(), &gate.name, message));
        }
        if !seen.insert(gate.name.as_str()) {
            errors.push(FieldError::duplicate(gate_path, &gate.name));
        }
    }
}

/// `ValidateTolerations`.
fn validate_tolerations(
    tolerations: &[Toleration],
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    for (index, toleration) in tolerations.iter().enumerate() {
        let item = path.index(index);
        let key = toleration.key.as_deref().unwrap_or_default();
        if !key.is_empty() {
            for message in is_qualified_name(key) {
                errors.push(FieldError::invalid(item.child("key"), key, message));
            }
        }
        let operator = toleration.operator.as_deref().unwrap_or_default();
        let value = toleration.value.as_deref().unwrap_or_default();
        if key.is_empty() && operator != "Exists" {
            errors.push(FieldError::invalid(
                item.child("operator"),
                operator,
                "operator must be Exists when `key` is empty, which means \"match all values and all keys\"",
            ));
        }
        let effect = toleration.effect.as_deref().unwrap_or_default();
        if toleration.toleration_seconds.is_some() && effect != "NoExecute" {
            errors.push(FieldError::invalid(
                item.child("effect"),
                effect,
                "effect must be 'NoExecute' when `tolerationSeconds` is set",
            ));
        }
        match operator {
            "" | "Equal" => {
                for message in crate::api::validation::names::is_valid_label_value(value) {
                    errors.push(FieldError::invalid(item.child("operator"), value, message));
                }
            }
            "Exists" => {
                if !value.is_empty() {
                    errors.push(FieldError::invalid(
                        item.child("operator"),
                        value,
                        "value must be empty when `operator` is 'Exists'",
                    ));
                }
            }
            other => errors.push(FieldError::not_supported(
                item.child("operator"),
                other,
                &["Equal", "Exists"],
            )),
        }
        if !effect.is_empty() && !matches!(effect, "NoSchedule" | "PreferNoSchedule" | "NoExecute")
        {
            errors.push(FieldError::not_supported(
                item.child("effect"),
                effect,
                &["NoSchedule", "PreferNoSchedule", "NoExecute"],
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_ip_address;

    // Cases after Go's net/netip TestParseAddr.
    #[test]
    fn ip_addresses() {
        for good in [
            "10.9.8.7",
            "0.0.0.0",
            "2001:db8::ffff",
            "::",
            "::1",
            "1::",
            "::ffff:1.2.3.4",
            "1:2:3:4:5:6:7:8",
            "fe80::1:2",
        ] {
            assert!(is_ip_address(good), "{good}");
        }
        for bad in [
            "10.0.0.300",
            "010.1.1.1",
            "1.2.3",
            "1.2.3.4.5",
            "",
            "a.b.c.d",
            "1:2:3:4:5:6:7:8:9",
            "1::2::3",
            "12345::",
            ":1",
            "1:",
            "::1.2.3",
            "fe80::1%eth0",
            "1:2:3:4:5:6:7::8:9",
        ] {
            assert!(!is_ip_address(bad), "{bad}");
        }
    }
}
