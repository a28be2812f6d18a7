//! `podplay get`, `describe`, `logs` and `watch`: what kubectl would print for the Pods of
//! manifest files — pasted Pods as they are, and the file's Pod simulated on a virtual node.

use std::io::{self, Write};
use std::process::ExitCode;

use pod_model::kubectl_describe::{DescribeOptions, describe_pod};
use pod_model::kubectl_errors;
use pod_model::kubectl_get;
use pod_model::simulator::{Deletion, Observed, Scenario, observe};
use pod_model::time::VirtualTime;
use pod_model::timestamp::Timestamp;

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
}

/// The options every view shares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct When {
    /// How long after `kubectl apply` a simulated Pod is seen (`--at`).
    pub at: VirtualTime,
    /// "Now" for Pods pasted with a status (`--now`).
    pub now: Timestamp,
    /// `kubectl delete pod` at this instant (`--delete-at`), with `--grace-period`.
    pub deletion: Option<Deletion>,
}

/// Prints `view` for every Pod of `files`.
pub fn run(files: &[&str], view: &View, when: When) -> ExitCode {
    let mut observed: Vec<Observed> = Vec::new();
    let mut failed = false;
    let scenario = Scenario {
        horizon: when.at.max(VirtualTime::from_secs(1)),
        deletion: when.deletion,
        ..Scenario::default()
    };
    for file in files {
        let bytes = match read_input(file) {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("podplay: cannot read {file}: {error}");
                return ExitCode::from(2);
            }
        };
        let parsed = pod_model::parse_bytes(&bytes);
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
                    Some(simulation) => {
                        let mut last: Option<Vec<String>> = None;
                        for snapshot in simulation
                            .snapshots
                            .iter()
                            .filter(|s| s.pod.status.is_some())
                        {
                            if simulation.wall(snapshot.at) > seen.now {
                                break;
                            }
                            let cells = row(&snapshot.pod, simulation.wall(snapshot.at), false);
                            // A new line whenever what kubectl shows (AGE aside) changes.
                            if last.as_ref().is_none_or(|last| last[..4] != cells[..4]) {
                                rows.push(cells.clone());
                                last = Some(cells);
                            }
                        }
                    }
                }
            }
            Ok(kubectl_get::table(&rows))
        }
        View::Logs {
            container,
            previous,
        } => logs(observed, container.as_deref(), *previous),
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

fn row(pod: &pod_model::Pod, now: Timestamp, wide: bool) -> Vec<String> {
    let row = kubectl_get::pod_row(pod, now);
    let mut cells = vec![row.name, row.ready, row.status, row.restarts, row.age];
    if wide {
        cells.extend([row.ip, row.node, row.nominated_node, row.readiness_gates]);
    }
    cells
}

/// `kubectl logs [-c NAME] [--previous]` for the first Pod, with kubectl's errors.
fn logs(observed: &[Observed], container: Option<&str>, previous: bool) -> Result<String, String> {
    let Some(seen) = observed.first() else {
        return Ok(String::new());
    };
    let pod = &seen.pod;
    let names: Vec<&str> = pod
        .spec
        .containers
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    let name = match container {
        Some(name) => name.to_owned(),
        None if names.len() == 1 => names[0].to_owned(),
        None => {
            let init: Vec<&str> = pod
                .spec
                .init_containers
                .iter()
                .map(|c| c.name.as_str())
                .collect();
            let mut message = format!(
                "error: a container name must be specified for pod {}, choose one of: [{}]",
                pod.name(),
                names.join(" ")
            );
            if !init.is_empty() {
                message.push_str(&format!(
                    " or one of the init containers: [{}]",
                    init.join(" ")
                ));
            }
            return Err(message);
        }
    };
    let Some(simulation) = &seen.simulation else {
        return Err(format!(
            "error: logs of the pasted Pod \"{}\" are not in the manifest; only simulated Pods have logs",
            pod.name()
        ));
    };
    let status = pod.status.as_deref();
    let statuses = status
        .map(|s| {
            s.init_container_statuses
                .iter()
                .chain(&s.container_statuses)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let Some(container_status) = statuses.iter().find(|s| s.name == name) else {
        return Err(format!(
            "Error from server (BadRequest): container \"{name}\" in pod \"{}\" is not valid",
            pod.name()
        ));
    };
    let waiting = container_status
        .state
        .as_ref()
        .and_then(|s| s.waiting.as_ref())
        .and_then(|w| w.reason.clone());
    let current = usize::try_from(container_status.restart_count).unwrap_or(0);
    let run = if previous {
        // The current instance is the latest run (running, or terminated while backing off).
        match current.checked_sub(1) {
            Some(run) => run,
            _ => {
                return Err(format!(
                    "Error from server (BadRequest): previous terminated container \"{name}\" in pod \"{}\" not found",
                    pod.name()
                ));
            }
        }
    } else if container_status
        .state
        .as_ref()
        .is_some_and(|s| s.waiting.is_some())
        && container_status.last_state.is_none()
    {
        return Err(format!(
            "Error from server (BadRequest): container \"{name}\" in pod \"{}\" is waiting to start: {}",
            pod.name(),
            waiting.unwrap_or_else(|| "ContainerCreating".to_owned())
        ));
    } else {
        current
    };
    let lines = simulation
        .logs
        .get(&name)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let at = simulation
        .snapshots
        .iter()
        .rev()
        .find(|s| simulation.wall(s.at) <= seen.now)
        .map_or(VirtualTime::ZERO, |s| s.at);
    let _ = at;
    Ok(lines
        .iter()
        .filter(|line| line.run == run && simulation.wall(line.at) <= seen.now)
        .map(|line| format!("{}\n", line.text))
        .collect())
}
