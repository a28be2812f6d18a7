//! Role detection: every container's role and the reasons given, for the seed articles' Pods
//! and the patterns they teach (sidecar, init, ambassador, adapter), and the explicit
//! annotation. Also the port conflict: found, located, drawn and explained.

use expect_test::{Expect, expect};
use pod_model::diagram;
use pod_model::topology::analyze;

/// Renders each container's role and reasons, and the Pod's outside endpoints and notes.
fn check(text: &str, expected: Expect) {
    let parsed = pod_model::parse(text);
    let pod = parsed.pod.as_ref().expect("test manifests hold a Pod");
    let topology = analyze(pod, None);
    let mut out = String::new();
    for container in &topology.containers {
        out.push_str(&format!("{}: {}\n", container.name, container.role.label()));
        for reason in &container.role.reasons {
            out.push_str(&format!("  - {reason}\n"));
        }
    }
    for external in &topology.externals {
        out.push_str(&format!(
            "outside: {} ({})\n",
            external.label,
            external.kind.as_str()
        ));
    }
    for note in &topology.notes {
        out.push_str(&format!("note: {note}\n"));
    }
    expected.assert_eq(&out);
}

fn gallery(id: &str) -> &'static str {
    pod_model::playground::gallery::ALL
        .iter()
        .find(|example| example.id == id)
        .expect("the example exists")
        .manifest
}

#[test]
fn the_seeds_sidecar_log_shipper() {
    check(
        gallery("sidecar-logging"),
        expect![[r#"
            app: main
              - does the Pod's work; 'log-forwarder' (sidecar) helps it
            log-forwarder: sidecar
              - classic sidecar: a second app container, started with the others
              - fluentd is a log shipper: it reads the logs 'app' writes to the volume 'logs' and forwards them out of the Pod
            outside: log backend (log-backend)
        "#]],
    );
}

#[test]
fn the_seeds_vault_init_container() {
    check(
        gallery("vault-injector"),
        expect![[r#"
        vault-init: init 1
          - init container 1 of 1: it runs to completion, in order, before the app containers start
          - writes into the volume 'secrets' at /secrets, which 'app' also mounts
        app: main
          - the Pod's only app container
    "#]],
    );
}

#[test]
fn an_ambassador_to_a_remote_redis() {
    check(
        gallery("app-with-ambassador"),
        expect![[r#"
        app: main
          - does the Pod's work; 'redis-ambassador' (ambassador) helps it
        redis-ambassador: ambassador
          - classic sidecar: a second app container, started with the others
          - 'app' connects to localhost:6379, where this container listens; it forwards them to redis.prod.example.com:6379, outside the Pod
        outside: redis.prod.example.com:6379 (database)
    "#]],
    );
}

#[test]
fn an_adapter_exporting_the_apps_status_file() {
    check(
        gallery("app-with-adapter"),
        expect![[r#"
        app: main
          - does the Pod's work; 'metrics-adapter' (adapter) helps it
        metrics-adapter: adapter
          - classic sidecar: a second app container, started with the others
          - reads /status/requests in the volume 'status', which 'app' writes, and serves it in another form on port 9113
        outside: Prometheus (prometheus)
    "#]],
    );
}

#[test]
fn a_native_sidecar_and_a_classic_one() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers:\n  - name: proxy\n    image: envoyproxy/envoy:v1.31\n    restartPolicy: Always\n  containers:\n  - name: web\n    image: nginx\n    ports: [{containerPort: 80}]\n  - name: probe\n    image: busybox\n    command: ['sh', '-c', 'while true; do wget -q -O- http://localhost:80/; sleep 5; done']\n",
        expect![[r#"
            proxy: native sidecar
              - native sidecar: an init container with restartPolicy: Always, so the kubelet starts it before the app containers and keeps it running beside them
            web: main
              - does the Pod's work; 'proxy' (native sidecar) and 'probe' (sidecar) help it
            probe: sidecar
              - classic sidecar: a second app container, started with the others
              - talks to 'web' on localhost:80
            outside: client (client)
        "#]],
    );
}

#[test]
fn the_annotation_sets_roles() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    podplay.dev/roles: \"gateway=ambassador, nobody=adapter, web=chief\"\nspec:\n  containers:\n  - name: web\n    image: nginx\n  - name: gateway\n    image: my-gateway:1.0\n",
        expect![[r#"
            web: main
              - does the Pod's work; 'gateway' (ambassador) helps it
            gateway: ambassador
              - set by the annotation podplay.dev/roles
            outside: client (client)
            note: podplay.dev/roles: the Pod has no container "nobody"; the entry is ignored
            note: podplay.dev/roles: "chief" is not a role (init, sidecar, ambassador, adapter, main); the entry for "web" is ignored
        "#]],
    );
}

#[test]
fn a_port_conflict_is_located_drawn_and_explained() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports: [{containerPort: 80}]\n  - name: admin\n    image: httpd:2.4\n";
    let parsed = pod_model::parse(text);
    let lint: Vec<String> = parsed
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{}:{} {} {d}",
                d.span.start.line, d.span.start.column, d.path
            )
        })
        .collect();
    expect![[r#"
        3:11 metadata 3:11: metadata: a bare Pod has no controller: if it is deleted or its node fails, nothing creates it again
        5:3 spec.securityContext 5:3: spec.securityContext: nothing stops "web", "admin" from running as root: many images (nginx, busybox) default to it
        6:5 spec.containers[0].resources 6:5: spec.containers[0].resources: container "web" has no resource requests or memory limit: the scheduler cannot place it well, and without a memory limit it can starve its neighbours until the node OOM-kills something
        6:5 spec.containers[0] 6:5: spec.containers[0]: container "web" runs for a long time but has no readiness or liveness probe: traffic reaches it before it is ready, and a hung process is never restarted
        9:5 spec.containers[1].resources 9:5: spec.containers[1].resources: container "admin" has no resource requests or memory limit: the scheduler cannot place it well, and without a memory limit it can starve its neighbours until the node OOM-kills something
        9:5 spec.containers[1] 9:5: spec.containers[1]: container "admin" runs for a long time but has no readiness or liveness probe: traffic reaches it before it is ready, and a hung process is never restarted
        10:12 spec.containers[1].image 10:12: spec.containers[1].image: containers "web" and "admin" both listen on 80/TCP (the httpd image listens here by default); they share the Pod's network namespace, so the second fails with "address already in use""#]].assert_eq(&lint.join("\n"));
    let pod = parsed.pod.as_ref().expect("a Pod");
    let layout = diagram::layout(pod);
    let conflicted: Vec<&str> = layout
        .ports
        .iter()
        .filter(|chip| chip.conflict)
        .map(|chip| chip.label.as_str())
        .collect();
    assert_eq!(conflicted, [":80", ":80"]);
    let scene = diagram::scene(&layout, None);
    let titles: Vec<&str> = scene
        .groups
        .iter()
        .filter(|g| g.class == "port conflict")
        .map(|g| g.title.as_str())
        .collect();
    expect![[r#"
        port 80/TCP of 'web': declared at spec.containers[0].ports[0]; CONFLICT: 'web' and 'admin' both listen on 80, but they share one network namespace, so 'admin' fails with "address already in use" (see spec.containers[1].image)
        port 80/TCP of 'admin': the httpd image listens here by default; CONFLICT: 'web' and 'admin' both listen on 80, but they share one network namespace, so 'admin' fails with "address already in use" (see spec.containers[1].image)"#]].assert_eq(&titles.join("\n"));
}

/// A web server serving what another container writes into its document root is the main
/// container (the gallery's lesson, after the docs' shared-volume task page), not an adapter.
#[test]
fn a_web_server_serving_a_shared_volume_is_the_main_container() {
    check(
        gallery("inside-shared-volume"),
        expect![[r#"
            web: main
              - an app container that does the Pod's work
            writer: main
              - an app container that does the Pod's work
            outside: client (client)
        "#]],
    );
}
