//! Mounts the Podplay app on the page's `<body>`; the app itself lives in the library.

/// The page's allocator: Talc is smaller than the default (dlmalloc) in the first load, and
/// faster.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    report_panics();
    leptos::mount::mount_to_body(podplay_web::App);
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `console.error`.
    #[wasm_bindgen(js_namespace = console)]
    fn error(message: &str);
}

/// Says in the browser's console where and why the page's code panicked, which would
/// otherwise end it without a word. (A smaller hook than `console_error_panic_hook`, which
/// adds the JavaScript stack: the page's first load is counted in bytes.)
fn report_panics() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("");
        let place = info
            .location()
            .map(|at| format!(" at {}:{}", at.file(), at.line()))
            .unwrap_or_default();
        error(&format!("Podplay's page panicked{place}: {message}"));
    }));
}
