//! A bounded interpreter for the shell scripts that teaching material runs in containers
//! (`sh -c 'while true; do echo …; sleep 5; done'`): `syntax` parses, `interpreter` runs on a
//! virtual clock against a `Host` (the container's filesystem, log and network).

pub mod host;
pub mod interpreter;
pub mod syntax;

pub use host::{FileKind, FileOp, FsError, Host, MemoryHost, SharedWrite};
pub use interpreter::{Limits, Outcome, Run, is_command_flag, run, run_script};
pub use syntax::{SyntaxError, parse};

#[cfg(test)]
mod tests;
