//! Exit-code classes and the one way errors are shown: `Error:` / `Caused by:` / `Hint:` on
//! stderr (as jj does). This is the CLI's edge: the HTTP client returns typed errors that know
//! nothing of exit codes or of what to do next; their classes and hints are worked out here.
//!
//! Commands return [`CliResult`]. Any error converts into a [`CliError`] with `?`; its exit code
//! is worked out from what is in the error chain (an [`ApiError`]'s reason, a [`ClientError`], a
//! [`UsageError`]…), and a command can attach hints of its own with [`CliError::hint`] or
//! [`ResultExt::hint`].

use std::fmt;
use std::io::Write;

use rsupport_api::error::{ApiError, ErrorReason};

use crate::client::ClientError;
use crate::credentials::TOKEN_ENV;

/// The process exit codes, documented in `rsupport --help` and the README.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitClass {
    /// 1: unexpected or server error (5xx, a body that is not the API's, a checksum mismatch).
    Failure,
    /// 2: usage or invalid input; nothing was sent.
    Usage,
    /// 3: not found.
    NotFound,
    /// 4: not authenticated or not permitted (no token, no keyring, missing privilege, customer
    /// access not granted).
    Auth,
    /// 5: refused by a rule (reopen window past, escalation not allowed, state conflict).
    Refused,
    /// 6: the server is unreachable or timed out.
    Unreachable,
    /// 7: `case watch --timeout` ran out before what `--until` waits for happened.
    WatchTimeout,
    /// 8: the domain's provider has no equivalent of what was asked (the Google Cloud Support
    /// API: reopen, the 30-day window, `--dry-run` beyond the client's checks, `--unread`,
    /// `case watch`); nothing was changed.
    Unsupported,
}

impl ExitClass {
    pub fn code(self) -> u8 {
        match self {
            ExitClass::Failure => 1,
            ExitClass::Usage => 2,
            ExitClass::NotFound => 3,
            ExitClass::Auth => 4,
            ExitClass::Refused => 5,
            ExitClass::Unreachable => 6,
            ExitClass::WatchTimeout => 7,
            ExitClass::Unsupported => 8,
        }
    }

    /// The class of an error reason the server answered with.
    pub fn of_reason(reason: ErrorReason) -> ExitClass {
        use ErrorReason::*;
        match reason {
            InvalidArgument | PayloadTooLarge | UriTooLong => ExitClass::Usage,
            CustomerNotFound | CaseNotFound | AttachmentNotFound | CategoryNotFound | NotFound => {
                ExitClass::NotFound
            }
            Unauthenticated
            | PrivilegeMissing
            | CustomerAccessNotGranted
            | AgentOnly
            | ResellerOnly => ExitClass::Auth,
            CaseClosed
            | CaseNotClosed
            | ReopenWindowExpired
            | EscalationNotAllowed
            | InvalidStateTransition
            | IdempotencyConflict => ExitClass::Refused,
            Unavailable | RateLimited | RequestTimeout => ExitClass::Unreachable,
            ChecksumMismatch | Internal | Unknown | MethodNotAllowed | UnsupportedMediaType => {
                ExitClass::Failure
            }
        }
    }

    /// The class of a failed request.
    pub fn of_client_error(error: &ClientError) -> ExitClass {
        match error {
            ClientError::Api { error, .. } => ExitClass::of_reason(error.reason),
            ClientError::Unreachable { .. } | ClientError::Timeout { .. } => ExitClass::Unreachable,
            ClientError::Unexpected { .. }
            | ClientError::Write { .. }
            | ClientError::UploadCut { .. } => ExitClass::Failure,
            ClientError::InvalidEndpoint { .. } | ClientError::ReadFile { .. } => ExitClass::Usage,
            ClientError::Unsupported { .. } => ExitClass::Unsupported,
            ClientError::Credentials { .. } => ExitClass::Auth,
        }
    }
}

/// Where the token of the command came from, which decides what a refused token's hint says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenOrigin {
    /// `RSUPPORT_TOKEN`: set a valid one.
    Env,
    /// The domain's stored token: log in again.
    Stored,
}

/// What the user can do next after a failed request.
fn client_hints(error: &ClientError, origin: TokenOrigin) -> Vec<String> {
    match error {
        ClientError::Unreachable { endpoint, .. } | ClientError::Timeout { endpoint, .. } => {
            let mut hints = vec![format!(
                "check that a server listens on {endpoint}, or pick another with --endpoint or RSUPPORT_ENDPOINT"
            )];
            if endpoint.trim_end_matches('/') == rsupport_api::DEFAULT_ENDPOINT {
                hints.push(
                    "`rsupport-server dev` starts a local server with demo data there".into(),
                );
            }
            hints
        }
        ClientError::Api { error, domain, .. } => {
            let domain_name = domain.as_deref().unwrap_or("DOMAIN");
            match error.reason {
                ErrorReason::Unauthenticated => match (origin, domain) {
                    (TokenOrigin::Env, _) => vec![format!(
                        "{TOKEN_ENV} holds a token the server refuses (unknown, expired or revoked): set a valid one"
                    )],
                    (TokenOrigin::Stored, Some(domain)) => vec![format!(
                        "the token of {domain} is unknown, expired or revoked: log in again with `rsupport auth login --domain {domain}`"
                    )],
                    (TokenOrigin::Stored, None) => vec![format!(
                        "the token is unknown, expired or revoked: log in again with `rsupport auth login --domain {domain_name}`"
                    )],
                },
                ErrorReason::PrivilegeMissing => {
                    let privilege = error
                        .details
                        .privilege
                        .map(|p| p.to_string())
                        .unwrap_or_else(|| "the missing privilege".into());
                    vec![format!(
                        "ask a reseller admin of {domain_name} to grant you '{privilege}'"
                    )]
                }
                ErrorReason::CustomerAccessNotGranted => vec![
                    "the customer must grant your reseller domain access to its account before cases can be filed or managed for it".into(),
                ],
                ErrorReason::RateLimited | ErrorReason::Unavailable => {
                    vec!["the server is busy: try again in a moment".into()]
                }
                ErrorReason::RequestTimeout => vec![
                    "the request's body arrived too slowly for the server: check the network and try again".into(),
                ],
                ErrorReason::ReopenWindowExpired => {
                    vec!["file a new case with `rsupport case create`".into()]
                }
                _ => Vec::new(),
            }
        }
        _ => Vec::new(),
    }
}

/// The exit-code table as shown at the end of `rsupport --help` (and copied in the README).
pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0  success
  1  unexpected or server error (HTTP 5xx, a response that is not the API's, checksum mismatch)
  2  usage or invalid input; nothing was sent (INVALID_ARGUMENT, PAYLOAD_TOO_LARGE,
     personal data refused, a malformed token)
  3  not found (CUSTOMER_NOT_FOUND, CASE_NOT_FOUND, CATEGORY_NOT_FOUND, ATTACHMENT_NOT_FOUND)
  4  not authenticated or not permitted (no token, no keyring or a locked one, a stored
     token asked to go to another server, UNAUTHENTICATED, PRIVILEGE_MISSING,
     CUSTOMER_ACCESS_NOT_GRANTED)
  5  refused by a rule (CASE_CLOSED, REOPEN_WINDOW_EXPIRED, ESCALATION_NOT_ALLOWED, ...)
  6  server unreachable or timed out (also UNAVAILABLE, REQUEST_TIMEOUT and RATE_LIMITED
     after retries)
  7  `case watch --timeout` ended before what it waited for happened
  8  the provider's API has no equivalent (Google Cloud: reopen, --dry-run of a change,
     --unread, case watch); nothing was changed";

/// A mistake in what the user asked: exit 2, nothing was sent.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// The user is not logged in, or no credential can be read: exit 4.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct AuthError(pub String);

/// A thing the user named does not exist locally (e.g. a domain not logged in): exit 3.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct NotFoundError(pub String);

/// An error on its way to the user: the chain to print, its exit class and hints.
pub struct CliError {
    error: anyhow::Error,
    class: Option<ExitClass>,
    hints: Vec<String>,
    /// Whether the hints that follow from the error itself are shown after the command's own.
    default_hints: bool,
    token_origin: TokenOrigin,
}

pub type CliResult<T> = Result<T, CliError>;

impl CliError {
    /// Exit 2: a usage mistake, with the message the user reads.
    pub fn usage(message: impl Into<String>) -> CliError {
        UsageError(message.into()).into()
    }

    /// Exit 4: not authenticated or not permitted.
    pub fn auth(message: impl Into<String>) -> CliError {
        AuthError(message.into()).into()
    }

    /// Exit 3: not found.
    pub fn not_found(message: impl Into<String>) -> CliError {
        NotFoundError(message.into()).into()
    }

    /// Exit 1: anything else.
    pub fn failure(message: impl Into<String>) -> CliError {
        CliError::from(anyhow::anyhow!(message.into()))
    }

    /// Adds a hint, printed as `Hint: …` after the error.
    pub fn hint(mut self, hint: impl Into<String>) -> CliError {
        self.hints.push(hint.into());
        self
    }

    /// Shows `hint` instead of every other hint (the command knows better than the defaults).
    pub fn only_hint(mut self, hint: impl Into<String>) -> CliError {
        self.hints = vec![hint.into()];
        self.default_hints = false;
        self
    }

    /// Says where the command's token came from (set once, at the CLI's edge).
    pub fn with_token_origin(mut self, origin: TokenOrigin) -> CliError {
        self.token_origin = origin;
        self
    }

    /// Forces the exit class, whatever the chain holds.
    pub fn with_class(mut self, class: ExitClass) -> CliError {
        self.class = Some(class);
        self
    }

    /// Adds context shown above the current message (`Error: context` / `Caused by: …`).
    pub fn context(mut self, context: impl fmt::Display + Send + Sync + 'static) -> CliError {
        self.error = self.error.context(context);
        self
    }

    /// The API error in the chain, if the server answered with one.
    pub fn api_error(&self) -> Option<&ApiError> {
        self.error.chain().find_map(|e| {
            e.downcast_ref::<ApiError>()
                .or_else(|| match e.downcast_ref::<ClientError>() {
                    Some(ClientError::Api { error, .. }) => Some(&**error),
                    _ => None,
                })
        })
    }

    pub fn exit_class(&self) -> ExitClass {
        if let Some(class) = self.class {
            return class;
        }
        for cause in self.error.chain() {
            if cause.is::<UsageError>() {
                return ExitClass::Usage;
            }
            if cause.is::<AuthError>() {
                return ExitClass::Auth;
            }
            if cause.is::<NotFoundError>() {
                return ExitClass::NotFound;
            }
            if let Some(api) = cause.downcast_ref::<ApiError>() {
                return ExitClass::of_reason(api.reason);
            }
            if let Some(client) = cause.downcast_ref::<ClientError>() {
                return ExitClass::of_client_error(client);
            }
            if let Some(clap) = cause.downcast_ref::<clap::Error>() {
                return if clap.use_stderr() {
                    ExitClass::Usage
                } else {
                    ExitClass::Failure
                };
            }
        }
        ExitClass::Failure
    }

    pub fn exit_code(&self) -> u8 {
        self.exit_class().code()
    }

    /// Every hint: the command's own, then those that follow from the error itself.
    pub fn hints(&self) -> Vec<String> {
        let mut hints = self.hints.clone();
        if !self.default_hints {
            return hints;
        }
        for cause in self.error.chain() {
            if let Some(client) = cause.downcast_ref::<ClientError>() {
                hints.extend(client_hints(client, self.token_origin));
                break;
            }
        }
        hints
    }

    /// The message lines: the top error, then each cause.
    pub fn messages(&self) -> Vec<String> {
        self.error.chain().map(|e| e.to_string()).collect()
    }

    /// Writes `Error: …`, `Caused by: …` and `Hint: …` lines. Text is stripped of terminal
    /// control sequences: messages carry values that came from the server.
    pub fn render(&self, w: &mut dyn Write) -> std::io::Result<()> {
        let messages = self.messages();
        let mut messages = messages.iter().map(|m| crate::terminal::sanitize(m));
        if let Some(first) = messages.next() {
            writeln!(w, "Error: {first}")?;
        }
        let rest: Vec<_> = messages.collect();
        match rest.len() {
            0 => {}
            1 => writeln!(w, "Caused by: {}", rest[0])?,
            _ => {
                writeln!(w, "Caused by:")?;
                for (i, m) in rest.iter().enumerate() {
                    writeln!(w, "{}: {m}", i + 1)?;
                }
            }
        }
        for hint in self.hints() {
            writeln!(w, "Hint: {}", crate::terminal::sanitize(&hint))?;
        }
        Ok(())
    }
}

impl fmt::Debug for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CliError")
            .field("class", &self.exit_class())
            .field("error", &self.error)
            .field("hints", &self.hints)
            .finish()
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:#}", self.error)
    }
}

impl<E> From<E> for CliError
where
    E: Into<anyhow::Error>,
{
    fn from(error: E) -> Self {
        CliError {
            error: error.into(),
            class: None,
            hints: Vec::new(),
            default_hints: true,
            token_origin: TokenOrigin::Stored,
        }
    }
}

/// `.hint(…)` and `.context(…)` on any result whose error converts into a [`CliError`].
pub trait ResultExt<T> {
    fn hint(self, hint: impl Into<String>) -> CliResult<T>;
    fn context_cli(self, context: impl fmt::Display + Send + Sync + 'static) -> CliResult<T>;
}

impl<T, E: Into<CliError>> ResultExt<T> for Result<T, E> {
    fn hint(self, hint: impl Into<String>) -> CliResult<T> {
        self.map_err(|e| e.into().hint(hint))
    }

    fn context_cli(self, context: impl fmt::Display + Send + Sync + 'static) -> CliResult<T> {
        self.map_err(|e| e.into().context(context))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rsupport_api::error::{ErrorBody, ErrorDetails};

    fn api(reason: ErrorReason) -> ApiError {
        ApiError::from(ErrorBody::new(reason, "m"))
    }

    #[test]
    fn every_reason_maps_to_its_documented_exit_code() {
        use ErrorReason::*;
        let expected = [
            (InvalidArgument, 2),
            (PayloadTooLarge, 2),
            (UriTooLong, 2),
            (RequestTimeout, 6),
            (MethodNotAllowed, 1),
            (UnsupportedMediaType, 1),
            (CustomerNotFound, 3),
            (CaseNotFound, 3),
            (AttachmentNotFound, 3),
            (CategoryNotFound, 3),
            (NotFound, 3),
            (Unauthenticated, 4),
            (PrivilegeMissing, 4),
            (CustomerAccessNotGranted, 4),
            (AgentOnly, 4),
            (ResellerOnly, 4),
            (CaseClosed, 5),
            (CaseNotClosed, 5),
            (ReopenWindowExpired, 5),
            (EscalationNotAllowed, 5),
            (InvalidStateTransition, 5),
            (IdempotencyConflict, 5),
            (RateLimited, 6),
            (Unavailable, 6),
            (ChecksumMismatch, 1),
            (Internal, 1),
            (Unknown, 1),
        ];
        for (reason, code) in expected {
            assert_eq!(CliError::from(api(reason)).exit_code(), code, "{reason}");
        }
    }

    #[test]
    fn context_keeps_the_exit_code_of_the_cause() {
        let err = CliError::from(api(ErrorReason::CaseNotFound)).context("cannot close case 9");
        assert_eq!(err.exit_code(), 3);
        assert_eq!(err.messages()[0], "cannot close case 9");
    }

    #[test]
    fn render_prints_error_causes_and_hints() {
        let err = CliError::from(anyhow::anyhow!("root cause"))
            .context("top")
            .hint("do this");
        let mut out = Vec::new();
        err.render(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Error: top\nCaused by: root cause\nHint: do this\n"
        );
    }

    #[test]
    fn missing_privilege_hint_names_the_privilege_and_the_domain() {
        let error = ApiError::from(
            ErrorBody::new(ErrorReason::PrivilegeMissing, "no").with_details(ErrorDetails {
                privilege: Some(rsupport_api::types::Privilege::CasesAccess),
                ..ErrorDetails::default()
            }),
        );
        let err = CliError::from(ClientError::Api {
            error: Box::new(error),
            method: reqwest::Method::GET,
            url: "u".into(),
            domain: Some("a.example".into()),
        });
        let hints = err.hints().join("\n");
        assert!(
            hints.contains("cases.access") && hints.contains("a.example"),
            "{hints}"
        );
    }

    #[test]
    fn failed_requests_map_to_their_exit_classes() {
        let unexpected = ClientError::Unexpected {
            url: "u".into(),
            status: 502,
            excerpt: String::new(),
        };
        assert_eq!(ExitClass::of_client_error(&unexpected), ExitClass::Failure);
        let endpoint = crate::client::parse_endpoint("127.0.0.1:8765").unwrap_err();
        assert_eq!(ExitClass::of_client_error(&endpoint), ExitClass::Usage);
        let timeout = ClientError::Timeout {
            endpoint: "http://127.0.0.1:1".into(),
            method: reqwest::Method::GET,
            url: "u".into(),
            limit: std::time::Duration::from_secs(1),
        };
        assert_eq!(CliError::from(timeout).exit_code(), 6);
    }

    #[test]
    fn a_refused_token_hint_depends_on_where_the_token_came_from() {
        let refused = || {
            CliError::from(ClientError::Api {
                error: Box::new(api(ErrorReason::Unauthenticated)),
                method: reqwest::Method::GET,
                url: "u".into(),
                domain: Some("a.example".into()),
            })
        };
        let stored = refused().hints().join("\n");
        assert!(
            stored.contains("rsupport auth login --domain a.example"),
            "{stored}"
        );
        let env = refused()
            .with_token_origin(TokenOrigin::Env)
            .hints()
            .join("\n");
        assert!(env.contains("RSUPPORT_TOKEN holds a token"), "{env}");
        let own = refused().only_hint("mine").hints();
        assert_eq!(own, vec!["mine".to_string()]);
    }

    #[test]
    fn usage_auth_and_not_found_constructors_have_their_codes() {
        assert_eq!(CliError::usage("x").exit_code(), 2);
        assert_eq!(CliError::not_found("x").exit_code(), 3);
        assert_eq!(CliError::auth("x").exit_code(), 4);
        assert_eq!(CliError::failure("x").exit_code(), 1);
        assert_eq!(
            CliError::failure("x")
                .with_class(ExitClass::Refused)
                .exit_code(),
            5
        );
    }
}
