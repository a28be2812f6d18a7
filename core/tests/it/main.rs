//! Integration tests of `pod-model`, one binary with a module per topic.

mod corpus;
mod quantity;
mod robustness;
mod upstream;
mod upstream_cases;
