//! The Pod as Podplay understands it so far: its name and its containers.
//!
//! This is the beginning of a typed model of `v1.Pod`; fields are added as the rules that need
//! them arrive.

use crate::span::Span;

/// A Pod read from a manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pod {
    /// `metadata.name`.
    pub name: String,
    /// `spec.initContainers`, in order.
    pub init_containers: Vec<Container>,
    /// `spec.containers`, in order.
    pub containers: Vec<Container>,
}

/// One container of a Pod.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Container {
    /// `name`.
    pub name: String,
    /// `image`, empty when absent.
    pub image: String,
    /// Where the container's entry is in the manifest.
    pub span: Span,
}

/// Whether a container runs before the others or alongside them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ContainerKind {
    /// An entry of `spec.initContainers`.
    Init,
    /// An entry of `spec.containers`.
    App,
}

impl Pod {
    /// Every container with its kind: init containers first, in order, then app containers.
    pub fn all_containers(&self) -> impl Iterator<Item = (ContainerKind, &Container)> {
        self.init_containers
            .iter()
            .map(|container| (ContainerKind::Init, container))
            .chain(
                self.containers
                    .iter()
                    .map(|container| (ContainerKind::App, container)),
            )
    }
}
