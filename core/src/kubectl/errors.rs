//! What `kubectl create -f FILE` prints when the API server (or kubectl itself) refuses a
//! manifest: the one-line verdict under the located diagnostics.

use crate::api::diagnostic::{Diagnostic, DiagnosticKind};
use crate::api::manifest::Parsed;

/// kubectl's error for `file`, or `None` when kubectl would create the Pod. Decoding errors come
/// first, as the server decodes before it validates.
pub fn create_error(parsed: &Parsed, file: &str) -> Option<String> {
    let errors: Vec<&Diagnostic> = parsed.diagnostics.iter().filter(|d| d.is_error()).collect();
    let first = errors.first()?;
    match &first.kind {
        DiagnosticKind::Syntax(reason) | DiagnosticKind::SyntaxExplained { parser: reason, .. } => {
            Some(format!(
                "error: error parsing {file}: error converting YAML to JSON: yaml: line {}: {reason}",
                first.span.start.line
            ))
        }
        DiagnosticKind::InputTooLarge { .. }
        | DiagnosticKind::NestingTooDeep { .. }
        | DiagnosticKind::TooManyNodes { .. }
        | DiagnosticKind::NotText { .. }
        | DiagnosticKind::Empty => {
            Some(format!("error: error parsing {file}: {}", first.message()))
        }
        DiagnosticKind::MissingKind | DiagnosticKind::MissingApiVersion => Some(format!(
            "error: unable to decode {}: {}",
            quote(file),
            first.detail()
        )),
        DiagnosticKind::NoMatch { name, .. } => Some(format!(
            "error: resource mapping not found for name: {} namespace: \"\" from {}: {}\nensure CRDs are installed first",
            quote(name),
            quote(file),
            first.detail()
        )),
        _ => {
            let strict: Vec<String> = errors
                .iter()
                .filter_map(|d| match &d.kind {
                    DiagnosticKind::UnknownField { .. } | DiagnosticKind::DuplicateField => {
                        Some(d.message())
                    }
                    _ => None,
                })
                .collect();
            let decoding = errors.iter().find(|d| {
                matches!(
                    d.kind,
                    DiagnosticKind::WrongType { .. } | DiagnosticKind::Quantity(_)
                )
            });
            let kind = parsed
                .object_at(first.span.start)
                .map_or("Pod", |object| object.kind.as_str());
            let prefix = format!(
                "Error from server (BadRequest): error when creating {}: {kind} in version \"v1\" cannot be handled as a {kind}: ",
                quote(file)
            );
            if let Some(decoding) = decoding {
                Some(format!("{prefix}{}", decoding.detail()))
            } else if !strict.is_empty() {
                Some(format!(
                    "{prefix}strict decoding error: {}",
                    strict.join(", ")
                ))
            } else {
                invalid(parsed)
            }
        }
    }
}

/// kubectl's rendering of a 422 Invalid (`MultilineError` in kubectl's cmd/util): the causes, one
/// per line after a header when there are several, repeated messages dropped.
fn invalid(parsed: &Parsed) -> Option<String> {
    let (kind, name, errors) = if parsed.validation_errors.is_empty() {
        let refused = parsed.workloads.iter().find(|w| !w.errors.is_empty())?;
        (
            refused.written.kind().as_str(),
            refused.written.name(),
            &refused.errors,
        )
    } else {
        let name = parsed
            .pod
            .as_ref()
            .map(crate::api::v1::Pod::name)
            .unwrap_or_default();
        ("Pod", name, &parsed.validation_errors)
    };
    let mut seen = std::collections::BTreeSet::new();
    let causes: Vec<String> = errors
        .iter()
        .map(ToString::to_string)
        .filter(|cause| seen.insert(cause.clone()))
        .collect();
    let header = format!("The {kind} {} is invalid: ", quote(name));
    Some(match causes.as_slice() {
        [only] => format!("{header}{only}"),
        _ => {
            let lines: Vec<String> = causes.iter().map(|cause| format!("* {cause}")).collect();
            format!("{header}\n{}", lines.join("\n"))
        }
    })
}

fn quote(text: &str) -> String {
    crate::api::validation::go_quote(text)
}

/// What `kubectl create -f` prints for a manifest the API server accepts: one line per Pod and
/// workload, in the text's order (`pod/web created`, `deployment.apps/web created`).
pub fn created(parsed: &Parsed) -> Vec<String> {
    if parsed.has_errors() {
        return Vec::new();
    }
    let pods: Vec<&str> = parsed
        .accepted_pods()
        .into_iter()
        .map(crate::api::v1::Pod::name)
        .collect();
    let mut lines = Vec::new();
    for (index, object) in parsed.objects.iter().enumerate() {
        if object.kind == "Pod" && pods.contains(&object.name.as_str()) {
            if !lines.contains(&format!("pod/{} created", object.name)) {
                lines.push(format!("pod/{} created", object.name));
            }
        } else if let Some(workload) = parsed.workloads.iter().find(|w| w.object == index) {
            lines.push(format!(
                "{}/{} created",
                workload.written.kind().kind_group(),
                workload.written.name()
            ));
        }
    }
    lines
}
