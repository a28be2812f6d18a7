//! Cases ported from upstream's Pod validation tests (kubernetes/kubernetes
//! pkg/apis/core/validation/validation_test.go unless a case says otherwise). Each case is a whole
//! Pod manifest and the complete list of errors the API server reports for it, as (field path, error type).
//!
//! Expected errors follow `ValidatePodCreate` after API-server defaulting (restartPolicy Always,
//! dnsPolicy ClusterFirst, terminationMessagePolicy File, imagePullPolicy, port protocol TCP,
//! probe timeouts/periods/thresholds, fieldRef apiVersion v1, source-less volumes -> emptyDir, and
//! container requests defaulted from limits). `metadata.namespace` is assumed to be filled in from
//! the request, as the API server does. Upstream emits one error per failed rule message, so a
//! single field can appear more than once.

/// One ported case.
pub struct Case {
    /// The upstream test (and table entry) this case comes from.
    pub upstream: &'static str,
    /// A complete Pod manifest in block YAML.
    pub manifest: &'static str,
    /// Every error upstream reports: (field path, error type). Empty means valid.
    pub errors: &'static [(&'static str, &'static str)],
}

/// The cases.
pub const CASES: &[Case] = &[
    Case {
        upstream: "TestValidatePod/\"basic fields\" (successCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: "123"
spec:
  containers:
  - name: c
    image: nginx:1.27
"#,
        errors: &[],
    },
    Case {
        upstream: "TestValidatePod/\"just about everything\" (successCases; nodeSelector/nodeName/serviceAccountName left out)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: abc.123.do-re-mi
spec:
  containers:
  - name: c
    image: nginx:1.27
  initContainers:
  - name: ictr
    image: busybox:1.36
  volumes:
  - name: vol
    emptyDir: {}
"#,
        errors: &[],
    },
    Case {
        upstream: "TestValidatePod/\"bad name\" (errorCases: podtest.MakePod(\"\"))",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: ""
spec:
  containers:
  - name: c
    image: nginx:1.27
"#,
        errors: &[("metadata.name", "Required value")],
    },
    Case {
        upstream: "TestValidateObjectMetaDeclaratively/\"invalid name format\" (apimachinery pkg/api/validation/objectmeta_test.go; Pod name is NameIsDNSSubdomain)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: invalid_name
spec:
  containers:
  - name: c
    image: nginx:1.27
"#,
        errors: &[("metadata.name", "Invalid value")],
    },
    Case {
        upstream: "ValidatePodName = NameIsDNSSubdomain (validation.go): 254 chars > 253 (derived boundary; no table entry). One message only: max length",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
spec:
  containers:
  - name: c
    image: nginx:1.27
"#,
        errors: &[("metadata.name", "Invalid value")],
    },
    Case {
        upstream: "TestValidateLabels (apimachinery pkg/apis/meta/v1/validation/validation_test.go) successCases (subset)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
  labels:
    'simple/simple': 'bar'
    'now-with.dashes-and.dots/simple': 'bar'
    '1.2.3.4/5678': 'bar'
    '1234': 'bar'
    'UpperCaseAreOK123': 'bar'
    'goodvalue': '123_-.BaR'
spec:
  containers:
  - name: c
    image: nginx:1.27
"#,
        errors: &[],
    },
    Case {
        upstream: "TestValidatePod/\"bad label\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
  labels:
    'NoUppercaseOrSpecialCharsLike=Equals': 'bar'
spec:
  containers:
  - name: c
    image: nginx:1.27
"#,
        errors: &[("metadata.labels", "Invalid value")],
    },
    Case {
        upstream: "TestValidateLabels/labelNameErrorCases {\"cantendwithadash-\": \"bar\"} (apimachinery)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
  labels:
    'cantendwithadash-': 'bar'
spec:
  containers:
  - name: c
    image: nginx:1.27
"#,
        errors: &[("metadata.labels", "Invalid value")],
    },
    Case {
        upstream: "TestValidateLabels/labelNameErrorCases {strings.Repeat(\"a\", 254): \"bar\"} (apimachinery)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
  labels:
    'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa': 'bar'
spec:
  containers:
  - name: c
    image: nginx:1.27
"#,
        errors: &[("metadata.labels", "Invalid value")],
    },
    Case {
        upstream: "TestValidateLabels/labelValueErrorCases {\"toolongvalue\": strings.Repeat(\"a\", 64)} (apimachinery)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
  labels:
    'toolongvalue': 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'
spec:
  containers:
  - name: c
    image: nginx:1.27
"#,
        errors: &[("metadata.labels", "Invalid value")],
    },
    Case {
        upstream: "TestValidateLabels/labelValueErrorCases {\"backslashesinvalue\": \"some\\\\bad\\\\value\"} (apimachinery)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
  labels:
    'backslashesinvalue': 'some\bad\value'
spec:
  containers:
  - name: c
    image: nginx:1.27
"#,
        errors: &[("metadata.labels", "Invalid value")],
    },
    Case {
        upstream: "TestValidateLabels/labelValueErrorCases {\"strangecharsinvalue\": \"?#$notsogood\"} (apimachinery)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
  labels:
    'strangecharsinvalue': '?#$notsogood'
spec:
  containers:
  - name: c
    image: nginx:1.27
"#,
        errors: &[("metadata.labels", "Invalid value")],
    },
    Case {
        upstream: "TestValidateAnnotations (apimachinery pkg/api/validation/objectmeta_test.go) successCases (subset; keys are lower-cased before checking)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    'simple/simple': 'bar'
    'now.with.dots/simple': 'bar'
    '1234/5678': 'bar'
    'UpperCase123': 'bar'
spec:
  containers:
  - name: c
    image: nginx:1.27
"#,
        errors: &[],
    },
    Case {
        upstream: "TestValidateAnnotations/nameErrorCases {\"nospecialchars^=@\": \"bar\"} (apimachinery objectmeta_test.go)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    'nospecialchars^=@': 'bar'
spec:
  containers:
  - name: c
    image: nginx:1.27
"#,
        errors: &[("metadata.annotations", "Invalid value")],
    },
    Case {
        upstream: "TestValidateObjectMetaDeclaratively/\"invalid annotation key\" {\"-invalid\": \"val\"} (apimachinery objectmeta_test.go)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    '-invalid': 'val'
spec:
  containers:
  - name: c
    image: nginx:1.27
"#,
        errors: &[("metadata.annotations", "Invalid value")],
    },
    Case {
        upstream: "TestValidateContainers/successCase (subset: abc, 123, abc-123, live-123, startup-123, same-host-port-different-protocol, resources-request-limit-simple)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: abc
    image: image
  - name: '123'
    image: image
  - name: abc-123
    image: image
  - name: live-123
    image: image
    livenessProbe:
      tcpSocket:
        port: 80
      successThreshold: 1
  - name: startup-123
    image: image
    startupProbe:
      tcpSocket:
        port: 80
      successThreshold: 1
  - name: same-host-port-different-protocol
    image: image
    ports:
    - containerPort: 80
      hostPort: 80
      protocol: TCP
    - containerPort: 80
      hostPort: 80
      protocol: UDP
  - name: resources-request-limit-simple
    image: image
    resources:
      requests:
        cpu: '8'
      limits:
        cpu: '10'
"#,
        errors: &[],
    },
    Case {
        upstream: "TestValidateContainers/\"zero-length name\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: ''
    image: image
"#,
        errors: &[("spec.containers[0].name", "Required value")],
    },
    Case {
        upstream: "TestValidateContainers/\"zero-length-image\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: abc
    image: ''
"#,
        errors: &[("spec.containers[0].image", "Required value")],
    },
    Case {
        upstream: "TestValidateContainers/\"name > 63 characters\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
    image: image
"#,
        errors: &[("spec.containers[0].name", "Invalid value")],
    },
    Case {
        upstream: "TestValidateContainers/\"name not a DNS label\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a.b.c
    image: image
"#,
        errors: &[("spec.containers[0].name", "Invalid value")],
    },
    Case {
        upstream: "TestValidateContainers/\"name not unique\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: abc
    image: image
  - name: abc
    image: image
"#,
        errors: &[("spec.containers[1].name", "Duplicate value")],
    },
    Case {
        upstream: "TestValidateContainers/\"host port not unique\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: abc
    image: image
    ports:
    - containerPort: 80
      hostPort: 80
      protocol: TCP
  - name: def
    image: image
    ports:
    - containerPort: 81
      hostPort: 80
      protocol: TCP
"#,
        errors: &[("spec.containers[1].ports[0].hostPort", "Duplicate value")],
    },
    Case {
        upstream: "TestValidateContainers/\"unknown volume name\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: abc
    image: image
    volumeMounts:
    - name: anything
      mountPath: /foo
"#,
        errors: &[("spec.containers[0].volumeMounts[0].name", "Not found")],
    },
    Case {
        upstream: "TestValidateContainers/\"invalid readiness probe, terminationGracePeriodSeconds set.\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: life-123
    image: image
    readinessProbe:
      tcpSocket:
        port: 80
      terminationGracePeriodSeconds: 10
"#,
        errors: &[(
            "spec.containers[0].readinessProbe.terminationGracePeriodSeconds",
            "Invalid value",
        )],
    },
    Case {
        upstream: "TestValidateContainers/\"invalid liveness probe, no tcp socket port.\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: live-123
    image: image
    livenessProbe:
      tcpSocket: {}
      successThreshold: 1
"#,
        errors: &[(
            "spec.containers[0].livenessProbe.tcpSocket.port",
            "Invalid value",
        )],
    },
    Case {
        upstream: "TestValidateContainers/\"invalid liveness probe, no action.\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: live-123
    image: image
    livenessProbe:
      successThreshold: 1
"#,
        errors: &[("spec.containers[0].livenessProbe", "Required value")],
    },
    Case {
        upstream: "TestValidateContainers/\"invalid liveness probe, successThreshold != 1\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: live-123
    image: image
    livenessProbe:
      tcpSocket:
        port: 80
      successThreshold: 2
"#,
        errors: &[(
            "spec.containers[0].livenessProbe.successThreshold",
            "Invalid value",
        )],
    },
    Case {
        upstream: "TestValidateContainers/\"invalid startup probe, successThreshold != 1\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: startup-123
    image: image
    startupProbe:
      tcpSocket:
        port: 80
      successThreshold: 2
"#,
        errors: &[(
            "spec.containers[0].startupProbe.successThreshold",
            "Invalid value",
        )],
    },
    Case {
        upstream: "TestValidateContainers/\"invalid liveness probe, negative numbers\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: live-123
    image: image
    livenessProbe:
      tcpSocket:
        port: 80
      initialDelaySeconds: -1
      timeoutSeconds: -1
      periodSeconds: -1
      successThreshold: -1
      failureThreshold: -1
      terminationGracePeriodSeconds: -1
"#,
        errors: &[
            (
                "spec.containers[0].livenessProbe.initialDelaySeconds",
                "Invalid value",
            ),
            (
                "spec.containers[0].livenessProbe.timeoutSeconds",
                "Invalid value",
            ),
            (
                "spec.containers[0].livenessProbe.periodSeconds",
                "Invalid value",
            ),
            (
                "spec.containers[0].livenessProbe.successThreshold",
                "Invalid value",
            ),
            (
                "spec.containers[0].livenessProbe.failureThreshold",
                "Invalid value",
            ),
            (
                "spec.containers[0].livenessProbe.terminationGracePeriodSeconds",
                "Invalid value",
            ),
            (
                "spec.containers[0].livenessProbe.successThreshold",
                "Invalid value",
            ),
        ],
    },
    Case {
        upstream: "TestValidateContainers/\"invalid readiness probe, negative numbers\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: ready-123
    image: image
    readinessProbe:
      tcpSocket:
        port: 80
      initialDelaySeconds: -1
      timeoutSeconds: -1
      periodSeconds: -1
      successThreshold: -1
      failureThreshold: -1
      terminationGracePeriodSeconds: -1
"#,
        errors: &[
            (
                "spec.containers[0].readinessProbe.initialDelaySeconds",
                "Invalid value",
            ),
            (
                "spec.containers[0].readinessProbe.timeoutSeconds",
                "Invalid value",
            ),
            (
                "spec.containers[0].readinessProbe.periodSeconds",
                "Invalid value",
            ),
            (
                "spec.containers[0].readinessProbe.successThreshold",
                "Invalid value",
            ),
            (
                "spec.containers[0].readinessProbe.failureThreshold",
                "Invalid value",
            ),
            (
                "spec.containers[0].readinessProbe.terminationGracePeriodSeconds",
                "Invalid value",
            ),
            (
                "spec.containers[0].readinessProbe.terminationGracePeriodSeconds",
                "Invalid value",
            ),
        ],
    },
    Case {
        upstream: "validateHandler (validation.go; derived, no table entry): probe with exec and tcpSocket -> second handler is Forbidden \"may not specify more than 1 handler type\"",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: live-123
    image: image
    livenessProbe:
      exec:
        command:
        - 'true'
      tcpSocket:
        port: 80
"#,
        errors: &[("spec.containers[0].livenessProbe.tcpSocket", "Forbidden")],
    },
    Case {
        upstream: "TestValidateContainers/\"Resource CPU invalid\" (errorCases). API server defaults requests from limits (SetDefaults_Pod), so the negative cpu is also reported under requests",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: abc-123
    image: image
    resources:
      limits:
        cpu: '-10'
        memory: '0'
"#,
        errors: &[
            ("spec.containers[0].resources.limits[cpu]", "Invalid value"),
            (
                "spec.containers[0].resources.requests[cpu]",
                "Invalid value",
            ),
        ],
    },
    Case {
        upstream: "TestValidateContainers/\"Resource Requests CPU invalid\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: abc-123
    image: image
    resources:
      requests:
        cpu: '-10'
        memory: '0'
"#,
        errors: &[(
            "spec.containers[0].resources.requests[cpu]",
            "Invalid value",
        )],
    },
    Case {
        upstream: "TestValidateContainers/\"Request limit simple invalid\" (errorCases): path is resources.requests, without a key",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: abc-123
    image: image
    resources:
      limits:
        cpu: '5'
        memory: '3'
      requests:
        cpu: '6'
        memory: '3'
"#,
        errors: &[("spec.containers[0].resources.requests", "Invalid value")],
    },
    Case {
        upstream: "TestValidateContainers/\"Memory request limit multiple invalid\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: abc-123
    image: image
    resources:
      limits:
        cpu: '5'
        memory: '3'
      requests:
        cpu: '5'
        memory: '4'
"#,
        errors: &[("spec.containers[0].resources.requests", "Invalid value")],
    },
    Case {
        upstream: "TestValidateResourceRequirements/\"limits and requests of cpu resource are equal\"",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
    resources:
      limits:
        cpu: '10'
      requests:
        cpu: '10'
"#,
        errors: &[],
    },
    Case {
        upstream: "TestValidateContainers/\"Forbidden RestartPolicy: Always\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: foo
    image: image
    restartPolicy: Always
"#,
        errors: &[("spec.containers[0].restartPolicy", "Forbidden")],
    },
    Case {
        upstream: "TestValidatePod/\"image whitespace\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: ctr
    image: ' '
"#,
        errors: &[("spec.containers[0].image", "Invalid value")],
    },
    Case {
        upstream: "TestValidatePod/\"image leading and trailing whitespace\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: ctr
    image: ' something '
"#,
        errors: &[("spec.containers[0].image", "Invalid value")],
    },
    Case {
        upstream: "TestValidatePod/\"bad spec\" (errorCases: SetContainers(core.Container{}); TestValidatePodSpec \"bad container\" is the same input)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: "123"
spec:
  containers:
  - {}
"#,
        errors: &[
            ("spec.containers[0].name", "Required value"),
            ("spec.containers[0].image", "Required value"),
        ],
    },
    Case {
        upstream: "TestValidateSecurityContext/\"negative RunAsUser\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
    securityContext:
      runAsUser: -1
"#,
        errors: &[(
            "spec.containers[0].securityContext.runAsUser",
            "Invalid value",
        )],
    },
    Case {
        upstream: "TestValidateEnv/successCase (subset)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
    env:
    - name: abc
      value: value
    - name: ABC
      value: value
    - name: AbC_123
      value: value
    - name: a.b.c
      value: value
    - name: a-b-c
      value: value
    - name: abc
      valueFrom:
        fieldRef:
          apiVersion: v1
          fieldPath: metadata.name
    - name: secret_value
      valueFrom:
        secretKeyRef:
          name: some-secret
          key: secret-key
    - name: ENV_VAR_1
      valueFrom:
        configMapKeyRef:
          name: some-config-map
          key: some-key
"#,
        errors: &[],
    },
    Case {
        upstream: "TestValidateEnv/\"zero-length name\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
    env:
    - name: ''
"#,
        errors: &[("spec.containers[0].env[0].name", "Required value")],
    },
    Case {
        upstream: "TestRelaxedValidateEnv/\"illegal character\" {Name: \"=abc\"} (errorCases; invalid under both strict and relaxed env-name rules)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
    env:
    - name: '=abc'
"#,
        errors: &[("spec.containers[0].env[0].name", "Invalid value")],
    },
    Case {
        upstream: "TestValidateEnv/\"value and valueFrom specified\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
    env:
    - name: abc
      value: foo
      valueFrom:
        fieldRef:
          apiVersion: v1
          fieldPath: metadata.name
"#,
        errors: &[("spec.containers[0].env[0].valueFrom", "Invalid value")],
    },
    Case {
        upstream: "TestValidateEnv/\"valueFrom without a source\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
    env:
    - name: abc
      valueFrom: {}
"#,
        errors: &[("spec.containers[0].env[0].valueFrom", "Invalid value")],
    },
    Case {
        upstream: "TestValidateEnv/\"valueFrom.fieldRef and valueFrom.secretKeyRef specified\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
    env:
    - name: abc
      valueFrom:
        fieldRef:
          apiVersion: v1
          fieldPath: metadata.name
        secretKeyRef:
          name: a-secret
          key: a-key
"#,
        errors: &[("spec.containers[0].env[0].valueFrom", "Invalid value")],
    },
    Case {
        upstream: "TestValidatePorts/successCase",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
    ports:
    - name: abc
      containerPort: 80
      hostPort: 80
      protocol: TCP
    - name: easy
      containerPort: 82
      protocol: TCP
    - name: as
      containerPort: 83
      protocol: UDP
    - name: do-re-me
      containerPort: 84
      protocol: SCTP
    - containerPort: 85
      protocol: TCP
"#,
        errors: &[],
    },
    Case {
        upstream: "TestValidatePorts/\"name > 15 characters\"",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
    ports:
    - name: aaaaaaaaaaaaaaaa
      containerPort: 80
      protocol: TCP
"#,
        errors: &[("spec.containers[0].ports[0].name", "Invalid value")],
    },
    Case {
        upstream: "TestValidatePorts/\"name contains invalid characters\"",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
    ports:
    - name: a.b.c
      containerPort: 80
      protocol: TCP
"#,
        errors: &[("spec.containers[0].ports[0].name", "Invalid value")],
    },
    Case {
        upstream: "TestValidatePorts/\"name is a number\"",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
    ports:
    - name: '80'
      containerPort: 80
      protocol: TCP
"#,
        errors: &[("spec.containers[0].ports[0].name", "Invalid value")],
    },
    Case {
        upstream: "TestValidatePorts/\"name not unique\"",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
    ports:
    - name: abc
      containerPort: 80
      protocol: TCP
    - name: abc
      containerPort: 81
      protocol: TCP
"#,
        errors: &[("spec.containers[0].ports[1].name", "Duplicate value")],
    },
    Case {
        upstream: "TestValidatePorts/\"zero container port\"",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
    ports:
    - containerPort: 0
      protocol: TCP
"#,
        errors: &[(
            "spec.containers[0].ports[0].containerPort",
            "Required value",
        )],
    },
    Case {
        upstream: "TestValidatePorts/\"invalid container port\"",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
    ports:
    - containerPort: 65536
      protocol: TCP
"#,
        errors: &[("spec.containers[0].ports[0].containerPort", "Invalid value")],
    },
    Case {
        upstream: "TestValidatePorts/\"invalid host port\"",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
    ports:
    - containerPort: 80
      hostPort: 65536
      protocol: TCP
"#,
        errors: &[("spec.containers[0].ports[0].hostPort", "Invalid value")],
    },
    Case {
        upstream: "TestValidatePorts/\"invalid protocol case\"",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
    ports:
    - containerPort: 80
      protocol: tcp
"#,
        errors: &[("spec.containers[0].ports[0].protocol", "Unsupported value")],
    },
    Case {
        upstream: "TestValidatePorts/\"protocol required\": the API server defaults protocol to TCP before validating, so the Pod is valid",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
    ports:
    - name: abc
      containerPort: 80
"#,
        errors: &[],
    },
    Case {
        upstream: "TestValidateVolumeMounts/successCase (subset, no subPath; PVC volumes replaced by emptyDir)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
    volumeMounts:
    - name: abc
      mountPath: /foo
    - name: '123'
      mountPath: /bar
    - name: abc-123
      mountPath: /baz
    - name: abc-123
      mountPath: 'd:'
    - name: abc-123
      mountPath: 'G:\mount'
  volumes:
  - name: abc
    emptyDir: {}
  - name: abc-123
    emptyDir: {}
  - name: '123'
    hostPath:
      path: /foo/baz
"#,
        errors: &[],
    },
    Case {
        upstream: "TestValidateVolumeMounts/\"empty name\" (errorCases): an empty name is both Required and Not found",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
    volumeMounts:
    - name: ''
      mountPath: /foo
  volumes:
  - name: abc
    emptyDir: {}
"#,
        errors: &[
            ("spec.containers[0].volumeMounts[0].name", "Required value"),
            ("spec.containers[0].volumeMounts[0].name", "Not found"),
        ],
    },
    Case {
        upstream: "TestValidateVolumeMounts/\"empty mountpath\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
    volumeMounts:
    - name: abc
      mountPath: ''
  volumes:
  - name: abc
    emptyDir: {}
"#,
        errors: &[(
            "spec.containers[0].volumeMounts[0].mountPath",
            "Required value",
        )],
    },
    Case {
        upstream: "TestValidateVolumeMounts/\"mountpath collision\" (errorCases; volumes foo and bar declared so only the collision is reported)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
    volumeMounts:
    - name: foo
      mountPath: /path/a
    - name: bar
      mountPath: /path/a
  volumes:
  - name: foo
    emptyDir: {}
  - name: bar
    emptyDir: {}
"#,
        errors: &[(
            "spec.containers[0].volumeMounts[1].mountPath",
            "Invalid value",
        )],
    },
    Case {
        upstream: "TestValidateVolumes/\"valid alpha name\", \"valid num name\", \"valid alphanum name\", \"valid numalpha name\"",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
  volumes:
  - name: empty
    emptyDir: {}
  - name: '123'
    emptyDir: {}
  - name: empty-123
    emptyDir: {}
  - name: 123-empty
    emptyDir: {}
"#,
        errors: &[],
    },
    Case {
        upstream: "TestValidateVolumes/\"zero-length name\"",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
  volumes:
  - name: ''
    emptyDir: {}
"#,
        errors: &[("spec.volumes[0].name", "Required value")],
    },
    Case {
        upstream: "TestValidateVolumes/\"name > 63 characters\"",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
  volumes:
  - name: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
    emptyDir: {}
"#,
        errors: &[("spec.volumes[0].name", "Invalid value")],
    },
    Case {
        upstream: "TestValidateVolumes/\"name has dots\"",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
  volumes:
  - name: a.b.c
    emptyDir: {}
"#,
        errors: &[("spec.volumes[0].name", "Invalid value")],
    },
    Case {
        upstream: "TestValidateVolumes/\"name not a DNS label\"",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
  volumes:
  - name: 'Not a DNS label!'
    emptyDir: {}
"#,
        errors: &[("spec.volumes[0].name", "Invalid value")],
    },
    Case {
        upstream: "TestValidateVolumes/\"more than one source\"",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
  volumes:
  - name: dups
    emptyDir: {}
    hostPath:
      path: /mnt/path
      type: Directory
"#,
        errors: &[("spec.volumes[0].hostPath", "Forbidden")],
    },
    Case {
        upstream: "TestValidateVolumes/\"no volume source\": Required there, but the API server defaults a source-less volume to emptyDir, so the Pod is valid",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
  volumes:
  - name: volume
"#,
        errors: &[],
    },
    Case {
        upstream: "TestValidateVolumes/dupsCase (two volumes named \"abc\")",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
  volumes:
  - name: abc
    emptyDir: {}
  - name: abc
    emptyDir: {}
"#,
        errors: &[("spec.volumes[1].name", "Duplicate value")],
    },
    Case {
        upstream: "TestValidatePodSpec/\"bad volume\" (failureCases: core.Volume{}; the source is defaulted to emptyDir)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
  volumes:
  - name: ''
"#,
        errors: &[("spec.volumes[0].name", "Required value")],
    },
    Case {
        upstream: "TestValidateInitContainers/successCase (pod restartPolicy Never; container-3 without its lifecycle hooks)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  restartPolicy: Never
  containers:
  - name: app
    image: nginx
  initContainers:
  - name: container-1-same-host-port-different-protocol
    image: image
    ports:
    - containerPort: 80
      hostPort: 80
      protocol: TCP
    - containerPort: 80
      hostPort: 80
      protocol: UDP
  - name: container-2-same-host-port-different-protocol
    image: image
    ports:
    - containerPort: 80
      hostPort: 80
      protocol: TCP
    - containerPort: 80
      hostPort: 80
      protocol: UDP
  - name: container-3-restart-always-with-lifecycle-hook-and-probes
    image: image
    restartPolicy: Always
    livenessProbe:
      tcpSocket:
        port: 80
      successThreshold: 1
    readinessProbe:
      tcpSocket:
        port: 80
    startupProbe:
      tcpSocket:
        port: 80
      successThreshold: 1
"#,
        errors: &[],
    },
    Case {
        upstream: "TestValidateInitContainers/\"empty name\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx
  initContainers:
  - name: ''
    image: image
"#,
        errors: &[("spec.initContainers[0].name", "Required value")],
    },
    Case {
        upstream: "TestValidateInitContainers/\"name collision with regular container\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx
  initContainers:
  - name: app
    image: image
"#,
        errors: &[("spec.initContainers[0].name", "Duplicate value")],
    },
    Case {
        upstream: "TestValidateInitContainers/\"duplicate names\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx
  initContainers:
  - name: init
    image: image
  - name: init
    image: image
"#,
        errors: &[("spec.initContainers[1].name", "Duplicate value")],
    },
    Case {
        upstream: "TestValidateInitContainers/\"duplicate ports\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx
  initContainers:
  - name: abc
    image: image
    ports:
    - containerPort: 8080
      hostPort: 8080
      protocol: TCP
    - containerPort: 8080
      hostPort: 8080
      protocol: TCP
"#,
        errors: &[(
            "spec.initContainers[0].ports[1].hostPort",
            "Duplicate value",
        )],
    },
    Case {
        upstream: "validateInitContainers + AccumulateUniqueHostPorts (validation.go; derived from \"duplicate ports\"): each init container is checked as a one-element list, so the index is always [0] even for the second init container",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx
  initContainers:
  - name: first
    image: image
  - name: second
    image: image
    ports:
    - containerPort: 8080
      hostPort: 8080
      protocol: TCP
    - containerPort: 8080
      hostPort: 8080
      protocol: TCP
"#,
        errors: &[(
            "spec.initContainers[0].ports[1].hostPort",
            "Duplicate value",
        )],
    },
    Case {
        upstream: "TestValidateInitContainers/\"uses disallowed field: LivenessProbe\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx
  initContainers:
  - name: debug
    image: image
    livenessProbe:
      tcpSocket:
        port: 80
      successThreshold: 1
"#,
        errors: &[("spec.initContainers[0].livenessProbe", "Forbidden")],
    },
    Case {
        upstream: "TestValidateInitContainers/\"uses disallowed field: ReadinessProbe\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx
  initContainers:
  - name: debug
    image: image
    readinessProbe:
      tcpSocket:
        port: 80
"#,
        errors: &[("spec.initContainers[0].readinessProbe", "Forbidden")],
    },
    Case {
        upstream: "TestValidateInitContainers/\"Container uses disallowed field: StartupProbe\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx
  initContainers:
  - name: debug
    image: image
    startupProbe:
      tcpSocket:
        port: 80
      successThreshold: 1
"#,
        errors: &[("spec.initContainers[0].startupProbe", "Forbidden")],
    },
    Case {
        upstream: "TestValidateInitContainers/\"Disallowed field with other errors should only return a single Forbidden\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx
  initContainers:
  - name: debug
    image: image
    startupProbe:
      tcpSocket:
        port: 80
      initialDelaySeconds: -1
      timeoutSeconds: -1
      periodSeconds: -1
      successThreshold: -1
      failureThreshold: -1
      terminationGracePeriodSeconds: -1
"#,
        errors: &[("spec.initContainers[0].startupProbe", "Forbidden")],
    },
    Case {
        upstream: "TestValidateInitContainers/\"Not supported RestartPolicy: OnFailure\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx
  initContainers:
  - name: init
    image: image
    restartPolicy: OnFailure
"#,
        errors: &[("spec.initContainers[0].restartPolicy", "Unsupported value")],
    },
    Case {
        upstream: "TestValidateInitContainers/\"invalid startup probe in restartable container, successThreshold != 1\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx
  initContainers:
  - name: restartable-init
    image: image
    restartPolicy: Always
    startupProbe:
      tcpSocket:
        port: 80
      successThreshold: 2
"#,
        errors: &[(
            "spec.initContainers[0].startupProbe.successThreshold",
            "Invalid value",
        )],
    },
    Case {
        upstream: "TestValidateInitContainers/\"invalid readiness probe, terminationGracePeriodSeconds set.\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx
  initContainers:
  - name: life-123
    image: image
    restartPolicy: Always
    readinessProbe:
      tcpSocket:
        port: 80
      terminationGracePeriodSeconds: 10
"#,
        errors: &[(
            "spec.initContainers[0].readinessProbe.terminationGracePeriodSeconds",
            "Invalid value",
        )],
    },
    Case {
        upstream: "TestValidateInitContainers/\"invalid liveness probe, successThreshold != 1\" (errorCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx
  initContainers:
  - name: live-123
    image: image
    restartPolicy: Always
    livenessProbe:
      tcpSocket:
        port: 80
      successThreshold: 2
"#,
        errors: &[(
            "spec.initContainers[0].livenessProbe.successThreshold",
            "Invalid value",
        )],
    },
    Case {
        upstream: "TestValidatePodSpec/\"bad init container\" (failureCases: SetInitContainers(core.Container{}))",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx:1.27
  initContainers:
  - {}
"#,
        errors: &[
            ("spec.initContainers[0].name", "Required value"),
            ("spec.initContainers[0].image", "Required value"),
        ],
    },
    Case {
        upstream: "TestValidateEphemeralContainers/\"Name Collision with Container.Containers\" (plus ValidatePodCreate: ephemeralContainers \"cannot be set on create\")",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: ctr
    image: image
  initContainers:
  - name: ictr
    image: iimage
  ephemeralContainers:
  - name: ctr
    image: image
  - name: debug1
    image: image
"#,
        errors: &[
            ("spec.ephemeralContainers[0].name", "Duplicate value"),
            ("spec.ephemeralContainers", "Forbidden"),
        ],
    },
    Case {
        upstream: "TestValidateEphemeralContainers/\"Name Collision with Container.InitContainers\" (plus ValidatePodCreate Forbidden)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: ctr
    image: image
  initContainers:
  - name: ictr
    image: iimage
  ephemeralContainers:
  - name: ictr
    image: image
  - name: debug1
    image: image
"#,
        errors: &[
            ("spec.ephemeralContainers[0].name", "Duplicate value"),
            ("spec.ephemeralContainers", "Forbidden"),
        ],
    },
    Case {
        upstream: "TestValidateEphemeralContainers/\"Name Collision with EphemeralContainers\" (plus ValidatePodCreate Forbidden)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: ctr
    image: image
  initContainers:
  - name: ictr
    image: iimage
  ephemeralContainers:
  - name: debug1
    image: image
  - name: debug1
    image: image
"#,
        errors: &[
            ("spec.ephemeralContainers[1].name", "Duplicate value"),
            ("spec.ephemeralContainers", "Forbidden"),
        ],
    },
    Case {
        upstream: "TestValidateEphemeralContainers/\"whitespace padded image name\" (plus ValidatePodCreate Forbidden)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: ctr
    image: image
  initContainers:
  - name: ictr
    image: iimage
  ephemeralContainers:
  - name: debug
    image: ' image'
"#,
        errors: &[
            ("spec.ephemeralContainers[0].image", "Invalid value"),
            ("spec.ephemeralContainers", "Forbidden"),
        ],
    },
    Case {
        upstream: "TestValidatePodSpec/\"no containers\" (failureCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers: []
"#,
        errors: &[("spec.containers", "Required value")],
    },
    Case {
        upstream: "TestValidatePodSpec/\"bad DNS policy\" (failureCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  dnsPolicy: invalid
  containers:
  - name: c
    image: nginx:1.27
"#,
        errors: &[("spec.dnsPolicy", "Unsupported value")],
    },
    Case {
        upstream: "TestValidatePodSpec/\"bad restart policy\" (failureCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  restartPolicy: UnknowPolicy
  containers:
  - name: c
    image: nginx:1.27
"#,
        errors: &[("spec.restartPolicy", "Unsupported value")],
    },
    Case {
        upstream: "TestValidateRestartPolicy/successCases (OnFailure)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  restartPolicy: OnFailure
  containers:
  - name: c
    image: nginx:1.27
"#,
        errors: &[],
    },
    Case {
        upstream: "TestValidateDNSPolicy/successCases (Default)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  dnsPolicy: Default
  containers:
  - name: c
    image: nginx:1.27
"#,
        errors: &[],
    },
    Case {
        upstream: "TestValidatePodSpec/\"bad runAsUser less than 0\" (failureCases)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsUser: -1
  containers:
  - name: c
    image: nginx:1.27
"#,
        errors: &[("spec.securityContext.runAsUser", "Invalid value")],
    },
    Case {
        upstream: "TestValidatePodSpec/\"populate RunAsUser SupplementalGroups FSGroup with minID 0\" (successCases; runAsUser only)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsUser: 0
  containers:
  - name: c
    image: nginx:1.27
"#,
        errors: &[],
    },
    Case {
        upstream: "TestValidatePodSpec/\"populate RunAsUser SupplementalGroups FSGroup with maxID 2147483647\" (successCases; runAsUser only)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsUser: 2147483647
  containers:
  - name: c
    image: nginx:1.27
"#,
        errors: &[],
    },
    Case {
        upstream: "TestValidatePodSpec/\"bad-active-deadline-seconds\" (failureCases: 0)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  activeDeadlineSeconds: 0
  containers:
  - name: c
    image: nginx:1.27
"#,
        errors: &[("spec.activeDeadlineSeconds", "Invalid value")],
    },
    Case {
        upstream: "TestValidatePodSpec/\"active-deadline-seconds-too-large\" (failureCases: math.MaxInt32 + 1)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  activeDeadlineSeconds: 2147483648
  containers:
  - name: c
    image: nginx:1.27
"#,
        errors: &[("spec.activeDeadlineSeconds", "Invalid value")],
    },
    Case {
        upstream: "TestValidatePodSpec/\"populate all fields\" (successCases; subset with activeDeadlineSeconds = math.MaxInt32)",
        manifest: r#"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  activeDeadlineSeconds: 2147483647
  containers:
  - name: c
    image: nginx:1.27
  initContainers:
  - name: ictr
    image: image
  volumes:
  - name: vol
    emptyDir: {}
"#,
        errors: &[],
    },
];
