//! The scenario format: what it reads, what it writes, and what it refuses.

use expect_test::{Expect, expect};

use super::*;

/// Reads `text` as YAML and renders the scenario as JSON, or the error.
fn check(text: &str, expected: Expect) {
    let out = match Scenario::from_yaml(text) {
        Ok(scenario) => scenario.to_json(),
        Err(error) => error,
    };
    expected.assert_eq(&out);
}

#[test]
fn an_empty_scenario_is_the_default() {
    check(
        "",
        expect![[
            r#"{"version":1,"node":{"name":"node-1","ip":"192.168.49.2","cpu":"2","memory":"4Gi"},"horizon":"10m","start":"2026-01-01T00:00:00Z","podIp":"10.244.0.5"}"#
        ]],
    );
    assert_eq!(Scenario::from_yaml("{}"), Ok(Scenario::default()));
}

#[test]
fn the_module_example_reads() {
    check(
        "version: 1\nnode: {name: node-1, cpu: \"2\", memory: 4Gi}\nservices: [mydb]\nhorizon: 10m\nactions:\n- {at: 30s, do: killContainer, container: app}\n- {at: 1m, do: failProbe, container: app, probe: liveness}\n- {at: 2m, do: createService, name: myservice}\n- {at: 5m, do: deletePod, gracePeriodSeconds: 10}\n",
        expect![[
            r#"{"version":1,"node":{"name":"node-1","ip":"192.168.49.2","cpu":"2","memory":"4Gi"},"services":["mydb"],"horizon":"10m","start":"2026-01-01T00:00:00Z","podIp":"10.244.0.5","actions":[{"at":"30s","do":"killContainer","container":"app"},{"at":"1m","do":"failProbe","container":"app","probe":"liveness"},{"at":"2m","do":"createService","name":"myservice"},{"at":"5m","do":"deletePod","gracePeriodSeconds":10}]}"#
        ]],
    );
}

#[test]
fn every_action_round_trips_through_json() {
    let container = || "app".to_owned();
    let whats = [
        What::DeletePod {
            grace_period_seconds: Some(0),
        },
        What::DeletePod {
            grace_period_seconds: None,
        },
        What::KillContainer {
            container: container(),
        },
        What::CrashContainer {
            container: container(),
        },
        What::FailProbe {
            container: container(),
            probe: ProbeKind::Readiness,
        },
        What::PassProbe {
            container: container(),
            probe: ProbeKind::Startup,
        },
        What::ExceedMemory {
            container: container(),
        },
        What::FailImagePull {
            container: container(),
        },
        What::FixImagePull {
            container: container(),
        },
        What::LoseNode { node: None },
        What::RestoreNode { node: None },
        What::ApplyPod,
        What::Apply {
            manifest: "apiVersion: v1\nkind: Pod\nmetadata: {name: \"a\"}\n".to_owned(),
        },
        What::CreateService {
            name: "db".to_owned(),
        },
        What::DeleteService {
            name: "db".to_owned(),
        },
        What::RemoveStaticManifest,
        What::Scale {
            workload: "deployment/web".to_owned(),
            replicas: 5,
        },
        What::SetImage {
            workload: "deployment/web".to_owned(),
            container: container(),
            image: "nginx:1.28".to_owned(),
        },
        What::DeleteWorkload {
            workload: "deployment/web".to_owned(),
            orphan: true,
        },
        What::Rollout {
            workload: "deployment/web".to_owned(),
            command: RolloutCommand::Undo {
                to_revision: Some(1),
            },
        },
        What::Rollout {
            workload: "deployment/web".to_owned(),
            command: RolloutCommand::Pause,
        },
        What::Exec {
            container: container(),
            command: vec!["sh".to_owned(), "-c".to_owned(), "kill 1".to_owned()],
        },
        What::Create {
            command: "kubectl run -it --rm tmp --image=busybox".to_owned(),
            manifest: "apiVersion: v1\nkind: Pod\n".to_owned(),
        },
        What::Debug {
            container: "debugger-8xzrl".to_owned(),
            command: [
                "kubectl",
                "debug",
                "-it",
                "web",
                "--image=busybox",
                "--target=app",
            ]
            .map(str::to_owned)
            .to_vec(),
        },
        What::EndSession {
            container: "debugger-8xzrl".to_owned(),
            code: 130,
        },
    ];
    let scenario = Scenario {
        manifest: "apiVersion: v1\nkind: Pod\n".to_owned(),
        node: Node {
            name: "worker".to_owned(),
            ip: "10.0.0.9".to_owned(),
            cpu_millis: 1500,
            memory_bytes: 1000,
            ..Node::default()
        },
        horizon: VirtualTime::from_millis(90_500),
        static_pod: true,
        actions: whats
            .into_iter()
            .enumerate()
            .map(|(index, what)| Action::new(VirtualTime::from_secs(index as u64 * 10), what))
            .collect(),
        ..Scenario::default()
    };
    let json = scenario.to_json();
    assert_eq!(Scenario::from_json(&json), Ok(scenario.clone()));
    assert_eq!(Scenario::from_yaml(&json), Ok(scenario));
    expect![[r#"{"version":1,"manifest":"apiVersion: v1\nkind: Pod\n","node":{"name":"worker","ip":"10.0.0.9","cpu":"1500m","memory":"1000"},"horizon":"1m30s500ms","start":"2026-01-01T00:00:00Z","podIp":"10.244.0.5","staticPod":true,"actions":[{"at":"0s","do":"deletePod","gracePeriodSeconds":0},{"at":"10s","do":"deletePod"},{"at":"20s","do":"killContainer","container":"app"},{"at":"30s","do":"crashContainer","container":"app"},{"at":"40s","do":"failProbe","container":"app","probe":"readiness"},{"at":"50s","do":"passProbe","container":"app","probe":"startup"},{"at":"1m","do":"exceedMemory","container":"app"},{"at":"1m10s","do":"failImagePull","container":"app"},{"at":"1m20s","do":"fixImagePull","container":"app"},{"at":"1m30s","do":"loseNode"},{"at":"1m40s","do":"restoreNode"},{"at":"1m50s","do":"applyPod"},{"at":"2m","do":"apply","manifest":"apiVersion: v1\nkind: Pod\nmetadata: {name: \"a\"}\n"},{"at":"2m10s","do":"createService","name":"db"},{"at":"2m20s","do":"deleteService","name":"db"},{"at":"2m30s","do":"removeStaticManifest"},{"at":"2m40s","do":"scale","workload":"deployment/web","replicas":5},{"at":"2m50s","do":"setImage","workload":"deployment/web","container":"app","image":"nginx:1.28"},{"at":"3m","do":"deleteWorkload","workload":"deployment/web","orphan":true},{"at":"3m10s","do":"rolloutUndo","workload":"deployment/web","toRevision":1},{"at":"3m20s","do":"rolloutPause","workload":"deployment/web"},{"at":"3m30s","do":"exec","container":"app","command":["sh","-c","kill 1"]},{"at":"3m40s","do":"create","command":"kubectl run -it --rm tmp --image=busybox","manifest":"apiVersion: v1\nkind: Pod\n"},{"at":"3m50s","do":"debug","container":"debugger-8xzrl","command":["kubectl","debug","-it","web","--image=busybox","--target=app"]},{"at":"4m","do":"endSession","container":"debugger-8xzrl","code":130}]}"#]]
    .assert_eq(&json);
}

#[test]
fn bad_scenarios_are_refused_with_a_reason() {
    let cases = [
        (
            "unknown field",
            "nodeName: worker",
            expect![
                "scenario: unknown field `nodeName`, expected one of `version`, `manifest`, `node`, `nodes`, `services`, `configMaps`, `secrets`, `horizon`, `start`, `podIp`, `staticPod`, `actions`"
            ],
        ),
        (
            "bad duration",
            "horizon: soon",
            expect![[
                r#"scenario: invalid duration "soon": write it as 45s, 2m, 1m30s or 500ms (at most 24h)"#
            ]],
        ),
        (
            "duration too long",
            "horizon: 48h",
            expect![[
                r#"scenario: invalid duration "48h": write it as 45s, 2m, 1m30s or 500ms (at most 24h)"#
            ]],
        ),
        (
            "newer version",
            "version: 2",
            expect!["scenario: version 2 is not one this playground reads (it reads version 1)"],
        ),
        (
            "bad quantity",
            "node: {memory: lots}",
            expect![[
                r#"scenario: invalid quantity "lots": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"#
            ]],
        ),
        (
            "no cpu",
            "node: {cpu: 0}",
            expect!["scenario: the node needs some cpu and memory"],
        ),
        (
            "nodes not a list",
            "nodes: {}",
            expect!["scenario: invalid type: map, expected a sequence"],
        ),
        (
            "node and nodes",
            "node: {name: a}\nnodes: [{name: b}]",
            expect!["scenario: give either node (one node) or nodes (a list), not both"],
        ),
        (
            "two nodes of one name",
            "nodes: [{name: a}, {name: a}]",
            expect![[r#"scenario: two nodes are named "a"; node names must be unique"#]],
        ),
        (
            "a node added under a taken name",
            "nodes: [{name: a}]\nactions: [{at: 1s, do: addNode, node: {name: a}}]",
            expect![[r#"scenario: addNode at 1s: a node named "a" is already in the cluster"#]],
        ),
        (
            "unknown taint effect",
            "nodes: [{name: a, taints: [{key: gpu, effect: NoEntry}]}]",
            expect![[
                r#"scenario: taint gpu of node a has effect "NoEntry"; it must be one of NoSchedule, PreferNoSchedule, NoExecute"#
            ]],
        ),
        (
            "two nodes at one address",
            "nodes: [{name: a, ip: 192.168.49.3}, {name: b}]",
            expect![
                "scenario: node b has the address 192.168.49.3 of another node; give each node its own ip"
            ],
        ),
        (
            "a start out of the years RFC 3339 writes",
            "start: '9999-12-31T23:59:59-01:00'",
            expect![[
                r#"scenario: invalid time "9999-12-31T23:59:59-01:00": write it as RFC 3339, such as 2026-01-01T00:00:00Z"#
            ]],
        ),
        (
            "a nameless node",
            "nodes: [{name: ''}]",
            expect!["scenario: a node needs a name"],
        ),
        (
            "unknown action",
            "actions: [{at: 1s, do: explode}]",
            expect![
                "scenario: unknown variant `explode`, expected one of `deletePod`, `killContainer`, `crashContainer`, `exec`, `failProbe`, `passProbe`, `exceedMemory`, `failImagePull`, `fixImagePull`, `applyPod`, `apply`, `create`, `deleteManifest`, `loseNode`, `restoreNode`, `addNode`, `removeNode`, `removeStaticManifest`, `createService`, `deleteService`, `scale`, `setImage`, `deleteWorkload`, `rolloutUndo`, `rolloutRestart`, `rolloutPause`, `rolloutResume`"
            ],
        ),
        (
            "action without its container",
            "actions: [{at: 1s, do: killContainer}]",
            expect!["scenario: missing field `container`"],
        ),
        (
            "a misspelt field of an action",
            "actions: [{at: 1s, do: killContainer, containr: app}]",
            expect!["scenario: missing field `container`"],
        ),
        (
            "a field another action has",
            "actions: [{at: 1s, do: killContainer, container: app, probe: liveness}]",
            expect![
                "scenario: unknown field `probe`, expected one of `at`, `pod`, `do`, `container`"
            ],
        ),
        (
            "an action without its time",
            "actions: [{do: applyPod}]",
            expect!["scenario: missing field `at`"],
        ),
        (
            "an unknown probe",
            "actions: [{at: 1s, do: failProbe, container: app, probe: health}]",
            expect![
                "scenario: unknown variant `health`, expected one of `liveness`, `readiness`, `startup`"
            ],
        ),
        (
            "a taint without an effect",
            "nodes: [{name: a, taints: [{key: gpu}]}]",
            expect!["scenario: missing field `effect`"],
        ),
        (
            "an unknown field of a node",
            "nodes: [{name: a, zone: b}]",
            expect![
                "scenario: unknown field `zone`, expected one of `name`, `ip`, `cpu`, `memory`, `labels`, `taints`"
            ],
        ),
        (
            "a number where a name goes",
            "services: [3]",
            expect!["scenario: invalid type: integer `3`, expected a string"],
        ),
        (
            "a negative version",
            "version: -1",
            expect!["scenario: invalid value: integer `-1`, expected u32"],
        ),
        (
            "a list where a scenario goes",
            "[1, 2]",
            expect!["scenario: invalid type: sequence, expected struct Scenario"],
        ),
        (
            "a grace period in words",
            "actions: [{at: 1s, do: deletePod, gracePeriodSeconds: soon}]",
            expect![[r#"scenario: invalid type: string "soon", expected i64"#]],
        ),
        (
            "bad time",
            "start: yesterday",
            expect![[
                r#"scenario: invalid time "yesterday": write it as RFC 3339, such as 2026-01-01T00:00:00Z"#
            ]],
        ),
        (
            "YAML error",
            "actions: [",
            expect!["scenario: 2:1: while parsing a node, did not find expected node content"],
        ),
        (
            "two documents",
            "{}\n---\n{}\n",
            expect!["scenario: expected one YAML document"],
        ),
    ];
    for (name, text, expected) in cases {
        let error = Scenario::from_yaml(text).expect_err(name);
        expected.assert_eq(&error);
    }
    let huge = format!("services: [{}]", "a, ".repeat(2000));
    assert!(Scenario::from_yaml(&huge).is_err());
}

#[test]
fn a_start_keeps_whole_seconds_as_it_is_written_back() {
    let scenario = Scenario::from_yaml("start: '2026-01-01T00:00:00.750Z'").expect("valid");
    assert_eq!(scenario.start.to_string(), "2026-01-01T00:00:00Z");
    assert_eq!(Scenario::from_json(&scenario.to_json()), Ok(scenario));
}

#[test]
fn services_come_and_go_with_the_actions() {
    let scenario = Scenario::from_yaml(
        "services: [db]\nactions:\n- {at: 2m, do: deleteService, name: db}\n- {at: 1m, do: createService, name: cache}\n",
    )
    .expect("valid");
    let exists =
        |name: &str, secs: u64| scenario.service_exists(name, VirtualTime::from_secs(secs));
    assert!(exists("db", 0) && exists("db", 119) && !exists("db", 120));
    assert!(!exists("cache", 59) && exists("cache", 60) && exists("cache", 600));
    assert_eq!(scenario.service_names(), ["cache", "db"]);
}
