//! Reads a manifest's text into a [`Pod`], collecting diagnostics instead of stopping at the first.

use crate::diagnostic::{Diagnostic, DiagnosticKind, Severity};
use crate::pod::{Container, Pod};
use crate::span::{Position, Span};
use crate::yaml::{self, Node};

/// What [`parse`] found: the Pod, when there is one, and every problem noticed on the way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    /// The first Pod in the text, if the text could be read and holds one.
    pub pod: Option<Pod>,
    /// Every problem found, in the order of the text.
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    /// The Pod, if the API server would accept it: there is one, and no diagnostic is an error.
    /// Only an accepted Pod has a lifecycle.
    pub fn accepted_pod(&self) -> Option<&Pod> {
        let rejected = self
            .diagnostics
            .iter()
            .any(|diagnostic| diagnostic.severity == Severity::Error);
        if rejected { None } else { self.pod.as_ref() }
    }
}

/// Parses manifest text (YAML, flow-style YAML or JSON; one or more documents) and reads the first
/// document whose `kind` is `Pod`.
pub fn parse(text: &str) -> Parsed {
    let documents = match yaml::parse_stream(text) {
        Ok(documents) => documents,
        Err(diagnostic) => {
            return Parsed {
                pod: None,
                diagnostics: vec![diagnostic],
            };
        }
    };
    let mut diagnostics = Vec::new();
    let Some(first) = documents.iter().find(|document| !document.root.is_null()) else {
        diagnostics.push(Diagnostic::error(
            DiagnosticKind::Empty,
            "",
            Span::point(Position::START),
        ));
        return Parsed {
            pod: None,
            diagnostics,
        };
    };
    let Some(document) = documents
        .iter()
        .find(|document| document.root.get("kind").and_then(Node::as_scalar) == Some("Pod"))
    else {
        let span = first
            .root
            .entry("kind")
            .map_or(first.root.span, |entry| entry.value.span);
        diagnostics.push(Diagnostic::error(DiagnosticKind::NoPod, "kind", span));
        return Parsed {
            pod: None,
            diagnostics,
        };
    };
    let pod = read_pod(&document.root, &mut diagnostics);
    diagnostics.sort_by_key(|diagnostic| diagnostic.span.start);
    Parsed {
        pod: Some(pod),
        diagnostics,
    }
}

fn read_pod(root: &Node, diagnostics: &mut Vec<Diagnostic>) -> Pod {
    let metadata = expect_mapping(root, "metadata", "metadata", diagnostics);
    let name = metadata
        .map(|metadata| required_string(metadata, "name", "metadata.name", diagnostics))
        .unwrap_or_default();
    let spec = expect_mapping(root, "spec", "spec", diagnostics);
    let init_containers = spec
        .map(|spec| read_containers(spec, "initContainers", false, diagnostics))
        .unwrap_or_default();
    let containers = spec
        .map(|spec| read_containers(spec, "containers", true, diagnostics))
        .unwrap_or_default();
    Pod {
        name,
        init_containers,
        containers,
    }
}

/// The mapping under `key`, reporting a missing or mistyped one at `path`.
fn expect_mapping<'a>(
    parent: &'a Node,
    key: &str,
    path: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<&'a Node> {
    match parent.entry(key) {
        None => {
            diagnostics.push(Diagnostic::error(
                DiagnosticKind::Required,
                path,
                Span::point(parent.span.start),
            ));
            None
        }
        Some(entry) if entry.value.as_mapping().is_some() => Some(&entry.value),
        Some(entry) => {
            let kind = if entry.value.is_null() {
                DiagnosticKind::Required
            } else {
                DiagnosticKind::WrongType { expected: "object" }
            };
            diagnostics.push(Diagnostic::error(kind, path, entry.value.span));
            None
        }
    }
}

/// The non-empty scalar under `key`, or an empty string after reporting it at `path`.
fn required_string(
    parent: &Node,
    key: &str,
    path: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> String {
    match parent.entry(key) {
        Some(entry) if !entry.value.is_null() => match entry.value.as_scalar() {
            Some(text) if !text.is_empty() => text.to_owned(),
            Some(_) => {
                diagnostics.push(Diagnostic::error(
                    DiagnosticKind::Required,
                    path,
                    entry.value.span,
                ));
                String::new()
            }
            None => {
                diagnostics.push(Diagnostic::error(
                    DiagnosticKind::WrongType { expected: "string" },
                    path,
                    entry.value.span,
                ));
                String::new()
            }
        },
        Some(entry) => {
            diagnostics.push(Diagnostic::error(
                DiagnosticKind::Required,
                path,
                entry.value.span,
            ));
            String::new()
        }
        None => {
            diagnostics.push(Diagnostic::error(
                DiagnosticKind::Required,
                path,
                Span::point(parent.span.start),
            ));
            String::new()
        }
    }
}

fn read_containers(
    spec: &Node,
    key: &str,
    required: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Container> {
    let path = format!("spec.{key}");
    let Some(entry) = spec.entry(key) else {
        if required {
            diagnostics.push(Diagnostic::error(
                DiagnosticKind::Required,
                path,
                Span::point(spec.span.start),
            ));
        }
        return Vec::new();
    };
    let items = match entry.value.as_sequence() {
        Some(items) => items,
        None if entry.value.is_null() => &[],
        None => {
            diagnostics.push(Diagnostic::error(
                DiagnosticKind::WrongType { expected: "array" },
                path,
                entry.value.span,
            ));
            return Vec::new();
        }
    };
    if items.is_empty() && required {
        diagnostics.push(Diagnostic::error(
            DiagnosticKind::Required,
            path.clone(),
            entry.value.span,
        ));
    }
    let mut containers = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let item_path = format!("{path}[{index}]");
        if item.as_mapping().is_none() {
            diagnostics.push(Diagnostic::error(
                DiagnosticKind::WrongType { expected: "object" },
                item_path,
                item.span,
            ));
            continue;
        }
        let name = required_string(item, "name", &format!("{item_path}.name"), diagnostics);
        let image = item
            .get("image")
            .and_then(Node::as_scalar)
            .unwrap_or_default()
            .to_owned();
        containers.push(Container {
            name,
            image,
            span: item.span,
        });
    }
    containers
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    /// Parses `text` and renders the Pod's outline and the diagnostics.
    fn check(text: &str, expected: Expect) {
        let parsed = parse(text);
        let mut out = String::new();
        if let Some(pod) = &parsed.pod {
            out.push_str(&format!("pod/{}\n", pod.name));
            for (kind, container) in pod.all_containers() {
                out.push_str(&format!(
                    "  {kind:?} {} ({}) @{}\n",
                    container.name, container.image, container.span.start
                ));
            }
        }
        for diagnostic in &parsed.diagnostics {
            out.push_str(&format!("{diagnostic}\n"));
        }
        expected.assert_eq(&out);
    }

    #[test]
    fn seed_sidecar_logging() {
        check(
            crate::gallery::SIDECAR_LOGGING.manifest,
            expect![[r#"
                pod/sidecar-logging
                  App app (my-app:latest) @7:5
                  App log-forwarder (fluentd:latest) @12:5
            "#]],
        );
    }

    #[test]
    fn first_pod_of_several_documents() {
        check(
            "kind: Service\nmetadata: {name: db}\n---\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: busybox}]}\n",
            expect![[r#"
                pod/p
                  App c (busybox) @6:21
            "#]],
        );
    }

    #[test]
    fn missing_fields_are_required_values() {
        check(
            "kind: Pod\nmetadata:\n  labels: {}\nspec:\n  containers:\n  - image: nginx\n",
            expect![[r#"
                pod/
                  App  (nginx) @6:5
                3:3: metadata.name: Required value
                6:5: spec.containers[0].name: Required value
            "#]],
        );
    }

    #[test]
    fn wrong_types_are_reported() {
        check(
            "kind: Pod\nmetadata: [x]\nspec:\n  containers: web\n",
            expect![[r#"
                pod/
                2:11: metadata: expected object
                4:15: spec.containers: expected array
            "#]],
        );
    }

    #[test]
    fn only_a_pod_without_errors_is_accepted() {
        let valid = parse(crate::gallery::SIDECAR_LOGGING.manifest);
        assert_eq!(valid.accepted_pod(), valid.pod.as_ref());
        let invalid = parse("kind: Pod\nmetadata: {name: p}\nspec: {containers: []}\n");
        assert!(invalid.pod.is_some());
        assert_eq!(invalid.accepted_pod(), None);
    }

    #[test]
    fn no_pod_points_at_kind() {
        check(
            "apiVersion: v1\nkind: Service\n",
            expect![[r#"
                2:7: kind: no document in the manifest has kind: Pod
            "#]],
        );
    }

    #[test]
    fn empty_text() {
        check(
            "# nothing here\n",
            expect![[r#"
            1:1: the manifest is empty; paste a Pod manifest
        "#]],
        );
    }

    #[test]
    fn syntax_error_stops_reading() {
        check(
            "kind: Pod\nspec: [\n",
            expect![[r#"
            3:1: while parsing a node, did not find expected node content
        "#]],
        );
    }
}
