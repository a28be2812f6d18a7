//! `kubectl exec` on the virtual cluster: kubectl's own checks and notices, the API server's and
//! the kubelet's errors, and commands run in a container at the step on screen, against its
//! files, volumes and environment then (the docs' task pages check their results this way).

use expect_test::{Expect, expect};

use crate::transcript::console_transcript;

/// Runs `manifest` in `scenario` (YAML) and prints, at each instant, the console's answer to
/// each command (`error> ` before an error's lines).
fn check(manifest: &str, scenario: &str, steps: &[(&str, &[&str])], expected: Expect) {
    expected.assert_eq(&console_transcript(manifest, scenario, steps, true));
}

/// The shared-volume task page's Pod (content/en/examples/pods/two-container-pod.yaml of
/// kubernetes/website): the debian container writes the page nginx serves, and exits.
const TWO_CONTAINERS: &str = "\
apiVersion: v1
kind: Pod
metadata:
  name: two-containers
spec:
  restartPolicy: Never
  volumes:
  - name: shared-data
    emptyDir: {}
  containers:
  - name: nginx-container
    image: nginx
    volumeMounts:
    - name: shared-data
      mountPath: /usr/share/nginx/html
  - name: debian-container
    image: debian
    volumeMounts:
    - name: shared-data
      mountPath: /pod-data
    command: [\"/bin/sh\"]
    args: [\"-c\", \"echo Hello from the debian container > /pod-data/index.html\"]
";

/// The task page "Communicate Between Containers in the Same Pod Using a Shared Volume": what
/// the debian container wrote is in nginx's html directory; the default container comes with
/// kubectl's notice, and the finished container cannot be exec'd into.
#[test]
fn a_file_one_container_wrote_is_read_from_the_other() {
    check(
        TWO_CONTAINERS,
        "{}",
        &[(
            "30s",
            &[
                "kubectl exec two-containers -c nginx-container -- cat /usr/share/nginx/html/index.html",
                "kubectl exec two-containers -c nginx-container -- curl -s localhost",
                "kubectl exec two-containers -c nginx-container -- curl -s localhost:8080",
                "kubectl exec two-containers -- ls /usr/share/nginx/html",
                "kubectl exec -q two-containers -- printenv HOSTNAME",
                "kubectl exec two-containers -c debian-container -- ls /pod-data",
                "kubectl exec two-containers -c redis -- ls",
            ],
        )],
        expect![[r#"
            --- 30s $ kubectl exec two-containers -c nginx-container -- cat /usr/share/nginx/html/index.html
            Hello from the debian container
            --- 30s $ kubectl exec two-containers -c nginx-container -- curl -s localhost
            Hello from the debian container
            --- 30s $ kubectl exec two-containers -c nginx-container -- curl -s localhost:8080
            error> curl: (7) Failed to connect to localhost port 8080: Connection refused
            error> command terminated with exit code 7
            --- 30s $ kubectl exec two-containers -- ls /usr/share/nginx/html
            Defaulted container "nginx-container" out of: nginx-container, debian-container
            index.html
            --- 30s $ kubectl exec -q two-containers -- printenv HOSTNAME
            two-containers
            --- 30s $ kubectl exec two-containers -c debian-container -- ls /pod-data
            error> error: unable to upgrade connection: container not found ("debian-container")
            --- 30s $ kubectl exec two-containers -c redis -- ls
            error> Error from server (BadRequest): container redis is not valid for pod two-containers
        "#]],
    );
}

/// The downward API volume task page: the Pod's labels and annotations as files, in the
/// kubelet's format.
#[test]
fn downward_api_files_as_the_docs_show_them() {
    check(
        include_str!("../corpus/k8s-docs-examples/pods/inject/dapi-volume.yaml"),
        "{}",
        &[(
            "20s",
            &[
                "kubectl exec kubernetes-downwardapi-volume-example -- cat /etc/podinfo/labels",
                "kubectl exec kubernetes-downwardapi-volume-example -- cat /etc/podinfo/annotations",
                "kubectl exec kubernetes-downwardapi-volume-example -- sh -c 'ls /etc/podinfo; echo $HOSTNAME'",
            ],
        )],
        expect![[r#"
            --- 20s $ kubectl exec kubernetes-downwardapi-volume-example -- cat /etc/podinfo/labels
            cluster="test-cluster1"
            rack="rack-22"
            zone="us-est-coast"
            --- 20s $ kubectl exec kubernetes-downwardapi-volume-example -- cat /etc/podinfo/annotations
            build="two"
            builder="john-doe"
            --- 20s $ kubectl exec kubernetes-downwardapi-volume-example -- sh -c 'ls /etc/podinfo; echo $HOSTNAME'
            annotations
            labels
            kubernetes-downwardapi-volume-example
        "#]],
    );
}

const BUSYBOX: &str = "\
apiVersion: v1
kind: Pod
metadata:
  name: box
spec:
  restartPolicy: Never
  containers:
  - name: box
    image: busybox:1.36
    command: [sh, -c, 'echo started > /tmp/started; sleep 60']
";

/// kubectl's errors, the API server's and the kubelet's, the command's exit code, and what the
/// image does not hold.
#[test]
fn exec_errors_as_kubectl_prints_them() {
    check(
        BUSYBOX,
        "{}",
        &[
            ("0s", &["kubectl exec box -- ls"]),
            ("1s", &["kubectl exec box -- ls"]),
            (
                "10s",
                &[
                    "kubectl exec box ls",
                    "kubectl exec box",
                    "kubectl exec -- ls",
                    "kubectl exec nope -- ls",
                    "kubectl exec box -- cat /tmp/started",
                    "kubectl exec box -- sh -c 'cat /nope; exit 3'",
                    "kubectl exec box -- sh -c 'nosuch'",
                    "kubectl exec box -- ps ax",
                    "kubectl exec box -- sh",
                ],
            ),
            ("2m", &["kubectl exec box -- ls"]),
        ],
        expect![[r#"
            --- 0s $ kubectl exec box -- ls
            error> error: unable to upgrade connection: container not found ("box")
            --- 1s $ kubectl exec box -- ls
            error> error: unable to upgrade connection: container not found ("box")
            --- 10s $ kubectl exec box ls
            error> error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead
            error> See 'kubectl exec -h' for help and examples
            --- 10s $ kubectl exec box
            error> error: you must specify at least one command for the container
            --- 10s $ kubectl exec -- ls
            error> error: pod, type/name or --filename must be specified
            --- 10s $ kubectl exec nope -- ls
            error> Error from server (NotFound): pods "nope" not found
            --- 10s $ kubectl exec box -- cat /tmp/started
            started
            --- 10s $ kubectl exec box -- sh -c 'cat /nope; exit 3'
            error> cat: can't open '/nope': No such file or directory
            error> command terminated with exit code 3
            --- 10s $ kubectl exec box -- sh -c 'nosuch'
            error> podplay: "nosuch" is not a program the playground's containers run yet (they run sh and cat, ls, echo, printf, printenv, env, hostname, date, sleep, true, false, test, [, touch, rm, mkdir, wc, head, tail, grep, seq, expr, nslookup, wget, curl, kill, pkill, killall, ps)
            --- 10s $ kubectl exec box -- ps ax
            PID   USER     TIME  COMMAND
                1 root      0:00 sh -c echo started > /tmp/started; sleep 60
                2 root      0:00 ps ax
            --- 10s $ kubectl exec box -- sh

            --- 2m $ kubectl exec box -- ls
            error> error: cannot exec into a container in a completed pod; current phase is Succeeded
        "#]],
    );
    check(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: paused}\nspec:\n  containers: [{name: pause, image: 'registry.k8s.io/pause:3.10'}]\n",
        "{}",
        &[(
            "10s",
            &[
                "kubectl exec paused -- sh",
                "kubectl exec paused -- /bin/sh -c ls",
            ],
        )],
        expect![[r#"
            --- 10s $ kubectl exec paused -- sh
            error> error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "291bdfee04b80e08bc804054345d5c523e8b417f5b07dda5a61106ee251b39a1": OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in $PATH: unknown
            --- 10s $ kubectl exec paused -- /bin/sh -c ls
            error> error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "a18350893d8f4d704f98cd669dfa9364d9b49095f91a9cb170cb44b86cfce705": OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown
        "#]],
    );
}

/// The files the kubelet writes into every container and the `kubernetes` Service's variables
/// (FACTS-workloads.md §7.2–7.4), in a StatefulSet's Pod (its subdomain is the Service's name).
#[test]
fn the_kubelets_files_and_the_services_variables() {
    check(
        include_str!("../corpus/k8s-docs-examples/workloads/application/web/web.yaml"),
        "{}",
        &[(
            "30s",
            &[
                "kubectl exec web-0 -- cat /etc/hosts",
                "kubectl exec web-0 -- cat /etc/resolv.conf /etc/hostname",
                "kubectl exec web-0 -- sh -c 'echo $HOSTNAME $KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT; printenv KUBERNETES_PORT_443_TCP'",
            ],
        )],
        expect![[r#"
            --- 30s $ kubectl exec web-0 -- cat /etc/hosts
            # Kubernetes-managed hosts file.
            127.0.0.1	localhost
            ::1	localhost ip6-localhost ip6-loopback
            fe00::0	ip6-localnet
            fe00::0	ip6-mcastprefix
            fe00::1	ip6-allnodes
            fe00::2	ip6-allrouters
            10.244.0.5	web-0.nginx.default.svc.cluster.local	web-0
            --- 30s $ kubectl exec web-0 -- cat /etc/resolv.conf /etc/hostname
            search default.svc.cluster.local svc.cluster.local cluster.local
            nameserver 10.96.0.10
            options ndots:5
            web-0
            --- 30s $ kubectl exec web-0 -- sh -c 'echo $HOSTNAME $KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT; printenv KUBERNETES_PORT_443_TCP'
            web-0 10.96.0.1:443
            tcp://10.96.0.1:443
        "#]],
    );
}

/// `kubectl run` on the console: the manifest it would create (`--dry-run=client -o yaml`,
/// FACTS-workloads.md §8), a name that is taken, and what this console does not do yet.
#[test]
fn kubectl_run_prints_the_pod_it_makes() {
    check(
        BUSYBOX,
        "{}",
        &[(
            "10s",
            &[
                "kubectl run debug --image=busybox:1.36 --restart=Never --dry-run=client -o yaml -- sleep 3600",
                "kubectl run box --image=busybox",
                "kubectl run web --image=nginx",
            ],
        )],
        expect![[r#"
            --- 10s $ kubectl run debug --image=busybox:1.36 --restart=Never --dry-run=client -o yaml -- sleep 3600
            apiVersion: v1
            kind: Pod
            metadata:
              labels:
                run: debug
              name: debug
            spec:
              containers:
              - args:
                - sleep
                - "3600"
                image: busybox:1.36
                name: debug
                resources: {}
              dnsPolicy: ClusterFirst
              restartPolicy: Never
            status: {}
            --- 10s $ kubectl run box --image=busybox
            error> Error from server (AlreadyExists): pods "box" already exists
            --- 10s $ kubectl run web --image=nginx
            pod/web created
        "#]],
    );
}

/// The lifecycle-events task page: what the `postStart` handler wrote is in the container.
#[test]
fn what_a_post_start_hook_wrote_is_there() {
    check(
        include_str!("../corpus/k8s-docs-examples/pods/lifecycle-events.yaml"),
        "{}",
        &[(
            "30s",
            &["kubectl exec -it lifecycle-demo -- cat /usr/share/message"],
        )],
        expect![[r#"
            --- 30s $ kubectl exec -it lifecycle-demo -- cat /usr/share/message
            Hello from the postStart handler
        "#]],
    );
}

/// nginx's own page on localhost, from a sidecar that shares the Pod's network.
#[test]
fn localhost_reaches_the_other_containers_server() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - {name: nginx, image: 'nginx:1.27.3'}\n  - {name: shell, image: 'busybox:1.36', command: [sleep, '3600']}\n",
        "{}",
        &[("30s", &["kubectl exec web -c shell -- wget -qO- localhost"])],
        expect![[r#"
            --- 30s $ kubectl exec web -c shell -- wget -qO- localhost
            <!DOCTYPE html>
            <html>
            <head>
            <title>Welcome to nginx!</title>
            <style>
            html { color-scheme: light dark; }
            body { width: 35em; margin: 0 auto;
            font-family: Tahoma, Verdana, Arial, sans-serif; }
            </style>
            </head>
            <body>
            <h1>Welcome to nginx!</h1>
            <p>If you see this page, the nginx web server is successfully installed and
            working. Further configuration is required.</p>

            <p>For online documentation and support please refer to
            <a href="http://nginx.org/">nginx.org</a>.<br/>
            Commercial support is available at
            <a href="http://nginx.com/">nginx.com</a>.</p>

            <p><em>Thank you for using nginx.</em></p>
            </body>
            </html>
        "#]],
    );
}

/// The task pages' own manifests and what they read inside: "Define Dependent Environment
/// Variables" (the variables as the kubelet expands them) and "Distribute Credentials Securely
/// Using Secrets" (the Secret `test-secret` as files; its data as the page creates it).
#[test]
fn the_task_pages_read_inside_their_containers() {
    check(
        include_str!("../corpus/k8s-docs-examples/pods/inject/dependent-envars.yaml"),
        "{}",
        &[(
            "30s",
            &[
                "kubectl exec dependent-envars-demo -- printenv UNCHANGED_REFERENCE SERVICE_ADDRESS ESCAPED_REFERENCE",
            ],
        )],
        expect![[r#"
            --- 30s $ kubectl exec dependent-envars-demo -- printenv UNCHANGED_REFERENCE SERVICE_ADDRESS ESCAPED_REFERENCE
            $(PROTOCOL)://172.17.0.1:80
            https://172.17.0.1:80
            $(PROTOCOL)://172.17.0.1:80
        "#]],
    );
    check(
        include_str!("../corpus/k8s-docs-examples/pods/inject/secret-pod.yaml"),
        "secrets: {test-secret: {username: my-app, password: '39528$vdg7Jb'}}\n",
        &[(
            "30s",
            &[
                "kubectl exec secret-test-pod -- ls /etc/secret-volume",
                "kubectl exec secret-test-pod -- sh -c 'echo \"$( cat /etc/secret-volume/username )\"; echo \"$( cat /etc/secret-volume/password )\"'",
            ],
        )],
        expect![[r#"
            --- 30s $ kubectl exec secret-test-pod -- ls /etc/secret-volume
            password
            username
            --- 30s $ kubectl exec secret-test-pod -- sh -c 'echo "$( cat /etc/secret-volume/username )"; echo "$( cat /etc/secret-volume/password )"'
            my-app
            39528$vdg7Jb
        "#]],
    );
}

/// The task page "Share Process Namespace between Containers in a Pod": with
/// `shareProcessNamespace` the shell container sees the pause container as PID 1 and nginx's
/// processes; without it, a container sees its own.
#[test]
fn ps_shows_the_shared_process_namespace() {
    check(
        include_str!("../corpus/k8s-docs-examples/pods/share-process-namespace.yaml"),
        "{}",
        &[("30s", &["kubectl exec nginx -c shell -- ps ax"])],
        expect![[r#"
            --- 30s $ kubectl exec nginx -c shell -- ps ax
            PID   USER     TIME  COMMAND
                1 root      0:00 /pause
                2 root      0:00 nginx: master process nginx -g daemon off;
                3 101       0:00 nginx: worker process
                4 root      0:00 sleep 3600
                5 root      0:00 ps ax
        "#]],
    );
    check(
        TWO_CONTAINERS,
        "{}",
        &[(
            "30s",
            &["kubectl exec two-containers -c nginx-container -- ps"],
        )],
        expect![[r#"
            --- 30s $ kubectl exec two-containers -c nginx-container -- ps
            PID   USER     TIME  COMMAND
                1 root      0:00 nginx: master process nginx -g daemon off;
                2 101       0:00 nginx: worker process
                3 root      0:00 ps
        "#]],
    );
}

/// "Debugging DNS Resolution": the API server's Service resolves from any container.
#[test]
fn nslookup_finds_the_kubernetes_service() {
    check(
        BUSYBOX,
        "{}",
        &[("10s", &["kubectl exec box -- nslookup kubernetes.default"])],
        expect![[r#"
            --- 10s $ kubectl exec box -- nslookup kubernetes.default
            Server:		10.96.0.10
            Address:	10.96.0.10:53

            Name:	kubernetes.default
            Address: 10.96.0.1

        "#]],
    );
}

/// "Configure a Pod to Use a Projected Volume for Storage": two Secrets' keys in one directory
/// (the page creates them from files named `username.txt` and `password.txt`).
#[test]
fn a_projected_volume_holds_both_secrets() {
    check(
        include_str!("../corpus/k8s-docs-examples/pods/storage/projected.yaml"),
        "secrets: {user: {username.txt: admin}, pass: {password.txt: '1f2d1e2e67df'}}\n",
        &[(
            "30s",
            &[
                "kubectl exec test-projected-volume -- ls /projected-volume/",
                "kubectl exec test-projected-volume -- cat /projected-volume/username.txt",
            ],
        )],
        expect![[r#"
            --- 30s $ kubectl exec test-projected-volume -- ls /projected-volume/
            password.txt
            username.txt
            --- 30s $ kubectl exec test-projected-volume -- cat /projected-volume/username.txt
            admin
        "#]],
    );
}

/// Runs `manifest` in `scenario` as the page's console does (actions join the scenario, an
/// interactive shell takes the lines after it) and prints the session.
fn session(manifest: &str, scenario: &str, steps: &[(&str, &[&str])], expected: Expect) {
    expected.assert_eq(&crate::transcript::console_session(
        manifest, scenario, steps,
    ));
}

/// Two containers sharing an emptyDir, both running.
const SHARED_VOLUME: &str = "\
apiVersion: v1
kind: Pod
metadata:
  name: shared
spec:
  volumes:
  - name: html
    emptyDir: {}
  containers:
  - name: web
    image: nginx:1.27
    volumeMounts:
    - name: html
      mountPath: /usr/share/nginx/html
  - name: writer
    image: busybox:1.36
    command: [sh, -c, 'sleep 3600']
    volumeMounts:
    - name: html
      mountPath: /data
";

/// A shell opened with `-it`: its prompt (BusyBox's ash shows the directory), `cd` and the
/// variables kept from line to line, a failing command that is the shell's business, and
/// `exit N` reported by kubectl. Debian's dash prompts `# `, bash `root@HOST:DIR# `.
#[test]
fn an_interactive_shell_keeps_its_directory_and_reports_its_exit() {
    session(
        SHARED_VOLUME,
        "{}",
        &[(
            "30s",
            &[
                "kubectl exec -it shared -c writer -- sh",
                "pwd",
                "cd /data",
                "touch note; ls; pwd",
                "cat nothing-here",
                "export GREETING='hello there'; COUNT=2",
                "echo $GREETING $COUNT; cd /",
                "pwd; echo $GREETING",
                "exit 3",
                "kubectl exec -it shared -- sh",
                "exit",
                "kubectl exec -it shared -c web -- bash",
                "cd /root",
                "exit",
            ],
        )],
        expect![[r#"
            --- 30s $ kubectl exec -it shared -c writer -- sh
            --- 30s / # pwd
            /
            --- 30s / # cd /data
            --- 30s /data # touch note; ls; pwd
            note
            /data
            (action at 30s: kubectl exec -c writer -- sh -c "cd '/data' 2>/dev/null; touch note; ls; pwd")
            --- 30s /data # cat nothing-here
            error> cat: can't open 'nothing-here': No such file or directory
            --- 30s /data # export GREETING='hello there'; COUNT=2
            --- 30s /data # echo $GREETING $COUNT; cd /
            hello there 2
            --- 30s / # pwd; echo $GREETING
            /
            hello there
            --- 30s / # exit 3
            error> command terminated with exit code 3
            --- 30s $ kubectl exec -it shared -- sh
            Defaulted container "web" out of: web, writer
            --- 30s # exit
            --- 30s $ kubectl exec -it shared -c web -- bash
            --- 30s root@shared:/# cd /root
            --- 30s root@shared:~# exit
        "#]],
    );
}

/// A file written by an exec into a shared volume is an action of the scenario: the other
/// container sees it from then on (nginx serves it), and it stays when the writer restarts,
/// while a file in the writer's own layer goes with its run.
#[test]
fn what_an_exec_writes_stays_as_the_kubelet_keeps_it() {
    session(
        SHARED_VOLUME,
        "{actions: [{at: 45s, do: killContainer, container: writer}]}",
        &[
            (
                "20s",
                &[
                    "kubectl exec shared -c writer -- sh -c 'echo hello from exec > /data/index.html'",
                    "kubectl exec shared -c writer -- sh -c 'echo mine > /tmp/own.txt'",
                    "kubectl exec shared -c web -- curl -s localhost",
                    "kubectl exec shared -c writer -- cat /tmp/own.txt",
                ],
            ),
            (
                "40s",
                &[
                    "kubectl exec shared -c web -- cat /usr/share/nginx/html/index.html",
                    "kubectl exec shared -c writer -- cat /tmp/own.txt",
                    "kubectl exec -it shared -c writer -- sh",
                    "echo more >> /data/index.html",
                    "exit",
                ],
            ),
            (
                "50s",
                &[
                    "kubectl exec shared -c web -- curl -s localhost",
                    "kubectl exec shared -c writer -- cat /data/index.html /tmp/own.txt",
                ],
            ),
        ],
        expect![[r#"
            --- 20s $ kubectl exec shared -c writer -- sh -c 'echo hello from exec > /data/index.html'
            (action at 20s: kubectl exec -c writer -- sh -c 'echo hello from exec > /data/index.html')
            --- 20s $ kubectl exec shared -c writer -- sh -c 'echo mine > /tmp/own.txt'
            (action at 20s: kubectl exec -c writer -- sh -c 'echo mine > /tmp/own.txt')
            --- 20s $ kubectl exec shared -c web -- curl -s localhost
            hello from exec
            --- 20s $ kubectl exec shared -c writer -- cat /tmp/own.txt
            mine
            --- 40s $ kubectl exec shared -c web -- cat /usr/share/nginx/html/index.html
            hello from exec
            --- 40s $ kubectl exec shared -c writer -- cat /tmp/own.txt
            mine
            --- 40s $ kubectl exec -it shared -c writer -- sh
            --- 40s / # echo more >> /data/index.html
            (action at 40s: kubectl exec -c writer -- sh -c 'echo more >> /data/index.html')
            --- 40s / # exit
            --- 50s $ kubectl exec shared -c web -- curl -s localhost
            hello from exec
            more
            --- 50s $ kubectl exec shared -c writer -- cat /data/index.html /tmp/own.txt
            error> hello from exec
            error> more
            error> cat: can't open '/tmp/own.txt': No such file or directory
            error> command terminated with exit code 1
        "#]],
    );
}

/// Signals from an exec: PID 1 of a container's own namespace ignores what it has no handler
/// for (BusyBox's `sleep` keeps running after `kill 1`), nginx stops cleanly on SIGTERM and its
/// container restarts; with `shareProcessNamespace` the other container's main process is not
/// PID 1, and `kill` ends it (143).
#[test]
fn a_killed_main_process_ends_its_container_as_the_kernel_lets_it() {
    session(
        SHARED_VOLUME,
        "{}",
        &[
            (
                "20s",
                &[
                    "kubectl exec shared -c writer -- kill 1",
                    "kubectl exec shared -c writer -- kill -9 1",
                    "kubectl exec shared -c web -- kill 1",
                    "kubectl exec shared -c writer -- kill 42",
                ],
            ),
            ("25s", &["kubectl get pods"]),
        ],
        expect![[r#"
            --- 20s $ kubectl exec shared -c writer -- kill 1
            (action at 20s: kubectl exec -c writer -- kill 1)
            --- 20s $ kubectl exec shared -c writer -- kill -9 1
            (action at 20s: kubectl exec -c writer -- kill -9 1)
            --- 20s $ kubectl exec shared -c web -- kill 1
            (action at 20s: kubectl exec -c web -- kill 1)
            --- 20s $ kubectl exec shared -c writer -- kill 42
            error> sh: can't kill pid 42: No such process
            error> command terminated with exit code 1
            --- 25s $ kubectl get pods
            NAME     READY   STATUS    RESTARTS     AGE
            shared   2/2     Running   1 (5s ago)   25s
        "#]],
    );
    let shared_namespace = SHARED_VOLUME.replace(
        "spec:\n  volumes:",
        "spec:\n  shareProcessNamespace: true\n  volumes:",
    );
    session(
        &shared_namespace,
        "{}",
        &[
            (
                "20s",
                &[
                    "kubectl exec shared -c web -- ps",
                    "kubectl exec shared -c web -- kill 4",
                ],
            ),
            ("25s", &["kubectl get pods", "kubectl describe pod shared"]),
        ],
        expect![[r#"
            --- 20s $ kubectl exec shared -c web -- ps
            PID   USER     TIME  COMMAND
                1 root      0:00 /pause
                2 root      0:00 nginx: master process nginx -g daemon off;
                3 101       0:00 nginx: worker process
                4 root      0:00 sh -c sleep 3600
                5 root      0:00 ps
            --- 20s $ kubectl exec shared -c web -- kill 4
            (action at 20s: kubectl exec -c web -- kill 4)
            --- 25s $ kubectl get pods
            NAME     READY   STATUS    RESTARTS     AGE
            shared   2/2     Running   1 (5s ago)   25s
            --- 25s $ kubectl describe pod shared
            Name:             shared
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
              web:
                Container ID:   containerd://28389c9e100e3f1c28389c9e100e3f1c28389c9e100e3f1c28389c9e100e3f1c
                Image:          nginx:1.27
                Image ID:       docker.io/library/nginx@sha256:da846333ae655c9c3dc9ecd0acd7a28d1f6041973bfcab66bda95bc85e7c142f
                Port:           <none>
                Host Port:      <none>
                State:          Running
                  Started:      Thu, 01 Jan 2026 00:00:02 +0000
                Ready:          True
                Restart Count:  0
                Environment:    <none>
                Mounts:
                  /usr/share/nginx/html from html (rw)
              writer:
                Container ID:  containerd://c9a97d259849563cc9a97d259849563cc9a97d259849563cc9a97d259849563c
                Image:         busybox:1.36
                Image ID:      docker.io/library/busybox@sha256:9a907dc1bed9ad107c943c2a31b307a1ea9b47c366a89ee6ea777106dbb79f57
                Port:          <none>
                Host Port:     <none>
                Command:
                  sh
                  -c
                  sleep 3600
                State:          Running
                  Started:      Thu, 01 Jan 2026 00:00:21 +0000
                Last State:     Terminated
                  Reason:       Error
                  Exit Code:    143
                  Started:      Thu, 01 Jan 2026 00:00:03 +0000
                  Finished:     Thu, 01 Jan 2026 00:00:20 +0000
                Ready:          True
                Restart Count:  1
                Environment:    <none>
                Mounts:
                  /data from html (rw)
            Conditions:
              Type                        Status
              PodReadyToStartContainers   True 
              Initialized                 True 
              Ready                       True 
              ContainersReady             True 
              PodScheduled                True 
            Volumes:
              html:
                Type:        EmptyDir (a temporary directory that shares a pod's lifetime)
                Medium:      
                SizeLimit:   <unset>
            QoS Class:       BestEffort
            Node-Selectors:  <none>
            Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
            Events:
              Type    Reason     Age               From               Message
              ----    ------     ----              ----               -------
              Normal  Scheduled  25s               default-scheduler  Successfully assigned default/shared to node-1
              Normal  Pulling    24s               kubelet            spec.containers{web}: Pulling image "nginx:1.27"
              Normal  Pulled     23s               kubelet            spec.containers{web}: Successfully pulled image "nginx:1.27" in 1s (1s including waiting)
              Normal  Created    23s               kubelet            spec.containers{web}: Created container web
              Normal  Started    23s               kubelet            spec.containers{web}: Started container web
              Normal  Pulling    23s               kubelet            spec.containers{writer}: Pulling image "busybox:1.36"
              Normal  Pulled     22s               kubelet            spec.containers{writer}: Successfully pulled image "busybox:1.36" in 1s (1s including waiting)
              Normal  Created    4s (x2 over 22s)  kubelet            spec.containers{writer}: Created container writer
              Normal  Started    4s (x2 over 22s)  kubelet            spec.containers{writer}: Started container writer
              Normal  Pulled     4s                kubelet            spec.containers{writer}: Container image "busybox:1.36" already present on machine
        "#]],
    );
}

/// The gallery's lessons inside the container, as their scenarios tell them: the writer's
/// exec at 20 s is the page nginx serves; the shell's `kill 2` at 30 s ends nginx (it exits 0
/// on SIGTERM) and the kubelet restarts it; the task page's `kill -HUP` only reloads nginx.
#[test]
fn the_lessons_inside_the_container() {
    let lesson = |id: &str| {
        pod_model::playground::gallery::ALL
            .iter()
            .find(|example| example.id == id)
            .copied()
            .expect("the lesson is in the gallery")
    };
    let shared = lesson("inside-shared-volume");
    session(
        shared.manifest,
        shared.scenario,
        &[
            (
                "19s",
                &["kubectl exec inside-shared-volume -c writer -- wget -qO- localhost"],
            ),
            (
                "20s",
                &[
                    "kubectl exec inside-shared-volume -c writer -- wget -qO- localhost",
                    "kubectl exec inside-shared-volume -c web -- sh -c 'echo second > /usr/share/nginx/html/index.html'",
                    "kubectl exec inside-shared-volume -c writer -- cat /data/index.html",
                ],
            ),
            (
                "25s",
                &[
                    "kubectl exec inside-shared-volume -c writer -- wget -q -O /data/copy.html localhost",
                ],
            ),
            (
                "30s",
                &[
                    "kubectl exec inside-shared-volume -c web -- cat /usr/share/nginx/html/copy.html",
                ],
            ),
        ],
        expect![[r#"
            --- 19s $ kubectl exec inside-shared-volume -c writer -- wget -qO- localhost
            <html>
            <head><title>403 Forbidden</title></head>
            <body>
            <center><h1>403 Forbidden</h1></center>
            <hr><center>nginx</center>
            </body>
            </html>
            --- 20s $ kubectl exec inside-shared-volume -c writer -- wget -qO- localhost
            Hello from the writer container
            --- 20s $ kubectl exec inside-shared-volume -c web -- sh -c 'echo second > /usr/share/nginx/html/index.html'
            (action at 20s: kubectl exec -c web -- sh -c 'echo second > /usr/share/nginx/html/index.html')
            --- 20s $ kubectl exec inside-shared-volume -c writer -- cat /data/index.html
            second
            --- 25s $ kubectl exec inside-shared-volume -c writer -- wget -q -O /data/copy.html localhost
            (action at 25s: kubectl exec -c writer -- wget -q -O /data/copy.html localhost)
            --- 30s $ kubectl exec inside-shared-volume -c web -- cat /usr/share/nginx/html/copy.html
            second
        "#]],
    );
    let processes = lesson("shared-process-namespace");
    session(
        processes.manifest,
        processes.scenario,
        &[
            (
                "29s",
                &[
                    "kubectl exec -it shared-process-namespace -c shell -- sh",
                    "kill -HUP 2",
                    "ps ax",
                    "exit",
                ],
            ),
            ("40s", &["kubectl get pods"]),
        ],
        expect![[r#"
            --- 29s $ kubectl exec -it shared-process-namespace -c shell -- sh
            --- 29s / # kill -HUP 2
            (action at 29s: kubectl exec -c shell -- sh -c 'kill -HUP 2')
            --- 29s / # ps ax
            PID   USER     TIME  COMMAND
                1 root      0:00 /pause
                2 root      0:00 nginx: master process nginx -g daemon off;
                3 101       0:00 nginx: worker process
                4 root      0:00 sleep 3600
                5 root      0:00 sh
                6 root      0:00 ps ax
            --- 29s / # exit
            --- 40s $ kubectl get pods
            NAME                       READY   STATUS    RESTARTS      AGE
            shared-process-namespace   2/2     Running   1 (10s ago)   40s
        "#]],
    );
    let debug = lesson("ephemeral-demo");
    session(
        debug.manifest,
        debug.scenario,
        &[
            ("15s", &["kubectl exec -it ephemeral-demo -- sh"]),
            (
                "25s",
                &[
                    "kubectl get pod ephemeral-demo",
                    "kubectl attach ephemeral-demo -c debugger-8xzrl -it",
                    "ps",
                    "wget -qO- localhost",
                    "exit 3",
                ],
            ),
            (
                "30s",
                &[
                    "kubectl attach ephemeral-demo -c debugger-8xzrl -it",
                    "kubectl get pod ephemeral-demo -o jsonpath={.status.ephemeralContainerStatuses[0].state}",
                ],
            ),
        ],
        expect![[r#"
            --- 15s $ kubectl exec -it ephemeral-demo -- sh
            error> error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "eca7d320e320cdd322f57c00c06f5312576bee7dfcab1324c03e6ce3f8b83389": OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in $PATH: unknown
            --- 25s $ kubectl get pod ephemeral-demo
            NAME             READY   STATUS    RESTARTS   AGE
            ephemeral-demo   1/1     Running   0          25s
            --- 25s $ kubectl attach ephemeral-demo -c debugger-8xzrl -it
            If you don't see a command prompt, try pressing enter.
            --- 25s / # ps
            PID   USER     TIME  COMMAND
                1 root      0:00 /pause
                2 root      0:00 sh
                3 root      0:00 ps
            --- 25s / # wget -qO- localhost
            error> wget: can't connect to remote host (127.0.0.1): Connection refused
            --- 25s / # exit 3
            (action at 25s: the session in 'debugger-8xzrl' ends: exit 3)
            --- 30s $ kubectl attach ephemeral-demo -c debugger-8xzrl -it
            error> error: unable to upgrade connection: container not found ("debugger-8xzrl")
            --- 30s $ kubectl get pod ephemeral-demo -o jsonpath={.status.ephemeralContainerStatuses[0].state}
            {"terminated":{"containerID":"containerd://15e76e0b340adf3d15e76e0b340adf3d15e76e0b340adf3d15e76e0b340adf3d","exitCode":3,"finishedAt":"2026-01-01T00:00:25Z","reason":"Error","startedAt":"2026-01-01T00:00:21Z"}}
        "#]],
    );
}

/// content/en/examples/pods/inject/dapi-envars-pod.yaml of kubernetes/website (commit
/// 81dca134e217806c3f4f0dff1365514bce01829c), byte for byte: the task page "Expose Pod
/// Information to Containers Through Environment Variables".
const DAPI_ENVARS: &str = r#"---
{
  apiVersion: "v1",
  kind: "Pod",
  metadata: {
    name: "dapi-envars-fieldref",
  },
  spec: {
    containers: [{
      name: "test-container",
      image: "registry.k8s.io/busybox:1.27.2",
      command: [
        "sh",
        "-c",
      ],
      args: [
        "while true; do echo -en '\\n'; printenv MY_NODE_NAME MY_POD_NAME MY_POD_NAMESPACE; printenv MY_POD_IP MY_POD_SERVICE_ACCOUNT; sleep 10; done;",
      ],
      env: [{
        name: "MY_NODE_NAME",
        valueFrom: {
          fieldRef: {
            fieldPath: "spec.nodeName",
          },
        },
      }, {
        name: "MY_POD_NAME",
        valueFrom: {
          fieldRef: {
            fieldPath: "metadata.name",
          },
        },
      }, {
        name: "MY_POD_NAMESPACE",
        valueFrom: {
          fieldRef: {
            fieldPath: "metadata.namespace",
          },
        },
      }, {
        name: "MY_POD_IP",
        valueFrom: {
          fieldRef: {
            fieldPath: "status.podIP",
          },
        },
      }, {
        name: "MY_POD_SERVICE_ACCOUNT",
        valueFrom: {
          fieldRef: {
            fieldPath: "spec.serviceAccountName",
          },
        },
      }],
    }],
    restartPolicy: "Never",
  },
}
"#;

/// content/en/examples/pods/inject/pod-single-secret-env-variable.yaml of kubernetes/website
/// (commit 020bdd48cbe3e3f79e58bb774aa07943b0d3fe84), with the `apiVersion: v1` line that
/// stored version lacks: the task page "Distribute Credentials Securely Using Secrets".
const SECRET_ENV: &str = "\
apiVersion: v1
kind: Pod
metadata:
  name: secret-envars-test-pod
spec:
  containers:
  - name: envars-test-container
    image: nginx
    env:
    - name: SECRET_USERNAME
      valueFrom:
        secretKeyRef:
          name: backend-user
          key: username
";

/// The task pages' interactive shells: `printenv` in the downward-API environment page's
/// container (its variables from the Pod's fields, then the kubelet's and the runtime's), and
/// `echo $SECRET_USERNAME` from a Secret's key on the Secrets page.
#[test]
fn the_task_pages_shells_print_their_environment() {
    session(
        DAPI_ENVARS,
        "{}",
        &[(
            "20s",
            &[
                "kubectl exec -it dapi-envars-fieldref -- sh",
                "printenv",
                "exit",
            ],
        )],
        expect![[r#"
            --- 20s $ kubectl exec -it dapi-envars-fieldref -- sh
            --- 20s / # printenv
            HOME=/root
            HOSTNAME=dapi-envars-fieldref
            KUBERNETES_PORT=tcp://10.96.0.1:443
            KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443
            KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1
            KUBERNETES_PORT_443_TCP_PORT=443
            KUBERNETES_PORT_443_TCP_PROTO=tcp
            KUBERNETES_SERVICE_HOST=10.96.0.1
            KUBERNETES_SERVICE_PORT=443
            KUBERNETES_SERVICE_PORT_HTTPS=443
            MY_NODE_NAME=node-1
            MY_POD_IP=10.244.0.5
            MY_POD_NAME=dapi-envars-fieldref
            MY_POD_NAMESPACE=default
            MY_POD_SERVICE_ACCOUNT=default
            PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
            --- 20s / # exit
        "#]],
    );
    session(
        SECRET_ENV,
        "{secrets: {backend-user: {username: backend-admin}}}",
        &[(
            "20s",
            &["kubectl exec -i -t secret-envars-test-pod -- /bin/sh -c 'echo $SECRET_USERNAME'"],
        )],
        expect![[r#"
            --- 20s $ kubectl exec -i -t secret-envars-test-pod -- /bin/sh -c 'echo $SECRET_USERNAME'
            backend-admin
        "#]],
    );
}

/// `kubectl exec deploy/NAME`: kubectl attaches to the workload's first Pod in the order of
/// `sort.Reverse(podutils.ActivePods)` (the oldest of the ready ones here), without a notice.
#[test]
fn exec_into_a_deployment_picks_its_pod() {
    check(
        include_str!("../corpus/k8s-docs-examples/workloads/controllers/nginx-deployment.yaml"),
        "{}",
        &[(
            "30s",
            &[
                "kubectl exec deploy/nginx-deployment -- hostname",
                "kubectl exec deployment/nosuch -- hostname",
            ],
        )],
        expect![[r#"
            --- 30s $ kubectl exec deploy/nginx-deployment -- hostname
            nginx-deployment-77bddb446f-65hfm
            --- 30s $ kubectl exec deployment/nosuch -- hostname
            error> Error from server (NotFound): deployments.apps "nosuch" not found
        "#]],
    );
}

/// `kubectl run` creates the Pod kubectl would make (FACTS-workloads.md §8), which then runs
/// beside the manifest's: `get pods` lists it and `exec` reaches it (a port nobody serves, a
/// Service without endpoints refuse, an address no Pod has is no route); a second `run` of the
/// name, and `create -f -` of the manifest's Pod that exists, are `AlreadyExists`.
#[test]
fn kubectl_run_creates_the_pod() {
    session(
        BUSYBOX,
        "{}",
        &[
            (
                "10s",
                &[
                    "kubectl run web --image=nginx:1.27 --port=80",
                    "kubectl run web --image=nginx:1.27",
                    "kubectl run -it tmp --image=busybox -- nslookup kubernetes",
                    "kubectl debug box --image=busybox:1.28 -c dbg -- sh -c 'echo hi'",
                    "kubectl create -f -",
                ],
            ),
            (
                "20s",
                &[
                    "kubectl get pods -o wide",
                    "kubectl exec box -- wget -qO- 10.244.0.6",
                    "kubectl exec box -- wget -qO- 10.244.0.6:8080",
                    "kubectl exec web -- curl -s 10.244.0.5",
                    "kubectl exec box -- wget -qO- kubernetes.default",
                    "kubectl exec box -- wget -qO- 10.244.0.99",
                    "kubectl exec web -- printenv HOSTNAME",
                    "kubectl exec web -- cat /etc/os-release",
                    "kubectl exec box -c box -- cat /etc/os-release",
                    "kubectl logs box -c dbg",
                    "kubectl get pod box -o jsonpath={.status.ephemeralContainerStatuses[0].state.terminated.reason}",
                ],
            ),
        ],
        expect![[r#"
            --- 10s $ kubectl run web --image=nginx:1.27 --port=80
            pod/web created
            (action at 10s: kubectl run web --image=nginx:1.27 --port=80)
            --- 10s $ kubectl run web --image=nginx:1.27
            error> Error from server (AlreadyExists): pods "web" already exists
            --- 10s $ kubectl run -it tmp --image=busybox -- nslookup kubernetes
            error> podplay: kubectl run with a session is simulated for a shell (kubectl run -it tmp --image=busybox -- sh); for another program, run it without -i, -t, --attach and --rm, then kubectl logs tmp
            --- 10s $ kubectl debug box --image=busybox:1.28 -c dbg -- sh -c 'echo hi'
            --profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".
            (action at 10s: kubectl debug box --image=busybox:1.28 -c dbg -- sh -c 'echo hi')
            --- 10s $ kubectl create -f -
            error> Error from server (AlreadyExists): error when creating "STDIN": pods "box" already exists
            --- 20s $ kubectl get pods -o wide
            NAME   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
            box    1/1     Running   0          20s   10.244.0.5   node-1   <none>           <none>
            web    1/1     Running   0          10s   10.244.0.6   node-1   <none>           <none>
            --- 20s $ kubectl exec box -- wget -qO- 10.244.0.6
            Defaulted container "box" out of: box, dbg (ephem)
            <!DOCTYPE html>
            <html>
            <head>
            <title>Welcome to nginx!</title>
            <style>
            html { color-scheme: light dark; }
            body { width: 35em; margin: 0 auto;
            font-family: Tahoma, Verdana, Arial, sans-serif; }
            </style>
            </head>
            <body>
            <h1>Welcome to nginx!</h1>
            <p>If you see this page, the nginx web server is successfully installed and
            working. Further configuration is required.</p>

            <p>For online documentation and support please refer to
            <a href="http://nginx.org/">nginx.org</a>.<br/>
            Commercial support is available at
            <a href="http://nginx.com/">nginx.com</a>.</p>

            <p><em>Thank you for using nginx.</em></p>
            </body>
            </html>
            --- 20s $ kubectl exec box -- wget -qO- 10.244.0.6:8080
            error> Defaulted container "box" out of: box, dbg (ephem)
            error> wget: can't connect to remote host (10.244.0.6): Connection refused
            error> command terminated with exit code 1
            --- 20s $ kubectl exec web -- curl -s 10.244.0.5
            error> curl: (7) Failed to connect to 10.244.0.5 port 80: Connection refused
            error> command terminated with exit code 7
            --- 20s $ kubectl exec box -- wget -qO- kubernetes.default
            error> Defaulted container "box" out of: box, dbg (ephem)
            error> wget: can't connect to remote host (10.96.0.1): Connection refused
            error> command terminated with exit code 1
            --- 20s $ kubectl exec box -- wget -qO- 10.244.0.99
            error> Defaulted container "box" out of: box, dbg (ephem)
            error> wget: can't connect to remote host (10.244.0.99): No route to host
            error> command terminated with exit code 1
            --- 20s $ kubectl exec web -- printenv HOSTNAME
            web
            --- 20s $ kubectl exec web -- cat /etc/os-release
            PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            NAME="Debian GNU/Linux"
            VERSION_ID="12"
            VERSION="12 (bookworm)"
            VERSION_CODENAME=bookworm
            ID=debian
            HOME_URL="https://www.debian.org/"
            SUPPORT_URL="https://www.debian.org/support"
            BUG_REPORT_URL="https://bugs.debian.org/"
            --- 20s $ kubectl exec box -c box -- cat /etc/os-release
            error> cat: can't open '/etc/os-release': No such file or directory
            error> command terminated with exit code 1
            --- 20s $ kubectl logs box -c dbg
            hi
            --- 20s $ kubectl get pod box -o jsonpath={.status.ephemeralContainerStatuses[0].state.terminated.reason}
            Completed
        "#]],
    );
}

/// `kubectl run -it` (FACTS-workloads.md §8): the Pod is created with `stdin`, `stdinOnce` and
/// `tty`, and the session is its shell, which waits for the container to run; `exit` ends the
/// container. With `--rm` kubectl then deletes the Pod; with `restartPolicy: Always` the
/// kubelet starts the shell again and kubectl says how to attach to it.
#[test]
fn kubectl_run_it_opens_a_session_with_the_new_container() {
    session(
        BUSYBOX,
        "{}",
        &[
            (
                "10s",
                &[
                    "kubectl run -it --rm tmp --image=busybox:1.28 --restart=Never -- sh",
                    "hostname",
                ],
            ),
            ("15s", &["hostname", "exit"]),
            ("16s", &["kubectl get pods"]),
            ("20s", &["kubectl run -it shell --image=busybox:1.28"]),
            ("25s", &["exit 1"]),
            (
                "30s",
                &[
                    "kubectl get pods",
                    "kubectl run -t x --image=busybox",
                    "kubectl run --rm x --image=busybox",
                ],
            ),
        ],
        expect![[r#"
            --- 10s $ kubectl run -it --rm tmp --image=busybox:1.28 --restart=Never -- sh
            All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.
            If you don't see a command prompt, try pressing enter.
            (action at 10s: kubectl run -it --rm tmp --image=busybox:1.28 --restart=Never -- sh)
            --- 10s / # hostname
            error> podplay: container tmp is not running at this step yet (kubectl waits for it to start): step forward to when it has started
            --- 15s / # hostname
            tmp
            --- 15s / # exit
            pod "tmp" deleted
            (action at 15s: the session in 'tmp' ends: exit 0)
            --- 16s $ kubectl get pods
            NAME   READY   STATUS    RESTARTS   AGE
            box    1/1     Running   0          16s
            --- 20s $ kubectl run -it shell --image=busybox:1.28
            All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.
            If you don't see a command prompt, try pressing enter.
            (action at 20s: kubectl run -it shell --image=busybox:1.28)
            --- 25s / # exit 1
            Session ended, resume using 'kubectl attach shell -c shell -i -t' command when the pod is running
            (action at 25s: the session in 'shell' ends: exit 1)
            --- 30s $ kubectl get pods
            NAME    READY   STATUS    RESTARTS     AGE
            box     1/1     Running   0            30s
            shell   1/1     Running   1 (5s ago)   10s
            --- 30s $ kubectl run -t x --image=busybox
            error> error: -i/--stdin is required for containers with -t/--tty=true
            --- 30s $ kubectl run --rm x --image=busybox
            error> error: --rm should only be used for attached containers
            error> See 'kubectl run -h' for help and examples
        "#]],
    );
}

/// `kubectl debug`'s errors (its own, then the API server's validation of the
/// `ephemeralcontainers` update: a target that is not the Pod's, a name that is taken) and the
/// general profile's `SYS_PTRACE` (`allowProcessTracing`).
#[test]
fn kubectl_debug_errors_and_the_general_profile() {
    session(
        BUSYBOX,
        "{}",
        &[(
            "10s",
            &[
                "kubectl debug nosuch --image=busybox",
                "kubectl debug box --image=busybox --target=nosuch",
                "kubectl debug box --image=busybox -c box",
                "kubectl debug box",
                "kubectl debug node/node-1 --image=busybox",
                "kubectl debug box --image=busybox --copy-to=box-copy",
                "kubectl debug -q box --image=busybox:1.28 --profile=general -c tracer",
                "kubectl get pod box -o jsonpath={.spec.ephemeralContainers[0].securityContext}",
            ],
        )],
        expect![[r#"
            --- 10s $ kubectl debug nosuch --image=busybox
            error> --profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".
            error> Error from server (NotFound): pods "nosuch" not found
            --- 10s $ kubectl debug box --image=busybox --target=nosuch
            error> Targeting container "nosuch". If you don't see processes from this container it may be because the container runtime doesn't support this feature.
            error> --profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".
            error> The Pod "box" is invalid: spec.ephemeralContainers[0].targetContainerName: Not found: "nosuch"
            --- 10s $ kubectl debug box --image=busybox -c box
            error> --profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".
            error> The Pod "box" is invalid: spec.ephemeralContainers[0].name: Duplicate value: "box"
            --- 10s $ kubectl debug box
            error> error: you must specify --image when not using --copy-to.
            --- 10s $ kubectl debug node/node-1 --image=busybox
            error> podplay: kubectl debug node/NAME (a Pod in the node's namespaces) is not simulated; kubectl debug -it POD --image=busybox --target=CONTAINER adds an ephemeral container to a Pod
            --- 10s $ kubectl debug box --image=busybox --copy-to=box-copy
            error> podplay: kubectl debug's --copy-to is not simulated: the playground adds an ephemeral container to a running Pod (kubectl debug -it POD --image=busybox --target=CONTAINER)
            --- 10s $ kubectl debug -q box --image=busybox:1.28 --profile=general -c tracer
            (action at 10s: kubectl debug -q box --image=busybox:1.28 --profile=general -c tracer)
            --- 10s $ kubectl get pod box -o jsonpath={.spec.ephemeralContainers[0].securityContext}
            {"capabilities":{"add":["SYS_PTRACE"]}}
        "#]],
    );
}

/// The task page "Debug Running Pods", "Debugging with an ephemeral debug container": the
/// docs make a Pod of the pause image with `kubectl run`, and `kubectl exec -it … -- sh` fails
/// there, the image holding no shell (content/en/docs/tasks/debug/debug-application/
/// debug-running-pod.md; the page shows an older runc's wording of the same error).
#[test]
fn the_debug_pages_pause_pod_has_no_shell() {
    session(
        BUSYBOX,
        "{}",
        &[
            (
                "5s",
                &["kubectl run ephemeral-demo --image=registry.k8s.io/pause:3.1 --restart=Never"],
            ),
            (
                "30s",
                &[
                    "kubectl exec -it ephemeral-demo -- sh",
                    "kubectl debug -it ephemeral-demo --image=busybox:1.28 --target=ephemeral-demo",
                    "ps",
                ],
            ),
            ("35s", &["ps", "ls /", "wget -qO- localhost:80"]),
            ("40s", &["exit"]),
            (
                "45s",
                &[
                    "kubectl describe pod ephemeral-demo",
                    "kubectl get pod ephemeral-demo",
                ],
            ),
        ],
        expect![[r#"
            --- 5s $ kubectl run ephemeral-demo --image=registry.k8s.io/pause:3.1 --restart=Never
            pod/ephemeral-demo created
            (action at 5s: kubectl run ephemeral-demo --image=registry.k8s.io/pause:3.1 --restart=Never)
            --- 30s $ kubectl exec -it ephemeral-demo -- sh
            error> error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "55b06267a1d7be0259afd648645c75d884da5279f71a166bdef59eb4c4a2fa01": OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in $PATH: unknown
            --- 30s $ kubectl debug -it ephemeral-demo --image=busybox:1.28 --target=ephemeral-demo
            Targeting container "ephemeral-demo". If you don't see processes from this container it may be because the container runtime doesn't support this feature.
            --profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".
            Defaulting debug container name to debugger-wnc7x.
            All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.
            If you don't see a command prompt, try pressing enter.
            (action at 30s: kubectl debug -it ephemeral-demo --image=busybox:1.28 --target=ephemeral-demo)
            --- 30s / # ps
            error> podplay: container debugger-wnc7x is not running at this step yet (kubectl waits for it to start): step forward to when it has started
            --- 35s / # ps
            PID   USER     TIME  COMMAND
                1 root      0:00 /pause
                2 root      0:00 sh
                3 root      0:00 ps
            --- 35s / # ls /
            data
            etc
            home
            root
            tmp
            usr
            var
            --- 35s / # wget -qO- localhost:80
            error> wget: can't connect to remote host (127.0.0.1): Connection refused
            --- 40s / # exit
            (action at 40s: the session in 'debugger-wnc7x' ends: exit 0)
            --- 45s $ kubectl describe pod ephemeral-demo
            Name:             ephemeral-demo
            Namespace:        default
            Priority:         0
            Service Account:  default
            Node:             node-1/192.168.49.2
            Start Time:       Thu, 01 Jan 2026 00:00:06 +0000
            Labels:           run=ephemeral-demo
            Annotations:      <none>
            Status:           Running
            IP:               10.244.0.6
            IPs:
              IP:  10.244.0.6
            Containers:
              ephemeral-demo:
                Container ID:   containerd://e89bff549edc6119e89bff549edc6119e89bff549edc6119e89bff549edc6119
                Image:          registry.k8s.io/pause:3.1
                Image ID:       registry.k8s.io/pause@sha256:f9bb130ef4c0b5dda35be4a08c2b3566fd6cfdace52864dbc91b5f1643ae5714
                Port:           <none>
                Host Port:      <none>
                State:          Running
                  Started:      Thu, 01 Jan 2026 00:00:07 +0000
                Ready:          True
                Restart Count:  0
                Environment:    <none>
                Mounts:         <none>
            Ephemeral Containers:
              debugger-wnc7x:
                Container ID:   containerd://f9c4903ebe00624df9c4903ebe00624df9c4903ebe00624df9c4903ebe00624d
                Image:          busybox:1.28
                Image ID:       docker.io/library/busybox@sha256:9a9381c1bedbe9b37c90b02a31afe3e6ea9ed7c366abc96dea746106dbb54e50
                Port:           <none>
                Host Port:      <none>
                State:          Terminated
                  Reason:       Completed
                  Exit Code:    0
                  Started:      Thu, 01 Jan 2026 00:00:31 +0000
                  Finished:     Thu, 01 Jan 2026 00:00:40 +0000
                Ready:          False
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
              Normal  Scheduled  40s   default-scheduler  Successfully assigned default/ephemeral-demo to node-1
              Normal  Pulling    39s   kubelet            spec.containers{ephemeral-demo}: Pulling image "registry.k8s.io/pause:3.1"
              Normal  Pulled     38s   kubelet            spec.containers{ephemeral-demo}: Successfully pulled image "registry.k8s.io/pause:3.1" in 1s (1s including waiting)
              Normal  Created    38s   kubelet            spec.containers{ephemeral-demo}: Created container ephemeral-demo
              Normal  Started    38s   kubelet            spec.containers{ephemeral-demo}: Started container ephemeral-demo
              Normal  Pulling    15s   kubelet            spec.ephemeralContainers{debugger-wnc7x}: Pulling image "busybox:1.28"
              Normal  Pulled     14s   kubelet            spec.ephemeralContainers{debugger-wnc7x}: Successfully pulled image "busybox:1.28" in 1s (1s including waiting)
              Normal  Created    14s   kubelet            spec.ephemeralContainers{debugger-wnc7x}: Created container debugger-wnc7x
              Normal  Started    14s   kubelet            spec.ephemeralContainers{debugger-wnc7x}: Started container debugger-wnc7x
            --- 45s $ kubectl get pod ephemeral-demo
            NAME             READY   STATUS    RESTARTS   AGE
            ephemeral-demo   1/1     Running   0          40s
        "#]],
    );
}
