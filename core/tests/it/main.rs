//! Integration tests of `pod-model`, one binary with a module per topic.

mod corpus;
mod robustness;
