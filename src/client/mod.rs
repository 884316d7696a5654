//! The HTTP client of the `/v1` API: one method per endpoint of the route table in
//! [`rsupport_api::types`], over a private request/response pair that adds the bearer token,
//! retries what is safe to retry and turns every failure into a [`ClientError`].
//!
//! Retries: GET requests and `POST /v1/cases` (it carries a request id, so the server answers
//! a repeat with the first case) are tried up to three times on connection errors, timeouts,
//! 429 and 503, waiting a jittered exponential backoff or what `Retry-After` asks. The client
//! never prints: `-v` logging goes through the [`LogSink`] the caller hands in.
//!
//! It returns typed errors ([`ClientError`]) and knows nothing of exit codes, hints or the
//! terminal: the CLI adds those at its edge (`crate::error`). One concern per file:
//! [`transport`] (the request/response pair, retries), [`transfer`] (uploads and downloads),
//! [`paging`], [`error`], [`token`]; this file holds the client and one method per endpoint.

mod error;
pub mod google;
mod paging;
pub mod priority;
mod token;
mod transfer;
mod transport;

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::{Method, Url};
use rsupport_api::types::*;

pub use error::ClientError;
pub use paging::{Page, PagedQuery, Pager};
pub use token::{Token, TokenError};
pub use transfer::Download;
use transport::Retry;

rsupport_api::wire_enum! {
    /// The API a client (and a domain entry of the config) speaks.
    pub enum Provider("provider"): Default {
        /// An rsupport server (`/v1`), the reseller API.
        #[default]
        Rsupport = "rsupport",
        /// Google's Cloud Support API v2 (`cloudsupport.googleapis.com`).
        Google = "google",
    }
}

impl Provider {
    /// Whether it is the default (left out of the config).
    pub fn is_default(&self) -> bool {
        *self == Provider::Rsupport
    }

    /// Where the provider's API is when no endpoint is given.
    pub fn default_endpoint(self) -> &'static str {
        match self {
            Provider::Rsupport => rsupport_api::DEFAULT_ENDPOINT,
            Provider::Google => google::DEFAULT_ENDPOINT,
        }
    }
}

/// `rsupport/<version>`, sent as the User-Agent.
pub const USER_AGENT_VALUE: &str = concat!("rsupport/", env!("CARGO_PKG_VERSION"));
/// How long a TCP connect may take.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a JSON request may take in all (and how long an upload or download may stay
/// silent between two chunks).
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Attempts of a retried request, the first included.
pub const MAX_ATTEMPTS: u32 = 3;
/// The longest `Retry-After` the client waits; a longer one ends the retries.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

/// Where `-v` lines go (the output module's stderr writer).
pub type LogSink = Arc<dyn Fn(&str) + Send + Sync>;

/// What a [`Client`] is built from.
#[derive(Clone)]
pub struct ClientOptions {
    /// Base URL, e.g. `http://127.0.0.1:8765`.
    pub endpoint: String,
    pub token: Option<Token>,
    /// The reseller domain the token belongs to, for hints.
    pub domain: Option<String>,
    /// Limit of a whole JSON request (and of silence during a transfer).
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub max_attempts: u32,
    /// `-v` logging.
    pub log: Option<LogSink>,
    /// Set for a domain of the `google` provider: its parents and credential. The client
    /// then speaks the Cloud Support API v2 instead of `/v1`.
    pub google: Option<Arc<google::Google>>,
}

impl ClientOptions {
    pub fn new(endpoint: impl Into<String>) -> ClientOptions {
        ClientOptions {
            endpoint: endpoint.into(),
            token: None,
            domain: None,
            timeout: REQUEST_TIMEOUT,
            connect_timeout: CONNECT_TIMEOUT,
            max_attempts: MAX_ATTEMPTS,
            log: None,
            google: None,
        }
    }
}

impl fmt::Debug for ClientOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientOptions")
            .field("endpoint", &self.endpoint)
            .field("token", &self.token)
            .field("domain", &self.domain)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

/// The `/v1` API client. Cheap to clone.
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    base: Url,
    endpoint: String,
    options: ClientOptions,
    /// Every write is sent with `validateOnly=true` ([`Client::validate_only`]).
    validate_only: bool,
    /// The `google` provider's state (see [`google`]).
    google: Option<Arc<google::Google>>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("endpoint", &self.endpoint)
            .field("domain", &self.options.domain)
            .finish_non_exhaustive()
    }
}

/// Parses and checks an endpoint URL (`http` or `https`, with a host).
pub fn parse_endpoint(endpoint: &str) -> Result<Url, ClientError> {
    let invalid = |why: &str| ClientError::InvalidEndpoint {
        endpoint: endpoint.to_string(),
        why: why.to_string(),
    };
    let url = Url::parse(endpoint.trim()).map_err(|e| {
        invalid(&format!(
            "{e}; expected a URL such as http://127.0.0.1:8765"
        ))
    })?;
    if url.scheme() != "http" && url.scheme() != "https" {
        return Err(invalid("the scheme must be http or https"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(invalid("the URL has no host"));
    }
    Ok(url)
}

/// An endpoint in one spelling, to compare two: scheme and host lowercased (the URL parser
/// does that), the scheme's default port dropped, no trailing slash. `None` when it does not
/// parse.
pub fn canonical_endpoint(endpoint: &str) -> Option<String> {
    let mut url = parse_endpoint(endpoint).ok()?;
    let path = url.path().trim_end_matches('/').to_string();
    url.set_path(&path);
    Some(url.as_str().trim_end_matches('/').to_string())
}

/// Whether two endpoints name the same server, however each is written.
pub fn same_endpoint(a: &str, b: &str) -> bool {
    match (canonical_endpoint(a), canonical_endpoint(b)) {
        (Some(a), Some(b)) => a == b,
        // one that does not parse is the same only as itself
        _ => a.trim().trim_end_matches('/') == b.trim().trim_end_matches('/'),
    }
}

impl Client {
    pub fn new(options: ClientOptions) -> Result<Client, ClientError> {
        let mut base = parse_endpoint(&options.endpoint)?;
        if !base.path().ends_with('/') {
            let path = format!("{}/", base.path());
            base.set_path(&path);
        }
        install_crypto_provider();
        let mut http = reqwest::Client::builder()
            .connect_timeout(options.connect_timeout)
            .read_timeout(options.timeout)
            .user_agent(USER_AGENT_VALUE);
        if base.scheme() == "http" {
            // Plain HTTP (the local dev server) needs no roots: the OS store is read only
            // for an https endpoint, so a machine without CA certificates still reaches it.
            http = http.tls_certs_only(Vec::new());
        }
        let http = http.build().map_err(|e| ClientError::InvalidEndpoint {
            endpoint: options.endpoint.clone(),
            why: format!("the HTTP client cannot be built: {e}"),
        })?;
        let endpoint = options.endpoint.trim().trim_end_matches('/').to_string();
        let google = options.google.clone();
        Ok(Client {
            http,
            base,
            endpoint,
            options,
            validate_only: false,
            google,
        })
    }

    /// This client, or with `on` one whose every write (POST, PATCH, uploads) asks the server
    /// to validate only: the server runs every check of the real call, changes nothing and
    /// answers what the real call would (`--dry-run`). Reads are sent as they are.
    pub fn validate_only(&self, on: bool) -> Client {
        Client {
            validate_only: on,
            ..self.clone()
        }
    }

    /// The endpoint the client talks to, as given (without a trailing slash).
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// The reseller domain the client acts for, if known.
    pub fn domain(&self) -> Option<&str> {
        self.options.domain.as_deref()
    }

    /// The API the client speaks.
    pub fn provider(&self) -> Provider {
        if self.google.is_some() {
            Provider::Google
        } else {
            Provider::Rsupport
        }
    }

    /// The bearer token requests are sent with (for `auth token`): the static one, or a
    /// fresh access token of a Google credential.
    pub async fn access_token(&self) -> Result<Token, ClientError> {
        match (&self.google, &self.options.token) {
            (Some(google), _) => google.auth.bearer().await,
            (None, Some(token)) => Ok(token.clone()),
            (None, None) => Err(ClientError::Credentials {
                detail: "the client has no token".into(),
            }),
        }
    }

    fn is_google(&self) -> bool {
        self.google.is_some()
    }

    // ---- endpoints -------------------------------------------------------------------------

    /// `GET /v1/health` (public).
    pub async fn health(&self) -> Result<Health, ClientError> {
        self.get("v1/health", &()).await
    }

    /// `GET /v1/openapi.json` (public).
    pub async fn openapi(&self) -> Result<serde_json::Value, ClientError> {
        self.get("v1/openapi.json", &()).await
    }

    /// `GET /v1/whoami`.
    pub async fn whoami(&self) -> Result<WhoAmI, ClientError> {
        if self.is_google() {
            return self.google_whoami().await;
        }
        self.get("v1/whoami", &()).await
    }

    /// `GET /v1/customers`: one page.
    pub async fn list_customers(
        &self,
        query: &ListCustomersQuery,
    ) -> Result<CustomerList, ClientError> {
        if self.is_google() {
            return self.google_customers(query.query.as_deref()).await;
        }
        self.get("v1/customers", query).await
    }

    /// What the customers listed could not include, in one line: for a `google` domain,
    /// Cloud Resource Manager's refusal to list the account's parents. `None` otherwise.
    pub fn customer_note(&self) -> Option<String> {
        if self.is_google() {
            return self.google_customer_note();
        }
        None
    }

    /// `GET /v1/customers`, page after page.
    pub fn customer_pages(
        &self,
        query: ListCustomersQuery,
    ) -> Pager<'_, ListCustomersQuery, CustomerList> {
        Pager::new(self, query, |client, query| {
            Box::pin(async move { client.list_customers(&query).await })
        })
    }

    /// `GET /v1/customers/{customer}`.
    pub async fn get_customer(&self, customer: &str) -> Result<Customer, ClientError> {
        if self.is_google() {
            return self.google_customer(customer).await;
        }
        self.get(&format!("v1/customers/{}", segment(customer)), &())
            .await
    }

    /// `GET /v1/categories`.
    pub async fn list_categories(
        &self,
        query: &ListCategoriesQuery,
    ) -> Result<CategoryList, ClientError> {
        if self.is_google() {
            return self.google_categories(query).await;
        }
        self.get("v1/categories", query).await
    }

    /// `GET /v1/cases`: one page.
    pub async fn list_cases(&self, query: &ListCasesQuery) -> Result<CaseList, ClientError> {
        if self.is_google() {
            return self.google_list_cases(query).await;
        }
        self.get("v1/cases", query).await
    }

    /// `GET /v1/cases`, page after page (for `case list --all`: memory stays flat).
    pub fn case_pages(&self, query: ListCasesQuery) -> Pager<'_, ListCasesQuery, CaseList> {
        Pager::new(self, query, |client, query| {
            Box::pin(async move { client.list_cases(&query).await })
        })
    }

    /// `POST /v1/cases`. Retried like a GET: the request id makes a repeat answer the first
    /// case instead of filing a second. `P0` is sent to a `google` domain only (the reseller
    /// API takes P1–P4: refused here as an invalid argument).
    pub async fn create_case(&self, request: &CreateCaseRequest) -> Result<Filed, ClientError> {
        if self.is_google() {
            return self.google_create_case(request).await;
        }
        no_p0(Some(request.priority))?;
        let url = self.url("v1/cases")?;
        let response = self
            .execute(
                Method::POST,
                &url,
                Retry::Safe,
                Some(self.options.timeout),
                |req| req.json(request),
            )
            .await?;
        // 201: filed now; 200: an earlier create with the same request id and fields filed it.
        let existed = response.status() == reqwest::StatusCode::OK;
        let case = self.decode(&Method::POST, &url, response).await?;
        Ok(Filed { case, existed })
    }

    /// `GET /v1/cases/{case}`.
    pub async fn get_case(&self, case: u64) -> Result<Case, ClientError> {
        if self.is_google() {
            return self.google_get_case(case).await;
        }
        self.get(&format!("v1/cases/{case}"), &()).await
    }

    /// `PATCH /v1/cases/{case}` (`P0`: a `google` domain only, as [`Client::create_case`]).
    pub async fn update_case(
        &self,
        case: u64,
        request: &UpdateCaseRequest,
    ) -> Result<Case, ClientError> {
        if self.is_google() {
            return self.google_update_case(case, request).await;
        }
        no_p0(request.priority)?;
        self.send_json(
            Method::PATCH,
            &format!("v1/cases/{case}"),
            &(),
            Some(request),
            Retry::Never,
        )
        .await
    }

    /// `POST /v1/cases/{case}/close`.
    pub async fn close_case(
        &self,
        case: u64,
        request: &CaseActionRequest,
    ) -> Result<Case, ClientError> {
        if self.is_google() {
            return self.google_close_case(case, request).await;
        }
        self.post(&format!("v1/cases/{case}/close"), request).await
    }

    /// `POST /v1/cases/{case}/reopen`.
    pub async fn reopen_case(
        &self,
        case: u64,
        request: &CaseActionRequest,
    ) -> Result<Case, ClientError> {
        if self.is_google() {
            return Err(self.google_unsupported("reopen"));
        }
        self.post(&format!("v1/cases/{case}/reopen"), request).await
    }

    /// `POST /v1/cases/{case}/escalate`.
    pub async fn escalate_case(
        &self,
        case: u64,
        request: &EscalateCaseRequest,
    ) -> Result<Case, ClientError> {
        if self.is_google() {
            return self.google_escalate_case(case, request).await;
        }
        self.post(&format!("v1/cases/{case}/escalate"), request)
            .await
    }

    /// `POST /v1/cases/{case}/share`.
    pub async fn share_case(
        &self,
        case: u64,
        request: &ShareCaseRequest,
    ) -> Result<Case, ClientError> {
        if self.is_google() {
            return self.google_share_case(case, request).await;
        }
        self.post(&format!("v1/cases/{case}/share"), request).await
    }

    /// `POST /v1/cases/{case}/read`: marks the case read for the calling user (idempotent).
    pub async fn mark_case_read(
        &self,
        case: u64,
        request: &MarkCaseReadRequest,
    ) -> Result<Case, ClientError> {
        if self.is_google() {
            return Err(self.google_unsupported("read"));
        }
        // idempotent: a retry after a lost answer marks the same thing
        let path = format!("v1/cases/{case}/read");
        self.send_json(Method::POST, &path, &(), Some(request), Retry::Safe)
            .await
    }

    /// `POST /v1/cases/{case}/state` (support agents only).
    pub async fn set_case_state(
        &self,
        case: u64,
        request: &SetCaseStateRequest,
    ) -> Result<Case, ClientError> {
        if self.is_google() {
            return Err(self.google_unsupported("state"));
        }
        self.post(&format!("v1/cases/{case}/state"), request).await
    }

    /// `GET /v1/cases/{case}/comments`: one page, oldest first.
    pub async fn list_comments(
        &self,
        case: u64,
        query: &PageQuery,
    ) -> Result<CommentList, ClientError> {
        if self.is_google() {
            // the API's comments are read whole, so that each has its number
            return Ok(CommentList {
                comments: self.google_comments(case).await?,
                next_page_token: None,
            });
        }
        self.get(&format!("v1/cases/{case}/comments"), query).await
    }

    /// `GET /v1/cases/{case}/comments`, page after page.
    pub fn comment_pages(&self, case: u64, query: PageQuery) -> Pager<'_, PageQuery, CommentList> {
        Pager::new(self, query, move |client, query| {
            Box::pin(async move { client.list_comments(case, &query).await })
        })
    }

    /// `POST /v1/cases/{case}/comments`.
    pub async fn create_comment(
        &self,
        case: u64,
        request: &CreateCommentRequest,
    ) -> Result<Comment, ClientError> {
        if self.is_google() {
            return self.google_create_comment(case, request).await;
        }
        self.post(&format!("v1/cases/{case}/comments"), request)
            .await
    }

    /// `GET /v1/cases/{case}/attachments`.
    pub async fn list_attachments(&self, case: u64) -> Result<AttachmentList, ClientError> {
        if self.is_google() {
            return self.google_list_attachments(case).await;
        }
        self.get(&format!("v1/cases/{case}/attachments"), &()).await
    }

    /// The limit of a JSON request.
    pub fn timeout(&self) -> Duration {
        self.options.timeout
    }

    /// `GET /v1/cases/{case}/events`, page after page, oldest first.
    pub fn event_pages(
        &self,
        case: u64,
        query: ListEventsQuery,
    ) -> Pager<'_, ListEventsQuery, CaseEventList> {
        Pager::new(self, query, move |client, query| {
            Box::pin(async move { client.list_events(case, &query).await })
        })
    }

    /// `GET /v1/cases/{case}/events`: one page, oldest first.
    pub async fn list_events(
        &self,
        case: u64,
        query: &ListEventsQuery,
    ) -> Result<CaseEventList, ClientError> {
        if self.is_google() {
            return self.google_events(case).await;
        }
        self.get(&format!("v1/cases/{case}/events"), query).await
    }

    /// `GET /v1/cases/{case}/events?after=…&waitSeconds=…`: the events after `after`, or after
    /// waiting up to `wait` for one, none. Tried once: the caller (a watch) decides when to
    /// try again.
    pub async fn wait_events(
        &self,
        case: u64,
        after: u64,
        wait: Duration,
    ) -> Result<CaseEventList, ClientError> {
        if self.is_google() {
            return Err(self.google_unsupported("watch"));
        }
        let url = self.url(&format!("v1/cases/{case}/events"))?;
        let query = ListEventsQuery {
            after: Some(after),
            wait_seconds: Some(wait.as_secs() as u32),
            page_size: Some(MAX_PAGE_SIZE),
            page_token: None,
        };
        let response = self
            .execute(
                Method::GET,
                &url,
                Retry::Never,
                Some(wait + self.options.timeout),
                |req| req.query(&query),
            )
            .await?;
        self.decode(&Method::GET, &url, response).await
    }
}

/// The answer to a create: the case, and whether it was filed before this request (by an
/// earlier create with the same request id and the same fields).
#[derive(Debug, Clone)]
pub struct Filed {
    pub case: Case,
    pub existed: bool,
}

/// Makes ring the process's TLS crypto provider (reqwest is built without one, so that
/// aws-lc's C build stays out of the client). Server certificates of an https endpoint are
/// checked against the operating system's root store (rustls-platform-verifier), so a private
/// CA installed system-wide is trusted. Idempotent: a provider already installed stays.
pub(crate) fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// A path segment, percent-encoded.
fn segment(value: &str) -> String {
    let mut url = Url::parse("http://x/").expect("static URL");
    url.path_segments_mut().expect("base URL").push(value);
    url.path().trim_start_matches('/').to_string()
}

/// `P0`, which the reseller API does not take, is an invalid argument naming the field
/// (commands refuse it before any request; this keeps the client honest).
fn no_p0(priority: Option<Severity>) -> Result<(), ClientError> {
    match priority {
        Some(Severity::P0) => Err(ClientError::invalid_argument(
            "priority",
            priority::p0_refusal("priority"),
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_without_scheme_is_refused_with_an_example() {
        let err = parse_endpoint("127.0.0.1:8765").unwrap_err();
        assert!(matches!(err, ClientError::InvalidEndpoint { .. }));
        assert!(
            err.to_string().contains("such as http://127.0.0.1:8765"),
            "{err}"
        );
    }

    #[test]
    fn endpoints_written_differently_are_the_same_server() {
        for (a, b) in [
            ("http://127.0.0.1:8765", "HTTP://127.0.0.1:8765/"),
            (
                "https://Support.Example.NET",
                "https://support.example.net:443/",
            ),
            ("http://example.com:80", "http://example.com"),
            ("https://example.com/api/", "https://example.com/api"),
        ] {
            assert!(same_endpoint(a, b), "{a} vs {b}");
        }
        for (a, b) in [
            ("http://127.0.0.1:8765", "http://127.0.0.1:8766"),
            ("http://example.com", "https://example.com"),
            ("https://example.com:8443", "https://example.com"),
            ("https://example.com/api", "https://example.com/other"),
            ("https://example.com", "https://example.com.evil.net"),
        ] {
            assert!(!same_endpoint(a, b), "{a} vs {b}");
        }
    }

    #[test]
    fn ftp_endpoint_is_refused() {
        let err = parse_endpoint("ftp://example.com").unwrap_err();
        assert!(err.to_string().contains("http or https"), "{err}");
    }

    #[test]
    fn customer_id_is_percent_encoded_as_one_path_segment() {
        assert_eq!(segment("a/b c"), "a%2Fb%20c");
    }
}
