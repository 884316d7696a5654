//! Shared set-up of the server's tests: the in-process server of `rsupport_server::testing`
//! for almost everything, and the real `rsupport-server` process for what only a process can
//! show (its command line, its logs, SIGKILL and SIGTERM).

pub mod process;

pub use rsupport_server::testing::*;

/// stderr of a finished command as text.
pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
