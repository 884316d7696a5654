//! `rsupport`: parse the command line, run it on a current-thread runtime, exit with its code.
#![allow(clippy::print_stderr)] // the entry point reports a runtime that cannot start

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // a completion request from the shell (RSUPPORT_COMPLETE set) prints candidates and exits;
    // otherwise this only reads one variable
    clap_complete::CompleteEnv::with_factory(rsupport::cli::command)
        .var(rsupport::complete::ENV_VAR)
        .bin("rsupport")
        .completer("rsupport")
        .complete();
    // clap answers --help and --version (and usage errors, exit 2) before anything else runs
    let cli = rsupport::cli::Cli::parse();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("Error: cannot start the async runtime: {e}");
            return ExitCode::from(1);
        }
    };
    ExitCode::from(runtime.block_on(rsupport::cli::run(cli)))
}
