//! Several Pods on several nodes: the scheduler's filters and messages, nodes that join, are
//! lost and are deleted, and `kubectl get pods -o wide` at chosen instants.

use expect_test::{Expect, expect};

use pod_model::base::time::VirtualTime;
use pod_model::cluster::scenario::Scenario;
use pod_model::kubectl::console::{View, render};

/// Runs `manifest` in the scenario `scenario` (YAML) and renders, at each of `instants`,
/// `kubectl get pods -o wide`; then each Pod's Events at the horizon.
fn check(manifest: &str, scenario: &str, instants: &[&str], expected: Expect) {
    let parsed = pod_model::parse(manifest);
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    let scenario = Scenario::from_yaml(scenario).expect("the test scenarios are valid");
    let mut out = String::new();
    for instant in instants {
        let at = VirtualTime::parse_duration(instant).expect("the instants are durations");
        let now = scenario
            .start
            .plus_millis(i64::try_from(at.as_millis()).unwrap_or(0));
        let mut seen = pod_model::cluster::observe(&parsed, &scenario, at, now);
        seen.retain(|observed| !observed.gone);
        out.push_str(&format!("--- {instant}\n"));
        if seen.is_empty() {
            out.push_str("No resources found in default namespace.\n");
            continue;
        }
        match render(&View::Table { wide: true }, &seen) {
            Ok(table) => out.push_str(&table),
            Err(error) => out.push_str(&format!("{error}\n")),
        }
    }
    let now = scenario
        .start
        .plus_millis(i64::try_from(scenario.horizon.as_millis()).unwrap_or(0));
    for observed in pod_model::cluster::observe(&parsed, &scenario, scenario.horizon, now) {
        out.push_str(&format!("--- events of pod/{}\n", observed.pod.name()));
        for event in &observed.events {
            let count = if event.count > 1 {
                format!(" (x{})", event.count)
            } else {
                String::new()
            };
            out.push_str(&format!(
                "{} {}{count}: {}\n",
                event.kind.as_str(),
                event.reason,
                event.message
            ));
        }
    }
    expected.assert_eq(&out);
}

/// Two Pods: one pinned by `nodeSelector` to SSD nodes, one free.
const PINNED_AND_FREE: &str = "apiVersion: v1\nkind: Pod\nmetadata: {name: fast}\nspec:\n  nodeSelector: {disktype: ssd}\n  containers: [{name: app, image: 'nginx:1.27'}]\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: plain}\nspec:\n  containers: [{name: app, image: 'nginx:1.27'}]\n";

#[test]
fn a_pinned_pod_waits_for_a_matching_node_and_a_lost_node_affects_only_its_pods() {
    check(
        PINNED_AND_FREE,
        "nodes: [{name: node-1}, {name: node-2}]\nhorizon: 10m\nactions:\n- {at: 30s, do: addNode, node: {name: node-3, labels: {disktype: ssd}}}\n- {at: 1m, do: loseNode, node: node-3}\n",
        &["10s", "40s", "2m", "7m"],
        expect![[r#"
            --- 10s
            NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
            fast    0/1     Pending   0          10s   <none>       <none>   <none>           <none>
            plain   1/1     Running   0          10s   10.244.0.5   node-1   <none>           <none>
            --- 40s
            NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
            fast    1/1     Running   0          40s   10.244.2.5   node-3   <none>           <none>
            plain   1/1     Running   0          40s   10.244.0.5   node-1   <none>           <none>
            --- 2m
            NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
            fast    1/1     Running   0          2m    10.244.2.5   node-3   <none>           <none>
            plain   1/1     Running   0          2m    10.244.0.5   node-1   <none>           <none>
            --- 7m
            NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
            fast    1/1     Unknown   0          7m    10.244.2.5   node-3   <none>           <none>
            plain   1/1     Running   0          7m    10.244.0.5   node-1   <none>           <none>
            --- events of pod/fast
            Warning FailedScheduling: 0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.
            Normal Scheduled: Successfully assigned default/fast to node-3
            Normal Pulling: Pulling image "nginx:1.27"
            Normal Pulled: Successfully pulled image "nginx:1.27" in 1s (1s including waiting)
            Normal Created: Created container app
            Normal Started: Started container app
            Warning NodeNotReady: Node is not ready
            Normal TaintManagerEviction: Marking for deletion Pod default/fast
            --- events of pod/plain
            Normal Scheduled: Successfully assigned default/plain to node-1
            Normal Pulling: Pulling image "nginx:1.27"
            Normal Pulled: Successfully pulled image "nginx:1.27" in 1s (1s including waiting)
            Normal Created: Created container app
            Normal Started: Started container app
        "#]],
    );
}

#[test]
fn the_scheduler_says_why_each_node_does_not_fit() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: big}\nspec:\n  nodeSelector: {disktype: ssd}\n  containers: [{name: app, image: 'nginx:1.27', resources: {requests: {memory: 6Gi}}}]\n",
        "nodes:\n- {name: small-ssd, memory: 4Gi, labels: {disktype: ssd}}\n- {name: hdd, memory: 16Gi}\n- {name: gpu, memory: 16Gi, labels: {disktype: ssd}, taints: [{key: gpu, value: 'true', effect: NoSchedule}]}\nhorizon: 1m\n",
        &["30s"],
        expect![[r#"
            --- 30s
            NAME   READY   STATUS    RESTARTS   AGE   IP       NODE     NOMINATED NODE   READINESS GATES
            big    0/1     Pending   0          30s   <none>   <none>   <none>           <none>
            --- events of pod/big
            Warning FailedScheduling: 0/3 nodes are available: 1 Insufficient memory, 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {gpu: true}. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.
        "#]],
    );
}

#[test]
fn pods_spread_over_the_nodes_with_the_most_room() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: app, image: 'nginx:1.27', resources: {requests: {cpu: 500m}}}]\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec:\n  containers: [{name: app, image: 'nginx:1.27', resources: {requests: {cpu: 500m}}}]\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: c}\nspec:\n  containers: [{name: app, image: 'nginx:1.27', resources: {requests: {cpu: 1500m}}}]\n",
        "nodes: [{name: node-1}, {name: node-2}]\nhorizon: 1m\n",
        &["5s"],
        expect![[r#"
            --- 5s
            NAME   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
            a      1/1     Running   0          5s    10.244.0.5   node-1   <none>           <none>
            b      1/1     Running   0          5s    10.244.1.5   node-2   <none>           <none>
            c      1/1     Running   0          5s    10.244.0.6   node-1   <none>           <none>
            --- events of pod/a
            Normal Scheduled: Successfully assigned default/a to node-1
            Normal Pulling: Pulling image "nginx:1.27"
            Normal Pulled: Successfully pulled image "nginx:1.27" in 1s (1s including waiting)
            Normal Created: Created container app
            Normal Started: Started container app
            --- events of pod/b
            Normal Scheduled: Successfully assigned default/b to node-2
            Normal Pulling: Pulling image "nginx:1.27"
            Normal Pulled: Successfully pulled image "nginx:1.27" in 1s (1s including waiting)
            Normal Created: Created container app
            Normal Started: Started container app
            --- events of pod/c
            Normal Scheduled: Successfully assigned default/c to node-1
            Normal Pulling: Pulling image "nginx:1.27"
            Normal Pulled: Successfully pulled image "nginx:1.27" in 1s (1s including waiting)
            Normal Created: Created container app
            Normal Started: Started container app
        "#]],
    );
}

#[test]
fn a_pod_on_a_deleted_node_is_removed_by_the_pod_garbage_collector() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  nodeName: node-2\n  containers: [{name: app, image: 'nginx:1.27'}]\n",
        "nodes: [{name: node-1}, {name: node-2}]\nhorizon: 3m\nactions:\n- {at: 30s, do: removeNode, node: node-2}\n",
        &["10s", "1m", "2m"],
        expect![[r#"
            --- 10s
            NAME   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
            web    1/1     Running   0          10s   10.244.1.5   node-2   <none>           <none>
            --- 1m
            NAME   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
            web    1/1     Running   0          60s   10.244.1.5   node-2   <none>           <none>
            --- 2m
            No resources found in default namespace.
            --- events of pod/web
            Normal Pulling: Pulling image "nginx:1.27"
            Normal Pulled: Successfully pulled image "nginx:1.27" in 1s (1s including waiting)
            Normal Created: Created container app
            Normal Started: Started container app
            Normal Killing: Stopping container app
        "#]],
    );
}

#[test]
fn a_pod_that_names_a_node_too_small_is_rejected_by_its_kubelet() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: greedy}\nspec:\n  nodeName: node-1\n  containers: [{name: app, image: 'nginx:1.27', resources: {requests: {cpu: '3'}}}]\n",
        "horizon: 1m\n",
        &["10s"],
        expect![[r#"
            --- 10s
            NAME     READY   STATUS     RESTARTS   AGE   IP       NODE     NOMINATED NODE   READINESS GATES
            greedy   0/1     OutOfcpu   0          10s   <none>   node-1   <none>           <none>
            --- events of pod/greedy
            Warning OutOfcpu: Node didn't have enough resource: cpu, requested: 3000, used: 0, capacity: 2000
        "#]],
    );
}
