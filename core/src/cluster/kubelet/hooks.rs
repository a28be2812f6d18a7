//! Lifecycle hooks (pkg/kubelet/lifecycle/handlers.go): `postStart` right after a container
//! starts — the kubelet reports it running only once the hook is done, and kills it if the hook
//! fails — and `preStop` before the stop signal, within the grace period.

use crate::api::v1::{Container, LifecycleHandler};
use crate::base::time::VirtualTime;
use crate::cluster::kubelet::probes::{Target, exec_script, port_number};
use crate::runtime::shell::{Limits, MemoryHost, Outcome, run_script};

/// What a hook did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HookRun {
    /// How long it took, in milliseconds (at most the limit it was given).
    pub took: u64,
    /// The kubelet's message when it failed.
    pub failure: Option<String>,
}

/// What a container's `postStart` exec hook left in its files: the hook ran right after the
/// container started, so a later look inside (an exec) finds what it wrote. The hook is run
/// again on `host` at its instant (until its first pause), its output dropped.
pub fn replay_post_start(container: &Container, host: &mut MemoryHost) {
    let Some(exec) = container
        .lifecycle
        .as_ref()
        .and_then(|lifecycle| lifecycle.post_start.as_ref())
        .and_then(|handler| handler.exec.as_ref())
    else {
        return;
    };
    let before = host.output.len();
    let limits = Limits::until(host.now.plus_millis(1));
    run_script(
        &exec_script(&exec.command),
        &Default::default(),
        host,
        limits,
    );
    host.output.truncate(before);
}

/// Runs `handler` in the container of `target`, `since_start` after the container started, for
/// at most `limit` milliseconds. `pod` is the Pod as the kubelet names it (`name_namespace(uid)`).
pub fn run(
    target: &Target<'_>,
    handler: &LifecycleHandler,
    since_start: u64,
    limit: u64,
    pod: &str,
) -> HookRun {
    let container = &target.container.name;
    if let Some(exec) = &handler.exec {
        if target.plan.busy {
            return HookRun {
                took: limit,
                failure: None,
            };
        }
        let mut host =
            target
                .plan
                .host_at(target.container, target.pod_name, target.dns, since_start);
        let begin = host.now.as_millis();
        let limits = Limits::until(VirtualTime::from_millis(begin.saturating_add(limit)));
        let run = run_script(
            &exec_script(&exec.command),
            &Default::default(),
            &mut host,
            limits,
        );
        let took = run.ended_at.as_millis().saturating_sub(begin).min(limit);
        let failure = match run.outcome {
            Outcome::Exited(0) | Outcome::Running | Outcome::BusyLoop => None,
            Outcome::Exited(code) => {
                let stderr: Vec<&str> = host
                    .output
                    .iter()
                    .filter(|(_, error, _)| *error)
                    .map(|(_, _, line)| line.as_str())
                    .collect();
                let output: String = host
                    .output
                    .iter()
                    .map(|(_, _, line)| format!("{line}\n"))
                    .collect();
                Some(format!(
                    "Exec lifecycle hook ([{}]) for Container {} in Pod {} failed - error: command '{}' exited with {code}: {}, message: {}",
                    exec.command.join(" "),
                    go_quote(container),
                    go_quote(pod),
                    exec.command.join(" "),
                    stderr.join("\n"),
                    go_quote(&output)
                ))
            }
        };
        return HookRun { took, failure };
    }
    if let Some(get) = &handler.http_get {
        let path = get.path.as_deref().unwrap_or("/");
        let port = port_number(target.container, &get.port).unwrap_or(0);
        let failure = (!target.plan.listening().contains(&port)).then(|| {
            let ip = target.pod_ip;
            format!(
                "Http lifecycle hook ({path}) for Container {} in Pod {} failed - error: Get \"http://{ip}:{port}{path}\": dial tcp {ip}:{port}: connect: connection refused, message: \"\"",
                go_quote(container),
                go_quote(pod)
            )
        });
        return HookRun { took: 0, failure };
    }
    if let Some(sleep) = &handler.sleep {
        let took = u64::try_from(sleep.seconds.max(0))
            .unwrap_or(0)
            .saturating_mul(1000)
            .min(limit);
        return HookRun {
            took,
            failure: None,
        };
    }
    HookRun {
        took: 0,
        failure: None,
    }
}

/// Go's `%q`: the text in double quotes, with quotes, backslashes and control characters
/// escaped.
pub fn go_quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
