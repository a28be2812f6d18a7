//! Validation with API-server parity: the checks of upstream's `ValidatePodCreate`
//! (pkg/apis/core/validation, v1.34), run on a defaulted Pod, with upstream's field paths, error
//! types and messages.
//!
//! Each concern has its own module; this one holds the error type and the entry point.

mod containers;
mod field_error;
mod meta;
mod names;
mod pod_update;
mod spec;

pub use field_error::{BadValue, ErrorType, FieldError, FieldPath};
pub use names::{
    is_dns1123_label, is_dns1123_subdomain, is_qualified_name, is_valid_label_value,
    is_valid_port_name, is_valid_port_num,
};
pub use pod_update::{
    FORBIDDEN_POD_UPDATE, updated_spec, validate_ephemeral_containers_update, validate_pod_update,
};

pub(crate) use meta::{validate_annotations, validate_labels, validate_object_meta_named};
pub(crate) use spec::validate_pod_spec;

use crate::api::v1::Pod;

/// Every error the API server reports when asked to create `pod` (already defaulted), in
/// upstream's order. Label, annotation and resource maps are checked in key order, where upstream
/// would use Go's random map order.
pub fn validate(pod: &Pod) -> Vec<FieldError> {
    let mut errors = Vec::new();
    meta::validate_object_meta(&pod.metadata, &FieldPath::new("metadata"), &mut errors);
    spec::validate_pod_spec(&pod.spec, &FieldPath::new("spec"), &mut errors);
    containers::validate_image_whitespace(&pod.spec, &FieldPath::new("spec"), &mut errors);
    if !pod.spec.ephemeral_containers.is_empty() {
        errors.push(FieldError::forbidden(
            FieldPath::new("spec").child("ephemeralContainers"),
            "cannot be set on create",
        ));
    }
    errors
}

/// The API server's message for a refused object: `Pod "x" is invalid: …`, with several errors
/// bracketed and repeated messages dropped, as `field.ErrorList.ToAggregate` does. kubectl
/// prints it with `The ` in front.
pub fn invalid_message(kind: &str, name: &str, errors: &[FieldError]) -> String {
    let mut seen = std::collections::BTreeSet::new();
    let mut messages: Vec<String> = Vec::new();
    for error in errors {
        let message = error.to_string();
        if seen.insert(message.clone()) {
            messages.push(message);
        }
    }
    let body = if messages.len() == 1 {
        messages.remove(0)
    } else {
        format!("[{}]", messages.join(", "))
    };
    format!("The {kind} {} is invalid: {body}", go_quote(name))
}

/// Quotes a string as Go's `%q` does.
pub fn go_quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\u{b}' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            // Go's %q escapes what `unicode.IsPrint` refuses: controls, format characters and
            // every space but ' ' (a pasted non-breaking space shows as \u00a0).
            c if c.is_control()
                || (c.is_whitespace() && c != ' ')
                || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}') =>
            {
                if (c as u32) <= 0xffff {
                    out.push_str(&format!("\\u{:04x}", c as u32));
                } else {
                    out.push_str(&format!("\\U{:08x}", c as u32));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
