//! The API server's front half: manifest text in, the Pod (as written and as the server would
//! store it) and every problem out, each located in the text.
//!
//! The pipeline is: binary check → YAML ([`yaml`]) → one object per document (a `List` is
//! unpacked) → strict decoding of the first Pod ([`v1::Pod`]) → defaults ([`defaults`]) →
//! validation ([`validation`]) → lint ([`lint`]) and QoS ([`qos`]).

use std::collections::BTreeSet;

use crate::api::defaults::{self, Defaulted};
use crate::api::diagnostic::{Diagnostic, DiagnosticKind, Severity};
use crate::api::paste_damage;
use crate::api::qos::{self, QosClass};
use crate::api::v1::Pod;
use crate::api::validation::{self, FieldError};
use crate::api::workloads::defaults::DefaultedWorkload;
use crate::api::workloads::{self, Workload, WorkloadKind};
use crate::api::yaml::{self, Node, Value};
use crate::base::span::{Position, Span};

/// What [`read`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    /// The first Pod in the text, as written, if the text could be read and holds one.
    pub pod: Option<Pod>,
    /// The Pod with the server's defaults, and the list of defaults applied.
    pub defaulted: Option<Defaulted>,
    /// The Pod's QoS class.
    pub qos: Option<QosClass>,
    /// The documents of the text, Pods and others, in order.
    pub objects: Vec<ObjectSummary>,
    /// The validation errors, as the API server reports them (for [`Parsed::invalid_message`]).
    pub validation_errors: Vec<FieldError>,
    /// Every problem found, in the order of the text.
    pub diagnostics: Vec<Diagnostic>,
    /// The YAML documents, kept for the simulator (Services, ConfigMaps and so on).
    pub documents: Vec<yaml::Document>,
    /// The text's other Pods, after the first, each with the server's defaults (a Pod whose
    /// name an earlier one has is left out, with a note).
    pub other_pods: Vec<Defaulted>,
    /// The text's workloads (Deployments, StatefulSets, Jobs…), each decoded, defaulted and
    /// validated (empty from [`read_to_draw`], which leaves them to the full check).
    pub workloads: Vec<CheckedWorkload>,
    /// The Pod of each workload's template, with the template's defaults, in the text's order.
    pub template_pods: Vec<Pod>,
}

/// A workload document of the text, decoded, defaulted and validated.
#[derive(Clone, Debug)]
pub struct CheckedWorkload {
    /// Which of [`Parsed::objects`] it is.
    pub object: usize,
    /// The object as written.
    pub written: Workload,
    /// The object with the server's defaults, and the defaults applied.
    pub defaulted: DefaultedWorkload,
    /// The validation errors, as the API server reports them.
    pub errors: Vec<FieldError>,
}

/// Two checks are equal when they are of the same document with the same verdict and
/// defaults: the typed objects are left out of the comparison, which keeps their comparison code
/// out of the page (whose light check holds no workloads).
impl PartialEq for CheckedWorkload {
    fn eq(&self, other: &CheckedWorkload) -> bool {
        self.object == other.object
            && self.errors == other.errors
            && self.defaulted.applied == other.defaulted.applied
    }
}

impl Eq for CheckedWorkload {}

impl CheckedWorkload {
    /// The Pod its template describes, with the template's defaults, as the page draws it.
    pub fn template_pod(&self) -> Option<Pod> {
        self.defaulted.workload.template_pod()
    }
}

/// One document of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectSummary {
    /// `apiVersion`.
    pub api_version: String,
    /// `kind`.
    pub kind: String,
    /// `metadata.name`.
    pub name: String,
    /// Where the document is.
    pub span: Span,
    /// Which document of [`Parsed::documents`] holds it.
    pub document: usize,
    /// Its index among the `items` of a `kind: List` document, if it is one.
    pub list_item: Option<usize>,
}

impl Parsed {
    /// The Pod, if the API server would accept it: there is one, and no diagnostic is an error.
    /// Only an accepted Pod has a lifecycle.
    pub fn accepted_pod(&self) -> Option<&Pod> {
        if self.has_errors() {
            None
        } else {
            self.defaulted.as_ref().map(|defaulted| &defaulted.pod)
        }
    }

    /// Every Pod of the text, defaulted, in order, if the API server would accept the text: no
    /// diagnostic is an error. These are the Pods the virtual cluster runs.
    pub fn accepted_pods(&self) -> Vec<&Pod> {
        if self.has_errors() {
            return Vec::new();
        }
        self.defaulted
            .iter()
            .chain(&self.other_pods)
            .map(|defaulted| &defaulted.pod)
            .collect()
    }

    /// The workloads of the text, defaulted, if the API server would accept the text: no
    /// diagnostic is an error. The cluster's controllers make their Pods.
    pub fn accepted_workloads(&self) -> Vec<&Workload> {
        if self.has_errors() {
            return Vec::new();
        }
        self.workloads
            .iter()
            .map(|checked| &checked.defaulted.workload)
            .collect()
    }

    /// The object of [`Parsed::objects`] whose document holds `at`.
    pub fn object_at(&self, at: Position) -> Option<&ObjectSummary> {
        self.objects
            .iter()
            .find(|object| object.span.start <= at && at <= object.span.end)
    }

    /// Every Pod of the text, as `kubectl get` would find it: a Pod that carries a `status`
    /// (pasted from a cluster) with that status, defaults filled in; any other as the API server
    /// stores it on create, if it would accept it. Refused Pods are left out.
    pub fn pods_as_stored(&self) -> Vec<Pod> {
        let mut pods = Vec::new();
        for object in self
            .objects
            .iter()
            .filter(|o| o.kind == "Pod" && o.api_version == "v1")
        {
            let Some(root) = self.object_root(object) else {
                continue;
            };
            let mut ignored = Vec::new();
            let pod = Pod::decode_document(root, &mut ignored);
            if pod.status.is_some() {
                // A Pod read from a cluster already carries the defaults; applying them again
                // changes nothing, and fills them in for a hand-written one. The status stays.
                pods.push(defaults::apply(&pod).pod);
            } else {
                let defaulted = defaults::apply(&pod);
                let accepted = !ignored.iter().any(Diagnostic::is_error)
                    && validation::validate(&defaulted.pod).is_empty();
                if accepted {
                    pods.push(defaults::as_created(&pod));
                }
            }
        }
        pods
    }

    /// The YAML of an object of [`Parsed::objects`].
    pub fn object_root(&self, object: &ObjectSummary) -> Option<&Node> {
        let root = &self.documents.get(object.document)?.root;
        match object.list_item {
            Some(index) => root.get("items")?.as_sequence()?.get(index),
            None => Some(root),
        }
    }

    /// True when any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The API server's message for the validation errors (`The Pod "x" is invalid: …`), or
    /// `None` when validation passed.
    pub fn invalid_message(&self) -> Option<String> {
        if self.validation_errors.is_empty() {
            return None;
        }
        let name = self.pod.as_ref().map(Pod::name).unwrap_or_default();
        Some(validation::invalid_message(
            "Pod",
            name,
            &self.validation_errors,
        ))
    }
}

/// The most documents (after unpacking `List`s) one text may hold.
pub const MAX_DOCUMENTS: usize = 1_000;

/// Kinds Podplay recognises but does not simulate yet, with their API versions.
const OTHER_KINDS: &[(&str, &[&str])] = &[
    ("Service", &["v1"]),
    ("ConfigMap", &["v1"]),
    ("Secret", &["v1"]),
    ("Namespace", &["v1"]),
    ("ServiceAccount", &["v1"]),
    ("PersistentVolumeClaim", &["v1"]),
    ("PersistentVolume", &["v1"]),
    ("Endpoints", &["v1"]),
    ("LimitRange", &["v1"]),
    ("ResourceQuota", &["v1"]),
    ("ReplicationController", &["v1"]),
    ("Node", &["v1"]),
    ("Event", &["v1", "events.k8s.io/v1"]),
    ("Deployment", &["apps/v1"]),
    ("ReplicaSet", &["apps/v1"]),
    ("StatefulSet", &["apps/v1"]),
    ("DaemonSet", &["apps/v1"]),
    ("Job", &["batch/v1"]),
    ("CronJob", &["batch/v1"]),
    ("Ingress", &["networking.k8s.io/v1"]),
    ("IngressClass", &["networking.k8s.io/v1"]),
    ("NetworkPolicy", &["networking.k8s.io/v1"]),
    (
        "HorizontalPodAutoscaler",
        &["autoscaling/v1", "autoscaling/v2"],
    ),
    ("PodDisruptionBudget", &["policy/v1"]),
    ("Role", &["rbac.authorization.k8s.io/v1"]),
    ("RoleBinding", &["rbac.authorization.k8s.io/v1"]),
    ("ClusterRole", &["rbac.authorization.k8s.io/v1"]),
    ("ClusterRoleBinding", &["rbac.authorization.k8s.io/v1"]),
    ("StorageClass", &["storage.k8s.io/v1"]),
    ("PriorityClass", &["scheduling.k8s.io/v1"]),
    ("RuntimeClass", &["node.k8s.io/v1"]),
    ("CustomResourceDefinition", &["apiextensions.k8s.io/v1"]),
];

/// API groups that belong to Kubernetes itself: an unknown kind there is a typo, not a custom
/// resource.
const BUILT_IN_VERSIONS: &[&str] = &[
    "v1",
    "apps/v1",
    "batch/v1",
    "networking.k8s.io/v1",
    "policy/v1",
    "autoscaling/v1",
    "autoscaling/v2",
    "rbac.authorization.k8s.io/v1",
    "storage.k8s.io/v1",
    "scheduling.k8s.io/v1",
    "node.k8s.io/v1",
    "apiextensions.k8s.io/v1",
    "events.k8s.io/v1",
];

/// Reads raw bytes: the text must be UTF-8.
pub fn read_bytes(bytes: &[u8]) -> Parsed {
    let max_bytes = yaml::Limits::DEFAULT.max_input_bytes;
    if bytes.len() > max_bytes {
        return only(Diagnostic::error(
            DiagnosticKind::InputTooLarge {
                size_bytes: bytes.len(),
                max_bytes,
            },
            "",
            Span::point(Position::START),
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => read(text),
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let text = String::from_utf8_lossy(valid);
            let line = u32::try_from(text.matches('\n').count() + 1).unwrap_or(u32::MAX);
            let column = u32::try_from(text.rsplit('\n').next().unwrap_or("").chars().count() + 1)
                .unwrap_or(u32::MAX);
            let at = Position {
                line,
                column,
                offset_chars: text.chars().count(),
            };
            only(Diagnostic::error(
                DiagnosticKind::NotText {
                    found: format!("bytes that are not UTF-8 at line {line}, column {column}"),
                },
                "",
                Span::point(at),
            ))
        }
    }
}

/// Parses and checks manifest text (YAML, flow-style YAML or JSON; one or more documents).
pub fn read(text: &str) -> Parsed {
    read_with(
        text,
        Checks {
            workload: check_workload,
            pod: validation::validate,
        },
    )
}

/// [`read`] without validation: the documents read, the Pods decoded and defaulted, and each
/// workload's Pod template read, but neither a Pod nor a workload validated. This is what the
/// page reads on its own thread at every keystroke, to draw; the model thread's full check adds
/// the rest.
pub fn read_to_draw(text: &str) -> Parsed {
    read_with(
        text,
        Checks {
            workload: |_, kind, root| WorkloadCheck {
                checked: None,
                diagnostics: Vec::new(),
                template_pod: workloads::template_pod_of(kind, root),
            },
            pod: |_| Vec::new(),
        },
    )
}

/// The checks [`read_with`] makes of each document: functions, so that the page's light reading
/// carries none of the validation's code.
#[derive(Clone, Copy)]
struct Checks {
    /// Decodes, defaults and validates a workload document.
    workload: fn(usize, WorkloadKind, &Node) -> WorkloadCheck,
    /// Validates a Pod with its defaults.
    pod: fn(&Pod) -> Vec<FieldError>,
}

/// What checking one workload document gives.
struct WorkloadCheck {
    checked: Option<CheckedWorkload>,
    diagnostics: Vec<Diagnostic>,
    template_pod: Option<Pod>,
}

/// [`read`], with `checks` for each document (functions, so that the page's light reading does
/// not carry the validation's code).
fn read_with(text: &str, checks: Checks) -> Parsed {
    let max_bytes = yaml::Limits::DEFAULT.max_input_bytes;
    if text.len() > max_bytes {
        return only(Diagnostic::error(
            DiagnosticKind::InputTooLarge {
                size_bytes: text.len(),
                max_bytes,
            },
            "",
            Span::point(Position::START),
        ));
    }
    if let Some(binary) = paste_damage::find_binary(text) {
        return only(binary);
    }
    let documents = match yaml::parse_stream(text) {
        Ok(documents) => documents,
        Err(diagnostic) => return only(paste_damage::explain_syntax_error(text, *diagnostic)),
    };
    let mut diagnostics = Vec::new();
    let mut roots: Vec<(usize, Option<usize>, &Node)> = Vec::new();
    for (index, document) in documents.iter().enumerate() {
        if document.root.is_null() {
            continue;
        }
        paste_damage::smart_quote_warnings(&document.root, &mut diagnostics);
        unpack_lists(index, &document.root, &mut roots);
    }
    if roots.is_empty() {
        return only(Diagnostic::error(
            DiagnosticKind::Empty,
            "",
            Span::point(Position::START),
        ));
    }
    let mut objects = Vec::new();
    let mut pod_root: Option<&Node> = None;
    let mut other_roots: Vec<&Node> = Vec::new();
    let mut pod_names: BTreeSet<String> = BTreeSet::new();
    let mut workload_roots: Vec<(usize, WorkloadKind, &Node)> = Vec::new();
    for (document, list_item, root) in roots.into_iter().take(MAX_DOCUMENTS) {
        let Some(mut summary) = summarize(root, &mut diagnostics) else {
            continue;
        };
        summary.document = document;
        summary.list_item = list_item;
        if summary.kind == "Pod" && summary.api_version == "v1" {
            let first_of_name = pod_names.insert(summary.name.clone());
            if pod_root.is_none() {
                pod_root = Some(root);
            } else if first_of_name {
                other_roots.push(root);
            } else {
                diagnostics.push(note(
                    DiagnosticKind::NotSimulated {
                        kind: "Pod".to_owned(),
                        name: summary.name.clone(),
                    },
                    root,
                ));
            }
        } else if let Some(kind) = WorkloadKind::named(&summary.kind) {
            workload_roots.push((objects.len(), kind, root));
        }
        objects.push(summary);
    }
    let mut parsed = Parsed {
        pod: None,
        defaulted: None,
        qos: None,
        objects,
        validation_errors: Vec::new(),
        diagnostics,
        documents: Vec::new(),
        other_pods: Vec::new(),
        workloads: Vec::new(),
        template_pods: Vec::new(),
    };
    for (object, kind, root) in workload_roots {
        let check = (checks.workload)(object, kind, root);
        parsed.diagnostics.extend(check.diagnostics);
        parsed.workloads.extend(check.checked);
        parsed.template_pods.extend(check.template_pod);
    }
    for root in other_roots {
        let checked = check(root, checks.pod);
        parsed.diagnostics.extend(checked.diagnostics);
        parsed.other_pods.push(checked.defaulted);
    }
    match pod_root {
        Some(root) => check_pod(root, checks.pod, &mut parsed),
        None if !parsed.has_errors()
            && parsed.template_pods.is_empty()
            && parsed.workloads.is_empty() =>
        {
            let at = parsed
                .objects
                .first()
                .map_or(Span::point(Position::START), |o| o.span);
            let mut diagnostic =
                Diagnostic::error(DiagnosticKind::NoPod, "", Span::point(at.start));
            diagnostic.severity = Severity::Note;
            parsed.diagnostics.push(diagnostic);
        }
        None => {}
    }
    crate::base::sorting::sort_by_key(&mut parsed.diagnostics, |diagnostic| {
        (diagnostic.span.start, diagnostic.severity)
    });
    parsed.documents = documents;
    parsed
}

/// Decodes, defaults and validates the text's first Pod document `root` into `parsed`.
fn check_pod(root: &Node, validate: fn(&Pod) -> Vec<FieldError>, parsed: &mut Parsed) {
    let checked = check(root, validate);
    parsed.qos = Some(qos::qos_class(&checked.defaulted.pod));
    parsed.validation_errors = checked.errors;
    parsed.pod = Some(checked.pod);
    parsed.defaulted = Some(checked.defaulted);
    parsed.diagnostics.extend(checked.diagnostics);
}

/// Decodes, defaults and validates the workload document `root` of kind `kind`.
fn check_workload(object: usize, kind: WorkloadKind, root: &Node) -> WorkloadCheck {
    let mut diagnostics = Vec::new();
    let written = Workload::decode_document(kind, root, &mut diagnostics);
    let defaulted = workloads::defaults::apply(&written);
    let undecodable: BTreeSet<&str> = diagnostics
        .iter()
        .filter(|d| d.kind.is_decoding_error())
        .map(|d| d.path.as_str())
        .collect();
    let keep = |error: &FieldError| !within_any(&error.path, &undecodable);
    let errors: Vec<FieldError> = workloads::validation::validate(&defaulted.workload)
        .into_iter()
        .filter(keep)
        .collect();
    let pod_errors: Vec<FieldError> =
        workloads::validation::template_pod_errors(&defaulted.workload)
            .into_iter()
            .filter(keep)
            .collect();
    let mut located = Vec::new();
    for error in &errors {
        located.push(Diagnostic::error(
            DiagnosticKind::Field(error.clone()),
            error.path.clone(),
            span_of(root.locate(error.located_at.as_deref().unwrap_or(&error.path))),
        ));
    }
    for error in pod_errors {
        let mut diagnostic = Diagnostic::error(
            DiagnosticKind::PodCreateWillFail {
                error: error.clone(),
            },
            error.path.clone(),
            span_of(root.locate(error.located_at.as_deref().unwrap_or(&error.path))),
        );
        diagnostic.severity = Severity::Warning;
        located.push(diagnostic);
    }
    diagnostics.extend(located);
    if !kind.has_controller() {
        diagnostics.push(note(
            DiagnosticKind::ControllerNotSimulated {
                kind: kind.as_str().to_owned(),
                name: written.name().to_owned(),
            },
            root,
        ));
    }
    let checked = CheckedWorkload {
        object,
        written,
        defaulted,
        errors,
    };
    WorkloadCheck {
        template_pod: workloads::template_pod_of(kind, root),
        checked: Some(checked),
        diagnostics,
    }
}

/// A Pod document decoded, defaulted and validated.
struct Checked {
    pod: Pod,
    defaulted: Defaulted,
    errors: Vec<FieldError>,
    diagnostics: Vec<Diagnostic>,
}

/// Decodes, defaults and validates (with `validate`) the Pod document `root`.
fn check(root: &Node, validate: fn(&Pod) -> Vec<FieldError>) -> Checked {
    let mut diagnostics = Vec::new();
    let pod = Pod::decode_document(root, &mut diagnostics);
    let defaulted = defaults::apply(&pod);
    // The server decodes before it validates: a field that failed to decode is not also
    // reported as missing.
    let undecodable: BTreeSet<&str> = diagnostics
        .iter()
        .filter(|d| d.kind.is_decoding_error())
        .map(|d| d.path.as_str())
        .collect();
    let errors: Vec<FieldError> = validate(&defaulted.pod)
        .into_iter()
        .filter(|error| !within_any(&error.path, &undecodable))
        .collect();
    for error in &errors {
        let at = error.located_at.as_deref().unwrap_or(&error.path);
        diagnostics.push(Diagnostic::error(
            DiagnosticKind::Field(error.clone()),
            error.path.clone(),
            span_of(root.locate(at)),
        ));
    }
    Checked {
        pod,
        defaulted,
        errors,
        diagnostics,
    }
}

/// True when `path` is one of `outers` or a field below one: each prefix of `path` that ends
/// before a `.` or `[` is looked up.
fn within_any(path: &str, outers: &BTreeSet<&str>) -> bool {
    if outers.is_empty() {
        return false;
    }
    path.char_indices()
        .filter(|(_, c)| *c == '.' || *c == '[')
        .map(|(at, _)| &path[..at])
        .chain(std::iter::once(path))
        .any(|prefix| outers.contains(prefix))
}

/// A collection is pointed at by its start only; a scalar by its whole extent.
pub fn span_of(node: &Node) -> Span {
    match node.value {
        Value::Mapping(_) | Value::Sequence(_) => Span::point(node.span.start),
        _ => node.span,
    }
}

/// Adds `root` of document `index`, or the items of a `kind: List`, to `out`.
fn unpack_lists<'n>(index: usize, root: &'n Node, out: &mut Vec<(usize, Option<usize>, &'n Node)>) {
    let is_list = root.get("kind").and_then(Node::as_scalar) == Some("List");
    match root.get("items").and_then(Node::as_sequence) {
        Some(items) if is_list => out.extend(
            items
                .iter()
                .enumerate()
                .filter(|(_, item)| !item.is_null())
                .map(|(item, node)| (index, Some(item), node)),
        ),
        _ => out.push((index, None, root)),
    }
}

/// Reads a document's kind, version and name, reporting what is missing or unknown. `None` for
/// documents that cannot be an object at all.
fn summarize(root: &Node, diagnostics: &mut Vec<Diagnostic>) -> Option<ObjectSummary> {
    if root.as_mapping().is_none() {
        diagnostics.push(
            Diagnostic::error(DiagnosticKind::MissingKind, "", span_of(root)).with_hint(
                "a manifest is a mapping with apiVersion, kind, metadata and spec; this document is not one",
            ),
        );
        return None;
    }
    let text = |key: &str| {
        root.get(key)
            .and_then(Node::as_scalar)
            .unwrap_or_default()
            .to_owned()
    };
    let kind = text("kind");
    let api_version = text("apiVersion");
    let name = root
        .get("metadata")
        .and_then(|metadata| metadata.get("name"))
        .and_then(Node::as_scalar)
        .unwrap_or_default()
        .to_owned();
    if kind.is_empty() {
        diagnostics.push(
            Diagnostic::error(
                DiagnosticKind::MissingKind,
                "kind",
                Span::point(root.span.start),
            )
            .with_hint("add `kind: Pod` (and `apiVersion: v1`) at the top of the document"),
        );
        return None;
    }
    let kind_span = root.get("kind").map_or(root.span, |node| node.span);
    if api_version.is_empty() {
        diagnostics.push(
            Diagnostic::error(
                DiagnosticKind::MissingApiVersion,
                "apiVersion",
                Span::point(root.span.start),
            )
            .with_hint(match OTHER_KINDS.iter().find(|(known, _)| *known == kind) {
                _ if kind == "Pod" => "add `apiVersion: v1` at the top of the document".to_owned(),
                Some((_, versions)) => format!("add `apiVersion: {}`", versions[0]),
                None => format!("add the apiVersion of the {kind}"),
            }),
        );
        return None;
    }
    let version_span = root.get("apiVersion").map_or(root.span, |node| node.span);
    let no_match = |hint: String| {
        Diagnostic::error(
            DiagnosticKind::NoMatch {
                kind: kind.clone(),
                api_version: api_version.clone(),
                name: name.clone(),
            },
            "apiVersion",
            version_span,
        )
        .with_hint(hint)
    };
    if kind == "Pod" {
        if api_version != "v1" {
            diagnostics.push(no_match("a Pod is `apiVersion: v1`".to_owned()));
            return None;
        }
    } else if let Some(workload) = WorkloadKind::named(&kind) {
        if api_version != workload.api_version() {
            let now = workload.api_version();
            let hint = match removed_in(workload, &api_version) {
                Some(release) => format!(
                    "{api_version} is no longer served (removed in Kubernetes {release}): a {kind} is `apiVersion: {now}`"
                ),
                None => format!("a {kind} is `apiVersion: {now}`"),
            };
            diagnostics.push(no_match(hint));
            return None;
        }
    } else if let Some((_, versions)) = OTHER_KINDS.iter().find(|(known, _)| *known == kind) {
        if !versions.contains(&api_version.as_str()) {
            diagnostics.push(no_match(format!(
                "a {kind} is `apiVersion: {}`",
                versions.join("` or `")
            )));
            return None;
        }
        diagnostics.push(note(
            DiagnosticKind::NotSimulated {
                kind: kind.clone(),
                name: name.clone(),
            },
            root,
        ));
    } else if BUILT_IN_VERSIONS.contains(&api_version.as_str()) {
        let known = std::iter::once("Pod").chain(OTHER_KINDS.iter().map(|(known, _)| *known));
        let hint = match crate::base::suggest::closest(&kind, known) {
            Some(suggestion) => format!("did you mean `kind: {suggestion}`?"),
            None => format!("{api_version} has no kind {kind}"),
        };
        diagnostics.push(
            Diagnostic::error(
                DiagnosticKind::NoMatch {
                    kind: kind.clone(),
                    api_version: api_version.clone(),
                    name: name.clone(),
                },
                "kind",
                kind_span,
            )
            .with_hint(hint),
        );
        return None;
    } else {
        // A custom resource: fine on a cluster that has its definition.
        diagnostics.push(note(
            DiagnosticKind::NotSimulated {
                kind: kind.clone(),
                name: name.clone(),
            },
            root,
        ));
    }
    Some(ObjectSummary {
        api_version,
        kind,
        name,
        span: root.span,
        document: 0,
        list_item: None,
    })
}

/// The release that stopped serving `api_version` for `kind`, if it is one of the kind's removed
/// versions (the deprecation guide's table).
fn removed_in(kind: WorkloadKind, api_version: &str) -> Option<&'static str> {
    if !kind.removed_api_versions().contains(&api_version) {
        return None;
    }
    Some(match api_version {
        "batch/v1beta1" => "1.25",
        "batch/v2alpha1" => "1.21",
        _ => "1.16",
    })
}

fn note(kind: DiagnosticKind, root: &Node) -> Diagnostic {
    let mut diagnostic = Diagnostic::error(kind, "", Span::point(root.span.start));
    diagnostic.severity = Severity::Note;
    diagnostic
}

/// A result holding a single diagnostic and nothing else.
fn only(diagnostic: Diagnostic) -> Parsed {
    Parsed {
        pod: None,
        defaulted: None,
        qos: None,
        objects: Vec::new(),
        validation_errors: Vec::new(),
        diagnostics: vec![diagnostic],
        documents: Vec::new(),
        other_pods: Vec::new(),
        workloads: Vec::new(),
        template_pods: Vec::new(),
    }
}
