//! Podplay's model thread: a Web Worker that answers the page's requests
//! (`pod_model::playground::model`): the virtual cluster, the timeline and kubectl run here,
//! off the page's main thread, and their code is not part of the page's first load. It holds no
//! rule of its own: each message goes to `answer_message` and its answer goes back.

use pod_model::playground::model::{READY, answer_message};
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen::closure::Closure;

fn main() {
    console_error_panic_hook::set_once();
    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else {
        return;
    };
    let replies = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let Some(message) = event.data().as_string() else {
                return;
            };
            let answer = answer_message(&message);
            let _ = replies.post_message(&JsValue::from_str(&answer));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // Messages sent before the handler was set are lost, so the page waits for this one.
    let _ = scope.post_message(&JsValue::from_str(READY));
}
