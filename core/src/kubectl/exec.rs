//! `kubectl exec [-i] [-t] [-q] POD [-c NAME] -- COMMAND [ARG…]`
//! (staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go): its arguments, kubectl's own checks (a
//! completed Pod, the default container and its notice), the API server's (a container that is
//! not the Pod's, a Pod not yet on a node), the kubelet's (a container that is not running), and
//! then the command run in the container at that instant, with its output and
//! `command terminated with exit code N`.

use crate::base::time::VirtualTime;
use crate::cluster::Observed;
use crate::cluster::simulation::ExecEnd;
use crate::kubectl::podcmd;

/// What `kubectl exec` was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExecOptions {
    /// The Pod's name.
    pub pod: String,
    /// The container named with `-c`, if one was.
    pub container: Option<String>,
    /// The command and its arguments.
    pub command: Vec<String>,
    /// `-i`: the console's input goes to the command.
    pub stdin: bool,
    /// `-t`: a terminal.
    pub tty: bool,
    /// `-q`: no notices.
    pub quiet: bool,
}

/// kubectl's usage error for an argument it does not take.
const HELP: &str = "See 'kubectl exec -h' for help and examples";

/// Reads `kubectl exec`'s arguments (the words after `exec`); `Ok(None)` for a flag this console
/// does not take.
pub fn parse(words: &[&str]) -> Result<Option<ExecOptions>, String> {
    let (before, command) = match words.iter().position(|word| *word == "--") {
        Some(dash) => (&words[..dash], words[dash + 1..].to_vec()),
        None => (words, Vec::new()),
    };
    let mut options = ExecOptions {
        pod: String::new(),
        container: None,
        command: command.iter().map(|word| (*word).to_owned()).collect(),
        stdin: false,
        tty: false,
        quiet: false,
    };
    let mut positional: Vec<&str> = Vec::new();
    let mut rest = before.iter();
    while let Some(word) = rest.next() {
        match *word {
            "-i" | "--stdin" => options.stdin = true,
            "-t" | "--tty" => options.tty = true,
            "-it" | "-ti" => {
                options.stdin = true;
                options.tty = true;
            }
            "-q" | "--quiet" => options.quiet = true,
            "-c" | "--container" => match rest.next() {
                Some(name) => options.container = Some((*name).to_owned()),
                None => return Err(format!("error: flag needs an argument: 'c' in -c\n{HELP}")),
            },
            other => {
                if let Some(name) = other
                    .strip_prefix("--container=")
                    .or_else(|| other.strip_prefix("-c="))
                {
                    options.container = Some(name.to_owned());
                } else if other.starts_with('-') {
                    return Ok(None);
                } else {
                    positional.push(other);
                }
            }
        }
    }
    match positional.as_slice() {
        [] => {
            return Err("error: pod, type/name or --filename must be specified".to_owned());
        }
        [pod] => options.pod = pod.strip_prefix("pod/").unwrap_or(pod).to_owned(),
        // The words after the Pod without `--` were the command, once.
        [_, ..] => {
            return Err(format!(
                "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\n{HELP}"
            ));
        }
    }
    if options.command.is_empty() {
        return Err("error: you must specify at least one command for the container".to_owned());
    }
    Ok(Some(options))
}

/// What `kubectl exec` printed, and how it exited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExecReply {
    /// Its lines in order, each with true for standard error.
    pub lines: Vec<(bool, String)>,
    /// kubectl's exit status: the command's, or 1 for kubectl's own errors.
    pub exit: i32,
}

impl ExecReply {
    /// Both streams as a terminal shows them, each line ending with a newline.
    pub fn text(&self) -> String {
        self.lines
            .iter()
            .map(|(_, line)| format!("{line}\n"))
            .collect()
    }

    /// kubectl's error (and the notice before it), exit status 1.
    fn failed(text: &str) -> ExecReply {
        ExecReply {
            lines: text.lines().map(|line| (true, line.to_owned())).collect(),
            exit: 1,
        }
    }
}

/// Runs `options` against the Pods as they are seen (`observed`, at the instant of the step).
pub fn exec(observed: &[Observed], options: &ExecOptions) -> ExecReply {
    match run(observed, options) {
        Ok(reply) => reply,
        Err(text) => ExecReply::failed(&text),
    }
}

/// kubectl's checks, the API server's and the kubelet's, in the order they come, then the
/// command; an error is kubectl's text (after the notice, when there was one).
fn run(observed: &[Observed], options: &ExecOptions) -> Result<ExecReply, String> {
    let Some(seen) = observed
        .iter()
        .find(|seen| !seen.gone && seen.pod.name() == options.pod)
    else {
        return Err(format!(
            "Error from server (NotFound): pods \"{}\" not found",
            options.pod
        ));
    };
    let pod = &seen.pod;
    let status = pod.status.as_deref();
    let phase = status.and_then(|s| s.phase.as_deref()).unwrap_or("Pending");
    if matches!(phase, "Succeeded" | "Failed") {
        return Err(format!(
            "error: cannot exec into a container in a completed pod; current phase is {phase}"
        ));
    }
    let chosen = podcmd::container_for_exec(pod, options.container.as_deref())?;
    let notice = if options.quiet {
        String::new()
    } else {
        chosen.notice
    };
    let fail = |message: String| Err(format!("{notice}{message}"));
    if pod.spec.node_name.as_deref().unwrap_or_default().is_empty() {
        return fail(format!(
            "Error from server (BadRequest): pod {} does not have a host assigned",
            pod.name()
        ));
    }
    let running = status
        .into_iter()
        .flat_map(|s| {
            s.init_container_statuses
                .iter()
                .chain(&s.container_statuses)
                .chain(&s.ephemeral_container_statuses)
        })
        .find(|s| s.name == chosen.name)
        .is_some_and(|s| {
            s.state
                .as_ref()
                .is_some_and(|state| state.running.is_some())
        });
    let not_running = || {
        fail(format!(
            "error: unable to upgrade connection: container not found (\"{}\")",
            chosen.name
        ))
    };
    if !running {
        return not_running();
    }
    let Some(simulation) = &seen.simulation else {
        return fail(format!(
            "error: the pasted Pod \"{}\" is not simulated: only the playground's own Pods run commands",
            pod.name()
        ));
    };
    let at = VirtualTime::from_millis(
        u64::try_from(seen.now.millis_since(simulation.start)).unwrap_or(0),
    );
    let bare_shell = matches!(
        options.command.as_slice(),
        [shell] if matches!(shell.rsplit('/').next(), Some("sh" | "bash" | "ash"))
    );
    if options.stdin && bare_shell {
        return fail(format!(
            "podplay: this console runs one command at a time and has no interactive shell yet; try: kubectl exec {} -- sh -c 'COMMANDS'",
            pod.name()
        ));
    }
    let id = format!(
        "{}/{}/{}/{}",
        pod.name(),
        chosen.name,
        at.as_millis(),
        options.command.join(" ")
    );
    let Some(done) = simulation.exec_at(pod, &chosen.name, at, &options.command, &id) else {
        return not_running();
    };
    let mut lines: Vec<(bool, String)> =
        notice.lines().map(|line| (true, line.to_owned())).collect();
    lines.extend(done.output);
    let exit = match done.end {
        ExecEnd::Exited(code) => {
            if code != 0 {
                lines.push((true, format!("command terminated with exit code {code}")));
            }
            code
        }
        ExecEnd::NotStarted(message) => {
            lines.push((true, format!("error: Internal error occurred: {message}")));
            1
        }
        ExecEnd::Stopped(message) => {
            lines.push((true, message));
            1
        }
    };
    Ok(ExecReply { lines, exit })
}
