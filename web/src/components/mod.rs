//! The app's components. Each takes signals in and callbacks out, and computes nothing that
//! `pod-model` could compute.

mod button;
mod cluster;
mod console;
mod diagnostics;
mod diagram;
mod editor;
mod embed;
mod faults;
mod gallery;
mod keys;
mod layout;
mod line_nodes;
mod share;
mod stepper;
mod summary;

pub use cluster::ClusterPanel;
pub use console::{Console, ConsoleRun};
pub use diagnostics::{Checks, DiagnosticList};
pub use diagram::SceneView;
pub use editor::Editor;
pub use embed::EmbedDialog;
pub use faults::{ActionList, Faults};
pub use gallery::Gallery;
pub use layout::{PanelSection, PanelTabs, Splitter, ThemeToggle};
pub use share::ShareLink;
pub use stepper::Stepper;
pub use summary::PodSummary;
