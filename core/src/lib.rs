//! `pod-model`: Podplay's core. It reads manifests as the API server would, runs them on a
//! virtual cluster, prints what kubectl would, lays out diagrams and walks timelines.
//!
//! Everything here is pure and deterministic: no I/O, no clock, no web dependencies. The crate
//! builds for native targets and for `wasm32-unknown-unknown` alike.
//!
//! The top-level modules are layers, each of which may use only the layers listed before it
//! (ARCHITECTURE.md has the map):
//!
//! 1. [`base`]: positions, virtual time, wall-clock instants, sorting, suggestions;
//! 2. [`api`]: text to typed, defaulted, validated objects, as the API server reads them;
//! 3. [`runtime`]: what runs inside a container: the shell, the image table, `$(VAR)` expansion;
//! 4. [`topology`]: the inside of a Pod as facts (roles, ports, connections, volumes);
//! 5. [`lint`]: best-practice warnings, and [`parse`], the whole check of a manifest;
//! 6. [`cluster`]: the virtual cluster: the object store, its actors and the scenario;
//! 7. [`timeline`]: the steps a Pod goes through, each narrated, from its versions and Events;
//! 8. [`kubectl`]: what kubectl prints, and the page's console;
//! 9. [`diagram`]: geometry and drawings of the Pod and the control plane;
//! 10. [`playground`]: what the stepper shows of each step, share links, the gallery, the
//!     editor's help and the page's state.

pub mod api;
pub mod base;
pub mod cluster;
pub mod diagram;
pub mod kubectl;
pub mod lint;
pub mod playground;
pub mod runtime;
pub mod timeline;
pub mod topology;

pub use api::diagnostic::{Diagnostic, DiagnosticKind, Severity};
pub use api::manifest::Parsed;
pub use api::v1::{Container, ContainerKind, Pod};
pub use base::span::{Position, Span};
pub use base::time::VirtualTime;
pub use lint::{parse, parse_bytes};
