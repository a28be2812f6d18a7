//! What runs inside a container: the shell interpreter for the scripts of teaching material, the
//! table of well-known images and what their programs do, and the kubelet's `$(VAR)` expansion.
//! Uses [`crate::base`] and [`crate::api`].

pub mod images;
pub mod kubelet_expansion;
pub mod shell;
