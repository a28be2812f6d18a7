//! The playground: the timeline the stepper walks and its narration, share links, embeds, the
//! gallery, the editor's highlighting and field documentation. The top layer: it may use every
//! other one.

pub mod apply_on_edit;
pub mod cluster_view;
pub mod edit;
pub mod embed;
pub mod field_docs;
pub mod gallery;
pub mod highlight;
pub mod lifecycle_view;
pub mod model;
pub mod share_link;
pub mod state;
pub mod stepper;
