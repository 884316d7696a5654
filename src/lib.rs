//! rsupport: a client and a reference server for reseller support cases.
//!
//! Nothing outside `output`, `prompt` and the binaries' entry points prints: commands return
//! values and the output module renders them.
#![deny(clippy::print_stdout, clippy::print_stderr)]

/// The wire contract shared by client and server (types, errors) and the HTTP client.
pub mod api;
/// The clap command line and its dispatch.
pub mod cli;
/// One module per command group.
pub mod commands;
/// The TOML settings file.
pub mod config;
/// `Ctx`: selection of domain, endpoint and token; the lazily built API client.
pub mod context;
/// Tokens: environment, OS keyring (bounded by a timeout), opt-in file.
pub mod credentials;
/// Exit-code classes and `Error:` / `Caused by:` / `Hint:` printing.
pub mod error;
/// Tables, TSV, JSON, CSV, jq; terminal-safe text.
pub mod output;
/// The personal-data scan run before text is sent to support.
pub mod pii;
/// When prompting is allowed, and the prompts.
pub mod prompt;
pub mod server;
