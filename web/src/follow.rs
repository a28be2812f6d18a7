//! The views follow the editor: a keystroke repaints only the editor, and the model's work
//! (parsing, validation, the cluster, the diagram's layout) runs on the text after the browser
//! has painted it. Keys that come faster than the model are folded into one run on the latest
//! text, so the views never show an older text after a newer one.

use std::time::Duration;

use leptos::prelude::*;

/// How long the views wait for a frame before following anyway: a hidden tab or an iframe
/// scrolled out of sight gets no animation frames.
const NO_FRAME_MS: u64 = 100;

/// The text the views show, following `text` after each paint, and whether the views are still
/// behind the editor.
pub struct Following {
    /// The text the model works on.
    pub text: ReadSignal<String>,
    /// True while the editor shows a newer text than the views.
    pub behind: Memo<bool>,
}

/// Makes the views follow `text` one paint behind the editor.
pub fn after_paint(text: Signal<String>) -> Following {
    let shown = RwSignal::new(text.get_untracked());
    // The number of the catch-up waiting to run, if any. Each has its own, so that a timer of an
    // earlier one (the fallback of a key already followed) never runs the model before a paint.
    let pending = StoredValue::new(None::<u64>);
    let numbers = StoredValue::new(0_u64);
    let catch_up = move |number: u64| {
        if pending.get_value() != Some(number) {
            return;
        }
        pending.set_value(None);
        let latest = text.get_untracked();
        if shown.with_untracked(|shown| *shown != latest) {
            shown.set(latest);
        }
    };
    Effect::new(move |_| {
        let differs = text.with(|text| shown.with_untracked(|shown| shown != text));
        if !differs || pending.get_value().is_some() {
            return;
        }
        numbers.update_value(|number| *number += 1);
        let number = numbers.get_value();
        pending.set_value(Some(number));
        // The first of the two to come runs the model; the other finds nothing pending.
        request_animation_frame(move || set_timeout(move || catch_up(number), Duration::ZERO));
        set_timeout(move || catch_up(number), Duration::from_millis(NO_FRAME_MS));
    });
    let behind = Memo::new(move |_| text.with(|text| shown.with(|shown| shown != text)));
    Following {
        text: shown.read_only(),
        behind,
    }
}
