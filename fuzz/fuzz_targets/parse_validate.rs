//! Any text through the whole reading of a manifest: YAML or JSON, strict decoding, defaults,
//! validation and lint. It must never panic, whatever the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = pod_model::parse(&text);
    for diagnostic in &parsed.diagnostics {
        let _ = diagnostic.to_string();
    }
    let _ = parsed.invalid_message();
});
