//! The API server's front half: manifest text to typed, defaulted and validated objects, with
//! every problem located in the text. Uses only [`crate::base`].
//!
//! In pipeline order: `yaml` (text to nodes with spans) → `paste_damage` (copy-paste damage
//! explained) → `decode` (strict decoding into the `v1` types) → `defaults` → `validation` and
//! `qos`; `manifest` runs it over every document of a text.

pub mod decode;
pub mod defaults;
pub mod diagnostic;
pub mod encode;
pub mod image_ref;
pub mod labels;
pub mod manifest;
pub mod paste_damage;
pub mod qos;
pub mod quantity;
pub mod selector_syntax;
pub mod v1;
pub mod validation;
pub mod workloads;
pub mod yaml;
