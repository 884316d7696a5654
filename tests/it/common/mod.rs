//! Shared set-up of the client's tests: a real `rsupport-server` started in-process on a free
//! loopback port with its own SQLite file (`rsupport_server::testing`, re-exported here), an
//! isolated environment for the real `rsupport` binary ([`env`]), and a reseller logged in to
//! two domains ([`reseller`]).

pub mod env;
pub mod reseller;

pub use rsupport_server::testing::*;
