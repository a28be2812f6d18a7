//! Diagnostics are data: a kind, a severity, a field path and a span. Messages are built from the
//! kind in one place, [`Diagnostic::message`].

use std::fmt;

use crate::span::Span;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The API server would reject the manifest, or it cannot be read at all.
    Error,
    /// The manifest is accepted, but something is likely wrong.
    Warning,
}

/// What went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiagnosticKind {
    /// The text is not well-formed YAML (or JSON). The string is the parser's own explanation.
    Syntax(String),
    /// The text is larger than the playground accepts.
    InputTooLarge {
        /// The size of the text, in bytes (or of as much of it as was read).
        size_bytes: usize,
        /// The largest size accepted, in bytes.
        max_bytes: usize,
    },
    /// The YAML nests deeper than the playground accepts.
    NestingTooDeep {
        /// The deepest nesting accepted.
        max_depth: usize,
    },
    /// Alias expansion (`*anchor`) would build more nodes than the playground accepts.
    TooManyNodes {
        /// The largest number of nodes accepted.
        max_nodes: usize,
    },
    /// The text holds no document at all.
    Empty,
    /// No document in the text is a Pod.
    NoPod,
    /// A field the API server requires is missing or empty (upstream: "Required value").
    Required,
    /// A field has a value of the wrong type, such as a list where an object belongs.
    WrongType {
        /// What the field should hold, such as "object", "array" or "string".
        expected: &'static str,
    },
}

/// One problem found in a manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// How serious the problem is.
    pub severity: Severity,
    /// What the problem is.
    pub kind: DiagnosticKind,
    /// The field path in Kubernetes notation, such as `spec.containers[1].name`; empty when the
    /// problem is not about a field (a syntax error, say).
    pub path: String,
    /// Where in the text the problem is.
    pub span: Span,
}

impl Diagnostic {
    /// An error of `kind` at `path`, located at `span`.
    pub fn error(kind: DiagnosticKind, path: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            kind,
            path: path.into(),
            span,
        }
    }

    /// The message without position, in the style of the API server's field errors
    /// (`spec.containers[0].name: Required value`).
    pub fn message(&self) -> String {
        let detail = match &self.kind {
            DiagnosticKind::Syntax(reason) => reason.clone(),
            DiagnosticKind::InputTooLarge { max_bytes, .. } => format!(
                "the manifest is too large: the playground accepts at most {max_bytes} bytes"
            ),
            DiagnosticKind::NestingTooDeep { max_depth } => {
                format!("the YAML nests more than {max_depth} levels deep")
            }
            DiagnosticKind::TooManyNodes { max_nodes } => {
                format!(
                    "with its anchors and aliases, the YAML would build more than {max_nodes} nodes"
                )
            }
            DiagnosticKind::Empty => "the manifest is empty; paste a Pod manifest".to_owned(),
            DiagnosticKind::NoPod => "no document in the manifest has kind: Pod".to_owned(),
            DiagnosticKind::Required => "Required value".to_owned(),
            DiagnosticKind::WrongType { expected } => format!("expected {expected}"),
        };
        if self.path.is_empty() {
            detail
        } else {
            format!("{}: {detail}", self.path)
        }
    }
}

impl fmt::Display for Diagnostic {
    /// Formats as `line:column: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.span.start, self.message())
    }
}
