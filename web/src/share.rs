//! Browser glue for share links: the page's URL fragment and the clipboard. Encoding and
//! decoding (with their bounds) are `pod_model::playground::share_link`'s.

/// The page's URL fragment, `#` included, or "" without one.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

/// Puts `fragment` in the address bar without adding a history entry, and returns the whole
/// link.
pub fn set_fragment(fragment: &str) -> String {
    let Some(window) = web_sys::window() else {
        return fragment.to_owned();
    };
    let location = window.location();
    let base = location
        .href()
        .ok()
        .map(|href| href.split('#').next().unwrap_or_default().to_owned())
        .unwrap_or_default();
    let link = format!("{base}{fragment}");
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&link));
    }
    link
}

/// Copies `text` to the clipboard when the browser allows it (it may refuse, for example in a
/// cross-origin iframe; the text stays on screen to copy by hand), and tells `done` whether it
/// did.
pub fn copy(text: &str, done: impl Fn(bool) + 'static) {
    use std::rc::Rc;
    use wasm_bindgen::JsValue;
    use wasm_bindgen::closure::Closure;
    let Some(window) = web_sys::window() else {
        done(false);
        return;
    };
    let navigator = window.navigator();
    // Some browsers have no clipboard outside secure contexts.
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|clipboard| !clipboard.is_undefined() && !clipboard.is_null());
    if !has_clipboard {
        done(false);
        return;
    }
    let promise = navigator.clipboard().write_text(text);
    let done = Rc::new(done);
    let copied = Rc::clone(&done);
    let on_copied = Closure::once(move |_: JsValue| copied(true));
    let on_refused = Closure::once(move |_: JsValue| done(false));
    let _ = promise.then2(&on_copied, &on_refused);
    on_copied.forget();
    on_refused.forget();
}
