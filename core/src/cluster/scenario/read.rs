//! Reading a scenario from its JSON value (a YAML scenario becomes one first), field by field,
//! with `base::json`'s helpers and serde's words for what is wrong.

use std::collections::BTreeMap;

use crate::api::quantity::Quantity;
use crate::base::json::{
    Json, Read, boolean, list, only, optional, required, signed_64, string, string_map,
    text_or_number, unknown, unsigned,
};
use crate::base::time::VirtualTime;
use crate::base::timestamp::Timestamp;
use crate::cluster::scenario::{Action, Node, ProbeKind, RolloutCommand, Scenario, Taint, What};

/// The fields of a scenario, in the order the format lists them.
const SCENARIO_FIELDS: &[&str] = &[
    "version",
    "manifest",
    "node",
    "nodes",
    "services",
    "configMaps",
    "secrets",
    "horizon",
    "start",
    "podIp",
    "staticPod",
    "actions",
];

/// The fields of a node.
const NODE_FIELDS: &[&str] = &["name", "ip", "cpu", "memory", "labels", "taints"];

/// The fields of a taint.
const TAINT_FIELDS: &[&str] = &["key", "value", "effect"];

/// The kinds of action, as `do:` names them.
const ACTIONS: &[&str] = &[
    "deletePod",
    "killContainer",
    "crashContainer",
    "exec",
    "failProbe",
    "passProbe",
    "exceedMemory",
    "failImagePull",
    "fixImagePull",
    "applyPod",
    "apply",
    "create",
    "deleteManifest",
    "loseNode",
    "restoreNode",
    "addNode",
    "removeNode",
    "removeStaticManifest",
    "createService",
    "deleteService",
    "scale",
    "setImage",
    "deleteWorkload",
    "rolloutUndo",
    "rolloutRestart",
    "rolloutPause",
    "rolloutResume",
];

/// The kinds of probe, as `probe:` names them.
const PROBES: &[&str] = &["liveness", "readiness", "startup"];

/// Reads a scenario; a field left out keeps its default.
pub fn scenario(value: &Json) -> Read<Scenario> {
    let fields = value.object("struct Scenario")?;
    let mut scenario = Scenario::default();
    for (key, value) in fields {
        match key.as_str() {
            "version" => {
                let version = unsigned(value, "u32")?;
                scenario.version = u32::try_from(version)
                    .map_err(|_| format!("invalid value: integer `{version}`, expected u32"))?;
            }
            "manifest" => scenario.manifest = string(value)?,
            "node" => scenario.node = node(value)?,
            "nodes" => scenario.nodes = list(value, node)?,
            "services" => scenario.services = list(value, string)?,
            "configMaps" => scenario.config_maps = configuration(value)?,
            "secrets" => scenario.secrets = configuration(value)?,
            "horizon" => scenario.horizon = duration(value)?,
            "start" => scenario.start = timestamp(value)?,
            "podIp" => scenario.pod_ip = string(value)?,
            "staticPod" => scenario.static_pod = boolean(value)?,
            "actions" => scenario.actions = list(value, action)?,
            other => return Err(unknown("field", other, SCENARIO_FIELDS)),
        }
    }
    Ok(scenario)
}

/// Reads a node; a field left out keeps the default node's.
fn node(value: &Json) -> Read<Node> {
    let fields = value.object("struct Node")?;
    let mut node = Node::default();
    for (key, value) in fields {
        match key.as_str() {
            "name" => node.name = string(value)?,
            "ip" => node.ip = string(value)?,
            "cpu" => node.cpu_millis = quantity(value)?.milli_value(),
            "memory" => node.memory_bytes = quantity(value)?.value(),
            "labels" => node.labels = string_map(value)?,
            "taints" => node.taints = list(value, taint)?,
            other => return Err(unknown("field", other, NODE_FIELDS)),
        }
    }
    Ok(node)
}

/// Reads a taint: a key and an effect, and a value if it has one.
fn taint(value: &Json) -> Read<Taint> {
    let fields = value.object("struct Taint")?;
    only(fields, TAINT_FIELDS)?;
    Ok(Taint {
        key: required(fields, "key", string)?,
        value: optional(fields, "value", string)?.unwrap_or_default(),
        effect: required(fields, "effect", string)?,
    })
}

/// Reads a timed action: `at`, the Pod it is about (`pod`), what it does (`do`) and that
/// action's own fields.
fn action(value: &Json) -> Read<Action> {
    let fields = value.object("struct Action")?;
    let at = required(fields, "at", duration)?;
    let pod = optional(fields, "pod", string)?;
    let kind = required(fields, "do", string)?;
    let (what, own): (What, &[&str]) = match kind.as_str() {
        "deletePod" => (
            What::DeletePod {
                grace_period_seconds: optional(fields, "gracePeriodSeconds", signed_64)?,
            },
            &["gracePeriodSeconds"],
        ),
        "killContainer" => (
            What::KillContainer {
                container: required(fields, "container", string)?,
            },
            &["container"],
        ),
        "crashContainer" => (
            What::CrashContainer {
                container: required(fields, "container", string)?,
            },
            &["container"],
        ),
        "exec" => (
            What::Exec {
                container: required(fields, "container", string)?,
                command: required(fields, "command", |value| list(value, string))?,
            },
            &["container", "command"],
        ),
        "debug" => (
            What::Debug {
                container: required(fields, "container", string)?,
                command: required(fields, "command", |value| list(value, string))?,
            },
            &["container", "command"],
        ),
        "endSession" => (
            What::EndSession {
                container: required(fields, "container", string)?,
                // An exit status is a byte, as the shell's `exit` keeps it.
                code: i32::try_from(required(fields, "code", signed_64)? & 0xff).unwrap_or(0),
            },
            &["container", "code"],
        ),
        "failProbe" | "passProbe" => {
            let container = required(fields, "container", string)?;
            let probe = required(fields, "probe", probe_kind)?;
            let what = if kind == "failProbe" {
                What::FailProbe { container, probe }
            } else {
                What::PassProbe { container, probe }
            };
            (what, &["container", "probe"])
        }
        "exceedMemory" => (
            What::ExceedMemory {
                container: required(fields, "container", string)?,
            },
            &["container"],
        ),
        "failImagePull" => (
            What::FailImagePull {
                container: required(fields, "container", string)?,
            },
            &["container"],
        ),
        "fixImagePull" => (
            What::FixImagePull {
                container: required(fields, "container", string)?,
            },
            &["container"],
        ),
        "applyPod" => (What::ApplyPod, &[]),
        "create" => (
            What::Create {
                command: required(fields, "command", string)?,
                manifest: required(fields, "manifest", string)?,
            },
            &["command", "manifest"],
        ),
        "apply" => (
            What::Apply {
                manifest: required(fields, "manifest", string)?,
            },
            &["manifest"],
        ),
        "deleteManifest" => (What::DeleteManifest, &[]),
        "loseNode" => (
            What::LoseNode {
                node: optional(fields, "node", string)?,
            },
            &["node"],
        ),
        "restoreNode" => (
            What::RestoreNode {
                node: optional(fields, "node", string)?,
            },
            &["node"],
        ),
        "addNode" => (
            What::AddNode {
                node: required(fields, "node", node)?,
            },
            &["node"],
        ),
        "removeNode" => (
            What::RemoveNode {
                node: required(fields, "node", string)?,
            },
            &["node"],
        ),
        "removeStaticManifest" => (What::RemoveStaticManifest, &[]),
        "scale" => (
            What::Scale {
                workload: required(fields, "workload", string)?,
                replicas: i32::try_from(required(fields, "replicas", signed_64)?)
                    .map_err(|_| "replicas is out of range".to_owned())?,
            },
            &["workload", "replicas"],
        ),
        "rolloutUndo" => (
            What::Rollout {
                workload: required(fields, "workload", string)?,
                command: RolloutCommand::Undo {
                    to_revision: optional(fields, "toRevision", signed_64)?,
                },
            },
            &["workload", "toRevision"],
        ),
        "rolloutRestart" | "rolloutPause" | "rolloutResume" => (
            What::Rollout {
                workload: required(fields, "workload", string)?,
                command: match kind.as_str() {
                    "rolloutRestart" => RolloutCommand::Restart,
                    "rolloutPause" => RolloutCommand::Pause,
                    _ => RolloutCommand::Resume,
                },
            },
            &["workload"],
        ),
        "deleteWorkload" => (
            What::DeleteWorkload {
                workload: required(fields, "workload", string)?,
                orphan: optional(fields, "orphan", boolean)?.unwrap_or(false),
            },
            &["workload", "orphan"],
        ),
        "setImage" => (
            What::SetImage {
                workload: required(fields, "workload", string)?,
                container: required(fields, "container", string)?,
                image: required(fields, "image", string)?,
            },
            &["workload", "container", "image"],
        ),
        "createService" => (
            What::CreateService {
                name: required(fields, "name", string)?,
            },
            &["name"],
        ),
        "deleteService" => (
            What::DeleteService {
                name: required(fields, "name", string)?,
            },
            &["name"],
        ),
        other => return Err(unknown("variant", other, ACTIONS)),
    };
    let known: Vec<&str> = ["at", "pod", "do"].iter().chain(own).copied().collect();
    only(fields, &known)?;
    Ok(Action { at, pod, what })
}

/// Reads a probe's kind.
fn probe_kind(value: &Json) -> Read<ProbeKind> {
    match string(value)?.as_str() {
        "liveness" => Ok(ProbeKind::Liveness),
        "readiness" => Ok(ProbeKind::Readiness),
        "startup" => Ok(ProbeKind::Startup),
        other => Err(unknown("variant", other, PROBES)),
    }
}

/// Reads ConfigMaps or Secrets by name, each with its data; `null` is none listed.
fn configuration(value: &Json) -> Read<Option<BTreeMap<String, BTreeMap<String, String>>>> {
    if *value == Json::Null {
        return Ok(None);
    }
    let objects = value.object("a map")?;
    let mut read = BTreeMap::new();
    for (name, data) in objects {
        read.insert(name.clone(), string_map(data)?);
    }
    Ok(Some(read))
}

/// Reads a duration: `1m30s`, or a bare number of seconds.
fn duration(value: &Json) -> Read<VirtualTime> {
    let text = text_or_number(value, "a duration")?;
    VirtualTime::parse_duration(&text).ok_or_else(|| {
        format!("invalid duration {text:?}: write it as 45s, 2m, 1m30s or 500ms (at most 24h)")
    })
}

/// Reads an instant, in RFC 3339, to the whole second (as Kubernetes keeps times, and as the
/// scenario is written back); one outside the years 0000 to 9999 in UTC is refused.
fn timestamp(value: &Json) -> Read<Timestamp> {
    let text = string(value)?;
    let whole = |at: Timestamp| Timestamp::from_millis(at.millis().div_euclid(1000) * 1000);
    Timestamp::parse(&text)
        .map(whole)
        .filter(|at| Timestamp::parse(&at.to_string()) == Some(*at))
        .ok_or_else(|| {
            format!("invalid time {text:?}: write it as RFC 3339, such as 2026-01-01T00:00:00Z")
        })
}

/// Reads a Kubernetes quantity, written as text or as a number.
fn quantity(value: &Json) -> Read<Quantity> {
    let text = text_or_number(value, "a quantity")?;
    Quantity::parse(&text)
        .map_err(|error| format!("invalid quantity {text:?}: {}", error.message()))
}
