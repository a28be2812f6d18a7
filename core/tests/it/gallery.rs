//! The gallery's lessons: each example with its own scenario tells its lesson, seen as the
//! sequence of `kubectl get pods` STATUS values along its timeline.

use expect_test::expect;
use pod_model::Pod;
use pod_model::api::workloads::Workload;
use pod_model::cluster;
use pod_model::cluster::scenario::Scenario;
use pod_model::playground::gallery::{self, Group};
use pod_model::playground::{state, stepper};
use pod_model::timeline;

/// The READY and STATUS values of `example`'s timeline under its own scenario, repeats folded, with the
/// instant each one first shows.
fn statuses(example: &gallery::Example) -> String {
    let parsed = pod_model::parse(example.manifest);
    let scenario = if example.scenario.is_empty() {
        Scenario::default()
    } else {
        Scenario::from_yaml(example.scenario).expect("gallery scenarios are valid")
    };
    // The page's story: the first Pod's lifecycle, or the first Pod a controller made.
    let pods: Vec<Pod> = parsed.accepted_pods().into_iter().cloned().collect();
    let workloads: Vec<Workload> = parsed.accepted_workloads().into_iter().cloned().collect();
    let (timeline, views) = match parsed.accepted_pod() {
        Some(pod) => {
            let simulation = cluster::simulate(pod, &scenario);
            let timeline = timeline::from_simulation(pod, &simulation);
            let views = stepper::views(pod, &timeline);
            (timeline, views)
        }
        None => {
            let lifecycle =
                state::lifecycle(&pods, &workloads, &scenario).expect("a controller makes a Pod");
            (lifecycle.timeline, lifecycle.views)
        }
    };
    let mut out: Vec<String> = Vec::new();
    let mut last = String::new();
    for (step, view) in timeline.steps().iter().zip(views) {
        let shown = format!("{} {}", view.ready, view.status);
        if shown != last {
            out.push(format!("{} {shown}", step.at));
            last = shown;
        }
    }
    out.join(", ")
}

#[test]
fn every_lesson_tells_its_story() {
    let out: String = gallery::ALL
        .iter()
        .filter(|example| example.group == Group::Lesson)
        .map(|example| format!("{}: {}\n", example.id, statuses(example)))
        .collect();
    expect![[r#"
        running-not-ready: 0s 0/1 Pending, 1s 0/1 ContainerCreating, 2s 0/1 Running
        crash-loop: 0s 0/1 Pending, 1s 0/1 ContainerCreating, 2s 1/1 Running, 5s 0/1 Error, 6s 1/1 Running, 9s 0/1 Error, 10s 0/1 CrashLoopBackOff, 19s 1/1 Running, 22s 0/1 Error, 23s 0/1 CrashLoopBackOff, 42s 1/1 Running, 45s 0/1 Error, 46s 0/1 CrashLoopBackOff, 85s 1/1 Running, 88s 0/1 Error, 89s 0/1 CrashLoopBackOff, 168s 1/1 Running, 171s 0/1 Error, 172s 0/1 CrashLoopBackOff, 331s 1/1 Running, 334s 0/1 Error, 335s 0/1 CrashLoopBackOff
        oom-killed: 0s 0/1 Pending, 1s 0/1 ContainerCreating, 2s 1/1 Running, 3s 0/1 OOMKilled, 4.4s 1/1 Running, 5.4s 0/1 OOMKilled, 6.4s 0/1 CrashLoopBackOff, 15.8s 1/1 Running, 16.8s 0/1 OOMKilled, 17.8s 0/1 CrashLoopBackOff, 37.2s 1/1 Running, 38.2s 0/1 OOMKilled, 39.2s 0/1 CrashLoopBackOff, 78.6s 1/1 Running, 79.6s 0/1 OOMKilled, 80.6s 0/1 CrashLoopBackOff, 160s 1/1 Running, 161s 0/1 OOMKilled, 162s 0/1 CrashLoopBackOff, 321.4s 1/1 Running, 322.4s 0/1 OOMKilled, 323.4s 0/1 CrashLoopBackOff
        init-waits-for-db: 0s 0/1 Pending, 1s 0/1 Init:0/1, 40s 0/1 PodInitializing, 41s 1/1 Running
        graceful-termination: 0s 0/1 Pending, 1s 0/1 ContainerCreating, 2s 1/1 Running, 20s 1/1 Terminating, 25.1s - Deleted (no longer exists)
        pending-resources: 0s 0/1 Pending
        image-pull-backoff: 0s 0/1 Pending, 1s 0/1 ContainerCreating, 2s 0/1 ErrImagePull, 3s 0/1 ImagePullBackOff, 13s 0/1 ErrImagePull, 14s 0/1 ImagePullBackOff, 34s 0/1 ErrImagePull, 35s 0/1 ImagePullBackOff, 75s 0/1 ErrImagePull, 76s 0/1 ImagePullBackOff, 156s 1/1 Running
        naked-pod: 0s 0/1 Pending, 1s 0/1 ContainerCreating, 2s 1/1 Running, 410s 1/1 Unknown
        deployment-node-loss: 0s 0/1 Pending, 1s 0/1 ContainerCreating, 2s 1/1 Running, 410s 1/1 Unknown
        rollout-held-by-readiness: 0s 0/1 Pending, 1s 0/1 ContainerCreating, 2s 1/1 Running
        job-backoff-limit: 0s 0/1 Pending, 1s 0/1 ContainerCreating, 2s 1/1 Running, 3s 0/1 Error
        cron-job: 60.1s 0/1 Pending, 61.1s 0/1 ContainerCreating, 62.1s 0/1 Completed, 241.2s - Deleted (no longer exists)
        static-web: 0s 0/1 Pending, 1s 0/1 ContainerCreating, 2s 1/1 Running, 30s 1/1 Terminating, 31s 0/1 Pending, 40s 1/1 Running, 120.1s - Deleted (no longer exists)
        static-pod-vs-daemonset: 0s 0/1 Pending, 1s 0/1 ContainerCreating, 2s 1/1 Running, 30s 1/1 Terminating, 31s 0/1 Pending, 40s 1/1 Running
        stateful-set: 0s 0/1 Pending, 1s 0/1 ContainerCreating, 2s 1/1 Running, 90s 1/1 Terminating, 120s - Deleted (no longer exists), 120s 0/1 Pending, 121s 1/1 Running
        inside-shared-volume: 0s 0/2 Pending, 1s 0/2 ContainerCreating, 2s 1/2 ContainerCreating, 3s 2/2 Running
        shared-process-namespace: 0s 0/2 Pending, 1s 0/2 ContainerCreating, 2s 1/2 ContainerCreating, 3s 2/2 Running, 30s 1/2 NotReady, 31.4s 2/2 Running
        ephemeral-demo: 0s 0/1 Pending, 1s 0/1 ContainerCreating, 2s 1/1 Running
    "#]].assert_eq(&out);
}

#[test]
fn every_example_has_a_lesson_and_a_valid_scenario() {
    for example in gallery::ALL {
        assert!(
            !example.title.is_empty() && !example.lesson.is_empty(),
            "{}",
            example.id
        );
        assert!(
            example.lesson.ends_with('.'),
            "{}: one sentence",
            example.id
        );
        if !example.scenario.is_empty() {
            Scenario::from_yaml(example.scenario).expect("valid scenario");
        }
    }
    // The docs examples are all there.
    let docs = gallery::ALL
        .iter()
        .filter(|e| e.group == Group::Docs)
        .count();
    assert_eq!(docs, 32);
}

/// The narration of each step of a lesson, one plain sentence each.
fn narrations(id: &str) -> String {
    let example = gallery::by_id(id).expect("a gallery example");
    let parsed = pod_model::parse(example.manifest);
    let pod = parsed.accepted_pod().expect("gallery examples are valid");
    let scenario = Scenario::from_yaml(example.scenario).expect("a valid scenario");
    let simulation = cluster::simulate(pod, &scenario);
    let timeline = timeline::from_simulation(pod, &simulation);
    timeline
        .steps()
        .iter()
        .take(12)
        .map(|step| format!("{}: {}\n", step.at, step.narration))
        .collect()
}

#[test]
fn narration_tells_each_step_in_one_sentence() {
    expect![[r#"
        0s: The scheduler assigns the Pod to node-1.
        1s: The kubelet pulls the image of 'app'.
        2s: The image of 'app' is on the node; the runtime creates container 'app'; container 'app' starts.
        5s: Container 'app' exits with code 1 (Error).
        6s: The image of 'app' is on the node; the runtime creates container 'app'; container 'app' starts.
        9s: Container 'app' exits with code 1 (Error).
        10s: Container 'app' keeps failing, so the kubelet waits before restarting it (CrashLoopBackOff: 10 s, doubling up to 5 min).
        19s: The image of 'app' is on the node; the runtime creates container 'app'; container 'app' starts.
        22s: Container 'app' exits with code 1 (Error).
        23s: Container 'app' keeps failing, so the kubelet waits before restarting it (CrashLoopBackOff: 10 s, doubling up to 5 min).
        42s: The image of 'app' is on the node; the runtime creates container 'app'; container 'app' starts.
        45s: Container 'app' exits with code 1 (Error).
    "#]].assert_eq(&narrations("crash-loop"));
    expect![[r#"
        0s: The scheduler assigns the Pod to node-1.
        1s: The kubelet pulls the image of 'web'.
        2s: The image of 'web' is on the node; the runtime creates container 'web'; container 'web' starts.
        20s: The kubelet stops container 'web': the preStop hook if it has one, then SIGTERM, and SIGKILL once the grace period ends.
        25.1s: Container 'web' exits with code 0 (Completed); the API server removes pod/graceful-termination: kubectl get pods no longer lists it.
    "#]].assert_eq(&narrations("graceful-termination"));
    expect![[r#"
        0s: The scheduler assigns the Pod to node-1.
        1s: The kubelet pulls the image of 'web'.
        2s: The image of 'web' is on the node; the runtime creates container 'web'; container 'web' starts.
        110s: The node stops reporting, so the node controller sets the Pod's Ready condition to False; READY still counts the containers as the kubelet last reported them, as nobody can ask them now.
        410s: The Pod's toleration of the unreachable node has run out, so it is evicted (marked for deletion); kubectl shows Unknown, as the lost node cannot confirm that its containers stopped.
    "#]].assert_eq(&narrations("naked-pod"));
    expect![[r#"
        0s: The kubelet reads the Pod from its manifest directory (/etc/kubernetes/manifests), runs it itself without the scheduler, and creates the mirror Pod static-web-node-1 so the API server shows it.
        1s: The kubelet pulls the image of 'web'.
        2s: The image of 'web' is on the node; the runtime creates container 'web'; container 'web' starts.
        30s: The user's kubectl delete marks the mirror Pod for deletion, but the kubelet keeps a static Pod running as long as its file is there.
        31s: The kubelet deletes the marked mirror Pod and creates it again with a new UID, so AGE starts over; its containers never stopped, and it shows Pending until the kubelet's next status sync.
        40s: The kubelet's status manager writes the Pod's status to the new mirror Pod.
        120.1s: The kubelet stops container 'web': the preStop hook if it has one, then SIGTERM, and SIGKILL once the grace period ends; container 'web' exits with code 0 (Completed); the API server removes pod/static-web-node-1: kubectl get pods no longer lists it.
    "#]].assert_eq(&narrations("static-web"));
}

/// The ephemeral container's steps: the Pod object takes it at once (the
/// `ephemeralcontainers` subresource), the kubelet pulls and starts it, and the end of its
/// session (`exit` in its shell) ends it for good.
#[test]
fn an_ephemeral_containers_steps_are_told() {
    let example = gallery::by_id("ephemeral-demo").expect("the lesson");
    let parsed = pod_model::parse(example.manifest);
    let pod = parsed.accepted_pod().expect("gallery examples are valid");
    let mut scenario = Scenario::from_yaml(example.scenario).expect("a valid scenario");
    let ended = Scenario::from_yaml(
        "actions:\n- {at: 40s, pod: ephemeral-demo, do: endSession, container: debugger-8xzrl, code: 130}\n",
    )
    .expect("a valid scenario");
    scenario.actions.extend(ended.actions);
    let simulation = cluster::simulate(pod, &scenario);
    let timeline = timeline::from_simulation(pod, &simulation);
    let told: String = timeline
        .steps()
        .iter()
        .filter(|step| step.at.as_millis() >= 20_000)
        .map(|step| format!("{}: {}\n", step.at, step.narration))
        .collect();
    expect![[r#"
        20s: The user's kubectl debug adds the ephemeral container 'debugger-8xzrl' (busybox:1.28) to the running Pod: it shares the Pod's network and the process namespace of 'ephemeral-demo', and is never restarted; the kubelet pulls the image of 'debugger-8xzrl'.
        21s: The image of 'debugger-8xzrl' is on the node; the runtime creates container 'debugger-8xzrl'; container 'debugger-8xzrl' starts.
        40s: Container 'debugger-8xzrl' exits with code 130 (Error).
    "#]].assert_eq(&told);
}
