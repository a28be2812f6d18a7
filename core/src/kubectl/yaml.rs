//! `kubectl get pod -o yaml`: the object's JSON encoding printed by go-yaml v2, as
//! `sigs.k8s.io/yaml` does (the printer is `api::encode::go_yaml`).

use crate::api::encode::Tree;
use crate::api::encode::go_yaml::to_yaml;
use crate::api::v1::Pod;

/// `kubectl get pod NAME -o yaml` for `pod`, status included.
pub fn pod_yaml(pod: &Pod) -> String {
    crate::api::encode::go_yaml::pod_yaml(pod)
}

/// `kubectl get pods -o yaml`: one Pod as itself, several as a `List`.
pub fn pods_yaml(pods: &[&Pod]) -> String {
    match pods {
        [pod] => pod_yaml(pod),
        pods => to_yaml(&Tree::Map(vec![
            ("apiVersion".to_owned(), Tree::Str("v1".to_owned())),
            (
                "items".to_owned(),
                Tree::List(
                    pods.iter()
                        .map(|pod| crate::api::encode::pod(pod))
                        .collect(),
                ),
            ),
            ("kind".to_owned(), Tree::Str("List".to_owned())),
            (
                "metadata".to_owned(),
                Tree::Map(vec![(
                    "resourceVersion".to_owned(),
                    Tree::Str(String::new()),
                )]),
            ),
        ])),
    }
}

#[cfg(test)]
mod tests;
