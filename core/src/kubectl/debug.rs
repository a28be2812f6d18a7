//! `kubectl debug` (staging/src/k8s.io/kubectl/pkg/cmd/debug/debug.go, v0.35): the ephemeral
//! container it adds (its name drawn as kubectl draws it), and what it prints before and after
//! the session. Its arguments are read by [`parse`], which the scenario's `debug` action shares.

pub use crate::cluster::scenario::debug_command::{DebugOptions, LEGACY_WARNING, parse};

/// The name kubectl gives the debug container: `debugger-` and five characters of apimachinery's
/// alphabet, drawn again until no container of the Pod has it (drawn here from `seed`, so that
/// the same command at the same step names it the same).
pub fn container_name(taken: &[&str], seed: &str) -> String {
    let mut attempt = 0u32;
    loop {
        let name = crate::cluster::controllers::names::generate_name(
            "debugger-",
            &format!("{seed}#{attempt}"),
        );
        if !taken.contains(&name.as_str()) || attempt >= 100 {
            return name;
        }
        attempt += 1;
    }
}

/// What kubectl prints before it looks for the Pod, each line with true for standard error:
/// the target's notice, then the legacy profile's warning (in that order in kubectl 1.35's
/// output, a Pod that is not found included).
pub fn first_notices(options: &DebugOptions) -> Vec<(bool, String)> {
    let mut lines = Vec::new();
    if let Some(target) = options.target.as_ref().filter(|_| !options.quiet) {
        lines.push((
            false,
            format!(
                "Targeting container \"{target}\". If you don't see processes from this container it may be because the container runtime doesn't support this feature."
            ),
        ));
    }
    if options
        .profile
        .as_deref()
        .is_none_or(|profile| profile == "legacy")
    {
        lines.push((true, LEGACY_WARNING.to_owned()));
    }
    lines
}

/// What kubectl prints before the session, each line with true for standard error: the
/// [`first_notices`], the name's notice, and, when it attaches, the recording warning and the
/// prompt hint.
pub fn notices(options: &DebugOptions, name: &str) -> Vec<(bool, String)> {
    let mut lines = first_notices(options);
    if options.quiet {
        return lines;
    }
    if options.container.is_none() {
        lines.push((false, format!("Defaulting debug container name to {name}.")));
    }
    if options.stdin {
        lines.push((true, crate::kubectl::exec::RECORDED.to_owned()));
    }
    if options.stdin && options.tty {
        lines.push((true, crate::kubectl::exec::PROMPT_HINT.to_owned()));
    }
    lines
}

/// What kubectl prints when an attached session with container `name` of `pod` ends
/// (`reattachMessage`, for a Pod whose restart policy is `Always`).
pub fn session_ended(pod: &str, name: &str, ephemeral: bool) -> String {
    if ephemeral {
        format!(
            "Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach {pod} -c {name} -i -t' if it is still running"
        )
    } else {
        format!(
            "Session ended, resume using 'kubectl attach {pod} -c {name} -i -t' command when the pod is running"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `line` (the words after `kubectl debug`), as the console would.
    fn check(line: &str, expected: expect_test::Expect) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let actual = match parse(&words) {
            Ok(Some(options)) => format!("{options:?}"),
            Ok(None) => "unsupported".to_owned(),
            Err(message) => message,
        };
        expected.assert_eq(&actual);
    }

    #[test]
    fn debugs_arguments() {
        check(
            "-it ephemeral-demo --image=busybox:1.28 --target=ephemeral-demo",
            expect_test::expect![[
                r#"DebugOptions { pod: "ephemeral-demo", image: Some("busybox:1.28"), target: Some("ephemeral-demo"), container: None, command: [], stdin: true, tty: true, quiet: false, profile: None }"#
            ]],
        );
        check(
            "pod/web -i --image busybox -c dbg --profile=general -- sh",
            expect_test::expect![[
                r#"DebugOptions { pod: "web", image: Some("busybox"), target: None, container: Some("dbg"), command: ["sh"], stdin: true, tty: false, quiet: false, profile: Some("general") }"#
            ]],
        );
        check(
            "web",
            expect_test::expect!["error: you must specify --image when not using --copy-to."],
        );
        check(
            "web -t --image=busybox",
            expect_test::expect!["error: -i/--stdin is required for containers with -t/--tty=true"],
        );
        check(
            "--image=busybox",
            expect_test::expect![[r#"
                error: NAME is required for debug
                See 'kubectl debug -h' for help and examples"#]],
        );
        check(
            "web --image=busybox --frobnicate",
            expect_test::expect!["unsupported"],
        );
        check(
            "web --image=busybox --profile=odd",
            expect_test::expect!["error: unknown profile: odd"],
        );
    }

    #[test]
    fn the_name_is_drawn_again_until_it_is_free() {
        let first = container_name(&[], "web@1000");
        assert!(
            first.starts_with("debugger-") && first.len() == 14,
            "{first}"
        );
        let second = container_name(&[first.as_str()], "web@1000");
        assert_ne!(first, second);
    }
}
