//! `Ctx`: what every command runs with — the global options, the config, the output renderer,
//! the prompter and the secret store — and the selection rules of DESIGN §2, the same in every
//! command:
//!
//! - domain = `--domain` > `RSUPPORT_DOMAIN` > the default (`auth switch`) > the only domain
//!   logged in;
//! - endpoint = `--endpoint` > `RSUPPORT_ENDPOINT` > the domain's stored endpoint > the
//!   default endpoint;
//! - token = `RSUPPORT_TOKEN` (used as is, never stored) > the domain's keyring entry > its
//!   plain-text file (only for a domain logged in with `--insecure-storage`).
//!
//! A stored token is bound to the endpoint its domain was logged in with (as gh binds a token
//! to its host): when `--endpoint` or `RSUPPORT_ENDPOINT` names another server, the command
//! is refused before the token is read or anything is sent. `RSUPPORT_TOKEN` goes wherever
//! the endpoint says: whoever set it chose both.
//!
//! The API client is built lazily on first use, so `completion` and `config` never need a
//! token, a keyring or a network.

use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use crate::client::google::Google;
use crate::client::google::auth::{GoogleAuth, GoogleSecret};
use crate::client::{Client, ClientOptions, Token, TokenError, same_endpoint};
use crate::config::{Config, ConfigFile, CredentialKind, DomainConfig, Provider};
use crate::credentials::{CredentialError, SecretStore, Storage, TOKEN_ENV, TokenSource};
use crate::error::{CliError, CliResult, TokenOrigin};
use crate::output::{Output, OutputOptions};
use crate::prompt::Prompter;

/// What the command line asked of every command (the global options, already parsed by
/// `cli`); the config fills in what it leaves out.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--domain` / `RSUPPORT_DOMAIN`.
    pub domain: Option<String>,
    /// `--endpoint` / `RSUPPORT_ENDPOINT`, without a trailing slash.
    pub endpoint: Option<String>,
    /// `--no-input` / `RSUPPORT_NO_INPUT`.
    pub no_input: bool,
    /// `--format`/`--json` (the config's `format` applies when it is `None`), `--jq`, `-q`,
    /// `-v`, `--color`.
    pub output: OutputOptions,
}

/// A domain the command acts for, with where its settings came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// `None` only when `RSUPPORT_TOKEN` is set and no domain is selectable: the token alone
    /// says who the user is.
    pub domain: Option<String>,
    pub endpoint: String,
}

/// What a request for one domain is sent with, and where.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub endpoint: String,
    pub token: Token,
    pub source: TokenSource,
}

/// The command's context.
pub struct Ctx {
    options: Options,
    out: Output,
    prompt: Prompter,
    config_dir: PathBuf,
    config: Mutex<Result<ConfigFile, String>>,
    client: OnceLock<Client>,
}

impl Ctx {
    /// Builds the context from the global options. Reads the config file (a broken one is
    /// reported by the first command that needs it) but touches no keyring and no network.
    pub fn new(options: Options) -> CliResult<Ctx> {
        let config_dir = ConfigFile::default_dir()?;
        let config = ConfigFile::load(&config_dir).map_err(|e| format!("{e}"));
        let config_format = config.as_ref().ok().and_then(|c| c.config.format);
        let output = OutputOptions {
            format: options.output.format.or(config_format),
            ..options.output.clone()
        };
        let out = Output::new(&output)?;
        let prompt = Prompter::new(options.no_input, out.stderr_color());
        Ok(Ctx {
            options,
            out,
            prompt,
            config_dir,
            config: Mutex::new(config),
            client: OnceLock::new(),
        })
    }

    pub fn out(&self) -> &Output {
        &self.out
    }

    pub fn prompt(&self) -> &Prompter {
        &self.prompt
    }

    /// The options given on the command line.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Where the token of the command comes from, for the hint of a refused one.
    pub fn token_origin(&self) -> TokenOrigin {
        let env_given =
            std::env::var_os(TOKEN_ENV).is_some_and(|v| !v.to_string_lossy().trim().is_empty());
        if env_given {
            TokenOrigin::Env
        } else {
            TokenOrigin::Stored
        }
    }

    /// Where config and opt-in token files live.
    pub fn config_dir(&self) -> &std::path::Path {
        &self.config_dir
    }

    /// A copy of the config as read at start (or last written by this process).
    pub fn config(&self) -> CliResult<Config> {
        let guard = self.config.lock().unwrap_or_else(|e| e.into_inner());
        match &*guard {
            Ok(file) => Ok(file.config.clone()),
            Err(message) => Err(CliError::failure(message.clone()).hint(
                "fix the file by hand, or remove it to start over (you will need to log in again)",
            )),
        }
    }

    /// Re-reads the config file, applies `change` and writes it back atomically.
    pub fn update_config(
        &self,
        change: impl FnOnce(&mut Config) -> CliResult<()>,
    ) -> CliResult<()> {
        let mut file = ConfigFile::load(&self.config_dir)?;
        file.update(change)?;
        *self.config.lock().unwrap_or_else(|e| e.into_inner()) = Ok(file);
        Ok(())
    }

    pub fn secrets(&self) -> SecretStore {
        SecretStore::new(&self.config_dir)
    }

    /// `RSUPPORT_TOKEN`, when set and not blank. One that is not a usable token is exit 2
    /// naming it, before anything is sent (never a network error, never the stored token).
    pub fn env_token(&self) -> CliResult<Option<Token>> {
        let Some(value) = std::env::var_os(TOKEN_ENV) else {
            return Ok(None);
        };
        let why = match value.to_str().map(Token::new) {
            Some(Ok(token)) => return Ok(Some(token)),
            Some(Err(TokenError::Empty)) => return Ok(None),
            Some(Err(error)) => error.to_string(),
            None => "it is not valid UTF-8; a token is visible ASCII only".to_string(),
        };
        Err(
            CliError::usage(format!("{TOKEN_ENV} is malformed: {why}")).hint(format!(
                "set {TOKEN_ENV} to the token alone, exactly as it was issued, or unset it to use the stored token"
            )),
        )
    }

    /// The domain by the precedence rule, or `None` when nothing selects one.
    pub fn selected_domain(&self) -> CliResult<Option<String>> {
        if let Some(domain) = &self.options.domain {
            return Ok(Some(domain.clone()));
        }
        let config = self.config()?;
        if let Some(domain) = config.default_domain {
            return Ok(Some(domain));
        }
        let mut names = config.domains.into_keys();
        match (names.next(), names.next()) {
            (Some(only), None) => Ok(Some(only)),
            _ => Ok(None),
        }
    }

    /// The domain by the precedence rule; none selectable is exit 4 with a hint.
    pub fn domain(&self) -> CliResult<String> {
        match self.selected_domain()? {
            Some(domain) => Ok(domain),
            None => Err(self.no_domain_error()?),
        }
    }

    fn no_domain_error(&self) -> CliResult<CliError> {
        let names = self.config()?.domain_names();
        Ok(if names.is_empty() {
            CliError::auth("no domain is logged in")
                .hint("log in first: rsupport auth login --domain DOMAIN")
        } else {
            CliError::auth(format!(
                "several domains are logged in ({}) and none is the default",
                names.join(", ")
            ))
            .hint(format!(
                "pass --domain {} (or set RSUPPORT_DOMAIN), or pick a default: rsupport auth switch {}",
                names[0], names[0]
            ))
        })
    }

    /// The settings of a logged-in domain, `None` when it is not logged in.
    pub fn domain_config(&self, domain: &str) -> CliResult<Option<DomainConfig>> {
        Ok(self.config()?.domains.get(domain).cloned())
    }

    /// The endpoint for `domain` by the precedence rule.
    pub fn endpoint_for(&self, domain: Option<&str>) -> CliResult<String> {
        if let Some(endpoint) = &self.options.endpoint {
            return Ok(endpoint.trim().trim_end_matches('/').to_string());
        }
        if let Some(domain) = domain
            && let Some(settings) = self.domain_config(domain)?
        {
            return Ok(settings.bound_endpoint().to_string());
        }
        Ok(rsupport_api::DEFAULT_ENDPOINT.to_string())
    }

    /// The endpoint and token of a request for `domain`, by the precedence rules; a stored
    /// token only for the endpoint it is bound to.
    pub fn credentials_for(&self, domain: &str) -> CliResult<Credentials> {
        let endpoint = self.endpoint_for(Some(domain))?;
        self.check_binding(domain, &endpoint)?;
        let (token, source) = self.token_for(domain)?;
        Ok(Credentials {
            endpoint,
            token,
            source,
        })
    }

    /// [`Ctx::credentials_for`] with the keyring read on a blocking thread, so several domains
    /// are read at once (`auth status`, `--all-domains`).
    pub async fn credentials_for_async(&self, domain: &str) -> CliResult<Credentials> {
        let endpoint = self.endpoint_for(Some(domain))?;
        self.check_binding(domain, &endpoint)?;
        let (token, source) = self.token_for_async(domain).await?;
        Ok(Credentials {
            endpoint,
            token,
            source,
        })
    }

    /// Refuses to send the stored token of `domain` to any endpoint but the one it was logged
    /// in with (exit 4), before the token is read. `RSUPPORT_TOKEN` is not stored: it passes.
    fn check_binding(&self, domain: &str, endpoint: &str) -> CliResult<()> {
        if self.env_token()?.is_some() {
            return Ok(());
        }
        // not logged in: the token lookup says so
        let Some(settings) = self.domain_config(domain)? else {
            return Ok(());
        };
        let bound = settings.bound_endpoint();
        if same_endpoint(bound, endpoint) {
            return Ok(());
        }
        Err(CliError::auth(format!(
            "the token of {domain} is for {bound}, the server it was logged in with; it is not sent to {endpoint} (from --endpoint or {ENDPOINT_ENV})"
        ))
        .hint(format!(
            "to use {domain} on {endpoint}, log in there: rsupport auth login --domain {domain} --endpoint {endpoint}"
        ))
        .hint(format!(
            "or drop --endpoint and {ENDPOINT_ENV} to use {bound}, or pass a token of {endpoint} in {TOKEN_ENV}"
        )))
    }

    /// The token for `domain` by the precedence rule, and where it came from (whatever the
    /// endpoint: `auth token` prints it, [`Ctx::credentials_for`] checks the binding).
    pub fn token_for(&self, domain: &str) -> CliResult<(Token, TokenSource)> {
        let (env, storage) = self.token_lookup(domain)?;
        let found = self.secrets().token(env, domain, storage);
        found_token(found, domain, storage)
    }

    /// [`Ctx::token_for`] with the keyring read on a blocking thread, so several domains are
    /// read at once (`auth status`, `--all-domains`).
    pub async fn token_for_async(&self, domain: &str) -> CliResult<(Token, TokenSource)> {
        let (env, storage) = self.token_lookup(domain)?;
        let secrets = self.secrets();
        let owned = domain.to_string();
        let found = tokio::task::spawn_blocking(move || secrets.token(env, &owned, storage))
            .await
            .map_err(|e| CliError::failure(format!("the keyring task failed: {e}")))?;
        found_token(found, domain, storage)
    }

    /// `RSUPPORT_TOKEN` and where the domain keeps its token; not logged in is exit 4.
    fn token_lookup(&self, domain: &str) -> CliResult<(Option<Token>, Storage)> {
        let env = self.env_token()?;
        let settings = self.domain_config(domain)?;
        if env.is_none() && settings.is_none() {
            return Err(
                CliError::auth(format!("domain '{domain}' is not logged in"))
                    .hint(format!("rsupport auth login --domain {domain}")),
            );
        }
        Ok((env, settings.map(|s| s.storage).unwrap_or(Storage::Keyring)))
    }

    /// The API client of the selected domain (built once).
    pub fn client(&self) -> CliResult<&Client> {
        if let Some(client) = self.client.get() {
            return Ok(client);
        }
        let client = match self.selected_domain()? {
            Some(domain) => self.client_for(&domain)?,
            None => match self.env_token()? {
                Some(token) => {
                    let endpoint = self.endpoint_for(None)?;
                    self.client_with(endpoint, Some(token), None)?
                }
                None => return Err(self.no_domain_error()?),
            },
        };
        Ok(self.client.get_or_init(|| client))
    }

    /// A client for one domain.
    pub fn client_for(&self, domain: &str) -> CliResult<Client> {
        let found = self.credentials_for(domain)?;
        self.client_of(domain, found)
    }

    /// [`Ctx::client_for`] reading the keyring on a blocking thread (for `--all-domains`).
    pub async fn client_for_async(&self, domain: &str) -> CliResult<Client> {
        let found = self.credentials_for_async(domain).await?;
        self.client_of(domain, found)
    }

    /// The client of a domain whose credentials were read: an rsupport client, or for a
    /// `google` domain one that speaks the Cloud Support API with its credential.
    pub fn client_of(&self, domain: &str, found: Credentials) -> CliResult<Client> {
        let settings = self.domain_config(domain)?.unwrap_or_default();
        if settings.provider != Provider::Google {
            return self.client_with(found.endpoint, Some(found.token), Some(domain.to_string()));
        }
        // RSUPPORT_TOKEN is an access token for a google domain
        let kind = match found.source {
            TokenSource::Env => CredentialKind::AccessToken,
            _ => settings.credential.unwrap_or(CredentialKind::AccessToken),
        };
        let secret = GoogleSecret::from_stored(kind, &found.token).map_err(|why| {
            CliError::auth(format!("the credential of {domain} cannot be used: {why}")).hint(
                format!("log in again: rsupport auth login --provider google --domain {domain}"),
            )
        })?;
        let google = Google::new(settings.parents, GoogleAuth::new(secret))
            .with_resource_manager(settings.resource_manager_endpoint);
        self.google_client(found.endpoint, domain, google)
    }

    /// A client of the Cloud Support API for `domain` (login checks a credential with it
    /// before storing it).
    pub fn google_client(
        &self,
        endpoint: String,
        domain: &str,
        google: Google,
    ) -> CliResult<Client> {
        let mut options = ClientOptions::new(endpoint);
        options.domain = Some(domain.to_string());
        options.log = self.out.log_sink();
        options.google = Some(std::sync::Arc::new(google));
        if let Some(timeout) = http_timeout_override()? {
            options.timeout = timeout;
        }
        Ok(Client::new(options)?)
    }

    /// A client with an explicit endpoint and token (login checks a token before storing it).
    pub fn client_with(
        &self,
        endpoint: String,
        token: Option<Token>,
        domain: Option<String>,
    ) -> CliResult<Client> {
        let mut options = ClientOptions::new(endpoint);
        options.token = token;
        options.domain = domain;
        options.log = self.out.log_sink();
        if let Some(timeout) = http_timeout_override()? {
            options.timeout = timeout;
        }
        Ok(Client::new(options)?)
    }
}

fn found_token(
    found: Result<Option<(Token, TokenSource)>, CredentialError>,
    domain: &str,
    storage: Storage,
) -> CliResult<(Token, TokenSource)> {
    match found {
        Ok(Some(found)) => Ok(found),
        Ok(None) => Err(CliError::auth(format!(
            "no token is stored for '{domain}' ({})",
            match storage {
                Storage::Keyring => "nothing in the OS keyring",
                Storage::File => "its token file is missing",
            }
        ))
        .hint(format!(
            "log in again: rsupport auth login --domain {domain}"
        ))),
        Err(e) => Err(credential_error(e, domain)),
    }
}

/// The variable `--endpoint` is also read from (clap's `env`).
pub const ENDPOINT_ENV: &str = "RSUPPORT_ENDPOINT";

/// `RSUPPORT_HTTP_TIMEOUT` (seconds, fractions allowed) shortens or lengthens the request
/// timeout, e.g. for a slow link.
pub const HTTP_TIMEOUT_ENV: &str = "RSUPPORT_HTTP_TIMEOUT";

fn http_timeout_override() -> CliResult<Option<std::time::Duration>> {
    let Ok(value) = std::env::var(HTTP_TIMEOUT_ENV) else {
        return Ok(None);
    };
    match value.trim().parse::<f64>() {
        Ok(secs) if secs > 0.0 && secs.is_finite() => {
            Ok(Some(std::time::Duration::from_secs_f64(secs)))
        }
        _ => Err(CliError::usage(format!(
            "invalid {HTTP_TIMEOUT_ENV} '{value}': expected a number of seconds such as 30 or 2.5"
        ))),
    }
}

/// A credential failure as the user reads it: no keyring is exit 4 with both ways out; a
/// locked one is exit 4 with how to unlock it.
pub fn credential_error(error: CredentialError, domain: &str) -> CliError {
    match error {
        CredentialError::Locked { .. } => {
            let message = format!("cannot use the OS keyring for {domain}");
            let mut err = CliError::from(anyhow::Error::from(error).context(message))
                .with_class(crate::error::ExitClass::Auth);
            for hint in CredentialError::locked_hints() {
                err = err.hint(hint);
            }
            err
        }
        CredentialError::NoKeyring { .. } => {
            let message = format!("cannot use the OS keyring for {domain}");
            let mut err = CliError::from(anyhow::Error::from(error).context(message))
                .with_class(crate::error::ExitClass::Auth);
            for hint in CredentialError::no_keyring_hints(domain) {
                err = err.hint(hint);
            }
            err
        }
        CredentialError::Keyring { .. } => CliError::auth(error.to_string()),
        // exit 2 as for any token that is not one: nothing was sent
        CredentialError::Malformed { .. } => CliError::usage(error.to_string()).hint(format!(
            "log in again to store a new one: rsupport auth login --domain {domain}"
        )),
        CredentialError::File { .. } => CliError::failure(error.to_string()),
    }
}
