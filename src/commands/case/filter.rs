//! `rsupport case filter KEYWORDS…`: the portal's Filter, keywords plus the filters of
//! `case list`.

use clap::Args;

use super::shared::{CaseFilters, list};
use crate::context::Ctx;
use crate::error::{CliError, CliResult};
use crate::output::Outcome;

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  rsupport case filter bounce
  rsupport case filter 'outlook.com' bounce --state all --severity P1,P2
  rsupport case filter calendar --customer acme --json")]
pub struct FilterArgs {
    /// Keywords searched in title, description and messages (every keyword must match)
    #[arg(required = true, value_name = "KEYWORD")]
    pub keywords: Vec<String>,
    #[command(flatten)]
    pub filters: CaseFilters,
}

pub async fn run(ctx: &Ctx, args: FilterArgs) -> CliResult<Outcome> {
    let keywords = args.keywords.join(" ");
    if keywords.trim().is_empty() {
        return Err(CliError::usage("case filter needs at least one keyword"));
    }
    super::shared::check_keywords("case filter keywords", &keywords)?;
    list(ctx, Some(keywords), args.filters).await
}
