//! Shared set-up of the integration tests: a real server on a loopback port with its own SQLite
//! file, and an isolated environment for the real `rsupport` binary.
#![allow(dead_code)]

pub mod env;
pub mod server;
