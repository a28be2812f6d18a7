//! What the playground decides about a manifest and its scenario, the same for the page and the
//! command line: the text's problems (a static Pod is no naked Pod), which Pods the cluster runs
//! and which one is drawn, when the views keep the Pods of the text before an edit in progress
//! (stale), the lifecycle the stepper walks, and the scenario's actions within their cap.

use crate::api::manifest::Parsed;
use crate::api::v1::Pod;
use crate::cluster::scenario::{Action, MAX_ACTIONS, Scenario};
use crate::cluster::{Simulation, simulate_pods};
use crate::playground::edit::is_small_edit;
use crate::playground::stepper::{self, StepView};
use crate::timeline::{self, Timeline};
use crate::topology::{self, Observed, Topology};

/// The most bytes an edit in progress may change for the views to keep showing the Pods of the
/// text before it (a line or two of typing).
pub const STALE_EDIT_BYTES: usize = 160;

/// Where a manifest goes: to the API server (`kubectl apply`), or into the kubelet's static Pod
/// directory on the node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// `kubectl apply`.
    ApiServer,
    /// A file in `/etc/kubernetes/manifests`: a static Pod.
    StaticPodFile,
}

impl Delivery {
    /// Where the scenario's manifest goes.
    pub fn of(scenario: &Scenario) -> Delivery {
        if scenario.static_pod {
            Delivery::StaticPodFile
        } else {
            Delivery::ApiServer
        }
    }
}

/// Parses and checks `text` as the playground shows it: every problem, as `pod_model::parse`
/// finds them, less the warnings that do not hold where it goes (a static Pod is no naked Pod:
/// the kubelet runs it as long as its file is on the node).
pub fn check(text: &str, delivery: Delivery) -> Parsed {
    let mut parsed = crate::lint::parse(text);
    if delivery == Delivery::StaticPodFile {
        crate::lint::drop_for_static_pod(&mut parsed.diagnostics);
    }
    parsed
}

/// The API server's checks of the Pods of `text`, without the best-practice warnings and
/// without the workloads' own checks: what the page checks on its own thread at every edit
/// (each workload's Pod template is read, to be drawn). The model thread adds the rest
/// ([`lints`], joined by [`crate::lint::merge`]).
pub fn check_errors(text: &str) -> Parsed {
    crate::api::manifest::read_pods(text)
}

/// What [`check`] finds in `text` where it goes that [`check_errors`] does not: the
/// best-practice warnings, and the workloads' problems.
pub fn lints(text: &str, delivery: Delivery) -> Vec<crate::api::diagnostic::Diagnostic> {
    let mut found_by_page = check_errors(text).diagnostics;
    check(text, delivery)
        .diagnostics
        .into_iter()
        .filter(
            |diagnostic| match found_by_page.iter().position(|found| found == diagnostic) {
                Some(index) => {
                    found_by_page.swap_remove(index);
                    false
                }
                None => true,
            },
        )
        .collect()
}

/// Parses and checks raw bytes (the text must be UTF-8), as [`check`] does.
pub fn check_bytes(bytes: &[u8], delivery: Delivery) -> Parsed {
    let mut parsed = crate::lint::parse_bytes(bytes);
    if delivery == Delivery::StaticPodFile {
        crate::lint::drop_for_static_pod(&mut parsed.diagnostics);
    }
    parsed
}

/// Something the views show, with the text it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kept<T> {
    /// What is shown.
    pub value: T,
    /// The text it comes from.
    pub from: String,
}

impl<T: Clone> Kept<T> {
    /// `current` from `text` when there is one; otherwise, while `text` is a small edit of the
    /// text `previous` comes from (an edit in progress that breaks the text), `previous`; and
    /// nothing for a new text (an example, a paste), which has only its own views.
    pub fn follow(current: Option<T>, text: &str, previous: Option<&Kept<T>>) -> Option<Kept<T>> {
        match current {
            Some(value) => Some(Kept {
                value,
                from: text.to_owned(),
            }),
            None => previous
                .filter(|previous| is_small_edit(&previous.from, text, STALE_EDIT_BYTES))
                .cloned(),
        }
    }
}

/// The Pods the cluster runs for `text`: those the API server would accept, or while an edit in
/// progress breaks the text, those of the text before it.
pub fn running(
    parsed: &Parsed,
    text: &str,
    previous: Option<&Kept<Vec<Pod>>>,
) -> Option<Kept<Vec<Pod>>> {
    let accepted: Vec<Pod> = parsed.accepted_pods().into_iter().cloned().collect();
    Kept::follow((!accepted.is_empty()).then_some(accepted), text, previous)
}

/// The Pod drawn for `text`: its first accepted Pod, else its first Pod even if refused (any
/// Pod can be drawn), else the Pod template of its first workload, or while an edit in progress leaves none, the one of the text before it.
pub fn drawn(parsed: &Parsed, text: &str, previous: Option<&Kept<Pod>>) -> Option<Kept<Pod>> {
    let current = parsed
        .accepted_pod()
        .or(parsed.pod.as_ref())
        .cloned()
        .or_else(|| parsed.template_pods.first().cloned());
    Kept::follow(current, text, previous)
}

/// True when the lifecycle shown is that of an earlier text: the text as it is would be refused.
pub fn lifecycle_is_stale(parsed: &Parsed, running: Option<&Kept<Vec<Pod>>>) -> bool {
    parsed.accepted_pods().is_empty() && running.is_some()
}

/// True when the drawing shown is that of an earlier text: the text as it is holds no Pod and
/// no workload.
pub fn drawing_is_stale(parsed: &Parsed, drawn: Option<&Kept<Pod>>) -> bool {
    parsed.pod.is_none() && parsed.template_pods.is_empty() && drawn.is_some()
}

/// The lifecycle of the drawn Pod on the scenario's cluster, beside the others it runs with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lifecycle {
    /// Every object of the first Pod's name: the first, and each one `kubectl apply` creates
    /// after a deletion.
    pub simulations: Vec<Simulation>,
    /// The steps the stepper walks.
    pub timeline: Timeline,
    /// What the stepper shows of each step.
    pub views: Vec<StepView>,
}

/// Runs `pods` on the scenario's cluster: the lifecycle of the first.
pub fn lifecycle(pods: &[Pod], scenario: &Scenario) -> Option<Lifecycle> {
    let first = pods.first()?;
    let simulations = simulate_pods(pods, scenario)
        .into_iter()
        .next()
        .map(|(_, simulations)| simulations)
        .unwrap_or_default();
    let timeline = timeline::from_simulations(first, &simulations);
    let views = stepper::views(first, &timeline);
    Some(Lifecycle {
        simulations,
        timeline,
        views,
    })
}

/// The inside of the drawn Pod; when it is the Pod the lifecycle runs (the first of `running`),
/// with what its first object's run showed (its IP, its containers' writes).
pub fn topology_of(drawn: &Pod, running: Option<&[Pod]>, observed: Option<&Observed>) -> Topology {
    let simulated = running.and_then(<[Pod]>::first) == Some(drawn);
    topology::analyze(drawn, observed.filter(|_| simulated))
}

/// Adds `action` to the scenario, unless it holds as many as a scenario may; true when added.
pub fn add_action(scenario: &mut Scenario, action: Action) -> bool {
    if scenario.actions.len() >= MAX_ACTIONS {
        return false;
    }
    scenario.actions.push(action);
    true
}

/// Removes the scenario's action at `index`, if there is one.
pub fn remove_action(scenario: &mut Scenario, index: usize) {
    if index < scenario.actions.len() {
        scenario.actions.remove(index);
    }
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::base::time::VirtualTime;
    use crate::cluster::scenario::What;

    const POD: &str = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: app, image: 'nginx:1.27'}]\n";

    /// Follows a sequence of texts as the page does, and renders after each: the Pods the
    /// cluster runs and the one drawn (with the text's first 12 bytes they come from), and
    /// whether each view is stale.
    fn check(texts: &[&str], expected: Expect) {
        let scenario = Scenario::default();
        let (mut running_now, mut drawn_now) = (None, None);
        let mut out = String::new();
        for text in texts {
            let parsed = super::check(text, Delivery::of(&scenario));
            running_now = running(&parsed, text, running_now.as_ref());
            drawn_now = drawn(&parsed, text, drawn_now.as_ref());
            let names = |pods: &[Pod]| {
                pods.iter()
                    .map(|pod| pod.name().to_owned())
                    .collect::<Vec<_>>()
                    .join(",")
            };
            out.push_str(&format!(
                "running [{}] drawn {} stale {} {}\n",
                running_now
                    .as_ref()
                    .map(|k| names(&k.value))
                    .unwrap_or_default(),
                drawn_now.as_ref().map_or("-", |k| k.value.name()),
                lifecycle_is_stale(&parsed, running_now.as_ref()),
                drawing_is_stale(&parsed, drawn_now.as_ref()),
            ));
        }
        expected.assert_eq(&out);
    }

    #[test]
    fn the_views_keep_the_last_pods_only_during_an_edit_in_progress() {
        let broken = POD.replace("image: 'nginx:1.27'", "image: ''");
        let unreadable = POD.replace("spec:", "spec: [");
        let service = format!(
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels: {{{}}}\n",
            "tier: front, ".repeat(20)
        );
        check(
            &[POD, &broken, &unreadable, POD, &service],
            expect![[r#"
                running [web] drawn web stale false false
                running [web] drawn web stale true false
                running [web] drawn web stale true true
                running [web] drawn web stale false false
                running [] drawn - stale false false
            "#]],
        );
    }

    #[test]
    fn a_static_pod_is_no_naked_pod_and_actions_stop_at_their_cap() {
        let warnings = |scenario: &Scenario| {
            super::check(POD, Delivery::of(scenario))
                .diagnostics
                .iter()
                .filter(
                    |d| matches!(&d.kind, crate::DiagnosticKind::Lint(l) if l.id == "naked-pod"),
                )
                .count()
        };
        let mut scenario = Scenario::default();
        assert_eq!(warnings(&scenario), 1);
        scenario.static_pod = true;
        assert_eq!(warnings(&scenario), 0);
        let kill = || Action::new(VirtualTime::from_secs(1), What::ApplyPod);
        scenario.actions = vec![kill(); MAX_ACTIONS - 1];
        assert!(add_action(&mut scenario, kill()));
        assert!(!add_action(&mut scenario, kill()));
        remove_action(&mut scenario, MAX_ACTIONS + 5);
        remove_action(&mut scenario, 0);
        assert_eq!(scenario.actions.len(), MAX_ACTIONS - 1);
    }

    #[test]
    fn the_lifecycle_follows_the_first_pod_beside_the_others() {
        let two = format!("{POD}---\n{}", POD.replace("name: web", "name: db"));
        let parsed = super::check(&two, Delivery::ApiServer);
        let pods: Vec<Pod> = parsed.accepted_pods().into_iter().cloned().collect();
        let lifecycle = lifecycle(&pods, &Scenario::default()).expect("two Pods run");
        let last = lifecycle.views.last().expect("a timeline has steps");
        assert_eq!(
            (last.status.as_str(), last.ready.as_str()),
            ("Running", "1/1")
        );
        let drawn = pods.first().expect("web is first");
        let observed = lifecycle.simulations.first().map(Simulation::observed);
        let topology = topology_of(drawn, Some(&pods), observed.as_ref());
        assert_eq!(topology.pod_ip.as_deref(), Some("10.244.0.5"));
    }
}
