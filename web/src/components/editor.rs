//! The manifest editor: a plain textarea over a highlighted copy of its text, with line numbers,
//! gutter marks and underlines for the diagnostics, and the documentation of the field under
//! the pointer or the caret. The tokens and underlines come from `pod-model`; the documentation
//! comes from the model thread (its tables are not in the page's code), a moment after the
//! pointer or the caret stops on a key.

use leptos::html;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use pod_model::Span;
use pod_model::api::diagnostic::{Diagnostic, Severity};
use pod_model::base::decimal;
use pod_model::base::line_diff::changed_run;
use pod_model::playground::highlight::{self, Highlighter, Underline};
use pod_model::playground::model::Doc;
use web_sys::{Document, Element};

use super::line_nodes::{LineNodes, element, line_element};

/// The height of one line, in pixels; the stylesheet's `.code` line height must match.
const LINE_PX: f64 = 20.0;
/// The padding around the text, in pixels; the stylesheet's `.code` padding must match.
const PAD_PX: f64 = 8.0;
/// The most underlines drawn (the list below the editor has every diagnostic).
const MAX_UNDERLINES: usize = 200;

/// A text editor for the manifest. Tab inserts two spaces (YAML has no tabs), through the
/// browser's own editing so that undo and redo keep working; after Escape, Tab moves the focus
/// on, so the keyboard never traps it.
#[component]
pub fn Editor(
    /// The text to show.
    #[prop(into)]
    text: Signal<String>,
    /// The diagnostics to mark.
    #[prop(into)]
    diagnostics: Signal<Vec<Diagnostic>>,
    /// A range to select and scroll to (set by a click on a diagnostic).
    #[prop(into)]
    jump: Signal<Option<Span>>,
    /// True when the text may not be edited (an embed can say so).
    #[prop(into)]
    read_only: Signal<bool>,
    /// Called with the whole new text after every edit.
    on_input: Callback<String>,
    /// Looks up the documentation of the field at a line and column (from 1) of the text, for
    /// the caret (true) or the pointer, and calls back with it.
    look_up_doc: Callback<(u32, u32, bool, Callback<Option<Doc>>)>,
) -> impl IntoView {
    let area = NodeRef::<html::Textarea>::new();
    let scroller = NodeRef::<html::Div>::new();
    let measure = NodeRef::<html::Span>::new();
    let escaped = RwSignal::new(false);
    let hover = RwSignal::new(None::<(Doc, f64, f64)>);
    let caret_doc = RwSignal::new(None::<Doc>);
    // The place last looked up for the pointer and for the caret; an answer for another place
    // (the pointer moved on meanwhile) is dropped.
    let pointer_at = StoredValue::new(None::<(u32, u32)>);
    let caret_at = StoredValue::new(None::<(u32, u32)>);
    let on_keydown = move |event: leptos::ev::KeyboardEvent| match event.key().as_str() {
        "Escape" => escaped.set(true),
        "Tab" if !escaped.get_untracked() && !event.shift_key() && !read_only.get_untracked() => {
            if insert_text("  ") {
                event.prevent_default();
            }
        }
        _ => escaped.set(false),
    };
    let lines = Memo::new(move |_| text.with(|text| text.split('\n').count()));
    let widest = Memo::new(move |_| {
        text.with(|text| {
            text.split('\n')
                .map(|l| l.chars().count())
                .max()
                .unwrap_or(0)
        })
    });
    let underlines = Memo::new(move |_| {
        text.with(|text| {
            diagnostics.with(|diagnostics| highlight::underlines(text, diagnostics, MAX_UNDERLINES))
        })
    });
    // The documentation of the key at the caret, after a click or a key that moves it.
    let show_caret_doc = move || {
        let Some(area) = area.get_untracked() else {
            return;
        };
        let offset = area.selection_start().ok().flatten().unwrap_or(0);
        let place = text.with_untracked(|text| highlight::position_of_utf16(text, offset));
        caret_at.set_value(Some(place));
        let answered = Callback::new(move |doc: Option<Doc>| {
            if caret_at.get_value() == Some(place) {
                caret_doc.set(doc);
            }
        });
        look_up_doc.run((place.0, place.1, true, answered));
    };
    let on_mousemove = move |event: leptos::ev::MouseEvent| {
        let (Some(area), Some(measure)) = (area.get_untracked(), measure.get_untracked()) else {
            return;
        };
        let rect = area.get_bounding_client_rect();
        let char_px = measure.get_bounding_client_rect().width() / 10.0;
        let x = f64::from(event.client_x()) - rect.left() - PAD_PX;
        let y = f64::from(event.client_y()) - rect.top() - PAD_PX;
        if x < 0.0 || y < 0.0 || char_px <= 0.0 {
            pointer_at.set_value(None);
            hover.set(None);
            return;
        }
        let line = (y / LINE_PX).floor() as u32 + 1;
        let column = (x / char_px).floor() as u32 + 1;
        if pointer_at.get_value() == Some((line, column)) {
            return;
        }
        pointer_at.set_value(Some((line, column)));
        let top = f64::from(line) * LINE_PX + PAD_PX + 4.0;
        let left = (f64::from(column) * char_px)
            .min(rect.width() - 200.0)
            .max(0.0);
        let answered = Callback::new(move |doc: Option<Doc>| {
            if pointer_at.get_value() == Some((line, column)) {
                hover.set(doc.map(|doc| (doc, left, top)));
            }
        });
        look_up_doc.run((line, column, false, answered));
    };
    // The text reaches the textarea only when it differs from what it shows (an example, a
    // restored draft): writing it back after each keystroke would make the browser rebuild
    // the field and lay it out again.
    Effect::new(move |_| {
        text.with(|text| {
            if let Some(area) = area.get()
                && area.value() != *text
            {
                area.set_value(text);
            }
        });
    });
    // A click on a diagnostic selects its range and scrolls it into view.
    Effect::new(move |_| {
        let Some(span) = jump.get() else {
            return;
        };
        let (Some(area), Some(scroller)) = (area.get_untracked(), scroller.get_untracked()) else {
            return;
        };
        let (start, end) = text.with_untracked(|text| {
            let start = highlight::utf16_offset(text, span.start.line, span.start.column);
            let end = highlight::utf16_offset(text, span.end.line, span.end.column);
            (start, end.max(start))
        });
        let _ = area.focus();
        let _ = area.set_selection_range(start, end);
        let line_top = f64::from(span.start.line.saturating_sub(1)) * LINE_PX;
        let view = f64::from(scroller.client_height());
        scroller.set_scroll_top((line_top - view / 3.0).max(0.0) as i32);
        show_caret_doc();
    });

    // The three layers follow the text line by line (see `line_nodes`): each edit redraws the
    // lines it changed.
    let gutter = NodeRef::<html::Div>::new();
    let highlight_layer = NodeRef::<html::Pre>::new();
    let underline_layer = NodeRef::<html::Pre>::new();
    let highlighted = StoredValue::new_local(None::<(LineNodes, Highlighter)>);
    Effect::new(move |_| {
        let Some(pre) = highlight_layer.get() else {
            return;
        };
        let pre: Element = pre.into();
        text.with(|text| {
            highlighted.update_value(|layer| {
                // The measure comes before the lines.
                let (nodes, highlighter) = fresh_layer(layer, &pre, 1, Highlighter::default);
                let change = highlighter.update(text);
                let document = document();
                let lines = (change.start..change.start + change.inserted)
                    .filter_map(|index| highlighted_line(&document, highlighter, index));
                nodes.replace(change, lines);
            });
        });
    });
    let underlined = StoredValue::new_local(None::<(LineNodes, Vec<LayerLine>)>);
    Effect::new(move |_| {
        let Some(pre) = underline_layer.get() else {
            return;
        };
        let pre: Element = pre.into();
        let lines = text.with(|text| underlines.with(|marks| underlined_lines(text, marks)));
        underlined.update_value(|layer| {
            let (nodes, shown) = fresh_layer(layer, &pre, 0, Vec::new);
            let change = changed_run(shown, &lines, PartialEq::eq);
            let document = document();
            let new = lines[change.start..change.start + change.inserted]
                .iter()
                .filter_map(|line| underlined_line(&document, line));
            nodes.replace(change, new);
            *shown = lines;
        });
    });
    let numbers = Memo::new(move |_| underlines.with(|marks| gutter_lines(lines.get(), marks)));
    let numbered = StoredValue::new_local(None::<(LineNodes, Vec<GutterLine>)>);
    Effect::new(move |_| {
        let Some(div) = gutter.get() else {
            return;
        };
        let div: Element = div.into();
        numbers.with(|lines| {
            numbered.update_value(|layer| {
                let (nodes, shown) = fresh_layer(layer, &div, 0, Vec::new);
                let document = document();
                // A line's number stays at its place: only marks and the count change.
                for (index, line) in lines.iter().enumerate() {
                    if shown.get(index) != Some(line)
                        && let Some(number) = line_number(&document, *line)
                    {
                        nodes.set(index, &number);
                    }
                }
                nodes.truncate(lines.len());
                shown.clone_from(lines);
            });
        });
    });

    view! {
        <div class="editor-frame">
            <div class="code-scroller" node_ref=scroller>
                <div class="gutter" aria-hidden="true" node_ref=gutter></div>
                <div
                    class="code-stack"
                    style:width=move || format!("calc({}ch + {}px)", widest.get() + 2, decimal::fixed(PAD_PX * 2.0, 0))
                    style:height=move || format!("{}px", decimal::fixed(lines.get() as f64 * LINE_PX + PAD_PX * 2.0, 0))
                >
                    <pre class="code highlight" aria-hidden="true" node_ref=highlight_layer>
                        <span class="measure" node_ref=measure>"0000000000"</span>
                    </pre>
                    <pre class="code underlines" aria-hidden="true" node_ref=underline_layer></pre>
                    <textarea
                        class="code editor"
                        node_ref=area
                        data-testid="editor"
                        aria-label="Pod manifest (YAML or JSON). Tab inserts two spaces; press Escape, then Tab, to leave."
                        aria-describedby="field-doc"
                        spellcheck="false"
                        autocomplete="off"
                        autocapitalize="off"
                        wrap="off"
                        prop:readOnly=move || read_only.get()
                        on:input=move |event| on_input.run(event_target_value(&event))
                        on:keydown=on_keydown
                        on:keyup=move |_| show_caret_doc()
                        on:click=move |_| show_caret_doc()
                        on:mousemove=on_mousemove
                        on:mouseleave=move |_| {
                            pointer_at.set_value(None);
                            hover.set(None);
                        }
                        on:blur=move |_| escaped.set(false)
                    ></textarea>
                    {move || hover.get().map(|(doc, left, top)| view! {
                        <div
                            class="field-tooltip"
                            role="tooltip"
                            data-testid="field-tooltip"
                            style:left=format!("{}px", decimal::fixed(left, 1))
                            style:top=format!("{}px", decimal::fixed(top, 1))
                        >
                            <code>{doc.path}</code>
                            " "
                            {doc_text(doc.text)}
                        </div>
                    })}
                </div>
            </div>
            <p class="field-doc" id="field-doc" data-testid="field-doc" aria-live="polite">
                {move || match caret_doc.get() {
                    Some(doc) => view! { <code>{doc.path}</code>" "{doc_text(doc.text)}}.into_any(),
                    None => view! { <span class="muted">"Put the caret on a field name to read what it does."</span> }.into_any(),
                }}
            </p>
        </div>
    }
}

/// A field's documentation, or a word on a field the API does not know.
fn doc_text(doc: String) -> String {
    if doc.is_empty() {
        "No documentation: not a field Podplay knows.".to_owned()
    } else {
        doc
    }
}

/// One line number and the most serious diagnostic on its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct GutterLine {
    number: usize,
    mark: Option<Severity>,
}

/// The gutter's lines: each line's number and its worst diagnostic.
fn gutter_lines(lines: usize, underlines: &[Underline]) -> Vec<GutterLine> {
    let mut marks: Vec<Option<Severity>> = vec![None; lines];
    for underline in underlines {
        if let Some(mark) = marks.get_mut(underline.line) {
            let worse = mark.is_none_or(|m| rank(underline.severity) < rank(m));
            if worse {
                *mark = Some(underline.severity);
            }
        }
    }
    marks
        .into_iter()
        .enumerate()
        .map(|(index, mark)| GutterLine {
            number: index + 1,
            mark,
        })
        .collect()
}

/// One line number, marked with a sign by its line's worst diagnostic.
fn line_number(document: &Document, line: GutterLine) -> Option<Element> {
    let (class, sign) = match line.mark {
        Some(Severity::Error) => ("line-number mark-error", "×"),
        Some(Severity::Warning) => ("line-number mark-warning", "!"),
        Some(Severity::Note) => ("line-number mark-note", "i"),
        None => ("line-number", ""),
    };
    let number = element(document, "div", class)?;
    let _ = number.set_attribute("data-line", &line.number.to_string());
    let mark = element(document, "span", "sign")?;
    mark.set_text_content(Some(sign));
    let _ = number.append_child(&mark);
    let _ = number.append_with_str_1(&line.number.to_string());
    Some(number)
}

/// Errors first, then warnings, then notes.
fn rank(severity: Severity) -> u8 {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Note => 2,
    }
}

/// A byte range of a line and the class it is drawn with.
type Range = (usize, usize, &'static str);

/// One line of the underline layer: its text where it has underlines, and their ranges.
#[derive(Clone, Debug, PartialEq, Eq)]
struct LayerLine {
    text: String,
    ranges: Vec<Range>,
}

/// The layer kept in `layer`, made anew (with `empty` as its content) when there is none yet or
/// it is for another element than `parent` (the editor was mounted again).
fn fresh_layer<'a, T>(
    layer: &'a mut Option<(LineNodes, T)>,
    parent: &Element,
    before: u32,
    empty: impl FnOnce() -> T,
) -> &'a mut (LineNodes, T) {
    if layer
        .as_ref()
        .is_some_and(|(nodes, _)| nodes.parent() != parent)
    {
        *layer = None;
    }
    layer.get_or_insert_with(|| (LineNodes::new(parent.clone(), before), empty()))
}

/// The line at `index` of the highlighted text: each token in a span of its kind.
fn highlighted_line(
    document: &Document,
    highlighter: &Highlighter,
    index: usize,
) -> Option<Element> {
    let tokens = highlighter
        .tokens(index)
        .iter()
        .map(|token| (token.start, token.end, token.kind.as_str()));
    line_element(
        document,
        highlighter.text(index),
        tokens,
        |document, kind| element(document, "span", &format!("tok-{kind}")),
    )
}

/// An invisible line with each underlined range in a span that draws the wavy line.
fn underlined_line(document: &Document, line: &LayerLine) -> Option<Element> {
    let ranges = line.ranges.iter().copied();
    line_element(document, &line.text, ranges, |document, class| {
        let span = element(document, "span", class)?;
        let _ = span.set_attribute("data-testid", "underline");
        Some(span)
    })
}

/// The text's lines with their underlined ranges; overlapping underlines keep the first (the
/// gutter shows the worst). Lines without one are empty.
fn underlined_lines(text: &str, underlines: &[Underline]) -> Vec<LayerLine> {
    let mut by_line: Vec<Vec<&Underline>> = Vec::new();
    for underline in underlines {
        if by_line.len() <= underline.line {
            by_line.resize(underline.line + 1, Vec::new());
        }
        by_line[underline.line].push(underline);
    }
    text.split('\n')
        .enumerate()
        .map(|(index, line)| {
            let mut marks: Vec<&Underline> = by_line.get(index).cloned().unwrap_or_default();
            pod_model::base::sorting::sort_by_key(&mut marks, |mark| {
                (mark.start, rank(mark.severity))
            });
            let mut ranges = Vec::new();
            let mut at = 0;
            for mark in marks {
                if mark.start < at || mark.end > line.len() {
                    continue;
                }
                let class = match mark.severity {
                    Severity::Error => "squiggle error",
                    Severity::Warning => "squiggle warning",
                    Severity::Note => "squiggle note",
                };
                ranges.push((mark.start, mark.end, class));
                at = mark.end;
            }
            // A line without a mark needs no text here (each line has its own height): so an
            // edit of it changes nothing in this layer.
            LayerLine {
                text: if ranges.is_empty() {
                    String::new()
                } else {
                    line.to_owned()
                },
                ranges,
            }
        })
        .collect()
}

/// Types `text` at the caret of the focused field as the browser's own edit (undoable), and
/// tells whether the browser did it.
fn insert_text(text: &str) -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.dyn_into::<web_sys::HtmlDocument>().ok())
        .and_then(|document| {
            document
                .exec_command_with_show_ui_and_value("insertText", false, text)
                .ok()
        })
        .unwrap_or(false)
}
