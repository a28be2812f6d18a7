//! Static Pods as `kubectl get pods -w` and the mirror object show them.

use expect_test::{Expect, expect};

use pod_model::cluster::scenario::Scenario;
use pod_model::cluster::simulate;
use pod_model::kubectl::get::pod_row;

/// The docs' static-web Pod ("Create static Pods").
const STATIC_WEB: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: static-web\n  labels:\n    role: myrole\nspec:\n  containers:\n    - name: web\n      image: nginx\n      ports:\n        - name: web\n          containerPort: 80\n          protocol: TCP\n";

/// Simulates the static-web Pod as a static Pod in a scenario of `actions` (YAML), and renders a
/// `get pods -w` row (with the mirror's UID) for each snapshot, then whether the object was
/// removed, and the Events.
fn check(horizon: &str, actions: &str, expected: Expect) {
    let scenario = Scenario::from_yaml(&format!(
        "staticPod: true\nhorizon: {horizon}\nactions:\n{actions}"
    ))
    .expect("a valid scenario");
    let parsed = pod_model::parse(STATIC_WEB);
    let pod = parsed.accepted_pod().expect("a valid Pod");
    let simulation = simulate(pod, &scenario);
    let mut out = String::new();
    for snapshot in &simulation.snapshots {
        let row = pod_row(&snapshot.pod, simulation.wall(snapshot.at));
        let uid = snapshot.pod.metadata.uid.as_deref().unwrap_or_default();
        out.push_str(&format!(
            "{:>6}  {} {} {} {} {} uid {}\n",
            snapshot.at.to_string(),
            row.name,
            row.ready,
            row.status,
            row.restarts,
            row.age,
            &uid[..8]
        ));
    }
    if let Some(at) = simulation.deleted_at {
        out.push_str(&format!("removed at {at}\n"));
    }
    for event in simulation.events.at(simulation.wall(scenario.horizon)) {
        out.push_str(&format!(
            "event {} {}: {}\n",
            event.kind.as_str(),
            event.reason,
            event.message
        ));
    }
    expected.assert_eq(&out);
}

#[test]
fn kubectl_delete_replaces_the_mirror_and_the_container_runs_on() {
    check(
        "1m",
        "- {at: 30s, do: deletePod}\n",
        expect![[r#"
                0s  static-web-node-1 0/1 Pending 0 0s uid e96ab475
                1s  static-web-node-1 0/1 ContainerCreating 0 1s uid e96ab475
                2s  static-web-node-1 1/1 Running 0 2s uid e96ab475
               30s  static-web-node-1 1/1 Terminating 0 30s uid e96ab475
               31s  static-web-node-1 0/1 Pending 0 0s uid 2957b4cc
               40s  static-web-node-1 1/1 Running 0 9s uid 2957b4cc
            event Normal Pulling: Pulling image "nginx"
            event Normal Pulled: Successfully pulled image "nginx" in 1s (1s including waiting)
            event Normal Created: Created container web
            event Normal Started: Started container web
        "#]],
    );
}

#[test]
fn removing_the_file_stops_the_pod_and_removes_the_mirror() {
    check(
        "1m",
        "- {at: 20s, do: removeStaticManifest}\n",
        expect![[r#"
                0s  static-web-node-1 0/1 Pending 0 0s uid e96ab475
                1s  static-web-node-1 0/1 ContainerCreating 0 1s uid e96ab475
                2s  static-web-node-1 1/1 Running 0 2s uid e96ab475
             20.1s  static-web-node-1 0/1 Completed 0 20s uid e96ab475
            removed at 20.1s
            event Normal Pulling: Pulling image "nginx"
            event Normal Pulled: Successfully pulled image "nginx" in 1s (1s including waiting)
            event Normal Created: Created container web
            event Normal Started: Started container web
            event Normal Killing: Stopping container web
        "#]],
    );
}

#[test]
fn a_lost_node_never_evicts_a_static_pod() {
    check(
        "15m",
        "- {at: 1m, do: loseNode}\n",
        expect![[r#"
                0s  static-web-node-1 0/1 Pending 0 0s uid e96ab475
                1s  static-web-node-1 0/1 ContainerCreating 0 1s uid e96ab475
                2s  static-web-node-1 1/1 Running 0 2s uid e96ab475
              110s  static-web-node-1 1/1 Running 0 110s uid e96ab475
            event Normal Pulling: Pulling image "nginx"
            event Normal Pulled: Successfully pulled image "nginx" in 1s (1s including waiting)
            event Normal Created: Created container web
            event Normal Started: Started container web
            event Warning NodeNotReady: Node is not ready
        "#]],
    );
}

#[test]
fn the_mirror_names_its_node_and_the_kubelet_copy() {
    let scenario = Scenario {
        static_pod: true,
        ..Scenario::default()
    };
    let parsed = pod_model::parse(STATIC_WEB);
    let pod = parsed.accepted_pod().expect("a valid Pod");
    let simulation = simulate(pod, &scenario);
    let mirror = &simulation.snapshots[0].pod;
    assert!(pod_model::cluster::kubelet::static_pod::is_mirror(mirror));
    let yaml = pod_model::kubectl::yaml::pod_yaml(mirror);
    let metadata: String = yaml
        .lines()
        .skip_while(|line| *line != "metadata:")
        .take_while(|line| *line != "spec:")
        .collect::<Vec<_>>()
        .join("\n");
    expect![[r#"
        metadata:
          annotations:
            kubernetes.io/config.hash: 5a8b5fde2c2ab51dbfbc58556a3ab516
            kubernetes.io/config.mirror: 5a8b5fde2c2ab51dbfbc58556a3ab516
            kubernetes.io/config.seen: "2026-01-01T00:00:00Z"
            kubernetes.io/config.source: file
          creationTimestamp: "2026-01-01T00:00:00Z"
          labels:
            role: myrole
          name: static-web-node-1
          namespace: default
          ownerReferences:
          - apiVersion: v1
            controller: true
            kind: Node
            name: node-1
            uid: 484df674-8ea2-b354-ece9-1d4566a8909b
          resourceVersion: "1024"
          uid: e96ab475-cd9b-f318-68eb-9b37e631d2d5"#]]
    .assert_eq(&metadata);
    let spec = &mirror.spec;
    assert_eq!(spec.node_name.as_deref(), Some("node-1"));
    assert_eq!(spec.service_account_name, None);
    assert_eq!(spec.tolerations.len(), 1);
}

#[test]
fn the_flow_diagram_follows_the_static_pod_and_its_mirror() {
    let scenario =
        Scenario::from_yaml("staticPod: true\nhorizon: 1m\nactions:\n- {at: 30s, do: deletePod}\n")
            .expect("a valid scenario");
    let parsed = pod_model::parse(STATIC_WEB);
    let pod = parsed.accepted_pod().expect("a valid Pod");
    let simulation = simulate(pod, &scenario);
    let timeline = pod_model::timeline::from_simulation(pod, &simulation);
    let stages: Vec<String> = timeline
        .steps()
        .iter()
        .zip(pod_model::playground::stepper::views(pod, &timeline))
        .map(|(step, view)| format!("{} {:?}", step.at, view.flow))
        .collect();
    expect![[r#"
        0s StaticStarting
        1s StaticStarting
        2s StaticReported
        30s MirrorReplaced
        31s MirrorReplaced
        40s StaticReported"#]]
    .assert_eq(&stages.join("\n"));
}

#[test]
fn a_static_pod_is_no_naked_pod() {
    let mut parsed = pod_model::parse(STATIC_WEB);
    let lints = |parsed: &pod_model::Parsed| {
        parsed
            .diagnostics
            .iter()
            .filter(|d| d.to_string().contains("bare Pod"))
            .count()
    };
    assert_eq!(lints(&parsed), 1);
    pod_model::lint::drop_for_static_pod(&mut parsed.diagnostics);
    assert_eq!(lints(&parsed), 0);
}
