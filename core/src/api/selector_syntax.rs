//! The text form of a label selector, as `kubectl get -l` sends it and the API server reads it
//! (`labels.Parse` in k8s.io/apimachinery/pkg/labels/selector.go): `app=web,tier!=db`,
//! `env in (prod,qa)`, `!canary`, `release`, `replicas>2`. The lexer, the parser and their
//! error messages follow upstream's; requirements are kept sorted by key, as upstream sorts them.

use std::collections::BTreeMap;

use crate::api::validation::{is_qualified_name, is_valid_label_value};

/// The longest selector text read; a longer one is refused before any work.
pub const MAX_SELECTOR_BYTES: usize = 4096;

/// What a requirement asks of a label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operator {
    /// `key in (a,b)`.
    In,
    /// `key notin (a,b)`.
    NotIn,
    /// `key=a`.
    Equals,
    /// `key==a`.
    DoubleEquals,
    /// `key!=a`.
    NotEquals,
    /// `key>1`.
    GreaterThan,
    /// `key<1`.
    LessThan,
    /// `key`.
    Exists,
    /// `!key`.
    DoesNotExist,
}

/// One requirement of a selector.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Requirement {
    /// The label key.
    pub key: String,
    /// The operator.
    pub operator: Operator,
    /// The values, sorted and without repeats.
    pub values: Vec<String>,
}

impl Requirement {
    /// `NewRequirement`: the key and the values checked for the operator.
    /// The values come sorted and without repeats, as the parser's set gives them.
    fn new(key: &str, operator: Operator, values: Vec<String>) -> Result<Requirement, String> {
        let mut errors: Vec<String> = validate_key(key, "key").into_iter().collect();
        let count = |wanted: bool, message: &str| {
            (!wanted).then(|| format!("values: Invalid value: {}: {message}", go_list(&values)))
        };
        errors.extend(match operator {
            Operator::In | Operator::NotIn => count(
                !values.is_empty(),
                "for 'in', 'notin' operators, values set can't be empty",
            ),
            Operator::Equals | Operator::DoubleEquals | Operator::NotEquals => count(
                values.len() == 1,
                "exact-match compatibility requires one single value",
            ),
            Operator::Exists | Operator::DoesNotExist => count(
                values.is_empty(),
                "values set must be empty for exists and does not exist",
            ),
            Operator::GreaterThan | Operator::LessThan => count(
                values.len() == 1,
                "for 'Gt', 'Lt' operators, exactly one value is required",
            ),
        });
        for (index, value) in values.iter().enumerate() {
            if matches!(operator, Operator::GreaterThan | Operator::LessThan)
                && value.parse::<i64>().is_err()
            {
                errors.push(format!(
                    "values[{index}]: Invalid value: {}: for 'Gt', 'Lt' operators, the value must be an integer",
                    quoted(value)
                ));
            }
            let value_errors = is_valid_label_value(value);
            if !value_errors.is_empty() {
                errors.push(format!(
                    "values[{index}][{key}]: Invalid value: {}: {}",
                    quoted(value),
                    value_errors.join("; ")
                ));
            }
        }
        // `ErrorList.ToAggregate`: one error as it is, several in brackets.
        match errors.len() {
            0 => {}
            1 => return Err(errors.remove(0)),
            _ => return Err(format!("[{}]", errors.join(", "))),
        }
        Ok(Requirement {
            key: key.to_owned(),
            operator,
            values,
        })
    }

    /// True when `labels` satisfy the requirement (`Requirement.Matches`).
    pub fn matches(&self, labels: &BTreeMap<String, String>) -> bool {
        let value = labels.get(&self.key);
        let number = |text: &str| text.parse::<i64>().ok();
        match self.operator {
            Operator::In | Operator::Equals | Operator::DoubleEquals => {
                value.is_some_and(|value| self.values.contains(value))
            }
            Operator::NotIn | Operator::NotEquals => {
                value.is_none_or(|value| !self.values.contains(value))
            }
            Operator::Exists => value.is_some(),
            Operator::DoesNotExist => value.is_none(),
            Operator::GreaterThan | Operator::LessThan => {
                let (Some(have), Some(want)) = (
                    value.and_then(|value| number(value)),
                    self.values.first().and_then(|value| number(value)),
                ) else {
                    return false;
                };
                if self.operator == Operator::GreaterThan {
                    have > want
                } else {
                    have < want
                }
            }
        }
    }
}

impl std::fmt::Display for Requirement {
    /// `Requirement.String`: `x in (a,b)`, `y!=c`, `!z`.
    fn fmt(&self, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.operator == Operator::DoesNotExist {
            write!(out, "!")?;
        }
        write!(out, "{}", self.key)?;
        let operator = match self.operator {
            Operator::Exists | Operator::DoesNotExist => return Ok(()),
            Operator::In => " in ",
            Operator::NotIn => " notin ",
            Operator::Equals => "=",
            Operator::DoubleEquals => "==",
            Operator::NotEquals => "!=",
            Operator::GreaterThan => ">",
            Operator::LessThan => "<",
        };
        write!(out, "{operator}")?;
        match self.operator {
            Operator::In | Operator::NotIn => write!(out, "({})", self.values.join(",")),
            _ => write!(out, "{}", self.values.join(",")),
        }
    }
}

/// A parsed selector: every requirement must hold. The empty selector selects everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selector {
    /// The requirements, sorted by key.
    pub requirements: Vec<Requirement>,
}

impl Selector {
    /// True when `labels` satisfy every requirement.
    pub fn matches(&self, labels: &BTreeMap<String, String>) -> bool {
        self.requirements
            .iter()
            .all(|requirement| requirement.matches(labels))
    }
}

impl std::fmt::Display for Selector {
    /// `internalSelector.String`: the requirements joined by commas.
    fn fmt(&self, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (index, requirement) in self.requirements.iter().enumerate() {
            if index > 0 {
                write!(out, ",")?;
            }
            write!(out, "{requirement}")?;
        }
        Ok(())
    }
}

/// `labels.Parse`: the selector in `text`, or upstream's error message.
pub fn parse(text: &str) -> Result<Selector, String> {
    if text.len() > MAX_SELECTOR_BYTES {
        return Err(format!(
            "the selector is {} bytes long; at most {MAX_SELECTOR_BYTES} are read",
            text.len()
        ));
    }
    let mut parser = Parser {
        items: scan(text),
        position: 0,
    };
    let mut requirements = parser.parse()?;
    // Upstream sorts by key, stably.
    requirements.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(Selector { requirements })
}

/// The lexer's tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token {
    Error,
    EndOfString,
    ClosedPar,
    Comma,
    DoesNotExist,
    DoubleEquals,
    Equals,
    GreaterThan,
    Identifier,
    In,
    LessThan,
    NotEquals,
    NotIn,
    OpenPar,
}

/// `string2token`.
fn token_of(literal: &str) -> Option<Token> {
    Some(match literal {
        ")" => Token::ClosedPar,
        "," => Token::Comma,
        "!" => Token::DoesNotExist,
        "==" => Token::DoubleEquals,
        "=" => Token::Equals,
        ">" => Token::GreaterThan,
        "in" => Token::In,
        "<" => Token::LessThan,
        "!=" => Token::NotEquals,
        "notin" => Token::NotIn,
        "(" => Token::OpenPar,
        _ => return None,
    })
}

fn is_whitespace(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\r' | b'\n')
}

fn is_special_symbol(byte: u8) -> bool {
    matches!(byte, b'=' | b'!' | b'(' | b')' | b',' | b'>' | b'<')
}

/// The lexer: every token of `text`, the last one `EndOfString`.
fn scan(text: &str) -> Vec<(Token, String)> {
    let bytes = text.as_bytes();
    let mut position = 0;
    let mut items = Vec::new();
    loop {
        while position < bytes.len() && is_whitespace(bytes[position]) {
            position += 1;
        }
        let Some(&first) = bytes.get(position) else {
            items.push((Token::EndOfString, String::new()));
            return items;
        };
        if is_special_symbol(first) {
            // The longest operator that starts here (`scanSpecialSymbol`).
            let start = position;
            let mut last: Option<(Token, usize)> = None;
            while position < bytes.len() && is_special_symbol(bytes[position]) {
                position += 1;
                match token_of(&text[start..position]) {
                    Some(token) => last = Some((token, position)),
                    None if last.is_some() => {
                        position -= 1;
                        break;
                    }
                    None => {}
                }
            }
            match last {
                Some((token, end)) => {
                    position = end;
                    items.push((token, text[start..end].to_owned()));
                }
                None => items.push((
                    Token::Error,
                    format!("error expected: keyword found '{}'", &text[start..position]),
                )),
            }
        } else {
            // An identifier or a keyword (`scanIDOrKeyword`).
            let start = position;
            while position < bytes.len()
                && !is_special_symbol(bytes[position])
                && !is_whitespace(bytes[position])
            {
                position += 1;
            }
            let literal = &text[start..position];
            items.push((
                token_of(literal).unwrap_or(Token::Identifier),
                literal.to_owned(),
            ));
        }
        // Upstream keeps lexing after an error; its parser stops at the error token.
        if items
            .last()
            .is_some_and(|(token, _)| *token == Token::Error)
        {
            items.push((Token::EndOfString, String::new()));
            return items;
        }
    }
}

/// Where the parser is: reading values, `in` and `notin` are identifiers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    KeyAndOperator,
    Values,
}

struct Parser {
    items: Vec<(Token, String)>,
    position: usize,
}

impl Parser {
    fn lookahead(&self, context: Context) -> (Token, String) {
        let (token, literal) = self
            .items
            .get(self.position)
            .cloned()
            .unwrap_or((Token::EndOfString, String::new()));
        (Parser::in_context(token, context), literal)
    }

    fn consume(&mut self, context: Context) -> (Token, String) {
        let item = self.lookahead(context);
        if self.position < self.items.len() {
            self.position += 1;
        }
        item
    }

    fn in_context(token: Token, context: Context) -> Token {
        match (token, context) {
            (Token::In | Token::NotIn, Context::Values) => Token::Identifier,
            _ => token,
        }
    }

    fn parse(&mut self) -> Result<Vec<Requirement>, String> {
        let mut requirements = Vec::new();
        loop {
            let (token, literal) = self.lookahead(Context::Values);
            match token {
                Token::Identifier | Token::DoesNotExist => {
                    let requirement = self
                        .requirement()
                        .map_err(|error| format!("unable to parse requirement: {error}"))?;
                    requirements.push(requirement);
                    let (token, literal) = self.consume(Context::Values);
                    match token {
                        Token::EndOfString => return Ok(requirements),
                        Token::Comma => {
                            let (next, next_literal) = self.lookahead(Context::Values);
                            if next != Token::Identifier && next != Token::DoesNotExist {
                                return Err(format!(
                                    "found '{next_literal}', expected: identifier after ','"
                                ));
                            }
                        }
                        _ => {
                            return Err(format!(
                                "found '{literal}', expected: ',' or 'end of string'"
                            ));
                        }
                    }
                }
                Token::EndOfString => return Ok(requirements),
                _ => {
                    return Err(format!(
                        "found '{literal}', expected: !, identifier, or 'end of string'"
                    ));
                }
            }
        }
    }

    fn requirement(&mut self) -> Result<Requirement, String> {
        let (key, operator) = self.key_and_inferred_operator()?;
        if let Some(operator @ (Operator::Exists | Operator::DoesNotExist)) = operator {
            return Requirement::new(&key, operator, Vec::new());
        }
        let operator = self.operator()?;
        let mut values = match operator {
            Operator::In | Operator::NotIn => self.values()?,
            _ => self.exact_value()?,
        };
        // `sets.String.List`: sorted.
        values.sort();
        Requirement::new(&key, operator, values)
    }

    fn key_and_inferred_operator(&mut self) -> Result<(String, Option<Operator>), String> {
        let mut operator = None;
        let (mut token, mut literal) = self.consume(Context::Values);
        if token == Token::DoesNotExist {
            operator = Some(Operator::DoesNotExist);
            (token, literal) = self.consume(Context::Values);
        }
        if token != Token::Identifier {
            return Err(format!("found '{literal}', expected: identifier"));
        }
        if let Some(error) = validate_key(&literal, "<nil>") {
            return Err(error);
        }
        let (next, _) = self.lookahead(Context::Values);
        if matches!(next, Token::EndOfString | Token::Comma) && operator.is_none() {
            operator = Some(Operator::Exists);
        }
        Ok((literal, operator))
    }

    fn operator(&mut self) -> Result<Operator, String> {
        let (token, literal) = self.consume(Context::KeyAndOperator);
        Ok(match token {
            Token::In => Operator::In,
            Token::Equals => Operator::Equals,
            Token::DoubleEquals => Operator::DoubleEquals,
            Token::GreaterThan => Operator::GreaterThan,
            Token::LessThan => Operator::LessThan,
            Token::NotIn => Operator::NotIn,
            Token::NotEquals => Operator::NotEquals,
            _ => {
                return Err(format!(
                    "found '{literal}', expected: in, notin, =, ==, !=, gt, lt"
                ));
            }
        })
    }

    fn values(&mut self) -> Result<Vec<String>, String> {
        let (token, literal) = self.consume(Context::Values);
        if token != Token::OpenPar {
            return Err(format!("found '{literal}' expected: '('"));
        }
        let (token, literal) = self.lookahead(Context::Values);
        match token {
            Token::Identifier | Token::Comma => {
                let values = self.identifiers()?;
                let (token, _) = self.consume(Context::Values);
                if token != Token::ClosedPar {
                    return Err(format!("found '{literal}', expected: ')'"));
                }
                Ok(values)
            }
            Token::ClosedPar => {
                self.consume(Context::Values);
                Ok(vec![String::new()])
            }
            _ => Err(format!(
                "found '{literal}', expected: ',', ')' or identifier"
            )),
        }
    }

    fn identifiers(&mut self) -> Result<Vec<String>, String> {
        let mut values: Vec<String> = Vec::new();
        let insert = |values: &mut Vec<String>, value: String| {
            if !values.contains(&value) {
                values.push(value);
            }
        };
        loop {
            let (token, literal) = self.consume(Context::Values);
            match token {
                Token::Identifier => {
                    insert(&mut values, literal);
                    let (next, next_literal) = self.lookahead(Context::Values);
                    match next {
                        Token::Comma => continue,
                        Token::ClosedPar => return Ok(values),
                        _ => return Err(format!("found '{next_literal}', expected: ',' or ')'")),
                    }
                }
                Token::Comma => {
                    if values.is_empty() {
                        insert(&mut values, String::new());
                    }
                    let (next, _) = self.lookahead(Context::Values);
                    if next == Token::ClosedPar {
                        insert(&mut values, String::new());
                        return Ok(values);
                    }
                    if next == Token::Comma {
                        insert(&mut values, String::new());
                    }
                }
                _ => return Err(format!("found '{literal}', expected: ',', or identifier")),
            }
        }
    }

    fn exact_value(&mut self) -> Result<Vec<String>, String> {
        let (token, _) = self.lookahead(Context::Values);
        if matches!(token, Token::EndOfString | Token::Comma) {
            return Ok(vec![String::new()]);
        }
        let (token, literal) = self.consume(Context::Values);
        if token == Token::Identifier {
            return Ok(vec![literal]);
        }
        Err(format!("found '{literal}', expected: identifier"))
    }
}

/// `validateLabelKey`: the error at `path` when `key` is not a qualified name.
fn validate_key(key: &str, path: &str) -> Option<String> {
    let errors = is_qualified_name(key);
    (!errors.is_empty()).then(|| {
        format!(
            "{path}: Invalid value: {}: {}",
            quoted(key),
            errors.join("; ")
        )
    })
}

/// A Go `%q` of a plain string.
fn quoted(text: &str) -> String {
    format!("{text:?}")
}

/// A Go `%v` of a string slice, as `field.Invalid` prints one: `[]string{"a", "b"}`.
fn go_list(values: &[String]) -> String {
    let inner: Vec<String> = values.iter().map(|value| quoted(value)).collect();
    format!("[]string{{{}}}", inner.join(", "))
}

#[cfg(test)]
mod tests;
