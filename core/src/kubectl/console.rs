//! The kubectl console: the commands a learner types (`kubectl get pods [-o
//! wide|yaml|json|name|jsonpath=…|custom-columns=…] [-w]`, `get events [--sort-by=…]`,
//! `describe pod [X]`, `logs X [-c C] [--previous] [-f]`, `top pod`, `delete pod X
//! [--grace-period=N]`, `apply -f -`), quoted as a shell quotes, answered with exactly what
//! kubectl prints, from the renderers, at one instant of a scenario. Commands that change the
//! cluster become scenario actions at that instant; `-f` and `-w` follow the stepper. `render`
//! is also what `podplay get|describe|logs|watch|top|yaml` print.

use crate::api::manifest::Parsed;
use crate::api::workloads::WorkloadKind;
use crate::base::time::VirtualTime;
use crate::cluster::scenario::{Action, Scenario, What};
use crate::cluster::{Observed, ObservedWorkload, observe_all};
use crate::kubectl::attachable_pod;
use crate::kubectl::describe::{DescribeOptions, describe_pod};
use crate::kubectl::describe_workloads::{Around, describe_workload};
use crate::kubectl::events::{self as kubectl_events, Listed, SortBy};
use crate::kubectl::get as kubectl_get;
use crate::kubectl::get_all::Resource;
use crate::kubectl::get_workloads::get_workloads_rows;
use crate::kubectl::jsonpath;
use crate::kubectl::list_options::{ListOptions, add_labels_column, workload_resource};
use crate::kubectl::logs as kubectl_logs;
use crate::kubectl::top as kubectl_top;
use crate::kubectl::yaml as kubectl_yaml;

/// What to print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    /// `kubectl get pods`, or with `wide`, `-o wide`.
    Table {
        /// `-o wide`.
        wide: bool,
    },
    /// `kubectl describe pod`, with times at this offset from UTC (minutes).
    Describe {
        /// The local time zone's offset.
        utc_offset_minutes: i32,
    },
    /// `kubectl logs`.
    Logs {
        /// `-c NAME`.
        container: Option<String>,
        /// `--previous`.
        previous: bool,
    },
    /// `kubectl get pods -w` until the instant.
    Watch,
    /// `kubectl get pod -o yaml`; `list` for `get pods` without a name (a `List`, even of one).
    Yaml {
        /// Print a `List`.
        list: bool,
    },
    /// `kubectl get pod -o json`; `list` as for [`View::Yaml`].
    Json {
        /// Print a `List`.
        list: bool,
    },
    /// `kubectl get pod -o jsonpath=TEMPLATE`, over the object or, with `list`, the `List`.
    JsonPath {
        /// The template.
        template: String,
        /// Over a `List`.
        list: bool,
    },
    /// `kubectl get pods -o custom-columns=SPEC`.
    CustomColumns {
        /// The columns, `HEADER:PATH,…`.
        spec: String,
    },
    /// `kubectl get events`, with `-o wide` and `--sort-by`.
    Events {
        /// `-o wide`.
        wide: bool,
        /// `--sort-by`.
        sort: Option<SortBy>,
    },
    /// `kubectl get pod -o name`: `pod/NAME` per Pod.
    Name,
    /// `kubectl top pod`, with `--containers` one row per container.
    Top {
        /// `--containers`.
        containers: bool,
    },
}

/// `kubectl get events`: the Events about the Pods `pods`, the workload objects `workloads`
/// and the Nodes `nodes` (whose Events are recorded in the default namespace), or kubectl's
/// answer when there are none.
fn events_view(
    pods: &[Observed],
    workloads: &[ObservedWorkload],
    nodes: &[crate::cluster::ObservedNode],
    wide: bool,
    sort: Option<SortBy>,
) -> Result<String, String> {
    let now = pods
        .first()
        .map(|seen| seen.now)
        .or_else(|| workloads.first().map(|seen| seen.now))
        .unwrap_or_default();
    let about_pods = pods.iter().flat_map(|seen| {
        seen.events.iter().map(|event| Listed {
            kind: "pod".to_owned(),
            name: seen.pod.name().to_owned(),
            event: event.clone(),
        })
    });
    let about_workloads = workloads.iter().flat_map(|seen| {
        seen.events.iter().map(|event| Listed {
            kind: seen.object.kind().as_str().to_lowercase(),
            name: seen.object.name().to_owned(),
            event: event.clone(),
        })
    });
    let about_nodes = nodes.iter().flat_map(|node| {
        node.events.iter().map(|event| Listed {
            kind: "node".to_owned(),
            name: node.name.clone(),
            event: event.clone(),
        })
    });
    let events: Vec<Listed> = about_pods
        .chain(about_workloads)
        .chain(about_nodes)
        .collect();
    if events.is_empty() {
        return Err("No resources found in default namespace.".to_owned());
    }
    Ok(kubectl_events::events_table(&events, now, wide, sort))
}

/// What kubectl prints for `view` of the Pods `observed`, or kubectl's error.
pub fn render(view: &View, observed: &[Observed]) -> Result<String, String> {
    match view {
        View::Table { wide } => Ok(kubectl_get::table(&pod_rows(observed, *wide, false))),
        View::Describe { utc_offset_minutes } => Ok(observed
            .iter()
            .map(|seen| {
                let options = DescribeOptions {
                    now: seen.now,
                    utc_offset_minutes: *utc_offset_minutes,
                };
                describe_pod(&seen.pod, &seen.events, options)
            })
            // kubectl separates Pods by two blank lines.
            .collect::<Vec<_>>()
            .join("\n\n")),
        View::Watch => {
            let mut rows = vec![header(false)];
            for seen in observed {
                match &seen.simulation {
                    None => rows.push(row(seen, false)),
                    Some(simulation) => rows.extend(
                        seen.earlier
                            .iter()
                            .chain(std::iter::once(simulation))
                            .flat_map(|simulation| kubectl_get::watch_rows(simulation, seen.now))
                            .map(|row| {
                                vec![row.name, row.ready, row.status, row.restarts, row.age]
                            }),
                    ),
                }
            }
            Ok(kubectl_get::table(&rows))
        }
        View::Logs {
            container,
            previous,
        } => kubectl_logs::logs(observed, container.as_deref(), *previous),
        View::Top { containers } => {
            // Pasted Pods have no metrics-server behind them.
            let mut pods = Vec::new();
            for seen in observed {
                match &seen.simulation {
                    Some(simulation) => pods.push((&seen.pod, &simulation.usage)),
                    None => return Err(kubectl_top::NO_METRICS.to_owned()),
                }
            }
            Ok(kubectl_top::top_pods(&pods, *containers))
        }
        View::Yaml { list } => {
            let pods: Vec<&crate::Pod> = observed.iter().map(|seen| &seen.pod).collect();
            Ok(kubectl_yaml::pods_yaml(&pods, *list))
        }
        View::Json { list } => {
            let pods: Vec<&crate::Pod> = observed.iter().map(|seen| &seen.pod).collect();
            Ok(kubectl_yaml::pods_json(&pods, *list))
        }
        View::JsonPath { template, list } => {
            let pods: Vec<&crate::Pod> = observed.iter().map(|seen| &seen.pod).collect();
            jsonpath::render(template, &kubectl_yaml::pods_value(&pods, *list))
        }
        View::CustomColumns { spec } => {
            let items: Vec<crate::base::json::Json> = observed
                .iter()
                .map(|seen| kubectl_yaml::pods_value(&[&seen.pod], false))
                .collect();
            jsonpath::custom_columns(spec, &items)
        }
        View::Events { wide, sort } => events_view(observed, &[], &[], *wide, *sort),
        View::Name => Ok(observed
            .iter()
            .map(|seen| format!("pod/{}\n", seen.pod.name()))
            .collect()),
    }
}

/// `kubectl get KIND -o yaml|json|name|jsonpath=…|custom-columns=…` of workload objects (a
/// `List` of them unless one is named).
fn workloads_output(
    view: &View,
    objects: &[&crate::api::workloads::Workload],
    list: bool,
) -> Result<String, String> {
    match view {
        View::Yaml { .. } => Ok(kubectl_yaml::workloads_yaml(objects, list)),
        View::Json { .. } => Ok(kubectl_yaml::workloads_json(objects, list)),
        View::JsonPath { template, .. } => {
            jsonpath::render(template, &kubectl_yaml::workloads_value(objects, list))
        }
        View::CustomColumns { spec } => {
            let items: Vec<crate::base::json::Json> = objects
                .iter()
                .map(|object| kubectl_yaml::workloads_value(&[object], false))
                .collect();
            jsonpath::custom_columns(spec, &items)
        }
        View::Name => Ok(objects
            .iter()
            .map(|object| format!("{}/{}\n", object.kind().kind_group(), object.name()))
            .collect()),
        _ => Err(String::new()),
    }
}

fn header(wide: bool) -> Vec<String> {
    let mut header: Vec<String> = kubectl_get::HEADER
        .iter()
        .map(|h| (*h).to_owned())
        .collect();
    if wide {
        header.extend(kubectl_get::WIDE_HEADER.iter().map(|h| (*h).to_owned()));
    }
    header
}

/// The Pods' table, header first, with LABELS when `show_labels`.
fn pod_rows(observed: &[Observed], wide: bool, show_labels: bool) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = std::iter::once(header(wide))
        .chain(observed.iter().map(|seen| row(seen, wide)))
        .collect();
    if show_labels {
        let labels: Vec<_> = observed
            .iter()
            .map(|seen| &seen.pod.metadata.labels)
            .collect();
        add_labels_column(&mut rows, &labels);
    }
    rows
}

fn row(seen: &Observed, wide: bool) -> Vec<String> {
    let row = kubectl_get::pod_row(&seen.pod, seen.now);
    let mut cells = vec![row.name, row.ready, row.status, row.restarts, row.age];
    if wide {
        cells.extend([row.ip, row.node, row.nominated_node, row.readiness_gates]);
    }
    cells
}

/// A console command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// A command that prints: the view, and the Pod named, if one is.
    Show(View, Option<String>),
    /// A command that prints and then follows the stepper (`logs -f`, `get -w`): the same as
    /// [`Command::Show`] at each instant.
    Follow(View, Option<String>),
    /// `kubectl delete pod NAME [--grace-period=N], kubectl delete deployment|statefulset|…/NAME [--cascade=orphan]`.
    Delete {
        /// The Pod.
        name: String,
        /// `--grace-period`.
        grace_period_seconds: Option<i64>,
    },
    /// `kubectl apply -f -` of the editor's manifest.
    Apply,
    /// `kubectl create -f -` of the editor's manifest.
    Create,
    /// `kubectl delete -f -` of the editor's manifest.
    DeleteManifest,
    /// `kubectl exec [-i] [-t] [-q] POD [-c NAME] -- COMMAND [ARG…]`.
    Exec(crate::kubectl::exec::ExecOptions),
    /// `kubectl run NAME --image=IMAGE … [-- ARG…]`.
    Run(crate::kubectl::run::RunOptions),
    /// `kubectl debug [-it] POD --image=IMAGE [--target=C] [-c NAME] [-- COMMAND…]`.
    Debug(crate::kubectl::debug::DebugOptions),
    /// `kubectl attach [-it] POD [-c NAME]`.
    Attach(crate::kubectl::exec::ExecOptions),
    /// `kubectl describe KIND [NAME]` of workloads.
    DescribeWorkloads {
        /// The kind.
        kind: WorkloadKind,
        /// The object named, or all of the kind.
        name: Option<String>,
    },
    /// `kubectl describe pvc [NAME]`.
    DescribeClaims {
        /// The claim named, or all of them.
        name: Option<String>,
    },
    /// `kubectl describe node [NAME]`.
    DescribeNodes {
        /// The Node named, or all of them.
        name: Option<String>,
    },
    /// `kubectl delete KIND NAME [--cascade=orphan]`.
    DeleteWorkload {
        /// The workload.
        workload: (WorkloadKind, String),
        /// `--cascade=orphan`.
        orphan: bool,
    },
    /// `kubectl scale KIND/NAME --replicas=N`.
    Scale {
        /// The workload, `KIND/NAME` with the kind's singular: `deployment/web`.
        workload: (WorkloadKind, String),
        /// `--replicas`.
        replicas: i32,
    },
    /// `kubectl set image KIND/NAME CONTAINER=IMAGE`.
    SetImage {
        /// The workload.
        workload: (WorkloadKind, String),
        /// The container.
        container: String,
        /// The image.
        image: String,
    },
    /// `kubectl rollout history deployment/NAME`.
    RolloutHistory {
        /// The Deployment's name.
        name: String,
    },
    /// `kubectl rollout undo|restart|pause|resume deployment/NAME`, and `rollout restart` of a
    /// StatefulSet or a DaemonSet.
    Rollout {
        /// The workload.
        workload: (WorkloadKind, String),
        /// What it does.
        command: crate::cluster::scenario::RolloutCommand,
    },
    /// `kubectl rollout status deployment|statefulset|daemonset/NAME`.
    RolloutStatus {
        /// The workload.
        workload: (WorkloadKind, String),
    },
    /// `kubectl get persistentvolumeclaims [NAME] [-o wide]`.
    GetClaims {
        /// The claim named, if one is.
        name: Option<String>,
        /// `-o wide`.
        wide: bool,
    },
    /// `kubectl get nodes [NAME] [-o wide]`.
    GetNodes {
        /// The Node named, if one is.
        name: Option<String>,
        /// `-o wide`.
        wide: bool,
    },
    /// `kubectl get all [-o wide]`, `kubectl get deploy,rs,pods [-o wide]`.
    GetMany {
        /// The resources, as named.
        resources: Vec<Resource>,
        /// `-o wide`.
        wide: bool,
    },
    /// A `get` with list flags: `-l SELECTOR`, `--show-labels`.
    Listed {
        /// The `get`.
        command: Box<Command>,
        /// The flags.
        options: ListOptions,
    },
    /// `kubectl get deployments|replicasets|replicationcontrollers|statefulsets|daemonsets|jobs|cronjobs [NAME] [-o wide]`.
    GetWorkloads {
        /// The kind.
        kind: WorkloadKind,
        /// The object named, if one is.
        name: Option<String>,
        /// `-o wide`.
        wide: bool,
        /// `-w`: every change of the rows until now, as a watch prints them.
        watch: bool,
        /// `-o yaml|json|name|jsonpath=…|custom-columns=…`: the objects themselves.
        output: Option<View>,
    },
}

/// What the console supports, for its error message.
pub const SUPPORTED: &str = "kubectl get pods [NAME] [-o wide|yaml|json|name|jsonpath=TEMPLATE|custom-columns=SPEC] [-w], kubectl get all|nodes|pvc [NAME] [-o wide], kubectl get deployments|replicasets|replicationcontrollers|statefulsets|daemonsets|jobs|cronjobs [NAME] [-o wide|yaml|json|name|jsonpath=TEMPLATE|custom-columns=SPEC] [-w], with -l SELECTOR and --show-labels, kubectl scale deployment/NAME --replicas=N, kubectl set image deployment/NAME CONTAINER=IMAGE, kubectl rollout status|history|undo|restart|pause|resume deployment/NAME, kubectl rollout status|restart statefulset|daemonset/NAME, kubectl get events [-o wide] [--sort-by=.lastTimestamp] [-w], kubectl describe pod|node|pvc|deployment|replicaset|statefulset|daemonset|job|cronjob [NAME], kubectl logs NAME|deploy/NAME|job/NAME [-c CONTAINER] [--previous] [-f], kubectl exec [-q] POD|deploy/NAME [-c CONTAINER] -- COMMAND [ARG…], kubectl exec -it POD [-c CONTAINER] -- sh (a shell; exit leaves it), kubectl debug -it POD --image=IMAGE [--target=CONTAINER] [-c NAME] (an ephemeral container), kubectl attach -it POD -c CONTAINER, kubectl run [-it [--rm]] NAME --image=IMAGE [--restart=Never] [--env=K=V] [--port=N] [--labels=K=V] [--command] [--dry-run=client -o yaml|json] [-- ARG…], kubectl top pod [--containers], kubectl delete pod NAME [--grace-period=N], kubectl delete deployment|statefulset|…/NAME [--cascade=orphan], kubectl apply -f -, kubectl create -f -, kubectl delete -f -";

/// The workload `words` name, as kubectl takes it: `deploy/web` or `deployment web`.
fn workload_reference(words: &[&str]) -> Option<(WorkloadKind, String)> {
    let (resource, name) = match words {
        [reference] => reference.split_once('/')?,
        [resource, name] => (*resource, *name),
        _ => return None,
    };
    let kind = WorkloadKind::from_resource(resource)?;
    (!name.is_empty()).then(|| (kind, name.to_owned()))
}

/// Reads the flags of a `get` that prints a table: `-o wide`, and the object's name when the
/// resource argument did not give it; true for `-o wide`. Anything else is `unsupported`.
fn wide_and_name(
    flags: &[&str],
    name: &mut Option<String>,
    unsupported: &dyn Fn() -> String,
) -> Result<bool, String> {
    let mut wide = false;
    let mut rest = flags.iter();
    while let Some(flag) = rest.next() {
        match *flag {
            "-o" | "--output" => match rest.next() {
                Some(&"wide") => wide = true,
                Some(_) => return Err(unsupported()),
                None => return Err("error: flag needs an argument: 'o' in -o".to_owned()),
            },
            "-owide" | "-o=wide" | "--output=wide" => wide = true,
            other if !other.starts_with('-') && name.is_none() => {
                *name = Some(other.to_owned());
            }
            _ => return Err(unsupported()),
        }
    }
    Ok(wide)
}

/// The workload kind a `get` names (`deploy`, `rs/web-1`…).
fn printable_workload(what: &str) -> Option<WorkloadKind> {
    let resource = what.split_once('/').map_or(what, |(resource, _)| resource);
    WorkloadKind::from_resource(resource)
}

/// `items` in name order, or with `name` the one of that name; kubectl's NotFound for
/// `resource` when there is none of that name, `none` when there is none at all.
fn by_name<'a, T>(
    mut items: Vec<&'a T>,
    name: Option<&str>,
    name_of: fn(&T) -> &String,
    resource: &str,
    none: &str,
) -> Result<Vec<&'a T>, String> {
    if let Some(name) = name {
        items.retain(|item| name_of(item) == name);
        if items.is_empty() {
            return Err(format!(
                "Error from server (NotFound): {resource} \"{name}\" not found"
            ));
        }
    }
    if items.is_empty() {
        return Err(none.to_owned());
    }
    crate::base::sorting::sort_by_key(&mut items, |item| name_of(item).clone());
    Ok(items)
}

/// The PersistentVolumeClaims among `objects`.
fn claims_of(objects: &[crate::cluster::ObservedObject]) -> Vec<&crate::cluster::ObservedObject> {
    objects
        .iter()
        .filter(|object| object.kind == crate::cluster::store::ObjectKind::PersistentVolumeClaim)
        .collect()
}

/// The object a `describe RESOURCE[/NAME] [NAME]` names: `Some(None)` for all of the kind,
/// `None` when the words are not one of those forms.
fn described_name(what: &str, rest: &[&str]) -> Option<Option<String>> {
    match (what.split_once('/'), rest) {
        (Some((_, name)), []) => Some(Some(name.to_owned())),
        (None, []) => Some(None),
        (None, [name]) => Some(Some((*name).to_owned())),
        _ => None,
    }
}

/// The ReplicaSets `deployment` controls, among those seen.
fn owned_replica_sets<'a>(
    seen: &'a [ObservedWorkload],
    deployment: &crate::api::workloads::Workload,
) -> Vec<&'a crate::api::workloads::types::ReplicaSet> {
    let objects: Vec<&crate::api::workloads::Workload> =
        seen.iter().map(|seen| &seen.object).collect();
    crate::kubectl::rollout::owned_replica_sets(&objects, deployment)
}

/// The workload of `kind` named `name` among those seen.
fn find_workload<'a>(
    seen: &'a [ObservedWorkload],
    kind: WorkloadKind,
    name: &str,
) -> Option<&'a crate::api::workloads::Workload> {
    seen.iter()
        .map(|seen| &seen.object)
        .find(|object| object.kind() == kind && object.name() == name)
}

/// kubectl's answer for a workload that does not exist:
/// `Error from server (NotFound): deployments.apps "web" not found`.
pub fn workload_not_found(kind: WorkloadKind, name: &str) -> String {
    format!(
        "Error from server (NotFound): {} \"{name}\" not found",
        resource_with_group(kind)
    )
}

/// What kubectl says when no workload of `kind` (named `name`, if given) exists.
pub fn workloads_not_found(kind: WorkloadKind, name: Option<&str>) -> String {
    match name {
        Some(name) => workload_not_found(kind, name),
        None => "No resources found in default namespace.".to_owned(),
    }
}

/// The workloads of `kind` among `seen` (the one named `name`, if given), in name order, or
/// what kubectl says when there are none.
fn workloads_named<'a>(
    seen: &'a [ObservedWorkload],
    kind: WorkloadKind,
    name: Option<&str>,
) -> Result<Vec<&'a crate::api::workloads::Workload>, String> {
    let mut objects: Vec<&crate::api::workloads::Workload> = seen
        .iter()
        .map(|seen| &seen.object)
        .filter(|object| object.kind() == kind && name.is_none_or(|name| object.name() == name))
        .collect();
    if objects.is_empty() {
        return Err(workloads_not_found(kind, name));
    }
    crate::base::sorting::sort_by_key(&mut objects, |object| object.name().to_owned());
    Ok(objects)
}

/// The kind's resource as the API server's errors name it: `deployments.apps`, `jobs.batch`,
/// `replicationcontrollers`.
fn resource_with_group(kind: WorkloadKind) -> String {
    let group = kind
        .api_version()
        .split_once('/')
        .map(|(group, _)| format!(".{group}"))
        .unwrap_or_default();
    format!("{}{group}", kind.resource())
}

/// Splits a command line into words as a shell does: `'…'` and `"…"` quote, a backslash
/// escapes outside single quotes.
pub fn shell_words(line: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => words.extend(word.take()),
            '\'' => {
                let word = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(c) => word.push(c),
                        None => {
                            return Err("unexpected EOF while looking for matching `''".to_owned());
                        }
                    }
                }
            }
            '"' => {
                let word = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(c @ ('"' | '\\' | '$' | '`')) => word.push(c),
                            Some(c) => {
                                word.push('\\');
                                word.push(c);
                            }
                            None => word.push('\\'),
                        },
                        Some(c) => word.push(c),
                        None => {
                            return Err("unexpected EOF while looking for matching `\"'".to_owned());
                        }
                    }
                }
            }
            '\\' => word.get_or_insert_with(String::new).extend(chars.next()),
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    Ok(words)
}

/// The longest command line read.
pub const MAX_LINE: usize = 8 * 1024;

/// Reads a command line, or says why it is not one the console runs.
pub fn parse(line: &str) -> Result<Command, String> {
    if line.len() > MAX_LINE {
        return Err(format!(
            "the command is {} bytes long; this console reads at most {MAX_LINE}",
            line.len()
        ));
    }
    let words = shell_words(line)?;
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let words = match words.as_slice() {
        ["kubectl" | "k", rest @ ..] => rest,
        [] => return Err(String::new()),
        [other, ..] => {
            return Err(format!("{other}: only kubectl runs here. Try: {SUPPORTED}"));
        }
    };
    // `get`'s list flags (`-l`, `--show-labels`) go with any kind listed.
    let (words, options) = match words {
        ["get", rest @ ..] => {
            let (rest, options) = ListOptions::take(rest)?;
            (std::iter::once("get").chain(rest).collect(), options)
        }
        _ => (words.to_vec(), ListOptions::default()),
    };
    let command = parse_words(&words, line)?;
    if options.is_default() {
        return Ok(command);
    }
    let named = match &command {
        Command::Show(_, name) | Command::Follow(_, name) => name.is_some(),
        Command::GetWorkloads { name, .. } | Command::GetNodes { name, .. } => name.is_some(),
        Command::GetMany { .. } => false,
        _ => {
            return Err(format!(
                "this console does not run \"{}\" with -l or --show-labels. Try: kubectl get pods|nodes|deployments|…|all [-o wide] [-l SELECTOR] [--show-labels]",
                line.trim()
            ));
        }
    };
    if named && options.selector.is_some() {
        return Err("error: name cannot be provided when a selector is specified".to_owned());
    }
    Ok(Command::Listed {
        command: Box::new(command),
        options,
    })
}

/// [`parse`] of the words after `kubectl` (and `get`'s list flags).
fn parse_words(words: &[&str], line: &str) -> Result<Command, String> {
    let unsupported = || {
        format!(
            "this console does not run \"{}\". Try: {SUPPORTED}",
            line.trim()
        )
    };
    let pod_word = |word: &str| matches!(word, "pod" | "pods" | "po");
    // Splits `pod/NAME` and `pod NAME`.
    let named = |rest: &[&str]| -> Option<(String, Vec<String>)> {
        let mut name = None;
        let mut flags = Vec::new();
        let mut index = 0;
        while index < rest.len() {
            let word = rest[index];
            if let Some(n) = word
                .strip_prefix("pod/")
                .or_else(|| word.strip_prefix("pods/"))
            {
                name = Some(n.to_owned());
            } else if pod_word(word)
                && name.is_none()
                && index + 1 < rest.len()
                && !rest[index + 1].starts_with('-')
            {
                name = Some(rest[index + 1].to_owned());
                index += 1;
            } else if word.starts_with('-') {
                flags.push(word.to_owned());
            } else if name.is_none() {
                name = Some(word.to_owned());
            } else {
                return None;
            }
            index += 1;
        }
        name.map(|name| (name, flags))
    };
    match words {
        ["get", "events" | "event" | "ev", flags @ ..] => {
            let mut wide = false;
            let mut sort = None;
            let mut watch = false;
            let mut rest = flags.iter();
            while let Some(flag) = rest.next() {
                let value = |name: &str| -> Option<String> {
                    flag.strip_prefix(name)
                        .and_then(|rest| rest.strip_prefix('='))
                        .map(str::to_owned)
                };
                match *flag {
                    "-o" | "--output" => match rest.next() {
                        Some(&"wide") => wide = true,
                        Some(format) => {
                            return Err(output_view(format).err().unwrap_or_else(unsupported));
                        }
                        None => return Err("error: flag needs an argument: 'o' in -o".to_owned()),
                    },
                    "-owide" | "-o=wide" | "--output=wide" => wide = true,
                    "--sort-by" => match rest.next() {
                        Some(path) => sort = Some(SortBy::parse(path)?),
                        None => return Err("error: flag needs an argument: --sort-by".to_owned()),
                    },
                    "-w" | "--watch" => watch = true,
                    _ => match value("--sort-by") {
                        Some(path) => sort = Some(SortBy::parse(&path)?),
                        None => return Err(unsupported()),
                    },
                }
            }
            let view = View::Events { wide, sort };
            Ok(if watch {
                Command::Follow(view, None)
            } else {
                Command::Show(view, None)
            })
        }
        ["scale", rest @ ..] => {
            let mut replicas = None;
            let mut words = Vec::new();
            let mut iter = rest.iter();
            while let Some(word) = iter.next() {
                match *word {
                    "--replicas" => replicas = iter.next().map(|value| (*value).to_owned()),
                    other => match other.strip_prefix("--replicas=") {
                        Some(value) => replicas = Some(value.to_owned()),
                        None if other.starts_with('-') => return Err(unsupported()),
                        None => words.push(other),
                    },
                }
            }
            let workload = workload_reference(&words).ok_or_else(unsupported)?;
            let replicas = replicas
                .and_then(|value| value.parse::<i32>().ok())
                .filter(|replicas| *replicas >= 0)
                .ok_or_else(|| {
                    "error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0".to_owned()
                })?;
            Ok(Command::Scale { workload, replicas })
        }
        ["set", "image", rest @ ..] => {
            let (assignments, words): (Vec<&str>, Vec<&str>) =
                rest.iter().partition(|word| word.contains('='));
            let workload = workload_reference(&words).ok_or_else(unsupported)?;
            let [assignment] = assignments.as_slice() else {
                return Err(unsupported());
            };
            let (container, image) = assignment.split_once('=').ok_or_else(unsupported)?;
            Ok(Command::SetImage {
                workload,
                container: container.to_owned(),
                image: image.to_owned(),
            })
        }
        ["rollout", "history", rest @ ..] => match workload_reference(rest) {
            Some((WorkloadKind::Deployment, name)) => Ok(Command::RolloutHistory { name }),
            _ => Err(unsupported()),
        },
        [
            "rollout",
            verb @ ("undo" | "restart" | "pause" | "resume"),
            rest @ ..,
        ] => {
            use crate::cluster::scenario::RolloutCommand;
            let words: Vec<&str> = rest
                .iter()
                .copied()
                .filter(|w| !w.starts_with('-'))
                .collect();
            let mut to_revision = None;
            for flag in rest.iter().filter(|w| w.starts_with('-')) {
                match flag.strip_prefix("--to-revision=") {
                    Some(value) if *verb == "undo" => {
                        to_revision = Some(value.parse::<i64>().map_err(|_| {
                            format!("error: invalid argument \"{value}\" for \"--to-revision\" flag: strconv.ParseInt: parsing \"{value}\": invalid syntax")
                        })?);
                    }
                    _ => return Err(unsupported()),
                }
            }
            let workload = match workload_reference(&words) {
                Some(workload @ (WorkloadKind::Deployment, _)) => workload,
                Some(workload @ (WorkloadKind::StatefulSet | WorkloadKind::DaemonSet, _))
                    if *verb == "restart" =>
                {
                    workload
                }
                _ => return Err(unsupported()),
            };
            let command = match *verb {
                "undo" => RolloutCommand::Undo { to_revision },
                "restart" => RolloutCommand::Restart,
                "pause" => RolloutCommand::Pause,
                _ => RolloutCommand::Resume,
            };
            Ok(Command::Rollout { workload, command })
        }
        ["rollout", "status", rest @ ..] => match workload_reference(rest) {
            Some(
                workload @ (
                    WorkloadKind::Deployment | WorkloadKind::StatefulSet | WorkloadKind::DaemonSet,
                    _,
                ),
            ) => Ok(Command::RolloutStatus { workload }),
            _ => Err(unsupported()),
        },
        ["get", what, flags @ ..]
            if matches!(
                what.split_once('/').map_or(*what, |(resource, _)| resource),
                "nodes"
                    | "node"
                    | "no"
                    | "persistentvolumeclaims"
                    | "persistentvolumeclaim"
                    | "pvc"
            ) =>
        {
            let mut name = what.split_once('/').map(|(_, name)| name.to_owned());
            let wide = wide_and_name(flags, &mut name, &unsupported)?;
            let resource = what.split_once('/').map_or(*what, |(resource, _)| resource);
            if matches!(resource, "nodes" | "node" | "no") {
                Ok(Command::GetNodes { name, wide })
            } else {
                Ok(Command::GetClaims { name, wide })
            }
        }
        ["get", what, flags @ ..] if *what == "all" || what.contains(',') => {
            let mut resources = Vec::new();
            for word in what.split(',') {
                match word {
                    "all" => resources.extend(crate::kubectl::get_all::ALL),
                    word if pod_word(word) => resources.push(Resource::Pods),
                    word => match printable_workload(word) {
                        Some(kind) => resources.push(Resource::Workload(kind)),
                        None => return Err(unsupported()),
                    },
                }
            }
            let mut name = None;
            let wide = wide_and_name(flags, &mut name, &unsupported)?;
            if name.is_some() {
                return Err(unsupported());
            }
            Ok(Command::GetMany { resources, wide })
        }
        ["get", what, flags @ ..] if printable_workload(what).is_some() => {
            let (resource, mut name) = match what.split_once('/') {
                Some((resource, name)) => (resource, Some(name.to_owned())),
                None => (*what, None),
            };
            let Some(kind) = printable_workload(resource) else {
                return Err(unsupported());
            };
            let watch = flags.iter().any(|flag| matches!(*flag, "-w" | "--watch"));
            let mut rest: Vec<&str> = Vec::new();
            let mut format = None;
            let mut words = flags.iter().copied();
            while let Some(flag) = words.next() {
                match flag {
                    "-w" | "--watch" => {}
                    "-o" | "--output" => match words.next() {
                        Some(value) => format = Some(value),
                        None => return Err("error: flag needs an argument: 'o' in -o".to_owned()),
                    },
                    other => match ["--output=", "-o=", "-o"]
                        .iter()
                        .find_map(|prefix| other.strip_prefix(prefix))
                    {
                        Some(value) => format = Some(value),
                        None => rest.push(other),
                    },
                }
            }
            let output = match format.map(output_view).transpose()? {
                None | Some(View::Table { wide: false }) => None,
                Some(View::Table { wide: true }) => {
                    rest.push("-owide");
                    None
                }
                Some(view) if !watch => Some(view),
                Some(_) => return Err(unsupported()),
            };
            let wide = wide_and_name(&rest, &mut name, &unsupported)?;
            Ok(Command::GetWorkloads {
                kind,
                name,
                wide,
                watch,
                output,
            })
        }
        ["get", what, flags @ ..]
            if pod_word(what) || what.starts_with("pod/") || what.starts_with("pods/") =>
        {
            let mut name = what
                .strip_prefix("pod/")
                .or_else(|| what.strip_prefix("pods/"))
                .map(str::to_owned);
            let mut output = None::<&str>;
            let mut watch = false;
            let mut rest = flags.iter();
            while let Some(flag) = rest.next() {
                match *flag {
                    "-o" | "--output" => match rest.next() {
                        Some(format) => output = Some(format),
                        None => return Err("error: flag needs an argument: 'o' in -o".to_owned()),
                    },
                    "-w" | "--watch" => watch = true,
                    other if other.starts_with("--output=") => {
                        output = Some(&other["--output=".len()..]);
                    }
                    other if other.starts_with("-o=") => output = Some(&other["-o=".len()..]),
                    other if other.starts_with("-o") => output = Some(&other["-o".len()..]),
                    // `pod/NAME` is the Pod; `deploy/NAME`, `job/NAME`… one of the workload's.
                    other if !other.starts_with('-') && name.is_none() => {
                        name = Some(other.strip_prefix("pod/").unwrap_or(other).to_owned());
                    }
                    _ => return Err(unsupported()),
                }
            }
            let list = name.is_none();
            let view = match (watch, output) {
                (true, None) => return Ok(Command::Follow(View::Watch, name)),
                (true, Some(_)) => return Err(unsupported()),
                (false, None) => View::Table { wide: false },
                (false, Some(format)) => match output_view(format)? {
                    View::Yaml { .. } => View::Yaml { list },
                    View::Json { .. } => View::Json { list },
                    View::JsonPath { template, .. } => View::JsonPath { template, list },
                    view => view,
                },
            };
            Ok(Command::Show(view, name))
        }
        // `kubectl describe pod` and `describe pods` without a name describe every Pod.
        ["describe", what, rest @ ..]
            if matches!(
                what.split_once('/').map_or(*what, |(resource, _)| resource),
                "nodes" | "node" | "no"
            ) =>
        {
            let name = described_name(what, rest).ok_or_else(unsupported)?;
            Ok(Command::DescribeNodes { name })
        }
        ["describe", what, rest @ ..]
            if matches!(
                what.split_once('/').map_or(*what, |(resource, _)| resource),
                "persistentvolumeclaims" | "persistentvolumeclaim" | "pvc"
            ) =>
        {
            let name = described_name(what, rest).ok_or_else(unsupported)?;
            Ok(Command::DescribeClaims { name })
        }
        ["describe", what] if printable_workload(what).is_some() => {
            let (kind, name) = match workload_reference(&[what]) {
                Some((kind, name)) => (kind, Some(name)),
                None => (printable_workload(what).ok_or_else(unsupported)?, None),
            };
            Ok(Command::DescribeWorkloads { kind, name })
        }
        ["describe", what, name] if printable_workload(what).is_some() => {
            let (kind, name) = workload_reference(&[what, name]).ok_or_else(unsupported)?;
            Ok(Command::DescribeWorkloads {
                kind,
                name: Some(name),
            })
        }
        ["describe", what] if pod_word(what) => Ok(Command::Show(
            View::Describe {
                utc_offset_minutes: 0,
            },
            None,
        )),
        ["describe", rest @ ..] => match named(rest) {
            Some((name, flags)) if flags.is_empty() => Ok(Command::Show(
                View::Describe {
                    utc_offset_minutes: 0,
                },
                Some(name),
            )),
            _ => Err(unsupported()),
        },
        ["logs", rest @ ..] => {
            let mut container = None;
            let mut previous = false;
            let mut follow = false;
            let mut name = None;
            let mut words = rest.iter();
            while let Some(word) = words.next() {
                match *word {
                    "-c" | "--container" => container = words.next().map(|c| (*c).to_owned()),
                    "-p" | "--previous" => previous = true,
                    "-f" | "--follow" => follow = true,
                    other if other.starts_with("--container=") => {
                        container = Some(other["--container=".len()..].to_owned());
                    }
                    // `pod/NAME` is the Pod; `deploy/NAME`, `job/NAME`… one of the workload's.
                    other if !other.starts_with('-') && name.is_none() => {
                        name = Some(other.strip_prefix("pod/").unwrap_or(other).to_owned());
                    }
                    _ => return Err(unsupported()),
                }
            }
            let view = View::Logs {
                container,
                previous,
            };
            match name {
                Some(name) if follow => Ok(Command::Follow(view, Some(name))),
                Some(name) => Ok(Command::Show(view, Some(name))),
                None => Err(
                    "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.".to_owned(),
                ),
            }
        }
        ["top", what, flags @ ..] if pod_word(what) => match flags {
            [] => Ok(Command::Show(View::Top { containers: false }, None)),
            ["--containers"] => Ok(Command::Show(View::Top { containers: true }, None)),
            _ => Err(unsupported()),
        },
        ["delete", "-f", "-"] => Ok(Command::DeleteManifest),
        ["run", rest @ ..] => match crate::kubectl::run::parse(rest)? {
            Some(options) => Ok(Command::Run(options)),
            None => Err(unsupported()),
        },
        ["exec", rest @ ..] => match crate::kubectl::exec::parse(rest)? {
            Some(options) => Ok(Command::Exec(options)),
            None => Err(unsupported()),
        },
        ["delete", rest @ ..]
            if workload_reference(
                &rest
                    .iter()
                    .copied()
                    .filter(|word| !word.starts_with('-'))
                    .collect::<Vec<_>>(),
            )
            .is_some() =>
        {
            let words: Vec<&str> = rest
                .iter()
                .copied()
                .filter(|w| !w.starts_with('-'))
                .collect();
            let workload = workload_reference(&words).ok_or_else(unsupported)?;
            let mut orphan = false;
            for flag in rest.iter().filter(|word| word.starts_with('-')) {
                // kubectl's `--cascade`: background (the default, also `true`), foreground, or
                // orphan (also `false`).
                match flag.strip_prefix("--cascade=") {
                    Some("orphan" | "false") => orphan = true,
                    Some("background" | "foreground" | "true") => orphan = false,
                    Some(other) => {
                        return Err(format!(
                            "error: invalid cascade value ({other}). Must be \"background\", \"foreground\", or \"orphan\""
                        ));
                    }
                    None if *flag == "--wait=false" => {}
                    None => return Err(unsupported()),
                }
            }
            Ok(Command::DeleteWorkload { workload, orphan })
        }
        ["delete", rest @ ..] => match named(rest) {
            Some((name, flags)) => {
                let mut grace = None;
                for flag in &flags {
                    match flag.strip_prefix("--grace-period=") {
                        Some(value) => match value.parse::<i64>() {
                            Ok(seconds) => grace = Some(seconds.max(0)),
                            Err(_) => {
                                return Err(format!(
                                    "error: invalid argument \"{value}\" for \"--grace-period\" flag: strconv.ParseInt: parsing \"{value}\": invalid syntax"
                                ));
                            }
                        },
                        None if flag == "--force" || flag == "--now" => {
                            grace = Some(if flag == "--now" { 1 } else { 0 });
                        }
                        None => return Err(unsupported()),
                    }
                }
                Ok(Command::Delete {
                    name,
                    grace_period_seconds: grace,
                })
            }
            None => Err(unsupported()),
        },
        ["apply", "-f", "-"] => Ok(Command::Apply),
        ["create", "-f", "-"] => Ok(Command::Create),
        ["attach", rest @ ..] => {
            // attach takes exec's flags, without a command.
            let mut words = rest.to_vec();
            words.extend(["--", "sh"]);
            match crate::kubectl::exec::parse(&words)? {
                Some(options) if !rest.contains(&"--") => Ok(Command::Attach(options)),
                _ => Err(unsupported()),
            }
        }
        ["debug", rest @ ..] => match crate::kubectl::debug::parse(rest)? {
            Some(options) => Ok(Command::Debug(options)),
            None => Err(unsupported()),
        },
        _ => Err(unsupported()),
    }
}

/// Every output format `kubectl get` knows (its `PrintFlags.AllowedFormats`, sorted as kubectl
/// sorts them for its error).
const OUTPUT_FORMATS: &str = "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml";

/// The view of `-o FORMAT`: kubectl's error for a format it does not know, and a plain word for
/// one of kubectl's that this console does not print.
fn output_view(format: &str) -> Result<View, String> {
    let kind = format.split('=').next().unwrap_or_default();
    match format {
        "wide" => Ok(View::Table { wide: true }),
        "yaml" => Ok(View::Yaml { list: false }),
        "json" => Ok(View::Json { list: false }),
        "name" => Ok(View::Name),
        "jsonpath" | "jsonpath=" => {
            Err("error: template format specified but no template given".to_owned())
        }
        "custom-columns" | "custom-columns=" => {
            Err("error: custom-columns format specified but no custom columns given".to_owned())
        }
        _ if kind == "jsonpath" => Ok(View::JsonPath {
            template: format["jsonpath=".len().min(format.len())..].to_owned(),
            list: false,
        }),
        _ if kind == "custom-columns" => Ok(View::CustomColumns {
            spec: format["custom-columns=".len().min(format.len())..].to_owned(),
        }),
        _ if OUTPUT_FORMATS.split(',').any(|known| known == kind) => Err(format!(
            "this console does not print -o {kind}: it prints -o wide, yaml, json, name, jsonpath=… and custom-columns=…"
        )),
        _ => Err(format!(
            "error: unable to match a printer suitable for the output format \"{format}\", allowed formats are: {OUTPUT_FORMATS}"
        )),
    }
}

/// The console's answer to one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    /// What kubectl prints.
    pub text: String,
    /// True when it is an error (kubectl writes it to standard error).
    pub error: bool,
    /// The scenario action the command makes, at the instant it was typed.
    pub action: Option<Action>,
    /// True when the command follows the stepper (`logs -f`, `get -w`): run again at each
    /// instant the stepper shows, it prints what has happened by then.
    pub follow: bool,
    /// The interactive shell open after the command (`kubectl exec -it POD -- sh`): the
    /// console's next lines go to it, after its prompt.
    pub shell: Option<crate::kubectl::exec::ShellHandle>,
}

impl Reply {
    fn out(text: String) -> Reply {
        Reply {
            text,
            error: false,
            action: None,
            follow: false,
            shell: None,
        }
    }

    /// kubectl's answer to a command that changes the cluster, and the scenario action it is.
    fn acting(text: String, action: Action) -> Reply {
        Reply {
            action: Some(action),
            ..Reply::out(text)
        }
    }

    /// An error: kubectl's, or the page's own (a read-only page, a model that is not running).
    pub fn err(text: String) -> Reply {
        Reply {
            text,
            error: true,
            action: None,
            follow: false,
            shell: None,
        }
    }

    /// `kubectl exec`'s answer: its output, the action when it changed the container (at
    /// `at`, on its Pod), and the shell open after it.
    fn exec(reply: crate::kubectl::exec::ExecReply, pod: &str, at: VirtualTime) -> Reply {
        let text = reply.text();
        let action = reply.changed.map(|what| Action {
            at,
            pod: Some(pod.to_owned()),
            what,
        });
        // A line typed into a shell that fails is the shell's business, unless all it said
        // was an error.
        let error = reply.exit != 0
            && (reply.shell.is_none() || reply.lines.iter().all(|(error, _)| *error));
        Reply {
            text: if error {
                text.trim_end_matches('\n').to_owned()
            } else {
                text
            },
            error,
            action,
            follow: false,
            shell: reply
                .shell
                .as_ref()
                .map(crate::kubectl::exec::Shell::handle),
        }
    }
}

/// `kubectl debug`: the ephemeral container added to the Pod as the API server takes it (a
/// scenario action at `at`), kubectl's notices, and with `-i` on a shell, the session attached
/// to it, which waits for the container to run.
fn debug(
    observed: &[Observed],
    options: &crate::kubectl::debug::DebugOptions,
    words: &[String],
    at: VirtualTime,
) -> Reply {
    use crate::kubectl::debug;
    let first: String = debug::first_notices(options)
        .iter()
        .map(|(_, line)| format!("{line}\n"))
        .collect();
    let Some(seen) = observed
        .iter()
        .find(|seen| !seen.gone && seen.pod.name() == options.pod)
    else {
        return Reply::err(format!(
            "{first}Error from server (NotFound): pods \"{}\" not found",
            options.pod
        ));
    };
    let pod = &seen.pod;
    let name = options.container.clone().unwrap_or_else(|| {
        let taken: Vec<&str> = pod
            .all_containers()
            .map(|(_, container)| container.name.as_str())
            .chain(
                pod.spec
                    .ephemeral_containers
                    .iter()
                    .map(|c| c.name.as_str()),
            )
            .collect();
        debug::container_name(&taken, &format!("{}@{}", pod.name(), at.as_millis()))
    });
    let image = options.image.clone().unwrap_or_default();
    let what = What::Debug {
        container: name.clone(),
        command: words.to_vec(),
    };
    let notices = debug::notices(options, &name);
    if let Err(message) = crate::cluster::api_server::with_ephemeral_container(pod, &what) {
        return Reply::err(format!("{first}{message}"));
    }
    let text: String = notices
        .iter()
        .map(|(_, line)| format!("{line}\n"))
        .collect();
    // The session is a shell when the container's program is one: a shell image's own, or a
    // shell named after `--`.
    let shell_program =
        crate::cluster::kubelet::program::interactive_shell(&crate::api::v1::Container {
            image: Some(image.clone()),
            command: options.command.clone(),
            ..Default::default()
        });
    let shell = shell_program.filter(|_| options.stdin).map(|program| {
        crate::kubectl::exec::Shell::attached_to(pod, &name, &program, &image, options.tty).handle()
    });
    Reply {
        shell,
        ..Reply::acting(
            text,
            Action {
                at,
                pod: Some(pod.name().to_owned()),
                what,
            },
        )
    }
}

/// `kubectl run -i [-t] [--rm] NAME …`: the Pod created (the scenario action `create`), then a
/// session attached to its container's shell, which waits for it to run; `--rm` deletes the
/// Pod when the session ends. A session with a program that is not a shell is not simulated.
fn run_attached(line: &str, options: &crate::kubectl::run::RunOptions, at: VirtualTime) -> Reply {
    let pod = crate::kubectl::run::pod(options);
    let shell = pod
        .spec
        .containers
        .first()
        .and_then(crate::cluster::kubelet::program::interactive_shell)
        .filter(|_| options.stdin);
    let Some(program) = shell else {
        return Reply::err(format!(
            "podplay: kubectl run with a session is simulated for a shell (kubectl run -it {} --image=busybox -- sh); for another program, run it without -i, -t, --attach and --rm, then kubectl logs {}",
            options.name, options.name
        ));
    };
    let mut text = format!("{}\n", crate::kubectl::exec::RECORDED);
    if options.tty {
        text.push_str(crate::kubectl::exec::PROMPT_HINT);
        text.push('\n');
    }
    let mut shell = crate::kubectl::exec::Shell::attached_to(
        &pod,
        &options.name,
        &program,
        &options.image,
        options.tty,
    );
    shell.remove = options.rm;
    Reply {
        shell: Some(shell.handle()),
        ..Reply::acting(
            text,
            Action::new(
                at,
                What::Create {
                    command: line.trim().to_owned(),
                    manifest: crate::kubectl::run::manifest(options),
                },
            ),
        )
    }
}

/// Runs `line` in the interactive shell `shell` (opened by `kubectl exec -it`), against the
/// text's Pods in `scenario`, `at` after `kubectl apply`.
pub fn run_in_shell(
    line: &str,
    shell: &crate::kubectl::exec::Shell,
    parsed: &Parsed,
    scenario: &Scenario,
    at: VirtualTime,
) -> Reply {
    let pasted_now = scenario
        .start
        .plus_millis(i64::try_from(at.as_millis()).unwrap_or(i64::MAX));
    let observation = observe_all(parsed, scenario, at, pasted_now);
    let reply = crate::kubectl::exec::shell_line(&observation.pods, shell, line);
    Reply::exec(reply, &shell.pod, at)
}

/// Runs `line` against the text's Pods in `scenario`, `at` after `kubectl apply`.
pub fn run(line: &str, parsed: &Parsed, scenario: &Scenario, at: VirtualTime) -> Reply {
    let command = match parse(line) {
        Ok(command) => command,
        Err(message) => return Reply::err(message),
    };
    let pasted_now = scenario
        .start
        .plus_millis(i64::try_from(at.as_millis()).unwrap_or(i64::MAX));
    let mut observation = observe_all(parsed, scenario, at, pasted_now);
    // `-l`: the API server lists only the objects the selector matches.
    let (command, options) = match command {
        Command::Listed { command, options } => (*command, options),
        command => (command, ListOptions::default()),
    };
    if options.selector.is_some() {
        let resource = match &command {
            Command::GetWorkloads { kind, .. } => workload_resource(*kind),
            Command::GetNodes { .. } => "/v1, Resource=nodes".to_owned(),
            _ => "/v1, Resource=pods".to_owned(),
        };
        let selector = match options.selector(&resource) {
            Ok(selector) => selector,
            Err(message) => return Reply::err(message),
        };
        observation
            .pods
            .retain(|seen| selector.matches(&seen.pod.metadata.labels));
        observation
            .workloads
            .retain(|seen| selector.matches(&seen.object.metadata().labels));
        observation
            .nodes
            .retain(|node| selector.matches(&node.labels));
        observation.workload_versions.retain(|versions| {
            versions
                .last()
                .is_some_and(|(_, object)| selector.matches(&object.metadata().labels))
        });
    }
    let show_labels = options.show_labels;
    let mut observed = observation.pods;
    let not_found = |name: &str| format!("Error from server (NotFound): pods \"{name}\" not found");
    let (command, follow) = match command {
        Command::Follow(view, name) => (Command::Show(view, name), true),
        command => (command, false),
    };
    match command {
        Command::Follow(..) => Reply::err(String::new()),
        Command::Show(View::Events { wide, sort }, None) => {
            match events_view(
                &observed,
                &observation.workloads,
                &observation.nodes,
                wide,
                sort,
            ) {
                Ok(text) => Reply::out(text),
                Err(message) => Reply::err(message),
            }
        }
        Command::Show(view @ View::Logs { .. }, Some(reference))
            if workload_reference(&[reference.as_str()]).is_some() =>
        {
            let Some((kind, name)) = workload_reference(&[reference.as_str()]) else {
                return Reply::err(not_found(&reference));
            };
            let Some(workload) = find_workload(&observation.workloads, kind, &name) else {
                return Reply::err(workload_not_found(kind, &name));
            };
            observed.retain(|seen| !seen.gone);
            let pods: Vec<&crate::Pod> = observed.iter().map(|seen| &seen.pod).collect();
            let chosen = attachable_pod::selected(workload, &pods);
            let Some((pod, note)) = attachable_pod::first_for_logging(&chosen) else {
                return Reply::err("error: timed out waiting for the condition".to_owned());
            };
            let pod = pod.name().to_owned();
            observed.retain(|seen| seen.pod.name() == pod);
            let mut reply = match render(&view, &observed) {
                Ok(text) => Reply::out(text),
                Err(message) => Reply::err(message),
            };
            if let Some(note) = note {
                reply.text = format!("{note}\n{}", reply.text);
            }
            reply.follow = follow;
            reply
        }
        Command::Show(view, name) => {
            // A watch shows Pods that went; Events outlive their Pods (an hour, by default).
            if !matches!(view, View::Watch | View::Events { .. }) {
                observed.retain(|seen| !seen.gone);
            }
            if let Some(name) = &name {
                observed.retain(|seen| seen.pod.name() == name);
                if observed.is_empty() {
                    return Reply::err(not_found(name));
                }
            }
            if observed.is_empty() {
                return Reply::err("No resources found in default namespace.".to_owned());
            }
            let rendered = match view {
                View::Table { wide } if show_labels => {
                    Ok(kubectl_get::table(&pod_rows(&observed, wide, true)))
                }
                view => render(&view, &observed),
            };
            let mut reply = match rendered {
                Ok(text) => Reply::out(text),
                Err(message) => Reply::err(message),
            };
            reply.follow = follow;
            reply
        }
        Command::GetMany { resources, wide } => {
            observed.retain(|seen| !seen.gone);
            let mut objects: Vec<&crate::api::workloads::Workload> = observation
                .workloads
                .iter()
                .map(|seen| &seen.object)
                .collect();
            crate::base::sorting::sort_by_key(&mut objects, |object| object.name().to_owned());
            let now = observation
                .workloads
                .first()
                .map_or(pasted_now, |seen| seen.now);
            match crate::kubectl::get_all::get_many(
                &resources,
                pod_rows(&observed, wide, show_labels),
                &objects,
                now,
                wide,
                show_labels,
            ) {
                Some(text) => Reply::out(text),
                None => Reply::err("No resources found in default namespace.".to_owned()),
            }
        }
        Command::Listed { .. } => Reply::err(String::new()),
        Command::DescribeWorkloads { kind, name } => {
            let chosen: Vec<&ObservedWorkload> = observation
                .workloads
                .iter()
                .filter(|seen| seen.object.kind() == kind)
                .filter(|seen| {
                    name.as_deref()
                        .is_none_or(|name| seen.object.name() == name)
                })
                .collect();
            if chosen.is_empty() {
                return Reply::err(workloads_not_found(kind, name.as_deref()));
            }
            let pods: Vec<&crate::Pod> = observed
                .iter()
                .filter(|seen| !seen.gone)
                .map(|seen| &seen.pod)
                .collect();
            let workloads: Vec<&crate::api::workloads::Workload> = observation
                .workloads
                .iter()
                .map(|seen| &seen.object)
                .collect();
            let around = Around {
                pods: &pods,
                workloads: &workloads,
            };
            let text = chosen
                .iter()
                .map(|seen| {
                    let options = DescribeOptions {
                        now: seen.now,
                        utc_offset_minutes: 0,
                    };
                    describe_workload(&seen.object, around, &seen.events, options)
                })
                // kubectl separates objects by two blank lines.
                .collect::<Vec<_>>()
                .join("\n\n");
            Reply::out(text)
        }
        Command::DescribeClaims { name } => {
            let claims = match by_name(
                claims_of(&observation.objects),
                name.as_deref(),
                |claim| &claim.name,
                "persistentvolumeclaims",
                "No resources found in default namespace.",
            ) {
                Ok(claims) => claims,
                Err(message) => return Reply::err(message),
            };
            let pods: Vec<&crate::Pod> = observed
                .iter()
                .filter(|seen| !seen.gone)
                .map(|seen| &seen.pod)
                .collect();
            let text = claims
                .iter()
                .map(|claim| {
                    let options = DescribeOptions {
                        now: claim.now,
                        utc_offset_minutes: 0,
                    };
                    crate::kubectl::describe_claim::describe_claim(claim, &pods, options)
                })
                .collect::<Vec<_>>()
                .join("\n\n");
            Reply::out(text)
        }
        Command::DescribeNodes { name } => {
            let nodes = match by_name(
                observation.nodes.iter().collect(),
                name.as_deref(),
                |node| &node.name,
                "nodes",
                "No resources found",
            ) {
                Ok(nodes) => nodes,
                Err(message) => return Reply::err(message),
            };
            let text = nodes
                .iter()
                .map(|node| {
                    let pods: Vec<&crate::Pod> = observed
                        .iter()
                        .filter(|seen| {
                            !seen.gone && seen.pod.spec.node_name.as_deref() == Some(&node.name)
                        })
                        .map(|seen| &seen.pod)
                        .collect();
                    let options = DescribeOptions {
                        now: node.now,
                        utc_offset_minutes: 0,
                    };
                    crate::kubectl::describe_node::describe_node(node, &pods, options)
                })
                // kubectl separates objects by two blank lines.
                .collect::<Vec<_>>()
                .join("\n\n");
            Reply::out(text)
        }
        Command::DeleteWorkload {
            workload: (kind, name),
            orphan,
        } => {
            if find_workload(&observation.workloads, kind, &name).is_none() {
                return Reply::err(workload_not_found(kind, &name));
            }
            Reply::acting(
                format!("{} \"{name}\" deleted\n", kind.kind_group()),
                Action::new(
                    at,
                    What::DeleteWorkload {
                        workload: format!("{}/{name}", kind.as_str().to_lowercase()),
                        orphan,
                    },
                ),
            )
        }
        Command::Scale {
            workload: (kind, name),
            replicas,
        } => {
            if find_workload(&observation.workloads, kind, &name).is_none() {
                return Reply::err(workload_not_found(kind, &name));
            }
            Reply::acting(
                format!("{}/{name} scaled\n", kind.kind_group()),
                Action::new(
                    at,
                    What::Scale {
                        workload: format!("{}/{name}", kind.as_str().to_lowercase()),
                        replicas,
                    },
                ),
            )
        }
        Command::SetImage {
            workload: (kind, name),
            container,
            image,
        } => {
            let Some(object) = find_workload(&observation.workloads, kind, &name) else {
                return Reply::err(workload_not_found(kind, &name));
            };
            let current = object.template().and_then(|template| {
                template
                    .spec
                    .containers
                    .iter()
                    .chain(&template.spec.init_containers)
                    .find(|c| c.name == container)
            });
            let Some(current) = current else {
                return Reply::err(format!(
                    "error: unable to find container named \"{container}\""
                ));
            };
            // An unchanged image is an empty patch: kubectl prints nothing.
            if current.image.as_deref() == Some(image.as_str()) {
                return Reply::out(String::new());
            }
            Reply::acting(
                format!("{}/{name} image updated\n", kind.kind_group()),
                Action::new(
                    at,
                    What::SetImage {
                        workload: format!("{}/{name}", kind.as_str().to_lowercase()),
                        container,
                        image,
                    },
                ),
            )
        }
        Command::RolloutHistory { name } => {
            let kind = WorkloadKind::Deployment;
            let Some(deployment) = find_workload(&observation.workloads, kind, &name) else {
                return Reply::err(workload_not_found(kind, &name));
            };
            let sets = owned_replica_sets(&observation.workloads, deployment);
            Reply::out(crate::kubectl::rollout::deployment_history(&name, &sets))
        }
        Command::Rollout {
            workload: (kind, name),
            command,
        } => {
            use crate::cluster::scenario::RolloutCommand;
            let Some(object) = find_workload(&observation.workloads, kind, &name) else {
                return Reply::err(workload_not_found(kind, &name));
            };
            let paused =
                matches!(object, crate::api::workloads::Workload::Deployment(d) if d.spec.paused);
            let done = match &command {
                RolloutCommand::Undo { to_revision } => {
                    let sets = owned_replica_sets(&observation.workloads, object);
                    if let Some(error) =
                        crate::kubectl::rollout::undo_error(&name, &sets, *to_revision)
                    {
                        return Reply::err(error);
                    }
                    "rolled back"
                }
                RolloutCommand::Restart if paused => {
                    return Reply::err(format!(
                        "error: deployments.apps \"{name}\" can't restart paused deployment (run rollout resume first)"
                    ));
                }
                RolloutCommand::Restart => "restarted",
                RolloutCommand::Pause if paused => {
                    return Reply::err(format!(
                        "error: deployments.apps \"{name}\" is already paused"
                    ));
                }
                RolloutCommand::Pause => "paused",
                RolloutCommand::Resume if !paused => {
                    return Reply::err(format!("error: deployments.apps \"{name}\" is not paused"));
                }
                RolloutCommand::Resume => "resumed",
            };
            Reply::acting(
                format!("{}/{name} {done}\n", kind.kind_group()),
                Action::new(
                    at,
                    What::Rollout {
                        workload: format!("{}/{name}", kind.as_str().to_lowercase()),
                        command,
                    },
                ),
            )
        }
        Command::RolloutStatus {
            workload: (kind, name),
        } => {
            let Some(object) = find_workload(&observation.workloads, kind, &name) else {
                return Reply::err(workload_not_found(kind, &name));
            };
            match crate::kubectl::rollout::status(object) {
                Some(line) if line.starts_with("error: ") => Reply::err(line),
                Some(line) => Reply::out(format!("{line}\n")),
                None => Reply::err(workload_not_found(kind, &name)),
            }
        }
        Command::GetClaims { name, wide } => {
            let claims = match by_name(
                claims_of(&observation.objects),
                name.as_deref(),
                |claim| &claim.name,
                "persistentvolumeclaims",
                "No resources found in default namespace.",
            ) {
                Ok(claims) => claims,
                Err(message) => return Reply::err(message),
            };
            Reply::out(crate::kubectl::get_claims::get_claims(&claims, wide))
        }
        Command::GetNodes { name, wide } => {
            // Nodes are not namespaced.
            let nodes = match by_name(
                observation.nodes.iter().collect(),
                name.as_deref(),
                |node| &node.name,
                "nodes",
                "No resources found",
            ) {
                Ok(nodes) => nodes,
                Err(message) => return Reply::err(message),
            };
            let mut rows = crate::kubectl::get_nodes::rows(&nodes, wide);
            if show_labels {
                let labels: Vec<_> = nodes.iter().map(|node| &node.labels).collect();
                add_labels_column(&mut rows, &labels);
            }
            Reply::out(kubectl_get::table(&rows))
        }
        Command::GetWorkloads {
            kind,
            name,
            wide,
            watch: true,
            ..
        } => {
            let watched = crate::kubectl::get_workloads::watched(
                &observation.workload_versions,
                kind,
                name.as_deref(),
            );
            if watched.is_empty() {
                return Reply::err(workloads_not_found(kind, name.as_deref()));
            }
            let mut reply = Reply::out(crate::kubectl::get_workloads::watch_workloads(
                kind, &watched, wide,
            ));
            // A watch follows the stepper.
            reply.follow = true;
            reply
        }
        Command::GetWorkloads {
            kind,
            name,
            output: Some(view),
            ..
        } => {
            let objects = match workloads_named(&observation.workloads, kind, name.as_deref()) {
                Ok(objects) => objects,
                Err(message) => return Reply::err(message),
            };
            let list = name.is_none();
            match workloads_output(&view, &objects, list) {
                Ok(text) => Reply::out(text),
                Err(message) => Reply::err(message),
            }
        }
        Command::GetWorkloads {
            kind, name, wide, ..
        } => {
            let objects = match workloads_named(&observation.workloads, kind, name.as_deref()) {
                Ok(objects) => objects,
                Err(message) => return Reply::err(message),
            };
            let now = observation
                .workloads
                .first()
                .map_or(pasted_now, |seen| seen.now);
            let mut rows = get_workloads_rows(kind, &objects, now, wide);
            if show_labels {
                let labels: Vec<_> = objects
                    .iter()
                    .map(|object| &object.metadata().labels)
                    .collect();
                add_labels_column(&mut rows, &labels);
            }
            Reply::out(kubectl_get::table(&rows))
        }
        Command::Delete {
            name,
            grace_period_seconds,
        } => {
            if !observed
                .iter()
                .any(|seen| !seen.gone && seen.pod.name() == name)
            {
                return Reply::err(not_found(&name));
            }
            Reply {
                text: format!("pod \"{name}\" deleted\n"),
                error: false,
                action: Some(Action {
                    at,
                    pod: Some(name),
                    what: What::DeletePod {
                        grace_period_seconds,
                    },
                }),
                follow: false,
                shell: None,
            }
        }
        Command::Run(options) => {
            let exists = observed
                .iter()
                .any(|seen| !seen.gone && seen.pod.name() == options.name);
            if options.dry_run {
                match crate::kubectl::run::dry_run(&options) {
                    Some(text) => Reply::out(text),
                    None => Reply::err(format!(
                        "error: unable to match a printer suitable for the output format \"{}\", allowed formats are: json,name,yaml",
                        options.output.unwrap_or_default()
                    )),
                }
            } else if exists {
                Reply::err(format!(
                    "Error from server (AlreadyExists): pods \"{}\" already exists",
                    options.name
                ))
            } else if options.attach {
                run_attached(line, &options, at)
            } else {
                Reply::acting(
                    format!("pod/{} created\n", options.name),
                    Action::new(
                        at,
                        What::Create {
                            command: line.trim().to_owned(),
                            manifest: crate::kubectl::run::manifest(&options),
                        },
                    ),
                )
            }
        }
        Command::Exec(mut options) => {
            // `exec deploy/web`: the workload's Pod kubectl attaches to.
            if let Some((kind, name)) = workload_reference(&[options.pod.as_str()]) {
                let Some(workload) = find_workload(&observation.workloads, kind, &name) else {
                    return Reply::err(workload_not_found(kind, &name));
                };
                observed.retain(|seen| !seen.gone);
                let pods: Vec<&crate::Pod> = observed.iter().map(|seen| &seen.pod).collect();
                let chosen = attachable_pod::selected(workload, &pods);
                let Some(pod) = attachable_pod::first_for_attach(&chosen) else {
                    return Reply::err("error: timed out waiting for the condition".to_owned());
                };
                options.pod = pod.name().to_owned();
            }
            let reply = crate::kubectl::exec::exec(&observed, &options);
            Reply::exec(reply, &options.pod, at)
        }
        Command::Debug(options) => match shell_words(line) {
            Ok(words) => debug(&observed, &options, &words, at),
            Err(message) => Reply::err(message),
        },
        Command::Attach(options) => {
            let reply = crate::kubectl::exec::attach(&observed, &options);
            Reply::exec(reply, &options.pod, at)
        }
        Command::DeleteManifest => {
            // Each object of the text, in its order, as kubectl deletes them.
            let mut deleted = String::new();
            let mut missing = Vec::new();
            for object in &parsed.objects {
                // What kubectl calls the object in its answer, the resource in its error, and
                // whether the object exists.
                let (shown, resource, found) = if object.kind == "Pod" && object.api_version == "v1"
                {
                    let found = observed
                        .iter()
                        .any(|seen| !seen.gone && seen.pod.name() == object.name);
                    ("pod".to_owned(), "pods".to_owned(), found)
                } else if let Some(kind) = WorkloadKind::named(&object.kind) {
                    let found = find_workload(&observation.workloads, kind, &object.name).is_some();
                    (kind.kind_group(), resource_with_group(kind), found)
                } else {
                    continue;
                };
                if found {
                    deleted.push_str(&format!("{shown} \"{}\" deleted\n", object.name));
                } else {
                    missing.push(format!(
                        "Error from server (NotFound): error when deleting \"STDIN\": {resource} \"{}\" not found",
                        object.name
                    ));
                }
            }
            let errors = missing.join("\n");
            if deleted.is_empty() {
                return Reply::err(if errors.is_empty() {
                    "error: no objects passed to delete".to_owned()
                } else {
                    errors
                });
            }
            if !errors.is_empty() {
                deleted.push_str(&errors);
                deleted.push('\n');
            }
            Reply::acting(deleted, Action::new(at, What::DeleteManifest))
        }
        Command::Create => {
            let Some(pod) = parsed.accepted_pod() else {
                let message = parsed
                    .invalid_message()
                    .unwrap_or_else(|| "error: no objects passed to create".to_owned());
                return Reply::err(message);
            };
            let exists = observed
                .iter()
                .any(|seen| !seen.gone && seen.pod.name() == pod.name());
            if exists {
                return Reply::err(format!(
                    "Error from server (AlreadyExists): error when creating \"STDIN\": pods \"{}\" already exists",
                    pod.name()
                ));
            }
            Reply::acting(
                format!("pod/{} created\n", pod.name()),
                Action::new(at, What::ApplyPod),
            )
        }
        Command::Apply => {
            let Some(pod) = parsed.accepted_pod() else {
                let message = parsed
                    .invalid_message()
                    .unwrap_or_else(|| "error: no objects passed to apply".to_owned());
                return Reply::err(message);
            };
            let exists = observed
                .iter()
                .any(|seen| !seen.gone && seen.pod.name() == pod.name());
            if exists {
                return Reply::out(format!("pod/{} unchanged\n", pod.name()));
            }
            Reply {
                text: format!("pod/{} created\n", pod.name()),
                error: false,
                action: Some(Action::new(at, What::ApplyPod)),
                follow: false,
                shell: None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::playground::gallery::SIDECAR_LOGGING;

    /// Runs each line at its instant on the sidecar example, applying the actions the lines
    /// make, and renders every reply.
    fn check(lines: &[(u64, &str)], expected: Expect) {
        let parsed = crate::parse(SIDECAR_LOGGING.manifest);
        let mut scenario = Scenario::default();
        let mut out = String::new();
        for (seconds, line) in lines {
            let reply = run(line, &parsed, &scenario, VirtualTime::from_secs(*seconds));
            out.push_str(&format!("$ {line}   (t = {seconds}s)\n"));
            if reply.error {
                out.push_str("error> ");
            }
            out.push_str(&reply.text);
            if !reply.text.ends_with('\n') {
                out.push('\n');
            }
            scenario.actions.extend(reply.action);
        }
        expected.assert_eq(&out);
    }

    #[test]
    fn a_session() {
        check(
            &[
                (5, "kubectl get pods"),
                (5, "kubectl get po -o wide"),
                (5, "kubectl logs sidecar-logging"),
                (6, "kubectl delete pod sidecar-logging --grace-period=5"),
                (7, "kubectl get pods"),
                (20, "kubectl get pods"),
                (20, "kubectl describe pod sidecar-logging"),
                (21, "kubectl apply -f -"),
                (30, "kubectl get pods"),
                (30, "kubectl apply -f -"),
                (30, "kubectl exec -it sidecar-logging -- sh"),
                (30, "ls"),
            ],
            expect![[r#"
                $ kubectl get pods   (t = 5s)
                NAME              READY   STATUS    RESTARTS   AGE
                sidecar-logging   2/2     Running   0          5s
                $ kubectl get po -o wide   (t = 5s)
                NAME              READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
                sidecar-logging   2/2     Running   0          5s    10.244.0.5   node-1   <none>           <none>
                $ kubectl logs sidecar-logging   (t = 5s)
                Defaulted container "app" out of: app, log-forwarder
                $ kubectl delete pod sidecar-logging --grace-period=5   (t = 6s)
                pod "sidecar-logging" deleted
                $ kubectl get pods   (t = 7s)
                NAME              READY   STATUS        RESTARTS   AGE
                sidecar-logging   1/2     Terminating   0          7s
                $ kubectl get pods   (t = 20s)
                error> No resources found in default namespace.
                $ kubectl describe pod sidecar-logging   (t = 20s)
                error> Error from server (NotFound): pods "sidecar-logging" not found
                $ kubectl apply -f -   (t = 21s)
                pod/sidecar-logging created
                $ kubectl get pods   (t = 30s)
                NAME              READY   STATUS    RESTARTS   AGE
                sidecar-logging   2/2     Running   0          9s
                $ kubectl apply -f -   (t = 30s)
                pod/sidecar-logging unchanged
                $ kubectl exec -it sidecar-logging -- sh   (t = 30s)
                Defaulted container "app" out of: app, log-forwarder
                $ ls   (t = 30s)
                error> ls: only kubectl runs here. Try: kubectl get pods [NAME] [-o wide|yaml|json|name|jsonpath=TEMPLATE|custom-columns=SPEC] [-w], kubectl get all|nodes|pvc [NAME] [-o wide], kubectl get deployments|replicasets|replicationcontrollers|statefulsets|daemonsets|jobs|cronjobs [NAME] [-o wide|yaml|json|name|jsonpath=TEMPLATE|custom-columns=SPEC] [-w], with -l SELECTOR and --show-labels, kubectl scale deployment/NAME --replicas=N, kubectl set image deployment/NAME CONTAINER=IMAGE, kubectl rollout status|history|undo|restart|pause|resume deployment/NAME, kubectl rollout status|restart statefulset|daemonset/NAME, kubectl get events [-o wide] [--sort-by=.lastTimestamp] [-w], kubectl describe pod|node|pvc|deployment|replicaset|statefulset|daemonset|job|cronjob [NAME], kubectl logs NAME|deploy/NAME|job/NAME [-c CONTAINER] [--previous] [-f], kubectl exec [-q] POD|deploy/NAME [-c CONTAINER] -- COMMAND [ARG…], kubectl exec -it POD [-c CONTAINER] -- sh (a shell; exit leaves it), kubectl debug -it POD --image=IMAGE [--target=CONTAINER] [-c NAME] (an ephemeral container), kubectl attach -it POD -c CONTAINER, kubectl run [-it [--rm]] NAME --image=IMAGE [--restart=Never] [--env=K=V] [--port=N] [--labels=K=V] [--command] [--dry-run=client -o yaml|json] [-- ARG…], kubectl top pod [--containers], kubectl delete pod NAME [--grace-period=N], kubectl delete deployment|statefulset|…/NAME [--cascade=orphan], kubectl apply -f -, kubectl create -f -, kubectl delete -f -
            "#]],
        );
    }

    /// The forms of `get` and `describe` people type: a name before or after `-o`, the `-oyaml`
    /// spelling, `-o json` and `-o name`, a format kubectl has that this console does not print
    /// (said, never ignored), one kubectl does not know (kubectl's error), and `describe`
    /// without a name (every Pod).
    /// `kubectl get events`, in the API server's order and sorted, and the commands that
    /// follow the stepper.
    #[test]
    fn events_and_following() {
        check(
            &[
                (5, "kubectl get events"),
                (5, "kubectl get events --sort-by=.lastTimestamp -o wide"),
                (5, "kubectl get events --sort-by=.spec.nothing"),
                (5, "kubectl get ev --sort-by lastTimestamp -o wide"),
                (5, "kubectl get pods -o jsonpath="),
                (5, "kubectl get pods -o custom-columns"),
                (5, "kubectl logs sidecar-logging -c app -f"),
            ],
            expect![[r#"
                $ kubectl get events   (t = 5s)
                LAST SEEN   TYPE     REASON      OBJECT                MESSAGE
                5s          Normal   Scheduled   pod/sidecar-logging   Successfully assigned default/sidecar-logging to node-1
                4s          Normal   Pulling     pod/sidecar-logging   Pulling image "my-app:latest"
                3s          Normal   Pulled      pod/sidecar-logging   Successfully pulled image "my-app:latest" in 1s (1s including waiting)
                3s          Normal   Created     pod/sidecar-logging   Created container app
                3s          Normal   Started     pod/sidecar-logging   Started container app
                3s          Normal   Pulling     pod/sidecar-logging   Pulling image "fluentd:latest"
                2s          Normal   Pulled      pod/sidecar-logging   Successfully pulled image "fluentd:latest" in 1s (1s including waiting)
                2s          Normal   Created     pod/sidecar-logging   Created container log-forwarder
                2s          Normal   Started     pod/sidecar-logging   Started container log-forwarder
                $ kubectl get events --sort-by=.lastTimestamp -o wide   (t = 5s)
                LAST SEEN   TYPE     REASON      OBJECT                SUBOBJECT                        SOURCE              MESSAGE                                                                   FIRST SEEN   COUNT   NAME
                5s          Normal   Scheduled   pod/sidecar-logging                                    default-scheduler   Successfully assigned default/sidecar-logging to node-1                   5s           1       sidecar-logging.18867251edfa0000
                4s          Normal   Pulling     pod/sidecar-logging   spec.containers{app}             kubelet             Pulling image "my-app:latest"                                             4s           1       sidecar-logging.188672522994ca01
                3s          Normal   Pulled      pod/sidecar-logging   spec.containers{app}             kubelet             Successfully pulled image "my-app:latest" in 1s (1s including waiting)    3s           1       sidecar-logging.18867252652f9402
                3s          Normal   Created     pod/sidecar-logging   spec.containers{app}             kubelet             Created container app                                                     3s           1       sidecar-logging.18867252652f9403
                3s          Normal   Started     pod/sidecar-logging   spec.containers{app}             kubelet             Started container app                                                     3s           1       sidecar-logging.18867252652f9404
                3s          Normal   Pulling     pod/sidecar-logging   spec.containers{log-forwarder}   kubelet             Pulling image "fluentd:latest"                                            3s           1       sidecar-logging.18867252652f9405
                2s          Normal   Pulled      pod/sidecar-logging   spec.containers{log-forwarder}   kubelet             Successfully pulled image "fluentd:latest" in 1s (1s including waiting)   2s           1       sidecar-logging.18867252a0ca5e06
                2s          Normal   Created     pod/sidecar-logging   spec.containers{log-forwarder}   kubelet             Created container log-forwarder                                           2s           1       sidecar-logging.18867252a0ca5e07
                2s          Normal   Started     pod/sidecar-logging   spec.containers{log-forwarder}   kubelet             Started container log-forwarder                                           2s           1       sidecar-logging.18867252a0ca5e08
                $ kubectl get events --sort-by=.spec.nothing   (t = 5s)
                error> error: couldn't find any field with path "{.spec.nothing}" in the list of objects
                $ kubectl get ev --sort-by lastTimestamp -o wide   (t = 5s)
                LAST SEEN   TYPE     REASON      OBJECT                SUBOBJECT                        SOURCE              MESSAGE                                                                   FIRST SEEN   COUNT   NAME
                5s          Normal   Scheduled   pod/sidecar-logging                                    default-scheduler   Successfully assigned default/sidecar-logging to node-1                   5s           1       sidecar-logging.18867251edfa0000
                4s          Normal   Pulling     pod/sidecar-logging   spec.containers{app}             kubelet             Pulling image "my-app:latest"                                             4s           1       sidecar-logging.188672522994ca01
                3s          Normal   Pulled      pod/sidecar-logging   spec.containers{app}             kubelet             Successfully pulled image "my-app:latest" in 1s (1s including waiting)    3s           1       sidecar-logging.18867252652f9402
                3s          Normal   Created     pod/sidecar-logging   spec.containers{app}             kubelet             Created container app                                                     3s           1       sidecar-logging.18867252652f9403
                3s          Normal   Started     pod/sidecar-logging   spec.containers{app}             kubelet             Started container app                                                     3s           1       sidecar-logging.18867252652f9404
                3s          Normal   Pulling     pod/sidecar-logging   spec.containers{log-forwarder}   kubelet             Pulling image "fluentd:latest"                                            3s           1       sidecar-logging.18867252652f9405
                2s          Normal   Pulled      pod/sidecar-logging   spec.containers{log-forwarder}   kubelet             Successfully pulled image "fluentd:latest" in 1s (1s including waiting)   2s           1       sidecar-logging.18867252a0ca5e06
                2s          Normal   Created     pod/sidecar-logging   spec.containers{log-forwarder}   kubelet             Created container log-forwarder                                           2s           1       sidecar-logging.18867252a0ca5e07
                2s          Normal   Started     pod/sidecar-logging   spec.containers{log-forwarder}   kubelet             Started container log-forwarder                                           2s           1       sidecar-logging.18867252a0ca5e08
                $ kubectl get pods -o jsonpath=   (t = 5s)
                error> error: template format specified but no template given
                $ kubectl get pods -o custom-columns   (t = 5s)
                error> error: custom-columns format specified but no custom columns given
                $ kubectl logs sidecar-logging -c app -f   (t = 5s)

            "#]],
        );
        let parsed = crate::parse(SIDECAR_LOGGING.manifest);
        let reply = run(
            "kubectl logs -f sidecar-logging -c app",
            &parsed,
            &Scenario::default(),
            VirtualTime::from_secs(3),
        );
        assert!(reply.follow && !reply.error);
        assert!(
            run(
                "kubectl get pods -w",
                &parsed,
                &Scenario::default(),
                VirtualTime::ZERO
            )
            .follow
        );
        assert!(
            !run(
                "kubectl get pods",
                &parsed,
                &Scenario::default(),
                VirtualTime::ZERO
            )
            .follow
        );
    }

    #[test]
    fn output_forms_and_describe_without_a_name() {
        check(
            &[
                (5, "kubectl get pod sidecar-logging -o name"),
                (5, "kubectl get pods -oname"),
                (
                    5,
                    "kubectl get pod/sidecar-logging --output jsonpath={.status.podIP}",
                ),
                (5, "kubectl get pods -o xml"),
                (5, "kubectl get pods -o"),
                (5, "kubectl get pods nope -o name"),
                (5, "kubectl get pods -o go-template={{.kind}}"),
                (
                    5,
                    r#"kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.status.phase}{"\n"}{end}'"#,
                ),
                (
                    5,
                    "kubectl get pods -o jsonpath=\"{.items[0].spec.containers[*].name}\"",
                ),
                (
                    5,
                    "kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGES:.spec.containers[*].image,NODE:.spec.nodeName",
                ),
                (5, "kubectl get pods -o jsonpath='{.items[0]"),
                (5, "kubectl get pods -o jsonpath='{.items"),
            ],
            expect![[r#"
                $ kubectl get pod sidecar-logging -o name   (t = 5s)
                pod/sidecar-logging
                $ kubectl get pods -oname   (t = 5s)
                pod/sidecar-logging
                $ kubectl get pod/sidecar-logging --output jsonpath={.status.podIP}   (t = 5s)
                10.244.0.5
                $ kubectl get pods -o xml   (t = 5s)
                error> error: unable to match a printer suitable for the output format "xml", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml
                $ kubectl get pods -o   (t = 5s)
                error> error: flag needs an argument: 'o' in -o
                $ kubectl get pods nope -o name   (t = 5s)
                error> Error from server (NotFound): pods "nope" not found
                $ kubectl get pods -o go-template={{.kind}}   (t = 5s)
                error> this console does not print -o go-template: it prints -o wide, yaml, json, name, jsonpath=… and custom-columns=…
                $ kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.status.phase}{"\n"}{end}'   (t = 5s)
                sidecar-logging	Running
                $ kubectl get pods -o jsonpath="{.items[0].spec.containers[*].name}"   (t = 5s)
                app log-forwarder
                $ kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGES:.spec.containers[*].image,NODE:.spec.nodeName   (t = 5s)
                NAME              IMAGES                         NODE
                sidecar-logging   my-app:latest,fluentd:latest   node-1
                $ kubectl get pods -o jsonpath='{.items[0]   (t = 5s)
                error> unexpected EOF while looking for matching `''
                $ kubectl get pods -o jsonpath='{.items   (t = 5s)
                error> unexpected EOF while looking for matching `''
            "#]],
        );
        let parsed = crate::parse(SIDECAR_LOGGING.manifest);
        let at = |line: &str| {
            run(
                line,
                &parsed,
                &Scenario::default(),
                VirtualTime::from_secs(5),
            )
        };
        let named = at("kubectl describe pod sidecar-logging");
        assert!(!named.error, "{}", named.text);
        for line in [
            "kubectl describe pod",
            "kubectl describe pods",
            "k describe po",
        ] {
            assert_eq!(at(line), named, "{line}");
        }
        for (line, first) in [
            (
                "kubectl get pod sidecar-logging -o yaml",
                "apiVersion: v1\n",
            ),
            (
                "kubectl get pods sidecar-logging -oyaml",
                "apiVersion: v1\n",
            ),
            (
                "kubectl get pod sidecar-logging -o json",
                "{\n    \"apiVersion\": \"v1\",\n",
            ),
            (
                "kubectl get pods --output=json",
                "{\n    \"apiVersion\": \"v1\",\n",
            ),
        ] {
            let reply = at(line);
            assert!(reply.text.starts_with(first), "{line}: {}", reply.text);
        }
    }
}
