//! Scenario tests on the seeds and the docs examples: `kubectl get pods -w` as the Pod lives.

use expect_test::{Expect, expect};

use pod_model::base::time::VirtualTime;
use pod_model::cluster::scenario::Scenario;
use pod_model::cluster::simulate;
use pod_model::kubectl::get::pod_row;

/// Simulates `manifest` and renders one `get pods` row per snapshot (as `-w` would), then the
/// Events and notes.
fn check(manifest: &str, scenario: &Scenario, expected: Expect) {
    let parsed = pod_model::parse(manifest);
    let pod = parsed.accepted_pod().expect("scenario manifests are valid");
    let simulation = simulate(pod, scenario);
    let mut out = String::new();
    let mut last = String::new();
    for snapshot in &simulation.snapshots {
        let row = pod_row(&snapshot.pod, simulation.wall(snapshot.at));
        let line = format!("{} {} {}", row.ready, row.status, row.restarts);
        if line != last {
            out.push_str(&format!("{:>6}  {line}\n", snapshot.at.to_string()));
            last = line;
        }
    }
    for event in simulation.events.at(simulation.wall(scenario.horizon)) {
        let count = if event.count > 1 {
            format!(" (x{})", event.count)
        } else {
            String::new()
        };
        out.push_str(&format!(
            "event {} {}{count}: {}\n",
            event.kind.as_str(),
            event.reason,
            event.message
        ));
    }
    for note in &simulation.notes {
        out.push_str(&format!("note: {note}\n"));
    }
    expected.assert_eq(&out);
}

fn minutes(minutes: u64) -> Scenario {
    Scenario {
        horizon: VirtualTime::from_secs(minutes * 60),
        ..Scenario::default()
    }
}

#[test]
fn the_seed_init_demo_goes_init_then_pod_initializing_then_running() {
    check(
        pod_model::playground::gallery::ALL
            .iter()
            .find(|e| e.id == "init-demo")
            .map(|e| e.manifest)
            .unwrap_or_default(),
        &minutes(1),
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 Init:0/1 0
                7s  0/1 PodInitializing 0
              8.4s  1/1 Running 0
            event Normal Scheduled: Successfully assigned default/init-demo to node-1
            event Normal Pulling: Pulling image "busybox"
            event Normal Pulled: Successfully pulled image "busybox" in 1s (1s including waiting)
            event Normal Created: Created container init-myservice
            event Normal Started: Started container init-myservice
            event Normal Pulling: Pulling image "busybox"
            event Normal Pulled: Successfully pulled image "busybox" in 400ms (400ms including waiting)
            event Normal Created: Created container my-app
            event Normal Started: Started container my-app
        "#]],
    );
}

#[test]
fn a_single_nginx_starts() {
    check(
        pod_model::playground::gallery::ALL[0].manifest,
        &minutes(1),
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 ContainerCreating 0
                2s  1/1 Running 0
            event Normal Scheduled: Successfully assigned default/my-pod to node-1
            event Normal Pulling: Pulling image "nginx:latest"
            event Normal Pulled: Successfully pulled image "nginx:latest" in 1s (1s including waiting)
            event Normal Created: Created container nginx-container
            event Normal Started: Started container nginx-container
        "#]],
    );
}

#[test]
fn a_bare_busybox_completes_and_crash_loops() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: bb}\nspec:\n  containers: [{name: bb, image: 'busybox:1.36'}]\n",
        &minutes(10),
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 ContainerCreating 0
                2s  0/1 Completed 0
                3s  0/1 Completed 1 (1s ago)
                4s  0/1 CrashLoopBackOff 1 (1s ago)
               13s  0/1 Completed 2 (10s ago)
               14s  0/1 CrashLoopBackOff 2 (1s ago)
               33s  0/1 Completed 3 (20s ago)
               34s  0/1 CrashLoopBackOff 3 (1s ago)
               73s  0/1 Completed 4 (40s ago)
               74s  0/1 CrashLoopBackOff 4 (1s ago)
              153s  0/1 Completed 5 (80s ago)
              154s  0/1 CrashLoopBackOff 5 (1s ago)
              313s  0/1 Completed 6 (2m40s ago)
              314s  0/1 CrashLoopBackOff 6 (1s ago)
            event Normal Scheduled: Successfully assigned default/bb to node-1
            event Normal Pulling: Pulling image "busybox:1.36"
            event Normal Pulled: Successfully pulled image "busybox:1.36" in 1s (1s including waiting)
            event Normal Created (x7): Created container bb
            event Normal Started (x7): Started container bb
            event Normal Pulled (x6): Container image "busybox:1.36" already present on machine
            event Warning BackOff (x6): Back-off restarting failed container bb in pod bb_default(08a63607-b54d-d525-6c0f-6a9baa4a114c)
        "#]],
    );
}

#[test]
fn the_docs_init_container_downloads_a_page_then_nginx_runs() {
    check(
        include_str!("../corpus/k8s-docs-examples/pods/init-containers.yaml"),
        &minutes(2),
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 Init:0/1 0
                2s  0/1 PodInitializing 0
                4s  1/1 Running 0
            event Normal Scheduled: Successfully assigned default/init-demo to node-1
            event Normal Pulling: Pulling image "busybox:1.28"
            event Normal Pulled: Successfully pulled image "busybox:1.28" in 1s (1s including waiting)
            event Normal Created: Created container install
            event Normal Started: Started container install
            event Normal Pulling: Pulling image "nginx"
            event Normal Pulled: Successfully pulled image "nginx" in 1s (1s including waiting)
            event Normal Created: Created container nginx
            event Normal Started: Started container nginx
        "#]],
    );
}

#[test]
fn postgres_without_a_password_errors() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: db}\nspec:\n  containers: [{name: db, image: 'postgres:16'}]\n",
        &minutes(3),
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 ContainerCreating 0
                2s  0/1 Error 0
                3s  0/1 Error 1 (1s ago)
                4s  0/1 CrashLoopBackOff 1 (1s ago)
               13s  0/1 Error 2 (10s ago)
               14s  0/1 CrashLoopBackOff 2 (1s ago)
               33s  0/1 Error 3 (20s ago)
               34s  0/1 CrashLoopBackOff 3 (1s ago)
               73s  0/1 Error 4 (40s ago)
               74s  0/1 CrashLoopBackOff 4 (1s ago)
              153s  0/1 Error 5 (80s ago)
              154s  0/1 CrashLoopBackOff 5 (1s ago)
            event Normal Scheduled: Successfully assigned default/db to node-1
            event Normal Pulling: Pulling image "postgres:16"
            event Normal Pulled: Successfully pulled image "postgres:16" in 1s (1s including waiting)
            event Normal Created (x6): Created container db
            event Normal Started (x6): Started container db
            event Normal Pulled (x5): Container image "postgres:16" already present on machine
            event Warning BackOff (x5): Back-off restarting failed container db in pod db_default(08914e07-b53b-a1e3-9c0f-6a7743c61122)
        "#]],
    );
}

#[test]
fn a_pod_too_big_for_the_node_stays_pending() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: big}\nspec:\n  containers: [{name: big, image: 'nginx:1.27', resources: {requests: {memory: 64Gi}}}]\n",
        &minutes(1),
        expect![[r#"
                0s  0/1 Pending 0
            event Warning FailedScheduling: 0/1 nodes are available: 1 Insufficient memory. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.
        "#]],
    );
}

#[test]
fn a_job_like_pod_succeeds() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: once}\nspec:\n  restartPolicy: Never\n  containers: [{name: once, image: 'busybox:1.36', command: [sh, -c, 'echo hi; sleep 3']}]\n",
        &minutes(1),
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 ContainerCreating 0
                2s  1/1 Running 0
                5s  0/1 Completed 0
            event Normal Scheduled: Successfully assigned default/once to node-1
            event Normal Pulling: Pulling image "busybox:1.36"
            event Normal Pulled: Successfully pulled image "busybox:1.36" in 1s (1s including waiting)
            event Normal Created: Created container once
            event Normal Started: Started container once
        "#]],
    );
}

/// The init containers example of the docs' "Init Containers" concept page.
const MYAPP: &str = "apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
spec:
  containers:
  - name: myapp-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
  - name: init-myservice
    image: busybox:1.28
    command: ['sh', '-c', \"until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done\"]
  - name: init-mydb
    image: busybox:1.28
    command: ['sh', '-c', \"until nslookup mydb.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for mydb; sleep 2; done\"]
";

#[test]
fn init_containers_wait_until_the_services_exist() {
    check(
        MYAPP,
        &minutes(2),
        expect![[r#"
            0s  0/1 Pending 0
            1s  0/1 Init:0/2 0
        event Normal Scheduled: Successfully assigned default/myapp-pod to node-1
        event Normal Pulling: Pulling image "busybox:1.28"
        event Normal Pulled: Successfully pulled image "busybox:1.28" in 1s (1s including waiting)
        event Normal Created: Created container init-myservice
        event Normal Started: Started container init-myservice
    "#]],
    );
    let with_services = Scenario {
        services: vec!["myservice".to_owned(), "mydb".to_owned()],
        ..minutes(1)
    };
    check(
        MYAPP,
        &with_services,
        expect![[r#"
            0s  0/1 Pending 0
            1s  0/1 Init:0/2 0
            2s  0/1 Init:1/2 0
            3s  0/1 PodInitializing 0
            4s  1/1 Running 0
        event Normal Scheduled: Successfully assigned default/myapp-pod to node-1
        event Normal Pulling: Pulling image "busybox:1.28"
        event Normal Pulled: Successfully pulled image "busybox:1.28" in 1s (1s including waiting)
        event Normal Created: Created container init-myservice
        event Normal Started: Started container init-myservice
        event Normal Pulled: Container image "busybox:1.28" already present on machine
        event Normal Created: Created container init-mydb
        event Normal Started: Started container init-mydb
        event Normal Pulled: Container image "busybox:1.28" already present on machine
        event Normal Created: Created container myapp-container
        event Normal Started: Started container myapp-container
    "#]],
    );
}

#[test]
fn the_docs_exec_liveness_example_restarts_after_its_file_is_removed() {
    check(
        include_str!("../corpus/k8s-docs-examples/pods/probe/exec-liveness.yaml"),
        &minutes(3),
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 ContainerCreating 0
                2s  1/1 Running 0
               77s  0/1 Error 0
               78s  1/1 Running 1 (1s ago)
              153s  0/1 Error 1 (76s ago)
              154s  0/1 CrashLoopBackOff 1 (1s ago)
              163s  1/1 Running 2 (10s ago)
            event Normal Scheduled: Successfully assigned default/liveness-exec to node-1
            event Normal Pulling: Pulling image "registry.k8s.io/busybox:1.27.2"
            event Normal Pulled: Successfully pulled image "registry.k8s.io/busybox:1.27.2" in 1s (1s including waiting)
            event Normal Created (x3): Created container liveness
            event Normal Started (x3): Started container liveness
            event Warning Unhealthy (x6): Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory
            event Normal Killing (x2): Container liveness failed liveness probe, will be restarted
            event Normal Pulled (x2): Container image "registry.k8s.io/busybox:1.27.2" already present on machine
            event Warning BackOff: Back-off restarting failed container liveness in pod liveness-exec_default(e3922406-563f-08ca-480c-ac7e1195c724)
        "#]],
    );
}

#[test]
fn the_docs_http_liveness_example_fails_after_ten_seconds() {
    check(
        include_str!("../corpus/k8s-docs-examples/pods/probe/http-liveness.yaml"),
        &minutes(2),
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 ContainerCreating 0
                2s  1/1 Running 0
             20.1s  0/1 Error 0
             21.1s  1/1 Running 1 (1s ago)
             39.2s  0/1 Error 1 (19s ago)
             40.2s  0/1 CrashLoopBackOff 1 (1s ago)
             49.2s  1/1 Running 2 (10s ago)
             67.3s  0/1 Error 2 (28s ago)
             68.3s  0/1 CrashLoopBackOff 2 (1s ago)
             87.3s  1/1 Running 3 (20s ago)
            105.4s  0/1 Error 3 (38s ago)
            106.4s  0/1 CrashLoopBackOff 3 (1s ago)
            event Normal Scheduled: Successfully assigned default/liveness-http to node-1
            event Normal Pulling: Pulling image "registry.k8s.io/e2e-test-images/agnhost:2.40"
            event Normal Pulled: Successfully pulled image "registry.k8s.io/e2e-test-images/agnhost:2.40" in 1s (1s including waiting)
            event Normal Created (x4): Created container liveness
            event Normal Started (x4): Started container liveness
            event Warning Unhealthy (x12): Liveness probe failed: HTTP probe failed with statuscode: 500
            event Normal Killing (x4): Container liveness failed liveness probe, will be restarted
            event Normal Pulled (x3): Container image "registry.k8s.io/e2e-test-images/agnhost:2.40" already present on machine
            event Warning BackOff (x3): Back-off restarting failed container liveness in pod liveness-http_default(87388571-dffe-76a7-0ae3-bffced4f0e71)
        "#]],
    );
}

#[test]
fn a_readiness_probe_on_nginx_makes_it_ready() {
    check(
        include_str!("../corpus/k8s-docs-examples/pods/probe/pod-with-http-healthcheck.yaml"),
        &minutes(1),
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 ContainerCreating 0
                2s  1/1 Running 0
             52.1s  0/1 Completed 0
             53.5s  1/1 Running 1 (1s ago)
            event Normal Scheduled: Successfully assigned default/pod-with-http-healthcheck to node-1
            event Normal Pulling (x2): Pulling image "nginx"
            event Normal Pulled: Successfully pulled image "nginx" in 1s (1s including waiting)
            event Normal Created (x2): Created container nginx
            event Normal Started (x2): Started container nginx
            event Warning Unhealthy (x3): Liveness probe failed: HTTP probe failed with statuscode: 404
            event Normal Killing: Container nginx failed liveness probe, will be restarted
            event Normal Pulled: Successfully pulled image "nginx" in 400ms (400ms including waiting)
        "#]],
    );
}

#[test]
fn the_docs_memory_example_is_oom_killed_and_crash_loops() {
    check(
        include_str!("../corpus/k8s-docs-examples/pods/resource/memory-request-limit-2.yaml"),
        &minutes(2),
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 ContainerCreating 0
                2s  1/1 Running 0
                3s  0/1 OOMKilled 0
              4.4s  1/1 Running 1 (1s ago)
              5.4s  0/1 OOMKilled 1 (2s ago)
              6.4s  0/1 CrashLoopBackOff 1 (1s ago)
             15.8s  1/1 Running 2 (10s ago)
             16.8s  0/1 OOMKilled 2 (11s ago)
             17.8s  0/1 CrashLoopBackOff 2 (1s ago)
             37.2s  1/1 Running 3 (21s ago)
             38.2s  0/1 OOMKilled 3 (22s ago)
             39.2s  0/1 CrashLoopBackOff 3 (1s ago)
             78.6s  1/1 Running 4 (40s ago)
             79.6s  0/1 OOMKilled 4 (41s ago)
             80.6s  0/1 CrashLoopBackOff 4 (1s ago)
            event Normal Scheduled: Successfully assigned mem-example/memory-demo-2 to node-1
            event Normal Pulling (x5): Pulling image "polinux/stress"
            event Normal Pulled: Successfully pulled image "polinux/stress" in 1s (1s including waiting)
            event Normal Created (x5): Created container memory-demo-2-ctr
            event Normal Started (x5): Started container memory-demo-2-ctr
            event Normal Pulled (x4): Successfully pulled image "polinux/stress" in 400ms (400ms including waiting)
            event Warning BackOff (x4): Back-off restarting failed container memory-demo-2-ctr in pod memory-demo-2_mem-example(5001e23f-e721-1b85-c47f-ce42370aa003)
        "#]],
    );
}

#[test]
fn the_docs_memory_example_too_big_for_any_node_stays_pending() {
    check(
        include_str!("../corpus/k8s-docs-examples/pods/resource/memory-request-limit-3.yaml"),
        &minutes(1),
        expect![[r#"
                0s  0/1 Pending 0
            event Warning FailedScheduling: 0/1 nodes are available: 1 Insufficient memory. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.
        "#]],
    );
}

#[test]
fn deleting_a_pod_whose_shell_ignores_sigterm_takes_the_grace_period() {
    let scenario = Scenario {
        actions: vec![pod_model::cluster::scenario::Action {
            at: VirtualTime::from_secs(20),
            pod: None,
            what: pod_model::cluster::scenario::What::DeletePod {
                grace_period_seconds: None,
            },
        }],
        ..minutes(2)
    };
    check(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: sleeper}\nspec:\n  containers: [{name: app, image: 'busybox:1.36', command: [sh, -c, 'sleep 3600']}]\n",
        &scenario,
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 ContainerCreating 0
                2s  1/1 Running 0
               20s  1/1 Terminating 0
               50s  0/1 Error 0
            event Normal Scheduled: Successfully assigned default/sleeper to node-1
            event Normal Pulling: Pulling image "busybox:1.36"
            event Normal Pulled: Successfully pulled image "busybox:1.36" in 1s (1s including waiting)
            event Normal Created: Created container app
            event Normal Started: Started container app
            event Normal Killing: Stopping container app
        "#]],
    );
}

#[test]
fn deleting_nginx_stops_it_at_once() {
    let scenario = Scenario {
        actions: vec![pod_model::cluster::scenario::Action {
            at: VirtualTime::from_secs(20),
            pod: None,
            what: pod_model::cluster::scenario::What::DeletePod {
                grace_period_seconds: None,
            },
        }],
        ..minutes(2)
    };
    let parsed = pod_model::parse(pod_model::playground::gallery::ALL[0].manifest);
    let simulation = pod_model::cluster::simulate(parsed.accepted_pod().expect("valid"), &scenario);
    assert_eq!(
        simulation.deleted_at,
        Some(VirtualTime::from_millis(20_100))
    );
    check(
        pod_model::playground::gallery::ALL[0].manifest,
        &scenario,
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 ContainerCreating 0
                2s  1/1 Running 0
               20s  1/1 Terminating 0
             20.1s  0/1 Completed 0
            event Normal Scheduled: Successfully assigned default/my-pod to node-1
            event Normal Pulling: Pulling image "nginx:latest"
            event Normal Pulled: Successfully pulled image "nginx:latest" in 1s (1s including waiting)
            event Normal Created: Created container nginx-container
            event Normal Started: Started container nginx-container
            event Normal Killing: Stopping container nginx-container
        "#]],
    );
}

#[test]
fn the_largest_grace_periods_do_not_overflow_the_clock() {
    let scenario = Scenario {
        actions: vec![pod_model::cluster::scenario::Action {
            at: VirtualTime::from_secs(20),
            pod: None,
            what: pod_model::cluster::scenario::What::DeletePod {
                grace_period_seconds: Some(i64::MAX),
            },
        }],
        ..minutes(1)
    };
    check(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: patient}\nspec:\n  terminationGracePeriodSeconds: 9223372036854775807\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, 'sleep 3600']\n    livenessProbe:\n      exec: {command: [cat, /missing]}\n      terminationGracePeriodSeconds: 9223372036854775807\n",
        &scenario,
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 ContainerCreating 0
                2s  1/1 Running 0
               20s  1/1 Terminating 0
            event Normal Scheduled: Successfully assigned default/patient to node-1
            event Normal Pulling: Pulling image "busybox:1.36"
            event Normal Pulled: Successfully pulled image "busybox:1.36" in 1s (1s including waiting)
            event Normal Created: Created container app
            event Normal Started: Started container app
            event Warning Unhealthy (x2): Liveness probe failed: cat: can't open '/missing': No such file or directory
            event Normal Killing: Stopping container app
        "#]],
    );
}

/// `scenario` with the actions of `yaml` (a scenario file's `actions:` list).
fn with_actions(scenario: Scenario, yaml: &str) -> Scenario {
    let actions = pod_model::cluster::scenario::Scenario::from_yaml(&format!("actions:\n{yaml}"))
        .expect("valid actions")
        .actions;
    Scenario {
        actions,
        ..scenario
    }
}

/// nginx with a liveness probe and a memory limit.
const PROBED_NGINX: &str = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    resources: {limits: {memory: 128Mi}}\n    livenessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}\n";

#[test]
fn the_services_appear_while_the_init_containers_wait() {
    check(
        MYAPP,
        &with_actions(
            minutes(2),
            "- {at: 30s, do: createService, name: myservice}\n- {at: 50s, do: createService, name: mydb}\n",
        ),
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 Init:0/2 0
               30s  0/1 Init:1/2 0
               51s  0/1 PodInitializing 0
               52s  1/1 Running 0
            event Normal Scheduled: Successfully assigned default/myapp-pod to node-1
            event Normal Pulling: Pulling image "busybox:1.28"
            event Normal Pulled: Successfully pulled image "busybox:1.28" in 1s (1s including waiting)
            event Normal Created: Created container init-myservice
            event Normal Started: Started container init-myservice
            event Normal Pulled: Container image "busybox:1.28" already present on machine
            event Normal Created: Created container init-mydb
            event Normal Started: Started container init-mydb
            event Normal Pulled: Container image "busybox:1.28" already present on machine
            event Normal Created: Created container myapp-container
            event Normal Started: Started container myapp-container
        "#]],
    );
}

#[test]
fn a_killed_container_is_restarted() {
    check(
        PROBED_NGINX,
        &with_actions(
            minutes(1),
            "- {at: 20s, do: killContainer, container: web}\n- {at: 40s, do: killContainer, container: web}\n",
        ),
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 ContainerCreating 0
                2s  1/1 Running 0
               20s  0/1 Error 0
               21s  1/1 Running 1 (1s ago)
               40s  0/1 Error 1 (20s ago)
               41s  0/1 CrashLoopBackOff 1 (1s ago)
               50s  1/1 Running 2 (10s ago)
            event Normal Scheduled: Successfully assigned default/web to node-1
            event Normal Pulling: Pulling image "nginx:1.27"
            event Normal Pulled: Successfully pulled image "nginx:1.27" in 1s (1s including waiting)
            event Normal Created (x3): Created container web
            event Normal Started (x3): Started container web
            event Normal Pulled (x2): Container image "nginx:1.27" already present on machine
            event Warning BackOff: Back-off restarting failed container web in pod web_default(5ea0e119-4872-1ef1-c232-90e43de2bd41)
        "#]],
    );
}

#[test]
fn a_container_pushed_past_its_memory_limit_is_oom_killed() {
    check(
        PROBED_NGINX,
        &with_actions(
            minutes(1),
            "- {at: 20s, do: exceedMemory, container: web}\n",
        ),
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 ContainerCreating 0
                2s  1/1 Running 0
               20s  0/1 OOMKilled 0
               21s  1/1 Running 1 (1s ago)
            event Normal Scheduled: Successfully assigned default/web to node-1
            event Normal Pulling: Pulling image "nginx:1.27"
            event Normal Pulled: Successfully pulled image "nginx:1.27" in 1s (1s including waiting)
            event Normal Created (x2): Created container web
            event Normal Started (x2): Started container web
            event Normal Pulled: Container image "nginx:1.27" already present on machine
        "#]],
    );
}

#[test]
fn a_failing_liveness_probe_restarts_the_container_until_it_passes_again() {
    check(
        PROBED_NGINX,
        &with_actions(
            minutes(2),
            "- {at: 20s, do: failProbe, container: web, probe: liveness}\n- {at: 60s, do: passProbe, container: web, probe: liveness}\n",
        ),
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 ContainerCreating 0
                2s  1/1 Running 0
             32.1s  0/1 Completed 0
             33.1s  1/1 Running 1 (1s ago)
             43.2s  0/1 Completed 1 (11s ago)
             44.2s  0/1 CrashLoopBackOff 1 (1s ago)
             53.2s  1/1 Running 2 (10s ago)
            event Normal Scheduled: Successfully assigned default/web to node-1
            event Normal Pulling: Pulling image "nginx:1.27"
            event Normal Pulled: Successfully pulled image "nginx:1.27" in 1s (1s including waiting)
            event Normal Created (x3): Created container web
            event Normal Started (x3): Started container web
            event Warning Unhealthy (x8): Liveness probe failed: HTTP probe failed with statuscode: 503
            event Normal Killing (x2): Container web failed liveness probe, will be restarted
            event Normal Pulled (x2): Container image "nginx:1.27" already present on machine
            event Warning BackOff: Back-off restarting failed container web in pod web_default(5ea0e119-4872-1ef1-c232-90e43de2bd41)
        "#]],
    );
}

#[test]
fn a_failing_image_pull_backs_off_until_it_is_fixed() {
    check(
        pod_model::playground::gallery::ALL[0].manifest,
        &with_actions(
            minutes(3),
            "- {at: 0s, do: failImagePull, container: nginx-container}\n- {at: 2m, do: fixImagePull, container: nginx-container}\n",
        ),
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 ContainerCreating 0
                2s  0/1 ErrImagePull 0
                3s  0/1 ImagePullBackOff 0
               13s  0/1 ErrImagePull 0
               14s  0/1 ImagePullBackOff 0
               34s  0/1 ErrImagePull 0
               35s  0/1 ImagePullBackOff 0
               75s  0/1 ErrImagePull 0
               76s  0/1 ImagePullBackOff 0
              156s  1/1 Running 0
            event Normal Scheduled: Successfully assigned default/my-pod to node-1
            event Normal Pulling (x5): Pulling image "nginx:latest"
            event Warning Failed (x4): Failed to pull image "nginx:latest": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:latest": failed to resolve reference "docker.io/library/nginx:latest": docker.io/library/nginx:latest: not found
            event Warning Failed (x4): Error: ErrImagePull
            event Normal BackOff (x15): Back-off pulling image "nginx:latest"
            event Warning Failed (x15): Error: ImagePullBackOff
            event Normal Pulled: Successfully pulled image "nginx:latest" in 1s (1s including waiting)
            event Normal Created: Created container nginx-container
            event Normal Started: Started container nginx-container
        "#]],
    );
}

#[test]
fn a_lost_node_leaves_the_pod_unknown_and_it_is_not_replaced() {
    check(
        pod_model::playground::gallery::ALL[0].manifest,
        &with_actions(minutes(10), "- {at: 1m, do: loseNode}\n"),
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 ContainerCreating 0
                2s  1/1 Running 0
              410s  1/1 Unknown 0
            event Normal Scheduled: Successfully assigned default/my-pod to node-1
            event Normal Pulling: Pulling image "nginx:latest"
            event Normal Pulled: Successfully pulled image "nginx:latest" in 1s (1s including waiting)
            event Normal Created: Created container nginx-container
            event Normal Started: Started container nginx-container
            event Warning NodeNotReady: Node is not ready
            event Normal TaintManagerEviction: Marking for deletion Pod default/my-pod
        "#]],
    );
    // The taint-eviction controller's condition (pkg/controller/tainteviction
    // `addConditionAndDeletePod`); the phase stays the kubelet's, which is cut off.
    let parsed = pod_model::parse(pod_model::playground::gallery::ALL[0].manifest);
    let scenario = with_actions(minutes(10), "- {at: 1m, do: loseNode}\n");
    let simulation = simulate(parsed.accepted_pod().expect("valid"), &scenario);
    let status = simulation
        .snapshots
        .last()
        .and_then(|snapshot| snapshot.pod.status.clone())
        .expect("a status");
    let disruption = status
        .conditions
        .iter()
        .find(|condition| condition.kind == "DisruptionTarget")
        .expect("the eviction's condition");
    assert_eq!(
        (
            disruption.status.as_str(),
            disruption.reason.as_deref(),
            disruption.message.as_deref(),
            status.phase.as_deref()
        ),
        (
            "True",
            Some("DeletionByTaintManager"),
            Some("Taint manager: deleting due to NoExecute taint"),
            Some("Running")
        )
    );
}

#[test]
fn a_node_back_before_the_eviction_makes_the_pod_ready_again() {
    check(
        pod_model::playground::gallery::ALL[0].manifest,
        &with_actions(
            minutes(5),
            "- {at: 1m, do: loseNode}\n- {at: 3m, do: restoreNode}\n",
        ),
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 ContainerCreating 0
                2s  1/1 Running 0
            event Normal Scheduled: Successfully assigned default/my-pod to node-1
            event Normal Pulling: Pulling image "nginx:latest"
            event Normal Pulled: Successfully pulled image "nginx:latest" in 1s (1s including waiting)
            event Normal Created: Created container nginx-container
            event Normal Started: Started container nginx-container
            event Warning NodeNotReady: Node is not ready
        "#]],
    );
}

#[test]
fn a_node_back_after_the_eviction_lets_the_kubelet_finish_the_deletion() {
    let scenario = with_actions(
        minutes(10),
        "- {at: 1m, do: loseNode}\n- {at: 8m, do: restoreNode}\n",
    );
    let parsed = pod_model::parse(pod_model::playground::gallery::ALL[0].manifest);
    let simulation = simulate(parsed.accepted_pod().expect("valid"), &scenario);
    assert_eq!(
        simulation.deleted_at,
        Some(VirtualTime::from_millis(480_100))
    );
    check(
        pod_model::playground::gallery::ALL[0].manifest,
        &scenario,
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 ContainerCreating 0
                2s  1/1 Running 0
              410s  1/1 Unknown 0
            480.1s  0/1 Completed 0
            event Normal Scheduled: Successfully assigned default/my-pod to node-1
            event Normal Pulling: Pulling image "nginx:latest"
            event Normal Pulled: Successfully pulled image "nginx:latest" in 1s (1s including waiting)
            event Normal Created: Created container nginx-container
            event Normal Started: Started container nginx-container
            event Warning NodeNotReady: Node is not ready
            event Normal TaintManagerEviction: Marking for deletion Pod default/my-pod
            event Normal Killing: Stopping container nginx-container
        "#]],
    );
}

/// The docs' "Logging Architecture" example: a counter writes two log files into an emptyDir,
/// and two streaming sidecars `tail` them.
const COUNTER_WITH_SIDECARS: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: counter\nspec:\n  containers:\n  - name: count\n    image: busybox:1.28\n    args:\n    - /bin/sh\n    - -c\n    - >\n      i=0;\n      while true;\n      do\n        echo \"$i: tick\" >> /var/log/1.log;\n        echo \"INFO $i\" >> /var/log/2.log;\n        i=$((i+1));\n        sleep 1;\n      done\n    volumeMounts:\n    - name: varlog\n      mountPath: /var/log\n  - name: count-log-1\n    image: busybox:1.28\n    args: [/bin/sh, -c, 'tail -n+1 -F /var/log/1.log']\n    volumeMounts:\n    - name: varlog\n      mountPath: /var/log\n  - name: count-log-2\n    image: busybox:1.28\n    args: [/bin/sh, -c, 'tail -n+1 -F /logs/2.log']\n    volumeMounts:\n    - name: varlog\n      mountPath: /logs\n  volumes:\n  - name: varlog\n    emptyDir: {}\n";

/// Each container's log lines, with their instants.
fn check_logs(manifest: &str, scenario: &Scenario, expected: Expect) {
    let parsed = pod_model::parse(manifest);
    let simulation = simulate(parsed.accepted_pod().expect("valid"), scenario);
    let mut out = String::new();
    for (container, lines) in &simulation.logs {
        out.push_str(&format!("{container}:\n"));
        for line in lines {
            out.push_str(&format!("  {} run {}: {}\n", line.at, line.run, line.text));
        }
    }
    for note in &simulation.notes {
        out.push_str(&format!("note: {note}\n"));
    }
    expected.assert_eq(&out);
}

#[test]
fn streaming_sidecars_follow_the_files_the_app_writes() {
    check_logs(
        COUNTER_WITH_SIDECARS,
        &Scenario {
            horizon: VirtualTime::from_secs(8),
            ..Scenario::default()
        },
        expect![[r#"
            count:
            count-log-1:
              2s run 0: 0: tick
              3s run 0: 1: tick
              4s run 0: 2: tick
              5s run 0: 3: tick
              6s run 0: 4: tick
              7s run 0: 5: tick
            count-log-2:
              2s run 0: INFO 0
              3s run 0: INFO 1
              4s run 0: INFO 2
              5s run 0: INFO 3
              6s run 0: INFO 4
              7s run 0: INFO 5
        "#]],
    );
}

#[test]
fn an_init_container_leaves_a_file_for_the_app_and_an_empty_dir_outlives_restarts() {
    check_logs(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: handoff}\nspec:\n  initContainers:\n  - name: fetch\n    image: busybox:1.36\n    command: [sh, -c, 'echo \"config v2\" > /work/config; sleep 2']\n    volumeMounts: [{name: work, mountPath: /work}]\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, 'cat /data/config; echo run >> /data/runs; wc -l < /data/runs; sleep 3; exit 1']\n    volumeMounts: [{name: work, mountPath: /data}]\n  volumes: [{name: work, emptyDir: {}}]\n",
        &Scenario {
            horizon: VirtualTime::from_secs(40),
            ..Scenario::default()
        },
        expect![[r#"
            app:
              5s run 0: config v2
              5s run 0: 1
              9s run 1: config v2
              9s run 1: 2
              22s run 2: config v2
              22s run 2: 3
            fetch:
        "#]],
    );
}

/// A Pod that reads a ConfigMap into its environment and a Secret as files.
const CONFIGURED: &str = "apiVersion: v1\nkind: Pod\nmetadata: {name: configured, labels: {app: demo}}\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, 'echo level=$LOG_LEVEL ip=$MY_IP cpu=$CPU; cat /etc/secret/password; echo; cat /etc/info/labels; sleep 3600']\n    env:\n    - {name: LOG_LEVEL, valueFrom: {configMapKeyRef: {name: app-config, key: level}}}\n    - {name: MY_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}\n    - {name: CPU, valueFrom: {resourceFieldRef: {resource: limits.cpu, divisor: 1m}}}\n    resources: {limits: {cpu: 250m}}\n    volumeMounts:\n    - {name: creds, mountPath: /etc/secret, readOnly: true}\n    - {name: info, mountPath: /etc/info}\n  volumes:\n  - {name: creds, secret: {secretName: db}}\n  - {name: info, downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}]}}\n";

#[test]
fn config_maps_secrets_and_the_downward_api_reach_the_container() {
    let scenario = Scenario::from_yaml(
        "horizon: 30s\nconfigMaps: {app-config: {level: debug}}\nsecrets: {db: {password: s3cret}}\n",
    )
    .expect("valid");
    check_logs(
        CONFIGURED,
        &scenario,
        expect![[r#"
        app:
          2s run 0: level=debug ip=10.244.0.5 cpu=250
          2s run 0: s3cret
          2s run 0: app="demo"
    "#]],
    );
}

#[test]
fn without_listed_objects_they_are_assumed_with_a_note() {
    check_logs(
        CONFIGURED,
        &Scenario {
            horizon: VirtualTime::from_secs(30),
            ..Scenario::default()
        },
        expect![[r#"
            app:
              2s run 0: level=<level from ConfigMap app-config> ip=10.244.0.5 cpu=250
              2s run 0: cat: can't open '/etc/secret/password': No such file or directory
              2s run 0: 
              2s run 0: app="demo"
            note: the ConfigMap "app-config" is assumed to exist; list it under configMaps in the scenario to set its data or to see the Pod without it
            note: the Secret "db" is assumed to exist; list it under secrets in the scenario to set its data or to see the Pod without it
        "#]],
    );
}

#[test]
fn a_missing_secret_volume_keeps_the_pod_container_creating() {
    let scenario =
        Scenario::from_yaml("horizon: 3m\nconfigMaps: {app-config: {level: debug}}\nsecrets: {}\n")
            .expect("valid");
    check(
        CONFIGURED,
        &scenario,
        expect![[r#"
            0s  0/1 Pending 0
            1s  0/1 ContainerCreating 0
        event Normal Scheduled: Successfully assigned default/configured to node-1
        event Warning FailedMount (x9): MountVolume.SetUp failed for volume "creds" : secret "db" not found
        event Warning FailedMount: Unable to attach or mount volumes: unmounted volumes=[creds], unattached volumes=[creds info]: timed out waiting for the condition
    "#]],
    );
}

#[test]
fn a_missing_config_map_key_is_a_create_container_config_error() {
    let scenario = Scenario::from_yaml(
        "horizon: 30s\nconfigMaps: {app-config: {}}\nsecrets: {db: {password: x}}\n",
    )
    .expect("valid");
    check(
        CONFIGURED,
        &scenario,
        expect![[r#"
            0s  0/1 Pending 0
            1s  0/1 ContainerCreating 0
            2s  0/1 CreateContainerConfigError 0
        event Normal Scheduled: Successfully assigned default/configured to node-1
        event Normal Pulling: Pulling image "busybox:1.36"
        event Normal Pulled: Successfully pulled image "busybox:1.36" in 1s (1s including waiting)
        event Warning Failed (x3): Error: couldn't find key level in ConfigMap default/app-config
        event Normal Pulled (x2): Container image "busybox:1.36" already present on machine
    "#]],
    );
}

#[test]
fn the_docs_lifecycle_example_stops_nginx_in_its_pre_stop_hook() {
    let manifest = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus/k8s-docs-examples/pods/lifecycle-events.yaml"
    ))
    .expect("the docs example is in the repository");
    check(
        &manifest,
        &with_actions(minutes(1), "- {at: 20s, do: deletePod}\n"),
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 ContainerCreating 0
                2s  1/1 Running 0
               20s  1/1 Terminating 0
             20.1s  0/1 Completed 0
            event Normal Scheduled: Successfully assigned default/lifecycle-demo to node-1
            event Normal Pulling: Pulling image "nginx"
            event Normal Pulled: Successfully pulled image "nginx" in 1s (1s including waiting)
            event Normal Created: Created container lifecycle-demo-container
            event Normal Started: Started container lifecycle-demo-container
            event Normal Killing: Stopping container lifecycle-demo-container
        "#]],
    );
}

#[test]
fn a_slow_post_start_hook_delays_running_and_a_failing_one_kills_the_container() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: hooks}\nspec:\n  containers:\n  - name: slow\n    image: busybox:1.36\n    command: [sh, -c, 'sleep 3600']\n    lifecycle:\n      postStart: {exec: {command: [sh, -c, 'sleep 5']}}\n      preStop: {sleep: {seconds: 10}}\n  - name: broken\n    image: busybox:1.36\n    command: [sh, -c, 'sleep 3600']\n    lifecycle:\n      postStart: {exec: {command: [sh, -c, 'echo no config >&2; exit 3']}}\n",
        &with_actions(minutes(1), "- {at: 40s, do: deletePod}\n"),
        expect![[r#"
                0s  0/2 Pending 0
                1s  0/2 ContainerCreating 0
                7s  2/2 Running 0
               37s  1/2 Error 0
               38s  2/2 Running 1 (1s ago)
               40s  2/2 Terminating 1 (3s ago)
            event Normal Scheduled: Successfully assigned default/hooks to node-1
            event Normal Pulling: Pulling image "busybox:1.36"
            event Normal Pulled: Successfully pulled image "busybox:1.36" in 1s (1s including waiting)
            event Normal Created: Created container slow
            event Normal Started: Started container slow
            event Normal Pulled (x2): Container image "busybox:1.36" already present on machine
            event Normal Created (x2): Created container broken
            event Normal Started (x2): Started container broken
            event Warning FailedPostStartHook (x2): PostStartHook failed
            event Normal Killing (x2): FailedPostStartHook
            event Normal Killing: Stopping container slow
            event Normal Killing: Stopping container broken
        "#]],
    );
}

#[test]
fn a_failed_init_container_fails_a_never_restarting_pod() {
    let manifest = "apiVersion: v1\nkind: Pod\nmetadata: {name: initfail}\nspec:\n  restartPolicy: Never\n  initContainers:\n  - {name: setup, image: 'busybox:1.36', command: [sh, -c, 'exit 1']}\n  containers:\n  - {name: app, image: 'busybox:1.36', command: [sh, -c, 'sleep 3600']}\n";
    check(
        manifest,
        &minutes(1),
        expect![[r#"
            0s  0/1 Pending 0
            1s  0/1 Init:0/1 0
            2s  0/1 Init:Error 0
        event Normal Scheduled: Successfully assigned default/initfail to node-1
        event Normal Pulling: Pulling image "busybox:1.36"
        event Normal Pulled: Successfully pulled image "busybox:1.36" in 1s (1s including waiting)
        event Normal Created: Created container setup
        event Normal Started: Started container setup
    "#]],
    );
    let parsed = pod_model::parse(manifest);
    let simulation = simulate(parsed.accepted_pod().expect("valid"), &minutes(1));
    let status = simulation
        .snapshots
        .last()
        .and_then(|s| s.pod.status.clone());
    let initialized = status
        .iter()
        .flat_map(|status| status.conditions.clone())
        .find(|condition| condition.kind == "Initialized")
        .map(|condition| (condition.status, condition.reason, condition.message));
    expect![[r#"
        Some(
            (
                "False",
                Some(
                    "ContainersNotInitialized",
                ),
                Some(
                    "containers with incomplete status: [setup]",
                ),
            ),
        )
    "#]]
    .assert_debug_eq(&initialized);
}

#[test]
fn the_crash_loop_back_off_message_names_the_delay_and_the_pod() {
    let manifest = "apiVersion: v1\nkind: Pod\nmetadata: {name: crasher}\nspec:\n  containers:\n  - {name: app, image: 'busybox:1.36', command: [sh, -c, 'sleep 2; exit 1']}\n";
    let parsed = pod_model::parse(manifest);
    let simulation = simulate(parsed.accepted_pod().expect("valid"), &minutes(2));
    let messages: Vec<String> = simulation
        .snapshots
        .iter()
        .filter_map(|snapshot| {
            let status = snapshot.pod.status.as_ref()?;
            let waiting = status
                .container_statuses
                .first()?
                .state
                .as_ref()?
                .waiting
                .as_ref()?;
            waiting.message.clone()
        })
        .collect();
    expect![[r#"
        [
            "back-off 10s restarting failed container=app pod=crasher_default(a29cd9a9-ecf1-9b2f-b353-d9e3365f4539)",
            "back-off 20s restarting failed container=app pod=crasher_default(a29cd9a9-ecf1-9b2f-b353-d9e3365f4539)",
            "back-off 40s restarting failed container=app pod=crasher_default(a29cd9a9-ecf1-9b2f-b353-d9e3365f4539)",
            "back-off 1m20s restarting failed container=app pod=crasher_default(a29cd9a9-ecf1-9b2f-b353-d9e3365f4539)",
        ]
    "#]].assert_debug_eq(&messages);
}

#[test]
fn each_containers_files_can_be_seen_at_any_instant() {
    let parsed = pod_model::parse(COUNTER_WITH_SIDECARS);
    let simulation = simulate(
        parsed.accepted_pod().expect("valid"),
        &Scenario {
            horizon: VirtualTime::from_secs(8),
            ..Scenario::default()
        },
    );
    let mut out = String::new();
    for (container, at) in [("count", 4), ("count-log-2", 5), ("count-log-1", 1)] {
        let files =
            simulation.containers[container].files_at("counter", VirtualTime::from_secs(at));
        out.push_str(&format!("{container} at {at}s:\n"));
        for (path, content) in files
            .iter()
            .flatten()
            .filter(|(path, _)| !path.starts_with("/var/run"))
        {
            out.push_str(&format!("  {path}: {content:?}\n"));
        }
    }
    expect![[r#"
        count at 4s:
          /var/log/1.log: "0: tick\n1: tick\n"
          /var/log/2.log: "INFO 0\nINFO 1\n"
        count-log-2 at 5s:
          /logs/1.log: "0: tick\n1: tick\n2: tick\n3: tick\n"
          /logs/2.log: "INFO 0\nINFO 1\nINFO 2\nINFO 3\n"
        count-log-1 at 1s:
    "#]]
    .assert_eq(&out);
}

#[test]
fn applying_again_after_a_deletion_creates_a_new_pod() {
    let scenario = with_actions(
        minutes(1),
        "- {at: 10s, do: applyPod}\n- {at: 20s, do: deletePod}\n- {at: 40s, do: applyPod}\n",
    );
    let parsed = pod_model::parse(pod_model::playground::gallery::ALL[0].manifest);
    let generations =
        pod_model::cluster::simulate_all(parsed.accepted_pod().expect("valid"), &scenario);
    let out: Vec<String> = generations
        .iter()
        .map(|generation| {
            let last = &generation.snapshots.last().expect("snapshots").pod;
            format!(
                "created {} uid {} ip {} deleted {:?} notes {:?}",
                generation.start,
                last.metadata.uid.clone().unwrap_or_default(),
                last.status
                    .as_ref()
                    .and_then(|s| s.pod_ip.clone())
                    .unwrap_or_default(),
                generation.deleted_at.map(|at| at.to_string()),
                generation.notes
            )
        })
        .collect();
    expect![[r#"
        [
            "created 2026-01-01T00:00:00Z uid 859cad35-54a0-7e45-5a6a-a940fc8b0b39 ip 10.244.0.5 deleted Some(\"20.1s\") notes [\"kubectl apply at 10s: pod/my-pod unchanged (the Pod still exists)\"]",
            "created 2026-01-01T00:00:40Z uid 1ba765d5-da94-cd39-cbab-b5299a72374e ip 10.244.0.6 deleted None notes []",
        ]
    "#]].assert_debug_eq(&out);
}

#[test]
fn exec_probes_past_the_replay_budget_repeat_their_last_verdict() {
    let manifest = "apiVersion: v1\nkind: Pod\nmetadata: {name: heavy}\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, 'i=0; while true; do i=$((i+1)); echo $i >> /tmp/f; sleep 1; done']\n    livenessProbe: {exec: {command: [cat, /tmp/f]}, periodSeconds: 1}\n    readinessProbe: {exec: {command: [cat, /tmp/f]}, periodSeconds: 1}\n";
    check(
        manifest,
        &minutes(10),
        expect![[r#"
            0s  0/1 Pending 0
            1s  0/1 ContainerCreating 0
            2s  0/1 Running 0
            3s  1/1 Running 0
        event Normal Scheduled: Successfully assigned default/heavy to node-1
        event Normal Pulling: Pulling image "busybox:1.36"
        event Normal Pulled: Successfully pulled image "busybox:1.36" in 1s (1s including waiting)
        event Normal Created: Created container app
        event Normal Started: Started container app
        event Warning Unhealthy: Liveness probe failed: cat: can't open '/tmp/f': No such file or directory
        event Warning Unhealthy: Readiness probe failed: cat: can't open '/tmp/f': No such file or directory
        note: exec probes were checked more than 200 times: later checks repeat each probe's last result (each check replays the container's script from its start)
    "#]],
    );
}

#[test]
fn sidecars_stop_once_the_jobs_app_container_is_done() {
    let manifest = "apiVersion: v1\nkind: Pod\nmetadata: {name: job}\nspec:\n  restartPolicy: Never\n  initContainers:\n  - name: logshipper\n    image: busybox:1.36\n    restartPolicy: Always\n    command: [sh, -c, 'tail -F /opt/logs.txt']\n    volumeMounts: [{name: data, mountPath: /opt}]\n  containers:\n  - name: main\n    image: busybox:1.36\n    command: [sh, -c, 'echo logging > /opt/logs.txt; sleep 5']\n    volumeMounts: [{name: data, mountPath: /opt}]\n  volumes: [{name: data, emptyDir: {}}]\n";
    check(
        manifest,
        &minutes(1),
        expect![[r#"
            0s  0/2 Pending 0
            1s  0/2 Init:0/1 0
            2s  1/2 PodInitializing 0
            3s  2/2 Running 0
            8s  1/2 Completed 0
           39s  0/2 Completed 0
        event Normal Scheduled: Successfully assigned default/job to node-1
        event Normal Pulling: Pulling image "busybox:1.36"
        event Normal Pulled: Successfully pulled image "busybox:1.36" in 1s (1s including waiting)
        event Normal Created: Created container logshipper
        event Normal Started: Started container logshipper
        event Normal Pulled: Container image "busybox:1.36" already present on machine
        event Normal Created: Created container main
        event Normal Started: Started container main
        event Normal Killing: Stopping container logshipper
    "#]],
    );
    // getPhase counts a running sidecar: the Pod stays Running until the sidecar stopped, and
    // only then Succeeded.
    let parsed = pod_model::parse(manifest);
    let simulation = simulate(parsed.accepted_pod().expect("valid"), &minutes(1));
    let phase_at = |secs: u64| {
        simulation
            .at(VirtualTime::from_secs(secs))
            .and_then(|snapshot| snapshot.pod.status.as_deref())
            .and_then(|status| status.phase.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        [phase_at(8), phase_at(38), phase_at(39)],
        ["Running", "Running", "Succeeded"]
    );
}

#[test]
fn a_sidecars_startup_probe_holds_back_the_next_containers() {
    let manifest = "apiVersion: v1\nkind: Pod\nmetadata: {name: gated}\nspec:\n  initContainers:\n  - name: proxy\n    image: busybox:1.36\n    restartPolicy: Always\n    command: [sh, -c, 'sleep 12; touch /tmp/ready; sleep 3600']\n    startupProbe: {exec: {command: [cat, /tmp/ready]}, periodSeconds: 5, failureThreshold: 10}\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, 'sleep 3600']\n";
    check(
        manifest,
        &minutes(1),
        expect![[r#"
            0s  0/2 Pending 0
            1s  0/2 Init:0/1 0
           17s  1/2 PodInitializing 0
           18s  2/2 Running 0
        event Normal Scheduled: Successfully assigned default/gated to node-1
        event Normal Pulling: Pulling image "busybox:1.36"
        event Normal Pulled: Successfully pulled image "busybox:1.36" in 1s (1s including waiting)
        event Normal Created: Created container proxy
        event Normal Started: Started container proxy
        event Warning Unhealthy (x3): Startup probe failed: cat: can't open '/tmp/ready': No such file or directory
        event Normal Pulled: Container image "busybox:1.36" already present on machine
        event Normal Created: Created container app
        event Normal Started: Started container app
    "#]],
    );
}

#[test]
fn an_image_reference_that_does_not_parse_is_invalid_image_name() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: shouty}\nspec:\n  containers:\n  - {name: web, image: NGINX}\n",
        &minutes(1),
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 InvalidImageName 0
            event Normal Scheduled: Successfully assigned default/shouty to node-1
            event Warning InspectFailed (x6): Failed to apply default image tag "NGINX": couldn't parse image name "NGINX": invalid reference format: repository name (library/NGINX) must be lowercase
            event Warning Failed (x6): Error: InvalidImageName
        "#]],
    );
}

#[test]
fn date_prints_the_wall_clock_of_each_run() {
    check_logs(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: clock}\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, 'date; sleep 2; date; exit 1']\n",
        &Scenario {
            horizon: VirtualTime::from_secs(12),
            ..Scenario::default()
        },
        expect![[r#"
            app:
              2s run 0: Thu Jan  1 00:00:02 UTC 2026
              4s run 0: Thu Jan  1 00:00:04 UTC 2026
              5s run 1: Thu Jan  1 00:00:05 UTC 2026
              7s run 1: Thu Jan  1 00:00:07 UTC 2026
        "#]],
    );
}

#[test]
fn a_liveness_kill_runs_the_pre_stop_hook_first() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: drain}\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    livenessProbe: {httpGet: {path: /healthz, port: 80}, periodSeconds: 5}\n    lifecycle:\n      preStop: {sleep: {seconds: 5}}\n",
        &minutes(1),
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 ContainerCreating 0
                2s  1/1 Running 0
             17.1s  0/1 Completed 0
             18.1s  1/1 Running 1 (1s ago)
             33.2s  0/1 Completed 1 (16s ago)
             34.2s  0/1 CrashLoopBackOff 1 (1s ago)
             43.2s  1/1 Running 2 (10s ago)
             58.3s  0/1 Completed 2 (25s ago)
             59.3s  0/1 CrashLoopBackOff 2 (1s ago)
            event Normal Scheduled: Successfully assigned default/drain to node-1
            event Normal Pulling: Pulling image "nginx:1.27"
            event Normal Pulled: Successfully pulled image "nginx:1.27" in 1s (1s including waiting)
            event Normal Created (x3): Created container web
            event Normal Started (x3): Started container web
            event Warning Unhealthy (x9): Liveness probe failed: HTTP probe failed with statuscode: 404
            event Normal Killing (x3): Container web failed liveness probe, will be restarted
            event Normal Pulled (x2): Container image "nginx:1.27" already present on machine
            event Warning BackOff (x2): Back-off restarting failed container web in pod drain_default(16749dc9-0dc3-93b9-3b92-1b8727722ce9)
        "#]],
    );
}

#[test]
fn a_readiness_gate_nobody_sets_keeps_the_pod_unready() {
    let manifest = "apiVersion: v1\nkind: Pod\nmetadata: {name: gated}\nspec:\n  readinessGates: [{conditionType: www.example.com/feature-1}]\n  containers:\n  - {name: web, image: 'nginx:1.27'}\n";
    let parsed = pod_model::parse(manifest);
    let simulation = simulate(parsed.accepted_pod().expect("valid"), &minutes(1));
    let status = simulation
        .snapshots
        .last()
        .and_then(|s| s.pod.status.clone());
    let conditions: Vec<String> = status
        .iter()
        .flat_map(|status| status.conditions.clone())
        .filter(|c| c.kind.contains("Ready"))
        .map(|c| format!("{} {} {:?} {:?}", c.kind, c.status, c.reason, c.message))
        .collect();
    expect![[r#"
        [
            "PodReadyToStartContainers True None None",
            "Ready False Some(\"ReadinessGatesNotReady\") Some(\"corresponding condition of pod readiness gate \\\"www.example.com/feature-1\\\" does not exist.\")",
            "ContainersReady True None None",
        ]
    "#]].assert_debug_eq(&conditions);
}

/// Since Kubernetes 1.27 (kubernetes/kubernetes#115331) the kubelet gives a deleted Pod a
/// terminal phase before the API server removes it: `syncTerminatingPod` generates its last
/// status as terminal, and the status manager's `TerminatePod` turns what is left into
/// `Failed`. A Pod deleted in its back-off shows Terminating, then Error.
#[test]
fn a_deleted_pod_ends_in_a_terminal_phase_before_it_is_removed() {
    let scenario = with_actions(minutes(1), "- {at: 12s, do: deletePod}\n");
    check(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: crashloop}\nspec:\n  containers:\n  - {name: app, image: 'busybox:1.36', command: [sh, -c, 'sleep 3; exit 1']}\n",
        &scenario,
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 ContainerCreating 0
                2s  1/1 Running 0
                5s  0/1 Error 0
                6s  1/1 Running 1 (1s ago)
                9s  0/1 Error 1 (4s ago)
               10s  0/1 CrashLoopBackOff 1 (1s ago)
               12s  0/1 Terminating 1 (7s ago)
             12.1s  0/1 Error 1 (7s ago)
            event Normal Scheduled: Successfully assigned default/crashloop to node-1
            event Normal Pulling: Pulling image "busybox:1.36"
            event Normal Pulled: Successfully pulled image "busybox:1.36" in 1s (1s including waiting)
            event Normal Created (x2): Created container app
            event Normal Started (x2): Started container app
            event Normal Pulled: Container image "busybox:1.36" already present on machine
            event Warning BackOff: Back-off restarting failed container app in pod crashloop_default(ff97e1ec-99d0-47a6-c3d9-33a08f4dff2f)
        "#]],
    );
}

/// A finalizer holds the Pod object after its containers stopped: the API server keeps it, with
/// a deletion grace period of 0, until something removes the finalizer (the registry's graceful
/// deletion), and nothing in the playground does.
#[test]
fn a_finalizer_keeps_the_deleted_pod_until_it_is_removed() {
    let scenario = with_actions(minutes(2), "- {at: 10s, do: deletePod}\n");
    check(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: web, finalizers: [example.com/hold]}\nspec:\n  containers:\n  - {name: web, image: 'nginx:1.27'}\n",
        &scenario,
        expect![[r#"
                0s  0/1 Pending 0
                1s  0/1 ContainerCreating 0
                2s  1/1 Running 0
               10s  1/1 Terminating 0
             10.1s  0/1 Completed 0
            event Normal Scheduled: Successfully assigned default/web to node-1
            event Normal Pulling: Pulling image "nginx:1.27"
            event Normal Pulled: Successfully pulled image "nginx:1.27" in 1s (1s including waiting)
            event Normal Created: Created container web
            event Normal Started: Started container web
            event Normal Killing: Stopping container web
            note: the API server keeps the Pod object after its containers stopped: its finalizers [example.com/hold] must be removed first (kubectl patch pod web --type=merge -p '{"metadata":{"finalizers":null}}'), and nothing in the playground removes them
        "#]],
    );
    let parsed = pod_model::parse(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: web, finalizers: [example.com/hold]}\nspec:\n  containers:\n  - {name: web, image: 'nginx:1.27'}\n",
    );
    let simulation = simulate(parsed.accepted_pod().expect("valid"), &scenario);
    assert_eq!(simulation.deleted_at, None);
    let last = &simulation.snapshots.last().expect("versions").pod;
    assert_eq!(last.metadata.deletion_grace_period_seconds, Some(0));
    assert_eq!(
        last.status.as_deref().and_then(|s| s.phase.as_deref()),
        Some("Succeeded")
    );
}

/// An action added at the step on screen comes after what that step shows: `kubectl apply` at
/// the instant the deleted Pod's object goes creates it again (the status managers write, and
/// a Pod whose containers all stopped is removed, before the scenario's disruptions).
#[test]
fn an_apply_at_the_instant_of_the_removal_creates_the_pod_again() {
    let scenario = with_actions(
        minutes(2),
        "- {at: 3s, do: deletePod}\n- {at: 33s, do: applyPod}\n",
    );
    let parsed = pod_model::parse(pod_model::playground::gallery::SIDECAR_LOGGING.manifest);
    let pod = parsed.accepted_pod().expect("valid");
    let simulations = pod_model::cluster::simulate_all(pod, &scenario);
    let seen: Vec<(Option<VirtualTime>, String)> = simulations
        .iter()
        .map(|simulation| (simulation.deleted_at, simulation.start.to_string()))
        .collect();
    assert_eq!(
        seen,
        [
            (
                Some(VirtualTime::from_secs(33)),
                "2026-01-01T00:00:00Z".to_owned()
            ),
            (None, "2026-01-01T00:00:33Z".to_owned()),
        ]
    );
}
