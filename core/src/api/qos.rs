//! The QoS class of a Pod (pkg/apis/core/v1/helper/qos `GetPodQOS`).

use std::collections::BTreeMap;
use std::fmt;

use crate::api::quantity::Quantity;
use crate::api::v1::Pod;

/// A Pod's quality-of-service class, which decides who is evicted first under memory pressure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QosClass {
    /// Every container has equal cpu and memory requests and limits.
    Guaranteed,
    /// Some requests or limits, but not Guaranteed.
    Burstable,
    /// No cpu or memory requests or limits at all.
    BestEffort,
}

impl QosClass {
    /// The name as `status.qosClass` holds it.
    pub fn as_str(self) -> &'static str {
        match self {
            QosClass::Guaranteed => "Guaranteed",
            QosClass::Burstable => "Burstable",
            QosClass::BestEffort => "BestEffort",
        }
    }
}

impl fmt::Display for QosClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The QoS class of `pod`, which should already carry the API server's defaults (requests
/// defaulted from limits). Only cpu and memory count; init containers count; zero is ignored.
pub fn qos_class(pod: &Pod) -> QosClass {
    let mut requests: BTreeMap<&str, Quantity> = BTreeMap::new();
    let mut limits: BTreeMap<&str, Quantity> = BTreeMap::new();
    let mut guaranteed = true;
    for container in pod.spec.containers.iter().chain(&pod.spec.init_containers) {
        let Some(resources) = &container.resources else {
            guaranteed = false;
            continue;
        };
        for (name, quantity) in &resources.requests {
            add_positive(&mut requests, name, quantity);
        }
        let mut found = Vec::new();
        for (name, quantity) in &resources.limits {
            if add_positive(&mut limits, name, quantity) {
                found.push(name.as_str());
            }
        }
        if !(found.contains(&"cpu") && found.contains(&"memory")) {
            guaranteed = false;
        }
    }
    if requests.is_empty() && limits.is_empty() {
        return QosClass::BestEffort;
    }
    if guaranteed {
        guaranteed = requests
            .iter()
            .all(|(name, request)| limits.get(name).is_some_and(|limit| limit == request));
    }
    if guaranteed && requests.len() == limits.len() {
        QosClass::Guaranteed
    } else {
        QosClass::Burstable
    }
}

/// Adds a positive cpu or memory quantity to `totals`; true when it counted.
fn add_positive<'a>(
    totals: &mut BTreeMap<&'a str, Quantity>,
    name: &'a str,
    quantity: &Quantity,
) -> bool {
    if !matches!(name, "cpu" | "memory") || quantity.is_negative() || quantity.is_zero() {
        return false;
    }
    let total = totals
        .get(name)
        .map_or(*quantity, |total| total.add(quantity));
    totals.insert(name, total);
    true
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    /// Prints the QoS class of a Pod whose containers have the given `resources` (flow YAML).
    fn check(containers: &[&str], expected: Expect) {
        let mut text =
            String::from("apiVersion: v1\nkind: Pod\nmetadata: {name: q}\nspec:\n  containers:\n");
        for (index, resources) in containers.iter().enumerate() {
            text.push_str(&format!(
                "  - {{name: c{index}, image: 'nginx:1.27', resources: {resources}}}\n"
            ));
        }
        let parsed = crate::parse(&text);
        expected.assert_eq(&parsed.qos.map(|qos| qos.to_string()).unwrap_or_default());
    }

    /// Cases after upstream's TestGetPodQOS (pkg/apis/core/v1/helper/qos/qos_test.go),
    /// paraphrased as manifests.
    #[test]
    fn upstream_get_pod_qos_cases() {
        // "Guaranteed: limits only, requests defaulted from them"
        check(
            &["{limits: {cpu: 100m, memory: 100Mi}}"],
            expect!["Guaranteed"],
        );
        // "Guaranteed: two containers with equal requests and limits"
        check(
            &[
                "{requests: {cpu: 100m, memory: 100Mi}, limits: {cpu: 100m, memory: 100Mi}}",
                "{requests: {cpu: 100m, memory: 100Mi}, limits: {cpu: 100m, memory: 100Mi}}",
            ],
            expect!["Guaranteed"],
        );
        // "BestEffort: no requests or limits"
        check(&["{}", "{}"], expect!["BestEffort"]);
        // "BestEffort: only non-compute resources (extended resources do not count)"
        check(
            &["{requests: {nvidia.com/gpu: '1'}, limits: {nvidia.com/gpu: '1'}}"],
            expect!["BestEffort"],
        );
        // "Burstable: one container best-effort, one guaranteed"
        check(
            &["{}", "{limits: {cpu: 100m, memory: 100Mi}}"],
            expect!["Burstable"],
        );
        // "Burstable: requests below limits"
        check(
            &["{requests: {cpu: 100m, memory: 10Mi}, limits: {cpu: 100m, memory: 100Mi}}"],
            expect!["Burstable"],
        );
        // "Burstable: cpu limit only"
        check(&["{limits: {cpu: 100m}}"], expect!["Burstable"]);
        // "Init containers count: a best-effort init container makes a guaranteed Pod Burstable"
        let parsed = crate::parse(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: q}\nspec:\n  initContainers: [{name: i, image: 'busybox:1.36'}]\n  containers: [{name: c, image: 'nginx:1.27', resources: {limits: {cpu: 100m, memory: 100Mi}}}]\n",
        );
        assert_eq!(parsed.qos.map(|qos| qos.as_str()), Some("Burstable"));
        // "BestEffort: zero quantities are ignored"
        check(
            &["{requests: {cpu: '0', memory: '0'}}"],
            expect!["BestEffort"],
        );
    }
}
