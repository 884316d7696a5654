//! The commands of the CLI, one folder or file per group.
pub mod case;
