//! `pod-model`: Podplay's core. It reads Pod manifests, lays out diagrams and walks timelines.
//!
//! Everything here is pure and deterministic: no I/O, no clock, no web dependencies. The crate
//! builds for native targets and for `wasm32-unknown-unknown` alike.
//!
//! Data flows one way: text → [`yaml`] → [`manifest::parse`] → [`pod::Pod`] → views such as
//! [`timeline::placeholder`] and [`diagram::layout`].

pub mod diagnostic;
pub mod diagram;
pub mod gallery;
pub mod manifest;
pub mod pod;
pub mod span;
pub mod time;
pub mod timeline;
pub mod yaml;

pub use diagnostic::{Diagnostic, DiagnosticKind, Severity};
pub use manifest::{Parsed, parse};
pub use pod::{Container, ContainerKind, Pod};
pub use span::{Position, Span};
pub use time::VirtualTime;
