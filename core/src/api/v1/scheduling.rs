//! Scheduling constraints: affinity, tolerations and topology spread.

use std::collections::BTreeMap;

use crate::object;

object! {
    /// `spec.affinity`.
    pub struct Affinity = "Affinity" {
        /// `nodeAffinity`.
        node_affinity @ "nodeAffinity": Option<NodeAffinity>,
        /// `podAffinity`.
        pod_affinity @ "podAffinity": Option<PodAffinity>,
        /// `podAntiAffinity`.
        pod_anti_affinity @ "podAntiAffinity": Option<PodAffinity>,
    }
}

object! {
    /// Node affinity rules.
    pub struct NodeAffinity = "NodeAffinity" {
        /// `requiredDuringSchedulingIgnoredDuringExecution`.
        required @ "requiredDuringSchedulingIgnoredDuringExecution": Option<NodeSelector>,
        /// `preferredDuringSchedulingIgnoredDuringExecution`.
        preferred @ "preferredDuringSchedulingIgnoredDuringExecution": Vec<PreferredSchedulingTerm>,
    }
}

object! {
    /// A node selector: terms ORed together.
    pub struct NodeSelector = "NodeSelector" {
        /// `nodeSelectorTerms`.
        node_selector_terms @ "nodeSelectorTerms": Vec<NodeSelectorTerm>,
    }
}

object! {
    /// A node selector term: requirements ANDed together.
    pub struct NodeSelectorTerm = "NodeSelectorTerm" {
        /// `matchExpressions`, on node labels.
        match_expressions @ "matchExpressions": Vec<SelectorRequirement>,
        /// `matchFields`, on node fields.
        match_fields @ "matchFields": Vec<SelectorRequirement>,
    }
}

object! {
    /// A weighted node selector term.
    pub struct PreferredSchedulingTerm = "PreferredSchedulingTerm" {
        /// `weight`, 1 to 100.
        weight @ "weight": i32,
        /// `preference`.
        preference @ "preference": NodeSelectorTerm,
    }
}

object! {
    /// A requirement on a label: `key`, `operator` and `values`.
    pub struct SelectorRequirement = "NodeSelectorRequirement" {
        /// `key`.
        key @ "key": String,
        /// `operator`: `In`, `NotIn`, `Exists`, `DoesNotExist`, `Gt` or `Lt`.
        operator @ "operator": String,
        /// `values`.
        values @ "values": Vec<String>,
    }
}

object! {
    /// Pod affinity or anti-affinity rules.
    pub struct PodAffinity = "PodAffinity" {
        /// `requiredDuringSchedulingIgnoredDuringExecution`.
        required @ "requiredDuringSchedulingIgnoredDuringExecution": Vec<PodAffinityTerm>,
        /// `preferredDuringSchedulingIgnoredDuringExecution`.
        preferred @ "preferredDuringSchedulingIgnoredDuringExecution": Vec<WeightedPodAffinityTerm>,
    }
}

object! {
    /// Which Pods, in which topology domain.
    pub struct PodAffinityTerm = "PodAffinityTerm" {
        /// `labelSelector`.
        label_selector @ "labelSelector": Option<LabelSelector>,
        /// `namespaces`.
        namespaces @ "namespaces": Vec<String>,
        /// `topologyKey`.
        topology_key @ "topologyKey": String,
        /// `namespaceSelector`.
        namespace_selector @ "namespaceSelector": Option<LabelSelector>,
        /// `matchLabelKeys`.
        match_label_keys @ "matchLabelKeys": Vec<String>,
        /// `mismatchLabelKeys`.
        mismatch_label_keys @ "mismatchLabelKeys": Vec<String>,
    }
}

object! {
    /// A weighted Pod affinity term.
    pub struct WeightedPodAffinityTerm = "WeightedPodAffinityTerm" {
        /// `weight`, 1 to 100.
        weight @ "weight": i32,
        /// `podAffinityTerm`.
        pod_affinity_term @ "podAffinityTerm": PodAffinityTerm,
    }
}

object! {
    /// A label selector.
    pub struct LabelSelector = "LabelSelector" {
        /// `matchLabels`.
        match_labels @ "matchLabels": BTreeMap<String, String>,
        /// `matchExpressions`.
        match_expressions @ "matchExpressions": Vec<SelectorRequirement>,
    }
}

object! {
    /// An entry of `spec.tolerations`.
    pub struct Toleration = "Toleration" {
        /// `key`.
        key @ "key": Option<String>,
        /// `operator`: `Exists` or `Equal`.
        operator @ "operator": Option<String>,
        /// `value`.
        value @ "value": Option<String>,
        /// `effect`: `NoSchedule`, `PreferNoSchedule` or `NoExecute`.
        effect @ "effect": Option<String>,
        /// `tolerationSeconds`.
        toleration_seconds @ "tolerationSeconds": Option<i64>,
    }
}

object! {
    /// An entry of `spec.topologySpreadConstraints`.
    pub struct TopologySpreadConstraint = "TopologySpreadConstraint" {
        /// `maxSkew`.
        max_skew @ "maxSkew": i32,
        /// `topologyKey`.
        topology_key @ "topologyKey": String,
        /// `whenUnsatisfiable`.
        when_unsatisfiable @ "whenUnsatisfiable": String,
        /// `labelSelector`.
        label_selector @ "labelSelector": Option<LabelSelector>,
        /// `minDomains`.
        min_domains @ "minDomains": Option<i32>,
        /// `nodeAffinityPolicy`.
        node_affinity_policy @ "nodeAffinityPolicy": Option<String>,
        /// `nodeTaintsPolicy`.
        node_taints_policy @ "nodeTaintsPolicy": Option<String>,
        /// `matchLabelKeys`.
        match_label_keys @ "matchLabelKeys": Vec<String>,
    }
}
