//! `kubectl exec [-i] [-t] [-q] POD [-c NAME] -- COMMAND [ARG…]`
//! (staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go): its arguments, kubectl's own checks (a
//! completed Pod, the default container and its notice), the API server's (a container that is
//! not the Pod's, a Pod not yet on a node), the kubelet's (a container that is not running), and
//! then the command run in the container at that instant, with its output and
//! `command terminated with exit code N`.

use crate::base::time::VirtualTime;
use crate::cluster::Observed;
use crate::cluster::scenario::What;
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
    /// What the command changed, as the scenario action that keeps it: an exec that changed
    /// the container, or the end of an attached session.
    pub changed: Option<What>,
    /// The interactive shell open after it (`-it … -- sh`), if one is.
    pub shell: Option<Shell>,
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
            changed: None,
            shell: None,
        }
    }
}

/// An interactive shell open in a container (`kubectl exec -it POD -- sh`): each line typed
/// runs in it at the step on screen, from the directory the last one left.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shell {
    /// The Pod's name.
    pub pod: String,
    /// The container's name.
    pub container: String,
    /// The shell program, as typed (`sh`, `/bin/bash`).
    pub program: String,
    /// The container's image (its shell's prompt).
    pub image: String,
    /// The Pod's hostname (bash's prompt).
    pub hostname: String,
    /// The working directory.
    pub cwd: String,
    /// The container run's `startedAt`: when the container restarts, the shell's process is
    /// gone with it.
    pub started_at: String,
    /// `-t`: a terminal, so a prompt.
    pub tty: bool,
    /// The prompt the shell prints before the next line (nothing without a terminal): made
    /// here, so that the page need not know the images' shells.
    pub prompt: String,
    /// The variables the session's lines set (`export A=1`), which the next lines have.
    pub vars: std::collections::BTreeMap<String, String>,
    /// True when the shell is the container's main process (`kubectl debug -it`): `exit` ends
    /// the container, and until the container runs the session waits for it.
    pub attached: bool,
    /// `kubectl run --rm`: kubectl deletes the Pod once the session ends.
    pub remove: bool,
}

impl Shell {
    /// The shell `program` of `image` that is the main process of `pod`'s container
    /// `container` (`kubectl debug -it`), in `/`: it waits for the container to run.
    pub fn attached_to(
        pod: &crate::Pod,
        container: &str,
        program: &str,
        image: &str,
        tty: bool,
    ) -> Shell {
        Shell {
            pod: pod.name().to_owned(),
            container: container.to_owned(),
            program: program.to_owned(),
            image: image.to_owned(),
            hostname: crate::cluster::kubelet::etc_files::hostname(pod),
            cwd: String::new(),
            started_at: String::new(),
            tty,
            prompt: String::new(),
            vars: std::collections::BTreeMap::new(),
            attached: true,
            remove: false,
        }
        .in_dir("/".to_owned())
    }

    /// The shell in `cwd`, its prompt made for it.
    fn in_dir(&self, cwd: String) -> Shell {
        let prompt = if self.tty {
            crate::cluster::kubelet::exec::prompt(&self.image, &self.program, &self.hostname, &cwd)
        } else {
            String::new()
        };
        Shell {
            cwd,
            prompt,
            ..self.clone()
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

/// The container an exec runs in, found as kubectl, the API server and the kubelet find it.
struct Target<'o> {
    seen: &'o Observed,
    simulation: &'o crate::cluster::Simulation,
    container: String,
    notice: String,
    at: VirtualTime,
    started_at: String,
}

/// kubectl's checks, the API server's and the kubelet's, in the order they come; an error is
/// kubectl's text (after the notice, when there was one).
fn target<'o>(
    observed: &'o [Observed],
    pod_name: &str,
    container: Option<&str>,
    quiet: bool,
) -> Result<Target<'o>, String> {
    let Some(seen) = observed
        .iter()
        .find(|seen| !seen.gone && seen.pod.name() == pod_name)
    else {
        return Err(format!(
            "Error from server (NotFound): pods \"{pod_name}\" not found"
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
    let chosen = podcmd::container_for_exec(pod, container)?;
    let notice = if quiet { String::new() } else { chosen.notice };
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
        .and_then(|s| s.state.as_ref())
        .and_then(|state| state.running.as_ref());
    let Some(running) = running else {
        return fail(not_found(&chosen.name));
    };
    let Some(simulation) = &seen.simulation else {
        return fail(format!(
            "error: the pasted Pod \"{}\" is not simulated: only the playground's own Pods run commands",
            pod.name()
        ));
    };
    let at = VirtualTime::from_millis(
        u64::try_from(seen.now.millis_since(simulation.start)).unwrap_or(0),
    );
    Ok(Target {
        seen,
        simulation,
        container: chosen.name,
        notice,
        at,
        started_at: running.started_at.clone().unwrap_or_default(),
    })
}

/// The cluster's Pods but `except` that have an IP, with what each serves at the instant
/// they are seen at: an exec reaches them by address.
fn peers(
    observed: &[Observed],
    except: &str,
) -> std::collections::BTreeMap<String, std::collections::BTreeMap<u16, String>> {
    observed
        .iter()
        .filter(|seen| !seen.gone && seen.pod.name() != except)
        .filter_map(|seen| {
            let ip = seen.pod.status.as_deref()?.pod_ip.clone()?;
            let simulation = seen.simulation.as_ref()?;
            let at = VirtualTime::from_millis(
                u64::try_from(seen.now.millis_since(simulation.start)).unwrap_or(0),
            );
            Some((ip, simulation.served_at(seen.pod.name(), at)))
        })
        .collect()
}

/// The kubelet's answer for a container that is not running (the SPDY wording).
fn not_found(container: &str) -> String {
    format!("error: unable to upgrade connection: container not found (\"{container}\")")
}

/// True for a shell program's name.
fn is_shell(program: &str) -> bool {
    matches!(program.rsplit('/').next(), Some("sh" | "bash" | "ash"))
}

/// kubectl's checks, then the command (or, for `-i … -- sh`, an interactive shell opened).
fn run(observed: &[Observed], options: &ExecOptions) -> Result<ExecReply, String> {
    let target = target(
        observed,
        &options.pod,
        options.container.as_deref(),
        options.quiet,
    )?;
    let pod = &target.seen.pod;
    let mut lines: Vec<(bool, String)> = target
        .notice
        .lines()
        .map(|line| (true, line.to_owned()))
        .collect();
    let interactive =
        options.stdin && matches!(options.command.as_slice(), [shell] if is_shell(shell));
    // An interactive shell starts once the runtime finds its program: a quick `true` tells.
    let command: Vec<String> = if interactive {
        vec![
            options.command[0].clone(),
            "-c".to_owned(),
            "true".to_owned(),
        ]
    } else {
        options.command.clone()
    };
    let id = format!(
        "{}/{}/{}/{}",
        pod.name(),
        target.container,
        target.at.as_millis(),
        options.command.join(" ")
    );
    let Some(done) = target.simulation.exec_at(
        pod,
        &target.container,
        target.at,
        &command,
        &[command.join(" ")],
        &id,
        &peers(observed, pod.name()),
    ) else {
        return Err(format!("{}{}", target.notice, not_found(&target.container)));
    };
    let started = !matches!(done.end, ExecEnd::NotStarted(_));
    if interactive && started {
        let image = podcmd::image_of(pod, &target.container);
        return Ok(ExecReply {
            lines,
            exit: 0,
            changed: None,
            shell: Some(
                Shell {
                    pod: pod.name().to_owned(),
                    container: target.container.clone(),
                    program: options.command[0].clone(),
                    image,
                    hostname: crate::cluster::kubelet::etc_files::hostname(pod),
                    cwd: String::new(),
                    started_at: target.started_at.clone(),
                    tty: options.tty,
                    prompt: String::new(),
                    vars: std::collections::BTreeMap::new(),
                    attached: false,
                    remove: false,
                }
                .in_dir("/".to_owned()),
            ),
        });
    }
    let changed = done.changed.then(|| What::Exec {
        container: target.container.clone(),
        command: command.clone(),
    });
    let exit = finish(&mut lines, done, true);
    Ok(ExecReply {
        lines,
        exit,
        changed,
        shell: None,
    })
}

/// What kubectl's attach prints on standard error before a session with a terminal.
pub const PROMPT_HINT: &str = "If you don't see a command prompt, try pressing enter.";

/// What kubectl prints on standard error before a session it starts with a new container
/// (`kubectl debug -i`, `kubectl run -i`): the container's log keeps what is typed.
pub const RECORDED: &str = "All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.";

/// `kubectl attach [-i] [-t] [-q] POD [-c NAME]`: a session with the container's main process.
/// The playground attaches to a shell that reads its input (a container made with `stdin`, as
/// `kubectl debug -it` makes one): the console's lines go to it, and `exit` ends the container.
pub fn attach(observed: &[Observed], options: &ExecOptions) -> ExecReply {
    let target = match target(
        observed,
        &options.pod,
        options.container.as_deref(),
        options.quiet,
    ) {
        Ok(target) => target,
        Err(text) => return ExecReply::failed(&text),
    };
    let pod = &target.seen.pod;
    let spec = podcmd::container_named(pod, &target.container);
    let image = spec
        .as_ref()
        .and_then(|spec| spec.image.clone())
        .unwrap_or_default();
    let program = spec
        .as_ref()
        .and_then(crate::cluster::kubelet::program::interactive_shell);
    let mut lines: Vec<(bool, String)> = target
        .notice
        .lines()
        .map(|line| (true, line.to_owned()))
        .collect();
    let reads_input = spec.as_ref().is_some_and(|spec| spec.stdin);
    match program.filter(|_| options.stdin && reads_input) {
        Some(program) => {
            if options.tty && !options.quiet {
                lines.push((true, PROMPT_HINT.to_owned()));
            }
            let mut shell =
                Shell::attached_to(pod, &target.container, &program, &image, options.tty);
            shell.started_at = target.started_at;
            ExecReply {
                lines,
                exit: 0,
                changed: None,
                shell: Some(shell),
            }
        }
        None => {
            lines.push((
                true,
                format!(
                    "podplay: kubectl attach here opens a session with a shell that reads its input (a container with stdin: true, as kubectl debug -it makes one); container {} has none: kubectl logs -f {} -c {} follows its output",
                    target.container,
                    pod.name(),
                    target.container
                ),
            ));
            ExecReply {
                lines,
                exit: 1,
                changed: None,
                shell: None,
            }
        }
    }
}

/// Appends how an exec ended to its lines (`terminated`: kubectl's words on a status that is
/// not 0), and returns its status.
fn finish(
    lines: &mut Vec<(bool, String)>,
    done: crate::cluster::simulation::ExecRun,
    terminated: bool,
) -> i32 {
    lines.extend(done.output);
    match done.end {
        ExecEnd::Exited(code) => {
            if code != 0 && terminated {
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
    }
}

/// The most bytes of one line typed into an interactive shell.
pub const MAX_SHELL_LINE: usize = 8 * 1024;
/// The most variables an interactive shell keeps from line to line.
pub const MAX_SHELL_VARS: usize = 100;

/// Runs `line` in the interactive shell `shell` at the step the Pods are `observed` at: its
/// output, and the shell still open after it (with the directory the line left), or none after
/// `exit` or when the container's process is gone.
pub fn shell_line(observed: &[Observed], shell: &Shell, line: &str) -> ExecReply {
    let typed = line.trim();
    let open = |lines: Vec<(bool, String)>, exit: i32, cwd: Option<String>| ExecReply {
        lines,
        exit,
        changed: None,
        shell: Some(shell.in_dir(cwd.unwrap_or_else(|| shell.cwd.clone()))),
    };
    let closed = |code: i32| ExecReply {
        lines: if code == 0 {
            Vec::new()
        } else {
            vec![(true, format!("command terminated with exit code {code}"))]
        },
        exit: code,
        changed: None,
        shell: None,
    };
    // An empty line shows the prompt again (an attached session that waits says so first).
    if typed.is_empty() && !shell.attached {
        return open(Vec::new(), 0, None);
    }
    if typed.len() > MAX_SHELL_LINE {
        return open(
            vec![(
                true,
                format!("podplay: a line of over {MAX_SHELL_LINE} bytes is not run"),
            )],
            1,
            None,
        );
    }
    // `exit [N]` (and `logout`) end the shell; kubectl reports a status that is not 0.
    let mut words = typed.split_whitespace();
    let exit_code = matches!(words.next(), Some("exit" | "logout"))
        .then(|| {
            let code = match words.next() {
                None => 0,
                Some(code) => code.parse::<i64>().map_or(2, |code| (code & 0xff) as i32),
            };
            words.next().is_none().then_some(code)
        })
        .flatten();
    if let Some(code) = exit_code
        && !shell.attached
    {
        return closed(code);
    }
    // The shell's container as the step shows it: a new run (a restart), or no run at all,
    // took the shell's process with it; an attached session waits for its container to run.
    let found = target(observed, &shell.pod, Some(&shell.container), true);
    if shell.attached && shell.started_at.is_empty() && found.is_err() {
        return open(
            vec![(
                true,
                format!(
                    "podplay: container {} is not running at this step yet (kubectl waits for it to start): step forward to when it has started",
                    shell.container
                ),
            )],
            1,
            None,
        );
    }
    let target = match found {
        Ok(target) if shell.started_at.is_empty() || target.started_at == shell.started_at => {
            target
        }
        _ => return closed(137),
    };
    if typed.is_empty() {
        return open(Vec::new(), 0, None);
    }
    // An attached shell is the container's process: `exit` ends the container. kubectl's
    // attach reports no exit status; it tells how to attach again to a Pod that restarts its
    // containers (`reattachMessage`).
    if let Some(code) = exit_code {
        let pod = &target.seen.pod;
        let restarts = pod
            .spec
            .restart_policy
            .as_deref()
            .is_none_or(|p| p == "Always");
        let ephemeral = pod
            .spec
            .ephemeral_containers
            .iter()
            .any(|c| c.name == shell.container);
        let mut lines = Vec::new();
        if restarts && shell.tty {
            lines.push((
                false,
                crate::kubectl::debug::session_ended(&shell.pod, &shell.container, ephemeral),
            ));
        }
        if shell.remove {
            lines.push((false, format!("pod \"{}\" deleted", shell.pod)));
        }
        return ExecReply {
            lines,
            exit: 0,
            changed: Some(What::EndSession {
                container: shell.container.clone(),
                code,
            }),
            shell: None,
        };
    }
    // The session so far: its variables, then its directory.
    let quote = |text: &str| format!("'{}'", text.replace('\'', "'\\''"));
    let mut script: String = shell
        .vars
        .iter()
        .map(|(name, value)| format!("{name}={}; ", quote(value)))
        .collect();
    if shell.cwd != "/" {
        script.push_str(&format!("cd {} 2>/dev/null; ", quote(&shell.cwd)));
    }
    script.push_str(typed);
    let command = vec![shell.program.clone(), "-c".to_owned(), script];
    let id = format!(
        "{}/{}/{}/{}",
        shell.pod,
        shell.container,
        target.at.as_millis(),
        typed
    );
    // `ps` shows the line as a process of the shell: after the shell an exec started (an
    // attached shell is the container's own process, listed with it).
    let mut shown = Vec::new();
    if !shell.attached {
        shown.push(shell.program.clone());
    }
    shown.push(typed.to_owned());
    let Some(done) = target.simulation.exec_at(
        &target.seen.pod,
        &shell.container,
        target.at,
        &command,
        &shown,
        &id,
        &peers(observed, &shell.pod),
    ) else {
        return closed(137);
    };
    let changed = done.changed.then(|| What::Exec {
        container: shell.container.clone(),
        command: command.clone(),
    });
    let cwd = done.cwd.clone();
    let mut vars = shell.vars.clone();
    for (name, value) in &done.vars {
        if vars.len() < MAX_SHELL_VARS && value.len() <= MAX_SHELL_LINE {
            vars.insert(name.clone(), value.clone());
        }
    }
    let mut lines = Vec::new();
    // A status that is not 0 is the shell's business; kubectl reports only the shell's own.
    let exit = finish(&mut lines, done, false);
    let mut reply = open(lines, exit, Some(cwd));
    reply.changed = changed;
    if let Some(open) = &mut reply.shell {
        open.vars = vars;
        open.started_at = target.started_at;
    }
    reply
}

/// An open shell as the page holds it: the prompt it shows, and the shell's state as text it
/// sends back with the next line (the page has no need to read it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShellHandle {
    /// The prompt before the next line.
    pub prompt: String,
    /// The shell, as [`Shell::write_json`] writes it.
    pub state: String,
}

impl Shell {
    /// The shell as the page holds it.
    pub fn handle(&self) -> ShellHandle {
        let mut state = String::new();
        self.write_json(&mut state);
        ShellHandle {
            prompt: self.prompt.clone(),
            state,
        }
    }

    /// The shell from the state of its handle; `None` for text that is not one.
    pub fn from_state(state: &str) -> Option<Shell> {
        let value = crate::api::yaml::single_json_document(state).ok()?;
        Shell::from_json(&value).ok()
    }

    /// The shell as JSON, to cross to the page and back.
    pub fn write_json(&self, out: &mut String) {
        use crate::base::json::{Object, write_string};
        let mut object = Object::open(out);
        for (key, value) in [
            ("pod", &self.pod),
            ("container", &self.container),
            ("program", &self.program),
            ("image", &self.image),
            ("hostname", &self.hostname),
            ("cwd", &self.cwd),
            ("startedAt", &self.started_at),
            ("prompt", &self.prompt),
        ] {
            write_string(object.key(key), value);
        }
        object.key("tty").push_str(&self.tty.to_string());
        if self.attached {
            object.key("attached").push_str("true");
        }
        if self.remove {
            object.key("rm").push_str("true");
        }
        crate::base::json::write_string_map(object.key("vars"), &self.vars);
        object.close();
    }

    /// The shell from its JSON ([`Shell::write_json`]).
    pub fn from_json(value: &crate::base::json::Json) -> crate::base::json::Read<Shell> {
        use crate::base::json::{boolean, required, string};
        let fields = value.object("struct Shell")?;
        Ok(Shell {
            pod: required(fields, "pod", string)?,
            container: required(fields, "container", string)?,
            program: required(fields, "program", string)?,
            image: required(fields, "image", string)?,
            hostname: required(fields, "hostname", string)?,
            cwd: required(fields, "cwd", string)?,
            started_at: required(fields, "startedAt", string)?,
            tty: required(fields, "tty", boolean)?,
            prompt: required(fields, "prompt", string)?,
            vars: crate::base::json::optional(fields, "vars", crate::base::json::string_map)?
                .unwrap_or_default(),
            attached: crate::base::json::optional(fields, "attached", boolean)?.unwrap_or(false),
            remove: crate::base::json::optional(fields, "rm", boolean)?.unwrap_or(false),
        })
    }
}
