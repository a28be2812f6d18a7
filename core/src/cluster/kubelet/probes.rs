//! Liveness, readiness and startup probes (pkg/kubelet/prober): when each check runs, what it
//! finds, and how results count. The startup probe runs first and holds the others back; a
//! probe gives up after `failureThreshold` failures in a row (liveness and startup then have the
//! container killed), and readiness needs `successThreshold` successes in a row.

use crate::api::defaults;
use crate::api::v1::{Container, IntOrString, Probe};
use crate::base::time::VirtualTime;
use crate::cluster::kubelet::program::{RunPlan, Surroundings};
use crate::cluster::scenario::ProbeKind;
use crate::runtime::images::Behaviour;
use crate::runtime::shell::{Limits, Outcome, run_script};

/// How many times one Pod may replay a container's script for an exec probe of each kind. Each
/// check replays the script from the container's start, so checks cost more the longer a
/// container runs; past this budget an exec probe repeats its last verdict.
pub const MAX_EXEC_REPLAYS: u32 = 200;

/// The most checks of one probe in one run.
pub const MAX_CHECKS: u64 = 20_000;

/// One probe's results so far in a run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProbeState {
    /// Failures in a row.
    pub failures: u32,
    /// Successes in a row.
    pub successes: u32,
    /// Checks made in this run.
    pub checks: u64,
    /// The last verdict of an exec probe, repeated once the replay budget runs out.
    pub last_exec: Option<Result<(), String>>,
}

/// The probe of `kind` of `container`.
pub fn probe_of(container: &Container, kind: ProbeKind) -> Option<&Probe> {
    match kind {
        ProbeKind::Startup => container.startup_probe.as_deref(),
        ProbeKind::Liveness => container.liveness_probe.as_deref(),
        ProbeKind::Readiness => container.readiness_probe.as_deref(),
    }
}

/// When the first check runs, in a run that started at `started`: `initialDelaySeconds` after.
pub fn first_check(probe: &Probe, started: u64) -> u64 {
    started.saturating_add(seconds(probe.initial_delay_seconds, 0, 0))
}

/// The time between checks: `periodSeconds` (at least one second).
pub fn period_ms(probe: &Probe) -> u64 {
    seconds(probe.period_seconds, defaults::PROBE_PERIOD_SECONDS, 1)
}

/// Failures in a row after which the probe gives up: `failureThreshold`.
pub fn failure_threshold(probe: &Probe) -> u32 {
    threshold(probe.failure_threshold, defaults::PROBE_FAILURE_THRESHOLD)
}

/// Successes in a row after which a readiness probe says ready: `successThreshold`.
pub fn success_threshold(probe: &Probe) -> u32 {
    threshold(probe.success_threshold, defaults::PROBE_SUCCESS_THRESHOLD)
}

/// How long an exec probe's command may take: `timeoutSeconds` (at least one second).
pub fn timeout_ms(probe: &Probe) -> u64 {
    seconds(probe.timeout_seconds, defaults::PROBE_TIMEOUT_SECONDS, 1)
}

fn seconds(value: Option<i32>, default: i32, least: i32) -> u64 {
    u64::try_from(value.unwrap_or(default).max(least))
        .unwrap_or(0)
        .saturating_mul(1000)
}

fn threshold(value: Option<i32>, default: i32) -> u32 {
    value
        .and_then(|v| u32::try_from(v).ok())
        .filter(|v| *v > 0)
        .unwrap_or_else(|| u32::try_from(default).unwrap_or(1))
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
    /// What the run found around it (Services, shared files).
    pub dns: &'a Surroundings,
}

/// The kubelet's words for a probe the scenario makes fail: the handler's usual failure.
pub fn forced_failure(target: &Target<'_>, probe: &Probe) -> String {
    let ip = target.pod_ip;
    if probe.http_get.is_some() {
        return "HTTP probe failed with statuscode: 503".to_owned();
    }
    let port = |port: &IntOrString| match target.container.port_number(port) {
        Some(number) => number.to_string(),
        None => match port {
            IntOrString::Int(number) => number.to_string(),
            IntOrString::String(name) => name.clone(),
        },
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

/// The port a probe or hook names, as a number: its own, or the container's port of that name.
pub fn port_number(container: &Container, port: &IntOrString) -> Result<u16, String> {
    container.port_number(port).ok_or_else(|| match port {
        IntOrString::Int(number) => format!("invalid port {number}"),
        IntOrString::String(name) => format!("strconv.Atoi: parsing \"{name}\": invalid syntax"),
    })
}

/// One check, `since_start` after the container started: `Err` with the kubelet's message on
/// failure.
pub fn check(target: &Target<'_>, probe: &Probe, since_start: u64) -> Result<(), String> {
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
        let timeout = timeout_ms(probe);
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
    let behaviour = target.plan.behaviour();
    let listens = |port: u16| {
        target.plan.listening().contains(&port)
            || (behaviour == Some(Behaviour::HealthyForTenSeconds) && port == 8080)
    };
    if let Some(get) = &probe.http_get {
        let port = port_number(target.container, &get.port)?;
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
        let port = port_number(target.container, &tcp.port)?;
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
