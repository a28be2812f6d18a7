//! `podplay get`, `describe`, `logs` and `watch`: what kubectl would print for the Pods of
//! manifest files — pasted Pods as they are, and the files' other Pods simulated on the virtual
//! cluster.

use std::io::{self, Write};
use std::process::ExitCode;

use pod_model::api::workloads::{Workload, WorkloadKind};
use pod_model::base::time::VirtualTime;
use pod_model::base::timestamp::Timestamp;
use pod_model::cluster::scenario::{Action, What};
use pod_model::cluster::{Deletion, Observed, ObservedWorkload, Scenario, observe_all};
use pod_model::diagram::flow::{FlowStage, flow_scene};
use pod_model::diagram::{self, Look, Theme};
use pod_model::kubectl::console::{self as kubectl_console, View as KubectlView};
use pod_model::kubectl::describe::DescribeOptions;
use pod_model::kubectl::describe_workloads::{Around, describe_workload};
use pod_model::kubectl::errors as kubectl_errors;
use pod_model::kubectl::exec::{ExecOptions, ExecReply};
use pod_model::kubectl::get as kubectl_get;
use pod_model::kubectl::get_workloads::get_workloads;
use pod_model::topology;

use crate::check::read_input;

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
    /// `kubectl exec POD [-c NAME] [-q] -- COMMAND…` in the first Pod.
    Exec {
        /// `-c`.
        container: Option<String>,
        /// `-q`.
        quiet: bool,
        /// The command.
        command: Vec<String>,
    },
    /// `kubectl logs`.
    Logs {
        /// `-c NAME`.
        container: Option<String>,
        /// `--previous`.
        previous: bool,
    },
    /// `kubectl get pods -w` until the instant given with `--at`.
    Watch,
    /// `kubectl get pod -o yaml`.
    Yaml,
    /// `kubectl top pod`, with `--containers` one row per container.
    Top {
        /// `--containers`.
        containers: bool,
    },
    /// An SVG diagram of the first Pod.
    Diagram {
        /// Light, dark or following the viewer.
        theme: Theme,
        /// The control-plane flow instead of the Pod's inside.
        flow: bool,
        /// Draw each container's state at the instant (`--at` was given).
        states: bool,
    },
}

/// The options every view shares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct When {
    /// How long after `kubectl apply` a simulated Pod is seen (`--at`).
    pub at: VirtualTime,
    /// "Now" for Pods pasted with a status (`--now`).
    pub now: Timestamp,
    /// `kubectl delete pod` at this instant (`--delete-at`), with `--grace-period`.
    pub deletion: Option<Deletion>,
    /// The scenario file (`--scenario`), if any.
    pub scenario: Option<String>,
}

/// What a command is about, as kubectl's resource argument says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    /// The Pods (`pods`, `pod/NAME`, or no resource at all), or the one named.
    Pods(Option<String>),
    /// The workloads of a kind (`deployments`, `rs/web-1`…), or the one named.
    Workloads(WorkloadKind, Option<String>),
}

impl Selection {
    /// The resource argument `word` (`pods`, `pod/web`, `deploy`, `deployments.apps/web`), if
    /// it is one.
    pub fn parse(word: &str) -> Option<Selection> {
        let (resource, name) = match word.split_once('/') {
            Some((resource, name)) if !name.is_empty() && !name.contains('/') => {
                (resource, Some(name.to_owned()))
            }
            Some(_) => return None,
            None => (word, None),
        };
        if matches!(resource, "pods" | "pod" | "po") {
            return Some(Selection::Pods(name));
        }
        WorkloadKind::from_resource(resource).map(|kind| Selection::Workloads(kind, name))
    }
}

/// Prints `view` for every Pod of `files` (or of the scenario's own manifest), or for the
/// workloads `selection` names.
pub fn run(files: &[&str], view: &View, when: When, selection: &Selection) -> ExitCode {
    let mut observed: Vec<Observed> = Vec::new();
    let mut workloads: Vec<ObservedWorkload> = Vec::new();
    let mut versions: Vec<Vec<(Timestamp, Workload)>> = Vec::new();
    let mut failed = false;
    let mut scenario = match &when.scenario {
        Some(file) => match read_scenario(file) {
            Ok(scenario) => scenario,
            Err(message) => {
                eprintln!("podplay: {file}: {message}");
                return ExitCode::from(2);
            }
        },
        None => Scenario::default(),
    };
    // A millisecond past the instant, so that an action at that very instant has happened.
    scenario.horizon = when.at.plus_millis(1).max(VirtualTime::from_secs(1));
    if let Some(deletion) = when.deletion {
        scenario.actions.push(Action {
            at: deletion.at,
            pod: None,
            what: What::DeletePod {
                grace_period_seconds: deletion.grace_seconds,
            },
        });
    }
    let inputs: Vec<(String, Vec<u8>)> = if files.is_empty() {
        vec![(
            when.scenario.clone().unwrap_or_default(),
            scenario.manifest.clone().into_bytes(),
        )]
    } else {
        let mut inputs = Vec::new();
        for file in files {
            match read_input(file) {
                Ok(bytes) => inputs.push(((*file).to_owned(), bytes)),
                Err(error) => {
                    eprintln!("podplay: cannot read {file}: {error}");
                    return ExitCode::from(2);
                }
            }
        }
        inputs
    };
    for (file, bytes) in &inputs {
        let file = file.as_str();
        let parsed = pod_model::parse_bytes(bytes);
        // A diagram marks port conflicts; standard error says which line causes each.
        if matches!(view, View::Diagram { .. }) {
            eprint!("{}", crate::check::port_conflicts(file, &parsed));
        }
        let seen = observe_all(&parsed, &scenario, when.at, when.now);
        if seen.pods.is_empty()
            && seen.workloads.is_empty()
            && let Some(verdict) = kubectl_errors::create_error(&parsed, file)
        {
            eprintln!("{verdict}");
            failed = true;
        }
        observed.extend(seen.pods);
        workloads.extend(seen.workloads);
        versions.extend(seen.workload_versions);
    }
    if let Selection::Workloads(kind, name) = selection {
        if *view == View::Watch {
            return watch_workloads(*kind, name.as_deref(), &versions, failed);
        }
        return print_workloads(*kind, name.as_deref(), view, &workloads, &observed, failed);
    }
    if let Selection::Pods(Some(name)) = selection {
        observed.retain(|seen| seen.pod.name() == name);
        if observed
            .iter()
            .all(|seen| seen.gone && *view != View::Watch)
        {
            eprintln!("Error from server (NotFound): pods \"{name}\" not found");
            return ExitCode::FAILURE;
        }
    }
    // A deleted Pod is gone for every view but a watch, which shows it going.
    if *view != View::Watch {
        observed.retain(|seen| !seen.gone);
    }
    if let (
        View::Exec {
            container,
            quiet,
            command,
        },
        Some(first),
    ) = (view, observed.first())
    {
        let options = ExecOptions {
            pod: first.pod.name().to_owned(),
            container: container.clone(),
            command: command.clone(),
            stdin: false,
            tty: false,
            quiet: *quiet,
        };
        return print_exec(&pod_model::kubectl::exec::exec(&observed, &options));
    }
    let result = if observed.is_empty() {
        // kubectl says this on standard error.
        writeln!(
            io::stderr().lock(),
            "No resources found in default namespace."
        )
    } else {
        match render(view, &observed) {
            Ok(text) => io::stdout().lock().write_all(text.as_bytes()),
            Err(message) => {
                eprintln!("{message}");
                failed = true;
                Ok(())
            }
        }
    };
    if result.is_err() {
        ExitCode::from(2)
    } else if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Prints what `kubectl exec` printed, each line on its stream, and exits as kubectl does:
/// with the command's status.
fn print_exec(reply: &ExecReply) -> ExitCode {
    let (mut out, mut err) = (io::stdout().lock(), io::stderr().lock());
    for (error, line) in &reply.lines {
        let stream: &mut dyn Write = if *error { &mut err } else { &mut out };
        if writeln!(stream, "{line}").is_err() {
            return ExitCode::from(2);
        }
    }
    ExitCode::from(u8::try_from(reply.exit.clamp(0, 255)).unwrap_or(1))
}

/// `kubectl get` of the workloads of `kind` (the one named `name`, if given).
/// `podplay watch KIND FILE`: every change of the workloads' rows until the instant, as
/// `kubectl get KIND -w` prints them.
fn watch_workloads(
    kind: WorkloadKind,
    name: Option<&str>,
    versions: &[Vec<(Timestamp, Workload)>],
    failed: bool,
) -> ExitCode {
    let watched = pod_model::kubectl::get_workloads::watched(versions, kind, name);
    if watched.is_empty() {
        return none_found(kind, name, failed);
    }
    print!(
        "{}",
        pod_model::kubectl::get_workloads::watch_workloads(kind, &watched, false)
    );
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Says that no workload of `kind` (named `name`) exists: a failure when one was named.
fn none_found(kind: WorkloadKind, name: Option<&str>, failed: bool) -> ExitCode {
    eprintln!("{}", kubectl_console::workloads_not_found(kind, name));
    if name.is_some() || failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn print_workloads(
    kind: WorkloadKind,
    name: Option<&str>,
    view: &View,
    workloads: &[ObservedWorkload],
    observed: &[Observed],
    failed: bool,
) -> ExitCode {
    let wide = match view {
        View::Table { wide } => *wide,
        View::Describe { .. } | View::Yaml => false,
        _ => {
            eprintln!(
                "podplay: only 'get', 'get -o wide|yaml', 'watch' and 'describe' print {} yet",
                kind.resource()
            );
            return ExitCode::from(2);
        }
    };
    let mut objects: Vec<&ObservedWorkload> = workloads
        .iter()
        .filter(|seen| seen.object.kind() == kind)
        .filter(|seen| name.is_none_or(|name| seen.object.name() == name))
        .collect();
    objects.sort_by(|a, b| a.object.name().cmp(b.object.name()));
    let Some(first) = objects.first() else {
        return none_found(kind, name, failed);
    };
    let now = first.now;
    if *view == View::Yaml {
        let all: Vec<&Workload> = objects.iter().map(|seen| &seen.object).collect();
        print!(
            "{}",
            pod_model::kubectl::yaml::workloads_yaml(&all, name.is_none())
        );
        return if failed {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        };
    }
    if let View::Describe { utc_offset_minutes } = view {
        let pods: Vec<&pod_model::Pod> = observed
            .iter()
            .filter(|seen| !seen.gone)
            .map(|seen| &seen.pod)
            .collect();
        let all: Vec<&pod_model::api::workloads::Workload> =
            workloads.iter().map(|seen| &seen.object).collect();
        let around = Around {
            pods: &pods,
            workloads: &all,
        };
        let text: Vec<String> = objects
            .iter()
            .map(|seen| {
                let options = DescribeOptions {
                    now: seen.now,
                    utc_offset_minutes: *utc_offset_minutes,
                };
                describe_workload(&seen.object, around, &seen.events, options)
            })
            .collect();
        print!("{}", text.join("\n\n"));
    } else {
        let listed: Vec<&pod_model::api::workloads::Workload> =
            objects.iter().map(|seen| &seen.object).collect();
        print!("{}", get_workloads(kind, &listed, now, wide));
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The text of `view`, or kubectl's error: the console's renderers, and the diagram.
fn render(view: &View, observed: &[Observed]) -> Result<String, String> {
    let kubectl = match view {
        View::Table { wide } => KubectlView::Table { wide: *wide },
        View::Describe { utc_offset_minutes } => KubectlView::Describe {
            utc_offset_minutes: *utc_offset_minutes,
        },
        View::Logs {
            container,
            previous,
        } => KubectlView::Logs {
            container: container.clone(),
            previous: *previous,
        },
        View::Exec { .. } => {
            return Err("podplay: an exec needs a Pod to run in".to_owned());
        }
        View::Watch => KubectlView::Watch,
        View::Yaml => KubectlView::Yaml { list: false },
        View::Top { containers } => KubectlView::Top {
            containers: *containers,
        },
        View::Diagram {
            theme,
            flow,
            states,
        } => return Ok(diagram_svg(&observed[0], *theme, *flow, *states)),
    };
    kubectl_console::render(&kubectl, observed)
}

/// The SVG of one Pod's diagram (or of the control-plane flow at its instant).
fn diagram_svg(seen: &Observed, theme: Theme, flow: bool, states: bool) -> String {
    let pasted = seen.simulation.is_none();
    if flow {
        let stage = (states || pasted).then(|| FlowStage::of(&seen.pod, None));
        return diagram::render(&flow_scene(stage), theme);
    }
    let topology = topology::analyze(
        &seen.pod,
        seen.simulation.as_ref().map(|s| s.observed()).as_ref(),
    );
    let layout = diagram::layout_topology(topology);
    let look = (states || pasted).then(|| {
        let mut look = Look::of(&seen.pod, &seen.pod);
        look.status = Some(kubectl_get::pod_row(&seen.pod, seen.now).status);
        look
    });
    diagram::render(&diagram::scene(&layout, look.as_ref()), theme)
}

/// Reads a scenario file (YAML or JSON).
fn read_scenario(file: &str) -> Result<Scenario, String> {
    let bytes = read_input(file).map_err(|error| format!("cannot read it: {error}"))?;
    let text = String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_owned())?;
    Scenario::from_yaml(&text)
}
