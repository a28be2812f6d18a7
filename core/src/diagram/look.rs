//! How each container looks at one instant, read from a Pod's `status`: a pure function of Pod
//! objects, so a simulated Pod and one pasted from a cluster look alike. Every state has a word,
//! an icon and a colour; the colour is never the only sign.

use crate::api::v1::{ContainerKind, Pod};

/// The most characters of a state's line in a container's box (its width after the icon, in
/// the diagram's 11 px monospace).
pub const BOX_STATE_CHARS: usize = 21;

/// A container's state as drawn.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Visual {
    /// No status yet: the Pod is not scheduled or the kubelet has not reported.
    NotStarted,
    /// Waiting, with the kubelet's reason (`ContainerCreating`, `ImagePullBackOff`).
    Waiting(String),
    /// An init container running (not a native sidecar): it has no readiness, and the Pod's
    /// next containers wait for it to complete.
    RunningInit,
    /// Running; `ready` is its readiness.
    Running {
        /// True when the container is ready.
        ready: bool,
    },
    /// Ended with exit code 0.
    Succeeded,
    /// Ended with another exit code, and the reason.
    Failed {
        /// The exit code.
        code: i32,
        /// The reason (`Error`, `OOMKilled`).
        reason: String,
    },
    /// Waiting out the back-off after crashing; `oom` when the last crash was the OOM killer.
    CrashLoop {
        /// True when the last termination was `OOMKilled`.
        oom: bool,
    },
    /// Running, but the Pod is being deleted: SIGTERM sent, SIGKILL after the grace period.
    Terminating,
    /// Last seen running on a node that stopped reporting (the Pod's status reason is
    /// `NodeLost`): nobody knows its state, and `kubectl get pods` says `Unknown`.
    Unknown,
}

impl Visual {
    /// One of each kind, for the legend.
    pub const LEGEND: &'static [Visual] = &[
        Visual::NotStarted,
        Visual::Running { ready: false },
        Visual::Running { ready: true },
        Visual::Succeeded,
        Visual::Failed {
            code: 1,
            reason: String::new(),
        },
        Visual::CrashLoop { oom: false },
        Visual::CrashLoop { oom: true },
        Visual::Terminating,
    ];

    /// The CSS class of the state.
    pub fn class(&self) -> &'static str {
        match self {
            Visual::NotStarted | Visual::Waiting(_) => "waiting",
            Visual::Running { ready: true } => "ready",
            Visual::Running { ready: false } => "not-ready",
            Visual::RunningInit => "running",
            Visual::Succeeded => "succeeded",
            // Exit 137 is any SIGKILL; only the kubelet's reason says the OOM killer sent it.
            Visual::Failed { reason, .. } if reason == "OOMKilled" => "oomkilled",
            Visual::Failed { .. } => "error",
            Visual::CrashLoop { oom: true } => "oomkilled crashloop",
            Visual::CrashLoop { oom: false } => "crashloop",
            Visual::Terminating => "terminating",
            Visual::Unknown => "unknown",
        }
    }

    /// The icon's name (the scene draws it as a shape).
    pub fn icon(&self) -> Icon {
        match self {
            Visual::NotStarted | Visual::Waiting(_) => Icon::Clock,
            Visual::Running { ready: true } => Icon::Check,
            Visual::Running { ready: false } | Visual::RunningInit => Icon::Play,
            Visual::Succeeded => Icon::Done,
            Visual::Failed { .. } if self.class() == "oomkilled" => Icon::Memory,
            Visual::Failed { .. } => Icon::Cross,
            Visual::CrashLoop { oom: true } => Icon::Memory,
            Visual::CrashLoop { oom: false } => Icon::Loop,
            Visual::Terminating => Icon::Stop,
            Visual::Unknown => Icon::Question,
        }
    }

    /// The state in words, as drawn in the box: `Running, ready`, `CrashLoopBackOff`.
    pub fn words(&self) -> String {
        match self {
            Visual::NotStarted => "not started".to_owned(),
            Visual::Waiting(reason) => format!("Waiting: {reason}"),
            Visual::Running { ready: true } => "Running, ready".to_owned(),
            Visual::Running { ready: false } => "Running, not ready".to_owned(),
            Visual::RunningInit => "Running".to_owned(),
            Visual::Succeeded => "Completed (exit 0)".to_owned(),
            Visual::Failed { code, reason } if reason.is_empty() => {
                format!("Terminated (exit {code})")
            }
            Visual::Failed { code, reason } => format!("{reason} (exit {code})"),
            Visual::CrashLoop { oom: true } => "CrashLoopBackOff (OOMKilled)".to_owned(),
            Visual::CrashLoop { oom: false } => "CrashLoopBackOff".to_owned(),
            Visual::Terminating => "Terminating".to_owned(),
            Visual::Unknown => "Unknown (node lost)".to_owned(),
        }
    }

    /// The state in the box's one line of [`BOX_STATE_CHARS`]: the icon says waiting, so a
    /// waiting container shows only its reason, and a crash loop after an OOM kill says so in
    /// short. The box's title has [`Visual::words`] in full.
    pub fn box_words(&self) -> String {
        let words = match self {
            Visual::Waiting(reason) => reason.clone(),
            Visual::CrashLoop { oom: true } => "CrashLoopBackOff: OOM".to_owned(),
            other => other.words(),
        };
        crate::diagram::shorten(&words, BOX_STATE_CHARS)
    }

    /// The legend's words for the kind of state.
    pub fn legend(&self) -> &'static str {
        match self.class() {
            "waiting" => "waiting",
            "ready" => "running, ready",
            "not-ready" => "running, not ready",
            "succeeded" => "completed",
            "error" => "failed",
            "crashloop" => "CrashLoopBackOff",
            "oomkilled" | "oomkilled crashloop" => "OOMKilled",
            "unknown" => "unknown: node lost",
            _ => "terminating",
        }
    }
}

/// The icons of states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Icon {
    /// A clock: waiting.
    Clock,
    /// A triangle: running, not ready.
    Play,
    /// A tick: running and ready.
    Check,
    /// A tick in a ring: completed.
    Done,
    /// A cross: failed.
    Cross,
    /// A circular arrow: restarting after a back-off.
    Loop,
    /// A memory chip: killed for using too much memory.
    Memory,
    /// A square: being stopped.
    Stop,
    /// A question mark: unknown.
    Question,
}

impl Icon {
    /// SVG path data of the icon in a 16×16 box at (`x`, `y`), with fixed precision.
    pub fn path(self, x: u32, y: u32) -> String {
        let (x, y) = (i64::from(x), i64::from(y));
        match self {
            Icon::Clock => format!(
                "M{} {} a7 7 0 1 0 0.01 0 M{} {} v5 h4",
                x + 8,
                y + 1,
                x + 8,
                y + 4
            ),
            Icon::Play => format!(
                "M{} {} L{} {} L{} {} Z",
                x + 3,
                y + 2,
                x + 14,
                y + 8,
                x + 3,
                y + 14
            ),
            Icon::Check => format!(
                "M{} {} L{} {} L{} {}",
                x + 2,
                y + 8,
                x + 6,
                y + 13,
                x + 14,
                y + 3
            ),
            Icon::Done => format!(
                "M{} {} a7 7 0 1 0 0.01 0 M{} {} L{} {} L{} {}",
                x + 8,
                y + 1,
                x + 4,
                y + 8,
                x + 7,
                y + 11,
                x + 12,
                y + 5
            ),
            Icon::Cross => format!(
                "M{} {} L{} {} M{} {} L{} {}",
                x + 3,
                y + 3,
                x + 13,
                y + 13,
                x + 13,
                y + 3,
                x + 3,
                y + 13
            ),
            Icon::Loop => format!(
                "M{} {} A6 6 0 1 1 {} {} M{} {} L{} {} L{} {}",
                x + 14,
                y + 8,
                x + 8,
                y + 2,
                x + 8,
                y + 2,
                x + 11,
                y,
                x + 11,
                y + 4
            ),
            Icon::Memory => format!(
                "M{} {} h10 v10 h-10 Z M{} {} v-2 M{} {} v-2 M{} {} v2 M{} {} v2",
                x + 3,
                y + 3,
                x + 6,
                y + 3,
                x + 10,
                y + 3,
                x + 6,
                y + 13,
                x + 10,
                y + 13
            ),
            Icon::Stop => format!("M{} {} h10 v10 h-10 Z", x + 3, y + 3),
            Icon::Question => format!(
                "M{} {} a4 4 0 1 1 4 4 v3 M{} {} v1",
                x + 4,
                y + 5,
                x + 8,
                y + 14
            ),
        }
    }
}

/// The look of a whole Pod at one instant.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Look {
    /// Each container's state, in [`Pod::all_containers`] order.
    pub containers: Vec<Visual>,
    /// The Pod IP, once the sandbox has one.
    pub pod_ip: Option<String>,
    /// `kubectl get pods`' STATUS, for the Pod's title.
    pub status: Option<String>,
}

impl Look {
    /// The look of `observed` (a Pod object with its status, as the API server holds it), for
    /// the containers of `pod`'s spec.
    pub fn of(pod: &Pod, observed: &Pod) -> Look {
        let status = observed.status.as_deref();
        let deleting = observed.metadata.deletion_timestamp.is_some();
        let node_lost = status.and_then(|s| s.reason.as_deref())
            == Some(crate::cluster::node_lifecycle::NODE_LOST_REASON);
        let containers = pod
            .all_containers()
            .map(|(kind, container)| {
                let list = match (kind, status) {
                    (_, None) => &[][..],
                    (ContainerKind::App, Some(status)) => status.container_statuses.as_slice(),
                    (_, Some(status)) => status.init_container_statuses.as_slice(),
                };
                let Some(found) = list.iter().find(|s| s.name == container.name) else {
                    return Visual::NotStarted;
                };
                let last_oom = found
                    .last_state
                    .as_ref()
                    .and_then(|s| s.terminated.as_ref())
                    .is_some_and(|t| t.reason.as_deref() == Some("OOMKilled"));
                let Some(state) = found.state.as_ref() else {
                    return Visual::NotStarted;
                };
                if state.running.is_some() {
                    if node_lost {
                        Visual::Unknown
                    } else if deleting {
                        Visual::Terminating
                    } else if kind == ContainerKind::Init {
                        Visual::RunningInit
                    } else {
                        Visual::Running { ready: found.ready }
                    }
                } else if let Some(terminated) = &state.terminated {
                    if terminated.exit_code == 0 {
                        Visual::Succeeded
                    } else {
                        Visual::Failed {
                            code: terminated.exit_code,
                            reason: terminated.reason.clone().unwrap_or_default(),
                        }
                    }
                } else {
                    match state.waiting.as_ref().and_then(|w| w.reason.as_deref()) {
                        Some("CrashLoopBackOff") => Visual::CrashLoop { oom: last_oom },
                        Some(reason) => Visual::Waiting(reason.to_owned()),
                        None => Visual::Waiting("ContainerCreating".to_owned()),
                    }
                }
            })
            .collect();
        Look {
            containers,
            pod_ip: status.and_then(|s| s.pod_ip.clone()),
            status: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::parse;

    #[test]
    fn a_pasted_pod_in_crash_loop_after_an_oom_kill() {
        let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: x}, {name: b, image: y}]\nstatus:\n  podIP: 10.1.2.3\n  containerStatuses:\n  - name: a\n    ready: false\n    restartCount: 3\n    image: x\n    imageID: ''\n    state: {waiting: {reason: CrashLoopBackOff}}\n    lastState: {terminated: {exitCode: 137, reason: OOMKilled}}\n  - name: b\n    ready: true\n    restartCount: 0\n    image: y\n    imageID: ''\n    state: {running: {startedAt: '2026-01-01T00:00:00Z'}}\n";
        let pod = parse(text).pod.expect("a Pod");
        let look = Look::of(&pod, &pod);
        assert_eq!(
            look.containers,
            [
                Visual::CrashLoop { oom: true },
                Visual::Running { ready: true }
            ]
        );
        assert_eq!(look.pod_ip.as_deref(), Some("10.1.2.3"));
        assert_eq!(look.containers[0].words(), "CrashLoopBackOff (OOMKilled)");
        assert_eq!(look.containers[0].class(), "oomkilled crashloop");
    }

    #[test]
    fn a_sigkill_is_not_an_oom_kill() {
        let killed = Visual::Failed {
            code: 137,
            reason: "Error".to_owned(),
        };
        assert_eq!((killed.class(), killed.icon()), ("error", Icon::Cross));
        let oom = Visual::Failed {
            code: 137,
            reason: "OOMKilled".to_owned(),
        };
        assert_eq!((oom.class(), oom.icon()), ("oomkilled", Icon::Memory));
    }
}
