//! What `kubectl create -f FILE` prints when the API server (or kubectl itself) refuses a
//! manifest: the one-line verdict under the located diagnostics.

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::manifest::Parsed;

/// kubectl's error for `file`, or `None` when kubectl would create the Pod. Decoding errors come
/// first, as the server decodes before it validates.
pub fn create_error(parsed: &Parsed, file: &str) -> Option<String> {
    let errors: Vec<&Diagnostic> = parsed.diagnostics.iter().filter(|d| d.is_error()).collect();
    let first = errors.first()?;
    match &first.kind {
        DiagnosticKind::Syntax(reason) => Some(format!(
            "error: error parsing {file}: error converting YAML to JSON: yaml: line {}: {reason}",
            first.span.start.line
        )),
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
            let prefix = format!(
                "Error from server (BadRequest): error when creating {}: Pod in version \"v1\" cannot be handled as a Pod: ",
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
                parsed.invalid_message()
            }
        }
    }
}

fn quote(text: &str) -> String {
    crate::validation::go_quote(text)
}
