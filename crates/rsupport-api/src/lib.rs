//! The wire contract of the rsupport support-case API, shared by the `rsupport` client and
//! `rsupport-server`: request and response types ([`types`]), the one error shape and its
//! stable reasons ([`error`]), and the enums whose wire strings are written once
//! ([`wire_enum!`]).
//!
//! Nothing here knows HTTP, a terminal or a database. The OpenAPI derives (utoipa) are behind
//! the `openapi` feature, which only the server turns on.

pub mod error;
pub mod text;
pub mod types;
mod wire_enum;

/// Where the client looks for a server when nothing else is configured: the address that
/// `rsupport-server dev` listens on by default.
pub const DEFAULT_ENDPOINT: &str = "http://127.0.0.1:8765";
/// The default listen address of `rsupport-server dev` and `serve`.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8765";

/// What [`wire_enum!`] expands to needs serde (and utoipa) under a path that works in any crate.
#[doc(hidden)]
pub mod __private {
    pub use serde;
    #[cfg(feature = "openapi")]
    pub use utoipa;
}
