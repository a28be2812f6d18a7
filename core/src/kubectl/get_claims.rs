//! `kubectl get persistentvolumeclaims`: upstream's `printPersistentVolumeClaim`
//! (pkg/printers/internalversion/printers.go) for the claims a StatefulSet made, bound to the
//! volumes the default StorageClass provisioned.

use crate::cluster::ObservedObject;
use crate::kubectl::get::{human_duration_millis, table};

/// `kubectl get pvc [-o wide]` of `claims`.
pub fn get_claims(claims: &[&ObservedObject], wide: bool) -> String {
    let mut header = vec![
        "NAME",
        "STATUS",
        "VOLUME",
        "CAPACITY",
        "ACCESS MODES",
        "STORAGECLASS",
        "VOLUMEATTRIBUTESCLASS",
        "AGE",
    ];
    if wide {
        header.push("VOLUMEMODE");
    }
    let rows: Vec<Vec<String>> = std::iter::once(header.iter().map(|h| (*h).to_owned()).collect())
        .chain(claims.iter().map(|claim| {
            let field = |key: &str| claim.data.get(key).cloned().unwrap_or_default();
            let mut cells = vec![
                claim.name.clone(),
                "Bound".to_owned(),
                field("volume"),
                field("capacity"),
                field("accessModes"),
                field("storageClass"),
                "<unset>".to_owned(),
                human_duration_millis(claim.now.millis_since(claim.created)),
            ];
            if wide {
                cells.push("Filesystem".to_owned());
            }
            cells
        }))
        .collect();
    table(&rows)
}
