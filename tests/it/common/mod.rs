//! Shared set-up of the client's tests: a real `rsupport-server` started in-process on a free
//! loopback port with its own SQLite file (`rsupport_server::testing`, re-exported here), an
//! isolated environment for the real `rsupport` binary ([`env`]), a reseller logged in to two
//! domains ([`reseller`]), and a scripted HTTP server that records what it receives ([`mock`]).

pub mod env;
pub mod mock;
pub mod reseller;

pub use rsupport_server::testing::*;
