//! Text to send: from a flag, a file, stdin or the editor.

use std::io::Read;
use std::path::Path;

use crate::context::Ctx;
use crate::error::{CliError, CliResult};

/// The text of `--X TEXT` or `--X-file F` (`-` reads stdin); `None` when neither was given.
pub fn read_text(
    text: Option<String>,
    file: Option<&Path>,
    file_flag: &str,
) -> CliResult<Option<String>> {
    if let Some(text) = text {
        return Ok(Some(text));
    }
    let Some(path) = file else {
        return Ok(None);
    };
    let content = if path == Path::new("-") {
        let mut buf = String::new();
        std::io::stdin().read_to_string(&mut buf).map_err(|e| {
            CliError::usage(format!(
                "cannot read {file_flag} - from stdin as UTF-8 text: {e}"
            ))
        })?;
        buf
    } else {
        std::fs::read_to_string(path).map_err(|e| {
            CliError::usage(format!("cannot read {file_flag} '{}': {e}", path.display()))
                .hint("pass a readable UTF-8 text file, or - to read stdin")
        })?
    };
    Ok(Some(content))
}

/// Text to send must not be blank.
pub fn non_blank(text: String, flag: &str) -> CliResult<String> {
    if text.trim().is_empty() {
        Err(CliError::usage(format!(
            "{flag} is empty: nothing was sent"
        )))
    } else {
        Ok(text)
    }
}

/// Opens the editor for a message on a terminal; lines starting with `#` are instructions
/// and are removed.
pub fn edit_text(ctx: &Ctx, instructions: &str, flag: &str) -> CliResult<String> {
    let initial = format!(
        "\n{}",
        instructions
            .lines()
            .map(|l| format!("# {l}\n"))
            .collect::<String>()
    );
    let edited = ctx
        .prompt()
        .editor(&initial, ".md", flag)?
        .unwrap_or_default();
    let text: String = edited
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    let text = text.trim().to_string();
    if text.is_empty() {
        return Err(CliError::usage(
            "the editor was closed without text: nothing was sent",
        ));
    }
    Ok(text)
}
