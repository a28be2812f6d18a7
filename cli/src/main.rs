//! `podplay`: Podplay's command line. It parses arguments (with clap), calls `pod-model` and
//! prints.

mod check;
mod get;

use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use pod_model::base::time::VirtualTime;
use pod_model::base::timestamp::Timestamp;
use pod_model::cluster::Deletion;
use pod_model::diagram::Theme;
use pod_model::playground::state::Delivery;

use check::OutputFormat;
use get::{View, When};

/// Podplay on the command line: check Pod manifests as the Kubernetes API server would, and see
/// what kubectl would print once they run on Podplay's virtual cluster.
#[derive(Debug, Parser)]
#[command(
    name = "podplay",
    version,
    arg_required_else_help = true,
    max_term_width = 100,
    after_help = "Exit status: 0 when every manifest is valid, 1 when any is not, 2 on a usage or I/O error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check manifests as the API server would.
    ///
    /// For each valid Pod, prints 'pod/<name> valid'. Problems go to standard error as
    /// FILE:LINE:COLUMN: SEVERITY: MESSAGE, each with a suggested fix, followed by what kubectl
    /// would print.
    Check {
        /// text (compiler-style lines, then kubectl's verdict) or json (one array describing
        /// every file).
        #[arg(short, long, value_enum, default_value_t = CheckFormat::Text)]
        output: CheckFormat,
        /// The files are static Pods for the kubelet's /etc/kubernetes/manifests: a static Pod
        /// is no naked Pod.
        #[arg(long)]
        static_pod: bool,
        /// Manifest files (YAML, flow-style YAML or JSON); '-' reads standard input.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
    },
    /// Print 'kubectl get pods' for the Pods of the files.
    ///
    /// A Pod pasted from a cluster (with a status) is shown as it is at --now; the files' other
    /// Pods are simulated together on the virtual cluster and seen --at after 'kubectl apply'.
    Get {
        /// wide adds each Pod's IP and node; yaml prints 'kubectl get pod -o yaml'.
        #[arg(short, long, value_enum)]
        output: Option<GetFormat>,
        #[command(flatten)]
        run: RunArgs,
    },
    /// Print 'kubectl describe' for the same Pods, or the workloads a resource argument names
    /// ('describe statefulset/web FILE'), Events included.
    Describe {
        /// The time zone the times are shown in, as ±HH:MM from UTC.
        #[arg(long, value_parser = parse_offset, allow_hyphen_values = true, default_value = "+00:00")]
        utc_offset: i32,
        #[command(flatten)]
        run: RunArgs,
    },
    /// Print 'kubectl logs' of a simulated container.
    Logs {
        /// The container (by default, the Pod's first).
        #[arg(short, long, value_name = "NAME")]
        container: Option<String>,
        /// The logs of the container's previous run.
        #[arg(short, long)]
        previous: bool,
        #[command(flatten)]
        run: RunArgs,
    },
    /// Run a command in a container of the file's first Pod (or of pod/NAME), as 'kubectl exec
    /// POD [-c NAME] -- COMMAND' would at --at (by default 30s after 'kubectl apply').
    ///
    /// For example: podplay exec pod.yaml -c nginx -- cat /usr/share/nginx/html/index.html.
    /// The command's output goes to standard output, kubectl's notices and errors to standard
    /// error, and podplay exits with the command's status.
    Exec {
        /// The container (by default the one kubectl picks: the annotated default, else the
        /// first, with kubectl's notice).
        #[arg(short, long, value_name = "NAME")]
        container: Option<String>,
        /// No notice about the container picked.
        #[arg(short, long)]
        quiet: bool,
        #[command(flatten)]
        run: RunArgs,
        /// The command and its arguments, after '--'.
        #[arg(last = true, required = true, value_name = "COMMAND")]
        command: Vec<String>,
    },
    /// Print 'kubectl get pods -w' (with a resource argument, 'kubectl get KIND -w') from
    /// 'kubectl apply' until --at (by default 2m).
    Watch {
        #[command(flatten)]
        run: RunArgs,
    },
    /// Print 'kubectl top pod': the CPU and memory the simulated containers use, held to their
    /// limits.
    Top {
        /// One row per container.
        #[arg(long)]
        containers: bool,
        #[command(flatten)]
        run: RunArgs,
    },
    /// Print 'kubectl get pod -o yaml': the Pod with its defaults and status.
    Yaml {
        #[command(flatten)]
        run: RunArgs,
    },
    /// Print an SVG drawing of the inside of the file's first Pod.
    ///
    /// The pause container and the shared network namespace, ports, volumes and each
    /// container's role. With --at, each container is drawn in its state at that instant (a Pod
    /// pasted with a status is drawn as it is). Port conflicts go to standard error as
    /// FILE:LINE:COLUMN warnings.
    Diagram {
        /// The colours.
        #[arg(long, value_parser = parse_theme, default_value = "light")]
        theme: Theme,
        /// Draw the control-plane flow (kubectl, API server, etcd, scheduler, kubelet, runtime)
        /// with the step of --at lit, instead of the Pod.
        #[arg(long)]
        flow: bool,
        #[command(flatten)]
        run: RunArgs,
    },
    /// Print a shell's completion script for podplay.
    ///
    /// For example: podplay completions bash > ~/.local/share/bash-completion/completions/podplay
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// What `check` prints.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum CheckFormat {
    /// Compiler-style lines, then kubectl's verdict.
    Text,
    /// One JSON array describing every file.
    Json,
}

/// What `get -o` prints.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum GetFormat {
    /// Each Pod's IP and node too.
    Wide,
    /// The Pod objects as 'kubectl get pod -o yaml' prints them.
    Yaml,
}

/// The files, the scenario and the instants of the commands that run the virtual cluster.
#[derive(Debug, Args)]
struct RunArgs {
    /// How long after 'kubectl apply' the simulated Pods are seen (35s, 2m, 1m30s, 500ms).
    #[arg(long, value_parser = parse_duration, value_name = "DURATION")]
    at: Option<VirtualTime>,
    /// "Now" for Pods pasted with a status (RFC 3339; by default the system clock).
    #[arg(long, value_parser = parse_timestamp, value_name = "TIME")]
    now: Option<Timestamp>,
    /// Delete the simulated Pod then ('kubectl delete pod').
    #[arg(long, value_parser = parse_duration, value_name = "DURATION")]
    delete_at: Option<VirtualTime>,
    /// The deletion's grace period in seconds ('kubectl delete pod --grace-period=N').
    #[arg(long, requires = "delete_at", value_name = "N")]
    grace_period: Option<u32>,
    /// A scenario file (YAML or JSON; see the README): the nodes, the Services, ConfigMaps and
    /// Secrets and the timed actions. Without FILE, the scenario's own manifest runs.
    #[arg(long, value_name = "S.yaml")]
    scenario: Option<String>,
    /// Manifest files; '-' reads standard input. Before them, kubectl's resource argument may
    /// say what to show: pods (the default), pod/NAME, deployments, rs/NAME, rc…
    #[arg(required_unless_present = "scenario", value_name = "FILE")]
    files: Vec<String>,
}

impl RunArgs {
    /// The instants and the scenario, with `default_at` when --at is not given.
    fn when(&self, default_at: VirtualTime) -> When {
        When {
            at: self.at.unwrap_or(default_at),
            now: self.now.unwrap_or_else(system_now),
            deletion: self.delete_at.map(|at| Deletion {
                at,
                grace_seconds: self.grace_period.map(i64::from),
            }),
            scenario: self.scenario.clone(),
        }
    }

    fn files(&self) -> Vec<&str> {
        self.files.iter().map(String::as_str).collect()
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (view, run) = match cli.command {
        Command::Check {
            output,
            static_pod,
            files,
        } => {
            let format = match output {
                CheckFormat::Text => OutputFormat::Text,
                CheckFormat::Json => OutputFormat::Json,
            };
            let delivery = if static_pod {
                Delivery::StaticPodFile
            } else {
                Delivery::ApiServer
            };
            let files: Vec<&str> = files.iter().map(String::as_str).collect();
            return check::run(&files, format, delivery);
        }
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "podplay",
                &mut std::io::stdout(),
            );
            return ExitCode::SUCCESS;
        }
        Command::Get { output, run } => (
            match output {
                Some(GetFormat::Yaml) => View::Yaml,
                Some(GetFormat::Wide) => View::Table { wide: true },
                None => View::Table { wide: false },
            },
            run,
        ),
        Command::Describe { utc_offset, run } => (
            View::Describe {
                utc_offset_minutes: utc_offset,
            },
            run,
        ),
        Command::Logs {
            container,
            previous,
            run,
        } => (
            View::Logs {
                container,
                previous,
            },
            run,
        ),
        Command::Exec {
            container,
            quiet,
            run,
            command,
        } => (
            View::Exec {
                container,
                quiet,
                command,
            },
            run,
        ),
        Command::Watch { run } => (View::Watch, run),
        Command::Top { containers, run } => (View::Top { containers }, run),
        Command::Yaml { run } => (View::Yaml, run),
        Command::Diagram { theme, flow, run } => (
            View::Diagram {
                theme,
                flow,
                states: run.at.is_some(),
            },
            run,
        ),
    };
    // A watch follows the first two minutes unless told otherwise.
    // An exec comes half a minute in, when a Pod is usually running.
    let default_at = match view {
        View::Watch => VirtualTime::from_secs(120),
        View::Exec { .. } => VirtualTime::from_secs(30),
        _ => VirtualTime::ZERO,
    };
    // kubectl's resource argument comes first: `get deployments FILE`, `describe pod/web FILE`;
    // without one, the command is about the Pods.
    let mut files = run.files();
    let selection = match files.first().copied() {
        Some(word) if !std::path::Path::new(word).exists() => match get::Selection::parse(word) {
            Some(selection) => {
                files.remove(0);
                selection
            }
            None => get::Selection::Pods(None),
        },
        _ => get::Selection::Pods(None),
    };
    if files.is_empty() && run.scenario.is_none() {
        eprintln!("podplay: which manifest? Give a FILE after the resource, or --scenario.");
        return ExitCode::from(2);
    }
    get::run(&files, &view, run.when(default_at), &selection)
}

/// A duration such as `35s`, `2m`, `1m30s`, `500ms` or `1h`, as an instant after `kubectl apply`.
fn parse_duration(text: &str) -> Result<VirtualTime, String> {
    VirtualTime::parse_duration(text)
        .ok_or_else(|| "expected a duration such as 35s, 2m, 1m30s or 500ms".to_owned())
}

/// An RFC 3339 time.
fn parse_timestamp(text: &str) -> Result<Timestamp, String> {
    Timestamp::parse(text)
        .ok_or_else(|| "expected an RFC 3339 time such as 2024-05-01T12:00:00Z".to_owned())
}

/// `light`, `dark` or `auto`.
fn parse_theme(text: &str) -> Result<Theme, String> {
    Theme::from_name(text).ok_or_else(|| "expected light, dark or auto".to_owned())
}

/// `+05:30` or `-05:00` as minutes.
fn parse_offset(text: &str) -> Result<i32, String> {
    let invalid = || "expected ±HH:MM, such as +05:30 or -05:00".to_owned();
    let (sign, rest) = match text.as_bytes().first() {
        Some(b'+') => (1, &text[1..]),
        Some(b'-') => (-1, &text[1..]),
        _ => return Err(invalid()),
    };
    let (hours, minutes) = rest.split_once(':').ok_or_else(invalid)?;
    let hours: i32 = hours
        .parse()
        .ok()
        .filter(|h| (0..=14).contains(h))
        .ok_or_else(invalid)?;
    let minutes: i32 = minutes
        .parse()
        .ok()
        .filter(|m| (0..60).contains(m))
        .ok_or_else(invalid)?;
    Ok(sign * (hours * 60 + minutes))
}

/// The system clock, read here at the edge: the core never reads a clock.
fn system_now() -> Timestamp {
    let millis = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX)
        });
    Timestamp::from_millis(millis)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
