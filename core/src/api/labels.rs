//! Label selectors: `metav1.LabelSelector` as `LabelSelectorAsSelector` reads it, matching a
//! set of labels, its validation (`ValidateLabelSelector`), and the text kubectl shows for it
//! (`metav1.FormatLabelSelector`).

use std::collections::BTreeMap;

use crate::api::v1::LabelSelector;
use crate::api::validation::{
    FieldError, FieldPath, is_qualified_name, is_valid_label_value, validate_labels,
};

/// The operators a label selector's expression may use.
const OPERATORS: [&str; 4] = ["In", "NotIn", "Exists", "DoesNotExist"];

/// True when `labels` satisfy every requirement of `selector`. An empty selector matches
/// everything; callers decide what a missing selector means (upstream: nothing).
pub fn matches(selector: &LabelSelector, labels: &BTreeMap<String, String>) -> bool {
    selector
        .match_labels
        .iter()
        .all(|(key, value)| labels.get(key) == Some(value))
        && selector.match_expressions.iter().all(|requirement| {
            let value = labels.get(&requirement.key);
            match requirement.operator.as_str() {
                "In" => value.is_some_and(|value| requirement.values.contains(value)),
                "NotIn" => value.is_none_or(|value| !requirement.values.contains(value)),
                "Exists" => value.is_some(),
                "DoesNotExist" => value.is_none(),
                _ => false,
            }
        })
}

/// True when the selector has no requirement at all (`{}`): it selects everything.
pub fn is_empty(selector: &LabelSelector) -> bool {
    selector.match_labels.is_empty() && selector.match_expressions.is_empty()
}

/// True when `LabelSelectorAsSelector` can build a selector from it: every key a qualified
/// name, every value a label value, every operator known with the values it needs.
pub fn is_well_formed(selector: &LabelSelector) -> bool {
    selector.match_labels.iter().all(|(key, value)| {
        is_qualified_name(key).is_empty() && is_valid_label_value(value).is_empty()
    }) && selector.match_expressions.iter().all(|requirement| {
        let values_ok = match requirement.operator.as_str() {
            "In" | "NotIn" => !requirement.values.is_empty(),
            "Exists" | "DoesNotExist" => requirement.values.is_empty(),
            _ => false,
        };
        values_ok
            && is_qualified_name(&requirement.key).is_empty()
            && requirement
                .values
                .iter()
                .all(|value| is_valid_label_value(value).is_empty())
    })
}

/// `ValidateLabelSelector`, values checked strictly (as the apps kinds do).
pub fn validate(selector: &LabelSelector, path: &FieldPath, errors: &mut Vec<FieldError>) {
    validate_labels(&selector.match_labels, &path.child("matchLabels"), errors);
    for (index, requirement) in selector.match_expressions.iter().enumerate() {
        let at = path.child("matchExpressions").index(index);
        match requirement.operator.as_str() {
            "In" | "NotIn" if requirement.values.is_empty() => errors.push(FieldError::required(
                at.child("values"),
                "must be specified when `operator` is 'In' or 'NotIn'",
            )),
            "Exists" | "DoesNotExist" if !requirement.values.is_empty() => {
                errors.push(FieldError::forbidden(
                    at.child("values"),
                    "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
                ));
            }
            operator if !OPERATORS.contains(&operator) => errors.push(FieldError::invalid(
                at.child("operator"),
                operator,
                "not a valid selector operator",
            )),
            _ => {}
        }
        for message in is_qualified_name(&requirement.key) {
            errors.push(FieldError::invalid(
                at.child("key"),
                &requirement.key,
                message,
            ));
        }
        for (value_index, value) in requirement.values.iter().enumerate() {
            for message in is_valid_label_value(value) {
                errors.push(FieldError::invalid(
                    at.child("values").index(value_index),
                    value,
                    message,
                ));
            }
        }
    }
}

/// `metav1.FormatLabelSelector`: `app=web,tier in (a,b),!legacy`; `<none>` for an empty one.
pub fn format(selector: &LabelSelector) -> String {
    let mut parts: Vec<String> = selector
        .match_labels
        .iter()
        .map(|(key, value)| format!("{key}={value}"))
        .collect();
    for requirement in &selector.match_expressions {
        let mut values = requirement.values.clone();
        values.sort();
        let values = values.join(",");
        parts.push(match requirement.operator.as_str() {
            "In" => format!("{} in ({values})", requirement.key),
            "NotIn" => format!("{} notin ({values})", requirement.key),
            "Exists" => requirement.key.clone(),
            "DoesNotExist" => format!("!{}", requirement.key),
            other => format!("{} {other} ({values})", requirement.key),
        });
    }
    if parts.is_empty() {
        "<none>".to_owned()
    } else {
        parts.join(",")
    }
}

/// A label map as `labels.FormatLabels` writes it: `app=web,tier=front`, `<none>` when empty.
pub fn format_labels(labels: &BTreeMap<String, String>) -> String {
    if labels.is_empty() {
        return "<none>".to_owned();
    }
    labels
        .iter()
        .map(|(key, value)| format!("{key}={value}"))
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::v1::SelectorRequirement;

    fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn expression(key: &str, operator: &str, values: &[&str]) -> SelectorRequirement {
        SelectorRequirement {
            key: key.to_owned(),
            operator: operator.to_owned(),
            values: values.iter().map(|v| (*v).to_owned()).collect(),
        }
    }

    /// Matches, well-formedness, format and validation of one selector, one line each.
    fn check(selector: LabelSelector, against: &[(&str, &str)], expect: expect_test::Expect) {
        let mut errors = Vec::new();
        validate(&selector, &FieldPath::new("spec.selector"), &mut errors);
        let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
        expect.assert_eq(&format!(
            "matches: {}\nwell-formed: {}\nformat: {}\nerrors: {}",
            matches(&selector, &labels(against)),
            is_well_formed(&selector),
            format(&selector),
            errors.join(" | ")
        ));
    }

    // Cases after apimachinery's TestLabelSelectorAsSelector and TestValidateLabelSelector.
    #[test]
    fn selectors() {
        use expect_test::expect;
        check(
            LabelSelector {
                match_labels: labels(&[("app", "web")]),
                ..Default::default()
            },
            &[("app", "web"), ("tier", "front")],
            expect![[r#"
                matches: true
                well-formed: true
                format: app=web
                errors: "#]],
        );
        check(
            LabelSelector {
                match_expressions: vec![
                    expression("tier", "In", &["front", "back"]),
                    expression("legacy", "DoesNotExist", &[]),
                ],
                ..Default::default()
            },
            &[("tier", "back")],
            expect![[r#"
                matches: true
                well-formed: true
                format: tier in (back,front),!legacy
                errors: "#]],
        );
        check(
            LabelSelector {
                match_expressions: vec![
                    expression("tier", "In", &[]),
                    expression("x", "Exists", &["y"]),
                    expression("z", "Near", &["1"]),
                ],
                ..Default::default()
            },
            &[],
            expect![[r#"
                matches: false
                well-formed: false
                format: tier in (),x,z Near (1)
                errors: spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn' | spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist' | spec.selector.matchExpressions[2].operator: Invalid value: "Near": not a valid selector operator"#]],
        );
        check(
            LabelSelector::default(),
            &[],
            expect![[r#"
                matches: true
                well-formed: true
                format: <none>
                errors: "#]],
        );
    }
}
