//! The one place that knows which YAML library Podplay uses.
//!
//! The text becomes a tree of [`Node`]s, each with its [`Span`], so that every later diagnostic can
//! point at the exact key or value. JSON and flow-style "KYAML" are YAML too, and take the same
//! path. Parsing is bounded: by input size, by nesting depth, and by the number of nodes that alias
//! expansion may build, so no input can exhaust the page's memory or stack.

use std::collections::{BTreeMap, BTreeSet};

mod flow_closers;

use flow_closers::Shifted;
use saphyr_parser::{Event, Parser, ScalarStyle, ScanError};

use crate::api::diagnostic::{Diagnostic, DiagnosticKind};
use crate::base::json::Json;
use crate::base::span::{Position, Span};

/// Scalar text counts as one node per this many bytes (see [`Limits::max_nodes`]).
pub const TEXT_BYTES_PER_NODE: usize = 64;

/// Bounds on what the parser accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest accepted input, in bytes.
    pub max_input_bytes: usize,
    /// The deepest accepted nesting of sequences and mappings.
    pub max_depth: usize,
    /// The most nodes a stream may hold once aliases are expanded; scalar text counts one node per
    /// [`TEXT_BYTES_PER_NODE`] bytes.
    pub max_nodes: usize,
}

impl Limits {
    /// Limits far above any real Pod manifest and far below what would hurt a browser tab.
    pub const DEFAULT: Limits = Limits {
        max_input_bytes: 1024 * 1024,
        max_depth: 64,
        max_nodes: 200_000,
    };
}

/// One YAML document of a stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The document's content; [`Value::Null`] for an empty document.
    pub root: Node,
}

/// A YAML value together with where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// The value.
    pub value: Value,
    /// Where the value is in the text.
    pub span: Span,
}

/// A YAML value. Scalars keep their text; typing them (null, bool, number) is left to the reader,
/// because Kubernetes' rules for that differ from field to field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// An absent value, such as the empty document.
    Null,
    /// A scalar, with its text as written (after unquoting and unescaping).
    Scalar(Scalar),
    /// A sequence (list).
    Sequence(Vec<Node>),
    /// A mapping (object), in the order of the text.
    Mapping(Vec<Entry>),
}

/// A scalar's text and whether it was quoted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scalar {
    /// The text after unquoting.
    pub text: String,
    /// True for plain (unquoted) scalars, which YAML resolves to null, booleans or numbers.
    pub plain: bool,
}

/// One key and value of a mapping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The key node.
    pub key: Node,
    /// The value node.
    pub value: Node,
}

/// What a scalar means once YAML's type rules are applied.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Resolved {
    /// `null`, `~` or nothing.
    Null,
    /// A boolean; YAML 1.1 spellings such as `yes` and `off` included.
    Bool(bool),
    /// An integer (decimal, `0x` hex, `0o` or leading-zero octal, `0b` binary).
    Int(i128),
    /// A floating-point number, `.inf` and `.nan` included.
    Float(f64),
    /// A string: any quoted scalar, and plain text that is none of the above.
    Str,
}

impl Scalar {
    /// Resolves the scalar as Kubernetes' YAML reader does (go-yaml v2, which follows YAML 1.1):
    /// plain `yes`, `on`, `123`, `0x1F` or `1e3` are not strings, and so cannot fill a string
    /// field. Quoted scalars are always strings.
    pub fn resolve(&self) -> Resolved {
        if !self.plain {
            return Resolved::Str;
        }
        let text = self.text.as_str();
        match text {
            "" | "~" | "null" | "Null" | "NULL" => return Resolved::Null,
            "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
                return Resolved::Bool(true);
            }
            "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off"
            | "OFF" => return Resolved::Bool(false),
            ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
                return Resolved::Float(f64::INFINITY);
            }
            "-.inf" | "-.Inf" | "-.INF" => return Resolved::Float(f64::NEG_INFINITY),
            ".nan" | ".NaN" | ".NAN" => return Resolved::Float(f64::NAN),
            _ => {}
        }
        // go-yaml tries numbers only for text that starts like one, and drops underscores then.
        if !text.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '+' | '-' | '.')) {
            return Resolved::Str;
        }
        let plain: String = text.chars().filter(|&c| c != '_').collect();
        if let Some(value) = parse_go_int(&plain) {
            return Resolved::Int(value);
        }
        // Go's ParseFloat refuses what overflows (1e400): that text stays a string.
        if is_yaml_float(&plain)
            && let Ok(value) = plain.parse::<f64>()
            && value.is_finite()
        {
            return Resolved::Float(value);
        }
        Resolved::Str
    }
}

/// Parses an integer the way Go's `strconv.ParseInt(s, 0, 64)` and `ParseUint` do: an optional
/// sign, then a `0x`, `0o`, `0b` or bare `0` (octal) prefix. Values beyond 64 bits are refused.
fn parse_go_int(text: &str) -> Option<i128> {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let (radix, digits) = if let Some(rest) = digits
        .strip_prefix("0x")
        .or_else(|| digits.strip_prefix("0X"))
    {
        (16, rest)
    } else if let Some(rest) = digits
        .strip_prefix("0o")
        .or_else(|| digits.strip_prefix("0O"))
    {
        (8, rest)
    } else if let Some(rest) = digits
        .strip_prefix("0b")
        .or_else(|| digits.strip_prefix("0B"))
    {
        (2, rest)
    } else if digits.len() > 1 && digits.starts_with('0') {
        (8, &digits[1..])
    } else {
        (10, digits)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let magnitude = u64::from_str_radix(digits, radix).ok()?;
    let value = i128::from(magnitude);
    if negative {
        (value <= i128::from(i64::MAX) + 1).then_some(-value)
    } else {
        Some(value)
    }
}

/// True for go-yaml's float syntax: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
fn is_yaml_float(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = usize::from(matches!(bytes.first(), Some(b'-' | b'+')));
    let digits = |from: usize| {
        bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let whole = digits(at);
    at += whole;
    if bytes.get(at) == Some(&b'.') {
        let fraction = digits(at + 1);
        if whole == 0 && fraction == 0 {
            return false;
        }
        at += 1 + fraction;
    } else if whole == 0 {
        return false;
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'-' | b'+')) {
            at += 1;
        }
        let exponent = digits(at);
        if exponent == 0 {
            return false;
        }
        at += exponent;
    }
    at == bytes.len()
}

impl Node {
    /// The node as a JSON value, its scalars typed by YAML 1.1's rules as Kubernetes reads them;
    /// a number JSON cannot hold (beyond 64 bits, infinite) stays text. A repeated key keeps
    /// its last value.
    pub fn to_json(&self) -> Json {
        match &self.value {
            Value::Null => Json::Null,
            Value::Scalar(scalar) => match scalar.resolve() {
                Resolved::Null => Json::Null,
                Resolved::Bool(value) => Json::Bool(value),
                Resolved::Int(value) => i64::try_from(value)
                    .map_or_else(|_| Json::String(scalar.text.clone()), Json::Int),
                Resolved::Float(value) if value.is_finite() => Json::Float(value),
                Resolved::Float(_) | Resolved::Str => Json::String(scalar.text.clone()),
            },
            Value::Sequence(items) => Json::Array(items.iter().map(Node::to_json).collect()),
            Value::Mapping(entries) => Json::Object(
                entries
                    .iter()
                    .map(|entry| {
                        let key = entry.key.as_scalar().unwrap_or_default().to_owned();
                        (key, entry.value.to_json())
                    })
                    .collect(),
            ),
        }
    }

    /// The scalar's text, whatever its YAML type.
    pub fn as_scalar(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar(scalar) => Some(&scalar.text),
            _ => None,
        }
    }

    /// True for a null value: an empty node, or a plain `null`, `Null`, `NULL` or `~`.
    pub fn is_null(&self) -> bool {
        match &self.value {
            Value::Null => true,
            Value::Scalar(scalar) => scalar.resolve() == Resolved::Null,
            _ => false,
        }
    }

    /// The mapping's entries, or `None` if this is not a mapping.
    pub fn as_mapping(&self) -> Option<&[Entry]> {
        match &self.value {
            Value::Mapping(entries) => Some(entries),
            _ => None,
        }
    }

    /// The sequence's items, or `None` if this is not a sequence.
    pub fn as_sequence(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Sequence(items) => Some(items),
            _ => None,
        }
    }

    /// The entry of a mapping whose key is the scalar `key`. The first one wins.
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.as_mapping()?
            .iter()
            .find(|entry| entry.key.as_scalar() == Some(key))
    }

    /// The value of a mapping's entry whose key is the scalar `key`.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|entry| &entry.value)
    }

    /// The node a field path such as `spec.containers[0].ports[1].name` or
    /// `spec.containers[0].resources.limits[cpu]` leads to, or the deepest node on the way when
    /// the path goes further than the text (a missing field). Every step is bounded by the path.
    pub fn locate(&self, path: &str) -> &Node {
        let mut node = self;
        let mut rest = path;
        while !rest.is_empty() {
            let (step, remainder) = if let Some(inner) = rest.strip_prefix('[') {
                match inner.find(']') {
                    Some(end) => (&inner[..end], &inner[end + 1..]),
                    None => (inner, ""),
                }
            } else {
                let rest_trimmed = rest.strip_prefix('.').unwrap_or(rest);
                let end = rest_trimmed.find(['.', '[']).unwrap_or(rest_trimmed.len());
                (&rest_trimmed[..end], &rest_trimmed[end..])
            };
            let next = match &node.value {
                Value::Sequence(items) => step.parse::<usize>().ok().and_then(|i| items.get(i)),
                Value::Mapping(_) => node.get(step),
                _ => None,
            };
            match next {
                Some(next) => node = next,
                None => break,
            }
            rest = remainder;
        }
        node
    }

    /// How many collections deep the node goes: 0 for a scalar, 1 for a list of scalars.
    fn height(&self) -> usize {
        // An explicit stack keeps deep trees from exhausting the call stack.
        let mut height = 0;
        let mut pending = vec![(self, 0usize)];
        while let Some((node, depth)) = pending.pop() {
            match &node.value {
                Value::Sequence(items) => {
                    height = height.max(depth + 1);
                    pending.extend(items.iter().map(|item| (item, depth + 1)));
                }
                Value::Mapping(entries) => {
                    height = height.max(depth + 1);
                    for entry in entries {
                        pending.push((&entry.key, depth + 1));
                        pending.push((&entry.value, depth + 1));
                    }
                }
                Value::Scalar(_) | Value::Null => {}
            }
        }
        height
    }

    /// What a copy of this node costs against [`Limits::max_nodes`]: one per node, plus one per
    /// [`TEXT_BYTES_PER_NODE`] bytes of scalar text, so that aliases of one long string cannot
    /// multiply memory use.
    fn count(&self) -> usize {
        // An explicit stack keeps deep trees from exhausting the call stack.
        let mut total = 0usize;
        let mut pending = vec![self];
        while let Some(node) = pending.pop() {
            total = total.saturating_add(1);
            match &node.value {
                Value::Sequence(items) => pending.extend(items),
                Value::Mapping(entries) => {
                    for entry in entries {
                        pending.push(&entry.key);
                        pending.push(&entry.value);
                    }
                }
                Value::Scalar(scalar) => {
                    total = total.saturating_add(scalar.text.len() / TEXT_BYTES_PER_NODE);
                }
                Value::Null => {}
            }
        }
        total
    }
}

/// Applies YAML merge keys (`<<: *base`, or `<<: [*a, *b]`), as go-yaml v2 (kubectl's reader)
/// does: the merged mappings' entries join this one where the `<<` was, unless this mapping names
/// the key itself; with a list, earlier mappings win over later ones. Anything else under `<<`
/// is left as an ordinary entry for the decoder to report.
fn merge_keys(entries: Vec<Entry>) -> Vec<Entry> {
    let is_merge = |entry: &Entry| matches!(&entry.key.value, Value::Scalar(scalar) if scalar.plain && scalar.text == "<<");
    if !entries.iter().any(is_merge) {
        return entries;
    }
    let explicit: BTreeSet<String> = entries
        .iter()
        .filter(|entry| !is_merge(entry))
        .filter_map(|entry| entry.key.as_scalar().map(str::to_owned))
        .collect();
    let mut merged_keys: BTreeSet<String> = BTreeSet::new();
    let mut out = Vec::with_capacity(entries.len());
    for entry in entries {
        if !is_merge(&entry) {
            out.push(entry);
            continue;
        }
        let sources: Vec<&Node> = match &entry.value.value {
            Value::Mapping(_) => vec![&entry.value],
            Value::Sequence(items) if items.iter().all(|item| item.as_mapping().is_some()) => {
                items.iter().collect()
            }
            _ => {
                out.push(entry);
                continue;
            }
        };
        for source in sources {
            for merged in source.as_mapping().unwrap_or_default() {
                let Some(key) = merged.key.as_scalar() else {
                    continue;
                };
                if !explicit.contains(key) && merged_keys.insert(key.to_owned()) {
                    out.push(merged.clone());
                }
            }
        }
    }
    out
}

/// Parses a whole YAML stream (one or more documents) within [`Limits::DEFAULT`].
pub fn parse_stream(text: &str) -> Result<Vec<Document>, Box<Diagnostic>> {
    parse_stream_with(text, Limits::DEFAULT)
}

/// The one document of `text` (YAML, or JSON, which is YAML too) as a JSON value: `null` for an
/// empty text; an error for a text that does not parse or that holds several documents.
pub fn single_json_document(text: &str) -> Result<Json, String> {
    let documents = parse_stream(text).map_err(|error| error.to_string())?;
    match documents.as_slice() {
        [] => Ok(Json::Null),
        [document] => Ok(document.root.to_json()),
        _ => Err("expected one YAML document".to_owned()),
    }
}

/// Parses a whole YAML stream within `limits`.
pub fn parse_stream_with(text: &str, limits: Limits) -> Result<Vec<Document>, Box<Diagnostic>> {
    if text.len() > limits.max_input_bytes {
        return Err(Box::new(Diagnostic::error(
            DiagnosticKind::InputTooLarge {
                size_bytes: text.len(),
                max_bytes: limits.max_input_bytes,
            },
            "",
            Span::point(Position::START),
        )));
    }
    let mut shifted = Shifted::new(text);
    loop {
        match parse_events(&shifted, limits) {
            Err(Failure::Scan(error)) if shifted.move_closer(&error) => {}
            Err(Failure::Scan(error)) => {
                let at = shifted.position(error.marker());
                return Err(Box::new(syntax_error(&error, at, limits)));
            }
            Err(Failure::Built(diagnostic)) => return Err(diagnostic),
            Ok(documents) => return Ok(documents),
        }
    }
}

/// Why [`parse_events`] stopped.
enum Failure {
    /// The parser's error.
    Scan(ScanError),
    /// The tree builder's (a limit).
    Built(Box<Diagnostic>),
}

/// Parses the text of `shifted`, each position as in the text as written.
fn parse_events(shifted: &Shifted<'_>, limits: Limits) -> Result<Vec<Document>, Failure> {
    let mut builder = TreeBuilder::new(limits);
    for event in Parser::new_from_str(shifted.text()) {
        let (event, span) = event.map_err(Failure::Scan)?;
        let span = Span {
            start: shifted.position(&span.start),
            end: shifted.position(&span.end),
        };
        builder.accept(event, span).map_err(Failure::Built)?;
    }
    Ok(builder.documents)
}

fn syntax_error(error: &ScanError, at: Position, limits: Limits) -> Diagnostic {
    // The scanner has a nesting limit of its own, which it may meet before the tree builder
    // sees the depth: report both the same way.
    let kind = if error.info().contains("recursion limit") {
        DiagnosticKind::NestingTooDeep {
            max_depth: limits.max_depth,
        }
    } else {
        DiagnosticKind::Syntax(error.info().to_owned())
    };
    Diagnostic::error(kind, "", Span::point(at))
}

/// A collection being built, waiting for its end event.
enum Frame {
    Sequence {
        anchor: usize,
        start: Position,
        items: Vec<Node>,
    },
    Mapping {
        anchor: usize,
        start: Position,
        entries: Vec<Entry>,
        key: Option<Node>,
    },
}

/// Builds [`Document`]s from parser events with an explicit stack, within [`Limits`].
struct TreeBuilder {
    limits: Limits,
    documents: Vec<Document>,
    stack: Vec<Frame>,
    /// Anchored nodes by anchor id, with their node counts and heights, for alias expansion.
    anchors: BTreeMap<usize, (Node, usize, usize)>,
    nodes: usize,
    root: Option<Node>,
}

impl TreeBuilder {
    fn new(limits: Limits) -> TreeBuilder {
        TreeBuilder {
            limits,
            documents: Vec::new(),
            stack: Vec::new(),
            anchors: BTreeMap::new(),
            nodes: 0,
            root: None,
        }
    }

    fn accept(&mut self, event: Event<'_>, span: Span) -> Result<(), Box<Diagnostic>> {
        match event {
            Event::Nothing | Event::StreamStart | Event::StreamEnd => {}
            Event::DocumentStart(_) => {
                self.root = None;
                self.anchors.clear();
            }
            Event::DocumentEnd => {
                let root = self.root.take().unwrap_or(Node {
                    value: Value::Null,
                    span,
                });
                self.documents.push(Document { root });
            }
            Event::Scalar(text, style, anchor, _tag) => {
                let cost = 1 + text.len() / TEXT_BYTES_PER_NODE;
                self.count_nodes(cost, span)?;
                let node = Node {
                    value: Value::Scalar(Scalar {
                        text: text.into_owned(),
                        plain: style == ScalarStyle::Plain,
                    }),
                    span,
                };
                self.remember(anchor, &node, cost, span)?;
                self.attach(node);
            }
            Event::Alias(anchor) => {
                let Some((count, height)) = self
                    .anchors
                    .get(&anchor)
                    .map(|(_, count, height)| (*count, *height))
                else {
                    return Err(Box::new(Diagnostic::error(
                        DiagnosticKind::Syntax("unknown anchor".to_owned()),
                        "",
                        span,
                    )));
                };
                // A copy may not nest deeper than a collection may (aliases of aliases would
                // otherwise build trees as deep as the node budget allows), and it counts
                // against the budget before it is made.
                if self.stack.len().saturating_add(height) > self.limits.max_depth {
                    return Err(Box::new(Diagnostic::error(
                        DiagnosticKind::NestingTooDeep {
                            max_depth: self.limits.max_depth,
                        },
                        "",
                        span,
                    )));
                }
                self.count_nodes(count, span)?;
                if let Some((node, _, _)) = self.anchors.get(&anchor) {
                    // The alias points at the text where it is used, not where the anchor was.
                    let value = node.value.clone();
                    self.attach(Node { value, span });
                }
            }
            Event::SequenceStart(anchor, _tag) => {
                self.open(span)?;
                self.stack.push(Frame::Sequence {
                    anchor,
                    start: span.start,
                    items: Vec::new(),
                });
            }
            Event::MappingStart(anchor, _tag) => {
                self.open(span)?;
                self.stack.push(Frame::Mapping {
                    anchor,
                    start: span.start,
                    entries: Vec::new(),
                    key: None,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = self.stack.pop() else {
                    return Ok(());
                };
                let (anchor, start, value) = match frame {
                    Frame::Sequence {
                        anchor,
                        start,
                        items,
                    } => (anchor, start, Value::Sequence(items)),
                    Frame::Mapping {
                        anchor,
                        start,
                        entries,
                        ..
                    } => (anchor, start, Value::Mapping(merge_keys(entries))),
                };
                let node = Node {
                    value,
                    span: Span {
                        start,
                        end: span.end,
                    },
                };
                if anchor != 0 {
                    let count = node.count();
                    self.remember(anchor, &node, count, span)?;
                }
                self.attach(node);
            }
        }
        Ok(())
    }

    /// Checks the depth and node budget before a collection opens.
    fn open(&mut self, span: Span) -> Result<(), Box<Diagnostic>> {
        if self.stack.len() >= self.limits.max_depth {
            return Err(Box::new(Diagnostic::error(
                DiagnosticKind::NestingTooDeep {
                    max_depth: self.limits.max_depth,
                },
                "",
                span,
            )));
        }
        self.count_nodes(1, span)
    }

    fn count_nodes(&mut self, count: usize, span: Span) -> Result<(), Box<Diagnostic>> {
        self.nodes = self.nodes.saturating_add(count);
        if self.nodes > self.limits.max_nodes {
            return Err(Box::new(Diagnostic::error(
                DiagnosticKind::TooManyNodes {
                    max_nodes: self.limits.max_nodes,
                },
                "",
                span,
            )));
        }
        Ok(())
    }

    /// Keeps a copy of an anchored node for its aliases. The copy counts against the node budget,
    /// so that nested anchors cannot multiply memory use unchecked.
    fn remember(
        &mut self,
        anchor: usize,
        node: &Node,
        count: usize,
        span: Span,
    ) -> Result<(), Box<Diagnostic>> {
        if anchor != 0 {
            self.count_nodes(count, span)?;
            self.anchors
                .insert(anchor, (node.clone(), count, node.height()));
        }
        Ok(())
    }

    /// Puts a finished node into its parent, or makes it the document's root.
    fn attach(&mut self, node: Node) {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Sequence { items, .. }) => items.push(node),
            Some(Frame::Mapping { entries, key, .. }) => match key.take() {
                None => *key = Some(node),
                Some(key) => entries.push(Entry { key, value: node }),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    /// Parses `text` and renders the tree, one node per line with its span, or the error.
    fn check(text: &str, expected: Expect) {
        check_with(text, Limits::DEFAULT, expected);
    }

    fn check_with(text: &str, limits: Limits, expected: Expect) {
        let rendered = match parse_stream_with(text, limits) {
            Ok(documents) => {
                let mut out = String::new();
                for document in &documents {
                    out.push_str("---\n");
                    render(&document.root, 0, &mut out);
                }
                out
            }
            Err(diagnostic) => format!("error {diagnostic}\n"),
        };
        expected.assert_eq(&rendered);
    }

    fn render(node: &Node, depth: usize, out: &mut String) {
        let indent = "  ".repeat(depth);
        let at = format!("{}-{}", node.span.start, node.span.end);
        match &node.value {
            Value::Null => out.push_str(&format!("{indent}null @{at}\n")),
            Value::Scalar(scalar) => {
                let quote = if scalar.plain { "" } else { "'" };
                out.push_str(&format!("{indent}{quote}{}{quote} @{at}\n", scalar.text));
            }
            Value::Sequence(items) => {
                out.push_str(&format!("{indent}seq @{at}\n"));
                for item in items {
                    render(item, depth + 1, out);
                }
            }
            Value::Mapping(entries) => {
                out.push_str(&format!("{indent}map @{at}\n"));
                for entry in entries {
                    render(&entry.key, depth + 1, out);
                    render(&entry.value, depth + 2, out);
                }
            }
        }
    }

    #[test]
    fn block_mapping_keeps_key_and_value_positions() {
        check(
            "kind: Pod\nmetadata:\n  name: web\n",
            expect![[r#"
                ---
                map @1:1-4:1
                  kind @1:1-1:5
                    Pod @1:7-1:10
                  metadata @2:1-2:9
                    map @3:3-4:1
                      name @3:3-3:7
                        web @3:9-3:12
            "#]],
        );
    }

    #[test]
    fn flow_style_kyaml_with_trailing_commas() {
        check(
            "---\n{\n  kind: \"Pod\",\n  spec: {containers: [{name: \"a\",},],},\n}\n",
            expect![[r#"
                ---
                map @2:1-4:40
                  kind @3:3-3:7
                    'Pod' @3:9-3:14
                  spec @4:3-4:7
                    map @4:9-4:38
                      containers @4:10-4:20
                        seq @4:22-4:37
                          map @4:23-4:34
                            name @4:24-4:28
                              'a' @4:30-4:33
            "#]],
        );
    }

    #[test]
    fn json_is_yaml() {
        check(
            r#"{"kind": "Pod", "n": [1, null]}"#,
            expect![[r#"
                ---
                map @1:1-1:32
                  'kind' @1:2-1:8
                    'Pod' @1:10-1:15
                  'n' @1:17-1:20
                    seq @1:22-1:31
                      1 @1:23-1:24
                      null @1:26-1:30
            "#]],
        );
    }

    #[test]
    fn several_documents_and_an_empty_one() {
        check(
            "a: 1\n---\n---\nb: 2\n",
            expect![[r#"
                ---
                map @1:1-2:1
                  a @1:1-1:2
                    1 @1:4-1:5
                ---
                 @3:1-3:4
                ---
                map @4:1-5:1
                  b @4:1-4:2
                    2 @4:4-4:5
            "#]],
        );
    }

    #[test]
    fn syntax_error_names_line_and_column() {
        check(
            "metadata:\n  name: web\n image: nginx\n",
            expect![[r#"
                error 3:2: while parsing a block mapping, did not find expected key
            "#]],
        );
    }

    #[test]
    fn a_flow_closer_left_of_its_block_is_read_as_go_yaml_reads_it() {
        // As the docs write it (service/pod-with-graceful-termination.yaml): the closing bracket
        // at its key's column. Every position stays that of the text as written.
        let text = "spec:\n  containers:\n  - name: é\n    command: [\n      \"sh\", \"-c\",\n      \"sleep 180\"\n    ]\n    env: {\n      a: b\n  }\nafter: x\n";
        check(
            text,
            expect![[r#"
                ---
                map @1:1-12:1
                  spec @1:1-1:5
                    map @2:3-11:1
                      containers @2:3-2:13
                        seq @3:5-11:1
                          map @3:5-11:1
                            name @3:5-3:9
                              é @3:11-3:12
                            command @4:5-4:12
                              seq @4:14-7:6
                                'sh' @5:7-5:11
                                '-c' @5:13-5:17
                                'sleep 180' @6:7-6:18
                            env @8:5-8:8
                              map @8:10-10:4
                                a @9:7-9:8
                                  b @9:10-9:11
                  after @11:1-11:6
                    x @11:8-11:9
            "#]],
        );
        let documents = parse_stream(text).expect("go-yaml reads it");
        let after = &documents[0].root.as_mapping().expect("a mapping")[1].value;
        let offset = after.span.start.offset_chars;
        assert_eq!(text.chars().nth(offset), Some('x'));
        // A closer that is not alone at its line's start stays an error.
        check(
            "a:\n  b: [\n  c]\n",
            expect![[r#"
                error 3:3: invalid indentation
            "#]],
        );
    }

    #[test]
    fn tab_indentation_is_a_syntax_error() {
        check(
            "spec:\n\tcontainers: []\n",
            expect![[r#"
                error 2:2: tabs disallowed within this context (block indentation)
            "#]],
        );
    }

    #[test]
    fn merge_keys_join_the_mapping_and_explicit_keys_win() {
        check(
            "base: &b {a: 1, b: 2}\nmine:\n  <<: *b\n  b: 3\nmany:\n  <<: [{x: 1}, {x: 2, y: 2}]\n",
            expect![[r#"
                ---
                map @1:1-7:1
                  base @1:1-1:5
                    map @1:7-1:22
                      a @1:11-1:12
                        1 @1:14-1:15
                      b @1:17-1:18
                        2 @1:20-1:21
                  mine @2:1-2:5
                    map @3:3-5:1
                      a @1:11-1:12
                        1 @1:14-1:15
                      b @4:3-4:4
                        3 @4:6-4:7
                  many @5:1-5:5
                    map @6:3-7:1
                      x @6:9-6:10
                        1 @6:12-6:13
                      y @6:23-6:24
                        2 @6:26-6:27
            "#]],
        );
    }

    #[test]
    fn aliases_expand_and_point_at_their_use() {
        check(
            "a: &x [1]\nb: *x\n",
            expect![[r#"
                ---
                map @1:1-3:1
                  a @1:1-1:2
                    seq @1:4-1:10
                      1 @1:8-1:9
                  b @2:1-2:2
                    seq @2:4-2:6
                      1 @1:8-1:9
            "#]],
        );
    }

    #[test]
    fn alias_bombs_are_stopped() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for level in 1..10 {
            let previous = format!("*a{}", level - 1);
            let items = [previous.as_str(); 10].join(", ");
            text.push_str(&format!("a{level}: &a{level} [{items}]\n"));
        }
        check(
            &text,
            expect![[r#"
                error 5:58: with its anchors and aliases, the YAML would build more than 200000 nodes (counting 64 bytes of text as a node)
            "#]],
        );
    }

    #[test]
    fn aliases_cannot_nest_deeper_than_collections_may() {
        // Each anchor holds the one before it under 40 more levels: without a bound on what a
        // copy adds, 80 anchors would build a tree 3,200 levels deep within the node budget.
        let mut text = String::from("- &a0 [x]\n");
        for level in 1..80 {
            text.push_str(&format!(
                "- &a{level} {}*a{}{}\n",
                "[".repeat(40),
                level - 1,
                "]".repeat(40)
            ));
        }
        check(
            &text,
            expect![[r#"
                error 3:47: the YAML nests more than 64 levels deep
            "#]],
        );
    }

    #[test]
    fn nested_anchors_are_stopped() {
        // Each anchor keeps a copy of everything inside it: 60 levels around a 5,000-item list.
        let mut text = String::new();
        for level in 0..60 {
            text.push_str(&format!("&a{level} ["));
        }
        text.push_str(&vec!["x"; 5_000].join(","));
        text.push_str(&"]".repeat(60));
        check(
            &text,
            expect![[r#"
                error 1:10388: with its anchors and aliases, the YAML would build more than 200000 nodes (counting 64 bytes of text as a node)
            "#]],
        );
    }

    #[test]
    fn deep_block_nesting_is_stopped() {
        let mut text = String::new();
        for depth in 0..100 {
            text.push_str(&format!("{}k{depth}:\n", " ".repeat(depth)));
        }
        check(
            &text,
            expect![[r#"
                error 65:65: the YAML nests more than 64 levels deep
            "#]],
        );
    }

    #[test]
    fn deep_flow_nesting_is_stopped() {
        let text = "[".repeat(100_000);
        check(
            &text,
            expect![[r#"
                error 1:256: the YAML nests more than 64 levels deep
            "#]],
        );
    }

    #[test]
    fn oversized_input_is_refused_before_parsing() {
        let limits = Limits {
            max_input_bytes: 4,
            ..Limits::DEFAULT
        };
        check_with(
            "a: 12345",
            limits,
            expect![[r#"
                error 1:1: the manifest is too large: the playground accepts at most 4 bytes
            "#]],
        );
    }
}
