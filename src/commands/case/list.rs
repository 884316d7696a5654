//! `rsupport case list`: "My cases", or one customer's cases. `--all` follows every page and
//! streams the output, so memory stays flat however many cases there are.

use clap::Args;

use super::shared::{CaseFilters, list};
use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::Outcome;

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  rsupport case list                                  # open cases of every customer
  rsupport case list --customer acme --state all
  rsupport case list --severity P1,P2 --sort severity
  rsupport case list --all --json > cases.json        # every case, streamed
  rsupport case list --all-domains                    # every logged-in domain
  rsupport case list --format csv --state closed --limit 100")]
pub struct ListArgs {
    /// Keywords searched in title, description and messages
    #[arg(long, value_name = "KEYWORDS")]
    pub search: Option<String>,
    #[command(flatten)]
    pub filters: CaseFilters,
}

pub async fn run(ctx: &Ctx, args: ListArgs) -> CliResult<Outcome> {
    let search = args.search.filter(|s| !s.trim().is_empty());
    list(ctx, search, args.filters).await
}
