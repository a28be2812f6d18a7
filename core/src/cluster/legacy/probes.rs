//! Liveness, readiness and startup probes of one container run (pkg/kubelet/prober): when they
//! run, what they find, and what follows — a kill and restart, or a change of readiness.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use crate::api::v1::{Container, IntOrString, Probe};
use crate::base::time::VirtualTime;
use crate::cluster::legacy::program::{RunPlan, Surroundings};
use crate::cluster::scenario::ProbeKind;
use crate::runtime::images::Behaviour;
use crate::runtime::shell::{Limits, Outcome, run_script};

/// What the probes of one run decide.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProbeOutcome {
    /// When a liveness or startup probe gave up on the container, and which.
    pub kill: Option<(u64, &'static str)>,
    /// When the startup probe succeeded (`None` without one: started at once).
    pub started_ok: Option<u64>,
    /// Intervals (from, to) when the readiness probe says ready; `None` without a readiness
    /// probe (ready whenever started).
    pub ready: Option<Vec<(u64, u64)>>,
    /// Failed checks, for `Unhealthy` events: (instant, probe kind, message).
    pub failures: Vec<(u64, &'static str, String)>,
}

/// How many times one simulation may replay a container's script for an exec probe. Each check
/// replays the script from the container's start, so checks cost more the longer a container
/// runs; past this budget an exec probe repeats its last verdict.
pub const MAX_EXEC_REPLAYS: u32 = 200;

/// The exec-probe replays left to one simulation, for each kind of probe.
#[derive(Debug)]
pub struct ReplayBudget {
    left: [Cell<u32>; 3],
    /// True once a check had to repeat a verdict.
    pub ran_out: Cell<bool>,
}

impl Default for ReplayBudget {
    fn default() -> ReplayBudget {
        ReplayBudget {
            left: [
                Cell::new(MAX_EXEC_REPLAYS),
                Cell::new(MAX_EXEC_REPLAYS),
                Cell::new(MAX_EXEC_REPLAYS),
            ],
            ran_out: Cell::new(false),
        }
    }
}

impl ReplayBudget {
    /// Takes one replay for a probe of `kind`, if any is left.
    fn take(&self, kind: ProbeKind) -> bool {
        let cell = &self.left[kind as usize];
        let left = cell.get();
        if left == 0 {
            self.ran_out.set(true);
            return false;
        }
        cell.set(left - 1);
        true
    }
}

/// Where a probe can reach the container.
pub struct Target<'a> {
    /// The container.
    pub container: &'a Container,
    /// What it runs.
    pub plan: &'a RunPlan,
    /// The Pod's name.
    pub pod_name: &'a str,
    /// The Pod's IP.
    pub pod_ip: &'a str,
    /// Services that resolve.
    pub dns: &'a Surroundings,
    /// Forced verdicts from the scenario: from this instant, this probe passes (`true`) or fails.
    pub forced: &'a [(u64, ProbeKind, bool)],
    /// The simulation's exec-probe replays left.
    pub budget: &'a ReplayBudget,
    /// Each exec probe's last verdict in this run, repeated once the budget runs out.
    pub last: RefCell<BTreeMap<ProbeKind, Result<(), String>>>,
}

/// The most checks of one probe in one run.
const MAX_CHECKS: u64 = 20_000;

/// Runs the probes of a run that started at `started` and ends by `end` (its exit, or the
/// horizon).
pub fn run(target: &Target<'_>, started: u64, end: u64) -> ProbeOutcome {
    let container = target.container;
    let mut outcome = ProbeOutcome::default();
    // The startup probe first; the others wait for it.
    let mut gate = started;
    if let Some(probe) = &container.startup_probe {
        let mut failures = 0;
        let mut decided = false;
        for at in schedule(probe, started, end) {
            match verdict(target, ProbeKind::Startup, probe, at, started) {
                Ok(()) => {
                    outcome.started_ok = Some(at);
                    gate = at;
                    decided = true;
                    break;
                }
                Err(message) => {
                    outcome.failures.push((at, "Startup", message));
                    failures += 1;
                    if failures >= threshold(probe.failure_threshold, 3) {
                        outcome.kill = Some((at, "startup"));
                        decided = true;
                        break;
                    }
                }
            }
        }
        if !decided || outcome.kill.is_some() {
            // Not started before the end: liveness and readiness never ran.
            outcome.ready = container.readiness_probe.as_ref().map(|_| Vec::new());
            return outcome;
        }
    }
    let mut end_of_life = end;
    if let Some(probe) = &container.liveness_probe {
        let mut failures = 0;
        for at in schedule(probe, started, end).filter(|at| *at >= gate) {
            match verdict(target, ProbeKind::Liveness, probe, at, started) {
                Ok(()) => failures = 0,
                Err(message) => {
                    outcome.failures.push((at, "Liveness", message));
                    failures += 1;
                    if failures >= threshold(probe.failure_threshold, 3) {
                        outcome.kill = Some((at, "liveness"));
                        end_of_life = at;
                        break;
                    }
                }
            }
        }
    }
    if let Some(probe) = &container.readiness_probe {
        let mut intervals = Vec::new();
        let (mut ready_since, mut successes, mut failures) = (None::<u64>, 0, 0);
        for at in schedule(probe, started, end_of_life).filter(|at| *at >= gate) {
            match verdict(target, ProbeKind::Readiness, probe, at, started) {
                Ok(()) => {
                    failures = 0;
                    successes += 1;
                    if ready_since.is_none() && successes >= threshold(probe.success_threshold, 1) {
                        ready_since = Some(at);
                    }
                }
                Err(message) => {
                    outcome.failures.push((at, "Readiness", message));
                    successes = 0;
                    failures += 1;
                    if let Some(since) = ready_since
                        && failures >= threshold(probe.failure_threshold, 3)
                    {
                        intervals.push((since, at));
                        ready_since = None;
                    }
                }
            }
        }
        if let Some(since) = ready_since {
            intervals.push((since, end_of_life));
        }
        outcome.ready = Some(intervals);
    }
    crate::base::sorting::sort_by_key(&mut outcome.failures, |(at, _, _)| *at);
    outcome
}

fn threshold(value: Option<i32>, default: u32) -> u32 {
    value
        .and_then(|v| u32::try_from(v).ok())
        .filter(|v| *v > 0)
        .unwrap_or(default)
}

/// The instants a probe runs: `initialDelaySeconds` after the start, then every
/// `periodSeconds`, before `end`.
fn schedule(probe: &Probe, started: u64, end: u64) -> impl Iterator<Item = u64> {
    let delay = u64::try_from(probe.initial_delay_seconds.unwrap_or(0).max(0)).unwrap_or(0) * 1000;
    let period = u64::try_from(probe.period_seconds.unwrap_or(10).max(1)).unwrap_or(10) * 1000;
    (0..MAX_CHECKS)
        .map(move |index| started + delay + index * period)
        .take_while(move |at| *at < end)
}

/// One check at `at` of a run that started at `started`: the scenario's forced verdict for
/// the probe, if it has one by then, or what the probe finds.
fn verdict(
    target: &Target<'_>,
    kind: ProbeKind,
    probe: &Probe,
    at: u64,
    started: u64,
) -> Result<(), String> {
    let forced = target
        .forced
        .iter()
        .rev()
        .find(|(from, forced_kind, _)| *from <= at && *forced_kind == kind);
    match forced {
        Some((_, _, true)) => Ok(()),
        Some((_, _, false)) => Err(forced_failure(target, probe)),
        None if probe.exec.is_some() && !target.budget.take(kind) => {
            target.last.borrow().get(&kind).cloned().unwrap_or(Ok(()))
        }
        None => {
            let result = check(target, probe, at - started);
            if probe.exec.is_some() {
                target.last.borrow_mut().insert(kind, result.clone());
            }
            result
        }
    }
}

/// The kubelet's words for a probe the scenario makes fail: the handler's usual failure.
fn forced_failure(target: &Target<'_>, probe: &Probe) -> String {
    let ip = target.pod_ip;
    if probe.http_get.is_some() {
        return "HTTP probe failed with statuscode: 503".to_owned();
    }
    let port = |port: &IntOrString| match port {
        IntOrString::Int(number) => number.to_string(),
        IntOrString::String(name) => target
            .container
            .ports
            .iter()
            .find(|p| p.name.as_deref() == Some(name))
            .map_or_else(|| name.clone(), |p| p.container_port.to_string()),
    };
    if let Some(tcp) = &probe.tcp_socket {
        return format!(
            "dial tcp {ip}:{}: connect: connection refused",
            port(&tcp.port)
        );
    }
    if let Some(grpc) = &probe.grpc {
        return format!(
            "timeout: failed to connect service \"{ip}:{}\" within 1s: context deadline exceeded",
            grpc.port
        );
    }
    // An exec probe's message is its command's output, empty here.
    String::new()
}

/// The script an exec handler runs: the `-c` script of `sh -c`, or the command itself, quoted.
pub fn exec_script(command: &[String]) -> String {
    match command {
        [shell, flag, script, ..]
            if matches!(shell.rsplit('/').next(), Some("sh" | "bash" | "ash"))
                && crate::runtime::shell::is_command_flag(flag) =>
        {
            script.clone()
        }
        command => command
            .iter()
            .map(|arg| format!("'{}'", arg.replace('\'', "'\\''")))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// One check, `since_start` after the container started: `Err` with the kubelet's message on
/// failure.
fn check(target: &Target<'_>, probe: &Probe, since_start: u64) -> Result<(), String> {
    let ip = target.pod_ip;
    if let Some(exec) = &probe.exec {
        if target.plan.busy {
            // The container's shell never pauses: the probe's command does not get to run.
            return Err("command timed out".to_owned());
        }
        let mut host =
            target
                .plan
                .host_at(target.container, target.pod_name, target.dns, since_start);
        let script = exec_script(&exec.command);
        let timeout = u64::try_from(probe.timeout_seconds.unwrap_or(1).max(1))
            .unwrap_or(1)
            .saturating_mul(1000);
        let limits = Limits::until(VirtualTime::from_millis(host.now.as_millis() + timeout));
        let run = run_script(&script, &Default::default(), &mut host, limits);
        let output: Vec<&str> = host
            .output
            .iter()
            .map(|(_, _, line)| line.as_str())
            .collect();
        return match run.outcome {
            Outcome::Exited(0) => Ok(()),
            Outcome::Exited(_) => Err(output.join("\n")),
            Outcome::Running | Outcome::BusyLoop => {
                Err(format!("command timed out after {}s", timeout / 1000))
            }
        };
    }
    let port_of = |port: &IntOrString| -> Result<u16, String> {
        match port {
            IntOrString::Int(number) => {
                u16::try_from(*number).map_err(|_| format!("invalid port {number}"))
            }
            IntOrString::String(name) => target
                .container
                .ports
                .iter()
                .find(|p| p.name.as_deref() == Some(name))
                .and_then(|p| u16::try_from(p.container_port).ok())
                .ok_or_else(|| format!("strconv.Atoi: parsing \"{name}\": invalid syntax")),
        }
    };
    let behaviour = target.plan.behaviour();
    let listens = |port: u16| {
        target.plan.listening().contains(&port)
            || (behaviour == Some(Behaviour::HealthyForTenSeconds) && port == 8080)
    };
    if let Some(get) = &probe.http_get {
        let port = port_of(&get.port)?;
        let path = get.path.as_deref().unwrap_or("/");
        let scheme = get.scheme.as_deref().unwrap_or("HTTP").to_lowercase();
        if !listens(port) {
            return Err(format!(
                "Get \"{scheme}://{ip}:{port}{path}\": dial tcp {ip}:{port}: connect: connection refused"
            ));
        }
        // registry.k8s.io/liveness: /healthz answers 200 for 10 seconds, then 500.
        if behaviour == Some(Behaviour::HealthyForTenSeconds) && since_start >= 10_000 {
            return Err("HTTP probe failed with statuscode: 500".to_owned());
        }
        let status = target.plan.http_status(path);
        if !(200..400).contains(&status) {
            return Err(format!("HTTP probe failed with statuscode: {status}"));
        }
        return Ok(());
    }
    if let Some(tcp) = &probe.tcp_socket {
        let port = port_of(&tcp.port)?;
        return if listens(port) {
            Ok(())
        } else {
            Err(format!("dial tcp {ip}:{port}: connect: connection refused"))
        };
    }
    if let Some(grpc) = &probe.grpc {
        let port = u16::try_from(grpc.port).unwrap_or(0);
        return if listens(port) {
            Ok(())
        } else {
            Err(format!(
                "timeout: failed to connect service \"{ip}:{port}\" within 1s: context deadline exceeded"
            ))
        };
    }
    Ok(())
}
