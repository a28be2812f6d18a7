//! `podplay check`: reads each file, asks `pod-model` what the API server would say, prints it.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use pod_model::kubectl::errors as kubectl_errors;
use pod_model::playground::state::{self, Delivery};
use pod_model::{Diagnostic, DiagnosticKind, Parsed, Severity};

use serde_json::json;

/// How `check` prints its results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    /// Compiler-style lines, then kubectl's verdict.
    Text,
    /// One JSON array.
    Json,
}

/// Checks every file as a manifest that goes to `delivery`; the exit code is 1 when any is
/// invalid, 2 when any cannot be read.
pub fn run(files: &[&str], format: OutputFormat, delivery: Delivery) -> ExitCode {
    let mut results = Vec::new();
    let mut unreadable = false;
    for file in files {
        match read_input(file) {
            Ok(bytes) => results.push((*file, state::check_bytes(&bytes, delivery))),
            Err(error) => {
                eprintln!("podplay: cannot read {file}: {error}");
                unreadable = true;
            }
        }
    }
    let printed = match format {
        OutputFormat::Text => print_text(&results),
        OutputFormat::Json => print_json(&results),
    };
    if printed.is_err() || unreadable {
        ExitCode::from(2)
    } else if results.iter().any(|(_, parsed)| parsed.has_errors()) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn lint_id(diagnostic: &Diagnostic) -> Option<&'static str> {
    match &diagnostic.kind {
        DiagnosticKind::Lint(lint) => Some(lint.id),
        _ => None,
    }
}

/// A problem as `FILE:LINE:COLUMN: SEVERITY: MESSAGE`, with its fix on the next line.
pub fn diagnostic_text(file: &str, diagnostic: &Diagnostic) -> String {
    let severity = match lint_id(diagnostic) {
        Some(id) => format!("warning[{id}]"),
        None => severity_name(diagnostic.severity).to_owned(),
    };
    let mut text = format!(
        "{file}:{}: {severity}: {}\n",
        diagnostic.span.start,
        diagnostic.message()
    );
    if let Some(hint) = &diagnostic.hint {
        text.push_str(&format!("  fix: {hint}\n"));
    }
    text
}

/// Port conflicts, which a diagram draws, with their lines: for `podplay diagram`.
pub fn port_conflicts(file: &str, parsed: &Parsed) -> String {
    parsed
        .diagnostics
        .iter()
        .filter(|d| lint_id(d) == Some("port-conflict"))
        .map(|d| diagnostic_text(file, d))
        .collect()
}

/// The verdict on standard output, problems on standard error, as compilers do.
fn print_text(results: &[(&str, Parsed)]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    let mut err = io::stderr().lock();
    for (file, parsed) in results {
        for diagnostic in &parsed.diagnostics {
            write!(err, "{}", diagnostic_text(file, diagnostic))?;
        }
        if let Some(verdict) = kubectl_errors::create_error(parsed, file) {
            writeln!(err, "{verdict}")?;
        } else if let Some(pod) = &parsed.pod {
            let qos = parsed
                .qos
                .map(|qos| format!(" (QoS class {qos})"))
                .unwrap_or_default();
            writeln!(out, "pod/{} valid{qos}", pod.name())?;
        }
    }
    Ok(())
}

fn print_json(results: &[(&str, Parsed)]) -> io::Result<()> {
    let files: Vec<serde_json::Value> = results
        .iter()
        .map(|(file, parsed)| {
            let diagnostics: Vec<serde_json::Value> = parsed
                .diagnostics
                .iter()
                .map(|diagnostic| {
                    let span = diagnostic.span;
                    json!({
                        "severity": severity_name(diagnostic.severity),
                        "line": span.start.line,
                        "column": span.start.column,
                        "endLine": span.end.line,
                        "endColumn": span.end.column,
                        "path": diagnostic.path,
                        "message": diagnostic.message(),
                        "fix": diagnostic.hint,
                        "lint": lint_id(diagnostic),
                    })
                })
                .collect();
            let objects: Vec<serde_json::Value> = parsed
                .objects
                .iter()
                .map(|object| {
                    json!({
                        "apiVersion": object.api_version,
                        "kind": object.kind,
                        "name": object.name,
                    })
                })
                .collect();
            json!({
                "file": file,
                "valid": !parsed.has_errors(),
                "pod": parsed.pod.as_ref().map(pod_model::Pod::name),
                "qosClass": parsed.qos.map(|qos| qos.as_str()),
                "objects": objects,
                "diagnostics": diagnostics,
                "kubectl": kubectl_errors::create_error(parsed, file),
            })
        })
        .collect();
    writeln!(io::stdout().lock(), "{}", serde_json::Value::Array(files))
}

/// Reads the file, or standard input for `-`. It reads one byte more than the parser accepts, so
/// that a huge file is refused by the parser with a clear message without being read whole.
pub fn read_input(file: &str) -> io::Result<Vec<u8>> {
    let limit = u64::try_from(pod_model::api::yaml::Limits::DEFAULT.max_input_bytes)
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
    Ok(bytes)
}
