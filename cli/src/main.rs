//! `podplay`: Podplay's command line. It parses arguments, calls `pod-model` and prints.

mod check;
mod get;
mod json;

use std::process::ExitCode;

use check::OutputFormat;
use pod_model::timestamp::Timestamp;

const USAGE: &str = "\
Usage: podplay <command> [arguments]

Commands:
  check [--output text|json] FILE...
                Check Pod manifests as the API server would (FILE may be '-' for
                standard input). For each valid Pod, prints 'pod/<name> valid'.
                Problems go to standard error as FILE:LINE:COLUMN: SEVERITY: MESSAGE,
                each with a suggested fix, followed by what kubectl would print.
                With --output json, prints one JSON array describing every file.
  get [-o wide] [--now TIME] FILE...
                Print 'kubectl get pods' for the Pods of the files: a Pod pasted from a
                cluster (with a status) as it is, any other as the API server stores it
                on create. TIME is RFC 3339 (2026-01-02T03:04:05Z); the default is now.

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
            Some((format, files)) => check::run(&files, format),
            None => usage_error(),
        },
        ["get", rest @ ..] => match parse_get_args(rest) {
            Some((wide, now, files)) => get::run(&files, wide, now),
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

/// The output format and the files of `podplay check`, or `None` for a usage error.
fn parse_check_args<'a>(args: &[&'a str]) -> Option<(OutputFormat, Vec<&'a str>)> {
    let mut format = OutputFormat::Text;
    let mut files = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
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
    (!files.is_empty()).then_some((format, files))
}

/// Whether `-o wide` was given, the instant to print at, and the files of `podplay get`; `None`
/// for a usage error.
fn parse_get_args<'a>(args: &[&'a str]) -> Option<(bool, Timestamp, Vec<&'a str>)> {
    let mut wide = false;
    let mut now = None;
    let mut files = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match *arg {
            "-o" | "--output" => match *rest.next()? {
                "wide" => wide = true,
                _ => return None,
            },
            "-o=wide" | "--output=wide" | "-owide" => wide = true,
            "--now" => now = Some(Timestamp::parse(rest.next()?)?),
            _ if arg.starts_with("--now=") => now = Some(Timestamp::parse(&arg["--now=".len()..])?),
            _ if arg.starts_with('-') && *arg != "-" => return None,
            _ => files.push(*arg),
        }
    }
    let now = now.unwrap_or_else(system_now);
    (!files.is_empty()).then_some((wide, now, files))
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
