//! Writing a scenario as compact JSON, for share links: the fields in the format's order, and
//! those left at nothing (an empty list, an absent map, `staticPod: false`) left out, so that
//! reading it back gives the same scenario.

use crate::base::json::{Object, write_list, write_string, write_string_map};
use crate::cluster::scenario::{Action, Node, ProbeKind, RolloutCommand, Scenario, Taint, What};

/// Writes `scenario` into `out`.
pub fn scenario(out: &mut String, scenario: &Scenario) {
    let mut object = Object::open(out);
    object
        .key("version")
        .push_str(&scenario.version.to_string());
    if !scenario.manifest.is_empty() {
        write_string(object.key("manifest"), &scenario.manifest);
    }
    node(object.key("node"), &scenario.node);
    if !scenario.nodes.is_empty() {
        write_list(object.key("nodes"), &scenario.nodes, node);
    }
    if !scenario.services.is_empty() {
        write_list(object.key("services"), &scenario.services, |out, name| {
            write_string(out, name);
        });
    }
    for (key, listed) in [
        ("configMaps", &scenario.config_maps),
        ("secrets", &scenario.secrets),
    ] {
        if let Some(listed) = listed {
            let mut objects = Object::open(object.key(key));
            for (name, data) in listed {
                write_string_map(objects.key(name), data);
            }
            objects.close();
        }
    }
    write_string(object.key("horizon"), &scenario.horizon.duration_string());
    write_string(object.key("start"), &scenario.start.to_string());
    write_string(object.key("podIp"), &scenario.pod_ip);
    if scenario.static_pod {
        object.key("staticPod").push_str("true");
    }
    if !scenario.actions.is_empty() {
        write_list(object.key("actions"), &scenario.actions, action);
    }
    object.close();
}

/// Writes a node: its capacity as Kubernetes quantities (`"2"`, `1500m`, `4Gi`).
fn node(out: &mut String, node: &Node) {
    let mut object = Object::open(out);
    write_string(object.key("name"), &node.name);
    write_string(object.key("ip"), &node.ip);
    write_string(object.key("cpu"), &cpu(node.cpu_millis));
    write_string(object.key("memory"), &memory(node.memory_bytes));
    if !node.labels.is_empty() {
        write_string_map(object.key("labels"), &node.labels);
    }
    if !node.taints.is_empty() {
        write_list(object.key("taints"), &node.taints, taint);
    }
    object.close();
}

/// Writes a taint.
fn taint(out: &mut String, taint: &Taint) {
    let mut object = Object::open(out);
    write_string(object.key("key"), &taint.key);
    if !taint.value.is_empty() {
        write_string(object.key("value"), &taint.value);
    }
    write_string(object.key("effect"), &taint.effect);
    object.close();
}

/// Writes a timed action: `at`, `pod` if it names one, `do` and the action's own fields.
fn action(out: &mut String, action: &Action) {
    let mut object = Object::open(out);
    write_string(object.key("at"), &action.at.duration_string());
    if let Some(pod) = &action.pod {
        write_string(object.key("pod"), pod);
    }
    write_string(object.key("do"), action.what.name());
    match &action.what {
        What::DeletePod {
            grace_period_seconds,
        } => {
            if let Some(seconds) = grace_period_seconds {
                object
                    .key("gracePeriodSeconds")
                    .push_str(&seconds.to_string());
            }
        }
        What::KillContainer { container }
        | What::CrashContainer { container }
        | What::ExceedMemory { container }
        | What::FailImagePull { container }
        | What::FixImagePull { container } => write_string(object.key("container"), container),
        What::Exec { container, command } | What::Debug { container, command } => {
            write_string(object.key("container"), container);
            write_list(object.key("command"), command, |out, word| {
                write_string(out, word)
            });
        }
        What::EndSession { container, code } => {
            write_string(object.key("container"), container);
            object.key("code").push_str(&code.to_string());
        }
        What::FailProbe { container, probe } | What::PassProbe { container, probe } => {
            write_string(object.key("container"), container);
            write_string(object.key("probe"), probe_kind(*probe));
        }
        What::LoseNode { node: name } | What::RestoreNode { node: name } => {
            if let Some(name) = name {
                write_string(object.key("node"), name);
            }
        }
        What::AddNode { node: added } => node(object.key("node"), added),
        What::RemoveNode { node: name } => write_string(object.key("node"), name),
        What::CreateService { name } | What::DeleteService { name } => {
            write_string(object.key("name"), name);
        }
        What::Scale { workload, replicas } => {
            write_string(object.key("workload"), workload);
            object.key("replicas").push_str(&replicas.to_string());
        }
        What::Rollout { workload, command } => {
            write_string(object.key("workload"), workload);
            if let RolloutCommand::Undo {
                to_revision: Some(revision),
            } = command
            {
                object.key("toRevision").push_str(&revision.to_string());
            }
        }
        What::DeleteWorkload { workload, orphan } => {
            write_string(object.key("workload"), workload);
            if *orphan {
                object.key("orphan").push_str("true");
            }
        }
        What::SetImage {
            workload,
            container,
            image,
        } => {
            write_string(object.key("workload"), workload);
            write_string(object.key("container"), container);
            write_string(object.key("image"), image);
        }
        What::Apply { manifest } => write_string(object.key("manifest"), manifest),
        What::Create { command, manifest } => {
            write_string(object.key("command"), command);
            write_string(object.key("manifest"), manifest);
        }
        What::ApplyPod | What::DeleteManifest | What::RemoveStaticManifest => {}
    }
    object.close();
}

/// A probe's kind as `probe:` names it.
fn probe_kind(kind: ProbeKind) -> &'static str {
    match kind {
        ProbeKind::Liveness => "liveness",
        ProbeKind::Readiness => "readiness",
        ProbeKind::Startup => "startup",
    }
}

/// CPU as a Kubernetes quantity: `"2"`, `1500m`.
fn cpu(millis: i128) -> String {
    if millis % 1000 == 0 {
        (millis / 1000).to_string()
    } else {
        format!("{millis}m")
    }
}

/// Memory as a Kubernetes quantity: `4Gi`, `512Mi`, or bytes.
fn memory(bytes: i128) -> String {
    const UNITS: [(i128, &str); 4] = [
        (1 << 40, "Ti"),
        (1 << 30, "Gi"),
        (1 << 20, "Mi"),
        (1 << 10, "Ki"),
    ];
    UNITS
        .iter()
        .find(|(size, _)| bytes % size == 0 && bytes != 0)
        .map_or_else(
            || bytes.to_string(),
            |(size, unit)| format!("{}{unit}", bytes / size),
        )
}
