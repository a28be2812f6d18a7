//! `kubectl get pods`: the columns the API server's table printer computes for a Pod
//! (pkg/printers/internalversion/printers.go `printPod`, v1.35), and kubectl's table layout.
//!
//! These are pure functions of a Pod object and "now", so they work the same on a simulated Pod
//! and on a real one pasted from a cluster.

use crate::api::v1::{ContainerState, ContainerStatus, Pod};
use crate::base::timestamp::Timestamp;
use crate::kubectl::tabwriter::TabWriter;

/// One row of `kubectl get pods` (the last four cells only with `-o wide`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PodRow {
    /// NAME.
    pub name: String,
    /// READY: ready containers / containers (native sidecars included).
    pub ready: String,
    /// STATUS: the reason kubectl shows, such as `Running`, `Init:0/2` or `CrashLoopBackOff`.
    pub status: String,
    /// RESTARTS, with the time of the last restart: `3 (10s ago)`.
    pub restarts: String,
    /// AGE.
    pub age: String,
    /// IP (`-o wide`).
    pub ip: String,
    /// NODE (`-o wide`).
    pub node: String,
    /// NOMINATED NODE (`-o wide`).
    pub nominated_node: String,
    /// READINESS GATES (`-o wide`).
    pub readiness_gates: String,
}

/// The header of `kubectl get pods`.
pub const HEADER: [&str; 5] = ["NAME", "READY", "STATUS", "RESTARTS", "AGE"];
/// The extra header of `kubectl get pods -o wide`.
pub const WIDE_HEADER: [&str; 4] = ["IP", "NODE", "NOMINATED NODE", "READINESS GATES"];

/// The row of `pod` at `now`.
pub fn pod_row(pod: &Pod, now: Timestamp) -> PodRow {
    let status = pod.status.as_deref();
    let init_specs = &pod.spec.init_containers;
    let is_sidecar = |name: &str| {
        init_specs
            .iter()
            .find(|container| container.name == name)
            .is_some_and(|container| container.is_sidecar())
    };
    let total = pod.spec.containers.len() + init_specs.iter().filter(|c| c.is_sidecar()).count();
    let mut ready = 0usize;
    let mut restarts = 0i64;
    let mut sidecar_restarts = 0i64;
    let mut last_restart: Option<Timestamp> = None;
    let mut last_sidecar_restart: Option<Timestamp> = None;

    let phase = status.and_then(|s| s.phase.clone()).unwrap_or_default();
    let mut reason = status
        .and_then(|s| s.reason.clone())
        .filter(|reason| !reason.is_empty())
        .unwrap_or_else(|| phase.clone());
    let conditions = status.map(|s| s.conditions.as_slice()).unwrap_or_default();
    if conditions
        .iter()
        .any(|c| c.kind == "PodScheduled" && c.reason.as_deref() == Some("SchedulingGated"))
    {
        reason = "SchedulingGated".to_owned();
    }

    let init_statuses = status
        .map(|s| s.init_container_statuses.as_slice())
        .unwrap_or_default();
    let mut initializing = false;
    for (index, container) in init_statuses.iter().enumerate() {
        restarts += i64::from(container.restart_count);
        let finished = last_finished(container);
        last_restart = later(last_restart, finished);
        let sidecar = is_sidecar(&container.name);
        if sidecar {
            sidecar_restarts += i64::from(container.restart_count);
            last_sidecar_restart = later(last_sidecar_restart, finished);
        }
        let state = container.state.as_ref();
        let terminated = state.and_then(|s| s.terminated.as_ref());
        let waiting = state.and_then(|s| s.waiting.as_ref());
        if terminated.is_some_and(|t| t.exit_code == 0) {
            continue;
        }
        if sidecar && container.started == Some(true) {
            if container.ready {
                ready += 1;
            }
            continue;
        }
        initializing = true;
        if let Some(terminated) = terminated {
            reason = match terminated.reason.as_deref().filter(|r| !r.is_empty()) {
                Some(why) => format!("Init:{why}"),
                None if terminated.signal.unwrap_or(0) != 0 => {
                    format!("Init:Signal:{}", terminated.signal.unwrap_or(0))
                }
                None => format!("Init:ExitCode:{}", terminated.exit_code),
            };
        } else if let Some(why) = waiting
            .and_then(|w| w.reason.as_deref())
            .filter(|r| !r.is_empty() && *r != "PodInitializing")
        {
            reason = format!("Init:{why}");
        } else {
            reason = format!("Init:{index}/{}", init_specs.len());
        }
        break;
    }

    let initialized = conditions
        .iter()
        .any(|c| c.kind == "Initialized" && c.status == "True");
    if !initializing || initialized {
        restarts = sidecar_restarts;
        last_restart = last_sidecar_restart;
        let mut has_running = false;
        let mut error_reason: Option<String> = None;
        let statuses = status
            .map(|s| s.container_statuses.as_slice())
            .unwrap_or_default();
        for container in statuses.iter().rev() {
            restarts += i64::from(container.restart_count);
            last_restart = later(last_restart, last_finished(container));
            let state = container.state.as_ref();
            let waiting = state.and_then(|s| s.waiting.as_ref());
            let terminated = state.and_then(|s| s.terminated.as_ref());
            if let Some(why) = waiting
                .and_then(|w| w.reason.as_deref())
                .filter(|r| !r.is_empty())
            {
                reason = why.to_owned();
            } else if let Some(terminated) = terminated {
                reason = match terminated.reason.as_deref().filter(|r| !r.is_empty()) {
                    Some(why) => why.to_owned(),
                    None if terminated.signal.unwrap_or(0) != 0 => {
                        format!("Signal:{}", terminated.signal.unwrap_or(0))
                    }
                    None => format!("ExitCode:{}", terminated.exit_code),
                };
                if terminated.exit_code != 0 {
                    error_reason = Some(reason.clone());
                }
            } else if container.ready && state.is_some_and(|s| s.running.is_some()) {
                has_running = true;
                ready += 1;
            }
        }
        if reason == "Completed" {
            let pod_ready = conditions
                .iter()
                .any(|c| c.kind == "Ready" && c.status == "True");
            if has_running && pod_ready {
                reason = "Running".to_owned();
            } else if let Some(error) = error_reason {
                reason = error;
            } else if has_running {
                reason = "NotReady".to_owned();
            }
        }
    }

    let deleting = pod.metadata.deletion_timestamp.is_some();
    let node_lost = status.and_then(|s| s.reason.as_deref()) == Some("NodeLost");
    let terminal = matches!(phase.as_str(), "Succeeded" | "Failed");
    if deleting && node_lost {
        reason = "Unknown".to_owned();
    } else if deleting && !terminal {
        reason = "Terminating".to_owned();
    }

    let restarts_text = match last_restart {
        Some(at) if restarts != 0 => format!("{restarts} ({} ago)", since(at, now)),
        _ => restarts.to_string(),
    };
    let age = pod
        .metadata
        .creation_timestamp
        .as_deref()
        .and_then(Timestamp::parse)
        .map_or_else(|| "<unknown>".to_owned(), |created| since(created, now));

    let or_none = |value: Option<&str>| {
        value
            .filter(|value| !value.is_empty())
            .unwrap_or("<none>")
            .to_owned()
    };
    let ip = status
        .and_then(|s| s.pod_ips.first())
        .map(|ip| ip.ip.as_str());
    let readiness_gates = if pod.spec.readiness_gates.is_empty() {
        "<none>".to_owned()
    } else {
        let true_gates = pod
            .spec
            .readiness_gates
            .iter()
            .filter(|gate| {
                conditions
                    .iter()
                    .find(|c| c.kind == gate.condition_type)
                    .is_some_and(|c| c.status == "True")
            })
            .count();
        format!("{true_gates}/{}", pod.spec.readiness_gates.len())
    };
    PodRow {
        name: pod.name().to_owned(),
        ready: format!("{ready}/{total}"),
        status: reason,
        restarts: restarts_text,
        age,
        ip: or_none(ip),
        node: or_none(pod.spec.node_name.as_deref()),
        nominated_node: or_none(status.and_then(|s| s.nominated_node_name.as_deref())),
        readiness_gates,
    }
}

/// When the container's previous run finished, if it has one.
fn last_finished(container: &ContainerStatus) -> Option<Timestamp> {
    container
        .last_state
        .as_ref()
        .and_then(|state: &ContainerState| state.terminated.as_ref())
        .and_then(|terminated| terminated.finished_at.as_deref())
        .and_then(Timestamp::parse)
}

fn later(current: Option<Timestamp>, candidate: Option<Timestamp>) -> Option<Timestamp> {
    match (current, candidate) {
        (Some(current), Some(candidate)) => Some(current.max(candidate)),
        (current, candidate) => current.or(candidate),
    }
}

/// `translateTimestampSince`: the age of `then` at `now`, in kubectl's short form.
fn since(then: Timestamp, now: Timestamp) -> String {
    human_duration_millis(now.millis_since(then))
}

/// Upstream's `duration.HumanDuration` (k8s.io/apimachinery/pkg/util/duration): `30s`, `2m30s`,
/// `100m`, `5h10m`, `2d`, `3y45d`.
pub fn human_duration_millis(millis: i64) -> String {
    // Go converts the duration to whole seconds by truncation.
    let seconds = millis / 1000;
    if seconds < -1 {
        return "<invalid>".to_owned();
    }
    if seconds < 0 {
        return "0s".to_owned();
    }
    if seconds < 120 {
        return format!("{seconds}s");
    }
    let minutes = seconds / 60;
    if minutes < 10 {
        let rest = seconds % 60;
        return if rest == 0 {
            format!("{minutes}m")
        } else {
            format!("{minutes}m{rest}s")
        };
    }
    if minutes < 180 {
        return format!("{minutes}m");
    }
    let hours = seconds / 3600;
    if hours < 8 {
        let rest = minutes % 60;
        return if rest == 0 {
            format!("{hours}h")
        } else {
            format!("{hours}h{rest}m")
        };
    }
    if hours < 48 {
        return format!("{hours}h");
    }
    if hours < 24 * 8 {
        let rest = hours % 24;
        return if rest == 0 {
            format!("{}d", hours / 24)
        } else {
            format!("{}d{rest}h", hours / 24)
        };
    }
    if hours < 24 * 365 * 2 {
        return format!("{}d", hours / 24);
    }
    if hours < 24 * 365 * 8 {
        let rest = (hours / 24) % 365;
        return if rest == 0 {
            format!("{}y", hours / 24 / 365)
        } else {
            format!("{}y{rest}d", hours / 24 / 365)
        };
    }
    format!("{}y", hours / 24 / 365)
}

/// Lays out rows as kubectl's table printer does (Go's tabwriter, minimum width 6, padding 3).
pub fn table(rows: &[Vec<String>]) -> String {
    let text: String = rows
        .iter()
        .map(|row| format!("{}\n", row.join("\t")))
        .collect();
    TabWriter::TABLE.format(&text)
}

/// The rows `kubectl get pods -w` prints for a simulated Pod until `until`: one whenever what it
/// shows (AGE aside) changes.
pub fn watch_rows(simulation: &crate::cluster::Simulation, until: Timestamp) -> Vec<PodRow> {
    let mut rows: Vec<PodRow> = Vec::new();
    for snapshot in simulation
        .snapshots
        .iter()
        .filter(|s| s.pod.status.is_some())
    {
        let at = simulation.wall(snapshot.at);
        if at > until {
            break;
        }
        let row = pod_row(&snapshot.pod, at);
        let same = rows.last().is_some_and(|last| {
            (&last.name, &last.ready, &last.status, &last.restarts)
                == (&row.name, &row.ready, &row.status, &row.restarts)
        });
        if !same {
            rows.push(row);
        }
    }
    rows
}

/// `kubectl get pods` (or `-o wide`) for `pods` at `now`: header and rows.
pub fn get_pods(pods: &[&Pod], now: Timestamp, wide: bool) -> String {
    let mut rows: Vec<Vec<String>> = Vec::with_capacity(pods.len() + 1);
    let mut header: Vec<String> = HEADER.iter().map(|h| (*h).to_owned()).collect();
    if wide {
        header.extend(WIDE_HEADER.iter().map(|h| (*h).to_owned()));
    }
    rows.push(header);
    for pod in pods {
        let row = pod_row(pod, now);
        let mut cells = vec![row.name, row.ready, row.status, row.restarts, row.age];
        if wide {
            cells.extend([row.ip, row.node, row.nominated_node, row.readiness_gates]);
        }
        rows.push(cells);
    }
    table(&rows)
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use super::*;

    /// Upstream: TestHumanDuration (apimachinery/pkg/util/duration/duration_test.go) and
    /// TestHumanDurationBoundaries.
    #[test]
    fn human_durations() {
        let cases: &[i64] = &[
            -2,
            -1,
            0,
            1,
            30,
            119,
            120,
            150,
            300,
            599,
            600,
            6_000,
            10_799,
            10_800,
            18_600,
            28_799,
            28_800,
            172_799,
            172_800,
            180_000,
            691_199,
            691_200,
            7_776_000,
            63_071_999,
            63_072_000,
            94_608_000,
            252_287_999,
            252_288_000,
            315_360_000,
        ];
        let out: String = cases
            .iter()
            .map(|seconds| format!("{seconds}s → {}\n", human_duration_millis(seconds * 1000)))
            .collect();
        expect![[r#"
            -2s → <invalid>
            -1s → 0s
            0s → 0s
            1s → 1s
            30s → 30s
            119s → 119s
            120s → 2m
            150s → 2m30s
            300s → 5m
            599s → 9m59s
            600s → 10m
            6000s → 100m
            10799s → 179m
            10800s → 3h
            18600s → 5h10m
            28799s → 7h59m
            28800s → 8h
            172799s → 47h
            172800s → 2d
            180000s → 2d2h
            691199s → 7d23h
            691200s → 8d
            7776000s → 90d
            63071999s → 729d
            63072000s → 2y
            94608000s → 3y
            252287999s → 7y364d
            252288000s → 8y
            315360000s → 10y
        "#]]
        .assert_eq(&out);
    }
}
