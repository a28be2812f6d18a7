//! A flow collection's closing bracket on a line of its own, at or left of the indentation of
//! the block around it, as the docs write a long `command`:
//!
//! ```yaml
//!       command: [
//!         "/bin/sh", "-c", "sleep 180"
//!       ]
//! ```
//!
//! go-yaml, which kubectl reads manifests with, accepts it; saphyr refuses it ("invalid
//! indentation"). The closer is moved right in a copy of the text, which is parsed instead, and
//! every position found in the copy is mapped back to the text as written.

use saphyr_parser::{Marker, ScanError};

use crate::base::span::Position;

/// The most closers moved in one text; a text that needs more is left to fail as saphyr says.
const MAX_MOVES: usize = 16;

/// The text to parse: the text as written, with spaces inserted before closers that go-yaml
/// accepts where they are.
pub(super) struct Shifted<'a> {
    written: &'a str,
    parsed: Option<String>,
    /// The spaces inserted: where in the text as written (in characters), and how many.
    inserted: Vec<(usize, usize)>,
    /// Where each line of the text as written starts, in characters.
    line_starts: Vec<usize>,
}

impl<'a> Shifted<'a> {
    /// The text as written, nothing moved yet.
    pub(super) fn new(written: &'a str) -> Shifted<'a> {
        Shifted {
            written,
            parsed: None,
            inserted: Vec::new(),
            line_starts: Vec::new(),
        }
    }

    /// The text to parse.
    pub(super) fn text(&self) -> &str {
        self.parsed.as_deref().unwrap_or(self.written)
    }

    /// Where the parser's `marker` (in the text parsed) is in the text as written.
    pub(super) fn position(&self, marker: &Marker) -> Position {
        if self.inserted.is_empty() {
            return Position {
                line: u32::try_from(marker.line()).unwrap_or(u32::MAX),
                column: u32::try_from(marker.col().saturating_add(1)).unwrap_or(u32::MAX),
                offset_chars: marker.index(),
            };
        }
        let offset = self.written_offset(marker.index());
        let line = self.line_starts.partition_point(|start| *start <= offset);
        let line_start = self
            .line_starts
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or(0);
        Position {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(offset - line_start + 1).unwrap_or(u32::MAX),
            offset_chars: offset,
        }
    }

    /// Where `index` of the text parsed is in the text as written (an inserted space is where
    /// its closer is).
    fn written_offset(&self, index: usize) -> usize {
        let mut before = 0;
        for (at, count) in &self.inserted {
            if index < at + before {
                break;
            }
            if index < at + before + count {
                return *at;
            }
            before += count;
        }
        index - before
    }

    /// When `error` is saphyr's refusal of a closer that begins its line, moves the closer right
    /// to the indentation of the line above it and returns true; false when the error is
    /// another one, or enough closers were moved.
    pub(super) fn move_closer(&mut self, error: &ScanError) -> bool {
        if error.info() != "invalid indentation" || self.inserted.len() >= MAX_MOVES {
            return false;
        }
        let parsed: Vec<char> = self.text().chars().collect();
        let at = error.marker().index();
        if !matches!(parsed.get(at), Some(']' | '}')) {
            return false;
        }
        let line_start = parsed[..at]
            .iter()
            .rposition(|c| *c == '\n')
            .map_or(0, |newline| newline + 1);
        if !parsed[line_start..at].iter().all(|c| *c == ' ') {
            return false;
        }
        let column = at - line_start;
        let above = parsed[..line_start.saturating_sub(1)]
            .split(|c| *c == '\n')
            .rev()
            .find(|line| line.iter().any(|c| !c.is_whitespace()))
            .map_or(0, |line| line.iter().take_while(|c| **c == ' ').count());
        let count = above.max(column + 1) - column;
        let written_at = self.written_offset(at);
        let place = self
            .inserted
            .partition_point(|(inserted_at, _)| *inserted_at < written_at);
        self.inserted.insert(place, (written_at, count));
        self.rebuild();
        true
    }

    /// Writes the text to parse again from the text as written and the spaces inserted.
    fn rebuild(&mut self) {
        let mut parsed = String::with_capacity(self.written.len() + 64);
        let mut insertions = self.inserted.iter().peekable();
        self.line_starts = vec![0];
        for (index, c) in self.written.chars().enumerate() {
            while let Some((_, count)) = insertions.next_if(|(at, _)| *at == index) {
                parsed.extend(std::iter::repeat_n(' ', *count));
            }
            parsed.push(c);
            if c == '\n' {
                self.line_starts.push(index + 1);
            }
        }
        self.parsed = Some(parsed);
    }
}
