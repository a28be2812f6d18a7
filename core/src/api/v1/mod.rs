//! A typed model of the Kubernetes `v1.Pod`, status included, as strict decoding reads it.
//!
//! Field names follow upstream's Go types (`k8s.io/api/core/v1`); every field is optional in the
//! manifest, and an absent field holds its type's default. [`Pod::decode`] reads a document.

mod container;
mod meta;
mod probe;
mod scheduling;
mod security;
mod spec;
mod status;
mod volume;

pub use container::*;
pub use meta::*;
pub use probe::*;
pub use scheduling::*;
pub use security::*;
pub use spec::*;
pub use status::*;
pub use volume::*;

use crate::api::decode::{Decode, Decoder};
use crate::api::diagnostic::Diagnostic;
use crate::api::yaml::Node;
use crate::object;

object! {
    /// A Pod: the smallest deployable unit, one or more containers sharing a network namespace
    /// and volumes.
    pub struct Pod = "Pod" {
        /// `apiVersion`, `v1` for a Pod.
        api_version @ "apiVersion": String,
        /// `kind`, `Pod`.
        kind @ "kind": String,
        /// `metadata`.
        metadata @ "metadata": ObjectMeta,
        /// `spec`: what the Pod should run.
        spec @ "spec": PodSpec,
        /// `status`: what a cluster observed; present on Pods pasted from a cluster.
        status @ "status": Option<Box<PodStatus>>,
    }
}

impl Pod {
    /// Decodes a Pod document strictly, reporting unknown fields, duplicates and wrong types.
    pub fn decode_document(root: &Node, diagnostics: &mut Vec<Diagnostic>) -> Pod {
        let mut cx = Decoder::new(diagnostics);
        Pod::decode(root, &mut cx)
    }

    /// `metadata.name`.
    pub fn name(&self) -> &str {
        self.metadata.name.as_deref().unwrap_or_default()
    }

    /// Every container of `spec.initContainers` and `spec.containers` with its kind, in spec
    /// order: init containers (sidecars among them) first, then app containers. Ephemeral
    /// containers are not included.
    pub fn all_containers(&self) -> impl Iterator<Item = (ContainerKind, &Container)> {
        let init = self.spec.init_containers.iter().map(|container| {
            let kind = if container.is_sidecar() {
                ContainerKind::Sidecar
            } else {
                ContainerKind::Init
            };
            (kind, container)
        });
        let app = self
            .spec
            .containers
            .iter()
            .map(|container| (ContainerKind::App, container));
        init.chain(app)
    }

    /// [`Pod::all_containers`] with each container's field path, such as
    /// `spec.initContainers[0]`.
    pub fn indexed_containers(&self) -> Vec<(ContainerKind, String, &Container)> {
        let (mut init, mut app) = (0usize, 0usize);
        self.all_containers()
            .map(|(kind, container)| {
                let path = if kind.is_init() {
                    init += 1;
                    format!("spec.initContainers[{}]", init - 1)
                } else {
                    app += 1;
                    format!("spec.containers[{}]", app - 1)
                };
                (kind, path, container)
            })
            .collect()
    }
}

/// What role a container plays in its Pod.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ContainerKind {
    /// An entry of `spec.initContainers` that runs to completion before the others.
    Init,
    /// An entry of `spec.initContainers` with `restartPolicy: Always`: a native sidecar.
    Sidecar,
    /// An entry of `spec.containers`.
    App,
}

impl ContainerKind {
    /// True for the containers of `spec.initContainers`, sidecars included.
    pub fn is_init(self) -> bool {
        matches!(self, ContainerKind::Init | ContainerKind::Sidecar)
    }
}
