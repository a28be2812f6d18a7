//! Snapshot tests that pin the text of messages: copy-paste damage in the seed articles, strict
//! decoding, kinds and versions, and validation. Lint warnings are left out here (see `lint`).

use std::fs;
use std::path::Path;

use expect_test::{Expect, expect};
use pod_model::kubectl::errors as kubectl_errors;
use pod_model::{DiagnosticKind, Severity};

/// Renders every diagnostic but lint warnings, each with its fix, then kubectl's verdict.
pub fn render(text: &str) -> String {
    let parsed = pod_model::parse(text);
    let mut out = String::new();
    for diagnostic in &parsed.diagnostics {
        if matches!(diagnostic.kind, DiagnosticKind::Lint(_)) {
            continue;
        }
        let severity = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        out.push_str(&format!(
            "{} {severity}: {}\n",
            diagnostic.span.start,
            diagnostic.message()
        ));
        if let Some(hint) = &diagnostic.hint {
            out.push_str(&format!("  fix: {hint}\n"));
        }
    }
    let created = kubectl_errors::created(&parsed);
    match kubectl_errors::create_error(&parsed, "pod.yaml") {
        Some(verdict) => out.push_str(&format!("kubectl: {verdict}\n")),
        None if created.is_empty() => out.push_str("kubectl: nothing to create\n"),
        None => {
            for line in created {
                out.push_str(&format!("kubectl: {line}\n"));
            }
        }
    }
    out
}

fn check(text: &str, expected: Expect) {
    expected.assert_eq(&render(text));
}

fn seed(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/seeds-as-pasted")
        .join(name);
    fs::read_to_string(path).expect("the pasted seeds are readable")
}

#[test]
fn seed_my_app_with_broken_indentation() {
    check(
        &seed("my-app.yaml"),
        expect![[r#"
        6:3 error: unknown field "metadata.app"
          fix: `app` looks like an entry of `labels:` (line 5), which is empty: indent it two spaces deeper than `labels`
        10:5 error: spec.initContainers[0].image: Required value
        11:3 error: unknown field "spec.image"
          fix: `image` is a field of the `initContainers` item that starts at line 10: indent it to column 5, in line with `name`
        12:3 error: unknown field "spec.command"
          fix: `command` is a field of the `initContainers` item that starts at line 10: indent it to column 5, in line with `name`
        16:5 error: spec.containers[0].image: Required value
        17:3 error: unknown field "spec.image"
          fix: `image` is a field of the `containers` item that starts at line 16: indent it to column 5, in line with `name`
        18:3 error: unknown field "spec.ports"
          fix: `ports` is a field of the `containers` item that starts at line 16: indent it to column 5, in line with `name`
        23:3 error: unknown field "spec.image"
          fix: `image` is a field of the `containers` item that starts at line 16: indent it to column 5, in line with `name`
        kubectl: Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "metadata.app", unknown field "spec.image", unknown field "spec.command", unknown field "spec.image", unknown field "spec.ports", unknown field "spec.image"
    "#]],
    );
}

#[test]
fn seed_banana_shipment_pasted_flush_left() {
    check(
        &seed("banana-shipment.yaml"),
        expect![[r#"
        3:9 error: metadata.name: Required value: name or generateName is required
        4:1 error: unknown field "name"
          fix: `name` belongs under `metadata:` (line 3), which is empty: indent `name` and the lines that go with it two spaces deeper than `metadata`
        5:1 error: unknown field "labels"
          fix: `labels` belongs under `metadata:` (line 3), which is empty: indent `labels` and the lines that go with it two spaces deeper than `metadata`
        6:1 error: unknown field "cargo"
          fix: `cargo` looks like an entry of `labels:` (line 5), which is empty: indent it two spaces deeper than `labels`
        7:5 error: spec.containers: Required value
        8:1 error: unknown field "containers"
          fix: `containers` belongs under `spec:` (line 7), which is empty: indent `containers` and the lines that go with it two spaces deeper than `spec`
        10:1 error: unknown field "image"
          fix: `image` is a field of the `containers` item that starts at line 9: indent it to column 3, in line with `name`
        11:1 error: unknown field "ports"
          fix: `ports` is a field of the `containers` item that starts at line 9: indent it to column 3, in line with `name`
        kubectl: Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "name", unknown field "labels", unknown field "cargo", unknown field "containers", unknown field "image", unknown field "ports"
    "#]],
    );
}

#[test]
fn seed_app_with_sidecar_pasted_flush_left() {
    check(
        &seed("app-with-sidecar.yaml"),
        expect![[r#"
            15:3 error: Every line starts at the left margin: the copy lost the indentation (the YAML parser says: while parsing a block mapping, did not find expected key)
              fix: YAML needs it: indent the fields of `metadata:` and `spec:` two spaces under them, and each list item's fields in line with the text after its "- "
            kubectl: error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 15: while parsing a block mapping, did not find expected key
        "#]],
    );
}

#[test]
fn seed_init_demo_pasted_flush_left() {
    check(
        &seed("init-demo.yaml"),
        expect![[r#"
        3:9 error: metadata.name: Required value: name or generateName is required
        4:1 error: unknown field "name"
          fix: `name` belongs under `metadata:` (line 3), which is empty: indent `name` and the lines that go with it two spaces deeper than `metadata`
        5:5 error: spec.containers: Required value
        6:1 error: unknown field "containers"
          fix: `containers` belongs under `spec:` (line 5), which is empty: indent `containers` and the lines that go with it two spaces deeper than `spec`
        8:1 error: unknown field "image"
          fix: `image` is a field of the `containers` item that starts at line 7: indent it to column 3, in line with `name`
        9:1 error: unknown field "command"
          fix: `command` is a field of the `containers` item that starts at line 7: indent it to column 3, in line with `name`
        10:1 error: unknown field "initContainers"
          fix: `initContainers` belongs under `spec:` (line 5), which is empty: indent `initContainers` and the lines that go with it two spaces deeper than `spec`
        12:1 error: unknown field "image"
          fix: `image` is a field of the `initContainers` item that starts at line 11: indent it to column 3, in line with `name`
        kubectl: Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "name", unknown field "containers", unknown field "image", unknown field "command", unknown field "initContainers", unknown field "image"
    "#]],
    );
}

#[test]
fn tabs_in_indentation() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n",
        expect![[r#"
            4:1 error: Line 4 is indented with a tab; YAML allows only spaces for indentation (the YAML parser says: tabs disallowed within this context (block indentation))
              fix: replace each tab at the start of the line with spaces (two per level is usual)
            kubectl: error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 4: tabs disallowed within this context (block indentation)
        "#]],
    );
}

#[test]
fn typographic_quotes() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: busybox:1.36\n    command: [“sh”, “-c”, “sleep 3600”]\n",
        expect![[r#"
            9:15 warning: the value “sh” starts with a typographic quote, so the quote becomes part of the value
              fix: replace “ ” ‘ ’ with straight quotes: " or '
            9:21 warning: the value “-c” starts with a typographic quote, so the quote becomes part of the value
              fix: replace “ ” ‘ ’ with straight quotes: " or '
            9:27 warning: the value “sleep 3600” starts with a typographic quote, so the quote becomes part of the value
              fix: replace “ ” ‘ ’ with straight quotes: " or '
            kubectl: pod/web created
        "#]],
    );
}

#[test]
fn non_breaking_spaces_in_indentation() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n\u{a0}\u{a0}name: web\n",
        expect![[r#"
            1:1 error: spec.containers: Required value
            3:9 error: metadata.name: Required value: name or generateName is required
            4:1 error: unknown field "\u00a0\u00a0name"
              fix: the key contains non-breaking spaces copied from a web page, so YAML reads them as part of the name: retype the indentation with ordinary spaces
            kubectl: Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "\u00a0\u00a0name"
        "#]],
    );
}

#[test]
fn misspelt_fields_get_a_suggestion() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    imagePullPolice: Always\n    port:\n    - containerPort: 80\n  restartpolicy: Never\n",
        expect![[r#"
            9:5 error: unknown field "spec.containers[0].imagePullPolice"
              fix: did you mean "imagePullPolicy"?
            10:5 error: unknown field "spec.containers[0].port"
              fix: did you mean "ports"?
            12:3 error: unknown field "spec.restartpolicy"
              fix: did you mean "restartPolicy"?
            kubectl: Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagePullPolice", unknown field "spec.containers[0].port", unknown field "spec.restartpolicy"
        "#]],
    );
}

#[test]
fn duplicate_fields_keep_the_last_value() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    image: nginx:1.28\n";
    let parsed = pod_model::parse(text);
    let image = parsed
        .pod
        .as_ref()
        .and_then(|pod| pod.spec.containers[0].image.clone());
    assert_eq!(image.as_deref(), Some("nginx:1.28"));
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    image: nginx:1.28\n",
        expect![[r#"
            9:5 warning: duplicate field "spec.containers[0].image"
              fix: kubectl keeps only this last value and silently drops the earlier one: delete the one you do not mean
            kubectl: pod/web created
        "#]],
    );
}

#[test]
fn values_of_the_wrong_type() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: 123\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    env:\n    - name: DEBUG\n      value: yes\n    ports: {containerPort: 80}\n",
        expect![[r#"
            4:9 error: metadata.name: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string
              fix: YAML reads 123 as a number; quote it to make it a string: "123"
            11:14 error: spec.containers[0].env[0].value: json: cannot unmarshal bool into Go struct field EnvVar.spec.containers.env.value of type string
              fix: YAML reads yes as a boolean; quote it to make it a string: "yes"
            12:12 error: spec.containers[0].ports: json: cannot unmarshal object into Go struct field Container.spec.containers.ports of type []v1.ContainerPort
            kubectl: Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string
        "#]],
    );
}

#[test]
fn numbers_out_of_range() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - containerPort: 99999999999\n    - containerPort: 8080.5\n    - containerPort: 70000\n",
        expect![[r#"
            10:22 error: spec.containers[0].ports[0].containerPort: json: cannot unmarshal number 99999999999 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32
            11:22 error: spec.containers[0].ports[1].containerPort: json: cannot unmarshal number 8080.5 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32
            12:22 error: spec.containers[0].ports[2].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive
            kubectl: Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number 99999999999 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32
        "#]],
    );
}

#[test]
fn quantities_that_do_not_parse() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    resources:\n      limits:\n        memory: 12x\n        cpu: 1e\n",
        expect![[r#"
            11:17 error: spec.containers[0].resources.limits[memory]: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'
            12:14 error: spec.containers[0].resources.limits[cpu]: unable to parse quantity's suffix
            kubectl: Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'
        "#]],
    );
}

#[test]
fn wrong_api_version_or_kind() {
    check(
        "apiVersion: v2\nkind: Pod\nmetadata:\n  name: web\n",
        expect![[r#"
            1:13 error: apiVersion: no matches for kind "Pod" in version "v2"
              fix: a Pod is `apiVersion: v1`
            kubectl: error: resource mapping not found for name: "web" namespace: "" from "pod.yaml": no matches for kind "Pod" in version "v2"
            ensure CRDs are installed first
        "#]],
    );
    check(
        "apiVersion: v1\nkind: Pdo\nmetadata:\n  name: web\n",
        expect![[r#"
            2:7 error: kind: no matches for kind "Pdo" in version "v1"
              fix: did you mean `kind: Pod`?
            kubectl: error: resource mapping not found for name: "web" namespace: "" from "pod.yaml": no matches for kind "Pdo" in version "v1"
            ensure CRDs are installed first
        "#]],
    );
    check(
        "apiVersion: v1\nmetadata:\n  name: web\n",
        expect![[r#"
            1:1 error: kind: Object 'Kind' is missing
              fix: add `kind: Pod` (and `apiVersion: v1`) at the top of the document
            kubectl: error: unable to decode "pod.yaml": Object 'Kind' is missing
        "#]],
    );
    check(
        "kind: Pod\nmetadata:\n  name: web\n",
        expect![[r#"
            1:1 error: apiVersion: Object 'apiVersion' is missing
              fix: add `apiVersion: v1` at the top of the document
            kubectl: error: unable to decode "pod.yaml": Object 'apiVersion' is missing
        "#]],
    );
    check(
        "apiVersion: v1\nkind: Deployment\nmetadata:\n  name: web\n",
        expect![[r#"
            1:13 error: apiVersion: no matches for kind "Deployment" in version "v1"
              fix: a Deployment is `apiVersion: apps/v1`
            kubectl: error: resource mapping not found for name: "web" namespace: "" from "pod.yaml": no matches for kind "Deployment" in version "v1"
            ensure CRDs are installed first
        "#]],
    );
}

#[test]
fn other_kinds_are_kept_but_not_simulated() {
    check(
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{port: 80}]\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n---\napiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: tls\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n",
        expect![[r#"
            1:1 note: Service "web": not simulated yet; Podplay keeps it for later
            8:1 note: Ingress "web": not simulated yet; Podplay keeps it for later
            13:1 note: Certificate "tls": not simulated yet; Podplay keeps it for later
            kubectl: pod/web created
        "#]],
    );
}

#[test]
fn a_list_from_kubectl_get_is_unpacked() {
    check(
        "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n  spec: {containers: [{name: a, image: 'nginx:1.27'}]}\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: b}\n  spec: {containers: [{name: b, image: 'nginx:1.27'}]}\n",
        expect![[r#"
            kubectl: pod/a created
            kubectl: pod/b created
        "#]],
    );
}

#[test]
fn merge_keys_share_settings_between_containers() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - &common\n    name: web\n    image: nginx:1.27\n    imagePullPolicy: IfNotPresent\n  - <<: *common\n    name: sidecar\n",
        expect![[r#"
            kubectl: pod/web created
        "#]],
    );
    let parsed = pod_model::parse(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - &common\n    name: web\n    image: nginx:1.27\n  - <<: *common\n    name: sidecar\n",
    );
    let containers: Vec<(String, Option<String>)> = parsed
        .pod
        .iter()
        .flat_map(|pod| &pod.spec.containers)
        .map(|c| (c.name.clone(), c.image.clone()))
        .collect();
    assert_eq!(
        containers,
        [
            ("web".to_owned(), Some("nginx:1.27".to_owned())),
            ("sidecar".to_owned(), Some("nginx:1.27".to_owned()))
        ]
    );
}

#[test]
fn validation_errors_in_the_api_servers_words() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: Web_App\n  labels:\n    app: -bad-\nspec:\n  restartPolicy: Sometimes\n  volumes:\n  - name: data\n    emptyDir: {}\n    hostPath: {path: /tmp}\n  initContainers:\n  - name: init\n    image: busybox:1.36\n    readinessProbe: {exec: {command: [true]}}\n  containers:\n  - name: web\n    image: ' nginx:1.27'\n    ports:\n    - {containerPort: 80, name: http-port-number-one}\n    - {containerPort: 80, hostPort: 8080, protocol: tcp}\n    volumeMounts:\n    - {name: logs, mountPath: /var/log}\n    - {name: data, mountPath: /var/log}\n    resources:\n      requests: {cpu: '2'}\n      limits: {cpu: '1'}\n    livenessProbe:\n      httpGet: {port: 80}\n      successThreshold: 2\n  - name: web\n    image: busybox:1.36\n",
        expect![[r#"
            4:9 error: metadata.name: Invalid value: "Web_App": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
            6:5 error: metadata.labels: Invalid value: "-bad-": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')
            8:18 error: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"
            12:15 error: spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type
            16:21 error: spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always
            16:39 error: spec.initContainers[0].readinessProbe.exec.command[0]: json: cannot unmarshal bool into Go struct field ExecAction.spec.initContainers.readinessProbe.exec.command of type string
              fix: YAML reads true as a boolean; quote it to make it a string: "true"
            19:12 error: spec.containers[0].image: Invalid value: " nginx:1.27": must not have leading or trailing whitespace
            21:33 error: spec.containers[0].ports[0].name: Invalid value: "http-port-number-one": must be no more than 15 characters
            22:53 error: spec.containers[0].ports[1].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"
            24:14 error: spec.containers[0].volumeMounts[0].name: Not found: "logs"
            25:14 error: spec.containers[0].volumeMounts[1].name: Not found: "data"
            25:31 error: spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/var/log": must be unique
            27:17 error: spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1
            31:25 error: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1
            32:11 error: spec.containers[1].name: Duplicate value: "web"
            kubectl: Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal bool into Go struct field ExecAction.spec.initContainers.readinessProbe.exec.command of type string
        "#]],
    );
}
