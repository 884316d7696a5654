//! `auth logout`: forgets a domain's token (from the keyring or the file) and its settings.

use clap::Args;
use serde_json::json;

use crate::context::{Ctx, credential_error};
use crate::error::{CliError, CliResult};
use crate::output::Outcome;

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  rsupport auth logout --domain reseller.example.com
  rsupport auth logout --all")]
pub struct LogoutArgs {
    /// Log out of every domain
    #[arg(long, conflicts_with = "domain")]
    pub all: bool,
}

pub async fn run(ctx: &Ctx, args: LogoutArgs) -> CliResult<Outcome> {
    let config = ctx.config()?;
    let domains = if args.all {
        config.domain_names()
    } else {
        let domain = ctx.domain()?;
        if !config.domains.contains_key(&domain) {
            let known = config.domain_names();
            let err = CliError::not_found(format!("domain '{domain}' is not logged in"));
            return Err(if known.is_empty() {
                err.hint("no domain is logged in")
            } else {
                err.hint(format!("logged-in domains: {}", known.join(", ")))
            });
        }
        vec![domain]
    };
    if domains.is_empty() {
        return Ok(Outcome::message("No domain is logged in."));
    }
    let secrets = ctx.secrets();
    for domain in &domains {
        let storage = config.domains[domain].storage;
        secrets
            .remove(domain, storage)
            .map_err(|e| credential_error(e, domain))?;
        ctx.update_config(|config| {
            config.domains.remove(domain);
            if config.default_domain.as_deref() == Some(domain) {
                config.default_domain = None;
            }
            Ok(())
        })?;
    }
    Ok(Outcome::Message {
        text: format!("Logged out of {}.", domains.join(", ")),
        json: Some(json!({ "loggedOut": domains })),
    })
}
