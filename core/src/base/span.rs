//! Source positions, so that every diagnostic can point into the editor.

use std::fmt;

/// A point in the manifest text. Lines and columns start at 1 and count characters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// The line, starting at 1.
    pub line: u32,
    /// The column, starting at 1, in characters (not bytes).
    pub column: u32,
    /// The offset from the start of the text, in characters.
    pub offset_chars: usize,
}

impl Position {
    /// The position of the first character of a text.
    pub const START: Position = Position {
        line: 1,
        column: 1,
        offset_chars: 0,
    };
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// A range of the manifest text: `start` is inclusive and `end` exclusive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// The first character of the range.
    pub start: Position,
    /// The position just after the last character of the range.
    pub end: Position,
}

impl Span {
    /// An empty span at one position.
    pub fn point(at: Position) -> Span {
        Span { start: at, end: at }
    }
}
