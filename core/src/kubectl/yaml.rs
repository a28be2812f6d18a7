//! `kubectl get pod -o yaml` and `-o json`: the object's JSON encoding printed by go-yaml v2, as
//! `sigs.k8s.io/yaml` does (`api::encode::go_yaml`), or by Go's `encoding/json`
//! (`api::encode::go_json`).

use crate::api::encode::Tree;
use crate::api::encode::go_json::to_json;
use crate::api::encode::go_yaml::to_yaml;
use crate::api::v1::Pod;
use crate::api::workloads::Workload;
use crate::api::yaml::single_json_document;
use crate::base::json::Json;

/// `kubectl get pod NAME -o yaml` for `pod`, status included.
pub fn pod_yaml(pod: &Pod) -> String {
    crate::api::encode::go_yaml::pod_yaml(pod)
}

/// `kubectl get pods -o yaml`: one Pod as itself, or a `List` (of the Pods of a request for
/// them all, even one: `as_list`, or of several).
pub fn pods_yaml(pods: &[&Pod], as_list: bool) -> String {
    match pods {
        [pod] if !as_list => pod_yaml(pod),
        pods => to_yaml(&list(pods)),
    }
}

/// `kubectl get pods -o json`: one Pod as itself, or a `List` as for [`pods_yaml`].
pub fn pods_json(pods: &[&Pod], as_list: bool) -> String {
    to_json(&tree(pods, as_list))
}

/// The JSON value `-o json` prints, for `-o jsonpath` and `-o custom-columns` to read.
pub fn pods_value(pods: &[&Pod], as_list: bool) -> Json {
    single_json_document(&pods_json(pods, as_list)).unwrap_or(Json::Null)
}

/// `kubectl get KIND -o yaml` of workload objects: one as itself, or a `List` as for
/// [`pods_yaml`].
pub fn workloads_yaml(objects: &[&Workload], as_list: bool) -> String {
    to_yaml(&workload_tree(objects, as_list))
}

/// `kubectl get KIND -o json` of workload objects.
pub fn workloads_json(objects: &[&Workload], as_list: bool) -> String {
    to_json(&workload_tree(objects, as_list))
}

/// The JSON value `-o json` prints of workload objects, for `-o jsonpath` and
/// `-o custom-columns` to read.
pub fn workloads_value(objects: &[&Workload], as_list: bool) -> Json {
    single_json_document(&workloads_json(objects, as_list)).unwrap_or(Json::Null)
}

/// One workload object as itself, or a `List`.
fn workload_tree(objects: &[&Workload], as_list: bool) -> Tree {
    let mut trees: Vec<Tree> = objects
        .iter()
        .map(|object| crate::api::encode::workload(object))
        .collect();
    match trees.len() {
        1 if !as_list => trees.remove(0),
        _ => list_of(trees),
    }
}

/// One Pod as itself, or a `List`.
fn tree(pods: &[&Pod], as_list: bool) -> Tree {
    match pods {
        [pod] if !as_list => crate::api::encode::pod(pod),
        pods => list(pods),
    }
}

/// The `List` kubectl prints several Pods as.
fn list(pods: &[&Pod]) -> Tree {
    list_of(
        pods.iter()
            .map(|pod| crate::api::encode::pod(pod))
            .collect(),
    )
}

/// The `List` kubectl prints several objects as.
fn list_of(items: Vec<Tree>) -> Tree {
    Tree::Map(vec![
        ("apiVersion".to_owned(), Tree::Str("v1".to_owned())),
        ("items".to_owned(), Tree::List(items)),
        ("kind".to_owned(), Tree::Str("List".to_owned())),
        (
            "metadata".to_owned(),
            Tree::Map(vec![(
                "resourceVersion".to_owned(),
                Tree::Str(String::new()),
            )]),
        ),
    ])
}

#[cfg(test)]
mod tests;
