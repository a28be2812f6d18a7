//! A scenario: the cluster around the manifest's Pods (its nodes, Services, ConfigMaps and
//! Secrets), and what happens when. It is the cluster's whole input besides the Pods, and
//! travels in share links, so it is serde serialisable and versioned ([`Scenario::VERSION`]).
//!
//! As JSON or YAML (`podplay get --scenario S.yaml`), every field optional:
//!
//! ```yaml
//! version: 1
//! node: {name: node-1, cpu: "2", memory: 4Gi}   # or several: nodes: [{name: a}, {name: b}]
//! services: [mydb]
//! configMaps: {app-config: {LOG_LEVEL: debug}}
//! secrets: {db-pass: {password: s3cret}}
//! horizon: 10m
//! staticPod: false
//! actions:
//! - {at: 30s, do: killContainer, container: app}
//! - {at: 1m, do: failProbe, container: app, probe: liveness}
//! - {at: 2m, do: createService, name: myservice}
//! - {at: 5m, do: deletePod, gracePeriodSeconds: 10}
//! - {at: 6m, do: applyPod}
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::api::quantity::Quantity;
use crate::api::yaml::{self, Resolved, Value};
use crate::base::time::VirtualTime;
use crate::base::timestamp::Timestamp;

/// The most timed actions a scenario may hold.
pub const MAX_ACTIONS: usize = 1_000;
/// The most Services a scenario may name.
pub const MAX_SERVICES: usize = 1_000;
/// The most nodes a cluster may have.
pub const MAX_NODES: usize = 100;
/// The longest scenario text read, in bytes.
pub const MAX_SCENARIO_BYTES: usize = 1024 * 1024;

/// What surrounds the Pod, and the timed actions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Scenario {
    /// The format's version: [`Scenario::VERSION`].
    pub version: u32,
    /// The Pod manifest, when the scenario carries it (a share link does; the CLI reads it from
    /// its own file).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub manifest: String,
    /// The node, when the cluster has one (the one-node form of `nodes`).
    pub node: Node,
    /// The cluster's nodes, when it has several; without this field the cluster is `node`
    /// alone. A node listed without `ip` gets `192.168.49.N`, N = 2 + its index.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub nodes: Vec<Node>,
    /// Services that exist from the start (their names resolve in the Pod).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<String>,
    /// ConfigMaps that exist, by name, with their data. Without this field, every ConfigMap the
    /// Pod names is assumed to exist.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub config_maps: Option<BTreeMap<String, BTreeMap<String, String>>>,
    /// Secrets that exist, by name, with their data (as `stringData`, in plain text). Without
    /// this field, every Secret the Pod names is assumed to exist.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secrets: Option<BTreeMap<String, BTreeMap<String, String>>>,
    /// How long to simulate.
    #[serde(with = "duration")]
    pub horizon: VirtualTime,
    /// The wall-clock time of `kubectl apply`.
    #[serde(with = "timestamp")]
    pub start: Timestamp,
    /// The IP the first Pod on the first node gets; the next Pods there get the next
    /// addresses, and each other node has a range of its own (`10.244.1.x` for the second).
    pub pod_ip: String,
    /// True when the manifest is a file in the kubelet's `staticPodPath`
    /// (`/etc/kubernetes/manifests`) rather than sent to the API server: the kubelet runs it
    /// itself, and the API server shows a mirror Pod (see `cluster::kubelet::static_pod`).
    #[serde(skip_serializing_if = "is_false")]
    pub static_pod: bool,
    /// What happens, and when.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
}

/// A node Pods may run on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Node {
    /// Its name.
    pub name: String,
    /// Its IP address.
    pub ip: String,
    /// Allocatable CPU, in millicores (a quantity such as `"2"` or `500m` in the file).
    #[serde(rename = "cpu", with = "cpu")]
    pub cpu_millis: i128,
    /// Allocatable memory, in bytes (a quantity such as `4Gi` in the file).
    #[serde(rename = "memory", with = "memory")]
    pub memory_bytes: i128,
    /// Its labels, besides the ones the kubelet sets (`kubernetes.io/hostname`,
    /// `kubernetes.io/os`, `kubernetes.io/arch`).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    /// Its taints.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub taints: Vec<Taint>,
}

impl Default for Node {
    fn default() -> Node {
        Node {
            name: "node-1".to_owned(),
            ip: "192.168.49.2".to_owned(),
            cpu_millis: 2_000,
            memory_bytes: 4 * 1024 * 1024 * 1024,
            labels: BTreeMap::new(),
            taints: Vec::new(),
        }
    }
}

impl Node {
    /// The node as the cluster's `index`-th (from 0): one without an address of its own (the
    /// default one, after the first) gets `192.168.49.N`, N = 2 + `index`.
    pub fn numbered(&self, index: usize) -> Node {
        let mut node = self.clone();
        if index > 0 && node.ip == Node::default().ip {
            node.ip = format!("192.168.49.{}", (2 + index).min(254));
        }
        node
    }
}

/// A node's taint: Pods that do not tolerate it are not scheduled there (`NoSchedule`), or
/// avoided (`PreferNoSchedule`), or also evicted (`NoExecute`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Taint {
    /// The key.
    pub key: String,
    /// The value, if any.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub value: String,
    /// `NoSchedule`, `PreferNoSchedule` or `NoExecute`.
    pub effect: String,
}

/// The effects a taint may have.
pub const TAINT_EFFECTS: &[&str] = &["NoSchedule", "PreferNoSchedule", "NoExecute"];

/// Something that happens at an instant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    /// When, after `kubectl apply`.
    #[serde(with = "duration")]
    pub at: VirtualTime,
    /// The Pod an action on a Pod or its containers is about; the manifest's first Pod when
    /// absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pod: Option<String>,
    /// What.
    #[serde(flatten)]
    pub what: What,
}

impl Action {
    /// `what` at `at`, about the manifest's first Pod.
    pub fn new(at: VirtualTime, what: What) -> Action {
        Action {
            at,
            pod: None,
            what,
        }
    }
}

/// The kinds of timed action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "do", rename_all = "camelCase")]
pub enum What {
    /// `kubectl delete pod [--grace-period=N]`; the Pod's `terminationGracePeriodSeconds` when
    /// `None`. Zero removes the object at once (`--grace-period=0 --force`).
    #[serde(rename_all = "camelCase")]
    DeletePod {
        /// `--grace-period`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        grace_period_seconds: Option<i64>,
    },
    /// The container's main process is killed (SIGKILL, exit code 137), as by `kill -9` on the
    /// node; the kubelet restarts it as its restart policy says.
    KillContainer {
        /// The container's name.
        container: String,
    },
    /// From now on, the container's probe of this kind fails.
    FailProbe {
        /// The container's name.
        container: String,
        /// Which probe.
        probe: ProbeKind,
    },
    /// From now on, the container's probe of this kind succeeds.
    PassProbe {
        /// The container's name.
        container: String,
        /// Which probe.
        probe: ProbeKind,
    },
    /// The container's memory use grows past its limit: the kernel's OOM killer ends it.
    ExceedMemory {
        /// The container's name.
        container: String,
    },
    /// From now on, pulling the container's image fails (a typo'd tag, a private registry).
    FailImagePull {
        /// The container's name.
        container: String,
    },
    /// From now on, pulling the container's image works again.
    FixImagePull {
        /// The container's name.
        container: String,
    },
    /// `kubectl apply` of the same manifest again: a Pod of it that was deleted and is gone is
    /// created again (a new UID and a new IP; a naked Pod is never replaced by itself); one that
    /// exists is left as it is (`pod/NAME unchanged`).
    ApplyPod,
    /// The node stops answering (powered off, cut from the network).
    LoseNode {
        /// Which node; the first when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        node: Option<String>,
    },
    /// The node answers again.
    RestoreNode {
        /// Which node; the first when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        node: Option<String>,
    },
    /// A node joins the cluster (`kubeadm join`): its kubelet registers it, and Pods that were
    /// waiting for room may be scheduled there.
    AddNode {
        /// The node.
        node: Node,
    },
    /// `kubectl delete node NAME`: the Node object goes; the Pods bound to it are removed by the
    /// Pod garbage collector.
    RemoveNode {
        /// The node's name.
        node: String,
    },
    /// A static Pod's manifest file is removed from the kubelet's `staticPodPath`: the kubelet
    /// stops the Pod and deletes its mirror Pod. Only for a static Pod.
    RemoveStaticManifest,
    /// `kubectl create service`: the name resolves from now on.
    CreateService {
        /// The Service's name.
        name: String,
    },
    /// `kubectl delete service`: the name no longer resolves.
    DeleteService {
        /// The Service's name.
        name: String,
    },
}

impl What {
    /// The action in a few words, for the timeline's list: `kill container 'app'`.
    pub fn describe(&self) -> String {
        match self {
            What::DeletePod {
                grace_period_seconds: Some(seconds),
            } => format!("kubectl delete pod --grace-period={seconds}"),
            What::DeletePod { .. } => "kubectl delete pod".to_owned(),
            What::KillContainer { container } => format!("kill container '{container}'"),
            What::FailProbe { container, probe } => {
                format!("{} probe of '{container}' fails", probe.as_str())
            }
            What::PassProbe { container, probe } => {
                format!("{} probe of '{container}' passes", probe.as_str())
            }
            What::ExceedMemory { container } => {
                format!("'{container}' goes over its memory limit")
            }
            What::FailImagePull { container } => format!("image pulls of '{container}' fail"),
            What::FixImagePull { container } => format!("image pulls of '{container}' work"),
            What::ApplyPod => "kubectl apply -f -".to_owned(),
            What::LoseNode { node: None } => "the node is lost".to_owned(),
            What::LoseNode { node: Some(node) } => format!("node {node} is lost"),
            What::RestoreNode { node: None } => "the node is back".to_owned(),
            What::RestoreNode { node: Some(node) } => format!("node {node} is back"),
            What::AddNode { node } => format!("node {} joins the cluster", node.name),
            What::RemoveNode { node } => format!("kubectl delete node {node}"),
            What::RemoveStaticManifest => "the manifest file is removed from the node".to_owned(),
            What::CreateService { name } => format!("kubectl create service {name}"),
            What::DeleteService { name } => format!("kubectl delete service {name}"),
        }
    }
}

/// A probe's kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ProbeKind {
    /// `livenessProbe`.
    Liveness,
    /// `readinessProbe`.
    Readiness,
    /// `startupProbe`.
    Startup,
}

impl ProbeKind {
    /// As the kubelet's messages write it: `Liveness`, `Readiness`, `Startup`.
    pub fn as_str(self) -> &'static str {
        match self {
            ProbeKind::Liveness => "Liveness",
            ProbeKind::Readiness => "Readiness",
            ProbeKind::Startup => "Startup",
        }
    }
}

impl Default for Scenario {
    fn default() -> Scenario {
        Scenario {
            version: Scenario::VERSION,
            manifest: String::new(),
            node: Node::default(),
            nodes: Vec::new(),
            services: Vec::new(),
            config_maps: None,
            secrets: None,
            horizon: VirtualTime::from_secs(600),
            start: Timestamp::from_millis(1_767_225_600_000),
            pod_ip: "10.244.0.5".to_owned(),
            static_pod: false,
            actions: Vec::new(),
        }
    }
}

/// A deletion of the Pod, as [`What::DeletePod`] at an instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deletion {
    /// When.
    pub at: VirtualTime,
    /// `--grace-period`, if given.
    pub grace_seconds: Option<i64>,
}

impl Scenario {
    /// The version of the format this build writes and reads.
    pub const VERSION: u32 = 1;

    /// The first `kubectl delete pod` of the manifest's first Pod (a deleted Pod cannot be
    /// deleted again). For a static Pod, the removal of its manifest file: `kubectl delete` only
    /// deletes its mirror, which the kubelet creates again.
    pub fn deletion(&self) -> Option<Deletion> {
        self.actions_in_order()
            .filter(|action| action.pod.is_none())
            .find_map(|action| match action.what {
                What::DeletePod {
                    grace_period_seconds,
                } if !self.static_pod => Some(Deletion {
                    at: action.at,
                    grace_seconds: grace_period_seconds,
                }),
                What::RemoveStaticManifest if self.static_pod => Some(Deletion {
                    at: action.at,
                    grace_seconds: None,
                }),
                _ => None,
            })
    }

    /// The actions sorted by time; actions at the same instant keep their order.
    pub fn actions_in_order(&self) -> impl Iterator<Item = &Action> {
        let mut actions: Vec<&Action> = self.actions.iter().collect();
        crate::base::sorting::sort_by_key(&mut actions, |action| action.at);
        actions.into_iter()
    }

    /// Whether the Service `name` exists at `at`: named in [`Scenario::services`] or created by
    /// an action, and not deleted since.
    pub fn service_exists(&self, name: &str, at: VirtualTime) -> bool {
        let mut exists = self.services.iter().any(|service| service == name);
        for action in self.actions_in_order().take_while(|action| action.at <= at) {
            match &action.what {
                What::CreateService { name: created } if created == name => exists = true,
                What::DeleteService { name: deleted } if deleted == name => exists = false,
                _ => {}
            }
        }
        exists
    }

    /// The cluster's nodes: `nodes`, or `node` alone. A listed node without an `ip` of its own
    /// (the default one, after the first) gets `192.168.49.N`, N = 2 + its index.
    pub fn cluster_nodes(&self) -> Vec<Node> {
        if self.nodes.is_empty() {
            return vec![self.node.clone()];
        }
        self.nodes
            .iter()
            .enumerate()
            .map(|(index, node)| node.numbered(index))
            .collect()
    }

    /// Every Service name the scenario mentions, sorted.
    pub fn service_names(&self) -> Vec<String> {
        let mut names = self.services.clone();
        for action in &self.actions {
            if let What::CreateService { name } | What::DeleteService { name } = &action.what {
                names.push(name.clone());
            }
        }
        names.sort();
        names.dedup();
        names
    }

    /// The scenario as compact JSON, for share links.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a scenario written as JSON.
    pub fn from_json(text: &str) -> Result<Scenario, String> {
        if text.len() > MAX_SCENARIO_BYTES {
            return Err(too_large(text.len()));
        }
        let scenario: Scenario = read_json(text).map_err(|error| format!("scenario: {error}"))?;
        scenario.checked()
    }

    /// Reads a scenario written as YAML (or JSON, which is YAML too).
    pub fn from_yaml(text: &str) -> Result<Scenario, String> {
        if text.len() > MAX_SCENARIO_BYTES {
            return Err(too_large(text.len()));
        }
        let documents = yaml::parse_stream(text).map_err(|error| format!("scenario: {error}"))?;
        let root = match documents.as_slice() {
            [] => serde_json::Value::Object(serde_json::Map::new()),
            [document] => to_json(&document.root),
            _ => return Err("scenario: expected one YAML document".to_owned()),
        };
        let root = if root.is_null() {
            serde_json::Value::Object(serde_json::Map::new())
        } else {
            root
        };
        let scenario: Scenario =
            serde_json::from_value(root).map_err(|error| format!("scenario: {error}"))?;
        scenario.checked()
    }

    /// The scenario if it is one this build can run: a known version, and within the bounds.
    pub fn checked(self) -> Result<Scenario, String> {
        if self.version == 0 || self.version > Scenario::VERSION {
            return Err(format!(
                "scenario: version {} is not one this playground reads (it reads version {})",
                self.version,
                Scenario::VERSION
            ));
        }
        if self.actions.len() > MAX_ACTIONS {
            return Err(format!(
                "scenario: {} actions; at most {MAX_ACTIONS} are allowed",
                self.actions.len()
            ));
        }
        if self.services.len() > MAX_SERVICES {
            return Err(format!(
                "scenario: {} services; at most {MAX_SERVICES} are allowed",
                self.services.len()
            ));
        }
        if self.nodes.len() > MAX_NODES {
            return Err(format!(
                "scenario: {} nodes; at most {MAX_NODES} are allowed",
                self.nodes.len()
            ));
        }
        if !self.nodes.is_empty() && self.node != Node::default() {
            return Err(
                "scenario: give either node (one node) or nodes (a list), not both".to_owned(),
            );
        }
        let mut names = std::collections::BTreeSet::new();
        for node in self.cluster_nodes() {
            check_node(&node)?;
            if !names.insert(node.name.clone()) {
                return Err(format!(
                    "scenario: two nodes are named \"{}\"; node names must be unique",
                    node.name
                ));
            }
        }
        for action in self.actions_in_order() {
            if let What::AddNode { node } = &action.what {
                check_node(node)?;
                if !names.insert(node.name.clone()) {
                    return Err(format!(
                        "scenario: addNode at {}: a node named \"{}\" is already in the cluster",
                        action.at.duration_string(),
                        node.name
                    ));
                }
            }
        }
        Ok(self)
    }
}

/// A node must have a name, some cpu and memory, and taints of known effects.
fn check_node(node: &Node) -> Result<(), String> {
    if node.name.is_empty() {
        return Err("scenario: a node needs a name".to_owned());
    }
    if node.cpu_millis <= 0 || node.memory_bytes <= 0 {
        return Err(if node.name == Node::default().name {
            "scenario: the node needs some cpu and memory".to_owned()
        } else {
            format!("scenario: node {} needs some cpu and memory", node.name)
        });
    }
    for taint in &node.taints {
        if !TAINT_EFFECTS.contains(&taint.effect.as_str()) {
            return Err(format!(
                "scenario: taint {} of node {} has effect \"{}\"; it must be one of NoSchedule, PreferNoSchedule, NoExecute",
                taint.key, node.name, taint.effect
            ));
        }
    }
    Ok(())
}

fn too_large(bytes: usize) -> String {
    format!("scenario: {bytes} bytes; at most {MAX_SCENARIO_BYTES} are read")
}

/// A YAML tree as JSON, scalars typed by YAML 1.1's rules as Kubernetes reads them.
/// Reads JSON text into `T` through a JSON value, as a YAML scenario is read, so that the page
/// carries one compiled reader of scenarios rather than one per input (about 30 KB of wasm).
/// As in YAML, a repeated key keeps its last value; the value tree of the largest text read
/// (`MAX_SCENARIO_BYTES`, or a share link's inflated 1 MiB) stays within a few tens of MB.
pub(crate) fn read_json<T: serde::de::DeserializeOwned>(text: &str) -> serde_json::Result<T> {
    serde_json::from_str::<serde_json::Value>(text).and_then(serde_json::from_value)
}

fn to_json(node: &yaml::Node) -> serde_json::Value {
    use serde_json::Value as Json;
    match &node.value {
        Value::Null => Json::Null,
        Value::Scalar(scalar) => match scalar.resolve() {
            Resolved::Null => Json::Null,
            Resolved::Bool(value) => Json::Bool(value),
            Resolved::Int(value) => i64::try_from(value)
                .map(Json::from)
                .unwrap_or_else(|_| Json::String(scalar.text.clone())),
            Resolved::Float(value) => serde_json::Number::from_f64(value)
                .map(Json::Number)
                .unwrap_or_else(|| Json::String(scalar.text.clone())),
            Resolved::Str => Json::String(scalar.text.clone()),
        },
        Value::Sequence(items) => Json::Array(items.iter().map(to_json).collect()),
        Value::Mapping(entries) => Json::Object(
            entries
                .iter()
                .map(|entry| {
                    let key = entry.key.as_scalar().unwrap_or_default().to_owned();
                    (key, to_json(&entry.value))
                })
                .collect(),
        ),
    }
}

/// Durations as `1m30s`; a bare number means seconds.
mod duration {
    use serde::{Deserializer, Serializer, de::Error};

    use crate::base::time::VirtualTime;

    pub fn serialize<S: Serializer>(at: &VirtualTime, out: S) -> Result<S::Ok, S::Error> {
        out.serialize_str(&at.duration_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(input: D) -> Result<VirtualTime, D::Error> {
        let text = super::text_or_number(input)?;
        VirtualTime::parse_duration(&text).ok_or_else(|| {
            D::Error::custom(format!(
                "invalid duration {text:?}: write it as 45s, 2m, 1m30s or 500ms (at most 24h)"
            ))
        })
    }
}

/// Wall-clock instants as RFC 3339.
mod timestamp {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    use crate::base::timestamp::Timestamp;

    pub fn serialize<S: Serializer>(at: &Timestamp, out: S) -> Result<S::Ok, S::Error> {
        out.serialize_str(&at.to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(input: D) -> Result<Timestamp, D::Error> {
        let text = String::deserialize(input)?;
        Timestamp::parse(&text).ok_or_else(|| {
            D::Error::custom(format!(
                "invalid time {text:?}: write it as RFC 3339, such as 2026-01-01T00:00:00Z"
            ))
        })
    }
}

/// CPU as a Kubernetes quantity: `"2"`, `1500m`.
mod cpu {
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(millis: &i128, out: S) -> Result<S::Ok, S::Error> {
        if millis % 1000 == 0 {
            out.serialize_str(&(millis / 1000).to_string())
        } else {
            out.serialize_str(&format!("{millis}m"))
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(input: D) -> Result<i128, D::Error> {
        super::quantity(input).map(|quantity| quantity.milli_value())
    }
}

/// Memory as a Kubernetes quantity: `4Gi`, `512Mi`.
mod memory {
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &i128, out: S) -> Result<S::Ok, S::Error> {
        const UNITS: [(i128, &str); 4] = [
            (1 << 40, "Ti"),
            (1 << 30, "Gi"),
            (1 << 20, "Mi"),
            (1 << 10, "Ki"),
        ];
        let text = UNITS
            .iter()
            .find(|(size, _)| bytes % size == 0 && *bytes != 0)
            .map_or_else(
                || bytes.to_string(),
                |(size, unit)| format!("{}{unit}", bytes / size),
            );
        out.serialize_str(&text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(input: D) -> Result<i128, D::Error> {
        super::quantity(input).map(|quantity| quantity.value())
    }
}

/// A field written as text or as a number, as text.
fn text_or_number<'de, D: serde::Deserializer<'de>>(input: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum TextOrNumber {
        Text(String),
        Number(serde_json::Number),
    }
    Ok(match TextOrNumber::deserialize(input)? {
        TextOrNumber::Text(text) => text,
        TextOrNumber::Number(number) => number.to_string(),
    })
}

/// A Kubernetes quantity, written as text or as a number.
fn quantity<'de, D: serde::Deserializer<'de>>(input: D) -> Result<Quantity, D::Error> {
    use serde::de::Error;
    let text = text_or_number(input)?;
    Quantity::parse(&text).map_err(|error| {
        D::Error::custom(format!("invalid quantity {text:?}: {}", error.message()))
    })
}

/// For `skip_serializing_if`: a flag that is off is left out.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(flag: &bool) -> bool {
    !*flag
}

#[cfg(test)]
mod tests;
