//! Whether a node may run a Pod by its node constraints
//! (k8s.io/component-helpers/scheduling/corev1/nodeaffinity `GetRequiredNodeAffinity(pod).Match`):
//! every `nodeSelector` label, and, when it has them, one of the required node affinity terms.
//! The scheduler's NodeAffinity filter and the DaemonSet controller ask the same question.

use std::collections::BTreeMap;

use crate::api::v1::{NodeSelectorTerm, Pod, SelectorRequirement};

/// True when the node `name` with `labels` satisfies `pod`'s `nodeSelector` and required node
/// affinity.
pub fn node_matches(pod: &Pod, name: &str, labels: &BTreeMap<String, String>) -> bool {
    let selector = pod
        .spec
        .node_selector
        .iter()
        .all(|(key, value)| labels.get(key) == Some(value));
    let required = pod
        .spec
        .affinity
        .as_ref()
        .and_then(|affinity| affinity.node_affinity.as_ref())
        .and_then(|node_affinity| node_affinity.required.as_ref());
    selector
        && required.is_none_or(|required| {
            required
                .node_selector_terms
                .iter()
                .any(|term| term_matches(term, name, labels))
        })
}

/// A term matches when all its requirements do; a term without any matches no node.
fn term_matches(term: &NodeSelectorTerm, name: &str, labels: &BTreeMap<String, String>) -> bool {
    if term.match_expressions.is_empty() && term.match_fields.is_empty() {
        return false;
    }
    let fields: BTreeMap<String, String> = [("metadata.name".to_owned(), name.to_owned())].into();
    term.match_expressions
        .iter()
        .all(|requirement| requirement_matches(requirement, labels))
        && term
            .match_fields
            .iter()
            .all(|requirement| requirement_matches(requirement, &fields))
}

/// One requirement on a label (or a field): `In`, `NotIn`, `Exists`, `DoesNotExist`, and the
/// integer comparisons `Gt` and `Lt`.
fn requirement_matches(
    requirement: &SelectorRequirement,
    labels: &BTreeMap<String, String>,
) -> bool {
    let value = labels.get(&requirement.key);
    let number = |text: &str| text.parse::<i64>().ok();
    let bound = requirement.values.first().and_then(|v| number(v));
    match requirement.operator.as_str() {
        "In" => value.is_some_and(|value| requirement.values.contains(value)),
        "NotIn" => value.is_none_or(|value| !requirement.values.contains(value)),
        "Exists" => value.is_some(),
        "DoesNotExist" => value.is_none(),
        "Gt" => matches!((value.and_then(|v| number(v)), bound), (Some(v), Some(b)) if v > b),
        "Lt" => matches!((value.and_then(|v| number(v)), bound), (Some(v), Some(b)) if v < b),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::v1::{Affinity, NodeAffinity, NodeSelector};

    /// A Pod requiring `terms`.
    fn pod(terms: Vec<NodeSelectorTerm>) -> Pod {
        let mut pod = Pod::default();
        pod.spec.affinity = Some(Box::new(Affinity {
            node_affinity: Some(NodeAffinity {
                required: Some(NodeSelector {
                    node_selector_terms: terms,
                }),
                ..NodeAffinity::default()
            }),
            ..Affinity::default()
        }));
        pod
    }

    fn requirement(key: &str, operator: &str, values: &[&str]) -> SelectorRequirement {
        SelectorRequirement {
            key: key.to_owned(),
            operator: operator.to_owned(),
            values: values.iter().map(|v| (*v).to_owned()).collect(),
        }
    }

    /// Cases after nodeaffinity_test.go `TestNodeSelectorMatch` and `TestPodMatchesNodeSelectorAndAffinityTerms`.
    #[test]
    fn terms_operators_and_fields() {
        let labels: BTreeMap<String, String> = [
            ("zone".to_owned(), "a".to_owned()),
            ("gpus".to_owned(), "4".to_owned()),
        ]
        .into();
        let cases: Vec<(&str, Vec<NodeSelectorTerm>, bool)> = vec![
            ("no terms match nothing", vec![], false),
            (
                "an empty term matches nothing",
                vec![NodeSelectorTerm::default()],
                false,
            ),
            (
                "In",
                vec![NodeSelectorTerm {
                    match_expressions: vec![requirement("zone", "In", &["a", "b"])],
                    ..NodeSelectorTerm::default()
                }],
                true,
            ),
            (
                "NotIn on a missing label",
                vec![NodeSelectorTerm {
                    match_expressions: vec![requirement("disk", "NotIn", &["ssd"])],
                    ..NodeSelectorTerm::default()
                }],
                true,
            ),
            (
                "Gt and DoesNotExist ANDed",
                vec![NodeSelectorTerm {
                    match_expressions: vec![
                        requirement("gpus", "Gt", &["2"]),
                        requirement("spot", "DoesNotExist", &[]),
                    ],
                    ..NodeSelectorTerm::default()
                }],
                true,
            ),
            (
                "terms ORed",
                vec![
                    NodeSelectorTerm {
                        match_expressions: vec![requirement("zone", "In", &["z"])],
                        ..NodeSelectorTerm::default()
                    },
                    NodeSelectorTerm {
                        match_fields: vec![requirement("metadata.name", "In", &["node-1"])],
                        ..NodeSelectorTerm::default()
                    },
                ],
                true,
            ),
            (
                "matchFields on another node",
                vec![NodeSelectorTerm {
                    match_fields: vec![requirement("metadata.name", "In", &["node-2"])],
                    ..NodeSelectorTerm::default()
                }],
                false,
            ),
        ];
        for (name, terms, expected) in cases {
            assert_eq!(
                node_matches(&pod(terms), "node-1", &labels),
                expected,
                "{name}"
            );
        }
    }
}
