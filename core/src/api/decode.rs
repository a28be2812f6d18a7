//! Strict decoding of YAML nodes into typed API objects, as the API server decodes a request body
//! with strict field validation (`kubectl --validate=strict`, the default).
//!
//! Unknown fields, duplicate fields and values of the wrong type are reported with the field
//! path upstream prints, and decoding goes on, so one pass finds every problem. The object types
//! themselves are declared with [`object!`](crate::object), which also records their fields
//! ([`Shape`]) for "did you mean" suggestions and indentation hints.

use std::collections::BTreeMap;

use crate::api::diagnostic::{Diagnostic, DiagnosticKind};
use crate::api::paste_damage;
use crate::api::yaml::{Entry, Node, Resolved, Value};
use crate::base::suggest;

/// What a field holds, for suggestions and hints.
#[derive(Clone, Copy, Debug)]
pub enum Shape {
    /// A string, number or boolean.
    Scalar,
    /// An object with known fields.
    Object(&'static [FieldInfo]),
    /// A list whose items have the inner shape.
    List(fn() -> Shape),
    /// A map from strings to scalars, such as `labels`.
    Map,
    /// Anything at all; Podplay keeps it without looking inside.
    Any,
}

/// One field of an object type.
#[derive(Clone, Copy, Debug)]
pub struct FieldInfo {
    /// The field's JSON name, such as `imagePullPolicy`.
    pub name: &'static str,
    /// What the field holds.
    pub shape: fn() -> Shape,
}

/// A type that strict decoding can produce from a YAML node.
pub trait Decode: Sized + Default {
    /// The Go type upstream decodes into, for error messages (`string`, `int32`, `v1.Container`).
    fn go_type() -> String;
    /// What the type holds.
    fn shape() -> Shape;
    /// Decodes `node`, reporting problems to `cx`. A null node gives the default, as in Go.
    fn decode(node: &Node, cx: &mut Decoder<'_>) -> Self;
}

/// Decoding state: where in the object the decoder is, and the problems found so far.
pub struct Decoder<'d> {
    diagnostics: &'d mut Vec<Diagnostic>,
    /// The field path with indices, as strict decoding prints it: `spec.containers[0].image`.
    path: String,
    /// The JSON path without indices, as Go's JSON errors print it: `spec.containers.image`.
    go_path: String,
    /// The Go struct that holds the current field.
    go_struct: &'static str,
    /// How many more unknown fields get an indentation hint: finding one looks back through the
    /// mapping, so a paste with thousands of unknown keys must not search for each.
    hints_left: usize,
}

/// Upstream stops collecting strict-decoding errors at 100; hints stop there too.
const MAX_HINTS: usize = 100;

impl<'d> Decoder<'d> {
    /// A decoder at the root of an object, reporting into `diagnostics`.
    pub fn new(diagnostics: &'d mut Vec<Diagnostic>) -> Decoder<'d> {
        Decoder {
            diagnostics,
            path: String::new(),
            go_path: String::new(),
            go_struct: "",
            hints_left: MAX_HINTS,
        }
    }

    /// The current field path.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Reports a problem at the current path.
    pub fn report(&mut self, kind: DiagnosticKind, node: &Node) {
        self.diagnostics
            .push(Diagnostic::error(kind, self.path.clone(), node.span));
    }

    /// How many problems have been reported so far.
    pub fn problem_count(&self) -> usize {
        self.diagnostics.len()
    }

    /// Warns that the key `node` repeats an earlier one at the current path. kubectl does not
    /// refuse this: its YAML-to-JSON conversion keeps the last value and drops the others.
    fn duplicate(&mut self, node: &Node) {
        let mut diagnostic =
            Diagnostic::error(DiagnosticKind::DuplicateField, self.path.clone(), node.span);
        diagnostic.severity = crate::api::diagnostic::Severity::Warning;
        self.diagnostics.push(diagnostic.with_hint(
            "kubectl keeps only this last value and silently drops the earlier one: delete the one you do not mean",
        ));
    }

    /// Reports that `node` does not fit the Go type `go_type`.
    pub fn wrong_type(&mut self, node: &Node, go_type: String) {
        self.wrong_value(node, found_kind(node), go_type);
    }

    /// Reports that `node`, described as `found`, does not fit the Go type `go_type`.
    fn wrong_value(&mut self, node: &Node, found: String, go_type: String) {
        let go_field = if self.go_struct.is_empty() {
            String::new()
        } else {
            format!("{}.{}", self.go_struct, self.go_path)
        };
        let hint = match (&node.value, go_type.as_str()) {
            (Value::Scalar(scalar), "string") if scalar.plain => Some(format!(
                "YAML reads {} as a {}; quote it to make it a string: \"{}\"",
                scalar.text,
                if found.starts_with("bool") {
                    "boolean"
                } else {
                    "number"
                },
                scalar.text
            )),
            _ => None,
        };
        let mut diagnostic = Diagnostic::error(
            DiagnosticKind::WrongType {
                found,
                go_type,
                go_field,
            },
            self.path.clone(),
            node.span,
        );
        diagnostic.hint = hint;
        self.diagnostics.push(diagnostic);
    }

    /// Decodes the value of field `json` of the Go struct `go_struct`.
    pub fn field<T: Decode>(&mut self, go_struct: &'static str, json: &str, node: &Node) -> T {
        let outer = self.enter(go_struct, json);
        let value = T::decode(node, self);
        self.leave(outer);
        value
    }

    /// Steps into the field `json` of `go_struct`, and returns where to step back to. Kept out
    /// of line so that each field type's `field` stays small in the wasm.
    #[inline(never)]
    fn enter(&mut self, go_struct: &'static str, json: &str) -> (usize, usize, &'static str) {
        let outer = (self.path.len(), self.go_path.len(), self.go_struct);
        if !self.path.is_empty() {
            self.path.push('.');
        }
        self.path.push_str(json);
        if !self.go_path.is_empty() {
            self.go_path.push('.');
        }
        self.go_path.push_str(json);
        self.go_struct = go_struct;
        outer
    }

    /// Steps back out of a field to where `enter` was called.
    #[inline(never)]
    fn leave(&mut self, (path_len, go_len, go_struct): (usize, usize, &'static str)) {
        self.path.truncate(path_len);
        self.go_path.truncate(go_len);
        self.go_struct = go_struct;
    }

    /// The entries of an object node, with each key checked: unknown fields (with a suggestion)
    /// and repeated fields are reported and skipped. Returns `None` after reporting a node that
    /// is not an object; a null node is an empty object.
    pub fn entries<'n>(
        &mut self,
        node: &'n Node,
        go_type: &str,
        known: &'static [FieldInfo],
    ) -> Vec<(&'static str, &'n Entry)> {
        let entries = match &node.value {
            Value::Mapping(entries) => entries,
            _ if node.is_null() => return Vec::new(),
            _ => {
                self.wrong_type(node, go_type.to_owned());
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for (index, entry) in entries.iter().enumerate() {
            let key = entry.key.as_scalar().unwrap_or_default();
            let field_path = if self.path.is_empty() {
                key.to_owned()
            } else {
                format!("{}.{key}", self.path)
            };
            let Some(info) = known.iter().find(|info| info.name == key) else {
                let suggestion = suggest::closest(key, known.iter().map(|info| info.name));
                let hint = if self.hints_left > 0 {
                    self.hints_left -= 1;
                    paste_damage::misplaced_field_hint(entries, index, known)
                        .or_else(|| paste_damage::odd_spaces_hint(key))
                        .or_else(|| {
                            suggestion
                                .as_ref()
                                .map(|name| format!("did you mean \"{name}\"?"))
                        })
                } else {
                    None
                };
                let mut diagnostic = Diagnostic::error(
                    DiagnosticKind::UnknownField { suggestion },
                    field_path,
                    entry.key.span,
                );
                diagnostic.hint = hint;
                self.diagnostics.push(diagnostic);
                continue;
            };
            if let Some(earlier) = out.iter_mut().find(|(name, _)| *name == info.name) {
                // kubectl turns YAML into a map before sending it, so the last value wins.
                let path_len = self.path.len();
                self.path = field_path;
                self.duplicate(&entry.key);
                self.path.truncate(path_len);
                earlier.1 = entry;
                continue;
            }
            out.push((info.name, entry));
        }
        out
    }
}

/// How Go's JSON decoder names a value it could not place: `string`, `number`, `number 1.5`,
/// `bool`, `array` or `object`.
fn found_kind(node: &Node) -> String {
    match &node.value {
        Value::Null => "null".to_owned(),
        Value::Sequence(_) => "array".to_owned(),
        Value::Mapping(_) => "object".to_owned(),
        Value::Scalar(scalar) => match scalar.resolve() {
            Resolved::Null => "null".to_owned(),
            Resolved::Bool(_) => "bool".to_owned(),
            Resolved::Int(_) | Resolved::Float(_) => "number".to_owned(),
            Resolved::Str => "string".to_owned(),
        },
    }
}

impl Decode for String {
    fn go_type() -> String {
        "string".to_owned()
    }

    fn shape() -> Shape {
        Shape::Scalar
    }

    fn decode(node: &Node, cx: &mut Decoder<'_>) -> String {
        match &node.value {
            Value::Scalar(scalar) if scalar.resolve() == Resolved::Str => scalar.text.clone(),
            _ if node.is_null() => String::new(),
            _ => {
                cx.wrong_type(node, Self::go_type());
                String::new()
            }
        }
    }
}

impl Decode for bool {
    fn go_type() -> String {
        "bool".to_owned()
    }

    fn shape() -> Shape {
        Shape::Scalar
    }

    fn decode(node: &Node, cx: &mut Decoder<'_>) -> bool {
        match &node.value {
            Value::Scalar(scalar) => match scalar.resolve() {
                Resolved::Bool(value) => value,
                Resolved::Null => false,
                _ => {
                    cx.wrong_type(node, Self::go_type());
                    false
                }
            },
            _ if node.is_null() => false,
            _ => {
                cx.wrong_type(node, Self::go_type());
                false
            }
        }
    }
}

/// Decodes an integer of a Go integer type; out-of-range and fractional numbers are reported
/// the way Go's JSON decoder reports them (`number 99999999999`).
fn decode_integer<T: TryFrom<i128> + Default>(
    node: &Node,
    cx: &mut Decoder<'_>,
    go_type: &str,
) -> T {
    if node.is_null() {
        return T::default();
    }
    let Value::Scalar(scalar) = &node.value else {
        cx.wrong_type(node, go_type.to_owned());
        return T::default();
    };
    // YAML numbers reach the server re-encoded as JSON: `80.0` and `1e3` are whole numbers
    // there, and the error quotes the re-encoded number.
    let (whole, shown) = match scalar.resolve() {
        Resolved::Int(value) => (Some(value), value.to_string()),
        Resolved::Float(value) => {
            let whole = (value.fract() == 0.0 && value.abs() < 1e30).then_some(value as i128);
            (whole, go_json_number(value))
        }
        _ => {
            cx.wrong_type(node, go_type.to_owned());
            return T::default();
        }
    };
    match whole.map(T::try_from) {
        Some(Ok(value)) => value,
        _ => {
            cx.wrong_value(node, format!("number {shown}"), go_type.to_owned());
            T::default()
        }
    }
}

/// A float as Go's `encoding/json` writes it: shortest decimal between 1e-6 and 1e21,
/// exponent form (`1e+21`, `1e-7`) outside.
pub fn go_json_number(value: f64) -> String {
    let magnitude = value.abs();
    if magnitude == 0.0 || (1e-6..1e21).contains(&magnitude) {
        format!("{value}")
    } else {
        let text = format!("{value:e}");
        match text.split_once('e') {
            Some((mantissa, exponent)) if !exponent.starts_with('-') => {
                format!("{mantissa}e+{exponent}")
            }
            _ => text,
        }
    }
}

impl Decode for i32 {
    fn go_type() -> String {
        "int32".to_owned()
    }

    fn shape() -> Shape {
        Shape::Scalar
    }

    fn decode(node: &Node, cx: &mut Decoder<'_>) -> i32 {
        decode_integer(node, cx, "int32")
    }
}

impl Decode for i64 {
    fn go_type() -> String {
        "int64".to_owned()
    }

    fn shape() -> Shape {
        Shape::Scalar
    }

    fn decode(node: &Node, cx: &mut Decoder<'_>) -> i64 {
        decode_integer(node, cx, "int64")
    }
}

impl<T: Decode> Decode for Option<T> {
    fn go_type() -> String {
        format!("*{}", T::go_type())
    }

    fn shape() -> Shape {
        T::shape()
    }

    fn decode(node: &Node, cx: &mut Decoder<'_>) -> Option<T> {
        if node.is_null() {
            None
        } else {
            Some(T::decode(node, cx))
        }
    }
}

impl<T: Decode> Decode for Box<T> {
    fn go_type() -> String {
        T::go_type()
    }

    fn shape() -> Shape {
        T::shape()
    }

    fn decode(node: &Node, cx: &mut Decoder<'_>) -> Box<T> {
        Box::new(T::decode(node, cx))
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn go_type() -> String {
        format!("[]{}", T::go_type())
    }

    fn shape() -> Shape {
        Shape::List(T::shape)
    }

    fn decode(node: &Node, cx: &mut Decoder<'_>) -> Vec<T> {
        let items = match &node.value {
            Value::Sequence(items) => items,
            _ if node.is_null() => return Vec::new(),
            _ => {
                cx.wrong_type(node, Self::go_type());
                return Vec::new();
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let path_len = cx.path.len();
            cx.path.push('[');
            cx.path.push_str(&index.to_string());
            cx.path.push(']');
            out.push(T::decode(item, cx));
            cx.path.truncate(path_len);
        }
        out
    }
}

impl<T: Decode> Decode for BTreeMap<String, T> {
    fn go_type() -> String {
        format!("map[string]{}", T::go_type())
    }

    fn shape() -> Shape {
        Shape::Map
    }

    fn decode(node: &Node, cx: &mut Decoder<'_>) -> BTreeMap<String, T> {
        let entries = match &node.value {
            Value::Mapping(entries) => entries,
            _ if node.is_null() => return BTreeMap::new(),
            _ => {
                cx.wrong_type(node, Self::go_type());
                return BTreeMap::new();
            }
        };
        let mut out = BTreeMap::new();
        for entry in entries {
            let key = entry.key.as_scalar().unwrap_or_default().to_owned();
            let path_len = cx.path.len();
            cx.path.push('[');
            cx.path.push_str(&key);
            cx.path.push(']');
            if out.contains_key(&key) {
                cx.duplicate(&entry.key);
            }
            // As with fields, the last value wins; a value that fails to decode is left out, so
            // that it does not become a zero that later rules would complain about.
            let problems_before = cx.problem_count();
            let value = T::decode(&entry.value, cx);
            if cx.problem_count() == problems_before {
                out.insert(key, value);
            } else {
                out.remove(&key);
            }
            cx.path.truncate(path_len);
        }
        out
    }
}

/// Any JSON value, kept as written but not looked into (`managedFields`, rarely used sources).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Raw(pub Option<Box<Node>>);

impl Eq for Raw {}

impl Decode for Raw {
    fn go_type() -> String {
        "json.RawMessage".to_owned()
    }

    fn shape() -> Shape {
        Shape::Any
    }

    fn decode(node: &Node, _cx: &mut Decoder<'_>) -> Raw {
        Raw(Some(Box::new(node.clone())))
    }
}

/// Declares an API object type: the struct, its strict [`Decode`] and its field list.
///
/// Each field is written `rust_name @ "jsonName": Type`. Every field type implements [`Decode`]
/// and [`Default`]; an absent field is its default.
#[macro_export]
macro_rules! object {
    (
        $(#[$meta:meta])*
        pub struct $name:ident = $go:literal {
            $(
                $(#[$field_meta:meta])*
                $field:ident @ $json:literal : $ty:ty
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, Eq)]
        pub struct $name {
            $(
                $(#[$field_meta])*
                pub $field: $ty,
            )*
        }

        impl $name {
            /// The fields of this type, by JSON name.
            pub const FIELDS: &'static [$crate::api::decode::FieldInfo] = &[
                $($crate::api::decode::FieldInfo {
                    name: $json,
                    shape: <$ty as $crate::api::decode::Decode>::shape,
                },)*
            ];
        }

        impl $crate::api::encode::Encode for $name {
            fn encode(&self) -> Option<$crate::api::encode::Tree> {
                #[allow(unused_mut)]
                let mut fields: Vec<(String, $crate::api::encode::Tree)> = Vec::new();
                $(
                    let omitted = $crate::api::encode::Encode::is_false(&self.$field)
                        && !$crate::api::encode::ALWAYS_WRITTEN_BOOLEANS.contains(&$json);
                    if let Some(value) = $crate::api::encode::Encode::encode(&self.$field).filter(|_| !omitted) {
                        fields.push(($json.to_owned(), value));
                    }
                )*
                Some($crate::api::encode::Tree::Map(fields))
            }
        }

        impl $crate::api::decode::Decode for $name {
            fn go_type() -> String {
                concat!("v1.", $go).to_owned()
            }

            fn shape() -> $crate::api::decode::Shape {
                $crate::api::decode::Shape::Object(Self::FIELDS)
            }

            fn decode(node: &$crate::api::yaml::Node, cx: &mut $crate::api::decode::Decoder<'_>) -> Self {
                #[allow(unused_mut)]
                let mut out = Self::default();
                for (name, entry) in cx.entries(node, concat!("v1.", $go), Self::FIELDS) {
                    match name {
                        $($json => out.$field = cx.field($go, $json, &entry.value),)*
                        _ => {}
                    }
                }
                out
            }
        }
    };
}
