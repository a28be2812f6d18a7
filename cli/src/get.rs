//! `podplay get`, `describe`, `logs` and `watch`: what kubectl would print for the Pods of
//! manifest files — pasted Pods as they are, and the file's Pod simulated on a virtual node.

use std::io::{self, Write};
use std::process::ExitCode;

use pod_model::diagram::flow::{FlowStage, flow_scene};
use pod_model::diagram::{self, Look, Theme};
use pod_model::kubectl_describe::{DescribeOptions, describe_pod};
use pod_model::kubectl_errors;
use pod_model::kubectl_get;
use pod_model::kubectl_logs;
use pod_model::kubectl_top;
use pod_model::kubectl_yaml;
use pod_model::scenario::{Action, What};
use pod_model::simulator::{Deletion, Observed, Scenario, observe};
use pod_model::time::VirtualTime;
use pod_model::timestamp::Timestamp;
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

/// Prints `view` for every Pod of `files` (or of the scenario's own manifest).
pub fn run(files: &[&str], view: &View, when: When) -> ExitCode {
    let mut observed: Vec<Observed> = Vec::new();
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
    scenario.horizon = when.at.max(VirtualTime::from_secs(1));
    if let Some(deletion) = when.deletion {
        scenario.actions.push(Action {
            at: deletion.at,
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
        let seen = observe(&parsed, &scenario, when.at, when.now);
        if seen.is_empty()
            && let Some(verdict) = kubectl_errors::create_error(&parsed, file)
        {
            eprintln!("{verdict}");
            failed = true;
        }
        observed.extend(seen);
    }
    // A deleted Pod is gone for every view but a watch, which shows it going.
    if *view != View::Watch {
        observed.retain(|seen| !seen.gone);
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

/// The text of `view`, or kubectl's error.
fn render(view: &View, observed: &[Observed]) -> Result<String, String> {
    match view {
        View::Table { wide } => {
            let rows: Vec<Vec<String>> = std::iter::once(header(*wide))
                .chain(observed.iter().map(|seen| row(&seen.pod, seen.now, *wide)))
                .collect();
            Ok(kubectl_get::table(&rows))
        }
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
                    None => rows.push(row(&seen.pod, seen.now, false)),
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
        View::Diagram {
            theme,
            flow,
            states,
        } => Ok(diagram_svg(&observed[0], *theme, *flow, *states)),
        View::Yaml => {
            let pods: Vec<&pod_model::Pod> = observed.iter().map(|seen| &seen.pod).collect();
            Ok(kubectl_yaml::pods_yaml(&pods))
        }
    }
}

/// The SVG of one Pod's diagram (or of the control-plane flow at its instant).
fn diagram_svg(seen: &Observed, theme: Theme, flow: bool, states: bool) -> String {
    let pasted = seen.simulation.is_none();
    if flow {
        let stage = (states || pasted).then(|| FlowStage::of(&seen.pod, None));
        return diagram::render(&flow_scene(stage), theme);
    }
    let topology = topology::analyze(&seen.pod, seen.simulation.as_ref());
    let layout = diagram::layout_topology(topology);
    let look = (states || pasted).then(|| {
        let mut look = Look::of(&seen.pod, &seen.pod);
        look.status = Some(kubectl_get::pod_row(&seen.pod, seen.now).status);
        look
    });
    diagram::render(&diagram::scene(&layout, look.as_ref()), theme)
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

fn row(pod: &pod_model::Pod, now: Timestamp, wide: bool) -> Vec<String> {
    let row = kubectl_get::pod_row(pod, now);
    let mut cells = vec![row.name, row.ready, row.status, row.restarts, row.age];
    if wide {
        cells.extend([row.ip, row.node, row.nominated_node, row.readiness_gates]);
    }
    cells
}

/// Reads a scenario file (YAML or JSON).
fn read_scenario(file: &str) -> Result<Scenario, String> {
    let bytes = read_input(file).map_err(|error| format!("cannot read it: {error}"))?;
    let text = String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_owned())?;
    Scenario::from_yaml(&text)
}
