//! The case commands (`rsupport case …`): one file per command.
pub mod create;
pub mod download;
