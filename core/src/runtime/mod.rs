//! What runs inside a container: the shell interpreter for the scripts of teaching material, the
//! table of well-known images and what their programs do, the kubelet's `$(VAR)` expansion, and
//! a command run in a running container (`exec`).
//! Uses [`crate::base`] and [`crate::api`].

pub mod exec;
pub mod images;
pub mod kubelet_expansion;
pub mod shell;
