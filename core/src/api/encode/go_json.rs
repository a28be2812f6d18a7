//! Go's `encoding/json` writer, as `kubectl get -o json` prints an object: `json.MarshalIndent`
//! with four spaces, of the object decoded into maps, so keys sorted byte by byte; strings with
//! `<`, `>`, `&`, U+2028 and U+2029 escaped as Go escapes them for HTML safety.

use crate::api::encode::Tree;
use crate::base::json::write_go_string;

/// `tree` as `json.MarshalIndent(value, "", "    ")` writes it, with kubectl's final line break.
pub fn to_json(tree: &Tree) -> String {
    let mut out = String::new();
    write(&mut out, tree, 0);
    out.push('\n');
    out
}

fn write(out: &mut String, tree: &Tree, depth: usize) {
    match tree {
        Tree::Null => out.push_str("null"),
        Tree::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        Tree::Int(number) => out.push_str(&number.to_string()),
        Tree::Float(text) => out.push_str(text),
        Tree::Str(text) => write_go_string(out, text),
        Tree::List(items) if items.is_empty() => out.push_str("[]"),
        Tree::List(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                line(out, depth + 1);
                write(out, item, depth + 1);
            }
            line(out, depth);
            out.push(']');
        }
        Tree::Map(entries) if entries.is_empty() => out.push_str("{}"),
        Tree::Map(entries) => {
            let mut sorted: Vec<&(String, Tree)> = entries.iter().collect();
            crate::base::sorting::sort_by(&mut sorted, |(a, _), (b, _)| {
                a.as_bytes().cmp(b.as_bytes())
            });
            out.push('{');
            for (index, (key, value)) in sorted.into_iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                line(out, depth + 1);
                write_go_string(out, key);
                out.push_str(": ");
                write(out, value, depth + 1);
            }
            line(out, depth);
            out.push('}');
        }
    }
}

/// A line break and the indentation of `depth`.
fn line(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("    ");
    }
}

/// `tree` as `json.Marshal` writes it: compact, keys in the tree's order (as upstream's error
/// values show a map or struct: `{"app":"web"}`).
pub fn to_compact_json(tree: &Tree) -> String {
    let mut out = String::new();
    write_compact(&mut out, tree);
    out
}

fn write_compact(out: &mut String, tree: &Tree) {
    match tree {
        Tree::List(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_compact(out, item);
            }
            out.push(']');
        }
        Tree::Map(fields) => {
            out.push('{');
            for (index, (key, value)) in fields.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_go_string(out, key);
                out.push(':');
                write_compact(out, value);
            }
            out.push('}');
        }
        scalar => write(out, scalar, 0),
    }
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    fn check(tree: Tree, expected: Expect) {
        expected.assert_eq(&to_json(&tree));
    }

    /// Go's `TestMarshalIndent`-style output: nested objects and lists, empty ones inline, keys
    /// sorted, HTML characters escaped (`TestHTMLEscape` in encoding/json).
    #[test]
    fn indents_sorts_and_escapes_as_go_does() {
        check(
            Tree::Map(vec![
                ("kind".to_owned(), Tree::Str("Pod".to_owned())),
                ("apiVersion".to_owned(), Tree::Str("v1".to_owned())),
                (
                    "spec".to_owned(),
                    Tree::Map(vec![
                        (
                            "containers".to_owned(),
                            Tree::List(vec![Tree::Map(vec![
                                ("name".to_owned(), Tree::Str("a<b>&\"c\"\n\u{1}".to_owned())),
                                ("args".to_owned(), Tree::List(Vec::new())),
                            ])]),
                        ),
                        ("volumes".to_owned(), Tree::Map(Vec::new())),
                        ("priority".to_owned(), Tree::Int(0)),
                        ("enableServiceLinks".to_owned(), Tree::Bool(true)),
                        ("cpu".to_owned(), Tree::Float("0.5".to_owned())),
                        ("nodeName".to_owned(), Tree::Null),
                    ]),
                ),
            ]),
            expect![[r#"
                {
                    "apiVersion": "v1",
                    "kind": "Pod",
                    "spec": {
                        "containers": [
                            {
                                "args": [],
                                "name": "a\u003cb\u003e\u0026\"c\"\n\u0001"
                            }
                        ],
                        "cpu": 0.5,
                        "enableServiceLinks": true,
                        "nodeName": null,
                        "priority": 0,
                        "volumes": {}
                    }
                }
            "#]],
        );
    }
}
