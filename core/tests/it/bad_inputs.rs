//! Every kind of bad input named in the pod-model issue gets a clear, located error and never a
//! panic. Each case pins the first error to its exact text. (How fast these are answered is
//! measured by the `pipeline` benchmark, not here.)

use expect_test::{Expect, expect};
use pod_model::kubectl::errors as kubectl_errors;
use pod_model::parse_bytes;

/// Parses `bytes` and renders every error and warning (lint aside) with its position, then
/// kubectl's verdict.
fn check(bytes: &[u8], expected: Expect) {
    let parsed = parse_bytes(bytes);
    let mut out = String::new();
    for diagnostic in &parsed.diagnostics {
        let lint = matches!(diagnostic.kind, pod_model::DiagnosticKind::Lint(_));
        if diagnostic.severity != pod_model::Severity::Note && !lint {
            out.push_str(&format!("{:?} {diagnostic}\n", diagnostic.severity));
        }
    }
    if let Some(verdict) = kubectl_errors::create_error(&parsed, "pod.yaml") {
        out.push_str(&format!("kubectl: {verdict}\n"));
    }
    expected.assert_eq(&out);
}

const POD_HEAD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n";

#[test]
fn empty_input() {
    check(
        b"",
        expect![[r#"
            Error 1:1: the manifest is empty; paste a Pod manifest
            kubectl: error: error parsing pod.yaml: the manifest is empty; paste a Pod manifest
        "#]],
    );
    check(
        b"   \n# only a comment\n",
        expect![[r#"
            Error 1:1: the manifest is empty; paste a Pod manifest
            kubectl: error: error parsing pod.yaml: the manifest is empty; paste a Pod manifest
        "#]],
    );
}

#[test]
fn binary_input() {
    check(
        b"\x7fELF\x02\x01\x01\x00\x00\x00",
        expect![[r#"
            Error 1:1: the manifest is not text: it contains a control character (U+007F) at line 1, column 1; is this a binary file?
            kubectl: error: error parsing pod.yaml: the manifest is not text: it contains a control character (U+007F) at line 1, column 1; is this a binary file?
        "#]],
    );
    check(
        b"apiVersion: v1\nkind: Pod\x00\n",
        expect![[r#"
            Error 2:10: the manifest is not text: it contains a control character (U+0000) at line 2, column 10; is this a binary file?
            kubectl: error: error parsing pod.yaml: the manifest is not text: it contains a control character (U+0000) at line 2, column 10; is this a binary file?
        "#]],
    );
}

#[test]
fn input_that_is_not_utf8() {
    check(
        b"apiVersion: v1\nkind: Pod\nmetadata:\n  name: caf\xe9\n",
        expect![[r#"
            Error 4:12: the manifest is not text: it contains bytes that are not UTF-8 at line 4, column 12; is this a binary file?
            kubectl: error: error parsing pod.yaml: the manifest is not text: it contains bytes that are not UTF-8 at line 4, column 12; is this a binary file?
        "#]],
    );
}

#[test]
fn ten_mebibytes() {
    let mut text = POD_HEAD.to_owned();
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(
            "# padding padding padding padding padding padding padding padding padding\n",
        );
    }
    check(
        text.as_bytes(),
        expect![[r#"
            Error 1:1: the manifest is too large: the playground accepts at most 1048576 bytes
            kubectl: error: error parsing pod.yaml: the manifest is too large: the playground accepts at most 1048576 bytes
        "#]],
    );
}

#[test]
fn billion_laughs() {
    let mut text = String::from(
        "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n",
    );
    let names = ["b", "c", "d", "e", "f", "g", "h", "i"];
    let mut previous = "a";
    for name in names {
        let refs = vec![format!("*{previous}"); 9].join(", ");
        text.push_str(&format!("{name}: &{name} [{refs}]\n"));
        previous = name;
    }
    check(
        text.as_bytes(),
        expect![[r#"
            Error 6:8: with its anchors and aliases, the YAML would build more than 200000 nodes (counting 64 bytes of text as a node)
            kubectl: error: error parsing pod.yaml: with its anchors and aliases, the YAML would build more than 200000 nodes (counting 64 bytes of text as a node)
        "#]],
    );
}

#[test]
fn ten_thousand_deep_nesting() {
    let flow = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    check(
        flow.as_bytes(),
        expect![[r#"
            Error 1:256: the YAML nests more than 64 levels deep
            kubectl: error: error parsing pod.yaml: the YAML nests more than 64 levels deep
        "#]],
    );
    let block = format!("{}a\n", "- ".repeat(10_000));
    check(
        block.as_bytes(),
        expect![[r#"
            Error 1:129: the YAML nests more than 64 levels deep
            kubectl: error: error parsing pod.yaml: the YAML nests more than 64 levels deep
        "#]],
    );
}

#[test]
fn duplicate_keys() {
    let text = format!(
        "{POD_HEAD}  name: web-2\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n"
    );
    check(
        text.as_bytes(),
        expect![[r#"
        Warning 5:3: duplicate field "metadata.name"
    "#]],
    );
}

#[test]
fn numbers_out_of_range() {
    let text = format!(
        "{POD_HEAD}spec:\n  terminationGracePeriodSeconds: 1e400\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - containerPort: 4294967296\n"
    );
    check(
        text.as_bytes(),
        expect![[r#"
            Error 6:34: spec.terminationGracePeriodSeconds: json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64
            Error 11:22: spec.containers[0].ports[0].containerPort: json: cannot unmarshal number 4294967296 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32
            kubectl: Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64
        "#]],
    );
}

#[test]
fn a_long_string_copied_by_many_aliases() {
    let mut text = format!("a: &x \"{}\"\nb: [", "x".repeat(600 * 1024));
    text.push_str(&vec!["*x"; 100_000].join(", "));
    text.push_str("]\n");
    check(
        text.as_bytes(),
        expect![[r#"
        Error 2:77: with its anchors and aliases, the YAML would build more than 200000 nodes (counting 64 bytes of text as a node)
        kubectl: error: error parsing pod.yaml: with its anchors and aliases, the YAML would build more than 200000 nodes (counting 64 bytes of text as a node)
    "#]],
    );
}

#[test]
fn extreme_quantity_exponents() {
    let text = format!(
        "{POD_HEAD}spec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    resources:\n      limits: {{cpu: 1e-2147483648, memory: 1.5e2147483647}}\n"
    );
    check(
        text.as_bytes(),
        expect![[r#"
        Error 10:44: spec.containers[0].resources.limits[memory]: unable to parse numeric part of quantity
        kubectl: Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: unable to parse numeric part of quantity
    "#]],
    );
}

#[test]
fn thousands_of_unknown_keys() {
    let mut text = format!("{POD_HEAD}spec:\n  containers: [{{name: web, image: 'nginx:1.27'}}]\n");
    for index in 0..3_000 {
        text.push_str(&format!("  key{index}: value\n"));
    }
    let parsed = parse_bytes(text.as_bytes());
    let unknown = parsed.diagnostics.iter().filter(|d| d.is_error()).count();
    assert_eq!(unknown, 3_000);
    assert_eq!(
        parsed
            .diagnostics
            .iter()
            .filter(|d| d.hint.is_some() && d.is_error())
            .count(),
        0
    );
}

#[test]
fn wrong_api_version_or_kind() {
    check(
        b"apiVersion: apps/v1\nkind: Pod\nmetadata:\n  name: web\n",
        expect![[r#"
            Error 1:13: apiVersion: no matches for kind "Pod" in version "apps/v1"
            kubectl: error: resource mapping not found for name: "web" namespace: "" from "pod.yaml": no matches for kind "Pod" in version "apps/v1"
            ensure CRDs are installed first
        "#]],
    );
    check(
        b"apiVersion: v1\nkind: pod\nmetadata:\n  name: web\n",
        expect![[r#"
            Error 2:7: kind: no matches for kind "pod" in version "v1"
            kubectl: error: resource mapping not found for name: "web" namespace: "" from "pod.yaml": no matches for kind "pod" in version "v1"
            ensure CRDs are installed first
        "#]],
    );
}
