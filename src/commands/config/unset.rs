//! `config unset KEY`: removes a key's value (a saved filter, a default).

use clap::Args;

use crate::config::Key;
use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::Outcome;

#[derive(Debug, Args)]
pub struct UnsetArgs {
    /// The key, e.g. `time_zone` or `filters.urgent`
    #[arg(add = crate::complete::config_key(false))]
    pub key: String,
}

pub async fn run(ctx: &Ctx, args: UnsetArgs) -> CliResult<Outcome> {
    let parsed: Key = args.key.parse()?;
    ctx.update_config(|config| config.unset(&parsed))?;
    Ok(Outcome::message(format!("Removed {}.", args.key)))
}
