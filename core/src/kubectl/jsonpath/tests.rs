//! Ported from upstream's `TestKubernetes` and `TestJSONInput` tables
//! (staging/src/k8s.io/client-go/util/jsonpath/jsonpath_test.go), with kubectl's missing keys
//! allowed, plus custom columns.

use expect_test::{Expect, expect};

use super::*;
use crate::api::yaml::single_json_document;

/// Upstream's `nodesData` of `TestKubernetes`.
const NODES: &str = r#"{
  "kind": "List",
  "items":[
    {
      "kind":"None",
      "metadata":{
        "name":"127.0.0.1",
        "labels":{"kubernetes.io/hostname":"127.0.0.1"}
      },
      "status":{
        "capacity":{"cpu":"4"},
        "ready": true,
        "addresses":[{"type": "LegacyHostIP", "address":"127.0.0.1"}]
      }
    },
    {
      "kind":"None",
      "metadata":{
        "name":"127.0.0.2",
        "labels":{"kubernetes.io/hostname":"127.0.0.2"}
      },
      "status":{
        "capacity":{"cpu":"8"},
        "ready": false,
        "addresses":[
          {"type": "LegacyHostIP", "address":"127.0.0.2"},
          {"type": "another", "address":"127.0.0.3"}
        ]
      }
    }
  ],
  "users":[
    {"name": "myself", "user": {}},
    {"name": "e2e", "user": {"username": "admin", "password": "secret"}}
  ]
}"#;

/// Runs each template against `NODES` and renders template → output (or the error).
fn check(templates: &[&str], expected: Expect) {
    let root = single_json_document(NODES).expect("the fixture is JSON");
    let out: String = templates
        .iter()
        .map(|template| match render(template, &root) {
            Ok(text) => format!("{template} → {text:?}\n"),
            Err(error) => format!("{template} → {error}\n"),
        })
        .collect();
    expected.assert_eq(&out);
}

#[test]
fn upstream_test_kubernetes() {
    check(
        &[
            // "range item"
            r"{range .items[*]}{.metadata.name}, {end}{.kind}",
            // "range item with quote"
            r#"{range .items[*]}{.metadata.name}{"\t"}{end}"#,
            // "range address"
            r"{.items[*].status.addresses[*].address}",
            // "double range"
            r"{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}",
            // "item name"
            r"{.items[*].metadata.name}",
            // "range nodes capacity"
            r"{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}",
            // "user password"
            r#"{.users[?(@.name=="e2e")].user.password}"#,
            // "hostname"
            r"{.items[0].metadata.labels.kubernetes\.io/hostname}",
            // "hostname filter"
            r#"{.items[?(@.metadata.labels.kubernetes\.io/hostname=="127.0.0.1")].kind}"#,
            // "bool item"
            r"{.items[?(@..ready==true)].metadata.name}",
        ],
        expect![[r#"
            {range .items[*]}{.metadata.name}, {end}{.kind} → "127.0.0.1, 127.0.0.2, List"
            {range .items[*]}{.metadata.name}{"\t"}{end} → "127.0.0.1\t127.0.0.2\t"
            {.items[*].status.addresses[*].address} → "127.0.0.1 127.0.0.2 127.0.0.3"
            {range .items[*]}{range .status.addresses[*]}{.address}, {end}{end} → "127.0.0.1, 127.0.0.2, 127.0.0.3, "
            {.items[*].metadata.name} → "127.0.0.1 127.0.0.2"
            {range .items[*]}[{.metadata.name}, {.status.capacity}] {end} → "[127.0.0.1, {\"cpu\":\"4\"}] [127.0.0.2, {\"cpu\":\"8\"}] "
            {.users[?(@.name=="e2e")].user.password} → "secret"
            {.items[0].metadata.labels.kubernetes\.io/hostname} → "127.0.0.1"
            {.items[?(@.metadata.labels.kubernetes\.io/hostname=="127.0.0.1")].kind} → "None"
            {.items[?(@..ready==true)].metadata.name} → "127.0.0.1"
        "#]],
    );
}

#[test]
fn slices_recursion_missing_keys_and_errors() {
    check(
        &[
            "{.items[-1].metadata.name}",
            "{.items[0:1].metadata.name}",
            "{..address}",
            "{.items[*].metadata.nothing}",
            "name: {.kind}",
            "{.items[0].status.ready}",
            "{range .items[*]}",
            "{.items[x]}",
            "{.items[0]",
            "{.items[5].kind}",
            "{.items[-5].kind}",
            "{.items[0:2:2].metadata.name}",
            "{.items[1:1].kind}",
            "{.items[0:2:0]}",
            &format!("{{{}{}}}", "[?(@".repeat(40), ")]".repeat(40)),
        ],
        expect![[r#"
            {.items[-1].metadata.name} → "127.0.0.2"
            {.items[0:1].metadata.name} → "127.0.0.1"
            {..address} → "127.0.0.1 127.0.0.2 127.0.0.3"
            {.items[*].metadata.nothing} → ""
            name: {.kind} → "name: List"
            {.items[0].status.ready} → "true"
            {range .items[*]} → error: error parsing jsonpath {range .items[*]}, unclosed range
            {.items[x]} → error: error parsing jsonpath {.items[x]}, invalid array index x
            {.items[0] → error: error parsing jsonpath {.items[0], unclosed action
            {.items[5].kind} → error: error executing jsonpath "{.items[5].kind}": Error executing template: array index out of bounds: index 5, length 2
            {.items[-5].kind} → error: error executing jsonpath "{.items[-5].kind}": Error executing template: array index out of bounds: index -3, length 2
            {.items[0:2:2].metadata.name} → "127.0.0.1"
            {.items[1:1].kind} → ""
            {.items[0:2:0]} → error: error executing jsonpath "{.items[0:2:0]}": Error executing template: step must be > 0
            {[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@)])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])]} → error: error parsing jsonpath {[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@[?(@)])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])]}, filters nest more than 32 deep
        "#]],
    );
}

#[test]
fn custom_columns_print_a_table_with_none_for_what_is_missing() {
    let root = single_json_document(NODES).expect("the fixture is JSON");
    let Json::Object(fields) = &root else {
        panic!("an object")
    };
    let Some(Json::Array(items)) = fields.get("items") else {
        panic!("items")
    };
    let out = custom_columns(
        "NAME:.metadata.name,CPU:.status.capacity.cpu,ADDRESSES:.status.addresses[*].address,ZONE:.metadata.labels.zone",
        items,
    )
    .expect("a valid spec");
    expect![[r#"
        NAME        CPU   ADDRESSES             ZONE
        127.0.0.1   4     127.0.0.1             <none>
        127.0.0.2   8     127.0.0.2,127.0.0.3   <none>
    "#]]
    .assert_eq(&out);
    expect!["error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>"]
        .assert_eq(&custom_columns("NAME", items).unwrap_err());
}
