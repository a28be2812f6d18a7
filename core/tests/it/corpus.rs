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

/// The Pod an example draws: its first Pod, or without one, its first workload's template
/// Pod (as the page draws it before the controller has made one).
pub fn drawn_pod(parsed: &pod_model::api::manifest::Parsed) -> pod_model::Pod {
    parsed.accepted_pod().cloned().unwrap_or_else(|| {
        parsed
            .accepted_workloads()
            .first()
            .and_then(|workload| workload.template_pod())
            .expect("examples are valid and hold a Pod or a workload")
    })
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
        let pod = &drawn_pod(&parsed);
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
        gallery/deployment-node-loss: 1/1 Running 0
        gallery/rollout-held-by-readiness: 1/1 Running 0
        gallery/job-backoff-limit: 0/1 Error 0
        gallery/cron-job: 0/1 Completed 0
        gallery/static-web: 1/1 Running 0
        gallery/static-pod-vs-daemonset: 1/1 Running 0
        gallery/stateful-set: 1/1 Running 0
        gallery/inside-shared-volume: 2/2 Running 0
        gallery/shared-process-namespace: 2/2 Running 0
        gallery/ephemeral-demo: 1/1 Running 0
    "#]]
    .assert_eq(&out);
}

/// Every workload manifest of the docs (`content/en/examples/` of kubernetes/website, see
/// SOURCES.md): what kubectl would print for it, and every diagnostic but the notes and lints.
/// All are accepted except those the API server refuses too (each says why).
#[test]
fn every_docs_workload_is_read_as_the_api_server_reads_it() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/k8s-docs-examples");
    let mut out = String::new();
    for folder in ["workloads", "removed-versions"] {
        for path in yaml_files(&dir.join(folder)) {
            let text = fs::read_to_string(&path).expect("corpus files are UTF-8");
            let parsed = pod_model::parse(&text);
            let name = path
                .strip_prefix(&dir)
                .unwrap_or(&path)
                .display()
                .to_string();
            let verdict = pod_model::kubectl::errors::create_error(&parsed, "f.yaml")
                .unwrap_or_else(|| pod_model::kubectl::errors::created(&parsed).join(", "));
            out.push_str(&format!("{name}: {verdict}\n"));
            for diagnostic in &parsed.diagnostics {
                let shown = !matches!(
                    diagnostic.kind,
                    pod_model::DiagnosticKind::Lint(_)
                        | pod_model::DiagnosticKind::NotSimulated { .. }
                        | pod_model::DiagnosticKind::ControllerNotSimulated { .. }
                );
                if shown {
                    out.push_str(&format!("  {diagnostic}\n"));
                }
            }
        }
    }
    expect![[r#"
        workloads/admin/cloud/ccm-example.yaml: daemonset.apps/cloud-controller-manager created
        workloads/admin/dns/dns-horizontal-autoscaler.yaml: deployment.apps/kube-dns-autoscaler created
        workloads/admin/konnectivity/konnectivity-agent.yaml: daemonset.apps/konnectivity-agent created
        workloads/admin/resource/quota-pod-deployment.yaml: deployment.apps/pod-quota-demo created
        workloads/admin/sched/my-scheduler.yaml: deployment.apps/my-scheduler created
        workloads/admin/snowflake-deployment.yaml: deployment.apps/snowflake created
        workloads/application/basic-daemonset.yaml: daemonset.apps/example-daemonset created
        workloads/application/canary/app-v1-deployment.yaml: deployment.apps/rollout-demo-stable created
        workloads/application/canary/app-v2-deployment.yaml: deployment.apps/canary-demo-canary created
        workloads/application/cassandra/cassandra-statefulset.yaml: statefulset.apps/cassandra created
        workloads/application/deployment-patch.yaml: deployment.apps/patch-demo created
        workloads/application/deployment-retainkeys.yaml: deployment.apps/retainkeys-demo created
        workloads/application/deployment-scale.yaml: deployment.apps/nginx-deployment created
        workloads/application/deployment-sidecar-legacy.yaml: deployment.apps/myapp created
        workloads/application/deployment-sidecar.yaml: deployment.apps/myapp created
        workloads/application/deployment-subresource.yaml: deployment.apps/subresource-demo created
        workloads/application/deployment-update.yaml: deployment.apps/nginx-deployment created
        workloads/application/deployment.yaml: deployment.apps/nginx-deployment created
        workloads/application/guestbook/frontend-deployment.yaml: deployment.apps/frontend created
        workloads/application/guestbook/redis-follower-deployment.yaml: deployment.apps/redis-follower created
        workloads/application/guestbook/redis-leader-deployment.yaml: deployment.apps/redis-leader created
        workloads/application/guestbook/redis-slave-deployment.yaml: deployment.apps/redis-slave created
        workloads/application/job/indexed-job-vol.yaml: job.batch/indexed-job created
        workloads/application/job/indexed-job.yaml: job.batch/indexed-job created
        workloads/application/job/job-sidecar-legacy.yaml: job.batch/myjob created
        workloads/application/job/job-sidecar.yaml: job.batch/myjob created
        workloads/application/job/job-tmpl.yaml: The Job "process-item-$ITEM" is invalid: metadata.name: Invalid value: "process-item-$ITEM": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
          6:11: metadata.name: Invalid value: "process-item-$ITEM": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
        workloads/application/job/rabbitmq/job.yaml: job.batch/job-wq-1 created
        workloads/application/job/rabbitmq/rabbitmq-statefulset.yaml: statefulset.apps/rabbitmq created
        workloads/application/job/redis/job.yaml: job.batch/job-wq-2 created
        workloads/application/mongodb/mongo-deployment.yaml: deployment.apps/mongo created
        workloads/application/mysql/mysql-deployment.yaml: deployment.apps/mysql created
        workloads/application/mysql/mysql-statefulset.yaml: statefulset.apps/mysql created
        workloads/application/nginx/nginx-deployment.yaml: deployment.apps/my-nginx created
        workloads/application/nginx-app.yaml: deployment.apps/my-nginx created
        workloads/application/nginx-with-request.yaml: deployment.apps/nginx-deployment created
        workloads/application/php-apache.yaml: deployment.apps/php-apache created
        workloads/application/simple_deployment.yaml: deployment.apps/nginx-deployment created
        workloads/application/ssa/nginx-deployment-no-replicas.yaml: deployment.apps/nginx-deployment created
        workloads/application/ssa/nginx-deployment-replicas-only.yaml: deployment.apps/nginx-deployment created
        workloads/application/ssa/nginx-deployment.yaml: deployment.apps/nginx-deployment created
        workloads/application/update_deployment.yaml: deployment.apps/nginx-deployment created
        workloads/application/web/web-parallel.yaml: statefulset.apps/web created
        workloads/application/web/web.yaml: statefulset.apps/web created
        workloads/application/wordpress/mysql-deployment.yaml: deployment.apps/wordpress-mysql created
        workloads/application/wordpress/wordpress-deployment.yaml: deployment.apps/wordpress created
        workloads/application/zookeeper/zookeeper.yaml: statefulset.apps/zk created
        workloads/controllers/daemonset-label-selector.yaml: daemonset.apps/nginx-ssd created
        workloads/controllers/daemonset.yaml: daemonset.apps/fluentd-elasticsearch created
        workloads/controllers/fluentd-daemonset-update.yaml: daemonset.apps/fluentd-elasticsearch created
        workloads/controllers/fluentd-daemonset.yaml: daemonset.apps/fluentd-elasticsearch created
        workloads/controllers/frontend.yaml: replicaset.apps/frontend created
        workloads/controllers/job-backoff-limit-per-index-example.yaml: job.batch/job-backoff-limit-per-index-example created
        workloads/controllers/job-backoff-limit-per-index-failindex.yaml: job.batch/job-backoff-limit-per-index-failindex created
        workloads/controllers/job-pod-failure-policy-config-issue.yaml: job.batch/job-pod-failure-policy-config-issue created
        workloads/controllers/job-pod-failure-policy-example.yaml: job.batch/job-pod-failure-policy-example created
        workloads/controllers/job-pod-failure-policy-failjob.yaml: job.batch/job-pod-failure-policy-failjob created
        workloads/controllers/job-pod-failure-policy-ignore.yaml: error: error parsing f.yaml: error converting YAML to JSON: yaml: line 23: while scanning a plain scalar, found a tab
          23:15: The text is not valid YAML here (the YAML parser says: while scanning a plain scalar, found a tab)
        workloads/controllers/job-success-policy-example.yaml: The Job "" is invalid: 
        * metadata.name: Required value: name or generateName is required
        * spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"
        * metadata.name: Invalid value: "": will not able to create pod with invalid DNS label: -9
          1:1: metadata.name: Required value: name or generateName is required
          1:1: metadata.name: Invalid value: "": will not able to create pod with invalid DNS label: -9
          13:7: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"
        workloads/controllers/job-success-policy.yaml: job.batch/job-success created
        workloads/controllers/job.yaml: job.batch/pi created
        workloads/controllers/nginx-deployment.yaml: deployment.apps/nginx-deployment created
        workloads/controllers/replicaset.yaml: replicaset.apps/my-repset created
        workloads/controllers/replication-nginx-1.14.2.yaml: replicationcontroller/my-nginx created
        workloads/controllers/replication-nginx-1.16.1.yaml: replicationcontroller/my-nginx-v4 created
        workloads/controllers/replication-nginx-1.9.2.yaml: replicationcontroller/my-nginx-v4 created
        workloads/controllers/replication.yaml: replicationcontroller/nginx created
        workloads/controllers/statefulset.yaml: statefulset.apps/web created
        workloads/debug/event-exporter.yaml: deployment.apps/event-exporter-v0.2.3 created
        workloads/debug/fluentd-gcp-ds.yaml: daemonset.apps/fluentd-gcp-v2.0 created
        workloads/debug/node-problem-detector.yaml: daemonset.apps/node-problem-detector-v0.1 created
        workloads/deployments/deployment-with-capacity-reservation.yaml: Error from server (BadRequest): error when creating "f.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].labelSelector", unknown field "spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].topologyKey"
          22:13: unknown field "spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].labelSelector"
          25:13: unknown field "spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].topologyKey"
        workloads/deployments/deployment-with-configmap-and-sidecar-container.yaml: deployment.apps/configmap-sidecar-container created
        workloads/deployments/deployment-with-configmap-as-envvar.yaml: deployment.apps/configmap-env-var created
        workloads/deployments/deployment-with-configmap-as-volume.yaml: deployment.apps/configmap-volume created
        workloads/deployments/deployment-with-configmap-two-containers.yaml: deployment.apps/configmap-two-containers created
        workloads/deployments/deployment-with-immutable-configmap-as-volume.yaml: deployment.apps/immutable-configmap-volume created
        workloads/deployments/deployment-with-low-priorityclass.yaml: deployment.apps/placeholder-deployment created
        workloads/dra/dra-example-job.yaml: job.batch/example-dra-job created
        workloads/dra/driver-install/all.yaml: daemonset.apps/dra-example-driver-kubeletplugin created
        workloads/dra/driver-install/daemonset.yaml: daemonset.apps/dra-example-driver-kubeletplugin created
        workloads/service/access/backend-deployment.yaml: deployment.apps/backend created
        workloads/service/access/frontend-deployment.yaml: deployment.apps/frontend created
        workloads/service/access/hello-application.yaml: deployment.apps/hello-world created
        workloads/service/load-balancer-example.yaml: deployment.apps/hello-world created
        workloads/service/networking/curlpod.yaml: deployment.apps/curl-deployment created
        workloads/service/networking/nginx-secure-app.yaml: deployment.apps/my-nginx created
        workloads/service/networking/run-my-nginx.yaml: deployment.apps/my-nginx created
        workloads/service/pod-with-graceful-termination.yaml: deployment.apps/nginx-deployment created
        workloads/windows/daemonset.yaml: daemonset.apps/my-daemonset created
        workloads/windows/deploy-hyperv.yaml: deployment.apps/iis created
        workloads/windows/deploy-resource.yaml: deployment.apps/iis created
        removed-versions/application/job/cronjob.yaml: error: resource mapping not found for name: "hello" namespace: "" from "f.yaml": no matches for kind "CronJob" in version "batch/v1beta1"
        ensure CRDs are installed first
          1:13: apiVersion: no matches for kind "CronJob" in version "batch/v1beta1"
    "#]].assert_eq(&out);
}

/// Every docs workload the API server accepts runs on the virtual cluster: 60 s after
/// `kubectl apply`, the Pods its controllers made, named as they name them (at most three shown),
/// with their STATUS.
#[test]
fn every_docs_workload_runs_with_its_controllers_pod_names() {
    use pod_model::base::time::VirtualTime;
    use pod_model::cluster::{Scenario, observe_all};
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/k8s-docs-examples/workloads");
    let scenario = Scenario {
        horizon: VirtualTime::from_secs(60),
        ..Scenario::default()
    };
    let mut out = String::new();
    for path in yaml_files(&dir) {
        let text = fs::read_to_string(&path).expect("corpus files are UTF-8");
        let parsed = pod_model::parse(&text);
        if parsed.has_errors() || parsed.accepted_workloads().is_empty() {
            continue;
        }
        let name = path
            .strip_prefix(&dir)
            .unwrap_or(&path)
            .display()
            .to_string();
        let seen = observe_all(
            &parsed,
            &scenario,
            VirtualTime::from_secs(60),
            scenario.start,
        );
        let pods: Vec<String> = seen
            .pods
            .iter()
            .filter(|pod| !pod.gone)
            .map(|pod| {
                let row = pod_model::kubectl::get::pod_row(&pod.pod, pod.now);
                format!("{} {}", pod.pod.name(), row.status)
            })
            .collect();
        let shown: Vec<&str> = pods.iter().take(3).map(String::as_str).collect();
        let more = pods.len().saturating_sub(3);
        out.push_str(&format!(
            "{name}: {} Pods: {}{}\n",
            pods.len(),
            shown.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        ));
    }
    expect![[r#"
        admin/cloud/ccm-example.yaml: 0 Pods: 
        admin/dns/dns-horizontal-autoscaler.yaml: 1 Pods: kube-dns-autoscaler-686cf865bc-tnkrt Running
        admin/konnectivity/konnectivity-agent.yaml: 1 Pods: konnectivity-agent-bchfc Running
        admin/resource/quota-pod-deployment.yaml: 3 Pods: pod-quota-demo-6b6645f96d-rp5vk Running, pod-quota-demo-6b6645f96d-t2ggw Running, pod-quota-demo-6b6645f96d-x9vdf Running
        admin/sched/my-scheduler.yaml: 1 Pods: my-scheduler-5f69b98986-bpz2k Running
        admin/snowflake-deployment.yaml: 2 Pods: snowflake-5b68d8b84-8ql6h Running, snowflake-5b68d8b84-ljf85 Running
        application/basic-daemonset.yaml: 1 Pods: example-daemonset-hqdhk Init:CrashLoopBackOff
        application/canary/app-v1-deployment.yaml: 3 Pods: rollout-demo-stable-cf5bfcd5c-ht67f Running, rollout-demo-stable-cf5bfcd5c-ljjct Running, rollout-demo-stable-cf5bfcd5c-x9b42 Running
        application/canary/app-v2-deployment.yaml: 1 Pods: canary-demo-canary-7d8c976c5b-sp42l Running
        application/cassandra/cassandra-statefulset.yaml: 1 Pods: cassandra-0 Running
        application/deployment-patch.yaml: 2 Pods: patch-demo-646865d5db-mrdc7 Running, patch-demo-646865d5db-ztcvw Running
        application/deployment-retainkeys.yaml: 1 Pods: retainkeys-demo-859f9ff8d6-78tbk Running
        application/deployment-scale.yaml: 4 Pods: nginx-deployment-68c5cb8b9d-4xksb Running, nginx-deployment-68c5cb8b9d-9422z Running, nginx-deployment-68c5cb8b9d-r6t7x Running and 1 more
        application/deployment-sidecar-legacy.yaml: 1 Pods: myapp-575d497dc7-7fvch Running
        application/deployment-sidecar.yaml: 1 Pods: myapp-799474f947-4lfdj Running
        application/deployment-subresource.yaml: 2 Pods: subresource-demo-5b5cf9865f-9sfsw Running, subresource-demo-5b5cf9865f-vl9nb Running
        application/deployment-update.yaml: 2 Pods: nginx-deployment-c7db6f45b-4cnzx Running, nginx-deployment-c7db6f45b-4mct7 Running
        application/deployment.yaml: 2 Pods: nginx-deployment-5f7d4fc7bd-j5kkf Running, nginx-deployment-5f7d4fc7bd-wfk9p Running
        application/guestbook/frontend-deployment.yaml: 3 Pods: frontend-555ff9cf44-l9p64 Running, frontend-555ff9cf44-n5fwf Running, frontend-555ff9cf44-vjbss Running
        application/guestbook/redis-follower-deployment.yaml: 2 Pods: redis-follower-d5cbd5cd9-8xs7f Running, redis-follower-d5cbd5cd9-bfz78 Running
        application/guestbook/redis-leader-deployment.yaml: 1 Pods: redis-leader-7d5c44468d-bxbx8 Running
        application/guestbook/redis-slave-deployment.yaml: 2 Pods: redis-slave-5d47d9ff5b-n4crz Running, redis-slave-5d47d9ff5b-rsslb Running
        application/job/indexed-job-vol.yaml: 5 Pods: indexed-job-0-4ptdh Completed, indexed-job-1-87nh7 Completed, indexed-job-2-ll4bm Completed and 2 more
        application/job/indexed-job.yaml: 3 Pods: indexed-job-0-4ptdh Init:0/1, indexed-job-1-87nh7 Init:0/1, indexed-job-2-ll4bm Init:0/1
        application/job/job-sidecar-legacy.yaml: 1 Pods: myjob-ff45f NotReady
        application/job/job-sidecar.yaml: 1 Pods: myjob-ff45f Completed
        application/job/rabbitmq/job.yaml: 2 Pods: job-wq-1-jqhgh InvalidImageName, job-wq-1-qbmch InvalidImageName
        application/job/rabbitmq/rabbitmq-statefulset.yaml: 1 Pods: rabbitmq-0 Running
        application/job/redis/job.yaml: 2 Pods: job-wq-2-fmjjj Running, job-wq-2-nl2xt Running
        application/mongodb/mongo-deployment.yaml: 1 Pods: mongo-df88b76b-tn6dh Running
        application/mysql/mysql-deployment.yaml: 1 Pods: mysql-59dbf96978-gs6km Running
        application/mysql/mysql-statefulset.yaml: 1 Pods: mysql-0 Init:0/2
        application/nginx/nginx-deployment.yaml: 3 Pods: my-nginx-77bddb446f-hkkww Running, my-nginx-77bddb446f-pnkdf Running, my-nginx-77bddb446f-rxl86 Running
        application/nginx-app.yaml: 3 Pods: my-nginx-765f6b7b9f-7bfk5 Running, my-nginx-765f6b7b9f-m7hjd Running, my-nginx-765f6b7b9f-rxc4k Running
        application/nginx-with-request.yaml: 2 Pods: nginx-deployment-7d46dc8988-msdz4 Running, nginx-deployment-7d46dc8988-vn2p2 Running
        application/php-apache.yaml: 1 Pods: php-apache-6cc494889f-qjzh6 Running
        application/simple_deployment.yaml: 1 Pods: nginx-deployment-765f6b7b9f-phgxl Running
        application/ssa/nginx-deployment-no-replicas.yaml: 1 Pods: nginx-deployment-75774fb877-ttmcn Running
        application/ssa/nginx-deployment-replicas-only.yaml: 3 Pods: nginx-deployment-5c84d76d4c-6pxls Running, nginx-deployment-5c84d76d4c-k6cb8 Running, nginx-deployment-5c84d76d4c-vjkqs Running
        application/ssa/nginx-deployment.yaml: 3 Pods: nginx-deployment-75774fb877-j5b44 Running, nginx-deployment-75774fb877-snnxn Running, nginx-deployment-75774fb877-ttmcn Running
        application/update_deployment.yaml: 1 Pods: nginx-deployment-68c5cb8b9d-t9m6x Running
        application/web/web-parallel.yaml: 2 Pods: web-0 Running, web-1 Running
        application/web/web.yaml: 2 Pods: web-0 Running, web-1 Running
        application/wordpress/mysql-deployment.yaml: 1 Pods: wordpress-mysql-6886bb6fd4-d5x6c Running
        application/wordpress/wordpress-deployment.yaml: 1 Pods: wordpress-665d545974-5hthf Running
        application/zookeeper/zookeeper.yaml: 1 Pods: zk-0 Running
        controllers/daemonset-label-selector.yaml: 0 Pods: 
        controllers/daemonset.yaml: 1 Pods: fluentd-elasticsearch-pgczm Running
        controllers/fluentd-daemonset-update.yaml: 1 Pods: fluentd-elasticsearch-pgczm Running
        controllers/fluentd-daemonset.yaml: 1 Pods: fluentd-elasticsearch-pgczm Running
        controllers/frontend.yaml: 3 Pods: frontend-7fm4t Running, frontend-c76ww Running, frontend-p6zdt Running
        controllers/job-backoff-limit-per-index-example.yaml: 3 Pods: job-backoff-limit-per-index-example-0-qw55t Running, job-backoff-limit-per-index-example-1-6kj7c Running, job-backoff-limit-per-index-example-2-pss7n Running
        controllers/job-backoff-limit-per-index-failindex.yaml: 2 Pods: job-backoff-limit-per-index-failindex-0-sqpnf Running, job-backoff-limit-per-index-failindex-1-wr2rf Running
        controllers/job-pod-failure-policy-config-issue.yaml: 2 Pods: job-pod-failure-policy-config-issue-lgg42 Running, job-pod-failure-policy-config-issue-tdmsx Running
        controllers/job-pod-failure-policy-example.yaml: 6 Pods: job-pod-failure-policy-example-brkc5 Error, job-pod-failure-policy-example-l467q Error, job-pod-failure-policy-example-l7lbz Error and 3 more
        controllers/job-pod-failure-policy-failjob.yaml: 4 Pods: job-pod-failure-policy-failjob-99wd2 Error, job-pod-failure-policy-failjob-f45k7 Running, job-pod-failure-policy-failjob-p5tsl Error and 1 more
        controllers/job-success-policy.yaml: 10 Pods: job-success-0-dcbtc Running, job-success-1-vxcgw Running, job-success-2-s9msx Running and 7 more
        controllers/job.yaml: 1 Pods: pi-clrxq Running
        controllers/nginx-deployment.yaml: 3 Pods: nginx-deployment-77bddb446f-65hfm Running, nginx-deployment-77bddb446f-bf9td Running, nginx-deployment-77bddb446f-vrh27 Running
        controllers/replicaset.yaml: 3 Pods: my-repset-gs2xr Running, my-repset-kzkdn Running, my-repset-z8xdl Running
        controllers/replication-nginx-1.14.2.yaml: 5 Pods: my-nginx-9b5j4 Running, my-nginx-bp7h4 Running, my-nginx-fqrd6 Running and 2 more
        controllers/replication-nginx-1.16.1.yaml: 5 Pods: my-nginx-v4-6qbhz Running, my-nginx-v4-6qmcw Running, my-nginx-v4-7kj5j Running and 2 more
        controllers/replication-nginx-1.9.2.yaml: 5 Pods: my-nginx-v4-6qbhz Running, my-nginx-v4-6qmcw Running, my-nginx-v4-7kj5j Running and 2 more
        controllers/replication.yaml: 3 Pods: nginx-6r6vh Running, nginx-fgmsk Running, nginx-kjd2z Running
        controllers/statefulset.yaml: 1 Pods: web-0 Running
        debug/event-exporter.yaml: 1 Pods: event-exporter-v0.2.3-5b7f5f9757-27g9r Running
        debug/fluentd-gcp-ds.yaml: 0 Pods: 
        debug/node-problem-detector.yaml: 1 Pods: node-problem-detector-v0.1-xt7lz Running
        deployments/deployment-with-configmap-and-sidecar-container.yaml: 3 Pods: configmap-sidecar-container-987ff8b89-gpntx Running, configmap-sidecar-container-987ff8b89-v954s Running, configmap-sidecar-container-987ff8b89-vf5vs Running
        deployments/deployment-with-configmap-as-envvar.yaml: 3 Pods: configmap-env-var-7b98f676fd-2sgxz Running, configmap-env-var-7b98f676fd-gxllx Running, configmap-env-var-7b98f676fd-vr58d Running
        deployments/deployment-with-configmap-as-volume.yaml: 3 Pods: configmap-volume-6584c8d846-74kjt Running, configmap-volume-6584c8d846-gfzmx Running, configmap-volume-6584c8d846-mhrjw Running
        deployments/deployment-with-configmap-two-containers.yaml: 3 Pods: configmap-two-containers-74bb88c58c-6ktg2 Running, configmap-two-containers-74bb88c58c-8npzx Running, configmap-two-containers-74bb88c58c-qbk7v Running
        deployments/deployment-with-immutable-configmap-as-volume.yaml: 3 Pods: immutable-configmap-volume-678696c755-6x66f Running, immutable-configmap-volume-678696c755-8qvfg Running, immutable-configmap-volume-678696c755-sltxr Running
        deployments/deployment-with-low-priorityclass.yaml: 1 Pods: placeholder-deployment-5d799ff4b4-hb9m2 Running
        dra/dra-example-job.yaml: 2 Pods: example-dra-job-6z4b9 Running, example-dra-job-l8w2d Running
        dra/driver-install/all.yaml: 1 Pods: dra-example-driver-kubeletplugin-hpg5b Running
        dra/driver-install/daemonset.yaml: 1 Pods: dra-example-driver-kubeletplugin-hpg5b Running
        service/access/backend-deployment.yaml: 3 Pods: backend-5bd449456f-8g92m Running, backend-5bd449456f-f5ml2 Running, backend-5bd449456f-gf2gj Running
        service/access/frontend-deployment.yaml: 1 Pods: frontend-85bd464557-ptzqf Running
        service/access/hello-application.yaml: 2 Pods: hello-world-545cc7b858-hr2f9 Running, hello-world-545cc7b858-sg98b Running
        service/load-balancer-example.yaml: 5 Pods: hello-world-56df679989-7458w Running, hello-world-56df679989-fwjzb Running, hello-world-56df679989-hcw92 Running and 2 more
        service/networking/curlpod.yaml: 1 Pods: curl-deployment-699b4b996c-bjbp2 Running
        service/networking/nginx-secure-app.yaml: 1 Pods: my-nginx-5f876454f5-ttzqt Running
        service/networking/run-my-nginx.yaml: 2 Pods: my-nginx-5685fc85fc-slwm4 Running, my-nginx-5685fc85fc-smvpr Running
        service/pod-with-graceful-termination.yaml: 1 Pods: nginx-deployment-6744894585-q6m8r Running
        windows/daemonset.yaml: 0 Pods: 
        windows/deploy-hyperv.yaml: 3 Pods: iis-ffd7f544-5z8ql Running, iis-ffd7f544-5zqzq Running, iis-ffd7f544-jvlg6 Running
        windows/deploy-resource.yaml: 3 Pods: iis-6b8965f95d-4nkqt Pending, iis-6b8965f95d-8qhnw Pending, iis-6b8965f95d-bv6zl Running
    "#]].assert_eq(&out);
}
