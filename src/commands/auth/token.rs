//! `auth token`: prints the token of the selected domain, for scripts.

use clap::Args;

use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::Outcome;

#[derive(Debug, Args)]
#[command(after_help = "\
The token is printed alone on stdout; keep it out of logs.

Examples:
  rsupport auth token --domain reseller.example.com
  RSUPPORT_TOKEN=$(rsupport auth token) ./ci-script.sh")]
pub struct TokenArgs {}

pub async fn run(ctx: &Ctx, _args: TokenArgs) -> CliResult<Outcome> {
    let domain = ctx.domain()?;
    let (token, _source) = ctx.token_for(&domain)?;
    Ok(Outcome::Raw(format!("{}\n", token.expose())))
}
