//! Property tests (proptest) over the whole pipeline: parse → default → validate → lint. No input
//! panics, every position lies in the text, and the pipeline's own invariants hold. The case
//! counts bound the run to a few seconds.

use pod_model::api::quantity::Quantity;
use proptest::prelude::*;

/// Characters that stress YAML: indicators, quotes, whitespace of every kind, digits, letters.
const ALPHABET: &[char] = &[
    'a', 'b', 'k', 'z', 'A', 'Z', '0', '1', '9', '-', '_', '.', ':', ' ', ' ', '\n', '\t', '[',
    ']', '{', '}', ',', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', '?', '~', '\\',
    '/', '\u{a0}', '\u{201c}', '\u{2019}', '\u{feff}', 'é', '\u{0}',
];

fn yamlish_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..400)
        .prop_map(|chars| chars.into_iter().collect())
}

/// A Pod manifest built from a grammar of plausible and implausible values.
pub(crate) fn pod_manifest() -> impl Strategy<Value = String> {
    let name = prop::sample::select(vec![
        "web",
        "Web_App",
        "",
        "a-very-long-name-that-goes-on-and-on-and-on-beyond-sixty-three-chars",
        "db",
        "x.y",
    ]);
    let image = prop::sample::select(vec![
        "nginx",
        "nginx:1.27",
        " busybox",
        "postgres:16",
        "",
        "redis@sha256:abc",
    ]);
    let port = prop::sample::select(vec![
        "80",
        "0",
        "70000",
        "8080",
        "-1",
        "\"80\"",
        "99999999999",
        "http",
    ]);
    let quantity = prop::sample::select(vec![
        "100m", "1", "0.5", "128Mi", "1Gi", "-1", "12x", "1e3", "\"\"",
    ]);
    let restart = prop::sample::select(vec!["Always", "Never", "OnFailure", "Sometimes", "\"\""]);
    let extra = prop::sample::select(vec![
        "",
        "    readinessProbe: {httpGet: {path: /, port: 80}}\n",
        "    livenessProbe: {tcpSocket: {port: http}, successThreshold: 2}\n",
        "    restartPolicy: Always\n",
        "    securityContext: {runAsUser: 0}\n",
        "    volumeMounts: [{name: data, mountPath: /data}]\n",
        "    env: [{name: A, value: yes}, {name: '', valueFrom: {}}]\n",
        "    imagePullPolice: Always\n",
    ]);
    (name, image, port, quantity.clone(), quantity, restart, extra, 1usize..4, any::<bool>())
        .prop_map(|(name, image, port, request, limit, restart, extra, count, init)| {
            let mut text = format!(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\n  labels: {{app: {name}}}\nspec:\n  restartPolicy: {restart}\n  volumes: [{{name: data, emptyDir: {{}}}}]\n"
            );
            let section = if init { "initContainers" } else { "containers" };
            text.push_str(&format!("  {section}:\n"));
            for index in 0..count {
                text.push_str(&format!(
                    "  - name: {name}{index}\n    image: '{image}'\n    ports: [{{containerPort: {port}}}]\n    resources: {{requests: {{cpu: {request}}}, limits: {{cpu: {limit}, memory: {limit}}}}}\n{extra}"
                ));
            }
            if init {
                text.push_str("  containers: [{name: main, image: 'busybox:1.36'}]\n");
            }
            text
        })
}

/// Checks what must hold for any input.
fn check_invariants(text: &str) -> Result<(), TestCaseError> {
    let parsed = pod_model::parse(text);
    let lines = u32::try_from(text.lines().count() + 1).unwrap_or(u32::MAX);
    for diagnostic in &parsed.diagnostics {
        prop_assert!(diagnostic.span.start.line >= 1 && diagnostic.span.start.line <= lines);
        prop_assert!(!diagnostic.message().is_empty());
    }
    // An accepted Pod has no validation errors, and applying the defaults again changes nothing.
    if let Some(pod) = parsed.accepted_pod() {
        prop_assert!(pod_model::api::validation::validate(pod).is_empty());
        let again = pod_model::api::defaults::apply(pod);
        prop_assert!(
            again.applied.is_empty(),
            "defaults not idempotent: {:?}",
            again.applied
        );
    }
    // The pipeline is deterministic.
    prop_assert_eq!(&pod_model::parse(text), &parsed);
    // An accepted Pod simulates deterministically, with the simulation's invariants.
    if let Some(pod) = parsed.accepted_pod() {
        let scenario = pod_model::cluster::Scenario {
            horizon: pod_model::base::time::VirtualTime::from_secs(300),
            ..pod_model::cluster::Scenario::default()
        };
        check_simulation(pod, &scenario)?;
    }
    Ok(())
}

/// The phases a Pod may move to from `from` (pkg/kubelet: Pending → Running → Succeeded or
/// Failed; a Pod may finish without being seen Running; a terminal phase is never left).
fn legal_transition(from: &str, to: &str) -> bool {
    from == to
        || matches!(
            (from, to),
            ("Pending", "Running" | "Succeeded" | "Failed") | ("Running", "Succeeded" | "Failed")
        )
}

/// What must hold for any simulation: the same input gives the same output, phases move only
/// along legal transitions, restart counts never decrease, and snapshots are in time order.
fn check_simulation(
    pod: &pod_model::Pod,
    scenario: &pod_model::cluster::Scenario,
) -> Result<(), TestCaseError> {
    let simulation = pod_model::cluster::simulate(pod, scenario);
    prop_assert_eq!(&pod_model::cluster::simulate(pod, scenario), &simulation);
    let mut restarts: std::collections::BTreeMap<String, i32> = std::collections::BTreeMap::new();
    let mut phase = "Pending".to_owned();
    let mut last_at = None;
    for snapshot in &simulation.snapshots {
        prop_assert!(
            last_at.is_none_or(|at| at < snapshot.at),
            "snapshots out of order"
        );
        last_at = Some(snapshot.at);
        let status = snapshot
            .pod
            .status
            .as_deref()
            .expect("snapshots carry a status");
        let next = status.phase.clone().unwrap_or_default();
        prop_assert!(
            legal_transition(&phase, &next),
            "illegal phase transition {} → {} at {}",
            phase,
            next,
            snapshot.at
        );
        phase = next;
        for container in status
            .init_container_statuses
            .iter()
            .chain(&status.container_statuses)
        {
            let before = restarts
                .insert(container.name.clone(), container.restart_count)
                .unwrap_or(0);
            prop_assert!(container.restart_count >= before, "restart count decreased");
        }
        // Replaying the Events reproduces the containers' starts: a container that has run has
        // one `Started` event per run, and one that never ran has none. (A lost node's kubelet
        // cannot deliver its Events, so a scenario with one is exempt.)
        let node_lost = scenario.actions.iter().any(|action| {
            matches!(
                action.what,
                pod_model::cluster::scenario::What::LoseNode { .. }
            )
        });
        if node_lost {
            continue;
        }
        let now = simulation.wall(snapshot.at);
        let events = simulation.events.at(now);
        // The scheduler's Event matches the PodScheduled condition of a Pod it placed.
        let scheduled_event = events.iter().any(|e| e.reason == "Scheduled");
        let scheduled = status
            .conditions
            .iter()
            .any(|c| c.kind == "PodScheduled" && c.status == "True");
        prop_assert!(
            !scheduled_event || scheduled,
            "a Scheduled event without PodScheduled at {}",
            snapshot.at
        );
        // Each restart after the first waits out a BackOff, which the kubelet reports.
        let back_offs: u32 = events
            .iter()
            .filter(|e| e.reason == "BackOff" && e.message.starts_with("Back-off restarting"))
            .map(|e| e.count)
            .sum();
        let restarts_total: u32 = status
            .init_container_statuses
            .iter()
            .chain(&status.container_statuses)
            .map(|c| u32::try_from(c.restart_count).unwrap_or(0))
            .sum();
        let containers =
            u32::try_from(status.init_container_statuses.len() + status.container_statuses.len())
                .unwrap_or(u32::MAX);
        prop_assert!(
            restarts_total <= back_offs + containers,
            "{} restarts but only {} back-offs at {}",
            restarts_total,
            back_offs,
            snapshot.at
        );
        prop_assert!(
            back_offs <= restarts_total + containers,
            "{} back-offs for {} restarts at {}",
            back_offs,
            restarts_total,
            snapshot.at
        );
        let init_names: Vec<&str> = status
            .init_container_statuses
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        for container in status
            .init_container_statuses
            .iter()
            .chain(&status.container_statuses)
        {
            let section = if init_names.contains(&container.name.as_str())
                && status
                    .init_container_statuses
                    .iter()
                    .any(|c| std::ptr::eq(c, container))
            {
                "initContainers"
            } else {
                "containers"
            };
            let field = format!("spec.{section}{{{}}}", container.name);
            let started: u32 = events
                .iter()
                .filter(|e| {
                    e.reason == "Started" && e.field_path.as_deref() == Some(field.as_str())
                })
                .map(|e| e.count)
                .sum();
            let ran = container.container_id.is_some();
            let expected = if ran {
                u32::try_from(container.restart_count).unwrap_or(0) + 1
            } else {
                0
            };
            // A run may start at the instant the status was last written (a Pod force-deleted
            // then) or still be in its postStart hook: its Started Event comes first.
            prop_assert!(
                started == expected || started == expected + 1,
                "{} Started events for {} at {} (restartCount {}, ran {})",
                started,
                field,
                snapshot.at,
                container.restart_count,
                ran
            );
        }
    }
    Ok(())
}

/// Timed actions of every kind, aimed at the Pod's containers by index.
pub(crate) fn actions() -> impl Strategy<Value = Vec<(u64, u8, usize)>> {
    prop::collection::vec((0u64..400, 0u8..13, 0usize..4), 0..8)
}

/// The scenario actions for `pod` from generated (second, kind, container index) triples.
pub(crate) fn scenario_actions(
    pod: &pod_model::Pod,
    generated: &[(u64, u8, usize)],
) -> Vec<pod_model::cluster::scenario::Action> {
    use pod_model::cluster::scenario::{Action, ProbeKind, What};
    let names: Vec<String> = pod
        .spec
        .init_containers
        .iter()
        .chain(&pod.spec.containers)
        .map(|container| container.name.clone())
        .collect();
    generated
        .iter()
        .map(|&(second, kind, index)| {
            let container = names
                .get(index % names.len().max(1))
                .cloned()
                .unwrap_or_default();
            let probe = [
                ProbeKind::Liveness,
                ProbeKind::Readiness,
                ProbeKind::Startup,
            ][index % 3];
            let what = match kind {
                0 => What::DeletePod {
                    grace_period_seconds: Some(i64::try_from(index).unwrap_or(0) * 7),
                },
                1 if index % 2 == 0 => What::KillContainer { container },
                1 => What::CrashContainer { container },
                2 => What::FailProbe { container, probe },
                3 => What::PassProbe { container, probe },
                4 => What::ExceedMemory { container },
                5 => What::FailImagePull { container },
                6 => What::FixImagePull { container },
                7 => What::LoseNode { node: None },
                8 => What::RestoreNode { node: None },
                9 => What::CreateService {
                    name: "svc".to_owned(),
                },
                10 => What::DeleteService {
                    name: "svc".to_owned(),
                },
                11 => What::DeletePod {
                    grace_period_seconds: None,
                },
                _ => What::KillContainer {
                    container: "no-such-container".to_owned(),
                },
            };
            Action {
                at: pod_model::base::time::VirtualTime::from_secs(second),
                pod: None,
                what,
            }
        })
        .collect()
}

/// Characters and words that stress the shell parser and interpreter.
fn shell_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "while true; do ",
        "done",
        "; ",
        "&&",
        "||",
        "|",
        "echo x",
        "sleep 1",
        "$(",
        ")",
        "`",
        "\"",
        "'",
        "$((1+",
        "))",
        "[ -f /tmp/a ]",
        "if ",
        "then ",
        "fi",
        "for i in 1 2; do ",
        "> /tmp/a",
        ">> /tmp/b",
        "cat /tmp/a",
        "tail -f /tmp/a",
        "$VAR",
        "${X}",
        "\n",
        "{ ",
        " }",
        "exit 3",
        "nslookup svc",
        "wc -l",
        "*",
        "#",
        "\\",
        "2>&1",
        "(",
        "until false; do ",
        "i=$((i+1))",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|pieces| pieces.concat())
}

/// Pieces of kubectl command lines and JSONPath templates, quoting and brackets of every kind.
fn console_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "kubectl get pods ",
        "kubectl get events ",
        "kubectl logs -f web ",
        "-o ",
        "jsonpath=",
        "custom-columns=",
        "NAME:",
        "--sort-by=",
        "{",
        "}",
        "[",
        "]",
        "[*]",
        "[-1]",
        "[1:",
        ":2]",
        "[?(@.",
        "==",
        "\"x\"",
        ")]",
        ".items",
        ".metadata.name",
        "..name",
        "range ",
        "end",
        "\\.",
        "'",
        "\"",
        "\\",
        " ",
        ",",
        ".",
        "@",
        "$",
        "é",
        "\u{a0}",
        "{\"\\n\"}",
        "99999999999999999999",
    ]);
    prop::collection::vec(pieces, 0..30).prop_map(|pieces| pieces.concat())
}

proptest! {
    // 512 cases a run; more with PROPTEST_CASES (a longer search: PROPTEST_CASES=20000).
    #![proptest_config(ProptestConfig {
        cases: ProptestConfig::default().cases.max(512),
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_text_never_panics(text in yamlish_text()) {
        check_invariants(&text)?;
    }

    #[test]
    fn arbitrary_console_lines_and_templates_never_panic(line in console_text()) {
        let _ = pod_model::kubectl::console::parse(&line);
        let parsed = pod_model::parse(pod_model::playground::gallery::SIDECAR_LOGGING.manifest);
        let pod = parsed.accepted_pod().expect("the example is valid");
        let list = pod_model::kubectl::yaml::pods_value(&[pod], true);
        let template = line.trim_start_matches("kubectl get pods -o jsonpath=");
        let _ = pod_model::kubectl::jsonpath::render(template, &list);
        let _ = pod_model::kubectl::jsonpath::custom_columns(template, std::slice::from_ref(&list));
    }

    #[test]
    fn generated_pods_keep_the_invariants(text in pod_manifest()) {
        check_invariants(&text)?;
    }

    #[test]
    fn any_timed_actions_keep_the_simulations_invariants(
        text in pod_manifest(),
        generated in actions(),
    ) {
        let parsed = pod_model::parse(&text);
        if let Some(pod) = parsed.accepted_pod() {
            let scenario = pod_model::cluster::Scenario {
                horizon: pod_model::base::time::VirtualTime::from_secs(420),
                actions: scenario_actions(pod, &generated),
                ..pod_model::cluster::Scenario::default()
            };
            check_simulation(pod, &scenario)?;
        }
        for example in pod_model::playground::gallery::ALL.iter().take(3) {
            let parsed = pod_model::parse(example.manifest);
            let pod = parsed.accepted_pod().expect("the gallery is valid");
            let scenario = pod_model::cluster::Scenario {
                horizon: pod_model::base::time::VirtualTime::from_secs(420),
                actions: scenario_actions(pod, &generated),
                ..pod_model::cluster::Scenario::default()
            };
            check_simulation(pod, &scenario)?;
        }
    }

    #[test]
    fn arbitrary_scripts_run_within_their_bounds(script in shell_text()) {
        use pod_model::runtime::shell::{Limits, MemoryHost, run_script};
        use pod_model::base::time::VirtualTime;
        let mut host = MemoryHost::new("p");
        let limits = Limits { max_steps: 2_000, ..Limits::until(VirtualTime::from_secs(60)) };
        let run = run_script(&script, &std::collections::BTreeMap::new(), &mut host, limits);
        prop_assert!(run.ended_at <= VirtualTime::from_secs(60));
        prop_assert!(host.output.len() <= limits.max_output_lines);
    }

    #[test]
    fn canonical_quantities_parse_back_to_themselves(
        whole in 0u64..1_000_000,
        fraction in 0u32..1000,
        suffix in prop::sample::select(vec!["", "m", "k", "M", "G", "Ki", "Mi", "Gi", "e3", "e-2", "n", "u"]),
        negative in any::<bool>(),
    ) {
        let sign = if negative { "-" } else { "" };
        let text = format!("{sign}{whole}.{fraction:03}{suffix}");
        let quantity = Quantity::parse(&text).map_err(|e| TestCaseError::fail(e.message()))?;
        let canonical = quantity.to_string();
        let again = Quantity::parse(&canonical).map_err(|e| TestCaseError::fail(e.message()))?;
        prop_assert_eq!(again, quantity);
        prop_assert_eq!(again.to_string(), canonical);
    }
}
