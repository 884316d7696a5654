//! `auth switch`: sets the default domain.

use clap::Args;
use serde_json::json;

use crate::config::Key;
use crate::context::Ctx;
use crate::error::{CliError, CliResult};
use crate::output::Outcome;

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  rsupport auth switch other.example.com
  rsupport auth switch              # pick from the logged-in domains")]
pub struct SwitchArgs {
    /// The domain to make the default
    #[arg(value_name = "DOMAIN", add = crate::complete::domain(), value_parser = |v: &str| crate::config::validate_domain(v).map_err(|e| e.0))]
    pub domain: Option<String>,
}

pub async fn run(ctx: &Ctx, args: SwitchArgs) -> CliResult<Outcome> {
    let config = ctx.config()?;
    let names = config.domain_names();
    let domain = match args.domain {
        Some(domain) => domain,
        None => {
            if names.is_empty() {
                return Err(CliError::auth("no domain is logged in")
                    .hint("log in first: rsupport auth login --domain DOMAIN"));
            }
            if !ctx.prompt().allowed() {
                return Err(ctx
                    .prompt()
                    .missing("the DOMAIN argument", "the domain")
                    .hint(format!("logged-in domains: {}", names.join(", "))));
            }
            let current = config
                .default_domain
                .as_ref()
                .and_then(|d| names.iter().position(|n| n == d))
                .unwrap_or(0);
            let picked = ctx
                .prompt()
                .select("Default domain", &names, current, "DOMAIN")?;
            names[picked].clone()
        }
    };
    ctx.update_config(|config| config.set(&Key::DefaultDomain, &domain))?;
    Ok(Outcome::Message {
        text: format!("The default domain is now {domain}."),
        json: Some(json!({ "defaultDomain": domain })),
    })
}
