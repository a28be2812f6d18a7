//! Integration tests of `pod-model`, one binary with a module per topic.

mod bad_inputs;
mod cluster;
mod consistency;
mod controllers;
mod corpus;
mod diagrams;
mod exec;
mod gallery;
mod layers;
mod messages;
mod nodes;
mod print;
mod properties;
mod quantity;
mod replay;
mod robustness;
mod roles;
mod static_pod;
mod store;
mod transcript;
mod upstream;
mod upstream_cases;
mod upstream_print_cases;
mod workloads;
