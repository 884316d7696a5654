//! `--dry-run` of every command that changes something: the flag, and what a dry run shows.
//!
//! A dry run does every check of the real command (here, then on the server with
//! `validateOnly`), changes nothing, and exits with the real command's code. What would
//! happen is a sentence on stderr ("would reopen case 42: …"); stdout stays empty, so a
//! script that captures a real run's id never captures one from a dry run. With `--json` (and
//! `--jq`) stdout gets `{"dryRun": true, "action": …, "message": …, <resource>: …}`: the
//! resource as the server says it would be.

use clap::Args;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::output::Outcome;

#[derive(Debug, Clone, Copy, Default, Args)]
pub struct DryRun {
    /// Check everything (here and on the server) and change nothing: say what would happen and
    /// exit with the code the real command would
    #[arg(long)]
    pub dry_run: bool,
}

/// What a dry run shows: `text` ("would …") on stderr; with `--json`, `{"dryRun": true,
/// "action": action, "message": text, key: value}` on stdout.
pub fn dry_run_outcome(action: &str, text: String, key: &str, value: &impl Serialize) -> Outcome {
    let mut json = Map::new();
    json.insert("dryRun".into(), Value::Bool(true));
    json.insert("action".into(), Value::String(action.into()));
    json.insert("message".into(), Value::String(text.clone()));
    json.insert(
        key.into(),
        serde_json::to_value(value).unwrap_or(Value::Null),
    );
    Outcome::Message {
        text,
        json: Some(Value::Object(json)),
    }
}

/// The end of every dry run's sentence.
pub const NOTHING_CHANGED: &str = "(dry run: nothing was changed)";
