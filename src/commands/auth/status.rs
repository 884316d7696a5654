//! `auth status`: every logged-in domain with its server, user, privileges, where the token is
//! kept, whether it is the default, and whether the token still works (all checked at once).

use clap::Args;
use futures_util::future::join_all;
use serde::Serialize;

use crate::context::Ctx;
use crate::credentials::TokenSource;
use crate::error::{CliError, CliResult, ExitClass};
use crate::output::{Cell, Column, Listing, Outcome, Tabular};
use rsupport_api::types::Privilege;

#[derive(Debug, Args)]
#[command(after_help = "\
Every domain's token is checked with the server at once. The exit code is 0 when every token
works, else that of the first failure (4 for a refused token, 6 for an unreachable server).

Examples:
  rsupport auth status
  rsupport auth status --json --jq '.[] | select(.tokenWorks | not) | .domain'")]
pub struct StatusArgs {}

/// One domain as `auth status` shows it (JSON field names in camelCase).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DomainStatus {
    pub domain: String,
    /// Whether it is the default domain (or the one selected by --domain / RSUPPORT_DOMAIN).
    pub active: bool,
    pub endpoint: String,
    /// The user of the token, as the server says (else as recorded at login).
    pub user: Option<String>,
    pub privileges: Vec<Privilege>,
    /// `env`, `keyring` or `file`; absent when no token could be read.
    pub token_source: Option<TokenSource>,
    pub token_works: bool,
    /// What is wrong, when the token does not work.
    pub problem: Option<String>,
}

impl Tabular for DomainStatus {
    fn columns() -> &'static [Column] {
        const COLUMNS: &[Column] = &[
            Column::new("DOMAIN", "domain"),
            Column::new("ACTIVE", "active"),
            Column::new("ENDPOINT", "endpoint"),
            Column::new("USER", "user"),
            Column::new("PRIVILEGES", "privileges"),
            Column::new("TOKEN", "tokenSource"),
            Column::new("STATUS", "tokenWorks"),
        ];
        COLUMNS
    }

    fn cells(&self) -> Vec<Cell> {
        let privileges: Vec<String> = self.privileges.iter().map(|p| p.to_string()).collect();
        vec![
            Cell::text(&self.domain),
            Cell::text(if self.active { "*" } else { "" }),
            Cell::text(&self.endpoint),
            Cell::opt_text(self.user.clone()),
            Cell::list(&privileges),
            Cell::opt_text(self.token_source.map(|s| s.describe())),
            Cell::text(match (&self.problem, self.token_works) {
                (_, true) => "ok".to_string(),
                (Some(problem), false) => problem.clone(),
                (None, false) => "does not work".to_string(),
            }),
        ]
    }

    fn csv_fields() -> Vec<&'static str> {
        vec![
            "domain",
            "active",
            "endpoint",
            "user",
            "privileges",
            "tokenSource",
            "tokenWorks",
            "problem",
        ]
    }
}

pub async fn run(ctx: &Ctx, _args: StatusArgs) -> CliResult<Outcome> {
    let config = ctx.config()?;
    let mut domains = config.domain_names();
    let selected = ctx.selected_domain()?;
    if let Some(selected) = &selected
        && ctx.env_token()?.is_some()
        && !domains.contains(selected)
    {
        domains.push(selected.clone());
    }
    if domains.is_empty() {
        return match ctx.env_token()? {
            Some(_) => env_token_status(ctx).await,
            None => Err(CliError::auth("no domain is logged in")
                .hint("log in first: rsupport auth login --domain DOMAIN")),
        };
    }

    let checks = domains.iter().map(|domain| {
        let selected = selected.clone();
        let recorded_user = config.domains.get(domain).and_then(|d| d.user.clone());
        async move {
            // the endpoint shown even when its token is refused for it
            let endpoint = ctx.endpoint_for(Some(domain))?;
            let mut status = DomainStatus {
                domain: domain.clone(),
                active: selected.as_deref() == Some(domain.as_str()),
                endpoint: endpoint.clone(),
                user: recorded_user,
                privileges: Vec::new(),
                token_source: None,
                token_works: false,
                problem: None,
            };
            // a stored token is checked only with the server it is bound to
            let found = match ctx.credentials_for_async(domain).await {
                Ok(found) => found,
                Err(error) => {
                    status.problem = Some(error.messages().join(": "));
                    return Ok::<_, CliError>((status, Some(error)));
                }
            };
            status.token_source = Some(found.source);
            let client = ctx.client_of(domain, found)?;
            match client.whoami().await {
                Ok(me) if me.domain.as_deref() == Some(domain.as_str()) => {
                    status.user = Some(me.email);
                    status.privileges = me.privileges;
                    status.token_works = true;
                    Ok((status, None))
                }
                Ok(me) => {
                    let message = format!(
                        "the token belongs to {} of {}",
                        me.email,
                        me.domain.as_deref().unwrap_or("no reseller domain")
                    );
                    status.problem = Some(message.clone());
                    Ok((status, Some(CliError::auth(message))))
                }
                Err(error) => {
                    status.problem = Some(match error.reason() {
                        Some(reason) => format!("refused: {reason}"),
                        None => match ExitClass::of_client_error(&error) {
                            ExitClass::Unreachable => "server unreachable".to_string(),
                            _ => error.to_string(),
                        },
                    });
                    Ok((status, Some(CliError::from(error))))
                }
            }
        }
    });
    let mut listing = Listing::new::<DomainStatus>();
    let mut failures = Vec::new();
    for result in join_all(checks).await {
        let (status, failure) = result?;
        listing.push(&status);
        if let Some(failure) = failure {
            failures.push((status.domain, failure));
        }
    }
    ctx.out().list(&listing)?;
    match failures.into_iter().next() {
        None => Ok(Outcome::Done),
        Some((domain, error)) => Err(error.context(format!("the token of {domain} does not work"))),
    }
}

/// `RSUPPORT_TOKEN` alone (CI): who it belongs to, at the selected endpoint.
async fn env_token_status(ctx: &Ctx) -> CliResult<Outcome> {
    let endpoint = ctx.endpoint_for(None)?;
    let client = ctx.client_with(endpoint.clone(), ctx.env_token()?, None)?;
    let mut status = DomainStatus {
        domain: String::new(),
        active: true,
        endpoint,
        user: None,
        privileges: Vec::new(),
        token_source: Some(TokenSource::Env),
        token_works: false,
        problem: None,
    };
    let result = client.whoami().await;
    if let Ok(me) = &result {
        status.domain = me.domain.clone().unwrap_or_default();
        status.user = Some(me.email.clone());
        status.privileges = me.privileges.clone();
        status.token_works = true;
    }
    if let Err(error) = &result {
        status.problem = Some(error.to_string());
    }
    ctx.out().list(&Listing::of(&[status]))?;
    match result {
        Ok(_) => Ok(Outcome::Done),
        Err(error) => {
            Err(CliError::from(error).context("the token in RSUPPORT_TOKEN does not work"))
        }
    }
}
