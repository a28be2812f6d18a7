//! The command line of `kubectl debug [-i] [-t] [-q] POD --image=IMAGE [--target=C] [-c NAME]
//! [--profile=P] [-- COMMAND…]` (staging/src/k8s.io/kubectl/pkg/cmd/debug/debug.go, v0.35): its
//! arguments and kubectl's errors about them. A scenario's `debug` action holds the command as
//! typed; the console reads it to answer, the API server to add the ephemeral container.

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
