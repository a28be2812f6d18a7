//! The console's answers to commands typed at instants of a scenario, as one text: what the
//! controllers' and the exec tests compare with their expectations.

use pod_model::base::time::VirtualTime;
use pod_model::cluster::scenario::Scenario;
use pod_model::kubectl::console;

/// Runs `manifest` in `scenario` (YAML) and prints, at each instant, the console's answer to
/// each command; with `mark_errors`, each line of an error starts with `error> `.
pub fn console_transcript(
    manifest: &str,
    scenario: &str,
    steps: &[(&str, &[&str])],
    mark_errors: bool,
) -> String {
    let parsed = pod_model::parse(manifest);
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    let scenario = Scenario::from_yaml(scenario).expect("the test scenarios are valid");
    let mut out = String::new();
    for (instant, commands) in steps {
        let at = VirtualTime::parse_duration(instant).expect("the instants are durations");
        for command in *commands {
            let reply = console::run(command, &parsed, &scenario, at);
            out.push_str(&format!("--- {instant} $ {command}\n"));
            let mark = if reply.error && mark_errors {
                "error> "
            } else {
                ""
            };
            for line in reply.text.split_inclusive('\n') {
                out.push_str(mark);
                out.push_str(line);
            }
            if !reply.text.ends_with('\n') {
                out.push('\n');
            }
        }
    }
    out
}
