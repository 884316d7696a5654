//! `rsupport case template list|show`: the named templates of `case create --template NAME`
//! (`templates/NAME.toml` in the config dir).

use clap::{Args, Subcommand};

use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::Outcome;

pub mod list;
pub mod show;

#[derive(Debug, Args)]
#[command(after_help = "\
A template is a TOML file of `case create` fields in the config dir, e.g.
~/.config/rsupport/templates/bounce.toml (RSUPPORT_CONFIG_DIR relocates it):

  customer = \"acme\"
  category = \"gmail-delivery\"
  severity = \"P2\"
  description_file = \"bounce.md\"      # relative to the templates folder
  share = [\"it-team@acme.example\"]

Examples:
  rsupport case template list
  rsupport case template show bounce
  rsupport case create --template bounce --title 'Bounces to example.org'")]
pub struct TemplateArgs {
    #[command(subcommand)]
    pub command: TemplateCommand,
}

#[derive(Debug, Subcommand)]
pub enum TemplateCommand {
    /// List the templates: name, customer, title, severity
    #[command(
        after_help = "Examples:\n  rsupport case template list\n  rsupport case template list --json --jq '.[].name'"
    )]
    List,
    /// Show one template's fields
    Show(show::ShowArgs),
}

pub async fn run(ctx: &Ctx, args: TemplateArgs) -> CliResult<Outcome> {
    match args.command {
        TemplateCommand::List => list::run(ctx).await,
        TemplateCommand::Show(args) => show::run(ctx, args).await,
    }
}
