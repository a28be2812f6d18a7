//! A scenario: the cluster around the manifest's Pods (its nodes, Services, ConfigMaps and
//! Secrets), and what happens when. It is the cluster's whole input besides the Pods, and
//! travels in share links, so it is written and read as JSON (`write.rs`, `read.rs`) and
//! versioned ([`Scenario::VERSION`]).
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

use crate::api::yaml;
use crate::base::json::Json;
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

/// What surrounds the Pod, and the timed actions. `read.rs` reads it, `write.rs` writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    /// The format's version: [`Scenario::VERSION`].
    pub version: u32,
    /// The Pod manifest, when the scenario carries it (a share link does; the CLI reads it from
    /// its own file).
    pub manifest: String,
    /// The node, when the cluster has one (the one-node form of `nodes`).
    pub node: Node,
    /// The cluster's nodes, when it has several; without this field the cluster is `node`
    /// alone. A node listed after the first with the default `ip` (or none) gets
    /// `192.168.49.N`, N = 2 + its index; two nodes may not share an address.
    pub nodes: Vec<Node>,
    /// Services that exist from the start (their names resolve in the Pod).
    pub services: Vec<String>,
    /// ConfigMaps that exist, by name, with their data. Without this field, every ConfigMap the
    /// Pod names is assumed to exist.
    pub config_maps: Option<BTreeMap<String, BTreeMap<String, String>>>,
    /// Secrets that exist, by name, with their data (as `stringData`, in plain text). Without
    /// this field, every Secret the Pod names is assumed to exist.
    pub secrets: Option<BTreeMap<String, BTreeMap<String, String>>>,
    /// How long to simulate.
    pub horizon: VirtualTime,
    /// The wall-clock time of `kubectl apply`.
    pub start: Timestamp,
    /// The IP the first Pod on the first node gets; the next Pods there get the next
    /// addresses, and each other node has a range of its own (`10.244.1.x` for the second).
    pub pod_ip: String,
    /// True when the manifest is a file in the kubelet's `staticPodPath`
    /// (`/etc/kubernetes/manifests`) rather than sent to the API server: the kubelet runs it
    /// itself, and the API server shows a mirror Pod (see `cluster::kubelet::static_pod`).
    pub static_pod: bool,
    /// What happens, and when.
    pub actions: Vec<Action>,
}

/// A node Pods may run on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// Its name.
    pub name: String,
    /// Its IP address.
    pub ip: String,
    /// Allocatable CPU, in millicores (a quantity such as `"2"` or `500m` in the file).
    pub cpu_millis: i128,
    /// Allocatable memory, in bytes (a quantity such as `4Gi` in the file).
    pub memory_bytes: i128,
    /// Its labels, besides the ones the kubelet sets (`kubernetes.io/hostname`,
    /// `kubernetes.io/os`, `kubernetes.io/arch`).
    pub labels: BTreeMap<String, String>,
    /// Its taints.
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
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Taint {
    /// The key.
    pub key: String,
    /// The value, if any.
    pub value: String,
    /// `NoSchedule`, `PreferNoSchedule` or `NoExecute`.
    pub effect: String,
}

/// The effects a taint may have.
pub const TAINT_EFFECTS: &[&str] = &["NoSchedule", "PreferNoSchedule", "NoExecute"];

/// Something that happens at an instant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    /// When, after `kubectl apply`.
    pub at: VirtualTime,
    /// The Pod an action on a Pod or its containers is about; the manifest's first Pod when
    /// absent.
    pub pod: Option<String>,
    /// What.
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum What {
    /// `kubectl delete pod [--grace-period=N]`; the Pod's `terminationGracePeriodSeconds` when
    /// `None`. Zero removes the object at once (`--grace-period=0 --force`).
    DeletePod {
        /// `--grace-period`.
        grace_period_seconds: Option<i64>,
    },
    /// The container's main process is killed (SIGKILL, exit code 137), as by `kill -9` on the
    /// node; the kubelet restarts it as its restart policy says.
    KillContainer {
        /// The container's name.
        container: String,
    },
    /// The container's main process fails on its own (exit code 1, reason `Error`), as a
    /// program that crashes does; the kubelet restarts it as its restart policy says.
    CrashContainer {
        /// The container's name.
        container: String,
    },
    /// `kubectl exec POD -c CONTAINER -- COMMAND…` that changed the container: the command runs
    /// in it at that instant; the files it writes stay (in the container's writable layer
    /// until it restarts, in a volume until the Pod goes, seen by the containers that share
    /// it), and a signal it sends ends the process it reaches as the kernel lets it.
    Exec {
        /// The container's name.
        container: String,
        /// The command and its arguments.
        command: Vec<String>,
    },
    /// `kubectl debug POD --image=IMAGE [--target=C] [-i] [-t] [-- COMMAND…]`: an ephemeral
    /// container added to the running Pod (the `pods/ephemeralcontainers` subresource), which
    /// its kubelet starts and never restarts.
    Debug {
        /// The ephemeral container's name (`debugger-xxxxx`, or `-c`'s).
        container: String,
        /// The command as typed, word by word (`kubectl`, `debug`, `-it`, …).
        command: Vec<String>,
    },
    /// The session attached to a container's main process ends (`exit N` typed in the shell
    /// `kubectl debug -it` or `kubectl run -it` opened): the process exits with `code`; an
    /// ephemeral container is not restarted, and the Pod of a `kubectl run --rm` is deleted.
    EndSession {
        /// The container's name.
        container: String,
        /// The exit code.
        code: i32,
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
    /// `kubectl apply -f -` of an edited manifest (an edit made in the editor while the
    /// scenario runs, at the step on screen): each object that exists is updated as the API
    /// server allows, each one that does not is created, and kubectl's answer for each is told.
    Apply {
        /// The edited manifest's text.
        manifest: String,
    },
    /// `kubectl run NAME --image=IMAGE` (and `kubectl create -f -` of a Pod's manifest): each
    /// Pod of `manifest` that does not exist is created (one that does stays as it is).
    Create {
        /// The command as typed, which the timeline shows.
        command: String,
        /// The Pods' manifest.
        manifest: String,
    },
    /// `kubectl delete -f -` of the same manifest: each of its Pods that exists is deleted
    /// (with its grace period), and each of its workload objects with what it owns (the
    /// background cascade).
    DeleteManifest,
    /// The node stops answering (powered off, cut from the network).
    LoseNode {
        /// Which node; the first when absent.
        node: Option<String>,
    },
    /// The node answers again.
    RestoreNode {
        /// Which node; the first when absent.
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
    /// `kubectl scale KIND/NAME --replicas=N`: the workload's `spec.replicas`.
    Scale {
        /// The workload, as kubectl names it: `deployment/web`.
        workload: String,
        /// The replicas wanted.
        replicas: i32,
    },
    /// `kubectl rollout undo|restart|pause|resume KIND/NAME`.
    Rollout {
        /// The workload, as kubectl names it: `deployment/web`.
        workload: String,
        /// What the rollout command does.
        command: RolloutCommand,
    },
    /// `kubectl delete KIND/NAME [--cascade=orphan]`: the workload goes, and with it, unless
    /// orphaned, what it controls (the garbage collector's background cascade).
    DeleteWorkload {
        /// The workload, as kubectl names it: `deployment/web`.
        workload: String,
        /// `--cascade=orphan`: its Pods and ReplicaSets stay, without an owner.
        orphan: bool,
    },
    /// `kubectl set image KIND/NAME CONTAINER=IMAGE`: a new template, which a Deployment rolls
    /// out.
    SetImage {
        /// The workload, as kubectl names it: `deployment/web`.
        workload: String,
        /// The container of the Pod template.
        container: String,
        /// The new image.
        image: String,
    },
}

impl What {
    /// The action's name in a scenario (`do: killContainer`).
    pub fn name(&self) -> &'static str {
        match self {
            What::DeletePod { .. } => "deletePod",
            What::KillContainer { .. } => "killContainer",
            What::CrashContainer { .. } => "crashContainer",
            What::Exec { .. } => "exec",
            What::Debug { .. } => "debug",
            What::EndSession { .. } => "endSession",
            What::FailProbe { .. } => "failProbe",
            What::PassProbe { .. } => "passProbe",
            What::ExceedMemory { .. } => "exceedMemory",
            What::FailImagePull { .. } => "failImagePull",
            What::FixImagePull { .. } => "fixImagePull",
            What::ApplyPod => "applyPod",
            What::Apply { .. } => "apply",
            What::Create { .. } => "create",
            What::DeleteManifest => "deleteManifest",
            What::LoseNode { .. } => "loseNode",
            What::RestoreNode { .. } => "restoreNode",
            What::AddNode { .. } => "addNode",
            What::RemoveNode { .. } => "removeNode",
            What::RemoveStaticManifest => "removeStaticManifest",
            What::CreateService { .. } => "createService",
            What::DeleteService { .. } => "deleteService",
            What::Scale { .. } => "scale",
            What::DeleteWorkload { .. } => "deleteWorkload",
            What::Rollout { command, .. } => command.action_name(),
            What::SetImage { .. } => "setImage",
        }
    }

    /// The action in a few words, for the timeline's list: `kill container 'app'`.
    pub fn describe(&self) -> String {
        match self {
            What::DeletePod {
                grace_period_seconds: Some(seconds),
            } => format!("kubectl delete pod --grace-period={seconds}"),
            What::DeletePod { .. } => "kubectl delete pod".to_owned(),
            What::KillContainer { container } => format!("kill container '{container}'"),
            What::CrashContainer { container } => format!("crash container '{container}'"),
            What::Exec { container, command } => {
                format!("kubectl exec -c {container} -- {}", words(command))
            }
            What::Debug { command, .. } => words(command),
            What::EndSession { container, code } => {
                format!("the session in '{container}' ends: exit {code}")
            }
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
            What::Apply { .. } => "kubectl apply -f - (the edited manifest)".to_owned(),
            What::Create { command, .. } => command.clone(),
            What::DeleteManifest => "kubectl delete -f -".to_owned(),
            What::LoseNode { node: None } => "the node is lost".to_owned(),
            What::LoseNode { node: Some(node) } => format!("node {node} is lost"),
            What::RestoreNode { node: None } => "the node is back".to_owned(),
            What::RestoreNode { node: Some(node) } => format!("node {node} is back"),
            What::AddNode { node } => format!("node {} joins the cluster", node.name),
            What::RemoveNode { node } => format!("kubectl delete node {node}"),
            What::RemoveStaticManifest => "the manifest file is removed from the node".to_owned(),
            What::CreateService { name } => format!("kubectl create service {name}"),
            What::DeleteService { name } => format!("kubectl delete service {name}"),
            What::Scale { workload, replicas } => {
                format!("kubectl scale {workload} --replicas={replicas}")
            }
            What::Rollout { workload, command } => match command {
                RolloutCommand::Undo {
                    to_revision: Some(revision),
                } => format!("kubectl rollout undo {workload} --to-revision={revision}"),
                other => format!("kubectl rollout {} {workload}", other.verb()),
            },
            What::DeleteWorkload { workload, orphan } => format!(
                "kubectl delete {workload}{}",
                if *orphan { " --cascade=orphan" } else { "" }
            ),
            What::SetImage {
                workload,
                container,
                image,
            } => format!("kubectl set image {workload} {container}={image}"),
        }
    }
}

/// `command`'s words as a shell reads them back, each [`quoted`].
fn words(command: &[String]) -> String {
    let words: Vec<String> = command.iter().map(|word| quoted(word)).collect();
    words.join(" ")
}

/// `word` as a shell reads it back: as it is when it holds no special character, else in
/// single quotes (double ones when it holds a single quote).
fn quoted(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_./=:,@%+-".contains(c));
    match (plain, word.contains('\'')) {
        (true, _) => word.to_owned(),
        (false, false) => format!("'{word}'"),
        (false, true) => format!("\"{word}\""),
    }
}

/// What `kubectl rollout` does to a workload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RolloutCommand {
    /// `undo [--to-revision=N]`: the template of revision N, by default the one before.
    Undo {
        /// The revision to go back to.
        to_revision: Option<i64>,
    },
    /// `restart`: the template annotated with `kubectl.kubernetes.io/restartedAt`.
    Restart,
    /// `pause`: `spec.paused`, so changes of the template wait.
    Pause,
    /// `resume`: the rollout goes on.
    Resume,
}

impl RolloutCommand {
    /// The kubectl verb: `undo`, `restart`, `pause`, `resume`.
    pub fn verb(&self) -> &'static str {
        match self {
            RolloutCommand::Undo { .. } => "undo",
            RolloutCommand::Restart => "restart",
            RolloutCommand::Pause => "pause",
            RolloutCommand::Resume => "resume",
        }
    }

    /// The scenario action's name: `rolloutUndo`…
    pub fn action_name(&self) -> &'static str {
        match self {
            RolloutCommand::Undo { .. } => "rolloutUndo",
            RolloutCommand::Restart => "rolloutRestart",
            RolloutCommand::Pause => "rolloutPause",
            RolloutCommand::Resume => "rolloutResume",
        }
    }
}

/// A probe's kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
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
        let mut out = String::new();
        write::scenario(&mut out, self);
        out
    }

    /// Reads a scenario written as JSON (which is YAML too, so this is [`Scenario::from_yaml`]).
    pub fn from_json(text: &str) -> Result<Scenario, String> {
        Scenario::from_yaml(text)
    }

    /// Reads a scenario written as YAML (or JSON).
    pub fn from_yaml(text: &str) -> Result<Scenario, String> {
        if text.len() > MAX_SCENARIO_BYTES {
            return Err(too_large(text.len()));
        }
        let root =
            yaml::single_json_document(text).map_err(|error| format!("scenario: {error}"))?;
        Scenario::from_json_value(&root)
    }

    /// Reads a scenario from its JSON value (`null` is the empty scenario), and checks it.
    pub fn from_json_value(root: &Json) -> Result<Scenario, String> {
        Scenario::read_json_value(root)
            .map_err(|error| format!("scenario: {error}"))?
            .checked()
    }

    /// Reads a scenario from its JSON value (`null` is the empty scenario), unchecked: the error
    /// says what is wrong with the value, without the `scenario:` prefix.
    pub fn read_json_value(root: &Json) -> Result<Scenario, String> {
        match root {
            Json::Null => Ok(Scenario::default()),
            root => read::scenario(root),
        }
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
        let mut addresses = std::collections::BTreeSet::new();
        for node in self.cluster_nodes() {
            check_node(&node)?;
            if !names.insert(node.name.clone()) {
                return Err(format!(
                    "scenario: two nodes are named \"{}\"; node names must be unique",
                    node.name
                ));
            }
            if !addresses.insert(node.ip.clone()) {
                return Err(format!(
                    "scenario: node {} has the address {} of another node; give each node its own ip",
                    node.name, node.ip
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

pub mod debug_command;
mod read;
mod write;

#[cfg(test)]
mod tests;
