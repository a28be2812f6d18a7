//! Best-practice warnings: things the API server accepts but that are likely to hurt. Each has a
//! stable id, a one-line reason and a fix.

pub use crate::api::diagnostic::Lint;
use crate::api::diagnostic::{Diagnostic, DiagnosticKind, Severity};
use crate::api::image_ref::ImageRef;
use crate::api::manifest::{self, Parsed, span_of};
use crate::api::v1::{Container, ContainerKind, IntOrString, Pod, Probe};

/// Parses and checks manifest text, as [`manifest::read`] does, and adds the best-practice
/// warnings of an accepted Pod: the whole check of a manifest.
pub fn parse(text: &str) -> Parsed {
    with_lints(manifest::read(text))
}

/// Parses and checks raw bytes (the text must be UTF-8), as [`parse`] does.
pub fn parse_bytes(bytes: &[u8]) -> Parsed {
    with_lints(manifest::read_bytes(bytes))
}

/// Adds the warnings of the text's Pods once the API server would accept them: errors come
/// first.
fn with_lints(mut parsed: Parsed) -> Parsed {
    let roots: Vec<&crate::api::yaml::Node> = parsed
        .objects
        .iter()
        .filter(|o| o.kind == "Pod" && o.api_version == "v1")
        .filter_map(|object| parsed.object_root(object))
        .collect();
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for pod in parsed.accepted_pods() {
        // The document of this Pod: the first of its name.
        let Some(root) = roots.iter().find(|root| {
            root.get("metadata")
                .and_then(|m| m.get("name"))
                .and_then(crate::api::yaml::Node::as_scalar)
                .unwrap_or_default()
                == pod.name()
        }) else {
            continue;
        };
        if seen.contains(&pod.name()) {
            continue;
        }
        seen.push(pod.name());
        for finding in lint(pod) {
            let span = span_of(root.locate(&finding.path));
            let mut diagnostic = Diagnostic::error(
                DiagnosticKind::Lint(finding.clone()),
                finding.path.clone(),
                span,
            )
            .with_hint(finding.fix.clone());
            diagnostic.severity = Severity::Warning;
            diagnostics.push(diagnostic);
        }
    }
    merge(&mut parsed.diagnostics, diagnostics);
    parsed
}

/// Adds `lints` to `diagnostics` in the order of the text (errors first at one place): how
/// the warnings join the API server's errors, here and on the page (whose model thread finds
/// them, `playground::state::lints`).
pub fn merge(diagnostics: &mut Vec<Diagnostic>, mut lints: Vec<Diagnostic>) {
    if lints.is_empty() {
        return;
    }
    diagnostics.append(&mut lints);
    crate::base::sorting::sort_by_key(diagnostics, |diagnostic| {
        (diagnostic.span.start, diagnostic.severity)
    });
}

/// Every lint id, for documentation and tests.
pub const IDS: &[&str] = &[
    "image-latest",
    "image-invalid",
    "resources-missing",
    "probes-missing",
    "probe-port-undeclared",
    "runs-as-root",
    "port-conflict",
    "database-with-app",
    "naked-pod",
];

/// Images of databases, by repository name.
const DATABASES: &[&str] = &[
    "postgres",
    "postgresql",
    "mysql",
    "mariadb",
    "mongo",
    "mongodb",
    "redis",
    "cassandra",
    "couchdb",
    "cockroach",
    "elasticsearch",
    "neo4j",
    "influxdb",
    "memcached",
];

/// Drops the lints that do not hold for a static Pod: the kubelet runs it as long as its file is
/// on the node and creates its mirror again after a deletion, so it is no naked Pod.
pub fn drop_for_static_pod(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.retain(
        |diagnostic| !matches!(&diagnostic.kind, DiagnosticKind::Lint(lint) if lint.id == "naked-pod"),
    );
}

/// Lints a defaulted Pod.
pub fn lint(pod: &Pod) -> Vec<Lint> {
    let mut out = Vec::new();
    let long_running = pod.spec.restart_policy.as_deref().unwrap_or("Always") == "Always";
    let indexed = pod.indexed_containers();
    for (kind, path, container) in &indexed {
        image_latest(container, path, &mut out);
        if *kind != ContainerKind::Init {
            resources_missing(container, path, &mut out);
            if long_running
                && container.liveness_probe.is_none()
                && container.readiness_probe.is_none()
            {
                out.push(Lint {
                    id: "probes-missing",
                    reason: format!(
                        "container \"{}\" runs for a long time but has no readiness or liveness probe: traffic reaches it before it is ready, and a hung process is never restarted",
                        container.name
                    ),
                    fix: "add a readinessProbe (and a livenessProbe) that checks the port the container serves".to_owned(),
                    path: path.clone(),
                });
            }
            probe_ports(container, path, &mut out);
        }
    }
    runs_as_root(pod, &indexed, &mut out);
    port_conflicts(pod, &mut out);
    database_with_app(&indexed, &mut out);
    let controlled = pod
        .metadata
        .owner_references
        .iter()
        .any(|owner| owner.controller == Some(true));
    if !controlled {
        out.push(Lint {
            id: "naked-pod",
            reason: "a bare Pod has no controller: if it is deleted or its node fails, nothing creates it again".to_owned(),
            fix: "run it from a Deployment (or a Job for run-to-completion work) with this Pod as its template".to_owned(),
            path: "metadata".to_owned(),
        });
    }
    out
}

fn image_latest(container: &Container, path: &str, out: &mut Vec<Lint>) {
    let image = container.image.as_deref().unwrap_or_default();
    let Some(reference) = ImageRef::parse(image) else {
        if !image.trim().is_empty() {
            out.push(Lint {
                id: "image-invalid",
                reason: format!(
                    "\"{image}\" is not a valid image reference: the kubelet will report InvalidImageName and never start the container"
                ),
                fix: "use a reference such as registry.example.com/team/app:1.0 (a lower-case repository, then an optional tag or digest)".to_owned(),
                path: format!("{path}.image"),
            });
        }
        return;
    };
    if reference.effective_tag() != Some("latest") {
        return;
    }
    out.push(Lint {
        id: "image-latest",
        reason: if reference.tag.is_none() {
            format!("image \"{image}\" has no tag, so it means :latest: each node may run a different version")
        } else {
            format!("image \"{image}\" uses :latest: each node may run a different version, and rollbacks cannot go back")
        },
        fix: "pin a version tag (nginx:1.27) or a digest (nginx@sha256:…)".to_owned(),
        path: format!("{path}.image"),
    });
}

fn resources_missing(container: &Container, path: &str, out: &mut Vec<Lint>) {
    let (requests, limits) = container
        .resources
        .as_ref()
        .map(|r| (&r.requests, &r.limits))
        .map_or((false, false), |(requests, limits)| {
            (
                requests.contains_key("cpu") || requests.contains_key("memory"),
                limits.contains_key("memory"),
            )
        });
    let missing = match (requests, limits) {
        (true, true) => return,
        (false, false) => "no resource requests or memory limit",
        (false, true) => "no resource requests",
        (true, false) => "no memory limit",
    };
    out.push(Lint {
        id: "resources-missing",
        reason: format!(
            "container \"{}\" has {missing}: the scheduler cannot place it well, and without a memory limit it can starve its neighbours until the node OOM-kills something",
            container.name
        ),
        fix: "set resources.requests (cpu, memory) and resources.limits.memory".to_owned(),
        path: format!("{path}.resources"),
    });
}

fn probe_ports(container: &Container, path: &str, out: &mut Vec<Lint>) {
    let probes: [(&str, &Option<Box<Probe>>); 3] = [
        ("livenessProbe", &container.liveness_probe),
        ("readinessProbe", &container.readiness_probe),
        ("startupProbe", &container.startup_probe),
    ];
    for (field, probe) in probes {
        let Some(probe) = probe else { continue };
        let (handler, port) = if let Some(get) = &probe.http_get {
            ("httpGet", get.port.clone())
        } else if let Some(tcp) = &probe.tcp_socket {
            ("tcpSocket", tcp.port.clone())
        } else if let Some(grpc) = &probe.grpc {
            ("grpc", IntOrString::Int(grpc.port))
        } else {
            continue;
        };
        let declared = match &port {
            IntOrString::Int(number) => container.ports.iter().any(|p| p.container_port == *number),
            IntOrString::String(name) => container.port_named(name).is_some(),
        };
        if declared {
            continue;
        }
        let reason = match &port {
            IntOrString::Int(number) => format!(
                "the {field} of \"{}\" checks port {number}, which the container does not declare: if nothing listens there, the probe always fails",
                container.name
            ),
            IntOrString::String(name) => format!(
                "the {field} of \"{}\" checks the port named \"{name}\", which no port of the container has: the kubelet cannot resolve it and the probe fails",
                container.name
            ),
        };
        out.push(Lint {
            id: "probe-port-undeclared",
            reason,
            fix: "declare the port under ports (containerPort, and a name if the probe uses one), or probe a declared port".to_owned(),
            path: format!("{path}.{field}.{handler}.port"),
        });
    }
}

fn runs_as_root(
    pod: &Pod,
    containers: &[(ContainerKind, String, &Container)],
    out: &mut Vec<Lint>,
) {
    let pod_context = pod.spec.security_context.as_ref();
    let pod_user = pod_context.and_then(|c| c.run_as_user);
    let pod_non_root = pod_context.and_then(|c| c.run_as_non_root).unwrap_or(false);
    let mut unguarded = Vec::new();
    for (_, path, container) in containers {
        let context = container.security_context.as_ref();
        let user = context.and_then(|c| c.run_as_user).or(pod_user);
        let non_root = context
            .and_then(|c| c.run_as_non_root)
            .unwrap_or(pod_non_root);
        if user == Some(0) {
            out.push(Lint {
                id: "runs-as-root",
                reason: format!("container \"{}\" runs as root (runAsUser: 0): a breakout from it is a breakout as root", container.name),
                fix: "run as an unprivileged user: securityContext.runAsUser: 1000 and runAsNonRoot: true".to_owned(),
                path: format!("{path}.securityContext"),
            });
        } else if user.is_none() && !non_root {
            unguarded.push(container.name.clone());
        }
    }
    if !unguarded.is_empty() {
        out.push(Lint {
            id: "runs-as-root",
            reason: format!(
                "nothing stops {} from running as root: many images (nginx, busybox) default to it",
                unguarded.iter().map(|name| format!("\"{name}\"")).collect::<Vec<_>>().join(", ")
            ),
            fix: "set spec.securityContext.runAsNonRoot: true and a runAsUser (e.g. 1000), with an image that supports it".to_owned(),
            path: "spec.securityContext".to_owned(),
        });
    }
}

/// Containers that run at the same time share one network namespace: two of them binding one
/// port fails at runtime with "address already in use".
/// Two running containers that listen on one port: the rule lives in `topology::network`, which
/// also knows the ports of well-known images and command lines.
fn port_conflicts(pod: &Pod, out: &mut Vec<Lint>) {
    let names: Vec<&str> = pod.all_containers().map(|(_, c)| c.name.as_str()).collect();
    let (ports, conflicts) = crate::topology::port_conflicts(pod);
    for conflict in conflicts {
        let how = ports
            .iter()
            .find(|p| p.container == conflict.second && p.number == conflict.port)
            .map(|p| match &p.source {
                crate::topology::PortSource::Declared(_) => String::new(),
                source => format!(" ({})", source.describe()),
            })
            .unwrap_or_default();
        out.push(Lint {
            id: "port-conflict",
            reason: format!(
                "containers \"{}\" and \"{}\" both listen on {}/{}{how}; they share the Pod's network namespace, so the second fails with \"address already in use\"",
                names[conflict.first], names[conflict.second], conflict.port, conflict.protocol
            ),
            fix: "give one of them another port; containers of a Pod reach each other on localhost:<port>".to_owned(),
            path: conflict.path,
        });
    }
}

fn database_with_app(containers: &[(ContainerKind, String, &Container)], out: &mut Vec<Lint>) {
    let running: Vec<_> = containers
        .iter()
        .filter(|(kind, _, _)| *kind != ContainerKind::Init)
        .collect();
    let is_database = |container: &Container| {
        ImageRef::parse(container.image.as_deref().unwrap_or_default())
            .is_some_and(|image| DATABASES.contains(&image.repository()))
    };
    let Some((_, path, database)) = running.iter().find(|(_, _, c)| is_database(c)) else {
        return;
    };
    let Some((_, _, app)) = running.iter().find(|(_, _, c)| !is_database(c)) else {
        return;
    };
    out.push(Lint {
        id: "database-with-app",
        reason: format!(
            "database \"{}\" runs in the same Pod as \"{}\": they can only be scaled, updated and rescheduled together, and the data lives and dies with the Pod",
            database.name, app.name
        ),
        fix: "run the database in its own StatefulSet with a PersistentVolumeClaim, and reach it through a Service".to_owned(),
        path: format!("{path}.image"),
    });
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    /// Lints the accepted Pod of `text` and prints `id path: reason`, one per line.
    fn check(text: &str, expected: Expect) {
        let parsed = crate::parse(text);
        let pod = parsed.accepted_pod().expect("lint cases are valid Pods");
        let out: String = super::lint(pod)
            .iter()
            .map(|lint| format!("{} {}: {}\n", lint.id, lint.path, lint.reason))
            .collect();
        expected.assert_eq(&out);
    }

    const GOOD: &str = "apiVersion: v1
kind: Pod
metadata:
  name: web
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-1, uid: u, controller: true}]
spec:
  securityContext: {runAsNonRoot: true, runAsUser: 101}
  containers:
  - name: web
    image: nginx:1.27
    ports: [{containerPort: 8080, name: http}]
    readinessProbe: {httpGet: {port: http}}
    resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 128Mi}}
";

    #[test]
    fn a_well_kept_pod_has_no_warnings() {
        check(GOOD, expect![[r#""#]]);
    }

    #[test]
    fn each_lint_fires_on_its_pitfall() {
        check(
            "apiVersion: v1
kind: Pod
metadata: {name: shop}
spec:
  containers:
  - name: web
    image: nginx
    ports: [{containerPort: 80}]
    livenessProbe: {httpGet: {port: 8080}}
    securityContext: {runAsUser: 0}
  - name: db
    image: docker.io/library/postgres:16
    ports: [{containerPort: 80}]
    readinessProbe: {tcpSocket: {port: pg}}
    resources: {requests: {cpu: 100m}}
",
            expect![[r#"
                image-latest spec.containers[0].image: image "nginx" has no tag, so it means :latest: each node may run a different version
                resources-missing spec.containers[0].resources: container "web" has no resource requests or memory limit: the scheduler cannot place it well, and without a memory limit it can starve its neighbours until the node OOM-kills something
                probe-port-undeclared spec.containers[0].livenessProbe.httpGet.port: the livenessProbe of "web" checks port 8080, which the container does not declare: if nothing listens there, the probe always fails
                resources-missing spec.containers[1].resources: container "db" has no memory limit: the scheduler cannot place it well, and without a memory limit it can starve its neighbours until the node OOM-kills something
                probe-port-undeclared spec.containers[1].readinessProbe.tcpSocket.port: the readinessProbe of "db" checks the port named "pg", which no port of the container has: the kubelet cannot resolve it and the probe fails
                runs-as-root spec.containers[0].securityContext: container "web" runs as root (runAsUser: 0): a breakout from it is a breakout as root
                runs-as-root spec.securityContext: nothing stops "db" from running as root: many images (nginx, busybox) default to it
                port-conflict spec.containers[1].ports[0].containerPort: containers "web" and "db" both listen on 80/TCP; they share the Pod's network namespace, so the second fails with "address already in use"
                database-with-app spec.containers[1].image: database "db" runs in the same Pod as "web": they can only be scaled, updated and rescheduled together, and the data lives and dies with the Pod
                naked-pod metadata: a bare Pod has no controller: if it is deleted or its node fails, nothing creates it again
            "#]],
        );
    }

    #[test]
    fn run_to_completion_pods_need_no_probes() {
        check(
            &GOOD
                .replace("    readinessProbe: {httpGet: {port: http}}\n", "")
                .replace("spec:\n", "spec:\n  restartPolicy: OnFailure\n"),
            expect![[r#""#]],
        );
    }
}
