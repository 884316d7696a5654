//! `config get KEY`: one key's value (nothing when unset).

use clap::Args;

use crate::config::Key;
use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::Outcome;

#[derive(Debug, Args)]
pub struct GetArgs {
    /// The key, e.g. `format` or `domains.reseller.example.com.endpoint`
    #[arg(add = crate::complete::config_key(false))]
    pub key: String,
}

pub async fn run(ctx: &Ctx, args: GetArgs) -> CliResult<Outcome> {
    let parsed: Key = args.key.parse()?;
    match ctx.config()?.get(&parsed)? {
        Some(value) => Ok(Outcome::Primary {
            value,
            record: None,
        }),
        None => Ok(Outcome::message(format!("{} is not set.", args.key))),
    }
}
