//! `config list|get|set|unset`: the settings kept in `config.toml`.

use clap::{Args, Subcommand};

use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::Outcome;

pub mod get;
pub mod list;
pub mod set;
pub mod unset;

#[derive(Debug, Args)]
#[command(after_help = "\
Keys:
  default_domain             the domain used when --domain and RSUPPORT_DOMAIN are not given
  format                     output format when none is asked for: table, json, csv or tsv
  language                   language of new cases, a BCP 47 tag such as en-US
  time_zone                  time zone of new cases, an IANA name such as Europe/Rome
  domains.<DOMAIN>.endpoint  the server the domain was logged in with, the only one its token
                             is sent to (read-only: set by auth login --endpoint)
  domains.<DOMAIN>.storage   where the domain's token is kept (read-only: set by auth login)
  filters.<NAME>             a saved case list filter (set by case list --save NAME, used by
                             case list --filter NAME; config unset removes it)

Examples:
  rsupport config set time_zone Europe/Rome
  rsupport config get format
  rsupport config list
  rsupport config unset filters.urgent")]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub command: ConfigCommand,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Show every key that has a value
    #[command(after_help = "Examples:\n  rsupport config list\n  rsupport config list --json")]
    List,
    /// Print one key's value (nothing when unset)
    #[command(after_help = "Examples:\n  rsupport config get default_domain")]
    Get(get::GetArgs),
    /// Set one key, after checking the value
    #[command(
        after_help = "Examples:\n  rsupport config set format json\n  rsupport config set language it-IT"
    )]
    Set(set::SetArgs),
    /// Remove one key's value (a saved filter, a default)
    #[command(
        after_help = "Examples:\n  rsupport config unset filters.urgent\n  rsupport config unset time_zone"
    )]
    Unset(unset::UnsetArgs),
}

pub async fn run(ctx: &Ctx, args: ConfigArgs) -> CliResult<Outcome> {
    match args.command {
        ConfigCommand::List => list::run(ctx).await,
        ConfigCommand::Get(args) => get::run(ctx, args).await,
        ConfigCommand::Set(args) => set::run(ctx, args).await,
        ConfigCommand::Unset(args) => unset::run(ctx, args).await,
    }
}
