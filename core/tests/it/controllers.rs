//! The workload controllers on the virtual cluster: what `kubectl get` shows of a Deployment,
//! its ReplicaSet and their Pods as they come up, and a deleted Pod replaced.

use expect_test::{Expect, expect};

use pod_model::base::time::VirtualTime;
use pod_model::cluster::scenario::Scenario;
use pod_model::kubectl::console;

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
    let parsed = pod_model::parse(manifest);
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    let scenario = Scenario::from_yaml(scenario).expect("the test scenarios are valid");
    let mut out = String::new();
    for (instant, commands) in steps {
        let at = VirtualTime::parse_duration(instant).expect("the instants are durations");
        for command in *commands {
            let reply = console::run(command, &parsed, &scenario, at);
            out.push_str(&format!("--- {instant} $ {command}\n{}", reply.text));
            if !reply.text.ends_with('\n') {
                out.push('\n');
            }
        }
    }
    expected.assert_eq(&out);
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
