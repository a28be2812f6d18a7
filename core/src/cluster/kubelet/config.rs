//! What the kubelet gives a container besides its image (pkg/kubelet/kubelet_pods.go,
//! `makeEnvironmentVariables`, and the configMap, secret, projected and downwardAPI volume
//! plugins): its environment, and the files of the volumes it mounts — from the scenario's
//! ConfigMaps and Secrets, and from the Pod itself.
//!
//! A scenario that lists no ConfigMaps (or no Secrets) assumes that every one the Pod names
//! exists, with a placeholder for each key, and says so in a note. One that lists them is taken
//! at its word: a missing object or key is the kubelet's error.

use std::collections::BTreeMap;

use crate::api::v1::{
    Container, KeySelector, ObjectFieldSelector, Pod, ResourceFieldSelector, Volume,
};
use crate::cluster::scenario::{Node, Scenario};
use crate::cluster::store::{ObjectKind, Store};
use crate::runtime::kubelet_expansion::{MAX_TOTAL_BYTES, expand};

/// Where a container runs: the scenario's ConfigMaps and Secrets, its node and its Pod's IP, as
/// the downward API and the volume plugins read them.
#[derive(Clone, Copy, Debug)]
pub struct Place<'a> {
    /// The scenario: whether it lists ConfigMaps and Secrets at all (when it does not, the
    /// playground assumes each one a Pod names exists).
    pub scenario: &'a Scenario,
    /// The API server's objects: the ConfigMaps and Secrets that exist.
    pub store: &'a Store,
    /// The node the Pod runs on.
    pub node: &'a Node,
    /// The Pod's IP.
    pub pod_ip: &'a str,
}

/// A container's environment and the files its volumes hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContainerConfig {
    /// Environment variables.
    pub env: BTreeMap<String, String>,
    /// Files of its configMap, secret, projected and downwardAPI volumes: (path, content).
    pub files: Vec<(String, String)>,
    /// What was assumed.
    pub notes: Vec<String>,
}

/// The two kinds of configuration object.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    ConfigMap,
    Secret,
}

impl Kind {
    /// As the kubelet's "not found" error names the resource.
    fn resource(self) -> &'static str {
        match self {
            Kind::ConfigMap => "configmap",
            Kind::Secret => "secret",
        }
    }

    /// The store's kind.
    fn object_kind(self) -> ObjectKind {
        match self {
            Kind::ConfigMap => ObjectKind::ConfigMap,
            Kind::Secret => ObjectKind::Secret,
        }
    }

    /// As the kubelet's "couldn't find key" error names the kind.
    fn title(self) -> &'static str {
        match self {
            Kind::ConfigMap => "ConfigMap",
            Kind::Secret => "Secret",
        }
    }
}

/// Looks up ConfigMaps and Secrets in a scenario.
struct Objects<'a> {
    place: &'a Place<'a>,
    namespace: &'a str,
    notes: Vec<String>,
}

impl Objects<'_> {
    /// The object's data: `Ok(None)` when it is missing and optional, an error when it is
    /// missing and required.
    fn get(
        &mut self,
        kind: Kind,
        name: &str,
        optional: bool,
    ) -> Result<Option<BTreeMap<String, String>>, String> {
        if !self.listed(kind) {
            self.notes.push(format!(
                "the {} \"{name}\" is assumed to exist; list it under {} in the scenario to set its data or to see the Pod without it",
                kind.title(),
                match kind {
                    Kind::ConfigMap => "configMaps",
                    Kind::Secret => "secrets",
                }
            ));
            return Ok(Some(BTreeMap::new()));
        }
        match self.place.store.object(kind.object_kind(), name) {
            Some(object) => Ok(Some(object.data.clone())),
            None if optional => Ok(None),
            None => Err(format!("{} \"{name}\" not found", kind.resource())),
        }
    }

    /// One key's value: a placeholder for an assumed object's key.
    fn key(&mut self, kind: Kind, selector: &KeySelector) -> Result<Option<String>, String> {
        let name = selector.name.as_deref().unwrap_or_default();
        let optional = selector.optional.unwrap_or(false);
        let assumed = !self.listed(kind);
        let Some(data) = self.get(kind, name, optional)? else {
            return Ok(None);
        };
        if assumed {
            return Ok(Some(format!(
                "<{} from {} {name}>",
                selector.key,
                kind.title()
            )));
        }
        match data.get(&selector.key) {
            Some(value) => Ok(Some(value.clone())),
            None if optional => Ok(None),
            None => Err(format!(
                "couldn't find key {} in {} {}/{name}",
                selector.key,
                kind.title(),
                self.namespace
            )),
        }
    }

    /// True when the scenario lists objects of `kind`: only those exist. Otherwise the
    /// playground assumes any the Pod names.
    fn listed(&self, kind: Kind) -> bool {
        match kind {
            Kind::ConfigMap => self.place.scenario.config_maps.is_some(),
            Kind::Secret => self.place.scenario.secrets.is_some(),
        }
    }
}

/// The environment and volume files of `container`, or the kubelet's error for a missing
/// ConfigMap or Secret (`CreateContainerConfigError`).
pub fn for_container(
    pod: &Pod,
    container: &Container,
    place: &Place<'_>,
) -> Result<ContainerConfig, String> {
    let namespace = pod.metadata.namespace.as_deref().unwrap_or("default");
    let mut objects = Objects {
        place,
        namespace,
        notes: Vec::new(),
    };
    let mut env: BTreeMap<String, String> = BTreeMap::new();
    // `envFrom` first, in order; `env` after it wins.
    for source in &container.env_from {
        let prefix = source.prefix.as_deref().unwrap_or_default();
        let (kind, named) = match (&source.config_map_ref, &source.secret_ref) {
            (Some(named), _) => (Kind::ConfigMap, named),
            (None, Some(named)) => (Kind::Secret, named),
            (None, None) => continue,
        };
        let name = named.name.as_deref().unwrap_or_default();
        if let Some(data) = objects.get(kind, name, named.optional.unwrap_or(false))? {
            for (key, value) in data {
                env.insert(format!("{prefix}{key}"), value);
            }
        }
    }
    // Self-doubling variables stop expanding once the values reach the kubelet expansion's cap.
    let mut expanded_bytes = 0usize;
    for var in &container.env {
        let value = match (&var.value, &var.value_from) {
            (Some(value), _) if expanded_bytes >= MAX_TOTAL_BYTES => Some(value.clone()),
            (Some(value), _) => {
                let expanded = expand(value, |name| env.get(name).cloned());
                expanded_bytes = expanded_bytes.saturating_add(expanded.len());
                Some(expanded)
            }
            (None, Some(source)) => {
                if let Some(selector) = &source.config_map_key_ref {
                    objects.key(Kind::ConfigMap, selector)?
                } else if let Some(selector) = &source.secret_key_ref {
                    objects.key(Kind::Secret, selector)?
                } else if let Some(field) = &source.field_ref {
                    Some(field_value(pod, field, place))
                } else {
                    source
                        .resource_field_ref
                        .as_ref()
                        .map(|field| resource_value(pod, container, field, place))
                }
            }
            (None, None) => Some(String::new()),
        };
        if let Some(value) = value {
            env.insert(var.name.clone(), value);
        }
    }
    // The `kubernetes` Service's variables; the container's own of the same name win.
    for (name, value) in super::envvars::from_services(&[super::envvars::KUBERNETES]) {
        env.entry(name).or_insert(value);
    }
    let mut files = Vec::new();
    for mount in &container.volume_mounts {
        let Some(volume) = pod.spec.volumes.iter().find(|v| v.name == mount.name) else {
            continue;
        };
        for (path, content) in volume_files(pod, volume, container, &mut objects, place)? {
            files.push((
                format!("{}/{path}", mount.mount_path.trim_end_matches('/')),
                content,
            ));
        }
    }
    let mut notes = objects.notes;
    notes.sort();
    notes.dedup();
    Ok(ContainerConfig { env, files, notes })
}

/// The first volume the kubelet cannot set up, with its error: a required ConfigMap or Secret
/// that the scenario lists objects of, but not this one.
pub fn unmountable_volume(pod: &Pod, place: &Place<'_>) -> Option<(String, String)> {
    let namespace = pod.metadata.namespace.as_deref().unwrap_or("default");
    let mut objects = Objects {
        place,
        namespace,
        notes: Vec::new(),
    };
    let containers: Vec<&Container> = pod
        .spec
        .init_containers
        .iter()
        .chain(&pod.spec.containers)
        .collect();
    for volume in &pod.spec.volumes {
        let Some(container) = containers.first() else {
            break;
        };
        if let Err(error) = volume_files(pod, volume, container, &mut objects, place) {
            return Some((volume.name.clone(), error));
        }
    }
    None
}

/// The files of a configMap, secret, projected or downwardAPI volume, relative to its root.
fn volume_files(
    pod: &Pod,
    volume: &Volume,
    container: &Container,
    objects: &mut Objects<'_>,
    place: &Place<'_>,
) -> Result<Vec<(String, String)>, String> {
    let mut files = Vec::new();
    let add_object = |files: &mut Vec<(String, String)>,
                      objects: &mut Objects<'_>,
                      kind: Kind,
                      name: &str,
                      items: &[crate::api::v1::KeyToPath],
                      optional: bool|
     -> Result<(), String> {
        let assumed = !objects.listed(kind);
        let Some(data) = objects.get(kind, name, optional)? else {
            return Ok(());
        };
        if items.is_empty() {
            if assumed {
                return Ok(());
            }
            files.extend(data);
            return Ok(());
        }
        for item in items {
            match data.get(&item.key) {
                Some(value) => files.push((item.path.clone(), value.clone())),
                None if assumed => files.push((
                    item.path.clone(),
                    format!("<{} from {} {name}>", item.key, kind.title()),
                )),
                None if optional => {}
                None => {
                    return Err(match kind {
                        Kind::ConfigMap => {
                            format!("configmap references non-existent config key: {}", item.key)
                        }
                        Kind::Secret => {
                            format!("secret references non-existent secret key: {}", item.key)
                        }
                    });
                }
            }
        }
        Ok(())
    };
    if let Some(source) = &volume.config_map {
        add_object(
            &mut files,
            objects,
            Kind::ConfigMap,
            source.name.as_deref().unwrap_or_default(),
            &source.items,
            source.optional.unwrap_or(false),
        )?;
    }
    if let Some(source) = &volume.secret {
        add_object(
            &mut files,
            objects,
            Kind::Secret,
            source.secret_name.as_deref().unwrap_or_default(),
            &source.items,
            source.optional.unwrap_or(false),
        )?;
    }
    if let Some(projected) = &volume.projected {
        for source in &projected.sources {
            if let Some(keys) = &source.config_map {
                add_object(
                    &mut files,
                    objects,
                    Kind::ConfigMap,
                    keys.name.as_deref().unwrap_or_default(),
                    &keys.items,
                    keys.optional.unwrap_or(false),
                )?;
            }
            if let Some(keys) = &source.secret {
                add_object(
                    &mut files,
                    objects,
                    Kind::Secret,
                    keys.name.as_deref().unwrap_or_default(),
                    &keys.items,
                    keys.optional.unwrap_or(false),
                )?;
            }
            if let Some(downward) = &source.downward_api {
                for item in &downward.items {
                    files.push((
                        item.path.clone(),
                        downward_value(pod, container, item, place),
                    ));
                }
            }
        }
    }
    if let Some(downward) = &volume.downward_api {
        for item in &downward.items {
            files.push((
                item.path.clone(),
                downward_value(pod, container, item, place),
            ));
        }
    }
    Ok(files)
}

fn downward_value(
    pod: &Pod,
    container: &Container,
    item: &crate::api::v1::DownwardApiVolumeFile,
    place: &Place<'_>,
) -> String {
    if let Some(field) = &item.field_ref {
        field_value(pod, field, place)
    } else if let Some(field) = &item.resource_field_ref {
        resource_value(pod, container, field, place)
    } else {
        String::new()
    }
}

/// A `fieldRef`: the Pod's own fields, as the kubelet fills them in.
fn field_value(pod: &Pod, field: &ObjectFieldSelector, place: &Place<'_>) -> String {
    let path = field.field_path.as_str();
    let map_entry = |map: &BTreeMap<String, String>, prefix: &str| {
        path.strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix("']"))
            .and_then(|key| map.get(key).cloned())
            .unwrap_or_default()
    };
    match path {
        "metadata.name" => pod.name().to_owned(),
        "metadata.namespace" => pod
            .metadata
            .namespace
            .clone()
            .unwrap_or_else(|| "default".to_owned()),
        "metadata.uid" => crate::cluster::uid_of(pod),
        "spec.nodeName" => place.node.name.clone(),
        "spec.serviceAccountName" => pod
            .spec
            .service_account_name
            .clone()
            .unwrap_or_else(|| "default".to_owned()),
        "status.hostIP" | "status.hostIPs" => place.node.ip.clone(),
        "status.podIP" | "status.podIPs" => place.pod_ip.to_owned(),
        "metadata.labels" => format_map(&pod.metadata.labels),
        "metadata.annotations" => format_map(&pod.metadata.annotations),
        _ if path.starts_with("metadata.labels['") => {
            map_entry(&pod.metadata.labels, "metadata.labels['")
        }
        _ if path.starts_with("metadata.annotations['") => {
            map_entry(&pod.metadata.annotations, "metadata.annotations['")
        }
        _ => String::new(),
    }
}

/// A whole label or annotation map as the downward API writes it: `key="value"` lines.
fn format_map(map: &BTreeMap<String, String>) -> String {
    map.iter()
        .map(|(key, value)| format!("{key}=\"{value}\"\n"))
        .collect()
}

/// A `resourceFieldRef`: a request or limit of a container, in units of its divisor (rounded
/// up), the node's allocatable when no limit is set.
fn resource_value(
    pod: &Pod,
    container: &Container,
    field: &ResourceFieldSelector,
    place: &Place<'_>,
) -> String {
    let target = field
        .container_name
        .as_deref()
        .and_then(|name| {
            pod.spec
                .init_containers
                .iter()
                .chain(&pod.spec.containers)
                .find(|c| c.name == name)
        })
        .unwrap_or(container);
    let resources = target.resources.clone().unwrap_or_default();
    let (kind, resource) = field.resource.split_once('.').unwrap_or(("", ""));
    let set = match kind {
        "limits" => &resources.limits,
        _ => &resources.requests,
    };
    let cpu = resource == "cpu";
    let value = set.get(resource).map(|quantity| {
        if cpu {
            quantity.milli_value()
        } else {
            quantity.value()
        }
    });
    let value = value.unwrap_or(match (kind, cpu) {
        ("limits", true) => place.node.cpu_millis,
        ("limits", false) => place.node.memory_bytes,
        _ => 0,
    });
    let divisor = field
        .divisor
        .as_ref()
        .map_or(if cpu { 1000 } else { 1 }, |divisor| {
            if cpu {
                divisor.milli_value()
            } else {
                divisor.value()
            }
        });
    let divisor = divisor.max(1);
    ((value + divisor - 1) / divisor).to_string()
}
