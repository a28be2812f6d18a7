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

/// Like [`console_transcript`], but as the page runs the console: a command's action joins the
/// scenario at its instant (later commands see it), and after `kubectl exec -it … -- sh` the
/// lines go to the shell, shown after its prompt, until it exits.
pub fn console_session(manifest: &str, scenario: &str, steps: &[(&str, &[&str])]) -> String {
    let mut scenario = Scenario::from_yaml(scenario).expect("the test scenarios are valid");
    scenario.manifest = manifest.to_owned();
    let parsed = pod_model::parse(manifest);
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    let mut shell: Option<pod_model::kubectl::exec::ShellHandle> = None;
    let mut out = String::new();
    for (instant, commands) in steps {
        let at = VirtualTime::parse_duration(instant).expect("the instants are durations");
        for command in *commands {
            let reply = match &shell {
                Some(open) => {
                    out.push_str(&format!("--- {instant} {}{command}\n", open.prompt));
                    let state = pod_model::kubectl::exec::Shell::from_state(&open.state)
                        .expect("a shell's state reads back");
                    console::run_in_shell(command, &state, &parsed, &scenario, at)
                }
                None => {
                    out.push_str(&format!("--- {instant} $ {command}\n"));
                    console::run(command, &parsed, &scenario, at)
                }
            };
            let mark = if reply.error { "error> " } else { "" };
            for line in reply.text.lines() {
                out.push_str(&format!("{mark}{line}\n"));
            }
            if let Some(action) = &reply.action {
                out.push_str(&format!(
                    "(action at {instant}: {})\n",
                    action.what.describe()
                ));
                pod_model::playground::state::add_action(&mut scenario, action.clone());
            }
            shell = reply.shell;
        }
    }
    out
}
