//! `kubectl describe pvc`: upstream's `describePersistentVolumeClaim`
//! (staging/src/k8s.io/kubectl/pkg/describe/describe.go) for the claims a StatefulSet made,
//! which the default StorageClass's provisioner bound at once (as minikube's
//! `k8s.io/minikube-hostpath` does: its binding mode is `Immediate`).

use std::collections::BTreeMap;

use crate::api::v1::Pod;
use crate::cluster::ObservedObject;
use crate::kubectl::describe::{DescribeOptions, LEVEL_0, Writer};
use crate::kubectl::tabwriter::TabWriter;

/// The provisioner of the default StorageClass.
pub const PROVISIONER: &str = "k8s.io/minikube-hostpath";

/// The text of `kubectl describe pvc` for `claim`, with the Pods of the namespace (`Used By`
/// lists those that mount it).
pub fn describe_claim(claim: &ObservedObject, pods: &[&Pod], options: DescribeOptions) -> String {
    let mut w = Writer {
        out: String::new(),
        options,
    };
    let field = |key: &str| claim.data.get(key).cloned().unwrap_or_default();
    w.write(LEVEL_0, &format!("Name:\t{}\n", claim.name));
    w.write(LEVEL_0, "Namespace:\tdefault\n");
    w.write(
        LEVEL_0,
        &format!("StorageClass:\t{}\n", field("storageClass")),
    );
    w.write(LEVEL_0, "Status:\tBound\n");
    w.write(LEVEL_0, &format!("Volume:\t{}\n", field("volume")));
    let labels = claim_labels(&field("labels"));
    w.labels("Labels", labels.iter().collect());
    // What the PersistentVolume controller writes on a claim it bound to a provisioned volume.
    let annotations: BTreeMap<String, String> = [
        ("pv.kubernetes.io/bind-completed", "yes"),
        ("pv.kubernetes.io/bound-by-controller", "yes"),
        ("volume.beta.kubernetes.io/storage-provisioner", PROVISIONER),
        ("volume.kubernetes.io/storage-provisioner", PROVISIONER),
    ]
    .into_iter()
    .map(|(key, value)| (key.to_owned(), value.to_owned()))
    .collect();
    w.annotations("Annotations", &annotations);
    w.write(LEVEL_0, "Finalizers:\t[kubernetes.io/pvc-protection]\n");
    w.write(LEVEL_0, &format!("Capacity:\t{}\n", field("capacity")));
    w.write(
        LEVEL_0,
        &format!("Access Modes:\t{}\n", field("accessModes")),
    );
    w.write(LEVEL_0, "VolumeMode:\tFilesystem\n");
    // `getPodsForPVC`: every Pod with a volume of the claim, by name.
    let mut users: Vec<&str> = pods
        .iter()
        .flat_map(|pod| {
            pod.spec
                .volumes
                .iter()
                .filter(|volume| {
                    volume
                        .persistent_volume_claim
                        .as_ref()
                        .is_some_and(|source| source.claim_name == claim.name)
                })
                .map(|_| pod.name())
        })
        .collect();
    users.sort_unstable();
    w.write(LEVEL_0, "Used By:\t");
    if users.is_empty() {
        w.out.push_str("<none>\n");
    }
    for (index, user) in users.into_iter().enumerate() {
        if index != 0 {
            w.write(LEVEL_0, "\t");
        }
        w.write(LEVEL_0, &format!("{user}\n"));
    }
    w.events(&[]);
    TabWriter::DESCRIBE.format(&w.out)
}

/// The claim's labels, kept in its data as `key=value,…`.
fn claim_labels(text: &str) -> BTreeMap<String, String> {
    text.split(',')
        .filter_map(|pair| pair.split_once('='))
        .map(|(key, value)| (key.to_owned(), value.to_owned()))
        .collect()
}
