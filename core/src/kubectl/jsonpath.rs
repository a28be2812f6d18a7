//! kubectl's JSONPath templates (`k8s.io/client-go/util/jsonpath`), as `kubectl get -o
//! jsonpath=…` and `-o custom-columns=…` use them: fields (`.a.b`, `['a.b']`), indices and
//! slices (`[0]`, `[-1]`, `[1:3]`, `[*]`), recursive descent (`..name`), filters
//! (`[?(@.name=="app")]`, `[?(@.ready)]`), `{range …}…{end}` and string literals (`{"\n"}`).
//! As kubectl sets it, a missing key prints nothing rather than failing.

use crate::base::json::{Json, write_go_string};
use crate::kubectl::get::table;

/// The most nodes a template may have, and the most values an expression may reach: a template
/// is user input.
const MAX_NODES: usize = 256;
const MAX_VALUES: usize = 100_000;
/// The deepest filters may nest (`[?(@.a[?(@.b)])]`): a template is user input, and each level
/// is a level of recursion.
const MAX_DEPTH: usize = 32;

/// One step of a path.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    /// `.name` or `['name']`; `*` for every child.
    Field(String),
    /// `..name`: the field at any depth.
    Recursive(String),
    /// `[start:end:step]`, any part open; `[n]` is `[n:n+1]`.
    Slice(Option<i64>, Option<i64>, Option<i64>, bool),
    /// `[?(@.path OP literal)]`, or `[?(@.path)]` without an operator.
    Filter(Vec<Step>, Option<(String, Json)>),
}

/// One node of a template.
#[derive(Clone, Debug, PartialEq)]
enum Node {
    Text(String),
    Path(Vec<Step>),
    Range(Vec<Step>, Vec<Node>),
}

/// Runs `template` against `root`: what `kubectl get -o jsonpath=TEMPLATE` prints.
pub fn render(template: &str, root: &Json) -> Result<String, String> {
    let nodes = parse_template(template)
        .map_err(|error| format!("error: error parsing jsonpath {template}, {error}"))?;
    let mut out = String::new();
    run(&nodes, root, &mut out).map_err(|error| {
        format!("error: error executing jsonpath {template:?}: Error executing template: {error}")
    })?;
    Ok(out)
}

/// `kubectl get -o custom-columns=SPEC` of `items`: a column per `HEADER:PATH`, `<none>` where a
/// path finds nothing.
pub fn custom_columns(spec: &str, items: &[Json]) -> Result<String, String> {
    let mut headers = Vec::new();
    let mut paths = Vec::new();
    for column in spec.split(',') {
        let Some((header, path)) = column.split_once(':') else {
            return Err(format!(
                "error: unexpected custom-columns spec: {column}, expected <header>:<json-path-expr>"
            ));
        };
        let path = if path.starts_with('{') {
            path.to_owned()
        } else {
            format!("{{{path}}}")
        };
        let nodes = parse_template(&path)
            .map_err(|error| format!("error: error parsing jsonpath {path}, {error}"))?;
        headers.push(header.to_owned());
        paths.push(nodes);
    }
    let mut rows = vec![headers];
    for item in items {
        rows.push(
            paths
                .iter()
                .map(|nodes| {
                    // A column that cannot be read (an index out of bounds) is empty.
                    let values: Vec<String> = match nodes.as_slice() {
                        [Node::Path(steps)] => evaluate(steps, item)
                            .unwrap_or_default()
                            .iter()
                            .map(|v| text(v))
                            .collect(),
                        _ => {
                            let mut out = String::new();
                            let _ = run(nodes, item, &mut out);
                            vec![out]
                        }
                    };
                    if values.is_empty() {
                        "<none>".to_owned()
                    } else {
                        values.join(",")
                    }
                })
                .collect(),
        );
    }
    Ok(table(&rows))
}

/// Prints `nodes` with `current` as `@`.
fn run(nodes: &[Node], current: &Json, out: &mut String) -> Result<(), String> {
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Path(steps) => {
                let values = evaluate(steps, current)?;
                let texts: Vec<String> = values.iter().map(|value| text(value)).collect();
                out.push_str(&texts.join(" "));
            }
            Node::Range(steps, body) => {
                for value in evaluate(steps, current)? {
                    // `range` over an array walks its items.
                    match value {
                        Json::Array(items) => {
                            for item in items {
                                run(body, item, out)?;
                            }
                        }
                        other => run(body, other, out)?,
                    }
                }
            }
        }
    }
    Ok(())
}

/// A value as jsonpath prints it: strings bare, anything else as compact JSON.
fn text(value: &Json) -> String {
    match value {
        Json::String(text) => text.clone(),
        other => {
            let mut out = String::new();
            write_json(&mut out, other);
            out
        }
    }
}

/// Compact JSON with sorted keys, as Go's `json.Marshal` of a map writes it.
fn write_json(out: &mut String, value: &Json) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        Json::Int(number) => out.push_str(&number.to_string()),
        Json::Float(number) => out.push_str(&crate::api::decode::go_json_number(*number)),
        Json::String(text) => write_go_string(out, text),
        Json::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_json(out, item);
            }
            out.push(']');
        }
        Json::Object(fields) => {
            out.push('{');
            for (index, (key, item)) in fields.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_go_string(out, key);
                out.push(':');
                write_json(out, item);
            }
            out.push('}');
        }
    }
}

/// The values `steps` reach from `root`.
fn evaluate<'a>(steps: &[Step], root: &'a Json) -> Result<Vec<&'a Json>, String> {
    let mut values = vec![root];
    for step in steps {
        let mut next = Vec::new();
        for value in values {
            apply(step, value, &mut next)?;
            if next.len() > MAX_VALUES {
                break;
            }
        }
        values = next;
    }
    Ok(values)
}

/// Adds what `step` reaches from `value` to `out`.
fn apply<'a>(step: &Step, value: &'a Json, out: &mut Vec<&'a Json>) -> Result<(), String> {
    match (step, value) {
        (Step::Field(name), Json::Object(fields)) if name == "*" => out.extend(fields.values()),
        (Step::Field(name), Json::Array(items)) if name == "*" => out.extend(items.iter()),
        (Step::Field(name), Json::Object(fields)) => out.extend(fields.get(name)),
        (Step::Recursive(name), _) => recurse(name, value, out),
        (Step::Slice(start, end, step, single), Json::Array(items)) => {
            slice(items, *start, *end, *step, *single, out)?;
        }
        (Step::Filter(path, test), Json::Array(items)) => {
            for item in items {
                if passes(path, test.as_ref(), item)? {
                    out.push(item);
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// Upstream's `evalArray`: `[start:end:step]` of `items`, negative indices from the end, and its
/// errors for indices out of bounds (which kubectl reports even with missing keys allowed).
fn slice<'a>(
    items: &'a [Json],
    start: Option<i64>,
    end: Option<i64>,
    step: Option<i64>,
    single: bool,
    out: &mut Vec<&'a Json>,
) -> Result<(), String> {
    let len = i64::try_from(items.len()).unwrap_or(i64::MAX);
    let mut from = start.unwrap_or(0);
    if from < 0 {
        from = from.saturating_add(len);
    }
    let mut to = match (end, single) {
        (_, true) => from.saturating_add(1),
        (Some(end), false) => end,
        (None, false) => len,
    };
    if !single && to < 0 {
        to = to.saturating_add(len);
    }
    if from == to {
        return Ok(());
    }
    if from >= len || from < 0 {
        return Err(format!(
            "array index out of bounds: index {from}, length {len}"
        ));
    }
    if to > len || to < 0 {
        return Err(format!(
            "array index out of bounds: index {}, length {len}",
            to.saturating_sub(1)
        ));
    }
    if from > to {
        return Err(format!(
            "starting index {from} is greater than ending index {to}"
        ));
    }
    let step = match step {
        Some(step) if step <= 0 => return Err("step must be > 0".to_owned()),
        Some(step) => usize::try_from(step).unwrap_or(usize::MAX),
        None => 1,
    };
    let (from, to) = (
        usize::try_from(from).unwrap_or(0),
        usize::try_from(to).unwrap_or(0),
    );
    out.extend(items[from..to].iter().step_by(step));
    Ok(())
}

/// `..name` from `value`: every field of that name at any depth, in document order.
fn recurse<'a>(name: &str, value: &'a Json, out: &mut Vec<&'a Json>) {
    if out.len() > MAX_VALUES {
        return;
    }
    match value {
        Json::Object(fields) => {
            if let Some(found) = fields.get(name) {
                out.push(found);
            }
            fields.values().for_each(|child| recurse(name, child, out));
        }
        Json::Array(items) => items.iter().for_each(|child| recurse(name, child, out)),
        _ => {}
    }
}

/// Whether `item` passes a filter.
fn passes(path: &[Step], test: Option<&(String, Json)>, item: &Json) -> Result<bool, String> {
    let found = evaluate(path, item)?;
    let Some((operator, literal)) = test else {
        return Ok(!found.is_empty());
    };
    Ok(found.iter().any(|value| {
        let order = compare(value, literal);
        match operator.as_str() {
            "==" => order == Some(std::cmp::Ordering::Equal),
            "!=" => order != Some(std::cmp::Ordering::Equal),
            "<" => order == Some(std::cmp::Ordering::Less),
            "<=" => matches!(
                order,
                Some(std::cmp::Ordering::Less | std::cmp::Ordering::Equal)
            ),
            ">" => order == Some(std::cmp::Ordering::Greater),
            ">=" => matches!(
                order,
                Some(std::cmp::Ordering::Greater | std::cmp::Ordering::Equal)
            ),
            _ => false,
        }
    }))
}

/// How a value compares with a filter's literal: numbers as numbers, anything else as text.
fn compare(value: &Json, literal: &Json) -> Option<std::cmp::Ordering> {
    let number = |json: &Json| match json {
        Json::Int(n) => Some(*n as f64),
        Json::Float(n) => Some(*n),
        _ => None,
    };
    match (number(value), number(literal)) {
        (Some(a), Some(b)) => a.partial_cmp(&b),
        _ => Some(text(value).cmp(&text(literal))),
    }
}

/// Reads a template into nodes.
fn parse_template(template: &str) -> Result<Vec<Node>, String> {
    let mut stack: Vec<(Option<Vec<Step>>, Vec<Node>)> = vec![(None, Vec::new())];
    let mut rest = template;
    let mut count = 0;
    while !rest.is_empty() {
        count += 1;
        if count > MAX_NODES {
            return Err(format!("a template has at most {MAX_NODES} parts"));
        }
        let Some(open) = rest.find('{') else {
            push(&mut stack, Node::Text(rest.to_owned()));
            break;
        };
        if open > 0 {
            push(&mut stack, Node::Text(rest[..open].to_owned()));
        }
        let inner_start = open + 1;
        let close =
            closing_brace(&rest[inner_start..]).ok_or_else(|| "unclosed action".to_owned())?;
        let inner = rest[inner_start..inner_start + close].trim();
        rest = &rest[inner_start + close + 1..];
        if let Some(path) = inner.strip_prefix("range ") {
            stack.push((Some(parse_path(path.trim(), 0)?), Vec::new()));
        } else if inner == "end" {
            let (Some(steps), body) = stack.pop().unwrap_or((None, Vec::new())) else {
                return Err("not in range, nothing to end".to_owned());
            };
            push(&mut stack, Node::Range(steps, body));
        } else if inner.starts_with('"') {
            push(&mut stack, Node::Text(string_literal(inner)?));
        } else {
            push(&mut stack, Node::Path(parse_path(inner, 0)?));
        }
    }
    match stack.pop() {
        Some((None, nodes)) if stack.is_empty() => Ok(nodes),
        _ => Err("unclosed range".to_owned()),
    }
}

/// Adds `node` to the innermost open body.
fn push(stack: &mut [(Option<Vec<Step>>, Vec<Node>)], node: Node) {
    if let Some((_, nodes)) = stack.last_mut() {
        nodes.push(node);
    }
}

/// Where the `}` that closes an action is, skipping quoted text.
fn closing_brace(text: &str) -> Option<usize> {
    let mut quote = None;
    let mut escaped = false;
    for (index, c) in text.char_indices() {
        match (quote, c) {
            (Some(_), '\\') if !escaped => {
                escaped = true;
                continue;
            }
            (Some(q), c) if c == q && !escaped => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '}') => return Some(index),
            _ => {}
        }
        escaped = false;
    }
    None
}

/// A `"…"` literal, with Go's escapes `\n`, `\t`, `\"` and `\\`.
fn string_literal(text: &str) -> Result<String, String> {
    let body = text
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
        .ok_or_else(|| format!("unterminated string {text}"))?;
    let mut out = String::new();
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    Ok(out)
}

/// Reads a path: `.a.b[0]`, `$.a`, `@.a`, `..a`, `a.b` (a leading dot is optional).
fn parse_path(path: &str, depth: usize) -> Result<Vec<Step>, String> {
    if depth > MAX_DEPTH {
        return Err(format!("filters nest more than {MAX_DEPTH} deep"));
    }
    let mut rest = path.trim_start_matches(['$', '@']);
    let mut steps = Vec::new();
    if !rest.is_empty() && !rest.starts_with(['.', '[']) {
        // kubectl accepts `{metadata.name}` as `{.metadata.name}`.
        return parse_path(&format!(".{rest}"), depth);
    }
    while !rest.is_empty() {
        if steps.len() > MAX_NODES {
            return Err(format!("a path has at most {MAX_NODES} steps"));
        }
        if let Some(after) = rest.strip_prefix("..") {
            let (name, end) = field_name(after);
            steps.push(Step::Recursive(name));
            rest = &after[end..];
        } else if let Some(after) = rest.strip_prefix('.') {
            let (name, end) = field_name(after);
            if end > 0 {
                steps.push(Step::Field(name));
            }
            rest = &after[end..];
        } else if rest.starts_with('[') {
            let close =
                closing_bracket(rest).ok_or_else(|| format!("unterminated array {rest}"))?;
            steps.push(bracket(&rest[1..close], depth)?);
            rest = &rest[close + 1..];
        } else {
            return Err(format!("unrecognized character in action: {rest}"));
        }
    }
    Ok(steps)
}

/// The field name at the start of `text` (up to an unescaped `.` or a `[`; `\.` is a dot in
/// the name, as in `kubernetes\.io/hostname`), and the bytes it takes.
fn field_name(text: &str) -> (String, usize) {
    let mut name = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        match c {
            '\\' if chars.peek().is_some_and(|(_, next)| *next == '.') => {
                name.push('.');
                chars.next();
            }
            '.' | '[' => return (name, index),
            other => name.push(other),
        }
    }
    (name, text.len())
}

/// Where the `]` that closes the bracket at the start of `text` is.
fn closing_bracket(text: &str) -> Option<usize> {
    let mut depth = 0;
    let mut quote = None;
    for (index, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[') => depth += 1,
            (None, ']') => {
                depth -= 1;
                if depth == 0 {
                    return Some(index);
                }
            }
            _ => {}
        }
    }
    None
}

/// The step of a bracket's inside: `'key'`, `*`, `n`, `a:b`, `?(…)`.
fn bracket(inside: &str, depth: usize) -> Result<Step, String> {
    let inside = inside.trim();
    if inside == "*" {
        return Ok(Step::Field("*".to_owned()));
    }
    if let Some(quoted) = inside
        .strip_prefix('\'')
        .and_then(|rest| rest.strip_suffix('\''))
        .or_else(|| {
            inside
                .strip_prefix('"')
                .and_then(|rest| rest.strip_suffix('"'))
        })
    {
        return Ok(Step::Field(quoted.to_owned()));
    }
    if let Some(filter) = inside
        .strip_prefix("?(")
        .and_then(|rest| rest.strip_suffix(')'))
    {
        return filter_step(filter.trim(), depth + 1);
    }
    let number = |text: &str| -> Result<Option<i64>, String> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        text.parse::<i64>()
            .map(Some)
            .map_err(|_| format!("invalid array index {text}"))
    };
    match inside.split_once(':') {
        Some((start, rest)) => {
            let (end, step) = rest.split_once(':').unwrap_or((rest, ""));
            Ok(Step::Slice(
                number(start)?,
                number(end)?,
                number(step)?,
                false,
            ))
        }
        None => Ok(Step::Slice(number(inside)?, None, None, true)),
    }
}

/// A filter: `@.path OP literal`, or `@.path` alone.
fn filter_step(filter: &str, depth: usize) -> Result<Step, String> {
    for operator in ["==", "!=", "<=", ">=", "<", ">"] {
        if let Some((left, right)) = filter.split_once(operator) {
            let path = parse_path(left.trim(), depth)?;
            let right = right.trim();
            let literal = if let Some(text) = right
                .strip_prefix('"')
                .and_then(|r| r.strip_suffix('"'))
                .or_else(|| right.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')))
            {
                Json::String(text.to_owned())
            } else if let Ok(number) = right.parse::<i64>() {
                Json::Int(number)
            } else if let Ok(number) = right.parse::<f64>() {
                Json::Float(number)
            } else {
                match right {
                    "true" => Json::Bool(true),
                    "false" => Json::Bool(false),
                    other => Json::String(other.to_owned()),
                }
            };
            return Ok(Step::Filter(path, Some((operator.to_owned(), literal))));
        }
    }
    Ok(Step::Filter(parse_path(filter, depth)?, None))
}

#[cfg(test)]
mod tests;
