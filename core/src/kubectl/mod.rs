//! What kubectl prints: `get`, `describe`, `logs`, `top`, `get -o yaml`, the errors of a refused
//! manifest, and the page's console that dispatches to them. Renderers are pure functions of API
//! objects, Events and "now", so a Pod pasted from a cluster prints as a simulated one does.

pub mod attachable_pod;
pub mod console;
pub mod debug;
pub mod describe;
pub mod describe_claim;
pub mod describe_node;
pub mod describe_workloads;
pub mod errors;
pub mod events;
pub mod exec;
pub mod get;
pub mod get_all;
pub mod get_claims;
pub mod get_nodes;
pub mod get_workloads;
pub mod jsonpath;
pub mod list_options;
pub mod logs;
pub mod podcmd;
pub mod rollout;
pub mod run;
pub mod tabwriter;
pub mod top;
pub mod yaml;
