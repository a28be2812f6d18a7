//! Integration tests of the `podplay` binary, one binary with a module per topic.

mod check;
mod diagram;
