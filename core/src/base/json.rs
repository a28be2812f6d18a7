//! JSON values, written compactly and read field by field, for the playground's own formats
//! (scenarios, share links). The reading helpers say what is wrong in serde's words (`unknown
//! field`, `missing field`, `invalid type`), which the formats' users know; hand-written, they
//! cost a fraction of serde's derived readers and writers in the page's wasm.
//!
//! There is no JSON parser here: JSON is YAML, so `api::yaml` reads the text and turns it into a
//! [`Json`] value.

use std::collections::BTreeMap;

/// A JSON value. An object keeps one value per key (the last one written).
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A number with a fraction or an exponent.
    Float(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object.
    Object(BTreeMap<String, Json>),
}

/// A value read, or what is wrong with it.
pub type Read<T> = Result<T, String>;

/// An object's fields.
pub type Fields = BTreeMap<String, Json>;

impl Json {
    /// The fields of an object; `expected` names what was expected otherwise (`struct Node`).
    pub fn object(&self, expected: &str) -> Read<&Fields> {
        match self {
            Json::Object(fields) => Ok(fields),
            other => Err(other.invalid_type(expected)),
        }
    }

    /// serde's words for a value of the wrong type: `invalid type: map, expected a sequence`.
    pub fn invalid_type(&self, expected: &str) -> String {
        let found = match self {
            Json::Null => "null".to_owned(),
            Json::Bool(flag) => format!("boolean `{flag}`"),
            Json::Int(number) => format!("integer `{number}`"),
            Json::Float(number) => format!("floating point `{number}`"),
            Json::String(text) => format!("string {text:?}"),
            Json::Array(_) => "sequence".to_owned(),
            Json::Object(_) => "map".to_owned(),
        };
        format!("invalid type: {found}, expected {expected}")
    }
}

/// Reads a string.
pub fn string(value: &Json) -> Read<String> {
    match value {
        Json::String(text) => Ok(text.clone()),
        other => Err(other.invalid_type("a string")),
    }
}

/// Reads a boolean.
pub fn boolean(value: &Json) -> Read<bool> {
    match value {
        Json::Bool(flag) => Ok(*flag),
        other => Err(other.invalid_type("a boolean")),
    }
}

/// Reads a whole number that fits 64 bits.
pub fn signed_64(value: &Json) -> Read<i64> {
    match value {
        Json::Int(number) => Ok(*number),
        other => Err(other.invalid_type("i64")),
    }
}

/// Reads a whole number from 0 up.
pub fn unsigned(value: &Json, expected: &str) -> Read<u64> {
    match value {
        Json::Int(number) => u64::try_from(*number)
            .map_err(|_| format!("invalid value: integer `{number}`, expected {expected}")),
        other => Err(other.invalid_type(expected)),
    }
}

/// Reads a text written as a string or as a number.
pub fn text_or_number(value: &Json, expected: &str) -> Read<String> {
    match value {
        Json::String(text) => Ok(text.clone()),
        Json::Int(number) => Ok(number.to_string()),
        Json::Float(number) => Ok(crate::base::decimal::plain(*number)),
        other => Err(other.invalid_type(expected)),
    }
}

/// Reads an object of strings.
pub fn string_map(value: &Json) -> Read<BTreeMap<String, String>> {
    let mut read = BTreeMap::new();
    for (key, value) in value.object("a map")? {
        read.insert(key.clone(), string(value)?);
    }
    Ok(read)
}

/// Reads an array, each item with `item`.
pub fn list<T>(value: &Json, item: fn(&Json) -> Read<T>) -> Read<Vec<T>> {
    match value {
        Json::Array(items) => items.iter().map(item).collect(),
        other => Err(other.invalid_type("a sequence")),
    }
}

/// The field `name` of `fields`, read with `read`; an error when it is missing.
pub fn required<T>(fields: &Fields, name: &str, read: fn(&Json) -> Read<T>) -> Read<T> {
    match fields.get(name) {
        Some(value) => read(value),
        None => Err(format!("missing field `{name}`")),
    }
}

/// The field `name` of `fields`, read with `read`, if it is there and not `null`.
pub fn optional<T>(fields: &Fields, name: &str, read: fn(&Json) -> Read<T>) -> Read<Option<T>> {
    match fields.get(name) {
        None | Some(Json::Null) => Ok(None),
        Some(value) => read(value).map(Some),
    }
}

/// An error for the first field of `fields` that is not one of `known`.
pub fn only(fields: &Fields, known: &[&str]) -> Read<()> {
    match fields.keys().find(|key| !known.contains(&key.as_str())) {
        Some(other) => Err(unknown("field", other, known)),
        None => Ok(()),
    }
}

/// serde's words for an unknown field or variant: ``unknown field `x`, expected one of …``.
pub fn unknown(what: &str, name: &str, expected: &[&str]) -> String {
    let quoted: Vec<String> = expected.iter().map(|name| format!("`{name}`")).collect();
    let expected = match quoted.as_slice() {
        [] => return format!("unknown {what} `{name}`, there are no {what}s"),
        [one] => one.clone(),
        [first, second] => format!("{first} or {second}"),
        all => format!("one of {}", all.join(", ")),
    };
    format!("unknown {what} `{name}`, expected {expected}")
}

/// Writes `text` as a JSON string: quoted, with `"`, `\` and control characters escaped, as
/// serde_json writes them.
pub fn write_string(out: &mut String, text: &str) {
    write_escaped(out, text, false);
}

/// Writes `text` as a JSON string as Go's `encoding/json` writes it (`kubectl -o json`): as
/// [`write_string`] does, and `<`, `>`, `&`, U+2028 and U+2029 as `\u` escapes (its HTML-safe
/// default).
pub fn write_go_string(out: &mut String, text: &str) {
    write_escaped(out, text, true);
}

fn write_escaped(out: &mut String, text: &str, html_safe: bool) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' if html_safe => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Writes an object of strings.
pub fn write_string_map(out: &mut String, map: &BTreeMap<String, String>) {
    let mut object = Object::open(out);
    for (key, value) in map {
        write_string(object.key(key), value);
    }
    object.close();
}

/// An object being written: each [`Object::key`] gives the place of its value.
pub struct Object<'o> {
    out: &'o mut String,
    empty: bool,
}

impl<'o> Object<'o> {
    /// Opens an object in `out`.
    pub fn open(out: &'o mut String) -> Object<'o> {
        out.push('{');
        Object { out, empty: true }
    }

    /// Writes the key `name`; its value goes in the text returned.
    pub fn key(&mut self, name: &str) -> &mut String {
        if !std::mem::take(&mut self.empty) {
            self.out.push(',');
        }
        write_string(self.out, name);
        self.out.push(':');
        self.out
    }

    /// Closes the object.
    pub fn close(self) {
        self.out.push('}');
    }
}

/// Writes each item of `items` with `write`, as an array.
pub fn write_list<T>(out: &mut String, items: &[T], write: fn(&mut String, &T)) {
    out.push('[');
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        write(out, item);
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    /// Writes an object with `text` under every kind of value and renders it.
    fn check(text: &str, expected: Expect) {
        let mut out = String::new();
        let mut object = Object::open(&mut out);
        write_string(object.key("text"), text);
        write_list(object.key("list"), &[1, 2], |out, n| {
            out.push_str(&n.to_string());
        });
        write_string_map(
            object.key("map"),
            &BTreeMap::from([
                ("b".to_owned(), "2".to_owned()),
                ("a".to_owned(), "1".to_owned()),
            ]),
        );
        object.close();
        expected.assert_eq(&out);
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        check(
            "tab\there \"quoted\" back\\slash\nnew line \u{1} é",
            expect![[
                r#"{"text":"tab\there \"quoted\" back\\slash\nnew line \u0001 é","list":[1,2],"map":{"a":"1","b":"2"}}"#
            ]],
        );
    }

    #[test]
    fn wrong_values_are_told_in_serdes_words() {
        let fields = BTreeMap::from([("b".to_owned(), Json::Int(3))]);
        assert_eq!(
            only(&fields, &["a"]).unwrap_err(),
            "unknown field `b`, expected `a`"
        );
        assert_eq!(
            only(&fields, &["a", "c"]).unwrap_err(),
            "unknown field `b`, expected `a` or `c`"
        );
        assert_eq!(
            required(&fields, "b", string).unwrap_err(),
            "invalid type: integer `3`, expected a string"
        );
        assert_eq!(
            required(&fields, "a", string).unwrap_err(),
            "missing field `a`"
        );
        assert_eq!(optional(&fields, "a", string), Ok(None));
        assert_eq!(
            unsigned(&Json::Int(-1), "u32").unwrap_err(),
            "invalid value: integer `-1`, expected u32"
        );
        assert_eq!(
            list(&Json::Object(BTreeMap::new()), string).unwrap_err(),
            "invalid type: map, expected a sequence"
        );
    }
}
