//! `podplay get`: `kubectl get pods` for the Pods of manifest files.

use std::io::{self, Write};
use std::process::ExitCode;

use pod_model::kubectl_errors;
use pod_model::kubectl_get;
use pod_model::timestamp::Timestamp;

use crate::check::read_input;

/// Prints the table for every Pod of `files` at `now`: Pods that carry a status as they are,
/// others as the API server stores them on create. A refused Pod prints kubectl's error.
pub fn run(files: &[&str], wide: bool, now: Timestamp) -> ExitCode {
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
        io::stdout()
            .lock()
            .write_all(kubectl_get::get_pods(&refs, now, wide).as_bytes())
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
