//! The role of every container, each with the reasons in plain words: init (with its order),
//! sidecar (native or classic), ambassador, adapter or main. Roles come from structure, from
//! well-known images and from what the commands do; the annotation [`ROLES_ANNOTATION`] sets them
//! explicitly.

use std::collections::BTreeMap;
use std::fmt;

use crate::api::v1::{ContainerKind, Pod};
use crate::topology::network::{Outbound, Port, Target};
use crate::topology::{Access, VolumeUse, repository};

/// The annotation that sets roles explicitly: `podplay.dev/roles: "proxy=ambassador,
/// exporter=adapter"`. It is an ordinary annotation, so the API server keeps it and `kubectl
/// apply` leaves it alone.
pub const ROLES_ANNOTATION: &str = "podplay.dev/roles";

/// What a container is for, in the Pod.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Runs to completion, in order, before the app containers start.
    Init,
    /// Helps the main container: ships its logs, refreshes its files, watches it.
    Sidecar,
    /// A local proxy for the main container's connections to something outside the Pod.
    Ambassador,
    /// Translates the main container's output for an outside consumer, such as Prometheus.
    Adapter,
    /// Does the Pod's work.
    Main,
}

impl Role {
    /// The role's name in lower case, usable as a CSS class and in the annotation.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Init => "init",
            Role::Sidecar => "sidecar",
            Role::Ambassador => "ambassador",
            Role::Adapter => "adapter",
            Role::Main => "main",
        }
    }

    fn from_name(name: &str) -> Option<Role> {
        [
            Role::Init,
            Role::Sidecar,
            Role::Ambassador,
            Role::Adapter,
            Role::Main,
        ]
        .into_iter()
        .find(|role| role.as_str() == name.trim().to_ascii_lowercase())
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A container's role and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleInfo {
    /// The role.
    pub role: Role,
    /// True for a native sidecar: an init container with `restartPolicy: Always`.
    pub native: bool,
    /// For an init container, its place in `initContainers`, from 1.
    pub order: Option<usize>,
    /// Why, one sentence each.
    pub reasons: Vec<String>,
}

impl RoleInfo {
    /// The role as a label: `init 1/2`, `native sidecar`, `ambassador`.
    pub fn label(&self) -> String {
        match (self.role, self.native, self.order) {
            (Role::Init, _, Some(order)) => format!("init {order}"),
            (Role::Sidecar, true, _) => "native sidecar".to_owned(),
            (role, true, _) => format!("{role} (native sidecar)"),
            (role, false, _) => role.to_string(),
        }
    }
}

/// The most entries of the roles annotation read.
const MAX_ANNOTATION_ENTRIES: usize = 128;

/// Images of log shippers, by repository name.
const LOG_SHIPPERS: &[&str] = &[
    "fluentd",
    "fluent-bit",
    "filebeat",
    "promtail",
    "vector",
    "logstash",
    "fluentd-kubernetes-daemonset",
];

/// Images of proxies, by repository name.
const PROXIES: &[&str] = &[
    "envoy",
    "haproxy",
    "socat",
    "twemproxy",
    "cloud-sql-proxy",
    "cloudsql-proxy",
    "pgbouncer",
    "linkerd-proxy",
    "proxyv2",
    "oauth2-proxy",
    "ambassador",
];

/// True for a metrics exporter image (`nginx-prometheus-exporter`, `statsd-exporter`).
/// Web servers' document roots: nginx's and Apache httpd's.
const WEB_ROOTS: &[&str] = &["/usr/share/nginx/html", "/usr/local/apache2/htdocs"];

fn is_exporter(repository: &str) -> bool {
    repository.contains("exporter")
}

/// The explicit roles of the annotation, by container name, and what was wrong with it.
fn explicit_roles(pod: &Pod) -> (BTreeMap<String, Role>, Vec<String>) {
    let mut roles = BTreeMap::new();
    let mut notes = Vec::new();
    let Some(value) = pod.metadata.annotations.get(ROLES_ANNOTATION) else {
        return (roles, notes);
    };
    for entry in value
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .take(MAX_ANNOTATION_ENTRIES)
    {
        let Some((name, role)) = entry.split_once('=').or_else(|| entry.split_once(':')) else {
            notes.push(format!(
                "{ROLES_ANNOTATION}: \"{entry}\" is not NAME=ROLE; it is ignored"
            ));
            continue;
        };
        let name = name.trim();
        match Role::from_name(role) {
            Some(role) if pod.all_containers().any(|(_, c)| c.name == name) => {
                roles.insert(name.to_owned(), role);
            }
            Some(_) => notes.push(format!(
                "{ROLES_ANNOTATION}: the Pod has no container \"{name}\"; the entry is ignored"
            )),
            None => notes.push(format!(
                "{ROLES_ANNOTATION}: \"{}\" is not a role (init, sidecar, ambassador, adapter, main); the entry for \"{name}\" is ignored",
                role.trim()
            )),
        }
    }
    (roles, notes)
}

/// What the analysis knows, for role inference.
pub struct Facts<'a> {
    /// The Pod.
    pub pod: &'a Pod,
    /// The listening ports.
    pub ports: &'a [Port],
    /// The connections.
    pub outbound: &'a [Outbound],
    /// The volumes and who uses them.
    pub volumes: &'a [VolumeUse],
}

/// A helper's role, its reason, and the container it helps.
type Helper = (Role, String, Option<usize>);

/// The role of every container, in [`Pod::all_containers`] order, and notes on the annotation.
pub fn roles(facts: &Facts) -> (Vec<RoleInfo>, Vec<String>) {
    let pod = facts.pod;
    let names: Vec<&str> = pod.all_containers().map(|(_, c)| c.name.as_str()).collect();
    let (explicit, notes) = explicit_roles(pod);
    let init_count = pod.spec.init_containers.len();
    let app_count = pod.spec.containers.len();
    let mut infos = Vec::new();
    let mut helped: Vec<usize> = Vec::new();
    for (index, (kind, container)) in pod.all_containers().enumerate() {
        let native = kind == ContainerKind::Sidecar;
        let order = kind.is_init().then_some(index + 1);
        let mut reasons = Vec::new();
        if kind == ContainerKind::Init {
            reasons.push(format!(
                "init container {} of {init_count}: it runs to completion, in order, before the app containers start",
                index + 1
            ));
            reasons.extend(volume_reasons(facts, index, &names));
            if explicit.contains_key(&container.name) {
                reasons.push(format!(
                    "{ROLES_ANNOTATION} cannot change it: an init container without restartPolicy: Always is always an init container"
                ));
            }
            infos.push(RoleInfo {
                role: Role::Init,
                native,
                order,
                reasons,
            });
            continue;
        }
        if native {
            reasons.push("native sidecar: an init container with restartPolicy: Always, so the kubelet starts it before the app containers and keeps it running beside them".to_owned());
        }
        let inferred = helper_role(facts, index, &names);
        let role = if let Some(role) = explicit.get(&container.name) {
            reasons.insert(0, format!("set by the annotation {ROLES_ANNOTATION}"));
            *role
        } else if let Some((role, reason, partner)) = inferred {
            if !native && app_count > 1 {
                reasons.push(
                    "classic sidecar: a second app container, started with the others".to_owned(),
                );
            }
            reasons.push(reason);
            helped.extend(partner);
            role
        } else if native {
            Role::Sidecar
        } else {
            Role::Main
        };
        infos.push(RoleInfo {
            role,
            native,
            order: None,
            reasons,
        });
    }
    // Every Pod with app containers has a main one: when all look like helpers, the one they
    // help most is the main container.
    let app_range = init_count..init_count + app_count;
    let has_main = infos[app_range.clone()]
        .iter()
        .any(|info| info.role == Role::Main);
    if !has_main && app_count > 0 {
        let chosen = app_range
            .clone()
            .filter(|index| !explicit.contains_key(names[*index]))
            .max_by_key(|index| {
                (
                    helped.iter().filter(|h| **h == *index).count(),
                    usize::MAX - index,
                )
            });
        if let Some(index) = chosen {
            infos[index].role = Role::Main;
            infos[index].reasons =
                vec!["the container the others help: it does the Pod's work".to_owned()];
        }
    }
    // The main containers' reasons name their helpers.
    for index in app_range {
        if infos[index].role != Role::Main || explicit.contains_key(names[index]) {
            continue;
        }
        let helpers: Vec<String> = infos
            .iter()
            .enumerate()
            .filter(|(other, info)| {
                *other != index && !matches!(info.role, Role::Main | Role::Init)
            })
            .map(|(other, info)| format!("'{}' ({})", names[other], info.label()))
            .collect();
        let reason = match (app_count, helpers.as_slice()) {
            (1, []) => "the Pod's only app container".to_owned(),
            (1, [one]) => format!("the Pod's only app container; {one} helps it"),
            (1, _) => format!(
                "the Pod's only app container; {} help it",
                helpers.join(" and ")
            ),
            (_, []) => "an app container that does the Pod's work".to_owned(),
            (_, [one]) => format!("does the Pod's work; {one} helps it"),
            _ => format!("does the Pod's work; {} help it", helpers.join(" and ")),
        };
        if infos[index].reasons.is_empty() {
            infos[index].reasons.push(reason);
        }
    }
    (infos, notes)
}

/// Sentences on what a container writes for others, or reads from them.
fn volume_reasons(facts: &Facts, index: usize, names: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for volume in facts.volumes {
        let Some(mine) = volume.mounts.iter().find(|m| m.container == index) else {
            continue;
        };
        let others: Vec<&str> = volume
            .mounts
            .iter()
            .filter(|m| m.container != index)
            .map(|m| names[m.container])
            .collect();
        if others.is_empty() {
            continue;
        }
        if mine.access.writes() {
            out.push(format!(
                "writes into the volume '{}' at {}, which {} also {}",
                volume.name,
                mine.mount_path,
                quote_list(&others),
                if others.len() == 1 { "mounts" } else { "mount" }
            ));
        }
    }
    out
}

fn quote_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    quoted.join(", ")
}

/// The helper role a running container plays, if any.
fn helper_role(facts: &Facts, index: usize, names: &[&str]) -> Option<Helper> {
    let (_, container) = facts.pod.all_containers().nth(index)?;
    let repo = repository(container.image.as_deref().unwrap_or_default());
    let my_ports: Vec<u16> = facts
        .ports
        .iter()
        .filter(|p| p.container == index)
        .map(|p| p.number)
        .collect();
    // Others connecting to this container on localhost.
    let incoming: Vec<(usize, u16)> = facts
        .outbound
        .iter()
        .filter(|o| o.container != index)
        .filter_map(|o| match o.target {
            Target::Localhost(port) if my_ports.contains(&port) => Some((o.container, port)),
            _ => None,
        })
        .collect();
    let mine: Vec<&Outbound> = facts
        .outbound
        .iter()
        .filter(|o| o.container == index)
        .collect();
    let remote: Vec<String> = mine
        .iter()
        .filter_map(|o| match &o.target {
            Target::Remote { host, port } => Some(match port {
                Some(port) => format!("{host}:{port}"),
                None => host.clone(),
            }),
            _ => None,
        })
        .collect();
    let local_peer: Option<(usize, u16)> = mine.iter().find_map(|o| match o.target {
        Target::Localhost(port) => facts
            .ports
            .iter()
            .find(|p| p.number == port && p.container != index)
            .map(|p| (p.container, port)),
        _ => None,
    });
    let proxy = PROXIES.contains(&repo.as_str());
    if let Some((client, port)) = incoming.first().copied()
        && (proxy || !remote.is_empty())
    {
        let beyond = match remote.first() {
            Some(target) => format!("it forwards them to {target}, outside the Pod"),
            None => format!("{repo} is a proxy that forwards them out of the Pod"),
        };
        return Some((
            Role::Ambassador,
            format!(
                "'{}' connects to localhost:{port}, where this container listens; {beyond}",
                names[client]
            ),
            Some(client),
        ));
    }
    if proxy && let Some(target) = remote.first() {
        return Some((
            Role::Ambassador,
            format!("{repo} is a proxy, and it forwards connections to {target}, outside the Pod"),
            None,
        ));
    }
    let serves = my_ports.first().copied();
    if is_exporter(&repo) {
        let reason = match (local_peer, serves) {
            (Some((peer, port)), Some(serving)) => format!(
                "{repo} is a metrics exporter: it reads '{}' on localhost:{port} and serves Prometheus metrics on port {serving}",
                names[peer]
            ),
            (_, Some(serving)) => format!(
                "{repo} is a metrics exporter: it serves Prometheus metrics on port {serving}"
            ),
            _ => format!("{repo} is a metrics exporter for Prometheus"),
        };
        return Some((Role::Adapter, reason, local_peer.map(|(peer, _)| peer)));
    }
    let shared_read = shared_read(facts, index);
    if LOG_SHIPPERS.contains(&repo.as_str()) {
        let what = match &shared_read {
            Some((volume, _, writer)) => format!(
                "it reads the logs '{}' writes to the volume '{volume}' and forwards them out of the Pod",
                names[*writer]
            ),
            None => "it collects logs and forwards them out of the Pod".to_owned(),
        };
        return Some((
            Role::Sidecar,
            format!("{repo} is a log shipper: {what}"),
            shared_read.map(|(_, _, writer)| writer),
        ));
    }
    // A web server whose document root another container fills serves the Pod's content: it
    // is the Pod's main container, not an adapter of the writer's output.
    if let Some((_, path, _)) = &shared_read
        && WEB_ROOTS
            .iter()
            .any(|root| path.trim_end_matches('/') == *root)
    {
        return None;
    }
    if let (Some((volume, path, writer)), Some(serving)) = (&shared_read, serves) {
        return Some((
            Role::Adapter,
            format!(
                "reads {path} in the volume '{volume}', which '{}' writes, and serves it in another form on port {serving}",
                names[*writer]
            ),
            Some(*writer),
        ));
    }
    if let Some((volume, path, writer)) = shared_read {
        return Some((
            Role::Sidecar,
            format!(
                "reads {path} in the volume '{volume}', which '{}' writes",
                names[writer]
            ),
            Some(writer),
        ));
    }
    // A container that talks to an ambassador is the one the ambassador serves.
    let peer_is_proxy = local_peer.is_some_and(|(peer, _)| is_proxy_for(facts, peer));
    if let Some((peer, port)) = local_peer
        && my_ports.is_empty()
        && !peer_is_proxy
    {
        return Some((
            Role::Sidecar,
            format!("talks to '{}' on localhost:{port}", names[peer]),
            Some(peer),
        ));
    }
    None
}

/// A volume this container reads that another running container writes: the volume, what it
/// reads, and the writer.
fn shared_read(facts: &Facts, index: usize) -> Option<(String, String, usize)> {
    for volume in facts.volumes {
        let Some(mine) = volume.mounts.iter().find(|m| m.container == index) else {
            continue;
        };
        if !matches!(mine.access, Access::Reads | Access::ReadsAndWrites) {
            continue;
        }
        // Only a container that runs beside this one feeds it; an init container is done first.
        let runs_beside = |container: usize| {
            container != index
                && facts
                    .pod
                    .all_containers()
                    .nth(container)
                    .is_some_and(|(kind, _)| kind != ContainerKind::Init)
        };
        let writer = volume
            .mounts
            .iter()
            .find(|m| runs_beside(m.container) && m.access.writes())
            .or_else(|| {
                volume
                    .mounts
                    .iter()
                    .find(|m| runs_beside(m.container) && m.access == Access::Unknown)
            });
        if let Some(writer) = writer {
            let path = mine
                .evidence
                .iter()
                .find_map(|e| e.strip_prefix("reads "))
                .unwrap_or(&mine.mount_path)
                .to_owned();
            return Some((volume.name.clone(), path, writer.container));
        }
    }
    None
}

/// True when `index` is a proxy out of the Pod: a proxy image, or a container that listens and
/// connects to a remote host.
fn is_proxy_for(facts: &Facts, index: usize) -> bool {
    let Some((_, container)) = facts.pod.all_containers().nth(index) else {
        return false;
    };
    let repo = repository(container.image.as_deref().unwrap_or_default());
    let remote = facts
        .outbound
        .iter()
        .any(|o| o.container == index && matches!(o.target, Target::Remote { .. }));
    PROXIES.contains(&repo.as_str()) || remote
}

/// True for a log shipper image.
pub fn is_log_shipper(repository: &str) -> bool {
    LOG_SHIPPERS.contains(&repository)
}
