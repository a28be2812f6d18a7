//! How the kubelet stops a container (pkg/kubelet/kuberuntime/kuberuntime_container.go
//! `killContainer`): the preStop hook first, within the grace period; then the stop signal; then
//! SIGKILL once what is left of the grace period (at least 2 seconds) runs out. A server stops
//! on SIGTERM at once; a shell as PID 1 ignores it and is killed.

use crate::api::defaults::DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
use crate::api::v1::Pod;
use crate::cluster::event::seconds_to_ms;
use crate::runtime::images::Behaviour;

/// The kubelet always gives a container at least this long between the stop signal and SIGKILL
/// (`minimumGracePeriodInSeconds`).
pub const MINIMUM_GRACE_SECONDS: i64 = 2;

/// How long a program that handles SIGTERM takes to exit after it.
pub const SIGTERM_EXIT_MS: u64 = 100;

/// How long the pod worker takes to terminate a deleted Pod that has nothing running
/// (`syncTerminatingPod`: stop the sandbox, then report the Pod's last status). The API server's
/// deletion mark and the kubelet's terminal status are two writes a watch sees apart.
pub const STOPPED_POD_TERMINATION_MS: u64 = 100;

/// A Pod's deletion as its kubelet carries it out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Termination {
    /// When the kubelet saw the deletion.
    pub seen: u64,
    /// The grace period, in seconds.
    pub grace_seconds: i64,
    /// True for a static Pod whose file was removed: its mirror is not marked.
    pub file_removed: bool,
}

/// The Pod's own grace period, in seconds: its `terminationGracePeriodSeconds`, or the default
/// 30 s (never below 0).
pub fn pod_grace_seconds(pod: &Pod) -> i64 {
    pod.spec
        .termination_grace_period_seconds
        .unwrap_or(DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS)
        .max(0)
}

/// How long the kubelet waits between the stop signal and SIGKILL for a grace period of
/// `grace_seconds`: the grace period, at least 2 seconds.
pub fn kill_delay_ms(grace_seconds: i64) -> u64 {
    seconds_to_ms(grace_seconds.max(MINIMUM_GRACE_SECONDS))
}

/// When a program stops after the stop signal, and its exit code: a server exits 0 at once, an
/// image's other programs exit 143 (SIGTERM) at once, and a shell script (or a program the
/// playground does not know) ignores SIGTERM and is killed (137) after `kill_after_ms`.
pub fn stop_outcome(behaviour: Option<Behaviour>, kill_after_ms: u64) -> (u64, i32) {
    match behaviour {
        Some(Behaviour::Server) => (SIGTERM_EXIT_MS, 0),
        Some(_) => (SIGTERM_EXIT_MS, 143),
        None => (kill_after_ms, 137),
    }
}
