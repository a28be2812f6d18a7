//! The way back from the typed model to an API object's fields, as the API server's JSON
//! encoding writes them: absent optional fields are left out, present ones are written even
//! when empty, struct fields are always written, and empty lists and maps are left out
//! (`omitempty`). [`go_yaml`] prints the result as `kubectl get -o yaml` does.

pub mod go_json;
pub mod go_yaml;

use std::collections::BTreeMap;

use crate::api::decode::Raw;
use crate::api::quantity::Quantity;
use crate::api::v1::IntOrString;
use crate::api::yaml::{self, Resolved};

/// An encoded value: JSON's data model, with object fields in the Go struct's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tree {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer.
    Int(i128),
    /// A number that is not an integer, as written.
    Float(String),
    /// A string.
    Str(String),
    /// A list.
    List(Vec<Tree>),
    /// An object, its fields in order.
    Map(Vec<(String, Tree)>),
}

/// A value that can be written back as API fields.
pub trait Encode {
    /// The value's encoding, or `None` when the field is left out.
    fn encode(&self) -> Option<Tree>;

    /// True for a plain (not optional) `false`: Go's `omitempty` leaves it out. Upstream's plain
    /// integers and strings are required fields, written even when zero or empty.
    fn is_false(&self) -> bool {
        false
    }
}

/// The one plain boolean upstream writes even when false: `ContainerStatus.ready`.
pub const ALWAYS_WRITTEN_BOOLEANS: &[&str] = &["ready"];

impl Encode for String {
    fn encode(&self) -> Option<Tree> {
        Some(Tree::Str(self.clone()))
    }
}

impl Encode for bool {
    fn encode(&self) -> Option<Tree> {
        Some(Tree::Bool(*self))
    }

    fn is_false(&self) -> bool {
        !*self
    }
}

impl Encode for i32 {
    fn encode(&self) -> Option<Tree> {
        Some(Tree::Int(i128::from(*self)))
    }
}

impl Encode for i64 {
    fn encode(&self) -> Option<Tree> {
        Some(Tree::Int(i128::from(*self)))
    }
}

impl<T: Encode> Encode for Option<T> {
    fn encode(&self) -> Option<Tree> {
        self.as_ref().and_then(Encode::encode)
    }
}

impl<T: Encode> Encode for Box<T> {
    fn encode(&self) -> Option<Tree> {
        self.as_ref().encode()
    }
}

impl<T: Encode> Encode for Vec<T> {
    fn encode(&self) -> Option<Tree> {
        (!self.is_empty()).then(|| {
            Tree::List(
                self.iter()
                    .map(|item| item.encode().unwrap_or(Tree::Null))
                    .collect(),
            )
        })
    }
}

impl<T: Encode> Encode for BTreeMap<String, T> {
    fn encode(&self) -> Option<Tree> {
        (!self.is_empty()).then(|| {
            Tree::Map(
                self.iter()
                    .map(|(key, value)| (key.clone(), value.encode().unwrap_or(Tree::Null)))
                    .collect(),
            )
        })
    }
}

impl Encode for Quantity {
    /// The canonical form, as the API server stores it: `0.5` CPU is `500m`.
    fn encode(&self) -> Option<Tree> {
        Some(Tree::Str(self.to_string()))
    }
}

impl Encode for IntOrString {
    fn encode(&self) -> Option<Tree> {
        Some(match self {
            IntOrString::Int(value) => Tree::Int(i128::from(*value)),
            IntOrString::String(value) => Tree::Str(value.clone()),
        })
    }
}

impl Encode for Raw {
    fn encode(&self) -> Option<Tree> {
        self.0.as_deref().map(from_yaml)
    }
}

/// A YAML tree as API fields, its scalars typed by YAML 1.1's rules as Kubernetes reads them.
pub fn from_yaml(node: &yaml::Node) -> Tree {
    match &node.value {
        yaml::Value::Null => Tree::Null,
        yaml::Value::Scalar(scalar) => match scalar.resolve() {
            Resolved::Null => Tree::Null,
            Resolved::Bool(value) => Tree::Bool(value),
            Resolved::Int(value) => Tree::Int(value),
            Resolved::Float(_) => Tree::Float(scalar.text.clone()),
            Resolved::Str => Tree::Str(scalar.text.clone()),
        },
        yaml::Value::Sequence(items) => Tree::List(items.iter().map(from_yaml).collect()),
        yaml::Value::Mapping(entries) => Tree::Map(
            entries
                .iter()
                .map(|entry| {
                    let key = entry.key.as_scalar().unwrap_or_default().to_owned();
                    (key, from_yaml(&entry.value))
                })
                .collect(),
        ),
    }
}

/// A Pod as the API server writes it. Go struct fields are written even when empty, unlike
/// pointers, lists and maps: every container has `resources`, every container status a `state`
/// and a `lastState`, the Pod a `status`, and every condition a `lastProbeTime` (a zero
/// `metav1.Time` is written `null`).
pub fn pod(pod: &crate::api::v1::Pod) -> Tree {
    let mut tree = pod.encode().unwrap_or(Tree::Map(Vec::new()));
    let Tree::Map(fields) = &mut tree else {
        return tree;
    };
    ensure_field(fields, "status", Tree::Map(Vec::new()));
    for (name, value) in fields.iter_mut() {
        let (lists, always): (&[&str], &[AlwaysWritten]) = match name.as_str() {
            "spec" => (
                &["containers", "initContainers", "ephemeralContainers"],
                &[("resources", || Tree::Map(Vec::new()))],
            ),
            "status" => (
                &[
                    "containerStatuses",
                    "initContainerStatuses",
                    "ephemeralContainerStatuses",
                ],
                &[
                    ("state", || Tree::Map(Vec::new())),
                    ("lastState", || Tree::Map(Vec::new())),
                ],
            ),
            _ => continue,
        };
        let Tree::Map(section) = value else { continue };
        for (list_name, list) in section.iter_mut() {
            let always: &[AlwaysWritten] = if list_name == "conditions" {
                &[("lastProbeTime", || Tree::Null)]
            } else if lists.contains(&list_name.as_str()) {
                always
            } else {
                continue;
            };
            let Tree::List(items) = list else { continue };
            for item in items {
                if let Tree::Map(item) = item {
                    for (field, value) in always {
                        ensure_field(item, field, value());
                    }
                }
            }
        }
    }
    tree
}

/// A workload object as the API server's JSON encodes it: its fields, `status: {}` when it has
/// none yet, and its Pod template's containers with `resources: {}` (Go writes the empty
/// struct), as `kubectl get deployment -o yaml` prints them.
pub fn workload(object: &crate::api::workloads::Workload) -> Tree {
    use crate::api::workloads::Workload;
    let encoded = match object {
        Workload::Deployment(o) => o.encode(),
        Workload::ReplicaSet(o) => o.encode(),
        Workload::StatefulSet(o) => o.encode(),
        Workload::DaemonSet(o) => o.encode(),
        Workload::ReplicationController(o) => o.encode(),
        Workload::Job(o) => o.encode(),
        Workload::CronJob(o) => o.encode(),
    };
    let mut tree = encoded.unwrap_or(Tree::Map(Vec::new()));
    let Tree::Map(fields) = &mut tree else {
        return tree;
    };
    ensure_field(fields, "status", Tree::Map(Vec::new()));
    // `minReadySeconds` is `omitempty` in every workload's spec.
    if let Some(Tree::Map(spec)) = field_at(fields, &["spec"]) {
        spec.retain(|(name, value)| !(name == "minReadySeconds" && *value == Tree::Int(0)));
    }
    let path: &[&str] = match object.kind() {
        crate::api::workloads::WorkloadKind::CronJob => {
            &["spec", "jobTemplate", "spec", "template", "spec"]
        }
        _ => &["spec", "template", "spec"],
    };
    if let Some(Tree::Map(spec)) = field_at(fields, path) {
        for (name, list) in spec.iter_mut() {
            if !matches!(name.as_str(), "containers" | "initContainers") {
                continue;
            }
            let Tree::List(items) = list else { continue };
            for item in items {
                if let Tree::Map(item) = item {
                    ensure_field(item, "resources", Tree::Map(Vec::new()));
                }
            }
        }
    }
    tree
}

/// The value at `path` within `fields`, if every step is a map that has it.
fn field_at<'t>(fields: &'t mut [(String, Tree)], path: &[&str]) -> Option<&'t mut Tree> {
    let (first, rest) = path.split_first()?;
    let (_, value) = fields.iter_mut().find(|(name, _)| name == first)?;
    if rest.is_empty() {
        return Some(value);
    }
    match value {
        Tree::Map(inner) => field_at(inner, rest),
        _ => None,
    }
}

/// A field written even when empty, with its empty value.
type AlwaysWritten = (&'static str, fn() -> Tree);

/// Adds the field with `value` unless the object has it.
fn ensure_field(fields: &mut Vec<(String, Tree)>, name: &str, value: Tree) {
    if !fields.iter().any(|(field, _)| field == name) {
        fields.push((name.to_owned(), value));
    }
}
