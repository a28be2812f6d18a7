//! `podplay`: Podplay's command line. It parses arguments, calls `pod-model` and prints.

mod check;
mod get;
mod json;

use std::process::ExitCode;

use check::OutputFormat;
use get::{View, When};
use pod_model::base::time::VirtualTime;
use pod_model::base::timestamp::Timestamp;
use pod_model::cluster::Deletion;
use pod_model::playground::state::Delivery;

const USAGE: &str = "\
Usage: podplay <command> [arguments]

Commands:
  check [--output text|json] [--static-pod] FILE...
                Check Pod manifests as the API server would (FILE may be '-' for
                standard input). For each valid Pod, prints 'pod/<name> valid'.
                Problems go to standard error as FILE:LINE:COLUMN: SEVERITY: MESSAGE,
                each with a suggested fix, followed by what kubectl would print.
                With --output json, prints one JSON array describing every file.
                With --static-pod, the files are static Pods for the kubelet's
                /etc/kubernetes/manifests: a static Pod is no naked Pod.
  get [-o wide|yaml] [--at DURATION] [--now TIME] FILE...
                Print 'kubectl get pods' for the Pods of the files: a Pod pasted from a
                cluster (with a status) as it is at TIME (RFC 3339, default now); the
                files' other Pods simulated together on the virtual cluster, DURATION
                (35s, 2m, 1m30s) after 'kubectl apply' (default 0s). -o wide adds each
                Pod's IP and node.
  describe [--at DURATION] [--now TIME] [--utc-offset ±HH:MM] FILE...
                Print 'kubectl describe pod' for the same Pods, Events included.
  logs [-c NAME] [--previous] [--at DURATION] FILE
                Print 'kubectl logs' of a simulated container.
  watch [--at DURATION] FILE...
                Print 'kubectl get pods -w' from 'kubectl apply' until DURATION (2m).
  top [--containers] [--at DURATION] FILE...
                Print 'kubectl top pod': the CPU and memory the simulated containers use,
                held to their limits.
  yaml [--at DURATION] [--now TIME] FILE...
                Print 'kubectl get pod -o yaml': the Pod with its defaults and status
                (the same as 'get -o yaml').
  diagram [--at DURATION] [--theme light|dark|auto] [--flow] FILE
                Print an SVG drawing of the inside of the file's first Pod: the pause
                container and the shared network namespace, ports, volumes and each
                container's role. With --at, each container is drawn in its state at
                that instant (a Pod pasted with a status is drawn as it is). With
                --flow, print the control-plane flow (kubectl, API server, etcd,
                scheduler, kubelet, runtime) with the step of that instant lit.
                Port conflicts go to standard error as FILE:LINE:COLUMN warnings.

  Each of these also takes --delete-at DURATION [--grace-period N]: the simulated
  Pod is deleted then ('kubectl delete pod [--grace-period=N]'); and --scenario S.yaml:
  the nodes, the Services, ConfigMaps and Secrets and the timed actions of a scenario
  file (YAML or JSON; see the README). Without FILE, the scenario's own manifest is
  simulated.

Options:
  -o, --output FORMAT  text (the default) or json.
  -h, --help           Print this help.
  -V, --version        Print the version.

Exit status: 0 when every manifest is valid, 1 when any is not, 2 on a usage or I/O error.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["check", rest @ ..] => match parse_check_args(rest) {
            Some((format, delivery, files)) => check::run(&files, format, delivery),
            None => usage_error(),
        },
        [
            command @ ("get" | "describe" | "logs" | "watch" | "yaml" | "top" | "diagram"),
            rest @ ..,
        ] => match parse_view_args(command, rest) {
            Some((view, when, files)) => get::run(&files, &view, when),
            None => usage_error(),
        },
        ["-h" | "--help" | "help"] => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        ["-V" | "--version"] => {
            println!("podplay {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        _ => usage_error(),
    }
}

fn usage_error() -> ExitCode {
    eprint!("{USAGE}");
    ExitCode::from(2)
}

/// The output format, where the manifests go and the files of `podplay check`, or `None` for a
/// usage error.
fn parse_check_args<'a>(args: &[&'a str]) -> Option<(OutputFormat, Delivery, Vec<&'a str>)> {
    let mut format = OutputFormat::Text;
    let mut delivery = Delivery::ApiServer;
    let mut files = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if *arg == "--static-pod" {
            delivery = Delivery::StaticPodFile;
            continue;
        }
        let value = match *arg {
            "-o" | "--output" => Some(*rest.next()?),
            _ => arg
                .strip_prefix("--output=")
                .or_else(|| arg.strip_prefix("-o=")),
        };
        match value {
            Some("text") => format = OutputFormat::Text,
            Some("json") => format = OutputFormat::Json,
            Some(_) => return None,
            None if arg.starts_with('-') && *arg != "-" => return None,
            None => files.push(*arg),
        }
    }
    (!files.is_empty()).then_some((format, delivery, files))
}

/// The view, the instants and the files of `podplay get|describe|logs|watch`; `None` for a usage
/// error.
fn parse_view_args<'a>(command: &str, args: &[&'a str]) -> Option<(View, When, Vec<&'a str>)> {
    let mut wide = false;
    let mut yaml = command == "yaml";
    let mut offset = 0i32;
    let mut now = None;
    let mut at = None;
    let mut container = None;
    let mut previous = false;
    let mut containers = false;
    let mut delete_at = None;
    let mut grace = None;
    let mut scenario = None;
    let mut theme = pod_model::diagram::Theme::Light;
    let mut flow = false;
    let mut files = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match (command, *arg) {
            ("get", "-o" | "--output") => match *rest.next()? {
                "wide" => wide = true,
                "yaml" => yaml = true,
                _ => return None,
            },
            ("get", "-o=wide" | "--output=wide" | "-owide") => wide = true,
            ("get", "-o=yaml" | "--output=yaml" | "-oyaml") => yaml = true,
            ("describe", "--utc-offset") => offset = parse_offset(rest.next()?)?,
            ("logs", "-c" | "--container") => container = Some((*rest.next()?).to_owned()),
            ("logs", "-p" | "--previous") => previous = true,
            ("top", "--containers") => containers = true,
            ("diagram", "--theme") => {
                theme = pod_model::diagram::Theme::from_name(rest.next()?)?;
            }
            ("diagram", "--flow") => flow = true,
            (_, "--now") => now = Some(Timestamp::parse(rest.next()?)?),
            (_, "--at") => at = Some(parse_duration(rest.next()?)?),
            (_, "--scenario") => scenario = Some((*rest.next()?).to_owned()),
            (_, "--delete-at") => delete_at = Some(parse_duration(rest.next()?)?),
            (_, "--grace-period") => {
                grace = Some(rest.next()?.parse::<i64>().ok().filter(|g| *g >= 0)?)
            }
            (_, arg) if arg.starts_with('-') && arg != "-" => return None,
            (_, arg) => files.push(arg),
        }
    }
    let view = match command {
        "describe" => View::Describe {
            utc_offset_minutes: offset,
        },
        "logs" => View::Logs {
            container,
            previous,
        },
        "watch" => View::Watch,
        "top" => View::Top { containers },
        "diagram" => View::Diagram {
            theme,
            flow,
            states: at.is_some(),
        },
        _ if yaml => View::Yaml,
        _ => View::Table { wide },
    };
    // A watch follows the first two minutes unless told otherwise.
    let default_at = if command == "watch" {
        VirtualTime::from_secs(120)
    } else {
        VirtualTime::ZERO
    };
    let when = When {
        at: at.unwrap_or(default_at),
        now: now.unwrap_or_else(system_now),
        deletion: delete_at.map(|at| Deletion {
            at,
            grace_seconds: grace,
        }),
        scenario,
    };
    // Without files, the scenario's own manifest is the Pod.
    (!files.is_empty() || when.scenario.is_some()).then_some((view, when, files))
}

/// A duration such as `35s`, `2m`, `1m30s`, `500ms` or `1h`, as an instant after `kubectl apply`.
fn parse_duration(text: &str) -> Option<VirtualTime> {
    VirtualTime::parse_duration(text)
}

/// `+05:30` or `-05:00` as minutes.
fn parse_offset(text: &str) -> Option<i32> {
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    let (hours, minutes) = rest.split_once(':')?;
    let hours: i32 = hours.parse().ok().filter(|h| (0..=14).contains(h))?;
    let minutes: i32 = minutes.parse().ok().filter(|m| (0..60).contains(m))?;
    Some(sign * (hours * 60 + minutes))
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
