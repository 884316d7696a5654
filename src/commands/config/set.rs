//! `config set KEY VALUE`: one key, after checking the value.

use clap::Args;

use crate::config::Key;
use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::Outcome;

#[derive(Debug, Args)]
pub struct SetArgs {
    /// The key, e.g. `format`
    #[arg(add = crate::complete::config_key(true))]
    pub key: String,
    /// Its new value
    #[arg(add = crate::complete::config_value())]
    pub value: String,
}

pub async fn run(ctx: &Ctx, args: SetArgs) -> CliResult<Outcome> {
    let parsed: Key = args.key.parse()?;
    ctx.update_config(|config| config.set(&parsed, &args.value))?;
    Ok(Outcome::message(format!(
        "Set {} to {}.",
        args.key, args.value
    )))
}
