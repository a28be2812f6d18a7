//! `kubectl run NAME --image=IMAGE [--restart] [--env] [--port] [--labels] [--command] -- ARGS`
//! (staging/src/k8s.io/kubectl/pkg/cmd/run/run.go, pkg/generate/versioned/run.go `BasicPod`):
//! its flags and errors, and the Pod it makes, printed as `--dry-run=client -o yaml|json`
//! prints it (keys sorted, `resources: {}`, `status: {}`, no `creationTimestamp` since
//! kubectl 1.34).

use std::collections::BTreeMap;

use crate::api::encode::go_json::to_json;
use crate::api::encode::go_yaml::to_yaml;
use crate::api::image_ref::ImageRef;
use crate::api::v1::{Container, ContainerPort, EnvVar, Pod};

/// What `kubectl run` was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunOptions {
    /// The Pod's name (and its container's).
    pub name: String,
    /// `--image`.
    pub image: String,
    /// `--restart`: `Always`, `OnFailure` or `Never`.
    pub restart: String,
    /// `--env K=V`, in order.
    pub env: Vec<(String, String)>,
    /// `--port`.
    pub port: Option<i32>,
    /// `--labels k=v,…` (in place of `run: NAME`).
    pub labels: Option<BTreeMap<String, String>>,
    /// `--image-pull-policy`.
    pub image_pull_policy: Option<String>,
    /// `--command`: the words after `--` are the command rather than its arguments.
    pub command: bool,
    /// The words after `--`.
    pub args: Vec<String>,
    /// `--dry-run[=client|server]`.
    pub dry_run: bool,
    /// `-o yaml|json|name`.
    pub output: Option<String>,
    /// `-i`: the container's standard input stays open (`stdin`, `stdinOnce`), and kubectl
    /// attaches to it.
    pub stdin: bool,
    /// `-t`: a terminal (`tty`).
    pub tty: bool,
    /// `--attach`, `-i`, `-t` or `--rm`: a session with the container.
    pub attach: bool,
    /// `--rm`: the Pod is deleted once the session ends.
    pub rm: bool,
}

/// Reads `kubectl run`'s arguments (the words after `run`); `Ok(None)` for a flag this console
/// does not take.
pub fn parse(words: &[&str]) -> Result<Option<RunOptions>, String> {
    let (flags, args) = match words.iter().position(|word| *word == "--") {
        Some(dash) => (&words[..dash], &words[dash + 1..]),
        None => (words, &[][..]),
    };
    let mut options = RunOptions {
        name: String::new(),
        image: String::new(),
        restart: "Always".to_owned(),
        env: Vec::new(),
        port: None,
        labels: None,
        image_pull_policy: None,
        command: false,
        args: args.iter().map(|word| (*word).to_owned()).collect(),
        dry_run: false,
        output: None,
        attach: false,
        stdin: false,
        tty: false,
        rm: false,
    };
    let mut image = None;
    let mut positional: Vec<&str> = Vec::new();
    let mut rest = flags.iter();
    while let Some(word) = rest.next() {
        let (flag, inline) = match word.split_once('=') {
            Some((flag, value)) if flag.starts_with('-') => (flag, Some(value.to_owned())),
            _ => (*word, None),
        };
        let mut value = || -> Result<String, String> {
            match inline.clone() {
                Some(value) => Ok(value),
                None => rest.next().map(|value| (*value).to_owned()).ok_or_else(|| {
                    format!(
                        "error: flag needs an argument: {flag}\nSee 'kubectl run -h' for help and examples"
                    )
                }),
            }
        };
        match flag {
            "--image" => image = Some(value()?),
            "--restart" => options.restart = value()?,
            "--env" => {
                let pair = value()?;
                let Some((name, value)) = pair.split_once('=') else {
                    return Err(format!("error: invalid env: {pair}"));
                };
                options.env.push((name.to_owned(), value.to_owned()));
            }
            "--port" => {
                let port = value()?;
                let Ok(port) = port.parse() else {
                    return Err(format!(
                        "error: invalid argument \"{port}\" for \"--port\" flag: strconv.ParseInt: parsing \"{port}\": invalid syntax"
                    ));
                };
                options.port = Some(port);
            }
            "--labels" | "-l" => {
                let text = value()?;
                let mut labels = BTreeMap::new();
                for pair in text.split(',') {
                    let Some((key, value)) = pair.split_once('=') else {
                        return Err(format!("error: invalid label spec: {pair}"));
                    };
                    labels.insert(key.to_owned(), value.to_owned());
                }
                options.labels = Some(labels);
            }
            "--image-pull-policy" => options.image_pull_policy = Some(value()?),
            "--command" => options.command = true,
            "--dry-run" => {
                options.dry_run = match inline.as_deref() {
                    None | Some("client" | "server" | "true") => true,
                    Some("none" | "false") => false,
                    Some(other) => {
                        return Err(format!(
                            "error: Invalid dry-run value ({other}). Must be \"none\", \"server\", or \"client\"."
                        ));
                    }
                };
            }
            "-o" | "--output" => options.output = Some(value()?),
            "-i" | "--stdin" | "-t" | "--tty" | "-it" | "-ti" | "--attach" | "--rm" => {
                options.attach |= flag == "--attach";
                options.stdin |= matches!(flag, "-i" | "--stdin" | "-it" | "-ti");
                options.tty |= matches!(flag, "-t" | "--tty" | "-it" | "-ti");
                options.rm |= flag == "--rm";
            }
            other if other.starts_with("-o") && other.len() > 2 => {
                options.output = Some(other[2..].to_owned());
            }
            other if other.starts_with('-') => return Ok(None),
            other => positional.push(other),
        }
    }
    match positional.as_slice() {
        [] => {
            return Err(
                "error: NAME is required for run\nSee 'kubectl run -h' for help and examples"
                    .to_owned(),
            );
        }
        [name] => options.name = (*name).to_owned(),
        // Words before `--` beyond the name are the arguments too.
        [name, more @ ..] => {
            options.name = (*name).to_owned();
            let mut all: Vec<String> = more.iter().map(|word| (*word).to_owned()).collect();
            all.append(&mut options.args);
            options.args = all;
        }
    }
    let Some(image) = image else {
        return Err("error: required flag(s) \"image\" not set".to_owned());
    };
    if ImageRef::parse(&image).is_none() {
        return Err(format!(
            "error: Invalid image name \"{image}\": invalid reference format"
        ));
    }
    options.image = image;
    if !matches!(options.restart.as_str(), "Always" | "OnFailure" | "Never") {
        return Err(format!(
            "error: invalid restart policy: {}",
            options.restart
        ));
    }
    options.attach |= options.stdin;
    if options.dry_run && (options.attach || options.tty || options.rm) {
        return Err("error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)".to_owned());
    }
    if options.tty && !options.stdin {
        return Err("error: -i/--stdin is required for containers with -t/--tty=true".to_owned());
    }
    if options.rm && !options.attach {
        return Err("error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples".to_owned());
    }
    Ok(Some(options))
}

/// The Pod `kubectl run` makes (`BasicPod`).
pub fn pod(options: &RunOptions) -> Pod {
    let mut pod = Pod {
        api_version: "v1".to_owned(),
        kind: "Pod".to_owned(),
        ..Pod::default()
    };
    pod.metadata.name = Some(options.name.clone());
    pod.metadata.labels = options
        .labels
        .clone()
        .unwrap_or_else(|| BTreeMap::from([("run".to_owned(), options.name.clone())]));
    let mut container = Container {
        name: options.name.clone(),
        image: Some(options.image.clone()),
        image_pull_policy: options.image_pull_policy.clone(),
        ..Container::default()
    };
    if options.command {
        container.command.clone_from(&options.args);
    } else {
        container.args.clone_from(&options.args);
    }
    container.env = options
        .env
        .iter()
        .map(|(name, value)| EnvVar {
            name: name.clone(),
            value: Some(value.clone()),
            ..EnvVar::default()
        })
        .collect();
    if let Some(port) = options.port {
        container.ports = vec![ContainerPort {
            container_port: port,
            ..ContainerPort::default()
        }];
    }
    // `-i` keeps standard input open for the first session only (`stdinOnce`).
    container.stdin = options.stdin;
    container.stdin_once = options.stdin;
    container.tty = options.tty;
    pod.spec.containers = vec![container];
    pod.spec.dns_policy = Some("ClusterFirst".to_owned());
    pod.spec.restart_policy = Some(options.restart.clone());
    pod
}

/// The manifest of the Pod `kubectl run` creates, as YAML.
pub fn manifest(options: &RunOptions) -> String {
    to_yaml(&crate::api::encode::pod(&pod(options)))
}

/// What `kubectl run --dry-run=client` prints: the Pod as `-o yaml` or `-o json`, its name with
/// `-o name`, else `pod/NAME created (dry run)`; `None` for an output format kubectl would
/// refuse here.
pub fn dry_run(options: &RunOptions) -> Option<String> {
    let pod = pod(options);
    let tree = crate::api::encode::pod(&pod);
    match options.output.as_deref() {
        Some("yaml") => Some(to_yaml(&tree)),
        Some("json") => Some(to_json(&tree)),
        Some("name") => Some(format!("pod/{}\n", options.name)),
        None => Some(format!("pod/{} created (dry run)\n", options.name)),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{Expect, expect};

    /// What `kubectl run` with `words` prints (`--dry-run=client`), or its error.
    fn check(words: &str, expected: Expect) {
        let words: Vec<&str> = words.split(' ').collect();
        let out = match parse(&words) {
            Ok(Some(options)) => {
                dry_run(&options).unwrap_or_else(|| "unsupported output\n".to_owned())
            }
            Ok(None) => "unsupported flag\n".to_owned(),
            Err(error) => format!("{error}\n"),
        };
        expected.assert_eq(&out);
    }

    /// FACTS-workloads.md §8: the generated Pod of `kubectl run nginx --image=nginx`, and with
    /// a port, an environment variable and a command.
    #[test]
    fn the_pod_kubectl_run_makes() {
        check(
            "nginx --image=nginx --dry-run=client -o yaml",
            expect![[r#"
                apiVersion: v1
                kind: Pod
                metadata:
                  labels:
                    run: nginx
                  name: nginx
                spec:
                  containers:
                  - image: nginx
                    name: nginx
                    resources: {}
                  dnsPolicy: ClusterFirst
                  restartPolicy: Always
                status: {}
            "#]],
        );
        check(
            "app --image=busybox:1.36 --port=80 --env=A=1 --restart=Never --dry-run=client -o yaml --command -- sh -c sleep_3600",
            expect![[r#"
                apiVersion: v1
                kind: Pod
                metadata:
                  labels:
                    run: app
                  name: app
                spec:
                  containers:
                  - command:
                    - sh
                    - -c
                    - sleep_3600
                    env:
                    - name: A
                      value: "1"
                    image: busybox:1.36
                    name: app
                    ports:
                    - containerPort: 80
                    resources: {}
                  dnsPolicy: ClusterFirst
                  restartPolicy: Never
                status: {}
            "#]],
        );
        check(
            "web --image nginx --labels app=web,tier=front --dry-run=client",
            expect![[r#"
                pod/web created (dry run)
            "#]],
        );
    }

    #[test]
    fn kubectl_runs_errors() {
        check(
            "--image=nginx",
            expect![[r#"
            error: NAME is required for run
            See 'kubectl run -h' for help and examples
        "#]],
        );
        check(
            "nginx",
            expect![[r#"
            error: required flag(s) "image" not set
        "#]],
        );
        check(
            "nginx --image=NGINX",
            expect![[r#"
            error: Invalid image name "NGINX": invalid reference format
        "#]],
        );
        check(
            "nginx --image=nginx --restart=Sometimes",
            expect![[r#"
            error: invalid restart policy: Sometimes
        "#]],
        );
        check(
            "nginx --image=nginx --env=NOVALUE",
            expect![[r#"
            error: invalid env: NOVALUE
        "#]],
        );
        check(
            "nginx --image=nginx -it --dry-run=client",
            expect![[r#"
                error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)
            "#]],
        );
    }
}
