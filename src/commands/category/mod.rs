//! `category search`: the category catalogue, searched by keywords.

use clap::Args;

use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::Outcome;

pub mod search;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  rsupport category search gmail delivery")]
pub struct CategoryArgs {
    #[command(subcommand)]
    pub command: CategoryCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum CategoryCommand {
    /// Search the category catalogue (every keyword must match)
    #[command(after_help = "\
Examples:
  rsupport category search gmail
  rsupport category search gmail delivery --json --jq '.[].id'
  rsupport category search            # the whole catalogue")]
    Search(search::SearchArgs),
}

pub async fn run(ctx: &Ctx, args: CategoryArgs) -> CliResult<Outcome> {
    match args.command {
        CategoryCommand::Search(args) => search::run(ctx, args).await,
    }
}
