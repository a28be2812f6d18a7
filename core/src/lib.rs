//! `pod-model`: Podplay's core. It reads Pod manifests as the API server would, lays out diagrams
//! and walks timelines.
//!
//! Everything here is pure and deterministic: no I/O, no clock, no web dependencies. The crate
//! builds for native targets and for `wasm32-unknown-unknown` alike.
//!
//! Data flows one way: text → [`yaml`] → [`manifest::parse`] (strict decoding into [`v1::Pod`],
//! [`defaults`], [`validation`], [`lint`], [`qos`]) → views such as [`timeline::placeholder`] and
//! [`diagram::layout`].

pub mod decode;
pub mod defaults;
pub mod diagnostic;
pub mod diagram;
pub mod edit;
pub mod embed;
pub mod encode;
pub mod events;
pub mod field_docs;
pub mod gallery;
pub mod highlight;
pub mod image_ref;
pub mod images;
pub mod kubectl_console;
pub mod kubectl_describe;
pub mod kubectl_errors;
pub mod kubectl_get;
pub mod kubectl_logs;
pub mod kubectl_top;
pub mod kubectl_yaml;
pub mod kubelet_expansion;
pub mod lint;
pub mod manifest;
pub mod narration;
pub mod paste_damage;
pub mod qos;
pub mod quantity;
pub mod scenario;
pub mod share_link;
pub mod shell;
pub mod simulator;
pub mod sorting;
pub mod span;
pub mod suggest;
pub mod tabwriter;
pub mod time;
pub mod timeline;
pub mod timestamp;
pub mod topology;
pub mod v1;
pub mod validation;
pub mod yaml;

pub use diagnostic::{Diagnostic, DiagnosticKind, Severity};
pub use manifest::{Parsed, parse, parse_bytes};
pub use span::{Position, Span};
pub use time::VirtualTime;
pub use v1::{Container, ContainerKind, Pod};
