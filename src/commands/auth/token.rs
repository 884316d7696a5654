//! `auth token`: prints the token of the selected domain, for scripts.

use clap::Args;

use crate::config::Provider;
use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::Outcome;

#[derive(Debug, Args)]
#[command(after_help = "\
The token is printed alone on stdout; keep it out of logs. For a Google Cloud domain it is
an OAuth2 access token of its credential (short-lived), never the key or refresh token.

Examples:
  rsupport auth token --domain reseller.example.com
  RSUPPORT_TOKEN=$(rsupport auth token) ./ci-script.sh")]
pub struct TokenArgs {}

pub async fn run(ctx: &Ctx, _args: TokenArgs) -> CliResult<Outcome> {
    let domain = ctx.domain()?;
    if ctx
        .domain_config(&domain)?
        .is_some_and(|d| d.provider == Provider::Google)
    {
        let token = ctx.client_for(&domain)?.access_token().await?;
        return Ok(Outcome::Raw(format!("{}\n", token.expose())));
    }
    let (token, _source) = ctx.token_for(&domain)?;
    Ok(Outcome::Raw(format!("{}\n", token.expose())))
}
