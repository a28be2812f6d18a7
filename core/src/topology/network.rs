//! The Pod's network namespace as its containers use it: which ports each one listens on, which
//! localhost ports and remote hosts each one connects to, and which ports two containers both
//! want (a conflict: the second fails to bind).

use crate::api::v1::{Container, ContainerKind, IntOrString, Pod, Probe};
use crate::runtime::images;
use crate::runtime::kubelet_expansion;
use crate::topology::commands::{Invocation, base_name};

/// How the playground knows that a container listens on a port.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PortSource {
    /// Declared in `ports`, at this field path.
    Declared(String),
    /// The image's program listens there by default.
    Image(String),
    /// The command line starts a server there (`nc -l -p 9000`, `--port=8080`).
    Command(String),
    /// A probe of the container checks it.
    Probe(String),
}

impl PortSource {
    /// Why the playground thinks the port is open, in words.
    pub fn describe(&self) -> String {
        match self {
            PortSource::Declared(path) => format!("declared at {path}"),
            PortSource::Image(image) => format!("the {image} image listens here by default"),
            PortSource::Command(program) => format!("its command starts {program} on this port"),
            PortSource::Probe(probe) => format!("its {probe} probe checks this port"),
        }
    }
}

/// A port a container listens on, in the Pod's shared network namespace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Port {
    /// The container, by index in [`Pod::all_containers`] order.
    pub container: usize,
    /// The port number.
    pub number: u16,
    /// The port's name, when declared with one.
    pub name: Option<String>,
    /// `TCP`, `UDP` or `SCTP`.
    pub protocol: String,
    /// How it is known.
    pub source: PortSource,
    /// The probes that check it (`liveness: GET /healthz`).
    pub probes: Vec<String>,
}

/// Where a container connects to.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Target {
    /// A port on localhost: another container of the Pod, or itself.
    Localhost(u16),
    /// A host outside the Pod.
    Remote {
        /// The host name or address.
        host: String,
        /// The port, when known.
        port: Option<u16>,
    },
    /// A Service name looked up in DNS (`nslookup myservice`).
    Lookup(String),
}

/// A connection a container's command line or environment makes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outbound {
    /// The connecting container, by index.
    pub container: usize,
    /// Where to.
    pub target: Target,
    /// Where this was seen: `command`, `env REDIS_URL` and so on.
    pub seen_in: String,
}

/// Two containers that listen on the same port and protocol.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortConflict {
    /// The port.
    pub port: u16,
    /// The protocol.
    pub protocol: String,
    /// The container that has the port first, by index.
    pub first: usize,
    /// The container that fails to bind it, by index.
    pub second: usize,
    /// The field path that causes the conflict (the second container's port or command).
    pub path: String,
}

/// Local host names.
fn is_local(host: &str) -> bool {
    matches!(
        host,
        "localhost" | "127.0.0.1" | "::1" | "[::1]" | "0.0.0.0" | "" | "*"
    )
}

/// A port number in text such as `8080`, `:8080` or `0.0.0.0:8080`.
fn port_in(text: &str) -> Option<u16> {
    let digits = text.rsplit(':').next().unwrap_or(text);
    let digits = digits.split([',', '/']).next().unwrap_or(digits);
    digits.parse::<u16>().ok().filter(|port| *port > 0)
}

/// Flags of many servers whose value is the port or address they listen on.
const LISTEN_FLAGS: &[&str] = &[
    "--port",
    "-port",
    "--listen",
    "-listen",
    "--listen-port",
    "--http-port",
    "--metrics-port",
    "--listen-address",
    "--web.listen-address",
    "--telemetry.address",
    "--bind-address",
    "--addr",
    "-addr",
    "--address",
];

/// The ports one program of a container listens on.
pub fn listens(invocation: &Invocation) -> Vec<u16> {
    let args = &invocation.args;
    let mut ports = Vec::new();
    let flag_value = |flags: &[&str]| -> Vec<u16> {
        let mut found = Vec::new();
        for (index, arg) in args.iter().enumerate() {
            for flag in flags {
                if let Some(value) = arg
                    .strip_prefix(flag)
                    .and_then(|rest| rest.strip_prefix('='))
                {
                    found.extend(port_in(value));
                } else if arg == flag {
                    found.extend(args.get(index + 1).and_then(|value| port_in(value)));
                }
            }
        }
        found
    };
    match invocation.program.as_str() {
        "nc" | "ncat" | "netcat" => {
            let listening = args.iter().any(|arg| {
                arg.strip_prefix('-')
                    .is_some_and(|flags| !flags.starts_with('-') && flags.contains('l'))
            });
            if listening {
                ports.extend(nc_listen_port(args));
            }
        }
        "httpd" => {
            let port = args
                .iter()
                .position(|arg| arg == "-p")
                .and_then(|index| args.get(index + 1))
                .and_then(|value| port_in(value));
            ports.push(port.unwrap_or(80));
        }
        "python" | "python3" if args.iter().any(|arg| arg == "http.server") => {
            let port = args
                .iter()
                .skip_while(|arg| *arg != "http.server")
                .skip(1)
                .find_map(|arg| arg.parse().ok());
            ports.push(port.unwrap_or(8000));
        }
        "socat" => {
            for arg in args {
                let upper = arg.to_ascii_uppercase();
                if let Some(rest) = ["TCP-LISTEN:", "TCP4-LISTEN:", "TCP6-LISTEN:", "UDP-LISTEN:"]
                    .iter()
                    .find_map(|prefix| upper.strip_prefix(prefix))
                {
                    ports.extend(port_in(rest.split(',').next().unwrap_or(rest)));
                }
            }
        }
        // A client's `--port` is where it connects, not where it listens.
        program if !is_client(program, args) => ports.extend(flag_value(LISTEN_FLAGS)),
        _ => {}
    }
    ports.sort_unstable();
    ports.dedup();
    ports
}

/// Programs that connect rather than listen, whatever their flags say.
const CLIENTS: &[&str] = &[
    "mysql",
    "psql",
    "redis-cli",
    "mongo",
    "mongosh",
    "curl",
    "wget",
    "telnet",
    "ssh",
    "kubectl",
    "grpcurl",
    "pg_isready",
    "mysqladmin",
    "cqlsh",
];

/// True for a client program, or one whose arguments name a host to reach (`-h db`,
/// `--host=db`, a URL).
fn is_client(program: &str, args: &[String]) -> bool {
    CLIENTS.contains(&program)
        || args.iter().any(|arg| {
            matches!(arg.as_str(), "-h" | "--host" | "-H")
                || arg.starts_with("--host=")
                || targets_in(arg)
                    .iter()
                    .any(|target| matches!(target, Target::Remote { .. }))
        })
}

/// The port `nc -l` listens on: the value of `-p` (alone or ending a flag cluster, `-lp`), or
/// else the last number that is not the value of another flag (`-w 5`).
fn nc_listen_port(args: &[String]) -> Option<u16> {
    const TAKES_VALUE: &[&str] = &["-w", "-i", "-q", "-s", "-W", "-T", "-I", "-O", "-e", "-c"];
    let mut positional = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if let Some(flags) = arg.strip_prefix('-').filter(|f| !f.starts_with('-')) {
            if flags.ends_with('p') {
                return rest.next().and_then(|value| port_in(value));
            }
            if TAKES_VALUE.contains(&arg.as_str()) {
                rest.next();
            }
            continue;
        }
        if let Ok(port) = arg.parse::<u16>() {
            positional = Some(port).filter(|port| *port > 0);
        }
    }
    positional
}

/// Where the image's own program listens, when the command line runs it (or leaves the image's
/// default command alone).
fn image_ports(container: &Container, invocations: &[Invocation]) -> Vec<u16> {
    let image = container.image.as_deref().unwrap_or_default();
    if let Some(profile) = images::profile(image) {
        let runs_default = container.command.is_empty();
        let program_named = profile.default_command.iter().any(|part| {
            let name = base_name(part);
            invocations
                .iter()
                .any(|inv| inv.program == name && name != "sh")
        });
        if runs_default || program_named {
            if profile.repositories.contains(&"agnhost")
                && let Some(sub) = container.args.first()
                && let Some(agnhost) = images::agnhost(sub)
            {
                return agnhost.ports.to_vec();
            }
            return profile.ports.to_vec();
        }
    }
    Vec::new()
}

/// Every port each container listens on, declared ones first, then those known from images,
/// commands and probes. `invocations[i]` are container `i`'s programs.
pub fn ports(pod: &Pod, invocations: &[Vec<Invocation>]) -> Vec<Port> {
    let mut out: Vec<Port> = Vec::new();
    for (index, (_, path, container)) in pod.indexed_containers().into_iter().enumerate() {
        let first = out.len();
        let known = |out: &[Port], number: u16| out[first..].iter().any(|p| p.number == number);
        for (port_index, port) in container.ports.iter().enumerate() {
            let Ok(number) = u16::try_from(port.container_port) else {
                continue;
            };
            if known(&out, number) {
                continue;
            }
            out.push(Port {
                container: index,
                number,
                name: port.name.clone(),
                protocol: port.protocol.clone().unwrap_or_else(|| "TCP".to_owned()),
                source: PortSource::Declared(format!("{path}.ports[{port_index}]")),
                probes: Vec::new(),
            });
        }
        let programs = invocations
            .get(index)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let image = container.image.as_deref().unwrap_or_default();
        let repository = super::repository(image);
        let mut found: Vec<(u16, PortSource)> = image_ports(container, programs)
            .into_iter()
            .map(|number| (number, PortSource::Image(repository.clone())))
            .collect();
        for program in programs {
            for number in listens(program) {
                found.push((number, PortSource::Command(program.program.clone())));
            }
        }
        for (probe_kind, probe) in probes(container) {
            if let Some(number) = probe_port(container, probe) {
                found.push((number, PortSource::Probe(probe_kind.to_owned())));
            }
        }
        for (number, source) in found {
            if !known(&out, number) {
                out.push(Port {
                    container: index,
                    number,
                    name: None,
                    protocol: "TCP".to_owned(),
                    source,
                    probes: Vec::new(),
                });
            }
        }
        for (probe_kind, probe) in probes(container) {
            let Some(number) = probe_port(container, probe) else {
                continue;
            };
            if let Some(port) = out[first..].iter_mut().find(|p| p.number == number) {
                port.probes
                    .push(format!("{probe_kind}: {}", probe_summary(probe)));
            }
        }
    }
    out
}

/// A container's probes, by kind.
fn probes(container: &Container) -> Vec<(&'static str, &Probe)> {
    [
        ("startup", container.startup_probe.as_deref()),
        ("liveness", container.liveness_probe.as_deref()),
        ("readiness", container.readiness_probe.as_deref()),
    ]
    .into_iter()
    .filter_map(|(kind, probe)| probe.map(|probe| (kind, probe)))
    .collect()
}

/// The port a network probe checks, with named ports resolved.
fn probe_port(container: &Container, probe: &Probe) -> Option<u16> {
    let port = match (&probe.http_get, &probe.tcp_socket, &probe.grpc) {
        (Some(http), _, _) => http.port.clone(),
        (_, Some(tcp), _) => tcp.port.clone(),
        (_, _, Some(grpc)) => IntOrString::Int(grpc.port),
        _ => return None,
    };
    container.port_number(&port)
}

fn probe_summary(probe: &Probe) -> String {
    match (&probe.http_get, &probe.tcp_socket, &probe.grpc) {
        (Some(http), _, _) => format!("GET {}", http.path.as_deref().unwrap_or("/")),
        (_, Some(_), _) => "TCP connect".to_owned(),
        _ => "gRPC health check".to_owned(),
    }
}

/// Default ports of URL schemes.
fn scheme_port(scheme: &str) -> Option<u16> {
    Some(match scheme {
        "http" | "ws" => 80,
        "https" | "wss" => 443,
        "redis" => 6379,
        "postgres" | "postgresql" => 5432,
        "mysql" => 3306,
        "mongodb" => 27017,
        "amqp" => 5672,
        "nats" => 4222,
        "kafka" => 9092,
        _ => return None,
    })
}

/// The targets named in one piece of text: URLs, `host:port` pairs and socat addresses.
fn targets_in(text: &str) -> Vec<Target> {
    let mut out = Vec::new();
    for token in text.split([' ', ',', ';', '"', '\'', '=']) {
        let (scheme, rest) = match token.split_once("://") {
            Some((scheme, rest)) => (Some(scheme.to_ascii_lowercase()), rest),
            None => (None, token),
        };
        // socat's `TCP:host:port`.
        let rest = ["TCP:", "TCP4:", "tcp:", "tcp4:"]
            .iter()
            .find_map(|prefix| rest.strip_prefix(prefix))
            .unwrap_or(rest);
        let authority = rest.split('/').next().unwrap_or(rest);
        let authority = authority.rsplit('@').next().unwrap_or(authority);
        let (host, port) = match authority.rsplit_once(':') {
            Some((host, port)) => match port.parse::<u16>() {
                Ok(port) => (host, Some(port)),
                Err(_) => continue,
            },
            None if scheme.is_some() => (authority, None),
            None => continue,
        };
        let port = port.or_else(|| scheme.as_deref().and_then(scheme_port));
        if host.is_empty() && scheme.is_none() {
            // `:8080` is a listen address, not a target.
            continue;
        }
        let plausible_host = !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '[' | ']' | ':'))
            && host.chars().any(|c| c.is_ascii_alphabetic() || c == '.');
        if !plausible_host && !is_local(host) {
            continue;
        }
        if is_local(host) {
            if let Some(port) = port {
                out.push(Target::Localhost(port));
            }
        } else if scheme.is_some() || host.contains('.') {
            out.push(Target::Remote {
                host: host.to_owned(),
                port,
            });
        }
    }
    out
}

/// Every connection each container makes, from its programs' arguments and its environment.
pub fn outbound(pod: &Pod, invocations: &[Vec<Invocation>]) -> Vec<Outbound> {
    let mut out = Vec::new();
    for (index, (_, container)) in pod.all_containers().enumerate() {
        let mut push = |target: Target, seen_in: String| {
            let outbound = Outbound {
                container: index,
                target,
                seen_in,
            };
            if !out.contains(&outbound) {
                out.push(outbound);
            }
        };
        for program in invocations.get(index).into_iter().flatten() {
            let listening = listens(program);
            match program.program.as_str() {
                "nslookup" | "dig" | "host" | "getent" => {
                    if let Some(name) = program.args.iter().rev().find(|arg| !arg.starts_with('-'))
                    {
                        push(Target::Lookup(name.clone()), program.program.clone());
                    }
                    continue;
                }
                "nc" | "ncat" | "netcat" | "telnet" if listening.is_empty() => {
                    let plain: Vec<&String> = program
                        .args
                        .iter()
                        .filter(|a| !a.starts_with('-'))
                        .collect();
                    if let [host, port, ..] = plain.as_slice()
                        && let Ok(port) = port.parse::<u16>()
                    {
                        let target = if is_local(host) {
                            Target::Localhost(port)
                        } else {
                            Target::Remote {
                                host: (*host).clone(),
                                port: Some(port),
                            }
                        };
                        push(target, program.program.clone());
                    }
                    continue;
                }
                _ => {}
            }
            for arg in &program.args {
                for target in targets_in(arg) {
                    // A server's own listen address is not a connection.
                    if let Target::Localhost(port) = target
                        && listening.contains(&port)
                    {
                        continue;
                    }
                    push(target, program.program.clone());
                }
            }
        }
        let env = kubelet_expansion::literal_env(&container.env);
        for (name, value) in &env {
            for target in targets_in(value) {
                push(target, format!("env {name}"));
            }
        }
    }
    out
}

/// Containers that listen on the same port and protocol while they run together. Init
/// containers run one at a time and alone, so only sidecars and app containers can clash.
pub fn port_conflicts(pod: &Pod, ports: &[Port]) -> Vec<PortConflict> {
    let kinds: Vec<(ContainerKind, String)> = pod
        .indexed_containers()
        .into_iter()
        .map(|(kind, path, _)| (kind, path))
        .collect();
    let mut out = Vec::new();
    for (index, port) in ports.iter().enumerate() {
        if kinds
            .get(port.container)
            .is_none_or(|(kind, _)| *kind == ContainerKind::Init)
        {
            continue;
        }
        let earlier = ports[..index].iter().find(|other| {
            other.number == port.number
                && other.protocol == port.protocol
                && other.container != port.container
                && kinds
                    .get(other.container)
                    .is_some_and(|(kind, _)| *kind != ContainerKind::Init)
        });
        let Some(earlier) = earlier else {
            continue;
        };
        let container_path = &kinds[port.container].1;
        let path = match &port.source {
            PortSource::Declared(path) => format!("{path}.containerPort"),
            PortSource::Command(_) => format!("{container_path}.command"),
            PortSource::Image(_) | PortSource::Probe(_) => format!("{container_path}.image"),
        };
        out.push(PortConflict {
            port: port.number,
            protocol: port.protocol.clone(),
            first: earlier.container,
            second: port.container,
            path,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    fn check(text: &str, expected: Expect) {
        let out: Vec<String> = targets_in(text).iter().map(|t| format!("{t:?}")).collect();
        expected.assert_eq(&out.join("\n"));
    }

    #[test]
    fn targets_are_found_in_text() {
        check("redis://localhost:6379/0", expect!["Localhost(6379)"]);
        check("http://localhost/healthz", expect!["Localhost(80)"]);
        check(
            "TCP:redis.prod.example.com:6379",
            expect![[r#"Remote { host: "redis.prod.example.com", port: Some(6379) }"#]],
        );
        check(
            "postgres://app:secret@db.internal:5432/app",
            expect![[r#"Remote { host: "db.internal", port: Some(5432) }"#]],
        );
        check(":9100", expect![""]);
        check("12:30", expect![""]);
        check("/var/log/app.log", expect![""]);
    }

    fn listening(program: &str, args: &[&str]) -> Vec<u16> {
        listens(&Invocation {
            program: program.to_owned(),
            args: args.iter().map(|s| (*s).to_owned()).collect(),
            ..Invocation::default()
        })
    }

    #[test]
    fn servers_on_the_command_line() {
        assert_eq!(listening("nc", &["-lk", "-p", "9000"]), [9000]);
        assert_eq!(listening("nc", &["-l", "8080"]), [8080]);
        assert_eq!(listening("nc", &["localhost", "8080"]), Vec::<u16>::new());
        assert_eq!(listening("httpd", &["-f", "-p", "8080"]), [8080]);
        assert_eq!(listening("httpd", &["-f"]), [80]);
        assert_eq!(listening("python3", &["-m", "http.server"]), [8000]);
        assert_eq!(
            listening(
                "socat",
                &["TCP-LISTEN:6379,fork,reuseaddr", "TCP:redis:6379"]
            ),
            [6379]
        );
        assert_eq!(
            listening("exporter", &["--web.listen-address=:9113"]),
            [9113]
        );
        assert_eq!(listening("server", &["--port", "8081"]), [8081]);
        assert_eq!(listening("nc", &["-l", "-w", "5", "8080"]), [8080]);
        assert_eq!(listening("nc", &["-lp", "9000"]), [9000]);
        assert_eq!(listening("mysql", &["--port=3306"]), Vec::<u16>::new());
        assert_eq!(
            listening("app", &["--host=db.example.com", "--port=5432"]),
            Vec::<u16>::new()
        );
    }
}
