//! `auth login`: checks a token with `GET /v1/whoami`, then stores it for the domain — in the
//! OS keyring, or in a 0600 file only with `--insecure-storage` (after a warning).

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::Args;
use serde_json::json;

use crate::client::google::Google;
use crate::client::google::auth::{GoogleAuth, GoogleSecret};
use crate::client::{Token, TokenError};
use crate::config::{CredentialKind, DomainConfig, Provider, validate_parent};
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

With --provider google the domain is a Google Cloud Support API v2 account (its endpoint
defaults to https://cloudsupport.googleapis.com) and its cases live under the parents given with
--parent. The credential is a service-account key (--credentials FILE, its token_uri honoured),
else an access token on stdin (--with-token), else Application Default Credentials
(GOOGLE_APPLICATION_CREDENTIALS, or the file `gcloud auth application-default login` writes).
It is checked with a one-case list under each parent before anything is stored; the key file's
content or the refresh token goes to the OS keyring, never into the config.

Examples:
  rsupport auth login --domain reseller.example.com
  echo \"$TOKEN\" | rsupport auth login --domain reseller.example.com --with-token
  rsupport auth login --domain reseller.example.com --endpoint https://support.example.net
  rsupport auth login --domain reseller.example.com --with-token --insecure-storage < token.txt
  rsupport auth login --provider google --domain cloud.example.com \\
      --parent organizations/123456789 --credentials sa-key.json
  gcloud auth print-access-token | rsupport auth login --provider google \\
      --domain cloud.example.com --parent projects/my-project --with-token")]
pub struct LoginArgs {
    /// The API of the domain: rsupport (a reseller server) or google (Google's Cloud Support
    /// API v2) [default: the domain's, else rsupport]
    #[arg(long, value_name = "PROVIDER", value_parser = parse_provider)]
    pub provider: Option<Provider>,
    /// google: a service-account key file (JSON) to sign in with
    #[arg(long, value_name = "FILE")]
    pub credentials: Option<PathBuf>,
    /// google: a parent whose cases the domain manages, organizations/NUMBER or
    /// projects/PROJECT_ID (repeat for several) [default: the domain's]
    #[arg(long = "parent", value_name = "PARENT", value_parser = parse_parent)]
    pub parents: Vec<String>,
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
    let previous = ctx.domain_config(&domain)?;
    let provider = args
        .provider
        .or(previous.as_ref().map(|p| p.provider))
        .unwrap_or_default();
    if provider == Provider::Google {
        return login_google(ctx, &args, domain, previous).await;
    }
    if args.credentials.is_some() || !args.parents.is_empty() {
        return Err(CliError::usage(format!(
            "--credentials and --parent are for a Google Cloud domain; {domain} is an rsupport domain"
        ))
        .hint(format!(
            "add --provider google to log {domain} in to Google's Cloud Support API"
        )));
    }
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
                ..DomainConfig::default()
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

fn parse_provider(value: &str) -> Result<Provider, String> {
    value.parse()
}

fn parse_parent(value: &str) -> Result<String, String> {
    validate_parent(value).map_err(|e| e.0)
}

/// `auth login --provider google`: the credential checked against the Cloud Support API
/// under each parent, then stored in the keyring (the key file's content, the user's
/// refresh token, or the access token), and the domain entry written with its parents.
async fn login_google(
    ctx: &Ctx,
    args: &LoginArgs,
    domain: String,
    previous: Option<DomainConfig>,
) -> CliResult<Outcome> {
    let previous_google = previous.filter(|p| p.provider == Provider::Google);
    let parents = if !args.parents.is_empty() {
        args.parents.clone()
    } else if let Some(previous) = previous_google.as_ref().filter(|p| !p.parents.is_empty()) {
        previous.parents.clone()
    } else {
        return Err(CliError::usage(format!(
            "no parent for {domain}: pass --parent organizations/NUMBER or --parent projects/PROJECT_ID (once per parent)"
        ))
        .hint("a Google Cloud case lives under an organization or a project; those are the domain's customers"));
    };
    let (secret, origin) = read_google_secret(ctx, args, &domain)?;
    let endpoint = match (&ctx.options().endpoint, &previous_google) {
        (Some(endpoint), _) => endpoint.clone(),
        (None, Some(previous)) => previous.bound_endpoint().to_string(),
        (None, None) => Provider::Google.default_endpoint().to_string(),
    };
    let kind = secret.kind();
    let stored = secret.to_stored();
    let google = Google::new(parents.clone(), GoogleAuth::new(secret));
    let client = ctx.google_client(endpoint.clone(), &domain, google)?;
    let me = client.whoami().await.context_cli(format!(
        "cannot check {origin} of {domain} with the Cloud Support API at {endpoint}"
    ))?;

    let storage = if args.insecure_storage {
        Storage::File
    } else {
        Storage::Keyring
    };
    let secrets = ctx.secrets();
    if storage == Storage::File {
        ctx.out().warn(&format!(
            "{origin} of {domain} will be kept in plain text in {} (mode 0600); anyone who can read that file can act as {}",
            secrets.file_path(&domain).display(),
            me.email
        ));
    }
    secrets
        .store(&domain, storage, &stored)
        .map_err(|e| storage_error(e, &domain))?;
    match storage {
        Storage::File => {
            let _ = secrets.keyring_delete(&domain);
        }
        Storage::Keyring => {
            let _ = secrets.file_delete(&domain);
        }
    }
    ctx.update_config(|config| {
        config.domains.insert(
            domain.clone(),
            DomainConfig {
                endpoint: Some(endpoint.clone()),
                storage,
                user: Some(me.email.clone()),
                provider: Provider::Google,
                credential: Some(kind),
                parents: parents.clone(),
                // kept across logins: it is set by editing the config
                resource_manager_endpoint: previous_google
                    .as_ref()
                    .and_then(|p| p.resource_manager_endpoint.clone()),
            },
        );
        Ok(())
    })?;
    let text = format!(
        "Logged in to {domain} (Google Cloud Support API) as {} with {origin} (kept in the {}); parents: {}.",
        me.email,
        match storage {
            Storage::Keyring => "OS keyring",
            Storage::File => "plain-text file",
        },
        parents.join(", ")
    );
    Ok(Outcome::Message {
        text,
        json: Some(json!({
            "domain": domain,
            "provider": Provider::Google,
            "user": me.email,
            "endpoint": endpoint,
            "storage": storage,
            "credential": kind,
            "parents": parents,
        })),
    })
}

/// The credential of a Google login and what it is, in words: `--credentials FILE`, else an
/// access token (`--with-token`), else Application Default Credentials, else a prompt for an
/// access token.
fn read_google_secret(
    ctx: &Ctx,
    args: &LoginArgs,
    domain: &str,
) -> CliResult<(GoogleSecret, &'static str)> {
    if let Some(path) = &args.credentials {
        if args.with_token {
            return Err(CliError::usage(
                "--credentials and --with-token are two credentials: give one",
            ));
        }
        let secret = read_credentials_file(path, "--credentials")?;
        return Ok((secret, "the service-account key"));
    }
    if args.with_token {
        let token = read_token(ctx, args, domain)?;
        return Ok((GoogleSecret::AccessToken(token), "the access token"));
    }
    if let Some(path) = application_default_credentials() {
        let what =
            "GOOGLE_APPLICATION_CREDENTIALS or gcloud's application_default_credentials.json";
        let secret = read_credentials_file(&path, what)?;
        let origin = match secret.kind() {
            CredentialKind::AuthorizedUser => "the Application Default Credentials",
            _ => "the service-account key",
        };
        return Ok((secret, origin));
    }
    if ctx.prompt().allowed() {
        let token = read_token(ctx, args, domain)?;
        return Ok((GoogleSecret::AccessToken(token), "the access token"));
    }
    Err(CliError::usage(format!(
        "no Google credential for {domain}: pass --credentials KEY.json, an access token on stdin with --with-token, or set up Application Default Credentials"
    ))
    .hint("gcloud auth application-default login   # then run this command again")
    .hint(format!(
        "gcloud auth print-access-token | rsupport auth login --provider google --domain {domain} --with-token"
    )))
}

/// Application Default Credentials: `GOOGLE_APPLICATION_CREDENTIALS`, else the file of
/// `gcloud auth application-default login` in gcloud's config dir (`CLOUDSDK_CONFIG`, else
/// `~/.config/gcloud`, or `%APPDATA%\gcloud` on Windows), when it exists.
fn application_default_credentials() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("GOOGLE_APPLICATION_CREDENTIALS").filter(|p| !p.is_empty())
    {
        return Some(PathBuf::from(path));
    }
    let dir = match std::env::var_os("CLOUDSDK_CONFIG").filter(|p| !p.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None if cfg!(windows) => PathBuf::from(std::env::var_os("APPDATA")?).join("gcloud"),
        None => PathBuf::from(std::env::var_os("HOME")?)
            .join(".config")
            .join("gcloud"),
    };
    let path = dir.join("application_default_credentials.json");
    path.is_file().then_some(path)
}

fn read_credentials_file(path: &Path, what: &str) -> CliResult<GoogleSecret> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        CliError::usage(format!(
            "cannot read the credentials file '{}' ({what}): {e}",
            path.display()
        ))
    })?;
    GoogleSecret::from_file_text(&text).map_err(|why| {
        CliError::usage(format!(
            "'{}' ({what}) is not a Google credential: {why}",
            path.display()
        ))
        .hint("download a service-account key (JSON) in the Cloud console, or run `gcloud auth application-default login`")
    })
}
