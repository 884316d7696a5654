//! `auth login`: checks a token with `GET /v1/whoami`, then stores it for the domain — in the
//! OS keyring, or in a 0600 file only with `--insecure-storage` (after a warning).

use std::io::Read;

use clap::Args;
use serde_json::json;

use crate::client::{Token, TokenError};
use crate::config::DomainConfig;
use crate::context::{Ctx, credential_error};
use crate::credentials::{CredentialError, Storage, TOKEN_ENV};
use crate::error::{CliError, CliResult, ExitClass, ResultExt};
use crate::output::Outcome;
use rsupport_api::types::Role;

#[derive(Debug, Args)]
#[command(after_help = "\
The domain is --domain (or RSUPPORT_DOMAIN); the server is --endpoint (or RSUPPORT_ENDPOINT),
else the one the domain used before, else http://127.0.0.1:8765. The token is checked with the
server before anything is stored, and must belong to a user of that domain. The stored token is
then sent to that server only: logging in again with --endpoint is how a domain moves.

Examples:
  rsupport auth login --domain reseller.example.com
  echo \"$TOKEN\" | rsupport auth login --domain reseller.example.com --with-token
  rsupport auth login --domain reseller.example.com --endpoint https://support.example.net
  rsupport auth login --domain reseller.example.com --with-token --insecure-storage < token.txt")]
pub struct LoginArgs {
    /// Read the token from stdin instead of prompting for it
    #[arg(long)]
    pub with_token: bool,
    /// Keep the token in a plain-text file (mode 0600) in the config dir instead of the OS
    /// keyring, for machines without one
    #[arg(long)]
    pub insecure_storage: bool,
}

pub async fn run(ctx: &Ctx, args: LoginArgs) -> CliResult<Outcome> {
    let domain = match &ctx.options().domain {
        Some(domain) => domain.clone(),
        None if ctx.prompt().allowed() => {
            let answer = ctx.prompt().input("Reseller domain", None, "--domain")?;
            crate::config::validate_domain(&answer)?
        }
        None => return Err(ctx.prompt().missing("--domain", "the reseller domain")),
    };
    let token = read_token(ctx, &args, &domain)?;
    let endpoint = ctx.endpoint_for(Some(&domain))?;

    let client = ctx.client_with(endpoint.clone(), Some(token.clone()), Some(domain.clone()))?;
    let me = client
        .whoami()
        .await
        .context_cli(format!("cannot check the token of {domain} with the server at {endpoint}"))
        .map_err(|e| {
            if e.api_error().is_some() {
                // not "log in again": that is what failed
                e.only_hint(format!(
                    "check that the token is for {domain} and still valid; a reseller admin can issue a new one"
                ))
            } else {
                e
            }
        })?;
    match (&me.role, &me.domain) {
        (Role::Reseller, Some(token_domain)) if token_domain == &domain => {}
        (Role::Reseller, Some(token_domain)) => {
            return Err(CliError::auth(format!(
                "the token belongs to {} of domain {token_domain}, not to {domain}",
                me.email
            ))
            // not "run auth login": the token is fine, the domain was not
            .hint(format!(
                "pass --domain {token_domain} with this token, or ask a reseller admin of {domain} for a token of {domain}"
            )));
        }
        _ => {
            return Err(CliError::auth(format!(
                "the token belongs to the support agent {}, not to a user of {domain}",
                me.email
            ))
            .hint("log in with a reseller user's token"));
        }
    }

    let storage = if args.insecure_storage {
        Storage::File
    } else {
        Storage::Keyring
    };
    let secrets = ctx.secrets();
    if storage == Storage::File {
        ctx.out().warn(&format!(
            "the token of {domain} will be kept in plain text in {} (mode 0600); anyone who can read that file can act as {}",
            secrets.file_path(&domain).display(),
            me.email
        ));
    }
    secrets
        .store(&domain, storage, &token)
        .map_err(|e| storage_error(e, &domain))?;

    let previous = ctx.domain_config(&domain)?;
    // the token now lives in one place only
    match (previous.as_ref().map(|p| p.storage), storage) {
        (Some(Storage::Keyring), Storage::File) => {
            let _ = secrets.keyring_delete(&domain);
        }
        (_, Storage::Keyring) => {
            let _ = secrets.file_delete(&domain);
        }
        _ => {}
    }
    ctx.update_config(|config| {
        config.domains.insert(
            domain.clone(),
            DomainConfig {
                // always, the default one too: the token is bound to the server it was checked with
                endpoint: Some(endpoint.clone()),
                storage,
                user: Some(me.email.clone()),
            },
        );
        Ok(())
    })?;

    let config = ctx.config()?;
    let mut text = format!(
        "Logged in to {domain} as {} (token kept in the {}).",
        me.email,
        match storage {
            Storage::Keyring => "OS keyring",
            Storage::File => "plain-text file",
        }
    );
    if config.default_domain.is_none() && config.domains.len() > 1 {
        text.push_str(&format!(
            "\nSeveral domains are logged in: pass --domain, or pick a default with `rsupport auth switch {domain}`."
        ));
    }
    Ok(Outcome::Message {
        text,
        json: Some(json!({
            "domain": domain,
            "user": me.email,
            "endpoint": endpoint,
            "storage": storage,
            "privileges": me.privileges,
        })),
    })
}

/// A token that could not be stored. The hints say what to add to this very command, not to
/// run `auth login` (which is what failed).
fn storage_error(error: CredentialError, domain: &str) -> CliError {
    match error {
        CredentialError::NoKeyring { .. } => {
            CliError::from(anyhow::Error::from(error).context(format!(
                "cannot use the OS keyring for {domain}"
            )))
            .with_class(ExitClass::Auth)
            .hint("add --insecure-storage to keep the token in a plain-text file (mode 0600) in the config dir")
            .hint(format!(
                "or, for scripts and CI, skip the login: pass the token in the environment, {TOKEN_ENV}=… rsupport …"
            ))
        }
        other => credential_error(other, domain),
    }
}

fn read_token(ctx: &Ctx, args: &LoginArgs, domain: &str) -> CliResult<Token> {
    let text = if args.with_token {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| CliError::usage(format!("cannot read the token from stdin: {e}")))?;
        text
    } else if ctx.prompt().allowed() {
        ctx.prompt()
            .password(&format!("Token for {domain}"), "--with-token")?
    } else {
        return Err(CliError::usage(format!(
            "no token for {domain}: pass it on stdin with --with-token (there is no terminal to prompt on)"
        ))
        .hint(format!(
            "echo \"$TOKEN\" | rsupport auth login --domain {domain} --with-token"
        )));
    };
    Token::new(&text).map_err(|error| match error {
        TokenError::Empty => CliError::usage(if args.with_token {
            "the token is empty: stdin held nothing but blanks"
        } else {
            "the token is empty"
        })
        .hint(if args.with_token {
            "check that the file or variable given on stdin holds the token, e.g. `< token.txt` or `<<< \"$TOKEN\"`"
        } else {
            "paste the token the reseller admin issued for you"
        }),
        TokenError::Malformed { .. } => CliError::usage(format!(
            "the token {} is malformed: {error}",
            if args.with_token {
                "read from stdin"
            } else {
                "you entered"
            }
        ))
        .hint("give the token alone, exactly as it was issued: one line of visible characters"),
    })
}
