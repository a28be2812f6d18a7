//! A minimal JSON writer for `--output json`: strings escaped per RFC 8259 by core, nothing else needed.

/// `text` as a JSON string literal (core's escaping, as serde_json writes it).
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    pod_model::base::json::write_string(&mut out, text);
    out
}

/// An optional string: the literal, or `null`.
pub fn optional(text: Option<&str>) -> String {
    text.map_or_else(|| "null".to_owned(), string)
}

/// An object from already-encoded values, keys in the order given.
pub fn object(fields: &[(&str, String)]) -> String {
    let body: Vec<String> = fields
        .iter()
        .map(|(key, value)| format!("{}:{value}", string(key)))
        .collect();
    format!("{{{}}}", body.join(","))
}

/// An array from already-encoded values.
pub fn array(items: &[String]) -> String {
    format!("[{}]", items.join(","))
}
