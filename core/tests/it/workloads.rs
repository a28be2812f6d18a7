//! Workloads as the API server reads them: defaults, validation with upstream's paths and
//! messages (each case cites the upstream test it ports), removed API versions, and kubectl's
//! verdict. Cases are written as manifests; `render` is the messages module's.

use expect_test::{Expect, expect};

use crate::messages::render;

fn check(text: &str, expected: Expect) {
    expected.assert_eq(&render(text));
}

/// A Deployment with `spec` lines (indented two spaces under `spec:`) after the name `web`.
fn deployment(spec: &str) -> String {
    format!("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n{spec}")
}

const TEMPLATE: &str = "  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers: [{name: web, image: 'nginx:1.27'}]\n";

#[test]
fn a_valid_deployment_is_created() {
    // pkg/apis/apps/validation/validation_test.go TestValidateDeployment: successCases.
    check(
        &deployment(&format!(
            "  selector: {{matchLabels: {{app: web}}}}\n{TEMPLATE}"
        )),
        expect![[r#"
            kubectl: deployment.apps/web created
        "#]],
    );
}

#[test]
fn deployment_validation() {
    // TestValidateDeployment: "`selector` does not match template `labels`".
    check(
        &deployment(&format!(
            "  selector: {{matchLabels: {{app: db}}}}\n{TEMPLATE}"
        )),
        expect![[r#"
            9:15 error: spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`
            kubectl: The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`
        "#]],
    );
    // FACTS-workloads §3.3: a missing selector gives two causes.
    check(
        &deployment(TEMPLATE),
        expect![[r#"
            6:3 error: spec.selector: Required value
            8:15 error: spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`
            kubectl: The Deployment "web" is invalid: 
            * spec.selector: Required value
            * spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`
        "#]],
    );
    // TestValidateDeployment: "empty selector is invalid for deployment".
    check(
        &deployment(&format!("  selector: {{}}\n{TEMPLATE}")),
        expect![[r#"
            6:13 error: spec.selector: Invalid value: {}: empty selector is invalid for deployment
            kubectl: The Deployment "web" is invalid: spec.selector: Invalid value: {}: empty selector is invalid for deployment
        "#]],
    );
    // TestValidateDeployment: `Unsupported value: "Never"`, and the template's own Pod
    // validation at its path (ValidatePodTemplateSpec).
    check(
        &deployment(
            "  replicas: -1\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      restartPolicy: Never\n      activeDeadlineSeconds: 10\n      containers: [{name: web}]\n",
        ),
        expect![[r#"
            6:13 error: spec.replicas: Invalid value: -1: must be greater than or equal to 0
            11:22 error: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"
            12:30 error: spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported
            13:20 error: spec.template.spec.containers[0].image: Required value
            kubectl: The Deployment "web" is invalid: 
            * spec.replicas: Invalid value: -1: must be greater than or equal to 0
            * spec.template.spec.containers[0].image: Required value
            * spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"
            * spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported
        "#]],
    );
    // TestValidateDeployment: "may not be 0 when `maxSurge` is 0", "must not be greater than
    // 100%", the percent format, and "may not be specified when strategy `type` is 'Recreate'".
    check(
        &deployment(&format!(
            "  selector: {{matchLabels: {{app: web}}}}\n  strategy:\n    rollingUpdate: {{maxSurge: '0%', maxUnavailable: 0}}\n{TEMPLATE}"
        )),
        expect![[r#"
            8:53 error: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0
            kubectl: The Deployment "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0
        "#]],
    );
    check(
        &deployment(&format!(
            "  selector: {{matchLabels: {{app: web}}}}\n  strategy:\n    rollingUpdate: {{maxSurge: 20Percent, maxUnavailable: '110%'}}\n{TEMPLATE}"
        )),
        expect![[r#"
            8:31 error: spec.strategy.rollingUpdate.maxSurge: Invalid value: "20Percent": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')
            8:58 error: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "110%": must not be greater than 100%
            kubectl: The Deployment "web" is invalid: 
            * spec.strategy.rollingUpdate.maxSurge: Invalid value: "20Percent": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')
            * spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "110%": must not be greater than 100%
        "#]],
    );
    check(
        &deployment(&format!(
            "  selector: {{matchLabels: {{app: web}}}}\n  strategy:\n    type: Recreate\n    rollingUpdate: {{maxSurge: 1}}\n{TEMPLATE}"
        )),
        expect![[r#"
            9:20 error: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'
            kubectl: The Deployment "web" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'
        "#]],
    );
    check(
        &deployment(&format!(
            "  selector: {{matchLabels: {{app: web}}}}\n  minReadySeconds: 700\n{TEMPLATE}"
        )),
        expect![[r#"
            6:3 error: spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds
            kubectl: The Deployment "web" is invalid: spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds
        "#]],
    );
}

#[test]
fn removed_api_versions_are_answered_as_kubectl_does() {
    // website deprecation-guide.md; kubectl's NoKindMatchError (FACTS-workloads §3.5).
    check(
        "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers: [{name: web, image: nginx}]\n",
        expect![[r#"
            1:13 error: apiVersion: no matches for kind "Deployment" in version "extensions/v1beta1"
              fix: extensions/v1beta1 is no longer served (removed in Kubernetes 1.16): a Deployment is `apiVersion: apps/v1`
            kubectl: error: resource mapping not found for name: "web" namespace: "" from "pod.yaml": no matches for kind "Deployment" in version "extensions/v1beta1"
            ensure CRDs are installed first
        "#]],
    );
    check(
        "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: hello\n",
        expect![[r#"
            1:13 error: apiVersion: no matches for kind "CronJob" in version "batch/v1beta1"
              fix: batch/v1beta1 is no longer served (removed in Kubernetes 1.25): a CronJob is `apiVersion: batch/v1`
            kubectl: error: resource mapping not found for name: "hello" namespace: "" from "pod.yaml": no matches for kind "CronJob" in version "batch/v1beta1"
            ensure CRDs are installed first
        "#]],
    );
}

#[test]
fn stateful_set_validation() {
    // pkg/apis/apps/validation/validation_test.go TestValidateStatefulSet: "empty selector",
    // "invalid restart policy", "invalid pod management policy", and a name that is not a
    // DNS label (ValidateStatefulSetName is NameIsDNSLabel).
    check(
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db.v1\nspec:\n  podManagementPolicy: Random\n  selector: {}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      restartPolicy: OnFailure\n      containers: [{name: db, image: 'postgres:16'}]\n",
        expect![[r#"
            4:9 error: metadata.name: Invalid value: "db.v1": must not contain dots
            6:24 error: spec.podManagementPolicy: Invalid value: "Random": must be 'OrderedReady' or 'Parallel'
            7:13 error: spec.selector: Invalid value: {}: empty selector is invalid for statefulset
            11:22 error: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"
            kubectl: The StatefulSet "db.v1" is invalid: 
            * metadata.name: Invalid value: "db.v1": must not contain dots
            * spec.podManagementPolicy: Invalid value: "Random": must be 'OrderedReady' or 'Parallel'
            * spec.selector: Invalid value: {}: empty selector is invalid for statefulset
            * spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"
        "#]],
    );
    // A template problem the API server lets through on a StatefulSet: each Pod is refused.
    check(
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      containers: [{name: db}]\n",
        expect![[r#"
            10:20 warning: spec.template.spec.containers[0].image: Required value; the API server accepts the StatefulSet, but refuses each Pod its controller creates from this template
            kubectl: statefulset.apps/db created
        "#]],
    );
}

#[test]
fn daemon_set_and_replication_controller_validation() {
    // TestValidateDaemonSet: "maxSurge and maxUnavailable both set", "`selector` does not match".
    check(
        "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector: {matchLabels: {app: agent}}\n  updateStrategy:\n    rollingUpdate: {maxSurge: 1, maxUnavailable: 1}\n  template:\n    metadata: {labels: {app: logs}}\n    spec:\n      containers: [{name: agent, image: 'fluentd:v1'}]\n",
        expect![[r#"
            8:31 error: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero
            10:24 error: spec.template.metadata.labels: Invalid value: {"app":"logs"}: `selector` does not match template `labels`
            kubectl: The DaemonSet "agent" is invalid: 
            * spec.template.metadata.labels: Invalid value: {"app":"logs"}: `selector` does not match template `labels`
            * spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero
        "#]],
    );
    // pkg/apis/core/validation TestValidateReplicationController: the selector defaults to the
    // template's labels; a template with restartPolicy OnFailure is refused.
    check(
        "apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: nginx\nspec:\n  replicas: 3\n  template:\n    metadata: {labels: {app: nginx}}\n    spec:\n      restartPolicy: OnFailure\n      containers: [{name: nginx, image: nginx}]\n",
        expect![[r#"
            10:22 error: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"
            kubectl: The ReplicationController "nginx" is invalid: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"
        "#]],
    );
}

#[test]
fn job_and_cron_job_validation() {
    // pkg/apis/batch/validation/validation_test.go TestValidateJob:
    // "spec.template.spec.restartPolicy: Required value" (defaulted Always),
    // "spec.parallelism:must be greater than or equal to 0".
    check(
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  parallelism: -1\n  template:\n    spec:\n      containers: [{name: pi, image: perl}]\n",
        expect![[r#"
            6:16 error: spec.parallelism: Invalid value: -1: must be greater than or equal to 0
            9:7 error: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"
            kubectl: The Job "pi" is invalid: 
            * spec.parallelism: Invalid value: -1: must be greater than or equal to 0
            * spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"
        "#]],
    );
    // TestValidateJob: "spec.template.metadata.labels: Invalid value: {"y":"z"}: `selector`
    // does not match template `labels`", and an Indexed Job whose last hostname is no label.
    check(
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: a-very-long-job-name-that-leaves-no-room-for-its-index-suffixes\nspec:\n  completionMode: Indexed\n  completions: 10\n  manualSelector: true\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {y: z}}\n    spec:\n      restartPolicy: Never\n      containers: [{name: pi, image: perl}]\n",
        expect![[r#"
            4:9 error: metadata.name: Invalid value: "a-very-long-job-name-that-leaves-no-room-for-its-index-suffixes": will not able to create pod with invalid DNS label: a-very-long-job-name-that-leaves-no-room-for-its-index-suffixes-9
            11:24 error: spec.template.metadata.labels: Invalid value: {"y":"z"}: `selector` does not match template `labels`
            kubectl: The Job "a-very-long-job-name-that-leaves-no-room-for-its-index-suffixes" is invalid: 
            * spec.template.metadata.labels: Invalid value: {"y":"z"}: `selector` does not match template `labels`
            * metadata.name: Invalid value: "a-very-long-job-name-that-leaves-no-room-for-its-index-suffixes": will not able to create pod with invalid DNS label: a-very-long-job-name-that-leaves-no-room-for-its-index-suffixes-9
        "#]],
    );
    // TestValidateCronJob: "spec.schedule: Invalid value", "spec.timeZone: Invalid value",
    // "spec.jobTemplate.spec.selector: Invalid value", "spec.concurrencyPolicy: Unsupported value".
    check(
        "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: hello\nspec:\n  schedule: 'TZ=UTC 0 * * *'\n  timeZone: Mars/Olympus\n  concurrencyPolicy: Sometimes\n  jobTemplate:\n    spec:\n      selector: {matchLabels: {a: b}}\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers: [{name: hello, image: busybox}]\n",
        expect![[r#"
            6:13 error: spec.schedule: Invalid value: "TZ=UTC 0 * * *": expected exactly 5 fields, found 4: [0 * * *]
            6:13 error: spec.schedule: Invalid value: "TZ=UTC 0 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead
            7:13 error: spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus
            8:22 error: spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"
            11:17 error: spec.jobTemplate.spec.selector: Invalid value: {"matchLabels":{"a":"b"}}: `selector` will be auto-generated
            kubectl: The CronJob "hello" is invalid: 
            * spec.schedule: Invalid value: "TZ=UTC 0 * * *": expected exactly 5 fields, found 4: [0 * * *]
            * spec.schedule: Invalid value: "TZ=UTC 0 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead
            * spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus
            * spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"
            * spec.jobTemplate.spec.selector: Invalid value: {"matchLabels":{"a":"b"}}: `selector` will be auto-generated
        "#]],
    );
    check(
        "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: hello\nspec:\n  schedule: '*/1 * * * *'\n  timeZone: Europe/Paris\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers: [{name: hello, image: busybox}]\n",
        expect![[r#"
            kubectl: cronjob.batch/hello created
        "#]],
    );
}

#[test]
fn defaults_of_each_kind() {
    // pkg/apis/apps/v1/defaults_test.go TestSetDefaultDeployment, TestSetDefaultStatefulSet,
    // TestSetDefaultDaemonSetSpec; pkg/apis/batch/v1/defaults_test.go TestSetDefaultJob,
    // TestSetDefaultCronJob; the template's own defaults without the admission plugins'.
    let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: 'nginx:1.27'}]\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      containers: [{name: db, image: 'postgres:16'}]\n---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  selector: {matchLabels: {app: agent}}\n  template:\n    metadata: {labels: {app: agent}}\n    spec:\n      containers: [{name: agent, image: 'fluentd:v1'}]\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata: {name: hello}\nspec:\n  schedule: '@hourly'\n  jobTemplate:\n    spec:\n      template:\n        metadata: {labels: {app: hello}}\n        spec:\n          restartPolicy: OnFailure\n          containers: [{name: hello, image: busybox}]\n";
    let parsed = pod_model::parse(text);
    let mut out = String::new();
    for checked in &parsed.workloads {
        out.push_str(&format!(
            "{} {}:\n",
            checked.written.kind().as_str(),
            checked.written.name()
        ));
        for default in &checked.defaulted.applied {
            out.push_str(&format!("  {} = {}\n", default.path, default.value));
        }
    }
    expect![[r#"
        Deployment web:
          spec.replicas = 1
          spec.strategy.type = RollingUpdate
          spec.strategy.rollingUpdate.maxUnavailable = 25%
          spec.strategy.rollingUpdate.maxSurge = 25%
          spec.revisionHistoryLimit = 10
          spec.progressDeadlineSeconds = 600
          spec.template.spec.containers[0].imagePullPolicy = IfNotPresent
          spec.template.spec.containers[0].terminationMessagePath = /dev/termination-log
          spec.template.spec.containers[0].terminationMessagePolicy = File
          spec.template.spec.restartPolicy = Always
          spec.template.spec.terminationGracePeriodSeconds = 30
          spec.template.spec.dnsPolicy = ClusterFirst
          spec.template.spec.securityContext = {}
          spec.template.spec.schedulerName = default-scheduler
          spec.template.spec.enableServiceLinks = true
        StatefulSet db:
          spec.replicas = 1
          spec.podManagementPolicy = OrderedReady
          spec.updateStrategy.type = RollingUpdate
          spec.updateStrategy.rollingUpdate.partition = 0
          spec.revisionHistoryLimit = 10
          spec.persistentVolumeClaimRetentionPolicy.whenDeleted = Retain
          spec.persistentVolumeClaimRetentionPolicy.whenScaled = Retain
          spec.template.spec.containers[0].imagePullPolicy = IfNotPresent
          spec.template.spec.containers[0].terminationMessagePath = /dev/termination-log
          spec.template.spec.containers[0].terminationMessagePolicy = File
          spec.template.spec.restartPolicy = Always
          spec.template.spec.terminationGracePeriodSeconds = 30
          spec.template.spec.dnsPolicy = ClusterFirst
          spec.template.spec.securityContext = {}
          spec.template.spec.schedulerName = default-scheduler
          spec.template.spec.enableServiceLinks = true
        DaemonSet agent:
          spec.updateStrategy.type = RollingUpdate
          spec.updateStrategy.rollingUpdate.maxUnavailable = 1
          spec.updateStrategy.rollingUpdate.maxSurge = 0
          spec.revisionHistoryLimit = 10
          spec.template.spec.containers[0].imagePullPolicy = IfNotPresent
          spec.template.spec.containers[0].terminationMessagePath = /dev/termination-log
          spec.template.spec.containers[0].terminationMessagePolicy = File
          spec.template.spec.restartPolicy = Always
          spec.template.spec.terminationGracePeriodSeconds = 30
          spec.template.spec.dnsPolicy = ClusterFirst
          spec.template.spec.securityContext = {}
          spec.template.spec.schedulerName = default-scheduler
          spec.template.spec.enableServiceLinks = true
        CronJob hello:
          spec.concurrencyPolicy = Allow
          spec.suspend = false
          spec.successfulJobsHistoryLimit = 3
          spec.failedJobsHistoryLimit = 1
          spec.jobTemplate.spec.completions = 1
          spec.jobTemplate.spec.parallelism = 1
          spec.jobTemplate.spec.backoffLimit = 6
          spec.jobTemplate.spec.completionMode = NonIndexed
          spec.jobTemplate.spec.suspend = false
          spec.jobTemplate.spec.podReplacementPolicy = TerminatingOrFailed
          spec.jobTemplate.spec.manualSelector = false
          spec.jobTemplate.spec.template.spec.containers[0].imagePullPolicy = Always
          spec.jobTemplate.spec.template.spec.containers[0].terminationMessagePath = /dev/termination-log
          spec.jobTemplate.spec.template.spec.containers[0].terminationMessagePolicy = File
          spec.jobTemplate.spec.template.spec.terminationGracePeriodSeconds = 30
          spec.jobTemplate.spec.template.spec.dnsPolicy = ClusterFirst
          spec.jobTemplate.spec.template.spec.securityContext = {}
          spec.jobTemplate.spec.template.spec.schedulerName = default-scheduler
          spec.jobTemplate.spec.template.spec.enableServiceLinks = true
    "#]].assert_eq(&out);
}

#[test]
fn pod_rules_that_were_missing() {
    // pkg/apis/core/validation/validation_test.go: TestValidateKeyToPath ("absolute path",
    // "..", "starts with .."), TestValidateDownwardAPIVolumeFile, TestValidateHostAliases
    // ("invalid IP"), TestValidateResizePolicy ("unsupported resource", "unsupported policy",
    // duplicates), TestValidatePodSpec "ShareProcessNamespace and HostPID both set".
    check(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostPID: true\n  shareProcessNamespace: true\n  hostAliases: [{ip: '10.0.0.300', hostnames: [Foo_Bar]}]\n  volumes:\n  - name: c\n    configMap:\n      name: cfg\n      items: [{key: a, path: /etc/a}, {key: b, path: ../b}, {key: '', path: ..c}]\n  - name: d\n    downwardAPI:\n      items: [{path: x}]\n  - name: old\n    portworxVolume: {volumeID: v1}\n  containers:\n  - name: app\n    image: 'nginx:1.27'\n    resizePolicy: [{resourceName: cpu, restartPolicy: Sometimes}, {resourceName: cpu, restartPolicy: NotRequired}, {resourceName: gpu, restartPolicy: NotRequired}]\n",
        expect![[r#"
            5:3 error: spec.securityContext.shareProcessNamespace: Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled
            7:22 error: spec.hostAliases[0].ip: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)
            7:48 error: spec.hostAliases[0].hostnames[0]: Invalid value: "Foo_Bar": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
            12:30 error: spec.volumes[0].configMap.items[0].path: Invalid value: "/etc/a": must be a relative path
            12:54 error: spec.volumes[0].configMap.items[1].path: Invalid value: "../b": must not contain '..'
            12:67 error: spec.volumes[0].configMap.items[2].key: Required value
            12:77 error: spec.volumes[0].configMap.items[2].path: Invalid value: "..c": must not start with '..'
            15:7 error: spec.volumes[1].downwardAPI: Required value: one of fieldRef and resourceFieldRef is required
            21:19 error: spec.containers[0].resizePolicy: Unsupported value: "Sometimes": supported values: "NotRequired", "RestartContainer"
            21:19 error: spec.containers[0].resizePolicy: Unsupported value: "gpu": supported values: "cpu", "memory"
            21:67 error: spec.containers[0].resizePolicy[1]: Duplicate value: "cpu"
            kubectl: The Pod "p" is invalid: 
            * spec.volumes[0].configMap.items[0].path: Invalid value: "/etc/a": must be a relative path
            * spec.volumes[0].configMap.items[1].path: Invalid value: "../b": must not contain '..'
            * spec.volumes[0].configMap.items[2].key: Required value
            * spec.volumes[0].configMap.items[2].path: Invalid value: "..c": must not start with '..'
            * spec.volumes[1].downwardAPI: Required value: one of fieldRef and resourceFieldRef is required
            * spec.containers[0].resizePolicy: Unsupported value: "Sometimes": supported values: "NotRequired", "RestartContainer"
            * spec.containers[0].resizePolicy[1]: Duplicate value: "cpu"
            * spec.containers[0].resizePolicy: Unsupported value: "gpu": supported values: "cpu", "memory"
            * spec.securityContext.shareProcessNamespace: Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled
            * spec.hostAliases[0].ip: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)
            * spec.hostAliases[0].hostnames[0]: Invalid value: "Foo_Bar": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
        "#]],
    );
}
