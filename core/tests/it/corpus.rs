//! Every Pod manifest from the official Kubernetes docs (block and flow "KYAML" style) must parse,
//! default and validate with zero errors.

use std::fs;
use std::path::{Path, PathBuf};

use expect_test::expect;

/// The directory of the docs examples copied from kubernetes/website.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/k8s-docs-examples/pods")
}

/// Every `.yaml` file under `dir`, sorted, so that output is stable.
pub fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).expect("the corpus directory is readable") {
            let path = entry.expect("corpus entries are readable").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "yaml") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_docs_example_is_a_valid_pod() {
    let dir = corpus_dir();
    let mut out = String::new();
    for path in yaml_files(&dir) {
        let text = fs::read_to_string(&path).expect("corpus files are UTF-8");
        let parsed = pod_model::parse(&text);
        let name = path
            .strip_prefix(&dir)
            .unwrap_or(&path)
            .display()
            .to_string();
        match &parsed.pod {
            Some(pod) => {
                let containers: Vec<String> = pod
                    .all_containers()
                    .map(|(kind, container)| format!("{kind:?}:{}", container.name))
                    .collect();
                let qos = parsed.qos.map(|qos| qos.to_string()).unwrap_or_default();
                out.push_str(&format!(
                    "{name}: pod/{} {} {qos}\n",
                    pod.name(),
                    containers.join(" ")
                ));
            }
            None => out.push_str(&format!("{name}: no pod\n")),
        }
        let mut lints = Vec::new();
        for diagnostic in &parsed.diagnostics {
            match &diagnostic.kind {
                pod_model::DiagnosticKind::Lint(lint) => lints.push(lint.id),
                _ => out.push_str(&format!("  {diagnostic}\n")),
            }
        }
        lints.sort_unstable();
        lints.dedup();
        out.push_str(&format!("  lint: {}\n", lints.join(" ")));
        assert!(
            !parsed.has_errors(),
            "{name} must parse, default and validate without errors"
        );
    }
    expect![[r#"
        init-containers.yaml: pod/init-demo Init:install App:nginx BestEffort
          lint: image-latest naked-pod probes-missing resources-missing runs-as-root
        inject/dapi-volume.yaml: pod/kubernetes-downwardapi-volume-example App:client-container BestEffort
          lint: naked-pod probes-missing resources-missing runs-as-root
        inject/dependent-envars.yaml: pod/dependent-envars-demo App:dependent-envars-demo BestEffort
          lint: image-latest naked-pod probes-missing resources-missing runs-as-root
        inject/secret-pod.yaml: pod/secret-test-pod App:test-container BestEffort
          lint: image-latest naked-pod probes-missing resources-missing runs-as-root
        lifecycle-events.yaml: pod/lifecycle-demo App:lifecycle-demo-container BestEffort
          lint: image-latest naked-pod probes-missing resources-missing runs-as-root
        pod-nginx.yaml: pod/nginx App:nginx BestEffort
          lint: image-latest naked-pod probes-missing resources-missing runs-as-root
        pod-with-scheduling-gates.yaml: pod/test-pod App:pause BestEffort
          lint: naked-pod probes-missing resources-missing runs-as-root
        pod-with-toleration.yaml: pod/nginx App:nginx BestEffort
          lint: image-latest naked-pod probes-missing resources-missing runs-as-root
        pod-without-scheduling-gates.yaml: pod/test-pod App:pause BestEffort
          lint: naked-pod probes-missing resources-missing runs-as-root
        private-reg-pod.yaml: pod/private-reg App:private-reg-container BestEffort
          lint: image-invalid naked-pod probes-missing resources-missing runs-as-root
        probe/exec-liveness.yaml: pod/liveness-exec App:liveness BestEffort
          lint: naked-pod resources-missing runs-as-root
        probe/http-liveness.yaml: pod/liveness-http App:liveness BestEffort
          lint: naked-pod probe-port-undeclared resources-missing runs-as-root
        probe/pod-with-http-healthcheck.yaml: pod/pod-with-http-healthcheck App:nginx BestEffort
          lint: image-latest naked-pod resources-missing runs-as-root
        probe/pod-with-tcp-socket-healthcheck.yaml: pod/pod-with-tcp-socket-healthcheck App:redis BestEffort
          lint: image-latest naked-pod resources-missing runs-as-root
        qos/qos-pod-2.yaml: pod/qos-demo-2 App:qos-demo-2-ctr Burstable
          lint: image-latest naked-pod probes-missing runs-as-root
        qos/qos-pod-5.yaml: pod/qos-demo-5 App:qos-demo-ctr-5 Guaranteed
          lint: image-latest naked-pod probes-missing runs-as-root
        qos/qos-pod.yaml: pod/qos-demo App:qos-demo-ctr Guaranteed
          lint: image-latest naked-pod probes-missing runs-as-root
        resource/cpu-request-limit-2.yaml: pod/cpu-demo-2 App:cpu-demo-ctr-2 Burstable
          lint: image-latest naked-pod probes-missing resources-missing runs-as-root
        resource/cpu-request-limit.yaml: pod/cpu-demo App:cpu-demo-ctr Burstable
          lint: image-latest naked-pod probes-missing resources-missing runs-as-root
        resource/memory-request-limit-2.yaml: pod/memory-demo-2 App:memory-demo-2-ctr Burstable
          lint: image-latest naked-pod probes-missing runs-as-root
        resource/memory-request-limit-3.yaml: pod/memory-demo-3 App:memory-demo-3-ctr Burstable
          lint: image-latest naked-pod probes-missing runs-as-root
        restart-policy/restart-all-containers.yaml: pod/ml-worker Init:setup-environment Sidecar:watcher-sidecar App:main-application BestEffort
          lint: naked-pod resources-missing runs-as-root
        security/seccomp/ga/audit-pod.yaml: pod/audit-pod App:test-container BestEffort
          lint: naked-pod probes-missing resources-missing runs-as-root
        security/seccomp/ga/default-pod.yaml: pod/default-pod App:test-container BestEffort
          lint: naked-pod probes-missing resources-missing runs-as-root
        security/security-context-2.yaml: pod/security-context-demo-2 App:sec-ctx-demo-2 BestEffort
          lint: naked-pod probes-missing resources-missing
        security/security-context-3.yaml: pod/security-context-demo-3 App:sec-ctx-3 BestEffort
          lint: naked-pod probes-missing resources-missing runs-as-root
        security/security-context-4.yaml: pod/security-context-demo-4 App:sec-ctx-4 BestEffort
          lint: naked-pod probes-missing resources-missing runs-as-root
        security/security-context.yaml: pod/security-context-demo App:sec-ctx-demo BestEffort
          lint: naked-pod probes-missing resources-missing
        share-process-namespace.yaml: pod/nginx App:nginx App:shell BestEffort
          lint: image-latest naked-pod probes-missing resources-missing runs-as-root
        simple-pod.yaml: pod/nginx App:nginx BestEffort
          lint: naked-pod probes-missing resources-missing runs-as-root
        storage/projected.yaml: pod/test-projected-volume App:test-projected-volume BestEffort
          lint: naked-pod probes-missing resources-missing runs-as-root
        storage/pv-pod.yaml: pod/task-pv-pod App:task-pv-container BestEffort
          lint: image-latest naked-pod probes-missing resources-missing runs-as-root
    "#]].assert_eq(&out);
}

/// Every docs example (named by its path in the corpus) and every gallery example
/// (`gallery/<id>`), with its text.
pub fn all_examples() -> Vec<(String, String)> {
    let dir = corpus_dir();
    let mut texts: Vec<(String, String)> = yaml_files(&dir)
        .iter()
        .map(|path| {
            let name = path
                .strip_prefix(&dir)
                .unwrap_or(path)
                .display()
                .to_string();
            (
                name,
                fs::read_to_string(path).expect("corpus files are UTF-8"),
            )
        })
        .collect();
    // The gallery's docs examples are the corpus files above.
    let own = pod_model::playground::gallery::ALL
        .iter()
        .filter(|example| example.group != pod_model::playground::gallery::Group::Docs);
    texts.extend(own.map(|example| {
        (
            format!("gallery/{}", example.id),
            example.manifest.to_owned(),
        )
    }));
    texts
}

/// Every docs example and every gallery example simulates for 10 minutes, and `get` and
/// `describe` render each snapshot.
#[test]
fn every_example_simulates_for_ten_minutes() {
    use pod_model::base::time::VirtualTime;
    use pod_model::cluster::{Scenario, simulate};
    let scenario = Scenario {
        horizon: VirtualTime::from_secs(600),
        ..Scenario::default()
    };
    let texts = all_examples();
    // What `kubectl get pods` shows after 10 minutes, for each: plausible, and pinned.
    let mut out = String::new();
    for (name, text) in &texts {
        let parsed = pod_model::parse(text);
        let pod = parsed.accepted_pod().expect("examples are valid");
        let simulation = simulate(pod, &scenario);
        assert!(!simulation.snapshots.is_empty());
        if let Some(last) = simulation.at(scenario.horizon) {
            let row =
                pod_model::kubectl::get::pod_row(&last.pod, simulation.wall(scenario.horizon));
            out.push_str(&format!(
                "{name}: {} {} {}\n",
                row.ready, row.status, row.restarts
            ));
        }
        for snapshot in &simulation.snapshots {
            let now = simulation.wall(snapshot.at);
            let row = pod_model::kubectl::get::pod_row(&snapshot.pod, now);
            assert!(!row.status.is_empty(), "{}: empty STATUS", pod.name());
            let options = pod_model::kubectl::describe::DescribeOptions {
                now,
                utc_offset_minutes: 0,
            };
            let events = simulation.events.at(now);
            assert!(
                pod_model::kubectl::describe::describe_pod(&snapshot.pod, &events, options)
                    .contains("Events:")
            );
        }
    }
    expect![[r#"
        init-containers.yaml: 1/1 Running 0
        inject/dapi-volume.yaml: 1/1 Running 0
        inject/dependent-envars.yaml: 1/1 Running 0
        inject/secret-pod.yaml: 1/1 Running 0
        lifecycle-events.yaml: 1/1 Running 0
        pod-nginx.yaml: 0/1 Pending 0
        pod-with-scheduling-gates.yaml: 0/1 SchedulingGated 0
        pod-with-toleration.yaml: 1/1 Running 0
        pod-without-scheduling-gates.yaml: 1/1 Running 0
        private-reg-pod.yaml: 0/1 InvalidImageName 0
        probe/exec-liveness.yaml: 1/1 Running 5 (2m32s ago)
        probe/http-liveness.yaml: 0/1 CrashLoopBackOff 6 (2m41s ago)
        probe/pod-with-http-healthcheck.yaml: 0/1 CrashLoopBackOff 5 (2m25s ago)
        probe/pod-with-tcp-socket-healthcheck.yaml: 1/1 Running 0
        qos/qos-pod-2.yaml: 1/1 Running 0
        qos/qos-pod-5.yaml: 1/1 Running 0
        qos/qos-pod.yaml: 1/1 Running 0
        resource/cpu-request-limit-2.yaml: 0/1 Pending 0
        resource/cpu-request-limit.yaml: 1/1 Running 0
        resource/memory-request-limit-2.yaml: 0/1 CrashLoopBackOff 6 (4m38s ago)
        resource/memory-request-limit-3.yaml: 0/1 Pending 0
        restart-policy/restart-all-containers.yaml: 1/2 Init:CrashLoopBackOff 5 (86s ago)
        security/seccomp/ga/audit-pod.yaml: 1/1 Running 0
        security/seccomp/ga/default-pod.yaml: 1/1 Running 0
        security/security-context-2.yaml: 1/1 Running 0
        security/security-context-3.yaml: 1/1 Running 0
        security/security-context-4.yaml: 1/1 Running 0
        security/security-context.yaml: 1/1 Running 0
        share-process-namespace.yaml: 2/2 Running 0
        simple-pod.yaml: 1/1 Running 0
        storage/projected.yaml: 1/1 Running 0
        storage/pv-pod.yaml: 1/1 Running 0
        gallery/my-pod: 1/1 Running 0
        gallery/banana-shipment: 1/1 Running 0
        gallery/sidecar-logging: 2/2 Running 0
        gallery/log-aggregator: 2/2 Running 0
        gallery/app-with-sidecar: 2/2 Running 0
        gallery/init-demo: 1/1 Running 0
        gallery/my-app: 2/2 Running 0
        gallery/vault-injector: 0/1 Init:0/1 0
        gallery/resource-limited-pod: 1/1 Running 0
        gallery/app-with-ambassador: 2/2 Running 0
        gallery/app-with-adapter: 2/2 Running 0
        gallery/running-not-ready: 0/1 Running 0
        gallery/crash-loop: 0/1 CrashLoopBackOff 6 (4m26s ago)
        gallery/oom-killed: 0/1 CrashLoopBackOff 6 (4m38s ago)
        gallery/init-waits-for-db: 0/1 Init:0/1 0
        gallery/graceful-termination: 1/1 Running 0
        gallery/pending-resources: 0/1 Pending 0
        gallery/image-pull-backoff: 1/1 Running 0
        gallery/naked-pod: 1/1 Running 0
        gallery/static-web: 1/1 Running 0
    "#]]
    .assert_eq(&out);
}
