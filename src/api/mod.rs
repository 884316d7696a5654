//! The wire contract shared by the client and the server.
pub mod error;
pub mod types;
