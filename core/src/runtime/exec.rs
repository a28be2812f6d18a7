//! A command run in a running container (`kubectl exec`, the container runtime's exec): the
//! program is looked up in the image, run by the shell interpreter against the container's
//! files and environment, within bounds, and its output and exit status come back. An image
//! without a shell (`pause`, distroless) has no program to run, and the runtime says so as
//! containerd and runc do.

use std::collections::BTreeMap;

use crate::api::image_ref::ImageRef;
use crate::base::time::VirtualTime;
use crate::runtime::images;
use crate::runtime::shell::{Limits, MemoryHost, Outcome, run_script};

/// How long an exec may run on the virtual clock before the playground stops it.
pub const MAX_EXEC_MS: u64 = 60_000;
/// The most output lines an exec keeps.
pub const MAX_EXEC_LINES: usize = 2_000;

/// What an exec did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExecRun {
    /// Its output lines in order, each with true for standard error.
    pub output: Vec<(bool, String)>,
    /// How it ended.
    pub end: ExecEnd,
    /// The working directory it ended in (an interactive shell's next line starts there).
    pub cwd: String,
    /// The shell variables it set or changed (an interactive shell's next line has them).
    pub vars: BTreeMap<String, String>,
    /// True when it changed the container (wrote a file, sent a signal): set by the kubelet,
    /// which knows what the container's own files are.
    pub changed: bool,
}

/// How an exec ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExecEnd {
    /// The program exited with this status.
    Exited(i32),
    /// The runtime could not start the program: its message (containerd's and runc's words).
    NotStarted(String),
    /// The program was still running when the playground stopped it, and why.
    Stopped(String),
}

/// The programs the playground's containers run, besides the shells.
const PROGRAMS: &[&str] = &[
    "cat", "ls", "echo", "printf", "printenv", "env", "hostname", "date", "sleep", "true", "false",
    "test", "[", "touch", "rm", "mkdir", "wc", "head", "tail", "grep", "seq", "expr", "nslookup",
    "wget", "curl", "kill", "pkill", "killall", "ps",
];

/// The prompt of an interactive `program` (`sh`, `bash`) in a container of `image` on a
/// terminal, in `cwd`: bash's `root@HOST:DIR# `; BusyBox's and Alpine's ash, `DIR # `; Debian's
/// dash, `# `. Root's home shows as `~`.
pub fn prompt(image: &str, program: &str, hostname: &str, cwd: &str) -> String {
    let dir = match cwd.strip_prefix("/root") {
        Some("") => "~".to_owned(),
        Some(rest) if rest.starts_with('/') => format!("~{rest}"),
        _ => cwd.to_owned(),
    };
    if program.rsplit('/').next() == Some("bash") {
        return format!("root@{hostname}:{dir}# ");
    }
    let ash = ImageRef::parse(image).is_some_and(|reference| {
        matches!(reference.repository(), "busybox" | "alpine") || image.contains("alpine")
    });
    if ash {
        format!("{dir} # ")
    } else {
        "# ".to_owned()
    }
}

/// True when `image` holds a shell (not the pause image, not a distroless one).
pub fn has_shell(image: &str) -> bool {
    !has_no_shell(image)
}

/// Images that hold no shell and no other program than their own: distroless images and the
/// pause image.
fn has_no_shell(image: &str) -> bool {
    let Some(reference) = ImageRef::parse(image) else {
        return false;
    };
    reference.repository() == "pause" || image.contains("distroless")
}

/// The `PATH` of the well-known images' configuration.
const IMAGE_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// The environment of a process started in the container: the image's `PATH`, `HOSTNAME` (the
/// container runtime sets it to the Pod's hostname: containerd's CRI plugin), `HOME` (root's),
/// and over them the variables the kubelet gave the container.
pub fn process_env(
    hostname: &str,
    kubelet_env: &BTreeMap<String, String>,
) -> BTreeMap<String, String> {
    let mut env = BTreeMap::from([
        ("PATH".to_owned(), IMAGE_PATH.to_owned()),
        ("HOSTNAME".to_owned(), hostname.to_owned()),
        ("HOME".to_owned(), "/root".to_owned()),
    ]);
    env.extend(
        kubelet_env
            .iter()
            .map(|(name, value)| (name.clone(), value.clone())),
    );
    env
}

/// A container's processes as `ps` shows them, its main process first: (user, command line).
/// `command` is the container's command and arguments as it runs them (empty: the image's
/// own program).
pub fn container_processes(image: &str, command: &[String]) -> Vec<(String, String)> {
    let root = |line: String| ("root".to_owned(), line);
    if !command.is_empty() {
        return vec![root(command.join(" "))];
    }
    let Some(profile) = images::profile(image) else {
        return vec![root(image.to_owned())];
    };
    if profile.repositories.contains(&"nginx") {
        return vec![
            root("nginx: master process nginx -g daemon off;".to_owned()),
            ("101".to_owned(), "nginx: worker process".to_owned()),
        ];
    }
    // An entrypoint script hands over to the program it starts.
    let line = match profile.default_command {
        [script, rest @ ..] if script.ends_with(".sh") && !rest.is_empty() => rest.join(" "),
        all => all.join(" "),
    };
    vec![root(line)]
}

/// A process of the Pod as an exec's `ps` and `kill` see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Process {
    /// Its PID in the exec's PID namespace.
    pub pid: u32,
    /// Its user.
    pub user: String,
    /// Its command line.
    pub command: String,
    /// The container it runs in, when it is a container's main process (not the pause
    /// container, a worker, or the exec itself).
    pub main_of: Option<String>,
}

/// A container of the Pod, for [`pod_processes`]: its name, image, command and arguments as
/// it runs them, and whether it is running.
pub struct ContainerProcess<'c> {
    /// The container's name.
    pub name: &'c str,
    /// Its image.
    pub image: &'c str,
    /// Its command and arguments (empty: the image's own program).
    pub argv: Vec<String>,
    /// True while it runs.
    pub running: bool,
    /// For an ephemeral container, the container whose process namespace it joined
    /// (`targetContainerName`).
    pub target: Option<&'c str>,
}

impl ContainerProcess<'_> {
    /// The container whose process namespace it is in: its target's, else its own.
    fn namespace(&self) -> &str {
        self.target.unwrap_or(self.name)
    }
}

/// The processes an exec in `container` sees (`ps`, `kill`): those of its process namespace
/// (the container's own, joined by the ephemeral containers that target it), or, with a shared
/// process namespace, the pause container's (PID 1) and every running container's; then the
/// exec's own processes, each a command line (`exec`: the command; in an interactive shell, the
/// shell and the line typed). PIDs are numbered in that order.
pub fn pod_processes(
    containers: &[ContainerProcess<'_>],
    container: &str,
    shared: bool,
    exec_lines: &[String],
) -> Vec<Process> {
    let mut lines: Vec<(String, String, Option<String>)> = Vec::new();
    if shared {
        lines.push(("root".to_owned(), "/pause".to_owned(), None));
    }
    let namespace = containers
        .iter()
        .find(|each| each.name == container)
        .map_or(container, ContainerProcess::namespace);
    for each in containers {
        if (shared || each.namespace() == namespace) && each.running {
            for (index, (user, line)) in container_processes(each.image, &each.argv)
                .into_iter()
                .enumerate()
            {
                let main_of = (index == 0).then(|| each.name.to_owned());
                lines.push((user, line, main_of));
            }
        }
    }
    for line in exec_lines {
        lines.push(("root".to_owned(), line.clone(), None));
    }
    (1u32..)
        .zip(lines)
        .map(|(pid, (user, command, main_of))| Process {
            pid,
            user,
            command,
            main_of,
        })
        .collect()
}

/// What `signal` sent from inside the Pod does to a container's main process: the exit code
/// it ends with, or `None` when it goes on. A process that is PID 1 of its namespace (the
/// container's own, without `shareProcessNamespace`) gets only the signals it has a handler
/// for, and never SIGKILL from inside (the kernel's rule for a namespace's init); nginx ends
/// cleanly on SIGTERM, SIGINT and SIGQUIT and reloads on SIGHUP; other programs take the
/// default action, ending with 128 + the signal.
pub fn signal_exit(image: &str, argv: &[String], pid_one: bool, signal: i32) -> Option<i32> {
    let nginx = argv.is_empty()
        && images::profile(image).is_some_and(|profile| profile.repositories.contains(&"nginx"));
    if nginx {
        return matches!(signal, 2 | 3 | 15).then_some(0).or(match signal {
            9 if !pid_one => Some(137),
            _ => None,
        });
    }
    if pid_one {
        return None;
    }
    // The signals whose default action ends a process.
    matches!(signal, 1 | 2 | 3 | 6 | 9 | 10 | 12 | 13 | 14 | 15).then_some(128 + signal)
}

/// Runs `command` in a container of `image` whose files and clock are `host`, with `env`; `id`
/// names the exec (the runtime's exec ID is derived from it).
pub fn exec(
    command: &[String],
    image: &str,
    host: &mut MemoryHost,
    env: &BTreeMap<String, String>,
    id: &str,
) -> ExecRun {
    let Some((program, args)) = command.split_first() else {
        return not_started(id, "exec: no command");
    };
    let name = program.rsplit('/').next().unwrap_or(program);
    let is_shell = matches!(name, "sh" | "bash" | "ash");
    let known = is_shell || PROGRAMS.contains(&name);
    if has_no_shell(image) {
        return not_found(id, program);
    }
    if !known {
        return unknown_program(name);
    }
    let script = match (is_shell, args) {
        // `sh -c SCRIPT [NAME [ARG…]]`.
        (true, [flag, script, ..]) if crate::runtime::shell::is_command_flag(flag) => {
            script.clone()
        }
        // A shell without a script reads its standard input, which no terminal feeds here:
        // it reads the end at once and exits 0.
        (true, []) => return exited(0, Vec::new()),
        _ => command
            .iter()
            .map(|word| format!("'{}'", word.replace('\'', "'\\''")))
            .collect::<Vec<_>>()
            .join(" "),
    };
    let start = host.now;
    host.output.clear();
    let limits = Limits {
        max_output_lines: MAX_EXEC_LINES,
        ..Limits::until(VirtualTime::from_millis(
            start.as_millis().saturating_add(MAX_EXEC_MS),
        ))
    };
    let run = run_script(&script, env, host, limits);
    let mut output: Vec<(bool, String)> = host
        .output
        .iter()
        .map(|(_, error, line)| (*error, line.clone()))
        .collect();
    if output.len() >= MAX_EXEC_LINES {
        output.push((
            true,
            format!("podplay: the output stops here, at the playground's bound of {MAX_EXEC_LINES} lines"),
        ));
    }
    let end = match run.outcome {
        Outcome::Exited(code) => ExecEnd::Exited(code),
        Outcome::Running => {
            // The interpreter runs a program it does not know as a long-running process, as a
            // container's own program may be; in an exec it is said plainly instead.
            let unknown = run
                .notes
                .iter()
                .filter(|note| note.contains("is not a command"))
                .find_map(|note| note.split('"').nth(1));
            ExecEnd::Stopped(match unknown {
                Some(name) => unknown_message(name),
                None => format!(
                    "podplay: the command was still running after {} s of simulated time; the exec is stopped",
                    MAX_EXEC_MS / 1000
                ),
            })
        }
        Outcome::BusyLoop => ExecEnd::Stopped(
            "podplay: the command loops without pausing; the exec is stopped".to_owned(),
        ),
    };
    ExecRun {
        output,
        end,
        cwd: run.cwd,
        vars: run
            .vars
            .into_iter()
            .filter(|(name, value)| env.get(name) != Some(value))
            .collect(),
        changed: false,
    }
}

/// An exec that ended with `code`.
fn exited(code: i32, output: Vec<(bool, String)>) -> ExecRun {
    ExecRun {
        output,
        end: ExecEnd::Exited(code),
        cwd: "/".to_owned(),
        vars: BTreeMap::new(),
        changed: false,
    }
}

/// A program the playground's containers do not run: said plainly rather than guessed.
fn unknown_program(name: &str) -> ExecRun {
    ExecRun {
        output: Vec::new(),
        end: ExecEnd::Stopped(unknown_message(name)),
        cwd: "/".to_owned(),
        vars: BTreeMap::new(),
        changed: false,
    }
}

/// The playground's word on a program its containers do not run.
fn unknown_message(name: &str) -> String {
    format!(
        "podplay: \"{name}\" is not a program the playground's containers run yet (they run sh and {})",
        PROGRAMS.join(", ")
    )
}

/// The runtime's answer for a program the image does not hold: by name, looked up in `$PATH`;
/// by path, `stat` fails.
fn not_found(id: &str, program: &str) -> ExecRun {
    let reason = if program.contains('/') {
        format!("exec: \"{program}\": stat {program}: no such file or directory")
    } else {
        format!("exec: \"{program}\": executable file not found in $PATH")
    };
    not_started(id, &reason)
}

/// The runtime's error for a program it could not start, for `reason`.
fn not_started(id: &str, reason: &str) -> ExecRun {
    ExecRun {
        output: Vec::new(),
        cwd: "/".to_owned(),
        vars: BTreeMap::new(),
        changed: false,
        end: ExecEnd::NotStarted(format!(
            "error executing command in container: failed to exec in container: failed to start exec \"{}\": OCI runtime exec failed: exec failed: unable to start container process: {reason}: unknown",
            exec_id(id)
        )),
    }
}

/// A 64-hex-digit exec ID, as containerd makes one, derived from `seed` (FNV-1a, repeated).
fn exec_id(seed: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut id = String::with_capacity(64);
    for round in 0..4u8 {
        for byte in seed.bytes().chain([round]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        id.push_str(&format!("{hash:016x}"));
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{Expect, expect};

    /// Runs `command` in a container of `image` with a file `/data/hello.txt`, and prints the
    /// output (`!` before standard error) and how it ended.
    fn check(image: &str, command: &[&str], expected: Expect) {
        let mut host = MemoryHost::new("web");
        host.files
            .insert("/data/hello.txt".to_owned(), "hello\n".to_owned());
        let env = BTreeMap::from([("GREETING".to_owned(), "hi".to_owned())]);
        let command: Vec<String> = command.iter().map(|word| (*word).to_owned()).collect();
        let run = exec(&command, image, &mut host, &env, "web/app/1");
        let mut out = String::new();
        for (error, line) in &run.output {
            out.push_str(&format!("{}{line}\n", if *error { "!" } else { "" }));
        }
        out.push_str(&format!("{:?}\n", run.end));
        expected.assert_eq(&out);
    }

    #[test]
    fn a_command_runs_against_the_containers_files_and_environment() {
        check(
            "busybox:1.36",
            &["cat", "/data/hello.txt"],
            expect![[r#"
                hello
                Exited(0)
            "#]],
        );
        check(
            "busybox:1.36",
            &["sh", "-c", "echo $GREETING $(hostname); cat /nope; exit 3"],
            expect![[r#"
                hi web
                !cat: can't open '/nope': No such file or directory
                Exited(3)
            "#]],
        );
        check(
            "busybox:1.36",
            &["sh", "-c", "nosuch"],
            expect![[r#"
                Stopped("podplay: \"nosuch\" is not a program the playground's containers run yet (they run sh and cat, ls, echo, printf, printenv, env, hostname, date, sleep, true, false, test, [, touch, rm, mkdir, wc, head, tail, grep, seq, expr, nslookup, wget, curl, kill, pkill, killall, ps)")
            "#]],
        );
        check(
            "nginx",
            &["sh"],
            expect![[r#"
            Exited(0)
        "#]],
        );
    }

    #[test]
    fn what_the_image_lacks_is_the_runtimes_error() {
        check(
            "registry.k8s.io/pause:3.10",
            &["sh"],
            expect![[r#"
            NotStarted("error executing command in container: failed to exec in container: failed to start exec \"da19e6a729874e1b6271bbfce3ddf0ae6dea6df624a0f04e4eb717b5f42d55e1\": OCI runtime exec failed: exec failed: unable to start container process: exec: \"sh\": executable file not found in $PATH: unknown")
        "#]],
        );
        check(
            "gcr.io/distroless/static-debian12",
            &["/bin/sh", "-c", "ls"],
            expect![[r#"
                NotStarted("error executing command in container: failed to exec in container: failed to start exec \"da19e6a729874e1b6271bbfce3ddf0ae6dea6df624a0f04e4eb717b5f42d55e1\": OCI runtime exec failed: exec failed: unable to start container process: exec: \"/bin/sh\": stat /bin/sh: no such file or directory: unknown")
            "#]],
        );
        check(
            "busybox",
            &["ps", "ax"],
            expect![[r#"
                Stopped("podplay: \"ps\" is not a program the playground's containers run yet (they run sh and cat, ls, echo, printf, printenv, env, hostname, date, sleep, true, false, test, [, touch, rm, mkdir, wc, head, tail, grep, seq, expr, nslookup, wget, curl, kill, pkill, killall, ps)")
            "#]],
        );
        check(
            "busybox",
            &["sh", "-c", "seq 1 5000 | tail -n 1; seq 1 5000 | wc -l"],
            expect![[r#"
                5000
                5000
                Exited(0)
            "#]],
        );
        check(
            "busybox",
            &["sh", "-c", "while true; do :; done"],
            expect![[r#"
                Stopped("podplay: the command loops without pausing; the exec is stopped")
            "#]],
        );
        check(
            "busybox",
            &["sh", "-c", "sleep 100"],
            expect![[r#"
            Stopped("podplay: the command was still running after 60 s of simulated time; the exec is stopped")
        "#]],
        );
    }

    /// Output past the bound is cut, and the exec says so.
    #[test]
    fn output_is_bounded_with_a_message() {
        let mut host = MemoryHost::new("web");
        let command: Vec<String> = ["sh", "-c", "seq 1 3000"].map(str::to_owned).to_vec();
        let run = exec(
            &command,
            "busybox",
            &mut host,
            &BTreeMap::new(),
            "web/app/1",
        );
        assert_eq!(run.output.len(), MAX_EXEC_LINES + 1);
        assert_eq!(run.output[MAX_EXEC_LINES - 1], (false, "2000".to_owned()));
        assert_eq!(
            run.output[MAX_EXEC_LINES],
            (
                true,
                "podplay: the output stops here, at the playground's bound of 2000 lines"
                    .to_owned()
            )
        );
    }
}
