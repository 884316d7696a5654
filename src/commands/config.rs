//! `config list|get|set`: the settings kept in `config.toml`.

use clap::{Args, Subcommand};
use serde::Serialize;

use crate::config::{KEYS, Key};
use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::{Cell, Column, Listing, Outcome, Tabular};

#[derive(Debug, Args)]
#[command(after_help = "\
Keys:
  default_domain             the domain used when --domain and RSUPPORT_DOMAIN are not given
  format                     output format when none is asked for: table, json, csv or tsv
  language                   language of new cases, a BCP 47 tag such as en-US
  time_zone                  time zone of new cases, an IANA name such as Europe/Rome
  domains.<DOMAIN>.endpoint  the server of a logged-in domain
  domains.<DOMAIN>.storage   where the domain's token is kept (read-only: set by auth login)

Examples:
  rsupport config set time_zone Europe/Rome
  rsupport config get format
  rsupport config list")]
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
    Get {
        /// The key, e.g. `format` or `domains.reseller.example.com.endpoint`
        key: String,
    },
    /// Set one key, after checking the value
    #[command(
        after_help = "Examples:\n  rsupport config set format json\n  rsupport config set language it-IT"
    )]
    Set {
        /// The key, e.g. `format`
        key: String,
        /// Its new value
        value: String,
    },
}

/// One key and its value.
#[derive(Debug, Serialize)]
pub struct ConfigEntry {
    pub key: String,
    pub value: String,
}

impl Tabular for ConfigEntry {
    fn columns() -> &'static [Column] {
        const COLUMNS: &[Column] = &[Column::new("KEY", "key"), Column::new("VALUE", "value")];
        COLUMNS
    }

    fn cells(&self) -> Vec<Cell> {
        vec![Cell::text(&self.key), Cell::text(&self.value)]
    }
}

pub async fn run(ctx: &Ctx, args: ConfigArgs) -> CliResult<Outcome> {
    match args.command {
        ConfigCommand::List => {
            let entries: Vec<ConfigEntry> = ctx
                .config()?
                .entries()
                .into_iter()
                .map(|(key, value)| ConfigEntry { key, value })
                .collect();
            let known: Vec<&str> = KEYS.iter().map(|(k, _)| *k).collect();
            Ok(Outcome::List(Listing::of(&entries).empty_message(format!(
                "Nothing is set. Keys: {}.",
                known.join(", ")
            ))))
        }
        ConfigCommand::Get { key } => {
            let parsed: Key = key.parse()?;
            match ctx.config()?.get(&parsed)? {
                Some(value) => Ok(Outcome::Primary {
                    value,
                    record: None,
                }),
                None => Ok(Outcome::message(format!("{key} is not set."))),
            }
        }
        ConfigCommand::Set { key, value } => {
            let parsed: Key = key.parse()?;
            ctx.update_config(|config| config.set(&parsed, &value))?;
            Ok(Outcome::message(format!("Set {key} to {value}.")))
        }
    }
}
