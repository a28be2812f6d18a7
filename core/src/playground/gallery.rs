//! Example manifests that ship with Podplay, each with a title and a one-line lesson: the seed
//! articles' manifests (with copy-paste damage repaired), lessons that come with a scenario (a
//! crash loop, a lost node…), and the Pod examples of the Kubernetes documentation.

use crate::api::yaml::single_json_document;
use crate::base::json::{self, Object, list, required, string};

/// One example of the gallery.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    /// A stable identifier, usable in links.
    pub id: &'static str,
    /// A short title.
    pub title: &'static str,
    /// The lesson, in one sentence.
    pub lesson: &'static str,
    /// Where the manifest comes from.
    pub source: &'static str,
    /// The manifest text.
    pub manifest: &'static str,
    /// The scenario that tells the lesson, as scenario YAML ("" for the default scenario).
    pub scenario: &'static str,
    /// Which part of the gallery it belongs to.
    pub group: Group,
}

/// The parts of the gallery.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// Manifests from the seed articles.
    Seed,
    /// Lessons about a Pod's life, each with its scenario.
    Lesson,
    /// Examples from the Kubernetes documentation (kubernetes/website).
    Docs,
}

impl Group {
    /// Every group, in the order the gallery shows them.
    pub const ALL: [Group; 3] = [Group::Seed, Group::Lesson, Group::Docs];

    /// The group's heading.
    pub fn title(self) -> &'static str {
        match self {
            Group::Seed => "Patterns from the articles",
            Group::Lesson => "Lessons of a Pod's life",
            Group::Docs => "Kubernetes documentation examples",
        }
    }
}

/// The sidecar log-shipping Pod from the seed article "Deep Dive into Kubernetes Pods".
pub const SIDECAR_LOGGING: Example = Example {
    id: "sidecar-logging",
    title: "Sidecar: shipping logs",
    lesson: "Two containers share an emptyDir volume: the app writes logs, the sidecar reads and forwards them.",
    source: "Seed article \"Deep Dive into Kubernetes Pods\", Sidecar Pattern",
    manifest: include_str!("gallery/sidecar-logging.yaml"),
    scenario: "",
    group: Group::Seed,
};

/// Every example, in the order the gallery shows them.
pub const ALL: &[Example] = &[
    Example {
        id: "my-pod",
        title: "A single nginx container",
        lesson: "The smallest useful Pod: one container, one declared port.",
        source: "Seed article \"Deep Dive into Kubernetes Pods\", Single-Container Pod",
        manifest: include_str!("gallery/my-pod.yaml"),
        scenario: "",
        group: Group::Seed,
    },
    Example {
        id: "banana-shipment",
        title: "A labelled Pod",
        lesson: "Labels are how Services and controllers find Pods; they live under metadata.",
        source: "Seed article \"Understanding Kubernetes Pods\", its indentation repaired",
        manifest: include_str!("gallery/banana-shipment.yaml"),
        scenario: "",
        group: Group::Seed,
    },
    SIDECAR_LOGGING,
    Example {
        id: "log-aggregator",
        title: "Sidecar: log aggregator",
        lesson: "Containers of a Pod share volumes and the network: localhost reaches the neighbour.",
        source: "Seed article \"Deep Dive into Kubernetes Pods\", Multi-Container Pods",
        manifest: include_str!("gallery/log-aggregator.yaml"),
        scenario: "",
        group: Group::Seed,
    },
    Example {
        id: "app-with-sidecar",
        title: "Sidecar: counting log lines",
        lesson: "A sidecar reads what the web server writes into a shared emptyDir.",
        source: "Seed article \"Understanding Kubernetes Pods\", its indentation repaired",
        manifest: include_str!("gallery/app-with-sidecar.yaml"),
        scenario: "",
        group: Group::Seed,
    },
    Example {
        id: "init-demo",
        title: "Init container: waiting for setup",
        lesson: "The app starts only after every init container has exited successfully: Init:0/1, then PodInitializing, then Running.",
        source: "Seed article \"Kubernetes Pods: The Atom of Kubernetes\", Lab 5.1, its indentation repaired",
        manifest: include_str!("gallery/init-demo.yaml"),
        scenario: "",
        group: Group::Seed,
    },
    Example {
        id: "my-app",
        title: "Init, main and helper containers",
        lesson: "An init container prepares, then the server and its log agent run side by side.",
        source: "Seed article \"Pods Deep Dive\", Code Example, its indentation repaired",
        manifest: include_str!("gallery/my-app.yaml"),
        scenario: "",
        group: Group::Seed,
    },
    Example {
        id: "vault-injector",
        title: "Init container: injecting secrets",
        lesson: "An init container writes secrets into a volume that the app container then mounts.",
        source: "Seed article \"Deep Dive into Kubernetes Pods\", Init Containers",
        manifest: include_str!("gallery/vault-injector.yaml"),
        scenario: "",
        group: Group::Seed,
    },
    Example {
        id: "resource-limited-pod",
        title: "Requests and limits",
        lesson: "Requests reserve capacity for scheduling; limits cap use: memory over the limit is OOMKilled, CPU is throttled.",
        source: "Seed article \"Deep Dive into Kubernetes Pods\", Resource Management",
        manifest: include_str!("gallery/resource-limited-pod.yaml"),
        scenario: "",
        group: Group::Seed,
    },
    Example {
        id: "app-with-ambassador",
        title: "Ambassador: a local proxy",
        lesson: "The app talks to localhost:6379; the ambassador beside it forwards to the real Redis outside the Pod.",
        source: "Seed article \"Understanding Kubernetes Pods\", The Ambassador Pattern",
        manifest: include_str!("gallery/app-with-ambassador.yaml"),
        scenario: "",
        group: Group::Seed,
    },
    Example {
        id: "app-with-adapter",
        title: "Adapter: a metrics exporter",
        lesson: "The app writes its own status file; the adapter reads it and serves Prometheus metrics on port 9113.",
        source: "Seed article \"Understanding Kubernetes Pods\", The Adapter Pattern",
        manifest: include_str!("gallery/app-with-adapter.yaml"),
        scenario: "",
        group: Group::Seed,
    },
    Example {
        id: "running-not-ready",
        title: "Running is not Ready",
        lesson: "STATUS says Running, yet READY stays 0/1: the readiness probe on /ready gets 404, so no Service sends this Pod traffic.",
        source: "Podplay lesson: the readiness probe of the Kubernetes documentation, \"Configure Liveness, Readiness and Startup Probes\"",
        manifest: include_str!("gallery/lessons/running-not-ready.yaml"),
        scenario: "",
        group: Group::Lesson,
    },
    Example {
        id: "crash-loop",
        title: "CrashLoopBackOff",
        lesson: "The container exits 1 and the kubelet restarts it after 10 s, 20 s, 40 s… up to 5 min: CrashLoopBackOff is the wait between two tries.",
        source: "Podplay lesson: the restart back-off of the Kubernetes documentation, \"Pod Lifecycle\"",
        manifest: include_str!("gallery/lessons/crash-loop.yaml"),
        scenario: "",
        group: Group::Lesson,
    },
    Example {
        id: "oom-killed",
        title: "OOMKilled",
        lesson: "The container allocates 250 MB under a 100 MiB limit: the kernel's OOM killer ends it (exit code 137, reason OOMKilled) and the kubelet restarts it.",
        source: "Podplay lesson, after the Kubernetes documentation, \"Assign Memory Resources to Containers\"",
        manifest: include_str!("gallery/lessons/oom-killed.yaml"),
        scenario: "",
        group: Group::Lesson,
    },
    Example {
        id: "init-waits-for-db",
        title: "Init container: waiting for a database",
        lesson: "The init container loops until the Service mydb resolves; the Service is created at t = 40 s, and only then does the app start: Init:0/1, PodInitializing, Running.",
        source: "Podplay lesson, after the Kubernetes documentation, \"Init Containers\"",
        manifest: include_str!("gallery/lessons/init-waits-for-db.yaml"),
        scenario: "version: 1\nactions:\n- {at: 40s, do: createService, name: mydb}\n",
        group: Group::Lesson,
    },
    Example {
        id: "graceful-termination",
        title: "Graceful termination",
        lesson: "kubectl delete at t = 20 s: the kubelet runs the preStop hook, then sends SIGTERM; the Pod shows Terminating until nginx exits, well within its 30 s grace period. Then the kubelet gives it a terminal phase (Completed: nginx exited 0) and the API server removes it.",
        source: "Podplay lesson: the termination of Pods in the Kubernetes documentation, \"Pod Lifecycle\"",
        manifest: include_str!("gallery/lessons/graceful-termination.yaml"),
        scenario: "version: 1\nactions:\n- {at: 20s, do: deletePod}\n",
        group: Group::Lesson,
    },
    Example {
        id: "pending-resources",
        title: "Pending: insufficient memory",
        lesson: "The container requests 64Gi but the node has 4Gi: the scheduler finds no node, so the Pod stays Pending with the Event FailedScheduling \"Insufficient memory\".",
        source: "Podplay lesson, after the Kubernetes documentation, \"Assign Memory Resources to Containers\"",
        manifest: include_str!("gallery/lessons/pending-resources.yaml"),
        scenario: "",
        group: Group::Lesson,
    },
    Example {
        id: "image-pull-backoff",
        title: "ImagePullBackOff",
        lesson: "The image cannot be pulled (ErrImagePull); the kubelet retries after 10 s, 20 s, 40 s… showing ImagePullBackOff in between, and starts the container at its first try after the registry serves the image at t = 2 min.",
        source: "Podplay lesson: the image pull back-off of the Kubernetes documentation, \"Images\"",
        manifest: include_str!("gallery/lessons/image-pull-backoff.yaml"),
        scenario: "version: 1\nactions:\n- {at: 0s, do: failImagePull, container: app}\n- {at: 2m, do: fixImagePull, container: app}\n",
        group: Group::Lesson,
    },
    Example {
        id: "naked-pod",
        title: "A naked Pod on node loss",
        lesson: "The node stops answering at t = 1 min; after the 5 min toleration the Pod is evicted, and since no controller owns it, nothing ever replaces it: use a Deployment.",
        source: "Podplay lesson, after the Kubernetes documentation, \"Pods\": Pods and controllers",
        manifest: include_str!("gallery/lessons/naked-pod-node-loss.yaml"),
        scenario: "version: 1\nhorizon: 15m\nactions:\n- {at: 1m, do: loseNode}\n",
        group: Group::Lesson,
    },
    Example {
        id: "deployment-node-loss",
        title: "A naked Pod against a Deployment on node loss",
        lesson: "node-1 stops answering at t = 1 min; after the 5 min toleration its Pods are evicted: the Deployment's ReplicaSet makes a new Pod on node-2 (kubectl get pods -o wide), while the naked Pod stays Unknown and nothing replaces it. Pods are not resurrected; they are replaced.",
        source: "Podplay lesson, after the Kubernetes documentation, \"Pods\" and \"Deployments\"",
        manifest: include_str!("gallery/lessons/deployment-node-loss.yaml"),
        scenario: "version: 1\nnodes: [{name: node-1}, {name: node-2}]\nhorizon: 10m\nactions:\n- {at: 1m, do: loseNode, node: node-1}\n",
        group: Group::Lesson,
    },
    Example {
        id: "rollout-held-by-readiness",
        title: "A rolling update held up by a failing readiness probe",
        lesson: "At 30 s the image becomes nginx-unprivileged, which listens on 8080: the new Pods' readiness probe on port 80 is refused, they never become available, and the rollout stops at two new Pods and three old ones, which go on serving.",
        source: "Podplay lesson, after the Kubernetes documentation, \"Deployments\": Updating a Deployment, and \"Configure Liveness, Readiness and Startup Probes\"",
        manifest: include_str!("gallery/lessons/rollout-held-by-readiness.yaml"),
        scenario: "version: 1\nhorizon: 3m\nactions:\n- {at: 30s, do: setImage, workload: deployment/web, container: web, image: \"nginxinc/nginx-unprivileged:1.27\"}\n",
        group: Group::Lesson,
    },
    Example {
        id: "job-backoff-limit",
        title: "A Job that exhausts its backoffLimit",
        lesson: "The container exits 1 every time. With restartPolicy: Never the Job controller makes a new Pod for each failure, waiting 10 s, then 20 s; the third failure passes backoffLimit: 2, and the Job is Failed with the Event BackoffLimitExceeded. The failed Pods stay, for their logs.",
        source: "Podplay lesson, after the Kubernetes documentation, \"Jobs\": Pod backoff failure policy",
        manifest: include_str!("gallery/lessons/job-backoff-limit.yaml"),
        scenario: "version: 1\nhorizon: 2m\n",
        group: Group::Lesson,
    },
    Example {
        id: "cron-job",
        title: "A CronJob",
        lesson: "Every minute the CronJob controller makes a Job named after the scheduled minute (hello-29453761 is 00:01 UTC, in minutes since 1970), and the Job its Pod; the three newest successful Jobs are kept and older ones deleted with their Pods.",
        source: "Kubernetes documentation, content/en/examples/application/job/cronjob.yaml, at batch/v1 as the docs now write it; the stored copy is batch/v1beta1, removed in 1.25",
        manifest: include_str!("gallery/lessons/cron-job.yaml"),
        scenario: "version: 1\nhorizon: 5m30s\n",
        group: Group::Lesson,
    },
    Example {
        id: "static-web",
        title: "A static Pod and its mirror",
        lesson: "The kubelet runs this file from /etc/kubernetes/manifests itself and shows a mirror Pod, static-web-node-1; kubectl delete at t = 30 s only replaces the mirror (AGE starts again, RESTARTS stays 0); removing the file at t = 2 min stops the Pod.",
        source: "Kubernetes documentation, \"Create static Pods\", content/en/docs/tasks/configure-pod-container/static-pod.md",
        manifest: include_str!("gallery/lessons/static-pod.yaml"),
        scenario: "version: 1\nstaticPod: true\nhorizon: 3m\nactions:\n- {at: 30s, do: deletePod}\n- {at: 2m, do: removeStaticManifest}\n",
        group: Group::Lesson,
    },
    Example {
        id: "static-pod-vs-daemonset",
        title: "A static Pod against a DaemonSet",
        lesson: "node-1's kubelet runs the static Pod from a file and only mirrors it in the API (deleting the mirror at 30 s changes nothing); the DaemonSet's controller runs a Pod on every node, gives node-3 its own when it joins at 60 s, and replaces the one deleted at 90 s.",
        source: "Seed article \"Deep Dive into Kubernetes Pods\", Static Pods vs. DaemonSets; the Kubernetes documentation, \"Create static Pods\" and \"DaemonSet\"",
        manifest: include_str!("gallery/lessons/static-pod-vs-daemonset.yaml"),
        scenario: "version: 1\nstaticPod: true\nnodes: [{name: node-1}, {name: node-2}]\nhorizon: 3m\nactions:\n- {at: 30s, do: deletePod, pod: static-web-node-1}\n- {at: 60s, do: addNode, node: {name: node-3}}\n- {at: 90s, do: deletePod, pod: node-agent-xgnl6}\n",
        group: Group::Lesson,
    },
    Example {
        id: "stateful-set",
        title: "A StatefulSet's order and identity",
        lesson: "web-1 starts only once web-0 is Running and Ready; scaled to 4 the Pods come in order, the deleted web-0 comes back under its own name and claim, and scaled to 1 they go from the highest ordinal down, one at a time.",
        source: "Kubernetes documentation, \"StatefulSet Basics\", content/en/examples/application/web/web.yaml",
        manifest: include_str!("gallery/lessons/stateful-set.yaml"),
        scenario: "version: 1\nhorizon: 5m\nactions:\n- {at: 30s, do: scale, workload: statefulset/web, replicas: 4}\n- {at: 90s, do: deletePod, pod: web-0}\n- {at: 2m, do: scale, workload: statefulset/web, replicas: 1}\n",
        group: Group::Lesson,
    },
    Example {
        id: "inside-shared-volume",
        title: "Inside the containers: one volume, two views",
        lesson: "At t = 20 s kubectl exec writes /data/index.html in the writer container; nginx serves the same file from /usr/share/nginx/html. Open a shell in either container (below the diagram) and look: cat the file, curl localhost from the writer, write something and curl again.",
        source: "Podplay lesson, after the Kubernetes documentation, \"Communicate Between Containers in the Same Pod Using a Shared Volume\"",
        manifest: include_str!("gallery/lessons/inside-shared-volume.yaml"),
        scenario: "version: 1\nactions:\n- {at: 20s, pod: inside-shared-volume, do: exec, container: writer, command: [sh, -c, 'echo Hello from the writer container > /data/index.html']}\n",
        group: Group::Lesson,
    },
    Example {
        id: "shared-process-namespace",
        title: "The pause container and a shared process namespace",
        lesson: "With shareProcessNamespace, ps ax in the shell container lists /pause as PID 1 (the Pod's sandbox), then nginx and the shell's own processes. At t = 30 s the shell sends nginx SIGTERM with kill 2: nginx exits 0 and the kubelet restarts its container. Without it, each container's main process is PID 1, and a kill 1 it has no handler for is ignored.",
        source: "Kubernetes documentation, \"Share Process Namespace between Containers in a Pod\", content/en/examples/pods/share-process-namespace.yaml",
        manifest: include_str!("gallery/lessons/shared-process-namespace.yaml"),
        scenario: "version: 1\nactions:\n- {at: 30s, pod: shared-process-namespace, do: exec, container: shell, command: [kill, '2']}\n",
        group: Group::Lesson,
    },
    Example {
        id: "ephemeral-demo",
        title: "Debug a container that has no shell",
        lesson: "The pause image holds one program and no shell, so kubectl exec -it ephemeral-demo -- sh fails. At t = 20 s, kubectl debug -it ephemeral-demo --image=busybox:1.28 --target=ephemeral-demo adds the ephemeral container debugger-8xzrl: it shares the Pod's network and, with --target, the process namespace of ephemeral-demo, so ps in it lists /pause as PID 1. kubectl describe pod lists it under Ephemeral Containers; it never restarts, and exit in its shell ends it. At a later step, kubectl attach ephemeral-demo -c debugger-8xzrl -it opens its shell.",
        source: "Kubernetes documentation, \"Debug Running Pods\", section \"Debugging with an ephemeral debug container\", content/en/docs/tasks/debug/debug-application/debug-running-pod.md",
        manifest: include_str!("gallery/lessons/ephemeral-demo.yaml"),
        scenario: "version: 1\nactions:\n- {at: 20s, pod: ephemeral-demo, do: debug, container: debugger-8xzrl, command: [kubectl, debug, -it, ephemeral-demo, '--image=busybox:1.28', --target=ephemeral-demo]}\n",
        group: Group::Lesson,
    },
    Example {
        id: "docs-nginx",
        title: "pod-nginx.yaml",
        lesson: "A nodeSelector (disktype: ssd) keeps the Pod to nodes with that label.",
        source: "Kubernetes documentation, content/en/examples/pods/pod-nginx.yaml",
        manifest: include_str!("../../tests/corpus/k8s-docs-examples/pods/pod-nginx.yaml"),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-simple-pod",
        title: "simple-pod.yaml",
        lesson: "A Pod with one container, as the Pods concept page introduces it.",
        source: "Kubernetes documentation, content/en/examples/pods/simple-pod.yaml",
        manifest: include_str!("../../tests/corpus/k8s-docs-examples/pods/simple-pod.yaml"),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-init-containers",
        title: "init-containers.yaml",
        lesson: "An init container downloads a page into an emptyDir that nginx then serves.",
        source: "Kubernetes documentation, content/en/examples/pods/init-containers.yaml",
        manifest: include_str!("../../tests/corpus/k8s-docs-examples/pods/init-containers.yaml"),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-lifecycle-events",
        title: "lifecycle-events.yaml",
        lesson: "postStart writes a message when the container starts; preStop stops nginx gracefully.",
        source: "Kubernetes documentation, content/en/examples/pods/lifecycle-events.yaml",
        manifest: include_str!("../../tests/corpus/k8s-docs-examples/pods/lifecycle-events.yaml"),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-pod-with-toleration",
        title: "pod-with-toleration.yaml",
        lesson: "A toleration lets the Pod onto nodes tainted example-key:NoSchedule.",
        source: "Kubernetes documentation, content/en/examples/pods/pod-with-toleration.yaml",
        manifest: include_str!(
            "../../tests/corpus/k8s-docs-examples/pods/pod-with-toleration.yaml"
        ),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-pod-with-scheduling-gates",
        title: "pod-with-scheduling-gates.yaml",
        lesson: "Scheduling gates hold the Pod back: it stays SchedulingGated until they are removed.",
        source: "Kubernetes documentation, content/en/examples/pods/pod-with-scheduling-gates.yaml",
        manifest: include_str!(
            "../../tests/corpus/k8s-docs-examples/pods/pod-with-scheduling-gates.yaml"
        ),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-pod-without-scheduling-gates",
        title: "pod-without-scheduling-gates.yaml",
        lesson: "The same Pod with its gates removed: the scheduler places it.",
        source: "Kubernetes documentation, content/en/examples/pods/pod-without-scheduling-gates.yaml",
        manifest: include_str!(
            "../../tests/corpus/k8s-docs-examples/pods/pod-without-scheduling-gates.yaml"
        ),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-private-reg-pod",
        title: "private-reg-pod.yaml",
        lesson: "An imagePullSecret for a private registry; the docs' placeholder <your-private-image> is no valid image name (InvalidImageName).",
        source: "Kubernetes documentation, content/en/examples/pods/private-reg-pod.yaml",
        manifest: include_str!("../../tests/corpus/k8s-docs-examples/pods/private-reg-pod.yaml"),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-share-process-namespace",
        title: "share-process-namespace.yaml",
        lesson: "With shareProcessNamespace the containers see each other's processes, and the pause process is PID 1.",
        source: "Kubernetes documentation, content/en/examples/pods/share-process-namespace.yaml",
        manifest: include_str!(
            "../../tests/corpus/k8s-docs-examples/pods/share-process-namespace.yaml"
        ),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-exec-liveness",
        title: "probe/exec-liveness.yaml",
        lesson: "The liveness command fails once /tmp/healthy is removed at 30 s, so the kubelet restarts the container.",
        source: "Kubernetes documentation, content/en/examples/pods/probe/exec-liveness.yaml",
        manifest: include_str!(
            "../../tests/corpus/k8s-docs-examples/pods/probe/exec-liveness.yaml"
        ),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-http-liveness",
        title: "probe/http-liveness.yaml",
        lesson: "An HTTP liveness probe on /healthz, which starts to fail after 10 seconds.",
        source: "Kubernetes documentation, content/en/examples/pods/probe/http-liveness.yaml",
        manifest: include_str!(
            "../../tests/corpus/k8s-docs-examples/pods/probe/http-liveness.yaml"
        ),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-pod-with-http-healthcheck",
        title: "probe/pod-with-http-healthcheck.yaml",
        lesson: "nginx has no /_status/healthz, so after its 30 s initial delay the liveness probe gets 404 and the kubelet restarts nginx.",
        source: "Kubernetes documentation, content/en/examples/pods/probe/pod-with-http-healthcheck.yaml",
        manifest: include_str!(
            "../../tests/corpus/k8s-docs-examples/pods/probe/pod-with-http-healthcheck.yaml"
        ),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-pod-with-tcp-socket-healthcheck",
        title: "probe/pod-with-tcp-socket-healthcheck.yaml",
        lesson: "A TCP socket liveness probe: the port accepting connections is enough.",
        source: "Kubernetes documentation, content/en/examples/pods/probe/pod-with-tcp-socket-healthcheck.yaml",
        manifest: include_str!(
            "../../tests/corpus/k8s-docs-examples/pods/probe/pod-with-tcp-socket-healthcheck.yaml"
        ),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-qos-pod",
        title: "qos/qos-pod.yaml",
        lesson: "Requests equal limits for CPU and memory: QoS class Guaranteed.",
        source: "Kubernetes documentation, content/en/examples/pods/qos/qos-pod.yaml",
        manifest: include_str!("../../tests/corpus/k8s-docs-examples/pods/qos/qos-pod.yaml"),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-qos-pod-2",
        title: "qos/qos-pod-2.yaml",
        lesson: "A memory request below its limit: QoS class Burstable.",
        source: "Kubernetes documentation, content/en/examples/pods/qos/qos-pod-2.yaml",
        manifest: include_str!("../../tests/corpus/k8s-docs-examples/pods/qos/qos-pod-2.yaml"),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-qos-pod-5",
        title: "qos/qos-pod-5.yaml",
        lesson: "Requests equal limits (700m CPU, 200Mi memory) in the namespace qos-example: QoS class Guaranteed.",
        source: "Kubernetes documentation, content/en/examples/pods/qos/qos-pod-5.yaml",
        manifest: include_str!("../../tests/corpus/k8s-docs-examples/pods/qos/qos-pod-5.yaml"),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-cpu-request-limit",
        title: "resource/cpu-request-limit.yaml",
        lesson: "A CPU request and limit: the container is throttled at its limit, never killed for CPU.",
        source: "Kubernetes documentation, content/en/examples/pods/resource/cpu-request-limit.yaml",
        manifest: include_str!(
            "../../tests/corpus/k8s-docs-examples/pods/resource/cpu-request-limit.yaml"
        ),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-cpu-request-limit-2",
        title: "resource/cpu-request-limit-2.yaml",
        lesson: "A request of 100 CPUs: no node fits it, so the Pod stays Pending.",
        source: "Kubernetes documentation, content/en/examples/pods/resource/cpu-request-limit-2.yaml",
        manifest: include_str!(
            "../../tests/corpus/k8s-docs-examples/pods/resource/cpu-request-limit-2.yaml"
        ),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-memory-request-limit-2",
        title: "resource/memory-request-limit-2.yaml",
        lesson: "The container tries to use more memory than its limit and is OOMKilled.",
        source: "Kubernetes documentation, content/en/examples/pods/resource/memory-request-limit-2.yaml",
        manifest: include_str!(
            "../../tests/corpus/k8s-docs-examples/pods/resource/memory-request-limit-2.yaml"
        ),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-memory-request-limit-3",
        title: "resource/memory-request-limit-3.yaml",
        lesson: "A request of 1000Gi of memory: valid, but unschedulable, so Pending.",
        source: "Kubernetes documentation, content/en/examples/pods/resource/memory-request-limit-3.yaml",
        manifest: include_str!(
            "../../tests/corpus/k8s-docs-examples/pods/resource/memory-request-limit-3.yaml"
        ),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-restart-all-containers",
        title: "restart-policy/restart-all-containers.yaml",
        lesson: "A sidecar's exit code 88 restarts every container of the Pod (restartPolicyRules, alpha in 1.35).",
        source: "Kubernetes documentation, content/en/examples/pods/restart-policy/restart-all-containers.yaml",
        manifest: include_str!(
            "../../tests/corpus/k8s-docs-examples/pods/restart-policy/restart-all-containers.yaml"
        ),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-security-context",
        title: "security/security-context.yaml",
        lesson: "runAsUser sets the processes' user and fsGroup the group of the shared volume; privilege escalation is off.",
        source: "Kubernetes documentation, content/en/examples/pods/security/security-context.yaml",
        manifest: include_str!(
            "../../tests/corpus/k8s-docs-examples/pods/security/security-context.yaml"
        ),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-security-context-2",
        title: "security/security-context-2.yaml",
        lesson: "The container's securityContext (runAsUser 2000) overrides the Pod's (1000).",
        source: "Kubernetes documentation, content/en/examples/pods/security/security-context-2.yaml",
        manifest: include_str!(
            "../../tests/corpus/k8s-docs-examples/pods/security/security-context-2.yaml"
        ),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-security-context-3",
        title: "security/security-context-3.yaml",
        lesson: "The hello-app container with the runtime's default capabilities, to compare with security-context-4.",
        source: "Kubernetes documentation, content/en/examples/pods/security/security-context-3.yaml",
        manifest: include_str!(
            "../../tests/corpus/k8s-docs-examples/pods/security/security-context-3.yaml"
        ),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-security-context-4",
        title: "security/security-context-4.yaml",
        lesson: "Capabilities NET_ADMIN and SYS_TIME added to one container.",
        source: "Kubernetes documentation, content/en/examples/pods/security/security-context-4.yaml",
        manifest: include_str!(
            "../../tests/corpus/k8s-docs-examples/pods/security/security-context-4.yaml"
        ),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-audit-pod",
        title: "security/seccomp/ga/audit-pod.yaml",
        lesson: "A seccomp profile from the node's file that logs every system call.",
        source: "Kubernetes documentation, content/en/examples/pods/security/seccomp/ga/audit-pod.yaml",
        manifest: include_str!(
            "../../tests/corpus/k8s-docs-examples/pods/security/seccomp/ga/audit-pod.yaml"
        ),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-default-pod",
        title: "security/seccomp/ga/default-pod.yaml",
        lesson: "The container runtime's default seccomp profile.",
        source: "Kubernetes documentation, content/en/examples/pods/security/seccomp/ga/default-pod.yaml",
        manifest: include_str!(
            "../../tests/corpus/k8s-docs-examples/pods/security/seccomp/ga/default-pod.yaml"
        ),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-pv-pod",
        title: "storage/pv-pod.yaml",
        lesson: "The Pod mounts a PersistentVolumeClaim, which binds it to storage that outlives it.",
        source: "Kubernetes documentation, content/en/examples/pods/storage/pv-pod.yaml",
        manifest: include_str!("../../tests/corpus/k8s-docs-examples/pods/storage/pv-pod.yaml"),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-projected",
        title: "storage/projected.yaml",
        lesson: "A projected volume gathers two Secrets into one directory.",
        source: "Kubernetes documentation, content/en/examples/pods/storage/projected.yaml",
        manifest: include_str!("../../tests/corpus/k8s-docs-examples/pods/storage/projected.yaml"),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-dapi-volume",
        title: "inject/dapi-volume.yaml",
        lesson: "The downward API writes the Pod's labels and annotations into files the container reads.",
        source: "Kubernetes documentation, content/en/examples/pods/inject/dapi-volume.yaml",
        manifest: include_str!("../../tests/corpus/k8s-docs-examples/pods/inject/dapi-volume.yaml"),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-dependent-envars",
        title: "inject/dependent-envars.yaml",
        lesson: "Environment variables refer to earlier ones with $(VAR); later ones stay unexpanded.",
        source: "Kubernetes documentation, content/en/examples/pods/inject/dependent-envars.yaml",
        manifest: include_str!(
            "../../tests/corpus/k8s-docs-examples/pods/inject/dependent-envars.yaml"
        ),
        scenario: "",
        group: Group::Docs,
    },
    Example {
        id: "docs-secret-pod",
        title: "inject/secret-pod.yaml",
        lesson: "The Secret test-secret mounted read-only as files in /etc/secret-volume.",
        source: "Kubernetes documentation, content/en/examples/pods/inject/secret-pod.yaml",
        manifest: include_str!("../../tests/corpus/k8s-docs-examples/pods/inject/secret-pod.yaml"),
        scenario: "",
        group: Group::Docs,
    },
];

/// The example whose manifest is `text` exactly, if any.
pub fn example_of(text: &str) -> Option<&'static Example> {
    ALL.iter().find(|example| example.manifest == text)
}

/// The example with `id`, if any.
pub fn by_id(id: &str) -> Option<&'static Example> {
    ALL.iter().find(|example| example.id == id)
}

/// A fingerprint of a text: its length and its FNV-1a hash, worked out at compile time for the
/// examples, so that the page knows an unchanged example without carrying the examples.
pub const fn fingerprint(text: &str) -> (usize, u64) {
    let bytes = text.as_bytes();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut index = 0;
    while index < bytes.len() {
        hash ^= bytes[index] as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        index += 1;
    }
    (bytes.len(), hash)
}

/// The fingerprint of every example's manifest, in [`ALL`]'s order.
pub const FINGERPRINTS: [(usize, u64); ALL.len()] = {
    let mut out = [(0, 0); ALL.len()];
    let mut index = 0;
    while index < ALL.len() {
        out[index] = fingerprint(ALL[index].manifest);
        index += 1;
    }
    out
};

/// True when loading an example over `text` would lose the user's work: the text is neither
/// empty nor an unchanged example, so it must be kept aside first. It reads only
/// [`FINGERPRINTS`], so the page need not carry the examples to know.
pub fn is_own_draft(text: &str) -> bool {
    !text.trim().is_empty() && !FINGERPRINTS.contains(&fingerprint(text))
}

/// An example as the page receives it from its model thread (the examples are not in the page's
/// own code): [`Example`] with its texts owned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// A stable identifier, usable in links.
    pub id: String,
    /// A short title.
    pub title: String,
    /// The lesson, in one sentence.
    pub lesson: String,
    /// Where the manifest comes from.
    pub source: String,
    /// The manifest text.
    pub manifest: String,
    /// The scenario that tells the lesson, as scenario YAML ("" for the default scenario).
    pub scenario: String,
    /// Which part of the gallery it belongs to.
    pub group: Group,
}

impl Group {
    /// The group's name in the gallery's JSON.
    fn name(self) -> &'static str {
        match self {
            Group::Seed => "seed",
            Group::Lesson => "lesson",
            Group::Docs => "docs",
        }
    }
}

/// Every example, owned, in the gallery's order: what the model thread sends the page.
pub fn entries() -> Vec<Entry> {
    ALL.iter()
        .map(|example| Entry {
            id: example.id.to_owned(),
            title: example.title.to_owned(),
            lesson: example.lesson.to_owned(),
            source: example.source.to_owned(),
            manifest: example.manifest.to_owned(),
            scenario: example.scenario.to_owned(),
            group: example.group,
        })
        .collect()
}

/// `entries` as JSON: an array of objects with the fields of [`Entry`].
pub fn entries_to_json(entries: &[Entry]) -> String {
    let mut out = String::new();
    json::write_list(&mut out, entries, |out, entry| {
        let mut object = Object::open(out);
        for (key, value) in [
            ("id", entry.id.as_str()),
            ("title", &entry.title),
            ("lesson", &entry.lesson),
            ("source", &entry.source),
            ("manifest", &entry.manifest),
            ("scenario", &entry.scenario),
            ("group", entry.group.name()),
        ] {
            json::write_string(object.key(key), value);
        }
        object.close();
    });
    out
}

/// Reads the JSON [`entries_to_json`] writes.
pub fn entries_from_json(text: &str) -> Result<Vec<Entry>, String> {
    let root = single_json_document(text)?;
    list(&root, |value| {
        let fields = value.object("struct Entry")?;
        let group = required(fields, "group", string)?;
        Ok(Entry {
            id: required(fields, "id", string)?,
            title: required(fields, "title", string)?,
            lesson: required(fields, "lesson", string)?,
            source: required(fields, "source", string)?,
            manifest: required(fields, "manifest", string)?,
            scenario: required(fields, "scenario", string)?,
            group: Group::ALL
                .into_iter()
                .find(|known| known.name() == group)
                .ok_or_else(|| json::unknown("variant", &group, &["seed", "lesson", "docs"]))?,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edited_example_is_the_users_own() {
        assert!(!is_own_draft(SIDECAR_LOGGING.manifest));
        assert!(!is_own_draft("  \n"));
        assert!(is_own_draft(
            &SIDECAR_LOGGING.manifest.replace("app", "web")
        ));
        assert_eq!(
            by_id("my-pod").map(|e| e.title),
            Some("A single nginx container")
        );
        assert_eq!(
            example_of(SIDECAR_LOGGING.manifest).map(|e| e.id),
            Some("sidecar-logging")
        );
    }

    #[test]
    fn the_gallery_crosses_to_the_page_as_json() {
        let entries = entries_from_json(&entries_to_json(&super::entries())).expect("reads back");
        assert_eq!(entries.len(), ALL.len());
        for (entry, example) in entries.iter().zip(ALL) {
            assert_eq!(entry.id, example.id);
            assert_eq!(entry.manifest, example.manifest, "{}", example.id);
            assert_eq!(entry.scenario, example.scenario, "{}", example.id);
            assert_eq!(entry.group, example.group);
        }
    }

    #[test]
    fn fingerprints_tell_examples_apart() {
        let distinct: std::collections::BTreeSet<_> = FINGERPRINTS.iter().collect();
        assert_eq!(distinct.len(), ALL.len());
        for example in ALL {
            assert!(!is_own_draft(example.manifest), "{}", example.id);
            assert!(
                is_own_draft(&format!("{} ", example.manifest)),
                "{}",
                example.id
            );
        }
    }

    /// Every gallery example is a manifest the API server accepts.
    #[test]
    fn every_example_is_valid() {
        for example in ALL {
            let parsed = crate::parse(example.manifest);
            let errors: Vec<String> = parsed
                .diagnostics
                .iter()
                .filter(|diagnostic| diagnostic.is_error())
                .map(ToString::to_string)
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", example.id);
            // An example is named after its Pod, unless it sets one beside a workload.
            if example.group != Group::Docs && parsed.workloads.is_empty() {
                assert_eq!(parsed.pod.as_ref().map(crate::Pod::name), Some(example.id));
            }
        }
    }
}
