//! go-yaml v2's output, case by case, and whole Pods as `kubectl get pod -o yaml` prints them.

use expect_test::{Expect, expect};

use super::*;
use crate::api::encode::go_yaml::key_order;

/// Renders each string as the value of a key `k`.
fn check_strings(values: &[&str], expected: Expect) {
    let out: String = values
        .iter()
        .map(|value| {
            to_yaml(&Tree::Map(vec![(
                "k".to_owned(),
                Tree::Str((*value).to_owned()),
            )]))
        })
        .collect();
    expected.assert_eq(&out);
}

#[test]
fn strings_are_quoted_only_when_plain_text_would_mislead() {
    check_strings(
        &[
            "nginx:1.27",
            "",
            "80",
            "0x1F",
            "1e3",
            "true",
            "yes",
            "off",
            "null",
            "~",
            "2026-01-01T00:00:00Z",
            "2026-01-01",
            "1:20",
            "<<",
            "*",
            "- x",
            "-c",
            "a: b",
            "a:b",
            "a #b",
            "a#b",
            " leading",
            "trailing ",
            "it's",
            "[x]",
            "tab\there",
            "caf\u{e9}",
            "---",
            "containers with unready status: [nginx]",
        ],
        expect![[r#"
            k: nginx:1.27
            k: ""
            k: "80"
            k: "0x1F"
            k: "1e3"
            k: "true"
            k: "yes"
            k: "off"
            k: "null"
            k: "~"
            k: "2026-01-01T00:00:00Z"
            k: "2026-01-01"
            k: "1:20"
            k: "<<"
            k: '*'
            k: '- x'
            k: -c
            k: 'a: b'
            k: a:b
            k: 'a #b'
            k: a#b
            k: ' leading'
            k: 'trailing '
            k: it's
            k: '[x]'
            k: "tab\there"
            k: café
            k: '---'
            k: 'containers with unready status: [nginx]'
        "#]],
    );
}

#[test]
fn long_text_is_folded_after_column_80_and_multi_line_text_is_a_literal_block() {
    check_strings(
        &[
            "Failed to pull image \"nginx:1.999\": rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/library/nginx:1.999\": failed to resolve reference",
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen",
            "echo hi\nsleep 3\n",
            "echo hi\nsleep 3",
            "trailing\n\n",
            " indented\nsecond\n",
            "space at end \nx",
        ],
        expect![[r#"
            k: 'Failed to pull image "nginx:1.999": rpc error: code = NotFound desc = failed to
              pull and unpack image "docker.io/library/nginx:1.999": failed to resolve reference'
            k: one two three four five six seven eight nine ten eleven twelve thirteen fourteen
              fifteen
            k: |
              echo hi
              sleep 3
            k: |-
              echo hi
              sleep 3
            k: |+
              trailing

            k: |2
               indented
              second
            k: "space at end \nx"
        "#]],
    );
}

#[test]
fn keys_sort_as_go_yaml_sorts_them() {
    let mut keys = vec![
        "b",
        "a",
        "B",
        "a1",
        "a10",
        "a2",
        "a_b",
        "a-b",
        "a.b",
        "app",
        "app.kubernetes.io/name",
        "x02",
        "x1",
        "x10",
    ];
    keys.sort_by(|a, b| key_order(a, b));
    expect!["B a a-b a.b a_b a1 a2 a10 app app.kubernetes.io/name b x1 x02 x10"]
        .assert_eq(&keys.join(" "));
}

#[test]
fn nested_lists_and_maps() {
    let tree = Tree::Map(vec![
        (
            "list".to_owned(),
            Tree::List(vec![
                Tree::Map(vec![
                    ("name".to_owned(), Tree::Str("a".to_owned())),
                    (
                        "ports".to_owned(),
                        Tree::List(vec![Tree::Map(vec![(
                            "containerPort".to_owned(),
                            Tree::Int(80),
                        )])]),
                    ),
                    ("emptyDir".to_owned(), Tree::Map(Vec::new())),
                ]),
                Tree::List(vec![Tree::Int(1), Tree::Int(2)]),
                Tree::Str("sh".to_owned()),
                Tree::Str("line one\nline two\n".to_owned()),
            ]),
        ),
        ("empty".to_owned(), Tree::List(Vec::new())),
        ("flag".to_owned(), Tree::Bool(true)),
        ("nothing".to_owned(), Tree::Null),
    ]);
    expect![[r#"
        empty: []
        flag: true
        list:
        - emptyDir: {}
          name: a
          ports:
          - containerPort: 80
        - - 1
          - 2
        - sh
        - |
          line one
          line two
        nothing: null
    "#]]
    .assert_eq(&to_yaml(&tree));
}

#[test]
fn a_simulated_pod_reads_like_kubectl_get_pod_o_yaml() {
    let manifest = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia-manual\n  labels: {app: kubia}\nspec:\n  containers:\n  - name: kubia\n    image: luksa/kubia\n    command: [sh, -c, \"echo started\\nsleep 3600\\n\"]\n    ports:\n    - {containerPort: 8080, name: http}\n";
    let parsed = crate::parse(manifest);
    let pod = parsed.accepted_pod().expect("valid");
    let scenario = crate::cluster::Scenario {
        horizon: crate::base::time::VirtualTime::from_secs(60),
        ..crate::cluster::Scenario::default()
    };
    let simulation = crate::cluster::simulate(pod, &scenario);
    let last = simulation.snapshots.last().expect("snapshots");
    expect![[r#"
        apiVersion: v1
        kind: Pod
        metadata:
          creationTimestamp: "2026-01-01T00:00:00Z"
          labels:
            app: kubia
          name: kubia-manual
          namespace: default
          resourceVersion: "1026"
          uid: ab1908cf-fd77-dc50-119f-faefb8a15632
        spec:
          containers:
          - command:
            - sh
            - -c
            - |
              echo started
              sleep 3600
            image: luksa/kubia
            imagePullPolicy: Always
            name: kubia
            ports:
            - containerPort: 8080
              name: http
              protocol: TCP
            resources: {}
            terminationMessagePath: /dev/termination-log
            terminationMessagePolicy: File
          dnsPolicy: ClusterFirst
          enableServiceLinks: true
          nodeName: node-1
          preemptionPolicy: PreemptLowerPriority
          priority: 0
          restartPolicy: Always
          schedulerName: default-scheduler
          securityContext: {}
          serviceAccount: default
          serviceAccountName: default
          terminationGracePeriodSeconds: 30
          tolerations:
          - effect: NoExecute
            key: node.kubernetes.io/not-ready
            operator: Exists
            tolerationSeconds: 300
          - effect: NoExecute
            key: node.kubernetes.io/unreachable
            operator: Exists
            tolerationSeconds: 300
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
          - containerID: containerd://fbd6e74023862046fbd6e74023862046fbd6e74023862046fbd6e74023862046
            image: docker.io/luksa/kubia:latest
            imageID: docker.io/luksa/kubia@sha256:df51a1e79b887ec6d629f8329cbb595f330d7d7381d0ab00c336078c4e936a09
            lastState: {}
            name: kubia
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
    "#]].assert_eq(&pod_yaml(&last.pod));
}
