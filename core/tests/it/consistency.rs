//! One source of truth: at every step of a lifecycle, the stepper's STATUS and READY, the
//! narration, the diagram's container looks and `kubectl get pods` in the console all tell the
//! same story, because each is derived from the same Pod objects and Events. Checked for every
//! step of every example and lesson of the gallery, and of thousands of generated scenarios.

use pod_model::ContainerKind;
use pod_model::base::time::VirtualTime;
use pod_model::cluster::Scenario;
use pod_model::diagram::flow::FlowStage;
use pod_model::diagram::look::Visual;
use pod_model::playground::gallery;
use pod_model::playground::lifecycle_view::LifecycleView;
use pod_model::playground::model::{Answer, Request, answer};
use pod_model::playground::state::{self, Delivery};
use pod_model::playground::stepper::REMOVED_STATUS;
use proptest::prelude::*;

use crate::properties::{actions, scenario_actions};

/// The lifecycle the page shows for `scenario`, as the model thread answers it.
fn lifecycle(scenario: &Scenario) -> Option<LifecycleView> {
    match answer(&Request::Lifecycle {
        id: 1,
        scenario: scenario.clone(),
        before: None,
        follow: None,
    }) {
        Answer::Lifecycle { view, .. } => view,
        other => panic!("a lifecycle request got {other:?}"),
    }
}

/// What the console prints for `line` at `at`.
fn console(scenario: &Scenario, line: &str, at: VirtualTime) -> String {
    match answer(&Request::Console {
        id: 2,
        line: line.to_owned(),
        scenario: scenario.clone(),
        at,
        shell: None,
    }) {
        Answer::Console { reply, .. } => reply.text,
        other => panic!("a console request got {other:?}"),
    }
}

/// The READY and STATUS columns of the row of `kubectl get pods` for `name` (a static Pod's
/// mirror has the node's name after it).
fn row<'a>(table: &'a str, name: &str) -> Option<(&'a str, &'a str)> {
    table.lines().skip(1).find_map(|line| {
        let mut columns = line.split_whitespace();
        let found = columns.next()?;
        let mirror = found
            .strip_prefix(name)
            .is_some_and(|rest| rest.starts_with('-'));
        (found == name || mirror)
            .then(|| (columns.next().unwrap_or(""), columns.next().unwrap_or("")))
    })
}

/// The last thing the narration says of container `name`: that it starts or that it exits.
fn last_told(narration: &str, name: &str) -> Option<&'static str> {
    let starts = narration.rfind(&format!("container '{name}' starts"));
    let exits = narration
        .rfind(&format!("container '{name}' exits"))
        .max(narration.rfind(&format!("ends container '{name}'")));
    match (starts, exits) {
        (Some(s), Some(e)) => Some(if s > e { "starts" } else { "exits" }),
        (Some(_), None) => Some("starts"),
        (None, Some(_)) => Some("exits"),
        (None, None) => None,
    }
}

/// Every disagreement between the views of `scenario`'s lifecycle, one line each.
fn disagreements(scenario: &Scenario) -> Vec<String> {
    let parsed = state::check(&scenario.manifest, Delivery::of(scenario));
    let Some(pod) = parsed.accepted_pods().first().copied().cloned() else {
        return Vec::new();
    };
    let Some(view) = lifecycle(scenario) else {
        return Vec::new();
    };
    let names: Vec<String> = pod.all_containers().map(|(_, c)| c.name.clone()).collect();
    let kinds: Vec<ContainerKind> = pod.all_containers().map(|(kind, _)| kind).collect();
    let mut problems = Vec::new();
    let mut told_a_kill = false;
    for (step, shown) in view.steps.iter().zip(&view.views) {
        let at = step.at;
        let mut problem = |what: String| problems.push(format!("at {at}: {what}"));
        // The console's `kubectl get pods` and the stepper's columns.
        let table = console(scenario, "kubectl get pods", at);
        match (row(&table, pod.name()), shown.status.as_str()) {
            (None, REMOVED_STATUS) => {}
            (Some(found), REMOVED_STATUS) => {
                problem(format!(
                    "the stepper says the Pod is gone, kubectl shows {found:?}"
                ));
            }
            (None, status) => problem(format!(
                "the stepper shows {status}, kubectl finds no Pod:\n{table}"
            )),
            (Some((ready, status)), _) => {
                if (ready, status) != (shown.ready.as_str(), shown.status.as_str()) {
                    problem(format!(
                        "the stepper shows {} {}, kubectl {ready} {status}",
                        shown.ready, shown.status
                    ));
                }
            }
        }
        // The diagram's title and boxes.
        if shown.look.status.as_deref() != Some(shown.status.as_str()) {
            problem(format!(
                "the diagram's title says {:?}, the stepper {}",
                shown.look.status, shown.status
            ));
        }
        let looks = &shown.look.containers;
        if shown.status == "Unknown" && looks.contains(&Visual::Terminating) {
            problem("the status says Unknown, the diagram Terminating".to_owned());
        }
        // The control-plane flow is at the node's loss exactly when kubectl says Unknown.
        if (shown.status == "Unknown") != (shown.flow == FlowStage::NodeLost) {
            problem(format!(
                "the status says {}, the flow {:?}",
                shown.status, shown.flow
            ));
        }
        if shown.status == "Terminating" && looks.contains(&Visual::Unknown) {
            problem("the status says Terminating, the diagram Unknown".to_owned());
        }
        if let Some((ready, _)) = shown.ready.split_once('/')
            && let Ok(ready) = ready.parse::<usize>()
        {
            // kubectl stops counting native sidecars at the first init container that has not
            // finished, so only the app containers drawn ready must be counted.
            let app_ready = kinds
                .iter()
                .zip(looks)
                .filter(|(kind, v)| {
                    **kind == ContainerKind::App && **v == Visual::Running { ready: true }
                })
                .count();
            let maybe_ready = looks
                .iter()
                .filter(|v| {
                    matches!(
                        v,
                        Visual::Running { ready: true } | Visual::Terminating | Visual::Unknown
                    )
                })
                .count();
            if !(app_ready..=maybe_ready).contains(&ready) {
                problem(format!(
                    "READY says {}, the diagram draws {app_ready} app containers ready of {maybe_ready} that may be",
                    shown.ready
                ));
            }
        }
        // The narration and the boxes.
        for (name, look) in names.iter().zip(looks) {
            let running = matches!(
                look,
                Visual::Running { .. }
                    | Visual::RunningInit
                    | Visual::Terminating
                    | Visual::Unknown
            );
            match last_told(&step.narration, name) {
                Some("starts") if !running => {
                    problem(format!(
                        "the narration says '{name}' starts, the diagram draws {look:?}: {}",
                        step.narration
                    ));
                }
                Some("exits") if running => {
                    problem(format!(
                        "the narration says '{name}' exits, the diagram draws {look:?}: {}",
                        step.narration
                    ));
                }
                _ => {}
            }
            // Ready until the failures reach the threshold, which the sentence then says.
            let fails = format!("the readiness probe of '{name}' fails");
            if step.narration.contains(&fails)
                && !step
                    .narration
                    .contains(&format!("{fails}, but it stays ready"))
                && *look == (Visual::Running { ready: true })
            {
                problem(format!(
                    "the narration says the readiness probe of '{name}' fails, the diagram draws it ready"
                ));
            }
        }
        // Exit code 137 is a SIGKILL: the OOM killer's, or the kubelet's after a stop or a kill
        // it told of (a liveness failure, a deletion), or `kill -9`; never a plain crash. A
        // kubelet cut off from the API server (a lost node) kills without its Events arriving.
        told_a_kill |=
            step.narration.contains("kills") || step.narration.contains("stops container");
        if step.narration.contains("exits with code 137")
            && !step.narration.contains("OOM")
            && !told_a_kill
            && !scenario.actions.iter().any(|action| {
                action.at <= at
                    && matches!(
                        action.what.name(),
                        "killContainer" | "deletePod" | "loseNode"
                    )
            })
        {
            problem(format!("exit code 137 without a kill: {}", step.narration));
        }
    }
    problems
}

/// A scenario of `manifest` with the scenario YAML `actions` ("" for none).
fn scenario_of(manifest: &str, yaml: &str) -> Scenario {
    let base = if yaml.is_empty() {
        Scenario::default()
    } else {
        Scenario::from_yaml(yaml).expect("the gallery's scenarios read")
    };
    Scenario {
        manifest: manifest.to_owned(),
        ..base
    }
}

#[test]
fn every_step_of_every_example_and_lesson_tells_one_story() {
    let mut problems = Vec::new();
    let mut steps = 0;
    for entry in gallery::entries() {
        let scenario = scenario_of(&entry.manifest, &entry.scenario);
        steps += lifecycle(&scenario).map_or(0, |view| view.steps.len());
        problems.extend(
            disagreements(&scenario)
                .into_iter()
                .map(|p| format!("{}: {p}", entry.id)),
        );
    }
    assert!(steps > 200, "the gallery's lifecycles have {steps} steps");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_crash_at_the_instant_a_container_starts_is_told_after_its_start() {
    let manifest = gallery::entries()
        .into_iter()
        .find(|entry| entry.id == "naked-pod")
        .expect("the naked-pod lesson")
        .manifest;
    let scenario = scenario_of(
        &manifest,
        "actions: [{at: 2s, do: crashContainer, container: web}]",
    );
    let view = lifecycle(&scenario).expect("a lifecycle");
    let crashed = view
        .steps
        .iter()
        .position(|step| step.at == VirtualTime::from_secs(2))
        .expect("a step at 2s");
    assert_eq!(view.views[crashed].status, "Error");
    assert!(
        view.steps[crashed]
            .narration
            .ends_with("container 'web' starts; container 'web' exits with code 1 (Error)."),
        "{}",
        view.steps[crashed].narration
    );
    assert_eq!(disagreements(&scenario), Vec::<String>::new());
}

/// A Pod the API server accepts, with what makes lifecycles eventful: init containers and
/// native sidecars, programs that finish, crash or run on, probes, tight memory limits, a
/// restart policy of each kind.
fn eventful_pod() -> impl Strategy<Value = String> {
    let container = (
        prop::sample::select(vec![
            "image: 'nginx:1.27'",
            "image: 'busybox:1.36'",
            "{image: 'busybox:1.36', command: [sh, -c, 'sleep 3; exit 2']}",
            "{image: 'busybox:1.36', command: [sh, -c, 'echo done']}",
            "{image: 'busybox:1.36', command: [sh, -c, 'while true; do echo hi; sleep 1; done']}",
            "image: 'redis:7'",
        ]),
        prop::sample::select(vec![
            "",
            ", readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}",
            ", livenessProbe: {exec: {command: [cat, /tmp/healthy]}, periodSeconds: 5}",
            ", resources: {limits: {memory: 1Ki}}",
            ", resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 128Mi}}",
        ]),
    );
    (
        prop::collection::vec(container.clone(), 1..3),
        prop::collection::vec((container, any::<bool>()), 0..3),
        prop::sample::select(vec!["Always", "OnFailure", "Never"]),
    )
        .prop_map(|(apps, inits, restart)| {
            let item = |index: usize, prefix: &str, (image, extra): (&str, &str), sidecar: bool| {
                let image = image.trim_start_matches('{').trim_end_matches('}');
                // Only native sidecars and app containers may have probes.
                let extra = if prefix == "init" && !sidecar && extra.contains("Probe") { "" } else { extra };
                let sidecar = if sidecar { ", restartPolicy: Always" } else { "" };
                format!("  - {{name: {prefix}{index}, {image}{extra}{sidecar}}}\n")
            };
            let mut text = format!(
                "apiVersion: v1\nkind: Pod\nmetadata: {{name: web}}\nspec:\n  restartPolicy: {restart}\n"
            );
            if !inits.is_empty() {
                text.push_str("  initContainers:\n");
                for (index, (container, sidecar)) in inits.into_iter().enumerate() {
                    text.push_str(&item(index, "init", container, sidecar));
                }
            }
            text.push_str("  containers:\n");
            for (index, container) in apps.into_iter().enumerate() {
                text.push_str(&item(index, "app", container, false));
            }
            text
        })
}

proptest! {
    // 2,000 generated scenarios a run; more with PROPTEST_CASES.
    #![proptest_config(ProptestConfig {
        cases: ProptestConfig::default().cases.max(2000),
        ..ProptestConfig::default()
    })]

    #[test]
    fn generated_scenarios_tell_one_story(text in eventful_pod(), generated in actions()) {
        let parsed = pod_model::parse(&text);
        let pod = parsed.accepted_pod();
        prop_assert!(pod.is_some(), "{}\n{:?}", text, parsed.diagnostics);
        if let Some(pod) = pod {
            let scenario = Scenario {
                manifest: text.clone(),
                horizon: VirtualTime::from_secs(420),
                actions: scenario_actions(pod, &generated),
                ..Scenario::default()
            };
            let problems = disagreements(&scenario);
            prop_assert!(problems.is_empty(), "{}\n{}", text, problems.join("\n"));
        }
    }
}
