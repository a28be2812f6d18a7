//! `podplay check FILE` on valid and invalid manifests.

use std::path::Path;
use std::process::Command;

use expect_test::{Expect, expect};

/// Runs `podplay` with `args` in the test-data directory and renders its exit code and output.
fn check(args: &[&str], expected: Expect) {
    let output = Command::new(env!("CARGO_BIN_EXE_podplay"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data"))
        .output()
        .expect("the podplay binary runs");
    let rendered = format!(
        "exit {}\n--- stdout\n{}--- stderr\n{}",
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    expected.assert_eq(&rendered);
}

#[test]
fn valid_manifest() {
    check(
        &["check", "sidecar-logging.yaml"],
        expect![[r#"
            exit 0
            --- stdout
            pod/sidecar-logging valid (QoS class BestEffort)
            --- stderr
            sidecar-logging.yaml:4:3: warning[naked-pod]: metadata: a bare Pod has no controller: if it is deleted or its node fails, nothing creates it again
              fix: run it from a Deployment (or a Job for run-to-completion work) with this Pod as its template
            sidecar-logging.yaml:6:3: warning[runs-as-root]: spec.securityContext: nothing stops "app", "log-forwarder" from running as root: many images (nginx, busybox) default to it
              fix: set spec.securityContext.runAsNonRoot: true and a runAsUser (e.g. 1000), with an image that supports it
            sidecar-logging.yaml:7:5: warning[resources-missing]: spec.containers[0].resources: container "app" has no resource requests or memory limit: the scheduler cannot place it well, and without a memory limit it can starve its neighbours until the node OOM-kills something
              fix: set resources.requests (cpu, memory) and resources.limits.memory
            sidecar-logging.yaml:7:5: warning[probes-missing]: spec.containers[0]: container "app" runs for a long time but has no readiness or liveness probe: traffic reaches it before it is ready, and a hung process is never restarted
              fix: add a readinessProbe (and a livenessProbe) that checks the port the container serves
            sidecar-logging.yaml:8:12: warning[image-latest]: spec.containers[0].image: image "my-app:latest" uses :latest: each node may run a different version, and rollbacks cannot go back
              fix: pin a version tag (nginx:1.27) or a digest (nginx@sha256:…)
            sidecar-logging.yaml:12:5: warning[resources-missing]: spec.containers[1].resources: container "log-forwarder" has no resource requests or memory limit: the scheduler cannot place it well, and without a memory limit it can starve its neighbours until the node OOM-kills something
              fix: set resources.requests (cpu, memory) and resources.limits.memory
            sidecar-logging.yaml:12:5: warning[probes-missing]: spec.containers[1]: container "log-forwarder" runs for a long time but has no readiness or liveness probe: traffic reaches it before it is ready, and a hung process is never restarted
              fix: add a readinessProbe (and a livenessProbe) that checks the port the container serves
            sidecar-logging.yaml:13:12: warning[image-latest]: spec.containers[1].image: image "fluentd:latest" uses :latest: each node may run a different version, and rollbacks cannot go back
              fix: pin a version tag (nginx:1.27) or a digest (nginx@sha256:…)
        "#]],
    );
}

#[test]
fn yaml_error_names_line_and_column() {
    check(
        &["check", "broken-indentation.yaml"],
        expect![[r#"
            exit 1
            --- stdout
            --- stderr
            broken-indentation.yaml:9:4: error: The indentation is probably broken here (the YAML parser says: while parsing a block mapping, did not find expected key)
              fix: keys of one object must start in the same column, and a list item's fields must line up after its "- "
            error: error parsing broken-indentation.yaml: error converting YAML to JSON: yaml: line 9: while parsing a block mapping, did not find expected key
        "#]],
    );
}

#[test]
fn missing_fields_are_listed() {
    check(
        &["check", "missing-name.yaml"],
        expect![[r#"
            exit 1
            --- stdout
            --- stderr
            missing-name.yaml:4:3: error: metadata.name: Required value: name or generateName is required
            missing-name.yaml:8:5: error: spec.containers[0].name: Required value
            The Pod "" is invalid: 
            * metadata.name: Required value: name or generateName is required
            * spec.containers[0].name: Required value
        "#]],
    );
}

#[test]
fn a_huge_file_is_refused_without_reading_it_whole() {
    let path = std::env::temp_dir().join(format!("podplay-huge-{}.yaml", std::process::id()));
    let line = "# padding padding padding padding padding padding padding padding\n";
    std::fs::write(&path, line.repeat(40_000)).expect("the temporary file is writable");
    let file = path.to_str().expect("temporary paths are UTF-8 here");
    let output = Command::new(env!("CARGO_BIN_EXE_podplay"))
        .args(["check", file])
        .output()
        .expect("the podplay binary runs");
    std::fs::remove_file(&path).expect("the temporary file can be removed");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            ":1:1: error: the manifest is too large: the playground accepts at most 1048576 bytes\n"
        ),
        "{stderr}"
    );
}

#[test]
fn missing_file_is_a_usage_error() {
    check(
        &["check", "no-such-file.yaml"],
        expect![[r#"
        exit 2
        --- stdout
        --- stderr
        podplay: cannot read no-such-file.yaml: No such file or directory (os error 2)
    "#]],
    );
}

#[test]
fn no_arguments_prints_usage() {
    check(
        &[],
        expect![[r#"
            exit 2
            --- stdout
            --- stderr
            Podplay on the command line: check Pod manifests as the Kubernetes API server would, and see what
            kubectl would print once they run on Podplay's virtual cluster

            Usage: podplay <COMMAND>

            Commands:
              check        Check manifests as the API server would
              get          Print 'kubectl get pods' for the Pods of the files
              describe     Print 'kubectl describe' for the same Pods, or the workloads a resource argument
                           names ('describe statefulset/web FILE'), Events included
              logs         Print 'kubectl logs' of a simulated container
              exec         Run a command in a container of the file's first Pod (or of pod/NAME), as 'kubectl
                           exec POD [-c NAME] -- COMMAND' would at --at (by default 30s after 'kubectl apply')
              watch        Print 'kubectl get pods -w' (with a resource argument, 'kubectl get KIND -w') from
                           'kubectl apply' until --at (by default 2m)
              top          Print 'kubectl top pod': the CPU and memory the simulated containers use, held to
                           their limits
              yaml         Print 'kubectl get pod -o yaml': the Pod with its defaults and status
              diagram      Print an SVG drawing of the inside of the file's first Pod
              completions  Print a shell's completion script for podplay
              help         Print this message or the help of the given subcommand(s)

            Options:
              -h, --help     Print help
              -V, --version  Print version

            Exit status: 0 when every manifest is valid, 1 when any is not, 2 on a usage or I/O error.
        "#]],
    );
}

#[test]
fn a_mistyped_command_or_option_gets_a_suggestion() {
    check(
        &["chekc", "pod.yaml"],
        expect![[r#"
        exit 2
        --- stdout
        --- stderr
        error: unrecognized subcommand 'chekc'

          tip: a similar subcommand exists: 'check'

        Usage: podplay <COMMAND>

        For more information, try '--help'.
    "#]],
    );
    check(
        &["get", "--att", "5s", "valid-nginx.yaml"],
        expect![[r#"
        exit 2
        --- stdout
        --- stderr
        error: unexpected argument '--att' found

          tip: a similar argument exists: '--at'

        Usage: podplay get --at <DURATION> [FILE]...

        For more information, try '--help'.
    "#]],
    );
    check(
        &["get", "--at", "soon", "valid-nginx.yaml"],
        expect![[r#"
        exit 2
        --- stdout
        --- stderr
        error: invalid value 'soon' for '--at <DURATION>': expected a duration such as 35s, 2m, 1m30s or 500ms

        For more information, try '--help'.
    "#]],
    );
}

#[test]
fn each_command_has_its_help() {
    check(
        &["get", "--help"],
        expect![[r#"
            exit 0
            --- stdout
            Print 'kubectl get pods' for the Pods of the files.

            A Pod pasted from a cluster (with a status) is shown as it is at --now; the files' other Pods are
            simulated together on the virtual cluster and seen --at after 'kubectl apply'.

            Usage: podplay get [OPTIONS] [FILE]...

            Arguments:
              [FILE]...
                      Manifest files; '-' reads standard input. Before them, kubectl's resource argument may say
                      what to show: pods (the default), pod/NAME, deployments, rs/NAME, rc…

            Options:
              -o, --output <OUTPUT>
                      wide adds each Pod's IP and node; yaml prints 'kubectl get pod -o yaml'

                      Possible values:
                      - wide: Each Pod's IP and node too
                      - yaml: The Pod objects as 'kubectl get pod -o yaml' prints them

                  --at <DURATION>
                      How long after 'kubectl apply' the simulated Pods are seen (35s, 2m, 1m30s, 500ms)

                  --now <TIME>
                      "Now" for Pods pasted with a status (RFC 3339; by default the system clock)

                  --delete-at <DURATION>
                      Delete the simulated Pod then ('kubectl delete pod')

                  --grace-period <N>
                      The deletion's grace period in seconds ('kubectl delete pod --grace-period=N')

                  --scenario <S.yaml>
                      A scenario file (YAML or JSON; see the README): the nodes, the Services, ConfigMaps and
                      Secrets and the timed actions. Without FILE, the scenario's own manifest runs

              -h, --help
                      Print help (see a summary with '-h')
            --- stderr
        "#]],
    );
}

#[test]
fn completions_are_printed_for_a_shell() {
    let output = Command::new(env!("CARGO_BIN_EXE_podplay"))
        .args(["completions", "bash"])
        .output()
        .expect("the podplay binary runs");
    assert_eq!(output.status.code(), Some(0));
    let script = String::from_utf8_lossy(&output.stdout);
    assert!(script.contains("_podplay()"), "{script}");
    for command in [
        "check", "get", "describe", "logs", "watch", "top", "yaml", "diagram",
    ] {
        assert!(script.contains(command), "{command} missing from {script}");
    }
}

#[test]
fn unknown_fields_get_a_suggestion_and_kubectls_verdict() {
    check(
        &["check", "typo.yaml"],
        expect![[r#"
            exit 1
            --- stdout
            --- stderr
            typo.yaml:9:5: error: unknown field "spec.containers[0].imagePullPolice"
              fix: did you mean "imagePullPolicy"?
            Error from server (BadRequest): error when creating "typo.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagePullPolice"
        "#]],
    );
}

#[test]
fn several_files_fail_when_one_is_invalid() {
    check(
        &["check", "valid-nginx.yaml", "typo.yaml"],
        expect![[r#"
            exit 1
            --- stdout
            pod/nginx valid (QoS class Burstable)
            --- stderr
            typo.yaml:9:5: error: unknown field "spec.containers[0].imagePullPolice"
              fix: did you mean "imagePullPolicy"?
            Error from server (BadRequest): error when creating "typo.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagePullPolice"
        "#]],
    );
}

#[test]
fn json_output_describes_every_file() {
    check(
        &["check", "--output", "json", "valid-nginx.yaml", "typo.yaml"],
        expect![[r#"
            exit 1
            --- stdout
            [{"file":"valid-nginx.yaml","valid":true,"pod":"nginx","qosClass":"Burstable","objects":[{"apiVersion":"v1","kind":"Pod","name":"nginx"}],"diagnostics":[],"kubectl":null},{"file":"typo.yaml","valid":false,"pod":"typo","qosClass":"BestEffort","objects":[{"apiVersion":"v1","kind":"Pod","name":"typo"}],"diagnostics":[{"severity":"error","line":9,"column":5,"endLine":9,"endColumn":20,"path":"spec.containers[0].imagePullPolice","message":"unknown field \"spec.containers[0].imagePullPolice\"","fix":"did you mean \"imagePullPolicy\"?","lint":null}],"kubectl":"Error from server (BadRequest): error when creating \"typo.yaml\": Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: unknown field \"spec.containers[0].imagePullPolice\""}]
            --- stderr
        "#]],
    );
}

#[test]
fn bytes_that_are_not_utf8_are_refused() {
    let path = std::env::temp_dir().join(format!("podplay-binary-{}.yaml", std::process::id()));
    std::fs::write(
        &path,
        b"apiVersion: v1\nkind: Pod\nmetadata:\n  name: \xff\xfe\n",
    )
    .expect("the temporary file is writable");
    let file = path.to_str().expect("temporary paths are UTF-8 here");
    let output = Command::new(env!("CARGO_BIN_EXE_podplay"))
        .args(["check", file])
        .output()
        .expect("the podplay binary runs");
    std::fs::remove_file(&path).expect("the temporary file can be removed");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(":4:9: error: the manifest is not text: it contains bytes that are not UTF-8 at line 4, column 9; is this a binary file?"),
        "{stderr}"
    );
}

#[test]
fn get_prints_a_pasted_pod_as_it_is_and_a_manifest_as_created() {
    check(
        &[
            "get",
            "--now",
            "2026-01-01T00:04:30Z",
            "pasted-crashloop.yaml",
            "valid-nginx.yaml",
        ],
        expect![[r#"
            exit 0
            --- stdout
            NAME            READY   STATUS             RESTARTS      AGE
            liveness-exec   0/1     CrashLoopBackOff   3 (10s ago)   4m30s
            nginx           0/1     Pending            0             0s
            --- stderr
        "#]],
    );
    check(
        &[
            "get",
            "-o",
            "wide",
            "--now",
            "2026-01-01T00:04:30Z",
            "pasted-crashloop.yaml",
        ],
        expect![[r#"
            exit 0
            --- stdout
            NAME            READY   STATUS             RESTARTS      AGE     IP           NODE       NOMINATED NODE   READINESS GATES
            liveness-exec   0/1     CrashLoopBackOff   3 (10s ago)   4m30s   10.244.1.7   worker-1   <none>           <none>
            --- stderr
        "#]],
    );
}

#[test]
fn get_of_a_refused_manifest_prints_kubectls_error() {
    check(
        &["get", "--now", "2026-01-01T00:00:00Z", "typo.yaml"],
        expect![[r#"
            exit 1
            --- stdout
            --- stderr
            Error from server (BadRequest): error when creating "typo.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagePullPolice"
            No resources found in default namespace.
        "#]],
    );
}

#[test]
fn describe_prints_a_pasted_pod() {
    check(
        &[
            "describe",
            "--now",
            "2026-01-01T00:04:30Z",
            "--utc-offset",
            "+01:00",
            "pasted-crashloop.yaml",
        ],
        expect![[r#"
            exit 0
            --- stdout
            Name:             liveness-exec
            Namespace:        default
            Priority:         0
            Service Account:  default
            Node:             worker-1/
            Labels:           <none>
            Annotations:      <none>
            Status:           Running
            IP:               10.244.1.7
            IPs:
              IP:  10.244.1.7
            Containers:
              liveness:
                Container ID:  
                Image:         registry.k8s.io/busybox:1.27.2
                Image ID:      registry.k8s.io/busybox@sha256:545e6a6310a27636260920bc07b994a299b6708a1b26910cfefd335fdfb60d2b
                Port:          <none>
                Host Port:     <none>
                Args:
                  /bin/sh
                  -c
                  touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
                State:          Waiting
                  Reason:       CrashLoopBackOff
                Last State:     Terminated
                  Reason:       Error
                  Exit Code:    137
                  Started:      Thu, 01 Jan 2026 01:03:40 +0100
                  Finished:     Thu, 01 Jan 2026 01:04:20 +0100
                Ready:          False
                Restart Count:  3
                Liveness:       exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3
                Environment:    <none>
                Mounts:         <none>
            Conditions:
              Type           Status
              Ready          False 
            Volumes:         <none>
            QoS Class:       BestEffort
            Node-Selectors:  <none>
            Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
            Events:          <none>
            --- stderr
        "#]],
    );
}

#[test]
fn watch_follows_the_seed_init_demo() {
    check(
        &["watch", "--at", "30s", "init-demo.yaml"],
        expect![[r#"
        exit 0
        --- stdout
        NAME        READY   STATUS            RESTARTS   AGE
        init-demo   0/1     Pending           0          0s
        init-demo   0/1     Init:0/1          0          1s
        init-demo   0/1     PodInitializing   0          7s
        init-demo   1/1     Running           0          8s
        --- stderr
    "#]],
    );
}

#[test]
fn get_describe_and_logs_of_a_crash_loop_at_an_instant() {
    check(
        &["get", "--at", "1m", "crashloop.yaml"],
        expect![[r#"
        exit 0
        --- stdout
        NAME        READY   STATUS             RESTARTS     AGE
        crashloop   0/1     CrashLoopBackOff   3 (7s ago)   60s
        --- stderr
    "#]],
    );
    check(
        &["logs", "--at", "1m", "crashloop.yaml"],
        expect![[r#"
        exit 0
        --- stdout
        starting
        giving up
        --- stderr
    "#]],
    );
    check(
        &["logs", "--previous", "--at", "1m", "crashloop.yaml"],
        expect![[r#"
        exit 0
        --- stdout
        starting
        giving up
        --- stderr
    "#]],
    );
    check(
        &["describe", "--at", "1m", "crashloop.yaml"],
        expect![[r#"
            exit 0
            --- stdout
            Name:             crashloop
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
              app:
                Container ID:  containerd://ff1a483a9d96abc5ff1a483a9d96abc5ff1a483a9d96abc5ff1a483a9d96abc5
                Image:         busybox:1.36
                Image ID:      docker.io/library/busybox@sha256:9a907dc1bed9ad107c943c2a31b307a1ea9b47c366a89ee6ea777106dbb79f57
                Port:          <none>
                Host Port:     <none>
                Command:
                  sh
                  -c
                  echo starting; sleep 5; echo giving up; exit 1
                State:          Waiting
                  Reason:       CrashLoopBackOff
                Last State:     Terminated
                  Reason:       Error
                  Exit Code:    1
                  Started:      Thu, 01 Jan 2026 00:00:48 +0000
                  Finished:     Thu, 01 Jan 2026 00:00:53 +0000
                Ready:          False
                Restart Count:  3
                Environment:    <none>
                Mounts:         <none>
            Conditions:
              Type                        Status
              PodReadyToStartContainers   True 
              Initialized                 True 
              Ready                       False 
              ContainersReady             False 
              PodScheduled                True 
            Volumes:                      <none>
            QoS Class:                    BestEffort
            Node-Selectors:               <none>
            Tolerations:                  node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                                          node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
            Events:
              Type     Reason     Age                From               Message
              ----     ------     ----               ----               -------
              Normal   Scheduled  60s                default-scheduler  Successfully assigned default/crashloop to node-1
              Normal   Pulling    59s                kubelet            spec.containers{app}: Pulling image "busybox:1.36"
              Normal   Pulled     58s                kubelet            spec.containers{app}: Successfully pulled image "busybox:1.36" in 1s (1s including waiting)
              Normal   Created    12s (x4 over 58s)  kubelet            spec.containers{app}: Created container app
              Normal   Started    12s (x4 over 58s)  kubelet            spec.containers{app}: Started container app
              Normal   Pulled     12s (x3 over 52s)  kubelet            spec.containers{app}: Container image "busybox:1.36" already present on machine
              Warning  BackOff    6s (x3 over 46s)   kubelet            spec.containers{app}: Back-off restarting failed container app in pod crashloop_default(ff97e1ec-99d0-47a6-c3d9-33a08f4dff2f)
            --- stderr
        "#]],
    );
}

#[test]
fn watch_a_deletion_through_the_grace_period() {
    check(
        &[
            "watch",
            "--at",
            "90s",
            "--delete-at",
            "20s",
            "crashloop.yaml",
        ],
        expect![[r#"
            exit 0
            --- stdout
            NAME        READY   STATUS              RESTARTS      AGE
            crashloop   0/1     Pending             0             0s
            crashloop   0/1     ContainerCreating   0             1s
            crashloop   1/1     Running             0             2s
            crashloop   0/1     Error               0             7s
            crashloop   1/1     Running             1 (1s ago)    8s
            crashloop   0/1     Error               1 (6s ago)    13s
            crashloop   0/1     CrashLoopBackOff    1 (1s ago)    14s
            crashloop   0/1     Terminating         1 (13s ago)   20s
            crashloop   0/1     Error               1 (13s ago)   20s
            --- stderr
        "#]],
    );
    check(
        &[
            "get",
            "--at",
            "90s",
            "--delete-at",
            "20s",
            "--grace-period",
            "5",
            "crashloop.yaml",
        ],
        expect![[r#"
            exit 0
            --- stdout
            --- stderr
            No resources found in default namespace.
        "#]],
    );
}

#[test]
fn watch_a_lost_node_from_a_scenario_file() {
    check(
        &[
            "watch",
            "--at",
            "8m",
            "--scenario",
            "lost-node.scenario.yaml",
            "crashloop.yaml",
        ],
        expect![[r#"
            exit 0
            --- stdout
            NAME        READY   STATUS              RESTARTS        AGE
            crashloop   0/1     Pending             0               0s
            crashloop   0/1     ContainerCreating   0               1s
            crashloop   1/1     Running             0               2s
            crashloop   0/1     Error               0               7s
            crashloop   1/1     Running             1 (1s ago)      8s
            crashloop   0/1     Error               1 (6s ago)      13s
            crashloop   0/1     CrashLoopBackOff    1 (1s ago)      14s
            crashloop   1/1     Running             2 (10s ago)     23s
            crashloop   0/1     Error               2 (15s ago)     28s
            crashloop   0/1     CrashLoopBackOff    2 (1s ago)      29s
            crashloop   1/1     Running             3 (20s ago)     48s
            crashloop   0/1     Error               3 (25s ago)     53s
            crashloop   0/1     CrashLoopBackOff    3 (1s ago)      54s
            crashloop   0/1     Unknown             3 (5m57s ago)   6m50s
            --- stderr
        "#]],
    );
}

#[test]
fn a_scenario_with_its_own_manifest_needs_no_file() {
    check(
        &[
            "watch",
            "--at",
            "1m",
            "--scenario",
            "bad-pull.scenario.yaml",
        ],
        expect![[r#"
            exit 0
            --- stdout
            NAME   READY   STATUS              RESTARTS   AGE
            typo   0/1     Pending             0          0s
            typo   0/1     ContainerCreating   0          1s
            typo   0/1     ErrImagePull        0          2s
            typo   0/1     ImagePullBackOff    0          3s
            typo   0/1     ErrImagePull        0          13s
            typo   0/1     ImagePullBackOff    0          14s
            typo   0/1     ErrImagePull        0          34s
            typo   0/1     ImagePullBackOff    0          35s
            --- stderr
        "#]],
    );
    check(
        &[
            "describe",
            "--at",
            "1m",
            "--scenario",
            "bad-pull.scenario.yaml",
        ],
        expect![[r#"
            exit 0
            --- stdout
            Name:             typo
            Namespace:        default
            Priority:         0
            Service Account:  default
            Node:             node-1/192.168.49.2
            Start Time:       Thu, 01 Jan 2026 00:00:01 +0000
            Labels:           <none>
            Annotations:      <none>
            Status:           Pending
            IP:               10.244.0.5
            IPs:
              IP:  10.244.0.5
            Containers:
              web:
                Container ID:   
                Image:          nginx:1.999
                Image ID:       
                Port:           <none>
                Host Port:      <none>
                State:          Waiting
                  Reason:       ImagePullBackOff
                Ready:          False
                Restart Count:  0
                Environment:    <none>
                Mounts:         <none>
            Conditions:
              Type                        Status
              PodReadyToStartContainers   True 
              Initialized                 True 
              Ready                       False 
              ContainersReady             False 
              PodScheduled                True 
            Volumes:                      <none>
            QoS Class:                    BestEffort
            Node-Selectors:               <none>
            Tolerations:                  node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                                          node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
            Events:
              Type     Reason     Age                From               Message
              ----     ------     ----               ----               -------
              Normal   Scheduled  60s                default-scheduler  Successfully assigned default/typo to node-1
              Normal   Pulling    27s (x3 over 59s)  kubelet            spec.containers{web}: Pulling image "nginx:1.999"
              Warning  Failed     26s (x3 over 58s)  kubelet            spec.containers{web}: Failed to pull image "nginx:1.999": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.999": failed to resolve reference "docker.io/library/nginx:1.999": docker.io/library/nginx:1.999: not found
              Warning  Failed     26s (x3 over 58s)  kubelet            spec.containers{web}: Error: ErrImagePull
              Normal   BackOff    5s (x6 over 57s)   kubelet            spec.containers{web}: Back-off pulling image "nginx:1.999"
              Warning  Failed     5s (x6 over 57s)   kubelet            spec.containers{web}: Error: ImagePullBackOff
            --- stderr
        "#]],
    );
}

#[test]
fn a_bad_scenario_file_is_a_usage_error() {
    check(
        &["get", "--scenario", "crashloop.yaml", "crashloop.yaml"],
        expect![[r#"
            exit 2
            --- stdout
            --- stderr
            podplay: crashloop.yaml: scenario: unknown field `apiVersion`, expected one of `version`, `manifest`, `node`, `nodes`, `services`, `configMaps`, `secrets`, `horizon`, `start`, `podIp`, `staticPod`, `actions`
        "#]],
    );
}

#[test]
fn yaml_prints_the_pod_with_its_defaults_and_status() {
    check(
        &["yaml", "--at", "30s", "init-demo.yaml"],
        expect![[r#"
        exit 0
        --- stdout
        apiVersion: v1
        kind: Pod
        metadata:
          creationTimestamp: "2026-01-01T00:00:00Z"
          name: init-demo
          namespace: default
          resourceVersion: "1029"
          uid: 24226436-2b32-543d-c86c-5664a87a4844
        spec:
          containers:
          - command:
            - sh
            - -c
            - echo The app is running! && sleep 3600
            image: busybox
            imagePullPolicy: Always
            name: my-app
            resources: {}
            terminationMessagePath: /dev/termination-log
            terminationMessagePolicy: File
          dnsPolicy: ClusterFirst
          enableServiceLinks: true
          initContainers:
          - command:
            - sh
            - -c
            - 'echo "Init: Setting up environment..."; sleep 5; echo "Init: Done!"'
            image: busybox
            imagePullPolicy: Always
            name: init-myservice
            resources: {}
            terminationMessagePath: /dev/termination-log
            terminationMessagePolicy: File
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
            lastTransitionTime: "2026-01-01T00:00:08Z"
            status: "True"
            type: Initialized
          - lastProbeTime: null
            lastTransitionTime: "2026-01-01T00:00:08Z"
            status: "True"
            type: Ready
          - lastProbeTime: null
            lastTransitionTime: "2026-01-01T00:00:08Z"
            status: "True"
            type: ContainersReady
          - lastProbeTime: null
            lastTransitionTime: "2026-01-01T00:00:00Z"
            status: "True"
            type: PodScheduled
          containerStatuses:
          - containerID: containerd://39d477631a5d7bf939d477631a5d7bf939d477631a5d7bf939d477631a5d7bf9
            image: docker.io/library/busybox:latest
            imageID: docker.io/library/busybox@sha256:5e34e2c5f0dac31d5dec367baf7ddf9c2caa532101cdbbc30a2048206825c0b2
            lastState: {}
            name: my-app
            ready: true
            restartCount: 0
            started: true
            state:
              running:
                startedAt: "2026-01-01T00:00:08Z"
          hostIP: 192.168.49.2
          hostIPs:
          - ip: 192.168.49.2
          initContainerStatuses:
          - containerID: containerd://75cb75b48b50621675cb75b48b50621675cb75b48b50621675cb75b48b506216
            image: docker.io/library/busybox:latest
            imageID: docker.io/library/busybox@sha256:5e34e2c5f0dac31d5dec367baf7ddf9c2caa532101cdbbc30a2048206825c0b2
            lastState: {}
            name: init-myservice
            ready: true
            restartCount: 0
            started: false
            state:
              terminated:
                containerID: containerd://75cb75b48b50621675cb75b48b50621675cb75b48b50621675cb75b48b506216
                exitCode: 0
                finishedAt: "2026-01-01T00:00:07Z"
                reason: Completed
                startedAt: "2026-01-01T00:00:02Z"
          phase: Running
          podIP: 10.244.0.5
          podIPs:
          - ip: 10.244.0.5
          qosClass: BestEffort
          startTime: "2026-01-01T00:00:01Z"
        --- stderr
    "#]],
    );
    check(
        &[
            "get",
            "-o",
            "yaml",
            "--at",
            "1s",
            "valid-nginx.yaml",
            "crashloop.yaml",
        ],
        expect![[r#"
            exit 0
            --- stdout
            apiVersion: v1
            items:
            - apiVersion: v1
              kind: Pod
              metadata:
                creationTimestamp: "2026-01-01T00:00:00Z"
                name: nginx
                namespace: default
                ownerReferences:
                - apiVersion: apps/v1
                  controller: true
                  kind: ReplicaSet
                  name: nginx-7c5ddbdf54
                  uid: 7a1c1f1e-2b44-4f5e-9d2a-0c3a4b5c6d7e
                resourceVersion: "1025"
                uid: f79a102f-6f88-5c2f-205e-df10b85fef34
              spec:
                containers:
                - image: nginxinc/nginx-unprivileged:1.27
                  imagePullPolicy: IfNotPresent
                  name: nginx
                  ports:
                  - containerPort: 8080
                    protocol: TCP
                  readinessProbe:
                    failureThreshold: 3
                    httpGet:
                      path: /
                      port: 8080
                      scheme: HTTP
                    periodSeconds: 10
                    successThreshold: 1
                    timeoutSeconds: 1
                  resources:
                    limits:
                      memory: 128Mi
                    requests:
                      cpu: 100m
                      memory: 64Mi
                  terminationMessagePath: /dev/termination-log
                  terminationMessagePolicy: File
                dnsPolicy: ClusterFirst
                enableServiceLinks: true
                nodeName: node-1
                preemptionPolicy: PreemptLowerPriority
                priority: 0
                restartPolicy: Always
                schedulerName: default-scheduler
                securityContext:
                  runAsNonRoot: true
                  runAsUser: 101
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
                  lastTransitionTime: "2026-01-01T00:00:01Z"
                  message: 'containers with unready status: [nginx]'
                  reason: ContainersNotReady
                  status: "False"
                  type: Ready
                - lastProbeTime: null
                  lastTransitionTime: "2026-01-01T00:00:01Z"
                  message: 'containers with unready status: [nginx]'
                  reason: ContainersNotReady
                  status: "False"
                  type: ContainersReady
                - lastProbeTime: null
                  lastTransitionTime: "2026-01-01T00:00:00Z"
                  status: "True"
                  type: PodScheduled
                containerStatuses:
                - image: nginxinc/nginx-unprivileged:1.27
                  imageID: ""
                  lastState: {}
                  name: nginx
                  ready: false
                  restartCount: 0
                  started: false
                  state:
                    waiting:
                      reason: ContainerCreating
                hostIP: 192.168.49.2
                hostIPs:
                - ip: 192.168.49.2
                phase: Pending
                podIP: 10.244.0.5
                podIPs:
                - ip: 10.244.0.5
                qosClass: Burstable
                startTime: "2026-01-01T00:00:01Z"
            - apiVersion: v1
              kind: Pod
              metadata:
                creationTimestamp: "2026-01-01T00:00:00Z"
                name: crashloop
                namespace: default
                resourceVersion: "1025"
                uid: ff97e1ec-99d0-47a6-c3d9-33a08f4dff2f
              spec:
                containers:
                - command:
                  - sh
                  - -c
                  - echo starting; sleep 5; echo giving up; exit 1
                  image: busybox:1.36
                  imagePullPolicy: IfNotPresent
                  name: app
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
                  lastTransitionTime: "2026-01-01T00:00:01Z"
                  message: 'containers with unready status: [app]'
                  reason: ContainersNotReady
                  status: "False"
                  type: Ready
                - lastProbeTime: null
                  lastTransitionTime: "2026-01-01T00:00:01Z"
                  message: 'containers with unready status: [app]'
                  reason: ContainersNotReady
                  status: "False"
                  type: ContainersReady
                - lastProbeTime: null
                  lastTransitionTime: "2026-01-01T00:00:00Z"
                  status: "True"
                  type: PodScheduled
                containerStatuses:
                - image: busybox:1.36
                  imageID: ""
                  lastState: {}
                  name: app
                  ready: false
                  restartCount: 0
                  started: false
                  state:
                    waiting:
                      reason: ContainerCreating
                hostIP: 192.168.49.2
                hostIPs:
                - ip: 192.168.49.2
                phase: Pending
                podIP: 10.244.0.5
                podIPs:
                - ip: 10.244.0.5
                qosClass: BestEffort
                startTime: "2026-01-01T00:00:01Z"
            kind: List
            metadata:
              resourceVersion: ""
            --- stderr
        "#]],
    );
}

#[test]
fn top_shows_usage_and_refuses_pasted_pods() {
    check(
        &[
            "top",
            "--containers",
            "--at",
            "1m",
            "sidecar-logging.yaml",
            "crashloop.yaml",
        ],
        expect![[r#"
            exit 0
            --- stdout
            POD               NAME            CPU(cores)   MEMORY(bytes)   
            sidecar-logging   app             1m           8Mi             
            sidecar-logging   log-forwarder   1m           60Mi            
            --- stderr
        "#]],
    );
    check(
        &["top", "pasted-crashloop.yaml"],
        expect![[r#"
        exit 1
        --- stdout
        --- stderr
        error: Metrics API not available
    "#]],
    );
}

#[test]
fn a_deleted_pod_applied_again_is_a_new_pod_with_a_new_ip() {
    check(
        &[
            "watch",
            "--at",
            "1m",
            "--scenario",
            "reapply.scenario.yaml",
            "valid-nginx.yaml",
        ],
        expect![[r#"
            exit 0
            --- stdout
            NAME    READY   STATUS              RESTARTS   AGE
            nginx   0/1     Pending             0          0s
            nginx   0/1     ContainerCreating   0          1s
            nginx   1/1     Running             0          2s
            nginx   0/1     Terminating         0          20s
            nginx   0/1     Completed           0          20s
            nginx   0/1     Pending             0          0s
            nginx   1/1     Running             0          1s
            --- stderr
        "#]],
    );
    check(
        &[
            "get",
            "-o",
            "wide",
            "--at",
            "1m",
            "--scenario",
            "reapply.scenario.yaml",
            "valid-nginx.yaml",
        ],
        expect![[r#"
            exit 0
            --- stdout
            NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
            nginx   1/1     Running   0          20s   10.244.0.6   node-1   <none>           <none>
            --- stderr
        "#]],
    );
}

#[test]
fn at_the_instant_of_a_deletion_the_pod_is_terminating() {
    check(
        &[
            "get",
            "--at",
            "30s",
            "--delete-at",
            "30s",
            "valid-nginx.yaml",
        ],
        expect![[r#"
            exit 0
            --- stdout
            NAME    READY   STATUS        RESTARTS   AGE
            nginx   0/1     Terminating   0          30s
            --- stderr
        "#]],
    );
}

#[test]
fn several_pods_on_several_nodes_each_show_their_node() {
    check(
        &[
            "get",
            "-o",
            "wide",
            "--at",
            "10s",
            "--scenario",
            "two-nodes.scenario.yaml",
            "two-pods.yaml",
        ],
        expect![[r#"
            exit 0
            --- stdout
            NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
            fast    0/1     Pending   0          10s   <none>       <none>   <none>           <none>
            plain   1/1     Running   0          10s   10.244.0.5   node-1   <none>           <none>
            --- stderr
        "#]],
    );
    check(
        &[
            "get",
            "-o",
            "wide",
            "--at",
            "7m",
            "--scenario",
            "two-nodes.scenario.yaml",
            "two-pods.yaml",
        ],
        expect![[r#"
            exit 0
            --- stdout
            NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
            fast    1/1     Unknown   0          7m    10.244.2.5   node-3   <none>           <none>
            plain   1/1     Running   0          7m    10.244.0.5   node-1   <none>           <none>
            --- stderr
        "#]],
    );
    check(
        &[
            "describe",
            "--at",
            "40s",
            "--scenario",
            "two-nodes.scenario.yaml",
            "two-pods.yaml",
        ],
        expect![[r#"
            exit 0
            --- stdout
            Name:             fast
            Namespace:        default
            Priority:         0
            Service Account:  default
            Node:             node-3/192.168.49.4
            Start Time:       Thu, 01 Jan 2026 00:00:31 +0000
            Labels:           <none>
            Annotations:      <none>
            Status:           Running
            IP:               10.244.2.5
            IPs:
              IP:  10.244.2.5
            Containers:
              app:
                Container ID:   containerd://deb23fc4cb66a6e3deb23fc4cb66a6e3deb23fc4cb66a6e3deb23fc4cb66a6e3
                Image:          nginx:1.27
                Image ID:       docker.io/library/nginx@sha256:da846333ae655c9c3dc9ecd0acd7a28d1f6041973bfcab66bda95bc85e7c142f
                Port:           <none>
                Host Port:      <none>
                State:          Running
                  Started:      Thu, 01 Jan 2026 00:00:32 +0000
                Ready:          True
                Restart Count:  0
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
            Node-Selectors:               disktype=ssd
            Tolerations:                  node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                                          node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
            Events:
              Type     Reason            Age   From               Message
              ----     ------            ----  ----               -------
              Warning  FailedScheduling  40s   default-scheduler  0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.
              Normal   Scheduled         10s   default-scheduler  Successfully assigned default/fast to node-3
              Normal   Pulling           9s    kubelet            spec.containers{app}: Pulling image "nginx:1.27"
              Normal   Pulled            8s    kubelet            spec.containers{app}: Successfully pulled image "nginx:1.27" in 1s (1s including waiting)
              Normal   Created           8s    kubelet            spec.containers{app}: Created container app
              Normal   Started           8s    kubelet            spec.containers{app}: Started container app


            Name:             plain
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
              app:
                Container ID:   containerd://1984a40e65c3b4011984a40e65c3b4011984a40e65c3b4011984a40e65c3b401
                Image:          nginx:1.27
                Image ID:       docker.io/library/nginx@sha256:da846333ae655c9c3dc9ecd0acd7a28d1f6041973bfcab66bda95bc85e7c142f
                Port:           <none>
                Host Port:      <none>
                State:          Running
                  Started:      Thu, 01 Jan 2026 00:00:02 +0000
                Ready:          True
                Restart Count:  0
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
              Type    Reason     Age   From               Message
              ----    ------     ----  ----               -------
              Normal  Scheduled  40s   default-scheduler  Successfully assigned default/plain to node-1
              Normal  Pulling    39s   kubelet            spec.containers{app}: Pulling image "nginx:1.27"
              Normal  Pulled     38s   kubelet            spec.containers{app}: Successfully pulled image "nginx:1.27" in 1s (1s including waiting)
              Normal  Created    38s   kubelet            spec.containers{app}: Created container app
              Normal  Started    38s   kubelet            spec.containers{app}: Started container app
            --- stderr
        "#]],
    );
}

#[test]
fn a_static_pod_is_checked_without_the_naked_pod_warning() {
    check(
        &["check", "--static-pod", "sidecar-logging.yaml"],
        expect![[r#"
            exit 0
            --- stdout
            pod/sidecar-logging valid (QoS class BestEffort)
            --- stderr
            sidecar-logging.yaml:6:3: warning[runs-as-root]: spec.securityContext: nothing stops "app", "log-forwarder" from running as root: many images (nginx, busybox) default to it
              fix: set spec.securityContext.runAsNonRoot: true and a runAsUser (e.g. 1000), with an image that supports it
            sidecar-logging.yaml:7:5: warning[resources-missing]: spec.containers[0].resources: container "app" has no resource requests or memory limit: the scheduler cannot place it well, and without a memory limit it can starve its neighbours until the node OOM-kills something
              fix: set resources.requests (cpu, memory) and resources.limits.memory
            sidecar-logging.yaml:7:5: warning[probes-missing]: spec.containers[0]: container "app" runs for a long time but has no readiness or liveness probe: traffic reaches it before it is ready, and a hung process is never restarted
              fix: add a readinessProbe (and a livenessProbe) that checks the port the container serves
            sidecar-logging.yaml:8:12: warning[image-latest]: spec.containers[0].image: image "my-app:latest" uses :latest: each node may run a different version, and rollbacks cannot go back
              fix: pin a version tag (nginx:1.27) or a digest (nginx@sha256:…)
            sidecar-logging.yaml:12:5: warning[resources-missing]: spec.containers[1].resources: container "log-forwarder" has no resource requests or memory limit: the scheduler cannot place it well, and without a memory limit it can starve its neighbours until the node OOM-kills something
              fix: set resources.requests (cpu, memory) and resources.limits.memory
            sidecar-logging.yaml:12:5: warning[probes-missing]: spec.containers[1]: container "log-forwarder" runs for a long time but has no readiness or liveness probe: traffic reaches it before it is ready, and a hung process is never restarted
              fix: add a readinessProbe (and a livenessProbe) that checks the port the container serves
            sidecar-logging.yaml:13:12: warning[image-latest]: spec.containers[1].image: image "fluentd:latest" uses :latest: each node may run a different version, and rollbacks cannot go back
              fix: pin a version tag (nginx:1.27) or a digest (nginx@sha256:…)
        "#]],
    );
}

#[test]
fn get_takes_kubectls_resource_argument() {
    check(
        &["get", "deployments", "--at", "30s", "deployment.yaml"],
        expect![[r#"
            exit 0
            --- stdout
            NAME   READY   UP-TO-DATE   AVAILABLE   AGE
            web    2/2     2            2           30s
            --- stderr
        "#]],
    );
    check(
        &[
            "get",
            "deploy/web",
            "-o",
            "yaml",
            "--at",
            "30s",
            "deployment.yaml",
        ],
        expect![[r#"
            exit 0
            --- stdout
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                deployment.kubernetes.io/revision: "1"
              creationTimestamp: "2026-01-01T00:00:00Z"
              generation: 1
              name: web
              resourceVersion: "1030"
              uid: a58d462c-38c3-9d04-8c58-71873a094b1a
            spec:
              progressDeadlineSeconds: 600
              replicas: 2
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
                    ports:
                    - containerPort: 80
                      protocol: TCP
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
              availableReplicas: 2
              conditions:
              - lastTransitionTime: "2026-01-01T00:00:02Z"
                lastUpdateTime: "2026-01-01T00:00:02Z"
                message: Deployment has minimum availability.
                reason: MinimumReplicasAvailable
                status: "True"
                type: Available
              - lastTransitionTime: "2026-01-01T00:00:00Z"
                lastUpdateTime: "2026-01-01T00:00:02Z"
                message: ReplicaSet "web-84b87c4dcf" has successfully progressed.
                reason: NewReplicaSetAvailable
                status: "True"
                type: Progressing
              observedGeneration: 1
              readyReplicas: 2
              replicas: 2
              updatedReplicas: 2
            --- stderr
        "#]],
    );
    check(
        &["watch", "deployments", "--at", "30s", "deployment.yaml"],
        expect![[r#"
            exit 0
            --- stdout
            NAME   READY   UP-TO-DATE   AVAILABLE   AGE
            web    0/2     2            0           0s
            web    2/2     2            2           2s
            --- stderr
        "#]],
    );
    check(
        &["get", "rs", "-o", "wide", "--at", "30s", "deployment.yaml"],
        expect![[r#"
            exit 0
            --- stdout
            NAME             DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR
            web-84b87c4dcf   2         2         2       30s   nginx        nginx:1.27   app=web,pod-template-hash=84b87c4dcf
            --- stderr
        "#]],
    );
    check(
        &["get", "pods", "--at", "30s", "deployment.yaml"],
        expect![[r#"
        exit 0
        --- stdout
        NAME                   READY   STATUS    RESTARTS   AGE
        web-84b87c4dcf-8957w   1/1     Running   0          30s
        web-84b87c4dcf-95nfb   1/1     Running   0          30s
        --- stderr
    "#]],
    );
    check(
        &["get", "deploy/api", "deployment.yaml"],
        expect![[r#"
        exit 1
        --- stdout
        --- stderr
        Error from server (NotFound): deployments.apps "api" not found
    "#]],
    );
    check(
        &["get", "pod/web", "valid-nginx.yaml"],
        expect![[r#"
        exit 1
        --- stdout
        --- stderr
        Error from server (NotFound): pods "web" not found
    "#]],
    );
    check(
        &["describe", "pod/nginx", "valid-nginx.yaml"],
        expect![[r#"
        exit 0
        --- stdout
        Name:             nginx
        Namespace:        default
        Priority:         0
        Service Account:  default
        Node:             node-1/
        Labels:           <none>
        Annotations:      <none>
        Status:           Pending
        IP:               
        IPs:              <none>
        Controlled By:    ReplicaSet/nginx-7c5ddbdf54
        Containers:
          nginx:
            Image:      nginxinc/nginx-unprivileged:1.27
            Port:       8080/TCP
            Host Port:  0/TCP
            Limits:
              memory:  128Mi
            Requests:
              cpu:        100m
              memory:     64Mi
            Readiness:    http-get http://:8080/ delay=0s timeout=1s period=10s #success=1 #failure=3
            Environment:  <none>
            Mounts:       <none>
        Conditions:
          Type           Status
          PodScheduled   True 
        Volumes:         <none>
        QoS Class:       Burstable
        Node-Selectors:  <none>
        Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                         node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
        Events:
          Type    Reason     Age   From               Message
          ----    ------     ----  ----               -------
          Normal  Scheduled  0s    default-scheduler  Successfully assigned default/nginx to node-1
        --- stderr
    "#]],
    );
}

#[test]
fn describe_takes_kubectls_resource_argument() {
    check(
        &["describe", "deploy/web", "--at", "30s", "deployment.yaml"],
        expect![[r#"
            exit 0
            --- stdout
            Name:                   web
            Namespace:              default
            CreationTimestamp:      Thu, 01 Jan 2026 00:00:00 +0000
            Labels:                 <none>
            Annotations:            deployment.kubernetes.io/revision: 1
            Selector:               app=web
            Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable
            StrategyType:           RollingUpdate
            MinReadySeconds:        0
            RollingUpdateStrategy:  25% max unavailable, 25% max surge
            Pod Template:
              Labels:  app=web
              Containers:
               nginx:
                Image:         nginx:1.27
                Port:          80/TCP
                Host Port:     0/TCP
                Environment:   <none>
                Mounts:        <none>
              Volumes:         <none>
              Node-Selectors:  <none>
              Tolerations:     <none>
            Conditions:
              Type           Status  Reason
              ----           ------  ------
              Available      True    MinimumReplicasAvailable
              Progressing    True    NewReplicaSetAvailable
            OldReplicaSets:  <none>
            NewReplicaSet:   web-84b87c4dcf (2/2 replicas created)
            Events:
              Type    Reason             Age   From                   Message
              ----    ------             ----  ----                   -------
              Normal  ScalingReplicaSet  30s   deployment-controller  Scaled up replica set web-84b87c4dcf from 0 to 2
            --- stderr
        "#]],
    );
}

/// `podplay exec`: `kubectl exec` in the first Pod at --at (30s by default), its output on
/// standard output, kubectl's notice and errors on standard error, and the command's status as
/// podplay's.
#[test]
fn exec_runs_a_command_in_a_container() {
    check(
        &["exec", "sidecar-logging.yaml", "--", "ls", "/var/log/app"],
        expect![[r#"
            exit 0
            --- stdout
            --- stderr
            Defaulted container "app" out of: app, log-forwarder
        "#]],
    );
    check(
        &[
            "exec",
            "-c",
            "log-forwarder",
            "sidecar-logging.yaml",
            "--",
            "sh",
            "-c",
            "echo $HOSTNAME; exit 4",
        ],
        expect![[r#"
            exit 4
            --- stdout
            sidecar-logging
            --- stderr
            command terminated with exit code 4
        "#]],
    );
}
