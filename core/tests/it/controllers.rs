//! The workload controllers on the virtual cluster: what `kubectl get` shows of a Deployment,
//! its ReplicaSet and their Pods as they come up, and a deleted Pod replaced.

use expect_test::{Expect, expect};

use pod_model::base::time::VirtualTime;
use pod_model::cluster::scenario::Scenario;
use pod_model::kubectl::console;

use crate::transcript::console_transcript;

const DEPLOYMENT: &str = "\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        readinessProbe:
          httpGet: {path: /, port: 80}
";

/// Runs `manifest` in `scenario` (YAML) and prints, at each instant, the console's answer to
/// each command.
fn check(manifest: &str, scenario: &str, steps: &[(&str, &[&str])], expected: Expect) {
    expected.assert_eq(&console_transcript(manifest, scenario, steps, false));
}

#[test]
fn a_deployment_makes_its_replica_set_and_pods() {
    check(
        DEPLOYMENT,
        "{}",
        &[
            (
                "0s",
                &[
                    "kubectl get deploy",
                    "kubectl get rs -o wide",
                    "kubectl get pods",
                ],
            ),
            (
                "30s",
                &[
                    "kubectl get deployments web",
                    "kubectl get rs",
                    "kubectl get pods -o wide",
                ],
            ),
        ],
        expect![[r#"
            --- 0s $ kubectl get deploy
            NAME   READY   UP-TO-DATE   AVAILABLE   AGE
            web    0/3     3            0           0s
            --- 0s $ kubectl get rs -o wide
            NAME             DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR
            web-56c6c95f89   3         3         0       0s    nginx        nginx:1.27   app=web,pod-template-hash=56c6c95f89
            --- 0s $ kubectl get pods
            NAME                   READY   STATUS    RESTARTS   AGE
            web-56c6c95f89-6sx49   0/1     Pending   0          0s
            web-56c6c95f89-gswqp   0/1     Pending   0          0s
            web-56c6c95f89-w59vp   0/1     Pending   0          0s
            --- 30s $ kubectl get deployments web
            NAME   READY   UP-TO-DATE   AVAILABLE   AGE
            web    3/3     3            3           30s
            --- 30s $ kubectl get rs
            NAME             DESIRED   CURRENT   READY   AGE
            web-56c6c95f89   3         3         3       30s
            --- 30s $ kubectl get pods -o wide
            NAME                   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
            web-56c6c95f89-6sx49   1/1     Running   0          30s   10.244.0.6   node-1   <none>           <none>
            web-56c6c95f89-gswqp   1/1     Running   0          30s   10.244.0.5   node-1   <none>           <none>
            web-56c6c95f89-w59vp   1/1     Running   0          30s   10.244.0.7   node-1   <none>           <none>
        "#]],
    );
}

#[test]
fn a_deleted_pod_is_replaced_at_once() {
    let parsed = pod_model::parse(DEPLOYMENT);
    let first = console::run(
        "kubectl get pods -o name",
        &parsed,
        &Scenario::default(),
        VirtualTime::from_secs(20),
    );
    let victim = first
        .text
        .lines()
        .next()
        .expect("a Pod")
        .trim_start_matches("pod/")
        .to_owned();
    check(
        DEPLOYMENT,
        &format!("actions:\n- {{at: 30s, pod: {victim}, do: deletePod}}\n"),
        &[
            ("30s", &["kubectl get pods"]),
            ("31s", &["kubectl get pods", "kubectl get rs"]),
            ("90s", &["kubectl get pods", "kubectl get deploy"]),
        ],
        expect![[r#"
            --- 30s $ kubectl get pods
            NAME                   READY   STATUS        RESTARTS   AGE
            web-56c6c95f89-6sx49   0/1     Terminating   0          30s
            web-56c6c95f89-9kgvz   0/1     Pending       0          0s
            web-56c6c95f89-gswqp   1/1     Running       0          30s
            web-56c6c95f89-w59vp   1/1     Running       0          30s
            --- 31s $ kubectl get pods
            NAME                   READY   STATUS    RESTARTS   AGE
            web-56c6c95f89-9kgvz   1/1     Running   0          1s
            web-56c6c95f89-gswqp   1/1     Running   0          31s
            web-56c6c95f89-w59vp   1/1     Running   0          31s
            --- 31s $ kubectl get rs
            NAME             DESIRED   CURRENT   READY   AGE
            web-56c6c95f89   3         3         3       31s
            --- 90s $ kubectl get pods
            NAME                   READY   STATUS    RESTARTS   AGE
            web-56c6c95f89-9kgvz   1/1     Running   0          60s
            web-56c6c95f89-gswqp   1/1     Running   0          90s
            web-56c6c95f89-w59vp   1/1     Running   0          90s
            --- 90s $ kubectl get deploy
            NAME   READY   UP-TO-DATE   AVAILABLE   AGE
            web    3/3     3            3           90s
        "#]],
    );
}

/// The seed articles' lesson: "Pods are mortal. They are not resurrected; they are replaced."
/// When a node is lost, its Pods are evicted after the default 300 s toleration of
/// `node.kubernetes.io/unreachable`; the ReplicaSet replaces its Pod on the other node, while
/// the naked Pod is left alone.
#[test]
fn a_lost_nodes_pods_are_replaced_by_their_replica_set_but_a_naked_pod_is_not() {
    let manifest = format!(
        "{DEPLOYMENT}---\napiVersion: v1\nkind: Pod\nmetadata: {{name: naked}}\nspec:\n  containers: [{{name: app, image: 'nginx:1.27'}}]\n"
    );
    let manifest = manifest.replace("replicas: 3", "replicas: 2");
    check(
        &manifest,
        "nodes: [{name: node-1}, {name: node-2}]\nhorizon: 10m\nactions:\n- {at: 1m, do: loseNode, node: node-1}\n",
        &[
            ("50s", &["kubectl get pods -o wide"]),
            ("2m", &["kubectl get pods", "kubectl get deploy"]),
            (
                "7m",
                &[
                    "kubectl get pods -o wide",
                    "kubectl get deploy",
                    "kubectl get rs",
                ],
            ),
        ],
        expect![[r#"
            --- 50s $ kubectl get pods -o wide
            NAME                   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
            naked                  1/1     Running   0          50s   10.244.0.5   node-1   <none>           <none>
            web-56c6c95f89-6sx49   1/1     Running   0          50s   10.244.0.6   node-1   <none>           <none>
            web-56c6c95f89-gswqp   1/1     Running   0          50s   10.244.1.5   node-2   <none>           <none>
            --- 2m $ kubectl get pods
            NAME                   READY   STATUS    RESTARTS   AGE
            naked                  1/1     Running   0          2m
            web-56c6c95f89-6sx49   1/1     Running   0          2m
            web-56c6c95f89-gswqp   1/1     Running   0          2m
            --- 2m $ kubectl get deploy
            NAME   READY   UP-TO-DATE   AVAILABLE   AGE
            web    1/2     2            1           2m
            --- 7m $ kubectl get pods -o wide
            NAME                   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
            naked                  1/1     Unknown   0          7m    10.244.0.5   node-1   <none>           <none>
            web-56c6c95f89-6sx49   1/1     Unknown   0          7m    10.244.0.6   node-1   <none>           <none>
            web-56c6c95f89-gswqp   1/1     Running   0          7m    10.244.1.5   node-2   <none>           <none>
            web-56c6c95f89-w59vp   1/1     Running   0          10s   10.244.1.6   node-2   <none>           <none>
            --- 7m $ kubectl get deploy
            NAME   READY   UP-TO-DATE   AVAILABLE   AGE
            web    2/2     2            2           7m
            --- 7m $ kubectl get rs
            NAME             DESIRED   CURRENT   READY   AGE
            web-56c6c95f89   2         2         2       7m
        "#]],
    );
}

/// `kubectl set image` rolls a Deployment out step by step: a new ReplicaSet scaled up by the
/// surge (25 % of 3 rounds up to 1), an old Pod taken down only once a new one is available
/// (25 % of 3 rounds down to 0 unavailable), until the old ReplicaSet has none
/// (FACTS-workloads §4.2's example).
#[test]
fn set_image_rolls_a_deployment_out_within_its_surge() {
    check(
        DEPLOYMENT,
        "horizon: 5m\nactions:\n- {at: 60s, do: setImage, workload: deployment/web, container: nginx, image: 'nginx:1.28'}\n",
        &[
            (
                "60s",
                &["kubectl get rs", "kubectl rollout status deployment/web"],
            ),
            ("61s", &["kubectl get rs", "kubectl get pods"]),
            (
                "3m",
                &[
                    "kubectl get rs -o wide",
                    "kubectl get deploy",
                    "kubectl rollout status deploy/web",
                ],
            ),
        ],
        expect![[r#"
            --- 60s $ kubectl get rs
            NAME             DESIRED   CURRENT   READY   AGE
            web-547dd44b44   1         1         0       0s
            web-56c6c95f89   3         3         3       60s
            --- 60s $ kubectl rollout status deployment/web
            Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...
            --- 61s $ kubectl get rs
            NAME             DESIRED   CURRENT   READY   AGE
            web-547dd44b44   1         1         0       1s
            web-56c6c95f89   3         3         3       61s
            --- 61s $ kubectl get pods
            NAME                   READY   STATUS              RESTARTS   AGE
            web-547dd44b44-jgnc5   0/1     ContainerCreating   0          1s
            web-56c6c95f89-6sx49   1/1     Running             0          61s
            web-56c6c95f89-gswqp   1/1     Running             0          61s
            web-56c6c95f89-w59vp   1/1     Running             0          61s
            --- 3m $ kubectl get rs -o wide
            NAME             DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR
            web-547dd44b44   3         3         3       2m    nginx        nginx:1.28   app=web,pod-template-hash=547dd44b44
            web-56c6c95f89   0         0         0       3m    nginx        nginx:1.27   app=web,pod-template-hash=56c6c95f89
            --- 3m $ kubectl get deploy
            NAME   READY   UP-TO-DATE   AVAILABLE   AGE
            web    3/3     3            3           3m
            --- 3m $ kubectl rollout status deploy/web
            deployment "web" successfully rolled out
        "#]],
    );
}

#[test]
fn the_console_answers_scale_set_image_and_rollout_status_as_kubectl() {
    check(
        DEPLOYMENT,
        "{}",
        &[(
            "30s",
            &[
                "kubectl scale deploy/web --replicas=5",
                "kubectl scale deployment web --replicas=-1",
                "kubectl scale deploy/api --replicas=2",
                "kubectl set image deployment/web nginx=nginx:1.28",
                "kubectl set image deployment/web nginx=nginx:1.27",
                "kubectl set image deployment/web app=nginx:1.28",
                "kubectl rollout status deployment/web",
            ],
        )],
        expect![[r#"
            --- 30s $ kubectl scale deploy/web --replicas=5
            deployment.apps/web scaled
            --- 30s $ kubectl scale deployment web --replicas=-1
            error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0
            --- 30s $ kubectl scale deploy/api --replicas=2
            Error from server (NotFound): deployments.apps "api" not found
            --- 30s $ kubectl set image deployment/web nginx=nginx:1.28
            deployment.apps/web image updated
            --- 30s $ kubectl set image deployment/web nginx=nginx:1.27

            --- 30s $ kubectl set image deployment/web app=nginx:1.28
            error: unable to find container named "app"
            --- 30s $ kubectl rollout status deployment/web
            deployment "web" successfully rolled out
        "#]],
    );
}

/// The page's fault buttons name no Pod: with a Deployment alone, they act on the first Pod its
/// ReplicaSet made, the one the page's lifecycle follows.
#[test]
fn an_action_without_a_pod_is_about_the_first_pod_a_controller_made() {
    check(
        DEPLOYMENT,
        "actions:\n- {at: 20s, do: crashContainer, container: nginx}\n",
        &[("21s", &["kubectl get pods"])],
        expect![[r#"
            --- 21s $ kubectl get pods
            NAME                   READY   STATUS    RESTARTS     AGE
            web-56c6c95f89-6sx49   1/1     Running   0            21s
            web-56c6c95f89-gswqp   1/1     Running   1 (1s ago)   21s
            web-56c6c95f89-w59vp   1/1     Running   0            21s
        "#]],
    );
}

const JOB: &str = "\
apiVersion: batch/v1
kind: Job
metadata:
  name: hello
spec:
  completions: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: hello
        image: busybox:1.36
        command: [sh, -c, 'echo hello; sleep 5']
";

/// A Job runs its Pods one at a time until two succeed, then is Complete, its Pods kept
/// (Completed) for their logs.
#[test]
fn a_job_runs_pods_until_its_completions_succeed() {
    check(
        JOB,
        "{}",
        &[
            ("0s", &["kubectl get jobs", "kubectl get pods"]),
            ("8s", &["kubectl get jobs", "kubectl get pods"]),
            (
                "20s",
                &[
                    "kubectl get jobs -o wide",
                    "kubectl get pods",
                    "kubectl get events",
                ],
            ),
        ],
        expect![[r#"
            --- 0s $ kubectl get jobs
            NAME    STATUS    COMPLETIONS   DURATION   AGE
            hello   Running   0/2           0s         0s
            --- 0s $ kubectl get pods
            NAME          READY   STATUS    RESTARTS   AGE
            hello-k4jbj   0/1     Pending   0          0s
            --- 8s $ kubectl get jobs
            NAME    STATUS    COMPLETIONS   DURATION   AGE
            hello   Running   1/2           8s         8s
            --- 8s $ kubectl get pods
            NAME          READY   STATUS      RESTARTS   AGE
            hello-k4jbj   0/1     Completed   0          8s
            hello-shgs8   1/1     Running     0          1s
            --- 20s $ kubectl get jobs -o wide
            NAME    STATUS     COMPLETIONS   DURATION   AGE   CONTAINERS   IMAGES         SELECTOR
            hello   Complete   2/2           13s        20s   hello        busybox:1.36   batch.kubernetes.io/controller-uid=2745e906-1c82-2958-d20c-390452b04e8b
            --- 20s $ kubectl get pods
            NAME          READY   STATUS      RESTARTS   AGE
            hello-k4jbj   0/1     Completed   0          20s
            hello-shgs8   0/1     Completed   0          13s
            --- 20s $ kubectl get events
            LAST SEEN   TYPE     REASON             OBJECT            MESSAGE
            20s         Normal   Scheduled          pod/hello-k4jbj   Successfully assigned default/hello-k4jbj to node-1
            19s         Normal   Pulling            pod/hello-k4jbj   Pulling image "busybox:1.36"
            18s         Normal   Pulled             pod/hello-k4jbj   Successfully pulled image "busybox:1.36" in 1s (1s including waiting)
            18s         Normal   Created            pod/hello-k4jbj   Created container hello
            18s         Normal   Started            pod/hello-k4jbj   Started container hello
            13s         Normal   Scheduled          pod/hello-shgs8   Successfully assigned default/hello-shgs8 to node-1
            12s         Normal   Pulled             pod/hello-shgs8   Container image "busybox:1.36" already present on machine
            12s         Normal   Created            pod/hello-shgs8   Created container hello
            12s         Normal   Started            pod/hello-shgs8   Started container hello
            20s         Normal   SuccessfulCreate   job/hello         Created pod: hello-k4jbj
            13s         Normal   SuccessfulCreate   job/hello         Created pod: hello-shgs8
            7s          Normal   Completed          job/hello         Job completed
        "#]],
    );
}

const FAILING_JOB: &str = "\
apiVersion: batch/v1
kind: Job
metadata:
  name: flaky
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: work
        image: busybox:1.36
        command: [sh, -c, 'echo working; exit 1']
";

/// With `restartPolicy: Never` each failure is a new Pod, after the controller's back-off of
/// 10 s, then 20 s; the third failure passes `backoffLimit: 2` and fails the Job.
#[test]
fn a_job_that_exhausts_its_backoff_limit_fails() {
    check(
        FAILING_JOB,
        "{}",
        &[
            ("5s", &["kubectl get pods"]),
            ("15s", &["kubectl get pods"]),
            (
                "60s",
                &["kubectl get jobs", "kubectl get pods", "kubectl get events"],
            ),
        ],
        expect![[r#"
            --- 5s $ kubectl get pods
            NAME          READY   STATUS   RESTARTS   AGE
            flaky-nxfkv   0/1     Error    0          5s
            --- 15s $ kubectl get pods
            NAME          READY   STATUS   RESTARTS   AGE
            flaky-nxfkv   0/1     Error    0          15s
            flaky-t5tkq   0/1     Error    0          3s
            --- 60s $ kubectl get jobs
            NAME    STATUS   COMPLETIONS   DURATION   AGE
            flaky   Failed   0/1           60s        60s
            --- 60s $ kubectl get pods
            NAME          READY   STATUS   RESTARTS   AGE
            flaky-nxfkv   0/1     Error    0          60s
            flaky-rdh46   0/1     Error    0          27s
            flaky-t5tkq   0/1     Error    0          48s
            --- 60s $ kubectl get events
            LAST SEEN   TYPE      REASON                 OBJECT            MESSAGE
            60s         Normal    Scheduled              pod/flaky-nxfkv   Successfully assigned default/flaky-nxfkv to node-1
            59s         Normal    Pulling                pod/flaky-nxfkv   Pulling image "busybox:1.36"
            58s         Normal    Pulled                 pod/flaky-nxfkv   Successfully pulled image "busybox:1.36" in 1s (1s including waiting)
            58s         Normal    Created                pod/flaky-nxfkv   Created container work
            58s         Normal    Started                pod/flaky-nxfkv   Started container work
            27s         Normal    Scheduled              pod/flaky-rdh46   Successfully assigned default/flaky-rdh46 to node-1
            26s         Normal    Pulled                 pod/flaky-rdh46   Container image "busybox:1.36" already present on machine
            26s         Normal    Created                pod/flaky-rdh46   Created container work
            26s         Normal    Started                pod/flaky-rdh46   Started container work
            48s         Normal    Scheduled              pod/flaky-t5tkq   Successfully assigned default/flaky-t5tkq to node-1
            47s         Normal    Pulled                 pod/flaky-t5tkq   Container image "busybox:1.36" already present on machine
            47s         Normal    Created                pod/flaky-t5tkq   Created container work
            47s         Normal    Started                pod/flaky-t5tkq   Started container work
            60s         Normal    SuccessfulCreate       job/flaky         Created pod: flaky-nxfkv
            48s         Normal    SuccessfulCreate       job/flaky         Created pod: flaky-t5tkq
            27s         Normal    SuccessfulCreate       job/flaky         Created pod: flaky-rdh46
            26s         Warning   BackoffLimitExceeded   job/flaky         Job has reached the specified backoff limit
        "#]],
    );
}

/// With `restartPolicy: OnFailure` the kubelet restarts the container in place, and the
/// restarts count towards the limit.
#[test]
fn an_on_failure_job_counts_restarts_towards_its_backoff_limit() {
    check(
        &FAILING_JOB.replace("Never", "OnFailure"),
        "{}",
        &[
            ("5s", &["kubectl get pods"]),
            (
                "13s",
                &["kubectl get jobs", "kubectl get pods", "kubectl get events"],
            ),
        ],
        expect![[r#"
            --- 5s $ kubectl get pods
            NAME          READY   STATUS             RESTARTS     AGE
            flaky-nxfkv   0/1     CrashLoopBackOff   1 (2s ago)   5s
            --- 13s $ kubectl get jobs
            NAME    STATUS   COMPLETIONS   DURATION   AGE
            flaky   Failed   0/1           13s        13s
            --- 13s $ kubectl get pods
            NAME          READY   STATUS        RESTARTS      AGE
            flaky-nxfkv   0/1     Terminating   2 (10s ago)   13s
            --- 13s $ kubectl get events
            LAST SEEN   TYPE      REASON                 OBJECT            MESSAGE
            13s         Normal    Scheduled              pod/flaky-nxfkv   Successfully assigned default/flaky-nxfkv to node-1
            12s         Normal    Pulling                pod/flaky-nxfkv   Pulling image "busybox:1.36"
            11s         Normal    Pulled                 pod/flaky-nxfkv   Successfully pulled image "busybox:1.36" in 1s (1s including waiting)
            0s          Normal    Created                pod/flaky-nxfkv   Created container work
            0s          Normal    Started                pod/flaky-nxfkv   Started container work
            0s          Normal    Pulled                 pod/flaky-nxfkv   Container image "busybox:1.36" already present on machine
            9s          Warning   BackOff                pod/flaky-nxfkv   Back-off restarting failed container work in pod flaky-nxfkv_default(bc7963aa-0540-fbce-c754-0a81f79d78f2)
            13s         Normal    SuccessfulCreate       job/flaky         Created pod: flaky-nxfkv
            0s          Normal    SuccessfulDelete       job/flaky         Deleted pod: flaky-nxfkv
            0s          Warning   BackoffLimitExceeded   job/flaky         Job has reached the specified backoff limit
        "#]],
    );
}

/// `activeDeadlineSeconds` ends a Job still running, deleting its Pods; a finished Job
/// with `ttlSecondsAfterFinished` is deleted with its Pods when the time runs out.
#[test]
fn a_jobs_deadline_and_time_to_live() {
    let manifest = JOB
        .replace(
            "completions: 2",
            "activeDeadlineSeconds: 3\n  ttlSecondsAfterFinished: 10",
        )
        .replace("sleep 5", "sleep 60");
    check(
        &manifest,
        "{}",
        &[
            ("2s", &["kubectl get jobs"]),
            ("4s", &["kubectl get jobs", "kubectl get pods"]),
            ("20s", &["kubectl get jobs", "kubectl get pods"]),
        ],
        expect![[r#"
            --- 2s $ kubectl get jobs
            NAME    STATUS    COMPLETIONS   DURATION   AGE
            hello   Running   0/1           2s         2s
            --- 4s $ kubectl get jobs
            NAME    STATUS   COMPLETIONS   DURATION   AGE
            hello   Failed   0/1           4s         4s
            --- 4s $ kubectl get pods
            NAME          READY   STATUS        RESTARTS   AGE
            hello-k4jbj   1/1     Terminating   0          4s
            --- 20s $ kubectl get jobs
            No resources found in default namespace.
            --- 20s $ kubectl get pods
            NAME          READY   STATUS        RESTARTS   AGE
            hello-k4jbj   1/1     Terminating   0          20s
        "#]],
    );
}

/// `kubectl logs job/NAME` and `deploy/NAME` read one of the Pods the selector picks, the
/// first in kubectl's order for logging, and say so when there was a choice.
#[test]
fn logs_of_a_workload_read_one_of_its_pods() {
    check(
        JOB,
        "{}",
        &[(
            "20s",
            &[
                "kubectl logs job/hello",
                "kubectl logs jobs/nothing",
                "kubectl logs deploy/hello",
            ],
        )],
        expect![[r#"
            --- 20s $ kubectl logs job/hello
            Found 2 pods, using pod/hello-k4jbj
            hello
            --- 20s $ kubectl logs jobs/nothing
            Error from server (NotFound): jobs.batch "nothing" not found
            --- 20s $ kubectl logs deploy/hello
            Error from server (NotFound): deployments.apps "hello" not found
        "#]],
    );
    check(
        &DEPLOYMENT.replace(
            "nginx:1.27",
            "busybox:1.36\n        command: [sh, -c, 'echo up; sleep 3600']",
        ),
        "{}",
        &[("30s", &["kubectl logs deploy/web", "kubectl logs rs/web"])],
        expect![[r#"
            --- 30s $ kubectl logs deploy/web
            Found 3 pods, using pod/web-c7644ddc-flkk5
            up
            --- 30s $ kubectl logs rs/web
            Error from server (NotFound): replicasets.apps "web" not found
        "#]],
    );
}

/// The page's stepper walks a controller's work: each of its Events is a step (the first
/// Pod as it is then), so the console answers at the instant of each new Pod.
#[test]
fn the_stepper_walks_a_controllers_work() {
    let parsed = pod_model::parse(FAILING_JOB);
    let workloads: Vec<_> = parsed.accepted_workloads().into_iter().cloned().collect();
    let lifecycle = pod_model::playground::state::lifecycle(&[], &workloads, &Scenario::default())
        .expect("the Job makes a Pod");
    let steps: String = lifecycle
        .timeline
        .steps()
        .iter()
        .zip(&lifecycle.views)
        .map(|(step, view)| format!("{} {}: {}\n", step.at, view.status, step.narration))
        .collect();
    expect![[r#"
        0s Pending: job-controller on job/flaky: Created pod: flaky-nxfkv. The scheduler assigns the Pod to node-1.
        1s ContainerCreating: The kubelet pulls the image of 'work'.
        2s Error: The image of 'work' is on the node; the runtime creates container 'work'; container 'work' starts; container 'work' exits with code 1 (Error).
        12s Error: job-controller on job/flaky: Created pod: flaky-t5tkq.
        33s Error: job-controller on job/flaky: Created pod: flaky-rdh46.
        34s Error: job-controller on job/flaky: Warning BackoffLimitExceeded: Job has reached the specified backoff limit.
    "#]].assert_eq(&steps);
}

/// The docs' CronJob (content/en/examples/application/job/cronjob.yaml): a Job each minute,
/// named after the scheduled minute, its Pod printing the date; the history keeps the three
/// newest successful Jobs.
const CRON_JOB: &str = "\
apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: \"* * * * *\"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: hello
            image: busybox:1.28
            imagePullPolicy: IfNotPresent
            command:
            - /bin/sh
            - -c
            - date; echo Hello from the Kubernetes cluster
          restartPolicy: OnFailure
";

#[test]
fn a_cron_job_makes_a_job_each_minute_and_keeps_its_history() {
    check(
        CRON_JOB,
        "{}",
        &[
            ("30s", &["kubectl get cronjobs", "kubectl get jobs"]),
            (
                "65s",
                &["kubectl get cj", "kubectl get jobs", "kubectl get pods"],
            ),
            (
                "5m30s",
                &[
                    "kubectl get cronjob hello",
                    "kubectl get jobs",
                    "kubectl get pods",
                    "kubectl logs job/hello-29453765",
                    "kubectl get events",
                ],
            ),
        ],
        expect![[r#"
            --- 30s $ kubectl get cronjobs
            NAME    SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE
            hello   * * * * *   <none>     False     0        <none>          30s
            --- 30s $ kubectl get jobs
            No resources found in default namespace.
            --- 65s $ kubectl get cj
            NAME    SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE
            hello   * * * * *   <none>     False     0        5s              65s
            --- 65s $ kubectl get jobs
            NAME             STATUS     COMPLETIONS   DURATION   AGE
            hello-29453761   Complete   1/1           2s         5s
            --- 65s $ kubectl get pods
            NAME                   READY   STATUS      RESTARTS   AGE
            hello-29453761-2rcpd   0/1     Completed   0          5s
            --- 5m30s $ kubectl get cronjob hello
            NAME    SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE
            hello   * * * * *   <none>     False     0        30s             5m30s
            --- 5m30s $ kubectl get jobs
            NAME             STATUS     COMPLETIONS   DURATION   AGE
            hello-29453763   Complete   1/1           1s         2m30s
            hello-29453764   Complete   1/1           1s         90s
            hello-29453765   Complete   1/1           1s         30s
            --- 5m30s $ kubectl get pods
            NAME                   READY   STATUS      RESTARTS   AGE
            hello-29453763-ngr5z   0/1     Completed   0          2m30s
            hello-29453764-crgrh   0/1     Completed   0          90s
            hello-29453765-5728k   0/1     Completed   0          30s
            --- 5m30s $ kubectl logs job/hello-29453765
            Thu Jan  1 00:05:01 UTC 2026
            Hello from the Kubernetes cluster
            --- 5m30s $ kubectl get events
            LAST SEEN   TYPE     REASON             OBJECT                     MESSAGE
            4m29s       Normal   Scheduled          pod/hello-29453761-2rcpd   Successfully assigned default/hello-29453761-2rcpd to node-1
            4m28s       Normal   Pulling            pod/hello-29453761-2rcpd   Pulling image "busybox:1.28"
            4m27s       Normal   Pulled             pod/hello-29453761-2rcpd   Successfully pulled image "busybox:1.28" in 1s (1s including waiting)
            4m27s       Normal   Created            pod/hello-29453761-2rcpd   Created container hello
            4m27s       Normal   Started            pod/hello-29453761-2rcpd   Started container hello
            3m29s       Normal   Scheduled          pod/hello-29453762-v2qv7   Successfully assigned default/hello-29453762-v2qv7 to node-1
            3m28s       Normal   Pulled             pod/hello-29453762-v2qv7   Container image "busybox:1.28" already present on machine
            3m28s       Normal   Created            pod/hello-29453762-v2qv7   Created container hello
            3m28s       Normal   Started            pod/hello-29453762-v2qv7   Started container hello
            2m29s       Normal   Scheduled          pod/hello-29453763-ngr5z   Successfully assigned default/hello-29453763-ngr5z to node-1
            2m28s       Normal   Pulled             pod/hello-29453763-ngr5z   Container image "busybox:1.28" already present on machine
            2m28s       Normal   Created            pod/hello-29453763-ngr5z   Created container hello
            2m28s       Normal   Started            pod/hello-29453763-ngr5z   Started container hello
            2m29s       Normal   SuccessfulCreate   job/hello-29453763         Created pod: hello-29453763-ngr5z
            2m28s       Normal   Completed          job/hello-29453763         Job completed
            89s         Normal   Scheduled          pod/hello-29453764-crgrh   Successfully assigned default/hello-29453764-crgrh to node-1
            88s         Normal   Pulled             pod/hello-29453764-crgrh   Container image "busybox:1.28" already present on machine
            88s         Normal   Created            pod/hello-29453764-crgrh   Created container hello
            88s         Normal   Started            pod/hello-29453764-crgrh   Started container hello
            89s         Normal   SuccessfulCreate   job/hello-29453764         Created pod: hello-29453764-crgrh
            88s         Normal   Completed          job/hello-29453764         Job completed
            29s         Normal   Scheduled          pod/hello-29453765-5728k   Successfully assigned default/hello-29453765-5728k to node-1
            28s         Normal   Pulled             pod/hello-29453765-5728k   Container image "busybox:1.28" already present on machine
            28s         Normal   Created            pod/hello-29453765-5728k   Created container hello
            28s         Normal   Started            pod/hello-29453765-5728k   Started container hello
            29s         Normal   SuccessfulCreate   job/hello-29453765         Created pod: hello-29453765-5728k
            28s         Normal   Completed          job/hello-29453765         Job completed
            4m29s       Normal   SuccessfulCreate   cronjob/hello              Created job hello-29453761
            4m27s       Normal   SawCompletedJob    cronjob/hello              Saw completed job: hello-29453761, condition: Complete
            3m29s       Normal   SuccessfulCreate   cronjob/hello              Created job hello-29453762
            3m28s       Normal   SawCompletedJob    cronjob/hello              Saw completed job: hello-29453762, condition: Complete
            2m29s       Normal   SuccessfulCreate   cronjob/hello              Created job hello-29453763
            2m28s       Normal   SawCompletedJob    cronjob/hello              Saw completed job: hello-29453763, condition: Complete
            89s         Normal   SuccessfulCreate   cronjob/hello              Created job hello-29453764
            88s         Normal   SawCompletedJob    cronjob/hello              Saw completed job: hello-29453764, condition: Complete
            88s         Normal   SuccessfulDelete   cronjob/hello              Deleted job hello-29453761
            29s         Normal   SuccessfulCreate   cronjob/hello              Created job hello-29453765
            28s         Normal   SawCompletedJob    cronjob/hello              Saw completed job: hello-29453765, condition: Complete
            28s         Normal   SuccessfulDelete   cronjob/hello              Deleted job hello-29453762
        "#]],
    );
}

/// The docs' CronJob, each run taking 90 s, with `concurrencyPolicy: POLICY`.
fn slow_cron_job(policy: &str) -> String {
    CRON_JOB
        .replace(
            "date; echo Hello from the Kubernetes cluster",
            "echo start; sleep 90",
        )
        .replace(
            "  schedule:",
            &format!("  concurrencyPolicy: {policy}\n  schedule:"),
        )
}

/// `concurrencyPolicy: Forbid` skips a run while the last Job is active.
#[test]
fn a_forbidding_cron_job_skips_a_run_while_one_is_active() {
    check(
        &slow_cron_job("Forbid"),
        "{}",
        &[("150s", &["kubectl get jobs", "kubectl get events"])],
        expect![[r#"
            --- 150s $ kubectl get jobs
            NAME             STATUS    COMPLETIONS   DURATION   AGE
            hello-29453761   Running   0/1           90s        90s
            --- 150s $ kubectl get events
            LAST SEEN   TYPE     REASON             OBJECT                     MESSAGE
            89s         Normal   Scheduled          pod/hello-29453761-2rcpd   Successfully assigned default/hello-29453761-2rcpd to node-1
            88s         Normal   Pulling            pod/hello-29453761-2rcpd   Pulling image "busybox:1.28"
            87s         Normal   Pulled             pod/hello-29453761-2rcpd   Successfully pulled image "busybox:1.28" in 1s (1s including waiting)
            87s         Normal   Created            pod/hello-29453761-2rcpd   Created container hello
            87s         Normal   Started            pod/hello-29453761-2rcpd   Started container hello
            89s         Normal   SuccessfulCreate   job/hello-29453761         Created pod: hello-29453761-2rcpd
            89s         Normal   SuccessfulCreate   cronjob/hello              Created job hello-29453761
            29s         Normal   JobAlreadyActive   cronjob/hello              Not starting job because prior execution is running and concurrency policy is Forbid
        "#]],
    );
}

/// `concurrencyPolicy: Replace` deletes the active Job, its Pod with it, and starts the new one.
#[test]
fn a_replacing_cron_job_deletes_the_active_job_first() {
    check(
        &slow_cron_job("Replace"),
        "{}",
        &[("150s", &["kubectl get jobs", "kubectl get events"])],
        expect![[r#"
            --- 150s $ kubectl get jobs
            NAME             STATUS    COMPLETIONS   DURATION   AGE
            hello-29453762   Running   0/1           30s        30s
            --- 150s $ kubectl get events
            LAST SEEN   TYPE     REASON             OBJECT                     MESSAGE
            89s         Normal   Scheduled          pod/hello-29453761-2rcpd   Successfully assigned default/hello-29453761-2rcpd to node-1
            88s         Normal   Pulling            pod/hello-29453761-2rcpd   Pulling image "busybox:1.28"
            87s         Normal   Pulled             pod/hello-29453761-2rcpd   Successfully pulled image "busybox:1.28" in 1s (1s including waiting)
            87s         Normal   Created            pod/hello-29453761-2rcpd   Created container hello
            87s         Normal   Started            pod/hello-29453761-2rcpd   Started container hello
            29s         Normal   Killing            pod/hello-29453761-2rcpd   Stopping container hello
            29s         Normal   Scheduled          pod/hello-29453762-v2qv7   Successfully assigned default/hello-29453762-v2qv7 to node-1
            28s         Normal   Pulled             pod/hello-29453762-v2qv7   Container image "busybox:1.28" already present on machine
            28s         Normal   Created            pod/hello-29453762-v2qv7   Created container hello
            28s         Normal   Started            pod/hello-29453762-v2qv7   Started container hello
            29s         Normal   SuccessfulCreate   job/hello-29453762         Created pod: hello-29453762-v2qv7
            89s         Normal   SuccessfulCreate   cronjob/hello              Created job hello-29453761
            29s         Normal   SuccessfulDelete   cronjob/hello              Deleted job hello-29453761
            29s         Normal   SuccessfulCreate   cronjob/hello              Created job hello-29453762
        "#]],
    );
}

const DAEMON_SET: &str = "\
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
spec:
  selector:
    matchLabels: {app: node-agent}
  template:
    metadata:
      labels: {app: node-agent}
    spec:
      containers:
      - name: agent
        image: busybox:1.36
        command: [sh, -c, 'echo watching $(hostname); sleep 3600']
";

/// A DaemonSet runs one Pod on each node that tolerates it (not the tainted control plane), a
/// node that joins gets its own, and a lost node's daemon Pod is not evicted: it tolerates
/// `unreachable` for good.
#[test]
fn a_daemon_set_runs_a_pod_on_each_node() {
    check(
        DAEMON_SET,
        "nodes:\n- {name: control-plane, taints: [{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}]}\n- {name: node-1}\n- {name: node-2}\nhorizon: 15m\nactions:\n- {at: 60s, do: addNode, node: {name: node-3}}\n- {at: 2m, do: loseNode, node: node-1}\n",
        &[
            (
                "30s",
                &["kubectl get ds -o wide", "kubectl get pods -o wide"],
            ),
            (
                "70s",
                &["kubectl get daemonsets", "kubectl get pods -o wide"],
            ),
            ("10m", &["kubectl get ds", "kubectl get pods -o wide"]),
        ],
        expect![[r#"
            --- 30s $ kubectl get ds -o wide
            NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE   CONTAINERS   IMAGES         SELECTOR
            node-agent   2         2         2       2            2           <none>          30s   agent        busybox:1.36   app=node-agent
            --- 30s $ kubectl get pods -o wide
            NAME               READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
            node-agent-hcrxw   1/1     Running   0          30s   10.244.1.5   node-1   <none>           <none>
            node-agent-xgnl6   1/1     Running   0          30s   10.244.2.5   node-2   <none>           <none>
            --- 70s $ kubectl get daemonsets
            NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            node-agent   3         3         3       3            3           <none>          70s
            --- 70s $ kubectl get pods -o wide
            NAME               READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
            node-agent-hcrxw   1/1     Running   0          70s   10.244.1.5   node-1   <none>           <none>
            node-agent-pc75d   1/1     Running   0          10s   10.244.3.5   node-3   <none>           <none>
            node-agent-xgnl6   1/1     Running   0          70s   10.244.2.5   node-2   <none>           <none>
            --- 10m $ kubectl get ds
            NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            node-agent   2         2         2       2            2           <none>          10m
            --- 10m $ kubectl get pods -o wide
            NAME               READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
            node-agent-hcrxw   1/1     Running   0          10m   10.244.1.5   node-1   <none>           <none>
            node-agent-pc75d   1/1     Running   0          9m    10.244.3.5   node-3   <none>           <none>
            node-agent-xgnl6   1/1     Running   0          10m   10.244.2.5   node-2   <none>           <none>
        "#]],
    );
}

/// The Pod a DaemonSet makes: pinned to its node by a required node affinity on
/// `metadata.name`, with the controller's labels and tolerations.
#[test]
fn a_daemon_pod_is_pinned_to_its_node_and_tolerates_node_conditions() {
    let parsed = pod_model::parse(DAEMON_SET);
    let reply = console::run(
        "kubectl get pods -o yaml",
        &parsed,
        &Scenario::default(),
        VirtualTime::from_secs(5),
    );
    let spec: String = reply
        .text
        .lines()
        .skip_while(|line| !line.starts_with("    affinity:"))
        .take_while(|line| !line.starts_with("    containers:"))
        .chain(
            reply
                .text
                .lines()
                .skip_while(|line| !line.starts_with("    tolerations:"))
                .take_while(|line| !line.starts_with("    volumes:")),
        )
        .map(|line| format!("{line}\n"))
        .collect();
    expect![[r#"
            affinity:
              nodeAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                  nodeSelectorTerms:
                  - matchFields:
                    - key: metadata.name
                      operator: In
                      values:
                      - node-1
            tolerations:
            - effect: NoExecute
              key: node.kubernetes.io/not-ready
              operator: Exists
            - effect: NoExecute
              key: node.kubernetes.io/unreachable
              operator: Exists
            - effect: NoSchedule
              key: node.kubernetes.io/disk-pressure
              operator: Exists
            - effect: NoSchedule
              key: node.kubernetes.io/memory-pressure
              operator: Exists
            - effect: NoSchedule
              key: node.kubernetes.io/pid-pressure
              operator: Exists
            - effect: NoSchedule
              key: node.kubernetes.io/unschedulable
              operator: Exists
          status:
            conditions:
            - lastProbeTime: null
              lastTransitionTime: "2026-01-01T00:00:01Z"
              status: "True"
              type: PodReadyToStartContainers
            - lastProbeTime: null
              lastTransitionTime: "2026-01-01T00:00:01Z"
              status: "True"
              type: Initialized
            - lastProbeTime: null
              lastTransitionTime: "2026-01-01T00:00:02Z"
              status: "True"
              type: Ready
            - lastProbeTime: null
              lastTransitionTime: "2026-01-01T00:00:02Z"
              status: "True"
              type: ContainersReady
            - lastProbeTime: null
              lastTransitionTime: "2026-01-01T00:00:00Z"
              status: "True"
              type: PodScheduled
            containerStatuses:
            - containerID: containerd://96264f4124141c8796264f4124141c8796264f4124141c8796264f4124141c87
              image: docker.io/library/busybox:1.36
              imageID: docker.io/library/busybox@sha256:9a907dc1bed9ad107c943c2a31b307a1ea9b47c366a89ee6ea777106dbb79f57
              lastState: {}
              name: agent
              ready: true
              restartCount: 0
              started: true
              state:
                running:
                  startedAt: "2026-01-01T00:00:02Z"
            hostIP: 192.168.49.2
            hostIPs:
            - ip: 192.168.49.2
            phase: Running
            podIP: 10.244.0.5
            podIPs:
            - ip: 10.244.0.5
            qosClass: BestEffort
            startTime: "2026-01-01T00:00:01Z"
        kind: List
        metadata:
          resourceVersion: ""
    "#]].assert_eq(&spec);
}

/// The docs' StatefulSet tutorial (content/en/examples/application/web/web.yaml): Pods `web-0`
/// then `web-1`, the second only once the first is Running and Ready; scaled to 4 and back to 1
/// (the highest ordinal first, one at a time); `web-0` deleted comes back with its name.
#[test]
fn a_stateful_sets_order_and_identity() {
    check(
        include_str!("../corpus/k8s-docs-examples/workloads/application/web/web.yaml"),
        "horizon: 10m\nactions:\n- {at: 30s, do: scale, workload: statefulset/web, replicas: 4}\n- {at: 60s, do: scale, workload: statefulset/web, replicas: 1}\n- {at: 3m, do: deletePod, pod: web-0}\n",
        &[
            ("0s", &["kubectl get pods"]),
            ("1500ms", &["kubectl get pods"]),
            (
                "20s",
                &["kubectl get sts -o wide", "kubectl get pods -o wide"],
            ),
            ("31s", &["kubectl get pods"]),
            ("40s", &["kubectl get statefulsets", "kubectl get pods"]),
            ("61s", &["kubectl get pods"]),
            ("150s", &["kubectl get sts", "kubectl get pods"]),
            ("3m1s", &["kubectl get pods"]),
            ("4m", &["kubectl get pods", "kubectl get events"]),
        ],
        expect![[r#"
            --- 0s $ kubectl get pods
            NAME    READY   STATUS    RESTARTS   AGE
            web-0   0/1     Pending   0          0s
            --- 1500ms $ kubectl get pods
            NAME    READY   STATUS              RESTARTS   AGE
            web-0   0/1     ContainerCreating   0          1s
            --- 20s $ kubectl get sts -o wide
            NAME   READY   AGE   CONTAINERS   IMAGES
            web    2/2     20s   nginx        registry.k8s.io/nginx-slim:0.7
            --- 20s $ kubectl get pods -o wide
            NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
            web-0   1/1     Running   0          20s   10.244.0.5   node-1   <none>           <none>
            web-1   1/1     Running   0          18s   10.244.0.6   node-1   <none>           <none>
            --- 31s $ kubectl get pods
            NAME    READY   STATUS    RESTARTS   AGE
            web-0   1/1     Running   0          31s
            web-1   1/1     Running   0          29s
            web-2   1/1     Running   0          1s
            web-3   0/1     Pending   0          0s
            --- 40s $ kubectl get statefulsets
            NAME   READY   AGE
            web    4/4     40s
            --- 40s $ kubectl get pods
            NAME    READY   STATUS    RESTARTS   AGE
            web-0   1/1     Running   0          40s
            web-1   1/1     Running   0          38s
            web-2   1/1     Running   0          10s
            web-3   1/1     Running   0          9s
            --- 61s $ kubectl get pods
            NAME    READY   STATUS        RESTARTS   AGE
            web-0   1/1     Running       0          61s
            web-1   1/1     Running       0          59s
            web-2   1/1     Running       0          31s
            web-3   1/1     Terminating   0          30s
            --- 150s $ kubectl get sts
            NAME   READY   AGE
            web    1/1     2m30s
            --- 150s $ kubectl get pods
            NAME    READY   STATUS    RESTARTS   AGE
            web-0   1/1     Running   0          2m30s
            --- 3m1s $ kubectl get pods
            NAME    READY   STATUS        RESTARTS   AGE
            web-0   1/1     Terminating   0          3m1s
            --- 4m $ kubectl get pods
            NAME    READY   STATUS    RESTARTS   AGE
            web-0   1/1     Running   0          30s
            --- 4m $ kubectl get events
            LAST SEEN   TYPE     REASON             OBJECT            MESSAGE
            4m          Normal   Scheduled          pod/web-0         Successfully assigned default/web-0 to node-1
            3m59s       Normal   Pulling            pod/web-0         Pulling image "registry.k8s.io/nginx-slim:0.7"
            3m58s       Normal   Pulled             pod/web-0         Successfully pulled image "registry.k8s.io/nginx-slim:0.7" in 1s (1s including waiting)
            3m58s       Normal   Created            pod/web-0         Created container nginx
            3m58s       Normal   Started            pod/web-0         Started container nginx
            60s         Normal   Killing            pod/web-0         Stopping container nginx
            30s         Normal   Scheduled          pod/web-0         Successfully assigned default/web-0 to node-1
            29s         Normal   Pulled             pod/web-0         Container image "registry.k8s.io/nginx-slim:0.7" already present on machine
            29s         Normal   Created            pod/web-0         Created container nginx
            29s         Normal   Started            pod/web-0         Started container nginx
            3m58s       Normal   Scheduled          pod/web-1         Successfully assigned default/web-1 to node-1
            3m57s       Normal   Pulled             pod/web-1         Container image "registry.k8s.io/nginx-slim:0.7" already present on machine
            3m57s       Normal   Created            pod/web-1         Created container nginx
            3m57s       Normal   Started            pod/web-1         Started container nginx
            2m          Normal   Killing            pod/web-1         Stopping container nginx
            3m30s       Normal   Scheduled          pod/web-2         Successfully assigned default/web-2 to node-1
            3m29s       Normal   Pulled             pod/web-2         Container image "registry.k8s.io/nginx-slim:0.7" already present on machine
            3m29s       Normal   Created            pod/web-2         Created container nginx
            3m29s       Normal   Started            pod/web-2         Started container nginx
            2m30s       Normal   Killing            pod/web-2         Stopping container nginx
            3m29s       Normal   Scheduled          pod/web-3         Successfully assigned default/web-3 to node-1
            3m28s       Normal   Pulled             pod/web-3         Container image "registry.k8s.io/nginx-slim:0.7" already present on machine
            3m28s       Normal   Created            pod/web-3         Created container nginx
            3m28s       Normal   Started            pod/web-3         Started container nginx
            3m          Normal   Killing            pod/web-3         Stopping container nginx
            4m          Normal   SuccessfulCreate   statefulset/web   create Claim www-web-0 Pod web-0 in StatefulSet web success
            30s         Normal   SuccessfulCreate   statefulset/web   create Pod web-0 in StatefulSet web successful
            3m58s       Normal   SuccessfulCreate   statefulset/web   create Claim www-web-1 Pod web-1 in StatefulSet web success
            3m58s       Normal   SuccessfulCreate   statefulset/web   create Pod web-1 in StatefulSet web successful
            3m30s       Normal   SuccessfulCreate   statefulset/web   create Claim www-web-2 Pod web-2 in StatefulSet web success
            3m30s       Normal   SuccessfulCreate   statefulset/web   create Pod web-2 in StatefulSet web successful
            3m29s       Normal   SuccessfulCreate   statefulset/web   create Claim www-web-3 Pod web-3 in StatefulSet web success
            3m29s       Normal   SuccessfulCreate   statefulset/web   create Pod web-3 in StatefulSet web successful
            3m          Normal   SuccessfulDelete   statefulset/web   delete Pod web-3 in StatefulSet web successful
            2m30s       Normal   SuccessfulDelete   statefulset/web   delete Pod web-2 in StatefulSet web successful
            2m          Normal   SuccessfulDelete   statefulset/web   delete Pod web-1 in StatefulSet web successful
        "#]],
    );
}

/// A StatefulSet's Pod on a lost node is evicted but not replaced: its object stays
/// Terminating until the node answers (or someone force-deletes it), and two Pods never hold
/// one identity. Restored at 10 min, the kubelet finishes the deletion and `web-1` comes back.
#[test]
fn a_stateful_pod_on_a_lost_node_is_not_replaced_until_it_is_gone() {
    check(
        include_str!("../corpus/k8s-docs-examples/workloads/application/web/web.yaml"),
        "nodes: [{name: node-1}, {name: node-2}]\nhorizon: 12m\nactions:\n- {at: 60s, do: loseNode, node: node-2}\n- {at: 10m, do: restoreNode, node: node-2}\n",
        &[
            ("30s", &["kubectl get pods -o wide"]),
            ("9m", &["kubectl get pods -o wide", "kubectl get sts"]),
            ("11m", &["kubectl get pods -o wide"]),
        ],
        expect![[r#"
            --- 30s $ kubectl get pods -o wide
            NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
            web-0   1/1     Running   0          30s   10.244.0.5   node-1   <none>           <none>
            web-1   1/1     Running   0          28s   10.244.1.5   node-2   <none>           <none>
            --- 9m $ kubectl get pods -o wide
            NAME    READY   STATUS    RESTARTS   AGE     IP           NODE     NOMINATED NODE   READINESS GATES
            web-0   1/1     Running   0          9m      10.244.0.5   node-1   <none>           <none>
            web-1   1/1     Unknown   0          8m58s   10.244.1.5   node-2   <none>           <none>
            --- 9m $ kubectl get sts
            NAME   READY   AGE
            web    1/2     9m
            --- 11m $ kubectl get pods -o wide
            NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
            web-0   1/1     Running   0          11m   10.244.0.5   node-1   <none>           <none>
            web-1   1/1     Running   0          30s   10.244.1.6   node-2   <none>           <none>
        "#]],
    );
}

/// The page's story of a StatefulSet follows `web-0` through its deletion: the controller, not
/// kubectl apply, makes it again under its name.
#[test]
fn the_story_of_a_stateful_pod_goes_on_after_its_deletion() {
    let example = pod_model::playground::gallery::ALL
        .iter()
        .find(|example| example.id == "stateful-set")
        .expect("the lesson exists");
    let parsed = pod_model::parse(example.manifest);
    let workloads: Vec<_> = parsed.accepted_workloads().into_iter().cloned().collect();
    let scenario = Scenario::from_yaml(example.scenario).expect("a valid scenario");
    let lifecycle = pod_model::playground::state::lifecycle(&[], &workloads, &scenario)
        .expect("the StatefulSet makes a Pod");
    let told: Vec<String> = lifecycle
        .timeline
        .steps()
        .iter()
        .filter(|step| step.narration.contains("again"))
        .map(|step| format!("{}: {}", step.at, step.narration))
        .collect();
    expect![[r#"
        120s: Container 'nginx' exits with code 137 (Error); the API server removes pod/web-0: kubectl get pods no longer lists it. It is gone until its StatefulSet controller creates it again.
        120s: statefulset-controller on statefulset/web: create Pod web-0 in StatefulSet web successful. Its StatefulSet controller creates pod/web-0 again: a new object, with a new UID. The scheduler assigns the Pod to node-1."#]].assert_eq(&told.join("\n"));
}

/// The rollout lesson's steps from the image change on: each scaling the Deployment controller
/// does is told, and the rollout stops where the readiness probe holds it.
#[test]
fn a_held_rollouts_steps() {
    let example = pod_model::playground::gallery::ALL
        .iter()
        .find(|example| example.id == "rollout-held-by-readiness")
        .expect("the lesson exists");
    let parsed = pod_model::parse(example.manifest);
    let workloads: Vec<_> = parsed.accepted_workloads().into_iter().cloned().collect();
    let scenario = Scenario::from_yaml(example.scenario).expect("a valid scenario");
    let lifecycle = pod_model::playground::state::lifecycle(&[], &workloads, &scenario)
        .expect("the Deployment makes a Pod");
    let told: Vec<String> = lifecycle
        .timeline
        .steps()
        .iter()
        .filter(|step| step.at.as_millis() >= 30_000)
        .map(|step| format!("{}: {}", step.at, step.narration))
        .collect();
    expect![[r#"
        30s: deployment-controller on deployment/web: Scaled up replica set web-7484997777 from 0 to 1. deployment-controller on deployment/web: Scaled down replica set web-547bb9cff7 from 4 to 3. deployment-controller on deployment/web: Scaled up replica set web-7484997777 from 1 to 2. replicaset-controller on replicaset/web-547bb9cff7: Deleted pod: web-547bb9cff7-c6dks. replicaset-controller on replicaset/web-7484997777: Created pod: web-7484997777-n6nbf. replicaset-controller on replicaset/web-7484997777: Created pod: web-7484997777-4f7df.
        32s: kubelet on pod/web-7484997777-n6nbf: Warning Unhealthy: Readiness probe failed: Get "http://10.244.0.9:80/": dial tcp 10.244.0.9:80: connect: connection refused. kubelet on pod/web-7484997777-4f7df: Warning Unhealthy: Readiness probe failed: Get "http://10.244.0.10:80/": dial tcp 10.244.0.10:80: connect: connection refused."#]].assert_eq(&told.join("\n"));
}

/// `kubectl delete deployment` takes its ReplicaSet and Pods with it (the garbage collector's
/// background cascade); with `--cascade=orphan` they stay, the ReplicaSet without an owner, and
/// it still keeps its Pods.
#[test]
fn deleting_a_deployment_cascades_unless_orphaned() {
    check(
        DEPLOYMENT,
        "actions:\n- {at: 30s, do: deleteWorkload, workload: deployment/web}\n",
        &[(
            "31s",
            &["kubectl get deploy", "kubectl get rs", "kubectl get pods"],
        )],
        expect![[r#"
            --- 31s $ kubectl get deploy
            No resources found in default namespace.
            --- 31s $ kubectl get rs
            No resources found in default namespace.
            --- 31s $ kubectl get pods
            No resources found in default namespace.
        "#]],
    );
    check(
        DEPLOYMENT,
        "actions:\n- {at: 30s, do: deleteWorkload, workload: deployment/web, orphan: true}\n",
        &[(
            "31s",
            &["kubectl get deploy", "kubectl get rs", "kubectl get pods"],
        )],
        expect![[r#"
            --- 31s $ kubectl get deploy
            No resources found in default namespace.
            --- 31s $ kubectl get rs
            NAME             DESIRED   CURRENT   READY   AGE
            web-56c6c95f89   3         3         3       31s
            --- 31s $ kubectl get pods
            NAME                   READY   STATUS    RESTARTS   AGE
            web-56c6c95f89-6sx49   1/1     Running   0          31s
            web-56c6c95f89-gswqp   1/1     Running   0          31s
            web-56c6c95f89-w59vp   1/1     Running   0          31s
        "#]],
    );
    check(
        DEPLOYMENT,
        "{}",
        &[(
            "5s",
            &[
                "kubectl delete deployment web",
                "kubectl delete deploy/web --cascade=orphan",
                "kubectl delete sts/web",
                "kubectl delete deploy web --cascade=sideways",
            ],
        )],
        expect![[r#"
            --- 5s $ kubectl delete deployment web
            deployment.apps "web" deleted
            --- 5s $ kubectl delete deploy/web --cascade=orphan
            deployment.apps "web" deleted
            --- 5s $ kubectl delete sts/web
            Error from server (NotFound): statefulsets.apps "web" not found
            --- 5s $ kubectl delete deploy web --cascade=sideways
            error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan"
        "#]],
    );
}

/// `kubectl describe` of each kind, as kubectl's describers print them.
#[test]
fn describe_of_every_workload_kind() {
    check(
        DEPLOYMENT,
        "actions:\n- {at: 30s, do: setImage, workload: deployment/web, container: nginx, image: 'nginx:1.28'}\n",
        &[(
            "31s",
            &["kubectl describe deployment web", "kubectl describe rs"],
        )],
        expect![[r#"
            --- 31s $ kubectl describe deployment web
            Name:                   web
            Namespace:              default
            CreationTimestamp:      Thu, 01 Jan 2026 00:00:00 +0000
            Labels:                 <none>
            Annotations:            deployment.kubernetes.io/revision: 2
            Selector:               app=web
            Replicas:               3 desired | 1 updated | 4 total | 3 available | 1 unavailable
            StrategyType:           RollingUpdate
            MinReadySeconds:        0
            RollingUpdateStrategy:  25% max unavailable, 25% max surge
            Pod Template:
              Labels:  app=web
              Containers:
               nginx:
                Image:         nginx:1.28
                Port:          <none>
                Host Port:     <none>
                Readiness:     http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3
                Environment:   <none>
                Mounts:        <none>
              Volumes:         <none>
              Node-Selectors:  <none>
              Tolerations:     <none>
            Conditions:
              Type           Status  Reason
              ----           ------  ------
              Available      True    MinimumReplicasAvailable
              Progressing    True    ReplicaSetUpdated
            OldReplicaSets:  web-56c6c95f89 (3/3 replicas created)
            NewReplicaSet:   web-547dd44b44 (1/1 replicas created)
            Events:
              Type    Reason             Age   From                   Message
              ----    ------             ----  ----                   -------
              Normal  ScalingReplicaSet  31s   deployment-controller  Scaled up replica set web-56c6c95f89 from 0 to 3
              Normal  ScalingReplicaSet  1s    deployment-controller  Scaled up replica set web-547dd44b44 from 0 to 1
            --- 31s $ kubectl describe rs
            Name:           web-56c6c95f89
            Namespace:      default
            Selector:       app=web,pod-template-hash=56c6c95f89
            Labels:         app=web
                            pod-template-hash=56c6c95f89
            Annotations:    deployment.kubernetes.io/desired-replicas: 3
                            deployment.kubernetes.io/max-replicas: 4
                            deployment.kubernetes.io/revision: 1
            Controlled By:  Deployment/web
            Replicas:       3 current / 3 desired
            Pods Status:    3 Running / 0 Waiting / 0 Succeeded / 0 Failed
            Pod Template:
              Labels:  app=web
                       pod-template-hash=56c6c95f89
              Containers:
               nginx:
                Image:         nginx:1.27
                Port:          <none>
                Host Port:     <none>
                Readiness:     http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3
                Environment:   <none>
                Mounts:        <none>
              Volumes:         <none>
              Node-Selectors:  <none>
              Tolerations:     <none>
            Events:
              Type    Reason            Age   From                   Message
              ----    ------            ----  ----                   -------
              Normal  SuccessfulCreate  31s   replicaset-controller  Created pod: web-56c6c95f89-gswqp
              Normal  SuccessfulCreate  31s   replicaset-controller  Created pod: web-56c6c95f89-6sx49
              Normal  SuccessfulCreate  31s   replicaset-controller  Created pod: web-56c6c95f89-w59vp


            Name:           web-547dd44b44
            Namespace:      default
            Selector:       app=web,pod-template-hash=547dd44b44
            Labels:         app=web
                            pod-template-hash=547dd44b44
            Annotations:    deployment.kubernetes.io/desired-replicas: 3
                            deployment.kubernetes.io/max-replicas: 4
                            deployment.kubernetes.io/revision: 2
            Controlled By:  Deployment/web
            Replicas:       1 current / 1 desired
            Pods Status:    0 Running / 1 Waiting / 0 Succeeded / 0 Failed
            Pod Template:
              Labels:  app=web
                       pod-template-hash=547dd44b44
              Containers:
               nginx:
                Image:         nginx:1.28
                Port:          <none>
                Host Port:     <none>
                Readiness:     http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3
                Environment:   <none>
                Mounts:        <none>
              Volumes:         <none>
              Node-Selectors:  <none>
              Tolerations:     <none>
            Events:
              Type    Reason            Age   From                   Message
              ----    ------            ----  ----                   -------
              Normal  SuccessfulCreate  1s    replicaset-controller  Created pod: web-547dd44b44-jgnc5
        "#]],
    );
    check(
        FAILING_JOB,
        "{}",
        &[("60s", &["kubectl describe jobs/flaky"])],
        expect![[r#"
            --- 60s $ kubectl describe jobs/flaky
            Name:             flaky
            Namespace:        default
            Selector:         batch.kubernetes.io/controller-uid=99d4ba2b-12da-7c5d-7456-25b4f8bb33a9
            Labels:           <none>
            Annotations:      <none>
            Parallelism:      1
            Completions:      1
            Completion Mode:  NonIndexed
            Suspend:          false
            Backoff Limit:    2
            Start Time:       Thu, 01 Jan 2026 00:00:00 +0000
            Pods Statuses:    0 Active (0 Ready) / 0 Succeeded / 3 Failed
            Pod Template:
              Labels:  batch.kubernetes.io/controller-uid=99d4ba2b-12da-7c5d-7456-25b4f8bb33a9
                       batch.kubernetes.io/job-name=flaky
                       controller-uid=99d4ba2b-12da-7c5d-7456-25b4f8bb33a9
                       job-name=flaky
              Containers:
               work:
                Image:      busybox:1.36
                Port:       <none>
                Host Port:  <none>
                Command:
                  sh
                  -c
                  echo working; exit 1
                Environment:   <none>
                Mounts:        <none>
              Volumes:         <none>
              Node-Selectors:  <none>
              Tolerations:     <none>
            Events:
              Type     Reason                Age   From            Message
              ----     ------                ----  ----            -------
              Normal   SuccessfulCreate      60s   job-controller  Created pod: flaky-nxfkv
              Normal   SuccessfulCreate      48s   job-controller  Created pod: flaky-t5tkq
              Normal   SuccessfulCreate      27s   job-controller  Created pod: flaky-rdh46
              Warning  BackoffLimitExceeded  26s   job-controller  Job has reached the specified backoff limit
        "#]],
    );
    check(
        include_str!("../corpus/k8s-docs-examples/workloads/application/web/web.yaml"),
        "{}",
        &[("30s", &["kubectl describe sts web"])],
        expect![[r#"
            --- 30s $ kubectl describe sts web
            Name:               web
            Namespace:          default
            CreationTimestamp:  Thu, 01 Jan 2026 00:00:00 +0000
            Selector:           app=nginx
            Labels:             <none>
            Annotations:        <none>
            Replicas:           2 desired | 2 total
            Update Strategy:    RollingUpdate
              Partition:        0
            Pods Status:        2 Running / 0 Waiting / 0 Succeeded / 0 Failed
            Pod Template:
              Labels:  app=nginx
              Containers:
               nginx:
                Image:        registry.k8s.io/nginx-slim:0.7
                Port:         80/TCP (web)
                Host Port:    0/TCP (web)
                Environment:  <none>
                Mounts:
                  /usr/share/nginx/html from www (rw)
              Volumes:         <none>
              Node-Selectors:  <none>
              Tolerations:     <none>
            Volume Claims:
              Name:          www
              StorageClass:  
              Labels:        <none>
              Annotations:   <none>
              Capacity:      1Gi
              Access Modes:  [ReadWriteOnce]
            Events:
              Type    Reason            Age   From                    Message
              ----    ------            ----  ----                    -------
              Normal  SuccessfulCreate  30s   statefulset-controller  create Claim www-web-0 Pod web-0 in StatefulSet web success
              Normal  SuccessfulCreate  30s   statefulset-controller  create Pod web-0 in StatefulSet web successful
              Normal  SuccessfulCreate  28s   statefulset-controller  create Claim www-web-1 Pod web-1 in StatefulSet web success
              Normal  SuccessfulCreate  28s   statefulset-controller  create Pod web-1 in StatefulSet web successful
        "#]],
    );
    check(
        DAEMON_SET,
        "{}",
        &[("30s", &["kubectl describe ds"])],
        expect![[r#"
            --- 30s $ kubectl describe ds
            Name:           node-agent
            Namespace:      default
            Selector:       app=node-agent
            Node-Selector:  <none>
            Labels:         <none>
            Annotations:    <none>
            Desired Number of Nodes Scheduled: 1
            Current Number of Nodes Scheduled: 1
            Number of Nodes Scheduled with Up-to-date Pods: 1
            Number of Nodes Scheduled with Available Pods: 1
            Number of Nodes Misscheduled: 0
            Pods Status:  1 Running / 0 Waiting / 0 Succeeded / 0 Failed
            Pod Template:
              Labels:  app=node-agent
              Containers:
               agent:
                Image:      busybox:1.36
                Port:       <none>
                Host Port:  <none>
                Command:
                  sh
                  -c
                  echo watching $(hostname); sleep 3600
                Environment:   <none>
                Mounts:        <none>
              Volumes:         <none>
              Node-Selectors:  <none>
              Tolerations:     <none>
            Events:
              Type    Reason            Age   From                  Message
              ----    ------            ----  ----                  -------
              Normal  SuccessfulCreate  30s   daemonset-controller  Created pod: node-agent-hcrxw
        "#]],
    );
    check(
        CRON_JOB,
        "{}",
        &[(
            "65s",
            &[
                "kubectl describe cronjob hello",
                "kubectl describe cj nothing",
            ],
        )],
        expect![[r#"
            --- 65s $ kubectl describe cronjob hello
            Name:                          hello
            Namespace:                     default
            Labels:                        <none>
            Annotations:                   <none>
            Schedule:                      * * * * *
            Concurrency Policy:            Allow
            Suspend:                       False
            Time Zone:                     <unset>
            Successful Job History Limit:  3
            Failed Job History Limit:      1
            Starting Deadline Seconds:     <unset>
            Selector:                      <unset>
            Parallelism:                   1
            Completions:                   1
            Pod Template:
              Labels:  <none>
              Containers:
               hello:
                Image:      busybox:1.28
                Port:       <none>
                Host Port:  <none>
                Command:
                  /bin/sh
                  -c
                  date; echo Hello from the Kubernetes cluster
                Environment:     <none>
                Mounts:          <none>
              Volumes:           <none>
              Node-Selectors:    <none>
              Tolerations:       <none>
            Last Schedule Time:  Thu, 01 Jan 2026 00:01:00 +0000
            Active Jobs:         <none>
            Events:
              Type    Reason            Age   From                Message
              ----    ------            ----  ----                -------
              Normal  SuccessfulCreate  4s    cronjob-controller  Created job hello-29453761
              Normal  SawCompletedJob   2s    cronjob-controller  Saw completed job: hello-29453761, condition: Complete
            --- 65s $ kubectl describe cj nothing
            Error from server (NotFound): cronjobs.batch "nothing" not found
        "#]],
    );
}

/// `kubectl get nodes` follows a node's loss and return: NotReady while it is silent, Ready
/// again once restored; a node that joins appears with its own age; ROLES from its labels.
#[test]
fn get_nodes_follows_their_health() {
    check(
        DEPLOYMENT,
        "nodes:\n- {name: control-plane, labels: {node-role.kubernetes.io/control-plane: ''}}\n- {name: node-1}\nhorizon: 10m\nactions:\n- {at: 60s, do: loseNode, node: node-1}\n- {at: 3m, do: addNode, node: {name: node-2}}\n- {at: 5m, do: restoreNode, node: node-1}\n",
        &[
            ("30s", &["kubectl get nodes -o wide"]),
            ("2m", &["kubectl get no"]),
            ("4m", &["kubectl get nodes", "kubectl get node node-9"]),
            ("6m", &["kubectl get nodes node-1"]),
        ],
        expect![[r#"
            --- 30s $ kubectl get nodes -o wide
            NAME            STATUS   ROLES           AGE   VERSION   INTERNAL-IP    EXTERNAL-IP   OS-IMAGE    KERNEL-VERSION   CONTAINER-RUNTIME
            control-plane   Ready    control-plane   30s   v1.34.0   192.168.49.2   <none>        <unknown>   <unknown>        <unknown>
            node-1          Ready    <none>          30s   v1.34.0   192.168.49.3   <none>        <unknown>   <unknown>        <unknown>
            --- 2m $ kubectl get no
            NAME            STATUS     ROLES           AGE   VERSION
            control-plane   Ready      control-plane   2m    v1.34.0
            node-1          NotReady   <none>          2m    v1.34.0
            --- 4m $ kubectl get nodes
            NAME            STATUS     ROLES           AGE   VERSION
            control-plane   Ready      control-plane   4m    v1.34.0
            node-1          NotReady   <none>          4m    v1.34.0
            node-2          Ready      <none>          60s   v1.34.0
            --- 4m $ kubectl get node node-9
            Error from server (NotFound): nodes "node-9" not found
            --- 6m $ kubectl get nodes node-1
            NAME     STATUS   ROLES    AGE   VERSION
            node-1   Ready    <none>   6m    v1.34.0
        "#]],
    );
}

/// `kubectl rollout history|undo|restart|pause|resume`: an image change is revision 2; undo
/// brings revision 1's template back as revision 3 (its ReplicaSet scaled up again); restart is
/// revision 4; a change while paused waits for resume.
#[test]
fn rollout_history_undo_restart_pause_and_resume() {
    check(
        DEPLOYMENT,
        "horizon: 10m\nactions:\n- {at: 30s, do: setImage, workload: deployment/web, container: nginx, image: 'nginx:1.28'}\n- {at: 60s, do: rolloutUndo, workload: deployment/web}\n- {at: 90s, do: rolloutRestart, workload: deployment/web}\n- {at: 2m, do: rolloutPause, workload: deployment/web}\n- {at: 2m10s, do: setImage, workload: deployment/web, container: nginx, image: 'nginx:1.29'}\n- {at: 3m, do: rolloutResume, workload: deployment/web}\n",
        &[
            (
                "20s",
                &[
                    "kubectl rollout history deployment/web",
                    "kubectl rollout undo deployment/web",
                ],
            ),
            (
                "50s",
                &[
                    "kubectl rollout history deploy/web",
                    "kubectl get rs",
                    "kubectl rollout undo deploy/web --to-revision=7",
                ],
            ),
            (
                "80s",
                &["kubectl rollout history deploy/web", "kubectl get rs"],
            ),
            (
                "110s",
                &["kubectl get rs", "kubectl rollout resume deploy/web"],
            ),
            (
                "2m40s",
                &[
                    "kubectl get rs",
                    "kubectl rollout pause deploy/web",
                    "kubectl rollout restart deploy/web",
                ],
            ),
            (
                "3m30s",
                &["kubectl get rs", "kubectl rollout history deploy/web"],
            ),
        ],
        expect![[r#"
            --- 20s $ kubectl rollout history deployment/web
            deployment.apps/web 
            REVISION  CHANGE-CAUSE
            1         <none>

            --- 20s $ kubectl rollout undo deployment/web
            error: no rollout history found for deployment "web"
            --- 50s $ kubectl rollout history deploy/web
            deployment.apps/web 
            REVISION  CHANGE-CAUSE
            1         <none>
            2         <none>

            --- 50s $ kubectl get rs
            NAME             DESIRED   CURRENT   READY   AGE
            web-547dd44b44   3         3         3       20s
            web-56c6c95f89   0         0         0       50s
            --- 50s $ kubectl rollout undo deploy/web --to-revision=7
            error: unable to find specified revision 7 in history
            --- 80s $ kubectl rollout history deploy/web
            deployment.apps/web 
            REVISION  CHANGE-CAUSE
            2         <none>
            3         <none>

            --- 80s $ kubectl get rs
            NAME             DESIRED   CURRENT   READY   AGE
            web-547dd44b44   0         0         0       50s
            web-56c6c95f89   3         3         3       80s
            --- 110s $ kubectl get rs
            NAME             DESIRED   CURRENT   READY   AGE
            web-547dd44b44   0         0         0       80s
            web-56c6c95f89   0         0         0       110s
            web-699855b755   3         3         3       20s
            --- 110s $ kubectl rollout resume deploy/web
            error: deployments.apps "web" is not paused
            --- 2m40s $ kubectl get rs
            NAME             DESIRED   CURRENT   READY   AGE
            web-547dd44b44   0         0         0       2m10s
            web-56c6c95f89   0         0         0       2m40s
            web-699855b755   3         3         3       70s
            --- 2m40s $ kubectl rollout pause deploy/web
            error: deployments.apps "web" is already paused
            --- 2m40s $ kubectl rollout restart deploy/web
            error: deployments.apps "web" can't restart paused deployment (run rollout resume first)
            --- 3m30s $ kubectl get rs
            NAME             DESIRED   CURRENT   READY   AGE
            web-547dd44b44   0         0         0       3m
            web-55cb9fbc7    3         3         3       30s
            web-56c6c95f89   0         0         0       3m30s
            web-699855b755   0         0         0       2m
            --- 3m30s $ kubectl rollout history deploy/web
            deployment.apps/web 
            REVISION  CHANGE-CAUSE
            2         <none>
            3         <none>
            4         <none>
            5         <none>

        "#]],
    );
}

/// An Indexed Job (the docs' indexed-job.yaml, content/en/examples/application/job/): Pods named
/// `<job>-<index>-<5 chars>` with their index as annotation, label, hostname and
/// `JOB_COMPLETION_INDEX`; the Job completes once each index succeeded once.
#[test]
fn an_indexed_job_runs_each_index() {
    check(
        include_str!("../corpus/k8s-docs-examples/workloads/application/job/indexed-job.yaml"),
        "horizon: 5m",
        &[
            ("5s", &["kubectl get pods"]),
            ("3m", &["kubectl get jobs", "kubectl get pods"]),
        ],
        expect![[r#"
            --- 5s $ kubectl get pods
            NAME                  READY   STATUS     RESTARTS   AGE
            indexed-job-0-4ptdh   0/1     Init:0/1   0          5s
            indexed-job-1-87nh7   0/1     Init:0/1   0          5s
            indexed-job-2-ll4bm   0/1     Init:0/1   0          5s
            --- 3m $ kubectl get jobs
            NAME          STATUS    COMPLETIONS   DURATION   AGE
            indexed-job   Running   0/5           3m         3m
            --- 3m $ kubectl get pods
            NAME                  READY   STATUS     RESTARTS   AGE
            indexed-job-0-4ptdh   0/1     Init:0/1   0          3m
            indexed-job-1-87nh7   0/1     Init:0/1   0          3m
            indexed-job-2-ll4bm   0/1     Init:0/1   0          3m
        "#]],
    );
}

/// A StatefulSet's claims (`<claim>-<set>-<ordinal>`), bound to volumes the default
/// StorageClass provisions; they outlive a scale-down (the retention policy's default, Retain).
#[test]
fn a_stateful_sets_claims() {
    check(
        include_str!("../corpus/k8s-docs-examples/workloads/application/web/web.yaml"),
        "actions:\n- {at: 30s, do: scale, workload: statefulset/web, replicas: 1}\n",
        &[
            ("20s", &["kubectl get pvc -o wide"]),
            (
                "90s",
                &[
                    "kubectl get pods",
                    "kubectl get persistentvolumeclaims www-web-1",
                    "kubectl get pvc nothing",
                ],
            ),
        ],
        expect![[r#"
            --- 20s $ kubectl get pvc -o wide
            NAME        STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE   VOLUMEMODE
            www-web-0   Bound    pvc-02716266-1006-3eee-c4cc-200c7ddc04e2   1Gi        RWO            standard       <unset>                 20s   Filesystem
            www-web-1   Bound    pvc-02716366-1006-40a1-c6cc-200c814204e2   1Gi        RWO            standard       <unset>                 18s   Filesystem
            --- 90s $ kubectl get pods
            NAME    READY   STATUS    RESTARTS   AGE
            web-0   1/1     Running   0          90s
            --- 90s $ kubectl get persistentvolumeclaims www-web-1
            NAME        STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
            www-web-1   Bound    pvc-02716366-1006-40a1-c6cc-200c814204e2   1Gi        RWO            standard       <unset>                 88s
            --- 90s $ kubectl get pvc nothing
            Error from server (NotFound): persistentvolumeclaims "nothing" not found
        "#]],
    );
}

/// `kubectl get all`, and the list flags `-l` and `--show-labels` over every kind listed (the
/// Deployment docs: `kubectl get pods --show-labels`; the labels docs: `-l 'env in (…)'`).
#[test]
fn get_all_and_the_list_flags() {
    let manifest = format!(
        "{DEPLOYMENT}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\n  labels: {{app: tools, env: qa}}\nspec:\n  containers: [{{name: box, image: busybox:1.36, command: [sleep, '3600']}}]\n"
    );
    check(
        &manifest,
        "{nodes: [{name: node-1, labels: {disktype: ssd}}, {name: node-2}]}",
        &[(
            "1m",
            &[
                "kubectl get all",
                "kubectl get all -o wide --show-labels",
                "kubectl get pods --show-labels",
                "kubectl get pods -l app=web",
                "kubectl get pods -l 'app in (tools, db),env' -o name",
                "kubectl get pods --selector=app!=web",
                "kubectl get deploy,rs -l app=web",
                "kubectl get rs -l app=web --show-labels",
                "kubectl get deploy -l app=db",
                "kubectl get nodes -l disktype=ssd --show-labels",
                "kubectl get pods -l 'app in (web'",
                "kubectl get pods debug -l app=web",
            ],
        )],
        expect![[r#"
            --- 1m $ kubectl get all
            NAME                       READY   STATUS    RESTARTS   AGE
            pod/debug                  1/1     Running   0          60s
            pod/web-56c6c95f89-6sx49   1/1     Running   0          60s
            pod/web-56c6c95f89-gswqp   1/1     Running   0          60s
            pod/web-56c6c95f89-w59vp   1/1     Running   0          60s

            NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
            deployment.apps/web   3/3     3            3           60s

            NAME                             DESIRED   CURRENT   READY   AGE
            replicaset.apps/web-56c6c95f89   3         3         3       60s
            --- 1m $ kubectl get all -o wide --show-labels
            NAME                       READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES   LABELS
            pod/debug                  1/1     Running   0          60s   10.244.0.5   node-1   <none>           <none>            app=tools,env=qa
            pod/web-56c6c95f89-6sx49   1/1     Running   0          60s   10.244.0.6   node-1   <none>           <none>            app=web,pod-template-hash=56c6c95f89
            pod/web-56c6c95f89-gswqp   1/1     Running   0          60s   10.244.1.5   node-2   <none>           <none>            app=web,pod-template-hash=56c6c95f89
            pod/web-56c6c95f89-w59vp   1/1     Running   0          60s   10.244.1.6   node-2   <none>           <none>            app=web,pod-template-hash=56c6c95f89

            NAME                  READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR   LABELS
            deployment.apps/web   3/3     3            3           60s   nginx        nginx:1.27   app=web    <none>

            NAME                             DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR                               LABELS
            replicaset.apps/web-56c6c95f89   3         3         3       60s   nginx        nginx:1.27   app=web,pod-template-hash=56c6c95f89   app=web,pod-template-hash=56c6c95f89
            --- 1m $ kubectl get pods --show-labels
            NAME                   READY   STATUS    RESTARTS   AGE   LABELS
            debug                  1/1     Running   0          60s   app=tools,env=qa
            web-56c6c95f89-6sx49   1/1     Running   0          60s   app=web,pod-template-hash=56c6c95f89
            web-56c6c95f89-gswqp   1/1     Running   0          60s   app=web,pod-template-hash=56c6c95f89
            web-56c6c95f89-w59vp   1/1     Running   0          60s   app=web,pod-template-hash=56c6c95f89
            --- 1m $ kubectl get pods -l app=web
            NAME                   READY   STATUS    RESTARTS   AGE
            web-56c6c95f89-6sx49   1/1     Running   0          60s
            web-56c6c95f89-gswqp   1/1     Running   0          60s
            web-56c6c95f89-w59vp   1/1     Running   0          60s
            --- 1m $ kubectl get pods -l 'app in (tools, db),env' -o name
            pod/debug
            --- 1m $ kubectl get pods --selector=app!=web
            NAME    READY   STATUS    RESTARTS   AGE
            debug   1/1     Running   0          60s
            --- 1m $ kubectl get deploy,rs -l app=web
            NAME                             DESIRED   CURRENT   READY   AGE
            replicaset.apps/web-56c6c95f89   3         3         3       60s
            --- 1m $ kubectl get rs -l app=web --show-labels
            NAME             DESIRED   CURRENT   READY   AGE   LABELS
            web-56c6c95f89   3         3         3       60s   app=web,pod-template-hash=56c6c95f89
            --- 1m $ kubectl get deploy -l app=db
            No resources found in default namespace.
            --- 1m $ kubectl get nodes -l disktype=ssd --show-labels
            NAME     STATUS   ROLES    AGE   VERSION   LABELS
            node-1   Ready    <none>   60s   v1.34.0   disktype=ssd,kubernetes.io/arch=amd64,kubernetes.io/hostname=node-1,kubernetes.io/os=linux
            --- 1m $ kubectl get pods -l 'app in (web'
            Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "app in (web", field selector "": unable to parse requirement: found '', expected: ',' or ')'
            --- 1m $ kubectl get pods debug -l app=web
            error: name cannot be provided when a selector is specified
        "#]],
    );
}

/// `kubectl describe node` as the kubelet and the node lifecycle controller leave a Node: healthy
/// with the Pods bound to it and what they ask; then silent, its conditions `Unknown` since the
/// grace period ran out, its last heartbeat and lease renewal from before, the unreachable
/// taints, and the controller's Event (also in `kubectl get events`).
#[test]
fn describe_node_follows_its_health() {
    let manifest = "\
apiVersion: v1
kind: Pod
metadata:
  name: naked-pod
spec:
  containers:
  - name: web
    image: nginx:1.27
    resources:
      requests: {cpu: 250m, memory: 64Mi}
      limits: {cpu: 500m, memory: 128Mi}
";
    check(
        manifest,
        "{nodes: [{name: node-1}, {name: node-2}], actions: [{at: 6m, do: loseNode, node: node-1}]}",
        &[
            ("5m30s", &["kubectl describe node node-1"]),
            ("8m", &["kubectl describe no/node-1", "kubectl get events"]),
            ("8m", &["kubectl describe node node-9"]),
        ],
        expect![[r#"
            --- 5m30s $ kubectl describe node node-1
            Name:               node-1
            Roles:              <none>
            Labels:             kubernetes.io/arch=amd64
                                kubernetes.io/hostname=node-1
                                kubernetes.io/os=linux
            Annotations:        node.alpha.kubernetes.io/ttl: 0
                                volumes.kubernetes.io/controller-managed-attach-detach: true
            CreationTimestamp:  Thu, 01 Jan 2026 00:00:00 +0000
            Taints:             <none>
            Unschedulable:      false
            Lease:
              HolderIdentity:  node-1
              AcquireTime:     <unset>
              RenewTime:       Thu, 01 Jan 2026 00:05:30 +0000
            Conditions:
              Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
              ----             ------  -----------------                 ------------------                ------                       -------
              MemoryPressure   False   Thu, 01 Jan 2026 00:05:00 +0000   Thu, 01 Jan 2026 00:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
              DiskPressure     False   Thu, 01 Jan 2026 00:05:00 +0000   Thu, 01 Jan 2026 00:00:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure
              PIDPressure      False   Thu, 01 Jan 2026 00:05:00 +0000   Thu, 01 Jan 2026 00:00:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available
              Ready            True    Thu, 01 Jan 2026 00:05:00 +0000   Thu, 01 Jan 2026 00:00:00 +0000   KubeletReady                 kubelet is posting ready status
            Addresses:
              InternalIP:  192.168.49.2
              Hostname:    node-1
            Capacity:
              cpu:     2
              memory:  4196Mi
              pods:    110
            Allocatable:
              cpu:     2
              memory:  4Gi
              pods:    110
            System Info:
              Machine ID:                 
              System UUID:                
              Boot ID:                    
              Kernel Version:             
              OS Image:                   
              Operating System:           linux
              Architecture:               amd64
              Container Runtime Version:  
              Kubelet Version:            v1.34.0
            PodCIDR:                      10.244.0.0/24
            PodCIDRs:                     10.244.0.0/24
            Non-terminated Pods:          (1 in total)
              Namespace                   Name         CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
              ---------                   ----         ------------  ----------  ---------------  -------------  ---
              default                     naked-pod    250m (12%)    500m (25%)  64Mi (1%)        128Mi (3%)     5m30s
            Allocated resources:
              (Total limits may be over 100 percent, i.e., overcommitted.)
              Resource           Requests    Limits
              --------           --------    ------
              cpu                250m (12%)  500m (25%)
              memory             64Mi (1%)   128Mi (3%)
              ephemeral-storage  0 (0%)      0 (0%)
            Events:              <none>
            --- 8m $ kubectl describe no/node-1
            Name:               node-1
            Roles:              <none>
            Labels:             kubernetes.io/arch=amd64
                                kubernetes.io/hostname=node-1
                                kubernetes.io/os=linux
            Annotations:        node.alpha.kubernetes.io/ttl: 0
                                volumes.kubernetes.io/controller-managed-attach-detach: true
            CreationTimestamp:  Thu, 01 Jan 2026 00:00:00 +0000
            Taints:             node.kubernetes.io/unreachable:NoExecute
                                node.kubernetes.io/unreachable:NoSchedule
            Unschedulable:      false
            Lease:
              HolderIdentity:  node-1
              AcquireTime:     <unset>
              RenewTime:       Thu, 01 Jan 2026 00:06:00 +0000
            Conditions:
              Type             Status    LastHeartbeatTime                 LastTransitionTime                Reason              Message
              ----             ------    -----------------                 ------------------                ------              -------
              MemoryPressure   Unknown   Thu, 01 Jan 2026 00:05:00 +0000   Thu, 01 Jan 2026 00:06:50 +0000   NodeStatusUnknown   Kubelet stopped posting node status.
              DiskPressure     Unknown   Thu, 01 Jan 2026 00:05:00 +0000   Thu, 01 Jan 2026 00:06:50 +0000   NodeStatusUnknown   Kubelet stopped posting node status.
              PIDPressure      Unknown   Thu, 01 Jan 2026 00:05:00 +0000   Thu, 01 Jan 2026 00:06:50 +0000   NodeStatusUnknown   Kubelet stopped posting node status.
              Ready            Unknown   Thu, 01 Jan 2026 00:05:00 +0000   Thu, 01 Jan 2026 00:06:50 +0000   NodeStatusUnknown   Kubelet stopped posting node status.
            Addresses:
              InternalIP:  192.168.49.2
              Hostname:    node-1
            Capacity:
              cpu:     2
              memory:  4196Mi
              pods:    110
            Allocatable:
              cpu:     2
              memory:  4Gi
              pods:    110
            System Info:
              Machine ID:                 
              System UUID:                
              Boot ID:                    
              Kernel Version:             
              OS Image:                   
              Operating System:           linux
              Architecture:               amd64
              Container Runtime Version:  
              Kubelet Version:            v1.34.0
            PodCIDR:                      10.244.0.0/24
            PodCIDRs:                     10.244.0.0/24
            Non-terminated Pods:          (1 in total)
              Namespace                   Name         CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
              ---------                   ----         ------------  ----------  ---------------  -------------  ---
              default                     naked-pod    250m (12%)    500m (25%)  64Mi (1%)        128Mi (3%)     8m
            Allocated resources:
              (Total limits may be over 100 percent, i.e., overcommitted.)
              Resource           Requests    Limits
              --------           --------    ------
              cpu                250m (12%)  500m (25%)
              memory             64Mi (1%)   128Mi (3%)
              ephemeral-storage  0 (0%)      0 (0%)
            Events:
              Type    Reason        Age   From             Message
              ----    ------        ----  ----             -------
              Normal  NodeNotReady  70s   node-controller  Node node-1 status is now: NodeNotReady
            --- 8m $ kubectl get events
            LAST SEEN   TYPE      REASON         OBJECT          MESSAGE
            8m          Normal    Scheduled      pod/naked-pod   Successfully assigned default/naked-pod to node-1
            7m59s       Normal    Pulling        pod/naked-pod   Pulling image "nginx:1.27"
            7m58s       Normal    Pulled         pod/naked-pod   Successfully pulled image "nginx:1.27" in 1s (1s including waiting)
            7m58s       Normal    Created        pod/naked-pod   Created container web
            7m58s       Normal    Started        pod/naked-pod   Started container web
            70s         Warning   NodeNotReady   pod/naked-pod   Node is not ready
            70s         Normal    NodeNotReady   node/node-1     Node node-1 status is now: NodeNotReady
            --- 8m $ kubectl describe node node-9
            Error from server (NotFound): nodes "node-9" not found
        "#]],
    );
}

/// `kubectl describe pvc` of a StatefulSet's claims (the docs' web.yaml: the Service, then the
/// set), bound at once by the default StorageClass and used by their Pods; then `kubectl delete
/// -f -` of the same file takes the set and its Pods (the claims stay, as upstream keeps them)
/// and says what it could not find.
#[test]
fn describe_pvc_and_delete_the_manifest() {
    let manifest = include_str!("../corpus/k8s-docs-examples/workloads/application/web/web.yaml");
    check(
        manifest,
        "{actions: [{at: 2m, do: deleteManifest}]}",
        &[
            (
                "1m",
                &[
                    "kubectl describe pvc www-web-1",
                    "kubectl describe pvc nope",
                ],
            ),
            ("1m", &["kubectl delete -f -"]),
            (
                "2m30s",
                &[
                    "kubectl get statefulsets,pods",
                    "kubectl get pvc",
                    "kubectl delete -f -",
                ],
            ),
        ],
        expect![[r#"
            --- 1m $ kubectl describe pvc www-web-1
            Name:          www-web-1
            Namespace:     default
            StorageClass:  standard
            Status:        Bound
            Volume:        pvc-02716366-1006-40a1-c6cc-200c814204e2
            Labels:        app=nginx
            Annotations:   pv.kubernetes.io/bind-completed: yes
                           pv.kubernetes.io/bound-by-controller: yes
                           volume.beta.kubernetes.io/storage-provisioner: k8s.io/minikube-hostpath
                           volume.kubernetes.io/storage-provisioner: k8s.io/minikube-hostpath
            Finalizers:    [kubernetes.io/pvc-protection]
            Capacity:      1Gi
            Access Modes:  RWO
            VolumeMode:    Filesystem
            Used By:       web-1
            Events:        <none>
            --- 1m $ kubectl describe pvc nope
            Error from server (NotFound): persistentvolumeclaims "nope" not found
            --- 1m $ kubectl delete -f -
            statefulset.apps "web" deleted
            --- 2m30s $ kubectl get statefulsets,pods
            No resources found in default namespace.
            --- 2m30s $ kubectl get pvc
            NAME        STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
            www-web-0   Bound    pvc-02716266-1006-3eee-c4cc-200c7ddc04e2   1Gi        RWO            standard       <unset>                 2m30s
            www-web-1   Bound    pvc-02716366-1006-40a1-c6cc-200c814204e2   1Gi        RWO            standard       <unset>                 2m28s
            --- 2m30s $ kubectl delete -f -
            Error from server (NotFound): error when deleting "STDIN": statefulsets.apps "web" not found
        "#]],
    );
}

/// A scenario whose action at `at` applies `text` (an edit made in the editor then).
fn applying(at: &str, text: &str) -> String {
    let mut scenario = Scenario::from_yaml(&format!(
        "horizon: 5m\nactions: [{{at: {at}, do: applyPod}}]"
    ))
    .expect("a valid scenario");
    scenario.actions[0].what = pod_model::cluster::scenario::What::Apply {
        manifest: text.to_owned(),
    };
    scenario.to_json()
}

#[test]
fn an_edited_deployment_applied_later_rolls_out_and_scales() {
    let edited = DEPLOYMENT
        .replace("nginx:1.27", "nginx:1.28")
        .replace("replicas: 3", "replicas: 2");
    check(
        DEPLOYMENT,
        &applying("60s", &edited),
        &[
            (
                "60s",
                &[
                    "kubectl get deploy,rs",
                    "kubectl rollout history deployment/web",
                ],
            ),
            ("3m", &["kubectl get rs -o wide", "kubectl get pods"]),
        ],
        expect![[r#"
            --- 60s $ kubectl get deploy,rs
            NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
            deployment.apps/web   2/2     1            2           60s

            NAME                             DESIRED   CURRENT   READY   AGE
            replicaset.apps/web-547dd44b44   1         1         0       0s
            replicaset.apps/web-56c6c95f89   2         2         2       60s
            --- 60s $ kubectl rollout history deployment/web
            deployment.apps/web 
            REVISION  CHANGE-CAUSE
            1         <none>
            2         <none>

            --- 3m $ kubectl get rs -o wide
            NAME             DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR
            web-547dd44b44   2         2         2       2m    nginx        nginx:1.28   app=web,pod-template-hash=547dd44b44
            web-56c6c95f89   0         0         0       3m    nginx        nginx:1.27   app=web,pod-template-hash=56c6c95f89
            --- 3m $ kubectl get pods
            NAME                   READY   STATUS    RESTARTS   AGE
            web-547dd44b44-jgnc5   1/1     Running   0          2m
            web-547dd44b44-n64lq   1/1     Running   0          118s
        "#]],
    );
    let lifecycle = pod_model::playground::state::lifecycle(
        &[],
        &pod_model::parse(DEPLOYMENT)
            .accepted_workloads()
            .into_iter()
            .cloned()
            .collect::<Vec<_>>(),
        &Scenario::from_yaml(&applying("60s", &edited)).unwrap(),
    )
    .expect("the Deployment makes Pods");
    let told: Vec<&str> = lifecycle
        .timeline
        .steps()
        .iter()
        .map(|step| step.narration.as_str())
        .filter(|narration| narration.contains("kubectl apply"))
        .collect();
    expect![[r#"
        [
            "kubectl apply -f - (the edited manifest): deployment.apps/web configured. deployment-controller on deployment/web: Scaled down replica set web-56c6c95f89 from 3 to 2. deployment-controller on deployment/web: Scaled up replica set web-547dd44b44 from 0 to 1. replicaset-controller on replicaset/web-56c6c95f89: Deleted pod: web-56c6c95f89-w59vp. replicaset-controller on replicaset/web-547dd44b44: Created pod: web-547dd44b44-jgnc5.",
        ]
    "#]].assert_debug_eq(&told);
}

const NAKED: &str = "\
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    ports: [{containerPort: 80}]
";

#[test]
fn an_edited_pods_new_image_restarts_its_container_and_other_changes_are_refused() {
    check(
        NAKED,
        &applying("60s", &NAKED.replace("nginx:1.27", "nginx:1.28")),
        &[
            ("59s", &["kubectl get pods"]),
            ("60s", &["kubectl get pods"]),
            (
                "90s",
                &[
                    "kubectl get pods",
                    "kubectl describe pod web",
                    "kubectl get pod web -o jsonpath={.status.containerStatuses[0].image}",
                ],
            ),
        ],
        expect![[r#"
            --- 59s $ kubectl get pods
            NAME   READY   STATUS    RESTARTS   AGE
            web    1/1     Running   0          59s
            --- 60s $ kubectl get pods
            NAME   READY   STATUS    RESTARTS   AGE
            web    1/1     Running   0          60s
            --- 90s $ kubectl get pods
            NAME   READY   STATUS    RESTARTS      AGE
            web    1/1     Running   1 (30s ago)   90s
            --- 90s $ kubectl describe pod web
            Name:             web
            Namespace:        default
            Priority:         0
            Service Account:  default
            Node:             node-1/192.168.49.2
            Start Time:       Thu, 01 Jan 2026 00:00:01 +0000
            Labels:           <none>
            Annotations:      <none>
            Status:           Running
            IP:               10.244.0.5
            IPs:
              IP:  10.244.0.5
            Containers:
              nginx:
                Container ID:   containerd://d2dced82697cc9cdd2dced82697cc9cdd2dced82697cc9cdd2dced82697cc9cd
                Image:          nginx:1.28
                Image ID:       docker.io/library/nginx@sha256:da846a33ae6568813dc9ddd0acd789101f604c973bfcbe17bda960c85e7c1cae
                Port:           80/TCP
                Host Port:      0/TCP
                State:          Running
                  Started:      Thu, 01 Jan 2026 00:01:01 +0000
                Last State:     Terminated
                  Reason:       Completed
                  Exit Code:    0
                  Started:      Thu, 01 Jan 2026 00:00:02 +0000
                  Finished:     Thu, 01 Jan 2026 00:01:00 +0000
                Ready:          True
                Restart Count:  1
                Environment:    <none>
                Mounts:         <none>
            Conditions:
              Type                        Status
              PodReadyToStartContainers   True 
              Initialized                 True 
              Ready                       True 
              ContainersReady             True 
              PodScheduled                True 
            Volumes:                      <none>
            QoS Class:                    BestEffort
            Node-Selectors:               <none>
            Tolerations:                  node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                                          node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
            Events:
              Type    Reason     Age                From               Message
              ----    ------     ----               ----               -------
              Normal  Scheduled  90s                default-scheduler  Successfully assigned default/web to node-1
              Normal  Pulling    89s                kubelet            spec.containers{nginx}: Pulling image "nginx:1.27"
              Normal  Pulled     88s                kubelet            spec.containers{nginx}: Successfully pulled image "nginx:1.27" in 1s (1s including waiting)
              Normal  Killing    30s                kubelet            spec.containers{nginx}: Container nginx definition changed, will be restarted
              Normal  Pulling    29s                kubelet            spec.containers{nginx}: Pulling image "nginx:1.28"
              Normal  Created    28s (x2 over 88s)  kubelet            spec.containers{nginx}: Created container nginx
              Normal  Started    28s (x2 over 88s)  kubelet            spec.containers{nginx}: Started container nginx
              Normal  Pulled     28s                kubelet            spec.containers{nginx}: Successfully pulled image "nginx:1.28" in 1s (1s including waiting)
            --- 90s $ kubectl get pod web -o jsonpath={.status.containerStatuses[0].image}
            docker.io/library/nginx:1.28
        "#]],
    );
    // A port is not among what a Pod's update may change; a new Pod in the text is created.
    let edited = format!(
        "{}---\n{}",
        NAKED.replace("containerPort: 80", "containerPort: 8080"),
        NAKED.replace("name: web", "name: other")
    );
    let scenario = Scenario::from_yaml(&applying("60s", &edited)).unwrap();
    let parsed = pod_model::parse(NAKED);
    let lifecycle = pod_model::playground::state::lifecycle(
        &parsed
            .accepted_pods()
            .into_iter()
            .cloned()
            .collect::<Vec<_>>(),
        &[],
        &scenario,
    )
    .expect("the Pod runs");
    let told: Vec<&str> = lifecycle
        .timeline
        .steps()
        .iter()
        .map(|step| step.narration.as_str())
        .filter(|narration| narration.contains("kubectl apply"))
        .collect();
    expect![[r#"
        [
            "kubectl apply -f - (the edited manifest): pod/other created. The Pod \"web\" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative).",
        ]
    "#]].assert_debug_eq(&told);
    let reply = console::run(
        "kubectl get pods",
        &parsed,
        &scenario,
        VirtualTime::from_secs(90),
    );
    expect![[r#"
        NAME    READY   STATUS    RESTARTS   AGE
        other   1/1     Running   0          30s
        web     1/1     Running   0          90s
    "#]]
    .assert_eq(&reply.text);
}

#[test]
fn an_edit_the_api_server_refuses_changes_nothing_and_says_why() {
    let told = |edited: &str| -> String {
        let scenario = Scenario::from_yaml(&applying("60s", edited)).unwrap();
        let workloads: Vec<_> = pod_model::parse(DEPLOYMENT)
            .accepted_workloads()
            .into_iter()
            .cloned()
            .collect();
        let lifecycle = pod_model::playground::state::lifecycle(&[], &workloads, &scenario)
            .expect("the Deployment makes Pods");
        lifecycle
            .timeline
            .steps()
            .iter()
            .filter(|step| step.narration.contains("kubectl apply"))
            .map(|step| format!("{} {}\n", step.at, step.narration))
            .collect()
    };
    expect![[r#"
        60s kubectl apply -f - (the edited manifest): The Deployment "web" is invalid: spec.template.spec.containers[0].image: Required value.
    "#]].assert_eq(&told(
        &DEPLOYMENT.replace("        image: nginx:1.27\n", ""),
    ));
    expect![[r#"
        60s kubectl apply -f - (the edited manifest): The Deployment "web" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"shop"}}: field is immutable.
    "#]].assert_eq(&told(&DEPLOYMENT.replace("{app: web}", "{app: shop}")));
    expect![[r#"
        60s kubectl apply -f - (the edited manifest): error: error parsing STDIN: line 7: The indentation is probably broken here (the YAML parser says: mapping values are not allowed in this context).
    "#]].assert_eq(&told(&DEPLOYMENT.replace("  replicas: 3", "replicas: 3")));
    expect![[r#"
        60s kubectl apply -f - (the edited manifest): deployment.apps/web unchanged.
    "#]]
    .assert_eq(&told(DEPLOYMENT));
}

#[test]
fn a_watch_of_workloads_prints_each_change_of_their_rows_in_time_order() {
    check(
        DEPLOYMENT,
        "horizon: 5m\nactions:\n- {at: 60s, do: setImage, workload: deployment/web, container: nginx, image: 'nginx:1.28'}\n",
        &[
            ("20s", &["kubectl get deploy -w"]),
            (
                "3m",
                &[
                    "kubectl get rs --watch",
                    "kubectl get deployment web -w -o wide",
                ],
            ),
            (
                "3m",
                &["kubectl get deploy nothing -w", "kubectl get jobs -w"],
            ),
        ],
        expect![[r#"
            --- 20s $ kubectl get deploy -w
            NAME   READY   UP-TO-DATE   AVAILABLE   AGE
            web    0/3     3            0           0s
            web    3/3     3            3           2s
            --- 3m $ kubectl get rs --watch
            NAME             DESIRED   CURRENT   READY   AGE
            web-56c6c95f89   3         3         0       0s
            web-56c6c95f89   3         3         3       2s
            web-547dd44b44   1         1         0       0s
            web-547dd44b44   2         2         1       2s
            web-56c6c95f89   2         2         2       62s
            web-547dd44b44   3         3         2       3s
            web-56c6c95f89   1         1         1       63s
            web-547dd44b44   3         3         3       4s
            web-56c6c95f89   0         0         0       64s
            --- 3m $ kubectl get deployment web -w -o wide
            NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR
            web    0/3     3            0           0s    nginx        nginx:1.27   app=web
            web    3/3     3            3           2s    nginx        nginx:1.27   app=web
            web    3/3     1            3           60s   nginx        nginx:1.28   app=web
            web    3/3     2            3           62s   nginx        nginx:1.28   app=web
            web    3/3     3            3           63s   nginx        nginx:1.28   app=web
            --- 3m $ kubectl get deploy nothing -w
            Error from server (NotFound): deployments.apps "nothing" not found
            --- 3m $ kubectl get jobs -w
            No resources found in default namespace.
        "#]],
    );
}

/// `kubectl get KIND -o yaml|json|name|jsonpath|custom-columns` of workloads print the objects
/// as the API server stores them (`sigs.k8s.io/yaml` and `encoding/json` of the typed object).
#[test]
fn a_workload_prints_as_yaml_json_name_and_templates() {
    check(
        DEPLOYMENT,
        "horizon: 1m\n",
        &[(
            "30s",
            &[
                "kubectl get deploy web -o yaml",
                "kubectl get deploy -o name",
                "kubectl get rs -o name",
                "kubectl get deploy web -o jsonpath={.status.readyReplicas}",
                "kubectl get rs -o custom-columns=NAME:.metadata.name,OWNER:.metadata.ownerReferences[0].name",
                "kubectl get deploy -o json -w",
            ],
        )],
        expect![[r#"
            --- 30s $ kubectl get deploy web -o yaml
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                deployment.kubernetes.io/revision: "1"
              creationTimestamp: "2026-01-01T00:00:00Z"
              generation: 1
              name: web
              resourceVersion: "1032"
              uid: a58d462c-38c3-9d04-8c58-71873a094b1a
            spec:
              progressDeadlineSeconds: 600
              replicas: 3
              revisionHistoryLimit: 10
              selector:
                matchLabels:
                  app: web
              strategy:
                rollingUpdate:
                  maxSurge: 25%
                  maxUnavailable: 25%
                type: RollingUpdate
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                  - image: nginx:1.27
                    imagePullPolicy: IfNotPresent
                    name: nginx
                    readinessProbe:
                      failureThreshold: 3
                      httpGet:
                        path: /
                        port: 80
                        scheme: HTTP
                      periodSeconds: 10
                      successThreshold: 1
                      timeoutSeconds: 1
                    resources: {}
                    terminationMessagePath: /dev/termination-log
                    terminationMessagePolicy: File
                  dnsPolicy: ClusterFirst
                  enableServiceLinks: true
                  restartPolicy: Always
                  schedulerName: default-scheduler
                  securityContext: {}
                  terminationGracePeriodSeconds: 30
            status:
              availableReplicas: 3
              conditions:
              - lastTransitionTime: "2026-01-01T00:00:02Z"
                lastUpdateTime: "2026-01-01T00:00:02Z"
                message: Deployment has minimum availability.
                reason: MinimumReplicasAvailable
                status: "True"
                type: Available
              - lastTransitionTime: "2026-01-01T00:00:00Z"
                lastUpdateTime: "2026-01-01T00:00:02Z"
                message: ReplicaSet "web-56c6c95f89" has successfully progressed.
                reason: NewReplicaSetAvailable
                status: "True"
                type: Progressing
              observedGeneration: 1
              readyReplicas: 3
              replicas: 3
              updatedReplicas: 3
            --- 30s $ kubectl get deploy -o name
            deployment.apps/web
            --- 30s $ kubectl get rs -o name
            replicaset.apps/web-56c6c95f89
            --- 30s $ kubectl get deploy web -o jsonpath={.status.readyReplicas}
            3
            --- 30s $ kubectl get rs -o custom-columns=NAME:.metadata.name,OWNER:.metadata.ownerReferences[0].name
            NAME             OWNER
            web-56c6c95f89   web
            --- 30s $ kubectl get deploy -o json -w
            this console does not run "kubectl get deploy -o json -w". Try: kubectl get pods [NAME] [-o wide|yaml|json|name|jsonpath=TEMPLATE|custom-columns=SPEC] [-w], kubectl get all|nodes|pvc [NAME] [-o wide], kubectl get deployments|replicasets|replicationcontrollers|statefulsets|daemonsets|jobs|cronjobs [NAME] [-o wide|yaml|json|name|jsonpath=TEMPLATE|custom-columns=SPEC] [-w], with -l SELECTOR and --show-labels, kubectl scale deployment/NAME --replicas=N, kubectl set image deployment/NAME CONTAINER=IMAGE, kubectl rollout status|history|undo|restart|pause|resume deployment/NAME, kubectl rollout status|restart statefulset|daemonset/NAME, kubectl get events [-o wide] [--sort-by=.lastTimestamp] [-w], kubectl describe pod|node|pvc|deployment|replicaset|statefulset|daemonset|job|cronjob [NAME], kubectl logs NAME|deploy/NAME|job/NAME [-c CONTAINER] [--previous] [-f], kubectl exec [-q] POD|deploy/NAME [-c CONTAINER] -- COMMAND [ARG…], kubectl exec -it POD [-c CONTAINER] -- sh (a shell; exit leaves it), kubectl debug -it POD --image=IMAGE [--target=CONTAINER] [-c NAME] (an ephemeral container), kubectl attach -it POD -c CONTAINER, kubectl run [-it [--rm]] NAME --image=IMAGE [--restart=Never] [--env=K=V] [--port=N] [--labels=K=V] [--command] [--dry-run=client -o yaml|json] [-- ARG…], kubectl top pod [--containers], kubectl delete pod NAME [--grace-period=N], kubectl delete deployment|statefulset|…/NAME [--cascade=orphan], kubectl apply -f -, kubectl create -f -, kubectl delete -f -
        "#]],
    );
}

/// A StatefulSet of three, each ordinal's image read with a custom column.
const STATEFUL_SET: &str = "\
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
";

/// Each Pod's name, first image and phase.
const IMAGES: &str = "kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,STATUS:.status.phase";

/// A StatefulSet's new template rolls out as the controller's `RollingUpdate` does
/// (pkg/controller/statefulset/stateful_set_control.go `updateStatefulSet`): the highest
/// ordinal first, one Pod at a time, each made again with its name and Running and Ready before
/// the next goes; `kubectl rollout status` follows it (rollout_status.go
/// `StatefulSetStatusViewer`: `partitioned roll out complete`, since the defaults set a
/// partition of 0), and `rollout restart` starts another.
#[test]
fn a_stateful_sets_new_image_rolls_out_from_the_highest_ordinal() {
    check(
        STATEFUL_SET,
        "horizon: 10m\nactions:\n- {at: 60s, do: setImage, workload: statefulset/db, container: nginx, image: 'nginx:1.28'}\n",
        &[
            ("59s", &["kubectl rollout status statefulset/db"]),
            ("60s", &[IMAGES, "kubectl rollout status statefulset/db"]),
            ("62s", &[IMAGES, "kubectl rollout status sts/db"]),
            ("75s", &[IMAGES, "kubectl rollout status sts/db"]),
            (
                "5m",
                &[
                    "kubectl get sts -o wide",
                    "kubectl get events",
                    "kubectl rollout restart statefulset/db",
                    "kubectl rollout pause statefulset/db",
                ],
            ),
        ],
        expect![[r#"
            --- 59s $ kubectl rollout status statefulset/db
            partitioned roll out complete: 3 new pods have been updated...
            --- 60s $ kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,STATUS:.status.phase
            NAME   IMAGE        STATUS
            db-0   nginx:1.27   Running
            db-1   nginx:1.27   Running
            db-2   nginx:1.27   Running
            --- 60s $ kubectl rollout status statefulset/db
            Waiting for 1 pods to be ready...
            --- 62s $ kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,STATUS:.status.phase
            NAME   IMAGE        STATUS
            db-0   nginx:1.27   Running
            db-1   nginx:1.27   Running
            db-2   nginx:1.28   Pending
            --- 62s $ kubectl rollout status sts/db
            Waiting for 1 pods to be ready...
            --- 75s $ kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,STATUS:.status.phase
            NAME   IMAGE        STATUS
            db-0   nginx:1.28   Running
            db-1   nginx:1.28   Running
            db-2   nginx:1.28   Running
            --- 75s $ kubectl rollout status sts/db
            partitioned roll out complete: 3 new pods have been updated...
            --- 5m $ kubectl get sts -o wide
            NAME   READY   AGE   CONTAINERS   IMAGES
            db     3/3     5m    nginx        nginx:1.28
            --- 5m $ kubectl get events
            LAST SEEN   TYPE     REASON             OBJECT           MESSAGE
            5m          Normal   Scheduled          pod/db-0         Successfully assigned default/db-0 to node-1
            4m59s       Normal   Pulling            pod/db-0         Pulling image "nginx:1.27"
            4m58s       Normal   Pulled             pod/db-0         Successfully pulled image "nginx:1.27" in 1s (1s including waiting)
            4m58s       Normal   Created            pod/db-0         Created container nginx
            4m58s       Normal   Started            pod/db-0         Started container nginx
            3m56s       Normal   Killing            pod/db-0         Stopping container nginx
            3m56s       Normal   Scheduled          pod/db-0         Successfully assigned default/db-0 to node-1
            3m55s       Normal   Pulled             pod/db-0         Container image "nginx:1.28" already present on machine
            3m55s       Normal   Created            pod/db-0         Created container nginx
            3m55s       Normal   Started            pod/db-0         Started container nginx
            4m58s       Normal   Scheduled          pod/db-1         Successfully assigned default/db-1 to node-1
            4m57s       Normal   Pulled             pod/db-1         Container image "nginx:1.27" already present on machine
            4m57s       Normal   Created            pod/db-1         Created container nginx
            4m57s       Normal   Started            pod/db-1         Started container nginx
            3m57s       Normal   Killing            pod/db-1         Stopping container nginx
            3m57s       Normal   Scheduled          pod/db-1         Successfully assigned default/db-1 to node-1
            3m56s       Normal   Pulled             pod/db-1         Container image "nginx:1.28" already present on machine
            3m56s       Normal   Created            pod/db-1         Created container nginx
            3m56s       Normal   Started            pod/db-1         Started container nginx
            4m57s       Normal   Scheduled          pod/db-2         Successfully assigned default/db-2 to node-1
            4m56s       Normal   Pulled             pod/db-2         Container image "nginx:1.27" already present on machine
            4m56s       Normal   Created            pod/db-2         Created container nginx
            4m56s       Normal   Started            pod/db-2         Started container nginx
            4m          Normal   Killing            pod/db-2         Stopping container nginx
            3m59s       Normal   Scheduled          pod/db-2         Successfully assigned default/db-2 to node-1
            3m58s       Normal   Pulling            pod/db-2         Pulling image "nginx:1.28"
            3m57s       Normal   Pulled             pod/db-2         Successfully pulled image "nginx:1.28" in 1s (1s including waiting)
            3m57s       Normal   Created            pod/db-2         Created container nginx
            3m57s       Normal   Started            pod/db-2         Started container nginx
            3m56s       Normal   SuccessfulCreate   statefulset/db   create Pod db-0 in StatefulSet db successful
            3m57s       Normal   SuccessfulCreate   statefulset/db   create Pod db-1 in StatefulSet db successful
            3m59s       Normal   SuccessfulCreate   statefulset/db   create Pod db-2 in StatefulSet db successful
            4m          Normal   SuccessfulDelete   statefulset/db   delete Pod db-2 in StatefulSet db successful
            3m57s       Normal   SuccessfulDelete   statefulset/db   delete Pod db-1 in StatefulSet db successful
            3m56s       Normal   SuccessfulDelete   statefulset/db   delete Pod db-0 in StatefulSet db successful
            --- 5m $ kubectl rollout restart statefulset/db
            statefulset.apps/db restarted
            --- 5m $ kubectl rollout pause statefulset/db
            this console does not run "kubectl rollout pause statefulset/db". Try: kubectl get pods [NAME] [-o wide|yaml|json|name|jsonpath=TEMPLATE|custom-columns=SPEC] [-w], kubectl get all|nodes|pvc [NAME] [-o wide], kubectl get deployments|replicasets|replicationcontrollers|statefulsets|daemonsets|jobs|cronjobs [NAME] [-o wide|yaml|json|name|jsonpath=TEMPLATE|custom-columns=SPEC] [-w], with -l SELECTOR and --show-labels, kubectl scale deployment/NAME --replicas=N, kubectl set image deployment/NAME CONTAINER=IMAGE, kubectl rollout status|history|undo|restart|pause|resume deployment/NAME, kubectl rollout status|restart statefulset|daemonset/NAME, kubectl get events [-o wide] [--sort-by=.lastTimestamp] [-w], kubectl describe pod|node|pvc|deployment|replicaset|statefulset|daemonset|job|cronjob [NAME], kubectl logs NAME|deploy/NAME|job/NAME [-c CONTAINER] [--previous] [-f], kubectl exec [-q] POD|deploy/NAME [-c CONTAINER] -- COMMAND [ARG…], kubectl exec -it POD [-c CONTAINER] -- sh (a shell; exit leaves it), kubectl debug -it POD --image=IMAGE [--target=CONTAINER] [-c NAME] (an ephemeral container), kubectl attach -it POD -c CONTAINER, kubectl run [-it [--rm]] NAME --image=IMAGE [--restart=Never] [--env=K=V] [--port=N] [--labels=K=V] [--command] [--dry-run=client -o yaml|json] [-- ARG…], kubectl top pod [--containers], kubectl delete pod NAME [--grace-period=N], kubectl delete deployment|statefulset|…/NAME [--cascade=orphan], kubectl apply -f -, kubectl create -f -, kubectl delete -f -
        "#]],
    );
}

/// A partition keeps the ordinals below it on the old template (`rollingUpdate.partition`), and
/// `OnDelete` gives a Pod the new template only when it is made again.
#[test]
fn a_partition_and_on_delete_hold_a_stateful_sets_rollout() {
    let partitioned = STATEFUL_SET.replace(
        "  serviceName: db\n",
        "  serviceName: db\n  updateStrategy:\n    rollingUpdate: {partition: 2}\n",
    );
    check(
        &partitioned,
        "horizon: 10m\nactions:\n- {at: 60s, do: setImage, workload: statefulset/db, container: nginx, image: 'nginx:1.28'}\n",
        &[("5m", &[IMAGES, "kubectl rollout status statefulset/db"])],
        expect![[r#"
            --- 5m $ kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,STATUS:.status.phase
            NAME   IMAGE        STATUS
            db-0   nginx:1.27   Running
            db-1   nginx:1.27   Running
            db-2   nginx:1.28   Running
            --- 5m $ kubectl rollout status statefulset/db
            partitioned roll out complete: 1 new pods have been updated...
        "#]],
    );
    let on_delete = STATEFUL_SET.replace(
        "  serviceName: db\n",
        "  serviceName: db\n  updateStrategy:\n    type: OnDelete\n",
    );
    check(
        &on_delete,
        "horizon: 10m\nactions:\n- {at: 60s, do: setImage, workload: statefulset/db, container: nginx, image: 'nginx:1.28'}\n- {at: 3m, do: deletePod, pod: db-0}\n",
        &[
            ("150s", &[IMAGES, "kubectl rollout status statefulset/db"]),
            ("5m", &[IMAGES]),
        ],
        expect![[r#"
            --- 150s $ kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,STATUS:.status.phase
            NAME   IMAGE        STATUS
            db-0   nginx:1.27   Running
            db-1   nginx:1.27   Running
            db-2   nginx:1.27   Running
            --- 150s $ kubectl rollout status statefulset/db
            error: rollout status is only available for RollingUpdate strategy type
            --- 5m $ kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,STATUS:.status.phase
            NAME   IMAGE        STATUS
            db-0   nginx:1.28   Running
            db-1   nginx:1.27   Running
            db-2   nginx:1.27   Running
        "#]],
    );
}

/// A DaemonSet's new template rolls out node by node, as its controller's `rollingUpdate`
/// without surge does (pkg/controller/daemon/update.go): an old Pod is deleted only while fewer
/// than `maxUnavailable` (1 by default) of the daemons are unavailable, and its node gets a Pod
/// of the new template; `kubectl rollout status` follows it (`DaemonSetStatusViewer`).
#[test]
fn a_daemon_sets_new_image_rolls_out_one_node_at_a_time() {
    check(
        DAEMON_SET,
        "nodes:\n- {name: node-1}\n- {name: node-2}\n- {name: node-3}\nhorizon: 10m\nactions:\n- {at: 60s, do: setImage, workload: daemonset/node-agent, container: agent, image: 'busybox:1.37'}\n",
        &[
            (
                "60s",
                &[IMAGES, "kubectl rollout status daemonset/node-agent"],
            ),
            ("100s", &[IMAGES, "kubectl rollout status ds/node-agent"]),
            (
                "5m",
                &[
                    IMAGES,
                    "kubectl get ds",
                    "kubectl rollout status daemonset/node-agent",
                    "kubectl get events --sort-by=.lastTimestamp",
                ],
            ),
        ],
        expect![[r#"
            --- 60s $ kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,STATUS:.status.phase
            NAME               IMAGE          STATUS
            node-agent-hcrxw   busybox:1.36   Running
            node-agent-pc75d   busybox:1.36   Running
            node-agent-r97hj   busybox:1.37   Pending
            node-agent-xgnl6   busybox:1.36   Running
            --- 60s $ kubectl rollout status daemonset/node-agent
            Waiting for daemon set "node-agent" rollout to finish: 1 out of 3 new pods have been updated...
            --- 100s $ kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,STATUS:.status.phase
            NAME               IMAGE          STATUS
            node-agent-ghd58   busybox:1.37   Running
            node-agent-gn68z   busybox:1.37   Running
            node-agent-r97hj   busybox:1.37   Running
            --- 100s $ kubectl rollout status ds/node-agent
            daemon set "node-agent" successfully rolled out
            --- 5m $ kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,STATUS:.status.phase
            NAME               IMAGE          STATUS
            node-agent-ghd58   busybox:1.37   Running
            node-agent-gn68z   busybox:1.37   Running
            node-agent-r97hj   busybox:1.37   Running
            --- 5m $ kubectl get ds
            NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            node-agent   3         3         3       3            3           <none>          5m
            --- 5m $ kubectl rollout status daemonset/node-agent
            daemon set "node-agent" successfully rolled out
            --- 5m $ kubectl get events --sort-by=.lastTimestamp
            LAST SEEN   TYPE     REASON             OBJECT                 MESSAGE
            5m          Normal   Scheduled          pod/node-agent-hcrxw   Successfully assigned default/node-agent-hcrxw to node-1
            5m          Normal   Scheduled          pod/node-agent-pc75d   Successfully assigned default/node-agent-pc75d to node-3
            5m          Normal   Scheduled          pod/node-agent-xgnl6   Successfully assigned default/node-agent-xgnl6 to node-2
            5m          Normal   SuccessfulCreate   daemonset/node-agent   Created pod: node-agent-hcrxw
            5m          Normal   SuccessfulCreate   daemonset/node-agent   Created pod: node-agent-xgnl6
            5m          Normal   SuccessfulCreate   daemonset/node-agent   Created pod: node-agent-pc75d
            4m59s       Normal   Pulling            pod/node-agent-hcrxw   Pulling image "busybox:1.36"
            4m59s       Normal   Pulling            pod/node-agent-pc75d   Pulling image "busybox:1.36"
            4m59s       Normal   Pulling            pod/node-agent-xgnl6   Pulling image "busybox:1.36"
            4m58s       Normal   Pulled             pod/node-agent-hcrxw   Successfully pulled image "busybox:1.36" in 1s (1s including waiting)
            4m58s       Normal   Created            pod/node-agent-hcrxw   Created container agent
            4m58s       Normal   Started            pod/node-agent-hcrxw   Started container agent
            4m58s       Normal   Pulled             pod/node-agent-pc75d   Successfully pulled image "busybox:1.36" in 1s (1s including waiting)
            4m58s       Normal   Created            pod/node-agent-pc75d   Created container agent
            4m58s       Normal   Started            pod/node-agent-pc75d   Started container agent
            4m58s       Normal   Pulled             pod/node-agent-xgnl6   Successfully pulled image "busybox:1.36" in 1s (1s including waiting)
            4m58s       Normal   Created            pod/node-agent-xgnl6   Created container agent
            4m58s       Normal   Started            pod/node-agent-xgnl6   Started container agent
            4m          Normal   Killing            pod/node-agent-hcrxw   Stopping container agent
            4m          Normal   Scheduled          pod/node-agent-r97hj   Successfully assigned default/node-agent-r97hj to node-1
            4m          Normal   SuccessfulDelete   daemonset/node-agent   Deleted pod: node-agent-hcrxw
            4m          Normal   SuccessfulCreate   daemonset/node-agent   Created pod: node-agent-r97hj
            3m59s       Normal   Pulling            pod/node-agent-r97hj   Pulling image "busybox:1.37"
            3m58s       Normal   Scheduled          pod/node-agent-gn68z   Successfully assigned default/node-agent-gn68z to node-2
            3m58s       Normal   Pulled             pod/node-agent-r97hj   Successfully pulled image "busybox:1.37" in 1s (1s including waiting)
            3m58s       Normal   Created            pod/node-agent-r97hj   Created container agent
            3m58s       Normal   Started            pod/node-agent-r97hj   Started container agent
            3m58s       Normal   Killing            pod/node-agent-xgnl6   Stopping container agent
            3m58s       Normal   SuccessfulDelete   daemonset/node-agent   Deleted pod: node-agent-xgnl6
            3m58s       Normal   SuccessfulCreate   daemonset/node-agent   Created pod: node-agent-gn68z
            3m57s       Normal   Pulling            pod/node-agent-gn68z   Pulling image "busybox:1.37"
            3m56s       Normal   Scheduled          pod/node-agent-ghd58   Successfully assigned default/node-agent-ghd58 to node-3
            3m56s       Normal   Pulled             pod/node-agent-gn68z   Successfully pulled image "busybox:1.37" in 1s (1s including waiting)
            3m56s       Normal   Created            pod/node-agent-gn68z   Created container agent
            3m56s       Normal   Started            pod/node-agent-gn68z   Started container agent
            3m56s       Normal   Killing            pod/node-agent-pc75d   Stopping container agent
            3m56s       Normal   SuccessfulDelete   daemonset/node-agent   Deleted pod: node-agent-pc75d
            3m56s       Normal   SuccessfulCreate   daemonset/node-agent   Created pod: node-agent-ghd58
            3m55s       Normal   Pulling            pod/node-agent-ghd58   Pulling image "busybox:1.37"
            3m54s       Normal   Pulled             pod/node-agent-ghd58   Successfully pulled image "busybox:1.37" in 1s (1s including waiting)
            3m54s       Normal   Created            pod/node-agent-ghd58   Created container agent
            3m54s       Normal   Started            pod/node-agent-ghd58   Started container agent
        "#]],
    );
}
