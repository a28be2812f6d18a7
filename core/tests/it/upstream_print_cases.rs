//! Cases ported from upstream's printer tests (kubernetes/kubernetes
//! pkg/printers/internalversion/printers_test.go). Each case is a Pod (YAML, with status) and the
//! row `kubectl get pods` prints for it at [`NOW`].
//!
//! Upstream test pods use `make([]api.Container, n)` (nameless containers) and nameless statuses;
//! here they are named `a`, `b`, `c` (regular) and `init1`, `init2` (init), with `image: i`.
//! Times upstream builds from `time.Now()` are written relative to [`NOW`]. Pod names repeat
//! across (and within) upstream tests; they are kept because NAME is part of the row.
//!
//! Cases whose `upstream` starts with `derived:` are not upstream table entries: they are worked
//! out from `printPod` in printers.go (v1.35, with the `errorReason` change of PR #124766, whose
//! own new test entries are not in the stored copy of printers_test.go) for branches the ported
//! tables do not reach.

/// The instant every case is printed at.
pub const NOW: &str = "2026-01-01T00:00:00Z";

/// One ported case.
pub struct PrintCase {
    /// The upstream test and table entry.
    pub upstream: &'static str,
    /// The Pod, in block YAML, with `status`.
    pub pod: &'static str,
    /// The expected columns: NAME, READY, STATUS, RESTARTS, AGE.
    pub row: [&'static str; 5],
    /// For `-o wide` cases: IP, NODE, NOMINATED NODE, READINESS GATES; otherwise `None`.
    pub wide: Option<[&'static str; 4]>,
}

/// The cases.
pub const CASES: &[PrintCase] = &[
    // ---------------------------------------------------------------------------------------
    // TestPrintPod
    // ---------------------------------------------------------------------------------------
    PrintCase {
        upstream: "TestPrintPod/test1 (name, num of containers, restarts, container ready status)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test1
spec:
  containers: [{name: a, image: i}, {name: b, image: i}]
status:
  phase: podPhase
  containerStatuses:
  - {name: a, ready: true, restartCount: 3, state: {running: {}}}
  - {name: b, restartCount: 3}
"#,
        row: ["test1", "1/2", "podPhase", "6", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintPod/test2 (container error overwrites pod phase)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test2
spec:
  containers: [{name: a, image: i}, {name: b, image: i}]
status:
  phase: podPhase
  containerStatuses:
  - {name: a, ready: true, restartCount: 3, state: {running: {}}}
  - {name: b, restartCount: 3, state: {waiting: {reason: ContainerWaitingReason}}}
"#,
        row: ["test2", "1/2", "ContainerWaitingReason", "6", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintPod/test3 (terminated state; the first container overwrites the rest)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test3
spec:
  containers: [{name: a, image: i}, {name: b, image: i}]
status:
  phase: podPhase
  containerStatuses:
  - {name: a, restartCount: 3, state: {waiting: {reason: ContainerWaitingReason}}}
  - {name: b, restartCount: 3, state: {terminated: {reason: ContainerTerminatedReason, exitCode: 0}}}
"#,
        row: ["test3", "0/2", "ContainerWaitingReason", "6", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintPod/test4 (ready is not enough for reporting running)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test4
spec:
  containers: [{name: a, image: i}, {name: b, image: i}]
status:
  phase: podPhase
  containerStatuses:
  - {name: a, ready: true, restartCount: 3, state: {running: {}}}
  - {name: b, ready: true, restartCount: 3}
"#,
        row: ["test4", "1/2", "podPhase", "6", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintPod/test5 (status.reason overrides phase)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test5
spec:
  containers: [{name: a, image: i}, {name: b, image: i}]
status:
  phase: podPhase
  reason: podReason
  containerStatuses:
  - {name: a, ready: true, restartCount: 3, state: {running: {}}}
  - {name: b, ready: true, restartCount: 3}
"#,
        row: ["test5", "1/2", "podReason", "6", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintPod/test6 (one running, one completed, without Ready condition)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test6
spec:
  containers: [{name: a, image: i}, {name: b, image: i}]
status:
  phase: Running
  containerStatuses:
  - {name: a, ready: true, restartCount: 3, state: {terminated: {reason: Completed, exitCode: 0}}}
  - {name: b, ready: true, restartCount: 3, state: {running: {}}}
"#,
        row: ["test6", "1/2", "NotReady", "6", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintPod/test6 (one running, one completed, with Ready condition)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test6
spec:
  containers: [{name: a, image: i}, {name: b, image: i}]
status:
  phase: Running
  conditions:
  - {type: Ready, status: "True", lastProbeTime: "2026-01-01T00:00:00Z"}
  containerStatuses:
  - {name: a, ready: true, restartCount: 3, state: {terminated: {reason: Completed, exitCode: 0}}}
  - {name: b, ready: true, restartCount: 3, state: {running: {}}}
"#,
        row: ["test6", "1/2", "Running", "6", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintPod/test7 (1 init container restarting, 1 container not running)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test7
spec:
  initContainers: [{name: init1, image: i}]
  containers: [{name: a, image: i}]
status:
  phase: podPhase
  initContainerStatuses:
  - name: init1
    ready: false
    restartCount: 3
    state: {running: {}}
    lastState: {terminated: {exitCode: 0, finishedAt: "2025-12-31T23:59:50Z"}}
  containerStatuses:
  - {name: a, ready: false, restartCount: 0, state: {waiting: {}}}
"#,
        row: ["test7", "0/1", "Init:0/1", "3 (10s ago)", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintPod/test8 (2 init containers, one restarting, one not running)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test8
spec:
  initContainers: [{name: init1, image: i}, {name: init2, image: i}]
  containers: [{name: a, image: i}]
status:
  phase: podPhase
  initContainerStatuses:
  - name: init1
    ready: false
    restartCount: 3
    state: {running: {}}
    lastState: {terminated: {exitCode: 0, finishedAt: "2025-12-31T23:59:50Z"}}
  - {name: init2, ready: false, state: {waiting: {}}}
  containerStatuses:
  - {name: a, ready: false, state: {waiting: {}}}
"#,
        row: ["test8", "0/1", "Init:0/2", "3 (10s ago)", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintPod/test9 (2 init containers, one completed without restarts, one restarting)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test9
spec:
  initContainers: [{name: init1, image: i}, {name: init2, image: i}]
  containers: [{name: a, image: i}]
status:
  phase: podPhase
  initContainerStatuses:
  - {name: init1, ready: false, state: {terminated: {exitCode: 0}}}
  - name: init2
    ready: false
    restartCount: 3
    state: {running: {}}
    lastState: {terminated: {exitCode: 0, finishedAt: "2025-12-31T23:59:50Z"}}
  containerStatuses:
  - {name: a, ready: false, state: {waiting: {}}}
"#,
        row: ["test9", "0/1", "Init:1/2", "3 (10s ago)", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintPod/test10 (2 init containers, one completed with restarts, one restarting)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test10
spec:
  initContainers: [{name: init1, image: i}, {name: init2, image: i}]
  containers: [{name: a, image: i}]
status:
  phase: podPhase
  initContainerStatuses:
  - name: init1
    ready: false
    restartCount: 2
    state: {terminated: {exitCode: 0}}
    lastState: {terminated: {exitCode: 0, finishedAt: "2025-12-31T23:58:00Z"}}
  - name: init2
    ready: false
    restartCount: 3
    state: {running: {}}
    lastState: {terminated: {exitCode: 0, finishedAt: "2025-12-31T23:59:50Z"}}
  containerStatuses:
  - {name: a, ready: false, state: {waiting: {}}}
"#,
        row: ["test10", "0/1", "Init:1/2", "5 (10s ago)", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintPod/test11 (1 init container completed with restarts, 1 container restarting)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test11
spec:
  initContainers: [{name: init1, image: i}]
  containers: [{name: a, image: i}]
status:
  phase: Running
  initContainerStatuses:
  - name: init1
    ready: false
    restartCount: 2
    state: {terminated: {exitCode: 0}}
    lastState: {terminated: {exitCode: 0, finishedAt: "2025-12-31T23:58:00Z"}}
  containerStatuses:
  - name: a
    ready: false
    restartCount: 4
    state: {running: {}}
    lastState: {terminated: {exitCode: 0, finishedAt: "2025-12-31T23:59:40Z"}}
"#,
        row: ["test11", "0/1", "Running", "4 (20s ago)", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintPod/test12 (1 container that restarted 5d ago)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test12
spec:
  containers: [{name: a, image: i}]
status:
  phase: Running
  containerStatuses:
  - name: a
    ready: true
    restartCount: 3
    state: {running: {}}
    lastState: {terminated: {exitCode: 0, finishedAt: "2025-12-27T00:00:00Z"}}
"#,
        row: ["test12", "1/1", "Running", "3 (5d ago)", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintPod/test13 (2 containers, one never restarted, one restarted 10d ago)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test13
spec:
  containers: [{name: a, image: i}, {name: b, image: i}]
status:
  phase: Running
  containerStatuses:
  - {name: a, ready: true, restartCount: 0, state: {running: {}}}
  - name: b
    ready: true
    restartCount: 3
    state: {running: {}}
    lastState: {terminated: {exitCode: 0, finishedAt: "2025-12-22T00:00:00Z"}}
"#,
        row: ["test13", "2/2", "Running", "3 (10d ago)", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintPod/test14 (2 containers, one restarted 5d ago, one restarted 20d ago)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test14
spec:
  containers: [{name: a, image: i}, {name: b, image: i}]
status:
  phase: Running
  containerStatuses:
  - name: a
    ready: true
    restartCount: 6
    state: {running: {}}
    lastState: {terminated: {exitCode: 0, finishedAt: "2025-12-27T00:00:00Z"}}
  - name: b
    ready: true
    restartCount: 3
    state: {running: {}}
    lastState: {terminated: {exitCode: 0, finishedAt: "2025-12-12T00:00:00Z"}}
"#,
        row: ["test14", "2/2", "Running", "9 (5d ago)", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintPod/test15 (PodScheduled condition with reason SchedulingGated)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test15
spec:
  containers: [{name: a, image: i}, {name: b, image: i}]
status:
  phase: podPhase
  conditions:
  - {type: PodScheduled, status: "False", reason: SchedulingGated}
"#,
        row: ["test15", "0/2", "SchedulingGated", "0", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintPod/test16 (pod condition succeed)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test16
spec:
  containers: [{name: a, image: i}]
status:
  phase: Succeeded
  containerStatuses:
  - {name: a, ready: false, restartCount: 0, state: {terminated: {reason: Completed, exitCode: 0}}}
"#,
        row: ["test16", "0/1", "Completed", "0", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintPod/test17 (pod condition failed)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test17
spec:
  containers: [{name: a, image: i}]
status:
  phase: Failed
  containerStatuses:
  - {name: a, ready: false, restartCount: 0, state: {terminated: {reason: Error, exitCode: 1}}}
"#,
        row: ["test17", "0/1", "Error", "0", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintPod/test18 (pod condition succeed with deletion)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test18
  deletionTimestamp: "2025-12-31T23:59:50Z"
spec:
  containers: [{name: a, image: i}]
status:
  phase: Succeeded
  containerStatuses:
  - {name: a, ready: false, restartCount: 0, state: {terminated: {reason: Completed, exitCode: 0}}}
"#,
        row: ["test18", "0/1", "Completed", "0", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintPod/test19 (pod condition running with deletion)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test19
  deletionTimestamp: "2025-12-31T23:59:50Z"
spec:
  containers: [{name: a, image: i}]
status:
  phase: Running
  containerStatuses:
  - {name: a, ready: false, restartCount: 0, state: {running: {}}}
"#,
        row: ["test19", "0/1", "Terminating", "0", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintPod/test20 (pod condition pending with deletion)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test20
  deletionTimestamp: "2025-12-31T23:59:50Z"
spec:
  containers: [{name: a, image: i}]
status:
  phase: Pending
"#,
        row: ["test20", "0/1", "Terminating", "0", "<unknown>"],
        wide: None,
    },
    // ---------------------------------------------------------------------------------------
    // TestPrintPodWithRestartableInitContainer
    // ---------------------------------------------------------------------------------------
    PrintCase {
        upstream: "TestPrintPodWithRestartableInitContainer/test1 (2 sidecars, the first running but not started)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test1
spec:
  initContainers:
  - {name: restartable-init-1, image: i, restartPolicy: Always}
  - {name: restartable-init-2, image: i, restartPolicy: Always}
  containers: [{name: a, image: i}]
status:
  phase: Pending
  conditions:
  - {type: Initialized, status: "False"}
  initContainerStatuses:
  - name: restartable-init-1
    ready: false
    started: false
    restartCount: 3
    state: {running: {}}
    lastState: {terminated: {exitCode: 0, finishedAt: "2025-12-31T23:59:50Z"}}
  - {name: restartable-init-2, ready: false, started: false, state: {waiting: {}}}
  containerStatuses:
  - {name: a, ready: false, restartCount: 0, state: {waiting: {}}}
"#,
        row: ["test1", "0/3", "Init:0/2", "3 (10s ago)", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintPodWithRestartableInitContainer/test1 (2 sidecars, the first started, the second running but not started)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test1
spec:
  initContainers:
  - {name: restartable-init-1, image: i, restartPolicy: Always}
  - {name: restartable-init-2, image: i, restartPolicy: Always}
  containers: [{name: a, image: i}]
status:
  phase: Pending
  conditions:
  - {type: Initialized, status: "False"}
  initContainerStatuses:
  - name: restartable-init-1
    ready: false
    started: true
    restartCount: 3
    state: {running: {}}
    lastState: {terminated: {exitCode: 0, finishedAt: "2025-12-31T23:59:50Z"}}
  - {name: restartable-init-2, ready: false, started: false, state: {running: {}}}
  containerStatuses:
  - {name: a, ready: false, restartCount: 0, state: {waiting: {}}}
"#,
        row: ["test1", "0/3", "Init:1/2", "3 (10s ago)", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintPodWithRestartableInitContainer/test2 (2 sidecars started, 1 container running)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test2
spec:
  initContainers:
  - {name: restartable-init-1, image: i, restartPolicy: Always}
  - {name: restartable-init-2, image: i, restartPolicy: Always}
  containers: [{name: a, image: i}]
status:
  phase: Running
  conditions:
  - {type: Initialized, status: "True"}
  initContainerStatuses:
  - name: restartable-init-1
    ready: false
    started: true
    restartCount: 3
    state: {running: {}}
    lastState: {terminated: {exitCode: 0, finishedAt: "2025-12-31T23:59:50Z"}}
  - {name: restartable-init-2, ready: false, started: true, state: {running: {}}}
  containerStatuses:
  - name: a
    ready: true
    restartCount: 4
    state: {running: {}}
    lastState: {terminated: {exitCode: 0, finishedAt: "2025-12-31T23:59:40Z"}}
"#,
        row: ["test2", "1/3", "Running", "7 (10s ago)", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintPodWithRestartableInitContainer/test3 (2 sidecars terminated non-zero, 1 container completed)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test3
spec:
  initContainers:
  - {name: restartable-init-1, image: i, restartPolicy: Always}
  - {name: restartable-init-2, image: i, restartPolicy: Always}
  containers: [{name: a, image: i}]
status:
  phase: Succeeded
  conditions:
  - {type: Initialized, status: "True"}
  initContainerStatuses:
  - name: restartable-init-1
    ready: false
    started: false
    restartCount: 3
    state: {terminated: {reason: Error, exitCode: 137}}
    lastState: {terminated: {exitCode: 0, finishedAt: "2025-12-31T23:59:50Z"}}
  - {name: restartable-init-2, ready: false, started: false, state: {terminated: {reason: Error, exitCode: 137}}}
  containerStatuses:
  - name: a
    ready: false
    restartCount: 4
    state: {terminated: {reason: Completed, exitCode: 0}}
    lastState: {terminated: {exitCode: 0, finishedAt: "2025-12-31T23:59:40Z"}}
"#,
        row: ["test3", "0/3", "Completed", "7 (10s ago)", "<unknown>"],
        wide: None,
    },
    PrintCase {
        // The one case whose statuses name containers absent from the spec (on purpose upstream).
        upstream: "TestPrintPodWithRestartableInitContainer/test4 (statuses for non-existent initContainers and containers)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test4
spec:
  initContainers:
  - {name: init1, image: initimage}
  - {name: sidecar1, image: sidecarimage, restartPolicy: Always}
  containers:
  - {name: container1, image: containerimage}
status:
  phase: Running
  initContainerStatuses:
  - {name: initinvalid}
  - {name: init1}
  - {name: sidecar1}
  containerStatuses:
  - {name: containerinvalid}
  - {name: container1}
"#,
        row: ["test4", "0/2", "Init:0/2", "0", "<unknown>"],
        wide: None,
    },
    // ---------------------------------------------------------------------------------------
    // TestPrintPodwide
    // ---------------------------------------------------------------------------------------
    PrintCase {
        upstream: "TestPrintPodwide/test1 (NodeName and PodIP set)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test1
spec:
  nodeName: test1
  readinessGates:
  - {conditionType: condition1}
  - {conditionType: condition2}
  - {conditionType: condition3}
  containers: [{name: a, image: i}, {name: b, image: i}]
status:
  phase: podPhase
  conditions:
  - {type: condition1, status: "False"}
  - {type: condition2, status: "True"}
  podIPs:
  - {ip: "1.1.1.1"}
  nominatedNodeName: node1
  containerStatuses:
  - {name: a, ready: true, restartCount: 3, state: {running: {}}}
  - {name: b, restartCount: 3}
"#,
        row: ["test1", "1/2", "podPhase", "6", "<unknown>"],
        wide: Some(["1.1.1.1", "test1", "node1", "1/3"]),
    },
    PrintCase {
        upstream: "TestPrintPodwide/test1 (NodeName set, dual-stack PodIPs)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test1
spec:
  nodeName: test1
  readinessGates:
  - {conditionType: condition1}
  - {conditionType: condition2}
  - {conditionType: condition3}
  containers: [{name: a, image: i}, {name: b, image: i}]
status:
  phase: podPhase
  conditions:
  - {type: condition1, status: "False"}
  - {type: condition2, status: "True"}
  podIPs:
  - {ip: "1.1.1.1"}
  - {ip: "2001:db8::"}
  nominatedNodeName: node1
  containerStatuses:
  - {name: a, ready: true, restartCount: 3, state: {running: {}}}
  - {name: b, restartCount: 3}
"#,
        row: ["test1", "1/2", "podPhase", "6", "<unknown>"],
        wide: Some(["1.1.1.1", "test1", "node1", "1/3"]),
    },
    PrintCase {
        upstream: "TestPrintPodwide/test2 (NodeName and PodIP none)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test2
spec:
  containers: [{name: a, image: i}, {name: b, image: i}]
status:
  phase: podPhase
  containerStatuses:
  - {name: a, ready: true, restartCount: 3, state: {running: {}}}
  - {name: b, restartCount: 3, state: {waiting: {reason: ContainerWaitingReason}}}
"#,
        row: ["test2", "1/2", "ContainerWaitingReason", "6", "<unknown>"],
        wide: Some(["<none>", "<none>", "<none>", "<none>"]),
    },
    // ---------------------------------------------------------------------------------------
    // TestPrintPodConditions (the row conditions upstream checks are not printed)
    // ---------------------------------------------------------------------------------------
    PrintCase {
        upstream: "TestPrintPodConditions/runningPod",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test1
  labels: {a: "1", b: "2"}
spec:
  containers: [{name: a, image: i}, {name: b, image: i}]
status:
  phase: Running
  containerStatuses:
  - {name: a, ready: true, restartCount: 3, state: {running: {}}}
  - {name: b, restartCount: 3}
"#,
        row: ["test1", "1/2", "Running", "6", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintPodConditions/succeededPod",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test1
  labels: {a: "1", b: "2"}
spec:
  containers: [{name: a, image: i}, {name: b, image: i}]
status:
  phase: Succeeded
  containerStatuses:
  - {name: a, ready: true, restartCount: 3, state: {running: {}}}
  - {name: b, restartCount: 3}
"#,
        row: ["test1", "1/2", "Succeeded", "6", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintPodConditions/failedPod",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test2
  labels: {b: "2"}
spec:
  containers: [{name: a, image: i}, {name: b, image: i}]
status:
  phase: Failed
  containerStatuses:
  - {name: a, ready: true, restartCount: 3, state: {running: {}}}
  - {name: b, restartCount: 3}
"#,
        row: ["test2", "1/2", "Failed", "6", "<unknown>"],
        wide: None,
    },
    // ---------------------------------------------------------------------------------------
    // TestPrintNonTerminatedPod (printPod rows only; the filtering itself is kubectl's)
    // ---------------------------------------------------------------------------------------
    PrintCase {
        upstream: "TestPrintNonTerminatedPod/test1 (phase Running)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test1
spec:
  containers: [{name: a, image: i}, {name: b, image: i}]
status:
  phase: Running
  containerStatuses:
  - {name: a, ready: true, restartCount: 3, state: {running: {}}}
  - {name: b, restartCount: 3}
"#,
        row: ["test1", "1/2", "Running", "6", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintNonTerminatedPod/test2 (phase Pending)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test2
spec:
  containers: [{name: a, image: i}, {name: b, image: i}]
status:
  phase: Pending
  containerStatuses:
  - {name: a, ready: true, restartCount: 3, state: {running: {}}}
  - {name: b, restartCount: 3}
"#,
        row: ["test2", "1/2", "Pending", "6", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintNonTerminatedPod/test3 (phase Unknown)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test3
spec:
  containers: [{name: a, image: i}, {name: b, image: i}]
status:
  phase: Unknown
  containerStatuses:
  - {name: a, ready: true, restartCount: 3, state: {running: {}}}
  - {name: b, restartCount: 3}
"#,
        row: ["test3", "1/2", "Unknown", "6", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintNonTerminatedPod/test4 (phase Succeeded)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test4
spec:
  containers: [{name: a, image: i}, {name: b, image: i}]
status:
  phase: Succeeded
  containerStatuses:
  - {name: a, ready: true, restartCount: 3, state: {running: {}}}
  - {name: b, restartCount: 3}
"#,
        row: ["test4", "1/2", "Succeeded", "6", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "TestPrintNonTerminatedPod/test5 (phase Failed)",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: test5
spec:
  containers: [{name: a, image: i}, {name: b, image: i}]
status:
  phase: Failed
  containerStatuses:
  - {name: a, ready: true, restartCount: 3, state: {running: {}}}
  - {name: b, ready: true, restartCount: 3}
"#,
        row: ["test5", "1/2", "Failed", "6", "<unknown>"],
        wide: None,
    },
    // ---------------------------------------------------------------------------------------
    // derived: worked out from printPod (v1.35), not upstream table entries
    // ---------------------------------------------------------------------------------------
    PrintCase {
        upstream: "derived: errorReason (PR #124766; issue #121563): [Completed, Error] prints Error, not Completed",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: completed-then-error
spec:
  restartPolicy: Never
  containers: [{name: a, image: i}, {name: b, image: i}]
status:
  phase: Failed
  containerStatuses:
  - {name: a, ready: false, restartCount: 0, state: {terminated: {reason: Completed, exitCode: 0}}}
  - {name: b, ready: false, restartCount: 0, state: {terminated: {reason: Error, exitCode: 1, finishedAt: "2026-01-01T00:00:00Z"}}}
"#,
        row: ["completed-then-error", "0/2", "Error", "0", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "derived: errorReason (PR #124766): running + Ready condition still wins over an errored container",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: error-but-running-ready
spec:
  containers: [{name: a, image: i}, {name: b, image: i}, {name: c, image: i}]
status:
  phase: Running
  conditions:
  - {type: Ready, status: "True"}
  containerStatuses:
  - {name: a, ready: false, restartCount: 0, state: {terminated: {reason: Completed, exitCode: 0}}}
  - {name: b, ready: false, restartCount: 0, state: {terminated: {reason: Error, exitCode: 1}}}
  - {name: c, ready: true, restartCount: 0, state: {running: {}}}
"#,
        row: [
            "error-but-running-ready",
            "1/3",
            "Running",
            "0",
            "<unknown>",
        ],
        wide: None,
    },
    PrintCase {
        upstream: "derived: errorReason (PR #124766): without Ready condition the error wins over NotReady",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: error-and-running
spec:
  containers: [{name: a, image: i}, {name: b, image: i}, {name: c, image: i}]
status:
  phase: Running
  containerStatuses:
  - {name: a, ready: false, restartCount: 0, state: {terminated: {reason: Completed, exitCode: 0}}}
  - {name: b, ready: false, restartCount: 0, state: {terminated: {reason: OOMKilled, exitCode: 137}}}
  - {name: c, ready: true, restartCount: 0, state: {running: {}}}
"#,
        row: ["error-and-running", "1/3", "OOMKilled", "0", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "derived: deleted pod with status.reason NodeLost prints Unknown",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: node-lost
  deletionTimestamp: "2025-12-31T23:59:50Z"
spec:
  nodeName: node1
  containers: [{name: a, image: i}]
status:
  phase: Running
  reason: NodeLost
  containerStatuses:
  - {name: a, ready: true, restartCount: 0, state: {running: {}}}
"#,
        row: ["node-lost", "1/1", "Unknown", "0", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "derived: init container killed by a signal, no reason",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: init-signal
spec:
  initContainers: [{name: init1, image: i}]
  containers: [{name: a, image: i}]
status:
  phase: Pending
  initContainerStatuses:
  - {name: init1, ready: false, restartCount: 0, state: {terminated: {exitCode: 137, signal: 9}}}
  containerStatuses:
  - {name: a, ready: false, restartCount: 0, state: {waiting: {reason: PodInitializing}}}
"#,
        row: ["init-signal", "0/1", "Init:Signal:9", "0", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "derived: init container exited non-zero, no reason",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: init-exit-code
spec:
  initContainers: [{name: init1, image: i}, {name: init2, image: i}]
  containers: [{name: a, image: i}]
status:
  phase: Pending
  initContainerStatuses:
  - {name: init1, ready: true, restartCount: 0, state: {terminated: {reason: Completed, exitCode: 0}}}
  - {name: init2, ready: false, restartCount: 0, state: {terminated: {exitCode: 1}}}
  containerStatuses:
  - {name: a, ready: false, restartCount: 0, state: {waiting: {reason: PodInitializing}}}
"#,
        row: ["init-exit-code", "0/1", "Init:ExitCode:1", "0", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "derived: regular container killed by a signal, no reason",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: signal-15
spec:
  restartPolicy: Never
  containers: [{name: a, image: i}]
status:
  phase: Failed
  containerStatuses:
  - {name: a, ready: false, restartCount: 0, state: {terminated: {exitCode: 143, signal: 15}}}
"#,
        row: ["signal-15", "0/1", "Signal:15", "0", "<unknown>"],
        wide: None,
    },
    PrintCase {
        upstream: "derived: while initializing, restarts count only init containers up to the first pending one, and regular containers are not counted ready",
        pod: r#"
apiVersion: v1
kind: Pod
metadata:
  name: init-restarts
spec:
  initContainers: [{name: init1, image: i}, {name: init2, image: i}]
  containers: [{name: a, image: i}]
status:
  phase: Pending
  initContainerStatuses:
  - name: init1
    ready: false
    restartCount: 2
    state: {waiting: {reason: CrashLoopBackOff}}
    lastState: {terminated: {reason: Error, exitCode: 1, finishedAt: "2025-12-31T23:59:30Z"}}
  - name: init2
    ready: false
    restartCount: 5
    state: {waiting: {}}
    lastState: {terminated: {reason: Error, exitCode: 1, finishedAt: "2025-12-31T23:59:55Z"}}
  containerStatuses:
  - name: a
    ready: true
    restartCount: 7
    state: {running: {}}
    lastState: {terminated: {reason: Error, exitCode: 1, finishedAt: "2025-12-31T23:59:58Z"}}
"#,
        row: [
            "init-restarts",
            "0/1",
            "Init:CrashLoopBackOff",
            "2 (30s ago)",
            "<unknown>",
        ],
        wide: None,
    },
];
