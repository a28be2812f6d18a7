//! `ValidateObjectMeta` for a Pod being created: name, namespace, labels and annotations.

use std::collections::BTreeMap;

use crate::api::v1::ObjectMeta;
use crate::api::validation::names::{
    is_dns1123_label, is_dns1123_subdomain, is_qualified_name, is_valid_label_value,
};
use crate::api::validation::{FieldError, FieldPath};

/// The most bytes all annotations may hold together (upstream's `TotalAnnotationSizeLimitB`).
pub const TOTAL_ANNOTATION_SIZE_LIMIT_BYTES: usize = 256 * 1024;

/// Checks `metadata` at `path`, for an object whose name is a DNS-1123 subdomain.
pub fn validate_object_meta(meta: &ObjectMeta, path: &FieldPath, errors: &mut Vec<FieldError>) {
    validate_object_meta_named(meta, path, is_dns1123_subdomain, errors);
}

/// `ValidateObjectMeta` with the kind's own name rule (`NameIsDNSLabel` for a StatefulSet).
pub fn validate_object_meta_named(
    meta: &ObjectMeta,
    path: &FieldPath,
    name_rule: fn(&str) -> Vec<String>,
    errors: &mut Vec<FieldError>,
) {
    let generate_name = meta.generate_name.as_deref().unwrap_or_default();
    if !generate_name.is_empty() {
        for message in name_rule(&mask_trailing_dash(generate_name)) {
            errors.push(FieldError::invalid(
                path.child("generateName"),
                generate_name,
                message,
            ));
        }
    }
    let name = meta.name.as_deref().unwrap_or_default();
    if name.is_empty() {
        if generate_name.is_empty() {
            errors.push(FieldError::required(
                path.child("name"),
                "name or generateName is required",
            ));
        }
    } else {
        for message in name_rule(name) {
            errors.push(FieldError::invalid(path.child("name"), name, message));
        }
    }
    if let Some(namespace) = meta.namespace.as_deref().filter(|ns| !ns.is_empty()) {
        for message in is_dns1123_label(namespace) {
            errors.push(FieldError::invalid(
                path.child("namespace"),
                namespace,
                message,
            ));
        }
    }
    validate_labels(&meta.labels, &path.child("labels"), errors);
    validate_annotations(&meta.annotations, &path.child("annotations"), errors);
}

/// Upstream's `maskTrailingDash`: a prefix may end in `-`, since random characters follow; the
/// last two bytes become `a` for the check.
fn mask_trailing_dash(name: &str) -> String {
    let bytes = name.as_bytes();
    if bytes.len() > 1 && bytes.ends_with(b"-") {
        let mut masked = String::from_utf8_lossy(&bytes[..bytes.len() - 2]).into_owned();
        masked.push('a');
        masked
    } else {
        name.to_owned()
    }
}

/// `ValidateLabels`: every key a qualified name, every value a label value; errors are reported on
/// the map's path, with the key or value as the value.
pub fn validate_labels(
    labels: &BTreeMap<String, String>,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    for (key, value) in labels {
        for message in is_qualified_name(key) {
            errors.push(FieldError::invalid(path.clone(), key, message));
        }
        for message in is_valid_label_value(value) {
            errors.push(FieldError::invalid(path.clone(), value, message));
        }
    }
}

/// `ValidateAnnotations`: keys are qualified names in any case; the total size is bounded.
pub fn validate_annotations(
    annotations: &BTreeMap<String, String>,
    path: &FieldPath,
    errors: &mut Vec<FieldError>,
) {
    let mut total_bytes = 0usize;
    for (key, value) in annotations {
        for message in is_qualified_name(&key.to_lowercase()) {
            errors.push(FieldError::invalid(path.clone(), key, message));
        }
        total_bytes = total_bytes.saturating_add(key.len() + value.len());
    }
    if total_bytes > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES {
        errors.push(FieldError::too_long(
            path.clone(),
            TOTAL_ANNOTATION_SIZE_LIMIT_BYTES,
        ));
    }
}
