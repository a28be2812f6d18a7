//! Highlighting kept across edits: the editor highlights a text once, and each edit after that
//! only the lines it changed, and the lines after them whose start state (a block scalar, open
//! flow brackets) the edit changed. A keystroke in a long manifest costs a line, not the text.

use super::{LineState, Token, highlight_line};
use crate::base::line_diff::{LineChange, changed_run};

/// The tokens of every line of the last text given to [`Highlighter::update`].
#[derive(Clone, Debug, Default)]
pub struct Highlighter {
    lines: Vec<Line>,
}

/// One line: its text, its tokens, and the state the next line starts in.
#[derive(Clone, Debug)]
struct Line {
    text: String,
    tokens: Vec<Token>,
    after: LineState,
}

impl Highlighter {
    /// Highlights `text`, reusing what the last text shares with it, and tells which run of
    /// lines changed: their tokens or their text. The result is always what
    /// [`super::highlight`] gives for `text`.
    pub fn update(&mut self, text: &str) -> LineChange {
        let new: Vec<&str> = text.split('\n').collect();
        let run = changed_run(&self.lines, &new, |old, new| old.text == *new);
        let first_kept = run.start + run.inserted;
        let mut state = self.state_before(run.start);
        let mut old_end = run.start + run.removed;
        let mut fresh = Vec::with_capacity(run.inserted);
        // The kept lines at the end are kept only from the first one that starts in the state
        // it started in before; the ones before it are highlighted again (each step of the loop
        // takes one new line, so it ends with them).
        for (index, line) in new.iter().enumerate().skip(run.start) {
            if index >= first_kept {
                if state == self.state_before(old_end) {
                    break;
                }
                old_end += 1;
            }
            let tokens = highlight_line(line, &mut state);
            fresh.push(Line {
                text: (*line).to_owned(),
                tokens,
                after: state,
            });
        }
        let change = LineChange {
            start: run.start,
            removed: old_end - run.start,
            inserted: fresh.len(),
        };
        self.lines.splice(run.start..old_end, fresh);
        debug_assert_eq!(self.lines.len(), new.len());
        change
    }

    /// How many lines the text has.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// True before the first text.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The text of the line at `index` (from 0), without its `\n`; empty past the end.
    pub fn text(&self, index: usize) -> &str {
        self.lines.get(index).map_or("", |line| line.text.as_str())
    }

    /// The tokens of the line at `index` (from 0); none past the end.
    pub fn tokens(&self, index: usize) -> &[Token] {
        self.lines
            .get(index)
            .map_or(&[][..], |line| line.tokens.as_slice())
    }

    /// The state the line at `index` starts in.
    fn state_before(&self, index: usize) -> LineState {
        index
            .checked_sub(1)
            .and_then(|previous| self.lines.get(previous))
            .map(|line| line.after)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playground::highlight::highlight;

    /// Feeds each text in turn, checking that the tokens are the whole text's, and returns each
    /// change after the first as `start -removed +inserted`.
    fn check(texts: &[&str]) -> Vec<String> {
        let mut highlighter = Highlighter::default();
        let mut changes = Vec::new();
        for (step, text) in texts.iter().enumerate() {
            let change = highlighter.update(text);
            assert_same_as_whole(&highlighter, text);
            if step > 0 {
                changes.push(format!(
                    "{} -{} +{}",
                    change.start, change.removed, change.inserted
                ));
            }
        }
        changes
    }

    fn assert_same_as_whole(highlighter: &Highlighter, text: &str) {
        let whole = highlight(text);
        assert_eq!(highlighter.len(), whole.len(), "{text:?}");
        for (index, tokens) in whole.iter().enumerate() {
            assert_eq!(
                highlighter.tokens(index),
                tokens.as_slice(),
                "line {index} of {text:?}"
            );
            assert_eq!(Some(highlighter.text(index)), text.split('\n').nth(index));
        }
    }

    #[test]
    fn an_edit_redoes_only_the_lines_it_changes() {
        let pod = "kind: Pod\nspec:\n  containers:\n  - name: a\n    image: nginx\n";
        let typed = "kind: Pod\nspec:\n  containers:\n  - name: a\n    image: nginx:1\n";
        let newline = "kind: Pod\nspec:\n  containers:\n  - name: a\n\n    image: nginx:1\n";
        assert_eq!(
            check(&[pod, typed, typed, newline, typed, ""]),
            ["4 -1 +1", "6 -0 +0", "4 -0 +1", "4 -1 +0", "0 -5 +0"]
        );
    }

    #[test]
    fn a_change_of_state_carries_on_to_the_lines_it_reaches() {
        // Opening a block scalar makes the deeper lines after it text; the line after them
        // starts in another state too, so it is redone, and nothing after it.
        let plain = "args:\n- x\n  echo a: b\n  # c\nnext: 1";
        let block = "args:\n- |\n  echo a: b\n  # c\nnext: 1";
        // An open bracket reaches every line after it.
        let open = "a: [1,\nb: 2\nc: 3";
        let closed = "a: [1],\nb: 2\nc: 3";
        assert_eq!(check(&[plain, block, plain]), ["1 -4 +4", "1 -4 +4"]);
        assert_eq!(check(&[open, closed]), ["0 -3 +3"]);
    }

    #[test]
    fn any_sequence_of_edits_gives_the_whole_texts_tokens() {
        let mut text = String::from(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n  - name: a\n    args:\n    - |\n      echo hi\n    image: busybox\n",
        );
        let pieces = [
            "a", " ", "\n", "|", ">", "{", "}", "[", "]", ":", "#", "-", "\"", "\t", "\u{a0}",
            "\r\n", "  ",
        ];
        let mut highlighter = Highlighter::default();
        let mut seed: u64 = 42;
        for _ in 0..400 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let boundaries: Vec<usize> = (0..=text.len())
                .filter(|at| text.is_char_boundary(*at))
                .collect();
            let at = boundaries[(seed >> 33) as usize % boundaries.len()];
            if seed.is_multiple_of(3) && at < text.len() {
                let next = text[at..].chars().next().map_or(0, char::len_utf8);
                text.replace_range(at..at + next, "");
            } else {
                text.insert_str(at, pieces[(seed >> 20) as usize % pieces.len()]);
            }
            highlighter.update(&text);
            assert_same_as_whole(&highlighter, &text);
        }
    }
}
