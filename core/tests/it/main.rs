//! Integration tests of `pod-model`, one binary with a module per topic.

mod bad_inputs;
mod corpus;
mod diagrams;
mod gallery;
mod messages;
mod print;
mod properties;
mod quantity;
mod robustness;
mod roles;
mod upstream;
mod upstream_cases;
mod upstream_print_cases;
