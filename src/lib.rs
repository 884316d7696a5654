//! rsupport: a client and a reference server for reseller support cases.
//!
//! Nothing outside `output`, `prompt` and the binaries' entry points prints: commands return
//! values and the output module renders them.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod api;
pub mod commands;
pub mod pii;
