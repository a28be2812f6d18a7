//! go-yaml v2's writer, as `sigs.k8s.io/yaml` prints an object's JSON encoding: keys sorted by
//! go-yaml's natural order, sequences inside mappings not indented, strings quoted only when
//! plain text would read back as something else, long lines folded at spaces after column 80,
//! and multi-line strings as literal blocks.

use std::cmp::Ordering;

use crate::api::encode::Tree;
use crate::api::v1::Pod;
use crate::api::yaml::{Resolved, Scalar};

/// go-yaml's preferred line width: a plain or quoted scalar is folded at the first space past it.
const BEST_WIDTH: usize = 80;

/// The YAML of `pod`, status included, as `kubectl get pod NAME -o yaml` prints it.
pub fn pod_yaml(pod: &Pod) -> String {
    to_yaml(&crate::api::encode::pod(pod))
}

/// `tree` as go-yaml v2 writes it.
pub fn to_yaml(tree: &Tree) -> String {
    let mut out = Writer::default();
    match tree {
        Tree::Map(entries) if !entries.is_empty() => out.map(entries, 0),
        Tree::List(items) if !items.is_empty() => out.list(items, 0),
        scalar => {
            out.value_after_indicator(scalar, 0);
            out.newline();
        }
    }
    out.text
}

#[derive(Default)]
struct Writer {
    text: String,
    /// Characters on the current line.
    column: usize,
}

impl Writer {
    fn push(&mut self, text: &str) {
        for c in text.chars() {
            self.text.push(c);
            if c == '\n' {
                self.column = 0;
            } else {
                self.column += 1;
            }
        }
    }

    fn newline(&mut self) {
        self.push("\n");
    }

    fn indent_to(&mut self, indent: usize) {
        if self.column > 0 {
            self.newline();
        }
        self.push(&" ".repeat(indent));
    }

    /// A block mapping whose keys sit at `indent`; the first key stays on the current line when
    /// it is already at that column (after `- `).
    fn map(&mut self, entries: &[(String, Tree)], indent: usize) {
        let mut sorted: Vec<&(String, Tree)> = entries.iter().collect();
        crate::base::sorting::sort_by(&mut sorted, |(a, _), (b, _)| key_order(a, b));
        for (key, value) in sorted {
            if self.column != indent {
                self.indent_to(indent);
            }
            let key_text = scalar_text(key, Requested::for_string(key), true);
            self.push(&key_text);
            self.push(":");
            match value {
                Tree::Map(entries) if !entries.is_empty() => {
                    self.newline();
                    self.map(entries, indent + 2);
                }
                // go-yaml does not indent a sequence inside a mapping.
                Tree::List(items) if !items.is_empty() => {
                    self.newline();
                    self.list(items, indent);
                }
                scalar => {
                    self.push(" ");
                    self.value_after_indicator(scalar, indent + 2);
                    self.newline();
                }
            }
        }
    }

    /// A block sequence whose dashes sit at `indent`.
    fn list(&mut self, items: &[Tree], indent: usize) {
        for item in items {
            if self.column != indent {
                self.indent_to(indent);
            }
            self.push("- ");
            match item {
                Tree::Map(entries) if !entries.is_empty() => self.map(entries, indent + 2),
                Tree::List(items) if !items.is_empty() => self.list(items, indent + 2),
                scalar => {
                    self.value_after_indicator(scalar, indent + 2);
                    self.newline();
                }
            }
        }
    }

    /// A scalar (or an empty collection) after `key: ` or `- `; continuation lines at `indent`.
    fn value_after_indicator(&mut self, value: &Tree, indent: usize) {
        match value {
            Tree::Null => self.push("null"),
            Tree::Bool(value) => self.push(if *value { "true" } else { "false" }),
            Tree::Int(value) => self.push(&value.to_string()),
            Tree::Float(text) => self.push(text),
            Tree::Map(_) => self.push("{}"),
            Tree::List(_) => self.push("[]"),
            Tree::Str(text) => self.string(text, indent),
        }
    }

    fn string(&mut self, text: &str, indent: usize) {
        let analysis = Analysis::of(text);
        match analysis.style(Requested::for_string(text), false) {
            Style::Plain => self.folded(text, indent, Quote::None),
            Style::SingleQuoted => {
                self.push("'");
                self.folded(text, indent, Quote::Single);
                self.push("'");
            }
            Style::DoubleQuoted => {
                self.push("\"");
                self.folded(text, indent, Quote::Double);
                self.push("\"");
            }
            Style::Literal => self.literal(text, indent),
        }
    }

    /// Writes `text`, folding at a space once the line is past [`BEST_WIDTH`].
    fn folded(&mut self, text: &str, indent: usize, quote: Quote) {
        let chars: Vec<char> = text.chars().collect();
        let mut spaces = false;
        for (index, &c) in chars.iter().enumerate() {
            if c == ' ' {
                let next_is_space = chars.get(index + 1) == Some(&' ');
                let may_fold = match quote {
                    Quote::None => !next_is_space,
                    Quote::Single => index > 0 && index + 1 < chars.len() && !next_is_space,
                    Quote::Double => index > 0 && index + 1 < chars.len(),
                };
                if !spaces && self.column > BEST_WIDTH && may_fold {
                    self.newline();
                    self.push(&" ".repeat(indent));
                    if quote == Quote::Double && next_is_space {
                        self.push("\\");
                    }
                } else {
                    self.push(" ");
                }
                spaces = true;
                continue;
            }
            spaces = false;
            match quote {
                Quote::Single if c == '\'' => self.push("''"),
                Quote::Double => self.push(&double_escape(c)),
                _ => self.text_char(c),
            }
        }
    }

    fn text_char(&mut self, c: char) {
        let mut buffer = [0u8; 4];
        self.push(c.encode_utf8(&mut buffer));
    }

    /// A literal block (`|`), its lines at `indent`.
    fn literal(&mut self, text: &str, indent: usize) {
        self.push("|");
        if text.starts_with([' ', '\n']) {
            self.push("2");
        }
        let chomp = if !text.ends_with('\n') {
            "-"
        } else if text == "\n" || text.ends_with("\n\n") {
            "+"
        } else {
            ""
        };
        self.push(chomp);
        let body = text.strip_suffix('\n').unwrap_or(text);
        for line in body.split('\n') {
            self.newline();
            if !line.is_empty() {
                self.push(&" ".repeat(indent));
                self.push(line);
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Quote {
    None,
    Single,
    Double,
}

/// The style go-yaml's encoder asks for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Requested {
    Plain,
    DoubleQuoted,
    Literal,
}

impl Requested {
    /// Multi-line text as a literal block; text that would read back as another type (a number,
    /// a boolean, null, a timestamp) double-quoted; the rest plain.
    fn for_string(text: &str) -> Requested {
        if text.contains('\n') {
            Requested::Literal
        } else if reads_as_other_type(text) {
            Requested::DoubleQuoted
        } else {
            Requested::Plain
        }
    }
}

/// The style the emitter settles on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
}

/// go-yaml's `yaml_emitter_analyze_scalar`: which styles can carry the text.
struct Analysis {
    empty: bool,
    multiline: bool,
    block_plain_allowed: bool,
    single_quoted_allowed: bool,
    block_allowed: bool,
}

impl Analysis {
    fn of(text: &str) -> Analysis {
        let chars: Vec<char> = text.chars().collect();
        if chars.is_empty() {
            return Analysis {
                empty: true,
                multiline: false,
                block_plain_allowed: false,
                single_quoted_allowed: true,
                block_allowed: false,
            };
        }
        let mut block_indicators = text.starts_with("---") || text.starts_with("...");
        let (mut leading_space, mut leading_break) = (false, false);
        let (mut trailing_space, mut trailing_break) = (false, false);
        let (mut break_space, mut space_break) = (false, false);
        let (mut previous_space, mut previous_break) = (false, false);
        let mut line_breaks = false;
        let mut special = false;
        let mut preceded_by_whitespace = true;
        for (index, &c) in chars.iter().enumerate() {
            let next = chars.get(index + 1).copied();
            let followed_by_whitespace = next.is_none_or(|n| matches!(n, ' ' | '\t' | '\n' | '\r'));
            if index == 0 {
                match c {
                    '#' | ',' | '[' | ']' | '{' | '}' | '&' | '*' | '!' | '|' | '>' | '\''
                    | '"' | '%' | '@' | '`' => block_indicators = true,
                    '?' | ':' | '-' if followed_by_whitespace => block_indicators = true,
                    _ => {}
                }
            } else {
                match c {
                    ':' if followed_by_whitespace => block_indicators = true,
                    '#' if preceded_by_whitespace => block_indicators = true,
                    _ => {}
                }
            }
            if !printable(c) || c == '\u{feff}' {
                special = true;
            }
            let last = index + 1 == chars.len();
            if c == ' ' {
                leading_space |= index == 0;
                trailing_space |= last;
                break_space |= previous_break;
                previous_space = true;
                previous_break = false;
            } else if c == '\n' {
                line_breaks = true;
                leading_break |= index == 0;
                trailing_break |= last;
                space_break |= previous_space;
                previous_space = false;
                previous_break = true;
            } else {
                previous_space = false;
                previous_break = false;
            }
            preceded_by_whitespace = matches!(c, ' ' | '\t' | '\n' | '\r');
        }
        let mut block_plain_allowed = true;
        let mut single_quoted_allowed = true;
        let mut block_allowed = true;
        if leading_space || leading_break || trailing_space || trailing_break {
            block_plain_allowed = false;
        }
        if trailing_space {
            block_allowed = false;
        }
        if break_space {
            block_plain_allowed = false;
            single_quoted_allowed = false;
        }
        if space_break || special {
            block_plain_allowed = false;
            single_quoted_allowed = false;
            block_allowed = false;
        }
        if line_breaks || block_indicators {
            block_plain_allowed = false;
        }
        Analysis {
            empty: false,
            multiline: line_breaks,
            block_plain_allowed,
            single_quoted_allowed,
            block_allowed,
        }
    }

    /// go-yaml's `yaml_emitter_select_scalar_style` in block context.
    fn style(&self, requested: Requested, simple_key: bool) -> Style {
        let mut style = match requested {
            Requested::Plain => Style::Plain,
            Requested::DoubleQuoted => Style::DoubleQuoted,
            Requested::Literal => Style::Literal,
        };
        if style == Style::Plain
            && (!self.block_plain_allowed
                || (self.empty && simple_key)
                || (simple_key && self.multiline))
        {
            style = Style::SingleQuoted;
        }
        if style == Style::SingleQuoted
            && (!self.single_quoted_allowed || (simple_key && self.multiline))
        {
            style = Style::DoubleQuoted;
        }
        if style == Style::Literal && (!self.block_allowed || simple_key) {
            style = Style::DoubleQuoted;
        }
        style
    }
}

/// A mapping key's text (keys are never folded).
fn scalar_text(text: &str, requested: Requested, simple_key: bool) -> String {
    match Analysis::of(text).style(requested, simple_key) {
        Style::Plain => text.to_owned(),
        Style::SingleQuoted => format!("'{}'", text.replace('\'', "''")),
        _ => format!(
            "\"{}\"",
            text.chars().map(double_escape).collect::<String>()
        ),
    }
}

/// go-yaml's printable set (with unicode output on).
fn printable(c: char) -> bool {
    matches!(c, '\n' | '\u{20}'..='\u{7e}' | '\u{85}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
        && c != '\u{feff}'
}

/// One character inside double quotes.
fn double_escape(c: char) -> String {
    match c {
        '\0' => "\\0".to_owned(),
        '\u{7}' => "\\a".to_owned(),
        '\u{8}' => "\\b".to_owned(),
        '\t' => "\\t".to_owned(),
        '\n' => "\\n".to_owned(),
        '\u{b}' => "\\v".to_owned(),
        '\u{c}' => "\\f".to_owned(),
        '\r' => "\\r".to_owned(),
        '\u{1b}' => "\\e".to_owned(),
        '"' => "\\\"".to_owned(),
        '\\' => "\\\\".to_owned(),
        '\u{85}' => "\\N".to_owned(),
        '\u{a0}' => "\\_".to_owned(),
        '\u{2028}' => "\\L".to_owned(),
        '\u{2029}' => "\\P".to_owned(),
        c if !printable(c) || c == '\u{feff}' => {
            let code = u32::from(c);
            if code <= 0xff {
                format!("\\x{code:02X}")
            } else if code <= 0xffff {
                format!("\\u{code:04X}")
            } else {
                format!("\\U{code:08X}")
            }
        }
        c => c.to_string(),
    }
}

/// Whether go-yaml v2 would read `text`, written plain, as something other than a string: null,
/// a boolean, a number, a timestamp, a merge key, or a base-60 float such as `1:20`.
fn reads_as_other_type(text: &str) -> bool {
    let scalar = Scalar {
        text: text.to_owned(),
        plain: true,
    };
    if scalar.resolve() != Resolved::Str || text == "<<" {
        return true;
    }
    looks_like_timestamp(text) || looks_like_base60(text)
}

/// `2006-1-2`, optionally followed by a time: go-yaml's timestamp formats.
fn looks_like_timestamp(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |from: usize, min: usize, max: usize| -> Option<usize> {
        let count = bytes[from.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        (min..=max).contains(&count).then_some(from + count)
    };
    let Some(at) = digits(0, 4, 4) else {
        return false;
    };
    if bytes.get(at) != Some(&b'-') {
        return false;
    }
    let Some(at) = digits(at + 1, 1, 2) else {
        return false;
    };
    if bytes.get(at) != Some(&b'-') {
        return false;
    }
    let Some(at) = digits(at + 1, 1, 2) else {
        return false;
    };
    at == bytes.len() || matches!(bytes.get(at), Some(b'T' | b't' | b' '))
}

/// `[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?`: YAML 1.1's sexagesimal numbers.
fn looks_like_base60(text: &str) -> bool {
    let text = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let mut parts = whole.split(':');
    let first = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    !rest.is_empty()
        && first.starts_with(|c: char| c.is_ascii_digit())
        && first.chars().all(|c| c.is_ascii_digit() || c == '_')
        && rest.iter().all(|part| {
            matches!(part.len(), 1 | 2)
                && part.chars().all(|c| c.is_ascii_digit())
                && (part.len() == 1 || part.as_bytes()[0] <= b'5')
        })
        && fraction.chars().all(|c| c.is_ascii_digit() || c == '_')
}

/// go-yaml v2's key order (`keyList.Less`): letters compare as characters, a non-letter sorts
/// before a letter, and runs of digits compare as numbers.
pub(crate) fn key_order(a: &str, b: &str) -> Ordering {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    for index in 0..a.len().min(b.len()) {
        let (x, y) = (a[index], b[index]);
        if x == y {
            continue;
        }
        let (x_letter, y_letter) = (x.is_alphabetic(), y.is_alphabetic());
        if x_letter && y_letter {
            return x.cmp(&y);
        }
        if x_letter || y_letter {
            return if y_letter {
                Ordering::Less
            } else {
                Ordering::Greater
            };
        }
        // A run of digits after a non-zero digit counts from 1, as go-yaml does.
        let after_nonzero = (x == '0' || y == '0')
            && a[..index]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .any(|c| *c != '0');
        let number = |chars: &[char]| -> (i128, usize) {
            let mut value: i128 = i128::from(after_nonzero);
            let mut end = index;
            while end < chars.len() && chars[end].is_ascii_digit() {
                value = value
                    .saturating_mul(10)
                    .saturating_add(i128::from(chars[end] as u8 - b'0'));
                end += 1;
            }
            (value, end)
        };
        let ((x_number, x_end), (y_number, y_end)) = (number(&a), number(&b));
        if x_number != y_number {
            return x_number.cmp(&y_number);
        }
        if x_end != y_end {
            return x_end.cmp(&y_end);
        }
        return x.cmp(&y);
    }
    a.len().cmp(&b.len())
}
