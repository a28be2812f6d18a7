//! The virtual cluster's replay property: for generated scenarios of several Pods on several
//! nodes (starts, kills, back-offs, probes, deletions, node loss, nodes that join and go),
//! replaying the events the run decided rebuilds every Pod's history, version by version, and
//! its Events; and the Kubernetes Events agree with the statuses they explain.

use std::collections::BTreeMap;

use pod_model::Pod;
use pod_model::api::v1::PodStatus;
use pod_model::base::time::VirtualTime;
use pod_model::cluster::scenario::{Action, Node, ProbeKind, Scenario, Taint, What};
use pod_model::cluster::store::{Involved, Store};
use pod_model::cluster::{replay, run, run_logged};
use proptest::prelude::*;

/// A container of the generated Pods: an image, what it runs, and a probe or hook.
fn container() -> impl Strategy<Value = String> {
    let image = prop::sample::select(vec![
        "nginx:1.27",
        "busybox:1.36",
        "postgres:16",
        "registry.k8s.io/liveness",
        "unknown/thing:1",
    ]);
    let command = prop::sample::select(vec![
        "",
        "    command: [sh, -c, 'echo hi; sleep 5; exit 3']\n",
        "    command: [sh, -c, 'while true; do date >> /data/log; sleep 2; done']\n",
        "    command: [sh, -c, 'tail -f /data/log']\n",
        "    command: [sh, -c, 'until nslookup svc; do sleep 2; done; echo found']\n",
    ]);
    let extra = prop::sample::select(vec![
        "",
        "    readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}\n",
        "    livenessProbe: {exec: {command: [cat, /data/log]}, periodSeconds: 3, failureThreshold: 2}\n",
        "    startupProbe: {tcpSocket: {port: 80}, periodSeconds: 2}\n",
        "    lifecycle: {preStop: {exec: {command: [sh, -c, 'sleep 4']}}, postStart: {exec: {command: [sh, -c, 'sleep 1']}}}\n",
        "    resources: {requests: {cpu: 700m, memory: 1Gi}, limits: {memory: 1Gi}}\n",
    ]);
    (image, command, extra).prop_map(|(image, command, extra)| {
        format!("    image: '{image}'\n    volumeMounts: [{{name: data, mountPath: /data}}]\n{command}{extra}")
    })
}

/// A Pod named `name`: app containers, maybe an init container or a native sidecar, a restart
/// policy, and maybe a node selector or a toleration.
fn pod(name: &'static str) -> impl Strategy<Value = String> {
    let restart = prop::sample::select(vec!["Always", "Never", "OnFailure"]);
    let placement = prop::sample::select(vec![
        "",
        "  nodeSelector: {disktype: ssd}\n",
        "  tolerations: [{key: gpu, operator: Exists, effect: NoSchedule}]\n",
        "  terminationGracePeriodSeconds: 5\n",
    ]);
    let init = prop::sample::select(vec![
        "",
        "  initContainers: [{name: init, image: 'busybox:1.36', command: [sh, -c, 'sleep 2; echo ok > /data/log']}]\n",
        "  initContainers: [{name: side, image: 'busybox:1.36', restartPolicy: Always, command: [sh, -c, 'tail -f /data/log']}]\n",
    ]);
    (restart, placement, init, prop::collection::vec(container(), 1..3)).prop_map(
        move |(restart, placement, init, containers)| {
            let mut text = format!(
                "apiVersion: v1\nkind: Pod\nmetadata: {{name: {name}}}\nspec:\n  restartPolicy: {restart}\n  volumes: [{{name: data, emptyDir: {{}}}}]\n{placement}{init}  containers:\n"
            );
            for (index, container) in containers.iter().enumerate() {
                text.push_str(&format!("  - name: c{index}\n{container}"));
            }
            text
        },
    )
}

/// One to three nodes, with labels and taints.
fn nodes() -> impl Strategy<Value = Vec<Node>> {
    prop::collection::vec(
        (
            any::<bool>(),
            any::<bool>(),
            prop::sample::select(vec![2_000, 1_000]),
        ),
        1..4,
    )
    .prop_map(|nodes| {
        nodes
            .into_iter()
            .enumerate()
            .map(|(index, (ssd, gpu, cpu))| {
                let mut node = Node {
                    name: format!("node-{}", index + 1),
                    cpu_millis: cpu,
                    ..Node::default()
                };
                if ssd {
                    node.labels.insert("disktype".to_owned(), "ssd".to_owned());
                }
                if gpu {
                    node.taints.push(Taint {
                        key: "gpu".to_owned(),
                        value: "true".to_owned(),
                        effect: "NoSchedule".to_owned(),
                    });
                }
                node.numbered(index)
            })
            .collect()
    })
}

/// Timed actions of every kind: (second, kind, target index).
fn actions() -> impl Strategy<Value = Vec<(u64, u8, usize)>> {
    prop::collection::vec((0u64..300, 0u8..21, 0usize..6), 0..9)
}

/// The scenario actions for `pods` on `nodes` from generated triples.
fn scenario_actions(pods: &[Pod], nodes: &[Node], generated: &[(u64, u8, usize)]) -> Vec<Action> {
    generated
        .iter()
        .map(|&(second, kind, index)| {
            let pod = &pods[index % pods.len()];
            let containers: Vec<String> = pod
                .all_containers()
                .map(|(_, container)| container.name.clone())
                .collect();
            let container = containers[index % containers.len()].clone();
            let node = nodes[index % nodes.len()].name.clone();
            let probe = [
                ProbeKind::Liveness,
                ProbeKind::Readiness,
                ProbeKind::Startup,
            ][index % 3];
            let what = match kind {
                0 => What::DeletePod {
                    grace_period_seconds: Some(i64::try_from(index).unwrap_or(0) * 4),
                },
                1 if index % 2 == 0 => What::KillContainer { container },
                1 => What::CrashContainer { container },
                2 => What::FailProbe { container, probe },
                3 => What::PassProbe { container, probe },
                4 => What::ExceedMemory { container },
                5 => What::FailImagePull { container },
                6 => What::FixImagePull { container },
                7 | 8 => What::LoseNode { node: Some(node) },
                9 => What::RestoreNode { node: Some(node) },
                10 => What::CreateService {
                    name: "svc".to_owned(),
                },
                11 => What::DeleteService {
                    name: "svc".to_owned(),
                },
                12 => What::DeletePod {
                    grace_period_seconds: None,
                },
                13 => What::ApplyPod,
                14 => What::AddNode {
                    node: Node {
                        name: format!("extra-{index}"),
                        labels: BTreeMap::from([("disktype".to_owned(), "ssd".to_owned())]),
                        ..Node::default()
                    },
                },
                15 => What::RemoveNode { node },
                // `kubectl exec` that writes (its own layer, maybe a volume) or sends a signal.
                17 => What::Exec {
                    container,
                    command: ["sh", "-c", "echo hi >> /tmp/x; echo hi >> /data/x"]
                        .map(str::to_owned)
                        .to_vec(),
                },
                18 => What::Exec {
                    container,
                    command: [["kill", "1"], ["kill", "2"], ["pkill", "sleep"]][index % 3]
                        .map(str::to_owned)
                        .to_vec(),
                },
                // `kubectl debug`: an ephemeral container (targeting one, with a session or
                // not, now and then a name that is taken), and the end of its session.
                19 => What::Debug {
                    container: if index == 5 {
                        container.clone()
                    } else {
                        format!("debugger-{}", index % 2)
                    },
                    command: match index % 3 {
                        0 => format!(
                            "kubectl debug -it {} --image=busybox:1.28 --target={container}",
                            pod.name()
                        ),
                        1 => format!("kubectl debug {} --image=busybox -- sleep 5", pod.name()),
                        _ => format!("kubectl debug -i {} --image=nginx", pod.name()),
                    }
                    .split_whitespace()
                    .map(str::to_owned)
                    .collect(),
                },
                20 => What::EndSession {
                    container: format!("debugger-{}", index % 2),
                    code: i32::try_from(index).unwrap_or(0),
                },
                _ => What::KillContainer {
                    container: "no-such-container".to_owned(),
                },
            };
            Action {
                at: VirtualTime::from_secs(second),
                pod: Some(pod.name().to_owned()),
                what,
            }
        })
        .collect()
}

/// The manifest's Pods, accepted and defaulted.
fn accepted(manifest: &str) -> Vec<Pod> {
    pod_model::parse(manifest)
        .accepted_pods()
        .into_iter()
        .cloned()
        .collect()
}

/// What must hold for one generated scenario.
fn check(pods: &[Pod], scenario: &Scenario) -> Result<(), TestCaseError> {
    let ran = run_logged(pods, scenario);
    // Deterministic, and replaying the events rebuilds the store: every object, every version
    // of every Pod at its instant, every Event.
    prop_assert_eq!(&run(pods, scenario).world.store, &ran.world.store);
    let replayed = replay(pods, scenario, &ran.log);
    prop_assert_eq!(&replayed.store, &ran.world.store);
    check_events_against_statuses(&ran.world.store, scenario)
}

/// The Kubernetes Events of each Pod object agree with its versions: phases move along legal
/// edges, restart counts never fall, each run of a container has its `Started` Event and each
/// restart after the first its `BackOff`, a `Scheduled` Pod is `PodScheduled`, a
/// `NodeNotReady` Pod was seen not ready, and a removed Pod was deleted first.
fn check_events_against_statuses(store: &Store, scenario: &Scenario) -> Result<(), TestCaseError> {
    let lost: Vec<String> = scenario
        .actions
        .iter()
        .filter_map(|action| match &action.what {
            What::LoseNode { node } => Some(node.clone().unwrap_or_default()),
            _ => None,
        })
        .collect();
    for (index, stored) in store.pods.iter().enumerate() {
        let events: Vec<_> = store
            .events
            .iter()
            .filter(|e| e.involved == Involved::Pod(pod_model::cluster::store::PodId(index)))
            .map(|e| &e.event)
            .collect();
        let node = stored.object().spec.node_name.clone().unwrap_or_default();
        let cut_off = lost.contains(&node);
        let mut phase = "Pending".to_owned();
        let mut restarts: BTreeMap<String, i32> = BTreeMap::new();
        let mut last_at = None;
        for version in &stored.history {
            prop_assert!(
                last_at.is_none_or(|at| at < version.at),
                "versions out of order"
            );
            last_at = Some(version.at);
            let status: &PodStatus = version.pod.status.as_deref().expect("a Pod has a status");
            let next = status.phase.clone().unwrap_or_default();
            prop_assert!(
                pod_model::cluster::event::legal_phase_transition(&phase, &next),
                "illegal phase transition {} → {} at {}",
                phase,
                next,
                version.at
            );
            phase = next;
            let now = scenario
                .start
                .plus_millis(i64::try_from(version.at.as_millis()).unwrap_or(0));
            let seen = |reason: &str, field: Option<&str>| -> u32 {
                events
                    .iter()
                    .filter(|e| {
                        e.first_seen <= now
                            && e.reason == reason
                            && (field.is_none() || e.field_path.as_deref() == field)
                    })
                    .map(|e| e.count)
                    .sum()
            };
            let scheduled = status
                .conditions
                .iter()
                .any(|c| c.kind == "PodScheduled" && c.status == "True");
            prop_assert!(
                seen("Scheduled", None) == 0 || scheduled,
                "a Scheduled Event without PodScheduled at {}",
                version.at
            );
            let all = status
                .init_container_statuses
                .iter()
                .map(|s| (s, "initContainers"))
                .chain(status.container_statuses.iter().map(|s| (s, "containers")));
            for (container, section) in all {
                let before = restarts
                    .insert(container.name.clone(), container.restart_count)
                    .unwrap_or(0);
                prop_assert!(container.restart_count >= before, "a restart count fell");
                if cut_off {
                    // A lost node's kubelet cannot deliver its Events.
                    continue;
                }
                let field = format!("spec.{section}{{{}}}", container.name);
                let started = seen("Started", Some(&field));
                let ran = container.container_id.is_some();
                let runs = if ran {
                    u32::try_from(container.restart_count).unwrap_or(0) + 1
                } else {
                    0
                };
                // A run that started but whose postStart hook still runs is not shown yet.
                prop_assert!(
                    started == runs || started == runs + 1,
                    "{} Started Events for {} at {} (restartCount {})",
                    started,
                    field,
                    version.at,
                    container.restart_count
                );
                let back_offs = events
                    .iter()
                    .filter(|e| {
                        e.first_seen <= now
                            && e.reason == "BackOff"
                            && e.field_path.as_deref() == Some(field.as_str())
                            && e.message.starts_with("Back-off restarting")
                    })
                    .map(|e| e.count)
                    .sum::<u32>();
                let restarted = u32::try_from(container.restart_count).unwrap_or(0);
                prop_assert!(
                    restarted <= back_offs + 1 && back_offs <= restarted + 1,
                    "{} restarts and {} BackOff Events for {} at {}",
                    restarted,
                    back_offs,
                    field,
                    version.at
                );
            }
        }
        // The node controller marks the Pods of a silent node not ready.
        for event in events.iter().filter(|e| e.reason == "NodeNotReady") {
            let in_force = stored.history.iter().rev().find(|version| {
                scenario
                    .start
                    .plus_millis(i64::try_from(version.at.as_millis()).unwrap_or(0))
                    <= event.first_seen
            });
            let marked = in_force.is_some_and(|version| {
                version.pod.status.as_deref().is_some_and(|status| {
                    !status
                        .conditions
                        .iter()
                        .any(|c| c.kind == "Ready" && c.status == "True")
                })
            });
            prop_assert!(marked, "NodeNotReady without the Pod marked not ready");
        }
        if stored.removed.is_some() {
            let deleted = stored
                .history
                .iter()
                .any(|version| version.pod.metadata.deletion_timestamp.is_some())
                || stored.object().metadata.deletion_timestamp.is_some();
            prop_assert!(deleted, "pod {} removed without a deletion", index);
        }
    }
    Ok(())
}

proptest! {
    // Thousands of scenarios a run (more with PROPTEST_CASES).
    #![proptest_config(ProptestConfig {
        cases: ProptestConfig::default().cases.max(2_000),
        ..ProptestConfig::default()
    })]

    #[test]
    fn replaying_the_events_rebuilds_every_pod_on_every_node(
        first in pod("web"),
        second in pod("db"),
        two in any::<bool>(),
        nodes in nodes(),
        generated in actions(),
    ) {
        let manifest = if two { format!("{first}---\n{second}") } else { first };
        let pods = accepted(&manifest);
        prop_assume!(!pods.is_empty());
        let scenario = Scenario {
            horizon: VirtualTime::from_secs(360),
            actions: scenario_actions(&pods, &nodes, &generated),
            nodes,
            ..Scenario::default()
        }
        .checked()
        .map_err(TestCaseError::reject)?;
        check(&pods, &scenario)?;
    }
}
