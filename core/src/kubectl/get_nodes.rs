//! `kubectl get nodes`: upstream's `printNode` (pkg/printers/internalversion/printers.go), from
//! what the Node object holds.

use crate::cluster::ObservedNode;
use crate::kubectl::get::{human_duration_millis, table};

/// The kubelet version the virtual nodes report (`status.nodeInfo.kubeletVersion`).
pub const KUBELET_VERSION: &str = "v1.34.0";

/// `kubectl get nodes [-o wide]` of `nodes`.
pub fn get_nodes(nodes: &[&ObservedNode], wide: bool) -> String {
    table(&rows(nodes, wide))
}

/// The rows of [`get_nodes`], header first, before they are laid out.
pub fn rows(nodes: &[&ObservedNode], wide: bool) -> Vec<Vec<String>> {
    let mut header = vec!["NAME", "STATUS", "ROLES", "AGE", "VERSION"];
    if wide {
        header.extend([
            "INTERNAL-IP",
            "EXTERNAL-IP",
            "OS-IMAGE",
            "KERNEL-VERSION",
            "CONTAINER-RUNTIME",
        ]);
    }
    std::iter::once(header.iter().map(|h| (*h).to_owned()).collect())
        .chain(nodes.iter().map(|node| row(node, wide)))
        .collect()
}

/// One Node's row: STATUS `Ready` or `NotReady` from its `Ready` condition (with
/// `SchedulingDisabled` when cordoned), ROLES from its `node-role.kubernetes.io/<role>` labels.
/// The virtual nodes report no OS image, kernel or runtime, which kubectl prints as
/// `<unknown>`.
pub fn row(node: &ObservedNode, wide: bool) -> Vec<String> {
    let mut status = vec![if node.ready == "True" {
        "Ready"
    } else {
        "NotReady"
    }];
    if node
        .taints
        .iter()
        .any(|taint| taint.key == "node.kubernetes.io/unschedulable")
    {
        status.push("SchedulingDisabled");
    }
    let mut cells = vec![
        node.name.clone(),
        status.join(","),
        roles(&node.labels),
        human_duration_millis(node.now.millis_since(node.created)),
        KUBELET_VERSION.to_owned(),
    ];
    if wide {
        cells.extend([
            if node.ip.is_empty() {
                "<none>".to_owned()
            } else {
                node.ip.clone()
            },
            "<none>".to_owned(),
            "<unknown>".to_owned(),
            "<unknown>".to_owned(),
            "<unknown>".to_owned(),
        ]);
    }
    cells
}

/// `findNodeRoles`: the roles of `node-role.kubernetes.io/<role>` labels and of
/// `kubernetes.io/role`, sorted, or `<none>`.
pub(crate) fn roles(labels: &std::collections::BTreeMap<String, String>) -> String {
    let mut roles: Vec<&str> = Vec::new();
    for (key, value) in labels {
        if let Some(role) = key.strip_prefix("node-role.kubernetes.io/") {
            if !role.is_empty() {
                roles.push(role);
            }
        } else if key == "kubernetes.io/role" && !value.is_empty() {
            roles.push(value);
        }
    }
    roles.sort_unstable();
    roles.dedup();
    if roles.is_empty() {
        "<none>".to_owned()
    } else {
        roles.join(",")
    }
}
