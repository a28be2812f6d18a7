//! `podplay`: Podplay's command line. It parses arguments, calls `pod-model` and prints.

mod check;
mod get;
mod json;

use std::process::ExitCode;

use check::OutputFormat;
use get::View;
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
  describe [--now TIME] [--utc-offset ±HH:MM] FILE...
                Print 'kubectl describe pod' for the same Pods (times in UTC unless an
                offset is given).

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
        ["get", rest @ ..] => match parse_view_args(rest, false) {
            Some((view, now, files)) => get::run(&files, view, now),
            None => usage_error(),
        },
        ["describe", rest @ ..] => match parse_view_args(rest, true) {
            Some((view, now, files)) => get::run(&files, view, now),
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

/// The view, the instant to print at, and the files of `podplay get` (or, with `describe`,
/// `podplay describe`); `None` for a usage error.
fn parse_view_args<'a>(
    args: &[&'a str],
    describe: bool,
) -> Option<(View, Timestamp, Vec<&'a str>)> {
    let mut wide = false;
    let mut offset = 0i32;
    let mut now = None;
    let mut files = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match *arg {
            "-o" | "--output" if !describe => match *rest.next()? {
                "wide" => wide = true,
                _ => return None,
            },
            "-o=wide" | "--output=wide" | "-owide" if !describe => wide = true,
            "--now" => now = Some(Timestamp::parse(rest.next()?)?),
            "--utc-offset" if describe => offset = parse_offset(rest.next()?)?,
            _ if arg.starts_with("--now=") => now = Some(Timestamp::parse(&arg["--now=".len()..])?),
            _ if arg.starts_with('-') && *arg != "-" => return None,
            _ => files.push(*arg),
        }
    }
    let view = if describe {
        View::Describe {
            utc_offset_minutes: offset,
        }
    } else {
        View::Table { wide }
    };
    let now = now.unwrap_or_else(system_now);
    (!files.is_empty()).then_some((view, now, files))
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
