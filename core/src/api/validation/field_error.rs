//! `field.Error`: one validation error, with upstream's rendering.

use std::fmt;

use crate::api::validation::go_quote;

/// The kind of a validation error; the names are upstream's `ErrorType` strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorType {
    /// `Required value`.
    Required,
    /// `Invalid value`.
    Invalid,
    /// `Duplicate value`.
    Duplicate,
    /// `Not found`.
    NotFound,
    /// `Unsupported value`.
    NotSupported,
    /// `Forbidden`.
    Forbidden,
    /// `Too long`.
    TooLong,
    /// `Too many`.
    TooMany,
}

impl ErrorType {
    /// Upstream's name for the type.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorType::Required => "Required value",
            ErrorType::Invalid => "Invalid value",
            ErrorType::Duplicate => "Duplicate value",
            ErrorType::NotFound => "Not found",
            ErrorType::NotSupported => "Unsupported value",
            ErrorType::Forbidden => "Forbidden",
            ErrorType::TooLong => "Too long",
            ErrorType::TooMany => "Too many",
        }
    }
}

/// The offending value, rendered as upstream renders it: strings quoted, numbers bare.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BadValue {
    /// No value is shown.
    Omitted,
    /// A string, shown quoted.
    Str(String),
    /// A number, shown bare.
    Int(i64),
    /// Any other value, shown as its JSON (upstream renders maps, lists and structs so since
    /// 1.34): `{"app":"web"}`.
    Json(String),
}

/// A field path in upstream's notation: `spec.containers[0].resources.limits[cpu]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldPath(String);

impl FieldPath {
    /// A path starting at the field `root`.
    pub fn new(root: &str) -> FieldPath {
        FieldPath(root.to_owned())
    }

    /// The path of a field of this object.
    pub fn child(&self, name: &str) -> FieldPath {
        self.joined(".", name, "")
    }

    /// The path of an item of this list.
    pub fn index(&self, index: usize) -> FieldPath {
        self.joined("[", &index.to_string(), "]")
    }

    /// The path of an entry of this map.
    pub fn key(&self, key: &str) -> FieldPath {
        self.joined("[", key, "]")
    }

    /// This path, then `open`, `part` and `close`, without the formatting machinery: paths are
    /// built for every field checked, so this is on the hot path.
    fn joined(&self, open: &str, part: &str, close: &str) -> FieldPath {
        let mut path = String::with_capacity(self.0.len() + open.len() + part.len() + close.len());
        path.push_str(&self.0);
        path.push_str(open);
        path.push_str(part);
        path.push_str(close);
        FieldPath(path)
    }

    /// The path as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One validation error (upstream's `field.Error`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The field path, as upstream prints it.
    pub path: String,
    /// The error type.
    pub kind: ErrorType,
    /// The offending value.
    pub value: BadValue,
    /// The explanation, possibly empty.
    pub detail: String,
    /// Where the error really is, when upstream's path points elsewhere (upstream reports a
    /// duplicate host port of any init container at index 0).
    pub located_at: Option<String>,
}

impl FieldError {
    fn new(path: FieldPath, kind: ErrorType, value: BadValue, detail: impl Into<String>) -> Self {
        FieldError {
            path: path.0,
            kind,
            value,
            detail: detail.into(),
            located_at: None,
        }
    }

    /// `Required value`, with an optional detail.
    pub fn required(path: FieldPath, detail: &str) -> FieldError {
        FieldError::new(path, ErrorType::Required, BadValue::Omitted, detail)
    }

    /// `Invalid value` of a string.
    pub fn invalid(path: FieldPath, value: &str, detail: impl Into<String>) -> FieldError {
        FieldError::new(
            path,
            ErrorType::Invalid,
            BadValue::Str(value.to_owned()),
            detail,
        )
    }

    /// `Invalid value` of a number.
    pub fn invalid_int(path: FieldPath, value: i64, detail: impl Into<String>) -> FieldError {
        FieldError::new(path, ErrorType::Invalid, BadValue::Int(value), detail)
    }

    /// `Invalid value` of a map, list or struct, given as its JSON.
    pub fn invalid_json(path: FieldPath, json: String, detail: impl Into<String>) -> FieldError {
        FieldError::new(path, ErrorType::Invalid, BadValue::Json(json), detail)
    }

    /// `Unsupported value` of a struct, given as its JSON.
    pub fn not_supported_json(path: FieldPath, json: String, supported: &[&str]) -> FieldError {
        let mut error = FieldError::not_supported(path, "", supported);
        error.value = BadValue::Json(json);
        error
    }

    /// `Duplicate value`.
    pub fn duplicate(path: FieldPath, value: &str) -> FieldError {
        FieldError::new(
            path,
            ErrorType::Duplicate,
            BadValue::Str(value.to_owned()),
            "",
        )
    }

    /// `Not found`.
    pub fn not_found(path: FieldPath, value: &str) -> FieldError {
        FieldError::new(
            path,
            ErrorType::NotFound,
            BadValue::Str(value.to_owned()),
            "",
        )
    }

    /// `Unsupported value`, listing the supported values in the order given.
    pub fn not_supported(path: FieldPath, value: &str, supported: &[&str]) -> FieldError {
        let quoted: Vec<String> = supported.iter().map(|value| go_quote(value)).collect();
        let detail = if quoted.is_empty() {
            String::new()
        } else {
            format!("supported values: {}", quoted.join(", "))
        };
        FieldError::new(
            path,
            ErrorType::NotSupported,
            BadValue::Str(value.to_owned()),
            detail,
        )
    }

    /// `Forbidden`.
    pub fn forbidden(path: FieldPath, detail: &str) -> FieldError {
        FieldError::new(path, ErrorType::Forbidden, BadValue::Omitted, detail)
    }

    /// `Too long`, for a value longer than `max_bytes`.
    pub fn too_long(path: FieldPath, max_bytes: usize) -> FieldError {
        FieldError::new(
            path,
            ErrorType::TooLong,
            BadValue::Omitted,
            format!("may not be more than {max_bytes} bytes"),
        )
    }

    /// The error located at `path` in the text, whatever path it reports.
    pub fn located_at(mut self, path: FieldPath) -> FieldError {
        self.located_at = Some(path.0);
        self
    }

    /// The message without the path: `Invalid value: "x": detail` (upstream's `ErrorBody`).
    pub fn body(&self) -> String {
        let mut out = self.kind.as_str().to_owned();
        let shows_value = !matches!(
            self.kind,
            ErrorType::Required | ErrorType::Forbidden | ErrorType::TooLong
        );
        if shows_value {
            match &self.value {
                BadValue::Omitted => {}
                BadValue::Str(value) => {
                    out.push_str(": ");
                    out.push_str(&go_quote(value));
                }
                BadValue::Int(value) => out.push_str(&format!(": {value}")),
                BadValue::Json(json) => {
                    out.push_str(": ");
                    out.push_str(json);
                }
            }
        }
        if !self.detail.is_empty() {
            out.push_str(": ");
            out.push_str(&self.detail);
        }
        out
    }
}

impl fmt::Display for FieldError {
    /// `path: body`, as upstream's `field.Error.Error()`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.body())
    }
}
