//! Volumes and their sources.

use crate::api::decode::Raw;
use crate::api::quantity::Quantity;
use crate::api::v1::{ObjectFieldSelector, ResourceFieldSelector};
use crate::object;

object! {
    /// An entry of `spec.volumes`: a name and exactly one source.
    pub struct Volume = "Volume" {
        /// `name`: a DNS-1123 label, unique within the Pod.
        name @ "name": String,
        /// `emptyDir`: scratch space that lives as long as the Pod.
        empty_dir @ "emptyDir": Option<EmptyDirVolumeSource>,
        /// `hostPath`: a path on the node.
        host_path @ "hostPath": Option<HostPathVolumeSource>,
        /// `configMap`.
        config_map @ "configMap": Option<ConfigMapVolumeSource>,
        /// `secret`.
        secret @ "secret": Option<SecretVolumeSource>,
        /// `projected`: several sources in one directory.
        projected @ "projected": Option<ProjectedVolumeSource>,
        /// `downwardAPI`: Pod fields as files.
        downward_api @ "downwardAPI": Option<DownwardApiVolumeSource>,
        /// `persistentVolumeClaim`.
        persistent_volume_claim @ "persistentVolumeClaim": Option<PersistentVolumeClaimVolumeSource>,
        /// `ephemeral`, kept as written.
        ephemeral @ "ephemeral": Option<Raw>,
        /// `image`, kept as written.
        image @ "image": Option<Raw>,
        /// `csi`, kept as written.
        csi @ "csi": Option<Raw>,
        /// `nfs`, kept as written.
        nfs @ "nfs": Option<Raw>,
        /// `iscsi`, kept as written.
        iscsi @ "iscsi": Option<Raw>,
        /// `gitRepo` (deprecated), kept as written.
        git_repo @ "gitRepo": Option<Raw>,
        /// `awsElasticBlockStore` (deprecated), kept as written.
        aws_elastic_block_store @ "awsElasticBlockStore": Option<Raw>,
        /// `gcePersistentDisk` (deprecated), kept as written.
        gce_persistent_disk @ "gcePersistentDisk": Option<Raw>,
        /// `azureDisk` (deprecated), kept as written.
        azure_disk @ "azureDisk": Option<Raw>,
        /// `azureFile` (deprecated), kept as written.
        azure_file @ "azureFile": Option<Raw>,
        /// `cephfs` (deprecated), kept as written.
        cephfs @ "cephfs": Option<Raw>,
        /// `cinder` (deprecated), kept as written.
        cinder @ "cinder": Option<Raw>,
        /// `fc`, kept as written.
        fc @ "fc": Option<Raw>,
        /// `flexVolume` (deprecated), kept as written.
        flex_volume @ "flexVolume": Option<Raw>,
        /// `glusterfs` (removed), kept as written.
        glusterfs @ "glusterfs": Option<Raw>,
        /// `rbd` (deprecated), kept as written.
        rbd @ "rbd": Option<Raw>,
        /// `vsphereVolume` (deprecated), kept as written.
        vsphere_volume @ "vsphereVolume": Option<Raw>,
        /// `quobyte` (removed), kept as written.
        quobyte @ "quobyte": Option<Raw>,
        /// `flocker` (removed), kept as written.
        flocker @ "flocker": Option<Raw>,
        /// `photonPersistentDisk` (removed), kept as written.
        photon_persistent_disk @ "photonPersistentDisk": Option<Raw>,
        /// `portworxVolume` (deprecated), kept as written.
        portworx_volume @ "portworxVolume": Option<Raw>,
        /// `scaleIO` (removed), kept as written.
        scale_io @ "scaleIO": Option<Raw>,
        /// `storageos` (removed), kept as written.
        storageos @ "storageos": Option<Raw>,
    }
}

impl Volume {
    /// The JSON names of the sources this volume sets, in the order upstream's
    /// `validateVolumeSource` checks them (the first one counts, the others are forbidden).
    pub fn sources(&self) -> Vec<&'static str> {
        let set = [
            ("emptyDir", self.empty_dir.is_some()),
            ("hostPath", self.host_path.is_some()),
            ("gitRepo", self.git_repo.is_some()),
            ("gcePersistentDisk", self.gce_persistent_disk.is_some()),
            (
                "awsElasticBlockStore",
                self.aws_elastic_block_store.is_some(),
            ),
            ("secret", self.secret.is_some()),
            ("nfs", self.nfs.is_some()),
            ("iscsi", self.iscsi.is_some()),
            ("glusterfs", self.glusterfs.is_some()),
            (
                "persistentVolumeClaim",
                self.persistent_volume_claim.is_some(),
            ),
            ("rbd", self.rbd.is_some()),
            ("cinder", self.cinder.is_some()),
            ("cephfs", self.cephfs.is_some()),
            ("quobyte", self.quobyte.is_some()),
            ("flocker", self.flocker.is_some()),
            ("downwardAPI", self.downward_api.is_some()),
            ("fc", self.fc.is_some()),
            ("flexVolume", self.flex_volume.is_some()),
            ("configMap", self.config_map.is_some()),
            ("azureFile", self.azure_file.is_some()),
            ("vsphereVolume", self.vsphere_volume.is_some()),
            (
                "photonPersistentDisk",
                self.photon_persistent_disk.is_some(),
            ),
            ("portworxVolume", self.portworx_volume.is_some()),
            ("azureDisk", self.azure_disk.is_some()),
            ("projected", self.projected.is_some()),
            ("scaleIO", self.scale_io.is_some()),
            ("storageos", self.storageos.is_some()),
            ("csi", self.csi.is_some()),
            ("ephemeral", self.ephemeral.is_some()),
            ("image", self.image.is_some()),
        ];
        set.into_iter()
            .filter(|(_, present)| *present)
            .map(|(name, _)| name)
            .collect()
    }
}

object! {
    /// An `emptyDir` source.
    pub struct EmptyDirVolumeSource = "EmptyDirVolumeSource" {
        /// `medium`: `""` (node disk) or `Memory` (tmpfs).
        medium @ "medium": Option<String>,
        /// `sizeLimit`.
        size_limit @ "sizeLimit": Option<Quantity>,
    }
}

object! {
    /// A `hostPath` source.
    pub struct HostPathVolumeSource = "HostPathVolumeSource" {
        /// `path` on the node.
        path @ "path": String,
        /// `type`, such as `Directory` or `FileOrCreate`.
        kind @ "type": Option<String>,
    }
}

object! {
    /// A `configMap` source.
    pub struct ConfigMapVolumeSource = "ConfigMapVolumeSource" {
        /// `name` of the ConfigMap.
        name @ "name": Option<String>,
        /// `items`: which keys, at which paths.
        items @ "items": Vec<KeyToPath>,
        /// `defaultMode`, defaulted to 0644.
        default_mode @ "defaultMode": Option<i32>,
        /// `optional`.
        optional @ "optional": Option<bool>,
    }
}

object! {
    /// A `secret` source.
    pub struct SecretVolumeSource = "SecretVolumeSource" {
        /// `secretName`.
        secret_name @ "secretName": Option<String>,
        /// `items`: which keys, at which paths.
        items @ "items": Vec<KeyToPath>,
        /// `defaultMode`, defaulted to 0644.
        default_mode @ "defaultMode": Option<i32>,
        /// `optional`.
        optional @ "optional": Option<bool>,
    }
}

object! {
    /// A key of a ConfigMap or Secret and the file it becomes.
    pub struct KeyToPath = "KeyToPath" {
        /// `key`.
        key @ "key": String,
        /// `path`.
        path @ "path": String,
        /// `mode`.
        mode @ "mode": Option<i32>,
    }
}

object! {
    /// A `projected` source.
    pub struct ProjectedVolumeSource = "ProjectedVolumeSource" {
        /// `sources`.
        sources @ "sources": Vec<VolumeProjection>,
        /// `defaultMode`, defaulted to 0644.
        default_mode @ "defaultMode": Option<i32>,
    }
}

object! {
    /// One source of a projected volume.
    pub struct VolumeProjection = "VolumeProjection" {
        /// `secret`.
        secret @ "secret": Option<ProjectedKeys>,
        /// `downwardAPI`.
        downward_api @ "downwardAPI": Option<DownwardApiProjection>,
        /// `configMap`.
        config_map @ "configMap": Option<ProjectedKeys>,
        /// `serviceAccountToken`.
        service_account_token @ "serviceAccountToken": Option<ServiceAccountTokenProjection>,
        /// `clusterTrustBundle`, kept as written.
        cluster_trust_bundle @ "clusterTrustBundle": Option<Raw>,
        /// `podCertificate`, kept as written.
        pod_certificate @ "podCertificate": Option<Raw>,
    }
}

object! {
    /// A ConfigMap or Secret in a projected volume.
    pub struct ProjectedKeys = "ConfigMapProjection" {
        /// `name`.
        name @ "name": Option<String>,
        /// `items`.
        items @ "items": Vec<KeyToPath>,
        /// `optional`.
        optional @ "optional": Option<bool>,
    }
}

object! {
    /// The downward API in a projected volume.
    pub struct DownwardApiProjection = "DownwardAPIProjection" {
        /// `items`.
        items @ "items": Vec<DownwardApiVolumeFile>,
    }
}

object! {
    /// A service account token in a projected volume.
    pub struct ServiceAccountTokenProjection = "ServiceAccountTokenProjection" {
        /// `audience`.
        audience @ "audience": Option<String>,
        /// `expirationSeconds`, defaulted to 3600.
        expiration_seconds @ "expirationSeconds": Option<i64>,
        /// `path`.
        path @ "path": String,
    }
}

object! {
    /// A `downwardAPI` source.
    pub struct DownwardApiVolumeSource = "DownwardAPIVolumeSource" {
        /// `items`.
        items @ "items": Vec<DownwardApiVolumeFile>,
        /// `defaultMode`, defaulted to 0644.
        default_mode @ "defaultMode": Option<i32>,
    }
}

object! {
    /// A file of the downward API.
    pub struct DownwardApiVolumeFile = "DownwardAPIVolumeFile" {
        /// `path`.
        path @ "path": String,
        /// `fieldRef`.
        field_ref @ "fieldRef": Option<ObjectFieldSelector>,
        /// `resourceFieldRef`.
        resource_field_ref @ "resourceFieldRef": Option<ResourceFieldSelector>,
        /// `mode`.
        mode @ "mode": Option<i32>,
    }
}

object! {
    /// A `persistentVolumeClaim` source.
    pub struct PersistentVolumeClaimVolumeSource = "PersistentVolumeClaimVolumeSource" {
        /// `claimName`.
        claim_name @ "claimName": String,
        /// `readOnly`.
        read_only @ "readOnly": bool,
    }
}
