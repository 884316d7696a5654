//! What commands of several groups share: the rule of every `--all-domains` command.

use crate::context::Ctx;
use crate::credentials::TOKEN_ENV;
use crate::error::{CliError, CliResult};

/// The rule of every `--all-domains` command: ask every logged-in domain with its own stored
/// token; a domain that fails is a warning on stderr, and the command fails only when they all
/// do.
pub struct AllDomains {
    pub domains: Vec<String>,
    failures: Vec<CliError>,
}

impl AllDomains {
    /// Every logged-in domain; refused when `RSUPPORT_TOKEN` (one domain's token) is set.
    pub fn logged_in(ctx: &Ctx) -> CliResult<AllDomains> {
        if ctx.env_token()?.is_some() {
            return Err(CliError::usage(format!(
                "--all-domains uses the stored token of every domain, but {TOKEN_ENV} holds the token of one"
            ))
            .hint(format!("unset {TOKEN_ENV}, or list one domain with --domain")));
        }
        let domains = ctx.config()?.domain_names();
        if domains.is_empty() {
            return Err(CliError::auth("no domain is logged in")
                .hint("log in first: rsupport auth login --domain DOMAIN"));
        }
        Ok(AllDomains {
            domains,
            failures: Vec::new(),
        })
    }

    /// Reports a domain that failed and goes on with the others.
    pub fn failed(&mut self, ctx: &Ctx, domain: &str, error: CliError) {
        ctx.out()
            .warn(&format!("{domain}: {}", error.messages().join(": ")));
        self.failures.push(error);
    }

    /// The command's error when every domain failed.
    pub fn finish(mut self) -> CliResult<()> {
        if !self.domains.is_empty() && self.failures.len() == self.domains.len() {
            let first = self.failures.remove(0);
            return Err(first.context(format!(
                "every logged-in domain failed ({})",
                self.domains.join(", ")
            )));
        }
        Ok(())
    }
}
