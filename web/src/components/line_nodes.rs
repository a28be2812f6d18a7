//! The editor's layers (highlighted text, underlines, line numbers) as one element per line,
//! changed in place: an edit replaces only the lines it changed, so a keystroke in a manifest of
//! a thousand lines touches a line of the page, not a thousand. The lines are built with the
//! DOM's own calls; the user's text only ever goes into text nodes.

use pod_model::base::line_diff::LineChange;
use web_sys::{Document, Element};

/// The line elements under one parent, after the parent's first `before` element children.
pub struct LineNodes {
    parent: Element,
    before: u32,
    count: usize,
}

impl LineNodes {
    /// The lines of `parent`, which has `before` other element children first and no line yet.
    pub fn new(parent: Element, before: u32) -> Self {
        Self {
            parent,
            before,
            count: 0,
        }
    }

    /// The element the lines are in.
    pub fn parent(&self) -> &Element {
        &self.parent
    }

    /// Replaces the run of lines `change` names with `lines`, in order.
    pub fn replace(&mut self, change: LineChange, lines: impl Iterator<Item = Element>) {
        let children = self.parent.children();
        let at = self.before + u32::try_from(change.start).unwrap_or(u32::MAX);
        for _ in 0..change.removed.min(self.count.saturating_sub(change.start)) {
            if let Some(line) = children.item(at) {
                line.remove();
                self.count -= 1;
            }
        }
        let next = children.item(at);
        for line in lines {
            if self
                .parent
                .insert_before(&line, next.as_ref().map(AsRef::as_ref))
                .is_ok()
            {
                self.count += 1;
            }
        }
    }

    /// Replaces the line at `index` (an index past the last line appends one).
    pub fn set(&mut self, index: usize, line: &Element) {
        let at = self.before + u32::try_from(index).unwrap_or(u32::MAX);
        match self.parent.children().item(at) {
            Some(old) if index < self.count => {
                let _ = old.replace_with_with_node_1(line);
            }
            _ => {
                if self.parent.append_child(line).is_ok() {
                    self.count += 1;
                }
            }
        }
    }

    /// Removes the lines from `len` on.
    pub fn truncate(&mut self, len: usize) {
        while self.count > len {
            let at = self.before + u32::try_from(self.count - 1).unwrap_or(u32::MAX);
            if let Some(line) = self.parent.children().item(at) {
                line.remove();
            }
            self.count -= 1;
        }
    }
}

/// A `tag` element of `class` (if any), or `None` when the document cannot make one.
pub fn element(document: &Document, tag: &str, class: &str) -> Option<Element> {
    let element = document.create_element(tag).ok()?;
    if !class.is_empty() {
        element.set_class_name(class);
    }
    Some(element)
}

/// A line of `text` as a `span.line`, each of `ranges` (byte ranges of the line, in order, not
/// overlapping) in a span made by `range`, the rest as plain text. A range that is out of order
/// or not on character boundaries is left plain.
pub fn line_element<'a>(
    document: &Document,
    text: &str,
    ranges: impl Iterator<Item = (usize, usize, &'a str)>,
    range: impl Fn(&Document, &'a str) -> Option<Element>,
) -> Option<Element> {
    let line = element(document, "span", "line")?;
    let mut at = 0;
    for (start, end, class) in ranges {
        let (Some(before), Some(inside)) = (text.get(at..start), text.get(start..end)) else {
            continue;
        };
        if !before.is_empty() {
            let _ = line.append_with_str_1(before);
        }
        if let Some(span) = range(document, class) {
            span.set_text_content(Some(inside));
            let _ = line.append_child(&span);
        }
        at = end;
    }
    if let Some(rest) = text.get(at..)
        && !rest.is_empty()
    {
        let _ = line.append_with_str_1(rest);
    }
    Some(line)
}
