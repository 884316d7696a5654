//! `completion SHELL`: the shell completion script. Needs no token, keyring or network.

use clap::Args;
use clap_complete::Shell;

use crate::context::Ctx;
use crate::error::CliResult;
use crate::output::Outcome;

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  rsupport completion bash > ~/.local/share/bash-completion/completions/rsupport
  rsupport completion zsh > \"${fpath[1]}/_rsupport\"
  rsupport completion fish > ~/.config/fish/completions/rsupport.fish
  echo 'source <(rsupport completion bash)' >> ~/.bashrc

At each TAB the script asks `rsupport` (found on the PATH) what fits: subcommands, flags, the
values of flags such as --severity, --state, --sort, --reason and --format, the domains of the
config, and the case and customer ids of the domain in use (from the server, cached for 60
seconds; a server that does not answer within 1.5 seconds completes nothing). Regenerate the
script after upgrading rsupport.")]
pub struct CompletionArgs {
    /// The shell: bash, zsh, fish, powershell or elvish
    #[arg(value_enum)]
    pub shell: Shell,
}

pub async fn run(_ctx: &Ctx, args: CompletionArgs) -> CliResult<Outcome> {
    Ok(Outcome::Raw(crate::complete::registration(args.shell)))
}
