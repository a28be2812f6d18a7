//! Copy-paste damage: tabs, typographic quotes, non-breaking spaces, binary junk and lost
//! indentation. Each gets a message that says what happened and how to fix it.

use crate::api::decode::{FieldInfo, Shape};
use crate::api::diagnostic::{Diagnostic, DiagnosticKind, Severity};
use crate::api::yaml::{Entry, Node, Value};
use crate::base::span::{Position, Span};

/// Typographic quotes that word processors and blogs put in place of `"` and `'`.
const SMART_QUOTES: &[char] = &[
    '\u{201C}', '\u{201D}', '\u{2018}', '\u{2019}', '\u{201E}', '\u{00AB}', '\u{00BB}',
];

/// How many earlier entries of a mapping the indentation hints look through.
const LOOK_BACK: usize = 64;

/// The first character that makes the text binary rather than YAML, if any: NUL and other
/// control characters than tab, newline and carriage return.
pub fn find_binary(text: &str) -> Option<Diagnostic> {
    let mut line = 1u32;
    let mut column = 1u32;
    for (offset_chars, c) in text.chars().enumerate() {
        let control = (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{85}'))
            || matches!(c, '\u{FFFE}' | '\u{FFFF}');
        if control {
            let at = Position {
                line,
                column,
                offset_chars,
            };
            return Some(Diagnostic::error(
                DiagnosticKind::NotText {
                    found: format!(
                        "a control character (U+{:04X}) at line {line}, column {column}",
                        c as u32
                    ),
                },
                "",
                Span::point(at),
            ));
        }
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    None
}

/// Adds a plain-words explanation and a fix to a YAML syntax error, from what is on the lines
/// around it.
pub fn explain_syntax_error(text: &str, diagnostic: Diagnostic) -> Diagnostic {
    let DiagnosticKind::Syntax(reason) = &diagnostic.kind else {
        return diagnostic;
    };
    let line_number = diagnostic.span.start.line as usize;
    let lines: Vec<&str> = text.lines().collect();
    let nearby = |offset: usize| lines.get(line_number.saturating_sub(1 + offset)).copied();
    let candidates = [nearby(0), nearby(1)];
    for (index, line) in candidates.iter().enumerate() {
        let Some(line) = line else { continue };
        let number = line_number - index;
        let indent: String = line.chars().take_while(|c| c.is_whitespace()).collect();
        if let Some(column) = indent.chars().position(|c| c == '\t') {
            // The tab itself, where the editor shows its arrow.
            let mut at_tab = diagnostic.clone();
            at_tab.span = Span::point(position_in(text, number, column + 1));
            return relocated(
                at_tab,
                text,
                number,
                format!(
                    "Line {number} is indented with a tab; YAML allows only spaces for indentation"
                ),
                "replace each tab at the start of the line with spaces (two per level is usual)",
            );
        }
        if indent.contains('\u{A0}') {
            return relocated(
                diagnostic.clone(),
                text,
                number,
                format!(
                    "Line {number} is indented with non-breaking spaces (copied from a web page); YAML needs plain spaces"
                ),
                "retype the indentation of the line with ordinary spaces",
            );
        }
        if line.contains(SMART_QUOTES) {
            return relocated(
                diagnostic.clone(),
                text,
                number,
                format!(
                    "Line {number} has typographic quotes (“ ” ‘ ’), which YAML does not treat as quotes"
                ),
                "replace them with straight quotes: \" or '",
            );
        }
    }
    let (plain, hint) = if lost_all_indentation(text) {
        (
            "Every line starts at the left margin: the copy lost the indentation",
            "YAML needs it: indent the fields of `metadata:` and `spec:` two spaces under them, and each list item's fields in line with the text after its \"- \"",
        )
    } else if reason.contains("mapping values are not allowed")
        || reason.contains("did not find expected key")
        || reason.contains("block")
    {
        (
            "The indentation is probably broken here",
            "keys of one object must start in the same column, and a list item's fields must line up after its \"- \"",
        )
    } else if reason.contains("could not find expected ':'") {
        (
            "A line here is neither a key: value pair nor a list item",
            "if it is prose copied along with the YAML, delete it or make it a # comment",
        )
    } else {
        (
            "The text is not valid YAML here",
            "check this line and the one above it for unbalanced quotes or brackets and for indentation",
        )
    };
    Diagnostic {
        kind: DiagnosticKind::SyntaxExplained {
            plain: plain.to_owned(),
            parser: reason.clone(),
        },
        ..diagnostic
    }
    .with_hint(hint)
}

/// True when a text of several lines, with keys that open nested blocks, has no indented line:
/// typical of a paste from a page that dropped leading spaces.
fn lost_all_indentation(text: &str) -> bool {
    let lines: Vec<&str> = text
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
        .collect();
    let opens_block = lines.iter().any(|line| line.trim_end().ends_with(':'));
    lines.len() >= 4 && opens_block && lines.iter().all(|line| !line.starts_with([' ', '\t']))
}

/// The position of `line` and `column` (from 1, in characters) in `text`.
fn position_in(text: &str, line: usize, column: usize) -> Position {
    let before: usize = text
        .split('\n')
        .take(line.saturating_sub(1))
        .map(|line| line.chars().count() + 1)
        .sum();
    Position {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        column: u32::try_from(column).unwrap_or(u32::MAX),
        offset_chars: before + column.saturating_sub(1),
    }
}

fn relocated(
    diagnostic: Diagnostic,
    text: &str,
    line: usize,
    message: String,
    hint: &str,
) -> Diagnostic {
    let parser = match &diagnostic.kind {
        DiagnosticKind::Syntax(reason) => reason.clone(),
        other => format!("{other:?}"),
    };
    let mut out = Diagnostic::error(
        DiagnosticKind::SyntaxExplained {
            plain: message,
            parser,
        },
        "",
        diagnostic.span,
    );
    if line != diagnostic.span.start.line as usize {
        out.span = Span::point(position_in(text, line, 1));
    }
    out.with_hint(hint)
}

/// A hint for a key that holds non-breaking or other unusual spaces, as copied from web pages.
pub fn odd_spaces_hint(key: &str) -> Option<String> {
    key.chars()
        .any(|c| c.is_whitespace() && c != ' ' && c != '\t')
        .then(|| {
            "the key contains non-breaking spaces copied from a web page, so YAML reads them as part of the name: retype the indentation with ordinary spaces".to_owned()
        })
}

/// Warnings for scalars that begin with a typographic quote: YAML takes the quote as part of the
/// value, so `command: [“sh”]` runs a program called `“sh”`.
pub fn smart_quote_warnings(root: &Node, out: &mut Vec<Diagnostic>) {
    let mut pending = vec![root];
    let mut visited = 0usize;
    while let Some(node) = pending.pop() {
        visited += 1;
        if visited > 1_000_000 {
            break;
        }
        match &node.value {
            Value::Scalar(scalar) if scalar.plain && scalar.text.starts_with(SMART_QUOTES) => {
                let mut diagnostic = Diagnostic::error(
                    DiagnosticKind::Syntax(format!(
                        "the value {} starts with a typographic quote, so the quote becomes part of the value",
                        scalar.text
                    )),
                    "",
                    node.span,
                );
                diagnostic.severity = Severity::Warning;
                out.push(diagnostic.with_hint("replace “ ” ‘ ’ with straight quotes: \" or '"));
            }
            Value::Sequence(items) => pending.extend(items),
            Value::Mapping(entries) => pending.extend(entries.iter().map(|entry| &entry.value)),
            _ => {}
        }
    }
}

/// A hint for an unknown field that is really a field of an object above it whose indentation was
/// lost in a paste: `image:` under a list item, or `name:` under an empty `metadata:`.
pub fn misplaced_field_hint(
    entries: &[Entry],
    index: usize,
    known: &[FieldInfo],
) -> Option<String> {
    let unknown = entries.get(index)?;
    let key = unknown.key.as_scalar()?;
    // Look back a bounded number of entries: the object above is never far.
    for earlier in entries[..index].iter().rev().take(LOOK_BACK) {
        let earlier_key = earlier.key.as_scalar().unwrap_or_default();
        let Some(shape) = shape_of(earlier_key, entries, index, known) else {
            continue;
        };
        let line = earlier.key.span.start.line;
        match (&earlier.value.value, shape) {
            (_, Shape::Object(fields)) if earlier.value.is_null() && has_field(fields, key) => {
                return Some(format!(
                    "`{key}` belongs under `{earlier_key}:` (line {line}), which is empty: indent `{key}` and the lines that go with it two spaces deeper than `{earlier_key}`"
                ));
            }
            (_, Shape::Map) if earlier.value.is_null() => {
                return Some(format!(
                    "`{key}` looks like an entry of `{earlier_key}:` (line {line}), which is empty: indent it two spaces deeper than `{earlier_key}`"
                ));
            }
            (Value::Sequence(items), Shape::List(item_shape)) => {
                let Shape::Object(fields) = item_shape() else {
                    continue;
                };
                let Some(last) = items.last() else { continue };
                if has_field(fields, key) {
                    let (first_key, column) = last
                        .as_mapping()
                        .and_then(|entries| entries.first())
                        .map(|entry| {
                            (
                                entry.key.as_scalar().unwrap_or_default().to_owned(),
                                entry.key.span.start.column,
                            )
                        })
                        .unwrap_or_default();
                    return Some(format!(
                        "`{key}` is a field of the `{earlier_key}` item that starts at line {}: indent it to column {column}, in line with `{first_key}`",
                        last.span.start.line
                    ));
                }
            }
            _ => {}
        }
    }
    None
}

fn has_field(fields: &[FieldInfo], name: &str) -> bool {
    fields.iter().any(|field| field.name == name)
}

/// The shape of an earlier key: a field of this object, or a field of an empty object above it
/// (`containers:` written flush left under an empty `spec:`).
fn shape_of(key: &str, entries: &[Entry], before: usize, known: &[FieldInfo]) -> Option<Shape> {
    if let Some(field) = known.iter().find(|field| field.name == key) {
        return Some((field.shape)());
    }
    for entry in entries[..before].iter().rev().take(LOOK_BACK) {
        let Some(field) = known
            .iter()
            .find(|field| Some(field.name) == entry.key.as_scalar())
        else {
            continue;
        };
        if let (true, Shape::Object(fields)) = (entry.value.is_null(), (field.shape)())
            && let Some(inner) = fields.iter().find(|inner| inner.name == key)
        {
            return Some((inner.shape)());
        }
    }
    None
}
