//! The inside of a Pod, as facts to draw: the shared network namespace (Pod IP, pause container,
//! who listens on which port, who connects where), the volumes with each mount and who writes or
//! reads them, each container's role with its reasons, and the endpoints outside the Pod.
//!
//! [`analyze`] is a pure function of the Pod and, optionally, its simulation (which knows the
//! Pod IP and what containers really wrote).

pub mod commands;
pub mod network;
pub mod roles;

use std::collections::BTreeMap;

use crate::api::image_ref::ImageRef;
use crate::api::v1::{ContainerKind, Pod, Volume};

pub use network::{Outbound, Port, PortConflict, PortSource, Target};
pub use roles::{ROLES_ANNOTATION, Role, RoleInfo};

/// One container, as the diagram shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContainerInfo {
    /// Its name.
    pub name: String,
    /// Its image.
    pub image: String,
    /// Init, native sidecar or app container.
    pub kind: ContainerKind,
    /// Its field path (`spec.containers[1]`).
    pub path: String,
    /// Its role and why.
    pub role: RoleInfo,
}

/// How a container uses a volume.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Access {
    /// It writes there.
    Writes,
    /// It only reads.
    Reads,
    /// Both.
    ReadsAndWrites,
    /// Nothing says.
    Unknown,
}

impl Access {
    /// True when it writes.
    pub fn writes(self) -> bool {
        matches!(self, Access::Writes | Access::ReadsAndWrites)
    }

    /// A word for the drawing: `writes`, `reads`, `reads, writes`, or nothing.
    pub fn as_str(self) -> &'static str {
        match self {
            Access::Writes => "writes",
            Access::Reads => "reads",
            Access::ReadsAndWrites => "reads, writes",
            Access::Unknown => "",
        }
    }

    fn join(self, other: Access) -> Access {
        match (self, other) {
            (Access::Unknown, other) | (other, Access::Unknown) => other,
            (a, b) if a == b => a,
            _ => Access::ReadsAndWrites,
        }
    }
}

/// One mount of a volume.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mount {
    /// The container, by index in [`Pod::all_containers`] order.
    pub container: usize,
    /// Where the container sees the volume.
    pub mount_path: String,
    /// `readOnly`.
    pub read_only: bool,
    /// `subPath`, if any.
    pub sub_path: Option<String>,
    /// Whether it writes or reads there.
    pub access: Access,
    /// What shows it: `writes /var/log/app.log`, `reads /logs/*.log`, `fluentd reads what it
    /// ships`.
    pub evidence: Vec<String>,
}

/// A volume and its mounts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VolumeUse {
    /// Its name.
    pub name: String,
    /// Its type and source: `emptyDir`, `configMap app-config`, `hostPath /var/log`.
    pub kind: String,
    /// Its field path (`spec.volumes[0]`).
    pub path: String,
    /// Each mount, in container order.
    pub mounts: Vec<Mount>,
}

/// What sits outside the Pod.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ExternalKind {
    /// Someone reaching the Pod's ports through its IP (or a Service).
    Client,
    /// Where a log shipper sends logs.
    LogBackend,
    /// A database or cache outside the Pod.
    Database,
    /// Prometheus, scraping metrics.
    Prometheus,
    /// A Service looked up in DNS.
    Service,
    /// Any other host outside the Pod.
    Remote,
}

impl ExternalKind {
    /// The kind's name in lower case, usable as a CSS class.
    pub fn as_str(self) -> &'static str {
        match self {
            ExternalKind::Client => "client",
            ExternalKind::LogBackend => "log-backend",
            ExternalKind::Database => "database",
            ExternalKind::Prometheus => "prometheus",
            ExternalKind::Service => "service",
            ExternalKind::Remote => "remote",
        }
    }
}

/// An endpoint outside the Pod.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct External {
    /// What it is.
    pub kind: ExternalKind,
    /// Its label: `client`, `redis.prod.example.com:6379`, `Service myservice`.
    pub label: String,
    /// Why it is drawn.
    pub reason: String,
}

/// One end of a [`Link`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum End {
    /// A container, by index.
    Container(usize),
    /// A port, by index in [`Topology::ports`].
    Port(usize),
    /// An endpoint outside the Pod, by index in [`Topology::externals`].
    External(usize),
}

/// What a link carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LinkKind {
    /// A connection over localhost, inside the Pod.
    Localhost,
    /// A connection out of the Pod.
    Outbound,
    /// A connection into the Pod.
    Inbound,
}

impl LinkKind {
    /// The kind's name in lower case, usable as a CSS class.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Localhost => "localhost",
            LinkKind::Outbound => "outbound",
            LinkKind::Inbound => "inbound",
        }
    }
}

/// Who talks to whom.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The side that connects.
    pub from: End,
    /// The side that listens.
    pub to: End,
    /// What it is: `localhost:6379`, `scrapes :9113`.
    pub label: String,
    /// Inside, out of or into the Pod.
    pub kind: LinkKind,
}

/// Everything [`analyze`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Topology {
    /// `pod/<name>`.
    pub pod_label: String,
    /// The Pod IP, when the Pod has one.
    pub pod_ip: Option<String>,
    /// Every container, in [`Pod::all_containers`] order.
    pub containers: Vec<ContainerInfo>,
    /// Every listening port.
    pub ports: Vec<Port>,
    /// Ports that two containers both want.
    pub conflicts: Vec<PortConflict>,
    /// The volumes, in spec order.
    pub volumes: Vec<VolumeUse>,
    /// Endpoints outside the Pod.
    pub externals: Vec<External>,
    /// Who talks to whom.
    pub links: Vec<Link>,
    /// What the analysis could not place (a connection to a port nobody listens on, a bad
    /// annotation entry).
    pub notes: Vec<String>,
}

/// The most endpoints outside the Pod and links drawn.
const MAX_EXTERNALS: usize = 6;
const MAX_LINKS: usize = 48;

/// The repository's last path component of an image (`docker.io/library/nginx:1.27` is `nginx`).
pub fn repository(image: &str) -> String {
    ImageRef::parse(image)
        .map(|image| image.repository().to_owned())
        .unwrap_or_default()
}

/// What a run of the Pod showed that its manifest alone does not: its IP, and the paths each
/// container wrote in its volumes. The cluster layer fills it in from a simulation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Observed {
    /// The Pod's IP, once it had one.
    pub pod_ip: Option<String>,
    /// Each container's writes to its volumes (paths as the container sees them), by name.
    pub writes: BTreeMap<String, Vec<String>>,
}

/// The inside of `pod`; `observed`, when given, supplies the Pod IP and what containers were
/// seen writing.
pub fn analyze(pod: &Pod, observed: Option<&Observed>) -> Topology {
    let (capped, mut cap_notes) = capped(pod);
    let pod = capped.as_ref().unwrap_or(pod);
    let invocations: Vec<Vec<commands::Invocation>> = pod
        .all_containers()
        .map(|(_, container)| commands::invocations(container))
        .collect();
    let ports = network::ports(pod, &invocations);
    let outbound = network::outbound(pod, &invocations);
    let conflicts = network::port_conflicts(pod, &ports);
    let volumes = volume_uses(pod, &invocations, observed);
    let (roles, mut notes) = roles::roles(&roles::Facts {
        pod,
        ports: &ports,
        outbound: &outbound,
        volumes: &volumes,
    });
    let containers: Vec<ContainerInfo> = pod
        .indexed_containers()
        .into_iter()
        .zip(roles)
        .map(|((kind, path, container), role)| ContainerInfo {
            name: container.name.clone(),
            image: container.image.clone().unwrap_or_default(),
            kind,
            path,
            role,
        })
        .collect();
    cap_notes.append(&mut notes);
    let mut notes = cap_notes;
    let (externals, links) = connections(pod, &containers, &ports, &outbound, &mut notes);
    let pod_ip = observed
        .and_then(|observed| observed.pod_ip.clone())
        .or_else(|| {
            pod.status
                .as_deref()
                .and_then(|status| status.pod_ip.clone())
        });
    Topology {
        pod_label: format!("pod/{}", pod.name()),
        pod_ip,
        containers,
        ports,
        conflicts,
        volumes,
        externals,
        links,
        notes,
    }
}

/// The ports two running containers both want, for the `port-conflict` lint.
pub fn port_conflicts(pod: &Pod) -> (Vec<Port>, Vec<PortConflict>) {
    let (capped, _) = capped(pod);
    let pod = capped.as_ref().unwrap_or(pod);
    let invocations: Vec<Vec<commands::Invocation>> = pod
        .all_containers()
        .map(|(_, container)| commands::invocations(container))
        .collect();
    let ports = network::ports(pod, &invocations);
    let conflicts = network::port_conflicts(pod, &ports);
    (ports, conflicts)
}

/// The most containers analysed and drawn; the simulator runs no more containers either (a Pod
/// with hundreds of containers is no lesson, and would slow the page).
pub const MAX_CONTAINERS: usize = 64;
/// The most volumes analysed and drawn.
pub const MAX_VOLUMES: usize = 64;

/// A copy of `pod` cut to [`MAX_CONTAINERS`] containers (init containers first) and
/// [`MAX_VOLUMES`] volumes, with a note, when it has more; `None` when it fits.
fn capped(pod: &Pod) -> (Option<Pod>, Vec<String>) {
    let containers = pod.spec.init_containers.len() + pod.spec.containers.len();
    if containers <= MAX_CONTAINERS && pod.spec.volumes.len() <= MAX_VOLUMES {
        return (None, Vec::new());
    }
    let mut notes = Vec::new();
    let mut cut = pod.clone();
    cut.spec.init_containers.truncate(MAX_CONTAINERS);
    let room = MAX_CONTAINERS - cut.spec.init_containers.len();
    cut.spec.containers.truncate(room);
    if containers > MAX_CONTAINERS {
        notes.push(format!(
            "the Pod has {containers} containers; the diagram shows the first {MAX_CONTAINERS}"
        ));
    }
    if pod.spec.volumes.len() > MAX_VOLUMES {
        cut.spec.volumes.truncate(MAX_VOLUMES);
        notes.push(format!(
            "the Pod has {} volumes; the diagram shows the first {MAX_VOLUMES}",
            pod.spec.volumes.len()
        ));
    }
    (Some(cut), notes)
}

/// The type and source of a volume, in a few words.
fn volume_kind(volume: &Volume) -> String {
    let source = volume.sources().first().copied().unwrap_or("emptyDir");
    let detail = match source {
        "emptyDir" => volume
            .empty_dir
            .as_ref()
            .and_then(|e| e.medium.as_deref())
            .filter(|m| !m.is_empty())
            .map(|m| format!("medium {m}")),
        "hostPath" => volume.host_path.as_ref().map(|h| h.path.clone()),
        "configMap" => volume.config_map.as_ref().and_then(|c| c.name.clone()),
        "secret" => volume.secret.as_ref().and_then(|s| s.secret_name.clone()),
        "persistentVolumeClaim" => volume
            .persistent_volume_claim
            .as_ref()
            .map(|p| p.claim_name.clone()),
        _ => None,
    };
    match detail {
        Some(detail) => format!("{source} {detail}"),
        None => source.to_owned(),
    }
}

/// True when `path` lies in the directory `mount` (or is it).
fn under(path: &str, mount: &str) -> bool {
    let mount = mount.trim_end_matches('/');
    path == mount
        || path
            .strip_prefix(mount)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// Volume sources that containers cannot write to.
const READ_ONLY_SOURCES: &[&str] = &["configMap", "secret", "downwardAPI", "projected"];

/// Every volume with its mounts and what each container does there.
fn volume_uses(
    pod: &Pod,
    invocations: &[Vec<commands::Invocation>],
    observed: Option<&Observed>,
) -> Vec<VolumeUse> {
    let containers: Vec<_> = pod.all_containers().map(|(_, c)| c).collect();
    pod.spec
        .volumes
        .iter()
        .enumerate()
        .map(|(volume_index, volume)| {
            let source = volume.sources().first().copied().unwrap_or("emptyDir");
            let mut mounts = Vec::new();
            for (index, container) in containers.iter().enumerate() {
                for mount in container
                    .volume_mounts
                    .iter()
                    .filter(|m| m.name == volume.name)
                {
                    let mut access = Access::Unknown;
                    let mut evidence = Vec::new();
                    let programs = invocations
                        .get(index)
                        .map(Vec::as_slice)
                        .unwrap_or_default();
                    for program in programs {
                        for path in program
                            .writes
                            .iter()
                            .filter(|p| under(p, &mount.mount_path))
                        {
                            access = access.join(Access::Writes);
                            push_unique(&mut evidence, format!("writes {path}"));
                        }
                        for path in program.reads.iter().filter(|p| under(p, &mount.mount_path)) {
                            access = access.join(Access::Reads);
                            push_unique(&mut evidence, format!("reads {path}"));
                        }
                    }
                    if let Some(writes) = observed.and_then(|o| o.writes.get(&container.name)) {
                        for path in writes {
                            if under(path, &mount.mount_path) {
                                access = access.join(Access::Writes);
                                push_unique(&mut evidence, format!("writes {path}"));
                            }
                        }
                    }
                    let repo = repository(container.image.as_deref().unwrap_or_default());
                    if access == Access::Unknown && container.command.is_empty() {
                        if roles::is_log_shipper(&repo) {
                            access = Access::Reads;
                            evidence.push(format!("{repo} reads the logs it ships"));
                        } else if mount.mount_path.contains("log") {
                            access = Access::Writes;
                            evidence
                                .push(format!("{repo} writes its logs under {}", mount.mount_path));
                        } else if matches!(repo.as_str(), "nginx" | "httpd")
                            && (mount.mount_path.contains("html")
                                || mount.mount_path.contains("htdocs"))
                        {
                            access = Access::Reads;
                            evidence.push(format!("{repo} serves the files there"));
                        }
                    }
                    if READ_ONLY_SOURCES.contains(&source) || mount.read_only {
                        access = Access::Reads;
                        evidence.retain(|e| !e.contains("writes"));
                    }
                    mounts.push(Mount {
                        container: index,
                        mount_path: mount.mount_path.clone(),
                        read_only: mount.read_only,
                        sub_path: mount.sub_path.clone().filter(|s| !s.is_empty()),
                        access,
                        evidence,
                    });
                }
            }
            VolumeUse {
                name: volume.name.clone(),
                kind: volume_kind(volume),
                path: format!("spec.volumes[{volume_index}]"),
                mounts,
            }
        })
        .collect()
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) && list.len() < 8 {
        list.push(item);
    }
}

/// Ports databases and caches listen on.
const DATABASE_PORTS: &[u16] = &[
    3306, 5432, 6379, 27017, 9042, 11211, 5984, 26257, 7687, 9200,
];

/// True when a label of `host` names a database: `db`, `db2`, `orders-db`, `redis`, `mysql-0`.
fn names_a_database(host: &str) -> bool {
    const HINTS: &[&str] = &[
        "db",
        "database",
        "sql",
        "mysql",
        "postgres",
        "postgresql",
        "pg",
        "redis",
        "mongo",
        "mongodb",
        "cassandra",
        "mariadb",
        "memcached",
        "elasticsearch",
    ];
    host.split(['.', '-'])
        .map(|label| label.trim_end_matches(|c: char| c.is_ascii_digit()))
        .any(|label| HINTS.contains(&label))
}

/// The endpoints outside the Pod and every link.
fn connections(
    pod: &Pod,
    containers: &[ContainerInfo],
    ports: &[Port],
    outbound: &[Outbound],
    notes: &mut Vec<String>,
) -> (Vec<External>, Vec<Link>) {
    let mut externals: Vec<External> = Vec::new();
    let mut links: Vec<Link> = Vec::new();
    let external = |externals: &mut Vec<External>, kind, label: String, reason: String| {
        if let Some(index) = externals.iter().position(|e| e.label == label) {
            return Some(index);
        }
        if externals.len() >= MAX_EXTERNALS {
            return None;
        }
        externals.push(External {
            kind,
            label,
            reason,
        });
        Some(externals.len() - 1)
    };
    let link = |links: &mut Vec<Link>, from, to, label: String, kind| {
        let new = Link {
            from,
            to,
            label,
            kind,
        };
        if links.len() < MAX_LINKS && !links.contains(&new) {
            links.push(new);
        }
    };
    // Clients reach the main containers' ports through the Pod IP.
    for (index, port) in ports.iter().enumerate() {
        let Some(info) = containers.get(port.container) else {
            continue;
        };
        if info.role.role == Role::Main
            && let Some(client) = external(
                &mut externals,
                ExternalKind::Client,
                "client".to_owned(),
                "clients outside the Pod reach the main container's ports through the Pod IP (or a Service in front of it)".to_owned(),
            )
        {
            link(
                &mut links,
                End::External(client),
                End::Port(index),
                format!(":{}", port.number),
                LinkKind::Inbound,
            );
        }
    }
    for connection in outbound {
        let from = End::Container(connection.container);
        let name = &containers[connection.container].name;
        match &connection.target {
            Target::Localhost(number) => {
                let listener = ports
                    .iter()
                    .position(|p| p.number == *number && p.container != connection.container);
                match listener {
                    Some(port) => link(
                        &mut links,
                        from,
                        End::Port(port),
                        format!("localhost:{number}"),
                        LinkKind::Localhost,
                    ),
                    None if ports
                        .iter()
                        .any(|p| p.number == *number && p.container == connection.container) => {}
                    None => notes.push(format!(
                        "'{name}' connects to localhost:{number} ({}), but no container of the Pod is known to listen there",
                        connection.seen_in
                    )),
                }
            }
            Target::Remote { host, port } => {
                let label = match port {
                    Some(port) => format!("{host}:{port}"),
                    None => host.clone(),
                };
                let database =
                    port.is_some_and(|p| DATABASE_PORTS.contains(&p)) || names_a_database(host);
                let kind = if database {
                    ExternalKind::Database
                } else {
                    ExternalKind::Remote
                };
                if let Some(target) = external(
                    &mut externals,
                    kind,
                    label.clone(),
                    format!("'{name}' connects to {label} ({})", connection.seen_in),
                ) {
                    link(
                        &mut links,
                        from,
                        End::External(target),
                        label,
                        LinkKind::Outbound,
                    );
                }
            }
            Target::Lookup(service) => {
                if let Some(target) = external(
                    &mut externals,
                    ExternalKind::Service,
                    format!("Service {service}"),
                    format!("'{name}' looks up {service} in the cluster's DNS"),
                ) {
                    link(
                        &mut links,
                        from,
                        End::External(target),
                        "DNS lookup".to_owned(),
                        LinkKind::Outbound,
                    );
                }
            }
        }
    }
    // Log shippers send to a backend; exporters are scraped by Prometheus.
    for (index, info) in containers.iter().enumerate() {
        let repo = repository(&info.image);
        let ships_elsewhere = outbound
            .iter()
            .any(|o| o.container == index && matches!(o.target, Target::Remote { .. }));
        if roles::is_log_shipper(&repo)
            && !ships_elsewhere
            && let Some(target) = external(
                &mut externals,
                ExternalKind::LogBackend,
                "log backend".to_owned(),
                format!("{repo} forwards the logs it collects to a log store outside the Pod"),
            )
        {
            link(
                &mut links,
                End::Container(index),
                End::External(target),
                "ships logs".to_owned(),
                LinkKind::Outbound,
            );
        }
    }
    let annotated_port: Option<u16> = pod
        .metadata
        .annotations
        .get("prometheus.io/port")
        .and_then(|p| p.parse().ok());
    for (index, port) in ports.iter().enumerate() {
        let adapter = containers
            .get(port.container)
            .is_some_and(|c| c.role.role == Role::Adapter);
        let named = port
            .name
            .as_deref()
            .is_some_and(|name| name.contains("metrics"));
        if (adapter || named || annotated_port == Some(port.number))
            && let Some(target) = external(
                &mut externals,
                ExternalKind::Prometheus,
                "Prometheus".to_owned(),
                "Prometheus scrapes the metrics the Pod serves".to_owned(),
            )
        {
            link(
                &mut links,
                End::External(target),
                End::Port(index),
                format!("scrapes :{}", port.number),
                LinkKind::Inbound,
            );
        }
    }
    (externals, links)
}
