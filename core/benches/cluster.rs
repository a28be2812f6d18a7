//! The virtual cluster's speed: one Pod whose ten containers crash-loop for ten minutes, a
//! hundred Pods of three containers on ten nodes for ten minutes, and a Deployment of a hundred
//! replicas on ten nodes for ten minutes, its controllers and scheduler included. Run with
//! `cargo bench -p pod-model --bench cluster`.

// criterion's macros generate undocumented functions.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use pod_model::Pod;
use pod_model::api::workloads::Workload;
use pod_model::base::time::VirtualTime;
use pod_model::cluster::scenario::{Node, Scenario};
use pod_model::cluster::{simulate, simulate_manifest, simulate_pods};

/// A Pod of ten containers that each print a line, sleep five seconds and fail.
fn crash_loop() -> Pod {
    let mut text = String::from(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: crashers}\nspec:\n  containers:\n",
    );
    for index in 0..10 {
        text.push_str(&format!(
            "  - {{name: c{index}, image: 'busybox:1.36', command: [sh, -c, 'echo starting; sleep 5; exit 1']}}\n"
        ));
    }
    pod_model::parse(&text)
        .accepted_pod()
        .expect("the benchmark Pod is valid")
        .clone()
}

/// A hundred Pods of three containers each: a web server with a readiness probe, a shell that
/// logs every ten seconds, and a cache.
fn hundred_pods() -> Vec<Pod> {
    let mut text = String::new();
    for index in 0..100 {
        text.push_str(&format!(
            "---\napiVersion: v1\nkind: Pod\nmetadata: {{name: web-{index}}}\nspec:\n  containers:\n  - {{name: web, image: 'nginx:1.27', resources: {{requests: {{cpu: 50m, memory: 64Mi}}}}, readinessProbe: {{httpGet: {{path: /, port: 80}}}}}}\n  - {{name: logger, image: 'busybox:1.36', command: [sh, -c, 'while true; do echo tick; sleep 10; done']}}\n  - {{name: cache, image: 'redis:7', resources: {{requests: {{cpu: 50m, memory: 64Mi}}}}}}\n"
        ));
    }
    let parsed = pod_model::parse(&text);
    let pods: Vec<Pod> = parsed.accepted_pods().into_iter().cloned().collect();
    assert_eq!(pods.len(), 100, "{:?}", parsed.diagnostics);
    pods
}

/// A Deployment of a hundred web servers with a readiness probe.
fn hundred_replicas() -> Vec<Workload> {
    let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 100\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - {name: web, image: 'nginx:1.27', resources: {requests: {cpu: 50m, memory: 64Mi}}, readinessProbe: {httpGet: {path: /, port: 80}}}\n";
    let parsed = pod_model::parse(text);
    let workloads: Vec<Workload> = parsed.accepted_workloads().into_iter().cloned().collect();
    assert_eq!(workloads.len(), 1, "{:?}", parsed.diagnostics);
    workloads
}

fn cluster(c: &mut Criterion) {
    let ten_minutes = VirtualTime::from_secs(600);
    let mut group = c.benchmark_group("simulator");
    let pod = crash_loop();
    let scenario = Scenario {
        horizon: ten_minutes,
        ..Scenario::default()
    };
    group.bench_function("10 minutes of a 10-container Pod that crash-loops", |b| {
        b.iter(|| black_box(simulate(black_box(&pod), &scenario)));
    });
    let pods = hundred_pods();
    let nodes = Scenario {
        horizon: ten_minutes,
        nodes: (0..10)
            .map(|index| {
                Node {
                    name: format!("node-{}", index + 1),
                    ..Node::default()
                }
                .numbered(index)
            })
            .collect(),
        ..Scenario::default()
    };
    group.bench_function("10 minutes of 100 Pods of 3 containers on 10 nodes", |b| {
        b.iter(|| black_box(simulate_pods(black_box(&pods), &nodes)));
    });
    let deployment = hundred_replicas();
    group.bench_function("10 minutes of a 100-replica Deployment on 10 nodes", |b| {
        b.iter(|| black_box(simulate_manifest(&[], black_box(&deployment), &nodes)));
    });
    group.finish();
}

criterion_group!(benches, cluster);
criterion_main!(benches);
