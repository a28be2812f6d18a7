//! `kubectl debug [-i] [-t] [-q] POD --image=IMAGE [--target=C] [-c NAME] [--profile=P]
//! [-- COMMAND…]` (staging/src/k8s.io/kubectl/pkg/cmd/debug/debug.go, v0.35): its arguments and
//! errors, the ephemeral container it adds (its name drawn as kubectl draws it), and what it
//! prints before and after the session.

/// What `kubectl debug` was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DebugOptions {
    /// The Pod's name.
    pub pod: String,
    /// `--image`.
    pub image: Option<String>,
    /// `--target`: the container whose process namespace the debug container joins.
    pub target: Option<String>,
    /// `-c`/`--container`: the debug container's name.
    pub container: Option<String>,
    /// The command after `--`.
    pub command: Vec<String>,
    /// `-i`: the session's input goes to the container.
    pub stdin: bool,
    /// `-t`: a terminal.
    pub tty: bool,
    /// `-q`: no notices.
    pub quiet: bool,
    /// `--profile`, when given.
    pub profile: Option<String>,
}

/// kubectl's usage hint after an argument error.
const HELP: &str = "See 'kubectl debug -h' for help and examples";

/// The deprecation warning of the default profile (1.34 and 1.35 still default to `legacy`).
pub const LEGACY_WARNING: &str = "--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example \"--profile=general\".";

/// Reads `kubectl debug`'s arguments (the words after `debug`); `Ok(None)` for a flag this
/// console does not take.
pub fn parse(words: &[&str]) -> Result<Option<DebugOptions>, String> {
    let (before, command) = match words.iter().position(|word| *word == "--") {
        Some(dash) => (&words[..dash], &words[dash + 1..]),
        None => (words, &[][..]),
    };
    let mut options = DebugOptions {
        pod: String::new(),
        image: None,
        target: None,
        container: None,
        command: command.iter().map(|word| (*word).to_owned()).collect(),
        stdin: false,
        tty: false,
        quiet: false,
        profile: None,
    };
    let mut positional: Vec<&str> = Vec::new();
    let mut rest = before.iter();
    while let Some(word) = rest.next() {
        let (flag, inline) = match word.split_once('=') {
            Some((flag, value)) if flag.starts_with('-') => (flag, Some(value)),
            _ => (*word, None),
        };
        let slot = match flag {
            "-i" | "--stdin" => {
                options.stdin = true;
                continue;
            }
            "-t" | "--tty" => {
                options.tty = true;
                continue;
            }
            "-it" | "-ti" => {
                options.stdin = true;
                options.tty = true;
                continue;
            }
            "-q" | "--quiet" => {
                options.quiet = true;
                continue;
            }
            "--image" => &mut options.image,
            "--target" => &mut options.target,
            "-c" | "--container" => &mut options.container,
            "--profile" => &mut options.profile,
            "--copy-to"
            | "--share-processes"
            | "--same-node"
            | "--replace"
            | "--set-image"
            | "--attach"
            | "--env"
            | "--image-pull-policy"
            | "--arguments-only"
            | "--custom"
            | "--keep-labels"
            | "--keep-annotations"
            | "--keep-liveness"
            | "--keep-readiness"
            | "--keep-startup"
            | "--keep-init-containers" => {
                return Err(format!(
                    "podplay: kubectl debug's {flag} is not simulated: the playground adds an ephemeral container to a running Pod (kubectl debug -it POD --image=busybox --target=CONTAINER)"
                ));
            }
            other if other.starts_with('-') => return Ok(None),
            other => {
                positional.push(other);
                continue;
            }
        };
        let value = match inline {
            Some(value) => value,
            None => match rest.next() {
                Some(value) => value,
                None => {
                    return Err(format!(
                        "error: flag needs an argument: {}\n{HELP}",
                        flag.trim_start_matches('-')
                    ));
                }
            },
        };
        *slot = Some(value.to_owned());
    }
    match positional.as_slice() {
        [] => {
            return Err(format!("error: NAME is required for debug\n{HELP}"));
        }
        [pod] if pod.starts_with("node/") || pod.starts_with("nodes/") => {
            return Err(
                "podplay: kubectl debug node/NAME (a Pod in the node's namespaces) is not simulated; kubectl debug -it POD --image=busybox --target=CONTAINER adds an ephemeral container to a Pod".to_owned(),
            );
        }
        [pod] => {
            options.pod = pod
                .strip_prefix("pod/")
                .or_else(|| pod.strip_prefix("pods/"))
                .unwrap_or(pod)
                .to_owned();
        }
        [..] => {
            return Err(format!(
                "error: exactly one NAME is required, got {}\n{HELP}",
                positional.len()
            ));
        }
    }
    if options.image.as_deref().is_none_or(str::is_empty) {
        return Err("error: you must specify --image when not using --copy-to.".to_owned());
    }
    if options.tty && !options.stdin {
        return Err("error: -i/--stdin is required for containers with -t/--tty=true".to_owned());
    }
    match options.profile.as_deref() {
        None | Some("legacy" | "general") => {}
        Some(profile @ ("baseline" | "restricted" | "netadmin" | "sysadmin")) => {
            return Err(format!(
                "podplay: kubectl debug --profile={profile} is not simulated; --profile=general and --profile=legacy are"
            ));
        }
        Some(other) => {
            return Err(format!("error: unknown profile: {other}"));
        }
    }
    Ok(Some(options))
}

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

/// What kubectl prints before the session, each line with true for standard error: the
/// profile's warning, the target's and the name's notices, and, when it attaches, the
/// recording warning and the prompt hint.
pub fn notices(options: &DebugOptions, name: &str) -> Vec<(bool, String)> {
    let mut lines = Vec::new();
    if options
        .profile
        .as_deref()
        .is_none_or(|profile| profile == "legacy")
    {
        lines.push((true, LEGACY_WARNING.to_owned()));
    }
    if options.quiet {
        return lines;
    }
    if let Some(target) = &options.target {
        lines.push((
            false,
            format!(
                "Targeting container \"{target}\". If you don't see processes from this container it may be because the container runtime doesn't support this feature."
            ),
        ));
    }
    if options.container.is_none() {
        lines.push((false, format!("Defaulting debug container name to {name}.")));
    }
    if options.stdin {
        lines.push((
            true,
            "All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.".to_owned(),
        ));
    }
    if options.stdin && options.tty {
        lines.push((
            true,
            "If you don't see a command prompt, try pressing enter.".to_owned(),
        ));
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
