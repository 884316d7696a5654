//! `customer list` and `customer view`: the customers of the domain, their plan and whether
//! they granted access.

use clap::{Args, Subcommand};

use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::Outcome;

pub mod list;
mod shared;
pub mod view;

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  rsupport customer list --search acme\n  rsupport customer view acme"
)]
pub struct CustomerArgs {
    #[command(subcommand)]
    pub command: CustomerCommand,
}

#[derive(Debug, Subcommand)]
pub enum CustomerCommand {
    /// List the customers of the domain (plan, access granted or not)
    #[command(after_help = "\
Examples:
  rsupport customer list
  rsupport customer list --search acme --json
  rsupport customer list --all-domains

With --all-domains every logged-in domain is asked at once and a DOMAIN column (JSON field
`domain`) is added. A domain that fails is reported on stderr and the others are still shown;
the exit code is non-zero only when every domain fails.")]
    List(list::ListArgs),
    /// Show one customer with its contact details
    #[command(
        after_help = "Examples:\n  rsupport customer view acme\n  rsupport customer view acme --json"
    )]
    View(view::ViewArgs),
}

pub async fn run(ctx: &Ctx, args: CustomerArgs) -> CliResult<Outcome> {
    match args.command {
        CustomerCommand::List(args) => list::run(ctx, args).await,
        CustomerCommand::View(args) => view::run(ctx, args).await,
    }
}
