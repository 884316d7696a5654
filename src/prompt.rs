//! The one rule for prompting: only when stdin and stdout are terminals and neither
//! `--no-input` nor `RSUPPORT_NO_INPUT` is set. Otherwise a missing value is an error that
//! names the flag to pass (exit 2). Prompts are drawn on stderr (dialoguer's default).

use std::io::IsTerminal;

use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};

use crate::error::{CliError, CliResult};

/// Asks the user for what a command is missing, or says which flag to pass.
#[derive(Debug, Clone)]
pub struct Prompter {
    /// Why prompting is off, `None` when it is allowed.
    off_because: Option<&'static str>,
    /// Coloured prompts (off with `--color never` or `NO_COLOR`).
    color: bool,
}

impl Prompter {
    /// Prompting allowed only when `no_input` is false and stdin and stdout are terminals.
    pub fn new(no_input: bool, color: bool) -> Prompter {
        let off_because = if no_input {
            Some("--no-input or RSUPPORT_NO_INPUT is set")
        } else if !std::io::stdin().is_terminal() {
            Some("stdin is not a terminal")
        } else if !std::io::stdout().is_terminal() {
            Some("stdout is not a terminal")
        } else {
            None
        };
        Prompter { off_because, color }
    }

    fn theme(&self) -> Box<dyn Theme> {
        if self.color {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        }
    }

    /// A prompter that never prompts (tests, scripts).
    pub fn disabled() -> Prompter {
        Prompter {
            off_because: Some("--no-input or RSUPPORT_NO_INPUT is set"),
            color: false,
        }
    }

    pub fn allowed(&self) -> bool {
        self.off_because.is_none()
    }

    /// The error for a value that is missing and cannot be prompted for: exit 2, naming the
    /// flag (e.g. `--title`) and why there was no prompt.
    pub fn missing(&self, flag: &str, what: &str) -> CliError {
        let why = self.off_because.unwrap_or("prompting is not possible here");
        CliError::usage(format!("{what} is missing: pass {flag} (no prompt: {why})"))
    }

    fn check(&self, flag: &str, what: &str) -> CliResult<()> {
        if self.allowed() {
            Ok(())
        } else {
            Err(self.missing(flag, what))
        }
    }

    /// A line of text; `flag` is named when prompting is off.
    pub fn input(&self, prompt: &str, default: Option<&str>, flag: &str) -> CliResult<String> {
        self.check(flag, prompt)?;
        let theme = self.theme();
        let mut input = dialoguer::Input::<String>::with_theme(&*theme).with_prompt(prompt);
        if let Some(default) = default {
            input = input.default(default.to_string());
        }
        input.interact_text().map_err(prompt_error)
    }

    /// A hidden line (a token).
    pub fn password(&self, prompt: &str, flag: &str) -> CliResult<String> {
        self.check(flag, prompt)?;
        dialoguer::Password::with_theme(&*self.theme())
            .with_prompt(prompt)
            .interact()
            .map_err(prompt_error)
    }

    /// Picks one of `items` (answers its index).
    pub fn select(
        &self,
        prompt: &str,
        items: &[String],
        default: usize,
        flag: &str,
    ) -> CliResult<usize> {
        self.check(flag, prompt)?;
        dialoguer::Select::with_theme(&*self.theme())
            .with_prompt(prompt)
            .items(items)
            .default(default.min(items.len().saturating_sub(1)))
            .interact()
            .map_err(prompt_error)
    }

    /// Picks one of `items`, filtering as the user types.
    pub fn fuzzy_select(&self, prompt: &str, items: &[String], flag: &str) -> CliResult<usize> {
        self.check(flag, prompt)?;
        dialoguer::FuzzySelect::with_theme(&*self.theme())
            .with_prompt(prompt)
            .items(items)
            .default(0)
            .interact()
            .map_err(prompt_error)
    }

    /// Yes or no; `flag` is the flag that answers yes without a prompt (e.g. `--allow-pii`).
    pub fn confirm(&self, prompt: &str, default: bool, flag: &str) -> CliResult<bool> {
        if !self.allowed() {
            let why = self.off_because.unwrap_or("prompting is not possible here");
            return Err(CliError::usage(format!(
                "{prompt} needs a confirmation: pass {flag} to go ahead (no prompt: {why})"
            )));
        }
        dialoguer::Confirm::with_theme(&*self.theme())
            .with_prompt(prompt)
            .default(default)
            .interact()
            .map_err(prompt_error)
    }

    /// Opens `$VISUAL`/`$EDITOR` on `initial`; `None` when the user saved nothing.
    pub fn editor(&self, initial: &str, extension: &str, flag: &str) -> CliResult<Option<String>> {
        self.check(flag, "the text")?;
        dialoguer::Editor::new()
            .extension(extension)
            .edit(initial)
            .map_err(prompt_error)
    }
}

fn prompt_error(error: dialoguer::Error) -> CliError {
    match error {
        dialoguer::Error::IO(e) if e.kind() == std::io::ErrorKind::Interrupted => {
            CliError::usage("cancelled")
        }
        dialoguer::Error::IO(e) => CliError::failure(format!("cannot prompt: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disabled_prompter_names_the_flag_and_exits_2() {
        let err = Prompter::disabled()
            .input("Title", None, "--title")
            .unwrap_err();
        assert_eq!(err.exit_code(), 2);
        let text = err.to_string();
        assert!(
            text.contains("--title") && text.contains("--no-input"),
            "{text}"
        );
    }

    #[test]
    fn disabled_confirmation_names_the_flag_that_goes_ahead() {
        let err = Prompter::disabled()
            .confirm(
                "Send text that looks like personal data",
                false,
                "--allow-pii",
            )
            .unwrap_err();
        assert!(err.to_string().contains("--allow-pii"), "{err}");
    }
}
