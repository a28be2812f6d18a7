//! `podplay get` and `podplay describe`: `kubectl get pods` and `kubectl describe pod` for the
//! Pods of manifest files.

use std::io::{self, Write};
use std::process::ExitCode;

use pod_model::kubectl_describe::{DescribeOptions, describe_pod};
use pod_model::kubectl_errors;
use pod_model::kubectl_get;
use pod_model::timestamp::Timestamp;

use crate::check::read_input;

/// What `podplay get` and `podplay describe` print.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// `kubectl get pods`, or with `wide`, `-o wide`.
    Table {
        /// `-o wide`.
        wide: bool,
    },
    /// `kubectl describe pod`, with times at this offset from UTC (minutes).
    Describe {
        /// The local time zone's offset.
        utc_offset_minutes: i32,
    },
}

/// Prints the view of every Pod of `files` at `now`: Pods that carry a status as they are,
/// others as the API server stores them on create. A refused Pod prints kubectl's error.
pub fn run(files: &[&str], view: View, now: Timestamp) -> ExitCode {
    let mut pods = Vec::new();
    let mut failed = false;
    for file in files {
        let bytes = match read_input(file) {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("podplay: cannot read {file}: {error}");
                return ExitCode::from(2);
            }
        };
        let parsed = pod_model::parse_bytes(&bytes);
        let stored = parsed.pods_as_stored();
        if stored.is_empty()
            && let Some(verdict) = kubectl_errors::create_error(&parsed, file)
        {
            eprintln!("{verdict}");
            failed = true;
        }
        pods.extend(stored);
    }
    let refs: Vec<_> = pods.iter().collect();
    let written = if refs.is_empty() {
        // kubectl says this on standard error.
        writeln!(
            io::stderr().lock(),
            "No resources found in default namespace."
        )
    } else {
        let text = match view {
            View::Table { wide } => kubectl_get::get_pods(&refs, now, wide),
            View::Describe { utc_offset_minutes } => {
                let options = DescribeOptions {
                    now,
                    utc_offset_minutes,
                };
                // kubectl separates Pods by two blank lines.
                refs.iter()
                    .map(|pod| describe_pod(pod, &[], options))
                    .collect::<Vec<_>>()
                    .join("\n\n")
            }
        };
        io::stdout().lock().write_all(text.as_bytes())
    };
    if written.is_err() {
        return ExitCode::from(2);
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
