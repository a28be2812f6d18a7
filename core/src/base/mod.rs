//! The first layer: what every other layer uses and that knows nothing of Kubernetes: positions
//! in a text, the virtual clock, wall-clock instants, one compiled stable sort, "did you mean"
//! suggestions, JSON values, and the run of lines an edit changed.

pub mod decimal;
pub mod json;
pub mod line_diff;
pub mod sorting;
pub mod span;
pub mod suggest;
pub mod time;
pub mod timestamp;
