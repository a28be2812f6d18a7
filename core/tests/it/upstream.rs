//! The ported upstream validation cases ([`upstream_cases`]) give the same field paths and error
//! types as the API server.

use crate::upstream_cases::CASES;

/// The errors Podplay reports for `manifest`: validation errors as (path, type), plus any other
/// error diagnostic (which a ported case should never trigger).
fn errors_of(manifest: &str) -> Vec<(String, String)> {
    let parsed = pod_model::parse(manifest);
    let mut errors: Vec<(String, String)> = parsed
        .validation_errors
        .iter()
        .map(|error| (error.path.clone(), error.kind.as_str().to_owned()))
        .collect();
    for diagnostic in &parsed.diagnostics {
        let is_field = matches!(diagnostic.kind, pod_model::DiagnosticKind::Field(_));
        if diagnostic.is_error() && !is_field {
            errors.push((diagnostic.path.clone(), diagnostic.to_string()));
        }
    }
    errors
}

#[test]
fn ported_upstream_cases_report_the_same_paths_and_types() {
    let mut failures = Vec::new();
    for case in CASES {
        let found = errors_of(case.manifest);
        let expected: Vec<(String, String)> = case
            .errors
            .iter()
            .map(|(path, kind)| ((*path).to_owned(), (*kind).to_owned()))
            .collect();
        if found != expected {
            failures.push(format!(
                "{}\n  expected {expected:?}\n  found    {found:?}",
                case.upstream
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}
