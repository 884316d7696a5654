//! `case template show NAME`: one template's fields, as `case create` reads them.

use clap::Args;

use crate::commands::case::shared::read_named;
use crate::context::Ctx;
use crate::error::{CliError, CliResult};
use crate::output::{Cell, Outcome, Record};

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  rsupport case template show bounce\n  rsupport case template show bounce --json"
)]
pub struct ShowArgs {
    /// The template's name (its file is templates/NAME.toml in the config dir)
    #[arg(add = crate::complete::template_name())]
    pub name: String,
}

pub async fn run(ctx: &Ctx, args: ShowArgs) -> CliResult<Outcome> {
    let loaded = read_named(ctx.config_dir(), &args.name)?;
    let mut json = serde_json::json!({ "name": args.name });
    let fields_json = serde_json::to_value(&loaded.template)
        .map_err(|e| CliError::failure(format!("cannot show {}: {e}", loaded.origin)))?;
    let mut fields = vec![("name".to_string(), Cell::text(args.name.clone()))];
    if let (serde_json::Value::Object(all), serde_json::Value::Object(map)) =
        (&mut json, fields_json)
    {
        for (key, value) in map {
            let cell = match &value {
                serde_json::Value::String(text) => Cell::text(text.clone()),
                serde_json::Value::Array(items) => Cell::list(
                    &items
                        .iter()
                        .map(|i| i.as_str().unwrap_or_default().to_string())
                        .collect::<Vec<_>>(),
                ),
                other => Cell::text(other.to_string()),
            };
            fields.push((key.clone(), cell));
            all.insert(key, value);
        }
    }
    Ok(Outcome::Record(Record::from_fields(fields, json)))
}
