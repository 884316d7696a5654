//! rsupport: the command-line client for reseller support cases (the server and the shared
//! wire types are the workspace crates `rsupport-server` and `rsupport-api`).
//!
//! Nothing outside `output`, `prompt` and the binaries' entry points prints: commands return
//! values and the output module renders them.
#![deny(clippy::print_stdout, clippy::print_stderr)]

/// The clap command line and its dispatch.
pub mod cli;
/// The HTTP client of the API: typed errors, no CLI knowledge.
pub mod client;
/// One module per command group.
pub mod commands;
/// Shell completion: registration scripts and the values offered at each TAB.
pub mod complete;
/// The TOML settings file.
pub mod config;
/// `Ctx`: selection of domain, endpoint and token; the lazily built API client.
pub mod context;
/// Tokens: environment, OS keyring (bounded by a timeout), opt-in file.
pub mod credentials;
/// Exit-code classes and `Error:` / `Caused by:` / `Hint:` printing.
pub mod error;
/// Tables, TSV, JSON, CSV, jq, progress bars: the only code that writes to stdout.
pub mod output;
/// The personal-data scan run before text is sent to support.
pub mod pii;
/// When prompting is allowed, and the prompts.
pub mod prompt;
/// Terminal-safe text (a leaf).
pub mod terminal;
