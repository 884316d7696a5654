//! The wire contract shared by the client and the server.
pub mod client;
pub mod error;
pub mod types;

/// Where the client looks for a server when nothing else is configured: the address that
/// `rsupport-server dev` listens on by default.
pub const DEFAULT_ENDPOINT: &str = "http://127.0.0.1:8765";
/// The default listen address of `rsupport-server dev` and `serve`.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8765";
