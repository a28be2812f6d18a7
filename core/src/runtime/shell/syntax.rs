//! The shell's syntax: a lexer and a recursive-descent parser for the POSIX `sh` subset that
//! teaching material puts in `sh -c` scripts. Nesting and size are bounded.

use std::fmt;

/// The deepest nesting of compound commands accepted.
const MAX_NESTING: usize = 16;
/// The longest script accepted, in bytes.
const MAX_SCRIPT_BYTES: usize = 64 * 1024;

/// A piece of a word, before expansion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// Text taken as is (unquoted or single-quoted).
    Literal(String),
    /// Unquoted text, which may be split and globbed (`*.log`).
    Unquoted(String),
    /// `$NAME`, `${NAME}` or `$?`, `$$`, `$#`.
    Variable(String),
    /// `$(command)` or `` `command` ``.
    Command(Box<List>),
    /// Text inside double quotes: variables and commands expanded, no splitting.
    Quoted(Vec<Part>),
    /// `$(( expression ))`: integer arithmetic.
    Arithmetic(String),
}

/// A word: parts that join into one (or, unquoted, several) arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word(pub Vec<Part>);

impl Word {
    /// The word's text if it is a plain literal (for keywords and assignments).
    pub fn literal(&self) -> Option<String> {
        let mut out = String::new();
        for part in &self.0 {
            match part {
                Part::Literal(text) | Part::Unquoted(text) => out.push_str(text),
                _ => return None,
            }
        }
        Some(out)
    }

    fn is_unquoted(&self, text: &str) -> bool {
        matches!(self.0.as_slice(), [Part::Unquoted(t)] if t == text)
    }
}

/// Where a redirection sends output or takes input from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Redirect {
    /// `> file` (or `1>`).
    Write(Word),
    /// `>> file`.
    Append(Word),
    /// `2> file`.
    WriteError(Word),
    /// `2>> file`.
    AppendError(Word),
    /// `2>&1`.
    ErrorToOutput,
    /// `>&2`: standard output to standard error.
    OutputToError,
    /// `&> file` or `> file 2>&1`.
    WriteBoth(Word),
    /// `< file`.
    Read(Word),
}

/// A command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// `NAME=value … program arguments … redirects`.
    Simple {
        /// `NAME=value` assignments before the program.
        assignments: Vec<(String, Word)>,
        /// The program and its arguments.
        words: Vec<Word>,
        /// Redirections.
        redirects: Vec<Redirect>,
    },
    /// `while list; do list; done` (or `until`).
    Loop {
        /// True for `until`.
        until: bool,
        /// The condition.
        condition: List,
        /// The body.
        body: List,
        /// Redirections of the whole loop.
        redirects: Vec<Redirect>,
    },
    /// `for NAME in words; do list; done`.
    For {
        /// The loop variable.
        name: String,
        /// The words iterated over.
        items: Vec<Word>,
        /// The body.
        body: List,
    },
    /// `if list; then list; elif …; else list; fi`.
    If {
        /// (condition, body) pairs: the `if` and each `elif`.
        branches: Vec<(List, List)>,
        /// The `else` body.
        otherwise: Option<List>,
    },
    /// `{ list; }` or `( list )`.
    Group(List, Vec<Redirect>),
}

/// Commands joined by `|`, possibly negated with `!`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pipeline {
    /// True when prefixed with `!`.
    pub negated: bool,
    /// The commands, left to right.
    pub commands: Vec<Command>,
}

/// How an and-or list continues.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Connector {
    /// `&&`.
    And,
    /// `||`.
    Or,
}

/// `pipeline && pipeline || pipeline …`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AndOr {
    /// The first pipeline.
    pub first: Pipeline,
    /// The rest, each with the connector before it.
    pub rest: Vec<(Connector, Pipeline)>,
    /// True when the list ends in `&` (run in the background).
    pub background: bool,
}

/// A sequence of and-or lists (`;`, `&` or newline separated).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct List(pub Vec<AndOr>);

/// Why a script does not parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// What went wrong, as sh would say it.
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "sh: syntax error: {}", self.message)
    }
}

fn error<T>(message: impl Into<String>) -> Result<T, SyntaxError> {
    Err(SyntaxError {
        message: message.into(),
    })
}

/// A token of the script.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Word(Word),
    /// An operator: `;`, `&`, `&&`, `||`, `|`, `(`, `)`, `>`, `>>`, `<`, `2>`, `2>>`, `2>&1`,
    /// `&>`, `;;`.
    Op(&'static str),
    Newline,
}

/// Parses a script.
pub fn parse(script: &str) -> Result<List, SyntaxError> {
    if script.len() > MAX_SCRIPT_BYTES {
        return error("script too long");
    }
    let tokens = lex(script, 0)?;
    let mut parser = Parser {
        tokens,
        at: 0,
        depth: 0,
    };
    let list = parser.list(&[])?;
    match parser.peek() {
        None => Ok(list),
        Some(token) => error(format!("unexpected {}", describe(token))),
    }
}

fn describe(token: &Token) -> String {
    match token {
        Token::Word(word) => format!("\"{}\"", word.literal().unwrap_or_default()),
        Token::Op(op) => format!("\"{op}\""),
        Token::Newline => "end of line".to_owned(),
    }
}

/// Splits a script into tokens. `depth` bounds nested `$( … )`.
fn lex(script: &str, depth: usize) -> Result<Vec<Token>, SyntaxError> {
    if depth > MAX_NESTING {
        return error("nesting too deep");
    }
    let chars: Vec<char> = script.chars().collect();
    let mut tokens = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        match c {
            ' ' | '\t' | '\r' => at += 1,
            '\\' if chars.get(at + 1) == Some(&'\n') => at += 2,
            '\n' => {
                tokens.push(Token::Newline);
                at += 1;
            }
            '#' => {
                while at < chars.len() && chars[at] != '\n' {
                    at += 1;
                }
            }
            ';' | '&' | '|' | '(' | ')' | '<' | '>' => {
                let two: String = chars[at..chars.len().min(at + 2)].iter().collect();
                let four: String = chars[at..chars.len().min(at + 4)].iter().collect();
                let op = match () {
                    () if two == "&&" => "&&",
                    () if two == "||" => "||",
                    () if two == ";;" => ";;",
                    () if two == ">>" => ">>",
                    () if two == "&>" => "&>",
                    () if four.starts_with(">&1") => ">&1",
                    () if four.starts_with(">&2") => ">&2",
                    _ => match c {
                        ';' => ";",
                        '&' => "&",
                        '|' => "|",
                        '(' => "(",
                        ')' => ")",
                        '<' => "<",
                        _ => ">",
                    },
                };
                tokens.push(Token::Op(op));
                at += op.chars().count();
            }
            '2' if chars.get(at + 1) == Some(&'>') && word_starts(&tokens, &chars, at) => {
                let rest: String = chars[at..chars.len().min(at + 4)].iter().collect();
                let op = if rest.starts_with("2>&1") {
                    "2>&1"
                } else if rest.starts_with("2>>") {
                    "2>>"
                } else {
                    "2>"
                };
                tokens.push(Token::Op(op));
                at += op.len();
            }
            '1' if chars.get(at + 1) == Some(&'>') && word_starts(&tokens, &chars, at) => at += 1,
            _ => {
                let (word, next) = lex_word(&chars, at, depth)?;
                tokens.push(Token::Word(word));
                at = next;
            }
        }
    }
    Ok(tokens)
}

/// True when position `at` starts a new word (so `2>` is a redirection, not part of `a2>`).
fn word_starts(_tokens: &[Token], chars: &[char], at: usize) -> bool {
    at == 0 || matches!(chars[at - 1], ' ' | '\t' | '\n' | ';' | '&' | '|' | '(')
}

/// Reads one word starting at `at`; returns it and the position after it.
fn lex_word(chars: &[char], mut at: usize, depth: usize) -> Result<(Word, usize), SyntaxError> {
    let mut parts = Vec::new();
    let mut text = String::new();
    let flush = |text: &mut String, parts: &mut Vec<Part>| {
        if !text.is_empty() {
            parts.push(Part::Unquoted(std::mem::take(text)));
        }
    };
    while at < chars.len() {
        let c = chars[at];
        match c {
            ' ' | '\t' | '\r' | '\n' | ';' | '&' | '|' | '(' | ')' | '<' | '>' => break,
            '\\' => {
                if let Some(&next) = chars.get(at + 1) {
                    flush(&mut text, &mut parts);
                    if next != '\n' {
                        parts.push(Part::Literal(next.to_string()));
                    }
                    at += 2;
                } else {
                    at += 1;
                }
            }
            '\'' => {
                flush(&mut text, &mut parts);
                let end = chars[at + 1..]
                    .iter()
                    .position(|&c| c == '\'')
                    .ok_or_else(|| SyntaxError {
                        message: "unterminated quoted string".to_owned(),
                    })?;
                parts.push(Part::Literal(chars[at + 1..at + 1 + end].iter().collect()));
                at += end + 2;
            }
            '"' => {
                flush(&mut text, &mut parts);
                let (inner, next) = lex_double_quoted(chars, at + 1, depth)?;
                parts.push(Part::Quoted(inner));
                at = next;
            }
            '$' | '`' => {
                flush(&mut text, &mut parts);
                let (part, next) = lex_dollar(chars, at, depth)?;
                parts.push(part);
                at = next;
            }
            _ => {
                text.push(c);
                at += 1;
            }
        }
    }
    flush(&mut text, &mut parts);
    Ok((Word(parts), at))
}

/// Reads the inside of `"…"` from `at` (after the opening quote).
fn lex_double_quoted(
    chars: &[char],
    mut at: usize,
    depth: usize,
) -> Result<(Vec<Part>, usize), SyntaxError> {
    let mut parts = Vec::new();
    let mut text = String::new();
    loop {
        let Some(&c) = chars.get(at) else {
            return error("unterminated quoted string");
        };
        match c {
            '"' => {
                if !text.is_empty() {
                    parts.push(Part::Literal(text));
                }
                return Ok((parts, at + 1));
            }
            '\\' if matches!(chars.get(at + 1), Some('"' | '\\' | '$' | '`' | '\n')) => {
                if chars[at + 1] != '\n' {
                    text.push(chars[at + 1]);
                }
                at += 2;
            }
            '$' | '`' => {
                if !text.is_empty() {
                    parts.push(Part::Literal(std::mem::take(&mut text)));
                }
                let (part, next) = lex_dollar(chars, at, depth)?;
                parts.push(part);
                at = next;
            }
            _ => {
                text.push(c);
                at += 1;
            }
        }
    }
}

/// Reads `$NAME`, `${NAME}`, `$?`, `$(…)` or `` `…` `` at `at`.
fn lex_dollar(chars: &[char], at: usize, depth: usize) -> Result<(Part, usize), SyntaxError> {
    if chars[at] == '`' {
        let end = chars[at + 1..]
            .iter()
            .position(|&c| c == '`')
            .ok_or_else(|| SyntaxError {
                message: "unterminated `".to_owned(),
            })?;
        let inner: String = chars[at + 1..at + 1 + end].iter().collect();
        return Ok((
            Part::Command(Box::new(parse_nested(&inner, depth)?)),
            at + end + 2,
        ));
    }
    if chars.get(at + 1) == Some(&'(') && chars.get(at + 2) == Some(&'(') {
        // The expression ends at the `))` that balances the opening one.
        let mut level = 0usize;
        let mut index = at + 3;
        while index < chars.len() {
            match chars[index] {
                '(' => level += 1,
                ')' if level > 0 => level -= 1,
                ')' if chars.get(index + 1) == Some(&')') => {
                    let expression: String = chars[at + 3..index].iter().collect();
                    return Ok((Part::Arithmetic(expression), index + 2));
                }
                _ => {}
            }
            index += 1;
        }
        return error("missing ))");
    }
    match chars.get(at + 1) {
        Some('(') => {
            // Find the matching parenthesis, skipping quoted text.
            let mut level = 0usize;
            let mut index = at + 1;
            let mut quote: Option<char> = None;
            while index < chars.len() {
                let c = chars[index];
                match (quote, c) {
                    (Some(q), c) if c == q => quote = None,
                    (Some(_), _) => {}
                    (None, '\'' | '"') => quote = Some(c),
                    (None, '(') => level += 1,
                    (None, ')') => {
                        level -= 1;
                        if level == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                index += 1;
            }
            if index >= chars.len() {
                return error("unterminated $(");
            }
            let inner: String = chars[at + 2..index].iter().collect();
            Ok((
                Part::Command(Box::new(parse_nested(&inner, depth)?)),
                index + 1,
            ))
        }
        Some('{') => {
            let end = chars[at + 2..]
                .iter()
                .position(|&c| c == '}')
                .ok_or_else(|| SyntaxError {
                    message: "missing }".to_owned(),
                })?;
            let name: String = chars[at + 2..at + 2 + end].iter().collect();
            Ok((Part::Variable(name), at + end + 3))
        }
        Some(&c) if matches!(c, '?' | '$' | '#' | '!' | '0'..='9') => {
            Ok((Part::Variable(c.to_string()), at + 2))
        }
        Some(&c) if c.is_ascii_alphabetic() || c == '_' => {
            let len = chars[at + 1..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == '_')
                .count();
            let name: String = chars[at + 1..at + 1 + len].iter().collect();
            Ok((Part::Variable(name), at + 1 + len))
        }
        _ => Ok((Part::Literal("$".to_owned()), at + 1)),
    }
}

fn parse_nested(script: &str, depth: usize) -> Result<List, SyntaxError> {
    let tokens = lex(script, depth + 1)?;
    let mut parser = Parser {
        tokens,
        at: 0,
        depth: depth + 1,
    };
    let list = parser.list(&[])?;
    match parser.peek() {
        None => Ok(list),
        Some(token) => error(format!("unexpected {}", describe(token))),
    }
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn next(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.at).cloned();
        self.at += 1;
        token
    }

    fn peek_keyword(&self) -> Option<String> {
        match self.peek() {
            Some(Token::Word(word)) => word.literal(),
            _ => None,
        }
    }

    fn skip_newlines(&mut self) {
        while matches!(self.peek(), Some(Token::Newline)) {
            self.at += 1;
        }
    }

    fn expect_keyword(&mut self, keyword: &str) -> Result<(), SyntaxError> {
        self.skip_newlines();
        match self.next() {
            Some(Token::Word(word)) if word.is_unquoted(keyword) => Ok(()),
            Some(token) => error(format!(
                "unexpected {} (expecting \"{keyword}\")",
                describe(&token)
            )),
            None => error(format!("unexpected end of file (expecting \"{keyword}\")")),
        }
    }

    /// A list, up to (not including) one of the keywords in `until` or a `)`.
    fn list(&mut self, until: &[&str]) -> Result<List, SyntaxError> {
        let mut items = Vec::new();
        loop {
            self.skip_newlines();
            match self.peek() {
                None | Some(Token::Op(")" | ";;")) => break,
                Some(Token::Word(word))
                    if word.literal().is_some_and(|w| until.contains(&w.as_str())) =>
                {
                    break;
                }
                _ => {}
            }
            let mut and_or = self.and_or()?;
            match self.peek() {
                Some(Token::Op(";")) | Some(Token::Newline) => {
                    self.at += 1;
                }
                Some(Token::Op("&")) => {
                    self.at += 1;
                    and_or.background = true;
                }
                _ => {}
            }
            items.push(and_or);
        }
        Ok(List(items))
    }

    fn and_or(&mut self) -> Result<AndOr, SyntaxError> {
        let first = self.pipeline()?;
        let mut rest = Vec::new();
        loop {
            let connector = match self.peek() {
                Some(Token::Op("&&")) => Connector::And,
                Some(Token::Op("||")) => Connector::Or,
                _ => break,
            };
            self.at += 1;
            self.skip_newlines();
            rest.push((connector, self.pipeline()?));
        }
        Ok(AndOr {
            first,
            rest,
            background: false,
        })
    }

    fn pipeline(&mut self) -> Result<Pipeline, SyntaxError> {
        let negated = matches!(self.peek(), Some(Token::Word(word)) if word.is_unquoted("!"));
        if negated {
            self.at += 1;
        }
        let mut commands = vec![self.command()?];
        while matches!(self.peek(), Some(Token::Op("|"))) {
            self.at += 1;
            self.skip_newlines();
            commands.push(self.command()?);
        }
        Ok(Pipeline { negated, commands })
    }

    fn command(&mut self) -> Result<Command, SyntaxError> {
        if self.depth > MAX_NESTING {
            return error("nesting too deep");
        }
        self.depth += 1;
        let command = self.command_inner();
        self.depth -= 1;
        command
    }

    fn command_inner(&mut self) -> Result<Command, SyntaxError> {
        match self.peek_keyword().as_deref() {
            Some(keyword @ ("while" | "until")) => {
                let until = keyword == "until";
                self.at += 1;
                let condition = self.list(&["do"])?;
                self.expect_keyword("do")?;
                let body = self.list(&["done"])?;
                self.expect_keyword("done")?;
                let redirects = self.redirects()?;
                Ok(Command::Loop {
                    until,
                    condition,
                    body,
                    redirects,
                })
            }
            Some("for") => {
                self.at += 1;
                let name = match self.next() {
                    Some(Token::Word(word)) => word.literal().unwrap_or_default(),
                    _ => return error("expecting a name after \"for\""),
                };
                let mut items = Vec::new();
                if self.peek_keyword().as_deref() == Some("in") {
                    self.at += 1;
                    while let Some(Token::Word(word)) = self.peek() {
                        if word.is_unquoted("do") {
                            break;
                        }
                        items.push(word.clone());
                        self.at += 1;
                    }
                }
                if matches!(self.peek(), Some(Token::Op(";"))) {
                    self.at += 1;
                }
                self.expect_keyword("do")?;
                let body = self.list(&["done"])?;
                self.expect_keyword("done")?;
                Ok(Command::For { name, items, body })
            }
            Some("if") => {
                self.at += 1;
                let mut branches = Vec::new();
                let mut otherwise = None;
                loop {
                    let condition = self.list(&["then"])?;
                    self.expect_keyword("then")?;
                    let body = self.list(&["elif", "else", "fi"])?;
                    branches.push((condition, body));
                    self.skip_newlines();
                    match self.peek_keyword().as_deref() {
                        Some("elif") => self.at += 1,
                        Some("else") => {
                            self.at += 1;
                            otherwise = Some(self.list(&["fi"])?);
                            self.expect_keyword("fi")?;
                            break;
                        }
                        _ => {
                            self.expect_keyword("fi")?;
                            break;
                        }
                    }
                }
                Ok(Command::If {
                    branches,
                    otherwise,
                })
            }
            Some("{") => {
                self.at += 1;
                let body = self.list(&["}"])?;
                self.expect_keyword("}")?;
                Ok(Command::Group(body, self.redirects()?))
            }
            Some(keyword @ ("do" | "done" | "then" | "fi" | "elif" | "else" | "}")) => {
                error(format!("unexpected \"{keyword}\""))
            }
            _ => {
                if matches!(self.peek(), Some(Token::Op("("))) {
                    self.at += 1;
                    let body = self.list(&[])?;
                    match self.next() {
                        Some(Token::Op(")")) => {}
                        _ => return error("missing )"),
                    }
                    return Ok(Command::Group(body, self.redirects()?));
                }
                self.simple()
            }
        }
    }

    fn redirects(&mut self) -> Result<Vec<Redirect>, SyntaxError> {
        let mut out = Vec::new();
        while let Some(redirect) = self.redirect()? {
            out.push(redirect);
        }
        Ok(out)
    }

    fn redirect(&mut self) -> Result<Option<Redirect>, SyntaxError> {
        let op = match self.peek() {
            Some(Token::Op(
                op @ (">" | ">>" | "<" | "2>" | "2>>" | "2>&1" | "&>" | ">&1" | ">&2"),
            )) => *op,
            _ => return Ok(None),
        };
        self.at += 1;
        if op == "2>&1" {
            return Ok(Some(Redirect::ErrorToOutput));
        }
        if op == ">&1" {
            return Ok(Some(Redirect::ErrorToOutput));
        }
        if op == ">&2" {
            return Ok(Some(Redirect::OutputToError));
        }
        let target = match self.next() {
            Some(Token::Word(word)) => word,
            _ => return error(format!("missing file name after \"{op}\"")),
        };
        Ok(Some(match op {
            ">" => Redirect::Write(target),
            ">>" => Redirect::Append(target),
            "<" => Redirect::Read(target),
            "2>" => Redirect::WriteError(target),
            "2>>" => Redirect::AppendError(target),
            _ => Redirect::WriteBoth(target),
        }))
    }

    fn simple(&mut self) -> Result<Command, SyntaxError> {
        let mut assignments = Vec::new();
        let mut words = Vec::new();
        let mut redirects = Vec::new();
        loop {
            if let Some(redirect) = self.redirect()? {
                redirects.push(redirect);
                continue;
            }
            match self.peek() {
                Some(Token::Word(word)) => {
                    let word = word.clone();
                    self.at += 1;
                    if words.is_empty()
                        && let Some((name, value)) = assignment(&word)
                    {
                        assignments.push((name, value));
                        continue;
                    }
                    words.push(word);
                }
                _ => break,
            }
        }
        if words.is_empty() && assignments.is_empty() && redirects.is_empty() {
            return match self.peek() {
                Some(token) => error(format!("unexpected {}", describe(token))),
                None => error("unexpected end of file"),
            };
        }
        Ok(Command::Simple {
            assignments,
            words,
            redirects,
        })
    }
}

/// `NAME=value` as an assignment, if the word is one.
fn assignment(word: &Word) -> Option<(String, Word)> {
    let Some(Part::Unquoted(first)) = word.0.first() else {
        return None;
    };
    let (name, value) = first.split_once('=')?;
    let valid = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !valid {
        return None;
    }
    let mut parts = Vec::new();
    if !value.is_empty() {
        parts.push(Part::Unquoted(value.to_owned()));
    }
    parts.extend(word.0[1..].iter().cloned());
    Some((name.to_owned(), Word(parts)))
}
