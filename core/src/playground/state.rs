//! What the playground decides about a manifest and its scenario, the same for the page and the
//! command line: the text's problems (a static Pod is no naked Pod), which Pods the cluster runs
//! and which one is drawn, when the views keep the Pods of the text before an edit in progress
//! (stale), the lifecycle the stepper walks, and the scenario's actions within their cap.

use crate::api::manifest::Parsed;
use crate::api::v1::Pod;
use crate::api::workloads::Workload;
use crate::base::sorting::sort_by_key;
use crate::base::time::VirtualTime;
use crate::cluster::events::{EventLog, EventType};
use crate::cluster::scenario::{Action, MAX_ACTIONS, Scenario};
use crate::cluster::stored_workload::StoredWorkload;
use crate::cluster::{Simulation, simulate_manifest};
use crate::playground::edit::is_small_edit;
use crate::playground::stepper::{self, StepView};
use crate::timeline::{self, Happening, Timeline};
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

/// What the page reads of `text` on its own thread at every edit: the documents, their Pods and
/// each workload's Pod template, decoded and defaulted to be drawn, with the problems of reading
/// and decoding. Validation and the best-practice warnings are left to the model thread
/// ([`checks_after_reading`], joined by [`crate::lint::merge`]), so the first load carries none of
/// their code.
pub fn read_to_draw(text: &str) -> Parsed {
    crate::api::manifest::read_to_draw(text)
}

/// What [`check`] finds in `text` where it goes that [`read_to_draw`] does not: the API
/// server's validation of Pods and workloads, and the best-practice warnings.
pub fn checks_after_reading(
    text: &str,
    delivery: Delivery,
) -> Vec<crate::api::diagnostic::Diagnostic> {
    let mut found_by_page = read_to_draw(text).diagnostics;
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

/// The problems the page lists for a text: what it read ([`read_to_draw`]) and what the model
/// thread found ([`checks_after_reading`]), in the text's order. The model thread's answer may be
/// that of an earlier text while it works on this one; a text that could not be read at all (a
/// YAML error, nothing in it) has nothing more to find, so its list holds its own error only.
pub fn diagnostics(
    read: &Parsed,
    checks: Vec<crate::api::diagnostic::Diagnostic>,
) -> Vec<crate::api::diagnostic::Diagnostic> {
    let mut diagnostics = read.diagnostics.clone();
    if !read.objects.is_empty() {
        crate::lint::merge(&mut diagnostics, checks);
    }
    diagnostics
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

/// The Pods and workloads the cluster runs for a scenario, and the text they come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Running {
    /// The Pods the API server accepts, in the text's order.
    pub pods: Vec<Pod>,
    /// The workloads the API server accepts (with their defaults), in the text's order.
    pub workloads: Vec<Workload>,
    /// The text they come from: the scenario's manifest, or the one before an edit in progress.
    pub manifest: String,
    /// True when they are the Pods of the text before an edit in progress (the text as it is
    /// would be refused).
    pub stale: bool,
    /// True when the first of them is the Pod the page draws for the scenario's manifest.
    pub drawn: bool,
}

/// The Pods the cluster runs for the scenario's manifest: those the API server would accept, or
/// while an edit in progress breaks the text, those of `before`, the text the last lifecycle
/// ran (a new text, such as an example or a paste, has only its own).
pub fn running(scenario: &Scenario, before: Option<&str>) -> Option<Running> {
    let delivery = Delivery::of(scenario);
    let accepted = |text: &str| -> (Vec<Pod>, Vec<Workload>) {
        let parsed = check(text, delivery);
        (
            parsed.accepted_pods().into_iter().cloned().collect(),
            parsed.accepted_workloads().into_iter().cloned().collect(),
        )
    };
    let text = scenario.manifest.as_str();
    let current = accepted(text);
    let ((pods, workloads), manifest, stale) = if !current.0.is_empty() || !current.1.is_empty() {
        (current, text, false)
    } else {
        let before = before.filter(|before| is_small_edit(before, text, STALE_EDIT_BYTES))?;
        (accepted(before), before, true)
    };
    let first_drawn = |text: &str| drawn(&read_to_draw(text), text, None).map(|kept| kept.value);
    let drawn_now = first_drawn(text).or_else(|| first_drawn(manifest));
    (!pods.is_empty() || !workloads.is_empty()).then(|| Running {
        drawn: pods
            .first()
            .is_some_and(|first| Some(first) == drawn_now.as_ref()),
        manifest: manifest.to_owned(),
        pods,
        workloads,
        stale,
    })
}

/// The Pod drawn for `text`: its first Pod (with the server's defaults, unless it could not be
/// decoded), else the Pod template of its first workload, or while an edit in progress leaves
/// none, the one of the text before it. `parsed` is [`read_to_draw`]'s.
pub fn drawn(parsed: &Parsed, text: &str, previous: Option<&Kept<Pod>>) -> Option<Kept<Pod>> {
    let current = parsed
        .accepted_pod()
        .or(parsed.pod.as_ref())
        .cloned()
        .or_else(|| parsed.template_pods.first().cloned());
    Kept::follow(current, text, previous)
}

/// The Pod a lifecycle answer followed (`model::Answer::Lifecycle::followed`, the object as
/// `kubectl get -o yaml` prints it), to be drawn: read as any pasted object is.
pub fn followed_pod(yaml: &str) -> Option<Pod> {
    let parsed = read_to_draw(yaml);
    parsed.accepted_pod().or(parsed.pod.as_ref()).cloned()
}

/// What the page's summary is about: the text's first Pod (`pod/web`), or without one, its
/// first workload (`deployment.apps/web`) with the Pod of its template, which its controller's
/// Pods are made from. `parsed` is [`read_to_draw`]'s.
pub fn summarised(parsed: &Parsed) -> Option<(String, &Pod, bool)> {
    if let Some(pod) = &parsed.pod {
        return Some((format!("pod/{}", pod.name()), pod, false));
    }
    let pod = parsed.template_pods.first()?;
    let object = parsed
        .objects
        .iter()
        .find(|object| crate::api::workloads::WorkloadKind::named(&object.kind).is_some())?;
    let kind = crate::api::workloads::WorkloadKind::named(&object.kind)?;
    Some((format!("{}/{}", kind.kind_group(), object.name), pod, true))
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
    /// True when it is the story of the Pod asked for by name ([`lifecycle_following`]).
    pub followed: bool,
}

/// Runs `pods` and `workloads` on the scenario's cluster: the lifecycle of the first Pod, or
/// without one, of the first Pod a controller creates.
pub fn lifecycle(pods: &[Pod], workloads: &[Workload], scenario: &Scenario) -> Option<Lifecycle> {
    lifecycle_following(pods, workloads, scenario, None)
}

/// Like [`lifecycle`], but the story is that of the Pod named `follow` (a Pod the user selected
/// in the cluster view) when the run has one of that name: every object of that name, from the
/// first. [`Lifecycle::followed`] says whether it was found.
pub fn lifecycle_following(
    pods: &[Pod],
    workloads: &[Workload],
    scenario: &Scenario,
    follow: Option<&str>,
) -> Option<Lifecycle> {
    let run = simulate_manifest(pods, workloads, scenario);
    let first_name = |simulation: &Simulation| {
        simulation
            .snapshots
            .first()
            .map(|snapshot| snapshot.pod.name().to_owned())
    };
    // The Pod followed: the one named `follow` when there is one, else the manifest's first,
    // else the first a controller made.
    let followed = follow.filter(|name| {
        pods.iter().any(|pod| pod.name() == *name)
            || run
                .controlled
                .iter()
                .any(|simulation| first_name(simulation).as_deref() == Some(*name))
    });
    let drawn_name = match (followed, pods.first()) {
        (Some(name), _) => name.to_owned(),
        (None, Some(first)) => first.name().to_owned(),
        (None, None) => first_name(run.controlled.first()?)?,
    };
    // kubectl's answer comes first among what happens at its instant.
    let mut happenings = applied_happenings(&run.applied);
    happenings.extend(controller_happenings(
        &run.workloads,
        &run.workload_events,
        scenario,
    ));
    happenings.extend(pod_warnings(&run.controlled, &drawn_name, scenario));
    sort_by_key(&mut happenings, |happening| happening.at);
    let in_manifest = pods.iter().position(|pod| pod.name() == drawn_name);
    let (first, simulations) = match in_manifest {
        Some(index) => (
            pods[index].clone(),
            run.pods
                .into_iter()
                .nth(index)
                .map(|(_, simulations)| simulations)
                .unwrap_or_default(),
        ),
        None => {
            // The first Pod of that name a controller made, and the later objects of its name
            // (a StatefulSet's Pod made again after a deletion).
            let same_name: Vec<Simulation> = run
                .controlled
                .into_iter()
                .filter(|simulation| first_name(simulation).as_deref() == Some(&drawn_name))
                .collect();
            let first = same_name.first()?.snapshots.first()?.pod.clone();
            (first, same_name)
        }
    };
    let first = &first;
    // A Pod a controller made later (a CronJob's) starts its story when it is created.
    let created = simulations.first().map_or(0, |simulation| {
        u64::try_from(simulation.start.millis_since(scenario.start)).unwrap_or(0)
    });
    let timeline = timeline::with_happenings(
        timeline::delayed(timeline::from_simulations(first, &simulations), created),
        &happenings,
    );
    let views = stepper::views(first, &timeline);
    Some(Lifecycle {
        simulations,
        timeline,
        views,
        followed: followed.is_some(),
    })
}

/// The controllers' Events about the workload objects, as steps of the story, in time order:
/// "job-controller on job/flaky: Created pod: flaky-t5tkq."
fn controller_happenings(
    workloads: &[StoredWorkload],
    events: &[EventLog],
    scenario: &Scenario,
) -> Vec<Happening> {
    let mut happenings: Vec<Happening> = workloads
        .iter()
        .zip(events)
        .flat_map(|(stored, log)| {
            let object = format!(
                "{}/{}",
                stored.object.kind().as_str().to_lowercase(),
                stored.object.name()
            );
            log.occurrences().iter().map(move |event| {
                let millis = event.first_seen.millis_since(scenario.start);
                let warning = match event.kind {
                    EventType::Warning => format!("Warning {}: ", event.reason),
                    EventType::Normal => String::new(),
                };
                let message = event.message.trim().trim_end_matches('.');
                Happening {
                    at: VirtualTime::from_millis(u64::try_from(millis).unwrap_or(0)),
                    narration: format!("{} on {object}: {warning}{message}.", event.source),
                }
            })
        })
        .collect();
    sort_by_key(&mut happenings, |happening| happening.at);
    happenings
}

/// kubectl's answers to the edited manifest's applies, as steps of the story:
/// "kubectl apply -f - (the edited manifest): deployment.apps/web configured."
fn applied_happenings(applied: &[(VirtualTime, String)]) -> Vec<Happening> {
    applied
        .iter()
        .map(|(at, said)| Happening {
            at: *at,
            narration: format!(
                "kubectl apply -f - (the edited manifest): {}.",
                said.replace('\n', ". ").trim_end_matches('.')
            ),
        })
        .collect()
}

/// The Warning Events about the other Pods controllers made (a readiness probe failing on a
/// rollout's new Pods, a node going away), as steps of the story, each told once.
fn pod_warnings(controlled: &[Simulation], drawn: &str, scenario: &Scenario) -> Vec<Happening> {
    let mut happenings = Vec::new();
    for simulation in controlled {
        let Some(name) = simulation.snapshots.first().map(|s| s.pod.name()) else {
            continue;
        };
        if name == drawn {
            continue;
        }
        // A repeated Event (a probe failing every period) is told once, when it began.
        let mut told: Vec<(&str, &str)> = Vec::new();
        for event in simulation.events.occurrences() {
            let key = (event.reason.as_str(), event.message.as_str());
            if event.kind != EventType::Warning || told.contains(&key) {
                continue;
            }
            told.push(key);
            let millis = event.first_seen.millis_since(scenario.start);
            let message = event.message.trim().trim_end_matches('.');
            happenings.push(Happening {
                at: VirtualTime::from_millis(u64::try_from(millis).unwrap_or(0)),
                narration: format!(
                    "{} on pod/{name}: Warning {}: {message}.",
                    event.source, event.reason
                ),
            });
        }
    }
    happenings
}

/// The inside of the drawn Pod; when it is the Pod the lifecycle runs (`simulated`, see
/// [`Running::drawn`]), with what its first object's run showed (its IP, its containers'
/// writes).
pub fn topology_of(drawn: &Pod, simulated: bool, observed: Option<&Observed>) -> Topology {
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
        let (mut running_now, mut drawn_now): (Option<Running>, _) = (None, None);
        let mut out = String::new();
        for text in texts {
            let scenario = Scenario {
                manifest: (*text).to_owned(),
                ..Scenario::default()
            };
            let before = running_now.as_ref().map(|r| r.manifest.clone());
            running_now = running(&scenario, before.as_deref());
            let parsed = read_to_draw(text);
            drawn_now = drawn(&parsed, text, drawn_now.as_ref());
            let names = |pods: &[Pod]| {
                pods.iter()
                    .map(|pod| pod.name().to_owned())
                    .collect::<Vec<_>>()
                    .join(",")
            };
            out.push_str(&format!(
                "running [{}] drawn {} stale {} {}, runs the drawn Pod {}\n",
                running_now
                    .as_ref()
                    .map(|r| names(&r.pods))
                    .unwrap_or_default(),
                drawn_now.as_ref().map_or("-", |k| k.value.name()),
                running_now.as_ref().is_some_and(|r| r.stale),
                drawing_is_stale(&parsed, drawn_now.as_ref()),
                running_now.as_ref().is_some_and(|r| r.drawn),
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
                running [web] drawn web stale false false, runs the drawn Pod true
                running [web] drawn web stale true false, runs the drawn Pod false
                running [web] drawn web stale true true, runs the drawn Pod true
                running [web] drawn web stale false false, runs the drawn Pod true
                running [] drawn - stale false false, runs the drawn Pod false
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
        crate::playground::apply_on_edit::remove_action(&mut scenario, MAX_ACTIONS + 5);
        crate::playground::apply_on_edit::remove_action(&mut scenario, 0);
        assert_eq!(scenario.actions.len(), MAX_ACTIONS - 1);
    }

    #[test]
    fn the_lifecycle_follows_the_first_pod_beside_the_others() {
        let two = format!("{POD}---\n{}", POD.replace("name: web", "name: db"));
        let parsed = super::check(&two, Delivery::ApiServer);
        let pods: Vec<Pod> = parsed.accepted_pods().into_iter().cloned().collect();
        let lifecycle = lifecycle(&pods, &[], &Scenario::default()).expect("two Pods run");
        let last = lifecycle.views.last().expect("a timeline has steps");
        assert_eq!(
            (last.status.as_str(), last.ready.as_str()),
            ("Running", "1/1")
        );
        let drawn = pods.first().expect("web is first");
        let observed = lifecycle.simulations.first().map(Simulation::observed);
        let topology = topology_of(drawn, true, observed.as_ref());
        assert_eq!(topology.pod_ip.as_deref(), Some("10.244.0.5"));
    }
}
