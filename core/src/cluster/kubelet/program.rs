//! What a container's program does when it runs: from its `command`/`args` through the shell,
//! or from the image table. Each run of a container behaves the same way.

use std::collections::BTreeMap;

use crate::api::v1::Container;
use crate::base::time::VirtualTime;
use crate::runtime::images::{self, Behaviour, ImageProfile};
use crate::runtime::kubelet_expansion;
use crate::runtime::shell::{Limits, MemoryHost, Outcome, SharedWrite, run_script};

/// How one run of a program goes, relative to its start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunPlan {
    /// Exits with this code after this many milliseconds; `None` when it runs past the horizon.
    pub exit: Option<(u64, i32)>,
    /// Log lines, each with its offset from the start in milliseconds.
    pub logs: Vec<(u64, String)>,
    /// What the playground had to assume.
    pub notes: Vec<String>,
    /// What it writes to shared volumes, on its own clock.
    pub writes: Vec<SharedWrite>,
    /// The CPU it would use if nothing held it back, in millicores, when it keeps cores busy.
    pub cpu_millis: Option<u64>,
    /// What runs, for probes that look into the container.
    pub program: Program,
    /// The memory the program uses once started, when the playground knows it.
    pub memory_bytes: Option<u64>,
    /// True when the program spins without pausing (a busy loop keeps the CPU busy, and an exec
    /// probe inside the container times out).
    pub busy: bool,
}

/// What a container runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Program {
    /// A shell script, with its environment.
    Script {
        /// The script.
        script: String,
        /// Its environment.
        env: BTreeMap<String, String>,
    },
    /// The image's own program (or one the playground does not know).
    Image(Option<&'static ImageProfile>),
}

impl RunPlan {
    /// The container's filesystem `at_ms` after it started: a script is run again up to then.
    pub fn host_at(
        &self,
        container: &Container,
        pod_name: &str,
        dns: &Surroundings,
        at_ms: u64,
    ) -> MemoryHost {
        let mut host = fresh_host(container, pod_name, dns);
        if let Program::Script { script, env } = &self.program {
            let _ = run_script(
                script,
                env,
                &mut host,
                Limits::until(VirtualTime::from_millis(at_ms)),
            );
        }
        // Others' writes to shared volumes up to then arrive even if the script ended earlier.
        host.now = host.now.max(VirtualTime::from_millis(at_ms));
        host.receive();
        host.output.clear();
        host
    }

    /// The image's behaviour, when the image's own program runs.
    pub fn behaviour(&self) -> Option<Behaviour> {
        match self.program {
            Program::Image(Some(profile)) => Some(profile.behaviour),
            _ => None,
        }
    }

    /// The HTTP status the program answers `path` with, if it serves HTTP.
    pub fn http_status(&self, path: &str) -> u16 {
        match self.program {
            Program::Image(Some(profile)) => images::http_status(profile, path),
            _ => 200,
        }
    }

    /// The ports the program listens on.
    pub fn listening(&self) -> &'static [u16] {
        match self.program {
            Program::Image(Some(profile)) => profile.ports,
            _ => &[],
        }
    }
}

/// The ClusterIP the scenario's Services get.
const SERVICE_IP: &str = "10.96.0.20";
/// The `kubernetes` Service's ClusterIP (the first address of the service range).
const KUBERNETES_SERVICE_IP: &str = "10.96.0.1";

/// The Services one run of a container can resolve: those that exist when it starts, and the
/// changes after, on the run's own clock (milliseconds since it started).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Surroundings {
    /// The Services that exist at the start.
    pub initial: Vec<String>,
    /// Later changes: (instant, Service, true when created).
    pub changes: Vec<(u64, String, bool)>,
    /// Changes to shared volumes made by the other containers and by earlier runs of this one,
    /// on the run's clock and at the run's own paths (those before its start at instant 0).
    pub files: Vec<SharedWrite>,
    /// What execs changed in the container's own files during this run, on its clock.
    pub exec_files: Vec<SharedWrite>,
    /// The container's environment, when the kubelet resolved it (`None`: its literal `env`).
    pub env: Option<BTreeMap<String, String>>,
    /// Files its configMap, secret and downwardAPI volumes hold: (path, content).
    pub config_files: Vec<(String, String)>,
    /// The wall-clock time the run starts, for a script that prints `date` (left at the epoch
    /// for the others, so that their runs share one plan).
    pub wall_start: crate::base::timestamp::Timestamp,
}

impl Surroundings {
    /// What a run that starts at `started` finds: the Services that exist then, and `shared`,
    /// the changes to its volumes on the Pod's clock (each with true when this container made
    /// it: its own changes count only from its earlier runs).
    pub fn for_run(
        services: &std::collections::BTreeSet<String>,
        started: u64,
        shared: &[(SharedWrite, bool)],
    ) -> Surroundings {
        Surroundings {
            initial: services.iter().cloned().collect(),
            files: Surroundings::files_for_run(started, shared),
            ..Surroundings::default()
        }
    }

    /// The changes to a run's volumes, on the run's clock, for a run that starts at `started`.
    pub fn files_for_run(started: u64, shared: &[(SharedWrite, bool)]) -> Vec<SharedWrite> {
        shared
            .iter()
            .filter(|(write, own)| !*own || write.at.as_millis() < started)
            .map(|(write, _)| SharedWrite {
                at: VirtualTime::from_millis(write.at.as_millis().saturating_sub(started)),
                ..write.clone()
            })
            .collect()
    }

    /// The names a Service answers to from the Pod's namespace (`default`).
    fn names(service: &str) -> [String; 4] {
        [
            service.to_owned(),
            format!("{service}.default"),
            format!("{service}.default.svc"),
            format!("{service}.default.svc.cluster.local"),
        ]
    }
}

/// Plans one run of `container` for at most `horizon_ms`, with the Services of `dns`.
pub fn plan(container: &Container, pod_name: &str, dns: &Surroundings, horizon_ms: u64) -> RunPlan {
    let env = dns
        .env
        .clone()
        .unwrap_or_else(|| kubelet_expansion::literal_env(&container.env));
    let expand = |args: &[String]| -> Vec<String> { kubelet_expansion::expand_all(args, &env) };
    let image = container.image.as_deref().unwrap_or_default();
    let profile = images::profile(image);
    // The command replaces the image's entrypoint; args alone replace its CMD.
    let command: Vec<String> = if !container.command.is_empty() {
        [expand(&container.command), expand(&container.args)].concat()
    } else if !container.args.is_empty() {
        expand(&container.args)
    } else {
        Vec::new()
    };
    // A shell without a script reads its standard input: closed, it ends at once; open
    // (`stdin: true`, as `kubectl run -it` and `kubectl debug -it` make it), it waits for input.
    let waits_for_input = container.stdin && interactive_shell(container).is_some();
    let mut plan = match command.as_slice() {
        [] => image_plan(profile, image, &env),
        [shell, flag, script, ..]
            if is_shell(shell) && crate::runtime::shell::is_command_flag(flag) =>
        {
            shell_plan(script, &env, container, pod_name, dns, horizon_ms)
        }
        [program, args @ ..] => {
            let program_name = program.rsplit('/').next().unwrap_or(program);
            match program_name {
                "sleep" | "echo" | "true" | "false" | "cat" | "sh" | "ls" | "date" | "printenv"
                | "env" | "nslookup" | "wget" | "curl" | "tail" | "touch" | "mkdir" => {
                    let script = std::iter::once(program.clone())
                        .chain(args.iter().map(|arg| shell_quote(arg)))
                        .collect::<Vec<_>>()
                        .join(" ");
                    shell_plan(&script, &env, container, pod_name, dns, horizon_ms)
                }
                "stress" => {
                    let mut plan = image_plan(images::profile("polinux/stress"), image, &env);
                    plan.memory_bytes = images::stress_memory_bytes(args);
                    plan.cpu_millis = images::stress_cpu_millis(args);
                    plan
                }
                _ if profile.is_some_and(|p| p.behaviour == Behaviour::Stress) => {
                    let mut plan = image_plan(profile, image, &env);
                    plan.cpu_millis = images::stress_cpu_millis(&command);
                    plan
                }
                _ if profile.is_some_and(|p| p.repositories.contains(&"agnhost")) => {
                    let subcommand = if program_name == "agnhost" {
                        args.first().map_or("", String::as_str)
                    } else {
                        program_name
                    };
                    image_plan(images::agnhost(subcommand).or(profile), image, &env)
                }
                _ => image_plan(profile, image, &env),
            }
        }
    };
    if waits_for_input {
        plan.exit = None;
    }
    plan
}

/// The shell a container's main process is when it runs one without a script (the image's own
/// shell, as a bare `busybox` runs `sh`, or a command of a shell alone): it reads its standard
/// input, so a session can attach to it.
pub fn interactive_shell(container: &Container) -> Option<String> {
    let image = container.image.as_deref().unwrap_or_default();
    match [container.command.as_slice(), container.args.as_slice()]
        .concat()
        .as_slice()
    {
        [] if images::profile(image)
            .is_some_and(|p| p.behaviour == Behaviour::ShellWithoutInput) =>
        {
            Some("sh".to_owned())
        }
        [shell] if is_shell(shell) => Some(shell.clone()),
        _ => None,
    }
}

fn is_shell(program: &str) -> bool {
    matches!(
        program.rsplit('/').next().unwrap_or(program),
        "sh" | "bash" | "ash"
    )
}

fn shell_quote(arg: &str) -> String {
    format!("'{}'", arg.replace('\'', "'\\''"))
}

fn shell_plan(
    script: &str,
    env: &BTreeMap<String, String>,
    container: &Container,
    pod_name: &str,
    dns: &Surroundings,
    horizon_ms: u64,
) -> RunPlan {
    let mut host = fresh_host(container, pod_name, dns);
    let run = run_script(
        script,
        env,
        &mut host,
        Limits::until(VirtualTime::from_millis(horizon_ms)),
    );
    let logs = host
        .output
        .iter()
        .map(|(at, _, line)| (at.as_millis(), line.clone()))
        .collect();
    let exit = match run.outcome {
        Outcome::Exited(code) => Some((run.ended_at.as_millis(), code)),
        Outcome::Running | Outcome::BusyLoop => None,
    };
    let busy = run.outcome == Outcome::BusyLoop;
    RunPlan {
        exit,
        logs,
        writes: std::mem::take(&mut host.outgoing),
        cpu_millis: (run.outcome == Outcome::BusyLoop).then_some(1000),
        notes: run.notes,
        program: Program::Script {
            script: script.to_owned(),
            env: env.clone(),
        },
        memory_bytes: None,
        busy,
    }
}

/// A container's filesystem at start: the usual directories, its mounts, the service account's
/// namespace file, and the scenario's Services in DNS.
fn fresh_host(container: &Container, pod_name: &str, dns: &Surroundings) -> MemoryHost {
    let mut host = MemoryHost::new(pod_name);
    host.internet = true;
    // The API server's own Service, in every cluster.
    for name in Surroundings::names("kubernetes") {
        host.dns.insert(name, KUBERNETES_SERVICE_IP.to_owned());
    }
    for service in &dns.initial {
        for name in Surroundings::names(service) {
            host.dns.insert(name, SERVICE_IP.to_owned());
        }
    }
    for (at, service, created) in &dns.changes {
        for name in Surroundings::names(service) {
            let address = created.then(|| SERVICE_IP.to_owned());
            host.dns_changes
                .push((VirtualTime::from_millis(*at), name, address));
        }
    }
    for dir in [
        "/var/run",
        "/var/run/secrets",
        "/var/run/secrets/kubernetes.io",
        "/var/run/secrets/kubernetes.io/serviceaccount",
    ] {
        host.directories.insert(dir.to_owned());
    }
    host.files.insert(
        "/var/run/secrets/kubernetes.io/serviceaccount/namespace".to_owned(),
        "default".to_owned(),
    );
    // The image's own files, but for those a volume is mounted over.
    for (path, content) in images::image_files(container.image.as_deref().unwrap_or_default()) {
        let hidden = container.volume_mounts.iter().any(|mount| {
            let base = mount.mount_path.trim_end_matches('/');
            path.starts_with(&format!("{base}/"))
        });
        if !hidden {
            put_file(&mut host, &path, content);
        }
    }
    // Mounted volumes are directories (read-only ones refuse writes); what is written to them is
    // shared, and what others wrote arrives as the clock reaches it.
    for mount in &container.volume_mounts {
        host.shared_dirs.push(mount.mount_path.clone());
        let mut path = String::new();
        for part in mount.mount_path.split('/').filter(|part| !part.is_empty()) {
            path.push('/');
            path.push_str(part);
            host.directories.insert(path.clone());
        }
        if mount.read_only {
            host.read_only.push(mount.mount_path.clone());
        }
    }
    for (path, content) in &dns.config_files {
        put_file(&mut host, path, content);
    }
    host.wall_start = dns.wall_start;
    host.incoming.clone_from(&dns.files);
    if !dns.exec_files.is_empty() {
        host.incoming.extend(dns.exec_files.iter().cloned());
        crate::base::sorting::sort_by_key(&mut host.incoming, |write| write.at);
    }
    host.receive();
    host
}

/// Puts a file at `path` in `host`, with the directories above it.
fn put_file(host: &mut MemoryHost, path: &str, content: &str) {
    let mut dir = String::new();
    let parts: Vec<&str> = path.split('/').filter(|part| !part.is_empty()).collect();
    for part in parts.iter().take(parts.len().saturating_sub(1)) {
        dir.push('/');
        dir.push_str(part);
        host.directories.insert(dir.clone());
    }
    host.files.insert(path.to_owned(), content.to_owned());
}

fn image_plan(
    profile: Option<&'static ImageProfile>,
    image: &str,
    env: &BTreeMap<String, String>,
) -> RunPlan {
    let Some(profile) = profile else {
        return RunPlan {
            exit: None,
            logs: Vec::new(),
            notes: vec![format!(
                "image \"{image}\" is not one the playground knows: its program is treated as a long-running process"
            )],
            program: Program::Image(None),
            memory_bytes: None,
            busy: false,
            writes: Vec::new(),
            cpu_millis: None,
        };
    };
    let port = profile
        .ports
        .first()
        .copied()
        .unwrap_or_default()
        .to_string();
    let startup: Vec<(u64, String)> = profile
        .startup_logs
        .iter()
        .map(|line| (0, line.replace("{port}", &port)))
        .collect();
    let (exit, logs) = match profile.behaviour {
        Behaviour::ShellWithoutInput => (Some((0, 0)), Vec::new()),
        Behaviour::PrintsAndExits => (Some((0, 0)), startup),
        Behaviour::NeedsEnv { any_of, error } => {
            if any_of.iter().any(|name| env.contains_key(*name)) {
                (None, startup)
            } else {
                (Some((0, 1)), vec![(0, error.to_owned())])
            }
        }
        Behaviour::Server
        | Behaviour::Sleeps
        | Behaviour::Stress
        | Behaviour::HealthyForTenSeconds => (None, startup),
    };
    RunPlan {
        exit,
        logs,
        notes: Vec::new(),
        program: Program::Image(Some(profile)),
        memory_bytes: Some(profile.memory_bytes),
        busy: false,
        writes: Vec::new(),
        cpu_millis: None,
    }
}
