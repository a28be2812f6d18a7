//! Diagnostics are data: a kind, a severity, a field path and a span. Messages are built from the
//! kind in one place, [`Diagnostic::message`].

use std::fmt;

use crate::api::quantity::QuantityError;
use crate::api::validation::{FieldError, go_quote};
use crate::base::span::Span;

/// One best-practice warning (the rules are in the lint layer).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lint {
    /// The stable id, such as `image-latest`.
    pub id: &'static str,
    /// Why it matters, in one line.
    pub reason: String,
    /// How to fix it.
    pub fix: String,
    /// The field it is about.
    pub path: String,
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The API server would reject the manifest, or it cannot be read at all.
    Error,
    /// The manifest is accepted, but something is likely wrong.
    Warning,
    /// Worth knowing, nothing wrong: a document Podplay keeps but does not simulate yet.
    Note,
}

/// What went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiagnosticKind {
    /// The text is not well-formed YAML (or JSON). The string is the parser's own explanation.
    Syntax(String),
    /// The same, said in plain words first (what probably happened), the parser's own words
    /// after them (which kubectl prints).
    SyntaxExplained {
        /// What probably happened, in plain words.
        plain: String,
        /// The parser's explanation.
        parser: String,
    },
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
    /// The text is not UTF-8, or holds control characters: most likely a binary file.
    NotText {
        /// What was found, such as "a NUL character" or "bytes that are not UTF-8".
        found: String,
    },
    /// A document has no `kind`.
    MissingKind,
    /// A document has no `apiVersion`.
    MissingApiVersion,
    /// A Pod with an `apiVersion` other than `v1`.
    NoMatch {
        /// The document's `kind`.
        kind: String,
        /// The document's `apiVersion`.
        api_version: String,
        /// The document's `metadata.name`, if any.
        name: String,
    },
    /// A document of another kind (Service, Deployment, …): kept, but not simulated yet.
    NotSimulated {
        /// The document's `kind`.
        kind: String,
        /// The document's `metadata.name`, if any.
        name: String,
    },
    /// A workload: checked as the API server would, its Pod template drawn, but its controller
    /// does not run on the virtual cluster yet.
    ControllerNotSimulated {
        /// The document's `kind`.
        kind: String,
        /// The document's `metadata.name`.
        name: String,
    },
    /// Strict decoding: a field the type does not have.
    UnknownField {
        /// The known field the name is closest to.
        suggestion: Option<String>,
    },
    /// Strict decoding: a field given twice in one object.
    DuplicateField,
    /// A value of the wrong JSON type, as Go's decoder reports it.
    WrongType {
        /// What was found: `string`, `number`, `bool`, `array` or `object`; for a number out of
        /// range, `number 99999999999`.
        found: String,
        /// The Go type of the field, such as `int32` or `[]v1.Container`.
        go_type: String,
        /// The Go struct field, such as `Container.spec.containers.image`.
        go_field: String,
    },
    /// A resource quantity that does not parse.
    Quantity(QuantityError),
    /// A validation error, as the API server reports it.
    Field(FieldError),
    /// A problem of a StatefulSet's Pod template that the API server does not check on the
    /// StatefulSet (upstream leaves its template's spec unvalidated): the controller's create of
    /// each Pod is refused with it.
    PodCreateWillFail {
        /// The Pod's validation error, at the template's path.
        error: FieldError,
    },
    /// A best-practice warning.
    Lint(Lint),
    /// A problem another thread found, carried as its message reads (field path included): the
    /// page's thread shows what its model thread found without the code that finds it.
    Relayed {
        /// The whole message.
        message: String,
    },
}

impl DiagnosticKind {
    /// True for the errors the API server meets while decoding the body, before validation:
    /// values of the wrong type and quantities that do not parse.
    pub fn is_decoding_error(&self) -> bool {
        matches!(
            self,
            DiagnosticKind::WrongType { .. } | DiagnosticKind::Quantity(_)
        )
    }
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
    /// A suggested fix, when there is one.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error of `kind` at `path`, located at `span`.
    pub fn error(kind: DiagnosticKind, path: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            kind,
            path: path.into(),
            span,
            hint: None,
        }
    }

    /// The same diagnostic with a suggested fix.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    /// True for errors: the API server would refuse the manifest.
    ///
    /// (See also [`DiagnosticKind::is_decoding_error`].)
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The message without position, in the style of the API server's field errors
    /// (`spec.containers[0].name: Required value`).
    pub fn message(&self) -> String {
        let detail = self.detail();
        let self_contained = matches!(
            self.kind,
            DiagnosticKind::UnknownField { .. }
                | DiagnosticKind::DuplicateField
                | DiagnosticKind::Relayed { .. }
        );
        if self.path.is_empty() || self_contained {
            detail
        } else {
            format!("{}: {detail}", self.path)
        }
    }

    /// The message without the field path: `Required value`, or the Go decoder's sentence.
    pub fn detail(&self) -> String {
        match &self.kind {
            DiagnosticKind::Syntax(reason) => reason.clone(),
            DiagnosticKind::SyntaxExplained { plain, parser } => {
                format!("{plain} (the YAML parser says: {parser})")
            }
            DiagnosticKind::InputTooLarge { max_bytes, .. } => format!(
                "the manifest is too large: the playground accepts at most {max_bytes} bytes"
            ),
            DiagnosticKind::NestingTooDeep { max_depth } => {
                format!("the YAML nests more than {max_depth} levels deep")
            }
            DiagnosticKind::TooManyNodes { max_nodes } => {
                format!(
                    "with its anchors and aliases, the YAML would build more than {max_nodes} nodes (counting 64 bytes of text as a node)"
                )
            }
            DiagnosticKind::Empty => "the manifest is empty; paste a Pod manifest".to_owned(),
            DiagnosticKind::NoPod => "no document in the manifest has kind: Pod".to_owned(),
            DiagnosticKind::NotText { found } => {
                format!("the manifest is not text: it contains {found}; is this a binary file?")
            }
            DiagnosticKind::MissingKind => "Object 'Kind' is missing".to_owned(),
            DiagnosticKind::MissingApiVersion => "Object 'apiVersion' is missing".to_owned(),
            DiagnosticKind::NoMatch {
                kind, api_version, ..
            } => {
                format!("no matches for kind \"{kind}\" in version \"{api_version}\"")
            }
            DiagnosticKind::NotSimulated { kind, name } => {
                if name.is_empty() {
                    format!("{kind}: not simulated yet; Podplay keeps it for later")
                } else {
                    format!("{kind} \"{name}\": not simulated yet; Podplay keeps it for later")
                }
            }
            DiagnosticKind::ControllerNotSimulated { kind, name } => format!(
                "{kind} \"{name}\": checked as the API server would and drawn from its Pod template; its controller does not run on the virtual cluster yet"
            ),
            DiagnosticKind::UnknownField { .. } => {
                format!("unknown field {}", go_quote(&self.path))
            }
            DiagnosticKind::DuplicateField => format!("duplicate field {}", go_quote(&self.path)),
            DiagnosticKind::WrongType {
                found,
                go_type,
                go_field,
            } => {
                if go_field.is_empty() {
                    format!("json: cannot unmarshal {found} into Go value of type {go_type}")
                } else {
                    format!(
                        "json: cannot unmarshal {found} into Go struct field {go_field} of type {go_type}"
                    )
                }
            }
            DiagnosticKind::Quantity(error) => error.message().to_owned(),
            DiagnosticKind::Field(error) => error.body(),
            DiagnosticKind::PodCreateWillFail { error } => format!(
                "{}; the API server accepts the StatefulSet, but refuses each Pod its controller creates from this template",
                error.body()
            ),
            DiagnosticKind::Lint(lint) => lint.reason.clone(),
            DiagnosticKind::Relayed { message } => message.clone(),
        }
    }
}

impl fmt::Display for Diagnostic {
    /// Formats as `line:column: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.span.start, self.message())
    }
}
