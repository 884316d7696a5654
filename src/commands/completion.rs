//! `completion SHELL`: the shell completion script, generated from the command tree. Needs no
//! token, keyring or network.

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
  rsupport completion fish > ~/.config/fish/completions/rsupport.fish")]
pub struct CompletionArgs {
    /// The shell: bash, zsh, fish, powershell or elvish
    #[arg(value_enum)]
    pub shell: Shell,
}

/// The script for `shell`, generated from `command` (the whole command tree, which `cli`
/// hands in: this module does not reach back up for it).
pub fn script(shell: Shell, mut command: clap::Command) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "rsupport", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The file name under `completions/` for each shell.
pub fn file_name(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => "rsupport.bash",
        Shell::Zsh => "_rsupport",
        Shell::Fish => "rsupport.fish",
        Shell::PowerShell => "_rsupport.ps1",
        Shell::Elvish => "rsupport.elv",
        _ => "rsupport.completion",
    }
}

pub async fn run(_ctx: &Ctx, args: CompletionArgs, command: clap::Command) -> CliResult<Outcome> {
    Ok(Outcome::Raw(script(args.shell, command)))
}
