//! core's top-level modules are layers (ARCHITECTURE.md, "Layers"): each may name only the
//! layers before it, so the parse stage knows nothing of the cluster and the cluster nothing of
//! the views. Every `crate::…` path outside test code counts, as `../shared/tools/core-cycles`
//! counts them: code after `#[cfg(test)]` and files named `tests.rs` are skipped.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers in order, each with the layers it may use.
const LAYERS: &[(&str, &[&str])] = &[
    ("base", &[]),
    ("api", &["base"]),
    ("runtime", &["base", "api"]),
    ("topology", &["api", "runtime"]),
    ("lint", &["base", "api", "topology"]),
    ("cluster", &["base", "api", "runtime", "topology"]),
    ("timeline", &["base", "api", "cluster"]),
    ("kubectl", &["base", "api", "cluster"]),
    ("diagram", &["api", "cluster", "topology"]),
    (
        "playground",
        &[
            "base", "api", "runtime", "topology", "lint", "cluster", "timeline", "kubectl",
            "diagram",
        ],
    ),
];

/// Every `.rs` file under `dir`, in name order.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("core/src is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files.extend(sources(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files
}

/// The top-level modules `text` names through `crate::`, outside its tests.
fn named_layers(text: &str) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    let mut named = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `use crate::{a, b::c}`: each item's first segment.
            let group = group.split('}').next().unwrap_or_default();
            for item in group.split(',') {
                let first = item.trim().split("::").next().unwrap_or_default();
                if !first.is_empty() {
                    named.insert(first.to_owned());
                }
            }
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
            .collect();
        if !name.is_empty() {
            named.insert(name);
        }
    }
    named
}

#[test]
fn each_layer_uses_only_the_layers_before_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let allowed: BTreeMap<&str, &[&str]> = LAYERS.iter().copied().collect();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut wrong = Vec::new();
    for path in sources(&root) {
        if path.file_name().is_some_and(|name| name == "tests.rs") {
            continue;
        }
        let relative = path.strip_prefix(&root).expect("under core/src");
        let top = relative
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .unwrap_or_default()
            .trim_end_matches(".rs")
            .to_owned();
        if top == "lib" {
            continue;
        }
        let Some(may_use) = allowed.get(top.as_str()) else {
            wrong.push(format!(
                "{}: {top} is not a layer in LAYERS",
                relative.display()
            ));
            continue;
        };
        seen.insert(top.clone());
        let text = std::fs::read_to_string(&path).expect("a source file is UTF-8");
        for layer in named_layers(&text) {
            let known = allowed.contains_key(layer.as_str());
            if known && layer != top && !may_use.contains(&layer.as_str()) {
                wrong.push(format!("{}: {top} uses {layer}", relative.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "layer violations:\n{}", wrong.join("\n"));
    let expected: BTreeSet<String> = LAYERS.iter().map(|(name, _)| (*name).to_owned()).collect();
    assert_eq!(
        seen, expected,
        "every layer has code, and every module is a layer"
    );
}
