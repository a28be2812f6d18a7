//! The kubelet's `$(VAR_NAME)` expansion of a container's `command`, `args` and `env` values
//! (third_party/forked/golang/expansion): `$(NAME)` becomes the variable's value when it is
//! defined and stays as written otherwise; `$$` is an escaped `$`.

use std::collections::BTreeMap;

use crate::api::v1::EnvVar;

/// The longest value one expansion produces; the rest is cut. The kubelet has no such limit,
/// but a handful of self-doubling variables would otherwise fill the memory.
pub const MAX_VALUE_BYTES: usize = 1024 * 1024;

/// The most bytes all values of one list expand to together ([`literal_env`], [`expand_all`]);
/// past it, values are kept as written.
pub const MAX_TOTAL_BYTES: usize = 4 * 1024 * 1024;

/// Expands `$(NAME)` references in `input` with `lookup`; undefined names stay as written.
pub fn expand(input: &str, lookup: impl Fn(&str) -> Option<String>) -> String {
    let chars: Vec<char> = input.chars().collect();
    // Where the next `)` is, from each position: found once, so the scan stays linear.
    let mut next_close = vec![None; chars.len() + 1];
    for index in (0..chars.len()).rev() {
        next_close[index] = if chars[index] == ')' {
            Some(index)
        } else {
            next_close[index + 1]
        };
    }
    let mut out = String::with_capacity(input.len());
    let mut at = 0;
    while at < chars.len() {
        if out.len() >= MAX_VALUE_BYTES {
            break;
        }
        if chars[at] != '$' || at + 1 >= chars.len() {
            out.push(chars[at]);
            at += 1;
            continue;
        }
        match chars[at + 1] {
            // `$$` is an escaped operator.
            '$' => {
                out.push('$');
                at += 2;
            }
            '(' => match next_close[at + 2].map(|close| close - (at + 2)) {
                Some(length) => {
                    let name: String = chars[at + 2..at + 2 + length].iter().collect();
                    match lookup(&name) {
                        Some(value) => {
                            let room = MAX_VALUE_BYTES.saturating_sub(out.len());
                            out.push_str(truncated(&value, room));
                        }
                        None => {
                            out.push_str("$(");
                            out.push_str(&name);
                            out.push(')');
                        }
                    }
                    at += length + 3;
                }
                None => {
                    // An incomplete reference: the operator and the opener are kept.
                    out.push_str("$(");
                    at += 2;
                }
            },
            other => {
                out.push('$');
                out.push(other);
                at += 2;
            }
        }
    }
    out
}

/// The environment of a container from its `env` list's literal values, each value expanded with
/// the variables defined before it (as the kubelet does; `valueFrom` entries are resolved by
/// the simulator, which knows the Pod and the scenario, and are left out here).
pub fn literal_env(env: &[EnvVar]) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    let mut total = 0usize;
    for var in env {
        let Some(value) = var.value.as_deref() else {
            continue;
        };
        let expanded = if total < MAX_TOTAL_BYTES {
            expand(value, |name| out.get(name).cloned())
        } else {
            value.to_owned()
        };
        total = total.saturating_add(expanded.len());
        out.insert(var.name.clone(), expanded);
    }
    out
}

/// Expands every input with `env`, as [`expand`] does, within [`MAX_TOTAL_BYTES`] in all.
pub fn expand_all(inputs: &[String], env: &BTreeMap<String, String>) -> Vec<String> {
    let mut total = 0usize;
    inputs
        .iter()
        .map(|input| {
            let expanded = if total < MAX_TOTAL_BYTES {
                expand(input, |name| env.get(name).cloned())
            } else {
                input.clone()
            };
            total = total.saturating_add(expanded.len());
            expanded
        })
        .collect()
}

/// The longest prefix of `text` of at most `bytes` bytes that ends on a character boundary.
fn truncated(text: &str, bytes: usize) -> &str {
    if text.len() <= bytes {
        return text;
    }
    let mut end = bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use super::*;

    /// Upstream: TestMapReference and TestExpand (third_party/forked/golang/expansion/expand_test.go).
    #[test]
    fn upstream_expansion_cases() {
        let vars: BTreeMap<&str, &str> = [
            ("VAR_A", "A"),
            ("VAR_B", "B"),
            ("VAR_C", "C"),
            ("VAR_REF", "$(VAR_A)"),
            ("VAR_EMPTY", ""),
        ]
        .into_iter()
        .collect();
        let inputs = [
            "$(VAR_A)",
            "$(VAR_A)-$(VAR_A)",
            "$(VAR_A)-1",
            "___$(VAR_B)___",
            "___$(VAR_C)",
            "$(VAR_A)_$(VAR_B)_$(VAR_C)",
            "$$(VAR_B)_$(VAR_A)",
            "$$(VAR_A)_$$(VAR_B)",
            "f000-$$VAR_A",
            "foo\\$(VAR_C)bar",
            "foo\\\\$(VAR_C)bar",
            "$(VAR_A$(VAR_B))",
            "$(VAR_A$(VAR_B)",
            "$(VAR_REF)",
            "%%$(VAR_REF)--$(VAR_REF)%%",
            "foo$(VAR_EMPTY)bar",
            "foo$(VAR_Awhoops!",
            "f00__(VAR_A)__",
            "$?_boo_$!",
            "$VAR_A",
            "$(VAR_DNE)",
            "$$$$$$(BIG_MONEY)",
            "$$$$$$(VAR_A)",
            "$$$$$$$(GOOD_ODDS)",
            "$$$$$$$(VAR_A)",
            "$VAR_A)",
            "$(VAR_B)_______$(A",
            "$(VAR_C)_______$(",
            "$(VAR_A)foobarzab$",
            "foo-\\$(VAR_A",
            "--$($($($($--",
            "$($($($($--foo$(",
            "foo0--$($($($(",
            "$(foo$$var)",
        ];
        let out: String = inputs
            .iter()
            .map(|input| {
                let expanded = expand(input, |name| vars.get(name).map(|v| (*v).to_owned()));
                format!("{input:<30} → {expanded}\n")
            })
            .collect();
        expect![[r#"
            $(VAR_A)                       → A
            $(VAR_A)-$(VAR_A)              → A-A
            $(VAR_A)-1                     → A-1
            ___$(VAR_B)___                 → ___B___
            ___$(VAR_C)                    → ___C
            $(VAR_A)_$(VAR_B)_$(VAR_C)     → A_B_C
            $$(VAR_B)_$(VAR_A)             → $(VAR_B)_A
            $$(VAR_A)_$$(VAR_B)            → $(VAR_A)_$(VAR_B)
            f000-$$VAR_A                   → f000-$VAR_A
            foo\$(VAR_C)bar                → foo\Cbar
            foo\\$(VAR_C)bar               → foo\\Cbar
            $(VAR_A$(VAR_B))               → $(VAR_A$(VAR_B))
            $(VAR_A$(VAR_B)                → $(VAR_A$(VAR_B)
            $(VAR_REF)                     → $(VAR_A)
            %%$(VAR_REF)--$(VAR_REF)%%     → %%$(VAR_A)--$(VAR_A)%%
            foo$(VAR_EMPTY)bar             → foobar
            foo$(VAR_Awhoops!              → foo$(VAR_Awhoops!
            f00__(VAR_A)__                 → f00__(VAR_A)__
            $?_boo_$!                      → $?_boo_$!
            $VAR_A                         → $VAR_A
            $(VAR_DNE)                     → $(VAR_DNE)
            $$$$$$(BIG_MONEY)              → $$$(BIG_MONEY)
            $$$$$$(VAR_A)                  → $$$(VAR_A)
            $$$$$$$(GOOD_ODDS)             → $$$$(GOOD_ODDS)
            $$$$$$$(VAR_A)                 → $$$A
            $VAR_A)                        → $VAR_A)
            $(VAR_B)_______$(A             → B_______$(A
            $(VAR_C)_______$(              → C_______$(
            $(VAR_A)foobarzab$             → Afoobarzab$
            foo-\$(VAR_A                   → foo-\$(VAR_A
            --$($($($($--                  → --$($($($($--
            $($($($($--foo$(               → $($($($($--foo$(
            foo0--$($($($(                 → foo0--$($($($(
            $(foo$$var)                    → $(foo$$var)
        "#]]
        .assert_eq(&out);
    }

    /// The docs example inject/dependent-envars.yaml.
    #[test]
    fn dependent_environment_variables() {
        let text =
            include_str!("../../tests/corpus/k8s-docs-examples/pods/inject/dependent-envars.yaml");
        let pod = crate::parse(text).pod.expect("the example is a Pod");
        let env = literal_env(&pod.spec.containers[0].env);
        let out: String = env
            .iter()
            .map(|(name, value)| format!("{name}={value}\n"))
            .collect();
        expect![[r#"
            ESCAPED_REFERENCE=$(PROTOCOL)://172.17.0.1:80
            PROTOCOL=https
            SERVICE_ADDRESS=https://172.17.0.1:80
            SERVICE_IP=172.17.0.1
            SERVICE_PORT=80
            UNCHANGED_REFERENCE=$(PROTOCOL)://172.17.0.1:80
        "#]]
        .assert_eq(&out);
    }
}
