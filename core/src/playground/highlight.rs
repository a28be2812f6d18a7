//! YAML syntax highlighting for the editor: each line cut into tokens by kind. It reads block
//! and flow style (KYAML) alike, keeps going over broken text (a paste is often broken), and
//! never fails: text it does not understand is plain.
//!
//! Tokens are byte ranges of their line, so the editor shows the user's text exactly.

use crate::api::diagnostic::{Diagnostic, Severity};

mod incremental;

pub use incremental::Highlighter;

/// What a token is, for its colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A mapping key.
    Key,
    /// A quoted string, or a line of a block scalar (`|`, `>`).
    String,
    /// A number, boolean or null.
    Literal,
    /// Any other unquoted value.
    Plain,
    /// A comment.
    Comment,
    /// Structure: `-`, `:`, `{`, `}`, `[`, `]`, `,`, `|`, `>`.
    Punct,
    /// An anchor (`&name`), an alias (`*name`) or a tag (`!!str`).
    Anchor,
    /// A document marker: `---` or `...`.
    Marker,
    /// A tab: YAML forbids it in indentation, and it looks like spaces; the editor shows it.
    Tab,
    /// A character that looks like a space or like nothing (a non-breaking space, a
    /// zero-width space, a byte-order mark): copy-paste damage the editor shows.
    Invisible,
}

impl TokenKind {
    /// The kind's name, usable as a CSS class.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Key => "key",
            TokenKind::String => "string",
            TokenKind::Literal => "literal",
            TokenKind::Plain => "plain",
            TokenKind::Comment => "comment",
            TokenKind::Punct => "punct",
            TokenKind::Anchor => "anchor",
            TokenKind::Marker => "marker",
            TokenKind::Tab => "tab",
            TokenKind::Invisible => "invisible",
        }
    }
}

/// One token: a byte range of its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// The first byte.
    pub start: usize,
    /// Just after the last byte.
    pub end: usize,
    /// What it is.
    pub kind: TokenKind,
}

/// The tokens of every line of `text` (split at `\n`); the spaces between tokens are not tokens.
pub fn highlight(text: &str) -> Vec<Vec<Token>> {
    let mut state = LineState::default();
    text.split('\n')
        .map(|line| highlight_line(line, &mut state))
        .collect()
}

/// What a line's tokens depend on besides its own text: whether it is inside a block scalar,
/// and how deep in flow style (`{`, `[`) it starts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LineState {
    /// The indentation of the key whose block scalar (`|`, `>`) the line may belong to.
    block: Option<usize>,
    /// How many `{` and `[` are open.
    flow_depth: usize,
}

/// The tokens of one line (without its `\n`), which starts in `state`; `state` becomes the
/// state the next line starts in.
pub fn highlight_line(line: &str, state: &mut LineState) -> Vec<Token> {
    let raw = line;
    let line = line.strip_suffix('\r').unwrap_or(line);
    let indent = line.len() - line.trim_start_matches(' ').len();
    // Inside a block scalar, every line indented deeper than its key is text.
    if let Some(parent) = state.block {
        if line.trim().is_empty() {
            return mark_invisible(raw, Vec::new());
        }
        if indent > parent {
            let text = vec![Token {
                start: indent,
                end: line.len(),
                kind: TokenKind::String,
            }];
            return mark_invisible(raw, text);
        }
        state.block = None;
    }
    let tokens = line_tokens(line, &mut state.flow_depth);
    if opens_block_scalar(line, &tokens) {
        state.block = Some(indent);
    }
    mark_invisible(raw, tokens)
}

/// The kind of a character that is there but does not show as itself.
fn invisible(c: char) -> Option<TokenKind> {
    match c {
        '\t' => Some(TokenKind::Tab),
        '\u{A0}'
        | '\u{2007}'
        | '\u{202F}'
        | '\u{200B}'
        | '\u{200C}'
        | '\u{200D}'
        | '\u{2060}'
        | '\u{FEFF}'
        | '\u{3000}'
        | '\u{2000}'..='\u{200A}' => Some(TokenKind::Invisible),
        _ => None,
    }
}

/// `tokens` with each tab and invisible character of `line` as a token of its own, cut out of
/// the token it was in.
fn mark_invisible(line: &str, tokens: Vec<Token>) -> Vec<Token> {
    let marks: Vec<Token> = line
        .char_indices()
        .filter_map(|(start, c)| {
            invisible(c).map(|kind| Token {
                start,
                end: start + c.len_utf8(),
                kind,
            })
        })
        .collect();
    if marks.is_empty() {
        return tokens;
    }
    let mut out = Vec::with_capacity(tokens.len() + marks.len() * 2);
    for token in tokens {
        let mut start = token.start;
        for mark in marks
            .iter()
            .filter(|m| m.start >= token.start && m.end <= token.end)
        {
            if mark.start > start {
                out.push(Token {
                    end: mark.start,
                    start,
                    ..token
                });
            }
            start = mark.end;
        }
        if start < token.end {
            out.push(Token { start, ..token });
        }
    }
    out.extend(marks);
    crate::base::sorting::sort_by_key(&mut out, |token| token.start);
    out
}

/// True when the line ends with a block scalar indicator (`|`, `>-`, `|2+`…).
fn opens_block_scalar(line: &str, tokens: &[Token]) -> bool {
    let last = tokens
        .iter()
        .rev()
        .find(|token| token.kind != TokenKind::Comment);
    last.is_some_and(|token| {
        token.kind == TokenKind::Punct && matches!(line.as_bytes()[token.start], b'|' | b'>')
    })
}

/// The tokens of one line; `flow_depth` carries `{`/`[` nesting across lines.
fn line_tokens(line: &str, flow_depth: &mut usize) -> Vec<Token> {
    let bytes = line.as_bytes();
    let mut tokens = Vec::new();
    let mut at = 0;
    if (line.starts_with("---") || line.starts_with("..."))
        && bytes.get(3).is_none_or(|b| b.is_ascii_whitespace())
    {
        tokens.push(Token {
            start: 0,
            end: 3,
            kind: TokenKind::Marker,
        });
        at = 3;
    }
    while at < bytes.len() {
        let byte = bytes[at];
        let next = bytes.get(at + 1).copied();
        let after_space = at == 0 || bytes[at - 1] == b' ' || bytes[at - 1] == b'\t';
        let (end, kind) = match byte {
            b' ' | b'\t' => {
                at += 1;
                continue;
            }
            b'#' if after_space => (bytes.len(), TokenKind::Comment),
            b'{' | b'[' => {
                *flow_depth = flow_depth.saturating_add(1);
                (at + 1, TokenKind::Punct)
            }
            b'}' | b']' => {
                *flow_depth = flow_depth.saturating_sub(1);
                (at + 1, TokenKind::Punct)
            }
            b',' if *flow_depth > 0 => (at + 1, TokenKind::Punct),
            b'-' | b':' | b'?' if next.is_none_or(|b| b == b' ' || b == b'\t') => {
                (at + 1, TokenKind::Punct)
            }
            b'|' | b'>' => {
                let end = at
                    + 1
                    + bytes[at + 1..]
                        .iter()
                        .take_while(|b| matches!(b, b'+' | b'-' | b'0'..=b'9'))
                        .count();
                (end, TokenKind::Punct)
            }
            b'&' | b'*' | b'!' => {
                let end = at
                    + 1
                    + bytes[at + 1..]
                        .iter()
                        .take_while(|b| !b.is_ascii_whitespace() && !b",{}[]".contains(b))
                        .count();
                (end, TokenKind::Anchor)
            }
            b'"' | b'\'' => {
                let end = quoted_end(bytes, at);
                (end, key_or(bytes, end, TokenKind::String))
            }
            _ => {
                let end = plain_end(bytes, at, *flow_depth > 0);
                let kind = key_or(bytes, end, literal_or_plain(&line[at..end]));
                (end, kind)
            }
        };
        // Every arm moves forward, so the loop ends.
        let end = end.max(at + 1).min(bytes.len());
        tokens.push(Token {
            start: at,
            end,
            kind,
        });
        at = end;
    }
    tokens
}

/// Just after the closing quote of the string starting at `start` (or the line's end).
fn quoted_end(bytes: &[u8], start: usize) -> usize {
    let quote = bytes[start];
    let mut at = start + 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' if quote == b'"' => at += 2,
            b'\'' if quote == b'\'' && bytes.get(at + 1) == Some(&b'\'') => at += 2,
            b if b == quote => return at + 1,
            _ => at += 1,
        }
    }
    bytes.len()
}

/// Just after the plain scalar starting at `start`: it ends before `: `, ` #`, the line's end,
/// and in flow style before `,`, `]` and `}`. Always on a character boundary, since every byte
/// it stops at is ASCII.
fn plain_end(bytes: &[u8], start: usize, in_flow: bool) -> usize {
    let mut at = start;
    while at < bytes.len() {
        let byte = bytes[at];
        let next = bytes.get(at + 1).copied();
        let stops = match byte {
            b':' => {
                next.is_none_or(|b| b == b' ' || b == b'\t' || (in_flow && b",]}".contains(&b)))
            }
            b'#' => at > start && matches!(bytes[at - 1], b' ' | b'\t'),
            b',' | b']' | b'}' => in_flow,
            _ => false,
        };
        if stops {
            break;
        }
        at += 1;
    }
    // Trailing spaces belong to no token.
    while at > start && matches!(bytes[at - 1], b' ' | b'\t') {
        at -= 1;
    }
    at
}

/// `Key` when a `:` follows the token (spaces allowed before it), else `kind`.
fn key_or(bytes: &[u8], end: usize, kind: TokenKind) -> TokenKind {
    let rest = &bytes[end..];
    let colon = rest.iter().position(|b| *b != b' ' && *b != b'\t');
    match colon {
        Some(index) if rest[index] == b':' => {
            let after = rest.get(index + 1).copied();
            if after.is_none_or(|b| b" \t,]}\"'".contains(&b)) {
                TokenKind::Key
            } else {
                kind
            }
        }
        _ => kind,
    }
}

/// `Literal` for YAML's numbers, booleans and nulls, else `Plain`.
fn literal_or_plain(text: &str) -> TokenKind {
    let lower = text.to_ascii_lowercase();
    let word = matches!(
        lower.as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "~" | ".inf" | "-.inf" | ".nan"
    );
    let number = !text.is_empty()
        && text
            .trim_start_matches(['-', '+'])
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_hexdigit() || matches!(c, '.' | '-' | '+' | 'x' | 'o' | '_'));
    if word || number {
        TokenKind::Literal
    } else {
        TokenKind::Plain
    }
}

/// A diagnostic's range on one line, for an underline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Underline {
    /// The line's index, from 0.
    pub line: usize,
    /// The first byte of the line underlined.
    pub start: usize,
    /// Just after the last byte underlined.
    pub end: usize,
    /// How serious it is.
    pub severity: Severity,
}

/// Where each diagnostic is underlined in `text`: from its start to its end on its first line
/// (to the line's end when it spans lines), and at least one character wide (the line's last
/// character for a position past its end). At most `limit` underlines, errors first.
pub fn underlines(text: &str, diagnostics: &[Diagnostic], limit: usize) -> Vec<Underline> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut sorted: Vec<&Diagnostic> = diagnostics.iter().collect();
    crate::base::sorting::sort_by_key(&mut sorted, |d| {
        (d.severity != Severity::Error, d.span.start.line)
    });
    sorted
        .into_iter()
        .filter_map(|diagnostic| {
            let span = diagnostic.span;
            let index = usize::try_from(span.start.line).ok()?.checked_sub(1)?;
            let line = lines.get(index)?.trim_end_matches('\r');
            let byte_at = |column: u32| {
                let chars = usize::try_from(column.saturating_sub(1)).unwrap_or(usize::MAX);
                line.char_indices()
                    .nth(chars)
                    .map_or(line.len(), |(at, _)| at)
            };
            let mut start = byte_at(span.start.column);
            let mut end = if span.end.line == span.start.line && span.end.column > span.start.column
            {
                byte_at(span.end.column)
            } else {
                line.len()
            };
            if start >= end {
                // A point: underline the character there, or the line's last one.
                start = line
                    .char_indices()
                    .map(|(at, _)| at)
                    .rfind(|at| *at <= start)
                    .unwrap_or(0);
                end = line[start..]
                    .chars()
                    .next()
                    .map_or(start, |c| start + c.len_utf8());
            }
            Some(Underline {
                line: index,
                start,
                end,
                severity: diagnostic.severity,
            })
        })
        .take(limit)
        .collect()
}

/// The offset of `line`:`column` (from 1, in characters) in `text` counted in UTF-16 code
/// units, as a browser's text field counts its selection; the text's end when past it.
pub fn utf16_offset(text: &str, line: u32, column: u32) -> u32 {
    let mut offset = 0u32;
    for (index, content) in text.split('\n').enumerate() {
        if index + 1 == usize::try_from(line).unwrap_or(usize::MAX) {
            let columns = usize::try_from(column.saturating_sub(1)).unwrap_or(usize::MAX);
            let within: usize = content.chars().take(columns).map(char::len_utf16).sum();
            return offset.saturating_add(u32::try_from(within).unwrap_or(u32::MAX));
        }
        let length: usize = content.chars().map(char::len_utf16).sum::<usize>() + 1;
        offset = offset.saturating_add(u32::try_from(length).unwrap_or(u32::MAX));
    }
    offset.saturating_sub(1)
}

/// The line and column (from 1, in characters) at a UTF-16 offset of `text`.
pub fn position_of_utf16(text: &str, offset: u32) -> (u32, u32) {
    let (mut line, mut column, mut units) = (1u32, 1u32, 0u32);
    for c in text.chars() {
        if units >= offset {
            break;
        }
        units = units.saturating_add(u32::try_from(c.len_utf16()).unwrap_or(2));
        if c == '\n' {
            line = line.saturating_add(1);
            column = 1;
        } else {
            column = column.saturating_add(1);
        }
    }
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_utf16_units() {
        let text = "a: é\nb: 😀x\nc";
        assert_eq!(utf16_offset(text, 2, 1), 5);
        assert_eq!(utf16_offset(text, 2, 5), 10);
        assert_eq!(utf16_offset(text, 3, 1), 12);
        assert_eq!(utf16_offset(text, 9, 1), 13);
        assert_eq!(position_of_utf16(text, 10), (2, 5));
        assert_eq!(position_of_utf16(text, 12), (3, 1));
    }

    #[test]
    fn underlines_cover_the_span_on_its_line() {
        let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n  - name: a\n    imagex: nginx\n";
        let parsed = crate::parse(text);
        let marks = underlines(text, &parsed.diagnostics, 10);
        assert!(
            marks
                .iter()
                .any(|m| m.line == 6 && m.severity == Severity::Error),
            "{marks:?}"
        );
    }

    /// Each line's tokens as `kind(text)`, lines separated by ` / `.
    fn check(text: &str) -> String {
        let lines: Vec<&str> = text.split('\n').collect();
        highlight(text)
            .iter()
            .zip(&lines)
            .map(|(tokens, line)| {
                tokens
                    .iter()
                    .map(|t| format!("{}({})", t.kind.as_str(), &line[t.start..t.end]))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join(" / ")
    }

    #[test]
    fn tabs_and_invisible_spaces_are_tokens_of_their_own() {
        assert_eq!(
            check("spec:\n\t- name: a\u{a0}b\n  image: x\u{200b}"),
            "key(spec) punct(:) / tab(\t) punct(-) key(name) punct(:) plain(a) invisible(\u{a0}) plain(b) / key(image) punct(:) plain(x) invisible(\u{200b})"
        );
    }

    #[test]
    fn block_style() {
        assert_eq!(
            check("apiVersion: v1 # the core group\nspec:\n  - name: \"web\"\n    port: 80"),
            "key(apiVersion) punct(:) plain(v1) comment(# the core group) / key(spec) punct(:) / punct(-) key(name) punct(:) string(\"web\") / key(port) punct(:) literal(80)"
        );
    }

    #[test]
    fn flow_style_kyaml() {
        assert_eq!(
            check("--- { metadata: { name: \"nginx\", }, replicas: 3 }"),
            "marker(---) punct({) key(metadata) punct(:) punct({) key(name) punct(:) string(\"nginx\") punct(,) punct(}) punct(,) key(replicas) punct(:) literal(3) punct(})"
        );
    }

    #[test]
    fn block_scalars_are_text() {
        assert_eq!(
            check("args:\n- |\n  echo a: b\n  # not a comment\nnext: true"),
            "key(args) punct(:) / punct(-) punct(|) / string(echo a: b) / string(# not a comment) / key(next) punct(:) literal(true)"
        );
    }

    #[test]
    fn urls_anchors_and_broken_text() {
        assert_eq!(
            check("image: http://x:80/a#b\nbase: &b {a: 1}\nx: *b\n\"unclosed: é"),
            "key(image) punct(:) plain(http://x:80/a#b) / key(base) punct(:) anchor(&b) punct({) key(a) punct(:) literal(1) punct(}) / key(x) punct(:) anchor(*b) / string(\"unclosed: é)"
        );
    }

    #[test]
    fn any_text_is_cut_on_character_boundaries() {
        for text in [
            "é: ü",
            "—\t#x",
            "'a''b': \"\\\"\"",
            "{[,]}:",
            "- - -",
            "ä|é>",
        ] {
            let lines: Vec<&str> = text.split('\n').collect();
            for (tokens, line) in highlight(text).iter().zip(&lines) {
                for token in tokens {
                    assert!(line.get(token.start..token.end).is_some(), "{text:?}");
                }
            }
        }
    }
}
