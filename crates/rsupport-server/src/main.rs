//! rsupport-server: parse the command line, run, map an error to exit status 1.
#![allow(clippy::print_stderr, reason = "the entry point reports a fatal error")]

use clap::Parser as _;

fn main() -> std::process::ExitCode {
    rsupport_server::store::sqlite::no_memory_statistics();
    let cli = rsupport_server::cli::Cli::parse();
    match rsupport_server::cli::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Error: {e}");
            for cause in e.chain().skip(1) {
                eprintln!("Caused by: {cause}");
            }
            std::process::ExitCode::FAILURE
        }
    }
}
