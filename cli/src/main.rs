//! `podplay`: Podplay's command line. It parses arguments, calls `pod-model` and prints.

use std::io::{self, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
Usage: podplay <command> [arguments]

Commands:
  check FILE    Check a Pod manifest (FILE may be '-' for standard input).
                Prints 'pod/<name> valid', or each problem on standard error
                as FILE:LINE:COLUMN: error: MESSAGE.

Options:
  -h, --help     Print this help.
  -V, --version  Print the version.

Exit status: 0 when the manifest is valid, 1 when it is not, 2 on a usage or I/O error.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["check", file] => check(file),
        ["-h" | "--help" | "help"] => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        ["-V" | "--version"] => {
            println!("podplay {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        _ => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// `podplay check FILE`.
fn check(file: &str) -> ExitCode {
    let text = match read_input(file) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("podplay: cannot read {file}: {error}");
            return ExitCode::from(2);
        }
    };
    let parsed = pod_model::parse(&text);
    let errors: Vec<_> = parsed
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.severity == pod_model::Severity::Error)
        .collect();
    // The verdict goes to standard output and problems to standard error, as compilers do.
    let result = if let (Some(pod), true) = (&parsed.pod, errors.is_empty()) {
        writeln!(io::stdout().lock(), "pod/{} valid", pod.name)
    } else {
        let mut err = io::stderr().lock();
        errors.iter().try_for_each(|diagnostic| {
            writeln!(
                err,
                "{file}:{}: error: {}",
                diagnostic.span.start,
                diagnostic.message()
            )
        })
    };
    if result.is_err() {
        return ExitCode::from(2);
    }
    if errors.is_empty() && parsed.pod.is_some() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Reads the file, or standard input for `-`. It reads one byte more than the parser accepts, so
/// that a huge file is refused by the parser with a clear message without being read whole.
fn read_input(file: &str) -> io::Result<String> {
    let limit = u64::try_from(pod_model::yaml::Limits::DEFAULT.max_input_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut bytes = Vec::new();
    if file == "-" {
        io::stdin().take(limit).read_to_end(&mut bytes)?;
    } else {
        std::fs::File::open(file)?
            .take(limit)
            .read_to_end(&mut bytes)?;
    }
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) >= limit {
        // Too large: the cut may split a character, and the parser refuses the text anyway.
        return Ok(String::from_utf8_lossy(&bytes).into_owned());
    }
    String::from_utf8(bytes).map_err(|error| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("the file is not UTF-8 text ({error})"),
        )
    })
}
